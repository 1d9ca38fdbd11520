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
from collections import defaultdict

from whoosh.formats import Positions, tokens

POSITION_BYTES = 4


def encode_positions(positions) -> bytes:
    """The value of a posting at these positions (ascending)."""
    return struct.pack(f"<{len(positions)}I", *positions)


def decode_positions(value: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(value) // POSITION_BYTES}I", value))


class ArrayPositions(Positions):
    """Positions, stored as an array (see module docstring).

    Supports what Whoosh's Positions does: frequency, weight, positions,
    position_boosts (always 1.0).
    """

    def word_values(self, value, analyzer, **kwargs):
        field_boost = self.field_boost
        positions: dict[str, list[int]] = defaultdict(list)
        boosts: dict[str, float] = defaultdict(float)
        kwargs["positions"] = True
        kwargs["boosts"] = True
        for t in tokens(value, analyzer, kwargs):
            positions[t.text].append(t.pos)
            boosts[t.text] += t.boost
        for word, found in positions.items():
            yield word, len(found), boosts[word] * field_boost, encode_positions(found)

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
