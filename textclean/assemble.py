"""Assembly: put the kept paragraphs back together."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from textclean.results import Paragraph
from textclean.segment import WRAP_WIDTH, split_paragraphs

__all__ = ["assemble", "assembled", "run_together"]


def assemble(source: str, paragraphs: Sequence[Paragraph], kept: Sequence[int]) -> str:
    """Join the kept paragraphs of ``source`` in order (:func:`assembled`'s text)."""
    return assembled(source, paragraphs, kept)[0]


def assembled(
    source: str, paragraphs: Sequence[Paragraph], kept: Sequence[int]
) -> tuple[str, list[int]]:
    """The kept paragraphs of ``source`` joined in order, and where each starts in that text.

    Each kept paragraph after the first is preceded by the separator that preceded it in
    ``source``; text before the first paragraph and after the last is kept as it was.

    One exception keeps the paragraphs what they were: where the segmenter would now read the
    lines otherwise (two kept lines as one hard-wrapped paragraph once the widest line of their
    block is gone, or a wrapped paragraph as separate lines beside a wider one), a blank line
    separates them instead, so that the output splits into exactly the kept paragraphs and
    deduplicating it again finds the same ones.

    >>> doc = "A.\\n\\nB.\\nC.\\n"
    >>> assembled(doc, split_paragraphs(doc), [0, 2])
    ('A.\\nC.\\n', [0, 3])
    >>> assembled(doc, split_paragraphs(doc), [])
    ('', [])
    >>> lines = "A line long enough to be wrapped text\\n" + "x" * 98 + ".\\nAnd the next line"
    >>> len(split_paragraphs(lines))
    3
    >>> assemble(lines, split_paragraphs(lines), [0, 2])
    'A line long enough to be wrapped text\\n\\nAnd the next line'
    """
    if not kept:
        return "", []
    if not paragraphs:
        return source, []
    texts = [paragraphs[index].text for index in kept]
    separators = [
        _separator(source, paragraphs, a, b) for a, b in zip((-1, *kept), kept, strict=False)
    ]
    head, tail = source[: paragraphs[0].start], source[paragraphs[-1].end :]
    # Whether a paragraph went from the block of the first kept one, before it, and from the
    # block of each kept one, right after it (the widest line of a block, say).
    first_lost = kept[0] > 0 and not _blank_line(separators[0])
    lost_after = [
        k + 1 < len(paragraphs)
        and (n + 1 == len(kept) or kept[n + 1] != k + 1)
        and not _blank_line(source[paragraphs[k].end : paragraphs[k + 1].start])
        for n, k in enumerate(kept)
    ]
    for round_ in range(len(kept)):  # each round separates a pair for good: bounded
        parts = [head]
        starts = []
        offset = len(head)
        for n, text in enumerate(texts):
            if n:
                parts.append(separators[n])
                offset += len(separators[n])
            starts.append(offset)
            parts.append(text)
            offset += len(text)
        parts.append(tail)
        output = "".join(parts)
        # (Once a blank line went in, a block after it may read otherwise: segment again.)
        if not round_ and not _may_be_misread(kept, texts, separators, first_lost, lost_after):
            return output, starts
        # A blank line (the separator twice: "\n" -> "\n\n") where one is missing. (Not
        # between two sentences of a line, which the segmenter split as it repeated itself:
        # that line stays a line.)
        misread = [
            n
            for n in _misread(output, starts, texts)
            if _line_break(separators[n]) and not _blank_line(separators[n])
        ]
        if not misread:
            return output, starts
        for n in misread:
            separators[n] = separators[n] * 2
    return output, starts


def run_together(source: str, paragraphs: Sequence[Paragraph], kept: Sequence[int]) -> list[int]:
    """The kept paragraphs that :func:`assemble` runs together on one line with a kept one
    before them, past removed ones (sentences of a line that the segmenter split as it repeated
    itself, with no line break between them), and those kept ones before them, in order.

    >>> doc = "Kept line.\\nA copy. Its kept sentence. A kept one. A copy. Kept."
    >>> spans = [(0, 10), (11, 18), (19, 37), (38, 49), (50, 57), (58, 63)]
    >>> paragraphs = [Paragraph(n, a, b, doc[a:b]) for n, (a, b) in enumerate(spans)]
    >>> run_together(doc, paragraphs, [0, 2, 3, 5])
    [3, 5]
    """
    joined: list[int] = []
    for a, b in pairwise(kept):
        if b > a + 1 and not _line_break(_separator(source, paragraphs, a, b)):
            joined += [b] if joined and joined[-1] == a else [a, b]
    return joined


def _separator(source: str, paragraphs: Sequence[Paragraph], before: int, index: int) -> str:
    """The separator before kept paragraph ``index`` when the kept one before it is ``before``
    (-1 for none): the one that preceded it in ``source``, unless that is a space between two
    sentences of a line (see :func:`textclean.segment.split_paragraphs`) and a line break
    stands between the two, which the first separator holding one then gives (a sentence kept
    from a line after paragraphs of other lines stays on a line of its own).

    >>> doc = "Kept line.\\nA copy. Its kept sentence."
    >>> paragraphs = [Paragraph(0, 0, 10, ""), Paragraph(1, 11, 18, ""), Paragraph(2, 19, 38, "")]
    >>> _separator(doc, paragraphs, 0, 2)
    '\\n'
    """
    separator = source[paragraphs[index - 1].end : paragraphs[index].start] if index else ""
    if before < 0 or before == index - 1 or _line_break(separator):
        return separator
    for k in range(before + 1, index):
        between = source[paragraphs[k - 1].end : paragraphs[k].start]
        if _line_break(between):
            return between
    return separator


def _may_be_misread(
    kept: Sequence[int],
    texts: list[str],
    separators: list[str],
    first_lost: bool,
    lost_after: Sequence[bool],
) -> bool:
    """Whether some block of the output (kept paragraphs between blank lines) lost a paragraph
    and is not plainly one paragraph a line (a line wider than :data:`WRAP_WIDTH`, no paragraph
    of several lines), so that its lines might now be read otherwise. ``first_lost`` says
    whether the first block lost one before its first line, ``lost_after[n]`` whether the
    block of kept paragraph ``n`` lost one right after it (its last line, the widest, before
    a blank line: "a\nb\n<wide line>\n\nc" without the wide line)."""
    if (
        not first_lost
        and not any(lost_after)
        and not any(
            b != a + 1 and not _blank_line(separator)
            for a, b, separator in zip(kept, kept[1:], separators[1:], strict=False)
        )
    ):
        return False  # no paragraph removed between two lines of one block
    removal, width, single = first_lost, 0, True
    for n, text in enumerate(texts):
        if n and _blank_line(separators[n]):  # a new block
            if removal and not (width > WRAP_WIDTH and single):
                return True
            removal, width, single = False, 0, True
        removal = removal or (n > 0 and kept[n] != kept[n - 1] + 1) or lost_after[n]
        if text.isprintable():
            width = max(width, len(text))
        else:  # line breaks, tabs or other controls inside
            lines = text.splitlines()
            width = max(width, *map(len, lines))
            single = single and len(lines) == 1
    return removal and not (width > WRAP_WIDTH and single)


def _misread(output: str, starts: list[int], texts: list[str]) -> set[int]:
    """Indices ``n`` of the separators (before kept paragraph ``n``) that must become blank lines
    for the segmenter to read ``output`` as exactly ``texts``: between two kept paragraphs it
    joins, and on both sides of one it splits (a longer line joined its block)."""
    found = split_paragraphs(output)
    if len(found) == len(texts) and all(p.text == t for p, t in zip(found, texts, strict=True)):
        return set()
    ends = [start + len(text) for start, text in zip(starts, texts, strict=True)]
    fix: set[int] = set()
    n = 0
    for paragraph in found:
        while n < len(starts) and ends[n] <= paragraph.start:
            n += 1
        if n == len(starts):
            break
        if paragraph.start > starts[n] or paragraph.end < ends[n]:  # part of kept paragraph n
            fix.update(k for k in (n, n + 1) if 0 < k < len(starts))
        k = n + 1
        while k < len(starts) and starts[k] < paragraph.end:  # holds kept paragraph k too
            fix.add(k)
            k += 1
    return fix


def _line_break(separator: str) -> bool:
    """Whether ``separator`` (white space between two paragraphs) holds a line break."""
    return bool(separator) and separator.splitlines()[0] != separator


def _blank_line(separator: str) -> bool:
    """Whether ``separator`` (white space between two paragraphs) holds a blank line."""
    return len(separator.splitlines()) >= 2
