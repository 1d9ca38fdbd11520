"""The Typer application and what every command shares.

Start-up matters: every call of `searchidx` imports this module and every
command module, so none of them imports the query layer, numpy, Whoosh,
Rich or Textual at module level; each command imports what it needs when it
runs (tests/test_cli_conventions.py checks that `--help` stays so).

Errors are one line on stderr: a usage error (an unknown option, a bad
value, a broken query) exits with 2, a failure (no index, an unreadable
file) with 1, and `search` exits with 1 when it finds nothing, as grep does.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal

import typer

from searchidx import __version__
from searchidx.cli.help import MAX_HELP_WIDTH, SearchidxCommand, SearchidxGroup
from searchidx.cli.output import error_line
from searchidx.errors import QuerySyntaxError, SearchidxError
from searchidx.paths import INDEX_ENV_VAR

EXIT_FAILURE = 1
EXIT_USAGE = 2
# `search` and `open` found nothing (grep's and ripgrep's convention).
EXIT_NOTHING_FOUND = 1


class SearchidxTyper(typer.Typer):
    """A Typer app whose commands write their help as searchidx.cli.help does."""

    def command(self, *args, cls=None, **kwargs):
        return super().command(*args, cls=cls or SearchidxCommand, **kwargs)


app = SearchidxTyper(
    name="searchidx",
    cls=SearchidxGroup,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": MAX_HELP_WIDTH},
)

IndexOption = Annotated[
    Path | None,
    typer.Option(
        "--index",
        envvar=INDEX_ENV_VAR,
        metavar="PATH",
        help="Index folder.",
        show_default="./.searchidx",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
# An index folder is code to Whoosh (searchidx.index.store): one another user owns,
# or others may write to, is opened only when trusted explicitly.
TrustOption = Annotated[
    bool,
    typer.Option(
        "--trust",
        envvar="SEARCHIDX_TRUST",
        help="Open the index even if another user owns its folder or others may write to it.",
    ),
]


# Shared by `searchidx search` and `searchidx open`.
Sort = Literal["relevance", "date"]
QueryArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="QUERY",
        help="What to look for: 'Kina Rusia', '\"Brezi dhe Rruga\"', 'Kina data:2023 vend:Tajvan'.",
        show_default=False,
    ),
]
FilterOption = Annotated[
    list[str] | None,
    typer.Option(
        "--filter",
        "-f",
        metavar="FILTER",
        help="Narrow to a filter, e.g. data:2023, vend:Kina, person:Putin (repeatable); with filters, QUERY may be "
        "left out to browse.",
    ),
]
SortOption = Annotated[Sort, typer.Option("--sort", help="Order: by relevance, or by date (newest first).")]
PlainOption = Annotated[
    bool, typer.Option("--plain", help="Read the query as plain words: no operators, phrases or filters.")
]
RecencyOption = Annotated[
    float,
    typer.Option("--recency", min=0.0, metavar="R", help="Boost newer articles: R=1 doubles the newest one's score."),
]


def show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"searchidx {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True, epilog="Run 'searchidx COMMAND --help' for a command's options.")
def no_command(
    context: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Full-text search for Albanian text: index a folder of articles, then search it.

    With no command in a terminal, opens the full-screen app (searchidx tui).
    """
    if context.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        from searchidx.tui import run_app

        run_app()
    else:
        sys.stdout.write(context.get_help() + "\n")


def fail(message: str, code: int = EXIT_FAILURE) -> typer.Exit:
    """Prints `error: message` on stderr and returns the exit to raise."""
    error_line(message)
    return typer.Exit(code)


def usage_error(message: str) -> typer.Exit:
    """A mistake in how the command was called: one line, exit code 2."""
    return fail(message, EXIT_USAGE)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turns SearchidxError into one line on stderr: a broken query is a
    usage error (exit 2), anything else a failure (exit 1)."""
    try:
        yield
    except QuerySyntaxError as error:
        raise usage_error(str(error)) from None
    except SearchidxError as error:
        raise fail(str(error)) from None
