"""Fixtures for the actor tests: the real spaCy pipeline and knowledge base, loaded once."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def actor_ctx():
    from eventwire.context import Context

    return Context()


@pytest.fixture(scope="session")
def kb(actor_ctx):
    return actor_ctx.knowledge_base


@pytest.fixture(scope="session")
def code(actor_ctx) -> Callable:
    """Parse a text and run the actor stage on it; return the article."""
    from eventwire.actors.coder import code_actors
    from eventwire.model import Article
    from eventwire.nlp.parse import parse

    def run(text: str, published: str | None = None) -> Article:
        article = Article(id="test", text=text, published=published)
        return code_actors(parse(article, actor_ctx), actor_ctx)

    return run


@pytest.fixture(scope="session")
def codes(code) -> Callable:
    """Return {mention text: (country, sector)} for the actors coded in a text."""

    def run(text: str) -> dict[str, tuple[str | None, str | None]]:
        return {actor.text: (actor.country, actor.sector) for actor in code(text).actors}

    return run
