"""Actor stage: code every actor mention of an article as country + sector."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right

from spacy.tokens import Doc

from eventwire.actors.knowledge import KnowledgeBase
from eventwire.actors.persons import link_persons
from eventwire.actors.phrases import find_mentions
from eventwire.actors.scene import fill_scene_countries
from eventwire.context import Context
from eventwire.model import Actor, Article, Evidence
from eventwire.nlp.parse import sentence_spans
from eventwire.registry import register

CODER = "actors.rules.v1"


@register("actors", "rules.v1")
def code_actors(article: Article, ctx: Context) -> Article:
    """Fill `article.actors` with every actor mention, sorted by start offset.

    Example:
        code_actors(parse(Article("a", "Iranian officials met."), ctx), ctx).actors[0].code  # "IRNGOV"
    """
    doc = article.doc
    if doc is None:
        from eventwire.nlp.parse import parse

        article = parse(article, ctx)
        doc = article.doc
    starts = [sentence.start for sentence in article.sentences]
    published = article.published[:10] if article.published else None
    actors = code_doc(doc, ctx.knowledge_base, starts, published)
    return dataclasses.replace(article, actors=tuple(actors))


def code_doc(doc: Doc, kb: KnowledgeBase, sentence_starts: list[int] | None = None,
             published: str | None = None) -> list[Actor]:
    """Return the actor mentions of a parsed `doc` (sentence indices from `sentence_starts`).

    `published` (an ISO date) picks office holders valid then for names without a title;
    actors still without a country take the one their sentence is set in (`scene`).
    """
    if sentence_starts is None:
        sentence_starts = [sentence.start_char for sentence in sentence_spans(doc)]
    actors = []
    for mention in fill_scene_countries(doc, link_persons(doc, find_mentions(doc, kb), kb, published), kb):
        span = doc[mention.start : mention.end]
        sentence = max(bisect_right(sentence_starts, span.start_char) - 1, 0)
        evidence = Evidence(sentence, span.start_char, span.end_char, CODER, kb.version)
        actors.append(Actor(span.text, mention.name, mention.country, mention.sector, mention.kind, evidence))
    return sorted(actors, key=lambda actor: (actor.evidence.start, actor.evidence.end))
