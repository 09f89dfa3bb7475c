"""The command line on real files: extract, ingest (twice), query, export, bad input, confidence."""

from __future__ import annotations

import csv
import os
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


def test_issue_16_reingesting_skips_stored_documents_before_the_parse(store, fixtures, runner, monkeypatch):
    import eventwire.pipeline
    from spacy.language import Language

    parsed: list[str] = []
    real_pipe = Language.pipe

    def recording_pipe(self, texts, **kwargs):
        texts = list(texts)
        parsed.extend(texts)
        return real_pipe(self, texts, **kwargs)

    def no_stages(article, ctx):
        raise AssertionError("a stored article was coded again")

    monkeypatch.setattr(Language, "pipe", recording_pipe)
    monkeypatch.setattr(eventwire.pipeline, "run_stages", no_stages)
    result = runner.invoke(app, ["ingest", str(fixtures / "iran_bases_article.txt"), "--db", str(store)])
    assert result.exit_code == 0, result.output
    assert "0 added, 1 already stored, 0 failed" in result.stderr
    assert parsed == []


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


# issue 16: one bad file in a batch is recorded as a failure; the rest is processed
BAD_FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>x &#x110000;'
            "</title><link>https://e.org/1</link><description>Talks resumed.</description></item></channel></rss>")


def _bad_feed(folder) -> str:
    (folder / "a_bad.rss").write_text(BAD_FEED, encoding="utf-8")
    return "a_bad.rss"


def _deep_array(folder) -> str:
    (folder / "a_bad.jsonl").write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    return "a_bad.jsonl#L1"


def _deep_object(folder) -> str:
    (folder / "a_bad.jsonl").write_bytes(b'{"a":' * 5_000 + b"1" + b"}" * 5_000 + b"\n")
    return "a_bad.jsonl#L1"


def _markup_in_name(folder) -> str:
    (folder / "a[").mkdir()
    (folder / "a[" / "b].txt").write_text("  \n", encoding="utf-8")
    return "a[/b].txt"


@pytest.mark.parametrize(
    ("make_bad", "code"),
    [(_bad_feed, "EW201"), (_deep_array, "EW201"), (_deep_object, "EW201"), (_markup_in_name, "EW101")],
    ids=["feed-char-ref-beyond-unicode", "jsonl-array-100k-deep", "jsonl-object-5k-deep", "markup-in-file-name"],
)
@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_issue_16_bad_file_does_not_stop_the_batch(tmp_path, fixtures, runner, command, make_bad, code):
    folder = tmp_path / "batch"
    folder.mkdir()
    bad_source = str(folder / make_bad(folder))
    (folder / "b_good.txt").write_bytes((fixtures / "iran_bases_article.txt").read_bytes())
    db = tmp_path / "batch.duckdb"
    args = ["--db", str(db)] if command == "ingest" else []
    result = runner.invoke(app, [command, str(folder), *args])
    assert result.exit_code == 0, result.output
    assert f"{code} {bad_source}: " in result.stderr
    if command == "extract":
        assert [record["source"] for record in read_jsonl(result.stdout)] == [str(folder / "b_good.txt")]
        return
    assert "1 added, 0 already stored, 1 failed" in result.stderr
    with Store.open(db, read_only=True) as opened:
        assert [(f["source"], f["code"]) for f in opened.failures()] == [(bad_source, code)]
        assert opened.counts()["articles"] == 1


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_issue_16_undecodable_file_name_is_processed_printably(tmp_path, fixtures, runner, command):
    folder = tmp_path / "batch"
    folder.mkdir()
    descriptor = os.open(os.fsencode(folder) + b"/bad\xff.txt", os.O_WRONLY | os.O_CREAT)
    os.write(descriptor, (fixtures / "iran_bases_article.txt").read_bytes())
    os.close(descriptor)
    (folder / "good.txt").write_text("Talks resume in Geneva\n\nThe foreign ministers of France and Iran "
                                     "met in Geneva on Monday to resume talks.", encoding="utf-8")
    db = tmp_path / "batch.duckdb"
    args = ["--db", str(db)] if command == "ingest" else []
    result = runner.invoke(app, [command, str(folder), *args])
    assert result.exit_code == 0, result.output
    printable = f"{folder}/bad\\xff.txt"
    if command == "extract":
        assert [record["source"] for record in read_jsonl(result.stdout)] == [printable, str(folder / "good.txt")]
        return
    assert "2 added, 0 already stored, 0 failed" in result.stderr
    with Store.open(db, read_only=True) as opened:
        assert opened.failures() == [] and opened.counts()["articles"] == 2
        assert printable in {row["article_source"] for row in opened.events(limit=1000)}


@pytest.mark.parametrize(
    "same",
    [lambda db: db, lambda db: db.parent / "." / db.name, lambda db: db.parent / "link.duckdb"],
    ids=["same-path", "same-file-other-spelling", "link-to-the-store"],
)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_issue_16_export_refuses_to_overwrite_the_store(store, tmp_path, runner, fmt, same):
    db = tmp_path / "events.duckdb"
    db.write_bytes(store.read_bytes())
    (tmp_path / "link.duckdb").symlink_to(db)
    before = db.read_bytes()
    result = runner.invoke(app, ["export", "--db", str(db), "-f", fmt, "-o", str(same(db))])
    assert result.exit_code == 2
    assert result.stderr.startswith("EW001 Invalid value for '--out': ") and "is the store file" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("where", "message"),
    [("missing/out.jsonl", "no directory"), ("folder", "it is a directory"), ("file.txt/out.jsonl", "no directory")],
    ids=["missing-directory", "a-directory", "under-a-file"],
)
@pytest.mark.parametrize("command", ["extract", "export"])
def test_issue_16_unwritable_output_is_a_one_line_error(store, tmp_path, fixtures, runner, command, where, message):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("kept", encoding="utf-8")
    out = tmp_path / where
    args = {
        "extract": ["extract", str(fixtures / "iran_bases_article.txt"), "-o", str(out)],
        "export": ["export", "--db", str(store), "-o", str(out)],
    }[command]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"EW202 cannot write {out}: {message}")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["file.txt", "folder"]


def test_issue_16_unknown_suite_is_a_usage_error(tmp_path, runner):
    result = runner.invoke(app, ["eval", str(tmp_path), "--suite", "nope", "--suite", "acled"])
    assert result.exit_code == 2
    assert result.stderr.startswith("EW001 Invalid value for '--suite' / '-s': unknown suite 'nope'; suites are ")
    assert "plover_gsr" in result.stderr and "acled" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "garbage", "2020-02-30"])
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_issue_16_bad_published_is_a_usage_error(tmp_path, fixtures, runner, command, value):
    db = tmp_path / "never.duckdb"
    args = ["--db", str(db)] if command == "ingest" else []
    result = runner.invoke(app, [command, str(fixtures / "iran_bases_article.txt"), *args, "--published", value])
    assert result.exit_code == 2
    assert result.stderr.startswith("EW001 Invalid value for '--published': ")
    assert len(result.stderr.splitlines()) == 1
    assert not db.exists()


@pytest.mark.parametrize(
    ("files", "exit_code", "summary"),
    [
        ({"a.txt": "   \n", "b.txt": "\x00\x01\x02PK\x03\x04" * 50}, 1, "0 added, 0 already stored, 2 failed"),
        ({"a.txt": "   \n"}, 1, "0 added, 0 already stored, 1 failed"),
        ({}, 0, "0 added, 0 already stored, 0 failed"),
    ],
    ids=["all-failed", "one-failed", "nothing-given"],
)
def test_issue_16_ingest_fails_when_nothing_could_be_stored(tmp_path, runner, files, exit_code, summary):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == exit_code
    assert summary in result.stderr


@pytest.mark.parametrize("command", ["ingest", "events", "export"])
def test_issue_16_memory_store_is_a_usage_error(tmp_path, fixtures, runner, command):
    args = {
        "ingest": ["ingest", str(fixtures / "iran_bases_article.txt")],
        "events": ["events"],
        "export": ["export", "-o", str(tmp_path / "out.jsonl")],
    }[command]
    result = runner.invoke(app, [*args, "--db", ":memory:"])
    assert result.exit_code == 2
    assert result.stderr.startswith("EW001 Invalid value for '--db'")
    assert ": the store must be a file or a PostgreSQL database: :memory: keeps nothing" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_issue_13_every_command_on_postgres_gives_what_it_gives_on_duckdb(store, fixtures, tmp_path, runner,
                                                                          postgres_url):
    article = str(fixtures / "iran_bases_article.txt")
    result = runner.invoke(app, ["ingest", article, "--published", "2020-01-08", "--quiet"],
                           env={"EVENTWIRE_DB": postgres_url})
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stderr and postgres_url in result.stderr
    again = runner.invoke(app, ["ingest", article, "--db", postgres_url, "--quiet"])
    assert "0 added, 1 already stored" in again.stderr
    for command in (["events", "-f", "jsonl", "--limit", "1000"], ["events", "--type", "ASSAULT", "-f", "csv"],
                    ["events", "--happened", "--min-confidence", "0.5", "-f", "jsonl"]):
        on_duckdb = runner.invoke(app, [*command, "--db", str(store)])
        on_postgres = runner.invoke(app, [*command, "--db", postgres_url])
        assert on_postgres.exit_code == 0, on_postgres.output
        assert on_postgres.stdout == on_duckdb.stdout and on_duckdb.stdout.strip()
    for name, db in (("duckdb", str(store)), ("postgres", postgres_url)):
        assert runner.invoke(app, ["export", "--db", db, "-f", "csv", "-o", str(tmp_path / f"{name}.csv")]).exit_code == 0
    assert (tmp_path / "postgres.csv").read_bytes() == (tmp_path / "duckdb.csv").read_bytes()
