"""``extract_entities(text)``: typed, canonical mentions of names in a text.

The steps, each a function below:

1. find spans (:mod:`analyzers.entities.mentions`): capitalised runs,
   acronyms, quoted names;
2. cut runs into names: the dictionaries' multi-word names first (longest
   match), then titles and sentence-initial common words peeled off, then
   what is left by rule;
3. list each span's canonical readings (:mod:`analyzers.entities.canonical`)
   and choose among them with the evidence of the whole article and, when
   given, of the whole index (:class:`Evidence`): a reading that other
   mentions share, that is written bare somewhere, or that the dictionaries
   know, wins;
4. type each name: dictionaries, then titles before it, first names and
   surnames, the head noun of a multi-word name, a locative preposition;
5. resolve short mentions of people to the full name in the same article
   (``Putinit`` -> ``Vladimir Putin``, ``Xi`` -> ``Xi Jinping``), or else to
   the one well-known person of the curated list with that surname.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from operator import attrgetter, itemgetter

from analyzers.entities import gazetteer, governments, memo
from analyzers.entities.city_clubs import city_clubs
from analyzers.entities.classify import (
    agree_types,
    drop_common_nouns,
    feminine_places,
    type_hints,
)
from analyzers.entities.cut import Span, cut_run, lone_opener, web_address_piece
from analyzers.entities.discourse import QUOTE_AFTER_SPACE, confirm, people_again
from analyzers.entities.evidence import Evidence
from analyzers.entities.fields import drop_fields
from analyzers.entities.given_names import opens_with_first_name
from analyzers.entities.lexical import Lowered, adjective_compound
from analyzers.entities.mention import Mention
from analyzers.entities.mentions import CONNECTOR_WORDS, quoted_in, scan, web_addresses, word_before
from analyzers.entities.piece import Piece
from analyzers.entities.purposes import join_purposes, join_seats
from analyzers.entities.resolve import choose_canonical, resolve_people
from analyzers.entities.streets import streets
from analyzers.entities.words import (
    ADJECTIVE_END,
    CREDIT_VERBS,
    LOC_HEAD_NOUN,
    LOC_HEADS,
    LOC_PREPOSITIONS,
    LOC_WORDS,
    MISC_HEADS,
    NAMING_NOUN,
    ORG_HEAD_NOUN,
    ORG_HEADS,
    ORG_NOUN,
    ORG_WORDS,
    PLACE_NOUN,
)
from analyzers.tokenizer import MAX_TOKEN_CHARS

TYPES = ("PER", "LOC", "ORG", "MISC")


def clear_caches() -> None:
    """Forgets every per-word cache and the loaded dictionaries (for
    benchmarks that must start cold, and tests): the memo of every function
    of every loaded module of this package, so that a rule module added
    later is not left out of a list (given_names' was, and kept the old
    dictionaries alive through its keys)."""
    modules = [m for name, m in list(sys.modules.items()) if name.startswith(f"{__package__}.") and m is not None]
    # (words' WordTests too; a function imported into several modules: cleared once)
    cached = {
        id(fn): fn
        for module in modules
        for fn in vars(module).values()
        if hasattr(fn, "cache_clear") and not isinstance(fn, type)  # (the WordTest class itself: no memo)
    }
    for fn in cached.values():
        fn.cache_clear()
    gazetteer._loaded = None


def extract_entities(text: str, evidence: Evidence | None = None) -> list[Mention]:
    """Mentions of people, places, organisations and other names, in order.

    Each has ``start`` and ``end`` offsets in ``text``, the ``text`` there,
    its ``type`` (PER, LOC, ORG or MISC) and its ``canonical`` form.
    """
    memo.text_read()  # (keeps the per-word memos within their limits)
    text = _blank_overlong(text)
    if not unicodedata.is_normalized("NFC", text):
        return _extract_decomposed(text, evidence)
    return [
        Mention(start, end, text[start:end], type_, canonical)
        for start, end, type_, canonical in _found(text, evidence)
    ]


def entity_spans(text: str, evidence: Evidence | None = None) -> list[tuple[int, int, str, str]]:
    """What extract_entities finds, as ``(start, end, type, canonical)``
    tuples: what indexing reads of each mention (searchidx.index.entities),
    without a Mention object and its text made for each of some thirty
    mentions an article."""
    memo.text_read()  # (keeps the per-word memos within their limits)
    text = _blank_overlong(text)
    if not unicodedata.is_normalized("NFC", text):
        return [(m.start, m.end, m.type, m.canonical) for m in _extract_decomposed(text, evidence)]
    return _found(text, evidence)


def _found(text: str, evidence: Evidence | None) -> list[tuple[int, int, str, str]]:
    """The mentions of a text without overlong words, in composed form:
    ``(start, end, type, canonical)`` in order."""
    gaz = gazetteer.load()
    misc = _quoted(text, gaz)
    lowered = Lowered(text)
    pieces: list[Piece] = []
    runs = scan(text, keep_whole=lambda w: _one_hyphenated_name(w, gaz), drop_opener=lambda w: lone_opener(w, gaz))
    for run in join_seats(text, join_purposes(text, runs, gaz), gaz):
        pieces.extend(cut_run(text, run, gaz, misc, lowered))
    addresses = web_addresses(text)
    if addresses:  # written in lowercase: no run holds them
        pieces.extend(web_address_piece(s, e, text[s:e], gaz) for s, e in addresses)
        pieces.sort(key=attrgetter("start"))
    type_hints(pieces, gaz)
    choose_canonical(pieces, gaz, evidence)
    resolve_people(pieces, gaz, text)
    city_clubs(pieces, text, gaz)
    pieces = streets(pieces, text)
    feminine_places(pieces)
    agree_types(pieces)
    pieces = drop_fields(drop_common_nouns(pieces, gaz), gaz)
    pieces = confirm(pieces)
    if governments.MARK in text:
        pieces = governments.governments(pieces, text)
    if "(" in text:
        _introduced_acronyms(pieces, text, gaz)
    out = [(m.start, m.end, m.type, m.canonical) for m in misc]
    out.extend((m.start, m.end, m.type, m.canonical) for m in _initials(text))
    credits = _slash_credits(text, gaz)
    if credits:
        out.extend((c.start, c.end, c.type, c.canonical) for c in credits)
        taken = {(c.start, c.end) for c in credits}
        pieces = [p for p in pieces if (p.start, p.end) not in taken]
    people: list[str] = []  # the last word of each person's name, as written
    nickname = False  # a quote opens right after one (Dwayne ‘The Rock’ Johnson)
    for piece in pieces:
        if piece.type is None:
            continue
        # (the character before it asked first: for most names, none of a
        # handle's marks, which costs less to see than a call to _in_handle)
        if text[piece.start - 1 : piece.start] in _HANDLE_MARKS and _in_handle(text, piece.start):
            continue
        if piece.type == "PER":
            if not piece.known or len(piece.words) > 1:  # (a one-word dictionary name is cut as such anywhere)
                people.append(piece.words[-1])
            nickname = nickname or text[piece.end : piece.end + 2] in QUOTE_AFTER_SPACE
            if text.startswith(_NUMERAL_OPENINGS, piece.end) and (numeral := _REGNAL.match(text, piece.end)):
                # a monarch's or a pope's numeral is part of the name (Murati II)
                piece.end, piece.canonical = numeral.end(), f"{piece.canonical} {numeral.group(1)}"
        out.append((piece.start, piece.end, piece.type, piece.canonical))
    out.sort(key=itemgetter(0))  # by start
    if people:
        return people_again(out, text, people, nickname, gaz)
    return out


# An acronym in brackets right after an organisation's name: "Instituti ...
# i Kosovës (IKSHPK)".
_BRACKETED = re.compile(r"[ \t\u00a0]*\(")


def _introduced_acronyms(pieces: list[Piece], text: str, gaz: gazetteer.Gazetteer) -> None:
    """An organisation's name with its acronym in brackets after it is one
    entity with one canonical form in the article (docs/entities.md): the
    acronym, as news go on to use it (Instituti Kombëtar i Shëndetësisë
    Publike të Kosovës (IKSHPK): IKSHPK), or, where the dictionaries give
    the acronym another name, the name the article gives it (Federata e
    Industrive Gjermane (BDI) is no Macedonian party here)."""
    for name, acronym in zip(pieces, pieces[1:]):
        if not (
            acronym.acronym
            and name.type == "ORG"
            and not name.acronym
            and len(name.words) > 1
            and _BRACKETED.fullmatch(text, name.end, acronym.start)
            and text.startswith(")", acronym.end)
        ):
            continue
        if acronym.canonical == name.canonical:
            continue
        known = gaz.entry(acronym.canonical) if acronym.known else None
        if known is not None and known.type != "ORG":
            continue  # a state's acronym in brackets says where, not what (Departamenti i Shtetit (SHBA))
        if _names_another(acronym, name, text, gaz):
            old, new = acronym.canonical, name.canonical
        else:
            old, new = name.canonical, acronym.canonical
        acronym.type = "ORG"
        for p in pieces:
            if p.canonical == old and p.type == "ORG":
                p.canonical = new


def _names_another(acronym: Piece, name: Piece, text: str, gaz: gazetteer.Gazetteer) -> bool:
    """Whether the curated list gives the acronym an entity the name is not
    (BDI, a Macedonian party, after Federata e Industrive Gjermane)."""
    entry = gaz.entry(acronym.canonical)
    if entry is None or not any(s.startswith("curated:") for s in entry.sources):
        return False
    return acronym.canonical not in gaz.lookup(text[name.start : name.end])


# The Roman numeral after a monarch's or a pope's name (Murati II, Elizabeth II, Gjon Pali II, Zogu I): a
# space, the numeral, no word going on; a lone letter before a dot is an initial (Agim I. Krasniqi), no numeral.
_REGNAL = re.compile(r" ((?:X{0,2})(?:IX|IV|V?I{1,3}|V)|X{1,2})(?![\w-])(?<![ ][IVX](?=\.))")
_NUMERAL_OPENINGS = (" I", " V", " X")  # how every match of it opens: asked first, most names have none
# Two initials standing for a person, as police and court news name suspects,
# victims and convicts (i dyshuari A.N., shtetasi Z.T., të dënuarit M.R.):
# two capitals each with its dot (the last dot may be missing), not part of a
# longer abbreviation (U.S.A.) or of a word. The look behind the first capital
# is checked after it (a look-behind over two characters), as in
# mentions.RUN_RE: a pattern that opens with a character class lets the
# regex engine skip to the capitals instead of trying the look-behind at
# every character of the text (the same matches).
_INITIALS = re.compile(r"([A-ZÇË])(?<![\w.].)\.([A-ZÇË])(\.(?!\w))?(?![\w]|\.\w)")
# What every such pair holds: a dot, a capital right after it.
_DOT_CAPITAL = re.compile(r"\.[A-ZÇË]")
# Abbreviations written the same way that stand for no person.
_NOT_INITIALS = frozenset({"U.S", "U.K", "O.K", "P.S", "N.B", "D.C", "A.M", "P.M", "T.V"})


def _initials(text: str) -> list[Mention]:
    """Initials standing for a person: PER, the canonical with its last dot."""
    if _DOT_CAPITAL.search(text) is None:
        return []  # most articles: no pass of the pattern over them
    out = []
    for m in _INITIALS.finditer(text):
        letters = f"{m.group(1)}.{m.group(2)}"
        if letters in _NOT_INITIALS:
            continue
        out.append(Mention(m.start(), m.end(), m.group(), "PER", letters + "."))
    return out


# A source credited after a slash at a paragraph's end, as an outlet's
# abbreviation in any case: /rel, /Rel (REL), /kp, /Kp (KosovaPress), /tch
# (Top Channel), /atsh (ATSH).
# The slash is matched, not looked behind at every character (group 1 is
# the abbreviation either way).
_SLASH_CREDIT = re.compile(r"/([^\W\d_]{2,5})(?=/?[ \t]*(?:\n|\Z))")
# ... or after a verb of crediting, in lowercase: "shkruan kp, transmeton ..."
# (no word character before the verb: looked behind its first letter, as
# _INITIALS does, so that the engine skips to the verbs' first letters).
_VERB_CREDIT = re.compile(
    "(?:" + "|".join(rf"{verb[0]}(?<!\w.){verb[1:]}" for verb in CREDIT_VERBS) + r")[ \t]+([a-zç]{2,5})(?![\w@/-]|\.\w)"
)


def _slash_credits(text: str, gaz: gazetteer.Gazetteer) -> list[Mention]:
    """Outlets credited after a slash or a verb of crediting, by the
    dictionaries' outlet of that abbreviation written in capitals or
    capitalised: ORG, in text order."""
    out = []
    found = list(_SLASH_CREDIT.finditer(text)) if "/" in text else []
    found.extend(m for m in verb_credits(text) if m.group(1) not in gaz.common)
    for m in found:
        word = m.group(1)
        if word.isupper() and len(word) > 1 and gaz.lookup(word):
            continue  # an acronym as written (/KP, /REL): extracted as such
        for form in (word.upper(), word[:1].upper() + word[1:]):
            orgs = [c for c in gaz.lookup(form) if gaz.entries[c].type == "ORG"]
            if orgs:
                out.append(Mention(m.start(1), m.end(1), word, "ORG", orgs[0]))
                break
    return sorted(out, key=lambda c: c.start)


# The verbs to look for where a verb may start: one that opens with another
# verb (përcjellë, përcjell) starts where that one does.
_CREDIT_VERB_STARTS = [v for v in CREDIT_VERBS if not any(v != w and v.startswith(w) for w in CREDIT_VERBS)]


def verb_credits(text: str) -> list[re.Match]:
    """The matches of _VERB_CREDIT in `text`, in order (what finditer
    gives): tried only where a verb of crediting starts, as every match
    does (and none holds the start of another: the word after the verb is
    shorter than any verb), rather than by the engine at every character
    from the first verb on. Most articles credit no one so."""
    starts = set()
    for verb in _CREDIT_VERB_STARTS:
        k = text.find(verb)
        while k >= 0:
            starts.add(k)
            k = text.find(verb, k + 1)
    matches = (_VERB_CREDIT.match(text, k) for k in sorted(starts))
    return [m for m in matches if m is not None]


def _one_hyphenated_name(word: str, gaz: gazetteer.Gazetteer) -> bool:
    """Whether a hyphenated word of capitalised parts is one name: one the
    dictionaries know (Bosnjë-Hercegovinë), a place with an adjective
    (Azi-Paqësor), or parts none of which is a name of its own (Kai-Fu,
    Plasco-Flaxman); parts that are names are two (Izrael-Hamas,
    Tiranë-Shkup)."""
    if word in gaz.forms or adjective_compound(word, gaz):
        return True
    return not any(part in gaz.forms for part in word.split("-"))


_OVERLONG_RUN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))
# Such a stretch holds a whole block of this many characters of the text,
# counted from its start (a stretch of 2B - 1 characters holds one whole
# block of B wherever it starts): a text each block of which holds a white
# space has none. Asking each block for a white space skips to it in a few
# characters, where a search for the stretch tries every word.
_BLOCK = (MAX_TOKEN_CHARS + 2) // 2
_SPACE = re.compile(r"\s")


def _blank_overlong(text: str) -> str:
    """The text with every stretch of more than MAX_TOKEN_CHARS characters
    without white space blanked out (offsets kept): no name is that long, the
    tokenizer skips such runs, and this keeps the work bounded per run
    whatever the rules below do with one. Blanked with line breaks: a long
    run of spaces costs the rules below time growing with its square, line
    breaks do not."""
    blocks = range(0, len(text) - _BLOCK + 1, _BLOCK)
    # (a plain space, which str.find finds without a pattern's set-up, first)
    if all(text.find(" ", k, k + _BLOCK) >= 0 or _SPACE.search(text, k, k + _BLOCK) for k in blocks):
        return text
    return _OVERLONG_RUN.sub(lambda m: "\n" * len(m.group()), text)


# The characters right before a word of a handle, a hashtag or a path.
_HANDLE_MARKS = ("@", "#", "/")


def _in_handle(text: str, start: int) -> bool:
    """A word of a handle, hashtag or web address (``@KellyannePolls``,
    ``#UCLfinal``, ``pic.twitter.com/QLeAhrFJIo``), not of the text: no
    name. A source credited after a slash (``/Lajmi.net/``) is one."""
    if not start:
        return False
    before = text[start - 1]
    if before in "@#":
        return True
    if before != "/":
        return False
    # a path after a domain (pic.twitter.com/QLeAhrFJIo), not a credit
    # after a slash (LSDM-së/REL, Stankovic./PanoramaSport/)
    k = start - 1
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    address = text[k : start - 1]
    return "." in address and address[-1:].isalnum()


# Characters from the first combining mark on: below it every character is
# its own composed form. Written as the complement of what is below: the
# same class, without re building a charset up to U+10FFFF at every
# import (docs/entities.md, session 8).
_FROM_COMBINING = re.compile("[^\x00-\u02ff]")


def _extract_decomposed(text: str, evidence: Evidence | None) -> list[Mention]:
    """Extraction from a text with decomposed letters (``e`` + U+0308 for
    ``ë``, as some articles are typed): the composed text is read, so that
    words, connectors and dictionary forms match, and offsets are mapped back
    to the text as given; canonical forms come out composed."""
    composed: list[str] = []
    start_of: list[int] = []  # composed offset -> offset in text
    end_of: list[int] = [0]  # composed end offset -> end offset in text
    i, n = 0, len(text)
    # A character below U+0300 is its own composed form, and one that no
    # combining mark follows maps to itself: only the others are looked at,
    # the stretches between copied whole.
    for k in (m.start() for m in _FROM_COMBINING.finditer(text)):
        if k < i:
            continue  # a mark already composed with its letter
        g = k - 1 if k > i and unicodedata.combining(text[k]) else k
        composed.append(text[i:g])
        start_of.extend(range(i, g))
        end_of.extend(range(i + 1, g + 1))
        j = g + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1  # a letter and the marks on it compose together
        group = unicodedata.normalize("NFC", text[g:j])
        composed.append(group)
        start_of.extend([g] * len(group))
        end_of.extend([g] * (len(group) - 1) + [j])
        i = j
    composed.append(text[i:])
    start_of.extend(range(i, n))
    end_of.extend(range(i + 1, n + 1))
    out = []
    for m in extract_entities("".join(composed), evidence):
        start, end = start_of[m.start], end_of[m.end]
        out.append(Mention(start, end, text[start:end], m.type, m.canonical))
    return out


# The words looked at before a quoted name for the noun that classes it.
_QUOTE_CLASS_WORDS = 5


def _quote_class(text: str, quote: int, gaz: gazetteer.Gazetteer) -> str | None:
    """The type the noun before a quoted name gives it, across the
    adjectives between (revistës së famshme “Playboy”, e përditshmja sportive
    katalane “Sport”) or as the head of a name the quoted one stands in
    apposition to (Spitalin e Vushtrrisë “Sheikh Zayed”, Universitetin
    Ushtarak “Kim Il-sung”): an organisation's class noun or head makes it
    an organisation, a place's a place (stadiumin “Fadil Vokrri”, rruga
    “Dervish Hima”), an event's or a work's none of these (None: the
    caller's rules decide)."""
    k = quote
    head = None
    noun = ""
    for _ in range(_QUOTE_CLASS_WORDS):
        word = word_before(text, k, lower=False)
        if not word:
            break
        k = text.rindex(word, 0, k)
        low = word.lower()
        if low in CONNECTOR_WORDS:
            continue
        if word[0].isupper():
            head = low  # the quoted name's apposition: its head is its first word
            continue
        noun = _class_of_noun(low)
        if noun or head is not None or not (ADJECTIVE_END.search(low) or low in gaz.common_adjectives):
            break
    if head is not None:
        if MISC_HEADS.match(head) or NAMING_NOUN.match(head):
            return None
        if ORG_HEADS.match(head):
            return "ORG"
        if LOC_HEADS.match(head):
            return "LOC"
    return noun or None


def _class_of_noun(word: str) -> str:
    """The type a lowercase class noun gives the name after it: "ORG",
    "LOC", "MISC" for a naming noun or an event's head, "" for none."""
    if ORG_NOUN.match(word):
        return "ORG"  # (first: a portal, a broadcast are both)
    if MISC_HEADS.match(word) or NAMING_NOUN.match(word):
        return "MISC"
    if ORG_HEAD_NOUN.match(word):
        return "ORG"
    if PLACE_NOUN.match(word) or LOC_HEAD_NOUN.match(word):
        return "LOC"
    return ""


def _venue(prev: str, words: list[str], gaz: gazetteer.Gazetteer) -> str | None:
    """A quoted name of a place's words or head (‘Allianz Stadium’, “Sheshin
    e Pavarësisë”), or a person's name after a locative preposition (në
    ‘Fadil Vokrri’: a stadium, a school, a street named after someone): a
    venue, LOC."""
    if any(w.lower() in LOC_WORDS for w in words) or LOC_HEADS.match(words[0].lower()):
        return "LOC"
    if prev in LOC_PREPOSITIONS and len(words) == 2 and opens_with_first_name(words, gaz):
        return "LOC"
    return None


def _quoted(text: str, gaz: gazetteer.Gazetteer) -> list[Span]:
    """Quoted names, and their repeats without quotes: the name of a work,
    an initiative, a product (MISC), or of an organisation where a class
    noun of organisations stands before the quotes (shoqata “Jetimat e
    Ballkanit”, gazeta “Sunday Times”) or the name opens with English
    ``The`` (“The Sunday Telegraph”)."""
    found: list[Span] = []
    for q, prev in quoted_in(text):
        words = q.text.split()
        if gaz.lookup(q.text):
            continue  # a known name in quotes is extracted as that name
        content = [w for w in words if w not in CONNECTOR_WORDS and w != "dhe"]
        capitalised = sum(1 for w in content if w[0].isupper())
        classed = _quote_class(text, q.start - 1, gaz) or _venue(prev, words, gaz)
        if classed or NAMING_NOUN.match(prev) or (len(content) >= 2 and capitalised >= 2) or ORG_NOUN.match(prev):
            org = (
                bool(ORG_NOUN.match(prev))
                or (len(words) > 1 and words[0] == "The")
                # a word of a foreign organisation's name after the first (‘London Gazette’, “Insider LLC”)
                or any(w.lower() in ORG_WORDS for w in words[1:])
            )
            found.append(Span(q.start, q.end, q.text, classed or ("ORG" if org else "MISC")))
    if not found:
        return []
    spans: list[Span] = []
    # First-seen order, not a set's hash order: two quoted names that match the
    # same span must resolve the same way in every process (PYTHONHASHSEED).
    # One name, one type: quoted twice, after a class noun once (shoqatës
    # “Jetimat e Ballkanit”) and with none the other time, it is what the
    # class noun says, not a work as well (two spans at the same place).
    # Matched regardless of case, names written apart only by case are one.
    types: dict[str, tuple[str, str]] = {}
    for f in found:
        key = f.canonical.lower()
        if key not in types:
            types[key] = (f.canonical, f.type)
        elif types[key][1] == "MISC":
            types[key] = (types[key][0], f.type)
    # (the text lowercased once, where a name's letters match as its pattern's do)
    low = text.lower() if _plain_case(text) else None
    for name, type_ in types.values():
        for start, end in written_at(text, low, name):
            if text[start].isupper():
                spans.append(Span(start, end, name, type_))
    spans.sort(key=lambda s: s.start)
    return spans


# Letters whose case re.IGNORECASE matches otherwise than str.lower() does
# (re/_casefix.py): İ lowercases to two characters; ı and ſ match i and s;
# the Greek, Cyrillic and other letters of that table lie at U+0370 or above,
# or are µ and the combining ypogegrammeni.
_ODD_CASE_IN_TEXT = ("İ", "ı", "ſ")
_ODD_CASE_IN_NAME = frozenset("İıſµ\u0345")


def _plain_case(text: str) -> bool:
    """Whether every letter of `text` matches a letter of a name under
    re.IGNORECASE as its str.lower() does (offsets kept)."""
    return not any(c in text for c in _ODD_CASE_IN_TEXT)


def written_at(text: str, low: str | None, name: str) -> list[tuple[int, int]]:
    """The spans where ``_written_as(name)`` matches `text`, in order (what
    its finditer gives); `low` is ``text.lower()`` where ``_plain_case(text)``,
    else None. A name of plain letters is looked for in `low` with
    str.find, where a pattern compiled for it would cost more than the
    search: each article quotes names of its own, and most once."""
    if low is None or max(name) >= "\u0370" or not _ODD_CASE_IN_NAME.isdisjoint(name):
        return [m.span() for m in _written_as(name).finditer(text)]
    first, *rest = name.lower().split()
    out = []
    n = len(text)
    i = low.find(first)
    while i >= 0:
        j = i + len(first)
        found = not (i and _word_char(text[i - 1]))
        for word in rest:
            if not found:
                break
            k = j
            while k < n and text[k].isspace():  # \s+
                k += 1
            found = k > j and low.startswith(word, k)
            j = k + len(word)
        if found and not (j < n and _word_char(text[j])):
            out.append((i, j))
            i = low.find(first, j)  # (finditer goes on after a match)
        else:
            i = low.find(first, i + 1)
    return out


def _word_char(c: str) -> bool:
    """What ``\\w`` matches: a character str.isalnum() says is one, or ``_``."""
    return c.isalnum() or c == "_"


def _written_as(name: str) -> re.Pattern:
    """The words of a quoted name as a whole phrase in any case, white space
    between them: ``(?<!\\w)`` + the words + ``(?!\\w)``, where the look-behind is
    checked after the name's first letter (which re.escape leaves as it is):
    a pattern that opens with a letter lets the regex engine skip to where
    it occurs, where a look-behind first is tried at every character (the
    same matches)."""
    body = r"\s+".join(re.escape(w) for w in name.split())
    return re.compile(body[0] + r"(?<!\w.)" + body[1:] + r"(?!\w)", re.IGNORECASE)
