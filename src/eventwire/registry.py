"""Coder registry: a dict of named, versioned coders per pipeline stage."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, TypeVar

from eventwire.errors import UnknownCoder

if TYPE_CHECKING:
    from eventwire.context import Context
    from eventwire.model import Article

Coder = Callable[["Article", "Context"], "Article"]
F = TypeVar("F", bound=Coder)

STAGES = ("nlp", "actors", "places", "time", "events", "location", "dating", "dedup", "quotes", "confidence")
BUILTIN_MODULES = (
    "eventwire.nlp.parse",
    "eventwire.actors.coder",
    "eventwire.places.resolve",
    "eventwire.time.tagger",
    "eventwire.events.coder",
    "eventwire.places.locate",
    "eventwire.time.dating",
    "eventwire.dedup.mentions",
    "eventwire.quotes.attribution",
    "eventwire.events.confidence",
)
_CODERS: dict[str, dict[str, Coder]] = {stage: {} for stage in STAGES}


def register(stage: str, name: str) -> Callable[[F], F]:
    """Register a coder for `stage` under a versioned `name` such as "rules.v1".

    Example:
        @register("events", "rules.v1")
        def code_events(article: Article, ctx: Context) -> Article: ...
    """
    if stage not in _CODERS:
        raise UnknownCoder(f"unknown stage {stage!r}; stages are {', '.join(STAGES)}")

    def decorate(function: F) -> F:
        _CODERS[stage][name] = function
        return function

    return decorate


def get_coder(stage: str, name: str) -> Coder:
    """Return the coder registered for `stage` under `name`."""
    _load_coders()
    try:
        return _CODERS[stage][name]
    except KeyError:
        known = ", ".join(sorted(_CODERS.get(stage, {}))) or "none"
        raise UnknownCoder(f"no coder {name!r} for stage {stage!r} (known: {known})") from None


@cache
def _load_coders() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    for entry in entry_points(group="eventwire.coders"):
        entry.load()
