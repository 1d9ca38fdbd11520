"""The Albanian tokenizer: the cases of issue 3, with offsets."""

import pytest

from analyzers.tokenizer import AlbanianTokenizer, tokenize


def texts(s):
    return [t for t, _, _ in tokenize(s)]


def test_letters_with_diacritics_in_both_cases():
    assert texts("ËSHTË Çështja çmimi ëndërr") == ["ËSHTË", "Çështja", "çmimi", "ëndërr"]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u2018", "\u02bc"])
def test_elision_with_any_apostrophe(apostrophe):
    s = f"s{apostrophe}ka t{apostrophe}i n{apostrophe}Tiranë"
    assert texts(s) == [f"s{apostrophe}", "ka", f"t{apostrophe}", "i", f"n{apostrophe}", "Tiranë"]


def test_c_apostrophe_joins_its_word():
    s = "ç'farë ç’do"
    toks = list(tokenize(s))
    assert [t for t, _, _ in toks] == ["çfarë", "çdo"]
    assert [s[a:b] for _, a, b in toks] == ["ç'farë", "ç’do"]


def test_case_endings_after_hyphen_on_acronyms_and_numbers():
    assert texts("OKB-së NATO-s BE-ja 2020-ën") == ["OKB", "NATO", "BE", "2020"]
    assert texts("10-vjetorin") == ["10", "vjetorin"]


def test_plural_definite_endings_after_hyphen_are_dropped_too():
    # -at, -ave, -eve like -et, -ve: VIP-at "the VIPs", not VIP and at "father"
    assert texts("VIP-at OJQ-ave SMS-eve Rangers-ave") == ["VIP", "OJQ", "SMS", "Rangers"]


def test_case_endings_after_hyphen_on_foreign_names():
    # News hyphenates endings after names kept in their own spelling.
    assert texts("Goditja e Menga-s i fal Livingston-it fitoren; Trump-i") == [
        "Goditja",
        "e",
        "Menga",
        "i",
        "fal",
        "Livingston",
        "fitoren",
        "Trump",
    ]


def test_hyphenated_compound_gives_both_parts():
    assert texts("konflikti Izrael-Hamas") == ["konflikti", "Izrael", "Hamas"]


def test_lowercase_word_before_hyphen_keeps_short_word():
    # "pa-" is a word, not an acronym: its ending-like neighbour stays.
    assert texts("pa-e") == ["pa", "e"]


def test_sentences_run_together():
    assert texts("në jetë.Këto fjalë") == ["në", "jetë", "Këto", "fjalë"]


def test_numbers_with_decimal_commas_and_points():
    assert texts("rritje 3,5 për qind, 1.000.000 euro") == ["rritje", "3,5", "për", "qind", "1.000.000", "euro"]


def test_urls_emails_hashtags_kept_whole():
    s = "Shiko https://lajmi.net/a/b?x=1. ose www.rtsh.al, shkruaj info@kosova.org #Kosova2020"
    assert texts(s) == [
        "Shiko",
        "https://lajmi.net/a/b?x=1",
        "ose",
        "www.rtsh.al",
        "shkruaj",
        "info@kosova.org",
        "#Kosova2020",
    ]


def test_capitalised_domain_names_kept_whole():
    # Lajmi.net signs its articles: not "Lajmi" and "net" ("nights").
    assert texts("Lajmi.net transmeton nga Albinfo.at dhe BBC.co.uk.") == [
        "Lajmi.net",
        "transmeton",
        "nga",
        "Albinfo.at",
        "dhe",
        "BBC.co.uk",
    ]
    # A capitalised "ending" is a sentence run on without a space.
    assert texts("Kosova.Me ne") == ["Kosova", "Me", "ne"]


def test_offsets_point_at_the_original_text():
    s = "Në Kinë, OKB-së: s’ka jetë.Këto"
    for text, start, end in tokenize(s):
        original = s[start:end]
        if text != "çfarë":
            assert original == text


def test_combining_diaeresis_stays_in_the_word():
    s = "Kine\u0308s dhe"
    toks = list(tokenize(s))
    assert len(toks) == 2
    assert s[toks[0][1] : toks[0][2]] == "Kine\u0308s"


def test_whoosh_tokenizer_positions_and_chars():
    toks = [
        (t.text, t.pos, t.startchar, t.endchar) for t in AlbanianTokenizer()("s'ka OKB-së", positions=True, chars=True)
    ]
    assert toks == [("s'", 0, 0, 2), ("ka", 1, 2, 4), ("OKB", 2, 5, 8)]


def test_tokenize_false_yields_whole_value():
    assert [t.text for t in AlbanianTokenizer()("Izrael-Hamas", tokenize=False)] == ["Izrael-Hamas"]


def test_skipping_the_gaps_finds_the_matches_the_bare_pattern_finds():
    """The tokenizer's regex steps over white space and some punctuation
    (tokenizer._NO_TOKEN_STARTS) because no alternative starts there: on
    real news and on random text made of those marks, letters, digits and
    every character an alternative may start with, it matches as the
    pattern without that lookahead does."""
    import random
    import re

    from analyzers import tokenizer

    from conftest import LAJMI, SEED, SHARED_DATA

    texts = [SEED.read_text(encoding="utf-8")]
    for folder in (LAJMI, SHARED_DATA / "news-dev" / "ntrex"):
        if folder.is_dir():
            texts += [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir()) if path.is_file()]
    rng = random.Random(7)
    alphabet = tokenizer._NO_TOKEN_STARTS.replace("\\s", " \n\t\u00a0") + "aëÇz09_.+-#@/:'’ʼ\u0308" + "wh"
    texts += ["".join(rng.choice(alphabet) for _ in range(3000)) for _ in range(40)]
    texts += ["x .a@b.com -b@c.net +c@d.org #tag -net.com http://x.al www.y.com", "e\u0308 .3,5 (OKB-së) «Kinës»"]
    for letters in (r"[^\W_\u02bc]", r"(?:[^\W_\u02bc]|[\u0300-\u036f])"):
        bare = re.compile(tokenizer._PATTERN.replace("{L}", letters))
        skipping = re.compile(tokenizer._SKIPPING.replace("{L}", letters))
        for text in texts:
            found = [(m.span(), m.lastgroup) for m in skipping.finditer(text)]
            assert found == [(m.span(), m.lastgroup) for m in bare.finditer(text)]
