"""Campaign reports move to the private storage (core.storage): the files written under the
public /media/campaign-reports/ are copied there and the public copies deleted; going back
moves them back. The editor-in-chief may now read the reports (core.roles names the groups)."""

from django.core.files.storage import storages
from django.db import migrations, models

import core.storage
from core import roles


def _move(apps, source: str, target: str) -> None:
    CampaignReport = apps.get_model("campaigns", "CampaignReport")
    reports = CampaignReport.objects.exclude(file="")
    moved = core.storage.move_files(
        reports.values_list("file", flat=True), storages[source], storages[target]
    )
    for old, new in moved.items():
        if old != new:
            reports.filter(file=old).update(file=new)


def to_private(apps, schema_editor):
    _move(apps, "default", "private")


def to_public(apps, schema_editor):
    _move(apps, "private", "default")


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "campaigns", {roles.EDITOR_IN_CHIEF: ["view_campaignreport"]})


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0009_english_msgids"),
    ]

    operations = [
        migrations.AlterField(
            model_name="campaignreport",
            name="file",
            field=models.FileField(
                blank=True,
                storage=core.storage.private_storage,
                upload_to="campaign-reports/",
                verbose_name="tệp",
            ),
        ),
        migrations.RunPython(to_private, to_public),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
