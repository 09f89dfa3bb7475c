"""Length scaling: time of the spaCy parse and of eventwire's own stages as a text doubles in
length, up to `Options.max_chars`.

Two kinds of text: one news sentence repeated (the worst case: every sentence has the same
actors, places and dates), and real articles joined one after another (the news texts of a gold
folder read at run time, or the bundled example repeated). For each length the parse of the same
text in the same process is the baseline; "x prev" is the time against the length before: about
2.0 for linear work, 4.0 for quadratic.

    python benchmarks/length_scaling.py --gold ../shared/gold
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from throughput import EXAMPLE, bench_eventwire

from eventwire.context import Context
from eventwire.options import Options

SENTENCE = ("Iranian forces attacked a US base near Baghdad on Monday, killing three soldiers, "
            "officials in Washington said. ")


def real_text(gold: Path | None, length: int) -> str:
    """Return real news articles joined by blank lines, cut at a paragraph to `length` characters."""
    if gold is not None:
        with (gold / "news_events" / "articles.jsonl").open(encoding="utf-8") as lines:
            articles = [json.loads(line)["text"] for line in lines]
    else:
        articles = [EXAMPLE.read_text(encoding="utf-8")]
    text, index = "", 0
    while len(text) < length:
        text += articles[index % len(articles)].strip() + "\n\n"
        index += 1
    cut = text.rfind("\n\n", 0, length)
    return text[:cut if cut > 0 else length]


def lengths(smallest: int, largest: int) -> list[int]:
    found = []
    while smallest <= largest:
        found.append(smallest)
        smallest *= 2
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help="gold directory whose news_events/ texts to use")
    parser.add_argument("--smallest", type=int, default=15_625)
    parser.add_argument("--largest", type=int, default=Options().max_chars)
    args = parser.parse_args()
    ctx = Context(Options(check_language=False))
    bench_eventwire(ctx, [real_text(args.gold, 3_000)], 1)  # load and warm up
    print(f"{'text':9s} {'chars':>8s} {'parse s':>8s} {'stages s':>9s} {'stages/parse':>13s} "
          f"{'x prev':>7s}  slowest stage")
    for kind, make in (("repeated", lambda n: (SENTENCE * (n // len(SENTENCE) + 1))[:n]),
                       ("real", lambda n: real_text(args.gold, n))):
        previous = None
        for length in lengths(args.smallest, args.largest):
            text = make(int(length * 0.99))  # text clean-up may add a few characters
            clock = time.perf_counter()
            total, stages = bench_eventwire(ctx, [text], 1)
            total = time.perf_counter() - clock
            parse = stages.pop("nlp")
            own = total - parse
            slowest = max(stages, key=stages.get)
            growth = f"{total / previous:7.2f}" if previous else f"{'':7s}"
            print(f"{kind:9s} {len(text):8d} {parse:8.2f} {own:9.2f} {own / parse:13.2f} {growth}  "
                  f"{slowest} {stages[slowest]:.2f} s", flush=True)
            previous = total


if __name__ == "__main__":
    main()
