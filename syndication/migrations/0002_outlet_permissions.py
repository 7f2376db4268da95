"""The newsroom's groups get the outlet permissions (core.roles names the groups).

lantoa's roles migration runs before this app's tables exist, so the grants live here.
"""

from django.db import migrations

from core import roles

GRANTS = {
    roles.EDITOR_IN_CHIEF: ["add_outlet", "change_outlet", "delete_outlet", "view_outlet"],
    roles.ADMINISTRATOR: ["add_outlet", "change_outlet", "delete_outlet", "view_outlet"],
    roles.EDITOR: ["view_outlet"],
}


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "syndication", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0001_initial"),
        ("lantoa", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
