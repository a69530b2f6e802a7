"""Lines between copies: kept paragraphs that stand where a copy of the text around them puts them.

A line too short for a fuzzy hash, or that no band paired, is judged by where it stands: between
copies of the two paragraphs around one kept paragraph and close to it (an edited line of a
copy), between two parts of one kept paragraph whose text holds it there, or right after a copy
as the start of the paragraph after its original (the end of a copy cut at a number of
characters). Across documents, the same between copies of two paragraphs of one indexed
document. :meth:`BetweenCopies.remove` runs these, each round of short lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from textclean.align import renames
from textclean.canonical import word_count
from textclean.match import runs
from textclean.match.contained import MAX_PARTS, NUMBER
from textclean.match.earlier import Earlier
from textclean.match.edits import Edits
from textclean.match.merged import HEADING_WORDS, small_edits
from textclean.match.model import Removals
from textclean.match.page import MIN_CUT_WORDS, Page, first_words
from textclean.options import DedupeOptions
from textclean.results import Duplicate

__all__ = ["BetweenCopies"]


class BetweenCopies:
    """Removes the lines of one document that stand between copies as an edited copy would.

    ``page`` is the document's :class:`~textclean.match.page.Page`; ``found`` the matcher's
    removals, shared (this adds to them); ``edits`` judges what a line adds to its original;
    ``indexed`` reads what earlier documents hold beside a paragraph, asked ``across``
    documents only when the index holds any.
    """

    def __init__(
        self,
        page: Page,
        found: Removals,
        options: DedupeOptions,
        edits: Edits,
        indexed: Earlier,
        *,
        across: bool,
    ) -> None:
        self.page = page
        self.texts = page.texts
        self.document = page.document
        self.boilerplate = page.boilerplate
        self.structured = page.structured
        self.found = found
        self.options = options
        self.edits = edits
        self.indexed = indexed
        self.across = across
        self.openings: dict[str, set[str]] | None = None  # texts by their first words

    def remove(self) -> None:
        """Remove the lines between copies, in this order: edited lines between copies of the
        paragraphs around one, lines between two parts of one paragraph, the end of a copy cut
        short, and (``across`` documents) edited lines between copies of indexed paragraphs."""
        self._edited_between_copies()
        self._between_parts_of_one()
        self._cut_after_copies()
        if self.across:
            self._edited_between_indexed_copies()

    def _after_copies(self) -> Iterator[tuple[int, Duplicate]]:
        """The kept paragraphs with words right after a copy of a paragraph of this document
        (past boilerplate lines), each with that copy; not structured data, nor the original of
        a removed paragraph."""
        found, canonical = self.found, self.document.canonical
        originals: set[int] | None = None
        for i in range(1, len(canonical)):
            if i in found or not canonical[i] or not (i - 1 in found or not canonical[i - 1]):
                continue  # (quick: nothing removed right before it)
            before = found.get(runs.past_furniture(found, i, -1))
            if before is None or not _in_document(before) or i in self.structured:
                continue
            if originals is None:
                originals = {o for dup in found.values() for o in dup.originals}
            if i not in originals:
                yield i, before

    def _edited_between_copies(self) -> None:
        """Kept paragraphs between copies of the two paragraphs around as many kept paragraphs,
        each close to the one at its place (rapidfuzz ``ratio`` at least the threshold) with the
        same numbers: the lines of an edited copy ("as usual" for "as normal") too short for a
        fuzzy hash, or that no band paired. Both neighbours (past boilerplate lines) must be
        copies of this document, and the paragraphs between their originals all gone but those:
        a spec table's row between rows repeated from another table, whose figures differ,
        stays."""
        found, canonical = self.found, self.document.canonical
        for i, before in self._after_copies():
            lines = [i]  # (the kept paragraphs from i on, up to the next copy)
            while (k := runs.past_furniture(found, lines[-1], 1)) < len(canonical) and (
                k not in found and len(lines) < MAX_PARTS
            ):
                lines.append(k)
            after = found.get(k)  # (the paragraph past the last of them)
            if after is None or not _in_document(after):
                continue
            around = {
                tuple(kept)
                for b in before.originals
                for a in after.originals
                if len(lines) < a - b <= MAX_PARTS
                and len(kept := [m for m in range(b + 1, a) if m not in found]) == len(lines)
            }
            if len(around) != 1 or i in (places := around.pop()):
                continue
            for k, m in zip(lines, places, strict=True):
                if canonical[m] != canonical[k] and (
                    dup := self._edited_line(k, m, canonical[m], None)
                ):
                    found[k] = dup

    def _between_parts_of_one(self) -> None:
        """Kept paragraphs between two parts of one kept paragraph (both neighbours, past
        boilerplate lines, went as contained in it alone) whose text stands in it between
        theirs, but for boilerplate run into it ("... colour palettes Advertisement Next, we
        have ...") and small edits (rapidfuzz ``ratio`` at least the threshold, the same
        numbers): a sentence of a copy split from a page run together on one line, which shares
        no key with that paragraph, as the boilerplate there makes another sentence of it."""
        found, canonical = self.found, self.document.canonical
        for i, before in self._after_copies():
            after = found.get(runs.past_furniture(found, i, 1))
            if (
                after is None
                or before.kind != "contained"
                or after.kind != "contained"
                or not _in_document(after)
                or len(before.originals) != 1
                or before.originals != after.originals
            ):
                continue
            j = before.originals[0]
            whole = canonical[j]
            start = whole.find(canonical[before.index])
            stop = whole.find(canonical[after.index], start + 1) if start >= 0 else -1
            if stop < 0:
                continue
            between = whole[start + len(canonical[before.index]) : stop].split()
            words = canonical[i].split(" ")
            stands = self._without_furniture(words, between)
            if not small_edits(words, stands):
                continue  # (a word of its own: another day, "never")
            dup = self._edited_line(i, j, " ".join(stands), None)
            if dup is not None:
                rule = f"its text stands in paragraph {j} between the parts around it"
                found[i] = replace(dup, kind="contained", rule=rule)

    def _without_furniture(self, words: list[str], other: list[str]) -> list[str]:
        """``other`` without the runs of words that ``words`` lacks and that make a boilerplate
        line ("advertisement"), as :meth:`.Edits.drops_a_phrase` leaves them out."""
        furniture = self.boilerplate.match if self.boilerplate else None
        if furniture is None:
            return other
        kept: list[str] = []
        for op in Indel.opcodes(other, words):
            run = other[op.src_start : op.src_end]
            if op.tag == "equal" or furniture(" ".join(run)) is None:
                kept += run
        return kept

    def _edited_line(self, i: int, m: int, text: str, doc_id: str | None) -> Duplicate | None:
        """Paragraph ``i`` as a near copy of paragraph ``m`` (canonical ``text``, of ``doc_id``)
        that stands between copies of the paragraphs around it: close to it (``ratio`` at least
        the threshold), with the same numbers."""
        canonical = self.document.canonical[i]
        score = fuzz.ratio(canonical, text, score_cutoff=self.options.threshold * 100)
        if not score or NUMBER.findall(canonical) != NUMBER.findall(text):
            return None
        if doc_id is None and renames(self.texts[i], self.texts[m]):
            return None  # (another item of a template: a visitation on another day)
        if self.edits.adds_to(i, text):
            return None  # (an update: "Two patients later died." is new content)
        return Duplicate(
            i, m, "near", score / 100,
            f"ratio {score / 100:.3f} >= {self.options.threshold}, between copies of the "
            "paragraphs around it", (m,), doc_id,
        )  # fmt: skip

    def _edited_between_indexed_copies(self) -> None:
        """:meth:`_edited_between_copies` across documents: a kept line too short for a fuzzy
        hash between copies of two paragraphs of one indexed document that stand around a
        single indexed paragraph, close to it with the same numbers (a heading of a syndicated
        copy with a typo fixed)."""
        found, canonical = self.found, self.document.canonical
        for i in range(1, len(canonical) - 1):
            if i in found or not canonical[i] or i - 1 not in found:
                continue  # (quick: nothing removed right before it)
            if len(canonical[i]) >= self.options.min_chars:
                continue  # (long enough for a fuzzy hash, which judged it: an update, say)
            before = found.get(runs.past_furniture(found, i, -1))
            after = found.get(runs.past_furniture(found, i, 1))
            if before is None or after is None or before.doc_id is None:
                continue
            if after.doc_id != before.doc_id or len(before.originals) != 1:
                continue
            doc_id, b = before.doc_id, before.originals[0]
            between = self.indexed.beside(doc_id, b, 1)
            if between is None or between.paragraph + 1 > min(after.originals, default=-1):
                continue
            beyond = self.indexed.beside(doc_id, between.paragraph, 1)
            if beyond is None or beyond.paragraph not in after.originals:
                continue  # (one indexed paragraph between, no more)
            if between.canonical == canonical[i]:
                continue  # (a short repeat: the short-run passes judge it)
            dup = self._edited_line(i, between.paragraph, between.canonical, doc_id)
            if dup is not None:
                found[i] = dup

    def _cut_after_copies(self) -> None:
        """Kept paragraphs of :data:`MIN_CUT_WORDS` words or more, ending with a letter or digit,
        right after a copy of a body paragraph (:data:`HEADING_WORDS` words or more) of this
        document, that start the paragraph kept after its original and no paragraph of other
        text: the end of a copy cut at a number of characters (a truncated AMP or preview copy),
        which goes as contained in it. (After a heading's copy, a heading of the article may
        start the paragraph after that heading's original: a product's name, its price line.)"""
        found, canonical = self.found, self.document.canonical
        for j, before in self._after_copies():
            cut = canonical[j]
            if (
                cut.count(" ") + 1 < MIN_CUT_WORDS
                or not self.texts[j].rstrip()[-1:].isalnum()
                or word_count(canonical[before.index]) < HEADING_WORDS
            ):
                continue
            for o in before.originals:
                i = self.page.next_kept(o, 1)
                if i is not None and i < j and self._only_start_of(cut, i):
                    rule = f"the start of paragraph {i}, cut short after a copy of the one before"
                    found[j] = Duplicate(j, i, "contained", 1.0, rule, (i,))
                    break

    def _only_start_of(self, cut: str, i: int) -> bool:
        """Whether canonical ``cut`` starts paragraph ``i`` and no paragraph of other text (not
        a running head that starts every page). The texts are looked up by their first
        :data:`MIN_CUT_WORDS` words, grouped once."""
        canonical = self.document.canonical
        whole, start = canonical[i], cut + " "
        if not whole.startswith(start):
            return False
        if self.openings is None:
            self.openings = {}
            for text in canonical:
                self.openings.setdefault(first_words(text), set()).add(text)
        return not any(
            text.startswith(start) and text != whole for text in self.openings[first_words(cut)]
        )


def _in_document(dup: Duplicate) -> bool:
    """Whether ``dup`` is a copy of a paragraph of this document (not boilerplate)."""
    return dup.doc_id is None and dup.kind != "boilerplate"
