"""Which paragraphs of a document share keys: the candidate pairs, found in bulk with NumPy."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from textclean.canonical import without_addresses
from textclean.fingerprint import DocumentPrint, exact_key, key_order
from textclean.match.model import Candidates, IndexedParagraph, Ref

__all__ = [
    "COMMON_HOLDERS",
    "COMMON_POSTINGS",
    "MAX_HOLDERS",
    "Links",
    "address_free_keys",
    "best_linked",
    "counts_alike",
    "indexed_links",
    "shared_keys",
]

MAX_HOLDERS = 64  # a key held by more paragraphs links each only to the first ones
COMMON_HOLDERS = 8
"""A sentence, head or tail key held by more paragraphs than this is *common*: a running head, a
credit or a "Click here" sentence in every paragraph of a page. Two paragraphs long enough for
band keys that share only common keys are not paired, unless one may be part of the other: if
one repeated the other they would share band keys or keys of their own, and verifying every such
pair costs the square of their number (a page of 1,000 listings, each ending with the same
sentence). Exact keys, band keys and short paragraphs (which only head and tail keys link) pair
as before. Each text counts once; :func:`~textclean.match.match_paragraphs` counts again among
the paragraphs that stay, until the count settles."""

COMMON_POSTINGS = 64
"""Across documents, a key filed for this many indexed paragraphs (as many as a store keeps for
one key) is common: a site's closing sentence, or a band of shingles that such a sentence fills
by itself in short paragraphs. Indexed paragraphs that share only common keys with a paragraph
are not its candidates, unless every sentence of it is among those keys (see
:func:`indexed_links`)."""


@dataclass(frozen=True, slots=True)
class Links:
    """Pairs of paragraphs that share keys: the paragraphs before ``i`` sharing a key with it
    are ``earlier[bounds[i]:bounds[i + 1]]``, in order, and ``shared`` says how many keys each
    pair shares. ``common`` is true when some pairs were left out for sharing only common keys
    (:data:`COMMON_HOLDERS`)."""

    bounds: list[int]
    earlier: list[int]
    shared: list[int]
    common: bool = False

    def before(self, i: int, removed: Collection[int] = ()) -> dict[int, int]:
        """The paragraphs before ``i`` that share keys with it (but ``removed``), and how many
        keys each shares."""
        earlier, shared = self.earlier, self.shared
        return {
            earlier[t]: shared[t]
            for t in range(self.bounds[i], self.bounds[i + 1])
            if earlier[t] not in removed
        }

    def after(self, removed: Collection[int], limit: int) -> dict[int, dict[int, int]]:
        """For each paragraph, the first ``limit`` later ones (but ``removed``) that share keys
        with it, and how many keys each shares."""
        bounds, earlier, shared = self.bounds, self.earlier, self.shared
        later: dict[int, dict[int, int]] = {}
        for i in range(len(bounds) - 1):
            if bounds[i] == bounds[i + 1] or i in removed:
                continue
            for t in range(bounds[i], bounds[i + 1]):
                linked = later.setdefault(earlier[t], {})
                if len(linked) < limit:
                    linked[i] = shared[t]
        return later

    def pairs(self) -> list[tuple[int, int, int]]:
        """Every pair ``(later, earlier, keys shared)``, in order."""
        bounds = self.bounds
        return [
            (i, self.earlier[t], self.shared[t])
            for i in range(len(bounds) - 1)
            for t in range(bounds[i], bounds[i + 1])
        ]


def shared_keys(document: DocumentPrint, counted: Collection[int] | None = None) -> Links:
    """Pairs of paragraphs of ``document`` that share keys, found by sorting the keys.

    A key held by many paragraphs pairs each with the first :data:`MAX_HOLDERS` only, and
    common keys pair fewer (:data:`COMMON_HOLDERS`). The holders of a key that count towards
    making it common are those of ``counted`` (all paragraphs by default), each text once: a
    paragraph repeated word for word goes, so its copies do not make its sentences common.
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
        return Links([0] * (n + 1), [], [])
    owners = np.concatenate([document.owners, document.link_owners])[order]
    position = np.arange(size, dtype=np.int64)
    starts = np.maximum.accumulate(np.where(new, position, 0))
    rank = np.minimum(position - starts, MAX_HOLDERS)  # holders of the same key before this one
    total = int(rank.sum())
    later = owners.repeat(rank)
    offsets = np.arange(total, dtype=np.int64) - (rank.cumsum() - rank).repeat(rank)
    earlier = owners[starts.repeat(rank) + offsets]
    distinct = earlier != later
    codes = later[distinct] * n + earlier[distinct]
    flags = _common(document, order, new, owners, counted)
    if flags is None:
        pairs, shared = np.unique(codes, return_counts=True)
    else:
        pairs, inverse, shared = np.unique(codes, return_inverse=True, return_counts=True)
        pairs, shared = _without_common_pairs(
            document, pairs, shared, inverse.ravel(), [f.repeat(rank)[distinct] for f in flags]
        )
    bounds = (pairs // n).searchsorted(np.arange(n + 1))
    return Links(bounds.tolist(), (pairs % n).tolist(), shared.tolist(), flags is not None)


def counts_alike(
    document: DocumentPrint, counted: Collection[int] | None, other: Collection[int]
) -> bool:
    """Whether :func:`shared_keys` counts the same holders among ``other`` as among ``counted``
    (the first paragraph of each text among them), and so finds the same links."""
    return bool(np.array_equal(_distinct(document, counted), _distinct(document, other)))


def _distinct(document: DocumentPrint, counted: Collection[int] | None) -> npt.NDArray[np.bool_]:
    """Which paragraphs count as holders: the first of each canonical text among ``counted``."""
    first: dict[int, int] = {}
    exact = document.exact
    for i in range(len(document)) if counted is None else sorted(counted):
        first.setdefault(exact[i], i)
    mask = np.zeros(len(document), dtype=np.bool_)
    mask[list(first.values())] = True
    return mask


def indexed_links(
    sentences: Sequence[int],
    bands: Sequence[int],
    postings: Mapping[int, Sequence[IndexedParagraph]],
) -> dict[Ref, tuple[int, str]]:
    """The indexed paragraphs filed under a paragraph's sentence and band keys: how many of its
    keys each holds, and its canonical text. Those holding only common keys
    (:data:`COMMON_POSTINGS`) are left out, unless the paragraph has sentence keys and they
    hold every one (it may be a part of theirs).

    >>> entry = IndexedParagraph("a", 0, "some text")
    >>> indexed_links([7], [9], {7: [entry], 9: [entry]})
    {('a', 0): (2, 'some text')}
    >>> crowd = [IndexedParagraph(str(d), 0, "t") for d in range(COMMON_POSTINGS)]
    >>> len(indexed_links([7, 8], [], {7: crowd})), len(indexed_links([7], [], {7: crowd}))
    (0, 64)
    """
    found: dict[Ref, tuple[int, str]] = {}
    only_common: set[Ref] = set()  # candidates met through common keys alone so far
    sentence_hits: dict[Ref, int] = {}  # ... and how many sentence keys of this one they hold
    for n, key in enumerate((*sentences, *bands)):
        entries = postings.get(key, ())
        common = len(entries) >= COMMON_POSTINGS
        for entry in entries:
            ref: Ref = (entry.doc_id, entry.paragraph)
            known = found.get(ref)
            found[ref] = (1, entry.canonical) if known is None else (known[0] + 1, known[1])
            if not common:
                only_common.discard(ref)
            elif known is None:
                only_common.add(ref)
            if n < len(sentences) and ref in only_common:
                sentence_hits[ref] = sentence_hits.get(ref, 0) + 1
    for ref in only_common:
        if sentence_hits.get(ref, 0) < len(sentences) or not sentences:
            del found[ref]
    return found


def address_free_keys(canonical: Sequence[str]) -> dict[int, int]:
    """For each paragraph that holds web addresses (:func:`~textclean.canonical.is_address`),
    the exact key of its text without them: a copy that prints each link after its words
    shares no key with the indexed paragraph when the address stands inside its only sentence,
    but this one is that paragraph's exact key. Looked up, never filed.

    >>> keys = address_free_keys(["the bridge 0examplecomb1 opened today", "no link here"])
    >>> list(keys), keys[0] == exact_key("the bridge opened today")
    ([0], True)
    """
    keys: dict[int, int] = {}
    for i, text in enumerate(canonical):
        plain = without_addresses(text)
        if plain:
            keys[i] = exact_key(plain)
    return keys


def _common(
    document: DocumentPrint,
    order: npt.NDArray[np.int64],
    new: npt.NDArray[np.bool_],
    owners: npt.NDArray[np.int64],
    counted: Collection[int] | None,
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]] | None:
    """For each key in sorted order (``order`` its position among the document's keys, then its
    head and tail keys; ``new`` where each key starts; ``owners`` the paragraph holding it),
    whether it is common (more than :data:`COMMON_HOLDERS` of the ``counted`` paragraphs,
    each text once, hold it) and whether it is a sentence key; ``None`` when none is common."""
    starts = new.nonzero()[0]
    sizes = np.diff(starts, append=new.size)
    if sizes.max() <= COMMON_HOLDERS:
        return None
    holders = np.add.reduceat(_distinct(document, counted)[owners].astype(np.int64), starts)
    sentences = document.sentence_keys
    sentence = (order >= sentences.start) & (order < sentences.stop)
    common = (sentence | (order >= document.keys.size)) & (holders.repeat(sizes) > COMMON_HOLDERS)
    return (common, sentence) if common.any() else None


def _without_common_pairs(
    document: DocumentPrint,
    pairs: npt.NDArray[np.int64],
    shared: npt.NDArray[np.int64],
    inverse: npt.NDArray[np.int64],
    flags: list[npt.NDArray[np.bool_]],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """``pairs`` (``later * n + earlier``) and the keys each shares, less the pairs of
    paragraphs long enough for band keys that share only common keys, unless one of the two may
    be part of the other (a split copy, maybe edited): the keys they share hold every sentence
    key it has, or it is one sentence at most and half as long as the other at most (a sentence
    of it, edited).

    ``inverse`` gives the pair of each shared key, and ``flags`` whether that key is common and
    whether it is a sentence key."""
    n = len(document)
    common, sentence = (np.bincount(inverse, weights=flag, minlength=pairs.size) for flag in flags)
    later, earlier = pairs // n, pairs % n
    banded = np.zeros(n, dtype=np.bool_)
    banded[document.band_owners] = True
    sentences = document.sentence_keys
    count = np.bincount(document.owners[sentences.start : sentences.stop], minlength=n)
    lengths = np.fromiter(map(len, document.canonical), np.int64, n)
    a, b = lengths[later], lengths[earlier]
    whole = (sentence >= count[later]) | (sentence >= count[earlier])
    sentence_of_shorter = (np.where(a <= b, count[later], count[earlier]) <= 1) & (
        2 * np.minimum(a, b) <= np.maximum(a, b)
    )
    keep = (common < shared) | ~(banded[later] & banded[earlier]) | whole | sentence_of_shorter
    return pairs[keep], shared[keep]


def best_linked(candidates: Candidates, limit: int) -> Candidates:
    """The ``limit`` candidates sharing the most keys (the first of equals), in their order."""
    if len(candidates) <= limit:
        return candidates
    # All that share more keys than the ``limit``-th best, then the first that share as many.
    counts = sorted([count for count, _ in candidates.values()], reverse=True)
    least = counts[limit - 1]
    room = limit - counts.index(least)
    best: dict[Ref, tuple[int, str]] = {}
    for ref, value in candidates.items():
        if value[0] > least:
            best[ref] = value
        elif value[0] == least and room:
            best[ref] = value
            room -= 1
    return best
