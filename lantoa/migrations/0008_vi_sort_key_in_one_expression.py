"""PostgreSQL's `vi_sort_key()` as one inlinable expression over the decomposed name (about
twice as fast as the first version, which split the name into rows); the order is the same."""

from django.db import migrations

from vietnamese.collation import postgres_function_sql


def replace_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(postgres_function_sql())


class Migration(migrations.Migration):
    dependencies = [("lantoa", "0007_vietnamese_root_names")]

    operations = [migrations.RunPython(replace_function, migrations.RunPython.noop)]
