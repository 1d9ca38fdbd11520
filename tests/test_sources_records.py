"""Files of records (JSON Lines, JSON, CSV, TSV): one article a record, read by searchidx.sources.records."""

import json

import pytest

from searchidx.sources import format_of, size_limit
from searchidx.sources.records import FieldNames, read_record_file
from searchidx.sources.settings import SettingsFileError, folder_field_names, read_settings
from searchidx.sources.text import UnreadableFile

MAX = 10 * 1024 * 1024


def jsonl(*records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def read(raw: bytes, name: str, names=FieldNames(), known=None):
    return read_record_file(raw, name, names, max_bytes=MAX, known=known)


def test_usual_field_names_give_title_date_text_url_and_id():
    raw = jsonl(
        {
            "id": "a1",
            "title": "Ura e re hapet",
            "published": "2023-10-17T08:30:00+02:00",
            "text": "Ura u hap sot.\nQarkullimi nis nesër.",
            "url": "https://lajme.example/a1",
        },
        {
            "guid": 7,
            "Headline": "Tirana pret samitin",
            "pubDate": "Tue, 17 Oct 2023 08:30:00 +0200",
            "content": "<p>Kryeministri priti liderët.</p><p>Samiti zgjati dy ditë.</p>",
            "link": "https://x.example/7",
        },
    )
    first, second = read(raw, "feed.jsonl").documents
    assert (first.record, first.title, first.title_given, str(first.date), first.url) == (
        "a1",
        "Ura e re hapet",
        True,
        "2023-10-17",
        "https://lajme.example/a1",
    )
    assert first.body == "Ura u hap sot.\n\nQarkullimi nis nesër."  # a line break ends a paragraph
    assert (second.record, second.title, str(second.date), second.url) == (
        "7",
        "Tirana pret samitin",
        "2023-10-17",
        "https://x.example/7",
    )
    assert second.body == "Kryeministri priti liderët.\n\nSamiti zgjati dy ditë."  # markup gone


def test_a_record_without_an_id_is_named_by_its_line_and_one_without_a_date_is_undated():
    raw = b"\n" + jsonl({"title": "Pa datë", "body": "Ky artikull nuk ka datë."}, {"text": "Pa titull. Vetëm tekst."})
    first, second = read(raw, "feed.jsonl").documents
    assert (first.record, first.date) == ("2", None)
    assert (second.record, second.title, second.title_given) == ("3", "Pa titull.", False)  # first sentence shown


def test_bad_records_are_reported_with_where_and_why_and_the_rest_read():
    raw = (
        jsonl({"id": 1, "title": "Mirë", "text": "Teksti i parë."})
        + b'{"id": 2, "title": "Thyer", \n'
        + b"[1, 2]\n"
        + jsonl({"id": 4, "url": "https://x.example/4"})
        + '{"id": 5, "text": "\xff"}\n'.encode("latin-1")
        + jsonl({"id": 6, "text": "Data e keqe.", "date": "dje"})
        + b'{"id": 7, "text": "pa fund'
    )
    result = read(raw, "feed.jsonl")
    assert [d.record for d in result.documents] == ["1", "6"]
    reasons = [p.reason for p in result.problems]
    assert reasons[0].startswith("line 2: malformed JSON: ")
    assert reasons[1] == "line 3: not a record (a JSON object) but an array"
    assert reasons[2].startswith("line 4: no text and no title")
    assert reasons[3].startswith("line 5: invalid UTF-8")
    assert reasons[4].startswith("line 7: malformed JSON") and reasons[4].endswith("still being written?)")
    assert "1 date not understood (first: line 6, 'dje'); indexed undated" in reasons[5]
    assert [p.indexed for p in result.problems] == [False] * 5 + [True]  # a note: the record is indexed
    assert result.documents[1].date is None  # undated, not dropped


def test_a_repeated_id_keeps_the_later_record():
    raw = jsonl({"id": "x", "text": "Versioni i parë."}, {"id": "x", "text": "Versioni i dytë."})
    result = read(raw, "feed.jsonl")
    assert [d.body for d in result.documents] == ["Versioni i dytë."]
    assert "repeats an earlier record's" in result.problems[0].reason and result.problems[0].indexed


def test_options_name_the_fields_and_dotted_names_reach_inside():
    raw = jsonl(
        {
            "key": "k1",
            "heading": "Titulli",
            "when": "17 tetor 2023",
            "content": {"body": "Teksti brenda."},
            "src": "https://x.example/k1",
            "text": "jo ky",
        }
    )
    names = FieldNames(title="heading", date="when", text="content.body", url="src", id="key")
    (document,) = read(raw, "feed.jsonl", names).documents
    assert (document.record, document.title, str(document.date), document.body, document.url) == (
        "k1",
        "Titulli",
        "2023-10-17",
        "Teksti brenda.",
        "https://x.example/k1",
    )


def test_a_json_array_or_an_object_holding_one():
    records = [{"title": "Një", "text": "Tekst një."}, {"title": "Dy", "text": "Tekst dy.", "date": "17.10.2023"}]
    for data in (records, {"count": 2, "articles": records}):
        documents = read(json.dumps(data).encode(), "export.json").documents
        assert [(d.record, d.title, str(d.date)) for d in documents] == [
            ("1", "Një", "None"),
            ("2", "Dy", "2023-10-17"),
        ]
    with pytest.raises(UnreadableFile, match=r"malformed JSON at line 1 column 3"):
        read(b"[{oops}]", "export.json")


def test_csv_and_tsv_read_by_header_and_rows_of_the_wrong_width_reported():
    raw = (
        "title,date,text,url\n"
        '"Shkodra pret turistët","17 tetor 2023","Sezoni nis herët,\nshumë herët.",https://y.example/1\n'
        '"Rresht i prishur",2023\n'
        '"Prizreni",2023-10,"Festivali mbyllet.",https://y.example/3\n'
    ).encode()
    result = read(raw, "export.csv")
    assert [(d.record, d.title, str(d.date), d.body) for d in result.documents] == [
        ("1", "Shkodra pret turistët", "2023-10-17", "Sezoni nis herët,\n\nshumë herët."),
        ("3", "Prizreni", "2023-10", "Festivali mbyllet."),
    ]
    assert [p.reason for p in result.problems] == ["line 4: 2 columns where the header has 4"]
    tsv = b"id\tHeadline\tBody\nq1\tTitull\tTekst me\ttab? jo\n"
    assert [p.reason for p in read(tsv, "export.tsv").problems] == ["line 2: 4 columns where the header has 3"]
    semicolons = "titulli;teksti\nNjë;Tekst një.\n".encode()
    assert [d.title for d in read(semicolons, "export.csv").documents] == ["Një"]


def test_an_unclosed_quote_is_named_with_the_lines_it_swallowed():
    raw = (
        "title,text,date\n"
        'A,"Tekst i parë.",2023-01-02\n'
        'B,"Tekst pa mbyllje,2023-01-03\n'
        "C,Tekst i tretë,2023-01-04\n"
        "D,Tekst i katërt,2023-01-05\n"
    ).encode()
    result = read(raw, "export.csv")
    assert [d.title for d in result.documents] == ["A"]
    assert [p.reason for p in result.problems] == [
        "line 3: a quote opened here is never closed, so lines 3-5 were read as one field "
        "(close the quote to index the records in them)"
    ]
    # A short row in the middle of the file is only a short row.
    short = read(b'title,text,date\nA,"x\ny"\nB,b,2023\n', "export.csv")
    assert [p.reason for p in short.problems] == ["line 2: 2 columns where the header has 3"]


def test_a_csv_with_no_text_column_is_refused_as_a_whole():
    with pytest.raises(UnreadableFile, match=r"no column of text or title: the header names 'a', 'b'"):
        read(b"a,b\n1,2\n", "export.csv")


def test_record_hash_changes_with_what_is_indexed_only():
    one = read(jsonl({"id": 1, "title": "T", "text": "Tekst.", "extra": "a"}), "f.jsonl").documents[0]
    same = read(jsonl({"extra": "b", "text": "Tekst.", "title": "T", "id": 1}), "f.jsonl").documents[0]
    other = read(jsonl({"id": 1, "title": "T", "text": "Tekst tjetër."}), "f.jsonl").documents[0]
    assert one.content_hash == same.content_hash != other.content_hash


def test_a_grown_json_lines_file_is_read_from_where_it_ended():
    first = jsonl({"id": 1, "text": "Një."}, {"id": 2, "text": "Dy."}) + b'{"id": 3, "te'
    state = read(first, "f.jsonl").state
    assert state.lines == 2 and set(state.records) == {"1", "2"}
    grown = first + b'xt": "Tre."}\n' + jsonl({"id": 4, "text": "Katër."})
    result = read(grown, "f.jsonl", known=state)
    assert result.appended_only
    assert [d.record for d in result.documents] == ["3", "4"]  # lines 1-2 not parsed again
    assert set(result.state.records) == {"1", "2", "3", "4"} and result.state.lines == 4
    assert result.problems == []  # the unfinished line of before is finished now
    edited = grown.replace("Një".encode(), b"Nje")
    result = read(edited, "f.jsonl", known=result.state)
    assert not result.appended_only  # read whole, but only the changed record is made a document
    assert [d.record for d in result.documents] == ["1"] and set(result.state.records) == {"1", "2", "3", "4"}


def test_given_the_indexed_hashes_only_new_and_changed_records_are_made_documents():
    before = read(jsonl(*({"id": n, "text": f"Teksti {n}."} for n in range(5))), "f.jsonl").state
    after = jsonl({"id": 0, "text": "Teksti 0."}, {"id": 1, "text": "Ndryshuar."}, {"id": 9, "text": "I ri."})
    result = read(after, "f.jsonl", known=before)
    assert [d.record for d in result.documents] == ["1", "9"]
    assert set(result.state.records) == {"0", "1", "9"}  # 2, 3 and 4 are gone


def test_formats_by_suffix_and_files_of_records_may_be_large():
    assert [
        format_of(n).name if format_of(n) else None for n in ("a.txt", "a.htm", "a.jsonl", "a.ndjson", "a.tsv", "a.md")
    ] == ["text", "html", "jsonl", "jsonl", "tsv", None]
    assert size_limit("a.txt", 100) == 100 and size_limit("a.jsonl", 100) > 10**9


def test_searchidx_toml_names_fields_and_options_win(tmp_path):
    (tmp_path / "searchidx.toml").write_text('[fields]\ntitle = "headline"\ntext = "content"\n', encoding="utf-8")
    assert read_settings(tmp_path) == FieldNames(title="headline", text="content")
    assert folder_field_names(tmp_path, FieldNames(title="name")) == FieldNames(title="name", text="content")


@pytest.mark.parametrize(
    "text, message",
    [
        ("[fields\n", "searchidx.toml: "),
        ('[fields]\nheadline = "x"\n', "unknown key 'headline' in the fields table"),
        ("[fields]\ntitle = 3\n", "title in the fields table must be a field name in quotes"),
        ("[other]\n", "unknown table or key 'other'"),
    ],
)
def test_a_bad_searchidx_toml_says_what_is_wrong(tmp_path, text, message):
    (tmp_path / "searchidx.toml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsFileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_settings(tmp_path)
