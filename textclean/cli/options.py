"""The command line's definition: exit statuses, help texts and the argument parser.

Every cleaning, duplicate and index option is generated from the library's own definitions
(:class:`~textclean.CleanConfig`, :class:`~textclean.DedupeOptions`, the keywords of
:class:`~textclean.Deduplicator`), so the command cannot drift from the library; the help
printed here is also the command-line reference in docs/cli.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import os
import sys
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final

from textclean.cleaning import CleanConfig
from textclean.deduplicator import Deduplicator
from textclean.options import DedupeOptions

__all__ = [
    "EXIT_DATA_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "REPORT_KEY",
    "build_parser",
    "clean_options",
    "dedupe_options",
    "index_options",
    "subcommands",
]

EXIT_OK: Final = 0
"""Every document was processed (with ``--on-error skip``, bad lines went to the rejects file)."""
EXIT_DATA_ERROR: Final = 1
"""Bad input data (the message names the file and line), an unreadable file, an unusable index or
output that cannot be written."""
EXIT_USAGE: Final = 2
"""The command line itself is wrong: an unknown option or a bad value."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted (Ctrl-C): the output holds the documents finished before, each whole."""

REPORT_KEY: Final = "textclean"
"""The key ``--report`` adds to each JSON record."""

_HELP_WIDTH: Final = 88

# --------------------------------------------------------------------------------------------
# Help text of the generated options. The options themselves (flag, type, choices, default)
# come from CleanConfig, DedupeOptions and Deduplicator; a test checks every field is covered.
# --------------------------------------------------------------------------------------------

_CLEAN_HELP: Final[dict[str, str]] = {
    "unescape_html": "keep HTML entities (&amp; &#8217; &eacute;) as they are",
    "fix_encoding": "do not repair mojibake (UTF-8 read as Windows-1252, double encoding)",
    "fix_line_breaks": "keep CRLF, CR, U+2028, NEL and other line breaks as they are",
    "decode_quoted_printable": "keep quoted-printable soft breaks (= at a line's end) and "
    "escapes (=E2=80=99) as they are",
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
    "threshold": "a paragraph is a near duplicate when its similarity (rapidfuzz ratio, over 0, "
    "at most 1) to a kept one is at least this",
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
FILE), and write to standard output or to -o PATH, in input order. Plain-text
results follow one another as cat would join them, each ending in a newline (to
keep documents apart, use --jsonl or one run per file).
Run 'textclean COMMAND --help' for the options of a command."""

_EXIT_STATUS: Final = """\
exit status:
  0  success (with --on-error skip, bad lines went to the rejects file)
  1  bad input: a line that is not UTF-8, not JSON, not an object, or lacks a
     string in the text field (the message names the file and the line);
     an unreadable or binary file; an index that cannot be used; output that
     cannot be written (a full disk; a reader that went away, as `| head` does,
     ends the run quietly)
  2  usage error: unknown option, bad value, options that do not go together,
     a file to write (-o, --rejects, --index) that is an input or another one
  130  interrupted (Ctrl-C): the output holds the documents finished before,
     each whole"""

_IO_NOTES: Final = """\
JSON lines (--jsonl):
  Each line is one JSON object. The text in --field is replaced by the result;
  every other field passes through untouched and in order (values are
  re-serialised, so a number may be spelt differently: 1.50 -> 1.5). Blank lines
  are skipped. With --report each record gains a "textclean" key (replacing one
  that is already there) saying what was done.

bad input:
  A line that is not valid UTF-8 (one in UTF-16 or UTF-32 is named so), not a
  JSON object (or has a key twice), holds
  NaN, Infinity or a number too large for a float (none of them JSON), or
  whose --field is missing or not a string stops the run: the message names the
  file and the line, and every record before it has been written. With
  --on-error skip --rejects PATH, bad lines are copied unchanged to PATH, named
  on standard error, and the run carries on. Without --jsonl, an input with a
  NUL byte in its first 8 KiB is refused as binary (but UTF-16 or UTF-32, with
  a BOM or without: text).

progress:
  On standard error: a progress bar when it is a terminal, otherwise a log line
  every 10 seconds; always a closing summary (documents, what was removed or
  changed, MB, MB/s). An --index file of 16 MiB or more is read whole into
  memory first: a line says so, and another how long it took. --quiet silences
  them all, but not the bad lines set aside: each is named."""

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


class _CommandParser(argparse.ArgumentParser):
    """The parser of one command: it refuses unknown arguments itself, with its own usage
    line, where argparse hands them back to the main parser and prints the main usage."""

    def parse_known_args(
        self, args: Iterable[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


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
    return [
        # ``clean`` takes a CleanConfig too: here it is on or off, the cleaning options say how.
        dataclasses.replace(o, hint=bool) if o.name == "clean" else o
        for o in _dataclass_options(DedupeOptions)
        if o.name not in _DEDUPE_SKIP
    ]


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
            "document in the index and in reports (a string or an integer, read as its "
            'digits: 7 and "7" name one document; null has one made up, "" is an error)',
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
        "--rejects",
        metavar="PATH",
        help="with --on-error skip: where bad lines go, unchanged (the file is emptied first)",
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
        "-q",
        "--quiet",
        action="store_true",
        help="no progress and no summary on standard error (bad lines set aside are still named)",
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
        dest="command",
        metavar="COMMAND",
        required=True,
        title="commands",
        parser_class=_CommandParser,
    )

    clean = commands.add_parser(
        "clean",
        help="repair and normalise text",
        description=_CLEAN_DESCRIPTION,
        epilog=f"{_IO_NOTES}\n\n{_WORKERS_NOTES.splitlines()[0]}\n  --workers N cleans "
        f"documents in N processes; output order follows input order.\n\n{_EXIT_STATUS}",
        formatter_class=_Formatter,
        prog="textclean clean",
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
        prog="textclean dedupe",
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
