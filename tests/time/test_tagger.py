"""Temporal tagger: one table per expression family, values checked against TIMEX3."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.time.tagger import clause_tense, find_times, publication_date, tag_times, verb_tense

PUBLISHED = date(2020, 1, 8)  # a Wednesday


def tagged(text: str, published: date | None) -> dict[str, tuple[str, str | None, str | None]]:
    return {text[t.start:t.end]: (t.type, t.value, t.precision) for t in find_times(text, published)}


def check(text: str, published: date | None, span: str, expected: tuple) -> None:
    found = tagged(text, published)
    assert span in found, f"{span!r} not found in {found}"
    assert found[span] == expected


@pytest.mark.parametrize(("text", "published", "span", "expected"), [
    ("The treaty was signed on 2 May 2019 in Oslo.", PUBLISHED, "2 May 2019", ("DATE", "2019-05-02", "day")),
    ("The treaty was signed on May 2, 2019.", PUBLISHED, "May 2, 2019", ("DATE", "2019-05-02", "day")),
    ("Data for 2019-05-02 was lost.", PUBLISHED, "2019-05-02", ("DATE", "2019-05-02", "day")),
    ("Elections were held in 2019.", PUBLISHED, "2019", ("DATE", "2019", "year")),
    ("He grew up in the 1990s.", PUBLISHED, "the 1990s", ("DATE", "199X", "decade")),
    ("Prices rose in March 2018.", PUBLISHED, "March 2018", ("DATE", "2018-03", "month")),
    ("Talks resumed on 27 April 2020, officials said.", None, "27 April 2020", ("DATE", "2020-04-27", "day")),
    ("The army withdrew on the 3rd of June 2015.", None, "the 3rd of June 2015", ("DATE", "2015-06-03", "day")),
    ("Sales fell in the third quarter of 2019.", PUBLISHED, "the third quarter of 2019", ("DATE", "2019-Q3", "quarter")),
    ("It happened in the spring of 2018.", PUBLISHED, "the spring of 2018", ("DATE", "2018-SP", "season")),
    ("The city was founded in the 18th century.", PUBLISHED, "the 18th century", ("DATE", "17", "century")),
    ("He was born in nineteen ninety-seven.", PUBLISHED, "nineteen ninety-seven", ("DATE", "1997", "year")),
    ("Growth slowed in the first half of 2019.", PUBLISHED, "the first half of 2019", ("DATE", "2019-H1", "quarter")),
    ("A hearing is set for the week of March 6, 2000.", PUBLISHED, "the week of March 6, 2000",
     ("DATE", "2000-W10", "week")),
    ("The war ended in 1865 after four years.", PUBLISHED, "1865", ("DATE", "1865", "year")),
])
def test_absolute_dates(text, published, span, expected):
    check(text, published, span, expected)


@pytest.mark.parametrize(("text", "published", "span", "expected"), [
    ("The general was assassinated on Friday in Baghdad.", PUBLISHED, "Friday", ("DATE", "2020-01-03", "day")),
    ("They will meet on Friday in Geneva.", PUBLISHED, "Friday", ("DATE", "2020-01-10", "day")),
    ("He spoke on Wednesday.", PUBLISHED, "Wednesday", ("DATE", "2020-01-08", "day")),
    # a Monday after New Year: the past Friday lies in the previous year
    ("Police said the attack happened on Friday.", date(2018, 1, 1), "Friday", ("DATE", "2017-12-29", "day")),
    ("The vote took place last Friday.", date(2020, 1, 3), "last Friday", ("DATE", "2019-12-27", "day")),
    ("The vote is planned for next Friday.", date(2020, 1, 3), "next Friday", ("DATE", "2020-01-10", "day")),
    ("The summit will open on Monday.", date(2019, 12, 31), "Monday", ("DATE", "2020-01-06", "day")),
    ("He said he would make a statement Wednesday morning.", PUBLISHED, "Wednesday morning",
     ("TIME", "2020-01-08TMO", "day")),
    ("Crowds gathered on Sunday night.", PUBLISHED, "Sunday night", ("TIME", "2020-01-05TNI", "day")),
])
def test_weekdays(text, published, span, expected):
    check(text, published, span, expected)


@pytest.mark.parametrize(("text", "published", "span", "expected"), [
    ("The ministry said today that talks failed.", PUBLISHED, "today", ("DATE", "2020-01-08", "day")),
    ("Troops arrived yesterday.", date(2020, 1, 1), "yesterday", ("DATE", "2019-12-31", "day")),
    ("The court rules tomorrow.", date(2019, 12, 31), "tomorrow", ("DATE", "2020-01-01", "day")),
    ("Shots were heard last night.", PUBLISHED, "last night", ("TIME", "2020-01-07TNI", "day")),
    ("Protesters gathered this morning.", PUBLISHED, "this morning", ("TIME", "2020-01-08TMO", "day")),
    ("Rebels attacked the town last week.", date(2020, 1, 2), "last week", ("DATE", "2019-W52", "week")),
    ("Talks resume next week.", date(2019, 12, 30), "next week", ("DATE", "2020-W02", "week")),
    ("Prices rose last month.", date(2020, 1, 15), "last month", ("DATE", "2019-12", "month")),
    ("Exports fell last year.", PUBLISHED, "last year", ("DATE", "2019", "year")),
    ("The pact was signed earlier this month.", PUBLISHED, "earlier this month", ("DATE", "2020-01", "month")),
    ("They met three days ago.", PUBLISHED, "three days ago", ("DATE", "2020-01-05", "day")),
    ("They met two weeks ago.", PUBLISHED, "two weeks ago", ("DATE", "2019-W52", "week")),
    ("The law passed five years ago.", PUBLISHED, "five years ago", ("DATE", "2015", "year")),
    ("Fighting resumed last summer.", PUBLISHED, "last summer", ("DATE", "2019-SU", "season")),
    ("Troops left in December.", PUBLISHED, "December", ("DATE", "2019-12", "month")),
    ("The firm must repay the loan by December.", PUBLISHED, "December", ("DATE", "2020-12", "month")),
    ("Iran retaliated the night of Tuesday to Wednesday.", PUBLISHED, "the night of Tuesday to Wednesday",
     ("DATE", "2020-01-08", "day")),
])
def test_relative_dates(text, published, span, expected):
    check(text, published, span, expected)


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("He served three years in prison.", "three years", ("DURATION", "P3Y", "year")),
    ("A minute and a half later, a pilot called.", "A minute and a half", ("DURATION", "PT1M30S", "minute")),
    ("The siege lasted twenty-five days.", "twenty-five days", ("DURATION", "P25D", "day")),
    ("The talks took 2 1/2 years.", "2 1/2 years", ("DURATION", "P2Y6M", "year")),
    ("They waited half an hour.", "half an hour", ("DURATION", "PT30M", "hour")),
    ("The strike lasted several weeks.", "several weeks", ("DURATION", "PXW", "week")),
    ("Rain fell for 48 hours.", "48 hours", ("DURATION", "PT48H", "hour")),
    ("It was a 16-hour flight.", "16-hour", ("DURATION", "PT16H", "hour")),
    ("Prices doubled over the past three years.", "the past three years", ("DURATION", "P3Y", "year")),
    ("The plan covers a decade.", "a decade", ("DURATION", "P10Y", "decade")),
])
def test_durations(text, span, expected):
    check(text, PUBLISHED, span, expected)


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("The council meets every week.", "every week", ("SET", "P1W", None)),
    ("The bulletin is published weekly.", "weekly", ("SET", "P1W", None)),
    ("Patrols pass every two weeks.", "every two weeks", ("SET", "P2W", None)),
    ("Markets open each Thursday.", "each Thursday", ("SET", "XXXX-WXX-4", None)),
    ("Flights leave on Tuesday nights.", "Tuesday nights", ("SET", "XXXX-WXX-2TNI", None)),
    ("The paper is printed daily.", "daily", ("SET", "P1D", None)),
    ("Qantas runs four flights a week to Bombay.", "a week", ("SET", "P1W", None)),
    ("Aid costs $70 million a year.", "a year", ("SET", "P1Y", None)),
])
def test_sets(text, span, expected):
    check(text, PUBLISHED, span, expected)


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("The army now controls the city.", "now", ("DATE", "PRESENT_REF", None)),
    ("Forty people are currently detained.", "currently", ("DATE", "PRESENT_REF", None)),
    ("The rebels recently seized a town.", "recently", ("DATE", "PAST_REF", None)),
    ("Such raids happened in the past.", "the past", ("DATE", "PAST_REF", None)),
    ("Talks may resume in the future.", "the future", ("DATE", "FUTURE_REF", None)),
])
def test_references(text, span, expected):
    check(text, PUBLISHED, span, expected)


@pytest.mark.parametrize(("text", "published", "span", "expected"), [
    ("The blast happened at 3 p.m. local time.", PUBLISHED, "3 p.m.", ("TIME", "2020-01-08T15:00", "day")),
    ("The offer expires at 5 p.m. EST Nov. 9, 2019.", PUBLISHED, "5 p.m. EST Nov. 9, 2019",
     ("TIME", "2019-11-09T17:00", "day")),
    ("Shops close at noon.", PUBLISHED, "noon", ("TIME", "2020-01-08T12:00", "day")),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", PUBLISHED, "10:35 a.m. (0735 GMT) Friday",
     ("TIME", "2020-01-03T10:35", "day")),
    ("The curfew starts at 22:00 GMT.", PUBLISHED, "22:00", ("TIME", "2020-01-08T22:00", "day")),
])
def test_clock_times(text, published, span, expected):
    check(text, published, span, expected)


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Troops arrived yesterday.", "yesterday", ("DATE", None, "day")),
    ("The general was killed on Friday.", "Friday", ("DATE", None, "day")),
    ("Rebels attacked the town last week.", "last week", ("DATE", None, "week")),
    ("Troops left in December.", "December", ("DATE", None, "month")),
    ("The treaty was signed on 2 May 2019.", "2 May 2019", ("DATE", "2019-05-02", "day")),
    ("He served three years in prison.", "three years", ("DURATION", "P3Y", "year")),
])
def test_unresolved_without_publication_date(text, span, expected):
    check(text, None, span, expected)


@pytest.mark.parametrize(("text", "absent"), [
    ("You may leave whenever you like.", "may"),
    ("The 2,019 votes were counted.", "2,019"),
    ("Some 2019 people signed.", "Some"),
    ("They march on the capital.", "march"),
    ("She is a 6-year-old girl.", "6-year"),
    ("The daily newspaper reported it.", "daily"),
    ("He won a second term.", "a second"),
])
def test_non_temporal_words_are_not_tagged(text, absent):
    assert absent not in tagged(text, PUBLISHED)


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("He will travel to Paris on Friday.", "Friday", "future"),
    ("He travelled to Paris on Friday.", "Friday", "past"),
    ("The team planned to leave on Thursday.", "Thursday", "future"),
    ("On Friday.", "Friday", None),
    ("She'll fly home on Friday.", "Friday", "future"),
])
def test_clause_tense(text, span, expected):
    start = text.index(span)
    assert clause_tense(text, start, start + len(span)) == expected


@pytest.mark.parametrize(("published", "expected"), [
    ("2020-01-08", date(2020, 1, 8)),
    ("2020-01-08T10:30:00Z", date(2020, 1, 8)),
    ("", None),
    (None, None),
    ("January 8", None),
])
def test_publication_date(published, expected):
    assert publication_date(published) == expected


SEED = Path(__file__).parent.parent / "fixtures" / "iran_bases_article.txt"


@pytest.mark.parametrize(("span", "expected"), [
    # the night of Tuesday 7 to Wednesday 8 January is dated by its second day, when the
    # small hours (and the missile strikes) fall
    ("the night of Tuesday to Wednesday", ("DATE", "2020-01-08", "day")),
    ("Wednesday morning", ("TIME", "2020-01-08TMO", "day")),
    ("Friday", ("DATE", "2020-01-03", "day")),
    ("Five days", ("DURATION", "P5D", "day")),
])
def test_seed_article(span, expected):
    article = Article(id="seed", text=SEED.read_text(encoding="utf-8"), published="2020-01-08")
    times = {t.text: t for t in tag_times(article, None).times}
    assert (times[span].type, times[span].value, times[span].precision) == expected
    assert times[span].evidence.coder == "time.rules.v1"
    assert article.text[times[span].evidence.start:times[span].evidence.end] == span


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("He travelled to the 1990s again.", "the 1990s", ("DATE", "199X", "decade")),
    ("Music of the '80s filled the hall.", "the '80s", ("DATE", "198X", "decade")),
    ("Prices rose in the nineties.", "the nineties", ("DATE", "199X", "decade")),
    ("Taxes rise over the next decade.", "the next decade", ("DATE", "203X", "decade")),
])
def test_decades(text, span, expected):
    check(text, date(2025, 6, 1), span, expected)


@pytest.mark.parametrize("text", [
    "That equals a quarter of the total cost.",
    "Iraq imports about three-quarters of its food.",
    "Gonzalez said on CBS's 60 Minutes that he was angry.",
])
def test_fractions_and_titles_are_not_durations(text):
    assert not [t for t in find_times(text, PUBLISHED) if t.type == "DURATION"]


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("The monarch will meet Bush on Thursday.", "Thursday", "future"),
    ("He said he would make a statement on Thursday.", "Thursday", "future"),
    ("The king met Saddam on Thursday.", "Thursday", "past"),
    ("Talks were held on Thursday.", "Thursday", "past"),
    ("The minister is meeting rebels on Thursday.", "Thursday", "future"),
    ("A ceremony on Thursday.", "Thursday", None),
])
def test_verb_tense(time_ctx, text, span, expected):
    start = text.index(span)
    assert verb_tense(time_ctx.nlp(text), start, start + len(span)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the parse sees "meet" under "will" though a past verb sits closer to the weekday
    ("The king, who resigned, will meet Bush on Thursday.", "2020-01-09"),
    ("The king, who will resign, met Bush on Thursday.", "2020-01-02"),
])
def test_find_times_uses_the_parse_for_tense(time_ctx, text, expected):
    times = find_times(text, PUBLISHED, doc=time_ctx.nlp(text))
    assert [t.value for t in times] == [expected]


def test_find_times_returns_five_field_records():
    [(start, end, kind, value, precision)] = find_times("Troops arrived yesterday.", PUBLISHED)
    assert (start, end, kind, value, precision) == (15, 24, "DATE", "2020-01-07", "day")


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("The firm was founded in March 1988. That year, sales rose.", "That year", ("DATE", "1988", "year")),
    ("The firm was founded in March 1988. The following month it hired staff.", "The following month",
     ("DATE", "1988-04", "month")),
    ("He was arrested on 3 May 2019. The next day he was charged.", "The next day", ("DATE", "2019-05-04", "day")),
    ("He was arrested on 3 May 2019. Earlier that day, police raided his home.", "Earlier that day",
     ("DATE", "2019-05-03", "day")),
    ("Sales rose that year.", "that year", ("DATE", None, "year")),
    ("He was jailed in 2015. Two years earlier, he had fled.", "Two years earlier", ("DATE", "2013", "year")),
    ("Profit fell in the third quarter of 1989 from a year earlier.", "a year earlier",
     ("DATE", "1988-Q3", "quarter")),
    ("Sales were higher a year earlier.", "a year earlier", ("DATE", "2019", "year")),
])
def test_anaphoric_periods_follow_the_last_date(text, span, expected):
    check(text, PUBLISHED, span, expected)


@pytest.mark.parametrize("text", [
    "Traders lost money that day.",                          # no earlier day to count from
    "He was arrested in 2019. Earlier that day, police came.",  # a year does not name a day
])
def test_unanchored_days_are_dropped(text):
    assert not [t for t in find_times(text, PUBLISHED) if "day" in text[t.start:t.end]]


def test_a_period_before_year_one_is_no_reference_for_what_follows():
    """A relative date read in year 1 ("last spring": 0000-SP) does not anchor "that day"."""
    found = find_times("Prices rose last spring, and that day the market fell.", date(1, 2, 1))
    assert [t.value for t in found] == ["0000-SP"]
