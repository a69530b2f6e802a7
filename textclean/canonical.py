"""The canonical form that matching runs on.

Duplicates are judged on a folded copy of each paragraph, never on the text that is returned. The
canonical form is:

* Unicode compatibility-normalised (NFKC), so full-width letters, ligatures and no-break spaces
  compare equal to their plain forms;
* case-folded;
* stripped of punctuation and symbols (quotes, dashes, brackets, bullets, emoji), each run of
  them and of white space becoming one space.

Sentence boundaries are found on the real text before punctuation goes, so a paragraph's canonical
form comes with the spans of its sentences (split at terminal punctuation, so "Mr." ends one: the
splits are consistent between copies, which is what matching needs).

>>> canonical_form("“Don’t  panic,” she said — calmly.")
'don t panic she said calmly'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import AnyStr

__all__ = ["canonical_form", "canonical_paragraphs", "word_count"]

# While folding, U+0002 marks a sentence end and U+0001 separates paragraphs; both are removed
# from the input first.
_END, _SEP = "\x02", "\x01"

# Sentence ends: terminal punctuation (Latin, CJK, Devanagari, Arabic and Urdu).
_SENTENCE_END = re.compile(r"[.!?。！？।؟۔]+")
# Everything else that is not a letter or a digit separates words. ``re``'s \W is Unicode-aware.
_NON_WORD = re.compile(r"(?:[^\w\x01\x02]|_)+")

# ASCII fast path: one C-level table lookup per byte maps letters to lower case, sentence ends to
# the end mark and everything else but digits and the paragraph separator to a space.
_ASCII_TABLE = bytes(
    (b | 0x20) if chr(b).isalpha()
    else b if chr(b).isdigit() or b == 1
    else 2 if chr(b) in ".!?"
    else 0x20
    for b in range(128)
) + bytes(128)  # fmt: skip

# Typographic punctuation common in news text, replaced first so that most paragraphs still take
# the ASCII fast path.
_TYPOGRAPHY = (
    ("\u2019", " "),
    ("\u2018", " "),
    ("\u201c", " "),
    ("\u201d", " "),
    ("\u2014", " "),
    ("\u2013", " "),
    ("\u2026", "."),
    ("\u00a0", " "),
)


def canonical_paragraphs(texts: Sequence[str]) -> tuple[list[str], str | bytes]:
    """Canonical form of each text, and all of them joined with their sentence ends marked.

    Sentences are split at terminal punctuation before it is folded away. The second value is
    the canonical texts concatenated, with U+0002 instead of a space where a sentence ends, so
    that it has the same length and offsets as ``"".join(canonical)`` (as ASCII bytes when it is
    ASCII, for speed).

    >>> canon, marked = canonical_paragraphs(["Mr. Smith arrived. He sat down!", "“Quoted” — text"])
    >>> canon
    ['mr smith arrived he sat down', 'quoted text']
    >>> marked.replace(b"\\x02", b"|")
    b'mr|smith arrived|he sat downquoted text'
    """
    if not texts:
        return [], ""
    raw = _SEP.join(texts)
    if _END in raw or raw.count(_SEP) != len(texts) - 1:
        raw = _SEP.join(t.replace(_END, " ").replace(_SEP, " ") for t in texts)
    for old, new in _TYPOGRAPHY:
        if old in raw:
            raw = raw.replace(old, new)
    if raw.isascii():  # most documents, once typography is folded: work on bytes
        data = _tidy(raw.encode("ascii").translate(_ASCII_TABLE), b" ", b"\x02", b"\x01")
        canon = [part.decode("ascii") for part in data.replace(b"\x02", b" ").split(b"\x01")]
        return canon, data.replace(b"\x01", b"")
    folded = _tidy(_SEP.join(_fold(part) for part in raw.split(_SEP)), " ", _END, _SEP)
    return folded.replace(_END, " ").split(_SEP), folded.replace(_SEP, "")


def _tidy(folded: AnyStr, space: AnyStr, end: AnyStr, sep: AnyStr) -> AnyStr:
    """Words separated by one space or one end mark, nothing at a paragraph's edges.

    Only C-level string operations: no per-word Python work.
    """
    folded = space.join(folded.split())
    for old, new in (
        (space + end, end),
        (end + space, end),
        (space + sep, sep),
        (sep + space, sep),
    ):
        folded = folded.replace(old, new)
    while end + end in folded:
        folded = folded.replace(end + end, end)
    return folded.replace(end + sep, sep).replace(sep + end, sep).strip(end)


def _fold(text: str) -> str:
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", _SENTENCE_END.sub(_END, folded))


def canonical_form(text: str) -> str:
    """Return the canonical form of ``text``: NFKC, case-folded, words separated by one space.

    >>> canonical_form("Ｆｕｌｌ-width ﬁne PRINT!")
    'full width fine print'
    >>> canonical_form("... --- ...")
    ''
    """
    return canonical_paragraphs([text])[0][0]


def word_count(canonical: str) -> int:
    """Number of words in a canonical string.

    >>> word_count("one two three")
    3
    >>> word_count("")
    0
    """
    return canonical.count(" ") + 1 if canonical else 0
