"""The newsroom's groups get the outlet permissions (lantoa.roles names the groups).

lantoa's roles migration runs before this app's tables exist, so the grants live here.
"""

from django.db import migrations

from lantoa import roles

GRANTS = {
    roles.EDITOR_IN_CHIEF: ["add_outlet", "change_outlet", "delete_outlet", "view_outlet"],
    roles.ADMINISTRATOR: ["add_outlet", "change_outlet", "delete_outlet", "view_outlet"],
    roles.EDITOR: ["view_outlet"],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("syndication")
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
                    content_type__app_label="syndication", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0001_initial"),
        ("lantoa", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
