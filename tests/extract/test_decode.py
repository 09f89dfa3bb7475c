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


UTF8_LINE = "Talks in Genève resumed on Monday, the minister’s office said."
CP1252_LINE = "Café owners in Besançon – “we stay open” – paid £40."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # issue 16: a few damaged bytes in UTF-8 become U+FFFD, the rest stays right (no mojibake)
        ((UTF8_LINE + "\n").encode() * 20 + b"A stray \xff\xfe byte and a cut \xc3 lead.\n",
         (UTF8_LINE + "\n") * 20 + "A stray \ufffd\ufffd byte and a cut \ufffd lead.\n"),
        ((UTF8_LINE[:20]).encode() + b"\xe2\x80" + UTF8_LINE[20:].encode(),
         UTF8_LINE[:20] + "\ufffd" + UTF8_LINE[20:]),
        # mixed encodings: each line in its own (a UTF-8 file with pasted cp1252 lines, and the reverse)
        (UTF8_LINE.encode() + b"\n" + CP1252_LINE.encode("cp1252") + b"\r\n" + UTF8_LINE.encode(),
         UTF8_LINE + "\n" + CP1252_LINE + "\r\n" + UTF8_LINE),
        ((CP1252_LINE + "\n").encode("cp1252") * 5 + UTF8_LINE.encode(), (CP1252_LINE + "\n") * 5 + UTF8_LINE),
    ],
)
def test_issue_16_damaged_and_mixed_utf8(data: bytes, expected: str) -> None:
    check_binary(data)
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Genève ".encode() * 20 + b"\xff\xc3( " * 20, r"read as UTF-8 with damaged bytes, .* cannot be trusted"),
        (UTF8_LINE.encode() + b"\n" + b"\xc3(\xe2\x28\xa1 \xff\xfe\xf0\x28\x8c\xbc " * 40, "no encoding"),
    ],
)
def test_issue_16_mostly_damaged_utf8_is_undecodable(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableDocument, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [SENTENCE, "東京で外相会談が開かれた。 The ministers met in Tokyo.\n"])
def test_issue_16_utf16_without_bom(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    check_binary(data)  # no longer refused as binary for its NUL bytes
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café owners in Besançon paid £40 for the ‘permit’ – twice.", "cp1252"),
        ("Señor Müller, né à Besançon, paid £40.", "latin-1"),
        ("東京で外相会談が開かれた。両国の外相は停戦について協議した。", "shift_jis"),
        ("外務省によると、会談は二時間続いた。" * 3, "shift_jis"),
    ],
)
def test_issue_16_legacy_encodings(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_issue_16_binary_with_nul_bytes_still_refused() -> None:
    rng = random.Random(16)
    with pytest.raises(BinaryDocument):
        check_binary(bytes(rng.randrange(256) for _ in range(4000)))
