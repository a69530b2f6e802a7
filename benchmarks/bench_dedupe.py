"""Benchmark ``textclean.dedupe`` against three baselines on labelled documents.

Usage::

    python benchmarks/bench_dedupe.py [CORPUS.jsonl ...] [--docs N] [--seed S] [--big]
                                      [--script {cyrillic,greek}] [--across] [--combined]

With no corpus given it reads ``../shared/corpus/wcxb_articles.jsonl`` (relative to the repository
root) when that exists, else it makes up news-like articles (:func:`_generate.synthetic_articles`).

For every duplication pattern of :mod:`_generate` it builds one labelled document per sampled
article (fixed seed) and runs, on the same documents and in the same process:

* ``textclean``      ``textclean.dedupe(doc).text`` with default options;
* ``exact lines``    keep the first occurrence of each exact stripped line;
* ``ftfy+minhash``   ``ftfy.fix_text``, then datasketch ``MinHashLSH`` (threshold 0.7, 128
  permutations) on word 5-grams of each line: a line is removed when the index already holds a
  candidate for it, else it is inserted;
* ``ftfy+ratio90``   ``ftfy.fix_text``, then a line is removed when rapidfuzz ``fuzz.ratio`` with
  any earlier line is at least 90;
* ``ftfy+exact``     ``ftfy.fix_text``, then exact stripped-line dedup (the throughput baseline).

With ``--across`` it also measures deduplication across documents: the sampled articles go
through one ``textclean.Deduplicator``, then each pattern's copy (its ``duplicate`` paragraphs
alone, blank-line separated, as a document of their own) is checked against that index, and the
share of its characters removed is printed; then each article is checked against the index of
all the others (its own entry forgotten first), and the share of its characters removed as seen
in another article is printed: removed exactly (the corpus holds a few articles twice) and
otherwise.

With ``--combined`` it also scores pages that carry two patterns: each document of one of
:data:`COMBINED_FIRST` (ad lines through the body, runs repeated right after themselves, a
highlights box, the body run together before or after it) followed by the copy of one of
:data:`COMBINED_THEN` (see :func:`_generate.generate_combined`): the share of duplicate text
removed and of unique text lost, for each pair.

With ``--script`` the articles' letters are first mapped one for one into Cyrillic or Greek
(``a`` -> ``а``, ``b`` -> ``б``; capitals too): not Russian or Greek, but text of the same
characters, which costs what such text costs (the corpora are English).

Scoring
-------
Every generated paragraph is one line and carries a label (``unique``, ``duplicate`` or
``other``, see :mod:`_generate`). All methods remove whole paragraphs and keep the rest in order,
but they may change the text (cleaning), so the output is compared with the labels on a
*normalised* form: HTML entities decoded, ``ftfy.fix_text``, NFKC, case-folded, words only. The
output is split into lines; each output line is matched to a labelled paragraph with the same
normal form (unique paragraphs are credited first, so that keeping either copy of identical content
counts as keeping the content); an output line with no exact partner is matched to the most similar
unmatched paragraph when rapidfuzz ratio >= 90 (cleaning differences), and counted as
``unmatched`` otherwise. Then

* duplicate removed = characters of ``duplicate`` paragraphs not matched / all duplicate chars;
* unique lost       = characters of unique content that no output line carries / all unique
  content, where paragraphs the source article itself repeats word for word (same normal form)
  are one piece of content: keeping one copy keeps it. (Counting each copy separately would
  charge every deduplicator, the exact-line baseline included, for removing repeats that were
  in the article before any pattern was applied.)
* each copy %       = the same, counting every copy of a paragraph the article repeats as
  content of its own: the stricter reading, printed beside it (the article's own repeated
  paragraphs, table rows and headings, that a method removes show here).

measured on the generated (input) text of each paragraph. ``other`` paragraphs (a highlights
heading) are not scored.

A copy that comes first is the content and the body after it the duplicate (but for a copy that
glues the body's paragraphs together with nothing between them, whose joins fuse words: the body is
the content), and the two break into different lines: a method that drops a merged line of the copy
and keeps the two body lines it holds keeps the content. A print copy after the body keeps the
lines it was set in, which are neither the body's paragraphs nor its sentences. An older copy
before the body lacks sentences that the body's paragraphs add: a method that keeps the copy's
paragraph and drops the body's loses the sentence, one that keeps both keeps the copy's words
twice. A copy glued together fuses a word at each join ("nextWork"): a method that keeps it loses
those words. Such documents (the patterns of :data:`_generate.SCORED_BY_CONTENT`) are scored by
their words: the normal-form words of the output are aligned in order with those of the unique
paragraphs (longest common subsequence, rapidfuzz ``Indel.opcodes``); a unique word left out is
lost, an output word left over is duplicate text kept, and a word weighs its length plus one. A
paragraph the article repeats is one piece of content as above (its copy that lost least counts),
and so is one whose words all stand in that order somewhere in the output (inside another kept
paragraph that the article repeats it in, say): it is not lost.

MB/s is UTF-8 input megabytes divided by the CPU time of the method alone
(process time, best of :data:`REPEATS` runs taken in turns with the other methods, so that other
work on a shared machine weighs as little as possible). After the patterns, the throughput ratio
against ``ftfy+exact`` over all of them, then by document size (:data:`SIZE_BUCKETS`, from each
document's best time): a document costs a fixed amount besides its length.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import string
import sys
import textwrap
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import ftfy
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _generate

import textclean

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "wcxb_articles.jsonl"
DEFAULT_DOCS = 200
TARGET_DUP = 99.0
TARGET_LOST = 0.05
TARGET_SPEED = 4.0


# ------------------------------------------------------------------------------------------
# Methods: each maps a document to the deduplicated document.


def textclean_dedupe(text: str) -> str:
    return textclean.dedupe(text).text


def _exact_lines(text: str) -> str:
    seen: set[str] = set()
    out = []
    for line in text.split("\n"):
        key = line.strip()
        if key:
            if key in seen:
                continue
            seen.add(key)
        out.append(line)
    return "\n".join(out)


def exact_lines(text: str) -> str:
    return _exact_lines(text)


def ftfy_exact(text: str) -> str:
    return _exact_lines(ftfy.fix_text(text))


def _shingles(line: str) -> set[bytes]:
    words = line.split()
    if len(words) < 5:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + 5]).encode("utf-8") for i in range(len(words) - 4)}


def ftfy_minhash(text: str) -> str:
    from datasketch import MinHash, MinHashLSH  # (the bench extra; scoring needs none of it)

    lines = ftfy.fix_text(text).split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    hashes = MinHash.bulk([_shingles(lines[i]) for i in content], num_perm=128)
    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    drop = set()
    for i, m in zip(content, hashes, strict=True):
        if lsh.query(m):
            drop.add(i)
        else:
            lsh.insert(i, m)
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def ftfy_ratio(text: str) -> str:
    lines = ftfy.fix_text(text).split("\n")
    earlier: list[str] = []
    out = []
    for line in lines:
        key = line.strip()
        if key:
            dup = process.extractOne(key, earlier, scorer=fuzz.ratio, score_cutoff=90)
            earlier.append(key)
            if dup is not None:
                continue
        out.append(line)
    return "\n".join(out)


METHODS: dict[str, Callable[[str], str]] = {
    "textclean": textclean_dedupe,
    "exact lines": exact_lines,
    "ftfy+minhash": ftfy_minhash,
    "ftfy+ratio90": ftfy_ratio,
    "ftfy+exact": ftfy_exact,
}


# ------------------------------------------------------------------------------------------
# Scoring

_WORD = re.compile(r"\w+")
_NORM_CACHE: dict[str, str] = {}


def normal_form(text: str) -> str:
    """The form output and labels are compared on (independent of textclean's canonical form).

    Without "Â", on either side: what is left of a no-break space's mojibake where its second
    character went with white space ("foundation.Â", "2:Â Appoint"), which ftfy leaves in a
    line alone and a cleaner may repair, is no word of the text.
    """
    cached = _NORM_CACHE.get(text)
    if cached is None:
        fixed = ftfy.fix_text(html.unescape(text)).replace("Â", "")
        cached = " ".join(_WORD.findall(unicodedata.normalize("NFKC", fixed).casefold()))
        _NORM_CACHE[text] = cached
    return cached


@dataclass
class Score:
    dup_chars: int = 0
    dup_removed: int = 0
    unique_chars: int = 0
    unique_lost: int = 0
    copies_chars: int = 0
    copies_lost: int = 0
    unmatched: int = 0
    seconds: float = 0.0
    nbytes: int = 0
    per_doc: list[float] = field(default_factory=list)  # each document's best time
    lost_examples: list[str] = field(default_factory=list)
    missed_examples: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.dup_chars += other.dup_chars
        self.dup_removed += other.dup_removed
        self.unique_chars += other.unique_chars
        self.unique_lost += other.unique_lost
        self.copies_chars += other.copies_chars
        self.copies_lost += other.copies_lost
        self.unmatched += other.unmatched
        if len(self.lost_examples) < 5:
            self.lost_examples += other.lost_examples[: 5 - len(self.lost_examples)]
        if len(self.missed_examples) < 5:
            self.missed_examples += other.missed_examples[: 5 - len(self.missed_examples)]


def score(doc: _generate.LabelledDoc, output: str) -> Score:
    """Which labelled paragraphs survive in ``output`` (see the module docstring)."""
    # (Two patterns on one page, "first+then": by words if either pattern is.)
    if not _generate.SCORED_BY_CONTENT.isdisjoint(doc.pattern.split("+")):
        return score_by_content(doc, output)
    classes: dict[str, list[int]] = defaultdict(list)
    ignored = set()
    for i, (paragraph, label) in enumerate(zip(doc.paragraphs, doc.labels, strict=True)):
        if label == "other":
            ignored.add(normal_form(paragraph))
        else:
            classes[normal_form(paragraph)].append(i)
    for members in classes.values():  # unique paragraphs are credited first
        members.sort(key=lambda i: doc.labels[i] != "unique")
    members_of = {key: list(members) for key, members in classes.items()}
    survived: set[int] = set()
    leftovers = []
    for line in output.splitlines():
        if not line.strip():
            continue
        norm = normal_form(line)
        matches = classes.get(norm)
        if matches:
            survived.add(matches.pop(0))
        elif norm not in ignored:
            leftovers.append(norm)
    result = Score()
    for norm in leftovers:
        if not norm:
            continue
        open_classes = [key for key, members in classes.items() if members]
        best = process.extractOne(norm, open_classes, scorer=fuzz.ratio, score_cutoff=90)
        if best is None:
            result.unmatched += 1
        else:
            survived.add(classes[best[0]].pop(0))
    # Unique content is judged by content: a paragraph the article itself repeats word for word
    # is one piece of content, kept as long as one copy survives.
    for members in members_of.values():
        uniques = [i for i in members if doc.labels[i] == "unique"]
        if uniques:
            paragraph = doc.paragraphs[uniques[0]]
            result.unique_chars += len(paragraph)
            if not any(i in survived for i in members):
                result.unique_lost += len(paragraph)
                result.lost_examples.append(f"{doc.article_id}: {paragraph[:80]!r}")
            # Counted copy by copy instead: each unique copy that no output line carries.
            missing = len(uniques) - sum(i in survived for i in members)
            result.copies_chars += len(uniques) * len(paragraph)
            result.copies_lost += max(0, missing) * len(paragraph)
    for i, (paragraph, label) in enumerate(zip(doc.paragraphs, doc.labels, strict=True)):
        if label == "duplicate":
            result.dup_chars += len(paragraph)
            if i not in survived:
                result.dup_removed += len(paragraph)
            else:
                result.missed_examples.append(f"{doc.article_id}: {paragraph[:80]!r}")
    return result


def score_by_content(doc: _generate.LabelledDoc, output: str) -> Score:
    """The words of ``output`` aligned in order with those of the unique paragraphs (longest
    common subsequence of normal-form words, see the module docstring): unique words left out are
    lost, output words left over are duplicate text kept. A word weighs its length plus one."""
    words: list[str] = []
    owner: list[int] = []  # the paragraph each unique word comes from
    for i, (paragraph, label) in enumerate(zip(doc.paragraphs, doc.labels, strict=True)):
        if label == "unique":
            found = normal_form(paragraph).split()
            words += found
            owner += [i] * len(found)
    out = [word for line in output.splitlines() for word in normal_form(line).split()]
    aligned = [False] * len(words)
    extra = 0
    for op in Indel.opcodes(words, out):
        if op.tag == "equal":
            aligned[op.src_start : op.src_end] = [True] * (op.src_end - op.src_start)
        elif op.tag == "insert":
            extra += sum(len(w) + 1 for w in out[op.dest_start : op.dest_end])
    missing: dict[int, int] = defaultdict(int)
    for word, i, ok in zip(words, owner, aligned, strict=True):
        if not ok:
            missing[i] += len(word) + 1
    result = Score()
    # As by line: a paragraph the article repeats is one piece of content, its copy that lost
    # least counts; "each copy" counts every copy.
    groups: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(doc.labels):
        if label == "unique":
            groups[normal_form(doc.paragraphs[i])].append(i)
        elif label == "duplicate":
            result.dup_chars += sum(len(w) + 1 for w in normal_form(doc.paragraphs[i]).split())
    text = f" {' '.join(out)} "
    for norm, members in groups.items():
        size = sum(len(w) + 1 for w in norm.split())
        # (Its words all standing in order in the output, it survives there.)
        lost = 0 if f" {norm} " in text else min(missing[i] for i in members)
        result.unique_chars += size
        result.unique_lost += lost
        result.copies_chars += size * len(members)
        result.copies_lost += sum(missing[i] for i in members)
        if lost and len(result.lost_examples) < 5:
            result.lost_examples.append(f"{doc.article_id}: {doc.paragraphs[members[0]][:80]!r}")
    result.dup_removed = max(0, result.dup_chars - extra)
    if extra:
        result.missed_examples.append(f"{doc.article_id}: {extra} characters of duplicate kept")
    return result


# ------------------------------------------------------------------------------------------
# Running


REPEATS = 2
"""Timed runs of each method per pattern (the best counts)."""


def run_pattern(pattern: str, docs: Sequence[_generate.LabelledDoc]) -> dict[str, Score]:
    texts = [d.text for d in docs]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    scores = {}
    best: dict[str, float] = {}
    per_doc: dict[str, list[float]] = {}
    outputs_of: dict[str, list[str]] = {}
    # Each method runs REPEATS times, the methods taking turns, and keeps its best time: on a
    # shared machine a single run of one method can be slowed by whatever else is running.
    for _ in range(REPEATS):
        for name, method in METHODS.items():
            outputs, times = [], []
            start = time.process_time()
            for text in texts:
                began = time.process_time()
                outputs.append(method(text))
                times.append(time.process_time() - began)
            seconds = time.process_time() - start
            outputs_of[name] = outputs
            best[name] = min(best.get(name, seconds), seconds)
            per_doc[name] = list(map(min, zip(per_doc.get(name, times), times, strict=True)))
    for name in METHODS:
        outputs = outputs_of[name]
        total = Score(seconds=best[name], nbytes=nbytes, per_doc=per_doc[name])
        for doc, output in zip(docs, outputs, strict=True):
            total.add(score(doc, output))
        scores[name] = total
    return scores


SIZE_BUCKETS = (5_000, 10_000, 20_000, 40_000)
"""Upper bounds (UTF-8 bytes) of the document sizes the throughput ratio is broken down by."""


def print_by_size(
    sizes: Sequence[int], textclean_s: Sequence[float], base_s: Sequence[float]
) -> None:
    """The throughput ratio against ftfy + exact for documents grouped by size: each document
    costs a fixed amount besides its length, so small documents gain least."""
    print("throughput ratio textclean / (ftfy + exact) by document size, all patterns "
          "(each document's best time):")  # fmt: skip
    lows = (0, *SIZE_BUCKETS)
    highs: tuple[int | None, ...] = (*SIZE_BUCKETS, None)
    for low, high in zip(lows, highs, strict=True):
        chosen = [
            n for n, size in enumerate(sizes) if size >= low and (high is None or size < high)
        ]
        if not chosen:
            continue
        label = f"{low // 1000}-{high // 1000} kB" if high else f">= {low // 1000} kB"
        ratio = sum(base_s[n] for n in chosen) / max(sum(textclean_s[n] for n in chosen), 1e-9)
        print(f"  {label:>10}: {ratio:.2f}x ({len(chosen):,} documents)")


def _pct(part: int, whole: int, digits: int) -> str:
    return f"{100 * part / whole:.{digits}f}" if whole else "-"


def print_pattern(pattern: str, n_docs: int, scores: dict[str, Score], verbose: bool) -> float:
    mb = scores["textclean"].nbytes / 1e6
    print(f"\n{pattern} ({n_docs} documents, {mb:.1f} MB)")
    print(
        f"  {'method':<14} | {'dup removed %':>13} | {'unique lost %':>13} | "
        f"{'each copy %':>11} | {'MB/s':>7}"
    )
    for name, s in scores.items():
        unmatched = f"   ({s.unmatched} unmatched output lines)" if s.unmatched else ""
        print(
            f"  {name:<14} | {_pct(s.dup_removed, s.dup_chars, 2):>13} | "
            f"{_pct(s.unique_lost, s.unique_chars, 3):>13} | "
            f"{_pct(s.copies_lost, s.copies_chars, 3):>11} | {s.nbytes / 1e6 / s.seconds:>7.2f}"
            f"{unmatched}"
        )
    ratio = scores["ftfy+exact"].seconds / scores["textclean"].seconds
    print(f"  throughput ratio textclean / (ftfy + exact): {ratio:.2f}x")
    if verbose:
        for what, examples in (
            ("lost", scores["textclean"].lost_examples),
            ("kept duplicates", scores["textclean"].missed_examples),
        ):
            if examples:
                print(f"  textclean {what}, e.g.:")
                for example in examples:
                    print("    " + example)
    return ratio


def _timed(text: str) -> tuple[textclean.DedupeResult, float]:
    """``textclean.dedupe(text)`` and the wall-clock seconds it took."""
    start = time.perf_counter()
    result = textclean.dedupe(text)
    return result, time.perf_counter() - start


def _time_per_item(text: str, count: int, item: str) -> None:
    """Time ``textclean.dedupe(text)``, a document of ``count`` ``item``s, and print it."""
    result, seconds = _timed(text)
    print(f"  {count:>7,} {item}s, {len(text) / 1e6:5.2f} MB: {seconds:6.2f} s, "
          f"{1e3 * seconds / count:6.2f} ms/{item}, "
          f"{len(result.duplicates):,} removed")  # fmt: skip


def _drawn(pool: Sequence[str], size: int, seed: int) -> list[str]:
    """``size`` paragraphs: the next one of ``pool``, or (30% of the time) one already drawn."""
    rng = random.Random(seed)
    out: list[str] = []
    k = 0
    for _ in range(size):
        if out and rng.random() < 0.3:
            out.append(rng.choice(out))
        else:
            out.append(pool[k % len(pool)])
            k += 1
    return out


def _shift(by: int) -> dict[int, int]:
    """A ``str.translate`` table moving each ASCII letter ``by`` places on (circularly).

    >>> "Ab zY".translate(_shift(3))
    'De cB'
    """
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    return str.maketrans(lower + upper, lower[by:] + lower[:by] + upper[by:] + upper[:by])


def big(articles: Sequence[_generate.Article], seed: int) -> None:
    """Time ``textclean.dedupe`` on 25k, 50k and 100k-paragraph documents and adversarial ones."""
    pool = [p for a in articles for p in a.paragraphs]
    print(f"\nbig documents (paragraphs drawn from {len(pool)} corpus paragraphs, ~30% repeats)")
    for size in (25_000, 50_000, 100_000):
        text = "\n\n".join(_drawn(pool, size, seed))
        result, seconds = _timed(text)
        assert len(result.kept) + len(result.duplicates) == len(result.paragraphs)
        print(
            f"  {size:>7,} paragraphs, {len(text) / 1e6:5.1f} MB: {seconds:6.2f} s, "
            f"{1e6 * seconds / size:6.1f} µs/paragraph, {len(result.duplicates):,} removed"
        )
    # The bigger documents above draw more of the corpus, and with it more of its own repeats
    # (articles it holds twice), so they are not the smaller ones scaled up. These are: the
    # same document of 20,000 paragraphs once, twice and four times, each time with its letters
    # shifted (a -> d, b -> e, ...), so that no block repeats another. The time per paragraph
    # must stay about flat.
    print("the same document in 1, 2 and 4 blocks that share nothing (letters shifted)")
    block = _drawn(pool, 20_000, seed)
    for blocks in (1, 2, 4):
        tables = [_shift(3 * b) for b in range(blocks)]
        text = "\n\n".join(p.translate(table) for table in tables for p in block)
        result, seconds = _timed(text)
        size = blocks * len(block)
        print(
            f"  {size:>7,} paragraphs, {len(text) / 1e6:5.1f} MB: {seconds:6.2f} s, "
            f"{1e6 * seconds / size:6.1f} µs/paragraph, {len(result.duplicates):,} removed"
        )
    # One huge repetitive paragraph and short ones that share its first words: every short one
    # occurs in it at thousands of places. The time per MB must not grow with the size.
    print("repetitive paragraphs (one of N repeated words, then 20 short ones sharing its words)")
    for words in (100_000, 200_000, 400_000):
        unit = ("alpha", "beta", "gamma", "delta")
        long = " ".join(unit[k % 4] for k in range(words))
        short = [" ".join(unit[(k + s) % 4] for k in range(6 + s % 5)) for s in range(20)]
        text = "\n\n".join([long, *short])
        _, seconds = _timed(text)
        print(f"  {words:>7,} words, {len(text) / 1e6:5.2f} MB: {seconds:6.2f} s, "
              f"{seconds / (len(text) / 1e6):6.2f} s/MB")  # fmt: skip
    # A list of N short lines copied with the paragraph after it: only the last line of the copy
    # stands next to a long duplicate, and each confirmed line confirms the one before it.
    print("a copied list (N short lines, then a paragraph, all twice)")
    lead = "The council approved the budget on Tuesday after a debate that ran past midnight."
    tail = "Work on the new harbour bridge is due to start in March and take eighteen months."
    for lines in (10_000, 20_000, 40_000):
        items = [f"Item {k}" for k in range(lines)]
        text = "\n".join([lead, *items, tail, *items, tail])
        result, seconds = _timed(text)
        removed = len(result.duplicates)
        print(f"  {lines:>7,} lines: {seconds:6.2f} s, "
              f"{1e6 * seconds / lines:6.1f} µs/line, {removed:,} removed")  # fmt: skip
    # The same short line over and over ("Yes", a separator): after the menu at the top goes
    # at the bottom, the lines before it close the document and go in turn (trying every line
    # again after each removal cost the cube of the count).
    print("one short line (N lines, each the same word)")
    for lines in (10_000, 20_000, 40_000):
        _time_per_item("Yes\n" * lines, lines, "line")
    # A three-word line over and over below a run of boilerplate lines: each time it was tried as
    # a title repeated in the header, the header was looked for past every removed line first.
    print("a repeated line under removed ones (N ad lines, then N times a line and a sentence)")
    sentences = [s for p in pool for s in _generate.sentences(p)]
    for lines in (2_000, 4_000, 8_000):
        body = [f"Yes we can\n{sentences[k % len(sentences)]}" for k in range(lines)]
        _time_per_item("\n".join(["Advertisement"] * lines + body), lines, "pair")
    # Pull quotes and teasers, then the sentences they come from: each pull quote was looked for
    # in paragraphs with a pattern made for the pair, and each line that went as contained in a
    # later one made every removal be read again.
    print("pull quotes and teasers (N lines: pull quotes, teasers, their sentences, labels, ads)")
    said = [s for s in sentences if len(s.split()) > 6]
    for lines in (6_000, 12_000, 24_000):
        rng = random.Random(seed)
        kinds = rng.choices(range(6), weights=[10, 10, 3, 3, 3, 1], k=lines)
        page = [
            f"“{said[k % len(said)].rstrip('.')}.” — Mayor Ingrid Solberg" if kind == 0
            else " ".join(said[(k + 1) % len(said)].split()[:8]) + "…" if kind == 1
            else said[rng.randrange(max(k, 1)) % len(said)] if kind == 2
            else ("Key points", "Advertisement", said[k % len(said)])[kind - 3]
            for k, kind in enumerate(kinds)
        ]  # fmt: skip
        _time_per_item("\n".join(page), lines, "line")
    # Two huge paragraphs, the second a copy with a word changed every 300 words: aligning
    # them would cost the product of their lengths, so they are compared exactly only.
    print("long paragraphs (one of N characters, then a copy with scattered edits)")
    text_pool = " ".join(pool)
    for chars in (250_000, 500_000, 1_000_000):
        first = (text_pool * (1 + chars // max(len(text_pool), 1)))[:chars]
        edited = first.split(" ")
        for k in range(0, len(edited), 300):
            edited[k] = "edited"
        text = first + "\n\n" + " ".join(edited)
        _, seconds = _timed(text)
        print(f"  {chars:>9,} characters: {seconds:6.2f} s, "
              f"{seconds / (len(text) / 1e6):6.2f} s/MB")  # fmt: skip
    # Many articles in one document, each with its JSON-LD object before it: every object's body
    # is searched for around it only, so the time per MB must not grow with the count.
    print("JSON-LD objects (N articles in one document, each after its object)")
    for count in (50, 100, 200):
        parts = []
        for k in range(count):
            article = articles[k % len(articles)]
            data = {"@type": "NewsArticle", "articleBody": "\n\n".join(article.paragraphs)}
            parts += [json.dumps(data), *article.paragraphs]
        text = "\n\n".join(parts)
        result, seconds = _timed(text)
        megabytes = len(text) / 1e6
        print(f"  {count:>7,} articles, {megabytes:5.2f} MB: {seconds:6.2f} s, "
              f"{seconds / megabytes:6.2f} s/MB, {len(result.duplicates):,} removed")  # fmt: skip
    # Paragraphs that share sentences with many others: each is five of the same 40 sentences,
    # so every sentence key is held by a sixth of the document and each paragraph is tried for
    # containment against the capped candidates. The time per paragraph must not grow.
    print("shared sentences (N paragraphs, each five of the same 40 corpus sentences)")
    rng = random.Random(seed)
    common = [s for p in pool for s in _generate.sentences(p) if len(s.split()) >= 6][:40]
    for count in (500, 1_000, 2_000):
        _time_per_item("\n\n".join(" ".join(rng.sample(common, 5)) for _ in range(count)),
                       count, "paragraph")  # fmt: skip
    # Pages under a running head, each ending with the same credit: the head, the credit and
    # the last words are keys that every page holds, and they pair no two pages on their own.
    print("running head (N corpus paragraphs, each under the same head, over the same credit)")
    for count in (1_000, 2_000, 4_000):
        _time_per_item("\n\n".join(
            f"The Daily Example, print edition, page {k + 1}. {pool[k % len(pool)]} All rights "
            "reserved by The Daily Example." for k in range(count)
        ), count, "paragraph")  # fmt: skip
    # Lines of one template (a results table written out), near copies of each other but for
    # their figures: every line is a candidate of every other, and none may go.
    print("template lines (N lines that differ only in their figures)")
    for count in (1_000, 2_000, 4_000):
        text = "\n".join(
            f"Runner {k} finished the {k % 7 + 5} km course in {k % 50 + 20} minutes "
            f"and {k % 60} seconds, placing {k} of {count}."
            for k in range(1, count + 1)
        )
        _time_per_item(text, count, "line")
    # A body after a copy of itself run together without spaces into one paragraph, which
    # stays as the first: each paragraph of the body is looked for in that copy, from where
    # the one before it was found (searching the whole copy each time cost the square).
    print("a body after its copy run together (N corpus paragraphs, the copy first)")
    for count in (1_000, 2_000, 4_000):
        body = [p for p in pool if len(p.split()) >= 8][:count]
        result, seconds = _timed("".join(body) + "\n\n" + "\n\n".join(body))
        print(f"  {len(body):>7,} paragraphs: {seconds:6.2f} s, "
              f"{1e3 * seconds / len(body):6.2f} ms/paragraph, "
              f"{len(result.kept):,} kept")  # fmt: skip
    # Articles, then a copy of them all hard-wrapped (Python's textwrap, 72 columns) after their
    # paragraph breaks were lost: one block of lines, cut into long paragraphs where a line opens
    # like a list item ("- ...", "2. ..."), inside the articles' paragraphs. While such a part
    # stayed, every later one was tried against it (150 articles: 22 s, 190 kB of copy kept).
    print("articles, then their copy wrapped after its breaks were lost (N articles)")
    for count in (50, 100, 200):
        texts = [p for article in articles[:count] for p in article.paragraphs]
        first = "\n\n".join(texts)
        wrapped = textwrap.fill(" ".join(texts), 72)
        result, seconds = _timed(first + "\n\n" + wrapped)
        stay = set(result.kept)
        kept = sum(
            len(p.text) for p in result.paragraphs if p.start > len(first) and p.index in stay
        )
        megabytes = (len(first) + len(wrapped)) / 1e6
        print(f"  {count:>7,} articles, {megabytes:5.2f} MB: {seconds:6.2f} s, "
              f"{seconds / megabytes:6.2f} s/MB, {kept:,} characters of the copy kept")  # fmt: skip
    # A body, then a copy of it with the first words of the next paragraph after each one: every
    # piece is a copy cut short, checked against the texts that open as it does (checking all
    # of them cost the square: 7.6 s for 4,000 paragraphs).
    print("a copy cut short after every paragraph (N corpus paragraphs, then the copy)")
    for count in (1_000, 2_000, 4_000):
        body = list(dict.fromkeys(p for p in pool if len(p.split()) >= 14))[:count]
        pieces = [" ".join(p.split()[:6]) for p in body[1:]]
        copy = [part for pair in zip(body, pieces, strict=False) for part in pair]
        _time_per_item("\n\n".join(body + copy), len(body), "paragraph")
    # A web address, then a long run of letters joined by '+': scanning for a URL scheme from
    # every letter of it once cost the square of its length (21 s for 80,000 repeats).
    print("after a web address, a run of N 'a+'")
    for repeats in (80_000, 160_000, 320_000):
        text = "Details at https://example.com/story/7 today. " + "a+" * repeats
        _, seconds = _timed(text)
        print(f"  {repeats:>9,} repeats: {seconds:6.3f} s, "
              f"{seconds / (len(text) / 1e6):6.2f} s/MB")  # fmt: skip
    # Web addresses run together in one long word, in a document with line breaks: an address
    # broken at a line's end was looked for from each of them to the word's end (bc0437b's code:
    # 21.65 s for 8,000). Then an address ending a line, and a long run after it on the next that
    # reads like a slug up to its last letter: read as one, it cost the square of its length.
    print("N web addresses in one word, after a line; an address, then a run of N 'a-' and 'A'")
    for count in (8_000, 16_000, 32_000):
        text = "A line\nsee " + ",".join(["https://example.com/story/7"] * count) + " today."
        _, seconds = _timed(text)
        slug = f"See https://example.com/a\n{'a-' * (10 * count)}A and more."
        _, slug_seconds = _timed(slug)
        megabytes = len(text) / 1e6
        print(f"  {count:>9,} addresses: {seconds:6.3f} s, {seconds / megabytes:6.2f} s/MB; "
              f"{10 * count:>9,} 'a-': {slug_seconds:6.3f} s")  # fmt: skip
    # One short line repeated N times (a list's item), all kept: the search for a table of
    # contents looked at every other place of each line's text for each line, the square of N
    # (bee1fa4's code: 4.55 s for 16,000).
    print("one short line repeated N times")
    for count in (16_000, 32_000, 64_000):
        text = "The council met on Tuesday\n" + "• a\n" * count + "more text"
        _time_per_item(text, count, "line")
    # N table rows, then N/8 highlights boxes ("Key points" over an item that the body after
    # them repeats): each box looked for its label among all the paragraphs before it (printed
    # before: a page printed twice), the square of the rows before the first box (0b4170c's
    # code: 1.41, 4.50 and 15.45 s).
    print("highlights boxes after a table (N rows, then N/8 boxes whose items the body repeats)")
    item = "The council approved plan {} for the bridge on Tuesday after a long debate."
    for count in (8_000, 16_000, 32_000):
        boxes = [part for k in range(count // 8) for part in ("Key points", item.format(k))]
        body = [item.format(k) for k in range(count // 8)]
        rows = [f"Row {k}: {7 * k} units" for k in range(count)]
        _time_per_item("\n\n".join([*rows, *boxes, *body]), count, "row")
    # A paragraph given whole to find_duplicates (no segmentation cuts it), its lines holding a
    # long word of '//': looking for an address broken at a line's end from each '//' to the
    # word's end cost the square of its length (d6ee216's code: 9.35 s for 16,000).
    print("find_duplicates: a paragraph with line breaks and a word of N 'x//'")
    for count in (16_000, 64_000, 256_000):
        paragraph = f"The council said on Tuesday\n{'x//' * count} end\nmore text follows"
        start = time.perf_counter()
        textclean.find_duplicates([paragraph, "Another paragraph."])
        seconds = time.perf_counter() - start
        megabytes = len(paragraph) / 1e6
        print(f"  {count:>9,} 'x//': {seconds:6.3f} s, {seconds / megabytes:6.2f} s/MB")


def across(articles: Sequence[_generate.Article], seed: int) -> None:
    """Deduplication across documents: each pattern's copy against an index of the articles,
    and each article against an index of the others."""
    print(f"\nacross documents ({len(articles)} articles indexed, then each copy checked alone)")
    with textclean.Deduplicator() as index:
        for article in articles:
            index.dedupe("\n\n".join(article.paragraphs), doc_id=article.id)
        for pattern in _generate.PATTERNS:
            if pattern in _generate.COPY_FIRST:
                continue  # its "duplicates" are the article's body: nothing new to check
            total = removed = 0
            for doc in _generate.generate(pattern, articles, seed=seed):
                copy = [p for p, label in zip(doc.paragraphs, doc.labels, strict=True)
                        if label == "duplicate"]  # fmt: skip
                if not copy:
                    continue
                result = index.check("\n\n".join(copy), doc_id=f"copy of {doc.article_id}")
                total += sum(len(p.text) for p in result.paragraphs)
                removed += sum(len(result.paragraphs[d.index].text) for d in result.duplicates)
            if total:
                print(f"  {pattern:<14} copy removed: {_pct(removed, total, 2)}%")
        exact = other = total = 0
        for article in articles:
            text = "\n\n".join(article.paragraphs)
            index.forget(article.id)
            result = index.check(text, doc_id=article.id)
            total += sum(len(p.text) for p in result.paragraphs)
            for d in result.duplicates:
                size = len(result.paragraphs[d.index].text)
                if d.doc_id is not None and d.kind == "exact":
                    exact += size
                elif d.doc_id is not None:
                    other += size
            index.dedupe(text, doc_id=article.id)
        print(f"  each article against the others: {_pct(exact, total, 3)}% removed as exact "
              f"repeats of another article, {_pct(other, total, 3)}% otherwise")  # fmt: skip


# Pages that put a second copy after another pattern's document (see --combined).
COMBINED_FIRST = ("boilerplate", "interleaved", "highlights", "article_body", "run_together")
COMBINED_THEN = ("edited_copy", "reworded_copy", "rewrapped", "noisy_copy", "wrapped_copy")


def combined(articles: Sequence[_generate.Article], seed: int) -> None:
    """Two patterns on one page (:func:`_generate.generate_combined`): the share of duplicate
    text ``dedupe`` removes and of unique text it loses, for each pair."""
    print(f"\ntwo patterns on one page ({len(articles)} articles: a pattern's document, then "
          "another pattern's copy)")  # fmt: skip
    for first in COMBINED_FIRST:
        for then in COMBINED_THEN:
            total = Score()
            for doc in _generate.generate_combined(first, then, articles, seed=seed):
                total.add(score(doc, textclean_dedupe(doc.text)))
            print(f"  {first:<13} + {then:<14} dup removed "
                  f"{_pct(total.dup_removed, total.dup_chars, 2)}%, unique lost "
                  f"{_pct(total.unique_lost, total.unique_chars, 3)}%")  # fmt: skip


_SCRIPTS = {
    "cyrillic": "абцдефгхийклмнопярстуввхыз",
    "greek": "αβψδεφγηιξκλμνοπθρστυωςχυζ",
}


def transliterated(articles: Sequence[_generate.Article], script: str) -> list[_generate.Article]:
    """``articles`` with each ASCII letter replaced by a letter of ``script`` (:data:`_SCRIPTS`)."""
    lower = _SCRIPTS[script]
    table = str.maketrans(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", lower + lower.upper()
    )
    return [
        replace(a, title=a.title.translate(table),
                paragraphs=tuple(p.translate(table) for p in a.paragraphs))
        for a in articles
    ]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, help="JSONL files with a `text` field")
    parser.add_argument(
        "--docs", type=int, default=DEFAULT_DOCS,
        help=f"articles sampled per pattern (default {DEFAULT_DOCS}; 0 = all)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--big", action="store_true", help="also time 25k-100k paragraph docs")
    parser.add_argument("--patterns", nargs="*", choices=list(_generate.PATTERNS))
    parser.add_argument(
        "--script", choices=list(_SCRIPTS), help="map the articles' letters into this script"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show lost paragraphs")
    parser.add_argument(
        "--across", action="store_true", help="also check copies against an index of the articles"
    )
    parser.add_argument(
        "--combined", action="store_true", help="also score pages with two patterns' copies"
    )
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)

    missing = [str(path) for path in args.corpus if not path.is_file()]
    if missing:
        parser.error(f"no such corpus file: {', '.join(missing)}")
    paths = args.corpus or ([DEFAULT_CORPUS] if DEFAULT_CORPUS.exists() else [])
    if paths:
        articles = [a for path in paths for a in _generate.load_articles(path)]
        source = ", ".join(str(p.resolve()) for p in paths)
    else:
        articles = _generate.synthetic_articles(300, seed=args.seed)
        source = "synthetic articles (no corpus found)"
    all_articles = articles
    if args.docs and args.docs < len(articles):
        articles = random.Random(args.seed).sample(articles, args.docs)
        note = f"a sample of {args.docs} (--docs; 0 = all, slower)"
    else:
        note = "all"
    if args.script:
        articles = transliterated(articles, args.script)
        note += f", letters mapped into {args.script.capitalize()} (--script)"
    print(f"corpus: {source}: {note} of the articles, seed {args.seed}")
    print(f"textclean {textclean.__version__}; targets: dup removed >= {TARGET_DUP}%, "
          f"unique lost <= {TARGET_LOST}%, throughput >= {TARGET_SPEED}x ftfy+exact")  # fmt: skip

    failures = []
    total_tc = total_base = 0.0
    sizes: list[int] = []
    doc_tc: list[float] = []
    doc_base: list[float] = []
    for pattern in args.patterns or _generate.PATTERNS:
        docs = list(_generate.generate(pattern, articles, seed=args.seed))
        scores = run_pattern(pattern, docs)
        sizes += [len(doc.text.encode("utf-8")) for doc in docs]
        doc_tc += scores["textclean"].per_doc
        doc_base += scores["ftfy+exact"].per_doc
        ratio = print_pattern(pattern, len(docs), scores, args.verbose)
        total_tc += scores["textclean"].seconds
        total_base += scores["ftfy+exact"].seconds
        s = scores["textclean"]
        if s.dup_chars and 100 * s.dup_removed / s.dup_chars < TARGET_DUP:
            failures.append(f"{pattern}: duplicate removed below {TARGET_DUP}%")
        if s.unique_chars and 100 * s.unique_lost / s.unique_chars > TARGET_LOST:
            failures.append(f"{pattern}: unique lost above {TARGET_LOST}%")
        if ratio < TARGET_SPEED:
            failures.append(f"{pattern}: throughput {ratio:.2f}x below {TARGET_SPEED}x")
    print(f"\nthroughput ratio textclean / (ftfy + exact), all patterns: "
          f"{total_base / total_tc:.2f}x")  # fmt: skip
    print_by_size(sizes, doc_tc, doc_base)
    print("targets: " + ("all met" if not failures else "MISSED"))
    for failure in failures:
        print("  " + failure)
    if args.across:
        across(articles, args.seed)
    if args.combined:
        combined(articles, args.seed)
    if args.big:
        big(
            all_articles if paths else _generate.synthetic_articles(3000, seed=args.seed), args.seed
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
