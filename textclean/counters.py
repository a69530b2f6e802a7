"""A thread's post counters ("3/17"), set aside before matching.

A story re-posted as a thread (on X, Threads, Mastodon) breaks the body into posts of a few
hundred characters, across its paragraph breaks, and numbers them: "1/9 The council met ...",
"2/9 ...", or "... (2/9)" at the end. Each post is a part of the body, but its counter is words
that no body paragraph holds, which a short post cannot spare. :func:`without_post_counters`
takes the counters off the texts that are matched (the output keeps them where a post stays)
when three posts or more count up one after another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["without_post_counters"]

_FEWEST = 3  # posts counted one after another in a thread
_HEAD, _TAIL = 48, 16  # (the characters a counter stands in, with a label or at the end)
_BETWEEN = 2  # paragraphs without a counter that may stand between two posts
# "3/17 ", "(3/17) ", "[3/17] " at a paragraph's start; " 3/17", " (3/17)" at its end. (Not
# "3/ " alone: a list's items are numbered so, "1/ Le contexte".)
_START = re.compile(r"\s*[(\[]?(\d{1,3})/(\d{1,3})[)\]]?[.:]?\s+(?=\S)")
_END = re.compile(r"(?<=\S)\s+[(\[]?(\d{1,3})/(\d{1,3})[)\]]?\s*\Z")
# The first post's label before its counter ("🧵 1/9", "THREAD: 1/9", "A thread 🧵 1/9"): up to
# three short words or signs, no figure.
_LABEL = re.compile(r"\s*(?:[^\s\d]{1,10}\s+){1,3}(?=[(\[]?1/)")


class _Counter(NamedTuple):
    paragraph: int
    at_end: bool
    number: int
    total: int
    text: str  # (the paragraph without it)


def _counter(i: int, text: str) -> _Counter | None:
    """Paragraph ``i``'s counter, at its start (after a label, for the first post) or its end."""
    head = text[:_HEAD]
    start = _START.match(text) if "/" in head else None
    if start is None and "1/" in head:
        label = _LABEL.match(text)
        if label is not None:
            start = _START.match(text, label.end())
    if start is not None:
        counter = _Counter(i, False, int(start[1]), int(start[2]), text[start.end() :])
    elif "/" in text[-_TAIL:] and (end := _END.search(text, max(0, len(text) - _TAIL))):
        counter = _Counter(i, True, int(end[1]), int(end[2]), text[: end.start()])
    else:
        return None
    return counter if 0 < counter.number <= counter.total else None  # (not a date: "14/05")


def without_post_counters(texts: Sequence[str]) -> list[str]:
    """``texts`` with the counters of a thread's posts taken off: paragraphs whose counters,
    all at the start or all at the end, count up by one from post to post with the same total
    (:data:`_FEWEST` posts or more, up to :data:`_BETWEEN` paragraphs between two of them), and
    whose texts without them all differ. A label before the first post's counter ("🧵 1/9")
    goes with it. Fractions of a recipe ("1/2 cup", "1/4 teaspoon") count up no thread, nor
    do the days of a timeline ("14/05", "15/05": no post's number is over the total).

    >>> without_post_counters(["Intro.", "1/3 The council met.", "2/3 It voted.", "3/3 It ended."])
    ['Intro.', 'The council met.', 'It voted.', 'It ended.']
    >>> without_post_counters(["1/2 cup of flour", "1/4 cup of sugar", "1/3 cup of milk"])
    ['1/2 cup of flour', '1/4 cup of sugar', '1/3 cup of milk']
    >>> without_post_counters(["14/05 Polls open.", "15/05 Count begins.", "16/05 Result."])
    ['14/05 Polls open.', '15/05 Count begins.', '16/05 Result.']
    """
    out = list(texts)
    run: list[_Counter] = []

    def close() -> None:
        stripped = [c.text for c in run]
        if len(run) >= _FEWEST and len(set(stripped)) == len(stripped):
            for c in run:
                out[c.paragraph] = c.text

    for i, text in enumerate(texts):
        counter = _counter(i, text)
        if counter is None:
            continue
        last = run[-1] if run else None
        if (
            last is not None
            and counter.paragraph - last.paragraph <= _BETWEEN + 1
            and counter.at_end == last.at_end
            and counter.total == last.total
            and counter.number == last.number + 1
        ):
            run.append(counter)
            continue
        close()
        run = [counter]
    close()
    return out
