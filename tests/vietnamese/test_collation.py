"""Vietnamese dictionary order: the rules, and the same order from Python, SQLite and PostgreSQL."""

import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from core.collation import vi_order
from stories.models import Author
from vietnamese.collation import FROM, compare, sort_key, sorted_vietnamese, syllables

ROOT = Path(__file__).resolve().parents[2]
# The audit's names: byte order puts Á, Đ, Ô, Ư after Y, and "Trần" before "Tổ".
AUDIT = ["Yến", "Ước", "Trần", "Tổ", "Ông", "Đào", "Ánh", "Yên Trạch", "Đông Lũy"]
AUDIT_ORDER = ["Ánh", "Đào", "Đông Lũy", "Ông", "Tổ", "Trần", "Ước", "Yên Trạch", "Yến"]


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


def test_one_order_for_every_spelling_of_a_name():
    nfd = "Nguye\u0302\u0303n"  # decomposed "Nguyễn"
    assert compare(nfd, "Nguyễn") == 0
    assert sort_key("hoà")[:6] == sort_key("hòa")[:6]  # old and new tone placement: same place
    assert syllables("Bà Rịa-Vũng  Tàu") == ["Bà", "Rịa", "Vũng", "Tàu"]
    assert compare(None, "") == 0


def _random_names(count: int) -> list[str]:
    rng = random.Random(9)
    alphabet = FROM + "aeiouy0123456789 -'.()"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(count)]


@pytest.mark.django_db
def test_database_orders_like_python():
    """ORDER BY vi_order(…) on this engine (SQLite's collation or PostgreSQL's function)."""
    names = _random_names(400) + AUDIT
    Author.objects.bulk_create([Author(name=name) for name in names])
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
