"""Normalizer: NFC, one apostrophe/quote form, lowercase; folding for keys."""

from analyzers.analyzer import AlbanianAnalyzer
from analyzers.normalizer import fold_diacritics, normalize, normalize_query


def test_nfc_lowercase_and_apostrophes():
    assert normalize("KINE\u0308S") == "kinës"
    assert normalize("S\u2019KA") == "s'ka"
    assert normalize("ʼ‘´`") == "''''"


def test_quotes_become_one_form_for_phrase_queries():
    assert normalize_query("„Brezi dhe Rruga“") == '"Brezi dhe Rruga"'
    assert normalize_query("«Brezi»") == '"Brezi"'


def test_fold_diacritics():
    assert fold_diacritics("Çështja është") == "Ceshtja eshte"
    assert fold_diacritics("e\u0308") == "e"


def test_query_without_diacritics_gets_the_same_keys():
    a = AlbanianAnalyzer()

    def keys(s):
        return [t.text for t in a(s)]

    assert keys("Kines cmimi eshte") == keys("Kinës çmimi është")


def test_decomposed_and_composed_text_give_the_same_keys():
    a = AlbanianAnalyzer()
    assert [t.text for t in a("Kine\u0308s")] == [t.text for t in a("Kinës")]
