"""The public API `eventwire.extract()`: it raises only `EventwireError`s, each with its code."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.context import Context
from eventwire.errors import (
    BadDate,
    EmptyDocument,
    EventwireError,
    InternalError,
    InvalidArgument,
    UndecodableDocument,
    UnknownCoder,
)
from eventwire.model import Article
from eventwire.options import DEFAULT_CODERS, Options
from eventwire.registry import register

TEXT = "Iran fired missiles at U.S. bases in Iraq on Wednesday, officials said."
FAILING_CODER = "issue16.failing.v1"


@register("quotes", FAILING_CODER)
def failing_quote_coder(article: Article, ctx: Context) -> Article:
    """A quote coder that breaks on every article, as a buggy third-party coder would."""
    raise ZeroDivisionError("division by zero in the quote coder")


@pytest.mark.parametrize(
    ("argument", "keywords", "error", "message"),
    [
        (None, {}, InvalidArgument, "EW001 extract() takes the article as str or bytes, not NoneType"),
        (42, {}, InvalidArgument, "EW001 extract() takes the article as str or bytes, not int"),
        ([TEXT], {}, InvalidArgument, "EW001 extract() takes the article as str or bytes, not list"),
        ({"text": TEXT}, {}, InvalidArgument, "EW001 extract() takes the article as str or bytes, not dict"),
        (TEXT, {"options": "fast"}, InvalidArgument,
         "EW001 extract() takes options as an eventwire.Options, not str"),
        (TEXT, {"url": 7}, InvalidArgument, "EW001 extract() takes url as a string, not int"),
        (TEXT, {"published": 2020}, InvalidArgument, "EW001 extract() takes published as a string, not int"),
        ("\ud800", {}, UndecodableDocument, "EW103 the text holds a lone surrogate U+D800 at character 0"),
        (TEXT + "\ud800", {}, UndecodableDocument, "EW103 the text holds a lone surrogate U+D800"),
        (TEXT, {"url": "https://x.org/\udcff"}, UndecodableDocument, "EW103 the URL holds a lone surrogate"),
        (TEXT, {"published": "0001-01-01"}, BadDate, "EW107 publication date '0001-01-01' is not between"),
        ("", {}, EmptyDocument, "EW101 the document is empty"),
        (TEXT, {"options": Options(coders={**DEFAULT_CODERS, "events": "nope.v1"})}, UnknownCoder,
         "EW301 no coder 'nope.v1' for stage 'events'"),
        (TEXT, {"options": Options(coders={**DEFAULT_CODERS, "quotes": FAILING_CODER})}, InternalError,
         "EW900 ZeroDivisionError: division by zero in the quote coder"),
    ],
    ids=["none", "int", "list", "dict", "options-string", "url-int", "published-int", "lone-surrogate",
         "surrogate-at-end", "surrogate-in-url", "year-1", "empty", "unknown-coder", "stage-error"],
)
def test_issue_16_extract_raises_only_eventwire_errors(argument: object, keywords: dict,
                                                       error: type[EventwireError], message: str) -> None:
    with pytest.raises(EventwireError) as raised:
        eventwire.extract(argument, **keywords)  # type: ignore[arg-type]
    assert type(raised.value) is error
    assert str(raised.value).startswith(message)


def test_stage_error_keeps_its_cause() -> None:
    options = Options(coders={**DEFAULT_CODERS, "quotes": FAILING_CODER})
    with pytest.raises(InternalError) as raised:
        eventwire.extract(TEXT, options=options)
    assert isinstance(raised.value.__cause__, ZeroDivisionError)


def test_bytes_like_input_is_read() -> None:
    assert eventwire.extract(bytearray(TEXT.encode())).text == eventwire.extract(TEXT).text
