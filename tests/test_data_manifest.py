"""Every data file is listed in data/MANIFEST.json with its source, licence and checksum."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
spec = importlib.util.spec_from_file_location("build_manifest", ROOT / "scripts" / "build_manifest.py")
build_manifest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_manifest)

MANIFEST = json.loads(build_manifest.MANIFEST.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", build_manifest.data_files())
def test_data_file_is_described(name):
    entry = MANIFEST.get(name)
    assert entry, f"{name} is not in data/MANIFEST.json: run python scripts/build_manifest.py"
    assert entry.get("source") and entry.get("licence") and entry.get("version"), name


def test_manifest_checksums_are_current():
    assert MANIFEST == build_manifest.build(), "data changed: run python scripts/build_manifest.py"
