"""Builds a large synthetic corpus by resampling the sentences of real news.

    python benchmarks/resample.py OUT [--count 20000] [--seed 0] [--years 2015-2024]

The development sets (../shared/data/news-dev/lajmi and ntrex, 622
articles) are too small to measure speed at scale, and no larger Albanian
corpus is at hand. So each synthetic article is a random run of real
sentences (5 to 30, in paragraphs of 2 to 5), which keeps Albanian word
frequencies, sentence lengths and names real; only topical coherence is
lost. Dates are spread uniformly over ten years, with the precisions a real
folder mixes: 85% to the day, 8% to the month, 4% to the year, 3% undated.
The same seed gives the same corpus, byte for byte. The text is generated
into OUT at run time and never stored in the repository.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS_DEV = REPO.parent / "shared" / "data" / "news-dev"
SOURCES = (NEWS_DEV / "lajmi", NEWS_DEV / "ntrex")

DATE_LINE = re.compile(r"\A\s*date\s+\S+\s*")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”»’]?\s+(?=\S)")
MIN_SENTENCE_CHARS = 20


@dataclass(frozen=True)
class ResampleOptions:
    count: int = 20_000
    seed: int = 0
    first_year: int = 2015
    last_year: int = 2024
    min_sentences: int = 5
    max_sentences: int = 30


def read_sentences(sources=SOURCES) -> list[str]:
    """Every sentence of the source articles, in a stable order."""
    sentences: list[str] = []
    for folder in sources:
        for path in sorted(Path(folder).glob("*.txt")):
            text = DATE_LINE.sub("", path.read_text(encoding="utf-8"), count=1)
            for paragraph in re.split(r"\n\s*\n", text):
                for sentence in SENTENCE_SPLIT.split(" ".join(paragraph.split())):
                    if len(sentence) >= MIN_SENTENCE_CHARS:
                        sentences.append(sentence)
    if not sentences:
        raise SystemExit(f"no sentences found in {', '.join(map(str, sources))}")
    return sentences


def random_date_line(rng: random.Random, options: ResampleOptions) -> str:
    first = date(options.first_year, 1, 1)
    span = (date(options.last_year, 12, 31) - first).days
    day = first + timedelta(days=rng.randrange(span + 1))
    roll = rng.random()
    if roll < 0.03:
        return ""
    if roll < 0.07:
        return f" date {day.year:04d} "
    if roll < 0.15:
        return f" date {day.year:04d}-{day.month:02d} "
    return f" date {day.isoformat()} "


def article_text(rng: random.Random, sentences: list[str], options: ResampleOptions) -> str:
    picked = rng.choices(sentences, k=rng.randint(options.min_sentences, options.max_sentences))
    paragraphs = []
    while picked:
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(picked[:size]))
        picked = picked[size:]
    return random_date_line(rng, options) + "\n\n".join(paragraphs) + "\n"


def resample_corpus(out: Path, options: ResampleOptions = ResampleOptions(), sources=SOURCES) -> Path:
    """Writes options.count articles into out (created; existing files overwritten)."""
    rng = random.Random(options.seed)
    sentences = read_sentences(sources)
    out.mkdir(parents=True, exist_ok=True)
    width = len(str(options.count - 1))
    for number in range(options.count):
        # Folders of 1,000 keep directory listings quick.
        folder = out / f"{number // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{number:0{width}d}.txt").write_text(article_text(rng, sentences, options), encoding="utf-8")
    return out


def cached_corpus(out: Path, options: ResampleOptions = ResampleOptions(), sources=SOURCES) -> Path:
    """The corpus in out, resampled there once: a `.complete` marker written
    after the last article tells a finished corpus from an interrupted one."""
    marker = out / ".complete"
    if not marker.exists():
        resample_corpus(out, options, sources)
        marker.write_text("ok")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the articles into")
    parser.add_argument("--count", type=int, default=ResampleOptions.count)
    parser.add_argument("--seed", type=int, default=ResampleOptions.seed)
    parser.add_argument(
        "--years",
        default=f"{ResampleOptions.first_year}-{ResampleOptions.last_year}",
        help="first-last year of the dates, e.g. 2015-2024",
    )
    args = parser.parse_args(argv)
    first, _, last = args.years.partition("-")
    options = ResampleOptions(count=args.count, seed=args.seed, first_year=int(first), last_year=int(last or first))
    resample_corpus(args.out, options)
    print(f"wrote {options.count} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
