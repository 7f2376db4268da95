"""Vietnamese input formats (Django's vi locale supplies the rest: names, separators)."""

from core.formats import (  # noqa: F401  (read by django.utils.formats.get_format)
    FIRST_DAY_OF_WEEK,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
)
from vietnamese.dates import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401
