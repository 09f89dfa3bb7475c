"""PolNeAR-style quote scoring on a small gold folder written by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.context import Context
from eventwire.errors import GoldDataError
from eventwire.evaluate.quotes import _speaker_exact, evaluate_polnear
from eventwire.model import Evidence, Quote

PORT = "“The port will reopen on Monday,” said Paul Okafor, the harbour master. Officials said that the storm had passed."
BRIDGE = "Mayor Anna Berg said that the bridge would reopen. The ferry is cancelled."


def _span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"text": part, "start": start, "end": start + len(part)}


def _attribution(key: str, number: int, text: str, content: str, source: str | None, cue: str,
                 direct: bool) -> dict:
    return {
        "id": f"{key}:E{number}",
        "source": _span(text, source) if source else None,
        "cue": _span(text, cue),
        "content": _span(text, content),
        "is_direct": direct,
    }


def _write_gold(folder: Path, docs: list[tuple[str, str, list[dict]]]) -> Path:
    with (folder / "docs_dev.jsonl").open("w", encoding="utf-8") as out:
        for key, text, _ in docs:
            out.write(json.dumps({"id": f"polnear:{key}", "doc": key.rsplit("_", 1)[0], "text": text}) + "\n")
    with (folder / "quotes_dev.jsonl").open("w", encoding="utf-8") as out:
        for _, _, attributions in docs:
            for attribution in attributions:
                out.write(json.dumps(attribution) + "\n")
    return folder


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()


def test_perfect_output_scores_one(tmp_path: Path, ctx: Context) -> None:
    key = "port_a1"
    gold = [
        _attribution(key, 1, PORT, "“The port will reopen on Monday,”", "Paul Okafor", "said", True),
        _attribution(key, 2, PORT, "that the storm had passed", "Officials", "said that", False),
    ]
    report = evaluate_polnear(_write_gold(tmp_path, [(key, PORT, gold)]), ctx)
    assert report.records == 1
    for metric in ("direct_p", "direct_r", "direct_f1", "all_p", "all_r", "all_f1", "speaker_accuracy",
                   "direct_speaker_exact"):
        assert report.metrics[metric] == pytest.approx(1.0), metric


def test_missed_attribution_lowers_recall_only(tmp_path: Path, ctx: Context) -> None:
    key = "bridge_a1"
    gold = [
        _attribution(key, 1, BRIDGE, "that the bridge would reopen", "Mayor Anna Berg", "said", False),
        _attribution(key, 2, BRIDGE, "The ferry is cancelled", None, "is", False),
    ]
    report = evaluate_polnear(_write_gold(tmp_path, [(key, BRIDGE, gold)]), ctx)
    assert report.metrics["all_r"] == pytest.approx(5 / 9)
    assert report.metrics["all_p"] == pytest.approx(1.0)
    assert report.metrics["speaker_accuracy"] == pytest.approx(1.0)
    assert report.metrics["direct_n"] == 0


def test_wrong_speaker_is_counted(tmp_path: Path, ctx: Context) -> None:
    key = "bridge_a2"
    gold = [_attribution(key, 1, BRIDGE, "that the bridge would reopen", "The ferry", "said", False)]
    report = evaluate_polnear(_write_gold(tmp_path, [(key, BRIDGE, gold)]), ctx)
    assert report.metrics["speaker_accuracy"] == pytest.approx(0.0)
    assert report.metrics["speaker_n"] == 1


PANEL = ("Retired Gen. Lena Ortiz, a former commander, spoke first. “The plan is sound,” Ortiz said. "
         "“We are ready,” she said. “We agree,” said Sam Quill, Ortiz's deputy.")


@pytest.mark.parametrize(
    ("content", "source", "exact"),
    [
        # the system's full name "Lena Ortiz" ends with the gold "Ortiz"
        ("“The plan is sound,”", "Ortiz", 1.0),
        # a pronoun stands for the nearest earlier gold source that names someone
        ("“We are ready,”", "she", 1.0),
        # an apposition is not part of the name
        ("“We agree,”", "Sam Quill, Ortiz's deputy", 1.0),
    ],
)
def test_exact_speaker(tmp_path: Path, ctx: Context, content: str, source: str, exact: float) -> None:
    key = "panel_a1"
    gold = [_attribution(key, 1, PANEL, "“The plan is sound,”", "Ortiz", "said", True)]
    if content != gold[0]["content"]["text"]:
        gold.append(_attribution(key, 2, PANEL, content, source, "said", True))
    report = evaluate_polnear(_write_gold(tmp_path, [(key, PANEL, gold)]), ctx)
    assert report.metrics["direct_speaker_exact"] == pytest.approx(exact)


def test_exact_speaker_wants_the_head_not_its_possessor(tmp_path: Path, ctx: Context) -> None:
    text = "“We agree,” Ortiz's deputy said."
    key = "deputy_a1"
    gold = [_attribution(key, 1, text, "“We agree,”", "Ortiz's deputy", "said", True)]
    report = evaluate_polnear(_write_gold(tmp_path, [(key, text, gold)]), ctx)
    assert report.metrics["speaker_accuracy"] == pytest.approx(1.0)  # the lenient metric: a shared word
    assert report.metrics["direct_speaker_exact"] == pytest.approx(1.0)  # the system names the deputy


@pytest.mark.parametrize(("speaker", "exact"), [("Ortiz", False), ("Ortiz's deputy", True), ("the deputy", True)])
def test_the_exact_scorer_compares_the_head_of_a_possessive_source(speaker: str, exact: bool) -> None:
    evidence = Evidence(0, 0, 10, "test", "1")
    quote = Quote("“We agree,”", speaker, None, "said", True, evidence)
    assert _speaker_exact(quote, {"source": {"text": "Ortiz's deputy"}}, []) is exact


def test_missing_gold_file_raises(tmp_path: Path, ctx: Context) -> None:
    with pytest.raises(GoldDataError):
        evaluate_polnear(tmp_path, ctx)
