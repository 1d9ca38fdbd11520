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
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from analyzers.entities import gazetteer
from analyzers.entities.canonical import (
    FEM,
    connector_for,
    head_readings,
    readings,
)
from analyzers.entities.mentions import (
    CONNECTOR_WORDS,
    NAME_PARTICLES,
    TITLE_ADJECTIVES,
    Run,
    Token,
    is_title,
    quoted_in,
    scan,
    split_acronym,
    word_after,
    word_before,
)

TYPES = ("PER", "LOC", "ORG", "MISC")

# Head nouns that make a multi-word name an organisation or a place.
ORG_HEADS = re.compile(
    r"^(?:parti|lidhj|lëvizj|aleanc|nism|list|ministri|kuvend|qeveri|gjykat|prokurori|"
    r"polici|agjenci|bank|universitet|fakultet|komision|këshill|komb|organizat|fond|"
    r"federat|institut|spital|klinik|shoqat|kompani|bashkësi|sindikat|ushtri|forc|"
    r"drejtori|zyr|komun|akademi|gazet|radio|televizion|klub|ambasad|dhom|"
    r"departament|autoritet|inspektorat|qendr[aëe]|oda|odë|administrat|presidenc|"
    r"kryeministri|kishë|kish|xhami|shkoll|koleg|fondacion|lig(?!j)|union|unioni|samit|"
    r"korporat|grup|partneritet|rrjet|shërbim|operacion|misio|kombëtar|asamble|parlament|"
    r"laborator|stacion|teatr|muze|bibliotek|kombëtarja|komitet)",
)
LOC_HEADS = re.compile(
    r"^(?:lindj|perëndim|veri|jug|azi|evrop|europ|afrik|amerik|australi|oqean|"
    r"liqen|ishu|gadishu|rrug|shesh|bulevard|malësi|bregdet|"
    r"republik|mbretëri|emirat|luginë|lugin|"
    # stems of three letters begin many names (Lumir, Malaj, Parker, Gjin,
    # Kepler, Detroit): only the noun's own case forms count
    r"(?:det|mal|lum|park|gji|kep)(?:i|u|it|ut|in|un|et|eve|enj|enjt|enjve|ra|rat|rave|ri|rit|rin)?$)",
)
# Prepositions after which a lone name is a place: në Kinë, drejt Moskës.
LOC_PREPOSITIONS = frozenset({"në", "drejt", "nëpër", "përtej", "brenda", "jashtë", "pranë", "afër"})
# Common nouns that class a name as a place, before it (fshatin Psarades,
# liqenit të Prespës, lumin Lumbardh, zonës Shengen) or in apposition after
# it (Irpinin, një qytet pranë ...): the noun's case forms only.
PLACE_NOUN = re.compile(
    r"^(?:qytet|kryeqytet|fshat|liqen|lum|mal|zon|rajon|krahin|provinc|ishull|lagj|"
    r"komun|bregdet|plazh|qark|shtet|kështjell|port)"
    r"(?:i|u|it|ut|in|un|a|ë|ën|ës|e|et|eve|at|ave|ja|je|jen|jes|enj|enjt|enjve|ra|rat|rave|ve|ët|ëve)?$"
)
_PLACE_APPOSITION = re.compile(r",[ \t\u00a0]+(?:një[ \t\u00a0]+)?(\w+)")
# Common nouns that name what an unquoted name after them is: programi
# Erasmus, çmimet Oscar, festivali DokuFest (a programme, a prize, a work,
# no person): the noun's case forms only.
NAMED_BY = re.compile(
    r"^(?:program|projekt|festival|çmim|film|album|aplikacion|platform|operacion|"
    r"marrëveshj|nism|sistem|softuer|model|seri)"
    r"(?:i|u|it|ut|in|un|a|ë|ën|ës|e|et|eve|at|ave|ja|je|jen|jes|ve|ët|ëve)?$"
)
# Words that coordinate the items of a list: Kiev, Harkiv dhe Odesë.
_COORDINATION = re.compile(r"[ \t\u00a0]*(?:,|,?[ \t\u00a0]+(?:dhe|e|apo|ose))[ \t\u00a0]+")
# A word with a capital after a lowercase letter inside it (BioNTech,
# ChatGPT, DokuFest): a brand, a company, an event; no person's name,
# bar the patronymic prefixes (McDonald, MacArthur, DeSantis, DiCaprio,
# LeBron, O'Brien).
_INNER_CAPITAL = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von)[A-Z])\w*[a-zçë][A-ZÇË]")
# Nouns that name what a quoted phrase is: nisma "Brezi dhe Rruga".
NAMING_NOUN = re.compile(
    r"^(?:nism|projekt|operacion|program|emision|film|libr|këng|portal|festival|"
    r"album|event|kampanj|plan|strategji|marrëveshj|ligj|iniciativ|aksion|"
    r"konkurs|gar|turne|çmim|platform|aplikacion|seri|show)",
)
# Adjectival endings of the word after a head noun (Azia Qendrore,
# Bashkimi Sovjetik, Banka Botërore): evidence for a head-first name.
MISC_HEADS = re.compile(
    r"^(?:lig[aëe]|ligj(?!ës)|kup[aëe]|seri(?!oz)|konvent|kampionat|olimpiad|festival|mundial|"
    r"turne|samit|konferenc|çmim)",
)
# Words of foreign organisation names: clubs, media, companies.
ORG_WORDS = frozenset(
    {
        "city", "united", "fc", "cf", "sc", "ac", "real", "athletic", "atletico", "sporting",
        "news", "sports", "times", "post", "media", "group", "club", "airlines", "bank",
        "inc", "ltd", "tv", "radio", "press", "football", "rovers", "wanderers", "hotspur",
        "journal", "network", "channel", "agency", "corporation", "company", "studios",
        "records", "foundation", "university", "institute", "party", "league", "association",
        "daily", "mail", "herald", "telegraph", "tribune", "today", "sport", "sky", "gazzetta",
    }
)
ADJECTIVE_END = re.compile(r"(?:ore|or|ik|ike|ikë|ar|are|ian|iane|ane|an|ese|eze|ive|ës|al|ale|ës|ërore|uar|uara|me|ëm|isht)$")


def clear_caches() -> None:
    """Forgets every per-word cache and the loaded dictionaries (for
    benchmarks that must start cold, and tests)."""
    from analyzers.entities import canonical, mentions

    for fn in (
        _adjective_compound, _bare_adjective, _org_head,
        _person_form, _weak_name, _name_head, _common_mid_sentence, _institution, _common, _common_noun,
        _curated_people, canonical.readings, mentions.is_title, mentions.split_acronym,
    ):
        fn.cache_clear()
    gazetteer._loaded = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a text: offsets into it, type and canonical form."""

    start: int
    end: int
    text: str
    type: str
    canonical: str

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "canonical": self.canonical,
        }


class Evidence:
    """Counts of names written bare across many texts (a whole index).

    Whether a final -i or -u is a case ending depends on the name: ``Trumpi``
    is ``Trump`` because ``Trump`` is written elsewhere; ``Kurti`` stays,
    since ``Kurt`` never is. An article alone may not say; a corpus does.
    """

    def __init__(self) -> None:
        self.bare: Counter[str] = Counter()

    def add_text(self, text: str) -> None:
        for run in scan(text):
            for tok in run.tokens:
                if tok.is_cap and not tok.sentence_initial:
                    self.bare[tok.text] += 1

    def __contains__(self, word: str) -> bool:
        return self.bare.get(word, 0) > 0


@dataclass(slots=True)
class _Piece:
    """A span being interpreted."""

    start: int
    end: int
    words: list[str]
    candidates: list[str]  # canonical readings, best first
    known: bool = False  # the dictionaries matched the whole span
    type: str | None = None
    title: bool = False
    acronym: bool = False
    sentence_initial: bool = False
    preposition: str = ""
    canonical: str = ""
    tentative: bool = False  # sentence-initial unknown word, to be confirmed
    common_noun: bool = False  # one word whose lemma the lexicon has as a common word
    place_context: bool = False  # a locative preposition or a place noun classes it
    named_by: bool = False  # a noun before it says what it names (programi Erasmus)
    by_default: bool = False  # typed PER for want of any evidence


def extract_entities(text: str, evidence: Evidence | None = None) -> list[Mention]:
    """Mentions of people, places, organisations and other names, in order.

    Each has ``start`` and ``end`` offsets in ``text``, the ``text`` there,
    its ``type`` (PER, LOC, ORG or MISC) and its ``canonical`` form.
    """
    if not unicodedata.is_normalized("NFC", text):
        return _extract_decomposed(text, evidence)
    gaz = gazetteer.load()
    misc = _quoted(text, gaz)
    lowered = _Lowered(text)
    pieces: list[_Piece] = []
    runs = scan(text, keep_whole=lambda w: w in gaz.forms or _adjective_compound(w, gaz))
    for run in _join_purposes(text, runs, gaz):
        pieces.extend(_cut_run(text, run, gaz, misc, lowered))
    for piece in pieces:
        _choose_type_hints(piece, gaz)
    _choose_canonical(pieces, gaz, evidence)
    _resolve_people(pieces, gaz, text)
    _feminine_places(pieces)
    _agree_types(pieces)
    pieces = _drop_common_nouns(pieces, gaz)
    pieces = _confirm(pieces)
    out = [
        Mention(m.start, m.end, text[m.start : m.end], "MISC", m.canonical) for m in misc
    ]
    for piece in pieces:
        if piece.type is None or _in_handle(text, piece.start):
            continue
        out.append(Mention(piece.start, piece.end, text[piece.start : piece.end], piece.type, piece.canonical))
    out.sort(key=lambda m: m.start)
    return out


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


def _extract_decomposed(text: str, evidence: Evidence | None) -> list[Mention]:
    """Extraction from a text with decomposed letters (``e`` + U+0308 for
    ``ë``, as some articles are typed): the composed text is read, so that
    words, connectors and dictionary forms match, and offsets are mapped back
    to the text as given; canonical forms come out composed."""
    composed: list[str] = []
    start_of: list[int] = []  # composed offset -> offset in text
    end_of: list[int] = [0]  # composed end offset -> end offset in text
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1  # a letter and the marks on it compose together
        group = unicodedata.normalize("NFC", text[i:j])
        composed.append(group)
        start_of.extend([i] * len(group))
        end_of.extend([i] * (len(group) - 1) + [j])
        i = j
    out = []
    for m in extract_entities("".join(composed), evidence):
        start, end = start_of[m.start], end_of[m.end]
        out.append(Mention(start, end, text[start:end], m.type, m.canonical))
    return out


# ---------------------------------------------------------------- quoted names


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    canonical: str


class _Lowered:
    """Whether the article writes a word in lowercase too (then the word is a
    common one), asked rarely, so searched for on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        hit = self.cache.get(word)
        if hit is None:
            hit = self.cache[word] = _has_whole_word(self.text, word)
        return hit


def _has_whole_word(text: str, word: str) -> bool:
    """Whether `word` stands in `text` with no word character (``\\w``: a
    letter, digit or underscore) on either side; what
    ``re.search(r"(?<!\\w)" + re.escape(word) + r"(?!\\w)", text)`` says, without
    compiling a pattern for every word asked (each article asks new ones)."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if not (i and _is_word_char(text[i - 1])) and not _is_word_char(text[i + n : i + n + 1]):
            return True
        i = text.find(word, i + 1)
    return False


def _is_word_char(c: str) -> bool:
    """What ``\\w`` matches in a str pattern: str.isalnum() or ``_`` ("" is none)."""
    return c.isalnum() or c == "_"


def _quoted(text: str, gaz) -> list[_Span]:
    """Quoted names (typed MISC), and their repeats without quotes."""
    found: list[_Span] = []
    for q, prev in quoted_in(text):
        words = q.text.split()
        if gaz.lookup(q.text):
            continue  # a known name in quotes is extracted as that name
        content = [w for w in words if w not in CONNECTOR_WORDS and w != "dhe"]
        capitalised = sum(1 for w in content if w[0].isupper())
        if NAMING_NOUN.match(prev) or (len(content) >= 2 and capitalised >= 2):
            found.append(_Span(q.start, q.end, q.text))
    if not found:
        return []
    spans: list[_Span] = []
    # First-seen order, not a set's hash order: two quoted names that match the
    # same span must resolve the same way in every process (PYTHONHASHSEED).
    for name in dict.fromkeys(f.canonical for f in found):
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)", re.IGNORECASE)
        for m in pattern.finditer(text):
            if m.group()[0].isupper():
                spans.append(_Span(m.start(), m.end(), name))
    spans.sort(key=lambda s: s.start)
    return spans


# ---------------------------------------------------------------- cutting runs

# "për" (for) after an institution's head, "dhe" (and) between its purposes
_PURPOSE_GAP = re.compile(r"[ \t\u00a0]+për(?:[ \t\u00a0]+të)?[ \t\u00a0]+")
_AND_GAP = re.compile(r"[ \t\u00a0]+dhe(?:[ \t\u00a0]+të)?[ \t\u00a0]+")
_GAP_WORD_RE = re.compile(r"\S+")
# lowercase words that join the parts of one institution's name
JOIN_WORDS = frozenset({"për", "dhe"})


def _join_purposes(text: str, runs: list, gaz) -> list:
    """Joins an institution's head to the purposes its name states after
    ``për`` (for), themselves joined by ``dhe`` (and), each a common noun
    capitalised: ``Organizata për Bashkëpunim dhe Zhvillim Ekonomik``,
    ``Qendrat për Kontrollin dhe Parandalimin e Sëmundjeve``, ``Agjencia për
    Zhvillim Ndërkombëtar``. Cut at the lowercase word, the purposes read as
    names of their own (Zhvillimi Ekonomik, an organisation; Kontrollin, a
    person). A known name after ``për`` is no purpose (``Qeveria për
    Kosovën``)."""
    if "për" not in text:
        return runs
    out = []
    i, n = 0, len(runs)
    while i < n:
        run = runs[i]
        # the head opens the run, or follows the word opening a sentence
        # (Sot Organizata për ...), not a name before it (Tsikhanouskaya Komisionit)
        if (
            i + 1 < n
            and text.find("për", run.end, run.end + 6) != -1
            and any(_org_head(t.text) for t in (run.tokens[:2] if run.tokens[0].sentence_initial else run.tokens[:1]))
        ):
            tokens = list(run.tokens)
            gap = _PURPOSE_GAP
            j = i + 1
            while j < n:
                nxt = runs[j]
                m = gap.fullmatch(text, tokens[-1].end, nxt.start)
                first = nxt.tokens[0].text
                if not m or split_acronym(first) or not (_common_noun(first, gaz) or _institution(first, gaz)):
                    break
                if gap is _AND_GAP and _org_head(first):
                    break  # another institution: Aleancës për Ardhmërinë ... dhe Nismës
                for w in _GAP_WORD_RE.finditer(text, m.start(), m.end()):
                    tokens.append(Token(w.group(), w.start(), w.end(), "w"))
                tokens.extend(nxt.tokens)
                gap = _AND_GAP
                j += 1
            if j > i + 1:
                out.append(Run(tokens, run.title_before))
                i = j
                continue
        out.append(run)
        i += 1
    return out



def _cut_run(text: str, run, gaz, misc: list[_Span], lowered) -> list[_Piece]:
    if not misc:
        return _cut_group(text, run.tokens, run.title_before, gaz, lowered)
    toks = [t for t in run.tokens if not any(s.start <= t.start < s.end for s in misc)]
    if len(toks) != len(run.tokens):
        # a quoted name splits the run; the rest is cut as separate runs
        groups, cur = [], []
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
    out: list[_Piece] = []
    for group in groups:
        out.extend(_cut_group(text, group, run.title_before, gaz, lowered))
    return out


def _surface(text: str, toks: list[Token]) -> str:
    return " ".join(t.text for t in toks)


def _cut_group(text, toks: list[Token], title_before, gaz, lowered) -> list[_Piece]:
    out: list[_Piece] = []
    i, n = 0, len(toks)
    if n == 1:
        tok = toks[0]
        word = tok.text
        if "." not in word and not split_acronym(word):
            return _cut_word(text, tok, title_before, gaz)
    title = title_before
    while i < n:
        # strip connectors left at the edge of a cut
        if toks[i].text in CONNECTOR_WORDS or toks[i].text in NAME_PARTICLES or toks[i].text in JOIN_WORDS:
            i += 1
            continue
        tok = toks[i]
        if len(tok.text) == 1 and i + 1 < n and toks[i + 1].text in CONNECTOR_WORDS:
            i += 1  # a label, no name's head: grupit A të Kampionatit Evropian
            continue
        # an acronym is always a name of its own
        acr = split_acronym(tok.text)
        if acr:
            name, _ending = acr
            i += 1
            if name in gaz.not_names:
                continue
            if not gaz.lookup(name) and (name.lower() in gaz.common or _in_caps_stretch(text, tok)):
                continue  # a word of a headline in capitals: TË SHËRUAR DHE
            out.append(_acronym_piece(tok, name, gaz))
            continue
        if "." in tok.text:  # a capitalised web address: a news outlet
            piece = _Piece(tok.start, tok.end, [tok.text], [tok.text], known=True, type="ORG")
            piece.canonical = tok.text
            piece.acronym = True  # as written, no case endings to undo
            out.append(piece)
            i += 1
            continue
        # the longest dictionary name starting here
        match = None
        for j in range(min(n, i + 7), i, -1):
            if toks[j - 1].text in CONNECTOR_WORDS or split_acronym(toks[j - 1].text):
                continue
            surface = _surface(text, toks[i:j])
            cands = gaz.lookup(surface)
            if cands:
                match = (j, cands)
                break
        if (
            match
            and match[0] == i + 1
            and i + 1 < n
            and toks[i + 1].is_cap
            and not split_acronym(toks[i + 1].text)
            and any(gaz.entry(c).type in ("PER", None) for c in match[1])
        ):
            match = None  # Ronald Koeman, Shaban Shabani: a longer name by rule
        if match and match[0] == i + 1 and tok.sentence_initial and _weak_name(tok.text, gaz) and _common(tok.text, gaz):
            match = None  # "Mali", "Drita" opening a sentence: a common word
            i += 1
            continue
        if match:
            j, cands = match
            piece = _Piece(tok.start, toks[j - 1].end, [t.text for t in toks[i:j]], list(cands), known=True)
            piece.title = title
            out.append(piece)
            i = j
            continue
        # a title opens the run: Sekretari i Përgjithshëm ...
        if is_title(tok.text) or (out == [] and tok.text.lower() in TITLE_ADJECTIVES and title):
            title = True
            i += 1
            continue
        if tok.text.lower() in TITLE_ADJECTIVES and title:
            i += 1
            continue
        if _bare_adjective(tok.text, gaz) and (i + 1 == n or toks[i + 1].text in CONNECTOR_WORDS):
            # an adjective follows its noun in Albanian, so one opening a run
            # belongs to a noun outside it (Panairi i 21-të Ndërkombëtar i
            # Librit): no name's head, nor is a genitive after it that no
            # dictionary knows (i Librit: the book of the fair)
            i += 1
            while i < n and toks[i].text in CONNECTOR_WORDS:
                i += 1
            if i < n and not gaz.lookup(toks[i].text) and not split_acronym(toks[i].text):
                i += 1
            continue
        # the rest of the run, up to the next acronym or dictionary name
        j = i + 1
        while j < n and not split_acronym(toks[j].text):
            if toks[j].text not in CONNECTOR_WORDS and _known_from(text, toks, j, n, gaz):
                break
            j += 1
        while j > i + 1 and (toks[j - 1].text in CONNECTOR_WORDS or toks[j - 1].text in JOIN_WORDS):
            j -= 1
        group = toks[i:j]
        tentative = False
        if tok.sentence_initial and not gaz.lookup(tok.text):
            # a sentence-initial capital says nothing by itself: keep the
            # word only if what follows joins it into a name through a
            # connector, or, tentatively, if it is no common word (the rest
            # of the article must then name it too, see _confirm)
            if (
                len(group) > 2
                and (group[1].text in CONNECTOR_WORDS or group[1].text in JOIN_WORDS)
                and _name_head(tok.text)
                and not _person_form(group[2].text, gaz)
            ):
                pass  # Republika e Kosovës; but not Qeveria e Kurtit
            elif (
                len(group) > 1
                and (_name_head(tok.text) or MISC_HEADS.match(tok.text.lower()))
                and ADJECTIVE_END.search(group[1].text.lower())
                and not _person_form(group[1].text, gaz)
            ):
                pass  # an institution and its capitalised adjective: Prokuroria Themelore
            elif _common(tok.text, gaz):
                i += 1
                continue
            elif len(group) > 1 and group[1].text not in CONNECTOR_WORDS and tok.text.lower() not in lowered:
                pass  # Raheem Sterling opening a sentence (but not "Tha Kurti")
            else:
                tentative = True
                group = group[:1]
                j = i + 1
        elif tok.sentence_initial and len(group) == 1 and _weak_name(tok.text, gaz) and _common(tok.text, gaz):
            i += 1
            continue
        before = word_before(text, tok.start)
        if len(group) == 1 and (
            len(tok.text) == 1
            or tok.text in NOT_NAMES
            or gaz.is_not_name(tok.text)
            or (
                _common_mid_sentence(tok.text, gaz)
                and (not title or before in CONNECTOR_WORDS)  # kryetari i Komunës
                and before not in SPEECH_VERBS
            )
        ):
            # "kategorinë A", "Covid", "Kushtetutën": a capital on a common
            # word marks an institution or emphasis, not a name
            i += 1
            continue
        if (
            len(group) > 1
            and group[1].text not in CONNECTOR_WORDS
            and _institution(tok.text, gaz)
            and _person_form(group[-1].text, gaz)
        ):
            i += 1  # "Administratës Trump": the common word is no part of the name
            continue
        piece = _rule_piece(group, gaz)
        piece.common_noun = len(group) == 1 and _common_noun(tok.text, gaz)
        piece.tentative = tentative
        piece.title = title
        piece.sentence_initial = tok.sentence_initial
        _set_context(piece, text, before)
        if before in SPEECH_VERBS and len(group) == 1:
            piece.title = True  # "tha Morina": whoever speaks is a person
        out.append(piece)
        title = False
        i = j
    return out


def _cut_word(text: str, tok: Token, title, gaz) -> list[_Piece]:
    """_cut_group for the usual run, one word that is no acronym or web
    address: the same rules, in the same order, without the loop."""
    word = tok.text
    cands = gaz.forms.get(word)
    if cands:
        if tok.sentence_initial and _weak_name(word, gaz) and _common(word, gaz):
            return []  # "Mali", "Drita" opening a sentence: a common word
        piece = _Piece(tok.start, tok.end, [word], list(cands), known=True)
        piece.title = title
        return [piece]
    if is_title(word) or (word.lower() in TITLE_ADJECTIVES and title):
        return []
    if "-" in word and _adjective_compound(word, gaz) and not any(
        gaz.entry(c).type == "LOC" for c in gaz.lookup(word.split("-")[0])
    ):
        return []  # an adjective alone (integrimit Euro-Atlantik), no name's head
    tentative = False
    if tok.sentence_initial:
        if _common(word, gaz):
            return []
        tentative = True
    before = word_before(text, tok.start)
    if (
        len(word) == 1
        or word in NOT_NAMES
        or gaz.is_not_name(word)
        or (
            _common_mid_sentence(word, gaz)
            and (before in CONNECTOR_WORDS or not title)
            and before not in SPEECH_VERBS
        )
    ):
        return []
    piece = _rule_piece([tok], gaz)
    piece.common_noun = _common_noun(word, gaz)
    piece.tentative = tentative
    piece.title = title
    piece.sentence_initial = tok.sentence_initial
    _set_context(piece, text, before)
    if before in SPEECH_VERBS:
        piece.title = True  # "tha Morina": whoever speaks is a person
    return [piece]


def _set_context(piece: _Piece, text: str, before: str) -> None:
    """What the words around a name say of it: a locative preposition
    (``në``, ``drejt``, ``pranë`` ...), ``nga X deri`` (from X to), a place
    noun before it, alone or with a genitive article (``fshatin Psarades``,
    ``liqenit të Prespës``), or in apposition after it (``Irpinin, një qytet
    ...``) make it a place; a naming noun before it (``programi Erasmus``)
    makes it the name of a thing."""
    piece.preposition = before
    if not before:
        pass
    elif before in LOC_PREPOSITIONS or PLACE_NOUN.match(before):
        piece.place_context = True
        return
    elif before in CONNECTOR_WORDS:
        # the noun before the genitive article: liqenit të Prespës
        k = piece.start
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        if PLACE_NOUN.match(word_before(text, k - len(before))):
            piece.place_context = True
            return
    elif before == "nga" and word_after(text, piece.end) == "deri":
        piece.place_context = True
        return
    if text.startswith(",", piece.end):
        m = _PLACE_APPOSITION.match(text, piece.end)
        if m and PLACE_NOUN.match(m.group(1).lower()):
            piece.place_context = True
            return
    piece.named_by = bool(before) and bool(NAMED_BY.match(before))


def _known_from(text, toks, j, n, gaz) -> bool:
    """Whether a multi-word dictionary name starts at toks[j]."""
    for k in range(min(n, j + 7), j + 1, -1):
        if k - j >= 2 and gaz.lookup(_surface(text, toks[j:k])):
            return True
    return False


def _in_caps_stretch(text: str, tok: Token) -> bool:
    """A word of a stretch written in capitals (a headline), not an acronym."""
    for word in (word_before(text, tok.start, lower=False), word_after(text, tok.end)):
        if len(word) > 1 and word.isupper():
            return True
    return False


@lru_cache(maxsize=32768)
def _adjective_compound(word: str, gaz) -> bool:
    """A hyphenated word whose later parts are adjectives of the lexicon
    (``Azi-Paqësor``, ``Euro-Atlantik``): one name, not two (``Izrael-Hamas``)."""
    parts = word.split("-")
    return all(p.lower() in gaz.common_adjectives and not gaz.lookup(p) for p in parts[1:])


@lru_cache(maxsize=32768)
def _person_form(word: str, gaz) -> bool:
    return any(gaz.entry(c).type == "PER" for c in gaz.lookup(word))


@lru_cache(maxsize=32768)
def _bare_adjective(word: str, gaz) -> bool:
    """An adjective of the lexicon as written (Ndërkombëtar, Jashtëm), that
    no dictionary has as a name nor the lexicon as a noun."""
    low = word.lower()
    return low in gaz.common_adjectives and low not in gaz.common_nouns and not gaz.lookup(word)


@lru_cache(maxsize=32768)
def _weak_name(word: str, gaz) -> bool:
    """Known only as a first name or a proper noun of unknown type, which a
    capital at a sentence's start does not make a name (Drita, Besa, Mali)."""
    for c in gaz.lookup(word):
        entry = gaz.entry(c)
        if entry.type in ("LOC", "ORG") or (entry.type == "PER" and entry.role != "first"):
            return False
    return True


@lru_cache(maxsize=32768)
def _org_head(word: str) -> bool:
    return bool(ORG_HEADS.match(word.lower()))


@lru_cache(maxsize=32768)
def _name_head(word: str) -> bool:
    low = word.lower()
    return bool(ORG_HEADS.match(low) or LOC_HEADS.match(low))


# English month and day names (dates of embedded posts): no names.
NOT_NAMES = frozenset(
    """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec January February March
    April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
# Verbs of saying after which a lone name is the speaker: tha Morina.
SPEECH_VERBS = frozenset(
    """tha thotë thanë deklaroi shtoi theksoi tregoi nënvizoi pohoi kërkoi
    vlerësoi thënë deklaruar shkruar theksuar shtuar treguar sipas""".split()
)
# Endings that can only be case endings of a name; a name that ends
# otherwise may be written bare (Putin, Kurti, Lucas, Olsen).
# -jt / -jn: a stem in -j takes the bare -t / -n (Haradinajt, Molliqajn).
CLEAR_CASE_ENDINGS = ("ës", "ën", "isë", "inë", "së", "në", "it", "ut", "un", "eve", "ve", "yt", "yn", "ët", "ë", "jt", "jn")


# Frequent verb forms and particles that open sentences; the lexicon lists
# lemmas (them "say"), not these forms (tha "said").
SENTENCE_OPENERS = frozenset(
    """tha thotë thanë thonë deklaroi shtoi theksoi tregoi njoftoi kërkoi vlerësoi
    ka kanë kishte kishin është janë ishte ishin u do mund duhet pati kemi kam
    s’ka s'ka nuk mos siç sipas ja kjo ky këto këta kur nëse edhe pra por dhe
    pastaj megjithatë ndërkaq ndërsa gjithashtu tani sot dje""".split()
)


@lru_cache(maxsize=32768)
def _common_mid_sentence(word: str, gaz) -> bool:
    """A capitalised word mid-sentence that is a common word all the same: the
    word itself is one, or it is a case form of a feminine common noun
    (Kushtetutën, Qeverisë, Komunat: institutions capitalised for respect)."""
    for c in gaz.lookup(word):
        entry = gaz.entry(c)
        if entry.type in ("LOC", "ORG") or (entry.type == "PER" and entry.role != "first"):
            return False
    low = word.lower()
    if low in gaz.common or _plural_of_common_noun(low, gaz):
        return True
    # the plural of a feminine noun in -ë: komunat, komunave (komuna)
    for ending in ("at", "ave"):
        if low.endswith(ending) and low[: -len(ending)] + "a" in gaz.common_feminine:
            return True
    return any(g == FEM and base.lower() in gaz.common_feminine for base, g in readings(word)[:3])


# Plural endings of Albanian nouns, with the ends of the singulars that take
# them: -e/-et/-eve after -im and -ues (urime, mendimet, punuesve), -ë/-ët/
# -ëve after -ar, -tor and -ist (lojtarë, autorët, gazetarëve), -ra/-rat/
# -rave after -ë (lojëra, lojërat, ujërave; not Kundera, Petra). The lexicon
# lists singulars.
_PLURALS = (
    ("rave", "ë"), ("rat", "ë"), ("ra", "ë"),
    ("eve", "im|ues"), ("et", "im|ues"), ("e", "im|ues"),
    ("ëve", "ar|tor|ist"), ("ët", "ar|tor|ist"), ("ë", "ar|tor|ist"),
)


def _plural_of_common_noun(low: str, gaz) -> bool:
    """A plural form of a noun the lexicon lists (Urime: urim, Lojërat: lojë)."""
    for ending, stems in _PLURALS:
        if low.endswith(ending):
            stem = low[: -len(ending)]
            if len(stem) >= 3 and stem in gaz.common_nouns and stem.endswith(tuple(stems.split("|"))):
                return True
    return False


@lru_cache(maxsize=32768)
def _institution(word: str, gaz) -> bool:
    """A case form of a feminine common noun (Administratës, Qeverisë)."""
    if gaz.lookup(word):
        return False
    return any(g == FEM and base.lower() in gaz.common_feminine for base, g in readings(word)[:3])


@lru_cache(maxsize=32768)
def _common_noun(word: str, gaz) -> bool:
    """A capitalised word no dictionary knows as a name, which may be a case
    form of a noun the lexicon lists in lowercase (Korrupsionit -> korrupsion)."""
    if gaz.lookup(word):
        return False
    if word.lower() in gaz.common_nouns:
        return True
    return any(base.lower() in gaz.common_nouns for base, _g in readings(word)[:4])


@lru_cache(maxsize=32768)
def _common(word: str, gaz) -> bool:
    """A capitalised word that is a common Albanian word in some case form."""
    low = word.lower()
    if low in gaz.common or low in SENTENCE_OPENERS or re.match(r"^\w['’]", low):
        return True
    if _plural_of_common_noun(low, gaz):
        return True
    return any(base.lower() in gaz.common for base, _g in readings(word)[:4])


def _acronym_piece(tok: Token, name: str, gaz) -> _Piece:
    piece = _Piece(tok.start, tok.end, [name], [name], known=bool(gaz.lookup(name)), acronym=True)
    piece.canonical = name
    return piece


def _rule_piece(group: list[Token], gaz) -> _Piece:
    words = [t.text for t in group]
    start, end = group[0].start, group[-1].end
    if len(words) == 1:
        cands = []
        for base, _gender in readings(words[0]):
            if base not in cands:
                cands.append(base)
        # a bare name in -i stays bare unless evidence says otherwise:
        # Albanian surnames end in -i (Kurti, Thaçi) far more often than
        # a foreign name is written with the definite -i
        if words[0].endswith("i") and words[0] in cands:
            cands.remove(words[0])
            cands.insert(0, words[0])
        return _Piece(start, end, words, cands)
    has_connector = any(w in CONNECTOR_WORDS for w in words[1:-1])
    first_known = gaz.lookup(words[0])
    first_entry = gaz.entry(first_known[0]) if first_known else None
    person_like = (first_entry is not None and first_entry.role == "first") or (
        not has_connector and not _name_head(words[0]) and not _adjective_after_head(words[1])
    )
    cands: list[str] = []
    if person_like and not has_connector:
        prefix = " ".join(words[:-1])
        last = words[-1]
        last_readings = [b for b, _g in readings(last)]
        if last.endswith("i") and last in last_readings:
            last_readings.remove(last)
            last_readings.insert(0, last)
        if last.endswith("en") and last[:-1] in last_readings:
            # a person's name in -e takes -n in the accusative (Zidanen)
            last_readings.remove(last[:-1])
            last_readings.insert(0, last[:-1])
        # a surname the dictionaries know is read as they have it (Ismail
        # Kadare, not Kadara)
        known = [c for c in gaz.lookup(last) if gaz.entry(c).type == "PER" and " " not in c]
        for base in known + [b for b in last_readings if b not in known]:
            cands.append(f"{prefix} {base}")
    else:
        # head-first: the head in the definite nominative, connectors agreeing
        for head, gender in head_readings(words[0]):
            rest = list(words[1:])
            if has_connector:
                # the first connector agrees with the head; later ones agree
                # with the genitive before them and stay (Forca e Sigurisë së ...)
                k = next(k for k, w in enumerate(rest) if w in CONNECTOR_WORDS)
                if all(ADJECTIVE_END.search(w) for w in rest[:k]):
                    rest[k] = connector_for(gender)
                # else a noun stands between (Radio Evropa e Lirë): the
                # connector agrees with it and stays as written
            cand = " ".join([head, *rest])
            if cand not in cands:
                cands.append(cand)
        cands = _prefer_head(words, cands)
    return _Piece(start, end, words, cands)


def _adjective_after_head(word: str) -> bool:
    """Whether the word after a capitalised word reads as an adjective
    (Komiteti Teknik, Banka Qendrore); a genitive or accusative in -ës/-ën is
    a feminine noun's case, no adjective (Driton Kukës, Klaus Gjasulës)."""
    return bool(ADJECTIVE_END.search(word)) and not word.endswith(("ës", "ën"))


def _prefer_head(words: list[str], cands: list[str]) -> list[str]:
    """Order head readings by what the words after the head say.

    A connector ``e`` / ``së`` or an adjective in -e after the head marks a
    feminine or plural head (Lindje të Mesme -> Lindja e Mesme); ``i`` marks a
    masculine one.
    """
    second = words[1]
    if second in JOIN_WORDS:
        # Qendrat për ...: a head in the definite nominative stays as written
        # (a plural in -at, which a masculine reading would make Qendrati)
        written = [c for c in cands if c.split()[0] == words[0]]
        if written and words[0].endswith(("a", "at", "et", "ët", "i", "u")):
            return written + [c for c in cands if c not in written]
        return cands
    feminine = second in ("e", "së") or (second[0].isupper() and second.endswith(("e", "a")))
    if feminine and words[0].endswith("itë") and len(words[0]) > 6:
        # Ministritë e Arsimit: the plural of a noun in -i (ministri), not a
        # singular in -ë (only short ones end in -itë: dritë, ditë)
        written = [c for c in cands if c.split()[0] == words[0] and c.split()[1:2] == ["e"]]
        return written + [c for c in cands if c not in written]
    if feminine:
        fem = [c for c in cands if c.split()[0].endswith(("a", "et", "t"))]
        return fem + [c for c in cands if c not in fem]
    return cands


# ---------------------------------------------------------------- typing


def _entry_type(canonical: str, gaz) -> str | None:
    entry = gaz.entry(canonical)
    return entry.type if entry else None


def _choose_type_hints(piece: _Piece, gaz) -> None:
    """Types from the span alone; the article's evidence comes later."""
    if piece.acronym:
        piece.type = _entry_type(piece.canonical, gaz) or "ORG"
        return
    for cand in piece.candidates if piece.known else ():
        t = _entry_type(cand, gaz)
        if t:
            piece.type = t
            return


def _type_by_rule(piece: _Piece, gaz) -> str | None:
    canonical = piece.canonical
    words = canonical.split()
    t = _entry_type(canonical, gaz)
    if t and not (t == "PER" and gaz.entry(canonical).role == "first" and len(words) == 1 and not piece.title):
        return t
    low = words[0].lower()
    if len(words) > 1 and words[0] == "The":
        return "ORG"  # an English article: The Boston Globe, The Guardian; no person's name
    if len(words) > 1:
        first = gaz.lookup(words[0])
        if first and gaz.entry(first[0]).role == "first" and words[1] not in CONNECTOR_WORDS:
            return "PER"
        if any(w.lower() in ORG_WORDS for w in words):
            return "ORG"
        if MISC_HEADS.match(low):
            return "MISC"
        if ORG_HEADS.match(low):
            return "ORG"
        if LOC_HEADS.match(low):
            return "LOC"
        if _common_noun_phrase(piece.words, gaz):
            return "ORG"
    if piece.title and not (len(words) == 1 and piece.place_context and piece.preposition not in SPEECH_VERBS):
        return "PER"
    if len(piece.words) == 1 and _substantivised_adjective(piece.words[0], gaz):
        return "ORG"
    if len(words) > 1:
        first = gaz.lookup(words[0])
        if first and any(gaz.entry(c).role == "first" for c in first):
            return "PER"
        last = gaz.lookup(words[-1])
        if last and any(gaz.entry(c).role == "surname" for c in last) and words[1] not in CONNECTOR_WORDS:
            return "PER"
        low = words[0].lower()
        if ORG_HEADS.match(low):
            return "ORG"
        if LOC_HEADS.match(low):
            return "LOC"
        if (
            len(piece.words) > 2
            and piece.words[1] in CONNECTOR_WORDS
            and _place_of_place(piece.words[0], piece.words[2], gaz)
            and _place_of_place(words[0], piece.words[2], gaz)  # the head as written and as nominative
        ):
            return "LOC"  # Oslo i Norvegjisë: a place of a place
        if any(w in CONNECTOR_WORDS for w in words):
            return "ORG"
        if piece.place_context:
            return "LOC"  # në Rio de Janeiro, pranë San Franciskos
        if piece.named_by:
            return "MISC"
        piece.by_default = True
        return "PER"
    if piece.place_context:
        return "LOC"
    if piece.named_by:
        return "MISC"  # programi Erasmus, çmimet Oscar
    if _INNER_CAPITAL.match(words[0]):
        return "ORG"  # BioNTech, ChatGPT, DokuFest: a brand, no person
    if any(c.isdigit() for c in words[0]):
        return "MISC"  # a code, a model, a category: U21, A1, iPhone12
    piece.by_default = True
    return "PER"


# ---------------------------------------------------------------- canonical


def _choose_canonical(pieces: list[_Piece], gaz, evidence: Evidence | None) -> None:
    """Pick each piece's reading with the article's (and index's) evidence."""
    votes: Counter[str] = Counter()
    written: Counter[str] = Counter()
    bare: list[bool] = []
    for p in pieces:
        for c in set(p.candidates):  # Counter.update costs more per call
            votes[c] += 1
        b = _may_be_bare(p)
        bare.append(b)
        if b:
            written[" ".join(p.words)] += 1
    for p, b in zip(pieces, bare):
        if p.acronym:
            continue
        if len(p.candidates) == 1:
            p.canonical = p.candidates[0]
            continue
        surface = " ".join(p.words)
        best, best_score = None, None
        for rank, c in enumerate(p.candidates):
            # a reading written as such elsewhere in the article
            own = c == surface and b
            score = votes[c] + 0.5 * (written[c] - own) - rank * 0.01
            if own:
                score += 0.5  # with no other evidence, a name is as written
            if gaz.entry(c) is not None:
                score += 3.0
            if evidence is not None and c in evidence:
                score += 1.0
            if best_score is None or score > best_score:
                best, best_score = c, score
        p.canonical = best or " ".join(p.words)


def _may_be_bare(p: _Piece) -> bool:
    """Whether the span, as written, can be a canonical name: its declining
    word (the last of a person's name, the only one of a one-word name) ends
    in no unambiguous case ending."""
    if len(p.words) > 1 and p.words[1] in CONNECTOR_WORDS:
        return False  # head-first names are canonical with a definite head
    if len(p.words) > 1 and (
        _name_head(p.words[0]) or MISC_HEADS.match(p.words[0].lower()) or _adjective_after_head(p.words[1])
    ):
        return False
    return not p.words[-1].endswith(CLEAR_CASE_ENDINGS)


def _coordinate(pieces: list[_Piece], text: str, gaz) -> None:
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
    chain: list[_Piece] = []
    joins: list[str] = []
    for p in pieces + [None]:
        if p is not None and chain and not p.acronym:
            m = _COORDINATION.fullmatch(text, chain[-1].end, p.start)
            if m:
                chain.append(p)
                joins.append(m.group())
                continue
        if len(chain) > 2:
            weak = [
                q
                for q in chain
                if len(q.words) == 1 and _weak_person(q, gaz) and word_after(text, q.end) not in SPEECH_VERBS
            ]
            places = sum(1 for q in chain if q.type == "LOC")
            people = sum(1 for q in chain if q.type == "PER" and q not in weak)
            if weak and places and not people:
                for q in weak:
                    q.type = "LOC"
                    q.by_default = False
        chain = [p] if p is not None and not p.acronym else []
        joins = []


def _weak_person(p: _Piece, gaz) -> bool:
    """Typed a person by default, or as a lone first name with no title."""
    if p.type != "PER" or p.title:
        return False
    if p.by_default:
        return True
    return (
        p.known
        and len(p.words) == 1
        and all(e.role == "first" for e in (gaz.entry(c) for c in p.candidates) if e is not None)
    )


def _resolve_people(pieces: list[_Piece], gaz, text: str = "") -> None:
    """Short mentions of people to the full name in the article, then type."""
    for p in pieces:
        if p.type is None:
            p.type = _type_by_rule(p, gaz)
    if text:
        _coordinate(pieces, text, gaz)
    full = [p.canonical for p in pieces if p.type == "PER" and len(p.canonical.split()) > 1]
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for name in full:
        words = name.split()
        if any(w in CONNECTOR_WORDS for w in words):
            continue
        by_last.setdefault(words[-1], set()).add(name)
        by_first.setdefault(words[0], set()).add(name)
    curated = _curated_people()
    for p in pieces:
        if p.acronym:
            continue
        if " " in p.canonical:
            # "Lopez Obrador" after "Andres Manuel Lopez Obrador"
            tail = " " + " ".join(p.words)
            longer = {name for name in full if name.endswith(tail)} if len(p.words) > 1 else ()
            if len(longer) == 1:
                p.canonical, p.type = next(iter(longer)), "PER"
            continue
        if not by_last and p.type != "PER":
            continue  # nothing in the article or the curated list to resolve to
        keys = [p.canonical] + [b for b, _g in readings(p.words[0])] if len(p.words) == 1 else [p.canonical]
        target = None
        # the article's own full names beat the dictionaries (Shala the
        # surname of Jakup Shala, not the region)
        for key in keys:
            if len(by_last.get(key, ())) == 1:
                target = next(iter(by_last[key]))
                break
        if target is None and p.type not in ("PER", None) and not _resolvable(p, gaz):
            continue
        if target is None:
            for key in keys:
                if len(by_first.get(key, ())) == 1:
                    target = next(iter(by_first[key]))
                    break
        if target is None and p.type == "PER":
            for key in keys:
                if key in curated:
                    target = curated[key]
                    break
        if target:
            p.canonical = target
            p.type = "PER"


def _feminine_places(pieces: list[_Piece]) -> None:
    """A place no dictionary knows, written in -ë, is a feminine name in the
    indefinite (Odesë, Plavë, Thumanë -> Odesa, Plava, Thumana), not the
    -së/-në case of a name in a vowel (Kanadasë): Albanian place names in -ë
    are feminine."""
    for p in pieces:
        if p.type == "LOC" and not p.known and len(p.words) == 1 and p.words[0].endswith("ë"):
            fem = p.words[0][:-1] + "a"
            if fem in p.candidates:
                p.canonical = fem


def _agree_types(pieces: list[_Piece]) -> None:
    """One entity, one type in an article: the dictionaries' type if a
    mention was found there, else the most frequent one (Masaçusets, typed
    PER by default where it opens a clause, LOC after "në")."""
    by_name: dict[str, list[_Piece]] = {}
    for p in pieces:
        if not p.acronym:
            by_name.setdefault(p.canonical, []).append(p)
    for group in by_name.values():
        if len(group) < 2 or len({p.type for p in group}) == 1:
            continue
        known = [p.type for p in group if p.known and p.type]
        winner = known[0] if known else Counter(p.type for p in group).most_common(1)[0][0]
        if not known and Counter(p.type for p in group)[winner] * 2 <= len(group):
            # a tie: a place is named after a preposition, a person rarely
            winner = "LOC" if any(p.type == "LOC" for p in group) else winner
        for p in group:
            p.type = winner


def _drop_common_nouns(pieces: list[_Piece], gaz) -> list[_Piece]:
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
            and p.type == "PER"
            and (p.canonical.lower() in gaz.common_nouns or p.canonical in p.candidates)
            and (not p.title or p.preposition in CONNECTOR_WORDS)
        )
    ]


def _confirm(pieces: list[_Piece]) -> list[_Piece]:
    """Keeps a sentence-initial unknown word only if the article names the
    same entity elsewhere in a position where the capital means a name."""
    confirmed = {p.canonical for p in pieces if not p.tentative}
    return [p for p in pieces if not p.tentative or p.canonical in confirmed]


def _common_noun_phrase(words: list[str], gaz) -> bool:
    """A common noun no dictionary has as a name, then only adjectives, all
    capitalised: the name of an institution (Komiteti Teknik, Zhvillim
    Ndërkombëtar of an agency's name), no person; people's names do not
    open with a common noun the lexicon knows."""
    head = words[0]
    if gaz.lookup(head):
        return False
    if head.lower() not in gaz.common_nouns and not any(
        base.lower() in gaz.common_nouns for base, _g in readings(head)[:4]
    ):
        return False
    return all(ADJECTIVE_END.search(w) for w in words[1:])


def _substantivised_adjective(word: str, gaz) -> bool:
    """The feminine definite (-ja) of an adjective of the lexicon, standing
    for the noun it qualifies: Kushtetuesja (Gjykata Kushtetuese),
    Specialja; such a name is an institution's, never a person's."""
    low = word.lower()
    if not low.endswith("ja") or gaz.lookup(word):
        return False
    stem = low[:-2]
    return stem in gaz.common_adjectives or stem + "e" in gaz.common_adjectives


def _place_of_place(head: str, genitive: str, gaz) -> bool:
    """``X i/e Y``: the head is a known place, or a proper noun that is no
    common word followed by the genitive of a known place (a city of a
    country: Oslo të Norvegjisë)."""
    if _entry_type(head, gaz) == "LOC":
        return True
    if gaz.lookup(head) or _common(head, gaz) or not head.isalpha() or ADJECTIVE_END.search(head):
        return False  # a common word, a code (U21), an adjective (Themelore e Prishtinës)
    return any(gaz.entry(c).type == "LOC" for c in gaz.lookup(genitive))


def _resolvable(p: _Piece, gaz) -> bool:
    """An unknown single word, or one whose dictionary type is PER."""
    return not p.known or p.type == "PER"


@lru_cache(maxsize=1)
def _curated_people() -> dict[str, str]:
    """Surname -> full name, for the well-known people of the curated list
    whose surname no other of them shares."""
    gaz = gazetteer.load()
    seen: dict[str, list[str]] = {}
    for entry in gaz.entries.values():
        if entry.type != "PER" or " " not in entry.canonical:
            continue
        if not any(s.startswith("curated:") for s in entry.sources):
            continue
        seen.setdefault(entry.canonical.split()[-1], []).append(entry.canonical)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}
