"""An index in an SQLite file: it survives the process and several processes may share one file.

The file is the durable record of what was indexed, in order: every document with its kept
paragraphs (canonical text and fingerprint keys). Each process also holds the index itself in a
:class:`~textclean.store.MemoryStore`, filled from the file when it opens it and kept up to date
from it: every transaction starts by reading the documents that other processes added, and the
documents they removed, since it last looked. Lookups are then memory lookups, and writing a
document appends a few rows (no B-tree of postings to update at scattered places: that cost
more than half of the time when the postings were kept in the file itself).

Every document is one ``BEGIN IMMEDIATE`` transaction (catch up, look up, then add), so a process
killed in the middle of a document leaves the file as it was before that document, and two
processes never both keep the same new paragraph: the second waits, then sees the first's
paragraphs. The file is in WAL mode, so waiting writers do not block readers. The memory copy
takes a change only once the file has committed it.

Tables:

* ``meta``: the index format (:data:`~textclean.store.FORMAT_VERSION`) and the fingerprint
  settings the index was built with;
* ``stats``: how many documents and paragraphs are indexed (one row, so counting is free);
* ``sources``: the sources named by documents;
* ``documents``: one row per document, in the order they were added (its id, source, when it was
  added, its paragraph rows, its kept paragraphs' canonical texts, and, for documents with a
  source, the exact keys of all its paragraphs for boilerplate counts);
* ``paragraphs``: one row per indexed paragraph: its document, its index in the document and the
  keys it is filed under (its canonical text is in its document's row, compressed with the
  others: one zlib stream a document; alone in the paragraph's row only when a text holds the
  NUL that separates them);
* ``forgotten``: the documents removed (by ``forget``, eviction or a new document with the same
  id), numbered, so that other processes remove them too; only the newest
  :data:`FORGOTTEN_KEPT` are kept, and a process that fell further behind reads the whole index
  again.
"""

from __future__ import annotations

import itertools
import sqlite3
import sys
import threading
import zlib
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from textclean.match import IndexedParagraph
from textclean.store import FORMAT_VERSION, IndexMismatchError, MemoryStore, StoredDocument

__all__ = ["FORGOTTEN_KEPT", "SQLiteStore"]

FORGOTTEN_KEPT = 100_000
"""Removals kept in the ``forgotten`` table for other processes to catch up with."""

_PRUNE_EVERY = 1000  # removals between two prunings of the ``forgotten`` table
_READ_BATCH = 1024  # documents read back into memory at a time

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stats (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    documents INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL
);
INSERT OR IGNORE INTO stats VALUES (1, 0, 0);
CREATE TABLE IF NOT EXISTS sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    source INTEGER REFERENCES sources (id),
    added REAL NOT NULL,
    first INTEGER NOT NULL,  -- its paragraphs are rows first .. first + count - 1
    count INTEGER NOT NULL,
    exact BLOB,              -- exact keys of all its paragraphs, when it has a source
    texts BLOB               -- its paragraphs' canonical texts, NUL-separated, raw-deflated
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    text,                    -- only when documents.texts is NULL (a text holds a NUL): TEXT,
                             -- or a BLOB of its raw-deflate compressed UTF-8
    keys BLOB NOT NULL       -- the keys it is filed under, as int64
);
CREATE TABLE IF NOT EXISTS forgotten (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL
);
"""

_NEW_DOCUMENTS = """
SELECT documents.id, documents.name, sources.name, documents.added, documents.first,
       documents.count, documents.exact, documents.texts
FROM documents LEFT JOIN sources ON sources.id = documents.source
WHERE documents.id > ? ORDER BY documents.id
"""


class SQLiteStore:
    """A :class:`~textclean.store.Store` in an SQLite file, shared safely by several processes.

    Args:
        path: the index file; it is created if missing (with its directory's permissions).
        timeout: seconds to wait for another process's transaction before failing (default 60).

    Raises:
        IndexMismatchError: the file was written by a newer textclean (a newer index format), or
            by one whose format this textclean no longer reads (then build the index again).

    A process keeps one connection, used by one thread at a time (the store holds a lock), and
    the index in memory as a :class:`~textclean.store.MemoryStore` does (about 270 bytes a
    paragraph): opening a file reads all of it, about 10 µs a paragraph. An indexed paragraph
    takes about 200 bytes of file on news text (``benchmarks/bench_index.py`` measures both): its
    canonical text (compressed with its document's others) and the list of its keys.
    """

    def __init__(self, path: str | Path, *, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._depth = 0  # nesting of transaction()
        self._memory = MemoryStore()
        self._settings: str | None = None
        self._seen_doc = 0  # the memory copy holds the documents up to this id ...
        self._seen_forgotten = 0  # ... and has removed those forgotten up to this number
        self._pending: list[Callable[[], None]] = []  # for the memory copy, once committed
        self._ready = False  # the tables are there
        self._conn: sqlite3.Connection | None = None
        conn = sqlite3.connect(
            self.path, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable except on power loss
            self._conn = conn
            with self.transaction():
                self._check_format()
                self._create_tables()
            self._ready = True
            self._read_latest()  # in a read transaction: other processes go on writing
        except BaseException:
            conn.close()
            self._conn = None
            raise

    # The Store protocol.

    def check_settings(self, settings: str) -> None:
        with self.transaction():
            stored = self._meta("settings")
            if stored is None:
                self._db.execute("INSERT INTO meta VALUES ('settings', ?)", (settings,))
            elif stored != settings:
                raise IndexMismatchError(
                    f"the index {str(self.path)!r} was built with {stored!r}, not {settings!r}: "
                    "open it with the fingerprint settings it was built with, or use a new file"
                )
            self._memory.check_settings(settings)
            self._settings = settings

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            db = self._db
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                if self._ready:
                    self._catch_up()
                yield
            except BaseException:
                db.rollback()
                raise
            else:
                db.commit()
                for change in self._pending:  # committed: the memory copy follows
                    change()
            finally:
                self._depth = 0
                self._pending.clear()

    def lookup(
        self, keys: Collection[int], *, exclude_doc: str | None = None
    ) -> dict[int, list[IndexedParagraph]]:
        with self._lock:
            self._read_latest()
            return self._memory.lookup(keys, exclude_doc=exclude_doc)

    def boilerplate(self, source: str, keys: Collection[int], min_docs: int) -> frozenset[int]:
        with self._lock:
            self._read_latest()
            return self._memory.boilerplate(source, keys, min_docs)

    def add(self, doc: StoredDocument) -> None:
        doc.checked_keys()  # the memory copy must take what the file takes
        with self.transaction():
            db = self._db
            self._forget(doc.doc_id)
            (first,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()
            source = None
            exact = None
            if doc.source is not None:
                db.execute("INSERT OR IGNORE INTO sources (name) VALUES (?)", (doc.source,))
                (source,) = db.execute(
                    "SELECT id FROM sources WHERE name = ?", (doc.source,)
                ).fetchone()
                exact = _pack_keys(sorted(set(doc.exact_keys)))
            # One compressed stream for all its texts (a stream costs microseconds to set up),
            # unless a text holds the separator.
            together = not any("\0" in text for text in doc.canonical)
            texts = _deflate("\0".join(doc.canonical)) if together else None
            serial = db.execute(
                "INSERT INTO documents (name, source, added, first, count, exact, texts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc.doc_id, source, doc.added, first, len(doc.paragraphs), exact, texts),
            ).lastrowid  # fmt: skip
            db.executemany(
                "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)",
                [
                    (row, serial, paragraph, None if together else _pack(canonical),
                     _pack_keys(keys))
                    for row, (paragraph, canonical, keys) in enumerate(
                        zip(doc.paragraphs, doc.canonical, doc.keys_by_paragraph(), strict=True),
                        start=first,
                    )
                ],
            )  # fmt: skip
            db.execute(
                "UPDATE stats SET documents = documents + 1, paragraphs = paragraphs + ?",
                (len(doc.paragraphs),),
            )
            self._pending.append(lambda: self._memory.add(doc))
            self._pending.append(lambda: self._seen(doc=serial))

    def next_doc_id(self) -> str:
        with self._lock:
            row = self._db.execute(
                "SELECT seq FROM sqlite_sequence WHERE name = 'documents'"
            ).fetchone()
            return f"#{(row[0] if row else 0) + 1}"

    def forget(self, doc_id: str) -> int:
        with self.transaction():
            return self._forget(doc_id)

    def evict(self, *, max_paragraphs: int | None, before: float | None) -> int:
        removed = 0
        with self.transaction():
            while True:
                oldest = self._db.execute(
                    "SELECT name, added FROM documents ORDER BY id LIMIT 1"
                ).fetchone()
                if oldest is None:
                    break
                too_many = max_paragraphs is not None and self.paragraph_count() > max_paragraphs
                too_old = before is not None and oldest[1] < before
                if not (too_many or too_old):
                    break
                self._forget(oldest[0])
                removed += 1
        return removed

    def paragraph_count(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT paragraphs FROM stats").fetchone()
            return int(count)

    def document_count(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT documents FROM stats").fetchone()
            return int(count)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._memory.close()

    # Internals.

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("the store is closed")
        return self._conn

    def _meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def _check_format(self) -> None:
        db = self._db
        has_meta = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        stored = self._meta("format") if has_meta else None
        if stored is not None and int(stored) > FORMAT_VERSION:
            raise IndexMismatchError(
                f"the index {str(self.path)!r} has format {stored}, newer than this textclean "
                f"reads (format {FORMAT_VERSION}): upgrade textclean to use it"
            )
        if stored is not None and int(stored) < FORMAT_VERSION:
            raise IndexMismatchError(
                f"the index {str(self.path)!r} has format {stored}, written by an older "
                f"textclean; this one reads format {FORMAT_VERSION}: build the index again "
                "in a new file"
            )

    def _create_tables(self) -> None:
        db = self._db
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (str(FORMAT_VERSION),))

    def _forget(self, doc_id: str) -> int:
        db = self._db
        row = db.execute(
            "SELECT id, first, count FROM documents WHERE name = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return 0
        serial, first, count = row
        db.execute("DELETE FROM paragraphs WHERE id BETWEEN ? AND ?", (first, first + count - 1))
        db.execute("DELETE FROM documents WHERE id = ?", (serial,))
        db.execute(
            "UPDATE stats SET documents = documents - 1, paragraphs = paragraphs - ?", (count,)
        )
        seq = db.execute("INSERT INTO forgotten (name) VALUES (?)", (doc_id,)).lastrowid
        assert seq is not None
        if seq % _PRUNE_EVERY == 0:
            db.execute("DELETE FROM forgotten WHERE seq <= ?", (seq - FORGOTTEN_KEPT,))
        self._pending.append(lambda: self._drop(doc_id))
        self._pending.append(lambda: self._seen(forgotten=seq))
        return int(count)

    def _drop(self, doc_id: str) -> None:
        self._memory.forget(doc_id)

    def _seen(self, *, doc: int | None = None, forgotten: int | None = None) -> None:
        if doc is not None:
            self._seen_doc = max(self._seen_doc, doc)
        if forgotten is not None:
            self._seen_forgotten = max(self._seen_forgotten, forgotten)

    def _read_latest(self) -> None:
        """Outside a transaction: bring the memory copy up to the file's latest commit."""
        if self._depth:
            return  # a transaction caught up when it began, and holds the write lock
        db = self._db
        db.execute("BEGIN")
        try:
            self._catch_up()
        finally:
            db.commit()

    def _catch_up(self) -> None:
        """Apply to the memory copy what other processes changed since it last looked: the
        documents they removed, then those they added, in order."""
        db = self._db
        (oldest,) = db.execute("SELECT coalesce(min(seq), 0) FROM forgotten").fetchone()
        if oldest > self._seen_forgotten + 1:  # removals we never saw were dropped: read all
            self._reload()
            return
        for seq, name in db.execute(
            "SELECT seq, name FROM forgotten WHERE seq > ? ORDER BY seq", (self._seen_forgotten,)
        ).fetchall():
            self._memory.forget(name)
            self._seen_forgotten = seq
        documents = db.execute(_NEW_DOCUMENTS, (self._seen_doc,)).fetchall()
        if not documents:
            return
        # A document's rows come after those of every document before it that is still there.
        rows = db.execute(
            "SELECT doc, idx, text, keys FROM paragraphs WHERE id >= ? ORDER BY id",
            (min(document[4] for document in documents),),
        )
        groups = itertools.groupby(rows, key=lambda row: row[0])
        group = next(groups, None)
        batch: list[StoredDocument] = []
        for serial, name, source, added, _, count, exact, texts in documents:
            paragraphs: list[tuple[int, int, str | bytes, bytes]] = []
            if group is not None and group[0] == serial:
                paragraphs = list(group[1])
                group = next(groups, None)
            keys = [_unpack_keys(blob) for _, _, _, blob in paragraphs]
            document = StoredDocument(
                name, source, added,
                [idx for _, idx, _, _ in paragraphs],
                (_inflate(texts).split("\0") if count else [])
                if texts is not None
                else [_text(text) for _, _, text, _ in paragraphs],
                np.fromiter(itertools.chain.from_iterable(keys), np.int64),
                np.repeat(np.arange(len(keys), dtype=np.int64), [len(k) for k in keys]),
                frozenset(_unpack_keys(exact)) if exact is not None else frozenset(),
            )  # fmt: skip
            batch.append(document)
            if len(batch) == _READ_BATCH:
                self._memory.add_many(batch)
                batch = []
        self._memory.add_many(batch)
        self._seen_doc = documents[-1][0]

    def _reload(self) -> None:
        """Fill a new memory copy from the whole file."""
        self._memory.close()
        self._memory = MemoryStore()
        if self._settings is not None:
            self._memory.check_settings(self._settings)
        (self._seen_forgotten,) = self._db.execute(
            "SELECT coalesce(max(seq), 0) FROM forgotten"
        ).fetchone()
        self._seen_doc = 0
        self._catch_up()


def _deflate(text: str) -> bytes:
    """``text`` as raw-deflate compressed UTF-8 (lone surrogates kept)."""
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    return deflate.compress(text.encode("utf-8", "surrogatepass")) + deflate.flush()


def _inflate(packed: bytes) -> str:
    return zlib.decompress(packed, wbits=-15).decode("utf-8", "surrogatepass")


def _pack(text: str) -> str | bytes:
    """``text`` as stored: raw-deflate compressed UTF-8 when that is shorter (or ``text`` holds
    lone surrogates, which an SQLite TEXT cannot)."""
    packed = _deflate(text)
    if len(packed) < len(text.encode("utf-8", "surrogatepass")) or (
        not text.isascii() and _has_surrogates(text)
    ):
        return packed
    return text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _text(stored: str | bytes) -> str:
    return _inflate(stored) if isinstance(stored, bytes) else stored


def _pack_keys(keys: Iterable[int]) -> bytes:
    """Keys as little-endian int64s."""
    packed = array("q", keys)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack_keys(blob: bytes) -> array[int]:
    keys = array("q")
    keys.frombytes(blob)
    if sys.byteorder == "big":
        keys.byteswap()
    return keys
