"""Runs a query set against an index and scores the ranking.

Query sets are TSV files with a header line `qid<TAB>query<TAB>target`, the
target being the relevant article's path relative to the indexed folder
(`file.jsonl#id` for a record of a file of records: Hit.address) (a
known-item set, as in ../shared/data/news-dev/*.queries.tsv); the target
column may be left out when TREC qrels (`qid 0 path grade`) give graded
judgements instead. Queries run as plain words (`search(text, syntax=False)`):
headlines carry quotes, colons and words like AND that are not meant as syntax.

Metrics, each averaged over the queries: MRR@10 (1/rank of the first relevant
hit), nDCG@10 (graded gain 2^g - 1, log2 discount), Recall@10 and Recall@100.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from analyzers.normalizer import strip_accents
from searchidx.errors import EvaluationInputError

DEPTH = 100
CUTOFF = 10


@dataclass(frozen=True)
class QuerySet:
    queries: dict[str, str]  # qid -> text, in file order
    judgements: dict[str, dict[str, int]]  # qid -> {path: grade > 0}


@dataclass
class QueryScore:
    qid: str
    query: str
    ranked: list[tuple[str, float]]  # (path, score), best first, up to DEPTH
    rr: float = 0.0
    ndcg: float = 0.0
    recall_10: float = 0.0
    recall_100: float = 0.0


@dataclass
class EvalReport:
    scores: list[QueryScore] = field(default_factory=list)

    def mean(self, name: str) -> float:
        return sum(getattr(s, name) for s in self.scores) / len(self.scores) if self.scores else 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "queries": len(self.scores),
            "mrr@10": round(self.mean("rr"), 4),
            "ndcg@10": round(self.mean("ndcg"), 4),
            "recall@10": round(self.mean("recall_10"), 4),
            "recall@100": round(self.mean("recall_100"), 4),
        }


def read_query_set(path: Path, qrels: Path | None = None) -> QuerySet:
    """Reads a TSV query file (and TREC qrels, if given); raises EvaluationInputError."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationInputError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    if not rows or [c.strip().lower() for c in rows[0][:2]] != ["qid", "query"]:
        raise EvaluationInputError(f"{path}: the first line must be the header qid<TAB>query<TAB>target")
    has_target = len(rows[0]) >= 3 and rows[0][2].strip().lower() == "target"
    queries: dict[str, str] = {}
    judgements: dict[str, dict[str, int]] = {}
    for number, row in enumerate(rows[1:], 2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < (3 if has_target else 2):
            raise EvaluationInputError(f"{path}:{number}: expected qid<TAB>query{'<TAB>target' if has_target else ''}")
        qid, text = row[0].strip(), row[1].strip()
        queries[qid] = text
        if has_target and row[2].strip():
            judgements.setdefault(qid, {})[row[2].strip()] = 1
    if qrels is not None:
        for qid, judged in read_qrels(qrels).items():
            judgements.setdefault(qid, {}).update(judged)
    if not judgements:
        raise EvaluationInputError(f"{path}: no relevance judgements (a target column or --qrels)")
    return QuerySet(queries, judgements)


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """TREC qrels: `qid iteration docid grade` per line; grade 0 is not relevant."""
    judged: dict[str, dict[str, int]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationInputError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4 or not parts[3].lstrip("-").isdigit():
            raise EvaluationInputError(f"{path}:{number}: expected `qid 0 docid grade`")
        if int(parts[3]) > 0:
            judged.setdefault(parts[0], {})[parts[2]] = int(parts[3])
    return judged


def score_ranking(ranked_paths: list[str], relevant: dict[str, int]) -> tuple[float, float, float, float]:
    """(reciprocal rank@10, nDCG@10, recall@10, recall@100) of one ranking."""
    rr = next((1.0 / rank for rank, p in enumerate(ranked_paths[:CUTOFF], 1) if p in relevant), 0.0)
    dcg = sum((2 ** relevant.get(p, 0) - 1) / math.log2(rank + 1) for rank, p in enumerate(ranked_paths[:CUTOFF], 1))
    ideal = sorted(relevant.values(), reverse=True)[:CUTOFF]
    idcg = sum((2**g - 1) / math.log2(rank + 1) for rank, g in enumerate(ideal, 1))
    found_10 = len(set(ranked_paths[:CUTOFF]) & relevant.keys())
    found_100 = len(set(ranked_paths[:DEPTH]) & relevant.keys())
    total = len(relevant)
    return rr, (dcg / idcg if idcg else 0.0), found_10 / total, found_100 / total


def evaluate(index, query_set: QuerySet, no_diacritics: bool = False, depth: int = DEPTH) -> EvalReport:
    """Runs every judged query as plain words and scores its ranking."""
    report = EvalReport()
    for qid, text in query_set.queries.items():
        relevant = query_set.judgements.get(qid)
        if not relevant:
            continue
        query = strip_accents(text) if no_diacritics else text
        results = index.search(query, limit=depth, syntax=False, snippets=False, suggest=False)
        ranked = [(hit.address, hit.score) for hit in results.hits]
        score = QueryScore(qid, query, ranked)
        score.rr, score.ndcg, score.recall_10, score.recall_100 = score_ranking([p for p, _ in ranked], relevant)
        report.scores.append(score)
    return report


def write_trec_run(report: EvalReport, out: TextIO, tag: str = "searchidx") -> None:
    """One `qid Q0 docid rank score tag` line per retrieved document."""
    for score in report.scores:
        for rank, (path, value) in enumerate(score.ranked, 1):
            out.write(f"{score.qid} Q0 {path} {rank} {value:.4f} {tag}\n")
