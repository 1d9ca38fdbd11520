"""A whole article, with every word a query matched marked in it.

Snippets (searchidx.results.snippets) show the best passage of a hit; a
reader wants the whole text and every match in it. Both mark the same way:
the tokens of the body whose key is one of the query's terms, at the
positions the body's postings name (what the analysis found when the
article was indexed), so `Kinës`, `Kinën` and `Kina` are all marked for a
search for `Kines`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from searchidx.codec.formats import decode_starts
from searchidx.index.entities import Signatures, article_entities
from searchidx.index.postings import PostingReader
from searchidx.query.builder import existing_terms, parse_query
from searchidx.rank.nearforms import credited_near_forms
from searchidx.results.snippets import matched_positions, token_spans


@dataclass(frozen=True)
class Article:
    """One indexed article, whole, and the spans of the words a query matched."""

    path: str  # relative to the indexed folder, as in Hit.path
    date: str | None
    date_precision: str | None
    title: str
    body: str
    entities: dict[str, list[str]] = field(default_factory=dict)
    # [start, end) character offsets into body, in order.
    matches: list[tuple[int, int]] = field(default_factory=list)
    record: str | None = None  # as in Hit.record
    url: str | None = None  # as in Hit.url


def read_article(
    searcher,
    path: str,
    query_text: str | None = None,
    near_forms: tuple[int, float] = (0, 0.0),
    *,
    postings: PostingReader | None = None,
    signatures: Signatures | None = None,
) -> Article | None:
    """The article at path, or None if it is not indexed. path is a Hit's
    `key` (unique: the file's absolute path) or its relative `path`.

    With query_text, its matched words are marked, and the near forms it was
    credited for under the ranking's `near_forms` (prefix, weight), as the
    hit's snippet marks them; the query must be valid (it is the one that
    found the article), else QuerySyntaxError is raised.

    postings and signatures: the open search session's (SearchSession.article),
    where there is one: finding the folders' signatures anew reads every
    entity posting list of the index (half a second at 200,000 articles) for
    each article opened.
    """
    docnum = find_document(searcher, path, query_text)
    if docnum is None:
        return None
    fields = searcher.stored_fields(docnum)
    matches: list[tuple[int, int]] = []
    if query_text:
        reader = postings if postings is not None else PostingReader(searcher.reader())
        try:
            matches = _matches(searcher, reader, docnum, fields, query_text, near_forms)
        finally:
            if postings is None:
                reader.close()
    return Article(
        path=fields["path"],
        date=fields.get("date_text"),
        date_precision=fields.get("date_precision"),
        title=fields["title"],
        body=fields["body"],
        entities=article_entities(fields, searcher.reader(), signatures),
        matches=matches,
        record=fields.get("record"),
        url=fields.get("url"),
    )


def _matches(
    searcher, postings: PostingReader, docnum: int, fields: dict, query_text: str, near_forms: tuple[int, float]
) -> list[tuple[int, int]]:
    """[start, end) offsets of the body's tokens the query matched: its terms,
    and the near forms it was credited for (the body's: the body is what is
    marked)."""
    terms = query_terms(searcher, query_text)
    with postings.one_search():
        if near_forms[1] > 0:
            query = parse_query(query_text, searcher.schema, field_weights={"body": 1.0}, near_forms=near_forms)
            terms |= credited_near_forms(query, [docnum], searcher, postings)[0]
        if not terms:
            return []
        (matched,) = matched_positions(postings, [docnum], [terms])
    starts = fields.get("token_starts")
    spans = token_spans(fields["body"], matched, decode_starts(starts) if starts else None)
    return [(start, end) for start, end, _ in spans]


def find_document(searcher, path: str, query_text: str | None = None) -> int | None:
    """The document number of the article with a key, or at a relative path
    (for a record: `file#id`, its Hit.address).

    The index keys articles by absolute path (indexed folder + relative
    path), which a Hit carries as `key`: that finds the very article. Given a
    relative path, each indexed folder is tried, since one index may hold
    several; if two hold the same relative path, the one the query matches
    wins.
    """
    if PurePath(path).is_absolute():
        return searcher.document_number(key=path)
    candidates = []
    for root in searcher.lexicon("root"):
        root = root.decode("utf-8") if isinstance(root, bytes) else root
        docnum = searcher.document_number(key=str(PurePath(root) / path))
        if docnum is not None:
            candidates.append(docnum)
    if len(candidates) > 1 and query_text:
        matching = set(searcher.search(parse_query(query_text, searcher.schema), limit=None).docs())
        candidates = [d for d in candidates if d in matching] or candidates
    return candidates[0] if candidates else None


def query_terms(searcher, query_text: str) -> frozenset[str]:
    """The analyzed text terms of a query, prefixes expanded to indexed words.

    searchidx.query.builder.existing_terms, not Whoosh's Query.existing_terms: that
    one looks at the first field's leaves alone (`title:x OR body:x` gives
    only the title's terms), so a word found in bodies only went unmarked.
    """
    return existing_terms(parse_query(query_text, searcher.schema), searcher.reader())
