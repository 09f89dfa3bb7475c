"""A real uvicorn server on loopback over a DuckDB store of coded reports."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.evaluate.clusters import load_reports
from eventwire.model import Document
from eventwire.pipeline import process
from eventwire.store import Store

TOKEN = "test-token-1234"


@pytest.fixture(scope="session")
def served_db(tmp_path_factory, ctx) -> Path:
    db = tmp_path_factory.mktemp("serve") / "served.duckdb"
    documents = [Document(source=f"reports#{r['id']}", content=r["text"], url=r["url"], published=r["published"],
                          title=r["title"]) for r in load_reports("tune")]
    with Store.open(db) as store:
        store.add_all(process(documents, ctx))
    return db


@pytest.fixture(scope="session")
def server(served_db: Path, ctx) -> Iterator[str]:
    import uvicorn

    from eventwire.serve.api import create_app

    app = create_app(str(served_db), token=TOKEN, max_body_bytes=64 * 1024)
    app.state.server._ctx = ctx  # the session's loaded pipeline, as the server would load its own
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


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
