"""Print the figures of the two development halves side by side as a Markdown table.

    python -m eventwire.evaluate ../shared/gold --half tune --json > tune.json
    python -m eventwire.evaluate ../shared/gold --half check --json > check.json
    python scripts/halves_table.py tune.json check.json > halves.md
    python scripts/update_readme.py halves.md --block halves

Every suite is split by a hash of its record ids (`eventwire.evaluate.report.half_of`):
errors are studied on "tune" only; a change lands when it helps "tune" and does not hurt
"check". A large gap between the halves is a sign of rules fitted to the tune half.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

SHOWN = {
    "plover_gsr": ("type_f1", "source_country_acc", "target_country_acc", "sector_acc"),
    "acled": ("type_accuracy", "actor1_country_acc", "location_acc161", "date_exact"),
    "m2e2_voa": ("assault_p", "assault_r", "no_event_precision"),
    "news_events": ("event_f1", "happened_p", "happened_r", "false_happened_rate", "actor_country_acc",
                    "place_acc161", "date_acc", "happened_p@0.7", "happened_r@0.7", "text_kept"),
    "geowebnews": ("overlap_f1", "acc161"),
    "trnews": ("overlap_f1", "acc161"),
    "timebank": ("relaxed_f1", "value_f1"),
    "polnear": ("direct_f1", "speaker_accuracy", "direct_speaker_exact"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tune", type=Path)
    parser.add_argument("check", type=Path)
    args = parser.parse_args()
    halves = [{r["suite"]: r for r in json.loads(path.read_text(encoding="utf-8"))} for path in (args.tune, args.check)]
    lines = ["| suite | metric | tune | check | records (tune / check) |", "|---|---|---:|---:|---:|"]
    for suite, metrics in SHOWN.items():
        if suite not in halves[0] or suite not in halves[1]:
            continue
        tune, check = halves[0][suite], halves[1][suite]
        for metric in metrics:
            if metric in tune["metrics"] and metric in check["metrics"]:
                lines.append(f"| {suite} | {metric} | {tune['metrics'][metric]:.3f} | {check['metrics'][metric]:.3f} "
                             f"| {tune['records']} / {check['records']} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
