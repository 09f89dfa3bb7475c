"""The CLI contract (issue 16): every misuse of every command is one line starting with its code.

Usage errors exit 2 (EW001), runtime errors exit 1; no traceback ever reaches the terminal
(unless --debug); the store is as it was afterwards and still opens.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import SCHEMA_VERSION, Store

ARTICLE = "iran_bases_article.txt"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def stored(tmp_path_factory, fixtures, runner) -> Path:
    """A store holding the example article."""
    db = tmp_path_factory.mktemp("contract") / "stored.duckdb"
    result = runner.invoke(app, ["ingest", str(fixtures / ARTICLE), "--db", str(db), "--published", "2020-01-08"])
    assert result.exit_code == 0, result.output
    return db


def make_files(folder: Path, stored: Path, fixtures: Path) -> dict[str, str]:
    """Write the files the cases name; return the placeholders of the argument templates."""
    db = folder / "store.duckdb"
    db.write_bytes(stored.read_bytes())
    sqlite = folder / "other.sqlite"
    with sqlite3.connect(sqlite) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER, body TEXT)")
    foreign = folder / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER, body VARCHAR)")
        connection.execute("CREATE TABLE meta (k VARCHAR, v VARCHAR)")
    older = folder / "older.duckdb"
    with duckdb.connect(str(older)) as connection:
        connection.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    (folder / "notes.txt").write_text("not a database\n", encoding="utf-8")
    (folder / "empty.duckdb").write_bytes(b"")
    (folder / "folder").mkdir()
    return {
        "db": str(db), "sqlite": str(sqlite), "foreign": str(foreign), "older": str(older),
        "text": str(folder / "notes.txt"), "empty": str(folder / "empty.duckdb"),
        "dir": str(folder / "folder"), "tmp": str(folder), "article": str(fixtures / ARTICLE),
    }


USAGE, RUNTIME = 2, 1
# (id, arguments with {placeholders}, exit status, text the first stderr line holds)
CASES = [
    ("no-command", [], USAGE, "EW001 no command given; commands are extract, ingest"),
    ("unknown-command", ["nope"], USAGE, "EW001 No such command 'nope'"),
    ("unknown-global-option", ["--nope", "events"], USAGE, "EW001 No such option: --nope"),
    # ingest
    ("ingest-no-source", ["ingest", "--db", "{db}"], USAGE, "EW001 Missing argument"),
    ("ingest-unknown-option", ["ingest", "{article}", "--db", "{db}", "--bogus"], USAGE, "--bogus"),
    ("ingest-memory-db", ["ingest", "{article}", "--db", ":memory:"], USAGE,
     "'--db' (env var: 'EVENTWIRE_DB'): the store must be a file"),
    ("ingest-bad-published", ["ingest", "{article}", "--db", "{db}", "--published", "garbage"], USAGE,
     "'--published'"),
    ("ingest-published-year-1", ["ingest", "{article}", "--db", "{db}", "--published", "0001-01-01"], USAGE,
     "'--published'"),
    ("ingest-confidence-2", ["ingest", "{article}", "--db", "{db}", "--min-confidence", "2"], USAGE,
     "'--min-confidence'"),
    ("ingest-sqlite-db", ["ingest", "{article}", "--db", "{sqlite}"], RUNTIME,
     "EW401 '{sqlite}' is not a DuckDB store: it is a SQLite database"),
    ("ingest-foreign-db", ["ingest", "{article}", "--db", "{foreign}"], RUNTIME,
     "EW401 '{foreign}' is not an eventwire store: it holds other tables (articles, meta)"),
    ("ingest-older-schema", ["ingest", "{article}", "--db", "{older}"], RUNTIME,
     "EW401 store '{older}' has schema version 1; this eventwire reads " + SCHEMA_VERSION),
    ("ingest-text-file-db", ["ingest", "{article}", "--db", "{text}"], RUNTIME, "EW401 '{text}' is not a DuckDB"),
    ("ingest-empty-file-db", ["ingest", "{article}", "--db", "{empty}"], RUNTIME, "it is an empty file"),
    ("ingest-directory-db", ["ingest", "{article}", "--db", "{dir}"], RUNTIME, "EW401 cannot open store"),
    ("ingest-db-in-missing-dir", ["ingest", "{article}", "--db", "{tmp}/missing/s.duckdb"], RUNTIME,
     "EW401 cannot open store"),
    ("ingest-missing-source", ["ingest", "{tmp}/missing.txt", "--db", "{db}"], RUNTIME, "EW201 {tmp}/missing.txt"),
    # extract
    ("extract-no-source", ["extract"], USAGE, "EW001 Missing argument"),
    ("extract-bad-published", ["extract", "{article}", "--published", "2020-02-30"], USAGE, "'--published'"),
    ("extract-confidence-word", ["extract", "{article}", "--min-confidence", "high"], USAGE, "'--min-confidence'"),
    ("extract-out-missing-dir", ["extract", "{article}", "-o", "{tmp}/missing/out.jsonl"], RUNTIME,
     "EW202 cannot write {tmp}/missing/out.jsonl: no directory"),
    ("extract-out-directory", ["extract", "{article}", "-o", "{dir}"], RUNTIME, "EW202 cannot write {dir}"),
    ("extract-out-full-disk", ["extract", "{article}", "-o", "/dev/full"], RUNTIME,
     "EW202 cannot write /dev/full: No space left on device"),
    ("extract-missing-source", ["extract", "{tmp}/missing.txt"], RUNTIME, "EW201 {tmp}/missing.txt"),
    # events
    ("events-unknown-country", ["events", "--db", "{db}", "--country", "XYZ"], USAGE,
     "'--country': 'XYZ' is not a country code; use an ISO 3166 alpha-3 code such as IRN"),
    ("events-unknown-type", ["events", "--db", "{db}", "--type", "EXPLODE"], USAGE,
     "'--type': 'EXPLODE' is not a PLOVER event type; types are ACCUSE, AGREE"),
    ("events-negative-limit", ["events", "--db", "{db}", "--limit", "-5"], USAGE, "'--limit': -5 is not a count"),
    ("events-zero-limit", ["events", "--db", "{db}", "--limit", "0"], USAGE, "'--limit': 0 is not a count"),
    ("events-word-limit", ["events", "--db", "{db}", "--limit", "many"], USAGE, "'--limit'"),
    ("events-bad-since", ["events", "--db", "{db}", "--since", "2020-13"], USAGE,
     "'--since': '2020-13' is not a date; use YYYY-MM-DD"),
    ("events-bad-until", ["events", "--db", "{db}", "--until", "yesterday"], USAGE, "'--until': 'yesterday'"),
    ("events-since-after-until", ["events", "--db", "{db}", "--since", "2021", "--until", "2020-06"], USAGE,
     "--since 2021 is after --until 2020-06"),
    ("events-empty-place", ["events", "--db", "{db}", "--place", " "], USAGE, "'--place': the place is empty"),
    ("events-unknown-format", ["events", "--db", "{db}", "-f", "xml"], USAGE,
     "'--format' / '-f': unknown format 'xml'; formats are table, jsonl, csv"),
    ("events-parquet-to-stdout", ["events", "--db", "{db}", "-f", "parquet"], USAGE, "unknown format 'parquet'"),
    ("events-confidence-negative", ["events", "--db", "{db}", "--min-confidence", "-0.1"], USAGE,
     "'--min-confidence'"),
    ("events-memory-db", ["events", "--db", ":memory:"], USAGE, "'--db'"),
    ("events-missing-db", ["events", "--db", "{tmp}/missing.duckdb"], RUNTIME,
     "EW401 cannot open store '{tmp}/missing.duckdb': no such file"),
    ("events-sqlite-db", ["events", "--db", "{sqlite}"], RUNTIME, "it is a SQLite database"),
    ("events-foreign-db", ["events", "--db", "{foreign}"], RUNTIME, "is not an eventwire store"),
    ("events-older-schema", ["events", "--db", "{older}"], RUNTIME, "has schema version 1"),
    ("events-text-file-db", ["events", "--db", "{text}"], RUNTIME, "is not a DuckDB store"),
    ("events-directory-db", ["events", "--db", "{dir}"], RUNTIME, "it is a directory"),
    # export
    ("export-no-out", ["export", "--db", "{db}"], USAGE, "EW001 Missing option '--out'"),
    ("export-onto-the-store", ["export", "--db", "{db}", "-o", "{db}"], USAGE, "is the store file"),
    ("export-unknown-format", ["export", "--db", "{db}", "-f", "xml", "-o", "{tmp}/x.xml"], USAGE,
     "unknown export format 'xml'"),
    ("export-out-missing-dir", ["export", "--db", "{db}", "-o", "{tmp}/missing/x.jsonl"], RUNTIME,
     "EW202 cannot write"),
    ("export-out-directory", ["export", "--db", "{db}", "-o", "{dir}"], RUNTIME, "it is a directory"),
    ("export-out-full-disk", ["export", "--db", "{db}", "-o", "/dev/full"], RUNTIME,
     "EW202 cannot write /dev/full: No space left on device"),
    ("export-parquet-full-disk", ["export", "--db", "{db}", "-f", "parquet", "-o", "/dev/full"], RUNTIME,
     "EW202 cannot write /dev/full"),
    ("export-out-proc", ["export", "--db", "{db}", "-o", "/proc/eventwire.jsonl"], RUNTIME,
     "EW202 cannot write /proc/eventwire.jsonl"),
    ("export-sqlite-db", ["export", "--db", "{sqlite}", "-o", "{tmp}/x.jsonl"], RUNTIME, "it is a SQLite database"),
    ("export-foreign-db", ["export", "--db", "{foreign}", "-o", "{tmp}/x.jsonl"], RUNTIME,
     "is not an eventwire store"),
    ("export-missing-db", ["export", "--db", "{tmp}/missing.duckdb", "-o", "{tmp}/x.jsonl"], RUNTIME,
     "no such file"),
    # eval
    ("eval-no-gold", ["eval"], USAGE, "EW001 Missing argument"),
    ("eval-unknown-suite", ["eval", "{tmp}", "--suite", "nope"], USAGE, "unknown suite 'nope'"),
    ("eval-unknown-half", ["eval", "{tmp}", "--half", "both"], USAGE, "unknown half 'both'; halves are tune, check"),
    ("eval-zero-limit", ["eval", "{tmp}", "--limit", "0"], USAGE, "'--limit': 0 is not a count"),
    ("eval-missing-gold", ["eval", "{tmp}/missing", "--suite", "acled"], RUNTIME, "EW501 gold file not found"),
]


def stored_records(store: Store) -> dict[str, int]:
    """Row counts of every table but failures (a misused ingest may record its bad input)."""
    return {table: count for table, count in store.counts().items() if table != "failures"}


def fill(template: str, names: dict[str, str]) -> str:
    for key, value in names.items():
        template = template.replace("{" + key + "}", value)
    return template


@pytest.mark.parametrize(("arguments", "exit_code", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_issue_16_misuse_is_one_coded_line(tmp_path, stored, fixtures, runner, arguments, exit_code, expected):
    names = make_files(tmp_path, stored, fixtures)
    untouched = {name: Path(names[name]).read_bytes() for name in ("sqlite", "foreign", "older", "text", "empty")}
    with Store.open(names["db"], read_only=True) as store:
        before = stored_records(store)
    result = runner.invoke(app, [fill(argument, names) for argument in arguments])
    first = result.stderr.splitlines()[0] if result.stderr else ""
    assert result.exit_code == exit_code, result.output
    assert first.startswith("EW") and fill(expected, names) in first, result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception
    with Store.open(names["db"], read_only=True) as store:
        assert stored_records(store) == before
    assert {name: Path(names[name]).read_bytes() for name in untouched} == untouched
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "an output was renamed over the device /dev/full"


def test_issue_16_usage_errors_are_one_line(tmp_path, stored, runner):
    result = runner.invoke(app, ["events", "--db", str(stored), "--country", "XYZ"])
    assert len(result.stderr.splitlines()) == 1


def test_issue_16_unexpected_error_is_an_internal_error_line(stored, runner, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("no such column")

    monkeypatch.setattr(Store, "events", broken)
    result = runner.invoke(app, ["events", "--db", str(stored)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["EW900 KeyError: 'no such column'"]


def test_issue_16_debug_raises_the_error(stored, runner, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("no such column")

    monkeypatch.setattr(Store, "events", broken)
    result = runner.invoke(app, ["--debug", "events", "--db", str(stored)])
    assert isinstance(result.exception, KeyError)


def test_issue_16_stage_error_logs_one_line_without_traceback(tmp_path, fixtures, runner, monkeypatch):
    import eventwire.pipeline

    def broken(article, ctx):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(eventwire.pipeline, "run_stages", broken)
    result = runner.invoke(app, ["ingest", str(fixtures / ARTICLE), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "EW900" in result.stderr and "ZeroDivisionError: division by zero" in result.stderr


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_issue_16_process_shows_a_traceback_only_with_debug(tmp_path, debug):
    sqlite = tmp_path / "other.sqlite"
    with sqlite3.connect(sqlite) as connection:
        connection.execute("CREATE TABLE t (x)")
    command = [sys.executable, "-m", "eventwire", *(["--debug"] if debug else []), "events", "--db", str(sqlite)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert finished.returncode == 1
    assert ("Traceback" in finished.stderr) == debug
    assert "EW401" in finished.stderr
    if not debug:
        assert finished.stderr.splitlines() == [f"EW401 '{sqlite}' is not a DuckDB store: it is a SQLite database"]


def test_issue_16_sqlite_store_fetches_no_extension(tmp_path, runner, monkeypatch):
    """DuckDB would autoload (download) its sqlite extension to open the file: it is refused first."""
    sqlite = tmp_path / "other.sqlite"
    with sqlite3.connect(sqlite) as connection:
        connection.execute("CREATE TABLE t (x)")
    monkeypatch.setenv("HOME", str(tmp_path))  # where DuckDB would put a downloaded extension
    result = runner.invoke(app, ["events", "--db", str(sqlite)])
    assert result.exit_code == 1
    assert not (tmp_path / ".duckdb").exists()


def test_issue_16_extension_autoload_is_off(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        settings = dict(store._backend._connection.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name LIKE 'auto%_known_extensions'").fetchall())
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def test_progress_bar_on_a_terminal_counts_down_to_a_known_total(tmp_path: Path) -> None:
    """Issue 13: on a terminal, ingest shows articles done of how many, and the time left."""
    import os
    import pty

    news = tmp_path / "news"
    news.mkdir()
    for number in range(3):
        (news / f"{number}.txt").write_text(f"Protesters marched in Tehran on day {number}.\n", encoding="utf-8")
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "eventwire", "ingest", str(news), "--db", str(tmp_path / "news.duckdb"),
               "--workers", "1"]
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "160"}
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
                          env=env) as process:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
        assert process.wait(timeout=120) == 0, shown.decode(errors="replace")
    os.close(leader)
    text = shown.decode("utf-8", errors="replace")
    assert "of 3" in text and "ETA" in text and "articles" in text, text
