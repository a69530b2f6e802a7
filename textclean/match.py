"""Matching: decide which paragraphs repeat earlier text, and how.

Paragraphs are visited in document order. Each is compared with the paragraphs kept before it in
this document and, through a :class:`Prior`, with paragraphs of earlier documents. The tiers, in
order:

1. **boilerplate** — the whole paragraph matches a boilerplate pattern, or (across documents) it
   has been seen in many documents of the same source;
2. **exact** — same canonical text (found by its exact key, confirmed by comparing the text);
3. **near** — a candidate found through a shared LSH band or sentence key has a rapidfuzz
   ``ratio`` of at least ``threshold`` with it;
4. **contained** — at least ``containment`` of its words appear, in order, in the candidates taken
   together (a merged or split copy of earlier paragraphs).

Anything else is kept and becomes a candidate for what follows. Short paragraphs are kept even when
they repeat, unless they sit inside a longer repeated run (see :class:`DedupeOptions`). Cost is
linear in the number of paragraphs: candidates come only from shared keys, never all pairs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, pairwise

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Opcodes

from textclean.align import (
    AFFIX_MIN_REST,
    AFFIX_WORDS,
    MAX_ALIGNMENT,
    MIN_RUN,
    aligned_span,
    coverage,
    drops_inside,
    drops_numbers,
    find_words,
    numbers,
    only_small_edits,
    whole_words_in,
    word_for_word,
)
from textclean.boilerplate import BoilerplateMatcher
from textclean.canonical import canonical_paragraphs, word_count
from textclean.fingerprint import DocumentPrint, ParagraphPrint, key_order
from textclean.options import DedupeOptions
from textclean.results import DocumentMatch, Duplicate
from textclean.structured import is_structured, structured_values

__all__ = ["IndexedParagraph", "Matching", "Prior", "match_paragraphs"]

_MAX_WINDOW = 12  # candidates joined to judge containment
_MAX_HOLDERS = 64  # a key held by more paragraphs links each only to the first ones
_MAX_WINDOWS = 4  # windows tried for containment, those sharing the most keys first
_MAX_GAP = 2  # kept paragraphs between two of a containment window, at most
_MAX_VERIFIED = 32  # candidates verified as near copies, those sharing the most keys
_MAX_CANDIDATES = 64  # candidates tried for containment, those sharing the most keys
_ALONE_TRIED = 3  # paragraphs of a window tried alone as what holds a copy, the best linked
_MAX_PARTS = 8  # later paragraphs recorded as perhaps part of a split copy of one paragraph
_MAX_LATER = 4 * _MAX_CANDIDATES  # later paragraphs a paragraph may be contained in, the first


@dataclass(frozen=True, slots=True)
class IndexedParagraph:
    """A kept paragraph of an earlier document, as an index returns it."""

    doc_id: str
    paragraph: int
    canonical: str


@dataclass(frozen=True, slots=True)
class Prior:
    """What a cross-document index knows about one document's keys.

    ``postings`` maps a key to the indexed paragraphs filed under it; ``boilerplate`` holds the
    exact keys seen in enough documents of this document's source to count as boilerplate.
    """

    postings: Mapping[int, Sequence[IndexedParagraph]] = field(default_factory=dict)
    boilerplate: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Matching:
    """The outcome of matching one document."""

    duplicates: tuple[Duplicate, ...]
    kept: tuple[int, ...]
    duplicate_of: DocumentMatch | None = None


# A candidate: (None, index) for a paragraph of this document, (doc_id, index) for an earlier one.
_Ref = tuple[str | None, int]


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
    return _DocumentMatcher(texts, document, options, prior or Prior(), boilerplate).run()


def _shared_keys(document: DocumentPrint) -> tuple[list[int], list[int], list[int]]:
    """Pairs of paragraphs of ``document`` that share keys, found in bulk by sorting the keys.

    Returns ``(bounds, earlier, shared)``: the paragraphs before ``i`` sharing a key with it are
    ``earlier[bounds[i]:bounds[i + 1]]``, in order, and ``shared`` says how many keys each shares.
    A key held by many paragraphs pairs each with the first :data:`_MAX_HOLDERS` only.
    """
    n = len(document)
    # Stable: each kind of key lists its holders in order, and kinds never share a key value.
    all_keys = np.concatenate([document.keys, document.links])
    order = key_order(all_keys)
    keys = all_keys[order]
    size = keys.size
    new = np.ones(size, dtype=bool)
    new[1:] = keys[1:] != keys[:-1]
    if new.all():  # the common case: no key is held twice
        return [0] * (n + 1), [], []
    owners = np.concatenate([document.owners, document.link_owners])[order]
    position = np.arange(size, dtype=np.int64)
    starts = np.maximum.accumulate(np.where(new, position, 0))
    rank = np.minimum(position - starts, _MAX_HOLDERS)  # holders of the same key before this one
    total = int(rank.sum())
    later = np.repeat(owners, rank)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(rank) - rank, rank)
    earlier = owners[np.repeat(starts, rank) + offsets]
    distinct = earlier != later
    pairs, shared = np.unique(later[distinct] * n + earlier[distinct], return_counts=True)
    bounds = np.searchsorted(pairs // n, np.arange(n + 1))
    return bounds.tolist(), (pairs % n).tolist(), shared.tolist()


class _DocumentMatcher:
    """The state of matching one document."""

    def __init__(
        self,
        texts: Sequence[str],
        document: DocumentPrint,
        options: DedupeOptions,
        prior: Prior,
        boilerplate: BoilerplateMatcher | None,
    ) -> None:
        self.texts = texts
        self.document = document
        self.options = options
        self.prior = prior
        self.boilerplate = boilerplate
        self.found: dict[int, Duplicate] = {}
        # Fuzzy matches whose differences do not look like small edits: they stand only if a
        # neighbour repeats the neighbour of their original (they sit inside a repeated run).
        self.pending: dict[int, Duplicate] = {}
        self.numbers_differ: set[int] = set()
        self.rivalled: set[int] = set()  # near copies of more than one earlier paragraph
        # Held near copies that replace words of their original one for one (a rewording).
        self.reworded: set[int] = set()
        self.prior_keys = set(prior.postings) | prior.boilerplate
        self.vocabularies: dict[_Ref, set[str]] = {}  # the words of a candidate, once split
        # Character offsets where each paragraph's sentences start and end, once worked out.
        self.sentence_offsets: dict[int, tuple[list[int], set[int]]] = {}
        # The first later paragraph found word for word in a paragraph, though not as whole
        # sentences of it (a heading and a list line merged into one: "key features pay...").
        self.parts: dict[int, list[int]] = {}
        # Kept paragraphs found laid end to end in a paragraph, the words they cover, and how
        # many paragraphs were removed when that was worked out.
        self.laid_out: dict[int, tuple[int, list[int], int]] = {}
        # Paragraphs of structured data (a JSON-LD object holding an ``articleBody``): set aside
        # while the others are matched (never the copy that stays), then removed if the others
        # hold their words.
        self.structured = {i for i, text in enumerate(texts) if is_structured(text)}

    def run(self) -> Matching:
        document = self.document
        bounds, earlier, shared = _shared_keys(document)
        if earlier:
            _, index, inverse = np.unique(document.exact, return_index=True, return_inverse=True)
            first_same: list[int] = index[inverse].tolist()
        else:  # no two paragraphs share a key: each is the first of its text
            first_same = list(range(len(document)))
        canonical = document.canonical
        short_words = 0 if self.options.remove_short_repeats else self.options.short_words
        short_repeats: dict[int, int] = {}
        short_parts: dict[int, Duplicate] = {}
        in_prior: set[int] = set()  # paragraphs holding a key the index knows
        if self.prior_keys:
            known = np.fromiter(self.prior_keys, np.int64, len(self.prior_keys))
            in_prior = set(document.owners[np.isin(document.keys, known, kind="sort")].tolist())
        # (as boilerplate: a removed paragraph that repeats nothing, which no rule builds on)
        aside = Duplicate(0, None, "boilerplate", 1.0, "structured data, set aside")
        self.found.update((m, replace(aside, index=m)) for m in self.structured)
        for i in range(len(document)):
            if i in self.structured:
                continue
            j = first_same[i]
            if (
                j != i  # the fast path for the commonest repeat: same text as a kept paragraph
                and j not in self.found
                and canonical[j] == canonical[i]
                and canonical[i]
                and canonical[i].count(" ") + 1 >= short_words
                and document.exact[i] not in self.prior.boilerplate
            ):
                self.found[i] = Duplicate(i, j, "exact", 1.0, "same canonical text", (j,))
                continue
            lo, hi = bounds[i], bounds[i + 1]
            fp = self.document[i] if i in in_prior else None
            if lo == hi and fp is None:  # nothing earlier can match it
                dup = self._boilerplate_line(i)
                if dup is not None:
                    self.found[i] = dup
                continue
            fp = fp or self.document[i]
            local = self._linked(i, bounds, earlier, shared)
            dup = self._match(i, fp, local)
            if dup is not None and self._lone_part(i, dup, fp):
                short_parts[i] = dup  # a heading-sized sentence of one earlier paragraph
            elif dup is not None:
                self.found[i] = dup
            elif i not in self.pending and fp.canonical and fp.words < self.options.short_words:
                first = self._exact_local(fp, local)
                if first is not None:  # a short repeat, kept for now
                    short_repeats[i] = first
                elif local:  # a short sentence of a split copy, kept for now
                    part = self._contained(i, fp, self._candidates(fp, local))
                    part = part or self.pending.pop(i, None)
                    if part is not None and part.doc_id is None:
                        short_parts[i] = part
        self._confirm_in_runs(self.pending, self.found)
        self._confirm_edited_runs()
        self._near_again(bounds, earlier, shared)
        for i, part in short_parts.items():  # beside a copy drawn from the same paragraphs
            if any(_shares_source(self.found.get(k), part) for k in (i - 1, i + 1)):
                self.found[i] = replace(part, rule=part.rule + ", beside a copy of the same text")
        self._short_blocks(short_repeats)
        self._confirm_short_runs(short_repeats)
        # Rewordings again (containment was not tried on them): short repeats found since may
        # be the neighbours they need.
        held = {i: self.pending[i] for i in self.reworded - self.found.keys() if i in self.pending}
        self._confirm_in_runs(held, self.found)
        self._inside_bodies(short_repeats)
        self._contained_in_later(bounds, earlier, shared)
        self._near_again(bounds, earlier, shared, contained=True)
        self._short_blocks(short_repeats)  # removals since may have brought copies together
        if self.structured:  # (last: a second run on the output sees what this one saw)
            for m in self.structured:
                del self.found[m]
            self._structured_copies(bounds, earlier)
        if self.options.keep == "longest":
            self._prefer_longest()
        self._wordless_between_removed()
        self._resolve_references()
        duplicates = tuple(self.found[i] for i in sorted(self.found))
        kept = tuple(i for i in range(len(self.document)) if i not in self.found)
        return Matching(duplicates, kept, self._document_match())

    def _wordless_between_removed(self) -> None:
        """Remove each run of paragraphs without a word ("* * *", "---") whose neighbours with
        words are both removed, or that stands after the last kept paragraph with words and
        before a removed one (or the other way round): the section breaks of a copy that goes.
        (Those between kept paragraphs stay, and those at either end of the document beside a
        kept one, as does a document of nothing else.)"""
        canonical, found = self.document.canonical, self.found
        worded = [k for k in range(len(canonical)) if canonical[k]]
        kept = [k for k in worded if k not in found]
        if not worded:
            return
        first_kept, last_kept = (kept[0], kept[-1]) if kept else (len(canonical), -1)
        rule = "no words, between removed paragraphs"
        at = 0  # worded[at] is the first paragraph with words after k
        for k in range(len(canonical)):
            if canonical[k]:
                at += 1
                continue
            if k in found:
                continue
            before = worded[at - 1] if at else None
            after = worded[at] if at < len(worded) else None
            both_go = all(n is None or n in found for n in (before, after))
            trailing = k > last_kept and after is not None  # (then ``after`` is removed)
            leading = k < first_kept and before is not None
            if both_go or trailing or leading:
                found[k] = Duplicate(k, None, "boilerplate", 1.0, rule)

    def _linked(
        self, i: int, bounds: list[int], earlier: list[int], shared: list[int]
    ) -> dict[int, int]:
        """The kept paragraphs before ``i`` that share keys with it, and how many keys each."""
        return {
            earlier[t]: shared[t]
            for t in range(bounds[i], bounds[i + 1])
            if earlier[t] not in self.found
        }

    def _near_again(
        self, bounds: list[int], earlier: list[int], shared: list[int], *, contained: bool = False
    ) -> None:
        """Match again, among the paragraphs that stay, each near copy held because of how it
        differs from a paragraph removed since: a second run on the output would no longer see
        that one (a copy wrapped in a tag scores higher than the plain copy it repeats). With
        ``contained``, a copy held as contained in a paragraph removed since is also tried for
        containment again (its words stand in a longer paragraph that stays)."""
        for i in sorted(self.pending):
            held = self.pending[i]
            if i in self.found or held.doc_id is not None or held.original not in self.found:
                continue
            if contained and held.kind != "contained":
                continue
            fp = self.document[i]
            if fp.words < self.options.short_words:
                continue
            candidates = self._candidates(fp, self._linked(i, bounds, earlier, shared))
            if not candidates:
                continue
            dup = None
            if len(fp.canonical) >= self.options.min_chars:  # (as in _match: else never near)
                dup = self._near(i, fp, candidates)
            if dup is None and contained:
                del self.pending[i]
                dup = self._contained(i, fp, candidates)
                if dup is None and i not in self.pending:
                    self.pending[i] = held
            if dup is not None:
                self.found[i] = dup
                self.pending.pop(i, None)

    def _contained_in_later(self, bounds: list[int], earlier: list[int], shared: list[int]) -> None:
        """Remove kept paragraphs whose words all reappear in later kept ones.

        A "Highlights" box or a lede that quotes what the body says in full comes first; matching
        runs forwards, so it is caught here. Only small edits are allowed (no repeated-run test).
        The first :data:`_MAX_LATER` later paragraphs linked to one are its candidates (a line
        of a template is linked to all the others).
        """
        later: dict[int, dict[int, int]] = {}
        for i in range(len(self.document)):
            if i not in self.found:
                for t in range(bounds[i], bounds[i + 1]):
                    linked = later.setdefault(earlier[t], {})
                    if len(linked) < _MAX_LATER:
                        linked[i] = shared[t]
        canonical = self.document.canonical
        # From the end, so that a paragraph is only ever contained in paragraphs that stay.
        waiting = sorted(later, reverse=True)
        while waiting:
            vetoed = []
            removed = False
            for j in waiting:
                if j in self.found:
                    continue
                if word_count(canonical[j]) < self.options.short_words:
                    continue
                fp = self.document[j]
                candidates: dict[_Ref, tuple[int, str]] = {
                    (None, i): (n, canonical[i]) for i, n in later[j].items() if i not in self.found
                }
                dup = self._contained(j, fp, candidates, later=True) if candidates else None
                if dup is None:
                    continue
                # A paragraph mostly made of earlier text is the copy (a merged one whose other
                # half went unnoticed), not the original of ``j``; unless ``j`` is exactly some
                # of its sentences and the rest of it is new: then ``j`` is a highlight of it.
                if any(
                    self._mostly_copied(i, bounds, earlier, shared)
                    and (
                        not self._is_sentences_of(j, i)
                        or self._mostly_copied(i, bounds, earlier, shared, besides=j)
                    )
                    for i in dup.originals
                ):
                    vetoed.append(j)
                else:
                    self.found[j] = dup
                    self._retarget(j, dup)
                    removed = True
            # Removals leave less earlier text to make a paragraph a copy: look again at those
            # that stayed for that reason, so that the outcome is the same on the output.
            waiting = vetoed if removed else []

    def _structured_copies(self, bounds: list[int], earlier: list[int]) -> None:
        """Remove the paragraphs of structured data whose words the other paragraphs hold.

        A JSON-LD object carries the body as its ``articleBody`` string, among keys, dates and
        links. Wherever it stands, the paragraphs are the copy worth keeping: the object goes when
        :attr:`~textclean.DedupeOptions.containment` of the words of its text (see
        :func:`structured_values`) are other paragraphs, found word for word (kept ones, or
        copies of kept text). The body it copies stands next to it: the paragraphs on either
        side that share keys with it, and those between them and a few beyond (see
        :func:`_reach`), are searched; if they fall short, as many kept paragraphs on either
        side as the object has words, at most :data:`_DATA_REACH` (and the copies removed among
        them), so that the work stays linear however many objects a document holds. An object
        the same as a kept one, in this document or an indexed one, is an exact copy of it.
        """
        canonical = self.document.canonical
        n = len(canonical)
        related: dict[int, set[int]] = {m: set() for m in self.structured}
        for i in range(n):
            for j in earlier[bounds[i] : bounds[i + 1]]:
                if i in related:
                    related[i].add(j)
                if j in related:
                    related[j].add(i)
        first: dict[str, int] = {}
        for m in sorted(self.structured):
            text = canonical[m]
            if not text:
                continue
            if text in first:
                j = first[text]
                self.found[m] = Duplicate(m, j, "exact", 1.0, "same canonical text", (j,))
                continue
            first[text] = m
            indexed = self._indexed_copy(m, int(self.document.exact[m]), text)
            if indexed is not None:
                self.found[m] = indexed
                continue
            values = [v for v in canonical_paragraphs(structured_values(self.texts[m]))[0] if v]
            padded = f" {' '.join(values)} "
            share, pieces = self._covering(padded, values, range(*_reach(m, related[m], n)))
            if share < self.options.containment:  # paragraphs linked by nothing, further out
                wide = self._around(m, min(padded.count(" ") - 1, _DATA_REACH))
                share, pieces = self._covering(padded, values, wide)
            if share < self.options.containment:
                continue
            kept = tuple(j for j in pieces if self._kept(j))
            rule = f"structured data: {share:.0%} of its words are {_paragraphs(pieces)}"
            if kept:
                self.found[m] = Duplicate(m, kept[0], "contained", share, rule, kept)
                continue
            # Its paragraphs all went as copies (of an indexed document, say): theirs is its source.
            sources = (self.found[j] for j in pieces if self.found[j].original is not None)
            source = next(sources, None)
            if source is not None:
                self.found[m] = Duplicate(
                    m, source.original, "contained", share, rule, source.originals, source.doc_id
                )

    def _around(self, m: int, reach: int) -> list[int]:
        """The paragraphs on either side of ``m`` out to the ``reach``-th kept one (and at most
        four times as many in all): what deduplicating the output again would see within
        ``reach`` paragraphs, and the copies removed among them."""
        around = []
        for step in (-1, 1):
            k, kept = m + step, 0
            while 0 <= k < len(self.document) and kept < reach and abs(k - m) <= 4 * reach:
                around.append(k)
                kept += self._kept(k)
                k += step
        return sorted(around)

    def _covering(
        self, padded: str, values: list[str], paragraphs: Iterable[int]
    ) -> tuple[float, list[int]]:
        """The share of the words of ``padded`` (canonical ``values`` joined, between two
        spaces) that the non-empty, unstructured ``paragraphs`` account for, and which do: each
        paragraph found word for word in it (the body in an ``articleBody``), and each value
        found word for word in a paragraph (a headline, a description that is the first
        sentence)."""
        canonical = self.document.canonical
        covered = np.zeros(len(padded), dtype=bool)
        pieces = []
        texts = [  # (not boilerplate, which a second run no longer sees)
            (j, canonical[j])
            for j in paragraphs
            if j not in self.structured
            and canonical[j]
            and (j not in self.found or self.found[j].original is not None)
        ]
        for j, text in texts:  # every place it stands (a description, then the body)
            at = padded.find(f" {text} ")
            if at >= 0:
                pieces.append(j)
            while at >= 0:
                covered[at + 1 : at + 1 + len(text)] = True
                at = padded.find(f" {text} ", at + 1 + len(text))
        start = 1
        for value in values:
            end = start + len(value)
            if not covered[start:end].all():
                holder = next((j for j, text in texts if whole_words_in(value, text)), None)
                if holder is not None:
                    covered[start:end] = True
                    pieces.append(holder)
            start = end + 1
        pieces = sorted(set(pieces))
        if len(padded) <= 2:
            return 0.0, pieces
        spaces = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32)[:-1] == 0x20
        return float(covered[np.flatnonzero(spaces) + 1].mean()), pieces

    def _inside_bodies(self, short_repeats: Mapping[int, int]) -> None:
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
        holders: dict[int, list[int]] = {}
        for k, dup in sorted(self.found.items()):
            single = dup.doc_id is None and len(dup.originals) == 1
            if dup.kind in ("contained", "near") and single and dup.originals[0] < k:
                holders.setdefault(dup.originals[0], []).append(k)
        n = len(canonical)
        for p in sorted(holders.keys() | self.parts.keys()):
            if not self._kept(p):
                continue
            body = canonical[p]
            # From the first of its copies found (a near copy: edited, at its start), unless
            # nothing is kept beside them: then there is nothing to find.
            if p in holders and any(
                self._kept(m) for k in holders[p] for m in (k - 1, k + 1) if m < n
            ):
                self._remove_walked(p, self._anchors(body, holders[p], edited=True)[:1], True)
            if p not in self.parts:
                continue
            # From its parts that stay, too (a second run would try them): these must make up
            # all of it. Each copy of it, when it was split more than once: a later copy's short
            # lines repeat the first copy's.
            starts = [*self.parts[p], *(r for k in self.parts[p] for r in repeats.get(k, ()))]
            for k in sorted(starts):
                if self._kept(k):
                    self._remove_walked(p, self._anchors(body, [k]), False)

    def _remove_walked(self, p: int, anchors: list[tuple[int, int, int]], held: bool) -> None:
        """Remove the paragraphs after ``p`` that the walk from ``anchors`` finds laid end to
        end in it: all of them, if ``held`` (a copy of ``p`` was found already), else only if
        two or more make up :attr:`~textclean.DedupeOptions.containment` of it, in small gaps."""
        if not anchors:
            return
        body, n = self.document.canonical[p], len(self.document)
        need = self.options.containment * word_count(body)
        pieces, covered, small = self._walk_around(body, anchors, range(p + 1, n))
        if held:  # (the walk may find only removed paragraphs: copies of kept ones)
            enough = any(self._kept(k) for k in pieces)
        else:
            enough = small and len(pieces) > 1 and covered >= need
        if not enough:
            # Passing over removed paragraphs, as deduplicating the output again would.
            pieces, covered, small = self._walk_around(body, anchors, range(p + 1, n), kept=True)
            if not (small and len(pieces) > 1 and covered >= need):
                return
        for k in pieces:
            if self._kept(k):
                self.found[k] = Duplicate(
                    k, p, "contained", 1.0,
                    f"its words appear in order in paragraph {p}, with the paragraphs around it",
                    (p,),
                )  # fmt: skip

    def _is_sentences_of(self, j: int, i: int) -> bool:
        """Whether paragraph ``j``'s canonical text is whole consecutive sentences of ``i``, and
        ``i`` says more than a few words besides (not just a list number or a dateline)."""
        target = self.document.canonical[j]
        extra = word_count(self.document.canonical[i]) - word_count(target)
        return extra > AFFIX_WORDS and self._whole_sentences_of(target, i)

    def _mostly_copied(
        self,
        i: int,
        bounds: list[int],
        earlier: list[int],
        shared: list[int],
        *,
        besides: int | None = None,
    ) -> bool:
        """Whether half of paragraph ``i`` repeats kept paragraphs before it: then ``i`` is the
        copy (a merged one whose other half went unnoticed), not the original. With
        ``besides``, whether half of what ``i`` has beyond that paragraph's words repeats
        other kept paragraphs."""
        canonical = self.document.canonical
        candidates: dict[_Ref, tuple[int, str]] = {
            (None, j): (shared[t], canonical[j])
            for t in range(bounds[i], bounds[i + 1])
            if self._kept(j := earlier[t]) and j != besides
        }
        words = canonical[i].split(" ")
        rest = len(words) - (0 if besides is None else canonical[besides].count(" ") + 1)
        need = 0.5 * rest
        if candidates:  # laid end to end, maybe more of them than a window holds
            stamp, pieces, covered = self.laid_out.get(i, (-1, [], 0))
            if stamp != len(self.found):  # worked out again once more paragraphs are removed
                pieces, covered, _ = self._laid_end_to_end(i, canonical[i], candidates, kept=True)
                self.laid_out[i] = (len(self.found), pieces, covered)
            if besides in pieces:
                covered -= canonical[besides].count(" ") + 1
            if covered >= need:
                return True
        windows = (
            [c for c in window if c[0] != besides]
            for _, window in self._windows(i, candidates, later=False)
        )
        return any(coverage(words, window, need)[0] >= need for window in windows if window)

    def _resolve_references(self) -> None:
        """Point every duplicate at kept paragraphs only.

        A paragraph a duplicate refers to may itself be removed afterwards (as a short repeat in
        a run, say); the reference then follows that paragraph's own duplicate to a kept one.
        """
        found = self.found

        def kept(o: int) -> int | None:
            seen = set()
            while o in found and o not in seen:
                seen.add(o)
                dup = found[o]
                if dup.doc_id is not None or dup.original is None:
                    return None
                o = dup.original
            return None if o in found else o

        for k, dup in list(found.items()):
            if dup.doc_id is not None or not any(o in found for o in dup.originals):
                continue
            originals = tuple(dict.fromkeys(o for o in map(kept, dup.originals) if o is not None))
            original = kept(dup.original) if dup.original is not None else None
            if original is None and originals:
                original = originals[0]
            found[k] = replace(dup, original=original, originals=originals)

    def _retarget(self, j: int, dup: Duplicate) -> None:
        """Point the duplicates of ``j``, now removed as ``dup``, at what contains it."""
        for k, other in list(self.found.items()):
            if other.doc_id is None and j in other.originals:
                originals = tuple(
                    dict.fromkeys(
                        o for x in other.originals for o in (dup.originals if x == j else (x,))
                    )
                )
                self.found[k] = Duplicate(
                    k, dup.original if other.original == j else other.original, "contained",
                    min(other.similarity, dup.similarity),
                    f"repeats paragraph {j}, whose words appear in order in "
                    f"later {_paragraphs(dup.originals)}",
                    originals,
                )  # fmt: skip

    def _boilerplate_line(self, i: int) -> Duplicate | None:
        if self.boilerplate is None:
            return None
        pattern = self.boilerplate.match(self.texts[i])
        if pattern is None:
            return None
        return Duplicate(i, None, "boilerplate", 1.0, f"boilerplate pattern {pattern!r}")

    def _indexed_copy(self, i: int, exact: int, canonical: str) -> Duplicate | None:
        """Paragraph ``i`` as an exact copy of an indexed paragraph with the same canonical text
        (``exact`` its exact key), or ``None``."""
        for entry in self.prior.postings.get(exact, ()):
            if entry.canonical == canonical:
                return Duplicate(
                    i, entry.paragraph, "exact", 1.0, "same canonical text",
                    (entry.paragraph,), entry.doc_id,
                )  # fmt: skip
        return None

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
        indexed = self._indexed_copy(i, fp.exact, fp.canonical)
        if indexed is not None:
            return indexed
        if short:
            return None
        candidates = self._candidates(fp, local)
        if not candidates:
            return None
        # Paragraphs too short for a fuzzy hash are never near copies (only exact or contained).
        near = (
            self._near(i, fp, candidates) if len(fp.canonical) >= self.options.min_chars else None
        )
        if near is not None or i in self.numbers_differ:  # "9.5 hours" vs "9 hours" stays
            return near
        held = self.pending.get(i)
        if held is None:
            return self._contained(i, fp, candidates)
        before = self.found.get(i - 1) or self.pending.get(i - 1)
        if i in self.reworded and _follows(before, held, 1):
            return None  # a rewording inside a copy: no merged copy explains it better
        del self.pending[i]  # containment may account for it better, or hold it in its place
        contained = self._inside_held(i, fp, held, candidates) or self._contained(i, fp, candidates)
        if contained is None and i not in self.pending:
            self.pending[i] = held
        return contained

    def _inside_held(
        self,
        i: int,
        fp: ParagraphPrint,
        held: Duplicate,
        candidates: Mapping[_Ref, tuple[int, str]],
    ) -> Duplicate | None:
        """``held``'s original alone holding all of ``fp``'s words, in order and in whole
        sentences: a copy that lacks a word or two of it (the commonest contained copy that is
        not word for word), found without grouping every candidate into windows."""
        j, doc_id = held.original, held.doc_id
        if j is None or (doc_id, j) not in candidates:
            return None
        words = fp.canonical.split(" ")
        found = self._covered_by(words, [(j, 0, candidates[doc_id, j][1])], len(words), doc_id)
        if found is None or found[0] < len(words):
            return None
        return Duplicate(
            i, j, "contained", 1.0, f"100% of its words appear in order in paragraph {j}",
            (j,), doc_id,
        )  # fmt: skip

    def _candidates(
        self, fp: ParagraphPrint, local: Mapping[int, int]
    ) -> dict[_Ref, tuple[int, str]]:
        """Kept paragraphs sharing keys with ``fp``: how many keys, and their canonical text."""
        canonical = self.document.canonical
        found: dict[_Ref, tuple[int, str]] = {
            (None, j): (n, canonical[j]) for j, n in local.items()
        }
        if self.prior.postings:
            for key in (*fp.sentences, *fp.bands):
                for entry in self.prior.postings.get(key, ()):
                    ref = (entry.doc_id, entry.paragraph)
                    count, canon = found.get(ref, (0, entry.canonical))
                    found[ref] = (count + 1, canon)
        return found

    def _near(
        self, i: int, fp: ParagraphPrint, candidates: Mapping[_Ref, tuple[int, str]]
    ) -> Duplicate | None:
        cutoff = self.options.threshold * 100
        best: tuple[float, _Ref] | None = None
        candidates = _best_linked(candidates, _MAX_VERIFIED)  # (a near copy shares most keys)
        for ref, (_, canon) in candidates.items():
            if len(fp.canonical) * len(canon) > MAX_ALIGNMENT:
                continue  # (two paragraphs this long repeat each other exactly or not at all)
            score = fuzz.ratio(fp.canonical, canon, score_cutoff=cutoff)
            if score and best is not None:
                self.rivalled.add(i)
            if score and (best is None or score > best[0]):
                best = (score, ref)
        if best is None:
            return None
        score, (doc_id, j) = best
        dup = Duplicate(
            i, j, "near", score / 100, f"ratio {score / 100:.3f} >= {self.options.threshold}",
            (j,), doc_id,
        )  # fmt: skip
        words, other = fp.canonical.split(" "), candidates[best[1]][1].split(" ")
        ops = Indel.opcodes(words, other)
        if drops_numbers(ops, other):  # "9.5 hours" and "9 hours" are different facts
            self.pending[i] = replace(dup, rule=dup.rule + ", inside a repeated run")
            self.numbers_differ.add(i)
            return None
        # Both ways: a near copy that lacks words from the middle of the original is a
        # different (shorter) statement, not an edited copy.
        accepted = self._unless_pending(dup, words, other, ops, both_ways=True)
        if accepted is None and word_for_word(ops):
            self.reworded.add(i)
        return accepted

    def _contained(
        self,
        i: int,
        fp: ParagraphPrint,
        candidates: Mapping[_Ref, tuple[int, str]],
        *,
        later: bool = False,
    ) -> Duplicate | None:
        """Whether ``fp``'s words appear, in runs and in order, in neighbouring candidates.

        Candidates are grouped into windows of paragraphs that stand together in their document
        (with their kept neighbours, for a merged copy whose other half shares no key), and each
        window is judged on its own: words pieced together from scattered paragraphs that share a
        template do not count. Of many candidates (lines of a template, which share keys with
        hundreds of others), the :data:`_MAX_CANDIDATES` sharing the most keys are tried.
        """
        candidates = _best_linked(candidates, _MAX_CANDIDATES)
        verbatim = self._verbatim(i, fp.canonical, candidates, later=later)
        if verbatim is not None:
            return verbatim
        words = fp.canonical.split(" ")
        need = self.options.containment * len(words)
        if not self._could_cover(words, need, candidates):
            return None
        windows = self._windows(i, candidates, later=later)
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
                found = self._covered_by(words, attempt, need, doc_id)
                if found is not None and (best is None or found[0] > best[0][0]):
                    best = (found, attempt)
                    if found[0] == len(words):  # nothing covers more
                        break
            if best is None:
                continue
            (covered, other, ops, originals), attempt = best
            original = max((c for c in attempt if c[0] in originals), key=lambda c: (c[1], -c[0]))[
                0
            ]
            share = covered / len(words)
            where = ("later " if later else "") + _paragraphs(originals)
            dup = Duplicate(
                i, original, "contained", share,
                f"{share:.0%} of its words appear in order in {where}", originals, doc_id,
            )  # fmt: skip
            if later:  # no repeated-run test for these: only small edits
                small = share == 1.0 or only_small_edits(
                    words, other, ops, aside=self._aside(i, words)
                )
                return dup if small else None
            return self._unless_pending(dup, words, other, ops)
        return None

    def _lone_part(self, i: int, dup: Duplicate, fp: ParagraphPrint) -> bool:
        """Whether paragraph ``i`` is a heading that repeats part of one longer paragraph of
        this document: a heading's length, not ending like a sentence (".", "!" or "?"). It stays
        unless it stands beside a copy drawn from the same paragraph (then it is part of a
        split copy); a highlighted sentence ends like a statement and goes."""
        return (
            dup.kind == "contained"
            and dup.doc_id is None
            and len(dup.originals) == 1
            and fp.words < _HEADING_WORDS
            and len(self.document.canonical[dup.originals[0]]) > len(fp.canonical)
            and not self.texts[i].rstrip().endswith(_STATEMENT_ENDS)
        )

    def _verbatim(
        self, i: int, text: str, candidates: Mapping[_Ref, tuple[int, str]], *, later: bool
    ) -> Duplicate | None:
        """``text`` as whole sentences of one candidate (a split copy) or, before ``i``, as
        earlier paragraphs laid end to end (a merged one), word for word: the commonest contained
        copies, found by string search before any alignment.

        A split copy of :data:`_HEADING_WORDS` words or more after its original need not be
        whole sentences of it: a heading run into the next sentence (an ``articleBody`` copy
        joins paragraphs with spaces) moves the sentence boundaries.
        """
        where = "later " if later else ""
        long = not later and word_count(text) >= _HEADING_WORDS
        # A copy cut off with an ellipsis (a teaser, an AMP page's preview) after its original.
        truncated = not later and self.texts[i].rstrip().endswith(_ELLIPSES)
        for (doc_id, j), (_, canon) in candidates.items():
            if len(canon) <= len(text) or text not in canon:
                continue
            if doc_id is None and not long:
                found = self._whole_sentences_of(text, j, truncated=truncated)
            else:  # whole words (an indexed paragraph's sentences are not kept)
                found = whole_words_in(text, canon)
            if found:
                return Duplicate(
                    i, j, "contained", 1.0,
                    f"100% of its words appear in order in {where}paragraph {j}", (j,), doc_id,
                )  # fmt: skip
            if doc_id is None and not later and whole_words_in(text, canon):
                parts = self.parts.setdefault(j, [])  # part of it, maybe: see _inside_bodies
                if len(parts) < _MAX_PARTS:
                    parts.append(i)
        if later:
            return None
        pieces, covered, small_gaps = self._laid_end_to_end(i, text, candidates)
        words = word_count(text)
        if len(pieces) < 2 or not small_gaps or covered < self.options.containment * words:
            return None
        original = max(pieces, key=lambda k: (candidates.get((None, k), (0, ""))[0], -k))
        share = min(1.0, covered / words)
        return Duplicate(
            i, original, "contained", share,
            f"{share:.0%} of its words appear in order in {_paragraphs(pieces)}", tuple(pieces),
        )  # fmt: skip

    def _laid_end_to_end(
        self, i: int, text: str, candidates: Mapping[_Ref, tuple[int, str]], *, kept: bool = False
    ) -> tuple[list[int], int, bool]:
        """Earlier paragraphs of this document found, in order, as stretches of ``text``: a
        merged copy (two paragraphs run together, or a whole body in one ``articleBody``
        paragraph), by string search.

        The search starts from a candidate found in ``text`` and goes both ways through the
        paragraphs around it; of the candidates tried, the one that explains most of ``text``,
        skipping fewest paragraphs, wins. Paragraphs it lacks are skipped (a removed
        line, a caption). Returns the paragraphs found, the words of ``text`` they cover,
        and whether every stretch between them (and at either end) is small: at most
        :data:`AFFIX_WORDS` words (a dateline, a credit) or a near copy of the paragraphs
        skipped there (an edited paragraph). Each step searches only a little beyond the last
        one found, so the cost is linear in the text. With ``kept``, removed paragraphs are
        passed over.
        """
        canonical = self.document.canonical
        # Candidates of a few words or more, shorter than the text; if none is found word for
        # word, the first, edited, at its start (of a text much longer than it: an edited copy
        # of one paragraph is a near copy, not a merged one).
        sources = sorted(
            j
            for doc_id, j in candidates
            if doc_id is None
            and j < i
            and canonical[j].count(" ") >= MIN_RUN - 1
            and len(canonical[j]) < len(text)
        )
        edited = bool(sources) and len(text) > 2 * len(canonical[sources[0]])
        anchors = sorted(self._anchors(text, sources, edited=edited))
        return self._walk_around(text, anchors[:_MAX_STARTS], range(i), kept=kept)

    def _anchors(
        self, text: str, paragraphs: Sequence[int], *, edited: bool = False
    ) -> list[tuple[int, int, int]]:
        """``(start, end, paragraph)`` where each of ``paragraphs`` first occurs word for word
        in ``text``, in the order given; if none does and ``edited``, the first of them found
        with small edits at the start of ``text``."""
        canonical = self.document.canonical
        found = [
            (at, at + len(canonical[j]), j)
            for j in paragraphs
            for at in (find_words(text, canonical[j], 0, len(text)),)
            if at >= 0
        ]
        if not found and edited and paragraphs:
            span = self._find_near(text, canonical[paragraphs[0]], 0, True, [], 0)
            if span is not None:
                found = [(span[0], span[1], paragraphs[0])]
        return found

    def _walk_around(
        self,
        text: str,
        anchors: Sequence[tuple[int, int, int]],
        among: range,
        *,
        kept: bool = False,
    ) -> tuple[list[int], int, bool]:
        """The best account of ``text`` as paragraphs of ``among`` laid end to end, found by
        walking both ways from each anchor ``(start, end, paragraph)``: the one covering most
        words, skipping fewest paragraphs; as for :meth:`_laid_end_to_end`."""
        canonical = self.document.canonical
        words = word_count(text)
        best: tuple[list[int], int, bool] = ([], 0, False)
        best_rank = (False, 0, 0)
        for start, end, first in anchors:
            head, head_covered, head_small = self._walk(
                text, range(first - 1, among.start - 1, -1), start - 1, kept
            )
            tail, tail_covered, tail_small = self._walk(
                text, range(first + 1, among.stop), end + 1, kept
            )
            pieces = [*reversed(head), first, *tail]
            found = (
                pieces,
                head_covered + word_count(canonical[first]) + tail_covered,
                head_small and tail_small,
            )
            skips = pieces[-1] - pieces[0] + 1 - len(pieces)
            rank = (found[2] and len(pieces) > 1, found[1], -skips)
            if rank > best_rank:
                best, best_rank = found, rank
                if rank == (True, words, 0):
                    break
        return best

    def _walk(self, text: str, order: range, at: int, kept: bool) -> tuple[list[int], int, bool]:
        """The paragraphs of ``order`` found in ``text`` from ``at`` on (backwards when
        ``order`` runs backwards), as for :meth:`_laid_end_to_end`."""
        canonical = self.document.canonical
        forward = order.step > 0
        pieces: list[int] = []
        covered = 0
        small = True
        skipped: list[int] = []
        skipped_chars = passed = 0
        for k in order:
            if not 0 < at < len(text) or len(skipped) > (_MAX_SKIPPED if pieces else 2):
                break  # (a copy lacking more than two paragraphs next to its anchor is no copy)
            canon = canonical[k]
            if not canon:
                continue
            span = (
                None if kept and k in self.found
                else self._find_near(text, canon, at, forward, skipped, skipped_chars)
            )  # fmt: skip
            if span is None:
                if k in self.found:  # removed: the copy need not hold it (nor will the output)
                    passed += 1
                    if passed > _MAX_PASSED:
                        break
                    continue
                skipped.append(k)
                skipped_chars += len(canon) + 1
                continue
            passed = 0
            start, end, gap_small, gap_covered = span
            small = small and gap_small
            pieces.append(k)
            covered += text.count(" ", start, end) + 1 + gap_covered
            skipped, skipped_chars = [], 0
            at = end + 1 if forward else start - 1
        rest_small, rest_covered = self._small_gap(
            text[at:] if forward else text[: max(at, 0)], skipped
        )
        return pieces, covered + rest_covered, small and rest_small

    def _find_near(
        self, text: str, canon: str, at: int, forward: bool, skipped: list[int], skipped_chars: int
    ) -> tuple[int, int, bool, int] | None:
        """The span of ``text`` just after ``at`` (before it, if not ``forward``) holding the
        paragraph ``canon``, word for word or with small edits (never to a number), and what
        :meth:`_small_gap` says of the text between ``at`` and it."""
        # Past paragraphs it lacks, the copy may also hold text they do not explain.
        reach = len(canon) + _SLACK * (1 + len(skipped)) + skipped_chars
        lo, hi = (at, min(len(text), at + reach)) if forward else (max(0, at - reach), at)
        found = find_words(text, canon, lo, hi, last=not forward)
        if found >= 0:
            gap = self._small_gap(
                text[at:found] if forward else text[found + len(canon) : at], skipped
            )
            # A short paragraph found past text the paragraphs skipped do not explain may be
            # words of an edited one.
            if gap[0] or canon.count(" ") + 1 >= _HEADING_WORDS:
                return found, found + len(canon), *gap
        if canon.count(" ") + 1 < MIN_RUN:
            return None
        # An edited copy of it, right there.
        lo, hi = (at, min(len(text), at + len(canon) + _EDIT_SLACK)) if forward else (
            max(0, at - len(canon) - _EDIT_SLACK), at)  # fmt: skip
        if hi - lo < len(canon):
            return None
        if len(canon) > 2 * _EDGE and all(
            edge not in text[lo:hi] for edge in (canon[:_EDGE], canon[-_EDGE:])
        ):
            return None  # (a small edit leaves its start or its end as it was)
        span = aligned_span(canon, text[lo:hi], self.options.threshold)
        if span is None:
            return None
        start, end = lo + span[0], lo + span[1]
        while start > 0 and text[start - 1] != " ":  # whole words
            start -= 1
        while end < len(text) and text[end] != " ":
            end += 1
        if numbers(text[start:end]) != numbers(canon):
            return None
        return start, end, *self._small_gap(text[at:start] if forward else text[end:at], skipped)

    def _small_gap(self, gap: str, skipped: list[int]) -> tuple[bool, int]:
        """Whether ``gap``, text between paragraphs found in a merged copy, is small (a few
        words, or a near copy of the paragraphs ``skipped`` there), and how many of its words
        repeat those paragraphs."""
        gap = gap.strip()
        if not gap or gap.count(" ") < AFFIX_WORDS:
            return True, 0
        if not skipped:
            return False, 0
        was = " ".join(self.document.canonical[k] for k in sorted(skipped))
        if len(gap) * len(was) > MAX_ALIGNMENT:
            return False, 0
        if numbers(gap) == numbers(was) and fuzz.ratio(
            gap, was, score_cutoff=self.options.threshold * 100
        ):
            return True, gap.count(" ") + 1
        return False, 0

    def _whole_sentences_of(self, text: str, j: int, *, truncated: bool = False) -> bool:
        """Whether canonical ``text`` is one or more consecutive whole sentences of paragraph
        ``j`` (sentence offsets are worked out once a paragraph); when ``truncated`` (a teaser
        cut off with an ellipsis), whole words from the start of a sentence."""
        spans = self.sentence_offsets.get(j)
        if spans is None:
            canon = self.document.canonical[j]
            offsets = list(accumulate((len(word) + 1 for word in canon.split(" ")), initial=0))
            first = self.document.sentence_starts(j)
            ends = {offsets[w] - 1 for w in (*first[1:], len(offsets) - 1)}
            spans = self.sentence_offsets[j] = ([offsets[w] for w in first], ends)
        canon, (starts, ends) = self.document.canonical[j], spans
        return any(
            canon.startswith(text, at)
            and (at + len(text) in ends or (truncated and canon[at + len(text)] == " "))
            for at in starts
        )

    def _could_cover(
        self,
        words: list[str],
        need: float,
        candidates: Mapping[_Ref, tuple[int, str]],
        *,
        alone: bool = False,
    ) -> bool:
        """Whether ``need`` of ``words`` appear at all among the candidates and (unless
        ``alone``) the neighbours any window could add: a cheap bound that spares aligning most
        candidates."""
        # Strike out the words each source has (a set difference costs the size of what is
        # still missing, not of the source), the candidates first, then their neighbours.
        canonical = self.document.canonical
        missing = set(words)
        for ref, (_, canon) in candidates.items():
            missing = missing - self._vocabulary(ref, canon)  # (-= would walk the vocabulary)
        if not missing or len(words) - sum(map(missing.__contains__, words)) >= need:
            return True
        if alone:
            return False
        for doc_id, j in candidates:
            if doc_id is not None:
                continue
            for step in (-1, 1):
                k = self._next_kept(j, step)
                if k is not None:
                    missing = missing - self._vocabulary((None, k), canonical[k])
        return len(words) - sum(map(missing.__contains__, words)) >= need

    def _vocabulary(self, ref: _Ref, canon: str) -> set[str]:
        """The distinct words of a candidate's canonical text, split once."""
        known = self.vocabularies.get(ref)
        if known is None:
            known = self.vocabularies[ref] = set(canon.split(" "))
        return known

    def _covered_by(
        self,
        words: list[str],
        window: Sequence[tuple[int, int, str]],
        need: float,
        doc_id: str | None,
    ) -> tuple[int, list[str], Opcodes, tuple[int, ...]] | None:
        """How ``window`` covers ``words``, if it covers ``need`` of them in whole sentences."""
        covered, other, ops, originals, region = coverage(words, window, 0.5 * need)
        if not originals:
            return None
        # Judged again on the paragraphs the copy draws on alone: words that repeat make the
        # alignment against the whole window ambiguous (a "to" matched in the paragraph before
        # breaks the run that starts the copy).
        # The copy stands only if those paragraphs alone cover enough of it.
        sources = [c for c in window if c[0] in originals]
        if len(sources) < len(window):
            again = coverage(words, sources, need)
            if again[0] < need:
                return None
            covered, other, ops, _, region = again
        if covered < need:
            return None
        if doc_id is None and not self._whole_sentences(sources, region):
            return None
        return covered, other, ops, originals

    def _whole_sentences(
        self, window: Sequence[tuple[int, int, str]], region: tuple[int, int]
    ) -> bool:
        """Whether ``region`` of the window's words starts and ends at sentence boundaries.

        A merged or split copy is made of whole sentences; a heading whose words stand inside a
        longer sentence is not a copy of it. One word of slack on each side allows for an edit.
        """
        starts: set[int] = set()
        ends: set[int] = set()
        offset = 0
        for j, _, canon in window:
            words = canon.count(" ") + 1
            first = self.document.sentence_starts(j)
            starts.update(offset + w for w in first)
            ends.update(offset + w for w in (*first[1:], words))
            offset += words
        begin, end = region
        return any(0 <= begin - b <= 1 for b in starts) and any(0 <= b - end <= 1 for b in ends)

    def _windows(
        self, i: int, candidates: Mapping[_Ref, tuple[int, str]], *, later: bool
    ) -> list[tuple[str | None, list[tuple[int, int, str]]]]:
        """Candidates grouped by document into runs of nearby paragraphs, best-linked first.

        The kept neighbours of this document's candidates join them: before paragraph ``i``, or
        after it when ``later``.
        """
        by_doc: dict[str | None, dict[int, tuple[int, int, str]]] = {}
        for (doc_id, j), (count, canon) in candidates.items():
            by_doc.setdefault(doc_id, {})[j] = (j, count, canon)
        canonical = self.document.canonical
        windows = []
        for doc_id, members in by_doc.items():
            if doc_id is None:  # this document: add the kept neighbours
                for j in list(members):
                    for step in (-1, 1):
                        k = self._next_kept(j, step)
                        if k is not None and k not in members and (k > i if later else k < i):
                            members[k] = (k, 0, canonical[k])
            run: list[tuple[int, int, str]] = []
            for item in sorted(members.values()):
                if run and self._gap(doc_id, run[-1][0], item[0]) > _MAX_GAP:
                    windows.append((doc_id, run))
                    run = []
                run.append(item)
            windows.append((doc_id, run))
        windows = [(d, _around_best(w)) for d, w in windows if any(c for _, c, _ in w)]
        windows.sort(key=lambda dw: (dw[0] is not None, -sum(c for _, c, _ in dw[1])))
        return windows[:_MAX_WINDOWS]

    def _next_kept(self, j: int, step: int) -> int | None:
        """The nearest kept paragraph from ``j`` in direction ``step`` (passing removed ones)."""
        canonical, found = self.document.canonical, self.found
        k = j + step
        for _ in range(_MAX_PASSED):
            if not 0 <= k < len(canonical):
                return None
            if k not in found:  # kept, or an empty paragraph: nothing to join
                return k if canonical[k] else None
            k += step
        return None

    def _gap(self, doc_id: str | None, a: int, b: int) -> int:
        """Paragraphs between ``a`` and ``b``: in this document, only the kept ones count."""
        if doc_id is not None or b - a > 8 * _MAX_GAP:
            return b - a - 1
        canonical, found = self.document.canonical, self.found
        return sum(1 for k in range(a + 1, b) if k not in found and canonical[k])

    def _kept(self, k: int) -> bool:
        return (
            0 <= k < len(self.document.canonical)
            and k not in self.found
            and bool(self.document.canonical[k])
        )

    def _unless_pending(
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
        small = only_small_edits(words, other, ops, aside=self._aside(dup.index, words)) and (
            not both_ways
            or only_small_edits(other, words, aside=None if j is None else self._aside(j, other))
        )
        if small and dup.similarity < 1.0 and self._opens_with_a_sentence(dup.index, ops):
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

    def _aside(self, i: int, words: list[str]) -> Callable[[int, int], bool] | None:
        """Which runs of paragraph ``i``'s words (``words``) are page furniture put between two
        of its sentences: a boilerplate line of its own ("Story continues below advertisement")
        that starts a sentence. ``None`` when boilerplate lines are not removed."""
        matcher = self.boilerplate
        if matcher is None:
            return None
        starts = self.document.sentence_starts(i)
        return lambda a, b: a in starts and matcher.match(" ".join(words[a:b])) is not None

    def _opens_with_a_sentence(self, i: int, ops: Opcodes) -> bool:
        """Whether the words paragraph ``i`` has before the text it shares with the other
        (``ops`` from ``i``'s words to the other's) are whole sentences: a heading run into the
        paragraph ("Integration. Xero works with ..."). A dateline ("WASHINGTON (AP) —") ends
        in no full stop."""
        first = next(iter(ops), None)
        if first is None or first.tag != "delete" or first.src_start != 0:
            return False
        return first.src_end in self.document.sentence_starts(i)

    def _short_blocks(self, short_repeats: Mapping[int, int]) -> None:
        """Remove short lines repeated right after themselves, one line or a block of up to
        :data:`_BLOCK_LINES` in a row (p1 p2 p1 p2), when one of them has three words or more,
        and :data:`_MENU_LINES` or more short lines that open the document and again close it.

        Lists and tables repeat short lines legitimately, also two or more in a row ("Filter:
        Cone" and "Carafe: Glass" under two products): a block that repeats further on stays
        unless a copy stands beside it (:meth:`_confirm_short_runs`). "Right after" and "in a
        row" skip removed paragraphs (so that deduplicating the output again removes nothing
        more), and removals repeat until none is left to make.
        """
        canonical = self.document.canonical
        kept = [k for k in range(len(canonical)) if k not in self.found]
        after = dict(pairwise(kept))
        before = {b: a for a, b in after.items()}
        # A repeat whose first copy has been removed since repeats the first kept one.
        first_kept: dict[str, int] = {}
        for k in kept:
            first_kept.setdefault(canonical[k], k)
        short_repeats = {
            i: j if j not in self.found else first_kept.get(canonical[i], i)
            for i, j in short_repeats.items()
        }

        def remove(i: int, j: int, rule: str) -> None:
            self._remove(i, j, rule)
            a, b = before.pop(i, None), after.pop(i, None)
            if a is not None:
                after[a] = b if b is not None else -1
            if b is not None:
                before[b] = a if a is not None else -1

        changed = True
        while changed:
            changed = False
            for i, j in sorted(short_repeats.items()):
                if i in self.found or j in self.found:
                    continue
                block = self._repeated_block(i, before, after, short_repeats)
                for k, m in block:
                    remove(k, m, "short lines repeated right after themselves")
                if not block:
                    block = self._menu_repeat(i, j, kept, after, short_repeats)
                    for k, m in block:
                        remove(k, m, "a menu at the top repeated at the bottom")
                changed = changed or bool(block)

    def _repeated_block(
        self,
        i: int,
        before: Mapping[int, int],
        after: Mapping[int, int],
        short_repeats: Mapping[int, int],
    ) -> list[tuple[int, int]]:
        """``(line, original)`` of the short lines from ``i`` on that repeat the
        :data:`_BLOCK_LINES` or fewer kept lines right before ``i``, one of them of three words
        or more; else nothing."""
        canonical = self.document.canonical
        originals: list[int] = []
        k = before.get(i, -1)
        while k >= 0 and len(originals) < _BLOCK_LINES:
            originals.insert(0, k)
            copies: list[int] = []
            m = i
            for o in originals:
                if m not in short_repeats or m in self.found or canonical[m] != canonical[o]:
                    break
                copies.append(m)
                m = after.get(m, -1)
            if len(copies) == len(originals):
                if max(canonical[c].count(" ") for c in copies) >= 2:
                    return list(zip(copies, originals, strict=True))
                return []
            k = before.get(k, -1)
        return []

    def _menu_repeat(
        self,
        i: int,
        j: int,
        kept: Sequence[int],
        after: Mapping[int, int],
        short_repeats: Mapping[int, int],
    ) -> list[tuple[int, int]]:
        """``(line, first copy)`` of the short lines from ``i`` on that repeat, in order, a block
        of :data:`_MENU_LINES` to :data:`_MENU_MAX_LINES` from ``j`` on, when that block opens
        the document and its repeat closes it (a site's menu above and below the article); else
        nothing. Lists of
        tags, features or enum values repeat inside an article, and stay."""
        if j != kept[0]:
            return []
        block: list[tuple[int, int]] = []
        canonical = self.document.canonical
        k, m = i, j
        while 0 <= m < i and k in short_repeats and k not in self.found:
            if canonical[k] != canonical[m] or len(block) == _MENU_MAX_LINES:
                break
            block.append((k, m))
            k, m = after.get(k, -1), after.get(m, -1)
        last = block[-1][0] if block else -1
        if len(block) < _MENU_LINES or last != kept[-1]:
            return []
        return block

    def _remove(self, i: int, j: int, rule: str) -> None:
        self.found[i] = Duplicate(i, j, "exact", 1.0, rule, (j,))

    @staticmethod
    def _confirm_in_runs(candidates: Mapping[int, Duplicate], found: dict[int, Duplicate]) -> None:
        """Move to ``found`` the candidates that two duplicates found before, within three
        paragraphs on either side, line up with (fuzzy matches that are not small edits): a table
        whose rows differ a little, or records that share a template and one identical line, stay.
        The others stay kept.
        """
        found.update({i: dup for i, dup in candidates.items() if _lined_up(found, i, dup) >= 2})

    def _confirm_short_runs(self, short_repeats: Mapping[int, int]) -> None:
        """Remove the short repeats that stand next to a duplicate of this document and repeat
        the paragraph beside that duplicate's original: a heading or list line inside a copy.
        Confirmed ones confirm their own neighbours in turn, so a run of short lines next to a
        copy goes whole.

        The original is the earlier copy that lines up, not the first: "Pros" under the third
        product of a copied review repeats the third product's "Pros". A short line that repeats
        with no copy beside it (a table cell, a list item) stays.
        """
        canonical = self.document.canonical
        waiting = {i for i in short_repeats if i not in self.found}
        # Each is looked at once, and again when a neighbour is confirmed: linear in the run.
        queue = deque(sorted(waiting))
        while queue:
            i = queue.popleft()
            if i not in waiting:
                continue
            for step in (1, -1):
                neighbour = self.found.get(i - step)
                if neighbour is None or neighbour.kind == "boilerplate":
                    continue
                if neighbour.doc_id is not None:
                    continue
                j = next(
                    (o + step for o in neighbour.originals
                     if 0 <= o + step < i and canonical[o + step] == canonical[i]),
                    None,
                )  # fmt: skip
                if j is not None:
                    self.found[i] = Duplicate(
                        i, j, "exact", 1.0, "short repeat inside a repeated run", (j,)
                    )
                    waiting.discard(i)
                    queue.extend(k for k in (i - 1, i + 1) if k in waiting)
                    break

    def _confirm_edited_runs(self) -> None:
        """Confirm fuzzy matches that stand in a run of them: a copy edited in every paragraph.

        A pending match counts when two others (or duplicates found before), within three
        paragraphs on either side, line up with it. Taking part are only matches whose original
        is not the paragraph just before them (in this document), none close to more than one
        earlier paragraph (rows of a template match each other), none whose numbers differ from
        their original's (a table repeated for another year) and none shorter than
        :data:`AFFIX_MIN_REST` words (a list line that differs by a word is another item).
        """
        waiting = {
            i: dup
            for i, dup in self.pending.items()
            if i not in self.found
            and i not in self.numbers_differ
            and i not in self.rivalled
            and word_count(self.document.canonical[i]) >= AFFIX_MIN_REST
            and dup.original is not None
            and (dup.doc_id is not None or all(o < i - 1 for o in dup.originals))
        }
        anchors = {**self.found, **waiting}
        confirmed = {i for i, dup in waiting.items() if _lined_up(anchors, i, dup) >= 2}
        # Again as a second run would see them, with the paragraphs that go closed up (a copy
        # beyond repeats that are removed), until no more line up.
        while True:
            more = self._lined_up_closed(
                {i: dup for i, dup in waiting.items() if i not in confirmed}, confirmed
            )
            if not more:
                break
            confirmed |= more
        for i in sorted(confirmed):
            dup = waiting[i]
            rule = dup.rule.replace("inside a repeated run", "inside an edited copy")
            self.found[i] = replace(dup, rule=rule)

    def _lined_up_closed(self, waiting: Mapping[int, Duplicate], going: set[int]) -> set[int]:
        """Which of ``waiting`` two others of them line up with once the paragraphs found, and
        ``going``, are gone (each counted by its place among the paragraphs that stay)."""
        if len(waiting) < 3:
            return set()
        gone = self.found.keys() | going
        rank: dict[int, int] = {}
        for k in range(len(self.document)):
            if k not in gone:
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
            if rank[i] in closed and _lined_up(closed, rank[i], closed[rank[i]]) >= 2
        }  # fmt: skip

    def _prefer_longest(self) -> None:
        """Within each exact or near group of this document, keep the longest member."""
        groups: dict[int, list[int]] = {}
        for i, dup in self.found.items():
            if dup.doc_id is None and dup.original is not None and dup.kind in ("exact", "near"):
                groups.setdefault(dup.original, []).append(i)
        for original, members in groups.items():
            winner = max([original, *members], key=lambda k: (len(self.texts[k]), -k))
            if winner == original:
                continue
            del self.found[winner]
            for k in [original, *members]:
                if k != winner:
                    self.found[k] = self._repeat_of(k, winner)
            for k, dup in list(self.found.items()):  # contained copies follow the winner
                if dup.kind == "contained" and dup.doc_id is None and original in dup.originals:
                    self.found[k] = Duplicate(
                        k, winner if dup.original == original else dup.original, dup.kind,
                        dup.similarity, dup.rule,
                        tuple(winner if o == original else o for o in dup.originals),
                    )  # fmt: skip

    def _repeat_of(self, k: int, winner: int) -> Duplicate:
        a, b = self.document.canonical[k], self.document.canonical[winner]
        if a == b:
            return Duplicate(
                k, winner, "exact", 1.0, "same canonical text (longest kept)", (winner,)
            )
        score = fuzz.ratio(a, b) / 100
        return Duplicate(k, winner, "near", score, f"ratio {score:.3f} (longest kept)", (winner,))

    def _document_match(self) -> DocumentMatch | None:
        """The earlier document holding most of this one, if it holds most of it."""
        canonical = self.document.canonical
        total = sum(map(len, canonical))
        if not total:
            return None
        per_doc: dict[str, int] = {}
        for dup in self.found.values():
            if dup.doc_id is not None:
                per_doc[dup.doc_id] = per_doc.get(dup.doc_id, 0) + len(canonical[dup.index])
        if not per_doc:
            return None
        doc_id, chars = max(per_doc.items(), key=lambda item: (item[1], item[0]))
        return DocumentMatch(doc_id, chars / total)


def _shares_source(neighbour: Duplicate | None, dup: Duplicate) -> bool:
    """Whether ``neighbour`` repeats a paragraph ``dup`` draws on, or one next to them."""
    if neighbour is None or neighbour.kind == "boilerplate" or neighbour.doc_id is not None:
        return False
    return any(abs(o - p) <= 1 for o in neighbour.originals for p in dup.originals)


def _lined_up(anchors: Mapping[int, Duplicate], i: int, dup: Duplicate) -> int:
    """How many of ``anchors``, within three paragraphs of ``i``, repeat the paragraph at the
    same distance from ``dup``'s original."""
    return sum(_follows(anchors.get(i - d), dup, d) for d in (-3, -2, -1, 1, 2, 3))


def _follows(neighbour: Duplicate | None, dup: Duplicate, step: int) -> bool:
    """Whether ``neighbour`` (``step`` paragraphs before ``dup``) repeats the paragraph ``step``
    before ``dup``'s original, in the same document."""
    if neighbour is None or neighbour.kind == "boilerplate" or neighbour.doc_id != dup.doc_id:
        return False
    return any(o + step in dup.originals for o in neighbour.originals)


# Merged copies laid end to end (``_laid_end_to_end``):
_SLACK = 64  # characters a merged copy may hold before the next paragraph found in it
_MAX_STARTS = 32  # candidates a merged copy is searched around (a line repeated through a page
# occurs in it once, followed by the one occurrence's neighbours)
_MAX_SKIPPED = 8  # kept paragraphs in a row a merged copy may lack
_MAX_PASSED = 64  # removed paragraphs in a row a merged copy may lack
_EDGE = 16  # characters at either end of a paragraph, one of which a small edit leaves alone
_EDIT_SLACK = 8  # characters an edited paragraph in a merged copy may be longer by
_MENU_LINES = 4  # short lines in a row that make a menu, when they open and close a document
_MENU_MAX_LINES = 64  # ... and at most this many (so that each line tried costs little)
_BLOCK_LINES = 4  # short lines in a row repeated right after themselves that go as one block
_HEADING_WORDS = 12  # a contained part shorter than this needs a neighbour from the same source
_DATA_GAP = 16  # paragraphs searched beyond the last that shares keys with structured data
_DATA_REACH = 2048  # paragraphs searched on either side of structured data, at most
_STATEMENT_ENDS = tuple(".!?…。！？।۔؟") + tuple(end + quote for end in ".!?" for quote in "\"'”’»")
_ELLIPSES = ("…", "...", "[…]", "[...]")  # a teaser cut off mid-sentence ends with one


def _best_linked(
    candidates: Mapping[_Ref, tuple[int, str]], limit: int
) -> Mapping[_Ref, tuple[int, str]]:
    """The ``limit`` candidates sharing the most keys (the first of equals), in their order."""
    if len(candidates) <= limit:
        return candidates
    best = set(sorted(candidates, key=lambda ref: -candidates[ref][0])[:limit])
    return {ref: value for ref, value in candidates.items() if ref in best}


def _around_best(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """At most :data:`_MAX_WINDOW` paragraphs of ``run``, around the one sharing most keys."""
    if len(run) <= _MAX_WINDOW:
        return run
    best = max(range(len(run)), key=lambda n: (run[n][1], -n))
    start = min(max(0, best - _MAX_WINDOW // 2), len(run) - _MAX_WINDOW)
    return run[start : start + _MAX_WINDOW]


def _reach(m: int, related: set[int], n: int) -> tuple[int, int]:
    """The paragraphs ``[lo, hi)`` around ``m`` out to the last of ``related`` on either side
    that is at most :data:`_MAX_PASSED` paragraphs from the one before (a list of short lines,
    which share no keys, may stand between them), and :data:`_DATA_GAP` beyond (a title); at
    most :data:`_DATA_REACH` on either side.

    >>> _reach(10, {3, 12, 74, 200}, 300)
    (0, 91)
    """
    ordered = sorted(related)
    at = bisect_right(ordered, m)
    hi = m
    for k in ordered[at:]:
        if k - hi > _MAX_PASSED:
            break
        hi = k
    lo = m
    for k in reversed(ordered[:at]):
        if lo - k > _MAX_PASSED:
            break
        lo = k
    return max(0, lo - _DATA_GAP, m - _DATA_REACH), min(n, hi + _DATA_GAP + 1, m + _DATA_REACH + 1)


def _paragraphs(indices: Sequence[int]) -> str:
    return (
        "paragraph " + str(indices[0])
        if len(indices) == 1
        else "paragraphs " + ", ".join(map(str, indices))
    )
