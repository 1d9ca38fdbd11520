"""Building a parsed query (searchidx.query.parser) into a Whoosh query.

Building needs the schema's analyzer and, for filters, the index's document
table; `parse_query` parses and builds the words alone (filters are left
out), for callers that only need the terms a query matches.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, replace

from whoosh import query as wq
from whoosh.fields import Schema

from searchidx.errors import QuerySyntaxError
from searchidx.query.filters import Filter
from searchidx.query.parser import (
    MUST,
    MUST_NOT,
    SHOULD,
    TEXT_FIELDS,
    FilterClause,
    Group,
    Node,
    Phrase,
    Word,
    parse_tree,
    plain_tree,
    query_words,
)


class NearFormTerm(wq.Term):
    """A query key whose near forms are credited where the article lacks it."""

    def __init__(self, fieldname, text, boost=1.0, prefix: int = 6, weight: float = 1.0):
        super().__init__(fieldname, text, boost=boost)
        self.prefix = prefix
        self.weight = weight

    def __eq__(self, other):
        return super().__eq__(other) and (self.prefix, self.weight) == (other.prefix, other.weight)

    def __hash__(self):
        return hash((super().__hash__(), self.prefix, self.weight))


@dataclass(frozen=True)
class Built:
    """A built (sub)query: what scores, and which documents it is limited to.

    `query` None means the part puts no condition on words (a filter alone,
    or words the analyzer drops, such as stop words); `allowed` None means no
    filter applies. What build_query returns also names what it found:
    `terms`, the keys of the query's single words, in order (a search asks
    which of them the index lacks, for "did you mean"), and `stop_terms`,
    the stop words kept in its phrases (not worth highlighting alone).
    """

    query: wq.Query | None = None
    allowed: set[int] | None = None
    terms: tuple[str, ...] = ()
    stop_terms: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return self.query is None and self.allowed is None


@dataclass(frozen=True)
class BuildContext:
    """What building needs from the open index."""

    schema: Schema
    field_weights: dict[str, float]
    filter_docs: Callable[[Filter], set[int]]
    query_docs: Callable[[wq.Query], set[int]]
    live_docs: Callable[[], Set[int]]
    # Searching words that are all stop words (see build_query).
    keep_stop_words: bool = False
    # (prefix, weight) of the near-form credit each word's key gets
    # (searchidx.rank.nearforms); weight 0: plain terms.
    near_forms: tuple[int, float] = (0, 0.0)


def build_query(tree: Node, context: BuildContext) -> Built:
    """The query of a parsed query's words, the documents its filters allow,
    and the terms it found.

    Stop words are left out of word queries, but a query whose words are all
    stop words (`të`, `qenë`) searches them rather than nothing: the user
    asked for those words, and the index holds them.
    """
    builder = _Builder(context)
    built = builder.build(tree)
    if built.query is None and query_words(tree) and not context.keep_stop_words:
        builder = _Builder(replace(context, keep_stop_words=True))
        built = builder.build(tree)
    return replace(built, terms=tuple(builder.terms), stop_terms=frozenset(builder.stop_terms))


def analyze(text: str, context: BuildContext, keep_stop_words: bool = False) -> list[tuple[str, int]]:
    """(term, position) pairs the body's analyzer makes of text.

    Stop words are indexed at their positions but dropped from word queries
    (they match nearly every article and cost the most time); phrases keep
    them, so `"Brezi dhe Rruga"` is matched exactly.
    """
    analyzer = context.schema["body"].analyzer
    tokens = analyzer(text, positions=True, mode="query", removestops=not keep_stop_words)
    return [(t.text, t.pos) for t in tokens]


def _all(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


def _any(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


class _Builder:
    """One building of one query: the Whoosh query, and the terms met on the way."""

    def __init__(self, context: BuildContext):
        self.context = context
        self.terms: list[str] = []  # keys of single words
        self.stop_terms: set[str] = set()  # stop words kept in phrases

    def build(self, tree: Node, optional: bool = False) -> Built:
        if isinstance(tree, Word):
            return Built(self.word_query(tree, optional))
        if isinstance(tree, Phrase):
            return Built(self.phrase_query(tree.text))
        if isinstance(tree, FilterClause):
            return Built(None, set(self.context.filter_docs(tree.filter)))
        return self.group_query(tree)

    def group_query(self, group: Group) -> Built:
        musts: list[Built] = []
        shoulds: list[Built] = []
        nots: list[Built] = []
        filters: list[Built] = []  # filters written plainly: they narrow, never widen
        for occur, node in group.clauses:
            part = self.build(node, optional=occur == SHOULD)
            if part.empty:
                continue
            if occur == MUST_NOT:
                if part.query is not None and part.allowed is not None:
                    raise QuerySyntaxError("cannot negate words and filters together; negate each part on its own")
                nots.append(part)
            elif occur == SHOULD and part.query is None:
                filters.append(part)
            elif occur == MUST:
                musts.append(part)
            else:
                shoulds.append(part)
        if group.explicit_or and len(filters) > 1 and not shoulds and not musts:
            # Filters alone, OR-ed (`data:2022 OR data:2023`): their documents are pooled.
            musts.append(Built(None, set().union(*(part.allowed for part in filters if part.allowed is not None))))
        else:
            musts.extend(filters)
        mixed = [part for part in shoulds if part.allowed is not None]
        if mixed:
            if len(shoulds) + len(musts) > 1:
                raise QuerySyntaxError(
                    "filters inside parentheses cannot be OR-ed with other words; "
                    "write the filter outside the parentheses"
                )
            musts, shoulds = shoulds, []
        required = [p.query for p in musts if p.query is not None]
        optional = [p.query for p in shoulds]
        if required and optional:
            scoring = wq.AndMaybe(_all(required), _any(optional))
        elif required:
            scoring = _all(required)
        elif optional:
            scoring = _any(optional)
        else:
            scoring = None
        allowed = None
        for part in musts:
            if part.allowed is not None:
                allowed = set(part.allowed) if allowed is None else allowed & part.allowed
        excluded_words = [p.query for p in nots if p.query is not None]
        excluded_docs = [p.allowed for p in nots if p.allowed is not None]
        if excluded_words and scoring is not None:
            scoring = wq.AndNot(scoring, _any(excluded_words))
        elif excluded_words:
            # Nothing to score: negated words are turned into a document set.
            excluded_docs.append(self.context.query_docs(_any(excluded_words)))
        if excluded_docs:
            if allowed is None:
                allowed = set(self.context.live_docs())
            for docs in excluded_docs:
                allowed -= docs
        return Built(scoring, allowed)

    def word_query(self, word: Word, optional: bool = False) -> wq.Query | None:
        """One written word's query. A word the analyzer cuts in several keys
        (`COVID-19`, `Kosovë-Serbi`, `ish-sportistë`) counts each key as a word of
        its own where the word is optional, as Lucene's query parser and
        Elasticsearch's match query do: an article that writes `Kosovës dhe
        Serbisë` still matches `Kosovë-Serbi` in a pasted headline (measured in
        docs/ranking.md, "Split words"). A required or
        negated word (`+COVID-19`, `-COVID-19`) must stand as written: its keys
        side by side."""
        if word.prefix:
            return self.prefix_query(word.text)
        tokens = analyze(word.text, self.context, keep_stop_words=self.context.keep_stop_words)
        if not tokens:
            return None
        if len(tokens) == 1:
            return self.term_query(tokens[0][0])
        if optional:
            return _any([self.term_query(term) for term in dict.fromkeys(term for term, _ in tokens)])
        return self.tokens_phrase(tokens)

    def phrase_query(self, text: str) -> wq.Query | None:
        tokens = analyze(text, self.context, keep_stop_words=True)
        content = {term for term, _ in analyze(text, self.context)}
        self.stop_terms.update(term for term, _ in tokens if term not in content)
        if not tokens:
            return None
        if len(tokens) == 1:
            return self.term_query(tokens[0][0])
        return self.tokens_phrase(tokens)

    def prefix_query(self, text: str) -> wq.Query | None:
        """`ndërt*`: the prefix as the index holds it: lowercase, and with ë/ç folded.

        The analyzer would stem a prefix (and perhaps drop it), so it is only
        normalised; both the lowercase and the folded spelling are tried, so this
        works whichever way the analyzer treats diacritics.
        """
        from analyzers.normalizer import fold_diacritics

        lowered = "".join(c for c in text.lower() if c.isalnum())
        prefixes = list(dict.fromkeys([fold_diacritics(lowered), lowered]))
        return self.fields_query(lambda name, weight: _any([wq.Prefix(name, p, boost=weight) for p in prefixes]))

    def term_query(self, term: str) -> wq.Query:
        self.terms.append(term)
        prefix, near_weight = self.context.near_forms
        if near_weight > 0:
            return self.fields_query(
                lambda name, weight: NearFormTerm(name, term, boost=weight, prefix=prefix, weight=near_weight)
            )
        return self.fields_query(lambda name, weight: wq.Term(name, term, boost=weight))

    def tokens_phrase(self, tokens: list[tuple[str, int]]) -> wq.Query:
        words = [text for text, _ in tokens]
        # Words the analyzer drops even from phrases leave gaps; allow that much slop.
        gaps = [b - a for (_, a), (_, b) in zip(tokens, tokens[1:])]
        slop = max([1, *gaps])
        return self.fields_query(lambda name, weight: wq.Phrase(name, words, slop=slop, boost=weight))

    def fields_query(self, make) -> wq.Query:
        parts = [make(name, weight) for name, weight in self.context.field_weights.items()]
        return _any(parts)


def parse_query(
    text: str,
    schema,
    syntax: bool = True,
    field_weights: dict[str, float] | None = None,
    near_forms: tuple[int, float] = (0, 0.0),
) -> wq.Query:
    """The Whoosh query of a query's words, filters left out (NullQuery if none).

    For callers that need the matched terms or a rough set of matching
    documents without an open document table; searching itself goes through
    searchidx.results.search, which applies the filters too.
    """
    tree = parse_tree(text) if syntax else plain_tree(text)
    context = BuildContext(
        schema=schema,
        field_weights=field_weights or {name: 1.0 for name in TEXT_FIELDS},
        near_forms=near_forms,
        filter_docs=lambda _filter: set(),
        query_docs=lambda _query: set(),
        live_docs=lambda: set(),
    )
    built = build_query(tree, context)
    return built.query if built.query is not None else wq.NullQuery


def existing_terms(query: wq.Query, reader, fields=TEXT_FIELDS) -> frozenset[str]:
    """The text terms of a query that the index holds, prefixes expanded.

    Whoosh's Query.existing_terms reuses its `fieldname` argument as a loop
    variable, so after the first leaf it skips every leaf of another field:
    for `title:x OR body:x` it looks at the title alone. Hence this loop.
    """
    found = set()
    for leaf in query.leaves():
        for fieldname, text in leaf.expanded_terms(reader, phrases=True):
            if fieldname not in fields:
                continue
            raw = text if isinstance(text, bytes) else reader.schema[fieldname].to_bytes(text)
            if (fieldname, raw) in reader:
                found.add(raw.decode("utf-8"))
    return frozenset(found)
