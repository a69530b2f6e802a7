"""The ``textclean`` command, through ``main([...])`` and one real ``python -m textclean`` run."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import textclean
from textclean import cli
from textclean.cli import job as cli_job
from textclean.cli import options as cli_options
from textclean.cli import run as cli_run

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_e2d5bc835c81b771.txt"
ARTICLE = ROOT / "examples" / "article.txt"

needs_sqlite_store = pytest.mark.skipif(
    importlib.util.find_spec("textclean.sqlite_store") is None,
    reason="textclean.sqlite_store (the --index backend) is not there yet",
)

PARAGRAPH = (
    "The harbour council met on {day} to discuss the sea wall, and the engineers presented "
    "three options for the rebuild, each with a different cost and schedule."
)


def doc(i: int) -> str:
    """A document with one repeated paragraph and one of its own."""
    own = f"Document {i} has a paragraph of its own, about boat number {i} and its crew of {i}."
    repeated = PARAGRAPH.format(day=f"day {i}")
    return f"{repeated}\n\n{own}\n\n{repeated}"


DISTINCT = [
    "Ferry fares rise five percent from April, the operator said, blaming the cost of fuel.\n\n"
    "Commuter groups said it was the third rise in two years.",
    "The library on Fore Street reopens on Monday after a roof repair that took eleven months.\n\n"
    "Opening hours are unchanged, the council said.",
    "A record 412 boats entered the autumn regatta, despite a forecast of strong winds.\n\n"
    "The junior race was moved to the sheltered inner harbour.",
]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def read_jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Call with bytes to make them standard input."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    yield feed


# --------------------------------------------------------------------------------------------
# The real program
# --------------------------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is not there")
def test_python_m_textclean_dedupes_the_seed_to_its_first_23_lines() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "textclean", "dedupe", str(SEED)],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr.decode()
    lines = run.stdout.decode("utf-8").splitlines()
    assert len(lines) == 23
    assert lines == SEED.read_text("utf-8").splitlines()[:23]
    assert b"22 removed (exact 22" in run.stderr


def test_a_pool_stopped_early_is_let_finish_what_it_holds_but_not_for_long() -> None:
    # Terminating a pool while a worker sends a chunk of results can leave half a message in the
    # pipe, on which the pool's shutdown waits forever: a pool stopped early first finishes the
    # documents it holds, unless they take longer than the time it is given.
    pool = multiprocessing.get_context().Pool(2)
    try:
        assert cli_job._drained(pool.imap(abs, [-1, 2, -3]), 5.0)
        started = time.monotonic()
        assert not cli_job._drained(pool.imap(time.sleep, [0.0, 30.0]), 0.3)
        assert time.monotonic() - started < 5
    finally:
        pool.terminate()
        pool.join()


def test_a_stopped_feed_ends_though_the_release_that_would_wake_it_was_lost() -> None:
    # The pool's task thread waits in the feed for a free slot. Ctrl-C in the consumer can lose
    # the release meant to wake it (a run hung so, in CI, with the pool terminating); once the
    # run stops, the feed must end without it, or terminating the pool waits for ever.
    throttle = cli_job._Throttle(1)
    feed = throttle.feed(iter(range(10)))
    assert next(feed) == 0  # (the one slot is taken)
    waiting = threading.Thread(target=lambda: list(feed), daemon=True)
    waiting.start()
    time.sleep(0.05)
    assert waiting.is_alive()
    throttle._stopped = True  # (stopped, the release lost)
    waiting.join(timeout=5)
    assert not waiting.is_alive()


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
@pytest.mark.parametrize("after_bytes", [1, 200_000])
def test_ctrl_c_with_workers_stops_cleanly_with_whole_documents_written(
    tmp_path: Path, after_bytes: int
) -> None:
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops a run with
    workers at once: status 130, one line saying how many documents were written, no worker
    traceback, and no hang (an interrupted worker used to leave half a result in the pool's
    pipe, and shutting the pool down then waited forever)."""

    records = [{"id": n, "text": doc(n) + "\n\n" + DISTINCT[n % 3]} for n in range(40_000)]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "textclean", "dedupe", "--jsonl", "--workers", "2"]
    run = subprocess.Popen(
        [*command, "-o", str(out), str(source)],
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # (its own group, to signal as a terminal does)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 60
        while (not out.exists() or out.stat().st_size < after_bytes) and run.poll() is None:
            assert time.monotonic() < deadline, "the run wrote nothing"
            time.sleep(0.01)
        os.killpg(run.pid, signal.SIGINT)
        _, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    message = err.decode()
    assert run.returncode == cli_options.EXIT_INTERRUPTED, message
    assert "Traceback" not in message and "ForkPoolWorker" not in message, message
    written = read_jsonl(out.read_text("utf-8"))
    assert 0 < len(written) < len(records)
    assert [r["id"] for r in written] == list(range(len(written)))  # whole, in order
    reported = re.search(r"textclean dedupe: interrupted after ([\d,]+) documents?\n", message)
    assert reported is not None, message
    # (the signal may fall between writing a document and counting it)
    assert int(reported.group(1).replace(",", "")) in (len(written) - 1, len(written))


# --------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------


def test_dedupe_article_matches_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["dedupe", "-q", str(ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert out == textclean.dedupe(ARTICLE.read_bytes()).text + "\n"
    assert "â€" not in out and "Advertisement" not in out
    assert out.count("PORTHALLOW") == 1 and "“We were told" in out


def test_stdin_and_dash(stdin: Any, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(doc(1).encode())
    assert cli.main(["dedupe", "-q"]) == 0
    assert capsys.readouterr().out == textclean.dedupe(doc(1)).text + "\n"
    stdin(doc(2).encode())
    assert cli.main(["dedupe", "-q", "-"]) == 0
    assert capsys.readouterr().out.count("day 2") == 1


def test_each_file_is_one_document_and_output_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(doc(1))
    b.write_text(doc(1))  # the same text: without --index, files are independent
    out = tmp_path / "out.txt"
    assert cli.main(["dedupe", "-q", str(a), str(b), "-o", str(out)]) == 0
    single = textclean.dedupe(doc(1)).text + "\n"
    assert out.read_text() == single + single


def test_clean_plain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("Itâ€™s “here”&nbsp;now\r\n\r\n\r\nNext".encode())
    assert cli.main(["clean", "-q", str(path)]) == 0
    assert capsys.readouterr().out == "It’s “here” now\n\nNext\n"
    assert cli.main(["clean", "-q", "--straighten-quotes", "--report", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == 'It\'s "here" now\n\nNext\n'
    assert "cleaning steps: unescape_html, fix_encoding" in captured.err
    assert "not UTF-8" not in captured.err


@pytest.mark.parametrize("command", ["clean", "dedupe"])
def test_a_report_says_when_a_file_is_not_utf8(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café au lait, “twice” a day.".encode("cp1252"))
    assert cli.main([command, "-q", "--report", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Café au lait, “twice” a day.\n"
    assert "read as Windows-1252, not UTF-8" in captured.err
    if command == "dedupe":
        assert f"{path}: 1 paragraph, 0 removed" in captured.err


def test_plain_report_explains_each_removal(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["dedupe", "-q", "--report", str(ARTICLE)]) == 0
    err = capsys.readouterr().err
    assert "19 paragraphs, 9 removed" in err
    assert "removed [11] exact of [2], similarity 1.00 (same canonical text)" in err
    assert "boilerplate" in err


def test_options_reach_the_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "A short line.\n\nA short line.\n\n“Quoted” — text here that is long enough."
    path = tmp_path / "x.txt"
    path.write_text(text)
    assert (
        cli.main(
            [
                "dedupe",
                "-q",
                "--remove-short-repeats",
                "--straighten-quotes",
                "--straighten-dashes",
                str(path),
            ]
        )
        == 0
    )
    expected = textclean.dedupe(
        textclean.clean(text, straighten_quotes=True, straighten_dashes=True),
        remove_short_repeats=True,
    ).text
    assert capsys.readouterr().out == expected + "\n"
    assert expected.count("A short line.") == 1 and '"Quoted" - text' in expected


def test_no_clean_keeps_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.txt"
    para = "Itâ€™s  odd, but this paragraph is kept exactly as it was given."
    path.write_text(f"{para}\n\n{para}\n")
    assert cli.main(["dedupe", "-q", "--no-clean", str(path)]) == 0
    assert capsys.readouterr().out == f"{para}\n"


def test_binary_file_is_refused(
    tmp_path: Path, stdin: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Plain text.\n")
    binary = tmp_path / "prog"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    assert cli.main(["clean", "-q", str(text), str(binary)]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"textclean: {binary}: looks like a binary file (it holds NUL bytes); "
        "textclean reads text\n"
    )
    assert captured.out == ""  # checked before any work
    stdin(binary.read_bytes())
    assert cli.main(["dedupe", "-q"]) == 1
    assert "textclean: <stdin>: looks like a binary file" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd")
def test_a_pipe_is_checked_as_it_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    # A pipe (`textclean clean <(zcat x.gz)`) cannot be read twice: the binary check reads it
    # once, with the document.
    # Without -q, the look for JSON lines read as plain text leaves a pipe alone too.
    for data, status, quiet in ((b"Plain text.\n", 0, ["-q"]), (b"\x7fELF\x00\x00", 1, ["-q"]),
                                (b"Plain text.\n", 0, [])):  # fmt: skip
        read, write = os.pipe()
        try:
            os.write(write, data)
            os.close(write)
            assert cli.main(["clean", *quiet, f"/dev/fd/{read}"]) == status
        finally:
            os.close(read)
        captured = capsys.readouterr()
        assert captured.out == ("Plain text.\n" if status == 0 else "")
        assert ("looks like a binary file" in captured.err) == (status == 1)


def test_utf16_with_a_bom_is_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "utf16.txt"
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = "\ufeff".encode(encoding)
        path.write_bytes(bom + "Caf\u00e9 au lait.\n".encode(encoding))
        assert b"\0" in path.read_bytes()
        assert cli.main(["clean", "-q", str(path)]) == 0
        assert capsys.readouterr().out == "Caf\u00e9 au lait.\n"


def test_utf16_and_utf32_without_a_bom_are_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "wide.txt"
    text = "The caf\u00e9\u2019s owner \u2014 \u201cclosed\u201d.\n"
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        path.write_bytes(text.encode(encoding))
        assert cli.main(["clean", "--report", str(path)]) == 0
        captured = capsys.readouterr()
        assert captured.out == text
        assert f"read as UTF-{encoding[4:6]}, not UTF-8" in captured.err


def test_json_lines_in_utf16_or_utf32_are_refused_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "wide.jsonl"
    line = '{"id": 1, "text": "Caf\u00e9 owners met."}\n'
    for encoding, name in [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32")]:
        path.write_bytes(line.encode(encoding))
        assert cli.main(["dedupe", "--jsonl", "-q", str(path)]) == 1
        err = capsys.readouterr().err
        assert f"line 1: reads as {name}; JSON lines must be UTF-8" in err


# --------------------------------------------------------------------------------------------
# JSON lines
# --------------------------------------------------------------------------------------------


def test_jsonl_fields_round_trip_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {
            "id": 7,
            "url": "https://example.org/a",
            "text": doc(1),
            "tags": ["a", "é"],
            "meta": {"z": 1, "a": [1.5, None, True]},
            "score": -0.25,
            "ok": False,
            "none": None,
        },
        {"zeta": "first key", "text": "Itâ€™s fine.", "n": 10**20, "emoji": "🙂\u200d"},
    ]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    assert cli.main(["dedupe", "-q", "--jsonl", str(path)]) == 0
    out = read_jsonl(capsys.readouterr().out)
    assert [list(r) for r in out] == [list(r) for r in records]
    for before, after in zip(records, out, strict=True):
        assert {k: v for k, v in after.items() if k != "text"} == {
            k: v for k, v in before.items() if k != "text"
        }
    assert out[0]["text"] == textclean.dedupe(doc(1)).text
    assert out[1]["text"] == "It’s fine."


def test_jsonl_field_and_lone_surrogate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"body": "A\\u00a0b", "odd": "\\ud800"}\n\n   \n{"body": "c"}\n')
    assert cli.main(["clean", "-q", "--jsonl", "--field", "body", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == '{"body": "A b", "odd": "\\ud800"}'  # escaped, not lost
    assert read_jsonl(out) == [{"body": "A b", "odd": "\ud800"}, {"body": "c"}]  # blanks skipped


def test_json_lines_read_as_plain_text_are_pointed_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Forgetting --jsonl reads the whole file as one document: the command says so, and still
    # does what it was told (the output is the input, cleaned as one text).
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in DISTINCT])
    long_line = write_jsonl(tmp_path / "long.jsonl", [{"text": "word " * 20_000}])
    plain = tmp_path / "plain.txt"
    plain.write_text("{Braces} start this line.\n\nA second paragraph.\n", "utf-8")
    assert cli.main(["dedupe", str(path), str(long_line), str(plain)]) == 0
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if "warning" in line]
    assert warnings == [
        f"textclean: warning: {name} looks like JSON lines; it is read as one plain-text "
        "document (pass --jsonl to read one document per line)"
        for name in (path, long_line)
    ]
    assert captured.out.startswith('{"text": "Ferry fares')
    for args in (["--jsonl"], ["-q"]):
        assert cli.main(["dedupe", *args, str(path)]) == 0
        assert "warning" not in capsys.readouterr().err


def test_jsonl_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": ARTICLE.read_text("utf-8"), "k": 1}])
    assert cli.main(["dedupe", "-q", "--jsonl", "--report", str(path)]) == 0
    [record] = read_jsonl(capsys.readouterr().out)
    assert list(record) == ["text", "k", "textclean"]
    report = record["textclean"]
    assert report["paragraphs"] == 19 and len(report["kept"]) == 10
    assert report["clean_steps"] == ["fix_encoding", "normalize_spaces"]  # final newline
    first = report["duplicates"][0]
    assert first["kind"] == "boilerplate" and first["text"] == "Advertisement"
    second = report["duplicates"][1]
    assert (second["index"], second["original"], second["kind"]) == (11, 2, "exact")
    assert second["rule"] == "same canonical text" and second["text"].startswith("PORTHALLOW")
    assert "doc_id" not in report  # only with --index


def test_clean_jsonl_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": "a&amp;b", "textclean": "old"}])
    assert cli.main(["clean", "-q", "--jsonl", "--report", str(path)]) == 0
    assert read_jsonl(capsys.readouterr().out) == [
        {"text": "a&b", "textclean": {"clean_steps": ["unescape_html"]}}
    ]


BAD_LINES = [
    (
        b'{"text": "x",}',
        "invalid JSON: Expecting property name enclosed in double quotes (column 14)",
    ),
    (b'{"text": ', "invalid JSON: Expecting value (column 10)"),
    (b'{"text": "abc', "invalid JSON: Unterminated string starting at (column 10)"),
    (b'{"body": "x", "url": "u"}', "missing field 'text' (fields: body, url)"),
    (b'{"text": 12}', "field 'text' is a number, expected a string"),
    (b'{"text": null}', "field 'text' is null, expected a string"),
    (b'["text"]', "expected a JSON object, got an array"),
    (b'{"text": "caf\xe9"}', "not valid UTF-8: byte 0xe9 at byte 14"),
    (b'{"text": "a", "text": "b"}', "key 'text' appears twice"),
    (b'{"text": "a", "f": NaN}', "NaN is not JSON"),
    (b'{"text": "a", "f": [Infinity]}', "Infinity is not JSON"),
    (b'{"text": "a", "f": {"g": -Infinity}}', "-Infinity is not JSON"),
    (b'{"text": "a", "f": 1e400}', "a number out of range (1e400)"),
    (b'{"text": "a", "f": ' + b"9" * 5000 + b"}", "a number out of range (99999999999999999...)"),
    (
        b'{"text": "a", "f": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "invalid JSON: nested too deeply to read",
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD_LINES, ids=[m.split(":")[0] for _, m in BAD_LINES])
def test_bad_line_stops_with_its_line_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: bytes, message: str
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "one"}\n{"text": "two"}\n' + bad + b'\r\n{"text": "four"}\n')
    assert cli.main(["dedupe", "--jsonl", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"textclean: {path}, line 3: {message}" in captured.err
    assert "--on-error skip --rejects PATH" in captured.err
    assert read_jsonl(captured.out) == [{"text": "one"}, {"text": "two"}]  # all before it


def test_on_error_skip_sets_bad_lines_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = [line for line, _ in BAD_LINES]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join([b'{"text": "one"}', *bad, b'{"text": "last"}']))  # no final \n
    rejects = tmp_path / "rejects.jsonl"
    argv = ["dedupe", "--jsonl", "--on-error", "skip", "--rejects", str(rejects), str(path)]
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    assert read_jsonl(captured.out) == [{"text": "one"}, {"text": "last"}]
    assert rejects.read_bytes() == b"".join(line + b"\n" for line in bad)
    assert f"{path}, line 2: invalid JSON" in captured.err
    assert f"(written to {rejects})" in captured.err
    assert f"{len(bad)} bad lines rejected" in captured.err
    assert cli.main([*argv, "--quiet"]) == 0  # (each still named: no progress, no summary)
    quiet = capsys.readouterr().err.splitlines()
    assert len(quiet) == len(bad) and all(f"(written to {rejects})" in line for line in quiet)
    assert rejects.read_bytes() == b"".join(line + b"\n" for line in bad)  # (emptied first)


def test_output_is_always_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Numbers JSON can spell pass through; what Python would write back as NaN or Infinity
    # never gets to the writer, which refuses it anyway.
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "a", "big": 1e308, "tiny": -1e-400, "int": 1' + b"0" * 400 + b"}\n")
    assert cli.main(["clean", "-q", "--jsonl", str(path)]) == 0
    [record] = read_jsonl(capsys.readouterr().out)
    assert record == {"text": "a", "big": 1e308, "tiny": -0.0, "int": 10**400}
    with pytest.raises(ValueError, match="not JSON compliant"):
        cli_job._dump({"text": "a", "f": float("inf")})


def test_id_and_source_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": 1, "site": None, "text": "a"},
            {"id": "b", "text": "b"},
            {"id": True, "text": "c"},
        ],
    )
    argv = ["dedupe", "-q", "--jsonl", "--id-field", "id", "--source-field", "site", str(path)]
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert "line 3: field 'id' is a boolean, expected a string or an integer" in captured.err
    assert len(read_jsonl(captured.out)) == 2
    # An empty id would name every such document alike: an error, not an id.
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "a"}, {"id": "", "text": "b"}])
    assert cli.main(argv) == 1
    assert "line 2: field 'id' is an empty string, expected an id" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# Workers and the index
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--report"]])
def test_two_workers_give_the_same_output_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    records = [
        {"id": i, "text": doc(i) if i % 7 else ARTICLE.read_text("utf-8")} for i in range(60)
    ]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    outputs = []
    for workers in ("1", "2"):
        assert cli.main(["dedupe", "-q", "--jsonl", "--workers", workers, *extra, str(path)]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert [r["id"] for r in read_jsonl(outputs[1])] == list(range(60))


def test_two_workers_stop_at_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps({"text": doc(i)}) for i in range(100)]
    lines[57] = "{oops"
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert cli.main(["dedupe", "-q", "--jsonl", "--workers", "2", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}, line 58: invalid JSON" in captured.err
    assert len(captured.out.splitlines()) == 57


def test_reading_stays_a_bounded_distance_ahead() -> None:
    """Memory stays flat: the pool is never fed more than a fixed number of documents ahead."""
    job = cli_job._Job(
        command="clean",
        jsonl=True,
        text_field="text",
        id_field=None,
        source_field=None,
        report=False,
        clean_config=textclean.CleanConfig(),
    )
    produced = 0
    lock = threading.Lock()

    def items() -> Iterator[tuple[str, int, bytes]]:
        nonlocal produced
        for i in range(2000):
            with lock:
                produced += 1
            yield "x", i + 1, b'{"text": "a b c"}\n'

    ahead = []
    with cli_job._started(job, items(), workers=2, chunksize=4) as results:
        for consumed, _ in enumerate(results, 1):
            with lock:
                ahead.append(produced - consumed)
    assert len(ahead) == 2000
    assert max(ahead) <= 2 * 4 * 4


@needs_sqlite_store
@pytest.mark.parametrize("workers", ["1", "2"])
def test_index_twice_removes_every_paragraph_the_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    index = tmp_path / "index.db"
    argv = ["dedupe", "--index", str(index), "--workers", workers, str(ARTICLE)]
    assert cli.main(argv) == 0
    first = capsys.readouterr()
    assert first.out == textclean.dedupe(ARTICLE.read_bytes()).text + "\n"
    assert cli.main([*argv, "--report"]) == 0
    second = capsys.readouterr()
    assert second.out == ""
    assert "19 paragraphs, 19 removed" in second.err


@needs_sqlite_store
def test_an_index_that_cannot_be_used_leaves_the_output_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.txt"
    output.write_text("yesterday's output\n")
    not_an_index = tmp_path / "notes.db"
    not_an_index.write_text("not a database, but text that SQLite cannot read as one\n" * 100)
    argv = ["dedupe", "-q", "--index", str(not_an_index), "-o", str(output), str(ARTICLE)]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert err.count(str(not_an_index)) == 1 and "not a database" in err
    assert output.read_text() == "yesterday's output\n"


@needs_sqlite_store
def test_reading_a_big_index_is_announced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index.db"
    argv = ["dedupe", "--index", str(index), str(ARTICLE)]
    assert cli.main(argv) == 0
    assert "reading the index" not in capsys.readouterr().err  # a new, small file: no pause
    monkeypatch.setattr(cli_run, "_SLOW_INDEX", 1)  # every file is big now
    assert cli.main(argv) == 0
    err = capsys.readouterr().err
    assert f"reading the index {index}" in err
    kept = len(textclean.dedupe(ARTICLE.read_bytes()).kept)
    assert f"index read: 1 document, {kept} paragraphs in" in err
    assert cli.main([*argv[:1], "-q", *argv[1:]]) == 0
    assert capsys.readouterr().err == ""


@needs_sqlite_store
def test_index_across_documents_and_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"id": f"d{i}", "text": DISTINCT[i % 3]} for i in range(9)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    index = tmp_path / "index.db"
    outputs = []
    for workers in ("1", "2"):
        index.unlink(missing_ok=True)
        argv = ["dedupe", "-q", "--jsonl", "--id-field", "id", "--index", str(index), "--report"]
        assert cli.main([*argv, "--workers", workers, str(path)]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    out = read_jsonl(outputs[0])
    assert [r["text"] for r in out[:3]] == DISTINCT
    assert all(r["text"] == "" for r in out[3:])  # seen in an earlier document
    assert out[3]["textclean"]["duplicates"][0]["doc_id"] == "d0"
    assert out[3]["textclean"]["doc_id"] == "d3"
    # The same ids again replace their earlier copies instead of matching them.
    assert (
        cli.main(
            [
                "dedupe",
                "-q",
                "--jsonl",
                "--id-field",
                "id",
                "--index",
                str(index),
                str(write_jsonl(tmp_path / "again.jsonl", records[:1])),
            ]
        )
        == 0
    )
    assert read_jsonl(capsys.readouterr().out)[0]["text"] == DISTINCT[0]


# --------------------------------------------------------------------------------------------
# Usage errors, unreadable input, the option mapping
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required: COMMAND"),
        (["tidy"], "invalid choice: 'tidy'"),
        (["dedupe", "--treshold", "0.8"], "unrecognized arguments: --treshold"),
        (["dedupe", "--threshold", "abc"], "expected float, got 'abc'"),
        (["dedupe", "--threshold", "2"], "threshold must be in (0, 1], got 2.0"),
        (["dedupe", "--keep", "last"], "invalid choice: 'last' (choose from first, longest)"),
        (["clean", "--normalization", "NFD"], "invalid choice: 'NFD'"),
        (["dedupe", "--workers", "-1"], "must be 0 (one per CPU) or more"),
        (["dedupe", "--field", "body"], "--field needs --jsonl"),
        (["dedupe", "--max-age", "60"], "--max-age needs --index"),
        (
            ["dedupe", "--jsonl", "--index", "i.db", "--boilerplate-min-docs", "3"],
            "--boilerplate-min-docs needs --source-field",
        ),
        (["dedupe", "--jsonl", "--rejects", "r"], "--rejects needs --on-error skip"),
        (["dedupe", "--jsonl", "--on-error", "skip"], "--on-error skip needs --rejects PATH"),
        (["dedupe", "--on-error", "skip", "--rejects", "r"], "--on-error skip needs --jsonl"),
        (["dedupe", "--jsonl", "--on-error", "skip", "--rejects", "-"], "--rejects needs a file"),
        (["dedupe", "--no-clean", "--fold-width"], "--fold-width: no effect with --no-clean"),
        (["clean", "--threshold", "0.5"], "unrecognized arguments: --threshold"),
        (["dedupe", "a.txt", "-o", "a.txt"], "-o a.txt is also an input file"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["dedupe", "--threshold", "2"], "threshold must be in (0, 1], got 2.0"),
        (["dedupe", "--bogus"], "unrecognized arguments: --bogus"),
        (["clean", "--threshold", "0.5"], "unrecognized arguments: --threshold"),
        (["clean", "--field", "body"], "--field needs --jsonl"),
    ],
)
def test_command_usage_errors_name_the_command(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert cli.main(argv) == 2
    command = argv[0]
    assert capsys.readouterr().err == (
        f"usage: textclean {command} [options] [FILE ...]\ntextclean {command}: error: {message}\n"
    )


def test_unknown_option_before_the_command_is_the_main_parsers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["--bogus", "dedupe"]) == 2
    assert capsys.readouterr().err == (
        "usage: textclean [--version] COMMAND [options] [FILE ...]\n"
        "textclean: error: unrecognized arguments: --bogus\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["clean", "--jsonl", "--on-error", "skip", "--rejects", "in.jsonl", "in.jsonl"],
            "--rejects in.jsonl is also an input file",
        ),
        (
            ["clean", "--jsonl", "--on-error", "skip", "--rejects", "r.jsonl", "-o", "r.jsonl"],
            "--rejects r.jsonl is also the -o file",
        ),
        (
            ["clean", "--jsonl", "link.jsonl", "-o", "in.jsonl"],
            "-o in.jsonl is also an input file (link.jsonl)",
        ),
        (
            ["clean", "in.jsonl", "-o", "link.jsonl"],
            "-o link.jsonl is also an input file (in.jsonl)",
        ),
        (
            ["clean", "in.jsonl", "-o", "hard.jsonl"],
            "-o hard.jsonl is also an input file (in.jsonl)",
        ),
        (
            ["clean", "in.jsonl", "-o", "./sub/../in.jsonl"],
            "-o ./sub/../in.jsonl is also an input file (in.jsonl)",
        ),
        (
            [
                "dedupe",
                "--jsonl",
                "--on-error",
                "skip",
                "--rejects",
                "new.txt",
                "-o",
                "dangling.txt",
            ],
            "--rejects new.txt is also the -o file (dangling.txt)",
        ),
        (["dedupe", "--index", "ix.db", "-o", "ix.db"], "-o ix.db is also the --index file"),
        (
            ["dedupe", "--jsonl", "--index", "ix.db", "--on-error", "skip", "--rejects", "ix.db"],
            "--rejects ix.db is also the --index file",
        ),
        (["dedupe", "--index", "in.jsonl", "in.jsonl"], "--index in.jsonl is also an input file"),
        (
            ["dedupe", "--index", "sqlite:///in.jsonl", "in.jsonl"],
            "--index sqlite:///in.jsonl is also an input file (in.jsonl)",
        ),
    ],
)
def test_files_to_write_that_are_inputs_or_each_other_are_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    """Nothing is opened for writing: opening an input (or the file another option writes)
    for writing would empty it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    data = b'{"text": "one"}\n'
    (tmp_path / "in.jsonl").write_bytes(data)
    (tmp_path / "link.jsonl").symlink_to("in.jsonl")
    (tmp_path / "hard.jsonl").hardlink_to("in.jsonl")
    (tmp_path / "dangling.txt").symlink_to("new.txt")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert cli.main(argv) == 2
    command = argv[0]
    assert capsys.readouterr().err == (
        f"usage: textclean {command} [options] [FILE ...]\ntextclean {command}: error: {message}\n"
    )
    assert (tmp_path / "in.jsonl").read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["dedupe", "--help"]) == 0
    assert "exit status:" in capsys.readouterr().out
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"textclean {textclean.__version__}\n"


def test_unreadable_input_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert cli.main(["dedupe", str(ARTICLE), str(missing)]) == 1
    captured = capsys.readouterr()
    assert f"cannot read {missing}: No such file or directory" in captured.err
    assert captured.out == ""  # checked before any work


FULL = Path("/dev/full")  # (Linux: every write fails with "No space left on device")
needs_full = pytest.mark.skipif(not FULL.exists(), reason=f"{FULL} is not there")


@needs_full
@pytest.mark.parametrize("flag", ["-o", "--rejects"])
def test_a_full_disk_stops_the_run_with_a_message(
    flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": doc(n)} for n in range(3)])
    source.write_text("not JSON\n" + source.read_text("utf-8"), "utf-8")
    argv = ["dedupe", "-q", "--jsonl", "--on-error", "skip", str(source)]
    others = ["--rejects", str(tmp_path / "rejects.jsonl")] if flag == "-o" else []
    assert cli.main([*argv, *others, flag, str(FULL)]) == cli_options.EXIT_DATA_ERROR
    assert f"textclean: cannot write {FULL}: No space left on device" in capsys.readouterr().err


@needs_full
@needs_sqlite_store
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_that_cannot_be_written_is_not_indexed(
    workers: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The index holds only documents written: after a full disk, running again on the same
    input loses nothing (before, the documents indexed but never written came out empty)."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": doc(n)} for n in range(4)])
    index = tmp_path / "index.db"
    argv = ["dedupe", "-q", "--jsonl", "--index", str(index), "--workers", workers, str(source)]
    assert cli.main([*argv, "-o", str(FULL)]) == cli_options.EXIT_DATA_ERROR
    assert "No space left on device" in capsys.readouterr().err
    with textclean.Deduplicator(store=index) as again:
        assert again.store.document_count() == 0
    assert cli.main(argv) == 0
    out = [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()]
    assert out == [textclean.dedupe(doc(n)).text for n in range(4)]


@needs_full
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_full_standard_output_stops_the_run_with_one_message(workers: str) -> None:
    with FULL.open("wb") as full:
        run = subprocess.run(
            [sys.executable, "-m", "textclean", "dedupe", "-q", "--workers", workers, str(ARTICLE)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            cwd=ROOT,
        )
    message = run.stderr.decode()
    assert run.returncode == cli_options.EXIT_DATA_ERROR, message
    assert message == "textclean: cannot write standard output: No space left on device\n"


def test_every_library_option_has_a_command_line_form() -> None:
    parsers = cli.subcommands()
    flags = {name: {s for a in p._actions for s in a.option_strings} for name, p in parsers.items()}
    clean_fields = [f.name for f in dataclasses.fields(textclean.CleanConfig)]
    dedupe_fields = [f.name for f in dataclasses.fields(textclean.DedupeOptions)]
    assert [o.name for o in cli_options.clean_options()] == clean_fields
    assert [o.name for o in cli_options.dedupe_options()] == [
        f for f in dedupe_fields if f != "fingerprint"
    ]
    assert {o.name for o in cli_options.index_options()} == {
        "boilerplate_min_docs",
        "document_threshold",
        "max_paragraphs",
        "max_age",
    }
    helps = {**cli_options._CLEAN_HELP, **cli_options._DEDUPE_HELP, **cli_options._INDEX_HELP}
    options = [
        *cli_options.clean_options(),
        *cli_options.dedupe_options(),
        *cli_options.index_options(),
    ]
    for option in options:
        assert option.name in helps
        spelled = option.name.replace("_", "-")
        forms = {f"--{spelled}", f"--no-{spelled}", f"--{spelled.removesuffix('s')}"}
        commands = ["dedupe"] if option in cli_options.index_options() else ["dedupe", "clean"]
        if option in cli_options.dedupe_options():
            commands = ["dedupe"]
        for command in commands:
            assert forms & flags[command], (command, option.name)


def test_non_default_options_become_library_configs() -> None:
    parser = cli.build_parser()
    args = parser.parse_args(
        [
            "dedupe",
            "--jsonl",
            "--source-field",
            "site",
            "--threshold",
            "0.8",
            "--containment",
            "0.7",
            "--min-chars",
            "20",
            "--short-words",
            "2",
            "--remove-short-repeats",
            "--keep",
            "longest",
            "--no-boilerplate",
            "--boilerplate-pattern",
            "x+",
            "--boilerplate-pattern",
            "y",
            "--index",
            "i.db",
            "--boilerplate-min-docs",
            "3",
            "--document-threshold",
            "0.5",
            "--max-paragraphs",
            "9",
            "--max-age",
            "60.5",
            "--normalization",
            "none",
            "--no-fix-encoding",
            "--fold-width",
        ]
    )
    job = cli_run._configure(args, parser.error)
    assert textclean.DedupeOptions(**job.dedupe_options) == textclean.DedupeOptions(
        threshold=0.8,
        containment=0.7,
        min_chars=20,
        short_words=2,
        remove_short_repeats=True,
        keep="longest",
        boilerplate=False,
        boilerplate_patterns=("x+", "y"),
        clean=False,
    )
    assert job.index_options == {
        "boilerplate_min_docs": 3,
        "document_threshold": 0.5,
        "max_paragraphs": 9,
        "max_age": 60.5,
    }
    assert job.clean_config == textclean.CleanConfig(
        normalization=None, fix_encoding=False, fold_width=True
    )
    defaults = cli_run._configure(parser.parse_args(["dedupe"]), parser.error)
    assert defaults.dedupe_options == {"clean": False}  # the command cleans, with CleanConfig()
    assert defaults.clean_config == textclean.CleanConfig() and defaults.index is None


def test_help_is_plain_ascii() -> None:
    for parser in [cli.build_parser(), *cli.subcommands().values()]:
        parser.format_help().encode("ascii")


# --------------------------------------------------------------------------------------------
# Progress and summary
# --------------------------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal() -> None:
    now = [0.0]
    out = FakeTerminal()
    progress = cli.Progress(
        out, label="textclean dedupe", total=2_000_000, mode="bar", clock=lambda: now[0]
    )
    progress.update(documents=1, size=10)  # too early to draw: short runs stay quiet
    assert out.getvalue() == ""
    now[0] = 1.0
    progress.update(documents=10, size=1_000_000)
    assert (
        out.getvalue()
        == "\rtextclean dedupe [" + "#" * 15 + "." * 15 + "]  50% 10 docs, 1.0 MB, 1.0 MB/s"
    )
    progress.close("summary")
    assert out.getvalue().endswith("\r\x1b[Ksummary\n")
    assert (
        cli.Progress.for_stream(FakeTerminal(), label="x", total=None, quiet=False)._mode == "bar"
    )
    assert cli.Progress.for_stream(io.StringIO(), label="x", total=None, quiet=False)._mode == "log"


def test_summary_and_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["dedupe", str(ARTICLE)]) == 0
    err = capsys.readouterr().err.strip()
    assert err.startswith(
        "textclean dedupe: 1 document, 19 paragraphs, 9 removed "
        "(exact 8, near 0, contained 0, boilerplate 1), 0.0 MB in "
    )
    assert err.endswith(" MB/s")
    assert cli.main(["dedupe", "--quiet", str(ARTICLE)]) == 0
    assert capsys.readouterr().err == ""
    assert cli.main(["clean", str(ARTICLE)]) == 0
    assert "textclean clean: 1 document, 1 changed, " in capsys.readouterr().err
