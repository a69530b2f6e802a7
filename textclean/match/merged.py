"""Merged copies: earlier paragraphs found laid end to end in one paragraph, by string search.

A copy of an article with other paragraph breaks runs two or more paragraphs together (or the
whole body into one ``articleBody`` paragraph). Such a copy is found by searching for the
paragraphs it holds, in order, from one found in it (an anchor): each step searches only a little
beyond the last paragraph found, so the cost is linear in the text. Paragraphs it lacks are
skipped (a removed line, a caption), and the text between those found must be small: a few words
(a dateline, a credit) or a near copy of the paragraphs skipped there (an edited paragraph).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import accumulate

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from textclean.align import (
    AFFIX_MIN_REST,
    AFFIX_WORDS,
    MAX_ALIGNMENT,
    MIN_RUN,
    aligned_span,
    drops_a_claim_word,
    ends_word,
    find_words,
    numbers,
    only_small_edits,
    starts_word,
    typo,
)
from textclean.boilerplate import MAX_LINE_CHARS
from textclean.canonical import word_count
from textclean.match.model import Candidates
from textclean.results import Duplicate

__all__ = ["MAX_PASSED", "MergedCopies", "find_anywhere", "laid_out_in", "run_into", "small_edits"]

SLACK = 64  # characters a merged copy may hold before the next paragraph found in it
MAX_STARTS = 32  # candidates a merged copy is searched around (a line repeated through a page
# occurs in it once, followed by the one occurrence's neighbours)
MAX_SKIPPED = 8  # kept paragraphs in a row a merged copy may lack
MAX_PASSED = 64  # removed paragraphs in a row a merged copy may lack
EDGE = 16  # characters at either end of a paragraph, one of which a small edit leaves alone
EDIT_SLACK = 8  # characters an edited paragraph in a merged copy may be longer by
HEADING_WORDS = 12  # a paragraph this long is no heading (found past unexplained text, a part)
MAX_FURNITURE_WORDS = 64  # a gap read as boilerplate lines laid end to end is no longer


class MergedCopies:
    """Searches for this document's paragraphs laid end to end in a text.

    ``canonical`` holds the paragraphs' canonical texts and ``found`` the paragraphs removed so
    far (read as matching goes on, never written); edited paragraphs count when their ``ratio``
    reaches ``threshold``. A copy may lack the paragraphs removed, and those of ``passable``
    (kept ones that add no words of their own: short repeats), as many as
    :data:`MAX_PASSED` in a row. The text between two paragraphs found may also be texts of
    ``repeated`` laid end to end, or runs of their words (past paragraphs skipped, words of
    other texts than theirs): an indexed document printed them again there, and its index keeps
    only the first. With ``furniture`` (which says whether canonical text is a boilerplate
    line), it may also be a boilerplate line, before or after the paragraphs skipped there: a
    "Read more: ..." line that the paragraphs found lack (an indexed document removed it, or
    the page's own copy of them never had it). ``opens`` may narrow the search for such lines:
    it says whether some boilerplate line (as ``furniture`` reads it) can start with the words
    given (a plain word, or two: it is not asked about anything else).
    """

    def __init__(
        self,
        canonical: Sequence[str],
        found: Mapping[int, Duplicate],
        threshold: float,
        *,
        passable: Collection[int] = (),
        repeated: Collection[str] = (),
        furniture: Callable[[str], object] | None = None,
        opens: Callable[[str], bool] | None = None,
    ) -> None:
        self.canonical = canonical
        self.found = found
        self.threshold = threshold
        self.passable = passable
        # Longest first: a text that starts with a shorter one is taken whole.
        self.repeated = sorted({t for t in repeated if t}, key=lambda t: (-len(t), t))
        # ... and, for the runs of their words a gap repeats, all of them but those of the
        # paragraphs skipped there, joined ("\n" is in no word), and the gaps looked up so.
        self.said_besides: dict[tuple[int, ...], str] = {}
        self.said_in: dict[tuple[str, tuple[int, ...]], int] = {}
        self.furniture = furniture
        self.opens = opens
        self.furniture_in: dict[str, bool] = {}

    def laid_end_to_end(
        self, i: int, text: str, candidates: Candidates, *, kept: bool = False
    ) -> tuple[list[int], int, bool]:
        """Earlier paragraphs of this document found, in order, as stretches of ``text``: a
        merged copy (two paragraphs run together, or a whole body in one ``articleBody``
        paragraph), by string search.

        The search starts from a candidate found in ``text`` and goes both ways through the
        paragraphs around it; of the candidates tried, the one that explains most of ``text``,
        skipping fewest paragraphs, wins. Paragraphs it lacks are skipped (a removed
        line, a caption). Returns the paragraphs found, the words of ``text`` they cover,
        and whether every stretch between them (and at either end) is small: at most
        :data:`AFFIX_WORDS` words (a dateline, a credit) or a near copy of the paragraphs
        skipped there (an edited paragraph). Each step searches only a little beyond the last
        one found, so the cost is linear in the text. With ``kept``, removed paragraphs are
        passed over.
        """
        canonical = self.canonical
        # Candidates of a few words or more, shorter than the text; if none is found word for
        # word, the first, edited, at its start (of a text much longer than it: an edited copy
        # of one paragraph is a near copy, not a merged one).
        sources = sorted(
            j
            for doc_id, j in candidates
            if doc_id is None
            and j < i
            and len(canonical[j]) < len(text)
            and canonical[j].count(" ") >= MIN_RUN - 1
        )
        edited = bool(sources) and len(text) > 2 * len(canonical[sources[0]])
        anchors = sorted(self.anchors(text, sources, edited=edited))
        return self.walk_around(text, anchors[:MAX_STARTS], range(i), kept=kept)

    def anchors(
        self, text: str, paragraphs: Sequence[int], *, edited: bool = False, first: bool = False
    ) -> list[tuple[int, int, int]]:
        """``(start, end, paragraph)`` where each of ``paragraphs`` (the ``first`` of them
        that does) first occurs word for word in ``text``, in the order given; if none does and
        ``edited``, the first of them found with small edits at the start of ``text``."""
        canonical = self.canonical
        found = []
        for j in paragraphs:
            at = find_anywhere(text, canonical[j])
            if at >= 0:
                found.append((at, at + len(canonical[j]), j))
                if first:
                    break
        if not found and edited and paragraphs:
            span = self.find_near(text, canonical[paragraphs[0]], 0, True, [], 0)
            if span is not None:
                found = [(span[0], span[1], paragraphs[0])]
        return found

    def walk_around(
        self,
        text: str,
        anchors: Sequence[tuple[int, int, int]],
        among: range,
        *,
        kept: bool = False,
        pieces_go: bool = False,
    ) -> tuple[list[int], int, bool]:
        """The best account of ``text`` as paragraphs of ``among`` laid end to end, found by
        walking both ways from each anchor ``(start, end, paragraph)``: the one covering most
        words, skipping fewest paragraphs; as for :meth:`laid_end_to_end`. With ``pieces_go``
        those paragraphs are what goes (later copies of parts of ``text``), so a paragraph found
        with edits may lack words of ``text``, not add its own; else the other way round."""
        words = word_count(text)
        best: tuple[list[int], int, bool] = ([], 0, False)
        best_rank = (False, 0, 0)
        for start, end, first in anchors:
            head, head_covered, head_small = self.walk(
                text, range(first - 1, among.start - 1, -1), _before(text, start), kept, pieces_go
            )
            tail, tail_covered, tail_small = self.walk(
                text, range(first + 1, among.stop), _past(text, end), kept, pieces_go
            )
            pieces = [*reversed(head), first, *tail]
            found = (
                pieces,
                head_covered + _words_from(text, start, end) + tail_covered,
                head_small and tail_small,
            )
            skips = pieces[-1] - pieces[0] + 1 - len(pieces)
            rank = (found[2] and len(pieces) > 1, found[1], -skips)
            if rank > best_rank:
                best, best_rank = found, rank
                if rank == (True, words, 0):
                    break
        return best

    def walk(
        self, text: str, order: range, at: int, kept: bool, pieces_go: bool = False
    ) -> tuple[list[int], int, bool]:
        """The paragraphs of ``order`` found in ``text`` from ``at`` on (backwards when
        ``order`` runs backwards), as for :meth:`laid_end_to_end`."""
        canonical = self.canonical
        forward = order.step > 0
        pieces: list[int] = []
        covered = 0
        small = True
        skipped: list[int] = []
        skipped_chars = passed = 0
        missed: int | None = None  # (the first paragraph past the last found: passed or skipped)
        for k in order:
            if not 0 < at < len(text) or len(skipped) > (MAX_SKIPPED if pieces else 2):
                break  # (a copy lacking more than two paragraphs next to its anchor is no copy)
            canon = canonical[k]
            if not canon:
                continue
            span = (
                None if kept and k in self.found
                else self.find_near(text, canon, at, forward, skipped, skipped_chars, pieces_go)
            )  # fmt: skip
            if span is None:
                missed = k if missed is None else missed
                if k in self.found or k in self.passable:  # (nor will the output hold it)
                    passed += 1
                    if passed > MAX_PASSED:
                        break
                    continue
                skipped.append(k)
                skipped_chars += len(canon) + 1
                continue
            passed, missed = 0, None
            start, end, gap_small, gap_covered = span
            small = small and gap_small
            pieces.append(k)
            covered += _words_from(text, start, end) + gap_covered
            skipped, skipped_chars = [], 0
            at = _past(text, end) if forward else _before(text, start)
        rest = text[at:] if forward else text[: max(at, 0)]
        # The rest of a paragraph cut short there opens the text beside this one: the next one
        # (removed or a short repeat, its words said elsewhere), or the next the copy may hold;
        # with ``kept``, not a removed one (the output will not hold it).
        for k in () if pieces_go or missed is None else dict.fromkeys([missed, *skipped[:1]]):
            if kept and k in self.found:
                continue
            cut = self.cut_from(text, rest, k, forward)
            if cut is not None:
                return [*pieces, k], covered + cut, small
        rest_small, rest_covered = self.rest_gap(rest, skipped)
        return pieces, covered + rest_covered, small and rest_small

    def cut_from(self, text: str, rest: str, k: int, forward: bool) -> int | None:
        """How many words ``rest``, the words left at the end of a copy ``text``, has if they are
        the first words of paragraph ``k`` (its last ones, when not ``forward``): a copy whose
        lines were cut into paragraphs inside one of its paragraphs ("1. When ..." opening a
        line of a hard-wrapped copy), whose other part stands beside it. Only in a text longer
        than a line (:data:`~textclean.boilerplate.MAX_LINE_CHARS`): the lines of a copy
        wrapped at a fixed width, each a paragraph, run into the paragraphs beside theirs and
        go line by line (see :mod:`textclean.match.lines`).

        >>> copies = MergedCopies(["the board met", "it voted to sell the old depot"], {}, 0.9)
        >>> text = "the board met " * 30 + "it voted to"
        >>> copies.cut_from(text, " it voted to", 1, True)
        3
        >>> copies.cut_from(text, "sell the old depot ", 1, False)
        4
        >>> copies.cut_from(text, "it voted to sell the", 0, True) is None
        True
        >>> copies.cut_from(text[-40:], " it voted to", 1, True) is None  # (a line)
        True
        """
        cut = rest.strip()
        canon = self.canonical[k]
        if len(text) <= MAX_LINE_CHARS or not cut:
            return None
        if canon.startswith(cut + " ") if forward else canon.endswith(" " + cut):
            return cut.count(" ") + 1
        return None

    def find_near(
        self,
        text: str,
        canon: str,
        at: int,
        forward: bool,
        skipped: list[int],
        skipped_chars: int,
        pieces_go: bool = False,
    ) -> tuple[int, int, bool, int] | None:
        """The span of ``text`` just after ``at`` (before it, if not ``forward``) holding the
        paragraph ``canon``, word for word or with small edits (never to a number), and what
        :meth:`small_gap` says of the text between ``at`` and it."""
        # Past paragraphs it lacks, the copy may also hold text they do not explain.
        reach = len(canon) + SLACK * (1 + len(skipped)) + skipped_chars
        lo, hi = (at, min(len(text), at + reach)) if forward else (max(0, at - reach), at)
        # Right where the last one found ends, run into the next word or not; else further on,
        # as whole words, or run into a word (a short one only right there).
        here = at if forward else at - len(canon)
        found = here if here >= 0 and text.startswith(canon, here) else -1
        if found < 0:
            found = find_words(text, canon, lo, hi, last=not forward)
        if found < 0:
            found = _find_fused(text, canon, lo, hi, at, forward, canon.count(" ") + 1 >= MIN_RUN)
        if found >= 0:
            gap = self.small_gap(
                text[at:found] if forward else text[found + len(canon) : at], skipped
            )
            # A short paragraph found past text the paragraphs skipped do not explain may be
            # words of an edited one.
            if gap[0] or canon.count(" ") + 1 >= HEADING_WORDS:
                return found, found + len(canon), *gap
        if canon.count(" ") + 1 < MIN_RUN:
            return None
        # An edited copy of it, right there.
        lo, hi = (at, min(len(text), at + len(canon) + EDIT_SLACK)) if forward else (
            max(0, at - len(canon) - EDIT_SLACK), at)  # fmt: skip
        if hi - lo < len(canon):
            return None
        if len(canon) > 2 * EDGE and all(
            edge not in text[lo:hi] for edge in (canon[:EDGE], canon[-EDGE:])
        ):
            return None  # (a small edit leaves its start or its end as it was)
        span = aligned_span(canon, text[lo:hi], self.threshold)
        if span is None:
            return None
        start, end = lo + span[0], lo + span[1]
        if len(canon) > 2 * EDGE:
            # An alignment of a long paragraph may reach into the text beside it (its last
            # letters matched there, as well as anywhere): a small edit leaves the start or the
            # end as it was, so the stretch stops at them where they stand; unless what is left
            # is too short to be that similar: the start was edited, and its words stand again
            # further on ("stay at home orders ... not general stay at home orders").
            least = len(canon) * self.threshold / (2 - self.threshold)
            head = text.find(canon[:EDGE], start, end)
            start = head if head >= 0 and end - head >= least else start
            tail = text.rfind(canon[-EDGE:], start, end)
            end = tail + EDGE if tail >= start and tail + EDGE - start >= least else end
        while start > 0 and text[start - 1] != " ":  # whole words
            start -= 1
        while end < len(text) and text[end] != " ":
            end += 1
        if numbers(text[start:end]) != numbers(canon):
            return None
        stretch, own = text[start:end].split(), canon.split(" ")
        if not _ends_stand(own, stretch, text, start, end):
            return None  # (a word of its own replaced right at an end: "no" for "yes")
        if pieces_go:  # (nor may it lack a "not" of the text: another claim)
            small = small_edits(own, stretch, trim=True) and not drops_a_claim_word(own, stretch)
        else:
            small = small_edits(stretch, own, trim=True)
        if not small:
            return None  # (a word of its own put in or in place of one: another day, "not")
        return start, end, *self.small_gap(text[at:start] if forward else text[end:at], skipped)

    def rest_gap(self, rest: str, skipped: list[int]) -> tuple[bool, int]:
        """:meth:`small_gap` of the words left at a copy's end: a near copy of the paragraphs
        skipped there or of the nearest of them (a copy that ends on the next paragraph, edited,
        lacks those the walk went past after it)."""
        gap = self._near_gap(rest, skipped)
        if not gap[0] and len(skipped) > 1:
            size = len(rest.strip())
            least = self.threshold / (2 - self.threshold)  # (shorter or longer: no ratio reaches)
            lengths = list(accumulate(len(self.canonical[k]) + 1 for k in skipped))
            for m in range(len(skipped) - 1, 0, -1):
                length = lengths[m - 1] - 1
                if min(size, length) >= least * max(size, length):
                    nearest = self._near_gap(rest, skipped[:m])
                    if nearest[0]:
                        return nearest
        return gap if gap[0] else self._explained_gap(rest, skipped)

    def small_gap(self, gap: str, skipped: list[int]) -> tuple[bool, int]:
        """Whether ``gap``, text between paragraphs found in a merged copy, is small (a few
        words, a near copy of the paragraphs ``skipped`` there or, with ``repeated``, words its
        texts hold besides those paragraphs), and how many of its words repeat those paragraphs
        or texts."""
        small = self._near_gap(gap, skipped)
        return small if small[0] else self._explained_gap(gap, skipped)

    def _explained_gap(self, gap: str, skipped: list[int]) -> tuple[bool, int]:
        """:meth:`small_gap` past a near copy: words said elsewhere, or the skipped paragraphs
        with a boilerplate line or such words beside them."""
        said = self._said_gap(gap, skipped)
        return said if said[0] else self._around_skipped(gap, skipped)

    def _near_gap(self, gap: str, skipped: list[int]) -> tuple[bool, int]:
        """:meth:`small_gap` but for words ``repeated`` holds other than as whole texts."""
        gap = gap.strip()
        if not gap or gap.count(" ") < AFFIX_WORDS:
            return True, 0
        if self.repeated:
            rest, repeated = self._past_repeats(gap)
            if rest.count(" ") < AFFIX_WORDS:
                return True, repeated
        if not skipped:
            return False, 0
        was = " ".join(self.canonical[k] for k in sorted(skipped))
        if len(gap) * len(was) > MAX_ALIGNMENT or numbers(gap) != numbers(was):
            return False, 0
        if fuzz.ratio(gap, was, score_cutoff=self.threshold * 100):
            return True, gap.count(" ") + 1
        # ... or their words with some left out, none added: a copy whose markup took words
        # of the text with it (tags that an article about HTML names: "<table> in select").
        gap_words, was_words = gap.split(" "), was.split(" ")
        if Indel.distance(gap_words, was_words) == len(was_words) - len(gap_words):
            return True, len(gap_words)
        return False, 0

    def _around_skipped(self, gap: str, skipped: list[int]) -> tuple[bool, int]:
        """Whether ``gap`` is the texts of the paragraphs ``skipped`` there, word for word, with
        more before or after them: a boilerplate line (``furniture``), or words the document
        says elsewhere (as :meth:`_said_gap` reads them; a table it printed twice, which its
        index keeps once); or, nothing skipped, a boilerplate line alone. Returns how many
        words that accounts for: a boilerplate line's count as covered, as page furniture,
        which a paragraph of its own would lose too.

        >>> line = "advert for a new car with five seats"
        >>> copies = MergedCopies(["so it ends"], {}, 0.9, furniture=lambda t: t == line)
        >>> copies.small_gap(f"{line} so it ends", [0]), copies.small_gap(f"so it ends {line}", [0])
        ((True, 11), (True, 11))
        >>> copies.small_gap("a sentence of more words than a few so it ends", [0])
        (False, 0)
        >>> texts = ["the query and a table of its four rows", "so the story ends here at last"]
        >>> copies = MergedCopies(texts, {}, 0.9, repeated=texts)
        >>> copies.small_gap("a table of its four rows so the story ends here at last", [1])
        (True, 13)
        """
        line = gap.strip()
        was = " ".join(self.canonical[k] for k in sorted(skipped))
        if was and line.endswith(was):
            line = line[: -len(was)].rstrip()
        elif was and line.startswith(was):
            line = line[len(was) :].lstrip()
        else:
            was = ""
        if not line:
            return False, 0
        covered = word_count(was) if was else 0
        if self._furniture_lines(line):
            return True, word_count(line) + covered
        if was:  # (without them, :meth:`_said_gap` read the whole gap)
            said, words = self._said_gap(line, skipped)
            if said:
                return True, words + covered
        return False, 0

    def _furniture_lines(self, line: str) -> bool:
        """Whether canonical ``line`` is a boilerplate line (``furniture``) or a few of them laid
        end to end: a page that printed "Continue reading the main story" twice in a row.

        >>> copies = MergedCopies([], {}, 0.9, furniture=lambda t: t in {"advert", "read more"})
        >>> [copies._furniture_lines(t) for t in ("advert", "advert read more advert", "advert x")]
        [True, True, False]
        """
        if self.furniture is None or not line:
            return False
        known = self.furniture_in.get(line)
        if known is None:
            words = line.split(" ")
            ends = [True] + [False] * len(words)  # (where a run of whole lines may end)
            if len(words) <= MAX_FURNITURE_WORDS:
                for start in (k for k in range(len(words)) if ends[k]):
                    size = -1
                    for end in range(start + 1, start + self._line_room(words, start) + 1):
                        size += len(words[end - 1]) + 1
                        if size > MAX_LINE_CHARS:
                            break
                        if not ends[end]:
                            ends[end] = bool(self.furniture(" ".join(words[start:end])))
            known = self.furniture_in[line] = ends[-1] or bool(self.furniture(line))
        return known

    def _line_room(self, words: list[str], start: int) -> int:
        """How many of ``words`` from ``start`` on a boilerplate line there may hold, as
        ``opens`` tells from its first two words: none, one or all. (A plain first word has no
        opening dash or bracket before it, so the line starts with it, and with the second after
        a space when it goes on: a colon goes after two words or more, see
        :meth:`~textclean.boilerplate.BoilerplateMatcher.match_canonical`.)

        >>> opening = {"read", "read more", "now"}
        >>> copies = MergedCopies([], {}, 0.9, furniture=bool, opens=opening.__contains__)
        >>> words = "advert read more now here".split()
        >>> [copies._line_room(words, k) for k in range(len(words))]
        [0, 4, 0, 1, 0]
        """
        first = words[start]
        if self.opens is None or not first.isalnum():
            return len(words) - start
        if not self.opens(first):
            return 0
        if start + 1 < len(words) and not self.opens(f"{first} {words[start + 1]}"):
            return 1
        return len(words) - start

    def _said_gap(self, gap: str, skipped: list[int]) -> tuple[bool, int]:
        """Whether ``gap``, past the texts of ``repeated`` it starts with, is words the document
        says elsewhere than in the paragraphs ``skipped`` there (a heading that repeats a
        sentence, a summary line), which its index does not keep a second time, but for a few;
        and how many words repeat its texts."""
        if not self.repeated:
            return False, 0
        rest, repeated = self._past_repeats(gap.strip())
        said = self._said(rest, tuple(sorted(skipped)))
        return (True, repeated + said) if rest.count(" ") + 1 - said < AFFIX_WORDS else (False, 0)

    def _said(self, gap: str, besides: tuple[int, ...]) -> int:
        """How many words of ``gap`` stand in texts of ``repeated`` other than those of the
        paragraphs ``besides``, word for word, in runs of :data:`MIN_RUN` words or more (the
        longest from each word on)."""
        known = self.said_in.get((gap, besides))
        if known is not None:
            return known
        said = self.said_besides.get(besides)
        if said is None:
            aside = {self.canonical[k] for k in besides}
            kept = (t for t in self.repeated if t not in aside)
            said = self.said_besides[besides] = " " + " \n ".join(kept) + " "
        words = gap.split(" ")
        covered = k = 0
        while k + MIN_RUN <= len(words):
            n = MIN_RUN
            if f" {' '.join(words[k : k + n])} " not in said:
                k += 1
                continue
            while k + n < len(words) and f" {' '.join(words[k : k + n + 1])} " in said:
                n += 1
            covered += n
            k += n
        self.said_in[gap, besides] = covered
        return covered

    def _past_repeats(self, gap: str) -> tuple[str, int]:
        """What is left of ``gap`` past the texts of ``repeated`` it starts with, laid end to
        end (with or without a space between them: a copy run together without spaces runs
        each into the next word), and how many words those took.

        >>> copies = MergedCopies([], {}, 0.9, repeated=["kev s notes", "warranty 2 years"])
        >>> copies._past_repeats("warranty 2 yearskev s notesbare bones brewing")
        ('bare bones brewing', 6)
        """
        words = 0
        while gap:
            text = next((t for t in self.repeated if gap.startswith(t)), None)
            if text is None:
                break
            gap = gap[len(text) :].lstrip(" ")
            words += text.count(" ") + 1
        return gap, words


def run_into(part: str, text: str) -> bool:
    """Whether canonical ``part`` stands in ``text`` as whole words or, if it is three words or
    more, run into the word before or after it (paragraphs run together without a space).

    >>> run_into("tested it here", "summarywe tested it here"), run_into("b c d", "ab c de")
    (True, False)
    """
    return find_anywhere(text, part) >= 0


def find_anywhere(text: str, canon: str, start: int = 0, end: int | None = None) -> int:
    """Where ``canon`` first occurs in ``text[start:end]`` as whole words or, if it is a few
    words long, run into the word before or after it; -1 if nowhere.

    >>> find_anywhere("quick summarywe tested it here", "we tested it")
    13
    """
    end = len(text) if end is None else end
    found = find_words(text, canon, start, end)
    if found >= 0 or canon.count(" ") + 1 < MIN_RUN:
        return found
    found = text.find(canon, start, end)
    while found >= 0:
        if starts_word(text, found) or ends_word(text, found + len(canon)):
            return found
        found = text.find(canon, found + 1, end)
    return -1


def _words_from(text: str, start: int, end: int) -> int:
    """The words of ``text`` that start in ``text[start:end]``: a word two paragraphs run
    together share ("nextwork") counts once, for the first.

    >>> _words_from("one two three", 4, 13), _words_from("nextwork is due", 4, 15)
    (2, 2)
    """
    return (start == 0) + text.count(" ", max(start - 1, 0), end - 1)


def _past(text: str, end: int) -> int:
    """Where the text after a stretch ending at ``end`` starts: past the space there, or at
    ``end`` when the stretch runs straight into the next word (paragraphs run together without a
    space: "...for teams" + "3 ways to..." reads "for teams3 ways to")."""
    return end + 1 if text[end : end + 1] == " " else end


def _before(text: str, start: int) -> int:
    """Where the text before a stretch starting at ``start`` ends (as :func:`_past`, backwards)."""
    return start - 1 if start > 0 and text[start - 1] == " " else start


def _find_fused(
    text: str, canon: str, lo: int, hi: int, at: int, forward: bool, anywhere: bool = True
) -> int:
    """Where ``canon`` occurs in ``text[lo:hi]`` run into the word beside it, as paragraphs
    run together without a space leave them: the first occurrence that starts at ``at`` (straight
    after the paragraph found before it) or, if ``anywhere``, that starts or ends a word (the
    word before it may be lines run together into one word, an address and the lines after it);
    backwards, the last that ends at ``at``, or starts or ends a word; -1 if none.

    >>> _find_fused("for teams3 ways to", "3 ways to", 0, 18, 9, True)
    9
    >>> _find_fused("for teams3 ways to", "for teams", 0, 18, 0, True)
    0
    >>> _find_fused("for teams3 ways to go", "eams3 ways t", 0, 21, 0, True)
    -1
    >>> _find_fused("port8080next start here", "next start here", 0, 23, 0, True)
    8
    >>> _find_fused("faqs1 which one", "faqs", 0, 15, 0, True, anywhere=False)
    0
    """
    search = text.find if forward else text.rfind
    found = search(canon, lo, hi)
    while found >= 0:
        end = found + len(canon)
        if (found if forward else end) == at:
            return found
        if anywhere and (starts_word(text, found) or ends_word(text, end)):
            return found
        found = text.find(canon, found + 1, hi) if forward else text.rfind(canon, lo, end - 1)
    return -1


def laid_out_in(
    text: str,
    paragraphs: Sequence[str],
    threshold: float,
    furniture: Callable[[str], object] | None = None,
) -> tuple[list[int], int, bool]:
    """Paragraphs of another document (their canonical texts, in order) found laid end to end in
    ``text``: as :meth:`MergedCopies.laid_end_to_end`, from each of them that ``text`` holds
    word for word. Between them ``text`` may hold any of them again: that document printed it
    twice, and the index keeps the first; and a boilerplate line (``furniture``), which it did
    not keep at all.

    >>> laid_out_in("one two three four five six seven eight", ["one two three four",
    ...             "five six seven eight"], 0.9)
    ([0, 1], 8, True)
    """
    copies = MergedCopies(paragraphs, {}, threshold, repeated=paragraphs, furniture=furniture)
    sources = [
        k
        for k, canon in enumerate(paragraphs)
        if canon.count(" ") >= MIN_RUN - 1 and len(canon) < len(text)
    ]
    anchors = sorted(copies.anchors(text, sources))
    return copies.walk_around(text, anchors[:MAX_STARTS], range(len(paragraphs)))


def small_edits(words: list[str], other: list[str], *, trim: bool = False) -> bool:
    """Whether ``words`` differ from ``other`` by small edits only
    (:func:`~textclean.align.only_small_edits`), words mistyped in a row included; with
    ``trim`` (``words`` a stretch of text found as an edited copy of ``other``), only between
    the first and the last words they share: the alignment may reach into the words around it
    at either end (which the gaps account for), so a word changed right at an end passes.

    >>> lede = "the mayor said on friday".split()
    >>> small_edits("so the mayor siad on friday it".split(), lede, trim=True)
    True
    >>> small_edits("the mayor said on monday".split(), lede, trim=True)  # (at an end)
    True
    >>> small_edits("the mayor said on monday".split(), lede)
    False
    >>> small_edits("the mayor said on monday and friday".split(), lede, trim=True)
    False
    >>> small_edits("the maoyr siad on friday".split(), lede)  # (two in a row)
    True
    """
    ops = list(Indel.opcodes(words, other))
    equal = [op for op in ops if op.tag == "equal"]
    if not equal:
        return False
    start, stop = (equal[0].src_start, equal[-1].src_end) if trim else (0, len(words))
    fixed = list(words)
    for n, op in enumerate(ops):  # (words mistyped in a row, each a typo: "eduaction hgihways")
        if op.tag != "delete" or not start <= op.src_start < stop:
            continue
        taken = words[op.src_start : op.src_end]
        for m in (n - 1, n + 1):
            if 0 <= m < len(ops) and ops[m].tag == "insert":
                given = other[ops[m].dest_start : ops[m].dest_end]
                if len(given) == len(taken) and all(map(typo, taken, given)):
                    fixed[op.src_start : op.src_end] = given
                    break
    return only_small_edits(fixed[start:stop], other)


def _ends_stand(own: list[str], stretch: list[str], text: str, start: int, end: int) -> bool:
    """Whether the words of a paragraph shorter than :data:`~textclean.align.AFFIX_MIN_REST`
    words (``own``) past those it shares with the ``stretch`` of words ``text[start:end]``,
    found as an edited copy of it, stand there at either end: run into the stretch's word
    beside them (a copy run together without spaces: "fridaythe"), mistyped, right outside the
    stretch (the alignment stopped short of them: "in the baby" for "in baby"), or elsewhere in
    it (two words swapped at an end). In a short paragraph a word replaced at an end ("no" for
    "yes" in a table's row) is no small edit; a longer one may lose or change a few words at an
    end, as the alignment reaches into the words around the stretch (the gaps account for them)
    or as a copy drops a credit.

    >>> def stands(own, text, end=None):
    ...     end = len(text) if end is None else end
    ...     return _ends_stand(own.split(), text[:end].split(), text, 0, end)
    >>> lede = "the mayor said on friday"
    >>> stands(lede, "so the mayor siad on fridaythe"), stands(lede, "the mayor said on fridya")
    (True, True)
    >>> stands(lede, "the mayor said on monday"), stands("sca certified no", "sca certified yes")
    (False, False)
    >>> stands("in baby", "in the baby cried", end=len("in the"))
    True
    >>> stands("older product launched 2020", "older product 2020 launched")
    True
    """
    if len(own) >= AFFIX_MIN_REST:
        return True
    equal = [op for op in Indel.opcodes(own, stretch) if op.tag == "equal"]
    if not equal:
        return False
    first, last = equal[0], equal[-1]
    head, tail = own[: first.src_start], own[last.src_end :]
    moved = set(stretch).issuperset  # (none, or words swapped at an end: "2020 launched")
    return (
        moved(head) or _stands(head, stretch[: first.dest_start], text, start, after=False)
    ) and (moved(tail) or _stands(tail, stretch[last.dest_end :], text, end, after=True))


def _stands(theirs: list[str], mine: list[str], text: str, at: int, *, after: bool) -> bool:
    """Whether the words ``theirs`` that a paragraph has past the words it shares with a stretch
    of ``text``, at its start (at its end, if ``after``), stand there: they run into the
    stretch's word beside the shared ones (of ``mine``, the stretch's words past them), or are
    one word mistyped, or ``text`` has them right outside the stretch, which starts (ends) at
    ``at``."""
    joined, words = "".join(theirs), " ".join(theirs)
    if mine:
        word = mine[0] if after else mine[-1]
        if word.startswith(joined) if after else word.endswith(joined):
            return True
        if len(theirs) == 1 and typo(word, theirs[0]):
            return True
    if after:
        return text.startswith(words, at) or text.startswith(" " + words, at)
    return text.endswith(words, 0, at) or text.endswith(words + " ", 0, at)
