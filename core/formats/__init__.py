"""Django's format modules for the languages the site offers (``FORMAT_MODULE_PATH``).

Django's own Vietnamese locale leaves ``DATE_INPUT_FORMATS`` and ``DATETIME_INPUT_FORMATS``
commented out, so forms fell back to Django's global defaults, which read ``05/11/2026`` as
11 May and refuse ``25/11/2026``. ``FORMAT_MODULE_PATH`` (settings) points Django at the
``vi`` and ``en`` modules here; both use the lists of `vietnamese.dates`, so an editor who
switches the admin to English still types day first, as the date picker
(``WAGTAIL_DATE_FORMAT``) writes.

The first entry of each list is what the admin's widgets write and what
``WAGTAIL_DATE_FORMAT`` / ``WAGTAIL_DATETIME_FORMAT`` are set to, so a value the form shows
is read back unchanged. No entry reads the month first: ``%m/%d`` must never come back.
What follows is in Django's own format syntax, for the ``vi`` module.
"""

# Vietnamese calendars start the week on Monday (the picker's first column).
FIRST_DAY_OF_WEEK = 1

# What listings print for a date (Django's vi locale says d-m-Y): the same as what is typed.
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
