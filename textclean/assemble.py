"""Assembly: put the kept paragraphs back together."""

from __future__ import annotations

from collections.abc import Sequence

from textclean.results import Paragraph

__all__ = ["assemble"]


def assemble(source: str, paragraphs: Sequence[Paragraph], kept: Sequence[int]) -> str:
    """Join the kept paragraphs of ``source`` in order.

    Each kept paragraph after the first is preceded by the separator that preceded it in
    ``source``; text before the first paragraph and after the last is kept as it was.

    >>> from textclean.segment import split_paragraphs
    >>> doc = "A.\\n\\nB.\\nC.\\n"
    >>> assemble(doc, split_paragraphs(doc), [0, 2])
    'A.\\nC.\\n'
    >>> assemble(doc, split_paragraphs(doc), [])
    ''
    """
    if not kept:
        return ""
    if not paragraphs:
        return source
    parts = [source[: paragraphs[0].start]]
    for n, index in enumerate(kept):
        paragraph = paragraphs[index]
        if n:  # the separator that stood before this paragraph
            parts.append(source[paragraphs[index - 1].end : paragraph.start])
        parts.append(paragraph.text)
    parts.append(source[paragraphs[-1].end :])
    return "".join(parts)
