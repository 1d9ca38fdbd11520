"""The README is a short user guide opening with the commands CI runs, and every
relative link in the documentation reaches a file (and heading) that exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

README = REPO / "README.md"
MAX_README_LINES = 250

# [text](target) with a target that is not a web address; images alike.
LINK = re.compile(r"\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]+)\)")


def markdown_files() -> list[Path]:
    """The project's own documentation (not .venv, not tests' data)."""
    files = [README, REPO / "benchmarks" / "README.md"]
    files += sorted((REPO / "docs").glob("*.md"))
    files += sorted((REPO / "analyzers").rglob("*.md"))
    return [path for path in files if path.exists()]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lowercase, punctuation dropped
    (hyphens and underscores kept), spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            found.add(slug(line.lstrip("#")))
    return found


def links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [
        target
        for target in LINK.findall(text)
        if not re.match(r"[a-z][a-z0-9+.-]*:", target)  # http:, https:, mailto:
    ]


def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES


def readme_commands() -> list[str]:
    """The commands of the README's first code block."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, flags=re.S)
    assert block, "the README opens with a block of commands"
    return block.group(1).strip().splitlines()


def test_readme_opens_with_the_two_commands():
    setup_and_index, setup_and_test = readme_commands()
    assert setup_and_index.startswith("python3 -m venv .venv && ")
    assert "searchidx index corpus" in setup_and_index
    assert "searchidx search" in setup_and_index
    # CI runs the second command word for word.
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_and_test in ci.splitlines()
    assert setup_and_test.endswith("-m pytest -q")
    # They come first: no other section before them but the introduction.
    text = README.read_text(encoding="utf-8")
    assert text.index("```sh") < text.index("\n## ", text.index("## Two commands") + 1)


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_resolve(path):
    broken = []
    for target in links(path):
        file_part, _, anchor = target.partition("#")
        destination = (path.parent / file_part).resolve() if file_part else path
        if not destination.exists():
            broken.append(f"{target}: no such file")
        elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
            broken.append(f"{target}: no heading #{anchor}")
    assert not broken, broken


def test_every_document_is_linked_from_the_readme():
    linked = {(README.parent / target.partition("#")[0]).resolve() for target in links(README)}
    orphans = [p.name for p in sorted((REPO / "docs").glob("*.md")) if p.resolve() not in linked]
    assert not orphans


# Files and modules the documentation names: `searchidx/scorer.py`,
# `searchidx.ranking.SharpIDFBM25F`, `python -m searchidx.tui.responsiveness`.
NAMED_PATH = re.compile(r"`((?:searchidx|analyzers|benchmarks|tests|docs|corpus)/[\w/.-]*)`")
NAMED_OBJECT = re.compile(r"`(?:python -m )?((?:searchidx|analyzers)(?:\.\w+)+)(?<!\.toml)(?<!\.json)\b")
RUN_COMMAND = re.compile(
    r"python3? (?:-m ((?:searchidx|analyzers|benchmarks)[\w.]*)|((?:benchmarks|tests)/[\w/.-]+\.py))"
)


def resolves(dotted: str) -> bool:
    """An importable module, or an attribute of one (searchidx.workers.WRITER_MEMORY_MB)."""
    import importlib

    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_named_files_and_modules_exist(path):
    text = path.read_text(encoding="utf-8")
    missing = [name for name in NAMED_PATH.findall(text) if not (REPO / name.rstrip("/")).exists()]
    missing += [name for name in NAMED_OBJECT.findall(text) if not resolves(name)]
    for module, script in RUN_COMMAND.findall(text):
        if script and not (REPO / script).exists():
            missing.append(script)
        if module and not resolves(module):
            missing.append(module)
    assert not missing, missing
