"""`eventwire serve` as users start it: a process listening on loopback."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from eventwire.evaluate.clusters import load_reports

from .conftest import call


def _start(arguments: list[str], cwd: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--port", str(port), *arguments],
                               cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if call(f"{url}/health")[0] == 200:
                return process, url
        except OSError:
            pass
        time.sleep(0.25)
    process.kill()
    raise AssertionError(f"the server did not start: {process.communicate()[1]}")


def test_serve_without_a_store_serves_the_bundled_example(tmp_path: Path) -> None:
    process, url = _start([], tmp_path)
    try:
        status, health, _ = call(f"{url}/health")
        assert health["articles"] == len(load_reports()) and not health["writable"]
        assert call(f"{url}/events?sort=-reports&limit=1")[1]["items"][0]["n_articles"] >= 6
        body = json.dumps({"text": "Police arrested protesters."}).encode()
        assert call(f"{url}/ingest", method="POST", body=body,
                    headers={"Content-Type": "application/json"})[0] == 403  # read-only: no token
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    assert not list(tmp_path.iterdir())  # the example store was temporary
