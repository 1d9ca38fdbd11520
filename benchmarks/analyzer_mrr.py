"""Known-item retrieval with each analyzer design: headline -> article, MRR@10.

    python benchmarks/analyzer_mrr.py [--collections lajmi ntrex] [--configs ...]
                                      [--weighting whoosh|searchidx]

Builds a Whoosh index (schema ``body=TEXT(analyzer=...)``) in a temporary
folder per analyzer and ranks with one weighting for all of them: Whoosh's
default BM25F (``whoosh``), or the ranking searchidx ships
(``searchidx``: `searchidx.rank.settings.DEFAULT_RANKING`, BM25F with a squared
IDF), so an analyzer is compared under the ranking it is used with too. It queries each headline as an OR-group of its
words (``QueryParser(..., group=OrGroup)``), and reports MRR@10 with the
queries as written and typed without ë/ç. Reads ../shared/data/news-dev at run
time (never copied into the repository).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from whoosh import fields, index, scoring
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.qparser import MultifieldParser, OrGroup, QueryParser

from analyzers.analyzer import AlbanianAnalyzer, AlbanianStemFilter, AlbanianVariantStemFilter
from analyzers.normalizer import AlbanianNormalizer, DiacriticFoldingFilter, fold_diacritics, normalize_query
from analyzers.stopwords import AlbanianStopFilter
from analyzers.tokenizer import AlbanianTokenizer
from searchidx.rank.settings import DEFAULT_RANKING

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev"
DATE_LINE = re.compile(r"\A\s*date[ \t]+\S+[ \t]*")
# Query syntax characters are not part of a headline's words.
SYNTAX = re.compile(r"[\"“”„«»:()\[\]{}^~*?+!\\/]")


def albanian_tokens():
    return AlbanianTokenizer() | AlbanianNormalizer()


CONFIGS = {
    "whoosh-standard": lambda: {"body": StandardAnalyzer()},
    "whoosh-stemming": lambda: {"body": StemmingAnalyzer()},
    "whoosh-standard+fold": lambda: {"body": StandardAnalyzer() | DiacriticFoldingFilter()},
    "sq-tokens+fold": lambda: {"body": albanian_tokens() | AlbanianStopFilter() | DiacriticFoldingFilter()},
    "sq-rules-only": lambda: {
        "body": albanian_tokens() | AlbanianStopFilter() | AlbanianVariantStemFilter(use_lexicon=False)
    },
    "sq-no-stopfilter": lambda: {"body": albanian_tokens() | AlbanianStemFilter()},
    "sq-strict": lambda: {"body": albanian_tokens() | AlbanianStopFilter() | AlbanianVariantStemFilter(fold=False)},
    "sq-fold-all-keys": lambda: {
        "body": albanian_tokens() | AlbanianStopFilter() | AlbanianVariantStemFilter(fold_keys=True)
    },
    "sq (default)": lambda: {"body": AlbanianAnalyzer()},
    "sq + folded surface field": lambda: {
        "body": AlbanianAnalyzer(),
        "surface": albanian_tokens() | AlbanianStopFilter() | DiacriticFoldingFilter(),
    },
    "sq-strict + folded field": lambda: {
        "body": albanian_tokens() | AlbanianStopFilter() | AlbanianVariantStemFilter(fold=False),
        "folded": albanian_tokens() | AlbanianStopFilter() | AlbanianVariantStemFilter(fold_keys=True),
    },
}


def read_collection(name: str):
    folder = DATA / name
    docs = {}
    for path in sorted(folder.glob("*.txt")):
        docs[path.name] = DATE_LINE.sub("", path.read_text(encoding="utf-8"), count=1)
    queries = []
    lines = (DATA / f"{name}.queries.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        qid, query, target = line.split("\t")
        queries.append((query, target))
    return docs, queries


WEIGHTINGS = {
    "whoosh": lambda: scoring.BM25F(),
    "searchidx": lambda: DEFAULT_RANKING.weighting(),
}


def mrr(ix, fieldnames, queries, fold: bool, weighting) -> float:
    total = 0.0
    if len(fieldnames) == 1:
        parser = QueryParser(fieldnames[0], ix.schema, group=OrGroup)
    else:
        parser = MultifieldParser(fieldnames, ix.schema, group=OrGroup)
    with ix.searcher(weighting=weighting) as s:
        for query, target in queries:
            text = normalize_query(query)
            if fold:
                text = fold_diacritics(text)
            text = SYNTAX.sub(" ", text)
            hits = s.search(parser.parse(text), limit=10)
            for rank, hit in enumerate(hits, 1):
                if hit["id"] == target:
                    total += 1.0 / rank
                    break
    return total / len(queries)


def run(collection: str, config_names, workdir: Path, weighting: str = "whoosh"):
    docs, queries = read_collection(collection)
    for name in config_names:
        analyzers = CONFIGS[name]()
        schema = fields.Schema(id=fields.ID(stored=True), **{f: fields.TEXT(analyzer=a) for f, a in analyzers.items()})
        d = workdir / f"{collection}-{len(list(workdir.iterdir()))}"
        d.mkdir()
        ix = index.create_in(str(d), schema)
        t = time.perf_counter()
        w = ix.writer()
        for doc_id, body in docs.items():
            w.add_document(id=doc_id, **{f: body for f in analyzers})
        w.commit()
        build = time.perf_counter() - t
        m = mrr(ix, list(analyzers), queries, fold=False, weighting=WEIGHTINGS[weighting]())
        mf = mrr(ix, list(analyzers), queries, fold=True, weighting=WEIGHTINGS[weighting]())
        loss = (m - mf) / m * 100 if m else 0.0
        print(
            f"{collection:6} {weighting:9} {name:26} MRR@10={m:.3f}  without ë/ç={mf:.3f}  loss={loss:4.1f}%  index {build:.1f}s",
            flush=True,
        )


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--collections", nargs="+", default=["lajmi", "ntrex"])
    p.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS), metavar="CONFIG")
    p.add_argument(
        "--weighting",
        nargs="+",
        default=["whoosh"],
        choices=list(WEIGHTINGS),
        help="ranking used for every analyzer: Whoosh's BM25F, searchidx's, or both in turn",
    )
    args = p.parse_args(argv)
    if not DATA.is_dir():
        raise SystemExit(f"no data at {DATA}")
    with tempfile.TemporaryDirectory() as tmp:
        for c in args.collections:
            for w in args.weighting:
                run(c, args.configs, Path(tmp), w)


if __name__ == "__main__":
    main()
