"""Known-item search on real Kosovo news (../shared/data, read, never copied)."""

import csv
from itertools import islice

import pytest

from conftest import LAJMI, needs_shared_data

# Slow (indexes news-dev/lajmi): `pytest -m "not slow"` leaves these out.
pytestmark = [pytest.mark.slow, needs_shared_data(LAJMI)]


def test_headlines_find_their_articles(lajmi_index):
    with open(LAJMI.parent / "lajmi.queries.tsv", encoding="utf-8") as queries:
        rows = list(islice(csv.DictReader(queries, delimiter="\t", quoting=csv.QUOTE_NONE), 40))
    found = 0
    for row in rows:
        # Headlines carry quotes and colons the query language would read as syntax.
        words = " ".join(w for w in row["query"].replace('"', " ").split() if w not in ("AND", "OR", "NOT"))
        words = "".join(c if c.isalnum() or c.isspace() else " " for c in words)
        paths = [hit.path for hit in lajmi_index.search(words, limit=10).hits]
        found += row["target"] in paths
    # Plain BM25 over the first analyzer finds most in its first ten.
    assert found >= 32, f"{found} of {len(rows)} headlines found their article"
