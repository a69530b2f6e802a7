"""What each paragraph of one document is on the page, for the matcher to ask.

A :class:`Page` answers questions about a document's text and about which of its paragraphs
stay so far (the matcher's removals, shared with it): where sentences start and end; which
paragraphs are teasers cut off with an ellipsis, pull quotes with their speaker, wire datelines
or the page's headline under its title; whether a teaser is cut from a paragraph, or from a
run of them. It decides nothing: :mod:`textclean.match.matcher` does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from itertools import accumulate, chain, islice, pairwise
from typing import NamedTuple

import regex
from rapidfuzz.distance import Opcodes

from textclean.align import (
    AFFIX_WORDS,
    DATE_STAMP,
    DATELINE,
    UPDATE_LEAD,
    UPDATE_STAMP,
    UPDATE_WORDS,
    Spans,
    find_words,
    list_number,
)
from textclean.boilerplate import BoilerplateMatcher
from textclean.canonical import canonical_form, without_tags, word_count
from textclean.fingerprint import MIN_SENTENCE_WORDS, DocumentPrint, ParagraphPrint, sentence_key
from textclean.match import runs
from textclean.match.merged import HEADING_WORDS, MAX_PASSED
from textclean.match.model import Candidates
from textclean.results import Duplicate
from textclean.structured import is_structured

STATEMENT_ENDS = tuple(".!?…。！？।۔؟") + tuple(end + quote for end in ".!?" for quote in "\"'”’»")
# How the paragraph a teaser is cut from ends: a statement, a lead-in to a list or a quote
# (":"), or a note in brackets ("... full access.]").
_WHOLE_ENDS = (*STATEMENT_ENDS, ":", *(end + bracket for end in ".!?" for bracket in ")]"))
ELLIPSES = ("…", "...", "[…]", "[...]")  # a teaser cut off mid-sentence ends with one
# Between a page's title and its site's name ("Headline | Site"), and the words of that name.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|·•–—-]|::)\s+")
_SITE_FIRST = re.compile(r"\s(?:[|·•]|::)\s")  # (a dash after a name opens a wire dateline)
_SITE_WORDS = 5
MIN_CUT_WORDS = 4  # words of the cut end of a truncated copy (fewer may be a heading)
# Words of a dateline: a place of up to three words, a date and an agency ("SAN FRANCISCO, Dec.
# 3 (Reuters)", "NEW YORK (Oak Hill Press)").
DATELINE_WORDS = 6
_MAX_PARTS = 8  # paragraphs that a teaser or a page's description runs over, at most
_OPENING_WORDS = 4  # words of a paragraph's opening looked for inside a teaser
TITLE_REACH = 12  # kept paragraphs above a headline under the page's title, at most
# Paragraphs with words from either end of a page within which the top or the end is looked for,
# past removed ones (a menu's lines, a copy's): beyond them, none is at the top or the end.
_UNENDED_REACH = 4 * TITLE_REACH
OPENING_QUOTES = tuple("\"'“‘«„")  # a pull quote starts with one and ends with the other
_QUOTE_MARKS = '"“‘«„'  # (a paragraph's words right after one of them: it quotes them)
_CLOSING_QUOTES = tuple("\"'”’»“")
# A pull quote with its speaker after a dash: "“We will rebuild it.” — Mayor Ingrid Solberg"
_ATTRIBUTED = re.compile(r"[\"'“‘«„].+[\"'”’»“][.,]?\s*(?:—|–|--?)\s*([^.!?\"“”«»]{1,80})")
ATTRIBUTION_WORDS = 6
"""Words of a pull quote's speaker, name and title, at most ("— Lena Holm, museum director")."""
_WORDS = re.compile(r"[^\W_]+")
# A time alone on a line, over an entry of a live page or a forecast: a match's minute ("73'",
# "45+2'"), a clock's time ("10:42", "3:41 p.m.", "14.05 BST"), a day ("Friday", "Tonight")
_TIME_MARK = re.compile(
    r"\d{1,3}(?:\+\d{1,2})?['’′]|\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{2,4})?"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"(?:\s(?:morning|afternoon|evening|night))?|today|tonight|tomorrow"
    # (a timeline's year or date: "2019", "March 2019", "5 March 2019", "March 5, 2019")
    r"|(?:\d{1,2}\s)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s"
    r"(?:\d{1,2},?\s)?)?(?:1[5-9]|2[01])\d{2}",
    re.IGNORECASE,
)
# A transcript's time code in front of a line: "[00:03:47] ", "(01:12) ", "00:03:47 - "; or a
# live page's time with its half of the day or its zone ("8.59pm BST ", "2:32 p.m. ET: ")
_ZONE = r"(?:[ECMP][SD]?T|BST|GMT|UTC|CES?T|AE[SD]T|IST|JST|HKT|SGT)\b"
_TIMECODE = re.compile(
    rf"(?:\d{{1,2}}[:.]\d{{2}}\s?(?:[ap]\.?m\.?(?:\s{_ZONE})?|{_ZONE})"
    r"|[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?)(?:\s+[-–—]|:)?\s+(?=\S)"
)
# A news flash's label in front of a paragraph, up to its colon or dash ("BREAKING: ", "🚨 JUST
# IN: ", "Developing — "), as a social post or a live page opens a paragraph the body prints too.
_FLASH = re.compile(
    r"(?:[^\w\s]{1,4}\s*)?(?:breaking(?: news)?|just in|developing|new|exclusive|watch|live"
    r"|(?:news )?alert|urgent|flash)\s*(?::|\s[-–—|])\s+(?=\S)",
    re.IGNORECASE,
)
# A byline: "By" and a name from a capital (maybe a title after a comma or a bar), no sentence
_BYLINE = regex.compile(r"(?:By|BY|Written by|Words by|Story by):?\s+\p{Lu}[^\n.!?;:]{0,80}")
_STAMP_WORDS = frozenset({"updated", "last", "modified", "this"})  # (an update stamp's first)
_CREDIT = re.compile(r"\(([^()]+)\)$")  # (the words in brackets that end a paragraph)
_CREDIT_CHARS = 60
# A row of a table of labels and values: a label of one to three words, then a colon or a
# spaced dash and the value ("Battery – Up to 8 hours", "Weight: 5 g per earbud").
ROW_WORDS = 20  # words of a table's row, at most (its value may be a clause)
TABLE_ROWS = 3  # rows of labels and values in a run, at least, that make a table
ROW_REACH = 64  # paragraphs on either side of a row that its table is looked for in, at most
_BULLETS = " \t-–—•*·"  # (a row may be a list's item)
_LABEL_WORD = r"\p{L}[\p{L}\p{N}'’-]*"
_ROW = regex.compile(rf"(?:{_LABEL_WORD}\s+){{0,2}}{_LABEL_WORD}(?:\s*:|\s+[–—-])\s+\S")


class Dateline(NamedTuple):
    """What stands in front of a paragraph's text (:meth:`Page.dateline`): its text, its words
    as the canonical form counts them, and its kind: ``"dateline"`` (a wire's, "LONDON
    (Reuters)"), ``"update"`` (a live page's label, "UPDATE (6:14 a.m. ET)"), ``"news flash"`` (a
    news flash's, "BREAKING", "JUST IN") or ``"time code"`` (a transcript's, "[00:03:47]").
    Empty when nothing does."""

    text: str = ""
    words: tuple[str, ...] = ()
    kind: str = "dateline"


class Page:
    """One document's paragraphs as text on a page (``texts``, ``document`` their prints).

    ``found`` is the matcher's removals so far, shared: what it asks about paragraphs that
    stay (:meth:`kept`, :meth:`next_kept`, the page's headline) follows them. ``shared`` says
    whether any two paragraphs share a key (else none repeats another word for word).
    """

    def __init__(
        self,
        texts: Sequence[str],
        document: DocumentPrint,
        found: Mapping[int, Duplicate],
        boilerplate: BoilerplateMatcher | None,
        *,
        shared: bool,
    ) -> None:
        self.texts = texts
        self.document = document
        self.found = found
        self.boilerplate = boilerplate
        # Character offsets where each paragraph's sentences start and end, once worked out.
        self.sentence_offsets: dict[int, tuple[set[int], set[int]]] = {}
        self._holders: dict[int, list[int]] | None = None  # (see sentence_holders)
        self._datelines: dict[int, Dateline] = {}  # (see dateline: asked for again and again)
        # The first paragraph with each one's exact key, and the paragraphs that repeat one.
        if shared:
            first_of: dict[int, int] = {}
            self.first_same = [first_of.setdefault(key, i) for i, key in enumerate(document.exact)]
        else:  # no two paragraphs share a key: each is the first of its text
            self.first_same = list(range(len(document)))
        self.repeats = {i for i, j in enumerate(self.first_same) if j != i}
        # The paragraphs with each repeated text, in order (see repeats_kept).
        self._copies: dict[int, list[int]] = {}
        for i in sorted(self.repeats):
            self._copies.setdefault(self.first_same[i], [self.first_same[i]]).append(i)
        # Paragraphs of structured data (a JSON-LD object holding an ``articleBody``): set aside
        # while the others are matched (never the copy that stays), then removed if the others
        # hold their words.
        self.structured = {i for i, text in enumerate(texts) if is_structured(text)}
        # Paragraphs cut off with an ellipsis (teasers): never the original of a paragraph
        # they are cut from, which holds more (the teaser goes instead, as contained in it).
        self.teasers = {i for i, text in enumerate(texts) if text.rstrip().endswith(ELLIPSES)}
        # The later paragraphs whose opening words stand inside each teaser past its start: a
        # teaser that runs a caption or a subtitle into the lede shares no key with the lede.
        self.cut_into = _openings_inside(document.canonical, self.teasers) if self.teasers else {}
        # Paragraphs that were no teaser (:meth:`cut_short`) only as a later one goes on from
        # them into the paragraph after them: a merged copy, until that paragraph goes.
        self.run_on: set[int] = set()
        # Pull quotes naming their speaker after a dash (attribution), and the paragraphs
        # holding each one's quotation as a sentence: without a full stop before the dash, the
        # quotation and the speaker make one sentence, and no key links the quote to them.
        self.attributed = {
            i: said
            for i, text in enumerate(texts)
            if text.lstrip().startswith(OPENING_QUOTES)
            and (said := attribution(text, document.canonical[i])) is not None
        }
        self.quoted_in = {
            i: [j for j in self.sentence_holders(quotation) if j != i]
            for i, (quotation, _, _) in self.attributed.items()
            if word_count(quotation) >= MIN_SENTENCE_WORDS
        }
        # Paragraphs that end with a letter, a digit or a comma, near the top of the document
        # or its end: maybe a page's description cut short without an ellipsis (see unended).
        worded = [k for k, canon in enumerate(document.canonical) if canon]
        self._worded_top = worded[:_UNENDED_REACH]
        self._worded_end = worded[-_UNENDED_REACH:][::-1]
        self._ends_unended = {
            i for i in (*self._worded_top, *self._worded_end) if _unended(texts[i].rstrip()[-1:])
        }
        # The menu's items that open the page, if it was dumped whole (boilerplate lines among
        # them, which go, and structured data, set aside, passed over): the page's title may
        # stand under them (see headline).
        self.menu = 0
        for k in islice(worded, runs.MAX_MENU * 2):
            if k in self.structured:
                continue
            if runs.menu_item(document.canonical[k]):
                self.menu += 1
            elif boilerplate is None or boilerplate.match(texts[k]) is None:
                break

    def repeats_kept(self, k: int) -> bool:
        """Whether paragraph ``k`` repeats, word for word, a paragraph before it that stays: a
        repeat as a second run on the output sees it (not one whose earlier copies all went)."""
        return self.kept_copy_before(k) is not None

    def kept_copy_before(self, k: int) -> int | None:
        """The first paragraph before ``k`` that stays with ``k``'s text, if any."""
        return self.kept_copy_of(k, k)

    def kept_copy_of(self, k: int, before: int) -> int | None:
        """The first paragraph other than ``k``, before paragraph ``before``, that stays with
        ``k``'s exact key and canonical text, if any."""
        if k not in self.repeats and k not in self._copies:
            return None
        text = self.document.canonical[k]
        copies = self._copies[self.first_same[k]]
        return next(
            (
                m for m in islice(copies, bisect_left(copies, before))
                if m != k and m not in self.found and self.document.canonical[m] == text
            ),
            None,
        )  # fmt: skip

    def sentence_holders(self, sentence: str) -> list[int]:
        """The paragraphs of this document that hold canonical ``sentence`` as a sentence with
        a key, in order."""
        if self._holders is None:  # (each sentence key's paragraphs, once: a transcript asks
            # for each of its lines, and a search of every key each time would be quadratic)
            document, self._holders = self.document, {}
            at = document.sentence_keys
            keys = document.keys[at.start : at.stop].tolist()
            owners = document.owners[at.start : at.stop].tolist()
            for key, owner in zip(keys, owners, strict=True):
                held = self._holders.setdefault(key, [])
                if not held or held[-1] != owner:  # (owners ascend)
                    held.append(owner)
        return list(self._holders.get(sentence_key(sentence), ()))

    def dateline(self, i: int) -> Dateline:
        """The dateline in front of paragraph ``i`` ("LONDON (Reuters)" before " - "), if it
        has :data:`DATELINE_WORDS` words at most, an update's label up to its colon ("UPDATE
        (6:14 a.m. ET): ", :data:`~textclean.align.UPDATE_LEAD`), a news flash's label
        ("BREAKING: ", "🚨 JUST IN: ": a social post that prints the body's first paragraph
        behind one) or a transcript's time code ("[00:03:47] ", "(01:12) ", "00:03:47 - ": a
        video's transcript under the article repeats its sentences, each behind the time it is
        said at); else an empty one."""
        found = self._datelines.get(i)
        if found is None:
            found = self._datelines[i] = self._dateline(i)
        return found

    def _dateline(self, i: int) -> Dateline:
        head = self.texts[i].lstrip()[:64]
        if head[:1] in "Uu[(" and (label := UPDATE_LEAD.match(head)) is not None:
            words = tuple(_WORDS.findall(label.group()))
            if UPDATE_WORDS.fullmatch(" ".join(words).casefold()):
                return Dateline(label.group().rstrip().removesuffix(":"), words, "update")
        if (flash := _FLASH.match(head)) is not None:
            flashed = flash.group().strip().rstrip(":-–—|").rstrip()
            return Dateline(flashed, tuple(_WORDS.findall(flashed)), "news flash")
        if (timed := _TIMECODE.match(head)) is not None:
            line = timed.group().strip().rstrip("-–—:").rstrip()
            return Dateline(line, tuple(_WORDS.findall(timed.group())), "time code")
        first = head[1:2] if head[:1] == "(" else head[:1]  # (an agency in brackets: "(CNN) —")
        if not first.isupper() or ("—" not in head and "–" not in head and " -" not in head):
            return Dateline()  # (the cheap tests first: most paragraphs have no dash up front)
        found = DATELINE.match(head)
        words = tuple(_WORDS.findall(found.group(1))) if found is not None else ()
        if found is None or len(words) > DATELINE_WORDS:
            return Dateline()
        if len(words) > AFFIX_WORDS and not (len(words[0]) > 1 and words[0].isupper()):
            return Dateline()  # (a long one names its place in capitals: "SAN FRANCISCO, Dec. 3")
        return Dateline(found.group(1), words)

    def at_other_times(self, i: int, j: int) -> bool:
        """Whether paragraphs ``i`` and ``j`` each stand under a time of their own on the line
        above (``_TIME_MARK``: "73'", "10:42", "3:41 p.m.", "Friday"), two times that differ:
        entries of a live page's timeline (a match's commentary, "Delay over. They are ready to
        continue.") or a forecast's days that read the same, not a copy's (which prints its
        times again)."""
        above = [self.time_above(i), self.time_above(j)]
        if above[0] is None or above[1] is None:
            return False
        return self.texts[above[0]].strip() != self.texts[above[1]].strip()

    def time_above(self, i: int) -> int | None:
        """The line above paragraph ``i`` (paragraphs with no words passed over) if it is a time
        alone (``_TIME_MARK``), the time of a live page's entry; else ``None``."""
        canonical, k = self.document.canonical, i - 1
        while k >= 0 and not canonical[k]:
            k -= 1
        return k if k >= 0 and self.is_time(k) else None

    def time_of(self, i: int) -> int | None:
        """The time of paragraph ``i``: ``i`` itself if it is a time alone, else the time alone on
        the line above it (:meth:`time_above`), if any."""
        return i if self.is_time(i) else self.time_above(i)

    def is_time(self, i: int) -> bool:
        """Whether paragraph ``i`` is a time alone (``_TIME_MARK``: "73'", "10:42", "3:41
        p.m.", "Friday"), as over an entry of a live page."""
        return _TIME_MARK.fullmatch(self.texts[i].strip()) is not None

    def on_top(self, j: int) -> bool:
        """Whether paragraph ``j`` is among the page's first :data:`TITLE_REACH` paragraphs with
        words."""
        return j in self._worded_top[:TITLE_REACH]

    def row(self, i: int) -> bool:
        """Whether paragraph ``i`` is a row of a table of labels and values that is no copy
        (:meth:`in_table`): of the rows in a row around it (:meth:`_rows_beside`), one at
        least stands first with its text. Two products' tables may share a row ("Weight – 5 g
        per earbud"): it repeats as a short line does, judged by its neighbours, where a
        copy's table repeats every row."""
        if not self.in_table(i):
            return False
        around = chain((i,), self._rows_beside(i, -1), self._rows_beside(i, 1))
        return any(k not in self.repeats for k in around)

    def in_table(self, i: int) -> bool:
        """Whether paragraph ``i`` is a row of a table of labels and values: a label of one to
        three words, then a colon or a spaced dash and a value ("Battery – Up to 8 hours",
        "- Weight: 5 g"), or a name and its figures (two thirds of its words numbers: "Bank of
        America 86.17 +2.96 +3.56%"), under :data:`HEADING_WORDS` words, in a run of
        :data:`TABLE_ROWS` such rows or more (paragraphs with no words passed over; the
        others' values may run to :data:`ROW_WORDS` words)."""
        if not self._row_shape(i, HEADING_WORDS - 1):
            return False
        more = TABLE_ROWS - 1  # (the rows besides this one)
        before = sum(1 for _ in islice(self._rows_beside(i, -1), more))
        return before + sum(1 for _ in islice(self._rows_beside(i, 1), more - before)) >= more

    def _rows_beside(self, i: int, step: int) -> Iterator[int]:
        """The rows in a row from paragraph ``i`` (not itself) in direction ``step``, paragraphs
        with no words passed over, up to :data:`ROW_REACH` paragraphs away (a long table's
        rows are looked at near the row only)."""
        canonical = self.document.canonical
        for k in range(i + step, i + step * (ROW_REACH + 1), step):
            if not 0 <= k < len(canonical) or (canonical[k] and not self._row_shape(k)):
                return
            if canonical[k]:
                yield k

    def _row_shape(self, k: int, words: int = ROW_WORDS) -> bool:
        canonical = self.document.canonical[k]
        if canonical.count(" ") >= words:
            return False
        if _ROW.match(self.texts[k].lstrip(_BULLETS)) is not None:
            return True
        # (a name and its figures, two thirds of its words numbers or more: "Bank of America
        # 86.17 +2.96 +3.56%", a market's table; not a time, "20.26 CET", nor a gallery's
        # counter, "3 of 12": four words at least)
        parts = canonical.split()
        return len(parts) >= 4 and 3 * sum(part.isdigit() for part in parts) >= 2 * len(parts)

    def byline(self, i: int) -> bool:
        """Whether paragraph ``i`` is a byline ("By Jane Doe", "By JANE DOE, Reporter") or the
        line that dates the article ("Posted June 14, 2024", :data:`~textclean.align.DATE_STAMP`):
        a page prints them again at its foot, or over each of its pages that a scraper joined."""
        text = self.texts[i].strip()
        return bool(_BYLINE.fullmatch(text)) or bool(
            DATE_STAMP.fullmatch(self.document.canonical[i])
        )

    def lone_part(self, i: int, dup: Duplicate, fp: ParagraphPrint) -> bool:
        """Whether paragraph ``i`` is a heading that repeats part of one longer paragraph of
        this document: a heading's length, not ending like a sentence (".", "!" or "?"). It stays
        unless it stands beside a copy drawn from the same paragraph (then it is part of a
        split copy); a highlighted sentence ends like a statement and goes, and so does a
        teaser, or a pull quote from a paragraph that says more than a few words besides
        (:meth:`pulled`), whatever its last character. (A list's line that a quotation repeats
        but for a name and a rating, "Acme: A simple CRM for teams (4.2/5)", is no paragraph a
        quotation is pulled from: the quotation is the tagline over the item's section.)"""
        if (
            dup.kind != "contained"
            or dup.doc_id is not None
            or len(dup.originals) != 1
            or fp.words >= HEADING_WORDS
        ):
            return False
        original = self.document.canonical[dup.originals[0]]
        return (
            len(original) > len(fp.canonical)
            and not self.texts[i].rstrip().endswith(STATEMENT_ENDS)
            and i not in self.teasers  # (cut off with "[…]" too)
            and not (self.pulled(i) and word_count(original) - fp.words > AFFIX_WORDS)
        )

    def headline(self, i: int) -> Duplicate | None:
        """Paragraph ``i`` as the page's headline under the page's title, which adds the site's
        name after a separator or before a bar ("Headline - Site", "Site | Headline") and opens the
        document, maybe after a menu (:func:`runs.in_header`): an extractor keeps the ``<title>``
        and the ``<h1>``, and a page dumped whole its menu above them.
        """
        canonical = self.document.canonical
        if canonical[i].count(" ") < 2:
            return None
        if self.texts[i].rstrip().endswith("."):
            return None  # (a sentence, no headline: a wire dateline's "CITY (AP) — " is before it)
        # (the title: a kept paragraph holding it, at most a byline, a date ... above it)
        above = (
            k for k in range(i - 1, -1, -1)
            if canonical[k] and k not in self.found and k not in self.structured
        )  # fmt: skip
        j = next(
            (k for k in islice(above, runs.HEADER_LINES + 1) if canonical[i] in canonical[k]), None
        )
        if j is None:
            return None
        parts = _TITLE_SEPARATOR.split(self.texts[j].strip())
        if len(parts) < 2:
            return None
        names = [(parts[-1], parts[:-1])]
        if _SITE_FIRST.search(self.texts[j]):  # ("Site | Headline": not "CITY (AP) — Lede")
            names.append((parts[0], parts[1:]))
        for site, title in names:
            if (
                0 < word_count(canonical_form(site)) <= _SITE_WORDS
                and canonical_form(" ".join(title)) == canonical[i]
                and runs.in_header(canonical, self.found, i, j, self.structured, past_menu=True)
            ):
                rule = "the page's headline under its title, which adds the site's name"
                return Duplicate(i, j, "contained", 1.0, rule, (j,))
        return None

    def cut_from(self, j: int, i: int) -> bool:
        """Whether teaser ``j`` is cut from paragraph ``i``: ``i`` goes on where ``j`` ends with
        an ellipsis (not a paragraph that repeats ``j``, ellipsis and all, with a tag after it)."""
        cut, whole = self.document.canonical[j], self.document.canonical[i]
        return (
            len(cut) < len(whole)
            and whole.startswith(cut)
            and self.texts[j].strip() not in self.texts[i]
        )

    def ends_unended(self, j: int) -> bool:
        """Whether paragraph ``j``, near the top of the page or its end, ends with a letter, a
        digit or a comma."""
        return j in self._ends_unended

    def unended_among(self, paragraphs: Collection[int]) -> list[int]:
        """Those of ``paragraphs`` that :meth:`ends_unended` says end unended (a template's
        line is linked to hundreds: only these can be cut short)."""
        ends = self._ends_unended
        if len(paragraphs) <= len(ends):
            return [j for j in paragraphs if j in ends]
        return [j for j in ends if j in paragraphs]

    def unended(self, j: int) -> bool:
        """Whether paragraph ``j`` ends with a letter, a digit or a comma (:func:`_unended`)
        among the first :data:`TITLE_REACH` paragraphs with words that stay, or as the last that
        stays: at the top of the page or at its end, as a second run on the output sees it.
        Paragraphs further than :data:`_UNENDED_REACH` from either end are neither."""
        if not self.ends_unended(j):
            return False
        for worded, top in ((self._worded_top, TITLE_REACH), (self._worded_end, 1)):
            staying = (k for k in worded if k not in self.found or k == j)
            if j in islice(staying, top):
                return True
        return False

    def cut_short(self, j: int, i: int) -> bool:
        """Whether paragraph ``j``, of :data:`HEADING_WORDS` words or more, ending with a letter, a
        digit or a comma (:func:`_unended`) at the top of the document or at its end, is the start
        of paragraph ``i`` cut off without an ellipsis: a page's description cut at a number of
        characters, before the paragraph it is cut from, which ends the sentence (or a lead-in
        with a colon, or a note in brackets: :data:`_WHOLE_ENDS`). It is a
        teaser, and goes as one (not ``i`` as a near copy of it: ``i`` holds more). Not a line
        that a copy runs into the paragraph after it (a list's item and the next heading,
        rewrapped)."""
        canonical = self.document.canonical
        cut, whole = canonical[j], canonical[i]
        if not self.unended(j) or cut.count(" ") + 1 < HEADING_WORDS:
            return False
        if not whole.startswith(cut + " "):  # (the paragraphs from or up to ``i``, cut inside one)
            return self.cut_from_run(j, i, sentence=True) or self.cut_in(j, i)
        if not self.texts[i].rstrip().endswith(_WHOLE_ENDS):
            return False
        rest = whole[len(cut) + 1 :]
        after = next((k for k in range(j + 1, i) if canonical[k] and k not in self.found), j)
        # (``i`` goes on with ``j`` again, or with the paragraph after it: a merged copy)
        for k in (j, after):
            if rest.startswith(canonical[k]) or canonical[k].startswith(rest):
                if k != j:
                    self.run_on.add(j)
                return False
        return True

    def cut_in(self, j: int, i: int) -> bool:
        """Whether canonical text ``j`` is the paragraphs right before paragraph ``i`` (one or
        more, passing empty ones and ``j``), laid end to end, and the start of ``i``, cut off
        inside one of its sentences: a page's description that runs from a date line or a
        heading into the first paragraph (see :meth:`cut_short`)."""
        canonical = self.document.canonical
        cut, whole = canonical[j], canonical[i]
        # (``i``'s first three words: a cut inside them leaves too little to tell)
        start, at = first_words(whole, 3), len(cut)
        # (only a tail of ``j`` shorter than ``i`` can be its start: in the last place looked at)
        first = max(len(cut) - len(whole), 0)
        while True:  # where the start of ``i`` stands in ``j``, the last place first
            at = cut.rfind(" " + start, first, at)
            if at < 0:
                return False
            tail = cut[at + 1 :]
            if whole.startswith(tail) and len(tail) < len(whole):
                break
        if not self.sentence_goes_on(i, len(tail)):
            return False
        head, k = cut[:at], i - 1
        for _ in range(_MAX_PARTS):
            while k >= 0 and (k == j or not canonical[k] or self.repeats_kept(k)):
                k -= 1
            if k < 0 or not (head == canonical[k] or head.endswith(" " + canonical[k])):
                return False
            head = head[: len(head) - len(canonical[k])].rstrip(" ")
            if not head:
                return True
            k -= 1
        return False

    def cut_from_run(self, j: int, i: int, *, sentence: bool = False) -> bool:
        """Whether teaser ``j`` holds paragraph ``i`` and the paragraphs after it, laid end to
        end, and is cut off inside one of them (inside its last sentence, if ``sentence``): a
        preview of several paragraphs run together, which they take the place of (it goes as
        contained in them, as the matcher finds). Not a paragraph ending with an ellipsis
        whose copy has other breaks: it ends where they do."""
        canonical = self.document.canonical
        cut, text = canonical[j], canonical[i]
        at = find_words(cut, text, 0, len(cut))
        if at < 0:
            return False
        rest = cut[at + len(text) + 1 :]
        # (Passing over empty paragraphs, repeats of earlier ones and paragraphs removed since,
        # which go as copies, and paragraphs the teaser holds before ``i``: copies of it, not the
        # run it previews. Structured data set aside is no removal.)
        passed = (
            k
            for k in range(i + 1, len(canonical))
            if canonical[k]
            and not self.repeats_kept(k)
            and (k not in self.found or k in self.structured)
            and (k == j or find_words(cut, canonical[k], 0, at) < 0)
        )
        for k in islice(passed, _MAX_PARTS):
            if not rest or k == j:  # (the run ends at the teaser: no teaser holds itself)
                return False
            after = canonical[k]
            if len(after) > len(rest):
                inside = not sentence or self.sentence_goes_on(k, len(rest))
                return after.startswith(rest) and inside and not self.credit_from(k, len(rest))
            if rest != after and not rest.startswith(after + " "):
                return False
            rest = rest[len(after) + 1 :]
        return False

    def credit_from(self, k: int, at: int) -> bool:
        """Whether paragraph ``k``'s canonical text from offset ``at`` on is only the words in
        brackets that end it: a wire service's or a photographer's credit ("(AP)", "(Photo:
        Jane Doe)"), which a copy adds, not the rest of a sentence cut off there."""
        raw = self.texts[k].rstrip()
        credit = _CREDIT.search(raw[-_CREDIT_CHARS:]) if raw.endswith(")") else None
        tail = self.document.canonical[k][at:].strip()
        return credit is not None and bool(tail) and canonical_form(credit[1]) == tail

    def quotes(self, i: int, j: int) -> bool:
        """Whether paragraph ``i`` quotes paragraph ``j``, which is no quotation itself: ``j``'s
        first words stand right after an opening quotation mark in it (a comment quoting the
        article, not a body paragraph that a highlights box repeated)."""
        words = without_tags(self.texts[j]).split()  # (its words, not its markup's)
        text = without_tags(self.texts[i])
        if not words or words[0].startswith(OPENING_QUOTES) or words[0] not in text:
            return False
        # (white space as one space: no pattern made for each pair of paragraphs)
        start, spaced = " ".join(words[:4]), " ".join(text.split())
        return any(mark + start in spaced or f"{mark} {start}" in spaced for mark in _QUOTE_MARKS)

    def pulled(self, i: int) -> bool:
        """Whether paragraph ``i`` looks pulled out of another: a quotation and nothing else (a
        pull quote, maybe with its speaker after a dash) or a teaser cut off with an ellipsis."""
        raw = self.texts[i].strip()
        quoted = raw.startswith(OPENING_QUOTES) and raw.rstrip(".").endswith(_CLOSING_QUOTES)
        return quoted or i in self.teasers or i in self.attributed

    def whole_sentences_of(self, text: str, j: int, *, truncated: bool = False) -> bool:
        """Whether canonical ``text`` is one or more consecutive whole sentences of paragraph
        ``j`` (sentence offsets are worked out once a paragraph); when ``truncated`` (a teaser
        cut off with an ellipsis), words from the start of a sentence, the last maybe cut short."""
        return self.sentences_at(text, j, truncated, 0, len(self.document.canonical[j])) >= 0

    def sentences_at(self, text: str, j: int, truncated: bool, start: int, stop: int) -> int:
        """Where in ``[start, stop)`` of paragraph ``j``'s canonical text ``text`` first stands
        as :meth:`whole_sentences_of` asks, or -1. Before the credit in brackets that ends
        ``j`` (:meth:`credit_from`), its last sentence ends: a caption printed again without
        its credit is the caption's sentences."""
        canon, (starts, ends) = self.document.canonical[j], self.sentence_bounds(j)
        at = canon.find(text, start, stop)  # (each place it stands: few)
        while at >= 0:
            end = at + len(text)
            if at in starts and (
                end in ends or (truncated and end < len(canon)) or self.credit_from(j, end)
            ):
                return at
            at = canon.find(text, at + 1, stop)
        return -1

    def sentence_goes_on(self, j: int, at: int) -> bool:
        """Whether a sentence of paragraph ``j`` goes on past offset ``at`` of its canonical
        text (no sentence ends there)."""
        return at not in self.sentence_bounds(j)[1]

    def sentence_bounds(self, j: int) -> tuple[set[int], set[int]]:
        """Where paragraph ``j``'s sentences start and end in its canonical text (character
        offsets, worked out once a paragraph)."""
        bounds = self.sentence_offsets.get(j)
        if bounds is None:
            canon = self.document.canonical[j]
            offsets = list(accumulate((len(word) + 1 for word in canon.split(" ")), initial=0))
            first = self.document.sentence_starts(j)
            ends = {offsets[w] - 1 for w in (*first[1:], len(offsets) - 1)}
            bounds = self.sentence_offsets[j] = ({offsets[w] for w in first}, ends)
        return bounds

    def inside_sentences(self, text: str, candidates: Candidates) -> bool:
        """Whether canonical ``text``, shorter than a paragraph (:data:`HEADING_WORDS`), stands
        word for word in a kept paragraph of this document, and there only more than a word
        away from where a sentence starts or ends, all its candidates being of this document.

        An alignment finds it there and refuses it as not whole sentences (a heading that
        repeats words of a sentence stays), so none is tried: most lines of a copy wrapped a
        line a paragraph are such, and the walk along the copy takes them (_remove_walked).
        """
        if word_count(text) >= HEADING_WORDS:
            return False
        inside = False
        for (doc_id, j), (_, canon) in candidates.items():
            if doc_id is not None:
                return False
            if len(canon) <= len(text):
                continue
            at = find_words(canon, text, 0, len(canon))
            while at >= 0:
                end = at + len(text)
                starts, ends = self.sentence_bounds(j)
                before = canon.rfind(" ", 0, max(at - 1, 0)) + 1  # (the word before)
                after = canon.find(" ", end + 1)  # (the end of the word after)
                after = len(canon) if after < 0 else after
                if (at in starts or (at and before in starts)) and (end in ends or after in ends):
                    return False  # (an edit of a word may make it whole sentences)
                inside = True
                at = find_words(canon, text, at + 1, len(canon))
        return inside

    def whole_sentences(
        self, window: Sequence[tuple[int, int, str]], region: tuple[int, int], *, cut: bool
    ) -> bool:
        """Whether ``region`` of the window's words starts and ends at sentence boundaries (or
        ends anywhere, if ``cut``).

        A merged or split copy is made of whole sentences; a heading whose words stand inside a
        longer sentence is not a copy of it. One word of slack on each side allows for an edit.
        """
        starts: set[int] = set()
        ends: set[int] = set()
        offset = 0
        for j, _, _ in window:
            first, last = self.sentence_words(j)
            starts.update(offset + w for w in first)
            ends.update(offset + w for w in last)
            offset += last[-1]
        begin, end = region
        return any(0 <= begin - b <= 1 for b in starts) and (
            cut or any(0 <= b - end <= 1 for b in ends)
        )

    def joined_whole(self, sources: Sequence[tuple[int, int, str]], spans: Spans) -> bool:
        """Whether a copy drawn from two or more of ``sources`` (``spans``: what it takes of
        each, by position) takes them where they join as a merged copy does: to the end of one
        and from the start of the next, or at a sentence's end and start there, give or take an
        edit (:data:`~textclean.align.AFFIX_WORDS` words at the join, both sides together). A
        line made of one paragraph's first words and the next one's last ("Three-month plan" and
        "one room or category per week", of "Three-month plan: Focus on one area..." and
        "Two-month plan: Declutter one room or category per week"; a table's row, "Wednesday:
        Sunny, high 18C, low 10C", of the rows "Wednesday: Sunny, high 21C, low 13C" and
        "Thursday: Sunny, high 18C, low 10C") is no copy of them. Nor is a line that leaves out
        at the join a quarter as many words as it takes of the two, or more ("Route 52 –
        Saturdays – towards Retail Park" of "Route 52 – Saturdays – towards Church Lane" and
        "Retail Park": another table's heading); an edit at the join of a merged copy is short
        beside the paragraphs it joins."""
        taken = sorted(spans)
        for n, m in pairwise(taken):
            if m != n + 1:
                continue  # (a paragraph between that the copy lacks: judged elsewhere)
            ends = self.sentence_words(sources[n][0])[1]
            starts = self.sentence_words(sources[m][0])[0]
            end, start = spans[n][1], spans[m][0]
            skipped = 0  # (words left out at the join, away from a sentence's end or start)
            if not any(0 <= e - end <= 1 for e in ends):
                skipped += ends[-1] - end
            if not any(0 <= start - s <= 1 for s in starts):
                skipped += start
            joined = end - spans[n][0] + spans[m][1] - start  # (the words it takes of the two)
            if skipped > AFFIX_WORDS or 4 * skipped >= joined:
                return False
        return True

    def sentence_words(self, j: int) -> tuple[list[int], list[int]]:
        """Where the sentences of paragraph ``j`` of this document start and end, as word
        indices (:meth:`sentence_bounds` gives character offsets); the last end is its word
        count. A wire dateline in front ("WASHINGTON (AP) — ") ends where its sentence starts."""
        starts = self.document.sentence_starts(j)
        count = self.document.canonical[j].count(" ") + 1
        dateline = len(self.dateline(j)[1])
        if 0 < dateline < count and dateline not in starts:
            starts = sorted({*starts, dateline})
        return starts, [*starts[1:], count]

    def kept(self, k: int) -> bool:
        return (
            0 <= k < len(self.document.canonical)
            and k not in self.found
            and bool(self.document.canonical[k])
        )

    def next_kept(self, j: int, step: int) -> int | None:
        """The nearest kept paragraph from ``j`` in direction ``step`` (passing removed ones)."""
        canonical, found = self.document.canonical, self.found
        k = j + step
        for _ in range(MAX_PASSED):
            if not 0 <= k < len(canonical):
                return None
            if k not in found:  # kept, or an empty paragraph: nothing to join
                return k if canonical[k] else None
            k += step
        return None

    def ended(self, i: int) -> bool:
        """Whether paragraph ``i`` ends like a sentence (a list's item may, a heading does not)."""
        return self.texts[i].rstrip().endswith(STATEMENT_ENDS)

    def aside(self, i: int, words: list[str]) -> Callable[[int, int], bool] | None:
        """Which runs of paragraph ``i``'s words (``words``) are page furniture put between two
        of its sentences, or before or after them: a boilerplate line of its own ("Story
        continues below advertisement") that starts a sentence, or an update's time stamp
        (:data:`~textclean.align.UPDATE_STAMP`, "Updated 3:41 p.m.") from a word to the end.
        ``None`` when boilerplate lines are not removed."""
        matcher = self.boilerplate
        if matcher is None:
            return None
        starts = self.document.sentence_starts(i)

        def aside(a: int, b: int) -> bool:
            # (a time stamp ends the paragraph; its "a.m." ends no sentence, but reads as one;
            # after a colon or in brackets it starts none: "... below: (Updated at 9 a.m.)")
            if words[a] in _STAMP_WORDS and UPDATE_STAMP.fullmatch(" ".join(words[a:])):
                return True
            return a in starts and matcher.match(" ".join(words[a:b])) is not None

        return aside

    def opens_with_a_sentence(self, i: int, ops: Opcodes) -> bool:
        """Whether the words paragraph ``i`` has before the text it shares with the other
        (``ops`` from ``i``'s words to the other's) are whole sentences: a heading run into the
        paragraph ("Integration. Xero works with ..."). A dateline ("WASHINGTON (AP) —") ends
        in no full stop."""
        first = next(iter(ops), None)
        if first is None or first.tag != "delete" or first.src_start != 0:
            return False
        if first.src_end == 1 and list_number(first_words(self.document.canonical[i], 1)):
            return False  # (a list's number, "3. The harbour ...": no heading)
        return first.src_end in self.document.sentence_starts(i)


def _openings_inside(canonical: Sequence[str], teasers: Collection[int]) -> dict[int, list[int]]:
    """For each of ``teasers``, the first :data:`_MAX_PARTS` later paragraphs whose first
    :data:`_OPENING_WORDS` canonical words stand in it, starting past its first word."""
    openings: dict[str, list[int]] = {}
    for k in range(min(teasers) + 1, len(canonical)):
        words = canonical[k].split(" ", _OPENING_WORDS)
        if len(words) >= _OPENING_WORDS:
            openings.setdefault(" ".join(words[:_OPENING_WORDS]), []).append(k)
    found: dict[int, list[int]] = {}
    for j in sorted(teasers):
        words = canonical[j].split(" ")
        later: set[int] = set()
        for w in range(1, len(words) - _OPENING_WORDS + 1):
            holders = openings.get(" ".join(words[w : w + _OPENING_WORDS]), ())
            after = bisect_left(holders, j + 1)
            later.update(holders[after : after + _MAX_PARTS])
        if later:
            found[j] = sorted(later)[:_MAX_PARTS]
    return found


def _unended(last: str) -> bool:
    """Whether a paragraph ending with ``last`` is cut off: it ends with a letter, a digit, a
    comma or a semicolon, not with the end of a sentence."""
    return last.isalnum() or last in (",", ";")


def first_words(text: str, count: int = MIN_CUT_WORDS) -> str:
    """The first ``count`` words of canonical ``text`` (all of them if it has fewer)."""
    return " ".join(text.split(" ", count)[:count])


def attribution(raw: str, canonical: str) -> tuple[str, int, tuple[str, ...] | None] | None:
    """A pull quote's speaker after a dash ("“We will rebuild it.” — Mayor Ingrid Solberg"),
    for paragraph text ``raw`` (``canonical`` its canonical form): the canonical text without
    the speaker, the speaker's words, and what a paragraph must hold to name the speaker (the
    names, words with a capital, or the last word of a speaker without one, "the mayor";
    ``None`` when a figure makes it no speaker: "— the captain, 20 minutes late"). ``None``
    for any other paragraph.

    >>> attribution("“We will rebuild it.” — Mayor Ingrid Solberg", "we will rebuild it mayor ingrid solberg")
    ('we will rebuild it', 3, ('mayor', 'ingrid', 'solberg'))
    """  # noqa: E501
    attributed = _ATTRIBUTED.fullmatch(raw.strip())
    if attributed is None:
        return None
    speaker = canonical_form(attributed[1])
    words = word_count(speaker)
    if not 0 < words <= ATTRIBUTION_WORDS or not canonical.endswith(" " + speaker):
        return None
    named = _WORDS.findall(attributed[1])
    wanted = [w for w in named if w[:1].isupper()] or named[-1:]
    names = None if any(c.isdigit() for c in attributed[1]) else tuple(map(canonical_form, wanted))
    return canonical[: -len(speaker) - 1], words, names


def names_speaker(names: tuple[str, ...] | None, canon: str) -> bool:
    """Whether canonical ``canon`` names a pull quote's speaker (``names``: see
    :func:`attribution`)."""
    if names is None:
        return False
    held = set(canon.split(" "))
    return all(name in held for name in names)
