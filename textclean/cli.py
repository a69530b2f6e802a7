"""The ``textclean`` command: ``textclean clean`` and ``textclean dedupe``.

A thin layer over the library. Every cleaning option is a field of
:class:`~textclean.CleanConfig`, every duplicate option a field of
:class:`~textclean.DedupeOptions`, every index option a keyword of
:class:`~textclean.Deduplicator`; the options are generated from those definitions, so they
cannot drift. What the command adds is reading and writing (plain text or JSON lines), worker
processes, progress on standard error, and careful handling of bad input.
``python -m textclean`` runs the same :func:`main`.

>>> main(["--version"])  # doctest: +ELLIPSIS
textclean ...
0
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import multiprocessing
import os
import re
import sqlite3
import stat
import sys
import threading
import time
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO, Final, Literal, NoReturn

from textclean.cleaning import CleanConfig, clean_and_explain, decode_bytes
from textclean.deduplicator import Deduplicator, sqlite_path
from textclean.options import DedupeOptions
from textclean.results import DedupeResult, DuplicateKind

__all__ = ["EXIT_DATA_ERROR", "EXIT_OK", "EXIT_USAGE", "Progress", "build_parser", "main"]

EXIT_OK: Final = 0
"""Every document was processed (with ``--on-error skip``, bad lines went to the rejects file)."""
EXIT_DATA_ERROR: Final = 1
"""Bad input data (the message names the file and line), an unreadable file or an unusable index."""
EXIT_USAGE: Final = 2
"""The command line itself is wrong: an unknown option or a bad value."""

REPORT_KEY: Final = "textclean"
"""The key ``--report`` adds to each JSON record."""

_KINDS: Final[tuple[str, ...]] = typing.get_args(DuplicateKind)
_HELP_WIDTH: Final = 88

# --------------------------------------------------------------------------------------------
# Help text of the generated options. The options themselves (flag, type, choices, default)
# come from CleanConfig, DedupeOptions and Deduplicator; a test checks every field is covered.
# --------------------------------------------------------------------------------------------

_CLEAN_HELP: Final[dict[str, str]] = {
    "unescape_html": "keep HTML entities (&amp; &#8217; &eacute;) as they are",
    "fix_encoding": "do not repair mojibake (UTF-8 read as Windows-1252, double encoding)",
    "fix_line_breaks": "keep CRLF, CR, U+2028, NEL and other line breaks as they are",
    "remove_invisible": "keep zero-width characters, BOMs, soft hyphens and control codes",
    "normalize_spaces": "keep odd spaces, runs of spaces and runs of blank lines",
    "normalization": "Unicode normalisation form; NFKC also folds compatibility characters "
    "(superscript two -> 2); none skips the step",
    "straighten_quotes": "turn curly quotes and primes into straight ' and \"",
    "straighten_dashes": "turn en and em dashes, minus signs and bars into -",
    "fold_ligatures": "turn ligature characters (fi, fl) into separate letters",
    "fold_width": "turn full-width ASCII into ASCII, half-width katakana into full width",
    "unwrap_braces": "remove stray template braces around plain words: {that a} -> that a",
    "resolve_spintax": "replace spintax {a|b|c} by its first choice",
}

_DEDUPE_HELP: Final[dict[str, str]] = {
    "threshold": "a paragraph is a near duplicate when its similarity (rapidfuzz ratio, 0-1) "
    "to a kept one is at least this",
    "containment": "a paragraph is contained when at least this share of its words appears, "
    "in order, in earlier kept paragraphs",
    "min_chars": "canonical characters a paragraph needs before it is fuzzy-matched; shorter "
    "ones are matched exactly or by whole sentences",
    "short_words": "paragraphs of fewer words are short: their repeats are kept (list "
    "items, table cells, bylines) unless inside a longer repeated run",
    "remove_short_repeats": "remove every exact repeat of a short paragraph too",
    "keep": "which copy of a repeated paragraph stays",
    "boilerplate": "keep one-off boilerplate lines (Advertisement, Read more: ...)",
    "boilerplate_patterns": "an extra whole-paragraph regular expression counted as "
    "boilerplate (repeatable; added to the built-in patterns)",
    "clean": "do not clean the text first: kept paragraphs come out byte for byte",
}
# Fingerprint settings are fixed per index; they are set from the library, not the command.
_DEDUPE_SKIP: Final = frozenset({"fingerprint"})

_INDEX_HELP: Final[dict[str, str]] = {
    "boilerplate_min_docs": "a paragraph seen in at least this many earlier documents of the "
    "same source (--source-field) is boilerplate, removed even at its first appearance in a "
    "document",
    "document_threshold": "report a document as a copy of an earlier one (duplicate_of in "
    "--report) when at least this share of its text was found there",
    "max_paragraphs": "evict the oldest documents from the index once it holds more "
    "paragraphs than this",
    "max_age": "evict documents added to the index more than this many seconds ago",
}
_INDEX_SKIP: Final = frozenset({"store", "clock", "options"})

_METAVARS: Final[dict[str, str]] = {
    "threshold": "X",
    "containment": "X",
    "min_chars": "N",
    "short_words": "N",
    "boilerplate_patterns": "REGEX",
    "boilerplate_min_docs": "N",
    "document_threshold": "X",
    "max_paragraphs": "N",
    "max_age": "SECONDS",
}

# --------------------------------------------------------------------------------------------
# Descriptions (they are also the command-line reference in docs/cli.md)
# --------------------------------------------------------------------------------------------

_MAIN_DESCRIPTION: Final = """\
Clean scraped text and remove repeated or near-repeated paragraphs.

Both commands read plain text (each FILE is one document) or, with --jsonl, one
JSON object per line, from the FILEs given or from standard input ('-', or no
FILE), and write to standard output or to -o PATH, in input order.
Run 'textclean COMMAND --help' for the options of a command."""

_EXIT_STATUS: Final = """\
exit status:
  0  success (with --on-error skip, bad lines went to the rejects file)
  1  bad input: a line that is not UTF-8, not JSON, not an object, or lacks a
     string in the text field (the message names the file and the line);
     an unreadable file; an index that cannot be used
  2  usage error: unknown option, bad value, options that do not go together"""

_IO_NOTES: Final = """\
JSON lines (--jsonl):
  Each line is one JSON object. The text in --field is replaced by the result;
  every other field passes through untouched and in order (values are
  re-serialised, so a number may be spelt differently: 1.50 -> 1.5). Blank lines
  are skipped. With --report each record gains a "textclean" key (replacing one
  that is already there) saying what was done.

bad input:
  A line that is not valid UTF-8, not a JSON object (or has a key twice), or
  whose --field is missing or not a string stops the run: the message names the
  file and the line, and every record before it has been written. With
  --on-error skip --rejects PATH, bad lines are copied unchanged to PATH, named
  on standard error, and the run carries on.

progress:
  On standard error: a progress bar when it is a terminal, otherwise a log line
  every 10 seconds; always a closing summary (documents, what was removed or
  changed, MB, MB/s). An --index file of 16 MiB or more is read whole into
  memory first: a line says so, and another how long it took. --quiet silences
  them all."""

_CLEAN_DESCRIPTION: Final = """\
Clean each document: repair mojibake and HTML entities, normalise line breaks,
spaces and Unicode, remove invisible characters. Curly quotes, dashes, accents
and other scripts are kept unless an option asks otherwise. Each option below
is the CleanConfig field of the same name (--no-X sets X to False)."""

_DEDUPE_DESCRIPTION: Final = """\
Clean each document, then remove its repeated and near-repeated paragraphs
(exact copies, near copies, paragraphs contained in earlier ones, boilerplate).

Without --index each document is deduplicated on its own. With --index PATH
each document is also matched against every document indexed before it, in
this run and in earlier runs that used the same SQLite file, and its kept
paragraphs are added to the index. A document indexed again under the same id
(--id-field) replaces its earlier copy instead of matching it.

The duplicate options are the DedupeOptions fields of the same name, the index
options the Deduplicator keywords, the cleaning options the CleanConfig fields
(--no-X sets X to False)."""

_WORKERS_NOTES: Final = """\
workers:
  --workers N runs N processes; output order always follows input order.
  Without --index each worker cleans and deduplicates whole documents. With
  --index the workers only clean; this process matches each document against
  the index and adds it, one at a time and in input order, so the index and the
  output are the same whatever N is (matching then bounds the speed-up)."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Fixed width and ``-o, --output PATH`` on every Python version, so that the generated
    reference (docs/cli.md) does not depend on the terminal or the interpreter."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=_HELP_WIDTH)

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        metavar = self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join(action.option_strings) + " " + metavar


# --------------------------------------------------------------------------------------------
# Options generated from the library's definitions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Option:
    """One library option: its name, type and default."""

    name: str
    hint: Any
    default: Any


def _dataclass_options(cls: type) -> list[_Option]:
    hints = typing.get_type_hints(cls)
    options = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:  # pragma: no cover - every option has a default
            raise TypeError(f"{cls.__name__}.{f.name} has no default")
        options.append(_Option(f.name, hints[f.name], default))
    return options


def clean_options() -> list[_Option]:
    """The fields of :class:`~textclean.CleanConfig`, each a ``clean``/``dedupe`` option."""
    return _dataclass_options(CleanConfig)


def dedupe_options() -> list[_Option]:
    """The fields of :class:`~textclean.DedupeOptions` that ``dedupe`` exposes."""
    return [o for o in _dataclass_options(DedupeOptions) if o.name not in _DEDUPE_SKIP]


def index_options() -> list[_Option]:
    """The keywords of :class:`~textclean.Deduplicator` that ``dedupe`` exposes."""
    hints = typing.get_type_hints(Deduplicator.__init__)
    return [
        _Option(p.name, hints[p.name], p.default)
        for p in inspect.signature(Deduplicator.__init__).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name not in _INDEX_SKIP
    ]


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _show(value: object) -> str:
    return "none" if value is None else str(value)


def _split_optional(hint: Any) -> tuple[Any, bool]:
    """``X | None`` -> ``(X, True)``; anything else -> ``(hint, False)``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(hint)):
            return args[0], True
    return hint, False


def _number(kind: type, optional: bool) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        if optional and text.lower() == "none":
            return None
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {kind.__name__}, got {text!r}") from None

    convert.__name__ = kind.__name__
    return convert


def _add_option(group: argparse._ArgumentGroup, option: _Option, help_text: str) -> None:
    """Add the command-line form of one library option to ``group``."""
    name, default = option.name, option.default
    hint, optional = _split_optional(option.hint)
    common: dict[str, Any] = {"dest": name, "default": argparse.SUPPRESS}
    if hint is bool:
        if default:
            group.add_argument(
                f"--no-{_flag(name)[2:]}", action="store_false", help=help_text, **common
            )
        else:
            group.add_argument(_flag(name), action="store_true", help=help_text, **common)
    elif typing.get_origin(hint) is tuple:
        singular = name[:-1] if name.endswith("s") else name
        group.add_argument(
            _flag(singular),
            action="append",
            type=str,
            help=help_text,
            metavar=_METAVARS.get(name, "VALUE"),
            **common,
        )
    elif typing.get_origin(hint) is typing.Literal:
        choices = [str(c) for c in typing.get_args(hint)] + (["none"] if optional else [])
        group.add_argument(
            _flag(name),
            type=_choice(choices),
            metavar="{" + ",".join(choices) + "}",
            help=f"{help_text} (default: {_show(default)})",
            **common,
        )
    elif hint in (int, float):
        group.add_argument(
            _flag(name),
            type=_number(hint, optional),
            help=f"{help_text} (default: {_show(default)})",
            metavar=_METAVARS.get(name, "N"),
            **common,
        )
    else:  # pragma: no cover - a new kind of option needs a rule here
        raise TypeError(f"no command-line form for option {name}: {option.hint!r}")


def _choice(choices: list[str]) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        if text not in choices:
            raise argparse.ArgumentTypeError(
                f"invalid choice: {text!r} (choose from {', '.join(choices)})"
            )
        return None if text == "none" else text

    convert.__name__ = "choice"
    return convert


# --------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return value or os.cpu_count() or 1


def _add_io_options(parser: argparse.ArgumentParser, command: str) -> None:
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="input files; '-' or none: standard input"
    )
    io = parser.add_argument_group("input and output")
    io.add_argument(
        "-o", "--output", metavar="PATH", default="-", help="write here instead of standard output"
    )
    io.add_argument(
        "--jsonl", action="store_true", help="input and output are JSON lines: one object per line"
    )
    io.add_argument(
        "--field", metavar="NAME", help="with --jsonl: the field holding the text (default: text)"
    )
    if command == "dedupe":
        io.add_argument(
            "--id-field",
            metavar="NAME",
            help="with --jsonl: the field holding the document id, which names the "
            "document in the index and in reports (a string or an integer)",
        )
        io.add_argument(
            "--source-field",
            metavar="NAME",
            help="with --jsonl: the field naming the document's source (a site, a "
            "feed), for --boilerplate-min-docs",
        )
        what = "the removed paragraphs (with the one each repeats and the rule) and the "
    else:
        what = "the "
    io.add_argument(
        "--report",
        action="store_true",
        help=f'say what was done: {what}cleaning steps, under a "{REPORT_KEY}" key '
        "of each record with --jsonl, else on standard error",
    )
    errors = parser.add_argument_group("bad input")
    errors.add_argument(
        "--on-error",
        choices=["stop", "skip"],
        default="stop",
        help="stop at the first bad line (default), or copy bad lines to --rejects and carry on",
    )
    errors.add_argument(
        "--rejects", metavar="PATH", help="with --on-error skip: where bad lines go, unchanged"
    )
    run = parser.add_argument_group("processes and progress")
    run.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="worker processes (default: 1; 0: one per CPU)",
    )
    run.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary on standard error"
    )


def _add_clean_options(parser: argparse.ArgumentParser, title: str) -> None:
    group = parser.add_argument_group(title)
    for option in clean_options():
        _add_option(group, option, _CLEAN_HELP.get(option.name, f"CleanConfig.{option.name}"))


def build_parser() -> argparse.ArgumentParser:
    """The ``textclean`` argument parser (its help is the command-line reference)."""
    from textclean import __version__

    extra: dict[str, Any] = {"color": False} if sys.version_info >= (3, 14) else {}
    parser = argparse.ArgumentParser(
        prog="textclean",
        description=_MAIN_DESCRIPTION,
        epilog=_EXIT_STATUS,
        formatter_class=_Formatter,
        usage="textclean [--version] COMMAND [options] [FILE ...]",
        **extra,
    )
    parser.add_argument("--version", action="version", version=f"textclean {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, title="commands"
    )

    clean = commands.add_parser(
        "clean",
        help="repair and normalise text",
        description=_CLEAN_DESCRIPTION,
        epilog=f"{_IO_NOTES}\n\n{_WORKERS_NOTES.splitlines()[0]}\n  --workers N cleans "
        f"documents in N processes; output order follows input order.\n\n{_EXIT_STATUS}",
        formatter_class=_Formatter,
        usage="textclean clean [options] [FILE ...]",
        **extra,
    )
    _add_io_options(clean, "clean")
    _add_clean_options(clean, "cleaning (CleanConfig fields)")

    dedupe = commands.add_parser(
        "dedupe",
        help="clean, then remove repeated paragraphs",
        description=_DEDUPE_DESCRIPTION,
        epilog=f"{_IO_NOTES}\n\n{_WORKERS_NOTES}\n\n{_EXIT_STATUS}",
        formatter_class=_Formatter,
        usage="textclean dedupe [options] [FILE ...]",
        **extra,
    )
    _add_io_options(dedupe, "dedupe")
    group = dedupe.add_argument_group("duplicates (DedupeOptions fields)")
    for option in dedupe_options():
        _add_option(group, option, _DEDUPE_HELP.get(option.name, f"DedupeOptions.{option.name}"))
    index = dedupe.add_argument_group("cross-document index (Deduplicator keywords)")
    index.add_argument(
        "--index",
        metavar="PATH",
        help="an SQLite file holding the index (created if missing): "
        "deduplicate across documents and across runs",
    )
    for option in index_options():
        _add_option(index, option, _INDEX_HELP.get(option.name, f"Deduplicator({option.name})"))
    _add_clean_options(dedupe, "cleaning before deduplication (CleanConfig fields)")
    return parser


def subcommands(
    parser: argparse.ArgumentParser | None = None,
) -> dict[str, argparse.ArgumentParser]:
    """The subcommand parsers by name (for the generated reference and its test)."""
    parser = parser or build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}  # pragma: no cover


# --------------------------------------------------------------------------------------------
# One document's journey: parse -> clean -> (deduplicate) -> render
# --------------------------------------------------------------------------------------------

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


def _dump(record: dict[str, Any]) -> bytes:
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode()
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape: keep it escaped
        return (json.dumps(record) + "\n").encode()


@dataclass(frozen=True, slots=True)
class _Failed:
    """A bad input line."""

    name: str
    line: int
    reason: str
    raw: bytes


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
        if self.clean_config is not None:
            cleaned = clean_and_explain(text, self.clean_config)
            text, steps = cleaned.text, cleaned.steps
        else:
            text = decode_bytes(text)[0] if isinstance(text, bytes) else text
            steps = ()
        doc = _Cleaned(name, record, text, steps, doc_id, source, len(data))
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
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _BadRecord(
                f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte {exc.start + 1}"
            ) from None
        try:
            # Without its line ending, so that the column of an error is on this line.
            line = line.lstrip("\ufeff").rstrip("\r\n")
            record = json.loads(line, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as exc:
            raise _BadRecord(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
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
                note = _describe(doc.name, report)
        return _Done(data, doc.size, paragraphs, removed, changed, note)


def _describe(name: str, report: dict[str, Any]) -> str:
    """A human-readable account of what happened to one plain-text document."""
    steps = ", ".join(report["clean_steps"]) or "none"
    if "duplicates" not in report:
        return f"{name}: cleaning steps: {steps}"
    duplicates = report["duplicates"]
    lines = [
        f"{name}: {report['paragraphs']} paragraphs, {len(duplicates)} removed; "
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
    _WORKER = (job, job.local_deduplicator())


def _work(item: _Item) -> _Failed | _Cleaned | _Done:
    assert _WORKER is not None
    job, local = _WORKER
    return job.start(item, local)


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
            self._slots.acquire()
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
    finished = False

    def results() -> Iterator[_Failed | _Cleaned | _Done]:
        nonlocal finished
        for result in pool.imap(_work, throttle.feed(items), chunksize):
            throttle.consumed()
            yield result
        finished = True

    try:
        yield results()
    finally:
        throttle.stop()
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()


# --------------------------------------------------------------------------------------------
# Progress and summary
# --------------------------------------------------------------------------------------------


def _count(number: int, noun: str) -> str:
    """``_count(1, "document")`` -> ``"1 document"``; ``_count(2, ...)`` -> ``"2 documents"``."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


@dataclass
class _Tally:
    documents: int = 0
    size: int = 0
    paragraphs: int = 0
    changed: int = 0
    rejected: int = 0
    removed: Counter[str] = field(default_factory=Counter)

    def add(self, done: _Done) -> None:
        self.documents += 1
        self.size += done.size
        self.paragraphs += done.paragraphs
        self.changed += done.changed
        self.removed.update(done.removed)

    def summary(self, command: str, seconds: float) -> str:
        mb = self.size / 1e6
        parts = [f"textclean {command}: {_count(self.documents, 'document')}"]
        if command == "dedupe":
            kinds = ", ".join(f"{kind} {self.removed[kind]:,}" for kind in _KINDS)
            parts.append(
                f"{_count(self.paragraphs, 'paragraph')}, {sum(self.removed.values()):,} removed "
                f"({kinds})"
            )
        else:
            parts.append(f"{self.changed:,} changed")
        if self.rejected:
            parts.append(f"{_count(self.rejected, 'bad line')} rejected")
        parts.append(f"{mb:.1f} MB in {seconds:.1f} s, {mb / max(seconds, 1e-9):.1f} MB/s")
        return ", ".join(parts)


class Progress:
    """Progress on a stream: a bar on a terminal, a log line every ``interval`` seconds
    elsewhere, nothing when quiet; :meth:`close` prints the closing summary.

    >>> import io
    >>> now = [0.0]
    >>> out = io.StringIO()
    >>> progress = Progress(out, label="textclean dedupe", total=4_000_000, mode="log",
    ...                     clock=lambda: now[0])
    >>> now[0] = 10.0; progress.update(documents=50, size=1_000_000)
    >>> now[0] = 11.0; progress.update(documents=60, size=1_100_000)
    >>> progress.close("textclean dedupe: done")
    >>> print(out.getvalue(), end="")
    textclean dedupe: 50 documents, 1.0 MB of 4.0 MB (25%), 0.1 MB/s
    textclean dedupe: done
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        label: str,
        total: int | None,
        mode: Literal["bar", "log", "off"],
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._label = label
        self._total = total or None
        self._mode = mode
        self._interval = 0.2 if mode == "bar" else interval
        self._clock = clock
        self._start = clock()
        self._next = self._start + (0.5 if mode == "bar" else interval)
        self._drawn = False

    @classmethod
    def for_stream(cls, stream: IO[str], *, label: str, total: int | None, quiet: bool) -> Progress:
        """A bar if ``stream`` is a terminal, log lines otherwise, nothing if ``quiet``."""
        isatty = getattr(stream, "isatty", lambda: False)
        mode: Literal["bar", "log", "off"] = "off" if quiet else "bar" if isatty() else "log"
        return cls(stream, label=label, total=total, mode=mode)

    @property
    def elapsed(self) -> float:
        """Seconds since the start."""
        return self._clock() - self._start

    def update(self, *, documents: int, size: int) -> None:
        """Report the running totals (cheap unless a line is due)."""
        if self._mode == "off":
            return
        now = self._clock()
        if now < self._next:
            return
        self._next = now + self._interval
        elapsed = max(now - self._start, 1e-9)
        mb = size / 1e6
        rate = f"{mb / elapsed:.1f} MB/s"
        if self._mode == "bar":
            bar = ""
            if self._total:
                share = min(size / self._total, 1.0)
                filled = int(share * 30)
                bar = f"[{'#' * filled}{'.' * (30 - filled)}] {share:4.0%} "
            self._stream.write(f"\r{self._label} {bar}{documents:,} docs, {mb:.1f} MB, {rate}")
            self._drawn = True
        else:
            of = f" of {self._total / 1e6:.1f} MB ({size / self._total:.0%})" if self._total else ""
            self._stream.write(f"{self._label}: {documents:,} documents, {mb:.1f} MB{of}, {rate}\n")
        self._stream.flush()

    def clear(self) -> None:
        """Remove the bar, if one is drawn, so that a message can be printed."""
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._drawn = False

    def close(self, summary: str) -> None:
        """Clear the bar and print ``summary`` (unless quiet)."""
        self.clear()
        if self._mode != "off":
            self._stream.write(summary + "\n")
            self._stream.flush()


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------


class _InputError(Exception):
    """Input that stops the run (exit status 1); the message says where."""


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
    output = None if args.output == "-" else os.path.abspath(args.output)
    for path in args.files:
        if output is not None and path != "-" and os.path.abspath(path) == output:
            error(f"-o {args.output} is also an input file")
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


def _open_inputs(files: Sequence[str]) -> list[str]:
    """Check every input can be read before any work starts; ``-`` is standard input."""
    names = list(files) or ["-"]
    for name in names:
        if name == "-":
            continue
        try:
            with open(name, "rb"):
                pass
        except OSError as exc:
            raise _InputError(f"cannot read {name}: {exc.strerror or exc}") from None
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


def _read(names: Sequence[str], jsonl: bool, stdin: BinaryIO) -> Iterator[_Item]:
    """Documents from the inputs: whole files, or JSON lines (blank lines skipped)."""
    for name in names:
        label = "<stdin>" if name == "-" else name
        with ExitStack() as stack:
            stream = stdin if name == "-" else stack.enter_context(open(name, "rb"))
            if not jsonl:
                yield label, 0, stream.read()
                continue
            for number, line in enumerate(stream, 1):
                if not line.isspace():
                    yield label, number, line


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
        return EXIT_DATA_ERROR
    except KeyboardInterrupt:
        print("textclean: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`textclean ... | head`); stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_DATA_ERROR


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
    names = _open_inputs(args.files)
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
        if args.output == "-":
            out: BinaryIO = sys.stdout.buffer
        else:
            try:
                out = stack.enter_context(open(args.output, "wb"))
            except OSError as exc:
                raise _InputError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        rejects: BinaryIO | None = None
        if args.rejects is not None:
            try:
                rejects = stack.enter_context(open(args.rejects, "wb"))
            except OSError as exc:
                raise _InputError(f"cannot write {args.rejects}: {exc.strerror or exc}") from None
        try:
            index = _open_index(job, stderr, quiet=args.quiet)
        except (OSError, ValueError, sqlite3.Error) as exc:
            raise _InputError(f"cannot use the index {job.index}: {exc}") from None
        if index is not None:
            stack.enter_context(index)
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
                    if not args.quiet:
                        progress.clear()
                        print(f"textclean: {where} (written to {args.rejects})", file=stderr)
                    continue
                if isinstance(result, _Cleaned):
                    assert index is not None
                    result = job.finish(result, index)
                out.write(result.data)
                if result.note is not None:
                    progress.clear()
                    print(result.note, file=stderr)
                tally.add(result)
                progress.update(documents=tally.documents, size=tally.size)
        finally:
            out.flush()
    progress.close(tally.summary(job.command, progress.elapsed))
    return EXIT_OK
