"""Typos corrected and diacritics restored from the syllables of our own published text."""

import lxml.html
import pytest

from search import index, vocabulary
from search.backends.base import IndexedDocument
from search.models import SearchBigram, SearchSyllable

SEARCH = "/tim-kiem/"


def _doc(number: int, title: str, body: str = "") -> IndexedDocument:
    return IndexedDocument(number, "story", title, f"/p/{number}/", body=body)


@pytest.fixture
def corpus(indexed):
    docs = indexed(
        _doc(1, "Hợp tác xã Điện Biên làm giàu", "Xã viên Điện Biên trồng cà phê."),
        _doc(2, "Nuôi ong dưới tán rừng", "Nghề nuôi ong dưới tán rừng keo ở Điện Biên."),
        _doc(3, "Giảm nghèo bền vững", "Bán hàng, bán cá, bán rau; nhà mua bàn ghế mới."),
        _doc(4, "Cây chò trăm tuổi", "Biển xanh, biển lặng, biển đẹp; bờ biên giới."),
    )
    vocabulary.learn(docs)
    return docs


def _page(client, q: str):
    document = lxml.html.fromstring(client.get(SEARCH, {"q": q}).content.decode())
    titles = [a.text_content().strip() for a in document.xpath("//article//h2/a")]
    notes = [
        p.text_content().strip() for p in document.xpath("//p[contains(@class, 'search-note')]")
    ]
    return titles, notes


def test_typos_are_corrected_to_the_syllables_our_text_uses(corpus):
    assert vocabulary.correct("hop tac xa dien bein") == "hop tac xa dien bien"
    assert vocabulary.correct("nuoi ong duoi tan rugn") == "nuoi ong duoi tan rung"
    assert vocabulary.correct("hop tac xa") == ""  # nothing unknown, nothing to correct


def test_a_typo_is_read_beside_its_neighbours_before_by_use(indexed):
    # "tarn" is one keystroke from "tân" (on many pages) and from "trần" (on one, beside
    # "hồng"): the neighbour decides, as the reader meant "Trần Hồng Phúc".
    docs = indexed(
        _doc(1, "Trần Hồng Phúc giữ rừng"),
        *[_doc(number, f"Xã Tân Lập mùa {number}") for number in range(2, 8)],
    )
    vocabulary.learn(docs)
    assert vocabulary.correct("tarn hong phuc") == "tran hong phuc"
    assert vocabulary.correct("tarn lap") == "tan lap"
    assert vocabulary.correct("tarn") == "tan"  # no neighbour: the most used spelling


def test_a_correction_never_trades_one_tone_for_another(corpus):
    assert vocabulary.correct("chó") == ""  # only chò is in our text: a different word
    # "biêm" is one key from biên, biển and biến: only the one with its own tone (ngang).
    assert vocabulary.correct("biêm giới") == "biên giới"
    assert vocabulary.correct("biêm") == "biên"


def test_an_unaccented_query_gets_the_accents_our_text_writes(corpus):
    assert vocabulary.restore("dien bien") == "Điện Biên"
    assert vocabulary.restore("giam ngheo") == "giảm nghèo"
    # "bán" is the commoner syllable, but "bàn ghế" is the pair our text has.
    assert vocabulary.restore("ban ghe") == "bàn ghế"
    assert vocabulary.restore("Điện Biên") == ""  # accented already
    assert vocabulary.restore("xyzw") == ""


def test_the_results_page_searches_the_corrected_query_and_says_so(client, corpus):
    titles, notes = _page(client, "hop tac xa dien bein")
    assert titles == ["Hợp tác xã Điện Biên làm giàu"]
    assert any("hop tac xa dien bein" in note for note in notes)


def test_the_results_page_offers_the_accented_query(client, corpus):
    titles, notes = _page(client, "nuoi ong duoi tan rung")
    assert titles == ["Nuôi ong dưới tán rừng"]
    assert any("nuôi ong dưới tán rừng" in note for note in notes)


def test_publishing_a_story_teaches_the_vocabulary_and_a_reindex_relearns_it(make_story):
    make_story("Người thợ rèn làng Phúc Sen", body=[("paragraph", "<p>Lò rèn đỏ lửa.</p>")])
    assert SearchSyllable.objects.filter(form="rèn", folded="ren").exists()
    assert SearchBigram.objects.filter(first="thợ", second="rèn").exists()
    capitalised = SearchSyllable.objects.get(form="phúc")
    assert capitalised.capitalized == capitalised.pages == 1  # mid-title: a name
    assert SearchSyllable.objects.get(form="người").capitalized == 0  # only opens the title
    SearchSyllable.objects.create(form="cũ", folded="cu", pages=9)  # learned from a gone page
    index.rebuild()
    assert not SearchSyllable.objects.filter(form="cũ").exists()
    assert SearchSyllable.objects.get(form="rèn").pages == 1
