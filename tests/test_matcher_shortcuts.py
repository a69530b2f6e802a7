"""Shortcuts of the matcher (``textclean.match``) agree with the rules they stand for."""

from __future__ import annotations

import json
import os
from collections.abc import Collection
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.strategies import SENTENCES, news_documents
from textclean import dedupe
from textclean.boilerplate import boilerplate_matcher
from textclean.match import contained
from textclean.match.contained import Containment
from textclean.match.links import best_linked
from textclean.match.matcher import _DocumentMatcher
from textclean.match.model import Removals
from textclean.results import Duplicate

FAST = settings(
    max_examples=int(os.environ.get("TEXTCLEAN_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Rows of a results table: the same words, other numbers, some run together in one paragraph. A
# lede repeats a row, or two, anywhere on the page (before them, where only containment in later
# paragraphs finds it): word for word, with a number changed, with page furniture that holds a
# number of its own ("5 min read") between the two rows, or with a few words and a number in
# front or behind (which a copy may lack, as it may lack a dateline).
ROW = "In round {n} the home side beat the visitors by {m} points in front of a full stadium."
OTHER = "The coach said after match {n} that the team had trained hard for {m} weeks before it."
FURNITURE = ("5 min read.", "Advertisement.", "Comments (12).")
NUMBERS = ("3", "7", "12", "2024", "41")


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A page of rows and ledes that repeat some of them."""
    row = st.tuples(st.sampled_from((ROW, OTHER)), *[st.sampled_from(NUMBERS)] * 2)
    rows = [t.format(n=n, m=m) for t, n, m in draw(st.lists(row, min_size=2, max_size=8))]
    paragraphs: list[str] = []
    for text in rows:
        if draw(st.booleans()) and paragraphs:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    for _ in range(draw(st.integers(0, 4))):
        k = draw(st.integers(0, len(rows) - 1))
        lede = rows[k]
        how = draw(st.sampled_from(("same", "renumbered", "two", "furnished", "affixed")))
        if how == "renumbered":
            lede = lede.replace(draw(st.sampled_from(NUMBERS)), draw(st.sampled_from(NUMBERS)))
        elif how in ("two", "furnished") and k + 1 < len(rows):
            between = draw(st.sampled_from(FURNITURE)) if how == "furnished" else ""
            lede = f"{lede} {between} {rows[k + 1]}"
        elif how == "affixed":  # (a credit or an update line with a number, at either end)
            number = draw(st.sampled_from(NUMBERS))
            lede = draw(st.sampled_from((f"Update {number}: {lede}", f"{lede} (Photo {number})")))
        paragraphs.insert(draw(st.integers(0, len(paragraphs))), lede)
    return "\n\n".join(paragraphs)


R1, R2, R3 = ROW.format(n="12", m="41"), OTHER.format(n="3", m="7"), ROW.format(n="3", m="7")
BODY = f"{R1} {R2} {R3} {R2.replace('coach', 'captain')}"  # (more than the lede: not its copy)


@FAST
@example(f"Update 2024: {R1}\n\n{BODY}", True)  # (a lede that goes: its number is in an affix)
@example(f"{R1} 5 min read. {R2}\n\n{BODY}", True)  # (... in page furniture)
@given(tables(), st.booleans())
def test_a_number_no_later_paragraph_holds_rules_out_only_what_containment_would(
    doc: str, boilerplate: bool
) -> None:
    """The test that spares containment in later paragraphs (a number none of them holds)
    changes nothing: the result is the one of containment tried every time."""
    with mock.patch.object(contained, "_FEW_LATER", 0):  # (the shortcut for every paragraph)
        quick = dedupe(doc, boilerplate=boilerplate)
    with mock.patch.object(Containment, "_drops_a_number", return_value=False):
        slow = dedupe(doc, boilerplate=boilerplate)
    assert quick.kept == slow.kept
    assert quick.duplicates == slow.duplicates


def _drops(doc: str, i: int) -> bool:
    """``_drops_a_number`` for paragraph ``i`` of ``doc`` against every later paragraph."""
    seen: dict[int, bool] = {}
    real = Containment._drops_a_number

    def spy(self: Containment, k: int, words: list[str], candidates: object) -> bool:
        seen[k] = real(self, k, words, candidates)  # type: ignore[arg-type]
        return seen[k]

    with (
        mock.patch.object(Containment, "_drops_a_number", spy),
        mock.patch.object(contained, "_FEW_LATER", 0),
    ):
        dedupe(doc)
    return seen[i]


def test_a_number_no_later_paragraph_holds() -> None:
    lede = ROW.format(n="12", m="2024")
    assert _drops(f"{lede}\n\n{BODY}", 0)  # (2024 is in no later paragraph)
    assert not _drops(f"{lede}\n\n{BODY} Tickets cost 2024 euros.", 0)
    assert not _drops(f"Update 2024: {R1}\n\n{BODY}", 0)  # (it opens the lede: an affix)


def test_a_number_in_page_furniture_is_no_number_of_the_text() -> None:
    assert boilerplate_matcher().may_start("5 min")  # ("5 min read" is a boilerplate line)
    assert not _drops(f"{R1} 5 min read. {R2}\n\n{BODY}", 0)
    assert _drops(f"{R1} 5 apples were sold. {R2}\n\n{BODY}", 0)
    assert dedupe(f"{R1} 5 min read. {R2}\n\n{BODY}").kept == (1,)


_LINES = (
    "Advertisement", "advertisement.", "Advertisement: the council met", "Read more: Rates rise",
    "Share on Facebook", "Member of the week", "Member of the Week: Ana", "5 min read",
    "The council met on Tuesday to discuss… Read more »", *SENTENCES[:4],
)  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(_LINES) | st.text(max_size=30), max_size=8))
def test_a_remembering_matcher_answers_as_the_matcher_does(lines: list[str]) -> None:
    # A matcher for one document remembers its answers (asked twice here): the same as the
    # matcher's, with the defaults alone or patterns of one's own too.
    for matcher in (boilerplate_matcher(), boilerplate_matcher(["member of the week"])):
        remembering = matcher.remembering()
        for line in lines + lines:
            assert remembering.match(line) == matcher.match(line)
            assert remembering.matched_text(line) == matcher.matched_text(line)


def test_removals_count_every_change_and_only_changes() -> None:
    removals = Removals()
    dup = Duplicate(1, 0, "exact", 1.0, "same canonical text")
    removals[1] = dup
    removals.setdefault(2, dup)
    removals.setdefault(2, dup)  # (there already: no change)
    assert removals.changes == 2
    removals.pop(1)
    removals.pop(1, None)  # (not there: no change)
    assert removals.changes == 3
    removals.update({3: dup})
    del removals[3]
    removals |= {4: dup}
    assert removals.changes == 6
    removals.popitem()
    removals.clear()
    assert removals.changes == 8
    assert removals == {}


# A page whose merged paragraph was laid out while the first box item stood, then asked about
# again after it went and the JSON-LD object, set aside, came back: as many removals as before.
_S, _F = SENTENCES[0], SENTENCES[1]
_HTML_S = f'<p><a href="https://example.com/a?b=c">The</a>{_S[3:]}</p>'
_BODY = [f"{_S} {_F} {_F}", f"{_S} {_S}", _HTML_S]
_DATA = {"@type": "NewsArticle", "headline": _S, "url": "https://example.com/a",
         "articleBody": "\n\n".join(_BODY)}  # fmt: skip
_LAID_OUT_TWICE = "\n\n".join(
    [json.dumps(_DATA), "Key points", *_BODY, f"{_S} {_S} {_HTML_S} {_S} {_F} {_F} {_S}"]
)


@FAST
@example(_LAID_OUT_TWICE)
@given(news_documents())
def test_a_layout_kept_for_later_questions_is_the_one_worked_out_afresh(doc: str) -> None:
    """How much of a paragraph earlier ones hold, laid end to end, is kept for the next time
    it is asked while the removals stay the same: the result is the one of working it out
    every time."""
    real = _DocumentMatcher._mostly_copied

    def afresh(self: _DocumentMatcher, i: int, *, besides: int | Collection[int] = ()) -> bool:
        self.laid_out.clear()
        return real(self, i, besides=besides)

    kept = dedupe(doc)
    with mock.patch.object(_DocumentMatcher, "_mostly_copied", afresh):
        fresh = dedupe(doc)
    assert kept.duplicates == fresh.duplicates


@given(
    st.lists(st.tuples(st.sampled_from((None, "a", "b")), st.integers(1, 4)), max_size=40),
    st.integers(1, 12),
)
def test_the_best_linked_candidates_are_those_a_stable_sort_by_keys_shared_puts_first(
    links: list[tuple[str | None, int]], limit: int
) -> None:
    candidates = {(doc_id, j): (count, f"text {j}") for j, (doc_id, count) in enumerate(links)}
    ranked = sorted(candidates, key=lambda ref: -candidates[ref][0])[:limit]
    best = best_linked(candidates, limit)
    assert list(best) == [ref for ref in candidates if ref in ranked]  # (in their order)
    assert all(best[ref] == candidates[ref] for ref in best)
