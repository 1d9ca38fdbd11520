"""The Albanian stemmer: a deterministic key per word, forms of one word meeting.

Three layers, chosen by measurement (see docs/analyzers.md):

1. `resources/exceptions_sq.tsv`: closed-class words (pronouns) whose key
   the grammar fixes and the lexicon would merge.
2. The lexicon layer (`analyzers.lexicon`): split the word into every
   ``stem + suffix`` the uniparser-albanian paradigms allow and return the
   lemma. This resolves irregular verbs (``jam``/``është``/``qenë``), stem
   alternations (``dorë``/``duar``) and plurals (``projekt``/``projekteve``).
   The word is looked up as written and, if it has no ë/ç, also as typed
   without them (``eshte`` → ``është``); the better-fitting reading wins
   (`_across_readings`).
3. The rule layer (`analyzers.rules`), for words the lexicon does not know
   (mostly names: ``Uashingtonit``): strips the noun's article and case
   endings, each rule a line of Albanian grammar.

Keys are lowercased and, by default, folded (ë→e, ç→c) so that a query typed
without diacritics meets the same key. It is the `snowballstemmer` interface
(`stemWord`, `stemWords`), so `stemmer("english")` etc. can stand in for it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from analyzers import rules
from analyzers.lexicon import ADJ, DERIVED, NONST, PROPN
from analyzers.normalizer import fold_diacritics

# Words shorter than this are their own key ("u", "e", "i"): one letter is
# never worth an analysis.
_MIN_LOOKUP = 2
# Longer words are keyed as they are, lowercased (and folded): the lexicon
# tries every split of a word, so its cost grows with the square of the
# word's length (a run of letters from a broken file held the writer's lock
# for seconds), and
# no Albanian word is this long.
MAX_ANALYZED_CHARS = 64
# A stemmer's memo of word -> key stops growing here (a news corpus has
# ~10^5 distinct forms; the cap only guards against unbounded input).
_CACHE_LIMIT = 500_000

_EXCEPTIONS: dict[str, str] | None = None


def _exceptions() -> dict[str, str]:
    """form -> key from resources/exceptions_sq.tsv."""
    global _EXCEPTIONS
    if _EXCEPTIONS is None:
        table: dict[str, str] = {}
        path = Path(__file__).with_name("resources") / "exceptions_sq.tsv"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                form, key = line.split("\t")
                table[form] = key
        _EXCEPTIONS = table
    return _EXCEPTIONS


class AlbanianStemmer:
    """Albanian key function with the snowballstemmer interface."""

    def __init__(self, fold: bool = True, use_lexicon: bool = True, fold_keys: bool = False):
        # fold: read a word without ë/ç also as typed without them, and fold
        # the keys of words the lexicon does not know. fold_keys: fold every
        # key (lemmas too), merging e.g. njëri/njeri, vetë/vete.
        self.folds = fold
        self.fold_keys = fold and fold_keys
        self.use_lexicon = use_lexicon
        self._table = None
        self._loaded = not use_lexicon
        self._lock = threading.Lock()
        self._cache: dict[str, str] = {}

    def forget(self) -> None:
        """Back to a new stemmer's state: no memo, the lexicon not loaded."""
        with self._lock:
            self._cache.clear()
            self._table = None
            self._loaded = not self.use_lexicon

    # -- the lexicon, loaded at first use (a cold start stays cheap) ---------
    def _ensure_table(self):
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    from analyzers.lexicon import load_table

                    self._table = load_table()
                    self._loaded = True
        return self._table

    def lexicon_lemma(self, word: str, folded: bool = False) -> str | None:
        """The lemma of lowercase `word` by the lexicon, or None."""
        best = self._analyze(word, folded)
        return best[1] if best is not None else None

    def _analyze(self, word: str, folded: bool = False):
        """(rank, lemma, fit) of the best analysis of lowercase `word`, or None.

        With `folded`, `word` is taken as typed without diacritics: a stem
        or suffix written with e/c also matches the lexicon's ë/ç. `fit` is
        how well the best-fitting analysis reads the word, for choosing
        between the word as written and as read without ë/ç
        (`_across_readings`).
        """
        table = self._ensure_table()
        if table is None:
            return None
        paradigms = table.folded_paradigms if folded else table.paradigms
        best = fit = None
        # Every split stem+suffix whose paradigm allows that suffix after that
        # stem variant is an analysis; the least by `_rank` wins.
        for i, entries in table.splits(word, folded):
            suffix = word[i:]
            for entry in entries:
                masks = paradigms[(entry >> 24) & 0xFF].get(suffix)
                if masks is None:
                    continue
                stem_mask = (entry >> 8) & 0xFFFF
                if masks[0] & stem_mask:
                    nonst = entry & NONST
                elif masks[1] & stem_mask:
                    nonst = 1 + (entry & NONST)
                else:
                    continue
                rank = self._rank(nonst, entry, len(suffix))
                if best is None or rank < best:
                    best = rank
                r = _across_readings(rank)
                if fit is None or r < fit:
                    fit = r
        return (best, table.lemma(best[-1]), fit) if best is not None else None

    @staticmethod
    def _rank(nonst, entry, suffix_len):
        """Order of analyses: a total order, so keys never depend on hashing.

        1. standard forms of standard lexemes (the lexicon marks dialect and
           archaic forms "nonst"; imperative+clitic forms and the 1st/2nd
           person singular imperfect, ndeshja "I was meeting", count as such:
           `analyzers.lexicon`);
        2. lexemes that are not derived from another entry (``marrë`` "crazy"
           is derived from ``marr`` "take"; the form is mostly the participle);
        3. not an adjective: a participle (``kaluar``) is a form of its verb
           before it is an adjective of its own (a neuter noun, ``të
           folurit``, counts as an adjective);
        4. the shortest suffix (``mali`` is mal+i, not a lemma mali+∅);
        5. a proper name before a common word (``Tiranë`` the capital, not
           the plural of tiran "tyrant"): the lexicon lists the names news
           text is full of;
        6. lexicon order.
        Measured on the gold files (docs/analyzers.md), each step helps.
        """
        return (nonst, entry & DERIVED, entry & ADJ, suffix_len, -(entry & PROPN), entry >> 32)

    def explain(self, word: str) -> tuple[str, str]:
        """(key, which layer gave it): "short", "exception", "lexicon",
        "lexicon, read without ë/ç", or "rules". For `searchidx analyze`."""
        w = word.lower()
        if len(w) < _MIN_LOOKUP or not w.isalpha():
            return (fold_diacritics(w) if self.fold_keys else w), "as is"
        if len(w) > MAX_ANALYZED_CHARS:
            return (fold_diacritics(w) if self.folds else w), "as is (too long to analyse)"
        key = _exceptions().get(w)
        source = "exception"
        if key is None and self.use_lexicon:
            best = self._analyze(w)
            source = "lexicon"
            if self.folds and (best is None or ("ë" not in w and "ç" not in w)):
                # Perhaps typed without diacritics: "eshte" is a dialect
                # spelling by the book but far more often "është". The
                # better-fitting reading wins; on a tie, the word as written.
                typed = self._analyze(fold_diacritics(w), folded=True)
                if typed is not None and (best is None or typed[2] < best[2]):
                    best = typed
                    source = "lexicon, read without ë/ç"
            if best is not None:
                key = best[1]
        if key is None:
            return rules.stem(fold_diacritics(w) if self.folds else w), "rules"
        return (fold_diacritics(key) if self.fold_keys else key), source

    def _key(self, word: str) -> str:
        return self.explain(word)[0]

    # -- snowballstemmer interface -------------------------------------------
    def stemWord(self, word: str) -> str:
        key = self._cache.get(word)
        if key is None:
            key = self._key(word)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[word] = key
        return key

    def stemWords(self, words):
        return [self.stemWord(w) for w in words]


def _across_readings(rank):
    """An analysis' rank for choosing between the word as written and as read
    without ë/ç: `AlbanianStemmer._rank` without lexicon order and without
    the derived flag. That a lexeme is derived tells which of one spelling's
    lexemes is the rarer (marrë "crazy" after the participle of marr), not
    whether the writer left out diacritics: a noun written as such
    (ndeshje "match", mezi "barely", shtime "additions") is not the
    subjunctive ndeshjë, the foal mëz or shtie "shoot" read without ë.
    The reading whose best-fitting analysis ranks first wins; within it,
    the full `_rank` picks the lemma (vrare read as vrarë, then the
    participle of vras).
    """
    return (rank[0],) + rank[2:-1]


_shared: dict[str, object] = {}


def forget_shared() -> None:
    """Empties the shared stemmers' memos of word -> key and unloads their
    lexicon table, which the next word loads again from its cache file, as
    a new process does (for benchmarks that must start cold). The stemmers
    stay the same objects: callers may hold them."""
    for shared in _shared.values():
        shared.forget()


def stemmer(language: str):
    """A stemmer with `stemWord`/`stemWords` for `language`.

    "albanian" (also "sq", "sqi") returns the shared AlbanianStemmer; any
    language Snowball has returns snowballstemmer's stemmer for it.
    """
    lang = language.lower()
    if lang in ("albanian", "sq", "sqi", "shqip"):
        if "albanian" not in _shared:
            _shared["albanian"] = AlbanianStemmer()
        return _shared["albanian"]
    import snowballstemmer  # other languages only: a search in Albanian never imports it

    if lang not in snowballstemmer.algorithms():
        raise KeyError(f"no stemmer for {language!r}; have albanian and {', '.join(snowballstemmer.algorithms())}")
    return snowballstemmer.stemmer(lang)
