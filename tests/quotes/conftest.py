"""Fixtures for the quotes tests: one spaCy pipeline per session."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from eventwire.context import Context
from eventwire.model import Actor, Article
from eventwire.nlp.parse import attach_doc
from eventwire.quotes.attribution import extract_quotes

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def ctx() -> Context:
    context = Context()
    context.nlp  # load the pipeline once for the session
    return context


@pytest.fixture(scope="session")
def quote_article(ctx: Context) -> Callable[..., Article]:
    """Return a function that parses a text and runs the quotes coder over it."""

    def run(text: str, actors: tuple[Actor, ...] = ()) -> Article:
        article = attach_doc(Article(id="test", text=text, actors=actors), ctx.nlp(text))
        return extract_quotes(article, ctx)

    return run
