"""Folded rules: the case-insensitive patterns run as plain ones on lower-cased text, and find
exactly what the patterns themselves find."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.time.patterns import fold_pattern, fold_text
from eventwire.time.rules import rules

ARTICLE = (Path(__file__).parent.parent / "fixtures" / "iran_bases_article.txt").read_text(encoding="utf-8")
DATES = ("On Friday, 3 May 2019, at 5 p.m. EST Nov. 9 the 1990s, the third quarter of 2019 and the spring "
         "of 2018 ended; two years ago, Q3, the first half of 2019, the week of March 6, nineteen ninety-seven, "
         "the night of 1 to 2 June, the 18th century, a year ago, the quarter a year earlier, the year ended "
         "June 30, last year's end, for weeks, every Monday, noon, 14:30 GMT, yesterday morning, the sixties, "
         "half an hour, 2019-05-02, 5/2/2019 and the year-ago quarter.")


@pytest.mark.parametrize(("source", "folded"), [
    (r"\bMay\b", r"\bmay\b"),
    (r"(?P<Year>\d{4})T(?P=Year)", r"(?P<Year>\d{4})t(?P=Year)"),  # group names keep their case
    (r"\S+\W\D\B", r"\S+\W\D\B"),                                     # so do escapes
    (r"(?:GMT|UTC)[ap]m['’]s", r"(?:gmt|utc)[ap]m['’]s"),
    (r"[A-Z]x", None),        # a capital in a class
    (r"\x41", None),          # a letter written as an escape
    (r"\u00e9", None),
    (r"(?i)a", None),         # inline flags
    (r"(?-i:A)", None),
    ("café", None),           # a non-ASCII letter with a case
])
def test_fold_pattern(source, folded) -> None:
    assert fold_pattern(source) == folded


@pytest.mark.parametrize(("text", "folded"), [
    ("Iran’s May 2 “talks” — done", "iran’s may 2 “talks” — done"),
    ("Élysée, São Paulo, ΑΘΗΝΑ", "élysée, são paulo, αθηνα"),
    ("ſ", None),           # IGNORECASE matches it with "s"
    ("\u212a", None),      # the Kelvin sign, with "k"
    ("ı", None),           # dotless i, with "i"
    ("İstanbul", None),    # lowers to two characters
])
def test_fold_text(text, folded) -> None:
    assert fold_text(text) == folded


def texts() -> list[str]:
    tricky = "ſix DAYS AGO, İn MAY, the ıdes, 5 ᴘ.ᴍ., \u212aabul on Monday, in the ſpring, Q3 \u00c9t\u00e9 2019"
    plain = [ARTICLE, DATES, tricky, ARTICLE[:2000] + tricky]
    return [*plain, *(text.upper() for text in plain), *(text.swapcase() for text in plain),
            *(text.title() for text in plain)]


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.name)
def test_folded_rules_find_what_the_patterns_find(rule) -> None:
    assert rule.folded is not None
    for text in texts():
        expected = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        found = [(m.span(), m.groupdict()) for m in rule.finditer(text, fold_text(text))]
        assert found == expected, text[:60]


def test_the_dates_text_meets_every_rule() -> None:
    """The comparison above is worth something: every rule matches in the text of dates."""
    assert {rule.name for rule in rules() if not rule.pattern.search(DATES)} == set()


def test_cues_are_lower_case_and_skip_texts_without_them() -> None:
    rule = next(rule for rule in rules() if rule.name == "quarter")
    assert all(cue == cue.lower() for rule in rules() for cue in rule.cues)
    assert [m.group() for m in rule.finditer("Growth in Q3.", "growth in q3.")] == ["Q3"]
    assert list(rule.finditer("Growth in Q3.", "growth in the year.")) == []  # no cue: not scanned
