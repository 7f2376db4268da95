"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="dailystat",
            options={"verbose_name": "daily figures", "verbose_name_plural": "daily figures"},
        ),
        migrations.AlterModelOptions(
            name="event",
            options={"verbose_name": "event", "verbose_name_plural": "events"},
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="audio_plays",
            field=models.PositiveIntegerField(default=0, verbose_name="plays"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="bot_views",
            field=models.PositiveIntegerField(default=0, verbose_name="bot views"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="day",
            field=models.DateField(verbose_name="date"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="feed_pulls",
            field=models.PositiveIntegerField(default=0, verbose_name="feed pulls"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="key",
            field=models.CharField(max_length=200, verbose_name="key"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="label",
            field=models.CharField(blank=True, max_length=255, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="no_results",
            field=models.PositiveIntegerField(default=0, verbose_name="no-result searches"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="outlet_ids",
            field=models.JSONField(blank=True, default=list, verbose_name="outlets pulling"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="reads",
            field=models.PositiveIntegerField(default=0, verbose_name="full reads"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="scope",
            field=models.CharField(
                choices=[
                    ("site", "Whole site"),
                    ("page", "Page"),
                    ("story", "Stories"),
                    ("exemplar", "Exemplars"),
                    ("column", "Columns"),
                    ("outlet", "Outlets"),
                    ("referrer", "Traffic sources"),
                    ("host", "Referring sites"),
                    ("device", "Devices"),
                    ("search", "Search terms"),
                ],
                max_length=10,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="searches",
            field=models.PositiveIntegerField(default=0, verbose_name="searches"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="views",
            field=models.PositiveIntegerField(default=0, verbose_name="views"),
        ),
        migrations.AlterField(
            model_name="dailystat",
            name="visitors",
            field=models.PositiveIntegerField(default=0, verbose_name="visitors"),
        ),
        migrations.AlterField(
            model_name="event",
            name="channel",
            field=models.CharField(
                blank=True,
                choices=[
                    ("facebook", "Facebook"),
                    ("zalo", "Zalo"),
                    ("copy", "Copy link"),
                    ("email", "Email"),
                    ("print", "Print"),
                ],
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="device",
            field=models.CharField(
                choices=[
                    ("mobile", "Phone"),
                    ("tablet", "Tablet"),
                    ("desktop", "Computer"),
                    ("bot", "Bot"),
                ],
                max_length=8,
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="kind",
            field=models.CharField(
                choices=[
                    ("view", "Views"),
                    ("read", "Full reads"),
                    ("share", "Shares"),
                    ("audio", "Plays"),
                    ("search", "Searches"),
                ],
                max_length=8,
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="referrer_category",
            field=models.CharField(
                choices=[
                    ("search", "Search engine"),
                    ("facebook", "Facebook"),
                    ("zalo", "Zalo"),
                    ("social", "Other social network"),
                    ("internal", "Internal"),
                    ("direct", "Direct"),
                    ("other", "Other source"),
                ],
                max_length=10,
            ),
        ),
    ]
