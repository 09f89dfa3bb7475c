"""The event store: articles, their records and failures, in DuckDB or PostgreSQL; queries."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pyarrow as pa

from eventwire.errors import StoreError, StoreWriteError
from eventwire.model import Article, Failure
from eventwire.store.backends import Backend, open_backend
from eventwire.store.dates import date_range
from eventwire.store.linking import cluster_rows, link_article, relink
from eventwire.store.rows import LEGACY_CONFIDENCE, Row, article_from_rows, article_rows

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path("eventwire.duckdb")
RECORD_TABLES = ("sentences", "entities", "actors", "places", "times", "events", "quotes")
TABLES = ("articles", *RECORD_TABLES, "failures")
# Columns kept for rebuilding articles; `events()` leaves them out of its rows.
EVENT_DETAIL_COLUMNS = frozenset({"sources", "targets", "place"})
JSON_EVENT_COLUMNS = ("quantities", "mentions")
CONFIDENCE_VERSION = 3  # the schema version that gave events their confidence
CLUSTERS_VERSION = 6  # the last version to change what linking compares: an older store is clustered again
_MIGRATION_NAME = re.compile(r"(\d{4})_\w+\.sql")


@cache
def migrations() -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Return the schema migrations in order: (the version each makes, its SQL statements).

    A new store runs them all; a store at version N runs those after N, each in the
    transaction that records its version.
    """
    found = []
    for entry in files("eventwire.store").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.fullmatch(entry.name)
        if match:
            text = entry.read_text(encoding="utf-8")
            lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
            statements = tuple(s.strip() for s in "\n".join(lines).split(";") if s.strip())
            found.append((int(match.group(1)), statements))
    return tuple(sorted(found))


SCHEMA_VERSION = str(migrations()[-1][0])
OLDEST_VERSION = migrations()[0][0]  # the oldest store an upgrade starts from


class Store:
    """Articles and everything extracted from them, in a DuckDB file or a PostgreSQL database.

    Example:
        >>> with Store.open("news.duckdb") as store:  # or "postgresql://user@host/news"
        ...     store.add(article)
        ...     rows = store.events(type="ASSAULT", actor_country="IRN", since="2020-01")
    """

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self.path = backend.name
        self._has_confidence = True

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, *, read_only: bool = False) -> Store:
        """Open the store at `path`: a DuckDB file (":memory:" keeps it in RAM) or a postgresql:// URL.

        Unless `read_only`, a new store is created and an older schema version upgraded.
        """
        backend = open_backend(str(path), read_only=read_only)
        store = cls(backend)
        try:
            store._prepare_schema(read_only)
        except BaseException:
            backend.close()
            raise
        return store

    def close(self) -> None:
        """Close the database file or connection."""
        self._backend.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __contains__(self, article_id: object) -> bool:
        return bool(self._backend.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]))

    def article_ids(self) -> frozenset[str]:
        """Return the ids of every stored article (to skip them before the parse)."""
        return frozenset(row[0] for row in self._backend.execute("SELECT id FROM articles"))

    def add(self, article: Article) -> bool:
        """Store an article with all its records in one transaction.

        Returns False, storing nothing, when an article with the same id is already there
        (or another writer stores it at the same time). Raises `StoreError` when the insert
        fails; that article is rolled back, nothing else.

        Example:
            >>> store.add(article), store.add(article)
            (True, False)
        """
        backend = self._backend
        backend.begin()
        try:
            if article.id in self:  # the common case of a re-run, before building any row
                self._rollback()
                logger.debug("article %s already stored", article.id)
                return False
            tables = article_rows(article, _now())
            (head,) = tables.pop("articles")
            # the article's row first: a writer that finds the id taken meanwhile stores nothing
            # (PostgreSQL makes a second writer of one article wait here until the first commits)
            claimed = backend.execute(
                f"INSERT INTO articles ({', '.join(head)}) VALUES ({', '.join('?' * len(head))})"
                " ON CONFLICT (id) DO NOTHING RETURNING id",
                list(head.values()),
            )
            if not claimed:
                self._rollback()
                logger.debug("article %s already stored", article.id)
                return False
            for table, rows in tables.items():
                if rows:
                    backend.insert(table, rows)
            link_article(backend, article.id, article.text, article.published, tables["events"],
                         {sentence.index: sentence.text for sentence in article.sentences})
        except backend.write_errors as error:
            self._rollback()
            raise StoreWriteError(f"cannot write store {self.path!r} (article {article.id!r} not stored):"
                                  f" {error}") from error
        except (TypeError, ValueError, pa.ArrowException, *backend.errors) as error:
            # TypeError, ValueError: a record value JSON or dates cannot hold (UnicodeError: a lone surrogate)
            self._rollback()
            raise StoreError(f"cannot store article {article.id!r}: {error}") from error
        except BaseException:
            self._rollback()
            raise
        self._commit(f"article {article.id!r}")
        return True

    def _commit(self, what: str) -> None:
        """Commit; a failure here is the database's (full disk), not the record's: `StoreWriteError`."""
        try:
            self._backend.commit()
        except self._backend.errors as error:
            self._rollback()
            raise StoreWriteError(
                f"cannot write store {self.path!r} ({what} not stored): {error}; what was stored before"
                " is kept, and the same command run again adds the rest"
            ) from error

    def _rollback(self) -> None:
        """Roll back; a database that gave up (a full disk) keeps what the last commit made it."""
        try:
            self._backend.rollback()
        except self._backend.errors as error:
            logger.debug("rollback failed: %s", error)

    def add_failure(self, failure: Failure) -> None:
        """Record a document that could not be processed; one row per (source, code).

        Re-recording the same (source, code) updates its reason and time. A lone surrogate or
        a NUL in the source or reason is stored backslash-escaped.
        """
        try:
            self._backend.execute(
                "INSERT INTO failures (source, code, reason, \"at\") VALUES (?, ?, ?, ?)"
                ' ON CONFLICT (source, code) DO UPDATE SET reason = excluded.reason, "at" = excluded."at"',
                [_storable(failure.source), failure.code, _storable(failure.reason), _now()],
            )
        except self._backend.write_errors as error:
            raise StoreWriteError(f"cannot write store {self.path!r} (failure of {failure.source!r} not"
                                  f" recorded): {error}") from error
        except self._backend.errors as error:
            raise StoreError(f"cannot record failure of {failure.source!r}: {error}") from error

    def add_all(self, items: Iterable[Article | Failure]) -> dict[str, int]:
        """Store a stream of articles and failures (as `pipeline.process` yields them).

        Returns how many articles were added, skipped as already stored, and failures
        recorded. An article that cannot be stored becomes a failure and the stream goes on;
        a store that cannot be written (`StoreWriteError`, EW402) stops it.

        Example:
            >>> store.add_all(process(read_files(paths), ctx))
            {'added': 12, 'skipped': 3, 'failures': 1}
        """
        counts = {"added": 0, "skipped": 0, "failures": 0}
        for item in items:
            if isinstance(item, Failure):
                self.add_failure(item)
                counts["failures"] += 1
                continue
            try:
                counts["added" if self.add(item) else "skipped"] += 1
            except StoreWriteError:
                raise
            except StoreError as error:
                logger.warning("%s", error)
                self.add_failure(Failure(item.source or item.id, error.code, error.message))
                counts["failures"] += 1
        return counts

    def article(self, article_id: str) -> Article | None:
        """Return the stored article with every record, or None when it is not stored."""
        tables: dict[str, list[Row]] = {}
        for table in ("articles", *RECORD_TABLES):
            column = "id" if table == "articles" else "article_id"
            order = "" if table == "articles" else ' ORDER BY "index"'
            tables[table] = self._backend.query(f"SELECT * FROM {table} WHERE {column} = ?{order}", [article_id])
        if not tables["articles"]:
            return None
        return article_from_rows(tables)

    def events(
        self,
        *,
        type: str | None = None,
        actor_country: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        place: str | None = None,
        modality: str | None = None,
        happened_only: bool = False,
        min_confidence: float | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Return stored events as plain rows, oldest event date first (undated last).

        `actor_country` (ISO3 or "IGO") matches a source or a target; `place` matches the
        event place name (any case) or its country ISO3; `since` and `until` are ISO dates,
        whole or partial ("2020", "2020-01"), and keep events whose date span overlaps
        them (undated events are left out); `min_confidence` keeps events whose confidence
        is at least that. Each row adds the article's url, title, published date and source,
        and the text of the event's sentence. (`serve.snapshot.select_events` applies the
        same filters to rows held in memory: a change here is a change there.)

        Example:
            >>> store.events(type="ASSAULT", actor_country="IRN", since="2020-01", limit=10)
        """
        confidence = "e.confidence" if self._has_confidence else f"CAST({LEGACY_CONFIDENCE} AS DOUBLE PRECISION)"
        conditions: list[str] = []
        parameters: list[Any] = []
        if type is not None:
            conditions.append("upper(e.type) = upper(?)")
            parameters.append(type)
        if actor_country is not None:
            conditions.append(
                "(upper(?) = ANY(e.source_countries) OR upper(?) = ANY(e.target_countries))"
            )
            parameters += [actor_country, actor_country]
        if since is not None:
            conditions.append("e.date_end >= ?")
            parameters.append(_bound(str(since), "since")[0])
        if until is not None:
            conditions.append("e.date_start <= ?")
            parameters.append(_bound(str(until), "until")[1])
        if place is not None:
            conditions.append("(lower(e.place_name) = lower(?) OR e.place_country = upper(?))")
            parameters += [place, place]
        if modality is not None:
            conditions.append("e.modality = lower(?)")
            parameters.append(modality)
        if happened_only:
            conditions.append("e.happened")
        if min_confidence is not None:
            conditions.append(f"{confidence} >= ?")
            parameters.append(float(min_confidence))
        if article_id is not None:
            conditions.append("e.article_id = ?")
            parameters.append(article_id)
        query = (
            "SELECT e.*,"
            + ("" if self._has_confidence else f" {confidence} AS confidence,")
            + " a.url AS article_url, a.title AS article_title,"
            " a.published AS article_published, a.source AS article_source, s.text AS sentence_text"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            ' LEFT JOIN sentences s ON s.article_id = e.article_id AND s."index" = e.sentence'
            + (" WHERE " + " AND ".join(conditions) if conditions else "")
            + ' ORDER BY e.date_start NULLS LAST, e.article_id, e."index"'
        )
        if limit is not None:
            query += f" LIMIT {max(int(limit), 0)}"
        return [_event_output(row) for row in self._backend.query(query, parameters)]

    def clusters(self, **filters: Any) -> list[dict[str, Any]]:
        """Return one row per real-world event: the clusters with a mention matching `filters`.

        `filters` are those of `events()`; `limit` counts clusters. A cluster row holds the
        value most of its mentions report for each field (with `<field>_agreeing`, how many
        do), `n_mentions`, `n_articles` (a copy counted with its original), `n_sources`
        (distinct outlets, copies left out), `n_copies`, `first_report` and `last_report`
        (publication dates), and `members` (event ids). Ordered as `events()` orders their
        first mentions.

        Example:
            >>> store.clusters(type="ASSAULT", happened_only=True)[0]["n_sources"]
            7
        """
        limit = filters.pop("limit", None)
        matching = self.events(**filters)
        if not matching:
            return []
        filtered = any(value not in (None, False) for value in filters.values())
        every = self.events() if filtered else matching  # unfiltered, the first query read them all
        rows = self._clusters_of(matching, every)
        return rows if limit is None else rows[:max(int(limit), 0)]

    def events_and_clusters(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Return every event row and every cluster row, as `events()` and `clusters()` give them,
        from one read of the events (what a server keeps in memory).

        Example:
            >>> events, clusters = store.events_and_clusters()
        """
        every = self.events()
        return every, self._clusters_of(every, every) if every else []

    def _clusters_of(self, matching: list[dict[str, Any]], every: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The clusters of the `matching` event rows, made of their members among `every`, ordered
        as their first matching mentions are."""
        links = dict(self._backend.execute("SELECT event_id, cluster_id FROM event_clusters"))
        wanted = {links.get(row["event_id"], row["event_id"]) for row in matching}
        members = [row for row in every if links.get(row["event_id"], row["event_id"]) in wanted]
        copies = dict(self._backend.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL"))
        order = {row["event_id"]: position for position, row in enumerate(matching)}
        rows = cluster_rows(members, links.items(), copies)
        rows.sort(key=lambda row: min(order.get(m, len(order)) for m in row["members"]))
        return rows

    def cluster(self) -> dict[str, int]:
        """Find copies and cluster every stored event again, from scratch, in one transaction.

        Returns how many articles, events, clusters and copies there are.
        """
        self._backend.begin()
        try:
            counts = relink(self._backend)
            found = self._backend.execute("SELECT value FROM meta WHERE key = 'clusterings'")
            self._backend.execute(
                "INSERT INTO meta (key, value) VALUES ('clusterings', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(int(found[0][0]) + 1 if found else 1)],
            )
        except BaseException:
            self._rollback()
            raise
        self._commit("clusters")
        return counts

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table.

        Example:
            >>> store.counts()["events"]
            42
        """
        return {table: self._backend.execute(f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}

    def generation(self) -> tuple[int, int, int]:
        """Return a value that changes whenever the stored events or their clusters change.

        It is the number of articles and of events (rows are only ever added, an article with
        all its events in one transaction) and how many times `cluster()` has clustered the
        store again: one cheap query, for a reader that keeps rows in memory.

        Example:
            >>> before = store.generation(); store.add(article); store.generation() != before
            True
        """
        articles, events, clusterings = self._backend.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
            " (SELECT value FROM meta WHERE key = 'clusterings')")[0]
        return articles, events, int(clusterings or 0)

    def failures(self) -> list[dict[str, Any]]:
        """Return the recorded failures, oldest first, with `at` as an ISO UTC time."""
        rows = self._backend.query('SELECT source, code, reason, "at" FROM failures ORDER BY "at", source, code')
        return [{**row, "at": row["at"].isoformat(timespec="seconds") + "Z"} for row in rows]

    def _prepare_schema(self, read_only: bool) -> None:
        """Create a new store's tables or upgrade an older one; refuse another program's.

        Nothing is written to a store that is refused: the version is read first. Making or
        upgrading the schema is one transaction, so a store killed meanwhile is made again.
        """
        backend = self._backend
        try:
            if read_only:
                version = self._schema_version()
                if version is None:
                    raise StoreError(f"{self.path!r} is not an eventwire store: it holds no tables")
                # an older store is read as it is; its events read as LEGACY_CONFIDENCE
                self._has_confidence = version >= CONFIDENCE_VERSION
                return
            backend.begin()
            try:
                backend.lock_schema()
                version = self._schema_version()
                self._migrate(version)
                if version is not None and version < CLUSTERS_VERSION:
                    logger.info("clustering the events of %s (schema version %s)", self.path, CLUSTERS_VERSION)
                    relink(backend)
            except BaseException:
                self._rollback()
                raise
            backend.commit()
        except backend.errors as error:
            raise StoreError(f"cannot read store {self.path!r}: {error}") from error

    def _schema_version(self) -> int | None:
        """Return the store's schema version (None: no tables); refuse one this code cannot read."""
        found = self._backend.tables()
        version = self._stored_version() if "meta" in found else None
        if found and version is None:
            shown = ", ".join(sorted(found)[:5]) + (", ..." if len(found) > 5 else "")
            raise StoreError(f"{self.path!r} is not an eventwire store: it holds other tables ({shown})")
        if version is not None and not OLDEST_VERSION <= version <= int(SCHEMA_VERSION):
            newer = version > int(SCHEMA_VERSION)
            raise StoreError(
                f"store {self.path!r} has schema version {version}; this eventwire reads {SCHEMA_VERSION}"
                + (" (the store was made by a newer eventwire)" if newer else f" and upgrades {OLDEST_VERSION}")
            )
        return version

    def _stored_version(self) -> int | None:
        """Return the version a `meta` table records, or None (a `meta` table of another program)."""
        if not {"key", "value"} <= set(self._backend.columns("meta")):
            return None
        found = self._backend.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        if not found:
            return None
        value = str(found[0][0])
        return int(value) if value.isdigit() else -1

    def _migrate(self, version: int | None) -> None:
        """Run the migrations after `version` (all of them for a new store), in the open transaction."""
        backend = self._backend
        for number, statements in migrations():
            if version is not None and number <= version:
                continue
            for statement in statements:
                backend.execute(statement)
            if version is not None:
                logger.info("store %s upgraded to schema version %s", self.path, number)
        if version is None or version < int(SCHEMA_VERSION):
            backend.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [SCHEMA_VERSION],
            )


def _storable(text: str) -> str:
    """`text` with a lone surrogate or a NUL backslash-escaped: neither database stores them."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _event_output(row: Row) -> dict[str, Any]:
    output = {key: value for key, value in row.items() if key not in EVENT_DETAIL_COLUMNS}
    for key in JSON_EVENT_COLUMNS:
        output[key] = json.loads(output[key]) if output[key] is not None else []
    for key in ("date_start", "date_end"):
        if isinstance(output[key], date):
            output[key] = output[key].isoformat()
    return output


def _bound(value: str, name: str) -> tuple[date, date]:
    span = date_range(value)
    if span is None:
        raise StoreError(f"{name}={value!r} is not an ISO date such as 2020-01-08, 2020-01 or 2020")
    return span


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
