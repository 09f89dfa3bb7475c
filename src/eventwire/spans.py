"""Character-span look-ups in log time, so that the stages' work grows with the length of the
text, not with its square: "which actors cover this word", "is this name already taken"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from eventwire.model import Actor

T = TypeVar("T")


def _itself(span: tuple[int, int]) -> tuple[int, int]:
    return span


def _order(entry: tuple[int, int, object]) -> tuple[int, int]:
    return entry[0], -entry[1]


class SpanIndex(Generic[T]):
    """Items with a `(start, end)` character span, kept in text order (longer first at one
    start), answering overlap and containment queries in log time.

    Example:
        taken = SpanIndex([(0, 4), (10, 15)])
        taken.overlaps(3, 6)   # True
        taken.add((20, 25))
        actors = SpanIndex(article.actors, actor_span)
        actors.within(0, 40)   # the actors mentioned in the first 40 characters
    """

    __slots__ = ("_span", "_entries", "_starts", "_longest")

    def __init__(self, items: Iterable[T] = (), span: Callable[[T], tuple[int, int]] = _itself) -> None:
        self._span = span
        self._entries: list[tuple[int, int, T]] = sorted(((*span(item), item) for item in items), key=_order)
        self._starts = [start for start, _, _ in self._entries]
        self._longest = max((end - start for start, end, _ in self._entries), default=0)

    def add(self, item: T) -> None:
        """Add one item."""
        start, end = self._span(item)
        position = bisect_left(self._entries, (start, -end), key=_order)
        self._entries.insert(position, (start, end, item))
        self._starts.insert(position, start)
        self._longest = max(self._longest, end - start)

    def overlapping(self, start: int, end: int) -> list[T]:
        """Return the items whose span shares a character with `[start, end)`."""
        # such a span starts before `end`, and less than `longest` characters before `start`
        low = bisect_left(self._starts, start - self._longest + 1)
        high = bisect_left(self._starts, end)
        return [item for s, e, item in self._entries[low:high] if start < e and s < end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any item's span shares a character with `[start, end)`."""
        return bool(self.overlapping(start, end))

    def within(self, start: int, end: int) -> list[T]:
        """Return the items whose span lies inside `[start, end)`."""
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end)
        return [item for _, e, item in self._entries[low:high] if e <= end]

    def __iter__(self) -> Iterator[T]:
        return (item for _, _, item in self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def actor_span(actor: Actor) -> tuple[int, int]:
    return actor.evidence.start, actor.evidence.end


def actor_index(actors: Iterable[Actor]) -> SpanIndex[Actor]:
    """Index actor mentions by their spans."""
    return SpanIndex(actors, actor_span)
