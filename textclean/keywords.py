"""Keyword options applied to a frozen options dataclass, with a clear error for a misspelling."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any, TypeVar

__all__ = ["apply_options"]

_C = TypeVar("_C")


def apply_options(config: _C, options: Mapping[str, Any], *, what: str) -> _C:
    """Return ``config`` with ``options`` replaced, failing loudly on an unknown keyword.

    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Options:
    ...     threshold: float = 0.9
    ...     keep: str = "first"
    >>> apply_options(Options(), {"threshold": 0.8}, what="dedupe").threshold
    0.8
    >>> apply_options(Options(), {"treshold": 0.8}, what="dedupe")
    Traceback (most recent call last):
    ...
    TypeError: dedupe() got an unknown option 'treshold' (did you mean 'threshold'?); valid options are threshold, keep
    """  # noqa: E501
    if not options:
        return config
    valid = [f.name for f in fields(config)]  # type: ignore[arg-type]
    for name in options:
        if name not in valid:
            close = difflib.get_close_matches(name, valid, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(
                f"{what}() got an unknown option {name!r}{hint}; "
                f"valid options are {', '.join(valid)}"
            )
    return replace(config, **options)  # type: ignore[type-var]
