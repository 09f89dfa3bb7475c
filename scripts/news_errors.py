"""Print the event errors of one development half of `news_events`, to read by hand.

    python scripts/news_errors.py ../shared/gold --half tune [--kind fp|fn|attr] > errors.txt

False positives (system events that match no gold event), misses (gold events nothing
matched) and wrong attributes of matched pairs, each with its sentence. Read the tune
half's errors only; the check half is for confirming a change.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.context import Context
from eventwire.evaluate.events import code_text
from eventwire.evaluate.news import _coded, _gold, match
from eventwire.evaluate.report import HALVES, read_jsonl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--half", choices=HALVES, default="tune")
    parser.add_argument("--kind", choices=("fp", "fn", "attr"), action="append")
    args = parser.parse_args()
    kinds = set(args.kind or ("fp", "fn", "attr"))
    ctx = Context()
    for record in read_jsonl(args.gold / "news_events" / "articles.jsonl", half=args.half):
        article = code_text(record["text"], ctx, published=record.get("published"))
        system = [_coded(event, article) for event in article.events]
        gold = [_gold(event) for event in record["events"]]
        pairs = match(system, gold, same_type=True)
        matched_system = {id(s) for s, _ in pairs}
        matched_gold = {id(g) for _, g in pairs}
        print(f"## {record['id']} ({record.get('published')})")
        if "fp" in kinds:
            for coded in (c for c in system if id(c) not in matched_system):
                event = coded.event
                _show("FP", f"{event.type} {event.modality} conf={event.confidence:.2f}", event.trigger,
                      [a.code or a.text for a in event.sources], [a.code or a.text for a in event.targets],
                      coded.sentences[0])
        if "fn" in kinds:
            for event in (g.record for g in gold if id(g) not in matched_gold):
                _show("FN", f"{event['type']} {event['modality']}", event["trigger"],
                      [a.get("country") for a in event["source"]], [a.get("country") for a in event["target"]],
                      event["sentence"])
        for coded, item in pairs:
            event, wanted = coded.event, item.record
            if "attr" in kinds:
                print(f"OK {event.type} {event.modality}/{wanted['modality']} [{event.trigger}] "
                      f"src {[a.country for a in event.sources]} vs {[a.get('country') for a in wanted['source']]}, "
                      f"tgt {[a.country for a in event.targets]} vs {[a.get('country') for a in wanted['target']]}, "
                      f"place {event.place and event.place.name} vs {(wanted.get('place') or {}).get('name')}, "
                      f"date {event.date} vs {wanted.get('date')}")


def _show(kind: str, what: str, trigger: str, sources: list, targets: list, sentence: str) -> None:
    print(f"{kind} {what} [{trigger}] {sources}->{targets}\n   {sentence[:300]}")


if __name__ == "__main__":
    main()
