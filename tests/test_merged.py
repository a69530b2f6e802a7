"""The walk along a merged copy (``textclean.match.merged``), on canonical texts."""

from __future__ import annotations

from textclean.match.merged import MergedCopies

LINES = [
    "the harbour we built with our own hands is now being sold",
    "off by a council that never asked us and our town has lost its",
    "dignity pride he said friday",  # the last line, a word dropped: too short to find edited
    "letters to the editor may be sent to the harbour office by the end of the month",
]
TEXT = " ".join(LINES[:2]) + " dignity and pride he said friday"


def test_a_copy_ends_on_an_edited_line_before_paragraphs_it_lacks() -> None:
    # The words left at the end are the line next to the last one found, edited: the copy ends
    # there, whatever paragraphs come after that line (a closing note the copy does not hold).
    alone = MergedCopies(LINES[:3], {}, 0.9).walk_around(TEXT, [(0, len(LINES[0]), 0)], range(3))
    walker = MergedCopies(LINES, {}, 0.9)
    assert (
        walker.walk_around(TEXT, [(0, len(LINES[0]), 0)], range(4)) == alone == ([0, 1], 32, True)
    )


def test_words_left_at_the_end_that_no_paragraph_skipped_explains_are_no_small_gap() -> None:
    other = [*LINES[:2], "the museum roof lets in water every winter", LINES[3]]
    walker = MergedCopies(other, {}, 0.9)
    pieces, _, small = walker.walk_around(TEXT, [(0, len(LINES[0]), 0)], range(4))
    assert pieces == [0, 1] and not small
