"""Store faults (issue 16): a full disk or a killed ingest leaves a store of whole articles.

The ingest runs as a process under a file size limit (RLIMIT_FSIZE, as a full disk) or is
killed with SIGKILL while it writes; afterwards the store opens, every article in it is
the article an uninterrupted run stores, with all its records and no orphan rows, and the
same command run again completes it without duplicates.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store
from eventwire.store.database import RECORD_TABLES

CITIES = ("Geneva", "Vienna", "Baghdad", "Tehran", "Kabul", "Cairo", "Ankara", "Doha", "Riyadh", "Amman",
          "Beirut", "Damascus", "Sanaa", "Muscat", "Kuwait City", "Paris")
TEXT = ("Talks resume in {city}\n\nThe foreign ministers of France and Iran met in {city} on Monday to resume "
        "talks on the nuclear deal. Protesters gathered outside the hall and police arrested {number} people, "
        'officials said. "We will not accept threats," the Iranian minister told reporters in {city}.')


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "news"
    folder.mkdir()
    for number, city in enumerate(CITIES):
        (folder / f"{number:02d}.txt").write_text(TEXT.format(city=city, number=number + 2), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The store an uninterrupted ingest of the corpus makes."""
    db = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def ingest_process(corpus: Path, db: Path, preexec_fn=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec_fn,
    )


def assert_whole_articles(db: Path, reference: Path) -> int:
    """Assert the store opens and holds only whole reference articles; return how many."""
    with duckdb.connect(str(db), read_only=True) as connection:
        if not connection.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]:
            return 0  # killed before the tables were made: made, all at once, by the next run
        for table in RECORD_TABLES:
            (orphans,) = connection.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()
            assert orphans == 0, table
        stored = [article_id for (article_id,) in connection.execute("SELECT id FROM articles").fetchall()]
    with Store.open(db, read_only=True) as store, Store.open(reference, read_only=True) as expected:
        for article_id in stored:  # with every sentence, actor, place, time, event and quote
            assert store.article(article_id) == expected.article(article_id)
    return len(stored)


def assert_completed_by_a_rerun(corpus: Path, db: Path, reference: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store, Store.open(reference, read_only=True) as expected:
        assert {k: v for k, v in store.counts().items() if k != "failures"} == (
            {k: v for k, v in expected.counts().items() if k != "failures"})
        assert [row["event_id"] for row in store.events(limit=None)] == (
            [row["event_id"] for row in expected.events(limit=None)])


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
    assert 0 < stored < len(CITIES)
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
