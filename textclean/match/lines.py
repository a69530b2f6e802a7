"""Lines of a copy with other breaks than the text it repeats, found from the lines beside them.

A copy that breaks the text elsewhere (a list's items run into one paragraph, a page wrapped a
line a paragraph, headings run into the sentences after them) leaves lines that share no key
with what they repeat, or too few words for one. They are found from their neighbours:

* :func:`joined_lines`: a kept paragraph that is the short kept lines in a row before it, run
  together word for word;
* :func:`walk_lines`: from each removed line to the kept lines beside it, as long as each goes
  on from its neighbour in the paragraph that neighbour repeats: a paragraph of this document
  (:func:`going_on_here`) or an indexed one (:class:`IndexedLines`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, MutableMapping, Sequence
from itertools import islice

from textclean.align import MIN_RUN, find_words, parts_spanned, whole_words_in
from textclean.canonical import word_count
from textclean.match.earlier import Earlier
from textclean.match.merged import EDGE, HEADING_WORDS, MAX_SKIPPED, laid_out_in, run_into
from textclean.match.model import IndexedParagraph, describe
from textclean.options import DedupeOptions
from textclean.results import Duplicate

__all__ = ["IndexedLines", "going_on_here", "is_line", "joined_lines", "walk_lines"]

MAX_JOINED = 4  # short lines in a row that a copy with other breaks runs into one paragraph
_MAX_MERGED = MAX_SKIPPED + 1  # indexed paragraphs tried as one paragraph beside a copy
_MAX_ACROSS = 8  # indexed paragraphs a line may run into past the one it goes on from

GoingOn = Callable[[int, int], Duplicate | None]


def joined_lines(
    canonical: Sequence[str],
    found: MutableMapping[int, Duplicate],
    pending: MutableMapping[int, Duplicate],
    structured: Collection[int],
    short_words: int,
) -> None:
    """Remove each kept paragraph that is two to :data:`MAX_JOINED` kept lines in a row
    before it, each of two words or more but shorter than a heading, run together word for
    word: a copy with other breaks that merged the items of a list or a table of contents
    (``"4.4 Webmaker 4.5 Mozilla Developer Network"``), which share no key with it, or too
    few words for one. (Lines of one word are a code block's, ``comments(``, whose field a
    later block may print on one line.) A paragraph held as a near copy (``pending``) goes so.
    """
    # (in a row as a second run sees them: past paragraphs removed, and structured data)
    kept = [k for k in range(len(canonical)) if k not in found and k not in structured]
    spaces = [canonical[k].count(" ") for k in kept]
    # The paragraphs that may be lines run together, and their lengths: only runs of lines as
    # long as one of them are joined.
    targets = [k for k, n in zip(kept, spaces, strict=True) if n + 1 >= short_words]
    lengths = {len(canonical[k]) for k in targets}
    line = [_line_spaces(n) for n in spaces]
    joined: dict[str, tuple[int, ...]] = {}
    for a in range(len(kept) - 1 if lengths else 0):
        if not line[a]:
            continue
        b, length = a, -1
        while b < len(kept) and b - a < MAX_JOINED and line[b]:
            length += len(canonical[kept[b]]) + 1
            b += 1
            if b - a > 1 and length in lengths:
                run = tuple(kept[a:b])
                joined.setdefault(" ".join(canonical[k] for k in run), run)
    if not joined:
        return
    for i in targets:
        members = joined.get(canonical[i])
        if (
            members is None
            or members[-1] >= i
            or not all(m not in found and canonical[m] for m in members)
        ):
            continue
        pending.pop(i, None)
        found[i] = Duplicate(
            i, members[0], "contained", 1.0,
            f"its words are {describe(members)} run together", members,
        )  # fmt: skip


def is_line(canonical: str) -> bool:
    """Whether canonical text may be one of the lines :func:`joined_lines` runs together: two
    words or more, but shorter than a heading."""
    return _line_spaces(canonical.count(" "))


def _line_spaces(spaces: int) -> bool:
    """:func:`is_line` for a text with ``spaces`` spaces (2 to 11 words)."""
    return 0 < spaces < HEADING_WORDS - 1


def walk_lines(
    canonical: Sequence[str],
    found: MutableMapping[int, Duplicate],
    structured: Collection[int],
    going_on: GoingOn,
) -> set[int]:
    """Remove the kept lines that go on from a line next to them found in another paragraph,
    as ``going_on(k, m)`` says of line ``k`` and line ``m`` beside it
    (:meth:`IndexedLines.going_on`, :func:`going_on_here`). Confirmed lines confirm their
    neighbours in turn, both ways. A paragraph that went as contained in a line found so, and
    that the line is found to repeat, stays: those are returned (each may repeat another kept
    paragraph, as it did before it went into the line)."""
    n = len(canonical)
    back: set[int] = set()
    todo = sorted({k for m in found for k in (m - 1, m + 1) if 0 <= k < n}, reverse=True)
    while todo:
        k = todo.pop()
        if k in found or not canonical[k] or k in structured:
            continue
        dup = going_on(k, k - 1) or going_on(k, k + 1)
        if dup is not None:
            found[k] = dup
            for x in dup.originals:  # (one went as contained in line k: it stays in its place)
                if x in found and _went_into_lines(found, x, k):
                    del found[x]
                    back.add(x)
            todo.extend(m for m in (k + 1, k - 1) if 0 <= m < n and m not in found)
    return back - found.keys()


def going_on_here(
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    k: int,
    m: int,
    *,
    first_same: Sequence[int] | None = None,
    kept_copy: Callable[[int, int], int | None] | None = None,
) -> Duplicate | None:
    """Paragraph ``k`` as a part of the kept paragraph of this document that paragraph ``m``
    next to it stands for (``m`` went as a part or a copy of it, or as a repeat of such a
    paragraph): the two run together (with a space, or without one, as a copy run together
    without spaces holds them) stand there. Headings of a body after its copy run together
    go so: the copy holds each run into the sentence after it, so no key leads from the
    heading to the copy, but the paragraphs on either side went as parts of it (and a second
    run would find the heading among the headings it is left beside). So do the lines of a
    wrapped copy after both: from one line to the next, some of them repeats of the body's
    short lines, and runs of three words or more may run into the words on both sides there
    (a short line of a list: "...cheap to runcons small drawerbest for...")."""
    dup = found.get(m)
    if dup is None or dup.doc_id is not None or dup.kind == "boilerplate":
        return None
    if len(dup.originals) > 1:  # (laid end to end: those that went since stand there too)
        return _going_across(canonical, found, k, m, dup.originals, first_same, kept_copy)
    repeat = dup.kind == "exact"
    j = dup.original
    seen = {m}
    while j is not None and j in found and j not in seen:  # (a copy of a part of j)
        seen.add(j)
        dup = found[j]
        if dup.doc_id is not None or len(dup.originals) != 1:
            return None
        j = dup.original
    if j is None or j in found:
        return None
    first, second = (canonical[m], canonical[k]) if k > m else (canonical[k], canonical[m])
    body = canonical[j]
    for run in (f"{first} {second}", f"{first}{second}"):
        # (run into the words on both sides, when the copy runs both lines' neighbours in)
        if run_into(run, body) or (run.count(" ") >= MIN_RUN - 1 and run in body):
            return Duplicate(
                k, j, "contained", 1.0, f"its words go on from paragraph {m}'s in paragraph {j}",
                (j,),
            )  # fmt: skip
    across = _going_across(canonical, found, k, m, (j,), first_same, kept_copy)
    return across or (_past_a_repeat(canonical, found, k, m) if repeat else None)


def _past_a_repeat(
    canonical: Sequence[str], found: Mapping[int, Duplicate], k: int, m: int
) -> Duplicate | None:
    """:func:`going_on_here` for a line ``m`` that went as the same text as a paragraph other
    than the one its copy stands in (a table's header row that an earlier table prints too):
    line ``k`` goes on from it in the paragraph that the line on ``m``'s other side went into,
    and maybe the kept paragraphs after it (before it, for a line before ``m``), the three
    lines standing there one after the other, word for word.

    >>> texts = ["key dates", "the plan was approved on tuesday key dates work starts in may",
    ...          "and ends in june", "the plan was approved on tuesday", "key dates",
    ...          "work starts in may and ends"]
    >>> found = {3: Duplicate(3, 1, "contained", 1.0, "", (1,)),
    ...          4: Duplicate(4, 0, "exact", 1.0, "", (0,))}
    >>> _past_a_repeat(texts, found, 5, 4).originals
    (1, 2)
    """
    far = 2 * m - k  # (the line on ``m``'s other side)
    line = found.get(far) if 0 <= far < len(canonical) else None
    if line is None or line.kind != "contained" or line.doc_id is not None or not line.originals:
        return None
    after = k > m
    x = max(line.originals) if after else min(line.originals)
    if x in found or x >= min(k, m):
        return None
    # Paragraph ``x`` and the kept ones beyond it in a row, as long as the two lines.
    members, step, room = [x], 1 if after else -1, len(canonical[m]) + len(canonical[k]) + 1
    y = x
    while room > 0 and 0 <= y + step < min(k, m):
        y += step
        if y in found or not canonical[y]:
            break
        members.append(y)
        room -= len(canonical[y]) + 1
    if not after:
        members.reverse()
    texts = [canonical[y] for y in members]
    text = " ".join(texts)
    run = f"{canonical[m]} {canonical[k]}" if after else f"{canonical[k]} {canonical[m]}"
    at = find_words(text, run, 0, len(text), last=not after)
    if at < 0:
        return None
    # (the far line ends in ``x`` where the two start, or starts in it where they end)
    if after:
        rest, inside = text[:at].rstrip(), at <= len(texts[0])
    else:
        rest, inside = text[at + len(run) :].lstrip(), len(text) - at - len(run) <= len(texts[-1])
    if not rest or not inside:
        return None
    if not (canonical[far].endswith(rest) if after else canonical[far].startswith(rest)):
        return None
    start = at + len(canonical[m]) + 1 if after else at
    reached = tuple(members[n] for n in parts_spanned(texts, start, start + len(canonical[k])))
    return Duplicate(
        k, reached[0], "contained", 1.0,
        f"its words go on from paragraph {m}'s in {describe(reached)}", reached,
    )  # fmt: skip


def _went_into_lines(found: Mapping[int, Duplicate], x: int, k: int) -> bool:
    """Whether paragraph ``x`` went as contained in line ``k`` (and maybe others), or in a kept
    line beside it (the next line of the same copy, which the walk comes to next)."""
    dup = found[x]
    if dup.kind != "contained" or dup.doc_id is not None or not dup.originals:
        return False
    return k in dup.originals or all(abs(o - k) == 1 and o not in found for o in dup.originals)


def _going_across(
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    k: int,
    m: int,
    held: Sequence[int],
    first_same: Sequence[int] | None,
    kept_copy: Callable[[int, int], int | None] | None = None,
) -> Duplicate | None:
    """:func:`going_on_here` for a line that runs on past the paragraphs ``held`` that line
    ``m`` beside it stands in, into the kept paragraphs after them (before them, for a line
    before ``m``): a copy wrapped, or cut into lines of a few sentences, with its paragraph
    breaks lost. The two lines run together stand, word for word, in those paragraphs laid
    end to end, all of them before both lines (the copy follows the text it repeats); the
    line goes as contained in those of them its words stand in.

    >>> texts = ["the plan was approved on tuesday", "work starts in may next year",
    ...          "the plan was approved", "on tuesday work starts"]
    >>> found = {2: Duplicate(2, 0, "contained", 1.0, "", (0,))}
    >>> going_on_here(texts, found, 3, 2).originals
    (0, 1)
    """
    after = k > m

    # The paragraphs held, and the ones past them on the line's side, as long as the line: in
    # a row, but for boilerplate lines (which a copy may lack) and empty ones. A paragraph that
    # went as contained in the line itself (a heading the line runs through) is one of them:
    # it stays if the line goes (see :func:`walk_lines`).
    # A paragraph that went as the same text as a kept one (a link line the body repeats after
    # every item) stands there too: its words are that paragraph's, which the line goes as;
    # and so does one whose text another paragraph before both lines has and keeps (``kept_copy``
    # of it, and of the paragraph it must stand before): the first copy went since, a later one
    # stays; or it went itself (the line of a table of contents that a later line held), and
    # its heading stays.
    def passed(x: int) -> bool:
        return not canonical[x] or (x in found and found[x].kind == "boilerplate")

    def same_as(x: int) -> int | None:
        j = first_same[x] if first_same is not None else x
        if (
            j != x
            and canonical[j] == canonical[x]
            and (j not in found or _went_into_lines(found, j, k))
        ):
            return j
        return kept_copy(x, min(k, m)) if kept_copy is not None else None

    if any(h in found and same_as(h) is None for h in held):
        return None
    members = [held[0]]
    for x in range(held[0] + 1, held[-1] + 1):
        if x in held:
            members.append(x)
        elif not passed(x):
            return None
    step, stop = 1 if after else -1, min(k, m)
    if max(members) >= stop:
        return None

    def extend(x: int, step: int, room: int) -> list[int]:
        """The paragraphs from ``x`` on, one way, as long as ``room`` characters."""
        extension = []
        while room > 0:
            x += step
            while 0 <= x < stop and passed(x):
                x += step
            if not 0 <= x < stop or (
                x in found and not _went_into_lines(found, x, k) and same_as(x) is None
            ):
                break
            extension.append(x)
            room -= len(canonical[x]) + 1
        return extension

    def runs_on(x: int) -> bool:
        """Whether ``k`` opens paragraph ``x`` (ends it, before ``m``), a part of it, and the
        line past ``k`` goes on from its words across the break beyond, word for word."""
        beyond = k + step
        if len(canonical[k]) >= len(canonical[x]):  # (the whole paragraph: a repeat of it)
            return False
        if not 0 <= beyond < len(canonical) or beyond == m or beyond in found:
            return False
        next_to = [x, *extend(x, step, len(canonical[k]) + len(canonical[beyond]) + 1)]
        if len(next_to) < 2:
            return False
        texts = [canonical[y] for y in next_to[:: 1 if after else -1]]
        text = " ".join(texts)
        pair = (
            f"{canonical[k]} {canonical[beyond]}"
            if after
            else f"{canonical[beyond]} {canonical[k]}"
        )
        at = 0 if after else len(text) - len(pair)  # (``k`` opens or ends paragraph ``x``)
        return text.startswith(pair, at) and len(parts_spanned(texts, at, at + len(pair))) > 1

    # (and on the other side as long as line ``m``: the words it was found by may stop short
    # of its end, which opens the paragraph after)
    ahead = extend(members[-1] if after else members[0], step, len(canonical[k]))
    behind = extend(members[0] if after else members[-1], -step, len(canonical[m]))
    left, right = (behind, ahead) if after else (ahead, behind)
    members = left[::-1] + members + right
    texts = [canonical[x] for x in members]
    text = " ".join(texts)
    first, second = (canonical[m], canonical[k]) if after else (canonical[k], canonical[m])
    at = find_words(text, f"{first} {second}", 0, len(text))
    if at < 0:
        return None
    split = at + len(first)  # (the two lines: first from ``at``, second after the space)
    beside, line = ((at, split), (split + 1, split + 1 + len(second)))[:: 1 if after else -1]
    reached = [members[n] for n in parts_spanned(texts, *line)]
    within = [members[n] for n in parts_spanned(texts, *beside)]
    # One of the two lines runs across a break (the other may start or end there): a line that
    # starts where the one before it ends its paragraph is a copy cut short there, or a new one,
    # unless the line after it runs across the next break in turn (a wrapped copy's line that
    # happened to start where a paragraph does: a table's row, say).
    if not set(within) <= {*held, *behind}:
        return None
    if len(within) == len(reached) == 1 and (within == reached or not runs_on(reached[0])):
        return None
    return Duplicate(
        k, reached[0], "contained", 1.0,
        f"its words go on from paragraph {m}'s in {describe(reached)}", tuple(reached),
    )  # fmt: skip


class IndexedLines:
    """Lines that go on from a line found in an indexed paragraph (``indexed``): the rest of a
    copy wrapped a line a paragraph, or with other breaks, of an earlier document."""

    def __init__(
        self,
        canonical: Sequence[str],
        found: Mapping[int, Duplicate],
        indexed: Earlier,
        options: DedupeOptions,
        furniture: Callable[[str], object] | None,
    ) -> None:
        self.canonical = canonical
        self.found = found
        self.indexed = indexed
        self.options = options
        self.furniture = furniture

    def going_on(self, k: int, m: int) -> Duplicate | None:
        """Line ``k`` as a part of the indexed paragraph that line ``m`` next to it was found in
        (a copy wrapped at a fixed width, a line a paragraph, of which only the lines that hold
        a whole sentence share a key with the indexed paragraphs, or that were found through
        their neighbours' sentences: :mod:`~textclean.match.wrapped`):
        the two lines run together stand in it word for word; or, where ``m`` ends that
        paragraph (or holds it whole), ``k`` starts the indexed paragraph after it, or is
        that paragraph and the ones after it laid end to end (or the reverse, before it)."""
        dup = self.found.get(m)
        if dup is None or dup.doc_id is None or dup.original is None or dup.kind == "boilerplate":
            return None
        doc_id, j = dup.doc_id, dup.original
        line, beside_line = self.canonical[k], self.canonical[m]
        canon = self.indexed.text_of(dup, j, beside_line)
        if canon is None:
            return None
        after = k > m
        run = f"{beside_line} {line}" if after else f"{line} {beside_line}"
        if whole_words_in(run, canon):
            return Duplicate(
                k, j, "contained", 1.0, f"its words go on from a line of paragraph {j}", (j,),
                doc_id,
            )  # fmt: skip
        across = self._across(k, IndexedParagraph(doc_id, j, canon), run, after)
        if across is not None:
            return across
        part = canon.endswith(f" {beside_line}") if after else canon.startswith(f"{beside_line} ")
        if not part:
            # ``m`` may also hold the indexed paragraph on that side whole (a copy of it, or
            # paragraphs laid end to end): ``k`` may be the next ones laid end to end.
            j = max(dup.originals) if after else min(dup.originals)
            edge = self.indexed.text_of(dup, j, beside_line)
            if edge is None or not (
                (dup.kind in ("exact", "near") and dup.originals == (j,))
                or (
                    beside_line.endswith(f" {edge}")
                    if after
                    else beside_line.startswith(f"{edge} ")
                )
            ):
                return None
        beside = self.indexed.beside(doc_id, j, k - m)
        if beside is None:
            return None
        if part and (
            beside.canonical.startswith(f"{line} ")
            if after
            else beside.canonical.endswith(f" {line}")
        ):
            self.indexed.texts.setdefault((doc_id, beside.paragraph), beside.canonical)
            return Duplicate(
                k, beside.paragraph, "contained", 1.0,
                f"its words start or end paragraph {beside.paragraph}, beside a copy",
                (beside.paragraph,), doc_id,
            )  # fmt: skip
        return self._merged_beside(k, doc_id, beside, k - m)

    def _across(self, k: int, held: IndexedParagraph, run: str, after: bool) -> Duplicate | None:
        """Line ``k`` run together with the line beside it (``run``) standing, word for word,
        across a break of the indexed document: in paragraph ``held`` and those beside it laid
        end to end (a copy wrapped after its paragraph breaks were lost). ``k`` goes as
        contained in those of them its words stand in, and names the last of them (the first,
        for a line before the other) as its original, for the walk to go on from there."""
        doc_id, line = held.doc_id, self.canonical[k]
        # The paragraph beside ``held`` on the other line's side (that line may run across a
        # break too), and those on this line's side as long as this line (list items, cells).
        step = 1 if after else -1
        members = [held]
        other = self.indexed.beside(doc_id, held.paragraph, -step)
        if other is not None:
            members.insert(0 if after else 1, other)
        room = len(line)
        for entry in islice(self.indexed.away(doc_id, held.paragraph, step), _MAX_ACROSS):
            members.insert(len(members) if after else 0, entry)
            room -= len(entry.canonical) + 1
            if room <= 0:
                break
        if len(members) == 1:
            return None
        text = " ".join(entry.canonical for entry in members)
        at = find_words(text, run, 0, len(text))
        if at < 0:
            return None
        span = (at + len(run) - len(line), at + len(run)) if after else (at, at + len(line))
        reached = [members[n] for n in parts_spanned([e.canonical for e in members], *span)]
        for entry in reached:
            self.indexed.texts.setdefault((doc_id, entry.paragraph), entry.canonical)
        pieces = tuple(entry.paragraph for entry in reached)
        return Duplicate(
            k, pieces[-1] if after else pieces[0], "contained", 1.0,
            f"its words go on from a line of {describe(pieces)}", pieces, doc_id,
        )  # fmt: skip

    def _merged_beside(
        self, k: int, doc_id: str, beside: IndexedParagraph, step: int
    ) -> Duplicate | None:
        """Paragraph ``k`` as the indexed paragraphs from ``beside`` on (away from the copy
        next to ``k``, on the side ``step``) laid end to end: two short paragraphs merged
        into one by a copy with other breaks, which shares no key with either (list lines
        without a full stop, each a part of it too small for a band to hold)."""
        line = self.canonical[k]
        near = beside.canonical
        if near[:EDGE] not in line and near[-EDGE:] not in line:
            return None  # (it must hold that one, and a small edit leaves its start or its end)
        run, room = [beside], len(line) - len(near)
        if room > 0:
            away = self.indexed.away(doc_id, beside.paragraph, step)
            for entry in islice(away, _MAX_MERGED - 1):
                run.append(entry)
                room -= len(entry.canonical) + 1
                if room <= 0:
                    break
        if len(run) < 2 or not any(e.canonical in line for e in run):
            return None  # (no anchor for the walk: none of them stands in it word for word)
        run.sort(key=lambda e: e.paragraph)
        texts = [e.canonical for e in run]
        nearest = 0 if step > 0 else len(run) - 1  # (the one beside the copy: the copy goes on)
        words = word_count(line)
        # (lines too short to anchor a walk, "market risk" and "credit risk", run together
        # word for word from the one beside the copy)
        joined = next(
            (n for n in range(2, len(run) + 1)
             if " ".join(texts[:n] if step > 0 else texts[-n:]) == line),
            None,
        )  # fmt: skip
        if joined is not None:
            found = list(range(joined)) if step > 0 else list(range(len(run) - joined, len(run)))
            covered = words
        else:
            found, covered, small = laid_out_in(line, texts, self.options.threshold, self.furniture)
            if len(found) < 2 or nearest not in found or not small:
                return None
        if covered < self.options.containment * words:
            return None
        pieces = tuple(run[n].paragraph for n in found)
        for n in found:
            self.indexed.texts.setdefault((doc_id, run[n].paragraph), run[n].canonical)
        share = min(1.0, covered / words)
        return Duplicate(
            k, pieces[0], "contained", share,
            f"{share:.0%} of its words appear in order in {describe(pieces)}, beside a copy",
            pieces, doc_id,
        )  # fmt: skip
