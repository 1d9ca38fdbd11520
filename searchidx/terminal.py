"""Handing what was found to the rest of the terminal: a pager, an editor,
the clipboard, a link.

Shared by the command line (`searchidx open`, `search --open N`) and the
full-screen app (`o`, `e`, `y`), so both follow the same conventions:
`$PAGER` (else less, else more), `$VISUAL` or `$EDITOR` (else nano, else
vi), the clipboard by OSC 52 (which works over ssh and in tmux with
`set-clipboard on`), and file paths as OSC 8 links.
"""

from __future__ import annotations

import base64
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

PAGERS = ("less", "more")
EDITORS = ("nano", "vi")


class NoProgram(Exception):
    """No pager or editor to run, or the one named cannot be run."""


def _command(variables: tuple[str, ...], fallbacks: tuple[str, ...], kind: str) -> list[str]:
    for variable in variables:
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    for program in fallbacks:
        if shutil.which(program):
            return [program]
    raise NoProgram(f"no {kind} found: set ${variables[-1]}")


def pager_command() -> list[str]:
    """$PAGER, else less, else more."""
    return _command(("PAGER",), PAGERS, "pager")


def editor_command() -> list[str]:
    """$VISUAL, else $EDITOR, else nano, else vi."""
    return _command(("VISUAL", "EDITOR"), EDITORS, "editor")


def run_on_file(command: list[str], path: str | os.PathLike) -> int:
    """Runs `command path` in the foreground, on this terminal; its exit code."""
    try:
        return subprocess.run([*command, os.fspath(path)]).returncode
    except OSError as error:
        raise NoProgram(f"cannot run {shlex.join(command)}: {error.strerror or error}") from None


def run_on_text(command: list[str], text: str) -> int:
    """Runs `command` with text on its standard input (a pager showing an
    article that is not a file of its own: a record of an export)."""
    try:
        return subprocess.run(command, input=text, text=True, encoding="utf-8").returncode
    except OSError as error:
        raise NoProgram(f"cannot run {shlex.join(command)}: {error.strerror or error}") from None


def copy_sequence(text: str) -> str:
    """The OSC 52 escape sequence that puts text on the terminal's clipboard."""
    return f"\x1b]52;c;{base64.b64encode(text.encode('utf-8')).decode('ascii')}\x07"


def link_sequence(url: str, text: str) -> str:
    """text as an OSC 8 link to url (terminals without links show the text)."""
    return f"\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\"


def file_url(path: str | os.PathLike) -> str:
    """file:// URL of an absolute path, with the host name, as OSC 8 asks
    (a terminal on another machine then does not open a local file)."""
    url = Path(path).as_uri()
    host = os.uname().nodename if hasattr(os, "uname") else ""
    return url.replace("file://", f"file://{host}", 1) if host else url


def print_file(path: str | os.PathLike, stream=None) -> None:
    """Writes the file's text to stream (stdout): a pager's job in a pipe."""
    stream = stream or sys.stdout
    stream.write(Path(path).read_text(encoding="utf-8", errors="replace"))
    stream.flush()
