"""Known-item MRR@10 of ranking-formula variants, scored offline over one index.

    python benchmarks/ranking_variants.py [--collections lajmi ntrex] [--variants NAME...]

Builds a searchidx index of each news-dev collection in a temporary folder
(the project's analyzer, as `searchidx index` does), reads every article's
keys back once, and then scores each headline query (stop words dropped, as
`search(syntax=False)` does) against every article in Python with the variant's
formula. Trying a formula this way takes seconds and needs no change to the
search code; the variant that wins is then put in searchidx.ranking and
confirmed with `searchidx eval`. Numbers here run up to 0.006 above
`searchidx eval`'s (Whoosh keeps field lengths in one byte, 0.001 of it; the
rest was not traced). Reads ../shared/data/news-dev at run time.
"""

from __future__ import annotations

import argparse
import math
import re
import tempfile
from collections import Counter
from pathlib import Path

from searchidx.api import Index
from searchidx.evaluation import read_query_set, strip_diacritics

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev"


class Collection:
    """Each article's keys (and lead paragraph's), document frequencies, the queries."""

    def __init__(self, name: str, workdir: Path):
        index_dir = workdir / name
        with Index.create(index_dir) as index:
            index.add_folder(DATA / name)
        with Index.open(index_dir) as index:
            ix = index._ix  # the open Whoosh index: its stored bodies and analyzer
            self.analyzer = ix.schema["body"].analyzer
            self.docs = []
            with ix.searcher() as searcher:
                for docnum, fields in searcher.iter_docs():
                    tokens = [(t.text, t.pos) for t in self.analyzer(fields["body"], positions=True)]
                    lead = re.split(r"\n\s*\n", fields["body"].strip(), maxsplit=1)[0]
                    self.docs.append(
                        {
                            "path": fields["path"],
                            "docnum": docnum,
                            "tf": Counter(t for t, _ in tokens),
                            "positions": tokens,
                            "len": len(tokens),
                            "lead": Counter(t.text for t in self.analyzer(lead)),
                        }
                    )
        self.df = Counter(t for d in self.docs for t in d["tf"])
        self.n = len(self.docs)
        self.avg = sum(d["len"] for d in self.docs) / self.n
        self.avg_lead = sum(sum(d["lead"].values()) for d in self.docs) / self.n
        self.cf = Counter()
        for d in self.docs:
            self.cf.update(d["tf"])
        self.total = sum(self.cf.values())
        query_set = read_query_set(DATA / f"{name}.queries.tsv")
        self.queries = [(text, next(iter(query_set.judgements[qid]))) for qid, text in query_set.queries.items()]

    def terms(self, text: str) -> list[str]:
        return [t.text for t in self.analyzer(text, mode="query")]

    def mrr(self, score, fold: bool = False) -> float:
        total = 0.0
        for text, target in self.queries:
            terms = self.terms(strip_diacritics(text) if fold else text)
            ranked = sorted((-s, d["docnum"], d["path"]) for d in self.docs if (s := score(self, terms, d)) > 0)
            paths = [path for _, _, path in ranked[:10]]
            total += 1 / (paths.index(target) + 1) if target in paths else 0.0
        return total / len(self.queries)


def whoosh_idf(c: Collection, term: str) -> float:
    return math.log(c.n / (c.df[term] + 1)) + 1


def bm25(k1=0.9, b=0.9, idf_power=1.0, idf=whoosh_idf, lead=0.0, coord=0.0, pairs=0.0, derived=0.0):
    """BM25 over the body; options: a lead-paragraph field, a coordination
    factor, a bonus for adjacent query-word pairs, deverbal-noun <-> verb keys."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        s = 0.0
        norm = (1 - b) + b * d["len"] / c.avg
        weighted = [(t, 1.0) for t in terms]
        if derived:
            weighted += [(r, derived) for t in terms for r in _derivational(t, c.df)]
        for t, w in weighted:
            tf = d["tf"].get(t)
            if not tf:
                continue
            i = idf(c, t) ** idf_power
            s += w * i * tf * (k1 + 1) / (tf + k1 * norm)
            if lead and (ltf := d["lead"].get(t)):
                lnorm = 0.25 + 0.75 * sum(d["lead"].values()) / c.avg_lead
                s += lead * i * ltf * (k1 + 1) / (ltf + k1 * lnorm)
        if s and coord:
            unique = set(terms)
            s *= (sum(t in d["tf"] for t in unique) / len(unique)) ** coord
        if s and pairs:
            where = {}
            for t, p in d["positions"]:
                where.setdefault(t, set()).add(p)
            for a, b2 in zip(terms, terms[1:]):
                if a in where and b2 in where and any(p + 1 in where[b2] for p in where[a]):
                    s += pairs * min(idf(c, a), idf(c, b2)) ** idf_power
        return s

    return score


# Deverbal nouns and agent nouns against their verb (testim/testoj, vonesë/vonoj,
# sulmues/sulmoj, rritje/rrit), kept only when the other key is in the index.
_DERIVATION = [("im", ("oj", "ej", "ij", "uaj")), ("esë", ("oj", "ej")), ("ues", ("oj", "ej", "uaj")), ("je", ("", "j"))]


def _derivational(key: str, vocabulary) -> list[str]:
    out = []
    for noun, verbs in _DERIVATION:
        if key.endswith(noun) and len(key) - len(noun) >= 3:
            out += [key[: -len(noun)] + v for v in verbs]
        for v in verbs:
            if v and key.endswith(v) and len(key) - len(v) >= 3:
                out.append(key[: -len(v)] + noun)
    return [k for k in dict.fromkeys(out) if k != key and k in vocabulary]


def lm_dirichlet(mu=800):
    """Query likelihood with Dirichlet smoothing (rank-equivalent form)."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        if not any(t in d["tf"] for t in terms):
            return 0.0
        s = 0.0
        for t in terms:
            p = (c.cf.get(t, 0) + 0.5) / c.total
            s += math.log((d["tf"].get(t, 0) + mu * p) / (d["len"] + mu)) - math.log(p)
        return 1000 + s

    return score


VARIANTS = {
    "bm25 k1=0.9 b=0.9 (before)": bm25(),
    "bm25 k1=1.2 b=0.75": bm25(k1=1.2, b=0.75),
    "idf log(N/df)": bm25(idf=lambda c, t: math.log(c.n / c.df[t])),
    "idf^1.5": bm25(idf_power=1.5),
    "idf^2 (default)": bm25(idf_power=2.0),
    "idf^2.5": bm25(idf_power=2.5),
    "idf^3": bm25(idf_power=3.0),
    "idf^2 k1=0.6": bm25(idf_power=2.0, k1=0.6),
    "idf^2 b=0.75": bm25(idf_power=2.0, b=0.75),
    "idf^2 b=1.0": bm25(idf_power=2.0, b=1.0),
    "idf^2 + lead 0.2": bm25(idf_power=2.0, lead=0.2),
    "idf^2 + lead 0.5": bm25(idf_power=2.0, lead=0.5),
    "idf^2 x coord^0.5": bm25(idf_power=2.0, coord=0.5),
    "idf^2 + adjacent pairs 0.3": bm25(idf_power=2.0, pairs=0.3),
    "idf^2 + derivations 0.4": bm25(idf_power=2.0, derived=0.4),
    "LM Dirichlet mu=800": lm_dirichlet(800),
}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--collections", nargs="+", default=["lajmi", "ntrex"])
    p.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS), metavar="VARIANT")
    args = p.parse_args(argv)
    if not DATA.is_dir():
        raise SystemExit(f"no data at {DATA}")
    with tempfile.TemporaryDirectory() as tmp:
        collections = {name: Collection(name, Path(tmp)) for name in args.collections}
        for variant in args.variants:
            score = VARIANTS[variant]
            cells = []
            for name, c in collections.items():
                cells.append(f"{name}={c.mrr(score):.3f}")
                if name == "lajmi":
                    cells.append(f"lajmi w/o ë/ç={c.mrr(score, fold=True):.3f}")
            print(f"{variant:30} " + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
