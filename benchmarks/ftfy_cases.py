"""Check textclean.clean against ftfy's own test cases.

Usage::

    python benchmarks/ftfy_cases.py PATH/TO/test_cases.json

Get the file from ftfy's source distribution (it is not copied into this repository)::

    cd "$(mktemp -d)" && pip download --no-binary :all: --no-deps ftfy && tar xzf ftfy-*.tar.gz
    # -> ftfy-*/tests/test_cases.json

Each case has ``label``, ``original``, ``fixed`` (what ``ftfy.fix_text`` gives), optionally
``fixed-encoding`` (what ``ftfy.fix_encoding`` alone gives) and ``expect`` ("pass"/"fail").
Cases are grouped by label: "negative" (the label says negative: text that must not be
"repaired"), "synthetic" (label starts with "Synthetic"), else "in-the-wild".

For a pass-marked case, ``clean(original)`` (default options) must equal ``fixed-encoding``
or ``fixed`` once both sides are folded; a negative case that ftfy expects unchanged must also
come back as its original, folded ("Mostly negative: we only need to fix C1 control
characters" does expect a repair). The fold is :func:`fold`: clean's own non-repairing steps
with the opt-in folds on, never mojibake repair or entity decoding. Each part undoes a
difference that is by design:

- ``straighten_quotes``: ftfy's ``fixed`` uncurls quotes; clean keeps curly quotes.
- ``fold_ligatures``, ``fold_width``: ftfy's ``fixed`` splits ligatures (``ﬁ``, ``ŉ``) and
  folds full-width forms; clean keeps them by default.
- ``remove_invisible``, ``normalize_spaces``: clean removes control characters and turns
  no-break spaces into spaces; ftfy's ``fixed-encoding`` keeps them.
- Either expectation may match: clean decodes entities (``10Î&frac14;s`` -> ``10μs``, ftfy's
  ``fixed``) and removes controls (ftfy's ``fixed``) but keeps quotes (ftfy's
  ``fixed-encoding``).

Fail-marked cases (ftfy's own known failures) are run and reported, never required.
Prints counts per category and every failure; exits 1 if a pass-marked case fails.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from textclean.cleaning import clean

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_clean import fold  # the same folding as the throughput benchmark


def category(label: str) -> str:
    """Group a case by its label: negative, synthetic or in-the-wild."""
    if "negative" in label.lower():
        return "negative"
    if label.lower().startswith("synthetic"):
        return "synthetic"
    return "in-the-wild"


def check(case: dict[str, str]) -> tuple[bool, str]:
    """Return (ok, got) for one case."""
    got = clean(case["original"])
    targets = {fold(case["fixed"]), fold(case.get("fixed-encoding", case["fixed"]))}
    ok = fold(got) in targets
    if category(case["label"]) == "negative" and fold(case["original"]) in targets:
        # a true negative: nothing to repair, so the text must come back as it was
        ok = ok and fold(got) == fold(case["original"])
    return ok, got


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        print("usage: python benchmarks/ftfy_cases.py PATH/TO/test_cases.json", file=sys.stderr)
        return 2
    cases = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    passed: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    failures: list[tuple[dict[str, str], str]] = []
    for case in cases:
        key = (category(case["label"]), case["expect"])
        ok, got = check(case)
        total[key] += 1
        passed[key] += ok
        if not ok:
            failures.append((case, got))

    for key in sorted(total):
        cat, expect = key
        print(f"{cat:12} expect={expect:4}: {passed[key]}/{total[key]} repaired as ftfy expects")
    required = [(case, got) for case, got in failures if case["expect"] == "pass"]
    known = [(case, got) for case, got in failures if case["expect"] != "pass"]
    for title, group in (("FAILED (pass-marked)", required), ("not fixed (fail-marked)", known)):
        if group:
            print(f"\n{title}:")
        for case, got in group:
            print(f"- {case['label']}")
            print(f"    original: {case['original']!r}")
            print(f"    expected: {case.get('fixed-encoding', case['fixed'])!r}")
            print(f"    got:      {got!r}")
    print(f"\npass-marked failures: {len(required)}")
    return 1 if required else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
