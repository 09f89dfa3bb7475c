"""Read JSON Lines (or a JSON array) of article records: text or HTML plus metadata."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventwire.errors import DocumentTooLarge, EmptyDocument, ReadError
from eventwire.ingest.names import printable_source
from eventwire.model import Document, Failure
from eventwire.options import Options

TEXT_FIELDS = ("text",)
HTML_FIELDS = ("html", "content", "body")
DATE_FIELDS = ("published", "date", "publish_date")
# the rest of a line over the limit is skipped in reads of this many bytes
SKIP_BYTES = 1 << 20
_TAG = re.compile(r"<[A-Za-z][^>]*>")


def read_jsonl(data: bytes | BinaryIO, source: str, options: Options | None = None) -> Iterator[Document | Failure]:
    """Read records, one JSON object a line; a bad line becomes a `Failure` and reading goes on.

    A record gives its text in `text` (plain) or `html`/`content`/`body` (HTML or text), and
    may give `url`, `published`/`date`/`publish_date`, `title` and `id`. Each document's
    source is "path#<id>" when the record has an id, else "path#L<line>". A line nested too
    deep for the JSON decoder is a bad line like any other (EW201); a line over
    `options.max_line_bytes` is skipped unread (EW104). `data` may be a binary stream, read
    a line at a time (a whole-file JSON array or pretty-printed object needs bytes). A file
    without a single record is one `Failure` (EW101).

    Example:
        >>> [d.url for d in read_jsonl(b'{"text": "Iran fired.", "url": "https://x.org/1"}', "a.jsonl")]
        ['https://x.org/1']
    """
    options = options or Options()
    if isinstance(data, bytes):
        whole = _whole_json(data)
        if isinstance(whole, list):
            if not whole:
                yield Failure(source, EmptyDocument.code, f"{source}: empty JSON array (no records)")
            for index, record in enumerate(whole):
                yield record_document(record, source, f"item {index}", f"#{index}")
            return
        data = io.BytesIO(data)
    empty = True
    for number, line in enumerate(_bounded_lines(data, options.max_line_bytes), start=1):
        if line is None:
            empty = False
            yield Failure(f"{source}#L{number}", DocumentTooLarge.code,
                          f"{source} line {number}: over max_line_bytes={options.max_line_bytes:,}")
            continue
        if not line.strip():
            continue
        empty = False
        yield _line_item(line, source, number)
    if empty:
        yield Failure(source, EmptyDocument.code, f"{source}: empty JSON Lines file (no records)")


def _line_item(line: bytes, source: str, number: int) -> Document | Failure:
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        return Failure(f"{source}#L{number}", ReadError.code, f"{source} line {number}: invalid JSON: {error}")
    except RecursionError:
        return Failure(f"{source}#L{number}", ReadError.code,
                       f"{source} line {number}: invalid JSON: nested too deep to decode")
    return record_document(record, source, f"line {number}", f"#L{number}")


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Yield each line of `stream`; None for a line over `max_bytes`, whose rest is skipped unread."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(SKIP_BYTES)
            yield None
        else:
            yield line


def record_document(record: Any, source: str, where: str, anchor: str) -> Document | Failure:
    """Turn one decoded record into a `Document` (or a `Failure` naming the file and place)."""
    if not isinstance(record, dict):
        return Failure(f"{source}{anchor}", ReadError.code,
                       f"{source} {where}: a record must be a JSON object, not {type(record).__name__}")
    record_id = record.get("id")
    located = printable_source(f"{source}#{record_id}" if record_id not in (None, "") else source + anchor)
    content, media_type = _content(record)
    if content is None:
        fields = "/".join((*TEXT_FIELDS, *HTML_FIELDS))
        return Failure(located, ReadError.code, f"{source} {where}: no text in any of the fields {fields}")
    published = next((record[key] for key in DATE_FIELDS if record.get(key) not in (None, "")), None)
    return Document(
        source=located,
        content=content,
        url=_string(record.get("url")),
        published=None if published is None else str(published),
        title=_string(record.get("title")),
        media_type=media_type,
    )


def _content(record: dict[str, Any]) -> tuple[str | None, str]:
    for key in TEXT_FIELDS:
        if isinstance(record.get(key), str):
            return record[key], "text/plain"
    for key in HTML_FIELDS:
        value = record.get(key)
        if isinstance(value, str):
            return value, "text/html" if key == "html" or _TAG.search(value) else "text/plain"
    return None, "text/plain"


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _whole_json(data: bytes) -> Any:
    """The decoded file when it is one JSON value spanning lines (an array or one object).

    None when it is not, or is nested too deep to decode whole: its lines are read one by one.
    """
    stripped = data.lstrip()
    if not stripped.startswith((b"[", b"{")):
        return None
    if stripped.startswith(b"{") and b"\n" not in stripped.strip():
        return None
    try:
        whole = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return [whole] if isinstance(whole, dict) else whole
