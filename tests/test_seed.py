"""The seed document, and one of the same shape written for this test.

The seed (``../shared/seed/``, next to the repository) is a scraped news article with one
paragraph a line whose body, lines 2-23, is repeated exactly as lines 24-45. Deduplicated, it is
its first 23 lines. It is read from there, never copied into the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from textclean import dedupe

SEED_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed"
SEED = SEED_DIR / "000_e2d5bc835c81b771.txt"


def check_body_repeated(text: str, first: int, body: int) -> None:
    """``text`` is ``first`` lines, the last ``body`` of which are repeated once after them."""
    lines = text.splitlines()
    assert len(lines) == first + body
    result = dedupe(text)
    assert result.text == "\n".join(lines[:first])
    assert result.kept == tuple(range(first))
    start = first - body  # index of the first line of the body
    assert [(d.index, d.original, d.kind) for d in result.duplicates] == [
        (first + k, start + k, "exact") for k in range(body)
    ]


@pytest.mark.skipif(not SEED.exists(), reason=f"seed document not found at {SEED}")
def test_seed_document() -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) == 45
    result = dedupe(text)
    assert result.text.splitlines() == lines[:23]
    assert result.text == "\n".join(lines[:23])
    assert len(result.duplicates) == 22
    # Lines 24-45 (indices 23-44) repeat lines 2-23 (indices 1-22) exactly.
    assert [(d.index, d.original, d.kind) for d in result.duplicates] == [
        (23 + k, 1 + k, "exact") for k in range(22)
    ]
    check_body_repeated(text, 23, 22)


# A document of the seed's shape: a dateline lead, then a body of short and long paragraphs with
# curly quotes and dashes, one paragraph a line, the body repeated exactly.
LEAD = (
    "OSLO: Ferry operators on the west coast said on Wednesday that they would cut sailings "
    "by a third this winter, blaming fuel costs and a shortage of trained crews."
)
BODY = [
    "The cuts, which start in November, affect 14 routes between Bergen and Ålesund.",
    "“We have run out of options,” said Kari Lunde, who heads the operators’ association. "
    "“Every week we keep the full timetable costs us money we do not have.”",
    "Island councils reacted with anger — several of them depend on the ferries for school "
    "runs, hospital visits and deliveries of fresh food.",
    "The transport ministry said it would meet the operators next week.",
    "Last winter, storms cancelled more than 200 crossings; this year’s cuts come on top of that.",
    "Fares will not change before January, the association said.",
    "Passenger numbers have recovered to 94 percent of their 2019 level, according to the "
    "national statistics office.",
    "The opposition called for an emergency debate in parliament.",
]


def test_same_shape_written_here() -> None:
    lines = [LEAD, *BODY, *BODY]
    check_body_repeated("\n".join(lines), 1 + len(BODY), len(BODY))


def test_same_shape_with_a_trailing_newline_and_crlf() -> None:
    text = "\r\n".join([LEAD, *BODY, *BODY]) + "\r\n"
    result = dedupe(text)
    assert result.kept == tuple(range(1 + len(BODY)))
    assert result.text.rstrip("\n") == "\n".join([LEAD, *BODY])
