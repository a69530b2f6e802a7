"""Running the command: check the command line, read the inputs, write the outputs.

:func:`_configure` turns the parsed command line into a :class:`~textclean.cli.job._Job`;
:func:`_execute` reads every input, passes the documents through the job (and the index)
and writes the results in input order, with progress and a summary on standard error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from typing import IO, Any, BinaryIO, NoReturn

from textclean.cleaning import CleanConfig, wide_unicode
from textclean.cli.job import _Cleaned, _Failed, _Item, _Job, _started
from textclean.cli.options import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    _flag,
    clean_options,
    dedupe_options,
    index_options,
)
from textclean.cli.progress import Progress, _count, _Tally
from textclean.deduplicator import Deduplicator, sqlite_path


class _InputError(Exception):
    """Input that stops the run (exit status 1); the message says where."""


class _OutputError(_InputError):
    """A file that cannot be written to (a full disk): it stops the run (exit status 1)."""

    def __init__(self, name: str, exc: OSError) -> None:
        super().__init__(f"cannot write {name}: {exc.strerror or exc}")
        self.stdout = name == _STDOUT


_STDOUT = "standard output"


class _Output:
    """A file to write, or standard output, whose failures stop the run with a message."""

    def __init__(self, stream: BinaryIO, name: str) -> None:
        self._stream = stream
        self.name = name

    def _do(self, action: Callable[[], object]) -> None:
        try:
            action()
        except BrokenPipeError:
            raise  # (the reader went away: see textclean.cli.main)
        except OSError as exc:
            raise _OutputError(self.name, exc) from None

    def write(self, data: bytes) -> None:
        self._do(lambda: self._stream.write(data))

    def flush(self) -> None:
        self._do(self._stream.flush)

    def close(self) -> None:
        self._do(self._stream.close)


@contextmanager
def _output(path: str) -> Iterator[_Output]:
    """``path`` opened to write (``"-"``: standard output, left open), closed on exit."""
    if path == "-":
        yield _Output(sys.stdout.buffer, _STDOUT)
        return
    try:
        output = _Output(open(path, "wb"), path)  # noqa: SIM115 (closed below, errors named)
    except OSError as exc:
        raise _InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        yield output
    finally:
        output.close()


def _configure(args: argparse.Namespace, error: Callable[[str], NoReturn]) -> _Job:
    """Check the command line and turn it into a :class:`_Job`."""
    given = vars(args)
    if not args.jsonl:
        for flag in ("field", "id_field", "source_field"):
            if given.get(flag) is not None:
                error(f"{_flag(flag)} needs --jsonl")
    if args.rejects is not None and args.on_error != "skip":
        error("--rejects needs --on-error skip")
    if args.on_error == "skip" and args.rejects is None:
        error("--on-error skip needs --rejects PATH: bad lines are set aside, not lost")
    if args.on_error == "skip" and not args.jsonl:
        error("--on-error skip needs --jsonl: it sets bad JSON lines aside")
    if args.rejects == "-":
        error("--rejects needs a file: standard output carries the results")
    clean_kw = {o.name: given[o.name] for o in clean_options() if o.name in given}
    clean_config: CleanConfig | None = None
    try:
        clean_config = CleanConfig(**clean_kw)
    except (TypeError, ValueError) as exc:
        error(str(exc))
    job_kw: dict[str, Any] = {}
    if args.command == "dedupe":
        dedupe_kw = {o.name: given[o.name] for o in dedupe_options() if o.name in given}
        if "boilerplate_patterns" in dedupe_kw:
            dedupe_kw["boilerplate_patterns"] = tuple(dedupe_kw["boilerplate_patterns"])
        index_kw = {o.name: given[o.name] for o in index_options() if o.name in given}
        if index_kw and args.index is None:
            error(f"{', '.join(_flag(name) for name in index_kw)} needs --index")
        if index_kw.get("boilerplate_min_docs") and given.get("source_field") is None:
            error(
                "--boilerplate-min-docs needs --source-field: a line is boilerplate among the "
                "documents of one source"
            )
        if not dedupe_kw.pop("clean", True):
            if clean_kw:
                error(f"{', '.join(_flag(name) for name in clean_kw)}: no effect with --no-clean")
            clean_config = None
        try:  # let the library check the values
            Deduplicator(**index_kw, **dedupe_kw).close()
        except (TypeError, ValueError) as exc:
            error(str(exc))
        # The command cleans (with the CleanConfig given), so the library does not clean again.
        dedupe_kw["clean"] = False
        job_kw = {"dedupe_options": dedupe_kw, "index_options": index_kw, "index": args.index}
    _check_paths(args, error)
    return _Job(
        command=args.command,
        jsonl=args.jsonl,
        text_field=args.field or "text",
        id_field=given.get("id_field"),
        source_field=given.get("source_field"),
        report=args.report,
        clean_config=clean_config,
        **job_kw,
    )


def _same_file(a: str, b: str) -> bool:
    """Whether two paths name one file: the same file when both exist (through symbolic or hard
    links too), else the same real path (a file still to be created)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _check_paths(args: argparse.Namespace, error: Callable[[str], NoReturn]) -> None:
    """Refuse a file written (-o, --rejects, --index) that is an input or another file written:
    opening it for writing would destroy what is read or written there."""
    written: list[tuple[str, str, str]] = []  # (option, as given, path)
    if vars(args).get("index") is not None:
        with suppress(ValueError):  # not a path: reported when the index is opened
            written.append(("--index", args.index, os.fspath(sqlite_path(args.index))))
    if args.output != "-":
        written.append(("-o", args.output, args.output))
    if args.rejects is not None:
        written.append(("--rejects", args.rejects, args.rejects))
    for i, (flag, given, path) in enumerate(written):
        for name in args.files:
            if name != "-" and _same_file(path, name):
                also = "" if name == given else f" ({name})"
                error(f"{flag} {given} is also an input file{also}")
        for other_flag, other, other_path in written[:i]:
            if _same_file(path, other_path):
                also = "" if other == given else f" ({other})"
                error(f"{flag} {given} is also the {other_flag} file{also}")


_BINARY_PROBE = 8192
"""Bytes at the start of a plain-text input searched for a NUL byte."""


def _check_text(label: str, head: bytes) -> None:
    """Refuse a plain-text input whose first bytes hold a NUL byte, as no text does (but UTF-16
    and UTF-32, which the decoder reads by their byte order mark or their NUL bytes)."""
    head = head[:_BINARY_PROBE]
    if b"\0" in head and wide_unicode(head) is None:
        raise _InputError(
            f"{label}: looks like a binary file (it holds NUL bytes); textclean reads text"
        )


def _open_inputs(files: Sequence[str], jsonl: bool) -> list[str]:
    """Check every input can be read (and, as plain text, is not binary) before any work
    starts; ``-`` is standard input. A pipe is checked as it is read: reading it here would
    consume what it holds."""
    names = list(files) or ["-"]
    for name in names:
        if name == "-":
            continue
        try:
            with open(name, "rb") as stream:
                regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
                head = stream.read(_BINARY_PROBE) if regular and not jsonl else b""
        except OSError as exc:
            raise _InputError(f"cannot read {name}: {exc.strerror or exc}") from None
        _check_text(name, head)
    return names


def _total_size(names: Sequence[str], stdin: BinaryIO) -> int | None:
    """Bytes to read, when every input is a regular file (for the progress bar)."""
    total = 0
    for name in names:
        try:
            info = os.fstat(stdin.fileno()) if name == "-" else os.stat(name)
        except (OSError, ValueError, AttributeError):  # includes io.UnsupportedOperation
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        total += info.st_size
    return total


def _first_line(name: str, stdin: BinaryIO) -> bytes:
    """The start of an input's first line (up to 64 KiB), read without consuming anything:
    empty if it cannot be read that way."""
    if name != "-":
        try:
            with open(name, "rb") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    return b""  # a pipe (``<(command)``): reading it would consume it
                return stream.readline(1 << 16)
        except OSError:
            return b""
    peek = getattr(stdin, "peek", None)
    try:
        head: bytes = peek(1 << 16) if peek is not None else b""
    except (OSError, ValueError):
        return b""
    return head.split(b"\n", 1)[0] + b"\n" if b"\n" in head else head


_JSON_KEY = re.compile(rb'\s*\{\s*"[^"\\\n]{1,200}"\s*:')


def _looks_like_json_lines(start: bytes) -> bool:
    """Whether ``start``, the start of an input's first line, is a JSON object on a line of its
    own, as JSON lines start (a line too long to have been read whole: an object's first key).

    >>> _looks_like_json_lines(b'{"text": "Hello."}\\n'), _looks_like_json_lines(b"{Hello}\\n")
    (True, False)
    >>> _looks_like_json_lines(b'{"text": "A very long line, cut'), _looks_like_json_lines(b"{")
    (True, False)
    """
    if not start.endswith(b"\n"):  # cut short
        return _JSON_KEY.match(start) is not None
    line = start.strip()
    if not (line.startswith(b"{") and line.endswith(b"}")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
    except RecursionError:  # (an object nested past what the parser reads: a bad record)
        return True


def _read(names: Sequence[str], jsonl: bool, stdin: BinaryIO) -> Iterator[_Item]:
    """Documents from the inputs: whole files, or JSON lines (blank lines skipped)."""
    for name in names:
        label = "<stdin>" if name == "-" else name
        with ExitStack() as stack:
            stream = stdin if name == "-" else stack.enter_context(open(name, "rb"))
            if not jsonl:
                data = stream.read()
                _check_text(label, data)
                yield label, 0, data
                continue
            for number, line in enumerate(stream, 1):
                if not line.isspace():
                    yield label, number, line


_SLOW_INDEX = 16 << 20
"""An index file of this many bytes or more takes a second or more to read: say so."""


def _open_index(job: _Job, stderr: IO[str], *, quiet: bool) -> Deduplicator | None:
    """The job's index deduplicator; opening a big file (read whole into memory) is announced."""
    if job.index is None:
        return None
    path = sqlite_path(job.index)
    size = path.stat().st_size if path.is_file() else 0
    announce = not quiet and size >= _SLOW_INDEX
    if announce:
        print(f"textclean {job.command}: reading the index {path} ({size / 2**20:,.0f} MiB)...",
              file=stderr, flush=True)  # fmt: skip
    start = time.perf_counter()
    index = job.index_deduplicator()
    if announce and index is not None:
        seconds = time.perf_counter() - start
        documents, paragraphs = index.store.document_count(), index.store.paragraph_count()
        print(
            f"textclean {job.command}: index read: {_count(documents, 'document')}, "
            f"{_count(paragraphs, 'paragraph')} in {seconds:.1f} s",
            file=stderr,
            flush=True,
        )
    return index


def _execute(args: argparse.Namespace, job: _Job) -> int:
    stdin: BinaryIO = sys.stdin.buffer
    stderr = sys.stderr
    names = _open_inputs(args.files, job.jsonl)
    if not job.jsonl and not args.quiet:
        for name in names:
            if _looks_like_json_lines(_first_line(name, stdin)):
                label = "standard input" if name == "-" else name
                print(
                    f"textclean: warning: {label} looks like JSON lines; it is read as one "
                    "plain-text document (pass --jsonl to read one document per line)",
                    file=stderr,
                )
    tally = _Tally()
    progress = Progress.for_stream(
        stderr, label=f"textclean {job.command}", total=_total_size(names, stdin), quiet=args.quiet
    )
    chunksize = 16 if job.jsonl else 1
    with ExitStack() as stack:
        # The index first: if it cannot be used, no file to write has been emptied yet.
        try:
            index = _open_index(job, stderr, quiet=args.quiet)
        except (OSError, ValueError, sqlite3.Error) as exc:
            message = str(exc)
            if job.index is not None and str(sqlite_path(job.index)) not in message:
                message = f"cannot use the index {job.index}: {message}"
            raise _InputError(message) from None
        if index is not None:
            stack.enter_context(index)
        out = stack.enter_context(_output(args.output))
        rejects = None if args.rejects is None else stack.enter_context(_output(args.rejects))
        results = stack.enter_context(
            _started(job, _read(names, job.jsonl, stdin), args.workers, chunksize)
        )
        try:
            for result in results:
                if isinstance(result, _Failed):
                    where = f"{result.name}, line {result.line}: {result.reason}"
                    if rejects is None:
                        raise _InputError(
                            f"{where}\n  (to set bad lines aside and carry on: "
                            "--on-error skip --rejects PATH)"
                        )
                    rejects.write(result.raw if result.raw.endswith(b"\n") else result.raw + b"\n")
                    tally.rejected += 1
                    progress.clear()  # (named with --quiet too: a line set aside is no progress)
                    print(f"textclean: {where} (written to {args.rejects})", file=stderr)
                    continue
                if isinstance(result, _Cleaned):
                    assert index is not None
                    # One transaction for the index and the output: the document is indexed
                    # only once it is written (a full disk, a reader gone: it rolls back).
                    with index.store.transaction():
                        result = job.finish(result, index)
                        out.write(result.data)
                        out.flush()
                else:
                    out.write(result.data)
                tally.add(result)  # (at once: an interrupt now counts the document written)
                if result.note is not None:
                    progress.clear()
                    print(result.note, file=stderr)
                progress.update(documents=tally.documents, size=tally.size)
        except KeyboardInterrupt:  # (the pool stops as the stack closes)
            progress.clear()
            print(
                f"textclean {job.command}: interrupted after {_count(tally.documents, 'document')}",
                file=stderr,
            )
            return EXIT_INTERRUPTED
        finally:
            out.flush()
    progress.close(tally.summary(job.command, progress.elapsed))
    return EXIT_OK
