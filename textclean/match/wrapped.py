"""Lines of a copy wrapped at a fixed width, a line a paragraph, found in the paragraphs they
come from: indexed ones, or the document's own.

A plain-text or print version of an earlier document wraps each paragraph into lines of 60 to 80
characters, each a paragraph of its own. Most of them hold no whole sentence, so they share no
key with the indexed paragraph they come from, and nothing leads to them. Here the kept lines in
a row are joined again (whole, and in pieces cut where a line does not go on from the one before
it: a heading, a list line), the sentences and the band keys of the joined text are looked up in
the index (list items run together hold no sentence end), and each line that stands word for
word in an indexed paragraph found so, run together with the line before or after it, goes as
contained in it. The matcher walks on from those lines to their neighbours, into the indexed
paragraphs before and after (:func:`~textclean.match.lines.walk_lines`).

Inside one document (:func:`lines_here`) the keys are looked up among the document's own
paragraphs: a copy wrapped after its paragraph breaks were lost has lines that start and end
anywhere in the paragraphs. With the copy first, the body's paragraphs after the lines are the
ones that go, as contained in the lines they stand in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import islice, pairwise

import numpy as np

from textclean.align import find_words, parts_spanned
from textclean.fingerprint import (
    DocumentPrint,
    FingerprintSettings,
    among,
    band_keys,
    fingerprint_paragraphs,
    signatures,
)
from textclean.match.links import COMMON_POSTINGS
from textclean.match.model import IndexedParagraph, describe
from textclean.results import Duplicate

__all__ = ["LINE_WORDS", "MIN_LINES", "lines_here", "lines_in_indexed"]

LINE_WORDS = 24  # a paragraph this long is no wrapped line (a line of 80 columns holds fewer)
MIN_LINES = 3  # kept lines in a row that are joined again to be looked up

Lookup = Callable[[Collection[int]], Mapping[int, Sequence[IndexedParagraph]]]


def line_runs(
    texts: Sequence[str], canonical: Sequence[str], found: Collection[int]
) -> list[list[int]]:
    """The runs of at least :data:`MIN_LINES` kept paragraphs in a row as the output shows
    them (past removed ones), each with words and shorter than :data:`LINE_WORDS` words, of
    which at least two go on with the sentence of the line before them (:func:`_goes_on`): a
    list, a menu, a run of headings or lines of code is not looked up.

    >>> texts = ["A b", "c d", "e f", "", "g", "h", "i", "j", "K", "L", "M {", "n", "O"]
    >>> line_runs(texts, [t.lower() for t in texts], {5})
    [[0, 1, 2], [4, 6, 7, 8, 9, 10, 11, 12]]
    >>> texts = ["The plan", "was approved", "* * *", "on Tuesday", "by the board"]
    >>> canonical = ["the plan", "was approved", "", "on tuesday", "by the board"]
    >>> line_runs(texts, canonical, set()), line_runs(texts, canonical, {2})
    ([], [[0, 1, 3, 4]])
    """
    out: list[list[int]] = []
    run: list[int] = []
    for k in range(len(canonical) + 1):
        if k in found:
            continue  # (the output runs the lines on either side of it together)
        if k < len(canonical) and canonical[k] and canonical[k].count(" ") < LINE_WORDS - 1:
            run.append(k)
            continue
        if len(run) >= MIN_LINES:
            going_on = (n for m, n in pairwise(run) if _goes_on(texts[m], texts[n]))
            if len(list(islice(going_on, 2))) == 2:
                out.append(run)
        run = []
    return out


def _goes_on(before: str, line: str) -> bool:
    """Whether ``line`` reads as the sentence of the line ``before`` it going on: it starts with
    a lower-case letter (after the ``>`` that quotes every line of a quoted block, as Markdown
    and e-mail do), and that one ends with a letter, a digit, a comma or a hyphen.

    >>> _goes_on("the council approved a", "plan on Tuesday"), _goes_on("type Query {", "id: ID")
    (True, False)
    >>> _goes_on("> the council approved a", "> plan on Tuesday")
    True
    """
    end = before.rstrip()[-1:]
    start = line.lstrip().lstrip(">").lstrip()[:1]
    return start.islower() and (end.isalnum() or end in {",", "-"})


def _pieces(texts: Sequence[str], run: Sequence[int]) -> list[Sequence[int]]:
    """``run`` cut before each line that does not go on from the line before it.

    >>> _pieces(["Key points", "The plan was", "approved on", "a Tuesday.", "Next"], range(5))
    [range(0, 1), range(1, 4), range(4, 5)]
    """
    cuts = [n for n in range(1, len(run)) if not _goes_on(texts[run[n - 1]], texts[run[n]])]
    return [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True)]


def lines_in_indexed(
    texts: Sequence[str],
    canonical: Sequence[str],
    found: Collection[int],
    lookup: Lookup,
    settings: FingerprintSettings,
    min_chars: int,
) -> tuple[dict[int, Duplicate], dict[tuple[str, int], str]]:
    """The kept lines of :func:`line_runs` that stand word for word, run together with the line
    next to them, in an indexed paragraph sharing a sentence or a band key (of ``min_chars``
    or more joined) with their run; and the canonical texts of the indexed paragraphs they
    stand in."""
    runs, keys_of = _run_keys(texts, canonical, found, settings, min_chars)
    if not runs:
        return {}, {}
    postings = lookup({key for keys in keys_of for key in keys})
    if not postings:
        return {}, {}
    lines: dict[int, Duplicate] = {}
    texts_of: dict[tuple[str, int], str] = {}
    for run, keys in zip(runs, keys_of, strict=True):
        # (a sentence filed under many paragraphs, a disclaimer say, leads nowhere in particular)
        held = (postings.get(key, ()) for key in keys)
        entries = (entry for filed in held if len(filed) < COMMON_POSTINGS for entry in filed)
        holders = {(entry.doc_id, entry.paragraph): entry.canonical for entry in entries}
        pairs = _pairs(canonical, run) if holders else []
        held_in = {ref: text for ref, text in holders.items() if _lines_in(pairs, ref, text, lines)}
        texts_of.update(held_in)
    return lines, texts_of


def lines_here(
    texts: Sequence[str],
    canonical: Sequence[str],
    found: Collection[int],
    document: DocumentPrint,
    settings: FingerprintSettings,
    min_chars: int,
    short_words: int,
) -> dict[int, Duplicate]:
    """:func:`lines_in_indexed` inside the document: the kept lines of :func:`line_runs` that
    stand so in a kept paragraph before their run (a copy wrapped after its paragraph breaks
    were lost: its lines start and end anywhere in the paragraphs, and hold no whole
    sentence of theirs to share a key with); and, the copy first, each kept paragraph of
    ``short_words`` or more after the run that stands whole, word for word, in its lines run
    together."""
    runs, keys_of = _run_keys(texts, canonical, found, settings, min_chars)
    if not runs:
        return {}
    wanted = np.fromiter({key for keys in keys_of for key in keys}, dtype=np.int64)
    hits = among(document.keys, wanted)
    holders_of: dict[int, list[int]] = {}
    for key, j in zip(document.keys[hits].tolist(), document.owners[hits].tolist(), strict=True):
        holders_of.setdefault(key, []).append(j)
    lines: dict[int, Duplicate] = {}
    for run, keys in zip(runs, keys_of, strict=True):
        filed = (holders_of.get(key, ()) for key in keys)
        held = {j for js in filed if len(js) < COMMON_POSTINGS for j in js}
        before = sorted(j for j in held if j < run[0] and j not in found)
        pairs = _pairs(canonical, run) if before else []
        for j in before:
            _lines_in(pairs, (None, j), canonical[j], lines)
        later = sorted(
            j
            for j in held
            if j > run[-1] and j not in found and j not in lines
            and canonical[j].count(" ") + 1 >= short_words
        )  # fmt: skip
        if later:
            lines.update(_in_lines(canonical, run, later))
    return lines


def _in_lines(
    canonical: Sequence[str], run: Sequence[int], paragraphs: list[int]
) -> dict[int, Duplicate]:
    """Those of ``paragraphs`` that stand whole, word for word, in the lines of ``run`` run
    together, across a line break, as contained in the lines they stand in. (A paragraph that
    is one of the lines, or stands inside one, is matched as any paragraph is: a short line
    repeated, a heading in a template, may stay.)

    >>> lines = ["the plan was approved", "on tuesday work starts", "in may next year"]
    >>> texts = [*lines, "work starts in may", "work starts in june", "on tuesday work starts"]
    >>> {j: dup.originals for j, dup in _in_lines(texts, range(3), [3, 4, 5]).items()}
    {3: (1, 2)}
    """
    lines = [canonical[k] for k in run]
    joined = " ".join(lines)
    found: dict[int, Duplicate] = {}
    for j in paragraphs:
        at = find_words(joined, canonical[j], 0, len(joined))
        if at < 0:
            continue
        spanned = tuple(run[n] for n in parts_spanned(lines, at, at + len(canonical[j])))
        if len(spanned) < 2:
            continue
        found[j] = Duplicate(
            j, spanned[0], "contained", 1.0,
            f"its words stand in {describe(spanned)} run together", spanned,
        )  # fmt: skip
    return found


def _run_keys(
    texts: Sequence[str],
    canonical: Sequence[str],
    found: Collection[int],
    settings: FingerprintSettings,
    min_chars: int,
) -> tuple[list[list[int]], list[tuple[int, ...]]]:
    """The runs of :func:`line_runs` and the keys each is looked up by: the sentence keys of
    the run joined (whole, and in pieces where a line does not go on from the one before: a
    heading or a list line beside the wrapped paragraph would run into its sentences), and
    the band keys of the joined texts that hold one sentence or none (list items run
    together hold no sentence end) and ``min_chars`` or more."""
    runs = line_runs(texts, canonical, found)
    if not runs:
        return [], []
    joined: list[str] = []
    owner: list[int] = []
    for r, run in enumerate(runs):
        pieces = _pieces(texts, run)
        for piece in [run, *pieces] if len(pieces) > 1 else [run]:
            joined.append(" ".join(texts[k].strip() for k in piece))
            owner.append(r)
    # (min_chars past the longest: sentence keys only, no fuzzy hash)
    prints = fingerprint_paragraphs(joined, settings, min_chars=len(max(joined, key=len)) + 1)
    keys_of: list[tuple[int, ...]] = [() for _ in runs]
    for n, r in enumerate(owner):
        keys_of[r] += prints[n].sentences
    least = max(min_chars, settings.shingle_size)
    listing = [
        n
        for n in range(len(joined))
        if len(prints[n].sentences) <= 1 and len(prints[n].canonical) >= least
    ]
    if listing:
        sig = signatures([prints[n].canonical for n in listing], settings)
        for n, bands in zip(listing, band_keys(sig, settings).tolist(), strict=True):
            keys_of[owner[n]] += tuple(bands)
    return runs, keys_of


def _pairs(canonical: Sequence[str], run: Sequence[int]) -> list[tuple[int, int, str]]:
    """Each line of ``run`` with the line after it, and the two run together between spaces
    (as :func:`_lines_in` looks for them).

    >>> _pairs(["a b", "c", "d e"], range(3))
    [(0, 1, ' a b c '), (1, 2, ' c d e ')]
    """
    return [(k, n, f" {canonical[k]} {canonical[n]} ") for k, n in pairwise(run)]


def _lines_in(
    pairs: Sequence[tuple[int, int, str]],
    ref: tuple[str | None, int],
    canon: str,
    lines: dict[int, Duplicate],
) -> bool:
    """Add to ``lines`` each line of a run that stands word for word, run together with the
    line after or before it (``pairs``, from :func:`_pairs`), in ``canon`` (paragraph
    ``ref``); whether any does."""
    doc_id, j = ref
    any_found = False
    padded = f" {canon} "  # (whole words: as align.whole_words_in pads them)
    for k, n, pair in pairs:
        if pair in padded:
            any_found = True
            for m in (k, n):
                lines.setdefault(m, Duplicate(
                    m, j, "contained", 1.0,
                    f"its words stand, with the line beside it, in paragraph {j}",
                    (j,), doc_id,
                ))  # fmt: skip
    return any_found
