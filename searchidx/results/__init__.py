"""What a search returns: `search` (a page of hits, the total, facets,
"did you mean"), `facets`, `snippets`, `suggest`, `reading` (one article
with its matches marked) and `nothing_found` (why a search found nothing).
"""
