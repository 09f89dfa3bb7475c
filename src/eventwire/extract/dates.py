"""Normalise a publication date given with a document to ISO `YYYY-MM-DD`."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

from eventwire.errors import BadDate

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# two defaults that differ in every field: a field the string lacks shows up as a difference
_DEFAULT_A = dt.datetime(1901, 1, 1)
_DEFAULT_B = dt.datetime(1902, 2, 2)
# news is dated within these years; times in the text are resolved around the date, which
# needs room before and after it (year 1 or 9999 overflows Python's calendar)
MIN_YEAR = 1000
MAX_YEAR = 2999


def normalise_date(value: str) -> str:
    """Return `value` as `YYYY-MM-DD`; raise `BadDate` when it does not name a calendar day.

    Accepts ISO dates and datetimes (the day as written, no time-zone shift), RFC 2822
    dates of feeds and e-mail ("Wed, 08 Jan 2020 02:00:00 GMT") and written dates
    ("8 January 2020", "January 8, 2020"); numeric day/month order follows dateutil
    (month first, "01/08/2020" is 8 January). The year must lie in MIN_YEAR to MAX_YEAR.

    Example:
        >>> normalise_date("2020-01-08T02:30:00+03:30")
        '2020-01-08'
    """
    text = " ".join(str(value).split())
    if not text:
        raise BadDate("empty publication date")
    if match := _ISO_DAY.match(text):
        try:
            day = dt.date(*map(int, match.groups()))
        except ValueError:
            raise BadDate(f"publication date {value!r} is not a calendar day") from None
    else:
        try:
            first = date_parser.parse(text, default=_DEFAULT_A, ignoretz=True)
            second = date_parser.parse(text, default=_DEFAULT_B, ignoretz=True)
        except (ValueError, ArithmeticError) as error:  # dateutil can raise decimal errors
            raise BadDate(f"cannot read publication date {value!r}: give it as YYYY-MM-DD ({error})") from None
        if first.date() != second.date():
            raise BadDate(f"publication date {value!r} lacks a year, month or day: give it as YYYY-MM-DD")
        day = first.date()
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise BadDate(f"publication date {value!r} is not between the years {MIN_YEAR} and {MAX_YEAR}")
    return day.isoformat()
