"""The command line on real files: extract, ingest (twice), query, export, bad input, confidence."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store

HAPPENED_MODALITIES = ("asserted", "reported")


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
    with Store.open(db, read_only=True) as opened:
        codes = {failure["code"] for failure in opened.failures()}
        assert codes == {"EW101", "EW102"}
        assert opened.counts()["articles"] == 1


def test_unknown_export_format_is_a_clear_error(store, tmp_path, runner):
    result = runner.invoke(app, ["export", "--db", str(store), "-f", "xml", "-o", str(tmp_path / "x.xml")])
    assert result.exit_code != 0
    assert "unknown export format" in str(result.exception) + result.output


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, fixtures, runner) -> dict:
    """The example article as `extract` writes it: the article the `store` fixture ingests."""
    out = tmp_path_factory.mktemp("extract") / "article.jsonl"
    result = runner.invoke(app, ["extract", str(fixtures / "iran_bases_article.txt"), "--published",
                                 "2020-01-08", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(out.read_text(encoding="utf-8"))
    return record


def middle_confidence(record: dict) -> float:
    """Return a threshold that keeps some of the record's events and drops others."""
    values = sorted({event["confidence"] for event in record["events"]})
    assert len(values) > 1, values
    return values[len(values) // 2]


def event_key(event: dict) -> tuple:
    return event["type"], event["trigger"], event["evidence"]["start"], event["evidence"]["end"]


def test_extract_events_carry_id_happened_and_sentence(extracted):
    events = extracted["events"]
    assert [event["id"] for event in events] == [f"{extracted['id']}:{i}" for i in range(len(events))]
    assert {event["happened"] for event in events} == {True, False}
    for event in events:
        assert event["happened"] == (event["modality"] in HAPPENED_MODALITIES)
        evidence = event["evidence"]
        assert event["sentence"] == extracted["sentences"][evidence["sentence"]]["text"]
        assert extracted["text"][evidence["start"]:evidence["end"]] in event["sentence"]


def test_extract_event_ids_are_the_store_ids(extracted, store):
    with Store.open(store, read_only=True) as opened:
        rows = opened.events(article_id=extracted["id"])
        article = opened.article(extracted["id"])
    assert {row["event_id"]: (row["type"], row["trigger"], row["happened"], row["confidence"]) for row in rows} == {
        event["id"]: (event["type"], event["trigger"], event["happened"], event["confidence"])
        for event in extracted["events"]
    }
    assert [event.trigger for event in article.events] == [event["trigger"] for event in extracted["events"]]


def test_extract_url_names_a_single_document(fixtures, runner):
    result = runner.invoke(app, ["extract", str(fixtures / "iran_bases_article.html"), "--url",
                                 "https://example.org/a"])
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(result.stdout)
    assert record["url"] == "https://example.org/a"
    assert record["events"]


def test_extract_url_fills_only_documents_without_one(tmp_path, fixtures, runner):
    own = json.loads((fixtures / "iran_bases_article.jsonl").read_text(encoding="utf-8").splitlines()[0])
    plain = {"text": (fixtures / "iran_bases_article.txt").read_text(encoding="utf-8")}
    source = tmp_path / "records.jsonl"
    source.write_text(json.dumps(own) + "\n" + json.dumps(plain) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "--url", "https://example.org/a"])
    assert result.exit_code == 0, result.output
    assert [record["url"] for record in read_jsonl(result.stdout)] == [own["url"], "https://example.org/a"]


def test_extract_min_confidence_drops_events_and_renumbers_quotes(extracted, fixtures, runner):
    threshold = middle_confidence(extracted)
    result = runner.invoke(app, ["extract", str(fixtures / "iran_bases_article.txt"), "--published",
                                 "2020-01-08", "--min-confidence", str(threshold)])
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(result.stdout)
    kept = [event for event in extracted["events"] if event["confidence"] >= threshold]
    assert 0 < len(kept) < len(extracted["events"])
    assert [event_key(event) for event in record["events"]] == [event_key(event) for event in kept]
    # an event keeps its id whatever the threshold drops
    assert [event["id"] for event in record["events"]] == [event["id"] for event in kept]
    all_events = extracted["events"]
    expected_quotes = [
        [event_key(all_events[i]) for i in quote["events"] if all_events[i]["confidence"] >= threshold]
        for quote in extracted["quotes"]
    ]
    assert [[event_key(record["events"][i]) for i in quote["events"]] for quote in record["quotes"]] == (
        expected_quotes
    )


def test_ingest_min_confidence_stores_only_confident_events(extracted, tmp_path, fixtures, runner):
    threshold = middle_confidence(extracted)
    db = tmp_path / "confident.duckdb"
    result = runner.invoke(app, ["ingest", str(fixtures / "iran_bases_article.txt"), "--db", str(db),
                                 "--published", "2020-01-08", "--min-confidence", str(threshold)])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as opened:
        article = opened.article(extracted["id"])
    kept = [event for event in extracted["events"] if event["confidence"] >= threshold]
    assert [(e.type, e.trigger, e.evidence.start, e.evidence.end) for e in article.events] == (
        [event_key(event) for event in kept]
    )
    assert all(i < len(article.events) for quote in article.quotes for i in quote.events)


def test_events_min_confidence_filters_the_query(extracted, store, runner):
    threshold = middle_confidence(extracted)
    result = runner.invoke(app, ["events", "--db", str(store), "--min-confidence", str(threshold),
                                 "--limit", "1000", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    expected = {event["id"] for event in extracted["events"] if event["confidence"] >= threshold}
    assert {row["event_id"] for row in read_jsonl(result.stdout)} == expected


def test_events_table_shows_confidence(store, runner):
    result = runner.invoke(app, ["events", "--db", str(store), "--limit", "3"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "confidence" in result.stdout


@pytest.mark.parametrize("value", ["-0.1", "1.5", "high"])
@pytest.mark.parametrize("command", ["extract", "ingest", "events"])
def test_min_confidence_out_of_range_is_a_usage_error(tmp_path, fixtures, runner, command, value):
    db = tmp_path / "never.duckdb"
    args = {
        "extract": ["extract", str(fixtures / "iran_bases_article.txt")],
        "ingest": ["ingest", str(fixtures / "iran_bases_article.txt"), "--db", str(db)],
        "events": ["events", "--db", str(db)],
    }[command]
    result = runner.invoke(app, [*args, "--min-confidence", value])
    assert result.exit_code == 2
    assert "--min-confidence" in result.output
    assert not db.exists()
