"""Calendar arithmetic and TIMEX3 value formatting."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.time.calendar import (
    duration_value, nearest_year, reference_day, value_date, week_value, weekday_date,
)


@pytest.mark.parametrize(("published", "weekday", "tense", "offset", "expected"), [
    (date(2020, 1, 8), 5, "past", 0, date(2020, 1, 3)),
    (date(2020, 1, 8), 5, "future", 0, date(2020, 1, 10)),
    (date(2020, 1, 8), 5, None, 0, date(2020, 1, 3)),
    (date(2020, 1, 8), 3, "past", 0, date(2020, 1, 8)),
    (date(2020, 1, 8), 3, "future", 0, date(2020, 1, 8)),
    (date(2020, 1, 8), 3, None, -1, date(2020, 1, 1)),
    (date(2020, 1, 8), 3, None, 1, date(2020, 1, 15)),
    (date(2018, 1, 1), 5, "past", 0, date(2017, 12, 29)),
    (date(2019, 12, 31), 1, "future", 0, date(2020, 1, 6)),
])
def test_weekday_date(published, weekday, tense, offset, expected):
    assert weekday_date(published, weekday, tense, offset) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (date(2020, 1, 8), "2020-W02"),
    (date(2019, 12, 30), "2020-W01"),
    (date(2021, 1, 1), "2020-W53"),
])
def test_week_value(day, expected):
    assert week_value(day) == expected


@pytest.mark.parametrize(("count", "unit", "expected"), [
    (3, "Y", "P3Y"),
    (1.5, "MIN", "PT1M30S"),
    (2.5, "Y", "P2Y6M"),
    (0.5, "H", "PT30M"),
    (None, "D", "PXD"),
    (None, "H", "PTXH"),
    (2, "DE", "P20Y"),
    (1, "FN", "P2W"),
    (36, "H", "PT36H"),
])
def test_duration_value(count, unit, expected):
    assert duration_value(count, unit) == expected


@pytest.mark.parametrize(("published", "month", "day", "tense", "expected"), [
    (date(2020, 1, 8), 12, None, "past", 2019),
    (date(2020, 1, 8), 12, 28, None, 2019),
    (date(2020, 1, 8), 3, 6, "future", 2020),
    (date(2019, 11, 20), 1, 15, "future", 2020),
    (date(2019, 10, 27), 12, 15, "past", 2019),
    (date(2019, 10, 27), 1, 31, "past", 2019),
])
def test_nearest_year(published, month, day, tense, expected):
    assert nearest_year(published, month, day, tense) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-01-08", ("2020-01-08", "day")),
    ("2020-01-08TMO", ("2020-01-08", "day")),
    ("2020-01-08T15:00", ("2020-01-08", "day")),
    ("2020-W02", ("2020-01-06", "week")),
    ("2020-01", ("2020-01", "month")),
    ("2019-Q3", ("2019", "quarter")),
    ("2019-SU", ("2019", "season")),
    ("2019", ("2019", "year")),
    ("199X", None),
    ("PRESENT_REF", None),
    ("P3D", None),
    (None, None),
])
def test_value_date(value, expected):
    assert value_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-Q3", date(2019, 7, 1)),
    ("2019-05", date(2019, 5, 1)),
    ("2019-W02", date(2019, 1, 7)),
    ("2019", date(2019, 1, 1)),
    # a period of year 0 (a relative date read from a publication date in year 1) names no day
    ("0000-Q2", None),
    ("0000-SP", None),
    ("0000-05", None),
    ("2019-13", None),
    (None, None),
])
def test_reference_day(value, expected):
    assert reference_day(value) == expected
