"""Saved pages: the article's text, headline, date and canonical URL, without the page around it.

The pages are written by tests/html_pages.py (none is scraped); the numbers
for all of them are printed by benchmarks/html_extraction.py.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from html_extraction import measure  # noqa: E402

from searchidx.sources.html import parse_page  # noqa: E402
from searchidx.sources.text import UnreadableFile  # noqa: E402

import html_pages  # noqa: E402


@pytest.mark.parametrize("page", html_pages.pages(), ids=lambda page: page.name)
def test_headline_date_url_and_all_the_article_text_are_kept(page):
    scores = measure(page)
    assert (scores["title"], scores["date"], scores["url"]) == (True, True, True)
    assert scores["recall"] == 1.0


@pytest.mark.parametrize(
    "page", [p for p in html_pages.pages() if p.name != "windows_1250_tables.html"], ids=lambda page: page.name
)
def test_menus_banners_comments_and_related_articles_are_left_out(page):
    scores = measure(page)
    assert scores["clutter"] == 0
    assert scores["precision"] == 1.0


def test_a_table_layout_keeps_its_article_but_not_all_its_clutter_out():
    # Measured, not hidden: a page laid out in one table (no block for the
    # article alone) keeps its menu, sidebar and footer lines (README).
    scores = measure(html_pages.windows_1250_tables())
    assert scores["recall"] == 1.0 and scores["precision"] > 0.7


def test_a_page_in_windows_1250_is_decoded():
    document = parse_page(html_pages.windows_1250_tables().html, "p.html")
    assert "Paralajmërim për reshje" in document.title and "ë" in document.body


def test_the_headline_is_the_title_not_the_texts_first_line():
    document = parse_page(html_pages.semantic_article().html, "p.html")
    assert document.title_given and not document.body.startswith(document.title)


def test_a_page_dated_to_the_month_stays_a_month_and_an_undated_one_is_undated():
    assert str(parse_page(html_pages.month_dated_graph().html, "p.html").date) == "2023-06"
    assert parse_page(html_pages.undated_live_page().html, "p.html").date is None


@pytest.mark.parametrize(
    "raw, reason",
    [
        (html_pages.index_page(), "no article text found in the page"),
        (b"<html><body><p>Pak.</p></body></html>", "no article text found in the page"),
        (b"   \n", "empty file"),
        (b"\x00\x01binary", "binary file"),
    ],
)
def test_a_page_with_no_article_is_skipped_with_the_reason(raw, reason):
    with pytest.raises(UnreadableFile, match=reason):
        parse_page(raw, "p.html")
