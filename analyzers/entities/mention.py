"""A name the extractor found: what `extract_entities` gives its callers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a text: offsets into it, type and canonical form."""

    start: int
    end: int
    text: str
    type: str
    canonical: str

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "canonical": self.canonical,
        }

    def __reduce__(self) -> tuple[object, tuple[int, int, str, str, str]]:
        # Pickled and copied by its constructor. The default, an empty
        # instance whose fields are then set, is refused by a frozen class
        # once mypyc has compiled it (FrozenInstanceError), and callers send
        # mentions between processes.
        return Mention, (self.start, self.end, self.text, self.type, self.canonical)
