"""Drop page-chrome lines (comment forms, share buttons, notices) from scraped plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.extract.main_text import locate_main_text
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
def load_chrome_patterns() -> re.Pattern[str]:
    """Return the chrome patterns of `data/extract/chrome_patterns.txt` as one compiled
    alternation (one `fullmatch` per line, whichever pattern the line matches)."""
    source = resources.files("eventwire").joinpath("data", "extract", PATTERNS_FILE).read_text("utf-8")
    patterns = [line.strip() for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for pattern in patterns:
        re.compile(pattern)  # a broken line is named in the error, not lost in the alternation
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def is_chrome(line: str) -> bool:
    """Return whether a whole (stripped) line matches a chrome pattern.

    Example:
        >>> is_chrome("Leave a Reply"), is_chrome("Iran retaliated on Wednesday.")
        (True, False)
    """
    line = line.strip()
    return bool(line) and load_chrome_patterns().fullmatch(line) is not None


def remove_chrome(lines: list[str], *, find_main_text: bool = True) -> ChromeSplit:
    """Remove chrome lines; the headline (the first line that is not chrome) is always kept.

    Chrome before the headline (skip links, breadcrumbs) goes too; when every line is chrome
    the first one is kept, so the text is never emptied. On a long text (a page saved with
    its menus and footers) the lines outside its densest run of prose go as well, with the
    byline and date between headline and text, and the headline is picked from the lines just
    before the run (`main_text.locate_main_text`; `find_main_text=False` turns this off: text
    an HTML extractor already cut). Blank
    lines are kept (they separate paragraphs) and never reported as removed.

    Example:
        >>> remove_chrome(["Headline", "Body sentence one is here today.", "Share"]).removed
        ('Share',)
    """
    chrome = {i for i, line in enumerate(lines) if is_chrome(line)}
    filled = [i for i, line in enumerate(lines) if line.strip()]
    outside, main_headline = _outside_main_text(lines, chrome) if find_main_text else (set(), None)
    cut = chrome | outside
    headline = main_headline if main_headline is not None else next(
        (i for i in filled if i not in cut), filled[0] if filled else None)
    drop = cut - {headline}
    drop |= _trailing_chrome(lines, headline, drop)
    kept = tuple(line for i, line in enumerate(lines) if i not in drop)
    removed = tuple(lines[i].strip() for i in sorted(drop))
    return ChromeSplit(kept=kept, removed=removed)


def _outside_main_text(lines: list[str], chrome: set[int]) -> tuple[set[int], int | None]:
    """Indexes of the lines outside the main text or chrome inside it, and the headline
    (None when the text is too short for the heuristic or has no run of prose)."""
    found = locate_main_text(lines, chrome)
    if found is None:
        return set(), None
    outside = {i for i, line in enumerate(lines) if line.strip()} - set(found.kept)
    return outside - {found.headline}, found.headline


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
