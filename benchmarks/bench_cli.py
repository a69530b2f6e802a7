"""Throughput of ``textclean dedupe --jsonl`` with one worker and with two.

    python benchmarks/bench_cli.py ../shared/corpus/wcxb_articles.jsonl [--repeat 3] [--index]

Runs the real command (``python -m textclean``) over the file, output to /dev/null, and prints
the best of ``--repeat`` runs for each worker count, in MB/s of input, and the scaling ratio
(2 workers against 1, measured in the same run) and the load average, since other processes
on the machine skew the ratio. Wall-clock time includes starting Python and
the worker processes, as a user would see it. With ``--index`` each run deduplicates across
documents through a fresh SQLite index.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(path: Path, workers: int, index: bool) -> float:
    """Seconds for one run of the command."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            sys.executable,
            "-m",
            "textclean",
            "dedupe",
            "--jsonl",
            "--quiet",
            "--workers",
            str(workers),
            "-o",
            os.devnull,
            str(path),
        ]
        if index:
            command += ["--index", str(Path(tmp) / "index.db")]
        start = time.perf_counter()
        subprocess.run(command, check=True)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a JSONL file with a 'text' field")
    parser.add_argument("--repeat", type=int, default=3, help="runs per worker count (best kept)")
    parser.add_argument("--index", action="store_true", help="deduplicate across documents")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        parser.error(f"{args.path} is not a file")
    size = args.path.stat().st_size / 1e6
    with args.path.open("rb") as stream:
        lines = sum(1 for _ in stream)
    mode = "with --index" if args.index else "without --index"
    print(
        f"textclean dedupe --jsonl {mode}: {args.path.name}, {lines:,} documents, {size:.1f} MB, "
        f"best of {args.repeat}, {os.cpu_count()} CPUs",
        flush=True,
    )
    rates = {}
    for workers in (1, 2):
        best = min(run(args.path, workers, args.index) for _ in range(args.repeat))
        rates[workers] = size / best
        print(f"--workers {workers}: {rates[workers]:6.2f} MB/s ({best:.2f} s)", flush=True)
    print(f"scaling: --workers 2 / --workers 1 = {rates[2] / rates[1]:.2f}x")
    # Other processes on the machine skew the ratio; say how busy it was.
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
