"""The stem table's cached form: packed for a quick load, read back the same."""

import marshal

from analyzers.lexicon import TABLE_FORMAT, StemTable, _cache_path, _superseded, pack


def test_a_packed_table_reads_back_entry_for_entry():
    lemmas = ["kinë", "vit", "çmim"]
    paradigms = [{"": (1, 0), "ës": (1, 0)}, {"i": (3, 0)}]
    folded_paradigms = [{"": (1, 0), "es": (1, 0)}, {"i": (3, 0)}]
    stems = {
        "kin": (pack(0, 0, 1, 0, 0, "PROPN"),),
        "vit": (pack(1, 1, 3, 0, 0, "NOUN"), pack(1, 0, 1, 1, 0, "NOUN")),
        "çmim": (pack(2, 1, 1, 0, 1, "NOUN"),),
        "v": (pack(1, 0, 2, 0, 0, "NOUN"),),  # one letter: a bucket of its own
    }
    folded_stems = {"cmim": ("çmim",)}
    table = StemTable(
        marshal.loads(marshal.dumps(StemTable.pack((lemmas, paradigms, folded_paradigms, stems, folded_stems))))
    )
    assert [table.lemma(i) for i in range(3)] == lemmas
    assert list(table.paradigms) == paradigms and list(table.folded_paradigms) == folded_paradigms
    assert {stem: tuple(table.entries(stem)) for stem in stems} == stems
    assert tuple(table.folded_entries("cmim")) == stems["çmim"]
    assert table.entries("kina") == () and table.folded_entries("kin") == ()
    # Every prefix that is a stem, longest first; read without ë/ç, a
    # folded spelling also stands for its stems.
    assert [(i, tuple(e)) for i, e in table.splits("vitit")] == [(3, stems["vit"]), (1, stems["v"])]
    assert [(i, tuple(e)) for i, e in table.splits("cmimi", folded=True)] == [(4, stems["çmim"])]
    assert list(table.splits("cmimi")) == []


def test_a_table_of_another_lexicon_is_cleaned_up_but_other_formats_are_left():
    ours = _cache_path("2.3.0")
    older = ours.with_name(f"sq-lexicon-2.3.0-t{TABLE_FORMAT - 1}-py311.marshal")
    newer = ours.with_name(f"sq-lexicon-2.3.0-t{TABLE_FORMAT + 1}-py311.marshal")
    other_version = ours.with_name(ours.name.replace("2.3.0", "2.2.0"))
    assert _superseded(other_version, ours)
    assert not _superseded(older, ours) and not _superseded(newer, ours) and not _superseded(ours, ours)


def test_deriving_the_table_writes_no_errors_log_in_the_working_folder(tmp_path, monkeypatch):
    from uniparser_morph.ErrorHandler import ErrorHandler

    from analyzers.lexicon import _grammar_analyzer

    monkeypatch.chdir(tmp_path)
    analyzer = _grammar_analyzer()
    assert list(tmp_path.iterdir()) == []  # uniparser's own default is errors.log, here
    assert ErrorHandler.__init__.__defaults__ == ("errors.log",)  # and stays so for others
    analyzer.g.errorHandler.raise_error("a warning")  # logged nowhere on disk
    assert list(tmp_path.iterdir()) == []
