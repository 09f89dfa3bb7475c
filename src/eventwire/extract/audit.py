"""Audit text extraction on labelled English texts: nothing refused, no body line dropped.

Reads the `text` field of every JSON Lines file under the folders given at run time (gold
data stays outside the package) and reports refusals by error code and every removed line.

Example:
    python -m eventwire.extract.audit ../shared/gold
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.extract import to_article
from eventwire.model import Document
from eventwire.options import Options


@dataclass(frozen=True, slots=True)
class AuditReport:
    """Texts read, refusals per error code (with examples) and the lines removed as chrome."""

    texts: int
    refused: Counter[str] = field(default_factory=Counter)
    refusal_examples: tuple[str, ...] = ()
    removed: tuple[tuple[str, str], ...] = ()


def audit_texts(folders: Iterable[Path], options: Options | None = None) -> AuditReport:
    """Run `to_article` over the `text` of every record of every `*.jsonl` under `folders`."""
    options = options or Options()
    texts, refused, examples, removed = 0, Counter(), [], []
    for source, text in _texts(folders):
        texts += 1
        try:
            article = to_article(Document(source, text), options)
        except EventwireError as error:
            refused[error.code] += 1
            examples.append(f"{source}: {error.message}")
            continue
        removed.extend((source, line) for line in article.removed_lines)
    return AuditReport(texts, refused, tuple(examples), tuple(removed))


def _texts(folders: Iterable[Path]) -> Iterator[tuple[str, str]]:
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.jsonl")):
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, start=1):
                    record = json.loads(line) if line.strip() else {}
                    if isinstance(record, dict) and isinstance(record.get("text"), str):
                        yield f"{path}#L{number}", record["text"]


def main(argv: list[str] | None = None) -> int:
    """Print the audit of the folders named on the command line; exit 1 when a text is refused."""
    folders = [Path(name) for name in (argv if argv is not None else sys.argv[1:])]
    if not folders:
        sys.stderr.write("usage: python -m eventwire.extract.audit FOLDER...\n")
        return 2
    report = audit_texts(folders)
    out = sys.stdout
    out.write(f"texts: {report.texts}\nrefused: {sum(report.refused.values())} {dict(report.refused)}\n")
    out.write(f"removed lines: {len(report.removed)}\n")
    for example in report.refusal_examples:
        out.write(f"  refused {example}\n")
    for source, line in report.removed:
        out.write(f"  removed {source}: {line[:120]}\n")
    return 1 if report.refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
