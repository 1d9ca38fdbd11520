"""Builds a corpus of N articles resampled from the sentences of ../shared/data/news-dev.

    python benchmarks/indexing_corpus.py OUT_FOLDER --articles 20000 [--seed 7]

Each article is 4–14 sentences drawn at random from all the development
articles (lajmi and ntrex), with a date of random precision (day, month,
year) or none, in the corpus format (` date 2021-03-05 ` then the text). The
text stays outside the repository: write OUT_FOLDER somewhere else (/tmp).
Same seed, same corpus.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS_DEV = REPO.parent / "shared" / "data" / "news-dev"
SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZËÇ„“\"])")


def sentences(source: Path = NEWS_DEV) -> list[str]:
    found = []
    for path in sorted(source.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\A\s*date\s+\S+\s*", "", text)
        for paragraph in re.split(r"\n\s*\n", text):
            found += [s.strip() for s in SENTENCE.split(" ".join(paragraph.split())) if len(s.strip()) > 20]
    return found


def random_date(rng: random.Random) -> str | None:
    kind = rng.random()
    year = rng.randint(2012, 2024)
    if kind < 0.1:
        return None
    if kind < 0.25:
        return f"{year}"
    if kind < 0.45:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def article(rng: random.Random, pool: list[str]) -> str:
    chosen = rng.sample(pool, rng.randint(4, 14))
    paragraphs, current = [], []
    for sentence in chosen:
        current.append(sentence)
        if rng.random() < 0.3:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    date = random_date(rng)
    return (f" date {date} " if date else "") + "\n\n".join(paragraphs) + "\n"


def build(out: Path, articles: int, seed: int = 7, start: int = 0) -> Path:
    """Writes articles start..start+articles-1 (same seed: same texts) into out."""
    pool = sentences()
    out.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + articles):
        rng = random.Random(f"{seed}-{n}")
        (out / f"art-{n:05d}.txt").write_text(article(rng, pool), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    build(arguments.out, arguments.articles, arguments.seed)
    print(f"wrote {arguments.articles} articles to {arguments.out}")


if __name__ == "__main__":
    main()
