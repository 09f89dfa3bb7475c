"""Print a random sample of M2E2 sentences where eventwire emits a type the gold lacks, to audit by hand.

    python scripts/sample_false_positives.py ../shared/gold --type ASSAULT --sample 50 --seed 2026

The sentences are read from the gold directory given at run time and printed, never stored.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from eventwire.context import Context
from eventwire.evaluate.events import m2e2_sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold directory (holding m2e2_voa/)")
    parser.add_argument("--type", default="ASSAULT", help="PLOVER type to audit")
    parser.add_argument("--sample", type=int, default=50, help="how many sentences to print")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the sample")
    args = parser.parse_args()
    false_positives = [line for _, sentences in m2e2_sentences(args.gold / "m2e2_voa", Context())
                       for line, gold, predicted in sentences if args.type in predicted - gold]
    print(f"{len(false_positives)} sentences with a {args.type} the gold lacks; a sample of {args.sample}:")
    for number, line in enumerate(random.Random(args.seed).sample(false_positives, args.sample)):
        print(f"{number:3d}  {line}")


if __name__ == "__main__":
    main()
