"""The benchmark's scoring by words, for a copy that comes before the body (``bench_dedupe``).

The figures the benchmark prints for that pattern rest on it, so it is tested like the package:
on documents written here, each output asked of what a reader would get from it.
"""

from __future__ import annotations

import pytest

from tests.benchmark_modules import load

_generate = load("_generate")
bench = load("bench_dedupe")

TITLE = "Harbour bridge to close for a year"
A = "The Old Harbour bridge closes in March for repairs that should take a year."
B = "Ferries will run every twenty minutes between the two quays meanwhile."
C = "A temporary footbridge is to be built next to the old one by the port."
D = "Opposition members asked for an audit of the contract before work starts."

# The copy first (A and B run together, C and D as they are), then the body.
COPY = [TITLE, f"{A} {B}", C, D]
BODY = [A, B, C, D]


def _doc(unique: list[str], duplicate: list[str]) -> object:
    labels = ("unique",) * len(unique) + ("duplicate",) * len(duplicate)
    return _generate.LabelledDoc("rewrapped_first", "a1", (*unique, *duplicate), labels, "\n\n")


def _weight(*paragraphs: str) -> int:
    return sum(len(w) + 1 for p in paragraphs for w in bench.normal_form(p).split())


def test_the_pattern_is_scored_by_words() -> None:
    assert "rewrapped_first" in _generate.SCORED_BY_CONTENT
    doc = _doc(COPY, BODY)
    assert bench.score(doc, "\n".join(COPY)) == bench.score_by_content(doc, "\n".join(COPY))


def test_a_page_of_two_patterns_is_scored_by_words_if_either_pattern_is() -> None:
    # The page on one line, then a copy: no line of the output is a paragraph of the page.
    labels = ("unique",) * len(COPY) + ("duplicate",) * len(BODY)
    output = " ".join(COPY)
    for first, by_words in (("one_line", True), ("boilerplate", False)):
        page = (*COPY, *BODY)
        doc = _generate.LabelledDoc(f"{first}+edited_copy", "a1", page, labels, " ")
        assert (bench.score(doc, output).unique_lost == 0) is by_words


@pytest.mark.parametrize(
    "output",
    [
        COPY,  # the copy kept, the body gone
        [TITLE, *BODY],  # the body's lines kept instead: other breaks, the same words in order
        [TITLE, A, f"{B} {C}", D],  # or still other breaks
    ],
)
def test_the_content_once_in_any_lines_loses_nothing_and_keeps_no_copy(output: list[str]) -> None:
    score = bench.score_by_content(_doc(COPY, BODY), "\n".join(output))
    assert score.unique_lost == 0
    assert score.dup_chars == _weight(*BODY)
    assert score.dup_removed == score.dup_chars


def test_nothing_removed_keeps_all_of_the_copy() -> None:
    score = bench.score_by_content(_doc(COPY, BODY), "\n\n".join(COPY + BODY))
    assert score.unique_lost == 0
    assert score.dup_removed == 0


def test_a_paragraph_left_out_is_lost_by_its_words() -> None:
    output = [TITLE, f"{A} {B}", D]
    score = bench.score_by_content(_doc(COPY, BODY), "\n".join(output))
    assert score.unique_lost == _weight(C)
    assert score.unique_chars == _weight(*COPY)
    assert score.dup_removed == score.dup_chars


def test_a_paragraph_the_article_repeats_is_one_piece_of_content() -> None:
    # The article says "Pros:" twice; an output that keeps it once loses no content, but the
    # stricter count by copy sees the copy it dropped.
    copy = [TITLE, "Pros:", A, "Pros:", B]
    output = [TITLE, "Pros:", A, B]
    score = bench.score_by_content(_doc(copy, [A, B]), "\n".join(output))
    assert score.unique_lost == 0
    assert score.copies_lost == _weight("Pros:")
    # Nor is a paragraph whose words all stand, in order, inside another kept paragraph.
    copy = [TITLE, f"{A} {B}", B]
    score = bench.score_by_content(_doc(copy, [A]), "\n".join([TITLE, f"{A} {B}"]))
    assert score.unique_lost == 0
    assert score.copies_lost == _weight(B)


def test_a_no_break_space_left_as_mojibake_is_no_word_on_either_side() -> None:
    # The article's own text keeps "Â" where a no-break space lost its second character; a
    # method that repairs it loses no word, and one that keeps it keeps none more.
    damaged = "Step 2:Â Appoint a registered agent for the company.Â"
    assert bench.normal_form(damaged) == bench.normal_form(
        "Step 2: Appoint a registered agent for the company."
    )
    doc = _doc([damaged, C], [C])
    for output in (damaged, "Step 2: Appoint a registered agent for the company."):
        scored = bench.score(doc, f"{output}\n\n{C}")
        assert (scored.unique_lost, scored.dup_removed) == (0, scored.dup_chars)
