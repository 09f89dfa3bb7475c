"""Shape articles for the commands: drop the events below a confidence threshold."""

from __future__ import annotations

import dataclasses

from eventwire.model import Article


def drop_events_below(article: Article, threshold: float) -> Article:
    """Return `article` without its events of confidence under `threshold`.

    The events kept keep their order; each quote's `events` indexes are renumbered to
    match, and those of dropped events removed (the quote itself stays).

    Example:
        >>> [e.confidence for e in drop_events_below(article, 0.5).events]
        [0.9, 0.55]
    """
    kept = [index for index, event in enumerate(article.events) if event.confidence >= threshold]
    if len(kept) == len(article.events):
        return article
    renumbered = {old: new for new, old in enumerate(kept)}
    quotes = tuple(
        dataclasses.replace(quote, events=tuple(renumbered[i] for i in quote.events if i in renumbered))
        for quote in article.quotes
    )
    return dataclasses.replace(article, events=tuple(article.events[i] for i in kept), quotes=quotes)
