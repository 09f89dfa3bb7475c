"""The news_events scorer's `text_kept`: what the plain-text reader keeps of the gold texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.context import Context
from eventwire.evaluate.news import evaluate_news_events

WORD = re.compile(r"\w+")
# a story saved one sentence a line with its final full stops dropped
STORY = (Path(__file__).parents[1] / "fixtures" / "stopless_story.txt").read_text(encoding="utf-8")
# German: the reader's language check refuses it (EW105), so none of its words are kept
GERMAN = ("Die Regierung hat am Montag in Berlin neue Sanktionen gegen das Land beschlossen, "
          "wie ein Sprecher des Ministeriums mitteilte. Die Opposition kritisierte den Schritt scharf.")


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()


def gold_folder(folder: Path, texts: list[str]) -> Path:
    records = [{"id": f"a{n}", "published": "2020-01-08", "text": text, "events": []} for n, text in enumerate(texts)]
    (folder / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


def test_a_story_saved_without_final_stops_is_kept_whole(tmp_path: Path, ctx: Context) -> None:
    report = evaluate_news_events(gold_folder(tmp_path, [STORY]), ctx)
    assert report.metrics["text_kept"] == 1.0


def test_a_refused_text_keeps_nothing_and_the_scoring_goes_on(tmp_path: Path, ctx: Context) -> None:
    report = evaluate_news_events(gold_folder(tmp_path, [STORY, GERMAN]), ctx)
    story_words, german_words = len(WORD.findall(STORY)), len(WORD.findall(GERMAN))
    assert report.records == 2
    assert report.metrics["text_kept"] == pytest.approx(story_words / (story_words + german_words))
