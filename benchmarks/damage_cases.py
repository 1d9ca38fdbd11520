"""The damage cases of tests/test_damage.py as a table: what each command says.

    python benchmarks/damage_cases.py

For each case (a file of a fresh 12-article index truncated, zero-filled,
randomised, emptied or deleted) it prints the exit codes of `search`,
`check`, `index` and `index --rebuild`, whether `check` finds the rebuilt
index sound, and the one line `search` (or, for a cache, `check`) printed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from test_damage import CASES, one_file  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from searchidx.cli import app  # noqa: E402

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="searchidx-damage-") as temporary:
        work = Path(temporary)
        folder = work / "corpus"
        folder.mkdir()
        for path in sorted((REPO / "corpus").glob("*.txt"))[:12]:
            shutil.copy(path, folder / path.name)
        pristine = work / "pristine"
        invoke("index", folder, "--index", pristine, "--jobs", "1")
        invoke("search", "Kina", "--index", pristine, "--facets")
        print("| case | search | check | index | --rebuild | check after | message |")
        print("|---|---|---|---|---|---|---|")
        for number, (case, target, damage, _, cache_only) in enumerate(CASES, 1):
            index_dir = work / f"case{number}"
            shutil.copytree(pristine, index_dir)
            damage(one_file(index_dir, target) if target.startswith(".") else index_dir / target)
            search = invoke("search", "Kina", "--index", index_dir)
            check = invoke("check", "--index", index_dir)
            update = invoke("index", folder, "--index", index_dir)
            rebuild = invoke("index", folder, "--index", index_dir, "--rebuild")
            after = invoke("check", "--index", index_dir)
            shown = (check if cache_only else search).stderr.strip()
            tracebacks = sum("Traceback" in r.output for r in (search, check, update, rebuild, after))
            print(
                f"| {number}. {case} | {search.exit_code} | {check.exit_code} | {update.exit_code} | {rebuild.exit_code} "
                f"| {'sound' if after.exit_code == 0 else 'DAMAGED'} | {shown.replace('|', '/')}"
                + (f" ({tracebacks} tracebacks)" if tracebacks else "")
                + " |"
            )


if __name__ == "__main__":
    main()
