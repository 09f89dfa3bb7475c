"""A DuckDB file holding articles, their records and failures; queries over the events."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from eventwire.errors import StoreError, StoreWriteError
from eventwire.model import Article, Failure
from eventwire.store.dates import date_range
from eventwire.store.rows import LEGACY_CONFIDENCE, Row, article_from_rows, article_rows

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path("eventwire.duckdb")
SCHEMA_VERSION = "3"
# Version 2 lacks events.confidence. Opened for writing, such a store gains the column and
# becomes version 3; opened read-only, it is read as it is. Either way its events read as
# LEGACY_CONFIDENCE (1.0, the model's default): they were coded before confidence existed.
UPGRADABLE_VERSION = "2"
RECORD_TABLES = ("sentences", "entities", "actors", "places", "times", "events", "quotes")
TABLES = ("articles", *RECORD_TABLES, "failures")
# DuckDB must never fetch an extension: opening a SQLite or other file would try to download one.
CONNECT_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"  # bytes 8 to 12 of every DuckDB database file
# the first bytes of other files people pass as --db, for a clearer refusal
OTHER_FORMATS = ((b"SQLite format 3\x00", "a SQLite database"), (b"PAR1", "a Parquet file"),
                 (b"PK\x03\x04", "a zip file"), (b"\x1f\x8b", "a gzip file"))
# Columns kept for rebuilding articles; `events()` leaves them out of its rows.
EVENT_DETAIL_COLUMNS = frozenset({"sources", "targets", "place"})
JSON_EVENT_COLUMNS = ("quantities", "mentions")
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
    "INTEGER[]": pa.list_(pa.int32()),
}


@cache
def schema_statements() -> tuple[str, ...]:
    """Return the CREATE statements of `schema.sql`, one per item."""
    text = files("eventwire.store").joinpath("schema.sql").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
    return tuple(s.strip() for s in "\n".join(lines).split(";") if s.strip())


class Store:
    """Articles and everything extracted from them, in one DuckDB file.

    Example:
        >>> with Store.open("news.duckdb") as store:
        ...     store.add(article)
        ...     rows = store.events(type="ASSAULT", actor_country="IRN", since="2020-01")
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str) -> None:
        self._connection = connection
        self.path = path
        self._arrow_schemas: dict[str, pa.Schema] = {}
        self._has_confidence = True

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, *, read_only: bool = False) -> Store:
        """Open (and create, unless `read_only`) the store at `path`; ":memory:" keeps it in RAM."""
        path = str(path)
        _check_file(path, read_only)
        try:
            connection = duckdb.connect(path, read_only=read_only, config=CONNECT_CONFIG)
        except duckdb.Error as error:
            raise StoreError(f"cannot open store {path!r}: {error}") from error
        store = cls(connection, path)
        try:
            store._prepare_schema(read_only)
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        """Close the database file."""
        self._connection.close()

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
        found = self._connection.execute("SELECT 1 FROM articles WHERE id = ?", [article_id])
        return found.fetchone() is not None

    def article_ids(self) -> frozenset[str]:
        """Return the ids of every stored article (to skip them before the parse)."""
        return frozenset(row[0] for row in self._connection.execute("SELECT id FROM articles").fetchall())

    def add(self, article: Article) -> bool:
        """Store an article with all its records in one transaction.

        Returns False, storing nothing, when an article with the same id is already there.
        Raises `StoreError` when the insert fails; that article is rolled back, nothing else.

        Example:
            >>> store.add(article), store.add(article)
            (True, False)
        """
        connection = self._connection
        connection.begin()
        try:
            if article.id in self:
                _rollback(connection)
                logger.debug("article %s already stored", article.id)
                return False
            tables = article_rows(article, _now())
            for table, rows in tables.items():
                self._insert(table, rows)
        except (TypeError, ValueError, duckdb.Error, pa.ArrowException) as error:
            # TypeError, ValueError: a record value JSON or dates cannot hold (UnicodeError: a lone surrogate)
            _rollback(connection)
            raise StoreError(f"cannot store article {article.id!r}: {error}") from error
        except BaseException:
            _rollback(connection)
            raise
        self._commit(f"article {article.id!r}")
        return True

    def _commit(self, what: str) -> None:
        """Commit; a failure here is the file's (full disk), not the record's: `StoreWriteError`."""
        try:
            self._connection.commit()
        except duckdb.Error as error:
            _rollback(self._connection)
            raise StoreWriteError(
                f"cannot write store {self.path!r} ({what} not stored): {error}; what was stored before"
                " is kept, and the same command run again adds the rest"
            ) from error

    def add_failure(self, failure: Failure) -> None:
        """Record a document that could not be processed; one row per (source, code).

        Re-recording the same (source, code) updates its reason and time. A lone surrogate in
        the source or reason is stored backslash-escaped.
        """
        try:
            self._connection.execute(
                "INSERT INTO failures (source, code, reason, \"at\") VALUES (?, ?, ?, ?)"
                ' ON CONFLICT (source, code) DO UPDATE SET reason = excluded.reason, "at" = excluded."at"',
                [_storable(failure.source), failure.code, _storable(failure.reason), _now()],
            )
        except (duckdb.IOException, duckdb.TransactionException) as error:
            raise StoreWriteError(f"cannot write store {self.path!r} (failure of {failure.source!r} not"
                                  f" recorded): {error}") from error
        except duckdb.Error as error:
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
            tables[table] = self._rows(f"SELECT * FROM {table} WHERE {column} = ?{order}", [article_id])
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
        is at least that. Each row adds the article's url, title, published date and source.

        Example:
            >>> store.events(type="ASSAULT", actor_country="IRN", since="2020-01", limit=10)
        """
        confidence = "e.confidence" if self._has_confidence else f"CAST({LEGACY_CONFIDENCE} AS DOUBLE)"
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
            " a.published AS article_published, a.source AS article_source"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            + (" WHERE " + " AND ".join(conditions) if conditions else "")
            + ' ORDER BY e.date_start NULLS LAST, e.article_id, e."index"'
        )
        if limit is not None:
            query += f" LIMIT {max(int(limit), 0)}"
        return [_event_output(row) for row in self._rows(query, parameters)]

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table.

        Example:
            >>> store.counts()["events"]
            42
        """
        return {
            table: self._connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES
        }

    def failures(self) -> list[dict[str, Any]]:
        """Return the recorded failures, oldest first, with `at` as an ISO UTC time."""
        rows = self._rows('SELECT source, code, reason, "at" FROM failures ORDER BY "at", source, code')
        return [{**row, "at": row["at"].isoformat(timespec="seconds") + "Z"} for row in rows]

    def _prepare_schema(self, read_only: bool) -> None:
        try:
            self._check_schema(read_only)
        except duckdb.Error as error:
            raise StoreError(f"cannot read store {self.path!r}: {error}") from error

    def _check_schema(self, read_only: bool) -> None:
        """Create the tables of a new store; refuse another program's or an unknown version's.

        Nothing is written to a store that is refused: the version is read first.
        """
        connection = self._connection
        found = {name for (name,) in connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            " AND table_catalog = current_database()").fetchall()}
        version = _stored_version(connection) if "meta" in found else None
        if found and version is None:
            shown = ", ".join(sorted(found)[:5]) + (", ..." if len(found) > 5 else "")
            raise StoreError(f"{self.path!r} is not an eventwire store: it holds other tables ({shown})")
        if version == UPGRADABLE_VERSION:
            if read_only:
                self._has_confidence = False
            else:
                self._upgrade()
            return
        if version is not None and version != SCHEMA_VERSION:
            newer = version.isdigit() and int(version) > int(SCHEMA_VERSION)
            raise StoreError(
                f"store {self.path!r} has schema version {version}; this eventwire reads {SCHEMA_VERSION}"
                + (" (the store was made by a newer eventwire)" if newer else
                   f" and upgrades {UPGRADABLE_VERSION}")
            )
        if read_only:
            if version is None:
                raise StoreError(f"{self.path!r} is not an eventwire store: it holds no tables")
            return
        connection.begin()  # all tables or none: a store killed while being made is made again
        try:
            for statement in schema_statements():
                connection.execute(statement)
            connection.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION],
            )
        except BaseException:
            _rollback(connection)
            raise
        connection.commit()

    def _upgrade(self) -> None:
        """Bring a version 2 store to version 3: events gain `confidence`, set on every old row."""
        connection = self._connection
        connection.begin()
        try:
            connection.execute("ALTER TABLE events ADD COLUMN confidence DOUBLE")
            connection.execute("UPDATE events SET confidence = ?", [LEGACY_CONFIDENCE])
            connection.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION]
            )
            connection.commit()
        except duckdb.Error as error:
            connection.rollback()
            raise StoreError(
                f"cannot upgrade store {self.path!r} to schema version {SCHEMA_VERSION}: {error}"
            ) from error
        logger.info("store %s upgraded to schema version %s", self.path, SCHEMA_VERSION)

    def _insert(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        # the schema lists every column of the table in its order: a positional insert, no SQL to bind
        batch = pa.Table.from_pylist(rows, schema=self._arrow_schema(table))
        self._connection.from_arrow(batch).insert_into(table)

    def _arrow_schema(self, table: str) -> pa.Schema:
        if table not in self._arrow_schemas:
            found = self._connection.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._arrow_schemas[table] = pa.schema(
                [(name, _ARROW_TYPES[kind]) for name, kind in found]
            )
        return self._arrow_schemas[table]

    def _rows(self, query: str, parameters: list[Any] | None = None) -> list[Row]:
        result = self._connection.execute(query, parameters or [])
        names = [column[0] for column in result.description]
        return [dict(zip(names, values)) for values in result.fetchall()]


def _storable(text: str) -> str:
    """`text` with any lone surrogate backslash-escaped, as DuckDB takes only valid UTF-8."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _check_file(path: str, read_only: bool) -> None:
    """Refuse a path that cannot be a DuckDB store before DuckDB reads it."""
    target = Path(path)
    if target.is_dir():
        raise StoreError(f"cannot open store {path!r}: it is a directory")
    if not target.exists():
        if read_only:
            raise StoreError(f"cannot open store {path!r}: no such file (eventwire ingest creates it)")
        return
    try:
        with target.open("rb") as stream:
            head = stream.read(16)
    except OSError as error:
        raise StoreError(f"cannot open store {path!r}: {error.strerror or error}") from error
    if head[8:12] == DUCKDB_MAGIC:
        return
    kind = next((name for magic, name in OTHER_FORMATS if head.startswith(magic)), None)
    if not head:
        kind = "an empty file"
    raise StoreError(f"{path!r} is not a DuckDB store: it is {kind or 'a file of another format'}")


def _rollback(connection: duckdb.DuckDBPyConnection) -> None:
    """Roll back; a store DuckDB gave up on (a full disk) leaves its file as the last commit made it."""
    try:
        connection.rollback()
    except duckdb.Error as error:
        logger.debug("rollback failed: %s", error)


def _stored_version(connection: duckdb.DuckDBPyConnection) -> str | None:
    """Return the schema version a store records, or None (a `meta` table of another program)."""
    try:
        found = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error:  # no such columns
        return None
    return str(found[0]) if found else None


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
