"""Turns what a user types into a Whoosh query, or explains why it cannot.

Whoosh's parser accepts anything and silently guesses at broken input (an
unclosed parenthesis, a dangling AND); a search tool should instead say what
is wrong, so the query is checked before it is parsed.
"""

from __future__ import annotations

import re

from whoosh.qparser import MultifieldParser, OrGroup

from searchidx.errors import QuerySyntaxError

TEXT_FIELDS = ("title", "body")
BINARY_OPERATORS = {"AND", "OR"}
UNARY_OPERATORS = {"NOT"}
# Any word may match; BM25 already ranks documents matching more words higher.
# (Whoosh's OrGroup.factory(0.9) coordination bonus is not used: measured here,
# it changes a document's score with the result limit, so page 1 and page 2
# of the same query disagreed.)
OR_GROUP = OrGroup

LEXEME = re.compile(r'\s*(?:(?P<open>\()|(?P<close>\))|(?P<quote>"[^"]*"?)|(?P<word>[^\s()"]+))')


def check_syntax(text: str) -> None:
    """Raises QuerySyntaxError with a one-line explanation for broken queries."""
    if not text.strip():
        raise QuerySyntaxError("the query is empty")
    depth = 0
    previous = None  # the kind of the previous lexeme: "open", "operator", "term", "close"
    for match in LEXEME.finditer(text):
        kind = match.lastgroup
        lexeme = match.group(kind)
        if kind == "open":
            depth += 1
            previous = "open"
        elif kind == "close":
            if depth == 0:
                raise QuerySyntaxError(f"unmatched ')' at character {match.start(kind) + 1}")
            if previous in ("operator", "unary"):
                raise QuerySyntaxError(f"missing a word after {last_operator} before ')'")
            if previous == "open":
                raise QuerySyntaxError("empty parentheses '()'")
            depth -= 1
            previous = "close"
        elif kind == "quote":
            if len(lexeme) < 2 or not lexeme.endswith('"'):
                raise QuerySyntaxError('unclosed quote: a phrase needs a closing "')
            previous = "term"
        elif lexeme in BINARY_OPERATORS:
            if previous in (None, "open", "operator", "unary"):
                where = "at the start" if previous in (None, "open") else f"after {last_operator}"
                raise QuerySyntaxError(f"{lexeme} {where} needs a word on its left")
            previous, last_operator = "operator", lexeme
        elif lexeme in UNARY_OPERATORS:
            previous, last_operator = "unary", lexeme
        else:
            previous = "term"
    if depth > 0:
        raise QuerySyntaxError("unclosed '(': add the missing ')'")
    if previous in ("operator", "unary"):
        raise QuerySyntaxError(f"{last_operator} at the end needs a word on its right")


def parse_query(text: str, schema):
    """Parses a query over the article's title and body."""
    check_syntax(text)
    parser = MultifieldParser(list(TEXT_FIELDS), schema, group=OR_GROUP)
    query = parser.parse(text)
    return query
