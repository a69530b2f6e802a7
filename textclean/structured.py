"""Structured data left in the text: a JSON-LD object (or any JSON) on one line.

A scraper that keeps the contents of ``<script>`` tags leaves a schema.org ``NewsArticle``
object whose ``articleBody`` string is the whole body again, or a page's state (a framework's
``__NEXT_DATA__``, ``window.__INITIAL_STATE__ = {...};``) holding it. The JSON may stand in its
``<script>`` tag or after the JavaScript that assigns it. Matching sets such paragraphs aside
and removes them when the document's paragraphs hold their text (see :mod:`textclean.match`);
this module says which paragraphs are structured data and what their text is.
"""

from __future__ import annotations

import re

__all__ = ["is_structured", "structured_values"]


# What may wrap the JSON: its script tag, or the JavaScript that assigns it to a name.
_OPENING = re.compile(
    r"^\s*(?:<script\b[^<>]*>\s*)?"
    r"(?:(?:(?:var|let|const)\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[\"'][^\"'<>]*[\"']\])*"
    r"\s*=\s*)?"
)


def is_structured(text: str) -> bool:
    """Whether a paragraph is structured data: a JSON object or array with two keys or more,
    alone, in its ``<script>`` tag, or assigned by JavaScript.

    >>> is_structured('{"@type": "NewsArticle", "articleBody": "Text."}')
    True
    >>> is_structured('window.__STATE__ = {"id": 7, "body": "Text."};')
    True
    >>> is_structured('<script id="__NEXT_DATA__">{"page": "/", "props": {}}</script>')
    True
    >>> is_structured("{Braces} in prose: a key. Another: value.")
    False
    """
    if text.count('":') < 2:
        return False
    core = text.rstrip()
    if core[-9:].lower() == "</script>":
        core = core[:-9].rstrip()
    core = core.removesuffix(";").rstrip()
    core = _OPENING.sub("", core, count=1)
    return core[:1] in ("{", "[") and core[-1:] in ("}", "]")


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
