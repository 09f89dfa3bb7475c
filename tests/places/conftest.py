"""Fixtures for the places tests: one spaCy pipeline and one gazetteer per session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def ctx():
    from eventwire.context import Context

    context = Context()
    context.nlp  # noqa: B018 - load once for the session
    return context


@pytest.fixture(scope="session")
def gazetteer(ctx):
    return ctx.gazetteer


@pytest.fixture(scope="session")
def resolve(ctx):
    from eventwire.model import Article
    from eventwire.nlp.parse import attach_doc
    from eventwire.places.resolve import resolve_places

    def run(text: str) -> Article:
        article = attach_doc(Article(id="test", text=text), ctx.nlp(text))
        return resolve_places(article, ctx)

    return run
