"""Find quoted spans in raw text: straight, curly, single curly, guillemet and '' quote marks."""

from __future__ import annotations

from typing import NamedTuple

# the marks that close each opener; sloppy text mixes straight and curly marks
CLOSERS = {"“": "”\"", "«": "»", "„": "“”", '"': '"”', "‘": "’", "”": "”\""}
BEFORE_SINGLE_OPEN = frozenset(" \t\n([{—–-/\"“«")
TRAILING = " \t\n,;:"
DOUBLED = "''"


class QuoteSpan(NamedTuple):
    """One quoted stretch: `start`/`end` include the marks, `inner_*` exclude them.

    `continued` says the span continues a quote whose paragraph ended without a closing
    mark; `closed` is False for such an unterminated paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    continued: bool
    closed: bool


def find_quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """Return the outermost quoted spans of `text`, in order.

    Apostrophes inside words ("don’t", "Iran’s") never close a single curly quote; a
    paragraph that ends inside a quote yields a span running to the paragraph end, and a
    following paragraph that opens with a quote mark is marked `continued`.

    Example:
        >>> [text[s.inner_start:s.inner_end] for s in find_quote_spans('He said: “Go.”')]
        ['Go.']
    """
    spans: list[QuoteSpan] = []
    pending_continuation = False
    for start, end in _paragraphs(text):
        pending_continuation = _scan_paragraph(text, start, end, pending_continuation, spans)
    return tuple(spans)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            bounds.append((offset, offset + len(line)))
        offset += len(line) + 1
    return bounds


def _scan_paragraph(text: str, start: int, end: int, continuing: bool, spans: list[QuoteSpan]) -> bool:
    """Scan one paragraph; return whether it ended inside an open quote."""
    opener: str | None = None
    open_at = -1
    first_open = True
    i = start
    while i < end:
        char = text[i]
        if opener is None:
            if text.startswith(DOUBLED, i) and _opens_doubled(text, i, start, end):
                opener, open_at = DOUBLED, i
                i += len(DOUBLED)
                continue
            if _opens(text, i, start, end):
                opener, open_at = char, i
        elif opener == DOUBLED:
            if text.startswith(DOUBLED, i):
                is_continued = continuing and first_open and not text[start:open_at].strip()
                spans.append(QuoteSpan(open_at, i + 2, open_at + 2, i, is_continued, True))
                opener = None
                first_open = False
                i += len(DOUBLED)
                continue
        elif char in CLOSERS[opener] and _closes(text, i, end, opener):
            is_continued = continuing and first_open and not text[start:open_at].strip()
            spans.append(QuoteSpan(open_at, i + 1, open_at + 1, i, is_continued, True))
            opener = None
            first_open = False
        i += 1
    if opener is None:
        return False
    inner_start = open_at + len(opener)
    inner_end = end
    while inner_end > inner_start and text[inner_end - 1] in TRAILING:
        inner_end -= 1
    if inner_end > inner_start:
        is_continued = continuing and first_open and not text[start:open_at].strip()
        spans.append(QuoteSpan(open_at, end, inner_start, inner_end, is_continued, False))
    return True


def _opens_doubled(text: str, i: int, start: int, end: int) -> bool:
    previous = text[i - 1] if i > start else " "
    following = text[i + 2] if i + 2 < end else " "
    return not previous.isalnum() and not following.isspace() and following != "'"


def _opens(text: str, i: int, start: int, end: int) -> bool:
    char = text[i]
    if char not in CLOSERS:
        return False
    following = text[i + 1] if i + 1 < end else " "
    if following.isspace():
        return False
    if char == "”":
        previous = text[i - 1] if i > start else " "
        return previous.isspace() and following.isalnum()
    if char in "‘\"":
        previous = text[i - 1] if i > start else " "
        return previous in BEFORE_SINGLE_OPEN or (char == '"' and not previous.isalnum())
    return True


def _closes(text: str, i: int, end: int, opener: str) -> bool:
    if opener != "‘":
        return True
    previous = text[i - 1]
    following = text[i + 1] if i + 1 < end else " "
    return not (previous.isalpha() and following.isalpha())
