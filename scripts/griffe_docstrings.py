"""A Griffe extension for the API reference: make textclean's docstrings render as Markdown.

textclean's docstrings are written for ``pytest --doctest-modules`` and for reading in a terminal:
bare ``>>>`` examples and Sphinx-style roles (``:class:`~textclean.store.Store```). Markdown would
read ``>>>`` as nested quotes and ``[(1, 'a')]`` as a link, so this fences each doctest block as
``pycon`` and turns each role into inline code. The docstrings themselves stay as they are.
Loaded by mkdocs.yml (``extensions:`` of the mkdocstrings Python handler).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    target = match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if match.group(1) else target}`"


def fence_doctests(text: str) -> str:
    r"""Wrap each run of ``>>>`` lines (and their output, up to a blank line) in a code fence.

    >>> fence_doctests("Intro.\n\n>>> 1 + 1\n2\n\nAfter.").split("\n")
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'After.']
    """
    out: list[str] = []
    in_fence = in_doctest = False
    indent = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if in_doctest and not stripped:
            out.append(f"{indent}```")
            in_doctest = False
        if stripped.startswith("```") and not in_doctest:
            in_fence = not in_fence
        elif not in_fence and not in_doctest and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            in_doctest = True
        out.append(line)
    if in_doctest:
        out.append(f"{indent}```")
    return "\n".join(out)


class DocstringsAsMarkdown(griffe.Extension):
    """Fence doctests and flatten Sphinx roles in every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(_ROLE.sub(_role, obj.docstring.value))
