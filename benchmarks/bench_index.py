"""Benchmark the cross-document index: ``Deduplicator`` with its stores against datasketch.

Usage::

    python benchmarks/bench_index.py [CORPUS.jsonl ...] [--paragraphs N] [--datasketch-paragraphs M]

With no corpus given it reads ``../shared/corpus/*.jsonl`` (relative to the repository root)
when there are some, else it makes up news-like articles (``_generate.synthetic_articles``).

The stream
    Articles of the corpus (``text`` field, paragraphs separated by blank lines) are fed as
    documents, then again and again in new rounds (articles shuffled, fixed seed) with every
    paragraph varied: 20% repeated exactly, 15% lightly edited (a number changed, two words
    swapped or one dropped: a near duplicate) and 65% rewritten (40% of the words replaced by
    corpus words: a new paragraph), until ``N`` paragraphs (default 1,000,000) have been fed. A
    paragraph is a paragraph as :func:`textclean.split_paragraphs` finds it.

What runs, on the same stream and in the same process
    * ``memory``: ``textclean.Deduplicator()`` (the in-memory store), ``dedupe`` per document;
    * ``sqlite``: ``textclean.Deduplicator(store=PATH)`` with the file in a temporary directory;
    * ``datasketch``: per paragraph, a ``MinHash(num_perm=128)`` of its character 5-grams
      (lower-cased, white space collapsed: the shingles textclean hashes), computed with
      ``update_batch`` and permutations made once and reused (the fastest way datasketch
      offers), then ``MinHashLSH(threshold=0.7, num_perm=128).query``, and ``insert`` when the
      query found nothing (so it indexes what a deduplicator keeps, as textclean does). It does
      no cleaning and no verification; textclean cleans, segments and verifies every candidate.
      On the first ``M`` paragraphs (default 300,000) to keep the run short; its rate is
      compared with textclean's rate over the same prefix and over the whole stream.

Reported
    * paragraphs/s for each;
    * resident memory (RSS, ``/proc/self/statm``) growth over the memory-store run divided by the
      paragraphs it indexed, and the SQLite file size divided by the paragraphs it indexed;
    * query latency p50/p99 over 2,000 single paragraphs (half from the stream, half new
      rewrites): ``store.lookup`` of the paragraph's keys (the index's own cost: fingerprints are
      computed beforehand), and ``Deduplicator.check`` of a one-paragraph document (everything:
      cleaning, fingerprints, lookup, verification).

Progress goes to stderr; the results to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

import textclean
from textclean.fingerprint import fingerprint_paragraphs

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _generate  # (the benchmarks' own helpers, beside this file)

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_DIGITS = re.compile(r"\d+")


def load_articles(paths: Sequence[Path]) -> list[list[str]]:
    """Each article's paragraphs (blank-line separated, stripped, non-empty)."""
    articles = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get("text") or ""
                paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
                if paragraphs:
                    articles.append(paragraphs)
    return articles


def vary(paragraph: str, rng: random.Random, vocabulary: Sequence[str]) -> str:
    """An exact repeat, a light edit or a rewrite of ``paragraph`` (see the module docstring)."""
    roll = rng.random()
    if roll < 0.20:
        return paragraph
    words = paragraph.split()
    if roll < 0.35 and len(words) > 3:
        edit = rng.randrange(3)
        i = rng.randrange(len(words) - 1)
        if edit == 0 and _DIGITS.search(paragraph):
            return _DIGITS.sub(lambda _: str(rng.randrange(2, 1000)), paragraph, count=1)
        if edit == 1:
            words[i], words[i + 1] = words[i + 1], words[i]
        else:
            del words[i]
        return " ".join(words)
    return " ".join(rng.choice(vocabulary) if rng.random() < 0.4 else w for w in words)


def make_stream(articles: list[list[str]], paragraphs: int, seed: int) -> list[list[str]]:
    """Documents (as paragraph lists) until ``paragraphs`` paragraphs; see the docstring."""
    rng = random.Random(seed)
    vocabulary = [w for article in articles for p in article for w in p.split()]
    docs: list[list[str]] = []
    total = 0
    round_ = 0
    while total < paragraphs:
        order = list(range(len(articles)))
        rng.shuffle(order)
        for a in order:
            article = articles[a]
            doc = article if round_ == 0 else [vary(p, rng, vocabulary) for p in article]
            text = "\n\n".join(doc)
            parts = [p.text for p in textclean.split_paragraphs(text)]
            docs.append(parts)
            total += len(parts)
            if total >= paragraphs:
                break
        round_ += 1
        print(f"  stream: round {round_}, {total:,} paragraphs", file=sys.stderr)
    return docs


def rss() -> int:
    """Resident set size of this process in bytes."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def trimmed_rss() -> int:
    """:func:`rss` after glibc's ``malloc_trim(0)`` has returned free heap pages to the system."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: measure as it is
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss()


def percentiles(seconds: list[float]) -> str:
    ms = np.array(seconds) * 1000
    return f"p50 {np.percentile(ms, 50):.3f} ms, p99 {np.percentile(ms, 99):.3f} ms"


class Timer:
    """Runs a document stream through ``step`` and keeps the time at a prefix of it."""

    def __init__(self, label: str, prefix: int) -> None:
        self.label, self.prefix = label, prefix
        self.prefix_seconds = 0.0

    def run(self, docs: list[list[str]], step: Callable[[list[str]], None]) -> tuple[int, float]:
        done = 0
        next_report = 100_000
        start = time.perf_counter()
        for doc in docs:
            step(doc)
            done += len(doc)
            if not self.prefix_seconds and done >= self.prefix:
                self.prefix_seconds = time.perf_counter() - start
            if done >= next_report:
                elapsed = time.perf_counter() - start
                print(
                    f"  {self.label}: {done:,} paragraphs, {done / elapsed:,.0f}/s",
                    file=sys.stderr,
                )
                next_report += 100_000
        return done, time.perf_counter() - start


def bench_textclean(
    label: str, docs: list[list[str]], store: str | None, prefix: int
) -> tuple[textclean.Deduplicator, Timer, int, float]:
    gc.collect()
    dedup = textclean.Deduplicator(store=store)
    timer = Timer(label, prefix)

    def step(doc: list[str]) -> None:
        dedup.dedupe("\n\n".join(doc))

    done, seconds = timer.run(docs, step)
    return dedup, timer, done, seconds


def bench_datasketch(docs: list[list[str]], prefix: int) -> tuple[Timer, int, float, int]:
    template = MinHash(num_perm=128)
    permutations, scheme = template.permutations, template.scheme
    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    counter = iter(range(1 << 62))
    inserted = 0

    def step(doc: list[str]) -> None:
        nonlocal inserted
        for paragraph in doc:
            text = " ".join(paragraph.lower().split()).ljust(5)
            shingles = {text[i : i + 5].encode("utf-8") for i in range(len(text) - 4)}
            minhash = MinHash(num_perm=128, permutations=permutations, scheme=scheme)
            minhash.update_batch(list(shingles))
            if not lsh.query(minhash):
                lsh.insert(next(counter), minhash)
                inserted += 1

    head: list[list[str]] = []
    total = 0
    for doc in docs:
        if total >= prefix:
            break
        head.append(doc)
        total += len(doc)
    gc.collect()
    before = rss()
    timer = Timer("datasketch", prefix)
    done, seconds = timer.run(head, step)
    gc.collect()
    return timer, done, seconds, (rss() - before) // max(inserted, 1)


def latencies(dedup: textclean.Deduplicator, samples: list[str]) -> tuple[list[float], list[float]]:
    options = dedup.options
    prints = fingerprint_paragraphs(samples, options.fingerprint, min_chars=options.min_chars)
    key_sets = [set(prints[i].keys()) for i in range(len(prints))]
    lookup, check = [], []
    store = dedup.store
    for keys in key_sets:
        start = time.perf_counter()
        with store.transaction():
            store.lookup(keys)
        lookup.append(time.perf_counter() - start)
    for text in samples:
        start = time.perf_counter()
        dedup.check(text)
        check.append(time.perf_counter() - start)
    return lookup, check


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, help="JSONL files with a text field")
    parser.add_argument("--paragraphs", type=int, default=1_000_000)
    parser.add_argument("--datasketch-paragraphs", type=int, default=300_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.corpus if not path.is_file()]
    if missing:
        parser.error(f"no such corpus file: {', '.join(missing)}")
    paths = args.corpus or sorted(DEFAULT_CORPUS.glob("*.jsonl"))
    if paths:
        articles = load_articles(paths)
    else:  # (no corpus: made-up articles, as the other benchmarks use)
        print(f"no corpus in {DEFAULT_CORPUS}: generated articles", file=sys.stderr)
        articles = [list(a.paragraphs) for a in _generate.synthetic_articles(2000, seed=args.seed)]
    print(f"building the stream from {len(articles):,} articles...", file=sys.stderr)
    docs = make_stream(articles, args.paragraphs, args.seed)
    total = sum(map(len, docs))
    prefix = min(args.datasketch_paragraphs, total)
    rng = random.Random(args.seed + 1)
    vocabulary = [w for article in articles[:200] for p in article for w in p.split()]
    pool = [p for doc in docs[:: max(1, len(docs) // 500)] for p in doc if len(p) > 40]
    half = args.queries // 2
    samples = rng.sample(pool, half) + [
        vary(p, random.Random(i), vocabulary) + " (rewritten)"
        for i, p in enumerate(rng.sample(pool, half))
    ]

    print(f"stream: {len(docs):,} documents, {total:,} paragraphs "
          f"(from {len(articles):,} articles in {', '.join(p.name for p in paths)})")  # fmt: skip
    results: dict[str, tuple[float, float]] = {}

    gc.collect()
    before = trimmed_rss()
    dedup, timer, done, seconds = bench_textclean("memory", docs, None, prefix)
    gc.collect()
    indexed = dedup.store.paragraph_count()
    per_paragraph = (rss() - before) / max(indexed, 1)
    per_paragraph_trimmed = (trimmed_rss() - before) / max(indexed, 1)
    results["memory"] = (done / seconds, prefix / timer.prefix_seconds)
    lookup, check = latencies(dedup, samples)
    print(f"memory store: {done / seconds:,.0f} paragraphs/s ({done:,} in {seconds:.1f} s; "
          f"first {prefix:,}: {results['memory'][1]:,.0f}/s), {indexed:,} paragraphs indexed "
          f"in {dedup.store.document_count():,} documents")  # fmt: skip
    print(f"  resident memory growth: {per_paragraph_trimmed:.0f} bytes per indexed paragraph "
          f"({per_paragraph:.0f} before malloc_trim returned freed heap pages)")  # fmt: skip
    print(f"  query latency, store.lookup of one paragraph's keys: {percentiles(lookup)}")
    print(f"  query latency, check() of a one-paragraph document: {percentiles(check)}")
    dedup.close()
    del dedup
    gc.collect()

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "index.db")
        before = trimmed_rss()
        dedup, timer, done, seconds = bench_textclean("sqlite", docs, path, prefix)
        gc.collect()
        indexed = dedup.store.paragraph_count()
        per_paragraph_trimmed = (trimmed_rss() - before) / max(indexed, 1)
        results["sqlite"] = (done / seconds, prefix / timer.prefix_seconds)
        lookup, check = latencies(dedup, samples)
        documents = dedup.store.document_count()
        dedup.close()
        del dedup
        gc.collect()
        size = os.path.getsize(path)
        start = time.perf_counter()
        textclean.Deduplicator(store=path).close()  # reads the whole index into memory
        reopen = time.perf_counter() - start
    print(f"sqlite store: {done / seconds:,.0f} paragraphs/s ({done:,} in {seconds:.1f} s; "
          f"first {prefix:,}: {results['sqlite'][1]:,.0f}/s), {indexed:,} paragraphs indexed "
          f"in {documents:,} documents")  # fmt: skip
    print(
        f"  file: {size / 2**20:,.1f} MiB, {size / max(indexed, 1):.0f} bytes per indexed paragraph"
    )
    print(f"  resident memory growth: {per_paragraph_trimmed:.0f} bytes per indexed paragraph "
          f"(the index is held in memory too); reopening the file: {reopen:.1f} s, "
          f"{1e6 * reopen / max(indexed, 1):.1f} µs per indexed paragraph")  # fmt: skip
    print(f"  query latency, store.lookup of one paragraph's keys: {percentiles(lookup)}")
    print(f"  query latency, check() of a one-paragraph document: {percentiles(check)}")

    timer, done, seconds, per_inserted = bench_datasketch(docs, prefix)
    baseline = done / seconds
    print(f"datasketch MinHashLSH(threshold=0.7, num_perm=128), char 5-grams: {baseline:,.0f} "
          f"paragraphs/s (first {done:,} paragraphs in {seconds:.1f} s), resident memory growth "
          f"{per_inserted} bytes per inserted paragraph")  # fmt: skip
    for name, (rate, prefix_rate) in results.items():
        print(f"ratio {name} / datasketch: {prefix_rate / baseline:.2f}x on the same {done:,} "
              f"paragraphs, {rate / baseline:.2f}x with the whole stream's rate")  # fmt: skip


if __name__ == "__main__":
    main()
