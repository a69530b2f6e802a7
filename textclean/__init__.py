"""textclean: clean scraped news text and remove repeated or near-repeated paragraphs.

The pipeline runs one way: clean -> segment -> fingerprint -> match -> assemble.

>>> import textclean
>>> textclean.clean("It\u00e2\u20ac\u2122s  here&nbsp;now")
'It’s here now'
>>> para = "The same paragraph, repeated by the scraper, is kept once."
>>> textclean.dedupe(para + "\\n\\n" + para).text == para
True
"""

from __future__ import annotations

from textclean.boilerplate import DEFAULT_PATTERNS as BOILERPLATE_PATTERNS
from textclean.cleaning import CleanConfig, CleanResult, clean, clean_and_explain, decode_bytes
from textclean.deduplicator import Deduplicator, dedupe, find_duplicates
from textclean.fingerprint import FingerprintSettings
from textclean.options import DedupeOptions
from textclean.results import DedupeResult, DocumentMatch, Duplicate, Paragraph
from textclean.segment import split_paragraphs
from textclean.store import IndexMismatchError, MemoryStore, Store, StoredDocument

__version__ = "0.1.0"

__all__ = [
    "BOILERPLATE_PATTERNS",
    "CleanConfig",
    "CleanResult",
    "DedupeOptions",
    "DedupeResult",
    "Deduplicator",
    "DocumentMatch",
    "Duplicate",
    "FingerprintSettings",
    "IndexMismatchError",
    "MemoryStore",
    "Paragraph",
    "Store",
    "StoredDocument",
    "__version__",
    "clean",
    "clean_and_explain",
    "decode_bytes",
    "dedupe",
    "find_duplicates",
    "split_paragraphs",
]
