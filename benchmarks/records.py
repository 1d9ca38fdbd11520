"""Files of records against text files: indexing throughput, and editing one record.

    python benchmarks/records.py [--articles 10000] [--repeat 3] [--work /tmp/searchidx-records]

The same articles (resampled from ../shared/data/news-dev by
benchmarks/indexing_corpus.py, kept outside the repository) are written as
N `.txt` files, as one JSON Lines file and as one CSV file, one record an
article (its id, date and text; no titles, as the text files have none).
Each is indexed from nothing by `searchidx index --json` in a fresh process
(worker processes on every core), the kinds taking turns, `--repeat` times;
reported: each build's documents/s and the median, and the JSON Lines and
CSV medians against the text files'.

Then, on the JSON Lines index: one record's text is edited (the file
rewritten, as an export tool would) and the folder indexed again; reported:
the run's seconds and counts (one record updated, the others unchanged, one
file read), against the same edit made to one of the text files. Last, ten
records are appended to the JSON Lines file (read from where it ended).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from indexing_corpus import build  # noqa: E402

from searchidx.sources.text import read_document  # noqa: E402


def write_records(txt: Path, jsonl: Path, csv_path: Path) -> list[dict]:
    records = []
    for path in sorted(txt.glob("*.txt")):
        document = read_document(path, txt)
        record = {"id": path.stem, "text": document.body}
        if document.date is not None:
            record["date"] = str(document.date)
        records.append(record)
    jsonl.parent.mkdir(parents=True, exist_ok=True)
    with jsonl.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["id", "date", "text"])
        writer.writeheader()
        writer.writerows(records)
    return records


def index(folder: Path, index_dir: Path, rebuild: bool = True) -> tuple[dict, float, float]:
    """`searchidx index --json` in a fresh process: its summary, the whole
    process's wall seconds, and the CPU seconds of it and its workers (which
    other work on a shared machine changes little)."""
    command = [sys.executable, "-m", "searchidx", "index", str(folder), "--index", str(index_dir), "--json"]
    if rebuild:
        shutil.rmtree(index_dir, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return json.loads(output), wall, cpu


def age(folder: Path) -> None:
    """Backdates the files a minute, out of the manifest's racy window, as files written earlier are."""
    past = time.time() - 60
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/searchidx-records"))
    parser.add_argument(
        "--edits-only", action="store_true", help="skip the timed builds: index each kind once, then time the edits"
    )
    args = parser.parse_args()

    work = args.work
    txt = work / f"txt-{args.articles}"
    if not txt.is_dir() or len(list(txt.glob("*.txt"))) != args.articles:
        shutil.rmtree(txt, ignore_errors=True)
        build(txt, args.articles)
    folders = {"txt": txt, "jsonl": work / f"jsonl-{args.articles}", "csv": work / f"csv-{args.articles}"}
    for name in ("jsonl", "csv"):
        shutil.rmtree(folders[name], ignore_errors=True)
    records = write_records(txt, folders["jsonl"] / "articles.jsonl", folders["csv"] / "articles.csv")
    for folder in folders.values():
        age(folder)
    print(f"{len(records)} articles; load average before: {os.getloadavg()[0]:.2f}")

    if args.edits_only:
        for name in ("txt", "jsonl"):
            index(folders[name], work / f"index-{name}")
        time_edits(args, work, folders, records, txt)
        return
    rates: dict[str, list[float]] = {name: [] for name in folders}
    cpu_ms: dict[str, list[float]] = {name: [] for name in folders}
    for round_number in range(args.repeat):
        for name, folder in folders.items():
            summary, wall, cpu = index(folder, work / f"index-{name}")
            assert summary["added"] == len(records), summary
            rate = summary["added"] / summary["seconds"]
            rates[name].append(rate)
            cpu_ms[name].append(cpu * 1000 / len(records))
            print(
                f"  round {round_number + 1} {name:5}: {summary['seconds']:6.1f} s, {rate:6.0f} docs/s, "
                f"{cpu_ms[name][-1]:.2f} CPU ms/doc (process {wall:.1f} s, load {os.getloadavg()[0]:.1f})"
            )
    median = {name: statistics.median(values) for name, values in rates.items()}
    median_cpu = {name: statistics.median(values) for name, values in cpu_ms.items()}
    print("median docs/s: " + ", ".join(f"{name} {value:.0f}" for name, value in median.items()))
    print("median CPU ms/doc: " + ", ".join(f"{name} {value:.2f}" for name, value in median_cpu.items()))
    for name in ("jsonl", "csv"):
        print(
            f"{name} / txt: throughput {median[name] / median['txt']:.3f}, "
            f"CPU per doc {median_cpu[name] / median_cpu['txt']:.3f}"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    time_edits(args, work, folders, records, txt)


def time_edits(args, work: Path, folders: dict[str, Path], records: list[dict], txt: Path) -> None:
    # Editing one record of the JSON Lines file, against editing one text file.
    jsonl = folders["jsonl"] / "articles.jsonl"
    middle = len(records) // 2
    edited = dict(records[middle], text=records[middle]["text"] + " Një fjali e shtuar nga redaksia.")
    lines = jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[middle] = json.dumps(edited, ensure_ascii=False) + "\n"
    jsonl.write_text("".join(lines), encoding="utf-8")
    summary, wall, _ = index(folders["jsonl"], work / "index-jsonl", rebuild=False)
    print(
        f"one record of {len(records)} edited: {summary['seconds']:.2f} s in the run ({wall:.2f} s the process); "
        f"updated {summary['updated']}, added {summary['added']}, unchanged {summary['unchanged']}, "
        f"removed {summary['removed']}, files read {summary['read']}"
    )
    text_file = sorted(txt.glob("*.txt"))[middle]
    original = text_file.read_text(encoding="utf-8")
    text_file.write_text(original + " Një fjali e shtuar nga redaksia.\n", encoding="utf-8")
    summary, wall, _ = index(txt, work / "index-txt", rebuild=False)
    text_file.write_text(original, encoding="utf-8")
    print(
        f"one text file of {len(records)} edited: {summary['seconds']:.2f} s in the run ({wall:.2f} s the process); "
        f"updated {summary['updated']}, unchanged {summary['unchanged']}, files read {summary['read']}"
    )
    with jsonl.open("a", encoding="utf-8") as out:
        for n in range(10):
            out.write(json.dumps({"id": f"appended-{n}", "text": records[n]["text"]}, ensure_ascii=False) + "\n")
    summary, wall, _ = index(folders["jsonl"], work / "index-jsonl", rebuild=False)
    print(
        f"ten records appended: {summary['seconds']:.2f} s in the run ({wall:.2f} s the process); "
        f"added {summary['added']}, unchanged {summary['unchanged']}"
    )
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
