"""Test helper: write small web archives with warcio (no binary files in the repo)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_URL = "https://news.example.org/world/2020/iran-bombs-us-bases-in-iraq"
UNDATED_URL = "https://wire.example.org/world/talks-resume"
TEXT_URL = "https://wire.example.org/world/flood.txt"
UNDATED_PAGE = (
    "<!DOCTYPE html><html><head><title>Talks resume in Geneva</title></head><body><article>"
    "<h1>Talks resume in Geneva</h1><p>The foreign ministers of the two countries met in Geneva on Monday "
    "to discuss the ceasefire, which has largely held since it was agreed in March, officials said.</p>"
    "</article></body></html>"
).encode()

# (record type, url, http status, content type, payload, WARC-Date)
WARC_RECORDS = (
    ("request", SEED_URL, None, None, b"", "2020-01-10T08:00:00Z"),
    ("response", SEED_URL, "200 OK", "text/html; charset=utf-8",
     (FIXTURES / "iran_bases_article.html").read_bytes(), "2020-01-10T08:00:01Z"),
    ("response", "https://news.example.org/logo.png", "200 OK", "image/png",
     b"\x89PNG\r\n\x1a\n\x00\x00", "2020-01-10T08:00:02Z"),
    ("response", "https://news.example.org/missing", "404 Not Found", "text/html",
     b"<html><body><p>Not found</p></body></html>", "2020-01-10T08:00:03Z"),
    ("response", UNDATED_URL, "200 OK", "text/html", UNDATED_PAGE, "2021-03-15T09:31:00Z"),
    ("response", TEXT_URL, "200 OK", "text/plain",
     b"Flood waters recede\n\nFlood waters began to recede on Tuesday in the delta.", "2021-03-16T10:00:00Z"),
    ("resource", "https://news.example.org/notes.txt", None, "text/plain", b"Not a response.",
     "2020-01-10T08:00:04Z"),
)


def write_warc(path: Path, records=WARC_RECORDS, *, gzip: bool = True) -> Path:  # noqa: ANN001
    """Write `records` into a WARC file at `path` with warcio and return the path."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for record_type, url, status, content_type, payload, date in records:
            http_headers = None
            if record_type == "response":
                http_headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            elif record_type == "request":
                http_headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            warc_headers = {"WARC-Date": date}
            record = writer.create_warc_record(
                url, record_type, payload=io.BytesIO(payload), http_headers=http_headers,
                warc_content_type=content_type if record_type == "resource" else None,
                warc_headers_dict=warc_headers,
            )
            writer.write_record(record)
    return path
