"""Abbreviations readers type ("Từ viết tắt khi tìm kiếm"), seeded with the officialese of
provincial news, and who keeps them: editors and the editor-in-chief add, change and delete
them, administrators too (core.roles names the groups; the roles migration runs before this
table exists, so the grants live here). On Elasticsearch the search analyzer gains a synonym
filter, so the index is rebuilt once by the task worker (SQLite and PostgreSQL apply the list
at query time and need nothing)."""

from django.db import migrations, models

from core import roles

# Two-way: each abbreviation finds its words in full and the other way round. "TP" alone is
# "thành phố" in the news (in "ATTP" it is "thực phẩm", but that is another abbreviation).
SEED = [
    ("HTX", "hợp tác xã"),
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
    ("MTTQ", "mặt trận tổ quốc"),
    ("TP", "thành phố"),
    ("CCB", "cựu chiến binh"),
    ("ĐTN", "đoàn thanh niên"),
    ("NTM", "nông thôn mới"),
    ("SXKD", "sản xuất kinh doanh"),
    ("BCH", "ban chấp hành"),
    ("LĐLĐ", "liên đoàn lao động"),
    ("THPT", "trung học phổ thông"),
    ("THCS", "trung học cơ sở"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHYT", "bảo hiểm y tế"),
    ("ATGT", "an toàn giao thông"),
    ("PCCC", "phòng cháy chữa cháy"),
    ("KT-XH", "kinh tế - xã hội"),
]
_KEEP = [
    "add_searchsynonym",
    "change_searchsynonym",
    "delete_searchsynonym",
    "view_searchsynonym",
]
GRANTS = {roles.EDITOR: _KEEP, roles.EDITOR_IN_CHIEF: _KEEP, roles.ADMINISTRATOR: _KEEP}


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "lantoa_search", GRANTS)


def seed(apps, schema_editor):
    from search.analysis import folded_terms

    SearchSynonym = apps.get_model("lantoa_search", "SearchSynonym")
    for abbreviation, meaning in SEED:
        SearchSynonym.objects.get_or_create(
            folded_abbreviation=folded_terms(abbreviation),
            defaults={
                "abbreviation": abbreviation,
                "meaning": meaning,
                "folded_meaning": folded_terms(meaning),
            },
        )


def unseed(apps, schema_editor):
    from search.analysis import folded_terms

    SearchSynonym = apps.get_model("lantoa_search", "SearchSynonym")
    SearchSynonym.objects.filter(
        folded_abbreviation__in=[folded_terms(abbreviation) for abbreviation, _ in SEED]
    ).delete()


def queue_rebuild_on_elasticsearch(apps, schema_editor):
    from django.conf import settings
    from django_tasks import default_task_backend

    from search.backends import ELASTICSEARCH, InvalidSearchURL, parse_search_url

    try:
        engine = parse_search_url(getattr(settings, "SEARCH_URL", "")).engine
    except InvalidSearchURL:
        return  # `manage.py check` says what is wrong; nothing to rebuild yet
    if engine != ELASTICSEARCH or not default_task_backend.supports_defer:
        return
    from search.tasks import rebuild_index

    rebuild_index.enqueue()


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa_search", "0008_vocabulary"),
        ("lantoa", "0004_roles_and_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "abbreviation",
                    models.CharField(
                        help_text="As readers type it, e.g. HTX, UBND.",
                        max_length=30,
                        verbose_name="Abbreviation",
                    ),
                ),
                (
                    "meaning",
                    models.CharField(
                        help_text="The words in full. Searching either finds both.",
                        max_length=120,
                        verbose_name="Stands for",
                    ),
                ),
                (
                    "folded_abbreviation",
                    models.CharField(editable=False, max_length=30, unique=True),
                ),
                ("folded_meaning", models.CharField(editable=False, max_length=120)),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Added at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Changed at")),
            ],
            options={
                "verbose_name": "search abbreviation",
                "verbose_name_plural": "search abbreviations",
                "ordering": ["folded_abbreviation"],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(seed, unseed),
        migrations.RunPython(
            queue_rebuild_on_elasticsearch, migrations.RunPython.noop, elidable=True
        ),
    ]
