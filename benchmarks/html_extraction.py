"""How well saved pages are read: text kept and clutter left out, titles, dates, URLs.

    python benchmarks/html_extraction.py

Runs searchidx's page reader (searchidx.sources.html, trafilatura inside) on
the pages tests/html_pages.py writes (the DEV pages, looked at while choosing
settings, and the HELD_OUT ones, not tuned on), with trafilatura's precision
leaning on and off, and prints per page: word recall (share of the article's
words extracted), word precision (share of the extracted words that are the
article's), clutter sentences that leaked in, and whether the title, the date
(with its precision) and the canonical URL are right.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import searchidx.sources.html as page_reader  # noqa: E402
from searchidx.sources.text import UnreadableFile  # noqa: E402

import html_pages  # noqa: E402

WORD = re.compile(r"\w+")


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def measure(page) -> dict:
    try:
        document = page_reader.parse_page(page.html, page.name)
    except UnreadableFile as error:
        return {
            "page": page.name,
            "error": str(error),
            "recall": 0.0,
            "precision": 0.0,
            "clutter": 0,
            "title": False,
            "date": False,
            "url": False,
        }
    gold = words("\n".join(page.paragraphs))
    got = words(document.body)
    overlap = sum((gold & got).values())
    leaked = sum(1 for sentence in page.clutter if _contains(document.body, sentence))
    return {
        "page": page.name,
        "recall": overlap / sum(gold.values()),
        "precision": overlap / max(1, sum(got.values())),
        "clutter": leaked,
        "clutter_total": len(page.clutter),
        "title": document.title == page.title,
        "date": (str(document.date) if document.date else None) == page.date,
        "url": document.url == page.url,
    }


def _contains(text: str, sentence: str) -> bool:
    """Most of a clutter sentence's words, in order, appear in text."""
    wanted = [w.lower() for w in WORD.findall(sentence)]
    found = " ".join(w.lower() for w in WORD.findall(text))
    return " ".join(wanted) in found


def main() -> None:
    rows = []
    for precision in (True, False):
        page_reader.FAVOR_PRECISION = precision
        for split, makers in (("dev", html_pages.DEV), ("held-out", html_pages.HELD_OUT)):
            for page in html_pages.pages(makers):
                row = measure(page)
                row.update(split=split, setting="favor_precision" if precision else "default")
                rows.append(row)
    print(f"{'setting':16} {'split':9} {'page':30} {'recall':>6} {'prec.':>6} {'clutter':>7} title date url")
    for row in rows:
        print(
            f"{row['setting']:16} {row['split']:9} {row['page']:30} {row['recall']:6.3f} {row['precision']:6.3f} "
            f"{row['clutter']:>3}/{row.get('clutter_total', 0):<3} {'ok' if row['title'] else 'NO':>5} "
            f"{'ok' if row['date'] else 'NO':>4} {'ok' if row['url'] else 'NO':>3}"
        )
    print()
    for setting in ("favor_precision", "default"):
        for split in ("dev", "held-out"):
            chosen = [r for r in rows if r["setting"] == setting and r["split"] == split]
            n = len(chosen)
            print(
                f"{setting:16} {split:9} mean recall {sum(r['recall'] for r in chosen) / n:.3f}, "
                f"precision {sum(r['precision'] for r in chosen) / n:.3f}, "
                f"clutter leaked {sum(r['clutter'] for r in chosen)}/{sum(r.get('clutter_total', 0) for r in chosen)}, "
                f"titles {sum(r['title'] for r in chosen)}/{n}, dates {sum(r['date'] for r in chosen)}/{n}, "
                f"URLs {sum(r['url'] for r in chosen)}/{n}"
            )
    try:
        page_reader.parse_page(html_pages.index_page(), "index.html")
        print("index page: read as an article (wrong)")
    except UnreadableFile as error:
        print(f"index page: skipped: {error}")


if __name__ == "__main__":
    main()
