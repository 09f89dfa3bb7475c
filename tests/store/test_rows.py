"""Rows and records of an article: the JSON record's events carry id, happened and sentence."""

from __future__ import annotations

import dataclasses
import json

import pytest

from eventwire.model import Article
from eventwire.store.rows import article_record

from .records import TEXT, evidence, make_full_article


def record_of(article: Article) -> dict:
    return json.loads(json.dumps(article_record(article)))  # JSON-ready as it is


def test_article_record_events_carry_id_happened_and_sentence(full_article: Article) -> None:
    events = record_of(full_article)["events"]
    assert [(e["id"], e["happened"], e["sentence"]) for e in events] == [
        ("full:0", True, TEXT[:46]),  # asserted
        ("full:1", False, TEXT[:46]),  # future
    ]
    assert [e["confidence"] for e in events] == [0.85, 1.0]


def test_article_record_keeps_every_field_of_to_dict(full_article: Article) -> None:
    record = record_of(full_article)
    plain = full_article.to_dict()
    assert {key: value for key, value in record.items() if key != "events"} == json.loads(
        json.dumps({key: value for key, value in plain.items() if key != "events"})
    )
    for added, original in zip(record["events"], plain["events"], strict=True):
        assert {key: value for key, value in added.items() if key not in ("id", "happened", "sentence")} == (
            json.loads(json.dumps({key: value for key, value in original.items() if key != "id"}))
        )


@pytest.mark.parametrize(("sentence", "expected"), [(1, TEXT[47:]), (-1, None), (2, None)])
def test_article_record_sentence_text(sentence: int, expected: str | None) -> None:
    article = make_full_article()
    moved = dataclasses.replace(article.events[0], evidence=evidence(7, 14, sentence))
    article = dataclasses.replace(article, events=(moved,))
    assert record_of(article)["events"][0]["sentence"] == expected
