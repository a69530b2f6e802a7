"""textclean.dedupe on documents written for each duplication pattern, and on ones it must not
touch.

Every document here is made up for the test. Assertions name which paragraphs go, why (kind) and
which kept paragraph they repeat (original), rather than pinning whole outputs.
"""

from __future__ import annotations

import json
import quopri
import random
import re
import textwrap
import unicodedata
from typing import Any

import pytest

import textclean
from tests.benchmark_modules import load
from tests.documents import paragraphs
from textclean import Deduplicator, Paragraph, clean, dedupe, find_duplicates, split_paragraphs
from textclean.canonical import canonical_form
from textclean.structured import is_structured

_generate = load("_generate")

# An article of five paragraphs, with typographic quotes, an apostrophe and numbers.
P0 = (
    "The city council approved a €12 million plan on Tuesday to rebuild the Old Harbour bridge, "
    "ending a dispute that had delayed the project for more than three years."
)
P1 = (
    "“We have finally found a design that residents, engineers and the port can all live with,” "
    "said Mayor Ingrid Solberg after the vote, which passed by 31 votes to 14."
)
P2 = (
    "Work is due to start in March and should take about 18 months. During that time, ferries "
    "will run every 20 minutes between the two quays, and a temporary footbridge will be built "
    "next to the old one."
)
P3 = (
    "Opposition members argued that the cost had nearly doubled since the first estimate in 2021. "
    "They asked the council’s audit committee to review the contract before any money is spent."
)
P4 = (
    "The old bridge, opened in 1934, was closed to cars last autumn after inspectors found "
    "corrosion in two of its steel supports."
)
ARTICLE = [P0, P1, P2, P3, P4]


def doc(*paragraphs: str, sep: str = "\n\n") -> str:
    return sep.join(paragraphs)


def removed(result: textclean.DedupeResult) -> dict[int, tuple[int | None, str]]:
    """``{index: (original, kind)}`` of the removed paragraphs."""
    return {d.index: (d.original, d.kind) for d in result.duplicates}


def assert_accounted(result: textclean.DedupeResult) -> None:
    kept = set(result.kept)
    gone = {d.index for d in result.duplicates}
    assert not kept & gone
    assert kept | gone == set(range(len(result.paragraphs)))


# ------------------------------------------------------------------------------------------
# Duplication patterns


def test_body_twice_exact() -> None:
    result = dedupe(doc(*ARTICLE, *ARTICLE))
    assert result.text == doc(*ARTICLE)
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}
    assert all(d.similarity == 1.0 for d in result.duplicates)
    assert_accounted(result)


def test_merged_paragraphs_are_contained() -> None:
    copy = [P0, P1 + " " + P2, P3 + " " + P4]
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    assert removed(result) == {5: (0, "exact"), 6: (1, "contained"), 7: (3, "contained")} or {
        i: kind for i, (_, kind) in removed(result).items()
    } == {5: "exact", 6: "contained", 7: "contained"}
    merged = {d.index: d for d in result.duplicates}
    assert set(merged[6].originals) >= {1, 2}
    assert set(merged[7].originals) >= {3, 4}
    assert merged[6].similarity >= 0.9


def test_a_merged_copy_with_a_typo_two_words_from_its_end_goes() -> None:
    # The copy merges a figure's paragraph, a quotation and a heading, corrects the figure and
    # misspells the heading's third word from the end: the two words after the typo are too
    # few to count as found, but they close the copy where the heading ends.
    figure = "Repairs to the old quay cost $86.06 per square metre last year."
    quote = (
        "“We found cheaper options elsewhere, but we chose a local firm,” the harbour master said."
    )
    heading = "How the council will pay for the new bridge"
    merged = f"{figure.replace('86.06', '85.06')} {quote} {heading.replace('new', 'nwe')}"
    result = dedupe(doc(P0, figure, quote, heading, P1, P2, P0, merged, P1, P2))
    assert removed(result) == {
        6: (0, "exact"), 7: (1, "contained"), 8: (4, "exact"), 9: (5, "exact")
    }  # fmt: skip
    assert result.duplicates[1].originals == (1, 2, 3)
    # Not a line that merely shares its last word with a paragraph's after others: "Read" and
    # a book's title are no copy of "Read our review here." and "About <title>".
    review = ["Read our review here.", "About The Harbour at Night"]
    assert dedupe(doc(P0, *review, P1, "Read The Harbour at Night")).duplicates == ()


def test_a_copy_that_runs_a_read_more_link_into_a_paragraph_goes() -> None:
    # The copy runs a link after the paragraph into it; the first copy has no such link. What
    # the paragraph adds is a boilerplate line, so it goes (unless boilerplate is kept).
    link = "Read more: How the harbour bridge was built in 1931"
    text = doc(*ARTICLE, P0, f"{P1} {link}", P2)
    result = dedupe(text)
    assert removed(result) == {5: (0, "exact"), 6: (1, "contained"), 7: (2, "exact")}
    rule = {d.index: d.rule for d in result.duplicates}[6]
    assert rule.endswith(", and a boilerplate line")
    # With boilerplate kept, the link is content: the paragraph with it stays, and the one
    # without it goes as contained in it.
    assert removed(dedupe(text, boilerplate=False)) == {
        1: (6, "contained"),
        5: (0, "exact"),
        7: (2, "exact"),
    }
    # A sentence of content after it is no link: the paragraph says more, and stays.
    said = "Read the report, the mayor said, before the council votes on it in June."
    assert 6 in dedupe(doc(*ARTICLE, P0, f"{P1} {said}", P2)).kept


def test_merged_copy_of_paragraphs_with_repeated_short_lines_between() -> None:
    # Between the two paragraphs a merged copy runs together stand a long paragraph and two short
    # lines repeated right after themselves (removed only once every paragraph is matched). The
    # repeats add no words: they part no window, and the copy need not hold them.
    short = ["Closed", "Line 4 runs late"]
    result = dedupe(doc(P0, P1, *short, *short, P2, P0 + " " + P2))
    assert {i: kind for i, (_, kind) in removed(result).items()} == {
        4: "exact", 5: "exact", 7: "contained"
    }  # fmt: skip
    assert set({d.index: d for d in result.duplicates}[7].originals) == {0, 6}
    assert dedupe(result.text).duplicates == ()


# A paragraph of more than 1,000 characters (edited copies of it are aligned by Indel opcodes).
HEARING = (
    "The inquiry heard from eleven witnesses over four days, beginning with the engineer who "
    "first reported cracks in the eastern pier and ending with the finance director who signed "
    "the emergency contract. Each was asked when they had learned of the corrosion, whom they had"
    " told, and what had been written down at the time. Several answers did not match the minutes"
    " of the meetings in question, and the chair said that the panel would ask for the original "
    "notebooks. The engineer told the panel that she had raised the matter twice by email and "
    "once in person, and that on each occasion she had been assured that the inspection schedule "
    "would be brought forward. It was not, she said, and the next inspection took place fourteen "
    "months later than planned. A lawyer for the council said the delay had been caused by a "
    "shortage of divers qualified to work under the pier, not by any decision to ignore the "
    "warning. The chair asked why no other firm had been approached, and was told that the "
    "framework agreement allowed only one supplier. The panel will publish its findings in the "
    "spring, together with the evidence it received in writing from residents, ferry operators "
    "and the harbour pilots' association."
)


def test_merged_copy_with_a_long_edited_paragraph_accounts_for_each_paragraph() -> None:
    # The long paragraph lost a word in the copy; its alignment could match its last letter in
    # the next paragraph's first words ("summer" ... "summer"), and that paragraph was then not
    # found where it stands. A small edit leaves the paragraph's end as it was: the stretch ends
    # there, and every paragraph is found in the copy.
    long = HEARING + " The panel expects to report before the end of the summer."
    body = [P0, long, "After that summer the pier reopened to walkers.", P1, P2]
    copy = " ".join([P0, long.replace(" emergency", "", 1), *body[2:]])
    result = dedupe(doc(*body, copy))
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (5, "contained")
    assert dup.originals == (0, 1, 2, 3, 4)


def test_split_paragraph_is_contained() -> None:
    first, second = P2.split(". ", 1)
    copy = [P0, P1, first + ".", second, P3, P4]
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    found = removed(result)
    assert found[7] == (2, "contained")
    assert found[8] == (2, "contained")
    assert {i: found[i] for i in (5, 6, 9, 10)} == {
        5: (0, "exact"), 6: (1, "exact"), 9: (3, "exact"), 10: (4, "exact")
    }  # fmt: skip


_TERMINAL = [  # paragraphs of three sentences each, for a copy that splits every one of them
    "The harbour board met on Monday to review the plans for the new ferry terminal. Members "
    "heard that the cost had risen by a fifth since the spring. However, the chair said the work "
    "would still finish before the summer season began.",
    "Local traders welcomed the news but asked for a clearer timetable for the road closures. "
    "Several shop owners said they had lost trade during the last round of works on the quay. "
    "The board promised to publish a schedule within two weeks.",
    "Engineers told the meeting that the old pontoon would be towed away in pieces. The new "
    "structure will be built off site and floated into place over a single weekend. Divers will "
    "inspect the sea bed beforehand to check for old mooring chains.",
    "A public exhibition of the designs will open at the library next month. Residents will be "
    "able to leave comments, which the board has agreed to answer in writing within 28 days. "
    "The final decision is expected at the board's meeting in the autumn.",
]


def test_an_edited_part_of_a_split_copy_goes_between_the_other_parts() -> None:
    # The copy splits each paragraph after its first sentence, and rewords the second part of
    # the first ("However, the chair" -> "Though the chair"): a part whose words differ is held
    # until a run of copies confirms it, and the run goes on past the other part of the same
    # paragraph (0's first part before it, 1's parts after it).
    copy = []
    for k, paragraph in enumerate(_TERMINAL):
        first, rest = paragraph.split(". ", 1)
        copy += [f"{first}.", rest.replace("However, the", "Though the") if k == 0 else rest]
    result = dedupe(doc(*_TERMINAL, *copy))
    assert result.kept == (0, 1, 2, 3)
    assert removed(result)[5] == (0, "contained")
    # The same reworded part alone is no copy: it stays.
    alone = dedupe(doc(*_TERMINAL, copy[1]))
    assert alone.duplicates == ()


def test_a_corrected_figure_goes_after_a_copy_that_split_each_paragraph_before_it() -> None:
    # The copy splits the first three paragraphs in two and corrects a figure in the last: a
    # changed figure goes only with three copies lined up before it, and those are the parts
    # of three paragraphs, six paragraphs back (each paragraph's other part is passed over).
    copy = [part for paragraph in _TERMINAL[:3] for part in _split_after_first(paragraph)]
    last = _TERMINAL[3].replace("28 days", "30 days")
    result = dedupe(doc(*_TERMINAL, *copy, last))
    assert result.kept == (0, 1, 2, 3)
    assert removed(result)[10] == (3, "near")
    # With only two paragraphs split before it, it stays: an update, as far as three copies tell.
    shorter = [part for paragraph in _TERMINAL[1:3] for part in _split_after_first(paragraph)]
    assert 8 in dedupe(doc(*_TERMINAL, *shorter, last)).kept


def _split_after_first(paragraph: str) -> list[str]:
    first, rest = paragraph.split(". ", 1)
    return [f"{first}.", rest]


def test_a_merged_copy_with_a_word_reworded_here_and_there_goes() -> None:
    # Three paragraphs run into one, with two verbs replaced by others: a long copy lightly
    # reworded. Two paragraphs (fewer than fifty words a reworded word) stay: too short to tell
    # a rewording from another text written to the same pattern.
    def reworded(text: str) -> str:
        return text.replace("welcomed the", "praised the").replace("towed away", "pulled away")

    result = dedupe(doc(*_TERMINAL, reworded(" ".join(_TERMINAL[:3]))))
    assert result.kept == (0, 1, 2, 3)
    assert result.duplicates[0].originals == (0, 1, 2)
    shorter = reworded(" ".join(_TERMINAL[:2])).replace("heard that", "learned that")
    assert dedupe(doc(*_TERMINAL, shorter)).duplicates == ()


def test_merged_short_list_lines_are_contained() -> None:
    # List lines too short for band keys, and no sentences: the copy that runs two of them
    # together shares its first words with one and its last words with the other.
    specs = ["Battery life: about nine hours", "Weight: two kilograms with case"]
    result = dedupe(doc(P0, *specs, P1, P0, specs[0] + " " + specs[1], P1))
    assert {i: kind for i, (_, kind) in removed(result).items()} == {
        4: "exact", 5: "contained", 6: "exact"
    }  # fmt: skip
    assert {d.index: d.originals for d in result.duplicates}[5] == (1, 2)


def test_merged_table_of_contents_lines_that_share_no_key_are_contained() -> None:
    # Lines of two or three words share no key with the copy that runs them together, nor does
    # the copy's every four words. Word for word, in a row, they are its text. Lines of one word
    # (a code block's) run together later are another block's line, and lines not in a row, or
    # with a word of the copy's own between them, are no copy either.
    toc = ["4.4 Webmaker", "4.5 Developer Network", "5 Community"]
    result = dedupe(doc(P0, *toc, P1, " ".join(toc), P2))
    assert removed(result) == {5: (1, "contained")}
    assert result.duplicates[0].originals == (1, 2, 3)
    code = dedupe(doc(P0, "comments(", "first:", "Int)", P1, "comments(first: Int)", P2))
    assert code.duplicates == ()
    apart = dedupe(doc(P0, *toc, P1, f"{toc[0]} {toc[2]} and more", f"{toc[0]} {toc[2]}", P2))
    assert apart.duplicates == ()


def test_short_lines_are_never_near_copies() -> None:
    # Under min_chars (40) two short lines that differ by a word are both kept.
    lines = ["Add support for courier labels", "Add support for courier labels (fixed)"]
    result = dedupe(doc(P0, lines[0], P1, lines[1], P2))
    assert result.duplicates == ()


def test_a_heading_with_one_more_word_is_another_heading() -> None:
    # An added word at the end or start is a small edit (a dateline, "(AP)") only on a paragraph
    # of ten words or more; on its own, a heading with one more word is another heading.
    heading = "Ten harbour walks worth taking in the old town"
    result = dedupe(doc(P0, heading, P1, "Today: " + heading, P2))
    assert result.duplicates == ()


FERRIES = "Where the new ferries will stop next summer. Both quays get a pontoon by June."


def test_a_heading_that_repeats_a_sentence_stays() -> None:
    # No full stop, a heading's length, and nothing around it repeats the same paragraph.
    result = dedupe(doc(P0, FERRIES, P1, "Where the new ferries will stop next summer", P2))
    assert result.duplicates == ()


def test_the_same_words_beside_the_rest_of_their_paragraph_are_a_split_copy() -> None:
    first, second = FERRIES.split(". ")
    result = dedupe(doc(P0, FERRIES, P1, first, second, P2))
    assert {i: kind for i, (_, kind) in removed(result).items()} == {3: "contained", 4: "contained"}


def test_noisy_copy_mojibake_quotes_nbsp_entities() -> None:
    copy = [
        P0.replace(" ", "\u00a0", 6),  # no-break spaces
        _generate.mojibake(P1),  # UTF-8 read as Windows-1252: â€œWe have ...
        P2.replace(" and ", " &amp; "),  # an entity where the first copy has a word
        P3.replace("’", "&#8217;"),  # a numeric entity
        P4.replace(",", " ,"),  # stray spaces before commas
    ]
    straight = P1.replace("“", '"').replace("”", '"')
    noisy = doc(*ARTICLE, *copy, straight)
    result = dedupe(noisy)
    assert result.text == clean(doc(*ARTICLE))
    found = removed(result)
    assert set(found) == {5, 6, 7, 8, 9, 10}
    assert {i: original for i, (original, _) in found.items()} == {
        5: 0, 6: 1, 7: 2, 8: 3, 9: 4, 10: 1
    }  # fmt: skip
    # "&" for "and" leaves a word out of the copy: contained in the original rather than near.
    assert {kind for _, kind in found.values()} <= {"exact", "near", "contained"}
    assert found[6] == (1, "exact")  # mojibake repaired by cleaning: same canonical text
    assert found[10] == (1, "exact")  # quotes are not part of the canonical form


def test_copy_without_accents_is_an_exact_copy() -> None:
    # A copy stripped of its diacritics (an ASCII feed, an old CMS) has the words of the body.
    body = [
        "La mairie a présenté mardi un projet de pont piéton au-dessus du port, après des mois "
        "de débats.",
        "« Nous avons enfin trouvé un tracé qui convient à tous », a déclaré la maire "
        "Inès Nørgård.",
        "Заседание совета прошло в среду; решение ещё не принято, сообщила пресс-служба.",
    ]
    folded = [unicodedata.normalize("NFKD", p) for p in body]
    stripped = ["".join(c for c in p if not unicodedata.combining(c)) for p in folded]
    assert all(a != b for a, b in zip(body, stripped, strict=True))
    result = dedupe(doc(*body, *stripped))
    assert result.text == doc(*body)
    assert removed(result) == {3: (0, "exact"), 4: (1, "exact"), 5: (2, "exact")}
    # The vowel signs of Indic scripts are part of the word: not diacritics.
    assert canonical_form("हिन्दी") != canonical_form("हनद")


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc", "\u02bb", "`"])
def test_every_apostrophe_parts_words_alike(apostrophe: str) -> None:
    assert canonical_form(f"Don{apostrophe}t stop, Hawai{apostrophe}i") == "don t stop hawai i"


@pytest.mark.parametrize(
    "decorate",
    [
        lambda n, p: f"{p} (Reuters)",
        lambda n, p: f"{p} [Read more]",
        lambda n, p: f"ANNA BERG: {p}",
        lambda n, p: f"10:{n:02d} AM - {p}",
        lambda n, p: f"{n + 1:3d} | {p}",
    ],
    ids=["credit", "read more", "speaker", "time", "line number"],
)
def test_copy_with_the_same_decoration_on_every_paragraph(decorate: Any) -> None:
    # The copy's long paragraphs go as copies with a few words added at one end; its headings
    # and short lines, which the same words would make new items, go beside them.
    body = ["Harbour bridge", P0, "What happens next", P1, "Costs", P2]
    copy = [decorate(n, p) for n, p in enumerate(body)]
    result = dedupe(doc(*body, *copy))
    assert result.text == doc(*body)
    assert {d.index: d.original for d in result.duplicates} == {6 + n: n for n in range(6)}


def test_a_decorated_line_beside_no_decorated_copy_stays() -> None:
    # Numbered lines after their plain list, with no copy beside them: a ranking of the same
    # items, not a copy. And a line whose words differ from its neighbours' decoration stays.
    items = ["Harbour bridge", "Tram line", "Ferry terminal"]
    ranked = [f"{n + 1}. {item}" for n, item in enumerate(items)]
    assert dedupe(doc(*items, P0, *ranked)).duplicates == ()
    copy = [f"{P0} (Reuters)", "Harbour bridge (AFP)", f"{P1} (Reuters)"]
    result = dedupe(doc(P0, "Harbour bridge", P1, *copy))
    assert set(removed(result)) == {3, 5}


def test_dateline_and_ap_tail() -> None:
    copy = ["WASHINGTON (AP) — " + P0, P1, P2, P3 + " (AP)", P4]
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    found = removed(result)
    assert found[5][0] == 0 and found[5][1] in ("near", "contained")
    assert found[8][0] == 3 and found[8][1] in ("near", "contained")


def test_a_lede_that_dropped_its_first_sentence_for_a_dateline_goes() -> None:
    # A syndicated copy's lede: a dateline, then the lede's sentences but its first. Apart from
    # a run of copies (a paragraph between), it goes as the close of the lede it copies.
    first = "The harbour ferry will run all winter for the first time in a decade."
    second = "The council approved the plan on Tuesday after a long debate about its cost."
    lede = f"{first} {second} Tickets go on sale in October."
    copy = f"CEDAR FALLS (AP) — {second} Tickets go on sale in October."
    result = dedupe(doc(lede, P1, P2, copy))
    assert removed(result) == {3: (0, "contained")}
    assert "behind a dateline" in result.duplicates[0].rule
    # Words of the lede's middle, or a sentence cut short, are no close of it.
    middle = f"CEDAR FALLS (AP) — {second}"
    cut = f"CEDAR FALLS (AP) — Tuesday after a long debate about its cost. {lede[-30:]}"
    for other in (middle, cut):
        assert dedupe(doc(lede, P1, P2, other)).duplicates == ()


@pytest.mark.parametrize(
    "label", ["UPDATE (6:14 a.m. ET): ", "Update, 6:14 a.m.: ", "Updated at 4:15 a.m.: "]
)
def test_a_copy_behind_an_updates_label_goes(label: str) -> None:
    # A live page's label in front of a paragraph it printed again: the label's time made the
    # copy another text, which stayed (or took the body's paragraph's place, as the later
    # paragraph holding all its words).
    copy = [P0, P1, label + P2, P3, P4]
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    assert removed(result)[7] == (2, "near")
    assert "behind an update" in result.duplicates[2].rule
    # Apart from a run of copies too; a label over new text, or words that are no update's
    # label, stay.
    assert removed(dedupe(doc(P2, P0, label + P2))) == {2: (0, "near")}
    new = label + "The council has since approved the plan, the mayor said on Wednesday."
    assert dedupe(doc(P2, P0, new)).duplicates == ()
    aside = "Update on the ferries: " + P2
    assert dedupe(doc(P2, P0, aside)).duplicates == ()


def test_a_copy_behind_a_news_flashs_label_goes() -> None:
    # The outlet's social post after the body prints its first paragraphs behind a news
    # flash's label ("BREAKING:", "🚨 JUST IN —"): it goes as a near copy, the label an affix,
    # as a dateline is. A label that says something of the paragraph ("Cancelled:") keeps it,
    # as does the label over new text.
    for label in ("BREAKING: ", "🚨 JUST IN — ", "New: "):
        result = dedupe(doc(*ARTICLE, label + P0, P1))
        assert result.text == doc(*ARTICLE)
        assert removed(result) == {5: (0, "near"), 6: (1, "exact")}
    assert dedupe(doc(*ARTICLE, "Cancelled: " + P0)).kept == tuple(range(6))
    new = "BREAKING: The council has since approved the plan, the mayor said on Wednesday."
    assert dedupe(doc(*ARTICLE, new)).kept == tuple(range(6))


def test_corrected_number() -> None:
    copy = [P0, P1.replace("31 votes to 14", "32 votes to 13"), P2, P3, P4]
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    near = {d.index: d for d in result.duplicates}[6]
    assert (near.original, near.kind) == (1, "near")
    assert 0.9 <= near.similarity < 1.0


def test_a_quote_with_a_credit_in_a_later_copy_does_not_turn_the_body_round() -> None:
    # The copy after the body adds "(AP)" to a short line of dialogue that no key links to its
    # original. That later line holds every word of the earlier one, yet it is the copy (the
    # earlier with a credit added), not a longer text the body's line was taken from: the body
    # stays whole, and the copy goes, that line as a near copy inside the run.
    story = [
        "The rain had not stopped for three days when the ferry finally reached the harbour.",
        "Mara stood at the rail with her bag, watching the town grow out of the fog.",
        "“Not yet! Wait. Wait for me!”",
        "Her brother was running down the pier, waving his hat and shouting over the gulls.",
        "She laughed and waved back, though the wind took most of the sound away.",
        "“You came,” he said when she stepped onto the boards at last.",
        "“Of course I came. I promised.”",
        "They walked up the hill together past the closed shops and the empty church.",
        "At the top their mother was waiting in the doorway with a lamp in her hand.",
        "Nobody said anything for a while, and then everybody talked at once.",
    ]
    copy = [*story[:2], story[2] + " (AP)", *story[3:]]
    result = dedupe(doc(*story, *copy))
    assert result.text == doc(*story)
    assert removed(result)[12] == (2, "near")


PLAYERS = [
    "Ana Ruiz, guard", "Bea Lindqvist, forward", "Cara Osei, center", "Dana Petrov, guard",
    "Eva Moreau, forward", "Fay Olsen, center", "Gia Berg, guard", "Hana Sato, forward",
    "Ida Quist, guard", "Jo Amari, center",
]  # fmt: skip


def box_score(title: str, stats: list[tuple[int, ...]]) -> list[str]:
    """A game's box score: a line a player, the same line for each who did not play."""
    lines, played = [title], iter(stats)
    for k, player in enumerate(PLAYERS):
        if k in (2, 4, 6, 7, 8):
            lines.append(f"{player}: did not play (rested), listed as available for the next game.")
        else:
            minutes, made, tried, free, rebounds = next(played)
            lines.append(
                f"{player}: {minutes} minutes, {made} of {tried} from the field, {free} points off "
                f"free throws, {rebounds} rebounds."
            )
    return lines


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_line_with_three_figures_changed_inside_a_repeated_run_is_no_corrected_copy(
    sep: str,
) -> None:
    # Two games' box scores: the lines of the players who did not play are the same in both,
    # so a player's line in the second stands inside a run of repeats; with other minutes,
    # shots and rebounds it is another game's line, not a copy that corrected a figure.
    first = box_score("Game 1: Harbour City 71, Port Ellis 64", [
        (31, 7, 12, 3, 4), (25, 6, 9, 0, 11), (22, 3, 8, 8, 2), (18, 2, 6, 9, 5), (12, 1, 3, 2, 2),
    ])  # fmt: skip
    second = box_score("Game 2: Harbour City 58, Port Ellis 66", [
        (33, 4, 13, 6, 5), (21, 3, 10, 4, 12), (24, 5, 9, 2, 3), (16, 1, 5, 0, 4), (14, 2, 4, 1, 3),
    ])  # fmt: skip
    result = dedupe(sep.join(first + second))
    assert {result.paragraphs[d.index].text for d in result.duplicates} == {
        line for line in second if "did not play" in line
    }
    assert {d.kind for d in result.duplicates} == {"exact"}


AD = "Advertisement"
EDITED = [
    "WASHINGTON (AP) — " + P0,
    P1.replace("31 votes to 14", "32 votes to 13"),
    P2.replace("about 18 months", "about 20 months"),
    P3 + " (AP)",
    P4.replace("corrosion", "corosion"),
]
# Edited in every paragraph (another house style) ...
HOUSE_STYLE = [
    P0.replace("on Tuesday", "on Wednesday"),
    P1.replace("said Mayor", "says Mayor"),
    P2.replace("is due to start", "is set to start"),
    P3.replace("They asked", "They urged"),
    P4.replace("last autumn", "last year"),
]
# ... and so with a figure corrected among the edits.
RESTYLED = [HOUSE_STYLE[0], P1.replace("31 votes to 14", "32 votes to 13"), *HOUSE_STYLE[2:]]
PAGE = [P0, AD, P1, "Story continues below advertisement", P2, P3, AD, P4]


@pytest.mark.parametrize(
    ("body", "copy"),
    [
        # The page's body with ad lines between its paragraphs, a clean copy after it ...
        (PAGE, EDITED),
        # ... or the other way round: each shifts the distances between paragraphs of one copy.
        (ARTICLE, [EDITED[0], AD, EDITED[1], EDITED[2], AD, AD, EDITED[3], EDITED[4]]),
        (ARTICLE, EDITED),
        # The corrected figure's neighbours are confirmed only as a run of edited copies.
        (ARTICLE, RESTYLED),
        (PAGE, RESTYLED),
    ],
)
def test_an_edited_copy_lines_up_past_boilerplate_lines_in_either_copy(
    body: list[str], copy: list[str]
) -> None:
    # The corrected figures go only beside paragraphs that repeat their neighbours; an ad line
    # between them in one copy and not in the other is passed over.
    result = dedupe(doc(*body, *copy))
    assert result.text == doc(*ARTICLE)
    first = [k for k, text in enumerate(body) if text != AD and "advertisement" not in text]
    repeats = {
        i: original for i, (original, kind) in removed(result).items() if kind != "boilerplate"
    }
    copies = [len(body) + k for k, text in enumerate(copy) if text != AD]
    assert repeats == dict(zip(copies, first, strict=True))


@pytest.mark.parametrize("copy", [EDITED, RESTYLED])
def test_an_edited_copy_lines_up_with_a_body_that_repeats_its_runs(copy: list[str]) -> None:
    # p0 p1 p0 p1 p2 p3 p4 p2 p3 p4, then an edited copy: its originals stand apart by the
    # repeats between them, which are passed over.
    body = [P0, P1, P0, P1, P2, P3, P4, P2, P3, P4]
    result = dedupe(doc(*body, *copy))
    assert result.text == doc(*ARTICLE)
    assert {i: original for i, (original, _) in removed(result).items() if i >= 10} == {
        10: 0,
        11: 1,
        12: 4,
        13: 5,
        14: 6,
    }


def test_a_corrected_figure_goes_once_the_headings_beside_its_original_have_gone() -> None:
    # A body that repeats each run of paragraphs right after it, headings included, then a
    # copy with a corrected figure. The headings' repeats go only at the end (short lines go
    # beside copies that line up), and only then do the figure's original and its copy line up.
    vote, works = "Why the vote matters", "What happens next"
    body = [P0, vote, P1, P0, vote, P1, P2, works, P2, works, P3, P4]
    copy = [vote, P1, P2.replace("about 18 months", "about 20 months"), works, P3, P4]
    result = dedupe(doc(*body, *copy))
    assert result.text == doc(P0, vote, P1, P2, works, P3, P4)
    assert removed(result)[14] == (6, "near")


def test_a_corrected_figure_beside_an_edited_copy_lines_up_past_the_repeats_of_the_body() -> None:
    # p0 p1 p0 p1 p2 p3 p2 p3 p4, then a copy in another house style whose last paragraph
    # corrects a figure: the paragraph beside that one's original (8) is a repeat (7), of the
    # paragraph (5) that the edited one beside the copy repeats.
    body = [P0, P1, P0, P1, P2, P3, P2, P3, P4]
    copy = [*HOUSE_STYLE[:4], P4.replace("in 1934", "in 1936")]
    result = dedupe(doc(*body, *copy))
    assert result.text == doc(*ARTICLE)
    assert removed(result)[13] == (8, "near")


def test_a_corrected_figure_goes_beside_a_short_line_with_a_typo_that_waits_for_it() -> None:
    # Games of a list, each a name, a picker, a review and a line of figures; then a copy in
    # which one review corrects a year and the line after it has a typo. The review goes only
    # with copies on both sides of it (a figure changed alone is an update), and the line, too
    # short for a fuzzy hash, goes only between copies: it stands for a copy of its original
    # (a small edit, the same figures), and then goes in turn.
    review = (
        "In my review of Harbour Lights I called it the best family game of the year, and that "
        "has held through the winter. Tide Tables is fun, but it was first sold in 2025, so it "
        "does not count. It is easy to learn and hard to master, and every game ends close."
    )
    body = [
        "2-4 Players • Ages 8+ • 30 minutes • $55",
        "Harbour Lights",
        "Chosen by Ann",
        review,
        "1-4 Players • Ages 10+ • 60 minutes • $65",
        "Meadow Run",
        "Chosen by Ben",
        "2-5 Players • Ages 8+ • 45 minutes • $30",
    ]
    copy = [*body[:3], review.replace("2025", "2029"), body[4].replace("minutes", "mintues")]
    result = dedupe(doc(*body, *copy, *body[5:]))
    assert result.text == doc(*body)
    assert removed(result)[len(body) + 3] == (3, "near")


def test_a_table_title_with_a_credit_goes_with_the_short_lines_around_it() -> None:
    # A copy whose table title adds "(AP)": a line too short to take the credit for an affix
    # alone, so it goes only inside a run of copies, and the lines around it (a chart's label,
    # its source, the table's rows) are short, and go only beside a copy. Once the short lines
    # before it go beside the copy of the paragraphs above them, the title lines up with them,
    # and the rows after it go beside it.
    states = ["Alaska", "Wyoming", "Montana", "Idaho", "Vermont", "Maine", "Ohio", "Utah"]
    rows = [f"{n + 1} {state} ${40 + 3 * n}.{10 + n}" for n, state in enumerate(states)]
    title = "Average hourly marketing rates by state in 2024"
    labels = ["Chart 2: Full data table", "Source: our survey"]
    head = "Rank State Average Hourly Rate"
    body = [P2, P3, P0, P1, *labels, title, head, *rows]
    copy = [P0, P1, *labels, f"{title} (AP)", head, *rows]
    result = dedupe(doc(*body, *copy))
    assert result.text == doc(*body)
    assert removed(result)[len(body) + 4] == (6, "near")


def test_short_lines_of_a_copy_line_up_past_the_repeats_of_a_body_that_repeats_its_runs() -> None:
    # p0 p1 p0 p1, then a product's name and list lines, repeated, and so on; then a copy that
    # ends with the list. The name's neighbour in the copy repeats p1, and what stands beside
    # p1 is the name once the repeats of p0 and p1 are passed over.
    name, lines = "Warbonnet Blackbird", ["Pros", "Lightweight"]
    body = [P0, P1, P0, P1, name, *lines, name, *lines, P2, P2]
    result = dedupe(doc(*body, P0, P1, name, *lines))
    assert result.text == doc(P0, P1, name, *lines, P2)
    assert {i: removed(result)[i] for i in (14, 15, 16)} == {
        14: (4, "exact"), 15: (5, "exact"), 16: (6, "exact"),
    }  # fmt: skip


def test_a_section_heading_repeating_the_contents_is_no_run_repeated_right_after_itself() -> None:
    # A table of contents, then each section under its entry printed again: the entries go as
    # repeats of the headings, which stay in their places; the "Overview:" of one section is no
    # copy of another's, though in the first section it stands right after the entry's repeat,
    # three paragraphs after the entry.
    toc = [
        "1. The harbour bridge and how the council voted",
        "2. The ferry timetable while the works last",
        "3. What the new bridge will cost the city",
    ]
    page = [*toc, toc[0], "Overview:", P1, toc[1], P0, "Pros", P2, toc[2], "Overview:", P3]
    assert removed(dedupe(doc(*page))) == {0: (3, "exact"), 1: (6, "exact"), 2: (10, "exact")}


def test_a_copy_lines_up_with_the_body_whose_paragraph_a_highlights_box_printed_first() -> None:
    # A box after the lead repeats p2, so the body's own p2 goes as the box's repeat while
    # copies are matched; a later copy with p2 reworded (a near copy that must stand inside a
    # run) lines up with the body's p1 and p3 around the place where p2 was printed the second
    # time. Last, the body's p2 stays and the box's goes, and its label with it.
    reworded = (
        P2.replace("is due to start", "is set to begin")
        .replace("should take", "should last")
        .replace("During that time", "During that period")
        .replace("between the two quays", "between both quays")
    )
    page = [P0, "Key points", P2, P1, P2, P3, P4]
    result = dedupe(doc(*page, P0, P1, reworded, P3, P4))
    assert result.text == doc(P0, P1, P2, P3, P4)
    assert {i: removed(result)[i] for i in (1, 2, 9)} == {
        1: (None, "boilerplate"), 2: (4, "exact"), 9: (4, "near")
    }  # fmt: skip


def test_a_mail_header_with_another_time_stays_though_the_lines_under_it_repeat() -> None:
    # Two mails quoted in one post: the second's "Date:" line differs from the first's by its
    # time only and the "To:" and "Subject:" lines under it repeat, but the line above it is
    # new. A corrected figure goes only with its copy's paragraphs on both sides of it. The
    # header's rows ("Subject: ..." of seven words too) are a table with a row of its own, the
    # date: a second header, not a copy of the first, and its rows stay.
    header = ["To: Ruth Castellano", "Subject: Re: the harbour bridge inspection schedule"]
    first = ["Date: Wed, 6 Feb 2002 22:33:19 +0000\nFrom: Daniel Okafor", *header]
    page = [
        P0, *first, P1, "And then the reply came, two hours later.",
        first[0].replace("22:33:19", "23:43:29"), *header, P2,
    ]  # fmt: skip
    result = dedupe(doc(*page))
    # (the header's lines are a paragraph each: "From:" again goes, "Date:" stays)
    assert [p.text for p in result.paragraphs[7:9]] == first[0].replace(
        "22:33:19", "23:43:29"
    ).split("\n")
    assert result.duplicates == ()


def test_rows_repeated_in_runs_are_no_copies_of_other_rows() -> None:
    # Rows differing by a date, each run of them repeated right after it: the exact repeats go,
    # and no row goes as a near copy of another, though its own repeat stands where that row's
    # neighbour's would once the repeats are passed over.
    days = ("September 10", "September 17", "September 24", "October 1", "October 8")
    rows = [f"{day} 12pm- 1pm SAAC 217 Carrie Menke, Ph.D" for day in (*days, "October 15")]
    runs = [rows[0], rows[1], rows[0], rows[1], rows[2], rows[3], rows[4], rows[2], rows[3]]
    page = ["Yoga: Body, Breath, & Mind Series", "Schedule", "Schedule", *runs, rows[4], rows[5]]
    result = dedupe(doc(*page))
    assert {kind for _, kind in removed(result).values()} == {"exact"}
    # (The second "Schedule" goes too: a line repeated right after itself beside runs that are.)
    assert [result.paragraphs[i].text for i in result.kept] == page[:2] + rows


def test_rows_of_another_year_stay_with_ad_lines_between_them() -> None:
    def year(figures: list[tuple[str, str]]) -> list[str]:
        return [
            f"{region} region sales rose {change} percent to {total} million euros in the year."
            for region, (change, total) in zip(("North", "South", "East"), figures, strict=True)
        ]

    table = [
        "Results for 2024",
        *year([("4.1", "12.3"), ("2.2", "8.9"), ("1.5", "6.4")]),
        AD,
        "Results for 2025",
        *year([("3.7", "12.8"), ("2.9", "9.2"), ("0.5", "6.3")]),
    ]
    table.insert(7, AD)
    assert {kind for _, kind in removed(dedupe(doc(*table))).values()} == {"boilerplate"}


def test_fixed_typo() -> None:
    with_typo = P4.replace("inspectors", "inpsectors")
    result = dedupe(doc(P0, P1, P2, P3, with_typo, P0, P1, P2, P3, P4))
    assert result.kept == (0, 1, 2, 3, 4)
    found = {d.index: d for d in result.duplicates}
    assert (found[9].original, found[9].kind) == (4, "near")
    assert found[9].similarity > 0.95


def test_words_run_together_or_split_apart() -> None:
    # A space lost at a link's edge, or a compound spelt open ("foot bridge", "health care"):
    # the same letters, so an edited copy, not another statement.
    run_together = P3.replace("the cost had", "thecost had")
    split_apart = P2.replace("footbridge", "foot bridge")
    result = dedupe(doc(*ARTICLE, run_together, split_apart))
    assert removed(result) == {5: (3, "near"), 6: (2, "near")}
    # Numbers are not respaced: "9 5" and "95" are different figures.
    figure = "The ferries carried 95 000 passengers in the first month, the operator said."
    changed = "The ferries carried 9 5000 passengers in the first month, the operator said."
    assert dedupe(doc(figure, P0, changed)).duplicates == ()


def test_short_lines_edited_inside_a_copy_go() -> None:
    # Headings too short for a fuzzy hash: a typo or a lost space shows only where the run of
    # copies puts them.
    body = [P0, "Step 1: Consider the budget", P1, "Step 2: Choose the route", P2]
    copy = [P0, "Step 1: Considerthe budget", P1, "Step 2: Chose the route", P2]
    result = dedupe(doc(*body, *copy))
    assert removed(result) == {5: (0, "exact"), 6: (1, "near"), 7: (2, "exact"),
                               8: (3, "near"), 9: (4, "exact")}  # fmt: skip
    assert result.text == doc(*body)
    # Another step at that place, or the same heading edited outside a run, stays.
    other = [P0, "Step 3: Consider the budget", P1, "Step 2: Choose the route", P2]
    assert removed(dedupe(doc(*body, *other))).keys() == {5, 7, 8, 9}
    assert dedupe(doc(*body, P3, "Step 2: Chose the route", P4)).duplicates == ()


def test_edited_short_lines_after_an_exact_one_inside_a_copy_go() -> None:
    # The run of copies places each line in turn, the exact short line included: past it, the
    # edited lines stand where the copies of the next steps go.
    steps = ["Step 1: Consider the budget", "Step 2: Choose the route", "Step 3: Book the rooms"]
    edited = ["Step 1: Consider the budget", "Step 2: Chose the route", "Step 3: Book therooms"]
    result = dedupe(doc(P0, P1, *steps, P2, P0, P1, *edited, P2))
    assert removed(result) == {6: (0, "exact"), 7: (1, "exact"), 8: (2, "exact"),
                               9: (3, "near"), 10: (4, "near"), 11: (5, "exact")}  # fmt: skip
    assert result.text == doc(P0, P1, *steps, P2)
    # With another step first, that one stays; the edited ones stand where the copies around
    # the three put the steps, one for one, and go as edited lines between copies.
    other = ["Step 4: Pack the bags", *edited[1:]]
    assert removed(dedupe(doc(P0, P1, *steps, P2, P0, P1, *other, P2))).keys() == {
        6, 7, 9, 10, 11
    }  # fmt: skip
    # With the edited ones in another order too, nothing places them: they stay.
    shuffled = ["Step 4: Pack the bags", *edited[:0:-1]]
    assert removed(dedupe(doc(P0, P1, *steps, P2, P0, P1, *shuffled, P2))).keys() == {6, 7, 11}


def test_edited_list_lines_between_short_lines_that_a_round_confirms_go() -> None:
    # A list of lines too short for a fuzzy hash, copied with typos here and there: the exact
    # lines go as short repeats inside the copy, in rounds after the first places were looked
    # at; the edited ones between them stand where the copy puts them once those went.
    gear = ["Gear list", "- a tent", "- two sleeping bags", "- a camping stove",
            "- a water filter", "- a first aid kit", "- a head torch", "Food", "- oats",
            "- dried fruit", "- rice"]  # fmt: skip
    typos = {3: "- a campign stove", 5: "- a frist aid kit", 9: "- driedfruit"}
    copy = [typos.get(k, line) for k, line in enumerate(gear)]
    result = dedupe(doc(P0, *gear, P1, P0, *copy, P1))
    assert removed(result) == {
        k + 13: (k, "near" if k - 1 in typos else "exact") for k in range(len(gear) + 2)
    }
    assert result.text == doc(P0, *gear, P1)
    # Other items in those places (a word replaced, not a typo) stay.
    items = {3: "- a camping chair", 5: "- a first aid manual", 9: "- dried mango"}
    other = [items.get(k, line) for k, line in enumerate(gear)]
    gone = removed(dedupe(doc(P0, *gear, P1, P0, *other, P1)))
    assert gone.keys().isdisjoint(k + 14 for k in items)
    assert gone.keys().isdisjoint(range(13))


def test_edited_lines_in_a_row_between_copies_go() -> None:
    # A buyer's guide copied with edits in five lines in a row: the first with two words
    # swapped (another item, or a copy? too short to tell) and the last with another model
    # number stay, and no exact line beside the three between them places those. They stand
    # where the copies around the five put the three lines between their originals, one for
    # one, each close to its own (the heading by that rule; the paragraph is a near copy
    # anyway, and the line after it goes as such once the two went).
    tools = [
        "12. Battery Tester",
        "Battery testers check the condition and the capacity of the backup batteries in alarm "
        "and emergency lighting systems.",
        "Our picks:",
        "- Fluke BT510 Battery Analyzer",
        "13. Loop Tester",
        "Loop testers measure the resistance of a circuit to check that its protective devices "
        "will trip in time.",
        "Our picks:",
        "- Fluke 1672 Installation Tester",
        "- Kewtech Installation Tester",
        "14. Continuity Tester",
        "Continuity testers check that a circuit is complete and find the breaks in it before "
        "any power is turned on.",
    ]
    edits = {
        3: "- Fluke BT510 Analyzer Battery",
        4: "13. Loop Tetser",
        5: tools[5].replace("resistance", "resistnace"),
        6: "Our pikcs:",
        7: "- Fluke 1676 Installation Tester",
    }
    copy = [edits.get(k, line) for k, line in enumerate(tools)]
    result = dedupe(doc(P0, *tools, P1, P0, *copy, P1))
    assert result.kept == (*range(13), 17, 21)
    assert {k: removed(result)[k + 14] for k in (4, 5, 6)} == {
        k: (k + 1, "near") for k in (4, 5, 6)
    }
    rules = {d.index: d.rule for d in result.duplicates}
    assert rules[18].endswith("between copies of the paragraphs around it")


def test_a_line_with_a_word_changed_between_copies_goes() -> None:
    # A word swapped in a line too short for a fuzzy hash: the copies of the paragraphs on both
    # sides of the original place it.
    line, edited = "The ferry runs as normal on weekdays.", "The ferry runs as usual on weekdays."
    result = dedupe(doc(P0, line, P1, P2, P0, edited, P1))
    assert removed(result) == {4: (0, "exact"), 5: (1, "near"), 6: (2, "exact")}
    assert result.text == doc(P0, line, P1, P2)
    # A copy on one side only, another figure (a row of another table), or another line, stays.
    assert removed(dedupe(doc(P0, line, P1, P2, P0, edited, P3))).keys() == {4}
    row, other_row = "Battery life: up to 12 hours", "Battery life: up to 10 hours"
    assert removed(dedupe(doc(P0, row, P1, P2, P0, other_row, P1))).keys() == {4, 6}
    assert removed(dedupe(doc(P0, line, P1, P2, P0, "Buses run all night.", P1))).keys() == {4, 6}


def test_a_copy_cut_off_after_a_few_words_of_a_paragraph_goes() -> None:
    # A copy cut at a number of characters: its last piece, the start of the paragraph after
    # its original, is too short to be a description cut short.
    cut = " ".join(P1.split()[:6])
    result = dedupe(doc(P0, P1, P2, P3, P0, cut))
    assert removed(result) == {4: (0, "exact"), 5: (1, "contained")}
    assert result.text == doc(P0, P1, P2, P3)
    # After a heading's copy, the product named under it in the review stays: its price line
    # under the heading's first copy starts with the name.
    heading, product = "The best press for small kitchens", "Harbour Mini Coffee Press"
    guide = [heading, product + " at Gazette Shop $40", P2, P3]
    review = [heading, product, P4]
    assert removed(dedupe(doc(P0, *guide, P1, *review))).keys() == {6}


# Unique text that looks like a copy of something, each kind once taken for one.
_PIECED_HEADING = [  # the start of one heading and the end of another, four paragraphs between
    "Step by step guide to planning a tram route",
    "Planners start from where people live and work, and from the roads that are full.",
    "Step 1: count the passengers on the buses that the tram would replace, line by line.",
    "Step 2: walk the streets of each route and note every junction, bridge and school.",
    "Step 3: ask the residents along the two best routes which one they would rather have.",
    "Why does the tram need a lane of its own on the bridge?",
    "Without it, the trams would wait in the same queues as the cars at every rush hour.",
    "The council will decide on the bridge in March, after a second public consultation.",
    "Step by step guide to planning a lane of its own on the bridge",
    "First, the engineers measure how wide the deck is and how much weight it can carry.",
]
_VALUE_IN_A_LATER_TABLE = [  # a heading-sized part of a longer later paragraph, as of an earlier
    "The Ridgeline hammock sets up in two minutes and packs down to the size of a melon.",
    "Dimensions:",
    "12 ft x 4.8 ft",
    "It comes with a rainfly, straps and a stuff sack that doubles as a pillow at night.",
    "Ridgeline: $180. 1 lb. 14.8 oz. 12 ft x 4.8 ft. Rainfly, straps and stuff sack. Drift: "
    "$95. 1 lb. 6 oz. 11 ft x 5.3 ft. Straps only.",
]
_PREFIXED_WORD = [  # "disadvantages" is "advantages" with three letters more, but no typo of it
    "Advantages of building the new harbour wall in stone",
    "Stone lasts for a century and needs little upkeep, the engineers said in their report.",
    "Disadvantages of building the new harbour wall in stone",
    "It costs twice as much as concrete and takes a year longer to build, they added.",
]


@pytest.mark.parametrize(
    "paragraphs",
    [_PIECED_HEADING, _VALUE_IN_A_LATER_TABLE, _PREFIXED_WORD],
    ids=["heading pieced from two far apart", "value repeated in a later table", "prefixed word"],
)
def test_unique_text_that_looks_like_a_copy_is_kept(paragraphs: list[str]) -> None:
    assert dedupe(doc(*paragraphs)).duplicates == ()


def test_copy_with_a_word_changed_in_every_paragraph() -> None:
    # House-style edits of a syndicated copy: no paragraph of the copy is an exact or typo-level
    # match to start a repeated run from; the run of near copies in order is the evidence.
    result = dedupe(doc(*ARTICLE, *HOUSE_STYLE))
    assert result.kept == (0, 1, 2, 3, 4)
    assert {i: original for i, (original, _) in removed(result).items()} == {
        5 + k: k for k in range(5)
    }
    assert all(d.similarity < 1.0 for d in result.duplicates)


def test_template_rows_differing_by_a_word_are_kept() -> None:
    # Each row is a near copy of every other: no copy stands in order against one original.
    rows = [
        f"The {colour} model costs less and ships with a charger, a case and a two-year "
        "warranty from the maker."
        for colour in ("blue", "red", "green", "black", "white", "grey")
    ]
    assert dedupe(doc(*rows)).duplicates == ()


def test_lines_of_one_template_naming_other_people_or_days_stay_among_repeats() -> None:
    # Notices and minutes written to one template: each entry repeats some lines word for word
    # (the donation line, "Carried."), and others differ by a name or a day only. Those are
    # another person's, another day's: no edited copy, though repeats stand around them.
    notices = []
    for name, place, day, spouse in (
        ("HALVERSON, Edith Mae", "Riverside Hospital", "Sunday", "Walter"),
        ("OKONJO, Samuel Ade", "his home in Dunmore", "Tuesday", "Grace"),
        ("PRICE, Margaret Ann", "Lakeview Care Centre", "Thursday", "Harold"),
    ):
        notices += [
            name,
            f"Passed away peacefully at {place} on March 3, 2025, surrounded by family.",
            f"Beloved spouse of {spouse} and a devoted parent and grandparent.",
            f"Visitation will be held at Greyford Memorial Chapel on {day} from 2 to 4 p.m.",
            "In lieu of flowers, donations to the Heart and Stroke Foundation are welcome.",
            "Online condolences may be made at www.greyfordchapel.com.",
        ]
    agenda = ["Planning committee agenda, March 4"]
    for item, (mover, seconder) in enumerate(
        (("Chen", "Okafor"), ("Brennan", "Okafor"), ("Chen", "Lindqvist")), 1
    ):
        agenda += [
            f"Item {item}: Application for a minor variance at {item * 12} Orchard Lane.",
            "The planning department recommends that the application be approved.",
            f"Moved by Councillor {mover}, seconded by Councillor {seconder}, that the staff "
            "recommendation be adopted.",
            "Carried.",
        ]
    for lines in (notices, agenda):
        result = dedupe(doc(*lines))
        kept = [result.paragraphs[i].text for i in result.kept]
        assert [line for line in lines if lines.count(line) == 1 and line not in kept] == []
        assert {d.rule for d in result.duplicates} == {"same canonical text"}


def test_a_line_pieced_from_the_start_of_one_row_and_the_end_of_the_next_is_kept() -> None:
    # Plans written to one template: the last line's words all stand in order in the two rows
    # before it, the first three words of one and the last six of the other. A copy merged from
    # two paragraphs takes them where they join; this line is another plan.
    rows = [
        "Three-month plan: Focus on one area every week or two, depending on its size. If you "
        "finish ahead of time, go round the house once more.",
        "Two-month plan: Declutter one room or category per week.",
        "One-month plan: Give it twenty minutes a day, and a longer block at the weekend.",
    ]
    text = doc("Choose a timeline", *rows, "For a family home", "Three-month plan: One room "
               "or category per week.")  # fmt: skip
    assert dedupe(text).duplicates == ()
    # Run together as a merged copy would be, the same rows go.
    merged = doc("Choose a timeline", *rows, f"{rows[0]} {rows[1]}")
    assert removed(dedupe(merged)) == {4: (1, "contained")}
    # A timetable's heading that takes the start of the heading before it and the stop under
    # that one ("Route 9 – Saturdays – towards" and "Quarry Road"), the words between left
    # out, is another table's heading.
    stops = ["Quarry Road", "Westfield Hospital", "College Gate", "Library", "Town Hall"]
    lines = ["Route 9 will run on a new timetable from March 3, the council said on Monday."]
    for day, start in (("Weekdays", 346), ("Saturdays", 406)):  # (minutes after midnight)
        for order, offset in ((stops, 0), (stops[::-1], 39)):
            lines.append(f"Route 9 – {day} – towards {order[-1]}")
            for k, stop in enumerate(order):
                times = [start + offset + 7 * k + 30 * n for n in range(3)]
                lines += [stop, "  ".join(f"{t // 60}:{t % 60:02d}" for t in times)]
            lines.append("Buses run every 30 minutes until 7 p.m. and every hour after that.")
    result = dedupe(doc(*lines, sep="\n"))
    assert {d.kind for d in result.duplicates} == {"exact"}
    assert "Route 9 – Saturdays – towards Quarry Road" in result.text


def test_a_table_header_repeated_over_each_group_stays() -> None:
    # Each group's standings open with the same column labels: eight words, but a table's line
    # (words of two characters on average), which repeats as a short line does. The whole page
    # printed again takes them with its copy.
    header = "Pos Team P W D L GD Pts"
    groups = [
        ["Group A", header, "1 Harbour Town 6 5 0 1 8 15", "2 Kelmouth 6 3 1 2 2 10"],
        ["Group B", header, "1 Drayton Rovers 6 4 2 0 9 14", "2 Southport 6 2 2 2 0 8"],
    ]
    page = [P0, *groups[0], *groups[1], P1]
    result = dedupe(doc(*page))
    assert result.duplicates == ()
    again = dedupe(doc(*page, *page))
    assert again.kept == tuple(range(len(page)))
    # A line of prose of as many words goes as a repeat at once.
    line = "The council met again on Monday night."
    assert removed(dedupe(doc(P0, line, P1, P2, line))) == {4: (1, "exact")}


def test_a_table_row_pieced_from_the_ends_of_two_rows_is_kept() -> None:
    # The last row's words stand in order in the two rows before the second heading: the first
    # three words of one and the last three of the next, leaving out three of each where they
    # join. A merged copy leaves out a few words at a join at most.
    rows = [
        "Monday: Cloudy, high 20C, low 12C",
        "Tuesday: Showers, high 19C, low 11C",
        "Wednesday: Sunny, high 21C, low 13C",
        "Thursday: Sunny, high 18C, low 10C",
    ]
    second = ["Monday: Sunny, high 19C, low 12C", "Wednesday: Sunny, high 18C, low 10C"]
    text = doc(P0, "Kelmouth forecast", *rows, "Drayton forecast", *second)
    assert dedupe(text).duplicates == ()
    # Two paragraphs run together, the second one's dateline left out at the join, go.
    text = doc(P0, P1, f"SOUTHPORT, England (AP) — {P2}", P3, f"{P1} {P2}")
    (dup,) = dedupe(text).duplicates
    assert (dup.index, dup.kind, dup.originals) == (4, "contained", (1, 2))


# The pages of a printed edition, each under the same running head and over the same credit.
PAGE_BODIES = (
    "Ferries will run every twenty minutes between the two quays while the bridge is closed. "
    "Tickets bought for the bus are valid on the boats, and children under twelve go free.",
    "A temporary footbridge is to be built next to the old one before the summer holidays. "
    "It will be wide enough for prams and wheelchairs, and lit at night by the harbour lamps.",
    "Inspectors found corrosion in two steel supports during the routine check last autumn. "
    "Their report, published in January, said the deck could no longer carry heavy lorries.",
    "The audit committee will review the contract before any of the money is spent on it. "
    "Its chair said the first estimate had left out the cost of moving the water mains.",
    "Local shops say that trade fell by a third in the weeks after the bridge closed to cars. "
    "The traders' association has asked the council for a rebate on this year's rates.",
    "The harbour master expects more boats in the port once the new crossing opens in 2027. "
    "Its central span will be raised by two metres so that larger yachts can pass beneath.",
    "Residents of the north bank can park for free at the station until the works are over. "
    "A shuttle bus leaves the car park every quarter of an hour from six in the morning.",
    "School buses take the ring road, which adds about fifteen minutes to each of their trips. "
    "Parents have been told to expect later arrivals during the first weeks of the term.",
    "The design keeps the stone towers of 1934 and adds a lighter deck of weathering steel. "
    "Its architects won a competition that drew forty entries from eleven countries.",
    "Cyclists will get a lane of their own, parted from the cars by a low concrete kerb. "
    "The lane will join the coastal path that runs south towards the old lighthouse.",
    "Night works are banned between eleven in the evening and six in the morning. "
    "Contractors who break the rule face a fine for every hour of noise after the curfew.",
    "The council will publish a monthly report on the cost and the progress of the works. "
    "The first one is due at the end of April, with photographs taken from the ferry.",
)
PAGES = [
    f"Harbour Gazette print edition, page {k + 1}. {body} All rights reserved by the Harbour "
    "Gazette."
    for k, body in enumerate(PAGE_BODIES)
]


def test_pages_under_a_running_head_are_paired_only_by_what_they_repeat() -> None:
    # Every page shares its first words, its last sentence and its last words with every other:
    # common keys, which pair two long paragraphs only along with keys of their own.
    from textclean.fingerprint import FingerprintSettings, fingerprint_paragraphs
    from textclean.match.links import COMMON_HOLDERS, shared_keys

    n = len(PAGES)
    assert n > COMMON_HOLDERS
    edited = PAGES[3].replace("money", "moeny")
    short = "Harbour Gazette print edition"  # (too short for band keys: its head links it)
    document = fingerprint_paragraphs([*PAGES, edited, short], FingerprintSettings(), min_chars=40)
    pairs = {(i, j) for i, j, _ in shared_keys(document).pairs()}
    assert {(i, j) for i, j in pairs if i < n} == set()
    assert (n, 3) in pairs
    assert {(n + 1, j) for j in range(n + 1)} <= pairs


def test_pages_under_a_running_head() -> None:
    n = len(PAGES)
    edited = PAGES[3].replace("money", "moeny")
    result = dedupe(doc(*PAGES, edited, PAGES[5], "Harbour Gazette print edition"))
    assert result.kept == (*range(n), n + 2)
    assert removed(result) == {n: (3, "near"), n + 1: (5, "exact")}


# An events page: every city's entry says where tickets are sold, then repeats the same
# paragraph, so each of its sentences, its first words and its last words are common keys (held by
# ten different texts). A split copy of it, one piece with a typo, is part of an entry all the
# same.
CITIES = ("Bergen", "Leeds", "Porto", "Ghent", "Turin", "Lyon", "Cork", "Graz", "Split", "Pula")
ABOUT = (
    "Hear from our invited speakers while earning up to ten training credits. See the newest "
    "rescue equipment on show from many different makers. Meet the crews who keep your local "
    "harbour safe through the winter storms."
)
EVENTS = [
    line
    for city in CITIES
    for line in (
        f"Join us in {city} for Harbour Safety Day!",
        f"Tickets for {city} are sold at the door. {ABOUT}",
    )
]
_FIRST, _SECOND, _THIRD = (sentence + "." for sentence in ABOUT.rstrip(".").split(". "))
ABOUT_PIECES = [f"{_FIRST} {_SECOND}", _THIRD.replace("harbour", "harbuor")]


def test_a_part_of_a_paragraph_repeated_through_the_page_is_paired_with_it() -> None:
    # With one band of 16 rows, no two of these paragraphs share a band key: only common keys
    # link the pieces to the paragraph, and they are parts of it (every sentence of the first
    # is among them; the second, edited, is less than half as long).
    from textclean.fingerprint import FingerprintSettings, fingerprint_paragraphs
    from textclean.match.links import shared_keys

    settings = FingerprintSettings(num_perm=16, bands=1)
    document = fingerprint_paragraphs([*EVENTS, *ABOUT_PIECES], settings, min_chars=40)
    pairs = {(i, j) for i, j, _ in shared_keys(document).pairs()}
    n = len(EVENTS)
    assert {(n, 1), (n + 1, 1)} <= pairs


def test_split_copy_of_a_paragraph_repeated_through_the_page_goes() -> None:
    page, pieces = EVENTS, ABOUT_PIECES
    result = dedupe(doc(*page, *pieces))
    n = len(page)
    assert result.kept == tuple(range(n))
    assert removed(result)[n] == (1, "contained")
    assert removed(result)[n + 1] == (1, "contained")


def test_a_paragraph_repeated_a_hundred_times_with_typos_goes_every_time() -> None:
    # Its sentences, head, tail and band keys are all held by a hundred paragraphs: common keys
    # are many here because the paragraph repeats itself, and its copies must still pair.
    words = P2.split(" ")
    long_words = [n for n, word in enumerate(words) if word.isalpha() and len(word) > 4]
    copies = []
    for k in range(1, 100):
        edited = list(words)
        w = long_words[k % len(long_words)]
        edited[w] = edited[w][1] + edited[w][0] + edited[w][2:]  # (a typo: two letters swapped)
        copies.append(" ".join(edited))
    notices = [f"Notice {k}: quay {k} is closed for repairs on day {k}." for k in range(100)]
    page = [text for pair in zip(notices, [P2, *copies], strict=True) for text in pair]
    result = dedupe(doc(*page))
    assert result.kept == (0, 1, *range(2, 200, 2))
    assert {d.original for d in result.duplicates} == {1}


def test_a_merged_copy_beside_a_paragraph_repeated_word_for_word_goes_once_and_for_all() -> None:
    # Found by Hypothesis (seed 283): the second paragraph is repeated eight times, so its
    # sentences looked common and the merged copy of the first two was kept, to be removed by a
    # second run once the repeats were gone. Copies word for word no longer count as holders.
    first = "The council approved the budget on Tuesday after a long debate."
    second = (
        "Ferries will run every 20 minutes while the bridge is closed. “We have listened to "
        "residents,” the mayor said. Work is due to start in March."
    )
    merged = (
        "The council approved teh budget on Tuesday after a long debate. Ferries will run every "
        "20 minutes while the bridge is closed. Work is due to start in March."
    )
    result = dedupe(doc(first, second, merged, *[second] * 7))
    assert result.kept == (0, 1)
    assert removed(result)[2] == (1, "contained")
    assert dedupe(result.text).duplicates == ()


def test_a_paragraph_held_back_by_a_copy_removed_later_goes_in_the_same_run() -> None:
    # The shops paragraph is all in the last one, which looked like a copy of the paragraphs
    # before it (the one before it among them), so the shops paragraph stayed as its original;
    # then that one went as a merged copy, and a second run removed the shops paragraph.
    work = "Work is due to start in March and should take eighteen months."
    body = f"{work} “We have listened to residents,” the mayor said. {P0.split(',')[0]}."
    other = "Opposition members asked the audit committee to review the contract. Ferries run."
    shops = "Shops near the quay say trade fell by a third in the first weeks."
    bridge = "A temporary footbridge will be built next to the old one."
    page = [
        body,
        f"{body} {body}",
        other,
        body,
        other,
        bridge,
        f"{shops} {bridge}",
        "The old bridge was closed to cars last autumn after inspectors found corrosion.",
        f"{shops} {bridge}",
        f"{work} {shops}",
        f"{body} {work} {shops}",
        body,
        body,
        f"{work} {shops} {shops} {bridge}",
    ]
    result = dedupe(doc(*page))
    assert_accounted(result)
    assert dedupe(result.text).duplicates == ()


def test_teaser_cut_off_with_an_ellipsis_after_its_paragraph() -> None:
    # An AMP or "related" preview of a paragraph, cut mid-sentence.
    teaser = "The old bridge, opened in 1934, was closed to cars…"
    result = dedupe(doc(*ARTICLE, teaser))
    assert removed(result) == {5: (4, "contained")}
    # Before the paragraph it previews too; not cut at the start of a sentence, it stays.
    assert removed(dedupe(doc(P0, teaser, P1, P4))) == {1: (3, "contained")}
    middle = "opened in 1934, was closed to cars last autumn…"
    assert dedupe(doc(*ARTICLE, middle)).duplicates == ()
    assert dedupe(doc(P0, middle, P1, P4)).duplicates == ()
    # Nor is a line of a few words: "And then…" is no teaser of "And then the ferry left."
    assert dedupe(doc("And then…", "And then the ferry left the quay.", P1)).duplicates == ()


@pytest.mark.parametrize(
    "end", ["… Read more", "… Read More »", "…Continue reading", "... [Read more]", " […]"]
)
def test_teaser_with_a_link_after_its_ellipsis_goes(end: str) -> None:
    # A "more from" block or an excerpt: the link to the whole text follows the ellipsis.
    teaser = "The old bridge, opened in 1934, was closed to cars" + end
    result = dedupe(doc(*ARTICLE, teaser))
    assert removed(result) == {5: (4, "contained")}
    # Words after an ellipsis that are no link: the paragraph goes on, and stays.
    going_on = "The old bridge, opened in 1934, was closed to cars... Read more books, she said."
    assert dedupe(doc(*ARTICLE, going_on)).duplicates == ()


@pytest.mark.parametrize(
    "end",
    [" Read more", " Continue reading →", " [Read more]", " (more)", " (continued)", "...more"],
)
def test_teaser_with_a_link_and_no_ellipsis_goes(end: str) -> None:
    # An excerpt cut mid-sentence, its link run in without an ellipsis, after the body and
    # before it: it goes as contained in the paragraph it was cut from, and the body stays.
    cut = P2[: P2.index(" quays")]
    assert cut.endswith("between the two")
    teaser = cut + end
    assert removed(dedupe(doc(*ARTICLE, teaser))) == {5: (2, "contained")}
    assert removed(dedupe(doc(P0, teaser, *ARTICLE[1:]))) == {1: (3, "contained")}
    # A paragraph that ends in words of the same kind, written as a sentence, stays.
    reading = cut + " quays, so keep reading."
    assert dedupe(doc(*ARTICLE, reading)).duplicates == ()


def test_a_copy_with_share_links_run_in_after_each_paragraph_goes() -> None:
    # A copy whose paragraphs each end with a row of share links, run in after their last
    # words (a credit, no full stop): the row is left out of the matched text, up to seven
    # words of it, and the copy goes word for word.
    credited = [f"{p} – Anna Berg, Harbour Gazette" for p in (P0, P1, P2)]
    row = "Share on Facebook Share on Twitter Share via Email"
    copy = [f"{p} {row}" for p in credited]
    result = dedupe(doc(*credited, P3, *copy))
    assert removed(result) == {4: (0, "exact"), 5: (1, "exact"), 6: (2, "exact")}
    # Alone too (before, only a run of such copies went, as edited copies).
    assert removed(dedupe(doc(*credited, P3, copy[1]))) == {4: (1, "exact")}
    # A sentence about sharing stays a sentence.
    words = f"{credited[0]} and share on facebook what the council decided"
    assert dedupe(doc(*credited, words)).duplicates == ()


@pytest.mark.parametrize(
    "link", ["Read More »", "Continue reading", "[Read more]", "(more)", "(continued)"]
)
def test_teaser_that_ends_a_sentence_before_its_link_goes_before_the_body(link: str) -> None:
    # An excerpt cut at a sentence's end, then its link, before the paragraph it was cut from:
    # the teaser is that paragraph's first sentences, and goes, though they are most of the
    # paragraph (its link is no sentence of it, and the paragraph adds one). A word in
    # brackets after a full stop is a link only if it says the text goes on ("(more)").
    start = f"{P0} Work is due to start in March."
    teaser, whole = f"{start} {link}", f"{start} Ferries will run every 20 minutes."
    assert removed(dedupe(doc(teaser, P1, whole, P3))) == {0: (2, "contained")}


def test_a_description_cut_from_a_lead_in_to_a_list_goes() -> None:
    # A page's description cut inside the paragraph it opens, which ends with a colon (a
    # lead-in to a list) or a note in brackets: the paragraph, whole, says more, and stays.
    lead_in = (
        "The council listed the changes it will make to the harbour plan before any work "
        "starts next spring, after residents asked for a safer crossing:"
    )
    items = ["a wider footpath on the east side", "new lights at both ends of the bridge"]
    description = lead_in[: lead_in.index(", after residents")]
    result = dedupe(doc(description, lead_in, *items, P3))
    assert removed(result) == {0: (1, "contained")}
    noted = P3 + " [Note: the audit report is due in June.]"
    cut = P3[: P3.index(" in 2021")]
    assert removed(dedupe(doc(cut, P0, noted))) == {0: (2, "contained")}


GUIDE = [
    "Choosing a Bridge Design",
    P0,
    P1,
    "What the Work Will Cost",
    P2,
    "How the Ferries Will Run",
    P3,
    "When the Bridge Reopens",
    P4,
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize("label", ["Table of Contents", "In this article:", "Key events", None])
def test_a_table_of_contents_goes_and_the_headings_stay(sep: str, label: str | None) -> None:
    # The article's headings listed before it, one a line (under a label or not): the list
    # goes as their repeats, and each heading stays in its place.
    headings = [p for p in GUIDE if len(p) < 30]
    entries = headings
    contents = [label] if label else []
    result = dedupe(sep.join([*contents, *entries, *GUIDE]))
    assert result.text == sep.join(GUIDE)
    start = len(contents)
    assert {d.index: d.original for d in result.duplicates if d.kind == "exact"} == {
        start + n: start + len(entries) + GUIDE.index(h) for n, h in enumerate(headings)
    }
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_numbered_list_of_the_sections_stays(sep: str) -> None:
    # A listicle's summary, "1. Choosing a Bridge Design" ..., over sections each headed by an
    # item without its number: the list is text of its own (an exercise plan over the
    # exercises, a ranking over the products), and stays; as it does numbered the other way.
    headings = [p for p in GUIDE if len(p) < 30]
    numbered = [f"{n}. {h}" for n, h in enumerate(headings, 1)]
    assert dedupe(sep.join([*numbered, *GUIDE])).duplicates == ()
    guide = [numbered[headings.index(p)] if p in headings else p for p in GUIDE]
    assert dedupe(sep.join([*headings, *guide])).duplicates == ()


@pytest.mark.parametrize("bar", [" | ", " · ", " • "])
def test_a_table_of_contents_on_one_line_goes_and_the_headings_stay(bar: str) -> None:
    # The entries on one line, parted by a bar or a dot: the line goes as contained in the
    # headings, its label as boilerplate, and each heading stays in its place.
    headings = [p for p in GUIDE if len(p) < 30]
    result = dedupe(doc("In this article", bar.join(headings), *GUIDE))
    assert result.text == doc(*GUIDE)
    assert removed(result) == {0: (None, "boilerplate"), 1: (2, "contained")}
    assert result.duplicates[1].originals == tuple(2 + GUIDE.index(h) for h in headings)
    assert dedupe(result.text).duplicates == ()
    # Not when an entry is no heading further on, nor when the entries are out of order.
    assert dedupe(doc(bar.join([*headings[:3], "Sources"]), *GUIDE)).duplicates == ()
    assert dedupe(doc(bar.join(headings[::-1]), *GUIDE)).duplicates == ()
    # A row of a table, its values parted by bars, that names the sections stays when there is
    # no text between them.
    assert dedupe(doc(bar.join(headings), *headings)).duplicates == ()


def test_a_table_of_contents_with_a_line_without_words_in_it_goes() -> None:
    # A line without a word between two entries (a rule, "* * *") is passed over.
    headings = [p for p in GUIDE if len(p) < 30]
    entries = [headings[0], "* * *", *headings[1:]]
    result = dedupe(doc("Contents", *entries, *GUIDE))
    assert result.text == doc("* * *", *GUIDE)


def test_a_table_of_contents_printed_twice_line_by_line_goes_in_one_run() -> None:
    # Each entry printed again right after itself (a copy interleaved with the list): the
    # repeats go first, and the list is still a list in a row, as a second run sees it.
    headings = [p for p in GUIDE if len(p) < 30]
    entries = [line for h in headings for line in (h, h)]
    result = dedupe(doc("Contents", *entries, *GUIDE))
    assert result.text == doc(*GUIDE)
    assert dedupe(result.text).duplicates == ()


def test_a_table_of_contents_with_a_copy_of_the_text_before_it_between_its_lines_goes() -> None:
    # An interleaved copy puts the paragraph over the list again between two of its entries:
    # that repeat goes, and the entries, in a row in the output, are a list in one run.
    intro = "This guide explains how the council chose the new bridge and what it means for you."
    headings = [p for p in GUIDE if len(p) < 30]
    entries = [headings[0], intro, *headings[1:]]
    result = dedupe(doc(intro, *entries, *GUIDE))
    assert result.text == doc(intro, *GUIDE)
    assert removed(result)[2] == (0, "exact")
    assert dedupe(result.text).duplicates == ()


def test_a_list_whose_lines_the_text_repeats_as_labels_is_no_table_of_contents() -> None:
    # Short lines that the text repeats under each item, not once as its headings: a table's
    # labels. They stay where they first stand.
    labels = ["Price", "Range", "Verdict"]
    page = [*labels, P0, "Price", P1, "Range", P2, "Verdict", P3, "Price", P4]
    result = dedupe(doc(*page))
    assert all(d.index >= len(labels) for d in result.duplicates)


def test_a_paragraph_that_is_a_links_note_alone_is_matched_as_no_text() -> None:
    # "(opens in new tab)" alone is matched as an empty text: the steps that read a kept
    # paragraph's last word (a caption's credit) pass it (it raised IndexError).
    for text in ("(opens in new tab)", doc(P0, "(opens in new tab)", P1, "(external link)")):
        result = dedupe(text)
        assert_accounted(result)
        assert dedupe(result.text).duplicates == ()


def test_a_copy_with_an_ads_label_run_in_between_its_sentences_goes() -> None:
    # A scraper ran the label of an ad slot into the copy's paragraph, between two sentences or
    # at its end: the copy is the same text (it was too far from it to be a near copy).
    long_label = P2.replace("months. During", "months. Story continues below advertisement During")
    for labelled in (
        long_label,
        P2.replace("months. During", "months. ADVERTISEMENT During"),
        f"{P2} SPONSORED",
    ):
        result = dedupe(doc(*ARTICLE, labelled, P3))
        assert removed(result) == {5: (2, "exact"), 6: (3, "exact")}
    # A sentence that opens with the word is no label, nor is a phrase in lower case.
    said = P2.replace("months. During", "months. Advertisement spending fell. During")
    assert dedupe(doc(*ARTICLE, said, P3)).kept == (0, 1, 2, 3, 4, 5)


def test_a_copy_with_the_notes_a_screen_reader_says_after_links_goes() -> None:
    # An HTML copy whose links carry "(opens in new tab)", beside a copy without them.
    noted = P2.replace("ferries", "ferries (opens in new tab)").replace(
        "footbridge", "footbridge (Opens in a new window)"
    )
    result = dedupe(doc(*ARTICLE, noted, P3))
    assert removed(result) == {5: (2, "exact"), 6: (3, "exact")}
    # The kept text is the text as given, notes and all, when the first copy has them.
    assert dedupe(doc(P0, noted, P1, P2)).text == doc(P0, noted, P1)
    # Other words in parentheses count.
    aside = P2.replace("ferries", "ferries (run by the port)")
    assert dedupe(doc(*ARTICLE, aside, P3)).kept == (0, 1, 2, 3, 4, 5)


def test_a_consent_dialog_goes_whatever_the_length_of_its_paragraphs() -> None:
    # A consent framework's paragraph runs past the length of a boilerplate line (300
    # characters); a paragraph of the article that opens with the same words stays.
    consent = (
        "We and our 842 partners store and/or access information on a device, such as cookies, "
        "and process personal data, such as unique identifiers and standard information sent by "
        "a device, for personalised advertising and content, advertising and content "
        "measurement, audience research and services development."
    )
    assert len(consent) > 300
    prose = (
        "We and our 12 partners on the harbour board met on Tuesday to discuss the bridge, the "
        "ferries and the footbridge, and agreed that the council should publish the contract "
        "before any money is spent, so that residents, engineers and the port can see what the "
        "plan will cost and who will pay for it."
    ) * 2
    result = dedupe(doc("We value your privacy", consent, "Accept all", *ARTICLE, prose))
    assert result.text == doc(*ARTICLE, prose)
    # Its buttons go with it ("More options", "OK"), which stay beside the article's text.
    result = dedupe(doc(P0, "Cookie consent", consent, "More options", "OK", *ARTICLE[1:]))
    assert result.text == doc(*ARTICLE)
    assert removed(result)[4] == (None, "boilerplate")
    assert dedupe(doc(P0, "OK", P1, "More options", P2)).duplicates == ()


def test_a_players_or_a_widgets_buttons_go_beside_its_lines() -> None:
    # A video player read out of the page: its lines, and its controls and times one a line,
    # which alone are a live page's times and an article's words.
    player = ["Now Playing", "02:14", "Close", "Autoplay", "Replay"]
    result = dedupe(doc(P0, *player, *ARTICLE[1:]))
    assert result.text == doc(*ARTICLE)
    assert removed(result)[2] == (None, "boilerplate")
    live = [P0, "10:42", P1, "11:05", P2, "Close", P3]
    assert dedupe(doc(*live)).duplicates == ()
    # So with an embedded YouTube player's buttons, an accessibility overlay's, a feedback
    # widget's answers, a push prompt's buttons, a chart's and a translation widget's
    # languages beside their lines; alone, "Contrast", "YouTube" or "Map" heads a section,
    # "Yes" answers a question, and languages are a list.
    youtube = ["Watch later", "Share", "Copy link", "Info", "Shopping", "Tap to unmute"]
    youtube += ["If playback doesn't begin shortly, try restarting your device.", "More videos"]
    tiktok = ["♬ original sound - Jane Okafor", "TikTok"]  # (an embedded TikTok's sound)
    overlay = ["Use website in a screen-reader mode", "Text size", "High contrast", "Reset"]
    panel = ["Accessibility options", "Readable font", "Reset all settings"]
    panel += ["Web Accessibility Solution by UserWay"]
    feedback = ["Was this article helpful?", "Yes", "No", "Submit"]
    prompt = ["Turn on notifications", "Allow", "Not now"]
    chart = ["Get the data", "Embed", "Created with Datawrapper", "Zoom in", "Infogram"]
    languages = ["Select Language", "Español", "Chinese (Simplified)", "Tiếng Việt", "Русский"]
    languages += ["Afrikaans · Croatian · Czech", "Original text", "Powered by Google Translate"]
    for lines in (youtube, tiktok, overlay, panel, feedback, prompt, chart, languages):
        result = dedupe(doc(P0, *lines, *ARTICLE[1:]))
        assert result.text == doc(*ARTICLE)
    assert dedupe(doc(P0, "Contrast", P1, "YouTube", P2, "Yes", P3, "Map")).duplicates == ()
    assert dedupe(doc(P0, "TikTok", P1, "The ♬ key opens the music menu.", P2)).duplicates == ()
    assert dedupe(doc(P0, "Accessibility options", *ARTICLE[1:])).duplicates == ()
    assert dedupe(doc(P0, "Languages", "English", "Spanish", *ARTICLE[1:])).duplicates == ()


def test_a_dump_of_meta_tags_goes_with_its_plain_keys() -> None:
    # A page's meta tags printed one a line after the body: the Open Graph ones are boilerplate
    # lines, and the plain keys beside them go with them (the description as well, which
    # repeats the lede: "key: value", "key = value" or "key | value"). A book's details
    # ("Title: ...", "Author: ...") with no Open Graph line beside them stay.
    for sep in (": ", " = ", " | "):
        tags = [
            f"title{sep}Council backs harbour bridge | Harbour Gazette",
            f"description{sep}{P0}",
            "og:title: Council backs harbour bridge",
            "og:type: article",
            f"author{sep}Jane Okafor",
        ]
        result = dedupe(doc(*ARTICLE, *tags))
        assert result.text == doc(*ARTICLE)
        rules = {d.index: d.rule for d in result.duplicates}
        if sep != " = ":  # (with "=", a pattern of their own)
            assert rules[5] == rules[9] == "a meta tag beside the page's others"
        # Before the body, the lede that the description repeats stays in its place.
        result = dedupe(doc(*tags, *ARTICLE))
        assert result.text == doc(*ARTICLE)
        assert dedupe(result.text).duplicates == ()
    book = ["Title: The Harbour at Night", "Author: Jane Okafor", "Published: 2021"]
    assert dedupe(doc(*ARTICLE, *book)).kept == tuple(range(8))


def test_a_caption_that_is_a_sentence_of_the_body_goes_with_its_credit() -> None:
    # A page captions its photos with sentences of the article, once as the alt text and once
    # with a credit (or with a credit alone), and prints the credit again under a switch.
    sentence = P3.split(". ")[1]
    for credit in ("Credit: Jane Okafor for Reuters", "(AP Photo/Jane Okafor)", "Jane Okafor/AP"):
        page = [P0, P1, sentence, f"{sentence} {credit}", "toggle caption", "Jane Okafor/AP"]
        page += [P2, P3, P4]
        result = dedupe(doc(*page))
        assert result.text == doc(*ARTICLE)
        assert removed(result)[3] == (7, "contained")
        assert "a sentence of paragraph 7, with a credit" in result.duplicates[1].rule
    # The credit stays the caption's own: a caption printed again with another credit goes as
    # the first's, which stays when no paragraph holds it.
    caption = "Residents queue for the ferry at the north quay on Monday morning."
    page = [P0, f"{caption} Jane Okafor/Reuters", P1, f"{caption} Photograph: Jane Okafor/AP", P2]
    assert removed(dedupe(doc(*page))) == {3: (1, "contained")}
    # A paragraph of the body that is the caption's sentence alone holds it too, when it is
    # long enough to be no heading (a short line may be a heading over the photo's section).
    body = [P0, P4, P1]
    page = [*body, "Enlarge this image", P4, f"{P4} Image: Shutterstock", P2]
    result = dedupe(doc(*page))
    assert result.text == doc(*body, P2)
    assert removed(result)[5] == (1, "contained")
    # A paragraph that holds the caption's words but not as a sentence of its own holds no
    # caption.
    held = "Residents queue for the ferry at the north quay on Monday morning and again at noon."
    page = [P0, f"{caption} Jane Okafor/Reuters", P1, held, P2]
    assert dedupe(doc(*page)).kept == tuple(range(5))


# Captions with their photos' credits, as an article prints them and as its gallery prints them
# again at the foot of the page, each with a credit of its own house style.
CAPTIONS = [
    "Residents queue for the ferry at the north quay on Monday morning.",
    "Engineers inspect the corroded supports under the old bridge in March.",
    "The mayor speaks to reporters after the council vote in Kingsbury.",
]


@pytest.mark.parametrize(
    ("inline", "gallery"),
    [
        ("{} Photograph: Jane Okafor/Reuters", "{} Credit: Reuters"),
        ("{} (AP Photo/Jane Okafor)", "{} Jane Okafor/AP"),
        ("{} Photo: Jane Okafor for The Harbour Gazette", "{} (Jane Okafor/AFP via Getty Images)"),
        ("{} Photo by Jane Okafor / AP", "{} Image: dpa"),  # ("by"; an agency in lower case)
    ],
)
def test_a_gallery_that_prints_the_captions_again_with_other_credits_goes(
    inline: str, gallery: str
) -> None:
    page = [
        P0, inline.format(CAPTIONS[0]), P1, P2, inline.format(CAPTIONS[1]), P3,
        inline.format(CAPTIONS[2]), P4, "Photos", *(gallery.format(c) for c in CAPTIONS),
    ]  # fmt: skip
    result = dedupe(doc(*page))
    assert result.text == doc(*page[:9])
    assert removed(result) == {9: (1, "contained"), 10: (4, "contained"), 11: (6, "contained")}
    # Without a credit on the later copy, the copy is the caption's words and more: no caption
    # of the photo, but a paragraph that holds the caption as a sentence of its own, so the
    # caption goes as held by it (its credit with it) and the paragraph stays.
    said = [f"{c} Jane Okafor said." for c in CAPTIONS]
    page = [P0, inline.format(CAPTIONS[0]), P1, P2, P3, P4, said[0]]
    assert removed(dedupe(doc(*page))) == {1: (6, "contained")}
    # Another caption with the same credit is another photo's.
    page = [P0, inline.format(CAPTIONS[0]), P1, P2, P3, P4, gallery.format(CAPTIONS[1])]
    assert dedupe(doc(*page)).kept == tuple(range(7))


def test_a_description_cut_short_without_an_ellipsis_goes_before_its_paragraph() -> None:
    # A page's description, cut at a number of characters a few words before the end of the
    # first paragraph: the paragraph holds more, and stays.
    description = P0.removesuffix(" for more than three years.")
    result = dedupe(doc(description, *ARTICLE))
    assert removed(result) == {0: (1, "contained")}
    # Cut inside the second paragraph, before or after the body: the body stays whole.
    across = f"{P0} {P1[:70].rsplit(' ', 1)[0]}"
    assert removed(dedupe(doc(across, *ARTICLE))) == {0: (1, "contained")}
    assert removed(dedupe(doc(*ARTICLE, across))) == {5: (0, "contained")}
    # From a date line into the first paragraph, cut inside it.
    dated = f"March 3, 2026 {P0.removesuffix(' for more than three years.')}"
    assert removed(dedupe(doc(dated, "March 3, 2026", *ARTICLE))) == {0: (2, "contained")}
    # Cut after a comma, under a paywall's line: both go, the paragraph stays whole.
    cut = P2.split(" and a temporary")[0]
    assert cut.endswith(",")
    paywalled = dedupe(doc(P0, cut, "Subscribe to continue reading", *ARTICLE))
    assert removed(paywalled) == {1: (5, "contained"), 2: (None, "boilerplate"), 3: (0, "exact")}
    # A line that a copy runs into the next one (a list's item and a heading) is no cut.
    item = "Ferries every 20 minutes between the two quays while the old bridge is closed"
    rows = [item, "Opening hours", P1, P2, f"{item} Opening hours", P3]
    assert set(removed(dedupe(doc(*rows)))) == {4}


HARBOUR_INTRO = (
    "The council has published its plan for the harbour, and residents have until March to "
    "comment on it. Here are the changes that matter most for people who live nearby."
)
HARBOUR_FERRY = (
    "The ferry timetable will change from April, with boats leaving both quays every 20 minutes. "
    "The first boat will leave at six in the morning and the last one shortly before midnight."
)
HARBOUR_CYCLE = "A cycle path will run along the north quay, separated from the road by a low wall."


def test_the_first_paragraph_stays_when_a_copy_runs_it_into_the_next_line_renumbered() -> None:
    # The copy runs the first paragraph into the list's first heading, numbered "3." where the
    # body has "1.": the copy holds the paragraph's words and more, but it is the copy. The
    # paragraph stays in its place (gone, its text would be read after the body).
    body = ["Harbour plan", HARBOUR_INTRO, "1. More ferries.", HARBOUR_FERRY, "2. A cycle path.",
            HARBOUR_CYCLE]  # fmt: skip
    first, second = HARBOUR_FERRY.split(". ", 1)
    copy = [f"{first}.", second, "2. A cycle path.", HARBOUR_CYCLE]
    result = dedupe(doc(*body, f"{HARBOUR_INTRO} 3. More ferries.", *copy))
    assert set(result.kept) >= set(range(6))
    assert set(removed(result)) >= {7, 8, 9, 10}
    # Numbered the same, the copy's line goes as the two it runs together.
    result = dedupe(doc(*body, f"{HARBOUR_INTRO} 1. More ferries.", *copy))
    assert removed(result)[6] == (1, "contained")
    assert result.kept == tuple(range(6))


def test_a_paragraph_stays_when_a_copy_splits_it_and_ends_with_a_credit() -> None:
    # A first paragraph ending without a full stop looks cut short of a longer one; the copy
    # splits it in two and puts "(AP)" after the second half: the paragraph is no teaser of
    # the copy, and stays in its place.
    intro = HARBOUR_INTRO.removesuffix(".")
    first, second = intro.split(". ", 1)
    body = ["Harbour plan", intro, "1. More ferries.", HARBOUR_FERRY, "2. A cycle path.",
            HARBOUR_CYCLE]  # fmt: skip
    result = dedupe(doc(*body, f"{first}.", f"{second} (AP)", *body[2:]))
    assert 1 in result.kept
    assert set(removed(result)) >= {6, 8, 9, 10, 11}


def test_a_paragraph_a_later_comment_quotes_stays() -> None:
    # A reader's comment quoting a one-sentence paragraph and answering it: the paragraph is
    # the source, not a highlight of the comment.
    sentence = "Work is due to start in March and should take about 18 months."
    comment = f"“{sentence}” Eighteen months? I will believe that when I see it."
    result = dedupe(doc(P0, sentence, P1, "3 Comments", comment))
    assert removed(result) == {3: (None, "boilerplate")}  # (the comment count alone)
    # The paragraph in markup, its first word a link: its words are read without the tags.
    marked = f'<p><a href="https://example.com/w">Work</a>{sentence[4:]}</p>'
    assert removed(dedupe(doc(P0, marked, P1, comment))) == {}
    # Unquoted, it reads as a highlight that the later paragraph says in full.
    assert P2.startswith(sentence)
    assert removed(dedupe(doc(P0, sentence, P1, P2))) == {1: (3, "contained")}


def test_preview_of_several_paragraphs_run_together_goes_before_them() -> None:
    # A lead block: the first paragraphs run into one, cut off inside the third. The paragraphs
    # stay whole and the preview goes, as contained in them.
    preview = f"{P0} {P1} {P2[:60]}… Read more"
    result = dedupe(doc(preview, *ARTICLE))
    assert removed(result) == {0: (1, "contained")}
    assert result.duplicates[0].originals == (1, 2, 3)
    # A paragraph that ends with an ellipsis, and its copy with other breaks: the copy goes.
    trailing = P2.replace("next to the old one.", "next to the old one…")
    first, second = trailing.split(" During ")
    result = dedupe(doc(P0, trailing, P3, first, "During " + second))
    assert set(removed(result)) == {3, 4}


@pytest.mark.parametrize("lede_words", [1, 3, 6])
def test_a_short_teaser_that_runs_a_subtitle_into_the_lede_goes(lede_words: int) -> None:
    # A page's description under its title: the subtitle and the lede's first words, cut off
    # with an ellipsis, in fewer words than a paragraph that is no heading has.
    subtitle = "Work starts in the spring"
    opening = " ".join(P0.split()[:lede_words])
    result = dedupe(doc("Harbour bridge to be rebuilt", f"{subtitle} {opening}… Read more",
                        subtitle, *ARTICLE))  # fmt: skip
    assert removed(result) == {1: (2, "contained")}
    assert result.duplicates[0].originals == ((2,) if lede_words == 1 else (2, 3))


def test_a_teaser_that_is_the_whole_first_paragraph_goes_not_the_paragraph() -> None:
    # "... for more than three years.… Read more": cut off after its last word, the teaser
    # reads as the paragraph itself. The paragraph stays in the body, and so do the copies of
    # it further on go as its repeats.
    for tail in ("… Read more", "…"):
        result = dedupe(doc("Harbour bridge to close", f"{P0}{tail}", P0, P1, P2, P0))
        assert removed(result) == {1: (2, "exact"), 5: (2, "exact")}
        assert dedupe(result.text).duplicates == ()
    # Not where a paragraph before it holds it too, as a pull quote with a speaker it does not
    # name does: without the teaser, a second run would take it for a copy of that quote.
    said = "Ferries will run every twenty minutes from Monday."
    page = [P0, f"{said}…", f"“{said}” — Mayor Ingrid Solberg", P1, said, P2]
    result = dedupe(doc(*page))
    assert removed(result) == {4: (1, "exact")}
    assert dedupe(result.text).duplicates == ()


def test_a_teaser_under_a_title_that_opens_like_the_lede_goes_not_the_lede() -> None:
    # The title says the lede's first words; the teaser runs the lede into the start of the
    # next paragraph and is cut off there. The teaser is no candidate of the lede (it previews
    # it), nor does a window from the title bring it back as the title's neighbour; and the
    # lede, which the longer teaser holds whole, is no copy of the paragraphs before it.
    lede = "The harbour bridge closure has been on traders' minds for months, as the quay empties."
    title = "The Harbour Bridge Closure: What It Means for Traders"
    teaser = f"{lede} {P1[:60]}… Read more"
    result = dedupe(doc(title, teaser, lede, P1, P2, P3))
    assert removed(result) == {1: (2, "contained")}
    assert result.duplicates[0].originals == (2, 3)


_CLOSURE_TITLE = "Harbour bridge to close for two years"
_CLOSURE_LEDE = (
    "The city council voted on Tuesday to close the old harbour bridge for two years while it is "
    "rebuilt, a decision that will reroute thousands of commuters every day."
)


@pytest.mark.parametrize(
    "line",
    [
        "Photo via Pexels",  # (a photo's credit)
        "Commuters queue for the ferry on Monday morning as the works begin",  # (a subtitle)
    ],
)
def test_a_teaser_that_runs_a_line_into_the_lede_goes_as_both(line: str) -> None:
    # The teaser under the title runs the caption's credit (the subtitle) into the lede and is
    # cut off: it shares no key with the lede, whose opening words it holds past its start;
    # nor is the subtitle, the teaser's start, a copy of it cut short.
    title, lede = _CLOSURE_TITLE, _CLOSURE_LEDE
    teaser = f"{line} The city council voted on Tuesday to close the old… Read more"
    result = dedupe(doc(title, teaser, line, lede, P1, P2))
    assert [(d.index, d.kind, d.originals) for d in result.duplicates] == [(1, "contained", (2, 3))]


def test_a_teaser_that_runs_the_title_into_the_lede_goes_under_the_title_printed_twice() -> None:
    # The title, a teaser that runs it into the lede, the title again and the lede: the second
    # title goes as a repeat of the first, and the teaser as the title's words and the lede's
    # first ones, which stand around it in the output.
    title, lede = _CLOSURE_TITLE, _CLOSURE_LEDE
    teaser = f"{title} The city council voted on Tuesday to close the old… Read more"
    result = dedupe(doc(title, teaser, title, lede, P1, P2))
    assert removed(result) == {1: (0, "contained"), 2: (0, "exact")}
    assert result.text == doc(title, lede, P1, P2)
    assert dedupe(result.text).duplicates == ()
    # A teaser of another story under it stays.
    other = f"{title} The ferry operator said on Monday that it would add… Read more"
    assert removed(dedupe(doc(title, other, title, lede, P1, P2))) == {2: (0, "exact")}


# The article as a synonym spinner rewrites it: words and phrases swapped one for one.
SPUN = [
    "The town council passed a €12 million scheme on Tuesday to rebuild the Old Harbour bridge, "
    "closing a quarrel that had stalled the project for over three years.",
    "“We have at last found a plan that locals, engineers and the harbour can all live with,” "
    "stated Mayor Ingrid Solberg after the ballot, which passed by 31 votes to 14.",
    "Work is set to begin in March and should last about 18 months. During that period, ferries "
    "will sail every 20 minutes between the two quays, and a temporary footbridge will be erected "
    "beside the old one.",
    "Opposition councillors argued that the price had almost doubled since the first estimate in "
    "2021. They asked the council’s audit panel to examine the contract before any money is paid.",
    "The old bridge, built in 1934, was shut to cars last autumn after inspectors discovered rust "
    "in two of its steel supports.",
]


def test_a_spun_copy_of_the_body_goes() -> None:
    # Every paragraph of the copy is below the near threshold (ratios 0.82 to 0.86), and some
    # share no key with their original: the run of copies decides.
    result = dedupe(doc(*ARTICLE, *SPUN))
    assert removed(result) == {5 + k: (k, "near") for k in range(5)}
    assert all(d.similarity < 0.9 for d in result.duplicates)
    assert result.text == doc(*ARTICLE)
    # Boilerplate lines between the copy's paragraphs do not part them.
    with_ads = [SPUN[0], "Advertisement", *SPUN[1:3], "Advertisement", *SPUN[3:]]
    assert dedupe(doc(*ARTICLE, *with_ads)).text == doc(*ARTICLE)
    # One spun paragraph, or two apart, is a paragraph of its own: it stays.
    assert dedupe(doc(*ARTICLE, SPUN[0])).duplicates == ()
    between = "Ferry tickets will cost the same as a bus fare, the transport office said."
    assert dedupe(doc(*ARTICLE, SPUN[1], between, SPUN[3])).duplicates == ()
    # Between exact copies of the paragraphs around its original, a spun paragraph goes; with
    # words added, it is no spinner's copy and stays.
    assert removed(dedupe(doc(*ARTICLE, P0, P1, SPUN[2], P3, P4))).keys() == {5, 6, 7, 8, 9}
    added = SPUN[2].replace("every 20 minutes", "every 20 minutes, day and night,")
    assert removed(dedupe(doc(*ARTICLE, P0, P1, added, P3, P4))).keys() == {5, 6, 8, 9}
    # Across documents it stays (documents written to one template follow one another).
    with Deduplicator() as dd:
        dd.dedupe(doc(*ARTICLE), doc_id="a")
        assert dd.dedupe(doc(*SPUN), doc_id="b").duplicates == ()


def test_a_reworded_copy_goes_though_a_teaser_that_goes_late_parts_its_originals() -> None:
    # Each paragraph of the copy rewords one of the body ("says", "utilize", "will"): near
    # copies that go only in a run of them. In the body a teaser of a later paragraph stands
    # between the originals of the first two; it goes only once the later paragraphs are
    # matched, and then the originals stand together, as they do in the output.
    body = [
        "The city council said on Tuesday that it would use the new budget to repair the old "
        "harbour bridge before the winter storms arrive.",
        "Engineers said the work would help the ferry service keep running, and that the cost "
        "would be shared with the regional government.",
        "Residents who use the bridge every day said they were glad the council had finally "
        "listened to their complaints about the delays.",
        "The mayor said the repairs would start in March and that the bridge would stay open to "
        "cyclists and walkers while the work goes on.",
    ]
    teaser = "The mayor said the repairs would start in March and that the bridge…"
    swaps = [("said", "says"), (" use ", " utilize "), ("help", "assist"), ("would", "will")]
    copy = []
    for paragraph in body[:3]:
        for word, other in swaps:
            paragraph = paragraph.replace(word, other)
        copy.append(paragraph)
    result = dedupe(doc("Bridge repairs approved", body[0], teaser, *body[1:], *copy))
    assert removed(result) == {2: (5, "contained"), 6: (1, "near"), 7: (3, "near"), 8: (4, "near")}
    assert dedupe(result.text).duplicates == ()


def test_a_heading_repeated_after_a_copy_with_a_wordless_line_goes_in_one_run() -> None:
    # A code sample copied with its closing "});" line: the line has no words, and goes as the
    # copy's section break only at the end. The heading after the copy repeats the heading
    # before it, and the two stand side by side once the copy is gone: it goes in the same run,
    # not in a second one over the output.
    heading = "Running in other runtimes #"
    body = [
        "Building the module with Emscripten",
        "const binary = require('fs').readFileSync('add.wasm');",
        "WebAssembly.instantiate(binary).then(({ instance }) => {",
        "console.log(instance.exports.add(40, 2));",
        "WebAssembly.instantiate(binary).then(({ instance }) => {",
        "});",
        "Just four lines! Running that prints 42 as expected, and the module is under a kilobyte.",
        heading,
    ]
    edited = body[6].replace("Running", "Runnnig")
    copy = [body[1], body[2], body[3], body[5], body[6], "Advertisement", heading, edited]
    result = dedupe("\n".join([*body, *copy]))
    assert result.text.count(heading) == 1
    assert dedupe(result.text).duplicates == ()


def test_teaser_cut_off_mid_word() -> None:
    # Previews cut at a number of characters end inside a word.
    after = "The old bridge, opened in 1934, was closed to cars last aut…"
    assert removed(dedupe(doc(*ARTICLE, after))) == {5: (4, "contained")}
    before = "Work is due to start in March and should take about 18 months. During that ti..."
    assert removed(dedupe(doc(P0, before, P1, P2, P3))) == {1: (3, "contained")}
    # Not the start of a sentence of it: it stays.
    inside = "was closed to cars last aut…"
    assert dedupe(doc(*ARTICLE, inside)).duplicates == ()


def test_a_teaser_before_its_paragraph_does_not_replace_it() -> None:
    # A standfirst cut from the first paragraph, a word short: a near copy of it, but the
    # paragraph holds more, so the teaser goes and the paragraph stays.
    teaser = P0.removesuffix(" years.") + "…"
    result = dedupe(doc(teaser, *ARTICLE))
    assert removed(result) == {0: (1, "contained")}
    assert result.text == doc(*ARTICLE)


# A short article in Chinese (written for this test): no spaces between words.
ZH = [
    "市议会周二批准了一项重建老港口大桥的计划，结束了一场持续三年多的争论。",
    "市长在投票后表示，居民、工程师和港口方面终于找到了都能接受的设计方案。",
    "工程预计三月开工，大约需要十八个月。其间渡轮每二十分钟往返一次，临时人行桥也将建成。",
]


def test_chinese_copy_with_other_paragraph_breaks_and_a_highlight() -> None:
    merged = ZH[0] + ZH[1]
    result = dedupe(doc(*ZH, merged, ZH[2]))
    assert result.kept == (0, 1, 2)
    assert removed(result)[3][1] == "contained"
    # A highlight before the body repeats one sentence of a paragraph of it.
    highlight = "工程预计三月开工，大约需要十八个月。"
    result = dedupe(doc(highlight, *ZH))
    assert removed(result) == {0: (3, "contained")}


# Hindi (written for this test): vowel signs and viramas are combining marks inside words.
HI = [
    "नगर परिषद ने मंगलवार को पुराने बंदरगाह पुल के पुनर्निर्माण की योजना को मंज़ूरी दी।",
    "महापौर ने कहा कि निवासियों और इंजीनियरों ने मिलकर एक बेहतर डिज़ाइन चुना है।",
]


def test_words_with_combining_marks_stay_whole() -> None:
    # Before, each vowel sign split its word: "महापौर" read as three words, "मह", "प" and "र".
    assert canonical_form(HI[1]).split(" ")[:3] == ["महापौर", "ने", "कहा"]
    assert canonical_form("कहा") != canonical_form("कह")  # a vowel sign makes another word
    result = dedupe(doc(*HI, HI[0].replace("।", "")))
    assert removed(result) == {2: (0, "exact")}
    # One sentence a line: the danda ends a sentence, so the lines are not wrapped text.
    assert removed(dedupe(doc(*HI, HI[0], sep="\n"))) == {2: (0, "exact")}


def test_arabic_and_hebrew_copies_with_and_without_vowel_points() -> None:
    arabic = "وافق المجلس البلدي يوم الثلاثاء على خطة لإعادة بناء جسر الميناء القديم."
    pointed = "وَافَقَ المَجْلِسُ البَلَدِيُّ يَوْمَ الثُّلَاثَاءِ عَلَى خُطَّةٍ لِإِعَادَةِ بِنَاءِ جِسْرِ المِينَاءِ القَدِيمِ."
    hebrew, niqqud = "מועצת העיר אישרה את התוכנית.", "מוֹעֶצֶת הָעִיר אִישְּׁרָה אֶת הַתּוֹכְנִית."
    result = dedupe(doc(arabic, hebrew, pointed, niqqud))
    assert removed(result) == {2: (0, "exact"), 3: (1, "exact")}


def test_interleaved_repeats() -> None:
    result = dedupe(doc(P0, P1, P0, P1, P2, P3, P2, P3, P4))
    assert result.text == doc(*ARTICLE)
    assert removed(result) == {
        2: (0, "exact"), 3: (1, "exact"), 6: (4, "exact"), 7: (5, "exact")
    }  # fmt: skip


# A body with headings and a list, as a page shows it; an ``articleBody`` copy runs it all
# into one paragraph (its headings then run into the next sentence).
BODY = [
    "Harbour bridge",
    P0,
    P1,
    "What happens next",
    P2,
    "Ferries every 20 minutes",
    "A temporary footbridge",
    P3,
    P4,
]


def test_article_body_copy_after_the_body_is_contained() -> None:
    result = dedupe(doc(*BODY, " ".join(BODY)))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (len(BODY), "contained")
    assert set(dup.originals) == set(range(len(BODY)))
    assert dup.similarity == 1.0


def test_article_body_copy_with_an_edit_and_without_a_removed_line() -> None:
    # The body carries an "Advertisement" line the copy lacks, and the copy has a typo.
    body = [*BODY[:4], "Advertisement", *BODY[4:]]
    copy = " ".join(BODY).replace("inspectors", "inpsectors")
    result = dedupe(doc(*body, copy))
    assert result.text == doc(*BODY)
    found = removed(result)
    assert found == {4: (None, "boilerplate"), len(body): found[len(body)]}
    assert found[len(body)][1] == "contained"


@pytest.mark.parametrize("joiner", [" ", ""])
def test_article_body_copy_holding_links_the_body_lacks_is_contained(joiner: str) -> None:
    # The visible body lost its "Read more: ..." links; the copy run together still holds them
    # between the paragraphs (a boilerplate line's colon is gone in the canonical form). A
    # sentence of the copy's own there keeps it, whatever word it starts with.
    links = ["Read more: Ferry fares rise again as the bridge stays shut",
             "See also: Ten walks along the old harbour wall"]  # fmt: skip
    page = [*BODY[:2], links[0], *BODY[2:4], links[1], *BODY[4:]]
    result = dedupe(doc(*BODY, joiner.join(page)))
    assert result.text == doc(*BODY)
    assert removed(result)[len(BODY)][1] == "contained"
    new = "Related costs rose sharply once the ferry was the only way across the river."
    kept = dedupe(doc(*BODY, joiner.join([*BODY[:2], new, *BODY[2:]])))
    assert kept.duplicates == ()


def test_a_copy_with_a_dateline_a_typo_and_a_tail_after_an_article_body_copy_goes() -> None:
    # The run-together copy comes first and stays. The lede's dateline makes its one sentence
    # another sentence, so it shares no key with the copy; the typo's paragraph aligns with the
    # copy's first "the" unless aligned again where the rest of its words stand.
    whole = " ".join(ARTICLE)
    copy = ["WASHINGTON (AP) — " + P0, P1, P2, P3 + " (AP)", P4.replace("corrosion", "corosion")]
    result = dedupe(doc("Harbour bridge plan approved", whole, *copy))
    assert result.kept == (0, 1)
    assert {d.original for d in result.duplicates} == {1}
    assert {d.kind for d in result.duplicates} == {"contained"}


@pytest.mark.parametrize("copy", [EDITED, RESTYLED])
def test_an_edited_copy_after_the_body_and_an_article_body_copy_before_it_goes(
    copy: list[str],
) -> None:
    # The body goes as part of the run-together copy; the edited copy after it is a near copy
    # of the body's paragraphs, which is what stands for them in the run-together copy.
    whole = " ".join(ARTICLE)
    result = dedupe(doc("Harbour bridge plan approved", whole, *ARTICLE, *copy))
    assert result.kept == (0, 1)
    assert {d.original for d in result.duplicates} == {1}
    assert [d.kind for d in result.duplicates][len(ARTICLE) :].count("near") >= 3


def test_article_body_copy_before_the_body_keeps_the_first_copy() -> None:
    # The first copy stays (keep="first"); the body after it goes, headings and list lines
    # too, though no key links a heading to the copy whose sentences it runs into.
    result = dedupe(doc(" ".join(BODY), *BODY, "The council meets again on Thursday."))
    assert result.kept == (0, len(BODY) + 1)
    assert {d.kind for d in result.duplicates} == {"contained"}
    assert {d.original for d in result.duplicates} == {0}


def test_article_body_copy_with_new_text_keeps_both() -> None:
    # The copy says something the body does not: neither copy may go, or that is lost.
    extra = "A second vote on the tram line is expected before the end of the year."
    copy = " ".join([*BODY[:5], extra, *BODY[5:]])
    result = dedupe(doc(*BODY, copy))
    assert result.kept == tuple(range(len(BODY) + 1))


def test_article_body_copy_with_a_changed_number_is_not_a_copy() -> None:
    # "31 votes to 14" becomes "31 votes to 15" in the copy: a different fact, so the copy is
    # not made of the body, and neither copy goes.
    copy = " ".join(BODY).replace("31 votes to 14", "31 votes to 15")
    result = dedupe(doc(*BODY, copy))
    assert result.kept == tuple(range(len(BODY) + 1))


def test_article_body_copy_run_together_without_spaces_after_the_body_is_contained() -> None:
    # Text taken from a page's paragraphs without separators: "Harbour bridgeThe city council
    # ...". Each heading runs into the next sentence, and its last word into the first word
    # there; the copy is still the body laid end to end.
    result = dedupe(doc(*BODY, "".join(BODY)))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (len(BODY), "contained")
    assert set(dup.originals) == set(range(len(BODY)))


def _stripped(text: str) -> str:
    """``text`` as a search index prints it: lower-cased, its apostrophes gone ("councils"),
    every other sign a space."""
    text = re.sub(r"(?<=\w)['’](?=\w)", "", text.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@pytest.mark.parametrize("before", [False, True])
def test_a_copy_stripped_of_its_punctuation_goes(before: bool) -> None:
    # The body again as one paragraph with no sign in it, lower-cased ("the councils audit
    # committee"), after the body or before it: no sentence key links it to the body, and it is
    # too long beside any one paragraph for a band key. It goes as contained in the body,
    # which stays.
    copy = _stripped(" ".join(BODY))
    assert "councils" in copy.split()
    page = [copy, *BODY] if before else [*BODY, copy]
    result = dedupe(doc(*page))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (0 if before else len(BODY), "contained")
    assert set(dup.originals) == set(range(1, len(BODY) + 1) if before else range(len(BODY)))
    assert dedupe(result.text).duplicates == ()
    # With a clause of its own, or with a sentence of the body left out and other words in its
    # place, it is no copy: it stays.
    added = copy.replace("last autumn", "last autumn and the ferry company sued the council")
    assert dedupe(doc(*BODY, added)).duplicates == ()
    other = copy.replace(_stripped(P1), "the mayor did not attend the meeting on tuesday")
    assert dedupe(doc(*BODY, other)).duplicates == ()


def test_two_copies_run_together_one_without_spaces_read_as_the_same_words() -> None:
    # An ``articleBody`` copy (the paragraphs joined by spaces) first, then the body, then the
    # copy a scraper took from the page's paragraphs without separators. Run together, a
    # heading that opens with a number ("Two ferries a day" after "Timetable") or ends with one
    # ("Route 9") glues it to the word beside it: the same letters with a space lost, not a
    # number dropped.
    body = ["Harbour bridge", P0, "Timetable", "Two ferries a day", P2, "Route 9", P3, P4]
    spaced, glued = " ".join(body), "".join(body)
    assert {"timetabletwo", "9opposition"} <= set(canonical_form(glued).split(" "))
    result = dedupe(doc(spaced, *body, glued))
    assert result.text == spaced
    assert removed(result)[len(body) + 1] == (0, "near")
    # Figures run together stay two figures: "9 5" is not "95".
    assert dedupe(doc(f"{P0} Route 9 5 stops", P1, f"{P0} Route 95 stops")).duplicates == ()


def test_a_copy_run_together_with_its_list_of_addresses_goes() -> None:
    # The body ends with a list of references, one address a line; a copy taken from the
    # page's paragraphs without separators runs them into each other ("PMC3662288/https://...")
    # and into the heading before them ("Referenceshttps://..."). Each still reads as an
    # address of its own, so the copy is the body laid end to end.
    references = [
        "https://www.example.org/pmc/articles/PMC3662288/",
        "https://journal.example.com/doi/full/10.1016/j.jacc.2017.06.006",
        "https://library.example.net/doi/abs/10.1002/clc.22863",
    ]
    body = [*BODY, "References", *references]
    result = dedupe(doc(*body, "".join(body)))
    assert result.text == doc(*body)
    assert [(d.index, d.kind) for d in result.duplicates] == [(len(body), "contained")]
    glued = canonical_form("Referenceshttps://www.example.org/a/https://example.com/b2https://x.io")
    assert glued == "references 0exampleorga 0examplecomb2 0xio"
    # An address inside another one's query string stays in it.
    assert canonical_form("https://example.com/out?url=https://other.example/x") == "0examplecomout"


CONFIG = {"PORT": "8080", "USER": "admin", "PASSWORD": "x", "DEBUG": "", "DEBUG_ENABLE": "true",
          "PROFILE_ENABLE": "true", "MAIL_HOST": "mail"}  # fmt: skip


def test_reference_marks_after_a_space_read_the_same_in_a_copy_with_other_breaks() -> None:
    # A page that sets its reference marks a space after the sentence ("years. [1]"). Run
    # together without spaces, the mark opens the next paragraph's first word ("[1]“We"); in a
    # copy with other breaks, it opens a paragraph of its own ("[2] Work is due"). The mark
    # counts in none of them, so each copy is the body's words.
    marked = [f"{p} [{n}]" if p.endswith(".") else p for n, p in enumerate(BODY)]
    result = dedupe(doc(*marked, "".join(marked)))
    assert result.text == doc(*marked)
    assert [(d.index, d.kind) for d in result.duplicates] == [(len(BODY), "contained")]
    moved = [P0, "[1] " + P1, "[2] " + P2, "[4] " + P3, "[7] " + P4]
    result = dedupe(doc(*(f"{p} [{n}]" for n, p in enumerate(ARTICLE)), *moved))
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}
    # Apart from the word before it, a numbered mark reads as nothing; glued to it, it is code.
    assert canonical_form("References [1] Smith, J.") == canonical_form("References Smith, J.")
    assert canonical_form("first = items[3];") == "first items 3"


def test_chained_reference_marks_read_as_nothing_wherever_the_paragraph_ends() -> None:
    # An encyclopedia's paragraphs end with two marks ("areas.[232][233]"). Indexed, each
    # paragraph ends there; in a copy run together, the next paragraph's first word follows
    # them. The second mark counts in neither, so the copy is the paragraphs laid end to end.
    marked = [f"{p}[{2 * n}][{2 * n + 1}]" if p.endswith(".") else p for n, p in enumerate(BODY)]
    result = dedupe(doc(*marked, "".join(marked)))
    assert result.text == doc(*marked)
    assert [(d.index, d.kind) for d in result.duplicates] == [(len(BODY), "contained")]
    assert canonical_form("areas.[232][233]") == canonical_form("areas.[232][233]New")[:5]
    assert canonical_form("first = a[1][2];") == "first a 1 2"  # (code)


def _provider(name: str, countries: int) -> list[str]:
    """One section of a review written to a template: every provider's paragraphs share most
    of their words, and its headings are the same short lines."""
    return [
        name,
        f"{countries} Countries",
        f"{name} has servers in {countries} countries. Picking a server near you will reduce the "
        "latency of the traffic you send and receive.",
        "WireGuard Support",
        f"{name} supports the WireGuard protocol. WireGuard is a newer protocol that uses modern "
        "cryptography and aims to be simpler and faster.",
        "Open-Source Clients",
        f"{name} publishes the source code of its desktop and mobile clients, so that anyone can "
        "audit them.",
    ]


def test_a_copy_edited_throughout_goes_after_the_body_and_its_copy_run_together() -> None:
    # The body run together into one paragraph (which goes as glued together: the body keeps
    # its breaks), then the body, then another outlet's copy that dropped a word from one
    # sentence of each section. Such a paragraph is no small edit: it goes only inside a run of
    # copies, and the run here is the copy's headings, which go late (short repeats). The rows
    # of the template are each other's rivals too: the nearest paragraph to the second
    # provider's copy is the first provider's copy, which dropped the same word.
    body = [
        "We are not affiliated with any provider we review, which lets us judge them freely.",
        *_provider("Harbour VPN", 90),
        *_provider("Kestrel", 41),
        *_provider("Lumen", 49),
    ]
    copy = [p.replace("protocol that uses", "protocol uses") for p in body]
    result = dedupe(doc("VPN providers", "".join(body), *body, *copy))
    assert result.text == doc("VPN providers", *body)
    assert_accounted(result)
    assert dedupe(result.text).duplicates == ()


def test_a_run_together_copy_of_paragraphs_ending_with_addresses_goes() -> None:
    # Run together without separators, an address that ends a paragraph takes the first word of
    # the next one into it ("…/bridge-planWe have…"), and lines without a space in them become
    # one word with it ("…:8080PORT=8080USER=admin…"), which the next paragraph's first word
    # runs into. The copy is still the body laid end to end.
    body = [
        P0,
        "The full plan is published at https://council.example.com/harbour/bridge-plan",
        P1,
        "To try the ferry planner at home, set these variables:",
        "BASE_PATH=/w",
        "SERVER=http://localhost:8080",
        *(f"{name}={value}" for name, value in CONFIG.items()),
        P2,
        "Ferry times: www.ferries.example.com/harbour",
        P3,
        P4,
    ]
    result = dedupe(doc(*body, "".join(body)))
    assert result.text == doc(*body)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (len(body), "contained")


def test_a_body_run_together_with_its_figures_run_into_each_other_goes() -> None:
    # An articleBody copy first (kept), the body (gone as parts of it), then the body run
    # together without spaces, where a line ending with a figure runs into one starting with a
    # figure ("1" and "4.0" read "14.0"). Against the articleBody copy that is a changed figure,
    # so it is no near copy; laid end to end, the body's lines hold it, and it goes.
    body = ["Warranty (parts and labor): 1", "4.0 Excellent", P0, P1]
    body += ["Batteries: 2", "3 brush heads come in the box", P2, P3]
    result = dedupe(doc(" ".join(body), *body, "".join(body)))
    assert result.kept == (0,)
    glued = result.duplicates[-1]
    assert (glued.index, glued.kind, glued.originals) == (len(body) + 1, "contained", (0,))


def test_a_row_that_says_yes_is_no_copy_of_the_rows_that_say_no() -> None:
    # A table's rows run together two by two: "Yes" and "Warranty: ..." after "No" and
    # "Warranty: ..." above them. The second row stands in the first two laid end to end but
    # for its last word, and a word replaced at the end of a short line is no small edit.
    specs = [
        "Harbour Ferry Model 10",
        "Certified by the board: No",
        "Warranty: two years from the date of purchase",
        P0,
        "Harbour Ferry Model 4",
        "Certified by the board: Yes Warranty: two years from the date of purchase",
        P1,
    ]
    result = dedupe(doc(*specs))
    assert result.duplicates == ()
    # The same row with "No" is the two laid end to end, and goes.
    specs[5] = specs[5].replace("Yes", "No")
    (dup,) = dedupe(doc(*specs)).duplicates
    assert (dup.index, dup.kind, dup.originals) == (5, "contained", (1, 2))


def test_a_body_run_together_after_a_copy_with_other_breaks_goes() -> None:
    # A copy printed first labels its paragraphs ("Worth noting: ..."), so it stays, and the
    # body after it goes as near copies of its paragraphs. The body run together without spaces
    # at the end holds none of the kept copy's paragraphs, and a heading that only the body has
    # runs into the words beside it: it is the body's paragraphs that lie end to end in it,
    # those that went with the one that stays.
    copy = [f"Worth noting: {P0}", f"Worth noting: {P1}"]
    body = [P0, "Our experts", P1]
    result = dedupe(doc(*copy, *body, "".join(body)))
    assert result.text == doc(*copy, "Our experts")
    glued = result.duplicates[-1]
    assert (glued.index, glued.kind, glued.similarity) == (5, "contained", 1.0)
    assert set(glued.originals) == set(result.kept)
    assert "paragraphs 2, 4 went, repeating paragraphs 0, 1" in glued.rule
    assert dedupe(result.text).duplicates == ()


def test_a_body_after_its_run_together_copy_goes_though_its_sections_moved() -> None:
    # The copy run together without spaces comes first, so it stays and the body goes as parts of
    # it. In the body the sections stand in another order, so the walk along the copy stops; a
    # heading runs into the sentence after it in the copy ("...about the bridgeThe city
    # council..."), and so does that sentence's paragraph, so no key leads from either to the
    # copy. Each goes as the text that goes on, in the copy, into the paragraph after it.
    heads = [
        "What the council decided about the bridge",
        "How the ferries will run during the works",
        "Why the old bridge was closed last autumn",
    ]
    copy = [heads[0], P0, P1, heads[1], P2, P3, heads[2], P4]
    body = [heads[1], P2, P3, heads[0], P0, P1, heads[2], P4]
    result = dedupe(doc("".join(copy), *body))
    assert result.kept == (0,)
    assert {(d.kind, d.original) for d in result.duplicates} == {("contained", 0)}
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("joiner", [" ", ""])
def test_a_long_body_after_its_copy_in_one_paragraph_goes_in_any_order(joiner: str) -> None:
    # A copy in one paragraph far longer than the stretch where each paragraph of the body is
    # looked for first (after the one before it): the body goes whether it keeps the copy's
    # order or not, and a paragraph the copy lacks stays, though it quotes a sentence of it.
    body = paragraphs(31, 60)
    assert len(joiner.join(body)) > 3 * 4096
    quoted = body[40].split(". ")[0]
    new = f"{quoted}. The harbour office says the ferry timetable changes again on Monday, and "
    new += "the first boat will leave twenty minutes earlier until the end of the summer season."
    order = [*body[:10], new, *body[35:], *body[10:35]]
    result = dedupe(doc(joiner.join(body), *order))
    assert result.kept == (0, 11)
    assert {(d.kind, d.original) for d in result.duplicates} == {("contained", 0)}
    assert dedupe(result.text).duplicates == ()


def test_article_body_copy_run_together_without_spaces_before_the_body_gives_way() -> None:
    # Glued with nothing between its paragraphs, the copy fuses words at its joins: the body,
    # headings and list lines too, stays, and the copy goes as contained in it.
    result = dedupe(doc("".join(BODY), *BODY, "The council meets again on Thursday."))
    assert result.kept == tuple(range(1, len(BODY) + 2))
    (dup,) = result.duplicates
    assert (dup.index, dup.kind, dup.originals) == (0, "contained", tuple(range(1, len(BODY) + 1)))


# A sentence that no copy holds, for pages run together on one line.
MEETING = (
    "A public meeting on the detour for cyclists and pedestrians will be held at the town hall "
    "next week."
)


@pytest.mark.parametrize("edited", [False, True])
@pytest.mark.parametrize("space", [" ", ""])
def test_a_page_run_together_on_one_line_with_its_body_twice_comes_back_once(
    edited: bool, space: str
) -> None:
    # A scraper that collapsed all white space: the title on a line, then the body and its copy
    # on one line (its paragraphs joined by a space, or by nothing), which repeats itself. The
    # body stays one paragraph, and the copy goes sentence by sentence as contained in it (a
    # typo'd one too), glued to the body's last word or not.
    copy = [p.replace("residents", "residnets") if edited else p for p in ARTICLE]
    page = "Bridge plan approved\n" + space.join(ARTICLE + copy)
    result = dedupe(page)
    assert result.text == "Bridge plan approved\n" + space.join(ARTICLE)
    assert_accounted(result)
    assert result.paragraphs[1].text == space.join(ARTICLE)
    assert result.kept == (0, 1)
    assert {(d.original, d.kind) for d in result.duplicates} == {(1, "contained")}
    gone = "".join(result.paragraphs[d.index].text for d in result.duplicates)
    assert gone.replace(" ", "") == "".join(copy).replace(" ", "")
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("times", [3, 4])
def test_a_page_on_one_line_with_its_body_three_or_four_times_comes_back_once(times: int) -> None:
    # The copies after the body stand as far back as the body's length, and twice or three
    # times that from the body: all of them are copies, and go (a typo in the last one too).
    copies = [" ".join(ARTICLE)] * (times - 1)
    copies[-1] = copies[-1].replace("residents", "residnets")
    page = " ".join(["Bridge plan approved.", " ".join(ARTICLE), *copies, "Share this article"])
    result = dedupe(page)
    assert result.text == " ".join(["Bridge plan approved.", *ARTICLE])
    assert_accounted(result)
    assert dedupe(result.text).duplicates == ()


# A brief in short sentences: no three in a row hold 40 words.
BRIEF = [
    "The ferry to the islands sails again on Monday.",
    "Storms kept it in port for nine days.",
    "Fresh food ran short in the village shops.",
    "The army flew in bread and milk on Thursday.",
    "Schools on the larger island stayed open.",
    "Two fishing boats broke loose in the harbour.",
    "Nobody was hurt, the coastguard said.",
    "Repairs to the quay will take a month.",
    "Until then the ferry will use the old slipway.",
    "Timetables are posted at the harbour office.",
]


@pytest.mark.parametrize("edited", [(), (5,), (2, 6)])
@pytest.mark.parametrize("title", ["Islands cut off by storms\n", "Islands cut off by storms "])
def test_a_page_of_short_sentences_run_together_twice_on_one_line_comes_back_once(
    title: str, edited: tuple[int, ...]
) -> None:
    # The page on one line (or its title on a line of its own): the copy is told by the runs
    # of its sentences said again in order, however short each one is, and goes, a sentence
    # edited here and there too (a typo: the runs holding it stand nowhere earlier); the title
    # run into the first sentence (no full stop) stays with it.
    assert all(len(" ".join(BRIEF[k : k + 3]).split()) < 40 for k in range(len(BRIEF)))

    def typo(sentence: str) -> str:  # (two letters of its longest word swapped)
        word = max(sentence.split(), key=len)
        return sentence.replace(word, word[0] + word[2] + word[1] + word[3:], 1)

    copy = [typo(s) if k in edited else s for k, s in enumerate(BRIEF)]
    assert sum(a != b for a, b in zip(copy, BRIEF, strict=True)) == len(edited)
    result = dedupe(title + " ".join(BRIEF + copy))
    assert result.text == title + " ".join(BRIEF)
    assert_accounted(result)
    assert {d.kind for d in result.duplicates} == {"contained"}
    assert dedupe(result.text).duplicates == ()
    # Three of them said again (a refrain, under 40 words) are no copy: the line stays whole.
    line = " ".join([*BRIEF, P0, *BRIEF[:3], P4])
    assert len(line) > textclean.segment.RUN_TOGETHER_CHARS
    assert [p.text for p in split_paragraphs(line)] == [line]


# A table of tide times with no sentence in it: on one line its rows run into each other.
_PLACES = ["Harbour Point", "North Quay", "Old Pier", "Ferry Slip", "Lighthouse", "Boatyard"]
TIDES = [
    f"| {day} | {_PLACES[day % 6]} | {5 + day % 7}:{day * 7 % 60:02d} | {2.1 + day / 10:.1f} m |"
    for day in range(1, 25)
]


@pytest.mark.parametrize("typos", [(), (9,), (3, 4)])
def test_a_page_on_one_line_whose_copy_no_sentence_tells_comes_back_once(
    typos: tuple[int, ...],
) -> None:
    # The page on one line, its body a table (no sentence ends anywhere: one sentence), the
    # title run into its first row, its copy after it with a typo or two (in two rows in a
    # row): the copy is told word by word, as the text right before it said again, and goes,
    # in pieces.
    copy = [row.replace("o", "oo", 1) if k in typos else row for k, row in enumerate(TIDES)]
    title = "Tide times for Harbour Point this month"
    page = " ".join([title, *TIDES, *copy])
    assert len(split_paragraphs(page)) > 1
    result = dedupe(page)
    assert result.text == " ".join([title, *TIDES])
    assert_accounted(result)
    assert {d.original for d in result.duplicates} == {0}
    assert dedupe(result.text).duplicates == ()
    # The body's prose too: a copy whose first sentence opens in lower case (no sentence break
    # before it) goes from its first word, and the body's last sentence stays whole.
    body = [P0, P1, P2, P3, "and " + P4[0].lower() + P4[1:]]
    page = " ".join(["Bridge plan approved", *body, *body])
    result = dedupe(page)
    assert result.text == " ".join(["Bridge plan approved", *body])
    assert dedupe(result.text).duplicates == ()


def test_a_long_stretch_said_again_further_on_a_line_is_no_copy_of_it() -> None:
    # A third of a line said again, but not right after the text it repeats (a table printed
    # under two headings, another table between): the line stays whole.
    other = [row.replace("|", "/") for row in TIDES[:12]]
    line = " ".join(["Tides", *TIDES[:12], "Winds", *other, "Tides again", *TIDES[:12]])
    assert [p.text for p in split_paragraphs(line)] == [line]


def test_a_copy_on_one_line_goes_where_the_body_has_an_ad_label_run_into_a_sentence() -> None:
    # The page on one line, "Advertisement" run into the body between the items of a list (no
    # full stops: the list and the next sentence read as one sentence, which the copy says
    # without the labels). That sentence of the copy shares no key with the body; it stands in
    # the body between the two sentences around it, and goes. Another sentence in its place is
    # new content, and stays (where it stood: the copy around it goes).
    items = ["The plan includes:", "a new steel deck on the old piers", "two lanes for cars"]
    items += ["and one for bicycles", "a lift down to the ferry quay"]
    body = [P0, P1, items[0], items[1], "Advertisement", *items[2:4], "Advertisement", items[4]]
    body += [P2, P3, "Advertisement", P4]
    result = dedupe(" ".join([*body, P0, P1, *items, P2, P3, P4]))
    assert result.text == " ".join(body)
    assert_accounted(result)
    assert {(d.original, d.kind) for d in result.duplicates} == {(0, "contained")}
    assert dedupe(result.text).duplicates == ()
    other = "The design was drawn up by a firm of engineers from Bergen."
    result = dedupe(" ".join([*body, P0, P1, other, P2, P3, P4]))
    assert result.text == " ".join([*body, other])


def test_a_sentence_kept_from_a_line_that_repeats_itself_stays_where_it_stood() -> None:
    # The body on one line, then a line with the body twice and a sentence of its own: the
    # copies go (the first whole, as an exact copy of the first line); the new sentence stays,
    # on a line of its own (its line's other sentences went), or after the body on its line.
    body = " ".join(ARTICLE)
    result = dedupe(body + "\n" + " ".join(ARTICLE + ARTICLE) + " " + MEETING)
    assert result.text == body + "\n" + MEETING
    assert {d.original for d in result.duplicates} == {0}
    assert {d.kind for d in result.duplicates} == {"exact", "contained"}
    result = dedupe("Bridge plan approved\n" + " ".join(ARTICLE + ARTICLE[:3]) + " " + MEETING)
    assert result.text == "Bridge plan approved\n" + " ".join([*ARTICLE, MEETING])


def test_a_teaser_before_the_body_on_one_line_leaves_the_rest_of_the_body_whole() -> None:
    # The first three paragraphs as a teaser, then the whole body, on one line: the body's
    # sentences that the teaser holds go; the rest of the body, longer than the copy, stays one
    # paragraph, so sentences it says twice stay (as they would in its own paragraphs).
    rest = [P3, P4, MEETING, P3, MEETING]
    result = dedupe(" ".join(ARTICLE[:3] + ARTICLE[:3] + rest))
    assert result.text == " ".join(ARTICLE[:3] + rest)
    assert result.paragraphs[-1].text == " ".join(rest)
    assert result.kept == (0, len(result.paragraphs) - 1)
    assert {(d.original, d.kind) for d in result.duplicates} == {(0, "contained")}


def test_a_long_paragraph_that_repeats_a_sentence_or_two_of_its_own_stays_whole() -> None:
    # Sentences said twice in one paragraph (a refrain, two in a row) are no page run together
    # twice: the paragraph is one, and nothing of it goes.
    text = " ".join([*ARTICLE, P1, P4, P0, P1])
    assert len(text) > textclean.segment.RUN_TOGETHER_CHARS
    assert [p.text for p in split_paragraphs(text)] == [text]
    assert dedupe(text).text == text
    # ... nor is a line of data holding the body twice (a JSON-LD object's description and
    # articleBody), which is matched whole.
    data = json.dumps({"description": " ".join(ARTICLE), "articleBody": " ".join(ARTICLE)})
    assert [p.text for p in split_paragraphs(data)] == [data]


def _listing() -> list[str]:
    """Events of a listing, several with the same blurb of four sentences."""
    blurb = (
        "Join us for two days of talks. Hear from our speakers while earning up to ten training "
        "credits at the same time. Meet the people who defend the networks of the region's "
        "largest employers every day. Learn how to manage risk and try the newest tools from the "
        "companies that make them."
    )
    events = [
        ("April 8", "Harbour City", blurb),
        ("April 9", "Meadow Falls", P0),
        ("April 14", "Summit Ridge", blurb),
        ("April 20", "Willow Bay", P1),
        ("April 27", "Cliff Top", blurb),
        ("May 4", "Station Hill", P2),
    ]
    return [f"{day}, 2026 Security Summit {city}. {text}" for day, city, text in events]


def test_an_article_body_copy_of_a_listing_that_repeats_a_blurb_stays_one_paragraph() -> None:
    # A listing whose events share a blurb, and its articleBody copy before it, run together on
    # one line: the line says the blurb's sentences again and again, but each time as far back
    # as another event's, not as a page with its text twice says all of it again, as far back
    # as its copy starts. It stays one paragraph (cut where its sentences repeat, it left parts
    # of it beside the paragraphs they repeat, and lost the rest), the first copy; the
    # listing's paragraphs go as contained in it.
    body = _listing()
    copy = " ".join(body)
    assert [p.text for p in split_paragraphs(copy)] == [copy]
    result = dedupe(doc("Security conferences this spring", copy, *body))
    assert result.text == doc("Security conferences this spring", copy)
    assert {original for original, _ in removed(result).values()} == {1}
    assert dedupe(result.text).duplicates == ()


def test_an_article_body_copy_of_sections_written_to_one_template_stays_one_paragraph() -> None:
    # Each section a line of its own and the same four sentences under it (a page of webcams,
    # each credited alike): on one line, the template stands again as far back as a section,
    # filling most of that distance, under each of many sections. No copy of the text, and no
    # later copies of one: the articleBody copy stays whole, and the sections go as held by it.
    template = (
        "This camera image is provided courtesy of the Harbour Trust and its volunteers. For "
        "permission to feature the Harbour Trust's cameras, fill out our usage agreement. You "
        "can provide for the harbour's future, and support this camera, with a gift to the "
        "Harbour Trust. View the camera."
    )
    names = ["North Quay", "Old Bridge", "Ferry Slip", "Lighthouse", "Fish Market", "Boatyard"]
    body = [f"{name} The camera looks out over the {name.lower()}. {template}" for name in names]
    copy = " ".join(body)
    assert [p.text for p in split_paragraphs(copy)] == [copy]
    result = dedupe(doc("Harbour cameras", copy, *body))
    assert result.text == doc("Harbour cameras", copy)


def test_a_page_on_one_line_that_repeats_a_blurb_is_cut_where_its_copy_starts() -> None:
    # The same listing as a page on one line with its copy after it: runs of sentences stand
    # again as far back as the copy starts (the most of them), and the blurbs as far back as
    # another event's. The page is cut where the copy starts, not at the first blurb said
    # again; the listing before it stays whole, blurbs and all, and the copy goes.
    body = " ".join(_listing())
    result = dedupe(f"{body} {body}")
    assert result.text == body
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("width", [40, 60, 72])
def test_a_copy_hard_wrapped_one_line_a_paragraph_goes_line_by_line(width: int) -> None:
    # A plain-text copy, wrapped at a fixed width, in a document of one paragraph a line: every
    # line is a paragraph, most of them neither whole sentences nor long enough to stand as a
    # stretch of one, and the lines of a short paragraph are all heading-sized.
    lines = [line for paragraph in BODY for line in textwrap.wrap(paragraph, width)]
    result = dedupe("\n".join([*BODY, *lines]))
    assert result.text == "\n".join(BODY)
    assert {d.kind for d in result.duplicates} <= {"contained", "exact"}
    assert all(d.original < len(BODY) for d in result.duplicates)


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize("width", [40, 60, 72])
def test_a_copy_wrapped_after_its_paragraph_breaks_were_lost_goes_line_by_line(
    width: int, sep: str
) -> None:
    # The copy's text was run together before it was wrapped, so a line may end one paragraph
    # and start the next: it stands in neither, only in the two laid end to end.
    lines = textwrap.wrap(" ".join(BODY), width)
    assert any(not any(line in paragraph for paragraph in BODY) for line in lines)
    result = dedupe(sep.join([*BODY, *lines]))
    assert result.text == sep.join(BODY)
    assert all(max(d.originals) < len(BODY) for d in result.duplicates)
    assert any(len(d.originals) > 1 for d in result.duplicates)


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize("width", [44, 58])
def test_a_heading_that_a_line_of_a_wrapped_copy_runs_through_stays_in_its_place(
    width: int, sep: str
) -> None:
    # The copy's first line holds the article's first heading whole and the start of the
    # paragraph under it: the heading's words stand again in that line, but the line is the
    # copy's, and goes as the heading and the paragraph run together; the heading stays.
    body = ["Who will pay for the new bridge?", P0, P1, "When will the work start?", P2, P3]
    lines = textwrap.wrap(" ".join(body), width)
    assert lines[0].startswith(f"{body[0]} ")
    result = dedupe(sep.join([*body, *lines]))
    assert result.text == sep.join(body)
    assert removed(result)[len(body)] == (0, "contained")


TRAM_FAQ = [
    (
        "What is the difference between a tram, a light railway and a metro?",
        "A tram runs on rails laid in the street and shares the road with cars, while a light "
        "railway has tracks of its own and a metro runs mostly underground.",
    ),
    (
        "Will the new tram line save commuters any time at all?",
        "The council expects the trip from the station to the hospital to take eighteen minutes, "
        "against thirty-one on the bus at the busiest times of day.",
    ),
    (
        "How does the council choose the route and the stops?",
        "Engineers looked at four routes, counted how many people live within a short walk of "
        "each stop, and asked residents which streets they would accept.",
    ),
    (
        "What do all these transport terms in the plan mean?",
        "Headway is the time between two trams at a stop; dwell time is how long a tram waits "
        "there; a segregated track is one that cars cannot use.",
    ),
    (
        "What do I need to know about fares and passes?",
        "Fares will match the bus fares for the first year, and a weekly pass will cover trams "
        "and buses alike, bought on a phone or at any stop.",
    ),
    (
        "Are trams safer than buses on busy city streets?",
        "Studies of cities that opened tram lines found fewer injuries on the streets they run "
        "along, mostly because fewer cars used those streets afterwards.",
    ),
]


@pytest.mark.parametrize("width", [58, 64, 70, 73, 82])
def test_a_copy_wrapped_across_its_breaks_goes_past_a_list_of_the_questions(width: int) -> None:
    # Questions listed before the answers, each question again over its answer; then the page
    # again, wrapped after its breaks were lost. A listed question that a line of the copy holds
    # whole is no original of it: the copy's lines go on from those found in the body first (and
    # through a listed question gone since, whose heading stays), and every line goes.
    questions = [q for q, _ in TRAM_FAQ]
    body = ["Everything you need to know about the tram", "Questions", *questions]
    body += [p for pair in TRAM_FAQ for p in pair]
    lines = textwrap.wrap(" ".join(body), width)
    result = dedupe("\n".join([*body, *lines]))
    assert {d.index for d in result.duplicates} >= set(range(len(body), len(body) + len(lines)))
    assert all(p in result.text for p in body)
    assert dedupe(result.text).duplicates == ()


def _agency_listicle(rng: random.Random) -> list[str]:
    """A made-up listicle: every entry a heading, a sentence or two and the same labelled lines."""
    cities = ["Leeds", "Bristol", "Norwich", "Cardiff", "Derby", "York", "Bath", "Exeter", "Hull",
              "Perth"]  # fmt: skip
    kinds = ["websites", "short videos", "newsletters", "advertising campaigns", "packaging",
             "mobile apps", "podcasts", "brand guides"]  # fmt: skip
    clients = ["charities", "schools", "regional banks", "hospitals", "breweries", "councils",
               "farms", "museums", "football clubs"]  # fmt: skip
    names = ["Harbour", "Lantern", "Copper", "Thistle", "Granite", "Willow", "Beacon", "Falcon",
             "Meadow", "Quarry", "Ember", "Saltmarsh", "Juniper", "Kestrel", "Orchard",
             "Bramble"]  # fmt: skip
    suffixes = ["Agency", "Studio", "Digital", "Works", "Media", "Labs", "Collective", "Partners"]
    lines = [
        "Every year we ask readers which small agencies they would hire again, and these are "
        "the ones they named most often."
    ]
    for k, first in enumerate(rng.sample(names, rng.randint(6, 14)), 1):
        name = f"{first} {rng.choice(suffixes)}"
        lines += [
            f"{k}. {name}",
            f"{name} makes {rng.choice(kinds)} for {rng.choice(clients)} and "
            f"{rng.choice(clients)}, and its team of {rng.randint(3, 40)} people has worked from "
            f"{rng.choice(cities)} since the office opened.",
        ]
        if rng.random() < 0.5:
            lines.append(
                f"Clients say the team answers quickly and explains its {rng.choice(kinds)} "
                "plainly, which is why many of them return every year."
            )
        lines += [
            f"Office location: {rng.choice(cities)}",
            f"Year founded: {rng.randint(1995, 2021)}",
            f"Team size: {rng.randint(2, 50)} – {rng.randint(51, 200)} employees",
            "Case studies: see all of their work.",
        ]
    return lines


@pytest.mark.parametrize("seed", [85, 127])
def test_lines_of_a_wrapped_copy_left_on_either_side_of_removed_ones_are_one_run(
    seed: int,
) -> None:
    # A listicle and its copy wrapped after its breaks were lost (the benchmark's pattern): the
    # copy's lines left between removed ones, too few in a row to be looked up, are looked up as
    # the output shows them, run together past the removed ones, so a second run finds nothing.
    article = _generate.Article("agencies", "", tuple(_agency_listicle(random.Random(seed))))
    pieces = _generate.wrapped_across(article, random.Random(seed))
    result = dedupe("\n".join(text for text, _ in pieces))
    assert dedupe(result.text).duplicates == ()
    assert all(line in result.text for line in article.paragraphs)


@pytest.mark.parametrize("width", [40, 60, 72])
def test_the_body_after_a_copy_wrapped_across_its_paragraph_breaks_goes(width: int) -> None:
    # The copy first, as the page printed it: the first copy is kept, and each paragraph of
    # the body goes as contained in the lines it stands in, run together.
    lines = textwrap.wrap(" ".join(ARTICLE), width)
    result = dedupe(doc(*lines, *ARTICLE))
    assert result.text == doc(*lines)
    assert {d.kind for d in result.duplicates} == {"contained"}
    assert all(max(d.originals) < len(lines) for d in result.duplicates)


def test_a_copy_in_lines_of_two_sentences_across_paragraph_breaks_goes() -> None:
    # An AMP copy that set the text two sentences a line, wherever its paragraphs ended.
    lines = [" ".join(ARTICLE_SENTENCES[k : k + 2]) for k in range(0, len(ARTICLE_SENTENCES), 2)]
    result = dedupe(doc(*ARTICLE, *lines))
    assert result.text == doc(*ARTICLE)
    assert {d.kind for d in result.duplicates} <= {"contained", "exact"}
    assert any(len(d.originals) > 1 for d in result.duplicates)


# The article a sentence a paragraph: a copy with other breaks than the body's.
ARTICLE_SENTENCES = [s for paragraph in ARTICLE for s in _generate.sentences(paragraph)]


@pytest.mark.parametrize("width", [30, 36, 44])
@pytest.mark.parametrize("lines_joined_by", ["\n", " "])
def test_a_print_copy_with_words_broken_at_line_ends_goes(width: int, lines_joined_by: str) -> None:
    # A print version after the body, a sentence a paragraph (other breaks than the body's),
    # with its lines kept (or run together with spaces, as an extractor may) and long words
    # broken across two lines with a hyphen ("tempo-" then "rary"), which the body has whole:
    # each part is contained in a paragraph of the body.
    copy = [
        _generate.set_in_print(sentence, width, random.Random(width)).replace("\n", lines_joined_by)
        for sentence in ARTICLE_SENTENCES
    ]
    assert any(f"-{lines_joined_by}" in part for part in copy) and len(copy) > len(ARTICLE)
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    assert all(d.original is not None and d.original < len(ARTICLE) for d in result.duplicates)


def _with_invisible_breaks(text: str) -> str:
    """``text`` with a soft hyphen inside each word of eight letters or more and a zero-width
    space inside each of six or seven, as another rendering of a page may carry them."""

    def word(match: re.Match[str]) -> str:
        w = match.group()
        mark = "\u00ad" if len(w) >= 8 else "\u200b"
        return w[:3] + mark + w[3:]

    return re.sub(r"[^\W\d_]{6,}", word, text)


def test_invisible_characters_inside_words_are_nothing_without_cleaning() -> None:
    # With clean=False nothing drops the soft hyphens and zero-width spaces of a copy with other
    # breaks (a sentence a paragraph) before matching: each part must read as the sentences of
    # the body it copies, and the body comes out byte for byte.
    copy = [_with_invisible_breaks(sentence) for sentence in ARTICLE_SENTENCES]
    result = dedupe(doc(*ARTICLE, *copy), clean=False)
    assert result.text == doc(*ARTICLE)
    assert all(d.original is not None and d.original < len(ARTICLE) for d in result.duplicates)
    assert canonical_form("a tempo\u00adrary foot\u200bbridge") == "a temporary footbridge"
    assert canonical_form("\ufeffThe vote\u2060") == "the vote"


def test_a_word_broken_at_a_line_end_reads_as_one_word() -> None:
    assert canonical_form("to trou-\nbleshoot it") == canonical_form("to troubleshoot it")
    assert canonical_form("to trou- bleshoot it") == canonical_form("to troubleshoot it")
    assert canonical_form("well-known") == "well known"  # (no break: a compound)
    assert canonical_form("a tempo\u00ad\nrary bridge") == "a temporary bridge"
    # A dash apart from the word before it, or a line going on with a capital or a digit, is
    # no broken word.
    assert canonical_form("a plan -\nthen a vote") == "a plan then a vote"
    assert canonical_form("Anglo-\nSaxon, 1990-\n2000") == "anglo saxon 1990 2000"
    # A hyphen left hanging before a conjunction finishes its compound.
    assert canonical_form("a gender- and age-neutral\nset") == "a gender and age neutral set"


def _rows(*figures: tuple[str, str, str, str]) -> list[str]:
    rows: list[str] = []
    for name, edge, motion, sinkage in figures:
        rows += [
            f"The {name} model",
            f"Edge test: firm edges ({edge} cm of sinkage at the rim), good for two sleepers.",
            f"Motion test: little motion passes across ({motion} on our scale), so a partner "
            "rarely notices.",
            f"Sinkage test: moderate sinkage ({sinkage} cm), balancing comfort and support.",
        ]
    return rows


ROWS = _rows(
    ("Harbour", "3.8", "6.0", "2.1"),
    ("Meadow", "3.6", "5.5", "2.5"),
    ("Summit", "4.1", "6.4", "1.9"),
    ("Willow", "3.2", "4.8", "2.8"),
)


@pytest.mark.parametrize("width", [50, 60])
def test_a_wrapped_copy_of_rows_written_to_one_template_goes(width: int) -> None:
    # Each line of the copy is near the same line of another row but for its figure (so it is
    # no near copy of that one); it still stands word for word in its own row, a line of it.
    lines = [line for row in ROWS for line in textwrap.wrap(row, width)]
    result = dedupe("\n".join([*ROWS, *lines]))
    assert result.text == "\n".join(ROWS)
    assert dedupe(result.text).duplicates == ()


MICE = [
    "The lightest mice we tested this year, with the sensor each one uses and its size.",
    "Mouse Weight Sensor Design Dimensions Polling",
    "Zephyr Lite Wireless 33g 3395 Honeycomb, symmetric 116x60x35mm 8KHz",
    "Aster Pro Superlight 36g 3950 Solid, symmetric 119x63x38mm 8KHz",
    "Nimbus Mini Wireless 47g 3950 Honeycomb, symmetric 121x63x38mm 4KHz",
    "Corvid Air Ultralight 48g 3389 Honeycomb, ergonomic 113x61x40mm 1KHz",
    "Falcon X Superlight 2 60g 3395 Solid, ergonomic 125x64x40mm 8KHz",
    "Orion 2 Pro Wireless 63g 3370 Solid, symmetric 122x66x39mm 1KHz",
    "Kestrel SE Ultralight 65g 3395 Solid, ergonomic 123x64x40mm 4KHz",
    "A mouse that fits your hand matters more than a few grams either way, so try the shape first.",
]


@pytest.mark.parametrize("width", [40, 50, 60])
def test_a_wrapped_copy_goes_on_past_a_line_that_is_a_whole_row_of_a_table(width: int) -> None:
    # The copy of a table, wrapped after its breaks were lost: one line happens to be a whole
    # row (it goes as the same text), and the next starts the row after it (words of that row
    # alone, which a new line might be too); the line after that runs on across the next break,
    # so both are lines of the copy, and so are the rest.
    head, row, rest = MICE[:4], MICE[4], MICE[5:]
    lines = [*textwrap.wrap(" ".join(head), width), row, *textwrap.wrap(" ".join(rest), width)]
    result = dedupe("\n\n".join([*MICE, *lines]))
    assert result.text == "\n\n".join(MICE)
    assert dedupe(result.text).duplicates == ()


def _ranking(base: int) -> list[str]:
    """Rows of a ranking table, their figures shifted by ``base``."""
    schools = ["Harbour", "Meadow", "Summit", "Willow", "Cliff Top", "Station House"]
    return [
        f"{n + 1} | {school} School of Business | {(n * 7 + base) % 13 + 1} | {20 + n}% / "
        f"{30 + n}% | {700 - 3 * n - base} | {300 - 11 * n - base}"
        for n, school in enumerate(schools)
    ]


@pytest.mark.parametrize("width", [40, 50, 60, 70, 80])
def test_a_wrapped_copy_goes_on_past_a_line_with_the_text_of_an_earlier_line(width: int) -> None:
    # Two tables' headers share their middle, and the copy, wrapped after its breaks were lost,
    # has that middle as a line of each: the second goes as the same text as the first (a line
    # of the first table's copy), and the walk goes on past it in the second header, into the
    # rows after it, which nothing else leads to (the copy ends with them).
    middle = "School | Previous rank | International students / Women"
    body = [
        *TRUST[:2],
        "The full-time rankings for this year are in the table below.",
        f"Rank | {middle} | Acceptance rate | Average score",
        *_ranking(0),
        PAGE_BODIES[0],
        "The part-time rankings can be found here:",
        f"Rank | {middle} | Average score | Part-time enrolment",
        *_ranking(5),
    ]
    text = " ".join(body)
    first = text.index(middle)
    second = text.index(middle, first + 1)
    lines = [
        *textwrap.wrap(text[:first], width),
        middle,
        *textwrap.wrap(text[first + len(middle) : second], width),
        middle,
        *textwrap.wrap(text[second + len(middle) :], width),
    ]
    result = dedupe("\n\n".join([*body, *lines]))
    assert result.text == "\n\n".join(body)
    assert dedupe(result.text).duplicates == ()


REVIEW_LINK = "- Read my full review of this hotel here."
HOTELS = [
    "1. HARBOUR VIEW",
    "Opened in 1998 on the old fish quay, the hotel has forty rooms, most of them looking across"
    " the water to the lighthouse.",
    "- It appears in my lists of the best small hotels on the coast and of the quietest places "
    "to stay in the region.",
    REVIEW_LINK,
    "2. THE OLD MILL",
    "A converted grain mill beside the weir, with a restaurant in the former wheel house and a "
    "garden that runs down to the river.",
    "- It appears in my lists of the best hotels for walkers and of the most romantic places to "
    "stay in the valley.",
    REVIEW_LINK,
    "3. STATION HOUSE",
    "The former stationmaster's house was rebuilt after a fire in 2011 and now has twelve rooms,"
    " a library and a heated pool.",
    "- It appears in my lists of the best family hotels in the county and of the best hotels "
    "with a pool.",
    REVIEW_LINK,
    "4. CLIFF TOP LODGE",
    "Set above the bay at the end of a long gravel track, the lodge has its own path down to a "
    "sandy beach that few visitors find.",
    "- It appears in my lists of the most remote hotels in the country and of the best places "
    "to watch the sunset.",
    REVIEW_LINK,
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize("width", [50, 60, 72])
def test_a_wrapped_copy_runs_through_a_line_the_body_repeats_after_every_item(
    width: int, sep: str
) -> None:
    # The body repeats its link line after each hotel (the repeats go as exact copies of the
    # first); its copy, wrapped after its breaks were lost, runs through each of them, so a
    # line of it stands in the body only with a repeat that went laid between two paragraphs.
    # The copy's lines go, the first link line stays in its place.
    lines = textwrap.wrap(" ".join(HOTELS), width)
    result = dedupe(sep.join([*HOTELS, *lines]))
    first = HOTELS.index(REVIEW_LINK)
    body = [p for k, p in enumerate(HOTELS) if p != REVIEW_LINK or k == first]
    assert result.text == sep.join(body)
    assert {(d.original, d.kind) for d in result.duplicates if d.index < len(HOTELS)} == {
        (first, "exact")
    }
    assert all(max(d.originals) < len(HOTELS) for d in result.duplicates)
    assert dedupe(result.text).duplicates == ()


AGENCIES = [  # name, what it makes, staff, based in, a second sentence on, office, year, team
    ("Kestrel Digital", "websites for football clubs", 23, "Bristol", "mobile apps", "Leeds",
     2008, "10 – 141"),
    ("Falcon Collective", "podcasts for breweries and pubs", 32, "Norwich", None, "York", 1999,
     "31 – 112"),
    ("Quarry Partners", "podcasts for charities and churches", 18, "Norwich", "packaging",
     "Hull", 2006, "17 – 131"),
    ("Harbour Partners", "podcasts for museums and schools", 40, "York", None, "Norwich", 2021,
     "16 – 156"),
    ("Thistle Works", "websites for charities and museums", 22, "Perth", None, "Hull", 1997,
     "11 – 149"),
    ("Orchard Labs", "newsletters for schools and colleges", 31, "Norwich", None, "Cardiff",
     2006, "29 – 157"),
    ("Ember Partners", "advertising campaigns for breweries and regional banks", 36, "Norwich",
     None, "Derby", 2009, "21 – 93"),
    ("Granite Digital", "newsletters for museums and councils", 23, "Bath", "websites", "York",
     2005, "17 – 71"),
]  # fmt: skip


def test_a_copy_with_other_breaks_goes_through_a_line_the_body_repeats_after_every_item() -> None:
    # A listicle ends every entry with the same line; its copy, with other breaks, runs some of
    # those lines into the next entry's heading. The first of them goes as held by one such
    # line of the copy, which goes as the lines around it do, and takes the heading's place in
    # a line's walk: a repeat of the line whose first copy went stands for the copy that stays.
    # Every line of the copy goes, and a second run finds nothing.
    body = [
        "Every year we ask readers which small agencies they would hire again, and these are the "
        "ones they named most often."
    ]
    for n, (name, makes, staff, based, also, office, year, team) in enumerate(AGENCIES, 1):
        body += [
            f"{n}. {name}",
            f"{name} makes {makes}, and its team of {staff} people has worked from {based} "
            "since the office opened.",
            *[f"Clients say the team answers quickly and explains its {also} plainly, which is "
              "why many of them return every year."] * bool(also),
            f"Office location: {office}", f"Year founded: {year}", f"Team size: {team} employees",
            "Case studies: see all of their work.",
        ]  # fmt: skip
    merged = {3, 8, 11, 13, 17, 22, 28, 34, 36, 38, 41, 45, 49}  # (each run into the next)
    copy, k = [], 0
    while k < len(body):
        step = 2 if k in merged else 1
        copy.append(" ".join(body[k : k + step]))
        k += step
    result = dedupe("\n".join([*body, *copy]))
    assert {d.index for d in result.duplicates} >= set(range(len(body), len(body) + len(copy)))
    assert all(line in result.text for line in body)
    assert dedupe(result.text).duplicates == ()


SHOW_NOTES_FILL = (
    "and it gets harder and harder to know what you need so here is the truth you need very little"
)


@pytest.mark.parametrize(("words", "width"), [(8, 69), (13, 72), (16, 75), (19, 77)])
def test_a_wrapped_copy_goes_where_a_short_body_line_went_into_one_of_its_lines(
    words: int, width: int
) -> None:
    # The call to subscribe stands, but for its first word, in one line of the copy, and goes
    # as contained in it at first; the line before runs into it from the heading above, so the
    # walk from line to line reads that body line where it stands, and it comes back.
    body = [
        "If you have ever thought about starting a radio show of your own, this is the week to "
        "begin: the studio on the quay is lending out microphones for free until the end of the "
        "month.",
        "Then you hear about mixers, audio interfaces, pop filters and sound panels, "
        + " ".join(SHOW_NOTES_FILL.split()[:words])
        + ". So if you want someone to tell you what to use, this is the show for you!",
        "LISTEN TO THIS SHOW NOW:",
        "Subscribe & download the show to your phone: Apple Podcasts | Spotify | YouTube | "
        "Stitcher",
        "Search for episode 112!",
        "As I said, I am no fan of expensive gear on this show. I use the same microphone today "
        "that I bought when I started recording in the spring of 2019, and I have never replaced "
        "it.",
    ]
    lines = textwrap.wrap(" ".join(body), width)
    result = dedupe("\n".join([*body, *lines]))
    assert result.text == "\n".join(body)
    assert all(max(d.originals) < len(body) for d in result.duplicates)


# Paragraphs of one long sentence each: no line of them wrapped is a whole sentence.
TRUST = [
    "The trust that runs the old harbour said on Monday that it would spend the money raised by"
    " the summer festival on repairs to the sea wall, the lighthouse steps and the slipway that"
    " the lifeboat crew has used since the storm of 1987 damaged the one beside the fish "
    "market, and that work would begin before the autumn tides.",
    "Volunteers who kept the festival going through three days of rain, some of them sleeping "
    "in the boat sheds when the campsite flooded, were thanked by name in a letter that the "
    "chair of the trust read out to a packed meeting in the church hall on Thursday evening, to"
    " long applause.",
    "Not every member of the trust agreed with the plan, and two of them argued that the money "
    "should instead go towards the museum roof, which lets in water every winter and has "
    "already spoiled a collection of maps and ship models that local families gave to the town "
    "in the years after the war.",
    "A decision on the museum is expected in the spring, once surveyors have reported on the "
    "state of the roof beams and the cost of replacing the slates with ones from the same "
    "quarry in the hills above the town, which reopened last year after being closed for almost"
    " half a century.",
]


def test_a_line_of_a_wrapped_copy_repeated_far_out_of_place_leaves_no_lines_of_it() -> None:
    # The first line of the last paragraph stands once more near the start of the wrapped copy,
    # far before its place: there it is an exact repeat of that stray line, and the lines after
    # it (none a whole sentence, none sharing a key with the paragraph) follow from it alone.
    body = [*PAGE_BODIES, *TRUST]
    wrapped = [textwrap.wrap(paragraph, 32) for paragraph in body]
    lines = [line for paragraph in wrapped for line in paragraph]
    lines.insert(len(wrapped[0]) + 1, wrapped[-1][0])
    result = dedupe("\n".join([*body, *lines]))
    assert result.text == "\n".join([*body, wrapped[-1][0]])  # (it stays, as a heading would)
    assert dedupe(result.text).duplicates == ()


def test_short_lines_that_the_last_removals_bring_together_go_too() -> None:
    # Sections of a buying guide, each with the same list heading; the article has one section's
    # heading before its text, its copy wrapped a line a paragraph after it. The copy's short
    # lines go late, in runs, and leave two copies of the heading side by side: one goes too, as
    # deduplicating the output again would take it.
    tools = ["Ladders", "Meters", "Lights", "Testers", "Pliers", "Gloves", "Drills", "Saws"]
    sections = [
        [f"{k + 1}. {tool}", text, "Top Expert Recommendations:", f"- Model {k}A", f"- Model {k}B"]
        for k, (tool, text) in enumerate(zip(tools, [*PAGE_BODIES, *TRUST], strict=False))
    ]
    article = [line for section in sections for line in section]
    lines = [line for paragraph in article for line in textwrap.wrap(paragraph, 72)]
    article[16], article[17] = article[17], article[16]  # (the fourth section's heading first)
    result = dedupe("\n".join([*article, *lines]))
    assert result.text == "\n".join(article)
    assert dedupe(result.text).duplicates == ()


def test_a_run_of_lines_repeated_inside_another_paragraphs_wrapped_copy_goes() -> None:
    # Three lines of the third paragraph's wrapped copy stand once more after the first line of
    # the first one's: that walk passes them only once they are gone, so it is tried again.
    body = [*TRUST, *PAGE_BODIES]
    wrapped = [textwrap.wrap(paragraph, 40) for paragraph in body]
    lines = [*wrapped[0][:1], *wrapped[2][:3], *wrapped[0][1:]]
    lines += [line for paragraph in wrapped[1:] for line in paragraph]
    result = dedupe("\n".join([*body, *lines]))
    assert result.text == "\n".join(body)
    assert dedupe(result.text).duplicates == ()


def _buying_guide() -> list[str]:
    """Sections of a buying guide: a heading, a name, a paragraph and short list lines."""
    products = [
        (
            "Harbour 200",
            ["Steady temperatures", "Lots of usable storage"],
            ["None that we can find"],
        ),
        ("Meadow 310", ["Quiet fan", "Easy controls"], ["Slow cycle times"]),
        ("Summit 9", ["Fast to boil", "Cheap to run"], ["Small drawer"]),
        ("Willow Pro", ["Sleek glass door", "Bright lights"], ["Loud hinge"]),
    ]
    article: list[str] = []
    for (name, pros, cons), text in zip(products, PAGE_BODIES, strict=False):
        article += [f"Best for {name.split()[0]} fans", name, text, "Read our full review.", "Pros"]
        article += [f"- {line}" for line in pros] + ["Cons"] + [f"- {line}" for line in cons]
    return article


def test_a_wrapped_copy_goes_after_the_body_and_its_copy_run_together_without_spaces() -> None:
    # The body run together without spaces comes first, each short line run into the words on
    # both sides ("...cheap to runcons small drawerbest for willow..."): it goes as glued
    # together, and the body stays with its breaks; a wrapped copy after them goes, line by
    # line, the copy's headings and names as short repeats of the body's.
    article = _buying_guide()
    lines = [line for paragraph in article for line in textwrap.wrap(paragraph, 72)]
    result = dedupe(
        "\n".join(["Our favourite fridges of the year", "".join(article), *article, *lines])
    )
    assert result.text == "\n".join(["Our favourite fridges of the year", *article])
    assert result.duplicates[0].rule.endswith("glued together")
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("width", [40, 60, 72])
def test_a_list_line_wrapped_in_two_goes_beside_a_heading_that_goes_late(width: int) -> None:
    # The first line of a wrapped list line is a heading-sized part of it, which goes only beside
    # a copy drawn from the same paragraphs: here the list's heading, which goes as a short
    # repeat only once the wrapped paragraph before it has gone, line by line.
    item = "- Wide-field nebulae: North America, Heart & Soul, Rosette, California Nebula"
    other = "- Big galaxies: Andromeda and Triangulum, best with a full-frame camera"
    body = [TRUST[0], "Best use cases", item, other, TRUST[1]]
    copy = [
        *textwrap.wrap(TRUST[0], width), "Best use cases", item.removesuffix(" Nebula"), "Nebula",
        other, *textwrap.wrap(TRUST[1], width),
    ]  # fmt: skip
    result = dedupe("\n".join([*body, *copy]))
    assert result.text == "\n".join(body)
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize(("first", "second"), [(80, 70), (78, 66), (76, 64)])
def test_a_line_of_a_second_wrapped_copy_inside_a_line_of_the_first_goes(
    first: int, second: int
) -> None:
    # Two wrapped copies of a budget list. A line of the second ("- Plan for contingencies:
    # Allocate funds for unexpected costs to") stands word for word in a line of the first (the
    # same and "prevent"): a heading-sized part of that line, which goes only beside a copy of
    # it. That line goes as a line of its list item, and so does the part, in the item, as a
    # second run on the output finds it.
    body = [
        "Step 3: Set a budget",
        "A detailed budget is critical to avoid overspending. A well-planned budget helps you "
        "allocate resources and prepare for costs nobody expected.",
        "- Estimate costs: Predict every expense you can think of, so that the budget does not "
        "fall short.",
        "- Plan for contingencies: Allocate funds for unexpected costs to prevent financial "
        "surprises.",
        "- Track expenses diligently: Keep a close eye on spending to stay within budget and "
        "adjust as needed.",
        "Step 4: Choose the date and the venue",
    ]
    copies = [line for width in (first, second) for p in body for line in textwrap.wrap(p, width)]
    result = dedupe("\n".join([*body, *copies]))
    assert result.text == "\n".join(body)
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize(
    ("seed", "first", "second", "title"), [(38, 68, 79, True), (175, 62, 56, False)]
)
def test_a_wrapped_copy_inside_the_last_paragraph_of_another_goes(
    seed: int, first: int, second: int, title: bool
) -> None:
    # A wrapped copy, and a second one, wrapped at another width, printed between two lines of
    # the first copy's last paragraph. The first copy's lines on either side of the second copy
    # go only once the second copy's lines between them went, after the walk along them: they
    # are walked again then, as a second run on the output walks them.
    body = (["A title of the page"] if title else []) + paragraphs(seed, 6)
    lines = [line for p in body[title:] for line in textwrap.wrap(p, first)]
    copy = [line for p in body[title:] for line in textwrap.wrap(p, second)]
    result = dedupe("\n".join([*body, *lines[:24], *copy, *lines[24:]]))
    assert result.text == "\n".join(body)
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("joiner", [" ", ""])
def test_a_short_line_ending_the_body_stays_before_the_body_run_together(joiner: str) -> None:
    # Each section ends with the same list line, and the body's copy run together comes after
    # it. The last of those lines repeats the first, and the copy beside it holds the paragraph
    # after the first: but the copy starts with the body's first paragraph, and that is what
    # stands beside the line. It is no line inside a repeated run.
    article = [
        line
        for k, text in enumerate(PAGE_BODIES[:4])
        for line in (f"Part {k + 1}", text, f"- Ticket office {k + 1}", "- Other offices")
    ]
    result = dedupe(doc(*article, joiner.join(article)))
    assert result.kept == tuple(range(len(article)))
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (len(article), "contained")


EXTRA = "A second vote on the tram line is due by the end of the year."


@pytest.mark.parametrize(
    "copy",
    [[*BODY[:5], EXTRA, *BODY[5:]], [p.replace("31 votes to 14", "31 votes to 15") for p in BODY]],
    ids=["new text", "changed number"],
)
def test_article_body_copy_run_together_without_spaces_with_changes_keeps_both(
    copy: list[str],
) -> None:
    # Run together or not, a copy that says something more, or a different figure, is no copy.
    result = dedupe(doc(*BODY, "".join(copy)))
    assert result.kept == tuple(range(len(BODY) + 1))


def json_ld(body: list[str], *, sep: str = "\n\n", ascii_only: bool = False) -> str:
    """A JSON-LD object as a scraper leaves it in the text: one line, string escapes and all."""
    obj = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": body[0],
        "datePublished": "2026-03-02T09:30:00Z",
        "author": {"@type": "Person", "name": "Kari Nordmann"},
        "articleBody": sep.join(body),
    }
    return json.dumps(obj, ensure_ascii=ascii_only)


def test_json_string_escapes_do_not_change_the_canonical_form() -> None:
    escaped = json.dumps(doc(P1, P3), ensure_ascii=True)[1:-1]  # \u201c, \u2019, \n\n
    assert "\\n\\n" in escaped and "\\u2019" in escaped
    result = dedupe(doc(P1, P3, escaped))
    (dup,) = result.duplicates
    assert (dup.index, dup.kind, dup.originals) == (2, "contained", (0, 1))


@pytest.mark.parametrize(("ascii_only", "sep"), [(False, "\n\n"), (True, "\n\n"), (False, "")])
def test_json_ld_copy_before_the_body_goes_and_the_body_stays(ascii_only: bool, sep: str) -> None:
    # Structured data is never the copy that stays, though it comes first: the paragraphs do
    # (joined without separators too, each heading run into the sentence after it).
    result = dedupe(doc(json_ld(BODY, sep=sep, ascii_only=ascii_only), *BODY))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind, dup.original) == (0, "contained", 1)
    assert set(dup.originals) == set(range(1, len(BODY) + 1))
    assert dup.rule.startswith("structured data")


@pytest.mark.parametrize("closers", ["", ",", "}", "}}"])
def test_a_json_ld_member_on_a_line_of_its_own_before_the_body_goes(closers: str) -> None:
    # A scraper that splits a pretty-printed object into lines leaves its articleBody member on
    # a line of its own ('"articleBody": "...",', or the last one, with the object's ends). The
    # member is structured data: it goes, though it comes first, and the body stays with its
    # curly quotes (the member escapes them, "\u2019").
    body = json.dumps(doc(*BODY), ensure_ascii=True)
    assert "\\u2019" in body
    result = dedupe(doc(f'  "articleBody": {body}{closers}', *BODY))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert dup.index == 0 and dup.rule.startswith("structured data")
    # A member alone, with the body nowhere else, is the only copy, and stays; so does a
    # paragraph that quotes someone and goes on after a colon.
    assert dedupe(doc(P0, f'"articleBody": {body}')).duplicates == ()
    quote = '"We will rebuild the bridge": the mayor repeated it after the vote on Tuesday.'
    assert dedupe(doc(P0, quote, P1)).duplicates == ()


@pytest.mark.parametrize("tag", [False, True])
def test_a_json_ld_copy_printed_over_many_lines_goes_whole(tag: bool) -> None:
    # A site that pretty-prints its JSON-LD leaves it a key a line: the block is one paragraph,
    # structured data, and goes whole as the body's copy (before, its braces and keys stayed,
    # a line each). A small JSON sample of an article, without text, stays a line a paragraph.
    blob = json.dumps(json.loads(json_ld(BODY)), indent=2, ensure_ascii=False)
    if tag:
        blob = f'<script type="application/ld+json">\n{blob}\n</script>'
    result = dedupe(doc(*BODY, blob))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert dup.rule.startswith("structured data")
    sample = '{\n  "name": "harbour-tools",\n  "version": "1.0.0"\n}'
    assert len(split_paragraphs(doc(P0, sample))) == 5


@pytest.mark.parametrize("first", [False, True])
@pytest.mark.parametrize("tag", [False, True])
@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_a_json_ld_copy_with_raw_line_breaks_goes_whole(sep: str, tag: bool, first: bool) -> None:
    # A site may print the articleBody's paragraph breaks as they are, not escaped (invalid
    # JSON, which browsers and search engines read all the same): the object runs over blank
    # lines, and each of its paragraphs is one of the body's. It is one paragraph of structured
    # data, and goes whole; before, its first and last lines stayed, the body's first and last
    # paragraphs run into its keys, and the body's last paragraph went as their copy.
    blob = json_ld(BODY).replace("\\n", "\n")
    assert blob.count("\n") == 2 * (len(BODY) - 1)
    blob = blob.replace("\n\n", sep)
    if tag:
        blob = f'<script type="application/ld+json">{blob}</script>'
    page = doc(blob, *BODY) if first else doc(*BODY, blob)
    assert len(split_paragraphs(page)) == len(BODY) + 1
    result = dedupe(page)
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert dup.rule.startswith("structured data")


def test_an_object_that_never_closes_takes_no_paragraphs_after_it() -> None:
    # Cut short by the scraper, it is a line like any other, and so is each one after it.
    whole = json_ld(BODY).replace("\\n", "\n")
    cut = whole.split("\n\n")[0]
    page = doc(cut, *BODY[1:], "The agenda is posted online; see page {4}.")
    assert len(split_paragraphs(page)) == len(BODY) + 1
    # A whole object after it, whose first quote ends the cut one's string, is one paragraph.
    page = doc(cut, *BODY[1:], whole)
    assert [p.text for p in split_paragraphs(page)] == [cut, *BODY[1:], whole]


@pytest.mark.parametrize("sep", ["\n\n", " ", ""])
def test_json_ld_copy_after_the_body_goes(sep: str) -> None:
    result = dedupe(doc(*BODY, json_ld(BODY, sep=sep), "The council meets again on Thursday."))
    assert removed(result) == {len(BODY): (0, "contained")}


@pytest.mark.parametrize(
    "wrap",
    [
        "window.__INITIAL_STATE__ = {};",
        '<script id="__NEXT_DATA__" type="application/json">{}</script>',
        "var state = {}",
    ],
)
def test_page_state_in_a_script_or_an_assignment_goes_before_the_body(wrap: str) -> None:
    # A page's state holding the body, as a framework leaves it (assigned by JavaScript, or in
    # its script tag), before the body: it goes, and the body stays.
    state = {"page": "/news/[slug]", "props": {"article": {"id": 12, "body": doc(*BODY)}}}
    blob = wrap.replace("{}", json.dumps(state))
    result = dedupe(doc(blob, *BODY))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (0, "contained")
    # Prose with braces and an equals sign is no page state.
    prose = 'They wrote x = {"a": "b"} and "c": "d" on the board, in a sentence of its own.'
    assert dedupe(doc(prose, P0)).duplicates == ()


@pytest.mark.parametrize(
    "blob",
    [
        json.dumps(BODY),
        json.dumps({"paragraphs": BODY}),
        json.dumps({"articleBody": doc(*BODY)}),
        f"var paragraphs = {json.dumps(BODY)};",
    ],
    ids=["array", "one key, array", "one key, string", "assigned array"],
)
def test_json_list_of_the_paragraphs_goes_before_the_body(blob: str) -> None:
    # JSON with fewer than two keys that parses and holds text is structured data too: before
    # the body, it goes, and the body stays (not the JSON, with the body contained in it).
    result = dedupe(doc(blob, *BODY))
    assert result.text == doc(*BODY)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind, dup.original) == (0, "contained", 1)


def test_a_json_example_far_from_the_run_together_copy_that_holds_it_goes() -> None:
    # A sample of JSON in the body, many paragraphs after the body's copy run together into one
    # paragraph, and linked to it by no key: the copy holds its words, as deduplicating the
    # output again (where the two stand side by side) would find.
    sample = '{"name":"John Doe","email":"john@example.com"}'
    body = [
        *PAGE_BODIES,
        *BODY[1:],
        "The register returns each member as a line of JSON:",
        sample,
        "Its fields follow the council's open data standard of 2021.",
    ]
    result = dedupe(doc(" ".join(body), *body))
    assert result.kept == (0,)
    assert result.duplicates[len(body) - 2].rule.startswith("structured data")
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize(
    "line",
    [
        '["--verbose", "--quiet", "--dry-run"]',  # JSON, but no string of two words
        "[Photo: Reuters / Anna Berg, on the harbour bridge]",  # not JSON
        '["the first try at it", the second try]',  # not JSON either
        '{"note": "a key and some words"} and more words after it.',
    ],
)
def test_json_like_lines_without_text_are_not_structured_data(line: str) -> None:
    assert not is_structured(line)
    assert is_structured('["the first try at it", "the second try"]')


def _typos(paragraph: str) -> str:
    """``paragraph`` with two of its words misspelt, as a hand-edited copy has them."""
    words = paragraph.split(" ")
    for k in (3, len(words) - 4):
        words[k] = words[k][0] + words[k][2:] + words[k][1] if len(words[k]) > 3 else words[k]
    return " ".join(words)


@pytest.mark.parametrize("sep", ["\n\n", " "])
def test_json_ld_copy_with_typos_goes_before_the_body_and_after_it(sep: str) -> None:
    # The object's text has typos in most paragraphs (or the page has them, fixed in the data):
    # found with small edits where its words stand, they are the object's text all the same.
    body = [p if p in (P2,) or len(p) < 40 else _typos(p) for p in BODY]
    assert sum(b != p for b, p in zip(body, BODY, strict=True)) == 4
    result = dedupe(doc(json_ld(body, sep=sep), *BODY))
    assert result.text == doc(*BODY)
    assert result.duplicates[0].rule.startswith("structured data")
    page = doc(*BODY, json_ld(body, sep=sep), "The council meets again on Thursday.")
    assert removed(dedupe(page)) == {len(BODY): (0, "contained")}
    # Paragraphs whose second halves say something else are no typos: the object stays.
    other = "and the rest of this sentence says something else entirely, in other words."
    rewritten = [p if len(p) < 40 else f"{p[: len(p) // 2]} {other}" for p in BODY]
    assert dedupe(doc(json_ld(rewritten, sep=sep), *BODY)).kept == tuple(range(len(BODY) + 1))


def test_json_ld_copy_with_text_of_its_own_stays_and_takes_nothing() -> None:
    # A sentence the body lacks: the object stays, and no paragraph goes as a copy of it.
    extra = "A second vote on the tram line is expected before the end of the year."
    result = dedupe(doc(json_ld([*BODY[:3], extra]), *BODY[:3]))
    assert result.kept == (0, 1, 2, 3)


def test_json_ld_copy_repeated_goes_once_it_is_kept() -> None:
    blob = json_ld([P0, "Some text only the data holds, in a sentence of its own here."])
    result = dedupe(doc(blob, P0, blob))
    assert removed(result) == {2: (0, "exact")}


def test_copy_with_html_markup_left_in_it() -> None:
    # A copy of the body as HTML: tags wrap each paragraph and a link sits in one. The links'
    # attributes are not words of it.
    link = '<a href="https://example.com/news/2026/03/harbour-bridge?utm_source=feed">plan</a>'
    copy = [f"<p>{p}</p>" for p in ARTICLE]
    copy[0] = "<p>" + P0.replace("plan", link) + "</p>"
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    assert {d.original for d in result.duplicates} == set(range(len(ARTICLE)))


def test_copy_as_one_line_of_html() -> None:
    # The body again as a feed's content:encoded holds it: one line of HTML, headings and all.
    # Tags are not words of it, and a block element's tag ends a sentence: each heading and
    # paragraph of the body is found in it.
    body = ["What was decided", P0, "Who voted", P1, "The cost", P2, "Next", P3, "Reactions", P4]
    html = "".join(
        f"<h2><strong>{p}</strong></h2>" if len(p) < 20 else f'<p class="body">{p}</p>'
        for p in body
    )
    result = dedupe(doc(*body, f'<div class="entry-content">{html}</div>'))
    assert result.text == doc(*body)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (len(body), "contained")
    assert set(dup.originals) == set(range(len(body)))


# An article about parsing HTML, which names tags in its text.
PARSER_ARTICLE = [
    "Writing an HTML parser looks easy until you meet the rules for broken markup.",
    "Browsers never reject a page. Every stray tag has a defined place in the tree, and a "
    "parser that wants to match them has to follow the same algorithm step by step.",
    "The first version passed the simple tests within a day. The hard part was the long tail "
    "of malformed input that real pages contain.",
    "A fuzzer found the worst bug after a few hours of running random documents through it.",
    "Some simpler variants of that input did not crash:",
    "- <table></table> in select - fine",
    "- <table></table><li> in select - fine",
    "- <li><table></table> in select - fine",
    "- <table></table><li><table></table> in select - crash",
    "The parser kept reprocessing the same tag in a loop, because the select element was never "
    "on the stack of open elements.",
    "The fix was two lines long. Finding it took most of a weekend and several thousand "
    "generated test cases.",
]


@pytest.mark.parametrize("tail", ["", "<p>Ends.</p>"])
def test_an_html_copy_of_text_that_names_tags_goes(tail: str) -> None:
    # The body again as one line of HTML after it. Read as markup, the copy loses the tags
    # that the text names (its lines about "<table> in select" keep only "in select fine"):
    # those lines are words of the body's left out, nothing added, and the copy goes whole,
    # with a word of its own at its end too (a short sentence of the copy that those lines
    # hold is none of its own).
    html = "".join(
        f"<h2>{p}</h2>" if p.endswith(":") or p.startswith("- ") else f'<p class="story">{p}</p>'
        for p in PARSER_ARTICLE
    )
    result = dedupe(doc(*PARSER_ARTICLE, f'<div class="entry-content">{html}{tail}</div>'))
    assert result.text == doc(*PARSER_ARTICLE)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind) == (len(PARSER_ARTICLE), "contained")
    assert dedupe(result.text).duplicates == ()


def test_paragraphs_that_mention_tags_keep_them() -> None:
    # Text about HTML (not marked up with it) keeps its tags as words: these lines differ.
    lines = [
        "Only some sequences crashed the parser:",
        "- <table></table> in select - fine",
        "- <table></table><li> in select - fine",
        "- <li><table></table> in select - fine",
    ]
    assert dedupe(doc(*lines), remove_short_repeats=True).duplicates == ()


def test_copy_converted_to_markdown() -> None:
    # A copy of the body as converters of web pages to Markdown write it: links with their
    # targets (one holding parentheses, one with a title), bold. The targets are not words of it.
    target = '(https://example.com/wiki/Old_Harbour_(bridge) "The bridge")'
    copy = list(ARTICLE)
    copy[0] = P0.replace("Old Harbour bridge", f"[Old Harbour bridge]{target}")
    copy[1] = P1.replace("Mayor Ingrid Solberg", "[Mayor Ingrid Solberg](/people/solberg)")
    copy[3] = P3.replace("audit committee", "**audit committee**")
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}


def test_copy_with_a_link_after_each_paragraph() -> None:
    # A copy that carries its links as text: each paragraph followed by its address, with a
    # tracking tag. The body stays and the copy goes (before, the body went, as parts of it),
    # each paragraph a near copy (an address added is a small edit; the same words after every
    # paragraph decorate the copy): alone, a paragraph with an address added at its end stays
    # (words at an end may say more: "Sign the petition: https://...").
    copy = [
        f"{p} https://news.example.com/harbour/{n}?utm_source=amp" for n, p in enumerate(ARTICLE)
    ]
    result = dedupe(doc(*ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    assert removed(result) == {5 + i: (i, "near") for i in range(5)}
    assert dedupe(doc(P0, P1, copy[0], P3)).duplicates == ()
    # An address is one word, query string aside; two paragraphs that differ only in their
    # link (one letter of it) both stay.
    watch = "Watch the full interview with the mayor about the new bridge here:"
    address = canonical_form(f"{watch} https://www.Example.com/v/a?utm_source=rss.").split()[-1]
    assert address == "0examplecomva"
    links = [f"{watch} https://video.example.com/{x}" for x in "ab"]
    assert dedupe(doc(P0, *links)).duplicates == ()


def test_a_copy_with_links_printed_inside_its_sentences_goes() -> None:
    # A plain-text rendering of a page prints each link after its words, in brackets or angle
    # brackets: an address added inside a sentence is a small edit, alone too. An address put
    # in place of another, or of a word, is not (two addresses differ as two numbers do).
    links = [
        P0.replace("Old Harbour bridge,", "Old Harbour bridge (https://news.example.com/bridge),"),
        P1.replace("after the vote,", "after the vote <https://news.example.com/vote-31-14>,"),
        P2,
        P3.replace("audit committee", "audit committee (https://example.gov/audit)"),
        P4,
    ]
    result = dedupe(doc(*ARTICLE, *links))
    assert result.text == doc(*ARTICLE)
    assert dedupe(doc(P0, P1, links[0], P3)).text == doc(P0, P1, P3)
    other = links[0].replace("news.example.com/bridge", "news.example.com/ferry")
    assert dedupe(doc(links[0], P1, other)).duplicates == ()


def test_short_paragraphs_with_a_long_link_inside_go_as_near_copies() -> None:
    # A long address weighs on a short paragraph's ratio as no edit does: the paragraphs are
    # compared with the addresses aside when only one of the two holds any, inside its words.
    # (Before, such a copy stayed whole: too few words before its address for containment.)
    lines = [
        "What does it cost to hire an electrician in Harbourside this year?",
        "Most jobs take a licensed electrician between two and four hours of work.",
        "Prices for a new service panel run from four hundred to six hundred euros.",
    ]
    address = "https://www.harbour-news.example/guides/what-does-it-cost-to-hire-48724"
    linked = [
        lines[0].replace("What does ", f"What does <{address}> "),
        lines[1].replace("Most jobs ", "Most jobs (https://www.harbour-news.example/l-90) "),
        lines[2].replace("Prices for ", f"Prices for <{address}-panel> "),
    ]
    assert all(link != line for link, line in zip(linked, lines, strict=True))
    result = dedupe(doc(*lines, *linked))
    assert removed(result) == {3 + i: (i, "near") for i in range(3)}
    assert all("web addresses aside" in d.rule for d in result.duplicates)
    # The linked lines before the plain ones give way to them: a print copy's addresses in
    # its text are marks the plain copy reads without.
    result = dedupe(doc(*linked, *lines))
    assert removed(result) == {i: (3 + i, "near") for i in range(3)}
    assert all(d.rule.endswith("(the later copy reads whole)") for d in result.duplicates)
    # An address at an end may say more ("Read the guide: https://..."), and two addresses
    # differ as two numbers do: those paragraphs stay.
    at_end = f"{lines[0]} {address}"
    assert dedupe(doc(lines[0], P1, at_end)).duplicates == ()
    other = linked[0].replace("48724", "51873")
    assert dedupe(doc(linked[0], P1, other)).duplicates == ()


def test_copy_with_an_advertisement_between_its_sentences() -> None:
    # A lone copy (no repeated run around it) with page furniture between two of its sentences:
    # the inserted words are a boilerplate line of their own, so it is an edited copy. (An ad
    # slot's label is left out of the text matched: that copy is the same text.)
    other = "Residents of the old town will be asked about the footbridge at a meeting in May."
    copy = P2.replace("months. During", "months. Share this article on Facebook During")
    result = dedupe(doc(*ARTICLE, other, copy))
    assert removed(result) == {6: (2, "near")}
    ad = P2.replace("months. During", "months. Story continues below advertisement During")
    assert removed(dedupe(doc(*ARTICLE, other, ad))) == {6: (2, "exact")}
    # Without boilerplate removal, nothing says those words are furniture: the copy stays.
    assert dedupe(doc(*ARTICLE, other, copy), boilerplate=False).duplicates == ()


def test_copy_with_reference_marks() -> None:
    # A copy as Wikipedia and its mirrors write it: reference marks after the punctuation.
    copy = [P0.replace("years.", "years.[3]"), P1.replace("vote,", "vote,[a]"), *ARTICLE[2:]]
    result = dedupe(doc(*ARTICLE, *copy))
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}
    # An index in code is no reference mark: these lines differ.
    code = ["first = items[3];", "first = items[4];"]
    assert dedupe(doc(*code), remove_short_repeats=True).duplicates == ()


def test_copy_dumped_by_a_text_browser() -> None:
    # Links numbered before their text, each paragraph indented and wrapped at 76 columns.
    numbered = [P0.replace("the Old", "the [1]Old"), P1.replace("“We", "[2]“We"), *ARTICLE[2:]]
    dump = doc(*(_wrap(p, 73).replace("\n", "\n   ") for p in numbered))
    result = dedupe(doc(*ARTICLE) + "\n\n   " + dump.replace("\n\n", "\n\n   "))
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}
    # Before a digit the number stays: "[6]7" is no link.
    assert canonical_form("see [6]7") == "see 6 7"


def test_section_breaks_of_a_copy_go_with_it() -> None:
    # Lines without a word between removed paragraphs go; those beside a kept one stay.
    result = dedupe(doc(P0, "* * *", P1, P2, "* * *", P0, "* * *", P1, "—", P2))
    assert result.text == doc(P0, "* * *", P1, P2)
    assert {i: kind for i, (_, kind) in removed(result).items()} == {
        4: "boilerplate",
        5: "exact",
        6: "boilerplate",
        7: "exact",
        8: "boilerplate",
        9: "exact",
    }
    assert dedupe("* * *\n\n—").duplicates == ()  # nothing else: nothing goes
    # At the ends of a document, beside a kept paragraph and nothing removed, they stay.
    assert dedupe(doc("* * *", P0, "---")).duplicates == ()
    assert dedupe(doc("Advertisement", "* * *", P0)).text == P0


def test_copy_quoted_as_an_email_quotes_it() -> None:
    # A copy forwarded in an e-mail: each line quoted, a ">" line between paragraphs. The
    # headings of the copy stand next to removed paragraphs with only those lines between.
    body = ["What was decided", P0, P1, "What comes next", P2, P3]
    quoted = "\n>\n".join(f"> {p}" for p in body)
    result = dedupe(doc(*body) + "\n\n" + quoted)
    assert result.text == doc(*body)
    kinds = {i: kind for i, (_, kind) in removed(result).items()}
    assert [kinds[6 + 2 * k] for k in range(len(body))] == ["exact"] * len(body)
    assert {kinds[7 + 2 * k] for k in range(len(body) - 1)} == {"boilerplate"}


def test_a_paragraph_in_braces_is_text() -> None:
    # Braces and a colon or two do not make structured data: it is matched like any paragraph.
    text = '{"Quoted": "a", "b": c} and the rest of a paragraph about the harbour bridge plan.'
    result = dedupe(doc(text, P0, text))
    assert removed(result) == {2: (0, "exact")}


def test_split_copy_of_a_first_copy_that_ran_a_heading_into_a_list_line() -> None:
    # The first copy runs the heading into its first list line; the second has them apart.
    # Neither half is whole sentences of the merged line, but together they make all of it.
    merged = "Key features: Pay only for the storage you use"
    result = dedupe(doc(P0, merged, P1, "Key features:", "Pay only for the storage you use", P1))
    assert removed(result) == {3: (1, "contained"), 4: (1, "contained"), 5: (2, "exact")}


@pytest.mark.parametrize(
    ("merged", "parts"),
    [
        ("The new bridge at dawn. (Photo: Harbour Authority)",
         ["The new bridge at dawn.", "(Photo: Harbour Authority)"]),
        ("By Jane Doe March 3, 2024", ["By Jane Doe", "March 3, 2024"]),
        ("Harbour Bridge Best For the long way", ["Harbour Bridge", "Best For", "the long way"]),
    ],
)  # fmt: skip
def test_short_lines_before_a_copy_go_as_the_line_they_make_before_its_original(
    merged: str, parts: list[str]
) -> None:
    # The first copy opens with a caption and its credit (a byline and its date) on one line;
    # the body has them apart. No tier finds short lines, and nothing stands before them.
    result = dedupe(doc(merged, P0, P1, *parts, P0, P1))
    assert result.kept == (0, 1, 2)
    assert {d.index: (d.original, d.kind) for d in result.duplicates[: len(parts)]} == {
        3 + k: (0, "contained") for k in range(len(parts))
    }
    # Past a boilerplate line between them, which stays boilerplate.
    result = dedupe(doc(merged, P0, P1, parts[0], "Advertisement", *parts[1:], P0, P1))
    assert result.kept == (0, 1, 2)
    assert [d.kind for d in result.duplicates[:3]] == ["contained", "boilerplate", "contained"]
    # After the copy's last paragraph, too: the body ends with the lines apart.
    result = dedupe(doc(P0, P1, merged, P2, P0, P1, *parts, P3))
    assert result.kept == (0, 1, 2, 3, 4 + 2 + len(parts))
    # The lines alone, or before a paragraph that copies nothing, stay: a contents line and
    # the section's heading and subtitle.
    assert dedupe(doc(merged, P0, P1, *parts, P2)).duplicates == ()
    # So does a part of the line with the rest missing.
    assert dedupe(doc(merged, P0, P1, *parts[1:], P0, P1)).kept[:4] == (0, 1, 2, 3)


def test_a_line_that_is_part_of_an_earlier_one_stays_alone() -> None:
    # The same line without its heading neighbour: part of the earlier line, not all of it.
    merged = "Key features: Pay only for the storage you use"
    result = dedupe(doc(P0, merged, P1, "Pay only for the storage you use", P2))
    assert 3 in result.kept


def test_section_headings_under_a_table_of_contents_stay() -> None:
    # A contents list names each section with its subtitle on one line; each section opens
    # with the name and the subtitle as two headings, then says something new.
    contents = [
        "1. Harbour Bridge: the long way round",
        "2. North Quay Ferry: the quick crossing",
        "3. Old Harbour Bridge walkway: the scenic route for cyclists and walkers alike",
    ]
    result = dedupe(
        doc("In this guide", *contents, "1. Harbour Bridge", "The long way round", P0, P1,
            "2. North Quay Ferry", "The quick crossing", P2, P3, "3. Old Harbour Bridge walkway",
            "The scenic route for cyclists and walkers alike", P4)
    )  # fmt: skip
    assert result.duplicates == ()


def test_rows_of_a_second_table_stay_when_a_first_table_ran_its_rows_together() -> None:
    # Two products' specifications: the first table lost its row breaks, the second did not.
    first = "Interface 2.4GHz Wireless\nInterface Bluetooth\nWeight 60 grams"
    result = dedupe(
        doc("Mouse A", P0, first, "Mouse B", P1,
            "Interface 2.4GHz Wireless", "Interface Bluetooth", "Interface USB Wired", P2)
    )  # fmt: skip
    assert result.duplicates == ()


def test_a_recipe_card_that_renames_a_heading_goes_with_its_list() -> None:
    # The card at the foot of a recipe prints the ingredients and the steps again, under
    # "Instructions" where the recipe says "Method": the list goes with the steps' copy, and
    # the renamed heading stays.
    items = ["200 g butter", "200 g sugar", "4 eggs", "200 g flour", "2 lemons"]
    steps = [P0, P1, P2]
    card = ["Lemon cake", "Ingredients", *items, "Instructions", *steps]
    result = dedupe(doc(P3, "Ingredients", *items, "Method", *steps, *card, sep="\n"))
    assert result.text == doc(P3, "Ingredients", *items, "Method", *steps, "Lemon cake",
                              "Instructions", sep="\n")  # fmt: skip
    # Under an event's or a brand's other name, with fewer lines of the list the same, the
    # lines stay: another entry of a listing.
    first = ["Carve Designs", "- organic cotton", "- organic denim", P0, P1]
    other = ["Lole", "- organic cotton", "- tencel", P0, P1]
    result = dedupe(doc(P3, *first, P4, *other, sep="\n"))
    assert result.text == doc(P3, *first, P4, *other[:3], sep="\n")


def test_short_lines_run_together_inside_a_copy_go() -> None:
    # Two short lines in the first copy, run together into one line in the second.
    result = dedupe(
        doc(P0, P1, "Harbour Bridge", "Best For", P2, P0, P1, "Harbour Bridge Best For", P2)
    )
    assert removed(result) == {
        5: (0, "exact"), 6: (1, "exact"), 7: (2, "contained"), 8: (4, "exact")
    }  # fmt: skip
    assert result.duplicates[2].originals == (2, 3)
    # Two short lines that another line merely repeats, with no copy around it, stay.
    alone = dedupe(doc(P0, "Harbour Bridge", "Best For", P1, P2, "Harbour Bridge Best For", P3))
    assert alone.duplicates == ()


HEADLINES = [
    "Ferry timetable changes as the harbour bridge closes for repairs",
    "Storm watch",
    "Council weighs a new levy on holiday lets in the old town",
    "Fishing fleet returns early as prices fall at the morning auction",
    "Quiz night",
]


def test_a_short_headline_inside_a_list_printed_again_in_another_order_goes() -> None:
    # "Most read" over five headlines, then "More from this section" over the same five,
    # shuffled: the long ones go as exact repeats, and so do the short ones among them.
    h = HEADLINES
    shuffled = [h[2], h[4], h[0], h[1], h[3]]
    result = dedupe(doc(P0, P1, "Most read", *h, P2, P3, "More from this section", *shuffled))
    assert removed(result) == {
        2: (None, "boilerplate"), 10: (None, "boilerplate"), 11: (5, "exact"), 12: (7, "exact"),
        13: (3, "exact"), 14: (4, "exact"), 15: (6, "exact"),
    }  # fmt: skip
    assert "another order" in next(d.rule for d in result.duplicates if d.index == 12)
    assert dedupe(result.text).duplicates == ()
    # A label printed more than twice stays, where a box is printed again beside another's:
    # "Pros" over each product's items.
    box = ["Folds flat into the boot of a small car", "Holds four bags of shopping at once"]
    other = ["Light enough to carry up the stairs", "Pros"]
    result = dedupe(doc(P0, "Pros", *box, P1, "Pros", other[0], P2, box[1], box[0], other[1], P3))
    assert removed(result) == {8: (3, "exact"), 9: (2, "exact")}


HIGHLIGHT = (
    "Opposition members argued that the cost had nearly doubled since the first estimate in 2021."
)


def test_highlights_box_after_the_body() -> None:
    result = dedupe(doc(*ARTICLE, "Highlights", P1, HIGHLIGHT))
    found = removed(result)
    assert found[6] == (1, "exact")
    assert found[7] == (3, "contained")
    assert found[5] == (None, "boilerplate")  # (the box's label, with its items)
    assert result.kept == (0, 1, 2, 3, 4)


@pytest.mark.parametrize(
    "label", ["Story highlights", "KEY POINTS:", "In brief", "TL;DR", "The short version"]
)
def test_highlights_box_repeating_a_paragraph_verbatim_before_the_body(label: str) -> None:
    # Both copies are identical: the body's stays in its place, the box's goes.
    result = dedupe(doc(P0, label, P2, P1, P2, P3, P4))
    assert removed(result) == {1: (None, "boilerplate"), 2: (4, "exact")}
    assert result.text == doc(P0, P1, P2, P3, P4)
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("bullet", ["", "• "])
def test_a_highlights_box_of_one_paragraphs_sentences_goes_and_the_paragraph_stays(
    bullet: str,
) -> None:
    # The box gives each sentence of a body paragraph as an item: the paragraph went as the
    # items laid end to end, out of the body's run. It stays, and the items go.
    first, second = P2.split(". ", 1)
    items = [f"{bullet}{first}.", f"{bullet}{second}"]
    result = dedupe(doc(P0, "Key points", *items, P1, P2, P3))
    assert removed(result) == {1: (None, "boilerplate"), 2: (5, "contained"), 3: (5, "contained")}
    assert dedupe(result.text).duplicates == ()
    # Once the items went, the body's paragraphs under the box read as items; a copy of the
    # body with other breaks that runs two of them into one keeps none of them.
    items = [f"{bullet}{P2.split('. ')[0]}.", f"{bullet}{P3.split('. ')[0]}."]
    copy = ["Advertisement", f"{P1} {P2}", f"{P3} {P4}"]
    result = dedupe(doc("Key points", *items, P1, P2, P3, P4, *copy))
    assert result.kept == (3, 4, 5, 6)


@pytest.mark.parametrize("bullet", ["", "• "])
def test_a_highlights_box_of_the_lead_paragraphs_goes_before_the_body_they_open(
    bullet: str,
) -> None:
    # The box repeats the body's first two paragraphs, which follow it right away: the box ends
    # where its items start again, so the body's copies stay and the box's go. A body of many
    # paragraphs printed twice under the label is no box: its first copy stays.
    result = dedupe(doc("Lo más destacado", bullet + P0, bullet + P1, *ARTICLE))
    assert removed(result) == {0: (None, "boilerplate"), 1: (3, "exact"), 2: (4, "exact")}
    assert result.text == doc(*ARTICLE)
    body = [*ARTICLE, "The harbour master said the new quay would open in the spring."]
    twice = dedupe(doc("Highlights", *body, *body))
    assert set(removed(twice)) == set(range(len(body) + 1, 2 * len(body) + 1))
    # Nor is a run printed twice with its label: the items' first copies stay.
    runs = dedupe(doc(P0, P1, "Key points", P0, P1, "Key points", P2, P3, P2, P3, P4))
    assert set(removed(runs)) == {3, 4, 5, 8, 9}


def test_short_lines_and_a_run_repeated_right_after_itself_are_no_highlights() -> None:
    # Under a "Highlights" heading, a caption's "Photo" line repeats as every picture's does:
    # both stay. A page that prints each line twice right after itself keeps the first.
    photos = dedupe(doc("Highlights", "Photo", "Credit: Harbour Gazette", P0, "Photo", P1))
    assert photos.duplicates == ()
    twice = dedupe(doc("Key points", "Key points", P0, P0, P1, P1))
    assert removed(twice) == {1: (0, "exact"), 3: (2, "exact"), 5: (4, "exact")}
    # A label printed a second time is no box's either: the first copy under it stays.
    again = dedupe(doc(P0, "Key points", P1, P2, "Key points", P3, P3, P4))
    assert removed(again) == {6: (5, "exact")}


def test_a_highlights_item_that_is_a_sentence_of_a_later_paragraph_goes() -> None:
    # One sentence of the body's third paragraph, in the box after the lead: a statement, so no
    # pull quote, but an item of the box all the same.
    item = "Ferries will run every 20 minutes between the two quays."
    assert item.lower().rstrip(".") in P2.lower()
    result = dedupe(doc(P0, "Key points", item, P1, P3, P4, P2))
    assert removed(result) == {1: (None, "boilerplate"), 2: (6, "contained")}
    assert dedupe(result.text).duplicates == ()


def test_a_heading_opening_the_body_under_a_highlights_box_stays() -> None:
    # The box's one item goes; the body's first heading, whose words the paragraph under it
    # repeats, is no item of the box.
    heading = "The new ferry timetable"
    opening = "The new ferry timetable starts on Monday, with the first boat at six in the morning."
    result = dedupe(doc(P0, "Key points", P2, heading, opening, P1, P2, P3))
    assert removed(result) == {1: (None, "boilerplate"), 2: (6, "exact")}


def test_a_body_row_under_a_highlights_box_stays_beside_a_copy_with_a_dateline() -> None:
    # The box repeats the fourth row of a schedule; the first row stands right under it, and a
    # later copy of the page holds it with a dateline in front. That copy holds the row's words,
    # but it is no sentence the box took from it: the row stays where it is.
    rows = [
        f"{day} 12pm to 1pm in Room 217 with Ada Lane, Ph.D"
        for day in ("September 10", "September 17", "September 24", "October 1", "October 8")
    ]
    intro = (
        "Over the course of five weeks, we will use yoga to explore how breathing and posture "
        "shape the way we study and rest."
    )
    page = ["Yoga for students", "Schedule", "Key points", rows[3], *rows, intro, P1]
    copy = ["Schedule", f"WASHINGTON (AP) — {rows[0]}", *rows[1:], intro, P1]
    result = dedupe(doc(*page, *copy))
    assert removed(result)[3] == (7, "exact")
    assert 4 in result.kept


def test_a_highlights_label_goes_with_its_items_and_stays_over_text_that_stays() -> None:
    # Under the body, a box of two of its paragraphs: the items go, and the label with them.
    result = dedupe(doc(P0, P1, P2, "Key points", P0, P2))
    assert removed(result)[3] == (None, "boilerplate")
    assert result.text == doc(P0, P1, P2)
    # Over a kept paragraph, or over boilerplate lines only, a label heads a section: it stays.
    assert dedupe(doc(P0, "Key points", P1, P0, P2)).kept == (0, 1, 2, 4)
    assert dedupe(doc(P0, "Key points", "Advertisement", P1)).kept == (0, 1, 3)
    # So does a label over a list that goes on past its first items, which repeat the body.
    bullets = [f"- {P0}", f"- {P2}", "- A footbridge opens in May next year, the council said."]
    result = dedupe(doc(P0, P1, P2, "Key takeaways", *bullets, P3))
    assert removed(result) == {4: (0, "exact"), 5: (2, "exact")}
    # So does the article's label over its own list, with a box put in between the two.
    items = ["Ferries run every 20 minutes on weekdays", "A footbridge opens in May next year"]
    result = dedupe(doc(P0, "Key takeaways", "Story highlights", P2, *items, P1, P2))
    assert removed(result) == {2: (None, "boilerplate"), 3: (7, "exact")}


def test_a_comment_quoting_a_highlights_item_is_no_body_for_it() -> None:
    # A summary list under a label ends the article; a comment quotes its first item behind a
    # ">". The comment's line is the copy: the list keeps its item, and its label.
    items = [
        "Book the ferry a day ahead at busy times of the year.",
        "The footbridge opens at six in the morning on weekdays.",
        "Cyclists may ride on the lower deck of the ferry only.",
    ]
    reply = "Good point, and the buses into town are free all summer too."
    result = dedupe(doc(P0, P1, "Key takeaways", *items, "oldtimer wrote:", f"> {items[0]}", reply))
    assert removed(result) == {7: (3, "exact")}


@pytest.mark.parametrize("label", ["Summary", "Key points"])
def test_a_highlights_label_that_ends_the_document_stays(label: str) -> None:
    # Nothing stands under it: no box, and nothing to look at past the end.
    assert dedupe(doc(P0, P1, P0, label)).kept == (0, 1, 3)
    assert dedupe(label).kept == (0,)


def test_a_highlights_box_under_a_repeated_title_loses_its_items_the_first_time() -> None:
    # The page's title printed again under the label: it goes (a title repeated among the
    # first lines), and the item under it is the box's first all the same. Once the box's
    # items go, the title's repeat stands among the first lines (under two short lines).
    # Either way a second run on the output removes nothing more.
    fibre = "Most adults need more fibre, calcium and vitamin D than they eat today."
    more = "Water beats juice every time, and cooking at home more often is the habit that sticks."
    text = doc(
        "Healthy Eating Tips", "At a glance", "Healthy Eating Tips", fibre, "Background",
        P0, P2, P3, f"At a glance: {fibre} {more}",
    )  # fmt: skip
    result = dedupe(text)
    assert removed(result) == {1: (None, "boilerplate"), 2: (0, "exact"), 3: (8, "contained")}
    assert dedupe(result.text).duplicates == ()
    first = "You either overuse the word or you know someone who does, and it grates on the ear."
    second = "No, your head did not explode when you heard the news this morning."
    text = doc(
        "On Behalf of Literally", "Share this article", "Words need defenders.",
        "Story highlights", first, second, "On Behalf of Literally", first,
        f"People lean on the word as a crutch. {second} It is still there.", P1, P4,
    )  # fmt: skip
    result = dedupe(text)
    assert removed(result) == {
        1: (None, "boilerplate"),
        3: (None, "boilerplate"),
        4: (7, "exact"),
        5: (8, "contained"),
        6: (0, "exact"),
    }
    assert dedupe(result.text).duplicates == ()


def test_a_highlights_item_repeated_inside_a_later_copy_goes_where_a_paragraph_holds_it() -> None:
    # The item's repeat stands in a copy of a run (beside a heading that went as a part of the
    # paragraph that holds the item too): no swap with it, but that paragraph takes the item
    # out of the box, as a second run, without the repeat, does.
    item = "There are several ways you can get rid of the clutter in your give-away box:"
    text = doc(
        "Boxes you fill while you sort are only useful if you empty them soon after you finish.",
        "Key points", item, "Getting rid of cluter", "Recycle", "Put in storage",
        f"Getting rid of clutter {item}", P3, "Getting rid of clutter", item, "Recycle", P4,
    )  # fmt: skip
    result = dedupe(text)
    assert removed(result) == {
        1: (None, "boilerplate"), 2: (6, "contained"), 8: (6, "contained"), 9: (6, "exact")
    }  # fmt: skip
    assert dedupe(result.text).duplicates == ()


def test_the_first_copy_stays_without_a_highlights_label() -> None:
    # The same page with a section heading over the first copy: that is no box.
    result = dedupe(doc(P0, "What happens next", P2, P1, P2, P3, P4))
    assert removed(result) == {4: (2, "exact")}


def test_the_body_under_a_highlights_box_stays_first_when_a_copy_repeats_it() -> None:
    # The page's body after the box, then a copy of the body without the lead: the box's item
    # goes, but the body's paragraphs under the box are no items of it (the copy's paragraphs
    # stand in a run), so the body stays in its order and the copy goes.
    page = [P0, "Key points", P2, P1, P2, P3, P4]
    result = dedupe(doc(*page, P1, P2, P3, P4))
    assert result.text == doc(P0, P1, P2, P3, P4)
    assert removed(result) == {
        1: (None, "boilerplate"), 2: (4, "exact"),
        7: (3, "exact"), 8: (4, "exact"), 9: (5, "exact"), 10: (6, "exact"),
    }  # fmt: skip


def test_highlights_box_with_a_shortened_sentence_before_the_body() -> None:
    result = dedupe(doc(P0, "Story highlights", HIGHLIGHT, P1, P2, P3, P4))
    assert 2 in removed(result)
    assert 5 in result.kept


def test_a_run_in_heading_is_not_a_dateline() -> None:
    # A highlighted sentence, then in the body the same sentence after a run-in heading: the
    # heading is a sentence of its own, content that a dateline ("WASHINGTON (AP) —") is not.
    quote = "(The app works with other programs such as payroll, invoicing and customer records.)"
    assert 2 in dedupe(doc(quote, P0, "Integration. " + quote, P1)).kept
    dateline = dedupe(doc(quote, P0, "WASHINGTON (AP) — " + quote, P1))
    assert removed(dateline) == {2: (0, "near")}


def test_highlight_of_a_sentence_that_is_most_of_its_paragraph() -> None:
    # The body paragraph is mostly the highlighted sentence, but it stands among unrepeated
    # paragraphs and says more besides: the highlight goes, the body paragraph stays.
    sentence = (
        "Ferries will run every 20 minutes between the two quays while the old bridge is rebuilt "
        "over the next eighteen months."
    )
    body = sentence + " Cyclists may use the temporary footbridge."
    result = dedupe(doc(P0, "Story highlights", sentence, P1, body, P3, P4))
    assert removed(result) == {1: (None, "boilerplate"), 2: (4, "contained")}


def test_a_pull_quote_before_the_paragraph_it_quotes_goes() -> None:
    # The quotation alone, set apart before the paragraph that quotes it and names who said it:
    # no sentence of that paragraph, and most of it.
    pulled = (
        "“We have finally found a design that residents, engineers and the port can all live with.”"
    )
    result = dedupe(doc(P0, pulled, P1, P2, P3))
    assert removed(result) == {1: (2, "contained")}
    # A teaser cut off with an ellipsis, likewise.
    teaser = "Work is due to start in March and should take about 18 months. During that time…"
    assert removed(dedupe(doc(P0, teaser, P1, P2, P3))) == {1: (3, "contained")}


def test_a_pull_quotes_speaker_on_a_line_below_it_goes_with_it() -> None:
    # A pull quote lifted from the body, its speaker on a line of their own under it: the line
    # is the quotation's, and goes with it (before, it stayed alone in the text).
    pulled = (
        "“We have finally found a design that residents, engineers and the port can all live with.”"
    )
    for speaker in ("— Ingrid Solberg, mayor", "– Mayor Ingrid Solberg", "-- Ingrid Solberg"):
        result = dedupe(doc(P0, pulled, speaker, P1, P2, P3))
        assert result.text == doc(P0, P1, P2, P3)
        assert result.duplicates[1].kind == "boilerplate"
    # Under a kept paragraph it stays; so do a heading after a hyphen under a paragraph that
    # went (a copy's), and items of a list after dashes.
    assert dedupe(doc(P0, P1, "— Ingrid Solberg, mayor", P2)).duplicates == ()
    heading = "- Faster trains"
    result = dedupe(doc(P0, P1, P2, P0, heading, P3))
    assert removed(result) == {3: (0, "exact")}
    items = ["– Faster trains, more often", "– Lower fares"]
    result = dedupe(doc(P0, P1, P2, P0, *items, P3))
    assert removed(result) == {3: (0, "exact")}


def test_a_short_pull_quote_goes_whatever_its_last_character() -> None:
    # Under a heading, a quotation of a dozen words without a full stop (a heading's length,
    # not ending like a sentence): pulled out of the paragraph after it all the same.
    quote = "“Tickets can be booked online from the first of May”"
    said = (
        "Tickets can be booked online from the first of May. Group tours must be arranged a "
        "week ahead, said Lena Holm, the museum's director."
    )
    result = dedupe(doc(P0, P1, "Opening hours", quote, said, P3))
    assert removed(result) == {3: (4, "contained")}
    # With its speaker after a dash, whom the paragraph names too, before or after it.
    attributed = f"{quote} — Lena Holm, museum director"
    result = dedupe(doc(P0, P1, "Opening hours", attributed, said, P3))
    assert removed(result) == {3: (4, "contained")}
    assert "speaker" in result.duplicates[0].rule
    assert removed(dedupe(doc(P0, said, P1, attributed, P3))) == {3: (1, "contained")}
    # A speaker the paragraph does not name, or a figure after the dash: new content, it stays.
    for other in ("Anna Berg, mayor", "the curator", "the captain, 20 minutes late"):
        assert dedupe(doc(P0, P1, f"{quote} — {other}", said, P3)).duplicates == ()
    # Pulled from the last sentence of a long paragraph, without a full stop before the dash:
    # the quotation and the speaker make one sentence, which shares no key with the paragraph.
    long = f"{P2} {P3} Lena Holm put it simply. Tickets can be booked online from the first of May."
    for text, quote_at, long_at in (
        (doc(P0, attributed, long, P4), 1, 2),
        (doc(P0, long, P4, attributed), 3, 1),
    ):
        (dup,) = dedupe(text).duplicates
        assert (dup.index, dup.kind, dup.original) == (quote_at, "contained", long_at)
        assert "speaker" in dup.rule
    # More than a name after the dash is more than a pull quote: it stays.
    longer = f"{quote} — and the museum will open on Sundays from June as well"
    assert dedupe(doc(P0, P1, "Opening hours", longer, said, P3)).duplicates == ()
    # A quoted tagline over a product's section, which the list above holds with its name and
    # rating only, is the section's own line: it stays.
    listed = "Harbourline: A simple booking app for ferries and buses (4.2/5)"
    tagline = "“A simple booking app for ferries and buses”"
    assert dedupe(doc(P0, listed, P1, "Harbourline", tagline, P2)).duplicates == ()


def test_a_lede_that_a_later_paragraph_goes_on_from_stays() -> None:
    # The same words without quotation marks: a statement that a later paragraph says more
    # about, not a quotation pulled out of it.
    lede = (
        "We have finally found a design that residents, engineers and the port can all live with."
    )
    assert dedupe(doc(P0, lede, P1, P2, P3)).duplicates == ()


def test_a_numbered_copy_of_a_heading_is_not_its_source() -> None:
    # An overview line and the numbered section heading that repeats it: both are content.
    heading = "Harbour bridge - best option for daily commuters"
    result = dedupe(doc(P0, heading, P1, P2, "2. " + heading, P3, P4))
    assert result.duplicates == ()


BOILERPLATE_LINES = [
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Sign up for our newsletter",
    "Share this article",
    "Read more: Council delays vote on new tram line",
    "Anzeige",  # German
    "Lesen Sie auch: Neue Brücke für den Hafen",
    "Publicité",  # French
    "Lire aussi : Le conseil municipal vote le budget",
    "Publicidad",  # Spanish
    "Read the full story",
    "© 2026 Harbour Gazette Ltd. All rights reserved.",
    "Copyright 2026 The Harbour Gazette. This material may not be published or redistributed.",
    "© Harbour Gazette Photo Desk",
    "Advertisement - Scroll to continue",
    "Sign up for our daily newsletter to get the latest news.",
    "Also read: Ferry fares rise again",
    "Subscribe now",
    "Show more",
    "Print this page",
    "Click to share on Twitter (Opens in new window)",
    "Share via Email",
    "Share on Facebook Share on Twitter Share via Email",  # (a row of share links as one line)
    "Tweet this | Share on Facebook",
    "Share on Facebook Share on Twitter Email",  # (the last button without "Share via")
    "Sign in | Register",  # (a menu's account links; one alone is content, see below)
    "Log in or Sign up",
    "Get the latest news delivered daily. Sign up now",
    "AMP version",
    "Printer-friendly version",
    "More from this section",  # (a related block's heading)
    "More on this story",
    "Home | World | Politics | Business | Sport",  # (a menu from the home page)
    "Home > News > Harbour City",  # (a breadcrumb trail)
    "About Us | Careers | Advertise with us | Help",
    "The post Council backs the bridge plan appeared first on Harbour Gazette.",  # (a feed's)
    "We use cookies to give you the best experience on our site. By continuing, you agree.",
    "Accept all cookies",
    "Manage preferences",
    "SKIP ADVERTISEMENT",
    "Watch: Mayor explains the bridge plan",  # (a video's title, as "Read more: <headline>")
    "Filed under: Politics",
    "0:00 / 3:45",  # (an audio player's counter)
    "Open in app",
    "Have a news tip? Email us at tips@example.com",
    "Get our free daily newsletter",
    "Advertisement · Scroll to continue",
    "Story continues",
    "Continue reading your article with a Harbour Gazette subscription",
    "This content is not available in your region",
    "12 replies",  # (a comment thread's controls)
    "Show 3 more replies",
    "Sort by: Newest",
    "Like · Reply · 2h",
    "MORE: Electric buses struggle on the steepest routes",  # (a related story's link)
    "Article preview",
    "This article is part of our Tech Brief newsletter.",  # (a newsletter's own lines)
    "You’re reading the Week Ahead newsletter. Sign up to get it in your inbox.",
    "Welcome to the Health Check, our newsletter.",
    "Sign up for the Tech Brief newsletter",
    "[embed]",  # (what a page embeds, left in brackets; a label with nothing after it)
    "Photo:",
    "Lesezeit: 3 Minuten",  # (a reading time, a breadcrumb trail, a cookie banner's lines)
    "Accueil › Monde › Europe",
    "Aceptar todas las cookies",
    "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
    "Report abuse",  # (... each on a line of its own)
    "Oldest first",
    "Gallery (9 photos)",  # (a gallery's heading and links)
    "View all 12 photos",
    "Close window",  # (a print page's link)
    "Image source, Getty Images",  # (a BBC page's credit line)
    "Follow @harbourgazette on Twitter",
    "Advertisement Advertisement",
    "Sponsored Links",  # (an ad network's block)
    "Around the Web",
    "Ad Feedback",
    "Top Stories",
    "Editor’s Picks",
    "Don't miss",
    "Show Transcript",
    "Create a free account",
    "Subscribe to our weekly newsletter for the latest harbour news.",
    "Follow us on Instagram and Facebook for more stories",
    "Click here to subscribe for just $1 a week",
    "Subscribe to the Harbour Gazette for more local news.",
    "Get the best of our reporting delivered to your inbox every morning. Sign up now",
    "This article is more than 2 years old",  # (a banner over an old article)
    "Page 2 of 3",  # (the marker where a scraper joined an article's pages)
    "Continued on page 4",
    "Next page",
    "Continue reading the full story",  # (a teaser's link to the body)
    "Read the rest of this story",
    "Listen to this article · 5:32 min",  # (a player's label with its length)
    "This video cannot be played",
    "Report a correction or typo",
    "Got a story? Contact us",
    "Continue reading on page 2",  # (pages a scraper joined)
    "Continue to page 3",
    "Next »",  # (a pager's links, with their arrows)
    "« Previous",
    "Older posts ›",
    "Continue reading on the full site",  # (an AMP page's links to the page it renders)
    "View non-AMP version",
    "View full site",
    "Tap to read full story",
    "Read the full story on our website",
    "Enjoying this article? Subscribe for unlimited access.",
    "Printed from the web edition",
    "Get unlimited digital access for just $1 a week.",  # (found by an evaluation written apart)
    "By signing up you agree to our Terms of Use and acknowledge our Privacy Policy.",
    "Get the best of our journalism delivered to your inbox every weekday morning.",
    "Did you make this recipe? Tag us on Instagram!",
    "Please turn on JavaScript in your browser to get the best experience.",
    "Show key events only",  # (a live blog's switch)
    "Plain-text version",
    "2 hours ago",  # (a comment's time)
    "Accept all",  # (a cookie banner's buttons)
    "Reject all",
    "Subscribe to our daily briefing",
    "Subscribe to continue reading",
    "To read the full story, sign up now.",
    "This article is for subscribers only.",
    "Printed from news.example.org on 12/03/2026",
    "Weiter nach der Anzeige",  # German
    "Diesen Artikel teilen",
    "Seite 2",
    "La suite après la publicité",  # French
    "Sigue leyendo",  # Spanish
    "Continua a leggere dopo la pubblicità",  # Italian
    "Lees verder na de advertentie",  # Dutch
    "Reklama",  # Polish
    "Czytaj także: Nowy most w porcie",
    "Čtěte také: Nový most v přístavu",  # Czech
    "Annons",  # Swedish
    "Læs også: Ny bro i havnen",  # Danish
    "Reklam",  # Turkish
    "Реклама",  # Russian
    "Читайте также: Новый мост в порту",
    "إعلان",  # Arabic
    "اقرأ أيضاً: جسر جديد في الميناء",
    "广告",  # Chinese
    "相关阅读：港口新桥开通",
    "関連記事：港の新しい橋",  # Japanese
    "광고",  # Korean
    "관련기사: 항구의 새 다리",
    "Διαφήμιση",  # Greek
    "Mainos",  # Finnish
    "Más información",  # Spanish
    "Continuer la lecture",  # French
    "Pokračování článku pod reklamou",  # Czech
    "推荐阅读",  # Chinese
    "点击查看更多",
    # Labels between dashes or in brackets
    "— Advertisement —",
    "[Anzeige]",
    "【广告】",
    "（広告）",
    # Furniture beyond "advertisement" and "read more", in the languages of the list
    "Das könnte Sie auch interessieren",  # German
    "Zur Startseite",
    "Alle Rechte vorbehalten",
    "Sur le même sujet",  # French
    "Article réservé aux abonnés",
    "Te puede interesar",  # Spanish
    "Noticias relacionadas",
    "Continua após a publicidade",  # Portuguese
    "Articoli correlati",  # Italian
    "Zobacz też: Nowy most w porcie",  # Polish
    "Související články",  # Czech
    "Материалы по теме",  # Russian
    "Подписывайтесь на наш канал в Telegram",
    "İlgili Haberler",  # Turkish
    "विज्ञापन",  # Hindi
    "यह भी पढ़ें: बंदरगाह पर नया पुल",
    "责任编辑：王明",  # Chinese
    "無断転載を禁じます",  # Japanese
    "무단전재 및 재배포 금지",  # Korean
    # English page furniture: a paywall's, a newsletter box's, a comment section's, a footer's
    "Log in or subscribe to read the full story.",
    "To continue reading, please subscribe.",
    "You have reached your limit of free articles.",
    "Want to read more? Subscribe",
    "Get unlimited digital access",
    "Already have an account? Sign in",
    "Support independent journalism",
    "Get the latest news delivered to your inbox",
    "Thanks for signing up!",
    "By signing up, you agree to our Terms of Use and Privacy Policy.",
    "By submitting your number, you agree to receive texts from the Harbour Gazette.",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "Gift this article",
    "Link copied",
    "Updated 2 hours ago",
    "Story continues below",
    "Scroll to continue with content",
    "Related Topics",
    "Tags: harbour, bridges, council",
    "12 Comments",
    "Comments are closed.",
    "Report an error",
    "Terms of Use | Privacy Policy | Contact Us",
    "Sponsored by Harbour Bank",
    "Advertisement Feature",
    "Follow us",
    "Facebook Twitter Email",
    "Subscribe to our YouTube channel",
    "Image 1 of 12",
    "Next article",
    "Up next",
    "Hide caption",
    "(opens in new tab)",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Sign up for updates",  # (" ?" in a pattern: white space or none)
    "Share|Tweet",
    # A media player's lines and an embedded post's, read out of the page with the article
    "Video Player is loading.",
    "Play Video",
    "This is a modal window.",
    "Beginning of dialog window. Escape will cancel and close the window.",
    "End of dialog window.",
    "Current Time 0:00",
    "Loaded: 0%",
    "Your browser does not support the video tag.",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "Leave a Reply Cancel reply",
    "Your email address will not be published. Required fields are marked *",
    "You must be logged in to post a comment.",
    "View this post on Instagram",
    "Embedded content",  # (an embedded post's frame: consent box, skip links, signature)
    "This content can also be viewed on the site it originates from.",
    "Allow Twitter content?",
    "Accept and continue",
    "Skip twitter post by Anna Sato",
    "End of twitter post by Anna Sato",
    "— Anna Sato (@annasato) March 3, 2024",
    "- Anna Sato (@annasato) Sept. 3, 2024",
    "A post shared by Harbour Gazette (@harbourgazette)",
    "View on X",
    "Open image in gallery",
    "↑ Back to top",
    "Return to top",
    "[hide]",
    "Share full article",  # (an app's banner and a paywall's lines)
    "Read in app",
    "Continue in browser",
    "Download the app for the best experience",
    "Listen · 5:32 min",
    "Continue reading with a subscription",
    "Subscriber exclusive",
    "Watch on YouTube",
    "Like Loading...",
    "Jump to Recipe",
    "Image caption,",
    "Caption",  # (a photo's caption switch, and its credit on a line of its own)
    "Jane Okafor/Getty Images",
    "Jane van Okafor/AFP via Getty Images",
    "AP Photo/Jane Okafor",
    "REUTERS/Jane Okafor",
    "Photo: Getty Images",
    "Credit: Jane Okafor/AP",
    # A consent dialog's lines, an archive's frame, a media player's controls, a breadcrumb
    # and a pager, a dump of the page's meta tags
    "Some partners do not ask for your consent to process your data and instead rely on their "
    "legitimate business interest. You can object to this by clicking Manage preferences.",
    "We value your privacy",
    "Continue without accepting",
    "Agree and close",
    "This website uses cookies to ensure you get the best experience on our website. Learn more",
    "The Wayback Machine - https://web.archive.org/web/20240302152851/https://example.org/a",
    "183 captures",
    "About this capture",
    "This is Google's cache of https://example.org/a. It is a snapshot of the page as it "
    "appeared on 3 Mar 2024 10:14:03 GMT.",
    "Text-only version",
    "Saved from https://example.org/a",
    "Download audio",
    "1.25x",
    "Audio generated by AI. Errors may occur.",
    "Narrated by Jane Okafor",
    "You are here: Home / News / Harbour",
    "Next Post: Ferry timetable changes in May",
    "« Previous: Ferry timetable changes in May",
    "Tagged bridges, local government",
    "More from Food & Drink",
    "og:type: article",
    "twitter:card = summary_large_image",
    "keywords = bridge, harbour, council",
    "https://example.org/news/harbour-bridge 3/9",
    # An embedded YouTube player's text, a wire feed's note, a mail's frame, a translation
    # widget's and an accessibility overlay's lines
    "If playback doesn't begin shortly, try restarting your device.",
    "Videos you watch may be added to the TV's watch history and influence TV recommendations. "
    "To avoid this, cancel and sign in to YouTube on your computer.",
    "An error occurred while retrieving sharing information. Please try again later.",
    "You’re signed out",
    "(Except for the headline, this story has not been edited by Harbour Gazette staff and is "
    "published from a syndicated feed.)",
    "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
    "View this email in your browser",
    "Was this email forwarded to you? Sign up here.",
    "Unsubscribe | Update preferences",
    "You are receiving this email because you signed up for the Morning Briefing.",
    "Our mailing address is: Harbour Gazette, 12 Quay Street, Dunmore",
    "Content-Type: text/plain; charset=utf-8; format=flowed",  # (a raw mail's part)
    "Content-Transfer-Encoding: quoted-printable",
    "MIME-Version: 1.0",
    "--000000000000a1b2c3d4e5f6a7b8--",
    "Powered by Google Translate",
    "Select Language",
    "The post “Ferry fares rise” first appeared on https://example.org/news",
    "Continue reading Ferry fares rise at Harbour Gazette.",
    "Was this article helpful?",  # (a feedback widget, a push prompt, a map's embed)
    "Spotted a mistake? Let us know.",
    "We’d like to show you notifications for the latest news and updates.",
    "Harbour Gazette wants to send you notifications",
    "Map data ©2026 Google",
    "Created with Datawrapper",
    "Made with Flourish",  # (more of a chart's embed, and a video's)
    "This chart is interactive. Hover over the bars for details.",
    "Chart: Harbour Gazette • Source: ONS • Get the data • Created with Datawrapper",
    "Powered by Infogram",
    "Watch on Facebook",
    "♬ original sound - Jane Okafor",  # (an embedded TikTok's sound)
    "Today's Paper",  # (a newspaper's masthead links)
    "E-Edition",
    "👉 Read the full story: https://example.org/a",  # (a social post's pointers and links)
    "Full story 👇 https://example.org/a",
    "Continue reading on our website: https://example.org/a",
    "Full story at the link in our bio.",
    "1,234 reactions · 56 comments · 7 shares",  # (and its counts, time and hashtags)
    "651 likes",
    "56 comments 12 shares",
    "👍❤️😮 1.3K",
    "14h · 🌐",
    "5 March 2024 ·",
    "#Harbour #news #ferries",
    "➡️ Sign up for our newsletter",
    "Use website in a screen-reader mode",
    "Skip to footer",  # (a page's skip links)
    "Jump to main content",
    # A paywall's lines beyond English
    "Dieser Artikel ist nur für Abonnenten verfügbar",  # German
    "Déjà abonné ? Se connecter",  # French
    "Il vous reste 80% de cet article à lire.",
    "Partager l'article",
    "¿Ya eres suscriptor? Inicia sesión",  # Spanish
    "Questo articolo è riservato agli abbonati",  # Italian
    "Já é assinante? Faça login",  # Portuguese
    "Dit artikel is alleen voor abonnees",  # Dutch
    "Подпишитесь, чтобы читать дальше",  # Russian
]


def test_an_embedded_post_quoting_the_article_goes_with_its_picture_link() -> None:
    # A post quotes the article's sentence and ends with its picture's link: the link is the
    # embed's, and the post goes as a copy of the paragraph's; its frame goes as boilerplate.
    post = P1.split(", said")[0] + "” pic.twitter.com/x1Yz2Ab"
    page = [P0, P1, "Embedded content", post, "— Anna Sato (@annasato) March 3, 2024", P2]
    result = dedupe(doc(*page))
    assert result.text == doc(P0, P1, P2)
    assert removed(result)[3][0] == 1


def test_boilerplate_lines_in_several_languages() -> None:
    # One or two boilerplate lines after each paragraph of the article, and the rest at the end.
    parts = [P0, *BOILERPLATE_LINES[0:2], P1, BOILERPLATE_LINES[2], P2, BOILERPLATE_LINES[3]]
    parts += [P3, BOILERPLATE_LINES[4], BOILERPLATE_LINES[0], P4, *BOILERPLATE_LINES[5:]]
    result = dedupe(doc(*parts))
    assert result.text == doc(*ARTICLE)
    assert len(result.duplicates) == len(parts) - len(ARTICLE)
    for d in result.duplicates:
        assert d.kind == "boilerplate"
        assert d.original is None
        assert result.paragraphs[d.index].text in BOILERPLATE_LINES


def test_a_live_pages_a_paged_articles_and_a_podcasts_chrome_goes() -> None:
    # Lines of a page's furniture around the article, each once: a live page's switches, a
    # paged article's links, a podcast player's, an article read aloud, a box of the most read
    # stories, a Dutch and a Polish footer. (Sentences with their words stay: see
    # test_sentence_that_mentions_advertisement_is_kept.)
    chrome = [
        "Live updates", "Auto-update: on", "Show all posts", "Sort: latest", "View oldest first",
        "Load more updates", "Read page 2 →", "Next: page 3", "Continued on next page",
        "Pages: 1 2 3 Next ›", "Share episode", "Download episode (MP3, 24 MB)",
        "S2 E14 · 32 min", "Playback speed 1.5x", "Subscribe on Apple Podcasts | Spotify",
        "Follow the show wherever you get your podcasts.", "Hear this article", "Audio version",
        "Show full article", "View as list", "Swipe through the story", "1.2K reads",
        "This article has been corrected", "Most viewed in News", "What others are reading",
        "The article continues after this ad", "Alle rechten voorbehouden", "Meest gelezen",
        "Meld je aan voor de nieuwsbrief", "Volg ons op sociale media",
        "Wszelkie prawa zastrzeżone", "Zaloguj się", "Obserwuj nas w mediach społecznościowych",
        "Print this page | harbourgazette.example", "Source URL: https://example.org/news/4471",
        "Popular right now", "Top stories this hour", "Follow us for more", "Embed this story",
    ]  # fmt: skip
    parts = [P0, *chrome[:13], P1, P2, *chrome[13:26], P3, *chrome[26:], P4]
    result = dedupe(doc(*parts))
    assert result.text == doc(*ARTICLE)
    assert {result.paragraphs[d.index].text for d in result.duplicates} == set(chrome)
    assert {d.kind for d in result.duplicates} == {"boilerplate"}


def test_a_paged_articles_continued_paragraph_goes_as_its_repeat() -> None:
    # Page 2 of an article repeats the last paragraph of page 1 behind a label ("(Continued)",
    # "Continued:"): it goes as the paragraph's repeat, and the first page's stays.
    for label in ("(Continued)", "Continued:", "...continued:", "Continued from page 1:"):
        page = doc(P0, P1, "Continued on next page", "Page 2 of 2", f"{label} {P1}", P2, P3)
        result = dedupe(page)
        assert result.text == doc(P0, P1, P2, P3)
        assert removed(result)[4] == (1, "exact")
    # A sentence that opens with the word stays.
    growth = "Continued growth in ferry traffic pushed the port's revenue up by a fifth."
    assert dedupe(doc(P0, growth, P1)).duplicates == ()


def test_sentence_that_mentions_advertisement_is_kept() -> None:
    content = [
        "The advertisement, which ran in three national newspapers last week, drew more than "
        "200 complaints to the regulator.",
        "Advertisement spending fell by 4 percent.",
        "Share this article with anyone who still thinks the bridge will open on time, she joked.",
        "Copyright law protects the original drawings, the architect said in 2025.",
        "Subscribe to the council's minutes to see how each member voted.",
        "Show more restraint, the judge told the council.",
        "Print media lost readers again in 2025.",
        "We use cookies to improve our services, the bank said in a statement.",
        "The regulator found that the site uses cookies to track children.",
        # A caption run in after its credit, and a list's "(c)" that a converter made a sign
        "© Harbour Gazette Photo Desk The ferry resumed its winter timetable on Monday after a "
        "week of storms closed the port.",
        "© residents may appeal the decision within 30 days of the notice.",
        "Printed from recycled paper, the leaflets cost the council 4,000 euros.",
        "To read the full report, residents can visit the library on Friday.",
        "Print this page - and then hand it to your teacher, the school told pupils.",
        "Email the council before Friday to object to the plan.",
        "Register to vote by Friday, the electoral office reminded residents.",
        "https://harbour.example.org/minutes/2026-03",  # (a link that a list of sources prints)
        "Реклама на остановках стоит городу два миллиона рублей в год.",
        "广告牌在台风中倒塌，砸坏了两辆汽车。",
        "Annonsen publicerades i tre tidningar.",
        "Más información sobre el puente estará disponible en marzo.",
        "Die Kommentare des Ministers zur Brücke fielen am Dienstag deutlich aus.",
        "Подробнее о плане мост расскажет мэр в пятницу.",
        "Sur le même sujet, le conseil n'a rien décidé mardi.",
        "Zur Startseite des Hafens führt seit Montag eine neue Brücke.",
        "责任编辑认为，这座桥将在三月通车。",
        "(Advertising revenue rose again in the second half of the year.)",
        "Play video games with your children at least once a week, the study suggests.",
        "Supported by a grant from the council, the library reopened on Monday.",
        "Click to expand the menu, then choose Settings.",
        "The post office appeared first on the list of closures, the council said.",
        "We forward every complaint to a friend of the council, the mayor said.",
        "Select language classes are free for residents over 65.",
        "Live updates on the vote will follow at noon, the council said.",
        "Expand the harbour first, residents told the council.",
        "Most viewed the plan as too expensive, a poll found.",
        "Download the episode's transcript from the council's site before Friday.",
        "Continue reading Dickens at Oxford, she urged her students.",
        "The mayor wants to send you notifications about bin collections, she joked.",
        "Read the full report: the council published it on Tuesday.",
        "🧵 The council met on Tuesday to discuss the bridge.",
        "Duration: 45:12",  # (a podcast's episode)
        "Watch",  # (a heading of a review of watches)
        "Watch: the council said on Tuesday that it would vote on the plan again in May next year.",
        "Filed under review since March, the plan was approved on Tuesday.",
        "0:00",
        "Reply",
        "The top stories of the year were about the bridge, the editor said.",
        "Don't miss the last ferry on Friday, the harbour master warned.",
        "Follow the money, the auditor told the committee.",
        "Story continues to unfold as the council meets again on Friday.",
        "Like a reply to a letter, the council's answer came weeks late.",
        "Oldest first: the council will repair the bridges built before 1900.",
        "This article is part of a series on the harbour bridge.",
        "MORE: The council said it would vote again on the plan in May.",
        "Preview of the new bridge design, which opens in May.",
        "Photo: A crane lifts a beam onto the new bridge.",
        "You can unsubscribe at any time, the council said of its new alert service.",
        "Alle akzeptieren die neue Regel, sagte der Bürgermeister am Dienstag.",
        "Impressum",  # (a footer's link alone, as in English: a heading may say it)
        "Report abuse of the parking rules to the harbour office.",
        "9 photos of the bridge were shown at the meeting.",
        "View this post on the council's website for the full minutes.",
        "Image caption contests drew 300 entries this year.",
        "Reuters",  # (an agency's name alone may be a heading; a credit names its photographer)
        "Source: Reuters",  # (under a table: its data's)
        "Photo: Reuters reporters at the scene of the crash on Tuesday.",
        "Published in Nature, the study found that bees dance.",
        "651 likes in an hour made it the council's most shared post.",
        "#1 seed Harbour United beat Kelmouth on Saturday.",
        "#MeToo",
        "👉 https://harbour.example.org/minutes/2026-03",  # (a newsletter's list of links)
        "🔗 https://harbour.example.org/minutes/2026-03",
        "14h: the longest sitting of the council this year.",
        # (lines that the corpora's reference texts keep: a framework's name over its section,
        # a paper's keywords, a post's category, a syndicated story's note, a pager's link, a
        # feedback widget's thanks)
        "Play",
        "Keywords: anxiety, depression, physical activity",
        "Posted in News Release",
        "This article is republished from Harbour Voice under a Creative Commons license.",
        "(Reporting by Jane Okafor; Editing by Tom Reyes)",
        "Next page: Security>>",
        "Thank you for your feedback!",
        "Posted in June, the video went viral within hours.",
        "You are here because the council voted, the mayor told residents.",
        "Privacy settings",  # (a heading of a guide to a phone)
        "Play is how children learn, the study says.",
        "Next: the council will vote on the plan in May.",
        "Some partners said the plan was too expensive.",
        "Tagged as a risk, the plan was shelved.",
        "More from Brussels is expected next week.",
        "Keywords: the plan was approved on Tuesday.",
        "Title: The Harbour at Night",  # (a review's book)
        "Title | Author | Year",  # (a table's head)
        "Author | Title",
        "Description | Price",
        "Category: Fiction",  # (a row of a book's details)
        "The 3x zoom lens is the camera's best feature.",
        "Okafor/Reuters",
        "Caption contest",
        "Get the facts delivered to your inbox, the mayor said of the new alert service.",
        "Subscribe to the council's newsletter for more than a year and you get a free pass.",
        "This article is more than two years old and its figures have changed since.",
        "Page 2 of the report shows the bridge's new route.",
        "Continue reading the full story of the bridge in Saturday's print edition, out now.",
        "This video cannot be played on older phones, the council's website warns.",
        "Reading Time: 8 minutes",  # (a blog post's first line, content in a reference text)
        "Next",  # (a guide's last step)
        "Continue to page 2 of the form and enter your address.",
        "Enjoying this article is easy when the weather holds, the editor wrote.",
        "More: Warbonnet Blackbird Full Review",  # (a link in a review, content in a reference)
        "10 years ago",  # (a retrospective's section)
        "Accept all the terms before you sign, the lawyer said.",
        "Did you make this recipe with fresh tomatoes or tinned ones, the chef asked.",
        "Please turn on the heating before you leave, the landlord wrote.",
        "Get unlimited access to the park for a year with the new pass, the council said.",
        "Follow us on Facebook for more stories about the harbour and the people who work there",
        # Headings of an article that a page's links also say: one alone is content (several
        # in a row, one of them "Home", make a menu: test_a_menu_above_and_below_the_article_goes)
        "Accessibility",
        P3,
        "Terms of Use",
        "Donate",
        "Sign in",
        P4,
        "Email",
        "Mobile version",
        "Careers",
        P2,
        "Home",
        "More on Technical SEO",  # (a section of a guide)
        "Members only",
        "Enter your email address",
        "tags: [Tag!]!",  # (a field of a schema in a code sample)
        "Topics covered in the course",
        "10 / 10",  # (a reader's rating)
        "Learn more",
        "Facebook",
        "Sponsored by the council, the plan would cost the city four million euros.",
        "Presented by the Harbour Players",  # (a play's or a programme's credit)
        "Support for the plan fell to 31 percent, a poll found.",
        # Sentences after the words that open a related link, a consent or a cookie banner
        "Read more - far more than you think. Teachers say the habit starts at home, with a book.",
        "Related: The harbour master said the quay would reopen by Monday, a week later than "
        "planned.",
        "See also: the 2021 review of the same scheme, which came to the opposite view of its "
        "cost.",
        "By registering, you consent to having your address passed to the electoral office, a "
        "line few voters read.",
        "This website uses cookies to track readers across the web and target ads, the lawsuit "
        "alleges.",
        "Copyright 1976: Congress rewrites the law for the first time in decades.",
    ]
    result = dedupe(doc(P0, *content, "Advertisement", P1))
    assert removed(result) == {len(content) + 1: (None, "boilerplate")}
    assert len(result.kept) == len(content) + 2


# ------------------------------------------------------------------------------------------
# Must not touch


def test_a_paragraph_that_differs_by_a_short_or_respelled_word_stays() -> None:
    # Another day, place or name, or a negation: one word like the other, which alone reads
    # as a typo fixed. Only a run of copies around such a paragraph makes it an edited copy.
    opening = "On Tuesday the library is open from nine to five, and the reading room until four."
    pairs = [
        (opening, opening.replace("Tuesday", "Thursday")),
        ("The ministry advises against all travel to Iran until further notice, it said.",
         "The ministry advises against all travel to Iraq until further notice, it said."),
        ("The police said on Sunday evening that the bridge is now open to traffic again.",
         "The police said on Sunday evening that the bridge is not open to traffic again."),
        # A longer word with another first letter is another word, not a typo.
        ("Flights to Gambia resume next week after the runway was repaired, the airline said.",
         "Flights to Zambia resume next week after the runway was repaired, the airline said."),
    ]  # fmt: skip
    for first, second in pairs:
        assert dedupe(doc(first, P1, second)).kept == (0, 1, 2)
    # A longer word one letter off is a typo fixed, alone too.
    assert removed(dedupe(doc(P0, P1, P0.replace("council", "counicl")))) == {2: (0, "near")}
    # Inside a copy of the body, the short word goes with the copy.
    body = [P0.replace("more than", "more then"), P1, P2, P3]
    assert removed(dedupe(doc(*ARTICLE, *body)))[5] == (0, "near")


def test_a_box_of_key_points_printed_again_with_the_news_updated_stays() -> None:
    # The second box follows the first item for item, each with a figure written out, a
    # word or a source changed: the news, updated, not a copy edited throughout.
    first = [
        "Police say three people were injured in the explosion at the chemical plant.",
        "Trains between the town and the city are not running this afternoon.",
        "The cause of the explosion is not yet known, the fire service said.",
    ]
    second = [
        "Police say five people were injured in the explosion at the chemical plant.",
        "Trains between the town and the city are running again this afternoon.",
        first[2].replace("the fire service", "the plant's owner"),
    ]
    result = dedupe(doc("Key points", *first, P0, "Key points, updated at 4pm", *second))
    assert result.kept == tuple(range(9))


def test_a_line_with_another_figure_between_two_shared_lines_stays() -> None:
    # A variant's spec line, a district's final result, a second bake: the lines around it
    # repeat the ones around the first, but two repeated lines make no copy of a page. (The
    # variant's table has a row of its own, so its rows under twelve words stay, as two
    # products' shared rows do; a row as long as a paragraph goes as its exact repeat.)
    specs = [
        "Display: 13.3-inch screen, 2880 by 1800 pixels, glossy finish",
        "Battery: up to 9.5 hours of video playback in our own test",
        "Ports: two USB-C ports, one headphone jack and a card reader",
    ]
    variant = [specs[0], specs[1].replace("9.5", "12"), specs[2]]
    result = dedupe(doc("Model A", *specs, "Model B", *variant))
    assert 6 in result.kept
    assert removed(result) == {7: (3, "exact")}
    steps = [
        "Fold in the flour with a metal spoon until it is just combined.",
        "Spoon the mixture into the tin and bake for 36 minutes until golden and springy.",
        "Leave to cool for ten minutes, then turn the cake out onto a wire rack.",
    ]
    cupcakes = [steps[0], steps[1].replace("the tin", "paper cases").replace("36", "20"), steps[2]]
    result = dedupe(doc("For a large cake", *steps, "For cupcakes", *cupcakes))
    assert 6 in result.kept


def test_stock_reports_sharing_a_template_are_kept() -> None:
    reports = [
        "Shares of Nordbank rose 2.4 percent to 118.50 crowns in Oslo trading on Monday, after "
        "the lender reported a higher quarterly profit.",
        "Shares of Vestfisk rose 1.9 percent to 64.20 crowns in Oslo trading on Monday, after "
        "the company reported a higher quarterly profit.",
        "Shares of Fjordkraft fell 3.1 percent to 41.75 crowns in Oslo trading on Monday, after "
        "the utility cut its forecast for the year.",
    ]
    result = dedupe(doc(*reports))
    assert result.duplicates == ()
    assert result.text == doc(*reports)


def test_sports_results_sharing_a_template_are_kept() -> None:
    results = [
        "Brentford 2, Fulham 1: Wissa scored twice in the second half as the home side came from "
        "behind at the Gtech Community Stadium.",
        "Brighton 2, Fulham 1: Welbeck scored twice in the second half as the home side came "
        "from behind at the Amex Stadium.",
        "Everton 0, Wolves 0",
        "Burnley 0, Wolves 0",
        "Everton 1, Wolves 0",
    ]
    result = dedupe(doc(*results, sep="\n"))
    assert result.duplicates == ()


def test_the_two_sides_of_a_ballot_measure_written_alike_are_kept() -> None:
    # Each argument against mirrors one for, word for word but for words that say the opposite
    # ("supporters" and "opponents", "rose" and "fell"): a run of them read as an edited or
    # spun copy of the arguments for, and went so.
    pros = [
        "Supporters say the new tax will make the harbour district busier, cleaner and more "
        "welcoming for the families who have lived there for decades.",
        "The business council largely supports the measure, arguing that it will attract "
        "conventions and create jobs for young people in the district.",
        "Backers point out that hotel bookings rose in every nearby city that raised its tax to "
        "pay for services that visitors also use.",
        "They argue that the new stations will shorten response times, lower insurance costs "
        "and help the small shops along the quay.",
    ]
    cons = [
        "Opponents say the new tax will make the harbour district quieter, dirtier and less "
        "welcoming for the families who have lived there for decades.",
        "The hotel association largely opposes the measure, arguing that it will repel "
        "conventions and destroy jobs for young people in the district.",
        "Critics point out that hotel bookings fell in every nearby city that raised its tax to "
        "pay for services that visitors also use.",
        "They argue that the new stations will lengthen response times, raise insurance costs "
        "and hurt the small shops along the quay.",
    ]
    lede = (
        "Measure B would raise the hotel tax from 10 to 12 percent to pay for two new fire "
        "stations and longer library hours."
    )
    for page in (
        [lede, "The case for", *pros, "The case against", *cons],
        [lede, *(p for pair in zip(pros, cons, strict=True) for p in pair)],
    ):
        result = dedupe(doc(*page))
        assert result.duplicates == ()
        # A copy of the page still goes, and so does a spinner's copy of it.
        assert dedupe(doc(*page, *page)).text == doc(*page)
        spun = [p.replace("arguing", "contending").replace("say", "state") for p in page]
        assert dedupe(doc(*page, *spun)).text == doc(*page)


def test_spec_lines_differing_in_a_number_are_kept() -> None:
    review = [
        "The Aurora X2 is the lighter of the two phones, and its screen is noticeably brighter "
        "outdoors.",
        "Tested battery life: 9.5 hours on a single charge",
        "The Aurora X3 adds a second camera and a larger battery, but it costs 200 euros more.",
        "Tested battery life: 9 hours on a single charge",
    ]
    assert dedupe(doc(*review)).duplicates == ()


def test_paragraph_quoting_one_earlier_sentence_and_adding_more_is_kept() -> None:
    later = (
        "As Mayor Solberg put it: “We have finally found a design that residents, engineers and "
        "the port can all live with.” Shop owners on the quay disagree, saying the 18-month "
        "closure will cost them a whole summer of trade."
    )
    result = dedupe(doc(*ARTICLE, later))
    assert result.duplicates == ()
    assert result.kept == (0, 1, 2, 3, 4, 5)


def test_a_paragraph_without_a_word_of_an_earlier_one_stays_unless_inside_a_copy() -> None:
    # "will open" in "will not open": its words stand in order in the earlier paragraph, but it
    # says the opposite, and is no part of it.
    said = "The council said it will not raise the harbour fees this year, despite a shortfall."
    opposite = said.replace(" not", "")
    result = dedupe(doc(said, P1, opposite, P2))
    assert result.duplicates == ()
    # Inside a copy of the body, the same paragraph goes as an edited copy of it.
    body = [P0, said, P1, P2]
    result = dedupe(doc(*body, P0, opposite, P1, P2))
    assert removed(result) == {
        4: (0, "exact"),
        5: (1, "contained"),
        6: (2, "exact"),
        7: (3, "exact"),
    }
    # From a paragraph of twenty words or more, one word dropped is an edit, even alone; but
    # not a negation.
    assert removed(dedupe(doc(P2, P0, P2.replace(" temporary", ""), P4))) == {2: (0, "contained")}
    negated = P2.replace("ferries will run", "ferries will not run")
    assert dedupe(doc(negated, P0, P2, P4)).duplicates == ()
    # Two words dropped apart are two edits: held. The twenty words are the copy's.
    two = P2.replace(" temporary", "").replace(" quays", "")
    assert dedupe(doc(P2, P0, two, P4)).duplicates == ()
    longer = (
        "The harbour board said on Friday that the old ferry terminal would be rebuilt with "
        "money from the port next year."
    )
    assert len(longer.split()) == 21
    short = longer.replace(" old", "")  # (twenty words)
    assert removed(dedupe(doc(longer, P0, short, P4))) == {2: (0, "contained")}
    shorter = short.replace(" next year", "")
    assert dedupe(doc(longer.replace(" next year", ""), P0, shorter, P4)).duplicates == ()


def test_a_paragraph_that_adds_a_sentence_to_an_earlier_one_stays() -> None:
    # The body printed again with an update appended to a paragraph: the paragraph holds new
    # content, and stays, though the paragraphs around it are copies.
    long = f"{P2} {P3}"
    added = "On Friday the audit committee said it would publish its review in June."
    result = dedupe(doc(P0, P1, long, P4, P0, P1, f"{long} {added}", P4))
    # The paragraph it adds to goes as contained in it; so the first printing's paragraphs
    # around it go as copies of the second's, which stays whole and in order.
    assert result.text == doc(P0, P1, f"{long} {added}", P4)
    assert removed(result) == {
        0: (4, "exact"),
        1: (5, "exact"),
        2: (6, "contained"),
        3: (7, "exact"),
    }
    # A credit after its last sentence ends no sentence: that copy goes as before.
    credited = f"{long} (Photo: Ingrid Dahl/Harbour Gazette)"
    result = dedupe(doc(P0, P1, long, P4, P0, P1, credited, P4))
    assert set(removed(result)) == {4, 5, 6, 7}


def test_a_copy_printed_before_the_body_loses_none_of_the_sentences_the_body_adds() -> None:
    # An older or shortened copy first (an AMP page's, a JSON-LD articleBody), then the body,
    # whose paragraphs add a sentence: a lead-in to the list after them, or one that shares a
    # few words with the heading after the paragraph it adds to. The body's paragraphs stay,
    # with what they add, and the copy's text is not printed twice.
    heading = "Ferry Times During the Works"
    lead_in = "Ferries will run on this timetable:"
    shares = "The table below sets out the ferry times during the works."
    items = ["- Weekdays: every 20 minutes", "- Weekends: every 30 minutes"]
    copy = [P0, P1, heading, P2, *items, P4]
    body = [P0, f"{P1} {shares}", heading, f"{P2} {lead_in}", *items, P4]
    result = dedupe(doc(*copy, *body))
    assert_accounted(result)
    for added in (lead_in, shares):
        assert result.text.count(added) == 1
    # The copy's paragraphs go as contained in the body's that add to them, and its other lines
    # as copies of the body's beside them: the body stays whole and in order.
    assert result.text == doc(*body)
    n = len(copy)
    assert removed(result) == {
        k: (n + k, "contained" if k in (1, 3) else "exact") for k in range(n)
    }


def test_an_older_copy_before_the_body_goes_whole_list_lines_and_all() -> None:
    # An older copy first: the body adds a sentence to a paragraph and one to a list's line,
    # which is too short to be tried as contained in it. The copy goes whole, that line as
    # contained in the body's, and the body stays whole and in order.
    long = f"{P2} {P3}"
    items = ["- Weekdays: every 20 minutes", "- Weekends: every 30 minutes"]
    copy = [P0, long, *items, P4]
    body = [
        P0, f"{long} The audit committee will report in June.",
        f"{items[0]}. Night ferries run hourly.", items[1], P4,
    ]  # fmt: skip
    result = dedupe(doc(*copy, *body))
    assert result.text == doc(*body)
    assert removed(result) == {
        k: (5 + k, "contained" if k in (1, 2) else "exact") for k in range(5)
    }
    # So with the page's title between the copy and the body, a headline that ends like a
    # sentence; but a later copy of only the first part of the text leaves the text where it
    # stands: the body's paragraphs after that part are no copy's.
    title = "Ferry Times Change as the Old Harbour Bridge Closes for Repairs."
    result = dedupe(doc(*copy, title, *body))
    assert result.text == doc(title, *body)
    result = dedupe(doc(*body, P0, long, items[0]))
    assert set(result.kept) == set(range(5))


def test_a_copy_split_into_sentences_with_some_left_out_goes_before_the_body() -> None:
    # A copy printed a sentence a line before the body, leaving a sentence of each paragraph
    # out: each body paragraph holds its lines and adds the sentence left out. The lines go
    # as contained in their paragraphs, and the body stays whole.
    first = (
        "The council met on Tuesday evening to discuss the library. It voted by nine votes to "
        "four to close it on Sundays from next month. Several residents spoke against the plan "
        "before the vote."
    )
    second = (
        "The library has opened seven days a week since it moved to the old post office in "
        "1998. Its budget fell by a fifth this year after the county cut its grant. The mayor "
        "said no member of staff would lose their job."
    )
    (a, b, _), (c, _, d) = (re.split(r"(?<=\.) ", p) for p in (first, second))
    for sep in ("\n\n", "\n"):
        result = dedupe(doc(a, b, c, d, first, second, P4, sep=sep))
        assert result.text == doc(first, second, P4, sep=sep)
        assert removed(result) == {k: (4 + k // 2, "contained") for k in range(4)}


def test_an_older_copy_goes_before_a_title_that_reads_as_sentences() -> None:
    # A page's title in sentence case, a question and an answer, stands between the older copy
    # and the body: it is the body's title, not text that a copy of part of it leaves in place.
    long = f"{P2} {P3}"
    items = ["- Weekdays: every 20 minutes", "- Weekends: every 30 minutes"]
    copy = [P0, long, *items, P4]
    body = [P0, f"{long} The audit committee will report in June.", *items, P4]
    title = "Are the new ferry times right for you? Here is what changes."
    result = dedupe(doc(*copy, title, *body))
    assert result.text == doc(title, *body)
    assert removed(result) == {k: (6 + k, "contained" if k == 1 else "exact") for k in range(5)}
    # So it is when the body's first paragraph has a sentence more than the copy's: the copy's
    # went as contained in it, and the body's run starts there, after its title.
    opening = [f"{P0} The plan was approved on Tuesday.", *body[1:]]
    result = dedupe(doc(*copy, title, *opening))
    assert result.text == doc(title, *opening)
    assert set(removed(result)) == set(range(5))
    # A sentence of twenty words or more there is text: the copy stays where it stands.
    sentence = (
        "The harbour board will hold a public meeting on the new timetable at the town hall on "
        "Thursday evening, and residents may send their questions in advance."
    )
    result = dedupe(doc(*copy, sentence, *body))
    assert {0, 2, 3, 4, 5} <= set(result.kept)


def test_an_older_copy_goes_whole_past_a_body_line_that_goes_as_holding_its_words() -> None:
    # The chain of the copy's lines turned round goes on past a line whose body copy went as
    # contained in something else: in the copy's line itself (the body ran a link into it), or
    # in a later section that says it again (the body's list line adds a sentence that section
    # has). The copy's line goes as contained in the body's, which stays.
    long = f"{P2} {P3}"
    added = f"{long} The audit committee will report in June."
    copy = [P0, long, P1, P4]
    body = [P0, added, f"{P1} Read more: our guide to the harbour works", P4]
    result = dedupe(doc(*copy, *body))
    assert result.text == doc(*body)
    assert removed(result) == {
        k: (4 + k, "contained" if k in (1, 2) else "exact") for k in range(4)
    }
    heading = "Taxes on an estate:"
    item = "- Estate tax: a tax on what a person leaves to others when they die."
    section = (
        "Estate tax is a tax on what a person leaves to others when they die. It applies above a "
        "limit set by law."
    )
    copy = [P0, heading, item, long, P4, section]
    body = [
        P0, heading, f"{item} It applies above a limit set by law.", added, P4,
        f"{section} Few estates pay it, as the limit is high.",
    ]  # fmt: skip
    result = dedupe(doc(*copy, *body))
    assert result.text == doc(*body)
    assert removed(result) == {
        k: (6 + k, "contained" if k in (2, 3, 5) else "exact") for k in range(6)
    }


def test_an_older_copy_goes_whole_past_a_line_the_article_prints_twice() -> None:
    # A review prints the same verdict under two products; so do its older copy and its body.
    # The copy's second verdict went as a repeat of its first, and the body's two as well: the
    # chain of the copy's lines turned round passes it, where the body prints it too, before
    # the paragraph the body adds a sentence to (the chain runs forward) or after it (back).
    # So it passes a list that the article prints again as a summary, three lines in a row.
    # (Where the paragraph the body adds to ends the copy, the body adds to another as well: a
    # sentence appended to the last paragraph alone is a tail, see the next test.)
    long = f"{P2} {P3}"
    added = f"{long} The audit committee will report in June."
    p4_added = f"{P4} The harbour board will publish a timetable next week."
    verdict = "Our verdict: a sound choice for most households, and good value at its price."
    one, two = "The Kettle One", "The Kettle Two"
    summary = [  # (a list printed again as a summary)
        "- Ferries will run every 20 minutes on weekdays while the bridge is closed.",
        "- A temporary footbridge will be built next to the old one.",
        verdict,
    ]
    for copy in (
        [P0, long, one, verdict, P1, two, verdict, P4],
        [P0, one, verdict, P1, two, verdict, P4, long],
        [P0, one, verdict, two, verdict, long, P4],
        [P0, *summary, long, "In short:", *summary, P4],
    ):
        body = [added if p == long else p for p in copy]
        if copy[-1] == long:
            body[-2] = p4_added
        n = len(copy)
        again = {k for k, p in enumerate(copy) if p in copy[:k]}
        result = dedupe(doc(*copy, *body))
        assert result.text == doc(*(p for k, p in enumerate(body) if k not in again))
        assert set(result.kept) == {n + k for k in range(n) if k not in again}
        assert dedupe(result.text).duplicates == ()


def test_a_copy_after_the_body_with_a_tail_on_its_last_paragraph_leaves_the_body_in_place() -> None:
    # The body, then a copy whose last paragraph has a sentence run into it (an update): no
    # sign that the copy is a newer body. The body stays where it is; its last paragraph goes
    # as contained in the copy's, which says more.
    tail = "The audit committee will report in June."
    copied = {4 + k: (k, "exact") for k in range(3)}  # (the copy's first three paragraphs)
    result = dedupe(doc(P0, P1, P2, P3, P0, P1, P2, f"{P3} {tail}"))
    assert removed(result) == {3: (7, "contained"), **copied}
    assert dedupe(result.text).duplicates == ()
    # The copy adds to two paragraphs: it is the newer body, and stays whole in its place.
    newer = dedupe(doc(P0, P1, P2, P3, f"{P0} {tail}", P1, P2, f"{P3} {tail}"))
    assert newer.kept == (4, 5, 6, 7)
    # An update's time stamp is page furniture, not a sentence: the copy goes whole.
    for stamp in (
        "Updated 3:41 p.m.",
        "(Updated at 10:12 a.m. ET)",
        "This story has been updated.",
    ):
        result = dedupe(doc(P0, P1, P2, P3, P0, P1, P2, f"{P3} {stamp}"))
        assert removed(result) == {**copied, 7: (3, "near")}
    # On a short paragraph the stamp weighs on the ratio as no edit does, and after a colon it
    # starts no sentence: it is taken aside all the same.
    listed = "The ferries will run every 20 minutes between the two quays, as the table shows:"
    for last in (P4, listed):
        for stamp in ("This story has been updated.", "(Updated at 10:12 a.m. ET)"):
            result = dedupe(doc(P0, P1, P2, last, P0, P1, P2, f"{last} {stamp}"))
            assert removed(result) == {**copied, 7: (3, "near")}
    # ... but a sentence that starts with the same word is the copy's own.
    said = "Updated figures are due in June."
    assert 7 in dedupe(doc(P0, P1, P2, P3, P0, P1, P2, f"{P3} {said}")).kept


def test_a_line_kept_again_out_of_a_ring_of_removals_goes_if_its_repeat_stands_before_it() -> None:
    # An older copy of a review (its spec lines in another order, one printed twice) before the
    # body, whose first and last paragraphs add a sentence. The copy's lines went as copies of
    # the body's, and two of the body's spec lines as repeats of the copy's: a ring, from which
    # the longest is kept again. The copy's "Material:" line then stands right after its own
    # repeat, and a second run on the output removed it; now the first run does.
    first = (
        "You also get the two-hour keep-warm setting, which is fairly common at this price "
        "point but definitely welcome."
    )
    last = "I have to say, the FlowGuard spout does look impressive."
    specs = [
        "Boil time: About 3-4 minutes for a full jug",
        "Material: Brushed steel & glass",
        "Kettle Certified?: Yes",
        "Warranty: 3-year manufacturer's warranty",
    ]
    review = [
        "Mia's Notes",
        "Certified for Quiet Boiling",
        "The Harbour 6-Cup Kettle is another certified kettle, which already gives it a head "
        "start in terms of build quality. One thing I have noticed across these certified "
        "kettles is that they tend to stick to the honest 250-millilitre “mug” size —no wild "
        "marketing claims like “10 cups” when they mean tiny teacups.",
        "Clever Features for Better Tea",
        "On paper, this is a well-equipped kettle. Key features include:",
        "The FlowGuard spout, which stops drips as you pour",
        "TempSet control, a dial that holds water at five temperatures",
        "A double-walled body that stays cool to the touch",
        "A quick-boil mode, which is handy for a single cup",
        "All of this at a fair price makes it one of the best-value certified kettles you can buy.",
        "Excellent Pouring",
    ]
    older = [specs[2], first, specs[1], *specs, *review, last]
    body = [
        f"{first} It lets you fill the kettle before a call so you can pour hot water the moment "
        "you hang up, whether you want a full pot or just a single mug.",
        *specs,
        *review,
        f"{last} One of my only gripes with the Tamar Classic Kettle was its spout's width and "
        "pouring angle, it splashed water too much toward the rim.",
    ]
    result = dedupe(doc(*older, *body))
    n = len(older)
    assert result.kept == (0, 2, n, n + 1, *range(n + 4, n + len(body)))
    assert result.text == doc(specs[2], specs[1], body[0], specs[0], *body[4:])
    assert dedupe(result.text).duplicates == ()


def test_a_sentence_added_that_shares_words_with_the_heading_after_it_stays() -> None:
    # The second printing adds a lead-in to a paragraph that the heading "Planning a Ferry
    # Trip:" follows. A window of the paragraph and the heading holds the paragraph's words but
    # for five of the eight the lead-in has: that sentence is new, and the paragraph stays. The
    # first printing goes: its paragraph as contained in it, its other lines as copies.
    long = f"{P2} {P3}"
    heading, added = "Planning a Ferry Trip:", "When booking a ferry trip, note the following:"
    copy = [P0, long, heading, P1, P4]
    result = dedupe(doc(*copy, P0, f"{long} {added}", heading, P1, P4))
    assert result.text == doc(P0, f"{long} {added}", heading, P1, P4)
    assert removed(result) == {k: (5 + k, "contained" if k == 1 else "exact") for k in range(5)}


def test_a_reworded_copy_after_an_older_copy_and_the_body_goes_whole() -> None:
    # Three versions of the body on one page: an older one (its third paragraph lacks the last
    # sentence), the body, then another outlet's rewording of the body. The reworded paragraph
    # is held (its words are replaced, not edited) and goes only inside a run of copies: its
    # neighbours repeat the older version's paragraphs, first printed there, and the body
    # prints them again beside its original.
    older = [P0, P1, "Work is due to start in March and should take about 18 months.", P3, P4]
    reworded = (
        "Work is due to begin in March and should last about 18 months. During that period, "
        "ferries will sail every 20 minutes between the two quays, and a temporary footbridge "
        "will be constructed next to the old one."
    )
    copy = [P0, P1, reworded, P3, P4]
    result = dedupe(doc(*older, *ARTICLE, *copy))
    assert result.text == doc(*ARTICLE)
    assert removed(result)[12] == (7, "near")
    # Alone, the rewording of one paragraph between two lines it does not sit beside stays.
    result = dedupe(doc(*older, *ARTICLE, P4, reworded, P0))
    assert 11 in result.kept


def test_a_sentence_reworded_in_a_copy_is_no_sentence_added() -> None:
    # Half the words of a short sentence replaced one for one is a rewording, not new content:
    # inside the repeated body the paragraph goes as a near copy.
    para, reworded = f"The result was close. {P2}", f"The outcome was tight. {P2}"
    result = dedupe(doc(P0, P1, para, P4, P0, P1, reworded, P4))
    assert removed(result) == {4 + k: (k, "near" if k == 2 else "exact") for k in range(4)}


def test_a_paragraph_between_copies_of_its_neighbours_keeps_the_sentence_it_adds() -> None:
    # The body printed again; its third paragraph adds a sentence, in the middle or at the end
    # of a text that the first printing has with a typo. The copies around it place it where
    # the first printing's paragraph stands, but it is no edited copy of that one.
    added = "Two more ferries were ordered on Monday."
    first, rest = P2.split(". ", 1)
    long = f"{P2} {P3}"
    for earlier, later in (
        (long, f"{first}. {added} {rest} {P3}"),
        (long.replace("footbridge", "footbrigde"), f"{long} {added}"),
    ):
        result = dedupe(doc(P0, P1, earlier, P4, P0, P1, later, P4))
        assert removed(result) == {4: (0, "exact"), 5: (1, "exact"), 7: (3, "exact")}
        assert added in result.text


def test_a_standfirst_goes_before_a_lede_that_adds_a_short_sentence() -> None:
    # The standfirst repeats the lede's first sentence; the lede adds one of two words. The
    # standfirst goes, as contained in the lede, which keeps the sentence it adds.
    standfirst = (
        "A new law would require internet providers to keep browsing records for two years."
    )
    for added in ("It failed.", "No questions asked."):
        lede = f"{standfirst} {added}"
        result = dedupe(doc(standfirst, lede, P1, P2))
        assert removed(result) == {0: (1, "contained")}
        assert added in result.text
    # A credit after it, not in brackets, is words of its own as much as a short sentence: the
    # standfirst goes, as contained in the lede with it.
    result = dedupe(doc(standfirst, f"{standfirst} Source: Supplied", P1, P2))
    assert removed(result) == {0: (1, "contained")}


def test_a_paragraph_said_again_with_words_of_its_own_at_an_end_keeps_them() -> None:
    # A paragraph said again with a few words added at an end that are no dateline and no
    # credit in brackets: a verdict ("FALSE:", "False."), a status, a clause that turns it
    # round, a figure in brackets. With no run of copies around it, those words are new content
    # and stay, whichever of the two paragraphs goes.
    claim = (
        "Posts online claim that the new harbour bridge will carry trains as well as cars, "
        "bicycles and people on foot."
    )
    for tagged in (
        f"FALSE: {claim}",
        f"{claim} False.",
        f"{claim} Cancelled.",
        f"{claim[:-1]}, a claim the council denies.",
        f"{claim} (Updated: 3 lanes)",
        f"{claim} (Moved to Friday)",
    ):
        result = dedupe(doc(P0, claim, P1, tagged, P2))
        assert_accounted(result)
        assert tagged in result.text
    # A dateline or a credit in brackets (names, no figure) is no new content: that copy goes.
    for copied in (f"OSLO (Reuters) — {claim}", f"{claim} (Reuters)", f"{claim} (AP Photo/Jo Li)"):
        result = dedupe(doc(P0, claim, P1, copied, P2))
        assert removed(result) == {3: (1, "near")}


def test_a_run_of_paragraphs_said_again_each_with_a_verdict_of_its_own_keeps_them() -> None:
    # A fact check lists the claims, then each again with its verdict: a run of copies, but
    # each adds other words at an end, which are no decoration (the same words on every
    # paragraph, as a speaker's name): every verdict stays (but one in brackets that reads as a
    # credit).
    claims = [P0, P1, P3, P4]
    verdicts = [
        f"FALSE: {P0}",
        f"{P1} True.",
        f"{P3[:-1]}, which is misleading.",
        f"{P4} (Unclear)",
    ]
    result = dedupe(doc("The claims", *claims, "Our verdicts", *verdicts))
    assert_accounted(result)
    for verdict in verdicts[:3]:
        assert verdict in result.text


def test_a_recap_of_two_paragraphs_with_a_word_of_its_own_stays() -> None:
    # A recap runs two paragraphs together: word for word it goes as contained in them; with a
    # word changed or put in (another day, "not") it says something else, and stays. So does a
    # body paragraph that a summary before it says otherwise.
    lede = "The mayor said on Friday that the new bridge over the river would open in May."
    cost = "It will cost the city about 40 million pounds over three years, officials said."
    body = [lede, cost, P3]
    assert removed(dedupe(doc(*body, f"{lede} {cost}"))) == {3: (0, "contained")}
    for recap in (
        f"{lede.replace('Friday', 'Monday')} {cost}",
        f"{lede} {cost.replace('officials', 'engineers')}",
        f"{lede.replace('would open', 'would not open')} {cost}",
        f"{lede} It will not. {cost}",  # (a short sentence of its own between them)
        f"{lede} She has since resigned. {cost}",
    ):
        result = dedupe(doc(*body, recap))
        assert result.duplicates == ()
    summary = f"{lede.replace('would open', 'would not open')} {cost}"
    result = dedupe(doc(summary, lede, cost, P3))
    assert lede in result.text
    assert removed(result) == {2: (0, "contained")}
    # A summary of three paragraphs first, then the body: a body paragraph with a word of its
    # own ("never", another town) stays, the others go as contained in the summary.
    meeting = "The water company will hold a public meeting in Leeds on Friday."
    summary = f"{lede} {cost} {meeting}"
    for edited in (cost.replace("will cost", "will never cost"), meeting.replace("Leeds", "York")):
        body = [lede, edited, meeting] if "never" in edited else [lede, cost, edited]
        result = dedupe(doc(summary, P3, *body))
        assert edited in result.text
        assert len(result.duplicates) == 2


def test_a_paragraph_without_a_word_that_qualifies_its_claim_stays() -> None:
    # The same two sentences again without "allegedly" (or "reportedly", "only"): the claim
    # without it is another claim, and stays, as it does without a "not".
    claim = "A spokesman said the council had {}tried to hide the problem from the regulator."
    first = "The fire service expects the new station to open in December."
    for word in ("allegedly ", "reportedly ", "not ", "only "):
        hedged = f"{first} {claim.format(word)}"
        plain = f"{first} {claim.format('')}"
        assert dedupe(doc(P0, hedged, P1, plain)).duplicates == ()
    # A word that qualifies nothing, dropped from a long copy, is an edit: that copy goes.
    edited = f"{first} {claim.format('quietly ')}"
    assert removed(dedupe(doc(P0, edited, P1, f"{first} {claim.format('')}"))) == {
        3: (1, "contained")
    }


def test_a_caption_with_a_credit_goes_where_a_copy_puts_it() -> None:
    # A credit costs a caption of a dozen words more ratio than the threshold allows, but where a
    # run of copies puts the copy of the caption, it is an edited copy.
    caption = "Commuters wait on the North Quay on a cold and windy Monday evening."
    credited = f"{caption} (Photo: Ingrid Dahl/AP)"
    result = dedupe(doc(P0, caption, P1, P2, P0, credited, P1, P2))
    assert removed(result) == {
        3 + k: (k - 1, kind) for k, kind in ((1, "exact"), (2, "near"), (3, "exact"), (4, "exact"))
    }
    assert result.duplicates[1].similarity < 0.9
    # Apart from a run, the caption goes as contained in the credited one (which keeps every
    # word); with another caption in the copy's place, both stay.
    assert removed(dedupe(doc(P0, caption, P1, P2, credited))) == {1: (4, "contained")}
    # A sentence added there is new content, however short: the paragraph stays (and the first
    # copy's paragraph goes as contained in it).
    added = f"{caption} Both were delayed."
    result = dedupe(doc(P0, caption, P1, P2, P0, added, P1, P2))
    assert added in result.text
    other = "A crane lifts the new steel gangway onto the ferry berth before dawn on Sunday."
    assert set(removed(dedupe(doc(P0, caption, P1, P2, P0, other, P1, P2)))) == {4, 6, 7}


def test_a_caption_that_adds_a_credit_to_a_sentence_goes() -> None:
    # A caption repeats a whole sentence of the paragraph before it, with the agency's name
    # after it: next to the rest of that paragraph its last word looked like one the original
    # replaced; against the sentence it copies, it is a credit.
    sentence = "Under the plan, ferries will leave the north quay every forty minutes."
    body = f"The council approved the new timetable on Tuesday. {sentence} Fares stay the same."
    result = dedupe(doc(body, f"{sentence} (Reuters)", P1))
    assert removed(result) == {1: (0, "contained")}
    # A word replaced at its end, a list's number in front of it, a phrase added, or a comment
    # quoting it with a word of its own: it stays.
    for line in (
        sentence.replace("minutes.", "hours."),
        f"3. {sentence}",
        sentence.replace("minutes.", "minutes, at the earliest."),
        f"“{sentence}” Nonsense.",
    ):
        assert dedupe(doc(body, line, P1)).duplicates == (), line


@pytest.mark.parametrize(
    ("alt", "credit"),
    [
        ("Our brains hum with electricity.", " (Raj Patel/Reuters)"),
        ("A crane lifts a beam", " (AP Photo/Jane Doe)"),
        ("Divers inspect the hull of the old ferry.", " Photo: Jane Doe/AP"),
        ("Back in 2009 the quay flooded twice in one winter.", " (Mei Chen/AFP via Getty Images)"),
        ("Fishermen unload the morning catch.", " Credit: Jane Doe for The Harbour Gazette"),
    ],
)
def test_a_photos_alt_text_beside_its_caption_with_a_credit_goes(alt: str, credit: str) -> None:
    # A converter to Markdown or a scraper prints an image's alt text, then its caption: the
    # same words and the photographer's credit. The caption holds both, before or after.
    caption = f"{alt}{credit}"
    for page, alt_at, caption_at in (
        ([P0, alt, caption, P1], 1, 2),
        ([P0, caption, alt, P1], 2, 1),
    ):
        result = dedupe(doc(*page))
        assert removed(result) == {alt_at: (caption_at, "contained")}
        assert result.text == doc(P0, caption, P1)
        assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("label", ["Photo: ", "Image: ", "Pictured: ", "Image caption: "])
def test_a_caption_printed_again_with_an_alt_texts_label_goes(label: str) -> None:
    # An image's alt text opens with a label that the caption lacks: the label is no word of
    # it, before or after the caption, with or without the caption's credit.
    caption = "Commuters wait for a delayed ferry at the north quay."
    labelled = f"{label}{caption}"
    assert canonical_form(labelled) == canonical_form(caption)
    result = dedupe(doc(P0, caption, P1, P2, labelled, P3))
    assert removed(result) == {4: (1, "exact")}
    result = dedupe(doc(P0, labelled, P1, P2, f"{caption} (Photo: Ingrid Dahl/AP)", P3))
    assert removed(result) == {1: (4, "contained")}
    # Not a line of code ("image: mediawiki" in a Compose file), nor a label inside a sentence.
    assert canonical_form("image: mediawiki") == "image mediawiki"
    for before in ("See", "Pictures show it."):
        words = canonical_form(f"{before} {labelled}").split(" ")
        assert label.split()[0].strip(":").lower() in words


def test_a_caption_printed_again_without_its_credit_beside_its_copy_goes() -> None:
    # A gallery at the page's foot prints each picture's caption without its credit, then
    # with it: the credited one repeats the body's caption, and the one without it is that
    # caption's sentence, the credit in brackets ending it. Alone, a heading-sized part of a
    # paragraph, it stays.
    for alt in ("A crane lifts a new steel beam at the north quay", "Commuters wait in the rain"):
        # (a credit after a label, "Photo: ...", ends no sentence: the credited copy, gone as
        # a repeat, holds it as a photo's caption holds its alt text beside it)
        # (nor does an agency's credit with no label or brackets, "Jane Doe/Getty Images")
        for caption in (
            f"{alt} (AP Photo/Jane Doe)", f"{alt} Photo: Ingrid Dahl/AP",
            f"{alt} Ingrid Dahl/Getty Images", f"{alt} AFP via Getty Images",
        ):  # fmt: skip
            result = dedupe(doc(P0, caption, P1, P2, alt, caption, P3))
            assert removed(result) == {4: (1, "contained"), 5: (1, "exact")}
            assert dedupe(doc(P0, caption, P1, P2, alt, P3)).duplicates == ()


def test_a_heading_over_the_same_words_with_a_unit_or_a_figure_stays() -> None:
    # Words in brackets that are no credit: a unit, an abbreviation, a year, a lower-case note.
    for line, labelled in (
        ("Price", "Price (USD)"),
        ("Net income per share", "Net income per share (GAAP)"),
        ("Ferry passengers by month", "Ferry passengers by month (2025)"),
        ("The north quay will close", "The north quay will close (for now)"),
        ("Tickets for the new ferry", "Tickets for the new ferry: Harbour Office"),
        ("Shares in the ferry operator", "Shares in the ferry operator fell, said Reuters"),
    ):
        result = dedupe(doc(P0, line, labelled, P1))
        assert result.duplicates == (), line


def test_share_buttons_one_a_line_go_and_a_list_of_platforms_stays() -> None:
    # A page's share buttons, one a line, under "Share" or with "Email" among them: each is a
    # button's name alone, which stays as a word of content on its own.
    for buttons in (["Share", "Facebook", "Twitter", "Email"], ["Facebook", "X", "Copy link"]):
        result = dedupe(doc(P0, *buttons, P1, sep="\n"))
        assert result.text == doc(P0, P1, sep="\n")
        assert {d.kind for d in result.duplicates} == {"boilerplate"}
    # A list of platforms in an article about them, or one name alone, stays; so do the
    # buttons with boilerplate lines kept.
    platforms = ["Facebook", "Twitter", "TikTok"]
    assert dedupe(doc(P0, *platforms, P1)).duplicates == ()
    assert dedupe(doc(P0, "Advertisement", "Facebook", P1)).kept == (0, 2, 3)
    assert dedupe(doc(P0, "Share on Facebook  Email", "x", P1)).kept == (0, 2, 3)
    assert dedupe(doc(P0, "Facebook", "Email", P1), boilerplate=False).duplicates == ()


def test_a_gallerys_counters_go_and_a_tables_figures_stay() -> None:
    # "1 of 3" over each photo of a gallery (twice: a second gallery counts again); a single
    # one, or cells of a table that do not count up, stay.
    photos = [
        "A worker inspects a bearing under the bridge deck. (Jane Doe/Harbour Gazette)",
        "Traffic queues at the south end of the bridge on Tuesday morning.",
        "The coast road, which will carry diverted traffic.",
    ]
    others = ["Divers check the old ferry's hull.", "The new ferry leaves the north quay."]

    def gallery(captions: list[str]) -> list[str]:
        return [line for n, c in enumerate(captions, 1) for line in (f"{n} of 3", c)]

    result = dedupe(doc(P0, *gallery(photos), P1, *gallery(others), P2))
    assert result.text == doc(P0, *photos, P1, *others, P2)
    assert {d.kind for d in result.duplicates} == {"boilerplate"}
    for lines in (["1 of 3", P1], ["Field goals", "3 of 5", "Free throws", "2 of 4"]):
        assert dedupe(doc(P0, *lines, P2)).duplicates == ()
    # With a slash ("1 / 3"), from one and one by one; a review's ratings ("5 / 10" then
    # "10 / 10") and a match's scores ("1-2" then "2-2") stay.
    slashed = [line.replace(" of 3", " / 3") for line in gallery(photos)]
    result = dedupe(doc(P0, *slashed, P1, P2))
    assert result.text == doc(P0, *photos, P1, P2)
    reviews = ["Jane", "5 / 10", "Fine for privacy.", "Paul", "10 / 10", "The best by far."]
    for lines in (reviews, ["1-2", P1, "2-2"]):
        assert dedupe(doc(P0, *lines, P2)).duplicates == ()


def test_a_line_repeated_on_either_side_of_a_gallerys_counter_goes() -> None:
    # Pages a scraper joined: each repeats the photo credit the page before ended with, under
    # the gallery's counter. With the counter gone the credit stands right after its repeat, as
    # a second run sees it: it goes in the first.
    credit = "Mark Doe/iStock/Getty Images"
    lines = [P0, "1 of 2", credit, P1, credit, "2 of 2", credit, P2]
    result = dedupe(doc(*lines))
    assert result.text == doc(P0, credit, P1, credit, P2)
    assert dedupe(result.text).duplicates == ()


TIMETABLE = [
    "Ferry timetable from Monday",
    "North Quay",
    "07:00",
    "Every 20 minutes",
    "South Quay",
    "07:10",
    "Every 20 minutes",
    "Old Harbour",
    "Closed",
    "Fish Market",
    "Closed",
]


def test_list_and_table_lines_that_repeat_legitimately_are_kept() -> None:
    for sep in ("\n", "\n\n"):
        result = dedupe(doc(P0, *TIMETABLE, P1, sep=sep))
        assert result.duplicates == ()
        assert result.text == doc(P0, *TIMETABLE, P1, sep=sep)


MENU = ["Home", "World", "Politics", "Business", "Sport"]
SECTIONS = [*MENU[1:], "Culture"]  # (no link to the home page: links, not a site's menu)


def test_a_menu_above_and_below_the_article_goes() -> None:
    # A site's menu, its links one a line with the home page's among them, goes above the
    # article, and its repeat below it goes as it does.
    result = dedupe(doc(*MENU, P0, P1, P2, *MENU, sep="\n"))
    assert result.text == doc(P0, P1, P2, sep="\n")
    assert removed(result) == dict.fromkeys([*range(5), *range(8, 13)], (None, "boilerplate"))
    assert dedupe(doc(*MENU, P0, P1, P2, sep="\n")).text == doc(P0, P1, P2, sep="\n")
    # A menu of sections (no link to the home page) goes below only, as a repeat, over a
    # footer of a few short lines too (boilerplate lines among them do not count).
    footer = ["Privacy Policy", "Terms of Use", "Contact the newsroom"]
    ads = ["Advertisement", footer[0], "Advertisement", *footer[1:], "Share this article"]
    result = dedupe(doc(*SECTIONS, P0, P1, P2, *SECTIONS, *ads, sep="\n"))
    assert result.text == doc(*SECTIONS, P0, P1, P2, *footer, sep="\n")
    # Not over five lines, or a line as long as a sentence: the article goes on.
    for after in (["Ferry times", "Quay works", "Bridge fund", "Tolls", "Parking"], [P3]):
        assert dedupe(doc(*SECTIONS, P0, P1, P2, *SECTIONS, *after, sep="\n")).duplicates == ()
    # A footer's links one a line, three of them or more, go, and so does a row of links to
    # sections with the home page's among them, or a trail from it; one link alone stays.
    links = ["About Us", "Contact Us", "Privacy Policy", "Sitemap"]
    assert dedupe(doc(P0, P1, P2, *links, sep="\n")).text == doc(P0, P1, P2, sep="\n")
    for row in ("Log in | Home | Local | Culture | Tech", "Home › Opinion"):
        assert dedupe(doc(row, P0, P1, P2)).text == doc(P0, P1, P2)
    assert dedupe(doc(P0, "Privacy Policy", P1, P2)).duplicates == ()
    # A trail between a caption and its credited copy goes before the captions are read, so
    # that they stand side by side as the output shows them (a second run finds the same).
    caption = "Residents queue for the ferry at the north quay on Monday morning."
    page = [f"Story continues below advertisement {caption} : Home", caption, "Home › Opinion"]
    result = dedupe(doc(*page, f"{caption} ★ Credit: Reuters", sep="\n"))
    assert 2 not in result.kept and dedupe(result.text).duplicates == ()
    # Short lines of the article's own beside the menu, a name or a lead-in, stay.
    page = [*MENU, "Words by:", "Jane Okafor", P0, P1, "Rating: ★★★★", *MENU]
    assert dedupe(doc(*page, sep="\n")).text == doc(*page[5:10], sep="\n")


def test_a_header_of_a_few_lines_with_boilerplate_lines_among_them_is_removed_below() -> None:
    # Two lines make a menu, boilerplate lines among them counted when they stand around the
    # repeat too: "Log in" between "Skip to main content" and "Subscribe" above the article,
    # and again over its footer. The first copy stays; its boilerplate lines go.
    header = ["Skip to main content", "Log in", "Subscribe"]
    footer = ["© 2026 Harbour Gazette"]
    result = dedupe(doc(*header, P0, P1, P2, *header, *footer, sep="\n"))
    assert result.text == doc("Log in", P0, P1, P2, sep="\n")
    assert removed(result)[7] == (1, "exact")
    result = dedupe(doc("Search", "Log in", "Menu", P0, P1, *["Search", "Log in", "Menu"]))
    assert result.text == doc("Search", "Log in", "Menu", P0, P1)
    # Two lines do, one of them a boilerplate line (a breadcrumb trail over the sections' row).
    crumbs = ["Home | World | Politics", "News Sport Weather Culture Travel"]
    result = dedupe(doc(*crumbs, P0, P1, *crumbs, *footer))
    assert result.text == doc(crumbs[1], P0, P1)
    # So do two short lines alone; one line alone, or with other boilerplate lines around its
    # repeat, stays.
    result = dedupe(doc("Search", "Log in", P0, P1, "Search", "Log in", *footer))
    assert result.text == doc("Search", "Log in", P0, P1)
    assert dedupe(doc("Search", P0, P1, "Search")).duplicates == ()
    result = dedupe(doc(*header, P0, P1, "Advertisement", "Log in", "Share this article"))
    assert result.text == doc("Log in", P0, P1, "Log in")


def test_a_menu_repeated_again_and_again_at_the_bottom_goes_in_one_call() -> None:
    # Each repeat that goes leaves the one before it closing the document: it goes too, and the
    # output deduplicated again loses nothing more.
    result = dedupe(doc(*SECTIONS, P0, P1, *SECTIONS, *SECTIONS, *SECTIONS, sep="\n"))
    assert result.text == doc(*SECTIONS, P0, P1, sep="\n")
    assert dedupe(result.text).duplicates == ()
    # A page of one short line over and over comes back as its first lines.
    result = dedupe("Yes\n" * 2000)
    assert 0 < len(result.kept) <= len(MENU)
    assert len(result.kept) + len(result.duplicates) == 2000
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize(
    "header",
    [["By Anna Berg"], ["March 3, 2026", "By Anna Berg, city desk"], ["Photo: Anna Berg"]],
    ids=["byline", "date and byline", "caption"],
)
def test_a_title_printed_again_under_its_byline_goes(header: list[str]) -> None:
    title = "Council backs harbour bridge"
    result = dedupe(doc(title, *header, title, P0, P1))
    assert result.text == doc(title, *header, P0, P1)
    assert removed(result) == {len(header) + 1: (0, "exact")}
    # Under boilerplate lines that go, the title still opens the document.
    result = dedupe(doc("Advertisement", "Advertisement", title, *header, title, P0))
    assert result.text == doc(title, *header, P0)
    assert removed(result)[len(header) + 3] == (2, "exact")


@pytest.mark.parametrize(
    "page_title",
    [
        "{} | www.harbour-news.example",
        "{} - The Harbour Times",
        "{} – Harbour News",
        "Harbour News :: {}",
    ],
)
def test_a_headline_under_the_page_title_with_the_site_name_goes(page_title: str) -> None:
    # An extractor keeps the page's <title> and its <h1>: the headline printed twice, once with
    # the site's name.
    headline = "Council backs a €12 million plan for the harbour bridge"
    top = page_title.format(headline)
    result = dedupe(doc(top, "By Anna Berg", headline, P0, P1))
    assert removed(result) == {2: (0, "contained")}
    # Not in the document's header, or more than a site's name beside it: both stay.
    assert dedupe(doc(P0, P1, top, P2, headline, P3)).duplicates == ()
    longer = f"{headline} | Five more stories from the waterfront"
    assert dedupe(doc(longer, headline, P0, P1)).duplicates == ()
    # A page dumped whole: its menu above the title (one line a paragraph), then the headline.
    # (A menu of sections: one with the home page's link goes too, see
    # test_a_menu_above_and_below_the_article_goes.)
    result = dedupe(doc(*SECTIONS, top, "By Anna Berg", headline, P0, P1, sep="\n"))
    assert removed(result) == {len(SECTIONS) + 2: (len(SECTIONS), "contained")}
    # Not past a line longer than a menu's item, nor past the text.
    lede = "The council met on Tuesday."
    assert dedupe(doc(*SECTIONS, lede, top, headline, P0, sep="\n")).duplicates == ()
    # The headline again further on (an AMP copy's title) goes too, as the title holds it; the
    # text between stays.
    result = dedupe(doc(top, headline, P0, P1, P3, headline, P2))
    assert {i: original for i, (original, _) in removed(result).items()} == {1: 0, 5: 0}


def test_a_live_pages_entries_that_read_the_same_at_other_times_stay() -> None:
    # A match's commentary or a live blog: each event under its time, some reading the same.
    entries = [
        ("10:42", P0),
        ("73'", "Delay over. They are ready to continue after the break."),
        ("90'", "Delay over. They are ready to continue after the break."),
        ("11:31", P1),
    ]
    page = [line for entry in entries for line in entry]
    assert dedupe(doc(*page)).duplicates == ()
    # The page printed twice, its times with it: the copy goes.
    result = dedupe(doc(*page, *page))
    assert result.text == doc(*page)
    # Without times above them, the later one goes as an exact repeat, as before.
    lines = [text for _, text in entries]
    assert removed(dedupe(doc(*lines))) == {2: (1, "exact")}


@pytest.mark.parametrize("date", [" · 2 days ago", " - Oct. 4, 2023", " (yesterday)"])
def test_the_title_again_in_a_list_of_headlines_with_a_date_goes(date: str) -> None:
    # "More from the Gazette" under the article lists its own title among the others, each
    # with its date: the title stays at the top, and its repeat in the list goes.
    title = "Council backs a €12 million plan for the harbour bridge after three years"
    more = ["More from the Harbour Gazette", "Ferry fares rise for the first time since 2019"]
    result = dedupe(doc(title, P0, P1, P2, *more, title + date, "Library to open on Sundays"))
    assert removed(result) == {6: (0, "contained")}
    assert result.duplicates[0].rule == "its text again, with a date after it"
    # A sentence that ends with a date says when: it stays.
    line = "The council will vote on the harbour bridge plan again"
    assert dedupe(doc(line, P0, P1, line + " on May 3, 2026.")).duplicates == ()


def test_a_transcripts_lines_behind_their_time_codes_go() -> None:
    # A video's transcript under the article says its sentences again, each line behind the
    # time it is said at: they go as the article's (the first sentence, the last, a paragraph
    # word for word); a line the article does not have stays.
    new = "[00:00:21] The mayor thanked residents for coming and promised a vote by the summer."
    transcript = [
        "[00:00:04] The city council approved a €12 million plan on Tuesday to rebuild the Old "
        "Harbour bridge, ending a dispute that had delayed the project for more than three years.",
        f"(00:12) {P2}",
        f"00:00:31 - {P4}",
        new,
    ]
    result = dedupe(doc(*ARTICLE, *transcript))
    assert result.text == doc(*ARTICLE, new)
    assert all("behind a time code" in d.rule for d in result.duplicates)
    # A match's commentary, each event behind its time: events that read the same stay.
    events = [f"{time} Delay over. They are ready to continue." for time in ("12:34", "45:10")]
    assert dedupe(doc(P0, events[0], P1, events[1], P2)).duplicates == ()


def test_a_copy_with_photo_credits_run_into_its_paragraphs_goes() -> None:
    # A scraper glued the captions' credits into a copy's sentences: the copy goes as the
    # body's, which stays whole.
    credited = [
        P0.replace(" on Tuesday", " (Photo: Jane Doe/Reuters) on Tuesday"),
        P1,
        P2.replace(" and should", " [Image: AP] and should"),
        P3,
        P4,
    ]
    result = dedupe(doc(*ARTICLE, *credited))
    assert result.text == doc(*ARTICLE)
    # Apart from a run of copies too, where added words keep a paragraph otherwise.
    assert removed(dedupe(doc(P2, P0, P3, credited[2]))) == {3: (0, "exact")}
    # A credit that is the whole paragraph is a photo's credit on a line of its own: a
    # boilerplate line.
    assert removed(dedupe(doc(P0, "(Photo: Jane Doe/Reuters)", P1))) == {1: (None, "boilerplate")}


def test_a_byline_and_its_date_printed_again_go() -> None:
    # An author box at the foot, or the next page of an article that a scraper joined, prints
    # them again: short lines, but no list's items.
    header = ["By Anna Berg", "Posted June 14, 2026"]
    result = dedupe(doc(*header, P0, P1, P2, *header, P3))
    assert removed(result) == {5: (0, "exact"), 6: (1, "exact")}
    for byline in ("By ANNA BERG | Harbour Gazette", "Published: June 14, 2026"):
        assert removed(dedupe(doc(byline, P0, P1, byline, P2))) == {3: (0, "exact")}
    # Other short lines repeated stay, as do lines that open like a byline but are none, and a
    # heading like one in the text, not on top of the page (a travel guide's "By Train" under
    # each city).
    for line in ("By the harbour", "Posted to the council", "By tram: line 4"):
        assert dedupe(doc(line, P0, P1, line, P2)).duplicates == ()
    sights = [f"{P0} Sight {n}." for n in range(12)]
    guide = [*sights, "Oslo", "By Public Transport", P1, "Bergen", "By Public Transport", P2]
    assert dedupe(doc(*guide)).duplicates == ()


def test_a_short_line_repeated_near_the_top_but_not_a_title_stays() -> None:
    # Not the document's first line, or with the article's text between: a list, a closing
    # line, not a title under its byline.
    title = "Council backs harbour bridge"
    assert dedupe(doc(P0, title, "By Anna Berg", title, P1)).duplicates == ()
    assert dedupe(doc(title, P0, title)).duplicates == ()


def test_the_same_short_lines_repeated_inside_the_article_are_kept() -> None:
    # Tags or features listed for each of two products: a list, not a menu.
    tags = ["Vegan", "Gluten free", "Recycled materials", "Family owned"]
    text = doc(P0, *tags, P1, *tags, P2, sep="\n")
    assert dedupe(text).duplicates == ()
    # Nor is a menu at the top repeated in the middle of the article (a site's menu, with the
    # home page's link, goes at the top; in the article, a list of its links stays).
    text = doc(*SECTIONS, P0, P1, *SECTIONS, P2, P3, P4, sep="\n")
    assert dedupe(text).duplicates == ()
    text = doc(*MENU, P0, P1, *MENU, P2, P3, P4, sep="\n")
    assert dedupe(text).text == doc(P0, P1, *MENU, P2, P3, P4, sep="\n")


def test_ingredient_lists_repeating_four_word_items_are_kept() -> None:
    recipes = [
        "For the soup, you will need:",
        "2 tablespoons olive oil",
        "1 large onion, chopped",
        "Salt and black pepper",
        "Heat the oil in a large pan and soften the onion for ten minutes.",
        "For the salad, you will need:",
        "2 tablespoons olive oil",
        "1 lemon, juiced",
        "Salt and black pepper",
        "Whisk the oil and lemon juice together and season well.",
    ]
    assert dedupe(doc(*recipes, sep="\n")).duplicates == ()


# A buyer's guide: two products whose spec rows partly agree, each with its own pros.
REVIEW = [
    "Harbour 12",
    P0,
    "Filter type: paper cone",
    "Body: brushed stainless steel",
    "Carafe: thermal glass",
    "Pros",
    P1,
    "Quay 8",
    P2,
    "Filter type: paper cone",
    "Body: brushed stainless steel",
    "Carafe: plastic with lid",
    "Pros",
    P3,
]


def test_spec_rows_that_two_products_share_are_kept() -> None:
    # Two rows in a row repeat under the second product: a table, not a copied block.
    for sep in ("\n", "\n\n"):
        assert dedupe(doc(*REVIEW, sep=sep)).duplicates == ()


# A review of four kettles, each with a table of specs whose rows of six words or more partly
# agree with another kettle's: the first kettle's rows stand again, in order, under later ones.
KETTLES = [
    "1. Harbour Pour",
    "The Harbour Pour boiled a full jug fastest in our kitchen tests, and it stayed quiet.",
    "Specs",
    "Capacity – 1.7 litres, with a window",
    "Boil time – about three minutes for a jug",
    "Keep warm – Yes, for up to an hour",
    "Price – $89",
    "Verdict: the Harbour Pour is quick and quiet, and only its price kept it from the top spot.",
    "2. Quay Classic",
    "The Quay Classic is the one to pick if you want a kettle that looks at home on an old stove.",
    "Specs",
    "Capacity – 1.7 litres, with a window",
    "Boil time – about four minutes for a jug",
    "Keep warm – No, it switches off",
    "Price – $59",
    "Verdict: the Quay Classic is slow to boil, but it is well made and costs little.",
    "3. Ferry Mini",
    "The Ferry Mini is the budget pick, made for one or two cups and a small kitchen counter.",
    "Specs",
    "Capacity – 0.8 litres, with a gauge",
    "Boil time – about three minutes for a jug",
    "Keep warm – No, it switches off",
    "Price – $39",
    "Verdict: the Ferry Mini is small and cheap, and it does the one thing it has to do.",
    "4. Bridge Steel",
    "The Bridge Steel is the sturdiest of the four, and it should last through years of use.",
    "Specs",
    "Capacity – 1.5 litres, with a gauge",
    "Boil time – about four minutes for a jug",
    "Keep warm – Yes, for up to an hour",
    "Price – $119",
    "Verdict: the Bridge Steel costs the most, but it is the one we would keep for ourselves.",
]


def test_spec_rows_of_many_words_that_two_products_share_are_kept() -> None:
    # Rows of six words or more repeat word for word under another kettle: each table has a
    # row of its own (the price), so no table is a copy, and each row repeats as a short line
    # does, judged by its neighbours. The first kettle's rows, standing again under later
    # kettles in their order, are no table of contents of the page either.
    for sep in ("\n", "\n\n"):
        text = doc(*KETTLES, sep=sep)
        assert dedupe(text).duplicates == ()
        # The review printed twice: the copy goes whole, each line as one with its words.
        result = dedupe(doc(*KETTLES, *KETTLES, sep=sep))
        assert result.text == text
        n = len(KETTLES)
        assert {d.index for d in result.duplicates} == set(range(n, 2 * n))
        for d in result.duplicates:
            assert d.kind == "exact" and KETTLES[d.original] == KETTLES[d.index - n]


def test_a_table_of_contents_of_labelled_headings_goes() -> None:
    # Entries shaped like a table's rows ("Step 1: Choose a route"), over headings that no
    # rows stand beside: a list of the headings below it, as any other.
    headings = ["Step 1: Choose a route", "Step 2: Buy a ticket", "Step 3: Board the ferry"]
    body = [headings[0], P0, headings[1], P1, headings[2], P2]
    result = dedupe(doc("Contents", *headings, *body))
    assert result.text == doc(*body)


def test_short_lines_of_a_copied_review_repeat_the_lines_beside_their_original() -> None:
    text = doc(*REVIEW, *REVIEW, sep="\n")
    result = dedupe(text)
    assert result.text == doc(*REVIEW, sep="\n")
    # Each short line of the copy names the line at its own place in the first copy, not the
    # first line with the same words ("Pros" under the second product repeats paragraph 12).
    n = len(REVIEW)
    assert removed(result) == {n + k: (k, "exact") for k in range(n)}


# An article with section headings, for copies that add or leave out lines around them.
SECTIONED = ["Council backs harbour bridge", P0, P1, "What happens next", P2, "The cost", P3, P4]


def test_headings_of_a_copy_with_a_caption_repeated_between_its_paragraphs_go() -> None:
    # A print or AMP copy that carries the same caption (no boilerplate pattern) after some
    # paragraphs: a heading with a caption on both sides still repeats its place in the body.
    caption = "Photo: the Old Harbour bridge at dusk, seen from the ferry quay (Anna Berg)"
    copy = [SECTIONED[0], P0, caption, P1, caption, "What happens next", caption, P2]
    copy += [caption, "The cost", caption, P3, P4]
    n = len(SECTIONED)
    result = dedupe(doc(*SECTIONED, *copy))
    assert result.text == doc(*SECTIONED, caption)
    headings = {n + copy.index(h): SECTIONED.index(h) for h in ("What happens next", "The cost")}
    assert {k: removed(result)[k] for k in headings} == {
        k: (j, "exact") for k, j in headings.items()
    }


def test_short_lines_of_a_copy_go_past_boilerplate_lines_on_both_sides() -> None:
    # Advertisement lines stand between the body's first lines but not the copy's, and "8 min
    # read" (a boilerplate line too) between the date and the heading in both.
    body = [P2, "Advertisement", "12 Nov 2025", "8 min read", "Summary", "Advertisement", P0]
    body += ["Why it matters", "Advertisement", P1, P3]
    copy = ["Advertisement", P2, "12 Nov 2025", "8 min read", "Summary", P0, "Why it matters"]
    copy += [P1, P3]
    n = len(body)
    result = dedupe(doc(*body, *copy))
    assert result.text == doc(P2, "12 Nov 2025", "Summary", P0, "Why it matters", P1, P3)
    assert {k: removed(result)[k] for k in (n + 2, n + 4)} == {
        n + 2: (2, "exact"),
        n + 4: (4, "exact"),
    }


def test_a_heading_goes_where_its_copy_leaves_out_the_paragraphs_on_both_sides() -> None:
    # The copy (without the body's embedded posts) keeps the heading between copies of the
    # paragraphs two places before it and two after it.
    body = [P0, "Read the mayor's post", "What happens next", "Embedded video", P1, P2]
    result = dedupe(doc(*body, P0, "What happens next", P1, P2))
    assert result.text == doc(*body)
    assert removed(result)[len(body) + 1] == (2, "exact")
    # So do a heading and the lines of a list after it, a paragraph left out between them, and
    # in a copy that puts the body's caption where the paragraphs it leaves out stood.
    items = ["- Ferries every 20 minutes", "- A footbridge beside the old one"]
    caption = "Photo: the Old Harbour bridge at dusk, seen from the ferry quay (Anna Berg)"
    body = [caption, P0, "Embedded video", "What happens next", P1, *items, "Read the post", P2]
    for copy in (
        [P0, "What happens next", *items, P2],
        [P0, caption, "What happens next", *items, caption, P2],
    ):
        result = dedupe(doc(*body, *copy))
        n = len(body)
        lines = {n + copy.index(x): body.index(x) for x in ("What happens next", *items)}
        assert {k: removed(result).get(k) for k in lines} == {
            k: (j, "exact") for k, j in lines.items()
        }
    # With its earlier copy outside the stretch those paragraphs span, it is a line of its own.
    body = ["What happens next", P0, "Embedded video", P1, P2, P3]
    result = dedupe(doc(*body, P0, "What happens next", P2, P3))
    assert len(body) + 1 not in removed(result)
    # A line whose words a boilerplate line says there (and a kept line elsewhere) is not that
    # boilerplate line's copy: it would name no paragraph that stays.
    body = ["<Advertisement<<", P0, "Embedded video", "Advertisement", P1, P2]
    result = dedupe(doc(*body, P0, "::Advertisement:", P2))
    assert len(body) + 1 in result.kept
    assert all(d.original is not None for d in result.duplicates if d.kind != "boilerplate")
    # And lines in another order than there are lines of their own too.
    body = [P0, "Embedded video", "What happens next", P1, items[0], "Read the post", P2]
    result = dedupe(doc(*body, P0, items[0], "What happens next", P2))
    assert not {len(body) + 1, len(body) + 2} & set(removed(result))


def test_short_lines_repeated_right_after_themselves_go() -> None:
    rows = ["Filter type: paper cone", "Carafe: thermal glass"]
    result = dedupe(doc(P0, *rows, *rows, P1, sep="\n"))
    assert removed(result) == {3: (1, "exact"), 4: (2, "exact")}
    # Cells of one or two words alternate legitimately in a flattened table.
    cells = ["Yes", "No"]
    assert dedupe(doc(P0, *cells, *cells, P1, sep="\n")).duplicates == ()


def test_headings_of_a_page_that_repeats_its_runs_go_however_short() -> None:
    # A page that renders every block twice (p1 p2 p1 p2) does so with its one- and two-word
    # headings too: each goes beside a run repeated right after itself, on either side.
    page = [P0, P1, P0, P1, "The vote", "The vote", P2, P3, P2, P3, "Costs", "Costs", P4, P4]
    result = dedupe(doc(*page))
    assert result.text == doc(P0, P1, "The vote", P2, P3, "Costs", P4)
    assert {removed(result)[i] for i in (5, 11)} == {(4, "exact"), (10, "exact")}
    # Beside runs that are not repeated right after themselves, they are table cells.
    cells = [P0, "Yes", "Yes", P1, P2, P0, "No", "No", P3]
    assert set(removed(dedupe(doc(*cells)))) == {5}


def test_rows_of_one_template_that_add_and_drop_an_item_are_kept() -> None:
    # Each row lists the apps of another product: one more and one fewer is another list.
    rows = [
        "Clients Windows, macOS, Linux, Android, iOS, Chrome, Firefox, Edge, Android TV, tvOS",
        "Clients Windows, macOS, Linux, Android, iOS, Chrome, Firefox, Android TV, tvOS, Kodi",
    ]
    assert dedupe(doc(P0, rows[0], P1, P2, rows[1], P3, sep="\n")).duplicates == ()
    # A word added at an end of a copy that no run of copies confirms says one thing more (an
    # app), unless it is a dateline or a credit in brackets: that row stays too.
    assert dedupe(doc(P0, rows[0], P1, rows[0] + " Kodi", sep="\n")).duplicates == ()
    credited = dedupe(doc(P0, rows[0], P1, rows[0] + " (Acme)", sep="\n"))
    assert removed(credited) == {3: (1, "near")}


def test_article_without_duplicates_is_only_cleaned() -> None:
    messy = doc(P0, P1.replace("“", "&#8220;"), P2 + "  ", "\u00a0" + P3, P4)
    result = dedupe(messy)
    assert result.duplicates == ()
    assert result.text == clean(messy)
    assert result.kept == (0, 1, 2, 3, 4)


# ------------------------------------------------------------------------------------------
# Options


def test_threshold() -> None:
    # British and American spellings: several words differ, the characters barely do.
    british = (
        "The council will organise a public consultation this autumn and analyse the colour "
        "schemes favoured by residents, the harbour master and the neighbouring boroughs."
    )
    american = (
        "The council will organize a public consultation this autumn and analyze the color "
        "schemes favored by residents, the harbor master and the neighboring boroughs."
    )
    text = doc(P0, british, american)
    default = dedupe(text)
    assert removed(default) == {2: (1, "near")}
    assert default.duplicates[0].similarity >= 0.9
    strict = dedupe(text, threshold=0.99, containment=0.99)
    assert strict.duplicates == ()


def test_keep_longest() -> None:
    longer = "WASHINGTON (AP) — " + P0
    text = doc(P0, P1, longer)
    first = dedupe(text)
    assert removed(first) == {2: (0, "near")}
    longest = dedupe(text, keep="longest")
    assert removed(longest) == {0: (2, "near")}
    assert longest.text == doc(P1, longer)


def test_keep_longest_with_exact_copies_keeps_one() -> None:
    result = dedupe(doc(P0, P1, P0), keep="longest")
    assert len(result.duplicates) == 1
    assert result.duplicates[0].kind == "exact"


def test_remove_short_repeats() -> None:
    text = doc(P0, *TIMETABLE, sep="\n")
    assert dedupe(text).duplicates == ()
    result = dedupe(text, remove_short_repeats=True)
    assert removed(result) == {7: (4, "exact"), 11: (9, "exact")}


def test_boilerplate_off_and_extra_patterns() -> None:
    text = doc(P0, "Advertisement", P1, "Download our app today", P2)
    assert removed(dedupe(text)) == {1: (None, "boilerplate")}
    assert dedupe(text, boilerplate=False).duplicates == ()
    extra = dedupe(text, boilerplate_patterns=(r"download our app( today)?",))
    assert removed(extra) == {1: (None, "boilerplate"), 3: (None, "boilerplate")}
    assert extra.text == doc(P0, P1, P2)
    # A space matches any run of white space, and " ?" a run or none.
    spaced = doc(P0, "Read the e paper", P1, "Read the ePaper", P2, "Read thee paper", P3)
    assert removed(dedupe(spaced, boilerplate_patterns=(r"read the e ?paper",))) == {
        1: (None, "boilerplate"),
        3: (None, "boilerplate"),
    }


def test_invalid_boilerplate_pattern_raises() -> None:
    # The error names the pattern and where it fails in it (not in the expression it is wrapped
    # into).
    with pytest.raises(ValueError, match=r"boilerplate pattern '\(unclosed': .* at position 9$"):
        dedupe(P0, boilerplate_patterns=("(unclosed",))


def test_boilerplate_rule_quotes_the_pattern_as_written() -> None:
    pattern = r"download\s+our app.*"
    (dup,) = dedupe(doc(P0, "Download our app today"), boilerplate_patterns=(pattern,)).duplicates
    assert dup.rule == r"boilerplate pattern 'download\s+our app.*'"  # one backslash


def test_clean_false_returns_kept_paragraphs_byte_for_byte() -> None:
    raw = [
        P0.replace(" ", "\u00a0", 3),
        _generate.mojibake(P1),
        P2.replace(" and ", " &amp; "),
        P3 + "  \t",
        P4,
    ]
    first = doc(*raw)
    text = first + "\n\n" + doc(*raw)
    result = dedupe(text, clean=False)
    assert result.text == first.rstrip(" \t")  # the trailing blanks are not part of a paragraph
    for i in result.kept:
        assert result.paragraphs[i].text in text
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}


def test_invalid_option_values_raise() -> None:
    with pytest.raises(ValueError):
        dedupe(P0, threshold=1.5)
    with pytest.raises(ValueError):
        dedupe(P0, keep="last")
    for name, value in [("clean", "no"), ("clean", 0), ("boilerplate", "off"),
                        ("remove_short_repeats", 1)]:  # fmt: skip
        with pytest.raises(TypeError, match=f"{name} must be"):
            dedupe(P0, **{name: value})


def test_clean_takes_a_clean_config() -> None:
    straight = P1.replace("“", '"').replace("”", '"').replace("’", "'")
    assert straight != P1
    text = doc(P1, P0, straight)
    result = dedupe(text, clean=textclean.CleanConfig(straighten_quotes=True))
    assert result.text == doc(straight, P0)
    assert "straighten_quotes" in result.clean_steps
    assert dedupe(text).text == doc(P1, P0)  # curly quotes stay by default
    deduplicator = textclean.Deduplicator(clean=textclean.CleanConfig(straighten_quotes=True))
    assert deduplicator.dedupe(text).text == doc(straight, P0)


# ------------------------------------------------------------------------------------------
# Layouts


@pytest.mark.parametrize("sep", ["\r\n\r\n", "\r\n", "\r\r"])
def test_crlf_and_cr(sep: str) -> None:
    text = sep.join([*ARTICLE, *ARTICLE])
    result = dedupe(text, clean=False)
    assert result.text == sep.join(ARTICLE)
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}
    cleaned = dedupe(text)
    assert [p.text for p in cleaned.paragraphs[:5]] == ARTICLE
    assert "\r" not in cleaned.text


def test_mixed_line_endings() -> None:
    text = P0 + "\r\n\r\n" + P1 + "\n\n" + P2 + "\r" + P3 + "\n" + P4 + "\r\n" + doc(*ARTICLE)
    result = dedupe(text)
    assert [p.text for p in result.paragraphs] == ARTICLE * 2
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}


def _wrap(paragraph: str, width: int) -> str:
    lines: list[str] = []
    for word in paragraph.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def test_hard_wrapped_input() -> None:
    first = doc(*(_wrap(p, 60) for p in ARTICLE))
    second = doc(*(_wrap(p, 72) for p in ARTICLE))  # the copy is wrapped at another width
    result = dedupe(first + "\n\n" + second)
    assert len(result.paragraphs) == 10
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}
    assert result.text == first


def test_a_line_that_ends_in_a_closing_tag_ends_its_paragraph() -> None:
    # Lines of HTML in text that otherwise looks hard-wrapped: "</p>" and "<br>" end a paragraph.
    lines = [
        '<p class="lede">The council approved the plan on Tuesday after a long debate.</p>',
        "Opposition members said the cost had nearly doubled since the first estimate.<br>",
        "They asked for the contract to be reviewed before any money is spent on it.",
    ]
    assert [p.text for p in split_paragraphs("\n".join(lines))] == lines
    # Without the tags, the second and third lines are one wrapped paragraph.
    plain = [line.replace("<br>", "") for line in lines[1:]]
    assert len(split_paragraphs("\n".join(plain).replace("estimate.", "estimate,"))) == 1


def test_a_wrapped_line_that_ends_a_sentence_does_not_end_the_paragraph() -> None:
    # Prose wrapped as a text browser renders a page: two of its lines end a sentence and the
    # next starts with a capital, but the next word would not have fitted on them; another
    # starts with a number and a full stop ("14. Work is due ...") in the middle of a sentence.
    block = _wrap(" ".join(ARTICLE), 66)
    lines = block.split("\n")
    ends = [n for n, line in enumerate(lines[:-1]) if line[-1] == "." and lines[n + 1][0].isupper()]
    assert len(ends) == 2
    assert [p.text for p in split_paragraphs(block)] == [block]


def test_a_dash_in_wrapped_prose_starts_no_list_item() -> None:
    text = P2.replace("time, ferries", "time — for the first time since 1934 — ferries") + " " + P3
    block = _wrap(text, 56)
    assert "\n— ferries" in block
    assert [p.text for p in split_paragraphs(block)] == [block]


@pytest.mark.parametrize(
    "second",
    ["**thousands** of homes without heating for the weekend, officials said on Friday.",
     "-5 degrees on the hills overnight, the forecasters warned on Friday evening."],
)  # fmt: skip
def test_a_bold_word_or_a_negative_number_starts_no_list_item(second: str) -> None:
    # Too few lines to tell wrapped prose, so a line starting with a list marker would start a
    # paragraph; a star or a dash right before a word is emphasis or a minus sign, not a marker.
    block = "The storm brought down power lines across the north of the county and left\n"
    assert [p.text for p in split_paragraphs(block + second)] == [block + second]
    assert len(split_paragraphs(block.replace("left", "left.") + "- " + second)) == 2


def test_a_long_link_in_wrapped_prose_does_not_set_its_width() -> None:
    link = "https://example.org/news/2026/11/26/council-vote-approves-rebuilding-the-old-harbour-bridge-at-last-after-3-years"
    block = _wrap(f"{P0} The full decision is at {link} for anyone to read. {P2}", 60)
    assert f"\n{link}\n" in block and len(link) > 100  # wider than any wrapped line
    assert [p.text for p in split_paragraphs(block)] == [block]


def test_a_short_line_before_a_long_link_in_wrapped_prose() -> None:
    # A Markdown link too long for the rest of the line ends it early, mid-sentence.
    link = "[the decision](https://example.org/2026/council-harbour-bridge-vote)"
    block = _wrap(f"{P0} The council published {link} on its website. {P2}", 78)
    assert "\nthree years. The council published [the\ndecision](" in block
    assert [p.text for p in split_paragraphs(block)] == [block]


def test_lines_of_code_are_not_wrapped_prose() -> None:
    # The long lines are full and start in lower case, but most lines end early: no prose, and
    # the last line does not join the short one before it.
    code = [
        "// Keep the secrets out of the logs",
        "options.HiddenHeaders = new[] {",
        '"Authorization",',
        "};",
        "The output then reads as follows:",
        "info: Harbour.Logs[0]",
        "Request-Queue: 1",
        "info: Harbour.Logs[0]",
        "Request-Message:",
    ]
    assert split_paragraphs("\n".join(code))[-1].text == "Request-Message:"


def test_a_copy_with_its_drop_caps_set_apart() -> None:
    # A scraper that puts each element on a line of its own sets a drop cap apart from its word.
    copy = [f"{p[0]}\n{p[1:]}" if p[1].islower() else p for p in ARTICLE]
    assert sum("\n" in p for p in copy) >= 3
    result = dedupe(doc(*ARTICLE, sep="\n") + "\n" + doc(*copy, sep="\n"))
    assert [p.text for p in result.paragraphs[5:]] == copy
    assert removed(result) == {5 + i: (i, "exact") for i in range(5)}
    # A lone capital before a line that starts with one is no drop cap.
    assert len(split_paragraphs("A\nBridge closures and ferry times for the weekend ahead.")) == 2


def test_a_line_that_is_a_web_address_after_a_sentence_starts_a_paragraph() -> None:
    # In a block of short lines, an address on a line of its own after a sentence's end is no
    # sentence going on in lower case ("https..."), and a capital after it starts a sentence.
    lines = [
        "Read the council's decision on Tuesday.",
        "https://news.example.com/council/bridge-vote",
        "https://news.example.com/council/ferry-times",
        "The bridge will open in May, officials said.",
    ]
    assert [p.text for p in split_paragraphs("\n".join(lines))] == [
        lines[0],
        "\n".join(lines[1:3]),
        lines[3],
    ]
    # Under words that go on, it goes on a sentence, and so does what follows it in lower case
    # or with the rest of the address ("/...": an address broken at the line's end).
    going_on = (
        "For the full minutes of the vote see\nhttps://news.example.com/council\nfor details."
    )
    broken = "Sources: a report by the council\nhttps://news.example.com/council/2026\n/bridge-vote"
    for text in (going_on, broken):
        assert [p.text for p in split_paragraphs(text)] == [text]


def test_body_and_a_copy_wrapped_as_one_block() -> None:
    first = doc(*ARTICLE)
    result = dedupe(first + "\n\n" + _wrap(" ".join(ARTICLE), 66))
    assert len(result.paragraphs) == 6
    [copy] = result.duplicates
    assert (copy.index, copy.kind, copy.originals) == (5, "contained", (0, 1, 2, 3, 4))
    assert result.text == first


# A story with headings, a numbered list run into a paragraph and a link, for copies of it
# hard-wrapped after their paragraph breaks were lost.
LIBRARY = [
    "The county library on Elm Street will close for eight weeks from June while its east wing "
    "is rebuilt, the board said on Monday.",
    "It is the first large repair since the building opened in 1974, and the board has set aside "
    "$2.4 million for it, most of it from a state grant.",
    "What will change",
    "The board listed the work in order of cost. 1. A new roof over the reading room. 2. Lifts "
    "to the upper floor. 3. A children's corner with its own entrance on Birch Lane.",
    "Architects from a firm in Dover drew the plans last winter after two public meetings, at "
    "which parents asked for longer opening hours and more seats.",
    "The reading room will get new windows as well, which the head librarian said would cut the "
    "heating bill by about a third.",
    "During the closure",
    "Readers can borrow books from the mobile library, which will stop outside the town hall "
    "every Tuesday and Friday morning.",
    "Fines on loans due during the closure will be waived, and the returns box by the front "
    "door will stay open throughout.",
    "The computer room moves to the community centre on Oak Avenue for the eight weeks, with "
    "the same opening hours as before.",
    "Story time for toddlers will be held in the park on fine days and in the church hall when "
    "it rains, volunteers said.",
    "What readers say",
    "Martha Quinn, who has used the library for forty years, said she would miss the quiet of "
    "the reading room but welcomed the lifts.",
    "A student who studies there most evenings said the closure came at a bad time, just before "
    "the summer exams, and asked for a study room elsewhere.",
    "The board said it would look for a room at the high school and answer by the end of the "
    "month.",
]


@pytest.mark.parametrize("width", [56, 68])
def test_a_hard_wrapped_copy_cut_inside_a_paragraph_goes_in_both_parts(width: int) -> None:
    # The copy lost its breaks; a line of it opens with "2." after a full stop, so it is cut into
    # two paragraphs there, inside the body's list paragraph: each part holds whole paragraphs
    # of the body and a part of that one, whose other part opens the other.
    body = doc(*LIBRARY)
    result = dedupe(body + "\n\n" + _wrap(" ".join(LIBRARY), width))
    first, second = result.paragraphs[len(LIBRARY) :]
    assert "The board listed the work" in first.text and "A children's" in second.text
    assert removed(result)[first.index] == (0, "contained")
    assert removed(result)[second.index][1] == "contained"
    assert result.text == body


@pytest.mark.parametrize("width", [57, 73])
def test_a_hard_wrapped_copy_cut_inside_a_paragraph_the_body_repeats_goes_in_both_parts(
    width: int,
) -> None:
    # The list paragraph stands twice, in a box and in the story; its second copy goes as the
    # same text, and the copy is cut inside it: the words left at the end of the first part are
    # the first words of that removed paragraph, not of the next one the copy may hold.
    story = [*LIBRARY[:3], LIBRARY[3], *LIBRARY[3:]]
    body = doc(*story)
    result = dedupe(body + "\n\n" + _wrap(" ".join(story), width))
    assert len(result.paragraphs) == len(story) + 2
    assert removed(result)[4] == (3, "exact")
    assert result.text == doc(*story[:4], *story[5:])


def test_an_indexed_storys_hard_wrapped_copy_cut_inside_a_paragraph_goes_in_both_parts() -> None:
    # Across documents, the indexed paragraphs from the first the copy's second part shares a key
    # with are tried, as many as its text could hold; but it holds only the end of that one, so
    # the short lines at the story's end (no key of their own) fell out of the count.
    story = [*LIBRARY, "Opening hours", "Monday to Friday, nine to five."]
    copy = _wrap(" ".join(story), 80)
    with Deduplicator() as index:
        index.dedupe(doc(*story), doc_id="story")
        result = index.check(copy, doc_id="copy")
    first, second = result.paragraphs
    assert "The board listed the work" in first.text and "A children's" in second.text
    assert [(d.index, d.kind, d.doc_id) for d in result.duplicates] == [
        (0, "contained", "story"), (1, "contained", "story")
    ]  # fmt: skip


def test_a_hard_wrapped_copy_goes_though_a_link_in_it_is_broken_across_two_lines() -> None:
    link = "https://www.elmcountylibrary.org/news/2026/east-wing-renovation-plans-and-timeline"
    story = [*LIBRARY[:9], f"The plans are posted at {link} for comments.", *LIBRARY[9:]]
    body = doc(*story)
    copy = textwrap.fill(" ".join(story), 70)  # (broken after "plans-", before "and-timeline")
    assert f"{link.removesuffix('and-timeline')}\nand-timeline" in copy
    result = dedupe(body + "\n\n" + copy)
    assert [d.kind for d in result.duplicates] == ["contained"]
    assert result.text == body
    # The link reads as one word, as the body's does; the word after one at a line's end stays.
    assert canonical_form(copy) == canonical_form(" ".join(story))
    assert canonical_form(f"see {link}\nand more") == canonical_form(f"see {link} and more")


def test_a_link_cut_anywhere_at_a_lines_end_reads_as_the_whole_link() -> None:
    # As a wrap at a fixed width cuts a word longer than a line (Python's textwrap does): inside
    # "https://", in the host or in the path; the next line indented. Inside the last word of
    # its path ("timel" then "ine") nothing tells a link cut short from a word after it.
    link = "https://www.elmcountylibrary.org/news/2026/east-wing-renovation-plans-and-timeline"
    whole = canonical_form(f"The plans are at {link} for comments.")
    for cut in range(1, link.rindex("-") + 1):
        broken = f"The plans are at {link[:cut]}\n    {link[cut:]} for comments."
        assert canonical_form(broken) == whole, cut
    # One without a scheme or a path, cut inside its "www." (nothing on either line reads as
    # an address alone).
    bare = "www.elmcountylibrary.org"
    for cut in range(1, 4):
        broken = f"The plans are at {bare[:cut]}\n{bare[cut:]} for comments."
        assert canonical_form(broken) == canonical_form(f"The plans are at {bare} for comments.")
    # A word after an address at a line's end, or a list item under it, stays a word.
    assert canonical_form("See https://example.com/news\n- the council's vote").split()[2] == "the"


@pytest.mark.parametrize("width", [42, 62])
def test_a_wrapped_copy_goes_though_a_compound_broken_at_its_hyphen_opens_a_list_item(
    width: int,
) -> None:
    # "Stay-" ends a line and "at-home" opens the next: the copy reads "stayat home orders",
    # which the item's first words ("stay at home orders") are not; but they stand again
    # further on in the item, word for word, where the edited item's start is not.
    items = [
        "Most travel policies were written before the pandemic, and many still say little about "
        "what happens when a trip is called off because of an outbreak.",
        "Cover for a trip cancelled because you fell ill is standard, but most insurers exclude "
        "the following:",
        "- Staying at home by choice: if you cancel because you would rather not travel, the "
        "policy pays nothing.",
        "- Stay-at-home orders: most policies cover only a quarantine ordered for you, not "
        "general stay-at-home orders.",
        "- New outbreaks: if your destination shuts down after you have booked, do not count on "
        "your insurer.",
        "Read the small print before you buy, and ask the insurer in writing about anything it "
        "does not cover.",
    ]
    body = doc(*items)
    copy = textwrap.fill(" ".join(items), width)
    assert "Stay-\nat-home" in copy
    result = dedupe(body + "\n\n" + copy)
    assert removed(result) == {len(items): (0, "contained")}
    assert result.text == body


def test_lines_of_a_list_stay_apart() -> None:
    # Items of similar length that end like sentences: every line is as full as the widest.
    plans = [
        "Personal plan: €4 a month (billed yearly)",
        "Premium plan: €8 a month (billed yearly)",
        "Business plan: €25 a month (billed yearly)",
        "Commerce plan: €45 a month (billed yearly)",
    ]
    assert [p.text for p in split_paragraphs("\n".join(plans))] == plans
    # Capitalised items: the lines are not wrapped prose, and the one that ends like a sentence
    # still ends its paragraph.
    topics = ["Model Context Protocol (MCP)", "Deep Reinforcement Learning", "Vision", "Audio"]
    assert split_paragraphs("\n".join(topics))[0].text == topics[0]


def test_a_quotation_going_on_does_not_end_a_line_of_a_paragraph() -> None:
    wrapped = (
        "“We have finally found a design that residents can live with,”\n"
        "Mayor Ingrid Solberg said after the vote on Tuesday evening."
    )
    assert [p.text for p in split_paragraphs(wrapped)] == [wrapped]


def test_chinese_lines_are_paragraphs_not_wrapped_text() -> None:
    lines = [z.replace("。", "") for z in ZH]  # long lines that do not end a sentence
    assert [p.text for p in split_paragraphs("\n".join(lines))] == lines
    result = dedupe("\n".join([lines[0], lines[1], lines[0], lines[2], lines[1]]))
    assert result.kept == (0, 1, 3)


def test_output_splits_into_the_kept_paragraphs() -> None:
    # One paragraph a line. The widest line is a merged copy and goes; the two lines around it
    # would then read as one hard-wrapped paragraph, so the output separates them by a blank line.
    first = "The council promised a series of public meetings."
    second = "Ferries will run every twenty minutes."
    short = "Residents along the route want more information"
    last = "Work starts in March"
    result = dedupe(doc(first, second, short, f"{first} {second}", last, sep="\n"))
    assert result.kept == (0, 1, 2, 4)
    assert result.text == doc(first, second, short, sep="\n") + "\n\n" + last
    assert [p.text for p in split_paragraphs(result.text)] == [first, second, short, last]


def test_output_keeps_lines_apart_whose_block_lost_its_last_line() -> None:
    # The widest line of a block is its last, and a repeat: without it the short lines above it
    # would read as one hard-wrapped paragraph, so a blank line separates them, as when the
    # widest line stood between them.
    lines = ["Harbour Tours and Ferry Crossings", "Boat hire and fishing trips", "Coastal Walks"]
    result = dedupe(doc(P0, doc(*lines, P0, sep="\n"), P1))
    assert result.kept == (0, 1, 2, 3, 5)
    assert [p.text for p in split_paragraphs(result.text)] == [P0, *lines, P1]
    assert dedupe(result.text).duplicates == ()


def test_output_keeps_a_wrapped_paragraph_whole() -> None:
    # The repeat removed before a hard-wrapped paragraph stood after a blank line; the line break
    # before the paragraph would join it to a line too wide for wrapping, splitting it.
    repeat = "The council approved the plan after a long debate on Tuesday."
    wide = (
        "A long paragraph that runs well past the hard-wrap width, so that its block is read as "
        "one paragraph a line."
    )
    wrapped = "Residents along the route asked for more information about\nnoise and the meetings."
    result = dedupe(f"{repeat}\n\n{wide}\n\n{repeat}\n{wrapped}")
    assert result.kept == (0, 1, 3)
    assert [p.text for p in split_paragraphs(result.text)] == [repeat, wide, wrapped]


def test_one_paragraph_per_line() -> None:
    result = dedupe(doc(*ARTICLE, *ARTICLE, sep="\n"))
    assert len(result.paragraphs) == 10
    assert result.text == doc(*ARTICLE, sep="\n")


def test_split_paragraphs_offsets() -> None:
    text = (
        "  " + P0 + "\r\n\r\n" + _wrap(P1, 50) + "\n\n\n" + P2 + "\n" + P3 + "\u2029" + "Closed\n"
    )
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == 5
    for i, p in enumerate(paragraphs):
        assert p.index == i
        assert p.text == text[p.start : p.end]
        assert p.text == p.text.strip()
    assert paragraphs[1].text == _wrap(P1, 50)


def test_result_paragraph_spans_refer_to_source() -> None:
    result = dedupe("Intro&nbsp;line here.\n\n" + doc(*ARTICLE, *ARTICLE))
    for p in result.paragraphs:
        assert result.source_text[p.start : p.end] == p.text


# ------------------------------------------------------------------------------------------
# Other entry points and the result


def test_find_duplicates_on_own_paragraphs() -> None:
    typo_fixed = P1.replace("engineers", "engineres")
    paragraphs = [P0, P1, "Closed", typo_fixed, "Closed", P0.upper()]
    found = find_duplicates(paragraphs)
    # "Closed" follows P1 and its typo-fixed copy alike: a short repeat inside a repeated run.
    assert [(d.index, d.original, d.kind) for d in found] == [
        (3, 1, "near"), (4, 2, "exact"), (5, 0, "exact")
    ]  # fmt: skip
    assert "run" in found[1].rule
    as_objects = [Paragraph(i, 0, len(t), t) for i, t in enumerate(paragraphs)]
    assert find_duplicates(as_objects) == found
    with pytest.raises(TypeError, match="a sequence of paragraphs, not one text"):
        find_duplicates("\n\n".join(paragraphs))


def test_isolated_paragraph_differing_in_a_number_is_kept() -> None:
    # A changed number is a small edit inside a repeated copy of the body (see
    # test_corrected_number), but on its own it is a different fact.
    assert find_duplicates([P0, P1, P1.replace("31 votes", "32 votes")]) == ()


def test_a_figure_printed_without_its_thousands_comma_is_the_same_figure() -> None:
    # Another house style prints "12500" for "12,500": the same number, so the copy goes as
    # an exact repeat; across documents too. A decimal comma stays a break ("3,5" is two
    # numbers), so a copy that prints "35" for it is no repeat of that line.
    line = "The museum drew 12,500 visitors on its first weekend and 1,250,000 in its first year."
    body = [P0, line, P2]
    plain = line.replace("12,500", "12500").replace("1,250,000", "1250000")
    result = dedupe(doc(*body, P0, plain, P2))
    assert result.text == doc(*body)
    assert {d.index: d.kind for d in result.duplicates} == {3: "exact", 4: "exact", 5: "exact"}
    with Deduplicator() as index:
        index.dedupe(doc(*body), doc_id="first")
        again = index.check(plain)
        assert [(d.doc_id, d.kind) for d in again.duplicates] == [("first", "exact")]
    decimal = "Prices rose 3,5 percent in March, the statistics office said on Friday morning."
    assert find_duplicates([P0, decimal, decimal.replace("3,5", "35")]) == ()


def test_table_row_with_other_figures_before_a_repeated_legend_is_kept() -> None:
    # Two weekly plans with the same layout and legend. The legend's repeat goes; the second
    # plan's first row differs from the first plan's in its figures only, and the legend two
    # lines below lines up with the first legend: that is no copy with a corrected number,
    # for the lines right beside the row (its heading, the next row) repeat nothing.
    def plan(phase: str, start: str, end: str) -> list[str]:
        days = "Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday"
        return [
            f"{phase} phase: a typical week",
            f"{days}\nStart: {start}",
            f"End: {end}",
            "easy = the pace at which you can still hold a conversation with a friend",
            "fast = the pace you could keep for about an hour in a ten-kilometre race",
        ]

    first = plan(
        "two",
        "Rest | 5 miles easy | 4 miles fast | Rest | 4 miles easy | Rest | 7 miles easy",
        "Rest | 5 km easy | 5 miles fast | Rest | 5 miles easy",
    )
    second = plan(
        "three",
        "Rest | 6 miles easy | 5 miles fast | Rest | 5 miles easy | Rest | 9 miles easy",
        "Rest | 8 miles easy | 7 miles fast | Rest | 12 miles hilly",
    )
    result = dedupe(doc(*first, *second))
    assert [(d.index, d.original) for d in result.duplicates] == [(8, 3), (9, 4)]


def test_to_dict_is_json_serialisable() -> None:
    result = dedupe(doc(*ARTICLE, "Advertisement", *ARTICLE[:3]))
    data = json.loads(json.dumps(result.to_dict()))
    assert data["text"] == result.text
    assert data["kept"] == list(result.kept)
    assert [d["index"] for d in data["duplicates"]] == list(result.removed)
    assert {d["kind"] for d in data["duplicates"]} == {"exact", "boilerplate"}


def test_bytes_input() -> None:
    text = doc(*ARTICLE, *ARTICLE)
    assert dedupe(text.encode("utf-8")).text == doc(*ARTICLE)


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["a paragraph"], {"text": "x"}])
def test_bad_input_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str or bytes"):
        dedupe(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str or bytes"):
        dedupe(bad, clean=False)  # type: ignore[arg-type]


def test_find_duplicates_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        find_duplicates([P0, 42])  # type: ignore[list-item]


def test_unknown_option_raises_type_error() -> None:
    with pytest.raises(TypeError, match="did you mean 'threshold'"):
        dedupe(P0, treshold=0.8)
    with pytest.raises(TypeError):
        find_duplicates([P0], colour="red")


def test_empty_and_blank_documents() -> None:
    for text in ("", "   ", "\n\n\n"):
        result = dedupe(text)
        assert result.paragraphs == ()
        assert result.duplicates == ()
    assert find_duplicates([]) == ()


def test_a_short_lede_or_title_behind_a_wire_dateline_is_a_copy() -> None:
    # The copy opens with a dateline: two words that a ten-word lede or title cannot carry as a
    # small edit, nor containment leave over. What follows it is the original, as it stands or
    # with a typo. Without a place or an agency ("Today — "), a dash is no dateline.
    title = "Council approves plan to rebuild the Old Harbour bridge"
    lede = "The harbour board approved the new ferry timetable on Monday evening."
    for first, copy, word_for_word in [
        (title, "LONDON (Reuters) - " + title, True),
        (lede, "OSLO (Reuters) - " + lede.replace("timetable", "timetabel"), False),
    ]:
        result = dedupe(doc(first, P1, P2, P3, copy, P1, P2, P3))
        assert removed(result) == {
            4: (0, "near"),
            5: (1, "exact"),
            6: (2, "exact"),
            7: (3, "exact"),
        }
        assert "behind a dateline" in result.duplicates[0].rule
        assert (result.duplicates[0].similarity == 1.0) == word_for_word
    assert dedupe(doc(title, P1, P2, P3, "Today — " + title, P4)).duplicates == ()


def test_a_copy_numbered_as_a_list_goes_and_a_numbered_heading_stays() -> None:
    # A converter to Markdown numbers a list's items, "3. ...": in front of a long item that
    # ends like a sentence the number is the list's, and the copy goes.
    numbered = [f"{n}. {p}" for n, p in enumerate(ARTICLE, 1)]
    result = dedupe(doc(*ARTICLE, "Key points", numbered[0], numbered[2]))
    assert removed(result) == {5: (None, "boilerplate"), 6: (0, "near"), 7: (2, "near")}
    result = dedupe(doc(P0, P1, "Advertisement", numbered[0], P4))  # (alone, in no run)
    assert removed(result) == {2: (None, "boilerplate"), 3: (0, "near")}
    # Before the body, under a label, the body keeps its paragraph and the box's item goes.
    result = dedupe(doc("Key points", P2, P0, P1, numbered[2], P3))
    assert removed(result) == {0: (None, "boilerplate"), 1: (4, "near")}
    # A numbered heading after a table of contents' entry is a section of its own: it stays.
    entry = "How the council chose the design for the new Old Harbour bridge"
    result = dedupe(doc("Contents", entry, "Costs", P0, f"2. {entry}", P1))
    assert result.duplicates == ()


def test_an_agency_in_brackets_alone_is_a_dateline() -> None:
    # "(CNN) — " opens a lede as "WASHINGTON (AP) — " does: a copy of the body that puts it in
    # front of an edited lede loses the lede with the rest. A score in brackets is no agency.
    edited = P0.replace("dispute", "row")
    for dateline in ("(AP) — ", "(CNN) — ", "(Reuters) - "):
        result = dedupe(doc(*ARTICLE, dateline + edited, P1, P2, P3, P4))
        assert removed(result) == {
            5: (0, "contained"),
            **{k: (k - 5, "exact") for k in range(6, 10)},
        }
        assert result.text == doc(*ARTICLE)
    assert removed(dedupe(doc(*ARTICLE, "(12-4) — " + edited, P1, P2))).keys() == {6, 7}


def test_a_speaker_or_a_score_before_a_dash_is_no_dateline() -> None:
    # A name with a party, or a team with its record, before a dash: other statements.
    said = "We will vote for this bill because it helps working families across the state."
    result = dedupe(
        doc(f"Sen. Maria Lopez (D-Calif.) - {said}", P0, f"Sen. John Reed (R-Texas) - {said}")
    )
    assert result.duplicates == ()
    won = "Beat the Lakers on Sunday night to extend their winning streak to five games."
    assert dedupe(doc(f"Boston (12-4) - {won}", P0, f"Chicago (10-6) - {won}")).duplicates == ()


def test_a_lede_behind_another_wire_dateline_is_a_copy() -> None:
    # Two outlets' datelines, each of five words: the lede behind them is the same text.
    lede = (
        "The harbour board approved the new ferry timetable on Monday evening after a long debate."
    )
    first = "SAN FRANCISCO, Dec. 3 (Reuters) - " + lede
    copy = "NEW YORK (Harbour Gazette Wire) — " + lede
    result = dedupe(doc(first, P1, P2, copy, P3))  # (alone: in no repeated run)
    assert removed(result) == {3: (0, "near")}
    assert "behind a dateline" in result.duplicates[0].rule
    with textclean.Deduplicator() as dd:
        dd.dedupe(doc(first, P1, P2), doc_id="wire")
        again = dd.dedupe(doc(copy, P1, P2), doc_id="outlet")
    assert [(d.index, d.kind, d.doc_id) for d in again.duplicates] == [
        (0, "near", "wire"), (1, "exact", "wire"), (2, "exact", "wire"),
    ]  # fmt: skip


def test_the_first_half_of_a_split_lede_behind_a_dateline_is_a_copy() -> None:
    # An outlet's copy puts its dateline in front of the lede and splits it at a sentence end:
    # the first half, the dateline left out, opens the original lede.
    first, second = P2.split(". ", 1)
    copy = doc(f"VESTHAVN (Harbour Wire) — {first}.", second, P3, P4)
    with textclean.Deduplicator() as dd:
        dd.dedupe(doc(P2, P3, P4), doc_id="wire")
        result = dd.dedupe(copy, doc_id="outlet")
    assert result.kept == ()
    assert (result.duplicates[0].kind, result.duplicates[0].doc_id) == ("contained", "wire")
    assert "behind a dateline" in result.duplicates[0].rule
    # So inside one document.
    assert set(removed(dedupe(doc(P2, P3, P4, copy)))) == {3, 4, 5, 6}


def test_a_merged_copy_of_a_lede_behind_a_wire_dateline_goes() -> None:
    # The copy runs the lede into the next paragraph and leaves the dateline out: its words
    # start where the lede's sentence starts, past the dateline's words.
    for dateline in ("WASHINGTON (AP) — ", "NEW YORK (AP) — ", "LONDON (Reuters) - "):
        result = dedupe(doc(dateline + P2, P3, P4, f"{P2} {P3}"))
        found = [(d.index, d.kind, d.originals) for d in result.duplicates]
        assert found == [(3, "contained", (0, 1))], dateline


def test_a_list_after_a_merged_copy_of_it_goes_line_by_line() -> None:
    # A copy that runs the body's paragraphs together two by two comes first. The body's list
    # items are too short to share a key with the copy's lines that hold them, but they go on
    # where the copy of the paragraph before them ends.
    items = [
        "Oak shelves",
        "Paper lanterns",
        "Stone bench",
        "Wall hooks",
        "Herb planter",
        "Tool rack",
    ]
    body = [P2, f"{P4[:-1]}: a pipe bookshelf.", *items, P3]
    copy = [" ".join(body[k : k + 2]) for k in range(0, len(body), 2)]
    result = dedupe(doc(*copy, *body))
    assert result.kept == tuple(range(len(copy)))
    assert {d.index: d.originals for d in result.duplicates if d.index > 6} == {
        7: (1,),
        8: (1,),
        9: (2,),
        10: (2,),
        11: (3,),
        12: (3,),
        13: (4,),
    }
    # Not from a line that only starts like the copy's next one: there the walk does not start
    # (and no copy after the lines anchors them from behind).
    other = ["Oak shelves and cabinets were sold at the fair on Saturday", *items[1:]]
    assert dedupe(doc(*copy, *body[:2], *other, P1)).kept[len(copy) :] == (7, 8, 9, 10, 11, 12, 13)
    # Past a near copy that ends a line of the copy (the heading before it runs in there), and
    # past lines that went already as repeats of an earlier section's.
    body = ["1. Harbour", P2, *items, "2. Bridge", P4, *items[:4], P3]
    copy = [" ".join(body[k : k + 2]) for k in range(0, len(body), 2)]
    assert dedupe(doc(*copy, *body)).kept == tuple(range(len(copy)))


def test_a_score_table_after_a_merged_copy_goes_from_its_headings_second_place() -> None:
    # The page names the section in its contents before the section itself, so the heading's
    # copies went as repeats of the contents line; the walk goes on from the section's place.
    # The score lines the copy left as they were go once the walk finds a line of the copy
    # made of two of them.
    heading = "Cedar standing desk: the best desk overall for most home offices"
    table = ["Overall score", "4.7/5", "Price", "4.3/5", "Build", "5/5", "Support", "3.9/5"]
    body = [heading, P2, heading, *table, P3]
    copy = [heading, P2, heading, *table[:2], *(" ".join(table[k : k + 2]) for k in (2, 4, 6)), P3]
    result = dedupe(doc(*copy, *body))
    assert result.kept == (0, 1, *range(3, len(copy)))
    assert {d.index: d.originals for d in result.duplicates if 12 <= d.index <= 19} == {
        12: (3,),
        13: (4,),
        14: (5,),
        15: (5,),
        16: (6,),
        17: (6,),
        18: (7,),
        19: (7,),
    }
    # Three products' lists that share a line and the lines after it are no copy: with no line
    # made of two of them, the third list's lines that follow the line the second has too stay.
    lock = "Large range with infinite position lock"
    pros = [
        [P0, "Pros:", "Keyboard lowers below desk", lock, "High build quality", "Cons:", "Bounce"],
        [P1, "Pros:", lock, "Dual ergonomics", "Strong warranty", "Cons:", "Small keyboard space"],
        [P2, "Pros:", "Easy to set", lock, "Dual ergonomics", "Strong warranty", "Cons:", "Slow"],
    ]
    result = dedupe(doc(*pros[0], *pros[1], *pros[2], P3))
    assert [d.index for d in result.duplicates] == [9, 17]


def test_a_list_after_a_copy_that_split_the_paragraph_before_it_goes() -> None:
    # The copy splits the body's paragraph before a list in two and runs the list's items
    # together two by two: the walk goes on from the end of the paragraph's second part.
    first, second = P2.split(". ", 1)
    items = ["Oak shelves", "Paper lanterns", "Stone bench", "Wall hooks"]
    copy = [P0, f"{first}.", second, "Oak shelves Paper lanterns", "Stone bench Wall hooks", P3]
    body = [P0, P2, *items, P3]
    result = dedupe(doc(*copy, *body))
    assert result.kept == tuple(range(len(copy)))
    assert {d.index: d.originals for d in result.duplicates if 8 <= d.index <= 11} == {
        8: (3,),
        9: (3,),
        10: (4,),
        11: (4,),
    }


def test_a_highlights_box_held_by_a_later_copy_leaves_nothing_for_a_second_run() -> None:
    # The page's body as one paragraph of HTML after the visible body, with a paragraph the
    # visible body lacks: that copy stays, and the box's items go as held in it. With them
    # gone, the visible paragraphs are no longer "mostly earlier text" of it, and go too, in
    # the first run as a second run would.
    intro = [
        "Harbour towns have relied on ferries for centuries, and the bridge debate has divided "
        "the council for years. From traffic plans to shipping lanes, every option has been "
        "argued over in public meetings.",
        "Unlike many infrastructure projects, the new bridge is funded by the port, the city and "
        "a regional grant, and it can be built without closing the harbour to ships.",
    ]
    items = [
        "- The council approved a €12 million plan to rebuild the Old Harbour bridge.",
        "- Work starts in March and takes about eighteen months.",
        "- Ferries will run every twenty minutes between the two quays meanwhile.",
        "- Opposition members asked for an audit of the contract first.",
        "- A temporary footbridge will be built next to the old one.",
    ]
    body = [*intro, "Key points", *items, "What happens next?", P0, P2, P3]
    markup = "".join(f'<p class="story-text">{p}</p>' for p in [*body[:-2], P4, *body[-2:]])
    page = doc("Harbour bridge: a guide", *body, f'<div class="entry-content">{markup}</div>')
    once = dedupe(page)
    assert dedupe(once.text).duplicates == ()
    assert "opened in 1934" in once.text


def test_rota_rows_that_take_turns_between_three_templates_stay() -> None:
    # Opening hours over a holiday: each row follows one of three templates in turn, so a row
    # replaces the words of the row three above it one for one, like an edited copy; but a
    # third row of the same template is no copy of a page: all of them are listings.
    hours = [
        "open from 8am to noon on both days. Bring your prescription with you.",
        "closed on Saturday and open on Sunday afternoon only. Ring first to ask about stock.",
        "closed for the whole weekend. The nearest open branch is named on the door.",
    ]
    places = [
        "Mill Lane Chemist, Dunmore",
        "Harbour Road Clinic, Kilbeg",
        "Castle Hill Chemist, Ardlow",
        "Orchard Way Clinic, Dunmore",
        "Market Square Chemist, Rathfin",
        "Bridge End Clinic, Ardlow",
        "Abbey Street Chemist, Kilbeg",
        "Quay Street Clinic, Rathfin",
        "Fairgreen Chemist, Dunmore",
    ]
    rows = [f"{place}: {hours[n % 3]}" for n, place in enumerate(places)]
    text = doc("Chemists and clinics open over the holiday weekend", *rows)
    result = dedupe(text)
    assert result.duplicates == ()
    assert dedupe(result.text).duplicates == ()
    # Two rows a template: the second three name other places, which no edited copy does.
    assert dedupe(doc("Open over the holiday", *rows[:6])).duplicates == ()


def test_a_sentence_printed_over_and_over_around_a_pull_quote_goes_once() -> None:
    # Found by the property tests (against a turn since reverted): a pull quote contained in a
    # later paragraph makes the run of repeated sentences around it look like an older copy
    # before the body. The output holds the sentence once, and says it once again; no removal
    # is of a paragraph -1 (the end of the document seen from its start).
    said = "The council approved the budget on Tuesday after a long debate."
    quote = "““We have listened to residents,” the mayor said” — the mayor"
    whole = "“We have listened to residents,” the mayor said."
    for page in (
        [said, said, said, quote, said, said, whole, said],
        [said, quote, said, said, whole, said],
        [said, said, said, quote, said, said, said, whole, said, said],
        [said] * 3 + [quote] + [said] * 4 + [whole] + [said] * 4 + [f"{whole} {said}", said],
    ):
        result = dedupe(doc(*page))
        assert_accounted(result)
        assert result.text.count(said) == 1
        assert whole in result.text
        assert dedupe(result.text).duplicates == ()
        assert all(0 <= d.index < len(result.paragraphs) for d in result.duplicates)


def test_a_line_kept_in_place_of_the_copys_is_tried_for_containment_at_once() -> None:
    # Found by the property tests: a line with a typo, two sentences twice each, then a
    # paragraph that runs them together. Turning the run round kept the later copy of the line
    # in place of the first, but that copy stands in the paragraph after it too, which a second
    # run saw. Now the line kept so is tried for containment in other paragraphs at once.
    typo = "Ferries will run every 20 minutes while teh bridge is closed."
    ferries = typo.replace("teh", "the")
    said = "The council approved the budget on Tuesday after a long debate."
    merged = f"{said} {said} {ferries} {ferries} {said}"
    result = dedupe(doc(typo, said, said, ferries, ferries, merged, said))
    assert_accounted(result)
    assert result.kept == (5,)
    assert dedupe(result.text).duplicates == ()
    # ... and in earlier ones: a pull quote of two sentences, a paragraph that holds them six
    # times over, then the two sentences thrice.
    twice = f"{said} {said}"
    quote = f"“{twice[:-1]}” — the mayor"
    long = f"{ferries} {' '.join([said] * 6)}"
    result = dedupe(doc(ferries, quote, ferries, long, twice, twice, twice))
    assert_accounted(result)
    assert result.kept == (3,)
    assert dedupe(result.text).duplicates == ()


# Sentences of a council report, for a line that repeats itself.
REPORT = [
    "The council approved the budget for the coming year on Tuesday after a long debate.",
    "Most of the new money will go to repairing roads and bridges damaged in the floods.",
    "Opposition members said the plan did too little for the buses serving outlying villages.",
    "The mayor promised a separate review of rural transport before the end of the summer.",
    "A public meeting on the detour for cyclists will be held at the town hall next week.",
    "Work on the first of the bridges is due to start in March and last about a year.",
    "The council meets again on Thursday to set the rates for parking in the town centre.",
]


def test_parts_of_a_line_run_together_again_are_matched_as_the_output_reads_them() -> None:
    # As the property tests found (seed 81): a line that repeats itself is split by the
    # segmenter (its text before the copy, a paragraph a sentence, then the rest, longer than
    # the copy); the copy's sentences go, and the two parts kept on either side of them stand
    # on one line again in the output, where they read as one paragraph holding an earlier
    # paragraph (sentences of both parts, which neither part holds alone). It goes as that
    # output paragraph's copy, so a second run finds nothing more.
    earlier = " ".join(REPORT[1:4])
    line = " ".join([*REPORT[:3], *REPORT])
    text = doc(earlier, line)
    result = dedupe(text)
    assert_accounted(result)
    first, rest = result.kept  # (the line's text before its copy, and after it)
    assert result.paragraphs[first].text == " ".join(REPORT[:3])
    assert result.paragraphs[rest].text == " ".join(REPORT[3:])
    assert result.text == " ".join(REPORT)
    assert removed(result)[0] == (first, "contained")
    assert "as the output reads" in result.duplicates[0].rule
    assert {d.original for d in result.duplicates} == {first}
    assert dedupe(result.text).duplicates == ()
    with Deduplicator() as dd:
        assert dd.dedupe(text).duplicates == result.duplicates


@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_body_hard_wrapped_twice_in_one_block_comes_back_once(width: int) -> None:
    # A text browser's rendering of a page that holds its body twice, with no blank line
    # anywhere in it: one wrapped block that repeats itself, line for line. The copy goes.
    block = textwrap.fill(" ".join(ARTICLE), width)
    result = dedupe(f"Bridge plan approved\n\n{block}\n{block}")
    assert_accounted(result)
    assert result.text == f"Bridge plan approved\n\n{block}"
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("width", [50, 60, 80])
def test_a_body_twice_in_one_wrapped_block_comes_back_once_wherever_its_lines_break(
    width: int,
) -> None:
    # The body and its copy run together, then hard-wrapped as one block: the copy starts
    # inside a line and its lines break elsewhere than the body's. Its sentences go all the same
    # (they are compared white space aside), and the body stays as it was wrapped.
    block = textwrap.fill(" ".join(ARTICLE + ARTICLE), width)
    result = dedupe(f"Bridge plan approved\n\n{block}")
    assert_accounted(result)
    assert result.text.split() == ["Bridge", "plan", "approved", *" ".join(ARTICLE).split()]
    assert result.text == f"Bridge plan approved\n\n{block}"[: len(result.text)]
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("width", [44, 60, 72])
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_copy_quoted_line_by_line_goes_at_any_width(width: int, sep: str) -> None:
    # The body, then a copy quoted as Markdown or e-mail quote it: wrapped, with "> " in front
    # of every line (a line a paragraph). Narrow lines are shorter than a heading, and share
    # no key with the paragraph they come from; they go as the lines of a wrapped copy do, the
    # quote marks aside.
    lines = textwrap.wrap(" ".join(ARTICLE), width - 2)
    result = dedupe(doc(*ARTICLE) + "\n\n" + sep.join(f"> {line}" for line in lines))
    assert_accounted(result)
    assert result.text == doc(*ARTICLE)
    assert dedupe(result.text).duplicates == ()


def test_a_later_line_kept_in_place_of_a_copy_is_tried_behind_its_dateline_at_once() -> None:
    # Found by the property tests (seed 86): a sentence twice, the sentence with "Line 4" run
    # into it, a paragraph that opens with that line twice and says the sentence eight times
    # more, then the line again behind a wire service's dateline. The line went as a copy of
    # the later one, which stayed in its place (a run turned round), and shares no key with
    # the long paragraph (the dateline makes its first sentence another); a second run found
    # its words open that paragraph. Now a line kept so is tried behind its dateline at once.
    said = "The council approved the budget on Tuesday after a long debate."
    line = f"{said} Line 4"
    ferries = "Ferries will run every 20 minutes while the bridge is closed."
    long = " ".join([line, line, *[said] * 6, ferries, said, said])
    result = dedupe(doc(f"{said} {said}", line, long, f"WASHINGTON (AP) — {line}"))
    assert_accounted(result)
    assert result.kept == (2,)
    assert removed(result)[3] == (2, "contained")
    assert "behind a dateline" in result.duplicates[-1].rule
    assert dedupe(result.text).duplicates == ()


def test_a_copy_merging_paragraphs_with_a_corrected_figure_goes() -> None:
    # The whole body run into one paragraph (or two) after it, the vote's count corrected: a
    # paragraph drawn from several long ones in order is a run of copies itself, and a figure
    # corrected in it is an edit, as inside a run of copies around it.
    fixed = P1.replace("31 votes to 14", "32 votes to 13")
    for copy in ([" ".join([P0, fixed, P2, P3, P4])], [" ".join([P0, fixed, P2]), f"{P3} {P4}"]):
        result = dedupe(doc(*ARTICLE, *copy))
        assert result.text == doc(*ARTICLE)
        assert {d.index: d.kind for d in result.duplicates} == dict.fromkeys(
            range(5, 5 + len(copy)), "contained"
        )


def test_a_paragraph_with_a_changed_figure_beside_a_heading_run_into_it_stays() -> None:
    # One long paragraph and a heading before it, with another figure: no merged copy of two
    # paragraphs (a heading is no run of copies), and a changed figure says something else.
    heading = "The vote"
    changed = P1.replace("31 votes to 14", "29 votes to 16")
    result = dedupe(doc(*ARTICLE[:1], heading, *ARTICLE[1:], "Background", f"{heading} {changed}"))
    assert 7 in result.kept


def test_a_merged_copy_runs_two_short_lines_of_its_original_into_a_paragraph() -> None:
    # A review's verdict, a link line and the next section's numbered heading, printed again
    # as one paragraph with a typo fixed: the short lines share no key with it, and the window
    # of paragraphs it is judged against reaches past the first of them to the second.
    verdict = (
        "Squarespace suits a brand that is part storefront, part content hub and part service "
        "business, and creators who want design polish without technical work."
    )
    lines = [P0, verdict, "Every template comes with a free trial", "3. BigCommerce", P2]
    copy = verdict.replace("content", "cotnent") + " " + " ".join(lines[2:4])
    result = dedupe(doc(*lines, copy, P2))
    assert result.text == doc(*lines)
    assert removed(result)[5] == (1, "contained")
    assert {d.index: d.originals for d in result.duplicates}[5] == (1, 2, 3)


def test_a_merged_copy_of_a_heading_its_contents_entry_brought_back_goes() -> None:
    # Headings of six words or more go at once as repeats of a table of contents' entries, and
    # come back when the list goes (last of all): a copy that ran a heading into its
    # paragraph, edited, was tried against the paragraph alone, and stands in the heading and
    # it now.
    headings = [
        "Why the council chose this bridge design",
        "What the work on the bridge will cost",
        "How the ferries will run during the work",
        "When the old bridge will reopen to cars",
    ]
    body = [text for pair in zip(headings, [P0, P2, P3, P4], strict=True) for text in pair]
    edited = P2.replace("ferries", "ferires").replace(" and a ", " & a ")
    copy = [f"{headings[1]} {edited}", f"{headings[2]} {P3}"]
    result = dedupe(doc(*headings, *body, *copy))
    assert result.text == doc(*body)
    assert dedupe(result.text).duplicates == ()


def test_the_lines_a_joined_page_repeats_after_its_marker_go() -> None:
    # A scraper joined an article's pages: each page opens with the last lines of the one
    # before, under its marker. The marker goes as a boilerplate line, and the short lines
    # repeated right after their originals go as a run of repeats.
    lines = [P0, "Best budget pick", "Acme One", "Best premium pick", "Acme Pro"]
    result = dedupe(doc(*lines, "Page 2 of 2", "Best premium pick", "Acme Pro", P1, P2))
    assert result.text == doc(*lines, P1, P2)
    assert removed(result) == {5: (None, "boilerplate"), 6: (3, "exact"), 7: (4, "exact")}


def _broken(paragraph: str, width: int = 60) -> str:
    """``paragraph`` as print wraps it: lines of ``width`` characters at most, a word that
    would pass the width broken with a hyphen after its first half."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            if len(word) >= 6 and word.rstrip(".,”’").isalpha():
                half = len(word) // 2
                lines.append(f"{line} {word[:half]}-")
                line = word[half:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def test_a_copy_printed_first_with_broken_words_gives_way_to_the_body() -> None:
    # A print copy, its words broken at the lines' ends ("tempo-\nrary"), stands before the
    # body: both have the same canonical text, and the body that reads whole stays.
    copy = [_broken(p) for p in ARTICLE]
    assert sum("-\n" in p for p in copy) >= 2  # (the test's own premise)
    result = dedupe(doc("Council backs harbour bridge", *copy, *ARTICLE))
    assert result.text == doc("Council backs harbour bridge", *ARTICLE)
    n = len(ARTICLE)
    assert {k: removed(result)[k] for k in range(1, n + 1)} == {
        k: (k + n, "exact") for k in range(1, n + 1)
    }
    assert dedupe(result.text).duplicates == ()
    # So does a copy whose curly quotes a decoder could not read; after the body, it goes.
    lost = [p.replace("’", "\ufffd").replace("“", "\ufffd").replace("”", "\ufffd") for p in ARTICLE]
    assert dedupe(doc(*lost, *ARTICLE)).text == doc(*ARTICLE)
    assert dedupe(doc(*ARTICLE, *copy)).text == doc(*ARTICLE)


def _marked_links(paragraph: str, k: int) -> str:
    """``paragraph`` as a print copy prints its links: the address after every tenth word, in
    angle brackets, square brackets or parentheses, or a numbered note's mark ("plan[3]")."""
    words = paragraph.split(" ")
    for n in range(5, len(words), 10):
        slug = re.sub(r"\W+", "-", words[n].lower()).strip("-")
        marks = (f" <https://example.org/news/{slug}>", f" [https://example.org/{slug}]",
                 f" (https://example.org/2026/{slug})", f"[{n}]")  # fmt: skip
        words[n] += marks[(k + n) % 4]
    return " ".join(words)


def test_a_print_copy_with_its_links_marked_first_gives_way_to_the_body() -> None:
    # A print copy prints each link's address after its words ("plan <https://...>"), or a
    # numbered note's mark ("plan[3]"), and stands before the body: its paragraphs are near
    # copies of the body's, addresses aside, or hold them. The body, which reads without the
    # marks, stays.
    title = "Council backs harbour bridge"
    copy = [_marked_links(p, k) for k, p in enumerate(ARTICLE)]
    assert all(c != p for c, p in zip(copy, ARTICLE, strict=True))  # (the test's own premise)
    # (its footer, "Source URL: https://...", goes as a boilerplate line)
    result = dedupe(doc(title, *copy, "Source URL: https://example.org/news/4471", *ARTICLE))
    assert result.text == doc(title, *ARTICLE)
    n = len(ARTICLE)
    assert {k: removed(result)[k][0] for k in range(1, n + 1)} == {
        k: n + 1 + k for k in range(1, n + 1)
    }
    turned = [d for d in result.duplicates if d.kind != "boilerplate"]
    assert [d.index for d in turned] == list(range(1, n + 1))
    assert all(d.rule.endswith("(the later copy reads whole)") for d in turned)
    assert dedupe(result.text).duplicates == ()
    # After the body, the copy goes; the body's own links in the text are no print copy's
    # marks when the copy after it prints them too.
    assert dedupe(doc(title, *ARTICLE, *copy)).text == doc(title, *ARTICLE)
    assert dedupe(doc(title, *copy, *copy)).text == doc(title, *copy)


def test_a_damaged_copy_stays_where_its_repeat_would_stand_inside_a_longer_paragraph() -> None:
    # The repeats that would stay in place of a marked copy's paragraphs stand after a kept
    # paragraph that holds them (a merged copy of the page): kept after it, a second run
    # would remove them as contained in it. The marked copy stays first, as any first copy.
    marked = "[The council](https://example.com/council) approved the budget after a debate."
    plain = "The council approved the budget after a debate."
    ferries = "Ferries will run every twenty minutes while the old bridge stays closed."
    first, second = f"{marked} {plain}", f"{marked} {ferries}"
    merged = f"{first} {second} Work starts in March and takes about eighteen months."
    page = doc(first, second, merged, f"{plain} {plain}", f"{plain} {ferries}")
    result = dedupe(page)
    assert result.kept == (0, 1, 2)
    assert dedupe(result.text).duplicates == ()
    # So it does where the longer paragraph comes after the repeat (a second run would take
    # the repeat as its teaser; found by the property tests).
    vote = "The council approved the budget on Tuesday after a long debate."
    linked = vote.replace("The", "[The](https://example.com/a_(b))", 1)
    closed = "Ferries will run every 20 minutes while the bridge is closed."
    twice = f"{vote} {vote}"
    page = doc(f"{linked} {vote}", f"{vote}…", f"{linked} {closed}", twice, f"{twice} {twice}",
               twice, twice, twice, twice, f"{vote} {closed}")  # fmt: skip
    result = dedupe(page)
    assert result.kept == (0, 2, 4)
    assert dedupe(result.text).duplicates == ()
    # Without the longer paragraph, the copy gives way to the plain repeats.
    result = dedupe(doc(first, second, f"{plain} {plain}", f"{plain} {ferries}"))
    assert result.kept == (2, 3)


def test_a_script_read_aloud_with_figures_in_words_first_gives_way_to_the_body() -> None:
    # A script for reading the story aloud, before the body, writes some figures in words
    # ("eighteen months", "six lanes"): near copies of the body's paragraphs, which write them
    # in digits. The body, as the page prints it, stays.
    spoken = {"18 months": "eighteen months", "20 minutes": "twenty minutes",
              "6 lanes": "six lanes"}  # fmt: skip
    more = paragraphs(84, 4)
    more[1] += " The new bridge will carry 6 lanes."
    body = [P0, more[0], P1, more[1], P2, more[2], P3, more[3], P4]
    script = []
    for p in body:
        for digits, words in spoken.items():
            p = p.replace(digits, words)
        script.append(p)
    assert sum(c != p for c, p in zip(script, body, strict=True)) == 2  # (the premise)
    title = "Council backs harbour bridge"
    result = dedupe(doc(title, "Listen to this story", *script, *body))
    assert result.text == doc(title, *body)
    assert dedupe(result.text).duplicates == ()
    # After the body, the script goes as its copy.
    assert dedupe(doc(title, *body, *script)).text == doc(title, *body)


def _search_index(paragraph: str) -> str:
    """A search index's copy of a paragraph: lower case, no apostrophe inside a word, any
    other mark a space."""
    flat = re.sub(r"(?<=\w)['’](?=\w)", "", paragraph.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", flat).split())


def test_a_copy_printed_first_in_lower_case_gives_way_to_the_body() -> None:
    # A search index's copy of the body, in lower case, stands before the body: the canonical
    # form folds case, so each of its paragraphs is the body's (or near it, where an apostrophe
    # went: "councils"), and the body, which reads whole, stays.
    copy = [_search_index(p) for p in ARTICLE]
    result = dedupe(doc("Council backs harbour bridge", *copy, *ARTICLE))
    assert result.text == doc("Council backs harbour bridge", *ARTICLE)
    n = len(ARTICLE)
    assert {k: removed(result)[k][0] for k in range(1, n + 1)} == {
        k: n + k for k in range(1, n + 1)
    }
    assert {d.kind for d in result.duplicates} == {"exact", "near"}
    assert all(d.rule.endswith("(the later copy reads whole)") for d in result.duplicates)
    assert dedupe(result.text).duplicates == ()
    # A paragraph the page prints a third time goes as a repeat of the body's.
    again = dedupe(doc("Council backs harbour bridge", *copy, *ARTICLE, P1))
    assert again.text == result.text
    assert removed(again)[2 * n + 1] == (n + 2, "exact")
    # After the body, the copy goes; one line in lower case before its repeat is no copy.
    assert dedupe(doc(*ARTICLE, *copy)).text == doc(*ARTICLE)
    assert dedupe(doc(copy[0], *ARTICLE)).text == doc(copy[0], *ARTICLE[1:])


def test_a_copy_printed_first_with_misspellings_gives_way_to_the_body() -> None:
    # An e-paper copy read by OCR stands before the body: a common word misspelt once in each
    # paragraph ("tbe" for "the"), each a near copy of the body's. The body, spelt as the rest
    # of the page spells, stays.
    typos = ["tbe", "thc", "tne", "fhe", "ihe"]
    copy = [
        re.sub(r"\bthe\b", typo, p, count=1, flags=re.IGNORECASE)
        for p, typo in zip(ARTICLE, typos, strict=True)
    ]
    assert all(c != p for c, p in zip(copy, ARTICLE, strict=True))  # (the test's own premise)
    result = dedupe(doc(*copy, *ARTICLE))
    assert result.text == doc(*ARTICLE)
    n = len(ARTICLE)
    assert removed(result) == {k: (n + k, "near") for k in range(n)}
    assert dedupe(result.text).duplicates == ()
    # After the body, the copy goes; a copy first that rewords ("stated" for "said") or
    # corrects a figure (a word of its own, no misspelling) stays first.
    assert dedupe(doc(*ARTICLE, *copy)).text == doc(*ARTICLE)
    words = [("approved", "backed"), ("said", "stated"), ("Work", "Building"), ("argued", "said"),
             ("found", "discovered")]  # fmt: skip
    reworded = [p.replace(a, b, 1) for p, (a, b) in zip(ARTICLE, words, strict=True)]
    assert dedupe(doc(*reworded, *ARTICLE)).text == doc(*reworded)


def test_a_copy_that_glues_the_body_together_before_it_gives_way_to_the_body() -> None:
    # A copy taken as textContent: the body's paragraphs glued with nothing between them
    # ("...years.“We have"), before the body. Each body paragraph is contained in it; the body,
    # which keeps its breaks, stays, and the glued copy goes as contained in it.
    title = "Council backs harbour bridge"
    result = dedupe(doc(title, "".join(ARTICLE), *ARTICLE))
    assert result.text == doc(title, *ARTICLE)
    (dup,) = result.duplicates
    assert (dup.index, dup.kind, dup.originals) == (1, "contained", (2, 3, 4, 5, 6))
    assert dup.rule == "its words are paragraphs 2 to 6 glued together"
    assert dedupe(result.text).duplicates == ()
    # Broken into lines (inside a paragraph, or where one ends), the copy goes line by line,
    # each contained in the paragraphs it holds some of.
    glued = "".join(ARTICLE)
    for lines in ([glued[:300], glued[300:]], ["".join(ARTICLE[:2]), P2, "".join(ARTICLE[3:])]):
        result = dedupe(doc(title, *lines, *ARTICLE))
        assert result.text == doc(title, *ARTICLE)
        assert [d.index for d in result.duplicates] == list(range(1, len(lines) + 1))
        n = len(lines) + 1
        assert result.duplicates[0].originals == (n, n + 1)  # (the first line ends in P1)
        assert dedupe(result.text).duplicates == ()
    # With spaces at the joins nothing is fused: the first copy stays, as does a body
    # paragraph whose sentences a later copy prints one a line.
    assert dedupe(doc(title, " ".join(ARTICLE), *ARTICLE)).text == doc(title, " ".join(ARTICLE))
    lines = [s for p in ARTICLE for s in _generate.sentences(p)]
    assert dedupe(doc(title, *ARTICLE, *lines)).text == doc(title, *ARTICLE)
    # Nor is a copy wrapped at a word's own hyphen ("long-" then "awaited") glued.
    body = [P0, "The long-awaited, much-debated, cross-party plan passed after a year-long fight."]
    wrapped = textwrap.wrap(body[1], 40)
    assert sum(line.endswith("-") for line in wrapped) >= 1  # (the test's own premise)
    assert dedupe(doc(title, *body, *wrapped)).text == doc(title, *body)


def test_a_copy_gluing_the_body_a_few_paragraphs_a_line_before_the_title_gives_way() -> None:
    # The same copy printed a few paragraphs a line, each line glued ("...years.“We have"), at
    # the top of the page: the title stands between it and the body. Each line goes as the
    # body's paragraphs it glues, and the body keeps its breaks.
    title = "Council backs harbour bridge"
    lines = ["".join(ARTICLE[:2]), "".join(ARTICLE[2:])]
    result = dedupe(doc(*lines, title, *ARTICLE))
    assert result.text == doc(title, *ARTICLE)
    assert [(d.index, d.originals) for d in result.duplicates] == [(0, (3, 4)), (1, (5, 6, 7))]
    assert result.duplicates[0].rule == "its words are paragraphs 3, 4 glued together"
    assert dedupe(result.text).duplicates == ()
    # A line that a later copy breaks inside a word (a print copy's web address cut where the
    # line ran out, ".../bri" then "dge-grants/2026") is no glued copy of the two: the body's
    # line stays.
    link = "Read the plan: https://example.org/harbour/bridge-grants/2026"
    cut = [link[:46], link[46:]]
    assert cut[1] == "dge-grants/2026"
    result = dedupe(doc(title, P0, link, P1, "Printed from example.org", P0, *cut, P1))
    assert 2 in result.kept
    assert all(d.index > 2 for d in result.duplicates)


def test_a_numbered_copy_between_a_gallerys_counters_goes_as_without_them() -> None:
    # A slideshow's copy of the body: each paragraph behind "Step N:", a counter ("2 of 5")
    # over each. The counters go as a gallery's; the copy's paragraphs go as a copy that adds
    # the same words to each, as they do with no counter between them, and a second run finds
    # nothing more.
    n = len(ARTICLE)
    steps = [f"Step {k}: {p}" for k, p in enumerate(ARTICLE, 1)]
    slides = [line for k, step in enumerate(steps, 1) for line in (f"{k} of {n}", step)]
    title = "Council backs harbour bridge"
    plain = dedupe(doc(title, *ARTICLE, "The bridge in five steps", *steps))
    assert plain.text == doc(title, *ARTICLE, "The bridge in five steps")
    result = dedupe(doc(title, *ARTICLE, "The bridge in five steps", *slides))
    assert result.text == plain.text
    counters = [d for d in result.duplicates if d.kind == "boilerplate"]
    assert [d.index for d in counters] == list(range(n + 2, 3 * n + 2, 2))
    copies = [d for d in result.duplicates if d.kind != "boilerplate"]
    assert [(d.index, d.original) for d in copies] == [(n + 1 + 2 * k, k) for k in range(1, n + 1)]
    assert dedupe(result.text).duplicates == ()


def _packed(sentences: list[str], width: int) -> list[str]:
    """``sentences`` packed into parts of ``width`` characters at most (a longer sentence
    alone), across the paragraph breaks they had, as a thread packs a story into posts."""
    parts = [sentences[0]]
    for sentence in sentences[1:]:
        if len(parts[-1]) + 1 + len(sentence) > width:
            parts.append(sentence)
        else:
            parts[-1] += " " + sentence
    return parts


def test_a_thread_that_numbers_its_posts_goes_as_parts_of_the_body() -> None:
    # A story re-posted as a thread after it: its sentences packed into posts across the
    # paragraph breaks and headings, each numbered ("3/7 ..."; the first behind a label,
    # "🧵 1/7"), or numbered at its end ("... (3/7)"). The counters are words no paragraph of
    # the body has, a tenth of a short post: taken off, each post is a part of the body.
    body = [P0, P1, "The timeline", P2, "What it costs", P3, P4]
    sentences = [s for p in body for s in _generate.sentences(p)]
    for width in (160, 300):
        posts = _packed(sentences, width)
        n = len(posts)
        assert sum(p not in body for p in posts) >= 3  # (posts break the paragraphs)
        for thread in (
            [f"{'🧵 ' if k == 1 else ''}{k}/{n} {post}" for k, post in enumerate(posts, 1)],
            [f"{post} ({k}/{n})" for k, post in enumerate(posts, 1)],
        ):
            result = dedupe(doc(*body, *thread))
            assert result.text == doc(*body)
            assert {d.index for d in result.duplicates} == set(range(len(body), len(body) + n))
            assert dedupe(result.text).duplicates == ()
    # Two posts count up no thread, nor do a recipe's fractions: their figures stay words.
    assert dedupe(doc(*body, f"1/2 {P0}", f"2/2 {P1}")).kept == tuple(range(len(body) + 2))
    recipe = ["1/2 cup of flour, sifted", "1/4 cup of sugar", "1/3 cup of milk, warmed"]
    assert dedupe(doc(*recipe, "Mix the flour and sugar.")).kept == (0, 1, 2, 3)


def test_a_copy_broken_inside_its_paragraphs_lines_up_part_after_part() -> None:
    # An older version before the body, its sentences broken into other paragraphs (each
    # part ends inside a paragraph of the body and the next goes on with it), a figure
    # corrected in each part: the parts line up one after another as a run of copies, and
    # the body goes as the repeat of the version printed first.
    sentences = [s for p in ARTICLE for s in _generate.sentences(p)]
    older = [
        re.sub(r"\b(\d+)\b", lambda m: str(int(m[1]) + 1), part, count=1)
        for part in _packed(sentences, 330)
    ]
    assert len(older) == 3 and all(part not in ARTICLE for part in older)
    result = dedupe(doc(*older, *ARTICLE))
    assert result.text == doc(*older)
    assert dedupe(result.text).duplicates == ()
    # After a body with headings, such a copy's part may hold the end of a paragraph, the
    # heading after it and the start of the next: its window reaches past the heading.
    body = [P0, P1, "The timeline", P2, "What it costs", P3, P4]
    older = [
        re.sub(r"\b(\d+)\b", lambda m: str(int(m[1]) + 1), part, count=1)
        for part in _packed([s for p in body for s in _generate.sentences(p)], 270)
    ]
    assert any("The timeline" in part and len(part) > 100 for part in older)
    result = dedupe(doc(*body, *older))
    assert result.text == doc(*body)
    assert dedupe(result.text).duplicates == ()


def test_a_raw_mails_quoted_printable_copy_is_read_and_goes() -> None:
    # A newsletter's raw text part before the body: its headers, then each paragraph encoded
    # (lines broken at 76 characters with "=", "=E2=80=99" for "’"), one line a paragraph as a
    # page may print it. Cleaning decodes it; the body's paragraphs go as its repeats and the
    # headers as boilerplate lines.
    part = quopri.encodestring("\n".join(ARTICLE).encode()).decode().replace("\n", "\n\n")
    headers = ["MIME-Version: 1.0", 'Content-Type: text/plain; charset="UTF-8"']
    result = dedupe(doc(*headers, part, *ARTICLE))
    assert [result.paragraphs[k].text for k in result.kept] == ARTICLE
    assert {d.kind for d in result.duplicates if d.index < 2} == {"boilerplate"}
    assert len(result.duplicates) == 2 + len(ARTICLE)
    # An article's HTTP request keeps its header.
    request = ["POST /api/orders HTTP/1.1", "Host: api.example.org", headers[1]]
    assert dedupe(doc(P0, *request, P1)).duplicates == ()


def test_a_live_pages_key_events_with_their_times_go_as_their_entries() -> None:
    # A box of key events: each entry's time and first sentence on one line, above the entries,
    # each under its time alone. The box's lines go as contained in the time and the entry;
    # the entries stay whole, each under its time.
    texts = [
        P3,
        P2,
        "The first ferry of the day left the north quay on time. Its crew said the crossing was "
        "calm, and the new timetable held through the morning rush.",
    ]
    entries = list(zip(["4.12pm BST", "3.05pm BST", "2.41pm BST"], texts, strict=True))
    box = [f"{time}: {text.split('. ')[0]}." for time, text in entries]
    body = [line for entry in entries for line in entry]
    result = dedupe(doc("Key events", *box, *body))
    assert result.text == doc(*body)
    assert {k: removed(result)[k] for k in (1, 2, 3)} == {
        1: (4, "contained"), 2: (6, "contained"), 3: (8, "contained")
    }  # fmt: skip
    assert dedupe(result.text).duplicates == ()


@pytest.mark.parametrize("colon", [": ", " "])
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_key_events_go_when_an_entry_is_their_sentence_alone(colon: str, sep: str) -> None:
    # The box's line holds the whole of a one-sentence entry ("9:39 p.m. ET The lift reopens.")
    # and the time over it: the box's line goes, not the entry and its time, which are the
    # page's text. An entry with more sentences is the same with no colon after the time.
    texts = [
        P2,
        "The lift at the north quay reopens on Monday after three weeks of repairs.",
        P3,
    ]
    entries = list(zip(["9:39 p.m. ET", "8:12 p.m. ET", "6:05 p.m. ET"], texts, strict=True))
    box = [f"{time}{colon}{text.split('. ')[0].removesuffix('.')}." for time, text in entries]
    body = [line for entry in entries for line in entry]
    result = dedupe(doc("Key events", *box, *body, sep=sep))
    assert result.text == doc(*body, sep=sep)
    assert {d.index: (d.kind, d.originals) for d in result.duplicates if d.index} == {
        1: ("contained", (4, 5)), 2: ("contained", (6, 7)), 3: ("contained", (8, 9))
    }  # fmt: skip
    assert dedupe(result.text).duplicates == ()


def test_a_key_events_time_goes_with_its_line_when_the_box_prints_two_lines_an_event() -> None:
    # The box prints each event's time on a line of its own over its first sentence. The
    # sentences the entries hold go, and so do the times over them, as repeats of the entries'
    # times; an event the body does not tell (a summary of its own) stays with its time.
    texts = [P2, P3, P1]
    times = ["9:39 p.m. ET", "8:12 p.m. ET", "6:05 p.m. ET"]
    summary = "Engineers say the lift will be tested over the weekend."
    box = [times[0], P2.split(". ")[0] + ".", times[1], summary, times[2], P1.split(", ")[0]]
    box[5] = P1.split("” ")[0] + "”"  # (the quote that opens the entry)
    body = [line for entry in zip(times, texts, strict=True) for line in entry]
    for sep in ("\n", "\n\n"):
        result = dedupe(sep.join(["Key events", *box, *body]))
        assert result.text == sep.join(["Key events", times[1], summary, *body])
        start = 1 + len(box)
        assert {k: removed(result)[k] for k in (1, 5)} == {
            1: (start, "exact"), 5: (start + 4, "exact")
        }  # fmt: skip
        assert dedupe(result.text).duplicates == ()


FORECAST = [
    "Harbour City can expect a dry week, with fog on the coast in the mornings.",
    "Thursday",
    "Fog early, then sunny. High 21°C, low 15°C.",
    "Friday",
    "Fog early, then sunny. High 21°C, low 15°C.",
    "Saturday",
    "Showers in the afternoon. High 18°C, low 12°C.",
]


# A company's history: each year on a line of its own over what happened in it.
TIMELINE = [
    "The harbour company was founded by two ferry captains in 1924.",
    "2019",
    "The company opens a ticket office in Kelmouth.",
    "March 2021",
    "The company raises its fares by 4% across all routes.",
    "2022",
    "The company opens a ticket office in Drayton.",
    "5 May 2023",
    "The company raises its fares by 4% across all routes.",
]


@pytest.mark.parametrize("page", [FORECAST, TIMELINE], ids=["forecast", "timeline"])
def test_entries_that_read_the_same_under_their_own_times_stay(page: list[str]) -> None:
    # Two days under their own names forecast the same weather, the same event happens in two
    # years, each under its own date: entries of a list, each under its time, not a copy; the
    # list printed twice goes whole.
    for sep in ("\n", "\n\n"):
        assert dedupe(doc(*page, sep=sep)).duplicates == ()
        result = dedupe(doc(*page, *page[1:], sep=sep))
        assert result.text == doc(*page, sep=sep)


def test_a_market_tables_row_that_two_tables_list_stays() -> None:
    # A company among the most active shares and the top gainers: a row of figures in each of
    # two tables, each with rows of its own.
    rows = ["Bank of America 86.17 +2.96 +3.56%", "Boeing 860.15 +15.38 +1.82%"]
    page = [P0, "Most active", *rows, "Apple 397.45 -10.26 -2.52%", "Top gainers", rows[0]]
    page += ["Nike 743.54 +3.92 +0.53%", "Tesla 188.65 +1.61 +0.86%", P1]
    for sep in ("\n", "\n\n"):
        assert dedupe(doc(*page, sep=sep)).duplicates == ()
        assert dedupe(doc(*page, *page, sep=sep)).text == doc(*page, sep=sep)
