"""Fail when an evaluation figure drops below the pinned baseline.

    python -m eventwire.evaluate ../shared/gold --json > eval.json
    python scripts/eval_gate.py eval.json                 # exit 1 on a drop
    python scripts/eval_gate.py eval.json --update        # pin the new figures (takes a decision)

Quality figures (shares between 0 and 1) are gated; counts, distances and the figures of
comparison baselines (population_*) are not. A drop larger than the tolerance fails; for a
rate where lower is better (the false-happened rate), a rise does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BASELINE = Path(__file__).parent.parent / "benchmarks" / "eval_baseline.json"
LOWER_IS_BETTER = ("false_happened_rate",)


def figures(reports: list[dict]) -> dict[str, float]:
    """Flatten reports to {"suite.metric": value} for the gated metrics."""
    return {
        f"{report['suite']}.{name}": value
        for report in reports
        for name, value in report["metrics"].items()
        if 0.0 <= value <= 1.0 and not name.startswith("population") and not name.endswith(("_n", "_km"))
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("current", type=Path, help="output of python -m eventwire.evaluate --json")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--tolerance", type=float, default=0.005)
    parser.add_argument("--update", action="store_true", help="write the current figures as the baseline")
    args = parser.parse_args()
    current = figures(json.loads(args.current.read_text(encoding="utf-8")))
    if args.update:
        args.baseline.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"pinned {len(current)} figures in {args.baseline}")
        return 0
    baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
    drops = [
        f"{name}: {baseline[name]:.3f} -> {current.get(name, 0.0):.3f}"
        for name in sorted(baseline)
        if _worse(name, current.get(name), baseline[name], args.tolerance)
    ]
    for line in drops:
        print(f"DROP {line}")
    print(f"evaluation gate: {len(baseline) - len(drops)} figures held, {len(drops)} dropped")
    return 1 if drops else 0


def _worse(name: str, value: float | None, pinned: float, tolerance: float) -> bool:
    if value is None:
        return True
    if name.endswith(LOWER_IS_BETTER):
        return value > pinned + tolerance
    return value < pinned - tolerance


if __name__ == "__main__":
    sys.exit(main())
