"""Fixtures of the ingest tests: a web archive written with warcio, a loopback HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .archive import write_warc


@pytest.fixture
def warc_file(tmp_path: Path) -> Path:
    return write_warc(tmp_path / "crawl.warc.gz")


# path -> (status, content type, body)
Routes = dict[str, tuple[int, str, bytes]]


@pytest.fixture
def http_server() -> Iterator[Callable[[Routes], tuple[str, list[dict[str, str]]]]]:
    """Start a loopback HTTP server for given routes; return its base URL and the request headers seen."""
    servers: list[ThreadingHTTPServer] = []

    def start(routes: Routes) -> tuple[str, list[dict[str, str]]]:
        seen: list[dict[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                seen.append(dict(self.headers))
                status, content_type, body = routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}", seen

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
