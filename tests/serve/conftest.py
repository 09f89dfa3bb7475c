"""A real uvicorn server on loopback over a DuckDB store of coded reports."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from eventwire.evaluate.clusters import load_reports
from eventwire.model import Article, Document, Failure
from eventwire.pipeline import process
from eventwire.store import Store

TOKEN = "test-token-1234"


@pytest.fixture(scope="session")
def coded_reports(ctx) -> list[Article | Failure]:
    """The clustering set's tuning reports, coded once for every store the tests make."""
    documents = [Document(source=f"reports#{r['id']}", content=r["text"], url=r["url"], published=r["published"],
                          title=r["title"]) for r in load_reports("tune")]
    return list(process(documents, ctx))


def make_store(target: str | Path, coded: list[Article | Failure]) -> str:
    """Store the coded reports at `target` (a DuckDB file or a PostgreSQL URL); return it as text."""
    with Store.open(target) as store:
        store.add_all(coded)
    return str(target)


@pytest.fixture(scope="session")
def served_db(tmp_path_factory, coded_reports) -> Path:
    db = tmp_path_factory.mktemp("serve") / "served.duckdb"
    make_store(db, coded_reports)
    return db


@pytest.fixture(scope="session")
def server(served_db: Path, ctx) -> Iterator[str]:
    with serving(str(served_db), ctx, max_body_bytes=64 * 1024) as url:
        yield url


@contextmanager
def serving(db: str, ctx, **options) -> Iterator[str]:
    """The API over the store `db` (writable with TOKEN) on a real uvicorn server on loopback; its URL."""
    from eventwire.serve.api import create_app
    from eventwire.serve.background import serving_in_thread

    app = create_app(db, token=TOKEN, **options)
    app.state.server._ctx = ctx  # the session's loaded pipeline, as the server would load its own
    try:
        with serving_in_thread(app) as port:
            yield f"http://127.0.0.1:{port}"
    finally:
        app.state.server.store.close()


def call(url: str, *, method: str = "GET", body: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict | list | str, dict]:
    """One HTTP request; the status, the JSON (or text) body and the headers."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, raw, found = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, raw, found = error.code, error.read(), dict(error.headers)
    text = raw.decode("utf-8")
    try:
        return status, json.loads(text), found
    except json.JSONDecodeError:
        return status, text, found
