"""The posting format of the text fields: positions as an array of integers.

Whoosh's own `Positions` format encodes each posting's positions as the
pickled list of their gaps, which a codec must unpickle to read. This
format has the same meaning (one posting per word and article, weighted by
its count, with the word's positions) but encodes the positions as plain
little-endian uint32s, which searchidx's codec (searchidx.codec) reads and
writes as arrays without pickle, and which any Whoosh matcher decodes with
`decode_positions` as it decodes Whoosh's own.
"""

from __future__ import annotations

import struct
import threading
from collections import defaultdict

import numpy as np
from whoosh.formats import Positions, tokens

from analyzers.analyzer import index_terms, is_albanian_analyzer
from searchidx.codec.packing import Packed, pack

POSITION_BYTES = 4
_COUNT = struct.Struct("<I")
# The token starts of the text analysed last in this thread (see
# ArrayPositions.starts_field): (text, starts).
_analysed = threading.local()


def encode_positions(positions) -> bytes:
    """The value of a posting at these positions (ascending)."""
    return struct.pack(f"<{len(positions)}I", *positions)


def decode_positions(value: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(value) // POSITION_BYTES}I", value))


class ArrayPositions(Positions):
    """Positions, stored as an array (see module docstring).

    Supports what Whoosh's Positions does: frequency, weight, positions,
    position_boosts (always 1.0).

    With `starts_field`, the analysis also notes where each token starts in
    the text, and searchidx's codec stores them (`encode_starts`) in that
    stored field of the document: a search then finds the characters of the
    tokens its postings matched without splitting the text again.
    """

    def __init__(self, field_boost=1.0, starts_field: str | None = None, **options):
        super().__init__(field_boost=field_boost, **options)
        self.starts_field = starts_field

    def word_values(self, value, analyzer, **kwargs):
        if kwargs.get("mode") == "index" and len(kwargs) == 1:
            found = self.indexed_values(value, analyzer)
            if found is not None:
                return found
        return self._analysed_values(value, analyzer, **kwargs)

    def indexed_values(self, value, analyzer) -> list[tuple[str, int, float, bytes]] | None:
        """word_values for indexing `value`, analysed in one pass
        (analyzers.analyzer.index_terms: the same tokens, a fraction of the
        work); None unless the analyzer is the Albanian one, whose analysis
        that is, and the value a text."""
        if not isinstance(value, str) or not is_albanian_analyzer(analyzer):
            return None
        field_boost = self.field_boost
        indexed = index_terms(value)
        starts = indexed.starts if getattr(self, "starts_field", None) else None
        _analysed.value = (value, starts) if starts is not None else None
        return [
            (word, len(found), float(len(found)) * field_boost, encode_positions(found))
            for word, found in indexed.positions.items()
        ]

    def _analysed_values(self, value, analyzer, **kwargs):
        field_boost = self.field_boost
        positions: dict[str, list[int]] = defaultdict(list)
        odd_boosts: dict[tuple[str, int], float] = {}  # tokens not boosted 1.0 (none, with our analyzer)
        kwargs["positions"] = True
        kwargs["boosts"] = True
        starts: list[int] | None = None
        if getattr(self, "starts_field", None) and isinstance(value, str):
            kwargs["chars"] = True
            starts = []
        for t in tokens(value, analyzer, kwargs):
            positions[t.text].append(t.pos)
            if t.boost != 1.0:
                odd_boosts[(t.text, t.pos)] = t.boost
            if starts is not None:
                if t.pos != len(starts):
                    starts = None  # not one token a position: nothing to note
                else:
                    starts.append(t.startchar)
        _analysed.value = (value, starts) if starts is not None else None
        for word, found in positions.items():
            # The boosts summed in token order, as Whoosh's Positions sums them.
            weight = sum(odd_boosts.get((word, p), 1.0) for p in found) if odd_boosts else float(len(found))
            yield word, len(found), weight * field_boost, encode_positions(found)

    def encode(self, poslist) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_positions(valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // POSITION_BYTES

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(position, 1) for position in decode_positions(valuestring)]

    def combine(self, vs) -> bytes:
        merged: set[int] = set()
        for value in vs:
            merged.update(decode_positions(value))
        return encode_positions(sorted(merged))


def analysed_starts(text) -> list[int] | None:
    """The token starts ArrayPositions noted analysing `text` in this
    thread, if it was the last text it analysed (taken: asked once)."""
    found = getattr(_analysed, "value", None)
    if found is None or not (found[0] is text or found[0] == text):
        return None
    _analysed.value = None
    return found[1]


def encode_starts(starts: list[int]) -> bytes:
    """Token starts (ascending) as stored: their count, then their gaps
    packed (a stored field is compressed whole: no patches needed)."""
    gaps = [starts[0]] + [b - a for a, b in zip(starts, starts[1:])] if starts else []
    return _COUNT.pack(len(starts)) + pack(gaps, patches=False)


def decode_starts(value: bytes) -> np.ndarray:
    """The token starts `encode_starts` stored, as int64."""
    (count,) = _COUNT.unpack_from(value, 0)
    return np.cumsum(Packed(value, _COUNT.size, count).values())
