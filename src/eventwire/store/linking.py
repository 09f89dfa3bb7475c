"""Copies and clusters in the store: each new article is linked as it is stored, in its transaction.

An article's MinHash bands find the stored articles it may copy (`clusters.copies`); each of
its events joins the best cluster of compatible mentions from other articles in its day
window (`clusters.link`), or starts one named after itself. Both lookups go through
indexed columns (band hash; event type and first day), so the cost of a new article stays
flat as the store grows. `relink` makes both again for the whole store, in storing order,
as incremental linking made them.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from eventwire.clusters.copies import band_hashes, original_of
from eventwire.clusters.link import (
    DATE_SLACK,
    MAX_WINDOW,
    Mention,
    conflict,
    content_words,
    day_window,
    modality_class,
    source_actors,
    tie,
)
from eventwire.store.backends import Backend
from eventwire.store.rows import _read_actor

logger = logging.getLogger(__name__)

Row = dict[str, Any]
_CANDIDATES = (
    "SELECT * FROM event_clusters WHERE type IN ({types}) AND day_start BETWEEN ? AND ? AND day_end >= ?"
    " ORDER BY cluster_id, event_id"
)
MENTION_COLUMNS = ("event_id", "article_id", "type", "mode", "modality_class", "source_countries",
                   "target_countries", "source_actors", "day_start", "day_end", "lat", "lon", "place_country",
                   "place_precision", "words")
SET_COLUMNS = ("source_countries", "target_countries", "words")  # VARCHAR[] columns of frozensets


class Links:
    """What linking one article decided: the article it copies, its band rows, its events' clusters."""

    def __init__(self) -> None:
        self.copy_of: str | None = None
        self.bands: list[Row] = []
        self.clusters: list[Row] = []


def plan_article(article_id: str, text: str, published: str | None, events: list[Row],
                 sentences: dict[int, str], copies: Callable[[list[int]], list[tuple[str, str, str]]],
                 mentions: Callable[[set[str], date, date], list[tuple[str, Mention]]]) -> Links:
    """Decide an article's copy link and its events' clusters.

    `copies(bands)` returns the stored (id, text, root original id) of the articles that
    share a band, in storing order; `mentions(types, first, last)` the stored (cluster id,
    mention) pairs of those types whose day window overlaps first..last.
    """
    links = Links()
    bands = band_hashes(text)
    if bands:
        candidates = copies(bands)
        original = original_of(text, ((row[0], row[1]) for row in candidates))
        if original is not None:
            links.copy_of = next(row[2] for row in candidates if row[0] == original)
        links.bands = [{"band": band, "hash": value, "article_id": article_id} for band, value in enumerate(bands)]
    planned = []
    for row in events:
        window = day_window(row["date_start"], row["date_end"], published)
        if window is not None and window[1] - window[0] > MAX_WINDOW:
            window = None  # dated no closer than a month: a cluster of its own
        planned.append((row, window, _mention(row, window, sentences.get(row["sentence"]))))
    windows = [window for _, window, _ in planned if window is not None]
    found = mentions({row["type"] for row, window, _ in planned if window is not None},
                     min(w[0] for w in windows) - DATE_SLACK,
                     max(w[1] for w in windows) + DATE_SLACK) if windows else []
    for row, window, mention in planned:
        cluster = row["event_id"]
        if window is not None:
            near = [(cluster_id, other) for cluster_id, other in found if other.type == mention.type
                    and other.day_start <= window[1] + DATE_SLACK and other.day_end >= window[0] - DATE_SLACK]
            cluster = _best_cluster(mention, near) or cluster
            found.append((cluster, mention))  # the article's next events see this one
        links.clusters.append({**_mention_row(mention), "cluster_id": cluster})
    return links


def link_article(backend: Backend, article_id: str, text: str, published: str | None,
                 events: list[Row], sentences: dict[int, str]) -> None:
    """Record whether a new article copies a stored one, and put each of its events in a cluster."""

    def copies(bands: list[int]) -> list[tuple[str, str, str]]:
        # a band hash of one band equal to another band's is as rare as any 64-bit collision
        found = {article_id for article_id, band, value in backend.execute(
            f"SELECT article_id, band, hash FROM article_bands WHERE hash IN ({', '.join('?' * len(bands))})",
            bands) if bands[band] == value}
        if not found:
            return []
        return [tuple(row) for row in backend.execute(
            f"SELECT id, text, coalesce(copy_of, id) FROM articles WHERE id IN ({', '.join('?' * len(found))})"
            " ORDER BY ingested_at, id", sorted(found))]

    def mentions(types: set[str], first: date, last: date) -> list[tuple[str, Mention]]:
        kinds = sorted(types)
        rows = backend.query(_CANDIDATES.format(types=", ".join("?" * len(kinds))),
                             [*kinds, first - MAX_WINDOW, last, first])
        return [(row["cluster_id"], _stored_mention(row)) for row in rows]

    links = plan_article(article_id, text, published, events, sentences, copies, mentions)
    if links.copy_of is not None:
        backend.execute("UPDATE articles SET copy_of = ? WHERE id = ?", [links.copy_of, article_id])
    if links.bands:
        backend.insert("article_bands", links.bands)
    if links.clusters:
        backend.insert("event_clusters", links.clusters)


def relink(backend: Backend) -> dict[str, int]:
    """Make every copy link and cluster again, article by article in the order they were stored.

    The decisions are the ones incremental linking makes (`plan_article`), with the lookups
    made in memory: the store is read once and written once.
    """
    backend.execute("DELETE FROM event_clusters")
    backend.execute("DELETE FROM article_bands")
    backend.execute("UPDATE articles SET copy_of = NULL")
    articles = backend.execute("SELECT id, text, published FROM articles ORDER BY ingested_at, id")
    events: dict[str, list[Row]] = {}
    for row in backend.query('SELECT * FROM events ORDER BY article_id, "index"'):
        events.setdefault(row["article_id"], []).append(row)
    sentences: dict[str, dict[int, str]] = {}
    for article_id, index, text in backend.execute('SELECT article_id, "index", text FROM sentences'):
        sentences.setdefault(article_id, {})[index] = text
    by_band: dict[tuple[int, int], list[int]] = {}  # (band, hash) -> positions in `articles`
    roots: dict[str, str] = {}
    by_type: dict[str, list[tuple[str, Mention]]] = {}
    bands: list[Row] = []
    clusters: list[Row] = []

    def copies(hashes: list[int]) -> list[tuple[str, str, str]]:
        positions = sorted({p for band, value in enumerate(hashes) for p in by_band.get((band, value), ())})
        return [(articles[p][0], articles[p][1], roots.get(articles[p][0], articles[p][0])) for p in positions]

    def mentions(types: set[str], first: date, last: date) -> list[tuple[str, Mention]]:
        return [(cluster, mention) for kind in sorted(types) for cluster, mention in by_type.get(kind, ())
                if mention.day_start <= last and mention.day_end >= first]

    for position, (article_id, text, published) in enumerate(articles):
        mine = events.get(article_id, [])
        texts = sentences.get(article_id, {})
        links = plan_article(article_id, text, published, mine, texts, copies, mentions)
        if links.copy_of is not None:
            roots[article_id] = links.copy_of
            backend.execute("UPDATE articles SET copy_of = ? WHERE id = ?", [links.copy_of, article_id])
        for row in links.bands:
            by_band.setdefault((row["band"], row["hash"]), []).append(position)
        for link in links.clusters:
            if link["day_start"] is not None:
                by_type.setdefault(link["type"], []).append((link["cluster_id"], _stored_mention(link)))
        bands += links.bands
        clusters += links.clusters
    if bands:
        backend.insert("article_bands", bands)
    if clusters:
        backend.insert("event_clusters", clusters)
    return {"articles": len(articles), "events": len(clusters),
            "clusters": len({row["cluster_id"] for row in clusters}), "copies": len(roots)}


def _mention(row: Row, window: tuple[date, date] | None, sentence: str | None) -> Mention:
    precise_place = row["place_precision"] != "article"  # an article's focus is no event's place
    return Mention(
        event_id=row["event_id"], article_id=row["article_id"], type=row["type"], mode=row["mode"],
        modality_class=modality_class(row["modality"], row["happened"]),
        source_countries=frozenset(c for c in row["source_countries"] or () if c),
        # a target only the event's place implies ("airstrikes in Syria") tells no report apart
        target_countries=frozenset(actor.country for actor in map(_read_actor, json.loads(row["targets"] or "[]"))
                                   if actor.country and actor.kind != "implied"),
        source_actors=source_actors(_read_actor(actor) for actor in json.loads(row["sources"] or "[]")),
        day_start=window[0] if window else None, day_end=window[1] if window else None,
        lat=row["place_lat"] if precise_place else None, lon=row["place_lon"] if precise_place else None,
        place_country=row["place_country"] if precise_place else None,
        place_precision=row["place_precision"], words=content_words(sentence),
    )


def _mention_row(mention: Mention) -> Row:
    """An `event_clusters` row's mention columns."""
    row = {column: getattr(mention, column) for column in MENTION_COLUMNS}
    for column in SET_COLUMNS:
        row[column] = sorted(row[column])
    row["source_actors"] = sorted(f"{country}/{sector or ''}" for country, sector in mention.source_actors)
    return row


def _stored_mention(row: Row) -> Mention:
    """The mention an `event_clusters` row holds."""
    values = {column: row[column] for column in MENTION_COLUMNS}
    for column in SET_COLUMNS:
        values[column] = frozenset(values[column] or ())
    # "IRQ/STATE", "IRQ/" (a country alone); none in a row stored before they were recorded
    values["source_actors"] = frozenset((country, sector or None) for country, _, sector in
                                        (actor.partition("/") for actor in values["source_actors"] or ()))
    return Mention(**values)


def _best_cluster(mention: Mention, found: list[tuple[str, Mention]]) -> str | None:
    """The cluster no found member of which is set apart from `mention` (hard), whose actors agree
    with most of them, and whose members tie to it most strongly in all. Only a cluster whose
    first mention is among the found ones qualifies: a cluster spans no more days than
    its first mention's window allows, however many reports join it."""
    members: dict[str, list[Mention]] = {}
    for cluster, member in found:
        members.setdefault(cluster, []).append(member)
    best, best_score = None, 0.0
    for cluster, group in sorted(members.items()):  # ties go to the same cluster however found
        if all(member.event_id != cluster for member in group):
            continue  # its first mention (the cluster's name) is not near: no chaining day after day
        conflicts = [conflict(mention, member) for member in group]
        if "hard" in conflicts or 2 * conflicts.count("actors") > len(group):
            continue
        # the support of the whole cluster: a report of a widely reported event joins its
        # main cluster rather than a fragment of it
        score = sum(tie(mention, member) for member, found in zip(group, conflicts) if found is None)
        if score > best_score:
            best, best_score = cluster, score
    return best


def cluster_rows(events: list[Row], links: Iterable[tuple[str, str]], copies: dict[str, str | None]) -> list[Row]:
    """Group event rows (as `Store.events()` gives them) into one row per cluster.

    `links` maps event ids to cluster ids; `copies` maps article ids to the article they
    copy. Each cluster row holds its consensus (the value most members report, with how
    many do), its counts, the highest confidence of its members and its first member's
    other columns.
    """
    cluster_of = dict(links)
    groups: dict[str, list[Row]] = {}
    for row in events:
        groups.setdefault(cluster_of.get(row["event_id"], row["event_id"]), []).append(row)
    rows = []
    for cluster_id, members in groups.items():
        first = min(members, key=lambda m: (m["article_published"] or "9999", m["article_id"], m["index"]))
        originals = {copies.get(m["article_id"]) or m["article_id"] for m in members}
        sources = {_outlet(m) for m in members if not copies.get(m["article_id"])}
        reports = [m["article_published"] for m in members if m["article_published"]]
        row = {"cluster_id": cluster_id, **first}
        for key, columns in CONSENSUS.items():
            value, agreeing = Counter(tuple(_hashable(m.get(c)) for c in columns) for m in members).most_common(1)[0]
            for column, part in zip(columns, value):
                row[column] = _unhashable(part)
            row[f"{key}_agreeing"] = agreeing
        row.update({
            "confidence": max(m["confidence"] for m in members),  # as sure as its surest report
            "n_mentions": sum(len(m["mentions"]) or 1 for m in members),
            "n_articles": len(originals),
            "n_sources": len(sources),
            "n_copies": sum(1 for m in members if copies.get(m["article_id"])),
            "first_report": min(reports) if reports else None,
            "last_report": max(reports) if reports else None,
            "members": [m["event_id"] for m in members],
            "member_urls": sorted({m["article_url"] for m in members if m["article_url"]}),
        })
        rows.append(row)
    return rows


# consensus fields: each reported by most members, as a whole
CONSENSUS = {
    "type": ("type", "mode", "cameo", "goldstein"),
    "sources": ("source_codes", "source_names", "source_countries"),
    "targets": ("target_codes", "target_names", "target_countries"),
    "place": ("place_name", "place_geonameid", "place_country", "place_lat", "place_lon", "place_point",
              "place_precision"),
    "date": ("date", "date_precision", "date_start", "date_end"),
}


def outlet_host(url: str | None) -> str:
    """The outlet of a URL: its host without "www." ("" for none)."""
    return (urlsplit(url or "").hostname or "").removeprefix("www.")


def _outlet(row: Row) -> str:
    """The outlet that published an article: its URL's host, else the article itself."""
    return outlet_host(row["article_url"]) or f"article:{row['article_id']}"


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _unhashable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value

