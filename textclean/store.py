"""Stores: where a cross-document index keeps what it has seen.

A store files each kept paragraph of each document under its fingerprint keys (the exact key,
sentence keys and LSH band keys of :class:`~textclean.fingerprint.ParagraphPrint`) and keeps its
canonical text, which verification needs. The :class:`Store` protocol is all that
:class:`~textclean.Deduplicator` uses, so another backend plugs in without touching matching.

Two stores come with textclean: :class:`MemoryStore` (the default) and
:class:`~textclean.sqlite_store.SQLiteStore` (persistent, several processes may share one file).
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from textclean.fingerprint import ParagraphPrint
from textclean.match import IndexedParagraph

__all__ = [
    "FORMAT_VERSION",
    "MAX_POSTINGS",
    "IndexMismatchError",
    "MemoryStore",
    "Store",
    "StoredDocument",
]

FORMAT_VERSION = 1
"""Version of the index layout; an index written by a newer textclean is refused."""

MAX_POSTINGS = 64
"""A key already filed for this many paragraphs takes no more (it is too common to be useful)."""


class IndexMismatchError(ValueError):
    """An index was written with other fingerprint settings or by a newer format."""


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What a store keeps of one document.

    Attributes:
        doc_id: the document's id.
        source: where it came from (a site, a feed), for boilerplate counts; may be ``None``.
        added: when it was added (seconds since the epoch), for ``max_age`` eviction.
        kept: ``(paragraph index, fingerprint)`` of each kept paragraph.
        exact_keys: the exact keys of all its paragraphs, kept or not (boilerplate counts).
    """

    doc_id: str
    source: str | None
    added: float
    kept: Sequence[tuple[int, ParagraphPrint]]
    exact_keys: Collection[int]


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

    def boilerplate(self, source: str, keys: Collection[int], min_docs: int) -> frozenset[int]:
        """Those ``keys`` seen in at least ``min_docs`` earlier documents of ``source``."""

    def add(self, doc: StoredDocument) -> None:
        """Index a document's kept paragraphs (replacing a document with the same id)."""

    def next_doc_id(self) -> str:
        """A fresh id for a document that has none."""

    def forget(self, doc_id: str) -> int:
        """Remove a document; return how many paragraphs it had indexed."""

    def evict(self, *, max_paragraphs: int | None, before: float | None) -> int:
        """Remove the oldest documents until the limits hold; return how many were removed."""

    def paragraph_count(self) -> int:
        """Number of indexed paragraphs."""

    def document_count(self) -> int:
        """Number of indexed documents."""

    def close(self) -> None:
        """Release resources; the store is unusable afterwards."""


class MemoryStore:
    """An in-memory :class:`Store`. Thread-safe; gone when the process ends.

    Per indexed paragraph it holds the canonical text and one posting per key (1 exact, one per
    long sentence, 16 bands by default).
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._settings: str | None = None
        self._postings: dict[int, list[int]] = {}
        self._paragraphs: dict[int, tuple[int, int, str, tuple[int, ...]]] = {}
        self._docs: dict[str, tuple[int, float, list[int]]] = {}  # id -> (serial, added, rows)
        self._doc_names: dict[int, str] = {}
        self._sightings: dict[tuple[str, int], int] = {}
        self._next_row = 0
        self._next_doc = 0
        self._closed = False

    def check_settings(self, settings: str) -> None:
        if self._settings is None:
            self._settings = settings
        elif self._settings != settings:
            raise IndexMismatchError(
                f"this index uses fingerprint settings {self._settings!r}, not {settings!r}"
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._closed:
            raise ValueError("the store is closed")
        with self._lock:
            yield

    def lookup(
        self, keys: Collection[int], *, exclude_doc: str | None = None
    ) -> dict[int, list[IndexedParagraph]]:
        out: dict[int, list[IndexedParagraph]] = {}
        skip = self._docs[exclude_doc][0] if exclude_doc in self._docs else None
        for key in keys:
            rows = self._postings.get(key)
            if not rows:
                continue
            found = []
            for row in rows:
                serial, paragraph, canonical, _ = self._paragraphs[row]
                if serial != skip:
                    found.append(IndexedParagraph(self._doc_names[serial], paragraph, canonical))
            if found:
                out[key] = found
        return out

    def boilerplate(self, source: str, keys: Collection[int], min_docs: int) -> frozenset[int]:
        return frozenset(k for k in keys if self._sightings.get((source, k), 0) >= min_docs)

    def add(self, doc: StoredDocument) -> None:
        self.forget(doc.doc_id)
        serial = self._next_doc
        self._next_doc += 1
        rows = []
        for paragraph, fp in doc.kept:
            row = self._next_row
            self._next_row += 1
            keys = fp.keys()
            self._paragraphs[row] = (serial, paragraph, fp.canonical, keys)
            for key in keys:
                posting = self._postings.setdefault(key, [])
                if len(posting) < MAX_POSTINGS:
                    posting.append(row)
            rows.append(row)
        self._docs[doc.doc_id] = (serial, doc.added, rows)
        self._doc_names[serial] = doc.doc_id
        if doc.source is not None:
            for key in set(doc.exact_keys):
                self._sightings[(doc.source, key)] = self._sightings.get((doc.source, key), 0) + 1

    def next_doc_id(self) -> str:
        return f"#{self._next_doc + 1}"

    def forget(self, doc_id: str) -> int:
        entry = self._docs.pop(doc_id, None)
        if entry is None:
            return 0
        serial, _, rows = entry
        del self._doc_names[serial]
        for row in rows:
            _, _, _, keys = self._paragraphs.pop(row)
            for key in keys:
                posting = self._postings.get(key)
                if posting is not None and row in posting:
                    posting.remove(row)
                    if not posting:
                        del self._postings[key]
        return len(rows)

    def evict(self, *, max_paragraphs: int | None, before: float | None) -> int:
        removed = 0
        for doc_id, (_, added, _) in list(self._docs.items()):  # insertion order: oldest first
            too_many = max_paragraphs is not None and len(self._paragraphs) > max_paragraphs
            too_old = before is not None and added < before
            if not (too_many or too_old):
                break
            self.forget(doc_id)
            removed += 1
        return removed

    def paragraph_count(self) -> int:
        return len(self._paragraphs)

    def document_count(self) -> int:
        return len(self._docs)

    def close(self) -> None:
        self._closed = True
