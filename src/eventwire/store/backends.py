"""The databases a store lives in: a DuckDB file (the default) or a PostgreSQL database.

`Store` writes its SQL once, with `?` parameters, in the part of SQL both databases speak;
a backend runs it, inserts a table's rows in bulk and says which of its errors mean that
the database itself cannot be written (a full disk, a lost connection) rather than that one
record could not be stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import duckdb
import pyarrow as pa

from eventwire.errors import StoreError

Row = dict[str, Any]
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
# DuckDB must never fetch an extension: opening a SQLite or other file would try to download one.
CONNECT_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"  # bytes 8 to 12 of every DuckDB database file
# the first bytes of other files people pass as --db, for a clearer refusal
OTHER_FORMATS = ((b"SQLite format 3\x00", "a SQLite database"), (b"PAR1", "a Parquet file"),
                 (b"PK\x03\x04", "a zip file"), (b"\x1f\x8b", "a gzip file"))
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
# any key of pg_advisory_xact_lock held while a PostgreSQL store's schema is made or upgraded
SCHEMA_LOCK = 0x65766E74  # "evnt"
POSTGRES_CONNECT_TIMEOUT = 10  # seconds, unless the URL says otherwise


def is_postgres(target: str) -> bool:
    """Whether `target` names a PostgreSQL database (a postgresql:// URL) rather than a file."""
    return target.startswith(POSTGRES_SCHEMES)


class Backend:
    """What `Store` needs of a database: run SQL, insert rows, transactions, its errors."""

    name: str  # the file, or the URL without its password: for messages
    errors: tuple[type[Exception], ...]  # every error the database raises
    write_errors: tuple[type[Exception], ...]  # the database cannot be written at all

    def execute(self, sql: str, parameters: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows (none for a statement that returns none)."""
        raise NotImplementedError

    def query(self, sql: str, parameters: list[Any] | tuple[Any, ...] = ()) -> list[Row]:
        """Run one query and return its rows as dicts keyed by column name."""
        raise NotImplementedError

    def insert(self, table: str, rows: list[Row]) -> None:
        """Insert rows (dicts keyed by column; a missing key is NULL) into `table`."""
        raise NotImplementedError

    def tables(self) -> set[str]:
        """Return the names of the tables in the store's schema."""
        raise NotImplementedError

    def columns(self, table: str) -> list[str]:
        """Return the column names of `table` in the store's schema, in their order."""
        raise NotImplementedError

    def begin(self) -> None:
        self.execute("BEGIN TRANSACTION")

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def lock_schema(self) -> None:
        """Inside a transaction: wait until no other writer is making or upgrading the schema."""

    def close(self) -> None:
        raise NotImplementedError


class DuckDBFile(Backend):
    """A DuckDB database file (or ":memory:"); one writing process at a time."""

    errors = (duckdb.Error,)
    write_errors = (duckdb.IOException, duckdb.TransactionException)

    def __init__(self, path: str, *, read_only: bool) -> None:
        _check_file(path, read_only)
        try:
            self._connection = duckdb.connect(path, read_only=read_only, config=CONNECT_CONFIG)
        except duckdb.Error as error:
            raise StoreError(f"cannot open store {path!r}: {error}") from error
        self.name = path
        self._schemas: dict[str, pa.Schema] = {}

    def execute(self, sql: str, parameters: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        result = self._connection.execute(sql, list(parameters))
        return result.fetchall() if result.description else []

    def query(self, sql: str, parameters: list[Any] | tuple[Any, ...] = ()) -> list[Row]:
        result = self._connection.execute(sql, list(parameters))
        names = [column[0] for column in result.description]
        return [dict(zip(names, values)) for values in result.fetchall()]

    def begin(self) -> None:
        self._connection.begin()

    def commit(self) -> None:
        self._connection.commit()

    def rollback(self) -> None:
        self._connection.rollback()

    def insert(self, table: str, rows: list[Row]) -> None:
        # the Arrow schema lists every column of the table in its order: a positional insert
        batch = pa.Table.from_pylist(rows, schema=self._arrow_schema(table))
        self._connection.from_arrow(batch).insert_into(table)

    def tables(self) -> set[str]:
        return {name for (name,) in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            " AND table_catalog = current_database()")}

    def columns(self, table: str) -> list[str]:
        return [name for name, _ in self._column_types(table)]

    def close(self) -> None:
        self._connection.close()

    def _column_types(self, table: str) -> list[tuple[str, str]]:
        return [(name, kind) for name, kind in self.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main'"
            " AND table_catalog = current_database() AND table_name = ? ORDER BY ordinal_position", [table])]

    def _arrow_schema(self, table: str) -> pa.Schema:
        if table not in self._schemas:
            found = self._column_types(table)
            self._schemas[table] = pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in found])
        return self._schemas[table]

    arrow_schema = _arrow_schema


class PostgreSQL(Backend):
    """A PostgreSQL database (its current schema, `public` by default) at a postgresql:// URL.

    Several processes and machines may write at once: an article's id is its primary key, so
    an article two writers store at the same time is stored once, whole.
    """

    def __init__(self, url: str, *, read_only: bool) -> None:
        try:
            import psycopg
            from psycopg.types.string import TextLoader
        except ImportError as error:
            raise StoreError(
                "a PostgreSQL store needs psycopg: pip install 'eventwire[postgres]'"
            ) from error
        self.name = _without_password(url)
        self.errors = (psycopg.Error,)
        self.write_errors = (psycopg.OperationalError, psycopg.InterfaceError)
        self._psycopg = psycopg
        options: dict[str, Any] = {"autocommit": True}  # transactions are begun and ended by the store
        if "connect_timeout" not in url:
            options["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT
        try:
            self._connection = psycopg.connect(url, **options)
            if read_only:
                self._connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise StoreError(f"cannot open store {self.name!r}: {reason}") from error
        # JSON columns read as their text, as DuckDB gives them: the store decodes them itself
        for kind in ("json", "jsonb"):
            self._connection.adapters.register_loader(kind, TextLoader)
        self._columns: dict[str, list[str]] = {}

    def execute(self, sql: str, parameters: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        cursor = self._connection.execute(_placeholders(sql), list(parameters) or None)
        return cursor.fetchall() if cursor.description else []

    def query(self, sql: str, parameters: list[Any] | tuple[Any, ...] = ()) -> list[Row]:
        cursor = self._connection.execute(_placeholders(sql), list(parameters) or None)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, values)) for values in cursor.fetchall()]

    def insert(self, table: str, rows: list[Row]) -> None:
        columns = self._table_columns(table)
        quoted = ", ".join(f'"{name}"' for name in columns)
        with self._connection.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row.get(name) for name in columns])

    def tables(self) -> set[str]:
        return {name for (name,) in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def columns(self, table: str) -> list[str]:
        return [name for (name,) in self.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? ORDER BY ordinal_position", [table])]

    def lock_schema(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", [SCHEMA_LOCK])

    def close(self) -> None:
        self._connection.close()

    def _table_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = self.columns(table)
        return self._columns[table]


def open_backend(target: str, *, read_only: bool) -> Backend:
    """Connect to the database `target` names: a postgresql:// URL, else a DuckDB file."""
    if is_postgres(target):
        return PostgreSQL(target, read_only=read_only)
    return DuckDBFile(target, read_only=read_only)


def _placeholders(sql: str) -> str:
    """The store's `?` parameters as psycopg's `%s` (the store's SQL has no other `?` or `%`)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _without_password(url: str) -> str:
    """`url` with its password, if any, shown as ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


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
