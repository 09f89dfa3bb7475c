"""TIMEX3 date values to day ranges."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.store.dates import date_range


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-08", (date(2020, 1, 8), date(2020, 1, 8))),
        ("2020-01-08T14:30", (date(2020, 1, 8), date(2020, 1, 8))),
        ("2020-02", (date(2020, 2, 1), date(2020, 2, 29))),
        ("2019-02", (date(2019, 2, 1), date(2019, 2, 28))),
        ("2020", (date(2020, 1, 1), date(2020, 12, 31))),
        ("2020-W02", (date(2020, 1, 6), date(2020, 1, 12))),
        ("2020-W02-WE", (date(2020, 1, 11), date(2020, 1, 12))),
        ("2020-Q4", (date(2020, 10, 1), date(2020, 12, 31))),
        ("2020-H1", (date(2020, 1, 1), date(2020, 6, 30))),
        ("2020-SU", (date(2020, 6, 1), date(2020, 8, 31))),
        ("2020-WI", (date(2020, 12, 1), date(2021, 2, 28))),
        ("201", (date(2010, 1, 1), date(2019, 12, 31))),
        ("199X", (date(1990, 1, 1), date(1999, 12, 31))),
        ("19", (date(1900, 1, 1), date(1999, 12, 31))),
        (" 2020-01-08 ", (date(2020, 1, 8), date(2020, 1, 8))),
        ("PRESENT_REF", None),
        ("P3D", None),
        ("XXXX-01-08", None),
        ("2020-13", None),
        ("2020-02-30", None),
        ("2020-W60", None),
        ("", None),
        (None, None),
    ],
)
def test_date_range(value: str | None, expected: tuple[date, date] | None) -> None:
    assert date_range(value) == expected
