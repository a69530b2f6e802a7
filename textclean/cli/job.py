"""One document's journey: parse -> clean -> (deduplicate) -> render, here or in workers.

A :class:`_Job` says what to do with each document and does it; :func:`_started` runs the
first stage of every document in input order, in this process or in a pool of worker
processes, which each get a copy of the job through :func:`_init_worker`.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import IMapIterator
from typing import Any, Literal

from textclean.cleaning import CleanConfig, clean_and_explain, decode_bytes, wide_unicode
from textclean.cli.options import REPORT_KEY
from textclean.deduplicator import Deduplicator
from textclean.results import DedupeResult

_Item = tuple[str, int, bytes]
"""``(input name, line number or 0 for a whole file, bytes)``."""


class _BadRecord(ValueError):
    """A JSON line that cannot be processed; the message says why."""


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _BadRecord(f"key {key!r} appears twice in one object")
            seen.add(key)
    return record


def _excerpt(text: str) -> str:
    return text if len(text) <= 20 else text[:17] + "..."


def _not_json(constant: str) -> Any:
    """``NaN``, ``Infinity`` and ``-Infinity``: Python reads them, but they are not JSON."""
    raise _BadRecord(f"{constant} is not JSON")


def _finite(text: str) -> float:
    """A JSON number with a fraction or an exponent, refused when too large for a float (it
    would be written back as Infinity, which is not JSON)."""
    value = float(text)
    if math.isinf(value):
        raise _BadRecord(f"a number out of range ({_excerpt(text)})")
    return value


def _integer(text: str) -> int:
    """A JSON integer, refused when it has more digits than Python converts."""
    try:
        return int(text)
    except ValueError:
        raise _BadRecord(f"a number out of range ({_excerpt(text)})") from None


def _dump(record: dict[str, Any]) -> bytes:
    # allow_nan=False: never write NaN or Infinity, which are not JSON.
    try:
        return (json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode()
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape: keep it escaped
        return (json.dumps(record, allow_nan=False) + "\n").encode()


@dataclass(frozen=True, slots=True)
class _Failed:
    """A bad input line."""

    name: str
    line: int
    reason: str
    raw: bytes


_ENCODINGS = {"cp1252": "Windows-1252", "utf-16": "UTF-16", "utf-32": "UTF-32"}


@dataclass(frozen=True, slots=True)
class _Cleaned:
    """A parsed and cleaned document, waiting to be deduplicated."""

    name: str
    record: dict[str, Any] | None
    text: str
    steps: tuple[str, ...]
    doc_id: str | None
    source: str | None
    size: int
    encoding: str | None = None  # (how a plain-text file's bytes were read)


@dataclass(frozen=True, slots=True)
class _Done:
    """A finished document: its output bytes and what to count."""

    data: bytes
    size: int
    paragraphs: int = 0
    removed: tuple[str, ...] = ()
    changed: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class _Job:
    """What to do with each document; picklable, so that worker processes get a copy."""

    command: Literal["clean", "dedupe"]
    jsonl: bool
    text_field: str
    id_field: str | None
    source_field: str | None
    report: bool
    clean_config: CleanConfig | None  # None: --no-clean
    dedupe_options: dict[str, Any] = field(default_factory=dict)
    index_options: dict[str, Any] = field(default_factory=dict)
    index: str | None = None

    def local_deduplicator(self) -> Deduplicator | None:
        """The deduplicator of a process that deduplicates documents one by one (no index)."""
        if self.command != "dedupe" or self.index is not None:
            return None
        return Deduplicator(**self.dedupe_options)

    def index_deduplicator(self) -> Deduplicator | None:
        """The deduplicator holding the cross-document index (in the main process only)."""
        if self.index is None:
            return None
        return Deduplicator(store=self.index, **self.index_options, **self.dedupe_options)

    def start(self, item: _Item, local: Deduplicator | None) -> _Failed | _Cleaned | _Done:
        """Parse and clean one document; finish it too unless the index must see it."""
        name, line, data = item
        record: dict[str, Any] | None = None
        doc_id = source = None
        text: str | bytes = data
        if self.jsonl:
            try:
                record, text, doc_id, source = self._parse(data)
            except _BadRecord as exc:
                return _Failed(name, line, str(exc), data)
        encoding = None
        if self.clean_config is not None:
            cleaned = clean_and_explain(text, self.clean_config)
            text, steps, encoding = cleaned.text, cleaned.steps, cleaned.encoding
        else:
            text, encoding = decode_bytes(text) if isinstance(text, bytes) else (text, None)
            steps = ()
        doc = _Cleaned(name, record, text, steps, doc_id, source, len(data), encoding)
        if self.command == "clean":
            report = {"clean_steps": list(steps)} if self.report else None
            return self._render(doc, text, report, changed=bool(steps))
        if self.index is not None:
            return doc
        assert local is not None
        return self.finish(doc, local)

    def finish(self, doc: _Cleaned, deduplicator: Deduplicator) -> _Done:
        """Deduplicate a cleaned document and render it."""
        if self.index is None:
            result = deduplicator.check(doc.text)
        else:
            result = deduplicator.dedupe(doc.text, doc_id=doc.doc_id, source=doc.source)
        kinds = tuple(d.kind for d in result.duplicates)
        return self._render(
            doc,
            result.text,
            self._report(result, doc.steps) if self.report else None,
            paragraphs=len(result.paragraphs),
            removed=kinds,
            changed=bool(doc.steps or kinds),
        )

    def _parse(self, data: bytes) -> tuple[dict[str, Any], str, str | None, str | None]:
        wide = wide_unicode(data)  # (a byte order mark, or NUL bytes, which no JSON line holds)
        if wide is not None:
            name = wide[:6].upper()
            raise _BadRecord(
                f"reads as {name}; JSON lines must be UTF-8 (convert the file first, for "
                f"instance with iconv -f {name} -t UTF-8)"
            )
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _BadRecord(
                f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte {exc.start + 1}"
            ) from None
        try:
            # Without its line ending, so that the column of an error is on this line.
            line = line.lstrip("\ufeff").rstrip("\r\n")
            record = json.loads(
                line,
                object_pairs_hook=_unique_keys,
                parse_float=_finite,
                parse_int=_integer,
                parse_constant=_not_json,
            )
        except json.JSONDecodeError as exc:
            raise _BadRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        except RecursionError:
            raise _BadRecord("invalid JSON: nested too deeply to read") from None
        if not isinstance(record, dict):
            raise _BadRecord(f"expected a JSON object, got {_json_type(record)}")
        text = self._get(record, self.text_field, required=True)
        if not isinstance(text, str):
            raise _BadRecord(f"field {self.text_field!r} is {_json_type(text)}, expected a string")
        doc_id = self._get(record, self.id_field, required=True)
        if doc_id is not None:
            if isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
                raise _BadRecord(
                    f"field {self.id_field!r} is {_json_type(doc_id)}, expected a string or an "
                    "integer"
                )
            doc_id = str(doc_id)
            if not doc_id:
                raise _BadRecord(f"field {self.id_field!r} is an empty string, expected an id")
        source = self._get(record, self.source_field, required=False)
        if source is not None and not isinstance(source, str):
            raise _BadRecord(
                f"field {self.source_field!r} is {_json_type(source)}, expected a string or null"
            )
        return record, text, doc_id, source

    @staticmethod
    def _get(record: dict[str, Any], name: str | None, *, required: bool) -> Any:
        if name is None:
            return None
        if name not in record:
            if not required:
                return None
            keys = ", ".join(list(record)[:10]) or "none"
            raise _BadRecord(f"missing field {name!r} (fields: {keys})")
        return record[name]

    def _report(self, result: DedupeResult, steps: tuple[str, ...]) -> dict[str, Any]:
        report = result.to_dict()
        del report["text"]
        if self.index is None:  # ids and whole-document matches only mean something with one
            del report["doc_id"], report["duplicate_of"]
        for duplicate in report["duplicates"]:
            duplicate["text"] = result.paragraphs[duplicate["index"]].text
        report["clean_steps"] = list(steps)
        return report

    def _render(
        self,
        doc: _Cleaned,
        text: str,
        report: dict[str, Any] | None,
        *,
        paragraphs: int = 0,
        removed: tuple[str, ...] = (),
        changed: bool = False,
    ) -> _Done:
        note = None
        if doc.record is not None:
            record = doc.record
            record[self.text_field] = text
            if report is not None:
                record[REPORT_KEY] = report
            data = _dump(record)
        else:
            data = text.encode() if not text or text.endswith("\n") else (text + "\n").encode()
            if report is not None:
                note = _describe(doc.name, report, doc.encoding)
        return _Done(data, doc.size, paragraphs, removed, changed, note)


def _describe(name: str, report: dict[str, Any], encoding: str | None = None) -> str:
    """A human-readable account of what happened to one plain-text document (read as
    ``encoding``, said when it is no UTF-8)."""
    steps = ", ".join(report["clean_steps"]) or "none"
    if encoding is not None and not encoding.startswith("utf-8"):
        steps += f"; read as {_ENCODINGS.get(encoding, encoding)}, not UTF-8"
    if "duplicates" not in report:
        return f"{name}: cleaning steps: {steps}"
    duplicates = report["duplicates"]
    count = report["paragraphs"]
    lines = [
        f"{name}: {count} paragraph{'' if count == 1 else 's'}, {len(duplicates)} removed; "
        f"cleaning steps: {steps}"
    ]
    for d in duplicates:
        where = ""
        if d["original"] is not None:
            where = f" of [{d['original']}]" + (
                f" in document {d['doc_id']}" if d["doc_id"] else ""
            )
        excerpt = d["text"] if len(d["text"]) <= 60 else d["text"][:57] + "..."
        lines.append(
            f"  removed [{d['index']}] {d['kind']}{where}, similarity "
            f"{d['similarity']:.2f} ({d['rule']}): {excerpt!r}"
        )
    if report.get("duplicate_of"):
        match = report["duplicate_of"]
        lines.append(
            f"  the document is a copy of {match['doc_id']} ({match['similarity']:.0%} of its text)"
        )
    return "\n".join(lines)


# Worker processes: the job and a per-process deduplicator, set once by the initializer.
_WORKER: tuple[_Job, Deduplicator | None] | None = None


def _init_worker(job: _Job) -> None:
    global _WORKER
    # Ctrl-C reaches every process of the terminal's group; it is the parent's to handle (it
    # stops the pool). A worker interrupted while sending a result would print a traceback and
    # leave half a message in the pipe, on which the pool's shutdown then waits forever.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = (job, job.local_deduplicator())


def _work_chunk(chunk: list[_Item]) -> list[_Failed | _Cleaned | _Done]:
    assert _WORKER is not None
    job, local = _WORKER
    return [job.start(item, local) for item in chunk]


def _chunks(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    """``items`` in lists of ``size`` (the last one maybe shorter)."""
    while chunk := list(islice(items, size)):
        yield chunk


_POLL_SECONDS = 0.1  # how often a throttled feed looks whether the run has stopped


class _Throttle:
    """Feed a pool at most ``limit`` items ahead of the consumer.

    ``Pool.imap`` reads its input as fast as it can; without this, a multi-GB input would be
    read into memory whenever the workers are slower than the disk.
    """

    def __init__(self, limit: int) -> None:
        self._slots = threading.Semaphore(limit)
        self._stopped = False

    def feed(self, items: Iterable[_Item]) -> Iterator[_Item]:
        for item in items:
            # (waits in short steps: a release lost to Ctrl-C in the consumer, whose handler
            # runs between any two bytecodes, would leave the pool's task thread here for good,
            # and terminating the pool waits for that thread)
            while not self._slots.acquire(timeout=_POLL_SECONDS):
                if self._stopped:
                    return
            if self._stopped:
                return
            yield item

    def consumed(self) -> None:
        self._slots.release()

    def stop(self) -> None:
        self._stopped = True
        self._slots.release()


@contextmanager
def _started(
    job: _Job, items: Iterable[_Item], workers: int, chunksize: int
) -> Iterator[Iterator[_Failed | _Cleaned | _Done]]:
    """The first stage of every document, in input order, in this process or in ``workers``."""
    if workers <= 1:
        local = job.local_deduplicator()
        try:
            yield (job.start(item, local) for item in items)
        finally:
            if local is not None:
                local.close()
        return
    throttle = _Throttle(workers * chunksize * 4)
    pool = multiprocessing.get_context().Pool(workers, initializer=_init_worker, initargs=(job,))
    # (chunks made here, not by imap, whose chunked iterator a Ctrl-C inside it would close)
    started = pool.imap(_work_chunk, _chunks(throttle.feed(items), chunksize))
    finished = False

    def results() -> Iterator[_Failed | _Cleaned | _Done]:
        nonlocal finished
        for chunk in started:
            for result in chunk:
                throttle.consumed()
                yield result
        finished = True

    try:
        yield results()
    finally:
        throttle.stop()
        if not finished:  # (stopped early: Ctrl-C, an output gone)
            finished = _drained(started, _DRAIN_SECONDS)
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()


_DRAIN_SECONDS = 2.0  # how long a pool stopped early may take to finish the documents it holds


def _drained(started: IMapIterator[list[Any]], seconds: float) -> bool:
    """Whether the results still to come from ``started`` (an ``imap`` whose feed has stopped)
    all came, and were dropped, within ``seconds``.

    A pool terminated while a worker sends a result (a chunk of documents, more than a pipe
    writes at once) leaves half a message in the pipe, on which its result handler, and so the
    pool's shutdown, would wait forever. The few documents the workers hold (the throttle's
    limit) are let finish; a pool that takes longer, or a second Ctrl-C, is terminated.
    """
    deadline = time.monotonic() + seconds
    try:
        while True:
            started.next(max(deadline - time.monotonic(), 0.0))
    except StopIteration:
        return True
    except (multiprocessing.TimeoutError, KeyboardInterrupt):
        return False
