"""Make source names printable: file names with undecodable bytes, ids with lone surrogates."""

from __future__ import annotations

import re

# a name longer than this (a URI or record id from a hostile file, say) is cut, marked with "..."
MAX_SOURCE_CHARS = 2_000
# control characters (a newline in a file name or record id) would break the one-line messages
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable_source(name: str) -> str:
    """Return `name` with undecodable bytes and lone surrogates written as backslash escapes.

    A file name that is not UTF-8 reaches Python with its bad bytes as surrogate escapes
    (PEP 383); such a name cannot be written to the store, to JSON or to a terminal. Each
    bad byte becomes `\\xNN`, any other lone surrogate `\\uNNNN`; other names are unchanged,
    but for one over `MAX_SOURCE_CHARS`, which is cut there, and control characters, which
    become `\\xNN` too.

    Example:
        >>> printable_source(os.fsdecode(b"news/bad\\xff.txt"))
        'news/bad\\\\xff.txt'
    """
    if len(name) > MAX_SOURCE_CHARS:
        name = name[:MAX_SOURCE_CHARS] + "..."
    name = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", name)
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte, e.g. from a JSON "\ud800"
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
