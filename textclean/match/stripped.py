"""Copies stripped of their punctuation: the body again as one long paragraph with no full
stop in it, lower-cased, its apostrophes gone ("in todays rapidly evolving ..."), as a page's
search index or text-only view prints it.

Such a copy shares no sentence key with the body (it has no sentences), and it is too long
beside any one of the body's paragraphs to share a band key: no tier links it to them. It is
told by its runs of four words: every one that the kept text around it holds, laid end to end
(the body's paragraphs in their order, across their breaks), but a word or two here and there
(a contraction spelled together, "todays" for "today's"). A paragraph that says anything new,
four words in a row that stand nowhere else, is no such copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textclean.match.model import describe
from textclean.results import Duplicate

__all__ = ["stripped_copies"]

MIN_WORDS = 100  # the fewest words of a stripped copy (a body, or much of one)
_SIGNS = re.compile(r"[.,;:!?]")  # (none of them in such a copy)
_RUN = 4  # words in a run
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})  # (a contraction's, canonical)
_GAP = 2  # words in a row that no run covers, at most (a contraction spelled together)
_COVERED = 0.95  # share of its words that runs cover, at least


def stripped_copies(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate]
) -> None:
    """Remove the kept paragraphs that are copies of the other kept ones stripped of
    punctuation: of :data:`MIN_WORDS` words or more with no sign of punctuation in them
    (:data:`_SIGNS`: no comma, no full stop), each of whose words but :data:`_GAP` in a row
    here and there stands in a run of :data:`_RUN` words that the other kept paragraphs hold,
    laid end to end (:data:`_COVERED` of its words at least). Each goes as contained in the
    paragraphs that hold its runs; each one found leaves the rest without its words.
    Paragraphs with its text, and its copies, hold none of its runs; but a copy before the body
    may have taken the body's paragraphs as its parts: those removed as contained in it alone
    count as kept, and stay when it goes.

    >>> from textclean.canonical import canonical_paragraphs
    >>> body = ["The council met on Tuesday to discuss the bridge, and its costs. " * 5,
    ...         "Residents said they want a vote before any work starts in spring. " * 5]
    >>> texts = [*body, " ".join(body).lower().replace(",", "").replace(".", "")]
    >>> found = {}
    >>> stripped_copies(texts, canonical_paragraphs(texts)[0], found)
    >>> found[2].kind, found[2].originals
    ('contained', (0, 1))
    >>> found = {0: Duplicate(0, 2, "contained", 1.0, "", (2,))}
    >>> stripped_copies(texts, canonical_paragraphs(texts)[0], found)
    >>> sorted(found)
    [2]
    >>> texts[2] += " and a new clause of its own"
    >>> found = {}
    >>> stripped_copies(texts, canonical_paragraphs(texts)[0], found)
    >>> found
    {}
    """
    long = [
        i
        for i, text in enumerate(canonical)
        if text.count(" ") + 1 >= MIN_WORDS and i not in found and not _SIGNS.search(texts[i])
    ]
    if not long:
        return  # (the commonest case: every long paragraph has punctuation)
    words = [_joined(text.split(" ")) if text else [] for text in canonical]
    for i in long:
        if i in found:
            continue
        parts = {
            k
            for k, dup in found.items()
            if dup.kind == "contained" and dup.doc_id is None and set(dup.originals) == {i}
        }
        others = [  # (kept, or gone as its parts; a removed copy of it is neither)
            k
            for k in range(len(words))
            if canonical[k] != canonical[i] and (k not in found or k in parts)
        ]
        runs: dict[tuple[str, ...], int] = {}  # (each run of the others: its first holder)
        laid = [(w, k) for k in others for w in words[k]]
        for start in range(len(laid) - _RUN + 1):
            run = tuple(w for w, _ in laid[start : start + _RUN])
            runs.setdefault(run, laid[start][1])
        dup = _covered(i, words[i], runs)
        if dup is not None:
            for k in parts:
                del found[k]
            found[i] = dup


def _joined(words: list[str]) -> list[str]:
    """``words`` with a contraction's ending joined to the word before it, as a copy stripped of
    its apostrophes spells them ("today s" as "todays", "isn t" as "isnt").

    >>> _joined("it s not what you ve got isn t it".split())
    ['its', 'not', 'what', 'youve', 'got', 'isnt', 'it']
    """
    joined: list[str] = []
    for word in words:
        if word in _CLITICS and joined:
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _covered(i: int, words: list[str], runs: dict[tuple[str, ...], int]) -> Duplicate | None:
    """Paragraph ``i`` (its ``words``) as contained in the holders of ``runs``, if they cover
    it as :func:`stripped_copies` says."""
    covered = [False] * len(words)
    holders: set[int] = set()
    for start in range(len(words) - _RUN + 1):
        holder = runs.get(tuple(words[start : start + _RUN]))
        if holder is not None:
            covered[start : start + _RUN] = [True] * _RUN
            holders.add(holder)
    gap = 0
    for is_covered in covered:
        gap = 0 if is_covered else gap + 1
        if gap > _GAP:
            return None
    share = sum(covered) / len(words)
    if share < _COVERED:
        return None
    originals = tuple(sorted(holders))
    rule = (
        f"{share:.0%} of its words stand in runs of four in {describe(originals)}: a copy "
        "stripped of its punctuation"
    )
    return Duplicate(i, originals[0], "contained", share, rule, originals)
