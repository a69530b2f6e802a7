"""The ``textclean`` command: ``textclean clean`` and ``textclean dedupe``.

A thin layer over the library. Every cleaning option is a field of
:class:`~textclean.CleanConfig`, every duplicate option a field of
:class:`~textclean.DedupeOptions`, every index option a keyword of
:class:`~textclean.Deduplicator`; the options are generated from those definitions, so they
cannot drift. What the command adds is reading and writing (plain text or JSON lines), worker
processes, progress on standard error, and careful handling of bad input.
``python -m textclean`` runs the same :func:`main`.

The package, in the order a run goes: :mod:`~textclean.cli.options` defines the command line
(the parser, its generated options and help, the exit statuses);
:mod:`~textclean.cli.run` checks it and reads and writes the documents;
:mod:`~textclean.cli.job` takes each document through parse, clean, deduplicate and render,
here or in worker processes; :mod:`~textclean.cli.progress` reports progress and the summary.

>>> main(["--version"])  # doctest: +ELLIPSIS
textclean ...
0
"""

from __future__ import annotations

import os
import sys

from textclean.cli.options import (
    EXIT_DATA_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    build_parser,
)
from textclean.cli.options import REPORT_KEY as REPORT_KEY
from textclean.cli.options import subcommands as subcommands
from textclean.cli.progress import Progress
from textclean.cli.run import _configure, _execute, _InputError, _OutputError

__all__ = [
    "EXIT_DATA_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Progress",
    "build_parser",
    "main",
]


def main(argv: list[str] | None = None) -> int:
    """Run the ``textclean`` command with ``argv`` (default: ``sys.argv[1:]``); return the
    exit status: 0 ok, 1 bad input, 2 usage error."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        job = _configure(args, subcommands(parser)[args.command].error)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE if exc.code else EXIT_OK
    try:
        return _execute(args, job)
    except _InputError as exc:
        print(f"textclean: {exc}", file=sys.stderr)
        if isinstance(exc, _OutputError) and exc.stdout:
            _discard_stdout()  # (what is left in its buffer, which Python flushes at exit)
        return EXIT_DATA_ERROR
    except KeyboardInterrupt:
        print("textclean: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`textclean ... | head`); stop quietly.
        _discard_stdout()
        return EXIT_DATA_ERROR


def _discard_stdout() -> None:
    """Send standard output to the null device, so that flushing it at exit cannot fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
