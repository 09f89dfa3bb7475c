"""Shared fixtures: the spaCy pipeline loaded once, fixture paths, the gold directory."""

from __future__ import annotations

import os
from pathlib import Path

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
def gold_dir() -> Path:
    """The development gold data; its absence fails the tests that need it."""
    assert GOLD.is_dir(), f"gold data not found at {GOLD} (set EVENTWIRE_GOLD)"
    return GOLD
