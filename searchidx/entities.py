"""Entity fields of a document, as the index stores them.

A placeholder until entity extraction lands: no entities are extracted yet.
"""

from searchidx.schema import ENTITY_FIELDS


def entity_fields(body: str) -> dict[str, list[str]]:
    """Canonical entity names by index field (person, place, org)."""
    return {name: [] for name in ENTITY_FIELDS}
