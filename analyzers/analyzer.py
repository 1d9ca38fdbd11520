"""The analyzer the index uses for Albanian article text."""

from whoosh.analysis import LowercaseFilter

from analyzers.normalizer import DiacriticFoldingFilter
from analyzers.tokenizer import AlbanianTokenizer

# Stored in every index; bump it whenever any token this analyzer produces
# changes, so that an index built by another version is detected.
ANALYZER_VERSION = "sq-1"


def AlbanianAnalyzer():
    """Tokenize Albanian words, lowercase them, fold ë/ç."""
    return AlbanianTokenizer() | LowercaseFilter() | DiacriticFoldingFilter()
