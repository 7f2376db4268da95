"""Hidden search terms ("Từ khóa không hiển thị") and who keeps them.

Editors and the editor-in-chief add, change and delete them; administrators too (core.roles
names the groups; lantoa's roles migration runs before this table exists, so the grants
live here).
"""

from django.db import migrations, models

from core import roles

_KEEP = [
    "add_hiddensearchterm",
    "change_hiddensearchterm",
    "delete_hiddensearchterm",
    "view_hiddensearchterm",
]
GRANTS = {roles.EDITOR: _KEEP, roles.EDITOR_IN_CHIEF: _KEEP, roles.ADMINISTRATOR: _KEEP}


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "lantoa_search", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa_search", "0006_english_msgids"),
        ("lantoa", "0004_roles_and_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name="HiddenSearchTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "phrase",
                    models.CharField(
                        help_text="Searches containing it are not shown under popular searches, with or without diacritics.",
                        max_length=200,
                        verbose_name="Word or phrase",
                    ),
                ),
                ("folded", models.CharField(editable=False, max_length=200, unique=True)),
                (
                    "reason",
                    models.TextField(
                        blank=True,
                        help_text="For the newsroom only; readers never see it.",
                        verbose_name="Reason",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Added at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Changed at")),
            ],
            options={
                "verbose_name": "hidden search term",
                "verbose_name_plural": "hidden search terms",
                "ordering": ["folded"],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
