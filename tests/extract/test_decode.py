"""Bytes to text: binary refusal, UTF-8, declared charsets, cp1252 and detection."""

from __future__ import annotations

import codecs
import random

import pytest

from eventwire.errors import BinaryDocument, UndecodableDocument
from eventwire.extract.decode import check_binary, declared_charsets, decode_bytes

SENTENCE = "The minister said “we will not retreat” – and left Besançon’s café at 9 p.m."


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"Iran fired missiles\x00\x00\x01 at bases", "NUL"),
        (bytes(range(1, 9)) * 40 + b"some text", "control"),
    ],
)
def test_check_binary_refuses(data: bytes, fragment: str) -> None:
    with pytest.raises(BinaryDocument, match=fragment):
        check_binary(data)


@pytest.mark.parametrize(
    "data",
    [
        b"Iran fired missiles at two bases.\n\tTabs and\r\nCRLF are fine.",
        SENTENCE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
        "Escape \x1b codes are rare but textual.".encode(),
    ],
)
def test_check_binary_accepts_text(data: bytes) -> None:
    check_binary(data)  # raises BinaryDocument on rejection
    assert any(char.isalpha() for char in decode_bytes(data))


@pytest.mark.parametrize(
    ("data", "media_type", "expected"),
    [
        (SENTENCE.encode("utf-8"), "", SENTENCE),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "", SENTENCE),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "", SENTENCE),
        (SENTENCE.encode("cp1252"), "", SENTENCE),
        ("Café owners in Besançon paid £40.".encode("latin-1"), "", "Café owners in Besançon paid £40."),
        ("Żółw w Gdańsku".encode("iso-8859-2"), "text/plain; charset=iso-8859-2", "Żółw w Gdańsku"),
        ('<meta charset="windows-1251"><p>Москва</p>'.encode("cp1251"), "text/html",
         '<meta charset="windows-1251"><p>Москва</p>'),
    ],
)
def test_decode_bytes(data: bytes, media_type: str, expected: str) -> None:
    assert decode_bytes(data, media_type) == expected


def test_decode_bytes_refuses_noise() -> None:
    rng = random.Random(7)
    noise = bytes(rng.choice([*range(0x80, 0x100), *b"ab "]) for _ in range(600))
    with pytest.raises(UndecodableDocument, match="EW103"):
        decode_bytes(noise)


@pytest.mark.parametrize(
    ("data", "media_type", "expected"),
    [
        (b"<html><head><meta charset='ISO-8859-1'>", "", ("cp1252",)),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "", ("koi8-r",)),
        (b"plain", "text/html; charset=Shift_JIS", ("Shift_JIS",)),
        (b"plain", "text/plain", ()),
    ],
)
def test_declared_charsets(data: bytes, media_type: str, expected: tuple[str, ...]) -> None:
    assert declared_charsets(data, media_type) == expected
