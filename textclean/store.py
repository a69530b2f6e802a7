"""Stores: where a cross-document index keeps what it has seen.

A store files each kept paragraph of each document under its fingerprint keys (the exact key,
sentence keys and LSH band keys of :class:`~textclean.fingerprint.ParagraphPrint`) and keeps its
canonical text, which verification needs. The :class:`Store` protocol is all that
:class:`~textclean.Deduplicator` uses, so another backend plugs in without touching matching.

Two stores come with textclean: :class:`MemoryStore` (the default) and
:class:`~textclean.sqlite_store.SQLiteStore` (persistent, several processes may share one file).
"""

from __future__ import annotations

import itertools
import threading
import zlib
from collections import OrderedDict
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from textclean.fingerprint import ParagraphPrint, among, key_order
from textclean.match import IndexedParagraph
from textclean.match.links import COMMON_POSTINGS

__all__ = [
    "FORMAT_VERSION",
    "MAX_POSTINGS",
    "MAX_SIGHTINGS",
    "IndexMismatchError",
    "MemoryStore",
    "Store",
    "StoredDocument",
]

FORMAT_VERSION = 2
"""Version of the index layout; an index written by a newer textclean is refused."""

MAX_POSTINGS = COMMON_POSTINGS
"""A key already filed for this many paragraphs takes no more (it is too common to be useful:
matching takes it for a common key)."""

MAX_SIGHTINGS = 1000
"""Documents a :class:`MemoryStore` counts per (source, paragraph) for boilerplate; a
``boilerplate_min_docs`` above this never matches there."""

I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]
U16 = npt.NDArray[np.uint16]


class IndexMismatchError(ValueError):
    """An index was written with other fingerprint settings or by a newer format."""


@dataclass(frozen=True, slots=True, eq=False)
class StoredDocument:
    """What a store keeps of one document.

    Attributes:
        doc_id: the document's id.
        source: where it came from (a site, a feed), for boilerplate counts; may be ``None``.
        added: when it was added (seconds since the epoch), for ``max_age`` eviction.
        paragraphs: the index of each kept paragraph in its document.
        canonical: the canonical text of each kept paragraph.
        keys: every key of every kept paragraph (each once per paragraph).
        rows: for each key, the position in ``paragraphs`` of the paragraph holding it, in
            ascending order.
        exact_keys: the exact keys of all its paragraphs, kept or not (boilerplate counts).

    :meth:`from_prints` builds one from :class:`~textclean.fingerprint.ParagraphPrint` objects;
    :class:`~textclean.Deduplicator` fills the arrays straight from the document's fingerprints.
    """

    doc_id: str
    source: str | None
    added: float
    paragraphs: Sequence[int]
    canonical: Sequence[str]
    keys: I64
    rows: I64
    exact_keys: Collection[int]

    @classmethod
    def from_prints(
        cls,
        doc_id: str,
        source: str | None,
        added: float,
        kept: Sequence[tuple[int, ParagraphPrint]],
        exact_keys: Collection[int],
    ) -> StoredDocument:
        """A document from ``(paragraph index, fingerprint)`` of each kept paragraph."""
        keys = [list(dict.fromkeys(fp.keys())) for _, fp in kept]
        return cls(
            doc_id, source, added, [paragraph for paragraph, _ in kept],
            [fp.canonical for _, fp in kept],
            np.array([key for group in keys for key in group], dtype=np.int64),
            np.repeat(np.arange(len(kept), dtype=np.int64), [len(group) for group in keys]),
            exact_keys,
        )  # fmt: skip

    def checked_keys(self) -> I64:
        """:attr:`keys` as an array, once the document is checked: non-negative keys, as many
        canonical texts as paragraphs and rows as keys, rows ascending positions in
        :attr:`paragraphs` (else :class:`ValueError`)."""
        keys = np.asarray(self.keys, dtype=np.int64)
        if len(keys) and keys.min() < 0:
            raise ValueError("keys must be non-negative 63-bit integers")
        if len(self.canonical) != len(self.paragraphs) or len(self.rows) != len(keys):
            raise ValueError("paragraphs, canonical, keys and rows must match in length")
        rows = np.asarray(self.rows)
        if len(rows) and (
            rows[0] < 0 or rows[-1] >= len(self.paragraphs) or (rows[1:] < rows[:-1]).any()
        ):
            raise ValueError("rows must be ascending positions in paragraphs")
        return keys

    def keys_by_paragraph(self) -> list[list[int]]:
        """The keys of each kept paragraph."""
        bounds = np.searchsorted(self.rows, np.arange(len(self.paragraphs) + 1)).tolist()
        keys = self.keys.tolist()
        return [keys[a:b] for a, b in itertools.pairwise(bounds)]


@runtime_checkable
class Store(Protocol):
    """The verbs a cross-document index needs from its storage.

    Lookups and the addition that follows them run inside :meth:`transaction`, which a store makes
    atomic and exclusive, so that two writers never both keep the same new paragraph.
    """

    def check_settings(self, settings: str) -> None:
        """Record ``settings`` in a new index; raise :class:`IndexMismatchError` if it differs."""

    def transaction(self) -> AbstractContextManager[None]:
        """Hold exclusive access; commit on success, roll back on error."""

    def lookup(
        self, keys: Collection[int], *, exclude_doc: str | None = None
    ) -> dict[int, list[IndexedParagraph]]:
        """Indexed paragraphs filed under each of ``keys`` (missing keys are left out)."""

    def neighbours(self, doc_id: str, paragraph: int) -> tuple[IndexedParagraph, ...]:
        """The indexed paragraphs just before and just after paragraph ``paragraph`` of
        ``doc_id`` in that document (those there are; none if it is not indexed)."""

    def boilerplate(self, source: str, keys: Collection[int], min_docs: int) -> frozenset[int]:
        """Those exact ``keys`` seen in at least ``min_docs`` indexed documents of ``source``.

        A document counts once per key, whether it kept the paragraph or not, until it is
        forgotten or evicted.
        """

    def add(self, doc: StoredDocument) -> None:
        """Index a document's kept paragraphs (replacing a document with the same id)."""

    def next_doc_id(self) -> str:
        """A fresh id for a document that has none."""

    def forget(self, doc_id: str) -> int:
        """Remove a document and its sightings; return how many paragraphs it had indexed."""

    def evict(self, *, max_paragraphs: int | None, before: float | None) -> int:
        """Remove the oldest documents until the limits hold; return how many were removed."""

    def paragraph_count(self) -> int:
        """Number of indexed paragraphs."""

    def document_count(self) -> int:
        """Number of indexed documents."""

    def close(self) -> None:
        """Release resources; the store is unusable afterwards."""


class _Column:
    """A growable one-dimensional NumPy array.

    Capacity doubles as it fills; pages beyond ``size`` are never written, so the operating system
    does not make them resident.
    """

    __slots__ = ("data", "size")

    def __init__(self, dtype: type[np.generic]) -> None:
        self.data: npt.NDArray[Any] = np.empty(0, dtype)
        self.size = 0

    def view(self) -> npt.NDArray[Any]:
        return self.data[: self.size]

    def extend(self, values: Sequence[float] | npt.NDArray[Any]) -> None:
        end = self.size + len(values)
        if end > len(self.data):
            grown = np.empty(max(end, 2 * len(self.data), 256), self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : end] = values
        self.size = end

    def replace(self, values: npt.NDArray[Any]) -> None:
        self.data = np.array(values, dtype=self.data.dtype)
        self.size = len(values)


class _Run:
    """Entries sorted by key, 10 bytes each, plus a directory of 4-byte offsets (one per 4 to 8).

    An entry keeps bits 31..62 of its key (``high``, the sort key), bits 0..15 (``low``, checked
    on lookup) and its value: keys are identified by 48 of their 63 bits. Two keys equal in those
    bits are confused with probability 2**-48 per pair, which costs a candidate that verification
    then rejects. Keys are hashes, so the directory, on the top bits of ``high``, spreads them
    evenly: finding a key reads two directory entries and compares the few entries between them.
    """

    __slots__ = ("directory", "high", "low", "shift", "values")

    def __init__(self, high: U32, low: U16, values: U32) -> None:
        self.high, self.low, self.values = high, low, values
        bits = min((len(high) // 8).bit_length(), 32)
        self.shift = np.uint64(32 - bits)
        starts = (np.arange(1 << bits, dtype=np.uint64) << self.shift).astype(np.uint32)
        self.directory = np.empty(len(starts) + 1, dtype=np.uint32)
        self.directory[:-1] = np.searchsorted(high, starts)
        self.directory[-1] = len(high)

    def __len__(self) -> int:
        return len(self.high)

    @staticmethod
    def split(keys: I64) -> tuple[U32, U16]:
        """The ``high`` and ``low`` parts of 63-bit keys."""
        return (keys >> 31).astype(np.uint32), (keys & 0xFFFF).astype(np.uint16)

    def find(self, high: U32, low: U16) -> tuple[npt.NDArray[np.intp], U32]:
        """(position in the query, value) of the entries matching the query's (high, low)."""
        bucket = (high.astype(np.uint64) >> self.shift).astype(np.intp)
        start = self.directory[bucket].astype(np.intp)
        size = self.directory[bucket + 1] - start
        total = int(size.sum())
        if not total:
            return np.empty(0, np.intp), np.empty(0, np.uint32)
        position = np.repeat(np.arange(len(high)), size)
        index = np.repeat(start - (np.cumsum(size) - size), size) + np.arange(total)
        match = (self.high[index] == high[position]) & (self.low[index] == low[position])
        return position[match], self.values[index[match]]

    @staticmethod
    def merge(older: _Run, newer: _Run) -> _Run:
        """One run of both; under equal keys, ``older``'s values come first."""
        total = len(older) + len(newer)
        at = np.searchsorted(older.high, newer.high, side="right") + np.arange(len(newer))
        from_older = np.ones(total, dtype=np.bool_)
        from_older[at] = False
        parts = []
        for old, new in ((older.high, newer.high), (older.low, newer.low),
                         (older.values, newer.values)):  # fmt: skip
            merged = np.empty(total, dtype=old.dtype)
            merged[at] = new
            merged[from_older] = old
            parts.append(merged)
        return _Run(*parts)

    def select(self, keep: npt.NDArray[np.bool_], values: U32) -> _Run:
        """The entries where ``keep`` holds, with new ``values`` (one per kept entry)."""
        return _Run(self.high[keep], self.low[keep], values)


class _Postings:
    """A multimap from 63-bit keys to 32-bit values, about 11 bytes an entry.

    The newest entries wait in a dict (as in a plain Python index); every :attr:`BUFFER` of them
    become a sorted :class:`_Run` that is merged into level 0, and a level that outgrows
    ``BUFFER * GROWTH ** (level + 1)`` entries is merged into the next (a log-structured merge
    tree). Each entry is rewritten a few times per level, there are few levels (3 for 10 million
    entries), and a lookup is a handful of vectorised reads per level. A key's values come back in
    the order they were added. Removing is the caller's business: it filters values on the way out
    and calls :meth:`rebuild` now and then.
    """

    BUFFER = 1 << 15
    GROWTH = 8

    def __init__(self) -> None:
        self._levels: list[_Run | None] = []  # level 0 holds the newest entries
        # The buffer: a key with one value maps to it in ``_single``; with more, in ``_multi``.
        self._single: dict[int, int] = {}
        self._multi: dict[int, list[int]] = {}
        self._buffered = 0

    def __len__(self) -> int:
        return sum(len(run) for run in self._levels if run is not None) + self._buffered

    def add(
        self, keys: I64, values: npt.NDArray[np.integer[Any]], limit: int, have: dict[int, int]
    ) -> npt.NDArray[np.bool_]:
        """File ``(key, value)`` pairs, but no key beyond ``limit`` values; return which were.

        ``have`` says how many values each key has already (missing: none). As many pairs as the
        buffer holds or more (documents read back from a file) go in as one sorted run: the
        buffer's dict would see most of their keys twice and file them one by one.
        """
        allowed = _allowed(keys, limit, have)
        array, filed = keys[allowed], values[allowed].astype(np.uint32)
        if len(array) >= self.BUFFER:
            self._flush()  # what waits in the buffer is older
            high, low = _Run.split(array)
            order = key_order(high)
            self._merge_in(_Run(high[order], low[order], filed[order]))
            return allowed
        key_list: list[int] = array.tolist()
        value_list: list[int] = filed.tolist()
        single, multi = self._single, self._multi
        fresh = dict(zip(key_list, value_list, strict=True))
        # Keys already buffered, or filed twice by this call, go one by one and in order; the
        # others (nearly all) go in at C speed.
        slow = (single.keys() & fresh) | (multi.keys() & fresh)
        if len(fresh) < len(key_list):
            distinct, counts = np.unique(array, return_counts=True)
            slow.update(distinct[counts > 1].tolist())
        if slow:
            at = np.flatnonzero(among(array, np.fromiter(slow, np.int64, len(slow))))
            for n in at.tolist():
                key, value = key_list[n], value_list[n]
                more = multi.get(key)
                if more is not None:
                    more.append(value)
                elif key in single:
                    multi[key] = [single.pop(key), value]
                else:
                    single[key] = value
                fresh.pop(key, None)
        single.update(fresh)
        self._buffered += len(key_list)
        if self._buffered >= self.BUFFER:
            self._flush()
        return allowed

    def find(self, keys: I64) -> tuple[I64, U32]:
        """Every entry filed under one of ``keys`` (without repeats), as (key, value) arrays,
        grouped by key; a key's values come in the order they were added."""
        positions: list[npt.NDArray[np.intp]] = []
        values: list[U32] = []
        high, low = _Run.split(keys)
        for run in reversed(self._levels):  # the oldest first
            if run is not None:
                run_positions, run_values = run.find(high, low)
                positions.append(run_positions)
                values.append(run_values)
        query = keys.tolist()
        hits = self._single.keys() & query
        hits |= self._multi.keys() & query
        if hits:
            buffer_positions: list[int] = []
            buffer_values: list[int] = []
            single, multi = self._single, self._multi
            at = np.flatnonzero(among(keys, np.fromiter(hits, np.int64, len(hits))))
            for i in at.tolist():
                key = query[i]
                value = single.get(key)
                if value is not None:
                    buffer_positions.append(i)
                    buffer_values.append(value)
                else:
                    more = multi[key]
                    buffer_positions.extend([i] * len(more))
                    buffer_values.extend(more)
            positions.append(np.array(buffer_positions, dtype=np.intp))
            values.append(np.array(buffer_values, dtype=np.uint32))
        if not positions:
            return np.empty(0, np.int64), np.empty(0, np.uint32)
        found_positions = np.concatenate(positions)
        order = np.argsort(found_positions, kind="stable")
        return keys[found_positions[order]], np.concatenate(values)[order]

    def rebuild(self, keep: npt.NDArray[np.bool_], renumber: npt.NDArray[Any]) -> None:
        """Keep the entries whose value ``v`` has ``keep[v]``, changing ``v`` to ``renumber[v]``."""
        self._flush()
        merged: _Run | None = None
        for run in reversed(self._levels):
            if run is not None:
                kept = keep[run.values]
                run = run.select(kept, renumber[run.values[kept]].astype(np.uint32))
                merged = run if merged is None else _Run.merge(merged, run)
        self._levels = []
        if merged is not None and len(merged):
            self._levels = [None] * self._level_for(len(merged)) + [merged]

    def _level_for(self, size: int) -> int:
        level = 0
        while size > self.BUFFER * self.GROWTH ** (level + 1):
            level += 1
        return level

    def _flush(self) -> None:
        if not self._buffered:
            return
        single, multi = self._single, self._multi
        counts = np.fromiter(map(len, multi.values()), np.intp, len(multi))
        keys = np.concatenate([
            np.fromiter(single, np.int64, len(single)),
            np.repeat(np.fromiter(multi, np.int64, len(multi)), counts),
        ])  # fmt: skip
        chained = itertools.chain.from_iterable(multi.values())
        values = np.concatenate([
            np.fromiter(single.values(), np.uint32, len(single)),
            np.fromiter(chained, np.uint32, int(counts.sum())),
        ])  # fmt: skip
        high, low = _Run.split(keys)
        order = key_order(high)
        self._single, self._multi = {}, {}
        self._buffered = 0
        self._merge_in(_Run(high[order], low[order], values[order]))

    def _merge_in(self, run: _Run) -> None:
        """Merge ``run``, newer than every entry filed, into level 0 and on as levels fill."""
        level = 0
        while True:
            if level == len(self._levels):
                self._levels.append(None)
            older = self._levels[level]
            if older is not None:
                run = _Run.merge(older, run)
            if len(run) <= self.BUFFER * self.GROWTH ** (level + 1):
                self._levels[level] = run
                return
            self._levels[level] = None
            level += 1


class _Texts:
    """Canonical texts, compressed in batches of up to :attr:`BATCH` texts added together.

    Each batch is one raw deflate stream of its texts joined by NUL (canonical text never holds
    one), back to back in one bytearray. A zlib stream costs a few microseconds to set up
    whatever its length, and neighbouring paragraphs of a document share words, so a batch costs
    less time and fewer bytes than its texts compressed one by one (84 against 101 bytes a text on
    the index benchmark's stream), while reading one text still decompresses only a few. Per text:
    a 4-byte batch number; per batch: an 8-byte end offset and a 4-byte first row. The batches
    read most recently are kept decoded: a short paragraph such as "Conclusion" is a candidate for
    many documents.
    """

    CACHE = 2048
    BATCH = 4

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = _Column(np.int64)  # of each batch in _data
        self._firsts = _Column(np.uint32)  # first row of each batch
        self._batch = _Column(np.uint32)  # batch of each row
        self._solo: set[int] = set()  # batches of one text that holds a NUL
        self._cache: OrderedDict[int, list[str]] = OrderedDict()

    def __len__(self) -> int:
        return self._batch.size

    def extend(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        if not texts:
            return
        if any("\0" in text for text in texts):  # not canonical text: each alone, unsplit
            for text in texts:
                self._solo.add(self._ends.size)
                self._append([text])
        else:
            for start in range(0, len(texts), self.BATCH):
                self._append(texts[start : start + self.BATCH])

    def _append(self, texts: list[str]) -> None:
        deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = deflate.compress("\0".join(texts).encode("utf-8", "surrogatepass"))
        self._add_batch(packed + deflate.flush(), len(texts))

    def _add_batch(self, packed: bytes | memoryview, size: int) -> None:
        """File a compressed batch of ``size`` texts as the next rows."""
        batch = self._ends.size
        self._data += packed
        self._firsts.extend([len(self)])
        self._ends.extend([len(self._data)])
        self._batch.extend([batch] * size)

    @staticmethod
    def _packed(data: bytearray, ends: npt.NDArray[np.int64], batch: int) -> memoryview:
        start = int(ends[batch - 1]) if batch else 0
        return memoryview(data)[start : int(ends[batch])]

    @staticmethod
    def _unpack(packed: memoryview, solo: bool) -> list[str]:
        text = zlib.decompress(packed, -15).decode("utf-8", "surrogatepass")
        return [text] if solo else text.split("\0")

    def _texts(self, batch: int) -> list[str]:
        cache = self._cache
        texts = cache.get(batch)
        if texts is not None:
            cache.move_to_end(batch)
            return texts
        packed = self._packed(self._data, self._ends.data, batch)
        texts = self._unpack(packed, batch in self._solo)
        cache[batch] = texts
        if len(cache) > self.CACHE:
            cache.popitem(last=False)  # the least recently used
        return texts

    def get(self, row: int) -> str:
        batch = int(self._batch.data[row])
        return self._texts(batch)[row - int(self._firsts.data[batch])]

    def rebuild(self, keep: npt.NDArray[np.bool_]) -> None:
        """Keep the texts of the rows ``r`` with ``keep[r]``, renumbered in order."""
        batches, firsts = self._batch.view().copy(), self._firsts.view().copy()
        ends = self._ends.view().copy()
        data, solo = self._data, self._solo
        self._data, self._cache, self._solo = bytearray(), OrderedDict(), set()
        self._ends, self._firsts, self._batch = (
            _Column(np.int64),
            _Column(np.uint32),
            _Column(np.uint32),
        )
        kept_rows = np.bincount(batches[keep], minlength=len(ends))
        sizes = np.bincount(batches, minlength=len(ends))
        for batch in np.flatnonzero(kept_rows).tolist():
            packed = self._packed(data, ends, batch)
            if kept_rows[batch] == sizes[batch]:  # whole: copy the compressed bytes
                if batch in solo:
                    self._solo.add(self._ends.size)
                self._add_batch(packed, int(sizes[batch]))
                continue
            parts = self._unpack(packed, solo=False)  # a solo batch is one text: whole or gone
            first = int(firsts[batch])
            mask = keep[first : first + len(parts)].tolist()
            self._append([text for text, k in zip(parts, mask, strict=True) if k])


class MemoryStore:
    """An in-memory :class:`Store`, compact enough for millions of paragraphs. Thread-safe.

    Per indexed paragraph it keeps, in NumPy arrays and one bytearray rather than Python objects:

    * one posting per key it is filed under: 1 exact key, one per sentence of
      :data:`~textclean.fingerprint.MIN_SENTENCE_WORDS` words or more, and the LSH bands (16 by
      default; none for paragraphs under ``min_chars``). That is about 12.6 keys on news text, at
      about 11 bytes each (48 bits of the key, a 4-byte row, a share of the directory): 135 bytes;
    * its canonical text, which verification compares, deflated in batches of up to four
      neighbouring kept paragraphs, plus a 4-byte batch number: about 84 bytes on news text;
    * its document's serial number and its paragraph index: 8 bytes.

    That is about 227 bytes a paragraph, plus about 150 bytes a document (its id, when it was
    added), a bounded buffer of recent postings and the 2,048 batches of texts read most recently;
    for documents with a ``source``, 11 bytes per distinct paragraph count the documents that
    had it (at most :data:`MAX_SIGHTINGS` per paragraph and source). ``docs/streaming.md`` gives
    the resident memory measured by ``benchmarks/bench_index.py``.

    Removing a document only marks it; once a quarter of the rows (or documents, or sightings)
    belong to removed documents, everything is rebuilt without them, so a store kept under
    ``max_paragraphs`` holds at most about 1.25 times that many rows.
    """

    compact_slack = 4096
    """Removed rows, documents or sightings tolerated before a rebuild, beyond a quarter."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._settings: str | None = None
        self._closed = False
        # Rows: one per indexed paragraph, in the order they were added.
        self._texts = _Texts()
        self._row_doc = _Column(np.uint32)  # the document's serial number
        self._row_paragraph = _Column(np.uint32)  # the paragraph's index in its document
        self._postings = _Postings()  # key -> row
        # Documents, by serial number (in the order they were added; removed ones are marked).
        self._doc_ids: list[str | None] = []
        self._serials: dict[str, int] = {}
        self._doc_alive = _Column(np.bool_)
        self._doc_added = _Column(np.float64)
        self._doc_rows = _Column(np.uint32)
        self._doc_sightings = _Column(np.uint32)
        self._oldest = 0  # no live document has a smaller serial
        # Boilerplate: (source, exact key) -> serials of the documents that had it.
        self._sources: dict[str, int] = {}
        self._sightings = _Postings()
        self._added = 0
        self._live_rows = 0
        self._counted: tuple[str | None, set[int] | frozenset[int], dict[int, int]] | None = None
        self._dead = {"rows": 0, "docs": 0, "sightings": 0}

    def check_settings(self, settings: str) -> None:
        with self._lock:
            if self._settings is None:
                self._settings = settings
            elif self._settings != settings:
                raise IndexMismatchError(
                    f"this index uses {self._settings!r}; it cannot be used with {settings!r}"
                )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the store's lock. Changes apply as they are made: there is nothing to roll back
        because :meth:`add` checks its whole input before it changes anything."""
        with self._lock:
            if self._closed:
                raise ValueError("the store is closed")
            yield

    def lookup(
        self, keys: Collection[int], *, exclude_doc: str | None = None
    ) -> dict[int, list[IndexedParagraph]]:
        with self._lock:
            skip = self._serials.get(exclude_doc) if exclude_doc is not None else None
            found, rows = self._find_live(keys, skip)
            out: dict[int, list[IndexedParagraph]] = {}
            made: dict[int, IndexedParagraph] = {}
            doc_ids, text = self._doc_ids, self._texts.get
            docs = self._row_doc.data[rows].tolist()
            numbers = self._row_paragraph.data[rows].tolist()
            for key, row, doc, number in zip(
                found.tolist(), rows.tolist(), docs, numbers, strict=True
            ):
                entry = made.get(row)
                if entry is None:
                    entry = made[row] = IndexedParagraph(doc_ids[doc] or "", number, text(row))
                out.setdefault(key, []).append(entry)
            # The add() that usually follows needs these counts: keep them until anything changes.
            looked_up = keys if isinstance(keys, set | frozenset) else set(keys)
            self._counted = (exclude_doc, looked_up, {k: len(v) for k, v in out.items()})
            return out

    def neighbours(self, doc_id: str, paragraph: int) -> tuple[IndexedParagraph, ...]:
        with self._lock:
            serial = self._serials.get(doc_id)
            if serial is None or not 0 <= paragraph < 2**32:
                return ()
            # A document's rows stand together, in the order of its paragraphs.
            row_doc, numbers = self._row_doc.view(), self._row_paragraph.view()
            # (Queries of the arrays' own type: another type would convert the whole array.)
            first, end = row_doc.searchsorted(np.array([serial, serial + 1], np.uint32)).tolist()
            row = first + int(numbers[first:end].searchsorted(np.uint32(paragraph)))
            if row == end or numbers[row] != paragraph:
                return ()
            return tuple(
                IndexedParagraph(doc_id, int(numbers[k]), self._texts.get(k))
                for k in (row - 1, row + 1)
                if first <= k < end
            )

    def boilerplate(self, source: str, keys: Collection[int], min_docs: int) -> frozenset[int]:
        with self._lock:
            sid = self._sources.get(source)
            if sid is None or not keys:
                return frozenset()
            salt = _salt(sid)
            counts = self._sighting_counts(np.fromiter(keys, np.int64, len(keys)) ^ salt)
            return frozenset(k ^ salt for k, n in counts.items() if n >= min_docs)

    def add(self, doc: StoredDocument) -> None:
        self.add_many([doc])

    def add_many(self, docs: Sequence[StoredDocument]) -> None:
        """Add documents in order, as that many :meth:`add` calls would, in one pass: how an
        :class:`~textclean.sqlite_store.SQLiteStore` reads its file back."""
        arrays = [doc.checked_keys() for doc in docs]  # all checked before anything changes
        if len({doc.doc_id for doc in docs}) < len(docs):  # a later one replaces an earlier one
            for doc in docs:
                self.add_many([doc])
            return
        with self._lock:
            counted, self._counted = self._counted, None
            rows: list[npt.NDArray[np.int64]] = []
            composites: list[I64] = []
            owners: list[int] = []  # the document (position in docs) of each composite key
            serials: list[int] = []
            for n, doc in enumerate(docs):
                self._forget(doc.doc_id)
                serial = len(self._doc_ids)
                serials.append(serial)
                self._doc_ids.append(doc.doc_id)
                self._serials[doc.doc_id] = serial
                kept = len(doc.paragraphs)
                first = len(self._texts)
                rows.append(np.asarray(doc.rows, dtype=np.int64) + first)
                self._texts.extend(doc.canonical)
                self._row_doc.extend([serial] * kept)
                self._row_paragraph.extend(doc.paragraphs)
                self._live_rows += kept
                if doc.source is not None:
                    sid = self._sources.setdefault(doc.source, len(self._sources))
                    composites.append(_distinct(np.fromiter(doc.exact_keys, np.int64) ^ _salt(sid)))
                    owners.extend([n] * len(composites[-1]))
            self._doc_alive.extend([True] * len(docs))
            self._doc_added.extend([doc.added for doc in docs])
            self._doc_rows.extend([len(doc.paragraphs) for doc in docs])
            self._added += len(docs)
            key_array = np.concatenate(arrays) if arrays else np.empty(0, np.int64)
            if (
                len(docs) == 1
                and counted is not None
                and counted[0] == docs[0].doc_id
                and counted[1] >= set(key_array.tolist())
            ):
                have = counted[2]
            else:
                found, _ = self._find_live(key_array, None)
                have = dict(zip(*_counts(found), strict=True))
            row_array = np.concatenate(rows) if rows else np.empty(0, np.int64)
            self._postings.add(key_array, row_array, MAX_POSTINGS, have)
            sightings = np.zeros(len(docs), dtype=np.int64)
            if composites:
                composite = np.concatenate(composites)
                owner = np.asarray(owners, dtype=np.intp)
                have = self._sighting_counts(composite)
                filed = self._sightings.add(
                    composite, np.asarray(serials)[owner], MAX_SIGHTINGS, have
                )
                sightings = np.bincount(owner[filed], minlength=len(docs))
            self._doc_sightings.extend(sightings.tolist())
            self._maybe_compact()

    def next_doc_id(self) -> str:
        with self._lock:
            return f"#{self._added + 1}"

    def forget(self, doc_id: str) -> int:
        with self._lock:
            removed = self._forget(doc_id)
            self._maybe_compact()
            return removed

    def evict(self, *, max_paragraphs: int | None, before: float | None) -> int:
        with self._lock:
            removed = 0
            alive, added = self._doc_alive.data, self._doc_added.data
            while self._oldest < len(self._doc_ids):
                serial = self._oldest
                if not alive[serial]:
                    self._oldest += 1
                    continue
                too_many = max_paragraphs is not None and self._live_rows > max_paragraphs
                too_old = before is not None and added[serial] < before
                if not (too_many or too_old):
                    break
                self._forget(self._doc_ids[serial] or "")
                removed += 1
            self._maybe_compact()
            return removed

    def paragraph_count(self) -> int:
        return self._live_rows

    def document_count(self) -> int:
        return len(self._serials)

    def close(self) -> None:
        self._closed = True

    # Internals. The caller holds the lock.

    def _forget(self, doc_id: str) -> int:
        serial = self._serials.pop(doc_id, None)
        if serial is None:
            return 0
        self._counted = None
        self._doc_ids[serial] = None
        self._doc_alive.data[serial] = False
        rows = int(self._doc_rows.data[serial])
        self._live_rows -= rows
        self._dead["rows"] += rows
        self._dead["docs"] += 1
        self._dead["sightings"] += int(self._doc_sightings.data[serial])
        return rows

    def _find_live(self, keys: Iterable[int], skip: int | None) -> tuple[I64, U32]:
        """(key, row) of every live row filed under ``keys``, except those of document ``skip``."""
        wanted = keys if isinstance(keys, np.ndarray) else np.fromiter(keys, np.int64)
        if not isinstance(keys, set | frozenset):
            wanted = _distinct(wanted)
        found, rows = self._postings.find(wanted)
        docs = self._row_doc.data[rows]
        live = self._doc_alive.data[docs]
        if skip is not None:
            live &= docs != skip
        return found[live], rows[live]

    def _sighting_counts(self, composite: I64) -> dict[int, int]:
        """In how many live documents each composite (source, exact) key was seen, if any."""
        found, serials = self._sightings.find(_distinct(composite))
        return dict(zip(*_counts(found[self._doc_alive.data[serials]]), strict=True))

    def _maybe_compact(self) -> None:
        dead, slack = self._dead, self.compact_slack
        if (
            dead["rows"] > self._live_rows // 4 + slack
            or dead["docs"] > len(self._serials) // 4 + slack
            or dead["sightings"] > (len(self._sightings) - dead["sightings"]) // 4 + slack
        ):
            self._compact()

    def _compact(self) -> None:
        """Rebuild every table without the removed documents, renumbering rows and serials."""
        doc_alive = self._doc_alive.view().copy()
        new_serial = np.cumsum(doc_alive) - 1
        row_alive = doc_alive[self._row_doc.view()]
        new_row = np.cumsum(row_alive) - 1
        self._texts.rebuild(row_alive)
        self._postings.rebuild(row_alive, new_row)
        self._sightings.rebuild(doc_alive, new_serial)
        self._row_doc.replace(new_serial[self._row_doc.view()[row_alive]])
        self._row_paragraph.replace(self._row_paragraph.view()[row_alive])
        for column in (self._doc_alive, self._doc_added, self._doc_rows, self._doc_sightings):
            column.replace(column.view()[doc_alive])
        doc_ids = [doc_id for doc_id in self._doc_ids if doc_id is not None]
        self._doc_ids = list(doc_ids)
        self._serials = {doc_id: serial for serial, doc_id in enumerate(doc_ids)}
        self._oldest = 0
        self._dead = {"rows": 0, "docs": 0, "sightings": 0}


def _allowed(keys: I64, limit: int, have: dict[int, int]) -> npt.NDArray[np.bool_]:
    """Which of ``keys`` can be filed once more, in order, if a key takes at most ``limit``."""
    if not len(keys):
        return np.ones(0, dtype=np.bool_)
    order = key_order(keys)
    ordered = keys[order]
    first = np.ones(len(keys), dtype=np.bool_)
    first[1:] = ordered[1:] != ordered[:-1]
    start = np.maximum.accumulate(np.where(first, np.arange(len(keys)), 0))
    count = np.arange(len(keys)) - start  # earlier copies of the same key in ``keys``
    if have:
        known = np.fromiter(have, np.int64, len(have))
        where = np.minimum(np.searchsorted(ordered, known), len(keys) - 1)
        match = ordered[where] == known
        base = np.zeros(len(keys), dtype=np.int64)
        base[where[match]] = np.fromiter(have.values(), np.int64, len(have))[match]
        count += base[start]
    allowed = np.empty(len(keys), dtype=np.bool_)
    allowed[order] = count < limit
    return allowed


def _distinct(keys: I64) -> I64:
    """The distinct values of ``keys``, sorted: ``np.unique(keys)``, which NumPy 2.4 computes by
    hashing, ten times slower than this sort for a thousand keys and more."""
    ordered: I64 = np.sort(keys)
    if len(ordered) < 2:
        return ordered
    first = np.empty(len(ordered), dtype=np.bool_)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def _salt(sid: int) -> int:
    """XOR-ed with an exact key, makes the sightings key of source number ``sid``."""
    return (sid + 1) * 0x9E3779B97F4A7C15 & ((1 << 63) - 1)


def _counts(keys: I64) -> tuple[list[int], list[int]]:
    """The distinct values of sorted ``keys`` and how often each occurs."""
    distinct, counts = np.unique(keys, return_counts=True)
    return distinct.tolist(), counts.tolist()
