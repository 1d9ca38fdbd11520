"""How the command line explains itself: help pages and usage errors.

Help is plain text, laid out as gh and Click lay it out: the command's
description, its usage line, then arguments and options with their value
(`-n, --limit N`, `--sort relevance|date`), what they do and their default.
It is written without Rich: Rich read the `[default: …]` of help texts as
markup and dropped it, Typer's panels showed `<bool>` and `<int range> [x>=1]`
for every option, and importing Rich alone costs more than a help page
should take.

A usage error (an unknown option, a bad value, a missing argument) is one
line on stderr and exit code 2; see SearchidxGroup.main. Values are read
by searchidx.cli.values, not by Typer's Pydantic adapters.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from typer import _click
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.exceptions import Abort

from searchidx.cli.output import error_line
from searchidx.cli.values import read_plainly

# Help pages are wrapped to the terminal, but no wider than this.
MAX_HELP_WIDTH = 100
# What a value of each type is called in `--limit N`.
METAVARS = {int: "N", float: "NUMBER", str: "TEXT", Path: "PATH"}


def metavar(param: TyperOption | TyperArgument) -> str:
    """The name of the value a parameter takes: its metavar, its choices
    (`relevance|date`), or a word for its type; "" for a flag."""
    if isinstance(param, TyperOption) and (param.is_flag or param.count):
        return ""
    if param.metavar:
        return param.metavar
    described = param.type_descriptor
    if described.choices is not None:
        return "|".join(str(getattr(choice, "value", choice)) for choice in described.choices)
    if isinstance(param, TyperArgument):
        return param.name.upper()
    annotation = described.annotation
    if described.is_list:
        annotation = annotation.__args__[0]
    return METAVARS.get(annotation, "VALUE")


def default_text(param: TyperOption | TyperArgument, ctx: _click.Context) -> str | None:
    """The default as help shows it, or None when there is none to show."""
    if isinstance(param.show_default, str):
        return param.show_default
    if not param.show_default:
        return None
    default = param.get_default(ctx, call=False)
    if default is None or default is False or default == [] or default == () or callable(default):
        return None
    if isinstance(default, float) and default.is_integer():
        default = int(default)
    return str(getattr(default, "value", default))


def param_help(param: TyperOption | TyperArgument, ctx: _click.Context) -> str:
    text = (param.help or "").strip().removesuffix(".")  # gh style: no full stop, "(default: 10)" after
    notes = []
    default = default_text(param, ctx)
    if default is not None:
        notes.append(f"default: {default}")
    if param.envvar and getattr(param, "show_envvar", True):
        names = param.envvar if isinstance(param.envvar, (list, tuple)) else [param.envvar]
        notes.append("env: " + ", ".join(f"${name}" for name in names))
    if notes:
        text = f"{text} ({'; '.join(notes)})" if text else "; ".join(notes)
    return text


def option_row(param: TyperOption, ctx: _click.Context) -> tuple[str, str]:
    # Short options first, as gh and Click do: `-n, --limit N`.
    names = sorted(param.opts, key=lambda name: (name.startswith("--"), name))
    label = ", ".join(names)
    if param.secondary_opts:
        label += " / " + ", ".join(param.secondary_opts)
    value = metavar(param)
    if value:
        label += f" {value}" + ("..." if param.multiple and not param.metavar else "")
    if names[0].startswith("--"):
        label = "    " + label  # long options line up after `-n, `
    return label, param_help(param, ctx)


def argument_row(param: TyperArgument, ctx: _click.Context) -> tuple[str, str]:
    label = metavar(param) + ("..." if param.nargs == -1 else "")
    return label, param_help(param, ctx)


def usage_pieces(command: _click.Command, ctx: _click.Context) -> str:
    pieces = ["[OPTIONS]"] if any(isinstance(p, TyperOption) for p in command.get_params(ctx)) else []
    for param in command.params:
        if isinstance(param, TyperArgument):
            name = metavar(param) + ("..." if param.nargs == -1 else "")
            pieces.append(name if param.required else f"[{name}]")
    if isinstance(command, TyperGroup):
        pieces.append("COMMAND")
    return " ".join(pieces)


def write_help(command: _click.Command, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
    """The whole help page of a command or of the group."""
    text = inspect.cleandoc(command.help or "")
    if text:
        formatter.write_text(text)
        formatter.write_paragraph()
    formatter.write_usage(ctx.command_path, usage_pieces(command, ctx))
    params = command.get_params(ctx)
    arguments = [argument_row(p, ctx) for p in params if isinstance(p, TyperArgument)]
    options = [option_row(p, ctx) for p in params if isinstance(p, TyperOption) and not p.hidden]
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl(arguments, col_max=24)
    if isinstance(command, TyperGroup):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, sub.get_short_help_str(limit=MAX_HELP_WIDTH)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)
    if options:
        with formatter.section("Options"):
            formatter.write_dl(options, col_max=30)
    if command.epilog:
        formatter.write_paragraph()
        formatter.write_text(inspect.cleandoc(command.epilog))


class SearchidxCommand(TyperCommand):
    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        read_plainly(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        write_help(self, ctx, formatter)


class SearchidxGroup(TyperGroup):
    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        read_plainly(self.get_params(ctx))  # with --help and the completion options
        return super().parse_args(ctx, args)

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        write_help(self, ctx, formatter)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Runs the command line; a usage error is one line on stderr and exit 2.

        (Click prints a usage line, a hint and the error over three lines;
        Typer a box of them.)
        """
        try:
            outcome = super().main(
                args, prog_name, complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra
            )
        except ClickException as error:
            message = error.format_message().rstrip()
            context = getattr(error, "ctx", None)
            if isinstance(error, UsageError) and context is not None:
                message += f" (see '{context.command_path} --help')"
            error_line(message)
            outcome = error.exit_code
        except Abort:
            error_line("aborted")
            outcome = 1
        if not standalone_mode:
            return outcome
        sys.exit(outcome if isinstance(outcome, int) else 0)
