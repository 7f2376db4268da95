"""The newsroom's groups get the campaign permissions (core.roles names the groups).

lantoa's roles migration runs before these tables exist, so the grants live here, as
syndication/0002 does for outlets. Journalists and editors read campaigns; campaign
officers keep them. Stage events have no admin permissions: they are only appended.
"""

from django.db import migrations

from core import roles

_KEEP = [
    f"{action}_{model}"
    for model in ("campaign", "participation", "campaignreport")
    for action in ("add", "change", "delete", "view")
]
_READ = ["view_campaign", "view_participation"]

GRANTS = {
    roles.CAMPAIGN_OFFICER: _KEEP,
    roles.ADMINISTRATOR: _KEEP,
    roles.EDITOR_IN_CHIEF: _READ,
    roles.EDITOR: _READ,
    roles.JOURNALIST: _READ,
}


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "campaigns", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_campaigns_pipeline"),
        ("lantoa", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
