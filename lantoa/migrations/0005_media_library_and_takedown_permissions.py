"""Re-applies the newsroom's roles: the media library (Wagtail's image, document and collection
permissions on the root collection, in place of the image model's own, which Wagtail never
read) and the editor-in-chief's takedown notices (stories.Withdrawal)."""

from django.db import migrations

from core.roles import apply_roles


def apply_current_roles(apps, schema_editor):
    # allow_missing: the audio library's permissions come later (lantoa/0013).
    apply_roles(apps, allow_missing=True)


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0004_roles_and_workflow"),
        ("wagtailimages", "0027_image_description"),
        ("stories", "0004_withdrawal"),
    ]

    operations = [migrations.RunPython(apply_current_roles, migrations.RunPython.noop)]
