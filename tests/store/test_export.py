"""Exports of event rows read back with csv, json and pyarrow.parquet."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError, WriteError
from eventwire.store import Store
from eventwire.store.export import export_events

from .records import make_full_article

ROWS = [
    {
        "event_id": "a:0",
        "type": "ASSAULT",
        "goldstein": -10.0,
        "happened": True,
        "source_codes": ["YEMREB", "IRNMIL"],
        "target_countries": ["SAU", None],
        "place_name": "Hodeidah",
        "quantities": [{"kind": "dead", "value": 3, "text": "three"}],
    },
    {
        "event_id": "a:1",
        "type": "THREATEN",
        "goldstein": None,
        "happened": False,
        "source_codes": [],
        "target_countries": [],
        "place_name": None,
        "quantities": [],
    },
]


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("event_id", ["a:0", "a:1"]),
        ("goldstein", ["-10.0", ""]),
        ("happened", ["true", "false"]),
        ("source_codes", ["YEMREB;IRNMIL", ""]),
        ("target_countries", ["SAU;", ""]),
        ("place_name", ["Hodeidah", ""]),
        ("quantities", ['[{"kind": "dead", "value": 3, "text": "three"}]', ""]),
    ],
)
def test_csv_cells(tmp_path: Path, column: str, expected: list[str]) -> None:
    path = tmp_path / "events.csv"
    export_events(ROWS, "csv", path)
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [row[column] for row in rows] == expected


def test_jsonl_round_trip_to_a_stream() -> None:
    stream = io.StringIO()
    export_events(ROWS, "jsonl", stream)
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == ROWS


def test_parquet_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    export_events(ROWS, "PARQUET", path)
    assert pq.read_table(path).to_pylist() == ROWS


def test_stored_events_export_in_every_format(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.duckdb") as store:
        store.add(make_full_article())
        rows = store.events()
    export_events(rows, "jsonl", tmp_path / "e.jsonl")
    export_events(rows, "csv", tmp_path / "e.csv")
    export_events(rows, "parquet", tmp_path / "e.parquet")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as stream:
        table = list(csv.DictReader(stream))
    parquet = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [json.loads(line) for line in lines] == rows
    assert [row["target_codes"] for row in table] == ["SAU;BUS", "YEMREB"]
    assert [row["date_end"] for row in table] == ["2020-01-06", "2020-01-12"]
    assert [row["event_id"] for row in parquet] == ["full:0", "full:1"]
    assert parquet[0]["mentions"][1] == rows[0]["mentions"][1]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_no_rows_gives_an_empty_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    export_events([], fmt, path)
    assert path.read_text(encoding="utf-8").strip() == ""


@pytest.mark.parametrize(
    ("rows", "fmt", "out", "message"),
    [
        (ROWS, "xml", io.StringIO(), "unknown export format 'xml'; formats are csv, jsonl, parquet"),
        (ROWS, "parquet", io.StringIO(), "parquet output needs a path or a binary file"),
        ([{"goldstein": 1}, {"goldstein": "high"}], "parquet", io.BytesIO(), "cannot convert"),
    ],
)
def test_export_errors(rows: list[dict], fmt: str, out: io.IOBase, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        export_events(rows, fmt, out)


def test_parquet_to_a_binary_stream() -> None:
    stream = io.BytesIO()
    export_events(ROWS, "parquet", stream)
    stream.seek(0)
    assert pq.read_table(stream).column("event_id").to_pylist() == ["a:0", "a:1"]


@pytest.mark.parametrize(
    ("fmt", "rows", "error"),
    [
        ("jsonl", [ROWS[0], {"event_id": "a:2", "when": object()}], TypeError),
        ("csv", [ROWS[0], {"event_id": "a:2", "quantities": [{"value": object()}]}], TypeError),
        ("parquet", [{"goldstein": 1}, {"goldstein": "high"}], StoreError),
    ],
)
def test_issue_16_failed_export_leaves_the_target_as_it_was(tmp_path: Path, fmt: str, rows: list[dict],
                                                             error: type[Exception]) -> None:
    target = tmp_path / f"events.{fmt}"
    target.write_bytes(b"the previous export")
    with pytest.raises(error):
        export_events(rows, fmt, target)
    assert target.read_bytes() == b"the previous export"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/events.jsonl", "no directory"),
        ("folder", "it is a directory"),
        ("file.txt/events.jsonl", "no directory"),
    ],
    ids=["missing-directory", "a-directory", "under-a-file"],
)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_issue_16_unwritable_target_is_a_write_error(tmp_path: Path, fmt: str, where: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(WriteError, match=f"^EW202 cannot write {re.escape(str(tmp_path / where))}: {message}"):
        export_events(ROWS, fmt, tmp_path / where)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["file.txt", "folder"]
    assert list((tmp_path / "folder").iterdir()) == []
