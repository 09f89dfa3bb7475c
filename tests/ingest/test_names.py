"""Printable source names: undecodable bytes and lone surrogates as backslash escapes."""

from __future__ import annotations

import os

import pytest

from eventwire.ingest import printable_source


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("news/a.txt", "news/a.txt"),
        ("news/café.txt", "news/café.txt"),
        (os.fsdecode(b"news/bad\xff.txt"), "news/bad\\xff.txt"),
        (os.fsdecode(b"\xc3(\xa0\xa1"), "\\xc3(\\xa0\\xa1"),
        ("a.jsonl#\ud800", "a.jsonl#\\ud800"),
        (os.fsdecode(b"\xff") + "\ud800", "\\udcff\\ud800"),
    ],
)
def test_printable_source(name: str, expected: str) -> None:
    assert printable_source(name) == expected
    printable_source(name).encode("utf-8")
