"""Read JSON Lines (or a JSON array) of article records: text or HTML plus metadata."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from eventwire.errors import ReadError
from eventwire.ingest.names import printable_source
from eventwire.model import Document, Failure

TEXT_FIELDS = ("text",)
HTML_FIELDS = ("html", "content", "body")
DATE_FIELDS = ("published", "date", "publish_date")
_TAG = re.compile(r"<[A-Za-z][^>]*>")


def read_jsonl(data: bytes, source: str) -> Iterator[Document | Failure]:
    """Read records, one JSON object a line; a bad line becomes a `Failure` and reading goes on.

    A record gives its text in `text` (plain) or `html`/`content`/`body` (HTML or text), and
    may give `url`, `published`/`date`/`publish_date`, `title` and `id`. Each document's
    source is "path#<id>" when the record has an id, else "path#L<line>". A line nested too
    deep for the JSON decoder is a bad line like any other.

    Example:
        >>> [d.url for d in read_jsonl(b'{"text": "Iran fired.", "url": "https://x.org/1"}', "a.jsonl")]
        ['https://x.org/1']
    """
    whole = _whole_json(data)
    if isinstance(whole, list):
        for index, record in enumerate(whole):
            yield record_document(record, source, f"item {index}", f"#{index}")
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, UnicodeDecodeError) as error:
            yield Failure(f"{source}#L{number}", ReadError.code, f"{source} line {number}: invalid JSON: {error}")
            continue
        except RecursionError:
            yield Failure(f"{source}#L{number}", ReadError.code,
                          f"{source} line {number}: invalid JSON: nested too deep to decode")
            continue
        yield record_document(record, source, f"line {number}", f"#L{number}")


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
