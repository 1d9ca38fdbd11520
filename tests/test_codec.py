"""searchidx's posting codec (searchidx.codec): what it writes reads back the
same, through its arrays and through Whoosh's own matchers, queries and
merges, as Whoosh's own W3 codec gives it."""

from __future__ import annotations

import random
from array import array

import numpy as np
import pytest
from whoosh import fields, scoring
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage
from whoosh.formats import Existence, Frequency

from searchidx.codec import ArrayPositions, ColumnarCodec, ColumnarIndex, UnsupportedSegment, create_index
from searchidx.codec.counted import counted_record
from searchidx.codec.formats import decode_positions, encode_positions
from searchidx.codec.packing import MAX_VALUE, Packed, pack, pack_one
from searchidx.codec.postings import (
    VALUES_FREQUENCY,
    VALUES_NONE,
    VALUES_POSITIONS,
    VALUES_RAW,
    ColumnarPostingsWriter,
    PostingList,
    encode_postings,
)
from searchidx.index.postings import POSITION_SPAN, PostingReader
from searchidx.rank.scorer import score_query, top_docs

WORDS = "nafta gazi rruga tregu shkolla spitali qeveria buxheti zgjedhjet".split()


# -- integer arrays -------------------------------------------------------------


def _sequences(rng):
    yield []
    yield [0]
    yield [MAX_VALUE]
    yield [255, 256, 65535, 65536, 2**32 - 1, 2**32, 2**24, 2**24 + 1]
    for _ in range(40):
        size = rng.choice([1, 2, 5, 100, 3000])
        top = rng.choice([2, 200, 300, 70000, 2**24, 2**33])
        values = [rng.randrange(top) for _ in range(size)]
        # a few outliers: the patches
        for _ in range(rng.randrange(3)):
            values[rng.randrange(size)] = rng.randrange(MAX_VALUE)
        yield values


def test_packed_sequences_read_back_whole_and_in_part():
    rng = random.Random(5)
    for values in _sequences(rng):
        data = b"xx" + pack(values) + b"yy"  # read in place, at an offset
        packed = Packed(data, 2, len(values))
        assert packed.values().tolist() == values
        assert packed.end == len(data) - 2
        chosen = np.array(sorted(rng.sample(range(len(values)), min(len(values), 7))), dtype=np.int64)
        assert packed.take(chosen).tolist() == [values[i] for i in chosen]


def test_packing_picks_the_smallest_width():
    assert len(pack([1, 2, 3])) == 5 + 3  # one byte each
    assert len(pack([1] * 100 + [70000])) == 5 + 101 + 8  # one byte each and one patch
    assert len(pack([70000] * 10)) == 5 + 40  # four bytes each beat ten patches


def test_one_value_packs_as_a_list_of_it():
    for value in [0, 1, 255, 256, 65535, 65536, 2**32 - 1, 2**32, MAX_VALUE]:
        assert pack_one(value) == pack([value])
    with pytest.raises(ValueError):
        pack_one(-1)


def test_packing_refuses_what_it_cannot_hold():
    with pytest.raises(ValueError):
        pack([-1])
    with pytest.raises(ValueError):
        pack([MAX_VALUE + 1])
    with pytest.raises(ValueError):
        Packed(b"\x03\x00\x00\x00\x00", 0, 0)  # no such width


# -- one term's postings ---------------------------------------------------------


def _random_postings(rng, kind, count, max_positions=30):
    ids = sorted(rng.sample(range(count * 3 + 10), count))
    if kind == VALUES_POSITIONS:
        values = [
            encode_positions(
                sorted(rng.sample(range(rng.choice([50, 70000, 2**24 + 50])), rng.randint(1, max_positions)))
            )
            for _ in ids
        ]
        weights = [len(v) // 4 * rng.choice([1.0, 1.0, 2.5]) for v in values]
    elif kind == VALUES_FREQUENCY:
        freqs = [rng.randint(1, 300) for _ in ids]
        values = [f.to_bytes(4, "big") for f in freqs]
        weights = [float(f) for f in freqs]
    elif kind == VALUES_NONE:
        values = [b""] * count
        weights = [rng.choice([1.0, 1.0, 3.0])] * count
    else:
        values = [bytes(rng.randrange(256) for _ in range(rng.randrange(9))) for _ in ids]
        weights = [rng.random() * 10 for _ in ids]
    return ids, weights, values


@pytest.mark.parametrize("kind", [VALUES_NONE, VALUES_FREQUENCY, VALUES_POSITIONS, VALUES_RAW])
def test_random_posting_lists_read_back(kind):
    rng = random.Random(kind)
    for count in [1, 1, 2, 3, 17, 200, 1500]:
        ids, weights, values = _random_postings(rng, kind, count)
        record = encode_postings(kind, ids, weights, values)
        postings = PostingList(b"\0" * 3 + record, 3)
        assert len(postings) == count
        assert postings.docs().tolist() == ids
        assert postings.weights().tolist() == np.float32(weights).tolist()
        assert postings.values() == ([None] * count if kind == VALUES_NONE else values)
        if kind == VALUES_POSITIONS:
            counts, positions = postings.positions()
            assert counts.tolist() == [len(v) // 4 for v in values]
            assert positions.tolist() == [p for v in values for p in decode_positions(v)]
            chosen = np.array(sorted(rng.sample(range(count), min(count, 5))), dtype=np.int64)
            counts, positions = postings.positions(chosen)
            assert positions.tolist() == [p for i in chosen for p in decode_positions(values[i])]
            assert counts.tolist() == [len(values[i]) // 4 for i in chosen]


class _File:
    """A postings file in memory, as ColumnarPostingsWriter writes it."""

    def __init__(self):
        self.data = bytearray(b"hdr")

    def tell(self):
        return len(self.data)

    def write(self, data):
        self.data += data


def _written(method: str, *args):
    """The bytes and term info one ColumnarPostingsWriter call writes."""
    file = _File()
    info = getattr(ColumnarPostingsWriter(file), method)(*args)
    return bytes(file.data), info if isinstance(info, (bytes, list)) else info.to_bytes()


@pytest.mark.parametrize("kind", [VALUES_NONE, VALUES_FREQUENCY])
def test_counted_records_equal_the_general_path(kind):
    """counted_record (a pool's small terms of the entity and key fields)
    writes the record and term info write_term writes, or declines."""
    rng = random.Random(kind + 10)
    format_ = Frequency() if kind == VALUES_FREQUENCY else Existence()
    built = 0
    batch, general = [], ColumnarPostingsWriter(_File())  # the records built, and the general path's file
    for _ in range(300):
        count = rng.choice([1, 1, 1, 2, 3, 7, 32])
        ids, weights, values = _random_postings(rng, kind, count)
        shift = rng.choice([0, 300, 70000, 2**31])
        ids = [d + shift for d in ids]
        if kind == VALUES_FREQUENCY and rng.random() < 0.2:
            weights = [w * 2.5 for w in weights]  # not the counts: the general path's
        weights = np.float32(weights).tolist()
        lengths = [rng.choice([0, 1, 5, 300]) for _ in ids]
        sizes = array("I", [len(v) for v in values])
        found = counted_record(kind, ids, weights, b"".join(values), sizes, lengths)
        expected = _written("write_term", format_, ids, weights, values, lengths)
        if found is None:
            assert kind == VALUES_FREQUENCY and any(w != int.from_bytes(v, "big") for w, v in zip(weights, values))
            continue
        built += 1
        data, infos = _written("write_records", [found])
        assert (data, infos[0]) == expected
        batch.append((found, general.write_term(format_, ids, weights, values, lengths).to_bytes()))
    assert built > 200
    # many records in one write: each where the general path, a term after another, wrote it
    together = _File()
    infos = ColumnarPostingsWriter(together).write_records([found for found, _ in batch])
    assert infos == [info for _, info in batch]
    assert together.data == general._postfile.data
    # the general path's checks hold too
    with pytest.raises(ValueError):
        counted_record(VALUES_NONE, [3, 3], [1.0, 1.0], b"", array("I", [0, 0]), [0, 0])
    assert counted_record(VALUES_FREQUENCY, [3], [1.0], b"\0\0\0\1", array("I", [2]), [0]) is None


@pytest.mark.slow
def test_a_posting_list_of_two_to_the_24_positions_reads_back():
    positions = np.arange(1 << 24, dtype=np.int64)
    # four articles: one holding most of the positions, three holding a few
    cuts = [0, 5, (1 << 24) - 7, (1 << 24) - 2, 1 << 24]
    values = [positions[a:b].astype("<u4").tobytes() for a, b in zip(cuts, cuts[1:])]
    record = encode_postings(VALUES_POSITIONS, [0, 1, 2, 9], [len(v) // 4 for v in values], values)
    postings = PostingList(record, 0)
    counts, found = postings.positions()
    assert counts.tolist() == [5, (1 << 24) - 12, 5, 2]
    assert np.array_equal(found, positions)
    _, last = postings.positions(np.array([3]))
    assert last.tolist() == [(1 << 24) - 2, (1 << 24) - 1]
    assert len(record) < 2 * (1 << 24)  # gaps of 1: about a byte each


def test_what_a_posting_list_cannot_hold_is_refused():
    with pytest.raises(ValueError):
        encode_postings(VALUES_NONE, [], [], [])  # Whoosh writes no empty term
    with pytest.raises(ValueError):
        encode_postings(VALUES_NONE, [3, 3], [1.0, 1.0], [b"", b""])
    with pytest.raises(ValueError):
        encode_postings(VALUES_POSITIONS, [1], [2.0], [encode_positions([5]) + encode_positions([4])])
    with pytest.raises(ValueError):
        encode_postings(VALUES_POSITIONS, [1], [0.0], [b""])


# -- whole indexes: the codec against Whoosh's own -------------------------------


def _schema(arrays: bool) -> fields.Schema:
    schema = fields.Schema(
        key=fields.ID(unique=True, stored=True),
        body=fields.TEXT(stored=True),
        tags=fields.KEYWORD(scorable=True, commas=True),
        number=fields.NUMERIC(stored=True, sortable=True),
        when=fields.DATETIME(),
    )
    if arrays:
        schema["body"].format = ArrayPositions(field_boost=1.0)
    return schema


def _documents(seed: int, count: int) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        length = rng.choice([1, 2, 5, 40, 120])
        docs.append(
            dict(
                key=f"d{seed}-{n}",
                body=" ".join(rng.choice(WORDS[: rng.randint(2, len(WORDS))]) for _ in range(length)),
                tags=",".join(rng.sample(WORDS, rng.randint(1, 3))),
                number=rng.randrange(1000),
            )
        )
    return docs


def _build(path, arrays: bool, batches, deletions=(), merge=False):
    """An index written in batches (a segment each, unless merged), then
    with some documents deleted: by Whoosh's W3 codec, or by ours."""
    path.mkdir(parents=True)
    ix = create_index(str(path), _schema(True), "MAIN") if arrays else whoosh_index.create_in(str(path), _schema(False))
    for batch in batches:
        writer = ix.writer()
        for doc in batch:
            writer.add_document(**doc)
        writer.commit(merge=merge)
    if deletions:
        writer = ix.writer()
        for key in deletions:
            writer.delete_by_term("key", key)
        writer.commit(merge=merge)
    return ix


def _all_postings(ix) -> dict:
    """Every posting of every term, through Whoosh's matchers (skipping deleted documents)."""
    found = {}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for fieldname, text in reader.all_terms():
            m = reader.postings(fieldname, text)
            rows = []
            while m.is_active():
                value = m.value()
                if m.supports("positions"):
                    value = m.value_as("positions")
                rows.append((m.id(), m.weight(), value))
                m.next()
            found[(fieldname, text)] = rows
    return found


@pytest.fixture(scope="module")
def twin_indexes(tmp_path_factory):
    """The same documents in three segments with deletions, by W3 and by this codec."""
    batches = [_documents(1, 150), _documents(2, 60), _documents(3, 1)]
    deletions = ["d1-3", "d1-77", "d2-0", "d3-0"]
    root = tmp_path_factory.mktemp("codec")
    return (
        _build(root / "w3", False, batches, deletions),
        _build(root / "ours", True, batches, deletions),
    )


def test_segments_are_written_by_the_codec(twin_indexes):
    _, ours = twin_indexes
    with ours.searcher() as searcher:
        leaves = searcher.reader().leaf_readers()
        assert len(leaves) == 3
        assert all(isinstance(leaf.codec(), ColumnarCodec) for leaf, _ in leaves)
        assert searcher.reader().has_deletions()


def test_every_posting_reads_as_whoosh_wrote_it(twin_indexes):
    theirs, ours = twin_indexes
    assert _all_postings(ours) == _all_postings(theirs)


def test_term_statistics_and_lengths_equal_whoosh(twin_indexes):
    theirs, ours = twin_indexes
    with theirs.searcher() as a, ours.searcher() as b:
        ra, rb = a.reader(), b.reader()
        for term in ra.all_terms():
            ia, ib = ra.term_info(*term), rb.term_info(*term)
            assert (
                ia.doc_frequency(),
                ia.max_weight(),
                ia.min_length(),
                ia.max_length(),
                ia.min_id(),
                ia.max_id(),
            ) == (ib.doc_frequency(), ib.max_weight(), ib.min_length(), ib.max_length(), ib.min_id(), ib.max_id()), term
            assert ia.weight() == pytest.approx(ib.weight())
        for d in range(ra.doc_count_all()):
            assert ra.doc_field_length(d, "body") == rb.doc_field_length(d, "body")
        assert ra.field_length("body") == rb.field_length("body")
        lengths = PostingReader(rb).lengths("body")
        assert lengths.tolist() == [rb.doc_field_length(d, "body", 0) or 0 for d in range(rb.doc_count_all())]


def _random_queries(rng, count):
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 4))]
        terms = [wq.Term("body", w) for w in words]
        yield rng.choice(
            [
                wq.Or(terms),
                wq.And(terms),
                wq.Phrase("body", words, slop=rng.choice([1, 1, 2, 4])),
                wq.AndNot(terms[0], wq.Term("body", rng.choice(WORDS))),
                wq.Or([wq.Phrase("body", words[:2]), wq.Term("tags", rng.choice(WORDS))]),
                wq.SpanNear(terms[0], wq.Term("body", rng.choice(WORDS)), slop=3, ordered=False),
                wq.Prefix("body", words[0][:2]),
                wq.NumericRange("number", rng.randrange(500), 500 + rng.randrange(500)),
            ]
        )


@pytest.mark.slow
def test_whoosh_searches_equal_on_both_codecs(twin_indexes):
    """Whoosh's own query classes and collectors, over W3 and over this codec."""
    theirs, ours = twin_indexes
    rng = random.Random(8)
    with theirs.searcher(weighting=scoring.BM25F()) as a, ours.searcher(weighting=scoring.BM25F()) as b:
        for query in _random_queries(rng, 60):
            for limit in (None, 5):
                ra = [(hit.docnum, hit.score) for hit in a.search(query, limit=limit)]
                rb = [(hit.docnum, hit.score) for hit in b.search(query, limit=limit)]
                assert [d for d, _ in ra] == [d for d, _ in rb], query
                assert [s for _, s in ra] == pytest.approx([s for _, s in rb], rel=1e-9)
            grouped_a = a.search(query, groupedby="tags", limit=None).groups("tags")
            grouped_b = b.search(query, groupedby="tags", limit=None).groups("tags")
            assert grouped_a == grouped_b


@pytest.mark.slow
def test_array_phrases_and_scores_equal_whoosh_matchers(twin_indexes):
    """searchidx's array scorer on this codec against Whoosh's own matchers on
    the same index: random phrases at random slops, and ORs of words."""
    _, ours = twin_indexes
    rng = random.Random(9)
    with ours.searcher(weighting=scoring.BM25F()) as searcher:
        postings = PostingReader(searcher.reader())
        for _ in range(120):
            words = [rng.choice(WORDS) for _ in range(rng.randint(2, 4))]
            query = rng.choice(
                [wq.Phrase("body", words, slop=rng.choice([1, 2, 3])), wq.Or([wq.Term("body", w) for w in words])]
            )
            theirs = [(docnum, score) for score, docnum in searcher.search(query, limit=None).top_n]
            scored = score_query(query, searcher, postings)
            mine = top_docs(scored, len(theirs) + 5)
            assert [d for d, _ in mine] == [d for d, _ in theirs], query
            assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-12)


def test_positions_read_for_chosen_documents_equal_whoosh(twin_indexes):
    _, ours = twin_indexes
    with ours.searcher() as searcher:
        reader = searcher.reader()
        postings = PostingReader(reader)
        rng = np.random.default_rng(3)
        for word in WORDS:
            within = rng.random(postings.size) < 0.3
            within &= postings.live
            theirs = []
            for leaf, offset in reader.leaf_readers():
                if ("body", word) in leaf:
                    m = leaf.postings("body", word)
                    while m.is_active():
                        if within[m.id() + offset]:
                            theirs += [(m.id() + offset) * POSITION_SPAN + p for p in m.value_as("positions")]
                        m.next()
            assert postings.positions("body", word.encode(), within).tolist() == theirs


@pytest.mark.slow
@pytest.mark.parametrize("how", ["optimize", "automatic"])
def test_merged_segments_keep_every_posting(tmp_path, how):
    """Whoosh merging this codec's segments, by `optimize` and by its own
    policy as segments pile up, keeps every live posting and drops the
    deleted ones, as it does for its own codec."""
    batches = [_documents(10 + n, 12) for n in range(9)]
    deletions = ["d10-1", "d13-5", "d18-11"]
    theirs = _build(tmp_path / "w3", False, batches, deletions, merge=True)
    ours = _build(tmp_path / "ours", True, batches, deletions, merge=True)
    if how == "optimize":
        for ix in (theirs, ours):
            ix.optimize()
        assert len(ours._segments()) == 1
    else:
        assert 1 < len(ours._segments()) < len(batches)  # merged as they came
    assert _all_postings(ours) == _all_postings(theirs)
    with ours.searcher() as searcher:
        assert all(isinstance(leaf.codec(), ColumnarCodec) for leaf, _ in searcher.reader().leaf_readers())


def test_an_index_in_memory_reads_too():
    ix = ColumnarIndex.create(RamStorage(), _schema(True), "MAIN")
    with ix.writer() as writer:
        for doc in _documents(4, 30):
            writer.add_document(**doc)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        docs, _ = PostingReader(reader).postings("body", b"nafta")
        assert docs.tolist() == list(reader.postings("body", "nafta").all_ids())


def test_an_empty_index_reads_empty(tmp_path):
    ix = create_index(str(tmp_path), _schema(True), "MAIN")
    with ix.searcher() as searcher:
        postings = PostingReader(searcher.reader())
        assert postings.size == 0
        assert postings.postings("body", b"nafta")[0].tolist() == []


def test_segments_of_another_layout_are_refused(tmp_path):
    ix = _build(tmp_path / "ours", True, [_documents(5, 10)])
    segment = ix._segments()[0]
    segment.layout_version = 0  # as an older layout would have recorded it
    with pytest.raises(UnsupportedSegment, match="layout 0"):
        ColumnarCodec().terms_reader(ix.storage, segment)
    segment.layout_version = ColumnarCodec().new_segment(ix.storage, "x").layout_version
    name = segment.make_filename(ColumnarCodec.POSTINGS_EXT)
    with open(tmp_path / "ours" / name, "r+b") as f:
        f.write(b"W3Bl")
    with pytest.raises(UnsupportedSegment, match="not a postings file"):
        ColumnarCodec().terms_reader(ix.storage, segment)


def test_w3_segments_are_not_read_as_arrays(tmp_path):
    ix = _build(tmp_path / "w3", False, [_documents(6, 5)])
    with ix.searcher() as searcher:
        with pytest.raises(UnsupportedSegment, match="rebuild"):
            PostingReader(searcher.reader())


def test_the_formats_keep_whoosh_values():
    """What the codec stores for each format reads back as Whoosh decodes it."""
    fmt = ArrayPositions()
    value = fmt.encode([0, 7, 70000])
    assert fmt.decode_positions(value) == [0, 7, 70000]
    assert fmt.decode_frequency(value) == 3
    assert fmt.combine([fmt.encode([1, 5]), fmt.encode([5, 9])]) == fmt.encode([1, 5, 9])
    values = list(fmt.word_values("nafta gazi nafta rruga nafta", _schema(True)["body"].analyzer))
    assert sorted((w, n, wt, fmt.decode_positions(v)) for w, n, wt, v in values) == [
        ("gazi", 1, 1.0, [1]),
        ("nafta", 3, 3.0, [0, 2, 4]),
        ("rruga", 1, 1.0, [3]),
    ]
    assert Frequency().fixed_value_size() == 4 and Existence().fixed_value_size() == 0


def test_an_index_of_the_schema_before_the_codec_is_refused_then_rebuilt(tmp_path, make_corpus):
    """An index as searchidx wrote it before this codec (schema 4, Whoosh's
    W3 segments) is never read or updated: open and index ask for
    --rebuild, which builds it anew with this codec."""
    import json

    from searchidx import Index, IndexVersionMismatch
    from searchidx.index.schema import build_schema

    folder = make_corpus({"a.txt": " date 2023 Kina dhe Rusia.", "b.txt": "Nafta shtrenjtohet."})
    index_dir = tmp_path / "old"
    index_dir.mkdir()
    old = whoosh_index.create_in(str(index_dir), build_schema(), indexname="MAIN")  # W3 segments
    with old.writer() as writer:
        writer.add_document(key="x", body="Kina")
    (index_dir / "searchidx.json").write_text(
        json.dumps({"schema_version": 4, "analyzer_version": "sq-5", "index_name": "MAIN"}), encoding="utf-8"
    )
    with pytest.raises(IndexVersionMismatch, match="schema version 4.*--rebuild"):
        Index.open(index_dir)
    with pytest.raises(IndexVersionMismatch, match="--rebuild"):
        Index.open_or_create(index_dir).add_folder(folder)
    with Index.open_or_create(index_dir, check_versions=False) as index:
        index.add_folder(folder, rebuild=True)
    with Index.open(index_dir) as index:
        assert index.search("Kina").total == 1
        with index._ix.searcher() as searcher:
            assert all(isinstance(leaf.codec(), ColumnarCodec) for leaf, _ in searcher.reader().leaf_readers())
