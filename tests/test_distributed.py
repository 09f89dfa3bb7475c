"""The Ray engine on a real local Ray cluster the tests start: what the local pool gives, in order."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.model import Article, Document, Failure
from eventwire.store import Store

from test_parallel import OPTIONS, _documents, _summary

if os.environ.get("EVENTWIRE_REQUIRE_RAY") != "1":
    pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'eventwire[ray]'")


@pytest.fixture(scope="module")
def sequential() -> list[Article | Failure]:
    from eventwire.context import Context
    from eventwire.pipeline import process

    return list(process(_documents(), Context(OPTIONS)))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> str:
    """A one-node Ray cluster (2 CPUs) started with `ray start --head`; its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ray = Path(sys.executable).parent / "ray"
    folder = Path(tempfile.mkdtemp(prefix="ray-"))  # short: Ray's socket paths must fit in 107 bytes
    os.environ["RAY_AUTH_MODE"] = "disabled"  # a test cluster on loopback, for this process and the CLI's
    subprocess.run([ray, "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}", "--num-cpus=2",
                    "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={folder}"],
                   check=True, capture_output=True)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([ray, "stop", "--force"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


class _Killer(str):
    """A text that ends the process that unpickles it: a document that kills its Ray actor."""

    def __reduce__(self):
        return (os._exit, (1,))


def test_ray_actors_give_what_one_process_gives(cluster: str, sequential: list[Article | Failure]) -> None:
    from eventwire.distributed import process_ray

    coded = list(process_ray(_documents(), OPTIONS, address=cluster, actors=2))
    assert _summary(coded) == _summary(sequential)
    assert [item.code for item in coded if isinstance(item, Failure)] == ["EW101"]


def test_a_document_that_kills_its_actor_is_a_failure_and_the_run_goes_on(
        cluster: str, sequential: list[Article | Failure]) -> None:
    from eventwire.distributed import process_ray

    documents = _documents()
    documents.insert(7, Document(source="killer", content=_Killer("Police arrested protesters in Lagos today.")))
    coded = list(process_ray(documents, OPTIONS, address=cluster, actors=2))
    assert [(item.source, item.code) for item in coded if isinstance(item, Failure)] == [
        ("empty", "EW101"), ("killer", "EW109")]
    assert _summary([item for item in coded if item.source != "killer"]) == _summary(sequential)


def test_ingest_on_ray_stores_and_writes_what_the_local_pool_stores(cluster: str, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for number, document in enumerate(_documents()):
        (folder / f"{number:02d}.txt").write_text(document.content, encoding="utf-8")
    runner = CliRunner()
    local, on_ray, dataset = tmp_path / "local.duckdb", tmp_path / "ray.duckdb", tmp_path / "events"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(local), "--workers", "2", "--quiet",
                                 "--published", "2020-01-08"])
    assert result.exit_code == 0, result.output
    for _ in range(2):  # the second run adds nothing to the store and rewrites no file twice
        result = runner.invoke(app, ["ingest", str(folder), "--db", str(on_ray), "-o", str(dataset), "--quiet",
                                     "--engine", "ray", "--address", cluster, "--published", "2020-01-08"])
        assert result.exit_code == 0, result.output
    assert "0 added, 14 already stored, 1 failed" in result.stderr
    with Store.open(local, read_only=True) as expected, Store.open(on_ray, read_only=True) as store:
        assert store.counts() == expected.counts()
        rows = expected.events(limit=None)
        assert store.events(limit=None) == rows and rows
        assert all(store.article(i) == expected.article(i) for i in expected.article_ids())
    table = ds.dataset(dataset, format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted(row["event_id"] for row in table) == sorted(row["event_id"] for row in rows)
    assert {row["month"] for row in table} == {row["date_start"][:7] for row in rows if row["date_start"]}
    by_id = {row["event_id"]: row for row in rows}
    assert all(row["type"] == by_id[row["event_id"]]["type"] and row["article_url"] is None for row in table)


def test_ray_engine_without_a_cluster_is_a_clear_error(tmp_path: Path, fixtures: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here
    result = CliRunner().invoke(app, ["ingest", str(fixtures / "iran_bases_article.txt"), "--quiet",
                                      "--db", str(tmp_path / "x.duckdb"), "--engine", "ray",
                                      "--address", f"127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"EW601 cannot reach the Ray cluster at 127.0.0.1:{port}: Connection refused")
