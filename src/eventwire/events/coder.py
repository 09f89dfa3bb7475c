"""Rule-based event coder: lexicon triggers + dependency arguments + modality."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from eventwire.context import Context
from eventwire.events.arguments import ActorIndex, find_arguments
from eventwire.events.lexicon import VERSION, Lexicon, Trigger
from eventwire.events.modality import modality_of
from eventwire.events.quantities import find_quantities
from eventwire.model import Article, Event, Evidence
from eventwire.registry import register

CODER = "events.rules.v1"
COUNTED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}


@register("events", "rules.v1")
def code_events(article: Article, ctx: Context) -> Article:
    """Code every trigger with at least one actor argument as an `Event` (one per mention)."""
    lexicon: Lexicon = ctx.lexicon
    index = ActorIndex.build(article.actors)
    events: list[Event] = []
    for sentence in article.doc.sents:
        quantities = None
        for token in sentence:
            trigger = match_trigger(token, lexicon)
            if trigger is None:
                continue
            sources, targets = find_arguments(token, index)
            if not sources and not targets:
                continue
            if quantities is None:
                quantities = find_quantities(sentence)
            evidence = Evidence(article.sentence_at(token.idx), token.idx, token.idx + len(token), CODER, VERSION)
            events.append(Event(
                type=trigger.plover,
                mode=trigger.mode,
                context=trigger.context,
                cameo=trigger.cameo,
                goldstein=trigger.goldstein,
                sources=tuple(sources),
                targets=tuple(targets),
                trigger=_trigger_text(token, trigger),
                modality=modality_of(token),
                evidence=evidence,
                quantities=quantities if trigger.plover in COUNTED_TYPES else (),
                mentions=(evidence,),
            ))
    return dataclasses.replace(article, events=tuple(events))


def match_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    """Return the lexicon entry `token` triggers, checking particle and object conditions."""
    pos = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}.get(token.pos_)
    if pos is None or token.ent_type_ in ("PERSON", "ORG", "GPE", "WORK_OF_ART", "LAW"):
        return None
    for trigger in lexicon.candidates(token.lemma_, pos):
        if trigger.with_word and not _has_word(token, trigger.with_word):
            continue
        if trigger.object_list and not _has_object(token, lexicon.word_lists[trigger.object_list]):
            continue
        return trigger
    return None


def _has_word(token: Token, word: str) -> bool:
    return token.head.lower_ == word or any(
        child.lower_ == word and child.dep_ in ("prt", "prep", "advmod") for child in token.children
    )


def _has_object(token: Token, words: frozenset[str]) -> bool:
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "prep", "attr", "oprd"):
            if child.lemma_.lower() in words or any(g.lemma_.lower() in words for g in child.children):
                return True
    return token.dep_ == "acl" and token.head.lemma_.lower() in words


def _trigger_text(token: Token, trigger: Trigger) -> str:
    if trigger.with_word and token.head.lower_ != trigger.with_word:
        return f"{token.text} {trigger.with_word}"
    return token.text
