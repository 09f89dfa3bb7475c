"""Whitespace normalisation, paragraph assembly and content ids of clean text."""

from __future__ import annotations

import hashlib
import re
from types import MappingProxyType

TERMINAL_PUNCTUATION = ".!?…:;\"'”’»)]。！？」』"
# zero-width characters and the soft hyphen: invisible, but they split words for the tokenizer
_INVISIBLE = MappingProxyType(dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad")))
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\v\f]")
WRAP_MIN_LINES = 3
WRAP_MIN_WIDTH = 50
WRAP_MAX_WIDTH = 100


def split_lines(text: str) -> list[str]:
    """Split `text` into lines with whitespace normalised inside each (blank lines kept as "")."""
    return [normalise_line(line) for line in _LINE_BREAKS.sub("\n", text).split("\n")]


def normalise_line(line: str) -> str:
    """Turn every Unicode space (NBSP, thin space, tab) into one space; drop invisible marks.

    Example:
        >>> normalise_line("  Iran\u00a0bombs \t U.S. bases ")
        'Iran bombs U.S. bases'
    """
    return _SPACES.sub(" ", line.translate(_INVISIBLE)).strip()  # `\s` matches every Unicode space (Zs)


def ends_sentence(line: str) -> bool:
    """Return whether `line` ends like a sentence (full stop, question mark, closing quote...)."""
    return bool(line) and line[-1] in TERMINAL_PUNCTUATION


def assemble_paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs: a blank line ends one, and so does every line of a block
    that is not hard-wrapped; lines of a hard-wrapped block (fixed-width prose) are joined.

    Example:
        >>> assemble_paragraphs(["Headline", "First paragraph.", "", "Second."])
        ['Headline', 'First paragraph.', 'Second.']
    """
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        if block:
            paragraphs.extend([" ".join(block)] if _hard_wrapped(block) else block)
            block = []
    return paragraphs


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with a blank line, so the sentence splitter always breaks between them."""
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def article_id(text: str) -> str:
    """Return the content id of a clean text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _hard_wrapped(block: list[str]) -> bool:
    """Whether a block reads as one paragraph wrapped at a fixed width (e-mail, wire copy)."""
    if len(block) < WRAP_MIN_LINES:
        return False
    width = max(len(line) for line in block)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    inner = block[:-1]
    full = sum(1 for line in inner if len(line) >= 0.6 * width)
    mid_sentence = sum(1 for line in inner if not ends_sentence(line))
    # wrapped prose goes on in lower case on the next line; a list of items starts each one anew
    lower_starts = sum(1 for line in block[1:] if line[0].islower())
    return full >= 0.8 * len(inner) and mid_sentence >= 0.5 * len(inner) and lower_starts >= 0.3 * len(inner)
