"""Which paragraphs of a document share keys: the candidate pairs, found in bulk with NumPy."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from textclean.fingerprint import DocumentPrint, key_order

__all__ = ["MAX_HOLDERS", "Links", "shared_keys"]

MAX_HOLDERS = 64  # a key held by more paragraphs links each only to the first ones


@dataclass(frozen=True, slots=True)
class Links:
    """Pairs of paragraphs that share keys: the paragraphs before ``i`` sharing a key with it
    are ``earlier[bounds[i]:bounds[i + 1]]``, in order, and ``shared`` says how many keys each
    pair shares."""

    bounds: list[int]
    earlier: list[int]
    shared: list[int]

    def before(self, i: int, removed: Collection[int] = ()) -> dict[int, int]:
        """The paragraphs before ``i`` that share keys with it (but ``removed``), and how many
        keys each shares."""
        earlier, shared = self.earlier, self.shared
        return {
            earlier[t]: shared[t]
            for t in range(self.bounds[i], self.bounds[i + 1])
            if earlier[t] not in removed
        }

    def pairs(self) -> list[tuple[int, int, int]]:
        """Every pair ``(later, earlier, keys shared)``, in order."""
        bounds = self.bounds
        return [
            (i, self.earlier[t], self.shared[t])
            for i in range(len(bounds) - 1)
            for t in range(bounds[i], bounds[i + 1])
        ]


def shared_keys(document: DocumentPrint) -> Links:
    """Pairs of paragraphs of ``document`` that share keys, found by sorting the keys.

    A key held by many paragraphs pairs each with the first :data:`MAX_HOLDERS` only.
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
    pairs, shared = np.unique(later[distinct] * n + earlier[distinct], return_counts=True)
    bounds = (pairs // n).searchsorted(np.arange(n + 1))
    return Links(bounds.tolist(), (pairs % n).tolist(), shared.tolist())
