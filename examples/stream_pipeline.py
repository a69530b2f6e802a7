"""Deduplicate a stream of news documents against each other, with the index in an SQLite file.

Run it: ``python examples/stream_pipeline.py``. It makes up its own documents (no network) and
prints, for each, what was kept and what was removed and why. The index lives in a temporary
file; a second ``Deduplicator`` opened on the same file (as a later run or another process would)
still knows every document.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import textclean

WIRE = [
    "The harbour council approved a budget of 4.2 million for the new ferry terminal on Monday.",
    "Work on the terminal is expected to start in the spring and to last about two years.",
    "Opponents said the money would be better spent on the island's ageing school buildings.",
]
FOOTER = "The Island Courier is published by Quayside Media from its office on Pier Street."

STREAM = [
    # (doc_id, source, paragraphs)
    ("courier/1", "courier", [*WIRE, FOOTER]),
    ("gazette/7", "gazette", ["Gazette staff contributed to this report.", *WIRE]),
    ("courier/2", "courier", [
        "The island's football club has appointed a new coach after a difficult season.",
        "She starts next week and will lead the first training session on Thursday evening.",
        FOOTER,
    ]),
    ("courier/3", "courier", [
        "Ferry fares will rise by five percent from June, the operator announced on Tuesday.",
        FOOTER,
    ]),
    ("courier/1-updated", "courier", [
        *WIRE[:2],
        WIRE[2][:-1] + ", a spokesperson for the opposition said.",
        "The council will publish the full tender documents on its website next month.",
        FOOTER,
    ]),
]  # fmt: skip


def show(doc_id: str, result: textclean.DedupeResult) -> None:
    print(f"{doc_id}: kept {list(result.kept)} of {len(result.paragraphs)} paragraphs")
    if result.duplicate_of is not None:
        match = result.duplicate_of
        print(f"  the document is a copy of {match.doc_id} ({match.similarity:.0%} of its text)")
    for dup in result.duplicates:
        text = result.paragraphs[dup.index].text
        where = f"{dup.doc_id} paragraph {dup.original}" if dup.doc_id else "this document"
        origin = "" if dup.kind == "boilerplate" else f" of {where}"
        print(f"  removed [{dup.index}] {dup.kind}{origin}: {text[:60]!r}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "news-index.db"
        # A footer seen in 2 documents of one source is boilerplate from then on.
        with textclean.Deduplicator(store=index, boilerplate_min_docs=2) as dedup:
            for doc_id, source, paragraphs in STREAM:
                result = dedup.dedupe("\n\n".join(paragraphs), doc_id=doc_id, source=source)
                show(doc_id, result)

        # Later, or in another process: the same file, the same answers.
        with textclean.Deduplicator(store=index, boilerplate_min_docs=2) as dedup:
            print(f"reopened: {dedup.store.document_count()} documents, "
                  f"{dedup.store.paragraph_count()} paragraphs indexed")  # fmt: skip
            late = "\n\n".join(["A late copy with its own opening line, filed at midnight.", *WIRE])
            show("late-copy (checked, not added)", dedup.check(late, source="agency"))


if __name__ == "__main__":
    main()
