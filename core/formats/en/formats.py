"""The admin in English reads dates as the Vietnamese newsroom types them, day first.

Only the input formats: English names and the rest come from Django's en locale.
"""

from vietnamese.dates import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401
