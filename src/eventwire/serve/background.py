"""Run an app on a uvicorn server on loopback in a background thread (tests, benchmarks, notebooks)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

START_SECONDS = 30


@contextmanager
def serving_in_thread(app: Any) -> Iterator[int]:
    """Serve `app` on 127.0.0.1 at a free port until the block ends; yield the port.

    Example:
        >>> with serving_in_thread(create_app("news.duckdb")) as port:
        ...     urllib.request.urlopen(f"http://127.0.0.1:{port}/health")
    """
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not running.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    if not running.started:
        running.should_exit = True
        raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
    try:
        yield port
    finally:
        running.should_exit = True
        thread.join(timeout=30)
