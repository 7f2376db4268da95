"""Vietnamese dictionary order: the rules, and the same order from Python, SQLite and PostgreSQL."""

import os
import random
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
from django.db import connection

from core.collation import vi_order
from stories.models import Author
from vietnamese.collation import (
    ALPHABET,
    END,
    TONE_MARKS,
    compare,
    sort_key,
    sorted_vietnamese,
    syllables,
)

ROOT = Path(__file__).resolve().parents[2]
# The audit's names: byte order puts Á, Đ, Ô, Ư after Y, and "Trần" before "Tổ".
AUDIT = ["Yến", "Ước", "Trần", "Tổ", "Ông", "Đào", "Ánh", "Yên Trạch", "Đông Lũy"]
AUDIT_ORDER = ["Ánh", "Đào", "Đông Lũy", "Ông", "Tổ", "Trần", "Ước", "Yên Trạch", "Yến"]


# Vũ Xuân Lương's rules 1 and 2 "combined", as the source writes them out.
DICTIONARY_ORDER = (
    "a à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ b c d đ e è ẻ ẽ é ẹ ê ề ể ễ ế ệ f g h i ì ỉ ĩ í ị j k l m "
    "n o ò ỏ õ ó ọ ô ồ ổ ỗ ố ộ ơ ờ ở ỡ ớ ợ p q r s t u ù ủ ũ ú ụ ư ừ ử ữ ứ ự v w x y ỳ ỷ ỹ ý ỵ z"
)
DICTIONARY_LETTERS = DICTIONARY_ORDER.split(" ")
LETTERS = "".join(
    unicodedata.normalize("NFC", case + tone)
    for letter in ALPHABET
    for case in (letter, letter.upper())
    for tone in TONE_MARKS
)


def test_letters_and_tones_in_the_dictionary_order():
    shuffled = random.Random(5).sample(DICTIONARY_LETTERS, len(DICTIONARY_LETTERS))
    assert sorted_vietnamese(shuffled) == DICTIONARY_LETTERS


def test_audit_names_in_dictionary_order():
    assert sorted(AUDIT) != AUDIT_ORDER  # what SQL and Python did by code point
    assert sorted_vietnamese(AUDIT) == AUDIT_ORDER


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a", "ă"),
        ("ă", "â"),
        ("d", "đ"),
        ("đ", "e"),
        ("e", "ê"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("u", "ư"),
        ("ư", "v"),
        ("x", "y"),
        # Tones: ngang, huyền, hỏi, ngã, sắc, nặng.
        ("ba", "bà"),
        ("bà", "bả"),
        ("bả", "bã"),
        ("bã", "bá"),
        ("bá", "bạ"),
        # Letters before tones, within a syllable (Vũ Xuân Lương, rule 4.1).
        ("ác", "ách"),
        ("ạng", "anh"),
        ("bạ", "bac"),
        # A shorter block first; lower case first (rule 3).
        ("cha", "chan"),
        ("a", "A"),
        # Syllable by syllable: every "ba …" before "bà …" (ICU puts "Bà Anh" first).
        ("Ba Vì", "Bà Anh"),
        ("ba bị", "bà ba"),
        ("An", "An Bình"),
        ("An Bình", "Anh"),
        # Digits and punctuation before letters.
        ("Tổ 5", "Tổ A"),
    ],
)
def test_pairs(first, second):
    assert sort_key(first) < sort_key(second)
    assert compare(first, second) == -1 and compare(second, first) == 1


def primary(name: str) -> str:
    return sort_key(name).split(END)[0]


def test_one_place_for_every_spelling_of_a_name():
    """Decomposed text and old-style tone placement sort where the stored form does (only
    the last tie-break, the text itself, tells them apart)."""
    assert primary("Nguye\u0302\u0303n") == primary("Nguyễn")
    assert primary("hoà") == primary("hòa") and primary("thuỷ") == primary("thủy")
    assert primary("Bà Rịa - Vũng Tàu") == primary("Bà Rịa-Vũng Tàu") == primary(" Bà Rịa Vũng Tàu")
    names = ["Hòa Bình", "Hoà Bình", "Hoa Ban", "Hòa An", "Hoà Vang"]
    ordered = sorted_vietnamese(names)
    assert ordered[:2] == ["Hoa Ban", "Hòa An"] and ordered[-1] == "Hoà Vang"
    assert set(ordered[2:4]) == {"Hòa Bình", "Hoà Bình"}  # side by side
    assert syllables("Bà Rịa-Vũng  Tàu") == ["Bà", "Rịa", "Vũng", "Tàu"]
    assert compare(None, "") == 0


def _random_names(count: int) -> list[str]:
    rng = random.Random(9)
    alphabet = LETTERS + "aeiouy0123456789 -'.()\t\u0301\u0306ñü"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(count)]


@pytest.mark.django_db
def test_database_orders_like_python():
    """ORDER BY vi_order(…) on this engine (SQLite's collation or PostgreSQL's function)."""
    names = _random_names(400) + AUDIT
    Author.objects.bulk_create(
        [Author(name=name, slug=f"tac-gia-{i}") for i, name in enumerate(names)]
    )  # bulk_create skips save(), which fills the slug
    ordered = list(Author.objects.order_by(vi_order("name"), "pk").values_list("name", flat=True))
    assert ordered == sorted_vietnamese(names)
    reverse = Author.objects.order_by(vi_order("name", descending=True), "-pk")
    assert list(reverse.values_list("name", flat=True)) == ordered[::-1]
    # Meta.ordering uses it: every listing, chooser and select box that does not say otherwise.
    audit = Author.objects.filter(name__in=AUDIT)
    assert list(audit.values_list("name", flat=True)) == AUDIT_ORDER


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's vi_sort_key()")
def test_postgres_function_computes_the_python_key():
    names = _random_names(2000)
    with connection.cursor() as cursor:
        cursor.execute("SELECT n, vi_sort_key(n) FROM unnest(%s::text[]) AS n", [names])
        rows = cursor.fetchall()
    assert [key for _name, key in rows] == [sort_key(name) for name, _key in rows]


def test_every_management_command_has_the_collation():
    """A fresh process (as the task worker and the scheduler are) sorts with "vi" on SQLite."""
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'empty.sqlite3'}",
            "DJANGO_SETTINGS_MODULE": "lantoa.settings",
        }
        code = (
            "from django.db import connection\n"
            "c = connection.cursor()\n"
            "c.execute(\"SELECT n FROM (SELECT 'Yến' AS n UNION ALL SELECT 'Ánh' "
            "UNION ALL SELECT 'Đào') ORDER BY n COLLATE vi\")\n"
            "print('|'.join(r[0] for r in c.fetchall()))\n"
        )
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Ánh|Đào|Yến"
