from django.db import migrations

from core.roles import apply_roles


def create_roles(apps, schema_editor):
    # Today's roles may name permissions of models created later; 0005 and later grant them.
    apply_roles(apps, allow_missing=True)


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0003_home_page"),
        ("stories", "0002_channels"),
        ("campaigns", "0003_initial"),
        ("media_pipeline", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
