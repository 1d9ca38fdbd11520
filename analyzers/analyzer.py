"""The analyzer the index uses for Albanian article text, and its stem filter."""

from whoosh.analysis import Filter

from analyzers.normalizer import AlbanianNormalizer
from analyzers.stemmer import AlbanianStemmer, stemmer
from analyzers.stopwords import AlbanianStopFilter
from analyzers.tokenizer import AlbanianTokenizer

# Stored in every index; bump it whenever any token this analyzer produces
# changes, so that an index built by another version is detected.
# sq-2: Albanian tokenizer, stop words kept in the index, lexicon+rules keys.
# sq-3: lemma keys keep ë/ç (only unknown words are folded); analysis ranking.
# sq-4: case endings dropped after hyphenated names (Trump-it); homograph
#       exceptions (dita, jeta, dytë, mori, re, ftesa, Evropën/Europës).
# sq-5: a -je noun's forms meet (ndeshje/ndeshja not the 1st/2nd person
#       imperfect of ndesh); a word as written is read without ë/ç only if
#       that reading fits better regardless of derivation; duke the particle;
#       more homograph exceptions (jenë, tonë, partinë, masat, arsye, ...).
# sq-6: entity extraction (issue #15): types from evidence (an unknown name
#       is MISC, no longer a person), the region's towns, world cities, media,
#       clubs and 36,000 first names in the dictionaries, one canonical name
#       per entity (SHBA: Shtetet e Bashkuara), names at an article's edges
#       recorded apart; an index of sq-5 holds other names, so it is rebuilt.
# sq-7: tokens longer than 255 characters are skipped (their position kept),
#       words longer than 64 are keyed as they are; e-mail and domain tokens
#       bounded in length (tokenizing is linear).
# sq-8: entity extraction, second round of issue #15: web addresses in
#       lowercase are outlets (transmeton lajmi.net) and a closing credit an
#       edge, case endings after a hyphen undone (Chelsea-t), legislatures,
#       quoted organisations, clubs in sports stories, names in capitals: an
#       index of sq-7 holds other names, so it is rebuilt.
# sq-9: entity extraction, fourth round of issue #15: GeoNames' large cities
#       are places; an index of sq-8 holds other names, so it is rebuilt.
# sq-10: entity extraction: dictionary names that open with an acronym
#       (FC Porto) and clubs after a club prefix (FC Prishtinës), initials
#       standing for people, outlets credited in lowercase (/rel, shkruan kp),
#       law titles, court case numbers no names, more platforms, products and
#       team nicknames: an index of sq-9 holds other names, so it is rebuilt.
# sq-11: entity extraction: the large subdivisions of the world's states
#       (ISO 3166-2) are places, a title before a weak place makes a person,
#       UK/USA and more state names; an index of sq-10 is rebuilt.
ANALYZER_VERSION = "sq-11"


class AlbanianStemFilter(Filter):
    """Replaces each token's text by its key (`analyzers.stemmer`).

    Holds no stemmer itself (the index pickles its analyzer): it asks for the
    process-wide one, whose memo of word -> key is shared by every analyzer.
    """

    def __init__(self, language: str = "albanian"):
        self.language = language

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.language == other.language

    def __call__(self, tokens):
        s = stemmer(self.language)
        stem = s.stemWord
        memo = getattr(s, "_cache", {})  # the stemmer's own memo, read inline for speed
        for t in tokens:
            key = memo.get(t.text)
            t.text = key if key is not None else stem(t.text)
            yield t


class AlbanianVariantStemFilter(AlbanianStemFilter):
    """A stem filter with non-default stemmer options, for measuring designs."""

    def __init__(self, **options):
        super().__init__()
        self.options = dict(sorted(options.items()))

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.options == other.options

    def __call__(self, tokens):
        key = repr(self.options)
        if key not in _variants:
            _variants[key] = AlbanianStemmer(**self.options)
        stem = _variants[key].stemWord
        for t in tokens:
            t.text = stem(t.text)
            yield t


_variants: dict[str, AlbanianStemmer] = {}


def AlbanianAnalyzer():
    """Tokenize, normalize, mark stop words, and key each Albanian word."""
    return AlbanianTokenizer() | AlbanianNormalizer() | AlbanianStopFilter() | AlbanianStemFilter()
