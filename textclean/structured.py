"""Structured data left in the text: a JSON-LD object (or any JSON) on one line.

A scraper that keeps the contents of ``<script>`` tags leaves a schema.org ``NewsArticle``
object whose ``articleBody`` string is the whole body again, or a page's state (a framework's
``__NEXT_DATA__``, ``window.__INITIAL_STATE__ = {...};``) holding it. The JSON may stand in its
``<script>`` tag or after the JavaScript that assigns it. Matching sets such paragraphs aside
and removes them when the document's paragraphs hold their text (see :mod:`textclean.match`);
this module says which paragraphs are structured data and what their text is.
"""

from __future__ import annotations

import json
import re

__all__ = ["holds_text", "is_structured", "object_across", "opens_json", "structured_values"]


# What may wrap the JSON: its script tag, or the JavaScript that assigns it to a name.
_OPENING = re.compile(
    r"^\s*(?:<script\b[^<>]*>\s*)?"
    r"(?:(?:(?:var|let|const)\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[\"'][^\"'<>]*[\"']\])*"
    r"\s*=\s*)?"
)


def is_structured(text: str) -> bool:
    """Whether a paragraph is structured data, alone, in its ``<script>`` tag, or assigned by
    JavaScript: a JSON object or array with two keys or more, or one that parses as JSON and holds
    text (a string of more than one word: a list of the body's paragraphs, one key holding the
    body); or an object's member on a line of its own, as a pretty-printed object prints it,
    whose string holds text (:data:`_MEMBER_WORDS` words or more: ``"articleBody": "...",``).

    >>> is_structured('{"@type": "NewsArticle", "articleBody": "Text."}')
    True
    >>> is_structured('window.__STATE__ = {"id": 7, "body": "Text."};')
    True
    >>> is_structured('<script id="__NEXT_DATA__">{"page": "/", "props": {}}</script>')
    True
    >>> is_structured('var paragraphs = ["The first one.", "The second one."];')
    True
    >>> is_structured('"articleBody": "The council met on Tuesday to vote on a plan to rebuild."')
    True
    >>> is_structured('"name": "My Docs",')
    False
    >>> is_structured("{Braces} in prose: a key. Another: value.")
    False
    >>> is_structured('["--verbose", "--quiet"]'), is_structured("[Photo: Reuters]")
    (False, False)
    """
    core = _json_core(text)
    if core is None:
        return False
    if text.lstrip()[:1] == '"':  # (a member alone: text, not a sample of a setting's value,
        # '"name": "My Docs",' in a guide to a tool's configuration)
        return _has_words(core, _MEMBER_WORDS)
    if text.count('":') >= 2:  # (not parsed: a scraper may have cut the object short)
        return True
    return _parses(core) and bool(structured_values(core))


def holds_text(text: str, words: int) -> bool:
    """Whether ``text`` is JSON that parses, alone, in its ``<script>`` tag or assigned by
    JavaScript, and holds a string of ``words`` words or more (``articleBody``, say).

    >>> holds_text('{"@type": "NewsArticle", "articleBody": "A body of five words."}', 5)
    True
    >>> holds_text('{"name": "my-package", "version": "1.0.0"}', 2)
    False
    """
    core = _json_core(text)
    return core is not None and _parses(core) and _has_words(core, words)


def _has_words(data: str, words: int) -> bool:
    """Whether JSON text ``data`` holds a string of ``words`` words or more."""
    return any(value.count(" ") + 1 >= words for value in structured_values(data))


def opens_json(text: str) -> bool:
    """Whether ``text`` opens a JSON object with a key (alone, in its ``<script>`` tag or
    assigned by JavaScript) and does not close it: the first lines of an object whose strings
    hold raw line breaks (an ``articleBody`` printed with its paragraph breaks), which go on
    in the blocks after it.

    >>> opens_json('<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "One.')
    True
    >>> opens_json('{"@type": "NewsArticle", "articleBody": "One."}'), opens_json("{Braces} here")
    (False, False)
    """  # noqa: E501
    return '":' in text and _json_core(text) is None and _OPENING.sub("", text, count=1)[:1] == "{"


def object_across(text: str, start: int, words: int) -> tuple[int | None, int]:
    """Where the JSON object that opens at ``text[start:]`` ends (alone, after its ``<script>``
    tag or the JavaScript that assigns it; its strings maybe holding raw line breaks, blank
    lines and all, as a site may print an ``articleBody``), if it parses, closes at the end of
    a line (before a semicolon or its script tag's end, maybe) and holds a string of ``words``
    words or more; else ``None``. With it, where the reading stopped: the object is no JSON up
    to there, nor any that opens inside it and reaches past, so none that opens before there
    needs reading again.

    >>> text = 'x = {"a": "one two\\n\\nthree"};\\nthen'
    >>> object_across(text, 0, 2), object_across(text, 0, 4)
    ((28, 27), (None, 27))
    >>> object_across('{"a": "cut short', 0, 1)
    (None, 16)
    """
    end, read = _read_object(text, start)
    if end is None or (tail := _JSON_TAIL.match(text, end)) is None:
        return None, read
    end = start + len(text[start : tail.end()].rstrip())
    return (end if _has_words(text[start:end], words) else None), read


# What may follow a JSON object on its last line: a semicolon, its script tag's end.
_JSON_TAIL = re.compile(r"[^\S\n]*;?[^\S\n]*(?:</script\s*>)?[^\S\n]*(?:\n|\Z)", re.IGNORECASE)


def _read_object(text: str, start: int) -> tuple[int | None, int]:
    """:func:`object_across`'s reading: ``(end, end)``, where the object closes, if it
    parses; else ``(None, reached)``."""
    opening = _OPENING.match(text[start : start + _MAX_OPENING])
    at = start + (opening.end() if opening else 0)
    size = _WINDOW  # (the parser is given a window of the text, four times wider while it runs
    # out of it: an error counts the lines before it, in all that it was given)
    while True:
        window = text[at : at + size]
        try:
            return (at + (end := _DECODER.raw_decode(window)[1]), at + end)
        except json.JSONDecodeError as error:
            cut = error.msg.startswith("Unterminated") or error.pos >= len(window) - _MAX_TOKEN
            if not cut or at + size >= len(text):
                return None, at + (len(window) if cut else max(error.pos, 1))
        except (ValueError, RecursionError):  # (nested past what the parser reads)
            return None, len(text)
        size *= 4


_DECODER = json.JSONDecoder(strict=False)
_MAX_OPENING = 500  # characters of a script tag or an assignment before the object, at most
_WINDOW = 4096  # characters of the text that the JSON parser is given first
_MAX_TOKEN = 32  # characters of a number or a literal that the window may have cut


def _json_core(text: str) -> str | None:
    """``text`` without its ``<script>`` tag or the JavaScript that assigns it, if what is left
    opens and closes as a JSON object or array; else ``None``."""
    core = text.rstrip() if text[-1:].isspace() else text
    if core.lstrip()[:1] == '"':
        return _member(core)  # (an object's member on a line of its own)
    if core[-1:] not in _CLOSING:  # (prose, cheaply)
        return None
    if core[-9:].lower() == "</script>":
        core = core[:-9].rstrip()
    core = core.removesuffix(";").rstrip()
    core = _OPENING.sub("", core, count=1)
    return core if core[:1] in ("{", "[") and core[-1:] in ("}", "]") else None


# An object's member on a line of its own, as a pretty-printed JSON-LD object prints each:
# its key, and a string (or an array or object) after the colon.
_MEMBER = re.compile(r'\s*"[^"\\\n]{1,80}"\s*:\s*["\[{]')


def _member(core: str) -> str | None:
    """A member of an object on a line of its own (``"articleBody": "...",``), as the object of
    that one member; else ``None``.

    >>> _member('  "articleBody": "The council met.",')
    '{"articleBody": "The council met."}'
    >>> _member('"Yes," she said, "and no."') is None
    True
    >>> _member('"articleBody": "The council met."}}')
    '{"articleBody": "The council met."}'
    """
    if _MEMBER.match(core) is None:
        return None
    member = core.strip().removesuffix(",").rstrip()
    # (the last member of an object, or of one inside another, with their brackets' ends)
    for cut in range(_MAX_CLOSERS + 1):
        closers = member[len(member) - cut :] if cut else ""
        if closers.strip("]}"):
            break
        candidate = "{" + member[: len(member) - cut] + "}"
        if _parses(candidate):
            return candidate
    return None


_MAX_CLOSERS = 3  # brackets' ends after an object's last member on its line
_MEMBER_WORDS = 12  # words of the shortest string that makes a member alone structured data


def _parses(core: str) -> bool:
    """Whether ``core`` is JSON (that the parser reads: not nested past its recursion limit),
    its strings maybe holding raw line breaks and tabs (as sites print ``articleBody``; strict
    JSON escapes them)."""
    try:
        _DECODER.decode(core)
    except (ValueError, RecursionError):
        return False
    return True


_CLOSING = frozenset("]};>")  # how structured data ends: its bracket, a semicolon, its tag


_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"(\s*:)?')


def structured_values(data: str) -> list[str]:
    """The text of structured data: its string values of more than one word.

    Keys, and values of one word (a type, a date, a link), are data rather than text.

    >>> structured_values('{"@type": "Person", "name": "Kari Nordmann", "url": "https://x.no/k"}')
    ['Kari Nordmann']
    """
    return [
        value
        for value, key in _JSON_STRING.findall(data)
        if not key and (" " in value or "\\n" in value)
    ]
