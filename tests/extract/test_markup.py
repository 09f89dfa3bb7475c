"""Visible text of Markdown lines (pages saved by html2text)."""

from __future__ import annotations

import pytest

from eventwire.extract.markup import VisibleLine, looks_like_markdown, read_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("* [Iran](https://x.org/iran) fires **missiles** ![](https://x.org/a.png)",
         VisibleLine("Iran fires missiles", 4, heading=False, bullet=True)),
        ("[![India Post](https://cdn.example.com/logo.jpg)](https://www.example.com)", VisibleLine("", 0, False, False)),
        ("## With shattered dreams, deportees return home", VisibleLine("With shattered dreams, deportees return home", 0, True, False)),
        ("> We must apply a system of compassion to criminal justice.",
         VisibleLine("We must apply a system of compassion to criminal justice.", 0, False, False)),
        ('* [Blog](https://www.example.com/category/blog/ "Blog") (2)', VisibleLine("Blog (2)", 4, False, True)),
        ("[__Print This Article](javascript:printArticle\\(\\);) __Share it__", VisibleLine("Print This Article Share it", 18, False, False)),
        ("Read it at <https://example.com/story> or www.example.com/story today", VisibleLine("Read it at or today", 0, False, False)),
        ("1\\. The first point, with snake_case kept", VisibleLine("1. The first point, with snake_case kept", 0, False, False)),
        ("Iran fired missiles at two bases.", VisibleLine("Iran fired missiles at two bases.", 0, False, False)),
    ],
)
def test_read_line(line: str, expected: VisibleLine) -> None:
    assert read_line(line) == expected


def test_looks_like_markdown() -> None:
    assert looks_like_markdown(["[Home](/)", "text", "[World](/world) ![logo](/logo.png)"])
    assert not looks_like_markdown(["Iran bombs U.S. bases [updated]", "He said (in Farsi) that it was over."])
