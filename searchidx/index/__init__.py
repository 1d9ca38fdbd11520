"""The index: what is on disk and how it is kept in step with the corpus.

Writing: `schema` (the fields), `store` (the folder, its versions, opening
it), `lock`, `indexer` (a run over folders), `documents` (an article's
fields), `workers` (indexing on every core), `manifest` (what each file
was when indexed), `checksums`, `watch`, `check` and `stats` (`searchidx
check`, `stats`, `optimize`). Reading, for the layers above: `postings`
(posting lists as arrays), `doctable` and `column_cache` (per-document
dates and entity names), `entities` (entity fields and counts).

Below it: searchidx.sources (reading article files) and searchidx.codec
(the posting format inside Whoosh). Modules are imported one by one, never
from here, so that opening the light parts loads nothing else.
"""
