"""Whether what a match adds to, or lacks from, its original is a small edit or content of its own.

A fuzzy match (near or contained) goes at once when its differences are small edits: a dateline
or a credit added, a typo fixed, a word or two dropped from a long paragraph. When they say
something (a sentence added, a verdict at an end, "will raise" for "will not raise"), it is no
copy, or one only inside a run of copies: :meth:`Edits.unless_pending` holds it as pending for
:mod:`~textclean.match.runs` to confirm. The tests of two texts alone are in
:mod:`textclean.align`; these also look at the page (the paragraph's sentences, what stands
beside it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz.distance import Indel, Opcodes

from textclean.align import (
    AFFIX_WORDS,
    CLAIM_WORDS,
    RAW_WORD,
    added_at_ends,
    dropped_inside,
    drops_inside,
    figures,
    figures_corrected,
    list_number,
    only_small_edits,
    renames,
    says_the_opposite,
    words_reworded,
)
from textclean.canonical import word_count
from textclean.fingerprint import MIN_SENTENCE_WORDS
from textclean.match import runs
from textclean.match.links import Links
from textclean.match.merged import HEADING_WORDS
from textclean.match.page import Page
from textclean.results import Duplicate

__all__ = ["ADDED_SENTENCE_WORDS", "Edits"]

ADDED_SENTENCE_WORDS = 2  # a sentence added to a copy, "It failed.", is new content
# A paragraph this long may lack one word of its original's from inside as an edit (see
# Edits.drops_a_phrase), unless the word is one of CLAIM_WORDS.
_EDITED_WORDS = 20
_CREDIT = re.compile(r"[(\[]([^()\[\]]*)[)\]]\s*$")  # what the brackets ending a text hold


class Edits:
    """Judges the differences of one document's matches from their originals.

    ``page`` is the document's :class:`~textclean.match.page.Page`, ``links`` its paragraphs'
    shared keys; ``pending`` is the matcher's fuzzy matches held until a run of copies confirms
    them, and ``facts_changed`` those of them that change a fact, shared: :meth:`unless_pending`
    adds to them.
    """

    def __init__(
        self, page: Page, links: Links, pending: dict[int, Duplicate], facts_changed: set[int]
    ) -> None:
        self.page = page
        self.texts = page.texts
        self.document = page.document
        self.boilerplate = page.boilerplate
        self.links = links
        self.pending = pending
        self.facts_changed = facts_changed

    def unless_pending(
        self,
        dup: Duplicate,
        words: list[str],
        other: list[str],
        ops: Opcodes,
        *,
        both_ways: bool = False,
    ) -> Duplicate | None:
        """``dup`` if what it has that ``other`` lacks (and, ``both_ways``, what ``other`` has
        that it lacks) is a small edit; else hold it as pending."""
        j = dup.original if dup.doc_id is None and len(dup.originals) == 1 else None
        aside = self.page.aside(dup.index, words)
        if self.adds_a_sentence(dup.index, words, ops, aside) or says_the_opposite(
            words, other, ops
        ):
            return None  # (new content: an update, another statement; no edit in any run)
        affix = self._affix_alone(dup.index, words)
        if self._says_more_at_an_end(dup.index, words, ops, aside, affix):
            return None  # (words of its own: a verdict, a status; no edit in any run)
        if j is not None and dup.similarity < 1.0 and renames(self.texts[dup.index], self.texts[j]):
            # (another person, place or day: another item of a template, or a copy's
            # correction, which only a copy all round tells)
            self.facts_changed.add(dup.index)
            self.pending[dup.index] = replace(dup, rule=dup.rule + ", inside a repeated run")
            return None
        listed = self.page.ended(dup.index)
        # (a word replaced by a similar one only inside a run of copies: alone, another day,
        # name or place reads as a typo fixed)
        small = only_small_edits(
            words, other, ops, aside=aside, list_item=listed, typos=False, affix=affix
        )
        if small and both_ways:
            back = None if j is None else self.page.aside(j, other)
            listed = j is not None and self.page.ended(j)
            small = only_small_edits(other, words, aside=back, list_item=listed, typos=False)
        if not small and self._sentences_with_an_affix(dup, words, ops, aside):
            small = True  # (a caption with its credit: "... every hour. (Reuters)")
        if not small and self._merged_copy(dup):
            # (a paragraph drawn from several long ones in order is a run of copies itself: a
            # word respelled or a figure corrected in it is an edit, as inside a run, and so is
            # a word reworded here and there in a long one)
            fixed = figures_corrected(words, other, ops) or words
            small = only_small_edits(fixed, other, aside=aside, list_item=listed, affix=affix)
            if not small:
                fixed = words_reworded(fixed, other, Indel.opcodes(fixed, other)) or fixed
                small = only_small_edits(fixed, other, aside=aside, list_item=listed, affix=affix)
        if small and dup.similarity < 1.0 and self.page.opens_with_a_sentence(dup.index, ops):
            small = False  # "Integration. (Xero works with ...)": a run-in heading, not a dateline
        if small and dup.similarity < 1.0 and len(dup.originals) == 1 and dup.doc_id is None:
            # Words added and others dropped from inside: another item written to the same
            # template in this document ("Apps: Windows, ..., Edge" and "Apps: Windows, ...,
            # Firestick"). (Across documents, an indexed copy may have been edited too.)
            small = not drops_inside(words, other, ops)
        if dup.similarity < 1.0 and not small:
            self.pending[dup.index] = replace(dup, rule=dup.rule + ", inside a repeated run")
            return None
        return dup

    def _merged_copy(self, dup: Duplicate) -> bool:
        """Whether ``dup`` is contained in two or more paragraphs of this document of
        :data:`~textclean.match.merged.HEADING_WORDS` words or more each: a merged copy of
        them, not a heading run into one."""
        if dup.kind != "contained" or dup.doc_id is not None or len(dup.originals) < 2:
            return False
        canonical = self.document.canonical
        return sum(word_count(canonical[o]) >= HEADING_WORDS for o in dup.originals) >= 2

    def _says_more_at_an_end(
        self,
        i: int,
        words: list[str],
        ops: Opcodes,
        aside: Callable[[int, int], bool] | None,
        affix: Callable[[int, int], bool],
    ) -> bool:
        """Whether paragraph ``i`` has words at an end that the other text lacks (``ops`` from
        its ``words`` to the other's), not in place of others (a word replaced), that are no
        ``affix`` (:meth:`_affix_alone`), no page furniture (``aside``) and no decoration."""
        for a, b in added_at_ends(words, ops):
            if affix(a, b) or (aside is not None and aside(a, b)):
                continue
            if not self._decoration(i, words, a, b):
                return True
        return False

    def _decoration(self, i: int, words: list[str], a: int, b: int) -> bool:
        """Whether ``words[a:b]``, at an end of paragraph ``i``, stand at the same end of a
        paragraph beside it, digits aside: the same words on every paragraph of a copy (a
        speaker's name, a time, a link), which runs of copies judge (past the boilerplate lines
        between them, :meth:`_beside`). A paragraph beside it that
        holds ``i`` whole at that end (its repeat, a merged copy of it and the paragraphs before
        it) is no other paragraph: ``i``'s own words end it; nor is structured data, which
        matching sets aside (a JSON-LD object whose ``articleBody`` ends as ``i`` does)."""
        canonical = self.document.canonical
        added = " ".join(words[a:b]).translate(runs.ZERO_DIGITS)
        text = canonical[i]
        for k in (self._beside(i, -1), self._beside(i, 1)):
            if (
                0 <= k < len(canonical)
                and k not in self.page.structured
                and not (canonical[k].startswith(text) if a == 0 else canonical[k].endswith(text))
            ):
                other = canonical[k].split(" ")
                end = other[: b - a] if a == 0 else other[len(other) - (b - a) :]
                if len(other) > b - a and " ".join(end).translate(runs.ZERO_DIGITS) == added:
                    return True
        return False

    def _beside(self, i: int, step: int) -> int:
        """The paragraph beside ``i`` in direction ``step``, past the boilerplate lines found
        (a gallery's counters between the paragraphs of a copy, "3 of 24")."""
        k, found = i + step, self.page.found
        while k in found and found[k].kind == "boilerplate" and found[k].original is None:
            k += step
        return k

    def _affix_alone(self, i: int, words: list[str]) -> Callable[[int, int], bool]:
        """Which runs at an end of paragraph ``i``'s ``words`` may be the affix of a copy that
        no run of copies around it confirms: its dateline ("WASHINGTON (AP) —") or a list's
        number before it, or a credit in brackets that ends it, names in capitals and no
        figure ("(Reuters)", "(AP Photo/Jane Doe)"). Other words at an end say something
        ("FALSE:", "Cancelled.", ", a claim it denies.", "(5 stars)", "(Moved to Friday)"), and
        are no small edit, alone or in a run of copies."""
        dateline = len(self.page.dateline(i)[1])
        credit = _CREDIT.search(self.texts[i])
        names = RAW_WORD.findall(credit.group(1)) if credit is not None else []
        named = all(name[0].isupper() for name in names)

        def affix(a: int, b: int) -> bool:
            if a == 0:  # (or a list's number: see only_small_edits)
                return b <= dateline or (b == 1 and list_number(words[0]))
            return named and b == len(words) and b - a <= len(names) and not figures(words[a:b])

        return affix

    def _sentences_with_an_affix(
        self,
        dup: Duplicate,
        words: list[str],
        ops: Opcodes,
        aside: Callable[[int, int], bool] | None,
    ) -> bool:
        """Whether ``dup``, contained in one paragraph of this document (``ops`` aligns its
        ``words`` with it; ``aside`` passes page furniture among them, as
        :meth:`Page.aside` does), is whole sentences of it with no more than small edits, such as a
        credit in brackets after them or a dateline before them: a caption that repeats a
        sentence and adds "(Reuters)". Beside the rest of the paragraph, its last word would look
        like one the original replaced (as in a list's line written to the same template);
        against the sentences it copies alone, it is an affix."""
        if dup.kind != "contained" or dup.doc_id is not None or len(dup.originals) != 1:
            return False
        # (a credit in brackets after it, or a dateline before it: a word of a remark after it,
        # "... the operator confirmed.” Nonsense.", is a comment's, and says something)
        credited = self.texts[dup.index].rstrip().endswith((")", "]"))
        if not credited and not self.page.dateline(dup.index)[1]:
            return False
        j = dup.original
        assert j is not None
        equal = [op for op in ops if op.tag == "equal"]
        if not equal:
            return False
        core = words[equal[0].src_start : equal[-1].src_end]  # (what it copies, edits and all)
        if len(core) == len(words) or not self.page.whole_sentences_of(" ".join(core), j):
            return False
        # (not a list's number in front of it: a numbered step repeating the text's sentences is
        # the article's own list, a recipe's steps under its story)
        return only_small_edits(words, core, aside=aside)

    def drops_a_phrase(self, words: list[str], other: list[str], ops: Opcodes) -> bool:
        """Whether the alignment of ``words`` with the paragraph that holds them (``other``)
        drops up to :data:`~textclean.align.AFFIX_WORDS` of its words from between two runs that
        both share (:func:`~textclean.align.dropped_inside`: words ``words`` holds nowhere else),
        other than page furniture run into the paragraph ("Advertisement"). A single word
        that a copy of :data:`_EDITED_WORDS` words or more lacks is an edit, unless it is a
        negation or qualifies a claim (:data:`CLAIM_WORDS`: "will raise" in "will not raise"
        says the opposite, "had tried" in "had allegedly tried" more); a shorter line without it
        is another line (a heading that a body's sentence says with a word more)."""
        furniture = self.boilerplate.match if self.boilerplate else None
        drops = [
            run
            for run in dropped_inside(words, other, ops)
            if len(run) <= AFFIX_WORDS and (furniture is None or furniture(" ".join(run)) is None)
        ]
        if len(drops) == 1 and len(drops[0]) == 1 and len(words) >= _EDITED_WORDS:
            return drops[0][0] in CLAIM_WORDS  # (one word of a long paragraph: an edit)
        return bool(drops)

    def adds_a_sentence(
        self, i: int, words: list[str], ops: Opcodes, aside: Callable[[int, int], bool] | None
    ) -> bool:
        """Whether paragraph ``i`` holds a sentence that the other text lacks (``ops`` from
        ``i``'s words to the other's) and that is no page furniture (``aside``): one of two
        words or more that it lacks whole, or one of which it lacks half the words and
        :data:`MIN_SENTENCE_WORDS` or more, not counting words that it only puts others in the
        place of (a rewording). A paragraph that repeats an earlier one and adds to it (an update
        appended to a republished paragraph, a lead-in to a list after it) holds new content,
        and is no copy of it, however similar, nor an edited copy inside a repeated run; so is
        one whose added sentence shares a few words with the heading after the paragraph it
        repeats. A sentence that a kept paragraph before it holds is not new (a copy with other
        breaks, whose first lines went into another paragraph)."""
        bounds = self.sentence_bounds(i, len(words))
        if len(bounds) < 2:
            return False
        # The words each sentence lacks, less those the other puts in their place.
        lacked = [0] * (len(bounds) - 1)
        for op in ops:
            if op.tag == "equal":
                continue
            k = bisect_right(bounds, op.src_start) - 1
            if op.tag == "delete":
                for start in range(op.src_start, op.src_end):
                    while k + 1 < len(bounds) and bounds[k + 1] <= start:
                        k += 1
                    if 0 <= k < len(lacked):
                        lacked[k] += 1
            elif 0 <= k < len(lacked) and bounds[k] < op.src_start:  # (replacing words in it)
                lacked[k] -= op.dest_end - op.dest_start
        earlier: list[str] | None = None
        for k, missing in enumerate(lacked):
            a, b = bounds[k], bounds[k + 1]
            whole = missing == b - a and b - a >= ADDED_SENTENCE_WORDS
            if not whole and (missing < MIN_SENTENCE_WORDS or 2 * missing < b - a):
                continue
            if aside is not None and aside(a, b):
                continue
            if earlier is None:
                earlier = self.kept_before(i)
            sentence = " ".join(words[a:b])
            if not any(sentence in text for text in earlier):
                return True
        return False

    def sentence_bounds(self, i: int, count: int) -> list[int]:
        """The word indices where paragraph ``i``'s sentences start, and its word ``count``
        after the last one if that one ends like a sentence or is a lead-in to what follows
        ("Some ways to consider include:") longer than a heading's ("Step 3:"). Words after the
        last sentence end otherwise end no sentence: a credit, "(Photo: Jane Doe/AP)"."""
        bounds = [*self.document.sentence_starts(i), count]
        if not self.page.ended(i) and not (
            self.texts[i].rstrip().endswith((":", "："))
            and len(bounds) > 1
            and bounds[-1] - bounds[-2] >= MIN_SENTENCE_WORDS
        ):
            bounds.pop()
        return bounds

    def kept_before(self, i: int, besides: int | None = None) -> list[str]:
        """The canonical texts of the kept paragraphs before ``i`` that share a key with it
        (but ``besides``): where a sentence ``i`` adds may already stand."""
        canonical = self.document.canonical
        return [canonical[k] for k in self.links.before(i) if k != besides and self.page.kept(k)]

    def adds_to(self, i: int, text: str) -> bool:
        """Whether paragraph ``i`` holds a sentence that the canonical ``text`` lacks, and no kept
        paragraph before it holds (:meth:`adds_a_sentence`)."""
        words = self.document.canonical[i].split(" ")
        ops = Indel.opcodes(words, text.split(" "))
        return self.adds_a_sentence(i, words, ops, self.page.aside(i, words))
