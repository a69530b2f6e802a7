"""Structured data left in the text: a JSON-LD object (or any JSON) on one line.

A scraper that keeps the contents of ``<script>`` tags leaves a schema.org ``NewsArticle``
object whose ``articleBody`` string is the whole body again. Matching sets such paragraphs aside
and removes them when the document's paragraphs hold their text (see :mod:`textclean.match`);
this module says which paragraphs are structured data and what their text is.
"""

from __future__ import annotations

import re

__all__ = ["is_structured", "structured_values"]


def is_structured(text: str) -> bool:
    """Whether a paragraph is structured data: a JSON object or array with two keys or more.

    >>> is_structured('{"@type": "NewsArticle", "articleBody": "Text."}')
    True
    >>> is_structured("{Braces} in prose: a key. Another: value.")
    False
    """
    return text[:1] in ("{", "[") and text[-1:] in ("}", "]") and text.count('":') >= 2


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
