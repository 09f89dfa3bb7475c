"""Read the visible text of a line of plain text that carries Markdown (what `html2text` and
"copy as Markdown" keep of a page): links become their anchor text, images and URLs go."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a target in parentheses: escaped characters, no spaces, an optional quoted title
_TARGET = r"\((?:\\.|[^()\s\\])*(?:\s+\"[^\"]*\")?\)"
_IMAGE = re.compile(r"!\[[^\]]*\]" + _TARGET)
_LINK = re.compile(r"\[([^\]]*)\]" + _TARGET)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
_QUOTE = re.compile(r"(?:>\s?)+")
_HEADING = re.compile(r"#{1,6}\s+")
_BULLET = re.compile(r"(?:[*+•·–-]|o(?= [A-Z0-9]))(?:\s+|$)")
_STRONG = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_SPACES = re.compile(r"\s+")
# a text is read as Markdown when it holds this many links or images
MARKDOWN_MIN_LINKS = 3


@dataclass(frozen=True, slots=True)
class VisibleLine:
    """What a reader sees of one line, and how much of it is link anchor text."""

    text: str
    link_chars: int
    heading: bool   # a Markdown heading ("## Title")
    bullet: bool    # a list item ("* ", "+ ", "- ")


def looks_like_markdown(lines: list[str]) -> bool:
    """Whether a text carries Markdown links or images (a page saved by `html2text`).

    Example:
        >>> looks_like_markdown(["[Home](/) [World](/world) ![logo](/l.png)"])
        True
    """
    found = 0
    for line in lines:
        found += len(_LINK.findall(line)) + len(_IMAGE.findall(line))
        if found >= MARKDOWN_MIN_LINKS:
            return True
    return False


def read_line(line: str) -> VisibleLine:
    """Return the visible text of a (stripped) line: images and URLs dropped, links as their
    anchor text, emphasis, quote, heading and list marks gone.

    Example:
        >>> read_line("* [Iran](https://x.org/iran) fires **missiles** ![](a.png)")
        VisibleLine(text='Iran fires missiles', link_chars=4, heading=False, bullet=True)
    """
    line = _QUOTE.sub("", line, count=1) if line.startswith(">") else line
    heading = bool(_HEADING.match(line))
    if heading:
        line = _HEADING.sub("", line, count=1)
    bullet = bool(_BULLET.match(line))
    if bullet:
        line = _BULLET.sub("", line, count=1)
    line = _IMAGE.sub(" ", line)
    line = _AUTOLINK.sub(" ", line)
    pieces: list[str] = []
    link_chars = 0
    position = 0
    for link in _LINK.finditer(line):
        pieces.append(line[position:link.start()])
        anchor = _plain(link.group(1))
        # a space where the anchor would run into a word ("on[Amazon](...)"), none before a stop
        before = " " if link.start() and line[link.start() - 1].isalnum() else ""
        after = " " if line[link.end():link.end() + 1].isalnum() else ""
        pieces.append(f"{before}{anchor}{after}")
        link_chars += len(anchor)
        position = link.end()
    pieces.append(line[position:])
    text = _plain(_BARE_URL.sub(" ", "".join(pieces)))
    return VisibleLine(text, min(link_chars, len(text)), heading, bullet)


def _plain(text: str) -> str:
    text = _STRONG.sub("", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()
