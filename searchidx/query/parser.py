"""The query language: what a user types, parsed into a tree.

    Kina Rusia              any word may match; more matching words rank higher
    "Brezi dhe Rruga"       a phrase
    Kina AND Rusia          both (Albanian: DHE); AND binds tighter than words side by side
    Kina OR Rusia           either (OSE); the same as `Kina Rusia`
    Kina NOT Hamas          not (JO); also `-Hamas`
    +Kina Rusia             Kina required, Rusia optional
    (Kina OR Rusia) AND sanksione
    ndërt*                  words starting with ndërt
    data:2023-10  vend:Kina  person:"Vladimir Putin"  org:OKB  entitet:Kina
                            field filters (see searchidx.query.filters); they narrow

Operators are recognised only in capitals, so the words `dhe`, `ose` and `jo`
stay words. Whoosh's own parser accepts anything and silently guesses at
broken input (an unclosed parenthesis, a dangling AND); this parser says
what is wrong in one line instead (QuerySyntaxError).

With syntax=False (`plain_tree`), the text is only words: quotes, colons,
capitals and signs mean nothing. Headlines, pasted text and the evaluation's
queries use it.

Parsing (`parse_tree`) needs no index; building the tree into a Whoosh
query needs the schema's analyzer and, for filters, the index's document
table (searchidx.query.builder).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NoReturn

from searchidx.errors import QuerySyntaxError
from searchidx.query.filters import FIELD_ALIASES, Filter

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

    clauses: tuple[tuple[str, Node], ...]
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

    def current(self) -> _Token:
        """The token where an operand must stand (the callers have seen one)."""
        token = self.peek()
        if token is None:
            raise QuerySyntaxError("the query ends where a word was expected")
        return token

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

    def missing_right(self, operator: _Token) -> NoReturn:
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
        token = self.current()
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
