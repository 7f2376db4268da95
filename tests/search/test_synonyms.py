"""Abbreviations readers type ("HTX", "UBND"): both ways, without diacritics, phrases intact,
the pages written as typed first; through the results page's own path (`search.queries.run`)
on the configured engine (SQLite FTS5, or PostgreSQL with DATABASE_URL)."""

import io
from urllib.parse import urlencode

import lxml.html
import pytest
from django.core.management import call_command
from django.http import QueryDict

from core.cache import site_changed
from search import queries, vocabulary
from search.backends.base import IndexedDocument
from search.models import SearchSynonym

LITERAL = "HTX Tân Tiến làm giàu từ bưởi"
IN_FULL = "Hợp tác xã Hòa Bình mở rộng vùng chè"
COUNCIL = "Khen thưởng tập thể điển hình"
FARMERS = "Nông dân sản xuất giỏi"


@pytest.fixture
def corpus(indexed):
    return indexed(
        IndexedDocument(1, "story", LITERAL, "/a/", body="Các xã viên HTX trồng bưởi."),
        IndexedDocument(2, "story", IN_FULL, "/b/", body="Hợp tác xã có 40 thành viên."),
        IndexedDocument(
            3, "story", COUNCIL, "/c/", body="Ủy ban nhân dân tỉnh khen thưởng năm tập thể."
        ),
        IndexedDocument(4, "story", FARMERS, "/d/", body="Bà con thi đua sản xuất."),
    )


def titles(q: str) -> list[str]:
    outcome = queries.run(QueryDict(urlencode({"q": q})))
    return [hit.title for hit in outcome.results.hits] if outcome.results else []


def test_the_seeded_list_holds_the_officialese_readers_type(db):
    pairs = dict(SearchSynonym.objects.values_list("folded_abbreviation", "folded_meaning"))
    assert pairs["htx"] == "hop tac xa"
    assert pairs["ubnd"] == "uy ban nhan dan"
    assert pairs["mttq"] == "mat tran to quoc"
    assert pairs["dtn"] == "doan thanh nien"
    assert pairs["kt xh"] == "kinh te xa hoi"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("htx", [LITERAL, IN_FULL]),  # the page written "HTX" first
        ("HTX", [LITERAL, IN_FULL]),
        ("hop tac xa", [IN_FULL, LITERAL]),  # written in full first
        ("Hợp tác xã", [IN_FULL, LITERAL]),
        ("htx che", [IN_FULL]),  # the other syllables still required
        ("htx buoi", [LITERAL]),
    ],
)
def test_an_abbreviation_and_its_words_find_each_other_as_typed_first(corpus, typed, expected):
    assert titles(typed) == expected


def test_a_quoted_phrase_keeps_its_order_through_the_abbreviation(corpus):
    assert titles('"ubnd tinh"') == [COUNCIL]
    assert titles('"ubnd huyen"') == []  # "Ủy ban nhân dân tỉnh" is no "huyện"
    assert titles('"tinh ubnd"') == []


def test_the_words_in_full_are_marked_in_the_excerpt(corpus):
    outcome = queries.run(QueryDict("q=htx"))
    snippet = {hit.title: hit.snippet for hit in outcome.results.hits}[IN_FULL]
    marked = [mark.text for mark in lxml.html.fromstring(f"<p>{snippet}</p>").iter("mark")]
    assert marked[:3] == ["Hợp", "tác", "xã"]


def test_an_editors_new_abbreviation_is_used_on_the_next_search(corpus):
    assert titles("sxkd") == []  # seeded, but no page says "sản xuất kinh doanh"
    assert titles("ndsx") == []
    SearchSynonym.objects.create(abbreviation="NDSX", meaning="nông dân sản xuất")
    assert titles("ndsx") == [FARMERS]


def test_the_list_is_read_once_per_site_generation(corpus):
    """Each process holds the folded list until the shared generation moves: a change made
    without signals (as another process's would look from here) shows once it does."""
    assert titles("htx") == [LITERAL, IN_FULL]
    SearchSynonym.objects.filter(folded_abbreviation="htx").update(
        folded_abbreviation="hx", abbreviation="HX"
    )
    assert titles("htx") == [LITERAL, IN_FULL]  # still the list this process holds
    site_changed()
    assert titles("htx") == [LITERAL]
    assert titles("hx") == [IN_FULL]  # "HX" is written nowhere: the words in full


def test_a_deleted_abbreviation_stops_widening(corpus):
    SearchSynonym.objects.get(folded_abbreviation="htx").delete()
    assert titles("htx") == [LITERAL]


def test_spelling_correction_leaves_abbreviations_alone(corpus):
    """ "tp" is one keystroke from "to"; it is the editors' "thành phố", not a typo."""
    vocabulary.learn(
        [IndexedDocument(9, "story", "Cây to giữa làng", "/e/", body="Cây to lắm. Cây to.")]
    )
    assert vocabulary.correct("tp dien bien") == ""
    assert vocabulary.correct("tp cay") == ""
    SearchSynonym.objects.get(folded_abbreviation="tp").delete()
    assert vocabulary.correct("tp cay") == "to cay"


def test_search_reindex_says_how_text_is_analysed(db):
    out = io.StringIO()
    call_command("search_reindex", "--no-progress", stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    count = SearchSynonym.objects.count()
    assert last.startswith("Phân tích văn bản: ")
    assert f"áp dụng {count} từ viết tắt khi tìm" in last
