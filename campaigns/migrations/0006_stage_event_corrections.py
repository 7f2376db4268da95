"""Stage-event corrections (append-only) and who may record them.

Campaign officers and administrators may add and view corrections (core.roles names the
groups); nobody gets change or delete: corrections, like stage events, are only appended.
The time this migration is applied is also when day-first date input reached this site:
`manage.py repair_swapped_dates` reads revisions saved before it as month-first
(docs/operations.md).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core import roles

GRANTS = {
    roles.CAMPAIGN_OFFICER: ["add_stageeventcorrection", "view_stageeventcorrection"],
    roles.ADMINISTRATOR: ["add_stageeventcorrection", "view_stageeventcorrection"],
}


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "campaigns", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0005_campaign_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StageEventCorrection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("previous_on", models.DateField(verbose_name="ngày trước khi đính chính")),
                ("corrected_on", models.DateField(verbose_name="ngày đúng")),
                ("reason", models.TextField(verbose_name="lý do đính chính")),
                (
                    "recorded_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="thời điểm đính chính"),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="campaigns.stageevent",
                        verbose_name="lần chuyển giai đoạn",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người đính chính",
                    ),
                ),
            ],
            options={
                "verbose_name": "đính chính ngày chuyển giai đoạn",
                "verbose_name_plural": "đính chính ngày chuyển giai đoạn",
                "ordering": ["recorded_at", "pk"],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
