"""Builds the entity extractor (analyzers/entities/) compiled with mypyc, or pure Python.

Everything else about the package is in pyproject.toml; this file only adds
the compiled build, as mypy and black ship themselves: the same typed
source, compiled to C where a C compiler and Python's headers are at hand.

- The compiled modules are all the package's but those
  analyzers/entities/compiled_build.py leaves in Python; they form one mypyc
  group: an extension module beside each source, and one shared library of
  their code, a top-level module named after the group (mypyc wants it at
  the top; an editable install's finder maps it there, in the project's
  root, since it is among the extensions when the finder is written).
- All or nothing: if mypyc or the C compiler fails for any module, no
  compiled module is installed, and the install goes on in pure Python with
  one warning line (pip shows it with -v).
- ``SEARCHIDX_PURE_PYTHON=1`` at install time builds pure Python on purpose.
- A build that compiled writes a record of each source it compiled
  (compiled_build.RECORD_FILE) beside the modules; at import the package
  loads pure Python if a source no longer matches it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE_DIR = ROOT / "analyzers" / "entities"


def load_compiled_build():
    """analyzers/entities/compiled_build.py by its path: importing the package
    would import the analyzer's dependencies, absent from the build environment."""
    spec = importlib.util.spec_from_file_location("_searchidx_compiled_build", PACKAGE_DIR / "compiled_build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses looks the module up by name
    spec.loader.exec_module(module)
    return module


compiled_build = load_compiled_build()


# Why this build compiles nothing though not asked to, for its record (and
# so for `searchidx stats`: pip hides the warning unless run with -v).
FAILURES: list[str] = []


def warn(message: str) -> None:
    FAILURES.append(message)
    print(
        f"searchidx: warning: {message}; installing the entity extractor as pure Python (the messages above say why)",
        file=sys.stderr,
    )


def mypyc_extensions() -> list[Extension]:
    """The C extensions of the compiled modules (mypyc type-checks them and
    writes their C into build/), or none if mypyc cannot."""
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        warn(f"mypyc is not installed ({error})")
        return []
    paths = [str(Path("analyzers", "entities", f"{name}.py")) for name in compiled_modules()]
    try:
        return mypycify(
            # mypy's cache inside build/ (git-ignored), not in the project's root
            ["--cache-dir", str(Path("build", "mypyc-cache")), *paths],
            group_name=compiled_build.GROUP,
            target_dir=str(Path("build", "mypyc")),
        )
    except (Exception, SystemExit) as error:  # mypyc reports a type error by sys.exit(1)
        why = "errors in its type check or compilation" if isinstance(error, SystemExit) else repr(error)[:200]
        warn(f"mypyc could not compile analyzers/entities ({why})")
        return []


class build_ext_all_or_nothing(build_ext):
    """build_ext for the mypyc group: the C is generated when the command is
    set up for a build (not for the metadata steps pip runs first, each in a
    process of its own), every extension builds or none is kept, and a build
    that compiled writes its record beside the modules."""

    def finalize_options(self) -> None:
        if self.distribution.ext_modules == [PLACEHOLDER] and not metadata_only(self.distribution):
            self.distribution.ext_modules = generated_extensions() or [PLACEHOLDER]
        super().finalize_options()
        if self.extensions == [PLACEHOLDER]:
            self.extensions = []  # pure Python; the command still runs, to clear a previous build

    def run(self) -> None:
        inplace = self.inplace or self.editable_mode
        # a build replaces the previous one entirely, in build/ (which
        # setuptools never empties) and an editable install's source tree:
        # a failed or a pure build must leave no compiled file in use
        targets = [Path(self.build_lib, "analyzers", "entities")] + ([PACKAGE_DIR] if inplace else [])
        for package_dir in targets:
            remove_compiled_files(package_dir)
        if self.extensions:
            super().run()
        if self.extensions:
            record = compiled_build.BuildRecord(self.compiled_suffix(), STAMPS)
        elif FAILURES:  # mypyc or a module failed: nothing compiled was kept
            record = compiled_build.BuildRecord("", {}, FAILURES[0])
        else:
            return  # pure Python, as asked
        for target in targets:
            if target.is_dir():
                (target / compiled_build.RECORD_FILE).write_text(record.to_text(), encoding="utf-8")

    def build_extensions(self) -> None:
        self.building = ""
        try:
            super().build_extensions()
        except Exception as error:  # the compiler's errors: CompileError, LinkError, missing headers
            for ext in self.extensions:
                Path(self.build_lib, self.get_ext_filename(self.get_ext_fullname(ext.name))).unlink(missing_ok=True)
            self.extensions = []
            warn(f"the C compiler failed on {self.building} ({type(error).__name__})")

    def build_extension(self, ext: Extension) -> None:
        self.building = ext.name  # for the warning: the command line in the error is pages long
        super().build_extension(ext)

    def compiled_suffix(self) -> str:
        return self.get_ext_filename("x")[1:]

    def get_outputs(self) -> list[str]:
        outputs = super().get_outputs()
        if self.extensions or FAILURES:
            outputs.append(str(Path(self.build_lib, "analyzers", "entities", compiled_build.RECORD_FILE)))
        return outputs


def compiled_modules() -> list[str]:
    return compiled_build.compilable_modules(PACKAGE_DIR)


def remove_compiled_files(package_dir: Path) -> None:
    """A previous build's record, compiled modules and shared library."""
    if not package_dir.is_dir():
        return
    (package_dir / compiled_build.RECORD_FILE).unlink(missing_ok=True)
    modules = set(compiled_modules())
    for path in package_dir.iterdir():
        if path.suffix in (".so", ".pyd") and path.name.split(".")[0] in modules:
            path.unlink()
    for path in package_dir.parent.parent.glob(compiled_build.SHARED_LIBRARY + ".*"):
        path.unlink()


# The sources' stamps as mypyc read them, for the build's record.
STAMPS: dict = {}
# setup.py's commands that only write metadata (pip runs each in a process of
# its own before the build): they set build_ext up too, to list its sources,
# and need no C generated for that.
METADATA_COMMANDS = frozenset({"egg_info", "dist_info", "sdist"})
_generated: list[Extension] | None = None


def metadata_only(distribution) -> bool:
    return set(distribution.commands) <= METADATA_COMMANDS


def generated_extensions() -> list[Extension]:
    """The mypyc extensions, generated once per process (setuptools may set
    build_ext up again, anew); none where pure Python is asked for or mypyc
    cannot."""
    global _generated
    if _generated is None:
        if compiled_build.pure_python_asked(os.environ):
            print("searchidx: SEARCHIDX_PURE_PYTHON is set: installing the entity extractor as pure Python")
            _generated = []
        else:
            # each source's stamp before mypyc reads it: an edit during the
            # build then shows as stale, never as compiled
            STAMPS.update({name: compiled_build.stamp(PACKAGE_DIR / f"{name}.py") for name in compiled_modules()})
            _generated = mypyc_extensions()
    return _generated


# Stands for the mypyc extensions until build_ext generates them, and stays
# where there are none: with an extension declared, setuptools runs
# build_ext (which clears the previous build, pure Python too) and tags the
# wheel for this platform (a pure one too: it is installed where it was built).
PLACEHOLDER = Extension(compiled_build.SHARED_LIBRARY, sources=[])

if __name__ == "__main__":  # as setuptools' build backend runs it; tests import it
    setup(ext_modules=[PLACEHOLDER], cmdclass={"build_ext": build_ext_all_or_nothing})
