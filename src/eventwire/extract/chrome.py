"""Drop page-chrome lines (comment forms, share buttons, notices) from scraped plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.extract.text import ends_sentence

PATTERNS_FILE = "chrome_patterns.txt"
# the trailing heuristic: after the last body paragraph, short lines without sentence
# punctuation or digits are chrome ("Related", "Share on Facebook", site names); it runs
# only where most long lines end like sentences (some corpora drop final full stops)
BODY_MIN_WORDS = 8
TRAILING_MAX_WORDS = 6
MIN_PUNCTUATED_SHARE = 0.7


@dataclass(frozen=True, slots=True)
class ChromeSplit:
    """Lines kept and lines removed (in text order)."""

    kept: tuple[str, ...]
    removed: tuple[str, ...]


@cache
def load_chrome_patterns() -> tuple[re.Pattern[str], ...]:
    """Return the compiled chrome patterns of `data/extract/chrome_patterns.txt`."""
    source = resources.files("eventwire").joinpath("data", "extract", PATTERNS_FILE).read_text("utf-8")
    return tuple(
        re.compile(line.strip(), re.IGNORECASE)
        for line in source.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def is_chrome(line: str) -> bool:
    """Return whether a whole (stripped) line matches a chrome pattern.

    Example:
        >>> is_chrome("Leave a Reply"), is_chrome("Iran retaliated on Wednesday.")
        (True, False)
    """
    line = line.strip()
    return bool(line) and any(pattern.fullmatch(line) for pattern in load_chrome_patterns())


def remove_chrome(lines: list[str]) -> ChromeSplit:
    """Remove chrome lines; the headline (the first line that is not chrome) is always kept.

    Chrome before the headline (skip links, breadcrumbs) goes too; when every line is chrome
    the first one is kept, so the text is never emptied. Blank lines are kept (they separate
    paragraphs) and never reported as removed.

    Example:
        >>> remove_chrome(["Headline", "Body sentence one is here today.", "Share"]).removed
        ('Share',)
    """
    chrome = {i for i, line in enumerate(lines) if is_chrome(line)}
    filled = [i for i, line in enumerate(lines) if line.strip()]
    headline = next((i for i in filled if i not in chrome), filled[0] if filled else None)
    drop = chrome - {headline}
    drop |= _trailing_chrome(lines, headline, drop)
    kept = tuple(line for i, line in enumerate(lines) if i not in drop)
    removed = tuple(lines[i].strip() for i in sorted(drop))
    return ChromeSplit(kept=kept, removed=removed)


def _trailing_chrome(lines: list[str], first: int | None, drop: set[int]) -> set[int]:
    """Indexes of the short, unpunctuated lines that follow the last body paragraph."""
    long_lines = [line for i, line in enumerate(lines)
                  if i != first and i not in drop and len(line.split()) >= BODY_MIN_WORDS]
    body = [i for i, line in enumerate(lines)
            if i != first and i not in drop and _is_body_paragraph(line)]
    if not body or len(body) < MIN_PUNCTUATED_SHARE * len(long_lines):
        return set()
    found = set()
    for i in range(len(lines) - 1, body[-1], -1):
        if not lines[i].strip() or i in drop:
            continue
        if not _is_short_unpunctuated(lines[i]):
            break
        found.add(i)
    return found


def _is_body_paragraph(line: str) -> bool:
    line = line.strip()
    return len(line.split()) >= BODY_MIN_WORDS and ends_sentence(line)


def _is_short_unpunctuated(line: str) -> bool:
    line = line.strip()
    return (len(line.split()) <= TRAILING_MAX_WORDS and not ends_sentence(line)
            and not any(char.isdigit() for char in line))
