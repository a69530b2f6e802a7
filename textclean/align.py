"""Word alignments of canonical texts, and what kind of difference they show.

Matching decides *which* paragraphs to compare; this module says how two canonical texts (or a
text and a window of paragraphs laid end to end) line up, word by word (rapidfuzz ``Indel``
opcodes), and whether their differences are the edits a copy picks up: a dateline or credit at
either end, a typo fixed, words replaced one for one. Changed numbers are never such an edit:
paragraphs that share a template differ exactly there; nor are names replaced
(:func:`names_replaced`, the one function that reads raw text, as case tells a name). Every
function is pure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Indel, LCSseq, Opcode, Opcodes

from textclean.canonical import canonical_form, is_address

__all__ = [
    "AFFIX_MIN_REST",
    "AFFIX_WORDS",
    "CLAIM_WORDS",
    "CORRECTED_FIGURES",
    "DATELINE",
    "MAX_ALIGNMENT",
    "MIN_RUN",
    "NUMBER_WORDS",
    "OPPOSITES",
    "RAW_WORD",
    "REWORDED_EVERY",
    "Spans",
    "added_at_an_end",
    "added_at_ends",
    "aligned_span",
    "before_update_stamp",
    "coverage",
    "dropped_inside",
    "drops_a_claim_word",
    "drops_inside",
    "drops_numbers",
    "edited",
    "ends_word",
    "figures",
    "figures_changed",
    "figures_corrected",
    "find_words",
    "list_number",
    "may_say_the_opposite",
    "names_replaced",
    "numbers",
    "only_small_edits",
    "parts_spanned",
    "renames",
    "says_the_opposite",
    "spun",
    "starts_word",
    "typo",
    "whole_words_in",
    "word_for_word",
    "words_reworded",
]

_T = TypeVar("_T")

MIN_RUN = 3  # words in a row that count as found (single common words match by chance)
# Negations, and words that qualify a claim (in canonical form: accents and case aside).
CLAIM_WORDS = frozenset({
    "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere", "without",
    "cannot", "nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals",  # (German)
    "ne", "pas", "jamais", "aucun", "aucune", "non", "nunca", "jamas", "ningun", "ninguna",
    "mai", "nessun", "nessuno", "nao", "niet", "geen", "nooit",  # (Italian, Portuguese, Dutch)
    # (qualifiers: without one a claim is another claim, "had allegedly tried")
    "allegedly", "reportedly", "apparently", "supposedly", "purportedly", "presumably",
    "formerly", "former", "previously", "only", "first", "nearly", "almost", "partly",
    "falsely", "wrongly", "mistakenly", "possibly", "probably", "perhaps", "unlikely",
    "angeblich", "mutmasslich", "pretendument", "supuestamente", "presuntamente",
})  # fmt: skip
# Words and their opposites, in canonical form (English): a copy that puts one in place of the
# other says the opposite ("supporters" and "opponents" say, the index "rose" and "fell"), which
# neither an edit nor a spinner's synonym does. Words of one side are no opposites of each other
# ("less" and "fewer").
_OPPOSITE_SIDES = (
    ("support supports supported supporting supporter supporters backer backers backed"
     " proponent proponents favor favors favored favour favours favoured",
     "oppose opposes opposed opposing opponent opponents critic critics opposition"),
    ("for pro pros", "against con cons"),
    ("yes", "no"),
    ("approve approves approved approving approval accept accepts accepted accepting",
     "reject rejects rejected rejecting rejection"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("raise raises raised raising boost boosts boosted", "lower lowers lowered lowering cut cuts"),
    ("gain gains gained gaining profit profits surplus", "loss losses deficit"),
    ("win wins won winning winner winners victory", "lose loses lost losing loser losers defeat"),
    ("up", "down"), ("higher", "lower"), ("high", "low"), ("more", "less fewer"),
    ("most", "least fewest"), ("above", "below"), ("before", "after"), ("best", "worst"),
    ("better", "worse"), ("larger bigger", "smaller"), ("largest biggest", "smallest"),
    ("strong", "weak"), ("stronger", "weaker"), ("positive", "negative"), ("good", "bad"),
    ("true", "false"), ("guilty", "innocent"), ("open opens opened", "close closes closed"),
    ("start starts started", "stop stops stopped"), ("begin begins began", "end ends ended"),
    ("add adds added", "remove removes removed"),
    ("create creates created creating", "destroy destroys destroyed destroying"),
    ("include includes included", "exclude excludes excluded"),
    ("allow allows allowed", "ban bans banned forbid forbids forbade"),
    ("pass passes passed", "fail fails failed"), ("agree agrees agreed", "disagree disagrees"),
    ("success successful", "failure unsuccessful"), ("expand expands expanded", "shrink shrank"),
    ("buy buys bought buying buyer buyers", "sell sells sold selling seller sellers"),
    ("import imports imported", "export exports exported"), ("north northern", "south southern"),
    ("east eastern", "west western"), ("men man male", "women woman female"),
    ("republican republicans", "democrat democrats democratic"),
    ("conservative conservatives", "liberal liberals"), ("majority", "minority"),
    ("always", "never"), ("early earlier", "late later"), ("maximum", "minimum"),
    ("rich wealthy", "poor"), ("legal", "illegal"), ("benefit benefits", "harm harms"),
    ("help helps helped", "hurt hurts"), ("attract attracts attracted", "repel repels"),
)  # fmt: skip


def _opposites(sides: Sequence[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each word of ``sides`` and the words of the other side of each pair it is on."""
    found: dict[str, set[str]] = {}
    for one, two in sides:
        for mine, theirs in ((one.split(), two.split()), (two.split(), one.split())):
            for word in mine:
                found.setdefault(word, set()).update(theirs)
    return {word: frozenset(them) for word, them in found.items()}


OPPOSITES = _opposites(_OPPOSITE_SIDES)
"""For a word in canonical form, the words that say its opposite (:func:`says_the_opposite`)."""
_NONE: frozenset[str] = frozenset()
AFFIX_WORDS = 4  # a dateline or credit added at either end
# ... to a paragraph of at least this many other words: a heading or list line with one more word
# ("Add support for labels (fixed)") is another item, unless it sits in a repeated run.
AFFIX_MIN_REST = 10
# ... and a number in front of a paragraph of at least this many words is a list's marker.
LIST_ITEM_REST = 12
DATELINE = re.compile(r"((?:[^\W\d_]|\((?=[^\W\d_]))[^\n—–]{0,48}?)\s(?:—|–|--?)\s")
"""A dateline in front of a paragraph's real text: a few words from a capital letter (or an
agency in brackets) on, then a dash between spaces ("WASHINGTON (AP) — ", "PARIS, Dec 1
(Reuters) - ", "(CNN) — "), within the first 50 characters (``DATELINE.match``)."""
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?)"
)
_DATE = (
    rf"(((mon|tue|wed|thu|fri|sat|sun)[a-z]* )?({_MONTH} \d{{1,2}}( \d{{4}})?"
    rf"|\d{{1,2}} {_MONTH}( \d{{4}})?)|\d{{1,4}} \d{{1,2}} \d{{2,4}})"
)
_ZONE = r"(e|c|m|p)[sd]?t|gmt|utc|bst|cest?|ist|jst|aes?t|aedt|\d{4}"  # ("et", "pdt", "0000")
_TIME = rf"\d{{1,2}}( \d{{2}}){{0,2}}( ?[ap] ?m)?( ({_ZONE}))?"
DATE_AFFIX = re.compile(
    rf"({_DATE}|\d{{1,3}} (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago"
    rf"|yesterday|today)(,? (at )?{_TIME})?|{_TIME}"
)
"""A date or a time in canonical form ("oct 4 2023", "2 days ago", "yesterday at 9 12 am"), as
a list of headlines prints after each (``DATE_AFFIX.fullmatch``)."""
_DATED = re.compile(r"\s(?:[·|•–—-]\s*|\()([^·|•–—()\-]{1,40}?)\)?\s*$")


def dated(text: str, canonical: str, original: str) -> bool:
    """Whether a paragraph (``text``, ``canonical`` its canonical form) is canonical ``original``
    with a date or a time (:data:`DATE_AFFIX`) after a separator or in brackets at its end:
    a headline in a list, "Council backs the plan · 2 days ago", or "- Oct. 4, 2023".

    >>> dated("Council backs the plan · 2 days ago", "council backs the plan 2 days ago", "council backs the plan")
    True
    >>> dated("The council meets on May 3", "the council meets on may 3", "the council meets on")
    False
    """  # noqa: E501
    if not canonical.startswith(original + " "):
        return False
    found = _DATED.search(text)
    extra = canonical[len(original) + 1 :]
    return (
        found is not None
        and DATE_AFFIX.fullmatch(extra) is not None
        and canonical_form(found.group(1)) == extra
    )


UPDATE_STAMP = re.compile(
    rf"(last )?(updated|modified)( on| at)? ({_DATE}(( at)? {_TIME})?|{_TIME})"
    r"|this (story|article|post|report) (has been|was) updated"
)
"""An update's time stamp in canonical form ("updated 3 41 p m", "last updated june 3 2024 at
9 12 am et", "this story has been updated"), which a page runs into a paragraph of a copy: page
furniture, not words of the copy's own (``UPDATE_STAMP.fullmatch``).

>>> [bool(UPDATE_STAMP.fullmatch(t)) for t in ("updated 3 41 p m", "updated on", "updated it")]
[True, False, False]
"""
_STAMP_START = re.compile(r"(?<![^ ])(last|updated|modified|this) ")  # (where a stamp may start)
DATE_STAMP = re.compile(
    rf"((first|last) )?(published|posted|updated|modified)( on| at)? ({_DATE}(( at)? {_TIME})?"
    rf"|{_TIME})"
)
"""A line that dates the article in canonical form ("posted june 14 2024", "published 3 41 p
m"): its byline's date, which a page's foot or its next page prints again
(``DATE_STAMP.fullmatch``)."""
UPDATE_LEAD = re.compile(r"[(\[]?(updated?|updates)\b(?:[^\n:]|:(?=\d)){0,48}?:\s", re.IGNORECASE)
"""An update's label in front of a paragraph, up to its colon ("UPDATE: ", "UPDATE (6:14 a.m.
ET): ", "Updated at 4:15 a.m.: "), as a live page opens a paragraph it adds or changes; its
words in canonical form must be :data:`UPDATE_WORDS` (``UPDATE_LEAD.match``)."""
UPDATE_WORDS = re.compile(rf"(update[sd]?)(( at| on)? ({_DATE}(,? (at )?{_TIME})?|{_TIME}))?")
"""The words of an update's label (:data:`UPDATE_LEAD`) in canonical form: "update 6 14 a m et"."""


def before_update_stamp(canonical: str) -> str | None:
    """Canonical text without the update's time stamp (:data:`UPDATE_STAMP`) that ends it, if
    one does and words stand before it; else ``None``.

    >>> before_update_stamp("the bridge opened this story has been updated")
    'the bridge opened'
    >>> before_update_stamp("the bridge opened on june 3") is None
    True
    """
    for found in _STAMP_START.finditer(canonical):
        at = found.start()
        if at and UPDATE_STAMP.fullmatch(canonical, at):
            return canonical[: at - 1]
    return None


# Aligning two texts costs the product of their lengths: past this many pairs of characters
# (two paragraphs of 50,000), they are matched exactly or by string search only.
MAX_ALIGNMENT = 2_500_000_000
_WORD_CHARS = 36  # ... and this many pairs of characters make a pair of words (six letters each)
_LONG_ALIGNMENT = 1000  # characters past which an edited copy is aligned without partial_ratio
_TYPO_SIMILARITY = 0.8  # a corrected word is still this similar to the original
CLEAR_TYPO_LETTERS = 6  # a word one edit from another this long is rarely another word


def dropped_inside(words: list[str], other: list[str], ops: Opcodes) -> list[list[str]]:
    """The runs of words of ``other`` that the alignment of ``words`` with it drops from between
    two runs of equal words, not as half of a replacement (a typo fixed) nor to place them
    elsewhere (two words swapped).

    >>> other = "the council will not raise the fees".split()
    >>> words = "the council will raise the fees".split()
    >>> dropped_inside(words, other, Indel.opcodes(words, other))
    [['not']]
    """
    steps = list(ops)
    held = set(words)
    runs = (
        other[op.dest_start : op.dest_end]
        for before, op, after in zip(steps, steps[1:], steps[2:], strict=False)
        if op.tag == "insert" and before.tag == after.tag == "equal"
    )
    return [run for run in runs if not held.issuperset(run)]


def added_at_an_end(text: str, original: str) -> bool:
    """Whether canonical ``text`` is ``original`` with up to :data:`AFFIX_WORDS` words before or
    after it (a credit, a dateline, a link's words).

    >>> added_at_an_end("rates in 2024 ap", "rates in 2024"), added_at_an_end("a b c", "a c")
    (True, False)
    """
    if not original or text == original:
        return False
    if text.startswith(original + " "):
        extra = text[len(original) + 1 :]
    elif text.endswith(" " + original):
        extra = text[: -len(original) - 1]
    else:
        return False
    return extra.count(" ") + 1 <= AFFIX_WORDS


def added_at_ends(words: list[str], ops: Opcodes) -> list[tuple[int, int]]:
    """The spans of ``words`` at its start or end that the alignment with another text
    (``ops``) leaves unmatched, not as half of a replacement (a word changed).

    >>> words = "false the council will raise the fees".split()
    >>> added_at_ends(words, Indel.opcodes(words, "the council will raise the fees".split()))
    [(0, 1)]
    """
    steps = list(ops)
    return [
        (op.src_start, op.src_end)
        for n, op in enumerate(steps)
        if op.tag == "delete"
        and (op.src_start == 0 or op.src_end == len(words))
        and not _beside_insert(steps, n)
    ]


def drops_a_claim_word(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` lack a word of :data:`CLAIM_WORDS` that ``other`` holds between words
    they share (:func:`dropped_inside`: "would open" against "would not open"; not at the ends
    of ``other``, a stretch of text that may reach into the words around it, nor a word
    mistyped, "fromer").

    >>> drops_a_claim_word("it would open".split(), "it would not open".split())
    True
    >>> drops_a_claim_word("it would open".split(), "it would open not".split())
    False
    >>> drops_a_claim_word("a fromer head".split(), "a former head".split())
    False
    """
    dropped = dropped_inside(words, other, Indel.opcodes(words, other))
    return any(not CLAIM_WORDS.isdisjoint(run) for run in dropped)


def may_say_the_opposite(words: list[str]) -> bool:
    """Whether some word of ``words`` has an opposite (:data:`OPPOSITES`): only then may they
    say the opposite of another text (:func:`says_the_opposite`). Most texts hold none.

    >>> may_say_the_opposite(["supporters", "say"]), may_say_the_opposite(["the", "council"])
    (True, False)
    """
    return not OPPOSITES.keys().isdisjoint(words)


def says_the_opposite(words: list[str], other: list[str], ops: Opcodes | None = None) -> bool:
    """Whether the alignment ``ops`` of ``words`` with ``other`` puts a word in place of its
    opposite (:data:`OPPOSITES`) among the words that one stretch of differences takes and
    gives: another statement, which no run of copies makes an edit. Without ``ops`` the two
    are aligned here, and only if some word of ``words`` has an opposite
    (:func:`may_say_the_opposite`).

    >>> pro = "supporters say the tax will attract employers".split()
    >>> con = "opponents say the tax will drive away employers".split()
    >>> says_the_opposite(con, pro, Indel.opcodes(con, pro))
    True
    >>> said = "backers say the tax will attract employers".split()
    >>> says_the_opposite(said, pro, Indel.opcodes(said, pro)), says_the_opposite(con, pro)
    (False, True)
    """
    if not may_say_the_opposite(words):
        return False
    if ops is None:
        ops = Indel.opcodes(words, other)
    return any(
        not OPPOSITES.get(w, _NONE).isdisjoint(given)
        for taken, given in _stretches(ops, words, other)
        for w in taken
    )


def _stretches(
    ops: Opcodes, src: Sequence[_T], dest: Sequence[_T]
) -> Iterator[tuple[list[_T], list[_T]]]:
    """Each stretch of differences of the alignment ``ops`` of ``src`` with ``dest`` (it ends at
    an equal stretch, or an end): what it takes of ``src`` and what it gives of ``dest``.

    >>> a, b = "the fees rose in may".split(), "the charges fell in may".split()
    >>> list(_stretches(Indel.opcodes(a, b), a, b))
    [(['fees', 'rose'], ['charges', 'fell'])]
    """
    for a, b, c, d in _stretch_spans(ops):
        yield list(src[a:b]), list(dest[c:d])


def _stretch_spans(ops: Opcodes) -> Iterator[tuple[int, int, int, int]]:
    """Each stretch of differences of the alignment ``ops``, as ``(src_start, src_end,
    dest_start, dest_end)``: the edits between two equal stretches are contiguous."""
    start: tuple[int, int] | None = None
    for op in ops:
        if op.tag != "equal":
            start = start or (op.src_start, op.dest_start)
        elif start is not None:
            yield start[0], op.src_start, start[1], op.dest_start
            start = None
    if start is not None:
        yield start[0], ops.src_len, start[1], ops.dest_len


def drops_inside(words: list[str], other: list[str], ops: Opcodes) -> bool:
    """Whether the alignment of ``words`` with ``other`` drops words of ``other`` from inside
    (:func:`dropped_inside`)."""
    return bool(dropped_inside(words, other, ops))


def list_number(word: str) -> bool:
    """Whether canonical ``word`` may number an ordered list's item: one or two digits ("3" of
    "3. The council ..."; a year or a figure is none)."""
    return word.isdigit() and len(word) <= 2


def only_small_edits(
    words: list[str],
    other: list[str],
    ops: Opcodes | None = None,
    *,
    aside: Callable[[int, int], bool] | None = None,
    list_item: bool = False,
    typos: bool = True,
    affix: Callable[[int, int], bool] | None = None,
) -> bool:
    """Whether every word of ``words`` missing from ``other`` is a small edit.

    Small edits are a few words at either end of a paragraph of :data:`AFFIX_MIN_REST` words or
    more (a dateline, "AP"; not a bare number, which numbers an item of a list, unless
    ``list_item`` says ``words`` end a sentence and the number is a list's marker in front of a
    long item: :func:`_list_marker`), single words
    replaced by a similar one (a typo fixed), words run together or split apart ("health care"
    and "healthcare", or a space lost at a link's edge) and, given ``aside``, the runs
    ``words[a:b]`` that ``aside(a, b)`` accepts (page furniture that a page put between two
    sentences, such as "Advertisement"), and web addresses added, not in place of a word (a
    link printed as text after its words; :func:`~textclean.canonical.is_address`). Changed
    numbers or names are not: distinct paragraphs
    that share a template differ exactly there. Without ``typos``, only a longer word with one
    letter added, dropped, changed or two swapped counts as a typo fixed (:func:`_clear_typo`):
    a short or a freely respelled one may be another word ("Iraq" for "Iran", "Thursday" for
    "Tuesday"), which only a run of copies around it shows to be an edit. Given ``affix``, the
    words at an end are an affix only where ``affix(a, b)`` accepts ``words[a:b]``.

    >>> vote = "the senate voted on tuesday to approve the budget for next year"
    >>> only_small_edits(("washington ap " + vote).split(), vote.split())
    True
    >>> only_small_edits("add support for labels fixed".split(), "add support for labels".split())
    False
    >>> only_small_edits("the senate voted today".split(), "the senat voted today".split())
    True
    >>> only_small_edits("the 3rd boston summit".split(), "the 2nd denver summit".split())
    False
    >>> only_small_edits("acme labs builds apps".split(), "the app team builds apps".split())
    False
    >>> only_small_edits("a new healthcare plan".split(), "a new health care plan".split())
    True
    >>> only_small_edits("battery 95 hours".split(), "battery 9 5 hours".split())
    False
    >>> only_small_edits("the bridge 0newscomb was shut".split(), "the bridge was shut".split())
    True
    """
    if ops is None:
        ops = Indel.opcodes(words, other)
    for n, op in enumerate(ops):
        if op.tag != "delete":
            continue
        length = op.src_end - op.src_start
        at_end = op.src_start == 0 or op.src_end == len(words)
        numbering = all(w.isdigit() for w in words[op.src_start : op.src_end])
        at_end = at_end and (affix is None or affix(op.src_start, op.src_end))
        affixed = at_end and length <= AFFIX_WORDS and len(words) - length >= AFFIX_MIN_REST
        listed = list_item and _list_marker(words, op)
        if affixed and not _beside_insert(ops, n) and (not numbering or listed):
            continue
        if length == 1 and _replaced_by_similar(words[op.src_start], ops, n, other, typos):
            continue
        if _respaced(ops, n, words, other):
            continue
        if aside is not None and not _beside_insert(ops, n) and aside(op.src_start, op.src_end):
            continue
        if not _beside_insert(ops, n) and all(map(is_address, words[op.src_start : op.src_end])):
            continue  # (a link printed as text after words of it: "the report (https://...)")
        return False
    return True


def _list_marker(words: list[str], op: Opcode) -> bool:
    """Whether the number ``op`` deletes is an ordered list's marker in front of a paragraph of
    :data:`LIST_ITEM_REST` words or more ("3. The harbour authority said ... ."), as a converter
    to Markdown numbers the items of a list that another copy prints without numbers: one or
    two digits, first. (On a shorter line a number makes another item: a ranking; on a heading,
    another section: "2. Choosing a plan" after a table of contents' "Choosing a plan".)"""
    return (
        op.src_start == 0
        and op.src_end == 1
        and list_number(words[0])
        and len(words) - 1 >= LIST_ITEM_REST
    )


Spans = dict[int, tuple[int, int]]


def coverage(
    words: list[str], window: Sequence[tuple[int, int, str]], need: float
) -> tuple[int, list[str], Opcodes, tuple[int, ...], tuple[int, int], Spans]:
    """How many of ``words`` the ``window`` covers, which of its paragraphs do, and where.

    A word counts when it is found in order, in a run of at least :data:`MIN_RUN` words or in a
    run that is a whole window paragraph (a short heading merged into the copy). Returns a zero
    count without aligning when even the longest common subsequence falls short of ``need``.
    Also returns the window's words, the alignment, the ``[start, end)`` of the covered
    region among the window's words, and the same for each paragraph covered (by its position
    in ``window``), among its own words.
    """
    other = " ".join(c[2] for c in window).split(" ")
    if (
        len(words) * len(other) > MAX_ALIGNMENT // _WORD_CHARS
        or LCSseq.similarity(words, other, score_cutoff=max(1, int(need))) < need
    ):
        return 0, other, Indel.opcodes([], []), (), (0, 0), {}
    ends = []
    total = 0
    for _, _, canon in window:
        total += canon.count(" ") + 1
        ends.append(total)
    ops = Indel.opcodes(words, other)
    covered, used, region, aligned, spans = _counted(ops, ends, 0)
    scattered = bool(used) and max(used) - min(used) + 1 > len(used)  # (paragraphs between)
    if covered < aligned or scattered:
        # Words matched one by one far from the rest ("the" at the window's start, the rest of
        # its sentence at the end) may be one of several best alignments, and so may runs drawn
        # from paragraphs with others between them that the copy lacks. Aligned again against
        # the stretch where the longest run puts the copy (with room for words the copy lacks
        # after it, and once with room before it too), the copy's words may stand together.
        longest = max(
            (op for op in ops if op.tag == "equal"), key=lambda op: op.src_end - op.src_start
        )
        slack = len(words) // 4 + MIN_RUN
        at = longest.dest_start - longest.src_start
        stop = min(len(other), longest.dest_end + len(words) - longest.src_end + slack)
        for begin in (max(0, at), max(0, at - slack)):
            if stop - begin >= len(other) or begin >= stop:
                continue
            near = other[begin:stop]
            again = Indel.opcodes(words, near)
            counted = _counted(again, ends, begin)
            fewer = scattered and counted[0] == covered and len(counted[1]) < len(used)
            if counted[0] > covered or fewer:  # (more words, or as many from fewer paragraphs)
                (covered, used, region, _, spans), other, ops = counted, near, again
    if len(used) > 1:
        # Of several best alignments, one inside a single paragraph, if one covers as much:
        # the first words in one paragraph and the rest in a later one that repeats them (a
        # merged copy, then a line quoting it) count the same, drawn from paragraphs that do
        # not hold them together.
        for n in sorted(used, key=lambda n: spans[n][0] - spans[n][1]):  # (most covered first)
            begin = ends[n - 1] if n else 0
            if ends[n] - begin < covered:
                continue  # (too short to hold them all: the common case, a merged copy's part)
            alone = window[n][2].split(" ")
            if LCSseq.similarity(words, alone, score_cutoff=covered) < covered:
                continue
            again = Indel.opcodes(words, alone)
            counted = _counted(again, ends, begin)
            if counted[0] >= covered:
                (covered, used, region, _, spans), other, ops = counted, alone, again
                break
    return covered, other, ops, tuple(window[n][0] for n in sorted(used)), region, spans


def _counted(
    ops: Opcodes, ends: list[int], offset: int
) -> tuple[int, set[int], tuple[int, int], int, Spans]:
    """For :func:`coverage`: the words ``ops`` cover, the window's paragraphs they fall in and
    the covered region (``ops`` against the window's words from ``offset`` on, ``ends`` each
    paragraph's end among them), all the words aligned, and each paragraph's covered span."""
    covered = aligned = 0
    used: set[int] = set()
    region = (ends[-1] if ends else 0, 0)
    spans: Spans = {}
    equal = [op for op in ops if op.tag == "equal"]
    runs: list[tuple[int, int, int, int, bool]] = []  # (a, b, first, last, counted)
    for e, op in enumerate(equal):
        aligned += op.src_end - op.src_start
        a, b = op.dest_start + offset, op.dest_end + offset
        first, last = bisect_right(ends, a), bisect_right(ends, b - 1)
        opens, closes = a == (ends[first - 1] if first else 0), b == ends[last]
        if op.src_end - op.src_start >= MIN_RUN or (first == last and opens and closes):
            covered += op.src_end - op.src_start
            runs.append((a, b, first, last, True))
        elif _end_past_a_typo(equal, e, ops.src_len, opens=opens, closes=closes):
            runs.append((a, b, first, last, False))
    # A run past a typo marks where a copy drawn from several paragraphs ends, its words too
    # few to count; a copy of one paragraph with a typo near an end is a near copy of it.
    several = len({n for _, _, first, last, _ in runs for n in (first, last)}) > 1
    for a, b, first, last, counted in runs:
        if not counted and not several:
            continue
        used.update(range(first, last + 1))
        region = (min(region[0], a), max(region[1], b))
        for n in range(first, last + 1):
            start = ends[n - 1] if n else 0
            low, high = max(a, start) - start, min(b, ends[n]) - start
            known = spans.get(n)
            spans[n] = (min(low, known[0]), max(high, known[1])) if known else (low, high)
    return covered, used, region, aligned, spans


def _end_past_a_typo(
    equal: Sequence[Opcode], n: int, size: int, *, opens: bool, closes: bool
) -> bool:
    """For :func:`_counted`: whether ``equal[n]``, a run of aligned words shorter than
    :data:`MIN_RUN`, ends a text of ``size`` words where a paragraph ends (``closes``), or
    starts it where one starts (``opens``), with one or two words replaced one for one
    between it and a run of :data:`MIN_RUN` words or more: a typo two words from a copy's end
    leaves them too few to count, and the copy then seems to stop short of the end. Such a
    run is not counted as covered, but it marks where the covered region ends."""
    op = equal[n]
    if closes and op.src_end == size and n > 0:
        before, after = equal[n - 1], op
    elif opens and op.src_start == 0 and n + 1 < len(equal):
        before, after = op, equal[n + 1]
    else:
        return False
    long = before if after is op else after
    gap = after.src_start - before.src_end
    return (
        long.src_end - long.src_start >= MIN_RUN
        and 1 <= gap <= 2
        and gap == after.dest_start - before.dest_end
    )


def word_for_word(ops: Opcodes, *, slack: int = 0) -> bool:
    """Whether every difference the alignment ``ops`` shows replaces as many words as it takes,
    or (with ``slack``) replaces words by up to ``slack`` more or fewer, never none.

    >>> word_for_word(Indel.opcodes("they say it".split(), "they said it".split()))
    True
    >>> word_for_word(Indel.opcodes("a b c d".split(), "a x b c".split()))
    False
    >>> more = Indel.opcodes("for more than a year".split(), "for over a year".split())
    >>> word_for_word(more), word_for_word(more, slack=1)
    (False, True)
    >>> word_for_word(Indel.opcodes("a b c".split(), "a b c d".split()), slack=1)
    False
    """
    taken = given = 0
    for op in ops:
        if op.tag == "equal":
            if not _swapped(taken, given, slack):
                return False
            taken = given = 0
        else:
            taken += op.src_end - op.src_start
            given += op.dest_end - op.dest_start
    return _swapped(taken, given, slack)


def _swapped(taken: int, given: int, slack: int) -> bool:
    if taken == given:
        return True
    return abs(taken - given) <= slack and taken > 0 and given > 0


def drops_numbers(words: list[str], ops: Opcodes, other: list[str]) -> bool:
    """Whether words of ``other`` that hold digits, or numbers written out
    (:data:`NUMBER_WORDS`), are missing from ``words`` (``ops`` aligns the two), away from its
    ends. A number run into the word beside it is not missing: the same letters with a space
    lost, as text run together from a page's paragraphs has them ("video one" and "videoone";
    not "9 5" and "95", two numbers).

    >>> def drops(text, original):
    ...     words, other = text.split(), original.split()
    ...     return drops_numbers(words, Indel.opcodes(words, other), other)
    >>> drops("battery 9 hours", "battery 9 5 hours")
    True
    >>> drops("five people were hurt", "three people were hurt")
    False
    >>> drops("police say five people were hurt", "police say three people were hurt")
    True
    >>> drops("on prime videoone battle after another", "on prime video one battle after another")
    False
    """
    for n, op in enumerate(ops):
        inside = op.tag == "insert" and op.dest_start > 0 and op.dest_end < len(other)
        missing = other[op.dest_start : op.dest_end]
        if not inside or not any(w in NUMBER_WORDS or _has_digit(w) for w in missing):
            continue
        if _respaced(ops, n, words, other):
            continue  # (the same letters, run together with a word beside them)
        if _beside_insert(ops, n, "delete") or not all(map(is_address, missing)):
            return True  # (but a link that ``other`` prints as text is no fact)
    return False


def _beside_insert(ops: Opcodes | Sequence[Opcode], n: int, tag: str = "insert") -> bool:
    """Whether the deletion ``ops[n]`` is half of a replacement (an insertion beside it); with
    ``tag="delete"``, the same for an insertion."""
    return any(0 <= m < len(ops) and ops[m].tag == tag for m in (n - 1, n + 1))


def _replaced_by_similar(
    word: str, ops: Opcodes, n: int, other: list[str], typos: bool = True
) -> bool:
    """Whether the deleted ``word`` (``ops[n]``) is a typing error of a word inserted beside it;
    or past a word the two share, when that word is the one inserted: ``other`` says it twice,
    and the alignment paired the second ("cd strinwgars stringwars" and "cd stringwars
    stringwars", aligned "strinwgars", "stringwars", then the other "stringwars" inserted: the
    same alignment as "strinwgars" for "stringwars", then "stringwars").

    >>> other = "cd stringwars stringwars dataset".split()
    >>> ops = Opcodes([("equal", 0, 1, 0, 1), ("delete", 1, 2, 1, 1), ("equal", 2, 3, 1, 2),
    ...     ("insert", 3, 3, 2, 3), ("equal", 3, 4, 3, 4)], 4, 4)
    >>> _replaced_by_similar("strinwgars", ops, 1, other)
    True
    """
    typo = _typo if typos else _clear_typo
    for step in (-1, 1):
        m, shared = n + step, None
        if 0 <= m < len(ops) and ops[m].tag == "equal" and ops[m].dest_end - ops[m].dest_start == 1:
            m, shared = m + step, other[ops[m].dest_start]  # (past the word the two share)
        if not (0 <= m < len(ops) and _inserted_words(ops[m]) == 1):
            continue
        inserted = other[ops[m].dest_start]
        if (shared is None or inserted == shared) and typo(word, inserted):
            return True
    return False


def _inserted_words(op: Opcode) -> int:
    """How many words ``op`` inserts (0 for another edit)."""
    return op.dest_end - op.dest_start if op.tag == "insert" else 0


def _respaced(ops: Opcodes, n: int, words: list[str], other: list[str]) -> bool:
    """Whether the edit ``ops[n]`` and the one beside it, or the run of edits around it (the
    deletions and insertions between two equal stretches of ``words`` and ``other``, across
    single words the alignment paired), put back the words they take with the spaces moved
    (:func:`_spaces_moved`): words run together or split apart, however the alignment ordered
    the pieces ("unpacking boxes boxes" and "unpackingboxes boxes", a heading run into the
    paragraph after it, aligned "unpacking", "unpackingboxes", "boxes", "boxes").

    >>> words = "see unpacking boxes boxes are".split()
    >>> other = "see unpackingboxes boxes are".split()
    >>> ops = Opcodes([("equal", 0, 1, 0, 1), ("insert", 1, 1, 1, 2), ("delete", 1, 2, 2, 2),
    ...     ("equal", 2, 3, 2, 3), ("delete", 3, 4, 3, 3), ("equal", 4, 5, 3, 4)], 5, 4)
    >>> _respaced(ops, 2, words, other), _respaced(ops, 4, words, other)
    (True, True)
    """

    def one_word(m: int) -> bool:
        op = ops[m]
        return op.tag != "equal" or op.src_end - op.src_start == 1

    first, last = n, n
    while first > 0 and one_word(first - 1):
        first -= 1
    while last + 1 < len(ops) and one_word(last + 1):
        last += 1
    while ops[first].tag == "equal":  # (the run starts and ends with an edit)
        first += 1
    while ops[last].tag == "equal":
        last -= 1
    spans = [(first, last), *((min(n, m), max(n, m)) for m in (n - 1, n + 1) if first <= m <= last)]
    for a, b in dict.fromkeys(spans):
        run = [ops[m] for m in range(a, b + 1)]
        taken = [w for op in run for w in words[op.src_start : op.src_end]]
        given = [w for op in run for w in other[op.dest_start : op.dest_end]]
        if len(taken) + len(given) > 2 and _spaces_moved(taken, given):
            return True
    return False


def _spaces_moved(words: Sequence[str], other: Sequence[str]) -> bool:
    """Whether ``words`` and ``other`` are the same letters with spaces moved, none between two
    digits: words run together ("98failed", "video one") or split apart, not two numbers made
    one ("9 5" and "95").

    >>> _spaces_moved(["98failed"], ["98", "failed"]), _spaces_moved(["videoone"], ["video", "one"])
    (True, True)
    >>> _spaces_moved(["95"], ["9", "5"]), _spaces_moved(["a1", "2b"], ["a12b"])
    (False, False)
    """
    joined = "".join(words)
    if joined != "".join(other):
        return False
    moved = set(accumulate(map(len, words[:-1]))) ^ set(accumulate(map(len, other[:-1])))
    return not any(joined[p - 1].isdigit() and joined[p].isdigit() for p in moved)


def typo(a: str, b: str) -> bool:
    """Whether one of words ``a`` and ``b`` is the other with a typing error (:func:`_typo`)."""
    return _typo(a, b)


def _typo(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with a typing error fixed (or made): one letter added, dropped,
    changed or two swapped, or, in longer words, a close spelling. Numbers never are, nor a
    prefix of two letters or more, which makes another word ("advantages", "disadvantages").

    >>> _typo("teh", "the"), _typo("goverment", "government"), _typo("programme", "program")
    (True, True, True)
    >>> _typo("2nd", "3rd"), _typo("advantages", "disadvantages"), _typo("likely", "unlikely")
    (False, False, False)
    """
    if _has_digit(a) or _has_digit(b):
        return False
    if min(len(a), len(b)) >= 3 and OSA.distance(a, b, score_cutoff=1) <= 1:
        return True
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) >= 2 and long.endswith(short):
        return False
    return fuzz.ratio(a, b) >= _TYPO_SIMILARITY * 100


def _clear_typo(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two letters next to each other swapped ("teh", "moeny"), or
    with one letter added, dropped or changed, the longer of :data:`CLEAR_TYPO_LETTERS`
    letters or more: few such pairs are two words. Not a first letter changed, added or
    dropped: that makes another word ("Zambia" for "Gambia", "learned" for "earned").

    >>> _clear_typo("goverment", "government"), _clear_typo("colour", "color")
    (True, True)
    >>> _clear_typo("teh", "the"), _clear_typo("moeny", "money")
    (True, True)
    >>> _clear_typo("iran", "iraq"), _clear_typo("tuesday", "thursday"), _clear_typo("now", "not")
    (False, False, False)
    >>> _clear_typo("gambia", "zambia"), _clear_typo("fought", "bought")
    (False, False)
    >>> _clear_typo("earned", "learned"), _clear_typo("learned", "earned")
    (False, False)
    """
    if _has_digit(a) or _has_digit(b) or OSA.distance(a, b, score_cutoff=1) > 1:
        return False
    if a[:1] != b[:1] and (a[1:] in (b, b[1:]) or b[1:] == a):
        return False  # (the first letter: another word)
    if max(len(a), len(b)) >= CLEAR_TYPO_LETTERS:
        return True
    if len(a) != len(b):
        return False
    differ = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(differ) == 2 and differ[1] == differ[0] + 1


def starts_word(text: str, at: int) -> bool:
    """Whether a word of canonical ``text`` starts at ``at`` (the start, or after a space)."""
    return at == 0 or text[at - 1] == " "


def ends_word(text: str, end: int) -> bool:
    """Whether a word of canonical ``text`` ends at ``end`` (the end, or before a space)."""
    return end == len(text) or text[end] == " "


def parts_spanned(parts: Sequence[str], start: int, end: int) -> list[int]:
    """The positions of ``parts`` that ``text[start:end]`` overlaps, ``text`` being the parts
    joined by single spaces (paragraphs laid end to end, and a stretch found in them).

    >>> parts_spanned(["the plan", "was approved", "on tuesday"], 4, 12)
    [0, 1]
    """
    spanned, at = [], 0
    for n, part in enumerate(parts):
        stop = at + len(part)
        if at < end and stop > start:
            spanned.append(n)
        at = stop + 1
    return spanned


def find_words(text: str, words: str, start: int, end: int, *, last: bool = False) -> int:
    """Where ``words`` first (or ``last``) occurs in ``text[start:end]`` as whole words, or -1.

    >>> find_words("a bc d bc e", "bc", 2, 11), find_words("a bc d bc e", "bc", 0, 11, last=True)
    (2, 7)
    >>> find_words("abc bc", "bc", 0, 3)
    -1
    """
    if not words:
        return -1
    search = text.rfind if last else text.find
    at = search(words, start, end)
    while at >= 0:
        if starts_word(text, at) and ends_word(text, at + len(words)):
            return at
        at = search(words, start, at + len(words) - 1) if last else text.find(words, at + 1, end)
    return -1


def numbers(canon: str) -> list[str]:
    """The words of ``canon`` that hold digits: an edit that changes one changes a fact.

    >>> numbers("low bounce 7 8 inches in 2025")
    ['7', '8', '2025']
    """
    if canon.replace(" ", "").isalpha():  # (most paragraphs: no word to look at)
        return []
    return [word for word in canon.split(" ") if _has_digit(word)]


def _has_digit(word: str) -> bool:
    """Whether ``word`` holds a digit (no letter is one, so a word of letters is looked at once).

    >>> _has_digit("covid19"), _has_digit("née"), _has_digit("")
    (True, False, False)
    """
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def aligned_span(canon: str, window: str, threshold: float) -> tuple[int, int] | None:
    """Where in ``window`` (a little longer than ``canon``) a stretch at least ``threshold``
    similar to ``canon`` stands (rapidfuzz ratio), or ``None``.

    ``partial_ratio_alignment`` answers in time that grows with the cube of the length when the
    answer is no, so a necessary condition comes first: a stretch of ``window`` that similar
    shares so many characters in order with ``canon`` that ``window`` as a whole is at least
    ``t * n / ((2 - t) * (n + slack / 2))`` similar (``t`` the threshold, ``n`` the length of
    ``canon``, ``slack`` how much longer ``window`` is). Past :data:`_LONG_ALIGNMENT`
    characters, the stretch is the one between the first and last characters that the
    alignment of the two (rapidfuzz ``Indel`` opcodes) matches.

    >>> aligned_span("the harbour bridge", "the harbor bridge was", 0.9)
    (0, 17)
    >>> aligned_span("the harbour bridge", "a ferry timetable", 0.9) is None
    True
    """
    n = len(canon)
    if n * len(window) > MAX_ALIGNMENT:
        return None
    slack = max(len(window) - n, 0)
    floor = threshold * n / ((2 - threshold) * (n + slack / 2)) if n else 0.0
    if floor > 0 and not fuzz.ratio(canon, window, score_cutoff=floor * 100 - 1e-9):
        return None
    if n <= _LONG_ALIGNMENT:
        aligned = fuzz.partial_ratio_alignment(canon, window, score_cutoff=threshold * 100)
        return None if aligned is None else (aligned.dest_start, aligned.dest_end)
    equal = [op for op in Indel.opcodes(canon, window) if op.tag == "equal"]
    if not equal:
        return None
    start, end = equal[0].dest_start, equal[-1].dest_end
    return (
        (start, end) if fuzz.ratio(canon, window[start:end], score_cutoff=threshold * 100) else None
    )


def whole_words_in(text: str, canon: str) -> bool:
    """Whether ``text`` occurs in ``canon`` as whole words (both are canonical texts).

    >>> whole_words_in("the bridge", "on the bridge today"), whole_words_in("he b", "the bridge")
    (True, False)
    """
    return f" {text} " in f" {canon} "


# Figures written out, which an update changes as it changes digits ("three of them" to "five").
NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands",
    "millions", "billions",
})  # fmt: skip


def spun(text: str, original: str) -> bool:
    """Whether canonical ``text`` replaces the words of ``original`` one for one (or a phrase by
    one word more or fewer), adding or dropping none alone, dropping no number and putting no
    word in place of its opposite (:func:`says_the_opposite`)."""
    words, other = text.split(" "), original.split(" ")
    ops = Indel.opcodes(words, other)
    return (
        word_for_word(ops, slack=1)
        and not drops_numbers(words, ops, other)
        and not says_the_opposite(words, other, ops)
    )


RAW_WORD = re.compile(r"\w+")
"""A word of raw text (letters and digits in a row), not of the canonical form."""


def names_replaced(text: str, original: str) -> bool:
    """Whether raw ``text`` differs from raw ``original`` only by names replaced one for one,
    two words or more, each capitalised in both and one of them inside a sentence: rows of a
    rota or a results table name other places and people; an edited copy does not rename.

    >>> row = "Mill Lane Chemist, Dunmore: open at 8am."
    >>> names_replaced(row, "Quay Street Clinic, Ardlow: open at 8am.")
    True
    >>> names_replaced("On Tuesday the council met.", "On Thursday the council met.")
    False
    >>> names_replaced("The council said it met.", "The council says it met.")
    False
    """
    found, other, ops = _raw_alignment(text, original)
    replaced = inside = 0
    for taken, given in _stretches(ops, found, other):
        if len(taken) != len(given) or not all(w[:1].isupper() for w, _ in taken + given):
            return False
        replaced += len(taken)
        inside += any(_inside_sentence(text, at) for _, at in taken)
    return replaced >= 2 and inside > 0


def renames(text: str, original: str) -> bool:
    """Whether raw ``text`` puts a name in place of another of raw ``original``'s: a word
    capitalised in both, after another word of its sentence in both (:func:`_after_a_word`),
    replaced one for one (or such words as wholes, where their counts differ) by a word that is
    no respelling of it (the same first letter, one letter added, dropped, changed or two
    swapped) nor its abbreviation ("Sept." for "September"). Another item written to the same
    template (a motion moved by other councillors, a visitation on another day), or a copy's
    correction, which only a copy all round it tells.

    >>> renames("Moved by Councillor Chen, seconded by Councillor Okafor.",
    ...         "Moved by Councillor Chen, seconded by Councillor Brennan.")
    True
    >>> renames("Visitation is on Sunday from 2 p.m.", "Visitation is on Tuesday from 2 p.m.")
    True
    >>> renames("She died at Marlow Green Hospital.", "She died at Brookfield Hospital.")
    True
    >>> renames("It opens in Sept. as planned.", "It opens in September as planned.")
    False
    >>> renames("The U.S. Senate voted.", "The US Senate voted.")
    False
    >>> renames("Mayor Ingrid Solbreg said so.", "Mayor Ingrid Solberg said so.")
    False
    >>> renames("It rained on Tuesday.", "It rained on Thursday.")
    True
    >>> renames("Tuesday was wet.", "Thursday was wet.")  # (a sentence's first word)
    False
    >>> renames("**Jane Doe:** Yes, it was.", "A: Yes, it was.")  # (a speaker's label)
    False
    """
    found, other, ops = _raw_alignment(text, original)
    for start, end, was_start, was_end in _stretch_spans(ops):
        if start == end or was_start == was_end:
            continue  # (words added or dropped: a dateline, a title)
        # (one for one, each word; else the names as wholes, "Marlow Green" for "Brookfield")
        shift = was_start - start
        pairs = (
            [(k, k + 1, k + shift, k + shift + 1) for k in range(start, end)]
            if end - start == was_end - was_start
            else [(start, end, was_start, was_end)]
        )
        for a, b, c, d in pairs:
            name, was = "".join(w for w, _ in found[a:b]), "".join(w for w, _ in other[c:d])
            if (
                all(w[:1].isupper() for w, _ in found[a:b] + other[c:d])
                and _after_a_word(text, found, a)
                and _after_a_word(original, other, c)
                and not _has_digit(name + was)
                and not _respelled(name.casefold(), was.casefold())
                and not _abbreviates(name.casefold(), was.casefold())
            ):
                return True
    return False


def _after_a_word(text: str, words: Sequence[tuple[str, int]], k: int) -> bool:
    """Whether word ``k`` of raw ``text`` (``words``: each word and where it starts) follows
    another word of its sentence: not a label's ("A: ...", "**Jane Doe:** ..."), nor the first
    in brackets or quotes."""
    if k == 0:
        return False
    word, at = words[k - 1]
    gap = text[at + len(word) : words[k][1]]
    return not any(c in gap for c in '.!?:;"“‘([*')


def _respelled(a: str, b: str) -> bool:
    """Whether name ``b`` is name ``a`` respelled: the same first letter, and one letter added,
    dropped, changed or two swapped ("Solberg", "Solbreg"; not "Tuesday", "Thursday")."""
    return a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=1) <= 1


def _abbreviates(a: str, b: str) -> bool:
    """Whether one of words ``a`` and ``b`` abbreviates the other: their first letter, then
    letters of it in order ("sept", "september"; "dr", "doctor")."""
    short, long = sorted((a, b), key=len)
    if short[:1] != long[:1]:
        return False
    letters = iter(long)
    return all(c in letters for c in short)


def _raw_alignment(
    text: str, original: str
) -> tuple[list[tuple[str, int]], list[tuple[str, int]], Opcodes]:
    """The words of raw ``text`` and of raw ``original``, each with where it starts, and their
    alignment regardless of case (for :func:`names_replaced` and :func:`renames`)."""
    found = [(m.group(), m.start()) for m in RAW_WORD.finditer(text)]
    other = [(m.group(), m.start()) for m in RAW_WORD.finditer(original)]
    ops = Indel.opcodes([w.casefold() for w, _ in found], [w.casefold() for w, _ in other])
    return found, other, ops


def _inside_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` in raw ``text`` follows other words of its sentence."""
    before = text[:at].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"“‘'([-–—"


def figures(words: Sequence[str]) -> list[str]:
    """The figures among canonical ``words``, sorted: those holding digits, and numbers written
    out (:data:`NUMBER_WORDS`). A web address is none (:func:`~textclean.canonical.is_address`):
    a link printed after its words adds no figure to a copy (two addresses in the same place
    still differ as two numbers do: :func:`drops_numbers`).

    >>> figures("won 3 of 5 0examplecomvote31 five".split())
    ['3', '5', 'five']
    """
    return sorted(_figure_words(words))


def _figure_words(words: Sequence[str]) -> list[str]:
    """The figures among canonical ``words``, in order (see :func:`figures`)."""
    return [w for w in words if w in NUMBER_WORDS or (_has_digit(w) and not is_address(w))]


CORRECTED_FIGURES = 2  # the most figures a copy that corrects its original changes ("32 to 13")


def figures_changed(words: Sequence[str], other: Sequence[str]) -> int:
    """How many figures of canonical ``other`` the ``words`` change, drop or add, in order: the
    longer list of figures, less those the two have in common in the same order.

    >>> figures_changed("won 3 of 5 with 12 points".split(), "won 3 of 5 with 14 points".split())
    1
    >>> figures_changed("passed by 32 votes to 13".split(), "passed by 31 votes to 14".split())
    2
    >>> figures_changed("18 minutes 11 of 12 2 points 2".split(), "18 minutes 12 of 16 8 points 11".split())
    3
    """  # noqa: E501
    mine, theirs = _figure_words(words), _figure_words(other)
    return max(len(mine), len(theirs)) - int(LCSseq.similarity(mine, theirs))


def figures_corrected(words: list[str], other: list[str], ops: Opcodes) -> list[str] | None:
    """``words`` with the figures that ``ops`` shows replacing figures of ``other`` one for one
    put back as ``other`` has them, if there are one to :data:`CORRECTED_FIGURES` of them (a
    copy that corrected its original's figures); else ``None``. What else the two differ by is
    left for :func:`only_small_edits` to judge.

    >>> words, other = "up 12 points from 7".split(), "up 14 points from 7".split()
    >>> figures_corrected(words, other, Indel.opcodes(words, other))
    ['up', '14', 'points', 'from', '7']
    >>> words = "up twelve points from 7".split()
    >>> figures_corrected(words, other, Indel.opcodes(words, other)) is None
    True
    """
    fixed = list(words)
    changed = 0
    for a, b, c, d in _stretch_spans(ops):
        mine, theirs = words[a:b], other[c:d]
        if len(mine) == len(theirs) and all(map(_has_digit, mine + theirs)):
            fixed[a:b] = theirs
            changed += b - a
    return fixed if 0 < changed <= CORRECTED_FIGURES else None


REWORDED_EVERY = 50  # a long copy may replace one word in this many by another ("began")


def words_reworded(words: list[str], other: list[str], ops: Opcodes) -> list[str] | None:
    """``words`` with each word that ``ops`` shows replacing one word of ``other``, between
    words the two share, put back as ``other`` has it, if there are such words, one in
    :data:`REWORDED_EVERY` of ``words`` at most, and none of them a figure or one of
    :data:`CLAIM_WORDS` (a long copy lightly reworded: "began" for "started"); else ``None``.
    What else the two differ by is left for :func:`only_small_edits` to judge.

    >>> other = ("the work started in march " * 10).split()
    >>> words = ["began" if n == 12 else w for n, w in enumerate(other)]
    >>> words_reworded(words, other, Indel.opcodes(words, other)) == other
    True
    >>> words_reworded(words[:40], other[:40], Indel.opcodes(words[:40], other[:40])) is None
    True
    """
    fixed = list(words)
    changed = 0
    for a, b, c, d in _stretch_spans(ops):
        if b - a != 1 or d - c != 1 or a == 0 or b == len(words):
            continue
        mine, theirs = words[a], other[c]
        if _has_digit(mine) or _has_digit(theirs) or {mine, theirs} & CLAIM_WORDS:
            continue
        fixed[a] = theirs
        changed += 1
    return fixed if changed > 0 and changed * REWORDED_EVERY <= len(words) else None


def edited(text: str, original: str, ops: Opcodes | None = None) -> bool:
    """Whether canonical ``text`` and ``original`` differ only by small edits, both ways
    (:func:`~textclean.align.only_small_edits`), and drop no number (``ops``: their alignment,
    if it is known)."""
    words, other = text.split(" "), original.split(" ")
    ops = Indel.opcodes(words, other) if ops is None else ops
    return (
        only_small_edits(words, other, ops)
        and only_small_edits(other, words)
        and not drops_numbers(words, ops, other)
    )
