"""Containment: whether a paragraph's words stand, in order, in text the document already holds.

A copy of a paragraph with other breaks is no near copy of any one paragraph: a merged copy holds
two or more earlier paragraphs laid end to end, a split one is a few sentences of one. Both are
judged on coverage (:func:`~textclean.align.coverage`): the share of the paragraph's words that
appear, in runs and in order, in one candidate or in a *window* of candidates that stand together
in their document (this one's kept paragraphs, or an indexed document's). Words pieced together
from scattered paragraphs that share a template do not count, and what the copy has besides
must be a small edit (:class:`~textclean.match.edits.Edits`). The commonest cases are found by
string search before any alignment: whole sentences of one candidate, or earlier paragraphs laid
end to end (:class:`~textclean.match.merged.MergedCopies`); cheap bounds on the words the
candidates hold spare aligning most of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import pairwise
from typing import Literal

from rapidfuzz.distance import Indel, Opcodes

from textclean.align import (
    AFFIX_WORDS,
    MIN_RUN,
    coverage,
    figures,
    find_words,
    only_small_edits,
    starts_word,
    whole_words_in,
)
from textclean.canonical import word_count
from textclean.fingerprint import MIN_SENTENCE_WORDS, ParagraphPrint, exact_key
from textclean.match.earlier import Earlier
from textclean.match.edits import ADDED_SENTENCE_WORDS, Edits
from textclean.match.links import Links, best_linked, indexed_links
from textclean.match.merged import (
    HEADING_WORDS,
    MAX_PASSED,
    SLACK,
    MergedCopies,
    find_anywhere,
    laid_out_in,
    run_into,
)
from textclean.match.model import Candidates, Prior, Ref, describe
from textclean.match.page import Page, names_speaker
from textclean.match.settle import kept_original
from textclean.options import DedupeOptions
from textclean.results import Duplicate

__all__ = ["MAX_CANDIDATES", "MAX_PARTS", "NUMBER", "Containment"]

MAX_CANDIDATES = 64  # candidates tried for containment, those sharing the most keys
MAX_PARTS = 8  # later paragraphs recorded as perhaps part of a split copy of one paragraph
NUMBER = re.compile(r"(?<![^ ])[0-9]+(?![^ ])")  # a word of digits in canonical text
_MAX_WINDOW = 12  # candidates joined to judge containment
_MAX_WINDOWS = 4  # windows tried for containment in this document, and in earlier ones
_MAX_GAP = 2  # kept paragraphs between two of a containment window, at most
_SHORT_REACH = 3  # kept neighbours a window adds each side of a candidate, all short but the last
_TEASER_WORDS = 6  # a teaser before the paragraph it is cut from has at least this many
_ALONE_TRIED = 3  # paragraphs of a window tried alone as what holds a copy, the best linked
_MAX_BESIDE = 2  # indexed candidates whose neighbours are asked for, those sharing most keys
_FEW_LATER = 16  # later candidates windowed at once (past them, a number none holds rules out)
_FURNITURE_SENTENCES = 3  # last sentences of a paragraph tried as a boilerplate line run in
_MAX_BEFORE = 4 * MAX_CANDIDATES  # indexed paragraphs tried before the first found in a copy
_FAR = 4096  # characters of a candidate past which a copy is looked for after the one before
_NEAR = 256  # characters before and after where that one ended that are looked at first
_How = Literal["sentences", "cut", "words", "run"]  # how a paragraph stands in one holding it


class Containment:
    """Judges whether paragraphs of one document are contained in others: kept paragraphs
    before them or indexed ones, or (with ``later``) kept paragraphs after them.

    ``page`` is the document's :class:`~textclean.match.page.Page` (its texts, prints and the
    matcher's removals so far, which this only reads), ``links`` the pairs of its paragraphs
    that share keys, ``indexed`` what earlier documents hold around a candidate, ``merged`` the
    search for paragraphs laid end to end, ``edits`` the judge of what a copy adds. Shared with
    the matcher and written here: ``pending`` (a contained copy whose differences say something
    is held there until a run of copies confirms it). Read here: ``short_repeats`` (short
    paragraphs repeating a kept one, which part no window).

    What this works out for the matcher: :attr:`uncontained` (the paragraphs containment was
    tried for in vain, and the first paragraph it was tried against), :attr:`dropped_phrase`
    (held as their original less a phrase, see :meth:`Edits.drops_a_phrase`) and :attr:`parts`
    (later paragraphs that stand word for word in one, perhaps part of a split copy of it).
    """

    def __init__(
        self,
        page: Page,
        options: DedupeOptions,
        prior: Prior,
        *,
        links: Links,
        indexed: Earlier,
        merged: MergedCopies,
        edits: Edits,
        pending: dict[int, Duplicate],
        short_repeats: Mapping[int, int],
        passed_over: Mapping[int, Collection[int]],
    ) -> None:
        self.page = page
        self.texts = page.texts
        self.document = page.document
        self.found = page.found
        self.boilerplate = page.boilerplate
        self.options = options
        self.prior = prior
        self.links = links
        self.indexed = indexed
        self.merged = merged
        self.edits = edits
        self.pending = pending
        self.short_repeats = short_repeats
        # Teasers, and the paragraphs each is no candidate of: it previews them (see windows).
        self.passed_over = passed_over
        # (a merged copy may hold boilerplate lines that the paragraphs it copies lack)
        self.furniture = merged.furniture
        # Paragraphs containment was tried for, in vain so far, and the first of the paragraphs
        # of this document it was tried against (a window may add the kept one before it).
        self.uncontained: dict[int, int] = {}
        # Held as contained though the original has a few words more inside (see
        # Edits.drops_a_phrase).
        self.dropped_phrase: set[int] = set()
        # The first later paragraph found word for word in a paragraph, though not as whole
        # sentences of it (a heading and a list line merged into one: "key features pay...").
        self.parts: dict[int, list[int]] = {}
        # Each paragraph's text, and its print without the boilerplate line its last sentences
        # make, once worked out.
        self.before_furniture: dict[int, tuple[str, ParagraphPrint | None]] = {}
        # Paragraphs found not to be indexed paragraphs laid end to end (a copy that lost its
        # breaks).
        self.not_laid_out: set[int] = set()
        self.vocabularies: dict[Ref, set[str]] = {}  # the words of a candidate, once split
        self.colon_leads: dict[int, frozenset[str] | None] = {}  # (see furniture_in)
        # Where in a long candidate the last paragraph found word for word in it ended.
        self.read_to: dict[Ref, int] = {}
        self.numbers: dict[str, list[int]] | None = None  # the paragraphs holding each number
        self.by_text: dict[str, list[int]] | None = None  # the paragraphs of each canonical text

    def text_before_furniture(self, j: int) -> str:
        """Paragraph ``j``'s canonical text, without the boilerplate line its last sentences make
        if :meth:`contained` found one there (a teaser's "Read more" after a full stop)."""
        text = self.document.canonical[j]
        known = self.before_furniture.get(j)
        if known is not None and known[0] == text and known[1] is not None:
            return known[1].canonical
        return text

    def contained(
        self,
        i: int,
        fp: ParagraphPrint,
        candidates: Candidates,
        *,
        later: bool = False,
    ) -> Duplicate | None:
        """Whether ``fp``'s words appear, in runs and in order, in neighbouring candidates
        (:meth:`_contained_words`); or, when the paragraph ends with a boilerplate line run into
        it ("... wiring run. Read more: 8 tips on ..."), the words before that line: a copy
        that ran a paragraph and the link after it together. The paragraph it copies stands
        without the link, or the index dropped the link as boilerplate."""
        dup = self._contained_words(i, fp, candidates, later=later)
        if dup is None and self.furniture is not None:
            known = self.before_furniture.get(i)
            if known is None or known[0] != fp.canonical:
                known = self.before_furniture[i] = (fp.canonical, self._before_furniture(i, fp))
            if known[1] is not None:
                dup = self._contained_words(i, known[1], candidates, later=later)
                if dup is not None:
                    return replace(dup, rule=f"{dup.rule}, and a boilerplate line")
        if dup is None and not later and self.prior.postings:
            core = self._without_a_seen_sentence(i, fp)
            if core is not None:
                dup = self._contained_words(i, core, candidates)
                if dup is not None:
                    return replace(dup, rule=f"{dup.rule}, and a paragraph seen before")
        return dup

    def _without_a_seen_sentence(self, i: int, fp: ParagraphPrint) -> ParagraphPrint | None:
        """Across documents, paragraph ``i`` (``fp``) without its first or its last sentence,
        if that sentence is a paragraph kept before ``i`` or an indexed one, word for word
        (:data:`MIN_SENTENCE_WORDS` words or more: it has a sentence key) and
        :attr:`options`' ``short_words`` or more are left: a heading run into the copy of an
        indexed paragraph, whose own document filed it elsewhere (see :meth:`_known_ends`)."""
        starts = self.document.sentence_starts(i)
        if len(starts) < 2 or not fp.sentences:
            return None
        words = fp.canonical.split(" ")
        ends = ((0, starts[1], fp.sentences[0]), (starts[-1], len(words), fp.sentences[-1]))
        for start, stop, key in ends:
            if stop - start < MIN_SENTENCE_WORDS or len(words) - (stop - start) < (
                self.options.short_words
            ):
                continue
            if self._seen(i, " ".join(words[start:stop]), sentence=key):
                rest = words[:start] + words[stop:]
                return replace(fp, canonical=" ".join(rest), words=len(rest))
        return None

    def _before_furniture(self, i: int, fp: ParagraphPrint) -> ParagraphPrint | None:
        """Paragraph ``i`` (``fp``) without a boilerplate line that its last sentences make
        (:meth:`BoilerplateMatcher.match_canonical`), if one does and :attr:`options`'
        ``short_words`` or more stand before it."""
        assert self.furniture is not None
        starts = self.document.sentence_starts(i)
        if len(starts) < 2:
            return None
        words = fp.canonical.split(" ")
        for a in reversed(starts[-_FURNITURE_SENTENCES:]):
            if a < self.options.short_words:
                break
            if self.furniture(" ".join(words[a:])) is not None:
                return replace(fp, canonical=" ".join(words[:a]), words=a)
        return None

    def _contained_words(
        self,
        i: int,
        fp: ParagraphPrint,
        candidates: Candidates,
        *,
        later: bool = False,
    ) -> Duplicate | None:
        """Whether ``fp``'s words appear, in runs and in order, in neighbouring candidates.

        Candidates are grouped into windows of paragraphs that stand together in their document
        (with their kept neighbours, for a merged copy whose other half shares no key), and each
        window is judged on its own: words pieced together from scattered paragraphs that share a
        template do not count. Of many candidates (lines of a template, which share keys with
        hundreds of others), the :data:`MAX_CANDIDATES` sharing the most keys are tried.
        """
        if not later and self.prior.postings and i not in self.not_laid_out:
            flattened = self._indexed_laid_out(i, fp.canonical, candidates)  # (all candidates)
            if flattened is not None:
                return flattened
            self.not_laid_out.add(i)  # (the indexed candidates stay the same)
        if (
            later
            and len(candidates) > _FEW_LATER
            and self._drops_a_number(i, fp.canonical.split(" "), candidates)
        ):
            return None  # (what a later copy may lack is small edits, and a number is none)
        candidates = best_linked(candidates, MAX_CANDIDATES)
        if not later:  # (from the kept paragraph before the first candidate: windows add it)
            first = min((j for doc_id, j in candidates if doc_id is None), default=i)
            before = self.page.next_kept(first, -1)
            first = first if before is None else before
            self.uncontained[i] = min(first, self.uncontained.get(i, first))
        # (a pull quote's speaker after a dash, which the paragraph it is pulled from may not
        # name that way, is left out)
        attributed = self.page.attributed.get(i)
        text, speaker, names = attributed or (fp.canonical, 0, ())
        if attributed is not None:  # (pulled from a paragraph that names the speaker too)
            candidates = {ref: c for ref, c in candidates.items() if names_speaker(names, c[1])}
            if not candidates:
                return None
        verbatim = self._verbatim(i, text, candidates, later=later, whole=bool(speaker))
        if verbatim is not None and speaker:
            verbatim = replace(verbatim, rule=verbatim.rule + ", but for the speaker's name")
        if verbatim is not None or (not later and self.page.inside_sentences(text, candidates)):
            return verbatim
        words = text.split(" ")
        # A teaser's last sentence is cut off (and shares no key with the paragraph it is cut
        # from, which the windows add as a neighbour), maybe inside its last word, which is left
        # out; one of fewer than _TEASER_WORDS words is no teaser before the paragraphs it is
        # cut from (see _verbatim), but one of more may run a subtitle into the lede.
        cut = i in self.page.teasers and (not later or fp.words >= _TEASER_WORDS)
        if cut and len(words) > 1:
            words.pop()
        need = self.options.containment * len(words)
        if not cut and not self._could_cover(words, need, candidates):
            return None
        windows = self.windows(i, candidates, later=later)
        for doc_id, window in windows:
            if len(windows) > 1 and not self._could_cover(
                words, need, {(doc_id, c[0]): (0, c[2]) for c in window}, alone=True
            ):
                continue  # its words are spread over paragraphs that do not stand together
            # The best account, the simplest first: one paragraph of the window that holds it
            # (a split copy), or the window together (a merged one) if that covers more.
            linked = sorted((c for c in window if c[1]), key=lambda c: -c[1])[:_ALONE_TRIED]
            tries = (
                [
                    [c]
                    for c in linked
                    if self._could_cover(words, need, {(doc_id, c[0]): (0, c[2])}, alone=True)
                ]
                if len(window) > 1
                else []
            )
            best = None
            for attempt in (*tries, window):
                found = self.covered_by(words, attempt, need, doc_id, cut=cut)
                if found is not None and (best is None or found[0] > best[0][0]):
                    best = (found, attempt)
                    if found[0] == len(words):  # nothing covers more
                        break
            if doc_id is not None and (best is None or best[0][0] < len(words)):
                # Words of it the window lacks may stand in an indexed paragraph beside it that
                # shares no key with it (a heading run into the copy): the window with its
                # neighbours, as a window of this document holds its kept ones.
                wider = self.indexed.with_neighbours(doc_id, window)
                if wider is not None:
                    found = self.covered_by(words, wider, need, doc_id, cut=cut)
                    if found is not None and (best is None or found[0] > best[0][0]):
                        best = (found, wider)
            if best is None:
                continue
            (covered, other, ops, originals), attempt = best
            rule = ""
            if covered < len(words) and len(originals) == 1 and doc_id is not None:
                # (a merged copy whose other half is a paragraph the window does not hold: a
                # heading the index filed under another document, or whose first copy stands
                # elsewhere)
                core = self._known_ends(i, words, ops)
                if core is not None:
                    words, ops = core, Indel.opcodes(core, other)
                    rule = ", and a paragraph seen before"
            source = max((c for c in attempt if c[0] in originals), key=lambda c: (c[1], -c[0]))
            original = source[0]
            if doc_id is not None and len(originals) == 1:  # (as for a near copy: _near)
                if figures(words) != figures(source[2].split(" ")):
                    return None  # (an earlier document's figures: this one is an update)
                self.indexed.texts[doc_id, original] = source[2]
            share = covered / len(words)
            where = ("later " if later else "") + describe(originals)
            dup = Duplicate(
                i, original, "contained", share,
                f"{share:.0%} of its words appear in order in {where}{rule}", originals, doc_id,
            )  # fmt: skip
            if len(originals) == 1 and self.edits.drops_a_phrase(words, other, ops):
                # (its words in order, but for a few of the original's inside a sentence: "will
                # raise" in "will not raise", another statement but inside a repeated run)
                if not later:
                    self.pending[i] = replace(dup, rule=dup.rule + ", inside a repeated run")
                    self.dropped_phrase.add(i)
                return None
            if later:  # no repeated-run test for these: only small edits
                small = share == 1.0 or only_small_edits(
                    words, other, ops, aside=self.page.aside(i, words), list_item=self.page.ended(i)
                )
                return dup if small else None
            return self.edits.unless_pending(dup, words, other, ops)
        return None

    def _known_ends(self, i: int, words: list[str], ops: Opcodes) -> list[str] | None:
        """``words`` (paragraph ``i``) without the words before and after the runs that ``ops``
        aligns with its original, if those are each, word for word, a paragraph kept before
        ``i`` or an indexed one, of :data:`~textclean.align.MIN_RUN` words or more: the other
        half of a merged copy, which the paragraph's window lacks (a heading whose first copy
        stands elsewhere, an indexed paragraph whose document filed it as a copy of
        another's). ``None`` if other words are left at an end."""
        found = [op for op in ops if op.tag == "equal" and op.src_end - op.src_start >= MIN_RUN]
        if not found:
            return None
        start, stop = found[0].src_start, found[-1].src_end
        ends = [end for end in (words[:start], words[stop:]) if end]
        if not ends or any(len(end) < MIN_RUN for end in ends):
            return None  # (a word or two: a number, a label, which may say something here)
        if not all(self._seen(i, " ".join(end)) for end in ends):
            return None
        return words[start:stop]

    def _seen(self, i: int, text: str, *, sentence: int | None = None) -> bool:
        """Whether canonical ``text`` is a paragraph kept before paragraph ``i``, or an indexed
        one: looked up by its exact key, or (given the ``sentence`` key it has as a sentence)
        among the postings fetched with the document's keys."""
        if self.by_text is None:  # (grouped once)
            self.by_text = {}
            for j, canon in enumerate(self.document.canonical):
                self.by_text.setdefault(canon, []).append(j)
        if any(j < i and self.page.kept(j) for j in self.by_text.get(text, ())):
            return True
        if sentence is not None:
            indexed = self.prior.postings.get(sentence, ())
        elif self.prior.lookup is not None:
            key = exact_key(text)
            indexed = self.prior.lookup([key]).get(key, ())
        else:
            return False
        return any(entry.canonical == text for entry in indexed)

    def _indexed_laid_out(self, i: int, text: str, candidates: Candidates) -> Duplicate | None:
        """``text`` as paragraphs of one earlier document laid end to end (a copy of it that
        lost its paragraph breaks), found among those of its paragraphs that are candidates."""
        by_doc: dict[str, list[tuple[int, str]]] = {}
        anchored: set[str] = set()  # (a walk starts from a paragraph found word for word)
        for (doc_id, j), (_, canon) in candidates.items():
            if doc_id is not None and len(canon) < len(text):
                by_doc.setdefault(doc_id, []).append((j, canon))
                if doc_id not in anchored and canon in text:
                    anchored.add(doc_id)
        words = word_count(text)
        need = self.options.containment * words
        furniture = self.furniture_in(i) if by_doc else None

        def lay_out(members: list[tuple[int, str]]) -> tuple[list[int], int, bool]:
            return laid_out_in(  # (with lines the indexed document removed: not in its index)
                text, [canon for _, canon in members], self.options.threshold, furniture
            )

        for doc_id, members in by_doc.items():
            if doc_id not in anchored:
                continue
            members.sort()
            if len(members) > 1:
                found, covered, small_gaps = lay_out(members)
            else:  # (one is no copy, unless the paragraphs beside it are in it too)
                found, covered, small_gaps = [], 0, False
            if not (len(found) >= 2 and small_gaps and covered >= need):
                # The copy may hold paragraphs that share no key with it (list lines, or
                # headings run into the sentences after them once the breaks are gone): the
                # indexed paragraphs from a few before the first candidate on are tried.
                # (the first may stand in the copy in part: a copy cut inside it, whose other
                # part is another paragraph)
                room = len(text) + 1 + len(members[0][1])
                members = self.indexed.run(doc_id, members[0][0], dict(members), room)
                found, covered, small_gaps = lay_out(members)
            head = find_anywhere(text, members[found[0]][1]) if len(found) >= 2 else -1
            if not (small_gaps and covered >= need) and head > SLACK:
                # Text before the first paragraph found may be the indexed paragraphs before
                # those tried, more than a few (an infobox's lines, none a candidate).
                members = [
                    *self.indexed.before(doc_id, members[0][0], head + SLACK, _MAX_BEFORE),
                    *members,
                ]
                found, covered, small_gaps = lay_out(members)
            if len(found) < 2 or not small_gaps or covered < need:
                continue
            pieces = [members[k][0] for k in found]
            for k in found:
                self.indexed.texts.setdefault((doc_id, members[k][0]), members[k][1])
            original = max(pieces, key=lambda j: (candidates.get((doc_id, j), (0, ""))[0], -j))
            share = min(1.0, covered / words)
            return Duplicate(
                i, original, "contained", share,
                f"{share:.0%} of its words appear in order in {describe(pieces)}",
                tuple(pieces), doc_id,
            )  # fmt: skip
        return None

    def furniture_in(self, i: int) -> Callable[[str], object] | None:
        """Whether canonical text is a boilerplate line in paragraph ``i``: as
        :attr:`furniture` says, or with one word before a colon where the raw text of ``i``
        has one ("Related: ..." lines of a copy that lost its breaks, which the indexed
        document removed)."""
        if self.boilerplate is None:
            return None
        if i not in self.colon_leads:  # (once a paragraph: a long one is asked of again and again)
            text = self.texts[i]
            self.colon_leads[i] = self.boilerplate.colon_leads(text) if ":" in text else None
        leads = self.colon_leads[i]
        return partial(self.boilerplate.match_canonical, leads=leads) if leads else self.furniture

    def indexed_text(self, m: int, values: list[str]) -> Duplicate | None:
        """Structured data ``m`` (its canonical ``values``) as text of one indexed document: its
        long values laid end to end in its paragraphs (an ``articleBody``), its short ones word
        for word in them (a headline, a description), together ``containment`` of its words."""
        if not self.prior.postings:
            return None
        fp = self.document[m]
        candidates = indexed_links(fp.sentences, fp.bands, self.prior.postings)
        sizes = [word_count(value) for value in values]
        for doc_id in dict.fromkeys(doc_id for doc_id, _ in candidates if doc_id is not None):
            held = {ref: c for ref, c in candidates.items() if ref[0] == doc_id}
            covered, source, rest = 0, None, []
            for value, size in zip(values, sizes, strict=True):
                found = self._indexed_laid_out(m, value, held) if size >= HEADING_WORDS else None
                if found is not None:
                    covered += round(found.similarity * size)
                    source = source or found
                else:
                    rest.append((value, size))
            # The others word for word in a paragraph: a candidate, or one a value was laid out
            # in (a description that is the first paragraph, whose sentence key in the data is
            # another: the field's name runs into it).
            texts = [canon for _, canon in held.values()]
            if source is not None:
                texts += [
                    text for j in source.originals if (text := self.indexed.texts.get((doc_id, j)))
                ]
            for value, size in rest:
                if any(whole_words_in(value, text) for text in texts):
                    covered += size
            if source is not None and covered >= self.options.containment * sum(sizes):
                share = covered / sum(sizes)
                rule = f"structured data: {share:.0%} of its words are paragraphs of {doc_id}"
                return replace(source, similarity=share, rule=rule)
        return None

    def _verbatim(
        self, i: int, text: str, candidates: Candidates, *, later: bool, whole: bool = False
    ) -> Duplicate | None:
        """``text`` as whole sentences of one candidate (a split copy) or, before ``i``, as
        earlier paragraphs laid end to end (a merged one), word for word: the commonest contained
        copies, found by string search before any alignment.

        A split copy of :data:`HEADING_WORDS` words or more after its original need not be
        whole sentences of it: a heading run into the next sentence (an ``articleBody`` copy
        joins paragraphs with spaces) moves the sentence boundaries. Nor need one before its
        original that is a quotation (a pull quote: "“We have found a design,” said the mayor"
        holds no sentence "we have found a design") or a teaser cut off with an ellipsis.
        With ``whole`` (a pull quote, its speaker left out) a candidate may be ``text`` itself.
        """
        where = "later " if later else ""
        # Before its original, only a pull quote or a teaser: a lede that a later paragraph goes
        # on from is a statement of its own.
        long = (not later or self.page.pulled(i)) and word_count(text) >= HEADING_WORDS
        # A copy cut off with an ellipsis (a teaser, an AMP page's preview), maybe mid-word.
        truncated = i in self.page.teasers
        for (doc_id, j), (_, canon) in candidates.items():
            if len(canon) < len(text) or (len(canon) == len(text) and not whole):
                continue
            # How it must stand there: whole sentences; whole words, the last maybe cut short;
            # whole words (an indexed paragraph's sentences are not kept), or run in if long.
            how: _How = (
                "sentences" if doc_id is None and not long
                else "cut" if truncated else "run" if long else "words"
            )  # fmt: skip
            # (as whole sentences, the last cut short; before its original, only a teaser of
            # a few words or more)
            cut = truncated and (not later or word_count(text) >= _TEASER_WORDS)
            # In a long one, where the paragraph before stood is looked at first: a copy in one
            # paragraph is not searched from its start for each of many paragraphs.
            read_to = self.read_to.get((doc_id, j), -1) if len(canon) > _FAR else -1
            at = -1
            if read_to >= 0:
                near = max(0, read_to - _NEAR), read_to + len(text) + _NEAR
                at = self._stands_at(text, j, canon, how, *near, cut=cut)
            if at < 0:
                if text not in canon:
                    continue
                at = self._stands_at(text, j, canon, how, 0, len(canon), cut=cut)
            if at < 0:
                if doc_id is None and not later:
                    self.note_part(i, j, text, canon)
                continue
            if len(canon) > _FAR:
                self.read_to[doc_id, j] = at + len(text)
            if doc_id is not None:  # (a line going on from it may be found in it: see below)
                self.indexed.texts.setdefault((doc_id, j), canon)
            return Duplicate(
                i, j, "contained", 1.0,
                f"100% of its words appear in order in {where}paragraph {j}", (j,), doc_id,
            )  # fmt: skip
        if later:
            return None
        pieces, covered, small_gaps = self.merged.laid_end_to_end(i, text, candidates)
        words = word_count(text)
        need = self.options.containment * words
        if not (len(pieces) > 1 and small_gaps and covered >= need) and (
            any(k in self.found for k in pieces) or self._removed_among(candidates, i)
        ):  # (a removed copy took the place of the kept paragraph after it, or stood between)
            # Passing over removed paragraphs, as deduplicating the output again would.
            pieces, covered, small_gaps = self.merged.laid_end_to_end(
                i, text, candidates, kept=True
            )
        if len(pieces) < 2 or not small_gaps or covered < need:
            return None
        if covered < words and self._own_short_sentence(i, text, pieces):
            return None
        original = max(pieces, key=lambda k: (candidates.get((None, k), (0, ""))[0], -k))
        share = min(1.0, covered / words)
        return Duplicate(
            i, original, "contained", share,
            f"{share:.0%} of its words appear in order in {describe(pieces)}", tuple(pieces),
        )  # fmt: skip

    def laid_out_in_copies(self, i: int) -> Duplicate | None:
        """Paragraph ``i`` as removed copies of this document's paragraphs laid end to end
        (:attr:`~textclean.DedupeOptions.containment` of its words or more), contained in what
        they repeat: for the paragraphs that no account by kept text removed.

        A page may print a copy with other breaks first (kept), the body (gone as its copy),
        then the body run together without spaces. The kept copy's paragraphs do not lie end
        to end in that: where it ran a heading into the paragraph after it with a space, or
        labels a paragraph, the run-together body has "overalloral" or no label. The body's
        paragraphs do. The walk starts from the removed paragraphs that share keys with ``i``.
        """
        found, canonical = self.found, self.document.canonical
        gone: Candidates = {
            (None, j): (shared, canonical[j])
            for j, shared in self.links.before(i).items()
            if (dup := found.get(j)) is not None
            and dup.doc_id is None
            and dup.kind != "boilerplate"
        }
        if not gone:
            return None
        text = canonical[i]
        words = word_count(text)
        pieces, covered, small_gaps = self.merged.laid_end_to_end(i, text, gone)
        if len(pieces) < 2 or not small_gaps or covered < self.options.containment * words:
            return None
        if covered < words and self._own_short_sentence(i, text, pieces):
            return None
        # The kept paragraph of this document each piece stands for (itself, if it stays).
        here = {k: p[1] for k in pieces if (p := kept_original(found, k)) and p[0] is None}
        best = max(pieces, key=lambda k: (gone.get((None, k), (0,))[0], -k))
        if best not in here:
            return None
        went = [k for k in pieces if k in found]
        theirs = list(dict.fromkeys(here[k] for k in went if k in here))
        share = min(1.0, covered / words)
        return Duplicate(
            i, here[best], "contained", share,
            f"{share:.0%} of its words appear in order in {describe(pieces)}"
            f" ({describe(went)} went, repeating {describe(theirs)})",
            tuple(dict.fromkeys(here.values())),
        )  # fmt: skip

    def _own_short_sentence(self, i: int, text: str, pieces: Sequence[int]) -> bool:
        """Whether paragraph ``i`` (canonical ``text``, laid out from ``pieces``) has a sentence
        of its own that none of the paragraphs from the first piece to the last holds (those
        skipped between pieces too): see :func:`own_short_sentence`."""
        if text != self.document.canonical[i]:
            return False
        words = text.split(" ")
        canonical = self.document.canonical
        stretch = [canonical[k] for k in range(min(pieces), max(pieces) + 1)]
        return own_short_sentence(words, self.document.sentence_starts(i), stretch)

    def _removed_among(self, candidates: Candidates, i: int) -> bool:
        """Whether a removed paragraph stands right beside one of this document's
        ``candidates`` before paragraph ``i``: a walk from it steps there first, and may stop
        at it (an edited copy of the paragraph beyond, which a second run on the output no
        longer sees)."""
        found = self.found
        return any(
            j + step in found for doc_id, j in candidates if doc_id is None and j < i
            for step in (-1, 1)
        )  # fmt: skip

    def note_part(self, i: int, j: int, text: str, canon: str) -> None:
        """Record paragraph ``i`` (canonical ``text``, which ``canon`` holds) as perhaps part of
        a split copy of paragraph ``j``, if it stands there as whole words or run in (see
        :meth:`.Walks.inside_bodies`)."""
        if run_into(text, canon):
            parts = self.parts.setdefault(j, [])
            if len(parts) < MAX_PARTS:
                parts.append(i)

    def _stands_at(
        self, text: str, j: int, canon: str, how: _How, start: int, stop: int, *, cut: bool
    ) -> int:
        """Where ``text`` first stands in ``canon[start:stop]`` (candidate ``j``) as
        :meth:`_verbatim` asks (``how``), or -1: as whole sentences of paragraph ``j`` (``cut``
        short, maybe), as whole words, the last maybe cut short, as whole words, or as whole
        words or run into the words beside it."""
        if how == "sentences":
            return self.page.sentences_at(text, j, cut, start, stop)
        if how == "words":
            return find_words(canon, text, start, stop)
        if how == "run":
            return find_anywhere(canon, text, start, stop)
        at = canon.find(text, start, stop)
        while at >= 0 and not starts_word(canon, at):
            at = canon.find(text, at + 1, stop)
        return at

    def _could_cover(
        self,
        words: list[str],
        need: float,
        candidates: Candidates,
        *,
        alone: bool = False,
    ) -> bool:
        """Whether ``need`` of ``words`` appear at all among the candidates and (unless
        ``alone``) the neighbours any window could add: a cheap bound that spares aligning most
        candidates.

        The neighbours of the :data:`_MAX_BESIDE` best-linked indexed candidates are asked for
        (and windows add them) only when the words the candidates lack stand at the ends of
        ``words``, as in a merged copy."""
        # Strike out the words each source has (a set difference costs the size of what is
        # still missing, not of the source), the candidates first, then their neighbours.
        canonical = self.document.canonical
        missing = set(words)
        for ref, (_, canon) in candidates.items():
            missing = missing - self._vocabulary(ref, canon)  # (-= would walk the vocabulary)
        if not alone and missing and self.prior.postings and _missing_at_ends(words, missing):
            indexed = [(d, j) for d, j in candidates if d is not None]
            indexed.sort(key=lambda ref: -candidates[ref][0])  # (stable: the first of equals)
            for source, j in indexed[:_MAX_BESIDE]:
                for entry in self.indexed.neighbours(source, j):
                    missing = missing - self._vocabulary((source, entry.paragraph), entry.canonical)
        if not missing or len(words) - sum(map(missing.__contains__, words)) >= need:
            return True
        if alone:
            return False
        for doc_id, j in candidates:
            if doc_id is not None:
                continue
            for step in (-1, 1):  # (and past a short one, as windows reach)
                for k in self._beside(j, step, _SHORT_REACH):
                    missing = missing - self._vocabulary((None, k), canonical[k])
        return len(words) - sum(map(missing.__contains__, words)) >= need

    def _drops_a_number(self, i: int, words: list[str], candidates: Candidates) -> bool:
        """Whether paragraph ``i`` (its ``words``) has a number, away from its ends, that no
        candidate holds, nor any kept paragraph after ``i`` that a window adds beside one: a
        later copy would lack it, and :func:`~textclean.align.only_small_edits` takes no number
        for a small edit (a table's rows differ exactly there). A number that page furniture
        may hold ("5 min read") does not count.

        The cheap test that spares windowing each line of a template against the lines after it
        (each shares most of its words with hundreds of them): the few paragraphs holding each
        number are looked up, not the candidates' words."""
        inner = range(AFFIX_WORDS, len(words) - AFFIX_WORDS)  # (an affix may hold one)
        missing = {words[p] for p in inner if NUMBER.fullmatch(words[p])}
        if not missing:
            return False
        holders = self._number_holders()
        for number in list(missing):
            if len(holders[number]) > len(candidates):  # (look where there is less to see)
                held = any(number in self._vocabulary(ref, c) for ref, (_, c) in candidates.items())
            else:
                held = any((None, h) in candidates for h in holders[number])
            if held:
                missing.discard(number)
        missing -= self._numbers_beside(missing, candidates, after=i)
        if not missing:
            return False
        if self.boilerplate is None:
            return True
        starts = self.document.sentence_starts(i)
        return not any(
            self._furniture_around(words, a, p)
            for p in inner
            if words[p] in missing
            for a in starts
            if a <= p
        )

    def _furniture_around(self, words: list[str], a: int, p: int) -> bool:
        """Whether ``words[a:b]`` is a boilerplate line for some ``b`` past ``p`` (what
        :meth:`Page.aside` may take for page furniture between two sentences)."""
        assert self.boilerplate is not None
        for b in range(p + 1, len(words) + 1):
            run = " ".join(words[a:b])
            if self.boilerplate.match(run) is not None:
                return True
            if not self.boilerplate.may_start(run):
                return False
        return False

    def _number_holders(self) -> Mapping[str, list[int]]:
        """The paragraphs holding each number (a word of digits), worked out once."""
        if self.numbers is None:
            self.numbers = {}
            for j, canon in enumerate(self.document.canonical):
                for number in dict.fromkeys(NUMBER.findall(canon)):
                    self.numbers.setdefault(number, []).append(j)
        return self.numbers

    def _numbers_beside(
        self, numbers: Collection[str], candidates: Candidates, *, after: int = -1
    ) -> set[str]:
        """Those of ``numbers`` held by a paragraph after ``after`` that :meth:`Page.next_kept`
        reaches from a candidate of this document (a neighbour that a window adds)."""
        holders = self._number_holders()
        return {
            n
            for n in numbers
            if any(h > after and self._beside_a_candidate(h, candidates) for h in holders[n])
        }

    def _beside_a_candidate(self, h: int, candidates: Candidates) -> bool:
        """Whether :meth:`Page.next_kept` reaches paragraph ``h`` from a candidate of this document
        (walking back from ``h`` over the removed paragraphs it passes)."""
        if h in self.found or not self.document.canonical[h]:
            return False
        found, size = self.found, len(self.document.canonical)
        for step in (-1, 1):
            for distance in range(1, MAX_PASSED + 1):
                k = h - distance * step
                if not 0 <= k < size:
                    break
                if (None, k) in candidates:
                    return True
                if k not in found:
                    break
        return False

    def _vocabulary(self, ref: Ref, canon: str) -> set[str]:
        """The distinct words of a candidate's canonical text, split once."""
        known = self.vocabularies.get(ref)
        if known is None:
            known = self.vocabularies[ref] = set(canon.split(" "))
        return known

    def covered_by(
        self,
        words: list[str],
        window: Sequence[tuple[int, int, str]],
        need: float,
        doc_id: str | None,
        *,
        cut: bool = False,
    ) -> tuple[int, list[str], Opcodes, tuple[int, ...]] | None:
        """How ``window`` covers ``words``, if it covers ``need`` of them in whole sentences
        (the last one maybe ``cut`` short: a teaser's)."""
        covered, other, ops, originals, region, spans = coverage(words, window, 0.5 * need)
        if not originals:
            return None
        # Judged again on the paragraphs the copy draws on alone: words that repeat make the
        # alignment against the whole window ambiguous (a "to" matched in the paragraph before
        # breaks the run that starts the copy).
        # The copy stands only if those paragraphs alone cover enough of it.
        sources = [c for c in window if c[0] in originals]
        if any(self._apart(doc_id, a[0], b[0], long=True) for a, b in pairwise(sources)):
            return None  # (a window's neighbours bridged paragraphs that the copy lacks)
        if len(sources) < len(window):
            again = coverage(words, sources, need)
            if again[0] < need:
                return None
            covered, other, ops, _, region, spans = again
        if covered < need:
            return None
        if doc_id is None and not self.page.whole_sentences(sources, region, cut=cut):
            return None
        if doc_id is None and not self.page.joined_whole(sources, spans):
            return None
        if doc_id is not None and not _whole_neighbours(sources, ops):
            return None
        return covered, other, ops, originals

    def windows(
        self, i: int, candidates: Candidates, *, later: bool
    ) -> list[tuple[str | None, list[tuple[int, int, str]]]]:
        """Candidates grouped by document into runs of nearby paragraphs, best-linked first:
        at most :data:`_MAX_WINDOWS` of this document, then as many of earlier ones.

        The kept neighbours of this document's candidates join them: before paragraph ``i``, or
        after it when ``later``; not a teaser left out of ``i``'s candidates, as it previews
        ``i`` (a title above a teaser that runs ``i`` into the next paragraph, cut short, would
        bring it back).
        """
        by_doc: dict[str | None, dict[int, tuple[int, int, str]]] = {}
        for (doc_id, j), (count, canon) in candidates.items():
            by_doc.setdefault(doc_id, {})[j] = (j, count, canon)
        canonical = self.document.canonical
        windows = []
        for doc_id, members in by_doc.items():
            further: dict[int, tuple[int, int, str]] = {}  # (lines past a short neighbour)
            if doc_id is None:  # this document: add the kept neighbours
                for j in list(members):
                    for step in (-1, 1):
                        # The next one joins; past a short one (a heading, a link's line) the
                        # next ones, for a copy of earlier paragraphs that ran such lines into
                        # its own: they only lengthen the window they stand at the end of.
                        reach = 1 if later else _SHORT_REACH
                        for n, k in enumerate(self._beside(j, step, reach)):
                            if not self._may_join(i, k, members, later=later) or (
                                n and (k in further or k in self.page.structured)
                            ):  # (structured data is matched whole, never run in)
                                break
                            (further if n else members)[k] = (k, 0, canonical[k])
                for k in further.keys() & members.keys():  # (a member in its own right)
                    del further[k]
            else:  # an earlier one: add the indexed neighbours asked for (see _could_cover)
                for j in list(members):
                    for entry in self.indexed.asked.get((doc_id, j), ()):
                        members.setdefault(entry.paragraph, (entry.paragraph, 0, entry.canonical))
            run: list[tuple[int, int, str]] = []
            for item in sorted(members.values()):
                if run and self._apart(doc_id, run[-1][0], item[0]):
                    windows.append((doc_id, self._lengthened(run, further)))
                    run = []
                run.append(item)
            windows.append((doc_id, self._lengthened(run, further)))
        windows = [(d, _around_best(w)) for d, w in windows if any(c for _, c, _ in w)]
        windows.sort(key=lambda dw: (dw[0] is not None, -sum(c for _, c, _ in dw[1])))
        # This document's first, and as many of earlier ones: paragraphs of this one that share
        # a heading's words with it leave room for the indexed copy that holds it.
        local = sum(d is None for d, _ in windows)
        return windows[: min(local, _MAX_WINDOWS)] + windows[local : local + _MAX_WINDOWS]

    def _beside(self, j: int, step: int, reach: int) -> Iterator[int]:
        """The kept paragraphs a window of paragraph ``j`` reaches on ``step``'s side: the next
        one and, past each short one (a heading, a link's line), the one after it, ``reach`` in
        all at most."""
        canonical = self.document.canonical
        k = self.page.next_kept(j, step)
        for _ in range(reach):
            if k is None:
                return
            yield k
            if word_count(canonical[k]) >= HEADING_WORDS:
                return
            k = self.page.next_kept(k, step)

    def _may_join(self, i: int, k: int, members: Mapping[int, object], *, later: bool) -> bool:
        """Whether kept paragraph ``k`` may join the window of paragraph ``i``'s candidates
        (``members``): before ``i`` (after it, if ``later``), no member yet, and not passed
        over for ``i``."""
        return (
            k not in members
            and (k > i if later else k < i)
            and i not in self.passed_over.get(k, ())
        )

    def _lengthened(
        self, run: list[tuple[int, int, str]], further: Mapping[int, tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """``run`` with the paragraphs of ``further`` that stand in a row at either end of it."""
        if not further:
            return run

        def chain(k: int, step: int) -> list[tuple[int, int, str]]:  # (past ``k``, one way)
            found = []
            at = self.page.next_kept(k, step)
            while at is not None and at in further:
                found.append(further[at])
                at = self.page.next_kept(at, step)
            return found

        return [*reversed(chain(run[0][0], -1)), *run, *chain(run[-1][0], 1)]

    def _apart(self, doc_id: str | None, a: int, b: int, *, long: bool = False) -> bool:
        """Whether more than :data:`_MAX_GAP` paragraphs stand between ``a`` and ``b``: in this
        document, only the kept ones count, and not the short repeats among them (with
        ``long``, no short paragraph: a heading, a label)."""
        if doc_id is not None or b - a > 8 * _MAX_GAP:
            return b - a - 1 > _MAX_GAP
        canonical, found, repeats = self.document.canonical, self.found, self.short_repeats
        least = self.options.short_words if long else 1
        between = 0
        for k in range(a + 1, b):
            if k not in found and k not in repeats and word_count(canonical[k]) >= least:
                between += 1
                if between > _MAX_GAP:
                    return True
        return False


def own_short_sentence(words: list[str], starts: Sequence[int], paragraphs: Sequence[str]) -> bool:
    """Whether canonical ``words`` (its sentences starting at word indices ``starts``) have a
    sentence of :data:`ADDED_SENTENCE_WORDS` to :data:`~textclean.align.AFFIX_WORDS` words, all
    of letters, that the canonical ``paragraphs`` laid end to end do not hold: a sentence of its
    own between copies of them ("... on Thursday. It never happened. The trial ..."), which a
    gap of a few words would pass for a dateline or a credit. A wordless paragraph between two
    ("---", a rule between a sentence and a line of code) parts none of their words.

    >>> paragraphs = ["apply it to any vue file", "", "match vue", "the rule ends there"]
    >>> copy = "apply it to any vue file match vue the rule ends there".split()
    >>> own_short_sentence(copy, [0, 4, 8], paragraphs)  # ("vue file match vue")
    False
    >>> added = "apply it to any vue file it never happened the rule ends there".split()
    >>> own_short_sentence(added, [0, 6, 9], paragraphs)  # ("it never happened")
    True
    """
    joined = f" {' '.join(p for p in paragraphs if p)} "
    return any(
        ADDED_SENTENCE_WORDS <= b - a <= AFFIX_WORDS
        and all(w.isalpha() for w in words[a:b])  # (no figures of a table, no address)
        and f" {' '.join(words[a:b])} " not in joined
        for a, b in pairwise([*starts, len(words)])
    )


def _whole_neighbours(sources: Sequence[tuple[int, int, str]], ops: Opcodes) -> bool:
    """Whether the alignment ``ops`` (of a copy against the ``sources``' words) takes whole each
    source that shares no key with the copy (key count 0: a neighbour of a candidate): a merged
    copy holds the paragraph beside its original whole, not a few of its words that happen to
    stand in order. One word in ten may differ."""
    start = 0
    for _, count, canon in sources:
        size = canon.count(" ") + 1
        if not count:
            taken = sum(
                max(0, min(op.dest_end, start + size) - max(op.dest_start, start))
                for op in ops
                if op.tag == "equal"
            )
            if taken < size - max(1, size // 10):
                return False
        start += size
    return True


def _missing_at_ends(words: list[str], missing: set[str]) -> bool:
    """Whether the ``missing`` words of a paragraph stand only before or after a stretch of at
    least a third of its words: the shape of a copy merged with a neighbour of its original (a
    heading run into it, or a paragraph up to twice as long), not of a rewording (whose new
    words are spread all over).

    >>> words = "a b c d e f g h i j".split()
    >>> _missing_at_ends(words, set("abcdef")), _missing_at_ends(words, set("acegi"))
    (True, False)
    """
    if not missing:
        return False
    gap, last = 0, -1
    for n, word in enumerate(words):
        if word in missing:
            gap, last = max(gap, n - last - 1), n
    return 3 * max(gap, len(words) - last - 1) >= len(words)


def _around_best(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """At most :data:`_MAX_WINDOW` paragraphs of ``run``, around the one sharing most keys."""
    if len(run) <= _MAX_WINDOW:
        return run
    best = max(range(len(run)), key=lambda n: (run[n][1], -n))
    start = min(max(0, best - _MAX_WINDOW // 2), len(run) - _MAX_WINDOW)
    return run[start : start + _MAX_WINDOW]
