"""Query texts for the latency benchmarks, drawn from real Albanian news.

    word      one word from a news-dev sentence
    words     a run of two or three words from a sentence
    phrase    the same, quoted
    headline  a lajmi or ntrex headline of 8 to 15 words
    short     a run of one to three words from a sentence
    adjacent  a quoted run of two or three consecutive words of a sentence

Words are runs of three or more letters, so a third of the one-word queries
are stop words (`dhe`, `një`, `nuk`), drawn as often as they occur; shorter
words are skipped, so a `phrase` often joins words that were not side by
side. An `adjacent` phrase keeps every word (`e`, `të`, `në` too): it occurs
in its sentence, and in every article that sentence was resampled into. The same
seed gives the same queries; adding a kind at the end leaves the others as
they were (each kind is drawn after the previous ones).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from resample import NEWS_DEV, read_sentences

WORD = re.compile(r"[^\W\d_]{3,}")
LETTERS = re.compile(r"[^\W\d_]+")
# Runs of letters or digits: the words of a headline as every engine's query
# language reads them, without quotes, colons or signs that mean syntax.
TOKEN = re.compile(r"[^\W_]+")
# Words that are operators in one of the query languages (searchidx, Whoosh,
# Tantivy, FTS5) when written in capitals.
OPERATORS = {"AND", "OR", "NOT", "DHE", "OSE", "JO", "NEAR", "TO"}


def headlines(news_dev: Path = NEWS_DEV, min_words: int = 8, max_words: int = 15) -> list[str]:
    """The known-item query headlines of lajmi and ntrex of min..max words."""
    found = []
    for name in ("lajmi", "ntrex"):
        lines = (news_dev / f"{name}.queries.tsv").read_text(encoding="utf-8").splitlines()[1:]
        found += [line.split("\t")[1] for line in lines if min_words <= len(line.split("\t")[1].split()) <= max_words]
    return found


def make_queries(count: int, seed: int, news_dev: Path = NEWS_DEV) -> dict[str, list[str]]:
    """`count` query texts of each kind (fewer headlines if fewer exist)."""
    rng = random.Random(seed)
    texts = read_sentences((news_dev / "lajmi", news_dev / "ntrex"))
    sentences = [s for s in (WORD.findall(text) for text in texts) if len(s) >= 4]
    every_word = [s for s in (LETTERS.findall(text) for text in texts) if len(s) >= 4]
    found_headlines = headlines(news_dev)

    def span(length: int, sentences: list[list[str]] = sentences) -> list[str]:
        words = rng.choice([s for s in sentences if len(s) >= length] or sentences)
        start = rng.randrange(len(words) - length + 1)
        return words[start : start + length]

    queries = {"word": [span(1)[0] for _ in range(count)]}
    queries["words"] = [" ".join(span(rng.randint(2, 3))) for _ in range(count)]
    queries["phrase"] = ['"' + " ".join(span(rng.randint(2, 3))) + '"' for _ in range(count)]
    queries["headline"] = rng.sample(found_headlines, min(count, len(found_headlines)))
    queries["short"] = [" ".join(span(rng.randint(1, 3))) for _ in range(count)]
    queries["adjacent"] = ['"' + " ".join(span(rng.randint(2, 3), every_word)) + '"' for _ in range(count)]
    return queries


def plain_words(text: str) -> list[str]:
    """The words of a query text, without syntax or operator words."""
    return [token for token in TOKEN.findall(text) if token not in OPERATORS]
