"""The SQLite FTS5 tables index `SearchDocument` itself (external content, migration search/0010):
triggers must keep them exact through every write, or a reader finds a removed story, or misses
an edited one."""

import pytest
from django.db import connection

from search.backends.base import SearchQuery
from search.backends.sqlite import EXACT_TABLE, FOLDED_TABLE
from search.models import SearchDocument


def _titles(backend, text: str) -> list[str]:
    return [hit.title for hit in backend.search(SearchQuery(text=text)).hits]


def _integrity_check() -> None:
    """FTS5's own check that the index holds exactly the terms of the content rows (raises
    'database disk image is malformed' otherwise)."""
    with connection.cursor() as cursor:
        for table in (FOLDED_TABLE, EXACT_TABLE):
            cursor.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def test_the_index_holds_no_copy_of_the_text(sqlite_only):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'lantoa_search_fts%'")
        tables = {row[0] for row in cursor.fetchall()}
    assert {FOLDED_TABLE, EXACT_TABLE} <= tables
    assert not {name for name in tables if name.endswith("_content")}
    assert "lantoa_search_fts" not in tables  # the old table with its own copy is gone


def test_reindexing_deleting_and_editing_rows_keep_the_index_exact(sqlite_only, backend, indexed):
    first, second = indexed(("Vườn ươm cây giống", "Hợp tác xã Tân Thạnh"), ("Cam sành", "cam"))
    _integrity_check()
    assert _titles(backend, "vuon uom") == ["Vườn ươm cây giống"]

    backend.index([first])  # reindexed: the old row's terms leave with it
    assert _titles(backend, "tan thanh") == ["Vườn ươm cây giống"]
    _integrity_check()

    # A row changed in place (a data migration, an admin fix): the triggers follow it.
    SearchDocument.objects.filter(page_id=second.page_id).update(
        title="Bưởi da xanh", title_folded="buoi da xanh", body="bưởi", body_folded="buoi"
    )
    assert _titles(backend, "cam sanh") == []
    assert _titles(backend, "bưởi") == ["Bưởi da xanh"]
    _integrity_check()

    backend.delete([first.page_id])
    assert _titles(backend, "vuon uom") == []
    backend.clear()
    assert _titles(backend, "buoi") == []
    _integrity_check()


@pytest.mark.parametrize(("query", "first"), [("má", "Má tôi"), ("mà", "Mà thôi")])
def test_the_exact_table_ranks_the_spelling_typed_first(
    sqlite_only, backend, indexed, query, first
):
    indexed(("Má tôi", "má"), ("Mà thôi", "mà"), ("Mã số", "mã"))
    titles = _titles(backend, query)
    assert len(titles) == 3  # all three fold to "ma" and match
    assert titles[0] == first
