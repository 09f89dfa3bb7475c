"""JSON Lines records: text or HTML plus metadata; bad lines become failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.extract import to_article
from eventwire.ingest import read_jsonl, read_sources
from eventwire.model import Document, Failure
from eventwire.options import Options

FIXTURES = Path(__file__).parent.parent / "fixtures"
RECORDS = FIXTURES / "ingest" / "records.jsonl"


def test_records_and_failures_in_order() -> None:
    items = list(read_sources([str(RECORDS)]))
    assert [(type(item).__name__, item.source) for item in items] == [
        ("Document", f"{RECORDS}#a1"),
        ("Document", f"{RECORDS}#L2"),
        ("Failure", f"{RECORDS}#L3"),
        ("Failure", f"{RECORDS}#L5"),
        ("Document", f"{RECORDS}#h4"),
        ("Document", f"{RECORDS}#c5"),
        ("Failure", f"{RECORDS}#n6"),
    ]


@pytest.mark.parametrize(
    ("index", "fields"),
    [
        (0, {"url": "https://wire.example.org/a1", "published": "2021-03-15", "title": None,
             "media_type": "text/plain"}),
        (1, {"url": None, "published": "16 March 2021", "title": "Flood waters recede", "media_type": "text/plain"}),
        (4, {"published": "2021-03-17", "media_type": "text/html"}),
        (5, {"published": None, "media_type": "text/plain"}),
    ],
)
def test_record_fields(index: int, fields: dict[str, str | None]) -> None:
    item = list(read_sources([str(RECORDS)]))[index]
    assert {name: getattr(item, name) for name in fields} == fields


@pytest.mark.parametrize(
    ("index", "fragment"),
    [
        (2, "records.jsonl line 3: invalid JSON"),
        (3, "records.jsonl line 5: a record must be a JSON object, not list"),
        (6, "records.jsonl line 8: no text in any of the fields text/html/content/body"),
    ],
)
def test_failures_name_file_and_line(index: int, fragment: str) -> None:
    item = list(read_sources([str(RECORDS)]))[index]
    assert isinstance(item, Failure) and item.code == "EW201"
    assert fragment in item.reason


def test_seed_record_becomes_the_seed_article() -> None:
    (document,) = read_sources([str(FIXTURES / "iran_bases_article.jsonl")])
    article = to_article(document, Options())
    plain = to_article(Document("seed.txt", (FIXTURES / "iran_bases_article.txt").read_bytes()), Options())
    assert (article.text, article.published, article.url) == (
        plain.text, "2020-01-08", "https://news.example.org/world/2020/iran-bombs-us-bases-in-iraq")
    assert article.source == f"{FIXTURES / 'iran_bases_article.jsonl'}#iran-bases-2020-01-08"


@pytest.mark.parametrize(
    ("data", "sources"),
    [
        (b'[{"id": "x", "text": "One."}, {"text": "Two."}]', ["f.json#x", "f.json#1"]),
        (b'{\n  "id": "pretty",\n  "text": "A pretty-printed record."\n}\n', ["f.json#pretty"]),
        (b'{"text": "One."}\r\n\r\n{"text": "Two."}', ["f.json#L1", "f.json#L3"]),
        (b'\xef\xbb\xbf{"text": "BOM first."}\n', ["f.json#L1"]),
    ],
)
def test_json_shapes(data: bytes, sources: list[str]) -> None:
    items = list(read_jsonl(data, "f.json"))
    assert [item.source for item in items] == sources
    assert all(isinstance(item, Document) for item in items)


DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"a":' * 5_000 + b"1" + b"}" * 5_000
GOOD_LINE = b'{"text": "Talks resume in Geneva."}'


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([DEEP_ARRAY, GOOD_LINE], [("f.jsonl#L1", "EW201"), ("f.jsonl#L2", None)]),
        ([GOOD_LINE, DEEP_ARRAY], [("f.jsonl#L1", None), ("f.jsonl#L2", "EW201")]),
        ([DEEP_OBJECT, GOOD_LINE], [("f.jsonl#L1", "EW201"), ("f.jsonl#L2", None)]),
        ([GOOD_LINE, DEEP_OBJECT], [("f.jsonl#L1", None), ("f.jsonl#L2", "EW201")]),
        ([DEEP_ARRAY], [("f.jsonl#L1", "EW201")]),
    ],
    ids=["array-first", "array-last", "object-first", "object-last", "array-alone"],
)
def test_issue_16_deeply_nested_line_is_a_failure(lines: list[bytes], expected: list[tuple[str, str | None]]) -> None:
    items = list(read_jsonl(b"\n".join(lines) + b"\n", "f.jsonl"))
    assert [(item.source, getattr(item, "code", None)) for item in items] == expected
    for item in items:
        if isinstance(item, Failure):
            assert item.reason.endswith("invalid JSON: nested too deep to decode")


@pytest.mark.parametrize(
    ("record_id", "source"),
    [("\ud800", "f.jsonl#\\ud800"), ("plain", "f.jsonl#plain")],
    ids=["lone-surrogate", "plain"],
)
def test_issue_16_record_id_is_named_printably(record_id: str, source: str) -> None:
    line = json.dumps({"id": record_id, "text": "Talks resume in Geneva."}).encode()
    (document,) = read_jsonl(line, "f.jsonl")
    assert document.source == source
