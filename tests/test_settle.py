"""Settling removals (``textclean.match.settle``): shortcuts agree with the rules they stand for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textclean.match.model import Removals
from textclean.match.settle import Retargeting, retargeted
from textclean.results import Duplicate

SIZE = 12


def retarget_by_reading_all(found: dict[int, Duplicate], j: int, dup: Duplicate) -> None:
    """The rule: ``found[j] = dup``, then every removal of this document that names ``j`` among
    its originals, found by reading them all, names what contains ``j`` instead."""
    found[j] = dup
    for k, other in list(found.items()):
        if other.doc_id is None and j in other.originals:
            found[k] = retargeted(other, j, dup)


@st.composite
def removal(draw: st.DrawFn, k: int) -> Duplicate:
    """A removal of paragraph ``k``: a copy of one to three others, maybe of an earlier
    document's, or a boilerplate line."""
    if draw(st.integers(0, 5)) == 0:
        return Duplicate(k, None, "boilerplate", 1.0, "a boilerplate line")
    others = [o for o in range(SIZE) if o != k]
    originals = tuple(sorted(draw(st.sets(st.sampled_from(others), min_size=1, max_size=3))))
    doc_id = "earlier" if draw(st.integers(0, 5)) == 0 else None
    return Duplicate(k, originals[0], "near", draw(st.sampled_from([0.9, 0.95, 1.0])), "a copy",
                     originals, doc_id)  # fmt: skip


@st.composite
def steps(draw: st.DrawFn) -> tuple[dict[int, Duplicate], list[tuple[str, int, Duplicate]]]:
    """Removals to start from, then a sequence of removals as contained in later paragraphs
    ("retarget") and of changes made to the removals directly ("set")."""
    start = {
        k: draw(removal(k)) for k in draw(st.sets(st.integers(0, SIZE - 1), max_size=SIZE // 2))
    }
    actions = []
    for _ in range(draw(st.integers(1, 8))):
        k = draw(st.integers(0, SIZE - 1))
        action = draw(st.sampled_from(["retarget", "retarget", "set"]))
        later = tuple(sorted(draw(st.sets(st.integers(0, SIZE - 1).filter(lambda o, k=k: o != k),
                                          min_size=1, max_size=2))))  # fmt: skip
        dup = (
            Duplicate(k, later[0], "contained", 0.95, "contained in later ones", later)
            if action == "retarget"
            else draw(removal(k))
        )
        actions.append((action, k, dup))
    return start, actions


@given(steps())
def test_retargeting_agrees_with_reading_every_removal(
    case: tuple[dict[int, Duplicate], list[tuple[str, int, Duplicate]]],
) -> None:
    start, actions = case
    expected: dict[int, Duplicate] = dict(start)
    found = Removals()
    found.update(start)
    retargeting = Retargeting(found)
    for action, k, dup in actions:
        if action == "retarget":
            if k in expected:  # (only kept paragraphs are removed so)
                continue
            retarget_by_reading_all(expected, k, dup)
            retargeting.remove(k, dup)
        else:  # a change made without it, which it must notice
            expected[k] = dup
            found[k] = dup
        assert dict(found) == expected
