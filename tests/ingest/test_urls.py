"""URLs fetched from a loopback server; network errors become failures."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from eventwire.extract import to_article
from eventwire.ingest import read_sources, read_url
from eventwire.ingest.urls import USER_AGENT
from eventwire.model import Document, Failure
from eventwire.options import Options

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_HTML = (FIXTURES / "iran_bases_article.html").read_bytes()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_html_page_is_fetched_with_user_agent(http_server) -> None:  # noqa: ANN001
    base, seen = http_server({"/news/1": (200, "text/html; charset=utf-8", SEED_HTML)})
    (document,) = read_sources([f"{base}/news/1"])
    assert document == Document(source=f"{base}/news/1", content=SEED_HTML, url=f"{base}/news/1",
                                media_type="text/html; charset=utf-8")
    assert seen[0]["User-Agent"] == USER_AGENT
    assert to_article(document, Options()).title == "Iran bombs U.S. bases in Iraq"


@pytest.mark.parametrize(
    ("content_type", "body", "sources"),
    [
        ("application/rss+xml", (FIXTURES / "ingest" / "news.rss").read_bytes(),
         ["#wire-2021-0001", "#https://wire.example.org/world/flood-waters-recede",
          "#https://wire.example.org/world/empty"]),
        ("application/x-ndjson", b'{"id": "r1", "text": "One."}\n{"text": "Two."}\n', ["#r1", "#L2"]),
        ("application/octet-stream", (FIXTURES / "ingest" / "news.atom").read_bytes(),
         ["#urn:example:wire:2021-0103", "#urn:example:wire:2021-0104"]),
        ("text/plain", b"Talks resume in Geneva\n\nBody.", [""]),
    ],
)
def test_other_content_is_read_by_kind(http_server, content_type: str, body: bytes,  # noqa: ANN001
                                       sources: list[str]) -> None:
    base, _ = http_server({"/feed": (200, content_type, body)})
    items = list(read_url(f"{base}/feed"))
    assert [item.source for item in items] == [f"{base}/feed{anchor}" for anchor in sources]


@pytest.mark.parametrize(("status", "fragment"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_http_error_is_a_failure(http_server, status: int, fragment: str) -> None:  # noqa: ANN001
    base, _ = http_server({"/bad": (status, "text/html", b"error page")})
    (failure,) = read_url(f"{base}/bad")
    assert isinstance(failure, Failure) and failure.code == "EW201" and fragment in failure.reason


@pytest.mark.parametrize(
    "url",
    [f"http://127.0.0.1:{closed_port()}/news", "http://nonexistent.invalid/news", "https://[::1"],
)
def test_network_error_is_a_failure(url: str) -> None:
    (failure,) = read_url(url, timeout=5)
    assert failure.source == url and failure.code == "EW201"
    assert failure.reason.startswith(f"cannot fetch {url}")
