r"""Clean scraped text: repair encoding damage, decode entities, normalise whitespace.

This is the only module of textclean that talks to ftfy. Every cleaning step is a small named
``str -> str`` function, applied in a fixed order:

==  ===========================  =======  ==========================================================
#   step                         default  what it does
==  ===========================  =======  ==========================================================
1   ``unescape_html``            on       ``&amp;`` ``&#8217;`` ``&eacute;`` -> characters
2   ``fix_encoding``             on       mojibake ``Ã©`` / ``â€™`` -> ``é`` / ``’`` (ftfy)
3   ``fix_line_breaks``          on       CRLF, CR, U+2028, NEL, VT, FF -> ``\n``, U+2029 -> two
4   ``decode_quoted_printable``  on       quoted-printable ``=\n`` joined, ``=E2=80=99`` -> ``’``
5   ``remove_invisible``         on       zero-width, BOM, soft hyphen, controls, ANSI escapes
6   ``normalize_spaces``         on       odd spaces -> space, collapse runs, at most one blank line
7   ``normalize_unicode``        NFC      ``normalization="NFC" | "NFKC" | None``
8   ``straighten_quotes``        off      ``“ ” ‘ ’ ″ ′`` -> ``" '``
9   ``straighten_dashes``        off      ``– — ― − ‒ ‐ ‑`` -> ``-``
10  ``fold_ligatures``           off      ``ﬁ`` -> ``fi``
11  ``fold_width``               off      ``ＡＢＣ`` -> ``ABC``, half-width katakana -> full width
12  ``unwrap_braces``            off      ``the fact {that a} man`` -> ``the fact that a man``
13  ``resolve_spintax``          off      ``{a|b|c}`` -> ``a``
==  ===========================  =======  ==========================================================

Entities are decoded before mojibake is repaired, because an entity may decode *into*
mojibake (``&acirc;&#128;&#153;`` is ``â€™``), and both happen before any Unicode
normalisation. The whole sequence is repeated until the text stops changing, so
``clean(clean(x)) == clean(x)`` holds even when a late step (say, removing a zero-width space
or NFKC) exposes work for an earlier one. Text that needs nothing costs one cheap pass.

    >>> clean("Itâ€™s  a caf&eacute;\r\n\r\n\r\nSecond\u00a0paragraph.  ")
    'It’s a café\n\nSecond paragraph.'
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import html
import html.entities
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

import ftfy
import ftfy.fixes
from ftfy import chardata
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

from textclean.keywords import apply_options

__all__ = [
    "STEPS",
    "CleanConfig",
    "CleanResult",
    "clean",
    "clean_and_explain",
    "decode_bytes",
    "decode_quoted_printable",
    "fix_encoding",
    "fix_line_breaks",
    "fold_ligatures",
    "fold_width",
    "normalize_spaces",
    "normalize_unicode",
    "remove_invisible",
    "resolve_spintax",
    "straighten_dashes",
    "straighten_quotes",
    "unescape_html",
    "unwrap_braces",
]

Normalization = Literal["NFC", "NFKC"]
_NORMALIZATIONS: Final = ("NFC", "NFKC", None)

# A cap on whole-pipeline passes. Real text settles in one or two; the cap only guarantees
# termination on adversarial input.
_MAX_PASSES: Final = 16

# ftfy repairs at most this many characters as one segment (ftfy's own default).
_MAX_SEGMENT: Final = 1_000_000


# --------------------------------------------------------------------------------------------
# 1. HTML entities
# --------------------------------------------------------------------------------------------

# Entity names usable without a semicolon (``&amp``, ``&copy``): the legacy set of HTML5.
_LEGACY_ENTITIES: Final[dict[str, str]] = {
    name: char for name, char in html.entities.html5.items() if not name.endswith(";")
}
# ftfy's table: every HTML5 name with ``;``, plus upper-cased forms such as ``&EACUTE;``.
_NAMED_ENTITIES: Final[dict[str, str]] = chardata.HTML_ENTITIES

# ``&`` + any chain of escaped ampersands (``amp;``, ``#38;``: double escaping) + one entity
# body: a number with ``;``, a name with ``;``, or a legacy name not followed by a letter,
# digit, ``#``, ``;`` or ``=`` (so ``AT&T``, ``R&D``, ``a&b`` and ``?x=1&copy=2`` stay).
_ENTITY_RE: Final = re.compile(
    r"&(?:(?:amp|AMP|#0*38|#[xX]0*26);)*"
    r"(#[0-9]{1,8};|#[xX][0-9A-Fa-f]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};"
    r"|[A-Za-z][A-Za-z0-9]{0,31}(?![A-Za-z0-9#;=]))"
)
# Decoded text that could form a new entity with its neighbours forces another pass.
_ENTITY_PART_RE: Final = re.compile(r"[&#;A-Za-z0-9]")


def _decode_entity(body: str) -> str | None:
    """Decode one entity body (the part after ``&``), or None if it is not an entity."""
    if body[0] == "#":
        return html.unescape("&" + body)
    if body[-1] == ";":
        return _NAMED_ENTITIES.get("&" + body)
    return _LEGACY_ENTITIES.get(body)


def unescape_html(text: str) -> str:
    """Decode HTML entities, and only entities, repeatedly until none are left.

    Named (``&eacute;``, also upper-cased ``&EACUTE;``), decimal and hexadecimal entities with
    a semicolon are decoded; legacy names without one (``&amp``, ``&nbsp``, ``&copy``) only
    when no letter, digit, ``#``, ``;`` or ``=`` follows. A literal ``<`` does not switch this
    off. Double-escaped text is decoded all the way (``&amp;lt;`` -> ``<``), which keeps
    cleaning idempotent. Numeric references follow HTML5 (``&#150;`` -> ``–``).

    >>> unescape_html("Tom &amp; Jerry &#8217;s caf&eacute; &#x2014; AT&T, R&D, a&b")
    'Tom & Jerry ’s café — AT&T, R&D, a&b'
    >>> unescape_html("<p>&lt;3 &amp;amp;nbsp;</p> &copy 2024, ?a=1&copy=2")
    '<p><3 \\xa0</p> © 2024, ?a=1&copy=2'
    """
    if "&" not in text:
        return text
    again = True

    def fix(match: re.Match[str]) -> str:
        nonlocal again
        body = match.group(1)
        decoded = _decode_entity(body)
        if decoded is None:
            return match.group(0) if len(match.group(0)) == len(body) + 1 else "&" + body
        if _ENTITY_PART_RE.search(decoded):
            again = True
        return decoded

    while again:
        again = False
        fixed = _ENTITY_RE.sub(fix, text)
        if fixed == text:
            break
        text = fixed
    return text


# --------------------------------------------------------------------------------------------
# 2. Mojibake
# --------------------------------------------------------------------------------------------


def _expand_ranges(chars: str) -> set[str]:
    """Expand a regex character-class body such as ``"a-cx"`` into its characters."""
    out: set[str] = set()
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out.update(chr(c) for c in range(ord(chars[i]), ord(chars[i + 2]) + 1))
            i += 3
        else:
            out.add(chars[i])
            i += 1
    return out


def _mojibake_classes() -> tuple[str, str, str]:
    """Character classes (regex class bodies) for a cheap necessary condition of ftfy's
    ``BADNESS_RE``: ``(alphabet, rare, punctuation)``.

    The alphabet holds every non-ASCII character that a ``BADNESS_RE`` alternative names (its
    categories and literals). Of those, the letters in only the "common" categories (Cyrillic,
    Greek and Latin letters of everyday text) and the quotes and brackets in only the
    punctuation ones pair with each other in no alternative; the rest are rare.
    """
    cats = {name: _expand_ranges(chars) for name, chars in MOJIBAKE_CATEGORIES.items()}

    def only(*names: str) -> set[str]:
        inside = set().union(*(cats[n] for n in names))
        return inside.difference(*(chars for n, chars in cats.items() if n not in names))

    alphabet = set().union(*cats.values()) | {c for c in BADNESS_RE.pattern if ord(c) > 0x7F}
    special = set("ÂÃŒœ") | {chr(c) for c in range(0x80, 0xA0)}  # (the hint's own cases)
    letters = only("lower_common", "upper_common") - special
    punctuation = only("start_punctuation", "end_punctuation") - special
    rare = alphabet - letters - punctuation

    def body(chars: set[str]) -> str:
        return "".join(sorted(re.escape(c) for c in chars if ord(c) > 0x7F))

    return body(alphabet), body(rare), body(punctuation)


_MOJIBAKE_ALPHABET, _MOJIBAKE_RARE, _MOJIBAKE_PUNCTUATION = _mojibake_classes()
# A necessary condition for ftfy's BADNESS_RE (checked against its every alternative by a
# test): two adjacent characters of its alphabet, one of them rare; a C1 control; a lone
# "Ã"/"Â" before a space; "œ" before a non-letter; or one of the few alternatives made of
# common letters only, Windows-1251 mojibake (a capital В, Г, Р or С, or Greek Β, Γ, Ξ or Ο,
# before a quote; "вЂ", "ВЂ"). Plain Cyrillic or Greek text has none of these. Written to
# start with one character class, so the scan runs in sre's fast loop; ftfy's own heuristic
# then runs only on the lines where it holds.
_CAPITALS_1251_1253: Final = "ВГРСΒΓΞΟ"  # common letters that Windows-1251/1253 mojibake opens
_MOJIBAKE_PAIR: Final = (
    f"(?:(?<=[{_MOJIBAKE_RARE}])(?:[{_MOJIBAKE_ALPHABET}]|(?<=[ÂÃ]) |(?<=Â)(?=\\n|\\Z)"
    f"|(?<=[^\\w\\s]Â)(?=\\w)"
    f"|(?<=[Œœ])[^A-Za-z]"
    f"|(?<=[\x80-\x9f]))|(?<=[{_MOJIBAKE_ALPHABET}][{_MOJIBAKE_RARE}])"
    f"|(?<=[{_CAPITALS_1251_1253}])[{_MOJIBAKE_PUNCTUATION}]|(?<=[вВ])Ђ)"
)
_MOJIBAKE_FIRST: Final = f"{_MOJIBAKE_RARE}{_CAPITALS_1251_1253}вВ"
_MOJIBAKE_HINT_RE: Final = re.compile(f"[{_MOJIBAKE_FIRST}]{_MOJIBAKE_PAIR}")


# The first character of a no-break space's or an "à"'s UTF-8 read as Windows-1252 ("Â\xa0",
# "Ã\xa0"), its second turned into a plain space; or a no-break space's, its second dropped
# with the white space at a line's end, or there and the line then run into the next
# ("foundation.ÂOpen"; not "CHÂTEAU", and "Ã" may end a word: "IRMÃ").
_LOST_A0: Final = re.compile(r"[ÂÃ] |Â$|(?<=[^\w\s])Â(?=\w)")


def _restore_a0(match: re.Match[str]) -> str:
    return match[0][0] + "\xa0"


def _fix_segment(segment: str) -> str:
    if not BADNESS_RE.search(segment):
        return segment
    fixed: str = ftfy.fix_encoding(segment)
    return fixed


def _fix_line(line: str) -> str:
    if len(line) <= _MAX_SEGMENT:
        return _fix_segment(line)
    # Like ftfy, repair an enormous line in bounded pieces; cut after a space when possible.
    pieces = []
    pos = 0
    while pos < len(line):
        end = pos + _MAX_SEGMENT
        if end < len(line):
            space = line.rfind(" ", pos + _MAX_SEGMENT // 2, end)
            if space != -1:
                end = space + 1
        pieces.append(_fix_segment(line[pos:end]))
        pos = end
    return "".join(pieces)


def fix_encoding(text: str) -> str:
    """Repair mojibake (text decoded with the wrong codec) with ftfy, line by line.

    Only lines that can contain mojibake are handed to ftfy (``ftfy.fix_encoding``), so
    clean text costs one scan. Curly quotes, dashes, accents and other scripts are content and
    stay as they are.

    >>> fix_encoding("The cafÃ©â€™s menu â€” â‚¬5")
    'The café’s menu — €5'
    >>> fix_encoding("doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t")  # three layers deep
    'doesn’t'
    >>> fix_encoding("“Crème brûlée” — 東京, Ελληνικά, עברית")
    '“Crème brûlée” — 東京, Ελληνικά, עברית'

    A no-break space's mojibake whose second character a scraper turned into a plain space
    ("Step 2:Â Appoint" for U+00A0, "Ã " for "à") is too little for ftfy in a line alone,
    after a word or a sign. In a text where ftfy repaired another line it is mojibake too:
    the line is repaired with the no-break space put back, as ftfy does inside a line it
    decodes. (A real "Â" before a space, in a text read with the wrong codec, is mojibake
    itself: "Ã‚".)

    >>> fix_encoding("Step 2:Â Appoint an agent")
    'Step 2:Â Appoint an agent'
    >>> fix_encoding("Youâ€™ll need two forms.\\nStep 2:Â Appoint an agent")
    'You’ll need two forms.\\nStep 2:\\xa0Appoint an agent'

    So is one at a line's end, where the white space after it went with the line's ("the
    next step.Â"), or there and the line then run into the next ("first.ÂThen"): the no-break
    space stays, and cleaning's white space goes with it.

    >>> fix_encoding("Youâ€™ll need two forms.\\nFile them first.Â\\nThen wait.")
    'You’ll need two forms.\\nFile them first.\\xa0\\nThen wait.'
    >>> fix_encoding("Youâ€™ll need two forms. File them first.ÂThen wait.")
    'You’ll need two forms. File them first.\\xa0Then wait.'
    """
    if text.isascii():
        return text
    match = _MOJIBAKE_HINT_RE.search(text)
    if match is None:
        return text
    out: list[str] = []
    unsure: list[int] = []  # (the places in ``out`` of lines with a lost A0 left in them)
    repaired = False
    done = 0
    while match is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        if end == -1:
            end = len(text)
        out.append(text[done:start])
        line = text[start:end]
        fixed = _fix_line(line)
        repaired = repaired or fixed != line
        if _LOST_A0.search(fixed):  # (also in a line ftfy decoded: "ÂO" is no UTF-8 to it)
            unsure.append(len(out))
        out.append(fixed)
        done = end
        match = _MOJIBAKE_HINT_RE.search(text, end)
    out.append(text[done:])
    if repaired:
        for k in unsure:
            restored = _LOST_A0.sub(_restore_a0, out[k])
            fixed = _fix_line(restored)
            if fixed != restored:
                out[k] = fixed
    return "".join(out)


# --------------------------------------------------------------------------------------------
# 3. Line breaks
# --------------------------------------------------------------------------------------------

_LINE_BREAKS: Final = (("\u2028", "\n"), ("\x85", "\n"), ("\x0b", "\n"), ("\x0c", "\n"))


def fix_line_breaks(text: str) -> str:
    r"""Turn every kind of line break into ``\n``.

    CRLF, CR, LINE SEPARATOR (U+2028), NEXT LINE (U+0085), vertical tab and form feed become
    ``\n``; PARAGRAPH SEPARATOR (U+2029) becomes ``\n\n`` so the paragraph survives. (With
    ``fix_encoding`` on, a stray U+0085 has already become ``…``, its Windows-1252 meaning.)

    >>> fix_line_breaks("one\r\ntwo\rthree\u2028four\u2029five\x0csix")
    'one\ntwo\nthree\nfour\n\nfive\nsix'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2029" in text:
        text = text.replace("\u2029", "\n\n")
    for old, new in _LINE_BREAKS:
        if old in text:
            text = text.replace(old, new)
    return text


# --------------------------------------------------------------------------------------------
# 4. Quoted-printable
# --------------------------------------------------------------------------------------------

# A mail's quoted-printable encoding breaks a line longer than 76 characters into pieces that
# end with "=" (soft breaks) and writes each byte outside ASCII, and "=" itself, as "=XX".
_QP_LINE: Final = 76  # characters of an encoded line, its soft break included, at most
_QP_PIECE: Final = 60  # characters of a piece before a soft break, at least (a full line)
_QP_HINT_RE: Final = re.compile(r"=[ \t]*\n|=[C-F][0-9A-F]=[89AB]")
_QP_ESCAPES_RE: Final = re.compile(r"(?:=[0-9A-F]{2})+")


def _soft_break(line: str) -> bool:
    """Whether ``line`` is a piece of a longer line that quoted-printable broke."""
    line = line.rstrip(" \t")
    return _QP_PIECE <= len(line) <= _QP_LINE and line[-1] == "=" and line[-2] != "="


def _decode_escapes(match: re.Match[str], *, loose: bool) -> str:
    """The characters a run of ``=XX`` escapes writes: UTF-8, or (``loose``, inside lines that
    quoted-printable broke) Windows-1252 or Latin-1 bytes; else the run as it is."""
    data = bytes.fromhex(match[0].replace("=", ""))
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        if not loose:
            return match[0]
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return decoded if loose or not decoded.isascii() else match[0]


_STRICT: Final = functools.partial(_decode_escapes, loose=False)
_LOOSE: Final = functools.partial(_decode_escapes, loose=True)


def decode_quoted_printable(text: str) -> str:
    r"""Decode what a mail's quoted-printable encoding left in the text: lines broken into
    pieces of at most 76 characters that end with ``=`` (soft breaks), and bytes written as
    ``=XX`` (``=E2=80=99`` for ``’``, ``=3D`` for ``=``).

    A soft break ends a piece of 60 to 76 characters, as an encoder cuts them; the next piece
    is the next line with words (a page may print each line as a paragraph). When the text
    holds two soft breaks in a row, or one with an escape in the line it breaks, it is
    quoted-printable: the pieces of each broken line are joined and every escape in it decoded
    (UTF-8; else Windows-1252, as a mail in Latin-1 writes ``caf=E9``). Anywhere else only a
    run of escapes that spells characters outside ASCII in UTF-8 is decoded
    (``don=E2=80=99t``): ``a=3D`` or ``x=FF`` alone, a line that ends with ``=`` as a sum or
    an address does, a short line or one of ``====`` stay as they are.

    >>> decode_quoted_printable("It=E2=80=99s a caf=C3=A9, said 2+2=\n4")
    'It’s a café, said 2+2=\n4'
    >>> import quopri
    >>> text = ("The council’s vote on Tuesday settles a dispute over the bridge, closed since "
    ...         "2019: the new one will cost €12m (= the budget) and open in 2027.")
    >>> encoded = quopri.encodestring(text.encode()).decode()
    >>> print(encoded)
    The council=E2=80=99s vote on Tuesday settles a dispute over the bridge, cl=
    osed since 2019: the new one will cost =E2=82=AC12m (=3D the budget) and op=
    en in 2027.
    >>> decode_quoted_printable(encoded) == text
    True
    """
    if "=" not in text or _QP_HINT_RE.search(text) is None:
        return text
    lines = text.split("\n")
    broken: list[list[int]] = []  # the lines of each broken line, the one that ends it last
    sure = False  # whether one of them is surely quoted-printable
    start = 0
    while start < len(lines):
        pieces = [start]
        while _soft_break(lines[pieces[-1]]):
            after = pieces[-1] + 1  # (a page may print each line as a paragraph)
            while after < len(lines) and not lines[after].strip():
                after += 1
            if after == len(lines):
                break
            pieces.append(after)
        if len(pieces) > 1:
            broken.append(pieces)
            sure = sure or len(pieces) > 2 or any(_QP_ESCAPES_RE.search(lines[k]) for k in pieces)
        start = pieces[-1] + 1
    if not sure:
        return "\n".join(_QP_ESCAPES_RE.sub(_STRICT, line) for line in lines)
    out: list[str] = []
    done = 0
    for pieces in broken:
        out.extend(_QP_ESCAPES_RE.sub(_STRICT, line) for line in lines[done : pieces[0]])
        whole = "".join(lines[k].rstrip(" \t")[:-1] for k in pieces[:-1]) + lines[pieces[-1]]
        out.append(_QP_ESCAPES_RE.sub(_LOOSE, whole))
        done = pieces[-1] + 1
    out.extend(_QP_ESCAPES_RE.sub(_STRICT, line) for line in lines[done:])
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# 5. Invisible characters
# --------------------------------------------------------------------------------------------

# C0 controls except tab and line breaks, DEL, C1 controls except NEL, soft hyphen, zero-width
# space, bidi embeddings/overrides/isolates, word joiner and invisible operators, deprecated
# format characters, BOM / zero-width no-break space, interlinear annotation, object
# replacement. Kept: ZWNJ/ZWJ (U+200C/D) but between letters or digits of scripts that join
# nothing (below), LRM/RLM (U+200E/F), ALM (U+061C), variation selectors, tag characters.
INVISIBLE_FORMAT: Final = "\xad\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
"""The format characters among them, as a regular-expression class body: they stand inside
words (a soft hyphen, a zero-width space) and are no break in them; the canonical form drops
them too."""
_INVISIBLE: Final = f"\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f{INVISIBLE_FORMAT}\ufff9-\ufffc"
_JOINERS: Final = "\u200c\u200d"
_INVISIBLE_HINT_RE: Final = re.compile(f"[{_INVISIBLE}{_JOINERS}\ud800-\udfff]")
# A run of them, written so that the search for its first character is a quick scan (three
# times as fast on a long text as ``[...]+``); and ANSI escapes too, where the text holds one
_INVISIBLE_RUN: Final = f"[{_INVISIBLE}][{_INVISIBLE}]*"
_INVISIBLE_RUN_RE: Final = re.compile(_INVISIBLE_RUN)
_INVISIBLE_RE: Final = re.compile(f"\x1b\\[[0-?]*[ -/]*[@-~]|{_INVISIBLE_RUN}")
# A joiner between two letters or digits of Latin, Greek or Cyrillic (ASCII, Latin-1 to Latin
# Extended-B, Greek and Coptic, Cyrillic): no letter of those joins another, so it is noise (a
# ``&zwnj;`` a mail client put inside a word). Persian, Indic scripts and emoji keep theirs.
_NON_JOINING: Final = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
_LOOSE_JOINER_RE: Final = re.compile(f"(?<=[{_NON_JOINING}])[{_JOINERS}]+(?=[{_NON_JOINING}])")
_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")


def remove_invisible(text: str) -> str:
    r"""Remove invisible and control characters; make the text encodable as UTF-8.

    Removes zero-width space, BOM (anywhere), soft hyphen, word joiner, bidi embeddings,
    overrides and isolates, ANSI terminal escapes (``\x1b[31m``) and other C0/C1 controls, and
    ZWJ/ZWNJ between two letters or digits of Latin, Greek or Cyrillic, which join nothing.
    Never removes ``\t``, ``\n``, other ZWJ/ZWNJ or the LRM/RLM marks. Paired UTF-16
    surrogates are joined; a lone surrogate becomes U+FFFD.

    >>> remove_invisible("\ufeffzero\u200bwidth soft\xadhyphen \x1b[31mred\x1b[0m\tok\n")
    'zerowidth softhyphen red\tok\n'
    >>> remove_invisible("👩\u200d💻 \u200fשלום\u200f") == "👩\u200d💻 \u200fשלום\u200f"
    True
    >>> remove_invisible("Fer\u200cry fares, می\u200cخواهم")
    'Ferry fares, می\u200cخواهم'
    >>> remove_invisible("lone \udc00 pair \ud83d\ude00")
    'lone � pair 😀'
    """
    if _INVISIBLE_HINT_RE.search(text) is None:
        return text
    text = (_INVISIBLE_RE if "\x1b" in text else _INVISIBLE_RUN_RE).sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _LOOSE_JOINER_RE.sub("", text)
    if _SURROGATE_RE.search(text):
        text = ftfy.fixes.fix_surrogates(text)
    return text


# --------------------------------------------------------------------------------------------
# 6. Spaces and blank lines
# --------------------------------------------------------------------------------------------

_ODD_SPACES: Final = "\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACE_RE: Final = re.compile(f"[{_ODD_SPACES}]")
_DOUBLE_SPACE_RE: Final = re.compile("  +")
_BLANK_LINES_RE: Final = re.compile("\n\n\n+")


def normalize_spaces(text: str) -> str:
    r"""Normalise horizontal whitespace and blank lines.

    Tabs, no-break spaces (U+00A0, U+202F), the U+2000-U+200A spaces, U+205F, U+1680 and the
    ideographic space become a plain space; runs of spaces collapse to one; spaces at the
    start and end of every line go (indentation is not kept); lines holding only whitespace
    are blank; two or more blank lines in a row become one; blank lines at the start and end
    of the text go. A single ``\n`` stays a line break and a blank line stays a paragraph
    break: paragraphs are never merged or split.

    >>> normalize_spaces("  Para\u00a0one,\tline  one \n \t\nline two\n\n\n\nPara two\u3000 \n\n")
    'Para one, line one\n\nline two\n\nPara two'
    """
    if "\t" in text or not text.isascii():
        for odd in set(_ODD_SPACE_RE.findall(text)):
            text = text.replace(odd, " ")
    return _normalize_plain_spaces(text)


def _normalize_plain_spaces(text: str) -> str:
    """The part of `normalize_spaces` left to do when the text has no odd spaces."""
    if "  " in text:
        text = _DOUBLE_SPACE_RE.sub(" ", text)
    # Runs are single spaces now, so one replacement per side clears every line edge.
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _BLANK_LINES_RE.sub("\n\n", text)
    if text[:1] in (" ", "\n") or text[-1:] in (" ", "\n"):
        text = text.strip(" \n")
    return text


# --------------------------------------------------------------------------------------------
# 7. Unicode normalisation
# --------------------------------------------------------------------------------------------


def normalize_unicode(text: str, form: Normalization = "NFC") -> str:
    """Apply Unicode normalisation ``form`` ("NFC" or "NFKC").

    NFC only composes (``e`` + combining acute -> ``é``). NFKC also folds compatibility
    characters, which can change meaning (``x²`` -> ``x2``, ``½`` -> ``1⁄2``).

    >>> normalize_unicode("cafe\u0301") == "caf\u00e9"
    True
    >>> normalize_unicode("x² ﬁ", "NFKC")
    'x2 fi'
    """
    if unicodedata.is_normalized(form, text):
        return text
    return unicodedata.normalize(form, text)


def _nfkc(text: str) -> str:
    return normalize_unicode(text, "NFKC")


# --------------------------------------------------------------------------------------------
# 8. Opt-in folds
# --------------------------------------------------------------------------------------------

_QUOTES: Final = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u2036"), '"'),
}
_QUOTE_RE: Final = re.compile("[\u2018-\u201f\u2032\u2033\u2035\u2036\u02bc]")
_DASHES: Final = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_DASH_RE: Final = re.compile("[\u2010-\u2015\u2212]")


def straighten_quotes(text: str) -> str:
    """Replace curly quotes and primes with ASCII ``'`` and ``"``.

    Guillemets (« » ‹ ›) are quotation marks in their own right and are kept.

    >>> print(straighten_quotes("“It’s ‘fine’,” she said, 5′ 3″ «tall»"))
    "It's 'fine'," she said, 5' 3" «tall»
    """
    if _QUOTE_RE.search(text) is None:
        return text
    return text.translate(_QUOTES)


def straighten_dashes(text: str) -> str:
    """Replace hyphen and dash look-alikes (en, em, figure dash, bar, minus) with ``-``.

    >>> straighten_dashes("1990–2000 — and −5 ‒ ok")
    '1990-2000 - and -5 - ok'
    """
    if _DASH_RE.search(text) is None:
        return text
    return text.translate(_DASHES)


def fold_ligatures(text: str) -> str:
    """Split Latin typographic ligatures and digraph letters (ftfy's table).

    >>> fold_ligatures("ﬁnal ﬂoor ǆungla")
    'final floor džungla'
    """
    if text.isascii():
        return text
    folded: str = ftfy.fixes.fix_latin_ligatures(text)
    return folded


def fold_width(text: str) -> str:
    """Replace full-width ASCII with ASCII and half-width katakana with full width.

    >>> fold_width("ＬＯＵＤ　ＮＯＩＳＥ ｶﾀｶﾅ")
    'LOUD NOISE カタカナ'
    """
    if text.isascii():
        return text
    folded: str = ftfy.fixes.fix_character_width(text)
    return folded


# Braces around plain words only: letters/digits and basic punctuation inside (at least one
# letter, no nested braces, no "|", ":", quotes, "=", "\" ...), whitespace or bracket/quote
# outside. So "\frac{1}{2}", '{"a": 1}', "{{template}}", "x{a}" and "{a|b}" stay.
_PLAIN_BRACES_RE: Final = re.compile(
    r"(?<![^\s(\[\"'“‘])\{(?=[^{}\n]*?[^\W\d_])([^\W_]+(?:[ ,.'’!?-]+[^\W_]+)*[.!?]?)\}"
    r"(?![^\s.,;:!?)\]\"'”’])"
)
_SPINTAX_RE: Final = re.compile(r"\{([^{}|\n]+)(?:\|[^{}|\n]+)+\}")


def unwrap_braces(text: str) -> str:
    """Drop stray braces around plain words, as left by spinners and broken templates.

    >>> unwrap_braces("the fact {that a} Ukrainian said {so}.")
    'the fact that a Ukrainian said so.'
    >>> unwrap_braces(r'{a|b} \\frac{1}{2} {"a": 1} {{name}} f{x}')
    '{a|b} \\\\frac{1}{2} {"a": 1} {{name}} f{x}'
    """
    if "{" not in text or "}" not in text:
        return text
    return _PLAIN_BRACES_RE.sub(r"\1", text)


def resolve_spintax(text: str) -> str:
    """Replace spintax alternatives ``{a|b|c}`` with their first option.

    Innermost groups resolve first; ``clean`` repeats until nothing changes.

    >>> resolve_spintax("{Hello|Hi|Hey} there, {friend|pal}!")
    'Hello there, friend!'
    """
    if "{" not in text or "|" not in text:
        return text
    return _SPINTAX_RE.sub(r"\1", text)


STEPS: Final[dict[str, Callable[[str], str]]] = {
    "unescape_html": unescape_html,
    "fix_encoding": fix_encoding,
    "fix_line_breaks": fix_line_breaks,
    "decode_quoted_printable": decode_quoted_printable,
    "remove_invisible": remove_invisible,
    "normalize_spaces": normalize_spaces,
    "normalize_unicode": normalize_unicode,
    "straighten_quotes": straighten_quotes,
    "straighten_dashes": straighten_dashes,
    "fold_ligatures": fold_ligatures,
    "fold_width": fold_width,
    "unwrap_braces": unwrap_braces,
    "resolve_spintax": resolve_spintax,
}
"""Every step by name, in the order ``clean`` applies them (NFKC: ``normalize_unicode``)."""


# --------------------------------------------------------------------------------------------
# Configuration and results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanConfig:
    r"""Which cleaning steps to run. Immutable; every field is keyword-only.

    Fields, in the order the steps run:

    - ``unescape_html: bool = True`` -- decode HTML entities (``&amp;``, ``&#8217;``,
      ``&eacute;``), repeatedly, even when the text contains ``<``; ``AT&T`` stays.
    - ``fix_encoding: bool = True`` -- repair mojibake (``Ã©`` -> ``é``, ``â€™`` -> ``’``,
      double encoding, C1 controls meant as Windows-1252) with ftfy.
    - ``fix_line_breaks: bool = True`` -- CRLF, CR, U+2028, U+0085, VT, FF -> ``\n``;
      U+2029 -> ``\n\n``.
    - ``decode_quoted_printable: bool = True`` -- join the lines a mail's quoted-printable
      encoding broke (``=`` at their ends) and decode its escapes (``=E2=80=99`` -> ``’``).
    - ``remove_invisible: bool = True`` -- drop zero-width characters, BOMs, soft hyphens,
      bidi embeddings/overrides, ANSI escapes and control characters, ZWJ/ZWNJ inside Latin,
      Greek or Cyrillic words (never ``\t``/``\n``, other ZWJ/ZWNJ, LRM, RLM); lone
      surrogates -> U+FFFD.
    - ``normalize_spaces: bool = True`` -- odd spaces and tabs -> space, collapse runs, strip
      line ends, at most one blank line in a row, strip the text.
    - ``normalization: "NFC" | "NFKC" | None = "NFC"`` -- Unicode normalisation form; NFKC
      also folds compatibility characters (``²`` -> ``2``); None skips it.
    - ``straighten_quotes: bool = False`` -- curly quotes and primes -> ``'`` ``"``.
    - ``straighten_dashes: bool = False`` -- en/em dash, minus, figure dash, bar -> ``-``.
    - ``fold_ligatures: bool = False`` -- ``ﬁ`` -> ``fi`` and similar.
    - ``fold_width: bool = False`` -- full-width ASCII -> ASCII, half-width katakana -> full.
    - ``unwrap_braces: bool = False`` -- ``{plain words}`` -> ``plain words``.
    - ``resolve_spintax: bool = False`` -- ``{a|b|c}`` -> ``a``.

    >>> CleanConfig(fix_encoding=False).fix_encoding
    False
    >>> CleanConfig(normalization="NFKX")
    Traceback (most recent call last):
    ...
    ValueError: normalization must be 'NFC', 'NFKC' or None, got 'NFKX'
    """

    unescape_html: bool = True
    fix_encoding: bool = True
    fix_line_breaks: bool = True
    decode_quoted_printable: bool = True
    remove_invisible: bool = True
    normalize_spaces: bool = True
    normalization: Normalization | None = "NFC"
    straighten_quotes: bool = False
    straighten_dashes: bool = False
    fold_ligatures: bool = False
    fold_width: bool = False
    unwrap_braces: bool = False
    resolve_spintax: bool = False

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name == "normalization":
                if value not in _NORMALIZATIONS:
                    raise ValueError(f"normalization must be 'NFC', 'NFKC' or None, got {value!r}")
            elif not isinstance(value, bool):
                raise ValueError(f"{field.name} must be True or False, got {value!r}")


_DEFAULT_CONFIG: Final = CleanConfig()


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What :func:`clean_and_explain` did.

    - ``text`` -- the cleaned text.
    - ``steps`` -- names of the steps that changed the text, in the order they did (a step
      appears again if a later pass changed the text again).
    - ``encoding`` -- the decoding used when the input was bytes, else None.
    """

    text: str
    steps: tuple[str, ...]
    encoding: str | None = None


def _resolve_config(config: CleanConfig | None, options: dict[str, object]) -> CleanConfig:
    if config is None:
        config = _DEFAULT_CONFIG
    elif not isinstance(config, CleanConfig):
        raise TypeError(f"config must be a CleanConfig or None, got {type(config).__name__}")
    return apply_options(config, options, what="clean")


# --------------------------------------------------------------------------------------------
# Bytes
# --------------------------------------------------------------------------------------------


def decode_bytes(data: bytes) -> tuple[str, str]:
    r"""Decode bytes of unknown encoding; return ``(text, encoding name)``. Never raises.

    In this order: UTF-8 after a UTF-8 BOM, which is stripped (``"utf-8-sig"``); UTF-32 or
    UTF-16 when the data starts with their BOM, either byte order (``"utf-32"``,
    ``"utf-16"``; undecodable units become U+FFFD), or without one when its NUL bytes say so
    (:func:`wide_unicode`); UTF-8 (``"utf-8"``); otherwise Windows-1252, with the five bytes
    it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as Latin-1 (``"cp1252"``).

    >>> decode_bytes("café".encode())
    ('café', 'utf-8')
    >>> decode_bytes(b"\xef\xbb\xbfhi")
    ('hi', 'utf-8-sig')
    >>> decode_bytes("hi".encode("utf-16"))
    ('hi', 'utf-16')
    >>> decode_bytes("café’s".encode("utf-16-le"))
    ('café’s', 'utf-16')
    >>> decode_bytes(b"caf\xe9 \x93ok\x94 \x81")
    ('café “ok” \x81', 'cp1252')
    """
    if not isinstance(data, bytes):
        raise TypeError(f"decode_bytes() expects bytes, got {type(data).__name__}")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    codec = wide_unicode(data)  # (before UTF-8: UTF-16 or UTF-32 of ASCII is valid UTF-8)
    if codec is not None:
        return data.decode(codec, errors="replace"), codec[:6]
    if not data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    # ftfy registers "sloppy-windows-1252": cp1252 with the undefined bytes passed through.
    return data.decode("sloppy-windows-1252"), "cp1252"


def wide_unicode(data: bytes) -> str | None:
    r"""The codec of ``data`` when it reads as UTF-32 or UTF-16, else ``None``: ``"utf-32"``
    or ``"utf-16"`` when it starts with their byte order mark (which the codec consumes; UTF-32's
    first, as its little-endian mark starts with UTF-16's), and without one ``"utf-32-le"``,
    ``"utf-32-be"``, ``"utf-16-le"`` or ``"utf-16-be"``, told by its NUL bytes.

    No text in UTF-8 or an 8-bit encoding holds a NUL byte, but these put NUL bytes in fixed
    places. UTF-32 has NUL as the top byte of every 4-byte unit, and as the next one (the
    plane) but outside the Basic Multilingual Plane: ``data`` is UTF-32 when every unit has
    the one and at least half of them the other. UTF-16 has NUL as the high byte of each
    character of Latin-1: most of those of Latin-script text, the spaces and punctuation of
    other scripts, whose letters share one or two other high bytes. So ``data`` is UTF-16
    when :data:`_WIDE_MIN` bytes or more of one parity (odd positions for little-endian, even
    ones for big-endian) are NUL, and at most one more than one in :data:`_WIDE_STRAY` as many
    of the other, and either half of that parity's bytes are NUL or one in
    :data:`_WIDE_NULS`, with no more than :data:`_WIDE_PAGES` values among them. A few stray
    NUL bytes in other text make no such pattern, nor do a few characters of UTF-16 (which
    the cleaner reads as before: the NUL characters of Latin-1 ones dropped).

    >>> wide_unicode("Plain text here".encode("utf-16-le")), wide_unicode(b"Plain text")
    ('utf-16-le', None)
    >>> wide_unicode("Год назад в Москве открыли мост.".encode("utf-16-be"))
    'utf-16-be'
    >>> wide_unicode("Год".encode("utf-32-le")), wide_unicode(b"one\0two\0three\0four\0")
    ('utf-32-le', None)
    >>> wide_unicode("中文".encode("utf-16")), wide_unicode("中文".encode("utf-32"))
    ('utf-16', 'utf-32')
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\0" not in data:
        return None
    units = len(data) // 4
    if units and len(data) % 4 == 0:  # (the top byte NUL in every unit, the plane's in most)
        if data[3::4].count(0) == units and data[2::4].count(0) * 2 >= units:
            return "utf-32-le"
        if data[0::4].count(0) == units and data[1::4].count(0) * 2 >= units:
            return "utf-32-be"
    half = len(data) // 2
    for codec, high, low in (
        ("utf-16-le", data[1::2], data[0::2]),
        ("utf-16-be", data[0::2], data[1::2]),
    ):
        nuls = high.count(0)
        if nuls < _WIDE_MIN or (low.count(0) - 1) * _WIDE_STRAY > nuls:
            continue
        if 2 * nuls >= half or (_WIDE_NULS * nuls >= half and len(set(high)) <= _WIDE_PAGES):
            return codec
    return None


_WIDE_MIN = 4
"""(See :func:`wide_unicode`.) Fewer NUL bytes at one parity may fall there by chance."""
_WIDE_NULS = 8
"""(See :func:`wide_unicode`.) 1 in 8: about the spaces alone of a text in Cyrillic or Greek."""
_WIDE_PAGES = 4
"""(See :func:`wide_unicode`.) Distinct high bytes of text in one or two scripts besides Latin-1
and its punctuation (U+2000 to U+20FF: dashes, curly quotes)."""
_WIDE_STRAY = 16
"""(See :func:`wide_unicode`.) NUL bytes of the other parity: of characters such as U+0100,
whose low byte is NUL, or of NUL characters."""


def _coerce(text: object, caller: str) -> tuple[str, str | None]:
    if isinstance(text, str):
        return text, None
    if isinstance(text, bytes):
        return decode_bytes(text)
    raise TypeError(
        f"{caller}() expects str or bytes, got {type(text).__name__}; "
        "pass text, or bytes to be decoded"
    )


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


# One scan that finds every character `fix_encoding`, `remove_invisible` and the odd-space
# part of `normalize_spaces` react to (a superset of their own checks, see the tests). When it
# finds nothing, `_run` skips those steps: the common case of clean text costs one scan.
_TRIGGER_CLASS: Final = f"{_INVISIBLE}{_JOINERS}\x80-\x9f{_ODD_SPACES}\ud800-\udfff"
_TRIGGER_RE: Final = re.compile(
    f"[{_MOJIBAKE_FIRST}{_TRIGGER_CLASS}](?:(?<=[{_TRIGGER_CLASS}])|{_MOJIBAKE_PAIR})"
)


class _Step(NamedTuple):
    name: str
    run: Callable[[str], str]
    # True: only characters matched by _TRIGGER_RE can give this step work; when the scan
    # finds none, run `untriggered` instead (None: skip the step).
    triggered: bool = False
    untriggered: Callable[[str], str] | None = None


@functools.lru_cache(maxsize=32)
def _plan(config: CleanConfig) -> tuple[_Step, ...]:
    """The steps ``config`` runs, in order."""
    plan: list[_Step] = []
    for name, step in STEPS.items():
        if name == "normalize_unicode":
            if config.normalization is not None:
                plan.append(_Step(name, _nfkc if config.normalization == "NFKC" else step))
        elif not getattr(config, name):
            continue
        elif name in ("fix_encoding", "remove_invisible"):
            plan.append(_Step(name, step, triggered=True))
        elif name == "normalize_spaces":
            plan.append(_Step(name, step, triggered=True, untriggered=_normalize_plain_spaces))
        else:
            plan.append(_Step(name, step))
    return tuple(plan)


def _run(text: str, config: CleanConfig, steps: list[str] | None) -> str:
    """Apply the plan for ``config`` until the text stops changing."""
    plan = _plan(config)
    for _ in range(_MAX_PASSES):
        changed = False
        triggered: bool | None = None  # unknown until a step asks; stale after a change
        for step in plan:
            run = step.run
            if step.triggered:
                if triggered is None:
                    triggered = _TRIGGER_RE.search(text) is not None
                if not triggered:
                    if step.untriggered is None:
                        continue
                    run = step.untriggered
            fixed = run(text)
            if fixed != text:
                changed = True
                triggered = None
                text = fixed
                if steps is not None:
                    steps.append(step.name)
        if not changed:
            break
    return text


def clean(text: str | bytes, config: CleanConfig | None = None, **options: object) -> str:
    r"""Clean ``text`` (str, or bytes decoded with :func:`decode_bytes`).

    ``config`` selects the steps (default: ``CleanConfig()``); keyword ``options``
    override its fields. Never lowercases, never touches curly quotes, dashes, accents or
    other scripts unless asked.

    >>> clean("Caf&eacute; au lait â€” 3â‚¬\u200b\r\n\r\n\r\n  Next  ")
    'Café au lait — 3€\n\nNext'
    >>> clean(b"caf\xc3\xa9")
    'café'
    >>> clean("“Hi” – ok", straighten_quotes=True, straighten_dashes=True)
    '"Hi" - ok'
    >>> clean(None)
    Traceback (most recent call last):
    ...
    TypeError: clean() expects str or bytes, got NoneType; pass text, or bytes to be decoded
    """
    cfg = _resolve_config(config, options)
    string, _ = _coerce(text, "clean")
    return _run(string, cfg, None)


def clean_and_explain(
    text: str | bytes, config: CleanConfig | None = None, **options: object
) -> CleanResult:
    """Clean ``text`` like :func:`clean` and say which steps changed it.

    >>> clean_and_explain("Itâ€™s\u00a0fine")
    CleanResult(text='It’s fine', steps=('fix_encoding', 'normalize_spaces'), encoding=None)
    >>> clean_and_explain(b"caf\\xe9").encoding
    'cp1252'
    """
    cfg = _resolve_config(config, options)
    string, encoding = _coerce(text, "clean_and_explain")
    steps: list[str] = []
    cleaned = _run(string, cfg, steps)
    return CleanResult(cleaned, tuple(steps), encoding)
