"""Typing names by evidence: the dictionaries, the words around a name, the
name's form, the list it stands in, and the article's other mentions."""

from __future__ import annotations

import re
from collections import Counter

from analyzers.entities.gazetteer_table import Gazetteer, weak_place
from analyzers.entities.given_names import opens_with_first_name, surname_shaped
from analyzers.entities.lexical import (
    common,
    common_noun_phrase,
    entry_type,
    place_of_place,
    substantivised_adjective,
)
from analyzers.entities.memo import word_memo
from analyzers.entities.mentions import CONNECTOR_WORDS, word_after, word_before
from analyzers.entities.piece import Piece
from analyzers.entities.place_led import names_a_region
from analyzers.entities.place_lists import places_listed
from analyzers.entities.plural_names import plural_closes
from analyzers.entities.words import (
    DIRECTION_GENITIVES,
    FAMILY_NOUN,
    FAMILY_NOUN_STEMS,
    LOC_HEADS,
    LOC_PREPOSITIONS,
    LOC_WORDS,
    MISC_HEADS,
    MISC_WORDS,
    NAMED_AFTER,
    NAMED_BY,
    OFFICE,
    ORG_HEADS,
    ORG_NOUN,
    ORG_WORDS,
    PATRONYMIC_PREFIXES,
    PERSON_VERBS,
    PLACE_NOUN,
    REALM_TITLE,
    SPEECH_VERBS,
    SPORT_PREPOSITIONS,
    SPORT_STEMS,
    sport_word,
)

_NO_PERSON_WORDS = ORG_WORDS | NAMED_AFTER  # of names opening with a first name
_PLACE_APPOSITION = re.compile(r",[ \t\u00a0]+(?:një[ \t\u00a0]+)?(\w+)")

# Words that coordinate the items of a list: Kiev, Harkiv dhe Odesë.
_COORDINATION = re.compile(r"[ \t\u00a0]*(?:,|,?[ \t\u00a0]+(?:dhe|e|apo|ose))[ \t\u00a0]+")
# The last two characters of every such join: a blank after a comma, a conjunction's last letter, or another blank.
_JOIN_TAILS = frozenset(c + blank for c in ",eo \t\u00a0" for blank in " \t\u00a0")

# A word with a capital after a lowercase letter inside it (BioNTech,
# ChatGPT, DokuFest): a brand, a company, an event; no person's name,
# bar the patronymic prefixes (McDonald, MacArthur, DeSantis, DiCaprio,
# LeBron, O'Brien).
_INNER_CAPITAL = re.compile(rf"^(?!(?:{'|'.join(PATRONYMIC_PREFIXES)})[A-Z])\w*[a-zçë][A-ZÇË]")


def set_context(piece: Piece, text: str, before: str) -> None:
    """What the words around a name say of it: a locative preposition
    (``në``, ``drejt``, ``pranë`` ...), ``nga X deri`` (from X to), a place
    noun before it, alone or with a genitive article (``fshatin Psarades``,
    ``liqenit të Prespës``), or in apposition after it (``Irpinin, një qytet
    ...``) make it a place; a naming noun before it (``programi Erasmus``)
    makes it the name of a thing; a class noun of organisations before it
    (``klubi Sunderland``, ``kompania kineze ByteDance``) an organisation;
    a verb only people do after it (``Tolaj thotë``) a person."""
    piece.preposition = before
    after = word_after(text, piece.end)
    piece.person_verb = after in PERSON_VERBS
    noun = ""  # the word before `before`, as written
    if before and not before[0].isupper():
        if ORG_NOUN.match(before):
            piece.org_context = True
        elif before.islower():
            # one adjective between: kompania kineze ByteDance
            k = piece.start
            while k > 0 and text[k - 1] in " \t\u00a0":
                k -= 1
            noun = word_before(text, k - len(before), lower=False)
            if ORG_NOUN.match(noun.lower()):
                piece.org_context = True
    if not before:
        pass
    elif before in LOC_PREPOSITIONS or PLACE_NOUN.match(before):
        piece.place_context = True
        return
    elif before in CONNECTOR_WORDS:
        # the noun before the genitive article (read above: a connector is
        # a lowercase word, no class noun): liqenit të Prespës
        piece.serves = bool(OFFICE.match(noun.lower()))
        if (
            PLACE_NOUN.match(noun.lower())
            or REALM_TITLE.match(noun.lower())
            or (noun[:1].isupper() and MISC_HEADS.match(noun.lower()))
        ):
            # liqenit të Prespës; the realm of a title: Princ i Sussex; where
            # an event was held: Lojërat Olimpike të Rios, Kupa e Botës
            piece.place_context = True
            return
    elif before == "nga" and after == "deri":
        piece.place_context = True
        return
    if text.startswith(",", piece.end):
        m = _PLACE_APPOSITION.match(text, piece.end)
        if m and PLACE_NOUN.match(m.group(1).lower()):
            piece.place_context = True
            return
    # "një Mercedes": a name after the indefinite article is a thing's
    piece.named_by = bool(before) and (before == "një" or bool(NAMED_BY.match(before)))


def type_hints(pieces: list[Piece], gaz: Gazetteer) -> None:
    """Types from each span alone (an acronym's, a dictionary name's); the article's evidence comes later."""
    entries = gaz.entries  # (the table itself: asked of every piece's readings)
    for piece in pieces:
        if piece.acronym:
            entry = entries.get(piece.canonical)
            piece.type = (entry.type if entry is not None else None) or "ORG"
            continue
        for cand in piece.candidates if piece.known else ():
            entry = entries.get(cand)
            t = entry.type if entry is not None else None
            if entry is not None and t == "LOC" and weak_place(entry) and piece.title:  # (title last: reads the text)
                continue  # a title before a name only a list of places has: a person (sulmuesi Guerrero)
            if t:
                piece.type = t
                break


def type_by_rule(piece: Piece, gaz: Gazetteer) -> str | None:
    """The type of a name by its evidence: the dictionaries, then its words
    (a head noun, an organisation's or a place's word, a first name, a
    known surname), then the words around it (a title, a verb of saying, a
    locative preposition, a class noun). A name with no evidence is MISC,
    marked `by_default`: a name, of no type the facets could trust (an
    unknown capitalised word was a person before: Prilepi, Sunderland,
    Proxima Centauri)."""
    canonical = piece.canonical
    words = canonical.split()
    entry = gaz.entries.get(canonical)  # (the table itself, as entry_type reads it)
    t = entry.type if entry is not None else None
    if entry is not None and t == "LOC" and weak_place(entry) and (piece.person_verb or piece.title):
        t = None  # a title before, or a verb only people do after, a name only a list of places has (trajneri Guerrero)
    if t and entry is not None and not (t == "PER" and entry.role == "first" and len(words) == 1 and not piece.title):
        return t
    written = tuple(piece.words)
    if len(words) > 1:
        t = type_by_words(canonical, written, gaz)
        if t:
            return t
    if len(piece.words) == 1 and piece.serves and not piece.place_context and not piece.common_noun:
        # the one-word genitive of a title is what the title serves, a club,
        # a company, a party, no person: presidenti i Interit, pilotin e Ferrari-t
        return "ORG"
    # its type with no title before it: a title is looked for only where it would make a person of it
    if len(piece.words) == 1 and substantivised_adjective(piece.words[0], gaz):
        type_, by_default = "ORG", False
    elif piece.place_context:
        type_, by_default = "LOC", False  # në Rio de Janeiro, pranë San Franciskos, rrethi Raigad
    elif piece.org_context:
        type_, by_default = "ORG", False  # klubi Sunderland, revistën Nature
    elif piece.named_by:
        type_, by_default = "MISC", False  # programi Erasmus, çmimet Oscar
    else:
        type_, by_default = type_by_name(canonical, written, piece.person_verb, gaz)
    if (
        (by_default or type_ != "PER")
        and not (len(words) == 1 and piece.place_context and piece.preposition not in SPEECH_VERBS)
        and not (len(words) > 1 and piece.preposition in CONNECTOR_WORDS)
        and piece.title
    ):
        # a title's genitive of several words is what the title serves, no
        # person: zëdhënës i Kryqit të Kuq, ministri i Punëve të Jashtme
        return "PER"
    if by_default:
        piece.by_default = True
    return type_


@word_memo(32768)
def type_by_name(canonical: str, written: tuple[str, ...], person_verb: bool, gaz: Gazetteer) -> tuple[str, bool]:
    """The type a name's words give it where the words before it do not, a
    verb only people do after it aside; and whether that is a default. Of
    several words: a known surname last, a place of a place, a connector, a
    known place after the first word; then a verb of people after it; then
    its form: a brand's inner capital, a code's digit, a surname's ending or
    a first name; else MISC, or PER for two words shaped as a person's name,
    both by default. Cached: only these decide."""
    words = canonical.split()
    if len(words) > 1:
        last = gaz.lookup(words[-1])
        if last and any(gaz.entries[c].role == "surname" for c in last) and words[1] not in CONNECTOR_WORDS:
            return "PER", False
        if (
            len(written) > 2
            and written[1] in CONNECTOR_WORDS
            and place_of_place(written[0], written[2], gaz)
            and place_of_place(words[0], written[2], gaz)  # the head as written and as nominative
        ):
            return "LOC", False  # Oslo i Norvegjisë: a place of a place
        if not CONNECTOR_WORDS.isdisjoint(words):
            return "ORG", False
        if any(
            entry_type(c, gaz) == "LOC" and not weak_place(gaz.entries[c]) for w in written[1:] for c in gaz.lookup(w)
        ):
            return "ORG", False  # a name holding a known place after its first word: Sigal Prishtina, Drita e Gjilanit
    if person_verb:
        return "PER", False  # Tolaj thotë, Whyte shpresonte
    first = words[0]  # (no inner capital where the rest is lowercase, no digit where all are letters)
    if not first[1:].islower() and _INNER_CAPITAL.match(first):
        return "ORG", False  # BioNTech, ChatGPT, DokuFest: a brand, no person
    if not first.isalpha() and any(map(str.isdigit, first)):
        return "MISC", False  # a code, a model, a category: U21, A1, iPhone12
    if len(words) == 1 and (_SURNAME_FORM.search(written[0]) or gaz.is_first_name(written[0])):
        return "PER", False  # a surname's form (Tolaj, Selmanajt, Jovic, Zinchenkos), a first name (Harry)
    if len(words) == 2 and _name_shaped(written, gaz) and not any(map(str.isdigit, written[1])):
        return "PER", True  # Raheem Sterling, Usain Bolt (not a model: Galaxy Note20): still a default
    return "MISC", True


@word_memo(32768)
def type_by_words(canonical: str, written: tuple[str, ...], gaz: Gazetteer) -> str | None:
    """The type the words of a multi-word name give it, read (`canonical`) and as written, or None: an
    English article, a word or a head noun of events (before a genitive: Shoqata e Veteranëve të Luftës is
    no war), organisations or places, a first name, a common noun with adjectives. Cached: names recur."""
    words = canonical.split()
    low = words[0].lower()
    lowered = set(map(str.lower, words))
    if words[0] == "The":
        return "ORG"  # an English article: The Boston Globe, The Guardian; no person's name
    # its words before the first genitive article: all of them in most names, which hold none
    cut = None if CONNECTOR_WORDS.isdisjoint(words) else next(k for k, w in enumerate(words) if w in CONNECTOR_WORDS)
    named = lowered if cut is None else set(map(str.lower, words[:cut]))
    if named & MISC_WORDS or any(map(MISC_HEADS.match, named)):
        return "MISC"  # Hardh Fest, Premier Ligën Skoceze, Ryder Cup
    if opens_with_first_name(written, gaz) and words[1] not in CONNECTOR_WORDS and lowered.isdisjoint(_NO_PERSON_WORDS):
        if not any(map(str.isdigit, canonical)):  # (a model's digits: Tab S7)
            return "PER"  # (not an organisation, nor a place named after a person: Evelyn Street)
    if (
        len(written) > 2
        and written[-2] in CONNECTOR_WORDS
        and written[-1] in DIRECTION_GENITIVES
        and not ORG_HEADS.match(low)
    ):
        return "LOC"  # Karolina e Jugut, Koreja e Veriut (not Kuvendi i Maqedonisë së Veriut)
    if lowered & ORG_WORDS or plural_closes(written, gaz):
        return "ORG"  # Sky Sports, Dundee Stars
    if lowered & LOC_WORDS:
        return "LOC"
    head = written[0].lower()  # the head as written, and as read (asked above)
    if head != low and MISC_HEADS.match(head):
        return "MISC"
    if ORG_HEADS.match(low) or head != low and ORG_HEADS.match(head):
        return "ORG"
    if LOC_HEADS.match(low) or head != low and LOC_HEADS.match(head) or names_a_region(written):
        return "LOC"  # (a region: Ballkani Perëndimor; a common noun with adjectives would be an institution)
    if common_noun_phrase(written, gaz):
        return "ORG"
    return None


def _name_shaped(words: tuple[str, ...], gaz: Gazetteer) -> bool:
    """Two capitalised words, no capitals only, the second no common word
    of the lexicon: how a person's name looks when no list knows its first
    name (three such words are as often a company: Houghton Mifflin
    Harcourt). A first name may be a common word too (Kimi Raikkonen,
    Arbër Ademi, Demi Rose); a common word second is an adjective or a
    genitive (Banka Botërore), no surname, but a first name's patronymic
    is one (Bertan Asllani: given_names.surname_shaped)."""
    return len(words) == 2 and all(w[:1].isupper() and not w.isupper() for w in words) and surname_shaped(words[1], gaz)


# Surnames by their endings, with a case ending after them: the -aj of
# Albanian surnames (Haradinaj, Selmanajt), the -iq/-ić/-ic, -enko, -ski,
# -ov/-ev of Slavic ones (Vuçiq, Jovic, Zinchenkos, Lavrov); the places in
# -aj and -iq (Ferizaj, Skenderaj, Obiliq) are in the dictionaries.
_SURNAME_FORM = re.compile(r"(?:[^aeiouë]aj|[iï](?:q|ć|c|ç)|enk[oa]|sk[iy]|[oe]v)(?:[tn]|i|it|in|s|n|a|ës|ën)?$")


def coordinate(pieces: list[Piece], text: str, gaz: Gazetteer) -> None:
    """The items of a list are of one kind: a name typed a person for want
    of evidence, or only as a first name, becomes a place when the list it
    stands in names places and no person (``Tiranë, Shijak, Lezhë``, ``Kiev,
    Harkiv, Odesë dhe``, ``Ulqin, Tuz dhe Plavë``). A list is three names or
    more joined by commas and ``dhe``/``e``/``apo``/``ose``: two are often a
    person and a place (``nostalgji për Milosheviq dhe Jugosllavi``,
    ``Portugalia e Fernando Santos``, ``Në Prishtinë, Kurti tha``); a name
    a verb of saying follows is its speaker (``në Yellow Springs, Ohio, Hart
    tha``). Only one-word names change: two capitalised words are a first
    name and a surname more often than a place (``Greqisë, Nikola Dimitrov
    dhe Nikos Kotzias``)."""
    fullmatch = _COORDINATION.fullmatch
    n = len(pieces)
    i = 0
    while i < n - 1:
        # a list opens where a name and the next are joined (most stand alone: the two characters before tell)
        first, second = pieces[i], pieces[i + 1]
        if first.acronym or second.acronym or text[second.start - 2 : second.start] not in _JOIN_TAILS:
            i += 1
            continue
        m = fullmatch(text, first.end, second.start)
        if not m:
            i += 1
            continue
        # the longest list from `first` on: names joined one to the next
        chain = [first, second]
        joins = [m.group()]
        i += 2
        while i < n and not pieces[i].acronym:
            m = fullmatch(text, chain[-1].end, pieces[i].start)
            if not m:
                break
            chain.append(pieces[i])
            joins.append(m.group())
            i += 1
        if not places_listed(chain, text):  # (after a place noun in the plural: places)
            _coordinate_list(chain, joins, text, gaz)


def _coordinate_list(chain: list[Piece], joins: list[str], text: str, gaz: Gazetteer) -> None:
    """coordinate() for one list of two names or more; `joins`: the text between each two."""
    if len(chain) > 2:
        # the weak members, and the kinds of the others (apart in one
        # pass: asking `q in weak` compares pieces field by field)
        weak: list[Piece] = []
        kinds: Counter[str | None] = Counter()
        for q in chain:
            if weak_member(q, gaz) and word_after(text, q.end) not in SPEECH_VERBS:
                weak.append(q)
            else:
                kinds[q.type] += 1
        if weak and kinds["LOC"] and not kinds["PER"]:
            for q in weak:
                if len(q.words) == 1:
                    q.type, q.by_default = "LOC", False
        elif weak and kinds["PER"] and not kinds["LOC"] and not kinds["ORG"]:
            for q in weak:
                q.type, q.by_default = "PER", False
    elif (
        joins[0].strip() in ("dhe", "e", "apo", "ose")
        and chain[0].type == "LOC"
        and chain[0].preposition in LOC_PREPOSITIONS
        and chain[1].by_default
        and len(chain[1].words) == 1
        and word_after(text, chain[1].end) not in SPEECH_VERBS
    ):
        # a locative preposition governs both names it is joined to (në
        # Bellenglise dhe Lehaucourt): the second is a place too
        chain[1].type, chain[1].by_default = "LOC", False
    elif joins[0].strip() in ("dhe", "apo", "ose"):
        # two joined by a conjunction (a comma is an apposition: të
        # Veronës, Marash Kumbulla): a one-word name typed for want of
        # evidence beside a person's full name is a person too (Neymar
        # dhe Kylian Mbappe, Woods dhe Patrick Reed)
        a, b = chain
        for weak_one, other in ((a, b), (b, a)):
            if (
                weak_one.by_default
                and len(weak_one.words) == 1
                and other.type == "PER"
                and not other.by_default
                and len(other.canonical.split()) > 1
            ):
                weak_one.type, weak_one.by_default = "PER", False


# Where a family noun may stand in a text: its stems in any case, a superset
# of the words before a name that FAMILY_NOUN matches (lowercased).
FAMILY_NOUN_IN = re.compile("|".join(FAMILY_NOUN_STEMS), re.IGNORECASE)


def _family_stem_tails() -> list[tuple[int, tuple[str, ...]]] | None:
    """Each stem's last two letters in each of their cases, and how far into
    the stem they stand; None where a stem ends otherwise than in two ASCII
    letters that the case-insensitive pattern matches in no other form (as
    it matches İ and ı for i, the Kelvin sign for k, ſ for s)."""
    tails = []
    for stem in FAMILY_NOUN_STEMS:
        tail = stem[-2:]
        if len(tail) < 2 or not all(c.isascii() and c.isalpha() and c.lower() not in "iks" for c in tail):
            return None
        a, b = tail[0].lower(), tail[1].lower()
        tails.append((len(stem) - 2, tuple(x + y for x in (a, a.upper()) for y in (b, b.upper()))))
    return tails


_FAMILY_STEM_TAILS = _family_stem_tails()


def names_a_family(text: str) -> bool:
    """Whether FAMILY_NOUN_IN finds a stem in `text`: the pattern is tried
    only where a stem's last two letters stand (str.find skips to them),
    not by the engine at every character of the text; every match holds
    them, in one of their cases, at the same place in the stem."""
    if _FAMILY_STEM_TAILS is None:
        return FAMILY_NOUN_IN.search(text) is not None
    for into, tails in _FAMILY_STEM_TAILS:
        for tail in tails:
            k = text.find(tail, into)
            while k >= 0:
                if FAMILY_NOUN_IN.match(text, k - into):
                    return True
                k = text.find(tail, k + 1)
    return False


def family_names(pieces: list[Piece], text: str, gaz: Gazetteer) -> None:
    """A one-word name right after the noun for a family is its surname, a
    person's name (familja Shala, familjes Demiri, familjen Behrami), over
    a dictionary's place (Shala, the region) or a default; not a code (the
    virus family Sars-Cov2) nor a common word capitalised (familjen Tuaj)."""
    if not names_a_family(text):
        return  # most articles name no family: no word before each name to read
    for p in pieces:
        if p.acronym or len(p.words) != 1 or not FAMILY_NOUN.match(word_before(text, p.start)):
            continue
        word = p.words[0]
        if any(map(str.isdigit, word)) or word.isupper() or (not gaz.lookup(word) and common(word, gaz)):
            continue
        p.family = True
        if p.type != "PER":
            p.type, p.by_default = "PER", False
            p.canonical = word  # a surname after the noun is written in the nominative


def sport_clubs(pieces: list[Piece], text: str, gaz: Gazetteer) -> None:
    """In a sports story (three of its words at least), names of one word
    are clubs: one typed for want of evidence where a transfer or a match
    puts it (kalon te Arsenal nga Flamengo, kundër Lazios) or a plural, a
    club's nickname (Bianconerët, Bavarezët); a town of the region in a
    definite form, no place word before it, as the region's clubs are named
    (Gjilani si nënkampion, ish-mbrojtësi i Gjilanit, FC Prishtinës), the
    town itself written after a locative preposition or in the indefinite."""
    clubs: list[Piece] = []
    towns: list[Piece] = []
    for p in pieces:
        if len(p.words) != 1:
            continue
        if p.type == "MISC":
            if p.by_default and (
                p.preposition in SPORT_PREPOSITIONS or (p.words[0].endswith("ët") and not p.sentence_initial)
            ):
                clubs.append(p)
        elif (
            p.type == "LOC"
            and p.known
            and not p.place_context
            and p.preposition not in LOC_PREPOSITIONS
            and region_town(p.canonical, gaz)  # (memoized, no call of Python code for most places)
            and _definite_town(p, gaz)
        ):
            towns.append(p)
    # the story's words are counted only where a name may be a club
    if not (clubs or towns) or not sports_story(text):
        return
    for p in clubs:
        p.type, p.by_default = "ORG", False
    for p in towns:
        p.type = "ORG"
        if gaz.entries[p.canonical].gender == "m":
            # named as clubs are, in the definite (KF Gjilani), apart from the town
            p.canonical += "u" if p.canonical[-1] in "kgh" else "i"
        p.acronym = True  # settled: the town's other mentions do not retype it


def sports_story(text: str) -> bool:
    """Whether a text holds three different words of sport (matches of words.sport_word(), lowercased)."""
    if not _LOWERCASE_FINDS_SPORT_WORDS or any(c in text for c in _CASE_APART):
        return len({m.group().lower() for m in sport_word().finditer(text)}) >= 3
    # sport_word() matches at a word's start where the text's lowercase holds
    # a stem there, the first such stem in the pattern's order (gola, not
    # golat); str.find goes to the stems, where the case-insensitive pattern
    # is tried at every character
    lowered = text.lower()
    found = 0
    for i, stem in enumerate(SPORT_STEMS):
        k = lowered.find(stem)
        while k >= 0:
            at_word_start = not k or not (text[k - 1].isalnum() or text[k - 1] == "_")  # (?<!\w)
            if at_word_start and not any(lowered.startswith(earlier, k) for earlier in SPORT_STEMS[:i]):
                found += 1
                if found == 3:
                    return True
                break
            k = lowered.find(stem, k + 1)
    return False


# Letters a case-insensitive pattern matches otherwise than a text's
# lowercase shows: İ lowers to two characters (i and a dot above), ı and ſ
# match i and s without lowering to them. Every other character that
# matches a lowercase ASCII letter regardless of case lowers to it.
_CASE_APART = "\u0130\u0131\u017f"  # (looked for with `in`: no pattern tried at every character)
_LOWERCASE_FINDS_SPORT_WORDS = all(stem.isascii() and stem.isalpha() and stem.islower() for stem in SPORT_STEMS)


def _definite_town(p: Piece, gaz: Gazetteer) -> bool:
    """A town of the region (region_town) written in a definite form."""
    entry = gaz.entries[p.canonical]
    written = p.words[0]
    if entry.gender == "m":
        return written != p.canonical and written.startswith(p.canonical)
    return entry.gender == "f" and not written.endswith(("ë", "e"))


@word_memo(32768)
def region_town(canonical: str, gaz: Gazetteer) -> bool:
    """A town of the region's curated places (its clubs are named after it); every known one-word place asks."""
    entry = gaz.entry(canonical)
    return entry is not None and any(s.startswith("curated:places_region.tsv") for s in entry.sources)


def weak_member(p: Piece, gaz: Gazetteer) -> bool:
    """Typed for want of evidence, or a person only as a lone first name
    with no title: a list's other items may say what it is."""
    if p.by_default:
        return True
    if p.type == "LOC" and p.known and not p.place_context:
        # a place only GeoNames or ISO 3166-2 knows, no place word near it:
        # also a surname (Rodriguez, Jovic dhe Diaz)
        return all(weak_place(e) for e in (gaz.entry(c) for c in p.candidates) if e is not None)
    if p.type != "PER" or p.title:
        return False
    return (
        p.known
        and len(p.words) == 1
        and all(e.role == "first" for e in (gaz.entry(c) for c in p.candidates) if e is not None)
    )


def feminine_places(pieces: list[Piece]) -> None:
    """A place no dictionary knows, written in -ë, is a feminine name in the
    indefinite (Odesë, Plavë, Thumanë -> Odesa, Plava, Thumana), not the
    -së/-në case of a name in a vowel (Kanadasë): Albanian place names in -ë
    are feminine."""
    for p in pieces:
        if p.type == "LOC" and not p.known and len(p.words) == 1 and p.words[0].endswith("ë"):
            fem = p.words[0][:-1] + "a"
            if fem in p.candidates:
                p.canonical = fem


def agree_types(pieces: list[Piece]) -> None:
    """One entity, one type in an article: the dictionaries' type if a
    mention was found there, else the most frequent one (Masaçusets, typed
    PER by default where it opens a clause, LOC after "në")."""
    # the names whose mentions disagree: in most articles none, and only
    # their mentions are grouped
    first_type: dict[str, str | None] = {}
    disagreeing: set[str] = set()
    for p in pieces:
        if not p.acronym and first_type.setdefault(p.canonical, p.type) != p.type:
            disagreeing.add(p.canonical)
    if not disagreeing:
        return
    by_name: dict[str, list[Piece]] = {}
    for p in pieces:
        if not p.acronym and p.canonical in disagreeing:
            by_name.setdefault(p.canonical, []).append(p)
    for group in by_name.values():
        # a family's surname says what the name is in this article (the
        # witness Shala of the Shala family, not the region)
        known = ["PER"] if any(p.family for p in group) else [p.type for p in group if p.known and p.type]
        evidenced = [p for p in group if not p.by_default] or group  # evidence beats a default
        winner = known[0] if known else Counter(p.type for p in evidenced).most_common(1)[0][0]
        if not known and Counter(p.type for p in group)[winner] * 2 <= len(group):
            # a tie: a place is named after a preposition, a person rarely
            winner = "LOC" if any(p.type == "LOC" for p in group) else winner
        for p in group:
            p.type = winner
            p.by_default = p.by_default and winner == "MISC"


def drop_common_nouns(pieces: list[Piece], gaz: Gazetteer) -> list[Piece]:
    """Drops one-word pieces that are a case form of a common noun (the
    lexicon has the lemma in lowercase as a NOUN, no dictionary has the name)
    and that only the default made people: ``kundër Korrupsionit``,
    ``ministri i Arsimit``, ``Kongresi i federatës``, ``për Sportin``. A
    capital on a common noun marks an institution or emphasis. Kept: a place
    after a locative preposition, a name the article resolves to a full name
    (``Kabashi`` after ``Xhelal Kabashi``: a surname that is also the definite
    form of kabash), and a speaker or titled person (``tha Bajrami``,
    ``artisti Kabashi``), unless the title is followed by a connector, which
    makes the word its genitive complement (``drejtori i Arsimit``)."""
    return [
        p
        for p in pieces
        if not (
            p.common_noun
            and (p.type == "PER" or p.by_default)
            and (p.canonical.lower() in gaz.common_nouns or p.canonical in p.candidates)
            and (not p.title or p.preposition in CONNECTOR_WORDS)
        )
    ]
