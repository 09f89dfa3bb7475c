"""Fuzzing: text/HTML extraction and the date and number normalisers on generated input.

Each target runs for its share of EVENTWIRE_FUZZ_SECONDS (default 5 seconds in all; CI sets
60): batches of hypothesis examples with fresh random seeds until the time is spent. No
exception but an `EventwireError` may escape, and every output must be well formed. A crash
found here becomes an explicit example in the `test_issue_16_fuzz_*` tests below.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import BadDate, EventwireError
from eventwire.events.quantities import parse_number as parse_quantity
from eventwire.extract import to_article
from eventwire.extract.dates import MAX_YEAR, MIN_YEAR, normalise_date
from eventwire.extract.decode import check_binary, decode_bytes
from eventwire.extract.html import flatten_deep_html, fragment_text, looks_like_html
from eventwire.extract.text import assemble_paragraphs, join_paragraphs, split_lines
from eventwire.model import Article, Document
from eventwire.options import Options
from eventwire.time.lexicon import load_lexicon
from eventwire.time.patterns import parse_number as parse_time_number
from eventwire.time.tagger import find_times, publication_date

SECONDS = float(os.environ.get("EVENTWIRE_FUZZ_SECONDS", "5"))
BATCH = settings(max_examples=50, deadline=None, database=None, derandomize=False,
                 suppress_health_check=list(HealthCheck))
OPTIONS = (Options(), Options(check_language=False), Options(max_chars=2_000, min_chars=1))
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}

WORDS = ("Iran", "fired", "missiles", "at", "U.S.", "bases", "in", "Iraq", "on", "Wednesday", "the",
         "minister", "said", "police", "arrested", "12", "people", "killed", "dozens", "Genève", "Besançon",
         "“quoted”", "–", "東京", "Москва", "القاهرة", "\u200b", "\u00a0", "\ufeff", "\ufffd", ".", ",", "?")
DATE_WORDS = ("January", "Jan", "feb.", "March", "Sept", "December", "Monday", "Wed,", "1st", "2nd", "23rd",
              "31", "29", "0", "00", "2020", "1999", "0001", "9999", "99999999999999999999", "-", "/", ":", "T",
              "+03:30", "Z", "GMT", "UTC", "EST", "am", "p.m.", "of", "the", "last", "next", "ago", "days",
              "weeks", "years", "quarter", "first", "fourth", "Q3", "fiscal", "half", "century", "1990s",
              "yesterday", "tomorrow", "tonight", "noon", "midnight", "spring", "week", "twenty-five",
              "nineteen", "eighty", "two", "thousand", "a", "dozen", "hundred", "million", "and")
NUMBER_WORDS = ("one", "two", "twelve", "twenty", "twenty-five", "hundred", "thousand", "million", "a",
                "dozen", "and", "about", "some", "nearly", "at", "least", "of", "3,000", "1.5", "0", "-",
                "-5", "1e9", "½", "٣", "", "99999999999999999999999999999999")
TAGS = ("<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "</body>", "<div>", "</div>",
        "<p>", "</p>", "<span class='x'>", "</span>", "<article>", "</article>", "<h1>", "</h1>", "<br>",
        "<br/>", "<script>", "</script>", "<style>", "</style>", "<noscript>", "<!--", "-->", "<!DOCTYPE html>",
        "<meta charset='utf-8'>", "<meta name='date' content='2020-01-08'>", "<table><tr><td>", "<li>",
        "<a href='https://example.org/x'>", "</a>", "<", ">", "&amp;", "&#x110000;", "&#0;", "&nbsp;",
        "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<svg><g>", "<math>", "<template>", "<iframe>")

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(("\n", "\n\n", "\r\n", "\t"))),
             max_size=200).map(" ".join),
)
htmls = st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(WORDS), st.text(max_size=8)),
                 max_size=300).map("".join)
deep_htmls = st.builds(lambda depth, tag, inner, closed: "<html><body>" + f"<{tag}>" * depth + inner
                       + (f"</{tag}>" * depth if closed else ""),
                       st.integers(0, 3_000), st.sampled_from(("div", "span", "b", "font", "section", "td", "li")),
                       htmls, st.booleans())
encodings = st.sampled_from(("utf-8", "utf-16-le", "utf-16-be", "utf-16", "cp1252", "latin-1", "shift_jis",
                             "euc-jp", "cp1251", "gb18030", "utf-32"))
encoded = st.builds(lambda text, encoding: text.encode(encoding, errors="replace"),
                    st.one_of(texts, htmls), encodings)
damaged = st.builds(lambda data, cuts: _damage(data, cuts), encoded,
                    st.lists(st.tuples(st.integers(0, 10_000), st.binary(min_size=1, max_size=3)), max_size=5))
raw_bytes = st.one_of(st.binary(max_size=2_000), encoded, damaged)
date_texts = st.one_of(st.text(max_size=40),
                       st.lists(st.sampled_from(DATE_WORDS), max_size=8).map(" ".join),
                       st.lists(st.sampled_from(DATE_WORDS), max_size=8).map("".join))
published_days = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def _damage(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    for position, junk in cuts:
        position %= len(data) + 1
        data = data[:position] + junk + data[position:]
    return data


def _valid_unicode(text: str) -> bool:
    return not re.search("[\ud800-\udfff]", text)


def _check_article(article: Article, options: Options) -> None:
    assert isinstance(article, Article)
    assert isinstance(article.text, str) and article.text.strip()
    assert _valid_unicode(article.text)
    assert len(article.text) <= options.max_chars
    assert re.fullmatch(r"[0-9a-f]{16}", article.id)
    assert article.published is None or dt.date.fromisoformat(article.published)
    assert article.title is None or isinstance(article.title, str)


def fuzz_decode(data: bytes) -> None:
    try:
        check_binary(data)
        text = decode_bytes(data)
    except EventwireError:
        return
    assert isinstance(text, str) and _valid_unicode(text)


def fuzz_document(content: bytes | str, media_type: str, options_index: int, published: str | None) -> None:
    options = OPTIONS[options_index]
    try:
        article = to_article(Document("fuzz", content, media_type=media_type, published=published), options)
    except EventwireError:
        return
    _check_article(article, options)


def fuzz_html_helpers(html: str) -> None:
    assert isinstance(looks_like_html(html), bool)
    flat = flatten_deep_html(html, max_depth=5)
    assert len(flat) <= len(html)
    assert isinstance(fragment_text(html), str)
    lines = split_lines(html)
    assert all("\n" not in line and line == line.strip() for line in lines)
    assert "\n\n\n" not in join_paragraphs(assemble_paragraphs(lines))


def fuzz_date(value: str) -> None:
    try:
        day = normalise_date(value)
    except BadDate:
        return
    parsed = dt.date.fromisoformat(day)
    assert parsed.isoformat() == day and MIN_YEAR <= parsed.year <= MAX_YEAR
    stamp = publication_date(value)
    assert stamp is None or isinstance(stamp, dt.date)


def fuzz_times(text: str, published: dt.date | None) -> None:
    for timex in find_times(text, published):
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.type in TIMEX_TYPES
        assert timex.value is None or (isinstance(timex.value, str) and timex.value)


def fuzz_numbers(words: list[str]) -> None:
    value = parse_quantity(words)
    assert value is None or (isinstance(value, int) and value >= 0)
    number = parse_time_number(" ".join(words), load_lexicon())
    assert number is None or (math.isfinite(number) and number >= 0)


TARGETS: dict[str, Callable[[], None]] = {
    "decode": given(raw_bytes)(fuzz_decode),
    "document_bytes": given(st.one_of(raw_bytes, htmls.map(str.encode), deep_htmls.map(str.encode)),
                            st.sampled_from(("text/html", "text/plain", "text/html; charset=shift_jis", "")),
                            st.integers(0, len(OPTIONS) - 1), st.none())(fuzz_document),
    "document_text": given(st.one_of(texts, htmls, deep_htmls), st.sampled_from(("text/html", "text/plain")),
                           st.integers(0, len(OPTIONS) - 1), st.one_of(st.none(), date_texts))(fuzz_document),
    "html_helpers": given(st.one_of(htmls, deep_htmls, st.text(max_size=200)))(fuzz_html_helpers),
    "dates": given(date_texts)(fuzz_date),
    "times": given(st.one_of(date_texts, texts,
                             st.lists(st.one_of(st.sampled_from(DATE_WORDS), st.sampled_from(WORDS)),
                                      max_size=30).map(" ".join)), published_days)(fuzz_times),
    "numbers": given(st.lists(st.one_of(st.sampled_from(NUMBER_WORDS), st.text(max_size=5)), max_size=8))(
        fuzz_numbers),
}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name: str) -> None:
    """Run one target in batches until its share of the time budget is spent."""
    target = BATCH(TARGETS[name])
    stop = time.monotonic() + SECONDS / len(TARGETS)
    batches = 0
    while time.monotonic() < stop or not batches:
        target()  # a failing example raises here, shrunk by hypothesis
        batches += 1


@pytest.mark.parametrize(
    ("target", "args"),
    [
        # a document of invisible characters only became an Article with empty text
        (fuzz_document, (b"\xe2\x80\x8b", "text/html", 0, None)),
        (fuzz_document, ("\u200b\ufeff", "text/plain", 1, None)),
        # lxml's AssertionError ("too many bodies") and ValueError (control characters) escaped
        (fuzz_html_helpers, ("<html>",)),
        (fuzz_html_helpers, ("<br>\x1f",)),
        # norm_quarter read a group the pattern lacks: IndexError on any "Q1"
        (fuzz_times, ("Q1", None)),
        (fuzz_times, ("Sales fell in q3 and the fourth quarter.", dt.date(2020, 1, 8))),
        # an offset past the calendar's years raised OverflowError (found by the CI fuzz run)
        (fuzz_times, ("730120 DAY AGO", dt.date(2000, 1, 1))),
        (fuzz_times, ("99999 years from now", dt.date(2000, 1, 1))),
        # dateutil's decimal arithmetic raised InvalidOperation on a 40-digit minute (CI fuzz run)
        (fuzz_date, ("12:" + "9" * 40,)),
        (fuzz_document, ("text", "text/plain", 0, "12:" + "9" * 40)),
    ],
)
def test_issue_16_fuzz_crashes(target: Callable[..., None], args: tuple[object, ...]) -> None:
    target(*args)


def test_issue_16_fuzz_quarter_value() -> None:
    assert [timex.value for timex in find_times("Profits rose in Q1 2019.", None)] == ["2019-Q1"]
