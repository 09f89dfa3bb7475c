"""Attach the spaCy parse to an article: sentences and named entities with their spans."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right

from spacy.tokens import Doc

from eventwire.context import Context
from eventwire.model import Article, Entity, Evidence, Sentence
from eventwire.registry import register

CODER = "nlp.spacy.v1"


@register("nlp", "spacy.v1")
def parse(article: Article, ctx: Context) -> Article:
    """Parse the article text with the context's spaCy pipeline (unless already parsed)."""
    doc = article.doc if article.doc is not None else ctx.nlp(article.text)
    meta = ctx.nlp.meta
    return attach_doc(article, doc, model=f"{meta['lang']}_{meta['name']}-{meta['version']}")


def attach_doc(article: Article, doc: Doc, *, model: str = "") -> Article:
    """Return the article with `doc`, its sentences and its entities filled in."""
    spans = [span for span in doc.sents if span.text.strip()]
    sentences = tuple(
        Sentence(index=i, start=span.start_char, end=span.start_char + len(span.text.rstrip()),
                 text=span.text.rstrip())
        for i, span in enumerate(spans)
    )
    starts = [s.start for s in sentences]
    entities = tuple(
        Entity(
            text=ent.text.rstrip(),  # spaCy may end an entity with a whitespace token ("Mo\n\n")
            label=ent.label_,
            evidence=Evidence(_index(starts, ent.start_char), ent.start_char,
                              ent.start_char + len(ent.text.rstrip()), CODER, model),
        )
        for ent in doc.ents
    )
    return dataclasses.replace(article, doc=doc, sentences=sentences, entities=entities)


def _index(starts: list[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)
