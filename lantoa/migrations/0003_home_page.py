from django.db import migrations


def create_home_page(apps, schema_editor):
    """Replace Wagtail's welcome page with Lan Tỏa's home page as the default site's root."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("lantoa", "HomePage")

    if HomePage.objects.exists():
        return
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, depth=2, slug="home").delete()
    home_type, _ = ContentType.objects.get_or_create(app_label="lantoa", model="homepage")
    root = Page.objects.get(depth=1)
    path = (
        f"{root.path}{root.numchild + 1:04d}"
        if Page.objects.filter(depth=2).exists()
        else f"{root.path}0001"
    )
    home = HomePage.objects.create(
        title="Lan Tỏa",
        draft_title="Lan Tỏa",
        slug="trang-chu",
        content_type=home_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=Locale.objects.order_by("pk").first(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Lan Tỏa"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
