"""Made-up news-like text for the index tests: distinct paragraphs from a seeded generator."""

from __future__ import annotations

import random
import re
import threading
from collections import Counter
from typing import Any

WORDS = re.findall(
    r"\w+",
    """
    harbour council budget river bridge school teacher market farmer weather storm ferry island
    minister report museum library festival garden railway station tunnel coast village mayor
    court judge hospital nurse doctor patient factory worker union contract wage price energy wind
    solar battery grid water pipe road truck driver airport flight pilot season league match coach
    player stadium ticket crowd concert artist painting novel author poet theatre actor film camera
    studio radio signal cable network server software update engineer scientist forest valley
    glacier lake fisher boat cargo port customs border trade export import tariff deficit surplus
    bank loan mortgage rent tenant landlord housing planning permit zoning heritage castle church
    bishop choir organ bakery bread cheese orchard apple vineyard harvest cattle sheep wool police
    """,
)


def sentence(rng: random.Random) -> str:
    """Eight to fourteen random words, capitalised, with a full stop."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 14))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    """Two to four sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))


def paragraphs(seed: int, n: int) -> list[str]:
    """``n`` distinct paragraphs, the same for the same ``seed``."""
    rng = random.Random(seed)
    return [paragraph(rng) for _ in range(n)]


def join(parts: list[str]) -> str:
    """Paragraphs separated by blank lines."""
    return "\n\n".join(parts)


def dedupe_in_threads(dd: Any, work: list[list[str]]) -> Counter[str]:
    """Feed each list of documents to ``dd.dedupe`` in its own thread; count kept paragraphs."""
    kept: Counter[str] = Counter()
    lock = threading.Lock()

    def run(docs: list[str]) -> None:
        for doc in docs:
            result = dd.dedupe(doc)
            with lock:
                kept.update(result.paragraphs[i].text for i in result.kept)

    threads = [threading.Thread(target=run, args=(docs,)) for docs in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return kept
