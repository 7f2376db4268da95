"""Address keys on events and distinct addresses in the roll-ups ("popular searches").

Rows rolled up before this have no addresses (0), so no earlier query counts as popular
until readers from enough addresses ask it again: a rigged list does not survive the update.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0002_english_msgids"),
    ]

    operations = [
        migrations.AddField(
            model_name="dailystat",
            name="addresses",
            field=models.PositiveIntegerField(default=0, verbose_name="Addresses"),
        ),
        migrations.AddField(
            model_name="event",
            name="address_key",
            field=models.CharField(blank=True, max_length=16),
        ),
    ]
