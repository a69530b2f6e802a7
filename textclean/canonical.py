"""The canonical form that matching runs on.

Duplicates are judged on a folded copy of each paragraph, never on the text that is returned. The
canonical form is:

* Unicode compatibility-normalised (NFKC), so full-width letters, ligatures and no-break spaces
  compare equal to their plain forms;
* case-folded;
* stripped of punctuation and symbols (quotes, dashes, brackets, bullets, emoji), each run of
  them and of white space becoming one space.

Sentence boundaries are found on the real text before punctuation goes, so a paragraph's canonical
form comes with the paragraph's sentence-sized chunks (split at terminal punctuation), whose words
together are exactly the canonical form.

>>> canonical_form("“Don’t  panic,” she said — calmly.")
'don t panic she said calmly'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["canonical_form", "canonicalize", "word_count"]

_END = "\x00"  # marks a sentence end while punctuation is being folded

# Sentence ends: terminal punctuation (Latin, CJK, Devanagari, Arabic and Urdu).
_SENTENCE_END = re.compile(r"[.!?。！？।؟۔]+")
# Everything else that is not a letter or a digit separates words. ``re``'s \W is Unicode-aware.
_NON_WORD = re.compile(r"(?:[^\w\x00]|_)+")

# ASCII fast path: one C-level table lookup per byte maps letters to lower case, sentence ends to
# the marker and everything else but digits to a space.
_ASCII_TABLE = bytes(
    (b | 0x20) if chr(b).isalpha() else b if chr(b).isdigit() else 0 if chr(b) in ".!?" else 0x20
    for b in range(128)
) + bytes(128)

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


def canonicalize(text: str) -> tuple[str, list[str]]:
    """Return the canonical form of ``text`` and its sentence-sized chunks.

    The chunks are split at terminal punctuation; each is a canonical string that may carry extra
    spaces at its ends or inside (``" ".join(chunk.split())`` tidies one), and empty chunks are
    possible. Joining the words of all chunks gives the canonical form.

    >>> canonicalize("Mr. Smith arrived. He sat down!")
    ('mr smith arrived he sat down', ['mr', ' smith arrived', ' he sat down', ''])
    """
    if _END in text:
        text = text.replace(_END, " ")
    for old, new in _TYPOGRAPHY:
        if old in text:
            text = text.replace(old, new)
    if text.isascii():
        folded = text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    else:
        folded = unicodedata.normalize("NFKC", text).casefold()
        folded = _NON_WORD.sub(" ", _SENTENCE_END.sub(_END, folded))
    return " ".join(folded.replace(_END, " ").split()), folded.split(_END)


def canonical_form(text: str) -> str:
    """Return the canonical form of ``text``: NFKC, case-folded, words separated by one space.

    >>> canonical_form("Ｆｕｌｌ-width ﬁne PRINT!")
    'full width fine print'
    >>> canonical_form("... --- ...")
    ''
    """
    return canonicalize(text)[0]


def word_count(canonical: str) -> int:
    """Number of words in a canonical string.

    >>> word_count("one two three")
    3
    >>> word_count("")
    0
    """
    return canonical.count(" ") + 1 if canonical else 0
