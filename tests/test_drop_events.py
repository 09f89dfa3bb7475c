"""Dropping events below a confidence: kept events in order, quote indexes renumbered."""

from __future__ import annotations

import pytest

from eventwire.pipeline import drop_events_below
from eventwire.model import Article, Event, Evidence, Quote

EVIDENCE = Evidence(0, 0, 5, "test.rules.v1")


def event(trigger: str, confidence: float) -> Event:
    return Event("ASSAULT", None, (), None, None, (), (), trigger, "asserted", EVIDENCE, confidence=confidence)


def quote(*events: int) -> Quote:
    return Quote("content", "someone", None, "said", False, EVIDENCE, events=events)


ARTICLE = Article(
    id="a",
    text="Text.",
    events=(event("shelled", 0.9), event("fired", 0.3), event("struck", 0.6), event("hit", 0.5)),
    quotes=(quote(0, 1, 2), quote(1), quote(), quote(3, 2)),
)


@pytest.mark.parametrize(
    ("threshold", "triggers", "quote_events"),
    [
        (0.0, ["shelled", "fired", "struck", "hit"], [(0, 1, 2), (1,), (), (3, 2)]),
        (0.3, ["shelled", "fired", "struck", "hit"], [(0, 1, 2), (1,), (), (3, 2)]),
        (0.5, ["shelled", "struck", "hit"], [(0, 1), (), (), (2, 1)]),
        (0.6, ["shelled", "struck"], [(0, 1), (), (), (1,)]),
        (0.95, [], [(), (), (), ()]),
    ],
)
def test_drop_events_below(threshold: float, triggers: list[str], quote_events: list[tuple[int, ...]]) -> None:
    kept = drop_events_below(ARTICLE, threshold)
    assert [e.trigger for e in kept.events] == triggers
    assert [q.events for q in kept.quotes] == quote_events
    assert [q.content for q in kept.quotes] == [q.content for q in ARTICLE.quotes]
    assert (kept.id, kept.text) == (ARTICLE.id, ARTICLE.text)


def test_quotes_point_at_the_same_events_after_dropping() -> None:
    kept = drop_events_below(ARTICLE, 0.5)
    before = [[ARTICLE.events[i].trigger for i in q.events if ARTICLE.events[i].confidence >= 0.5]
              for q in ARTICLE.quotes]
    assert [[kept.events[i].trigger for i in q.events] for q in kept.quotes] == before
