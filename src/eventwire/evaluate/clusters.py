"""Score cross-article clustering and copy detection on eventwire's own report set.

The suite is bundled (`data/clusters/`, written for the project, not gold data):
outlet-style reports, each labelled with the real-world event it reports and, for a
syndicated copy, the article it copies. Its tune half (`reports.jsonl`) is the set the
rules were developed on; its check half (`reports_check.jsonl`, other events and event
types) was written after they were fixed. The reports are coded and stored in a store in
memory, as an ingest stores them; each article is then assigned the cluster of its event
that the most articles share, and that assignment is scored against the labels with
B-cubed and pairwise precision, recall and F1.
"""

from __future__ import annotations

import json
from importlib.resources import files
from itertools import combinations
from pathlib import Path

from eventwire.context import Context
from eventwire.evaluate.report import Counts, Report
from eventwire.model import Article, Document
from eventwire.pipeline import process
from eventwire.store import Store


REPORT_FILES = {"tune": "reports.jsonl", "check": "reports_check.jsonl"}


def load_reports(half: str | None = None) -> list[dict]:
    """The bundled reports of one half (both by default), one dict per article: id, url,
    published, title, text, event and, for a copy, copy_of."""
    reports = []
    for name in [REPORT_FILES[half]] if half else REPORT_FILES.values():
        text = files("eventwire").joinpath(f"data/clusters/{name}").read_text(encoding="utf-8")
        reports += [json.loads(line) for line in text.splitlines() if line.strip()]
    return reports


def article_clusters(store: Store) -> dict[str, str]:
    """Each stored article's main cluster: the one of its events' clusters with the most articles."""
    best: dict[str, tuple[int, str]] = {}
    for cluster in store.clusters():
        for member in cluster["members"]:
            article_id = member.rsplit(":", 1)[0]
            key = (cluster["n_articles"] + cluster["n_copies"], cluster["cluster_id"])
            if article_id not in best or key > best[article_id]:
                best[article_id] = key
    return {article_id: cluster for article_id, (_, cluster) in best.items()}


def b_cubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering (item -> cluster) against gold labels."""
    items = list(gold)
    precision = recall = 0.0
    for item in items:
        same_predicted = {other for other in items if predicted[other] == predicted[item]}
        same_gold = {other for other in items if gold[other] == gold[item]}
        precision += len(same_predicted & same_gold) / len(same_predicted)
        recall += len(same_predicted & same_gold) / len(same_gold)
    return precision / len(items), recall / len(items)


def evaluate_clusters(gold_dir: Path, ctx: Context, limit: int | None = None, half: str | None = None) -> Report:
    """Cluster the bundled reports; score article -> cluster assignment and copy detection."""
    reports = load_reports(half)[:limit]
    documents = [Document(source=f"clusters#{r['id']}", content=r["text"], url=r["url"], published=r["published"],
                          title=r.get("title")) for r in reports]
    with Store.open(":memory:") as store:
        ids = {}
        for report, item in zip(reports, process(documents, ctx)):
            if isinstance(item, Article):
                store.add(item)
                ids[item.id] = report["id"]
        main = article_clusters(store)
        copies = dict(store._backend.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL"))
    # an article none of whose events was coded is a cluster of its own
    predicted = {ids[a]: main.get(a, f"none:{a}") for a in ids}
    gold = {r["id"]: r["event"] for r in reports if r["id"] in predicted}
    precision, recall = b_cubed(predicted, gold)
    pairs = Counts()
    for first, second in combinations(sorted(gold), 2):
        same_predicted, same_gold = predicted[first] == predicted[second], gold[first] == gold[second]
        pairs.tp += same_predicted and same_gold
        pairs.fp += same_predicted and not same_gold
        pairs.fn += same_gold and not same_predicted
    copy_counts = Counts()
    copy_counts.add({(ids[a], ids.get(o, o)) for a, o in copies.items()},
                    {(r["id"], r["copy_of"]) for r in reports if r.get("copy_of")})
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Report(
        suite="clusters",
        records=len(gold),
        metrics={
            "bcubed_p": precision, "bcubed_r": recall, "bcubed_f1": f1,
            "pairwise_p": pairs.precision, "pairwise_r": pairs.recall, "pairwise_f1": pairs.f1,
            "copy_p": copy_counts.precision, "copy_r": copy_counts.recall,
            "events_gold": float(len(set(gold.values()))), "clusters_predicted": float(len(set(predicted.values()))),
        },
        notes="eventwire's own report sets (data/clusters/), not gold data",
    )
