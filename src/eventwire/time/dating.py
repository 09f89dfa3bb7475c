"""Date events from the temporal expressions attached to their triggers in the parse.

Order of preference for each event (all its mentions tried, first mention first):
1. a DATE/TIME expression whose syntactic head chain reaches the trigger ("attacked on Friday"),
   through at most one other noun ("the attack on the village on Friday", misattached);
2. one in the trigger's clause (same governing verb, or modifying the verb that governs a noun
   trigger: "the shooting on Friday");
3. one of the nearest enclosing clause ("On Friday, police said they arrested ...");
4. the date of the scene a sentence ends on: a full date closing the sentence after a comma,
   as photo captions and datelines give it ("Spanish police arrest a man ... near Barcelona,
   Dec. 8, 2015.") dates every event of the sentence;
5. an anchor on another event: "five days after the assassination, Iran fired missiles" dates
   the firing from the assassination and, when the firing is dated, the assassination from it;
6. the narrative date: the last day-precision date before the trigger in its paragraph that
   modifies a clause rather than a noun ("On 1 May 2020, a landmine hit a car. 3 fighters were
   killed": the killing is dated 1 May; "As reported on 28 April 2020, troops carried out ...");
7. the publication date, with `date_precision="publication"`, except for an event mentioned as
   background (modality historical), which stays undated (`date_precision="unresolved"`).
At levels 1, 2, 3 and 6 an expression that modifies another event's noun trigger ("in protest of
the abduction ... on 29 January") belongs to that event, not to the clause.
A noun trigger inside "after/before/since/until ..." skips levels 2 and 3: the clause's date is
not its date. Without a publication date, relative expressions stay unresolved: `date=None`,
`date_precision="unresolved"`. Without a parse, the nearest expression of the sentence is used.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.context import Context
from eventwire.model import Article, Event, Evidence, TimeExpression
from eventwire.registry import register
from eventwire.time.calendar import shift, value_date
from eventwire.time.tagger import publication_date

CLAUSE_POS = ("VERB", "AUX")
DATABLE_TYPES = ("DATE", "TIME")
FULL_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
SENTENCE_CLOSE = " .\"'”’)\n"
DURATION_VALUE = re.compile(r"^P(\d+)([DWMY])$")
ANCHOR_DIRECTION = {"after": 1, "before": -1}
END_PREPOSITIONS = ("until", "till", "by")
TEMPORAL_PREPOSITIONS = ("after", "before", "since", "until", "till", "following", "ahead", "prior")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A datable temporal expression with its parse token (root of its span) when parsed."""

    timex: TimeExpression
    date: str | None
    precision: str
    token: Any = None


@register("dating", "syntax.v1")
def date_events(article: Article, ctx: Context) -> Article:
    """Give each event of `article` a date and a date precision.

    Example:
        For "Rebels attacked the village on Friday." published "2020-01-08", the event
        triggered by "attacked" gets date "2020-01-03" and date_precision "day".
    """
    if not article.events:
        return article
    anchors = find_anchors(article)
    published = publication_date(article.published)
    fallback = (published.isoformat(), "publication") if published else (None, "unresolved")
    triggers = _triggers_by_sentence(article.events)
    found = [date_event(event, article, anchors, triggers) or scene_date(event, article, anchors)
             for event in article.events]
    dates = [(a.date, a.precision) if a is not None else None for a in found]
    for index, event in enumerate(article.events):
        if dates[index] is None:
            dates[index] = _from_other_event(event, article, dates)
    for index, event in enumerate(article.events):
        if dates[index] is None:
            dates[index] = narrative_date(event, article, anchors)
    events = tuple(
        dataclasses.replace(event, date=(dated or _fallback(event, fallback))[0],
                            date_precision=(dated or _fallback(event, fallback))[1])
        for event, dated in zip(article.events, dates)
    )
    return dataclasses.replace(article, events=events)


def _fallback(event: Event, fallback: tuple[str | None, str]) -> tuple[str | None, str]:
    """The publication date stands in only for an event the article reports as news: one
    mentioned as background ("after the clashes", modality historical) happened before, on a
    day the text does not give."""
    return (None, "unresolved") if event.modality == "historical" else fallback


def find_anchors(article: Article) -> list[Anchor]:
    """Return the article's DATE/TIME expressions that name a day, week, month or year."""
    anchors = []
    for timex in article.times:
        if timex.type not in DATABLE_TYPES:
            continue
        if timex.value is None:
            if timex.precision in (None, "decade", "century"):
                continue
            found: tuple[str | None, str] = (None, "unresolved")
        else:
            resolved = value_date(timex.value)
            if resolved is None:
                continue
            found = resolved
        token = _root(article.doc, timex.evidence.start, timex.evidence.end)
        anchors.append(Anchor(timex, found[0], found[1], token))
    return sorted(anchors, key=_anchor_start)


def date_event(event: Event, article: Article, anchors: list[Anchor],
               triggers: dict[int, list[tuple[Event, int, int]]] | None = None) -> Anchor | None:
    """Return the temporal expression that dates `event` (levels 1-3), or None.
    `triggers` maps a sentence to the spans of the events mentioned in it
    (`_triggers_by_sentence`; built from the article's events when not given)."""
    if triggers is None:
        triggers = _triggers_by_sentence(article.events)
    mentions = (event.evidence, *(m for m in event.mentions if m != event.evidence))
    roots = [(mention, _root(article.doc, mention.start, mention.end)) for mention in mentions]
    # every level looks inside the mention's own sentence: sentence-local work stays local
    sentences = {mention.sentence for mention in mentions}
    anchors = [anchor for anchor in anchors if anchor.timex.evidence.sentence in sentences]
    own = [anchor for anchor in anchors if not _owned_by_other(anchor, event, article, triggers)
           and not _bound(anchor)]
    for level in (_governed, _same_clause, _enclosing_clause):
        for mention, trigger in roots:
            phrase = _temporal_phrase(trigger) if trigger is not None and level is not _governed else None
            if phrase is not None:
                found = _before_or_after(phrase, article, anchors) if level is _same_clause else None
            else:
                found = level(mention, trigger, article, own)
            if found is not None:
                return found
    return None


def scene_date(event: Event, article: Article, anchors: list[Anchor]) -> Anchor | None:
    """Return the full date that closes the sentence of `event` after a comma (level 4), or None:
    the day a caption's or a dateline's scene took place ("..., Lahore, Pakistan, Feb. 29, 2016")."""
    index = event.evidence.sentence
    if not 0 <= index < len(article.sentences):
        return None
    sentence = article.sentences[index]
    for anchor in anchors:
        evidence = anchor.timex.evidence
        if (evidence.sentence == index and anchor.precision == "day" and anchor.date
                and FULL_YEAR.search(article.text, evidence.start, evidence.end)
                and article.text[sentence.start:evidence.start].rstrip().endswith(",")
                and not article.text[evidence.end:sentence.end].strip(SENTENCE_CLOSE)):
            return anchor
    return None


def narrative_date(event: Event, article: Article, anchors: list[Anchor]) -> tuple[str, str] | None:
    """Return the date of the story told before `event` in its paragraph (level 6), or None.

    That is the last resolved day-precision expression before the trigger, within the same
    paragraph, that modifies a clause ("On 1 May 2020, ...", "As reported on 28 April 2020,")
    rather than a noun ("the abduction on 29 January"). Needs the parse.
    """
    start = event.evidence.start
    paragraph = article.text.rfind("\n", 0, start) + 1
    # anchors come in text order: walk back from the trigger to the paragraph's start
    for position in range(bisect_right(anchors, start, key=_anchor_start) - 1, -1, -1):
        anchor = anchors[position]
        evidence = anchor.timex.evidence
        if evidence.start < paragraph:
            break
        if anchor.date is None or anchor.precision != "day" or evidence.end > start:
            continue
        if not _bound(anchor) and _modifies_clause(anchor):
            return anchor.date, anchor.precision
    return None


def _anchor_start(anchor: Anchor) -> int:
    return anchor.timex.evidence.start


def _path_to_clause(anchor: Anchor) -> list[Any]:
    """Return the tokens between the expression and the verb (or root) its phrase attaches to."""
    evidence = anchor.timex.evidence
    path = []
    for ancestor in anchor.token.ancestors:
        if ancestor.pos_ in CLAUSE_POS or ancestor.dep_ == "ROOT":
            break
        if not evidence.start <= ancestor.idx < evidence.end:
            path.append(ancestor)
    return path


def _bound(anchor: Anchor) -> bool:
    """Whether the expression is an end point ("until the end of the weekend", "by Friday")."""
    if anchor.token is None:
        return False
    evidence = anchor.timex.evidence
    for ancestor in anchor.token.ancestors:
        if evidence.start <= ancestor.idx < evidence.end:
            continue
        return ancestor.dep_ == "prep" and ancestor.lower_ in END_PREPOSITIONS
    return False


def _modifies_clause(anchor: Anchor) -> bool:
    if anchor.token is None:
        return False
    return not any(token.pos_ in ("NOUN", "PROPN") for token in _path_to_clause(anchor))


def _triggers_by_sentence(events: tuple[Event, ...]) -> dict[int, list[tuple[Event, int, int]]]:
    """Map each sentence to the (event, start, end) of every event mention in it."""
    found: dict[int, list[tuple[Event, int, int]]] = defaultdict(list)
    for event in events:
        for span in (event.evidence, *event.mentions):
            found[span.sentence].append((event, span.start, span.end))
    return found


def _owned_by_other(anchor: Anchor, event: Event, article: Article,
                    triggers: dict[int, list[tuple[Event, int, int]]]) -> bool:
    """Whether the expression modifies the noun trigger of another event ("the abduction on 29 January")."""
    if anchor.token is None or article.doc is None:
        return False
    spans = [(span.start, span.end) for span in (event.evidence, *event.mentions)]
    others = [(start, end) for other, start, end in triggers.get(anchor.timex.evidence.sentence, ())
              if other is not event]
    for token in _path_to_clause(anchor):
        if any(start <= token.idx < end for start, end in spans):
            return False
        if any(start <= token.idx < end for start, end in others):
            return True
    return False


def _root(doc: Any, start: int, end: int) -> Any:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_head(token: Any) -> Any:
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in CLAUSE_POS or candidate.dep_ == "ROOT":
            return candidate
    return token


def _nearest(candidates: list[Anchor], start: int, end: int) -> Anchor | None:
    def distance(anchor: Anchor) -> int:
        evidence = anchor.timex.evidence
        return max(evidence.start - end, start - evidence.end, 0)

    return min(candidates, key=distance) if candidates else None


def _governed(mention: Evidence, trigger: Any, article: Article, anchors: list[Anchor]) -> Anchor | None:
    if trigger is None:
        return None
    best: tuple[int, Anchor] | None = None
    for anchor in anchors:
        if anchor.token is None or anchor.token.sent != trigger.sent:
            continue
        evidence = anchor.timex.evidence
        nouns = 0
        for steps, ancestor in enumerate(anchor.token.ancestors, start=1):
            if ancestor == trigger:
                if best is None or steps < best[0]:
                    best = (steps, anchor)
                break
            if ancestor.pos_ in CLAUSE_POS:
                break
            nouns += ancestor.pos_ in ("NOUN", "PROPN") and not evidence.start <= ancestor.idx < evidence.end
            if nouns > 1:
                break
    return best[1] if best else None


def _in_clause(anchors: list[Anchor], head: Any) -> list[Anchor]:
    return [anchor for anchor in anchors
            if anchor.token is not None and anchor.token.sent == head.sent and _clause_head(anchor.token) == head]


def _same_clause(mention: Evidence, trigger: Any, article: Article, anchors: list[Anchor]) -> Anchor | None:
    """The nearest expression of the trigger's clause, preferring one that modifies the clause or
    the trigger to one inside another noun phrase ("gathered on 6 May in protest of the
    abduction of a man in X on 29 January")."""
    if trigger is None:
        return None
    candidates = _in_clause(anchors, _clause_head(trigger))
    direct = [anchor for anchor in candidates if not _nested(anchor, trigger)]
    return _nearest(direct or candidates, mention.start, mention.end)


def _nested(anchor: Anchor, trigger: Any) -> bool:
    """Whether a noun other than `trigger` stands between the expression and its clause."""
    for token in _path_to_clause(anchor):
        if token == trigger:
            return False
        if token.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _enclosing_clause(mention: Evidence, trigger: Any, article: Article,
                      anchors: list[Anchor]) -> Anchor | None:
    if trigger is None:
        sentence = article.sentence_at(mention.start)
        return _nearest([a for a in anchors if article.sentence_at(a.timex.evidence.start) == sentence],
                        mention.start, mention.end)
    for ancestor in _clause_head(trigger).ancestors:
        if ancestor.pos_ in CLAUSE_POS or ancestor.dep_ == "ROOT":
            found = _nearest(_in_clause(anchors, ancestor), mention.start, mention.end)
            if found is not None:
                return found
    return None


def _temporal_phrase(trigger: Any) -> Any:
    """Return the "after/before/since ..." preposition a noun trigger sits in, within its clause."""
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in CLAUSE_POS:
            return None
        if ancestor.dep_ == "prep" and ancestor.lower_ in TEMPORAL_PREPOSITIONS:
            return ancestor
    return None


def _duration_before(preposition: Any, article: Article) -> tuple[TimeExpression, int, str] | None:
    """Return the duration measuring "N days after": the preposition's npadvmod child."""
    for child in preposition.children:
        if child.dep_ != "npadvmod":
            continue
        for timex in article.times:
            match = DURATION_VALUE.match(timex.value or "") if timex.type == "DURATION" else None
            if match and timex.evidence.start <= child.idx < timex.evidence.end:
                return timex, int(match.group(1)), match.group(2)
    return None


def _before_or_after(preposition: Any, article: Article, anchors: list[Anchor]) -> Anchor | None:
    """Date "the assassination" in "five days after the assassination, Iran retaliated <date>"."""
    direction = ANCHOR_DIRECTION.get(preposition.lower_)
    measured = _duration_before(preposition, article) if direction else None
    if measured is None:
        return None
    timex, count, unit = measured
    head = _clause_head(preposition)
    clause = _nearest([a for a in _in_clause(anchors, head) if a.precision == "day" and a.date],
                      head.idx, head.idx + len(head))
    if clause is None:
        return None
    moved = shift(date.fromisoformat(clause.date), unit, -direction * count)
    return Anchor(timex, moved.isoformat(), "day", None) if moved is not None else None


def _from_other_event(event: Event, article: Article,
                      dates: list[tuple[str | None, str] | None]) -> tuple[str, str] | None:
    """Date "Iran fired missiles five days after the assassination" from the assassination."""
    if article.doc is None:
        return None
    for mention in (event.evidence, *event.mentions):
        trigger = _root(article.doc, mention.start, mention.end)
        if trigger is None:
            continue
        for token in _clause_head(trigger).subtree:
            direction = ANCHOR_DIRECTION.get(token.lower_) if token.dep_ == "prep" else None
            measured = _duration_before(token, article) if direction else None
            if measured is None or _clause_head(token) != _clause_head(trigger):
                continue
            _, count, unit = measured
            for noun in (child for child in token.children if child.dep_ == "pobj"):
                other = _event_at(noun, article, dates)
                if other is not None:
                    moved = shift(date.fromisoformat(other), unit, direction * count)
                    if moved is not None:
                        return moved.isoformat(), "day"
    return None


def _event_at(token: Any, article: Article, dates: list[tuple[str | None, str] | None]) -> str | None:
    for other, dated in zip(article.events, dates):
        if dated is None or dated[1] != "day" or dated[0] is None:
            continue
        if any(span.start <= token.idx < span.end for span in (other.evidence, *other.mentions)):
            return dated[0]
    return None
