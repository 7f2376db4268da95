"""Localities and the site settings now live in core (core/0001): lantoa's state lets go of
them once every foreign key points to core's, and their content types are renamed to core, so
the groups' permissions on them and Wagtail's history follow. Their tables stay as they are."""

from django.db import migrations

MOVED_MODELS = ["locality", "sitesettings"]


def move_content_types(apps, schema_editor, old: str = "lantoa", new: str = "core") -> None:
    """Rename each moved model's content type. A type under the new label already exists only
    when `migrate` ran while the model was elsewhere (a rollback, then this migration again):
    its grants join the renamed type's permissions and it goes, so no grant is lost."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    for model in MOVED_MODELS:
        moving = types.filter(app_label=old, model=model).first()
        if moving is None:
            continue
        stale = types.filter(app_label=new, model=model).first()
        if stale is not None:
            for permission in Permission.objects.using(db).filter(content_type=stale):
                kept = (
                    Permission.objects.using(db)
                    .filter(content_type=moving, codename=permission.codename)
                    .first()
                )
                if kept is None:
                    permission.content_type = moving
                    permission.save(update_fields=["content_type"])
                else:
                    kept.group_set.add(*permission.group_set.all())
                    kept.user_set.add(*permission.user_set.all())
            stale.delete()
        moving.app_label = new
        moving.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def restore_content_types(apps, schema_editor) -> None:
    move_content_types(apps, schema_editor, old="core", new="lantoa")


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0008_vi_sort_key_in_one_expression"),
        ("core", "0001_initial"),
        ("stories", "0007_locality_in_core"),
        ("campaigns", "0008_locality_in_core"),
        ("syndication", "0006_locality_in_core"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Locality"),
                migrations.DeleteModel(name="SiteSettings"),
            ],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
