"""The reader's search filters by day as typed (25/11/2026) or as the date input sends it."""

from datetime import date

import pytest
from django.http import QueryDict

from search.queries import search_query_from


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tu_ngay=25/11/2026", date(2026, 11, 25)),
        ("tu_ngay=05/11/2026", date(2026, 11, 5)),
        ("tu_ngay=2026-11-05", date(2026, 11, 5)),
        ("tu_ngay=5/11/2026", date(2026, 11, 5)),
        ("tu_ngay=11/25/2026", None),  # month first: not a day the site reads
        ("tu_ngay=2025-13-45", None),
        ("tu_ngay=" + "9" * 5000, None),
    ],
)
def test_search_date_filter_reads_days_as_typed(raw, expected):
    query, _truncated = search_query_from(QueryDict(f"q=lua&{raw}&den_ngay=31/12/2026"))
    assert query.date_from == expected
    assert query.date_to == date(2026, 12, 31)
