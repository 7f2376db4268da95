"""Re-applies the newsroom's roles now that the audio library (wagtailmedia) exists: journalists
add audio and choose any item; editors and the editor-in-chief also edit and delete anyone's."""

from django.db import migrations

from core.roles import apply_roles


def apply_current_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0012_signin_permissions"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("media_pipeline", "0006_audio_library"),
    ]

    operations = [migrations.RunPython(apply_current_roles, migrations.RunPython.noop)]
