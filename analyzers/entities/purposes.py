"""Joining an institution's or a law's head to the purposes its name
states after ``për`` (for): ``Organizata për Bashkëpunim dhe Zhvillim
Ekonomik``, ``Ligji për Gjykatën Speciale``. Runs end at a lowercase word,
so these names reach :mod:`analyzers.entities.cut` as several runs; they
are joined here first. So is a basic court's or prosecution's seat after
``në`` (in), part of its official name: ``Gjykata Themelore në Prishtinë``.
"""

from __future__ import annotations

import re
from typing import Final

from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.lexical import common_noun, institution, org_head
from analyzers.entities.mentions import Run, Token, split_acronym
from analyzers.entities.words import LAW_HEAD

# "për" (for) after an institution's head, "dhe" (and) between its purposes
_PURPOSE_GAP: Final = re.compile(r"[ \t\u00a0]+për(?:[ \t\u00a0]+të)?[ \t\u00a0]+")
_AND_GAP: Final = re.compile(r"[ \t\u00a0]+dhe(?:[ \t\u00a0]+të)?[ \t\u00a0]+")
_GAP_WORD_RE: Final = re.compile(r"\S+")


def join_purposes(text: str, runs: list[Run], gaz: Gazetteer) -> list[Run]:
    """Joins an institution's or a law's head to the purposes its name states after
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
        end = run.tokens[-1].end  # (run.end's value, without a property's call for every run)
        if (
            i + 1 < n
            and text.find("për", end, end + 6) != -1
            and (
                any(
                    purposes_head(t.text)
                    for t in (run.tokens[:2] if run.tokens[0].sentence_initial else run.tokens[:1])
                )
                or _known_whole(text, run, runs[i + 1], gaz)
            )
        ):
            tokens = list(run.tokens)
            # a law's title may hold any name (Ligji për Gjykatën Speciale)
            law = any(LAW_HEAD.match(t.text.lower()) for t in run.tokens[:2])
            gap = _PURPOSE_GAP
            j = i + 1
            while j < n:
                nxt = runs[j]
                m = gap.fullmatch(text, tokens[-1].end, nxt.start)
                first = nxt.tokens[0].text
                whole = m is not None and (
                    (law and gap is _PURPOSE_GAP)
                    or bool(gaz.lookup(" ".join([*(t.text for t in tokens), "për", *(t.text for t in nxt.tokens)])))
                )
                if not whole and (
                    not m or split_acronym(first) or not (common_noun(first, gaz) or institution(first, gaz))
                ):
                    break  # (a name the dictionaries know whole is one: Nismës për Kosovën)
                if gap is _AND_GAP and org_head(first):
                    break  # another institution: Aleancës për Ardhmërinë ... dhe Nismës
                assert m is not None
                for w in _GAP_WORD_RE.finditer(text, m.start(), m.end()):
                    tokens.append(Token(w.group(), w.start(), w.end()))
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


def _known_whole(text: str, run: Run, nxt: Run, gaz: Gazetteer) -> bool:
    """Whether the end of a run, ``për`` and the next run are one name the
    dictionaries know, whatever its head (Bashkimi Demokratik për Integrim,
    BDI's name; also after a title in the run: Deputeti i Bashkimit ...)."""
    m = _PURPOSE_GAP.fullmatch(text, run.end, nxt.start)
    if m is None:
        return False
    after = " ".join(
        [*(w.group() for w in _GAP_WORD_RE.finditer(text, m.start(), m.end())), *(t.text for t in nxt.tokens)]
    )
    words = [t.text for t in run.tokens]
    return any(gaz.lookup(" ".join([*words[k:], after])) for k in range(len(words)))


def purposes_head(word: str) -> bool:
    """An institution's or a law's head, which join_purposes joins to the
    purposes after it (and lone_opener keeps a run of for it)."""
    return org_head(word) or LAW_HEAD.match(word.lower())


# A basic court or prosecution office of Kosovo, named with its seat: the
# head, the adjective Themelore (basic), then "në" and the town.
_SEAT_HEAD: Final = re.compile(r"^(?:gjykat|prokurori)")
_SEAT_GAP: Final = re.compile(r"[ \t\u00a0]+në[ \t\u00a0]+")


def join_seats(text: str, runs: list[Run], gaz: Gazetteer) -> list[Run]:
    """Joins a basic court's or prosecution's name to its seat after ``në``,
    which its official name holds (``Gjykata Themelore në Prishtinë``,
    ``Prokurorisë Themelore në Gjilan``: Kosovo's basic courts and
    prosecutions are named so); cut at the lowercase word, the court read as
    one name and the town as a place of its own."""
    if "Themelore" not in text:
        return runs
    out = []
    i, n = 0, len(runs)
    while i < n:
        run = runs[i]
        toks = run.tokens
        if (
            i + 1 < n
            and len(toks) >= 2
            and toks[-1].text == "Themelore"
            and _SEAT_HEAD.match(toks[-2].text.lower())
            and len(runs[i + 1].tokens) == 1
            and _SEAT_GAP.fullmatch(text, run.end, runs[i + 1].start)
            and any(gaz.entries[c].type == "LOC" for c in gaz.lookup(runs[i + 1].tokens[0].text))
        ):
            m = _GAP_WORD_RE.search(text, run.end)
            assert m is not None
            seat = Token(m.group(), m.start(), m.end())
            out.append(Run([*toks, seat, *runs[i + 1].tokens], run.title_before))
            i += 2
            continue
        out.append(run)
        i += 1
    return out
