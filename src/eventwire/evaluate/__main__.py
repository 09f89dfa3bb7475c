"""`python -m eventwire.evaluate GOLD_DIR [--suite NAME ...] [--limit N] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from rich.console import Console
from rich.table import Table

from eventwire.evaluate import SUITES, evaluate
from eventwire.evaluate.report import HALVES, Report


def print_reports(reports: list[Report], *, as_json: bool = False, as_markdown: bool = False) -> None:
    """Print reports as JSON (one object), Markdown tables or rich tables on stdout."""
    if as_json:
        sys.stdout.write(json.dumps([asdict(report) for report in reports], indent=2) + "\n")
        return
    if as_markdown:
        sys.stdout.write(markdown(reports))
        return
    console = Console()
    for report in reports:
        table = Table(title=f"{report.suite} ({report.records} records)", title_justify="left")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for name, value in report.metrics.items():
            table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
        console.print(table)
        if report.per_label:
            columns = sorted({key for scores in report.per_label.values() for key in scores})
            labels = Table(*["label", *columns], title=f"{report.suite} per label", title_justify="left")
            for label, scores in sorted(report.per_label.items()):
                labels.add_row(label, *(_cell(column, scores.get(column)) for column in columns))
            console.print(labels)
        if report.notes:
            console.print(report.notes)


def markdown(reports: list[Report]) -> str:
    """Return the headline metrics as one Markdown table, then each per-label table."""
    lines = ["| suite | records | metric | value |", "|---|---:|---|---:|"]
    for report in reports:
        for name, value in report.metrics.items():
            shown = f"{value:.0f}" if value > 1 and float(value).is_integer() else f"{value:.3f}"
            shown = f"{value:.1f}" if name.endswith("_km") else shown
            lines.append(f"| {report.suite} | {report.records} | {name} | {shown} |")
    for report in reports:
        if not report.per_label:
            continue
        columns = [c for c in ("p", "r", "f1", "n") if any(c in s for s in report.per_label.values())]
        lines += ["", f"Per label, {report.suite}:", "", "| label | " + " | ".join(columns) + " |",
                  "|---|" + "---:|" * len(columns)]
        for label, scores in sorted(report.per_label.items()):
            lines.append(f"| {label} | " + " | ".join(_cell(c, scores.get(c)) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def _cell(column: str, value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if column == "n" else f"{value:.3f}"


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and print the evaluation reports."""
    parser = argparse.ArgumentParser(prog="python -m eventwire.evaluate", description=__doc__)
    parser.add_argument("gold", help="gold directory, one folder per suite")
    parser.add_argument("--suite", action="append", choices=sorted(SUITES), help="suite to run (repeatable)")
    parser.add_argument("--limit", type=int, help="at most this many records per suite")
    parser.add_argument("--half", choices=HALVES, help="score one development half (split by a hash of the id)")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument("--markdown", action="store_true", help="print headline figures as a Markdown table")
    args = parser.parse_args(argv)
    reports = evaluate(args.gold, args.suite, limit=args.limit, half=args.half)
    print_reports(reports, as_json=args.json, as_markdown=args.markdown)


if __name__ == "__main__":
    main()
