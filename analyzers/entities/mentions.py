"""Finding candidate name spans in Albanian text.

Albanian capitalises proper names and nothing else mid-sentence (not
months, weekdays, nationalities or titles), so a capitalised word that does
not open a sentence is the strongest cue. The rules here only find spans;
what they mean (type, canonical form) is decided in
:mod:`analyzers.entities.extract`.

* A *run* is capitalised words joined by nothing but spaces or by the
  Albanian connecting articles ``i``, ``e``, ``të``, ``së`` (``Kombet e
  Bashkuara``, ``Lindje të Mesme``, ``Malit të Zi``); punctuation, line breaks
  and other lowercase words end it.
* An *acronym* is two or more capitals, with an optional hyphenated case
  ending that is not part of the name (``OKB-së``, ``NATO-s``, ``SHBA-ve``).
* A *quoted name* is a short capitalised phrase in quotation marks
  (``“Brezi dhe Rruga”``): names of initiatives, projects, works.
* A *title* (``presidenti``, ``kryeministri``, ``sekretari i
  përgjithshëm``) before a run is evidence that the run is a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?"
# words, numbers, and any other single non-space character
# a web address named as a source: Lajmi.net, Koha.net, Telegrafi.com
DOMAIN = r"[^\W\d_][\w-]*\.(?:net|com|al|org|info|tv|eu|co\.uk)\b"
TOKEN_RE = re.compile(rf"(?P<w>{DOMAIN}|{WORD}(?:-{WORD})*)|(?P<n>\d+(?:[.,:]\d+)*)|(?P<p>\n\s*\n|\n|\S)")
ACRONYM_RE = re.compile(
    r"^(?P<name>[A-ZÇË][A-ZÇË0-9]+(?:[-–][A-ZÇË]{2,})?|[A-ZÇË][a-zçë]?[A-ZÇË]{1,}[A-ZÇË]?)"
    r"(?:[-–](?P<ending>[a-zçë]{1,4}))?$"
)
CONNECTOR_WORDS = frozenset({"i", "e", "të", "së"})
# Lowercase particles inside foreign personal names.
NAME_PARTICLES = frozenset({"von", "van", "der", "de", "al", "bin", "el", "da", "di", "la", "dos"})
SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";"})
OPEN_QUOTES = frozenset("“„«\"'‘‹")
CLOSE_QUOTES = {"“": "”", "„": "“”", "«": "»", '"': '"', "'": "'", "‘": "’", "‹": "›"}
DASHES = frozenset("-–—")

# Titles and roles that precede a person's name. Matched on the lowercased
# word's start, the rest being a case ending (presidenti, presidentit,
# presidentin, presidentja, presidentes).
TITLE_STEMS = (
    "president", "kryeministr", "zëvendëskryeministr", "ministr", "sekretar",
    "deputet", "ambasador", "zëdhënës", "kancelar", "lider", "kryetar",
    "zëvendëskryetar", "drejtor", "gjeneral", "mbret", "princ", "senator",
    "guvernator", "kryebashkiak", "shef", "trajner", "aktor", "këngëtar",
    "gazetar", "profesor", "doktor", "papë", "komandant", "prokuror",
    "gjyqtar", "avokat", "analist", "ekspert", "lojtar", "sulmues",
    "mesfushor", "portier", "futbollist", "reper", "modele", "moderator",
    "themelues", "bashkëshort", "kreu", "krye", "zot", "zonj", "kryeplak",
    "ish-president", "ish-kryeministr", "ish-ministr", "ish-kryetar",
    "ish-deputet", "ish-drejtor", "ish-lider", "ish-zëdhënës", "ish-ambasador",
    "kandidat", "negociator", "emisar", "i dërguar", "mjek", "epidemiolog",
    "biznesmen", "pronar", "bashkëpunëtor", "këshilltar", "koordinator",
)
TITLE_RE = re.compile(
    r"^(?:" + "|".join(re.escape(s) for s in TITLE_STEMS) + r")"
    r"(?:i|it|in|u|ut|un|ja|ës|en|es|ët|ëve|ja|e|ët|ët|a|ë|ave|ëve)?$"
)
TITLE_ABBREVIATIONS = frozenset({"z.", "znj.", "dr.", "prof."})
# Adjectives that belong to a title and are written capitalised in it.
TITLE_ADJECTIVES = frozenset({"përgjithshëm", "jashtëm", "brendshëm", "parë", "lartë", "shtetëror"})


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "w" word, "n" number, "p" punctuation or line break
    sentence_initial: bool = False

    @property
    def is_cap(self) -> bool:
        return self.kind == "w" and self.text[0].isupper()


@dataclass(slots=True)
class Run:
    """Consecutive tokens that may form one or more names."""

    tokens: list[Token]
    title_before: bool = False  # a title word precedes it in the sentence

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


@dataclass(slots=True)
class Quoted:
    start: int
    end: int
    text: str


# The corpus format's opening marker (` date 2023-10 `), not article text.
HEADER_RE = re.compile(r"\A\s*date[ \t]+\S+[ \t]*", re.IGNORECASE)


def tokenize(text: str, keep_whole=lambda word: False) -> list[Token]:
    """Tokens with offsets, sentence openings marked.

    A hyphenated word whose parts are both capitalised names is split
    (``Izrael-Hamas``) unless ``keep_whole(word)`` says it is one name
    (``Bosnjë-Hercegovinë``); ``OKB-së`` and ``ish-presidenti`` stay whole.
    """
    header = HEADER_RE.match(text)
    offset = header.end() if header else 0
    tokens: list[Token] = []
    for m in TOKEN_RE.finditer(text, offset):
        word = m.group()
        kind = m.lastgroup or "p"
        if kind == "w" and "-" in word and not keep_whole(word) and not split_acronym(word):
            parts = word.split("-")
            if all(p[:1].isupper() for p in parts):
                pos = m.start()
                for k, part in enumerate(parts):
                    if k:
                        tokens.append(Token("-", pos, pos + 1, "p"))
                        pos += 1
                    tokens.append(Token(part, pos, pos + len(part), "w"))
                    pos += len(part)
                continue
        tokens.append(Token(word, m.start(), m.end(), kind))
    _mark_sentence_starts(tokens)
    return tokens


def _mark_sentence_starts(tokens: list[Token]) -> None:
    """A word opens a sentence after a full stop, colon, line break, opening
    quote or dash at a line's start, or at the start of the text; a word
    that follows a corpus header (``date 2023-10``) opens one too."""
    boundary = True
    for i, tok in enumerate(tokens):
        if tok.kind == "p":
            if tok.text in SENTENCE_END or tok.text.startswith("\n"):
                boundary = True
            elif tok.text in OPEN_QUOTES or tok.text in "(”»":
                # quoted speech opens a sentence; closing quote keeps state
                if tok.text in OPEN_QUOTES:
                    boundary = True
            elif tok.text in DASHES and (boundary or (i and tokens[i - 1].end == tok.start)):
                pass  # a dash opening a line, or joining two names
            else:
                boundary = False
            continue
        if tok.kind == "n":
            boundary = False
            continue
        tok.sentence_initial = boundary
        boundary = False


def is_title(word: str) -> bool:
    low = word.lower()
    return bool(TITLE_RE.match(low)) or low in TITLE_ABBREVIATIONS


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    """Only spaces (a no-break space too) between two tokens of a name."""
    gap = text[a.end : b.start]
    return 0 < len(gap) <= 3 and gap.isspace() and "\n" not in gap


def runs(tokens: list[Token], text: str) -> list[Run]:
    """Capitalised runs joined by connectors and name particles."""
    out: list[Run] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.is_cap:
            i += 1
            continue
        j = i + 1
        last = i
        while j < n:
            t = tokens[j]
            if not _gap_ok(text, tokens[j - 1], t):
                break
            if t.is_cap:
                last = j
                j += 1
                continue
            if (
                t.kind == "w"
                and (t.text in CONNECTOR_WORDS or t.text in NAME_PARTICLES)
                and j + 1 < n
                and tokens[j + 1].is_cap
                and _gap_ok(text, t, tokens[j + 1])
            ):
                j += 1
                continue
            break
        run = Run(tokens[i : last + 1])
        run.title_before = _title_before(tokens, i)
        out.append(run)
        i = last + 1
    return out


def _title_before(tokens: list[Token], i: int) -> bool:
    """A title within the few words before token i, in the same sentence:
    ``presidenti rus, Vladimir Putin``, ``presidentit kinez, Xi Jinping``."""
    seen = 0
    k = i - 1
    while k >= 0 and seen < 5:
        t = tokens[k]
        if t.kind == "p" and (t.text in SENTENCE_END or t.text.startswith("\n")):
            return False
        if t.kind == "w":
            if is_title(t.text):
                return True
            if t.is_cap and t.text.lower() not in TITLE_ADJECTIVES:
                # another name between: "sekretari i OKB-së, Antonio Guterres"
                # still counts, so keep looking, but only a little further
                seen += 1
            seen += 1
        k -= 1
    return False


def quoted_names(text: str, tokens: list[Token]) -> list[Quoted]:
    """Short capitalised phrases in quotation marks, at most six words, with
    no sentence punctuation inside: names of initiatives and works, not
    quoted speech."""
    out = []
    for i, tok in enumerate(tokens):
        if tok.kind != "p" or tok.text not in OPEN_QUOTES:
            continue
        closers = CLOSE_QUOTES.get(tok.text, "")
        words = 0
        for j in range(i + 1, min(i + 9, len(tokens))):
            t = tokens[j]
            if t.kind == "p":
                if t.text in closers or (t.text in OPEN_QUOTES and t.text in closers + '"”'):
                    inner = tokens[i + 1 : j]
                    if (
                        inner
                        and inner[0].is_cap
                        and 1 <= words <= 6
                        and all(x.kind == "w" for x in inner)
                        and not tokens[i + 1].text.isupper()
                    ):
                        out.append(Quoted(inner[0].start, inner[-1].end, text[inner[0].start : inner[-1].end]))
                    break
                if t.text not in DASHES:
                    break
            else:
                words += 1
    return out


def split_acronym(word: str) -> tuple[str, str] | None:
    """``OKB-së`` -> (``OKB``, ``së``); ``NATO`` -> (``NATO``, ``""``); else None."""
    m = ACRONYM_RE.match(word)
    if not m:
        return None
    name = m.group("name")
    if sum(1 for c in name if c.isupper()) < 2:
        return None
    return name, m.group("ending") or ""
