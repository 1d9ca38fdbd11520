"""The entity extractor compiled with mypyc (setup.py) and its pure-Python
fallback (analyzers.entities.compiled_build): the same output either way,
never a stale compiled module, and a build that keeps all or nothing."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analyzers.entities import compiled_build, extraction_build
from analyzers.entities.compiled_build import BuildRecord, PurePythonFinder, decide, stamp

from conftest import CORPUS, REPO, SHARED_DATA

SUFFIX = ".cpython-3xx-test.so"
BUILD = extraction_build()
needs_compiled = pytest.mark.skipif(not BUILD.compiled, reason=f"the extractor runs {BUILD.describe()}")


# --- deciding: a fake package with a fake record -----------------------------


def fake_build(top: Path, modules=("cut", "extract")) -> Path:
    """top/analyzers/entities with sources, their 'compiled' files and a record."""
    package = top / "analyzers" / "entities"
    package.mkdir(parents=True)
    for name in ("__init__", "sources", *modules):
        (package / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
    for name in modules:
        (package / f"{name}{SUFFIX}").write_bytes(b"")
    (top / f"{compiled_build.SHARED_LIBRARY}{SUFFIX}").write_bytes(b"")
    record = BuildRecord(SUFFIX, {name: stamp(package / f"{name}.py") for name in modules})
    (package / compiled_build.RECORD_FILE).write_text(record.to_text(), encoding="utf-8")
    return package


def test_a_build_matching_its_record_is_compiled(tmp_path):
    assert decide(fake_build(tmp_path), {}, SUFFIX) == compiled_build.ExtractionBuild(True, "compiled")


def test_an_edited_source_makes_the_build_stale(tmp_path):
    package = fake_build(tmp_path)
    (package / "cut.py").write_text("# CUT\n", encoding="utf-8")  # same size, new content
    build = decide(package, {}, SUFFIX)
    assert (build.compiled, build.reason, build.detail) == (False, "stale", "cut.py changed since the build")
    assert "cut.py changed" in build.describe()


def test_a_source_touched_but_unchanged_is_still_compiled(tmp_path):
    package = fake_build(tmp_path)
    os.utime(package / "cut.py", ns=(1, 1))  # as a checkout or an installed copy leaves it
    assert decide(package, {}, SUFFIX).compiled


def test_a_module_added_since_the_build_makes_it_stale(tmp_path):
    package = fake_build(tmp_path)
    (package / "new_rule.py").write_text("", encoding="utf-8")
    assert decide(package, {}, SUFFIX).detail == "new_rule.py added since the build"


def test_modules_left_in_python_never_make_it_stale(tmp_path):
    package = fake_build(tmp_path)
    (package / "sources.py").write_text("# edited\n", encoding="utf-8")
    assert decide(package, {}, SUFFIX).compiled


@pytest.mark.parametrize(
    "damage, detail",
    [
        (lambda package: (package / compiled_build.RECORD_FILE).unlink(), ""),
        (lambda package: (package / compiled_build.RECORD_FILE).write_text("garbage"), ""),
        (lambda package: (package / f"cut{SUFFIX}").unlink(), "compiled files missing (cut)"),
        (
            lambda package: (package.parent.parent / f"{compiled_build.SHARED_LIBRARY}{SUFFIX}").unlink(),
            f"compiled files missing ({compiled_build.SHARED_LIBRARY})",
        ),
    ],
    ids=["no record", "unreadable record", "a module's compiled file gone", "shared library gone"],
)
def test_without_a_whole_build_it_is_not_built(tmp_path, damage, detail):
    package = fake_build(tmp_path)
    damage(package)
    assert decide(package, {}, SUFFIX) == compiled_build.ExtractionBuild(False, "not built", detail)


def test_a_build_for_another_python_is_not_built(tmp_path):
    build = decide(fake_build(tmp_path), {}, ".cpython-399-other.so")
    assert (build.compiled, build.reason) == (False, "not built") and SUFFIX in build.detail


@pytest.mark.parametrize("value, compiled", [("1", False), ("yes", False), ("0", True), ("", True)])
def test_pure_python_on_request(tmp_path, value, compiled):
    build = decide(fake_build(tmp_path), {"SEARCHIDX_PURE_PYTHON": value}, SUFFIX)
    assert build.compiled is compiled and build.reason == ("compiled" if compiled else "asked")


def test_the_pure_finder_finds_the_package_sources_only(tmp_path):
    package = fake_build(tmp_path)
    finder = PurePythonFinder(package)
    spec = finder.find_spec("analyzers.entities.cut")
    assert spec.origin == str(package / "cut.py") and spec.loader.get_filename("analyzers.entities.cut") == spec.origin
    assert finder.find_spec("analyzers.entities.missing") is None
    assert finder.find_spec("analyzers.normalizer") is None and finder.find_spec("cut") is None


def test_the_record_reads_back_what_it_wrote(tmp_path):
    record = BuildRecord(SUFFIX, {"cut": stamp(fake_build(tmp_path) / "cut.py")})
    assert BuildRecord.from_text(record.to_text()) == record


# --- the import: one choice for the whole package ------------------------------


def run_python(
    code: str, env: dict | None = None, cwd: Path = REPO, args: tuple[str, ...] | list[str] = ()
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}
    )


LOADED = """
import json, sys
import analyzers.entities as entities
from analyzers.entities import extract_entities
extract_entities("Edi Rama takoi Albin Kurtin në Prishtinë.")
from analyzers.entities.compiled_build import NOT_COMPILED
loaded = [m.__file__.rsplit("/", 1)[1].split(".")[1] for m in list(sys.modules.values())
          if m.__name__.startswith("analyzers.entities.") and m.__name__.rsplit(".", 1)[1] not in NOT_COMPILED]
print(json.dumps([entities.extraction_build().reason, sorted(set(loaded))]))
"""


def test_asked_for_pure_python_every_module_is_pure():
    done = run_python(LOADED, {"SEARCHIDX_PURE_PYTHON": "1"}, cwd=Path("/"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["asked", ["py"]] and done.stderr == ""


@needs_compiled
def test_compiled_every_module_is_compiled_from_any_directory(tmp_path):
    done = run_python(LOADED, {"SEARCHIDX_PURE_PYTHON": ""}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    reason, suffixes = json.loads(done.stdout)
    assert reason == "compiled" and suffixes == [compiled_build.EXTENSION_SUFFIXES[0].split(".")[1]]


@needs_compiled
def test_a_stale_build_loads_pure_python_with_one_warning(tmp_path):
    """A copy of the compiled tree with one source edited: every module is
    then pure Python (compiled ones would call the old code), and stderr
    says once how to rebuild."""
    top = tmp_path / "tree"
    shutil.copytree(REPO / "analyzers", top / "analyzers", ignore=shutil.ignore_patterns("__pycache__"))
    for shared in REPO.glob(f"{compiled_build.SHARED_LIBRARY}.*"):
        shutil.copy2(shared, top)
    with (top / "analyzers" / "entities" / "cut.py").open("a", encoding="utf-8") as source:
        source.write("\n# an edit the compiled cut module does not have\n")
    done = run_python(LOADED, {"PYTHONPATH": str(top), "SEARCHIDX_PURE_PYTHON": ""}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["stale", ["py"]]
    warnings = done.stderr.splitlines()
    assert len(warnings) == 1 and "cut.py changed since the build" in warnings[0] and "pip install -e ." in warnings[0]


def test_a_mention_pickles_and_copies():
    """Users send mentions between processes (pickle) and copy them: compiled
    too, where a frozen class refuses the default way (Mention.__reduce__)."""
    import copy
    import pickle

    from analyzers.entities import extract_entities

    mentions = extract_entities("Edi Rama foli në Tiranë.")
    assert mentions and pickle.loads(pickle.dumps(mentions)) == mentions and copy.deepcopy(mentions) == mentions


# --- compiled and pure: the same mentions and the same index fields -----------

EXTRACT_ALL = """
import json, sys
from pathlib import Path
from analyzers.entities import extract_entities, extraction_build
from searchidx.index.entities import entity_fields
out = {"build": extraction_build().reason, "articles": {}}
for path in sys.argv[1:]:
    text = Path(path).read_text(encoding="utf-8")
    out["articles"][path] = [[m.as_dict() for m in extract_entities(text)], entity_fields(text)]
print(json.dumps(out, ensure_ascii=False))
"""


def extract_all(paths: list[Path], env: dict) -> dict:
    done = run_python(EXTRACT_ALL, env, args=[str(path) for path in paths])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@needs_compiled
@pytest.mark.slow
@pytest.mark.parametrize(
    "folder",
    [CORPUS, SHARED_DATA / "news-dev"],
    ids=["corpus", "news-dev"],
)
def test_compiled_and_pure_extract_the_same(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    paths = sorted(folder.rglob("*.txt"))
    compiled = extract_all(paths, {"SEARCHIDX_PURE_PYTHON": ""})
    pure = extract_all(paths, {"SEARCHIDX_PURE_PYTHON": "1"})
    assert (compiled["build"], pure["build"]) == ("compiled", "asked")
    assert len(compiled["articles"]) == len(paths) > 0
    assert sum(len(mentions) for mentions, _ in compiled["articles"].values()) > len(paths)
    differing = [path for path in paths if compiled["articles"][str(path)] != pure["articles"][str(path)]]
    assert not differing


# --- the build: all or nothing -------------------------------------------------


def load_setup():
    spec = importlib.util.spec_from_file_location("searchidx_setup", REPO / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # its setup() runs only as __main__
    return module


def test_mypyc_failing_means_a_pure_install_with_one_warning(monkeypatch, capsys):
    setup = load_setup()
    import mypyc.build

    def type_error(*args, **kwargs):
        sys.exit(1)  # what mypyc does on a type error

    monkeypatch.setattr(mypyc.build, "mypycify", type_error)
    assert setup.mypyc_extensions() == []
    warning = capsys.readouterr().err.strip().splitlines()
    assert len(warning) == 1 and "mypyc could not compile" in warning[0] and "pure Python" in warning[0]
    assert setup.FAILURES == ["mypyc could not compile analyzers/entities (errors in its type check or compilation)"]


def test_one_extension_failing_keeps_none(tmp_path, monkeypatch, capsys):
    """The C compiler builds the first extension and fails on the second:
    the first one's file is removed, nothing is copied in place, and no
    record claims a compiled build."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext
    from setuptools.errors import CompileError

    setup = load_setup()
    package = tmp_path / "analyzers" / "entities"
    package.mkdir(parents=True)
    for name in ("first", "second"):
        (package / f"{name}.py").write_text("", encoding="utf-8")
    # a previous build's files in build/, which setuptools never empties
    old_build = tmp_path / "build" / "analyzers" / "entities"
    old_build.mkdir(parents=True)
    old_files = [old_build / f"second{SUFFIX}", old_build / compiled_build.RECORD_FILE]
    old_files.append(old_build.parent.parent / f"{compiled_build.SHARED_LIBRARY}{SUFFIX}")
    for path in old_files:
        path.write_bytes(b"old")
    built = []

    def compile_one(self, ext):
        if ext.name.endswith("second"):
            raise CompileError("gcc: error: no such compiler")
        path = Path(self.build_lib, self.get_ext_filename(ext.name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"compiled")
        built.append(path)

    monkeypatch.setattr(build_ext, "build_extension", compile_one)
    monkeypatch.setattr(setup, "PACKAGE_DIR", package)
    extensions = [Extension(f"analyzers.entities.{name}", sources=[]) for name in ("first", "second")]
    command = setup.build_ext_all_or_nothing(Distribution({"ext_modules": extensions}))
    command.build_lib = str(tmp_path / "build")
    command.build_temp = str(tmp_path / "temp")
    command.ensure_finalized()
    command.run()
    assert len(built) == 1 and not built[0].exists()
    assert not any(path.exists() for path in old_files if path.name != compiled_build.RECORD_FILE)
    assert command.extensions == []
    warning = capsys.readouterr().err.strip().splitlines()
    assert len(warning) == 1 and "the C compiler failed on analyzers.entities.second (CompileError" in warning[0]
    # the record says why the build is pure Python, for `searchidx stats`
    (suffix_record,) = (tmp_path / "build").rglob(compiled_build.RECORD_FILE)
    build = decide(suffix_record.parent, {}, SUFFIX)
    assert (build.compiled, build.reason) == (False, "not built")
    assert build.detail == "the build failed: the C compiler failed on analyzers.entities.second (CompileError)"


def test_the_install_did_not_fall_back_for_the_code():
    """Where mypyc rejects the extractor's code (an annotation that is not
    true, a construct it cannot compile), the install goes on in pure
    Python, and pip says so only with -v: CI, which runs compiled code,
    must fail here instead of running pure Python silently."""
    assert "mypyc could not compile" not in BUILD.detail, BUILD.describe()
