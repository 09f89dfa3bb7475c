"""Fixtures of the store tests: a DuckDB file under tmp_path and hand-built articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.store import Store

from .records import make_full_article


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def full_article() -> Article:
    return make_full_article()
