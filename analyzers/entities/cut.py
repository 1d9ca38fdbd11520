"""Cutting capitalised runs into the pieces that are names.

A run (:mod:`analyzers.entities.mentions`) may hold several names, a title,
a sentence-initial common word: ``Trajneri i Barcelonës Ronald Koeman``.
The dictionaries' longest names are taken first, then titles and common
words peeled off, then what is left is one name by rule. Each piece gets
its canonical readings, best first: the dictionaries', or by rule
(:mod:`analyzers.entities.rule_readings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzers.entities.acronym_led import acronym_led_name, case_number
from analyzers.entities.boundaries import (
    LONGEST_NAME,
    genitive_after_connector,
    institution_of_acronym,
    known_from,
    person_starts,
    second_person,
)
from analyzers.entities.classify import set_context
from analyzers.entities.gazetteer_table import Gazetteer, weak_place
from analyzers.entities.given_names import common_word_first_name, opens_person
from analyzers.entities.lexical import (
    Lowered,
    adjective_compound,
    bare_adjective,
    common,
    common_mid_sentence,
    common_noun,
    institution,
    name_head,
    org_head,
    person_form,
    weak_name,
)
from analyzers.entities.memo import word_memo
from analyzers.entities.mentions import (
    CONNECTOR_WORDS,
    Run,
    Token,
    is_title,
    split_acronym,
    word_after,
    word_before,
)
from analyzers.entities.piece import Piece
from analyzers.entities.place_led import place_leads
from analyzers.entities.purposes import purposes_head
from analyzers.entities.rule_readings import JOIN_WORDS, rule_candidates
from analyzers.entities.words import (
    ADJECTIVE_END,
    LEGISLATURE,
    MISC_HEADS,
    NAME_PARTICLES,
    NOT_NAMES,
    PLACE_NOUN,
    SPEECH_VERBS,
    TITLE_ADJECTIVES,
)

# Capitals that spell no acronym: Roman numerals, a letter held (JOOOOO).
_NO_ACRONYM = re.compile(r"^(?:[IVXLC]+|.*(\w)\1\1.*)$")
# Words no name starts with: left at the edge of a cut.
_EDGE_WORDS = CONNECTOR_WORDS | NAME_PARTICLES | JOIN_WORDS


@dataclass(slots=True)
class Span:
    start: int
    end: int
    canonical: str
    type: str = "MISC"


def cut_run(text: str, run: Run, gaz: Gazetteer, misc: list[Span], lowered: Lowered) -> list[Piece]:
    tokens = run.tokens
    if len(tokens) == 1:
        tok = tokens[0]
        if tok.sentence_initial and opener_only(tok.text, gaz):
            return []  # a third of all runs: Në, Ai, Por, Sipas opening a sentence
        if not misc or not _quoted_inside(tokens, misc):  # no quoted name inside
            return _cut_word(text, tok, run.title_before, gaz)
    elif not misc or not _quoted_inside(tokens, misc):
        return _cut_group(text, tokens, run.title_before, gaz, lowered)
    toks = [t for t in run.tokens if not any(s.start <= t.start < s.end for s in misc)]
    if len(toks) != len(run.tokens):
        # a quoted name splits the run; the rest is cut as separate runs
        groups, cur = list[list[Token]](), list[Token]()
        for t in run.tokens:
            if any(s.start <= t.start < s.end for s in misc):
                if cur:
                    groups.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            groups.append(cur)
    else:
        groups = [toks]
    out: list[Piece] = []
    for group in groups:
        out.extend(_cut_group(text, group, run.title_before, gaz, lowered))
    return out


def _quoted_inside(tokens: list[Token], misc: list[Span]) -> bool:
    """Whether a quoted name's span overlaps the tokens'."""
    start, end = tokens[0].start, tokens[-1].end
    for s in misc:
        if s.start < end and start < s.end:
            return True
    return False


@word_memo(32768)
def opener_only(word: str, gaz: Gazetteer) -> bool:
    """Whether one capitalised word alone, opening a sentence, is no name
    whatever its context: what :func:`_cut_group` decides for it, the
    branches that read the context (an acronym, a web address, a title's
    adjective, a legislature) left to it. Asked once per word."""
    if split_acronym(word) or "." in word or word.lower() in TITLE_ADJECTIVES or legislature(word):
        return False
    if gaz.forms.get(word):
        return weak_name(word, gaz) and common(word, gaz)  # Mali, Drita: a common word
    if common(word, gaz) or is_title(word) or bare_adjective(word, gaz):  # (most are common: Në, Ai, Por)
        return True
    return (
        "-" in word
        and adjective_compound(word, gaz)
        and not any(gaz.entries[c].type == "LOC" for c in gaz.lookup(word.split("-")[0]))
    )


@word_memo(32768)  # asked of every word opening a sentence
def lone_opener(word: str, gaz: Gazetteer) -> bool:
    """A word that, alone in its run and opening a sentence, is dropped by
    :func:`cut_run` (:func:`opener_only`) and is no head that
    :func:`join_purposes` might join to the purposes after it: extraction
    need not make a run of it (:func:`analyzers.entities.mentions.scan`)."""
    return opener_only(word, gaz) and not purposes_head(word)


@word_memo(32768)
def legislature(word: str) -> bool:
    """Kuvend, Kuvendi, Kuvendit, Senati: a legislature named by its noun."""
    return word[1:].islower() and LEGISLATURE.match(word.lower())


def _cut_group(text: str, toks: list[Token], title_before: object, gaz: Gazetteer, lowered: Lowered) -> list[Piece]:
    out: list[Piece] = []
    i, n = 0, len(toks)
    words = [t.text for t in toks]
    sizes = gaz.name_sizes
    title = title_before
    while i < n:
        # strip connectors left at the edge of a cut
        if words[i] in _EDGE_WORDS:
            i += 1
            continue
        tok = toks[i]
        word = tok.text
        if i + 1 < n and len(word) == 1 and words[i + 1] in CONNECTOR_WORDS:
            i += 1  # a label, no name's head: grupit A të Kampionatit Evropian
            continue
        # an acronym is always a name of its own
        acr = split_acronym(word)
        if acr and len(word) > 4 and not acr[1] and is_title(word):
            title = True  # a title in capitals (PRESIDENTI Putin): no acronym
            i += 1
            continue
        if acr:
            if i + 1 < n and not acr[1]:
                person = _person_in_capitals(toks, i, n, gaz)
                if person:  # ALBIN KURTI: a name written in capitals, no acronyms
                    out.append(person)
                    i += 2
                    continue
                # FC Porto, KF Llapit: one name, not an acronym and a place (its
                # words looked up together only as far as a name opening with it goes)
                led = acronym_led_name(text, toks, i, gaz, min(LONGEST_NAME, sizes.get(word, 1)))
                if led is not None:
                    out.append(led)
                    i += len(led.words)
                    continue
            name, _ending = acr
            i += 1
            if name in gaz.not_names or case_number(text, tok.end):
                continue  # (a court's case number: PKR.nr.51/2014, PAKR nr. 504/2019)
            if not gaz.lookup(name) and (
                name.lower() in gaz.common or _in_caps_stretch(text, tok) or _NO_ACRONYM.match(name)
            ):
                continue  # a headline in capitals (TË SHËRUAR DHE), a numeral (VI-të), a shout (JOOOO)
            out.append(_acronym_piece(tok, name, gaz))
            continue
        if "." in word:  # a capitalised web address: a news outlet
            out.append(web_address_piece(tok.start, tok.end, word, gaz))
            i += 1
            continue
        # the longest dictionary name starting here (of several words only
        # where the dictionaries have one opening with this word)
        match = None
        if word in sizes:
            for j in range(min(n, i + LONGEST_NAME, i + sizes[word]), i + 1, -1):
                if words[j - 1] in CONNECTOR_WORDS or split_acronym(words[j - 1]):
                    continue
                cands = gaz.forms.get(" ".join(words[i:j]))
                if cands:
                    match = (j, cands)
                    break
        if match is None:
            cands = gaz.forms.get(word)  # one word, the usual case
            if cands:
                match = (i + 1, cands)
        if match:
            j, cands = match
            if (
                j == i + 1
                and i + 1 < n
                and toks[i + 1].is_cap
                and not split_acronym(words[i + 1])
                and (
                    any(gaz.entries[c].type in ("PER", None) for c in cands)
                    or (gaz.is_first_name(word) and not gaz.lookup(words[i + 1]))
                    or all(weak_place(gaz.entries[c]) for c in cands)
                )
            ):
                # Ronald Koeman, Shaban Shabani, Milan Kundera: a longer name by
                # rule; so is a place only GeoNames or ISO 3166-2 knows before
                # another capitalised word (Stamford Bridge, Scotland Sportsound)
                pass
            elif j + 1 < n and words[j] == "në" or j == i + 1 and j < n and place_leads(cands, words[j], gaz):
                pass  # named whole: a court with its seat (purposes.join_seats), a place leading a name (place_led)
            elif (
                j + 1 < n
                and words[j] in CONNECTOR_WORDS
                and j - i > 1
                and all(gaz.entries[c].type == "ORG" for c in cands)
                and any(gaz.entries[c].type == "LOC" for c in gaz.lookup(words[j + 1]))
            ):
                pass  # an institution of a place, named whole: Gjykata Themelore e Gjakovës
            elif j == i + 1 and tok.sentence_initial and weak_name(word, gaz) and common(word, gaz):
                i += 1  # "Mali", "Drita" opening a sentence: a common word
                continue
            else:
                piece = Piece(tok.start, toks[j - 1].end, words[i:j], list(cands), known=True)
                piece.title = title
                out.append(piece)
                i = j
                continue
        # a title opens the run: Sekretari i Përgjithshëm ...
        title_adjective = word.lower() in TITLE_ADJECTIVES
        if is_title(word) or (out == [] and title_adjective and title):
            title = True
            i += 1
            continue
        if title_adjective and title:
            i += 1
            continue
        if (
            n == 1
            and "-" in word
            and adjective_compound(word, gaz)
            and not any(gaz.entries[c].type == "LOC" for c in gaz.lookup(word.split("-")[0]))
        ):
            break  # an adjective alone (integrimit Euro-Atlantik), no name's head
        if bare_adjective(word, gaz) and (i + 1 == n or words[i + 1] in CONNECTOR_WORDS):
            # an adjective follows its noun in Albanian, so one opening a run
            # belongs to a noun outside it (Panairi i 21-të Ndërkombëtar i
            # Librit): no name's head, nor is a genitive after it that no
            # dictionary knows (i Librit: the book of the fair)
            i += 1
            while i < n and words[i] in CONNECTOR_WORDS:
                i += 1
            if i < n and not gaz.lookup(words[i]) and not split_acronym(words[i]):
                i += 1
            continue
        # the rest of the run, up to the next acronym or dictionary name
        j = i + 1
        while j < n and not split_acronym(words[j]):
            if (
                words[j] not in CONNECTOR_WORDS
                and words[j] in sizes
                and known_from(words, j, sizes, gaz)
                and not (words[j - 1] in CONNECTOR_WORDS and name_head(words[i]))
            ):
                break  # (an institution's genitive stays in its name: Asambleja ... e Kombeve të Bashkuara)
            if (
                words[j - 1] not in CONNECTOR_WORDS
                and org_head(words[j])
                and not org_head(words[i])
                and not ADJECTIVE_END.search(words[j].lower())
            ):
                break  # a name, then an institution: Tsikhanouskaya | Komisionit për ...
            if (
                j + 1 < n  # (a first name, then another word)
                and person_starts(toks, j, n, gaz)
                and not (j == i + 1 and common_noun(words[i], gaz) and not genitive_after_connector(text, toks, i))
            ):
                # Sunderland | Jack Ross, Lidhjes ... të Kosovës | Haki Rugova; a
                # title's genitive before a person (ministri i Mjedisit | Murat
                # Kurum), while a place named after a person stays whole
                # (Stadiumi Fadil Vokrri)
                break
            if words[j - 1] == "e" and second_person(toks, i, j, n, gaz):
                break  # Ivan Rakitic | e Arturo Vidal: two people joined by "e" (and)
            j += 1
        if j < n and institution_of_acronym(toks, i, j, n, gaz):
            j += 1  # Asamblenë e Përgjithshme të OKB-së: the institution's genitive is in its name
        while j > i + 1 and (words[j - 1] in CONNECTOR_WORDS or words[j - 1] in JOIN_WORDS):
            j -= 1
        group = toks[i:j]
        one_word = j == i + 1
        tentative = False
        if one_word and legislature(word) and not _of_common(text, tok.end):
            # Kuvendi, në Kuvend: the chamber, opening a sentence too, named by its noun
            piece = Piece(tok.start, tok.end, [word], [_definite(word)], type="ORG")
            piece.canonical = piece.candidates[0]
            piece.acronym = True  # its canonical is settled: no case reading, no person
            out.append(piece)
            i = j
            continue
        if tok.sentence_initial and not gaz.lookup(word):
            # a sentence-initial capital says nothing by itself: keep the
            # word only if what follows joins it into a name through a
            # connector, or, tentatively, if it is no common word (the rest
            # of the article must then name it too, see confirm)
            if (
                len(group) > 2
                and (group[1].text in CONNECTOR_WORDS or group[1].text in JOIN_WORDS)
                and (name_head(word) or MISC_HEADS.match(word.lower()))
                and not person_form(group[2].text, gaz)
            ):
                pass  # Republika e Kosovës; but not Qeveria e Kurtit
            elif (
                not one_word
                and (name_head(word) or MISC_HEADS.match(word.lower()))
                and ADJECTIVE_END.search(group[1].text.lower())
                and not person_form(group[1].text, gaz)
            ):
                pass  # an institution and its capitalised adjective: Prokuroria Themelore
            elif common(word, gaz) and not opens_person(group, gaz):
                i += 1
                continue
            elif not one_word and group[1].text not in CONNECTOR_WORDS and word.lower() not in lowered:
                pass  # Raheem Sterling, Besa Shahini opening a sentence (but not "Tha Kurti")
            else:
                tentative = True
                group = group[:1]
                j = i + 1
                one_word = True
        elif tok.sentence_initial and one_word and weak_name(word, gaz) and common(word, gaz):
            i += 1
            continue
        before = word_before(text, tok.start)
        emphasis = one_word and common_mid_sentence(word, gaz) and _emphasis(word, before, title)
        if one_word and (
            len(word) == 1
            or word in NOT_NAMES
            or gaz.is_not_name(word)
            or (emphasis and not common_word_first_name(word, gaz))  # Besa: kept, tentatively (given_names)
        ):
            # "kategorinë A", "Covid", "Kushtetutën": a capital on a common
            # word marks an institution or emphasis, not a name
            i += 1
            continue
        if (
            not one_word
            and group[1].text not in CONNECTOR_WORDS
            and institution(word, gaz)
            and (person_form(group[-1].text, gaz) and not opens_person(group, gaz))
        ):
            i += 1  # "Administratës Trump": the common word is no part of the name
            continue
        named = words[i:j]
        piece = Piece(tok.start, group[-1].end, named, list(rule_candidates(tuple(named), gaz)))
        piece.common_noun = one_word and common_noun(word, gaz)
        piece.tentative = tentative or emphasis
        piece.title = title
        piece.sentence_initial = tok.sentence_initial
        set_context(piece, text, before)
        if before in SPEECH_VERBS and one_word:
            piece.title = True  # "tha Morina": whoever speaks is a person
        out.append(piece)
        title = False
        i = j
    return out


def _cut_word(text: str, tok: Token, title: object, gaz: Gazetteer) -> list[Piece]:
    """What :func:`_cut_group` makes of a run of one word (two runs in
    three): its decisions in its order, those that read a second word
    left out (tests/test_entities_shortcuts.py holds the two together).
    What the word alone decides is read from :func:`_word_plan`, asked
    once per word; only the decisions that read the text around it are
    taken here."""
    word = tok.text
    plan = _word_plan(word, tok.sentence_initial, gaz)
    kind = plan[0]
    if kind is _KNOWN:
        return [Piece(tok.start, tok.end, [word], list(plan[1]), known=True, title=title)]
    if kind is _DROP:
        return []
    if kind is _ACRONYM:
        if case_number(text, tok.end) or (plan[2] and _in_caps_stretch(text, tok)):
            return []  # (a court's case number; a headline in capitals)
        return [_acronym_piece(tok, plan[1], gaz)]
    if kind is _WEB:
        return [web_address_piece(tok.start, tok.end, word, gaz)]
    _kind, title_adjective, chamber, dropped, common_mid, candidates, common_noun_ = plan
    if title_adjective and title:  # (title may be lazy: asked last)
        return []
    if chamber and not _of_common(text, tok.end):
        piece = Piece(tok.start, tok.end, [word], [_definite(word)], type="ORG")
        piece.canonical = piece.candidates[0]
        piece.acronym = True
        return [piece]
    if dropped:
        return []
    before = word_before(text, tok.start)
    emphasis = common_mid and _emphasis(word, before, title)
    if emphasis and not common_word_first_name(word, gaz):
        return []
    if candidates is None:
        candidates, common_noun_ = rule_candidates((word,), gaz), common_noun(word, gaz)
    initial = tok.sentence_initial
    piece = Piece(
        tok.start,
        tok.end,
        [word],
        list(candidates),
        title=title,
        sentence_initial=initial,
        tentative=initial or emphasis,
        common_noun=common_noun_,
    )
    set_context(piece, text, before)
    if before in SPEECH_VERBS:
        piece.title = True  # "tha Morina": whoever speaks is a person
    return [piece]


# What a run of one word is by the word alone (_word_plan's first item): no
# name; a dictionary name (and its readings); an acronym (its name, whether
# a headline in capitals drops it); a web address; a name by rule if the
# text around it allows.
_DROP, _KNOWN, _ACRONYM, _WEB, _RULE = "drop", "known", "acronym", "web", "rule"
_DROPPED = (_DROP,)


@word_memo(32768)
def _word_plan(word: str, initial: bool, gaz: Gazetteer) -> tuple:
    """The decisions of :func:`_cut_word` that the word alone and whether
    it opens a sentence make, in its order: a run's word is mostly one the
    archive has cut before (Kosovës, Lajmi.net, COVID). What reads the text
    (a case number, a headline in capitals, a title, the word before) is
    left to _cut_word; a test that drops the word either way is taken here
    even where one of those comes first. For _RULE: a title's adjective, a
    legislature, dropped (unless a legislature), a common word mid-sentence,
    then its readings by rule and common_noun (None for a common word:
    asked where _cut_word keeps one)."""
    if word in _EDGE_WORDS:
        return _DROPPED
    acr = split_acronym(word)
    if acr:
        name = acr[0]
        if name in gaz.not_names or (not acr[1] and is_title(word)):  # (a title in capitals: PRESIDENTI)
            return _DROPPED
        unknown = not gaz.lookup(name)
        if unknown and (name.lower() in gaz.common or _NO_ACRONYM.match(name)):
            return _DROPPED  # a common word in capitals, a numeral (VI-të), a shout (JOOOO)
        return (_ACRONYM, name, unknown)
    if "." in word:
        return (_WEB,)
    cands = gaz.forms.get(word)
    if cands:
        if initial and weak_name(word, gaz) and common(word, gaz):
            return _DROPPED  # "Mali", "Drita" opening a sentence: a common word
        return (_KNOWN, cands)
    if is_title(word):
        return _DROPPED
    if (
        "-" in word
        and adjective_compound(word, gaz)
        and not any(gaz.entries[c].type == "LOC" for c in gaz.lookup(word.split("-")[0]))
    ) or bare_adjective(word, gaz):
        return _DROPPED  # (after a title's adjective in _cut_word's order: no piece either way)
    chamber = bool(legislature(word))
    # (no dictionary has the word: a sentence-initial one is kept,
    # tentatively, only if it is no common word)
    dropped = bool((initial and common(word, gaz)) or len(word) == 1 or word in NOT_NAMES or gaz.is_not_name(word))
    if dropped and not chamber:
        return _DROPPED
    title_adjective = word.lower() in TITLE_ADJECTIVES
    if common_mid_sentence(word, gaz):  # (mostly dropped by the word before: its readings asked where kept)
        return (_RULE, title_adjective, chamber, dropped, True, None, None)
    return (_RULE, title_adjective, chamber, dropped, False, rule_candidates((word,), gaz), common_noun(word, gaz))


def _of_common(text: str, end: int) -> bool:
    """A lowercase genitive follows: Kongresi i federatës (a congress of
    something), no institution's own name."""
    connector = word_after(text, end)
    if connector not in CONNECTOR_WORDS:
        return False
    return word_after(text, text.index(connector, end) + len(connector))[:1].islower()


def _person_in_capitals(toks: list[Token], i: int, n: int, gaz: Gazetteer) -> Piece | None:
    """A person's name written in capitals (bylines, captions: ALBIN KURTI,
    ARTA DEMOLLI): a first name and a surname of three letters or more,
    neither an acronym the dictionaries know, and no other word in capitals
    beside them (a headline or a quote in capitals is no name)."""
    first, last = toks[i].text, toks[i + 1].text
    if (
        len(first) < 3
        or len(last) < 3
        or not last.isalpha()
        or not last.isupper()
        or gaz.lookup(first)
        or gaz.lookup(last)
        or not gaz.is_first_name(first.capitalize())
        or (i + 2 < n and toks[i + 2].text.isupper())
        or (i and toks[i - 1].text.isupper())
    ):
        return None
    words = [first.capitalize(), last.capitalize()]
    name = " ".join(words)
    piece = Piece(toks[i].start, toks[i + 1].end, words, [name], type="PER")
    piece.canonical = name
    return piece


def _definite(noun: str) -> str:
    """The definite nominative of a masculine noun in any case form
    (Kuvend, Kuvendit, Kuvendin -> Kuvendi)."""
    for ending in ("it", "in", "i"):
        if noun.endswith(ending):
            return noun[: -len(ending)] + "i"
    return noun + "i"


def web_address_piece(start: int, end: int, address: str, gaz: Gazetteer) -> Piece:
    """A web address named as a source is a news outlet, the one the
    dictionaries know by it if any (``Telegrafi.com``, ``lajmi.net``: the
    outlets Telegrafi and Lajmi.net), else as written."""
    known = gaz.lookup(address) or gaz.lookup(address[:1].upper() + address[1:])
    piece = Piece(start, end, [address], [known[0] if known else address], known=True, type="ORG")
    piece.canonical = piece.candidates[0]
    piece.acronym = True  # as written, no case endings to undo
    return piece


def _emphasis(word: str, before: str, title: object) -> bool:
    """Whether the capital of `word`, a common word mid-sentence after the
    word `before`, marks an institution or emphasis, not a name: after a
    connector (kryetari i Komunës) or the office's field (drejtori për
    Buxhet), or with no title before it (`title` may be lazy: asked last);
    not after a verb of saying, nor where a place noun makes it a place."""
    return (
        (before in CONNECTOR_WORDS or before == "për" or not title)
        and before not in SPEECH_VERBS
        and not _place_by_context(word, before)
    )


def _place_by_context(word: str, before: str) -> bool:
    """A capitalised common word that a place noun before it makes a place's
    name (lagjen Lakuriq, fshatin Kleçkë), where the capital of a common
    word otherwise marks respect or emphasis (a locative preposition alone
    is no such evidence: në Qershor, në Internet, në Premierligë)."""
    return bool(PLACE_NOUN.match(before)) and not name_head(word)


def _in_caps_stretch(text: str, tok: Token) -> bool:
    """A word of a stretch written in capitals (a headline), not an acronym."""
    for word in (word_before(text, tok.start, lower=False), word_after(text, tok.end)):
        if len(word) > 1 and word.isupper():
            return True
    return False


def _acronym_piece(tok: Token, name: str, gaz: Gazetteer) -> Piece:
    known = gaz.lookup(name)
    if not known and len(name) > 3:
        # a person's or a place's name written in capitals (KIDA, a post's
        # signature; KOSOVA in a headline): that name, not an acronym
        written = name[0] + name[1:].lower()
        named = [c for c in gaz.lookup(written) if gaz.entries[c].type in ("PER", "LOC")]
        if named:
            return Piece(tok.start, tok.end, [written], named, known=True)
    # an acronym the dictionaries join to a name is that entity (SHBA:
    # Shtetet e Bashkuara), else its own
    piece = Piece(tok.start, tok.end, [name], [known[0] if known else name], known=bool(known), acronym=True)
    piece.canonical = piece.candidates[0]
    return piece
