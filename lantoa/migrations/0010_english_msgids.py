"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0009_localities_and_settings_in_core"),
        ("stories", "0007_locality_in_core"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="homefeaturedstory",
            options={"ordering": ["sort_order"], "verbose_name": "featured story"},
        ),
        migrations.AlterModelOptions(
            name="homepage",
            options={"verbose_name": "home page"},
        ),
        migrations.AlterField(
            model_name="homefeaturedstory",
            name="story",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="stories.storypage",
                verbose_name="story",
            ),
        ),
        migrations.AlterField(
            model_name="homepage",
            name="intro",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="introductory text"),
        ),
        migrations.AlterField(
            model_name="homepage",
            name="latest_per_column",
            field=models.PositiveSmallIntegerField(
                default=4, verbose_name="latest stories per column"
            ),
        ),
    ]
