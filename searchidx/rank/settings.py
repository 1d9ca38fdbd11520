"""How matches are scored: BM25F over the title and the body, and a recency boost.

The weights were tuned on the development sets' known-item queries
(headline -> article, ../shared/data/news-dev/*.queries.tsv) with
`searchidx eval --title-weight … --k1 … --body-b …`; docs/ranking.md
lists the grid and what each setting scored. The title field
holds only an article's own title, a headline (a page's or a record's): a
text file's title is its first sentence, already part of the body, and
weighting that again lowered MRR@10, as
headlines paraphrase the story rather than its first sentence, so it is not
indexed as a title (searchidx.index.schema). A real title is weighted 0.2
(benchmarks/title_weight.py, docs/ranking.md "Titles"); an index without titles
reads the body's postings alone (searchidx.results.search.searched_fields). A query
key an article lacks is credited through its near forms (the article's keys
sharing the key's first letters; searchidx.rank.nearforms).
"""

from __future__ import annotations

from dataclasses import dataclass
from math import log

from whoosh import scoring

# Recency: an article of the newest date in the index gets its score
# multiplied by (1 + recency); the bonus halves every RECENCY_HALF_LIFE_DAYS.
RECENCY_HALF_LIFE_DAYS = 365.0


@dataclass(frozen=True)
class Ranking:
    """BM25F parameters; each field's matches are scored and summed, weighted."""

    # A headline's weight beside the body: the largest whose cost to untitled
    # articles in an archive mixing titled and untitled ones stayed within one
    # query on lajmi, while a reader's half of a headline found its titled
    # article far more often: benchmarks/title_weight.py, docs/ranking.md "Titles".
    title_weight: float = 0.2
    body_weight: float = 1.0
    k1: float = 0.9
    title_b: float = 0.75
    body_b: float = 0.9
    # IDF raised to this power: a headline is found by its rare words (names,
    # places, numbers) more than BM25's log-IDF credits them; see SharpIDFBM25F.
    idf_power: float = 2.0
    # A query key an article lacks is credited through the article's keys
    # sharing its first letters (searchidx.rank.nearforms); weight 0 turns it off.
    near_form_prefix: int = 6
    near_form_weight: float = 1.0
    # The first hits of a query of four words or more are re-ranked by the
    # character 4-grams they share with it (searchidx.rank.rerank); depth or
    # weight 0 turns it off.
    ngram_depth: int = 30
    ngram_weight: float = 1.0

    def __post_init__(self):
        # A prefix of no letters would make every key a near form of every other.
        if self.near_form_prefix < 1 or self.near_form_weight < 0:
            raise ValueError("near_form_prefix must be at least 1 and near_form_weight at least 0")
        if self.ngram_depth < 0 or self.ngram_weight < 0:
            raise ValueError("ngram_depth and ngram_weight must be at least 0")

    def weighting(self) -> scoring.WeightingModel:
        return SharpIDFBM25F(
            B=self.body_b, K1=self.k1, title_B=self.title_b, body_B=self.body_b, idf_power=self.idf_power
        )

    def near_forms(self) -> tuple[int, float]:
        """(prefix, weight) of the near-form credit (searchidx.rank.nearforms)."""
        return self.near_form_prefix, self.near_form_weight

    def field_weights(self) -> dict[str, float]:
        """Weight of each text field; a field weighted 0 is not searched."""
        return {
            name: weight for name, weight in (("title", self.title_weight), ("body", self.body_weight)) if weight > 0
        }


class SharpIDFBM25F(scoring.BM25F):
    """Whoosh's BM25F with its IDF, log(N / (df + 1)) + 1, raised to `idf_power`.

    Squaring the IDF widens the gap between a word in 2 articles and one in
    200 (IDF 6.4 vs 1.9 on 500 articles: 3.4x, squared 11.5x): known-item
    queries are told apart by their rare words, while the common ones
    (`raste`, `Kosovë`, `COVID-19`) added up to outrank the article with the
    headline's one name (docs/ranking.md: "Why a squared IDF" and the tables above it).
    The IDF stays above 0 (df <= N), so a power keeps its order.
    """

    def __init__(self, idf_power: float = 1.0, **kwargs):
        super().__init__(**kwargs)
        self.idf_power = idf_power

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        return self.idf_of(parent.doc_frequency(fieldname, text), parent.doc_count_all())

    def idf_of(self, df: int, n: int) -> float:
        """The IDF of a document frequency `df` among `n` documents."""
        return (log(n / (df + 1)) + 1) ** self.idf_power


DEFAULT_RANKING = Ranking()


def recency_factor(age_days: float | None, recency: float) -> float:
    """Score multiplier for an article `age_days` older than the newest one."""
    if not recency or age_days is None:
        return 1.0
    return 1.0 + recency * 0.5 ** (max(age_days, 0.0) / RECENCY_HALF_LIFE_DAYS)
