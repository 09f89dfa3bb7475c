"""Calendar arithmetic and TIMEX3 value formatting, relative to a publication date."""

from __future__ import annotations

import re
from datetime import MINYEAR, date, timedelta

from dateutil.relativedelta import relativedelta


def day_value(day: date) -> str:
    """Return the TIMEX3 value of a day: "2020-01-08"."""
    return day.isoformat()


def week_value(day: date) -> str:
    """Return the TIMEX3 value of the ISO week holding `day`: "2020-W02"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_value(year: int, quarter: int) -> str:
    """Return the TIMEX3 value of a quarter: "2019-Q3"."""
    return f"{year:04d}-Q{quarter}"


def quarter_of(day: date) -> int:
    """Return the calendar quarter (1-4) of `day`."""
    return (day.month - 1) // 3 + 1


def shift(day: date, unit: str, count: int) -> date | None:
    """Move `day` by `count` units (TIMEX3 unit codes D, W, FN, M, Q, Y, DE, CE); None past
    the calendar's years 1-9999 ("730120 days ago")."""
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}
    try:
        if unit in months:
            return day + relativedelta(months=months[unit] * count)
        days = {"D": 1, "W": 7, "FN": 14}.get(unit, 0)
        return day + timedelta(days=days * count)
    except (OverflowError, ValueError):
        return None


def period_value(day: date | None, unit: str) -> tuple[str, str] | None:
    """Return the value and precision of the `unit`-long period holding `day` (None for no day)."""
    if day is None:
        return None
    if unit == "D":
        return day_value(day), "day"
    if unit in ("W", "FN"):
        return week_value(day), "week"
    if unit == "WE":
        return week_value(day) + "-WE", "week"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}", "month"
    if unit == "Q":
        return quarter_value(day.year, quarter_of(day)), "quarter"
    if unit == "Y":
        return f"{day.year:04d}", "year"
    if unit == "DE":
        return f"{day.year // 10:03d}X", "decade"
    if unit == "CE":
        return f"{day.year // 100:02d}", "century"
    return None


def weekday_date(published: date, weekday: int, tense: str | None, offset: int = 0) -> date:
    """Resolve an ISO weekday (1 = Monday) against the publication date.

    Without `offset`, the publication day itself when it is that weekday; else the previous
    such day in the past tense, the next one in the future tense. `offset` -1 ("last
    Friday") and 1 ("next Friday") always move off the publication day.
    """
    delta = weekday - published.isoweekday()
    if offset < 0 or (offset == 0 and tense != "future"):
        back = (-delta) % 7
        if offset < 0 and back == 0:
            back = 7
        return published - timedelta(days=back)
    forward = delta % 7
    if offset > 0 and forward == 0:
        forward = 7
    return published + timedelta(days=forward)


def nearest_year(published: date, month: int, day: int | None, tense: str | None) -> int:
    """Pick the year of a month (and day) given without one.

    The publication year, unless the clause is past and the date lies more than two months
    after publication (then the year before), future and more than two months before (the
    year after), or without tense and more than six months away (the closest year).
    """
    months_after = (month - published.month) + ((day or published.day) - published.day) / 31
    if tense == "past" and months_after > 2:
        return published.year - 1
    if tense == "future" and months_after < -2:
        return published.year + 1
    if tense is None and abs(months_after) > 6:
        return published.year - 1 if months_after > 0 else published.year + 1
    return published.year


def duration_value(count: float | None, unit: str) -> str:
    """Return a TIMEX3 duration: (3, "Y") -> "P3Y", (1.5, "MIN") -> "PT1M30S", (None, "D") -> "PXD"."""
    clock = {"H": "H", "MIN": "M", "S": "S"}
    if count is None:
        return f"PT X{clock[unit]}".replace(" ", "") if unit in clock else f"PX{_calendar_code(unit)}"
    if count != int(count):
        lower = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60),
                 "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3), "FN": ("D", 14)}
        if unit in lower:
            small, factor = lower[unit]
            whole = int(count)
            rest = round((count - whole) * factor)
            if whole == 0:
                return duration_value(rest, small)
            head = duration_value(whole, unit)
            tail = duration_value(rest, small)
            if "T" in tail and "T" in head:
                return head + tail.split("T", 1)[1]
            if "T" in tail:
                return head + "T" + tail.split("T", 1)[1]
            return head + tail[1:]
    number = int(count)
    if unit in clock:
        return f"PT{number}{clock[unit]}"
    if unit == "FN":
        return f"P{number * 2}W"
    if unit == "DE":
        return f"P{number * 10}Y"
    if unit == "CE":
        return f"P{number * 100}Y"
    return f"P{number}{unit}"


def _calendar_code(unit: str) -> str:
    return {"FN": "W", "DE": "DE", "CE": "CE"}.get(unit, unit)


VALUE_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
VALUE_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})")
VALUE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
VALUE_COARSE = re.compile(r"^(\d{4})(?:-(Q[1-4]|SP|SU|FA|WI|H[12]))?$")


def reference_day(value: str | None) -> date | None:
    """Return the first day of the period a TIMEX3 value names ("2019-Q3" -> 2019-07-01), or None."""
    if not value:
        return None
    if match := VALUE_DAY.match(value):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    if match := VALUE_WEEK.match(value):
        try:
            return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            return None
    if VALUE_MONTH.match(value):
        year, month = int(value[:4]), int(value[5:7])
        return date(year, month, 1) if 1 <= month <= 12 and year >= MINYEAR else None
    if match := VALUE_COARSE.match(value):
        part = match.group(2) or ""
        month = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "SP": 3, "SU": 6, "FA": 9, "WI": 12, "H1": 1, "H2": 7}
        year = int(match.group(1))  # "0000-Q2" names no day: the calendar has no year 0
        return date(year, month.get(part, 1), 1) if year >= MINYEAR else None
    return None


def value_date(value: str | None) -> tuple[str, str] | None:
    """Return an event date and its precision from a TIMEX3 value ("2020-W02" -> Monday).

    Example:
        value_date("2020-01-08TMO") == ("2020-01-08", "day")
    """
    if not value:
        return None
    if match := VALUE_DAY.match(value):
        return match.group(0), "day"
    if match := VALUE_WEEK.match(value):
        monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday.isoformat(), "week"
    if VALUE_MONTH.match(value):
        return value, "month"
    if match := VALUE_COARSE.match(value):
        part = match.group(2) or ""
        precision = "quarter" if part.startswith("Q") else "season" if part in ("SP", "SU", "FA", "WI") else "year"
        return match.group(1), precision
    return None
