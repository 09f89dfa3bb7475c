"""Merge the per-area data manifests into src/eventwire/data/MANIFEST.json with checksums.

    python scripts/build_manifest.py

Each area keeps its own `MANIFEST.<area>.json` (file -> version, source, licence); the merged
manifest adds each file's sha256 and byte size. tests/test_data_manifest.py fails when a data
file is missing from it or has changed since it was built.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATA = Path(__file__).parent.parent / "src" / "eventwire" / "data"
MANIFEST = DATA / "MANIFEST.json"


def data_files() -> list[str]:
    """Return every data file (relative to the data folder), manifests excepted."""
    return sorted(
        path.relative_to(DATA).as_posix()
        for path in DATA.rglob("*")
        if path.is_file() and not path.name.startswith("MANIFEST") and "__pycache__" not in path.parts
    )


def build() -> dict[str, dict]:
    """Return the merged manifest: the areas' entries plus sha256 and size of each file."""
    entries: dict[str, dict] = {}
    for area in sorted(DATA.glob("MANIFEST.*.json")):
        entries.update(json.loads(area.read_text(encoding="utf-8")))
    merged = {}
    for name in data_files():
        content = (DATA / name).read_bytes()
        merged[name] = {**entries.get(name, {}), "sha256": hashlib.sha256(content).hexdigest(),
                        "bytes": len(content)}
    return merged


if __name__ == "__main__":
    MANIFEST.write_text(json.dumps(build(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST}")
