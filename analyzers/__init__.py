"""Albanian text analysis for search, composable with Whoosh's analysis API.

This package knows Whoosh's tokens and filters but nothing of indexes or files.
"""

from analyzers.analyzer import ANALYZER_VERSION, AlbanianAnalyzer
from analyzers.entities import extract_entities

__all__ = ["ANALYZER_VERSION", "AlbanianAnalyzer", "extract_entities"]
