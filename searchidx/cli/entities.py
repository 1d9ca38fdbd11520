"""`searchidx entities`: the most mentioned people, places and organisations of the index."""

from typing import Annotated

import typer

from searchidx.cli.app import IndexOption, JsonOption, app, usage_error, user_errors
from searchidx.cli.output import Line, print_json, write_lines

# The entity fields, as searchidx.index.schema.ENTITY_FIELDS names them (a test
# checks they agree; importing the schema would import Whoosh for --help).
ENTITY_FIELDS = ("person", "place", "org")

# What --type accepts: the field names, the extraction's type tags, Albanian.
TYPE_NAMES = {
    "person": "person",
    "per": "person",
    "njeri": "person",
    "persona": "person",
    "place": "place",
    "loc": "place",
    "vend": "place",
    "vende": "place",
    "org": "org",
    "organizata": "org",
    "organization": "org",
}


@app.command("entities")
def entities_command(
    type_: Annotated[
        str | None,
        typer.Option("--type", "-t", metavar="TYPE", help="Only one type: person, place or org."),
    ] = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many to list.")] = 20,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """The entities the index mentions most, with mention and article counts."""
    from searchidx.index.entities import entity_counts
    from searchidx.index.store import open_whoosh_index
    from searchidx.paths import resolve_index_dir

    fields: tuple[str, ...] = ENTITY_FIELDS
    if type_ is not None:
        field = TYPE_NAMES.get(type_.lower())
        if field is None:
            raise usage_error(f"--type must be one of {', '.join(ENTITY_FIELDS)}, not {type_!r}")
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
        write_lines([Line([("no entities in the index", None)])])
        return
    width = max(len(e.name) for e in found)
    lines = [Line([(f"{'':>3}  {'name':<{width}}  {'type':<6}  {'mentions':>8}  {'articles':>8}", "bold")])]
    lines += [
        Line([(f"{rank:>3}  {e.name:<{width}}  {e.field:<6}  {e.mentions:>8}  {e.documents:>8}", None)])
        for rank, e in enumerate(found, 1)
    ]
    write_lines(lines)
