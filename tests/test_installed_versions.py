"""analyzers.installed: the versions that key the cached tables are the ones
importlib.metadata gives, read without importing it."""

import importlib
import importlib.metadata
import subprocess
import sys
import textwrap

import pytest

from analyzers import installed
from analyzers.entities import gazetteer
from analyzers.lexicon import uniparser_version


def metadata_version(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


@pytest.mark.parametrize("dist, package", sorted(gazetteer.SOURCE_PACKAGES.items()))
def test_each_source_packages_version_is_importlib_metadatas(dist, package):
    assert installed.version(dist, package) == metadata_version(dist)


def test_the_gazetteers_key_holds_the_installed_versions():
    versions = gazetteer.source_versions()
    for dist in gazetteer.SOURCE_PACKAGES:
        assert versions.get(dist) == metadata_version(dist)
    assert uniparser_version() == metadata_version("uniparser-albanian")


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on sys.path to install fake distributions in."""
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    importlib.invalidate_caches()


def install(site, package, dist_info, version, module=False):
    if module:
        (site / f"{package}.py").write_text("")
    else:
        (site / package).mkdir()
        (site / package / "__init__.py").write_text("")
    folder = site / dist_info
    folder.mkdir()
    (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: x\nVersion: {version}\n\nVersion: 9.9 (the body)\n")
    importlib.invalidate_caches()


def test_a_dist_info_folder_is_matched_by_its_normalized_name(site):
    install(site, "fakepkg_one", "Fake.Pkg_One-1.2.3.dist-info", "1.2.3")
    assert installed.version("fake-pkg-one", "fakepkg_one") == "1.2.3"
    install(site, "fakemod_two", "fakemod_two-0.4.dist-info", "0.4", module=True)
    assert installed.version("fakemod-two", "fakemod_two") == "0.4"


def test_a_package_not_importable_has_no_version(site):
    assert installed.version("no-such-dist", "no_such_package_here") is None


def test_two_dist_info_folders_of_one_name_leave_it_to_importlib_metadata(site, monkeypatch):
    install(site, "fakepkg_three", "fakepkg_three-1.0.dist-info", "1.0")
    (site / "fakepkg_three-2.0.dist-info").mkdir()
    (site / "fakepkg_three-2.0.dist-info" / "METADATA").write_text("Name: fakepkg-three\nVersion: 2.0\n")
    asked = []
    monkeypatch.setattr(installed, "_metadata_version", lambda dist: asked.append(dist) or "from metadata")
    assert installed.version("fakepkg-three", "fakepkg_three") == "from metadata"
    assert asked == ["fakepkg-three"]


def test_loading_the_entity_dictionaries_imports_no_importlib_metadata():
    gazetteer.load()  # the cached tables exist (a miss builds them, importing the sources' packages)
    code = """
        import sys
        import searchidx  # as indexing does (searchidx.lean_imports)
        from analyzers.entities import gazetteer
        gazetteer.load()
        print("importlib.metadata" in sys.modules, "email" in sys.modules)
    """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]
