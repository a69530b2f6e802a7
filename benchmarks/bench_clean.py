"""Throughput of textclean.clean against ftfy.fix_text, measured in the same process.

Usage::

    python benchmarks/bench_clean.py [CORPUS.jsonl] [--repeats N] [--scaling] [--diffs K]

CORPUS.jsonl has one JSON object per line with a ``text`` field. Default:
``../shared/corpus/wcxb_articles.jsonl`` next to the repository if it exists, else generated
article-like text (seeded, with some mojibake, entities and no-break spaces).

Prints MB/s of UTF-8 input for both (best of N runs) and their ratio, then "same repairs":
how many documents clean and ftfy.fix_text clean differently, after folding both outputs
the way ftfy's defaults differ from ours by design (quotes, ligatures, width, spaces,
control characters), with a few short diffs.

``--scaling`` instead times clean on adversarial inputs of 1, 2, 4 and 8 MB and prints the
time per MB for each size: flat numbers mean linear time.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import ftfy

from textclean.cleaning import CleanConfig, clean

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wcxb_articles.jsonl"

WORDS = (
    *("the", "minister", "said", "on", "Tuesday", "that", "council", "budget", "would", "rise"),
    *("after", "years", "of", "cuts", "to", "local", "services", "while", "critics", "warned"),
    *("schools", "hospitals", "and", "roads", "were", "already", "under", "pressure"),
)
FANCY = ["café", "naïve", "résumé", "“quoted”", "it’s", "—", "€20", "Zürich", "😀", "São"]


def mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 (undefined bytes as Latin-1)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def generate(n_docs: int = 400, seed: int = 1) -> list[str]:
    """Deterministic article-like documents with a little damage."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        paragraphs = []
        for _ in range(rng.randint(4, 12)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(20, 80))]
            for i in range(len(words)):
                roll = rng.random()
                if roll < 0.03:
                    words[i] = rng.choice(FANCY)
                elif roll < 0.0305:
                    words[i] = mojibake(rng.choice(FANCY))
                elif roll < 0.033:
                    entity = rng.choice(["&amp;", "&#8217;s", "&nbsp;", "&eacute;t&eacute;"])
                    words[i] = rng.choice([entity, "AT&T"])
                elif roll < 0.036:
                    words[i] += "\u00a0"
            paragraphs.append(" ".join(words).capitalize() + ".")
        docs.append("\n\n".join(paragraphs))
    return docs


def load(path: Path | None) -> tuple[list[str], str]:
    if path is None and DEFAULT_CORPUS.exists():
        path = DEFAULT_CORPUS
    if path is None:
        return generate(), "generated (seed 1)"
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()], str(path)


def best_time(func: Callable[[str], str], docs: Sequence[str], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for doc in docs:
            func(doc)
        best = min(best, time.perf_counter() - start)
    return best


def fold(text: str) -> str:
    """Undo the differences between clean and ftfy.fix_text that are there by design."""
    return clean(
        text,
        unescape_html=False,
        fix_encoding=False,
        straighten_quotes=True,
        fold_ligatures=True,
        fold_width=True,
    )


def short_diff(a: str, b: str, width: int = 30) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    lo = max(0, i - width)
    return f"clean: {a[lo : i + width]!r}\n    ftfy:  {b[lo : i + width]!r}"


def throughput(docs: list[str], repeats: int, n_diffs: int) -> None:
    size_mb = sum(len(doc.encode("utf-8")) for doc in docs) / 1e6
    clean_s = best_time(clean, docs, repeats)
    ftfy_s = best_time(ftfy.fix_text, docs, repeats)
    print(f"input: {len(docs)} documents, {size_mb:.1f} MB; best of {repeats}")
    print(f"clean: {size_mb / clean_s:.1f} MB/s")
    print(f"ftfy.fix_text: {size_mb / ftfy_s:.1f} MB/s")
    print(f"ratio: {ftfy_s / clean_s:.1f}x")

    differ = []
    for doc in docs:
        ours, theirs = fold(clean(doc)), fold(ftfy.fix_text(doc))
        if ours != theirs:
            differ.append((ours, theirs))
    print(f"same repairs: {len(docs) - len(differ)}/{len(docs)} documents; {len(differ)} differ")
    for ours, theirs in differ[:n_diffs]:
        print("  - " + short_diff(ours, theirs))


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "one huge line": lambda n: ("word " * (n // 5 + 1))[:n],
    "only spaces": lambda n: " " * n,
    "&# repeated": lambda n: "&#" * (n // 2),
    "& repeated": lambda n: "&" * n,
    "&amp; chain": lambda n: "&" + "amp;" * (n // 4),
    "http://a( repeated": lambda n: "http://a(" * (n // 9),
    "Ã© repeated": lambda n: "Ã©" * (n // 4),  # 4 bytes of UTF-8 per repeat
    "{ repeated": lambda n: "{" * n,
    "{a| repeated": lambda n: "{a|" * (n // 3),
    "newlines": lambda n: "\n" * n,
}


def scaling() -> None:
    everything = CleanConfig(
        straighten_quotes=True,
        straighten_dashes=True,
        fold_ligatures=True,
        fold_width=True,
        unwrap_braces=True,
        resolve_spintax=True,
    )
    sizes = (1, 2, 4, 8)
    print("seconds per MB at " + ", ".join(f"{s} MB" for s in sizes) + " (all options on)")
    for name, make in ADVERSARIAL.items():
        cells = []
        for mb in sizes:
            text = make(mb * 1_000_000)
            start = time.perf_counter()
            clean(text, everything)
            cells.append((time.perf_counter() - start) / mb)
        print(f"{name:20} " + "  ".join(f"{c:7.3f}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="JSONL file with a text field")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--diffs", type=int, default=3, help="differing documents to show")
    parser.add_argument("--scaling", action="store_true", help="time adversarial inputs")
    args = parser.parse_args()
    if args.corpus is not None and not args.corpus.is_file():
        parser.error(f"no such corpus file: {args.corpus}")
    if args.scaling:
        scaling()
        return
    docs, source = load(args.corpus)
    print(f"corpus: {source}")
    throughput(docs, args.repeats, args.diffs)


if __name__ == "__main__":
    main()
