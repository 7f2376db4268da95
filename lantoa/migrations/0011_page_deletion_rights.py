"""Re-applies the newsroom's roles: only the editor-in-chief (and administrators, who hold every
permission) may delete pages others wrote or that were ever submitted or published
(core.page_permissions)."""

from django.db import migrations

from core.roles import apply_roles


def apply_current_roles(apps, schema_editor):
    # allow_missing: the audio library's permissions come later (lantoa/0013).
    apply_roles(apps, allow_missing=True)


class Migration(migrations.Migration):
    dependencies = [("lantoa", "0010_english_msgids")]

    operations = [migrations.RunPython(apply_current_roles, migrations.RunPython.noop)]
