"""Make source names printable: file names with undecodable bytes, ids with lone surrogates."""

from __future__ import annotations


def printable_source(name: str) -> str:
    """Return `name` with undecodable bytes and lone surrogates written as backslash escapes.

    A file name that is not UTF-8 reaches Python with its bad bytes as surrogate escapes
    (PEP 383); such a name cannot be written to the store, to JSON or to a terminal. Each
    bad byte becomes `\\xNN`, any other lone surrogate `\\uNNNN`; other names are unchanged.

    Example:
        >>> printable_source(os.fsdecode(b"news/bad\\xff.txt"))
        'news/bad\\\\xff.txt'
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte, e.g. from a JSON "\ud800"
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
