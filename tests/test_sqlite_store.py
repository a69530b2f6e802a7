"""The SQLite store: persistence, several processes, crashes, and the same answers as memory."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from tests.documents import WORDS, dedupe_in_threads, join, paragraphs
from textclean import (
    Deduplicator,
    FingerprintSettings,
    IndexMismatchError,
    MemoryStore,
    sqlite_store,
)
from textclean.fingerprint import ParagraphPrint
from textclean.sqlite_store import SQLiteStore
from textclean.store import FORMAT_VERSION, MAX_POSTINGS, Store, StoredDocument

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, *args: str, stdin: str = "") -> str:
    """Run ``code`` in a fresh interpreter; return its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_sqlite_store_is_a_store(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "index.db")
    assert isinstance(store, Store)
    store.close()
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.paragraph_count()


def test_a_url_or_a_path_opens_a_file(tmp_path: Path) -> None:
    with Deduplicator(store=f"sqlite:///{tmp_path / 'a.db'}") as dd:
        dd.dedupe(join(paragraphs(1, 2)))
    with Deduplicator(store=tmp_path / "a.db") as dd:
        assert dd.store.paragraph_count() == 2


def test_reopened_index_gives_the_same_answers(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    probes = [join(paragraphs(10, 3)), join(paragraphs(11, 2) + paragraphs(12, 1)), "Short."]
    with Deduplicator(store=path, boilerplate_min_docs=2) as dd:
        dd.dedupe(join(paragraphs(10, 3)), doc_id="a", source="s")
        dd.dedupe(join(paragraphs(11, 4)), doc_id="b", source="s")
        dd.dedupe(join(paragraphs(12, 1) + paragraphs(11, 1)), doc_id="c", source="s")
        before = [dd.check(p, source="s").to_dict() for p in probes]
        counts = (dd.store.document_count(), dd.store.paragraph_count())
    with Deduplicator(store=path, boilerplate_min_docs=2) as dd:
        assert [dd.check(p, source="s").to_dict() for p in probes] == before
        assert (dd.store.document_count(), dd.store.paragraph_count()) == counts
    assert any(d["duplicates"] for d in before)


def test_a_second_process_finds_the_first_process_documents(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    story = paragraphs(20, 3)
    run_python(
        "import sys, json, textclean\n"
        "with textclean.Deduplicator(store=sys.argv[1]) as dd:\n"
        "    dd.dedupe(json.loads(sys.stdin.read()), doc_id='from-the-child')\n",
        str(path),
        stdin=json.dumps(join(story)),
    )
    with Deduplicator(store=path) as dd:
        copy = dd.dedupe(join([*paragraphs(21, 1), *story]), doc_id="parent")
    assert copy.kept == (0,)
    assert {d.doc_id for d in copy.duplicates} == {"from-the-child"}
    seen = run_python(
        "import sys, textclean\n"
        "with textclean.Deduplicator(store=sys.argv[1]) as dd:\n"
        "    print(dd.store.document_count(), dd.store.paragraph_count())\n",
        str(path),
    )
    assert seen.split() == ["2", "4"]


def test_the_index_refuses_other_settings_and_newer_formats(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    with Deduplicator(store=path) as dd:
        dd.dedupe(join(paragraphs(30, 2)))
    with pytest.raises(IndexMismatchError, match=r"num_perm=64.*num_perm=32"):
        Deduplicator(store=path, fingerprint=FingerprintSettings(num_perm=32, bands=8))
    with Deduplicator(store=path) as dd:  # still usable with its own settings
        assert dd.store.paragraph_count() == 2
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE meta SET value = ? WHERE name = 'format'", (str(FORMAT_VERSION + 1),))
    db.close()
    with pytest.raises(IndexMismatchError, match="newer"):
        Deduplicator(store=path)
    db = sqlite3.connect(path)
    with db:  # an index of format 1 kept its postings in the file: this one does not read it
        db.execute("UPDATE meta SET value = ? WHERE name = 'format'", (str(FORMAT_VERSION - 1),))
    db.close()
    with pytest.raises(IndexMismatchError, match="older"):
        Deduplicator(store=path)


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE documents (id INTEGER, body TEXT)")
    db.close()
    before = path.read_bytes()
    with pytest.raises(IndexMismatchError, match=r"no textclean index .*tables documents"):
        Deduplicator(store=path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]  # (no journal made)
    empty = tmp_path / "empty.db"
    empty.touch()  # (an empty file is a database with no tables: it becomes the index)
    with Deduplicator(store=empty) as dd:
        dd.dedupe(join(paragraphs(30, 2)))
    with Deduplicator(store=empty) as dd:
        assert dd.store.paragraph_count() == 2


def test_a_path_that_cannot_be_an_index_says_why(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"the directory .*missing.* does not exist"):
        Deduplicator(store=tmp_path / "missing" / "index.db")
    with pytest.raises(IsADirectoryError, match="it is a directory"):
        Deduplicator(store=tmp_path)
    if os.geteuid() != 0:  # (root may write anywhere)
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(PermissionError, match="no permission to create a file"):
            Deduplicator(store=locked / "index.db")


def test_a_malformed_document_is_refused_before_the_file_takes_it(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    fp = ParagraphPrint("some words here", 3, 11, (12,), ())
    good = StoredDocument.from_prints("a", None, 0.0, [(0, fp)], {11})
    bad = StoredDocument("b", None, 0.0, good.paragraphs, good.canonical, -good.keys, good.rows, ())
    store = SQLiteStore(path)
    store.add(good)
    with pytest.raises(ValueError, match="non-negative"):
        store.add(bad)
    store.close()
    reopened = SQLiteStore(path)  # and the file still reads back
    assert (reopened.document_count(), reopened.paragraph_count()) == (1, 1)
    assert [e.doc_id for e in reopened.lookup({11})[11]] == ["a"]
    reopened.close()


@pytest.mark.parametrize(
    "texts", [["plain words", "more words"], ["a \0 b", "c"], ["lone \ud800 half", ""], []]
)
def test_canonical_texts_read_back_as_written(texts: list[str], tmp_path: Path) -> None:
    # A document's texts are stored as one compressed stream, or one by one when a text holds
    # the separator (NUL); lone surrogates and empty texts survive either way.
    path = tmp_path / "index.db"
    prints = [(k, ParagraphPrint(t, 2, 100 + k, (), ())) for k, t in enumerate(texts)]
    store = SQLiteStore(path)
    store.add(StoredDocument.from_prints("a", None, 0.0, prints, ()))
    store.close()
    reopened = SQLiteStore(path)
    found = reopened.lookup({100 + k for k in range(len(texts))})
    assert [found[100 + k][0].canonical for k in range(len(texts))] == texts
    assert reopened.paragraph_count() == len(texts)
    for k in range(len(texts)):  # the paragraphs beside each, as they stood in the document
        beside = [(e.paragraph, e.canonical) for e in reopened.neighbours("a", k)]
        assert beside == [(n, texts[n]) for n in (k - 1, k + 1) if 0 <= n < len(texts)]
    assert reopened.neighbours("a", len(texts)) == reopened.neighbours("b", 0) == ()
    reopened.close()


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "index.db")
    fp = ParagraphPrint("some words here", 3, 11, (12,), ())
    with pytest.raises(RuntimeError), store.transaction():
        store.add(StoredDocument.from_prints("a", "s", 0.0, [(0, fp)], {11}))
        raise RuntimeError("boom")
    assert (store.document_count(), store.paragraph_count()) == (0, 0)
    assert store.lookup({11, 12}) == {}
    assert store.boilerplate("s", {11}, 1) == frozenset()
    store.close()


def test_a_second_connection_follows_additions_and_removals(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    first, second = join(paragraphs(20, 3)), join(paragraphs(21, 3))
    with Deduplicator(store=path) as writer, Deduplicator(store=path) as reader:
        writer.dedupe(join(paragraphs(22, 2)), doc_id="other")  # the index is never empty
        writer.dedupe(first, doc_id="a")
        assert reader.check(first).kept == ()
        assert writer.forget("a") == 3
        assert reader.check(first).kept == (0, 1, 2)
        writer.dedupe(second, doc_id="a")  # the same id, another text
        assert reader.check(first).kept == (0, 1, 2)
        assert [d.doc_id for d in reader.check(second).duplicates] == ["a"] * 3
        reader.dedupe(first, doc_id="b")  # the reader writes too
        assert writer.check(first).kept == ()


def test_a_connection_behind_the_kept_removals_reads_the_index_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_store, "FORGOTTEN_KEPT", 2)
    monkeypatch.setattr(sqlite_store, "_PRUNE_EVERY", 1)
    path = tmp_path / "index.db"
    texts = [join(paragraphs(30 + n, 2)) for n in range(6)]
    with Deduplicator(store=path) as writer, Deduplicator(store=path) as reader:
        for n, text in enumerate(texts):
            writer.dedupe(text, doc_id=f"d{n}")
        assert all(reader.check(text).kept == () for text in texts)
        for n in range(5):  # more removals than the table keeps
            writer.forget(f"d{n}")
        assert [reader.check(text).kept for text in texts] == [(0, 1)] * 5 + [()]


_KILLED_CHILD = """
import sys, time, json
import textclean
from textclean import sqlite_store

first, second = json.loads(sys.stdin.read())
dd = textclean.Deduplicator(store=sys.argv[1])
dd.dedupe(first, doc_id="committed")
dd.store._db.execute("PRAGMA cache_size = 2")  # spill uncommitted pages into the WAL file
add = sqlite_store.SQLiteStore.add

def add_then_hang(self, doc):
    add(self, doc)  # everything written, nothing committed
    print("inside the transaction", flush=True)
    time.sleep(120)

sqlite_store.SQLiteStore.add = add_then_hang
dd.dedupe(second, doc_id="killed", source="s")
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_in_the_middle_of_a_document_leaves_the_index_as_before(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    first, second = join(paragraphs(40, 3)), join(paragraphs(41, 200))
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_CHILD, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(json.dumps([first, second]))
    child.stdin.close()
    try:
        assert child.stdout.readline() == "inside the transaction\n"
        assert Path(f"{path}-wal").stat().st_size > 100_000  # half a document on disk
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with Deduplicator(store=path) as dd:
        assert (dd.store.document_count(), dd.store.paragraph_count()) == (1, 3)
        assert dd.check(second).kept == tuple(range(200))
        assert dd.check(first).kept == ()
        assert dd.store.boilerplate("s", {1, 2}, 1) == frozenset()
        dd.dedupe(second, doc_id="again")  # and the index takes new documents
        assert dd.store.paragraph_count() == 203
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()


_WORKER = """
import sys, json
import textclean

docs = json.loads(sys.stdin.read())
kept = []
with textclean.Deduplicator(store=sys.argv[1]) as dd:
    for doc in docs:
        result = dd.dedupe(doc)
        kept.extend(result.paragraphs[i].text for i in result.kept)
print(json.dumps(kept))
"""


def test_four_processes_keep_each_repeated_paragraph_exactly_once(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    shared = paragraphs(50, 40)
    rng = random.Random(51)
    work = [
        [join(rng.sample(shared, 6) + paragraphs(5000 + 100 * w + n, 1)) for n in range(12)]
        for w in range(4)
    ]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in work
    ]
    kept: Counter[str] = Counter()
    for worker, docs in zip(workers, work, strict=True):
        out, err = worker.communicate(json.dumps(docs), timeout=120)
        assert worker.returncode == 0, err
        kept.update(json.loads(out))
    fed = {p for docs in work for doc in docs for p in doc.split("\n\n")}
    assert set(kept) == fed  # nothing unique removed
    assert max(kept.values()) == 1  # every repeated paragraph kept exactly once


_EVICTING_WORKER = """
import sys, json, time
from pathlib import Path
import textclean

path, me = Path(sys.argv[1]), sys.argv[2]
docs, probes, workers = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
with textclean.Deduplicator(store=path, max_paragraphs=30) as dd:
    for n, (doc_id, doc) in enumerate(docs):
        dd.dedupe(doc, doc_id=doc_id, source="site")
        if n % 5 == 4:
            dd.forget(docs[n - 2][0])
    Path(f"{path}.{me}.done").touch()
    deadline = time.monotonic() + 60  # (a worker that failed never writes its file)
    while not all(Path(f"{path}.{w}.done").exists() for w in range(workers)):
        if time.monotonic() > deadline:
            sys.exit("the other workers did not finish within 60 s")
        time.sleep(0.01)
    print(json.dumps([dd.check(p, source="site").to_dict() for p in probes]))
"""


def test_processes_that_evict_and_forget_agree_with_a_fresh_reader(tmp_path: Path) -> None:
    # Each process's memory copy follows the others' additions, replacements, evictions and
    # removals: once all have written, each answers as a process that reads the file afresh.
    path = tmp_path / "index.db"
    pool = paragraphs(90, 30)
    rng = random.Random(91)
    work = [
        [(f"d{rng.randrange(25)}", join(rng.sample(pool, 4))) for _ in range(20)] for _ in range(3)
    ]
    probes = [join(pool[k : k + 3]) for k in range(0, 30, 3)]
    workers = []
    for w, docs in enumerate(work):
        given = tmp_path / f"work{w}.json"
        given.write_text(json.dumps([docs, probes, len(work)]), encoding="utf-8")
        workers.append(
            subprocess.Popen(
                [sys.executable, "-c", _EVICTING_WORKER, str(path), str(w), str(given)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
        )
    # (every worker's output read before any is judged: the one that failed says why)
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    answers = [json.loads(out) for out, _ in outputs]
    with Deduplicator(store=path, max_paragraphs=30) as fresh:
        assert fresh.store.paragraph_count() <= 30
        expected = [fresh.check(p, source="site").to_dict() for p in probes]
    assert any(a["duplicates"] for a in expected)  # the probes do meet the index
    assert answers == [expected] * len(work)


def test_threads_share_one_sqlite_deduplicator(tmp_path: Path) -> None:
    shared = paragraphs(60, 20)
    rng = random.Random(61)
    work = [[join(rng.sample(shared, 4)) for _ in range(8)] for _ in range(3)]
    with Deduplicator(store=tmp_path / "index.db") as dd:
        kept = dedupe_in_threads(dd, work)
    assert set(kept) == {p for docs in work for doc in docs for p in doc.split("\n\n")}
    assert max(kept.values()) == 1


def test_sqlite_and_memory_stores_give_the_same_answers(tmp_path: Path) -> None:
    rng = random.Random(70)
    pool = paragraphs(71, 30)
    sqlite_dd = Deduplicator(store=tmp_path / "index.db", boilerplate_min_docs=3, max_paragraphs=40)
    memory_dd = Deduplicator(boilerplate_min_docs=3, max_paragraphs=40)
    with sqlite_dd, memory_dd:
        for n in range(40):
            parts = rng.sample(pool, 3) + paragraphs(800 + n, rng.randint(0, 2))
            if rng.random() < 0.3:
                parts[0] = parts[0].replace(".", ", she said.", 1)
            doc, doc_id, source = join(parts), rng.choice([None, f"id{n % 7}"]), rng.choice("xy")
            if rng.random() < 0.1:
                assert sqlite_dd.forget(f"id{n % 7}") == memory_dd.forget(f"id{n % 7}")
            a = sqlite_dd.dedupe(doc, doc_id=doc_id, source=source).to_dict()
            b = memory_dd.dedupe(doc, doc_id=doc_id, source=source).to_dict()
            assert a == b
            assert sqlite_dd.store.paragraph_count() == memory_dd.store.paragraph_count()
            assert sqlite_dd.store.document_count() == memory_dd.store.document_count()


def test_a_reopened_index_finds_a_wrapped_copy_and_a_json_ld_body(tmp_path: Path) -> None:
    # The lookups that copies sharing no key of their own make (the sentences of wrapped lines
    # joined again, the text of an articleBody) reach the file's documents after reopening.
    rng = random.Random(31)
    words = [" ".join(rng.choice(WORDS) for _ in range(26)) for _ in range(6)]
    sentences = [sentence.capitalize() + "." for sentence in words]
    story = [" ".join(sentences[n : n + 2]) for n in range(0, 6, 2)]
    path = tmp_path / "index.db"
    with Deduplicator(store=path) as dd:
        dd.dedupe(join(story), doc_id="wire")
    lines = [line for paragraph in story for line in textwrap.wrap(paragraph, 64)]
    data = json.dumps({"@type": "NewsArticle", "articleBody": " ".join(story)})
    with Deduplicator(store=path) as dd:
        wrapped = dd.check(join(lines), doc_id="print")
        alone = dd.check(
            join([data, "The ferry plan goes to a public vote in May."]), doc_id="paywall"
        )
    assert wrapped.kept == ()
    assert {d.doc_id for d in wrapped.duplicates} == {"wire"}
    assert alone.kept == (1,)
    assert [(d.index, d.doc_id) for d in alone.duplicates] == [(0, "wire")]


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_a_key_takes_at_most_max_postings(kind: str, tmp_path: Path) -> None:
    store: Store = MemoryStore() if kind == "memory" else SQLiteStore(tmp_path / "index.db")
    common = ParagraphPrint("a common line", 3, 7, (), ())
    for n in range(MAX_POSTINGS + 3):
        unique = ParagraphPrint(f"line {n}", 2, 1000 + n, (), ())
        with store.transaction():
            store.lookup({7, 1000 + n}, exclude_doc=f"d{n}")  # as the Deduplicator does
            store.add(
                StoredDocument.from_prints(f"d{n}", None, 0.0, [(0, common), (1, unique)], ())
            )
    filed = store.lookup({7})[7]
    assert [e.doc_id for e in filed] == [f"d{n}" for n in range(MAX_POSTINGS)]
    assert store.forget("d0") == 2
    store.add(StoredDocument.from_prints("new", None, 0.0, [(0, common)], ()))
    assert [e.doc_id for e in store.lookup({7})[7]][-1] == "new"
    store.close()
