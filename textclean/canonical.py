"""The canonical form that matching runs on.

Duplicates are judged on a folded copy of each paragraph, never on the text that is returned. The
canonical form is:

* Unicode compatibility-normalised (NFKC), so full-width letters, ligatures and no-break spaces
  compare equal to their plain forms;
* case-folded;
* without diacritics (the combining marks U+0300 to U+036F, once letters are decomposed), so a
  copy stripped of its accents has the words of the original (``café`` reads as ``cafe``,
  ``ё`` as ``е``; the vowel signs of other scripts stay);
* stripped of punctuation and symbols (quotes, dashes, brackets, bullets, emoji), each run of
  them and of white space becoming one space, and so are the modifier letters that stand for an
  apostrophe (``ʼ``, ``ʻ``);
* with the vowel signs of the Indic scripts inside their words (``हिन्दी`` is one word) and
  without the optional vowel points of Hebrew and Arabic (``كَتَبَ`` reads as ``كتب``);
* in scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
  Myanmar), each character a word of its own, so that word-based matching (sentences, runs of
  words, alignments) works on them too;
* read through JSON string escapes, which a scraper leaves in a JSON-LD copy of the body
  (``\\n`` breaks, ``\\u2019``): a line break escape ends a sentence (a heading and the
  paragraph after it stay two sentences), a tab escape is a space, a ``\\uXXXX`` escape the
  character it stands for, so that such a copy has the words and sentences of the visible body;
* without the HTML tags a copy of the body may carry (a feed's ``content:encoded``, an
  ``articleBody`` kept as HTML): in a paragraph that starts with the tag of a common element,
  the tags of those go, and a block element's tag (``<p>``, ``</h2>``, ``<br>``, ``<li>``)
  ends a sentence (a paragraph that only mentions tags, ``- <li><table> in select``, keeps
  them as words); of any other tag, the attributes go (``<amp-img src="...">`` reads as
  ``amp img``). So do the targets of Markdown links and images (``[the vote](https://...)``
  reads as ``the vote``), as converters of web pages to Markdown write them: links and class
  names are not words of the text;
* with a paragraph's first letter joined to the word it starts when a scraper set it, as a drop
  cap, on a line of its own (``"I\\nn reality"`` reads as ``in reality``);
* with a word that print broke at the end of a line with a hyphen joined again when the line
  after it goes on in lower case (``"trou-\\nbleshoot"`` reads as ``troubleshoot``), and so
  when the break became a space (``"trou- bleshoot"``, the lines run together): a print copy
  keeps the breaks of its lines, and the copy set in other lines has the word whole. (A
  compound broken at its own hyphen, ``"well-\\nknown"``, reads as one word too: a word run
  together, which matching takes for a small edit. A hyphen left hanging before a conjunction,
  ``"gender- and age-neutral"``, finishes its compound there and joins nothing.)
* without the invisible characters that cleaning removes (a soft hyphen, a zero-width space, a
  word joiner, a byte order mark, bidirectional controls), so that a word holding one reads as
  the word (``"tempo\\u00adrary"`` as ``temporary``) with ``clean=False`` too;
* with each web address written out in the text (``https://example.com/a/b?utm_source=x``,
  ``www.example.com``) one word, the letters and digits of its host and path and a ``0``: a
  copy that carries its links as text holds one word more a link, not a dozen; its query string
  (tracking tags that differ from copy to copy) and its dots (which are not sentence ends) do
  not count; and, the word holding a digit, two addresses differ as two numbers do, never by a
  typo. An address that a wrap at a fixed width broke at the end of a line is one address
  again, as :func:`_join_address` tells;
* without reference marks after punctuation (``in 1934.[3]``, ``bridge,[a]``), numbered ones
  apart from the word before them (``in 1934. [3]``, ``[3] Smith``: a copy with other breaks
  may open a line with one), and link numbers before a word (``the [12]council``, as text
  browsers dump a page), which one copy of a text may carry and another not: a changed number
  is otherwise a changed fact;
* without the label that an image's alt text or a caption opens with (``Photo:``, ``Image:``,
  ``Picture:``, ``Pictured:``, ``Caption:``, ``Photo caption:``), which one copy of a caption
  carries and another not (``"Photo: A crane lifts a beam."`` reads as ``a crane lifts a beam``);
* with numbers written without the commas that group their thousands (``1,250`` reads as
  ``1250``, as a copy in another house style prints it): a comma between a digit and three
  more goes (``1, 250``, ``1,2,3`` and a decimal comma, ``3,5``, stay breaks between two).

Sentence boundaries are found on the real text before punctuation goes, so a paragraph's canonical
form comes with the spans of its sentences (split at terminal punctuation, so "Mr." ends one: the
splits are consistent between copies, which is what matching needs).

>>> canonical_form("“Don’t  panic,” she said — calmly.")
'don t panic she said calmly'
>>> canonical_form("東京の天気。")
'東 京 の 天 気'
>>> canonical_form(r'Don\\u2019t panic.\\n\\nShe said so.')
'don t panic she said so'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import regex

from textclean.cleaning import INVISIBLE_FORMAT

__all__ = [
    "ADDRESS_START",
    "BLOCK_ELEMENTS",
    "CANONICAL_VERSION",
    "canonical_form",
    "canonical_paragraphs",
    "is_address",
    "word_count",
]

CANONICAL_VERSION = 18
"""Changes whenever the canonical form of some text changes (and with it every key of it)."""

# While folding, U+0002 marks a sentence end and U+0001 separates paragraphs; both are removed
# from the input first.
_END, _SEP = "\x02", "\x01"

# The label that opens a paragraph of an image's alt text or caption ("Photo: A crane ..."),
# capitalised, and a capital after it (not a line of code: "image: mediawiki").
_CAPTION_LABEL = regex.compile(
    r"\A[ \t]*(?=[PIC])(?i:(?:photo|image|picture)(?: caption)?|pictured|caption)[ \t]*:[ \t]+"
    r"(?=[\"'“‘(\[]?\p{Lu})"
)
_LABEL_FIRST = frozenset("PIC \t")  # (the characters such a label's paragraph opens with)

# A run of non-ASCII characters (the ``regex`` module scans for it many times faster than ``re``).
_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f]+")
# A character of a script written without spaces between words (Chinese, Japanese, Thai, Lao,
# Khmer, Myanmar): each one counts as a word of the canonical form.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_FIRST_UNSPACED = "\u0e00"  # no character of those scripts comes before Thai: a text with none
_MAYBE_UNSPACED = re.compile(f"[{_FIRST_UNSPACED}-\U0010ffff]")  # past it needs no search
# Sentence ends beyond ASCII's .!? (CJK, Devanagari, Arabic and Urdu), after NFKC.
_NON_ASCII_END = re.compile(r"[。！？।؟۔]")
# Every other non-ASCII character that is not a letter or a digit separates words (``re``'s \w
# is Unicode-aware), but for the marks that belong to a word, which \w leaves out: the vowel
# signs and viramas of the Indic scripts and Tibetan (हिन्दी is one word; the dandas end
# sentences) and the combining diacritics that NFKC leaves (a Cyrillic stress mark). ASCII is left
# to the byte table.
_WORD_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0900-\u0963\u0966-\u0dff\u0f00-\u0fff"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_NON_ASCII_NON_WORD = re.compile(f"[^\\x00-\\x7f\\w{_WORD_MARKS}]+")
# The diacritics of decomposed letters (Latin, Greek, Cyrillic), the vowel points and
# cantillation marks of Hebrew and Arabic, and the Arabic tatweel: a text may carry them or not
# (a copy stripped of accents; most news in Hebrew and Arabic has no vowel points), so they are
# no part of the canonical form.
_OPTIONAL_MARKS = re.compile(
    "[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]+"
)
# JSON (or C) string escapes that would otherwise glue a letter to the next word: a line break or
# tab (``\n``), and a ``\uXXXX`` character, however many times the backslash was escaped.
_BREAK_ESCAPE = re.compile(r"\\+[nrt]")
_UNICODE_ESCAPE = re.compile(r"\\+u([0-9a-fA-F]{4})")
# The tags of the common HTML elements, with their attributes, within a paragraph: block
# elements (whose tags end a sentence) and inline ones (whose tags are a space).
BLOCK_ELEMENTS = (
    "address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]"
    "|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
"""The names of the common HTML block elements, as a regular-expression alternation."""
_INLINE_ELEMENTS = (
    "a|abbr|b|big|cite|code|del|em|font|i|iframe|img|ins|kbd|mark|picture|q|s|samp|small"
    "|source|span|strike|strong|sub|sup|time|tt|u|var|video|wbr"
)
_BLOCK_TAG = re.compile(rf"</?(?:{BLOCK_ELEMENTS})(?:\s[^<>\x01]*)?/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE_ELEMENTS})(?:\s[^<>\x01]*)?/?>", re.IGNORECASE)
# The attributes of any other HTML tag left in the text (``<amp-img src="https://...">``): links
# and class names are not words of it. The tag's name stays, as any word would.
_TAG_ATTRIBUTES = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)\s+[a-zA-Z][^<>\x01]*=[^<>\x01]*>")
# The target of a Markdown link or image, after its text: ``](https://example.com/a_(b) "Title")``.
# An address has no space; it may hold parentheses in pairs (a Wikipedia link), and a title may
# follow it in quotes.
# A URL scheme (``https``, ``svn+ssh``). At most 32 characters: an address is looked for at
# every word, and a long run of letters and ``+`` or ``-`` must not be scanned once a start.
_SCHEME = r"[a-zA-Z][a-zA-Z0-9+.-]{0,31}"
_LINK_TARGET = re.compile(
    rf"\]\((?:{_SCHEME}:|www\.|/|#|\.{{1,2}}/)[^\s()\x01]*"
    r"(?:\([^\s()\x01]*\)[^\s()\x01]*)*(?:\s+\"[^\"\x01]*\")?\)"
)
# A reference mark after punctuation, as Wikipedia and its copies write them: "in 1934.[3] The";
# a numbered one wherever it stands apart from the word before it ("in 1934. [3]", "[3] Smith,
# J."), as the same mark may stand after a sentence, open a line of a copy with other breaks or
# run into the next paragraph's first word. (Not after a letter, a digit or a bracket:
# "items[3]" is code; nor before a digit: "[6]7".) The marks chained after one go with it
# ("areas.[232][233]").
_REFERENCE_MARK = re.compile(
    r"\[(?:(?<=[.,;:!?\"'”’]\[)(?:[a-z]|citation needed)\]|(?<![\w)\]]\[)\d{1,3}\](?!\d))"
    r"(?:\[(?:\d{1,3}|[a-z]|citation needed)\](?!\d))*"
)
# A link's number before its text, as text browsers number links in a dump ("the [12]council
# approved"): after a space or an opening quote or bracket, before a letter or a quote.
_LINK_NUMBER = re.compile(r"\[(?<![^\s(“\"'‘«\x01]\[)\d{1,4}\](?=[^\W\d_]|[“\"'‘«])")
# A web address written out: a scheme and ``://``, or ``www.``, at the start of a word, and what
# follows up to white space. The punctuation it ends with belongs to the sentence (``see
# https://example.com.``).
_ADDRESS_TRAIL = ".,;:!?)]}>\"'”’"  # (punctuation an address does not end with)
ADDRESS_START = rf"(?:{_SCHEME}://|www\.)"
"""How a web address written out starts: a scheme and ``://``, or ``www.`` (a pattern)."""
_ADDRESS = re.compile(
    rf"(?<![\w/.+-]){ADDRESS_START}[^\s\x01]*[^\s\x01{re.escape(_ADDRESS_TRAIL)}]"
)
# An ``http://`` or ``https://`` address run into the word or the address before it, as text
# taken from a page's paragraphs without separators runs a list of references together
# ("PMC3662288/https://www.example.org/...", "Referenceshttps://..."): it starts a word of its
# own. Not after "=", "%", "?", "&", "#", ":" or an opening quote or bracket, where an address
# holds another one (``?url=https://...``).
_GLUED_ADDRESS = re.compile(r"(?<=[^\s=%?&#:\"'(\[<{\x01\x02])(?=https?://)", re.IGNORECASE)
# ... and one that a wrap at a fixed width (or print) broke at the end of a line, the rest of it
# opening the next: one address again (see _join_address).
# Tried once a word (from its start: the first address in it, or none; possessive, atomic), so
# that a long word with many addresses in it and no line break after it costs its length once.
_ADDRESS_BROKEN = regex.compile(
    rf"(?<![^\s\x01])(?>[^\s\x01]*?(?<![\w/.+-])(?:{_SCHEME}://|www\.))[^\s\x01]*+"
    r"(?:[ \t]*+\r?\n[ \t]*+(?:[a-z0-9_%~]|[./-](?=[a-z0-9]))[^\s\x01]*+)++"  # (lines on)
)
_BREAK_IN_ADDRESS = re.compile(r"([ \t]*\r?\n[ \t]*)")  # (kept by split: the parts between)
# ... or broken inside its start ("http" ending a line, "://example.com" opening the next; "www"
# then ".example.com"), as a wrap cuts a word longer than a line anywhere: see _join_scheme.
_SCHEME_BROKEN = re.compile(r"(?<![\w/.+-])(h[tps:/]{0,7}|w{1,3})[ \t]*\r?\n[ \t]*(?=(\S{1,8}))")
# What a text holds wherever one of the two is broken across lines (searched for first: both
# patterns above try every word, or every position, of a text, and few texts hold either): a
# word with an address's start in it ("//" or "www.") at the end of a line, looked for in the
# text reversed (from each line's end, its last word read once: from each "//" forwards to its
# word's end, a long word of them cost the square of its length); the rest of "http://",
# "https://" or "www." at the start of a line.
_ADDRESS_AT_LINE_END = re.compile(r"\n\r?[ \t]*[^\s\x01]*?(?://|\.www)")  # (reversed text)
_SCHEME_REST = re.compile(r"\n[ \t]*(?:t{0,2}p?s?:?/|w{0,2}\.)")
# ... of which the rest on the next line is a slug ("tream-assets"): its characters only, a
# hyphen, an underscore or an "=" among them (looked for apart: one pattern for both would
# backtrack over every hyphen of a long run that fails at its end).
_SLUG = re.compile(r"[a-z0-9._~%#?=&/-]+")
_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")
# A drop cap on a line of its own at the start of a paragraph (after a separator): "I\nn reality".
_DROP_CAP = regex.compile(r"\x01([\"'“‘«„]?\p{Lu})\n(?=\p{Ll})")
# A word that print broke at the end of a line with a hyphen (or a soft hyphen) and went on with
# in lower case on the next, the break kept or made a space: one word again, as a copy set in
# other lines has it. Not a hyphen left hanging before a conjunction ("gender- and age-neutral",
# "one- or two-year", "Ein- und Ausgang"): the compound is finished after it.
# (The hyphen first and the letter before it looked behind at once: a search skips to hyphens.
# The two letters after it are checked for lower case by _join_broken.)
_BROKEN_TAIL = (
    r"(?:[ \t]*\r?\n[ \t]*|[ \t]+)(?=([^\W\d_]{2}))"
    r"(?!(?:and|or|nor|to|und|oder|bis|et|ou|en|of|ed|od)\b)"
)
_BROKEN_WORD = re.compile(rf"[-\u2010\u00ad](?<=[^\W\d_].){_BROKEN_TAIL}")
# ... for text with no other hyphen than "-": a pattern that opens with one character, which a
# search finds by a plain scan for it (a set of three is tested character by character: five
# times the time on the corpus's documents).
_BROKEN_AT_HYPHEN = re.compile(rf"-(?<=[^\W\d_]-){_BROKEN_TAIL}")
# The invisible format characters that cleaning drops (remove_invisible): a soft hyphen, a
# zero-width space, a word joiner, a byte order mark, bidirectional controls.
_INVISIBLE = re.compile(f"[{INVISIBLE_FORMAT}]")
# Folding run by run costs a regex match and a dict lookup per run; once this many runs have come
# at least one per ``_DENSE_CHARS`` characters, the rest of the text is folded at once.
_DENSE_AFTER = 32
_DENSE_CHARS = 8

# ASCII fast path: one C-level table lookup per byte maps letters to lower case, sentence ends to
# the end mark and everything else but digits and the paragraph separator to a space.
_ASCII_TABLE = bytes(
    (b | 0x20) if chr(b).isalpha()
    else b if chr(b).isdigit() or b == 1
    else 2 if chr(b) in ".!?"
    else 0x20
    for b in range(128)
) + bytes(128)  # fmt: skip
# The same for UTF-8 text whose non-ASCII characters are all letters or digits: their bytes stay.
_UTF8_TABLE = _ASCII_TABLE[:128] + bytes(range(128, 256))

# A comma that groups the thousands of a number ("1,250", "2,000,000"): one copy of a text may
# print "1250" where another prints "1,250", one number either way, not two. (A comma between a
# digit and three more: "1,2,3" and "1, 250" keep theirs; so does "3,5", a decimal comma. Digits
# may follow the three, as where a copy runs a paragraph ending in "$144,564" into a row that
# starts with "2": "1445642" then reads as the two run together, "144564" and "2". The comma
# first, for the search's sake.)
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3})")
# Typographic punctuation common in news text, replaced first so that most paragraphs still take
# the ASCII fast path.
_TYPOGRAPHY = (
    ("\u2019", " "),
    ("\u2018", " "),
    ("\u02bc", " "),  # the modifier letters that stand for an apostrophe (ʼ ʻ ʹ ʽ): letters to
    ("\u02bb", " "),  # Unicode, so a copy written with them would otherwise have other words
    ("\u02b9", " "),
    ("\u02bd", " "),
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
    if any(text[:1] in _LABEL_FIRST for text in texts):
        texts = [
            _CAPTION_LABEL.sub("", text, count=1) if text[:1] in _LABEL_FIRST else text
            for text in texts
        ]
    raw = _SEP.join(texts)
    if _END in raw or raw.count(_SEP) != len(texts) - 1:
        raw = _SEP.join(t.replace(_END, " ").replace(_SEP, " ") for t in texts)
    if "\\" in raw:
        raw = _read_escapes(raw)
    if "<" in raw:
        raw = _without_markup(raw)
    if "\n" in raw:
        raw = _DROP_CAP.sub("\x01\\1", _SEP + raw)[1:]
    raw = _join_broken_words(raw)
    if not raw.isascii():  # (before web addresses are read: "www\u00ad.example.com")
        raw = _INVISIBLE.sub("", raw)
    if "[" in raw:
        if "](" in raw:
            raw = _LINK_TARGET.sub("] ", raw)
        raw = _LINK_NUMBER.sub(" ", _REFERENCE_MARK.sub(" ", raw))
    if "\n" in raw:  # (an address broken across lines)
        if _SCHEME_REST.search(raw):
            raw = _SCHEME_BROKEN.sub(_join_scheme, raw)
        if ("//" in raw or "www." in raw) and _ADDRESS_AT_LINE_END.search(raw[::-1]):
            raw = _ADDRESS_BROKEN.sub(_join_address, raw)
    if "://" in raw or "www." in raw:
        if "://" in raw:
            raw = _GLUED_ADDRESS.sub(" ", raw)
        raw = _ADDRESS.sub(_address_word, raw)
    if "," in raw:
        raw = _THOUSANDS.sub("", raw)
    for old, new in _TYPOGRAPHY:
        if old in raw:
            raw = raw.replace(old, new)
    if raw.isascii():  # most documents, once typography is folded: work on bytes
        data = _tidy(raw.encode("ascii").translate(_ASCII_TABLE))
        text = data.decode("ascii")
        return text.replace(_END, " ").split(_SEP), data.replace(b"\x01", b"")
    # Fold the runs of non-ASCII characters (NFKC and case, then every one that is not a letter
    # or a digit becomes a space or a sentence end); the bytes of the result go through the
    # ASCII table, non-ASCII bytes unchanged.
    data = _tidy(_fold_non_ascii(raw).encode("utf-8").translate(_UTF8_TABLE))
    text = data.decode("utf-8")
    return text.replace(_END, " ").split(_SEP), text.replace(_SEP, "")


def _join_broken_words(raw: str) -> str:
    """``raw`` with each word broken at a line's end by a hyphen one word again
    (:data:`_BROKEN_WORD`).

    >>> _join_broken_words("a well-\\nknown, gender- and age-neutral pro\\u00ad gram")
    'a wellknown, gender- and age-neutral program'
    """
    broken = _BROKEN_WORD if "\u2010" in raw or "\u00ad" in raw else _BROKEN_AT_HYPHEN
    return broken.sub(_join_broken, raw)


def _join_broken(match: re.Match[str]) -> str:
    """For :data:`_BROKEN_WORD`: nothing where the line goes on in lower case (a broken word),
    else the match as it is."""
    return "" if match.group(1).islower() else match.group()


def _without_markup(raw: str) -> str:
    """``raw`` (paragraphs joined by separators) without HTML tags, as the module says.

    >>> _without_markup('<p>The <a href="/x">vote</a>.</p>\\x01See <b>bold</b>, <x-y z="1">')
    ' . The  vote . . \\x01See <b>bold</b>, <x-y>'
    """
    parts = raw.split(_SEP)
    for n, part in enumerate(parts):
        if "<" not in part:
            continue
        start = part.lstrip()
        if _BLOCK_TAG.match(start) or _INLINE_TAG.match(start):
            part = _INLINE_TAG.sub(" ", _BLOCK_TAG.sub(" . ", part))
        if "=" in part:
            part = _TAG_ATTRIBUTES.sub(r"<\1>", part)
        parts[n] = part
    return _SEP.join(parts)


def _join_address(match: regex.Match[str]) -> str:
    """For :data:`_ADDRESS_BROKEN`: a web address broken at the end of a line joined to the
    rest of it on the next (which opens with a lower-case letter or a digit, or a ``.``, ``/``
    or ``-`` before one), when the part before ends where an address does not end (a hyphen,
    an underscore, a query's ``=`` or ``&``, its scheme alone), or the rest holds a ``/`` (its
    path going on) or is a slug (``tream-assets``, the end of a long one cut anywhere), and is
    no address of its own; and so on, line after line. Else the rest as it is: a sentence may
    go on after an address.

    >>> _ADDRESS_BROKEN.sub(_join_address, "at https://example.com/news/city-\\nhall-vote.")
    'at https://example.com/news/city-hall-vote.'
    >>> _ADDRESS_BROKEN.sub(_join_address, "at https://example.com/ne\\nws/2026/city-ha\\nll-vote")
    'at https://example.com/news/2026/city-hall-vote'
    >>> _ADDRESS_BROKEN.sub(_join_address, "at https://example.com/news\\nand then")
    'at https://example.com/news\\nand then'
    """
    pieces = _BREAK_IN_ADDRESS.split(match.group())  # (the address's parts and the breaks)
    head = pieces[0]
    for n in range(2, len(pieces), 2):
        if not _goes_on(head, pieces[n]):
            return head + "".join(pieces[n - 1 :])
        head += pieces[n]
    return head


def _join_scheme(match: re.Match[str]) -> str:
    """For :data:`_SCHEME_BROKEN`: the start of a web address at the end of a line joined to
    the rest on the next, when the two make ``http://``, ``https://`` or ``www.``; else the
    match as it is (a word "h" or "www" ending a line).

    >>> [_SCHEME_BROKEN.sub(_join_scheme, t) for t in ("(https:/\\n/a.com)", "http\\n://a.com")]
    ['(https://a.com)', 'http://a.com']
    >>> [_SCHEME_BROKEN.sub(_join_scheme, t) for t in ("www\\n.a.com", "h\\nhttps://a.com")]
    ['www.a.com', 'h\\nhttps://a.com']
    """
    head, rest = match.group(1), match.group(2)
    for start in ("http://", "https://", "www."):
        if len(head) < len(start) and (head + rest).startswith(start):
            return head
    return match.group()


def _goes_on(head: str, part: str) -> bool:
    """Whether ``part``, opening a line, is the rest of the address ``head`` that ends the line
    before (see :func:`_join_address`)."""
    if head.endswith(("://", "www.")):
        return True  # (nothing of it but its start)
    if "://" in part or part.startswith("www."):
        return False  # (an address of its own)
    if head[-1] in "-_=&?#%" or "/" in part:
        return True
    rest = part.rstrip(_ADDRESS_TRAIL)
    return _SLUG.fullmatch(rest) is not None and any(c in rest for c in "-_=")


def is_address(word: str) -> bool:
    """Whether a word of the canonical form is a web address (:func:`_address_word`): a ``0``,
    then a letter.

    >>> is_address("0examplecomnewsa1"), is_address("007"), is_address("0"), is_address("news")
    (True, False, False, False)
    """
    return len(word) > 1 and word[0] == "0" and word[1].isalpha()


def without_addresses(canonical: str) -> str | None:
    """Canonical text without its web addresses (:func:`is_address`), or ``None`` when it holds
    none.

    >>> without_addresses("the bridge 0examplecomnewsa1 opened"), without_addresses("it opened")
    ('the bridge opened', None)
    """
    if not (canonical.startswith("0") or " 0" in canonical):
        return None
    addresses = [m.span() for m in _ZERO_WORD.finditer(canonical) if is_address(m.group())]
    if not addresses:
        return None
    bounds = [0, *(at for span in addresses for at in span), len(canonical)]
    pieces = (canonical[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return " ".join(" ".join(pieces).split())


_ZERO_WORD = re.compile(r"(?<![^ ])0[^ ]+")  # a word of canonical text that starts with 0


def _address_word(match: re.Match[str]) -> str:
    """A web address as one word: the letters and digits of its host and path (``www.`` and
    letter case aside), and a final ``0``, so that two addresses, like two numbers, never differ
    by a typo.

    >>> _ADDRESS.sub(_address_word, "Read it at https://www.Example.com/news/a-1?utm_source=x.")
    'Read it at  0examplecomnewsa1 .'
    >>> _ADDRESS.search("or at example.com/news/a-1#top") is None  # (no scheme, no www.)
    True
    """
    address = match.group().split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    word = _NOT_WORD.sub("", address.lower().removeprefix("www."))
    return f" 0{word} " if word else " "


def _break(escape: re.Match[str]) -> str:
    """A line break escape ends a sentence (lines of an ``articleBody``: a heading, then a
    paragraph); a tab escape is a space."""
    return " " if escape.group().endswith("t") else " . "


def _read_escapes(text: str) -> str:
    """``text`` with each line break escape a sentence end, each tab escape a space and each
    ``\\uXXXX`` escape the character
    it stands for, or a space if that is not printable (a control character, half a surrogate
    pair: none is a letter, and none may pass for a separator). All the ``\\uXXXX`` escapes are
    decoded at once (a JSON-LD copy of text in another script holds one a letter).

    >>> _read_escapes(r"Don\\u2019t panic.\\n\\nSo \\u0434\\\\u0430\\u0000\\ud83d.\\tEnd")
    'Don’t panic. .  . So да  . End'
    """
    parts = _UNICODE_ESCAPE.split(_BREAK_ESCAPE.sub(_break, text))
    if len(parts) == 1:
        return parts[0]
    units = bytes.fromhex("0000" + "0000".join(parts[1::2]))  # as UTF-32: surrogates unpaired
    chars = units.decode("utf-32-be", "surrogatepass")
    if not chars.isprintable():
        chars = "".join(char if char.isprintable() else " " for char in chars)
    parts[1::2] = chars
    return "".join(parts)


def _fold_non_ascii(text: str) -> str:
    """``text`` with each run of non-ASCII characters in its canonical form, ASCII as it is.

    Equal, once ASCII is lower-cased, to folding the whole text (NFKC, case folding, then
    non-ASCII punctuation to spaces or sentence ends), at a fraction of the cost: a document
    holds a few distinct runs ("é", "©", a CJK sentence), each folded once. A run that starts
    with a combining mark takes the ASCII character before it, which NFKC may compose with it.
    Text with a run every few characters (Cyrillic, Greek, Arabic: a run per word) costs less
    folded whole: past :data:`_DENSE_AFTER` runs, if they come that densely, the rest is.

    >>> _fold_non_ascii("Ｆｕｌｌ-width Cafe\u0301 ©2026")
    'full-width Cafe  2026'
    """
    pieces: list[str] = []
    folded: dict[str, str] = {}
    done = 0
    for count, run in enumerate(_NON_ASCII_RUN.finditer(text)):
        start, end = run.span()
        if count >= _DENSE_AFTER and count * _DENSE_CHARS > start:
            # (the split falls before an ASCII character, which nothing composes with)
            pieces.append(_fold(text[done:]))
            return "".join(pieces)
        if start > done and _combining(text[start]):
            start -= 1
        pieces.append(text[done:start])
        chars = text[start:end]
        fold = folded.get(chars)
        if fold is None:
            fold = folded[chars] = _fold(chars)
        pieces.append(fold)
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _fold(text: str) -> str:
    """NFKC and case folding, without diacritics and optional marks, then non-ASCII punctuation
    to spaces or sentence ends, and each character of an unspaced script a word of its own."""
    fold = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    fold = unicodedata.normalize("NFC", _OPTIONAL_MARKS.sub("", fold))
    fold = _NON_ASCII_NON_WORD.sub(" ", _NON_ASCII_END.sub(".", fold))
    if not _MAYBE_UNSPACED.search(fold):  # (Latin, Greek, Cyrillic, Arabic...: none)
        return fold
    return _UNSPACED.sub(r" \g<0> ", fold)


def _combining(char: str) -> bool:
    """Whether ``char`` is, or NFKC makes it, a combining mark (half-width ﾞ is U+3099)."""
    return bool(
        unicodedata.combining(char) or unicodedata.combining(unicodedata.normalize("NFKC", char)[0])
    )


def _tidy(folded: bytes) -> bytes:
    r"""Words separated by one space or one end mark, nothing at a paragraph's edges.

    ``folded`` holds word bytes, spaces, end marks and paragraph separators. Each run of spaces
    and end marks between two words becomes one end mark if it holds one, else one space; runs
    next to a separator or at either end go.

    >>> _tidy(b" the  council\x02 \x02met \x01\x02 on tuesday ")
    b'the council\x02met\x01on tuesday'
    """
    if len(folded) < _SHORT_TIDY:
        return _tidy_short(folded)
    return _tidy_arrays(folded)


_SHORT_TIDY = 512
"""Bytes below which :func:`_tidy` works with patterns on each paragraph: the array operations
cost about 20 µs a call whatever the length (a speaker's name, a page of four lines), the
patterns about 1 µs for a few words, and as much as the arrays at about 900 bytes."""
_END_RUN = re.compile(rb" *\x02[ \x02]*")  # a run of spaces and end marks that holds one
_SPACE_RUN = re.compile(rb"  +")


def _tidy_short(folded: bytes) -> bytes:
    """:func:`_tidy` a paragraph at a time: its edges stripped, each run holding an end mark one
    end mark, each other run one space."""
    return b"\x01".join(
        _SPACE_RUN.sub(b" ", _END_RUN.sub(b"\x02", paragraph.strip(b" \x02")))
        for paragraph in folded.split(b"\x01")
    )


def _tidy_arrays(folded: bytes) -> bytes:
    """:func:`_tidy` with array operations over the bytes: no per-word work."""
    a = np.frombuffer(folded, dtype=np.uint8)
    if not a.size:
        return folded
    gap = (a == 0x20) | (a == 2)
    g = gap.view(np.int8)
    edge = np.empty(a.size + 1, dtype=np.int8)  # +1 where a run starts, -1 after it ends
    edge[0], edge[-1] = g[0], -g[-1]
    np.subtract(g[1:], g[:-1], out=edge[1:-1])
    starts, ends = (edge == 1).nonzero()[0], (edge == -1).nonzero()[0]  # runs [start, end)
    word = ~gap & (a != 1)
    between = (starts > 0) & (ends < a.size)
    between[between] = word[starts[between] - 1] & word[ends[between]]
    marks = np.zeros(a.size + 1, dtype=np.int64)
    (a == 2).cumsum(out=marks[1:])
    one = ends[between] - 1  # the run's last byte stands for it
    keep = word | (a == 1)
    keep[one] = True
    out = a.copy()
    out[one] = np.where(marks[ends[between]] > marks[starts[between]], 2, 0x20)
    tidy: bytes = out[keep].tobytes()
    return tidy


def without_tags(text: str) -> str:
    """``text`` with its HTML block and inline tags (those canonical forms drop) as spaces.

    >>> without_tags('<p><a href="/x">The</a> vote.</p>').split()
    ['The', 'vote.']
    """
    return _INLINE_TAG.sub(" ", _BLOCK_TAG.sub(" ", text)) if "<" in text else text


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
