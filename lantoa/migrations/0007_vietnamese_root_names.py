from django.db import migrations

# Names Wagtail's own migrations give to rows the admin shows: the tree's root page
# (breadcrumbs), the root collection (upload screens, choosers) and the sample workflow and
# task our review workflow replaced (workflow report filters). (model, lookup, field, English,
# Vietnamese)
NAMES = [
    ("Page", {"depth": 1}, "title", "Root", "Trang gốc"),
    ("Collection", {"depth": 1}, "name", "Root", "Chung"),
    ("Workflow", {}, "name", "Moderators approval", "Quy trình mẫu của Wagtail (không dùng)"),
    ("Task", {}, "name", "Moderators approval", "Bước duyệt mẫu của Wagtail (không dùng)"),
]


def _rename(apps, forward: bool) -> None:
    for model_name, lookup, field, english, vietnamese in NAMES:
        old, new = (english, vietnamese) if forward else (vietnamese, english)
        model = apps.get_model("wagtailcore", model_name)
        changes = {field: new, **({"draft_title": new} if model_name == "Page" else {})}
        model.objects.filter(**lookup, **{field: old}).update(**changes)


def to_vietnamese(apps, schema_editor):
    _rename(apps, forward=True)


def to_english(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa", "0006_merge_media_collation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_vietnamese, to_english)]
