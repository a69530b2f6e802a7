"""Progress and summary on standard error: a bar, log lines or nothing, then the totals."""

from __future__ import annotations

import time
import typing
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Final, Literal

from textclean.cli.job import _Done
from textclean.results import DuplicateKind

__all__ = ["Progress"]

_KINDS: Final[tuple[str, ...]] = typing.get_args(DuplicateKind)


def _count(number: int, noun: str) -> str:
    """``_count(1, "document")`` -> ``"1 document"``; ``_count(2, ...)`` -> ``"2 documents"``."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


@dataclass
class _Tally:
    documents: int = 0
    size: int = 0
    paragraphs: int = 0
    changed: int = 0
    rejected: int = 0
    removed: Counter[str] = field(default_factory=Counter)

    def add(self, done: _Done) -> None:
        self.documents += 1
        self.size += done.size
        self.paragraphs += done.paragraphs
        self.changed += done.changed
        self.removed.update(done.removed)

    def summary(self, command: str, seconds: float) -> str:
        mb = self.size / 1e6
        parts = [f"textclean {command}: {_count(self.documents, 'document')}"]
        if command == "dedupe":
            kinds = ", ".join(f"{kind} {self.removed[kind]:,}" for kind in _KINDS)
            parts.append(
                f"{_count(self.paragraphs, 'paragraph')}, {sum(self.removed.values()):,} removed "
                f"({kinds})"
            )
        else:
            parts.append(f"{self.changed:,} changed")
        if self.rejected:
            parts.append(f"{_count(self.rejected, 'bad line')} rejected")
        parts.append(f"{mb:.1f} MB in {seconds:.1f} s, {mb / max(seconds, 1e-9):.1f} MB/s")
        return ", ".join(parts)


class Progress:
    """Progress on a stream: a bar on a terminal, a log line every ``interval`` seconds
    elsewhere, nothing when quiet; :meth:`close` prints the closing summary.

    >>> import io
    >>> now = [0.0]
    >>> out = io.StringIO()
    >>> progress = Progress(out, label="textclean dedupe", total=4_000_000, mode="log",
    ...                     clock=lambda: now[0])
    >>> now[0] = 10.0; progress.update(documents=50, size=1_000_000)
    >>> now[0] = 11.0; progress.update(documents=60, size=1_100_000)
    >>> progress.close("textclean dedupe: done")
    >>> print(out.getvalue(), end="")
    textclean dedupe: 50 documents, 1.0 MB of 4.0 MB (25%), 0.1 MB/s
    textclean dedupe: done
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        label: str,
        total: int | None,
        mode: Literal["bar", "log", "off"],
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._label = label
        self._total = total or None
        self._mode = mode
        self._interval = 0.2 if mode == "bar" else interval
        self._clock = clock
        self._start = clock()
        self._next = self._start + (0.5 if mode == "bar" else interval)
        self._drawn = False

    @classmethod
    def for_stream(cls, stream: IO[str], *, label: str, total: int | None, quiet: bool) -> Progress:
        """A bar if ``stream`` is a terminal, log lines otherwise, nothing if ``quiet``."""
        isatty = getattr(stream, "isatty", lambda: False)
        mode: Literal["bar", "log", "off"] = "off" if quiet else "bar" if isatty() else "log"
        return cls(stream, label=label, total=total, mode=mode)

    @property
    def elapsed(self) -> float:
        """Seconds since the start."""
        return self._clock() - self._start

    def update(self, *, documents: int, size: int) -> None:
        """Report the running totals (cheap unless a line is due)."""
        if self._mode == "off":
            return
        now = self._clock()
        if now < self._next:
            return
        self._next = now + self._interval
        elapsed = max(now - self._start, 1e-9)
        mb = size / 1e6
        rate = f"{mb / elapsed:.1f} MB/s"
        if self._mode == "bar":
            bar = ""
            if self._total:
                share = min(size / self._total, 1.0)
                filled = int(share * 30)
                bar = f"[{'#' * filled}{'.' * (30 - filled)}] {share:4.0%} "
            self._stream.write(f"\r{self._label} {bar}{documents:,} docs, {mb:.1f} MB, {rate}")
            self._drawn = True
        else:
            of = f" of {self._total / 1e6:.1f} MB ({size / self._total:.0%})" if self._total else ""
            done = _count(documents, "document")
            self._stream.write(f"{self._label}: {done}, {mb:.1f} MB{of}, {rate}\n")
        self._stream.flush()

    def clear(self) -> None:
        """Remove the bar, if one is drawn, so that a message can be printed."""
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._drawn = False

    def close(self, summary: str) -> None:
        """Clear the bar and print ``summary`` (unless quiet)."""
        self.clear()
        if self._mode != "off":
            self._stream.write(summary + "\n")
            self._stream.flush()
