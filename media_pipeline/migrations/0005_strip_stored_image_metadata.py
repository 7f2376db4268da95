"""Photos stored before intake stripped them lose their GPS position, camera, serial, software,
XMP, IPTC and comments in place (media_pipeline.images.stored); their renditions are deleted
and made again, clean, when next asked for. Ids, credits, focal points, tags and collections
are kept. `manage.py strip_image_metadata` does the same on demand."""

from django.db import migrations


def strip_stored_photos(apps, schema_editor):
    from media_pipeline.images.stored import strip_all

    strip_all(apps.get_model("media_pipeline", "LanToaImage").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("media_pipeline", "0004_pronunciation_permissions"),
    ]

    operations = [
        migrations.RunPython(strip_stored_photos, migrations.RunPython.noop, elidable=True),
    ]
