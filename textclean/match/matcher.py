"""The tiers of matching, paragraph by paragraph: boilerplate, exact, near, contained.

:func:`match_paragraphs` visits a document's paragraphs in order and keeps the state of that one
document: the duplicates found so far, the fuzzy matches held until a run of copies confirms
them, and what was worked out once per paragraph (its words). Then it runs the passes that a
second run on the output would find more in, until none removes anything. It asks what each
paragraph is on the page (its sentences; a teaser, a pull quote, a dateline) of a
:class:`.page.Page`, whether a paragraph is contained in text already held of a
:class:`.contained.Containment`, whether what a match adds is a small edit of an
:class:`.edits.Edits`, and leaves the held matches (:class:`.held.HeldMatches`), the rest of a
copy walked from its parts (:class:`.walks.Walks`) and the lines between copies
(:class:`.between.BetweenCopies`) to the classes named after them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import islice, pairwise

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from textclean.align import (
    CORRECTED_FIGURES,
    MAX_ALIGNMENT,
    added_at_an_end,
    before_update_stamp,
    coverage,
    dated,
    drops_numbers,
    edited,
    figures,
    figures_changed,
    may_say_the_opposite,
    renames,
    says_the_opposite,
    spun,
    word_for_word,
)
from textclean.boilerplate import BoilerplateMatcher
from textclean.canonical import is_address, without_addresses, word_count
from textclean.fingerprint import (
    MIN_SENTENCE_WORDS,
    DocumentPrint,
    ParagraphPrint,
    among,
    sentence_key,
)
from textclean.match import lines, runs, settle
from textclean.match.between import BetweenCopies
from textclean.match.contained import MAX_CANDIDATES, Containment
from textclean.match.earlier import Earlier
from textclean.match.edits import ADDED_SENTENCE_WORDS, Edits
from textclean.match.glued import glued_copies
from textclean.match.held import HeldMatches
from textclean.match.lines import IndexedLines
from textclean.match.links import Links, best_linked, counts_alike, indexed_links, shared_keys
from textclean.match.merged import (
    HEADING_WORDS,
    MergedCopies,
)
from textclean.match.model import Candidates, Matching, Prior, Ref, Removals, describe
from textclean.match.page import (
    DATELINE_WORDS,
    ELLIPSES,
    TITLE_REACH,
    Page,
)
from textclean.match.stripped import stripped_copies
from textclean.match.structured_data import StructuredCopies
from textclean.match.walks import Walks
from textclean.match.wrapped import lines_here, lines_in_indexed
from textclean.options import DedupeOptions
from textclean.results import Duplicate

__all__ = ["match_paragraphs"]

_MAX_VERIFIED = 32  # candidates verified as near copies, those sharing the most keys
_SHORT_ROUNDS = 8  # rounds of removing short repeats at the end, each after one that removed some
_MAX_ROUNDS = 3  # matchings of a document whose common keys change with what stays
_MAX_LATER = 4 * MAX_CANDIDATES  # later paragraphs a paragraph may be contained in, the first
SPUN_MARGIN = 0.15
"""A paragraph of :data:`HEADING_WORDS` words or more whose words replace those of one earlier
paragraph one for one, or a phrase by one word more or fewer (a synonym spinner's copy: "said"
-> "mentioned", "more than" -> "over"), may be this much below the near threshold, and goes if
it stands in a run of copies."""
_AGENCY = re.compile(r"\([^()]*[^\W\d_]")  # an agency in brackets: a word, not a score "(12-4)"
_HEADLINE_REACH = runs.HEADER_LINES + 2  # ... once the title opens the document (or a menu)


def match_paragraphs(
    texts: Sequence[str],
    document: DocumentPrint,
    options: DedupeOptions,
    *,
    prior: Prior | None = None,
    boilerplate: BoilerplateMatcher | None = None,
) -> Matching:
    """Match paragraphs against each other and against ``prior`` (earlier documents).

    ``texts`` are the paragraphs' real texts (for boilerplate patterns and ``keep="longest"``),
    ``document`` their fingerprints.
    """
    prior = prior or Prior()
    counted: Collection[int] | None = None  # (the paragraphs whose keys the links counted)
    links = shared_keys(document, counted)
    for _ in range(_MAX_ROUNDS):
        matching = _DocumentMatcher(texts, document, options, prior, boilerplate, links).run()
        if not links.common or counts_alike(document, counted, matching.kept):
            return matching  # (the links among the paragraphs that stay would be these)
        # Common keys are counted again among the paragraphs that stay, as matching the output
        # would count them: matching is done once that pairs the paragraphs that stay alike.
        again = shared_keys(document, matching.kept)
        if _pairs_among(again, matching.kept) == _pairs_among(links, matching.kept):
            return matching
        links, counted = again, matching.kept
    # (Not settled: every key pairs its paragraphs.)
    everything = shared_keys(document, ())
    return _DocumentMatcher(texts, document, options, prior, boilerplate, everything).run()


def _pairs_among(links: Links, kept: Collection[int]) -> set[tuple[int, int, int]]:
    """The pairs of ``links`` (with the keys they share) whose paragraphs both stay."""
    stay = set(kept)
    return {(i, j, n) for i, j, n in links.pairs() if i in stay and j in stay}


class _DocumentMatcher:
    """The state of matching one document."""

    def __init__(
        self,
        texts: Sequence[str],
        document: DocumentPrint,
        options: DedupeOptions,
        prior: Prior,
        boilerplate: BoilerplateMatcher | None,
        links: Links,
    ) -> None:
        self.texts = texts
        self.document = document
        self.options = options
        self.prior = prior
        self.boilerplate = boilerplate
        self.found = Removals()
        # What each paragraph is on the page (sentences, teasers, pull quotes, what stays).
        self.page = Page(texts, document, self.found, boilerplate, shared=bool(links.earlier))
        self.structured = self.page.structured  # (JSON-LD objects: set aside, see Page)
        # Copies that glue the paragraphs after them together: set aside too, see glued_copies.
        self.glued = {
            o: parts for o, parts in glued_copies(texts).items() if o not in self.structured
        }
        # Fuzzy matches whose differences do not look like small edits: they stand only if a
        # neighbour repeats the neighbour of their original (they sit inside a repeated run).
        self.pending: dict[int, Duplicate] = {}
        # ... those of them that change a fact (a figure, a name): they stand only as a copy's
        # correction (see HeldMatches.corrected_in_a_copy).
        self.facts_changed: set[int] = set()
        # ... those of them near an indexed paragraph that drop none of its figures (see
        # _wholly_contained).
        self.figures_added: set[int] = set()
        self.rivalled: set[int] = set()  # near copies of more than one earlier paragraph
        # The later paragraphs that come close to each paragraph of this document (a spinner's
        # copy or nearer): three or more such are rows written to one template.
        self.close_later: dict[int, set[int]] = {}
        self.nearest: dict[int, int] = {}  # the paragraph of this document each is nearest to
        # Held near copies that replace words of their original one for one (a rewording).
        self.reworded: set[int] = set()
        # ... and those of them containment was not tried for (beside a copy lining up with them).
        self.uncontained_rewordings: set[int] = set()
        self.prior_keys = set(prior.postings) | prior.boilerplate
        self.address_free = prior.address_free  # (the keys of texts without their links)
        self.without_addresses: dict[Ref, str | None] = {}  # ... its text without addresses
        self.before_stamps: dict[Ref, str | None] = {}  # ... and without an update stamp
        # What earlier documents hold around a candidate, asked of the index once.
        self.indexed = Earlier(prior)
        self.split_words: dict[int, list[str]] = {}  # a paragraph's words, once split
        # Kept paragraphs found laid end to end in a paragraph, the words they cover, and how
        # many paragraphs were removed when that was worked out.
        self.laid_out: dict[int, tuple[int, list[int], int]] = {}
        # The lowest ratio (0-100) at which a spinner's copy may go (SPUN_MARGIN).
        self.spun_cutoff = max(0.0, (options.threshold - SPUN_MARGIN) * 100)
        # Short paragraphs that repeat a kept one, as they are met: kept for now, but they add
        # no words of their own, so they neither part a window nor break a merged copy.
        self.short_repeats: dict[int, int] = {}
        # Paragraphs containment in later ones was tried for in vain, with those later ones, and
        # what was removed when that was last done (see _later_again).
        self.later_tried: dict[int, list[int]] = {}
        self.later_snapshot: set[int] = set()
        self.placed_before: set[int] = set()  # (removed when copies in place were last looked for)
        # Paragraphs found in a later one that stayed, as that one looked like the copy.
        self.held_back: set[int] = set()
        self.headlines: set[int] = set()  # headlines that went under the page's title
        # Paragraphs that a teaser before them is no candidate of, as it previews the run from
        # them on (or is them cut short): a removal since may have broken that run.
        self.spared: set[int] = set()
        # Teasers found cut short (not by an ellipsis), and the paragraphs they were found cut
        # from; and the paragraphs each teaser was left out of the candidates of (nor does a
        # containment window add it to them, as a kept neighbour of another candidate).
        self.cut_from: dict[int, set[int]] = {}
        self.passed_over: dict[int, set[int]] = {}
        # The removals that kept lines were run together past (see _joined_again).
        self.joined_over: set[int] = set()
        self.links = links
        # (a merged copy may hold boilerplate lines that the paragraphs it copies lack)
        self.furniture = boilerplate.match_canonical if boilerplate else None
        self.indexed_lines = IndexedLines(
            document.canonical, self.found, self.indexed, options, self.furniture
        )
        self.merged = MergedCopies(
            document.canonical, self.found, options.threshold,
            passable=self.short_repeats, furniture=self.furniture,
            opens=boilerplate.may_start if boilerplate else None,
        )  # fmt: skip
        # Whether what a match has besides its original is a small edit (else it is held).
        self.edits = Edits(self.page, links, self.pending, self.facts_changed)
        # Whether a paragraph's words stand in order in text the document already holds.
        self.containment = Containment(
            self.page, options, prior, links=links,
            indexed=self.indexed, merged=self.merged, edits=self.edits,
            pending=self.pending, short_repeats=self.short_repeats,
            passed_over=self.passed_over,
        )  # fmt: skip
        # The rest of copies, found from the parts of them already found.
        self.walks = Walks(self.page, self.found, self.merged, self.containment.parts, options)
        # Held fuzzy matches confirmed once the copy around them lines up.
        self.held = HeldMatches(
            self.page, self.found, self.pending, self.indexed,
            facts_changed=self.facts_changed, rivalled=self.rivalled,
            close_later=self.close_later, dropped_phrase=self.containment.dropped_phrase,
            threshold=options.threshold,
        )  # fmt: skip
        # Lines between copies that stand where a copy of the text around them puts them.
        self.between = BetweenCopies(
            self.page, self.found, options, self.edits, self.indexed,
            across=bool(prior.postings),
        )  # fmt: skip

    def run(self) -> Matching:
        document = self.document
        links = self.links
        first_same = self.page.first_same
        canonical = document.canonical
        short_repeats = self.short_repeats
        short_parts: dict[int, Duplicate] = {}
        in_prior: set[int] = set()  # paragraphs holding a key the index knows
        if self.prior_keys:
            known = np.fromiter(self.prior_keys, np.int64, len(self.prior_keys))
            in_prior = set(document.owners[among(document.keys, known)].tolist())
            in_prior.update(i for i, key in self.address_free.items() if key in self.prior_keys)
        # (as boilerplate: a removed paragraph that repeats nothing, which no rule builds on)
        aside = Duplicate(0, None, "boilerplate", 1.0, "structured data, set aside")
        self.found.update((m, replace(aside, index=m)) for m in (*self.structured, *self.glued))
        # A gallery's counters first: lines between a copy's paragraphs ("3 of 24") would part
        # the runs of copies that a second run, without them, finds.
        settle.remove_counters(self.texts, canonical, self.found)
        shown = 0  # kept paragraphs with words before ``i`` (as the output shows them)
        for i in range(len(document)):
            if i and i - 1 not in self.found and canonical[i - 1]:
                shown += 1
            if i in self.structured or i in self.glued:
                continue
            j = first_same[i]
            if j != i and j not in self.found and canonical[j] == canonical[i] and canonical[i]:
                # The fast paths for the commonest repeats: same text as a kept paragraph.
                if self._goes_as_same_text(i, j):
                    self.found[i] = Duplicate(i, j, "exact", 1.0, "same canonical text", (j,))
                    continue
                if i not in in_prior and not self._boilerplate_line(i):
                    short_repeats[i] = j  # a short repeat (a heading, a label), kept for now
                    continue
            headline = self.page.headline(i) if shown < TITLE_REACH + self.page.menu else None
            if headline is not None:
                self.found[i] = headline
                self.headlines.add(i)
                continue
            fp = self.document[i] if i in in_prior else None
            if (
                links.bounds[i] == links.bounds[i + 1]
                and fp is None
                and i not in self.page.quoted_in
            ):  # nothing earlier can match it
                dup = self._boilerplate_line(i) or self._after_a_dateline(i)
                if dup is None and self.page.dateline(i)[1]:
                    dup = self._behind_a_dateline(i, self.document[i], {})  # (an earlier lede)
                    if dup is not None and self.page.lone_part(i, dup, self.document[i]):
                        short_parts[i] = dup  # (as below: a heading-sized part of one)
                        continue
                if dup is not None:
                    self.found[i] = dup
                continue
            fp = fp or self.document[i]
            local = links.before(i, self.found)
            dup = (
                self._match(i, fp, local)
                or self._near_a_removed_part(i, fp)
                or self._behind_a_dateline(i, fp, local)
                # (sharing keys with removed paragraphs only, as with none in a second run)
                or (None if local else self._after_a_dateline(i))
            )
            if dup is not None and self.page.lone_part(i, dup, fp):
                # (but a kept paragraph's text behind a dateline is no part of a longer one)
                behind = self._behind_a_dateline(i, fp, local)
                if behind is None or self.page.lone_part(i, behind, fp):
                    short_parts[i] = dup  # a heading-sized sentence of one earlier paragraph
                else:
                    self.found[i] = behind
            elif dup is not None:
                self.found[i] = dup
            elif i not in self.pending and fp.canonical and fp.words < self.options.short_words:
                first = self._exact_local(fp, local)
                if first is not None:  # a short repeat, kept for now
                    short_repeats[i] = first
                elif local:  # a short sentence of a split copy, kept for now
                    part = self.containment.contained(i, fp, self._candidates(i, fp, local))
                    part = part or self.pending.pop(i, None)
                    if part is not None and part.doc_id is None:
                        short_parts[i] = part
        looped = set(self.found)  # (what the first pass found: later removals may part windows)
        lines.joined_lines(
            canonical, self.found, self.pending, self.structured, self.options.short_words
        )
        self.joined_over.update(self.found)
        runs.confirm_in_runs(
            self.pending,
            self.found,
            also=lambda i, dup: (
                i not in self.facts_changed or self.held.corrected_in_a_copy(i, dup)
            ),
            canonical=canonical,
        )
        self.held.confirm_edited_runs()
        self.held.confirm_corrected()  # (inside a copy edited throughout: its neighbours stand now)
        self._copies_in_place()
        self._near_again()
        # Short lines go from here (and what they bring together): their windows are tried again.
        self._parts_beside_copies(short_parts)
        runs.remove_short_blocks(canonical, self.found, short_repeats, self.structured)
        runs.confirm_short_runs(canonical, self.found, short_repeats)
        wrapped = self._wrapped_lines()
        if self.prior.postings or wrapped:
            runs.confirm_indexed_short_runs(
                canonical, self.document.exact, self.found, self.prior.postings,
                self.indexed.beside, self.options.short_words,
            )  # fmt: skip
            going_on = self.indexed_lines.going_on
            self._contained_beside(
                lines.walk_lines(canonical, self.found, self.structured, going_on)
            )
        runs.confirm_decorated_runs(
            canonical, self.found,
            indexed_texts=self.indexed.texts, indexed_beside=self.indexed.beside,
        )  # fmt: skip
        # Rewordings again (containment was not tried on them): short repeats found since may
        # be the neighbours they need.
        # (not those that name another person or day: they go only as corrections, above)
        reworded = self.reworded - self.found.keys() - self.facts_changed
        held = {i: self.pending[i] for i in reworded if i in self.pending}
        runs.confirm_in_runs(held, self.found, canonical=canonical)
        # Those still kept, tried for containment as any paragraph is: the copy beside them that
        # spared them the test may be gone from a second run's input.
        for i in sorted(self.uncontained_rewordings.intersection(held) - self.found.keys()):
            fp = self.document[i]
            candidates = self._candidates(i, fp, self._local(i))
            dup = self._contained_while_held(i, fp, held[i], candidates)
            if dup is not None and not self.page.lone_part(i, dup, fp):
                self.found[i] = dup
            elif dup is not None:
                self.pending.setdefault(i, held[i])
        self.walks.inside_bodies(short_repeats)
        self.walks.parts_of_copies(short_parts)
        walked = len(self.found)
        late = self.found.keys() - looped
        # (the lines of a copy wrapped across its breaks are found in the body, and go on from
        # those, before a later one may hold a short paragraph: as one of them it is no holder)
        self._wrapped_here()
        self._walk_lines_here()
        self._laid_out_in_copies()
        stripped_copies(self.texts, canonical, self.found)
        later = self._contained_in_later()
        removed = set(self.found)
        self._contained_again(later, late)
        self._vetoes_again(removed)  # (vetoes may have lifted: once more, as a second run would)
        removed = set(self.found)
        self._near_again(contained=True)
        self._short_rounds(short_repeats, short_parts)
        if self.containment.parts and len(self.found) > walked:
            # Paragraphs gone since may have stood between the parts of a copy (lines of one
            # wrapped copy inside another): the walks again, as a second run would.
            count = len(self.found)
            self.walks.inside_bodies(short_repeats)
            self.walks.parts_of_copies(short_parts)
            if len(self.found) > count:
                self._short_rounds(short_repeats, short_parts)
        # (the earlier text that made a later paragraph look like the copy may have gone in those
        # rounds: the vetoes again, and what they bring)
        if self._vetoes_again(removed):
            self._short_rounds(short_repeats, short_parts)
        if self.structured:  # (last: a second run on the output sees what this one saw)
            for m in self.structured:
                del self.found[m]
            StructuredCopies(
                self.texts, self.document, self.found, self.structured, self.options.containment,
                self.options.threshold, self.page.kept, self.indexed.copy,
                self.containment.indexed_text,
            ).remove(self.links)  # fmt: skip
        if self.options.keep == "longest":
            settle.prefer_longest(self.texts, canonical, self.found)
            if settle.remove_box_labels(self.texts, canonical, self.found):
                runs.remove_short_blocks(canonical, self.found, short_repeats, self.structured)
        else:
            removed = set(self.found)
            settle.prefer_undamaged_copy(
                self.texts, self.found, threshold=self.options.threshold, canonical=canonical,
                short_words=self.options.short_words,
            )  # fmt: skip
            if settle.prefer_body_to_box(
                self.texts, canonical, self.found, structured=self.structured,
                may_stay=lambda k: self._boilerplate_line(k) is None,
            ):  # fmt: skip
                self._closed_up(short_repeats, short_parts, removed - self.found.keys())
            # The labels of the boxes whose items went go with them, and what stood around a
            # label closes up, as a second run sees it without them.
            labels = settle.remove_box_labels(self.texts, canonical, self.found)
            if labels and self._meet_across(labels, short_repeats):
                self._closed_up(
                    short_repeats, short_parts, removed - self.found.keys(), gone=labels
                )
        count = len(self.found)
        before_last = set(self.found)
        self._spared_again()
        self._headline_again()
        self._headlines_again_further_on()
        self._run_on_again()
        self._teasers_again()
        self._later_again()
        if len(self.found) > count:  # (the lines around those close up in turn)
            # (and a paragraph they made look like a copy, which vetoed an earlier one's
            # containment in it, may be none now: a headline repeated in it went)
            self._vetoes_again(before_last)
            self._short_rounds(short_repeats, short_parts)
        count = len(self.found)
        if self.boilerplate is not None:  # (first: the lines beside a menu are next to each other)
            settle.remove_menus(self.texts, canonical, self.found)
        settle.remove_captions(
            self.texts, canonical, self.found, self.structured, held=self._held_as_sentences
        )
        settle.remove_speakers(self.texts, canonical, self.found)
        if self.boilerplate is not None:
            settle.remove_buttons(canonical, self.found)
        settle.remove_wordless(canonical, self.found)
        # (a short line kept again may stand right after its own repeat now, or one that a
        # counter or a caption stood between, as a second run would find it)
        if settle.keep_rings(canonical, self.found) or len(self.found) > count:
            runs.remove_short_blocks(canonical, self.found, short_repeats, self.structured)
        if settle.prefer_whole_to_teaser(
            canonical, self.found, self.page.teasers, whole=self._whole_after_teaser
        ):  # (the paragraph kept in the teaser's place may stand in a later one, as a second
            # run would find it)
            self._later_and_around()
        # (last: on the lines that stay)
        back = settle.remove_contents(canonical, self.found, self.page.in_table)
        settle.remove_contents_line(self.texts, canonical, self.found)
        self._key_event_times()
        # (a merged copy that ran a heading gone as its entry's repeat into its paragraph may
        # stand in the two now, as a second run finds it)
        self._contained_beside(back)
        settle.same_text_as_kept(canonical, self.page.first_same, self.found)
        # (the body's paragraphs keep their breaks; and a glued copy that stays, right before
        # the paragraphs that spell it, goes, as a second run would find it)
        staying = [i for i in range(len(self.document)) if i not in self.found]
        for o, parts in [*self.glued.items(), *glued_copies(self.texts, staying).items()]:
            rule = f"its words are {describe(parts)} glued together"
            self.found[o] = Duplicate(o, parts[0], "contained", 1.0, rule, parts)
        settle.resolve_references(self.found)
        duplicates = tuple(self.found[i] for i in sorted(self.found))
        kept = tuple(i for i in range(len(self.document)) if i not in self.found)
        return Matching(duplicates, kept, settle.document_match(canonical, self.found))

    def _key_event_times(self) -> None:
        """Remove a clock's time alone on a line ("7:24 p.m. ET") whose next line went as
        contained in the entry that stands under the same time further on: a live page's box
        of key events printed two lines an event, its time over its first sentence. The time
        stayed as a short repeat; it goes as a repeat of the entry's time."""
        canonical, texts = self.document.canonical, self.texts
        n = len(canonical)
        for k, text in enumerate(canonical):
            if not text[:1].isdigit() or k in self.found or not self.page.is_time(k):
                continue
            m = k + 1
            while m < n and not canonical[m]:
                m += 1
            dup = self.found.get(m)
            if dup is None or dup.doc_id is not None or dup.kind == "boilerplate":
                continue
            time = texts[k].strip()
            for o in dup.originals:
                t = self.page.time_of(o)
                if t is not None and t > m and self.page.kept(t) and texts[t].strip() == time:
                    rule = "the time of a key event whose line went as the entry under it"
                    self.found[k] = Duplicate(k, t, "exact", 1.0, rule, (t,))
                    break

    def _held_as_sentences(self, k: int, n: int) -> int | None:
        """The first kept paragraph other than ``k``, longer than ``n`` words, that holds the
        first ``n`` words of paragraph ``k`` as whole sentences (each with a sentence key), if
        any; or of ``n`` words, if they are :data:`HEADING_WORDS` or more: a body's paragraph
        may be the caption's sentence alone, where a short line is a heading's."""
        starts = self.document.sentence_starts(k)
        if n not in starts:  # (they end a sentence of k)
            return None
        words = self.document.canonical[k].split(" ")
        least = n - 1 if n >= HEADING_WORDS else n  # (the holder's words, more than these)
        holders: set[int] | None = None
        for a, b in pairwise([*(s for s in starts if s < n), n]):
            if b - a < MIN_SENTENCE_WORDS:
                return None
            here = {
                j for j in self.page.sentence_holders(" ".join(words[a:b]))
                if j != k and self.page.kept(j) and word_count(self.document.canonical[j]) > least
            }  # fmt: skip
            holders = here if holders is None else holders & here
            if not holders:
                return None
        return min(holders) if holders else None

    def _kept_copy(self, j: int) -> int:
        """Paragraph ``j``, or the kept paragraph it repeats word for word if it went."""
        dup = self.found.get(j)
        if dup is None or dup.kind != "exact" or dup.doc_id is not None or dup.original is None:
            return j
        return dup.original if dup.original not in self.found else j

    def _short_rounds(
        self, short_repeats: Mapping[int, int], short_parts: Mapping[int, Duplicate]
    ) -> None:
        """Removals since the short lines were first tried may have brought copies together
        (or put one beside them), and so may the short lines these remove: try them again
        until none goes, as a second run on the output would."""
        canonical = self.document.canonical
        for _ in range(_SHORT_ROUNDS):
            settle.remove_wordless(canonical, self.found)  # (a second run sees none of those)
            count = len(self.found)
            self._joined_again()
            self._wrapped_here()
            self._walk_lines_here()
            runs.remove_short_blocks(canonical, self.found, short_repeats, self.structured)
            runs.confirm_short_runs(canonical, self.found, short_repeats)
            self._copies_in_place(again=True)
            turned = runs.keep_later_run(
                canonical, self.found, short_repeats, self._of_its_own,
                lambda k: self._boilerplate_line(k) is None,
            )  # fmt: skip
            if turned:  # (the later lines kept in place of the copy's, and those after them
                # linked to them: repeats or contained in others now, as in a second run?)
                self._repeats_again()
                self._contained_beside({j for j in turned.values() if j not in self.found})
                self._later_and_around()
            self.held.confirm_in_runs_again()  # (held lines among short lines gone since)
            self.held.confirm_edited_runs()  # (edited copies the paragraphs gone since close up)
            self.held.confirm_corrected(both=True)  # (beside short lines of the copy gone since)
            self.held.confirm_inside_merged()  # (held copies among lines of the copy gone since)
            self._parts_beside_copies(short_parts)
            self.between.remove()
            if len(self.found) == count and not turned:
                break

    def _walk_lines_here(self) -> None:
        """Remove the kept lines that go on from a line beside them found in a kept paragraph
        of this document (:func:`~textclean.match.lines.walk_lines`), and try those that come
        back as a second run would."""
        here = partial(
            lines.going_on_here, self.document.canonical, self.found,
            first_same=self.page.first_same, kept_copy=self.page.kept_copy_of,
        )  # fmt: skip
        self._contained_beside(
            lines.walk_lines(self.document.canonical, self.found, self.structured, here)
        )

    def _repeats_again(self) -> None:
        """Remove the kept paragraphs that repeat a kept one before them word for word and go at
        once so (:meth:`_goes_as_same_text`), as a second run on the output does: the
        first copy of theirs that stood when they were matched may have gone since, turned round
        with an older copy (so a later one stays in its place)."""
        canonical = self.document.canonical
        for k in sorted(self.page.repeats):
            if k in self.found or k in self.structured:
                continue
            j = self.page.kept_copy_before(k)
            if j is not None and canonical[j] == canonical[k] and self._goes_as_same_text(k, j):
                self.found[k] = Duplicate(k, j, "exact", 1.0, "same canonical text", (j,))

    def _whole_after_teaser(self, i: int, j: int) -> bool:
        """Whether paragraph ``i``, the same text as teaser ``j`` before it, may stay in its
        place (:func:`settle.prefer_whole_to_teaser`): it ends like a sentence with no ellipsis
        of its own, and shares no key with a kept paragraph before it but ``j`` (one that may
        hold it, as a pull quote of it does, where the teaser was none of its copies)."""
        return (
            self.page.ended(i)
            and not any(e in self.texts[i] for e in ELLIPSES)
            and all(k == j or not self.page.kept(k) for k in self.links.before(i))
        )

    def _goes_as_same_text(self, i: int, j: int) -> bool:
        """Whether paragraph ``i``, the same text as kept paragraph ``j`` before it, goes at once
        as its exact repeat (unless it is boilerplate of its source): with short repeats
        removed too, always; else when it has :attr:`~DedupeOptions.short_words` words or more
        and is no line of a table (:func:`~textclean.match.runs.table_line`) and no entry of a
        live page's timeline at another time (:meth:`Page.at_other_times`): those are short
        repeats, judged by their neighbours. A byline or the line that dates the article
        (:meth:`Page.byline`) goes, short as it is, when ``j`` is on top of the page: a page
        prints them again at its foot, or over each of its pages that a scraper joined (a
        heading that opens like one, "By Public Transport", stands in the text)."""
        if self.document.exact[i] in self.prior.boilerplate:
            return False
        if self.options.remove_short_repeats or (self.page.byline(i) and self.page.on_top(j)):
            return True
        canonical = self.document.canonical[i]
        short = (
            word_count(canonical) < self.options.short_words
            or runs.table_line(canonical)
            or self.page.row(i)
        )
        return not short and not self.page.at_other_times(i, j)

    def _of_its_own(self, k: int) -> bool:
        """Whether paragraph ``k`` is text of its own that a copy around it cannot move past:
        a sentence of :attr:`~DedupeOptions.short_words` words or more, not a title (a heading
        ends no sentence; a headline that does capitalises most of its words), and no row of a
        table that repeats an earlier one (:meth:`Page.row`: the copy's own, that stays)."""
        if not self.page.ended(k) or word_count(self.document.canonical[k]) < (
            self.options.short_words
        ):
            return False
        if k in self.page.repeats and self.page.row(k):
            return False
        words = [w for w in self.texts[k].split() if w[:1].isalpha()]
        return 2 * sum(w[:1].isupper() for w in words) <= len(words)

    def _joined_again(self) -> None:
        """Kept lines run together (:func:`lines.joined_lines`) again when a paragraph gone
        since they were last tried stood between two kept lines: they are in a row now, as a
        second run on the output sees them."""
        since = self.found.keys() - self.joined_over
        if not since:
            return
        self.joined_over.update(since)
        canonical, found, structured = self.document.canonical, self.found, self.structured
        walked: set[int] = set()
        for k in since:  # (each run of removed paragraphs, and the kept ones on either side)
            if k in walked:
                continue
            first = last = k
            while first - 1 in found or first - 1 in structured:
                first -= 1
            while last + 1 in found or last + 1 in structured:
                last += 1
            walked.update(range(first, last + 1))
            ends = canonical[first - 1 : first], canonical[last + 1 : last + 2]
            if all(end and lines.is_line(end[0]) for end in ends):
                lines.joined_lines(
                    canonical, found, self.pending, structured, self.options.short_words
                )
                return

    def _vetoes_again(self, before: Collection[int]) -> bool:
        """Containment in later paragraphs again (and what it brings) when one was vetoed and
        paragraphs went since those ``before``; whether any went."""
        since = self.found.keys() - before
        if not (self.held_back and since):
            return False
        count = len(self.found)
        self._later_and_around(since)
        return len(self.found) > count

    def _meet_across(self, labels: Sequence[int], short_repeats: Mapping[int, int]) -> bool:
        """Whether the paragraphs around any of ``labels``, which went, may match now as a second
        run matches them: within :data:`~textclean.match.runs.CONFIRM_REACH` paragraphs of one
        stands a short repeat, or a kept paragraph after it shares keys with a kept one before
        it; or it stood among the first or the last lines, where the header's and the menu's
        rules look. Else nothing there changes, and the document is not matched again."""
        reach, size = runs.CONFIRM_REACH, len(self.document)
        for label in labels:
            start, end = max(label - reach, 0), min(label + reach + 1, size)
            if label < reach or label >= size - reach:
                return True
            if any(k in short_repeats for k in range(start, end)):
                return True
            for k in range(label + 1, end):
                if self.page.kept(k) and any(
                    start <= j < label and self.page.kept(j) for j in self.links.before(k)
                ):
                    return True
        return False

    def _closed_up(
        self,
        short_repeats: Mapping[int, int],
        short_parts: Mapping[int, Duplicate],
        back: Collection[int],
        *,
        gone: Collection[int] = (),
    ) -> None:
        """Match again once a box's items (or its label) went and the body's copies of them
        came ``back``: the box's lines closed up, and a short repeat of its item repeats the
        body's (:meth:`_short_rounds_closed_up`). With the box's items gone, a veto may lift, and
        the body's copies that stay now are later paragraphs a paragraph may be contained in,
        as in a second run; and those copies may be contained in a paragraph before them. Until
        none goes: a copy that goes beside one may have been the kept text that vetoed another.
        The paragraphs containment was tried for over one that is ``gone`` (a label) are tried
        again: the window that reaches across it holds its neighbours now.
        """
        self._short_rounds_closed_up(short_repeats, short_parts)
        count = len(self.found)
        for _ in range(_SHORT_ROUNDS):
            size = len(self.found)
            self._later_and_around(gone)
            self._contained_beside({k for k in back if k not in self.found})
            if len(self.found) == size:
                break
        if len(self.found) > count:  # (the lines around those close up in turn)
            self._short_rounds_closed_up(short_repeats, short_parts)

    def _short_rounds_closed_up(
        self, short_repeats: Mapping[int, int], short_parts: Mapping[int, Duplicate]
    ) -> None:
        """:meth:`_short_rounds` once copies have changed places (a box's items gone in favour
        of the body's copies): each short repeat repeats the kept copy of its first."""
        repeats = {i: self._kept_copy(j) for i, j in short_repeats.items()}
        self._short_rounds({i: j for i, j in repeats.items() if j != i}, short_parts)

    def _parts_beside_copies(self, parts: Mapping[int, Duplicate]) -> None:
        """Remove the heading-sized parts of one earlier paragraph (:meth:`Page.lone_part`) that
        stand beside a copy drawn from the same paragraphs or the ones next to them."""
        for i, part in parts.items():
            if i not in self.found and any(
                runs.shares_source(self.found.get(k), part.originals) for k in (i - 1, i + 1)
            ):
                self.found[i] = replace(part, rule=part.rule + ", beside a copy of the same text")

    def _after_a_dateline(self, i: int) -> Duplicate | None:
        """Paragraph ``i``, which shares no key with an earlier kept one, contained in a kept one
        that holds its first sentence without the dateline in front of it: the lede of a copy
        after the article's body run together into one paragraph (an ``articleBody`` copy).
        The dateline makes the sentence another sentence key, and the lede alone is too short
        beside the whole body to share a band key with it."""
        line = self.page.dateline(i)
        if not line.words:
            return None
        words = self.document.canonical[i].split(" ")
        candidates = self._behind_first_sentence(i, words, len(line.words), indexed=False)
        if line.kind == "time code":
            candidates = self._untimed(candidates)
        return self.containment.contained(i, self.document[i], candidates) if candidates else None

    def _untimed(self, candidates: Candidates) -> dict[Ref, tuple[int, str]]:
        """``candidates`` but this document's paragraphs under a transcript's time code
        (:meth:`Page.dateline` of kind "time code"): a line under one is a copy of the
        article's text, not of another timed line (a match's commentary, "12:34 Foul by
        Smith.", repeats its events)."""
        return {
            ref: c
            for ref, c in candidates.items()
            if ref[0] is not None or self.page.dateline(ref[1]).kind != "time code"
        }

    def _behind_first_sentence(
        self, i: int, words: list[str], dateline: int, *, indexed: bool = True
    ) -> Candidates:
        """The kept paragraphs before paragraph ``i``, and (if ``indexed``) the indexed ones,
        that hold its first sentence without the dateline (``dateline`` of its ``words``) in
        front of it: the dateline makes the sentence another sentence key, and the lede alone
        may be too short beside its original for a band key."""
        end = next((s for s in self.document.sentence_starts(i) if s > dateline), len(words))
        if end - dateline < MIN_SENTENCE_WORDS:
            return {}
        sentence = " ".join(words[dateline:end])
        canonical = self.document.canonical
        found: dict[Ref, tuple[int, str]] = {
            (None, j): (1, canonical[j])
            for j in self.page.sentence_holders(sentence)
            if j < i and self.page.kept(j)
        }
        if indexed and self.prior.lookup is not None:
            key = sentence_key(sentence)
            for entry in self.prior.lookup([key]).get(key, ()):
                found[entry.doc_id, entry.paragraph] = (1, entry.canonical)
        return found

    def _behind_a_dateline(
        self, i: int, fp: ParagraphPrint, local: Mapping[int, int]
    ) -> Duplicate | None:
        """Paragraph ``i`` as a copy of a kept paragraph once the dateline in front of it is
        left out: the lede or title of a copy that a wire service's dateline opens ("LONDON
        (Reuters) - ..."), too short for the dateline's words to pass as a small edit or be
        left over by containment. The dateline names its place in capitals or an agency in
        brackets ("Today — " is none), and what follows it is the other paragraph word for word
        (or behind a dateline of its own, a syndicated copy's), the words it opens with (the
        first half of a lede split in two), the whole sentences it closes with (a syndicated
        lede that dropped its first sentence for the dateline) or, long enough for a fuzzy
        hash, a near copy of it."""
        line, found, kind = self.page.dateline(i)
        wire = _AGENCY.search(line) or any(w.isupper() and len(w) > 1 for w in found)
        if kind == "dateline" and not wire:
            return None  # ("Today — ...", "Boston (12-4) — ...": no place, no agency)
        behind = f"behind {'an' if kind == 'update' else 'a'} {kind} ({line})"
        dateline, words = len(found), fp.canonical.split(" ")
        if len(words) - dateline < self.options.short_words:
            return None
        rest = " ".join(words[dateline:])
        candidates = {
            **self._behind_first_sentence(i, words, dateline),
            **self._candidates(i, fp, local),
        }
        if kind == "time code":  # (not another line under one: a match's events may read alike)
            candidates = self._untimed(candidates)
        candidates = self._without_key_events(i, candidates)
        # (the other text as it is, or behind a dateline of its own: a syndicated copy's)
        same = next((ref for ref, (_, canon) in candidates.items() if _behind(canon, rest)), None)
        if same is not None:
            doc_id, j = same
            if doc_id is not None:  # (its text, should a decorated line beside it need it)
                self.indexed.texts[doc_id, j] = rest
            return Duplicate(i, j, "near", 1.0, f"the same text {behind}", (j,), doc_id)
        # (or the opening of the other text: the first half of a lede split in two)
        opening = next(
            (ref for ref, (_, canon) in candidates.items() if canon.startswith(rest + " ")), None
        )
        if opening is not None:
            doc_id, j = opening
            rule = f"its words open paragraph {j}, {behind}"
            return Duplicate(i, j, "contained", 1.0, rule, (j,), doc_id)
        # (or its closing sentences: a syndicated copy's lede, its first sentence dropped for
        # the dateline)
        closing = next(
            (
                ref for ref, (_, canon) in candidates.items()
                if ref[0] is None and canon.endswith(" " + rest)
                and self.page.whole_sentences_of(rest, ref[1])  # (this document's only)
            ),
            None,
        )  # fmt: skip
        if closing is not None:
            j = closing[1]
            rule = f"its words close paragraph {j}, {behind}"
            return Duplicate(i, j, "contained", 1.0, rule, (j,))
        if len(rest) < self.options.min_chars or i in self.pending:
            return None
        dup = self._near(i, replace(fp, canonical=rest, words=len(words) - dateline), candidates)
        if dup is None:
            return None
        return replace(dup, rule=f"{dup.rule} {behind}")

    def _wrapped_lines(self) -> bool:
        """Remove the kept lines found in indexed paragraphs through their neighbours' words
        (:mod:`~textclean.match.wrapped`); whether any went."""
        if self.prior.lookup is None:
            return False
        lines, texts_of = lines_in_indexed(
            self.texts, self.document.canonical, self.found, self.prior.lookup,
            self.options.fingerprint, self.options.min_chars,
        )  # fmt: skip
        for ref, canon in texts_of.items():
            self.indexed.texts.setdefault(ref, canon)
        self.found.update(lines)
        return bool(lines)

    def _wrapped_here(self) -> None:
        """Remove the kept lines found in kept paragraphs before them through their neighbours'
        words (:func:`~textclean.match.wrapped.lines_here`): the walks from line to line start
        there."""
        found = lines_here(
            self.texts, self.document.canonical, self.found, self.document,
            self.options.fingerprint, self.options.min_chars, self.options.short_words,
        )  # fmt: skip
        for k, dup in found.items():
            if k not in self.structured:
                self.found.setdefault(k, dup)

    def _near_again(self, *, contained: bool = False) -> None:
        """Match again, among the paragraphs that stay, each near copy held because of how it
        differs from a paragraph removed since: a second run on the output would no longer see
        that one (a copy wrapped in a tag scores higher than the plain copy it repeats), or
        whose nearest paragraph was removed since (it was held as a near copy of that one, then
        as contained in another). With ``contained`` (late: after the paragraphs contained in
        others went), each is also tried for containment again (its words stand in a longer
        paragraph that stays)."""
        for i in sorted(self.pending):
            held = self.pending[i]
            if i in self.found or held.doc_id is not None:
                continue
            if held.original not in self.found and self.nearest.get(i) not in self.found:
                continue
            fp = self.document[i]
            if fp.words < self.options.short_words:
                continue
            candidates = self._candidates(i, fp, self._local(i))
            if not candidates:
                continue
            dup = None
            if len(fp.canonical) >= self.options.min_chars:  # (as in _match: else never near)
                dup = self._near(i, fp, candidates)
            if dup is None and contained:
                dup = self._contained_while_held(i, fp, held, candidates)
            if dup is not None:
                self.found[i] = dup
                self.pending.pop(i, None)

    def _timed_sentences(self) -> dict[int, list[int]]:
        """The kept paragraphs behind a time code (:meth:`Page.dateline`: "8.59pm BST As we
        ...", a live page's box of key events), each with the paragraphs that hold the text
        behind its time as a sentence: the key event's entry, which no key links to it (its
        sentence key holds the time)."""
        timed: dict[int, list[int]] = {}
        canonical = self.document.canonical
        for j, text in enumerate(canonical):
            if not text or j in self.found or not text[0].isdigit():
                continue
            dateline = self.page.dateline(j)
            if dateline.kind == "time code":
                behind = text.split(" ", len(dateline.words))[-1]
                if word_count(behind) >= MIN_SENTENCE_WORDS:
                    timed[j] = self.page.sentence_holders(behind)
        return timed

    def _contained_in_later(self) -> set[int]:
        """Remove kept paragraphs whose words all reappear in later kept ones; return them.

        A "Highlights" box or a lede that quotes what the body says in full comes first; matching
        runs forwards, so it is caught here. Only small edits are allowed (no repeated-run test).
        The first :data:`_MAX_LATER` later paragraphs linked to one are its candidates (a line
        of a template is linked to all the others).
        """
        later = self.links.after(self.found, _MAX_LATER)
        for links in (self.page.quoted_in, self.page.cut_into, self._timed_sentences()):
            for j, holders in links.items():
                if j not in self.found:
                    linked = later.setdefault(j, {})
                    linked.update(
                        (i, linked.get(i, 1)) for i in holders if i > j and self.page.kept(i)
                    )
        canonical = self.document.canonical
        # From the end, so that a paragraph is only ever contained in paragraphs that stay.
        waiting = sorted(later, reverse=True)
        removed_here: set[int] = set()
        retargeting = settle.Retargeting(self.found)
        vetoed: list[int] = []
        below_top: set[int] = set()  # unended ones that removals may bring to the page's top
        while waiting:
            vetoed = []
            split_lines: dict[int, Duplicate] = {}  # vetoed, each held by one later paragraph
            removed = False
            for j in waiting:
                if j in self.found or j in self.structured:
                    continue  # (structured data: set aside, as matching does, though it stays)
                if word_count(canonical[j]) < self.options.short_words:
                    continue
                fp = self.document[j]
                candidates: dict[Ref, tuple[int, str]] = {
                    (None, i): (n, canonical[i])
                    for i, n in later[j].items()
                    if i not in self.found and i not in self.structured
                }
                self._later_copies(j, candidates)
                times: set[int] = set()  # (the times over the entries that hold ``j``)
                if self.page.dateline(j).kind == "time code":  # (a live page's box of key
                    # events: each entry's time and first sentence, the time over the entry)
                    for _, i in list(candidates):
                        above = self.page.time_above(i)
                        if above is not None and self.page.kept(above):
                            candidates.setdefault((None, above), (1, canonical[above]))
                            times.add(above)
                if j in self.page.cut_into:
                    self._repeats_above_openings(j, candidates)
                # (the start of a later one cut short is a teaser, whichever paragraph was
                # matched first, as a second run finds it)
                if j not in self.page.teasers and self.page.unended(j):
                    whole = [i for _, i in candidates if self.page.cut_short(j, i)]
                    if whole:
                        self._teaser(j, whole)
                elif j not in self.page.teasers and self.page.ends_unended(j):
                    below_top.add(j)
                dup = (
                    self.containment.contained(j, fp, candidates, later=True)
                    if candidates
                    else None
                )
                if dup is None:
                    self.later_tried[j] = [i for _, i in candidates]
                if dup is None or self.page.lone_part(j, dup, fp):
                    continue  # (a heading-sized part of one later paragraph, as a value in a table)
                # (A reader's comment quoting it, or a copy cut short: the source. Not a line
                # that a teaser runs into the next paragraph: it previews both.)
                runs_on = j in self.page.teasers and len(dup.originals) > 1
                if any(
                    self.page.quotes(i, j) or (self.page.cut_short(i, j) and not runs_on)
                    for i in dup.originals
                ):
                    continue
                # A paragraph mostly made of earlier text is the copy (a merged one whose other
                # half went unnoticed), not the original of ``j``; unless ``j`` is exactly some
                # of its sentences (or a pull quote or teaser, found as its words) and the rest
                # of it is new: then ``j`` is a highlight of it.
                # (A key event is the time over an entry and its first sentence, found as its
                # words; the time is no such paragraph: the box's line printed it first.)
                pulled = self.page.pulled(j) or bool(times)
                if any(
                    self._mostly_copied(i)
                    and (
                        not (pulled or self._is_sentences_of(j, i))
                        or (self._mostly_copied(i, besides=j) and not self._only_adds_to(i, j))
                        or self._runs_into_neighbours(j, i)
                    )
                    for i in dup.originals
                    if i not in times
                ):
                    vetoed.append(j)
                    if len(dup.originals) == 1:
                        split_lines[j] = dup
                else:
                    retargeting.remove(j, dup)
                    removed_here.add(j)
                    removed = True
            if not removed:  # (nothing else moves: a copy split into sentences, last)
                for j, dup in self._split_copy_lines(split_lines).items():
                    retargeting.remove(j, dup)
                    removed_here.add(j)
                    removed = True
            # Removals leave less earlier text to make a paragraph a copy: look again at those
            # that stayed for that reason, so that the outcome is the same on the output; and
            # at those they brought to the top of the page (a description cut short, now).
            risen = {j for j in below_top - self.found.keys() if self.page.unended(j)}
            below_top.difference_update(risen)
            waiting = sorted({*vetoed, *risen}, reverse=True) if removed else []
        self.held_back = set(vetoed) - self.found.keys()
        self.later_snapshot = set(self.found)
        return removed_here

    def _split_copy_lines(self, lines: dict[int, Duplicate]) -> dict[int, Duplicate]:
        """Of the ``lines`` that :meth:`_contained_in_later` kept (each whole sentences of one
        later paragraph that is mostly copied), those that make a copy of the body split into
        its sentences, some left out, printed before it: the sentences each later paragraph
        holds are lines in a row, the paragraphs hold them in the same order as the lines
        stand, two paragraphs or more, and each is no copy once its own lines are set aside
        (what it has besides them is new: the sentences the copy left out). Each such line
        goes as contained in its paragraph; one paragraph alone holding earlier ones is a
        longer copy of them (an ``articleBody`` adding a sentence), which leaves them be."""
        groups: dict[int, list[int]] = {}
        for j in sorted(lines):
            i = lines[j].originals[0]
            if self._is_sentences_of(j, i) and not self._runs_into_neighbours(j, i):
                groups.setdefault(i, []).append(j)
        holders = sorted(groups)
        if len(holders) < 2:
            return {}
        for before, after in pairwise(holders):
            if groups[before][-1] > groups[after][0]:
                return {}  # (not in the same order)
        taken: dict[int, Duplicate] = {}
        for i in holders:
            group = groups[i]
            between = range(group[0], group[-1] + 1)
            if any(self.page.kept(k) and k not in group for k in between):
                continue  # (not lines in a row)
            if self._mostly_copied(i, besides=group):
                continue
            taken.update((j, lines[j]) for j in group)
        if len({lines[j].originals[0] for j in taken}) < 2:
            return {}
        return taken

    def _repeats_above_openings(self, j: int, candidates: dict[Ref, tuple[int, str]]) -> None:
        """Add to teaser ``j``'s later ``candidates`` the paragraphs right above the ones it
        opens (:attr:`Page.cut_into`) that went as exact repeats of kept paragraphs before
        ``j``: a page's title printed again over the lede, whose teaser runs the title into the
        lede's first words. The title's words stand in the output where its first copy does,
        above the teaser, and the lede's after it."""
        for opened in self.page.cut_into[j]:
            k = opened - 1
            while k > j and (dup := self.found.get(k)) is not None:
                if (
                    dup.kind == "exact" and dup.doc_id is None and dup.original is not None
                    and dup.original < j and self.page.kept(dup.original)
                ):  # fmt: skip
                    candidates.setdefault((None, k), (1, self.document.canonical[k]))
                    k -= 1
                else:
                    break

    def _later_copies(self, j: int, candidates: dict[Ref, tuple[int, str]]) -> None:
        """Match as a copy of paragraph ``j`` each of the later ``candidates`` that is ``j`` with
        a few words added at an end (a credit, "(AP)"), as the first pass would have had a key
        linked them, and take it out of them: a copy that decorates ``j`` is no later paragraph
        holding it, which would make ``j`` an earlier copy of the text (an older version of
        the body before it, see :func:`~textclean.match.runs.keep_later_run`). One that adds
        a date after a separator (:func:`~textclean.align.dated`: the page's title again in a
        list of headlines, "... · 2 days ago") is its copy, too short as it may be for a near
        one, or held for a run of copies that a list is not."""
        canonical = self.document.canonical
        for ref in list(candidates):
            i = ref[1]
            if not added_at_an_end(canonical[i], canonical[j]):
                continue
            if dated(self.texts[i], canonical[i], canonical[j]):  # (a list of headlines')
                rule = "its text again, with a date after it"
                self.found[i] = Duplicate(i, j, "contained", 1.0, rule, (j,))
                self.pending.pop(i, None)
            elif i not in self.pending:
                n = candidates[ref][0]  # (the keys the two share)
                dup = self._near(i, self.document[i], {(None, j): (n, canonical[j])})
                if dup is not None:
                    self.found[i] = dup
            held = self.pending.get(i)
            if i in self.found or (held is not None and j in held.originals):
                del candidates[ref]

    def _later_and_around(self, late: Collection[int] = ()) -> None:
        """Containment in later paragraphs again (:meth:`_contained_in_later`), then around
        what it removed and ``late`` (:meth:`_contained_again`)."""
        self._contained_again(self._contained_in_later(), late)

    def _contained_again(self, later: set[int], late: Collection[int]) -> None:
        """Try containment again for the kept paragraphs that a removal made after the others
        were matched may have kept from being found, as deduplicating the output again would
        see them: those linked to a neighbour of one of ``later`` (paragraphs contained in a
        later one: with it gone, the paragraphs on either side of it are neighbours, and a window
        of candidates reaches across), and those containment was tried for whose candidates, or
        the paragraphs between them, include one of ``later`` or ``late`` (paragraphs removed
        after the first pass: held copies confirmed in a run, short lines and the like): no
        window holds it now."""
        beside = {
            k for r in later for step in (-1, 1) if (k := self.page.next_kept(r, step)) is not None
        }
        gone = sorted(later.union(late))
        spanned = {
            i for i, first in self.containment.uncontained.items()
            if bisect_left(gone, first) < bisect_left(gone, i)  # one went in [first, i)
        }  # fmt: skip
        linked = range(min(beside) + 1, len(self.document)) if beside else range(0)
        for i in sorted(spanned.union(linked)):
            if i in self.found or i in self.structured:
                continue
            local = self._local(i)
            if i in spanned or not beside.isdisjoint(local):
                self._contained_among(i, local)

    def _laid_out_in_copies(self) -> None:
        """Remove the kept paragraphs that containment was tried for in vain, or not tried for
        (nearest a paragraph whose figures differ), and that removed copies laid end to end make
        up (:meth:`.Containment.laid_out_in_copies`): once the walks are done, so that the
        accounts by kept text come first; and before later paragraphs may hold earlier ones
        (:meth:`_contained_in_later`), so that a body run together after its copies holds none
        of the copy printed first, which stays. A body run together without spaces runs a line
        ending with a figure into one starting with one ("1" and "4.0" read "14.0"): against an
        ``articleBody`` copy with spaces, that is a changed figure; the body's lines hold it."""
        tried = self.containment.uncontained.keys() | self.facts_changed
        for i in sorted(tried - self.found.keys()):
            dup = self.containment.laid_out_in_copies(i)
            if dup is not None:
                self.found[i] = dup

    def _contained_beside(self, back: set[int]) -> None:
        """Try containment again for the paragraphs ``back`` (kept again: the body's copies of
        a highlights box's items) and the kept ones after them linked to them: each may be
        contained in the paragraphs before it now, as in a second run. Those of ``back`` are
        matched whole first, behind a dateline too: they went as copies of the box's items,
        and a paragraph before them may be an edited copy of theirs. Those linked to them may
        be near copies of them (a quote of the sentence a line of ``back`` says, whose nearest
        paragraph before was one that went since). So are those containment was tried for in
        vain over paragraphs that reach past one of ``back``: their words may stand in it now."""
        if not back:
            return
        ends = sorted(back)
        spanned = {
            i for i, first in self.containment.uncontained.items()
            if bisect_left(ends, first) < bisect_left(ends, i)  # one came back in [first, i)
        }  # fmt: skip
        for i in range(min(back), len(self.document)):
            if self.page.kept(i):
                local = self._local(i)
                if i in back:  # (behind a dateline, it may share no key with what it copies)
                    fp = self.document[i]
                    dup = (self._match(i, fp, local) if local else None) or (
                        self._behind_a_dateline(i, fp, local)
                    )
                    if dup is not None and not self.page.lone_part(i, dup, fp):
                        self.found[i] = dup
                        continue
                linked = i not in back and not back.isdisjoint(local)
                if linked and self._near_beside(i, local):
                    continue
                if i in back or linked or i in spanned:
                    self._contained_among(i, local)

    def _near_beside(self, i: int, local: Mapping[int, int]) -> bool:
        """Remove kept paragraph ``i`` if it is a near copy of one of ``local`` (as
        :meth:`_match` finds one); whether it went."""
        fp = self.document[i]
        if fp.words < self.options.short_words or len(fp.canonical) < self.options.min_chars:
            return False
        candidates = self._candidates(i, fp, local)
        dup = self._near(i, fp, candidates) if candidates else None
        if dup is None:
            return False
        self.found[i] = dup
        return True

    def _spared_again(self) -> None:
        """Try containment again for the kept paragraphs that a teaser before them was no
        candidate of, as it looked like a preview of the run from them on: a paragraph of that
        run may have gone since (a near copy of the first), and a second run on the output would
        see the teaser hold the paragraph."""
        for i in sorted(self.spared):
            if self.page.kept(i) and i not in self.structured:
                self._contained_among(i, self._local(i))

    def _run_on_again(self) -> None:
        """Containment in later paragraphs again when a kept paragraph was no teaser only as a
        later one went on from it into the paragraph after it (:attr:`Page.run_on`, a merged
        copy), and that paragraph has gone since: the later one starts with it cut short now,
        as a second run on the output sees."""
        run_on = sorted(j for j in self.page.run_on - self.page.teasers if self.page.kept(j))
        if not run_on:
            return
        later = self.links.after(self.found, _MAX_LATER)
        if any(self.page.cut_short(j, i) for j in run_on for i in later.get(j, ())):
            self._later_and_around()

    def _local(self, i: int) -> dict[int, int]:
        """The kept paragraphs before paragraph ``i`` that share keys with it, and how many
        each shares; never structured data (matching sets it aside, a second run on the output
        too, though it stands among the kept paragraphs again once matching ends)."""
        local = self.links.before(i, self.found)
        return {j: n for j, n in local.items() if j not in self.structured}

    def _teaser(self, j: int, whole: Iterable[int]) -> None:
        """Paragraph ``j`` is a teaser: the start of each of ``whole`` cut short."""
        self.page.teasers.add(j)
        self.cut_from.setdefault(j, set()).update(whole)

    def _teasers_again(self) -> None:
        """Match again the kept paragraphs that a teaser was left out of the candidates of,
        when every paragraph that teaser was found cut from has gone since (a headline again
        under the title): a second run on the output finds it no teaser, and a candidate."""
        again: set[int] = set()
        for j, whole in self.cut_from.items():
            if self.page.kept(j) and j in self.page.teasers and whole <= self.found.keys():
                self.page.teasers.discard(j)
                again.update(self.passed_over.get(j, ()))
        for i in sorted(again):
            if not self.page.kept(i) or i in self.structured or i in self.pending:
                continue
            fp = self.document[i]
            dup = self._match(i, fp, self._local(i))
            if dup is not None and not self.page.lone_part(i, dup, fp):
                self.found[i] = dup

    def _later_again(self) -> None:
        """Containment in later paragraphs again when, since it was last tried, a paragraph
        went right after one of the later paragraphs a kept one was tried against in vain
        (before the next that stays): the window that adds the kept neighbours after it holds
        another paragraph now, as a second run on the output sees it."""
        since = sorted(self.found.keys() - self.later_snapshot)
        if not since:
            return
        for j, tried in self.later_tried.items():
            if not self.page.kept(j):
                continue
            for i in tried:
                after = self.page.next_kept(i, 1)
                stop = len(self.document) if after is None else after
                if bisect_left(since, stop) > bisect_left(since, i):  # (one went in [i, stop))
                    self._later_and_around()
                    return

    def _contained_among(self, i: int, local: Mapping[int, int]) -> None:
        """Remove paragraph ``i`` if it is contained in its candidates among ``local`` (the kept
        paragraphs before it linked to it), unless it is short or a heading-sized part."""
        fp = self.document[i]
        if fp.words < self.options.short_words:
            return
        dup = self.containment.contained(i, fp, self._candidates(i, fp, local))
        if dup is not None and not self.page.lone_part(i, dup, fp):
            self.found[i] = dup

    def _is_sentences_of(self, j: int, i: int) -> bool:
        """Whether paragraph ``j``'s canonical text is whole consecutive sentences of ``i``, and
        ``i`` says a sentence besides (not just a list number, nor page furniture: "Share this
        article" run in after them). A boilerplate line that ``j``'s last sentences make (a
        teaser's "Read more" after a full stop, see :meth:`.Containment.text_before_furniture`)
        is left out."""
        target = self.containment.text_before_furniture(j)
        text = self.document.canonical[i]
        if word_count(text) - word_count(target) < ADDED_SENTENCE_WORDS:
            return False
        if not self.page.whole_sentences_of(target, i):
            return False
        furniture = self.containment.furniture_in(i)
        if furniture is None:
            return True
        before, _, after = text.partition(target)
        rest = [part.strip() for part in (before, after) if part.strip()]
        return not all(furniture(part) is not None for part in rest)

    def _only_adds_to(self, i: int, j: int) -> bool:
        """Whether paragraph ``i`` is paragraph ``j``'s text with sentences added, none of which
        a kept paragraph before ``i`` holds: an update of ``j`` (whose added sentence may share
        a few words with a heading near it), not a copy that merges ``j`` with others."""
        text, target = self.document.canonical[i], self.document.canonical[j]
        before, found, _ = f" {text} ".partition(f" {target} ")
        if not found:
            return False
        words = text.split(" ")
        start = before.count(" ")  # (the word of ``i`` that ``j``'s text starts at)
        end = start + target.count(" ") + 1
        bounds = self.edits.sentence_bounds(i, len(words))
        added = [
            " ".join(words[a:b])
            for a, b in pairwise(bounds)
            if (b <= start or a >= end) and b - a >= ADDED_SENTENCE_WORDS
        ]  # (not a list's number, "8.", before a heading run in after it)
        if not added:
            return False
        earlier = self.edits.kept_before(i, besides=j)
        return not any(sentence in other for sentence in added for other in earlier)

    def _runs_into_neighbours(self, j: int, i: int) -> bool:
        """Whether paragraph ``i`` is paragraph ``j`` word for word run into a copy of the kept
        paragraph before it or after it, or both, edited (``threshold`` similar): a merged copy
        of ``j`` and a short line beside it ("1. Open strong." printed "3. Open strong."), too
        short for :meth:`_mostly_copied` to count its words, not a longer text ``j`` is a part
        of."""
        target, text = self.document.canonical[j], self.document.canonical[i]
        before, found, after = (f" {text} ").partition(f" {target} ")
        if not found:
            return False
        sides = ((before.strip(), -1), (after.strip(), 1))
        if not any(rest for rest, _ in sides):
            return False
        cutoff = self.options.threshold * 100
        for rest, step in sides:
            if not rest:
                continue
            k = self.page.next_kept(j, step)
            if k is None or k >= i or k in self.structured:
                return False
            if not fuzz.ratio(rest, self.document.canonical[k], score_cutoff=cutoff):
                return False
        return True

    def _mostly_copied(self, i: int, *, besides: int | Collection[int] = ()) -> bool:
        """Whether half of paragraph ``i`` repeats kept paragraphs before it: then ``i`` is the
        copy (a merged one whose other half went unnoticed), not the original. With
        ``besides`` (a paragraph or several), whether half of what ``i`` has beyond their words
        repeats other kept paragraphs. Structured data is none of them: matching sets it aside
        (a second run on the output does too, whether it stays or not)."""
        canonical = self.document.canonical
        aside = {besides} if isinstance(besides, int) else set(besides)
        aside_words = sum(canonical[k].count(" ") + 1 for k in aside)
        candidates: dict[Ref, tuple[int, str]] = {
            (None, j): (shared, canonical[j])
            for j, shared in self.links.before(i).items()
            if self.page.kept(j) and j not in self.structured
        }
        words = self.split_words.get(i)
        if words is None:  # (a long paragraph is asked about once for each it may hold)
            words = self.split_words[i] = canonical[i].split(" ")
        rest = len(words) - aside_words
        if rest <= 0:
            return False  # (nothing besides it: a teaser longer than ``i`` that holds it)
        need = 0.5 * rest
        others = {ref: c for ref, c in candidates.items() if ref[1] not in aside}
        if others:  # laid end to end, maybe more of them than a window holds
            # (``besides`` with them, as when asked without it: its words are taken off)
            stamp, pieces, covered = self.laid_out.get(i, (-1, [], 0))
            if stamp != self.found.changes:  # worked out again once the removals change
                pieces, covered, _ = self.merged.laid_end_to_end(
                    i, canonical[i], candidates, kept=True
                )
                self.laid_out[i] = (self.found.changes, pieces, covered)
            covered -= sum(canonical[k].count(" ") + 1 for k in aside.intersection(pieces))
            if covered >= need:
                return True
        windows = (window for _, window in self.containment.windows(i, others, later=False))
        return any(coverage(words, window, need)[0] >= need for window in windows if window)

    def _boilerplate_line(self, i: int) -> Duplicate | None:
        if self.boilerplate is None:
            return None
        pattern = self.boilerplate.match(self.texts[i])
        if pattern is None:
            return None
        return Duplicate(i, None, "boilerplate", 1.0, f"boilerplate pattern '{pattern}'")

    def _exact_local(self, fp: ParagraphPrint, local: Mapping[int, int]) -> int | None:
        """The first kept paragraph of this document with the same canonical text."""
        document = self.document
        for j in local:
            if document.exact[j] == fp.exact and document.canonical[j] == fp.canonical:
                return j
        return None

    def _match(self, i: int, fp: ParagraphPrint, local: Mapping[int, int]) -> Duplicate | None:
        dup = self._boilerplate_line(i)
        if dup is not None or not fp.canonical:
            return dup
        if fp.exact in self.prior.boilerplate:
            return Duplicate(i, None, "boilerplate", 1.0, "seen in many documents of this source")
        short = fp.words < self.options.short_words
        if short and not self.options.remove_short_repeats:
            return None
        j = self._exact_local(fp, local)
        if j is not None:
            return Duplicate(i, j, "exact", 1.0, "same canonical text", (j,))
        indexed = self.indexed.copy(i, fp.exact, fp.canonical)
        if indexed is not None:
            return indexed
        if short:
            return None
        candidates = self._candidates(i, fp, local)
        if not candidates:
            return None
        # Paragraphs too short for a fuzzy hash are never near copies (only exact or contained).
        near = (
            self._near(i, fp, candidates) if len(fp.canonical) >= self.options.min_chars else None
        )
        if near is not None:
            return near
        if i in self.facts_changed:  # "9.5 hours" vs "9 hours" stays
            # ... but it may be a line of a split copy of another paragraph, word for word: a
            # line of a table wrapped a line a paragraph, near the same line of another row.
            for (doc_id, j), (_, canon) in candidates.items():
                if doc_id is None and len(canon) > len(fp.canonical) and fp.canonical in canon:
                    self.containment.note_part(i, j, fp.canonical, canon)
            return self._wholly_contained(i, fp, candidates) if i in self.figures_added else None
        held = self.pending.get(i)
        if held is None:
            return self.containment.contained(i, fp, candidates)
        before = self.found.get(i - 1) or self.pending.get(i - 1)
        if i in self.reworded and runs.follows(before, held, 1):
            self.uncontained_rewordings.add(i)
            return None  # a rewording inside a copy: no merged copy explains it better
        return self._contained_while_held(i, fp, held, candidates, inside=True)

    def _without_key_events(
        self, i: int, candidates: dict[Ref, tuple[int, str]]
    ) -> dict[Ref, tuple[int, str]]:
        """``candidates`` of paragraph ``i`` but, when ``i`` is a time alone or one stands
        alone on the line above it (a live page's entry), the lines of this document that print
        the same time in front of them: a box of key events, each entry's time and first
        sentence, which :meth:`_contained_in_later` finds in the entry. The entry and its time
        are the original."""
        canonical = self.document.canonical
        if not any(ref[0] is None and canonical[ref[1]][:1].isdigit() for ref in candidates):
            return candidates  # (the cheap test first: no candidate opens with a time)
        above = self.page.time_of(i)
        if above is None:
            return candidates
        time = self.texts[above].strip()
        return {
            ref: candidate
            for ref, candidate in candidates.items()
            if ref[0] is not None
            or (dateline := self.page.dateline(ref[1])).kind != "time code"
            or dateline.text != time
        }

    def _wholly_contained(
        self, i: int, fp: ParagraphPrint, candidates: Candidates
    ) -> Duplicate | None:
        """Paragraph ``i``, with a figure the indexed candidate it is nearest to lacks (and
        none of its figures dropped), as contained in its candidates if every one of its words,
        the figures among them, stands in order in them: a merged copy whose other part holds
        the figure (a paragraph and the heading after it, "... Tested: The Ioniq 6 Is
        Comfortably Weird"). Containment that leaves words out could leave out the new figure,
        and is not tried again."""
        tried, held = self.containment.uncontained.get(i), self.pending.get(i)
        dup = self.containment.contained(i, fp, candidates)
        if dup is not None and dup.similarity == 1.0:
            self.pending.pop(i, None)
            return dup
        self.containment.uncontained.pop(i, None)  # (as they were before)
        self.pending.pop(i, None)
        if tried is not None:
            self.containment.uncontained[i] = tried
        if held is not None:
            self.pending[i] = held
        return None

    def _near_a_removed_part(self, i: int, fp: ParagraphPrint) -> Duplicate | None:
        """Paragraph ``i``, which no kept paragraph accounts for, as a near copy of a removed
        one that went as part of a longer paragraph: an edited copy of the body after an exact
        one, both after the body run together into one paragraph (whose sentences run into its
        headings, so that the edited copy is not made of whole sentences of it). The reference
        then follows the removed paragraph to the one that holds it."""
        held = self.pending.get(i)
        if (
            len(fp.canonical) < self.options.min_chars
            or fp.words < self.options.short_words
            or (held is not None and held.kind != "contained")  # (a near one lines up itself)
        ):
            return None
        canonical = self.document.canonical
        candidates: Candidates = {
            (None, j): (shared, canonical[j])
            for j, shared in self.links.before(i).items()
            if (dup := self.found.get(j)) is not None
            and dup.kind == "contained"
            and dup.doc_id is None
        }
        if not candidates:
            return None
        self.pending.pop(i, None)  # (a hold as part of the longer one lines up with nothing)
        dup = self._near(i, fp, candidates)
        if dup is None and held is not None:
            self.pending.setdefault(i, held)
        return dup

    def _contained_while_held(
        self,
        i: int,
        fp: ParagraphPrint,
        held: Duplicate,
        candidates: Candidates,
        *,
        inside: bool = False,
    ) -> Duplicate | None:
        """Containment tried for paragraph ``i``, held as ``held`` (first inside its original,
        with ``inside``): the hold is lifted meanwhile, as containment may account for it
        better or hold it in its place, and put back if nothing took its place."""
        del self.pending[i]
        dup = self._inside_held(i, fp, held, candidates) if inside else None
        dup = dup or self.containment.contained(i, fp, candidates)
        if dup is None and i not in self.pending:
            self.pending[i] = held
        return dup

    def _inside_held(
        self,
        i: int,
        fp: ParagraphPrint,
        held: Duplicate,
        candidates: Candidates,
    ) -> Duplicate | None:
        """``held``'s original alone holding all of ``fp``'s words, in order and in whole
        sentences: a copy that lacks a word or two at its ends (the commonest contained copy
        that is not word for word), found without grouping every candidate into windows. One
        that lacks them from inside (:meth:`.Edits.drops_a_phrase`) stays held."""
        j, doc_id = held.original, held.doc_id
        if j is None or (doc_id, j) not in candidates:
            return None
        words = fp.canonical.split(" ")
        found = self.containment.covered_by(
            words, [(j, 0, candidates[doc_id, j][1])], len(words), doc_id
        )
        if found is None or found[0] < len(words) or self.edits.drops_a_phrase(words, *found[1:3]):
            return None
        return Duplicate(
            i, j, "contained", 1.0, f"100% of its words appear in order in paragraph {j}",
            (j,), doc_id,
        )  # fmt: skip

    def _candidates(
        self, i: int, fp: ParagraphPrint, local: Mapping[int, int]
    ) -> dict[Ref, tuple[int, str]]:
        """Kept paragraphs sharing keys with paragraph ``i`` (``fp``): how many keys, and their
        canonical text. A teaser cut from paragraph ``i``, or from the paragraphs from ``i`` on,
        is none of them, nor the start of ``i`` cut short (:meth:`Page.cut_short`)."""
        canonical = self.document.canonical
        found: dict[Ref, tuple[int, str]] = {(None, j): (n, canonical[j]) for j, n in local.items()}
        for j in self.page.quoted_in.get(i, ()):
            if j < i and self.page.kept(j):
                found.setdefault((None, j), (1, canonical[j]))
        for j in self.page.unended_among(local):
            if self.page.cut_short(j, i):
                self._teaser(j, (i,))
                self.spared.add(i)
                del found[None, j]
                self.passed_over.setdefault(j, set()).add(i)
        if i not in self.page.teasers and self.page.unended(i):
            whole = [j for j in local if self.page.cut_short(i, j)]
            if whole:  # (a copy of the paragraphs up to or from ``j``, cut short)
                self._teaser(i, whole)
        if self.page.teasers:
            for j in self.page.teasers.intersection(local):
                if (None, j) not in found:
                    continue
                cut = self.page.cut_from(j, i)
                if not cut and self.page.cut_from_run(j, i):
                    self.spared.add(i)  # (a preview of the run from ``i`` on)
                    cut = True
                if cut:
                    del found[None, j]
                    self.passed_over.setdefault(j, set()).add(i)
        found = self._without_key_events(i, found)
        if self.prior.postings:
            found.update(indexed_links(fp.sentences, fp.bands, self.prior.postings))
            plain = self.address_free.get(i)  # (its text without the links printed in it)
            for entry in self.prior.postings.get(plain, ()) if plain is not None else ():
                found.setdefault((entry.doc_id, entry.paragraph), (1, entry.canonical))
        return found

    def _near(self, i: int, fp: ParagraphPrint, candidates: Candidates) -> Duplicate | None:
        cutoff = self.options.threshold * 100
        best: tuple[float, Ref] | None = None
        spinnings: list[tuple[float, Ref]] = []  # (scores between the two cutoffs)
        words = fp.canonical.split(" ")
        aligned: str | None = None  # (the best's canonical text)
        # Whether the paragraph holds a word that has an opposite (only then may it say the
        # opposite of a candidate), looked up at the first candidate near enough.
        opposable: bool | None = None
        candidates = best_linked(candidates, _MAX_VERIFIED)  # (a near copy shares most keys)
        plain = without_addresses(fp.canonical)
        unstamped = before_update_stamp(fp.canonical)
        addresses_aside: set[Ref] = set()  # (scored with the addresses of one of the two aside)
        stamp_aside: set[Ref] = set()  # (... with an update stamp that ends one of them aside)
        for ref, (_, canon) in candidates.items():
            if len(fp.canonical) * len(canon) > MAX_ALIGNMENT:
                continue  # (two paragraphs this long repeat each other exactly or not at all)
            score = fuzz.ratio(fp.canonical, canon, score_cutoff=self.spun_cutoff)
            if score < cutoff:
                aside = self._addresses_aside(fp.canonical, plain, ref, canon)
                if aside > score:
                    score = aside
                    addresses_aside.add(ref)
            if score < cutoff:
                aside = self._stamp_aside(fp.canonical, unstamped, ref, canon)
                if aside > score:
                    score = aside
                    stamp_aside.add(ref)
            if not score:
                continue
            if ref[0] is None:
                self.close_later.setdefault(ref[1], set()).add(i)
            if score < cutoff:
                spinnings.append((score, ref))
                continue
            if opposable is None:
                opposable = may_say_the_opposite(words)
            if opposable and says_the_opposite(words, canon.split(" ")):
                continue  # (another statement: "opponents say" for "supporters say")
            if best is not None:
                self.rivalled.add(i)
            if best is None or score > best[0]:
                best, aligned = (score, ref), canon
        if best is None or aligned is None:
            if len(spinnings) == 1 and fp.words >= HEADING_WORDS and i not in self.pending:
                self._hold_spun(i, fp, *spinnings[0], candidates)
            return None
        score, (doc_id, j) = best
        if doc_id is None:
            self.nearest[i] = j
        rule = f"ratio {score / 100:.3f} >= {self.options.threshold}"
        if best[1] in addresses_aside:
            rule += ", web addresses aside"
        elif best[1] in stamp_aside:
            rule += ", an update's time stamp aside"
        dup = Duplicate(i, j, "near", score / 100, rule, (j,), doc_id)
        if doc_id is not None:  # (its text, should a decorated line beside it need it)
            self.indexed.texts[doc_id, j] = candidates[best[1]][1]
        other = aligned.split(" ")
        ops = Indel.opcodes(words, other)
        if drops_numbers(words, ops, other):  # "9.5 hours" and "9 hours" are different facts
            # Inside a copy of the body a changed figure is a correction of the same page, and
            # goes with the copy; an earlier document's figure is last week's: the new one is
            # an update, new content, and stays. So does a line with more figures changed
            # than a correction changes: another game's, another week's row of a table.
            if doc_id is None and figures_changed(words, other) <= CORRECTED_FIGURES:
                self.pending[i] = replace(dup, rule=dup.rule + ", inside a repeated run")
            self.facts_changed.add(i)
            return None
        if doc_id is not None and figures(words) != figures(other):
            self.facts_changed.add(i)  # (a figure added, or written out: an update too)
            self.figures_added.add(i)
            return None
        # Both ways: a near copy that lacks words from the middle of the original is a
        # different (shorter) statement, not an edited copy.
        accepted = self.edits.unless_pending(dup, words, other, ops, both_ways=True)
        if accepted is None and word_for_word(ops):
            self.reworded.add(i)
        return accepted

    def _addresses_aside(self, canonical: str, plain: str | None, ref: Ref, other: str) -> float:
        """The ratio of canonical texts when only one of them holds web addresses, inside it
        (neither its first word nor its last), those aside (``plain``: ``canonical`` without
        its own; ``other`` is candidate ``ref``'s), else 0. A plain-text rendering of a page
        prints each link after its words ("the bridge (https://...) opened"): a long address
        weighs on a short paragraph's ratio as no edit does. Whether the addresses are only
        added is for the alignment to say (:func:`~textclean.align.only_small_edits`); an
        address at an end may say more (a title and its site's address), as other words
        there do."""
        if ref not in self.without_addresses:  # (a long candidate is many paragraphs' one)
            self.without_addresses[ref] = without_addresses(other)
        other_plain = self.without_addresses[ref]
        if (plain is None) == (other_plain is None):
            return 0.0
        held = canonical if plain is not None else other  # (its first and last words: a long
        # candidate is not split for them, once for each paragraph it is tried against)
        if is_address(held.partition(" ")[0]) or is_address(held.rpartition(" ")[2]):
            return 0.0
        return self._ratio_aside(canonical, plain, other, other_plain)

    def _stamp_aside(self, canonical: str, plain: str | None, ref: Ref, other: str) -> float:
        """The ratio of canonical texts when only one of them ends with an update's time stamp
        (:func:`~textclean.align.before_update_stamp`: "Updated 3:41 p.m.", "This story has
        been updated."), that aside (``plain``: ``canonical`` without its own; ``other`` is
        candidate ``ref``'s), else 0: a page runs the stamp into the last paragraph of a copy,
        and on a short paragraph it weighs on the ratio as no edit does. The alignment passes
        it over as page furniture (:meth:`Page.aside`)."""
        if ref not in self.before_stamps:
            self.before_stamps[ref] = before_update_stamp(other)
        other_plain = self.before_stamps[ref]
        if (plain is None) == (other_plain is None):
            return 0.0
        return self._ratio_aside(canonical, plain, other, other_plain)

    def _ratio_aside(
        self, canonical: str, plain: str | None, other: str, other_plain: str | None
    ) -> float:
        """The ratio of ``canonical`` and ``other``, each taken as its ``plain`` form where it
        has one (what :meth:`_addresses_aside` and :meth:`_stamp_aside` leave aside)."""
        a, b = plain or canonical, other_plain or other
        return float(fuzz.ratio(a, b, score_cutoff=self.spun_cutoff)) if a and b else 0.0

    def _hold_spun(
        self, i: int, fp: ParagraphPrint, score: float, ref: Ref, candidates: Candidates
    ) -> None:
        """Hold paragraph ``i`` as a copy of ``ref`` (ratio ``score``, below the threshold)
        if its words replace the other's one for one (or a phrase by one word more or fewer),
        no number among them, nothing added or dropped alone: a spinner's copy,
        which goes only in a run of copies. Inside a document only (documents written to one
        template, press releases naming other people, follow one another in a stream)."""
        doc_id, j = ref
        if (
            doc_id is None and spun(fp.canonical, candidates[ref][1])
            and not renames(self.texts[i], self.texts[j])
        ):  # fmt: skip
            self.pending[i] = _spun_copy(i, j, score)

    def _copies_in_place(self, *, again: bool = False) -> None:
        """Remove the kept paragraphs that stand where a run of copies puts the copy of a kept
        paragraph (the duplicates on both sides of it, or the two on one side, repeat the
        paragraphs around that one) and are that paragraph edited or spun
        (:meth:`_copy_in_place`): copies that no key or fuzzy hash brought together, a heading
        too short for one, a spinner's paragraph sharing no key with its original. Each one
        removed makes its neighbours' places known in turn. ``again``: only beside the
        paragraphs removed since the last time (the short lines of a copy, which a round
        confirmed: the edited ones between them stand in their places now)."""
        found, canonical = self.found, self.document.canonical
        since = found.keys() - self.placed_before if again else found.keys()
        self.placed_before = set(found)
        if not since:
            return
        # (Boilerplate lines removed between the paragraphs of a copy do not part them.)
        furniture = runs.furniture(found)
        if len(furniture) == len(found):
            return  # (no copy, no run)
        beside = runs.worded_neighbours(canonical, furniture)
        after, before = beside[1], beside[-1]

        def original(k: int) -> int:  # (-1: none, or not a copy of one paragraph of this one)
            dup = found.get(k) if k >= 0 else None
            if dup is None or dup.doc_id is not None or len(dup.originals) != 1:
                return -1
            return dup.originals[0]

        def place(i: int) -> int:  # the paragraph whose copy the run puts at i, or -1
            a, b = original(before[i]), original(after[i])
            if a >= 0 and b >= 0:
                return after[a] if after[a] >= 0 and after[after[a]] == b else -1
            if b >= 0 and after[b] >= 0 and original(after[after[i]]) == after[b]:
                return before[b]
            if a >= 0 and before[a] >= 0 and original(before[before[i]]) == before[a]:
                return after[a]
            return -1

        if again:  # (within two paragraphs with words: a place is told by two on one side)
            near = {m for k in since for m in (before[k], after[k]) if m >= 0}
            near.update([m for k in near for m in (before[k], after[k]) if m >= 0])
            todo = deque(sorted(k for k in near if k not in found and canonical[k]))
        else:
            todo = deque(
                k for k in range(len(canonical))
                if k not in found and canonical[k] and (before[k] in found or after[k] in found)
            )  # fmt: skip
        while todo:
            i = todo.popleft()
            if i in found:
                continue
            j = place(i)
            if j < 0 or j in found or j >= before[i]:
                continue
            dup = self._copy_in_place(i, j)
            if dup is not None:
                found[i] = dup
                todo.extend(k for k in (before[i], after[i]) if k >= 0 and k not in found)

    def _copy_in_place(self, i: int, j: int) -> Duplicate | None:
        """Paragraph ``i``, standing where a run of copies puts the copy of paragraph ``j``, as
        that copy: edited (a typo fixed, words run together or split apart: what a paragraph too
        short for a fuzzy hash or sharing no key with ``j`` cannot show otherwise) or, from
        :data:`HEADING_WORDS` words, spun (:meth:`_hold_spun`)."""
        text, original = self.document.canonical[i], self.document.canonical[j]
        if text == original:  # (a short line, else it went already)
            return Duplicate(i, j, "exact", 1.0, "short repeat inside a repeated run", (j,))
        if len(text) * len(original) > MAX_ALIGNMENT or renames(self.texts[i], self.texts[j]):
            return None  # (too long to align; another item of a template)
        score = fuzz.ratio(text, original, score_cutoff=self.spun_cutoff)
        if not score:
            return None
        # (Where a run puts it, small edits are enough: a credit added to a caption, "(Photo:
        # Jane Doe/AP)", costs more ratio than a short paragraph leaves. A sentence added is
        # none: "Two patients later died." is new content.)
        words = text.split(" ")
        ops = Indel.opcodes(words, original.split(" "))
        if self.edits.adds_a_sentence(i, words, ops, self.page.aside(i, words)):
            return None
        if edited(text, original, ops):
            ratio = f"ratio {score / 100:.3f}"
            if score >= self.options.threshold * 100:
                ratio += f" >= {self.options.threshold}"
            rule = f"{ratio}, small edits only, inside a repeated run"
            return Duplicate(i, j, "near", score / 100, rule, (j,))
        if word_count(text) >= HEADING_WORDS and spun(text, original):
            return _spun_copy(i, j, score)
        return None

    def _headline_again(self) -> None:
        """The page's headline under its title (:meth:`Page.headline`) looked for once more
        among the first kept paragraphs: what stood above the title when it was first looked
        for (a teaser, a copy) may have gone since, as a second run on the output would see."""
        canonical = self.document.canonical
        kept = (
            k for k in range(len(canonical))
            if canonical[k] and k not in self.found and k not in self.structured
        )  # fmt: skip
        for i in islice(kept, 1, _HEADLINE_REACH + self.page.menu):
            headline = self.page.headline(i)
            if headline is not None:
                self.found[i] = headline
                self.headlines.add(i)

    def _headlines_again_further_on(self) -> None:
        """Remove the later paragraphs with the text of a headline that went under the page's
        title (:meth:`Page.headline`): the title of an AMP or print copy further on, the headline
        again at the page's foot. They repeat the title as that headline did; with the headline
        gone, no kept paragraph has their text, and the title that holds it adds the site's name.
        """
        canonical = self.document.canonical
        title_of = {canonical[h]: self.found[h].original for h in self.headlines if h in self.found}
        for i in range(min(self.headlines, default=len(canonical)) + 1, len(canonical)):
            title = title_of.get(canonical[i])
            kept = title is not None and self.page.kept(title) and self.page.kept(i)
            if kept and title is not None and i not in self.structured:
                rule = "the page's headline again, which its title holds"
                self.found[i] = Duplicate(i, title, "contained", 1.0, rule, (title,))


def _behind(text: str, rest: str) -> bool:
    """Whether canonical ``text`` is ``rest``, or ``rest`` behind up to :data:`DATELINE_WORDS`
    words (another dateline)."""
    if text == rest:
        return True
    head = len(text) - len(rest) - 1
    return (
        head > 0
        and text.endswith(rest)
        and text[head] == " "
        and text.count(" ", 0, head) < DATELINE_WORDS
    )


def _spun_copy(i: int, j: int, score: float) -> Duplicate:
    return Duplicate(
        i, j, "near", score / 100,
        f"ratio {score / 100:.3f}, words replaced one for one, inside a repeated run", (j,),
    )  # fmt: skip
