"""The shortcuts that make extraction cheaper change nothing it finds.

Each shortcut skips work whose answer is known: a run of a lone word that
opens a sentence and is no name (``lone_opener``), a word class asked
without its pattern (``StemTest``, ``WordSet``). Extraction with a
shortcut turned off must give the same mentions, and the memos stay
within their bounds."""

import random
import re
import sys
from pathlib import Path

import pytest

from analyzers.entities import extract, words
from analyzers.entities.extract import clear_caches, extract_entities

from conftest import LAJMI, needs_shared_data

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Sentences that open with the head of a name going on after "për", the
# runs the shortcut must keep, and with lone words it may drop.
OPENERS = [
    "Ligji për Gjykatën Speciale u miratua dje. Ligji për Ratifikimin e Marrëveshjeve kaloi.",
    "Organizata për Bashkëpunim dhe Zhvillim Ekonomik tha se rritja ngadalësohet.",
    "Agjencia për Zhvillim Ndërkombëtar ndau fonde. Ai tha se Kosova përfiton.",
    "Ai tha se takimi u mbajt në Prishtinë. Por nuk erdhi Kurti. Sipas tij, takimi shtyhet.",
    "Qendrat për Kontrollin dhe Parandalimin e Sëmundjeve njoftuan. Kjo ndodhi në Shkup.",
]


def _texts(folder: Path, limit: int | None = None) -> list[str]:
    paths = sorted(folder.glob("*.txt"))[:limit]
    return [p.read_text(encoding="utf-8") for p in paths]


def _without_lone_openers(monkeypatch, texts):
    monkeypatch.setattr(extract, "lone_opener", lambda word, gaz: False)
    return [extract_entities(t) for t in texts]


def _same_mentions_with_and_without(monkeypatch, texts):
    with_shortcut = [extract_entities(t) for t in texts]
    assert with_shortcut == _without_lone_openers(monkeypatch, texts)


@pytest.mark.pure_python
def test_leaving_out_lone_openers_changes_no_mention(monkeypatch):
    _same_mentions_with_and_without(monkeypatch, OPENERS + _texts(CORPUS))


@needs_shared_data(LAJMI)
@pytest.mark.pure_python
def test_leaving_out_lone_openers_changes_no_mention_in_real_news(monkeypatch):
    _same_mentions_with_and_without(monkeypatch, _texts(LAJMI, 150))


def test_the_shortcut_does_leave_runs_out():
    # (the test above would pass trivially if it never did)
    from analyzers.entities import gazetteer
    from analyzers.entities.cut import lone_opener
    from analyzers.entities.mentions import scan

    gaz = gazetteer.load()
    text = OPENERS[3]
    every = [r.tokens[0].text for r in scan(text)]
    kept = [r.tokens[0].text for r in scan(text, drop_opener=lambda w: lone_opener(w, gaz))]
    assert every == ["Ai", "Prishtinë", "Por", "Kurti", "Sipas"]
    assert kept == ["Prishtinë", "Kurti"]


def test_stems_of_other_syntax_are_asked_of_their_pattern(monkeypatch):
    """A section whose stems stem_forms does not read (a dot, an
    alternation) is a WordTest of its compiled pattern: the same answers."""
    file = dict(words.sections())
    file["odd_stems"] = ("lig.a", "ab|cd", "kup[aë]")
    monkeypatch.setattr(words, "sections", lambda: file)
    vocabulary = sorted({w.lower() for t in _texts(CORPUS) for w in re.findall(r"\w+", t)})
    vocabulary += ["ligja", "ligxa", "lig", "ab", "cd", "kupa", "kupë", "kupe", "ligat", "abi"]
    for endings in (None, "i|it"):
        test = words.stems("odd_stems", endings)
        assert isinstance(test, words.WordTest)
        hits = 0
        for w in vocabulary:
            assert test.match(w) == (test.pattern.match(w) is not None), w
            assert test.search(w) == (test.pattern.search(w) is not None), w
            hits += test.match(w)
        assert hits >= 4
    assert isinstance(words.stems("org_head_stems"), words.StemTest)
    assert isinstance(words.stems("org_head_stems", "i|it"), words.FormTest)


def test_word_test_memos_stay_bounded_and_are_cleared(monkeypatch):
    test = words.WordTest(re.compile(r"^ab"))
    bound = test.match.cache_info().maxsize
    assert bound is not None
    for k in range(bound + 100):
        test.match(f"ab{k}")
    assert test.match.cache_info().currsize == bound
    test.cache_clear()
    assert test.match.cache_info().currsize == 0
    monkeypatch.setattr(words, "A_WORD_TEST", test, raising=False)
    test.match("abc")
    clear_caches()
    assert test.match.cache_info().currsize == 0


def _word_sets():
    return {name: test for name, test in vars(words).items() if isinstance(test, words.WordSet)}


def _near(form: str) -> set[str]:
    """A word and its near misses: a letter more or less, a line break, a capital."""
    near = {form + "e", form + "j", form[:-1], form + "\n", form + "\n\n", "\n" + form, form.capitalize(), " " + form}
    return near | {form}


def _random_words(alphabet: str, count: int = 3000) -> list[str]:
    rng = random.Random(15)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_word_sets_answer_as_their_patterns():
    """A WordSet holds every word its pattern matches: each of its words,
    with a letter more or less, a line break or a capital, and the
    corpus's words are matched by the pattern as by the set."""
    vocabulary = {w.lower() for t in _texts(CORPUS) for w in re.findall(r"\w+", t)}
    assert len(_word_sets()) >= 5
    for name, test in _word_sets().items():
        held = test.match.__self__
        asked = set(vocabulary)
        for form in held:
            asked |= _near(form)
        pattern = test.pattern
        for w in asked:
            assert test.match(w) == (pattern.match(w) is not None), (name, w)
            assert test.search(w) == (pattern.search(w) is not None), (name, w)
        assert sum(map(test.match, asked)) >= len(held) > 10


def _word_questions():
    """The word tests that answer without their patterns: by str.startswith,
    str.endswith, or a word split into a stem's form and an ending."""
    kinds = (words.StemTest, words.EndingTest, words.FormTest)
    return {name: test for name, test in vars(words).items() if isinstance(test, kinds)}


def _parts(test) -> list[str]:
    """The words a test is made of: its stems' forms, its endings, its forms with their endings."""
    section = test.section
    if isinstance(test, words.EndingTest):
        return list(words.sections()[section])
    if isinstance(test, words.FormTest):
        return [form + rest for form, rests in words.stem_endings(section, test.endings).items() for rest in rests]
    parts = [form for stem in words.sections()[section] for form in words.stem_forms(section, stem)[0]]
    if test.or_words is not None:
        parts += test.or_words.match.__self__
    return parts


def test_word_questions_answer_as_their_patterns():
    """StemTest, EndingTest and FormTest answer as the patterns they stand
    for: over every form of theirs with its near misses, the words of
    lajmi's articles and the corpus, and random strings of the letters the
    stems are made of."""
    tests = _word_questions()
    assert {"ORG_HEADS", "LOC_HEADS", "MISC_HEADS", "NAMING_NOUN", "OFFICE", "ADJECTIVE_END"} <= set(tests)
    assert {"ORG_HEAD_NOUN", "LOC_HEAD_NOUN"} <= set(tests)
    folder = LAJMI if LAJMI.is_dir() else CORPUS
    vocabulary = {w for t in _texts(folder, 80) + _texts(CORPUS) for w in re.findall(r"\w+", t)}
    vocabulary |= {w.lower() for w in vocabulary}
    for name, test in tests.items():
        parts = _parts(test)
        asked = set(vocabulary)
        for part in parts:
            for near in _near(part):
                asked |= {near, near + "it", near + "ja", near + "ës", "x" + near, near + "tja"}
        letters = "".join(sorted(set("".join(words.sections()[test.section]))))
        asked |= set(_random_words(letters + "jt\n "))
        pattern = test.pattern
        hits = 0
        for w in asked:
            assert test.match(w) == (pattern.match(w) is not None), (name, w)
            assert test.search(w) == (pattern.search(w) is not None), (name, w)
            hits += test.search(w)
        assert len(set(parts)) <= hits < len(asked), name


def test_stem_forms_take_letters_a_class_and_a_look_ahead_only():
    assert words.stem_forms("s", "qendr[aëe]") == (("qendra", "qendrë", "qendre"), "")
    assert words.stem_forms("s", "lig(?!j)") == (("lig",), "j")
    assert words.stem_forms("s", "kup[aëe](?!ve)") == (("kupa", "kupë", "kupe"), "ve")
    assert words.stem_forms("s", "[ab]c") == (("ac", "bc"), "")
    for stem in [
        "lig.",
        "a[b-c]",
        "a[^b]",
        "ab(?=c)",
        "a|b",
        "ab?",
        "a[bc]d[ef]",
        "a[bc",
        "a(?!)",
        "(?!b)",
        "a(?!b|c)",
        "a\\w",
    ]:
        with pytest.raises(ValueError):
            words.stem_forms("s", stem)


def test_the_special_characters_are_those_re_escape_escapes():
    # (a word without them is matched by a pattern as written)
    for c in map(chr, range(0x3000)):
        assert (c in words._SPECIAL) == (re.escape(c) != c), hex(ord(c))


def test_a_word_set_takes_plain_endings_only():
    with pytest.raises(ValueError, match="plain"):
        words.WordSet("org_head_stems", "i|(?:it)")


@pytest.mark.parametrize("word", ["Organizata", "Ligji", "Agjencia", "Qendrat"])
def test_a_head_that_joins_purposes_is_never_a_lone_opener(word):
    from analyzers.entities import gazetteer
    from analyzers.entities.cut import lone_opener, purposes_head

    assert purposes_head(word)
    assert not lone_opener(word, gazetteer.load())


# The plain forms of extract's whole-text patterns, each with its look-behind
# first; extract's own check it after the first character (or match the
# slash), so the regex engine can skip to candidates. Same matches required.
_PLAIN = {
    "_INITIALS": r"(?<![\w.])([A-ZÇË])\.([A-ZÇË])(\.(?!\w))?(?![\w]|\.\w)",
    "_SLASH_CREDIT": r"(?<=/)([^\W\d_]{2,5})(?=/?[ \t]*(?:\n|\Z))",
    "_VERB_CREDIT": rf"(?<!\w)(?:{'|'.join(words.CREDIT_VERBS)})[ \t]+([a-zç]{{2,5}})(?![\w@/-]|\.\w)",
}
_TRICKY = [
    "i dyshuari A.N. u arrestua, Z.T dhe M.R. po ashtu. U.S.A. dhe U.S. jo. XA.N. jo, .A.N. jo.",
    "tha ai. /rel\nE dyta //kp\n/ab/cd\n/Kp/ \nx/tch",
    "shkruan kp, transmeton rel. ashkruan kp; raporton  atsh\nnjofton KP, përcjellë tch-",
]


@pytest.mark.parametrize("name", sorted(_PLAIN))
def test_whole_text_patterns_match_as_their_plain_forms(name):
    fast, plain = getattr(extract, name), re.compile(_PLAIN[name])

    def found(pattern, text):  # what extract reads of a match (the slash is no part of group 1)
        return [(m.span(1), m.groups(), m.end()) for m in pattern.finditer(text)]

    seen = 0
    for text in _TRICKY + _texts(CORPUS):
        assert found(fast, text) == found(plain, text)
        seen += len(found(plain, text))
    assert seen >= 3  # the texts do hold such matches


def test_a_window_s_words_answer_for_the_window():
    from analyzers.entities.titles import title_find_pattern, title_like

    TITLE_FIND_RE = re.compile(title_find_pattern())
    windows = ["presidenti rus, ", "ish-kryeministri i ", "(“ministrja e jashtme ", "Z. ", "dr.", "tha se ", ""]
    for text in _texts(CORPUS):
        windows += [text[max(0, m.start() - 70) : m.start()] for m in re.finditer(r"[A-ZË]", text)]
    hits = 0
    for window in windows:
        found = TITLE_FIND_RE.search(window) is not None
        assert any(map(title_like, window.split())) == found, window
        hits += found
    assert 0 < hits < len(windows)


def _title_vocabulary() -> list[str]:
    """What the title tests ask: the words and white-space-free stretches of
    the corpus and of 60 lajmi articles, every title stem bare, cut short and
    with each case ending in several cases and wrappings, and random
    strings over the letters and marks the rules read."""
    import random

    from analyzers.entities.words import TITLE_STEMS

    texts = _texts(CORPUS) + (_texts(LAJMI, 60) if LAJMI.is_dir() else [])
    asked = {w for t in texts for w in (*t.split(), *re.findall(r"\w+", t))}
    endings = ["", "i", "it", "ja", "ës", "ëve", "at", "ave", "et", "eve", "ist", "iste", "x", "\n", "\n\n", "_"]
    for stem in (*TITLE_STEMS, "futboll", "ab", "a_b", "ç1", "z", "znj", "dr", "prof"):
        asked |= {stem[:k] for k in range(len(stem))}
        for ending in endings:
            for w in (stem, stem.capitalize(), stem.upper(), "ish-" + stem, "Ish-" + stem, "ISH-" + stem):
                asked |= {
                    w + ending,
                    "(“" + w + ending,
                    "x-" + w + ending,
                    "_" + w + ending,
                    w + ending + ".",
                    "a.b" + w,
                }
    rng = random.Random(18)
    letters = "istzdrpofnjmkaeë.-_( \n“IZDPKSÇ1"
    asked |= {"".join(rng.choice(letters) for _ in range(rng.randint(0, 12))) for _ in range(20000)}
    return sorted(asked)


def test_title_words_are_what_the_title_pattern_matches():
    # titles.is_title answers with set lookups and str methods, not the
    # pattern compiled at import: the same answers on every word asked
    from analyzers.entities.titles import TITLE_ABBREVIATIONS, is_title, title_pattern

    pattern = re.compile(title_pattern())
    titles = 0
    for word in _title_vocabulary():
        expected = pattern.match(word.lower()) is not None or word.lower() in TITLE_ABBREVIATIONS
        assert is_title.__wrapped__(word) == expected, word
        titles += expected
    assert titles > 2000


def test_title_like_words_are_where_the_title_finding_pattern_is_found():
    # titles.title_like answers as a search of its pattern would, also for
    # stretches with a title after a mark or ish- (“ministri, Ish-presidenti)
    from analyzers.entities.titles import title_find_pattern, title_like

    pattern = re.compile(title_find_pattern())
    found = 0
    for word in _title_vocabulary():
        expected = pattern.search(word) is not None
        assert title_like.__wrapped__(word) == expected, word
        found += expected
    assert found > 5000


def test_a_quoted_name_s_repeats_are_found_as_by_the_plain_pattern():
    # extract._written_as checks the look-behind after the name's first
    # letter, so the regex engine can skip to it: the same matches required
    names = ["Brezi dhe Rruga", "Sunday Times", "Jetimat e Ballkanit", "Kosova", "Ëndrra", "Çmimi i Madh", "A"]
    texts = _texts(CORPUS) + [
        "“Brezi dhe Rruga” ... brezi  dhe\nRRUGA, xBrezi dhe Rruga, Brezi dhe Rrugax, _Brezi dhe Rruga, -Brezi dhe Rruga",
        "ËNDRRA ëndrra Ëndrrat aËndrra; çmimi i madh, Çmimi i Madh. A a Ab bA",
    ]
    for name in names:
        plain = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)", re.IGNORECASE)
        fast = extract._written_as(name)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (name, text)
    assert extract._written_as("Brezi dhe Rruga").search(texts[-2])


def test_a_quoted_name_s_repeats_are_found_by_str_find_as_by_its_pattern():
    # extract.written_at looks for a name of plain letters in the text
    # lowercased, where its pattern under re.IGNORECASE matches letters
    # that lowercase alike (and ı, ſ, İ, Greek sigmas ... otherwise): the
    # same spans required, for names and texts of such letters too
    rng = random.Random(15)
    names = (
        "Brezi dhe Rruga|Sunday Times|Jetimat e Ballkanit|Kosova|Ëndrra|Çmimi i Madh|A|O'Brien|Rock’n’Roll|Kim Il-sung|"
        "Istanbul|Sisi|Kelvin|Åsa|Σοφία|Dıjon|İzmir|µBit"
    ).split("|")
    pieces = (
        "brezi BREZI Brezi dhe rruga Rruga sunday TIMES kosova KOSOVA ëndrra ËNDRRA çmimi i I madh a A o'brien O’Brien "
        "rock’n’roll kim il-sung IL-SUNG ıstanbul İstanbul istanbul ſiſi sisi \u212aelvin kelvin \u212bsa åsa ΣΟΦΊΑ σοφία "
        "dijon DIJON izmir µbit μbit x _ - ’ , . “ ” 1"
    ).split()
    gaps = [" ", "  ", "\n", "\t", "\u00a0", "", " \n "]
    texts = _texts(CORPUS) + [
        "“Brezi dhe Rruga” ... brezi  dhe\nRRUGA, xBrezi dhe Rruga, Brezi dhe Rrugax, _Brezi dhe Rruga, -Brezi dhe Rruga",
        "ËNDRRA ëndrra Ëndrrat aËndrra; çmimi i madh, Çmimi i Madh. A a Ab bA",
    ]
    for _ in range(3000):
        texts.append("".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 12))))
    plain_texts = 0
    for text in texts:
        low = text.lower() if extract._plain_case(text) else None
        plain_texts += low is not None
        for name in names:
            expected = [m.span() for m in extract._written_as(name).finditer(text)]
            assert extract.written_at(text, low, name) == expected, (name, text)
            assert extract.written_at(text, None, name) == expected, (name, text)
    assert 500 < plain_texts < len(texts)


def test_overlong_stretches_are_found_as_by_the_plain_pattern():
    limit = extract.MAX_TOKEN_CHARS
    plain = re.compile(r"(?<!\S)\S{%d}" % (limit + 1))
    texts = _texts(CORPUS) + [
        "x" * (limit + 1),
        "x" * limit,
        " " + "x" * (limit + 1) + " y",
        "a\n" + "é" * (limit + 1),
        "a\u00a0" + "b" * (limit + 1),  # a no-break space is white space to both
        "a" + "b" * limit + " c",
    ]
    for text in texts:
        found = extract._blank_overlong(text) != text
        assert found == (plain.search(text) is not None), text[:40]
    assert extract._blank_overlong(texts[-6]) != texts[-6]


def test_quoted_names_are_found_as_by_the_lazy_pattern():
    # mentions._QUOTED_RE takes its inner characters possessively: the same
    # matches as the lazy form it had, on news and on random quote soup
    import random

    from analyzers.entities.mentions import _QUOTED_RE

    lazy = re.compile(_QUOTED_RE.pattern.replace("{0,80}+)", "{0,80}?)"))
    assert lazy.pattern != _QUOTED_RE.pattern
    rng = random.Random(15)
    soup = "ab'’\"“”„«»‹›‘ .,\nXË-"
    texts = _texts(CORPUS) + ["".join(rng.choice(soup) for _ in range(200)) for _ in range(2000)]
    texts += ["“" + "a" * k + "”" for k in range(78, 84)] + ["s'ka 'Tirana' t’i “Brezi dhe Rruga” 'x'y'"]
    seen = 0
    for text in texts:
        found = [(m.span(), m.groups()) for m in _QUOTED_RE.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in lazy.finditer(text)], text
        seen += len(found)
    assert seen > 100


def test_runs_are_found_as_by_the_greedy_domain_pattern():
    # mentions.RUN_RE takes a web address's characters before its dot
    # possessively: the same runs as the greedy form it had
    from analyzers.entities import mentions

    greedy = re.compile(mentions.RUN_RE.pattern.replace(r"[\w-]*+\.", r"[\w-]*\.", 1))
    assert greedy.pattern != mentions.RUN_RE.pattern
    texts = _texts(CORPUS) + [
        "Sipas Lajmi.net dhe Telegrafi.com, BBC.co.uk, Koha-Ditore.net. Abc-def.ghi Xyz.co.ukk A.B"
    ]
    for text in texts:
        assert [m.span() for m in mentions.RUN_RE.finditer(text)] == [m.span() for m in greedy.finditer(text)]


def test_runs_are_found_as_by_the_pattern_of_optional_groups():
    # mentions.RUN_RE reads a run's first letters once before choosing a
    # web address or a word, and writes the word after a gap as a branch
    # of whole choices: the same runs as the pattern it was, with the
    # connector and particle as optional groups and each word read whole
    import random

    from analyzers.entities import mentions as m

    plain = re.compile(
        rf"[{m._UPPER}](?<![\w-].)(?<!\w['’].)"
        rf"(?:[\w-]*+\.{m.TLD}\b|[^\W_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_][^\W_]*)*"
        rf"(?:{m._GAP}(?:(?:{m._LINK}{m._GAP}(?:{m._PARTICLE}{m._GAP})?)?{m._CAP_WORD}|{m._ARTICLE_NAME}))*)"
    )
    rng = random.Random(57)
    words = "Lajmi .net .co.uk Top_Channel e i të së von der de la al- el-Sisi Jaber NATO-s O’Brien Kim Jong-un"
    pieces = [*"aAëË9_-–'’. \t\u00a0\n,", *words.split(), "  ", "   "]
    texts = (
        _texts(CORPUS)
        + (_texts(LAJMI) if LAJMI.is_dir() else [])
        + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    )
    runs = several = 0
    for text in texts:
        found = [mt.span() for mt in m.RUN_RE.finditer(text)]
        assert found == [mt.span() for mt in plain.finditer(text)], text
        runs += len(found)
        several += sum(" " in text[s:e] or "\t" in text[s:e] for s, e in found)
    assert runs > 10000 and several > 1000


def test_a_line_s_last_sentence_end_is_the_last_match_of_the_pattern():
    # positions._last_sentence_end looks from the line's end: the same end as
    # the last of the pattern's matches, on news lines and random stop soup
    import random

    from analyzers.entities.positions import _SENTENCE_END, _last_sentence_end

    rng = random.Random(15)
    soup = "ab .!?…”\"»’')]/\n,x"
    texts = _texts(CORPUS) + ["".join(rng.choice(soup) for _ in range(120)) for _ in range(3000)]
    for text in texts:
        for near, end in ((0, len(text)), (len(text) // 3, len(text) - 5), (10, 90)):
            ends = list(_SENTENCE_END.finditer(text, near, end))
            assert _last_sentence_end(text, near, end) == (ends[-1].end() if ends else -1), (text, near, end)


def test_credits_after_a_verb_are_the_pattern_s_matches():
    # extract.verb_credits tries the pattern only where a verb starts: the
    # same matches as a pass of the engine over the whole text
    import random

    from analyzers.entities.extract import _VERB_CREDIT, verb_credits
    from analyzers.entities.words import CREDIT_VERBS

    assert min(map(len, CREDIT_VERBS)) > 5  # the premise: the word after a verb (2-5 letters) holds no verb
    rng = random.Random(16)
    pieces = [
        *CREDIT_VERBS,
        " ",
        "\t",
        "kp",
        "rel",
        "ç",
        "a",
        "xshkruan",
        "-",
        "/",
        ".",
        "\n",
        "përcjellë kp",
        "Shkruan",
    ]
    texts = _texts(CORPUS) + ["".join(rng.choice(pieces) for _ in range(40)) for _ in range(3000)]
    matched = 0
    for text in texts:
        found = [m.span(1) for m in verb_credits(text)]
        assert found == [m.span(1) for m in _VERB_CREDIT.finditer(text)], text
        matched += bool(found)
    assert matched > 500


def test_edges_asked_line_by_line_agree_with_the_regions_of_the_whole_text():
    # positions.Edges works out only the lines asked about (entity_fields asks
    # of a few names an article): every span must get the answer the regions
    # of the whole text give
    from analyzers.entities.positions import Edges, edge_regions, in_regions

    texts = _texts(CORPUS) + [
        "Kosova fitoi.\n\nShqipëria humbi.",  # short lines only: no story, no regions
        "Kina raportoi sot rritje të rasteve të reja, raporton Reuters, transmeton lajmi.net.\r\nNga: Arben Ahmeti\n",
        "Ai tha se zgjedhjet do të mbahen në kohë, sipas ligjit në fuqi të vendit. /Portali.net/\n\nView this post",
    ]
    inside = 0
    for text in texts:
        regions, edges = edge_regions(text), Edges(text)
        for start in range(len(text)):
            for end in (start + 1, start + 9, start + 60):
                held = in_regions(regions, start, end)
                assert edges.holds(start, end) == held, (text[:40], start, end)
                inside += held
    assert inside > 100  # (and most spans are story)


def test_entity_spans_are_the_mentions_as_tuples():
    # indexing reads (start, end, type, canonical) tuples; extract_entities
    # makes Mentions of the same finds, decomposed letters and overlong words too
    from analyzers.entities.extract import entity_spans

    decomposed = "Presidenti i Kosove\u0308s, Vjosa Osmani, takoi Kurtin në Prishtine\u0308."
    texts = _texts(CORPUS) + [decomposed, "Kurti tha " + "x" * 300 + " se Osmani " + "y" * 300]
    for text in texts:
        expected = [(m.start, m.end, m.type, m.canonical) for m in extract_entities(text)]
        assert entity_spans(text) == expected
    assert entity_spans(decomposed)


def test_a_run_s_words_are_its_white_space_separated_parts():
    # mentions.scan splits a run of several words at its white space: the
    # words the token pattern it replaced finds there, particles and
    # hyphenated articles included
    from analyzers.entities import mentions
    from analyzers.entities.words import TLD

    domain = rf"[^\W\d_][\w-]*\.{TLD}\b"  # a web address named as a source: Lajmi.net
    token = re.compile(rf"{domain}|[^\W_][^\W_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_][^\W_]*)*")
    texts = _texts(CORPUS) + [
        "Ursula von der Leyen takoi Sultan al-Jaber dhe Abu Bakr al-Baghdadi në Gazeta-Express.com.",
        "O’Brien\u00a0dhe Kim Jong-un, Leonardo da Vinci, Kombet e Bashkuara, Malit\ttë Zi, NATO-s, Izrael-Hamas",
    ]
    several = 0
    for text in texts:
        for m in mentions.RUN_RE.finditer(text):
            assert m.group().split() == token.findall(m.group()), m.group()
            several += len(m.group().split()) > 1
    assert several > 100


def test_quoted_names_are_tried_where_a_quotation_mark_stands():
    # mentions.quoted_matches tries the pattern only at quotation marks:
    # the same matches as a pass of the engine over the whole text
    import random

    from analyzers.entities.mentions import _QUOTED_RE, quoted_matches

    rng = random.Random(17)
    soup = "ab'’\"“”„«»‹›‘ .,\nXË-"
    texts = _texts(CORPUS) + ["".join(rng.choice(soup) for _ in range(200)) for _ in range(2000)]
    texts += ["s'ka 'Tirana' t’i “Brezi dhe Rruga” 'x'y'", "“A “B” C”", "«Ab»«Cd»", "", "“Xi'an dhe O’Brien”"]
    texts += ["“" + "a" * k + "”" for k in range(78, 84)] + ["“a’b" + "c" * k + "”" for k in range(76, 82)]
    seen = 0
    for text in texts:
        found = [(m.span(), m.groups()) for m in quoted_matches(text)]
        assert found == [(m.span(), m.groups()) for m in _QUOTED_RE.finditer(text)], text
        seen += len(found)
    assert seen > 100


def test_the_tables_carry_the_sizes_of_names_of_several_words_through_their_cache():
    """cut looks a run's words up together only where `name_sizes` says a
    name of several words opens: the sizes are derived with the tables and
    pickled with them (unpickling runs no __post_init__), so a gazetteer
    read from its cache must carry them whole."""
    import pickle

    from analyzers.entities import gazetteer
    from analyzers.entities.gazetteer_table import opening_name_sizes

    built = gazetteer.load()
    cached = pickle.loads(pickle.dumps(built))
    assert cached.name_sizes == opening_name_sizes(built.forms) == built.name_sizes
    assert cached.name_sizes["Shteteve"] >= 3  # Shteteve të Bashkuara
    longest = max(built.name_sizes.values())
    assert any(len(form.split(" ")) == longest for form in built.forms)


def _readings_rule_by_rule(word: str) -> tuple[tuple[str, str], ...]:
    """canonical.readings' rules tried one after another, as its table
    lists them: what its dispatch on the last letter must give."""
    from analyzers.entities.canonical import FEM, MASC, PLURAL, U_STEMS, VOWELS

    out: list[tuple[str, str]] = []

    def add(base: str, gender: str) -> None:
        if len(base) >= 2 and (base, gender) not in out:
            out.append((base, gender))

    w, low, n = word, word.lower(), len(word)
    if low.endswith("eve") and n > 5:
        add(w[:-3] + "et", PLURAL)
    if low.endswith("ave") and n > 5:
        add(w[:-3] + "at", PLURAL)
    if low.endswith(("isë", "ise", "inë", "ine")) and n > 5:
        add(w[:-2] + "a", FEM)
    if low.endswith(("ës", "ën", "es", "en")) and n > 4 and w[-3] not in VOWELS:
        add(w[:-2] + "a", FEM)
    if low.endswith(("së", "në", "se", "ne")) and n > 4 and w[-3] in "aoeuAOEU":
        add(w[:-2], MASC)
    if low.endswith(("it", "in")) and n > 4 and w[-3] not in VOWELS:
        add(w[:-2], MASC)
    if low.endswith(("ut", "un")) and n > 4 and w[-3] in U_STEMS:
        add(w[:-2], MASC)
    if low.endswith(("it", "in")) and n > 4:
        add(w[:-1], MASC)
    if low.endswith(("jt", "jn")) and n > 4:
        add(w[:-1], MASC)
    if low.endswith(("os", "on", "es", "as", "us", "en")) and n > 3 and low[-2] in "oeau":
        add(w[:-1], MASC)
    if low[-1:] in ("t", "n") and n > 3 and low[-2] in "yëo":
        add(w[:-1], MASC)
    if low.endswith("ja") and n > 4 and w[-3] in VOWELS:
        add(w[:-2], MASC)
    if low.endswith("a") and n > 2:
        add(w, FEM)
    if low.endswith(("ë", "e")) and n > 2:
        add(w[:-1] + "a", FEM)
    if low.endswith("i") and n > 3 and w[-2] not in VOWELS:
        add(w[:-1], MASC)
    if low.endswith("u") and n > 3 and w[-2] in U_STEMS:
        add(w[:-1], MASC)
    if low.endswith("i") and n > 2:
        add(w + "a", FEM)
    add(w, MASC)
    if low.endswith(("at", "et")) and n > 4 or low.endswith("itë") and n > 6:
        add(w, PLURAL)
    return tuple(out)


def _readings_vocabulary() -> list[str]:
    """Every short string over the letters the rules read (upper and lower
    case, and İ, whose lowercase is two characters), every ending of up to
    three of them after stems of several lengths, and the corpus's words."""
    from itertools import product

    letters = "aeëiouyjkghtnsvrAEËIOUYJKGHTNSİ"
    short = ["".join(p) for k in range(4) for p in product(letters, repeat=k)]
    tails = ["".join(p) for k in range(1, 4) for p in product(letters, repeat=k)]
    stems = ["K", "Ki", "Kin", "Pekn", "Rusia", "Shtet", "İst", "Kosov"]
    corpus = {w for t in _texts(CORPUS) for w in re.findall(r"\w+", t)}
    return short + [s + t for s in stems for t in tails] + sorted(corpus)


def test_readings_by_the_last_letter_are_the_rules_tried_in_turn():
    from analyzers.entities.canonical import readings

    vocabulary = _readings_vocabulary()
    assert len(vocabulary) > 200_000
    for word in vocabulary:
        assert readings.__wrapped__(word) == _readings_rule_by_rule(word), word
    assert readings("Shteteve")[0] == ("Shtetet", "pl")
    assert readings("Kriston") == (("Kristo", "m"), ("Kriston", "m"))  # rules 10 and 11 agree: once


def test_the_characters_from_the_first_combining_mark_on_are_those_from_u0300():
    """extract._FROM_COMBINING is written as the complement of what lies
    below U+0300 (quick to compile): every code point is matched as the
    range from U+0300 to U+10FFFF matches it."""
    from analyzers.entities.extract import _FROM_COMBINING

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert [m.start() for m in _FROM_COMBINING.finditer(every)] == list(range(0x300, sys.maxunicode + 1))


# Runs of one word that reach each of _cut_group's decisions: an acronym (a
# case number's, a shout's), a web address, a dictionary name (a weak one
# opening a sentence), a title and a title's adjective, an adjective, a
# legislature, a sentence-initial word, a common word mid-sentence, a
# speaker after "tha".
_ONE_WORD_RUNS = [
    "Vendimi PKR.nr.51/2014 u mor nga NATO dhe OKB-së. JOOOO, thirri ai. VI-të.",
    "Sipas Telegrafi.com, Mali u ngjit. Drita erdhi. Në Prishtinë ishte Kurti.",
    "Kryeministri foli. Ish-ministri erdhi. i Përgjithshëm tha. Ndërkombëtar. Euro-Atlantik.",
    "Kuvendi miratoi. Në Kuvend, Kongresi i federatës. Kushtetutën e shkeli.",
    "Zidanen e pa tha Morina. Raheem erdhi. Kategorinë A e fitoi. lagjen Lakuriq.",
]
# Words no scan gives as a run of one, put to both as tokens of their own.
_ONE_WORDS = ["e", "dhe", "Euro-Atlantik", "Azi-Paqësor", "Paris-Londër", "Kosovo-Shqiptar", "X"]


def _one_word_runs(texts):
    from analyzers.entities.mentions import Run, Token, scan

    for text in texts:
        for run in scan(text):
            if len(run.tokens) == 1:
                yield text, run
    for word in _ONE_WORDS:
        for initial in (False, True):
            yield f"drejt {word} erdhi", Run([Token(word, 6, 6 + len(word), initial)])


def test_a_run_of_one_word_is_cut_as_cut_group_cuts_it():
    from analyzers.entities import gazetteer
    from analyzers.entities.cut import _cut_group, _cut_word
    from analyzers.entities.lexical import Lowered

    gaz = gazetteer.load()
    texts = _ONE_WORD_RUNS + _texts(CORPUS) + (_texts(LAJMI, 60) if LAJMI.is_dir() else [])
    kept = dropped = 0
    for text, run in _one_word_runs(texts):
        tok = run.tokens[0]
        for title in (run.title_before, False, True):
            expected = _cut_group(text, [tok], title, gaz, Lowered(text))
            assert _cut_word(text, tok, title, gaz) == expected, (tok, title)
            kept += len(expected)
            dropped += not expected
    assert kept > 300 and dropped > 100


def test_the_plans_of_one_word_runs_are_bounded_and_forgotten_with_the_other_memos():
    from analyzers.entities.cut import _word_plan

    extract_entities("Kuvendi miratoi. Sipas Telegrafi.com, OKB-së i foli Raheem Kurti.")
    assert _word_plan.cache_info().currsize and _word_plan.memo_limit  # (trimmed to it: test_entities_memo)
    clear_caches()
    assert _word_plan.cache_info().currsize == 0


def test_rule_readings_are_forgotten_with_the_other_memos():
    from analyzers.entities import gazetteer
    from analyzers.entities.rule_readings import rule_candidates

    rule_candidates(("Ronald", "Koemanit"), gazetteer.load())
    assert rule_candidates.cache_info().currsize
    clear_caches()
    assert rule_candidates.cache_info().currsize == 0


def test_every_memo_of_the_extractor_is_forgotten_with_the_dictionaries():
    """clear_caches reaches every module of the package, a rule module added
    later too (given_names' memo was left out of a list, and held the old
    dictionaries through its keys)."""
    import sys

    from analyzers.entities.given_names import common_word_first_name

    extract_entities("Sot Besa Shahini tha se Drita Krasniqi dhe Flora Ahmeti erdhën në Prishtinë.")
    assert common_word_first_name.cache_info().currsize
    clear_caches()
    memos = [
        (name, fn)
        for name, module in list(sys.modules.items())
        if name.startswith("analyzers.entities.")
        for fn in vars(module).values()
        if hasattr(fn, "cache_info")
    ]
    assert len(memos) > 20
    assert [name for name, fn in memos if fn.cache_info().currsize] == []
