"""Localities moved to core (core/0001): the foreign key follows, in Django's state only (same table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("syndication", "0005_backfill_deliveries")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="outlet",
                    name="locality",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="outlets",
                        to="core.locality",
                        verbose_name="địa bàn",
                    ),
                ),
            ],
        ),
    ]
