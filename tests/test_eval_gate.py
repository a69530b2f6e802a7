"""Evaluation gate: the benchmark's duplication patterns, on a fixed sample of real articles,
score at the issue's targets.

``benchmarks/bench_dedupe.py`` measures every pattern on 200 articles and prints the figures;
this test runs the same generator and scoring on a smaller sample (fixed seed), so that a change
that costs removals or content fails the suite rather than waiting for a benchmark run. It
reads the corpus next to the repository (``../shared/corpus/``, as CI has it) and is skipped
without it. Unique text lost is judged against what the untouched articles lose: their own
repeats (a verdict printed under two products) go by design, with or without a copy.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import textclean
from tests.benchmark_modules import load

_generate = load("_generate")
bench = load("bench_dedupe")

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "wcxb_articles.jsonl"
ARTICLES = 20  # (a sample of the corpus, drawn with SEED: every pattern's copy of each)
SEED = 0
REMOVED = bench.TARGET_DUP  # duplicate text removed, %, at least (every pattern)
LOST = bench.TARGET_LOST  # unique text lost, %, at most beyond what the untouched articles lose


@pytest.fixture(scope="module")
def sample() -> list[object]:
    if not CORPUS.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    articles = _generate.load_articles(CORPUS)
    return random.Random(SEED).sample(articles, ARTICLES)


def _score(pattern: str, articles: list[object]) -> tuple[float, float]:
    """Duplicate text removed and unique text lost, in %, over the pattern's documents."""
    total = bench.Score()
    for doc in _generate.generate(pattern, articles, seed=SEED):
        total.add(bench.score(doc, textclean.dedupe(doc.text).text))
    removed = 100 * total.dup_removed / total.dup_chars if total.dup_chars else 100.0
    return removed, 100 * total.unique_lost / total.unique_chars


@pytest.fixture(scope="module")
def untouched_loss(sample: list[object]) -> float:
    return _score("clean_article", sample)[1]


@pytest.mark.parametrize("pattern", [p for p in _generate.PATTERNS if p != "clean_article"])
def test_every_pattern_meets_the_targets_on_a_sample(
    pattern: str, sample: list[object], untouched_loss: float
) -> None:
    removed, lost = _score(pattern, sample)
    assert removed >= REMOVED, f"{pattern}: {removed:.3f}% of the duplicate text removed"
    assert lost <= untouched_loss + LOST, (
        f"{pattern}: {lost:.3f}% of the unique text lost ({untouched_loss:.3f}% untouched)"
    )
