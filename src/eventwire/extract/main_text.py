"""Find the main text of a page saved as plain text, menus and footers included.

jusText's and boilerpipe's signals for HTML blocks, read off lines: each line is prose,
short or chrome by its length, its share of function words (of the page's language), its
share of link text, its closing punctuation, list marks and repetition; the main text is the
densest run of prose (the stretch of lines whose prose characters outweigh, by the most, the
chrome and short lines between them: boilerpipe's text density, as a maximum-sum segment),
and the headline is the heading-like line just before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum

from eventwire.extract.language import WORD, guess_language, load_function_words
from eventwire.extract.markup import VisibleLine, read_line
from eventwire.extract.text import ends_sentence

# the heuristic runs on texts of this many non-blank lines or more (shorter: an article)
MIN_LINES = 15
# prose: enough words, a share of the page language's function words, little link text, few
# digits, and the end of a sentence (or a paragraph's length and a sentence break inside)
PROSE_MIN_WORDS = 8
PROSE_MIN_FUNCTION_SHARE = 0.2
PROSE_MAX_LINK_SHARE = 0.3
PARAGRAPH_MIN_WORDS = 25
# some saved texts drop the final full stops (one sentence a line) or wrap their lines: where
# fewer than this share of the sentence-long prose lines (OPEN_MIN_WORDS or more: longer than
# a headline, so that a list of teaser headlines is not taken for such a text) end like a
# sentence, an ending is not asked of those lines (the trailing-chrome rule of `chrome` reads
# the same signal)
MIN_CLOSED_SHARE = 0.5
OPEN_MIN_WORDS = 15
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\s\"”’)]")
# figures, not prose: a table row, an archive of dates
PROSE_MAX_DIGIT_SHARE = 0.2
# chrome: a chrome pattern, or mostly link text
CHROME_MIN_LINK_SHARE = 0.5
# how much a line weighs in the run: prose its characters; short and chrome lines a cost
# (a line with nothing visible weighs nothing)
SHORT_COST = 60
CHROME_COST = 80
# this many lines or fewer on one side of the run (chrome aside) are not a page's menus or footer
EDGE_LINES = 3
# ideographic scripts write no spaces: this many characters count as a word
CHARS_PER_IDEOGRAPHIC_WORD = 2
_IDEOGRAPHIC = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
_FIRST_IDEOGRAPHIC = "\u1100"  # Hangul Jamo, the first block of those scripts
# the headline: among the HEADLINE_LOOKBACK lines before the main text, a line of
# HEADLINE_MIN_WORDS or more that is neither chrome nor a link, a byline ("By ..."), a date
# (digits) or a sentence; a Markdown heading first, then one that echoes an earlier line (the
# page title: HEADLINE_ECHO of its words), then the nearest
HEADLINE_LOOKBACK = 10
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_DIGIT_SHARE = 0.1
HEADLINE_ECHO = 0.8
BYLINE_STARTS = ("by ", "written by ", "posted by ", "photo", "image")


class Kind(Enum):
    """What a line of a saved page is."""

    PROSE = "prose"
    SHORT = "short"
    CHROME = "chrome"
    EMPTY = "empty"  # nothing visible: an image, a bare list mark


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The signals read off one non-blank line."""

    visible: VisibleLine
    words: float
    function_share: float | None  # None: no function-word list for the page's language
    link_share: float
    repeated: bool
    pattern: bool                 # matches a chrome pattern
    open_lines: bool = False      # the page does not end its prose lines like sentences

    @property
    def kind(self) -> Kind:
        """Classify the line: prose, short or chrome."""
        if not self.visible.text:
            return Kind.EMPTY
        if self.pattern or self.link_share > CHROME_MIN_LINK_SHARE:
            return Kind.CHROME
        if self.repeated:  # a menu or a ticker shown twice; never the main text's evidence
            return Kind.SHORT
        text = self.visible.text
        paragraph = self.words >= PARAGRAPH_MIN_WORDS and bool(_SENTENCE_BREAK.search(text))
        # a list item counts as prose only as long as a paragraph (a teaser list ends in full stops too)
        open_line = self.open_lines and self.words >= OPEN_MIN_WORDS
        closed = paragraph or ((ends_sentence(text) or open_line) and not self.visible.bullet)
        return Kind.PROSE if self.reads_as_prose and closed else Kind.SHORT

    @property
    def reads_as_prose(self) -> bool:
        """Enough words, of the page's function words, few of them links or digits (its
        ending aside)."""
        text = self.visible.text
        return (self.words >= PROSE_MIN_WORDS and self.link_share <= PROSE_MAX_LINK_SHARE
                and (self.function_share is None or self.function_share >= PROSE_MIN_FUNCTION_SHARE)
                and sum(map(str.isdigit, text)) <= PROSE_MAX_DIGIT_SHARE * len(text))


@dataclass(frozen=True, slots=True)
class MainText:
    """Where the main text lies, as indexes into the lines given: its densest run of prose
    from `first` to `last`, the headline before it, and the lines of the run that are main
    text (not chrome, nor short lines that side with chrome)."""

    first: int
    last: int
    headline: int | None
    kept: tuple[int, ...]


def locate_main_text(lines: list[str], chrome: set[int]) -> MainText | None:
    """Locate the main text among `lines` (`chrome`: indexes matching a chrome pattern);
    None when the text is too short for the heuristic or holds no prose.

    Example:
        >>> menu = ["Home", "World", "Sport", "Weather", "Sign in", "Search"]
        >>> body = ["Iran fired a dozen missiles at two bases in Iraq on Wednesday, officials said.",
        ...         "The Pentagon said that there were no casualties among the troops at the bases."]
        >>> found = locate_main_text([*menu, "Iran strikes back at US bases", *body, *menu * 2], set())
        >>> found.headline, found.first, found.last
        (6, 7, 8)
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < MIN_LINES:
        return None
    features = describe_lines([lines[i] for i in filled], [i in chrome for i in filled])
    kinds = [feature.kind for feature in features]
    if Kind.PROSE not in kinds:
        return None
    weights = [_weight(feature, kind) for feature, kind in zip(features, kinds)]
    start, end = _densest_run(weights)
    # a few lines before or after the run are a headline, byline or closing line, not a page's
    # menus or footer: they stay (chrome aside; the trailing-chrome rule still judges them)
    edge = [position for position in range(len(kinds))
            if kinds[position] not in (Kind.CHROME, Kind.EMPTY) and not start <= position <= end]
    before = [position for position in edge if position < start]
    after = [position for position in edge if position > end]
    headline = None if len(before) <= EDGE_LINES else _headline(features, kinds, start)
    kept = [position for position in range(start, end + 1) if _keeps(kinds, position)]
    kept += (before if len(before) <= EDGE_LINES else []) + (after if len(after) <= EDGE_LINES else [])
    return MainText(first=filled[start], last=filled[end], headline=filled[headline] if headline is not None else None,
                    kept=tuple(filled[position] for position in sorted(kept)))


def describe_lines(lines: list[str], pattern: list[bool]) -> list[LineFeatures]:
    """Read the signals of each non-blank line; function words are those of the language
    the whole text reads as (none for a language without a list)."""
    visible = [read_line(line.strip()) for line in lines]
    language = guess_language("\n".join(line.text for line in visible)).code
    function_words = load_function_words().words.get(language)
    counts = Counter(line.text.lower() for line in visible if line.text)
    features = []
    for line, is_pattern in zip(visible, pattern):
        tokens = WORD.findall(line.text)
        words = sum(_word_count(token) for token in tokens)
        share = None
        if function_words is not None:
            share = sum(token.lower() in function_words for token in tokens) / len(tokens) if tokens else 0.0
        link_share = line.link_chars / len(line.text) if line.text else 0.0
        features.append(LineFeatures(line, words, share, link_share, counts[line.text.lower()] > 1, is_pattern))
    prose = [feature.visible.text for feature in features
             if feature.reads_as_prose and feature.words >= OPEN_MIN_WORDS
             and not (feature.pattern or feature.repeated or feature.visible.bullet)]
    if prose and sum(map(ends_sentence, prose)) < MIN_CLOSED_SHARE * len(prose):
        features = [replace(feature, open_lines=True) for feature in features]
    return features


def _keeps(kinds: list[Kind], position: int) -> bool:
    """Whether a line of the run is main text: prose is; chrome and empty lines are not; a
    short line is unless the nearest prose-or-chrome line on either side is chrome (jusText's
    context rule: a heading between paragraphs stays, a list after a "Related" line goes)."""
    kind = kinds[position]
    if kind is not Kind.SHORT:
        return kind is Kind.PROSE
    return Kind.CHROME not in (_neighbour(kinds, position, -1), _neighbour(kinds, position, 1))


def _neighbour(kinds: list[Kind], position: int, step: int) -> Kind:
    """The nearest prose or chrome kind from `position` in direction `step` (chrome past the
    text's ends)."""
    position += step
    while 0 <= position < len(kinds):
        if kinds[position] in (Kind.PROSE, Kind.CHROME):
            return kinds[position]
        position += step
    return Kind.CHROME


def _weight(feature: LineFeatures, kind: Kind) -> float:
    """A line's weight in the run: prose its characters, short and chrome lines a cost."""
    if kind is Kind.PROSE:
        return len(feature.visible.text)
    return {Kind.SHORT: -SHORT_COST, Kind.CHROME: -CHROME_COST}.get(kind, 0)


def _word_count(token: str) -> float:
    if token[0] < _FIRST_IDEOGRAPHIC:
        return 1.0
    if unicodedata.name(token[0], "").startswith(_IDEOGRAPHIC):
        return len(token) / CHARS_PER_IDEOGRAPHIC_WORD
    return 1.0


def _densest_run(weights: list[float]) -> tuple[int, int]:
    """The first and last positions of the segment of `weights` with the largest sum
    (Kadane's algorithm)."""
    best, best_start, best_end = float("-inf"), 0, 0
    total, start = 0.0, 0
    for position in range(len(weights)):
        if total <= 0:
            total, start = 0.0, position
        total += weights[position]
        if total > best:
            best, best_start, best_end = total, start, position
    return best_start, best_end


def _headline(features: list[LineFeatures], kinds: list[Kind], start: int) -> int | None:
    """The position of the headline among the lines just before the run at `start`: the
    nearest Markdown heading, else the nearest line that repeats an earlier one (a page
    title shown again above the text), else the nearest headline-like line."""
    window = range(max(0, start - HEADLINE_LOOKBACK), start)
    candidates = [position for position in window if _headline_like(features[position], kinds[position])]
    if not candidates:
        return None
    headings = [position for position in candidates if features[position].visible.heading]
    if headings:
        return headings[-1]
    earlier = [_word_set(feature.visible.text) for feature in features[:start]]
    echoes = [position for position in candidates
              if any(_overlap(earlier[position], other) >= HEADLINE_ECHO for other in earlier[:position])]
    return (echoes or candidates)[-1]


def _headline_like(feature: LineFeatures, kind: Kind) -> bool:
    text = feature.visible.text
    digits = sum(char.isdigit() for char in text)
    return (kind is Kind.SHORT and feature.words >= HEADLINE_MIN_WORDS
            and feature.link_share <= PROSE_MAX_LINK_SHARE
            and not text.endswith((".", ":", ",")) and digits <= HEADLINE_MAX_DIGIT_SHARE * len(text)
            and not text.lower().startswith(BYLINE_STARTS))


def _word_set(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in WORD.findall(text))


def _overlap(words: frozenset[str], other: frozenset[str]) -> float:
    return len(words & other) / len(words) if words else 0.0
