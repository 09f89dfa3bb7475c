"""Fixtures of the time tests: one spaCy pipeline for the whole session."""

from __future__ import annotations

import os

import pytest

from eventwire.context import Context


@pytest.fixture(scope="session")
def time_ctx() -> Context:
    """A context whose spaCy pipeline is loaded once."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ctx = Context()
    assert ctx.nlp is not None
    return ctx
