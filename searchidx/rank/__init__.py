"""Ranking a built query's matches.

`ranker` (every query ranked one way: the first hits and all matches),
`settings` (every ranking knob in one place: BM25F weights, near forms,
re-ranking, recency), `scorer` (BM25F over whole posting lists as arrays),
`nearforms` (credit for a missing key's derivations), `rerank` (character
4-grams over the first hits).
"""
