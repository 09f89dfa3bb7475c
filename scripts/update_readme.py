"""Put the output of `python -m eventwire.evaluate GOLD --markdown` into README.md.

    python -m eventwire.evaluate ../shared/gold --markdown > eval.md
    python scripts/update_readme.py eval.md
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- evaluation:start -->\n).*?(<!-- evaluation:end -->)", re.S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("markdown", type=Path, help="output of the evaluation command with --markdown")
    table = parser.parse_args().markdown.read_text(encoding="utf-8").strip() + "\n"
    text = README.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        sys.exit("README.md has no evaluation block")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + table + m.group(2), text), encoding="utf-8")
    print(f"updated {README}")


if __name__ == "__main__":
    main()
