"""Publication dates given with documents, normalised to YYYY-MM-DD."""

from __future__ import annotations

import warnings

import pytest

from eventwire.errors import BadDate
from eventwire.extract.dates import normalise_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-08", "2020-01-08"),
        ("2020-01-08T06:42:00Z", "2020-01-08"),
        ("2020-01-08T23:30:00-05:00", "2020-01-08"),
        ("Wed, 08 Jan 2020 06:42:00 GMT", "2020-01-08"),
        ("8 January 2020", "2020-01-08"),
        ("January 8, 2020", "2020-01-08"),
        ("Jan. 8, 2020", "2020-01-08"),
        ("20200108", "2020-01-08"),
        ("  2020-01-08  ", "2020-01-08"),
        ("1000-01-01", "1000-01-01"),
        ("2999-12-31", "2999-12-31"),
    ],
)
def test_normalise_date(value: str, expected: str) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "2020-02-30", "January 2020", "2020", "not a date",
     # issue 16: a year the coder cannot resolve times around (year 1 overflowed the calendar)
     "0001-01-01", "9999-12-31", "0999-12-31", "3000-01-01", "1 January 3000",
     # a minute too large for dateutil's decimal arithmetic (found by the fuzz test)
     "12:" + "9" * 40],
)
def test_normalise_date_refuses(value: str) -> None:
    with pytest.raises(BadDate, match="EW107"):
        normalise_date(value)


@pytest.mark.parametrize(("value", "expected"), [("Wed, 08 Jan 2020 02:00:00 XYZT", "2020-01-08"),
                                                 ("8 January 2020 23:00 EST", "2020-01-08")])
def test_issue_16_unknown_time_zone_warns_nothing(value: str, expected: str) -> None:
    """dateutil warned "tzname identified but not understood" (found by fuzzing)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert normalise_date(value) == expected
