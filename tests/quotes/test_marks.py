"""Quote-mark scanning: every common style, apostrophes, quotes running over paragraphs."""

from __future__ import annotations

import pytest

from eventwire.quotes.marks import find_quote_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor said "we will rebuild the bridge" on Monday.', ["we will rebuild the bridge"]),
        ("“We will rebuild,” the mayor said.", ["We will rebuild,"]),
        ("‘The vote is over,’ she said.", ["The vote is over,"]),
        ("He called the plan «une catastrophe» in Paris.", ["une catastrophe"]),
        ("The minister’s aide didn’t say: ‘We’re leaving.’", ["We’re leaving."]),
        ("The countries’ leaders met in Rome’s old town.", []),
        ("“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"]),
        ('He said "first" and then "second".', ["first", "second"]),
        ("No quotes here at all.", []),
    ],
)
def test_find_quote_spans_inner_text(text: str, expected: list[str]) -> None:
    assert [text[s.inner_start:s.inner_end] for s in find_quote_spans(text)] == expected


def test_quote_over_paragraphs_continues() -> None:
    text = "“The first paragraph has no closing mark.\n\n“The second one closes.” He left."
    spans = find_quote_spans(text)
    assert [text[s.inner_start:s.inner_end] for s in spans] == [
        "The first paragraph has no closing mark.",
        "The second one closes.",
    ]
    assert [(s.closed, s.continued) for s in spans] == [(False, False), (True, True)]


def test_span_bounds_include_marks() -> None:
    text = "Then «oui» came."
    (span,) = find_quote_spans(text)
    assert text[span.start:span.end] == "«oui»"
