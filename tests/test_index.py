"""The cross-document index: ``Deduplicator`` with the in-memory store.

Documents are made of sentences drawn from a word list with a seeded ``random.Random``, so every
paragraph is distinct unless a test repeats it on purpose.
"""

from __future__ import annotations

import json
import random
import re
import textwrap
from collections import Counter

import numpy as np
import pytest

from tests.documents import WORDS, dedupe_in_threads, join, paragraphs, sentence
from textclean import Deduplicator, FingerprintSettings, IndexMismatchError, MemoryStore, dedupe
from textclean.fingerprint import ParagraphPrint
from textclean.match import IndexedParagraph
from textclean.store import MAX_POSTINGS, Store, StoredDocument

# The stories of these tests.


def test_syndicated_copy_with_a_new_first_paragraph() -> None:
    wire = paragraphs(1, 6)
    intro = paragraphs(2, 1)
    with Deduplicator() as dd:
        first = dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join(intro + wire), doc_id="outlet")
    assert first.kept == tuple(range(6)) and first.duplicate_of is None
    assert copy.kept == (0,)
    assert copy.text == intro[0]
    assert [(d.index, d.kind, d.doc_id, d.original) for d in copy.duplicates] == [
        (i + 1, "exact", "wire", i) for i in range(6)
    ]
    assert copy.duplicate_of is not None
    assert copy.duplicate_of.doc_id == "wire"
    assert copy.duplicate_of.similarity > 0.8


def test_syndicated_copy_with_its_links_printed_inside_its_sentences() -> None:
    # A plain-text rendering of the story prints each link after its words: a link added is no
    # figure added (an update), and the copy goes.
    # A paragraph of one sentence with a link inside it shares no key with its original (the
    # address breaks its only sentence key): its text without the link is looked up too.
    lede = "How much will the new harbour bridge cost the city in the end?"
    wire = [lede, *paragraphs(11, 5)]
    linked = []
    for n, text in enumerate(wire):
        words = text.split(" ")
        words.insert(3, f"<https://www.harbour-news.example/guides/modernise-your-office-{n}>")
        linked.append(" ".join(words))
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.check(join(linked), doc_id="outlet")
        assert copy.kept == ()
        assert {(d.doc_id, d.original) for d in copy.duplicates} == {("wire", i) for i in range(6)}
        # A figure added is still an update, and stays.
        updated = dd.check(join([wire[0].replace(" ", " 12 ", 1)]), doc_id="update")
        assert updated.duplicates == ()


def test_an_outlets_boilerplate_does_not_hide_a_syndicated_copy() -> None:
    # The outlet prints its own lines around every story: once they are its boilerplate, they
    # are no part of the copy, nor of what it lacks.
    lines = [
        "Follow the Harbour Courier on Mastodon for breaking news from the waterfront all day.",
        "The Harbour Courier is printed by Quayside Media from its office on Pier Street.",
    ]
    wire = paragraphs(3, 3)
    with Deduplicator(boilerplate_min_docs=3) as dd:
        for n in range(3):
            dd.dedupe(join([lines[0], *paragraphs(40 + n, 2), lines[1]]), source="courier")
        dd.dedupe(join(wire), doc_id="wire", source="agency")
        copy = dd.dedupe(join([lines[0], *wire, lines[1]]), doc_id="copy", source="courier")
    assert copy.kept == ()
    assert [d.kind for d in copy.duplicates] == [
        "boilerplate",
        "exact",
        "exact",
        "exact",
        "boilerplate",
    ]
    assert copy.duplicate_of is not None
    assert (copy.duplicate_of.doc_id, copy.duplicate_of.similarity) == ("wire", 1.0)


def test_headings_inside_a_syndicated_copy_go_with_it() -> None:
    # Short lines repeat across documents legitimately ("Background", "Share"), but inside a
    # copy of an earlier document, beside the copies of the paragraphs they stand beside there,
    # they are part of the copy.
    body = paragraphs(11, 4)
    wire = [body[0], "Background", body[1], body[2], "What comes next", "", body[3]]
    other = [*paragraphs(12, 2), "Background", *paragraphs(13, 1)]
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join([*paragraphs(2, 1), *wire]), doc_id="outlet")
        unrelated = dd.dedupe(join(other), doc_id="other")
    assert copy.kept == (0,)
    assert {(d.index, d.kind, d.original) for d in copy.duplicates if d.index in (2, 5)} == {
        (2, "exact", 1), (5, "exact", 4)
    }  # fmt: skip
    assert unrelated.kept == (0, 1, 2, 3)  # "Background" beside no copy of the wire's


def test_a_line_repeating_a_heading_of_a_syndicated_copy_names_the_earlier_document() -> None:
    # The copy prints a heading twice in a row: the second names the first, which goes as a
    # line of the wire's copy (past its repeat), so the second names the wire's heading too.
    body = paragraphs(14, 3)
    wire = [body[0], "What comes next", body[1], body[2]]
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join([*paragraphs(2, 1), "What comes next", *wire[1:]]), doc_id="outlet")
    assert copy.kept == (0,)
    assert {(d.index, d.doc_id, d.original) for d in copy.duplicates if d.index in (1, 2)} == {
        (1, "wire", 1), (2, "wire", 1)
    }  # fmt: skip


def test_a_line_after_a_copy_repeating_a_line_of_it_names_the_earlier_document() -> None:
    # The second copy of the line goes as a repeat of the first (right after it once the copy
    # of the wire's paragraph between is gone), and the first went as a line of the wire's
    # copy: the second names the wire's line, not a paragraph of its own document.
    body = paragraphs(15, 3)
    line = "Light: headlight and taillight"
    with Deduplicator() as dd:
        dd.dedupe(join([body[0], line, body[1]]), doc_id="wire")
        copy = dd.dedupe(join([body[0], line, body[1], line, body[2]]), doc_id="outlet")
    assert copy.kept == (4,)
    assert [(d.index, d.doc_id, d.original) for d in copy.duplicates] == [
        (0, "wire", 0), (1, "wire", 1), (2, "wire", 2), (3, "wire", 1)
    ]  # fmt: skip


def test_a_short_line_whose_first_copy_went_as_an_indexed_copy_is_no_repeat_of_itself() -> None:
    # The first copy of the title-sized line went as a line of an earlier document's copy; the
    # second, the first line kept, repeats no line kept before it: it is not a title repeated
    # under its byline (of itself).
    from textclean.match.runs import remove_short_blocks
    from textclean.results import Duplicate

    canonical = [
        "light headlight and taillight",
        "copy of a paragraph",
        "light headlight and taillight",
        "a new paragraph",
    ]
    found = {
        0: Duplicate(0, 5, "exact", 1.0, "", (5,), "wire"),
        1: Duplicate(1, 6, "exact", 1.0, "", (6,), "wire"),
    }
    remove_short_blocks(canonical, found, {2: 0})
    assert set(found) == {0, 1}


def test_a_syndicated_copy_with_other_paragraph_breaks_goes() -> None:
    # The outlet runs each heading into the paragraph after it and joins the body's paragraphs
    # two by two: every merged paragraph goes as contained in the wire's, though a heading
    # shares no key with the paragraph it is merged into.
    body = paragraphs(14, 7)
    wire = ["Talks resume at the harbour", body[0], body[1], "What the council said", *body[2:]]
    merged = [f"{wire[0]} {body[0]}", body[1], f"{wire[3]} {body[2]}", *(
        f"{a} {b}" for a, b in zip(body[3::2], body[4::2], strict=True)
    )]  # fmt: skip
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join([*paragraphs(15, 1), *merged]), doc_id="outlet")
    assert copy.kept == (0,)
    assert {d.doc_id for d in copy.duplicates} == {"wire"}
    assert [(d.index, d.originals) for d in copy.duplicates if d.kind == "contained"] == [
        (1, (0, 1)),
        (3, (3, 4)),
        (4, (5, 6)),
        (5, (7, 8)),
    ]


def test_a_heading_run_into_its_paragraph_goes_though_its_words_stand_in_the_paragraph() -> None:
    # The heading's words all stand in the paragraph too, so no word of the copy is missing
    # from the indexed paragraph it shares keys with: only its neighbour, the heading, which
    # shares no key with the copy, accounts for the words it opens with.
    body = paragraphs(21, 2)
    words = body[1].rstrip(".").split()
    heading = " ".join(words[4:7]).capitalize() + "!"
    wire = [body[0], heading, body[1]]
    outlet = [*paragraphs(22, 1), f"{heading} {body[1]}", *paragraphs(23, 1)]
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join(outlet), doc_id="outlet")
    assert copy.kept == (0, 2)
    [dup] = copy.duplicates
    assert (dup.index, dup.kind, dup.doc_id, dup.originals, dup.similarity) == (
        1,
        "contained",
        "wire",
        (1, 2),
        1.0,
    )


def test_a_paragraph_and_the_heading_after_it_run_together_go_though_the_heading_has_a_figure() -> (
    None
):
    # Near the indexed paragraph alone, the copy has a figure more (the heading's): an update,
    # were it not that every word of it, the figure too, stands in order in the indexed
    # paragraph and the heading after it.
    # (No copy beside it, which would be tried as the indexed paragraphs laid end to end.)
    body = paragraphs(24, 4)
    body[0] = f"{body[0]} {body.pop()}"  # (long: the heading makes a small difference)
    heading = "Tested: the Harbour 6 is comfortably odd"
    wire = [body[0], heading, body[1], body[2]]
    outlet = [paragraphs(25, 1)[0], f"{body[0]} {heading}", *paragraphs(26, 2)]
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.check(join(outlet))
        assert copy.kept == (0, 2, 3)
        [dup] = copy.duplicates
        found = (dup.index, dup.kind, dup.doc_id, dup.originals, dup.similarity)
        assert found == (1, "contained", "wire", (0, 1), 1.0)
        # A figure that no indexed paragraph holds is an update all the same, and stays.
        update = f"{body[0]} {heading.replace('6', '7')}"
        assert dd.check(join([outlet[0], update, *outlet[2:]])).kept == (0, 1, 2, 3)


def test_a_paragraph_with_the_link_after_it_run_in_goes_though_the_index_dropped_the_link() -> None:
    # The index holds no boilerplate line, so the link is in no indexed paragraph: the words
    # before it are the indexed paragraph, and the copy goes as it.
    body = paragraphs(27, 3)
    link = "Read more: How the harbour bridge was built in 1931"
    with Deduplicator() as dd:
        wire = dd.dedupe(join([body[0], link, body[1], body[2]]), doc_id="wire")
        assert [d.kind for d in wire.duplicates] == ["boilerplate"]
        outlet = [paragraphs(28, 1)[0], f"{body[0]} {link}", *paragraphs(29, 2)]
        copy = dd.check(join(outlet))
    assert copy.kept == (0, 2, 3)
    [dup] = copy.duplicates
    assert (dup.index, dup.kind, dup.doc_id, dup.originals) == (1, "contained", "wire", (0,))


def test_a_heading_run_into_its_paragraph_goes_though_the_index_filed_the_heading_elsewhere() -> (
    None
):
    # The wire's heading went as a copy of another document's paragraph, so the index holds it
    # there, not beside the wire's paragraph: no window holds the two together. The copy is
    # the paragraph and a paragraph the index holds.
    body = paragraphs(30, 5)
    long = " ".join(body[1:5])  # (long: the heading is a small part of the copy)
    heading = "What the new harbour rules mean for the ferry crews"
    with Deduplicator() as dd:
        dd.dedupe(join([paragraphs(33, 1)[0], heading, paragraphs(34, 1)[0]]), doc_id="guide")
        wire = dd.dedupe(join([body[0], heading, long]), doc_id="wire")
        assert [(d.index, d.doc_id) for d in wire.duplicates] == [(1, "guide")]
        outlet = [paragraphs(31, 1)[0], f"{heading} {long}", *paragraphs(32, 2)]
        copy = dd.check(join(outlet))
        assert copy.kept == (0, 2, 3)
        [dup] = copy.duplicates
        assert (dup.index, dup.kind, dup.doc_id, dup.originals) == (1, "contained", "wire", (2,))
        assert dup.rule.endswith(", and a paragraph seen before")
        # A heading that no indexed paragraph is stays, and so does the copy it opens...
        outlet[1] = f"What the new harbour rules mean for the bus drivers {long}"
        assert dd.check(join(outlet)).kept == (0, 1, 2, 3)
        # ... unless this document printed it before.
        [dup] = dd.check(join([outlet[1][: -len(long) - 1], *outlet])).duplicates
        assert (dup.index, dup.doc_id, dup.originals) == (2, "wire", (2,))


def test_a_syndicated_copy_that_lost_its_paragraph_breaks_goes() -> None:
    # The whole story as one line: its list lines and headings share no key with it (their
    # sentences run together without the breaks), but it holds them laid end to end.
    body = paragraphs(18, 4)
    wire = [body[0], "What to pack", "- A rain cover", "- Spare socks", "- A small stove",
            body[1], "Before you go", body[2], body[3]]  # fmt: skip
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        flat = dd.dedupe(" ".join(wire), doc_id="outlet")
        longer = dd.dedupe(" ".join([body[0], *paragraphs(19, 3), body[1]]), doc_id="other")
    assert flat.kept == ()
    [dup] = flat.duplicates
    assert (dup.kind, dup.doc_id, dup.originals) == ("contained", "wire", tuple(range(9)))
    assert flat.duplicate_of is not None and flat.duplicate_of.doc_id == "wire"
    assert longer.kept == (0,)  # two of its paragraphs, with new text between them


def test_a_copy_without_breaks_goes_though_the_wire_printed_a_line_twice() -> None:
    # The wire prints its source line twice; the index keeps the first. The copy that lost its
    # paragraph breaks holds both, the second between two paragraphs that follow each other in
    # the index: a repeat of the document's own text, not new words.
    body = paragraphs(24, 6)
    label = "Source: the harbour authority's annual report"
    wire = [body[0], label, body[1], body[2], label, body[3], body[4], body[5]]
    with Deduplicator() as dd:
        first = dd.dedupe(join(wire), doc_id="wire")
        flat = dd.dedupe(" ".join(wire), doc_id="outlet")
    assert [(d.index, d.kind) for d in first.duplicates] == [(4, "exact")]
    assert flat.kept == ()
    [dup] = flat.duplicates
    assert (dup.kind, dup.doc_id, dup.originals) == ("contained", "wire", first.kept)


def test_a_syndicated_copy_with_the_same_decoration_on_every_paragraph_goes() -> None:
    # The outlet prints its credit after every paragraph, headings and list lines included:
    # those go as the wire's lines with what their neighbours add to theirs.
    body = paragraphs(20, 3)
    wire = [body[0], "What to pack", "- A rain cover", "- Spare socks", body[1], body[2]]
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join([f"{p} (Harbour Wire)" for p in wire]), doc_id="outlet")
        other = dd.dedupe(join([*paragraphs(21, 2), "What to pack (Harbour Wire)"]))
        local = dd.dedupe(join([f"{body[0]} (Harbour Wire)", "Where to park (Harbour Wire)"]))
    assert copy.kept == ()
    assert [(d.index, d.doc_id, d.original) for d in copy.duplicates] == [
        (i, "wire", i) for i in range(6)
    ]
    assert other.kept == (0, 1, 2)  # the same line, beside no copy of the wire's
    assert local.kept == (1,)  # beside a copy, but not the wire's line beside its original


def test_a_heading_whose_words_stand_in_two_indexed_paragraphs_stays() -> None:
    # The heading shares keys with a question of the wire's, and the words the question lacks
    # end the paragraph after it: in order across the two, but it takes neither whole, so it is
    # no merged copy of them.
    wire = [
        "Keep the reference current: interfaces change fast, and stale pages confuse readers.",
        "What are some best practices for creating API documentation?",
        "API documentation is a deliverable with a large effect on its readers, so teams should"
        " follow these best practices when writing API documentation:",
    ]
    heading = "Best practices for writing API documentation"
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        later = dd.dedupe(join([paragraphs(16, 1)[0], heading, paragraphs(17, 1)[0]]))
    assert later.kept == (0, 1, 2)


def test_syndicated_copy_with_its_json_ld_goes_whole() -> None:
    # The outlet's page carries the wire story twice: as JSON-LD data, then as paragraphs. The
    # paragraphs go as copies of the wire's, and the data with them.
    wire = paragraphs(5, 6)
    data = json.dumps({"@type": "NewsArticle", "url": "https://x.test/", "articleBody": join(wire)})
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join([data, *wire]), doc_id="outlet")
    assert copy.kept == ()
    assert [(d.index, d.doc_id, d.original) for d in copy.duplicates] == [
        (0, "wire", 0),
        *((i + 1, "wire", i) for i in range(6)),
    ]


def test_a_copy_run_together_without_spaces_goes_as_the_earlier_document_laid_end_to_end() -> None:
    # Headings and list lines without a full stop, then the text taken from the page without
    # separators: each runs into the next ("TimetableFerries leave..."), word into word.
    wire = paragraphs(9, 5)
    heads = ["Timetable", "Ferries from both quays", "What the council said"]
    body = [heads[0], wire[0], wire[1], heads[1], heads[2], wire[2], wire[3], wire[4]]
    with Deduplicator() as dd:
        dd.dedupe(join(body), doc_id="wire")
        copy = dd.check(
            join(["".join(body), "The council meets again on Thursday."]), doc_id="outlet"
        )
    assert copy.kept == (1,)
    (dup,) = copy.duplicates
    assert (dup.index, dup.kind, dup.doc_id, dup.similarity) == (0, "contained", "wire", 1.0)
    assert set(dup.originals) == set(range(len(body)))


def test_a_paragraph_and_a_heading_filed_elsewhere_run_together_go_though_the_heading_is_long() -> (
    None
):
    # The heading is a third of the copy, far more than an edit: the copy goes as the indexed
    # paragraph because its last sentence is, word for word, a paragraph the index holds.
    body = paragraphs(40, 3)
    heading = "Is the new harbour ferry worth the added cost for commuters?"
    with Deduplicator() as dd:
        dd.dedupe(join([paragraphs(41, 1)[0], heading]), doc_id="guide")
        dd.dedupe(join([body[0], heading, body[1], body[2]]), doc_id="wire")
        outlet = [paragraphs(42, 1)[0], f"{body[0]} {heading}", *paragraphs(43, 1)]
        copy = dd.check(join(outlet))
        assert copy.kept == (0, 2)
        [dup] = copy.duplicates
        assert (dup.index, dup.kind, dup.doc_id, dup.originals) == (1, "contained", "wire", (0,))
        assert dup.rule.endswith(", and a paragraph seen before")
        # A question no indexed paragraph asks is the copy's own, and the copy stays.
        outlet[1] = f"{body[0]} {heading.replace('commuters', 'cyclists')}"
        assert dd.check(join(outlet)).kept == (0, 1, 2)


def test_list_lines_of_two_words_run_together_in_pairs_go_beside_a_copy() -> None:
    # A copy with its list's lines two to a line: a pair of two-word lines is too short to
    # anchor a walk, but it is the indexed lines beside the copy's last paragraph word for word.
    intro = "The agency lists the risks it reviews each year for every licensed firm."
    items = ["- Market risk", "- Credit risk", "- Internal auditing", "- Liquidity risk management"]
    outro = "Firms that fail a review have ninety days to respond before penalties apply."
    pairs = [f"{items[0]} {items[1]}", f"{items[2]} {items[3]}"]
    with Deduplicator() as dd:
        dd.dedupe(join([intro, *items, outro]), doc_id="wire")
        copy = dd.check(join([intro, *pairs, outro]))
        assert copy.kept == ()
        assert [(d.index, d.originals) for d in copy.duplicates[1:3]] == [(1, (1, 2)), (2, (3, 4))]
        # Lines that the indexed ones are not, word for word, stay.
        other = dd.check(join([intro, "- Market risk - Climate risk", pairs[1], outro]))
        assert other.kept == (1,)


def test_a_list_run_together_without_spaces_goes_though_one_paragraph_shares_a_key() -> None:
    # Headings each before a sentence of its own, then the text taken from the page without
    # separators: every heading runs into the sentence after it ("Harbour ferryCouncil...") and
    # every sentence into the heading after it, so that only the first sentence of the copy is a
    # sentence of the indexed document. The copy goes all the same, to its last line (it holds
    # no space between two paragraphs: shorter than the paragraphs with their breaks).
    rng = random.Random(5)
    items = [
        part
        for _ in range(100)
        for part in (f"{rng.choice(WORDS)} {rng.choice(WORDS)}".capitalize(), sentence(rng))
    ]
    with Deduplicator() as dd:
        dd.dedupe(join(items), doc_id="guide")
        copy = dd.check(
            join(["".join(items[1:]), "The council meets again on Thursday."]), doc_id="outlet"
        )
    assert copy.kept == (1,)
    (dup,) = copy.duplicates
    assert (dup.index, dup.kind, dup.doc_id) == (0, "contained", "guide")
    assert set(dup.originals) == set(range(1, len(items)))


@pytest.mark.parametrize("width", [60, 72])
def test_a_copy_wrapped_a_line_a_paragraph_goes_line_by_line(width: int) -> None:
    # A plain-text version of the wire story: each line a paragraph, most of them a stretch of an
    # indexed paragraph that shares no key with it. They go as the lines beside a line found
    # there, run together with it, stand in the same indexed paragraph (or start the next one).
    wire = paragraphs(11, 5)
    lines = [line for paragraph in wire for line in textwrap.wrap(paragraph, width)]
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.check(join([*lines, "The ferry timetable changes next week."]), doc_id="print")
    assert copy.kept == (len(lines),)
    assert {d.doc_id for d in copy.duplicates} == {"wire"}


@pytest.mark.parametrize("width", [48, 60, 72])
def test_a_copy_wrapped_after_its_paragraph_breaks_were_lost_goes(width: int) -> None:
    # An earlier document's text run together, then wrapped: lines end one indexed paragraph and
    # start the next. The walk from line to line goes on across those breaks.
    wire = paragraphs(21, 5)
    lines = textwrap.wrap(" ".join(wire), width)
    assert any(not any(line in paragraph for paragraph in wire) for line in lines)
    fresh = textwrap.wrap(" ".join(paragraphs(22, 2)), width)
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.check(join([*fresh, *lines]), doc_id="print")
    assert copy.kept == tuple(range(len(fresh)))
    assert {(d.kind, d.doc_id) for d in copy.duplicates} <= {
        ("contained", "wire"),
        ("exact", "wire"),
    }
    assert any(len(d.originals) > 1 for d in copy.duplicates)


@pytest.mark.parametrize("width", [60, 72])
def test_a_wrapped_copy_whose_lines_hold_no_whole_sentence_goes(width: int) -> None:
    # Sentences of 24 words or more, wrapped: no line holds a whole sentence, so no line shares a
    # key with the indexed paragraphs. Joined again, the lines in a row do, and each line stands
    # in one of them run together with the next. Lines of a new text wrapped the same way stay.
    rng = random.Random(12)
    long = [
        " ".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(24, 30))).capitalize() + "."
            for _ in range(2)
        )
        for _ in range(4)
    ]
    new = paragraphs(13, 2)
    lines = [line for paragraph in long for line in textwrap.wrap(paragraph, width)]
    fresh = [line for paragraph in new for line in textwrap.wrap(paragraph, width)]
    with Deduplicator() as dd:
        dd.dedupe(join(long), doc_id="wire")
        copy = dd.check(join([*fresh, *lines]), doc_id="print")
    assert copy.kept == tuple(range(len(fresh)))
    assert {(d.kind, d.doc_id) for d in copy.duplicates} == {("contained", "wire")}


@pytest.mark.parametrize("width", [60, 72])
def test_a_wrapped_paragraph_without_a_full_stop_goes(width: int) -> None:
    # A paragraph of list items run together ("... of 2025 • The ...") holds no sentence end,
    # so its lines joined again, under a heading of the copy's own, share no sentence with it:
    # they are looked up by their fuzzy hash too. The heading stays, and so do the items of
    # another list wrapped the same way.
    rng = random.Random(15)

    def items() -> str:
        return " • ".join(
            " ".join(rng.choice(WORDS) for _ in range(5)).capitalize() for _ in range(12)
        )

    listing, other = items(), items()
    heading = "What the critics picked"
    with Deduplicator() as dd:
        dd.dedupe(join([*paragraphs(16, 2), listing]), doc_id="guide")
        copy = dd.check(join([heading, *textwrap.wrap(listing, width)]), doc_id="print")
        fresh = dd.check(join([heading, *textwrap.wrap(other, width)]), doc_id="print")
    assert copy.kept == (0,)
    assert {(d.kind, d.doc_id) for d in copy.duplicates} == {("contained", "guide")}
    assert fresh.duplicates == ()


@pytest.mark.parametrize("width", [60, 72])
def test_a_wrapped_paragraph_between_a_heading_and_a_list_goes(width: int) -> None:
    # Long sentences wrapped, under a heading and over list lines: joined again with its
    # neighbours, the paragraph's first sentence runs on from the heading and its last into
    # the list, so no sentence of the joined lines is the indexed one. The lines are also
    # joined in pieces, cut where a line does not go on from the one before it.
    rng = random.Random(14)
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(24, 30))).capitalize()
        for _ in range(2)
    ]
    paragraph = f"{sentences[0]}. {sentences[1]}:"
    items = ["Screen sharing for every plan", "Calendar invites", "Meeting recordings"]
    page = ["Key features", paragraph, *items]
    lines = ["Key features", *textwrap.wrap(paragraph, width), *items]
    with Deduplicator() as dd:
        dd.dedupe(join(page), doc_id="guide")
        copy = dd.check(join(lines), doc_id="print")
    assert copy.kept == ()
    assert {d.doc_id for d in copy.duplicates} == {"guide"}


@pytest.mark.parametrize("joiner", [" ", ""])
def test_a_run_together_copy_goes_though_it_repeats_a_line_the_index_dropped(joiner: str) -> None:
    # The story asks a question, then again in a heading further on: the heading goes as
    # contained in that paragraph, and the index keeps only the paragraph. Its copy run together
    # holds both, and the heading stands between two indexed paragraphs, as words the story says
    # elsewhere. Words the story does not say there are a paragraph of the copy's own.
    story = paragraphs(41, 6)
    heading = "Who will pay for the harbour bridge?"
    story[1] += f" {heading}"
    with Deduplicator() as dd:
        first = dd.dedupe(join([*story[:3], heading, *story[3:]]), doc_id="story")
        copy = dd.check(joiner.join([*story[:3], heading, *story[3:]]), doc_id="page")
        new = "Who pays for the ferry while the bridge is shut is still unclear."
        other = dd.check(joiner.join([*story[:3], new, *story[3:]]), doc_id="page")
    assert 3 not in first.kept
    assert [(d.kind, d.doc_id) for d in copy.duplicates] == [("contained", "story")]
    assert other.duplicates == ()


def test_a_run_together_copy_goes_though_lines_the_index_dropped_run_into_each_other() -> None:
    # A buyer's guide gives each product the same three lines ("Warranty: ..."); the index keeps
    # them once, for the first product. Its copy run together without spaces holds them for
    # every product, each run into the next ("...warrantyKev's observations..."): between two
    # indexed paragraphs they are texts the guide says elsewhere, not words of the copy's own.
    products = [
        ("The Brewmaster", "It brews a decent pot for little money.", "Bare bones brewing"),
        ("The Pour Pro", "It wets the grounds first, as a barista would.", "For specialty coffee"),
        ("The Night Owl", "Its thermal jug keeps coffee warm for hours.", "Quiet in the morning"),
        ("The Big Batch", "It brews sixty ounces at once, for offices.", "Huge brew capacity"),
    ]
    lines = ["SCA certified: Yes", "Warranty: 2-year manufacturer's warranty", "Kev's observations"]
    guide = [paragraphs(51, 1)[0]]
    for name, text, heading in products:
        guide += [name, text, *lines, heading, paragraphs(52 + len(guide), 1)[0]]
    with Deduplicator() as dd:
        first = dd.dedupe(join(guide), doc_id="guide")
        copy = dd.check(
            join(["".join(guide), "The council meets again on Thursday."]), doc_id="page"
        )
    assert len(first.kept) < len(guide)  # (the lines again go, as repeats)
    assert copy.kept == (1,)
    assert [(d.index, d.kind, d.doc_id) for d in copy.duplicates] == [(0, "contained", "guide")]


@pytest.mark.parametrize("joiner", [" ", ""])
def test_a_run_together_copy_goes_though_it_holds_boilerplate_lines_the_index_dropped(
    joiner: str,
) -> None:
    # The story points to other stories between its paragraphs ("Read more: ..."): boilerplate
    # lines, removed, so the index never holds them. Its copy run together holds them between
    # indexed paragraphs, their colons gone in the canonical form. A sentence of the copy's own
    # there is new text, whatever word it starts with.
    story = paragraphs(61, 6)
    links = ["Read more: Ferry fares rise again as the bridge stays shut",
             "See also: Ten walks along the old harbour wall"]  # fmt: skip
    page = [*story[:2], links[0], *story[2:4], links[1], *story[4:]]
    with Deduplicator() as dd:
        first = dd.dedupe(join(page), doc_id="story")
        copy = dd.check(joiner.join(page), doc_id="page")
        new = "Related costs rose sharply once the ferry was the only way across the harbour."
        other = dd.check(joiner.join([*story[:2], new, *story[2:]]), doc_id="page")
    assert [(d.index, d.kind) for d in first.duplicates] == [(2, "boilerplate"), (5, "boilerplate")]
    assert [(d.kind, d.doc_id) for d in copy.duplicates] == [("contained", "story")]
    assert other.duplicates == ()


def test_a_run_together_copy_goes_though_boilerplate_lines_stand_in_a_row_in_it() -> None:
    # The page printed its "continue reading" prompt twice between two paragraphs: both lines
    # went from the indexed story, and the copy run together holds them as one stretch of text
    # between indexed paragraphs. Two sentences of the copy's own there stay.
    story = paragraphs(62, 6)
    line = "Continue reading the main story"
    page = [*story[:3], line, line, *story[3:]]
    new = ["Continue reading to see how the ferry crossing changed.", "The mayor said no more."]
    with Deduplicator() as dd:
        first = dd.dedupe(join(page), doc_id="story")
        copy = dd.check(" ".join(page), doc_id="page")
        other = dd.check(" ".join([*story[:3], *new, *story[3:]]), doc_id="page")
    assert [(d.index, d.kind) for d in first.duplicates] == [(3, "boilerplate"), (4, "boilerplate")]
    assert [(d.kind, d.doc_id) for d in copy.duplicates] == [("contained", "story")]
    assert other.duplicates == ()


@pytest.mark.parametrize("joiner", [" ", ""])
def test_a_run_together_copy_goes_though_it_holds_related_lines_the_index_dropped(
    joiner: str,
) -> None:
    # "Related: ..." lines lead with one word, which in canonical text, without its colon, could
    # start a sentence: it is read as a lead where the copy's raw text shows it before a colon.
    # The same words as a sentence of the copy's own, without a colon, are new text.
    story = paragraphs(65, 6)
    line = "Related: Ferry fares rise again as the old bridge stays shut"
    page = [*story[:2], line, *story[2:4], line, *story[4:]]
    sentence = (
        "Related ferry fares rose again once the old bridge closed for the winter, and the "
        "council has asked the operator to freeze them until the spring."
    )
    with Deduplicator() as dd:
        first = dd.dedupe(join(page), doc_id="story")
        copy = dd.check(joiner.join(page), doc_id="page")
        other = dd.check(joiner.join([*story[:2], sentence, *story[2:]]), doc_id="page")
    assert [(d.index, d.kind) for d in first.duplicates] == [(2, "boilerplate"), (5, "boilerplate")]
    assert [(d.kind, d.doc_id) for d in copy.duplicates] == [("contained", "story")]
    assert other.duplicates == ()


def test_json_ld_goes_though_its_description_is_the_first_paragraph_and_its_headline_new() -> None:
    # The object's description repeats the story's first paragraph, one sentence, and its
    # headline is text the indexed story lacks. In the object the description's sentence runs on
    # from its field name, so it shares no key with that paragraph, which is found through the
    # body laid out: without it, the headline and the description are more than a tenth of the
    # object's words.
    lead = "Ferry fares across the harbour will rise by a fifth from March, the operator said."
    story = [lead, *paragraphs(63, 2)]
    data = {"@type": "NewsArticle", "headline": "Ferry fares to rise as the old bridge stays shut",
            "description": lead, "url": "https://x.test/b"}  # fmt: skip
    with Deduplicator() as dd:
        dd.dedupe(join(story), doc_id="story")
        copy = dd.check(json.dumps({**data, "articleBody": join(story)}), doc_id="data")
        more = dd.check(
            json.dumps({**data, "articleBody": join([*story, *paragraphs(64, 1)])}), doc_id="data"
        )
    assert [(d.kind, d.doc_id) for d in copy.duplicates] == [("contained", "story")]
    assert copy.duplicates[0].similarity >= 0.9
    assert more.duplicates == ()


def test_list_lines_merged_in_pairs_go_between_copies_of_the_paragraphs_around_them() -> None:
    # A copy with other breaks runs each two lines of a list into one paragraph. A pair shares
    # no key with either line (no full stop ends a sentence in it, and too few shingles for a
    # band), but it stands between exact copies of the paragraphs around the list: the lines
    # after the one beside it, laid end to end. A line of the copy's own there stays.
    rng = random.Random(34)
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 9))) for _ in range(4)]
    lines = [line.capitalize() for line in lines]
    body = paragraphs(71, 4)
    pairs = [f"{lines[0]} {lines[1]}", f"{lines[2]} {lines[3]}"]
    new = "Pay monthly or yearly and cancel whenever you like"
    with Deduplicator() as dd:
        dd.dedupe(join([*body[:2], *lines, *body[2:]]), doc_id="guide")
        copy = dd.check(join([*body[:2], *pairs, *body[2:]]), doc_id="page")
        other = dd.check(join([*body[:2], pairs[0], f"{lines[2]} {new}", *body[2:]]), doc_id="page")
    assert copy.kept == ()
    assert [(d.kind, d.originals) for d in copy.duplicates[2:4]] == [
        ("contained", (2, 3)),
        ("contained", (4, 5)),
    ]
    assert other.kept == (3,)


def test_a_copy_without_breaks_goes_though_it_starts_with_many_lines_sharing_no_key() -> None:
    # An encyclopedia page opens with a box of short lines (none a sentence, none long enough
    # for a band), then its paragraphs. Its copy on one line holds the box's lines before the
    # first paragraph with a key: the indexed paragraphs before those tried are tried too.
    box = [f"{field}: {value}" for field, value in [
        ("Capital", "Port Selden"), ("Largest city", "Arnhaven"), ("Official language", "Selden"),
        ("Area", "41,200 square km"), ("Population", "2.1 million"), ("Currency", "Selden mark"),
        ("Time zone", "UTC+2"), ("Driving side", "left"), ("Calling code", "+381"),
        ("Founded", "1921"), ("Government", "republic"), ("Head of state", "Ilse Marren"),
        ("Legislature", "the Diet"), ("Highest point", "Mount Orel"), ("Water", "3.4%"),
    ]]  # fmt: skip
    body = paragraphs(81, 5)
    with Deduplicator() as dd:
        dd.dedupe(join([*box, *body]), doc_id="page")
        copy = dd.check(" ".join([*box, *body]), doc_id="mirror")
        longer = dd.check(" ".join(["A new line of the mirror's own, longer than a few words.",
                                    *box, *body]), doc_id="mirror")  # fmt: skip
    assert copy.kept == ()
    [dup] = copy.duplicates
    assert (dup.kind, dup.doc_id, dup.originals) == ("contained", "page", tuple(range(20)))
    assert longer.kept == (0,)


def test_a_copy_without_breaks_goes_though_it_holds_a_table_the_index_kept_once() -> None:
    # A tutorial prints a query with its result table, then the table again on its own: the
    # second goes as contained in the first, so the index keeps the table once, inside the
    # query's paragraph. Its copy without breaks holds the table again before the next
    # paragraph, which the walk had to skip: the gap is the table (words the tutorial says
    # elsewhere) and that paragraph, word for word.
    body = paragraphs(91, 4)
    query = "The query below lists the latest periods with errors, newest first."
    table = (
        "status | period | entries | zscore 400 | 18:00 | 24 | 6.82 400 | 17:59 | 12 | 7.44 "
        "400 | 17:58 | 2 | 4.83 500 | 17:57 | 9 | 3.12"
    )
    page = [body[0], f"{query} {table}", body[1], table, body[2], body[3]]
    with Deduplicator() as dd:
        first = dd.dedupe(join(page), doc_id="tutorial")
        copy = dd.check(" ".join(page), doc_id="mirror")
    assert [(d.index, d.kind) for d in first.duplicates] == [(3, "contained")]
    assert copy.kept == ()
    assert [(d.kind, d.doc_id) for d in copy.duplicates] == [("contained", "tutorial")]


def test_json_ld_with_text_of_its_own_seen_before_goes() -> None:
    # Data that says more than the paragraphs beside it stays the first time, not the second.
    data = json.dumps(
        {"@type": "NewsArticle", "url": "https://x.test/", "articleBody": join(paragraphs(6, 2))}
    )
    with Deduplicator() as dd:
        first = dd.dedupe(join([data, *paragraphs(7, 1)]), doc_id="a")
        again = dd.dedupe(join([data, *paragraphs(8, 1)]), doc_id="b")
    assert first.kept == (0, 1)
    assert again.kept == (1,)
    assert [(d.index, d.kind, d.doc_id, d.original) for d in again.duplicates] == [
        (0, "exact", "a", 0)
    ]


@pytest.mark.parametrize("joiner", ["\n\n", " "])
def test_json_ld_holding_an_indexed_body_goes_without_the_body_beside_it(joiner: str) -> None:
    # A page behind a paywall shows the first line of the wire story and carries all of it in its
    # JSON-LD: the object's text is the indexed story (its headline a heading of it), so it goes.
    # An object that adds a paragraph of its own to the story stays.
    wire = paragraphs(21, 6)
    data = {"@type": "NewsArticle", "headline": "Harbour ferry plan approved",
            "datePublished": "2026-03-01", "url": "https://x.test/a"}  # fmt: skip
    page = [
        json.dumps({**data, "articleBody": joiner.join(wire)}),
        "The ferry plan goes to a public vote in May.",
    ]
    longer = json.dumps({**data, "articleBody": joiner.join([*wire, *paragraphs(22, 1)])})
    with Deduplicator() as dd:
        dd.dedupe(join(["Harbour ferry plan approved", *wire]), doc_id="wire")
        copy = dd.check(join(page), doc_id="outlet")
        more = dd.check(
            join([longer, "The ferry plan goes to a public vote in May."]), doc_id="outlet"
        )
    assert copy.kept == (1,)
    (dup,) = copy.duplicates
    assert (dup.index, dup.kind, dup.doc_id) == (0, "contained", "wire")
    assert dup.similarity >= 0.9
    assert more.kept == (0, 1)


def test_syndicated_copy_edited_in_every_paragraph() -> None:
    # The outlet's house style changes one word in each paragraph of the wire story.
    wire = paragraphs(3, 5)
    edited = [re.sub(r"\w+\.$", "ferry.", p, count=1) for p in wire]
    assert all(a != b for a, b in zip(wire, edited, strict=True))
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        copy = dd.dedupe(join(paragraphs(4, 1) + edited), doc_id="outlet")
    assert copy.kept == (0,)
    assert [(d.index, d.doc_id, d.original) for d in copy.duplicates] == [
        (i + 1, "wire", i) for i in range(5)
    ]
    assert all(d.similarity < 1.0 for d in copy.duplicates)


def test_a_part_of_an_indexed_paragraph_is_found_past_paragraphs_sharing_its_first_words() -> None:
    # Five paragraphs of the new document start like the copy ("What you will learn:"), each
    # far from the others: five windows of this document. The indexed paragraph that holds the
    # copy is tried too (it was left out once four windows of this document were tried).
    lead = "What you will learn:"
    whole = f"{lead} " + " ".join(paragraphs(501, 2))
    sentences = re.split(r"(?<=\.) ", whole)
    part = " ".join(sentences[: len(sentences) // 2])
    copy = lead + re.sub(r"\b(\w)(\w)(\w{3,})\b", r"\2\1\3", part[len(lead) :], count=1)
    assert copy != part and copy.startswith(lead)
    body, learn = paragraphs(502, 40), [f"{lead} {p}" for p in paragraphs(503, 5)]
    outlet = [p for k in range(5) for p in (learn[k], *body[8 * k : 8 * k + 8])]
    with Deduplicator() as dd:
        dd.dedupe(join([*paragraphs(500, 2), whole]), doc_id="wire")
        result = dd.dedupe(join([*outlet, copy]), doc_id="outlet")
    assert result.kept == tuple(range(len(outlet)))
    assert [(d.index, d.kind, d.doc_id, d.original) for d in result.duplicates] == [
        (len(outlet), "contained", "wire", 2)
    ]


SIGN_OFF = "Follow the Harbour Gazette on social media for the latest updates from the quays."


def test_paragraphs_sharing_a_sign_off_through_many_documents() -> None:
    # Every paragraph of every document ends with the site's sign-off, so its sentence key is
    # filed for as many paragraphs as a key takes: common. A paragraph repeated with a typo
    # still goes (it shares keys of its own); new ones stay, and so does the sign-off alone.
    with Deduplicator() as dd:
        for n in range(8):
            stored = dd.dedupe(join([f"{p} {SIGN_OFF}" for p in paragraphs(300 + n, 10)]))
            assert not stored.duplicates
        first = paragraphs(300, 1)[0]
        typo = re.sub(r"(\w)(\w)(\w*)\.$", r"\2\1\3.", first, count=1)
        assert typo != first
        result = dd.dedupe(join([f"{p} {SIGN_OFF}" for p in [*paragraphs(400, 2), typo]]))
    assert result.kept == (0, 1)
    assert [(d.index, d.kind, d.original) for d in result.duplicates] == [(2, "near", 0)]


def test_indexed_paragraphs_sharing_only_common_keys_are_no_candidates() -> None:
    from textclean.match.links import COMMON_POSTINGS, indexed_links

    assert MAX_POSTINGS == COMMON_POSTINGS  # (a full list of postings is a common key)
    crowd = [IndexedParagraph(f"d{n}", 0, f"text {n}") for n in range(COMMON_POSTINGS)]
    few = crowd[:3]
    # Sentence 1 is common, sentence 2 and the band are not.
    postings = {1: crowd, 2: few, 9: crowd[5:6]}
    linked = indexed_links([1, 2], [9], postings)
    assert set(linked) == {("d0", 0), ("d1", 0), ("d2", 0), ("d5", 0)}
    assert linked["d0", 0] == (2, "text 0") and linked["d5", 0] == (2, "text 5")
    # A paragraph that is the common sentence and nothing else is a part of all of them.
    assert len(indexed_links([1], [], postings)) == COMMON_POSTINGS


BOILERPLATE = "The Harbour Gazette is printed by Quayside Media from its office on Pier Street."


def test_the_same_boilerplate_through_twenty_documents_of_one_source() -> None:
    with Deduplicator(boilerplate_min_docs=3) as dd:
        results = [
            dd.dedupe(join([*paragraphs(100 + n, 2), BOILERPLATE]), doc_id=f"g{n}", source="site")
            for n in range(20)
        ]
        assert results[0].kept == (0, 1, 2)  # not a boilerplate pattern: kept the first time
        for n, result in enumerate(results[1:], start=1):
            assert result.kept == (0, 1)
            (dup,) = result.duplicates
            if n < 3:  # seen in fewer than 3 earlier documents: an ordinary repeat
                assert (dup.kind, dup.doc_id, dup.original) == ("exact", "g0", 2)
            else:
                assert (dup.kind, dup.doc_id, dup.original) == ("boilerplate", None, None)
        # Without its kept copy, the line is still removed at its first appearance in a document
        # of the same source, but another source keeps it.
        assert dd.forget("g0") == 3
        later = dd.dedupe(join([BOILERPLATE, *paragraphs(200, 2)]), source="site")
        other = dd.dedupe(join([BOILERPLATE, *paragraphs(201, 2)]), source="courier")
        assert [(d.index, d.kind) for d in later.duplicates] == [(0, "boilerplate")]
        assert other.kept == (0, 1, 2)


def test_updated_republication() -> None:
    # The republished story attributes its third paragraph ("..., officials said."): words of
    # its own at the end of the paragraph, which stays with the two new paragraphs.
    story = paragraphs(3, 5)
    edited = story[2][:-1] + ", officials said."
    update = [*story[:2], edited, *story[3:], *paragraphs(4, 2)]
    with Deduplicator() as dd:
        dd.dedupe(join(story), doc_id="monday")
        result = dd.dedupe(join(update), doc_id="tuesday")
    assert result.kept == (2, 5, 6)
    removed = {d.index: (d.kind, d.doc_id, d.original) for d in result.duplicates}
    assert removed == {
        0: ("exact", "monday", 0),
        1: ("exact", "monday", 1),
        3: ("exact", "monday", 3),
        4: ("exact", "monday", 4),
    }
    # With a typo fixed instead, it goes as an edited copy.
    word = next(w for w in story[2].split() if len(w) > 7 and w.isalpha())
    fixed = story[2].replace(word, word[:3] + word[4:], 1)
    with Deduplicator() as dd:
        dd.dedupe(join(story), doc_id="monday")
        result = dd.dedupe(join([*story[:2], fixed, *story[3:]]), doc_id="tuesday")
    assert result.kept == ()


def test_a_paragraph_with_an_update_appended_stays_in_a_republication() -> None:
    # The republished story adds a sentence to its third paragraph: the paragraph holds new
    # content, and stays, though the paragraphs around it repeat the first story's.
    story = paragraphs(7, 5)
    story[2] = " ".join(paragraphs(10, 3))  # (a long one: the sentence adds a tenth to it)
    added = "On Tuesday the board said the cost of the work had doubled to eight million euros."
    update = [*story[:2], f"{story[2]} {added}", *story[3:]]
    with Deduplicator() as dd:
        dd.dedupe(join(story), doc_id="monday")
        result = dd.dedupe(join(update), doc_id="tuesday")
    assert result.kept == (2,)
    assert result.duplicate_of is None or result.duplicate_of.similarity < 1.0
    # So does one that adds a lead-in to a list after it, ending with a colon.
    lead_in = "The board listed the works that will go ahead this year:"
    listed = [*story[:2], f"{story[2]} {lead_in}", *story[3:]]
    with Deduplicator() as dd:
        dd.dedupe(join(story), doc_id="monday")
        assert dd.dedupe(join(listed), doc_id="tuesday").kept == (2,)


def test_a_heading_with_a_typo_goes_between_copies_of_an_indexed_document() -> None:
    # An outlet's copy of a wire story fixed a typo in a heading, too short for a fuzzy hash:
    # between copies of the paragraphs around the indexed heading, it goes as a near copy.
    # Another heading there (other words, or other figures) stays.
    story = paragraphs(11, 4)
    wire = [story[0], story[1], "Harbour board delays the vote", story[2], story[3]]
    with Deduplicator() as dd:
        dd.dedupe(join(wire), doc_id="wire")
        fixed = dd.check(join([*wire[:2], "Harbour board delays the vote", *wire[3:]]))
        typo = dd.check(join([*wire[:2], "Harbour board delyas the vote", *wire[3:]]))
        other = dd.check(join([*wire[:2], "What the new quay will cost", *wire[3:]]))
    assert fixed.kept == ()
    assert typo.kept == ()
    [dup] = [d for d in typo.duplicates if d.index == 2]
    assert (dup.kind, dup.doc_id, dup.original) == ("near", "wire", 2)
    assert "between copies of the paragraphs around it" in dup.rule
    assert other.kept == (2,)


def test_a_common_short_line_goes_inside_a_copy_of_an_indexed_document() -> None:
    # "Pros:" heads a list in more documents than a key takes postings for: inside a copy of
    # an earlier review it still goes, as the line beside the copied paragraph there, and the
    # list's lines with it.
    review = [
        "Our pick for most homes is the Larkspur Cam 3, a wired outdoor camera with sharp video.",
        "Pros:", "Sharp night video", "Wired power, no batteries", "Weatherproof housing",
        "Cons:", "The app needs an account before the camera will record anything at all.",
    ]  # fmt: skip
    with Deduplicator() as dd:
        for n in range(MAX_POSTINGS + 2):
            dd.dedupe(join([*paragraphs(100 + n, 1), "Pros:", "Cons:"]), doc_id=f"other{n}")
        dd.dedupe(join(review), doc_id="first")
        again = dd.dedupe(join(review), doc_id="second")
    assert again.kept == ()
    assert {d.doc_id for d in again.duplicates} == {"first"}


def test_a_shorter_statement_without_a_word_of_the_indexed_one_stays() -> None:
    # Its words stand in order in an indexed paragraph, but for a "not" inside it: it says
    # the opposite, and is no part of that paragraph.
    said = "Officials said the new bridge will not open to traffic before the end of next year."
    with Deduplicator() as dd:
        dd.dedupe(
            said.replace(".", ", because steel deliveries have been delayed."), doc_id="first"
        )
        result = dd.dedupe(said.replace(" not", ""), doc_id="second")
    assert result.duplicates == ()


def test_a_republished_figure_is_an_update_and_stays() -> None:
    # Republished with one figure changed, and the lines around it the same: the new figure is
    # the update, new content, and stays (inside one document a changed figure in a copy of the
    # body is a correction of the same page, and goes with the copy).
    story = paragraphs(6, 4)
    figures = "Bids came to 31 million euros for the quay and 12 million for the cranes, in all."
    first = [story[0], story[1], "Key figures:", figures, "Source: the port", story[2], story[3]]
    changed = figures.replace("31 million", "34 million")
    second = [story[0], story[1], "Key figures:", changed, "Source: the port", story[2], story[3]]
    with Deduplicator() as dd:
        dd.dedupe(join(first), doc_id="first")
        result = dd.dedupe(join(second), doc_id="second")
        assert result.kept == (3,)
        assert result.duplicate_of is not None and result.duplicate_of.doc_id == "first"
        # The words around the figure edited too, as any copy may be: it stays all the same.
        edited = changed.replace("in all", "all told")
        again = dd.check(join([*second[:3], edited, *second[4:]]))
        assert again.kept == (3,)
        # So does a figure written out, or one the earlier paragraph lacks.
        for update in (
            figures.replace("12 million", "twelve million"),
            figures.replace(", in all", ", 43 million in all"),
        ):
            assert dd.check(join([*first[:3], update, *first[4:]])).kept == (3,)
    assert dedupe(join([*first, *second])).kept == tuple(range(7))


def test_a_document_added_again_under_its_id_replaces_itself() -> None:
    story = paragraphs(5, 4)
    with Deduplicator() as dd:
        dd.dedupe(join(story), doc_id="a")
        again = dd.dedupe(join([*story, *paragraphs(6, 1)]), doc_id="a")
        assert again.kept == (0, 1, 2, 3, 4)
        assert dd.store.document_count() == 1
        assert dd.store.paragraph_count() == 5


def test_check_does_not_add() -> None:
    story = join(paragraphs(7, 4))
    with Deduplicator() as dd:
        dd.dedupe(join(paragraphs(8, 3)), doc_id="x")
        before = (dd.store.paragraph_count(), dd.store.document_count())
        assert dd.check(story).kept == (0, 1, 2, 3)
        assert dd.check(story).kept == (0, 1, 2, 3)
        assert (dd.store.paragraph_count(), dd.store.document_count()) == before
        assert dd.dedupe(story).kept == (0, 1, 2, 3)
        assert dd.check(story).kept == ()


def test_forget() -> None:
    story = join(paragraphs(9, 3))
    with Deduplicator() as dd:
        dd.dedupe(story, doc_id="a")
        assert dd.forget("a") == 3
        assert dd.forget("a") == 0
        assert dd.store.paragraph_count() == 0
        assert dd.dedupe(story, doc_id="b").kept == (0, 1, 2)
        assert dd.dedupe(story, doc_id="c").kept == ()


def test_documents_without_an_id_get_fresh_ones() -> None:
    with Deduplicator() as dd:
        ids = [dd.dedupe(join(paragraphs(10 + n, 1))).doc_id for n in range(3)]
        assert len(set(ids)) == 3
        copy = dd.dedupe(join(paragraphs(11, 1)))
        assert copy.duplicates[0].doc_id == ids[1]


def test_max_paragraphs_evicts_the_oldest_documents() -> None:
    docs = [join(paragraphs(20 + n, 4)) for n in range(5)]
    with Deduplicator(max_paragraphs=10) as dd:
        for n, doc in enumerate(docs):
            dd.dedupe(doc, doc_id=f"d{n}")
            assert dd.store.paragraph_count() <= 10
        assert dd.store.document_count() == 2
        assert dd.check(docs[0]).kept == (0, 1, 2, 3)  # evicted
        assert dd.check(docs[4]).kept == ()


def test_max_age_evicts_old_documents() -> None:
    now = [0.0]
    docs = [join(paragraphs(30 + n, 2)) for n in range(3)]
    with Deduplicator(max_age=100, clock=lambda: now[0]) as dd:
        for at, doc in zip((0.0, 50.0, 160.0), docs, strict=True):
            now[0] = at
            dd.dedupe(doc)
        assert dd.store.document_count() == 1
        assert dd.check(docs[0]).kept == (0, 1)
        assert dd.check(docs[1]).kept == (0, 1)
        assert dd.check(docs[2]).kept == ()


def test_threads_keep_each_repeated_paragraph_exactly_once() -> None:
    shared = paragraphs(40, 40)
    rng = random.Random(41)
    work = [
        [join(rng.sample(shared, 5) + paragraphs(1000 + 10 * t + n, 1)) for n in range(15)]
        for t in range(4)
    ]
    with Deduplicator() as dd:
        kept = dedupe_in_threads(dd, work)
    fed = {p for docs in work for doc in docs for p in doc.split("\n\n")}
    assert set(kept) == fed  # nothing lost
    assert max(kept.values()) == 1  # nothing kept twice


def test_the_index_records_its_settings() -> None:
    store = MemoryStore()
    with Deduplicator(store=store) as dd:
        dd.dedupe(join(paragraphs(50, 2)))
    with pytest.raises(IndexMismatchError, match="num_perm=32"):
        Deduplicator(store=store, fingerprint=FingerprintSettings(num_perm=32, bands=8))
    with pytest.raises(ValueError):  # the narrower builtin is caught too
        store.check_settings("something else")


def test_an_empty_or_mistyped_id_is_refused() -> None:
    with Deduplicator() as dd:
        with pytest.raises(ValueError, match="must not be empty"):
            dd.dedupe("A paragraph of text.", doc_id="")
        with pytest.raises(TypeError, match="doc_id must be a str or None, got int"):
            dd.check("A paragraph of text.", doc_id=7)  # type: ignore[arg-type]
        assert dd.dedupe("A paragraph of text.").doc_id == "#1"  # (nothing added before)


def test_memory_store_is_a_store() -> None:
    assert isinstance(MemoryStore(), Store)


def test_closed_store_refuses_work() -> None:
    dd = Deduplicator()
    dd.close()
    dd.close()
    with pytest.raises(ValueError, match="closed"):
        dd.dedupe("Some paragraph of text for the closed store.")


# The memory store against a plain reference: the same answers through adds, replacements,
# forgets, evictions and the rebuilds they trigger.


class ReferenceStore:
    """The obvious dict-of-lists store, to check :class:`MemoryStore` against."""

    def __init__(self) -> None:
        self.docs: dict[str, StoredDocument] = {}  # insertion order: oldest first
        self.postings: dict[int, list[tuple[str, int]]] = {}  # key -> (doc, paragraph index)

    def add(self, doc: StoredDocument) -> None:
        self.forget(doc.doc_id)
        self.docs[doc.doc_id] = doc
        for paragraph, keys in zip(doc.paragraphs, doc.keys_by_paragraph(), strict=True):
            for key in keys:
                filed = self.postings.setdefault(key, [])
                if len(filed) < MAX_POSTINGS:
                    filed.append((doc.doc_id, paragraph))

    def forget(self, doc_id: str) -> int:
        doc = self.docs.pop(doc_id, None)
        if doc is None:
            return 0
        for filed in self.postings.values():
            filed[:] = [entry for entry in filed if entry[0] != doc_id]
        return len(doc.paragraphs)

    def evict(self, max_paragraphs: int) -> int:
        removed = 0
        while self.docs and sum(len(d.paragraphs) for d in self.docs.values()) > max_paragraphs:
            self.forget(next(iter(self.docs)))
            removed += 1
        return removed

    def canonical(self, doc_id: str, paragraph: int) -> str:
        doc = self.docs[doc_id]
        return doc.canonical[list(doc.paragraphs).index(paragraph)]

    def lookup(self, keys: set[int], exclude: str | None) -> dict[int, list[IndexedParagraph]]:
        out = {}
        for key in keys:
            found = [
                IndexedParagraph(doc_id, i, self.canonical(doc_id, i))
                for doc_id, i in self.postings.get(key, [])
                if doc_id != exclude
            ]
            if found:
                out[key] = found
        return out

    def neighbours(self, doc_id: str, paragraph: int) -> tuple[IndexedParagraph, ...]:
        doc = self.docs.get(doc_id)
        if doc is None or paragraph not in doc.paragraphs:
            return ()
        at = list(doc.paragraphs).index(paragraph)
        return tuple(
            IndexedParagraph(doc_id, doc.paragraphs[n], doc.canonical[n])
            for n in (at - 1, at + 1)
            if 0 <= n < len(doc.paragraphs)
        )

    def boilerplate(self, source: str, keys: set[int], min_docs: int) -> frozenset[int]:
        seen = Counter(
            key for d in self.docs.values() if d.source == source for key in set(d.exact_keys)
        )
        return frozenset(k for k in keys if seen[k] >= min_docs)


def random_document(rng: random.Random, doc_id: str, added: float) -> StoredDocument:
    """A document whose paragraphs share keys often (few distinct keys), to fill postings."""
    kept = []
    for i in range(rng.randint(0, 6)):
        keys = rng.sample(range(1, 60), 5)
        fp = ParagraphPrint(f"text {rng.random()}", 2, keys[0], tuple(keys[1:3]), tuple(keys[3:]))
        kept.append((i * 2, fp))
    exact = {fp.exact for _, fp in kept} | {rng.randrange(1, 50) for _ in range(3)}
    return StoredDocument.from_prints(doc_id, rng.choice(["s1", "s2", None]), added, kept, exact)


@pytest.mark.parametrize("batched", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_memory_store_matches_a_reference(
    seed: int, batched: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textclean import store as store_module

    monkeypatch.setattr(store_module._Postings, "BUFFER", 16)  # many runs and merges
    rng = random.Random(seed)
    store, reference = MemoryStore(), ReferenceStore()
    store.compact_slack = rng.choice([0, 3, 50])
    for step in range(400):
        action = rng.random()
        doc_id = f"d{rng.randrange(60)}"
        if action < 0.6 and batched:  # add_many: as many add() calls, one pass
            ids = [doc_id, *(f"d{rng.randrange(60)}" for _ in range(rng.randrange(6)))]
            docs = [random_document(rng, i, float(step)) for i in ids]
            store.add_many(docs)
            for doc in docs:
                reference.add(doc)
        elif action < 0.6:
            doc = random_document(rng, doc_id, float(step))
            store.add(doc)
            reference.add(doc)
        elif action < 0.8:
            assert store.forget(doc_id) == reference.forget(doc_id)
        elif action < 0.85:
            limit = rng.randrange(5, 60)
            assert store.evict(max_paragraphs=limit, before=None) == reference.evict(limit)
        keys = set(rng.sample(range(1, 60), 20))
        exclude = rng.choice([None, doc_id])
        assert store.lookup(keys, exclude_doc=exclude) == reference.lookup(keys, exclude)
        paragraph = rng.randrange(-1, 13)
        assert store.neighbours(doc_id, paragraph) == reference.neighbours(doc_id, paragraph)
        source = rng.choice(["s1", "s2"])
        keys = set(range(1, 50))
        min_docs = rng.randint(1, 4)
        assert store.boilerplate(source, keys, min_docs) == reference.boilerplate(
            source, keys, min_docs
        )
        assert store.paragraph_count() == sum(len(d.paragraphs) for d in reference.docs.values())
        assert store.document_count() == len(reference.docs)


def test_a_key_takes_at_most_max_postings() -> None:
    store = MemoryStore()
    common = ParagraphPrint("a common line", 3, 7, (), ())

    def doc(n: int) -> StoredDocument:
        unique = ParagraphPrint(f"line {n}", 2, 1000 + n, (), ())
        return StoredDocument.from_prints(f"d{n}", None, 0.0, [(0, common), (1, unique)], ())

    for n in range(MAX_POSTINGS + 5):
        store.add(doc(n))
    assert [e.doc_id for e in store.lookup({7})[7]] == [f"d{n}" for n in range(MAX_POSTINGS)]
    assert store.lookup({1000 + MAX_POSTINGS + 4})  # its other keys are filed
    store.forget("d0")
    store.add(doc(100))
    assert store.lookup({7})[7][-1].doc_id == "d100"
    assert len(store.lookup({7})[7]) == MAX_POSTINGS


def test_a_rejected_document_leaves_the_memory_store_as_it_was() -> None:
    store = MemoryStore()
    fp = ParagraphPrint("the bridge reopens in march", 5, 11, (12,), (13, 14))
    store.add(StoredDocument.from_prints("a", None, 0.0, [(0, fp)], {11}))
    before = store.lookup({11, 12, 13, 14})
    bad = StoredDocument.from_prints("a", None, 1.0, [(0, fp)], {11})  # replaces "a" if taken
    bad = StoredDocument("a", None, 1.0, bad.paragraphs, bad.canonical, -bad.keys, bad.rows, ())
    with pytest.raises(ValueError, match="non-negative"):
        store.add(bad)
    short = StoredDocument("b", None, 1.0, [0, 1], ["one text"], bad.keys * 0 + 5, bad.rows, ())
    with pytest.raises(ValueError, match="match in length"):
        store.add(short)
    two = StoredDocument.from_prints("c", None, 1.0, [(0, fp), (1, fp)], {11})
    for rows in (two.rows[::-1], two.rows + 1):  # descending; naming a paragraph not there
        with pytest.raises(ValueError, match="ascending positions"):
            store.add(StoredDocument("c", None, 1.0, two.paragraphs, two.canonical, two.keys,
                                     rows, ()))  # fmt: skip
    assert (store.document_count(), store.paragraph_count()) == (1, 1)
    assert store.lookup({11, 12, 13, 14}) == before


@pytest.mark.parametrize("seed", range(3))
def test_memory_store_texts_survive_batches_and_rebuilds(seed: int) -> None:
    from textclean.store import _Texts

    rng = random.Random(seed)
    texts, rows = _Texts(), []
    for _ in range(6):
        for _ in range(rng.randint(1, 8)):
            batch = [
                "".join(rng.choice("ab é\0") for _ in range(rng.randint(0, 12)))
                for _ in range(rng.randint(0, 5))
            ]
            texts.extend(batch)
            rows += batch
        assert [texts.get(r) for r in range(len(rows))] == rows
        keep = [rng.random() < 0.7 for _ in rows]
        texts.rebuild(np.array(keep, dtype=np.bool_))
        rows = [text for text, k in zip(rows, keep, strict=True) if k]
        assert len(texts) == len(rows)
        assert [texts.get(r) for r in reversed(range(len(rows)))] == rows[::-1]


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        ("max_age", "10", TypeError),
        ("max_age", -5, ValueError),
        ("max_age", True, TypeError),
        ("max_paragraphs", 0, ValueError),
        ("max_paragraphs", "100", TypeError),
        ("max_paragraphs", 2.5, ValueError),
        ("boilerplate_min_docs", None, None),
        ("boilerplate_min_docs", "3", TypeError),
        ("document_threshold", 1.5, ValueError),
        ("document_threshold", "0.8", TypeError),
        ("document_threshold", float("nan"), ValueError),
    ],
)
def test_a_deduplicators_options_are_checked_with_a_clear_message(
    option: str, value: object, error: type[Exception] | None
) -> None:
    if error is None:
        Deduplicator(**{option: value}).close()
        return
    with pytest.raises(error, match=rf"^{option} must be .*, got {re.escape(repr(value))}$"):
        Deduplicator(**{option: value})
