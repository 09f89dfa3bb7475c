"""Turn TIMEX3 date values ("2020-01-08", "2020-W02", "2020-Q1", "201") into day ranges."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_DECADE = re.compile(r"(\d{3})X?")
_CENTURY = re.compile(r"(\d{2})(?:XX)?")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def date_range(value: str | None) -> tuple[date, date] | None:
    """Return the first and last day a TIMEX3 date value covers, or None when it names no span.

    Example:
        >>> date_range("2020-01")
        (datetime.date(2020, 1, 1), datetime.date(2020, 1, 31))
    """
    if not value:
        return None
    try:
        return _date_range(value.strip())
    except ValueError:  # out-of-range numbers such as "2020-13" or "2020-W60"
        return None


def _date_range(value: str) -> tuple[date, date] | None:
    if match := _DAY.fullmatch(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _MONTH.fullmatch(value):
        return _months(int(match[1]), int(match[2]), int(match[2]))
    if match := _YEAR.fullmatch(value):
        return date(int(match[1]), 1, 1), date(int(match[1]), 12, 31)
    if match := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if value.endswith("-WE"):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if match := _QUARTER.fullmatch(value):
        first = 3 * int(match[2]) - 2
        return _months(int(match[1]), first, first + 2)
    if match := _HALF.fullmatch(value):
        first = 6 * int(match[2]) - 5
        return _months(int(match[1]), first, first + 5)
    if match := _SEASON.fullmatch(value):
        return _months(int(match[1]), *_SEASON_MONTHS[match[2]])
    if match := _DECADE.fullmatch(value):
        return date(int(match[1]) * 10, 1, 1), date(int(match[1]) * 10 + 9, 12, 31)
    if match := _CENTURY.fullmatch(value):
        return date(int(match[1]) * 100, 1, 1), date(int(match[1]) * 100 + 99, 12, 31)
    return None


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    """Span from the first day of month `first` to the last day of month `last` (13 = next Jan)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
