"""Named entities in Albanian text: people, places, organisations.

``extract_entities(text)`` returns the mentions in order, each with
character offsets, type and canonical name. Rules and dictionaries only: no
model to download. See :mod:`analyzers.entities.canonical` for the written
convention of canonical forms.
"""

from analyzers.entities.extract import Evidence, Mention, extract_entities

__all__ = ["Evidence", "Mention", "extract_entities"]
