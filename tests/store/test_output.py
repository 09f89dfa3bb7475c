"""Atomic output files: written whole or not at all, through links, keeping permissions."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from eventwire.errors import WriteError
from eventwire.store.output import atomic_path


def test_new_file_appears_only_when_written(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with atomic_path(target) as temporary:
        temporary.write_text("{}\n", encoding="utf-8")
        assert not target.exists() and temporary.parent == tmp_path
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert [path.name for path in tmp_path.iterdir()] == ["out.jsonl"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(ZeroDivisionError), atomic_path(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        1 / 0  # noqa: B018 (the write fails part way)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["out.jsonl"]


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    with atomic_path(target) as temporary:
        temporary.write_text("new\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_path(link) as temporary:
        temporary.write_text("new\n", encoding="utf-8")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize(
    ("where", "message"),
    [("missing/out.csv", "no directory"), ("folder", "it is a directory"), ("file.txt/out.csv", "no directory")],
)
def test_unwritable_target_is_a_write_error(tmp_path: Path, where: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(WriteError, match=f"^EW202 cannot write {re.escape(str(tmp_path / where))}: {message}"):
        with atomic_path(tmp_path / where):
            pass
