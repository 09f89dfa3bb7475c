"""Timex evaluation: span matching, value scoring, and the ACLED date suite on files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.context import Context
from eventwire.evaluate import SUITES, load_suite
from eventwire.evaluate.timex import evaluate_acled_dates, evaluate_timebank, match_spans, same_value
from eventwire.time.tagger import Timex


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def timex(text: str, span: str, kind: str, value: str) -> dict:
    start = text.index(span)
    return {"start": start, "end": start + len(span), "text": span, "type": kind, "value": value}


@pytest.mark.parametrize(("system", "gold", "pairs"), [
    ([(0, 5)], [(0, 5)], [((0, 5), (0, 5))]),
    ([(0, 5)], [(3, 9)], [((0, 5), (3, 9))]),
    ([(0, 5)], [(5, 9)], []),
    ([(0, 10)], [(0, 4), (5, 10)], [((0, 10), (5, 10))]),
    ([(0, 4), (5, 10)], [(0, 10)], [((5, 10), (0, 10))]),
])
def test_match_spans_is_one_to_one(system, gold, pairs):
    found = match_spans([Timex(s, e, "DATE", None, None) for s, e in system],
                        [{"start": s, "end": e} for s, e in gold])
    assert [((s.start, s.end), (g["start"], g["end"])) for s, g in found] == pairs


@pytest.mark.parametrize(("system", "gold", "expected"), [
    ("2020-01-08", "2020-01-08", True),
    (" p3d", "P3D", True),
    ("2020-W02", "2020-W01", False),
    ("2000-W07", "2000-W7", True),
    ("1989-11-06T17:00", "1989-11-06T17", True),
    ("1989-11-06T17:30", "1989-11-06T17", False),
    (None, "PRESENT_REF", False),
])
def test_same_value(system, gold, expected):
    assert same_value(system, gold) is expected


def test_evaluate_timebank_scores(tmp_path):
    first = "Rebels attacked the village on Friday and said the truce is over now."
    second = "The siege lasted three weeks. Talks resume in March 2021."
    write_jsonl(tmp_path / "timebank" / "docs.jsonl", [
        {"id": "a", "dct": "2020-01-08", "text": first, "timexes": [
            timex(first, "Friday", "DATE", "2020-01-03"),
            timex(first, "now", "DATE", "PRESENT_REF"),
        ]},
        {"id": "b", "dct": "2020-01-08", "text": second, "timexes": [
            timex(second, "The siege", "DURATION", "P3W"),  # overlaps nothing the tagger finds
            timex(second, "March", "DATE", "2021-02"),      # relaxed match, wrong value
        ]},
    ])
    report = evaluate_timebank(tmp_path / "timebank", Context(), None)
    metrics = report.metrics
    # system: Friday, now, three weeks, March 2021 -> 4; gold 4; relaxed matches 3 (Friday, now, March)
    assert report.records == 2
    assert metrics["relaxed_p"] == pytest.approx(3 / 4)
    assert metrics["relaxed_r"] == pytest.approx(3 / 4)
    assert metrics["strict_p"] == pytest.approx(2 / 4)
    assert metrics["value_accuracy"] == pytest.approx(2 / 3)
    assert metrics["value_p"] == pytest.approx(2 / 4)
    assert metrics["value_f1"] == pytest.approx(2 / 4)
    assert metrics["type_accuracy"] == pytest.approx(1.0)
    assert report.per_label["DURATION"]["gold"] == 1.0
    assert report.per_label["DURATION"]["recall"] == 0.0


def test_evaluate_acled_dates(tmp_path):
    write_jsonl(tmp_path / "acled" / "cases.jsonl", [
        {"id": "1", "text": "On 3 March 2021, protesters gathered in the capital.", "events": [{"date": "2021-03-03"}]},
        {"id": "2", "text": "On 4 March 2021, police detained 20 people.", "events": [{"date": "2021-03-05"}]},
        {"id": "3", "text": "Around this week, clashes broke out.", "events": [{"date": "2021-03-06"}]},
    ])
    report = evaluate_acled_dates(tmp_path / "acled_dates", Context(), None)
    assert report.records == 3
    assert report.metrics["accuracy"] == pytest.approx(1 / 3)
    assert report.metrics["coverage"] == pytest.approx(2 / 3)
    assert report.metrics["stated"] == 1.0
    assert report.metrics["accuracy_stated"] == pytest.approx(1.0)


@pytest.mark.parametrize("suite", ["timebank", "acled_dates"])
def test_timex_suites_are_registered(suite):
    assert SUITES[suite].startswith("eventwire.evaluate.timex:")
    assert callable(load_suite(suite))
