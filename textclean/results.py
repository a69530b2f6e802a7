"""Result types: small frozen dataclasses that explain themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["DedupeResult", "DocumentMatch", "Duplicate", "DuplicateKind", "Paragraph"]

DuplicateKind = Literal["exact", "near", "contained", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document: its position and its text.

    ``text == document[start:end]`` for the document it was split from.
    """

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A paragraph that was removed, and why.

    Attributes:
        index: the removed paragraph.
        original: the kept paragraph it repeats (in this document, or in ``doc_id`` when that is
            set); ``None`` for a boilerplate pattern, which repeats nothing in particular.
        kind: ``"exact"`` (same canonical text), ``"near"`` (verified similar), ``"contained"``
            (its content is already present in earlier text: a merged or split copy) or
            ``"boilerplate"`` (a known boilerplate line, or one seen across many documents).
        similarity: 1.0 for exact; the verified similarity for near (rapidfuzz ratio, 0..1); for
            contained, the share of its words found, in order, in ``originals``.
        rule: a short human-readable reason.
        originals: every kept paragraph that covers it (several for a merged copy).
        doc_id: the earlier document holding ``original``; ``None`` means this document.
    """

    index: int
    original: int | None
    kind: DuplicateKind
    similarity: float
    rule: str
    originals: tuple[int, ...] = ()
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of the fields."""
        return {
            "index": self.index,
            "original": self.original,
            "kind": self.kind,
            "similarity": round(self.similarity, 4),
            "rule": self.rule,
            "originals": list(self.originals),
            "doc_id": self.doc_id,
        }


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    """The document as a whole is a near copy of an earlier one.

    ``similarity`` is the share of this document's characters found in ``doc_id``.
    """

    doc_id: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of the fields."""
        return {"doc_id": self.doc_id, "similarity": round(self.similarity, 4)}


@dataclass(frozen=True, slots=True)
class DedupeResult:
    """A deduplicated document and the account of what was removed.

    Attributes:
        text: the kept paragraphs in their original order, joined by the separators the input
            used before each of them.
        paragraphs: every input paragraph (spans refer to ``source_text``).
        kept: indices of the kept paragraphs.
        duplicates: one entry per removed paragraph, in paragraph order.
        source_text: the text that was segmented: the cleaned input (or the input itself with
            ``clean=False``).
        clean_steps: names of the cleaning steps that changed the input.
        doc_id: the document's id in a :class:`~textclean.Deduplicator`, if it had one.
        duplicate_of: set when the document as a whole is a near copy of an earlier one.

    Every paragraph index appears exactly once, in ``kept`` or in ``duplicates``.
    """

    text: str
    paragraphs: tuple[Paragraph, ...]
    kept: tuple[int, ...]
    duplicates: tuple[Duplicate, ...]
    source_text: str
    clean_steps: tuple[str, ...] = ()
    doc_id: str | None = None
    duplicate_of: DocumentMatch | None = None

    @property
    def removed(self) -> tuple[int, ...]:
        """Indices of the removed paragraphs."""
        return tuple(d.index for d in self.duplicates)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable summary (the text, kept indices, duplicates, document match)."""
        return {
            "text": self.text,
            "doc_id": self.doc_id,
            "paragraphs": len(self.paragraphs),
            "kept": list(self.kept),
            "duplicates": [d.to_dict() for d in self.duplicates],
            "clean_steps": list(self.clean_steps),
            "duplicate_of": self.duplicate_of.to_dict() if self.duplicate_of else None,
        }
