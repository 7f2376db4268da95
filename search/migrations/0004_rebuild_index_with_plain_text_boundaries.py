"""The index is derived data: documents built before core.plaintext glued paragraphs together
("năm 2024Nhiều"), so the whole index is rebuilt once, by the task worker after the deploy.

Runs no search code itself: it only queues `search.tasks.rebuild_index` when the task backend
runs tasks later (the database backend). With the immediate backend (tests, TASKS_BACKEND=
immediate) nothing is queued: run `manage.py search_reindex` (docs/search.md).
"""

from django.db import migrations


def queue_rebuild(apps, schema_editor):
    from django_tasks import default_task_backend

    if not default_task_backend.supports_defer:
        return
    from search.tasks import rebuild_index

    rebuild_index.enqueue()


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa_search", "0003_drop_querystat"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(queue_rebuild, migrations.RunPython.noop, elidable=True)]
