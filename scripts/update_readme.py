"""Put the output of a command into a named block of README.md, so no figure is typed by hand.

    python -m eventwire.evaluate ../shared/gold --markdown > eval.md
    python scripts/update_readme.py eval.md                      # the evaluation table
    python benchmarks/throughput.py --gold ../shared/gold --articles 40 > speed.txt
    python scripts/update_readme.py speed.txt --block throughput --code

A block lies between `<!-- NAME:start -->` and `<!-- NAME:end -->`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="file holding the command's output")
    parser.add_argument("--block", default="evaluation", help="name of the README block to replace")
    parser.add_argument("--code", action="store_true", help="show the output as a code block")
    args = parser.parse_args()
    body = args.output.read_text(encoding="utf-8").strip() + "\n"
    if args.code:
        body = f"```\n{body}```\n"
    block = re.compile(rf"(<!-- {re.escape(args.block)}:start -->\n).*?(<!-- {re.escape(args.block)}:end -->)", re.S)
    text = README.read_text(encoding="utf-8")
    if not block.search(text):
        sys.exit(f"README.md has no {args.block} block")
    README.write_text(block.sub(lambda m: m.group(1) + body + m.group(2), text), encoding="utf-8")
    print(f"updated the {args.block} block of {README}")


if __name__ == "__main__":
    main()
