"""Writing for a person at a terminal or for a program at the end of a pipe.

What the commands print is built as `Line`s of `(text, style)` pieces, never
as markup: a file name or a query such as `[bold]` is printed as written.
On a terminal the lines go through Rich (colour, links, the snippet wrapped
under its indent); anywhere else they are written as plain text, one line
each, with no colour, no wrapping and no trailing spaces, and without
importing Rich at all.

Colour follows the usual conventions: only on a terminal, never with
`NO_COLOR` set or `TERM=dumb`, and always with `FORCE_COLOR` set.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

# (text, Rich style or None); the style may carry a link: "dim link file:///…".
Piece = tuple[str, "str | None"]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 document`, `2 documents`: a count with its noun in agreement."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


@dataclass
class Line:
    """One line of output: pieces of text, each with its style.

    wrap: on a terminal, wrap it to the width under `indent`; otherwise (and
    always in a pipe) it is written whole, however long.
    link: a URL the whole line points to on a terminal (OSC 8).
    """

    pieces: list[Piece] = field(default_factory=list)
    indent: int = 0
    wrap: bool = False
    link: str | None = None

    def plain(self) -> str:
        return (" " * self.indent + "".join(text for text, _ in self.pieces)).rstrip()


def is_terminal(stream: IO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def colour_enabled(stream: IO | None) -> bool:
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


def console(stream: IO | None = None):
    """A Rich console on stream (default stdout) that reads no markup: for a
    progress bar or a table on a terminal. (Made anew each time: tests swap
    sys.stdout between commands.)"""
    from rich.console import Console

    stream = stream or sys.stdout
    return Console(
        file=stream,
        highlight=False,
        markup=False,
        emoji=False,
        no_color=not colour_enabled(stream),
        force_terminal=bool(os.environ.get("FORCE_COLOR")) or None,
    )


def write_lines(lines: Iterable[Line], stream: IO | None = None) -> None:
    """Writes lines: through Rich on a terminal, as plain text otherwise."""
    stream = stream or sys.stdout
    if not is_terminal(stream):
        stream.write("".join(line.plain() + "\n" for line in lines))
        return
    from rich.padding import Padding
    from rich.style import Style
    from rich.text import Text

    target = console(stream)
    for line in lines:
        text = Text.assemble(*((piece, style or "") for piece, style in line.pieces), end="")
        if line.link:
            text.stylize(Style(link=line.link))
        if line.wrap:
            target.print(Padding(text, (0, 0, 0, line.indent), expand=False))
        else:
            target.print(Text(" " * line.indent) + text, soft_wrap=True)


def _message_line(label: str, colour: str, message: str) -> None:
    one_line = " ".join(str(message).split("\n")).strip()
    if colour_enabled(sys.stderr):
        label = f"\x1b[1;{colour}m{label}\x1b[0m"
    sys.stderr.write(f"{label} {one_line}\n")
    sys.stderr.flush()


def error_line(message: str) -> None:
    """`error: message` on stderr, on one line (red on a terminal)."""
    _message_line("error:", "31", message)


def warning_line(message: str) -> None:
    """`warning: message` on stderr, on one line (yellow on a terminal)."""
    _message_line("warning:", "33", message)


def print_json(data, stream: IO | None = None) -> None:
    """One JSON document, indented, Albanian letters unescaped."""
    (stream or sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_json_line(data, stream: IO | None = None) -> None:
    """One JSON object on one line (JSON Lines), flushed for the reader."""
    stream = stream or sys.stdout
    stream.write(json.dumps(data, ensure_ascii=False) + "\n")
    stream.flush()
