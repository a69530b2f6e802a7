"""Word alignments (``textclean.align``), on canonical texts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel, Opcodes

from textclean.align import (
    OPPOSITES,
    _stretches,
    coverage,
    names_replaced,
    only_small_edits,
    says_the_opposite,
)

LINE = "share this article we have listened to residents the mayor said"
QUOTE = "we have listened to residents the mayor said"
MERGED = f"advertisement {LINE} the council approved the budget line 4 {QUOTE}"


def test_a_copy_found_whole_in_one_paragraph_is_credited_to_it_alone() -> None:
    # The whole line stands in the merged paragraph; its first words there and the rest in the
    # quote after it count as many words, but the quote does not hold the line.
    window = [(1, 7, QUOTE), (6, 0, MERGED), (7, 4, f"line 4 {QUOTE}")]
    words = LINE.split(" ")
    covered, _, _, originals, _, spans = coverage(words, window, len(words) / 2)
    assert (covered, originals) == (len(words), (6,))
    assert list(spans) == [1] and spans[1][0] == 1  # (from its second word on)


def test_a_copy_drawn_from_two_paragraphs_stays_credited_to_both() -> None:
    first, second = "the council approved the budget", "the mayor said it was fair"
    window = [(0, 1, first), (1, 1, second)]
    words = f"{first} {second}".split(" ")
    covered, _, _, originals, _, _ = coverage(words, window, len(words) / 2)
    assert (covered, originals) == (len(words), (0, 1))


def test_of_alignments_covering_as_much_the_one_from_fewer_paragraphs_is_taken() -> None:
    # The sentence twice: its first words in a teaser cut short and the rest from the
    # paragraph behind a dateline, with paragraphs between that the copy lacks; or all of it
    # from that paragraph's end and the next line. As many words, from fewer paragraphs.
    sentence = "work is due to start in march"
    window = [
        (1, 0, "work is due to"),
        (2, 1, f"{sentence} the mayor"),
        (3, 0, "key points"),
        (4, 4, f"washington ap {sentence}"),
        (5, 4, sentence),
    ]
    words = f"{sentence} {sentence}".split(" ")
    covered, _, ops, originals, _, spans = coverage(words, window, len(words) / 2)
    assert (covered, originals) == (len(words), (4, 5))
    assert sum(op.tag == "equal" for op in ops) == 1
    assert spans[3] == (2, 9)  # (the dateline's two words left out)


def test_names_replaced_only_when_every_difference_is_two_or_more_names() -> None:
    row = "Mill Lane Chemist, Dunmore: closed for the whole weekend."
    assert names_replaced(row, "Quay Street Clinic, Rathfin: closed for the whole weekend.")
    # One name corrected, a lower-case word changed too, or only sentences' first words: edits.
    assert not names_replaced(row, "Mill Lane Chemist, Dunmoore: closed for the whole weekend.")
    assert not names_replaced(row, "Abbey Street Clinic, Kilbeg: shut for the whole weekend.")
    assert not names_replaced("Police came. Firefighters left.", "Medics came. Soldiers left.")
    # Names added or dropped are no rows of one template.
    assert not names_replaced(
        row, "Mill Lane Chemist, Upper Dunmore: closed for the whole weekend."
    )


# Words of statements that say the opposite of each other, and words that have no opposite.
_SIDES = ["supporters", "opponents", "rose", "fell", "accept", "rejected", "above", "below"]
_PLAIN = ["the", "tax", "say", "will", "council", "backers", "in", "may"]


@given(
    st.lists(st.sampled_from(_SIDES + _PLAIN), max_size=12),
    st.lists(st.sampled_from(_SIDES + _PLAIN), max_size=12),
)
def test_says_the_opposite_without_an_alignment_answers_as_with_one(
    words: list[str], other: list[str]
) -> None:
    # The words each stretch of differences takes, looked up one by one in every case: the
    # function aligns the two only when a word of ``words`` has an opposite at all.
    ops = Indel.opcodes(words, other)
    expected = any(
        not OPPOSITES.get(w, frozenset()).isdisjoint(given)
        for taken, given in _stretches(ops, words, other)
        for w in taken
    )
    assert says_the_opposite(words, other) == says_the_opposite(words, other, ops) == expected


def test_small_edits_read_the_same_however_the_alignment_orders_a_word_said_twice() -> None:
    # "cd stringwars stringwars" (a command, then a variable of the same name) with a typo in
    # the first: an alignment may pair the copy's second word with the first one and insert
    # the second, past the typo rather than beside it. Both orders are the same edit, and so
    # is a heading run into the paragraph after it past a repeated word.
    typo, text = (
        "cd strinwgars stringwars dataset readme",
        "cd stringwars stringwars dataset readme",
    )
    words, other = typo.split(" "), text.split(" ")
    beside = Opcodes([("equal", 0, 1, 0, 1), ("delete", 1, 2, 1, 1), ("insert", 2, 2, 1, 2),
                      ("equal", 2, 5, 2, 5)], 5, 5)  # fmt: skip
    past = Opcodes([("equal", 0, 1, 0, 1), ("delete", 1, 2, 1, 1), ("equal", 2, 3, 1, 2),
                    ("insert", 3, 3, 2, 3), ("equal", 3, 5, 3, 5)], 5, 5)  # fmt: skip
    assert only_small_edits(words, other, beside) and only_small_edits(words, other, past)
    split, run = "see unpacking boxes boxes are heavy", "see unpackingboxes boxes are heavy"
    past = Opcodes([("equal", 0, 1, 0, 1), ("insert", 1, 1, 1, 2), ("delete", 1, 2, 2, 2),
                    ("equal", 2, 3, 2, 3), ("delete", 3, 4, 3, 3),
                    ("equal", 4, 6, 3, 5)], 6, 5)  # fmt: skip
    assert only_small_edits(split.split(" "), run.split(" "), past)
    # A word missing past the repeated one is no typo of it.
    other = f"{text[:24]} other {text[25:]}".split(" ")
    assert other[3] == "other"
    past = Opcodes([("equal", 0, 1, 0, 1), ("delete", 1, 2, 1, 1), ("equal", 2, 3, 1, 2),
                    ("insert", 3, 3, 2, 4), ("equal", 3, 5, 4, 6)], 5, 6)  # fmt: skip
    assert not only_small_edits(words, other, past)
