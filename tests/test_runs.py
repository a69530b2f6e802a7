"""Runs of copies (``textclean.match.runs``): the shortcuts agree with the rules they stand for."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from textclean.match.runs import (
    FURNITURE_PASSED,
    _FirstLine,
    _in_a_copy,
    _LastLines,
    _lined_up_closed_up,
    _step_from,
    _steps,
    confirm_short_runs,
    keep_later_run,
    lined_up,
)
from textclean.results import Duplicate

SIZE = 16


@st.composite
def anchors(draw: st.DrawFn) -> dict[int, Duplicate]:
    """Removed paragraphs of a 16-paragraph document: boilerplate lines and copies of others,
    near or contained."""
    found: dict[int, Duplicate] = {}
    kept = draw(st.integers(0, 10))  # in tenths: pages of few copies and pages of many
    lines = draw(st.integers(0, 10))  # ... and of how many boilerplate lines among them
    for k in range(SIZE):
        kind = "kept" if draw(st.integers(1, 10)) <= kept else "copy"
        if kind == "copy" and draw(st.integers(1, 10)) <= lines:
            kind = "boilerplate"
        if kind == "boilerplate":
            found[k] = Duplicate(k, None, "boilerplate", 1.0, "a boilerplate line")
        elif kind == "copy":
            paragraphs = draw(st.sets(st.integers(0, SIZE - 1), min_size=1, max_size=3))
            originals = tuple(sorted(paragraphs))
            how = draw(st.sampled_from(["near", "contained"]))  # (a part of a split copy)
            found[k] = Duplicate(k, originals[0], how, 0.95, "a copy", originals)
    return found


@given(
    anchors(),
    st.integers(0, SIZE - 1),
    st.integers(0, SIZE - 1),
    st.sampled_from([-1, 1]),
    st.integers(0, 2),
    st.booleans(),
)
def test_stepping_back_finds_where_steps_forward_land(
    found: dict[int, Duplicate], source: int, p: int, direction: int, d: int, removed: bool
) -> None:
    ahead = _steps(found, source, direction, removed=removed)
    landed = len(ahead) > d and ahead[d] == p
    assert _step_from(found, {source}, p, direction, d, removed=removed) == landed


def _drawn_copy(i: int, data: st.DataObject) -> Duplicate:
    """Paragraph ``i`` as a near copy of one to six of the document's paragraphs."""
    originals = tuple(sorted(data.draw(st.sets(st.integers(0, SIZE - 1), min_size=1, max_size=6))))
    return Duplicate(i, originals[0], "near", 0.95, "a copy", originals)


@given(anchors(), st.integers(0, SIZE - 1), st.data())
def test_in_a_copy_is_whether_lined_up_counts_any(
    found: dict[int, Duplicate], i: int, data: st.DataObject
) -> None:
    dup = _drawn_copy(i, data)
    assert _in_a_copy(found, i, dup) == (lined_up(found, i, dup) > 0)


@given(anchors(), st.integers(0, SIZE - 1), st.data())
def test_closing_up_counts_from_few_originals_as_from_the_neighbours_back(
    found: dict[int, Duplicate], i: int, data: st.DataObject
) -> None:
    # Few originals are stepped from once; many are found walking back from each neighbour's
    # originals (the rule as written): the same count either way.
    dup = _drawn_copy(i, data)
    count = 0
    for direction in (-1, 1):
        for d, k in enumerate(_steps(found, i, direction)):
            neighbour = found.get(k)
            if neighbour is None or neighbour.kind == "boilerplate" or i in neighbour.originals:
                continue
            count += any(
                _step_from(found, set(dup.originals), n, direction, d, removed=removed)
                for n in neighbour.originals
                for removed in (False, True)
            )
    assert _lined_up_closed_up(found, i, dup) == count


def test_steps_pass_at_most_four_boilerplate_lines_either_way() -> None:
    line = Duplicate(0, None, "boilerplate", 1.0, "a boilerplate line")
    for passed in (4, 5):
        found = dict.fromkeys(range(1, passed + 1), line)
        reached = _steps(found, 0, 1) == [passed + 1, passed + 2, passed + 3]
        assert reached == (passed <= FURNITURE_PASSED)
        assert _step_from(found, {0}, passed + 1, 1, 0, removed=False) == reached
        assert _step_from(found, {passed + 1}, 0, -1, 0, removed=False) == reached


def test_copies_that_merged_or_split_paragraphs_line_up_one_after_another() -> None:
    # The copy of paragraph 3 at 10, then copies of 4 and 5 run together, of 6, of 7: by
    # distance only the first lines up; one after another from 3's, all three do.
    def copy(k: int, *originals: int) -> Duplicate:
        return Duplicate(k, originals[0], "near", 0.95, "a copy", originals)

    dup = copy(10, 3)
    merged = {11: copy(11, 4, 5), 12: copy(12, 6), 13: copy(13, 7)}
    assert lined_up(merged, 10, dup) == 3
    # Split: 3's copy in two parts before it, then 4's and 5's copies.
    split = {8: copy(8, 2), 9: copy(9, 2), 11: copy(11, 4), 12: copy(12, 5)}
    assert lined_up(split, 10, dup) == 3

    # Split, with the other part of 3's copy after it: passed, not counted, so 4's copy after
    # that lines up; a second near copy of 3 is no part of it, and stops the chain.
    def part(k: int, original: int) -> Duplicate:
        return Duplicate(k, original, "contained", 1.0, "a part", (original,))

    assert lined_up({9: copy(9, 2), 11: part(11, 3), 12: copy(12, 4)}, 10, dup) == 2
    assert lined_up({9: copy(9, 2), 11: copy(11, 3), 12: copy(12, 4)}, 10, dup) == 1
    assert lined_up({11: part(11, 3), 12: copy(12, 4)}, 10, dup) == 1
    assert _in_a_copy({11: part(11, 3), 12: copy(12, 4)}, 10, dup)
    # Parts passed take no place among the three counted: each paragraph split in two.
    parts = {11: part(11, 3), 12: part(12, 4), 13: part(13, 4), 14: part(14, 5), 15: part(15, 5)}
    assert lined_up({**parts, 16: copy(16, 6)}, 10, dup) == 3
    # Out of order, or past a paragraph that repeats nothing, no more than by distance.
    assert lined_up({11: copy(11, 5), 12: copy(12, 4)}, 10, dup) == 0
    assert lined_up({11: copy(11, 4, 5), 13: copy(13, 7)}, 10, dup) == 1


@given(
    st.lists(st.sampled_from(["", "yes", "no", "a line"]), min_size=1, max_size=SIZE),
    st.lists(st.integers(0, SIZE - 1), max_size=SIZE),
    st.integers(1, 4),
)
def test_the_last_and_first_lines_follow_the_removals(
    canonical: list[str], removals: list[int], count: int
) -> None:
    # _LastLines and _FirstLine, kept up to date as lines go one by one, as remove_short_blocks
    # removes them (the links between the lines that stay mended), agree with reading all lines.
    found: dict[int, Duplicate] = {}
    kept = list(range(len(canonical)))
    after = dict(pairwise(kept))
    before = {b: a for a, b in after.items()}
    last = _LastLines(canonical, found, kept, before, count)
    first = _FirstLine(canonical, found, aside={0})
    for k in [None, *removals]:
        if k is not None and k < len(canonical) and k not in found:
            found[k] = Duplicate(k, None, "boilerplate", 1.0, "a line")
            a, b = before.pop(k, None), after.pop(k, None)
            if a is not None:
                after[a] = b if b is not None else -1
            if b is not None:
                before[b] = a if a is not None else -1
        worded = [m for m in kept if m not in found and canonical[m]]
        assert last.lines() == set(worded[-count:])
        assert first.at() == next((m for m in worded if m != 0), len(canonical))


def test_short_lines_confirmed_confirm_theirs_past_lone_copies_in_the_same_call() -> None:
    # A list copied with paragraphs that repeat others far apart between its lines (lone
    # copies, in no copy's run): "acme outfitters" is confirmed by the copy after it, then
    # "silk" past two lone copies by "acme outfitters", "linen" by "silk", "raw wool" past one
    # by "linen". Each step reads the one before, so one call must go on until none is
    # confirmed.
    talk = [f"paragraph {word} says a thing of its own at length" for word in ("a", "b", "c", "d")]
    canonical = [
        talk[0], "filler one two three", talk[1], "filler two three four", talk[2],
        "filler three four five", "raw wool", "linen", "silk", "acme outfitters", talk[3],
        "filler four five six", "raw wool", talk[2], "linen", "silk", talk[0], talk[1],
        "acme outfitters", talk[3],
    ]  # fmt: skip
    found = {
        k: Duplicate(k, o, "exact", 1.0, "a copy", (o,))
        for k, o in ((13, 4), (16, 0), (17, 2), (19, 10))
    }
    short_repeats = {12: 6, 14: 7, 15: 8, 18: 9}
    confirm_short_runs(canonical, found, short_repeats)
    assert {k: found[k].original for k in short_repeats} == short_repeats


def test_a_copy_before_the_body_turns_round_past_lines_held_by_a_paragraph_elsewhere() -> None:
    # An older copy of the page before it, then the title and the body. The page says two of
    # a section's lines in a paragraph before them too, so both copies of those lines went as
    # held by the body's paragraph (not as copies of each other), and the copy's line between
    # them has no turned neighbour to line up with. It is still a line of the copy, which the
    # body repeats further on: it goes with the rest of the copy, and the body stays whole.
    copy = ["a section summed up in one paragraph", "what could go wrong", "the first line",
            "a line of its own between them", "the second line", "a closing paragraph"]  # fmt: skip
    body = [copy[0] + " the first line the second line", *copy[1:]]
    canonical = [*copy, "the title", *body]
    n = len(copy) + 1  # (where the body starts: its summing-up paragraph)
    sentences = {0, 3, 5, n, n + 3, n + 5}  # (text of its own, not titles or list lines)

    def held(k: int) -> Duplicate:
        return Duplicate(k, n, "contained", 1.0, "held by a later paragraph", (n,))

    def exact(k: int, j: int) -> Duplicate:
        return Duplicate(k, j, "exact", 1.0, "same canonical text", (j,))

    found = {k: held(k) for k in (0, 2, 4, n + 2, n + 4)}
    found |= {n + k: exact(n + k, k) for k in (1, 3, 5)}
    turned = keep_later_run(canonical, found, {}, sentences.__contains__)
    assert turned == {1: n + 1, 3: n + 3, 5: n + 5}
    assert [k for k in range(len(canonical)) if k not in found] == [n - 1, n, n + 1, n + 3, n + 5]
    assert {found[k].original for k in range(len(copy))} == {n, n + 1, n + 3, n + 5}


def test_a_copy_before_the_body_turns_round_no_further_than_the_body() -> None:
    # Three versions of a page: an older copy (its first paragraph lacks a sentence the body
    # has, so it went as held by the body's), the body, then an edited copy that puts a
    # dateline before the body's first paragraph. The older copy turns round onto the body;
    # walking on past the copy's last line, the body's own lines would match the edited copy's
    # in turn, but the body's first paragraph holds a line of the copy: it is the run that
    # stays, and it is not turned onto the edited copy's.
    older = ["the title", "the first paragraph", "the second paragraph", "the third paragraph"]
    body = ["the title", "the first paragraph and one sentence more", *older[2:]]
    edited = ["the title", "oslo ap " + body[1], *older[2:]]
    canonical = [*older, *body, *edited]
    n, m = len(older), len(older) + len(body)  # (where the body and the edited copy start)

    def dup(k: int, j: int, kind: str = "exact") -> Duplicate:
        return Duplicate(k, j, kind, 1.0, "a copy", (j,))

    found = {1: dup(1, n + 1, "contained"), n + 2: dup(n + 2, 2), n + 3: dup(n + 3, 3)}
    found |= {m: dup(m, n), m + 1: dup(m + 1, n + 1, "near")}
    found |= {m + 2: dup(m + 2, 2), m + 3: dup(m + 3, 3)}
    turned = keep_later_run(canonical, found, {n: 0}, lambda k: True)
    assert turned[2] == n + 2 and turned[3] == n + 3
    assert n + 1 not in turned and n + 1 not in found
    assert found[m + 1].original == n + 1
