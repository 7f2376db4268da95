from django.db import migrations

CHANNELS = [
    ("newspaper", "Báo in và báo điện tử", 1),
    ("radio_tv", "Phát thanh – Truyền hình", 2),
    ("portal", "Cổng thông tin điện tử", 3),
    ("loudspeaker", "Truyền thanh cơ sở (loa xã, phường)", 4),
]


def create_channels(apps, schema_editor):
    Channel = apps.get_model("stories", "Channel")
    for code, name, order in CHANNELS:
        Channel.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial")]

    operations = [migrations.RunPython(create_channels, migrations.RunPython.noop)]
