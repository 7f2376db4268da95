"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

import core.collation
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("stories", "0007_locality_in_core"),
        ("syndication", "0007_pulls_keyed_by_outlet"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="airingconfirmation",
            options={
                "verbose_name": "airing confirmation",
                "verbose_name_plural": "airing confirmations",
            },
        ),
        migrations.AlterModelOptions(
            name="delivery",
            options={
                "verbose_name": "story delivered to an outlet",
                "verbose_name_plural": "stories delivered to outlets",
            },
        ),
        migrations.AlterModelOptions(
            name="feedpull",
            options={"verbose_name": "feed pull", "verbose_name_plural": "feed pulls"},
        ),
        migrations.AlterModelOptions(
            name="outlet",
            options={
                "ordering": [
                    models.OrderBy(core.collation.ViCollate(models.F("name")), descending=False)
                ],
                "verbose_name": "outlet",
                "verbose_name_plural": "outlets",
            },
        ),
        migrations.AlterField(
            model_name="airingconfirmation",
            name="confirmed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="confirmed at"
            ),
        ),
        migrations.AlterField(
            model_name="airingconfirmation",
            name="outlet",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="airings",
                to="syndication.outlet",
                verbose_name="outlet",
            ),
        ),
        migrations.AlterField(
            model_name="airingconfirmation",
            name="story",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="airing_confirmations",
                to="stories.storypage",
                verbose_name="story",
            ),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="first_reached_at",
            field=models.DateTimeField(verbose_name="first reached"),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="kind",
            field=models.CharField(
                choices=[
                    ("feed", "Through a feed"),
                    ("script", "Radio script download"),
                    ("airing", "Airing confirmation"),
                ],
                max_length=8,
                verbose_name="how it arrived",
            ),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="last_reached_at",
            field=models.DateTimeField(verbose_name="last reached"),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="outlet",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="deliveries",
                to="syndication.outlet",
                verbose_name="outlet",
            ),
        ),
        migrations.AlterField(
            model_name="delivery",
            name="story",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="deliveries",
                to="stories.storypage",
                verbose_name="story",
            ),
        ),
        migrations.AlterField(
            model_name="feedpull",
            name="feed",
            field=models.CharField(max_length=120, verbose_name="feed"),
        ),
        migrations.AlterField(
            model_name="feedpull",
            name="outlet",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="pulls",
                to="syndication.outlet",
                verbose_name="outlet",
            ),
        ),
        migrations.AlterField(
            model_name="feedpull",
            name="pulled_at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="time"
            ),
        ),
        migrations.AlterField(
            model_name="feedpull",
            name="status",
            field=models.PositiveSmallIntegerField(verbose_name="status code"),
        ),
        migrations.AlterField(
            model_name="feedpull",
            name="user_agent",
            field=models.CharField(blank=True, max_length=300, verbose_name="user agent"),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="contact",
            field=models.TextField(
                blank=True, help_text="Person in charge, phone, email.", verbose_name="contact"
            ),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="kind",
            field=models.CharField(
                choices=[
                    ("newspaper", "Newspaper"),
                    ("radio", "Radio station"),
                    ("television", "Television station"),
                    ("portal", "Web portal"),
                    ("loudspeaker", "Local loudspeaker station"),
                ],
                max_length=20,
                verbose_name="type",
            ),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="locality",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="outlets",
                to="core.locality",
                verbose_name="locality",
            ),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="name",
            field=models.CharField(max_length=200, verbose_name="outlet name"),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="token",
            field=models.CharField(
                blank=True,
                help_text="With a token, the outlet's feed opens only with the right ?token=….",
                max_length=64,
                verbose_name="feed secret token",
            ),
        ),
    ]
