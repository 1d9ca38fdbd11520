"""Entity fields of a document, as the index stores them, and counts over the index.

At index time ``entity_fields(body)`` runs the extraction (``analyzers.extract_entities``)
and files each mention's canonical name under its field: PER -> ``person``,
LOC -> ``place``, ORG -> ``org`` (MISC, names of initiatives and
competitions, stays out of the facets). A field's list holds each name once
per mention, names in the order the article first mentions them:
``["Kina", "Kina", "Moska"]``. Whoosh's KEYWORD format keeps the repeats
as term frequencies: a document's mention count of a name is its
frequency, its document count the postings' length. Displays that
want distinct names (``search --json`` hits) drop the repeats.

``entity_counts(reader)`` counts mentions and documents over the whole
index, for ``searchidx entities``. It also settles, with the evidence of the
whole index, what one article could not: whether a final -i or -u is the
definite ending of a name written bare elsewhere (``Trumpi`` when the index
also has ``Trump``) or part of the name (``Kurti``, whose bare ``Kurt`` the
index never writes); see ``inflected_bases``, which the facets and filters
(``searchidx.index.doctable``) apply too, so all three show one ``Trump``.

Boilerplate (see ``find_signatures``): a name that closes or opens a large
share of one folder's articles, or stands on their short lines (a source
signature ``/Lajmi.net/``, a byline, a share or embed line), is no content
of those articles. The index keeps, per article, the names it holds *only*
at such places (field ``edge``, see analyzers.entities.positions); which of
them are a folder's signatures is settled when the index is read, from the
whole folder as it stands then, so that an incremental run or ``--watch``
that adds articles never leaves an older article's fields stale. A
signature's articles do not count it in facets, filters, ``searchidx
entities`` or a hit's names; an article that names the outlet in its story
(not only in the signature) still does.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import chain, repeat

from analyzers.normalizer import strip_accents
from searchidx.index.schema import EDGE_FIELD, ENTITY_FIELDS

FIELD_OF_TYPE = {"PER": "person", "LOC": "place", "ORG": "org"}
TYPE_OF_FIELD = {field: type_ for type_, field in FIELD_OF_TYPE.items()}


def entity_fields(body: str, title: str | None = None) -> dict[str, list[str]]:
    """Canonical entity names by index field (person, place, org), each
    repeated once per mention, grouped in order of first mention; and under
    ``edge`` the names (``org:Lajmi.net``) every mention of which stands
    where boilerplate does (analyzers.entities.positions), once each. A
    headline given apart (`title`) is read before the body, and is story:
    a short line, but never boilerplate."""
    entity_spans, Edges = _extraction or _import_extraction()
    story_from = 0
    if title:
        story_from = len(title) + 2
        body = f"{title}\n\n{body}"
    # per field: each name's mentions, in order of first mention; the names
    # a mention of which stands in the story
    order: dict[str, dict[str, int]] = {name: {} for name in ENTITY_FIELDS}
    in_story: dict[str, set[str]] = {name: set() for name in ENTITY_FIELDS}
    edges = None
    for start, end, type_, canonical in entity_spans(body):
        field = FIELD_OF_TYPE.get(type_)
        if field is None:
            continue
        seen = order[field]
        seen[canonical] = seen.get(canonical, 0) + 1
        story = in_story[field]
        if canonical in story:
            continue  # a story's name already: where its other mentions stand does not matter
        if edges is None:
            edges = Edges(body[story_from:])
        if start < story_from or not edges.holds(start - story_from, end - story_from):
            story.add(canonical)
    fields = {field: list(chain.from_iterable(map(repeat, seen, seen.values()))) for field, seen in order.items()}
    fields[EDGE_FIELD] = [
        edge_value(field, name) for field, seen in order.items() for name in seen if name not in in_story[field]
    ]
    return fields


# (entity_spans, Edges) once the first article is read
_extraction: tuple | None = None


def _import_extraction() -> tuple:
    """The extraction's entry points, imported with its tables when indexing
    first asks for them (start-up time) and kept: every article asks."""
    global _extraction
    from analyzers.entities.extract import entity_spans
    from analyzers.entities.positions import Edges

    _extraction = entity_spans, Edges
    return _extraction


def edge_value(field: str, name: str) -> str:
    """How the edge field writes a name found only at the edges: ``org:Lajmi.net``."""
    return f"{field}:{name}"


# ---------------------------------------------------------------- signatures

# A name is a folder's signature when it stands only at the edges of at
# least this many of the folder's articles, and of this share of them: the
# /Lajmi.net/ signature closes 281 of 499 lajmi articles, a wire service's
# credit (/KP, /REL) a few per cent; 1% of a folder keeps a story's name
# that a few articles happen to put on a short line.
SIGNATURE_MIN_ARTICLES = 3
SIGNATURE_SHARE = 0.01


@dataclass(frozen=True)
class Signature:
    """A name that one folder's articles carry as boilerplate."""

    folder: str
    field: str  # person, place or org
    name: str
    articles: int  # articles where it stands only as boilerplate
    folder_articles: int

    def as_dict(self) -> dict:
        return {
            "folder": self.folder,
            "type": self.field,
            "name": self.name,
            "articles": self.articles,
            "folder_articles": self.folder_articles,
        }


@dataclass
class Signatures:
    """The signatures of an index, and the articles each is removed from."""

    found: list[Signature]
    docs: dict[tuple[str, str], set[int]]  # (field, name) -> articles it only signs
    keys: frozenset[tuple[str, str, str]]  # (folder, field, name)

    def removed(self, field: str, name: str) -> set[int]:
        return self.docs.get((field, name), set())


_signatures: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def find_signatures(reader) -> Signatures:
    """The signatures of every folder of the index, as it stands in `reader`
    (kept per reader: a new commit gives a new reader, and a new count)."""
    try:
        return _signatures[reader]
    except (KeyError, TypeError):
        pass
    result = _find_signatures(reader)
    try:
        _signatures[reader] = result
    except TypeError:
        pass
    return result


def _find_signatures(reader) -> Signatures:
    from searchidx.index.postings import leaf_field_docs

    empty = Signatures([], {}, frozenset())
    if EDGE_FIELD not in reader.schema or "root" not in reader.schema:
        return empty
    live = (lambda d: not reader.is_deleted(d)) if reader.has_deletions() else (lambda d: True)
    folder_of: dict[int, str] = {}
    size: dict[str, int] = {}
    edges: dict[str, list[int]] = {}
    for leaf, offset in reader.leaf_readers():
        for raw, docs in leaf_field_docs(leaf, "root", offset):
            folder = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            for d in docs:
                if live(d):
                    folder_of[d] = folder
                    size[folder] = size.get(folder, 0) + 1
        for raw, docs in leaf_field_docs(leaf, EDGE_FIELD, offset):
            value = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            edges.setdefault(value, []).extend(d for d in docs if live(d))
    found: list[Signature] = []
    removed: dict[tuple[str, str], set[int]] = {}
    for value, docs in edges.items():
        field, _, name = value.partition(":")
        by_folder: dict[str, list[int]] = {}
        for d in docs:
            if d in folder_of:
                by_folder.setdefault(folder_of[d], []).append(d)
        for folder, signed in by_folder.items():
            if len(signed) >= max(SIGNATURE_MIN_ARTICLES, math.ceil(SIGNATURE_SHARE * size[folder])):
                found.append(Signature(folder, field, name, len(signed), size[folder]))
                removed.setdefault((field, name), set()).update(signed)
    found.sort(key=lambda s: (s.folder, -s.articles, s.field, s.name))
    return Signatures(found, removed, frozenset((s.folder, s.field, s.name) for s in found))


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
    import numpy as np

    from searchidx.index.postings import leaf_field_counts

    signatures = find_signatures(reader)
    live = None
    if reader.has_deletions():
        live = np.zeros(reader.doc_count_all(), dtype=bool)
        live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
    # Segment by segment, as arrays: a posting at a time through Whoosh's
    # matchers took 17 s for the three fields of 200,000 articles.
    for leaf, offset in reader.leaf_readers():
        for raw, docs, counts in leaf_field_counts(leaf, field, offset):
            name = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            keep = np.ones(len(docs), dtype=bool) if live is None else live[docs]
            signed = signatures.removed(field, name)
            if signed:
                keep &= ~np.isin(docs, np.fromiter(signed, dtype=np.int64, count=len(signed)))
            if not keep.any():
                continue
            mentions, held = out.get(name, (0, set()))
            held.update(docs[keep].tolist())
            out[name] = (mentions + int(counts[keep].sum()), held)
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


def article_entities(fields: dict, reader, signatures: Signatures | None = None) -> dict[str, list[str]]:
    """An article's distinct entity names by type, in the order it first
    names them, each -i/-u form under its bare name when the index holds that
    name (``Nehammeri`` is listed as ``Nehammer``), as facets count it.

    Only the page's candidate names are looked up, term by term, so a search
    does not load the whole index's entity columns to show ten hits.
    signatures: the index's, where the caller has them (DocTable keeps them
    beside the index), else found in `reader`.
    """
    out = {}
    if signatures is None:
        signatures = find_signatures(reader)
    folder = fields.get("root", "")
    signed = {
        value.partition(":")[::2]
        for value in fields.get(EDGE_FIELD, "").split(",")
        if (folder, *value.partition(":")[::2]) in signatures.keys
    }
    for field in ENTITY_FIELDS:
        names = dict.fromkeys(v for v in fields.get(field, "").split(",") if v and (field, v) not in signed)
        shown = (inflected_base(name, partial(_holds, reader, field)) or name for name in names)
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
    """Joins each name's counts to the name it is counted under (see
    one_name_per_entity): mentions add up, documents are counted once."""
    canonical = one_name_per_entity(counts)
    merged: dict[str, tuple[int, set[int]]] = {}
    for name, (mentions, docs) in counts.items():
        target = canonical[name]
        m, d = merged.get(target, (0, set()))
        merged[target] = (m + mentions, d | docs)
    return merged


def spelling_key(name: str) -> str:
    """A name with case, diacritics and the Albanian spelling of a final
    Slavic -ć aside: Vučić, Vuçiq, Vucic and VUCIC share one key."""
    folded = strip_accents(name.casefold())
    return " ".join(w[:-1] + "c" if w.endswith("q") else w for w in folded.split())


def one_name_per_entity(values) -> dict[str, str]:
    """Each stored name of one field -> the name it is counted, filtered and
    shown under: spellings of one name (``Aleksandar Vucic``, ``Aleksandar
    Vučić``) under the one most articles write (the first in order on a
    tie), then the -i/-u forms under their bare name (inflected_bases).
    `values` maps each name to its documents, or to (mentions, documents)."""

    def articles(name: str) -> int:
        held = values[name]
        return len(held[1] if isinstance(held, tuple) else held)

    groups: dict[str, list[str]] = {}
    for value in values:
        groups.setdefault(spelling_key(value), []).append(value)
    canonical: dict[str, str] = {}
    for group in groups.values():
        best = group[0] if len(group) == 1 else max(group, key=lambda v: (articles(v), -group.index(v)))
        for v in group:
            canonical[v] = best
    bases = inflected_bases(set(canonical.values()))
    return {v: bases.get(c, c) for v, c in canonical.items()}


def name_aliases(typed: str) -> list[str]:
    """The canonical names the dictionaries give a typed name: its entity's
    name for an acronym, a formal name, a spelling or a case form (SHBA,
    Republika e Kosovës, Vucic, Kosovës), as written or capitalised."""
    from analyzers.entities import gazetteer

    gaz = gazetteer.load()
    text = " ".join(typed.split())
    out: list[str] = []
    for form in dict.fromkeys((text, text.upper(), text.title(), text[:1].upper() + text[1:])):
        out.extend(gaz.lookup(form))
    return list(dict.fromkeys(out))


def entity_counts(reader, fields: Iterable[str] = ENTITY_FIELDS, top: int | None = None) -> list[EntityCount]:
    """Entities of the index, most mentioned first (ties: more documents, then name)."""
    found: list[EntityCount] = []
    for field in fields:
        counts = merge_inflected(field_counts(reader, field))
        found.extend(EntityCount(name, field, m, len(docs)) for name, (m, docs) in counts.items())
    found.sort(key=lambda e: (-e.mentions, -e.documents, e.name))
    return found[:top] if top else found
