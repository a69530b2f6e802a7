"""What earlier documents hold around a candidate, asked of the index once per document.

An :class:`Earlier` wraps the :class:`~textclean.match.model.Prior` of the document being
matched: the indexed paragraphs beside a candidate, read one after another either way, and the
canonical texts of the indexed paragraphs met so far (the originals of copies and their
neighbours), which later rules need again: a line confirmed beside a copy repeats one of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice

from textclean.match.merged import MAX_SKIPPED
from textclean.match.model import IndexedParagraph, Prior
from textclean.results import Duplicate

__all__ = ["Earlier"]


class Earlier:
    """The earlier documents of ``prior``, as the matching of one document asks about them."""

    def __init__(self, prior: Prior) -> None:
        self.prior = prior
        # Canonical texts of indexed paragraphs met so far: originals of copies, neighbours.
        self.texts: dict[tuple[str, int], str] = {}
        # The indexed paragraphs beside an indexed candidate, once asked for.
        self.asked: dict[tuple[str, int], Sequence[IndexedParagraph]] = {}

    def copy(self, i: int, exact: int, canonical: str) -> Duplicate | None:
        """Paragraph ``i`` as an exact copy of an indexed paragraph with the same canonical text
        (``exact`` its exact key), or ``None``."""
        for entry in self.prior.postings.get(exact, ()):
            if entry.canonical == canonical:
                return Duplicate(
                    i, entry.paragraph, "exact", 1.0, "same canonical text",
                    (entry.paragraph,), entry.doc_id,
                )  # fmt: skip
        return None

    def neighbours(self, doc_id: str, j: int) -> Sequence[IndexedParagraph]:
        """The indexed paragraphs beside paragraph ``j`` of document ``doc_id``, asked once
        (their texts are kept: a line confirmed beside a copy repeats one of them)."""
        known = self.asked.get((doc_id, j))
        if known is None:
            known = self.asked[doc_id, j] = self.prior.neighbours(doc_id, j)
            for e in known:
                self.texts.setdefault((e.doc_id, e.paragraph), e.canonical)
        return known

    def beside(self, doc_id: str, j: int, step: int) -> IndexedParagraph | None:
        """The indexed paragraph beside paragraph ``j`` of ``doc_id`` on the side ``step``."""
        return next((e for e in self.neighbours(doc_id, j) if (e.paragraph - j) * step > 0), None)

    def away(self, doc_id: str, j: int, step: int) -> Iterator[IndexedParagraph]:
        """The indexed paragraphs of ``doc_id`` one after another from paragraph ``j`` on the
        side ``step`` (``j`` itself not included), asked for as they are taken."""
        while (entry := self.beside(doc_id, j, step)) is not None:
            yield entry
            j = entry.paragraph

    def before(self, doc_id: str, first: int, room: int, limit: int) -> list[tuple[int, str]]:
        """The indexed paragraphs of ``doc_id`` before paragraph ``first`` and their texts, in
        order, as many as take no more than ``room`` characters (at most ``limit``)."""
        before: list[tuple[int, str]] = []
        for entry in islice(self.away(doc_id, first, -1), limit):
            if room < len(entry.canonical):
                break
            before.append((entry.paragraph, entry.canonical))
            room -= len(entry.canonical) + 1
        return before[::-1]

    def run(self, doc_id: str, first: int, run: dict[int, str], room: int) -> list[tuple[int, str]]:
        """``run`` (paragraphs of ``doc_id`` and their texts) with the indexed paragraphs from
        :data:`MAX_SKIPPED` before paragraph ``first`` on, in order, as long as the texts after
        it take no more than ``room`` characters (a copy holds no more text than it has, and
        perhaps no space between two paragraphs)."""
        room -= sum(len(text) for j, text in run.items() if j >= first)
        for entry in islice(self.away(doc_id, first, -1), MAX_SKIPPED + 1):
            run.setdefault(entry.paragraph, entry.canonical)
        if room >= 0:
            for entry in self.away(doc_id, first, 1):
                if entry.paragraph not in run:
                    run[entry.paragraph] = entry.canonical
                    room -= len(entry.canonical)
                if room < 0:
                    break
        return sorted(run.items())

    def with_neighbours(
        self, doc_id: str, window: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]] | None:
        """``window`` (paragraphs of indexed document ``doc_id``) with the indexed paragraphs
        beside its first and its last, or ``None`` when it has them all already."""
        members = {c[0]: c for c in window}
        for j in {window[0][0], window[-1][0]}:
            for entry in self.neighbours(doc_id, j):
                members.setdefault(entry.paragraph, (entry.paragraph, 0, entry.canonical))
        return sorted(members.values()) if len(members) > len(window) else None

    def text_of(self, dup: Duplicate, j: int, text: str) -> str | None:
        """The canonical text of paragraph ``j`` of the indexed document ``dup`` repeats, if
        known: asked for before, or ``text`` itself, the copy's, when ``dup`` is an exact copy
        of that one paragraph (the same canonical text)."""
        assert dup.doc_id is not None
        known = self.texts.get((dup.doc_id, j))
        if known is None and dup.kind == "exact" and dup.originals == (j,):
            return text
        return known
