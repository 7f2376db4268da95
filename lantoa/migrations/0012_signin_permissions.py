"""The administrators' group may see and clear sign-in lockouts (django-axes' tables come
after the roles migration, so `apply_roles` could not grant them; docs/security.md)."""

from django.db import migrations

from core import roles

GRANTS = {roles.ADMINISTRATOR: ["view_accessattempt", "delete_accessattempt", "view_accesslog"]}


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "axes", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("axes", "0010_accessattemptexpiration"),
        ("lantoa", "0011_page_deletion_rights"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
