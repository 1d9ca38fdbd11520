"""Reading option and argument values without Pydantic.

Typer 0.29 checks every value with a Pydantic TypeAdapter: importing
Pydantic and building the adapters cost every command more than the rest
of its start-up (docs/performance.md). The values searchidx
takes are plain (text, whole numbers, numbers, paths, a choice, lists of
them), so they are read here instead, with the same checks (`min`, the
choices) and errors that name the option. A parameter of any other type
keeps Typer's own reading.

Typer has no public way to do this: its one hook for reading a value,
`typer.Option(parser=...)`, is itself wrapped in a TypeAdapter (Typer
0.29.2, pinned in pyproject.toml). So `read_plainly` gives each plain
parameter a reader of its own through the one attribute Typer consults
before it builds an adapter, `_runtime_param`: an object with Typer's
`coerce(value, param, ctx)` method. Nothing else of Typer's private
modules is imported here; tests/test_search_cli.py checks the errors and
tests/test_cli_conventions.py that no command imports Pydantic.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from typer import BadParameter

SIMPLE_TYPES = {str: "text", int: "whole number", float: "number", Path: "path", bool: "yes or no"}
BOOLEAN_WORDS = {
    "1": True,
    "true": True,
    "yes": True,
    "on": True,
    "0": False,
    "false": False,
    "no": False,
    "off": False,
}


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kinds = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(kinds) == 1:
            return kinds[0]
    return annotation


def _item_type(annotation: Any) -> tuple[Any, bool] | None:
    """(the type of one value, whether a list of them), or None if not plain."""
    annotation = _unwrap_optional(annotation)
    many = typing.get_origin(annotation) is list
    if many:
        (annotation,) = typing.get_args(annotation) or (None,)
    if annotation in SIMPLE_TYPES:
        return annotation, many
    if typing.get_origin(annotation) is Literal and all(isinstance(v, str) for v in typing.get_args(annotation)):
        return annotation, many
    return None


@dataclass(frozen=True)
class PlainValue:
    """Reads the values of one parameter of a plain type (see module doc)."""

    parameter_info: Any  # typer.models.ParameterInfo: its min and max
    annotation: Any

    def coerce(self, value: Any, param, ctx) -> Any:
        """As Typer reads a value: none given is None, or () for a list."""
        many = param.multiple or param.nargs == -1
        if value is None:
            return () if many else None
        if many and isinstance(value, str):
            raise BadParameter("Value must be an iterable.", ctx=ctx, param=param)
        plain = _item_type(self.annotation)
        assert plain is not None, "read_plainly gives PlainValue only to plain parameters"
        kind, listed = plain
        if listed:
            return [self._one(kind, item, param, ctx) for item in value]
        return self._one(kind, value, param, ctx)

    def _one(self, kind: Any, value: Any, param, ctx) -> Any:
        if typing.get_origin(kind) is Literal:
            choices = typing.get_args(kind)
            if value not in choices:
                raise BadParameter(f"{value!r} is not one of {', '.join(map(repr, choices))}", ctx=ctx, param=param)
            return value
        if kind is bool:
            read = value if isinstance(value, bool) else BOOLEAN_WORDS.get(str(value).lower())
            if read is None:
                raise BadParameter(f"{value!r} is not {SIMPLE_TYPES[bool]}", ctx=ctx, param=param)
            return read
        if isinstance(value, kind) and not isinstance(value, bool):
            read = value
        else:
            try:
                read = kind(value)
            except (TypeError, ValueError):
                raise BadParameter(f"{value!r} is not a {SIMPLE_TYPES[kind]}", ctx=ctx, param=param) from None
        least, most = self.parameter_info.min, self.parameter_info.max
        if least is not None and read < least:
            raise BadParameter(f"{value} is less than {least}", ctx=ctx, param=param)
        if most is not None and read > most:
            raise BadParameter(f"{value} is more than {most}", ctx=ctx, param=param)
        return read


def read_plainly(params) -> None:
    """Gives each parameter of a plain type the reading above (see module doc)."""
    for param in params:
        described = getattr(param, "type_descriptor", None)
        if described is None or described.file_annotation is not None:
            continue
        if _item_type(described.annotation) is not None:
            param._runtime_param = PlainValue(parameter_info=described.parameter_info, annotation=described.annotation)
