"""The query language: what a user types, parsed into a tree, built into a Whoosh query.

    Kina Rusia              any word may match; more matching words rank higher
    "Brezi dhe Rruga"       a phrase
    Kina AND Rusia          both (Albanian: DHE); AND binds tighter than words side by side
    Kina OR Rusia           either (OSE); the same as `Kina Rusia`
    Kina NOT Hamas          not (JO); also `-Hamas`
    +Kina Rusia             Kina required, Rusia optional
    (Kina OR Rusia) AND sanksione
    ndërt*                  words starting with ndërt
    data:2023-10  vend:Kina  person:"Vladimir Putin"  org:OKB  entitet:Kina
                            field filters (see searchidx.filters); they narrow

Operators are recognised only in capitals, so the words `dhe`, `ose` and `jo`
stay words. Whoosh's own parser accepts anything and silently guesses at
broken input (an unclosed parenthesis, a dangling AND); this parser says
what is wrong in one line instead (QuerySyntaxError).

With syntax=False (`plain_query`), the text is only words: quotes, colons,
capitals and signs mean nothing. Headlines, pasted text and the evaluation's
queries use it.

Parsing (`parse_tree`) needs no index; building the Whoosh query
(`build_query`) needs the schema's analyzer and, for filters, the index's
document table. `parse_query` does both for the words alone (filters are
left out), for callers that only need the terms a query matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as wq

from searchidx.errors import QuerySyntaxError
from searchidx.filters import FIELD_ALIASES, Filter
from searchidx.nearforms import NearFormTerm

TEXT_FIELDS = ("title", "body")

AND_WORDS = {"AND", "DHE"}
OR_WORDS = {"OR", "OSE"}
NOT_WORDS = {"NOT", "JO"}

SHOULD, MUST, MUST_NOT = "should", "must", "must_not"
MIN_PREFIX_LETTERS = 2
# Bounds on what one query may cost: a pasted paragraph fits (about 300
# words), a 10,000-character query spent seconds in analysis and "did you
# mean". Nesting is bounded so that parsing and building, both recursive,
# stop with a message long before Python's recursion limit (247 nested
# parentheses or 985 NOTs raised RecursionError).
MAX_QUERY_CHARS = 2000
MAX_NESTING = 32

# ---------------------------------------------------------------------------
# The tree


@dataclass(frozen=True)
class Word:
    text: str
    prefix: bool = False  # `ndërt*`


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class FilterClause:
    filter: Filter


@dataclass(frozen=True)
class Group:
    """Clauses side by side: SHOULD ones may match, MUST ones must, MUST_NOT ones must not."""

    clauses: tuple[tuple[str, "Node"], ...]
    # Written with OR/OSE: filters alone are then OR-ed (`data:2022 OR data:2023`),
    # where side by side they all apply (`data:2023 vend:Kina`).
    explicit_or: bool = False


Node = Word | Phrase | FilterClause | Group


# ---------------------------------------------------------------------------
# Lexing

_LEXEME = re.compile(
    r"""\s*(?:
        (?P<open>\()
      | (?P<close>\))
      | (?P<sign>[+-])(?=[("\w])
      | (?P<field>[^\W\d_]+):(?=")
      | (?P<quote>"[^"]*"?)
      | (?P<word>[^\s()"]+)
    )""",
    re.VERBOSE,
)


@dataclass
class _Token:
    kind: str  # open close sign field quote word and or not
    text: str
    at: int  # 1-based character position, for messages


def _lex(text: str) -> list[_Token]:
    tokens = []
    for match in _LEXEME.finditer(text):
        kind = match.lastgroup
        if kind is None:
            continue
        lexeme = match.group(kind)
        at = match.start(kind) + 1
        if kind == "quote" and (len(lexeme) < 2 or not lexeme.endswith('"')):
            raise QuerySyntaxError('unclosed quote: a phrase needs a closing "')
        if kind == "field" and lexeme.lower() not in FIELD_ALIASES:
            kind = "word"  # `Haradinaj:"…"`: a word followed by a phrase
        if kind == "word":
            if lexeme in AND_WORDS:
                kind = "and"
            elif lexeme in OR_WORDS:
                kind = "or"
            elif lexeme in NOT_WORDS:
                kind = "not"
        tokens.append(_Token(kind, lexeme, at))
    return tokens


# ---------------------------------------------------------------------------
# Parsing


class _Parser:
    def __init__(self, tokens: list[_Token]):
        self.tokens = tokens
        self.i = 0
        self.depth = 0  # parentheses and NOTs open around the current token

    def nest(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise QuerySyntaxError(
                f"the query nests too deeply at character {token.at} "
                f"(at most {MAX_NESTING} levels of parentheses and NOTs)"
            )

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Group:
        group = self.sequence(depth=0)
        token = self.peek()
        if token is not None:  # only a ')' stops a top-level sequence
            raise QuerySyntaxError(f"unmatched ')' at character {token.at}")
        return group

    def sequence(self, depth: int) -> Group:
        clauses: list[tuple[str, Node]] = []
        after_or: _Token | None = None
        explicit_or = False
        while (token := self.peek()) is not None and token.kind != "close":
            if token.kind in ("or", "and"):
                if not clauses and after_or is None:
                    raise QuerySyntaxError(f"{token.text} at the start needs a word on its left")
                if after_or is not None:
                    raise QuerySyntaxError(f"{token.text} after {after_or.text} needs a word on its left")
                after_or = self.take()  # an AND here can only follow an OR
                explicit_or = True
                continue
            clauses.append(self.and_chain())
            after_or = None
        if after_or is not None:
            self.missing_right(after_or)
        return Group(tuple(clauses), explicit_or)

    def missing_right(self, operator: _Token):
        if self.peek() is None:
            raise QuerySyntaxError(f"{operator.text} at the end needs a word on its right")
        raise QuerySyntaxError(f"missing a word after {operator.text} before ')'")

    def and_chain(self) -> tuple[str, Node]:
        items = [self.unary()]
        while (token := self.peek()) is not None and token.kind == "and":
            operator = self.take()
            self.expect_operand(operator)
            items.append(self.unary())
        if len(items) == 1:
            return items[0]
        return SHOULD, Group(tuple((MUST if occur == SHOULD else occur, node) for occur, node in items))

    def expect_operand(self, operator: _Token):
        token = self.peek()
        if token is None or token.kind == "close":
            self.missing_right(operator)
        if token.kind in ("and", "or"):
            raise QuerySyntaxError(f"{token.text} after {operator.text} needs a word on its left")

    def unary(self) -> tuple[str, Node]:
        token = self.peek()
        if token.kind == "not":
            operator = self.take()
            self.expect_operand(operator)
            self.nest(operator)
            _, node = self.unary()
            self.depth -= 1
            return MUST_NOT, node
        if token.kind == "sign":
            sign = self.take()
            node = self.atom()
            return (MUST if sign.text == "+" else MUST_NOT), node
        return SHOULD, self.atom()

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "open":
            following = self.peek()
            if following is not None and following.kind == "close":
                raise QuerySyntaxError("empty parentheses '()'")
            self.nest(token)
            group = self.sequence(depth=1)
            if self.peek() is None:
                raise QuerySyntaxError("unclosed '(': add the missing ')'")
            self.take()
            self.depth -= 1
            return group
        if token.kind == "quote":
            return Phrase(token.text[1:-1])
        if token.kind == "field":
            value = self.take()  # the lexer saw the quote that follows
            return FilterClause(Filter.parse(f"{token.text}:{value.text}"))
        if token.kind == "word":
            return word_or_filter(token.text)
        raise QuerySyntaxError(f"unexpected {token.text!r} at character {token.at}")


def word_or_filter(text: str) -> Node:
    name, colon, value = text.partition(":")
    if colon and name.lower() in FIELD_ALIASES:
        return FilterClause(Filter.parse(text))
    if text.endswith("*") and len(text.rstrip("*")) < len(text):
        stem = text.rstrip("*")
        if sum(c.isalnum() for c in stem) < MIN_PREFIX_LETTERS:
            raise QuerySyntaxError(f"{text}: a prefix needs at least {MIN_PREFIX_LETTERS} letters before *")
        return Word(stem, prefix=True)
    return Word(text)


def check_length(text: str) -> None:
    """Raises QuerySyntaxError for a query longer than MAX_QUERY_CHARS."""
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})")


def parse_tree(text: str) -> Group:
    """Parses the query language into a tree; raises QuerySyntaxError."""
    check_length(text)
    if not text.strip():
        raise QuerySyntaxError("the query is empty")
    return _Parser(_lex(text)).parse()


def plain_tree(text: str) -> Group:
    """Every piece of the text is a word that may match: no operators, no filters."""
    check_length(text)
    return Group(tuple((SHOULD, Word(piece)) for piece in text.split()))


def query_filters(tree: Group) -> list[Filter]:
    """The filters written at the top level of a query (shown as active filters)."""
    return [node.filter for occur, node in tree.clauses if isinstance(node, FilterClause) and occur != MUST_NOT]


def split_filters(text: str) -> tuple[str, list[str]] | None:
    """The query without its top-level filters, and those filters as written,
    when they stand side by side with the rest, so that each applies to the
    whole query: `zgjedhjet data:2014` -> ("zgjedhjet", ["data:2014"]).
    None when an operator (AND, OR, NOT, a sign before a filter) stands at
    the top level, where a filter cannot be taken out on its own.
    Raises QuerySyntaxError for a query that does not lex."""
    tokens = _lex(text)
    depth, spans = 0, []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "open":
            depth += 1
        elif token.kind == "close":
            depth -= 1
        elif depth == 0 and token.kind in ("and", "or", "not"):
            return None
        elif depth == 0 and token.kind == "field" and i + 1 < len(tokens):
            value = tokens[i + 1]
            spans.append((token.at - 1, value.at - 1 + len(value.text)))
            i += 1
        elif depth == 0 and token.kind == "word" and isinstance(word_or_filter(token.text), FilterClause):
            if i and tokens[i - 1].kind == "sign":
                return None
            spans.append((token.at - 1, token.at - 1 + len(token.text)))
        i += 1
    rest, at = [], 0
    for start, end in spans:
        rest.append(text[at:start])
        at = end
    rest.append(text[at:])
    return " ".join("".join(rest).split()), [text[start:end] for start, end in spans]


def query_words(tree: Node) -> list[str]:
    """The words (not phrases, filters or negated words) of a query, in order."""
    if isinstance(tree, Word):
        return [] if tree.prefix else [tree.text]
    if isinstance(tree, Group):
        return [w for occur, node in tree.clauses if occur != MUST_NOT for w in query_words(node)]
    return []


# ---------------------------------------------------------------------------
# Building the Whoosh query


@dataclass
class Built:
    """A built (sub)query: what scores, and which documents it is limited to.

    `query` None means the part puts no condition on words (a filter alone,
    or words the analyzer drops, such as stop words); `allowed` None means no
    filter applies.
    """

    query: wq.Query | None = None
    allowed: set[int] | None = None

    @property
    def empty(self) -> bool:
        return self.query is None and self.allowed is None


@dataclass
class BuildContext:
    """What building needs from the open index."""

    schema: object
    field_weights: dict[str, float]
    filter_docs: object  # callable Filter -> set[int]
    query_docs: object  # callable Query -> set[int]
    live_docs: object  # callable () -> set[int]
    terms: list[str] = field(default_factory=list)  # terms of single words
    # Stop words kept in phrases: not worth highlighting on their own.
    stop_terms: set[str] = field(default_factory=set)
    # Searching words that are all stop words (see build_query).
    keep_stop_words: bool = False
    # (prefix, weight) of the near-form credit each word's key gets
    # (searchidx.nearforms); weight 0: plain terms.
    near_forms: tuple[int, float] = (0, 0.0)


def build_query(tree: Node, context: BuildContext) -> Built:
    """The query of a parsed query's words and the documents its filters allow.

    Stop words are left out of word queries, but a query whose words are all
    stop words (`të`, `qenë`) searches them rather than nothing: the user
    asked for those words, and the index holds them.
    """
    built = _build(tree, context)
    if built.query is None and query_words(tree) and not context.keep_stop_words:
        context.keep_stop_words = True
        context.terms.clear()
        context.stop_terms.clear()
        built = _build(tree, context)
    return built


def _build(tree: Node, context: BuildContext, optional: bool = False) -> Built:
    if isinstance(tree, Word):
        return Built(_word_query(tree, context, optional))
    if isinstance(tree, Phrase):
        return Built(_phrase_query(tree.text, context))
    if isinstance(tree, FilterClause):
        return Built(None, set(context.filter_docs(tree.filter)))
    return _group_query(tree, context)


def _group_query(group: Group, context: BuildContext) -> Built:
    musts: list[Built] = []
    shoulds: list[Built] = []
    nots: list[Built] = []
    filters: list[Built] = []  # filters written plainly: they narrow, never widen
    for occur, node in group.clauses:
        part = _build(node, context, optional=occur == SHOULD)
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
        musts.append(Built(None, set().union(*(part.allowed for part in filters))))
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
        excluded_docs.append(context.query_docs(_any(excluded_words)))
    if excluded_docs:
        if allowed is None:
            allowed = set(context.live_docs())
        for docs in excluded_docs:
            allowed -= docs
    return Built(scoring, allowed)


def _all(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


def _any(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def analyze(text: str, context: BuildContext, keep_stop_words: bool = False) -> list[tuple[str, int]]:
    """(term, position) pairs the body's analyzer makes of text.

    Stop words are indexed at their positions but dropped from word queries
    (they match nearly every article and cost the most time); phrases keep
    them, so `"Brezi dhe Rruga"` is matched exactly.
    """
    analyzer = context.schema["body"].analyzer
    tokens = analyzer(text, positions=True, mode="query", removestops=not keep_stop_words)
    return [(t.text, t.pos) for t in tokens]


def _fields_query(make, context: BuildContext) -> wq.Query:
    parts = [make(name, weight) for name, weight in context.field_weights.items()]
    return _any(parts)


def _term_query(term: str, context: BuildContext) -> wq.Query:
    context.terms.append(term)
    prefix, near_weight = context.near_forms
    if near_weight > 0:
        return _fields_query(
            lambda name, weight: NearFormTerm(name, term, boost=weight, prefix=prefix, weight=near_weight), context
        )
    return _fields_query(lambda name, weight: wq.Term(name, term, boost=weight), context)


def _word_query(word: Word, context: BuildContext, optional: bool = False) -> wq.Query | None:
    """One written word's query. A word the analyzer cuts in several keys
    (`COVID-19`, `Kosovë-Serbi`, `ish-sportistë`) counts each key as a word of
    its own where the word is optional, as Lucene's query parser and
    Elasticsearch's match query do: an article that writes `Kosovës dhe
    Serbisë` still matches `Kosovë-Serbi` in a pasted headline (measured in
    docs/ranking.md, "Split words"). A required or
    negated word (`+COVID-19`, `-COVID-19`) must stand as written: its keys
    side by side."""
    if word.prefix:
        return _prefix_query(word.text, context)
    tokens = analyze(word.text, context, keep_stop_words=context.keep_stop_words)
    if not tokens:
        return None
    if len(tokens) == 1:
        return _term_query(tokens[0][0], context)
    if optional:
        return _any([_term_query(term, context) for term in dict.fromkeys(term for term, _ in tokens)])
    return _tokens_phrase(tokens, context)


def _phrase_query(text: str, context: BuildContext) -> wq.Query | None:
    tokens = analyze(text, context, keep_stop_words=True)
    content = {term for term, _ in analyze(text, context)}
    context.stop_terms.update(term for term, _ in tokens if term not in content)
    if not tokens:
        return None
    if len(tokens) == 1:
        return _term_query(tokens[0][0], context)
    return _tokens_phrase(tokens, context)


def _tokens_phrase(tokens: list[tuple[str, int]], context: BuildContext) -> wq.Query:
    words = [text for text, _ in tokens]
    # Words the analyzer drops even from phrases leave gaps; allow that much slop.
    gaps = [b - a for (_, a), (_, b) in zip(tokens, tokens[1:])]
    slop = max([1, *gaps])
    return _fields_query(lambda name, weight: wq.Phrase(name, words, slop=slop, boost=weight), context)


def _prefix_query(text: str, context: BuildContext) -> wq.Query | None:
    """`ndërt*`: the prefix as the index holds it: lowercase, and with ë/ç folded.

    The analyzer would stem a prefix (and perhaps drop it), so it is only
    normalised; both the lowercase and the folded spelling are tried, so this
    works whichever way the analyzer treats diacritics.
    """
    from analyzers.normalizer import fold_diacritics

    lowered = "".join(c for c in text.lower() if c.isalnum())
    prefixes = list(dict.fromkeys([fold_diacritics(lowered), lowered]))
    return _fields_query(
        lambda name, weight: _any([wq.Prefix(name, p, boost=weight) for p in prefixes]), context
    )


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
    searchidx.search, which applies the filters too.
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
