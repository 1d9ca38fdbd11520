"""Known-item MRR@10 of ranking-formula variants, scored offline over one index.

    python benchmarks/ranking_variants.py [--collections lajmi ntrex] [--variants NAME...]

Builds a searchidx index of each news-dev collection in a temporary folder
(the project's analyzer, as `searchidx index` does), reads every article's
keys back once, and then scores each headline query (stop words dropped, as
`search(syntax=False)` does) against every article in Python with the variant's
formula. Trying a formula this way takes seconds and needs no change to the
search code; the variant that wins is then put in searchidx.rank.settings and
confirmed with `searchidx eval`. Numbers here agree with `searchidx eval`'s
to about 0.001 (Whoosh keeps field lengths in one byte); they ran up to 0.006
above while searchidx searched a word the analyzer splits (`Kosovë-Serbi`)
as a phrase. Reads ../shared/data/news-dev at run time.

Besides one-pass formulas, variants may add a second pass over the idf^2
ranking (pseudo-relevance feedback, cached per query), evidence from
positions (best passage, proximity, MinDist), partial credit for a query
key's near forms in the article (same first letters), or re-rank the first
hits by character 4-grams counted among them.
"""

from __future__ import annotations

import argparse
import functools
import math
import re
import tempfile
from collections import Counter
from pathlib import Path

from analyzers import is_stopword
from analyzers.normalizer import strip_accents as strip_diacritics
from searchidx.api import Index
from searchidx.evaluation import read_query_set

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev"


class Query(list):
    """A query's analyzer keys (the list), and the headline they came from (`text`)."""

    def __init__(self, keys: list[str], text: str):
        super().__init__(keys)
        self.text = text


def _words(text: str) -> list[str]:
    """Lowercase words without diacritics, stop words left out: what character
    n-grams are cut from (no analyzer, no stemmer)."""
    return [strip_diacritics(w) for w in re.findall(r"\w+", text.lower()) if not is_stopword(w)]


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
                            "where": _positions_by_key(tokens),
                            "len": len(tokens),
                            "lead": Counter(t.text for t in self.analyzer(lead)),
                            "words": _words(fields["body"]),
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

    def terms(self, text: str) -> Query:
        return Query([t.text for t in self.analyzer(text, mode="query")], text)

    def mrr(self, score, fold: bool = False) -> float:
        total = 0.0
        for text, target in self.queries:
            terms = self.terms(strip_diacritics(text) if fold else text)
            ranked = sorted((-s, d["docnum"], d["path"]) for d in self.docs if (s := score(self, terms, d)) > 0)
            paths = [path for _, _, path in ranked[:10]]
            total += 1 / (paths.index(target) + 1) if target in paths else 0.0
        return total / len(self.queries)


def _positions_by_key(tokens: list[tuple[str, int]]) -> dict[str, list[int]]:
    where: dict[str, list[int]] = {}
    for key, pos in tokens:
        where.setdefault(key, []).append(pos)
    return where


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
_DERIVATION = [
    ("im", ("oj", "ej", "ij", "uaj")),
    ("esë", ("oj", "ej")),
    ("ues", ("oj", "ej", "uaj")),
    ("je", ("", "j")),
]


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


# --- Second-pass and position-aware variants: each adds evidence to the idf^2
# BM25 above (k1 0.9, b 0.9), which stays the first term of the score.

_IDF2_BM25 = bm25(idf_power=2.0)


@functools.cache
def _first_pass(c: Collection, terms: tuple[str, ...]) -> list[dict]:
    """The articles in idf^2 BM25 order (a query's first pass, cached per query)."""
    scored = [(s, d) for d in c.docs if (s := _IDF2_BM25(c, list(terms), d)) > 0]
    return [d for _, d in sorted(scored, key=lambda sd: (-sd[0], sd[1]["docnum"]))]


@functools.cache
def _expansion(c: Collection, terms: tuple[str, ...], k: int, m: int) -> tuple[tuple[str, float], ...]:
    """The m keys weighing most in the first pass's top k articles, weights summing to 1.

    A key's weight is its tf share in each feedback article times its IDF,
    summed over the articles (RM3's P(w|R) with an IDF in place of the
    collection-model discount); query keys and keys in more than a third of
    the articles (stop words, `kosovë`) are left out.
    """
    weights: Counter = Counter()
    for d in _first_pass(c, terms)[:k]:
        for key, tf in d["tf"].items():
            if key not in terms and c.df[key] <= c.n / 3:
                weights[key] += tf / d["len"] * whoosh_idf(c, key)
    top = weights.most_common(m)
    total = sum(w for _, w in top) or 1.0
    return tuple((key, w / total) for key, w in top)


def prf(k=5, m=10, weight=0.3, k1=0.9, b=0.9):
    """Pseudo-relevance feedback (RM3-like): the idf^2 BM25 score plus `weight`
    times the same BM25 over m expansion keys drawn from the first pass's top k
    articles, each key weighted by its share of the expansion (times the
    query's key count, so `weight` compares the expansion to the query)."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        s = _IDF2_BM25(c, terms, d)
        if not s:
            return 0.0
        norm = (1 - b) + b * d["len"] / c.avg
        extra = 0.0
        for key, w in _expansion(c, tuple(terms), k, m):
            if tf := d["tf"].get(key):
                extra += w * whoosh_idf(c, key) ** 2 * tf * (k1 + 1) / (tf + k1 * norm)
        return s + weight * len(terms) * extra

    return score


def best_passage(window=60, alpha=0.5, mode="sum", k1=0.9, b=0.9):
    """Best-passage evidence: idf^2 BM25 over every window of `window` positions
    (stepped by half a window), the best window's score added with weight
    `alpha` to the whole article's (mode "sum") or taken alone when higher
    (mode "max"). Models a headline that summarises one part of a long article."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        s = _IDF2_BM25(c, terms, d)
        if not s:
            return 0.0
        hits = [(p, t) for t in terms if t in d["where"] for p in d["where"][t]]
        last = d["positions"][-1][1] if d["positions"] else 0
        best = 0.0
        for start in range(0, max(1, last - window // 2 + 1), max(1, window // 2)):
            tfs = Counter(t for p, t in hits if start <= p < start + window)
            if not tfs:
                continue
            plen = min(window, last + 1 - start)
            norm = (1 - b) + b * plen / window
            ps = sum(whoosh_idf(c, t) ** 2 * tfs[t] * (k1 + 1) / (tfs[t] + k1 * norm) for t in terms if t in tfs)
            best = max(best, ps)
        return s + alpha * best if mode == "sum" else max(s, best)

    return score


def proximity(window=10, weight=0.3, k1=0.9, b=0.9):
    """BM25TP-style term proximity: for each pair of distinct query keys, the
    occurrences within `window` positions of each other add 1/distance^2; that
    sum is saturated like a tf and weighted by the pair's lesser IDF squared.
    Adjacent pairs only (distance 1, no saturation) were tried before."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        s = _IDF2_BM25(c, terms, d)
        if not s:
            return 0.0
        norm = (1 - b) + b * d["len"] / c.avg
        present = [t for t in dict.fromkeys(terms) if t in d["where"]]
        for i, a in enumerate(present):
            for t in present[i + 1 :]:
                acc = sum(
                    1 / (pa - pb) ** 2 for pa in d["where"][a] for pb in d["where"][t] if 0 < abs(pa - pb) <= window
                )
                if acc:
                    s += weight * min(whoosh_idf(c, a), whoosh_idf(c, t)) ** 2 * acc * (k1 + 1) / (acc + k1 * norm)
        return s

    return score


def salience(weight=0.3, k1=0.9, b=0.9):
    """Headline keys among the article's own most salient keys: each matched
    query key's tf x IDF^2 as a share of the article's largest tf x IDF^2
    (1 when it is the article's top key), summed, times `weight` x the query's
    mean IDF^2. Models a headline naming what the article is mostly about,
    which BM25's per-key saturation does not see."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        s = _IDF2_BM25(c, terms, d)
        if not s:
            return 0.0
        top = d.get("top_salience")
        if top is None:
            top = d["top_salience"] = max(tf * whoosh_idf(c, k) ** 2 for k, tf in d["tf"].items() if c.df[k] <= c.n / 3)
        share = sum(d["tf"][t] * whoosh_idf(c, t) ** 2 / top for t in set(terms) if t in d["tf"])
        mean_idf2 = sum(whoosh_idf(c, t) ** 2 for t in terms) / len(terms)
        return s + weight * mean_idf2 * share

    return score


def unique_query_keys():
    """idf^2 BM25 with each query key counted once (a headline repeating a key,
    `dy ... dy`, no longer doubles it)."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        return _IDF2_BM25(c, list(dict.fromkeys(terms)), d)

    return score


def length_prior(power=0.1):
    """idf^2 BM25 times (article length / average)^power: a document prior on
    length, on top of BM25's own length normalisation."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        return _IDF2_BM25(c, terms, d) * (d["len"] / c.avg) ** power

    return score


def _prefix_tf(d: dict, length: int) -> Counter:
    """The article's tf summed by each key's first `length` letters (kept on the article)."""
    if (counts := d.get(("prefix tf", length))) is None:
        counts = d[("prefix tf", length)] = Counter()
        for key, tf in d["tf"].items():
            counts[key[:length]] += tf
    return counts


@functools.cache
def _prefix_df(c: Collection, prefix: str) -> int:
    return sum(prefix in _prefix_tf(d, len(prefix)) for d in c.docs)


def near_forms(prefix=5, weight=0.5, k1=0.9, b=0.9):
    """Partial credit for a query key the article lacks when the article has
    another key with the same first `prefix` letters (infektim/infektoj,
    transferim/transferoj, gjykatës/gjykatë): those keys' tf, scored by BM25
    with the IDF^2 of every key sharing the prefix, times `weight`. Unlike the
    prefix key tried before, it adds nothing where the key itself matched."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        s = _IDF2_BM25(c, terms, d)
        norm = (1 - b) + b * d["len"] / c.avg
        for t in terms:
            if t in d["tf"] or len(t) < prefix:
                continue
            tf = _prefix_tf(d, prefix).get(t[:prefix])
            if tf:
                idf = math.log(c.n / (_prefix_df(c, t[:prefix]) + 1)) + 1
                s += weight * idf**2 * tf * (k1 + 1) / (tf + k1 * norm)
        return s

    return score


def min_distance(alpha=0.3, weight=1.0):
    """Tao & Zhai's (2007) MinDist proximity: δ, the fewest positions between
    two distinct matched query keys, adds weight × (log(alpha + exp(-δ)) -
    log(alpha)) × the query's mean IDF^2: most for keys side by side, nothing
    for keys far apart or for a single matched key."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        s = _IDF2_BM25(c, terms, d)
        present = [t for t in dict.fromkeys(terms) if t in d["where"]]
        if not s or len(present) < 2:
            return s
        hits = sorted((p, t) for t in present for p in d["where"][t])
        delta = min(p2 - p1 for (p1, t1), (p2, t2) in zip(hits, hits[1:]) if t1 != t2) if len(hits) > 1 else 0
        mean_idf2 = sum(whoosh_idf(c, t) ** 2 for t in terms) / len(terms)
        return max(1e-9, s + weight * mean_idf2 * (math.log(alpha + math.exp(-delta)) - math.log(alpha)))

    return score


def combined(*variants):
    """The idf^2 BM25 score plus what each of `variants` adds to it."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        base = _IDF2_BM25(c, terms, d)
        return base + sum(v(c, terms, d) - base for v in variants) if base else 0.0

    return score


def _grams(words: list[str], n: int, head: int = 0) -> Counter:
    """Character n-grams of each word padded with a space each side (a word
    shorter than n gives itself, padded); head > 0: of its first `head`
    letters only, where the stem is, no end pad when cut."""
    grams: Counter = Counter()
    for w in words:
        padded = f" {w[:head]}" if head and len(w) > head else f" {w} "
        grams.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


@functools.cache
def _gram_stats(c: Collection, n: int, source: str, head: int) -> tuple[dict, Counter, float]:
    """Each article's n-gram counts (by docnum), the n-grams' df, the mean n-gram count."""
    counts = {
        d["docnum"]: _grams(d["words"] if source == "words" else [k for k, _ in d["positions"]], n, head)
        for d in c.docs
    }
    df = Counter(g for grams in counts.values() for g in grams)
    return counts, df, sum(sum(g.values()) for g in counts.values()) / c.n


def char_ngrams(n=5, k1=1.2, b=0.75, idf_power=1.0, source="words", head=0):
    """BM25 over character n-grams of the words, not over the analyzer's keys:
    no stemmer, so a headline's `infektimi` still meets the article's
    `infektuar` through ` infe`, `infek`, `nfekt`... (McNamee & Mayfield's
    n-gram indexing for morphologically rich languages). Meant to be fused
    with the key ranking rather than used alone. source="keys": n-grams of
    the analyzer's keys instead of the words; head > 0: n-grams of each word's
    first `head` letters only."""

    def score(c: Collection, terms: Query, d: dict) -> float:
        counts, df, avg = _gram_stats(c, n, source, head)
        grams = counts[d["docnum"]]
        length = sum(grams.values())
        norm = (1 - b) + b * length / avg
        s = 0.0
        query_words = _words(terms.text) if source == "words" else list(terms)
        for g, qtf in _grams(query_words, n, head).items():
            if tf := grams.get(g):
                s += qtf * (math.log(c.n / (df[g] + 1)) + 1) ** idf_power * tf * (k1 + 1) / (tf + k1 * norm)
        return s

    return score


@functools.cache
def _normalised_scores(c: Collection, keys: tuple[str, ...], text: str, variant, how: str) -> dict[int, float]:
    """One variant's scores for one query, by docnum: min-max scaled to [0, 1]
    over the articles it scores above 0 ("minmax"), divided by the best score
    ("max"), or 1 / (60 + rank) ("rrf")."""
    query = Query(list(keys), text)
    scored = sorted(((s, d["docnum"]) for d in c.docs if (s := variant(c, query, d)) > 0), reverse=True)
    if how == "rrf":
        return {docnum: 1 / (60 + rank) for rank, (_, docnum) in enumerate(scored, 1)}
    if how == "max":
        return {docnum: s / scored[0][0] for s, docnum in scored}
    high, low = scored[0][0] if scored else 1.0, scored[-1][0] if scored else 0.0
    return {docnum: (s - low) / (high - low or 1.0) + 1e-6 for s, docnum in scored}


def fused(parts, how="minmax"):
    """Fusion of rankings: the weighted sum of each (variant, weight) part's
    per-query normalised score (see _normalised_scores). Two formulas that
    miss different queries may together miss fewer."""

    def score(c: Collection, terms: list[str], d: dict) -> float:
        return sum(w * _normalised_scores(c, tuple(terms), terms.text, v, how).get(d["docnum"], 0.0) for v, w in parts)

    return score


@functools.cache
def _reranked_scores(c: Collection, keys: tuple[str, ...], text: str, first, depth, weight, idf_power, k1, b):
    """One query's scores by docnum: the first variant's, divided by its best,
    plus for its first `depth` articles weight x their 4-gram BM25 / the best,
    the grams' IDF and mean length counted among those articles alone."""
    query = Query(list(keys), text)
    ranked = sorted(((s, d["docnum"]) for d in c.docs if (s := first(c, query, d)) > 0), key=lambda sd: (-sd[0], sd[1]))
    if not ranked:
        return {}
    best = ranked[0][0]
    scores = {docnum: s / best for s, docnum in ranked}
    counts, _, _ = _gram_stats(c, 4, "words", 0)
    head = [docnum for _, docnum in ranked[:depth]]
    wanted = _grams(_words(text), 4)
    held = Counter(g for docnum in head for g in counts[docnum] if g in wanted)
    mean = sum(sum(counts[docnum].values()) for docnum in head) / len(head)
    grams = {}
    for docnum in head:
        norm = (1 - b) + b * sum(counts[docnum].values()) / mean
        grams[docnum] = sum(
            qtf * (math.log(len(head) / held[g]) + 1) ** idf_power * tf * (k1 + 1) / (tf + k1 * norm)
            for g, qtf in wanted.items()
            if (tf := counts[docnum].get(g))
        )
    top = max(grams.values())
    for docnum in head:
        scores[docnum] += weight * grams[docnum] / top if top else 0.0
    return scores


def reranked(first, depth=30, weight=1.0, idf_power=2.0, k1=1.2, b=0.75):
    """`first`'s ranking with its first `depth` articles re-ranked by 4-gram
    BM25 counted among them (searchidx.rank.rerank; here for every query length)."""

    def score(c: Collection, terms: Query, d: dict) -> float:
        return _reranked_scores(c, tuple(terms), terms.text, first, depth, weight, idf_power, k1, b).get(
            d["docnum"], 0.0
        )

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
    # Second pass over the idf^2 ranking: pseudo-relevance feedback (k articles, m keys, weight).
    **{
        f"idf^2 + PRF k={k} m={m} w={w}": prf(k, m, w)
        for k, m, w in [
            (3, 10, 0.03),
            (3, 10, 0.1),
            (3, 10, 0.3),
            (5, 10, 0.1),
            (5, 20, 0.3),
            (10, 10, 0.03),
            (10, 20, 0.1),
        ]
    },
    # The best window of positions (size, weight; "max": the better of article and window).
    **{f"idf^2 + best passage {n} x{a}": best_passage(n, a) for n, a in [(40, 0.5), (60, 0.2), (60, 0.5), (120, 0.3)]},
    "idf^2 or best passage 60 (max)": best_passage(60, mode="max"),
    # Query keys near each other in the article.
    **{
        f"idf^2 + proximity W={n} x{w}": proximity(n, w)
        for n, w in [(5, 0.3), (10, 0.1), (10, 0.3), (20, 0.1), (20, 0.3)]
    },
    **{f"idf^2 + MinDist a={a} x{w}": min_distance(a, w) for a, w in [(0.3, 0.3), (0.3, 1.0), (1.0, 1.0)]},
    # Other ideas, from lajmi's misses.
    **{f"idf^2 + salience x{w}": salience(w) for w in (0.05, 0.1, 0.3, 1.0)},
    "idf^2, query keys once": unique_query_keys(),
    **{f"idf^2 x length^{p}": length_prior(p) for p in (-0.1, 0.1, 0.2)},
    "idf log(N/df) squared": bm25(idf_power=2.0, idf=lambda c, t: math.log(c.n / c.df[t]) if c.df[t] else 0.0),
    "idf Robertson log((N-df+.5)/(df+.5)) squared": bm25(
        idf_power=2.0, idf=lambda c, t: math.log((c.n - c.df[t] + 0.5) / (c.df[t] + 0.5))
    ),
    "idf (log((N+1)/(df+1)) + 0.5) squared": bm25(
        idf_power=2.0, idf=lambda c, t: math.log((c.n + 1) / (c.df[t] + 1)) + 0.5
    ),
    "idf^2 k1=0.3": bm25(idf_power=2.0, k1=0.3),
    "idf^2 k1=1.2": bm25(idf_power=2.0, k1=1.2),
    **{
        f"idf^2 + near forms {n} letters x{w}": near_forms(n, w)
        for n, w in [(4, 0.3), (5, 0.3), (5, 0.5), (5, 1.0), (6, 0.5), (6, 0.7), (6, 1.0), (6, 1.5), (7, 1.0)]
    },
    "idf^2 b=0.75 + near forms 6 letters x1.0": near_forms(6, 1.0, b=0.75),
    "idf^2 + near forms 6 x1.0 + salience x0.1": combined(near_forms(6, 1.0), salience(0.1)),
    "idf^2 + near forms 6 x1.0 + PRF k=10 m=10 w=0.02": combined(near_forms(6, 1.0), prf(10, 10, 0.02)),
    "idf^2 + near forms 6 x1.0 + best passage 120 x0.1": combined(near_forms(6, 1.0), best_passage(120, 0.1)),
    # Fusion (per-query normalised scores, summed) of the key ranking with another.
    "fuse idf^2 + LM Dirichlet x0.3": fused([(_IDF2_BM25, 1.0), (lm_dirichlet(800), 0.3)]),
    "fuse idf^2 + LM Dirichlet x1.0": fused([(_IDF2_BM25, 1.0), (lm_dirichlet(800), 1.0)]),
    "fuse idf^2 + LM Dirichlet x1.0 (rrf)": fused([(_IDF2_BM25, 1.0), (lm_dirichlet(800), 1.0)], "rrf"),
    "fuse idf^2 + idf^3 x1.0": fused([(_IDF2_BM25, 1.0), (bm25(idf_power=3.0), 1.0)]),
    "fuse idf^2 + bm25 idf^1 x0.5": fused([(_IDF2_BM25, 1.0), (bm25(), 0.5)]),
    "fuse idf^2 + idf^2 with lead 1.0 x0.5": fused([(_IDF2_BM25, 1.0), (bm25(idf_power=2.0, lead=1.0), 0.5)]),
    # Character n-grams of the words (no stemmer): alone, then fused with the keys.
    **{
        f"{n}-grams idf^{p} (k1 1.2, b 0.75)": char_ngrams(n, idf_power=p)
        for n, p in [(3, 2.0), (4, 1.0), (4, 2.0), (4, 3.0), (5, 1.0), (5, 2.0)]
    },
    "4-grams idf^2 k1 0.9 b 0.9": char_ngrams(4, k1=0.9, b=0.9, idf_power=2.0),
    "4-grams of the keys idf^3": char_ngrams(4, idf_power=3.0, source="keys"),
    **{
        f"fuse idf^2 + {n}-grams idf^{p} x{w}": fused([(_IDF2_BM25, 1.0), (char_ngrams(n, idf_power=p), w)])
        for n, p, w in [
            (4, 1.0, 0.5),
            (5, 1.0, 0.5),
            (5, 1.0, 1.0),
            (4, 2.0, 0.5),
            (4, 2.0, 1.0),
            (4, 2.0, 1.5),
            (4, 2.0, 2.0),
            (5, 2.0, 0.5),
            (4, 3.0, 1.0),
        ]
    },
    "fuse idf^2 + 4-grams idf^3 x1.0 (max)": fused([(_IDF2_BM25, 1.0), (char_ngrams(4, idf_power=3.0), 1.0)], "max"),
    "fuse idf^2 + 4-grams of keys idf^3 x1.0 (max)": fused(
        [(_IDF2_BM25, 1.0), (char_ngrams(4, idf_power=3.0, source="keys"), 1.0)], "max"
    ),
    "fuse idf^2 + 4-grams k1 0.9 b 0.9 idf^2 x1.0": fused(
        [(_IDF2_BM25, 1.0), (char_ngrams(4, k1=0.9, b=0.9, idf_power=2.0), 1.0)]
    ),
    "fuse idf^2 + 4-grams idf^2 x0.5 + 5-grams idf^2 x0.5": fused(
        [(_IDF2_BM25, 1.0), (char_ngrams(4, idf_power=2.0), 0.5), (char_ngrams(5, idf_power=2.0), 0.5)]
    ),
    # Near forms (above) fused with the n-grams.
    **{
        f"fuse near forms 6 x1.0 + 4-grams idf^{p} x{w} ({how})": fused(
            [(near_forms(6, 1.0), 1.0), (char_ngrams(4, idf_power=p), w)], how
        )
        for p, w, how in [
            (2.0, 0.5, "minmax"),
            (2.0, 0.7, "minmax"),
            (2.0, 1.0, "minmax"),
            (2.0, 1.0, "max"),
            (2.0, 1.0, "rrf"),
            (3.0, 1.0, "minmax"),
            (3.0, 1.3, "minmax"),
            (3.0, 1.0, "max"),
            (4.0, 1.0, "minmax"),
        ]
    },
    "fuse near forms 6 x0.7 + 4-grams k1 0.9 b 0.9 idf^2 x1.0": fused(
        [(near_forms(6, 0.7), 1.0), (char_ngrams(4, k1=0.9, b=0.9, idf_power=2.0), 1.0)]
    ),
    "fuse near forms 6 x1.0 + 4-grams k1 0.9 b 0.9 idf^3 x1.0 (max)": fused(
        [(near_forms(6, 1.0), 1.0), (char_ngrams(4, k1=0.9, b=0.9, idf_power=3.0), 1.0)], "max"
    ),
    "fuse near forms 6 x1.0 + 4-grams of keys idf^3 x1.0 (max)": fused(
        [(near_forms(6, 1.0), 1.0), (char_ngrams(4, idf_power=3.0, source="keys"), 1.0)], "max"
    ),
    "fuse near forms 6 x1.0 + 4-grams idf^3 x0.7 + 5-grams idf^3 x0.5": fused(
        [(near_forms(6, 1.0), 1.0), (char_ngrams(4, idf_power=3.0), 0.7), (char_ngrams(5, idf_power=3.0), 0.5)]
    ),
    "fuse near forms 6 x1.0 + 4-grams idf^2 x1.0 + PRF k=10 m=10 w=0.03 x0.3": fused(
        [(near_forms(6, 1.0), 1.0), (char_ngrams(4, idf_power=2.0), 1.0), (prf(10, 10, 0.03), 0.3)]
    ),
    **{
        f"fuse {first} + 4-grams of first {h} letters idf^3 x1.0 (max)": fused(
            [(variant, 1.0), (char_ngrams(4, idf_power=3.0, head=h), 1.0)], "max"
        )
        for first, variant, h in [
            ("near forms 6 x1.0", near_forms(6, 1.0), 7),
            ("near forms 6 x1.0", near_forms(6, 1.0), 6),
            ("idf^2", _IDF2_BM25, 6),
        ]
    },
    "fuse near forms 6 x1.0 + 4-grams idf^3 x1.0 + lead 1.0 x0.3 (max)": fused(
        [(near_forms(6, 1.0), 1.0), (char_ngrams(4, idf_power=3.0), 1.0), (bm25(idf_power=2.0, lead=1.0), 0.3)], "max"
    ),
    # The 4-grams as a re-ranking of the first hits, counted among them (shipped: searchidx.rank.rerank).
    **{
        f"near forms 6 x1.0, first {k} re-ranked by 4-grams among them x{w}": reranked(near_forms(6, 1.0), k, w)
        for k, w in [(20, 1.0), (30, 1.0), (40, 1.0), (30, 0.8)]
    },
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
            print(f"{variant:64} " + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
