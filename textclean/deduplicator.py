"""The pipeline: clean -> segment -> fingerprint -> match -> assemble.

:func:`dedupe` handles one document; :class:`Deduplicator` handles a stream of them, remembering
what it kept in a store. Both run the same stages: ``dedupe(text)`` gives what
``Deduplicator().dedupe(text)`` gives on its first document (an empty index), without building the
index (so its ``doc_id`` is ``None``).

One step looks back: where the output would run kept paragraphs together (the parts of a line
that repeated itself, kept on either side of removed ones), the output's paragraphs are matched
too, as deduplicating the output would match them (:func:`_as_output_reads`), before assembling.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from textclean.assemble import assemble, assembled, run_together
from textclean.boilerplate import BoilerplateMatcher, boilerplate_matcher
from textclean.cleaning import clean_and_explain, decode_bytes
from textclean.counters import without_post_counters
from textclean.fingerprint import DocumentPrint, fingerprint_paragraphs
from textclean.match import Matching, Prior, match_paragraphs, settle
from textclean.match.links import address_free_keys
from textclean.options import DedupeOptions, apply_options
from textclean.results import DedupeResult, DocumentMatch, Duplicate, Paragraph
from textclean.segment import split_paragraphs
from textclean.store import MAX_SIGHTINGS, MemoryStore, Store, StoredDocument

__all__ = ["Deduplicator", "dedupe", "find_duplicates"]

_DEFAULTS = DedupeOptions()  # (frozen: shared by every call without options)


def dedupe(text: str | bytes, **options: Any) -> DedupeResult:
    """Clean a document and remove its repeated and near-repeated paragraphs.

    ``options`` are the fields of :class:`~textclean.options.DedupeOptions`.

    >>> body = "Prices rose sharply in March, the ministry said on Friday.\\n\\nShops stayed open."
    >>> result = dedupe(body + "\\n\\n" + body.replace("March", "march"))
    >>> result.text == body
    True
    >>> [(d.index, d.original, d.kind) for d in result.duplicates]
    [(2, 0, 'exact'), (3, 1, 'exact')]
    """
    config = apply_options(_DEFAULTS, options, what="dedupe")
    boilerplate = _remembering(_boilerplate(config))
    prepared = _prepare(text, config, boilerplate)
    matching = _matched(prepared, config, boilerplate, lambda document: Prior())
    return prepared.result(matching, doc_id=None, duplicate_of=None)


class _Prepared(NamedTuple):
    """A document cleaned, segmented and fingerprinted: everything before matching."""

    source_text: str
    steps: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    texts: list[str]
    document: DocumentPrint

    def result(
        self, matching: Matching, *, doc_id: str | None, duplicate_of: DocumentMatch | None
    ) -> DedupeResult:
        return DedupeResult(
            text=assemble(self.source_text, self.paragraphs, matching.kept),
            paragraphs=self.paragraphs,
            kept=matching.kept,
            duplicates=matching.duplicates,
            source_text=self.source_text,
            clean_steps=self.steps,
            doc_id=doc_id,
            duplicate_of=duplicate_of,
        )


def _matched(
    prepared: _Prepared,
    options: DedupeOptions,
    boilerplate: BoilerplateMatcher | None,
    prior: Callable[[DocumentPrint], Prior],
) -> Matching:
    """Match ``prepared``'s paragraphs, against what ``prior`` says earlier documents hold of a
    document's fingerprints, and the output's too where it runs kept paragraphs together
    (:func:`_as_output_reads`)."""

    def match(texts: list[str], document: DocumentPrint) -> Matching:
        return match_paragraphs(
            texts, document, options, prior=prior(document), boilerplate=boilerplate
        )

    def match_output(paragraphs: Sequence[Paragraph]) -> Matching:
        return match(*_fingerprint(paragraphs, options, boilerplate))

    return _as_output_reads(prepared, match(prepared.texts, prepared.document), match_output)


_REREADS = 3  # (each reread removes more, or ends it)


def _as_output_reads(
    prepared: _Prepared, matching: Matching, match: Callable[[Sequence[Paragraph]], Matching]
) -> Matching:
    """``matching``, with what matching the output again removes, when the output runs kept
    paragraphs together again: the parts of a line that the segmenter split as it repeated
    itself (see :func:`~textclean.segment.split_paragraphs`) stay on one line, and parts kept
    on either side of removed ones read as one paragraph, which may hold an earlier kept
    paragraph as a paragraph that says it again and again does. ``match`` matches the output's
    paragraphs as the document's were matched.

    A paragraph of the output that goes takes the kept paragraphs it is made of with it, as
    copies of the kept paragraphs that the paragraph it repeats is made of; so deduplicating the
    output finds nothing more.
    """
    for _ in range(_REREADS):
        joined = run_together(prepared.source_text, prepared.paragraphs, matching.kept)
        if not joined:
            return matching
        output, starts = assembled(prepared.source_text, prepared.paragraphs, matching.kept)
        paragraphs = split_paragraphs(output)
        parts = _parts(paragraphs, starts, [prepared.paragraphs[i].text for i in matching.kept])
        made_of = [[matching.kept[n] for n in part] for part in parts]
        where = f", as the output reads (paragraphs {', '.join(map(str, joined))} on one line, "
        where += "the output's paragraphs counted)"
        found = {dup.index: dup for dup in matching.duplicates}
        for dup in match(paragraphs).duplicates:
            if dup.doc_id is None and dup.original is not None:
                originals = [k for o in dup.originals for k in made_of[o]]
                if not originals:
                    continue  # (it repeats no kept paragraph whole)
                original: int | None = originals[0]
            else:  # (a boilerplate line, or a copy of an indexed paragraph: as it is)
                originals, original = list(dup.originals), dup.original
            for i in made_of[dup.index]:
                found[i] = Duplicate(
                    i, original, dup.kind, dup.similarity, dup.rule + where, tuple(originals),
                    dup.doc_id,
                )  # fmt: skip
        if len(found) == len(matching.duplicates):
            return matching
        settle.resolve_references(found)
        matching = Matching(
            tuple(found[i] for i in sorted(found)),
            tuple(i for i in range(len(prepared.paragraphs)) if i not in found),
            settle.document_match(prepared.document.canonical, found),
        )
    return matching


def _parts(
    paragraphs: Sequence[Paragraph], starts: Sequence[int], kept: Sequence[str]
) -> list[list[int]]:
    """For each of the output's ``paragraphs``, the positions in ``kept`` (the texts of the
    kept paragraphs, in order, starting at ``starts`` in the output) of those lying wholly
    inside it."""
    parts: list[list[int]] = []
    n = 0
    for paragraph in paragraphs:
        inside = []
        while n < len(starts) and starts[n] < paragraph.end:
            if starts[n] >= paragraph.start and starts[n] + len(kept[n]) <= paragraph.end:
                inside.append(n)
            n += 1
        parts.append(inside)
    return parts


def _prepare(
    text: str | bytes, options: DedupeOptions, boilerplate: BoilerplateMatcher | None
) -> _Prepared:
    """Clean, segment and fingerprint ``text``: the stages before matching (``boilerplate``:
    the options' boilerplate matcher, built once by the caller)."""
    if not isinstance(text, str | bytes):
        raise TypeError(f"the text to deduplicate must be str or bytes, got {type(text).__name__}")
    if options.clean is not False:
        cleaned = clean_and_explain(text, None if options.clean is True else options.clean)
        source_text, steps = cleaned.text, cleaned.steps
    elif isinstance(text, bytes):
        source_text, steps = decode_bytes(text)[0], ()
    else:
        source_text, steps = text, ()
    paragraphs = split_paragraphs(source_text)
    texts, document = _fingerprint(paragraphs, options, boilerplate)
    return _Prepared(source_text, steps, paragraphs, texts, document)


def _fingerprint(
    paragraphs: Sequence[str | Paragraph],
    options: DedupeOptions,
    boilerplate: BoilerplateMatcher | None,
) -> tuple[list[str], DocumentPrint]:
    """The texts matched (without the furniture run into them: a teaser's "… Read more", a
    link's "(opens in new tab)", a thread's post counters) and their fingerprints."""
    texts = [p.text if isinstance(p, Paragraph) else p for p in paragraphs]
    if boilerplate is not None:
        texts = without_post_counters(list(map(boilerplate.matched_text, texts)))
    return texts, fingerprint_paragraphs(texts, options.fingerprint, min_chars=options.min_chars)


def find_duplicates(paragraphs: Sequence[str | Paragraph], **options: Any) -> tuple[Duplicate, ...]:
    """Find the repeated paragraphs among ``paragraphs`` you have segmented yourself.

    Paragraph texts are matched as given (no cleaning); indices in the result are positions in
    ``paragraphs``.

    >>> find_duplicates(["A unique opening paragraph, written once.", "Another one.", "A unique opening paragraph written once!"])
    (Duplicate(index=2, original=0, kind='exact', similarity=1.0, rule='same canonical text', originals=(0,), doc_id=None),)
    """  # noqa: E501
    if isinstance(paragraphs, str | bytes):
        raise TypeError(
            "find_duplicates takes a sequence of paragraphs, not one text: "
            "split it with split_paragraphs(text), or use dedupe(text)"
        )
    config = apply_options(_DEFAULTS, options, what="find_duplicates")
    for position, p in enumerate(paragraphs):
        if not isinstance(p, str | Paragraph):
            raise TypeError(f"paragraph {position} is {type(p).__name__}, expected str")
    boilerplate = _remembering(_boilerplate(config))
    texts, document = _fingerprint(paragraphs, config, boilerplate)
    return match_paragraphs(texts, document, config, boilerplate=boilerplate).duplicates


def _boilerplate(config: DedupeOptions) -> BoilerplateMatcher | None:
    return boilerplate_matcher(config.boilerplate_patterns) if config.boilerplate else None


def _remembering(boilerplate: BoilerplateMatcher | None) -> BoilerplateMatcher | None:
    """``boilerplate`` for one document: it remembers its answers (a line is asked about at
    several stages, and its copies with it)."""
    return None if boilerplate is None else boilerplate.remembering()


def sqlite_path(store: str | os.PathLike[str]) -> Path:
    """The SQLite file that ``store`` (a path or ``"sqlite:///PATH"``) names.

    >>> sqlite_path("sqlite:///tmp/index.db").as_posix()
    'tmp/index.db'
    """
    path = os.fspath(store)
    if path.startswith("sqlite:///"):
        return Path(path[len("sqlite:///") :])
    if "://" in path:
        raise ValueError(f"unsupported store URL {path!r}: use a path or 'sqlite:///PATH'")
    return Path(path)


def _positive(value: object, *, integer: bool) -> bool:
    """Whether ``value`` is a positive integer (or, unless ``integer``, a positive number)."""
    kinds = (int,) if integer else (int, float)
    return isinstance(value, kinds) and not isinstance(value, bool) and value > 0


def _invalid(name: str, value: object, wanted: str) -> TypeError | ValueError:
    """The error for option ``name`` given ``value``: a :class:`TypeError` if it is no number
    (a string, say), else a :class:`ValueError`."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    error = ValueError if number else TypeError
    return error(f"{name} must be {wanted}, got {value!r}")


def _open_store(store: Store | str | os.PathLike[str] | None) -> Store:
    if store is None:
        return MemoryStore()
    if isinstance(store, str | os.PathLike):
        from textclean.sqlite_store import SQLiteStore

        return SQLiteStore(sqlite_path(store))
    if not isinstance(store, Store):
        raise TypeError(
            f"store must be None, a path, 'sqlite:///PATH' or a Store, got {type(store).__name__}"
        )
    return store


class Deduplicator:
    """Deduplicate a stream of documents against each other and against themselves.

    Args:
        store: where the index lives: ``None`` (default) keeps it in memory; a path or
            ``"sqlite:///path.db"`` keeps it in an SQLite file that survives the process and can
            be shared by several processes; or any object implementing
            :class:`~textclean.store.Store`.
        boilerplate_min_docs: a paragraph seen in at least this many earlier documents of the
            same ``source`` is boilerplate, removed even at its first appearance in a later
            document (default ``None``: off).
        document_threshold: ``result.duplicate_of`` is set when at least this share of a
            document's text was found in one earlier document (default 0.8).
        max_paragraphs: evict the oldest documents once more paragraphs than this are indexed
            (default ``None``: no limit).
        max_age: evict documents added more than this many seconds ago (default ``None``).
        clock: returns the current time in seconds (default :func:`time.time`); for tests.
        **options: the fields of :class:`~textclean.options.DedupeOptions`.

    A ``Deduplicator`` is thread-safe: documents are cleaned and fingerprinted in parallel, and
    matched against the index and added to it one at a time. It is a context manager; leaving the
    ``with`` block closes the store.

    >>> with Deduplicator() as dd:
    ...     first = dd.dedupe("Wire copy: the council approved the budget on Monday night.", doc_id="a")
    ...     second = dd.dedupe("Local intro line.\\n\\nWire copy: the council approved the budget on Monday night.", doc_id="b")
    >>> [(d.index, d.doc_id, d.original, d.kind) for d in second.duplicates]
    [(1, 'a', 0, 'exact')]
    """  # noqa: E501

    def __init__(
        self,
        *,
        store: Store | str | os.PathLike[str] | None = None,
        boilerplate_min_docs: int | None = None,
        document_threshold: float = 0.8,
        max_paragraphs: int | None = None,
        max_age: float | None = None,
        clock: Callable[[], float] = time.time,
        **options: Any,
    ) -> None:
        self.options = apply_options(_DEFAULTS, options, what="Deduplicator")
        for name, value in (("boilerplate_min_docs", boilerplate_min_docs),
                            ("max_paragraphs", max_paragraphs)):  # fmt: skip
            if value is not None and not _positive(value, integer=True):
                raise _invalid(name, value, "a positive integer or None")
        if max_age is not None and not _positive(max_age, integer=False):
            raise _invalid("max_age", max_age, "a positive number of seconds or None")
        if not _positive(document_threshold, integer=False) or document_threshold > 1:
            raise _invalid("document_threshold", document_threshold, "a number in (0, 1]")
        if boilerplate_min_docs is not None and boilerplate_min_docs > MAX_SIGHTINGS:
            raise ValueError(
                f"boilerplate_min_docs must be at most {MAX_SIGHTINGS} (stores count a paragraph's "
                f"documents up to that), got {boilerplate_min_docs}"
            )
        self.boilerplate_min_docs = boilerplate_min_docs
        self.document_threshold = document_threshold
        self.max_paragraphs = max_paragraphs
        self.max_age = max_age
        self._clock = clock
        self._boilerplate = _boilerplate(self.options)
        self._store = _open_store(store)
        self._store.check_settings(self.options.fingerprint.describe())
        self._lock = threading.Lock()

    @property
    def store(self) -> Store:
        """The store holding the index."""
        return self._store

    def dedupe(
        self, text: str | bytes, *, doc_id: str | None = None, source: str | None = None
    ) -> DedupeResult:
        """Deduplicate ``text`` against itself and the index, then add its kept paragraphs.

        ``doc_id`` names the document in later results (one is made up when it is ``None``; an
        empty one raises :class:`ValueError`); a document added again under the same id
        replaces the earlier one. ``source`` groups documents for boilerplate counts.
        """
        return self._run(text, doc_id=doc_id, source=source, add=True)

    def check(
        self, text: str | bytes, *, doc_id: str | None = None, source: str | None = None
    ) -> DedupeResult:
        """Like :meth:`dedupe`, but leave the index unchanged."""
        return self._run(text, doc_id=doc_id, source=source, add=False)

    def forget(self, doc_id: str) -> int:
        """Remove a document from the index; return how many paragraphs it had there."""
        with self._lock, self._store.transaction():
            return self._store.forget(doc_id)

    def close(self) -> None:
        """Close the store. Safe to call more than once."""
        self._store.close()

    def __enter__(self) -> Deduplicator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _run(
        self, text: str | bytes, *, doc_id: str | None, source: str | None, add: bool
    ) -> DedupeResult:
        for name, value in (("doc_id", doc_id), ("source", source)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str or None, got {type(value).__name__}")
        if doc_id == "":  # (two documents would replace each other under it)
            raise ValueError("doc_id must not be empty: pass None to have one made up")
        boilerplate = _remembering(self._boilerplate)
        prepared = _prepare(text, self.options, boilerplate)
        with self._lock, self._store.transaction():
            if doc_id is None:
                doc_id = self._store.next_doc_id()
            prior = functools.partial(self._prior, doc_id=doc_id, source=source)
            matching = _matched(prepared, self.options, boilerplate, prior)
            if add:
                self._add(doc_id, source, prepared.document, matching)
        return prepared.result(
            matching, doc_id=doc_id, duplicate_of=self._document_match(matching.duplicate_of)
        )

    def _prior(self, document: DocumentPrint, doc_id: str, source: str | None) -> Prior:
        if not self._store.paragraph_count() and self.boilerplate_min_docs is None:
            return Prior()
        address_free = address_free_keys(document.canonical)
        keys = {*document.keys.tolist(), *address_free.values()}
        postings = self._store.lookup(keys, exclude_doc=doc_id)
        boilerplate: frozenset[int] = frozenset()
        if self.boilerplate_min_docs is not None and source is not None:
            exact = set(document.exact)
            boilerplate = self._store.boilerplate(source, exact, self.boilerplate_min_docs)
        return Prior(
            postings, boilerplate, self._store.neighbours,
            functools.partial(self._store.lookup, exclude_doc=doc_id), address_free,
        )  # fmt: skip

    def _add(
        self, doc_id: str, source: str | None, document: DocumentPrint, matching: Matching
    ) -> None:
        now = self._clock()
        canonical = document.canonical
        kept = [i for i in matching.kept if canonical[i]]
        keys, rows = document.postings(kept)
        exact = {key for key, text in zip(document.exact, canonical, strict=True) if text}
        self._store.add(
            StoredDocument(
                doc_id, source, now, kept, [canonical[i] for i in kept], keys, rows, exact
            )
        )
        if self.max_paragraphs is not None or self.max_age is not None:
            before = now - self.max_age if self.max_age is not None else None
            self._store.evict(max_paragraphs=self.max_paragraphs, before=before)

    def _document_match(self, match: DocumentMatch | None) -> DocumentMatch | None:
        if match is None or match.similarity < self.document_threshold:
            return None
        return match
