"""Held matches: fuzzy matches held as pending, confirmed once the copy around them lines up.

A near or contained match whose differences say something (a figure changed, a word dropped from
inside, a rewording) is no copy alone; inside a run of copies it is an edited copy. The tiers
hold such matches (``pending``); :mod:`~textclean.match.runs` confirms those that line up with
copies on both sides, and these rules the rest: a copy that corrected a figure
(:meth:`HeldMatches.corrected_in_a_copy`), held copies inside a copy of a merged paragraph, and
a copy edited in every paragraph. The matcher asks again after each round of removals, as the
paragraphs gone since may close up around a held match.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from rapidfuzz import fuzz

from textclean.align import AFFIX_MIN_REST, added_at_an_end, names_replaced
from textclean.canonical import word_count
from textclean.match import runs, settle
from textclean.match.contained import NUMBER
from textclean.match.earlier import Earlier
from textclean.match.model import Ref, Removals
from textclean.match.page import Page
from textclean.results import Duplicate

__all__ = ["HeldMatches"]


class HeldMatches:
    """Confirms the held matches of one document.

    ``page`` is the document's :class:`~textclean.match.page.Page`; ``found`` the matcher's
    removals and ``pending`` its held matches, shared (a confirmed match moves to ``found``);
    ``indexed`` reads what earlier documents hold beside a paragraph. What the tiers noted of
    the held matches, shared and read here: ``facts_changed`` (near copies whose figures
    differ from their original's, or that name another person, place or day:
    :func:`~textclean.align.renames`), ``rivalled`` (near copies of more than one earlier
    paragraph), ``close_later`` (for each paragraph, the later ones close to it) and
    ``dropped_phrase`` (contained ones that lack a word or two of their original's).
    """

    def __init__(
        self,
        page: Page,
        found: Removals,
        pending: dict[int, Duplicate],
        indexed: Earlier,
        *,
        facts_changed: set[int],
        rivalled: Collection[int],
        close_later: Mapping[int, Collection[int]],
        dropped_phrase: set[int],
        threshold: float,
    ) -> None:
        self.texts = page.texts
        self.document = page.document
        self.found = found
        self.pending = pending
        self.indexed = indexed
        self.facts_changed = facts_changed
        self.rivalled = rivalled
        self.close_later = close_later
        self.dropped_phrase = dropped_phrase
        self.threshold = threshold

    def corrected_in_a_copy(self, i: int, dup: Duplicate, *, both: bool = False) -> bool:
        """Whether ``dup``, whose figures or names differ from its original's, stands where a
        copy of the paragraphs around that one puts it, with a paragraph right beside it
        (:meth:`_repeats_beside`, on ``both`` sides) and three or more near it lining up: a
        copy that corrected a figure. Two lines that repeat around it are not enough: a
        product's spec line between two that its variant shares, a district's final result
        between two rows that the early results printed the same. Paragraphs that repeat the
        merged paragraph its original went into (an ``articleBody`` copy) count too: they line
        up with no distance."""
        if not self._repeats_beside(i, dup, both=both):
            return False
        if runs.lined_up(self.found, i, dup) >= 3:
            return True
        # (or its original went into a merged paragraph, and so did the neighbours' originals)
        merged = {settle.kept_original(self.found, o) for o in dup.originals if o in self.found}
        holder = merged.pop() if len(merged) == 1 else None
        if holder is None:
            return False
        near = (*range(i - 3, i), *range(i + 1, i + 4))
        return sum(self._stands_for(k, holder, dup.doc_id) for k in near) >= 3

    def _repeats_beside(self, i: int, dup: Duplicate, *, both: bool = False) -> bool:
        """Whether a paragraph right beside ``i`` repeats the one beside ``dup``'s original: a
        duplicate or a held match that lines up, or the same canonical text (a short line, kept
        for now), or a kept line that is that text with small edits (:meth:`_edited`: a typo
        fixed in a line that no fuzzy hash pairs, which goes only between copies). A near copy
        whose numbers differ goes inside a repeated run only with this (a copy that corrected a
        figure); a table's row with other figures, then a legend repeated from an earlier
        table, stays. With ``both``, the paragraphs on both sides must (or the document ends
        there): a mail's header line with another time, then the same "To:" and "Subject:"
        lines, stays."""
        sides = [self._repeats_on(i, dup, side) for side in (-1, 1)]
        return all(s is not False for s in sides) if both else True in sides

    def _repeats_on(self, i: int, dup: Duplicate, side: int) -> bool | None:
        """:meth:`_repeats_beside` on one side (-1 or 1) of ``i``: None if the document ends
        there."""
        canonical = self.document.canonical
        found = self.found
        k = runs.past_furniture(found, i, side)  # (boilerplate lines passed over, both sides)
        if not 0 <= k < len(canonical):
            return None
        neighbour = found.get(k) or self.pending.get(k)
        doc_id = dup.doc_id
        if doc_id is None:  # (and past the repeats there: p1 p2 p1 p2, then a copy)
            beside = {
                b for o in dup.originals
                for b in (
                    runs.past_furniture(found, o, side),
                    runs.past_repeats(found, canonical, o, side),
                )
            }  # fmt: skip
            beside |= {o for b in beside if b in found for o in found[b].originals}
        else:
            beside = {o + k - i for o in dup.originals}
        if (
            neighbour is not None
            and neighbour.kind != "boilerplate"
            and neighbour.doc_id == doc_id
            and not beside.isdisjoint(neighbour.originals)
        ):
            return True
        text = canonical[k]
        if not text:
            return False
        if doc_id is None:
            return any(
                0 <= m < len(canonical)
                and (canonical[m] == text or (k not in found and self._edited(text, canonical[m])))
                for m in beside
            )
        for o in dup.originals:
            entry = self.indexed.beside(doc_id, o, side)
            if entry is not None and entry.paragraph == o + side and entry.canonical == text:
                return True
        return False

    def _edited(self, text: str, other: str) -> bool:
        """Whether canonical ``text`` is ``other`` with small edits: ``threshold`` similar
        (rapidfuzz ``ratio``), with the same numbers (a typo fixed in a short line that no fuzzy
        hash pairs, which waits for this one in turn)."""
        cutoff = self.threshold * 100
        return bool(fuzz.ratio(text, other, score_cutoff=cutoff)) and (
            NUMBER.findall(text) == NUMBER.findall(other)
        )

    def confirm_in_runs_again(self) -> None:
        """Confirm the held matches that are their original with a few words added at one end
        (a credit, a dateline: too short a line to take them for an affix alone) and that copies
        found since line up with, as the first pass over the paragraphs confirmed those that
        stood in a run then (:func:`~textclean.match.runs.confirm_in_runs`). The short lines of
        a copy go only late, beside a copy, and such a line among them (a table's title with
        "(AP)" after it, its rows short lines) waited for them as they waited for it. (Other
        held matches stay as the first pass left them: a line of code with a word inserted,
        beside the lines its listing repeats, is another statement.)"""
        canonical = self.document.canonical
        held = {
            i: dup
            for i, dup in self.pending.items()
            if i not in self.found
            and dup.doc_id is None
            and dup.original is not None
            and len(dup.originals) == 1
            and added_at_an_end(canonical[i], canonical[dup.original])
        }
        runs.confirm_in_runs(held, self.found, canonical=canonical)

    def confirm_corrected(self, *, both: bool = False) -> None:
        """Confirm held near copies that change a fact (a corrected figure or name) that now
        stand in a repeated run and beside a repeat of their original's neighbour
        (:meth:`_repeats_beside`, on ``both`` sides), and held contained ones that lack a word
        or two of their original's that now stand in a repeated run: their neighbours may have
        gone only since they were tried."""
        # (each one confirmed is a neighbour that repeats for the next: a copy that names
        # another day in its first paragraph and corrects a figure in its second)
        corrected = self.facts_changed.intersection(self.pending) - self.found.keys()
        while corrected:
            runs.confirm_in_runs(
                {i: self.pending[i] for i in sorted(corrected)}, self.found,
                also=lambda i, dup: self.corrected_in_a_copy(i, dup, both=both),
                canonical=self.document.canonical,
            )  # fmt: skip
            if corrected.isdisjoint(self.found):
                break
            corrected -= self.found.keys()
        # (and those that lack a word or two of their original's, as a rewording may)
        dropped = self.dropped_phrase.intersection(self.pending) - self.found.keys()
        if dropped:
            runs.confirm_in_runs(
                {i: self.pending[i] for i in sorted(dropped)}, self.found,
                canonical=self.document.canonical,
            )  # fmt: skip

    def confirm_inside_merged(self) -> None:
        """Confirm the held matches that stand inside a copy of a merged paragraph
        (:meth:`_between_parts`): a copy of a body that went as parts of the body run together
        or an ``articleBody``, edited throughout. The first pass held back its paragraphs that
        are no small edits (a word dropped from the middle, as a rewording does), and their
        neighbours (headings, which go late as short repeats, and paragraphs found line by line
        inside the merged one) line up with none of the parts."""
        holders = {
            dup.original
            for dup in self.found.values()
            if dup.kind == "contained" and not dup.doc_id
        }
        for i, dup in sorted(self.pending.items()):
            if (
                i not in self.found
                and i not in self.facts_changed
                and dup.doc_id is None
                and self._between_parts(i, dup, holders)
            ):
                self.found[i] = dup

    def _between_parts(self, i: int, dup: Duplicate, holders: Collection[int | None]) -> bool:
        """Whether ``dup``'s original went, itself or what it repeats, as part of a merged
        paragraph (one of ``holders``, the paragraphs that hold parts), and the paragraphs on
        both sides of ``i`` (past boilerplate lines) went as copies of that paragraph or of its
        parts: ``i`` stands inside a copy of it. (The copies beside it, found line by line
        inside the merged paragraph, name it and not the parts, so they line up with no part;
        and a row of a template may be nearest to another row's copy, a part of it too.)"""
        found = self.found
        if dup.original is None or dup.original not in found:
            return False
        merged = settle.kept_original(found, dup.original)
        if merged is None or merged[0] is not None or merged[1] not in holders or merged[1] == i:
            return False  # (the original went as a part of ``i`` itself: ``i`` is no copy)
        return all(
            self._stands_for(runs.past_furniture(found, i, step), merged, None) for step in (-1, 1)
        )

    def _stands_for(self, k: int, holder: Ref, doc_id: str | None) -> bool:
        """Whether paragraph ``k`` went as a copy (of a paragraph of ``doc_id``) of ``holder``,
        itself or what it repeats: of a merged paragraph, or of its parts."""
        near = self.found.get(k)
        return (
            near is not None
            and near.kind != "boilerplate"
            and near.doc_id == doc_id
            and any(settle.kept_original(self.found, o) == holder for o in near.originals)
        )

    def confirm_edited_runs(self) -> None:
        """Confirm fuzzy matches that stand in a run of them: a copy edited in every paragraph
        (see :func:`~textclean.match.runs.confirm_edited_runs`).

        Taking part are only matches whose original is not the paragraph just before them (in
        this document), none close to more than one earlier paragraph, none that is another row
        of its original's template (:meth:`_another_row`: a rota's rows name other places, and
        a third row comes as close), none whose figures or names differ from their original's (a
        table repeated for another year, another notice's visitation) and none shorter than
        :data:`AFFIX_MIN_REST` words (a list line that differs by a word is another item).
        """
        waiting = {
            i: dup
            for i, dup in self.pending.items()
            if i not in self.found
            and i not in self.facts_changed
            and i not in self.rivalled
            and word_count(self.document.canonical[i]) >= AFFIX_MIN_REST
            and dup.original is not None
            and (dup.doc_id is not None or all(o < i - 1 for o in dup.originals))
            and (dup.doc_id is not None or not self._another_row(i, dup.original))
        }
        runs.confirm_edited_runs(len(self.document), self.found, waiting)

    def _another_row(self, i: int, j: int) -> bool:
        """Whether paragraph ``i`` is another row of paragraph ``j``'s template rather than an
        edited copy of it: it names other places or people, or a later paragraph other than
        ``i`` that stays (not another part of the same copy) comes close to ``j`` too."""
        return names_replaced(self.texts[i], self.texts[j]) or any(
            k != i and k not in self.found for k in self.close_later.get(j, ())
        )
