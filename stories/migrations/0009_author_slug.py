"""Author pages (/tac-gia/<slug>/, issue 17): every existing author gets a unique slug folded
from the name, the same way a new one is given it on saving."""

from django.db import migrations, models

from stories.models import unique_author_slug

HELP = "The author's page is /tac-gia/<address>/. Left blank, it is made from the name."


def fill_slugs(apps, schema_editor):
    Author = apps.get_model("stories", "Author")
    for author in Author.objects.filter(slug="").order_by("pk"):
        author.slug = unique_author_slug(Author.objects.exclude(pk=author.pk), author.name)
        author.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0008_english_msgids"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                blank=True, help_text=HELP, max_length=80, verbose_name="slug", db_index=False
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                blank=True, help_text=HELP, max_length=80, unique=True, verbose_name="slug"
            ),
        ),
    ]
