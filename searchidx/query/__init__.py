"""The query language: `parser` turns what a user types into a tree,
`builder` builds the tree into a Whoosh query with the index's analyzer,
`filters` are the date and entity filters (`data:2023`, `vend:Kina`).

Above searchidx.index (filters read its document table); below
searchidx.rank, which scores what is built here.
"""
