"""Saved web pages: the article of an `.html` page, without the page around it.

The article's text is found by trafilatura (pinned in pyproject.toml), which
drops navigation, cookie banners, comments, "related articles" and footers;
left in, they would be searched, and their names would become entity facets.
Kept of a page (docs/formats.md, "Saved pages"):

- title: the headline (trafilatura's, from the page's metadata and its `h1`);
- date: the publication date from the page's metadata, in the precision the
  page gives it (a page dated `2023-10` stays a month), read here rather than
  by trafilatura, whose dates are always whole days: JSON-LD `datePublished`,
  then `<meta>` tags (`article:published_time`, `date`, `pubdate`, Dublin
  Core…), then an `itemprop="datePublished"` element or a `<time>` in the
  article; a page with none is undated;
- url: the canonical URL (`<link rel="canonical">`, else `og:url`);
- the text, a paragraph a block.

A page with no article text (an index page, a page of links) is skipped with
that reason.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata

from searchidx.dates import PartialDate, parse_published
from searchidx.sources.text import Document, UnreadableFile, make_title, normalize_paragraphs

# Bytes sniffed for NUL, as for text files.
_BINARY_SNIFF_BYTES = 8192
# trafilatura's leaning: precision (less boilerplate, perhaps a paragraph
# less) or its default balance; measured by benchmarks/html_extraction.py.
FAVOR_PRECISION = True
# A page is an article if one paragraph of its text, not a list item, has
# this many words.
ARTICLE_MIN_WORDS = 10
# <meta> names and properties that hold a publication date, most specific first.
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
)


def parse_page(raw: bytes, path: str, size: int = 0, mtime: float = 0.0, mtime_ns: int = 0) -> Document:
    """The article of a saved page; raises UnreadableFile."""
    if b"\x00" in raw[:_BINARY_SNIFF_BYTES]:
        raise UnreadableFile("binary file")
    if not raw.strip():
        raise UnreadableFile("empty file")
    import trafilatura

    # trafilatura's own decoding (the declared charset, else UTF-8, else a
    # guess): saved pages are not always UTF-8 (windows-1250 in older
    # Albanian sites).
    tree = trafilatura.load_html(raw)
    if tree is None:
        raise UnreadableFile("not an HTML page")
    # Read before extraction, which prunes the tree (scripts, head) in place.
    url = canonical_url(tree)
    date = page_date(tree)
    extracted = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=FAVOR_PRECISION,
        deduplicate=False,
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    body = normalize_paragraphs(_paragraphs(text or ""))
    if not _has_prose(body):
        raise UnreadableFile("no article text found in the page")
    title = " ".join(unicodedata.normalize("NFC", getattr(extracted, "title", None) or "").split())
    if title and body.split("\n\n", 1)[0] == title:
        body = body.split("\n\n", 1)[1] if "\n\n" in body else ""  # the headline is the title, not text
        if not body:
            raise UnreadableFile("no article text found in the page")
    return Document(
        path=path,
        body=body,
        title=title or make_title(body),
        date=date,
        content_hash=hashlib.sha256(raw).hexdigest(),
        size=size or len(raw),
        mtime=mtime,
        mtime_ns=mtime_ns,
        url=url or getattr(extracted, "url", None) or None,
        title_given=bool(title),
    )


def _has_prose(body: str) -> bool:
    """Whether the text holds a paragraph of prose, not only list items (which
    trafilatura writes as `- item`): an index page's list of headlines and
    dates is extracted as text, but it is no article."""
    return any(
        not paragraph.startswith("- ") and len(paragraph.split()) >= ARTICLE_MIN_WORDS
        for paragraph in body.split("\n\n")
    )


def _paragraphs(text: str) -> str:
    """trafilatura's text ends each block with one line break; the corpus
    separates paragraphs with a blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def canonical_url(tree) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return link.get("href").strip()
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url" and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    return None


def page_date(tree) -> PartialDate | None:
    """The publication date the page's metadata gives, in its precision, or None."""
    for text in _date_candidates(tree):
        try:
            return parse_published(text)
        except ValueError:
            continue
    return None


def _date_candidates(tree):
    """Date texts from the page's metadata, the most trustworthy first."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            yield from _json_ld_dates(data)
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            metas.setdefault(key, content)
    for key in DATE_META:
        if key in metas:
            yield metas[key]
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        yield element.get("datetime") or element.get("content") or element.text_content()
    for element in tree.xpath("//time[@pubdate] | //article//time[@datetime]"):
        yield element.get("datetime") or element.text_content()


def _json_ld_dates(data):
    """datePublished of the JSON-LD objects that are articles (or any, failing that)."""
    stack = [data]
    found = []
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
            value = item.get("datePublished")
            if isinstance(value, str):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                article = any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds)
                found.append((0 if article else 1, value))
    yield from (value for _, value in sorted(found, key=lambda pair: pair[0]))
