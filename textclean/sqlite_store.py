"""An index in an SQLite file: it survives the process and several processes may share it.

Every document is one ``BEGIN IMMEDIATE`` transaction (lookup, then add), so a process killed in
the middle of a document leaves the index as it was before that document, and two processes never
both keep the same new paragraph: the second waits, then sees the first's paragraphs. The file is
in WAL mode, so waiting writers do not block readers.

Tables:

* ``meta``: the index format (:data:`~textclean.store.FORMAT_VERSION`) and the fingerprint
  settings the index was built with;
* ``stats``: how many documents and paragraphs are indexed (one row, so counting is free);
* ``documents``: one row per document (its id, source, when it was added, its paragraph rows,
  and, for documents with a source, the exact keys of its paragraphs for boilerplate counts);
* ``paragraphs``: one row per indexed paragraph: its document, its index in the document, its
  canonical text (raw-deflate compressed into a BLOB when that is shorter, else TEXT) and the
  keys it is filed under (to unfile it);
* ``postings``: ``(key, paragraph)``, the index proper, a ``WITHOUT ROWID`` table whose primary
  key is the pair; a key takes at most :data:`~textclean.store.MAX_POSTINGS` paragraphs;
* ``sources`` and ``sightings``: per source and exact key, how many indexed documents had it.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
import zlib
from array import array
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from textclean.match import IndexedParagraph
from textclean.store import FORMAT_VERSION, MAX_POSTINGS, IndexMismatchError, StoredDocument

__all__ = ["SQLiteStore"]

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
    exact BLOB               -- exact keys of all its paragraphs, when it has a source
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    text NOT NULL,           -- TEXT, or a BLOB of its raw-deflate compressed UTF-8
    keys BLOB NOT NULL       -- the keys it was filed under, as int64
);
CREATE TABLE IF NOT EXISTS postings (
    key INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (key, paragraph)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sightings (
    source INTEGER NOT NULL,
    key INTEGER NOT NULL,
    docs INTEGER NOT NULL,
    PRIMARY KEY (source, key)
) WITHOUT ROWID;
"""

_LOOKUP = """
SELECT postings.key, documents.name, paragraphs.idx, paragraphs.text
FROM postings
JOIN paragraphs ON paragraphs.id = postings.paragraph
JOIN documents ON documents.id = paragraphs.doc
WHERE postings.key IN (SELECT value FROM json_each(?1)) AND documents.name IS NOT ?2
ORDER BY postings.key, postings.paragraph
"""

_FILE = """
INSERT OR IGNORE INTO postings (key, paragraph) SELECT ?1, ?2
WHERE (SELECT count(*) FROM postings WHERE key = ?1) < ?3
"""

_BOILERPLATE = """
SELECT key FROM sightings
WHERE source = (SELECT id FROM sources WHERE name = ?1)
  AND key IN (SELECT value FROM json_each(?2)) AND docs >= ?3
"""


class SQLiteStore:
    """A :class:`~textclean.store.Store` in an SQLite file, shared safely by several processes.

    Args:
        path: the index file; it is created if missing (with its directory's permissions).
        timeout: seconds to wait for another process's transaction before failing (default 60).

    Raises:
        IndexMismatchError: the file was written by a newer textclean (a newer index format).

    Opening is cheap; a process keeps one connection, used by one thread at a time (the store
    holds a lock). An indexed paragraph takes about 460 bytes of file on news text
    (``benchmarks/bench_index.py`` measures it): about 250 for its postings, 95 for its compressed
    text and 100 for the list of its keys, kept to unfile it.
    """

    def __init__(self, path: str | Path, *, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._depth = 0  # nesting of transaction()
        self._counted: tuple[str | None, set[int] | frozenset[int], dict[int, int]] | None = None
        self._conn: sqlite3.Connection | None = None
        conn = sqlite3.connect(
            self.path, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable except on power loss
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB
            # Copy the WAL back into the file every 65536 pages (256 MiB) rather than every 1000:
            # a document dirties hundreds of scattered pages of the postings B-tree, and rarer
            # checkpoints write each page back fewer times (ingest is about 25% faster).
            conn.execute("PRAGMA wal_autocheckpoint = 65536")
            self._conn = conn
            with self.transaction():
                self._check_format()
                self._create_tables()
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
            self._counted = None
            try:
                yield
            except BaseException:
                db.rollback()
                raise
            else:
                db.commit()
            finally:
                self._depth = 0

    def lookup(
        self, keys: Collection[int], *, exclude_doc: str | None = None
    ) -> dict[int, list[IndexedParagraph]]:
        out: dict[int, list[IndexedParagraph]] = {}
        with self._lock:
            rows = self._db.execute(_LOOKUP, (json.dumps(list(keys)), exclude_doc)).fetchall()
            made: dict[tuple[str, int], IndexedParagraph] = {}
            for key, doc_id, paragraph, text in rows:
                entry = made.get((doc_id, paragraph))
                if entry is None:
                    entry = IndexedParagraph(doc_id, paragraph, _text(text))
                    made[doc_id, paragraph] = entry
                out.setdefault(key, []).append(entry)
            if self._depth:
                # The add() that usually follows in this transaction can skip counting postings.
                looked_up = keys if isinstance(keys, set | frozenset) else set(keys)
                self._counted = (exclude_doc, looked_up, {k: len(v) for k, v in out.items()})
        return out

    def boilerplate(self, source: str, keys: Collection[int], min_docs: int) -> frozenset[int]:
        with self._lock:
            rows = self._db.execute(_BOILERPLATE, (source, json.dumps(list(keys)), min_docs))
            return frozenset(key for (key,) in rows)

    def add(self, doc: StoredDocument) -> None:
        with self.transaction():
            db = self._db
            counted, self._counted = self._counted, None
            self._forget(doc.doc_id)
            (first,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()
            source = None
            exact = None
            if doc.source is not None:
                db.execute("INSERT OR IGNORE INTO sources (name) VALUES (?)", (doc.source,))
                (source,) = db.execute(
                    "SELECT id FROM sources WHERE name = ?", (doc.source,)
                ).fetchone()
                exact = set(doc.exact_keys)
            serial = db.execute(
                "INSERT INTO documents (name, source, added, first, count, exact)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (doc.doc_id, source, doc.added, first, len(doc.paragraphs),
                 None if exact is None else _pack_keys(exact)),
            ).lastrowid  # fmt: skip
            rows = []
            postings: list[tuple[int, int]] = []
            for row, (paragraph, canonical, keys) in enumerate(
                zip(doc.paragraphs, doc.canonical, doc.keys_by_paragraph(), strict=True),
                start=first,
            ):
                rows.append((row, serial, paragraph, _pack(canonical), _pack_keys(keys)))
                postings.extend((key, row) for key in keys)
            db.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)", rows)
            if (
                counted is not None
                and counted[0] == doc.doc_id
                and counted[1] >= {k for k, _ in postings}
            ):
                # The lookup just before counted every key's postings: skip the full ones.
                have = counted[2]
                filed = []
                for key, row in postings:
                    n = have.get(key, 0)
                    if n < MAX_POSTINGS:
                        have[key] = n + 1
                        filed.append((key, row))
                db.executemany("INSERT OR IGNORE INTO postings VALUES (?, ?)", filed)
            else:
                db.executemany(_FILE, [(key, row, MAX_POSTINGS) for key, row in postings])
            if exact is not None:
                db.executemany(
                    "INSERT INTO sightings VALUES (?, ?, 1)"
                    " ON CONFLICT (source, key) DO UPDATE SET docs = docs + 1",
                    ((source, key) for key in exact),
                )
            db.execute(
                "UPDATE stats SET documents = documents + 1, paragraphs = paragraphs + ?",
                (len(doc.paragraphs),),
            )

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

    def _create_tables(self) -> None:
        db = self._db
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (str(FORMAT_VERSION),))

    def _forget(self, doc_id: str) -> int:
        db = self._db
        self._counted = None
        row = db.execute(
            "SELECT id, source, first, count, exact FROM documents WHERE name = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return 0
        serial, source, first, count, exact = row
        last = first + count - 1
        unfile: list[tuple[int, int]] = []
        for paragraph, keys in db.execute(
            "SELECT id, keys FROM paragraphs WHERE id BETWEEN ? AND ?", (first, last)
        ).fetchall():
            unfile.extend((key, paragraph) for key in _unpack_keys(keys))
        db.executemany("DELETE FROM postings WHERE key = ? AND paragraph = ?", unfile)
        db.execute("DELETE FROM paragraphs WHERE id BETWEEN ? AND ?", (first, last))
        if exact is not None:
            seen = [(source, key) for key in _unpack_keys(exact)]
            db.executemany(
                "UPDATE sightings SET docs = docs - 1 WHERE source = ? AND key = ?", seen
            )
            db.executemany("DELETE FROM sightings WHERE source = ? AND key = ? AND docs <= 0", seen)
        db.execute("DELETE FROM documents WHERE id = ?", (serial,))
        db.execute(
            "UPDATE stats SET documents = documents - 1, paragraphs = paragraphs - ?", (count,)
        )
        return int(count)


def _pack(text: str) -> str | bytes:
    """``text`` as stored: raw-deflate compressed UTF-8 when that is shorter (or ``text`` holds
    lone surrogates, which an SQLite TEXT cannot)."""
    raw = text.encode("utf-8", "surrogatepass")
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = deflate.compress(raw) + deflate.flush()
    if len(packed) < len(raw) or (not text.isascii() and _has_surrogates(text)):
        return packed
    return text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _text(stored: str | bytes) -> str:
    if isinstance(stored, bytes):
        return zlib.decompress(stored, wbits=-15).decode("utf-8", "surrogatepass")
    return stored


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
