"""Telex and VNI typed with the input method off, decoded into the syllables they spell."""

import pytest

from vietnamese.keyboard import (
    decode_telex,
    decode_telex_token,
    decode_vni,
    decode_vni_token,
    encode_telex,
    encode_vni,
    query_variants,
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ddieenj bieen", "điện biên"),
        ("luwowngf vawn dduwcs", "lường văn đức"),
        ("Luwowngf Vawn Dduwcs", "Lường Văn Đức"),
        ("nguwowif toots vieecj toots", "người tốt việc tốt"),
        ("hopwj tacs xax", "hợp tác xã"),
        ("quoocs gia", "quốc gia"),
        ("giamr ngheof", "giảm nghèo"),
        ("thi ddua", "thi đua"),
        ("khuyeens hojc", "khuyến học"),
        ("tieesng", "tiếng"),
        ("luwowng quowis", "lương quới"),  # the u of qu takes no horn
        ("quowr tracsh", "quở trách"),
    ],
)
def test_telex(typed, meant):
    assert decode_telex(typed) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("gia3m nghe2o", "giảm nghèo"),
        ("d9ie65n bie6n", "điện biên"),
        ("lu7o7ng2 va8n d9u7c1", "lường văn đức"),
        ("ho75p ta1c xa4", "hợp tác xã"),
        ("nguo7i2 to6t1", "người tốt"),
        ("Lu7o7ng Quo7i1", "Lương Quới"),
    ],
)
def test_vni(typed, meant):
    assert decode_vni(typed) == meant


@pytest.mark.parametrize(
    "token", ["2055", "wifi", "covid", "ngheo", "bien", "xyzq", "2055/QĐ", "điện", "abc9"]
)
def test_tokens_that_spell_no_new_syllable_stay_as_typed(token):
    assert decode_telex(token) == token
    assert decode_vni(token) == token


def test_a_stop_final_takes_only_the_rising_or_heavy_tone():
    assert decode_telex_token("tocs") == "tóc"
    assert decode_telex_token("tocf") is None  # tòc is no syllable
    assert decode_vni_token("to5c") == "tọc"
    assert decode_vni_token("to2c") is None


def test_the_tone_goes_where_the_stored_text_has_it():
    assert decode_telex_token("hoaf") == "hòa"  # the placement vietnamese.text.normalize keeps
    assert decode_telex_token("thuyr") == "thủy"
    assert decode_telex_token("hoangf") == "hoàng"  # closed: the second vowel
    assert decode_telex_token("muaf") == "mùa"


def test_a_code_in_the_query_is_left_alone_and_the_words_around_it_decoded():
    assert decode_telex("quyeets ddinhj 2055/QĐ") == "quyết định 2055/QĐ"


def test_variants_list_only_readings_that_change_the_query():
    assert query_variants("ddieenj bieen") == ["điện biên"]
    assert query_variants("gia3m nghe2o") == ["giảm nghèo"]
    assert query_variants("nong dan") == []
    # A real word of another language decodes too ("ddos" → "đó"): callers try it as typed first.
    assert query_variants("ddos") == ["đó"]


def _demo_syllables() -> set[str]:
    """Every syllable of the demo's Vietnamese prose (lantoa/demo/data), in lower case."""
    import re
    from pathlib import Path

    from vietnamese.text import fold, normalize

    data = Path(__file__).resolve().parents[2] / "lantoa" / "demo" / "data"
    words = set()
    for path in data.glob("*.toml"):
        words |= {w.lower() for w in re.findall(r"[^\W\d_]+", normalize(path.read_text()))}
    # The ones with marks and a vowel (codes such as QĐ are no syllables).
    return {w for w in words if fold(w) != w and re.search("[aeiouy]", fold(w))}


def test_every_accented_syllable_of_our_prose_survives_telex_and_vni_typing():
    syllables = _demo_syllables()
    assert len(syllables) > 300
    telex = {s for s in syllables if decode_telex(encode_telex(s)) != s}
    vni = {s for s in syllables if decode_vni(encode_vni(s)) != s}
    assert not telex, sorted(telex)[:20]
    assert not vni, sorted(vni)[:20]


def test_encoding_keeps_capitals_and_codes():
    assert encode_telex("Lường Văn Đức") == "Luwowngf Vawn Dduwcs"
    assert encode_vni("Điện Biên 2055/QĐ") == "D9ie6n5 Bie6n 2055/QD9"
    assert decode_telex(encode_telex("Lường Văn Đức")) == "Lường Văn Đức"
