"""Score actor coding mention by mention on the PLOVER gold-standard records.

Each gold source/target actor (text + country + sector) is looked up among the actors the
coder emits over that text in the sentence; country and sector are then compared.

Example:
    python -m eventwire.evaluate ../shared/gold --suite plover_gsr_actors
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from eventwire.actors.coder import code_actors
from eventwire.context import Context
from eventwire.evaluate.report import Report, read_jsonl
from eventwire.model import Actor, Article
from eventwire.nlp.parse import parse

# CAMEO country codes the gold records use where ISO 3166-1 differs
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU", "UKG": "GBR",
                 "SPN": "ESP", "SWZ": "CHE", "MOR": "MAR", "YUG": "SRB"}
# PLOVER sector codes (manual, "Sector Codes"); other gold sector strings are not scored
SECTOR_CODES = frozenset({"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
                          "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"})


@dataclasses.dataclass(frozen=True, slots=True)
class ActorMatch:
    """One gold actor mention and the actor coded over it (None when none was found)."""

    case: str
    text: str
    gold_country: str
    gold_sector: str | None
    actor: Actor | None

    @property
    def country_right(self) -> bool:
        return self.actor is not None and self.actor.country == self.gold_country

    @property
    def sector_right(self) -> bool:
        return self.actor is not None and self.actor.sector == self.gold_sector


def evaluate_actor_mentions(gold_dir: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Score country and sector of the actors coded over each gold actor mention of plover_gsr.

    `gold_dir` is the suite folder (`<gold>/plover_gsr_actors`); the records are read from
    the sibling `plover_gsr/cases.jsonl`.
    """
    matches = list(match_actor_mentions(Path(gold_dir).parent / "plover_gsr" / "cases.jsonl", ctx, limit, half))
    cases = len({match.case for match in matches})
    found = [m for m in matches if m.actor is not None]
    with_sector = [m for m in matches if m.gold_sector]
    without_sector = [m for m in found if not m.gold_sector]
    metrics = {
        "mentions": float(len(matches)),
        "found": _share(len(found), len(matches)),
        "country_accuracy": _share(sum(m.country_right for m in matches), len(matches)),
        "country_accuracy_found": _share(sum(m.country_right for m in found), len(found)),
        "sector_accuracy": _share(sum(m.sector_right for m in with_sector), len(with_sector)),
        "sector_accuracy_found": _share(sum(m.sector_right for m in with_sector if m.actor),
                                        sum(1 for m in with_sector if m.actor)),
        "sector_none_when_gold_none": _share(sum(m.actor.sector is None for m in without_sector),
                                             len(without_sector)),
    }
    per_label: dict[str, dict[str, float]] = {}
    totals = Counter(m.gold_sector or "-" for m in matches)
    right = Counter(m.gold_sector or "-" for m in matches if m.country_right and (m.sector_right or not m.gold_sector))
    for label, count in totals.items():
        per_label[label] = {"n": float(count), "code_accuracy": right[label] / count}
    notes = "country over all gold mentions; sector over gold mentions with a sector code"
    return Report("plover_gsr_actors", cases, metrics, per_label, notes)


def match_actor_mentions(path: Path, ctx: Context, limit: int | None = None,
                         half: str | None = None) -> Iterator[ActorMatch]:
    """Yield each gold actor mention of a plover_gsr file with the coded actor over it."""
    for record in read_jsonl(path, limit, half):
        text = record["text"]
        article = code_actors(parse(Article(id=record["id"], text=text), ctx), ctx)
        for gold in record.get("source_actors", []) + record.get("target_actors", []):
            country = CAMEO_TO_ISO3.get(gold["code"], gold["code"])
            sector = (gold.get("sector") or "")[:3].upper()
            yield ActorMatch(record["id"], gold["text"], country, sector if sector in SECTOR_CODES else None,
                             _actor_over(article.actors, text, gold["text"]))


def _actor_over(actors: tuple[Actor, ...], text: str, gold_text: str) -> Actor | None:
    """Return the actor overlapping the gold text most (fragments split on ".."), if any."""
    fragments = [part.strip(" .") for part in gold_text.replace("...", "..").split("..")]
    spans = []
    for fragment in filter(None, fragments):
        start = text.find(fragment)
        if start < 0:
            start = text.lower().find(fragment.lower())
        if start >= 0:
            spans.append((start, start + len(fragment)))
            continue
        for word in fragment.split():  # "Jordan's King Abdullah II" for "Jordan's visiting King ..."
            start = text.find(word) if len(word) > 2 else -1
            if start >= 0:
                spans.append((start, start + len(word)))
    best, best_overlap = None, 0
    for actor in actors:
        overlap = sum(max(0, min(end, actor.evidence.end) - max(start, actor.evidence.start)) for start, end in spans)
        if overlap > best_overlap or (overlap == best_overlap and overlap and best is not None
                                      and _length(actor) < _length(best)):
            best, best_overlap = actor, overlap
    return best


def _length(actor: Actor) -> int:
    return actor.evidence.end - actor.evidence.start


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
