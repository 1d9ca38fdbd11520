"""The corpus reader: every date shape, messy text, and bad files."""

import pytest

from searchidx.sources.folder import read_corpus
from searchidx.sources.text import UnreadableFile, make_title, parse_document, read_document

from conftest import SEED


def parse(text: str | bytes):
    return parse_document(text.encode("utf-8") if isinstance(text, str) else text, "a.txt")


@pytest.mark.parametrize(
    "opening, date, precision",
    [
        (" date 2023-10-17 Kina ", "2023-10-17", "day"),
        (" date 2023-10 Kina ", "2023-10", "month"),
        (" date 2023 Kina ", "2023", "year"),
        ("date 2023-10-17\nKina ", "2023-10-17", "day"),
        (" date 2019-05\n\nKina ", "2019-05", "month"),
        ("  date 2015\r\nKina ", "2015", "year"),
    ],
)
def test_every_date_shape_inline_or_on_its_own_line(opening, date, precision):
    document = parse(opening + "ka dënuar sanksionet.\n\nParagrafi i dytë.")
    assert str(document.date) == date
    assert document.date.precision == precision
    assert document.body.startswith("Kina ka dënuar")
    assert "date" not in document.body


def test_a_missing_date_leaves_the_article_undated_and_whole():
    document = parse("Kina ka dënuar sanksionet.\n\nParagrafi i dytë.")
    assert document.date is None
    assert document.body == "Kina ka dënuar sanksionet.\n\nParagrafi i dytë."


def test_an_invalid_date_marker_is_dropped_and_the_article_is_undated():
    document = parse(" date 2023-13-40 Kina ka dënuar sanksionet.")
    assert document.date is None
    assert document.body == "Kina ka dënuar sanksionet."


def test_byte_order_mark_and_crlf_line_ends():
    raw = "\ufeff date 2020-08-25 Rreshti i parë.\r\n\r\nParagrafi i dytë.\r\n".encode("utf-8")
    document = parse(raw)
    assert str(document.date) == "2020-08-25"
    assert document.body == "Rreshti i parë.\n\nParagrafi i dytë."


def test_quotes_and_apostrophes_in_any_form_are_kept_as_written():
    text = " date 2021 Ai tha: “Nuk ka” dhe «s’ka» e 's'ka' e „t‘i“ e ç'farë."
    document = parse(text)
    assert document.body == text[len(" date 2021 ") :]


def test_text_is_composed_to_nfc():
    decomposed = " date 2021 Kine\u0308s"  # e + combining diaeresis
    assert parse(decomposed).body == "Kinës"


def test_paragraphs_are_split_by_blank_lines_and_tidied():
    document = parse(" date 2021 Një  rresht\ni vazhduar.\n\n\n  Dy.  \n")
    assert document.body == "Një rresht i vazhduar.\n\nDy."


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b" date 2023-10 ", "no text besides the date"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"Kin\xebs ka \xe7mimin", "invalid UTF-8 at byte 3"),
    ],
)
def test_bad_files_are_refused_with_a_reason(raw, reason):
    with pytest.raises(UnreadableFile, match=reason):
        parse(raw)


def test_title_is_the_first_sentence():
    assert make_title("Putin arriti në Pekin. Ai takoi Xi.") == "Putin arriti në Pekin."
    assert make_title("“Po vij.” Ai tha") == "“Po vij.”"


def test_title_splits_sentences_that_run_together_but_not_numbers():
    assert make_title("Ai foli për jetë.Këto fjalë") == "Ai foli për jetë."
    assert make_title("Më 17.10 ai erdhi në Pekin. Pastaj") == "Më 17.10 ai erdhi në Pekin."


def test_a_long_first_sentence_is_cut_at_a_word():
    sentence = "Presidenti " + "shumë " * 40 + "fjalë."
    title = make_title(sentence)
    assert len(title) <= 121 and title.endswith("…")
    assert not title[:-1].endswith(" ")
    assert sentence.startswith(title[:-1])


def test_the_seed_article_reads_with_its_month_date():
    document = read_document(SEED, SEED.parent)
    assert str(document.date) == "2023-10"
    assert document.title.startswith("Presidenti rus, Vladimir Putin, ka arritur në Pekin")
    assert len(document.content_hash) == 64


def test_read_corpus_skips_bad_files_with_their_reasons(make_corpus):
    folder = make_corpus(
        {
            "good.txt": " date 2020 Një artikull.",
            "nested/good2.txt": "Pa datë.",
            "empty.txt": "",
            "binary.txt": b"\x00\x01\x02",
            "latin1.txt": "Kinës".encode("latin-1"),
            "notes.md": "not an article",
            ".hidden/x.txt": "hidden",
        }
    )
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    results = {r.path: r for r in read_corpus(folder)}
    assert set(results) == {"good.txt", "nested/good2.txt", "empty.txt", "binary.txt", "latin1.txt", "dangling.txt"}
    reasons = {path: getattr(r, "reason", None) for path, r in results.items()}
    assert reasons["good.txt"] is None and reasons["nested/good2.txt"] is None
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file"
    assert reasons["latin1.txt"].startswith("invalid UTF-8")
    assert reasons["dangling.txt"].startswith("cannot read")


def test_links_pointing_outside_the_folder_are_not_followed(make_corpus, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Jashtë.", encoding="utf-8")
    folder = make_corpus({"in.txt": "Brenda."})
    (folder / "link.txt").symlink_to(outside)
    results = {r.path: r for r in read_corpus(folder)}
    assert results["in.txt"].body == "Brenda."
    assert results["link.txt"].reason == "symbolic link points outside the folder"
