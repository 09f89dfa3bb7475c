"""Store faults (issues 13, 16): a full disk or a killed ingest leaves a store of whole articles.

The ingest runs as a process under a file size limit (RLIMIT_FSIZE, as a full disk) or is
killed with SIGKILL while it writes, into a DuckDB file or a PostgreSQL database;
afterwards the store opens, every article in it is the article an uninterrupted run stores,
with all its records and no orphan rows, and the same command run again completes it
without duplicates. Two ingests of overlapping inputs into one PostgreSQL database at once
store every article once.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store
from eventwire.store.database import RECORD_TABLES

from .conftest import run_sql

CITIES = ("Geneva", "Vienna", "Baghdad", "Tehran", "Kabul", "Cairo", "Ankara", "Doha", "Riyadh", "Amman",
          "Beirut", "Damascus", "Sanaa", "Muscat", "Kuwait City", "Paris")
# three reports from each city: enough articles still to come when a kill point is reached,
# however fast the workers run ahead of the writer
ARTICLES = tuple((city, round) for round in range(3) for city in CITIES)
TEXT = ("Talks resume in {city}\n\nThe foreign ministers of France and Iran met in {city} on Monday to resume "
        "talks on the nuclear deal. Protesters gathered outside the hall and police arrested {number} people, "
        'officials said. "We will not accept threats," the Iranian minister told reporters in {city}.')


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "news"
    folder.mkdir()
    for number, (city, _) in enumerate(ARTICLES):
        (folder / f"{number:02d}.txt").write_text(TEXT.format(city=city, number=number + 2), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The store an uninterrupted ingest of the corpus makes."""
    db = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def ingest_process(corpus: Path, db: Path | str, preexec_fn=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db), "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec_fn,
    )


def stored_tables(db: Path | str) -> int:
    return run_sql(str(db), "SELECT count(*) FROM information_schema.tables"
                            " WHERE table_schema IN ('main', 'public')")[0][0]


def assert_whole_articles(db: Path | str, reference: Path) -> int:
    """Assert the store opens and holds only whole reference articles; return how many."""
    db = str(db)
    if not stored_tables(db):
        return 0  # killed before the tables were made: made, all at once, by the next run
    for table in RECORD_TABLES:
        [(orphans,)] = run_sql(db, f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == 0, table
    stored = [article_id for (article_id,) in run_sql(db, "SELECT id FROM articles")]
    with Store.open(db, read_only=True) as store, Store.open(reference, read_only=True) as expected:
        for article_id in stored:  # with every sentence, actor, place, time, event and quote
            assert store.article(article_id) == expected.article(article_id)
    return len(stored)


def assert_completed_by_a_rerun(corpus: Path, db: Path | str, reference: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert_same_store(db, reference)


def assert_same_store(db: Path | str, reference: Path) -> None:
    """The same articles and records as the reference store, the same event ids and rows."""
    with Store.open(db, read_only=True) as store, Store.open(reference, read_only=True) as expected:
        assert {k: v for k, v in store.counts().items() if k != "failures"} == (
            {k: v for k, v in expected.counts().items() if k != "failures"})
        assert [row["event_id"] for row in store.events(limit=None)] == (
            [row["event_id"] for row in expected.events(limit=None)])
        for article_id in expected.article_ids():  # the same file may have been read from another folder
            found, wanted = store.article(article_id), expected.article(article_id)
            assert dataclasses.replace(found, source=Path(found.source).name) == (
                dataclasses.replace(wanted, source=Path(wanted.source).name))


def test_issue_16_full_disk_stops_the_ingest_with_whole_articles(corpus, reference, tmp_path):
    db = tmp_path / "full.duckdb"
    Store.open(db).close()  # the empty store, written before the disk fills
    limit = 100_000  # bytes: the write-ahead log reaches it after a few articles

    def fill_the_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    process = ingest_process(corpus, db, fill_the_disk)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1, stderr
    assert stderr.startswith(f"EW402 cannot write store '{db}' (article '"), stderr
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    stored = assert_whole_articles(db, reference)
    assert 0 < stored < len(ARTICLES)
    assert_completed_by_a_rerun(corpus, db, reference)


@pytest.mark.parametrize("written", [0, 1, 40_000],
                         ids=["while-loading", "at-the-first-commit", "after-some-articles"])
def test_issue_16_killed_ingest_leaves_whole_articles(corpus, reference, tmp_path, written):
    """SIGKILL once the write-ahead log holds `written` bytes (0: before anything is written)."""
    db = tmp_path / "killed.duckdb"
    wal = Path(f"{db}.wal")
    process = ingest_process(corpus, db)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if (wal.exists() and wal.stat().st_size >= written) if written else db.exists():
            break
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    if db.exists():
        assert_whole_articles(db, reference)
    assert_completed_by_a_rerun(corpus, db, reference)


def stored_articles(db: str) -> int:
    return run_sql(db, "SELECT count(*) FROM articles")[0][0] if stored_tables(db) > 1 else -1


@pytest.mark.parametrize("stored", [-1, 1, len(ARTICLES) // 4],
                         ids=["before-the-first-article", "after-the-first-article", "after-some-articles"])
def test_issue_13_killed_postgres_ingest_resumes(corpus, reference, postgres_url, stored):
    """SIGKILL once the PostgreSQL store holds `stored` articles (-1: once its tables are made)."""
    process = ingest_process(corpus, postgres_url)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if stored_articles(postgres_url) >= stored:
            break
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert assert_whole_articles(postgres_url, reference) < len(ARTICLES)  # killed before it ended
    assert_completed_by_a_rerun(corpus, postgres_url, reference)
    assert_completed_by_a_rerun(corpus, postgres_url, reference)  # a third run adds nothing


def test_issue_13_overlapping_ingests_into_one_postgres_store_at_once(corpus, reference, postgres_url, tmp_path):
    """Two ingests, started together into a new database, share half their inputs: all stored once."""
    files = sorted(corpus.iterdir())
    halves = []
    for name, chosen in (("first", files[: 3 * len(files) // 4]), ("second", files[len(files) // 4:])):
        folder = tmp_path / name
        folder.mkdir()
        for path in chosen:
            (folder / path.name).write_bytes(path.read_bytes())
        halves.append(folder)
    processes = [ingest_process(folder, postgres_url) for folder in halves]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    with Store.open(postgres_url, read_only=True) as store:
        assert store.failures() == []
    assert_same_store(postgres_url, reference)
