"""`searchidx optimize`: merge the index's segments into one."""

import time
from dataclasses import asdict
from typing import Annotated

import typer

from searchidx.cli.app import IndexOption, JsonOption, app, user_errors
from searchidx.cli.output import Line, counted, print_json, write_lines


@app.command("optimize")
def optimize_command(
    index: IndexOption = None,
    wait: Annotated[
        float | None,
        typer.Option("--wait", min=0, metavar="SECONDS", help="How long to wait for another writer.", show_default="5"),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Merge the index's segments into one and drop deleted documents: searches get faster."""
    from searchidx.api import Index
    from searchidx.index.lock import DEFAULT_WAIT_SECONDS

    with user_errors(), Index.open(index) as opened:
        before = opened.stats()
        started = time.perf_counter()
        after = opened.optimize(wait=DEFAULT_WAIT_SECONDS if wait is None else wait)
        seconds = time.perf_counter() - started
    if as_json:
        print_json({"segments_before": len(before.segments), "seconds": round(seconds, 3), **asdict(after)})
        return
    write_lines(
        [
            Line(
                [
                    (
                        f"merged {counted(len(before.segments), 'segment')} into {len(after.segments)} in {seconds:.2f} s; "
                        f"{counted(after.documents, 'document')}, {after.size_bytes / 1e6:.1f} MB on disk.",
                        None,
                    )
                ]
            )
        ]
    )
