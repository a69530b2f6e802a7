"""Walks: the rest of a copy, found from the parts of it already found.

A kept paragraph that holds a body run together (an ``articleBody`` copy, a heading run into
the next paragraph) shares no key with the body's headings and short lines, so the tiers find
only some of the body's paragraphs in it. Once those went, the others are looked for around
them: the later paragraphs laid end to end in the kept one around the parts already removed,
then on from the copy's end into the kept paragraph after it (:meth:`Walks.inside_bodies`);
and in the paragraph a heading-sized part went into as a copy (:meth:`Walks.parts_of_copies`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

from textclean.align import MIN_RUN
from textclean.canonical import word_count
from textclean.fingerprint import DocumentPrint
from textclean.match import runs
from textclean.match.merged import HEADING_WORDS, MAX_PASSED, MergedCopies, run_into
from textclean.match.model import Removals
from textclean.match.page import Page
from textclean.options import DedupeOptions
from textclean.results import Duplicate

__all__ = ["Walks"]

_LOOKED_BACK = 4  # removed paragraphs before a kept one that a walk on looks back at


class Walks:
    """Finds the rest of copies in one document and removes it.

    ``page`` is the document's :class:`~textclean.match.page.Page`; ``found`` the matcher's
    removals, shared (the walks add to them); ``merged`` the search for paragraphs laid end to
    end; ``parts`` the later paragraphs found word for word in each paragraph, not as its whole
    sentences (:attr:`.Containment.parts`).
    """

    def __init__(
        self,
        page: Page,
        found: Removals,
        merged: MergedCopies,
        parts: Mapping[int, list[int]],
        options: DedupeOptions,
    ) -> None:
        self.page = page
        self.texts = page.texts
        self.document: DocumentPrint = page.document
        self.found = found
        self.merged = merged
        self.parts = parts
        self.options = options

    def inside_bodies(self, short_repeats: Mapping[int, int]) -> None:
        """Remove the later paragraphs laid end to end, in a kept paragraph, around the split
        (or near) copies of it already removed (:meth:`_walk_inside_bodies`), then walk on from
        the ends of the copies (:meth:`_walk_on`); once more if that removed any."""
        self._walk_inside_bodies(short_repeats)
        if self._walk_on():
            self._walk_inside_bodies(short_repeats)

    def _walk_inside_bodies(self, short_repeats: Mapping[int, int]) -> None:
        """Remove the later paragraphs laid end to end, in a kept paragraph, around the split
        (or near) copies of it already removed: the rest of the copy.

        A heading that runs into the next paragraph in the first copy ("Results" + "The team
        won...") and a whole body run together into one paragraph (an ``articleBody`` copy
        before the visible body) hold headings and short lines that share no key with them;
        walking from the paragraphs found as copies finds the rest by position.
        """
        canonical = self.document.canonical
        repeats: dict[int, list[int]] = {}
        for r, k in short_repeats.items():
            repeats.setdefault(k, []).append(r)
        copies: dict[int, list[int]] = {}  # (the exact copies removed of each kept paragraph)
        for k, dup in self.found.items():
            if dup.kind == "exact" and dup.doc_id is None and dup.original is not None:
                copies.setdefault(dup.original, []).append(k)
        holders: dict[int, list[int]] = {}
        for k, dup in sorted(self.found.items()):
            single = dup.doc_id is None and len(dup.originals) == 1
            if dup.kind in ("contained", "near") and single and dup.originals[0] < k:
                holders.setdefault(dup.originals[0], []).append(k)
        n = len(canonical)
        failed: list[tuple[int, int, int]] = []  # (paragraph, part, removals then) of no use
        for p in sorted(holders.keys() | self.parts.keys()):
            if not self.page.kept(p):
                continue
            body = canonical[p]
            # From the first of its copies found (a near copy: edited, at its start), unless
            # nothing is kept beside them: then there is nothing to find.
            if p in holders and any(
                self.page.kept(m) for k in holders[p] for m in (k - 1, k + 1) if m < n
            ):
                first = self.merged.anchors(body, holders[p], edited=True, first=True)
                self._remove_walked(p, first, True)
            if p not in self.parts:
                continue
            # From its parts that stay, too (a second run would try them): these must make up
            # all of it. Each copy of it, when it was split more than once: a later copy's short
            # lines repeat the first copy's.
            starts = [
                *self.parts[p],
                *(r for k in self.parts[p] for r in repeats.get(k, ())),
            ]
            for k in sorted(starts):
                if not self.page.kept(k):
                    continue
                if not self._walk_from_part(p, k):  # (walked again below if paragraphs go)
                    failed.append((p, k, len(self.found)))
        # Last, from the exact copies removed of parts that stay: a part may stand first
        # elsewhere, alone (a line of a wrapped copy repeated out of place), and its copy lead
        # the rest of the copy, as the part itself would in the output.
        for p, parts in sorted(self.parts.items()):
            if self.page.kept(p):
                for k in sorted(r for m in parts if self.page.kept(m) for r in copies.get(m, ())):
                    self._walk_from_part(p, k)
        # Once more from the parts whose walk found too little, if paragraphs went since: lines
        # of another copy standing between them may have gone (a run repeated out of place).
        for p, k, count in failed:
            if len(self.found) > count and self.page.kept(p) and self.page.kept(k):
                self._walk_from_part(p, k)

    def _walk_on(self) -> bool:
        """Walk on from the end of a copy: when the last paragraph found in a kept paragraph
        ``p`` ends it, the kept paragraph after that one may start the kept paragraph after
        ``p``, and with the ones after it make up all of it. A merged copy before the body it
        copies: the body's short lines (a list's items, merged two to a line in the copy) share
        no key with the copy's lines that hold them, and no walk starts from them. The walk goes
        on past a kept paragraph whose copy went already, from the paragraphs that went after
        the last one (they start and end it), and past short lines the copy has as they are,
        which go with it once it finds a paragraph made of several. It starts from the last part
        of a paragraph the copy split, and from each place of one the page repeats word for
        word. Whether any went."""
        canonical = self.document.canonical
        count = len(self.found)
        # From the removed paragraphs that end the kept one they repeat, among the last
        # _LOOKED_BACK before each kept paragraph that follows removed ones. A paragraph the
        # page repeats word for word may start it from any of its places (a section heading
        # that the table of contents has too).
        starts: set[tuple[int, int]] = set()
        found, size = self.found, len(canonical)
        places: dict[int, list[int]] = defaultdict(list)
        for n, went in found.items():
            if went.kind == "exact" and went.doc_id is None and len(went.originals) == 1:
                places[went.originals[0]].append(n)
        for r in [m for m in found if m + 1 < size and m + 1 not in found and canonical[m + 1]]:
            for k in range(r, max(r - _LOOKED_BACK, -1), -1):
                dup = found.get(k)
                if dup is None or dup.doc_id is not None:
                    break
                if dup.kind == "boilerplate":
                    continue
                p = max(dup.originals)  # (the last part of a paragraph split in the copy)
                if p < k and _same_end(canonical[p], canonical[k]):
                    starts.update((j, k) for j in (p, *places.get(p, ())) if j < k)
        passed: set[int] = set()
        for p, k in sorted(starts):
            equal: list[tuple[int, int]] = []  # (short lines as their originals, see below)
            while p not in passed:
                passed.add(p)
                q = self.page.next_kept(p, 1)
                if q is None:
                    break
                m = self.page.next_kept(k, 1)
                if m is None or q >= k:
                    break
                gone = [n for n in range(k + 1, m) if canonical[n]]
                whole = canonical[q]
                begun = gone and _starts(whole, canonical[gone[0]])
                if begun and _same_end(whole, canonical[gone[-1]]):
                    p, k = q, gone[-1]  # (its copy went already)
                    continue
                if whole == canonical[m]:
                    # A short line word for word (no tier removes it alone) goes once the walk
                    # finds a paragraph of the copy made of several: a page's sections of one
                    # template ("Overall score", "5/5") are no copy.
                    equal.append((m, q))
                    p, k = q, m
                    continue
                if not (begun or _starts(whole, canonical[m])):
                    break
                if not self._walk_from_part(q, m, in_copy=True):
                    break
                for n, original in equal:
                    self.found[n] = Duplicate(
                        n, original, "exact", 1.0, "short repeat inside a repeated run", (original,)
                    )  # fmt: skip
                equal.clear()
                end, n = None, m  # (the last of the paragraphs that went, with those between)
                while n < size and not self.page.kept(n) and n - (end or m) < MAX_PASSED:
                    end = n if self._walked_into(n, q) else end
                    n += 1
                if end is None:
                    break
                p, k = q, end
        return len(self.found) > count

    def _walked_into(self, n: int, q: int) -> bool:
        """Whether paragraph ``n`` went as contained in paragraph ``q`` alone."""
        dup = self.found.get(n)
        return dup is not None and dup.originals == (q,) and dup.kind == "contained"

    def parts_of_copies(self, parts: Mapping[int, Duplicate]) -> None:
        """Walk from the heading-sized parts (:meth:`Page.lone_part`) whose paragraph went since as
        a copy of another, in that one: a line of a second wrapped copy, word for word in a line
        of the first, is a line of the paragraph that line went in (and a second run, which no
        longer holds that line, finds it there)."""
        canonical = self.document.canonical
        for i, part in parts.items():
            went = self.found.get(part.original) if part.original is not None else None
            if went is None or went.doc_id is not None or not self.page.kept(i):
                continue
            for q in went.originals:
                if self.page.kept(q) and run_into(canonical[i], canonical[q]):
                    self._walk_from_part(q, i)

    def _walk_from_part(self, p: int, k: int, *, in_copy: bool = False) -> bool:
        """Remove the paragraphs that the walk from paragraph ``k``, found in paragraph ``p``,
        finds laid end to end in ``p`` (see :meth:`_remove_walked`); whether any went."""
        count = len(self.found)
        anchors = self.merged.anchors(self.document.canonical[p], [k])
        self._remove_walked(p, anchors, False, in_copy=in_copy)
        return len(self.found) > count

    def _remove_walked(
        self, p: int, anchors: list[tuple[int, int, int]], held: bool, *, in_copy: bool = False
    ) -> None:
        """Remove the paragraphs after ``p`` that the walk from ``anchors`` finds laid end to
        end in it: all of them, if ``held`` (a copy of ``p`` was found already), else only if
        two or more make up :attr:`~textclean.DedupeOptions.containment` of it, in small gaps.
        Short lines only if they stand ``in_copy`` (known to follow a copy of the paragraph
        before ``p``), or :meth:`_in_copy` finds them there."""
        if not anchors:
            return
        canonical = self.document.canonical
        body, n = canonical[p], len(canonical)
        need = self.options.containment * word_count(body)
        pieces, covered, small = self.merged.walk_around(
            body, anchors, range(p + 1, n), pieces_go=True
        )
        if held:  # (the walk may find only removed paragraphs: copies of kept ones)
            enough = any(self.page.kept(k) for k in pieces)
        else:
            enough = small and len(pieces) > 1 and covered >= need
        if not enough:
            # Passing over removed paragraphs, as deduplicating the output again would.
            pieces, covered, small = self.merged.walk_around(
                body, anchors, range(p + 1, n), kept=True, pieces_go=True
            )
            if not (small and len(pieces) > 1 and covered >= need):
                return
        if (
            not held
            and all(word_count(canonical[k]) < HEADING_WORDS for k in pieces)
            and not any(self.texts[k].lstrip()[:1].islower() for k in pieces[1:])
            and not in_copy
            and not self._in_copy(p, pieces)
        ):
            # (a line of a table of contents and its section's heading and subtitle; not the
            # lines of a text wrapped at a fixed width, which go on from line to line)
            return
        for k in pieces:
            if self.page.kept(k):
                self.found[k] = Duplicate(
                    k, p, "contained", 1.0,
                    f"its words appear in order in paragraph {p}, with the paragraphs around it",
                    (p,),
                )  # fmt: skip

    def _in_copy(self, p: int, pieces: Collection[int]) -> bool:
        """Whether the paragraphs ``pieces``, which make up paragraph ``p`` between them, stand
        inside a copy: the paragraph with words before them or after them repeats a neighbour
        of ``p`` (or ``p`` itself, a near copy of it)."""
        canonical = self.document.canonical
        for step, end in ((-1, min(pieces)), (1, max(pieces))):
            k = end + step
            while 0 <= k < len(canonical) and not canonical[k]:
                k += step
            if runs.shares_source(self.found.get(k), (p,)):
                return True
        return False


def _same_end(whole: str, part: str) -> bool:
    """Whether canonical ``part`` ends as ``whole`` does, by its last
    :data:`~textclean.align.MIN_RUN` words or all of it (a near copy, edited before its end),
    with words of ``whole`` before them."""
    tail = " ".join(part.rsplit(" ", MIN_RUN)[-MIN_RUN:])
    return whole == tail or whole.endswith(" " + tail)


def _starts(whole: str, part: str) -> bool:
    """Whether canonical ``whole`` starts with all the words of ``part``."""
    return whole == part or whole.startswith(part + " ")
