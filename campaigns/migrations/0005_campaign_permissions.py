"""The newsroom's groups get the campaign permissions (lantoa.roles names the groups).

lantoa's roles migration runs before these tables exist, so the grants live here, as
syndication/0002 does for outlets. Journalists and editors read campaigns; campaign
officers keep them. Stage events have no admin permissions: they are only appended.
"""

from django.db import migrations

from lantoa import roles

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
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("campaigns")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="campaigns", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_campaigns_pipeline"),
        ("lantoa", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
