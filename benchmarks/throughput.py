"""Throughput: bare spaCy (ner+parser) against eventwire end to end, on the same articles.

Prints words/s for each, their ratio, time per stage and peak RSS. Articles are the news
texts of a gold folder read at run time (PolNeAR by default), or the bundled example
repeated when no gold directory is given.

    python benchmarks/throughput.py --gold ../shared/gold --articles 60 --workers 2

The two alternate over `--repeat` rounds (3 by default) and the medians are reported, with
the ratio of each round: on a busy machine one round alone says little.

With `--workers N` it also codes the articles through `pipeline.process_parallel` with
1 and N worker processes (model loading included, as an ingest pays it) and prints
articles/s for each and the speed-up, beside the machine's own: bare spaCy over the same
texts in 1 process and then split over N processes at once (model loading excluded; the
median of `--repeat` rounds), what N processes gain on this machine at all (shared cores,
caches and memory bandwidth, and other load, make it less than N).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import resource
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from eventwire.context import Context
from eventwire.extract import to_article
from eventwire.model import Document
from eventwire.options import Options
from eventwire.pipeline import process_parallel
from eventwire.registry import STAGES, get_coder

EXAMPLE = Path(__file__).parent.parent / "tests" / "fixtures" / "iran_bases_article.txt"
# the baseline: spaCy's statistical components that eventwire runs (it adds the rule-based
# attribute_ruler and lemmatizer and its own paragraph marker, counted in its "nlp" stage)
SPACY_COMPONENTS = ("tok2vec", "tagger", "parser", "ner")


def load_texts(gold: Path | None, count: int) -> list[str]:
    """Return `count` real-length news texts."""
    if gold is not None:
        texts = []
        with (gold / "polnear" / "docs_dev.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                texts.append(json.loads(line)["text"])
                if len(texts) == count:
                    break
        return texts
    return [EXAMPLE.read_text(encoding="utf-8")] * count


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_spacy(ctx: Context, texts: list[str], batch_size: int) -> float:
    """Return seconds for bare `nlp.pipe` with the statistical components eventwire needs."""
    nlp = ctx.nlp
    start = time.perf_counter()
    with nlp.select_pipes(enable=list(SPACY_COMPONENTS)):
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return time.perf_counter() - start


def bench_eventwire(ctx: Context, texts: list[str], batch_size: int) -> tuple[float, dict[str, float]]:
    """Return total seconds and seconds per stage for the full pipeline."""
    per_stage: dict[str, float] = defaultdict(float)
    coders = {stage: get_coder(stage, ctx.options.coder(stage)) for stage in STAGES}
    start = time.perf_counter()
    for first in range(0, len(texts), batch_size):
        clock = time.perf_counter()
        articles = [to_article(Document(source=f"bench-{i}", content=text), ctx.options)
                    for i, text in enumerate(texts[first:first + batch_size])]
        per_stage["extract"] += time.perf_counter() - clock
        clock = time.perf_counter()
        docs = list(ctx.nlp.pipe((a.text for a in articles), batch_size=batch_size))
        per_stage["nlp"] += time.perf_counter() - clock
        for article, doc in zip(articles, docs):
            article = dataclasses.replace(article, doc=doc)
            for stage in STAGES:
                clock = time.perf_counter()
                article = coders[stage](article, ctx)
                per_stage[stage] += time.perf_counter() - clock
    return time.perf_counter() - start, dict(per_stage)


def _spacy_share(texts: list[str], batch_size: int, start: Any) -> float:
    """In a fresh process: load the model, wait for the others, then return the seconds of
    bare `nlp.pipe` over `texts`."""
    ctx = Context()
    bench_spacy(ctx, texts[:2], batch_size)  # load and warm up, untimed
    start.wait()
    return bench_spacy(ctx, texts, batch_size)


def bench_machine(texts: list[str], batch_size: int, workers: int, repeat: int) -> float:
    """Return how much faster `workers` processes parse the texts (split between them, each
    its share at the same time) than one process parses them all: bare spaCy, model loading
    excluded, the median of `repeat` rounds."""
    context = multiprocessing.get_context("spawn")
    speed_ups = []
    for _ in range(max(repeat, 1)):
        times = []
        for count in (1, workers):
            with context.Manager() as manager, context.Pool(count) as pool:
                barrier = manager.Barrier(count)
                shares = [(texts[i::count], batch_size, barrier) for i in range(count)]
                times.append(max(pool.starmap(_spacy_share, shares)))
        speed_ups.append(times[0] / times[1])
    return statistics.median(speed_ups)


def bench_workers(texts: list[str], options: Options, workers: int) -> tuple[float, float, int]:
    """Code the texts with `workers` processes; return the seconds in all (worker start-up
    included), the seconds after the first batch came back, and the articles coded then."""
    documents = [Document(source=f"bench-{i}", content=text) for i, text in enumerate(texts)]
    start = time.perf_counter()
    first = None
    for count, _ in enumerate(process_parallel(documents, options, workers=workers), 1):
        if count == options.batch_size:
            first = time.perf_counter()
    end = time.perf_counter()
    return end - start, end - (first or start), len(texts) - options.batch_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help="gold directory whose polnear/ texts to use")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--workers", type=int, default=0, help="also time 1 and this many worker processes")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed rounds, spaCy then eventwire in each; the medians are reported")
    args = parser.parse_args()
    texts = load_texts(args.gold, args.articles)
    words = sum(len(text.split()) for text in texts)
    ctx = Context(Options(batch_size=args.batch_size, check_language=False))
    clock = time.perf_counter()
    for resource_name in ("nlp", "knowledge_base", "gazetteer", "lexicon"):
        getattr(ctx, resource_name)
    load_seconds = time.perf_counter() - clock
    bench_spacy(ctx, texts[:4], args.batch_size)  # warm up
    rounds = []  # spaCy and eventwire alternate, so that a busy spell of the machine hits both
    rss_spacy = 0.0
    for _ in range(max(args.repeat, 1)):
        spacy_round = bench_spacy(ctx, texts, args.batch_size)
        rss_spacy = rss_spacy or peak_rss_mb()
        rounds.append((spacy_round, *bench_eventwire(ctx, texts, args.batch_size)))
    spacy_seconds = statistics.median(round_[0] for round_ in rounds)
    _, total, stages = sorted(rounds, key=lambda round_: round_[1])[len(rounds) // 2]  # the median run
    print(f"articles: {len(texts)}  words: {words}  batch size: {args.batch_size}")
    print(f"resources loaded once in {load_seconds:.1f} s")
    print(f"spaCy nlp.pipe (tok2vec+tagger+parser+ner):{words / spacy_seconds:8.0f} words/s")
    print(f"eventwire end to end:                      {words / total:8.0f} words/s")
    print(f"ratio eventwire / spaCy:                    {spacy_seconds / total:8.2f}")
    if len(rounds) > 1:
        print(f"  medians of {len(rounds)} rounds; the ratio in each round: "
              + " ".join(f"{spacy_round / eventwire_round:.2f}" for spacy_round, eventwire_round, _ in rounds))
    print("seconds per stage:")
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {stage:10s} {seconds:7.2f}  ({100 * seconds / total:4.1f} %)")
    print(f"peak RSS after spaCy: {rss_spacy:.0f} MiB, after eventwire: {peak_rss_mb():.0f} MiB")
    if args.workers > 1:
        one, one_steady, rest = bench_workers(texts, ctx.options, 1)
        many, many_steady, _ = bench_workers(texts, ctx.options, args.workers)
        print("process_parallel          articles/s, start-up included   after the first batch")
        print(f"  1 worker (this process) {len(texts) / one:14.2f}   {rest / one_steady:21.2f}")
        print(f"  {args.workers} worker processes    {len(texts) / many:14.2f}   {rest / many_steady:21.2f}")
        print(f"  speed-up                {one / many:13.2f}x   {one_steady / many_steady:20.2f}x")
        # the largest of the finished worker processes (each loads its own model and data)
        worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  bare spaCy, {args.workers} processes against 1 (the machine's own): "
              f"{bench_machine(texts, args.batch_size, args.workers, args.repeat):.2f}x")
        print(f"peak RSS of a worker process: {worker_rss:.0f} MiB")


if __name__ == "__main__":
    main()
