"""The actor-mention evaluation on a small gold file written for this test."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate import SUITES, load_suite
from eventwire.evaluate.actors import _actor_over, evaluate_actor_mentions
from eventwire.model import Actor, Evidence

RECORDS = [
    {
        "id": "T-1",
        "text": "Egyptian police arrested dozens of protesters in Alexandria.",
        "source_actors": [{"text": "Egyptian police", "code": "EGY", "sector": "COP"}],
        "target_actors": [{"text": "protesters", "code": "EGY", "sector": "CVL"}],
    },
    {
        "id": "T-2",
        "text": "NATO warned Moscow on Tuesday.",
        "source_actors": [{"text": "NATO", "code": "IGO", "sector": ""}],
        "target_actors": [{"text": "Moscow", "code": "RUS", "sector": "***"}],
    },
    {
        "id": "T-3",
        "text": "The talks went on.",
        "source_actors": [{"text": "Somebody absent", "code": "FRA", "sector": "GOV"}],
        "target_actors": [],
    },
]


@pytest.fixture(scope="module")
def report(tmp_path_factory, ctx):
    gold = tmp_path_factory.mktemp("gold")
    (gold / "plover_gsr").mkdir()
    lines = "\n".join(json.dumps(record) for record in RECORDS) + "\n"
    (gold / "plover_gsr" / "cases.jsonl").write_text(lines, encoding="utf-8")
    return evaluate_actor_mentions(gold / "plover_gsr_actors", ctx, None)


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("mentions", 5.0),
        ("found", 4 / 5),
        # protesters take the country of their sentence (Egyptian), the third mention is absent
        ("country_accuracy", 4 / 5),
        ("country_accuracy_found", 1.0),
        # gold sectors: COP, CVL, GOV (absent); "" and "***" are not scored
        ("sector_accuracy", 2 / 3),
        ("sector_accuracy_found", 1.0),
    ],
)
def test_actor_mention_metrics(report, metric, expected):
    assert report.metrics[metric] == pytest.approx(expected)


def test_report_counts_records(report):
    assert report.suite == "plover_gsr_actors"
    assert report.records == 3


def test_suite_is_registered():
    assert SUITES["plover_gsr_actors"] == "eventwire.evaluate.actors:evaluate_actor_mentions"
    assert load_suite("plover_gsr_actors") is evaluate_actor_mentions


def _actor(text: str, start: int, country: str) -> Actor:
    return Actor(text, text, country, None, "state", Evidence(0, start, start + len(text), "test"))


@pytest.mark.parametrize(
    ("gold_text", "expected"),
    [
        ("Iraq", "IRQ"),
        ("Iraqi and Syrian", "SYR"),
        ("Iraqi and", "IRQ"),
        ("Syrian .. officials", "SYR"),
        ("nobody", None),
    ],
)
def test_actor_over_picks_the_largest_overlap(gold_text, expected):
    text = "Iraqi and Syrian officials met in Iraq."
    actors = (_actor("Iraqi", 0, "IRQ"), _actor("Syrian officials", 10, "SYR"), _actor("Iraq", 34, "IRQ"))
    found = _actor_over(actors, text, gold_text)
    assert (found.country if found else None) == expected
