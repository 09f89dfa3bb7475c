"""How sure each event is: a confidence in [0, 1] from the evidence that decided it.

The score is a sum of plain, inspectable signals, each a kind of evidence an analyst would
weigh by reading the sentence (no weights learned from gold data):

- what the text says of the event: stated as fact (asserted), attributed to a source
  (reported), or mentioned as background (historical);
- who: a named source the knowledge base codes with a country, a coded target; an event
  with no named participant, or only private persons nobody codes, is less sure to be a
  political event;
- how it is said: a verb ("troops shelled the town") is surer than a noun standing alone
  ("the shelling"), a question or a quoted opinion less sure than a statement;
- how often: every further mention the dedup stage merged into the event.

The pipeline leaves out the events under `Options.min_confidence` (0.35 by default: what
the text barely supports, such as a hypothetical or negated mention with no named participant);
`--min-confidence` on `extract` and `ingest` sets it (0 keeps every event), on `events` it
filters what the store holds. The precision/recall curve over thresholds is in the
`news_events` evaluation suite (`happened_p@C`, `happened_r@C`).
"""

from __future__ import annotations

import dataclasses

from eventwire.context import Context
from eventwire.model import Actor, Article, Event
from eventwire.places.actor_country import coded_country
from eventwire.registry import register

BASE = 0.40
MODALITY = {"asserted": 0.15, "reported": 0.10, "historical": 0.05}
NAMED_SOURCE = 0.15
CODED_TARGET = 0.05
NO_PARTICIPANT = -0.15
PRIVATE_ONLY = -0.20
VERB_TRIGGER = 0.10
QUESTION = -0.10
QUOTED = -0.05
SELF_TARGET = -0.10
PER_MENTION, MENTION_CAP = 0.10, 0.20
LOW, HIGH = 0.05, 0.99


@register("confidence", "evidence.v1")
def score_events(article: Article, ctx: Context) -> Article:
    """Give every event of `article` its confidence."""
    if not article.events:
        return article
    quoted = [(q.content_start, q.content_end) for q in article.quotes if q.direct and q.content_start >= 0]
    events = tuple(dataclasses.replace(event, confidence=confidence(event, article, quoted))
                   for event in article.events)
    return dataclasses.replace(article, events=events)


def confidence(event: Event, article: Article, quoted: list[tuple[int, int]] = ()) -> float:
    """Return the confidence of one event (see the module docstring for the signals)."""
    score = BASE + MODALITY.get(event.modality, 0.0)
    named = [actor for actor in event.sources + event.targets if actor.kind != "implied"]
    if any(coded_country(actor) for actor in event.sources if actor.kind != "implied"):
        score += NAMED_SOURCE
    if any(coded_country(actor) for actor in event.targets):
        score += CODED_TARGET
    if not named:
        score += NO_PARTICIPANT
    elif all(_private(actor) for actor in named):
        score += PRIVATE_ONLY
    if _verb_trigger(event, article):
        score += VERB_TRIGGER
    if _question(event, article):
        score += QUESTION
    if any(start <= event.evidence.start < end for start, end in quoted):
        score += QUOTED
    sources = {actor.code for actor in event.sources if actor.code}
    if sources and sources == {actor.code for actor in event.targets if actor.code and actor.kind != "implied"}:
        score += SELF_TARGET
    score += min(PER_MENTION * (len(event.mentions) - 1), MENTION_CAP)
    return round(min(max(score, LOW), HIGH), 3)


def _private(actor: Actor) -> bool:
    """A person or group the text names but nothing codes: no country of its own, no sector."""
    return coded_country(actor) is None and actor.sector is None


def _verb_trigger(event: Event, article: Article) -> bool:
    doc = article.doc
    if doc is None:
        return False
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].pos_ == "VERB"


def _question(event: Event, article: Article) -> bool:
    index = event.evidence.sentence
    return 0 <= index < len(article.sentences) and article.sentences[index].text.rstrip().endswith("?")
