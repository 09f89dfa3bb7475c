"""Score eventwire on human-labelled gold data (JSON Lines files named by path).

Each suite reads one folder of the gold directory and returns a `Report`.

Example:
    python -m eventwire.evaluate ../shared/gold --suite plover_gsr --json
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from eventwire.context import Context
from eventwire.evaluate.report import Report

Suite = Callable[[Path, Context, "int | None", "str | None"], Report]

# suite name (= folder under the gold directory) -> "module:function"
SUITES: dict[str, str] = {
    "plover_gsr": "eventwire.evaluate.events:evaluate_plover_gsr",
    "plover_gsr_actors": "eventwire.evaluate.actors:evaluate_actor_mentions",
    "acled": "eventwire.evaluate.events:evaluate_acled",
    "m2e2_voa": "eventwire.evaluate.events:evaluate_m2e2",
    "geowebnews": "eventwire.evaluate.geo:evaluate_geowebnews",
    "trnews": "eventwire.evaluate.geo:evaluate_trnews",
    "timebank": "eventwire.evaluate.timex:evaluate_timebank",
    "acled_dates": "eventwire.evaluate.timex:evaluate_acled_dates",
    "polnear": "eventwire.evaluate.quotes:evaluate_polnear",
    "news_events": "eventwire.evaluate.news:evaluate_news_events",
    "clusters": "eventwire.evaluate.clusters:evaluate_clusters",  # bundled, not under the gold directory
}


def load_suite(name: str) -> Suite:
    """Return the evaluation function of suite `name`."""
    module, function = SUITES[name].split(":")
    return getattr(importlib.import_module(module), function)


def evaluate(gold_dir: Path, suites: list[str] | None = None, *, limit: int | None = None,
             half: str | None = None, ctx: Context | None = None) -> list[Report]:
    """Run the named suites (all by default) over `gold_dir` and return their reports.

    `half` ("tune" or "check") scores one development half of every suite (see `half_of`).
    """
    ctx = ctx or Context()
    return [load_suite(name)(Path(gold_dir) / name, ctx, limit, half) for name in suites or list(SUITES)]
