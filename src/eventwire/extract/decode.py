"""Turn raw bytes into text: refuse binary files, then try UTF-8, declared charsets, detection."""

from __future__ import annotations

import codecs
import logging
import re

from eventwire.errors import BinaryDocument, UndecodableDocument

logger = logging.getLogger(__name__)

# (magic prefix, what it is) of binary formats met among scraped files
BINARY_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (or DOCX/XLSX/EPUB)"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) file"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media (WEBP/WAV/AVI)"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media"),
    (b"wOFF", "web font"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SAMPLE_BYTES = 65_536
MAX_CONTROL_SHARE = 0.05
MAX_CHAOS = 0.2
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PARAM_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def check_binary(data: bytes) -> None:
    """Raise `BinaryDocument` when `data` is a known binary format or full of control bytes.

    Example:
        >>> check_binary(b"%PDF-1.7 ...")
        Traceback (most recent call last):
        eventwire.errors.BinaryDocument: EW102 binary content (PDF), not text
    """
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryDocument(f"binary content ({kind}), not text")
    if _bom_encoding(data):
        return
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        raise BinaryDocument("binary content (NUL bytes), not text")
    controls = sum(1 for byte in sample if byte < 32 and byte not in _ALLOWED_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        share = controls / len(sample)
        raise BinaryDocument(f"binary content ({share:.0%} control bytes), not text")


def decode_bytes(data: bytes, media_type: str = "") -> str:
    """Decode `data`: byte-order mark, UTF-8, a declared charset, cp1252, then charset detection.

    The charset may be declared in `media_type` ("text/html; charset=iso-8859-1") or in
    an HTML `<meta charset>`. Raises `UndecodableDocument` when nothing decodes cleanly.

    Example:
        >>> decode_bytes("café".encode("cp1252"))
        'café'
    """
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as error:
            raise UndecodableDocument(f"byte-order mark says {bom} but the bytes are not: {error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for charset in declared_charsets(data, media_type):
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            logger.debug("declared charset %s does not decode the document", charset)
            continue
        return text
    western = _western(data)
    return western if western is not None else _detect(data)


def declared_charsets(data: bytes, media_type: str = "") -> tuple[str, ...]:
    """Return the charsets named by the media type and the HTML `<meta>` tags, in that order."""
    found = []
    if match := _PARAM_CHARSET.search(media_type or ""):
        found.append(match.group(1))
    if match := _META_CHARSET.search(data[:SAMPLE_BYTES]):
        found.append(match.group(1).decode("ascii"))
    # browsers read a declared latin-1 as cp1252 (WHATWG encoding standard)
    normalised = ["cp1252" if name.lower() in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name
                  for name in found]
    return tuple(dict.fromkeys(normalised))


def _western(data: bytes) -> str | None:
    """cp1252 (the web's latin-1) when it decodes the bytes into clean text.

    Detection alone takes short English cp1252 texts for Baltic or Cyrillic code pages.
    """
    from charset_normalizer.md import mess_ratio

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if mess_ratio(text[: SAMPLE_BYTES]) <= MAX_CHAOS else None


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: SAMPLE_BYTES * 4]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise UndecodableDocument("not UTF-8, no declared charset fits, and no encoding was detected with confidence")
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError:
        raise UndecodableDocument(f"detected {best.encoding} does not decode the whole document") from None


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None
