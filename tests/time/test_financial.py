"""Earnings-report periods and vague present/past references."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.time.tagger import find_times


def tagged(text: str, published: date | None) -> dict[str, tuple[str, str | None]]:
    return {text[t.start:t.end]: (t.type, t.value) for t in find_times(text, published)}


@pytest.mark.parametrize(("text", "published", "span", "expected"), [
    ("Net rose in the third quarter ended Sept. 30 from the year-ago quarter.", date(1989, 11, 1),
     "the year-ago quarter", ("DATE", "1988-Q3")),
    ("Profit doubled from the comparable year-ago period.", date(1989, 11, 1),
     "the comparable year-ago period", ("DATE", "1988-Q3")),
    # published in the first quarter: the last full quarter is Q4 of the year before
    ("Profit doubled from the year-ago period.", date(2020, 2, 10), "the year-ago period", ("DATE", "2018-Q4")),
    ("Sales in the second quarter topped the year-earlier level.", date(2019, 8, 1), "year-earlier",
     ("DATE", "2018-Q2")),
    ("Year-ago results were restated.", date(2019, 8, 1), "Year-ago", ("DATE", "2018")),
    ("Sales rose, and the year-earlier figures were restated.", date(2002, 3, 1), "year-earlier", ("DATE", "2001")),
    ("Third-quarter net rose to $68 million from $66 million a year ago.", date(1989, 10, 27), "a year ago",
     ("DATE", "1988-Q3")),
    ("Prices fell from a year ago.", date(1989, 10, 27), "a year ago", ("DATE", "1988")),
    # a year ago from a first quarter crosses the year boundary twice
    ("First-quarter sales fell from a year ago.", date(2020, 5, 1), "a year ago", ("DATE", "2019-Q1")),
    ("Net was $2 million, against $1.8 million for the corresponding period last year.", date(1989, 11, 1),
     "the corresponding period last year", ("DATE", "1988-Q3")),
    ("It lost money in the third quarter; for the quarter a year ago, it earned $16 million.", date(1989, 10, 26),
     "the quarter a year ago", ("DATE", "1988-Q3")),
    ("For the fiscal year ended Jan. 31, the chain earned $5 million.", date(1989, 10, 31), "the fiscal year",
     ("DURATION", "P1Y")),
    ("Net income for the year ending June 30 was flat.", date(1999, 1, 5), "the year", ("DURATION", "P1Y")),
])
def test_financial_periods(text, published, span, expected):
    found = tagged(text, published)
    assert found.get(span) == expected, found


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Investors fret about recent declines in prices.", "recent", ("DATE", "PAST_REF")),
    ("Based on the current number of shares, the offer is fair.", "current", ("DATE", "PRESENT_REF")),
    ("Prices fell sharply in recent years.", "recent years", ("DATE", "PAST_REF")),
])
def test_vague_references(text, span, expected):
    assert tagged(text, date(2020, 1, 8)).get(span) == expected
