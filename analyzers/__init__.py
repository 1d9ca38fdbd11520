"""Albanian text analysis for search, composable with Whoosh's analysis API.

This package knows Whoosh's tokens and filters but nothing of indexes or files.
Entity extraction is imported on first use (PEP 562): a search unpickles the
analyzer and never needs the entity tables.
"""

from typing import TYPE_CHECKING

from analyzers.analyzer import ANALYZER_VERSION, AlbanianAnalyzer
from analyzers.normalizer import fold_diacritics, normalize, normalize_query
from analyzers.stemmer import AlbanianStemmer, stemmer
from analyzers.stopwords import is_stopword, stopwords
from analyzers.tokenizer import tokenize

__all__ = [
    "ANALYZER_VERSION",
    "AlbanianAnalyzer",
    "AlbanianStemmer",
    "extract_entities",
    "fold_diacritics",
    "is_stopword",
    "normalize",
    "normalize_query",
    "stemmer",
    "stopwords",
    "tokenize",
]


def __getattr__(name: str):
    if name == "extract_entities":
        from analyzers.entities import extract_entities

        return extract_entities
    raise AttributeError(f"module 'analyzers' has no attribute {name!r}")


if TYPE_CHECKING:
    from analyzers.entities import extract_entities
