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

__all__ = ["Span", "canonical_form", "canonical_paragraphs", "word_count"]

# While folding, U+0000 marks a sentence end and U+0001 separates paragraphs; both are removed
# from the input first.
_END, _SEP = "\x00", "\x01"

# Sentence ends: terminal punctuation (Latin, CJK, Devanagari, Arabic and Urdu).
_SENTENCE_END = re.compile(r"[.!?。！？।؟۔]+")
# Everything else that is not a letter or a digit separates words. ``re``'s \W is Unicode-aware.
_NON_WORD = re.compile(r"(?:[^\w\x00\x01]|_)+")

# ASCII fast path: one C-level table lookup per byte maps letters to lower case, sentence ends to
# a newline (so that ``split`` sees white space) and everything else but digits and the paragraph
# separator to a space.
_ASCII_TABLE = bytes(
    (b | 0x20) if chr(b).isalpha()
    else b if chr(b).isdigit() or b == 1
    else 0x0A if chr(b) in ".!?"
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


Span = tuple[int, int, int]
"""A sentence of a canonical text: ``(start, end, words)``."""


def canonical_paragraphs(texts: Sequence[str]) -> tuple[list[str], list[list[Span]]]:
    """Canonical form of each text, and the ``(start, end, words)`` of its sentences within it.

    Sentences are split at terminal punctuation before it is folded away; a paragraph's canonical
    form is exactly its sentences joined by single spaces.

    >>> canon, spans = canonical_paragraphs(["Mr. Smith arrived. He sat down!", "“Quoted” — text"])
    >>> canon
    ['mr smith arrived he sat down', 'quoted text']
    >>> spans
    [[(0, 2, 1), (3, 16, 2), (17, 28, 3)], [(0, 11, 2)]]
    """
    raw = _SEP.join(texts)
    if _END in raw or raw.count(_SEP) != max(len(texts) - 1, 0):
        raw = _SEP.join(t.replace(_END, " ").replace(_SEP, " ") for t in texts)
    for old, new in _TYPOGRAPHY:
        if old in raw:
            raw = raw.replace(old, new)
    if raw.isascii():
        folded = raw.encode("ascii").translate(_ASCII_TABLE).decode("ascii").split(_SEP)
    else:
        folded = [_fold(part) for part in raw.split(_SEP)]
    canon: list[str] = []
    spans: list[list[Span]] = []
    for part in folded:
        if "\n" not in part:
            words = part.split()
            canonical = " ".join(words)
            canon.append(canonical)
            spans.append([(0, len(canonical), len(words))] if words else [])
            continue
        sentences = []
        own: list[Span] = []
        pos = 0
        for chunk in part.split("\n"):
            words = chunk.split()
            if words:
                sentence = " ".join(words)
                sentences.append(sentence)
                own.append((pos, pos + len(sentence), len(words)))
                pos += len(sentence) + 1
        canon.append(" ".join(sentences))
        spans.append(own)
    return canon, spans


def _fold(text: str) -> str:
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _NON_WORD.sub(" ", _SENTENCE_END.sub(_END, folded))
    return folded.replace(_END, "\n")


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
