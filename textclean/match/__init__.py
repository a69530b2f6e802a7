"""Matching: decide which paragraphs repeat earlier text, and how.

Paragraphs are visited in document order. Each is compared with the paragraphs kept before it in
this document and, through a :class:`Prior`, with paragraphs of earlier documents. The tiers, in
order:

1. **boilerplate** — the whole paragraph matches a boilerplate pattern, or (across documents) it
   has been seen in many documents of the same source;
2. **exact** — same canonical text (found by its exact key, confirmed by comparing the text);
3. **near** — a candidate found through a shared LSH band or sentence key has a rapidfuzz
   ``ratio`` of at least ``threshold`` with it;
4. **contained** — at least ``containment`` of its words appear, in order, in the candidates taken
   together (a merged or split copy of earlier paragraphs).

Anything else is kept and becomes a candidate for what follows. Short paragraphs are kept even when
they repeat, unless they sit inside a longer repeated run (see :class:`DedupeOptions`). Cost is
linear in the number of paragraphs: candidates come only from shared keys, never all pairs.

The package, in the order the work flows: :mod:`~textclean.match.glued` sets aside a copy that
glues the paragraphs after it together; :mod:`~textclean.match.links` pairs the paragraphs
that share keys; :mod:`~textclean.match.matcher` runs the tiers over them, asking
:mod:`~textclean.match.contained` whether a paragraph's words stand in order in text already
held and :mod:`~textclean.match.edits` whether what a match adds is a small edit; merged copies
are found by :mod:`~textclean.match.merged` (and lines of a wrapped copy of an indexed document by
:mod:`~textclean.match.wrapped`), matches that need a run of copies around them are
confirmed by :mod:`~textclean.match.runs` and :mod:`~textclean.match.held`, the rest of a copy
is walked from its parts by :mod:`~textclean.match.walks`, a copy stripped of its punctuation
is told by its runs of words in :mod:`~textclean.match.stripped`, lines between copies are
judged by :mod:`~textclean.match.between`, and :mod:`~textclean.match.settle` settles what
each removal points at. :mod:`~textclean.match.model` holds what goes in and comes out.
"""

from textclean.match.matcher import match_paragraphs
from textclean.match.model import IndexedParagraph, Matching, Prior

__all__ = ["IndexedParagraph", "Matching", "Prior", "match_paragraphs"]
