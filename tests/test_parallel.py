"""Worker processes: the same articles, in the same order, as one process; a killed worker loses nothing."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from eventwire.context import Context
from eventwire.model import Article, Document, Failure
from eventwire.options import Options
from eventwire.pipeline import process, process_parallel

CITIES = ("Baghdad", "Kabul", "Nairobi", "Lagos", "Caracas", "Manila", "Dhaka", "Quito")
OPTIONS = Options(batch_size=3)


def _documents() -> list[Document]:
    documents = [
        Document(source=f"doc-{n}", content=(
            f"Police in {CITIES[n % len(CITIES)]} arrested {n + 2} protesters on Monday, officials said. "
            f"The protesters had blocked a road near the ministry for {n + 1} hours."))
        for n in range(14)
    ]
    documents.insert(5, Document(source="empty", content=""))  # a bad document mid-stream
    return documents


def _summary(items: list[Article | Failure]) -> list[tuple]:
    return [(item.source, item.code) if isinstance(item, Failure)
            else (item.source, item.id, tuple((event.type, event.id, event.confidence) for event in item.events))
            for item in items]


@pytest.fixture(scope="module")
def sequential() -> list[Article | Failure]:
    return list(process(_documents(), Context(OPTIONS)))


def test_two_workers_give_what_one_process_gives(sequential: list[Article | Failure]) -> None:
    parallel = list(process_parallel(_documents(), OPTIONS, workers=2))
    assert _summary(parallel) == _summary(sequential)
    assert sum(len(item.events) for item in parallel if isinstance(item, Article)) > 0
    assert [item.code for item in parallel if isinstance(item, Failure)] == ["EW101"]


def test_known_articles_are_not_coded(sequential: list[Article | Failure]) -> None:
    coded = [item for item in sequential if isinstance(item, Article) and item.events]
    known = frozenset({coded[0].id, coded[-1].id})
    parallel = list(process_parallel(_documents(), OPTIONS, workers=2, known=known))
    assert [item.id for item in parallel if isinstance(item, Article) and not item.events] == [
        coded[0].id, coded[-1].id]
    assert len(parallel) == len(sequential)


def test_killed_worker_loses_nothing(sequential: list[Article | Failure]) -> None:
    results = process_parallel(_documents(), OPTIONS, workers=2)
    parallel = [next(results)]
    workers = multiprocessing.active_children()
    assert workers
    for child in workers:
        os.kill(child.pid, signal.SIGKILL)
    parallel.extend(results)
    assert _summary(parallel) == _summary(sequential)


def test_small_input_is_coded_in_this_process(sequential: list[Article | Failure]) -> None:
    before = set(multiprocessing.active_children())
    results = process_parallel(_documents()[:2], OPTIONS, workers=2)
    first = next(results)
    assert set(multiprocessing.active_children()) == before
    assert _summary([first, *results]) == _summary(sequential[:2])


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app
    from eventwire.store import Store

    folder = tmp_path / "news"
    folder.mkdir()
    for number, document in enumerate(_documents()):
        (folder / f"{number:02d}.txt").write_text(document.content, encoding="utf-8")
    stored = []
    for workers in ("1", "2"):
        db = tmp_path / f"workers{workers}.duckdb"
        result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", workers, "--quiet"])
        assert result.exit_code == 0, result.output
        assert "14 added, 0 already stored, 1 failed" in result.stderr
        with Store.open(db, read_only=True) as store:
            stored.append(sorted((row["event_id"], row["type"], row["confidence"]) for row in store.events()))
    assert stored[0] == stored[1] and stored[0]


class _Unpicklable(str):
    def __reduce__(self):
        raise TypeError("this text cannot be sent to a worker")


def test_a_document_that_cannot_reach_a_worker_is_a_failure(sequential: list[Article | Failure]) -> None:
    documents = _documents()
    documents.insert(7, Document(source="odd", content=_Unpicklable("Police arrested protesters in Lagos today.")))
    parallel = list(process_parallel(documents, OPTIONS, workers=2))
    failures = [(item.source, item.code) for item in parallel if isinstance(item, Failure)]
    assert failures == [("empty", "EW101"), ("odd", "EW900")]
    assert _summary([item for item in parallel if item.source != "odd"]) == _summary(sequential)
