"""Editors keep the pronunciation dictionary; journalists may read it (core.roles names the
groups). The roles migration runs before this table exists, so the grants live here."""

from django.db import migrations

from core import roles

ALL = ["add_pronunciation", "change_pronunciation", "delete_pronunciation", "view_pronunciation"]
GRANTS = {
    roles.EDITOR: ALL,
    roles.EDITOR_IN_CHIEF: ALL,
    roles.ADMINISTRATOR: ALL,
    roles.JOURNALIST: ["view_pronunciation"],
}


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "media_pipeline", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("media_pipeline", "0003_pronunciation_dictionary"),
        ("lantoa", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
