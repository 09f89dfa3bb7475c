"""Real news articles with every political event hand-coded (`news_events`).

Scored as the gold folder's README says, so that development and held-out figures compare.
Inside each article, system events are matched to gold events one to one, greedily in
system order: a pair matches when the PLOVER type is equal and one of the system event's
sentences (its evidence or a merged mention) is one of the gold event's sentences
(`sentence` or `also_mentioned_in`), compared after folding whitespace and case, or with a
word-set overlap of at least 0.6 (|A∩B| / max(|A|, |B|)) when sentences split differently.

- `event_*`: P/R/F1 over all events, any modality;
- `happened_*`: the same over system events whose modality says the event took place
  (asserted, reported, historical) against gold events with `happened`;
  `false_happened_rate`: system happened events with no gold happened match ÷ all of them;
- `detection_*`: the matching without the type condition;
- on matched pairs (all events): source and target country sets equal where the gold has a
  country (`actor_country_acc` pools both sides), place within 161 km where the gold has
  coordinates, date equal where the gold has one (`date_consistent`: one date is a prefix
  of the other, e.g. "2016-02" and "2016-02-10"), happened equal;
- `happened_p@C` / `happened_r@C`: the happened figures keeping system events of
  confidence ≥ C, the precision/recall curve an analyst picks `--min-confidence` from;
- `text_kept`: the share of the articles' words that the plain-text reader keeps when an
  article is given as a saved text file (`eventwire extract story.txt`: chrome removal and
  main-text location run; the events above are coded on the text as given; a text it refuses
  keeps nothing). The gold texts are article bodies, so what it drops is lost news.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.context import Context
from eventwire.evaluate.events import code_text, distance_km
from eventwire.errors import EventwireError
from eventwire.evaluate.report import Counts, Report, read_jsonl
from eventwire.extract import to_article
from eventwire.model import Article, Document, Event

OVERLAP = 0.6
# attribute tallied on matched pairs -> the metric that reports it
ATTRIBUTES = {"source_country": "source_country_acc", "target_country": "target_country_acc",
              "actor_country": "actor_country_acc", "place_acc161": "place_acc161", "date": "date_acc",
              "date_consistent": "date_consistent_acc", "happened_agree": "happened_agree_acc"}
ACCURACY_KM = 161.0
CURVE = (0.3, 0.5, 0.7, 0.9)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Coded:
    """One system event with the sentences it was read from (folded) and their word sets."""

    event: Event
    sentences: tuple[str, ...]
    words: tuple[frozenset[str], ...]

    @property
    def happened(self) -> bool:
        return self.event.happened  # asserted, reported or historical, as the gold README counts


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One hand-coded event with every sentence that reports it (folded) and their word sets."""

    record: dict
    sentences: tuple[str, ...]
    words: tuple[frozenset[str], ...]


def evaluate_news_events(gold_dir: Path, ctx: Context, limit: int | None = None,
                         half: str | None = None) -> Report:
    """Score events, happened events, detection and event attributes on real news articles."""
    events, happened, detection = Counts(), Counts(), Counts()
    curve = {threshold: Counts() for threshold in CURVE}
    attributes: Counter = Counter()
    per_type: dict[str, Counts] = {}
    records = words = words_kept = 0
    for record in read_jsonl(Path(gold_dir) / "articles.jsonl", limit, half):
        records += 1
        article = code_text(record["text"], ctx, published=record.get("published"))
        words += len(_WORD.findall(record["text"]))
        words_kept += len(_WORD.findall(_read_as_text(record, ctx)))
        system = [_coded(event, article) for event in article.events]
        gold = [_gold(event) for event in record["events"]]
        pairs = match(system, gold, same_type=True)
        _count(events, len(system), len(gold), len(pairs))
        _count(detection, len(system), len(gold), len(match(system, gold, same_type=False)))
        said, real = [s for s in system if s.happened], [g for g in gold if g.record["happened"]]
        _count(happened, len(said), len(real), len(match(said, real, same_type=True)))
        for threshold, counts in curve.items():
            kept = [s for s in said if s.event.confidence >= threshold]
            _count(counts, len(kept), len(real), len(match(kept, real, same_type=True)))
        for label in {s.event.type for s in system} | {g.record["type"] for g in gold}:
            mine = [s for s in system if s.event.type == label]
            theirs = [g for g in gold if g.record["type"] == label]
            _count(per_type.setdefault(label, Counts()), len(mine), len(theirs), len(match(mine, theirs, True)))
        for coded, gold_event in pairs:
            _score_attributes(coded.event, gold_event.record, attributes)
    metrics = {
        "event_p": events.precision, "event_r": events.recall, "event_f1": events.f1,
        "happened_p": happened.precision, "happened_r": happened.recall, "happened_f1": happened.f1,
        "false_happened_rate": 1.0 - happened.precision if happened.tp + happened.fp else 0.0,
        "detection_p": detection.precision, "detection_r": detection.recall, "detection_f1": detection.f1,
    }
    for name, metric in ATTRIBUTES.items():
        metrics[metric] = _share(attributes, name)
        metrics[f"{name}_n"] = float(attributes[f"{name}_total"])
    for threshold, counts in curve.items():
        metrics[f"happened_p@{threshold}"] = counts.precision
        metrics[f"happened_r@{threshold}"] = counts.recall
    metrics["text_kept"] = words_kept / words if words else 0.0
    metrics["system_events"] = float(events.tp + events.fp)
    metrics["gold_events"] = float(events.tp + events.fn)
    return Report("news_events", records, metrics, {label: c.scores() for label, c in per_type.items()},
                  notes="happened = modality asserted, reported or historical; attributes over type-matched pairs")


def _read_as_text(record: dict, ctx: Context) -> str:
    """The text the plain-text reader keeps of a gold article ("" where it refuses it)."""
    try:
        return to_article(Document(record["id"], record["text"]), ctx.options).text
    except EventwireError:
        return ""


def match(system: Sequence[Coded], gold: Sequence[GoldEvent], same_type: bool) -> list[tuple[Coded, GoldEvent]]:
    """Pair system and gold events one to one, greedily in system order."""
    free = list(gold)
    pairs = []
    for coded in system:
        for candidate in free:
            if same_type and coded.event.type != candidate.record["type"]:
                continue
            if _same_sentence(coded, candidate):
                pairs.append((coded, candidate))
                free.remove(candidate)
                break
    return pairs


def _same_sentence(coded: Coded, gold: GoldEvent) -> bool:
    if set(coded.sentences) & set(gold.sentences):
        return True
    return any(_overlap(mine, theirs) >= OVERLAP for mine in coded.words for theirs in gold.words)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def _coded(event: Event, article: Article) -> Coded:
    indexes = dict.fromkeys([event.evidence.sentence, *(m.sentence for m in event.mentions)])
    texts = [article.sentences[i].text for i in indexes if 0 <= i < len(article.sentences)]
    return Coded(event, tuple(_fold(t) for t in texts), tuple(_words(t) for t in texts))


def _gold(record: dict) -> GoldEvent:
    texts = [record["sentence"], *record.get("also_mentioned_in", [])]
    return GoldEvent(record, tuple(_fold(t) for t in texts), tuple(_words(t) for t in texts))


def _count(counts: Counts, system: int, gold: int, matched: int) -> None:
    counts.tp += matched
    counts.fp += system - matched
    counts.fn += gold - matched


def _score_attributes(event: Event, gold: dict, tally: Counter) -> None:
    for side, actors in (("source", event.sources), ("target", event.targets)):
        wanted = {actor["country"] for actor in gold.get(side) or [] if actor.get("country")}
        if wanted:
            right = {actor.country for actor in actors if actor.country} == wanted
            for name in (f"{side}_country", "actor_country"):
                _tally(tally, name, right)
    place = gold.get("place") or {}
    if place.get("lat") is not None:
        ours = event.place
        _tally(tally, "place_acc161", ours is not None and ours.lat is not None
               and distance_km(ours.lat, ours.lon, place["lat"], place["lon"]) <= ACCURACY_KM)
    if gold.get("date"):
        _tally(tally, "date", event.date == gold["date"])
        _tally(tally, "date_consistent", bool(event.date) and (event.date.startswith(gold["date"])
                                                               or gold["date"].startswith(event.date)))
    _tally(tally, "happened_agree", event.happened == bool(gold["happened"]))


def _tally(tally: Counter, name: str, right: bool) -> None:
    tally[f"{name}_total"] += 1
    tally[f"{name}_right"] += bool(right)


def _share(tally: Counter, name: str) -> float:
    total = tally[f"{name}_total"]
    return tally[f"{name}_right"] / total if total else 0.0


