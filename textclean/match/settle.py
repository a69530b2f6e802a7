"""Settling the outcome of matching: what goes last, and what each removal points at.

Passes that run on the duplicates found, once the tiers are done: paragraphs without a word that
stand between removed ones, a gallery's counters, a pull quote's speaker under it, a photo's
alt text beside its credited caption, ``keep="longest"``, the body's copy of a highlights box's
item and the label of a box whose items went, references to paragraphs removed since (which
follow that paragraph's own duplicate to one that stays), and the earlier document that holds
most of this one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import accumulate, pairwise

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from textclean.align import (
    AFFIX_WORDS,
    DATELINE,
    NUMBER_WORDS,
    RAW_WORD,
    figures,
    list_number,
    whole_words_in,
)
from textclean.boilerplate import PHOTO_AGENCIES, PHOTO_AGENCY_NAMES, is_footer_link
from textclean.canonical import canonical_paragraphs, word_count
from textclean.match.merged import HEADING_WORDS, MAX_PASSED
from textclean.match.model import Removals, describe
from textclean.match.page import ATTRIBUTION_WORDS
from textclean.match.runs import worded_neighbours
from textclean.results import DocumentMatch, Duplicate
from textclean.segment import LIST_MARKER

__all__ = [
    "HIGHLIGHTS_LABEL",
    "Retargeting",
    "document_match",
    "kept_original",
    "prefer_body_to_box",
    "prefer_longest",
    "prefer_undamaged_copy",
    "remove_box_labels",
    "remove_buttons",
    "remove_captions",
    "remove_contents",
    "remove_contents_line",
    "remove_counters",
    "remove_menus",
    "remove_speakers",
    "remove_wordless",
    "resolve_references",
    "retargeted",
    "same_text_as_kept",
]


def remove_wordless(canonical: Sequence[str], found: dict[int, Duplicate]) -> None:
    """Remove each run of paragraphs without a word ("* * *", "---") whose neighbours with
    words are both removed, or that stands after the last kept paragraph with words and
    before a removed one (or the other way round): the section breaks of a copy that goes.
    (Those between kept paragraphs stay, and those at either end of the document beside a
    kept one, as does a document of nothing else.)"""
    if all(canonical) or not any(canonical):
        return  # (no paragraph without a word, or nothing else)
    kept = [k for k in range(len(canonical)) if canonical[k] and k not in found]
    first_kept, last_kept = (kept[0], kept[-1]) if kept else (len(canonical), -1)
    rule = "no words, between removed paragraphs"
    beside = worded_neighbours(canonical)  # (-1: none)
    for k in range(len(canonical)):
        if canonical[k] or k in found:
            continue
        before, after = beside[-1][k], beside[1][k]
        both_go = all(n < 0 or n in found for n in (before, after))
        trailing = k > last_kept and after >= 0  # (then ``after`` is removed)
        leading = k < first_kept and before >= 0
        if both_go or trailing or leading:
            found[k] = Duplicate(k, None, "boilerplate", 1.0, rule)


class Retargeting:
    """Removes paragraphs of ``found`` as contained in later ones, each time pointing the
    duplicates of the paragraph removed at what contains it.

    It keeps which removals name each paragraph among their originals, worked out again only
    when ``found`` changed otherwise than through :meth:`remove` (a document with thousands of
    removals would else be read whole for each)."""

    def __init__(self, found: Removals) -> None:
        self.found = found
        self._changes = -1  # found.changes when _naming was last right
        self._naming: dict[int, set[int]] = {}

    def _current(self) -> dict[int, set[int]]:
        if self._changes != self.found.changes:
            naming: dict[int, set[int]] = {}
            for k, dup in self.found.items():
                if dup.doc_id is None:
                    for o in dup.originals:
                        naming.setdefault(o, set()).add(k)
            self._naming = naming
            self._changes = self.found.changes
        return self._naming

    def remove(self, j: int, dup: Duplicate) -> None:
        """Remove paragraph ``j`` (kept so far) as ``dup``, and point its duplicates at what
        contains it."""
        naming, found = self._current(), self.found
        found[j] = dup
        if dup.doc_id is None:
            for o in dup.originals:
                naming.setdefault(o, set()).add(j)
        for k in sorted(naming.pop(j, ())):
            found[k] = retargeted(found[k], j, dup)
            for o in dup.originals:
                naming.setdefault(o, set()).add(k)
        self._changes = found.changes


# A quotation's speaker on a line of their own, after a dash ("— Jane Doe, council member")
_SPEAKER = regex.compile(r"\s*(?:—|–|―|--)\s*\p{L}[^.!?:;\"“”«»\n]{0,78}")
_QUOTE_ENDS = ('"', "”", "»", "’", "'")  # (a quotation's closing mark, maybe before a stop)


def remove_speakers(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate]
) -> None:
    """Remove each kept line that names a quotation's speaker after a dash ("— Jane Doe,
    council member", a dash and no hyphen: :data:`~textclean.match.page.ATTRIBUTION_WORDS`
    words at most, no sentence, a comma after the name or a quotation's closing mark above)
    right under a paragraph that went as a repeat of another (a pull quote lifted from the
    body, with its speaker on a line below it): the line is the quotation's, and goes with
    it. Under a kept paragraph, a boilerplate line or an item of a list (the paragraph above
    opens with a list's marker, or one below does: a list of items after dashes, whose first
    went as a repeat), or a paragraph of fewer than
    :data:`~textclean.match.merged.HEADING_WORDS` words, it stays.

    >>> quote = "“We will rebuild it, and we will do it within a year,” she said."
    >>> texts = [quote, "— Jane Doe, council member", "Fine.", "— Tom Doe"]
    >>> found = {0: Duplicate(0, 5, "contained", 1.0, "its words appear in paragraph 5", (5,))}
    >>> remove_speakers(texts, [t.lower() for t in texts], found)
    >>> sorted(found), found[1].rule
    ([0, 1], "a quotation's speaker, under the quotation that went")
    """
    for k in range(1, len(texts)):
        above = found.get(k - 1)
        if (
            above is None
            or above.kind == "boilerplate"
            or k in found
            or not 0 < word_count(canonical[k]) <= ATTRIBUTION_WORDS
            or not _SPEAKER.fullmatch(texts[k])
            or word_count(canonical[k - 1]) < HEADING_WORDS
            or LIST_MARKER.match(texts[k - 1].lstrip())
            or (k + 1 < len(texts) and LIST_MARKER.match(texts[k + 1].lstrip()))
            or not ("," in texts[k] or texts[k - 1].rstrip().rstrip(".").endswith(_QUOTE_ENDS))
        ):
            continue
        rule = "a quotation's speaker, under the quotation that went"
        found[k] = Duplicate(k, None, "boilerplate", 1.0, rule)


# "3 of 12", or "3 12" of a line that says "3 / 12", in canonical text
_COUNTER = regex.compile(r"(\d{1,3}) (of )?(\d{1,3})")
_COUNTER_CHARS = len("100 of 120")  # (the longest, so that longer lines are not matched)


def remove_counters(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate]
) -> None:
    """Remove a gallery's counters: kept lines that are only "1 of 3", "2 of 3", ... or "1 / 3",
    "2 / 3", ... (each below a photo, or above its caption), two or more with the same total and
    the first figure rising from one to the next, none past the total (a second gallery of as
    many photos starts again). A single one, figures that do not rise ("3 of 5", then "2 of 4": a
    table's cells), and figures with another mark between them (a match's score, "1-2" then
    "2-2") stay. With a slash they count from one and one by one: "5 / 10" and "10 / 10" are
    ratings.

    >>> found = {}
    >>> lines = ["1 of 3", "A crane lifts a beam.", "2 of 3", "3 of 5", "2 of 4"]
    >>> remove_counters(lines, [t.lower().rstrip(".") for t in lines], found)
    >>> sorted(found), found[0].rule
    ([0, 2], "a gallery's counter (one of 2 that count up to 3)")
    >>> found = {}
    >>> remove_counters(["1 / 2", "2 / 2", "1-2", "2-2", "5 / 10", "10 / 10"],
    ...                 ["1 2", "2 2", "1 2", "2 2", "5 10", "10 10"], found)
    >>> sorted(found)
    [0, 1]
    """
    runs: dict[tuple[int, bool], list[list[int]]] = {}  # (total, slashed): the runs of rising
    # counters, each its lines
    last: dict[tuple[int, bool], int] = {}  # (total, slashed): the figure of the last counter
    for k, text in enumerate(canonical):
        match = _COUNTER.fullmatch(text) if k not in found and len(text) <= _COUNTER_CHARS else None
        if match is None or not (match[2] or "/" in texts[k]):
            continue
        number, total = int(match[1]), int(match[3])
        if not 0 < number <= total:
            continue
        key = (total, not match[2])  # (counters with a slash count apart)
        if not match[2] and number not in (1, last.get(key, 0) + 1):
            continue  # (with a slash, from one and one by one: not ratings, "5 / 10", "10 / 10")
        if number <= last.get(key, 0):  # (the count starts again: another gallery)
            runs[key].append([])
        runs.setdefault(key, [[]])[-1].append(k)
        last[key] = number
    for (total, _), counted in runs.items():
        for lines in counted:
            if len(lines) < 2:
                continue
            rule = f"a gallery's counter (one of {len(lines)} that count up to {total})"
            for k in lines:
                found[k] = Duplicate(k, None, "boilerplate", 1.0, rule)


# A page's share buttons, one a line (canonical text), and those that name no platform.
_SHARE_BUTTONS = frozenset({
    "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e mail", "pinterest", "reddit",
    "telegram", "print", "copy link", "flipboard", "messenger", "threads", "bluesky", "sms",
})  # fmt: skip
_NO_PLATFORM = frozenset({"email", "e mail", "print", "copy link", "sms"})
_SHARING_WORDS = frozenset({"share", "tweet", "email", "print"})  # (in a boilerplate line)
# A consent dialog's buttons ("OK", "Got it", "More options"), beside its lines ("We value your
# privacy", "We and our 842 partners store ...")
_DIALOG_BUTTONS = frozenset({
    "ok", "okay", "got it", "accept", "agree", "i agree", "close", "dismiss", "decline",
    "reject", "no thanks", "more options", "manage options", "options", "privacy settings",
    "settings", "learn more", "continue",
})  # fmt: skip
_CONSENT_WORDS = frozenset({"cookie", "cookies", "consent", "privacy", "partners", "accepting"})
# A media player's controls and times ("Close", "Play", "04:16"), beside its lines ("Now
# playing", "Autoplay", "Download audio")
_PLAYER_BUTTONS = frozenset({
    "close", "play", "pause", "replay", "listen", "mute", "up next", "fullscreen", "captions",
    "cc", "watch later", "more videos", "info", "shopping", "cancel", "confirm", "watch on",
    "youtube", "tiktok", "vimeo",
})  # fmt: skip
_DURATION = re.compile(r"\d{1,2} \d{2}(?: \d{2})?")  # ("04:16", "1:02:03", canonical)
_PLAYER_WORDS = frozenset({
    "autoplay", "unmute", "replay", "playing", "audio", "narrated", "playback", "youtube",
    "sound",
})  # fmt: skip
# An accessibility overlay's buttons ("Text size", "High contrast", "Reading mask"), beside its
# lines ("Use website in a screen-reader mode", "Powered by UserWay")
_OVERLAY_BUTTONS = frozenset({
    "text size", "text to speech", "dark contrast", "light contrast", "high contrast",
    "contrast", "reading mask", "reading guide", "highlight links", "grayscale", "greyscale",
    "hide images", "decrease text", "increase text", "reset text size", "text spacing",
    "line height", "big cursor", "dyslexia friendly", "invert colours", "invert colors",
    "keyboard navigation", "stop animations", "pause animations", "saturation", "reset",
    "close", "a a a", "a a", "accessibility statement", "ctrl u", "readable font",
    "reset all settings", "reset settings", "accessibility options", "accessibility tools",
    "accessibility menu", "accessibility adjustments", "accessibility settings",
})  # fmt: skip
_OVERLAY_WORDS = frozenset({"screen", "userway", "accessibility"})
# A feedback widget's answers ("Yes", "No", "Informed", "Submit"), beside its question ("Was
# this article helpful?"); a push prompt's buttons ("Allow", "Not now"), beside its lines; a
# chart's or map's ("Get the data", "Zoom in", "Satellite"), beside its embed's lines
_FEEDBACK_BUTTONS = frozenset({
    "yes", "no", "yes no", "submit", "send", "tell us more", "informed", "surprised", "angry",
    "inspired", "happy", "sad", "amused", "concerned", "curious",
})  # fmt: skip
_FEEDBACK_WORDS = frozenset({"helpful", "useful", "feedback", "rate", "feel", "think"})
_PROMPT_BUTTONS = frozenset({
    "allow", "not now", "no thanks", "maybe later", "later", "block", "yes please", "dismiss",
    "cancel", "enable", "turn on", "close",
})  # fmt: skip
_PROMPT_WORDS = frozenset({"notifications", "alerts"})
_EMBED_BUTTONS = frozenset({
    "get the data", "embed", "download image", "download data", "toggle fullscreen view",
    "directions", "map", "satellite", "terrain", "zoom in", "zoom out", "terms",
    "keyboard shortcuts", "full screen", "fullscreen", "source", "view larger map", "infogram",
})  # fmt: skip
_EMBED_WORDS = frozenset({"map", "datawrapper", "flourish", "chart", "pegman", "infogram"})
# A translation widget's list of languages, each by its English name or its own ("Español",
# "Chinese (Simplified)", or a row of them), and its buttons ("Translate", "Original text"),
# beside its lines ("Select Language", "Powered by Google Translate"); canonical
_LANGUAGE_NAMES = (  # (the words of their names)
    "afrikaans albanian amharic arabic armenian azerbaijani bahasa basque bengali bosanski "
    "bosnian bulgarian burmese catala catalan cestina chinese creole croatian czech danish "
    "dansk dari deutsch dutch english espanol estonian farsi filipino finnish francais french "
    "galician georgian german greek gujarati haitian hausa hebrew hindi hmong hrvatski "
    "hungarian icelandic igbo indonesian irish italian italiano japanese kannada kazakh khmer "
    "kiswahili korean kreyol kurdish lao latin latvian lithuanian macedonian magyar malay "
    "malayalam maltese marathi melayu mongolian nederlands nepali norsk norwegian pashto "
    "persian polish polski portugues portuguese punjabi romana romanian russian serbian shqip "
    "simplified sinhala slovak slovencina slovenian somali soomaali spanish suomi svenska "
    "swahili swedish tagalog tamil telugu thai tieng traditional turkce turkish ukrainian "
    "urdu uzbek viet vietnamese welsh xhosa yiddish yoruba zulu ελληνικα русскии српски "
    "украінська հայերեն עברית اردو العربية فارسی हिन्दी বাংলা ਪੰਜਾਬੀ ქართული አማርኛ 한국어"
)
_LANGUAGE_WORDS = frozenset(_LANGUAGE_NAMES.split())
_TRANSLATE_BUTTONS = frozenset({"translate", "original text"})  # (they tell the run alone)
_LANGUAGE_LINES = _TRANSLATE_BUTTONS | {
    "中 文",
    "日 本 語",
    "简 体 中 文",
    "繁 體 中 文",
    "ไ ท ย",
    "language",
    "languages",
}
_TRANSLATE_WORDS = frozenset({"translate", "translation", "translations", "language"})
# A raw mail's part headers that an article about the web prints too ("Content-Type:
# text/plain; charset=UTF-8"), beside those of a mail alone ("MIME-Version: 1.0",
# "Content-Transfer-Encoding: quoted-printable")
_MAIL_HEADERS = ("content type ", "content disposition ")  # (canonical)
_MAIL_WORDS = frozenset({"mime", "transfer"})
# A dump of a page's meta tags, one a line: its plain keys ("description: ...", "keywords =
# ...", "title | ...") beside its Open Graph ones ("og:title: ...", boilerplate lines)
_META_KEYS = (
    "description ", "keywords ", "title ", "author ", "robots ", "viewport ", "generator ",
    "site name ", "theme color ",
)  # fmt: skip
_META_WORDS = frozenset({"og"})


def remove_buttons(canonical: Sequence[str], found: dict[int, Duplicate]) -> None:
    """Remove a page's share buttons printed one a line ("Facebook", "Twitter", "Email"): kept
    lines that are each one button's name, in a run of such lines and removed boilerplate lines
    (blank ones aside) that holds two lines or more, among them a button that names no
    platform ("Email", "Print", "Copy link") or a boilerplate line about sharing ("Share",
    "Share this article"). A list of platforms alone ("Facebook", "Twitter", "TikTok" in an
    article about them) stays, and so does one button's name alone, and an "X" with no other
    button's name beside it (a line of code after a row of share links).

    A consent dialog's buttons go the same way ("OK", "Got it", "More options"), in a run with
    one of the dialog's boilerplate lines at least (one that speaks of cookies, consent,
    privacy or partners): beside a sentence, or alone, "OK" stays. So do a media player's
    controls and times ("Close", "Play", "04:16"), in a run with one of its boilerplate lines
    ("Now playing", "Autoplay", "Download audio"): a live page's time stays. And an
    accessibility overlay's buttons ("Text size", "High contrast", "Reading mask"), in a run
    with one of its lines ("Use website in a screen-reader mode", "Powered by UserWay"); a
    feedback widget's answers ("Yes", "No", "Informed") beside its question ("Was this article
    helpful?"); a push prompt's buttons ("Allow", "Not now") beside its lines ("Turn on
    notifications"); an embedded chart's or map's ("Get the data", "Zoom in") beside its
    embed's ("Created with Datawrapper", "Map data ©2024 Google"); a raw mail's
    "Content-Type: ..." beside its "MIME-Version: 1.0" (an article's request keeps its own);
    a dump of meta tags' plain keys ("description: ...", "keywords: ...") beside its Open
    Graph ones ("og:title: ...").

    >>> found = {0: Duplicate(0, None, "boilerplate", 1.0, "boilerplate pattern 'share'")}
    >>> remove_buttons(["share", "facebook", "twitter", "the council met", "facebook"], found)
    >>> sorted(found), found[1].rule
    ([0, 1, 2], 'a share button among others')
    >>> found = {}
    >>> remove_buttons(["facebook", "twitter", "tiktok"], found)
    >>> found
    {}
    >>> found = {1: Duplicate(1, None, "boilerplate", 1.0, "boilerplate pattern 'cookie consent'")}
    >>> remove_buttons(["the council met", "cookie consent", "ok", "the end", "ok"], found)
    >>> sorted(found), found[2].rule
    ([1, 2], "a dialog's button beside its lines")
    """
    for is_button, telling, words, rule in _BUTTON_KINDS:
        _remove_buttons(canonical, found, is_button, telling, words, rule)


def _is_player_control(text: str) -> bool:
    return text in _PLAYER_BUTTONS or _DURATION.fullmatch(text) is not None


def _is_language(text: str) -> bool:
    if text in _LANGUAGE_LINES:
        return True
    first, _, rest = text.partition(" ")  # (most paragraphs open with another word: told there)
    return first in _LANGUAGE_WORDS and (not rest or _LANGUAGE_WORDS.issuperset(rest.split(" ")))


# Each kind of buttons :func:`remove_buttons` removes: what a button is, the buttons that tell
# the run alone (a share button naming no platform), the words of a boilerplate line that tell
# it, and the rule.
_BUTTON_KINDS: tuple[
    tuple[Callable[[str], bool], frozenset[str], frozenset[str], str], ...
] = (
    (_SHARE_BUTTONS.__contains__, _NO_PLATFORM, _SHARING_WORDS, "a share button among others"),
    (_DIALOG_BUTTONS.__contains__, frozenset(), _CONSENT_WORDS,
     "a dialog's button beside its lines"),
    (_is_player_control, frozenset(), _PLAYER_WORDS, "a media player's control beside its lines"),
    (_OVERLAY_BUTTONS.__contains__, frozenset(), _OVERLAY_WORDS,
     "an accessibility overlay's button beside its lines"),
    (_FEEDBACK_BUTTONS.__contains__, frozenset(), _FEEDBACK_WORDS,
     "a feedback widget's answer beside its question"),
    (_PROMPT_BUTTONS.__contains__, frozenset(), _PROMPT_WORDS,
     "a push prompt's button beside its lines"),
    (_EMBED_BUTTONS.__contains__, frozenset(), _EMBED_WORDS,
     "an embedded chart's or map's button beside its lines"),
    (lambda text: text.startswith(_MAIL_HEADERS), frozenset(), _MAIL_WORDS,
     "a raw mail's header beside its others"),
    (_is_language, _TRANSLATE_BUTTONS, _TRANSLATE_WORDS,
     "a translation widget's language beside its lines"),
    (lambda text: text.startswith(_META_KEYS), frozenset(), _META_WORDS,
     "a meta tag beside the page's others"),
)  # fmt: skip


def _remove_buttons(
    canonical: Sequence[str], found: dict[int, Duplicate], is_button: Callable[[str], bool],
    telling: frozenset[str], words: frozenset[str], rule: str,
) -> None:  # fmt: skip
    """:func:`remove_buttons` for one kind of buttons (the lines ``is_button`` says are
    one): a run qualifies by one of the ``telling`` buttons or a boilerplate line with one of
    ``words``."""
    if not any(map(is_button, canonical)):
        return  # (the commonest case, told at C speed for most kinds)
    run: list[int] = []  # (the kept buttons of the run)
    size = 0  # (its lines, buttons and boilerplate lines)
    telling_run = False  # (whether a button or a boilerplate line tells what the run is)

    def close() -> None:  # (an "x" alone is no button: a line of code, a table's cell, a sign)
        if size >= 2 and telling_run and any(canonical[b] != "x" for b in run):
            for b in run:
                found[b] = Duplicate(b, None, "boilerplate", 1.0, rule)
                _hand_over(found, b, lambda k: not is_button(canonical[k]))

    for k, text in enumerate(canonical):
        if not text:
            continue
        dup = found.get(k)
        if dup is None and is_button(text):
            run.append(k)
        elif dup is not None and dup.kind == "boilerplate":
            telling_run = telling_run or not words.isdisjoint(text.split())
        else:
            close()
            run, size, telling_run = [], 0, False
            continue
        size += 1
        telling_run = telling_run or text in telling
    close()


def _hand_over(found: dict[int, Duplicate], b: int, may_stay: Callable[[int], bool]) -> None:
    """Keep the first paragraph that went as a copy of paragraph ``b``, which goes as a
    boilerplate line now, if ``may_stay`` says so, and point the others that named ``b`` at
    it: a meta tag's description goes, and the lede it repeats stays (a button's repeat, a
    button itself, goes with it)."""
    named = [i for i, dup in found.items() if i != b and dup.doc_id is None and dup.original == b]
    if named and may_stay(first := min(named)):
        del found[first]
        _repoint(found, b, first)


# A site's menu: links to its sections, in a row or one a line, one of them to the home page or
# the menu itself; each link is a few capitalised words with no sentence's punctuation.
_MENU_NAMES = frozenset({"home", "menu"})
_MENU_SEPARATOR = re.compile(r"\s+[|·•/»>›]\s+")  # (between the links of a row)
_TRAIL_SEPARATORS = frozenset("»>›")  # (a breadcrumb trail's: "Home › Opinion")
# (a link's text: words and nothing else, no lead-in's colon at its end: not "Rating: ★★★★★")
_MENU_ITEM = regex.compile(r"(?:\p{Lu}|\d)[\p{L}\p{N} &'’:-]{0,29}(?<!:)")
_MENU_ITEM_WORDS = 3
_MENU_LINKS = 4  # (the fewest links of a menu, the home page's among them)
# ... or a page's footer, its links one a line, three of them or more (canonical text): those
# of a row of them (boilerplate.is_footer_link), and these, short or a law's.
_FOOTER_MORE = frozenset({
    "about", "contact", "cookie settings", "corrections", "jobs", "masthead", "privacy", "rss",
    "your privacy choices",
})  # fmt: skip
_FOOTER_LINKS = 3
_MENU_CHARS = 400  # (the longest row of links looked for)
_MENU_LONG_WORDS = 12  # (a paragraph of the article; a menu stands above or below them all)


def remove_menus(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate]
) -> None:
    """Remove a site's menu: a kept paragraph that is a row of :data:`_MENU_LINKS` links or more
    ("Log in | Home | Local | Culture | Tech"), or a breadcrumb trail from the home page ("Home ›
    Opinion"), and a run of such links one a line, removed boilerplate lines among them
    ("Newsletters"), above or below every paragraph of the article's length. One of the links
    is "Home" or "Menu", or three of them a footer's ("About Us", "Privacy Policy", "Sitemap"): a
    list of short items is no menu ("Eggs", "Milk", "Flour").

    >>> lines = ["Menu", "Home", "World", "Sport", "The council met on Tuesday to approve the plan for a new bridge over the river."]
    >>> found = {}
    >>> remove_menus(lines, [t.casefold().rstrip(".") for t in lines], found)
    >>> sorted(found), found[1].rule
    ([0, 1, 2, 3], "a link of a site's menu, one a line")
    """  # noqa: E501
    rule, link = "a site's menu, its links in a row", "a link of a site's menu, one a line"
    menu: set[int] = set()  # (the links removed one a line)
    run: list[int] = []  # (the kept links of a run, one a line)
    size = 0  # (its lines, links and removed boilerplate lines)
    long_before = False  # (whether a paragraph of the article's length stands before the run)

    def close(long_after: bool) -> None:
        if not run:
            return
        # (Links of more than one word at either end may be the article's first or last
        # lines, a name or a credit: "Home", "Tech", then "Jane Doe".)
        links = run
        while links and " " in canonical[links[-1]] and not _footer(canonical[links[-1]]):
            links = links[:-1]
        while links and " " in canonical[links[0]] and not _footer(canonical[links[0]]):
            links = links[1:]
        if size - (len(run) - len(links)) < _MENU_LINKS or (long_before and long_after):
            return
        named = {canonical[k] for k in links}
        footer = sum(map(_footer, named))
        if not _MENU_NAMES.isdisjoint(named) or footer >= _FOOTER_LINKS:
            for k in links:
                found[k] = Duplicate(k, None, "boilerplate", 1.0, link)
                menu.add(k)

    for k, text in enumerate(canonical):
        if not text:
            continue
        dup = found.get(k)
        if dup is None and _is_menu_row(texts[k]):
            found[k] = Duplicate(k, None, "boilerplate", 1.0, rule)
            dup = found[k]
        if (
            dup is None
            and text.count(" ") < _MENU_ITEM_WORDS
            and _MENU_ITEM.fullmatch(texts[k].strip())
        ):
            run.append(k)
        elif dup is not None and dup.kind == "boilerplate" and text.count(" ") < _MENU_ITEM_WORDS:
            pass
        else:
            long = text.count(" ") + 1 >= _MENU_LONG_WORDS
            close(long)
            long_before = long_before or long
            run, size = [], 0
            continue
        size += 1
    close(False)
    # The menu's repeats (below the article, as the page prints it again) go as it does.
    if menu:
        for k, dup in list(found.items()):
            if dup.original in menu and dup.doc_id is None:
                found[k] = Duplicate(k, None, "boilerplate", 1.0, f"{link}, repeated")


def _footer(text: str) -> bool:
    """Whether canonical ``text`` is a link of a page's footer (:func:`remove_menus`)."""
    return text in _FOOTER_MORE or is_footer_link(text)


def _is_menu_row(raw: str) -> bool:
    """Whether ``raw`` is a row of a site's links (:func:`remove_menus`)."""
    if len(raw) > _MENU_CHARS or "." in raw or "," in raw or not _MENU_SEPARATOR.search(raw):
        return False
    items = _MENU_SEPARATOR.split(raw.strip())
    names = [item.casefold() for item in items]
    trail = len(items) >= 2 and names[0] == "home" and set(raw) & _TRAIL_SEPARATORS
    if not trail and (len(items) < _MENU_LINKS or _MENU_NAMES.isdisjoint(names)):
        return False
    return all(item.count(" ") < _MENU_ITEM_WORDS and _MENU_ITEM.fullmatch(item) for item in items)


# A caption's credit after its text: names in brackets ("(Jane Doe/Reuters)", "[AP Photo/Jane
# Doe]") or after a label ("Photo: Jane Doe/AP", "Image credit: Getty Images"), and nothing else.
_CREDIT_LABEL = r"(?:(?:photo|image|picture|photograph)(?:\s+credit)?|credit|source)\s*[:：]"
_CAPTION_CREDIT = re.compile(
    r"[.!?…\"'”’]*\s*(?:[(\[]\s*(?:(?:photo|image|picture|credit)s?\s*[:：]\s*)?"
    r"(?P<bracketed>[^()\[\]]+)[)\]]|" + _CREDIT_LABEL + r"\s*(?P<labelled>.+))\s*",
    re.IGNORECASE,
)
# ... or, with no label or brackets, names that end with an agency's ("Jane Doe/Getty Images",
# "AFP via Getty Images", "Reuters"): a news page prints its captions' credits so.
_AGENCY_CREDIT = re.compile(
    r"[.!?…\"'”’]*\s+(?P<agency>(?:[^\s()\[\]]+\s+){0,6}?[^\s()\[\]]*?(?<![\w-])(?:"
    + PHOTO_AGENCY_NAMES
    + r"))\s*"
)
_CREDIT_WORDS = 8  # (the most words of such a credit: "Jane Doe for The New York Times")
_CREDIT_JOINERS = frozenset(
    {"via", "for", "and", "of", "the", "de", "van", "von", "courtesy", "by"}
)  # ("Photo by Jane Doe / AP")
_CAPTION_WORDS = 3  # (the fewest words of a caption: "Price" over "Price (USD)" is a table's)


def remove_captions(
    texts: Sequence[str],
    canonical: Sequence[str],
    found: dict[int, Duplicate],
    structured: Collection[int],
    *,
    held: Callable[[int, int], int | None] | None = None,
) -> None:
    """Remove each kept paragraph (of :data:`_CAPTION_WORDS` words or more) that the kept
    paragraph right before or after it says again with a credit, and nothing else, at its
    end: a photo's alt text beside its caption ("A crane lifts a beam." and "A crane lifts a
    beam. (Jane Doe/AP)"), as a converter to Markdown or a scraper prints both. The caption
    holds the text and its credit. (A short line is no paragraph contained in a later one,
    and a longer one may stay as a statement of its own that a later paragraph repeats.)

    A caption with a credit goes too when its text is whole sentences of a kept paragraph of
    the body (a page captions a photo with a sentence of the article): ``held(k, n)`` is the
    kept paragraph, other than ``k``, that holds the first ``n`` words of paragraph ``k`` as
    whole sentences, or ``None``.

    >>> texts = ["A crane lifts a beam.", "A crane lifts a beam. (Jane Doe/AP)", "Price (USD)"]
    >>> canonical = ["a crane lifts a beam", "a crane lifts a beam jane doe ap", "price usd"]
    >>> found = {}
    >>> remove_captions(texts, canonical, found, ())
    >>> sorted(found), found[0].rule
    ([0], 'its words open later paragraph 1, a caption that adds its credit')
    """
    kept = [k for k in range(len(canonical)) if k not in found and k not in structured]
    for a, b in pairwise(kept):  # (beside each other, removed paragraphs aside)
        _caption_pair(texts, canonical, found, a, b)
    # (the captions each kept paragraph may be with a credit after them: few have any)
    credited = {k: c for k in kept if (c := credited_captions(texts[k], canonical[k]))}
    _captions_credited_again(canonical, found, credited)
    if held is not None:
        _captions_held(canonical, found, credited, held)
    # A caption that went as an exact repeat of a kept one, right after the text without its
    # credit (a gallery at the page's foot prints both): the text goes as held by the kept one.
    for a in kept:
        b = a + 1
        while b < len(canonical) and not canonical[b]:
            b += 1
        dup = found.get(b)
        if (
            dup is not None and dup.kind == "exact" and dup.doc_id is None
            and dup.original is not None and dup.original not in found
        ):  # fmt: skip
            _caption_pair(texts, canonical, found, a, b, dup.original)


# How a caption with a credit ends (quick tests of its last characters): with brackets, a
# label's colon before the names, or an agency's name (see _CAPTION_CREDIT, _AGENCY_CREDIT).
_LABELLED = re.compile(_CREDIT_LABEL, re.IGNORECASE)
_AGENCY_LAST = frozenset(name.rsplit(" ", 1)[-1].casefold() for name in PHOTO_AGENCIES)
_CAPTION_CHARS = 400  # (the longest caption with its credit looked for)
_STATEMENT_END = tuple(".!?…\"'”’")  # (but a credit in brackets may end before a full stop)


def _captions_credited_again(
    canonical: Sequence[str], found: dict[int, Duplicate], credited: Mapping[int, list[str]]
) -> None:
    """Remove each of the kept paragraphs ``credited`` with captions (:func:`credited_captions`,
    in order) that is an earlier one's caption with another credit ("... on Tuesday.
    Photograph: Jane Doe/Reuters", then in a gallery at the page's foot "... on Tuesday. Credit:
    Reuters"): both end with a credit (:func:`_credit_after`) after the same words,
    :data:`_CAPTION_WORDS` or more plus one.

    >>> canonical = ["crowds wait at the quay photo jane doe ap", "the quay", "crowds wait at the quay jane roe reuters"]
    >>> found = {}
    >>> _captions_credited_again(canonical, found, {0: ["crowds wait at the quay"], 2: ["crowds wait at the quay"]})
    >>> found[2].rule
    "its caption is paragraph 0's, with another credit"
    """  # noqa: E501
    first: dict[str, int] = {}  # (each caption's text, without its credit: where it stands)
    for k, captions in credited.items():
        words = canonical[k].split(" ")
        original = next((first[c] for c in captions if c in first), None)
        if original is None:
            first.update((c, k) for c in captions if c not in first)
            continue
        share = max(c.count(" ") + 1 for c in captions if first.get(c) == original) / len(words)
        rule = f"its caption is paragraph {original}'s, with another credit"
        found[k] = Duplicate(k, original, "contained", share, rule, (original,))


def _captions_held(
    canonical: Sequence[str], found: dict[int, Duplicate], credited: Mapping[int, list[str]],
    held: Callable[[int, int], int | None],
) -> None:  # fmt: skip
    """Remove each of the kept paragraphs ``credited`` with captions that is a caption with a
    credit whose text a kept paragraph of the body holds as whole sentences
    (:func:`remove_captions`): the body holds its words, and the credit is the photo's, no text
    of the article. (A paragraph that is a caption itself holds no other's: a caption printed
    again with another credit is :func:`_captions_credited_again`'s.)"""
    for k, captions in credited.items():
        if k in found:
            continue
        for caption in captions:
            n = caption.count(" ") + 1
            j = held(k, n)
            if j is not None and j not in found and j not in credited:
                rule = f"its caption is a sentence of paragraph {j}, with a credit"
                share = n / (canonical[k].count(" ") + 1)
                found[k] = Duplicate(k, j, "contained", share, rule, (j,))
                break


def credited_captions(raw: str, text: str) -> list[str]:
    """The captions that paragraph ``raw`` (canonical ``text``) may be with a credit after them
    (:func:`_credit_after`), in canonical form, the longest first; none for most paragraphs.
    Every split that leaves a credit: one credit may read as longer than another, its
    caption's last words capitalised ("... in Kingsbury. Credit: Reuters").

    >>> credited_captions("Crowds wait at the quay. Photo: Jane Doe/AP", "crowds wait at the quay photo jane doe ap")
    ['crowds wait at the quay photo jane', 'crowds wait at the quay']
    >>> credited_captions("Crowds wait at the quay.", "crowds wait at the quay")
    []
    """  # noqa: E501
    raw = raw.rstrip()
    if not raw or len(raw) > _CAPTION_CHARS or raw.endswith(_STATEMENT_END):
        return []  # (a credit ends no statement; a link's note alone is matched as no text)
    tail = raw[-80:]
    last = tail.rsplit(None, 1)[-1].rsplit("/", 1)[-1].casefold()
    if not (
        tail.endswith((")", "]"))
        or last in _AGENCY_LAST
        or ((":" in tail or "：" in tail) and _LABELLED.search(tail))
    ):
        return []
    words = text.split(" ")
    start = max(_CAPTION_WORDS + 1, len(words) - _CREDIT_WORDS - 2)
    return [
        caption
        for caption in (" ".join(words[:n]) for n in range(len(words) - 1, start - 1, -1))
        if _credit_after(raw, caption)
    ]


def _caption_pair(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate],
    a: int, b: int, held: int | None = None,
) -> None:  # fmt: skip
    """Remove the shorter of paragraphs ``a`` and ``b`` if the longer says it again with a
    credit and nothing else at its end (:func:`remove_captions`); the longer's text stands at
    ``held`` (the kept paragraph it repeats), or where it is."""
    shorter, longer = (a, b) if len(canonical[a]) < len(canonical[b]) else (b, a)
    held = longer if held is None else held
    text = canonical[shorter]
    if (
        a in found  # (the caption of the pair before)
        or shorter in found
        or not canonical[longer].startswith(text + " ")
        or b - a > MAX_PASSED
        or word_count(text) < _CAPTION_WORDS
        or not _credit_after(texts[longer], text)
    ):
        return
    rule = f"its words open {'later ' if held > shorter else ''}paragraph {held}"
    found[shorter] = Duplicate(
        shorter, held, "contained", 1.0, f"{rule}, a caption that adds its credit", (held,)
    )


def _credit_after(raw: str, text: str) -> bool:
    """Whether the ``raw`` text of a paragraph has nothing after the words of canonical ``text``
    (which open it) but a credit (:data:`_CAPTION_CREDIT`, or :data:`_AGENCY_CREDIT` with no
    label or brackets): up to :data:`_CREDIT_WORDS` words, each opening with a capital but
    "via", "for" and the like, no figure, and in brackets two names or more, or a name and an
    agency ("(Jane Doe/AP)").

    >>> _credit_after("A crane lifts a beam. Jane Doe/Getty Images", "a crane lifts a beam")
    True
    >>> _credit_after("Harbour Bridge at night Apple", "harbour bridge at night")
    False
    """
    ends = [m.end() for m in RAW_WORD.finditer(raw)]
    words = text.count(" ") + 1
    if len(ends) <= words:
        return False
    match = _CAPTION_CREDIT.fullmatch(raw, ends[words - 1])
    agency = None if match else _AGENCY_CREDIT.fullmatch(raw, ends[words - 1])
    if agency is not None:
        bracketed, credit = None, agency.group("agency")
    elif match is not None:
        bracketed = match.group("bracketed")
        credit = bracketed or match.group("labelled")
    else:
        return False
    names = RAW_WORD.findall(credit)
    return (
        0 < len(names) <= _CREDIT_WORDS
        and (names[0][0].isupper() or names[0].casefold() in _AGENCY_LAST)  # ("Image: dpa")
        and all(
            name[0].isupper() or name in _CREDIT_JOINERS or name.casefold() in _AGENCY_LAST
            for name in names
        )
        and not figures([name.casefold() for name in names])
        # (in brackets, a name and an agency, or a person's name: "(USD)" is a unit)
        and (bracketed is None or "/" in bracketed or len(names) >= 2)
    )


def retargeted(other: Duplicate, j: int, dup: Duplicate) -> Duplicate:
    """``other``, which names paragraph ``j`` among its originals, once ``j`` went as ``dup``
    (contained in later paragraphs): a contained copy of what contains ``j``."""
    originals = dict.fromkeys(
        o for x in other.originals for o in (dup.originals if x == j else (x,))
    )
    return Duplicate(
        other.index, dup.original if other.original == j else other.original, "contained",
        min(other.similarity, dup.similarity),
        f"repeats paragraph {j}, whose words appear in order in later {describe(dup.originals)}",
        tuple(originals),
    )  # fmt: skip


def kept_original(found: Mapping[int, Duplicate], o: int) -> tuple[str | None, int] | None:
    """The kept paragraph that paragraph ``o`` stands for, following the duplicates of
    ``found``, as ``(doc_id, paragraph)``; ``None`` when the chain ends at a boilerplate line
    (or goes round).

    >>> found = {2: Duplicate(2, 1, "exact", 1.0, "", (1,)), 1: Duplicate(1, 0, "near", 0.9, "")}
    >>> kept_original(found, 2), kept_original(found, 5)
    ((None, 0), (None, 5))
    """
    seen = set()
    while o in found and o not in seen:
        seen.add(o)
        dup = found[o]
        if dup.original is None:
            return None
        if dup.doc_id is not None:
            return dup.doc_id, dup.original
        o = dup.original
    return None if o in found else (None, o)


# The label over a table of contents (canonical form), in a few major languages.
CONTENTS_LABELS = frozenset({
    "contents", "table of contents", "in this article", "in this story", "on this page",
    "in this guide", "what s in this guide", "what s in this article", "jump to",
    "jump to section", "quick links", "skip to section",
    "key events", "key moments",  # (a live blog's list of its posts' headings)
    "inhalt", "inhaltsverzeichnis", "sommaire", "table des matières", "contenido", "contenidos",
    "índice", "indice", "sumário", "contenuti", "inhoud", "inhoudsopgave", "spis treści",
    "содержание", "目录", "目次", "목차",
})  # fmt: skip
_CONTENTS_LINES = 3  # the fewest entries of a table of contents
_CONTENTS_SEPARATOR = re.compile(r"\s+[|•·]\s+")  # (between the entries of one on one line)


def remove_contents(
    canonical: Sequence[str],
    found: dict[int, Duplicate],
    in_table: Callable[[int], bool] = lambda _: False,
) -> set[int]:
    """Remove a table of contents: a run of :data:`_CONTENTS_LINES` kept lines or more, each of
    fewer than :data:`~textclean.match.merged.HEADING_WORDS` words, whose every line stands
    once more, later and in the same order, as a kept heading of the text, and nowhere else,
    with longer text between most two of them: the headings stay in their places, the list goes
    as their repeats, and a label over it ("Contents", "In this article":
    :data:`CONTENTS_LABELS`) as boilerplate. (A label that rows of a table or the sections of a
    review repeat, "Price" or "Verdict", stands more than twice, and is no entry; nor is a
    line whose later place is a row of a table, ``in_table``: two products' tables share
    rows, in order.) Returns the
    headings that had gone as repeats of their entries and are kept again.

    >>> text = "the text under each heading runs on for a dozen words or more"
    >>> lines = ["contents", "why", "how it works", "what next", text, "why", text + " 1",
    ...          "how it works", text + " 2", "what next", text + " 3"]
    >>> found = {}
    >>> remove_contents(lines, found)
    set()
    >>> sorted((i, d.kind, d.original) for i, d in found.items())
    [(0, 'boilerplate', None), (1, 'exact', 5), (2, 'exact', 7), (3, 'exact', 9)]
    """
    n = len(canonical)
    kept, short = _kept_and_short(canonical, found)  # (the short ones: entries)
    back: set[int] = set()
    if len(short) < _CONTENTS_LINES:
        return back
    # A heading may have gone as a short repeat of its entry: it comes back if the list goes.
    # (Only when no kept paragraph repeats the entry: removed repeats of it, a copy's, are not
    # in the output, and a second run on it must find the same.)
    repeats: dict[int, list[int]] = {}
    for k, dup in found.items():
        o = dup.original
        if o in short and o < k and dup.kind == "exact" and dup.doc_id is None:
            repeats.setdefault(o, []).append(k)
    places = _places(canonical, short)  # (a heading is short too)
    if len(short) - len(places) + len(repeats) < _CONTENTS_LINES:
        return back  # (too few lines stand twice to make a list and its headings)
    x = 0
    while x < len(kept):
        if kept[x] not in short:
            x += 1
            continue
        # (kept lines in a row, with the headings that repeat them: in a row as the output
        # shows them, whatever went between them, as a second run sees them)
        run: list[tuple[int, int]] = []
        y = x
        while y < len(kept) and kept[y] in short:
            line = kept[y]
            same = places[canonical[line]]  # (the line and its other places)
            if len(same) > 2:
                break  # (a line that stands three times or more is no entry: not looked through)
            again = [k for k in same if k != line] or [
                k for k in repeats.get(line, ()) if k + 1 < n and k + 1 not in found
            ]  # (a heading gone as a repeat comes back if the text under it stays: no copy's)
            if len(again) != 1 or again[0] < line or (run and again[0] < run[-1][1]):
                break
            if in_table(again[0]):
                break  # (a row of a later table, "Weight – 5 g", that a first table shares)
            run.append((line, again[0]))
            y += 1
        while run and run[0][1] < run[-1][0]:  # (the headings come after the whole list)
            run.pop()
        if len(run) >= _CONTENTS_LINES and 2 * _apart(run, kept, short) >= len(run) - 1:
            for k, heading in run:
                if found.pop(heading, None) is not None:
                    back.add(heading)
                found[k] = Duplicate(
                    k, heading, "exact", 1.0,
                    f"an entry of a table of contents: the heading of paragraph {heading}",
                    (heading,),
                )  # fmt: skip
            _remove_label(kept, x, canonical, found)
            x += len(run)  # (the run's lines are kept[x], kept[x + 1], ...)
        else:
            x += 1  # (a list may start at any of these lines)
    return back


def remove_contents_line(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate]
) -> None:
    """Remove a table of contents printed on one line, :data:`_CONTENTS_LINES` entries or more
    parted by one kind of bar or dot ("Why | How it works | What next", "Why · How ..."), as
    :func:`remove_contents` does a list of them: each entry a kept heading later, once, in the
    same order, with longer text between most two. The line goes as contained in the
    headings, and a label over it as boilerplate.

    >>> text = "the text under each heading runs on for a dozen words or more"
    >>> texts = ["Contents", "Why | How it works | What next", "Why", text, "How it works", text,
    ...          "What next", text]
    >>> found = {}
    >>> remove_contents_line(texts, canonical_paragraphs(texts)[0], found)
    >>> sorted((i, d.kind, d.originals) for i, d in found.items())
    [(0, 'boilerplate', ()), (1, 'contained', (2, 4, 6))]
    """
    kept, short = _kept_and_short(canonical, found)
    lines = [x for x, k in enumerate(kept) if any(c in texts[k] for c in "|•·")]
    if not lines:
        return
    places = _places(canonical, short)
    for x in lines:
        line = kept[x]
        separators = _CONTENTS_SEPARATOR.findall(texts[line])
        if len(separators) + 1 < _CONTENTS_LINES or len(set(separators)) > 1:
            continue
        entries = _CONTENTS_SEPARATOR.split(texts[line].strip())
        headings: list[int] = []
        for key in canonical_paragraphs(entries)[0]:
            later = [k for k in places.get(key, ()) if k > line]
            if len(later) != 1 or (headings and later[0] <= headings[-1]):
                break
            headings.append(later[0])
        else:
            run = [(line, heading) for heading in headings]
            if 2 * _apart(run, kept, short) >= len(run) - 1:
                rule = f"a table of contents on one line: the headings of {describe(headings)}"
                found[line] = Duplicate(line, headings[0], "contained", 1.0, rule, tuple(headings))
                _remove_label(kept, x, canonical, found)


def _remove_label(
    kept: Sequence[int], x: int, canonical: Sequence[str], found: dict[int, Duplicate]
) -> None:
    """Remove the line above a table of contents (``kept[x]`` its first) if it is a label of
    one, :data:`CONTENTS_LABELS`."""
    label = kept[x - 1] if x else None
    if label is not None and canonical[label] in CONTENTS_LABELS:
        found[label] = Duplicate(
            label, None, "boilerplate", 1.0, "the label of a table of contents"
        )


def _kept_and_short(canonical: Sequence[str], found: Collection[int]) -> tuple[list[int], set[int]]:
    """The kept paragraphs with words, in order, and those of them shorter than
    :data:`~textclean.match.merged.HEADING_WORDS` words (a table of contents' entries and the
    headings they list)."""
    kept = [k for k in range(len(canonical)) if k not in found and canonical[k]]
    return kept, {k for k in kept if canonical[k].count(" ") + 1 < HEADING_WORDS}


def _places(canonical: Sequence[str], short: Iterable[int]) -> dict[str, list[int]]:
    """The places of each canonical text of the ``short`` lines (headings or the entries of a
    table of contents), in order."""
    places: dict[str, list[int]] = {}
    for k in sorted(short):
        places.setdefault(canonical[k], []).append(k)
    return places


def _apart(run: Sequence[tuple[int, int]], kept: Sequence[int], short: Collection[int]) -> int:
    """How many two headings in a row of a list's ``run`` have longer text kept between them
    (as the output shows them)."""
    headings = [heading for _, heading in run]
    return sum(
        any(k not in short for k in kept[bisect_right(kept, a) : bisect_left(kept, b)])
        for a, b in pairwise(headings)
    )


def keep_rings(canonical: Sequence[str], found: dict[int, Duplicate]) -> set[int]:
    """Keep again the longest paragraph of each ring of removals: paragraphs that each name the
    next as their original, the last the first, so that none names a kept paragraph (each went
    at another step, while the one it names still stood). The longest holds the words the
    others were found in. Return the paragraphs kept so.

    >>> found = {0: Duplicate(0, 3, "contained", 1.0, "", (3,)),
    ...          3: Duplicate(3, 0, "contained", 0.9, "", (0,))}
    >>> keep_rings(["a b", "", "", "a b c"], found)
    {3}
    >>> sorted(found)
    [0]
    """
    kept: set[int] = set()
    for k in sorted(found):
        ring: list[int] = []
        o = k
        while o in found and o not in ring:
            dup = found[o]
            if dup.original is None or dup.doc_id is not None:
                break
            ring.append(o)
            o = dup.original
        if o in ring:  # (went round)
            ring = ring[ring.index(o) :]
            back = max(ring, key=lambda j: (len(canonical[j]), -j))
            del found[back]
            kept.add(back)
    return kept


def same_text_as_kept(
    canonical: Sequence[str], first_same: Sequence[int], found: dict[int, Duplicate]
) -> None:
    """Report each paragraph of this document that went otherwise (contained in a paragraph
    that went since, say) as an exact repeat when the first paragraph with its canonical text
    stays: that one holds its words, whatever led to its removal.

    >>> found = {2: Duplicate(2, 1, "contained", 1.0, "repeats paragraph 0, ...", (1,))}
    >>> same_text_as_kept(["read more here", "it was read more here", "read more here"],
    ...                   [0, 1, 0], found)
    >>> found[2].kind, found[2].original, found[2].rule
    ('exact', 0, 'same canonical text')
    """
    for k, dup in list(found.items()):
        j = first_same[k]
        if (
            j != k
            and dup.kind in ("near", "contained")
            and dup.doc_id is None
            and j not in found
            and canonical[k]
            and canonical[j] == canonical[k]
        ):
            found[k] = Duplicate(k, j, "exact", 1.0, "same canonical text", (j,))


def resolve_references(found: dict[int, Duplicate]) -> None:
    """Point every duplicate at kept paragraphs only.

    A paragraph a duplicate refers to may itself be removed afterwards (as a short repeat in
    a run, say); the reference then follows that paragraph's own duplicate to a kept one, in
    this document or in the earlier document that paragraph repeats, and the rule, which named
    the paragraph that went, says so.

    >>> found = {1: Duplicate(1, 7, "exact", 1.0, "", (7,), "earlier"),
    ...          2: Duplicate(2, 1, "exact", 1.0, "same canonical text", (1,))}
    >>> resolve_references(found)
    >>> found[2].doc_id, found[2].original, found[2].originals
    ('earlier', 7, (7,))
    >>> found[2].rule
    'same canonical text (paragraph 1 went too, as a copy of paragraph 7 of earlier)'
    >>> found = {3: Duplicate(3, 0, "contained", 1.0, "in paragraphs 0, 2", (0, 2)),
    ...          2: Duplicate(2, 1, "exact", 1.0, "same canonical text", (1,))}
    >>> resolve_references(found)
    >>> found[3].originals, found[3].rule
    ((0, 1), 'in paragraphs 0, 2 (paragraph 2 went too, as a copy of paragraph 1)')
    """

    for k, dup in list(found.items()):
        if dup.doc_id is not None or not any(o in found for o in dup.originals):
            continue
        pairs = [(o, t) for o in dup.originals if (t := kept_original(found, o)) is not None]
        targets = [t for _, t in pairs]
        first = kept_original(found, dup.original) if dup.original is not None else None
        first = first or (targets[0] if targets else None)
        if first is None:
            found[k] = replace(dup, original=None, originals=())
            continue
        doc_id = first[0]  # (the originals of one duplicate lie in one document)
        originals = tuple(dict.fromkeys(o for d, o in targets if d == doc_id))
        went: dict[str | None, dict[int, int]] = {}  # (by the target's document)
        if dup.original is not None and first != (None, dup.original):
            went.setdefault(doc_id, {})[dup.original] = first[1]
        for o, target in pairs:  # (the others that went, too)
            if o != dup.original and target != (None, o):
                went.setdefault(target[0], {})[o] = target[1]
        rule = dup.rule + "".join(_went_too(copies, d) for d, copies in went.items())
        found[k] = replace(dup, original=first[1], originals=originals, doc_id=doc_id, rule=rule)


def _went_too(copies: Mapping[int, int], doc_id: str | None) -> str:
    """A rule's note on the paragraphs it names that went afterwards: ``copies`` maps each to
    the paragraph it repeats (of ``doc_id``), in one note, in the order of the page.

    >>> _went_too({2: 1}, None)
    ' (paragraph 2 went too, as a copy of paragraph 1)'
    >>> _went_too({9: 1, 5: 1, 6: 2, 7: 3}, "earlier")
    ' (paragraphs 5 to 7, 9 went too, as copies of paragraphs 1 to 3, 1 of earlier, respectively)'
    """
    of = f" of {doc_id}" if doc_id is not None else ""
    pairs = sorted(copies.items())
    gone, kept = describe([o for o, _ in pairs]), describe([t for _, t in pairs])
    if len(copies) == 1:
        return f" ({gone} went too, as a copy of {kept}{of})"
    return f" ({gone} went too, as copies of {kept}{of}, respectively)"


def prefer_whole_to_teaser(
    canonical: Sequence[str],
    found: dict[int, Duplicate],
    teasers: Collection[int],
    whole: Callable[[int, int], bool],
) -> bool:
    """Keep a paragraph, not a teaser before it that is the whole of it cut off with an
    ellipsis after its last word ("... for three years.… Read more"): the two read the same,
    and the paragraph went as the teaser's exact repeat; the teaser goes as the paragraph's
    instead, and what repeated it repeats the paragraph. Only if ``whole`` says the paragraph
    (and the teaser) may so stay: it ends like a sentence, with no ellipsis of its own (a copy
    in Markdown may hold the teaser's, "[further ado…](https://...)", or be cut off too), and
    no other paragraph before it might hold it. Whether any was turned round.

    >>> found = {2: Duplicate(2, 1, "exact", 1.0, "same canonical text", (1,))}
    >>> prefer_whole_to_teaser(["t", "a b", "a b"], found, {1}, lambda i, j: True)
    True
    >>> found[1].original, 2 in found
    (2, False)
    """
    turned = False
    if not teasers:
        return turned
    naming: dict[int, list[int]] = {}  # the removals that name each teaser
    for k, dup in found.items():
        if dup.doc_id is None:
            for o in dup.originals:
                if o in teasers:
                    naming.setdefault(o, []).append(k)
    for j, named in naming.items():
        i = min(
            (k for k in named if (d := found.get(k)) and d.kind == "exact" and d.original == j),
            default=None,
        )  # (the teaser's first exact repeat)
        if (
            i is not None
            and i not in teasers
            and j not in found
            and canonical[i] == canonical[j]
            and whole(i, j)
        ):
            del found[i]
            turned = True
            rule = "same canonical text, cut off with an ellipsis"
            found[j] = teaser = Duplicate(j, i, "exact", 1.0, rule, (i,))
            for k in named:  # (what repeated the teaser)
                other = found.get(k)
                if other is not None and j in other.originals:
                    found[k] = (
                        replace(other, original=i, originals=(i,))
                        if other.originals == (j,) and canonical[k] == canonical[i]
                        else retargeted(other, j, teaser)
                    )
    return turned


def prefer_longest(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate]
) -> None:
    """Within each exact or near group of this document, keep the longest member."""
    groups: dict[int, list[int]] = {}
    for i, dup in found.items():
        if dup.doc_id is None and dup.original is not None and dup.kind in ("exact", "near"):
            groups.setdefault(dup.original, []).append(i)
    for original, members in groups.items():
        winner = max([original, *members], key=lambda k: (len(texts[k]), -k))
        if winner == original:
            continue
        del found[winner]
        for k in [original, *members]:
            if k != winner:
                found[k] = _repeat_of(canonical, k, winner)
        _repoint(found, original, winner)  # (contained copies follow the winner)


# A word that print broke at a line's end with a hyphen ("informa-\ntion"), or a character
# that a decoder could not read (U+FFFD): what a damaged copy shows where a clean one does not.
_DAMAGE = regex.compile(r"\p{Ll}-[ \t]*\r?\n[ \t]*\p{Ll}|\ufffd")
# A print copy's marks of its links in the text: the address after the link's words, in
# brackets ("picked <https://example.com/a>", "[https://...]", "(https://...)"), or a numbered
# note's mark glued to a word or its comma ("deliver[1]") that a list of the addresses at the
# end explains.
_LINK_MARK = regex.compile(r"[ \t]?[\[<(]https?://[^\s\]>)]+[\]>)]|(?<=[\w.,;:!?\"”’)])\[\d{1,3}\]")
_DAMAGED_PAIRS = 2  # paragraphs of a copy, at least, damaged where their repeats are clean
_DIGITS = regex.compile(r"\d+")


def _reads_worse(text: str, other: str) -> bool:
    """Whether ``text`` shows damage that its repeat ``other`` does not: words broken at its
    lines' ends or characters a decoder lost (:data:`_DAMAGE`), its links' marks
    (:data:`_LINK_MARK`), figures in words that ``other`` writes in digits
    (:func:`_spelled_out`), or every letter in lower case
    where ``other`` writes the same words with capitals (a search index's copy, "the mayor of
    harbour city said"; not a line in lower case that a copy adds a capital word to, "(AP)")."""
    if text == text.lower() and other != other.lower():
        words = set(RAW_WORD.findall(text))
        if any(w != w.lower() and w.lower() in words for w in RAW_WORD.findall(other)):
            return True
    if _marked(text) and not _marked(other):
        return True
    if _spelled_out(text, other):
        return True
    return _damaged(text) and not _damaged(other)


def _spelled_out(text: str, other: str) -> bool:
    """Whether ``text`` writes in words figures that ``other`` writes in digits, as a script
    for reading a story aloud does ("fourteen years" for "14 years")."""
    if len(_DIGITS.findall(other)) <= len(_DIGITS.findall(text)):
        return False  # (most pairs: as many figures in digits, a quick test)
    return _number_words(text) > _number_words(other)


def _number_words(text: str) -> int:
    """How many figures ``text`` writes in words (:data:`~textclean.align.NUMBER_WORDS`)."""
    return sum(word in NUMBER_WORDS for word in RAW_WORD.findall(text.lower()))


def _marked(text: str) -> bool:
    """Whether ``text`` prints its links' marks (:data:`_LINK_MARK`)."""
    return ("://" in text or "[" in text) and _LINK_MARK.search(text) is not None


_MISSPELT_LETTERS = 2  # letters that a misspelling changes, at most
_MISSPELT_COMMON = 3  # times the document writes a word, at least, that a misspelling replaces
_MISSPELT_SHARE = 3  # near pairs whose earlier is spelt worse, for each whose later is, at least


def _misspelt(texts: Sequence[str], near: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Those of the ``near`` pairs of paragraphs (the later, the earlier one) whose earlier
    paragraph is spelt worse than the later, when most are: it writes a word once in the whole
    document where the later writes one a letter or two apart (:func:`_misspelling`) that the
    document holds :data:`_MISSPELT_COMMON` times or more (an e-paper copy read by OCR, "tbe"
    for "the"), more often than the other way round; and there are :data:`_MISSPELT_SHARE`
    such pairs at least for each pair that goes the other way (an edit may read either way).
    Else none. Two copies that each spell a word their own way ("organise", "organize") each
    write it as often: no misspelling.

    >>> texts = ["Tbe bridge reopens in May, the council said.", "It cost a tbird less.",
    ...          "The bridge reopens in May, the council said.", "It cost a third less."]
    >>> _misspelt(texts, [(2, 0), (3, 1)])
    [(2, 0)]
    >>> _misspelt(texts, [(0, 2), (1, 3)])  # (the later copy is spelt worse)
    []
    """
    swapped = [(k, o, swaps) for k, o in near if (swaps := _swaps(texts[o], texts[k]))]
    if len(swapped) < _DAMAGED_PAIRS:
        return []  # (no word count needed: most near pairs swap no word for one close to it)
    counts = Counter(RAW_WORD.findall("\n".join(texts).lower()))
    worse, better = [], 0
    for k, o, swaps in swapped:
        spelt = 0
        for word, instead in swaps:
            spelt += counts[word] == 1 and counts[instead] >= _MISSPELT_COMMON
            spelt -= counts[instead] == 1 and counts[word] >= _MISSPELT_COMMON
        if spelt > 0:
            worse.append((k, o))
        better += spelt < 0
    return worse if len(worse) >= _MISSPELT_SHARE * better else []


def _swaps(text: str, other: str) -> list[tuple[str, str]]:
    """The words of ``text`` that ``other`` replaces one for one with a word that may be it
    misspelt, or that it may misspell (:func:`_misspelling`), each with its replacement."""
    words = RAW_WORD.findall(text.lower())
    others = RAW_WORD.findall(other.lower())
    return [
        (word, instead)
        for op in Levenshtein.opcodes(words, others)
        if op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start
        for word, instead in zip(
            words[op.src_start : op.src_end], others[op.dest_start : op.dest_end], strict=True
        )
        if _misspelling(word, instead)
    ]


def _misspelling(word: str, other: str) -> bool:
    """Whether one of two words can be the other misspelt: a letter or two apart (at most a
    third of the shorter word's), no number (a corrected figure) and no other word (a
    rewording: "about" for "around").

    >>> _misspelling("tbe", "the"), _misspelling("about", "around"), _misspelling("5", "8")
    (True, False, False)
    """
    if word.isdigit() or other.isdigit():
        return False
    apart = Levenshtein.distance(word, other, score_cutoff=_MISSPELT_LETTERS)
    return apart <= min(_MISSPELT_LETTERS, min(len(word), len(other)) // 3)


def _damaged(text: str) -> bool:
    # (most paragraphs are one line, with no character lost: no search)
    return ("\n" in text or "\ufffd" in text) and _DAMAGE.search(text) is not None


def prefer_undamaged_copy(
    texts: Sequence[str],
    found: dict[int, Duplicate],
    *,
    threshold: float = 0.9,
    canonical: Sequence[str] | None = None,
    short_words: int = 6,
) -> bool:
    """Keep the later copy of a run of paragraphs printed twice, and remove the earlier, when
    the earlier reads worse than the later (:func:`_reads_worse`: a print copy's words broken
    at its lines' ends or its links' addresses printed in the text, characters a decoder
    lost, a search index's copy in lower case, a script read aloud with figures in words) in
    :data:`_DAMAGED_PAIRS` paragraphs or more, and no later one reads worse than the earlier;
    or else when most near pairs are spelt worse in the earlier (:func:`_misspelt`: an OCR
    copy's "tbe" for "the"). Both are the same text or near it (a repeat, exact or near, or
    contained in one paragraph with a ratio of ``threshold`` or more: an edited copy's), and
    a reader wants the one that reads whole. Every such repeat from the first of the damaged
    paragraphs' repeats on, of a paragraph before it, is turned round (exact, or near with
    their ratio; the damaged paragraphs all stand before their repeats), and the duplicates
    that named the paragraphs turned name their repeats. With ``canonical``, nothing turns
    round where a repeat that would stay is held in a longer kept paragraph
    (:func:`_held_in_another`).
    Returns whether a copy was turned round.

    >>> texts = ["The bridge re-\\nopens in May.", "It cost less.", "The bridge reopens in May.",
    ...          "It cost less."]
    >>> found = {2: Duplicate(2, 0, "exact", 1.0, ""), 3: Duplicate(3, 1, "exact", 1.0, "")}
    >>> prefer_undamaged_copy(texts, found)
    False
    >>> texts[1] = "It cost less than plan-\\nned."
    >>> texts[3] = "It cost less than planned."
    >>> prefer_undamaged_copy(texts, found), sorted((i, d.original) for i, d in found.items())
    (True, [(0, 2), (1, 3)])
    >>> texts = ["the bridge reopens in may.", "it cost less.", "The bridge reopens in May.",
    ...          "It cost less."]
    >>> found = {2: Duplicate(2, 0, "exact", 1.0, ""), 3: Duplicate(3, 1, "exact", 1.0, "")}
    >>> prefer_undamaged_copy(texts, found), sorted((i, d.original) for i, d in found.items())
    (True, [(0, 2), (1, 3)])
    """
    similar: dict[tuple[int, int], float] = {}  # (the later, the earlier): their similarity
    for k, dup in found.items():
        o = dup.original
        if dup.doc_id is not None or o is None or o >= k or o in found:
            continue
        if dup.kind in ("exact", "near"):
            similar[k, o] = dup.similarity
        elif dup.kind == "contained" and dup.originals == (o,):  # (held as an edited copy)
            text, other = texts[k], texts[o]
            if _marked(other) and not _marked(text):  # (as they read without the marks)
                other = _LINK_MARK.sub("", other)
            score = fuzz.ratio(text, other, score_cutoff=100 * threshold) / 100
            if score:
                similar[k, o] = score
    pairs = list(similar)
    if any(_reads_worse(texts[k], texts[o]) for k, o in pairs):
        return False
    worse = [(k, o) for k, o in pairs if _reads_worse(texts[o], texts[k])]
    if len({o for _, o in worse}) < _DAMAGED_PAIRS:  # (paragraphs, not their repeats)
        near = [(k, o) for k, o in pairs if found[k].kind != "exact"]
        worse = _misspelt(texts, near) if len(near) >= _DAMAGED_PAIRS else []
        if len(worse) < _DAMAGED_PAIRS:
            return False
    start = min(k for k, _ in worse)
    if max(o for _, o in worse) >= start:
        return False  # (the copies interleave: no run printed before the other)
    # (a paragraph turns round with its first repeat; its later repeats name that one then)
    turned: dict[int, int] = {}  # each damaged paragraph's repeat that stays in its place
    for k, o in sorted(pairs):
        if o < start <= k and o not in found and o not in turned:
            turned[o] = k
    if canonical is not None and _held_in_another(canonical, found, turned, short_words):
        return False
    for o, k in turned.items():
        exact = found.pop(k).kind == "exact"
        score = similar[k, o]
        same = "same canonical text" if exact else f"ratio {score:.3f}"
        rule = f"{same} (the later copy reads whole)"
        found[o] = Duplicate(o, k, "exact" if exact else "near", score, rule, (k,))
        _repoint(found, o, k)
    return True


def _held_in_another(
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    turned: Mapping[int, int],
    short_words: int,
) -> bool:
    """Whether a repeat that would stay in place of a damaged paragraph (``turned``: each
    damaged paragraph's repeat), of ``short_words`` words or more, is held in a longer kept
    paragraph, neither damaged nor turned, after the first damaged one: a second run would
    remove it as contained in that one (or, held later, as its teaser)."""
    gone = found.keys() | turned.keys()
    kept = [j for j in range(min(turned) + 1, len(canonical)) if j not in gone]
    if not kept:
        return False
    joined = "\n".join(canonical[j] for j in kept)
    ends = list(accumulate(len(canonical[j]) + 1 for j in kept))
    for text in (canonical[k] for k in turned.values()):
        at = joined.find(text) if word_count(text) >= short_words else -1
        while at >= 0:  # (in a longer paragraph: one with the same text is a short repeat)
            if len(canonical[kept[bisect_right(ends, at)]]) > len(text):
                return True
            at = joined.find(text, at + 1)
    return False


HIGHLIGHTS_LABEL = regex.compile(
    r"\W*(?:"
    r"(?:story |key |top |the )?(?:highlights?|takeaways|points)|key (?:facts|findings)"
    r"|at a glance|in (?:brief|short|summary)|quick (?:read|take|facts)|summary|tl;? ?dr"
    r"|what (?:you|to) (?:need to )?know|the short version|key (?:events|updates|moments)"
    r"|das wichtigste(?: in kürze)?|auf einen blick|in kürze"  # German
    r"|en bref|l'essentiel|l’essentiel|(?:les )?points clés|à retenir"  # French
    r"|lo (?:más|mas) (?:importante|destacado)|en resumen|(?:los )?puntos clave|claves"  # Spanish
    r"|in breve|in sintesi|(?:i )?punti chiave"  # Italian
    r"|em resumo|(?:os )?pontos[- ]chave|destaques"  # Portuguese
    r"|in het kort|kernpunten|de belangrijkste punten"  # Dutch
    r")\W*",
    regex.IGNORECASE,
)
"""The whole text of the label over a highlights box ("Highlights", "Key points", "In brief",
"TL;DR" and the like, in the languages of :data:`~textclean.boilerplate.DEFAULT_PATTERNS`)."""

MAX_BOX_ITEMS = 5  # paragraphs of a highlights box under its label
BOX_ITEM_WORDS = 4  # words of an item of a highlights box, at least


def prefer_body_to_box(
    texts: Sequence[str],
    canonical: Sequence[str],
    found: dict[int, Duplicate],
    *,
    structured: Collection[int] = (),
    may_stay: Callable[[int], bool] = lambda _: True,
) -> bool:
    """Keep the body's copy of each item of a highlights box that stands before it, and remove
    the box's: the paragraphs right under a label such as "Key points"
    (:data:`HIGHLIGHTS_LABEL`) that the body repeats word for word further on (maybe behind a
    list's number), or holds as whole words (a sentence of a paragraph, a heading).
    ``keep="first"`` would keep the box's item and take the paragraph out of the body's run;
    either way the text stays. Paragraphs that went
    already (a sentence of a later paragraph, a repeat of an earlier one), and short lines kept
    as repeats of one before them, are passed over; lines of fewer than :data:`BOX_ITEM_WORDS`
    words are no items (a "Photo" line under a "Highlights" heading repeats as every picture's
    does), and a label printed before, or twice in a row, is none (a page that prints each run
    twice). No item is credited to one of ``structured`` (a JSON-LD object holds no
    text a reader sees), nor to a copy that ``may_stay`` says may not stay (a boilerplate line:
    the box's item, its text in markup, is none, and stays), nor to a line quoted behind a
    ``>`` (a comment quoting the item). Returns whether a box's item went."""
    labels = _labels(texts)
    if not labels:
        return False
    went = False
    places: dict[str, list[int]] = {}  # the paragraphs of each canonical text, in order
    for m, text in enumerate(canonical):
        places.setdefault(text, []).append(m)
    names = {label: texts[label].strip().casefold() for label in labels}
    named: dict[str, list[int]] = {name: [] for name in names.values()}  # (in order)
    for m, text in enumerate(texts):  # the paragraphs that read as each label
        if (name := text.strip().casefold()) in named:
            named[name].append(m)
    repeats: dict[int, list[int]] = {}
    merged: dict[int, list[int]] = {}  # paragraphs that went as earlier ones laid end to end
    for i, dup in found.items():
        if dup.doc_id is not None or dup.original is None:
            continue
        if dup.kind == "exact" or (
            dup.kind == "near" and _numbered(canonical[i], canonical[dup.original])
        ):
            repeats.setdefault(dup.original, []).append(i)
        elif dup.kind == "contained" and len(dup.originals) > 1 and max(dup.originals) < i:
            merged.setdefault(min(dup.originals), []).append(i)  # (from where it starts)
    for label in labels:
        if label in found:
            continue
        alike = named[names[label]]
        if any(m != label for m in alike[: bisect_left(alike, label + 2)]):
            continue  # (the label printed before, or twice in a row: a page printed twice)
        box_end = _box_end(canonical, label)
        items = 0
        for k in range(label + 1, len(texts)):
            if k in found:
                continue  # (went already, as a sentence of a later paragraph, a repeat of an
                # earlier one: a second run sees the paragraphs under the label without it)
            same = places[canonical[k]]
            if canonical[k] and any(m not in found for m in same[: bisect_left(same, k)]):
                continue  # (a short line kept as a repeat of one above: its first copy is that)
            items += 1
            if items > MAX_BOX_ITEMS:
                break
            winner = min(
                (m for m in repeats.get(k, ()) if may_stay(m) and not _quoted(texts[m])),
                default=None,
            )
            if winner is None and _body_of_items(canonical, found, merged.get(k, ()), label):
                went = True
                continue
            if (
                winner is None
                # The body under the box, which a later copy repeats: no swap (not the box's).
                or _inside_a_copy(canonical, found, winner, range(label + 1, max(k + 1, box_end)))
                # Kept first, the body's copy would stand where another kept paragraph holds
                # it, and a second run would remove it.
                or _held_elsewhere(canonical, found, k, winner)
            ):
                # Without the repeat (as a second run sees it), a later paragraph that holds it
                # still takes it out of the box.
                holder = _held_later(texts, canonical, found, k, structured)
                if holder is None:
                    break
                found[k] = Duplicate(
                    k, holder, "contained", 1.0,
                    f"a highlights box's item, whose words stand in paragraph {holder}",
                    (holder,),
                )  # fmt: skip
                went = True
                continue
            kind = found.pop(winner).kind  # (exact, or near: a list's number in front)
            found[k] = Duplicate(
                k, winner, kind, 1.0,
                f"a highlights box's item, repeated in the body at paragraph {winner}", (winner,),
            )  # fmt: skip
            _repoint(found, k, winner)  # (the other copies follow the body's)
            went = True
    return went


def remove_box_labels(
    texts: Sequence[str], canonical: Sequence[str], found: dict[int, Duplicate]
) -> list[int]:
    """Remove the label of a highlights box (:data:`HIGHLIGHTS_LABEL`) whose items all went: the
    paragraphs with words under it, up to the next kept one or the document's end, are
    removed, one at least as a duplicate rather than a boilerplate line. A label over text that
    stays, or over nothing, stays: it heads a section of the article. So does a label printed
    twice (before, or among the lines under it: a page that prints each run twice), and one
    over another box's label (its own items come after that box), and one over a list that
    goes on past the items that went (the next kept paragraph opens with the same bullet or a
    number, as the last of them does). Returns the labels that went."""
    went: list[int] = []
    seen: set[str] = set()
    labels = _labels(texts)
    others = set(labels)
    for label in labels:
        name = canonical[label]
        printed_before = name in seen
        seen.add(name)
        if label in found or printed_before:
            continue
        items: list[int] = []
        after = None  # (the kept paragraph with words under them)
        for k in range(label + 1, len(texts)):
            if not canonical[k]:
                continue
            if k not in found:
                after = k
                break
            items.append(k)
        if any(canonical[k] == name or k in others for k in items):
            continue  # (the label printed twice, or another box's under it: not its items)
        if items and after is not None and _same_mark(texts[items[-1]], texts[after]):
            continue  # (the list goes on under the label past the items that went: not all)
        if any(found[k].kind != "boilerplate" for k in items):
            found[label] = Duplicate(
                label, None, "boilerplate", 1.0,
                f"the label of a highlights box whose items went (paragraphs {items[0]} to "
                f"{items[-1]})",
            )  # fmt: skip
            went.append(label)
    return went


def _labels(texts: Sequence[str]) -> list[int]:
    """The paragraphs that are a highlights box's label (:data:`HIGHLIGHTS_LABEL`), in order."""
    return [
        i for i, text in enumerate(texts) if len(text) <= 40 and HIGHLIGHTS_LABEL.fullmatch(text)
    ]


def _same_mark(a: str, b: str) -> bool:
    """Whether paragraphs ``a`` and ``b`` both open as items of one list do
    (:data:`~textclean.segment.LIST_MARKER`): the same bullet, or a number or letter each."""
    first, second = LIST_MARKER.match(a.lstrip()), LIST_MARKER.match(b.lstrip())
    if first is None or second is None:
        return False
    mark, other = first[0].strip(), second[0].strip()
    return mark == other or (mark[-1] in ".)" and other[-1] in ".)")


def _quoted(text: str) -> bool:
    """Whether ``text`` is quoted as e-mail and forums quote, behind a ``>``: a reply's copy of
    earlier text, never the body's."""
    return text.lstrip().startswith(">")


def _body_of_items(
    canonical: Sequence[str], found: dict[int, Duplicate], merged: Iterable[int], label: int
) -> bool:
    """Keep the body's paragraph that went as items of the box under ``label`` laid end to end
    (of ``merged``: paragraphs that went as earlier ones laid end to end, from the item asked
    about on), and remove those items as contained in it: the box repeats a paragraph's
    sentences one item each, and the paragraph is those items and nothing else. Not one beside
    a paragraph that went (but boilerplate lines): a paragraph of a copy of the body with other
    breaks, whose paragraphs under the box may read as items once the items went. Nor one
    that also holds text from outside the box's first :data:`MAX_BOX_ITEMS` paragraphs.
    Returns whether one was kept."""
    box: list[int] = []
    for m in range(label + 1, len(canonical)):
        if len(box) == MAX_BOX_ITEMS:
            break
        if m not in found and canonical[m]:
            box.append(m)
    for m in merged:
        dup = found.get(m)
        if (
            dup is None
            or dup.kind != "contained"
            or not set(dup.originals) <= set(box)
            or canonical[m] != " ".join(canonical[o] for o in dup.originals)
            or _beside_a_removal(canonical, found, m)
        ):
            continue
        del found[m]
        for o in dup.originals:
            found[o] = Duplicate(
                o, m, "contained", 1.0,
                f"a highlights box's item, whose words stand in paragraph {m}", (m,),
            )  # fmt: skip
            _repoint(found, o, m)
        return True
    return False


def _beside_a_removal(canonical: Sequence[str], found: Mapping[int, Duplicate], i: int) -> bool:
    """Whether the paragraph next to paragraph ``i`` on either side, past those without words
    and boilerplate lines, went."""
    for step in (-1, 1):
        m = i + step
        while 0 <= m < len(canonical) and (
            not canonical[m] or (m in found and found[m].kind == "boilerplate")
        ):
            m += step
        if m in found:
            return True
    return False


def _numbered(text: str, item: str) -> bool:
    """Whether canonical ``text`` is ``item`` behind a list's number ("2 creating an account")."""
    number, _, rest = text.partition(" ")
    return rest == item and list_number(number)


def _held_later(
    texts: Sequence[str],
    canonical: Sequence[str],
    found: Mapping[int, Duplicate],
    k: int,
    structured: Collection[int],
) -> int | None:
    """The first kept paragraph after ``k`` that holds paragraph ``k``'s words, whole and in
    order, if ``k`` has :data:`BOX_ITEM_WORDS` words or more; not one of the two right after it
    (a heading opening the body under the box, whose words the paragraph under it repeats), nor
    one that only puts a dateline in front of it (a later copy's, which holds the body's
    paragraph, not the box's sentence)."""
    text = canonical[k]
    if text.count(" ") + 1 < BOX_ITEM_WORDS:
        return None
    j = next(
        (
            j
            for j in range(k + 1, len(canonical))
            if j not in found
            and j not in structured
            and len(canonical[j]) > len(text)
            and whole_words_in(text, canonical[j])
        ),
        None,
    )
    if j is None or sum(m not in found for m in range(k + 1, j)) < 2:
        return None  # (one of the two kept paragraphs right after it)
    if canonical[j].count(" ") - text.count(" ") <= AFFIX_WORDS and DATELINE.match(texts[j]):
        return None  # (the paragraph with a dateline in front: a copy of it, not its source)
    return j


def _held_elsewhere(
    canonical: Sequence[str], found: Mapping[int, Duplicate], k: int, winner: int
) -> bool:
    """Whether a kept paragraph between ``k`` and ``winner``, or the one right after
    ``winner`` (past lines without words), holds ``winner``'s words. (A paragraph further on
    that holds them is often a copy that runs it into its neighbours, which goes instead.)"""
    text = canonical[winner]
    after = next(
        (m for m in range(winner + 1, len(canonical)) if m not in found and canonical[m]), winner
    )
    return any(
        m != winner and m not in found and whole_words_in(text, canonical[m])
        for m in range(k + 1, after + 1)
    )


def _box_end(canonical: Sequence[str], label: int) -> int:
    """Where the paragraphs under ``label`` start again from the first of them, if within
    :data:`MAX_BOX_ITEMS` of them, before any other repeats: the body that starts with the box's
    items (a teaser of its first paragraphs) starts there. Else, or if the label itself repeats
    first (a page that prints each run twice), right under the label."""
    seen: list[str] = []
    for m in range(label + 1, len(canonical)):
        if canonical[m] == canonical[label] or len(seen) > MAX_BOX_ITEMS:
            break
        if canonical[m] in seen:
            return m if canonical[m] == seen[0] else label + 1
        if canonical[m]:
            seen.append(canonical[m])
    return label + 1


def _inside_a_copy(
    canonical: Sequence[str], found: Mapping[int, Duplicate], i: int, box: range
) -> bool:
    """Whether a paragraph next to paragraph ``i`` (past ones without words) repeats one outside
    ``box``: ``i`` stands in a copy of a run, not alone in the body."""
    for step in (-1, 1):
        m = i + step
        while 0 <= m < len(canonical) and not canonical[m]:
            m += step
        dup = found.get(m)
        if (
            dup is not None
            and dup.kind != "boilerplate"
            and dup.doc_id is None
            and any(o not in box for o in dup.originals)
        ):
            return True
    return False


def _repoint(found: dict[int, Duplicate], old: int, new: int) -> None:
    """Point the duplicates of this document that name paragraph ``old`` at ``new`` instead
    (``old`` is removed now, ``new`` stays)."""
    for i, dup in list(found.items()):
        if i != old and dup.doc_id is None and old in dup.originals:
            found[i] = replace(
                dup,
                original=new if dup.original == old else dup.original,
                originals=tuple(new if o == old else o for o in dup.originals),
            )


def _repeat_of(canonical: Sequence[str], k: int, winner: int) -> Duplicate:
    a, b = canonical[k], canonical[winner]
    if a == b:
        return Duplicate(k, winner, "exact", 1.0, "same canonical text (longest kept)", (winner,))
    score = fuzz.ratio(a, b) / 100
    return Duplicate(k, winner, "near", score, f"ratio {score:.3f} (longest kept)", (winner,))


def document_match(
    canonical: Sequence[str], found: Mapping[int, Duplicate]
) -> DocumentMatch | None:
    """The earlier document holding most of this one, if it holds most of it. Boilerplate
    lines (a pattern's, or a source's seen in many of its documents) are no part of it: an
    outlet's own lines around a syndicated copy do not make it less of a copy."""
    furniture = sum(len(canonical[i]) for i, dup in found.items() if dup.kind == "boilerplate")
    total = sum(map(len, canonical)) - furniture
    if total <= 0:
        return None
    per_doc: dict[str, int] = {}
    for dup in found.values():
        if dup.doc_id is not None:
            per_doc[dup.doc_id] = per_doc.get(dup.doc_id, 0) + len(canonical[dup.index])
    if not per_doc:
        return None
    doc_id, chars = max(per_doc.items(), key=lambda item: (item[1], item[0]))
    return DocumentMatch(doc_id, chars / total)
