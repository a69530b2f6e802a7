"""What matching takes in and gives back: indexed paragraphs, what an index knows, the outcome."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from textclean.results import DocumentMatch, Duplicate

__all__ = ["Candidates", "IndexedParagraph", "Matching", "Prior", "Ref", "describe"]


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
    gives the indexed paragraphs filed under other keys (those of lines joined again).
    """

    postings: Mapping[int, Sequence[IndexedParagraph]] = field(default_factory=dict)
    boilerplate: frozenset[int] = frozenset()
    neighbours: Callable[[str, int], Sequence[IndexedParagraph]] = lambda doc_id, paragraph: ()
    lookup: Callable[[Collection[int]], Mapping[int, Sequence[IndexedParagraph]]] | None = None


@dataclass(frozen=True, slots=True)
class Matching:
    """The outcome of matching one document."""

    duplicates: tuple[Duplicate, ...]
    kept: tuple[int, ...]
    duplicate_of: DocumentMatch | None = None


# A candidate: (None, index) for a paragraph of this document, (doc_id, index) for an earlier one.
Ref = tuple[str | None, int]
# Candidates of a paragraph: how many keys each shares with it, and its canonical text.
Candidates = Mapping[Ref, tuple[int, str]]


def describe(indices: Sequence[int]) -> str:
    """How a rule names paragraphs.

    >>> describe([3]), describe([3, 4])
    ('paragraph 3', 'paragraphs 3, 4')
    """
    return (
        "paragraph " + str(indices[0])
        if len(indices) == 1
        else "paragraphs " + ", ".join(map(str, indices))
    )
