"""Structured data in the text: a JSON-LD object whose ``articleBody`` repeats the body.

Such an object is set aside while the other paragraphs are matched (it is never the copy that
stays), then removed when the paragraphs around it hold its words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence, Set

import numpy as np
import numpy.typing as npt

from textclean.align import MIN_RUN, aligned_span, ends_word, starts_word, whole_words_in
from textclean.canonical import canonical_paragraphs
from textclean.fingerprint import DocumentPrint
from textclean.match.links import Links
from textclean.match.merged import MAX_PASSED
from textclean.match.model import describe
from textclean.results import Duplicate
from textclean.structured import structured_values

__all__ = ["StructuredCopies"]

MAX_ROUNDS = 8  # passes over the paragraphs a body run together without spaces is searched for
DATA_GAP = 16  # paragraphs searched beyond the last that shares keys with structured data
DATA_REACH = 2048  # paragraphs searched on either side of structured data, at most


class StructuredCopies:
    """Removes the paragraphs of structured data (``structured``) whose words the others hold.

    ``found`` holds the paragraphs removed so far, and gets the objects removed; ``kept(k)`` says
    whether paragraph ``k`` stays (and has words); ``indexed_copy(m, exact, canonical)`` says
    whether an indexed document holds paragraph ``m`` exactly, and ``indexed_text(m, values)``
    whether one holds the text of its values (the ``articleBody`` of a page whose body the index
    has, alone: a page that shows a line of its story and carries the rest in its data).
    """

    def __init__(
        self,
        texts: Sequence[str],
        document: DocumentPrint,
        found: dict[int, Duplicate],
        structured: Set[int],
        containment: float,
        threshold: float,
        kept: Callable[[int], bool],
        indexed_copy: Callable[[int, int, str], Duplicate | None],
        indexed_text: Callable[[int, list[str]], Duplicate | None],
    ) -> None:
        self.texts = texts
        self.document = document
        self.found = found
        self.structured = structured
        self.containment = containment
        self.threshold = threshold
        self.kept = kept
        self.indexed_copy = indexed_copy
        self.indexed_text = indexed_text
        # The kept paragraphs of other text, in order (those next to structured data far out).
        self.staying = [k for k in range(len(document)) if k not in structured and kept(k)]

    def remove(self, links: Links) -> None:
        """Remove the paragraphs of structured data whose words the other paragraphs hold.

        A JSON-LD object carries the body as its ``articleBody`` string, among keys, dates and
        links. Wherever it stands, the paragraphs are the copy worth keeping: the object goes when
        :attr:`~textclean.DedupeOptions.containment` of the words of its text (see
        :func:`structured_values`) are other paragraphs, found word for word (kept ones, or
        copies of kept text), or with small edits when those fall short (a typo in the object
        or fixed in the page, see :func:`_near_place`). The body it copies stands next to it:
        the paragraphs on either side that share keys with it, and those between them and a
        few beyond (see :func:`_reach`), are searched; if they fall short, as many kept
        paragraphs on either
        side as the object has words, at most :data:`DATA_REACH` (and the copies removed among
        them), so that the work stays linear however many objects a document holds. An object
        the same as a kept one, in this document or an indexed one, is an exact copy of it.
        """
        canonical = self.document.canonical
        n = len(canonical)
        related: dict[int, set[int]] = {m: set() for m in self.structured}
        for i, j, _ in links.pairs():
            if i in related:
                related[i].add(j)
            if j in related:
                related[j].add(i)
        first: dict[str, int] = {}
        for m in sorted(self.structured):
            text = canonical[m]
            if not text:
                continue
            if text in first:
                j = first[text]
                self.found[m] = Duplicate(m, j, "exact", 1.0, "same canonical text", (j,))
                continue
            first[text] = m
            indexed = self.indexed_copy(m, int(self.document.exact[m]), text)
            if indexed is not None:
                self.found[m] = indexed
                continue
            values = [v for v in canonical_paragraphs(structured_values(self.texts[m]))[0] if v]
            padded = f" {' '.join(values)} "
            reach = range(*_reach(m, related[m], n))
            share, pieces = self.covering(padded, values, reach)
            if share < self.containment:  # with small edits in one of the two
                share, pieces = self.covering(padded, values, reach, edits=True)
            if share < self.containment:  # paragraphs linked by nothing, further out
                wide = self.around(m, min(padded.count(" ") - 1, DATA_REACH))
                share, pieces = self.covering(padded, values, wide)
            if share < self.containment:
                indexed = self.indexed_text(m, values)
                if indexed is not None:
                    self.found[m] = indexed
                continue
            kept = tuple(j for j in pieces if self.kept(j))
            rule = f"structured data: {share:.0%} of its words are {describe(pieces)}"
            if kept:
                self.found[m] = Duplicate(m, kept[0], "contained", share, rule, kept)
                continue
            # Its paragraphs all went as copies (of an indexed document, say): theirs is its source.
            sources = (self.found[j] for j in pieces if self.found[j].original is not None)
            source = next(sources, None)
            if source is not None:
                self.found[m] = Duplicate(
                    m, source.original, "contained", share, rule, source.originals, source.doc_id
                )

    def around(self, m: int, reach: int) -> list[int]:
        """The paragraphs on either side of ``m`` out to the ``reach``-th kept one (and at most
        four times as many in all, then the kept ones alone): what deduplicating the output
        again would see within ``reach`` paragraphs, and the copies removed near ``m``."""
        around = []
        n = len(self.document)
        for step in (-1, 1):
            k, kept = m + step, 0
            while 0 <= k < n and kept < reach and abs(k - m) <= 4 * reach:
                around.append(k)
                kept += self.kept(k)
                k += step
            if kept < reach and 0 <= k < n:  # past many removed ones: the next kept ones
                stay = self.staying
                if step > 0:
                    at = bisect_left(stay, k)
                    around += stay[at : at + reach - kept]
                else:
                    at = bisect_right(stay, k)
                    around += stay[max(0, at - (reach - kept)) : at]
        return sorted(around)

    def covering(
        self,
        padded: str,
        values: list[str],
        paragraphs: Iterable[int],
        *,
        edits: bool = False,
    ) -> tuple[float, list[int]]:
        """The share of the words of ``padded`` (canonical ``values`` joined, between two
        spaces) that the non-empty, unstructured ``paragraphs`` account for, and which do: each
        paragraph found word for word in it (the body in an ``articleBody``), or with small
        ``edits`` (a typo fixed in one of the two), and each value found word for word in a
        paragraph (a headline, a description that is the first sentence)."""
        canonical = self.document.canonical
        covered = np.zeros(len(padded), dtype=bool)
        pieces = []
        texts = [  # (not boilerplate, which a second run no longer sees)
            (j, canonical[j])
            for j in paragraphs
            if j not in self.structured
            and canonical[j]
            and (j not in self.found or self.found[j].original is not None)
        ]
        missing = []
        for j, text in texts:  # every place it stands (a description, then the body)
            places = _places(padded, text)
            if places:
                pieces.append(j)
            elif text in padded:
                missing.append((j, text))
            for at in places:
                covered[at : at + len(text)] = True
        # A body joined without spaces runs each paragraph into the next ("...for teams3 ways
        # to..."): the others, run into text found (a short one only so), both ways round.
        run_in: set[int] = set()
        for _ in range(MAX_ROUNDS):
            before = len(missing)
            for order in (missing, missing[::-1]):
                for j, text in order:
                    at = -1 if j in run_in else _run_in(padded, text, covered)
                    if at >= 0:
                        covered[at : at + len(text)] = True
                        run_in.add(j)
            missing = [(j, text) for j, text in missing if j not in run_in]
            if len(missing) == before:
                break
        pieces += run_in
        if edits:  # where a run of its words stands, a stretch at least threshold similar
            runs = _runs(padded)
            for j, text in texts:
                if j not in pieces and text.count(" ") + 1 >= 2 * MIN_RUN:
                    span = _near_place(padded, text, self.threshold, runs)
                    if span is not None:
                        covered[span[0] : span[1]] = True
                        pieces.append(j)
        start = 1
        for value in values:
            end = start + len(value)
            if not covered[start:end].all():
                holder = next((j for j, text in texts if whole_words_in(value, text)), None)
                if holder is not None:
                    covered[start:end] = True
                    pieces.append(holder)
            start = end + 1
        pieces = sorted(set(pieces))
        if len(padded) <= 2:
            return 0.0, pieces
        spaces = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32)[:-1] == 0x20
        return float(covered[np.flatnonzero(spaces) + 1].mean()), pieces


def _runs(padded: str) -> dict[str, int]:
    """Where each run of :data:`~textclean.align.MIN_RUN` words of ``padded`` first starts.

    >>> _runs(" a b c d a b c ")
    {'a b c': 1, 'b c d': 3, 'c d a': 5, 'd a b': 7}
    """
    words = padded[1:-1].split(" ")
    runs: dict[str, int] = {}
    at = 1
    for k in range(len(words) - MIN_RUN + 1):
        runs.setdefault(" ".join(words[k : k + MIN_RUN]), at)
        at += len(words[k]) + 1
    return runs


def _near_place(
    padded: str, text: str, threshold: float, runs: dict[str, int]
) -> tuple[int, int] | None:
    """Where in ``padded`` a stretch at least ``threshold`` similar to ``text`` stands, found
    from the first run of :data:`~textclean.align.MIN_RUN` of its words that ``padded`` holds
    word for word (``runs``, from :func:`_runs`; each run is tried in turn, as an edit may fall
    in any); ``None`` if none.

    >>> padded = " the bridge closes in march for repairs that take a yaer said the mayor "
    >>> text = "the bridge closes in march for repairs that take a year"
    >>> span = _near_place(padded, text, 0.9, _runs(padded))
    >>> padded[span[0] : span[1]]
    'the bridge closes in march for repairs that take a yaer'
    >>> _near_place(padded, "a ferry runs every twenty minutes", 0.9, _runs(padded))
    """
    words = text.split(" ")
    slack = len(text) // 10 + MIN_RUN
    offset = 0
    for k in range(0, len(words) - MIN_RUN + 1, MIN_RUN):
        run = " ".join(words[k : k + MIN_RUN])
        at = runs.get(run)
        if at is not None:
            lo = max(0, at - offset - slack)
            span = aligned_span(text, padded[lo : at - offset + len(text) + slack], threshold)
            if span is not None:
                return lo + span[0], lo + span[1]
        offset += len(run) + 1
    return None


def _places(padded: str, text: str) -> list[int]:
    """Where ``text`` stands in ``padded`` as whole words.

    >>> _places(" one two three one two three ", "one two three"), _places(" xone two ", "one two")
    ([1, 15], [])
    """
    places = []
    at = padded.find(f" {text} ")
    while at >= 0:
        places.append(at + 1)
        at = padded.find(f" {text} ", at + 1 + len(text))
    return places


def _run_in(padded: str, text: str, covered: npt.NDArray[np.bool_]) -> int:
    """The first place where ``text`` stands in ``padded`` run into text ``covered`` on one
    side (or, if it is a few words long, starting or ending a word); -1 if none.

    >>> covered = np.zeros(22, dtype=bool)
    >>> _run_in(" one two three4 five ", "one two three", covered)
    1
    >>> _run_in(" one4 five ", "4 five", covered)
    -1
    >>> covered[1:14] = True
    >>> _run_in(" one two three4 five ", "4 five", covered)
    14
    """
    long = text.count(" ") + 1 >= MIN_RUN
    at = padded.find(text)
    while at >= 0:
        end = at + len(text)
        if (
            covered[at - 1]
            or covered[end]
            or (long and (starts_word(padded, at) or ends_word(padded, end)))
        ):
            return at
        at = padded.find(text, at + 1)
    return -1


def _reach(m: int, related: set[int], n: int) -> tuple[int, int]:
    """The paragraphs ``[lo, hi)`` around ``m`` out to the last of ``related`` on either side
    that is at most :data:`MAX_PASSED` paragraphs from the one before (a list of short lines,
    which share no keys, may stand between them), and :data:`DATA_GAP` beyond (a title); at
    most :data:`DATA_REACH` on either side.

    >>> _reach(10, {3, 12, 74, 200}, 300)
    (0, 91)
    """
    ordered = sorted(related)
    at = bisect_right(ordered, m)
    hi = m
    for k in ordered[at:]:
        if k - hi > MAX_PASSED:
            break
        hi = k
    lo = m
    for k in reversed(ordered[:at]):
        if lo - k > MAX_PASSED:
            break
        lo = k
    return max(0, lo - DATA_GAP, m - DATA_REACH), min(n, hi + DATA_GAP + 1, m + DATA_REACH + 1)
