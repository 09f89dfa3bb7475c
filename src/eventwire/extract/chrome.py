"""Drop page-chrome lines (comment forms, share buttons, notices) from scraped plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.extract.language import WORD, load_function_words
from eventwire.extract.text import ends_sentence

PATTERNS_FILE = "chrome_patterns.txt"
# the trailing heuristic: after the last body paragraph, short lines without sentence
# punctuation or digits are chrome ("Related", "Share on Facebook", site names); it runs
# only where most long lines end like sentences (some corpora drop final full stops)
BODY_MIN_WORDS = 8
TRAILING_MAX_WORDS = 6
MIN_PUNCTUATED_SHARE = 0.7
# the main-text heuristic, for pages saved as text with their menus and footers (jusText's
# idea on lines): a prose line has enough words, a share of English function words and
# little link markup; prose lines separated by at most RUN_GAP other lines form a run; the
# heaviest run (in characters) and every run at least RUN_SHARE as heavy are the main text,
# and the lines outside them go. It runs only on texts of MAIN_TEXT_MIN_LINES lines or more.
MAIN_TEXT_MIN_LINES = 15
PROSE_MIN_WORDS = 8
PROSE_MIN_FUNCTION_SHARE = 0.2
PROSE_MAX_LINK_SHARE = 0.5
RUN_GAP = 3
RUN_SHARE = 0.4
HEADLINE_LOOKBACK = 4
HEADLINE_MIN_WORDS = 4
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


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


def remove_chrome(lines: list[str], *, find_main_text: bool = True) -> ChromeSplit:
    """Remove chrome lines; the headline (the first line that is not chrome) is always kept.

    Chrome before the headline (skip links, breadcrumbs) goes too; when every line is chrome
    the first one is kept, so the text is never emptied. On a long text (a page saved with
    its menus and footers) the lines outside the main runs of prose go as well, and the
    headline is the first line of four or more words just before the main text
    (`find_main_text=False` turns this off: text an HTML extractor already cut). Blank
    lines are kept (they separate paragraphs) and never reported as removed.

    Example:
        >>> remove_chrome(["Headline", "Body sentence one is here today.", "Share"]).removed
        ('Share',)
    """
    chrome = {i for i, line in enumerate(lines) if is_chrome(line)}
    filled = [i for i, line in enumerate(lines) if line.strip()]
    outside, main_headline = _outside_main_text(lines, filled, chrome) if find_main_text else (set(), None)
    cut = chrome | outside
    headline = main_headline if main_headline is not None else next(
        (i for i in filled if i not in cut), filled[0] if filled else None)
    drop = cut - {headline}
    drop |= _trailing_chrome(lines, headline, drop)
    kept = tuple(line for i, line in enumerate(lines) if i not in drop)
    removed = tuple(lines[i].strip() for i in sorted(drop))
    return ChromeSplit(kept=kept, removed=removed)


def _outside_main_text(lines: list[str], filled: list[int], chrome: set[int]) -> tuple[set[int], int | None]:
    """Indexes of the lines outside the main runs of prose, and the headline just before them
    (None when the text is too short for the heuristic or has no run of prose)."""
    if len(filled) < MAIN_TEXT_MIN_LINES:
        return set(), None
    position = {index: rank for rank, index in enumerate(filled)}
    prose = [i for i in filled if i not in chrome and is_prose(lines[i])]
    if len(prose) < 2:
        return set(), None
    runs, current = [], [prose[0]]
    for previous, index in zip(prose, prose[1:]):
        if position[index] - position[previous] - 1 <= RUN_GAP:
            current.append(index)
        else:
            runs.append(current)
            current = [index]
    runs.append(current)
    weights = [sum(len(lines[i]) for i in run) for run in runs]
    kept = [run for run, weight in zip(runs, weights) if weight >= RUN_SHARE * max(weights)]
    first, last = kept[0][0], kept[-1][-1]
    # a few lines before or after the main text (chrome patterns aside) are a byline or a
    # closing line, not a page's menus or footer: they stay (the patterns and the trailing
    # heuristic still judge them)
    if sum(i < first and i not in chrome for i in filled) <= HEADLINE_LOOKBACK:
        first = filled[0]
    if sum(i > last and i not in chrome for i in filled) <= RUN_GAP:
        last = filled[-1]
    headline = None
    if first != filled[0]:  # a cut head: the headline is among the lines just before the text
        before = [i for i in filled if i < first][-HEADLINE_LOOKBACK:]
        headline = next((i for i in before if i not in chrome and _headline_like(lines[i])), None)
        if headline is not None:
            first = headline  # the byline and date between headline and text stay
    return {i for i in filled if not first <= i <= last}, headline


def _headline_like(line: str) -> bool:
    return len(WORD.findall(line)) >= HEADLINE_MIN_WORDS and not _MARKDOWN_LINK.search(line)


def is_prose(line: str) -> bool:
    """Whether a line reads as running English prose: enough words, enough function words,
    and most of it not link markup ("[Sport](https://...)").

    Example:
        >>> is_prose("Iran fired a dozen missiles at two bases in Iraq on Wednesday."), is_prose("Home News Sport")
        (True, False)
    """
    words = WORD.findall(line)
    if len(words) < PROSE_MIN_WORDS:
        return False
    if sum(len(link) for link in _MARKDOWN_LINK.findall(line)) > PROSE_MAX_LINK_SHARE * len(line):
        return False
    english = load_function_words().words["en"]
    return sum(word.lower() in english for word in words) >= PROSE_MIN_FUNCTION_SHARE * len(words)


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
