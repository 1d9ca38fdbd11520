"""The shortcuts of typing and resolving names change nothing they answer.

``classify.sports_story`` finds the sport stems with ``str.find`` in the
text's lowercase rather than by a case-insensitive pattern tried at every
character; the per-name answers of ``classify`` and ``resolve`` are cached
within a bound and forgotten by ``clear_caches``."""

import random
import re
from pathlib import Path

import pytest

from analyzers.entities import classify, gazetteer, resolve
from analyzers.entities.extract import clear_caches
from analyzers.entities.words import SPORT_STEMS, sport_word

from conftest import LAJMI, needs_shared_data

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _plain_sports_story(text: str) -> bool:
    """sports_story as its docstring defines it."""
    return len({m.group().lower() for m in sport_word().finditer(text)}) >= 3


def test_every_sport_stem_is_found_through_the_lowercase():
    # else sports_story always takes the pattern's way
    assert classify._LOWERCASE_FINDS_SPORT_WORDS


def test_only_the_set_apart_letters_match_an_ascii_letter_otherwise_than_their_lowercase():
    """What the lowercase shortcut rests on, over all of Unicode: a character
    that a case-insensitive pattern matches with a lowercase ASCII letter
    lowers to that letter, bar the few _CASE_APART holds; a character that
    lowers to such a letter matches it; only those few lower to several
    characters holding an ASCII one."""
    everything = "".join(map(chr, range(0x110000)))
    apart = set("\u0130\u0131\u017f")
    assert set(classify._CASE_APART) == apart
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for c in set(re.findall(f"(?i){letter}", everything)) - apart:
            assert c.lower() == letter, (letter, hex(ord(c)))
    for c in everything:
        low = c.lower()
        if len(low) == 1 and "a" <= low <= "z":
            assert re.fullmatch(f"(?i){low}", c), hex(ord(c))
        elif len(low) > 1 and any(ch.isascii() for ch in low):
            assert c in apart, hex(ord(c))


def test_sports_story_answers_as_its_pattern_on_odd_text():
    parts = [*SPORT_STEMS, "golat", "Gola", "GOLIN", "_sezon", "2futboll", "ndeshja", "sKuadra", "\u212aampionat"]
    parts += ["ſezon", "portİer", "tıfoz", "trajnerë", "xtifoz", "ëfutboll", " ", "\u00a0", ".", "Σ", "-", "'"]
    rng = random.Random(15)
    texts = ["", "golat golat golat", "gola golin golat", "Futboll, ndeshje e skuadra"]
    texts += ["".join(rng.choice(parts) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    for text in texts:
        assert classify.sports_story(text) == _plain_sports_story(text), repr(text)


@needs_shared_data(LAJMI)
def test_sports_story_answers_as_its_pattern_on_news():
    texts = [p.read_text(encoding="utf-8") for p in sorted(LAJMI.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    answers = [classify.sports_story(t) for t in texts]
    assert answers == [_plain_sports_story(t) for t in texts]
    assert any(answers) and not all(answers)


@pytest.mark.parametrize(
    "memo, ask",
    [
        (classify.type_by_words, lambda gaz, k: classify.type_by_words(f"Ab{k} Cd", (f"Ab{k}", "Cd"), gaz)),
        (classify.type_by_name, lambda gaz, k: classify.type_by_name(f"Ab{k}", (f"Ab{k}",), False, gaz)),
        (classify.region_town, lambda gaz, k: classify.region_town(f"Ab{k}", gaz)),
        (resolve.may_be_bare, lambda gaz, k: resolve.may_be_bare((f"Ab{k}",))),
        (resolve.bare_readings, lambda gaz, k: resolve.bare_readings(f"Ab{k}it")),
    ],
)
def test_per_name_memos_stay_bounded_and_are_cleared(memo, ask):
    from analyzers.entities.memo import trim_memos

    clear_caches()
    gaz = gazetteer.load()
    bound = memo.memo_limit  # (a memo past it is emptied by trim_memos: test_entities_memo)
    for k in range(bound):
        ask(gaz, k)
    trim_memos()
    assert memo.cache_info().currsize == bound
    ask(gaz, bound)
    trim_memos()
    assert memo.cache_info().currsize == 0
    ask(gaz, 0)
    clear_caches()
    assert memo.cache_info().currsize == 0


def _plain_names_a_family(text: str) -> bool:
    return classify.FAMILY_NOUN_IN.search(text) is not None


def test_the_family_stems_end_in_letters_matched_only_in_their_two_cases():
    """What names_a_family rests on, over all of Unicode: the case-insensitive
    pattern matches each of a stem's last two letters only as itself or its
    capital, so a match holds one of the tails str.find looks for."""
    assert classify._FAMILY_STEM_TAILS is not None  # else the pattern's way always
    everything = "".join(map(chr, range(0x110000)))
    for stem in classify.FAMILY_NOUN_STEMS:
        for letter in stem[-2:]:
            assert set(re.findall(f"(?i){re.escape(letter)}", everything)) == {letter.lower(), letter.upper()}


def test_names_a_family_answers_as_its_pattern_on_odd_text():
    parts = [*classify.FAMILY_NOUN_STEMS, "FAMILJE", "famİlja", "famılj", "Familjes", "amilj", "lj", "LJ", "lJ", "Lj"]
    parts += ["f", "F", "a", "mi", "j", " ", "\n", "ë", "“", "-", "Σ"]
    rng = random.Random(15)
    texts = ["", "lj", "familj", "xfamilj", "famil", "amilje", "FAMILJA"]
    texts += ["".join(rng.choice(parts) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    for text in texts:
        assert classify.names_a_family(text) == _plain_names_a_family(text), repr(text)


@needs_shared_data(LAJMI)
def test_names_a_family_answers_as_its_pattern_on_news():
    texts = [p.read_text(encoding="utf-8") for p in sorted(LAJMI.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    answers = [classify.names_a_family(t) for t in texts]
    assert answers == [_plain_names_a_family(t) for t in texts]
    assert any(answers) and not all(answers)


def _plain_choose_canonical(pieces, gaz, evidence) -> None:
    """choose_canonical as it read before it asked only the contested
    pieces' readings: every piece's surface counted where it may be bare."""
    votes: dict[str, int] = {}
    written: dict[str, int] = {}
    bare: list[bool] = []
    for p in pieces:
        for c in set(p.candidates):
            votes[c] = votes.get(c, 0) + 1
        b = resolve.may_be_bare(tuple(p.words))
        bare.append(b)
        if b:
            surface = " ".join(p.words)
            written[surface] = written.get(surface, 0) + 1
    for p, b in zip(pieces, bare):
        if p.acronym:
            continue
        if len(p.candidates) == 1:
            p.canonical = p.candidates[0]
            continue
        surface = " ".join(p.words)
        best, best_score = None, None
        for rank, c in enumerate(p.candidates):
            own = c == surface and b
            score = votes[c] + 0.5 * (written.get(c, 0) - own) - rank * 0.01
            if own:
                score += 0.5
            if gaz.entry(c) is not None:
                score += 3.0
            if evidence is not None and c in evidence:
                score += 1.0
            if best_score is None or score > best_score:
                best, best_score = c, score
        p.canonical = best or " ".join(p.words)


@needs_shared_data(LAJMI)
@pytest.mark.parametrize("with_evidence", [False, True])
@pytest.mark.pure_python
def test_choose_canonical_chooses_as_when_it_counted_every_surface(monkeypatch, with_evidence):
    import copy

    from analyzers.entities import extract
    from analyzers.entities.evidence import Evidence

    texts = [p.read_text(encoding="utf-8") for p in sorted(LAJMI.glob("*.txt"))[:200]]
    evidence = None
    if with_evidence:
        evidence = Evidence()
        for t in texts:
            evidence.add_text(t)
    seen = []
    chosen = extract.choose_canonical

    def both(pieces, gaz, ev):
        plain = copy.deepcopy(pieces)
        _plain_choose_canonical(plain, gaz, ev)
        chosen(pieces, gaz, ev)
        seen.append(([p.canonical for p in plain], [p.canonical for p in pieces]))

    monkeypatch.setattr(extract, "choose_canonical", both)
    for t in texts:
        extract.extract_entities(t, evidence)
    assert seen and all(plain == chosen for plain, chosen in seen)
    assert any(len(set(names)) > 1 for names, _ in seen)


def _plain_type_by_words(canonical, written, gaz):
    """type_by_words as it read before it skipped the head tests its
    lowercase words had answered and asked through map()."""
    from analyzers.entities.given_names import opens_with_first_name
    from analyzers.entities.lexical import common_noun_phrase
    from analyzers.entities.mentions import CONNECTOR_WORDS
    from analyzers.entities.place_led import names_a_region
    from analyzers.entities.plural_names import plural_closes
    from analyzers.entities.words import (
        DIRECTION_GENITIVES,
        LOC_HEADS,
        LOC_WORDS,
        MISC_HEADS,
        MISC_WORDS,
        ORG_HEADS,
        ORG_WORDS,
    )

    words = canonical.split()
    low = words[0].lower()
    lowered = {w.lower() for w in words}
    if words[0] == "The":
        return "ORG"
    # (sq-24: a word of events counts before the first genitive article only)
    named = []
    for w in words:
        if w in CONNECTOR_WORDS:
            break
        named.append(w.lower())
    if any(w in MISC_WORDS or MISC_HEADS.match(w) for w in named):
        return "MISC"
    first_name = opens_with_first_name(written, gaz)
    # (session 12: a name holding a digit is a model's, no person's: Tab S7)
    has_digit = any(c.isdigit() for c in canonical)
    if (
        first_name and words[1] not in CONNECTOR_WORDS and not lowered & ORG_WORDS and not has_digit
    ):  # (session 12: Besa Shahini)
        return "PER"
    if (
        len(written) > 2
        and written[-2] in CONNECTOR_WORDS
        and written[-1] in DIRECTION_GENITIVES
        and not ORG_HEADS.match(low)
    ):
        return "LOC"
    if lowered & ORG_WORDS or plural_closes(written, gaz):  # (session 12: Dundee Stars)
        return "ORG"
    if lowered & LOC_WORDS:
        return "LOC"
    head = written[0].lower()
    if MISC_HEADS.match(low) or MISC_HEADS.match(head):
        return "MISC"
    if ORG_HEADS.match(low) or ORG_HEADS.match(head):
        return "ORG"
    if LOC_HEADS.match(low) or LOC_HEADS.match(head):
        return "LOC"
    if names_a_region(written):  # (session 12: a place and a cardinal point's adjective)
        return "LOC"
    if common_noun_phrase(written, gaz):
        return "ORG"
    return None


def _plain_type_by_name(canonical, written, person_verb, gaz):
    """type_by_name as it read before its form tests were skipped for
    words of lowercase letters after the first (no inner capital) and of
    letters only (no digit)."""
    from analyzers.entities.gazetteer_table import weak_place
    from analyzers.entities.lexical import entry_type, place_of_place
    from analyzers.entities.mentions import CONNECTOR_WORDS

    words = canonical.split()
    if len(words) > 1:
        last = gaz.lookup(words[-1])
        if last and any(gaz.entry(c).role == "surname" for c in last) and words[1] not in CONNECTOR_WORDS:
            return "PER", False
        if (
            len(written) > 2
            and written[1] in CONNECTOR_WORDS
            and place_of_place(written[0], written[2], gaz)
            and place_of_place(words[0], written[2], gaz)
        ):
            return "LOC", False
        if any(w in CONNECTOR_WORDS for w in words):
            return "ORG", False
        if any(
            entry_type(c, gaz) == "LOC" and not weak_place(gaz.entry(c)) for w in written[1:] for c in gaz.lookup(w)
        ):
            return "ORG", False
    if person_verb:
        return "PER", False
    if classify._INNER_CAPITAL.match(words[0]):
        return "ORG", False
    if any(map(str.isdigit, words[0])):
        return "MISC", False
    if len(words) == 1 and (classify._SURNAME_FORM.search(written[0]) or gaz.is_first_name(written[0])):
        return "PER", False
    if len(words) == 2 and classify._name_shaped(written, gaz) and not any(c.isdigit() for c in written[1]):
        return "PER", True
    return "MISC", True


_ODD_PARTS = ["a", "b", "Z", "ë", "Ç", "ç", "É", "ß", "Σ", "ς", "İ", "ı", "ǅ", "Ⅻ", "²", "٣", "7", "-", "'", "’", "_"]
_ODD_PARTS += [
    "Mc",
    "Mac",
    "De",
    "Di",
    "Le",
    "O'",
    "Doku",
    "Fest",
    "Chat",
    "GPT",
    "Bio",
    "NTech",
    "iPhone",
    "U21",
    "aj",
]


def test_type_by_name_answers_as_before_on_odd_names():
    rng = random.Random(15)
    gaz = gazetteer.load()
    names = ["BioNTech", "ChatGPT", "DokuFest", "McDonald", "DeSantis", "U21", "A1", "iPhone12", "X²", "Kurti"]
    names += ["".join(rng.choice(_ODD_PARTS) for _ in range(rng.randint(1, 5))) for _ in range(4000)]
    names += [f"{a} {b}" for a, b in zip(names[::2], names[1::2])]
    for name in names:
        written = tuple(name.split())
        if not written:
            continue
        for person_verb in (False, True):
            answer = classify.type_by_name.__wrapped__(name, written, person_verb, gaz)
            assert answer == _plain_type_by_name(name, written, person_verb, gaz), repr(name)


@needs_shared_data(LAJMI)
def test_type_by_words_and_name_answer_as_before_on_news(monkeypatch):
    from analyzers.entities import extract

    asked_words, asked_names = set(), set()
    by_words, by_name = classify.type_by_words, classify.type_by_name

    def record_words(canonical, written, gaz):
        asked_words.add((canonical, written))
        return by_words(canonical, written, gaz)

    def record_name(canonical, written, person_verb, gaz):
        asked_names.add((canonical, written, person_verb))
        return by_name(canonical, written, person_verb, gaz)

    monkeypatch.setattr(classify, "type_by_words", record_words)
    monkeypatch.setattr(classify, "type_by_name", record_name)
    for p in sorted(LAJMI.glob("*.txt"))[:250]:
        extract.extract_entities(p.read_text(encoding="utf-8"))
    gaz = gazetteer.load()
    assert len(asked_words) > 300 and len(asked_names) > 300
    for canonical, written in asked_words:
        assert by_words.__wrapped__(canonical, written, gaz) == _plain_type_by_words(canonical, written, gaz)
    for canonical, written, person_verb in asked_names:
        answer = by_name.__wrapped__(canonical, written, person_verb, gaz)
        assert answer == _plain_type_by_name(canonical, written, person_verb, gaz)


def test_set_context_reads_the_noun_before_a_connector_with_the_class_noun_test():
    """set_context reads the word before `before` once, where `before` is a
    lowercase word that is no class noun of organisations, and the
    genitive branch uses it: every connector must be such a word."""
    from analyzers.entities.mentions import CONNECTOR_WORDS
    from analyzers.entities.words import ORG_NOUN

    for word in CONNECTOR_WORDS:
        assert word and not word[0].isupper() and word.islower() and not ORG_NOUN.match(word), word


def test_set_context_finds_the_noun_before_a_genitive_article():
    from analyzers.entities.piece import Piece

    text = "Pamje nga liqenit  të Prespës, ndërsa presidenti i Interit foli."
    for name, place, serves in (("Prespës", True, False), ("Interit", False, True)):
        start = text.index(name)
        piece = Piece(start, start + len(name), [name], [name])
        before = text[:start].split()[-1]
        classify.set_context(piece, text, before)
        assert (piece.place_context, piece.serves) == (place, serves), name


def _plain_resolve_people(pieces, gaz, text) -> None:
    """resolve_people as it read before a mention holding none of the keys
    of the article's full names skipped to the curated list (and a name of
    several words to the next, where the article names no one in full)."""
    from analyzers.entities.mentions import CONNECTOR_WORDS

    for p in pieces:
        if p.type is None:
            p.type = classify.type_by_rule(p, gaz)
    classify.family_names(pieces, text, gaz)
    classify.coordinate(pieces, text, gaz)
    classify.sport_clubs(pieces, text, gaz)
    full = [p.canonical for p in pieces if p.type == "PER" and " " in p.canonical and len(p.canonical.split()) > 1]
    by_last, by_first, by_tail = {}, {}, {}
    for name in full:
        words = name.split()
        for k in range(1, len(words)):
            by_tail.setdefault(" " + " ".join(words[k:]), set()).add(name)
        if CONNECTOR_WORDS.isdisjoint(words):
            by_last.setdefault(words[-1], set()).add(name)
            by_first.setdefault(words[0], set()).add(name)
    one_by_last = {k: next(iter(v)) for k, v in by_last.items() if len(v) == 1}
    one_by_first = {k: next(iter(v)) for k, v in by_first.items() if len(v) == 1}
    shared_last = {k for k, v in by_last.items() if len(v) > 1}
    curated = resolve.curated_people()
    for p in pieces:
        if p.acronym:
            continue
        if " " in p.canonical:
            longer = by_tail.get(" " + " ".join(p.words), ()) if len(p.words) > 1 else ()
            if len(longer) == 1:
                p.canonical, p.type, p.by_default = next(iter(longer)), "PER", False
            continue
        person = p.type == "PER" or p.by_default
        if not by_last and not person:
            continue
        keys = (p.canonical, *resolve.bare_readings(p.words[0])) if len(p.words) == 1 else (p.canonical,)
        target = next((one_by_last[k] for k in keys if k in one_by_last), None)
        if target is None and p.type not in ("PER", None) and (p.known and p.type != "PER"):
            continue
        if target is None:
            target = next((one_by_first[k] for k in keys if k in one_by_first), None)
        if target is None and person:
            target = next((curated[k] for k in keys if k in curated), None)
        if target:
            p.canonical, p.type, p.by_default = target, "PER", False
        elif person and not shared_last.isdisjoint(keys):
            p.type, p.by_default = "PER", False


@needs_shared_data(LAJMI)
@pytest.mark.pure_python
def test_resolve_people_resolves_as_when_every_mention_asked_every_key(monkeypatch):
    import copy

    from analyzers.entities import extract

    resolved = extract.resolve_people
    seen = []

    def both(pieces, gaz, text=""):
        plain = copy.deepcopy(pieces)
        _plain_resolve_people(plain, gaz, text)
        resolved(pieces, gaz, text)
        fields = ("canonical", "type", "by_default", "acronym", "tentative")
        seen.append(
            ([[getattr(p, f) for f in fields] for p in plain], [[getattr(p, f) for f in fields] for p in pieces])
        )

    monkeypatch.setattr(extract, "resolve_people", both)
    for p in sorted(LAJMI.glob("*.txt")):
        extract.extract_entities(p.read_text(encoding="utf-8"))
    assert seen and all(plain == fast for plain, fast in seen)
    # (one-word mentions were resolved to full names, from the article's and the curated list's)
    assert sum(" " in canonical for _, fast in seen for canonical, type_, *_ in fast if type_ == "PER") > 100


@pytest.mark.parametrize("known, type_", [(True, "MISC"), (False, "MISC"), (True, "PER"), (False, None), (True, "LOC")])
def test_resolve_people_takes_the_curated_name_as_before(known, type_):
    """A lone surname of the curated list (no full name in the article),
    typed by default or by the dictionaries: resolved as the plain steps do."""
    import copy

    from analyzers.entities.piece import Piece

    gaz = gazetteer.load()
    surname, full = next(iter(resolve.curated_people().items()))
    text = f"Sot {surname} foli."
    piece = Piece(4, 4 + len(surname), [surname], [surname], known=known, type=type_, by_default=type_ == "MISC")
    piece.canonical = surname
    plain = copy.deepcopy([piece])
    _plain_resolve_people(plain, gaz, text)
    resolve.resolve_people([piece], gaz, text)
    assert (piece.canonical, piece.type, piece.by_default) == (plain[0].canonical, plain[0].type, plain[0].by_default)


def test_every_join_of_a_list_ends_in_one_of_the_tails_coordinate_asks_first():
    """coordinate() tries its pattern only where the two characters before
    the next name are one of _JOIN_TAILS: every gap the pattern matches
    (all of up to five characters of the joins' letters, blanks and
    others; and longer ones) ends so."""
    from itertools import product

    alphabet = " \t\u00a0,dheaposx"
    gaps = ["".join(g) for n in range(6) for g in product(alphabet, repeat=n)]
    gaps += [", dhe ", " dhe  ", "\t,\u00a0apo\t", " ,  ose ", " e ", "  e  ", ",   "]
    matched = [g for g in gaps if classify._COORDINATION.fullmatch(g)]
    assert len(matched) > 50
    assert all(g[-2:] in classify._JOIN_TAILS for g in matched)


def test_every_regnal_numeral_opens_as_the_final_pass_asks_first():
    """_found asks _REGNAL after a person's name only where one of
    _NUMERAL_OPENINGS follows it: every match opens so (all strings of up
    to six characters of numerals, blanks, dots and letters)."""
    from itertools import product

    from analyzers.entities import extract

    texts = ["".join(t) for n in range(7) for t in product(" IVXi.-", repeat=n)]
    matched = [t for t in texts if extract._REGNAL.match(t)]
    assert len(matched) > 100
    assert all(t.startswith(extract._NUMERAL_OPENINGS) for t in matched)
