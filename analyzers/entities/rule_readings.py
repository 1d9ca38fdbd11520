"""The canonical readings of a name no dictionary has, best first.

:mod:`analyzers.entities.cut` makes a name by rule of what is left of a
run once the dictionaries' names, titles and common words are taken out:
a person's name (its last word declined: Ronald Koemanit -> Ronald
Koeman) or a head-first name (its head declined, the connector agreeing
with it: Republikës së Kosovës -> Republika e Kosovës). Its readings
depend on its words alone, so each name's are worked out once (the memo
is forgotten with the others by :func:`analyzers.entities.extract.clear_caches`,
through cut's import of it).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Final

from analyzers.entities.canonical import connector_for, head_readings, readings
from analyzers.entities.gazetteer_table import Gazetteer
from analyzers.entities.given_names import opens_with_first_name
from analyzers.entities.lexical import adjective_after_head, name_head
from analyzers.entities.memo import word_memo
from analyzers.entities.mentions import CONNECTOR_WORDS
from analyzers.entities.words import ADJECTIVE_END

_BASE = itemgetter(0)  # a reading's base
# lowercase words that join the parts of one institution's name (the seat
# of a court: Gjykata Themelore në Prishtinë)
JOIN_WORDS: Final = frozenset({"për", "dhe", "në"})


@word_memo(32768)
def rule_candidates(words: tuple[str, ...], gaz: Gazetteer) -> tuple[str, ...]:
    """The canonical readings of a name no dictionary has, best first: they
    depend on its words alone, so each is read once."""
    if len(words) == 1:
        word = words[0]
        bases = dict.fromkeys(map(_BASE, readings(word)))  # (in order, once each)
        # a bare name in -i stays bare unless evidence says otherwise:
        # Albanian surnames end in -i (Kurti, Thaçi) far more often than
        # a foreign name is written with the definite -i
        if word.endswith("i") and word in bases:
            del bases[word]
            return (word, *bases)
        return tuple(bases)
    has_connector = not CONNECTOR_WORDS.isdisjoint(words[1:-1])
    first_known = gaz.lookup(words[0])
    first_entry = gaz.entry(first_known[0]) if first_known else None
    person_like = (
        (first_entry is not None and first_entry.role == "first")
        or opens_with_first_name(words, gaz)  # (Mike Sullivan, not Mika)
        or (not has_connector and not name_head(words[0]) and not adjective_after_head(words[1]))
    )
    cands: list[str] = []
    if person_like and not has_connector:
        prefix = " ".join(words[:-1])
        last = words[-1]
        last_readings = list(map(_BASE, readings(last)))
        if last.endswith("i") and last in last_readings:
            last_readings.remove(last)
            last_readings.insert(0, last)
        if last.endswith("en") and last[:-1] in last_readings:
            # a person's name in -e takes -n in the accusative (Zidanen)
            last_readings.remove(last[:-1])
            last_readings.insert(0, last[:-1])
        # a surname the dictionaries know is read as they have it (Ismail
        # Kadare, not Kadara)
        surname_bases = last_readings
        if last in gaz.forms:
            known = [c for c in gaz.lookup(last) if gaz.entries[c].type == "PER" and " " not in c]
            surname_bases = known + [b for b in last_readings if b not in known]
        for base in surname_bases:
            cands.append(f"{prefix} {base}")
    else:
        # head-first: the head in the definite nominative, connectors agreeing
        rest = list(words[1:])
        # the first connector agrees with the head; later ones agree with
        # the genitive before them and stay (Forca e Sigurisë së ...); where
        # a noun stands between (Radio Evropa e Lirë), the connector agrees
        # with it and stays as written. Which one agrees does not depend on
        # the head's reading: found once, not for each reading.
        k = next(k for k, w in enumerate(rest) if w in CONNECTOR_WORDS) if has_connector else None
        if k is not None and not all(ADJECTIVE_END.search(w) for w in rest[:k]):
            k = None
        for head, gender in head_readings(words[0]):
            if k is not None:
                rest[k] = connector_for(gender)
            cand = " ".join([head, *rest])
            if cand not in cands:
                cands.append(cand)
        cands = prefer_head(words, cands)
    return tuple(cands)


def prefer_head(words: Sequence[str], cands: list[str]) -> list[str]:
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
