"""Fixtures of the store tests: a store on each backend (a DuckDB file, a PostgreSQL database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventwire.model import Article
from eventwire.store import Store

from .records import make_full_article

BACKENDS = ("duckdb", "postgresql")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, db_path: Path) -> str:
    """Where a new store goes: a DuckDB file, or the URL of an empty PostgreSQL database."""
    if request.param == "duckdb":
        return str(db_path)
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with Store.open(db) as opened:
        yield opened


@pytest.fixture
def full_article() -> Article:
    return make_full_article()


def run_sql(db: str, *statements: str) -> list[tuple]:
    """Run statements on the database behind a store, outside eventwire; return the last one's rows."""
    rows: list[tuple] = []
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as connection:
            for statement in statements:
                cursor = connection.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
        return rows
    with duckdb.connect(db) as connection:
        for statement in statements:
            result = connection.execute(statement)
            rows = result.fetchall() if result.description else []
    return rows
