"""Campaign officers keep the readers' nominations (core.roles.NOMINATION_KEEPERS)."""

from django.db import migrations

from core import roles

CODENAMES = ["view_nomination", "change_nomination", "delete_nomination"]


def grant(apps, schema_editor):
    roles.grant_app_permissions(
        apps, "campaigns", {name: CODENAMES for name in roles.NOMINATION_KEEPERS}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0015_reader_nominations"),
        ("lantoa", "0012_signin_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
