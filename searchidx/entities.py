"""Entity fields of a document, as the index stores them, and counts over the index.

At index time ``entity_fields(body)`` runs ``analyzers.extract_entities``
and files each mention's canonical name under its field: PER -> ``person``,
LOC -> ``place``, ORG -> ``org`` (MISC, names of initiatives and
competitions, stays out of the facets). A field's list holds each name once
per mention, names in the order the article first mentions them:
``["Kina", "Kina", "Moska"]``. The KEYWORD fields are scorable, so Whoosh
keeps the repeats as term frequencies: a document's mention count of a name
is its frequency, its document count the postings' length. Displays that
want distinct names (``search --json`` hits) drop the repeats.

``entity_counts(reader)`` counts mentions and documents over the whole
index, for ``searchidx entities``. It also settles, with the evidence of the
whole index, what one article could not: whether a final -i or -u is the
definite ending of a name written bare elsewhere (``Trumpi`` when the index
also has ``Trump``) or part of the name (``Kurti``, whose bare ``Kurt`` the
index never writes); see ``inflected_bases``, which the facets and filters
(``searchidx.doctable``) apply too, so all three show one ``Trump``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from searchidx.schema import ENTITY_FIELDS

FIELD_OF_TYPE = {"PER": "person", "LOC": "place", "ORG": "org"}
TYPE_OF_FIELD = {field: type_ for type_, field in FIELD_OF_TYPE.items()}


def entity_fields(body: str) -> dict[str, list[str]]:
    """Canonical entity names by index field (person, place, org), each
    repeated once per mention, grouped in order of first mention."""
    from analyzers.entities import extract_entities  # the entity tables: indexing only

    order: dict[str, dict[str, int]] = {name: {} for name in ENTITY_FIELDS}
    for mention in extract_entities(body):
        field = FIELD_OF_TYPE.get(mention.type)
        if field is None:
            continue
        seen = order[field]
        seen[mention.canonical] = seen.get(mention.canonical, 0) + 1
    return {field: [name for name, n in seen.items() for _ in range(n)] for field, seen in order.items()}


@dataclass(frozen=True)
class EntityCount:
    """One entity of the index: how often it is mentioned, in how many articles."""

    name: str
    field: str  # person, place or org
    mentions: int
    documents: int

    @property
    def type(self) -> str:
        return TYPE_OF_FIELD[self.field]

    def as_dict(self) -> dict:
        return {"name": self.name, "type": self.field, "mentions": self.mentions, "documents": self.documents}


def field_counts(reader, field: str) -> dict[str, tuple[int, set[int]]]:
    """name -> (mentions, document numbers) over the live documents of one field."""
    out: dict[str, tuple[int, set[int]]] = {}
    if field not in reader.schema:
        return out
    has_deletions = reader.has_deletions()
    for raw in reader.lexicon(field):
        name = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        mentions, docs = 0, set()
        postings = reader.postings(field, raw)
        for docnum, freq in postings.items_as("frequency"):
            if has_deletions and reader.is_deleted(docnum):
                continue
            mentions += int(freq)
            docs.add(docnum)
        if docs:
            out[name] = (mentions, docs)
    return out


def inflected_bases(names: Iterable[str]) -> dict[str, str]:
    """The names of one field that are the definite -i/-u form of a bare name
    the same field also holds, each mapped to that bare name: ``Trumpi`` ->
    ``Trump``, ``Iraku`` -> ``Irak``. A name the dictionaries know as a name
    of its own stays (``Mali``, not ``Mal``), and so does one whose bare form
    is not among `names` (``Kurti`` without ``Kurt``): pass every name of
    the field over the whole index, since one article cannot settle it.

    The one rule behind ``searchidx entities`` (merge_inflected), the facets
    and filters (DocTable's entity columns) and the names hits list
    (`inflected_base` with the index's terms). A bare name ends in a
    consonant, so it is never itself merged: no chains.
    """
    names = names if isinstance(names, (set, frozenset, dict)) else set(names)
    bases: dict[str, str] = {}
    for name in names:
        bare = inflected_base(name, names.__contains__)
        if bare is not None:
            bases[name] = bare
    return bases


def inflected_base(name: str, holds: Callable[[str], bool]) -> str | None:
    """The bare name `name` is the -i/-u form of (see inflected_bases), given
    `holds(bare)`: whether the field holds that bare name; else None."""
    if " " in name or len(name) < 4 or name[-1] not in "iu" or name[-2] in "aeiouyë":
        return None
    bare = name[:-1]
    if name[-1] == "u" and bare[-1] not in "kghKGH":
        return None  # -u is the definite ending of velar stems only
    if not holds(bare):
        return None
    # the gazetteer only once a candidate has its bare form (it is cached)
    from analyzers.entities import gazetteer

    return bare if gazetteer.load().entry(name) is None else None


def article_entities(fields: dict, reader) -> dict[str, list[str]]:
    """An article's distinct entity names by type, in the order it first
    names them, each -i/-u form under its bare name when the index holds that
    name (``Nehammeri`` is listed as ``Nehammer``), as facets count it.

    Only the page's candidate names are looked up, term by term, so a search
    does not load the whole index's entity columns to show ten hits.
    """
    out = {}
    for field in ENTITY_FIELDS:
        names = dict.fromkeys(v for v in fields.get(field, "").split(",") if v)
        shown = (inflected_base(name, lambda bare, f=field: _holds(reader, f, bare)) or name for name in names)
        out[field] = list(dict.fromkeys(shown))
    return out


def _holds(reader, field: str, name: str) -> bool:
    """Whether a live document of the index has `name` in `field`."""
    if field not in reader.schema or reader.doc_frequency(field, name) == 0:
        return False
    if not reader.has_deletions():
        return True
    return any(not reader.is_deleted(d) for d in reader.postings(field, name).all_ids())


def merge_inflected(counts: dict[str, tuple[int, set[int]]]) -> dict[str, tuple[int, set[int]]]:
    """Joins each name's counts to its bare name's (see inflected_bases):
    mentions add up, documents are counted once."""
    bases = inflected_bases(counts)
    merged = {name: value for name, value in counts.items() if name not in bases}
    for name, bare in bases.items():
        m1, d1 = counts[name]
        m2, d2 = merged[bare]
        merged[bare] = (m1 + m2, d1 | d2)
    return merged


def entity_counts(reader, fields: Iterable[str] = ENTITY_FIELDS, top: int | None = None) -> list[EntityCount]:
    """Entities of the index, most mentioned first (ties: more documents, then name)."""
    found: list[EntityCount] = []
    for field in fields:
        counts = merge_inflected(field_counts(reader, field))
        found.extend(EntityCount(name, field, m, len(docs)) for name, (m, docs) in counts.items())
    found.sort(key=lambda e: (-e.mentions, -e.documents, e.name))
    return found[:top] if top else found
