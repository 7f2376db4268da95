"""Facet labels come from the documents (each page model's `search_document()`), stored beside
their codes, so every engine shows them; the index is rebuilt once by the task worker to fill
them (with the immediate backend nothing is queued: run `manage.py search_reindex`)."""

from django.db import migrations, models


def queue_rebuild(apps, schema_editor):
    from django_tasks import default_task_backend

    if not default_task_backend.supports_defer:
        return
    from search.tasks import rebuild_index

    rebuild_index.enqueue()


class Migration(migrations.Migration):
    dependencies = [("lantoa_search", "0004_rebuild_index_with_plain_text_boundaries")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="kind_label",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="exemplar_field_label",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.RunPython(queue_rebuild, migrations.RunPython.noop, elidable=True),
    ]
