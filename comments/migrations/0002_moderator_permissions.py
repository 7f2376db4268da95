"""Editors and the editor-in-chief moderate readers' comments (core.roles.COMMENT_MODERATORS)."""

from django.db import migrations

from core import roles

CODENAMES = ["moderate_comment", "view_comment", "change_comment"]


def grant(apps, schema_editor):
    roles.grant_app_permissions(
        apps, "reader_comments", {name: CODENAMES for name in roles.COMMENT_MODERATORS}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reader_comments", "0001_initial"),
        ("lantoa", "0012_signin_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
