"""`searchidx entities`: the most mentioned people, places and organisations of the index."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from searchidx.cli.app import IndexOption, JsonOption, app, console, fail, print_json, user_errors
from searchidx.entities import TYPE_OF_FIELD, entity_counts
from searchidx.schema import ENTITY_FIELDS
from searchidx.store import open_whoosh_index, resolve_index_dir

# What --type accepts: the field names, the extraction's type tags, Albanian.
TYPE_NAMES = {
    "person": "person", "per": "person", "njeri": "person", "persona": "person",
    "place": "place", "loc": "place", "vend": "place", "vende": "place",
    "org": "org", "organizata": "org", "organization": "org",
}


@app.command("entities")
def entities_command(
    type_: Annotated[
        Optional[str],
        typer.Option("--type", "-t", help="Only one type: person, place or org."),
    ] = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many to list.")] = 20,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """The entities the index mentions most, with mention and article counts."""
    fields = ENTITY_FIELDS
    if type_ is not None:
        field = TYPE_NAMES.get(type_.lower())
        if field is None:
            raise fail(f"--type must be one of {', '.join(ENTITY_FIELDS)}, not {type_!r}")
        fields = (field,)
    with user_errors():
        ix = open_whoosh_index(resolve_index_dir(index))
        try:
            with ix.reader() as reader:
                found = entity_counts(reader, fields, top)
        finally:
            ix.close()
    if as_json:
        print_json([e.as_dict() for e in found])
        return
    if not found:
        console.print("no entities in the index")
        return
    width = max(len(e.name) for e in found)
    console.print(f"[bold]{'':>3}  {'name':<{width}}  {'type':<6}  {'mentions':>8}  {'articles':>8}[/]")
    for rank, e in enumerate(found, 1):
        console.print(f"{rank:>3}  {e.name:<{width}}  {e.field:<6}  {e.mentions:>8}  {e.documents:>8}", soft_wrap=True)


__all__ = ["entities_command", "TYPE_OF_FIELD"]
