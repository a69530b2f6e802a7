"""A copy that glues the paragraphs after it together, found before matching.

A scraper that reads a page's text as ``textContent`` does glues its paragraphs together with
nothing between them ("... quickly.Before you go"); printed before the body, such a copy holds
every body paragraph, and keeping it first would keep words fused at its joins ("TeamsPricing").
:func:`glued_copies` finds each paragraph that is the paragraphs right after it laid end to end,
white space aside, most of its joins glued, or a run of paragraphs further on (a copy printed a
few paragraphs a line before the title); matching sets it aside as contained in them, so that
the body is matched as a body printed alone is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, combinations, pairwise, product

__all__ = ["glued_copies"]

_GLUE_CHARS = 10  # characters on either side of a join looked for in the copy
_LINES = 3  # lines a glued copy may be broken into, at most
_JOINING = ("-", "\u2010", "\u2011", "\u2013", "\u2014", "/")  # (what a word goes on after)
_SPACES = re.compile(r"\s+")
_OPENING = 12  # first characters by which a run's first paragraph is looked up
_ALIKE = 8  # paragraphs opening alike, at most, looked at as a run's first and its copy


def glued_copies(
    texts: Sequence[str], order: Sequence[int] | None = None
) -> dict[int, tuple[int, ...]]:
    """Each paragraph that glues the paragraphs right after it together, with those
    paragraphs: two or more in a row (past paragraphs without words), the first of which it
    opens with word for word, which, laid end to end, spell it exactly (white space aside,
    regardless of case), and half of whose joins at least it prints with nothing between
    them. A copy broken into up to :data:`_LINES` lines is found as one, each line with the
    paragraphs it holds some of. A copy that runs paragraphs together with spaces is none (it
    fuses no word), nor is a paragraph wrapped into lines (a line that ends in "well-" wraps a
    word its paragraph writes whole), nor one paragraph's repeat. With ``order``, only those
    paragraphs are looked at, in that order (the paragraphs that stay, as the output has
    them).

    >>> glued_copies(["The bridge reopens.It cost less.", "The bridge reopens.", "It cost less."])
    {0: (1, 2)}
    >>> glued_copies(["The bridge reopens. It cost less.", "The bridge reopens.", "It cost less."])
    {}
    """
    order = range(len(texts)) if order is None else order
    firsts = [texts[o][:1] for o in order]
    glued: dict[int, tuple[int, ...]] = {}
    for n in [n for n, f in enumerate(firsts) if f and f in firsts[n + 1 : n + 1 + _LINES]]:
        text = texts[order[n]]  # (opened as a paragraph just after it: few are, a cheap test)
        for lines in range(1, min(_LINES, len(order) - n - 1) + 1):
            first = texts[order[n + lines]]
            if text[:1] != first[:1] or len(first) >= len(text) or not text.startswith(first):
                continue  # (most paragraphs: not opened by the next one, a cheap test)
            copy = order[n : n + lines]
            parts = _glued_parts(texts, copy, order, n + lines)
            if parts:
                glued.update(_each_line(texts, copy, parts))
                break
    glued.update(_glued_further_on(texts, order, glued))
    return glued


def _glued_parts(
    texts: Sequence[str], copy: Sequence[int], order: Sequence[int], start: int
) -> tuple[int, ...]:
    """The paragraphs of ``order`` from position ``start`` on that the lines ``copy`` glue
    together, two or more, half of their joins at least printed with nothing between them; or
    none."""
    whole = "".join(_unspaced(texts[c]) for c in copy)
    parts = _parts(texts, whole, order, start)
    counts = [_joins(texts, c, parts) for c in copy]
    fused, joins = sum(f for f, _ in counts), sum(j for _, j in counts)
    return parts if len(parts) > 1 and joins and 2 * fused >= joins else ()


def _glued_further_on(
    texts: Sequence[str], order: Sequence[int], found: dict[int, tuple[int, ...]]
) -> dict[int, tuple[int, ...]]:
    """Paragraphs of one line each that glue together a run of paragraphs further on, not
    right after them: a copy printed a group of the body's paragraphs a line, before the
    title and the body (not the lines of a word broken across them: see :func:`_broken`), its
    first paragraph glued to the next. Only the runs that start as the paragraph opens are
    looked at (found by their first characters)."""
    # Each paragraph's possible runs: the later paragraphs that open with its first characters,
    # or (short ones) that are its first characters; most paragraphs have none.
    starting: dict[str, list[int]] = {}
    for n, o in enumerate(order):
        starting.setdefault(texts[o][:_OPENING], []).append(n)
    # (a template's lines, or a line printed all through a page, open alike in many places:
    # no copy's first paragraph, and pairing them would cost the square of their count)
    starting = {key: places for key, places in starting.items() if len(places) <= _ALIKE}
    runs: dict[int, list[int]] = {}  # (the paragraph's place: the places of its runs' first)
    for places in starting.values():
        for n, m in combinations(places, 2):  # (in order: n < m)
            runs.setdefault(n, []).append(m)
    keys = sorted(starting)
    for key in (key for key in keys if len(key) < _OPENING):  # (a short paragraph: a heading)
        opening = keys[bisect_left(keys, key) : bisect_left(keys, key + "\U0010ffff")]
        for opened in opening[: _ALIKE + 1]:
            for n, m in product(starting[opened], starting[key]):
                if n < m and opened != key:
                    runs.setdefault(n, []).append(m)
    further: dict[int, tuple[int, ...]] = {}
    for n in sorted(runs):
        o = order[n]
        text = texts[o]
        if o in found:
            continue
        for m in sorted(m for m in runs[n] if m > n + 1):
            first = texts[order[m]]
            # (glued to the next part at once: a copy that runs paragraphs together with
            # spaces, "... decay. Leave the leaves", glues none)
            fused = len(first) < len(text) and not text[len(first)].isspace()
            if fused and text.startswith(first):
                parts = _glued_parts(texts, [o], order, m)
                if parts and not _broken(texts, parts) and not found.keys() & parts:
                    further[o] = parts
                    break
    return further


def _unspaced(text: str) -> str:
    return _SPACES.sub("", text).casefold()


def _parts(texts: Sequence[str], whole: str, order: Sequence[int], start: int) -> tuple[int, ...]:
    """The first of the paragraphs of ``order`` from position ``start`` on that spell
    ``whole`` (white space aside, case folded) laid end to end, or none."""
    parts: list[int] = []
    at = 0
    for n in range(start, len(order)):
        if at == len(whole):
            break
        k = order[n]
        part = _unspaced(texts[k])
        if part:
            if not whole.startswith(part, at):
                return ()
            parts.append(k)
            at += len(part)
    return tuple(parts) if at == len(whole) else ()


def _joins(texts: Sequence[str], o: int, parts: Sequence[int]) -> tuple[int, int]:
    """How many joins of ``parts`` paragraph ``o`` prints with nothing between them, and how
    many it holds."""
    joins = glued = 0
    for a, b in pairwise(parts):
        tail, head = texts[a].rstrip()[-_GLUE_CHARS:], texts[b].lstrip()[:_GLUE_CHARS]
        if tail.endswith(_JOINING):
            continue  # (a line that ends in "well-" wraps a word its paragraph writes whole)
        glued += tail + head in texts[o]
        joins += tail in texts[o] and head in texts[o]  # (not a join between two lines)
    return glued, joins


def _broken(texts: Sequence[str], parts: Sequence[int]) -> bool:
    """Whether a paragraph of ``parts`` but the first is the end of a word or an address broken
    across lines: one word in lower case ("ate" after ".../25anniversaryclim")."""
    return any(texts[k].strip()[:1].islower() and " " not in texts[k].strip() for k in parts[1:])


def _each_line(
    texts: Sequence[str], copy: Sequence[int], parts: Sequence[int]
) -> dict[int, tuple[int, ...]]:
    """Each line of a glued ``copy``, with the ``parts`` whose text it holds some of."""
    lines: dict[int, tuple[int, ...]] = {}
    ends = list(accumulate(len(_unspaced(texts[k])) for k in parts))
    start = 0
    for c in copy:
        end = start + len(_unspaced(texts[c]))
        first = bisect_right(ends, start)
        last = bisect_left(ends, end)
        lines[c] = tuple(parts[first : last + 1])
        start = end
    return lines
