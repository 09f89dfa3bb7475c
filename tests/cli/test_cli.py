"""The command line on real files: extract, ingest (twice), query, export, bad input."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory, fixtures, runner):
    db = tmp_path_factory.mktemp("store") / "events.duckdb"
    result = runner.invoke(app, ["ingest", str(fixtures / "iran_bases_article.txt"), "--db", str(db),
                                 "--published", "2020-01-08"])
    assert result.exit_code == 0, result.output
    return db


def test_extract_writes_one_json_object_per_article(tmp_path, fixtures, runner):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(fixtures / "iran_bases_article.txt"), "--published",
                                 "2020-01-08", "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    assert records[0]["published"] == "2020-01-08"
    assert {"ASSAULT", "THREATEN", "REQUEST"} <= {event["type"] for event in records[0]["events"]}


def test_extract_reads_stdin(fixtures, runner):
    text = (fixtures / "iran_bases_article.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout.splitlines()[0])
    assert article["published"] is None
    assert article["events"]


def test_reingesting_adds_nothing(store, fixtures, runner):
    result = runner.invoke(app, ["ingest", str(fixtures / "iran_bases_article.txt"), "--db", str(store)])
    assert result.exit_code == 0
    assert "0 added, 1 already stored" in result.output


def test_events_filters_by_type_and_country(store, runner):
    result = runner.invoke(app, ["events", "--db", str(store), "--type", "ASSAULT", "--country", "IRN",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(row["type"] == "ASSAULT" for row in rows)
    assert all("IRN" in row["source_countries"] + row["target_countries"] for row in rows)


def test_events_filters_by_date_range(store, runner):
    result = runner.invoke(app, ["events", "--db", str(store), "--since", "2020-01-01", "--until", "2020-01-05",
                                 "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(row["date"].startswith("2020-01-0") for row in rows)
    assert all("2020-01-01" <= row["date"][:10] <= "2020-01-05" for row in rows)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats_read_back(store, tmp_path, runner, fmt):
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--db", str(store), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    else:
        rows = pq.read_table(out).to_pylist()
    assert rows and {"type", "modality", "trigger"} <= set(rows[0])


def test_bad_documents_are_recorded_and_the_batch_goes_on(tmp_path, fixtures, runner):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "c_good.txt").write_text((fixtures / "iran_bases_article.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    db = tmp_path / "batch.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "2 failed" in result.output
    from eventwire.store import Store

    with Store.open(db, read_only=True) as opened:
        codes = {failure["code"] for failure in opened.failures()}
        assert codes == {"EW101", "EW102"}
        assert opened.counts()["articles"] == 1


def test_unknown_export_format_is_a_clear_error(store, tmp_path, runner):
    result = runner.invoke(app, ["export", "--db", str(store), "-f", "xml", "-o", str(tmp_path / "x.xml")])
    assert result.exit_code != 0
    assert "unknown export format" in str(result.exception) + result.output
