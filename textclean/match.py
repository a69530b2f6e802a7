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

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from textclean.boilerplate import BoilerplateMatcher
from textclean.fingerprint import ParagraphPrint
from textclean.options import DedupeOptions
from textclean.results import DocumentMatch, Duplicate

__all__ = ["IndexedParagraph", "Matching", "Prior", "match_paragraphs"]

_MAX_WINDOW = 12  # candidates joined to judge containment


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
    prints: Sequence[ParagraphPrint],
    options: DedupeOptions,
    *,
    prior: Prior | None = None,
    boilerplate: BoilerplateMatcher | None = None,
) -> Matching:
    """Match paragraphs against each other and against ``prior`` (earlier documents).

    ``texts`` are the paragraphs' real texts (for boilerplate patterns and ``keep="longest"``),
    ``prints`` their fingerprints, in the same order.
    """
    return _DocumentMatcher(texts, prints, options, prior or Prior(), boilerplate).run()


class _DocumentMatcher:
    """The state of matching one document: its kept paragraphs, filed under their keys."""

    def __init__(
        self,
        texts: Sequence[str],
        prints: Sequence[ParagraphPrint],
        options: DedupeOptions,
        prior: Prior,
        boilerplate: BoilerplateMatcher | None,
    ) -> None:
        self.texts = texts
        self.prints = prints
        self.options = options
        self.prior = prior
        self.boilerplate = boilerplate
        self.exact: dict[int, int] = {}
        self.postings: dict[int, list[int]] = {}
        self.found: dict[int, Duplicate] = {}
        self.live: set[int] = set()

    def run(self) -> Matching:
        # Only keys that occur twice in this document, or in earlier documents, can match: the
        # others are neither filed nor looked up, so a document without repeats costs little.
        counts = Counter(key for fp in self.prints for key in fp.keys())
        self.live = {key for key, n in counts.items() if n > 1}
        self.live.update(self.prior.postings)
        short_repeats: dict[int, int] = {}
        for i, fp in enumerate(self.prints):
            dup = self._match(i, fp)
            if dup is not None:
                self.found[i] = dup
            elif fp.canonical:
                if fp.exact in self.exact:  # a short repeat, kept for now
                    short_repeats[i] = self.exact[fp.exact]
                self._add(i, fp)
        self._short_repeats_in_runs(short_repeats)
        if self.options.keep == "longest":
            self._prefer_longest()
        duplicates = tuple(self.found[i] for i in sorted(self.found))
        kept = tuple(i for i in range(len(self.prints)) if i not in self.found)
        return Matching(duplicates, kept, self._document_match())

    def _add(self, i: int, fp: ParagraphPrint) -> None:
        live = self.live
        if fp.exact in live:
            self.exact.setdefault(fp.exact, i)
        for key in (*fp.sentences, *fp.bands):
            if key in live:
                self.postings.setdefault(key, []).append(i)

    def _match(self, i: int, fp: ParagraphPrint) -> Duplicate | None:
        if self.boilerplate is not None:
            pattern = self.boilerplate.match(self.texts[i])
            if pattern is not None:
                return Duplicate(i, None, "boilerplate", 1.0, f"boilerplate pattern {pattern!r}")
        if not fp.canonical or self.live.isdisjoint(fp.keys()):
            return None
        if fp.exact in self.prior.boilerplate:
            return Duplicate(i, None, "boilerplate", 1.0, "seen in many documents of this source")
        short = fp.words < self.options.short_words
        if short and not self.options.remove_short_repeats:
            return None
        j = self.exact.get(fp.exact)
        if j is not None and self.prints[j].canonical == fp.canonical:
            return Duplicate(i, j, "exact", 1.0, "same canonical text", (j,))
        for entry in self.prior.postings.get(fp.exact, ()):
            if entry.canonical == fp.canonical:
                return Duplicate(
                    i, entry.paragraph, "exact", 1.0, "same canonical text",
                    (entry.paragraph,), entry.doc_id,
                )  # fmt: skip
        if short:
            return None
        candidates = self._candidates(fp)
        return self._near(i, fp, candidates) or self._contained(i, fp, candidates)

    def _candidates(self, fp: ParagraphPrint) -> dict[_Ref, tuple[int, str]]:
        """Paragraphs sharing a sentence or band key with ``fp``: shared-key count and text."""
        found: dict[_Ref, tuple[int, str]] = {}
        for key in (*fp.sentences, *fp.bands):
            for j in self.postings.get(key, ()):
                count, canon = found.get((None, j), (0, self.prints[j].canonical))
                found[(None, j)] = (count + 1, canon)
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
        for ref, (_, canon) in candidates.items():
            score = fuzz.ratio(fp.canonical, canon, score_cutoff=cutoff)
            if score and (best is None or score > best[0]):
                best = (score, ref)
        if best is None:
            return None
        score, (doc_id, j) = best
        return Duplicate(
            i, j, "near", score / 100, f"ratio {score / 100:.3f} >= {self.options.threshold}",
            (j,), doc_id,
        )  # fmt: skip

    def _contained(
        self, i: int, fp: ParagraphPrint, candidates: Mapping[_Ref, tuple[int, str]]
    ) -> Duplicate | None:
        """Whether ``fp``'s words appear, in order, in candidates of one document together."""
        by_doc: dict[str | None, list[tuple[int, int, str]]] = {}
        for (doc_id, j), (count, canon) in candidates.items():
            by_doc.setdefault(doc_id, []).append((j, count, canon))
        words = fp.canonical.split(" ")
        need = self.options.containment * len(words)
        for doc_id, found in sorted(by_doc.items(), key=lambda item: item[0] is not None):
            window = sorted(sorted(found, key=lambda c: -c[1])[:_MAX_WINDOW])
            covered = LCSseq.similarity(
                words, " ".join(c[2] for c in window).split(" "), score_cutoff=int(need) or 1
            )
            if covered and covered >= need:
                originals = tuple(j for j, _, _ in window)
                original = max(window, key=lambda c: (c[1], -c[0]))[0]
                share = covered / len(words)
                return Duplicate(
                    i, original, "contained", share,
                    f"{share:.0%} of its words appear in order in {_paragraphs(originals)}",
                    originals, doc_id,
                )  # fmt: skip
        return None

    def _short_repeats_in_runs(self, short_repeats: Mapping[int, int]) -> None:
        """Remove short repeats whose neighbour repeats the neighbour of their first copy."""

        def aligned(neighbour: int, step: int, j: int) -> bool:
            dup = self.found.get(neighbour)
            return (
                dup is not None
                and dup.doc_id is None
                and dup.kind in ("exact", "near", "contained")
                and any(o + step == j for o in dup.originals)
            )

        for order, step in ((sorted(short_repeats), 1), (sorted(short_repeats, reverse=True), -1)):
            for i in order:
                j = short_repeats[i]
                if i not in self.found and aligned(i - step, step, j):
                    self.found[i] = Duplicate(
                        i, j, "exact", 1.0, "short repeat inside a repeated run", (j,)
                    )

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
        a, b = self.prints[k].canonical, self.prints[winner].canonical
        if a == b:
            return Duplicate(k, winner, "exact", 1.0, "same canonical text (longest kept)", (winner,))
        score = fuzz.ratio(a, b) / 100
        return Duplicate(k, winner, "near", score, f"ratio {score:.3f} (longest kept)", (winner,))

    def _document_match(self) -> DocumentMatch | None:
        """The earlier document holding most of this one, if it holds most of it."""
        total = sum(len(p.canonical) for p in self.prints)
        if not total:
            return None
        per_doc: dict[str, int] = {}
        for dup in self.found.values():
            if dup.doc_id is not None:
                per_doc[dup.doc_id] = per_doc.get(dup.doc_id, 0) + len(
                    self.prints[dup.index].canonical
                )
        if not per_doc:
            return None
        doc_id, chars = max(per_doc.items(), key=lambda item: (item[1], item[0]))
        return DocumentMatch(doc_id, chars / total)


def _paragraphs(indices: Sequence[int]) -> str:
    return "paragraph " + str(indices[0]) if len(indices) == 1 else "paragraphs " + ", ".join(
        map(str, indices)
    )
