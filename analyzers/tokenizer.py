"""Splits Albanian text into word tokens, keeping character offsets."""

import re

from whoosh.analysis import RegexTokenizer

# Letters (Albanian ë and ç included, in both cases, as any Unicode letter) and
# digits, with inner apostrophes or hyphens not kept: a first approximation.
WORD_PATTERN = re.compile(r"[^\W_]+", re.UNICODE)


class AlbanianTokenizer(RegexTokenizer):
    """Yields runs of letters and digits; everything else separates words."""

    def __init__(self):
        super().__init__(expression=WORD_PATTERN)
