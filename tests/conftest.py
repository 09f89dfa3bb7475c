"""Shared fixtures: the spaCy pipeline loaded once, fixture paths, the gold directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import postgres_server
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = Path(os.environ.get("EVENTWIRE_GOLD", Path(__file__).parents[2] / "shared" / "gold"))


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def ctx():
    """One pipeline context (spaCy, knowledge base, gazetteer) for the whole session."""
    from eventwire.context import Context

    return Context()


@pytest.fixture(scope="session")
def nlp(ctx):
    return ctx.nlp


@pytest.fixture(scope="session")
def postgres() -> Iterator[postgres_server.Server]:
    """A PostgreSQL server on 127.0.0.1 for the session (skipped where none is installed)."""
    folder = postgres_server.temporary_folder()
    try:
        server, _ = postgres_server.start(folder)
        yield server
    finally:
        postgres_server.stop(folder)


@pytest.fixture
def postgres_url(postgres: postgres_server.Server) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return postgres.new_database()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The development gold data; its absence fails the tests that need it."""
    assert GOLD.is_dir(), f"gold data not found at {GOLD} (set EVENTWIRE_GOLD)"
    return GOLD
