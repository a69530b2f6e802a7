"""Repeated runs: matches that stand only beside other copies of the same run.

A fuzzy match that is not a small edit (a row of a table, an edited paragraph), and a short line
that repeats (a heading, "Pros"), are what distinct text written to a template looks like too.
They go only inside a run of duplicates that line up with their originals: the paragraph beside
the copy repeats the paragraph beside its original. Lines repeated right after themselves, and a
site's menu above and below the article, go as blocks.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache
from itertools import chain, islice, pairwise

from textclean.align import AFFIX_WORDS
from textclean.canonical import word_count
from textclean.match.merged import HEADING_WORDS
from textclean.match.model import IndexedParagraph
from textclean.results import Duplicate

__all__ = [
    "ZERO_DIGITS",
    "confirm_decorated_runs",
    "confirm_edited_runs",
    "confirm_in_runs",
    "confirm_indexed_short_runs",
    "confirm_short_runs",
    "follows",
    "furniture",
    "in_header",
    "keep_later_run",
    "lined_up",
    "menu_item",
    "past_furniture",
    "past_repeats",
    "remove_short_blocks",
    "shares_source",
    "table_line",
    "worded_neighbours",
]

BLOCK_LINES = 4  # short lines in a row repeated right after themselves that go as one block
MENU_LINES = 2  # short lines in a row that make a menu, when they open and close a document
CHROME_LINES = 2  # ... or lines with boilerplate lines among them ("Skip to content", "Log in")
MENU_ITEM_WORDS = 3  # a menu's item above a page's title has at most this many words
MAX_MENU = 64  # ... and such a menu at most this many items


TABLE_CHARS = 2.5  # characters a word of a table's line has, on average, fewer than


def table_line(canon: str) -> bool:
    """Whether canonical ``canon`` reads as a line of a table, however many its words: words of
    fewer than :data:`TABLE_CHARS` characters on average, in a script written with spaces. Such
    are a table's column labels ("Pos Team P W D L GD Pts", "MIN FG 3PT FT REB AST STL"), a
    row of figures ("Max speed: 48-55 km/h | 30-35 mph", "Our Score: 4.9 / 5.0") and a line
    of code. Each group's table repeats its labels, and two products may share a row, as a
    short line repeats; prose averages over four letters a word, and a title of short words
    ("5. A Place for All My Books") nearly three.

    >>> table_line("pos team p w d l gd pts"), table_line("5 a place for all my books")
    (True, False)
    """
    return canon.isascii() and len(canon) - canon.count(" ") < TABLE_CHARS * word_count(canon)


def menu_item(canon: str) -> bool:
    """Whether canonical ``canon`` may be a menu's item above a page's title: at most
    :data:`MENU_ITEM_WORDS` words ("Home", "World news")."""
    return canon.count(" ") < MENU_ITEM_WORDS


MENU_MAX_LINES = 64  # ... and at most this many (so that each line tried costs little)
FOOTER_LINES = 4  # lines after the menu's repeat, each shorter than HEADER_WORDS: a footer's
HEADER_LINES = 3  # lines between a document's title and its repeat, when that goes ...
HEADER_WORDS = 12  # ... each shorter than this (a byline, a date, a caption)
OLDER_LINES = 2  # paragraphs a later run adds to that make it newer, the copy's last among them
TITLE_WORDS = 20  # a body's title, just before it, is shorter than this (in canonical words)
LEFT_OUT = 4  # paragraphs a copy may leave out around short lines it repeats ...
BETWEEN_LINES = 8  # ... in a run of at most this many between two copies
LONE_LINES = 2  # removed lines outside any copy between a short line and the copy it is in
TWICE_LINES = 8  # lines in a row that a copy printed before the body repeats of its own, and
# the body too, that the copy's lines turned round pass (see keep_later_run)
CONFIRM_REACH = BETWEEN_LINES + LONE_LINES + 3  # paragraphs each way whose confirmation a
# confirmed short line may change: a run between copies, removed lines passed, lined_up's reach
FURNITURE_PASSED = 4  # boilerplate lines passed over on the way to a neighbour that lines up
RENAMED_LINES = 3  # lines past a heading a copy renamed that repeat the first copy's, at least
SHUFFLED_LINES = 16  # lines of a block printed again in another order (a list of headlines)
_FEW_ORIGINALS = 4  # originals few enough to step from (see _lined_up_closed_up)
PARTS_PASSED = 4  # parts of one paragraph split by a copy that a chain of copies passes over


def lined_up(anchors: Mapping[int, Duplicate], i: int, dup: Duplicate) -> int:
    """How many of ``anchors``, within three paragraphs of ``i``, repeat the paragraph at the
    same distance from ``dup``'s original.

    Distances are counted as they stand, one after another from the originals
    (:func:`_chained`) and, if that finds fewer than three, once more past what one copy may
    hold and the other not (:func:`_lined_up_closed_up`); the best count is taken.
    """
    count = sum(follows(anchors.get(i - d), dup, d) for d in (-3, -2, -1, 1, 2, 3))
    if count < 3:  # (a merged or split copy beside it moves the distances)
        count = max(count, _chained(anchors, i, dup))
    if count >= 3 or not _removed_near(anchors, i, dup):
        return count
    return max(count, _lined_up_closed_up(anchors, i, dup))


def _chained(anchors: Mapping[int, Duplicate], i: int, dup: Duplicate) -> int:
    """How many of ``anchors``, up to three on each side of ``i`` and one after another, repeat
    the paragraphs that follow one another from ``dup``'s originals: each one's originals
    start right after the last of the one before (end right before the first of the one
    after), as the parts of a copy that merged or split the paragraphs do, or at it and go on
    past it (a copy that breaks its parts inside a paragraph, as a thread's posts do, holds
    the rest of it in the next part). A copy contained in the last paragraph reached alone
    (another part of a paragraph that the copy split) is passed over, up to
    :data:`PARTS_PASSED` of them, and not counted."""
    count = 0
    for step in (-1, 1):
        edge = min(dup.originals) if step < 0 else max(dup.originals)
        k, counted, passed = i + step, 0, 0
        while counted < 3:
            neighbour = anchors.get(k)
            if (
                neighbour is None
                or neighbour.kind == "boilerplate"
                or neighbour.doc_id != dup.doc_id
                or not neighbour.originals
            ):
                break
            first, last = min(neighbour.originals), max(neighbour.originals)
            if neighbour.kind == "contained" and first == last == edge:
                passed += 1
                if passed > PARTS_PASSED:
                    break
            elif (last if step < 0 else first) == edge + step or (
                (last if step < 0 else first) == edge and first != last
            ):  # (the next part, or one that goes on with the paragraph split at the edge)
                counted += 1
                edge = first if step < 0 else last
            else:
                break
            k += step
        count += counted
    return count


def _in_a_copy(anchors: Mapping[int, Duplicate], i: int, dup: Duplicate) -> bool:
    """Whether :func:`lined_up` counts one of ``anchors`` at least (without counting them all)."""
    return (
        any(follows(anchors.get(i - d), dup, d) for d in (-1, 1, -2, 2, -3, 3))
        or _chained(anchors, i, dup) > 0
        or (_removed_near(anchors, i, dup) and _lined_up_closed_up(anchors, i, dup) > 0)
    )


def _removed_near(anchors: Mapping[int, Duplicate], i: int, dup: Duplicate) -> bool:
    """Whether a boilerplate line of ``anchors`` stands within three paragraphs of ``i``, or
    any of ``anchors`` within three of ``dup``'s original in this document."""
    steps = (-3, -2, -1, 1, 2, 3)
    if dup.doc_id is None and any(o + d in anchors for o in dup.originals for d in steps):
        return True
    return any(
        (near := anchors.get(i + d)) is not None and near.kind == "boilerplate" for d in steps
    )


def _lined_up_closed_up(anchors: Mapping[int, Duplicate], i: int, dup: Duplicate) -> int:
    """:func:`lined_up` with distances counted past boilerplate lines on ``i``'s side (an ad
    line between the paragraphs of one copy and not of the other), and past boilerplate lines,
    or else past all of ``anchors``, on the original's side (a body that repeats each run of
    paragraphs right after it, p1 p2 p1 p2, and a clean copy after that). An original in
    another document is taken as it stands. A neighbour that repeats ``i`` itself places
    nothing."""
    count = 0
    originals = set(dup.originals)
    for direction in (-1, 1):
        ahead: list[list[int]] | None = None  # (the steps from each original, when few)
        for d, k in enumerate(_steps(anchors, i, direction)):
            neighbour = anchors.get(k)
            if (
                neighbour is None
                or neighbour.kind == "boilerplate"
                or neighbour.doc_id != dup.doc_id
                or i in neighbour.originals
            ):
                continue
            if dup.doc_id is not None:
                count += any(o + direction * (d + 1) in neighbour.originals for o in originals)
            elif len(originals) <= _FEW_ORIGINALS:  # (from the originals on, once)
                if ahead is None:
                    ahead = [
                        _steps(anchors, o, direction, removed=removed)
                        for o in originals
                        for removed in (False, True)
                    ]
                count += any(len(steps) > d and steps[d] in neighbour.originals for steps in ahead)
            else:  # (from the neighbour's originals back: a merged copy has hundreds of its own)
                count += any(
                    _step_from(anchors, originals, n, direction, d, removed=removed)
                    for n in neighbour.originals
                    for removed in (False, True)
                )
    return count


def _step_from(
    anchors: Mapping[int, Duplicate],
    sources: Collection[int],
    p: int,
    direction: int,
    d: int,
    *,
    removed: bool,
) -> bool:
    """Whether paragraph ``p`` is the ``d``-th (from 0) of :func:`_steps` from one of
    ``sources`` in ``direction`` (``removed`` as there): found walking back from ``p``."""

    def passed(q: int) -> bool:
        near = anchors.get(q)
        return near is not None and (removed or near.kind == "boilerplate")

    if passed(p):
        return False
    counted = skipped = 0
    q = p
    while True:
        q -= direction
        if counted == d and q in sources:
            return True
        if passed(q):
            skipped += 1
            if skipped > FURNITURE_PASSED:
                return False
        else:
            counted += 1
            if counted > d:
                return False


def past_furniture(anchors: Mapping[int, Duplicate], p: int, direction: int) -> int:
    """The paragraph next to ``p`` in ``direction`` (-1 or 1) once the boilerplate lines of
    ``anchors`` there are passed over (the one right next to it past
    :data:`FURNITURE_PASSED` of them)."""
    return next(iter(_steps(anchors, p, direction, 1)), p + direction)


def past_repeats(
    anchors: Mapping[int, Duplicate], canonical: Sequence[str], p: int, direction: int
) -> int:
    """:func:`past_furniture`, passing over too the paragraphs of ``anchors`` that are part of a
    run repeated right after itself (:func:`_in_a_repeated_run`): on a page that repeats each
    run of up to :data:`BLOCK_LINES` paragraphs right after it (p1 p2 p1 p2), what stands
    beside a paragraph of the first copy is past the repeats."""
    steps = _steps(
        anchors, p, direction, 1, passes=lambda q, near: _in_a_repeated_run(canonical, q, near)
    )
    return next(iter(steps), p + direction)


def _in_a_repeated_run(canonical: Sequence[str], p: int, dup: Duplicate) -> bool:
    """Whether paragraph ``p`` (duplicate ``dup``) is in the second copy of a run of up to
    :data:`BLOCK_LINES` paragraphs repeated word for word right after itself. A repeat of a
    paragraph further back, or whose neighbours repeat nothing, is not (a table of contents'
    line printed again as the heading over its section)."""
    if dup.doc_id is not None:
        return False
    for o in dup.originals:
        d = p - o
        if 0 < d <= BLOCK_LINES:
            for start in range(max(o - d + 1, 0), o + 1):
                if all(
                    m + d < len(canonical) and canonical[m] == canonical[m + d]
                    for m in range(start, start + d)
                ):
                    return True
    return False


def _steps(
    anchors: Mapping[int, Duplicate],
    p: int,
    direction: int,
    n: int = 3,
    *,
    removed: bool = False,
    passes: Callable[[int, Duplicate], bool] | None = None,
) -> list[int]:
    """The ``n`` paragraphs after ``p`` in ``direction`` (-1 or 1) that are not boilerplate
    lines of ``anchors`` (with ``removed``, not in ``anchors`` at all; with ``passes``, not
    those of ``anchors`` it holds for either), passing at most :data:`FURNITURE_PASSED` of
    those."""
    out: list[int] = []
    passed = 0
    while len(out) < n:
        p += direction
        near = anchors.get(p)
        if near is not None and (
            removed or near.kind == "boilerplate" or (passes is not None and passes(p, near))
        ):
            passed += 1
            if passed > FURNITURE_PASSED:
                break
            continue
        out.append(p)
    return out


def follows(neighbour: Duplicate | None, dup: Duplicate, step: int) -> bool:
    """Whether ``neighbour`` (``step`` paragraphs before ``dup``) repeats the paragraph ``step``
    before ``dup``'s original, in the same document."""
    if neighbour is None or neighbour.kind == "boilerplate" or neighbour.doc_id != dup.doc_id:
        return False
    return any(o + step in dup.originals for o in neighbour.originals)


def shares_source(neighbour: Duplicate | None, originals: Collection[int]) -> bool:
    """Whether ``neighbour`` repeats one of the paragraphs ``originals`` of this document, or
    one next to them."""
    if neighbour is None or neighbour.kind == "boilerplate" or neighbour.doc_id is not None:
        return False
    return any(abs(o - p) <= 1 for o in neighbour.originals for p in originals)


def confirm_in_runs(
    candidates: Mapping[int, Duplicate],
    found: dict[int, Duplicate],
    *,
    also: Callable[[int, Duplicate], bool] | None = None,
    canonical: Sequence[str] | None = None,
) -> None:
    """Move to ``found`` the candidates that two duplicates found before, within three
    paragraphs on either side, line up with (fuzzy matches that are not small edits): a table
    whose rows differ a little, or records that share a template and one identical line, stay.
    The others stay kept. ``also(i, dup)``, if given, must hold too.

    With ``canonical``, a paragraph printed twice stands at either place, for a candidate's
    original and for its neighbours' alike: a highlights box's item first, then the body's
    paragraph, which goes as its repeat, and a reworded copy of it lines up with the body's
    neighbours. Not so a repeat in a run repeated right after itself
    (:func:`_in_a_repeated_run`): there rows that differ a little would line up with the
    repeats right after them.
    """
    if not candidates:
        return
    repeats: dict[int, list[int]] = {}
    if canonical is not None:
        for k, dup in found.items():
            if (
                dup.kind == "exact"
                and dup.doc_id is None
                and dup.original is not None
                and not _in_a_repeated_run(canonical, k, dup)
            ):
                repeats.setdefault(dup.original, []).append(k)

    def placed(i: int, dup: Duplicate) -> Duplicate:
        if not repeats or dup.doc_id is not None:  # (an original in this document)
            return dup
        more = tuple(k for o in dup.originals for k in repeats.get(o, ()) if k != i)
        return replace(dup, originals=dup.originals + more) if more else dup

    # (the neighbours' originals too: after an older version of the body and the body, a third
    # copy's exact repeats name the older version's paragraphs, printed first, and its edited
    # ones the body's alone)
    anchors = _Placed(found, placed) if repeats else found
    found.update({
        i: dup for i, dup in candidates.items()
        if lined_up(anchors, i, placed(i, dup)) >= 2 and (also is None or also(i, dup))
    })  # fmt: skip


class _Placed(Mapping[int, Duplicate]):
    """``found`` with each duplicate's originals in this document joined by the paragraphs
    that repeat them word for word (``placed``), as :func:`confirm_in_runs` reads them."""

    def __init__(
        self, found: Mapping[int, Duplicate], placed: Callable[[int, Duplicate], Duplicate]
    ) -> None:
        self._found = found
        self._placed = placed

    def __getitem__(self, k: int) -> Duplicate:
        return self._placed(k, self._found[k])

    def __contains__(self, k: object) -> bool:
        return k in self._found

    def __iter__(self) -> Iterator[int]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)


def confirm_edited_runs(
    count: int, found: dict[int, Duplicate], waiting: Mapping[int, Duplicate]
) -> None:
    """Move to ``found`` the fuzzy matches of ``waiting`` that stand in a run of them: a copy
    edited in every paragraph (of a document of ``count`` paragraphs).

    A match counts when two others (or duplicates found before), within three paragraphs on
    either side, line up with it; then again as a second run would see them, with the
    paragraphs that go closed up (a copy beyond repeats that are removed), until no more line
    up.
    """
    anchors = {**found, **waiting}
    confirmed = {i for i, dup in waiting.items() if lined_up(anchors, i, dup) >= 2}
    while True:
        more = _lined_up_closed(
            count, found, {i: dup for i, dup in waiting.items() if i not in confirmed}, confirmed
        )
        if not more:
            break
        confirmed |= more
    for i in sorted(confirmed):
        dup = waiting[i]
        found[i] = replace(
            dup, rule=dup.rule.replace("inside a repeated run", "inside an edited copy")
        )


def _lined_up_closed(
    count: int,
    found: Collection[int],
    waiting: Mapping[int, Duplicate],
    going: set[int],
) -> set[int]:
    """Which of ``waiting`` two others of them line up with once the paragraphs ``found``, and
    ``going``, are gone (each counted by its place among the paragraphs that stay)."""
    if len(waiting) < 3:
        return set()
    rank: dict[int, int] = {}
    for k in range(count):
        if k not in found and k not in going:
            rank[k] = len(rank)
    closed: dict[int, Duplicate] = {}
    for i, dup in waiting.items():
        if dup.doc_id is None:
            if not all(o in rank for o in dup.originals):
                continue  # (its original goes: a second run matches it otherwise)
            originals = tuple(rank[o] for o in dup.originals)
            if not all(o < rank[i] - 1 for o in originals):
                continue
            dup = replace(dup, originals=originals)
        closed[rank[i]] = dup
    return {
        i for i, dup in waiting.items()
        if rank[i] in closed and lined_up(closed, rank[i], closed[rank[i]]) >= 2
    }  # fmt: skip


def remove_short_blocks(
    canonical: Sequence[str],
    found: dict[int, Duplicate],
    short_repeats: Mapping[int, int],
    aside: Collection[int] = (),
) -> None:
    """Remove short lines repeated right after themselves, one line or a block of up to
    :data:`BLOCK_LINES` in a row (p1 p2 p1 p2), when one of them has three words or more,
    :data:`MENU_LINES` or more short lines that open the document and again close it, and a
    title repeated among the document's first lines (:func:`in_header`).

    Lists and tables repeat short lines legitimately, also two or more in a row ("Filter:
    Cone" and "Carafe: Glass" under two products): a block that repeats further on stays
    unless a copy stands beside it (:func:`confirm_short_runs`). "Right after" and "in a
    row" skip removed paragraphs (so that deduplicating the output again removes nothing
    more), and removals repeat until none is left to make. Paragraphs ``aside`` (structured
    data, set aside while lines are matched, whether it goes in the end or not) open nothing.
    """
    if all(i in found for i in short_repeats):
        return
    kept = [k for k in range(len(canonical)) if k not in found]
    after = dict(pairwise(kept))
    before = {b: a for a, b in after.items()}
    # A repeat whose first copy has been removed since repeats the first kept one (if that is
    # not itself: the copy before it went as a copy of an earlier document's line, say).
    first_kept: dict[str, int] = {}
    for k in kept:
        first_kept.setdefault(canonical[k], k)
    short_repeats = {
        i: j if j not in found else first_kept.get(canonical[i], i)
        for i, j in short_repeats.items()
    }
    short_repeats = {i: j for i, j in short_repeats.items() if j != i}

    def remove(i: int, j: int, rule: str) -> None:
        found[i] = Duplicate(i, j, "exact", 1.0, rule, (j,))
        a, b = before.pop(i, None), after.pop(i, None)
        if a is not None:
            after[a] = b if b is not None else -1
        if b is not None:
            before[b] = a if a is not None else -1

    # A menu's repeat closes the document: only the last lines can start one (see _menu_repeat;
    # each one tried costs up to MENU_MAX_LINES steps).
    near_end = _LastLines(canonical, found, kept, before, MENU_MAX_LINES + FOOTER_LINES)
    head = _FirstLine(canonical, found, aside)  # (where in_header starts reading)
    order = sorted(short_repeats)
    changed = True
    while changed:
        changed = False
        n = 0
        while n < len(order):
            i = order[n]
            j = short_repeats[i]
            n += 1
            if i in found or j in found:
                continue
            block = _repeated_block(canonical, found, i, before, after, short_repeats)
            for k, m in block:
                remove(k, m, "short lines repeated right after themselves")
            if not block and i in near_end.lines():
                block = _menu_repeat(canonical, found, i, j, kept, after, short_repeats)
                for k, m in block:
                    remove(k, m, "a menu at the top repeated at the bottom")
                if block:  # the lines before it close the document now: tried again at once
                    n = min(n, bisect_left(order, min(near_end.lines(), default=i)))
            # A title of three words or more repeated in the document's header (elsewhere such
            # a line repeated two lines on is a list's or a table's).
            if (
                not block
                and canonical[i].count(" ") >= 2
                and in_header(canonical, found, i, j, aside, start=head.at())
            ):
                block = [(i, j)]
                remove(i, j, "a title repeated under the lines that follow it")
            changed = changed or bool(block)


class _LastLines:
    """The last ``count`` lines with words of those ``kept`` that ``found`` does not hold
    (``before`` links each to the one before it), worked out again only once ``found`` has
    grown (it never shrinks)."""

    def __init__(
        self,
        canonical: Sequence[str],
        found: Mapping[int, Duplicate],
        kept: Sequence[int],
        before: Mapping[int, int],
        count: int,
    ) -> None:
        self.canonical, self.found, self.kept, self.before = canonical, found, kept, before
        self.count = count
        self._end = len(kept)  # kept[_end:] are all found
        self._size = -1  # len(found) when _lines was worked out
        self._lines: set[int] = set()

    def lines(self) -> set[int]:
        if self._size != len(self.found):
            while self._end and self.kept[self._end - 1] in self.found:
                self._end -= 1
            last = self.kept[self._end - 1] if self._end else -1
            self._lines = set(islice(_worded(self.canonical, self.before, last), self.count))
            self._size = len(self.found)
        return self._lines


class _FirstLine:
    """The first line with words that neither ``found`` nor ``aside`` holds, looked for from
    the one found before (``found`` only grows)."""

    def __init__(
        self, canonical: Sequence[str], found: Mapping[int, Duplicate], aside: Collection[int]
    ) -> None:
        self.canonical, self.found, self.aside = canonical, found, aside
        self._at = 0

    def at(self) -> int:
        self._at = next(
            _staying(self.canonical, self.found, self.aside, self._at), len(self.canonical)
        )
        return self._at


def _staying(
    canonical: Sequence[str], found: Collection[int], aside: Collection[int], start: int = 0
) -> Iterator[int]:
    """The lines with words from line ``start`` on that neither ``found`` nor ``aside`` holds."""
    return (
        k
        for k in range(start, len(canonical))
        if canonical[k] and k not in found and k not in aside
    )


def _worded(canonical: Sequence[str], step: Mapping[int, int], k: int) -> Iterator[int]:
    """The lines with words from line ``k`` on, each the next by ``step`` (-1: none)."""
    while k >= 0:
        if canonical[k]:
            yield k
        k = step.get(k, -1)


def in_header(
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    i: int,
    j: int,
    aside: Collection[int] = (),
    *,
    past_menu: bool = False,
    start: int = 0,
) -> bool:
    """Whether line ``j`` opens the document and ``i`` follows it with at most
    :data:`HEADER_LINES` lines between them, none of them longer than a byline
    (:data:`HEADER_WORDS` words): where a page's title is printed again under its byline, date
    or picture. Removed paragraphs and those ``aside`` do not count. With ``past_menu``, ``j``
    may come after a menu: up to :data:`MAX_MENU` lines of up to :data:`MENU_ITEM_WORDS` words
    each ("Home", "World", "Sport"), as a page dumped whole opens. Lines before ``start`` are
    all removed, aside or without words (the caller knows: they are not read again)."""
    worded = _staying(canonical, found, aside, start)
    if past_menu:  # (the menu's items before ``j`` passed over)
        for n, k in enumerate(worded):
            if k == j:
                worded = chain((j,), worded)
                break
            if n >= MAX_MENU or not menu_item(canonical[k]):
                return False
        else:
            return False
    first = list(islice(worded, HEADER_LINES + 2))
    if not first or first[0] != j or i not in first:
        return False
    return all(canonical[k].count(" ") < HEADER_WORDS for k in first[1 : first.index(i)])


def _repeated_block(
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    i: int,
    before: Mapping[int, int],
    after: Mapping[int, int],
    short_repeats: Mapping[int, int],
) -> list[tuple[int, int]]:
    """``(line, original)`` of the short lines from ``i`` on that repeat the
    :data:`BLOCK_LINES` or fewer kept lines right before ``i``, one of them of three words
    or more or all of them among runs repeated right after themselves
    (:func:`_among_repeated_runs`); else nothing."""
    originals: list[int] = []
    k = before.get(i, -1)
    while k >= 0 and len(originals) < BLOCK_LINES:
        originals.insert(0, k)
        copies: list[int] = []
        m = i
        for o in originals:
            if m not in short_repeats or m in found or canonical[m] != canonical[o]:
                break
            copies.append(m)
            m = after.get(m, -1)
        if len(copies) == len(originals):
            if max(canonical[c].count(" ") for c in copies) >= 2 or _among_repeated_runs(
                canonical, found, originals[0], copies[-1]
            ):
                return list(zip(copies, originals, strict=True))
            return []
        k = before.get(k, -1)
    return []


def _among_repeated_runs(
    canonical: Sequence[str], found: Mapping[int, Duplicate], first: int, last: int
) -> bool:
    """Whether the lines ``first`` to ``last`` (a block of short lines, then its repeat) stand
    beside a run repeated right after itself (:func:`_in_a_repeated_run`): the paragraph right
    before ``first`` is in its second copy, or the one right after ``last`` is in its first. A
    page that renders every block twice (p1 p2 p1 p2) does so with its headings too; in a list
    or a table, two words repeated right after themselves ("Yes", "Yes") are two cells."""
    left = found.get(first - 1)
    if left is not None and _in_a_repeated_run(canonical, first - 1, left):
        return True
    if last + 1 in found:
        return False
    return any(
        (right := found.get(p)) is not None
        and last + 1 in right.originals
        and _in_a_repeated_run(canonical, p, right)
        for p in range(last + 2, last + 2 + BLOCK_LINES)
    )


def _menu_repeat(
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    i: int,
    j: int,
    kept: Sequence[int],
    after: Mapping[int, int],
    short_repeats: Mapping[int, int],
) -> list[tuple[int, int]]:
    """``(line, first copy)`` of the short lines from ``i`` on that repeat, in order, a block
    of up to :data:`MENU_MAX_LINES` from ``j`` on, when that block opens the document and its
    repeat closes it (a site's menu above and below the article), or comes before a footer of
    up to :data:`FOOTER_LINES` lines shorter than :data:`HEADER_WORDS` words ("Privacy
    Policy"); else nothing. The block has :data:`MENU_LINES` lines or more, or
    :data:`CHROME_LINES` with the boilerplate lines above the first kept line after it that
    the repeat has around it too, one at least ("Skip to main content", "Log in"). Lists of
    tags, features or enum values repeat inside an article, and stay."""
    if j != kept[0]:
        return []
    block: list[tuple[int, int]] = []
    k, m = i, j
    while 0 <= m < i and k in short_repeats and k not in found:
        if canonical[k] != canonical[m] or len(block) == MENU_MAX_LINES:
            break
        block.append((k, m))
        k, m = after.get(k, -1), after.get(m, -1)
    if len(block) < MENU_LINES:
        chrome = _chrome(canonical, found, block)
        if not chrome or len(block) + chrome < CHROME_LINES:
            return []
    # (The lines after it, up to one more than a footer holds: each line tried costs little.)
    footer = list(islice(_worded(canonical, after, after.get(block[-1][0], -1)), FOOTER_LINES + 1))
    if len(footer) > FOOTER_LINES or any(canonical[k].count(" ") >= HEADER_WORDS for k in footer):
        return []
    return block


def _chrome(
    canonical: Sequence[str], found: Mapping[int, Duplicate], block: Sequence[tuple[int, int]]
) -> int:
    """How many boilerplate lines stand among and around the first copy of a menu's ``block``
    (``(line, first copy)`` pairs), from the document's start to the first kept line after it,
    that stand around its repeat too, between the kept lines on either side of it: a page's
    header ("Skip to main content", "Log in", "Subscribe") printed again above its footer."""
    if not block:
        return 0

    def past_removed(k: int, step: int) -> int:  # (the first kept line with words from k on)
        while 0 <= k < len(canonical) and (k in found or not canonical[k]):
            k += step
        return k

    first_end = past_removed(block[-1][1] + 1, 1)
    start = past_removed(block[0][0] - 1, -1) + 1
    end = past_removed(block[-1][0] + 1, 1)

    def lines(span: range) -> list[str]:
        return [canonical[k] for k in span if (d := found.get(k)) and d.kind == "boilerplate"]

    around = set(lines(range(start, end)))
    return sum(text in around for text in lines(range(first_end)))


def confirm_short_runs(
    canonical: Sequence[str], found: dict[int, Duplicate], short_repeats: Mapping[int, int]
) -> None:
    """Remove the short repeats that stand next to a duplicate of this document and repeat
    the paragraph beside that duplicate's original: a heading or list line inside a copy.
    Confirmed ones confirm their own neighbours in turn, so a run of short lines next to a
    copy goes whole. Next to means with nothing but lines without a word between (a copy
    quoted as an e-mail quotes it, a ``>`` line between its paragraphs).

    The original is the earlier copy that lines up, not the first: "Pros" under the third
    product of a copied review repeats the third product's "Pros". A short line that repeats
    with no copy beside it (a table cell, a list item) stays.

    So does a heading-sized line that is two lines of the first copy run together, found the
    same way: the two lines after (or before) the neighbour's original, joined by a space,
    give its text ("Saatva Classic" and "Best For" as "Saatva Classic Best For"). And the
    reverse before a copy: short lines just before it that, joined by a space, give the line
    just before its original (a caption and its credit on one line in the first copy, a
    byline and its date) go as contained in that line.
    """
    repeats = {i for i in short_repeats if i not in found}
    if not repeats and not found:
        return
    # (Boilerplate lines do not part a copy, nor its original; nor does a heading the copy
    # renamed.)
    passed = furniture(found)
    beside = worded_neighbours(canonical, passed)
    renamed = _renamed_headings(canonical, found, short_repeats, beside)
    if renamed:
        beside = worded_neighbours(canonical, passed | renamed)

    # Lines that may be two short lines run together: looked at beside a duplicate or a short
    # repeat, and again as their neighbours are confirmed.
    def line(i: int) -> bool:
        return i >= 0 and i not in found and 1 <= canonical[i].count(" ") < HEADING_WORDS

    first = repeats.union(
        k for j in (*found, *repeats) for k in (beside[-1][j], beside[1][j]) if line(k)
    )  # fmt: skip
    if not first:
        return

    def between(i: int, step: int, neighbour: Duplicate) -> int | None:
        # The earlier copy of line i when it opens a run of short repeats between two copies
        # that repeats, in order, lines between those copies' originals, with paragraphs there
        # left out (a copy without the page's embedded posts, or a list's lines with it). The
        # copy after the run may stand past removed lines outside the copy, as the one before.
        run = [i]
        m = beside[step][i]
        while m in short_repeats and m not in found and len(run) < BETWEEN_LINES:
            run.append(m)
            m = beside[step][m]
        texts = [canonical[k] for k in (run if step == 1 else run[::-1])]
        if m not in found:
            return None
        for _, other in chain([(m, found[m])], _past_lone(found, beside[step], m)):
            if other.doc_id is not None:
                return None
            for o in neighbour.originals:
                for p in other.originals:
                    first, last = (o, p) if step == 1 else (p, o)
                    if 0 < last - first - 1 - len(run) <= LEFT_OUT and last < min(run):
                        span = (k for k in range(first + 1, last) if k not in found)
                        lines = _in_order(texts, canonical, span)
                        if lines:
                            return lines[0] if step == 1 else lines[-1]
        return None

    def confirm(i: int, step: int, neighbour: Duplicate) -> Duplicate | None:
        if neighbour.doc_id is not None:
            return None
        if i in short_repeats:
            # (a copy of paragraphs laid end to end borders i with its last one, or its first)
            ends = (max if step == 1 else min)(neighbour.originals, default=None)
            edge = () if ends is None else (ends,)
            j = next(
                (k for o in edge
                 if 0 <= (k := beside[step][o]) < i and canonical[k] == canonical[i]),
                None,
            )  # fmt: skip
            if j is None:  # (past the repeats beside the original: p1 p2 p1 p2, then a copy)
                j = next(
                    (k for o in edge
                     if 0 <= (k := past_repeats(found, canonical, o, step)) < i
                     and k not in found and canonical[k] == canonical[i]),
                    None,
                )  # fmt: skip
            if j is not None:
                return Duplicate(i, j, "exact", 1.0, "short repeat inside a repeated run", (j,))
            j = between(i, step, neighbour)
            if j is not None:
                return Duplicate(
                    i, j, "exact", 1.0,
                    "short repeat inside a repeated run that leaves out a paragraph beside it",
                    (j,),
                )  # fmt: skip
            j = shuffled(i)
            if j is not None:
                rule = "short repeat inside a block printed again in another order"
                return Duplicate(i, j, "exact", 1.0, rule, (j,))
        for o in neighbour.originals:
            k = beside[step][o]
            if not 0 <= k < i or k in found:
                continue
            m = beside[step][k]
            if not 0 <= m < i or m in found:
                continue
            head, tail = (k, m) if step == 1 else (m, k)
            a, b, text = canonical[head], canonical[tail], canonical[i]
            if len(a) + len(b) + 1 == len(text) and text.startswith(a) and text.endswith(b):
                return Duplicate(
                    i, head, "contained", 1.0,
                    f"short lines {head} and {tail} run together, inside a repeated run",
                    (head, tail),
                )  # fmt: skip
        return split_line(i, neighbour) if step == -1 else None

    @cache
    def twice() -> Counter[str]:  # (how often each text stands in the document)
        return Counter(canonical)

    def shuffled(i: int) -> int | None:
        # The earlier copy of line i inside a block whose lines the block around i repeats in
        # another order, each line once: a list of headlines printed again, shuffled ("Most
        # read", then "Related"). The block around i: the lines on either side that went as
        # exact copies or are short repeats, up to SHUFFLED_LINES of them. The copies' originals,
        # one each, and i's twin must lie in a stretch before it no longer than it. Not a label
        # printed more than twice ("Pros" over each product's box, where a box is printed again
        # beside another product's).
        block, originals = [i], set()
        for way in (-1, 1):
            k = beside[way][i]
            while k >= 0 and len(block) < SHUFFLED_LINES:
                d = found.get(k)
                if (
                    d is not None
                    and d.kind == "exact"
                    and d.doc_id is None
                    and d.original is not None
                ):
                    if d.original in originals:
                        return None
                    originals.add(d.original)
                elif k not in short_repeats or k in found:
                    break
                block.append(k)
                k = beside[way][k]
        if len(originals) < 2:
            return None
        low, high, size = min(originals), max(originals), len(block)
        text = canonical[i]
        if high >= min(block) or high - low >= size or twice().get(text) != 2:
            return None
        return next(
            (k for k in range(max(high - size + 1, 0), min(low + size, min(block)))
             if k not in found and k not in originals and canonical[k] == text),
            None,
        )  # fmt: skip

    def split_line(i: int, neighbour: Duplicate) -> Duplicate | None:
        # Line i, just before a copy, and the short lines before it laid end to end: word for
        # word the line just before the copy's original. (After a copy, the walks find them.)
        # The lines before i go with it at once.
        text = canonical[i]
        for o in neighbour.originals:
            k = beside[-1][o]
            if not 0 <= k < i or k in found or not canonical[k].endswith(" " + text):
                continue
            whole, joined, m = canonical[k], text, i
            while len(joined) < len(whole) and i - m < BETWEEN_LINES:
                m = beside[-1][m]
                if m <= k or m in found or canonical[m].count(" ") >= HEADING_WORDS:
                    break
                joined = f"{canonical[m]} {joined}"
            if joined != whole:
                continue
            rule = (
                f"short lines {m} to {i} laid end to end make paragraph {k}, "
                "before a copy of the paragraph after it"
            )
            for n in range(m, i):
                if canonical[n] and n not in found:  # (past boilerplate lines and blank ones)
                    found[n] = Duplicate(n, k, "contained", 1.0, rule, (k,))
            return Duplicate(i, k, "contained", 1.0, rule, (k,))
        return None

    def tried(k: int) -> bool:  # (as a paragraph of ``first`` would be)
        return k not in found and (
            k in short_repeats
            or (line(k) and any(
                (j := beside[way][k]) in found or j in short_repeats for way in (-1, 1)
            ))
        )  # fmt: skip

    # A line confirmed may confirm one a few paragraphs off that it does not border (past lines
    # outside the copy, or by lining the copy up): the lines near each confirmed one are looked
    # at again, until none is confirmed, rather than in another round over the whole document.
    waiting: Collection[int] = first
    while waiting:
        count = len(found)
        _confirm_along(found, beside, waiting, confirm, also=line)
        waiting = {k for n in islice(found, count, None) for k in _near(beside, n) if tried(k)}


def _renamed_headings(
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    short_repeats: Mapping[int, int],
    beside: Mapping[int, Sequence[int]],
) -> set[int]:
    """The headings a copy renamed, and the first copy's headings they stand for: a kept line
    of up to :data:`MENU_ITEM_WORDS` words without a figure right beside a duplicate of this
    document, where the line beside its original is another such line, and the lines past
    the two (a short repeat, or a duplicate, and its twin) are the same text. A recipe's card
    prints its ingredients and its steps again under "Instructions" for "Method": the list
    is inside the copy all the same. Only with :data:`RENAMED_LINES` lines or more past the
    two that repeat in order, and a copy of two paragraphs or more on the other side: an
    event's or a brand's name in a listing ("Boston, United States" where the first entry
    says "Charlotte, United States") is no renamed heading, and the lines under it stay."""

    def heading(k: int) -> bool:
        if k < 0 or k in found or k in short_repeats or not canonical[k]:
            return False
        text = canonical[k]
        return text.count(" ") < MENU_ITEM_WORDS and not any(c.isdigit() for c in text)

    renamed: set[int] = set()
    for n, dup in found.items():
        if dup.kind != "exact" or dup.doc_id is not None or len(dup.originals) != 1:
            continue
        o = dup.originals[0]
        for way in (-1, 1):
            h, first = beside[way][n], beside[way][o]
            if not (heading(h) and heading(first)) or canonical[h] == canonical[first]:
                continue
            # (the list past the two: RENAMED_LINES lines or more that repeat in order, and the
            # copy on the other side two paragraphs or more)
            p, q, same = beside[way][h], beside[way][first], 0
            while (
                same < RENAMED_LINES and p >= 0 and q >= 0 and p != first
                and (p in short_repeats or p in found) and canonical[p] == canonical[q]
            ):  # fmt: skip
                p, q, same = beside[way][p], beside[way][q], same + 1
            after = found.get(beside[-way][n])
            if (
                same == RENAMED_LINES
                and after is not None
                and after.kind == "exact"
                and after.originals == (beside[-way][o],)
            ):
                renamed.update((h, first))
    return renamed


def _near(beside: Mapping[int, Sequence[int]], i: int) -> Iterator[int]:
    """The paragraphs with words up to :data:`CONFIRM_REACH` steps from ``i`` each way."""
    for way in (-1, 1):
        k = beside[way][i]
        for _ in range(CONFIRM_REACH):
            if k < 0:
                break
            yield k
            k = beside[way][k]


def keep_later_run(
    canonical: Sequence[str],
    found: dict[int, Duplicate],
    short_repeats: Mapping[int, int],
    text_of_its_own: Callable[[int], bool],
    may_stay: Callable[[int], bool] = lambda _: True,
) -> dict[int, int]:
    """Turn round the repeats of lines of a copy printed before the body, beside paragraphs of
    it that went as contained in later ones (an older or shorter copy of the body, whose
    paragraphs the body's repeat adding a sentence): each line of that copy that a line beside
    those later paragraphs repeats, word for word or nearly, goes as a copy of it, and that line
    stays, whether it was kept as a short repeat (a heading, a list line) or removed as a copy
    of the earlier one. So the body stays whole and in order, not part of it left in the copy.
    Each line turned turns its own neighbours in turn, so the copy's run goes whole.

    A line of the copy that the later one beside those goes on from (an item of a list that the
    body adds a sentence to, too short to be tried as contained in it) goes as contained in it;
    so it does if that later one went as holding its words (the body ran a link into it: the
    later one stays instead), or as contained in paragraphs after it (the body says it again
    further on: it stays removed). The run passes up to :data:`TWICE_LINES` lines in a row of
    the copy that went before as repeats of its own earlier lines (the article prints them
    twice: a verdict under two products, a list again as a summary), where the later run has
    the same lines in the same place.

    Only if no paragraph that is ``text_of_its_own`` (a sentence, not a title or a heading) then
    stays between the first line turned and the later lines: a copy of part of the text,
    printed after it, leaves the rest where it stands, and the text keeps its order. (Where
    the copy's paragraphs are the originals, :func:`confirm_short_runs` removes the later
    lines.) The line just before the later run (its first line turned, or a paragraph before
    that which a line of the copy went as contained in), if shorter than :data:`TITLE_WORDS`,
    is its title however it reads ("Is it worth it? Here's what we found."), not such text.
    Nor if the later run adds to one paragraph only, the copy's last (after every line turned):
    a copy printed after the body that runs a line into its last paragraph ("Updated 3:41
    p.m.") is no newer body; :data:`OLDER_LINES` such paragraphs, or one before the last,
    are. No later line that ``may_stay`` says may not stay (a boilerplate line, "Share this
    article", which goes wherever it stands) is kept in place of the copy's. Returns the lines
    turned, each with the later line it now goes as a repeat of (none: ``{}``).
    """
    # (the paragraphs that went as contained in a later one: where a turn starts)
    anchors = [
        j for j, dup in found.items() if dup.doc_id is None and any(o > j for o in dup.originals)
    ]
    if not anchors:
        return {}
    later_of: dict[int, dict[int, Duplicate]] = {}
    for later, first in short_repeats.items():
        if later not in found and first not in found and may_stay(later):
            later_of.setdefault(first, {})[later] = Duplicate(later, first, "exact", 1.0, "")
    for later, dup in found.items():
        copied = dup.original
        if (
            dup.kind in ("exact", "near")
            and dup.doc_id is None
            and copied is not None
            and copied < later
            and copied not in found
            and dup.originals == (copied,)
            and may_stay(later)  # (last: a boilerplate pattern, the dearest test)
        ):
            later_of.setdefault(copied, {})[later] = dup
    if not later_of:
        return {}
    beside = worded_neighbours(canonical, furniture(found))
    trial = dict(found)
    turned: dict[int, int] = {}  # each line turned, and the later line that stays

    def counterpart(k: int, step: int) -> int | None:
        # The later line that stands where line ``k`` of the copy does, past lines of the copy
        # that went before any turn as repeats of an earlier line of the copy (the article
        # prints them twice; so does the later run): the same texts in the same order beside
        # the later line of a line turned, or of one gone as contained in a later one.
        passed: list[int] = []
        while True:
            dup = trial.get(k)
            if k < 0 or dup is None or dup.doc_id is not None:
                return None
            later = (max if step == 1 else min)(dup.originals, default=-1)
            if later > k:
                break
            if len(passed) == TWICE_LINES:
                return None
            passed.append(k)
            k = beside[-step][k]
        for k in reversed(passed):
            later = beside[step][later]
            if later < 0 or canonical[later] != canonical[k]:
                return None
        return later

    def turn(i: int, later: int, dup: Duplicate) -> Duplicate:
        # Line ``i`` as a copy of ``later``, which ``dup`` had the other way round: ``later``
        # stays.
        trial.pop(later, None)
        turned[i] = later
        return Duplicate(
            i, later, dup.kind, dup.similarity,
            "copied by a later line that stays, inside a repeated run", (later,),
        )  # fmt: skip

    # (the paragraphs past every anchor that anchors went as contained in: the run that stays
    # holds them, so none of them is a line of the copy, whatever a third copy after the run
    # repeats)
    past = max(anchors)
    holders = {o for j in anchors for o in found[j].originals if o > past}

    def confirm(i: int, step: int, neighbour: Duplicate) -> Duplicate | None:
        if i in holders:
            return None
        edge = (max if step == 1 else min)(neighbour.originals, default=None)
        if (
            neighbour.doc_id is None and edge is not None and edge <= i
            and neighbour.index == beside[-step][i]
        ):  # fmt: skip
            edge = counterpart(neighbour.index, step)  # (a line the copy prints twice)
        if neighbour.doc_id is not None or edge is None or edge <= i:
            return None
        later = beside[step][edge]
        if later <= i:
            return None  # (none beside, -1: not the document's last paragraph)
        dup = later_of.get(i, {}).get(later)
        if dup is None and canonical[later].startswith(canonical[i] + " "):
            # (a line the later one adds to: a list's item that the body goes on with)
            held = trial.get(later)
            if held is not None and i in held.originals:
                trial.pop(later)  # (it went as holding the words of ``i``: it stays instead)
            elif held is not None and (held.kind != "contained" or _leads_to(trial, later, i)):
                return None  # (``later`` goes, and not as the words of paragraphs after it)
            trial[i] = Duplicate(
                i, later, "contained", 1.0,
                f"its words open later paragraph {later}, inside a repeated run", (later,),
            )  # fmt: skip
            turned[i] = later
            return trial[i]
        return None if dup is None else turn(i, later, dup)

    # (those with a later copy, and the lines beside what went as contained in a later one)
    waiting = later_of.keys() | {
        k for j in anchors for k in (beside[-1][j], beside[1][j]) if k >= 0 and k not in found
    }
    _confirm_along(
        trial, beside, waiting, confirm,
        also=lambda k: k not in trial and bool(canonical[k]), past=TWICE_LINES,
    )  # fmt: skip
    if not turned:
        return {}
    # (the later paragraphs that lines before them went as copies of, or as contained in)
    named = {o for j, dup in trial.items() if dup.doc_id is None for o in dup.originals if o > j}
    first, last = min(turned), min(turned.values())
    # The line just before the later run is its title, if any: the run starts at its first
    # line turned, or at a paragraph before it that a line of the copy went as contained in.
    copy_end = max(turned)
    # The paragraphs before the later run that it adds to: the last alone is no newer body (a
    # copy after the body that appends "Updated 3:41 p.m." to its last paragraph).
    added_to = [j for j in anchors if j < last and max(found[j].originals) > copy_end]
    if len(added_to) < OLDER_LINES and all(j > copy_end for j in added_to):
        return {}
    start = min((o for o in named if copy_end < o < last), default=last)
    title = beside[-1][start]
    for k in range(first + 1, last):
        if (
            k in trial
            or k in named
            or not canonical[k]
            or not text_of_its_own(k)
            or (k == title and canonical[k].count(" ") + 1 < TITLE_WORDS)
        ):
            continue
        # A paragraph of the copy that the later run repeats too, where the lines around it
        # were not turned (they went as contained in a paragraph of the body elsewhere, one
        # that the article says them in again), goes with the copy's other lines.
        again = min((j for j in later_of.get(k, ()) if j > last), default=None)
        if again is None:
            return {}  # (the rest of the text stands between: a copy of part of it)
        trial[k] = turn(k, again, later_of[k][again])
    for i, later in turned.items():
        if later not in trial:
            found.pop(later, None)
        found[i] = trial[i]
    return turned


def _leads_to(found: Mapping[int, Duplicate], start: int, target: int) -> bool:
    """Whether following what ``start`` repeats, through the paragraphs of ``found`` (removed),
    reaches ``target``: then ``target`` cannot go as a repeat of ``start`` (nothing of the
    two would stay)."""
    seen, todo = {start}, [start]
    while todo:
        dup = found.get(todo.pop())
        if dup is None or dup.doc_id is not None:
            continue
        for o in dup.originals:
            if o == target:
                return True
            if o not in seen:
                seen.add(o)
                todo.append(o)
    return False


def _in_order(texts: Sequence[str], canonical: Sequence[str], span: Iterable[int]) -> list[int]:
    """The first paragraphs of ``span`` whose texts are ``texts``, in order; ``[]`` if not all
    of them stand there.

    >>> _in_order(["b", "d"], ["a", "b", "c", "d"], range(0, 4))
    [1, 3]
    >>> _in_order(["d", "b"], ["a", "b", "c", "d"], range(0, 4))
    []
    """
    lines: list[int] = []
    for k in span:
        if len(lines) < len(texts) and canonical[k] == texts[len(lines)]:
            lines.append(k)
    return lines if len(lines) == len(texts) else []


def furniture(found: Mapping[int, Duplicate]) -> set[int]:
    """The boilerplate lines among ``found``."""
    return {k for k, dup in found.items() if dup.kind == "boilerplate"}


def _confirm_along(
    found: dict[int, Duplicate],
    beside: Mapping[int, Sequence[int]],
    waiting: Collection[int],
    confirm: Callable[[int, int, Duplicate], Duplicate | None],
    *,
    also: Callable[[int], bool] | None = None,
    past: int = 0,
) -> None:
    """Move to ``found`` each of ``waiting`` that ``confirm(i, step, neighbour)`` confirms, where
    ``neighbour`` is the duplicate next to ``i`` on the side ``-step`` (``beside``: the nearest
    paragraphs with words). A confirmed one makes its own neighbours look again, so a run goes
    whole: each is looked at once, and again when a neighbour is confirmed (linear in the run).
    With ``also``, the neighbours of a confirmed one for which ``also`` holds look too; with
    ``past``, the first paragraph not in ``found`` past up to that many that are, on each side.
    """
    queue = deque(sorted(waiting))
    while queue:
        i = queue.popleft()
        if i in found:
            continue
        for step in (1, -1):
            toward = beside[-step]
            neighbour = found.get(toward[i])
            if neighbour is None:
                continue
            dup = confirm(i, step, neighbour) if neighbour.kind != "boilerplate" else None
            if dup is None:
                dup = _confirm_past_lone(found, toward, toward[i], i, step, confirm)
            if dup is not None:
                found[i] = dup
                for way in (-1, 1):
                    k = beside[way][i]
                    for _ in range(past):  # (past removed lines: see ``past``)
                        if k not in found:
                            break
                        k = beside[way][k]
                    if (
                        k >= 0 and k not in found
                        and (k in waiting or (also is not None and also(k)))
                    ):  # fmt: skip
                        queue.append(k)
                break


def _confirm_past_lone(
    found: Mapping[int, Duplicate],
    toward: Sequence[int],
    k: int,
    i: int,
    step: int,
    confirm: Callable[[int, int, Duplicate], Duplicate | None],
) -> Duplicate | None:
    """``confirm(i, step, neighbour)`` for a duplicate further on the side ``-step`` of ``i``
    (``toward``: the next paragraph with words that way) than the removed line ``k`` next to
    it, which does not confirm ``i``, past lines outside the copy (:func:`_past_lone`)."""
    for _, further in _past_lone(found, toward, k):
        if further.kind != "boilerplate":
            dup = confirm(i, step, further)
            if dup is not None:
                return dup
    return None


def _past_lone(
    found: Mapping[int, Duplicate], toward: Sequence[int], k: int
) -> Iterator[tuple[int, Duplicate]]:
    """The removed lines after the removed line ``k`` on the way ``toward``, while each one
    passed is no part of a copy there: boilerplate, or a duplicate that nothing around it lines
    up with (a caption or an ad line that one copy repeats between its paragraphs); at most
    :data:`LONE_LINES` of them."""
    for _ in range(LONE_LINES):
        dup = found[k]
        if dup.kind != "boilerplate" and _in_a_copy(found, k, dup):
            return  # (a line of a copy)
        k = toward[k]
        further = found.get(k)
        if further is None:
            return
        yield k, further


def confirm_indexed_short_runs(
    canonical: Sequence[str],
    exact: Sequence[int],
    found: dict[int, Duplicate],
    postings: Mapping[int, Sequence[IndexedParagraph]],
    indexed_beside: Callable[[str, int, int], IndexedParagraph | None] | None = None,
    short_words: int = 0,
) -> None:
    """Remove the kept lines that stand next to a copy of an indexed document's paragraph and
    repeat, word for word, the indexed paragraph beside that one (two paragraph numbers away at
    most: lines without a word are not indexed): a heading or a short line inside a copy of an
    earlier document, as :func:`confirm_short_runs` removes one inside a copy in this document.
    ``exact`` holds each paragraph's exact key and ``postings`` what the index filed under it;
    with ``indexed_beside(doc_id, paragraph, step)`` (the indexed paragraph beside one), lines
    of fewer than ``short_words`` words whose key the index files too often to hand out
    ("Pros:", in every review) are looked up beside the copy instead. Confirmed ones confirm
    their own neighbours in turn.
    """
    kept = [k for k in range(len(canonical)) if canonical[k] and k not in found]
    short = {k for k in kept if canonical[k].count(" ") + 1 < short_words}
    waiting = {k for k in kept if exact[k] in postings or k in short}
    if not waiting:
        return

    def beside(i: int, step: int, neighbour: Duplicate) -> Iterator[IndexedParagraph]:
        assert neighbour.doc_id is not None
        yield from postings.get(exact[i], ())  # (maybe not all: a common line's are capped)
        if indexed_beside is not None and i in short:
            for o in neighbour.originals:
                entry = indexed_beside(neighbour.doc_id, o, step)
                if entry is not None:
                    yield entry

    def confirm(i: int, step: int, neighbour: Duplicate) -> Duplicate | None:
        if neighbour.doc_id is None:
            return None
        entry = next(
            (e for e in beside(i, step, neighbour)
             if e.doc_id == neighbour.doc_id and e.canonical == canonical[i]
             and any(0 < (e.paragraph - o) * step <= 2 for o in neighbour.originals)),
            None,
        )  # fmt: skip
        if entry is None:
            return None
        return Duplicate(
            i, entry.paragraph, "exact", 1.0, "short repeat inside a repeated run",
            (entry.paragraph,), entry.doc_id,
        )  # fmt: skip

    _confirm_along(found, worded_neighbours(canonical), waiting, confirm)


def confirm_decorated_runs(
    canonical: Sequence[str],
    found: dict[int, Duplicate],
    *,
    indexed_texts: Mapping[tuple[str, int], str] | None = None,
    indexed_beside: Callable[[str, int, int], IndexedParagraph | None] | None = None,
) -> None:
    """Remove the kept paragraphs that repeat the paragraph beside a duplicate's original with
    the words that duplicate adds to its own original: a copy that carries the same decoration
    on every paragraph ("ANNA BERG:" before each, "(Reuters)" or "Read more" after each, a line
    number or a time before each, digits aside). Its long paragraphs go as copies with a few
    words added at one end; its headings and short lines, which such words would otherwise make
    new items, go by this rule. Confirmed ones confirm their own neighbours in turn.

    With ``indexed_texts`` (canonical texts of indexed documents' paragraphs, by ``(doc_id,
    paragraph)``) and ``indexed_beside`` (the indexed paragraph beside one on the side
    ``step``), the originals may be paragraphs of earlier documents too.

    >>> canonical = ["key facts", "the vote passed by a wide margin", "2 key facts",
    ...              "3 the vote passed by a wide margin", "key facts again"]
    >>> found = {3: Duplicate(3, 1, "contained", 0.9, "", (1,))}
    >>> confirm_decorated_runs(canonical, found)
    >>> found[2].original, found[2].rule
    (0, "paragraph 0 with what its neighbours add before theirs ('2')")
    """
    if all(dup.kind == "boilerplate" for dup in found.values()):
        return  # (no copy beside which a line could repeat anything)
    beside = worded_neighbours(canonical)

    def confirm(i: int, step: int, neighbour: Duplicate) -> Duplicate | None:
        if len(neighbour.originals) != 1:
            return None
        if neighbour.doc_id is not None:
            return confirm_indexed(i, step, neighbour, neighbour.doc_id)
        o = neighbour.originals[0]
        decoration = _decoration(canonical[neighbour.index], canonical[o])
        j = beside[step][o]
        if decoration is None or not 0 <= j < i or j in found:
            return None
        mine = _decoration(canonical[i], canonical[j])
        if mine is None or mine[:2] != decoration[:2]:
            return None
        where = "before" if mine[0] < 0 else "after"
        return Duplicate(
            i, j, "near", len(canonical[j]) / len(canonical[i]),
            f"paragraph {j} with what its neighbours add {where} theirs ({mine[2]!r})", (j,),
        )  # fmt: skip

    def confirm_indexed(i: int, step: int, neighbour: Duplicate, doc_id: str) -> Duplicate | None:
        if indexed_texts is None or indexed_beside is None or neighbour.kind == "exact":
            return None  # (an exact copy adds nothing)
        o = neighbour.originals[0]
        original = indexed_texts.get((doc_id, o))
        decoration = _decoration(canonical[neighbour.index], original) if original else None
        entry = indexed_beside(doc_id, o, step) if decoration else None
        mine = _decoration(canonical[i], entry.canonical) if entry else None
        if mine is None or decoration is None or entry is None or mine[:2] != decoration[:2]:
            return None
        where = "before" if mine[0] < 0 else "after"
        return Duplicate(
            i, entry.paragraph, "near", len(entry.canonical) / len(canonical[i]),
            f"paragraph {entry.paragraph} with what its neighbours add {where} theirs"
            f" ({mine[2]!r})", (entry.paragraph,), doc_id,
        )  # fmt: skip

    waiting = {k for k in range(len(canonical)) if canonical[k] and k not in found}
    _confirm_along(found, beside, waiting, confirm)


ZERO_DIGITS = str.maketrans("123456789", "000000000")  # (text.translate: every digit 0)


def _decoration(copy: str, original: str) -> tuple[int, str, str] | None:
    """The words ``copy`` adds before (-1) or after (1) the whole of ``original``, at most
    :data:`~textclean.align.AFFIX_WORDS` of them: ``(side, the words with every digit 0, the
    words)``; ``None`` if ``copy`` is not ``original`` with such words at one end.

    >>> _decoration("10 32 am the vote passed", "the vote passed")
    (-1, '00 00 am', '10 32 am')
    >>> _decoration("the vote passed reuters", "the vote passed")
    (1, 'reuters', 'reuters')
    >>> _decoration("the vote was passed", "the vote passed") is None
    True
    """
    if not original or len(copy) <= len(original) + 1:
        return None
    if copy.endswith(original) and copy[-len(original) - 1] == " ":
        side, added = -1, copy[: -len(original) - 1]
    elif copy.startswith(original) and copy[len(original)] == " ":
        side, added = 1, copy[len(original) + 1 :]
    else:
        return None
    if added.count(" ") >= AFFIX_WORDS:
        return None
    return side, added.translate(ZERO_DIGITS), added


def worded_neighbours(canonical: Sequence[str], skip: Collection[int] = ()) -> dict[int, list[int]]:
    """For each step (1 and -1), the nearest paragraph with words in that direction from each
    paragraph (-1 where there is none), passing over the paragraphs ``skip`` too.

    >>> worded_neighbours(["a", "", "b c", "d"])
    {1: [2, 2, 3, -1], -1: [-1, 0, 0, 2]}
    >>> worded_neighbours(["a", "b c", "d"])
    {1: [1, 2, -1], -1: [-1, 0, 1]}
    >>> worded_neighbours(["a", "b c", "d"], skip={1})
    {1: [2, 2, -1], -1: [-1, 0, 0]}
    """
    if skip:
        canonical = [text if k not in skip else "" for k, text in enumerate(canonical)]
    n = len(canonical)
    if all(canonical):  # (the common case: every paragraph has words)
        return {1: [*range(1, n), -1], -1: [-1, *range(n - 1)]} if n else {1: [], -1: []}
    after, before = [-1] * n, [-1] * n
    last = -1
    for k in range(n):
        before[k] = last
        if canonical[k]:
            last = k
    last = -1
    for k in range(n - 1, -1, -1):
        after[k] = last
        if canonical[k]:
            last = k
    return {1: after, -1: before}
