"""What matching takes in and gives back: indexed paragraphs, what an index knows, the outcome."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, overload

from textclean.results import DocumentMatch, Duplicate

__all__ = ["Candidates", "IndexedParagraph", "Matching", "Prior", "Ref", "Removals", "describe"]

_T = TypeVar("_T")


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
    exact keys seen in enough documents of this document's source to count as boilerplate;
    ``neighbours`` gives the indexed paragraphs just before and after one of them in its document
    (the other half of a merged copy may share no key with it); ``lookup``, if there is an index,
    gives the indexed paragraphs filed under other keys (those of lines joined again);
    ``address_free`` maps each paragraph that holds web addresses to the exact key of its text
    without them (:func:`~textclean.match.links.address_free_keys`), looked up with the others.
    """

    postings: Mapping[int, Sequence[IndexedParagraph]] = field(default_factory=dict)
    boilerplate: frozenset[int] = frozenset()
    neighbours: Callable[[str, int], Sequence[IndexedParagraph]] = lambda doc_id, paragraph: ()
    lookup: Callable[[Collection[int]], Mapping[int, Sequence[IndexedParagraph]]] | None = None
    address_free: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Matching:
    """The outcome of matching one document."""

    duplicates: tuple[Duplicate, ...]
    kept: tuple[int, ...]
    duplicate_of: DocumentMatch | None = None


class Removals(dict[int, Duplicate]):
    """The paragraphs of a document removed so far, by index, and :attr:`changes`: how many
    times the removals changed. What is worked out from them holds while :attr:`changes` stays
    the same; their number alone may (one paragraph kept again and another removed)."""

    __slots__ = ("changes",)

    def __init__(self) -> None:
        super().__init__()
        self.changes = 0

    def __setitem__(self, index: int, dup: Duplicate) -> None:
        self.changes += 1
        super().__setitem__(index, dup)

    def __delitem__(self, index: int) -> None:
        self.changes += 1
        super().__delitem__(index)

    @overload
    def pop(self, index: int, /) -> Duplicate: ...
    @overload
    def pop(self, index: int, default: Duplicate, /) -> Duplicate: ...
    @overload
    def pop(self, index: int, default: _T, /) -> Duplicate | _T: ...
    def pop(self, index: int, *default: object) -> object:
        self.changes += index in self
        return super().pop(index, *default)

    def setdefault(self, index: int, default: Duplicate) -> Duplicate:
        self.changes += index not in self
        return super().setdefault(index, default)

    def update(  # type: ignore[override]
        self, pairs: Mapping[int, Duplicate] | Iterable[tuple[int, Duplicate]] = (), /
    ) -> None:
        self.changes += 1
        super().update(pairs)

    def popitem(self) -> tuple[int, Duplicate]:
        self.changes += 1
        return super().popitem()

    def clear(self) -> None:
        self.changes += 1
        super().clear()

    def __ior__(  # type: ignore[override,misc]
        self, pairs: Mapping[int, Duplicate] | Iterable[tuple[int, Duplicate]], /
    ) -> Removals:
        self.update(pairs)
        return self


# A candidate: (None, index) for a paragraph of this document, (doc_id, index) for an earlier one.
Ref = tuple[str | None, int]
# Candidates of a paragraph: how many keys each shares with it, and its canonical text.
Candidates = Mapping[Ref, tuple[int, str]]


def describe(indices: Sequence[int]) -> str:
    """How a rule names paragraphs: three or more in a row as a range (a body run together
    into one paragraph is made of hundreds).

    >>> describe([3]), describe([3, 4])
    ('paragraph 3', 'paragraphs 3, 4')
    >>> describe([1, 2, 3, 5, 7, 8, 9, 10, 4])
    'paragraphs 1 to 3, 5, 7 to 10, 4'
    """
    if len(indices) == 1:
        return f"paragraph {indices[0]}"
    parts: list[str] = []
    start = 0
    for end in range(1, len(indices) + 1):
        if end < len(indices) and indices[end] == indices[end - 1] + 1:
            continue
        run = indices[start:end]
        parts.extend([f"{run[0]} to {run[-1]}"] if len(run) > 2 else map(str, run))
        start = end
    return "paragraphs " + ", ".join(parts)
