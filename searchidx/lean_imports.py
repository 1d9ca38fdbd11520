"""Whoosh and numpy without the modules they import and searchidx never uses.

Whoosh-Reloaded 2.7.5, pinned (searchidx.codec.whoosh_support), imports at
module level three things no search or indexing run of searchidx calls:

* `whoosh.compat` takes `urlretrieve` from `urllib.request` (which imports
  http.client, email, ssl and socket) and exports it; nothing in Whoosh
  calls it;
* `whoosh.reading` imports the `cached_property` package, which imports
  asyncio (its event loops, subprocess and SSL transports) to ask, when a
  cached property is first read, whether its function is a coroutine
  function;
* `whoosh.query.terms` imports English morphology tables
  (`whoosh.lang.morph_en`) for its `Variations` query.

numpy 2.4 (pinned) imports its typing aliases (`numpy._typing`, half of
what `import numpy` runs of Python) only for `numpy.linalg` to annotate its
result tuples with `NDArray`.

Together they were a sixth of what a CLI search of the bundled corpus cost
in a new process (docs/performance.md). `install()` (run by `import
searchidx`) adds an import hook that executes these four importers with a
stand-in for each of those imports: a module holding the names the importer
takes at import time (a function that imports the real module when first
called; for numpy, the same `NDArray` alias built from numpy's classes),
any other name forwarded to the real module on first use. The stand-in is
in `sys.modules` only while the importer runs, so any other `import
urllib.request`, `import asyncio` or `import numpy.typing` gets the real
module, and behaviour is unchanged: the stand-in's `iscoroutinefunction` is
asyncio's once asyncio is imported (before that, no function can carry
asyncio's coroutine marker, and it is inspect's). An importer that takes a
name its stand-in lacks (another version of it) gets the real module, and
one imported before searchidx got its real imports.

tests/test_lean_imports.py checks that, and tests/test_cli_conventions.py
that a search imports none of these modules.
"""

from __future__ import annotations

import importlib
import sys
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader


class StandIn(types.ModuleType):
    """A module's stand-in: its given names, then the real module's."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            # The importer takes a name the stand-in lacks (another version
            # of it): it gets the real module, as without the hook.
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def deferred(module: str, name: str) -> Callable:
    """A function that imports `module` when first called and calls its `name`."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported when first called (searchidx.lean_imports)."
    return call


def iscoroutinefunction(function: Any) -> bool:
    """asyncio.iscoroutinefunction, without importing asyncio: until it is
    imported, no function carries its coroutine marker and inspect's answer
    is the same."""
    real = sys.modules.get("asyncio")
    if real is not None and not isinstance(real, StandIn):
        return real.iscoroutinefunction(function)
    import inspect

    return inspect.iscoroutinefunction(function)


def numpy_typing_names() -> dict[str, Any]:
    """numpy._typing's NDArray, as numpy.linalg annotates its result tuples
    with it: the same alias (NDArray[Any] compares equal), made from numpy's
    own classes, which exist by the time numpy imports linalg."""
    numpy: Any = sys.modules["numpy"]
    _ScalarT = typing.TypeVar("_ScalarT", bound=numpy.generic)  # numpy's own name for it
    return {"NDArray": numpy.ndarray[tuple[Any, ...], numpy.dtype[_ScalarT]]}


# The names an importer takes from a module when imported, or a function
# returning them when the importer runs.
Names = dict[str, Any] | Callable[[], dict[str, Any]]

# Importer -> {module it imports: the names it takes from it}.
STAND_INS: dict[str, dict[str, Names]] = {
    "whoosh.compat": {"urllib.request": {"urlretrieve": deferred("urllib.request", "urlretrieve")}},
    "cached_property": {"asyncio": {"iscoroutinefunction": iscoroutinefunction}},
    "whoosh.query.terms": {"whoosh.lang.morph_en": {"variations": deferred("whoosh.lang.morph_en", "variations")}},
    "numpy.linalg._linalg": {"numpy._typing": numpy_typing_names},
}


class StandInLoader:
    """Runs the real loader with the importer's stand-ins in sys.modules."""

    def __init__(self, loader: Any, stand_ins: dict[str, Names]) -> None:
        self.loader = loader
        self.stand_ins = stand_ins

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, ... for tracebacks and tools
        return getattr(self.loader, name)

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        placed = {}
        for name, names in self.stand_ins.items():
            if name not in sys.modules:
                stand_in = StandIn(name)
                stand_in.__dict__.update(names() if callable(names) else names)
                sys.modules[name] = placed[name] = stand_in
        try:
            self.loader.exec_module(module)
        finally:
            for name, stand_in in placed.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]


class StandInFinder:
    """An import hook for STAND_INS's importers; every other import passes by."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        stand_ins = STAND_INS.get(fullname)
        if stand_ins is None:
            return None
        for finder in sys.meta_path:
            if isinstance(finder, StandInFinder) or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = cast("Loader", StandInLoader(spec.loader, stand_ins))
                return spec
        return None


def install() -> None:
    """Adds the import hook (once) ahead of the standard finders."""
    if not any(isinstance(finder, StandInFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, StandInFinder())
