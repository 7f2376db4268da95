from django.db import migrations

from lantoa.roles import COLLECTION_PERMISSIONS, ensure_permissions


def grant_image_permissions(apps, schema_editor):
    """Grant the newsroom's image permissions on wagtailimages.Image, the model Wagtail checks.

    0004 granted them on media_pipeline.LanToaImage, which Wagtail's image permission policy
    never reads, so no role could open the image library or upload; those grants are removed.
    Only image grants change here: other apps' migrations add permissions to the same groups.
    """
    ensure_permissions(apps, {"wagtailimages"})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="media_pipeline",
        permission__codename__endswith="_lantoaimage",
    ).delete()
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for group_name, grants in COLLECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        for app_label, codename in grants:
            if group is None or app_label != "wagtailimages":
                continue
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0005_vietnamese_root_names"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant_image_permissions, migrations.RunPython.noop)]
