"""searchidx.lean_imports: Whoosh (and numpy) load without the modules they
never use, and everything they take from them still works when called."""

import subprocess
import sys
import textwrap


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_whoosh_loads_without_urllib_asyncio_or_english_morphology():
    out = run_python(
        """
        import sys
        import searchidx, whoosh.compat, whoosh.reading, whoosh.query.terms, whoosh.searching
        print(sorted(m for m in ("urllib.request", "asyncio", "whoosh.lang.morph_en", "http.client") if m in sys.modules))
        """
    )
    assert out.strip() == "[]"


def test_the_deferred_names_call_the_real_modules():
    out = run_python(
        """
        import sys
        import searchidx, whoosh.compat, whoosh.query.terms
        import urllib.request, whoosh.lang.morph_en
        assert "urllib.request" in sys.modules and type(sys.modules["urllib.request"]).__name__ == "module"
        print(whoosh.query.terms.variations("rendering") == whoosh.lang.morph_en.variations("rendering"))
        print(whoosh.compat.urlretrieve.__name__, callable(whoosh.compat.urlretrieve))
        """
    )
    assert out.split() == ["True", "urlretrieve", "True"]


def test_cached_property_still_caches_and_wraps_coroutines():
    """cached_property took asyncio for its coroutine support: it still works,
    before and after asyncio is imported."""
    out = run_python(
        """
        import sys
        import searchidx
        from cached_property import cached_property
        assert "asyncio" not in sys.modules

        class Thing:
            calls = 0

            @cached_property
            def value(self):
                Thing.calls += 1
                return 42

            @cached_property
            async def later(self):
                return 7

        thing = Thing()
        print(thing.value, thing.value, Thing.calls)
        import asyncio

        async def main():
            return await thing.later

        print(asyncio.run(main()))
        """
    )
    assert out.split() == ["42", "42", "1", "7"]


def test_a_module_imported_before_searchidx_keeps_its_real_imports():
    out = run_python(
        """
        import sys
        import whoosh.compat
        import searchidx, whoosh.reading
        print(type(sys.modules["urllib.request"]).__name__, whoosh.compat.urlretrieve.__module__)
        """
    )
    assert out.split() == ["module", "urllib.request"]


def test_the_stem_tables_key_is_importlib_metadatas_version():
    from importlib.metadata import PackageNotFoundError, version

    from analyzers.lexicon import uniparser_version

    try:
        expected = version("uniparser-albanian")
    except PackageNotFoundError:
        expected = None
    assert uniparser_version() == expected


def test_numpy_loads_without_its_typing_aliases_and_annotates_as_before():
    """numpy.linalg's result tuples are annotated with NDArray[Any]: the
    stand-in's alias equals numpy._typing's own."""
    out = run_python(
        """
        import sys, typing
        import searchidx
        import numpy as np
        import numpy.linalg._linalg as linalg
        print("numpy._typing" in sys.modules)
        annotations = linalg.SVDResult.__annotations__
        from numpy._typing import NDArray
        print(all(hint == NDArray[typing.Any] for hint in annotations.values()), sorted(annotations))
        print(np.linalg.svd(np.eye(2)).S.tolist())
        """
    )
    assert out.split("\n")[:3] == ["False", "True ['S', 'U', 'Vh']", "[1.0, 1.0]"]


def test_an_importer_taking_a_name_the_stand_in_lacks_gets_the_real_module(tmp_path):
    """Another version of an importer may take more names than the stand-in
    has: it then imports as it would without the hook."""
    (tmp_path / "takes_more.py").write_text("from wave import open as wave_open, Error\n")
    out = run_python(
        f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from searchidx import lean_imports
        lean_imports.STAND_INS["takes_more"] = {{"wave": {{"open": lean_imports.deferred("wave", "open")}}}}
        import takes_more, wave
        print(takes_more.Error is wave.Error, takes_more.wave_open.__name__, type(sys.modules["wave"]).__name__)
        """
    )
    assert out.split() == ["True", "open", "module"]
