"""Segmentation: split a document into paragraphs with their character spans.

Three layouts are recognised, and mixtures of them:

* paragraphs separated by blank lines;
* one paragraph per line, with no blank lines (long lines);
* hard-wrapped text, whose paragraphs are blocks of short lines of similar width: the lines of
  such a block are one paragraph.

A line belongs to the previous one (hard wrap) when the block's longest line is at most
:data:`WRAP_WIDTH` characters, the line before it fills at least 60% of that width and is at least
25 characters long, the line does not start with a list marker (a star, dash or plus right before
a word is none: ``**bold**``, ``-5``), and the line before does not end
a sentence (or the line starts in lower case; a line that is only a web address starts a
sentence in no case, and after one a line goes on unless it starts with a capital or an
opening quote); lines of Chinese or Japanese are never joined (a
line a paragraph is far commoner than wrapped text there, and nothing marks a wrap). A sentence
ends in ``.!?:;…`` (or a closing quote or bracket), the Chinese and Japanese stops, the danda of
Hindi and its neighbours, or the Arabic question mark or Urdu full stop; a comma before a closing
quote (``,”``) ends none. A line that ends in a block element's closing tag (``</p>``, ``</li>``)
or a ``<br>`` ends its paragraph, in every layout.

In a block of prose wrapped at its width, a line that ends a sentence ends no paragraph (about one
line in twenty of wrapped prose does), a line that starts like a list item in the middle of a
sentence (a dash, or a number and a full stop) is none, and a short line ends no paragraph if the
next line's first word (a long link) would not have fitted on it. Such a block has a full line
(the next line's first word would not have fitted on it) wherever it has one long enough to
continue, but for one in ten at most (a wrapper keeps words joined by a no-break space together,
which cleaning makes a plain space), and two lines in three at least are full; at most a third of
its full lines end a sentence, and at least a third of the lines after them start in lower case. A
list of items of similar length, or code, is otherwise. The width of wrapped prose leaves out
lines of one word (a long link), which no wrapper can break.

A paragraph that repeats itself, as a page whose white space was collapsed into one line does
when it holds its body twice (a last stretch of its words that says the text right before it
again, run by run of four words; or sentences in a row that stand in that order earlier in it,
three or more, of 40 words or more together), is split where its copy starts: the text before
it one paragraph, then a paragraph a sentence, up to the copy's end (:data:`RUN_TOGETHER_CHARS`).

A block of lines that is one JSON object or array printed a key a line (JSON-LD that a site
pretty-printed, maybe in its ``<script>`` tag), holding a string of :data:`JSON_TEXT_WORDS` words
or more, is one paragraph: structured data, which matching sets aside. So are the blocks from one
that opens a JSON object to a later one that closes it, when its strings hold raw line breaks
(an ``articleBody`` printed with its paragraph breaks unescaped).

A drop cap that a scraper set on a line of its own (the capital "I", then "n reality, the
council ...") belongs to the line after it, in every layout.

Every line terminator is understood (``\\n``, ``\\r\\n``, ``\\r``, form feed, NEL, U+2028); U+2029
PARAGRAPH SEPARATOR always ends a paragraph. Spans exclude the white space around a paragraph.

>>> [p.text for p in split_paragraphs("One.\\n\\nTwo.\\r\\nThree.\\n")]
['One.', 'Two.', 'Three.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise

import regex

from textclean.canonical import ADDRESS_START, BLOCK_ELEMENTS, canonical_paragraphs, word_count
from textclean.results import Paragraph
from textclean.structured import holds_text, object_across, opens_json

__all__ = ["JSON_TEXT_WORDS", "LIST_MARKER", "RUN_TOGETHER_CHARS", "WRAP_WIDTH", "split_paragraphs"]

WRAP_WIDTH = 100
"""Blocks whose longest line is longer than this are one paragraph per line."""
RUN_TOGETHER_CHARS = 800
"""Paragraphs this long or longer that repeat runs of their own sentences are split where the
copy starts (a page whose white space was collapsed, with its body twice on one line)."""
_REPEATED_RUN = 3  # sentences in a row that stand in that order earlier in the paragraph ...
_REPEATED_WORDS = 40  # ... such runs in a row holding this many words or more together
_SHIFTED = 2  # sentences more or fewer that a copy may have before its first such run
_FILLED = 0.9  # the share of the distance back that runs in a row fill, in a copy repeated ...
_MOST_COPIES = 4  # ... in a paragraph of at most this many times that distance
# A copy told word by word (see _word_copy_parts): runs of this many words ...
_SHINGLE = 4
_COVERED = 0.8  # ... this share of them standing as far back as the copy is long ...
_DRIFT = 2  # ... give or take this many words (a word added or dropped) ...
_GAP = 16  # ... at most this many words apart (an edit or two between them) ...
_COPY_WORDS = 40  # ... in a stretch of this many words or more ...
_COPY_SHARE = 0.3  # ... and this share of the paragraph's words or more
_PIECE_WORDS = 30  # (its sentences longer than twice this cut in pieces of this many words)
_FIRST_HERE = 0.5  # (the share of the copy's runs that stand first in the text it copies)
_PROBE_CHARS = 24  # (the stretches of a paragraph looked for earlier in it first)
# Where a sentence ends inside a paragraph: a full stop, question or exclamation mark (an
# ellipsis), maybe closing quotes or brackets, white space, and a capital letter, a digit or
# an opening quote or bracket; the same after a word, with no space before a capitalised word
# (paragraphs run together without one: "...the supports.The council..."); or a Chinese or
# Japanese stop, before anything.
_SENTENCE_BREAK = regex.compile(
    r"[.!?…][\"'”’»)\]]*\K\s+(?=[\p{Lu}\p{N}\"'“‘«(\[¿¡])"
    r"|(?<=\p{Ll}\p{Ll})[.!?][\"'”’»)\]]*\K(?=\p{Lu}\p{Ll})"
    r"|[。！？][」』”）]*\K\s*(?=\S)"
)  # (the ends matched, not looked behind for: a search skips to them; \K starts the break)
# The start of a line of data or markup: a JSON object or array, an HTML tag.
_DATA_START = re.compile(r'[{<]|\[\s*[{\["]')

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# A run of lines that are not blank: it starts at a non-space character, and each further line
# holds one. Linear: every character is looked at a bounded number of times.
_BLOCK = re.compile(r"\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")
# A line without the white space around it (a block's lines are never blank).
_STRIPPED_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_OTHER_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # (each a fast substring search)
# (A dash, star or plus right before a word is none: "**in** deadly", "*Note*", "-5 degrees".)
LIST_MARKER = re.compile(r"[-*+](?!\*?\w)|[•·▪◦‣–—>#|]|\d{1,3}[.)]\s|[a-zA-Z][.)]\s")
"""What opens a list's item on a line: a bullet, a number or a letter and a stop."""
_SENTENCE_END = re.compile(r"[.!?:;…。！？।॥؟۔\"'”’»)\]]$")  # (Hindi's danda, Arabic's ؟, Urdu's ۔)
_CLAUSE_QUOTE = re.compile(r",[\"'”’»]+$")  # a quotation going on: "..., ” he said"
# Markup that ends a paragraph at the end of a line: a block element's closing tag, or a break.
_BLOCK_END = re.compile(rf"(?:</(?:{BLOCK_ELEMENTS})|<br\s*/?)\s*>$", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"\w+")  # (words as a copy told word by word compares them)
# A line that is only a web address (a list of links, or a link under the sentence it ends).
_BARE_ADDRESS = re.compile(rf"{ADDRESS_START}\S+[^\S\n]*(?:\n|$)", re.IGNORECASE)
_OPENING_QUOTES = "\"'“‘«„"
_OPENING_SIGNS = _OPENING_QUOTES + "([{¿¡$£€#@"  # (signs that open a word)
# A character of Chinese or Japanese (CJK ideographs, kana). Only these: other scripts without
# spaces (Thai, Khmer: words of the canonical form, see textclean.canonical) wrap like others.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split ``text`` into paragraphs, each with its index and ``[start, end)`` span.

    >>> doc = ("The first paragraph of this example\\nhas been wrapped at a narrow width\\n"
    ...        "over three lines.\\n\\nA second one.")
    >>> [(p.index, p.text.count("\\n")) for p in split_paragraphs(doc)]
    [(0, 2), (1, 0)]
    >>> split_paragraphs("   \\n\\n")
    ()
    """
    if not any(brk in text for brk in _OTHER_BREAKS):  # the common case: only \n breaks lines
        return _split_repeats(text, _split_blocks(text))
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, int]] = []  # stripped (start, end) of the lines of the current block
    for start, end, hard in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if stripped:
            lead = start + len(line) - len(line.lstrip())
            block.append((lead, lead + len(stripped)))
            if not hard:
                continue
        _flush(text, block, paragraphs)
    _flush(text, block, paragraphs)
    return _split_repeats(text, tuple(paragraphs))


def _split_repeats(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """``paragraphs`` with each one that repeats itself split where its copy starts.

    A page whose white space was collapsed (one line for the whole text, or a title and then
    one line) may hold the body twice in one paragraph. Such a paragraph, at least
    :data:`RUN_TOGETHER_CHARS` characters long, in which :data:`_REPEATED_RUN` sentences in a
    row stand in the same order earlier in it, such runs in a row (or as far back, a sentence
    apart) holding :data:`_REPEATED_WORDS` words or more together (short sentences take more
    runs than long ones), compared on their canonical form, is split: the text before its
    copy (as far back from the first such run as its earlier place is from the paragraph's
    start: an edited sentence may open the copy) stays one paragraph, and each sentence from
    there on is one, so that the copy goes sentence by sentence, edited ones too, while
    sentences the body itself says twice (a section's template) stay in it. The text after
    the last such run is one paragraph again if it is longer than the stretch before it (the
    body after a teaser of its first paragraphs); shorter, it is the copy's end, maybe edited.
    Each part left whole is split again in turn if it repeats itself (as a second run on the
    output would find it alone).

    The copy's runs all stand as far back as it starts (a sentence or two more or fewer past
    an edit): the distance whose runs hold the most words places it, and those runs must hold
    more than half of the words of all runs said again. Blocks the body says again at other
    distances (a section's template, a blurb that a listing repeats under several events) do
    not place it; a paragraph whose runs stand at many distances, none holding most of them, is
    no page with its text twice (an ``articleBody`` copy of such a listing, matched whole). A
    sentence or two said again (a refrain, a quote) is no copy, and leaves the paragraph whole;
    so is a line of data or markup (a JSON-LD object, HTML), which is matched as a whole.
    """
    split = {
        p.index: parts
        for p in paragraphs
        if p.end - p.start >= RUN_TOGETHER_CHARS and (parts := _repeat_parts(p)) is not None
    }
    if not split:
        return paragraphs
    spans = [span for p in paragraphs for span in split.get(p.index, [(p.start, p.end)])]
    return tuple(Paragraph(n, a, b, text[a:b]) for n, (a, b) in enumerate(spans))


def _repeat_parts(paragraph: Paragraph) -> list[tuple[int, int]] | None:
    """The spans of the parts of ``paragraph`` if it repeats itself (its text before the copy,
    each sentence of the copy, maybe the text after it: see :func:`_split_repeats`), else
    ``None``.

    >>> sentence = "The {} report runs to twelve long pages of plain words and many figures."
    >>> names = "first second third fourth fifth last".split()
    >>> body = " ".join(sentence.format(name) for name in names)
    >>> text = f"Title. {body} {body} The end."
    >>> [text[a:b][:10] for a, b in _repeat_parts(Paragraph(0, 0, len(text), text))]
    ['Title. The', 'The last r', 'The first ', 'The second', 'The third ', 'The fourth', \
'The fifth ', 'The last r', 'The end.']
    """
    body = paragraph.text
    if len(body) < RUN_TOGETHER_CHARS or _DATA_START.match(body):
        return None
    parts = _word_copy_parts(paragraph)
    if parts is not None:
        return parts
    spans = _sentence_spans(body, 0, len(body))
    return _sentence_copy_parts(paragraph, spans) if len(spans) >= 2 * _REPEATED_RUN else None


def _sentence_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the sentences of ``body[start:end]`` (see :data:`_SENTENCE_BREAK`)."""
    spans: list[tuple[int, int]] = []
    for brk in _SENTENCE_BREAK.finditer(body, start, end):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, end))
    return spans


def _sentence_copy_parts(
    paragraph: Paragraph, spans: list[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """:func:`_repeat_parts` told by runs of sentences said again (``spans``, the paragraph's
    sentences)."""
    body = paragraph.text
    sentences = [body[a:b] for a, b in spans]
    # (white space aside: a hard-wrapped paragraph breaks its copy's lines elsewhere)
    if len({" ".join(s.split()).casefold() for s in sentences}) == len(sentences):
        return None  # (no sentence said twice: no copy, and no canonical forms to work out)
    canonical = canonical_paragraphs(sentences)[0]
    first: dict[tuple[str, ...], int] = {}
    shifts: dict[int, int] = {}  # (runs that stand earlier: where each starts, how far back)
    for n in range(len(spans) - _REPEATED_RUN + 1):
        earlier = first.setdefault(tuple(canonical[n : n + _REPEATED_RUN]), n)
        if earlier < n:
            shifts[n] = n - earlier
    # Such runs in a row are a copy if their sentences have the words together (short
    # sentences take more runs in a row than long ones); so are runs as far back, a sentence
    # apart (an edited sentence, which no run holding it stands earlier, between them).
    words = list(map(word_count, canonical))
    rows: list[list[int]] = []
    for n in sorted(shifts):
        if rows and (
            n - rows[-1][-1] == 1
            or (n - rows[-1][-1] <= _REPEATED_RUN + 1 and shifts[n] == shifts[rows[-1][-1]])
        ):
            rows[-1].append(n)
        else:
            rows.append([n])
    rows = [row for row in rows if sum(words[row[0] : row[-1] + _REPEATED_RUN]) >= _REPEATED_WORDS]
    if not rows:
        return None
    # The copy is of the text from the start, so its runs stand as far back as it starts (a
    # sentence or two more or fewer past an edit): the shift whose runs hold the most words.
    # Blocks that the text says again elsewhere (a blurb repeated through a listing) stand
    # at other distances, and make no copy unless they hold most of what would be one.
    by_shift: dict[int, list[int]] = defaultdict(list)
    for n, shift in shifts.items():
        by_shift[shift].append(n)

    def held(shift: int) -> set[int]:  # (the sentences of the runs as far back as ``shift``)
        near = (
            n for s in range(shift - _SHIFTED, shift + _SHIFTED + 1) for n in by_shift.get(s, ())
        )
        return {m for n in near for m in range(n, n + _REPEATED_RUN)}

    longest: dict[int, int] = {}  # (the most sentences runs in a row fill, at each distance)
    for row in rows:
        filled = row[-1] + _REPEATED_RUN - row[0]
        longest[shifts[row[0]]] = max(longest.get(shifts[row[0]], 0), filled)

    def times(shift: int) -> int:  # (how many copies as far back again, and again, may stand:
        # one, unless runs in a row fill the distance they stand back in a paragraph a few
        # times that long, as the body printed three or four times over does; not a section's
        # template repeated under each of many sections, or a listing's blurb, between lines
        # of their own)
        most = len(spans) // shift
        near = range(shift - _SHIFTED, shift + _SHIFTED + 1)
        filled = any(_FILLED * shift <= longest.get(s, 0) for s in near)
        return most if filled and most <= _MOST_COPIES else 1

    def copies(shift: int) -> set[int]:  # (the sentences of the copy's runs, and later ones')
        return set().union(*(held(k * shift) for k in range(1, times(shift) + 1)))

    weights = {s: sum(words[m] for m in copies(s)) for s in sorted({shifts[r[0]] for r in rows})}
    shift = max(weights, key=weights.__getitem__)  # (the first of equals)
    held_all = {m for n in shifts for m in range(n, n + _REPEATED_RUN)}
    # (the runs as far back as the copy, or as a later copy of it)
    most = times(shift)
    rows = [row for row in rows if _near_multiple(shifts[row[0]], shift, most)]
    cut = _copy_start(canonical, shifts[rows[0][0]])
    end = rows[-1][-1] + _REPEATED_RUN
    if 2 * weights[shift] <= sum(words[m] for m in held_all):
        return None  # (runs said again here and there: a listing's blurbs, no copy)
    offset = paragraph.start
    parts = _again(paragraph, 0, spans[cut - 1][1])
    if len(spans) - end <= end - cut:  # (a copy's end, maybe edited)
        end = len(spans)
    parts += [(offset + a, offset + b) for a, b in spans[cut:end]]
    if end < len(spans):  # (more text after the last repeated run than in the copy: a body
        # after a teaser of it, whole again)
        parts += _again(paragraph, spans[end][0], spans[-1][1])
    return parts


def _word_copy_parts(paragraph: Paragraph) -> list[tuple[int, int]] | None:
    """:func:`_repeat_parts` told word by word, for a copy whose sentences no run of them
    tells (a table's rows or a list run into one sentence, headings run into the next one, a
    typo in one sentence in three): the paragraph's last stretch of :data:`_COPY_SHARE` of its
    words or more whose runs of :data:`_SHINGLE` words stand, most of them, as far back as
    the stretch is long (the text right before it, a word or two more or fewer past an edit).
    The text before it is one paragraph; the copy is cut into its sentences, a long one into
    pieces (:func:`_pieces`).

    >>> rows = " ".join(f"| {n} | Pier {n} | {n * 7} m |" for n in range(1, 40))
    >>> text = f"Harbour piers {rows} {rows.replace('Pier 9 ', 'Peir 9 ')}"
    >>> parts = [text[a:b] for a, b in _word_copy_parts(Paragraph(0, 0, len(text), text))]
    >>> parts[0] == f"Harbour piers {rows}", len(parts), parts[1][:20], parts[-1][-20:]
    (True, 13, '| 1 | Pier 1 | 7 m |', ' | Pier 39 | 273 m |')
    """
    body = paragraph.text
    probes = _said_again(body)
    if not probes:
        return None
    folded = body.casefold()
    if len(folded) != len(body):  # (a letter that folds to two, "ß": the places would differ)
        folded = "".join(c if len(f := c.casefold()) != 1 else f for c in body)
    found = [(m.start(), m[0]) for m in _LETTERS.finditer(folded)]
    n = len(found)
    if n < 2 * _COPY_WORDS:
        return None
    places = [place for place, _ in found]
    words = [word for _, word in found]
    for at, earlier in probes:  # (the last first)
        j = bisect_left(places, at)  # (the word the probe starts with)
        stretch = _copied_stretch(words, j, j - bisect_left(places, earlier))
        if stretch is not None:
            break
    else:
        return None
    cut, stop = _copy_span(body, places, words, *stretch)
    offset = paragraph.start
    parts = _again(paragraph, 0, len(body[:cut].rstrip()))
    parts += [
        (offset + a, offset + b)
        for sentence in _sentence_spans(body, cut, stop)
        for a, b in _pieces(body, *sentence)
    ]
    if body[stop:].strip():
        parts.append((offset + stop + len(body[stop:]) - len(body[stop:].lstrip()), paragraph.end))
    return parts


def _copy_span(
    body: str, places: list[int], words: list[str], start: int, end: int, back: int
) -> tuple[int, int]:
    """Where in ``body`` the copy that :func:`_copied_stretch` found (its words ``start`` to
    ``end``, as far back as ``back`` at its start) is cut out: from its first word, or the
    sentence that opens beside it, with the signs that open it; to its last sentence's end,
    or the paragraph's if little is left after it."""
    n = len(words)

    # A typo in the copy's first words: the words before its first run that stand as far
    # back, two in a row (one is chance: "Essay" ends the body and the title), past one that
    # does not (the typo).
    def same(k: int) -> bool:
        return k > back and words[k] == words[k - back] and words[k - 1] == words[k - 1 - back]

    while same(start - 1) or (start - 1 > back and same(start - 2)):
        start -= 1

    def after(k: int) -> int:  # (where word k ends)
        return places[k] + len(words[k])

    cut, stop = places[start], after(end - 1)
    # (or from the sentence that starts a word or two before it, a typo there; or after it,
    # where the copy's first run opens with the word before the copy that ends both the text
    # before it and the title before what it copies)
    near = (places[max(start - _SHINGLE + 1, 0)], after(min(start + _SHINGLE - 1, end) - 1))
    opening = [brk.end() for brk in _SENTENCE_BREAK.finditer(body, *near)]
    if opening:
        cut = min(opening, key=lambda at: abs(at - cut))
    while cut and body[cut - 1] in _OPENING_SIGNS:  # (a quote or a currency's sign before it)
        cut -= 1
    # (and signs on their own before it, as before the text it copies: a table's "|")
    sign = _sign_before(body[after(start - back - 1) if start > back else 0 : places[start - back]])
    if sign and _sign_before(body[after(start - 1) : cut]) == sign:
        cut = body.rindex(sign, 0, cut)
    while stop < len(body) and not body[stop].isspace() and not body[stop].isalnum():
        stop += 1  # (its stop, a closing quote or bracket)
    if n - end <= end - start:  # (its last words, maybe edited, and the signs after them)
        return cut, len(body)
    # (not the first words of the sentence after it, which the text copied runs into)
    ends = [brk.start() for brk in _SENTENCE_BREAK.finditer(body, places[end - _SHINGLE], stop)]
    return cut, ends[-1] if ends else stop


def _said_again(body: str) -> list[tuple[int, int]]:
    """Where :func:`_word_copy_parts` looks for a copy in ``body``: of the stretches of
    :data:`_PROBE_CHARS` characters that start a word at each tenth of it from a third on, the
    last first, those that stand earlier in it too, each with its first place there (a copy
    of three tenths of it or more holds two of them; one may hold an edit)."""
    found = []
    for tenth in range(95, 30, -10):
        at = body.find(" ", len(body) * tenth // 100) + 1
        probe = body[at : at + _PROBE_CHARS]
        if at and len(probe) == _PROBE_CHARS and (earlier := body.find(probe, 0, at)) != -1:
            found.append((at, earlier))
    return found


def _copied_stretch(words: list[str], j: int, shift: int) -> tuple[int, int, int] | None:
    """The stretch of ``words`` around word ``j`` that says again the words ``shift`` words
    before it, if it is a copy of the text right before it (see :func:`_word_copy_parts`):
    its start, its end, and how far back its first run stands."""
    n = len(words)
    last = None  # (the last run from word j on that stands as far back, give or take _DRIFT)
    k, back = j, shift
    while k <= n - _SHINGLE and (k - (j if last is None else last)) <= _GAP:
        found = _as_far_back(words, k, back)
        if found:
            last, back = k, found
        k += 1
    if last is None:
        return None
    shift = back  # (as far back as the copy's last run stands: its length, right after it)
    end, start, covered = last + _SHINGLE, last, 0
    k = last
    while k >= back - _DRIFT and start - k <= _GAP:
        found = _as_far_back(words, k, back)
        if found:
            covered, start, back = covered + 1, k, found
        k -= 1
    length = end - start
    if (
        length < max(_COPY_WORDS, _COPY_SHARE * n)
        or covered < _COVERED * (length - _SHINGLE + 1)
        or abs(shift - length) > max(_GAP, length // 10)  # (not right after what it copies)
    ):
        return None
    # Most of its runs stand first as far back (not a template said again under each of many
    # sections, which the second half of them says again as far back as their first half).
    low, high = min(back, shift) - _DRIFT, max(back, shift) + _DRIFT
    first: dict[tuple[str, ...], int] = {}
    own = 0
    for k in range(end - _SHINGLE + 1):
        earlier = first.setdefault(tuple(words[k : k + _SHINGLE]), k)
        own += k >= start and low <= k - earlier <= high
    return (start, end, back) if own >= _FIRST_HERE * covered else None


def _as_far_back(words: list[str], k: int, back: int) -> int:
    """How far back the run of words at ``k`` stands, ``back`` words give or take
    :data:`_DRIFT`, or 0."""
    word, run = words[k], words[k + 1 : k + _SHINGLE]
    for shift in (back, back - 1, back + 1, back - 2, back + 2):  # (the commonest first)
        if (
            0 < shift <= k
            and words[k - shift] == word
            and words[k - shift + 1 : k - shift + _SHINGLE] == run
        ):
            return shift
    return 0


def _pieces(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """``body[start:end]`` (a sentence of a copy) in pieces of :data:`_PIECE_WORDS` words (a
    table's rows run into one sentence: each piece matched on its own, and one edited among
    them lines up with those beside it), or whole if it is no longer than two."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(body, start, end)]
    if len(words) <= 2 * _PIECE_WORDS:
        return [(start, end)]
    firsts = range(0, len(words) - _PIECE_WORDS, _PIECE_WORDS)  # (the last piece the longest)
    pieces = [(words[k][0], words[k + _PIECE_WORDS - 1][1]) for k in firsts]
    return [(start, pieces[0][1]), *pieces[1:], (words[firsts[-1] + _PIECE_WORDS][0], end)]


def _sign_before(between: str) -> str:
    """The last of the signs ``between`` two words that stands on its own, white space before
    it ("|" in " | | "), else ""; not one that ends the word before ("." in ". ")."""
    signs = between.split()
    if not signs or not between.rstrip()[: -len(signs[-1])][-1:].isspace():
        return ""
    return signs[-1]


def _near_multiple(distance: int, shift: int, most: int) -> bool:
    """Whether ``distance`` is ``shift`` or a multiple of it up to ``most`` times, give or take
    :data:`_SHIFTED`.

    >>> _near_multiple(41, 20, 2), _near_multiple(30, 20, 2), _near_multiple(41, 20, 1)
    (True, False, False)
    """
    k = min(max(round(distance / shift), 1), most)
    return abs(distance - k * shift) <= _SHIFTED


def _again(paragraph: Paragraph, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``paragraph.text[start:end]`` (a part left whole by
    :func:`_repeat_parts`), as its spans in the text: itself, or split where it repeats itself
    in turn (runs said again at another distance than the copy's, which a second run on the
    output would find in it alone)."""
    a, b = paragraph.start + start, paragraph.start + end
    if end - start < RUN_TOGETHER_CHARS:
        return [(a, b)]
    parts = _repeat_parts(Paragraph(paragraph.index, a, b, paragraph.text[start:end]))
    return [(a, b)] if parts is None else parts


def _copy_start(canonical: list[str], shift: int) -> int:
    """Where the copy starts among a paragraph's sentences (``canonical``), given ``shift``, how
    far the first repeated run stands from its earlier place. The first two sentences in a row
    that stand earlier in the paragraph, up to :data:`_SHIFTED` sentences closer or further back
    than ``shift``, place it: as far before them as their earlier place is from the start (an
    edited sentence may open the copy). The copy may have a sentence more or fewer before that
    run than the text before it (a list that one copy runs into a sentence, another sentence in
    its place), so ``shift`` alone may put sentences of the copy before it.

    >>> _copy_start(["a", "b", "c-d", "e", "f", "a", "b", "x", "d", "e", "f"], 6)
    5
    >>> _copy_start(["a", "b", "c", "d", "a2", "b", "c", "d"], 4)
    4
    """
    first: dict[tuple[str, str], int] = {}
    for m in range(min(len(canonical) - 1, shift + _SHIFTED + 1)):
        k = first.setdefault((canonical[m], canonical[m + 1]), m)
        if k < m and abs(m - k - shift) <= _SHIFTED:
            return max(m - k, 1)
    return max(shift, 1)


def _split_blocks(text: str) -> tuple[Paragraph, ...]:
    """:func:`split_paragraphs` for text whose only line break is ``\\n``, a block at a time."""
    paragraphs: list[Paragraph] = []
    pos = read = 0  # (``read``: how far an object that went on past its block was read)
    while (match := _BLOCK.search(text, pos)) is not None:
        start, pos = match.span()
        block = match.group()
        if block[:1] in _JSON_FIRST and pos > read and opens_json(block):
            end, read = object_across(text, start, JSON_TEXT_WORDS)
            if end is not None:  # (one paragraph over blank lines: structured data)
                paragraphs.append(Paragraph(len(paragraphs), start, end, text[start:end]))
                pos = end
                continue
        if "\n" not in block or (
            block[:1] in _JSON_FIRST and holds_text(block, JSON_TEXT_WORDS)
        ):  # (one line, or JSON printed a key a line: one paragraph, structured data)
            end = start + len(block.rstrip())
            paragraphs.append(Paragraph(len(paragraphs), start, end, text[start:end]))
            continue
        lines = [(start + m.start(), start + m.end()) for m in _STRIPPED_LINE.finditer(block)]
        prose_width = _prose_width(text, lines)
        wide = max(end - start for start, end in lines) > WRAP_WIDTH
        if wide and not prose_width and min(end - start for start, end in lines) > 2:
            n = len(paragraphs)  # one paragraph per line (and no drop cap)
            paragraphs.extend(Paragraph(n + k, a, b, text[a:b]) for k, (a, b) in enumerate(lines))
        else:
            _flush(text, lines, paragraphs, prose_width)
    return tuple(paragraphs)


_JSON_FIRST = frozenset("{[<")  # (how a block of JSON opens: a bracket, or its script tag)
JSON_TEXT_WORDS = 12
"""Words of the longest string that a JSON object or array printed over several lines (in its
script tag or not) holds, at least, for the lines to be one paragraph: JSON-LD that a site
pretty-printed, its ``articleBody`` the body again (:func:`textclean.structured.holds_text`)."""


def _lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, ends_paragraph)`` of each line, without its terminator."""
    pos = 0
    for brk in _LINE_BREAK.finditer(text):
        yield pos, brk.start(), brk.group() == "\u2029"
        pos = brk.end()
    yield pos, len(text), False


def _flush(
    text: str, block: list[tuple[int, int]], out: list[Paragraph], prose_width: int | None = None
) -> None:
    """Append the paragraphs of ``block`` (stripped line spans) to ``out``; ``prose_width`` is
    :func:`_prose_width` of the block when the caller has it."""
    if not block:
        return
    if prose_width is None:
        prose_width = _prose_width(text, block)
    width = prose_width or max(end - start for start, end in block)
    narrow, prose = width <= WRAP_WIDTH, prose_width > 0
    first_start = block[0][0]
    for (prev_start, prev_end), (start, _) in pairwise(block):
        if _drop_cap(text, prev_start, prev_end, start):
            continue
        if not (narrow and _continues(text, (prev_start, prev_end), start, width, prose)):
            out.append(Paragraph(len(out), first_start, prev_end, text[first_start:prev_end]))
            first_start = start
    last_end = block[-1][1]
    out.append(Paragraph(len(out), first_start, last_end, text[first_start:last_end]))
    block.clear()


def _continues(text: str, prev: tuple[int, int], start: int, width: int, prose: bool) -> bool:
    """Whether the line starting at ``start`` continues the hard-wrapped line ``prev``."""
    prev_start, prev_end = prev
    if _BLOCK_END.search(text, max(prev_start, prev_end - 16), prev_end):
        return False  # "...</p>": the markup says the paragraph ends
    if _short(prev_start, prev_end, width) and not (prose and _full(text, prev, start, width)):
        return False  # (in wrapped prose, a short line before a long word, a link, is full)
    if LIST_MARKER.match(text, start) and not (prose and not _ends_sentence(text, prev_end)):
        return False  # (in wrapped prose, "by 31 votes to" + "14. Work is due ..." goes on)
    if _CJK.match(text, prev_end - 1) and _CJK.match(text, start):
        return False  # Chinese or Japanese lines: a line a paragraph is far commoner than wrapping
    if not prose and _title_cased(text, prev_start, prev_end) and _title_cased(text, start, None):
        return False  # (headings one under another: a table of contents, a menu)
    if prose:
        return True
    if _BARE_ADDRESS.match(text, start):  # (its "h" or "w" is no sentence going on in lower case)
        return not _ends_sentence(text, prev_end)
    if _BARE_ADDRESS.match(text, prev_start):  # (nor does a sentence end at an address: what
        # goes on after it starts in lower case, or goes on with the address, "/world-...")
        return not (text[start].isupper() or text[start] in _OPENING_QUOTES)
    return not _ends_sentence(text, prev_end) or text[start].islower()


def _title_cased(text: str, start: int, end: int | None) -> bool:
    """Whether the line from ``start`` (to ``end``, or its end) opens with a capital and
    capitalises every word of four letters or more, one at least: a heading ("Step 2: Consider
    Colour", "Suunto Run")."""
    if end is None:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
    words = text[start:end].split()
    if not (words and words[0][0].isupper()):
        return False
    long = False  # (read up to the first long word in lower case: in prose, one of the first)
    for word in words:
        if sum(c.isalpha() for c in word) >= 4:
            if not word[0].isupper():
                return False
            long = True
    return long


def _drop_cap(text: str, start: int, end: int, next_start: int) -> bool:
    """Whether the line ``text[start:end]`` is a paragraph's first letter set apart (a drop cap
    that a scraper put on a line of its own: "I" then "n reality, ..."), perhaps after an
    opening quote, and the next line goes on with the word it starts."""
    return (
        (end - start == 1 or (end - start == 2 and text[start] in _OPENING_QUOTES))
        and text[end - 1].isupper()
        and text[next_start].islower()
    )


def _short(start: int, end: int, width: int) -> bool:
    """Whether a line is too short to be continued by the next (the last of a paragraph)."""
    return end - start < 25 or end - start < 0.6 * width


def _ends_sentence(text: str, end: int) -> bool:
    return bool(_SENTENCE_END.search(text, end - 1, end)) and not _CLAUSE_QUOTE.search(
        text, max(end - 4, 0), end
    )


def _full(text: str, prev: tuple[int, int], start: int, width: int) -> bool:
    """Whether the word starting at ``start`` would not have fitted on the line ``prev``."""
    word = _WORD.match(text, start)
    return word is not None and prev[1] - prev[0] + 1 + len(word.group()) > width


def _prose_width(text: str, block: list[tuple[int, int]]) -> int:
    """The width ``block`` is wrapped at, if it is wrapped prose (see the module's documentation),
    else 0. A line of one word (a long link) is left out: no wrapper can break it."""
    if len(block) < 4:
        return 0
    width = max((end - start for start, end in block if text.find(" ", start, end) >= 0), default=0)
    if width > WRAP_WIDTH:
        return 0
    full = ends = lower = early = 0
    for (prev_start, prev_end), (start, _) in pairwise(block):
        if _short(prev_start, prev_end, width) or text.find(" ", prev_start, prev_end) < 0:
            continue
        if not _full(text, (prev_start, prev_end), start, width):
            early += 1  # the next word would have fitted (unless a no-break space held it)
            continue
        full += 1
        ends += _ends_sentence(text, prev_end)
        lower += text[start].islower()
    enough = full >= 3 and 3 * full >= 2 * (len(block) - 1)  # most lines full: not code or a list
    return width if enough and 10 * early <= full and 3 * ends <= full <= 3 * lower else 0
