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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq, Opcodes

from textclean.boilerplate import BoilerplateMatcher
from textclean.fingerprint import DocumentPrint, ParagraphPrint
from textclean.options import DedupeOptions
from textclean.results import DocumentMatch, Duplicate

__all__ = ["IndexedParagraph", "Matching", "Prior", "match_paragraphs"]

_MAX_WINDOW = 12  # candidates joined to judge containment
_MIN_RUN = 3  # words in a row that count as found (single common words match by chance)


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


class _DocumentMatcher:
    """The state of matching one document: its kept paragraphs, filed under their keys."""

    def __init__(
        self,
        texts: Sequence[str],
        document: DocumentPrint,
        options: DedupeOptions,
        prior: Prior,
        boilerplate: BoilerplateMatcher | None,
    ) -> None:
        self.texts = texts
        self.prints = document.paragraphs
        self.options = options
        self.prior = prior
        self.boilerplate = boilerplate
        self.exact: dict[int, int] = {}
        self.postings: dict[int, list[int]] = {}
        self.found: dict[int, Duplicate] = {}
        # Only keys held twice in this document, or by earlier documents, can match: the others
        # are neither filed nor looked up.
        self.live = set(document.repeated)
        self.live.update(prior.postings)
        self.live.update(prior.boilerplate)
        # Fuzzy matches whose differences do not look like small edits: they stand only if a
        # neighbour repeats the neighbour of their original (they sit inside a repeated run).
        self.pending: dict[int, Duplicate] = {}

    def run(self) -> Matching:
        short_repeats: dict[int, int] = {}
        live = self.live
        for i, fp in enumerate(self.prints):
            if live.isdisjoint(fp.keys()):  # nothing can match it, nothing will match it
                dup = self._boilerplate_line(i)
                if dup is not None:
                    self.found[i] = dup
                continue
            dup = self._match(i, fp)
            if dup is not None:
                self.found[i] = dup
            elif i in self.pending:
                continue
            elif fp.canonical:
                if fp.exact in self.exact:  # a short repeat, kept for now
                    short_repeats[i] = self.exact[fp.exact]
                self._add(i, fp)
        self._confirm_in_runs(self.pending, self.found, chain=False)
        self._confirm_in_runs(
            {i: Duplicate(i, j, "exact", 1.0, "short repeat inside a repeated run", (j,))
             for i, j in short_repeats.items()},
            self.found,
            chain=True,
        )  # fmt: skip
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

    def _boilerplate_line(self, i: int) -> Duplicate | None:
        if self.boilerplate is None:
            return None
        pattern = self.boilerplate.match(self.texts[i])
        if pattern is None:
            return None
        return Duplicate(i, None, "boilerplate", 1.0, f"boilerplate pattern {pattern!r}")

    def _match(self, i: int, fp: ParagraphPrint) -> Duplicate | None:
        dup = self._boilerplate_line(i)
        if dup is not None or not fp.canonical:
            return dup
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
        dup = Duplicate(
            i, j, "near", score / 100, f"ratio {score / 100:.3f} >= {self.options.threshold}",
            (j,), doc_id,
        )  # fmt: skip
        return self._unless_pending(dup, fp.canonical.split(" "), candidates[best[1]][1])

    def _contained(
        self, i: int, fp: ParagraphPrint, candidates: Mapping[_Ref, tuple[int, str]]
    ) -> Duplicate | None:
        """Whether ``fp``'s words appear, in runs and in order, in candidates of one document."""
        by_doc: dict[str | None, list[tuple[int, int, str]]] = {}
        for (doc_id, j), (count, canon) in candidates.items():
            by_doc.setdefault(doc_id, []).append((j, count, canon))
        words = fp.canonical.split(" ")
        need = self.options.containment * len(words)
        for doc_id, found in sorted(by_doc.items(), key=lambda item: item[0] is not None):
            window = sorted(sorted(found, key=lambda c: -c[1])[:_MAX_WINDOW])
            other = " ".join(c[2] for c in window).split(" ")
            # The LCS bounds the coverage from above and is cheap; runs are counted only if
            # it can reach the bar.
            if LCSseq.similarity(words, other, score_cutoff=max(1, int(need))) < need:
                continue
            ops = Indel.opcodes(words, other)
            covered = sum(
                op.src_end - op.src_start
                for op in ops
                if op.tag == "equal" and op.src_end - op.src_start >= _MIN_RUN
            )
            if covered < need:
                continue
            originals = tuple(j for j, _, _ in window)
            original = max(window, key=lambda c: (c[1], -c[0]))[0]
            share = covered / len(words)
            dup = Duplicate(
                i, original, "contained", share,
                f"{share:.0%} of its words appear in order in {_paragraphs(originals)}",
                originals, doc_id,
            )  # fmt: skip
            return self._unless_pending(dup, words, " ".join(other), ops)
        return None

    def _unless_pending(
        self, dup: Duplicate, words: list[str], other: str, ops: Opcodes | None = None
    ) -> Duplicate | None:
        """``dup`` if what it has that ``other`` lacks is a small edit; else hold it as pending."""
        if dup.similarity < 1.0 and not _only_small_edits(words, other.split(" "), ops):
            self.pending[dup.index] = replace(dup, rule=dup.rule + ", inside a repeated run")
            return None
        return dup

    @staticmethod
    def _confirm_in_runs(
        candidates: Mapping[int, Duplicate], found: dict[int, Duplicate], *, chain: bool
    ) -> None:
        """Move to ``found`` the candidates whose neighbour repeats their original's neighbour.

        With ``chain``, confirmed candidates confirm their own neighbours in turn, so a run of
        candidates next to a duplicate is confirmed whole; without it, only candidates right next
        to a duplicate found before are (a table whose rows all differ a little stays). The others
        stay kept.
        """
        anchors = found if chain else dict(found)
        waiting = dict(candidates)
        changed = True
        while waiting and changed:
            changed = False
            for i in sorted(waiting):
                dup = waiting[i]
                if _follows(anchors.get(i - 1), dup, 1) or _follows(anchors.get(i + 1), dup, -1):
                    found[i] = waiting.pop(i)
                    changed = True

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


def _follows(neighbour: Duplicate | None, dup: Duplicate, step: int) -> bool:
    """Whether ``neighbour`` (``step`` before ``dup``) repeats the paragraph ``step`` before
    ``dup``'s original, in the same document."""
    if neighbour is None or neighbour.kind == "boilerplate" or neighbour.doc_id != dup.doc_id:
        return False
    return any(o + step in dup.originals for o in neighbour.originals)


_AFFIX_WORDS = 4  # a dateline or credit added at either end
_TYPO_SIMILARITY = 0.8  # a corrected word is still this similar to the original


def _only_small_edits(words: list[str], other: list[str], ops: Opcodes | None = None) -> bool:
    """Whether every word of ``words`` missing from ``other`` is a small edit.

    Small edits are a few words at either end (a dateline, "AP") and single words replaced by a
    similar one (a typo fixed). Changed numbers or names are not: distinct paragraphs that share a
    template differ exactly there.

    >>> _only_small_edits("washington ap the senate voted".split(), "the senate voted".split())
    True
    >>> _only_small_edits("the senate voted today".split(), "the senat voted today".split())
    True
    >>> _only_small_edits("the 3rd annual boston summit".split(), "the 2nd annual denver summit".split())
    False
    >>> _only_small_edits("acme labs builds apps".split(), "the app team builds apps".split())
    False
    """
    if ops is None:
        ops = Indel.opcodes(words, other)
    for n, op in enumerate(ops):
        if op.tag != "delete":
            continue
        length = op.src_end - op.src_start
        at_end = op.src_start == 0 or op.src_end == len(words)
        if at_end and length <= _AFFIX_WORDS and not _beside_insert(ops, n):
            continue
        if length == 1 and _replaced_by_similar(words[op.src_start], ops, n, other):
            continue
        return False
    return True


def _beside_insert(ops: Opcodes, n: int) -> bool:
    """Whether the deletion ``ops[n]`` is half of a replacement (an insertion beside it)."""
    return any(0 <= m < len(ops) and ops[m].tag == "insert" for m in (n - 1, n + 1))


def _replaced_by_similar(word: str, ops: Opcodes, n: int, other: list[str]) -> bool:
    for m in (n - 1, n + 1):
        if 0 <= m < len(ops) and ops[m].tag == "insert" and ops[m].dest_end - ops[m].dest_start == 1:
            if fuzz.ratio(word, other[ops[m].dest_start]) >= _TYPO_SIMILARITY * 100:
                return True
    return False


def _paragraphs(indices: Sequence[int]) -> str:
    return "paragraph " + str(indices[0]) if len(indices) == 1 else "paragraphs " + ", ".join(
        map(str, indices)
    )
