"""Which build of the extractor runs: compiled with mypyc, or pure Python.

`pip install .` (and `-e .`) compiles this package's modules with mypyc
where a C compiler is at hand (setup.py): one extension module per source,
beside it, all calling each other directly in C through one shared library.
The build writes a record of what it compiled (`RECORD_FILE`: each source's
size, mtime and SHA-256). At import of ``analyzers.entities`` the package
asks `choose_build` whether that record still holds; if it does not (a
source edited since, a module added, the compiled files gone, or
``SEARCHIDX_PURE_PYTHON=1``) it loads the pure-Python modules for the whole
package: a compiled module beside an edited source would otherwise be
imported first and the edit would silently do nothing, and a mix of the two
cannot be, since compiled modules call each other's compiled code.

Standard library only, and nothing imported from the package: setup.py
loads this file by its path, in a build environment without the project's
dependencies.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec, SourceFileLoader
from pathlib import Path

PACKAGE = "analyzers.entities"
PACKAGE_DIR = Path(__file__).resolve().parent
# The package's modules left in Python: the package itself, the modules that
# build the dictionaries or score against gold (run once, not per word), and
# this one, which runs before anything compiled is imported.
NOT_COMPILED = frozenset({"__init__", "sources", "evaluate", "compiled_build"})
# mypyc's group: the compiled modules, and the shared library holding their
# code ("<group>__mypyc"), which mypyc expects at the top of the tree (it
# derives each module's __file__ from its place), beside the `analyzers`
# package: in site-packages, or in the project's root for an editable install
# (whose finder maps it there).
GROUP = "analyzers_entities"
SHARED_LIBRARY = f"{GROUP}__mypyc"
RECORD_FILE = "compiled_build.txt"
PURE_PYTHON_VARIABLE = "SEARCHIDX_PURE_PYTHON"
REBUILD = "pip install -e ."


@dataclass(frozen=True)
class SourceStamp:
    """A compiled module's source as it was compiled."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class BuildRecord:
    """What setup.py compiled: the extension modules' file suffix (which
    Python they were built for) and each module's source stamp; or why it
    compiled nothing (`failure`: mypyc or the C compiler failed)."""

    extension_suffix: str
    sources: dict[str, SourceStamp]
    failure: str = ""

    def to_text(self) -> str:
        lines = [
            "# Written by setup.py: the modules of analyzers.entities it compiled with mypyc",
            "# and their sources then (size, mtime_ns, sha256), or why it could not. See compiled_build.py.",
        ]
        if self.failure:
            return "\n".join([*lines, f"failed {self.failure}"]) + "\n"
        lines.append(f"suffix {self.extension_suffix}")
        lines += [f"module {name} {s.size} {s.mtime_ns} {s.sha256}" for name, s in sorted(self.sources.items())]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_text(cls, text: str) -> BuildRecord:
        """Raises ValueError on a record this version cannot read."""
        suffix = ""
        sources: dict[str, SourceStamp] = {}
        for line in text.splitlines():
            key, _, rest = line.partition(" ")
            if key == "failed":
                return cls("", {}, rest)
            if key == "suffix":
                suffix = rest
            elif key == "module":
                name, size, mtime_ns, sha256 = rest.split(" ")
                sources[name] = SourceStamp(int(size), int(mtime_ns), sha256)
        if not suffix or not sources:
            raise ValueError("no suffix or no modules")
        return cls(suffix, sources)


@dataclass(frozen=True)
class ExtractionBuild:
    """The build that runs: compiled, or pure Python and why ("asked",
    "not built", "stale"), with the detail a bug report needs."""

    compiled: bool
    reason: str
    detail: str = ""

    def describe(self) -> str:
        if self.compiled:
            return "compiled (mypyc)"
        return f"pure Python ({self.reason}{': ' + self.detail if self.detail else ''})"


def compilable_modules(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The modules setup.py compiles: every source of the package but NOT_COMPILED."""
    return sorted(p.stem for p in package_dir.glob("*.py") if p.stem not in NOT_COMPILED)


def stamp(path: Path) -> SourceStamp:
    import hashlib

    data = path.read_bytes()
    info = path.stat()
    return SourceStamp(len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def unchanged(path: Path, recorded: SourceStamp) -> bool:
    """Whether a source is the one compiled: its size and mtime as recorded
    (what Python's own .pyc check trusts), else its SHA-256 (an installed
    copy, or a checkout that touched the file without changing it)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if info.st_size != recorded.size:
        return False
    if info.st_mtime_ns == recorded.mtime_ns:
        return True
    return stamp(path).sha256 == recorded.sha256


def pure_python_asked(environ: Mapping[str, str]) -> bool:
    """Whether SEARCHIDX_PURE_PYTHON asks for pure Python: set, and not to 0
    (asked at install by setup.py, at run time by `decide`)."""
    return environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0")


def read_record(package_dir: Path) -> BuildRecord | None:
    try:
        return BuildRecord.from_text((package_dir / RECORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def decide(package_dir: Path, environ: Mapping[str, str], suffix: str) -> ExtractionBuild:
    """Compiled only if asked for nothing else, a record is there, built for
    this Python (its extension `suffix`), with every compiled file beside
    its source and every source as it was compiled."""
    if pure_python_asked(environ):
        return ExtractionBuild(False, "asked", f"{PURE_PYTHON_VARIABLE}={environ[PURE_PYTHON_VARIABLE]}")
    record = read_record(package_dir)
    if record is None:
        return ExtractionBuild(False, "not built")
    if record.failure:
        return ExtractionBuild(False, "not built", f"the build failed: {record.failure}")
    if record.extension_suffix != suffix:
        return ExtractionBuild(False, "not built", f"compiled for another Python ({record.extension_suffix})")
    present = set(os.listdir(package_dir))
    missing = [m for m in record.sources if m + suffix not in present]
    if not (package_dir.parent.parent / (SHARED_LIBRARY + suffix)).is_file():
        missing.append(SHARED_LIBRARY)
    if missing:
        return ExtractionBuild(False, "not built", f"compiled files missing ({', '.join(missing[:3])})")
    now = compilable_modules(package_dir)
    added = [f"{m}.py" for m in now if m not in record.sources]
    if added:
        return ExtractionBuild(False, "stale", f"{', '.join(added)} added since the build")
    changed = [f"{m}.py" for m, s in record.sources.items() if not unchanged(package_dir / f"{m}.py", s)]
    if changed:
        return ExtractionBuild(False, "stale", f"{', '.join(changed)} changed since the build")
    return ExtractionBuild(True, "compiled")


class PurePythonFinder:
    """Finds the package's modules as Python sources, ahead of the compiled
    extension modules beside them (sys.meta_path is asked before the path)."""

    def __init__(self, package_dir: Path) -> None:
        self.package_dir = package_dir

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE:
            return None
        source = self.package_dir / f"{name}.py"
        if not source.is_file():
            return None
        spec = ModuleSpec(fullname, SourceFileLoader(fullname, str(source)), origin=str(source))
        spec.has_location = True
        return spec


_chosen: ExtractionBuild | None = None


def choose_build() -> ExtractionBuild:
    """Decides once per process, at the package's import: if not compiled,
    puts the pure-Python finder first, and warns (once) when a build is
    there but stale."""
    global _chosen
    if _chosen is None:
        build = decide(PACKAGE_DIR, os.environ, EXTENSION_SUFFIXES[0])
        if not build.compiled:
            sys.meta_path.insert(0, PurePythonFinder(PACKAGE_DIR))
        if build.reason == "stale":
            print(
                f"searchidx: warning: the compiled entity extractor is stale ({build.detail}); "
                f"running it as pure Python (slower). Rebuild with `{REBUILD}`.",
                file=sys.stderr,
            )
        _chosen = build
    return _chosen
