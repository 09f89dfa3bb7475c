"""Benchmark the gazetteer build and toponym resolution speed.

Usage:
    python benchmarks/places.py [TEXT_FILE ...]

Builds the gazetteer into a temporary cache folder (timing it), prints its size on disk,
then resolves the places of the given texts (the seed article by default) repeatedly and
prints toponyms per second (spaCy parsing excluded).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from eventwire.context import Context
from eventwire.model import Article
from eventwire.nlp.parse import attach_doc
from eventwire.places.build import build_gazetteer, gazetteer_version
from eventwire.places.gazetteer import Gazetteer
from eventwire.places.resolve import resolve_places

SEED = Path(__file__).parents[1] / "tests" / "fixtures" / "iran_bases_article.txt"
ROUNDS = 20


def main(paths: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"gazetteer-{gazetteer_version()}.sqlite"
        started = time.perf_counter()
        build_gazetteer(path, progress=False)
        built = time.perf_counter() - started
        size = path.stat().st_size
        ctx = Context()
        ctx.gazetteer = Gazetteer(path)
        texts = [Path(p).read_text(encoding="utf-8") for p in paths] or [SEED.read_text(encoding="utf-8")]
        articles = [attach_doc(Article(id=str(i), text=t), ctx.nlp(t)) for i, t in enumerate(texts)]
        started = time.perf_counter()
        toponyms = 0
        for _ in range(ROUNDS):
            ctx.gazetteer = Gazetteer(path)  # fresh lookup cache each round
            for article in articles:
                toponyms += len(resolve_places(article, ctx).places)
        elapsed = time.perf_counter() - started
    print(f"gazetteer build: {built:.1f} s")
    print(f"gazetteer size: {size / 1024 / 1024:.1f} MiB")
    print(f"resolution: {toponyms / elapsed:.0f} toponyms/s ({toponyms} toponyms in {elapsed:.2f} s, parse excluded)")


if __name__ == "__main__":
    main(sys.argv[1:])
