"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

import core.collation
import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("media_pipeline", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="locality",
            options={
                "ordering": [
                    "level",
                    models.OrderBy(core.collation.ViCollate(models.F("name")), descending=False),
                ],
                "verbose_name": "locality",
                "verbose_name_plural": "localities",
            },
        ),
        migrations.AlterModelOptions(
            name="sitesettings",
            options={"verbose_name": "site settings"},
        ),
        migrations.AlterField(
            model_name="locality",
            name="level",
            field=models.CharField(
                choices=[
                    ("province", "Province / municipality"),
                    ("district", "District / town / provincial city"),
                    ("commune", "Commune / ward / township"),
                ],
                max_length=10,
                verbose_name="level",
            ),
        ),
        migrations.AlterField(
            model_name="locality",
            name="name",
            field=models.CharField(max_length=120, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="locality",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="children",
                to="core.locality",
                verbose_name="part of",
            ),
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="contact_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="contact email"),
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="default_share_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="media_pipeline.lantoaimage",
                verbose_name="default share image",
            ),
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="footer_text",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="footer"),
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="publisher",
            field=models.CharField(
                blank=True,
                default="Ban Tuyên giáo và Dân vận Tỉnh ủy",
                max_length=200,
                verbose_name="governing body",
            ),
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="tagline",
            field=models.CharField(
                blank=True,
                default="Lan tỏa những tấm gương sáng",
                max_length=200,
                verbose_name="tagline",
            ),
        ),
    ]
