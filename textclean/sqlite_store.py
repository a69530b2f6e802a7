"""An index in an SQLite file: it survives the process and several processes may share one file.

The file is the durable record of what was indexed, in order: every document with its kept
paragraphs (canonical text and fingerprint keys). Each process also holds the index itself in a
:class:`~textclean.store.MemoryStore`, filled from the file when it opens it and kept up to date
from it: every transaction starts by reading the documents that other processes added, and the
documents they removed, since it last looked. Lookups are then memory lookups, and writing a
document appends one row (no B-tree of postings to update at scattered places: that cost more
than half of the time when the postings were kept in the file itself).

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
* ``documents``: one row per document, in the order they were added: its id, source, when it
  was added, and what :class:`~textclean.store.StoredDocument` holds, as little-endian arrays:
  its kept paragraphs' indices, their canonical texts (their UTF-8 one after another, in one
  raw-deflate stream, and their lengths), their keys and how many each paragraph has, and, for
  documents with a source, the exact keys of all its paragraphs for boilerplate counts;
* ``forgotten``: the documents removed (by ``forget``, eviction or a new document with the same
  id), numbered, so that other processes remove them too; only the newest
  :data:`FORGOTTEN_KEPT` are kept, and a process that fell further behind reads the whole index
  again.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import zlib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

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
    count INTEGER NOT NULL,  -- kept paragraphs
    paragraphs BLOB NOT NULL,  -- the index of each kept paragraph in the document (uint32)
    texts BLOB NOT NULL,     -- their canonical texts' UTF-8, one after another, raw-deflated
    lengths BLOB NOT NULL,   -- the byte length of each text (uint32)
    keys BLOB NOT NULL,      -- every key of every kept paragraph (int64)
    counts BLOB NOT NULL,    -- how many of the keys each paragraph has, in order (uint32)
    exact BLOB               -- exact keys of all its paragraphs, when it has a source (int64)
);
CREATE TABLE IF NOT EXISTS forgotten (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL
);
"""

_NEW_DOCUMENTS = """
SELECT documents.id, documents.name, sources.name, documents.added, documents.paragraphs,
       documents.texts, documents.lengths, documents.keys, documents.counts, documents.exact
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
            by one whose format this textclean no longer reads (then build the index again), or
            it is an SQLite database that is no textclean index (it is left untouched).
        FileNotFoundError, IsADirectoryError, PermissionError: the file's directory is missing,
            the path is a directory, or a new file cannot be made there.

    A process keeps one connection, used by one thread at a time (the store holds a lock), and
    the index in memory as a :class:`~textclean.store.MemoryStore` does (about 270 bytes a
    paragraph): opening a file reads all of it, about 10 µs a paragraph. An indexed paragraph
    takes about 200 bytes of file on news text (``benchmarks/bench_index.py`` measures both): its
    canonical text (compressed with its document's others) and its keys.
    """

    def __init__(self, path: str | Path, *, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._depth = 0  # nesting of transaction()
        self._memory = MemoryStore()
        self._settings: str | None = None
        self._seen_doc = 0  # the memory copy holds the documents up to this id ...
        self._seen_forgotten = 0  # ... and has removed those forgotten up to this number
        self._pending: list[Callable[[], object]] = []  # for the memory copy, once committed
        self._ready = False  # the tables are there
        self._version = -1  # PRAGMA data_version when the memory copy last caught up
        self._conn: sqlite3.Connection | None = None
        _check_path(self.path)
        try:
            conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise type(error)(f"cannot open the index {str(self.path)!r}: {error}") from error
        try:
            _check_is_index(conn, self.path)  # (before anything is written to another's file)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable except on power loss
            self._conn = conn
            with self.transaction():
                self._check_format()
                self._create_tables()
            self._ready = True
            self._read_latest()  # in a read transaction: other processes go on writing
        except BaseException as error:
            conn.close()
            self._conn = None
            if isinstance(error, sqlite3.Error):  # (not a database, say: name the file)
                raise type(error)(f"cannot open the index {str(self.path)!r}: {error}") from error
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
                    self._catch_up_if_changed()
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

    def neighbours(self, doc_id: str, paragraph: int) -> tuple[IndexedParagraph, ...]:
        with self._lock:
            self._read_latest()
            return self._memory.neighbours(doc_id, paragraph)

    def boilerplate(self, source: str, keys: Collection[int], min_docs: int) -> frozenset[int]:
        with self._lock:
            self._read_latest()
            return self._memory.boilerplate(source, keys, min_docs)

    def add(self, doc: StoredDocument) -> None:
        keys = doc.checked_keys()  # the memory copy must take what the file takes
        counts = np.bincount(np.asarray(doc.rows, dtype=np.int64), minlength=len(doc.paragraphs))
        counts = counts.astype(np.uint32)  # keys a paragraph: rows ascend (checked)
        encoded = [text.encode("utf-8", "surrogatepass") for text in doc.canonical]
        with self.transaction():
            db = self._db
            self._forget(doc.doc_id)
            source = None
            exact = None
            if doc.source is not None:
                db.execute("INSERT OR IGNORE INTO sources (name) VALUES (?)", (doc.source,))
                (source,) = db.execute(
                    "SELECT id FROM sources WHERE name = ?", (doc.source,)
                ).fetchone()
                exact = _blob(np.fromiter(sorted(set(doc.exact_keys)), np.int64))
            serial = db.execute(
                "INSERT INTO documents (name, source, added, count, paragraphs, texts, lengths,"
                " keys, counts, exact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.doc_id, source, doc.added, len(doc.paragraphs),
                 _blob(np.asarray(doc.paragraphs, dtype=np.uint32)),
                 _deflate(b"".join(encoded)),  # one stream: each costs microseconds to set up
                 _blob(np.fromiter(map(len, encoded), np.uint32, len(encoded))),
                 _blob(keys), _blob(counts), exact),
            ).lastrowid  # fmt: skip
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
        row = db.execute("SELECT id, count FROM documents WHERE name = ?", (doc_id,)).fetchone()
        if row is None:
            return 0
        serial, count = row
        db.execute("DELETE FROM documents WHERE id = ?", (serial,))
        db.execute(
            "UPDATE stats SET documents = documents - 1, paragraphs = paragraphs - ?", (count,)
        )
        seq = db.execute("INSERT INTO forgotten (name) VALUES (?)", (doc_id,)).lastrowid
        assert seq is not None
        if seq % _PRUNE_EVERY == 0:
            db.execute("DELETE FROM forgotten WHERE seq <= ?", (seq - FORGOTTEN_KEPT,))
        self._pending.append(lambda: self._memory.forget(doc_id))
        self._pending.append(lambda: self._seen(forgotten=seq))
        return int(count)

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
            self._catch_up_if_changed()
        finally:
            db.commit()

    def _catch_up_if_changed(self) -> None:
        """:meth:`_catch_up`, unless no other connection has committed since it last ran."""
        (version,) = self._db.execute("PRAGMA data_version").fetchone()
        if version != self._version:
            self._catch_up()
            self._version = version

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
        batch: list[StoredDocument] = []
        for row in db.execute(_NEW_DOCUMENTS, (self._seen_doc,)):
            serial, name, source, added, paragraphs, texts, lengths, keys, counts, exact = row
            packed = _inflate(texts)
            ends = np.cumsum(np.frombuffer(lengths, dtype=_U32)).tolist()
            canonical = [
                packed[a:b].decode("utf-8", "surrogatepass")
                for a, b in zip([0, *ends], ends, strict=False)
            ]
            document = StoredDocument(
                name, source, added, np.frombuffer(paragraphs, dtype=_U32).tolist(), canonical,
                np.frombuffer(keys, dtype=_I64).astype(np.int64),
                np.repeat(np.arange(len(canonical)), np.frombuffer(counts, dtype=_U32)),
                frozenset(np.frombuffer(exact, dtype=_I64).tolist()) if exact else frozenset(),
            )  # fmt: skip
            batch.append(document)
            self._seen_doc = serial
            if len(batch) == _READ_BATCH:
                self._memory.add_many(batch)
                batch = []
        self._memory.add_many(batch)

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


_I64 = np.dtype("<i8")  # the file's byte order, whatever the machine's
_U32 = np.dtype("<u4")


def _blob(values: npt.NDArray[Any]) -> bytes:
    """An array as stored: little-endian int64 (keys) or uint32 (the rest)."""
    return values.astype(_I64 if values.dtype.kind == "i" else _U32).tobytes()


def _deflate(raw: bytes) -> bytes:
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    return deflate.compress(raw) + deflate.flush()


def _inflate(packed: bytes) -> bytes:
    return zlib.decompress(packed, wbits=-15)


def _check_path(path: Path) -> None:
    """Raise a clear :class:`OSError` when ``path`` cannot be an index file: SQLite says only
    "unable to open database file"."""
    where = f"cannot open the index {str(path)!r}"
    if path.is_dir():
        raise IsADirectoryError(f"{where}: it is a directory")
    parent = path.parent
    if path.exists():
        return
    if not parent.is_dir():
        raise FileNotFoundError(f"{where}: the directory {str(parent)!r} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise PermissionError(f"{where}: no permission to create a file in {str(parent)!r}")


def _check_is_index(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`~textclean.store.IndexMismatchError` when ``conn`` holds tables but no
    textclean index: another program's database, which opening it as an index would change."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if not tables:
        return  # (a new file, or an empty one: it becomes the index)
    if "meta" in tables and conn.execute("SELECT 1 FROM meta WHERE name = 'format'").fetchone():
        return
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    raise IndexMismatchError(
        f"the file {str(path)!r} is an SQLite database but no textclean index (it holds the "
        f"tables {shown}): it is left as it is; give the index a new file"
    )
