"""Whitespace normalisation, paragraphs and content ids."""

from __future__ import annotations

import pytest

from eventwire.extract.text import article_id, assemble_paragraphs, join_paragraphs, normalise_line, split_lines

WRAPPED = [
    "The foreign ministers of the two countries met in Geneva on",
    "Monday to discuss the ceasefire, which has largely held since",
    "it was agreed in March, officials from both delegations said",
    "after the talks.",
]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  Iran\u00a0bombs \t U.S.   bases ", "Iran bombs U.S. bases"),
        ("thin\u2009space and\u202fnarrow", "thin space and narrow"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("“Curly quotes” stay ‘as they are’", "“Curly quotes” stay ‘as they are’"),
    ],
)
def test_normalise_line(line: str, expected: str) -> None:
    assert normalise_line(line) == expected


def test_split_lines_handles_all_line_ends() -> None:
    assert split_lines("a\r\nb\rc\u2028d\n\ne") == ["a", "b", "c", "d", "", "e"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Headline", "", "First paragraph.", "", "Second."], ["Headline", "First paragraph.", "Second."]),
        (["Headline", "One line per paragraph.", "Another one."],
         ["Headline", "One line per paragraph.", "Another one."]),
        (["Headline", "", *WRAPPED, "", "Next paragraph."], ["Headline", " ".join(WRAPPED), "Next paragraph."]),
        (["Iran bombs bases", "By John Smith", "January 8, 2020"],
         ["Iran bombs bases", "By John Smith", "January 8, 2020"]),
    ],
)
def test_assemble_paragraphs(lines: list[str], expected: list[str]) -> None:
    assert assemble_paragraphs(lines) == expected


def test_join_paragraphs_uses_blank_lines() -> None:
    assert join_paragraphs(["A.", "", "B."]) == "A.\n\nB."


@pytest.mark.parametrize(("first", "second", "same"), [("Text.", "Text.", True), ("Text.", "Text!", False)])
def test_article_id(first: str, second: str, same: bool) -> None:
    assert len(article_id(first)) == 16
    assert (article_id(first) == article_id(second)) is same


def test_list_of_items_is_not_joined() -> None:
    items = ["Sell the plan to voters across the country and in the small towns",
             "Be the candidate who shines in a smaller crowd at the town hall",
             "Get those jokes off, adding some levity to the long debate night"]
    assert assemble_paragraphs(items) == items
