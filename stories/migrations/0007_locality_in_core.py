"""Localities moved to core (core/0001): the foreign key follows, in Django's state only (same table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("stories", "0006_vietnamese_inline_names")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="storypage",
                    name="locality",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="stories",
                        to="core.locality",
                        verbose_name="địa bàn",
                    ),
                ),
            ],
        ),
    ]
