"""Options of deduplication, one immutable object with every default documented."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from textclean.cleaning import CleanConfig
from textclean.fingerprint import FingerprintSettings
from textclean.keywords import apply_options

__all__ = ["DedupeOptions", "apply_options"]


def _check_unit(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ValueError(f"{name} must be a number between 0 and 1, got {value!r}")
    if not 0.0 < float(value) <= 1.0:
        raise ValueError(f"{name} must be in (0, 1], got {value!r}")


def _check_flag(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {value!r}")


def _check_count(name: str, value: object, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupeOptions:
    """How duplicates are found. Every field is a keyword option of :func:`textclean.dedupe`.

    Attributes:
        threshold: a paragraph is a *near* duplicate when rapidfuzz's ``ratio`` between its
            canonical text and a kept one's is at least this (0..1, default 0.9). Inside a run
            of copies, one that swaps a kept paragraph's words one for one (a spinner's copy)
            may be up to 0.15 below it.
        containment: a paragraph is *contained* when at least this share of its words appears,
            in order, in earlier kept paragraphs that share sentences, fuzzy-hash bands or their
            first or last words with it (default 0.9). A paragraph that quotes one earlier
            sentence and adds more stays.
        min_chars: canonical characters a paragraph needs before it gets a fuzzy hash and can be
            a near copy (default 40); shorter ones are exact or contained copies, or near
            copies only between copies of the paragraphs around their original.
        short_words: paragraphs of fewer words are *short* (default 6). A short paragraph that
            repeats is kept (list items, table cells and bylines repeat legitimately) unless it
            sits inside a longer repeated run, or ``remove_short_repeats`` is set.
        remove_short_repeats: remove every exact repeat of a short paragraph (default False).
        keep: which copy of an exact or near group stays: ``"first"`` (default; but for the
            items of a highlights box ahead of the body, whose body copies stay) or
            ``"longest"``.
        boilerplate: remove paragraphs that match a boilerplate pattern even when they appear
            once, and match paragraphs without the furniture run into them: a teaser's link
            after its ellipsis ("… Read more") and a link's "(opens in new tab)" (default True).
        boilerplate_patterns: extra whole-paragraph regular expressions, added to
            :data:`textclean.boilerplate.DEFAULT_PATTERNS` (default none).
        clean: clean the text before segmenting it (default True): ``True`` with the default
            :class:`~textclean.CleanConfig`, or a ``CleanConfig`` of your own (to straighten
            quotes, say). With ``False`` the kept paragraphs come back byte for byte as given.
        fingerprint: shingle size, signature length and LSH bands
            (:class:`~textclean.fingerprint.FingerprintSettings`).
    """

    threshold: float = 0.9
    containment: float = 0.9
    min_chars: int = 40
    short_words: int = 6
    remove_short_repeats: bool = False
    keep: Literal["first", "longest"] = "first"
    boilerplate: bool = True
    boilerplate_patterns: tuple[str, ...] = ()
    clean: bool | CleanConfig = True
    fingerprint: FingerprintSettings = field(default_factory=FingerprintSettings)

    def __post_init__(self) -> None:
        _check_unit("threshold", self.threshold)
        _check_unit("containment", self.containment)
        _check_count("min_chars", self.min_chars)
        _check_count("short_words", self.short_words)
        _check_flag("remove_short_repeats", self.remove_short_repeats)
        _check_flag("boilerplate", self.boilerplate)
        if not isinstance(self.clean, bool | CleanConfig):
            raise TypeError(
                f"clean must be True, False or a CleanConfig, got {type(self.clean).__name__}"
            )
        if self.keep not in ("first", "longest"):
            raise ValueError(f"keep must be 'first' or 'longest', got {self.keep!r}")
        if isinstance(self.boilerplate_patterns, str):
            raise TypeError("boilerplate_patterns must be a tuple of strings, not one string")
        object.__setattr__(self, "boilerplate_patterns", tuple(self.boilerplate_patterns))
        if not isinstance(self.fingerprint, FingerprintSettings):
            raise TypeError("fingerprint must be a FingerprintSettings")
