"""Geo evaluation: span matching and scoring over a gold file written for this test."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate.geo import evaluate_trnews, match_overlaps


@pytest.mark.parametrize(
    ("predicted", "gold", "pairs"),
    [
        ([(0, 4)], [(0, 4)], [(0, 0)]),
        ([(0, 10)], [(4, 8)], [(0, 0)]),
        ([(0, 4), (10, 15)], [(0, 4), (12, 20)], [(0, 0), (1, 1)]),
        ([(0, 20)], [(0, 4), (6, 10)], [(0, 0)]),
        ([(0, 4)], [(5, 9)], []),
    ],
)
def test_match_overlaps(predicted, gold, pairs):
    assert match_overlaps(predicted, gold) == pairs


def test_evaluate_scores_written_gold(tmp_path):
    from eventwire.context import Context

    text = "Soldiers were deployed to Baghdad and later to Paris, officials said."
    baghdad, paris = text.index("Baghdad"), text.index("Paris")
    record = {
        "id": "1",
        "text": text,
        "toponyms": [
            {"start": baghdad, "end": baghdad + 7, "name": "Baghdad", "lat": 33.34, "lon": 44.40,
             "geocoded": True},
            {"start": paris, "end": paris + 5, "name": "Paris", "lat": 33.66, "lon": -95.55,
             "geocoded": True},
            {"start": 0, "end": 8, "name": "Soldiers", "lat": None, "lon": None, "geocoded": False},
        ],
    }
    (tmp_path / "docs.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate_trnews(tmp_path, Context(), None)
    assert report.records == 1
    assert report.metrics["exact_f1"] == pytest.approx(1.0)
    assert report.metrics["gold_toponyms"] == 2
    # Paris, Texas is gold here: the system and the population rule both pick Paris, France
    assert report.metrics["acc161"] == pytest.approx(0.5)
    assert report.metrics["population_acc161"] == pytest.approx(0.5)
