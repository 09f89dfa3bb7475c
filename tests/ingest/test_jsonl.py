"""JSON Lines records: text or HTML plus metadata; bad lines become failures."""

from __future__ import annotations

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
