"""Hypothesis properties of textclean.dedupe and of the fingerprints it rests on."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from tests.documents import WORDS
from tests.documents import paragraphs as news_paragraphs
from tests.strategies import SENTENCES, messy_text, news_documents, paragraphs
from textclean import Deduplicator, dedupe
from textclean.align import aligned_span
from textclean.boilerplate import (
    _APART,
    DEFAULT_PATTERNS,
    BoilerplateMatcher,
    _compile,
)
from textclean.fingerprint import (
    FingerprintSettings,
    _fingerprint,
    _fingerprint_in_parts,
    _flat,
    fingerprint_paragraphs,
    reference_signature,
    signatures,
)

ROOT = Path(__file__).resolve().parents[1]
# TEXTCLEAN_EXAMPLES=10000 makes a long search (a few minutes) for a counterexample.
FAST = settings(
    max_examples=int(os.environ.get("TEXTCLEAN_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _flattened(text: str) -> str:
    return " ".join(text.split())


any_text = st.one_of(messy_text(), st.text(), news_documents(), paragraphs().map(lambda t: t[0]))


def accounted(result: object, indexed: Mapping[str, set[int]] | None = None) -> None:
    """Every paragraph of ``result`` kept or removed, once; each removal but a boilerplate line
    names kept paragraphs of its document, or of an earlier one (``indexed``: the kept
    paragraphs of each)."""
    from textclean import DedupeResult

    assert isinstance(result, DedupeResult)
    kept = list(result.kept)
    gone = [d.index for d in result.duplicates]
    assert kept == sorted(set(kept))
    assert gone == sorted(set(gone))
    assert not set(kept) & set(gone)
    assert set(kept) | set(gone) == set(range(len(result.paragraphs)))
    for d in result.duplicates:
        among = set(result.kept) if d.doc_id is None else (indexed or {}).get(d.doc_id, set())
        assert d.original is None or d.original in among
        assert d.original is not None or d.kind == "boilerplate"  # (which paragraph it repeats)
        assert set(d.originals) <= among
    for p in result.paragraphs:
        assert result.source_text[p.start : p.end] == p.text


@FAST
@given(any_text)
@example("")
@example("\u200b")
@example("\r\n\r\n\u2029")
@example("Key points")
@example("[" * 100_000 + "]" * 100_000)  # brackets nested past what a JSON parser reads
@example("[" * 50_000 + "\n" + "]" * 50_000)  # ... over lines of one block
@example(f"{SENTENCES[0]}\n\n{SENTENCES[1]}\n\nSummary")  # a label ends the document
@example("0\r00OS0:T0IS:0TI0\x1e\rPOINTS\r00OS0:T0IS:0TI0\r>00OS0:T0IS:0TI0\r>00OS0:T0IS:0TI0")
@example(  # (seed 622: the paragraph that holds the others is no copy of them)
    "The council approved the budget on Tuesday after a long debate.The council approved the "
    "budget on Tuesday after a long debate\nThe council approved the budget on Tuesday after a "
    "long debate.The council approved the budget on Tuesday after a long debate.L 4 L 4 L\nThe "
    "council approved the budget on Tuesday afte a long debate."
)
@example(  # (seed 632: a line contained in a later one that went as an edited copy of it)
    "Ue/Xa/e//iqte:eT/tm/qeqiTe:tq:tXe/ma1mq/qaiT.\r0000000/q0:/e/eq1/00/mi:0teq/0Xi/e/tXe/0qiT1e"
    "/iq/:/00\r00000000000000000000\r\x1bUe/Xa/e//iqte:eT/tm/qeqiTe:tq:\x1btXe/ma1mq/qaiT.000000"
    '00000000000000000/00/mi:0teq/000/e/tXe/0qiT1e/iq\r0\x0cU"eXa$e$iqte,eTtm"qeqiTe,tq>tX"ma1'
    'mq"qai.\x0cU"eXa$e$iqte,eTtm"qeqiTe,tq>tX"ma1mq"qai'
)
def test_never_raises_and_accounts_for_every_paragraph(text: str) -> None:
    accounted(dedupe(text))
    accounted(dedupe(text, clean=False))


@FAST
@given(any_text)
@example(  # a box's label went after the longest copy stayed: no round again (seed 102)
    "\n".join(["Key points", "The council approved the budget on Tuesday aftr a long ebate.",
               "We have listened to residents,the mayor said.The council approved the budget on "
               "Tuesday after a long ebate", "“We have listened to residents, ”the mayor said. The "
               "council approved the budget on Tuesday after a l",
               *["We have listened to residents,the mayor said."] * 3,
               "AW — We have listened to residents,the mayor said"])
)  # fmt: skip
def test_never_raises_with_other_options(text: str) -> None:
    accounted(dedupe(text, keep="longest", remove_short_repeats=True, threshold=0.5))


@FAST
@given(st.lists(st.one_of(news_documents(), news_documents().map(_flattened)), max_size=4))
@example(["\n\n".join(["Key points", *["Closed Share this article"] * 3])])  # (seed 617)
def test_a_stream_accounts_for_every_paragraph(texts: list[str]) -> None:
    # Documents made of the same sentences, some with their paragraph breaks gone: whatever
    # goes as a copy of an earlier document names paragraphs that document kept.
    indexed: dict[str, set[int]] = {}
    with Deduplicator() as dd:
        for n, text in enumerate(texts):
            result = dd.dedupe(text, doc_id=f"d{n}")
            accounted(result, indexed)
            indexed[f"d{n}"] = set(result.kept)


_S = "The council approved the budget on Tuesday after a long debate."
_PS = "Critics said the cost had nearly doubled since 2021."
_PQ = "“Critics said the cost had nearly doubled since 2021” — the mayor"
_C = "Closed Share this article"
_F, _W, _A, _O = SENTENCES[1], "WASHINGTON (AP) — ", "Share this article", SENTENCES[4]
_O2 = SENTENCES[5]  # "Work is due to start in March."
_TEH = _S.replace("the budget", "teh budget") + " Line 4"
_TAG = "<p><a href='/a'>Share</a>"
_M2 = SENTENCES[2]
_F2 = SENTENCES[3]
_M = f"{_M2} Closed"
_Q = "“We have listened to residents,” the mayor said."
_SA = f"{_S} Advertisement"
_CRITICS = "Critics said the cost had nearly doubled since 2021."
_SS = f"{_S} {_S}"
_L4 = "Share this article Line 4 Line 4"
_MARCH = "Work is due to start in March"
_MD_SHARE = "[Share](https://example.com/a_(b)) this article Line 4 Line 4"
_HTML_L4 = '<a href="https://example.com/a?b=c">Share</a> this article Line 4 Line 4'
_S_TEH, _Q_TEH = _S.replace("the budget", "teh budget"), _Q.replace("the mayor", "teh mayor")
_PULLED = f"“{_S[:-1]}” — the mayor"
_PULLED_O = f"“{_O[:-1]}” — the mayor"
_MOJIBAKE_Q = SENTENCES[2].encode("utf-8").decode("latin-1")
_HTML_SHARE = '<p><a href="https://example.com/a?b=c">Share</a> this article</p>'
_S3 = f"{_S} {_S} {_S}"
_A_THE = f'<p><a href="https://example.com/a?b=c">The</a>{_S[3:]}'
_A_FERRIES = f"{_A_THE} Ferries will run every 20 minutes while the bridge is closed.</p>"
_HTML_F = '<p><a href="https://example.com/a?b=c">Ferries</a> will run every 20 minutes while the bridge is closed.</p>'  # noqa: E501
_BODY_791 = "\n\n".join([f"{_S} {_S}", _F, f"{_S} {_S} {_F} {_HTML_F}", _HTML_F])
_DATA_791 = {"@type": "NewsArticle", "headline": f"{_S} {_S}", "url": "https://example.com/a",
             "articleBody": _BODY_791}  # fmt: skip
_HTML_S = f'<p><a href="https://example.com/a?b=c">The</a>{_S[3:]}</p>'
_HTML_Q = f'<p><a href="https://example.com/a?b=c">Line</a> 4 {_Q}</p>'
_TEASER_1142, _BODY_1142 = f"{_S} {_Q[:24]}…", f"{_S} {_MOJIBAKE_Q} {_S}"
_DATA_1142 = {"@type": "NewsArticle", "headline": _TEASER_1142, "url": "https://example.com/a",
              "articleBody": "\n\n".join([_TEASER_1142, _SS, _BODY_1142])}  # fmt: skip
_DATA_1131 = {"@type": "NewsArticle", "headline": _S, "url": "https://example.com/a",
              "articleBody": "\n\n".join([_S, _S, _S, _HTML_S])}  # fmt: skip
_DATA_891 = {"@type": "NewsArticle", "headline": _S, "url": "https://example.com/a",
             "articleBody": " ".join([_S, _HTML_S, _Q, _S, _F, "Closed"])}  # fmt: skip
_SFF = f"{_S} {_F} {_F}"
_DATA_2714 = {"@type": "NewsArticle", "headline": _S, "url": "https://example.com/a",
              "articleBody": "\n\n".join([_SFF, _SS, _HTML_S])}  # fmt: skip


def _shared_lines_under_data(visible: list[str]) -> str:
    """A JSON-LD object whose body holds a share line, a tagged one and ``_SS``, over
    ``visible``: a page whose data copy stays while its visible copies go as copies of it."""
    body = "\n\n".join(["Share this article", _HTML_SHARE, _SS])
    data = {"@type": "NewsArticle", "headline": "Share this article", "articleBody": body}
    return "\n\n".join([json.dumps(data), *visible])


_C3 = f"Closed {SENTENCES[1]}"
_C2 = _C3.replace("the", "teh", 1)
_W2 = "WASHINGTON (AP) — Closed"


def _T(s: str) -> str:  # a copy wrapped in HTML, with a link
    return '<p><a href="https://example.com/a?b=c">' + s.replace(" ", "</a> ", 1) + "</p>"


_MAYOR = (
    "After the meeting the mayor explained the main points of the decision to the press at city "
    "hall."
)
_BOARD = (
    "The advisory board's opinion is not binding, but the board can take the matter to the "
    "administrative court if it sees the law broken. That is new for the city."
)


@FAST
@given(news_documents())
@example(f"{_S}\n\n{_S}\n\n{_S} {_S}")  # a sentence, its repeat, and both run together
@example(f"{_S}\n\n{SENTENCES[1]} {_S}\n\n{SENTENCES[4]}")  # a highlight of a later paragraph
@example("\n\n".join([_S, f"{_S} {_S}", " ".join([_S] * 4), f"{_S} {_S}"]))  # copies of copies
@example(  # a short line repeated after its first copy went as part of a longer paragraph
    "\n\n".join([" ".join([_S] * 2 + [_C]), _S, _S, _C, _S, _C, _C])
)
@example(  # a merged copy of paragraphs between which the first pass removes repeats
    "\n\n".join(
        [
            _S,
            f"{_W}{_F}",
            *[_S] * 4,
            f"{_W}{_S}",
            f"Advertisement {_F} {_W}{_S}",
            "Advertisement",
            _F,
            f"{_W}{_S}",
        ]
    )
)
@example(  # a repeat's neighbour beyond four removed paragraphs
    "\n\n".join([f"{_A} {_S}", *[f"{_A} {_A}"] * 5, f"{_W}{' '.join([_A] * 7)} {_S}", f"{_A} {_A}"])
)
@example(  # a short line repeated right after a later copy of itself
    "\n".join([f"{_S} Advertisement", _C, f"{_S} Advertisement {_C}", *[_C] * 9, _F, _C, _C])
)
@example(  # a line removed as the rest of a split copy, beside a later-contained one
    "\n\n".join([f"{_F} Closed", f"{_S} {_F} Closed {_O}", _S, f"{_F} Closed", _O, "Closed"])
)
@example(  # lines that read as one hard-wrapped paragraph once the widest line between is gone
    "\n".join(
        [
            SENTENCES[2],
            SENTENCES[2],
            f"{SENTENCES[2]} {SENTENCES[2]}",
            *[SENTENCES[2]] * 8,
            f"{SENTENCES[2]} Closed",
            f"{_W}{SENTENCES[2]}",
        ]
    )
)
@example(  # a line and a later one that make up a merged paragraph once the repeats between go
    "\n\n".join([f"{_C} {_W}{_C}", *[_C] * 8, f"{_W}{_C}"])
)
@example(  # lines that read as hard-wrapped text once the widest line, first in the block, goes
    "\n".join(['{"@type": "NewsArticle", "headline": "Advertisement Advertisement", "articleBody":'
               ' "Advertisement Advertisement"}', *["Advertisement Advertisement"] * 6,
               f"{_W}Advertisement Advertisement", *["Advertisement Advertisement"] * 4,
               f"{_W}Advertisement Advertisement", "Advertisement Advertisement",
               '<p><a href="https://example.com/a?b=c">Advertisement</a> Advertisement</p>'])
)  # fmt: skip
@example(  # a paragraph split twice: the second copy's first line repeats the first copy's
    "\n\n".join([f"{_W}Share this article Closed", f"{_W}Share this article", "Closed",
                  "Closed", f"{_W}Share this article", "Closed"])
)  # fmt: skip
@example(  # structured data covered by boilerplate lines, which a second run no longer sees
    "\n\n".join(['{"@type": "NewsArticle", "headline": "Share this article", "articleBody": '
                  '"Share this article"}', " ".join(["Share this article"] * 3)]
                 + ["Share this article"] * 5)
)  # fmt: skip
@example(  # structured data set aside until the last short lines are removed
    "\n\n".join(['{"@type": "NewsArticle", "headline": "Closed", "articleBody": "Closed"}']
                 + ["Closed"] * 15)
)  # fmt: skip
@example(  # a copy with a typo, closest to a tagged copy that goes later: not to the plain one
    "\n\n".join([f"{_A} {_F} {_S}", f"{_TAG} this article {_F} {_S}</p>", f"{_A} {_S} {_S}",
                  f"{_W}{_A} {_S} {_S}", f"{_TAG} this article {_S} {_S}</p>", f"{_A} {_S} {_S}",
                  f"{_A} {_S} {_S}", f"{_A} {_S.replace('the', 'teh', 1)} {_S}"])
)  # fmt: skip
@example(  # a merged copy whose first line's copies went as exact repeats of a kept one
    "\n\n".join([f"{_M} {_S}", *[_M] * 6, _S, _S.replace("the", "teh", 1), _M, _S, *[_M] * 4])
)
@example(  # HTML lines in a block that looks hard-wrapped: the line after "</p>" is a paragraph
    # of its own, and then a repeat of a kept one (Hypothesis seed 103)
    "\n".join(["Line 4", SENTENCES[2], _S, *["Closed Share this article"] * 2, *["Line 4"] * 3,
               f'<p><a href="https://example.com/a?b=c">{SENTENCES[2][:3]}</a>{SENTENCES[2][3:]}</p>',
               "Line 4"])
)  # fmt: skip
@example(  # a sentence of a paragraph, linked only to a later copy of it: the window that copy
    # makes takes the kept paragraph before it, which goes later; tried again, the sentence goes
    # as part of the first paragraph (Hypothesis seed 129)
    "\n\n".join([f"Closed {_F} {_A} {_S}", f"Closed {_F} {_A}", _S, f"{_W}Closed {_F} {_A}", _S,
                   _F])
)  # fmt: skip
@example(  # a paragraph contained in a later one goes, and a short line beside it with it: the
    # copy whose window held them is tried again (Hypothesis seed 123)
    "\n".join([_F2, "Closed", f"{_F2} Closed", f"{_W}{_F2} Closed", _S, _S, _S, "Closed",
               f"{_F2} Closed", f"{_W}Closed", _F2])
)  # fmt: skip
@example(  # a short line that goes late, inside a repeated run, stood in the window of a merged
    # copy: tried again once it is gone, the window covers the copy (Hypothesis seed 122)
    "\n\n".join([f"{_W}Line 4", f"{_S} {_S}", f"{_W}Line 4", f"{_S} {_S}", "Line 4",
                   f"{_S} Line 4"])
)  # fmt: skip
@example(  # a merged copy's window held a short sentence that goes late, beside a copy of the
    # same text; without it the window covers the copy: tried again once it is gone, as a second
    # run would (Hypothesis seed 120)
    "\n\n".join([f"{SENTENCES[4]} {SENTENCES[2]}", *[f"Advertisement {SENTENCES[4]}"] * 5,
                   f"{_W}Advertisement {SENTENCES[4]}", f"Advertisement {SENTENCES[4]}",
                   f'<p><a href="https://example.com/a?b=c">Advertisement</a> {SENTENCES[4]}</p>',
                   f'<p><a href="https://example.com/a?b=c">Advertisement</a> {SENTENCES[4]}</p>'
                   f" Advertisement {SENTENCES[4]}",
                   *[f"Advertisement {SENTENCES[4]}"] * 2])
)  # fmt: skip
@example(  # structured data goes from a block of lines, and a blank line takes its place: the
    # lines after it, no longer beside its width, would read as one hard-wrapped paragraph, so
    # they are separated too (Hypothesis seed 119)
    "\n".join(["WASHINGTON (AP) — Closed Closed", *["Closed Closed"] * 4, " ".join(["Closed"] * 8),
               '{"@type": "NewsArticle", "headline": "WASHINGTON (AP) — Closed Closed", "url": '
               '"https://example.com/a", "articleBody": "WASHINGTON (AP) — Closed Closed"}',
               *["Closed Closed"] * 3, "WASHINGTON (AP) — Closed Closed", "Closed Closed"])
)  # fmt: skip
@example(  # a copy of the end of one paragraph and the start of another, with a third between
    # them until it goes as contained in a later one: it is tried again once that one is gone
    # (Hypothesis seed 93)
    "\n\n".join([f"{SENTENCES[4]} {SENTENCES[4]}", _S, f"{SENTENCES[1]} {_S}",
                  f"{SENTENCES[4]} Closed {SENTENCES[1]}"])
)  # fmt: skip
@example(  # a line and "Share this article" and the line again, after five copies of the line and
    # a datelined one: the walk took the second copy of the line, removed, for its second half,
    # which covers one word less than the datelined one; it is walked again past removed
    # paragraphs, as a second run would (Hypothesis seed 111)
    "\n".join([_S] * 5 + [f"{_W}{_S}", f"{_S} Share this article", _S])
)  # fmt: skip
@example(  # a copy laid over a line and the end of a paragraph that holds that line too: the
    # alignment took the line inside the paragraph, and only a second run, with the line first,
    # saw the copy whole; the short lines that go late are in its window, and it is tried again
    # without them (Hypothesis seed 62)
    "\n\n".join([_S, _S, _C2, _S, _S, _S, _W2, " ".join([_S, _S, _C2, _S, _S, _S, f"{_W2} {_S}",
                  _S, _C3]), _S, _S, _C3, _S, _S, f"{_W}{_C3}", _S])
)  # fmt: skip
@example(  # a typo'd copy held as contained in a paragraph that goes later, as contained in a
    # longer one: it is tried again among the paragraphs that stay
    "\n\n".join([f"{_S} {_S}", _S, " ".join([_S] * 5 + [_T(_S)]), _S, _S, _T(_S), *[_S] * 4, _F,
                  f"{_W}{_S}", _S.replace("the", "teh", 1)])
)  # fmt: skip
@example(  # an edited copy that lines up with its originals once the repeats between them go
    "\n\n".join([_S, _S, _S, _F, _Q, _T(_S), _T(_F), *[_S] * 5, _T(_Q)])
)
@example(  # a copy inside the paragraph sharing the third most keys with it, the top two fail
    "\n\n".join([f"{_W}{_S}", f"{_W}{_S} Closed {_S}", *[_S] * 3,
                  f'<p><a href="https://example.com/a?b=c">The</a>{_S[3:]}</p>', _S])
)  # fmt: skip
@example(  # a paragraph's parts, and a copy of its end that went: the parts are still tried
    "\n\n".join([f"{SENTENCES[2]} Closed {_C}", *[_S] * 5, _C, f"{SENTENCES[2]} Closed", _C])
)
@example(  # a copy aligned through a window wider than the paragraphs it draws on (seed 42)
    "\n".join([f"{_M2} Advertisement Closed", _S, f"{_M2} Advertisement Closed", "Advertisement",
               _M2, f"{_M2} Advertisement Closed", "Closed", "Closed",
               *[f"{_M2} Advertisement Closed"] * 2])
)  # fmt: skip
@example(  # a copy's walk removed one line; the parts that stay make up the paragraph again
    "\n\n".join([f"{_C} {_S} Closed {_C}", *[_C] * 3, f"{_S} Closed",
                   f"{_S.replace('the', 'teh', 1)} Closed", *[_C] * 3, f"{_S} Closed", *[_C] * 3,
                   f"{_W}{_C}", _C])
)  # fmt: skip
@example(  # a rewording held beside a copy that lines up with it, never tried for containment
    "\n\n".join([_F, f"{_S} {_S}", f"{_W}{_S}", f"{_W}Line 4 {_S}", f"{_S} {_S}", f"Line 4 {_S}"])
)  # (seed 192)
@example(  # a near copy held against a paragraph that went late, a nearer one beside it (seed 233)
    "\n\n".join([f"{_S} Closed Line 4 {_S} Closed Line 4", f"{_S} Closed Line 4",
                   f"{_S.replace('the', 'teh', 1)} Closed Line 4", f"{_W}{_S} Line 4 Line 4",
                   *[f"{_S} Closed Line 4"] * 3, f"{_S.replace('the', 'teh', 1)} Line 4 Line 4"])
)  # fmt: skip
@example(  # a highlights item whose body copy a kept paragraph before it holds (seed 612)
    "\n\n".join(["Key points", f"{_S} Closed", f"{_S} Closed {_S} Closed", f"{_S} Closed"])
)
@example(  # ... far enough below the item to hold it, once the body's copy is gone (seed 615)
    "\n\n".join(["Key points", _S, "Closed", "Closed", f"{'Closed ' * 5}{_S}", "Closed", _S])
)
@example(  # ... or after it: the body's copy, kept, would go as held by it (seed 617)
    "\n\n".join(["Key points", f'<p><a href="https://example.com/a?b=c">{_S[:3]}</a>{_S[3:]}</p>',
                   _S, *[f"{_S} Ferries will run every 20 minutes while the bridge is shut."] * 7])
)  # fmt: skip
@example(  # ... a line before the body holds the item's body copy with the line after it,
    # which it stands in once the item went and its copy stayed (seed 627)
    "\n\n".join(["Key points", _S, f"{_S} {_Q}", f"{_Q} Closed", f"{_Q} Closed", _S, f"{_S} {_Q}",
                   "Closed"])
)  # fmt: skip
@example(  # ... a paragraph before the item's body copy holds it, once the item went (seed 628)
    "\n\n".join(["Key points", f"Closed {_F} {_S}", f"{_F} {_S} {_S}", *[f"Closed {_F} {_S}"] * 2])
)
@example(  # ... or paragraphs before a paragraph after it, once it stays (seed 628 too)
    "\n\n".join(["Key points", f"{_F} {_F}", _S, f"{_F} {_F}", f"{_F} {_F}", f"{_S} {_F}"])
)
@example(  # ... or a paragraph before it, an edited copy of it behind its dateline (seed 643)
    "\n\n".join(
        ["Key points", f"{_W}{_S} Line 4", f"{_S} Line 4", f"{_S} Line 4", _TEH, f"{_W}{_S} Line 4"]
    )
)
@example(  # ... or a paragraph after it, whose words stand in order in the kept paragraphs before
    # it once the item's body copy stays: that copy is its last line (seed 118)
    "\n\n".join(["Key points", f"{_A} Line 4 Advertisement", f"{_S.replace('the b', 'teh b')} {_S}",
                   *[f"{_S} {_S}"] * 2, f"{_W}{_S}", f"{_A} Line 4 Advertisement",
                   f"{_S} {_S} {_W}{_S} {_A} Line 4 Advertisement", f"{_S} {_S}"])
)  # fmt: skip
@example(  # a title repeated under a short line once the copies between went: the JSON-LD
    # before it opens nothing, and the lines close up again after the last copies go (seed 662)
    _shared_lines_under_data([_HTML_SHARE, "Key points", _SS, _HTML_SHARE, _SS])
)
@example(_shared_lines_under_data([_HTML_SHARE, "Key points", _SS, _SS, _HTML_SHARE]))
@example(  # a line contained in a later paragraph that looked like the copy of the lines between
    # them, until the last of those went in a round of short lines (seed 688)
    "\n\n".join([_Q, _S, _S, f"{_Q} Closed", f"{_S} {_S} {_Q} Closed {_S}", _S])
)
@example(  # a lede behind a dateline whose only earlier link, a copy of it, went (seed 702)
    "\n\n".join(
        [f"Advertisement {_S} {_F} Advertisement {_W}{_F} Advertisement", "Advertisement",
         f"{_S} {_F}", "Advertisement", f"{_W}{_F}", "Advertisement"]
    )
)  # fmt: skip
@example(  # short lines run together, whose lines stand in a row once JSON-LD went (seed 768)
    "\n\n".join(
        ["Line 4", json.dumps({"@type": "NewsArticle", "articleBody": "Line 4"}), "Line 4",
         "Line 4", "Line 4 Line 4 Line 4"]
    )
)  # fmt: skip
@example(  # a box whose items repeat one another before the body repeats the first (seed 791)
    "\n\n".join([json.dumps(_DATA_791), "Key points", f"{_S} {_S} {_S}", _F,
                   f"{_S} {_S} {_F} {_HTML_F}", _F, f"{_S} {_S} {_S}"])
)  # fmt: skip
@example(  # a lede behind a wire dateline, "CITY (AP) — ", is no headline under a site's name
    "\n\n".join(["WASHINGTON (AP) — Work is due to start in March.", *[SENTENCES[5]] * 12])
)  # (seed 821)
@example(  # a line and a paragraph that goes on with it again: no description cut short
    "\n\n".join([f"{_S} Closed", f"{_S} Closed", " ".join([f"{_S} Closed"] * 6) + f" {_S}"])
)  # (seed 842)
@example(  # a line "cut inside" a later paragraph only by way of a repeat that goes (seed 851)
    "\n\n".join([f"{_W}Closed {_F} Closed", *[_S] * 5, f"{_W}Closed {_F}",
                   "Closed", *[_S] * 5, f"Closed {_F}", f"Closed {_F}"])
)  # fmt: skip
@example(  # a box's items held by a JSON-LD object, as no kept paragraph holds them (seed 891)
    "\n\n".join(["Key points", _S, _HTML_S, _Q, _S, _F, "Closed", _S, _Q, "Closed", _S, "Closed",
                   json.dumps(_DATA_891, ensure_ascii=False), _S, _S, _S])
)  # fmt: skip
@example(  # a paragraph "held" as a teaser by a run that reached the teaser itself (seed 911)
    "\n\n".join(
        [_S, "Advertisement", f"{_S} Advertisement {_S} Advertisement", _S, "Advertisement"]
    )
)
@example(  # a line cut short of a later paragraph, a teaser only once that one is tried (922)
    "\n\n".join([f"{_S} Advertisement", _S, _HTML_S,
                   f"{_S} Advertisement {_S} {_HTML_S} {_S}", _S, _S])
)  # fmt: skip
@example(  # the same beside a JSON-LD object that holds it (seed 912)
    "\n\n".join([f"{_S} Closed", json.dumps({"@type": "Article", "articleBody": f"{_S} Closed"}),
                   f"{_S} {_S}", f"{_S} Closed {_S} {_S} {_S} {_S}", f"{_S} {_S}"])
)  # fmt: skip
@example(  # a teaser that holds the paragraphs after the one it ends with: copies (seed 960)
    "\n\n".join([f"{_S} {_S} {_S} {_W}{_S} {_S[:31]}…", _W + _S, _S, _S, _S, _W + _S,
                   f"{_S[:31]}…", _S, _S, _S, _S])
)  # fmt: skip
@example(  # "Share this article" run in after a paragraph is no sentence it adds (seed 959)
    "\n\n".join([SENTENCES[2]] * 3 + ["“Share this article” — the mayor"] + [SENTENCES[2]] * 4
                  + [f"{SENTENCES[2]} Share this article", _HTML_SHARE])
)  # fmt: skip
@example(  # a headline under a page's title, the lines above it gone: near the top (seed 962)
    "\n\n".join([json.dumps({"@type": "NewsArticle", "headline": _A, "articleBody": _A})]
                  + [_A] * 10 + [f"“{_A}” — the mayor", _HTML_SHARE])
)  # fmt: skip
@example(  # a copy that a box's body paragraph vetoed, until that went beside it (seed 963)
    "\n\n".join(["Key points", f"{_S} {_S}", f"{_S} {_F} {_S}", f"{_HTML_S[:-4]} {_S}</p>",
                   f"{_S} {_F} {_S} {_HTML_S[:-4]} {_S}</p>"] + [f"{_S} {_S}"] * 4)
)  # fmt: skip
@example(  # ... and a JSON-LD object that holds the paragraphs vetoed it (seed 963 again)
    "\n\n".join(["Key points", f"{_S} {_S}", json.dumps({"@type": "NewsArticle",
                   "headline": f"{_S} {_S}", "url": "https://example.com/a",
                   "articleBody": f"{_S} {_S}\n\n{_S} {_MOJIBAKE_Q} {_S}"}),
                   f"{_S} {_MOJIBAKE_Q} {_S}", f"{_S} {_S} {_S} {_MOJIBAKE_Q} {_S} {_S} {_S}"]
                  + [f"{_S} {_S}"] * 5)
)  # fmt: skip
@example(  # a teaser of a run whose second paragraph went as a copy of the first (seed 975)
    "\n\n".join([f"{_W}{_S} {_S} {_S}…", f"{_W}{_S} {_S}", f"{_S} {_S}"])
)  # fmt: skip
@example(  # ... a description cut short, and the run a pull quote of it (seed 976)
    "\n\n".join([f"{_S} Closed {_S} Closed", f"{_S} Closed", f"“{_S} Closed” — the mayor"])
)  # fmt: skip
@example(  # a title under a menu, the menu's copy at the bottom gone late (seed 1001)
    "\n\n".join([json.dumps({"@type": "NewsArticle", "headline": "Closed",
                               "url": "https://example.com/a", "articleBody": "Closed"})]
                  + ["Closed"] * 11 + [f"“{SENTENCES[5]} Closed” — the mayor", "Closed",
                                       f"{SENTENCES[5]} Closed"])
)  # fmt: skip
@example(  # a description cut short, brought to the page's top by a removal above it
    "\n\n".join([f"Line {n}" for n in range(1, 7)] + [_MAYOR]
                  + [f"Line {n}" for n in range(7, 12)]
                  + [_BOARD[: _BOARD.index(" take")], f"The question ?{_MAYOR}", _BOARD])
)  # fmt: skip
@example(  # a headline found again last, the short lines around it brought together (seed 1018)
    "\n\n".join(["“Closed Line 4” — the mayor", "Closed Line 4",
                   "WASHINGTON (AP) — Closed Line 4", "Closed Line 4",
                   "WASHINGTON (AP) — Closed Line 4"])
)  # fmt: skip
@example(  # ... the same, a box's item and its body copy swapped first (seed 1033)
    "\n\n".join(["Key points", *["“Share this article” — the mayor"] * 2,
                   "<p>Share this article</p>", "“Share this article” — the mayor"])
)  # fmt: skip
@example(  # a line a later paragraph goes on from into the next, a teaser once that went
    "\n\n".join([_Q, f"{_S} Closed", "Advertisement", _F, _Q, f"{_S} Closed {_F} {_Q} {_S} {_S}"])
)  # (seeds 1029 and 1041)
@example(  # lines in a row once a paragraph between them went late: run together (seed 1050)
    "\n\n".join(["Line 4", "Line 4", _S, "Line 4", "Line 4 Line 4 Line 4", _SS])
)
@example(  # a heading-sized lede behind a dateline, linked to nothing once a line went (1043)
    "\n\n".join([_Q, f"{_Q} Closed {SENTENCES[5]} {_O}", f"{_W}{_Q} Closed"])
)
@example(  # a line "cut inside" a pull quote after a repeat whose first copy went (seed 1088)
    "\n\n".join([f"Line 4 {_Q} {_A}"] * 3
                  + ["Line 4", f"{_Q} {_A}", "Line 4", f"“{_Q} {_A}” — the mayor"])
)  # fmt: skip
@example(  # a pull quote's copy confirmed in a run, after the line it parted was tried (1081)
    "\n\n".join([_S, f"{_O2} Closed", "Line 4", f"“{_O2} Closed” — the mayor", _S,
                   f"{_O2} Closed", _S, f"“{_O2} Line 4” — the mayor", f"{_O2} Line 4"])
)  # fmt: skip
@example(  # a line held by one later paragraph, aligned across it and a line after it (1079)
    "\n\n".join([f"{_A} {_Q}", _Q, _S, f"Advertisement {_A} {_Q_TEH} {_HTML_Q} {_S_TEH}",
                   _HTML_Q, _S_TEH])
)  # fmt: skip
@example(  # a merged copy whose walk stopped at a removed copy beside its candidate (1119)
    "\n".join([_S, f"{_S[:31]}…", _S, _S_TEH, _PULLED, _S, _PULLED, _PULLED, _S])
)
@example(  # a box's item swapped for its body copy, then JSON-LD taken for a window (1131)
    "\n\n".join([json.dumps(_DATA_1131), "Key points", f"{_S} {_F}", _SS, f"{_F} {_F}",
                   f"{_S} {_F}"])
)  # fmt: skip
@example(  # a pull quote whose later window closed up once a line went late (seed 1116)
    "\n\n".join([_PULLED_O, " ".join([_S, _Q, _PULLED_O, _F, _S]), _F, _S, _O])
)
@example(  # a teaser tried against a later JSON-LD object once the box's items went (1142)
    "\n\n".join([_TEASER_1142, json.dumps(_DATA_1142), "Key points", _SS, _BODY_1142, _SS])
)
@example(  # the sentence twice, aligned with a teaser's words, not past a dateline (2006)
    "\n\n".join(["Work is due to …", f"“{_MARCH}” — the mayor", "Key points", f"{_W}{_MARCH}.",
                   f"{_MARCH}.", f"{_MARCH}. {_MARCH}.", f"{_W}{_MARCH}."])
)  # fmt: skip
@example(  # a line taken for a teaser of a headline that went as one afterwards (seed 2014)
    "\n".join([f"“{_L4}” — the", _L4, f"{_MD_SHARE}\n{_L4[:-2]}", f"<p>{_HTML_L4}</p>",
               _MD_SHARE, f"“{_L4}” — the"])
)  # fmt: skip
@example(  # a merged copy laid out anew when one paragraph went as another came back (2714)
    "\n\n".join([json.dumps(_DATA_2714), "Key points", _SFF, _SS, _HTML_S,
                   f"{_SS} {_HTML_S} {_S} {_F} {_F} {_S}"])
)  # fmt: skip
@example(  # an older copy's line aligned past lone lines, then passed where printed twice (4904)
    "\n\n".join([f"{_F.replace('the b', 'teh b')} {_Q}", *[f"{_F} {_Q}"] * 3, _S,
                   *[f"{_F} {_Q}"] * 3, _SS, f"{_F[:54]}…"])
)  # fmt: skip
@example(  # a teaser kept as its copy went, the copy then kept by a turn: contained in it (4904)
    "\n\n".join([f"{_F.replace('the b', 'teh b')} {_Q}", *[f"{_F} {_Q}"] * 2, _S,
                   *[f"{_F} {_Q}"] * 4, _SS, f"{_F[:54]}…"])
)  # fmt: skip
@example(  # a line kept while the first of its text went, kept again by a turn (seed 4905)
    "\n\n".join([f"{_Q} Closed", *[_S] * 8, f"{_Q} Closed", f"{_W}{_Q} Closed",
                   " ".join([*[_S] * 8, f"{_Q} Closed", f"{_W}{_Q} Closed", f"{_S[:31]}…",
                             f"{_W}{_Q} Closed"]),
                   f"{_S[:31]}…", f"{_W}{_Q} Closed", f"{_Q} Closed"])
)  # fmt: skip
@example(  # a quote of a line that a turn kept, near it but not the line turned (seed 4916)
    "\n\n".join([f"WASHINGTON (AP) — {_S} Closed", f"{_S[:35]}…", f"{_S} Closed",
                   f"{_S} Closed {_S} Closed", *[f"{_S} Closed"] * 3,
                   f"“{_S} Closed” — the mayor"])
)  # fmt: skip
@example(  # a pull quote kept as a line made it look like a copy, till that line went (4920)
    "\n\n".join([f"“{_CRITICS[:-1]}” — the mayor", f"{_W}{_CRITICS}",
                   f'<p><a href="https://example.com/a?b=c">Critics</a>{_CRITICS[7:]}</p>',
                   _CRITICS, f"{_CRITICS} {_CRITICS} “{_CRITICS[:-1]}” — the mayor"])
)  # fmt: skip
@example(  # a pull quote restored with a line that went as a merged copy of it (seed 4922)
    "\n\n".join([_Q, f"“{_Q[:-1]}” — the mayor", _S, f"{_Q} “{_Q[:-1]}” — the mayor", _S])
)  # fmt: skip
@example(  # a pull quote whose quotation is a kept line, beside that line behind a dateline
    "\n\n".join(["Key points", json.dumps({"@type": "NewsArticle", "headline": f"{_W}{_Q}",
                   "url": "https://example.com/a", "articleBody": "\n\n".join(
                       [f"{_W}{_Q}", f"{_W}{_Q}", _Q, f"“{_Q[:-1]}” — the mayor"])},
                   ensure_ascii=False),
                   f"{_W}{_Q}", f"{_W}{_Q}", _Q, f"“{_Q[:-1]}” — the mayor", f"{_W}{_Q}",
                   f"“{_Q[:-1]}” — the mayor", _Q])
)  # fmt: skip
@example(  # parts of a line kept on either side of its copy, one paragraph in the output, which
    # holds the first paragraph as a paragraph that says it again and again does (seed 81)
    "\n\n".join([_S3, f"{_A_THE} {_SS}</p>", _S3, _S3, _A_FERRIES, " ".join(
        [_S3, f"{_A_THE} {_SS}</p>", _S3, _S3, _A_FERRIES, _S3, _S3])])
)  # fmt: skip
@example(  # a line kept in place of its copy, behind a dateline, opens a paragraph (seed 86)
    "\n\n".join([_SS, f"{_S} Line 4", " ".join([f"{_S} Line 4", f"{_S} Line 4", *[_S] * 6,
                   SENTENCES[1], _SS]), f"WASHINGTON (AP) — {_S} Line 4"])
)  # fmt: skip
@example(  # a box's item in markup, then the body's copy, a boilerplate line: kept (seed 60)
    "\n\n".join(["Key points", f"<p>{_HTML_L4[:-14]} Share this article</p>",
                   "Share this article Share this article"])
)  # fmt: skip
@example(  # a pull quote of a paragraph in markup, whose tags hid that it quotes it (seed 102)
    "\n\n".join([f"{_A_THE} Advertisement</p>", f"“{_S} Advertisement” — the mayor",
                   f"{_A_THE} Advertisement</p> “{_S} Advertisement” — the mayor"])
)  # fmt: skip
@example(  # a box's label that went as its items did: the lines around it close up (seed 113)
    "\n\n".join(["Key points", json.dumps({"@type": "NewsArticle", "articleBody": "Line 4"})]
                  + ["Line 4"] * 8)
)  # fmt: skip
@example(  # ... before what is matched again: the pull quotes either side of it meet
    "\n\n".join([f"{_PQ} {_PQ}", _PQ, "Key points", _PQ, _PS, _PS])
)
@example(  # ... between a block of lines and its repeat, a menu's (seed 113 again)
    "\n\n".join([json.dumps({"@type": "NewsArticle", "articleBody": "Line 4"})]
                  + ["Line 4"] * 6 + ["Key points"] + ["Line 4"] * 6
                  + ['<p><a href="https://example.com/a?b=c">Line</a> 4</p>', "Line 4"])
)  # fmt: skip
@example(  # a paragraph and its repeat beside it, both ending with the same words: no decoration
    # of a copy, so the one before is no near copy of the first sentence held (seed 121)
    "\n\n".join([_S, f"{_S} Line 4", f"{_S} Line 4"])
)
@example(  # a later paragraph's words laid end to end of kept ones only: not of the repeat of one
    # whose start its rest is (seed 122)
    "\n\n".join([f"{_S} {_F}", f"{_S} {_S}", f"{_S} {_S}",
                   " ".join([_S] * 5 + [_F, _S.replace("the b", "teh b")] + [_S] * 3),
                   f"{_S} {_S}", f"{_S} {_F}"])
)  # fmt: skip
@example(  # ... nor a merged copy beside it that ends with it whole: a pull quote's speaker is
    # words of its own, not the decoration of a copy's paragraphs (seed 131)
    "\n\n".join([_SA.upper(), _SA, f"“{_SA}” — the mayor",
                   f"{_SA.upper()} {_SA} “{_SA}” — the mayor"])
)  # fmt: skip
@example(  # a boilerplate line is no later line kept in place of its copy in markup (seed 141)
    "\n\n".join([_S, _HTML_SHARE.replace("</p>", " Share this article</p>"), f"{_S} {_S}",
                   "Share this article Share this article"])
)  # fmt: skip
@example(  # a pull quote tried again over a box's label that went: its window reaches across
    # to the paragraph that holds it (seed 143)
    "\n\n".join([_S, f"{_S} {_F}", "Key points", _S, _S, f"“{_S[:-1]}” — the mayor", _S,
                   f"“{_S} {_F[:-1]}” — the mayor", _S, _S, _S, _S])
)  # fmt: skip
@example(  # a paragraph kept in place of its teaser, once the later ones were tried, is tried
    # too: a merged copy later on holds it (seed 153)
    "\n\n".join([f"{_S}…", *[_S] * 6, _HTML_S, _S, _S, f"“{_S[:-1]}” — the mayor",
                   " ".join([f"{_S}…", *[_S] * 6, _HTML_S]), _S, _S, _S])
)  # fmt: skip
@example(  # a JSON-LD object whose articleBody ends as a paragraph beside it does is no
    # paragraph whose end decorates it: matching sets the object aside (seed 186)
    "\n\n".join([_S, json.dumps({"@type": "NewsArticle", "headline": _S,
                                  "articleBody": f"{_S}\n\n{_S} Line 4\n\nLine 4"}),
                   f"{_S} Line 4", "Line 4"])
)  # fmt: skip
@example(  # a heading-sized part of a longer paragraph that is also a kept one's text behind a
    # dateline goes as that: the longer one may go later, and a second run finds it so (seed 198)
    "\n\n".join([f"{_MARCH}. Closed", f"{_MARCH}. Closed", f"WASHINGTON (AP) — {_MARCH}. Closed",
                   f"{_MARCH}. Closed WASHINGTON (AP) — {_MARCH}. Closed",
                   f"WASHINGTON (AP) — {_MARCH}. Closed"])
)  # fmt: skip
@example(  # a window of later paragraphs adds one kept neighbour on each side, as before: past
    # short lines it reaches what a second run, without the removed ones, does not (seed 199)
    "\n\n".join([f"{_PULLED} “Closed Closed” — the mayor", "Closed Closed", _S,
                   "“Closed Closed” — the mayor", "Closed Closed", _PULLED,
                   "“Closed Closed” — the mayor", "Closed Closed"])
)  # fmt: skip
def test_dedupe_of_its_own_output_removes_nothing(text: str) -> None:
    once = dedupe(text)
    twice = dedupe(once.text)
    assert twice.duplicates == ()
    assert twice.text == once.text


_ADDED = (
    "The board listed the works that will go ahead this year:",
    "Ferries will run on this timetable:",
    "Two patients later died.",
    "The harbour board has not said when the tunnel will open again.",
)


@FAST
@given(
    st.integers(0, 10_000),
    st.lists(st.booleans(), min_size=2, max_size=8),
    st.sampled_from(["", "Harbour Works Begin as the Old Bridge Closes."]),
    st.sampled_from(["\n\n", "\n"]),
)
def test_an_older_copy_before_the_body_never_costs_the_body_a_sentence(
    seed: int, adds: list[bool], title: str, separator: str
) -> None:
    # An older copy first, then the body, whose long paragraphs add a short sentence where
    # ``adds`` says (a lead-in to a list, an update; each another), maybe a title between: every
    # sentence of the body stays in the output. (The same sentence added to every paragraph of
    # a copy is an affix, as a credit is.)
    long = [" ".join(news_paragraphs(seed + k, 3)) for k in range(len(adds))]
    sentences = iter(_ADDED)
    body = [
        f"{p} {next(sentences, '')}".rstrip() if add else p
        for p, add in zip(long, adds, strict=True)
    ]
    result = dedupe(separator.join([*long, *([title] if title else []), *body]))
    accounted(result)
    out = _flattened(result.text)
    for paragraph in body:
        for sentence in paragraph.split(". "):
            assert sentence.rstrip(".") in out


@FAST
@given(
    st.integers(0, 10_000),
    st.integers(5, 12),
    st.sampled_from(["", "Harbour Works Begin as the Old Bridge Closes.\n"]),
)
def test_a_page_run_together_twice_on_one_line_comes_back_once(
    seed: int, n: int, title: str
) -> None:
    # All white space collapsed: the body and its copy on one line (maybe after the title's),
    # sentences of 14 to 20 words. Each sentence of the body stays once, and the copy goes.
    rng = random.Random(seed)
    body = " ".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 20))).capitalize() + "."
        for _ in range(n)
    )
    result = dedupe(f"{title}{body} {body}")
    accounted(result)
    assert result.text == title + body
    assert dedupe(result.text).duplicates == ()


@FAST
@given(st.one_of(news_documents(), messy_text()))
def test_clean_false_keeps_paragraphs_verbatim(text: str) -> None:
    result = dedupe(text, clean=False)
    assert result.source_text == text
    for i in result.kept:
        paragraph = result.paragraphs[i]
        assert paragraph.text in text
        assert text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text in result.text


@FAST
@given(news_documents())
def test_identical_across_runs(text: str) -> None:
    assert dedupe(text).to_dict() == dedupe(text).to_dict()


FIXED_DOCUMENTS = [
    "\n\n".join(SENTENCES * 2),
    "\n".join(s.upper() if i % 3 else s for i, s in enumerate(SENTENCES * 3)),
    "Ferries will run every 20 minutes while the bridge is closed, officials said on Monday. "
    "Work is due to start in March.\n\nIntro.\n\n"
    "WASHINGTON (AP) — Ferries will run every 20 minutes while the bridge is closed, officials "
    "said on Monday.\n\nWork is due to start in March.",
]

_CHILD = """
import json, sys
import textclean
docs = json.loads(sys.stdin.read())
print(json.dumps([textclean.dedupe(d).to_dict() for d in docs]))
"""


def test_identical_across_processes() -> None:
    here = [dedupe(d).to_dict() for d in FIXED_DOCUMENTS]
    for hash_seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps(FIXED_DOCUMENTS),
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        assert json.loads(out.stdout) == json.loads(json.dumps(here))


def _edited(draw: st.DrawFn) -> tuple[str, str]:
    """A canonical-looking text and a window a few characters longer: an edited copy of it, or
    other words."""
    words = st.sampled_from(["the", "harbour", "bridge", "council", "9", "ferry", "a", "plan"])
    canon = " ".join(draw(st.lists(words, min_size=1, max_size=40)))
    edits = draw(st.lists(st.tuples(st.integers(0, len(canon)), words), max_size=4))
    copy = canon
    for at, word in edits:
        copy = copy[:at] + word + copy[at + len(word) // 2 :]
    copy = draw(st.sampled_from([copy, " ".join(reversed(canon.split(" ")))]))
    extra = draw(st.text(alphabet="abc ", max_size=8))
    start = draw(st.sampled_from(["", extra]))
    window = (start + copy + extra)[: len(canon) + draw(st.integers(0, 8))]
    return canon, window


@FAST
@given(st.composite(_edited)(), st.sampled_from([0.5, 0.8, 0.9, 1.0]))
def test_aligned_span_prefilter_never_rejects_a_match(pair: tuple[str, str], t: float) -> None:
    # The cheap ratio over the whole window is a necessary condition for partial_ratio_alignment
    # to succeed, so the answer is partial_ratio_alignment's own.
    canon, window = pair
    aligned = fuzz.partial_ratio_alignment(canon, window, score_cutoff=t * 100)
    expected = None if aligned is None else (aligned.dest_start, aligned.dest_end)
    assert aligned_span(canon, window, t) == expected


@settings(max_examples=40, deadline=None)
@given(
    st.text(max_size=60),
    st.sampled_from(
        [
            FingerprintSettings(),
            FingerprintSettings(shingle_size=3, num_perm=16, bands=4, seed=7),
            FingerprintSettings(shingle_size=1, num_perm=8, bands=8, seed=0),
        ]
    ),
)
@example("", FingerprintSettings())
@example("a\x00b\ud800", FingerprintSettings())
def test_signatures_match_the_reference(text: str, fp: FingerprintSettings) -> None:
    assert signatures([text], fp)[0].tolist() == reference_signature(text, fp)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=5))
def test_batched_signatures_match_the_reference(texts: list[str]) -> None:
    fp = FingerprintSettings()
    batch = signatures(texts, fp)
    assert [row.tolist() for row in batch] == [reference_signature(t, fp) for t in texts]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES) | st.text(max_size=80), min_size=1, max_size=8))
def test_a_paragraph_print_does_not_depend_on_its_document(texts: list[str]) -> None:
    # Repeated paragraphs are fingerprinted once and copied: the copies must be exact.
    fp = FingerprintSettings()
    document = fingerprint_paragraphs(texts, fp, min_chars=20)
    for i, text in enumerate(texts):
        alone = fingerprint_paragraphs([text], fp, min_chars=20)
        assert document[i] == alone[0]
        assert document.sentence_starts(i) == alone.sentence_starts(0)
    filed = set(zip(document.owners.tolist(), document.keys.tolist(), strict=True))
    assert filed == {(i, key) for i in range(len(texts)) for key in document[i].keys()}  # noqa: SIM118


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES) | st.text(max_size=80), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=300),
)
def test_a_long_document_is_fingerprinted_in_parts_as_in_one(texts: list[str], part: int) -> None:
    # Long documents are fingerprinted a part at a time, to bound memory: nothing may change.
    fp = FingerprintSettings()
    whole = _flat(_fingerprint(texts, fp, 20))
    parts = _flat(_fingerprint_in_parts(texts, fp, 20, part_chars=part))
    assert len(whole) == len(parts)
    for a, b in zip(whole, parts, strict=True):
        assert a.shape == b.shape
        assert np.array_equal(a, b)


_LINES = (
    "Advertisement",
    "Read more: Council delays vote",
    "À lire aussi : le budget",
    "Lees ook",
    "5 min read",
    "Share this article",
    "The advertisement ran twice.",
)
_EXTRA = (r"читайте также", r"(α|a)bc", r"\w+ more")
_MATCHER = BoilerplateMatcher(_EXTRA)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_LINES) | st.text(max_size=40),
    st.text(st.sampled_from(" -–—*•|[(（【<\xa0") | st.characters(), max_size=3),
)
@example("читайте также", "")
@example("αbc", "")
@example("ébc more", "")
@example("Advertisement", "— ")
@example("(c) 2026 Harbour Gazette", "- ")
@example("广告】", "【")
@example("This article is for subscribers only", "")
@example("To continue reading, subscribe", "* ")
@example("“Share this article”", "")
@example("-----", "* ")
def test_boilerplate_first_character_index_changes_no_answer(line: str, prefix: str) -> None:
    # The matcher only tries the patterns that can start with a paragraph's first one or two
    # characters (or with one of the dashes and brackets that open it); trying every pattern
    # must give the same answer.
    patterns = (*DEFAULT_PATTERNS, *_EXTRA)
    text = prefix + line
    expected = next((p for p in patterns if _compile(p).fullmatch(text)), None)
    assert _MATCHER.match(text) == (expected if len(text) <= 300 and text else None)
    # (the defaults are indexed once, apart from the extra patterns: the two together say
    # whether a paragraph may start as the text does as every pattern tried alone says)
    # (a photo's credit, a push prompt naming its site, is matched whole only: its names may
    # start most texts)
    may = any(_compile(p).fullmatch(text, partial=True) for p in patterns if p not in _APART)
    assert _MATCHER.may_start(text) == (may and len(text) <= 300)


def test_a_line_of_opening_characters_alone_matches_only_a_pattern_that_matches_nothing() -> None:
    # ("* * *" between sections: no pattern of letters is tried on it.)
    assert BoilerplateMatcher().match("* * *") is None
    assert BoilerplateMatcher(["(see below)?"]).match("* * *") == "(see below)?"


# Letters with and without combining marks, full-width and CJK forms, punctuation and spaces.
_FOLDING_ALPHABET = st.sampled_from(
    [
        *"aEz09 .!?-'\n=<",
        *("\u0301", "\u0308", "\u0338", "é", "É", "ß", "ﬁ", "Ｆ", "！", "。", "©", "«", "»"),
        *("Σ", "ς", "İ", "ǅ", "한", "\u1161", "\u11a8", "\u0b47", "\u0b3e", "\u200b"),
        *("東", "の", "カ", "ｶ", "ﾞ", "ไ", "\u0e31", "𠀀"),
        *("ह", "\u093f", "\u094d", "।", "ك", "\u064e", "\u0640", "ש", "\u05b8"),
    ]
)


def _fold_whole_text(text: str) -> str:
    """The canonical folding done on the whole text at once (NFKC, then case, then without
    diacritics and optional marks, then classes, then a word per character of unspaced
    scripts)."""
    import unicodedata

    from textclean.canonical import (
        _NON_ASCII_END,
        _NON_ASCII_NON_WORD,
        _OPTIONAL_MARKS,
        _UNSPACED,
    )

    folded = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    folded = unicodedata.normalize("NFC", _OPTIONAL_MARKS.sub("", folded))
    folded = _NON_ASCII_NON_WORD.sub(" ", _NON_ASCII_END.sub(".", folded))
    return _UNSPACED.sub(r" \g<0> ", folded)


@FAST
@given(
    st.text(_FOLDING_ALPHABET, max_size=40)
    | st.text(max_size=40)
    | st.text(_FOLDING_ALPHABET, min_size=250, max_size=400)  # dense: the rest folded at once
)
@example("A\u030a and =\u0338 then \u1100\u1161\u11a8")
@example("ё é " * 40 + "E\u0301 \u1100\u1161\u11a8 Ｆｕｌｌ. ǅ!")
@example("©<\u0338")
@example("E\uff9e\u0301")
def test_run_by_run_folding_equals_folding_the_whole_text(text: str) -> None:
    from textclean.canonical import _UTF8_TABLE, _fold_non_ascii, _tidy

    def tidy(s: str) -> bytes:  # as canonical_paragraphs finishes the folded text
        return _tidy(s.encode("utf-8", "surrogatepass").translate(_UTF8_TABLE))

    assert tidy(_fold_non_ascii(text)) == tidy(_fold_whole_text(text))


@FAST
@given(st.lists(st.sampled_from([*"aZé9 -\t\n\r\u2010\u00ad", "and", "or", "x-\nyz"])).map("".join))
@example("well-\nknown, gender- and age-neutral, co- \n operate, pro\u00ad gram")
@example("well-\nknown, 9- aa, é-\naa, gender- and age-neutral")
def test_words_broken_at_a_hyphen_are_joined_as_the_pattern_for_all_hyphens_joins_them(
    text: str,
) -> None:
    # (text holding "-" alone as its hyphen is searched with a pattern of its own, for speed)
    from textclean.canonical import _BROKEN_WORD, _join_broken, _join_broken_words

    assert _join_broken_words(text) == _BROKEN_WORD.sub(_join_broken, text)


@FAST
@given(st.lists(st.sampled_from([b"a", b"\xc3\xa9", b" ", b"  ", b"\x02", b"\x01"])).map(b"".join))
@example(b" the  council\x02 \x02met \x01\x02 on tuesday \x01\x01 ")
def test_short_text_is_tidied_as_the_arrays_tidy_it(folded: bytes) -> None:
    # (_tidy works with patterns below _SHORT_TIDY bytes, with arrays from there)
    from textclean.canonical import _tidy_arrays, _tidy_short

    assert _tidy_short(folded) == _tidy_arrays(folded)


def test_no_unspaced_script_character_comes_before_the_shortcut() -> None:
    # _fold skips the search for Chinese, Japanese, Thai... characters below this one
    from textclean.canonical import _FIRST_UNSPACED, _UNSPACED

    assert not any(_UNSPACED.match(chr(c)) for c in range(ord(_FIRST_UNSPACED)))


@FAST
@given(st.lists(st.sampled_from([*"\\\\unrtx 0aF9", "u0430", "ud83d", "u000a"]), max_size=30))
@example([r"\\", "u0430", "\\", "ud83d", "\\", "u", "0aF9", "\\", "\\", "n"])
def test_escapes_read_in_runs_as_one_at_a_time(pieces: list[str]) -> None:
    import re

    from textclean.canonical import _read_escapes

    def one(match: re.Match[str]) -> str:  # one escape at a time: what runs must equal
        if not match.group(1):  # (a line break ends a sentence, a tab is a space)
            return " " if match.group().endswith("t") else " . "
        char = chr(int(match.group(1), 16))
        return char if char.isprintable() else " "

    text = "".join(pieces)
    assert _read_escapes(text) == re.sub(r"\\+(?:[nrt]|u([0-9a-fA-F]{4}))", one, text)


@FAST
@given(st.lists(st.integers(0, 2**63 - 1) | st.integers(0, 3), max_size=200))
def test_key_order_is_a_stable_sort(keys: list[int]) -> None:
    import numpy as np

    from textclean.fingerprint import key_order

    array = np.array(keys, dtype=np.int64)
    assert key_order(array).tolist() == np.argsort(array, kind="stable").tolist()


@FAST
@given(
    st.lists(st.integers(-(2**63), 2**63 - 1) | st.integers(0, 3), max_size=200),
    st.lists(st.integers(-(2**63), 2**63 - 1) | st.integers(0, 3), max_size=20),
)
def test_among_is_isin(keys: list[int], wanted: list[int]) -> None:
    import numpy as np

    from textclean.fingerprint import among

    array, looked_for = np.array(keys, dtype=np.int64), np.array(wanted, dtype=np.int64)
    assert among(array, looked_for).tolist() == np.isin(array, looked_for).tolist()
