"""Throughput, start-up time and memory of the Albanian analyzer.

    python benchmarks/analyzer_speed.py [--repeat 3]

Runs, in one process, Whoosh's StandardAnalyzer and StemmingAnalyzer and
`analyzers.AlbanianAnalyzer()` over the news texts in ../shared/data/news-dev
(read at run time) the way the indexer does (mode="index", positions=True),
and reports tokens per second: *cold* is the first pass (empty memo of
word -> key), *warm* the best of the later passes. Start-up time (import,
building the analyzer, first token: the lexicon table load included) and the
memory it adds are measured in fresh subprocesses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-dev"

# Memory is the resident set from /proc (ru_maxrss would include the size of
# the parent at fork time).
_STARTUP = r"""
import json, re, time
def rss_kb():
    return int(re.search(r"VmRSS:\s+(\d+)", open("/proc/self/status").read()).group(1))
t0 = time.perf_counter()
import whoosh.analysis
base = rss_kb()
t1 = time.perf_counter()
{setup}
t2 = time.perf_counter()
rss = rss_kb()
print(json.dumps({{"whoosh_import_s": t1 - t0, "startup_s": t2 - t1, "added_mb": (rss - base) / 1024}}))
"""
SETUPS = {
    "StandardAnalyzer": "a = whoosh.analysis.StandardAnalyzer(); [t.text for t in a('Kinës dhe Kina')]",
    "AlbanianAnalyzer": "import analyzers; a = analyzers.AlbanianAnalyzer(); [t.text for t in a('Kinës dhe Kina ndërtuar')]",
}


def texts() -> list[str]:
    out = []
    for sub in ("lajmi", "ntrex"):
        for p in sorted((DATA / sub).glob("*.txt")):
            out.append(p.read_text(encoding="utf-8"))
    return out


def passes(analyzer, docs, repeat):
    """[(tokens, seconds)] for `repeat` passes over docs."""
    results = []
    for _ in range(repeat):
        n = 0
        t = time.perf_counter()
        for d in docs:
            for _tok in analyzer(d, positions=True, mode="index"):
                n += 1
        results.append((n, time.perf_counter() - t))
    return results


def startup(name: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _STARTUP.format(setup=SETUPS[name])], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    if not DATA.is_dir():
        raise SystemExit(f"no data at {DATA}")
    from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer

    import analyzers

    docs = texts()
    analyzers.stemmer("albanian")._ensure_table()  # start-up is measured apart
    rows = {}
    for name, a in [
        ("StandardAnalyzer", StandardAnalyzer()),
        ("StemmingAnalyzer", StemmingAnalyzer()),
        ("AlbanianAnalyzer", analyzers.AlbanianAnalyzer()),
    ]:
        res = passes(a, docs, args.repeat)
        cold = res[0][0] / res[0][1]
        warm = max(n / s for n, s in res[1:]) if len(res) > 1 else cold
        rows[name] = (res[0][0], cold, warm)
    base = rows["StandardAnalyzer"][2]
    print(f"{len(docs)} texts")
    for name, (n, cold, warm) in rows.items():
        print(
            f"{name:18} tokens={n:7d} cold={cold:9.0f} tok/s warm={warm:9.0f} tok/s ({warm / base:.0%} of Standard, warm)"
        )
    for name in SETUPS:
        s = startup(name)
        print(
            f"{name:18} start-up {s['startup_s']:.3f} s, memory added {s['added_mb']:.1f} MB (whoosh import {s['whoosh_import_s']:.3f} s)"
        )


if __name__ == "__main__":
    main()
