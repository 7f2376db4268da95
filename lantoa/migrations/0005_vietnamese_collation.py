"""Vietnamese dictionary order: PostgreSQL's `vi_sort_key()` and localities sorted by it.

SQLite needs nothing stored: its "vi" collation is registered on each connection
(core/collation.py). Other apps' ordering migrations depend on this one.
"""

from django.db import migrations, models

import core.collation
from vietnamese.collation import postgres_function_sql


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(postgres_function_sql())


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS vi_sort_key(text)")


class Migration(migrations.Migration):
    dependencies = [("lantoa", "0004_roles_and_workflow")]

    operations = [
        migrations.RunPython(create_function, drop_function),
        migrations.AlterModelOptions(
            name="locality",
            options={
                "ordering": [
                    "level",
                    models.OrderBy(core.collation.ViCollate(models.F("name")), descending=False),
                ],
                "verbose_name": "địa bàn",
                "verbose_name_plural": "địa bàn",
            },
        ),
    ]
