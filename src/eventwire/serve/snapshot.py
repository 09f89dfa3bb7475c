"""The store's events and clusters as the server holds them in memory, read again when the store changes.

Reading every event and clustering them takes seconds at 50,000 events; a snapshot does it
once per store generation (`Store.generation()`), and each request filters its rows in
memory with the filters `Store.events()` applies in SQL (`select_events`), so that a
request answers what the store's queries answer.

Example:
    >>> snapshot = Snapshot.read(store)
    >>> assaults = snapshot.clusters(type="ASSAULT", actor_country="SYR")
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.dates import date_range

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Every event row and cluster row of a store at one generation; never changed once read."""

    generation: tuple[int, ...]
    mentions: tuple[Row, ...]  # as `Store.events()` orders them
    all_clusters: tuple[Row, ...]  # as `Store.clusters()` orders them
    cluster_of: dict[str, int]  # event id -> the position of its cluster in `all_clusters`
    named: dict[str, int]  # cluster id -> its position in `all_clusters`
    by_event: dict[str, Row]  # event id -> its row in `mentions`

    @classmethod
    def read(cls, store: Store) -> Snapshot:
        """Read the rows of `store`; its generation first, so that a change made meanwhile reads them again."""
        generation = store.generation()
        mentions, clusters = store.events_and_clusters()
        cluster_of = {member: position for position, row in enumerate(clusters) for member in row["members"]}
        named = {row["cluster_id"]: position for position, row in enumerate(clusters)}
        return cls(generation, tuple(mentions), tuple(clusters), cluster_of, named,
                   {row["event_id"]: row for row in mentions})

    def events(self, **filters: Any) -> list[Row]:
        """The rows `Store.events(**filters)` returns (the filters of `select_events`)."""
        return select_events(self.mentions, **filters)

    def clusters(self, **filters: Any) -> list[Row]:
        """The rows `Store.clusters(**filters)` returns: the clusters with a matching mention,
        ordered as their first matching mentions are."""
        if not any(value not in (None, False) for value in filters.values()):
            return list(self.all_clusters)
        ids = map(itemgetter("event_id"), self.events(**filters))
        positions = dict.fromkeys(map(self.cluster_of.__getitem__, ids))  # in first-seen order
        return [self.all_clusters[position] for position in positions]

    def cluster(self, event_id: str) -> Row | None:
        """The cluster named `event_id` or holding the mention `event_id`, or None."""
        found = [p for p in (self.named.get(event_id), self.cluster_of.get(event_id)) if p is not None]
        return self.all_clusters[min(found)] if found else None


def select_events(
    rows: tuple[Row, ...] | list[Row],
    *,
    type: str | None = None,
    actor_country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    modality: str | None = None,
    happened_only: bool = False,
    min_confidence: float | None = None,
) -> list[Row]:
    """The event rows (as `Store.events()` gives them) that its SQL conditions keep, in their order.

    Each filter means what it means there; text is compared as SQL's upper() and lower()
    compare it, which for the store's codes (ASCII) is Python's.
    """
    kept = list(rows)
    if type is not None:
        kind = type.upper()
        kept = [row for row in kept if row["type"] is not None and row["type"].upper() == kind]
    if actor_country is not None:
        country = actor_country.upper()
        kept = [row for row in kept if country in (row["source_countries"] or ())
                or country in (row["target_countries"] or ())]
    if since is not None:
        first = _bound(since, "since")[0]
        kept = [row for row in kept if row["date_end"] is not None and row["date_end"] >= first]
    if until is not None:
        last = _bound(until, "until")[1]
        kept = [row for row in kept if row["date_start"] is not None and row["date_start"] <= last]
    if place is not None:
        name, country = place.lower(), place.upper()
        kept = [row for row in kept if (row["place_name"] is not None and row["place_name"].lower() == name)
                or row["place_country"] == country]
    if modality is not None:
        wanted = modality.lower()
        kept = [row for row in kept if row["modality"] == wanted]
    if happened_only:
        kept = [row for row in kept if row["happened"]]
    if min_confidence is not None:
        least = float(min_confidence)
        kept = [row for row in kept if row["confidence"] is not None and row["confidence"] >= least]
    return kept


def _bound(value: str, name: str) -> tuple[str, str]:
    """The first and last day of `value` as ISO text, which the rows' dates are (ISO order is date order)."""
    span = date_range(str(value))
    if span is None:
        raise StoreError(f"{name}={value!r} is not an ISO date such as 2020-01-08, 2020-01 or 2020")
    return span[0].isoformat(), span[1].isoformat()
