"""Fingerprints: every hash textclean computes or stores is chosen here.

Three kinds of 63-bit integer keys describe a paragraph's canonical text:

* the **exact key**, a BLAKE2b hash of the whole canonical text;
* **sentence keys**, BLAKE2b hashes of its longer canonical sentences (they find copies whose
  paragraph breaks moved);
* **band keys**, from a MinHash signature over character shingles, cut into LSH bands: two
  paragraphs whose shingle sets have Jaccard similarity *J* share at least one band key with
  probability ``1 - (1 - J**rows) ** bands``.

The signature is a *one-permutation* MinHash (Li, Owen & Zhang, 2012) with optimal densification
(Shrivastava, 2017): each shingle is hashed once, the hash chooses one of ``num_perm`` bins and
each bin keeps its minimum; an empty bin borrows from a full bin chosen by a fixed random probe
sequence (its own for every bin), so that the rows of one LSH band borrow from different bins and
short texts do not collide on a whole band by sharing one shingle. After :data:`PROBES` misses a
bin borrows from the next full one to its right. That costs one hash per shingle instead of
``num_perm``, and it is computed for a whole document at once with NumPy.

All hashes are defined arithmetically (polynomial rolling hash, SplitMix64 finaliser, BLAKE2b), so
they are identical across processes, platforms and Python versions; Python's randomised ``hash()``
is never used. :func:`reference_signature` is a plain-Python transcription of the NumPy code that
the tests compare against.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from textclean.canonical import CANONICAL_VERSION, canonical_paragraphs, word_count

__all__ = [
    "EDGE_WORDS",
    "MIN_SENTENCE_WORDS",
    "PROBES",
    "DocumentPrint",
    "FingerprintSettings",
    "ParagraphPrint",
    "band_keys",
    "exact_key",
    "fingerprint_paragraphs",
    "key_order",
    "reference_signature",
    "sentence_key",
    "signatures",
]

U64 = npt.NDArray[np.uint64]

_MASK64 = (1 << 64) - 1
_KEY_MASK = (1 << 63) - 1  # keys fit SQLite's signed INTEGER
_BASE = 0x100000001B3  # multiplier of the rolling polynomial hash (the FNV prime)
_ROT = 0x9E3779B97F4A7C15  # added per densification probe or step (golden ratio)
_PROBE_MUL = 0xC2B2AE3D27D4EB4F
PROBES = 8
"""Random probes an empty bin makes for a full one before it takes the next full bin."""
_BAND_MUL = 0xD6E8FEB86659FD93
_EMPTY = _MASK64
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_EXACT_TAG = 0x243F6A8885A308D3  # key spaces (digits of pi)
_SENTENCE_TAG = 0x13198A2E03707344
_HEAD_TAG = 0xA4093822299F31D0
_TAIL_TAG = 0x082EFA98EC4E6C89


@dataclass(frozen=True, slots=True)
class FingerprintSettings:
    """How paragraphs are fingerprinted. An index records these and refuses others.

    Attributes:
        shingle_size: characters per shingle of the canonical text (default 5). Shorter shingles
            make unrelated paragraphs look alike; longer ones make small edits cost more.
        num_perm: MinHash signature length (default 64).
        bands: LSH bands; ``num_perm`` must be a multiple (default 16, so 4 rows a band: pairs
            with Jaccard 0.7 become candidates 99% of the time, pairs at 0.2 about 2.5%).
        seed: varies every hash function (default 1).

    >>> FingerprintSettings().rows
    4
    >>> FingerprintSettings(num_perm=10, bands=3)
    Traceback (most recent call last):
    ...
    ValueError: num_perm (10) must be a multiple of bands (3)
    """

    shingle_size: int = 5
    num_perm: int = 64
    bands: int = 16
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("shingle_size", "num_perm", "bands"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if not 1 <= self.num_perm <= 1024:
            raise ValueError(f"num_perm must be between 1 and 1024, got {self.num_perm}")
        if self.num_perm % self.bands:
            raise ValueError(
                f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})"
            )
        if not isinstance(self.seed, int) or not 0 <= self.seed < 2**32:
            raise ValueError(f"seed must be an integer in [0, 2**32), got {self.seed!r}")

    @property
    def rows(self) -> int:
        """Signature values per band."""
        return self.num_perm // self.bands

    def describe(self) -> str:
        """A stable string naming these settings and the version of the canonical form they
        hash (stored in an index's metadata).

        >>> FingerprintSettings().describe()
        'oph-v2 canon-18 shingle=5 num_perm=64 bands=16 seed=1'
        """
        return (
            f"oph-v2 canon-{CANONICAL_VERSION} shingle={self.shingle_size} "
            f"num_perm={self.num_perm} bands={self.bands} seed={self.seed}"
        )


_MIX = tuple(map(np.uint64, (30, 0xBF58476D1CE4E5B9, 27, 0x94D049BB133111EB, 31)))


def _mix(h: U64) -> U64:
    """SplitMix64 finaliser, in place on a uint64 array."""
    s1, m1, s2, m2, s3 = _MIX
    h ^= h >> s1
    h *= m1
    h ^= h >> s2
    h *= m2
    h ^= h >> s3
    return h


def _mix_int(h: int) -> int:
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & _MASK64
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & _MASK64
    return h ^ (h >> 31)


def _seed_offset(settings: FingerprintSettings) -> int:
    return _mix_int((settings.seed * _ROT) & _MASK64)


_BLOCK = 1024  # powers of the base are tabulated per block of this many exponents


def _power_table(base: int, step: int = 1) -> U64:
    """``base ** (step * j)`` for ``j <= _BLOCK``, read-only."""
    table = np.full(_BLOCK + 1, pow(base, step, 1 << 64), dtype=np.uint64)
    table[0] = 1
    table = np.cumprod(table)
    table.flags.writeable = False
    return table


# (base ** j, base ** (_BLOCK * j)) for j <= _BLOCK, and the same for the inverse base: every
# exponent below _BLOCK ** 2 (a million code points) is one product of two table entries.
_POWERS = (_power_table(_BASE), _power_table(_BASE, _BLOCK))
_INVERSE_POWERS = (_power_table(_BASE_INVERSE), _power_table(_BASE_INVERSE, _BLOCK))


def _powers(tables: tuple[U64, U64], exponents: npt.NDArray[np.int64]) -> U64:
    """``base ** e`` for each exponent, from a pair of :func:`_power_table` tables."""
    small, big = tables
    blocks = int(exponents.max(initial=0)) // _BLOCK + 1
    if blocks > _BLOCK:  # beyond the table: base ** (_BLOCK * q) by running product
        steps = np.full(blocks, big[1], dtype=np.uint64)
        steps[0] = 1
        big = np.cumprod(steps)
    powers: U64 = big[exponents // _BLOCK] * small[exponents % _BLOCK]
    return powers


class _Concatenation:
    """Texts laid end to end as code points, with prefix hashes for any substring.

    The polynomial hash of ``s`` is ``sum(ord(s[t]) * BASE**t) mod 2**64``; with the prefix sums
    ``G[i] = hash(text[:i])`` the hash of ``text[a:b]`` is ``(G[b] - G[a]) * BASE**-a`` (BASE is
    odd, hence invertible modulo 2**64), so every substring hash costs a few array operations.
    """

    def __init__(self, texts: Sequence[str], joined: str | bytes | None = None) -> None:
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.lengths = lengths
        self.starts = lengths.cumsum() - lengths
        if isinstance(joined, bytes):  # ASCII: the bytes are the code points
            codes = np.frombuffer(joined, dtype=np.uint8).astype(np.uint64)
        else:
            codes = np.frombuffer(
                ("".join(texts) if joined is None else joined).encode("utf-32-le", "surrogatepass"),
                dtype=np.uint32,
            ).astype(np.uint64)
        # Sentence ends marked with U+0002 in ``joined`` are spaces in the texts.
        self.breaks = (codes == 2).nonzero()[0] if joined is not None else np.empty(0, np.int64)
        codes[self.breaks] = 32
        self.codes = codes
        n = codes.size
        # Powers 0..n-1 block by block: one product per code point, no running product.
        blocks = n // _BLOCK + 1
        first = (  # base ** (_BLOCK * j) for each block j
            _POWERS[1][:blocks] if blocks <= _BLOCK
            else _powers(_POWERS, np.arange(blocks, dtype=np.int64) * _BLOCK)
        )  # fmt: skip
        flat = np.multiply.outer(first, _POWERS[0][:_BLOCK]).reshape(-1)[:n]
        flat *= codes
        self._prefix = np.zeros(n + 1, dtype=np.uint64)
        flat.cumsum(out=self._prefix[1:])

    def sentences(
        self,
    ) -> tuple[npt.NDArray[np.int64], ...]:
        """Every non-empty sentence, in order: start and end offsets, words, the text holding
        it, and the index of its first word within that text."""
        ends_of_texts = self.starts + self.lengths
        starts = np.sort(np.concatenate([self.starts, self.breaks + 1]))
        ends = np.sort(np.concatenate([ends_of_texts, self.breaks]))
        keep = ends > starts
        starts, ends = starts[keep], ends[keep]
        spaces = np.zeros(self.codes.size + 1, dtype=np.int64)
        (self.codes == 32).cumsum(out=spaces[1:])
        owners = self.starts.searchsorted(starts, side="right") - 1
        first_word = spaces[starts] - spaces[self.starts[owners]]
        return starts, ends, spaces[ends] - spaces[starts] + 1, owners, first_word

    def edges(self, k: int) -> tuple[npt.NDArray[np.int64], ...]:
        """Spans of the first and the last ``k`` words of each text of ``k`` words or more, as
        ``(head_starts, head_ends, tail_starts, tail_ends, owners)``."""
        spaces = (self.codes == 32).nonzero()[0]
        starts, ends = self.starts, self.starts + self.lengths
        if not spaces.size:
            none = np.empty(0, np.int64)
            return none, none, none, none, none
        first, last = spaces.searchsorted(starts), spaces.searchsorted(ends)
        words = last - first + 1
        owners = ((self.lengths > 0) & (words >= k)).nonzero()[0]
        starts, ends, first, last = starts[owners], ends[owners], first[owners], last[owners]
        longer = words[owners] > k
        head_end = np.where(longer, spaces[np.minimum(first + k - 1, spaces.size - 1)], ends)
        tail_start = np.where(longer, spaces[np.maximum(last - k, 0)] + 1, starts)
        return starts, head_end, tail_start, ends, owners

    def hashes(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> U64:
        """Polynomial hashes of ``text[a:b]`` for arrays of offsets into the concatenation."""
        return (self._prefix[b] - self._prefix[a]) * _powers(_INVERSE_POWERS, a)

    def keys(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], tag: int | U64
    ) -> npt.NDArray[np.int64]:
        """Stable 63-bit keys of ``text[a:b]``, in the key space ``tag`` (one, or one per span)."""
        h = self.hashes(a, b) + (b - a).astype(np.uint64) * np.uint64(_ROT)
        h ^= np.uint64(tag) if isinstance(tag, int) else tag
        keys: npt.NDArray[np.int64] = (_mix(h) & np.uint64(_KEY_MASK)).astype(np.int64)
        return keys

    def shingles(self, k: int) -> U64:
        """Polynomial hash of every ``k`` code points from each offset (Horner's rule over
        shifted views: equal to ``hashes(p, p + k)``, without the prefix sums)."""
        codes = self.codes
        count = codes.size - k + 1
        if count <= 0:
            return np.empty(0, dtype=np.uint64)
        h: U64 = codes[k - 1 :].copy()
        for t in range(k - 2, -1, -1):
            h *= np.uint64(_BASE)
            h += codes[t : t + count]
        return h

    def signatures(self, which: npt.NDArray[np.int64], settings: FingerprintSettings) -> U64:
        """MinHash signatures of the texts at positions ``which`` (each at least one shingle)."""
        k, m = settings.shingle_size, settings.num_perm
        counts = self.lengths[which] - (k - 1)
        first = counts.cumsum() - counts
        positions = np.arange(int(counts.sum()), dtype=np.int64)
        positions += (self.starts[which] - first).repeat(counts)
        shingles = self.shingles(k)[positions]
        shingles ^= np.uint64(_seed_offset(settings))
        _mix(shingles)
        # One permutation: the high 32 bits pick the bin, each bin keeps its minimum.
        if m & (m - 1):
            bins = ((shingles >> np.uint64(32)) * np.uint64(m)) >> np.uint64(32)
        else:  # the same, for a power of two
            bins = shingles >> np.uint64(64 - m.bit_length() + 1)
        slots = (np.arange(which.size, dtype=np.int64) * m).repeat(counts)
        slots += bins.astype(np.int64)
        sig = np.full(which.size * m, _EMPTY, dtype=np.uint64)
        np.minimum.at(sig, slots, shingles)
        return _densify(sig.reshape(which.size, m), settings)


def key_order(keys: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.int64]:
    """``np.argsort(keys, kind="stable")``, twice as fast on a document's few thousand keys.

    NumPy's stable sort of 64-bit integers is a merge sort; its default sort is several times
    faster. That one orders the keys, then a second sort of ``(rank of the key, position)``
    pairs, packed into one integer, puts the positions of each key back in input order.

    >>> key_order(np.array([7, 3, 7, 3, 5])).tolist()
    [1, 3, 4, 0, 2]
    """
    order = np.argsort(keys)
    ordered = keys[order]
    rank = np.zeros(keys.size, dtype=np.int64)
    (ordered[1:] != ordered[:-1]).cumsum(out=rank[1:])
    packed = rank * keys.size + order
    packed.sort()
    stable: npt.NDArray[np.int64] = packed % max(keys.size, 1)
    return stable


def among(keys: npt.NDArray[np.int64], wanted: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """``np.isin(keys, wanted)`` for a few keys wanted among many: each key is looked up in the
    wanted ones sorted, rather than all of them sorted together (a document's million keys,
    for a few hundred that a pass looks for: about a third of the time).

    >>> among(np.array([5, 9, 2, 9]), np.array([9, 4])).tolist()
    [False, True, False, True]
    """
    if not wanted.size:
        return np.zeros(keys.size, dtype=np.bool_)
    ordered = np.sort(wanted)
    at = ordered.searchsorted(keys)
    at[at == ordered.size] = 0
    found: npt.NDArray[np.bool_] = ordered[at] == keys
    return found


def _text_key(text: str, tag: int) -> int:
    whole = np.array([0], dtype=np.int64), np.array([len(text)], dtype=np.int64)
    return int(_Concatenation([text]).keys(*whole, tag)[0])


def exact_key(canonical: str) -> int:
    """Stable 63-bit key of a whole canonical paragraph.

    >>> exact_key("the same words") == exact_key("the same words")
    True
    >>> exact_key("the same words")
    6986961357498879064
    """
    return _text_key(canonical, _EXACT_TAG)


def sentence_key(canonical_sentence: str) -> int:
    """Stable 63-bit key of one canonical sentence (a different key space from :func:`exact_key`).

    >>> sentence_key("it rained") != exact_key("it rained")
    True
    """
    return _text_key(canonical_sentence, _SENTENCE_TAG)


def signatures(texts: Sequence[str], settings: FingerprintSettings) -> U64:
    """MinHash signatures of canonical texts, one row of ``settings.num_perm`` values each.

    A text shorter than one shingle is padded with NUL characters to a single shingle.

    >>> s = FingerprintSettings()
    >>> sig = signatures(["a quick brown fox", "a quick brown fox", "lorem ipsum"], s)
    >>> sig.shape
    (3, 64)
    >>> bool((sig[0] == sig[1]).all()), bool((sig[0] == sig[2]).all())
    (True, False)
    """
    k = settings.shingle_size
    padded = [t if len(t) >= k else t + "\0" * (k - len(t)) for t in texts]
    if not padded:
        return np.empty((0, settings.num_perm), dtype=np.uint64)
    return _Concatenation(padded).signatures(np.arange(len(padded)), settings)


def _probes(settings: FingerprintSettings) -> npt.NDArray[np.int64]:
    """``[bin, attempt - 1]``: the bin that an empty bin tries at each of its :data:`PROBES`."""
    m = settings.num_perm
    h = np.arange(m, dtype=np.uint64)[:, None] * np.uint64(_PROBE_MUL)
    attempts = np.arange(1, PROBES + 1, dtype=np.uint64) * np.uint64(_ROT)
    h = h + (attempts + np.uint64(_seed_offset(settings)))[None, :]
    probes: npt.NDArray[np.int64] = (
        ((_mix(h) >> np.uint64(32)) * np.uint64(m)) >> np.uint64(32)
    ).astype(np.int64)
    return probes


_DEFAULT_SETTINGS = FingerprintSettings()
_DEFAULT_PROBES = _probes(_DEFAULT_SETTINGS)
_DEFAULT_PROBES.flags.writeable = False


def _densify(sig: U64, settings: FingerprintSettings) -> U64:
    """Fill each empty bin from a full one: probed at random, else the next to its right."""
    flat = sig.reshape(-1)
    empty = flat == np.uint64(_EMPTY)
    if not empty.any():
        return sig
    m = sig.shape[1]
    out: U64 = flat.copy()
    holes = empty.nonzero()[0]  # every row holds a full bin
    columns = holes % m
    probes = _DEFAULT_PROBES if settings == _DEFAULT_SETTINGS else _probes(settings)
    donors = (holes - columns)[:, None] + probes[columns]
    hits = ~empty[donors]
    first = hits.argmax(axis=1)  # the first probe that found a full bin
    found = hits[np.arange(holes.size), first]
    donor = donors[found, first[found]]
    attempt = (first[found] + 1).astype(np.uint64)
    out[holes[found]] = flat[donor] + attempt * np.uint64(_ROT)
    holes = holes[~found]
    if not holes.size:
        return out.reshape(sig.shape)
    # The few left (rows with very few full bins): the next full bin to the right, circularly.
    full = (~empty).nonzero()[0]
    row_start = holes - holes % m
    after = full.searchsorted(holes)  # the next full bin, maybe on a later row
    donor = full[np.minimum(after, full.size - 1)]
    wraps = (after == full.size) | (donor >= row_start + m)
    donor = np.where(wraps, full[full.searchsorted(row_start)], donor)
    distance = (donor - holes + np.where(wraps, m, 0) + PROBES).astype(np.uint64)
    out[holes] = flat[donor] + distance * np.uint64(_ROT)
    return out.reshape(sig.shape)


def band_keys(sig: U64, settings: FingerprintSettings) -> npt.NDArray[np.int64]:
    """LSH band keys, shape ``(len(sig), settings.bands)``, each a non-negative 63-bit integer.

    >>> s = FingerprintSettings()
    >>> keys = band_keys(signatures(["some canonical text"], s), s)
    >>> keys.shape, bool((keys >= 0).all())
    ((1, 16), True)
    """
    n = sig.shape[0]
    rows = sig.reshape(n, settings.bands, settings.rows)
    acc = np.zeros((n, settings.bands), dtype=np.uint64)
    for r in range(settings.rows):
        acc *= np.uint64(_BAND_MUL)
        acc += rows[:, :, r]
    acc += np.arange(1, settings.bands + 1, dtype=np.uint64) * np.uint64(_ROT)
    _mix(acc)
    keys: npt.NDArray[np.int64] = (acc & np.uint64(_KEY_MASK)).astype(np.int64)
    return keys


def reference_signature(text: str, settings: FingerprintSettings) -> list[int]:
    """Plain-Python MinHash signature of one text; equal to a row of :func:`signatures`.

    Slow; it exists so that tests can check the vectorised code against a readable one.

    >>> s = FingerprintSettings()
    >>> reference_signature("hello world", s) == signatures(["hello world"], s)[0].tolist()
    True
    """
    k, m = settings.shingle_size, settings.num_perm
    if len(text) < k:
        text += "\0" * (k - len(text))
    codes = [ord(c) for c in text]
    offset = _seed_offset(settings)
    sig = [_EMPTY] * m
    for i in range(len(codes) - k + 1):
        h = sum(c * pow(_BASE, t, 1 << 64) for t, c in enumerate(codes[i : i + k])) & _MASK64
        h = _mix_int(h ^ offset)
        b = ((h >> 32) * m) >> 32
        sig[b] = min(sig[b], h)
    out = list(sig)
    for j in range(m):
        if sig[j] != _EMPTY:
            continue
        for attempt in range(1, PROBES + 1):
            h = _mix_int((j * _PROBE_MUL + attempt * _ROT + offset) & _MASK64)
            donor = ((h >> 32) * m) >> 32
            if sig[donor] != _EMPTY:
                out[j] = (sig[donor] + attempt * _ROT) & _MASK64
                break
        else:
            t = next(t for t in range(1, m + 1) if sig[(j + t) % m] != _EMPTY)
            out[j] = (sig[(j + t) % m] + (t + PROBES) * _ROT) & _MASK64
    return out


MIN_SENTENCE_WORDS = 4
"""Sentences of fewer words get no sentence key (they repeat by chance)."""

EDGE_WORDS = 4
"""Words of a paragraph's head and tail keys: a paragraph merged from two short ones shares its
head with the first and its tail with the second, which no other key may link (the short ones
are too short for band keys, and a list item is not a sentence)."""


@dataclass(frozen=True, slots=True)
class ParagraphPrint:
    """Everything matching needs to know about one paragraph.

    Attributes:
        canonical: the canonical text (:mod:`textclean.canonical`).
        words: its word count.
        exact: :func:`exact_key` of ``canonical``.
        sentences: :func:`sentence_key` of each canonical sentence of at least
            :data:`MIN_SENTENCE_WORDS` words, without repeats.
        bands: LSH band keys, empty when the text is shorter than the fuzzy-hash minimum.
    """

    canonical: str
    words: int
    exact: int
    sentences: tuple[int, ...]
    bands: tuple[int, ...]

    def keys(self) -> tuple[int, ...]:
        """Every key an index files this paragraph under."""
        return (self.exact, *self.sentences, *self.bands)


class DocumentPrint:
    """The fingerprints of a document's paragraphs, held as arrays.

    ``document[i]`` is the :class:`ParagraphPrint` of paragraph ``i``, built on demand: matching
    only looks at paragraphs that share a key with another one. ``keys`` and ``owners`` list every
    key of the document with the paragraph holding it, for finding those shared keys in bulk;
    ``links`` and ``link_owners`` do the same for head and tail keys (:data:`EDGE_WORDS`), which
    link paragraphs of one document only and are never indexed. ``sentence_keys`` are the
    positions of the sentence keys in ``keys``, and ``band_owners`` lists, in order, the
    paragraphs long enough for band keys.
    """

    __slots__ = ("_band_row", "_bands", "_sentence_bounds", "_sentences", "_starts",
                 "_starts_bounds", "band_owners", "canonical", "exact", "keys", "link_owners",
                 "links", "owners", "sentence_keys")  # fmt: skip

    def __init__(
        self,
        canonical: list[str],
        exact: npt.NDArray[np.int64],
        sentences: npt.NDArray[np.int64],
        sentence_owners: npt.NDArray[np.int64],
        bands: npt.NDArray[np.int64],
        band_owners: npt.NDArray[np.int64],
        sentence_starts: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
        edges: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    ) -> None:
        n = len(canonical)
        self.links, self.link_owners = edges
        first_word, owners = sentence_starts
        self._starts: list[int] = first_word.tolist()
        self._starts_bounds: list[int] = owners.searchsorted(np.arange(n + 1)).tolist()
        self.canonical = canonical
        self.exact: list[int] = exact.tolist()
        self._sentences: list[int] = sentences.tolist()
        self._sentence_bounds: list[int] = sentence_owners.searchsorted(np.arange(n + 1)).tolist()
        self._bands = bands
        self.band_owners = band_owners
        band_row = np.full(n, -1, dtype=np.int64)
        band_row[band_owners] = np.arange(band_owners.size)
        self._band_row: list[int] = band_row.tolist()
        self.keys = np.concatenate([exact, sentences, bands.ravel()])
        self.sentence_keys = range(n, n + sentences.size)  # (their positions in ``keys``)
        self.owners = np.concatenate([
            np.arange(n, dtype=np.int64),
            sentence_owners,
            band_owners.repeat(bands.shape[1]),
        ])  # fmt: skip

    def __len__(self) -> int:
        return len(self.canonical)

    def sentence_starts(self, i: int) -> list[int]:
        """Word indices, within paragraph ``i``, where its sentences start."""
        return self._starts[self._starts_bounds[i] : self._starts_bounds[i + 1]]

    def postings(
        self, paragraphs: Sequence[int]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The keys of ``paragraphs`` (each once per paragraph) and, for each, the position in
        ``paragraphs`` of the one holding it, in ascending order: what an index files."""
        position = np.full(len(self), -1, dtype=np.int64)
        position[np.asarray(paragraphs, dtype=np.int64)] = np.arange(len(paragraphs))
        rows = position[self.owners]
        held = rows >= 0
        keys, rows = self.keys[held], rows[held]
        order = np.lexsort((keys, rows))
        keys, rows = keys[order], rows[order]
        first = np.ones(keys.size, dtype=np.bool_)
        first[1:] = (keys[1:] != keys[:-1]) | (rows[1:] != rows[:-1])
        return keys[first], rows[first]

    def __getitem__(self, i: int) -> ParagraphPrint:
        canonical = self.canonical[i]
        sentences = self._sentences[self._sentence_bounds[i] : self._sentence_bounds[i + 1]]
        row = self._band_row[i]
        return ParagraphPrint(
            canonical,
            word_count(canonical),
            self.exact[i],
            tuple(dict.fromkeys(sentences)),
            tuple(self._bands[row].tolist()) if row >= 0 else (),
        )


def fingerprint_paragraphs(
    texts: Sequence[str], settings: FingerprintSettings, *, min_chars: int
) -> DocumentPrint:
    """Fingerprint each paragraph text; fuzzy hashes only for those of ``min_chars`` or more.

    Texts shorter than one shingle never get a fuzzy hash.

    >>> doc = fingerprint_paragraphs(["Short one.", "A longer paragraph here. " * 3], FingerprintSettings(), min_chars=40)
    >>> [(doc[i].canonical[:20], doc[i].words, len(doc[i].bands)) for i in range(len(doc))]
    [('short one', 2, 0), ('a longer paragraph h', 12, 16)]
    >>> doc[1].sentences == (sentence_key("a longer paragraph here"),)
    True
    """  # noqa: E501
    distinct = {text: n for n, text in enumerate(dict.fromkeys(texts))}
    if len(distinct) == len(texts):
        return DocumentPrint(*_fingerprint_in_parts(texts, settings, min_chars))
    # Paragraphs repeated character for character (the commonest duplicate) are fingerprinted
    # once, and each copy gets the arrays of its first occurrence.
    of = np.fromiter(map(distinct.__getitem__, texts), np.int64, len(texts))
    canon, exact, sentences, sentence_owners, bands, band_owners, starts, edges = (
        _fingerprint_in_parts(list(distinct), settings, min_chars)
    )
    sentence_owners, (sentences,) = _expand(sentence_owners, of, sentences)
    band_owners, (bands,) = _expand(band_owners, of, bands)
    owners, (first_word,) = _expand(starts[1], of, starts[0])
    edge_owners, (edge_keys,) = _expand(edges[1], of, edges[0])
    return DocumentPrint(
        list(map(canon.__getitem__, of.tolist())), exact[of], sentences, sentence_owners,
        bands, band_owners, (first_word, owners), (edge_keys, edge_owners),
    )  # fmt: skip


_Arrays = tuple[
    list[str],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
]


PART_CHARS = 1 << 16
"""Characters of paragraphs fingerprinted together: the arrays of a part take about 60 bytes a
character while it is worked on, so a long document is fingerprinted a part at a time (a
paragraph longer than this is a part of its own)."""


def _fingerprint_in_parts(
    texts: Sequence[str],
    settings: FingerprintSettings,
    min_chars: int,
    part_chars: int = PART_CHARS,
) -> _Arrays:
    """The arrays of :func:`_fingerprint`, worked out for consecutive runs of ``texts`` of about
    ``part_chars`` characters each and put together (every key depends on its own text only).

    >>> texts = ["One sentence here. And another one.", "A second paragraph, much the same."] * 3
    >>> whole = _fingerprint(texts, FingerprintSettings(), 20)
    >>> parts = _fingerprint_in_parts(texts, FingerprintSettings(), 20, part_chars=50)
    >>> all(np.array_equal(a, b) for a, b in zip(_flat(whole), _flat(parts), strict=True))
    True
    """
    ends = np.fromiter(map(len, texts), np.int64, len(texts)).cumsum()
    if not ends.size or ends[-1] <= part_chars:
        return _fingerprint(texts, settings, min_chars)
    # Each part ends after the first text that takes it past a multiple of part_chars.
    cuts = np.unique(ends.searchsorted(np.arange(part_chars, ends[-1], part_chars)) + 1)
    bounds = [0, *cuts[cuts < len(texts)].tolist(), len(texts)]
    parts = [_fingerprint(texts[a:b], settings, min_chars) for a, b in pairwise(bounds)]
    starts = bounds[:-1]

    def owners(column: list[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
        return np.concatenate([owner + start for owner, start in zip(column, starts, strict=True)])

    return (
        [text for part in parts for text in part[0]],
        np.concatenate([part[1] for part in parts]),
        np.concatenate([part[2] for part in parts]),
        owners([part[3] for part in parts]),
        np.concatenate([part[4] for part in parts]),
        owners([part[5] for part in parts]),
        (np.concatenate([part[6][0] for part in parts]), owners([part[6][1] for part in parts])),
        (np.concatenate([part[7][0] for part in parts]), owners([part[7][1] for part in parts])),
    )


def _flat(arrays: _Arrays) -> list[Any]:
    """The arrays of :func:`_fingerprint`, one list (for comparing two)."""
    canon, *rest, starts, edges = arrays
    return [np.array(canon), *rest, *starts, *edges]


def _fingerprint(texts: Sequence[str], settings: FingerprintSettings, min_chars: int) -> _Arrays:
    """The arrays of a :class:`DocumentPrint` of ``texts``."""
    canon, marked = canonical_paragraphs(texts)
    joined = _Concatenation(canon, marked)
    n = len(canon)

    # Sentences long enough to carry a key.
    starts, ends, words, owners, first_word = joined.sentences()
    long_enough = words >= MIN_SENTENCE_WORDS
    sentence_owners = owners[long_enough]
    m = int(long_enough.sum())
    heads, head_ends, tail_starts, tails, edge_owners = joined.edges(EDGE_WORDS)
    e = edge_owners.size

    # Every exact, sentence, head and tail key in one pass.
    a = np.concatenate([joined.starts, starts[long_enough], heads, tail_starts])
    b = np.concatenate([joined.starts + joined.lengths, ends[long_enough], head_ends, tails])
    tags = np.repeat(np.array([_EXACT_TAG, _SENTENCE_TAG, _HEAD_TAG, _TAIL_TAG], np.uint64),
                     [n, m, e, e])  # fmt: skip
    keys = joined.keys(a, b, tags)
    exact, sentences = keys[:n], keys[n : n + m]
    edges = np.empty(2 * e, dtype=np.int64)  # head then tail for each text, in order
    edges[0::2], edges[1::2] = keys[n + m : n + m + e], keys[n + m + e :]

    fuzzy = (joined.lengths >= max(min_chars, settings.shingle_size)).nonzero()[0]
    if not fuzzy.size:
        bands = np.empty((0, settings.bands), dtype=np.int64)
    elif len(set(exact[fuzzy].tolist())) == fuzzy.size:  # (no two share a canonical text)
        bands = band_keys(joined.signatures(fuzzy, settings), settings)
    else:  # paragraphs with the same canonical text are hashed once
        _, first, copies = np.unique(exact[fuzzy], return_index=True, return_inverse=True)
        bands = band_keys(joined.signatures(fuzzy[first], settings), settings)[copies.ravel()]
    return (
        canon, exact, sentences, sentence_owners, bands, fuzzy.astype(np.int64),
        (first_word, owners), (edges, edge_owners.repeat(2)),
    )  # fmt: skip


def _expand(
    owners: npt.NDArray[np.int64], of: npt.NDArray[np.int64], *values: npt.NDArray[Any]
) -> tuple[npt.NDArray[np.int64], list[npt.NDArray[Any]]]:
    """Rows owned by distinct texts (``owners`` sorted) copied to every paragraph ``p``, which
    is distinct text ``of[p]``: the new owners and the rows of each of ``values``."""
    bounds = owners.searchsorted(np.arange(int(of.max(initial=-1)) + 2))
    start, count = bounds[of], bounds[of + 1] - bounds[of]
    pick = (start - (count.cumsum() - count)).repeat(count) + np.arange(int(count.sum()))
    return np.arange(of.size, dtype=np.int64).repeat(count), [v[pick] for v in values]
