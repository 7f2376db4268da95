"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("media_pipeline", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="lantoaimage",
            options={
                "permissions": [("choose_lantoaimage", "Can choose image")],
                "verbose_name": "photo",
                "verbose_name_plural": "photos",
            },
        ),
        migrations.AlterField(
            model_name="lantoaimage",
            name="credit",
            field=models.CharField(
                blank=True,
                help_text="The name only: the page puts “Photo:” in front of it.",
                max_length=200,
                verbose_name="photographer / source",
            ),
        ),
    ]
