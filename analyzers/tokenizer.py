"""Splits Albanian text into tokens, keeping character offsets for highlighting.

What counts as a token (issue 3):

* words: runs of letters and digits, any script, ë and ç included in both cases;
  a letter followed by combining marks (``e`` + U+0308) stays one word;
* elision: a single letter and an apostrophe of any form (' ’ ‘ ʼ ´ `) is a
  clitic of its own (``s'ka`` → ``s'`` ``ka``; ``t'i``; ``n'Tiranë`` →
  ``n'`` ``Tiranë``), except ``ç'`` which is spelled-out çfarë/çdo and joins
  its word (``ç'farë`` → ``çfarë``);
* a hyphen splits (``Izrael-Hamas`` → both), and a case ending hyphenated to an
  acronym, number or capitalised name is dropped (``OKB-së`` → ``OKB``;
  ``NATO-s``; ``Trump-it`` → ``Trump``; ``10-vjetorin`` keeps ``10`` and
  ``vjetorin``, which is a word);
* a full stop between words splits them even without a space (``jetë.Këto``);
* numbers with decimal commas or points stay whole (``3,5``; ``1.000.000``);
* URLs, e-mail addresses, domain names (``Lajmi.net`` too) and hashtags stay whole;
* a token longer than MAX_TOKEN_CHARS is no word anyone searches for (a
  run of letters from a broken file, a base64 blob): it is skipped, its
  position kept so that no phrase matches across it, and
  `count_overlong` counts such runs for the indexer's report.

Every alternative of the pattern below scans a bounded stretch from where it
starts (an e-mail's local part at most 64 characters, a domain at most nine
labels of at most 63), so tokenizing is linear in the text's length: with an
unbounded e-mail part, a long run of `a.a.a.` took time in its square.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

# Apostrophe forms people type: ASCII, right/left single quotes, modifier
# letter apostrophe, acute and grave accents.
APOSTROPHES = "'\u2019\u2018\u02bc\u00b4`"

# Case endings written after a hyphen: the noun article/case endings of
# Albanian, which the orthography hyphenates after an acronym or number
# (OKB-së, NATO-s, BE-ja, 2020-ën, 10-të, VIP-at, OJQ-ve) and news writes
# after foreign names kept in their own spelling (Trump-it, Livingston-it,
# Menga-s, Rangers-ave).
CASE_ENDINGS = frozenset(
    "a ja i u s së ës n në ën t të it in ut un ve ët et e je se es ne en te at ave eve ëve".split()
)

# Longer tokens are skipped (Lucene's StandardTokenizer default length).
MAX_TOKEN_CHARS = 255

_TLDS = "com|net|org|al|info|eu|gov|edu|io|tv|mk|me|rs|de|uk|it|fr|ch|at|biz|co"
# Alternatives are tried in order at each position. Most tokens are plain
# words, so they come first, with possessive quantifiers (no backtracking) and
# a lookahead sending a word glued to ' - . , @ + letter to the other rules.
_PATTERN = (
    r"(?P<word>{L}++(?![" + APOSTROPHES + r"\-.,@]{L}|://))"
    r"|(?P<url>(?:https?://|www\.)[^\s<>\"“”«»]+)"
    r"|(?P<email>[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,8})"
    r"|(?P<tag>#[^\W\d_]\w*)"
    # A domain's name may be capitalised (Lajmi.net, Albinfo.at), its ending
    # not: "Kosova.Me" is two words run together, not a domain.
    r"|(?P<domain>\b[A-Za-z0-9-]{1,63}+(?:\.[A-Za-z0-9-]{1,63}+){0,8}?\.(?:" + _TLDS + r")\b(?!\.[^\W_]))"
    r"|(?P<num>\d++(?:[.,]\d++)+)"
    r"|(?P<joined>{L}++(?:[" + APOSTROPHES + r"\-]{L}++)*)"
)
# No alternative above starts with white space or one of these marks (an
# e-mail address may start with . + -, so those are not here). Said first,
# it lets the regex engine step over the gaps between words without trying
# each alternative there: the same matches, faster (docs/performance.md).
_NO_TOKEN_STARTS = '\\s,;:!?()"“”„«»–—'
_SKIPPING = "(?=[^" + _NO_TOKEN_STARTS + "])(?:" + _PATTERN + ")"
# For NFC text (nearly all), a letter is [^\W_]; otherwise combining marks too
# (ʼ U+02BC is a "letter" to Unicode, but here an apostrophe.)
_FAST = re.compile(_SKIPPING.replace("{L}", r"[^\W_\u02bc]"))
_SLOW = re.compile(_SKIPPING.replace("{L}", r"(?:[^\W_\u02bc]|[\u0300-\u036f])"))
_JOINERS = re.compile("[" + APOSTROPHES + r"\-]")
_TRAILING = ".,;:!?)]}'\u2019\""


def _split_word(text: str, start: int) -> Iterator[tuple[str, int, int]]:
    """Splits a word at hyphens into (text, start, end), dropping case endings."""
    prev = None
    pos = 0
    for part in text.split("-"):
        s, e = start + pos, start + pos + len(part)
        pos += len(part) + 1
        if not part:
            continue
        if (
            prev is not None
            and part.lower() in CASE_ENDINGS
            and (prev[-1].isdigit() or (prev[0].isupper() and len(prev) >= 2))
        ):
            # OKB-së → OKB, 2020-ën → 2020, Trump-it → Trump: the ending
            # carries no meaning of its own
            prev = None
            continue
        prev = part
        yield part, s, e


def _words(text: str, start: int) -> Iterator[tuple[str, int, int]]:
    """Handles elision inside a word match, then hyphens (see module doc)."""
    # Elision: split at apostrophes first.
    segments = []
    pos = 0
    for i, ch in enumerate(text):
        if ch in APOSTROPHES:
            segments.append((text[pos:i], start + pos, start + i))
            pos = i + 1
    segments.append((text[pos:], start + pos, start + len(text)))
    if len(segments) == 1:
        yield from _split_word(text, start)
        return
    carry = None
    for idx, (seg, s, e) in enumerate(segments):
        last = idx == len(segments) - 1
        if carry is not None:
            s -= len(carry) + 1
            joined = carry + seg
            carry = None
            head, _, rest = joined.partition("-")
            yield head, s, s + len(head) + 1  # the span covers the apostrophe
            if rest:
                yield from _split_word(rest, s + len(head) + 2)
            continue
        if not last:
            head = seg.rsplit("-", 1)[-1]
            if head.lower() == "ç":
                # ç'farë is çfarë: keep the hyphenated rest, join "ç" onward.
                rest = seg[: len(seg) - len(head)]
                if rest:
                    yield from _split_word(rest.rstrip("-"), s)
                carry = head
                continue
            if len(head) == 1:
                rest = seg[: len(seg) - 1]
                if rest:
                    yield from _split_word(rest.rstrip("-"), s)
                yield head + text[e - start], e - 1, e + 1  # the clitic with its apostrophe
                continue
        yield from _split_word(seg, s)


def _match_tokens(m: re.Match) -> Iterator[tuple[str, int, int]]:
    """The tokens of one regex match (see module doc)."""
    kind = m.lastgroup
    tok = m.group()
    if kind == "joined" and _JOINERS.search(tok) is not None:
        yield from _words(tok, m.start())
    elif kind == "url":
        stripped = tok.rstrip(_TRAILING)
        yield stripped, m.start(), m.start() + len(stripped)
    else:
        yield tok, m.start(), m.end()


def positioned_tokens(text: str) -> Iterator[tuple[str, int, int] | None]:
    """Yields one item per token position of `text`: (token text, start
    char, end char), or None for a token longer than MAX_TOKEN_CHARS, which
    is not indexed but keeps its position (AlbanianTokenizer's positions)."""
    regex = _FAST if text.isascii() or unicodedata.is_normalized("NFC", text) else _SLOW
    for m in regex.finditer(text):
        if m.lastgroup == "word":
            start, end = m.span()
            yield (m.group(), start, end) if end - start <= MAX_TOKEN_CHARS else None
        else:
            for token in _match_tokens(m):
                yield token if len(token[0]) <= MAX_TOKEN_CHARS else None


def tokenize(text: str) -> Iterator[tuple[str, int, int]]:
    """Yields (token text, start char, end char) for `text` (no Whoosh needed);
    tokens longer than MAX_TOKEN_CHARS are left out."""
    for token in positioned_tokens(text):
        if token is not None:
            yield token


# A stretch of this many characters without white space may hold an
# overlong token; text without one (nearly all) is not tokenized to count.
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))


def count_overlong(text: str) -> int:
    """How many tokens of text are longer than MAX_TOKEN_CHARS (and so not indexed)."""
    if _LONG_RUN.search(text) is None:
        return 0
    count = 0
    regex = _FAST if text.isascii() or unicodedata.is_normalized("NFC", text) else _SLOW
    for m in regex.finditer(text):
        if m.end() - m.start() <= MAX_TOKEN_CHARS:
            continue
        if m.lastgroup == "word":
            count += 1
        else:
            count += sum(len(token) > MAX_TOKEN_CHARS for token, _, _ in _match_tokens(m))
    return count


class AlbanianTokenizer(Tokenizer):
    """Whoosh tokenizer over `tokenize`, with positions and character offsets."""

    def __eq__(self, other):
        return self.__class__ is other.__class__

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        pos = start_pos
        regex = _FAST if value.isascii() or unicodedata.is_normalized("NFC", value) else _SLOW
        for m in regex.finditer(value):
            if m.lastgroup == "word":  # the common case, inlined: no extra generator
                if m.end() - m.start() > MAX_TOKEN_CHARS:
                    pos += 1  # skipped, and no phrase matches across it
                    continue
                t.text = m.group()
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = t.text
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar = start_char + m.start()
                    t.endchar = start_char + m.end()
                pos += 1
                yield t
                continue
            for text, s, e in _match_tokens(m):
                if len(text) > MAX_TOKEN_CHARS:
                    pos += 1
                    continue
                t.text = text
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = text
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar = start_char + s
                    t.endchar = start_char + e
                pos += 1
                yield t
