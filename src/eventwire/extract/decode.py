"""Turn raw bytes into text: refuse binary files, then try UTF-16 without a byte-order mark,
UTF-8, UTF-8 with damaged or cp1252 lines, declared charsets, cp1252, detection."""

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
# UTF-16 without a byte-order mark: ASCII text puts a NUL in every other byte; at least this
# share of the bytes on one side are NUL, at most UTF16_MAX_OTHER_NUL on the other
UTF16_MIN_NUL_SHARE = 0.1
UTF16_MAX_OTHER_NUL = 0.01
# bytes that are UTF-8 at heart: at least this share of the non-ASCII bytes form valid UTF-8
# sequences (a cp1252 text forms none; Shift-JIS, EUC and GB texts about a quarter by chance)
UTF8_MIN_SHARE = 0.5
# a text keeps a few damaged bytes as U+FFFD; beyond this share of its characters it is refused
MAX_REPLACED_SHARE = 0.02
# a line read as cp1252 inside a UTF-8 text: its non-ASCII characters are Western letters and
# punctuation, in runs of at most WESTERN_MAX_RUN (accented letters inside Latin words)
WESTERN_CHARS = frozenset("ÀÁÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýŒœŠšŽž"
                          "“”‘’„‚–—…€£¥©®°«»‹›§¶·•¡¿\u00a0")
WESTERN_MAX_RUN = 2
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
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
    if _bom_encoding(data) or _utf16_encoding(data):
        return
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        raise BinaryDocument("binary content (NUL bytes), not text")
    controls = sum(1 for byte in sample if byte < 32 and byte not in _ALLOWED_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        share = controls / len(sample)
        raise BinaryDocument(f"binary content ({share:.0%} control bytes), not text")


def decode_bytes(data: bytes, media_type: str = "") -> str:
    """Decode `data`: byte-order mark, UTF-16 without a mark, UTF-8, UTF-8 line by line,
    a declared charset, cp1252, then charset detection.

    The charset may be declared in `media_type` ("text/html; charset=iso-8859-1") or in
    an HTML `<meta charset>`. UTF-8 with a few damaged bytes keeps its text with U+FFFD in
    their place, and its lines in cp1252 are read as cp1252 (a mixed file is not turned into
    mojibake). Raises `UndecodableDocument` when nothing decodes cleanly, or when more than
    MAX_REPLACED_SHARE of the text would be replacement characters.

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
    if utf16 := _utf16_encoding(data):
        text = data[: len(data) // 2 * 2].decode(utf16, errors="replace")
        return _checked(text, f"{utf16} without a byte-order mark")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _decode_lines(data)
    if mixed is not None:
        return mixed
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


def _utf16_encoding(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when NUL bytes fill one side of the byte pairs only."""
    sample = data[: SAMPLE_BYTES]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= UTF16_MIN_NUL_SHARE and even_nul <= UTF16_MAX_OTHER_NUL:
        encoding = "utf-16-le"
    elif even_nul >= UTF16_MIN_NUL_SHARE and odd_nul <= UTF16_MAX_OTHER_NUL:
        encoding = "utf-16-be"
    else:
        return None
    text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
    controls = sum(1 for char in text if ord(char) < 32 and ord(char) not in _ALLOWED_CONTROLS)
    return encoding if controls <= MAX_CONTROL_SHARE * len(text) else None


def _decode_lines(data: bytes) -> str | None:
    """Decode UTF-8 with damaged bytes or cp1252 lines line by line; None when not UTF-8 at heart.

    A line that is valid UTF-8 stays so; a line without UTF-8 sequences that reads as
    Western cp1252 is read so; any other line, where UTF-8 dominates the whole text, is
    UTF-8 with U+FFFD for its bad bytes.
    """
    valid = sum(len(sequence) for sequence in _UTF8_SEQUENCE.findall(data))
    if not valid:
        return None
    dominant = valid >= UTF8_MIN_SHARE * len(_HIGH_BYTES.findall(data))
    parts = []
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        western = None if _UTF8_SEQUENCE.search(line) else _western_line(line)
        if western is not None:
            parts.append(western)
        elif dominant:
            parts.append(line.decode("utf-8", errors="replace"))
        else:
            return None
    return _checked("".join(parts), "UTF-8 with damaged bytes", before=data.count("\ufffd".encode()))


def _western_line(line: bytes) -> str | None:
    """The line in cp1252 when its non-ASCII characters read as Western letters and punctuation."""
    try:
        text = line.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for run in _NON_ASCII_RUN.findall(text):
        if len(run) > WESTERN_MAX_RUN or not WESTERN_CHARS.issuperset(run):
            return None
    return text


def _checked(text: str, encoding: str, before: int = 0) -> str:
    """Return `text` unless more than MAX_REPLACED_SHARE of it are new replacement characters."""
    replaced = text.count("\ufffd") - before
    if replaced > MAX_REPLACED_SHARE * len(text):
        raise UndecodableDocument(f"read as {encoding}, {replaced:,} of {len(text):,} characters "
                                  f"({replaced / len(text):.0%}) are not valid: the text cannot be trusted")
    if replaced:
        logger.debug("%d damaged bytes replaced by U+FFFD (%s)", replaced, encoding)
    return text


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
