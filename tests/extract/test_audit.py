"""The extraction audit over folders of JSON Lines texts."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.extract.audit import audit_texts, main

BODY = "The foreign ministers met in Geneva on Monday to discuss the ceasefire, officials said."


def write_records(folder: Path) -> None:
    records = [
        {"id": 1, "text": f"Talks resume\n{BODY}\nShare this article"},
        {"id": 2, "text": "Le ministre a annoncé mardi que les soldats français quitteront le pays avant la fin de l'année, "
                          "selon le ministère et les alliés de la France dans la région du Sahel."},
        {"id": 3, "title": "no text field"},
    ]
    (folder / "sub").mkdir()
    (folder / "sub" / "cases.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")


def test_audit_counts_refusals_and_removed_lines(tmp_path: Path) -> None:
    write_records(tmp_path)
    report = audit_texts([tmp_path])
    source = f"{tmp_path / 'sub' / 'cases.jsonl'}"
    assert report.texts == 2
    assert dict(report.refused) == {"EW105": 1}
    assert report.removed == ((f"{source}#L1", "Share this article"),)


def test_audit_main_exit_code(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    write_records(tmp_path)
    assert main([str(tmp_path)]) == 1
    assert "refused: 1 {'EW105': 1}" in capsys.readouterr().out
