"""Shared hypothesis strategies for textclean's tests.

- :func:`messy_text`: arbitrary text weighted towards what breaks cleaners (lone surrogates,
  NUL, every kind of line break, combining marks, RTL scripts, ZWJ emoji, odd spaces,
  entities, mojibake fragments, braces, quoted-printable).
- :func:`plain_ascii_text`: printable-ASCII words joined by single spaces, lines joined by
  ``\\n`` or ``\\n\\n``: text that cleaning must leave exactly as it is.
- :func:`paragraphs`: ``(text, count)``: paragraphs separated by blank lines (of several
  spellings), each with at least one visible word, plus damage that cleaning repairs.
- :func:`news_documents`: paragraphs made of a few news sentences (:data:`SENTENCES`) that
  repeat, exactly or with small changes, merged, in a JSON-LD object, under a box's label.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

from textclean.cleaning import CleanConfig

ALL_OPT_IN = CleanConfig(
    straighten_quotes=True,
    straighten_dashes=True,
    fold_ligatures=True,
    fold_width=True,
    unwrap_braces=True,
    resolve_spintax=True,
)

LINE_BREAKS = ("\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c")
ODD_SPACES = ("\xa0", "\u202f", "\u2002", "\u2003", "\u2009", "\u3000", "\t", "  ")
INVISIBLES = ("\u200b", "\ufeff", "\xad", "\u2060", "\x00", "\x1b[31m", "\x07", "\x7f")
COMBINING = ("\u0301", "\u0308", "\u0327", "e\u0301", "\u05b7", "\u064e")
RTL = ("שלום", "עולם", "مرحبا", "السلام", "\u200f", "\u200e")
EMOJI = ("👩\u200d💻", "👨\u200d👩\u200d👧", "🏳\ufe0f\u200d🌈", "😀", "🇺🇦", "\u200c")
ENTITIES = ("&amp;", "&lt;", "&#8217;", "&#x2019;", "&nbsp;", "&eacute;", "&amp;amp;", "&copy")
ENTITY_BITS = ("&", "&#", "#", ";", "amp", "AT&T", "R&D")
MOJIBAKE = ("Ã©", "â€™", "â€œ", "â€\x9d", "Ã¼", "Ã\xa0", "Â\xa0", "ðŸ˜€", "Ã", "â€", "\x80", "\x93")
BRACES = ("{", "}", "{a|b}", "{that a}", "{{x}}", "|")
SURROGATES = ("\ud800", "\udfff", "\ud83d", "\ude00")
QUOTED_PRINTABLE = ("=", "=\n", "=E2=80=99", "=C3=A9", "=3D", "=E9", "=C3", "q" * 66 + "=\n")

_FRAGMENTS = (
    LINE_BREAKS
    + ODD_SPACES
    + INVISIBLES
    + COMBINING
    + RTL
    + EMOJI
    + ENTITIES
    + ENTITY_BITS
    + MOJIBAKE
    + BRACES
    + SURROGATES
    + QUOTED_PRINTABLE
    + ("\n\n", " ", "word", "Wörd", "x", "ﬁ", "ＡＢ", "²", "–", "—", "“", "”", "’")
)


def messy_text(max_parts: int = 30) -> st.SearchStrategy[str]:
    """Arbitrary text, mixing ``st.text()`` with fragments chosen to break cleaners."""
    part = st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=8))
    return st.one_of(
        st.text(),
        st.lists(part, max_size=max_parts).map("".join),
    )


_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()-/"
words = st.text(alphabet=_WORD_CHARS, min_size=1, max_size=10)


def plain_ascii_text() -> st.SearchStrategy[str]:
    """Printable-ASCII words, single spaces between words, ``\\n``/``\\n\\n`` between lines."""
    line = st.lists(words, min_size=1, max_size=8).map(" ".join)
    lines = st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=6)
    return lines.map(lambda items: "".join(text + sep for text, sep in items)[:-1].rstrip("\n"))


# Damage that cleaning repairs or removes without touching a word's visible core.
_DECORATIONS = ("", "", "", "\u200b", "\xa0", "  ", "\t", "&amp;", "&#8217;", "Ã©", "â€™", "\xad")
_PARAGRAPH_BREAKS = ("\n\n", "\n\n\n", "\n \t\n", "\r\n\r\n", "\n\xa0\n", "\n\n\n\n\n")
_LINE_BREAKS_IN_PARAGRAPH = ("\n", "\r\n", "\r", "\u2028")


@st.composite
def paragraphs(draw: st.DrawFn) -> tuple[str, int]:
    """Text of paragraphs separated by blank lines, and how many paragraphs it has."""
    # entity decorations only go after a word: "&amp;" + "NewLine;" would decode to "\n"
    decorated = st.tuples(words, st.sampled_from(_DECORATIONS), st.booleans()).map(
        lambda t: t[1] + t[0] if t[2] and not t[1].startswith("&") else t[0] + t[1]
    )
    line = st.lists(decorated, min_size=1, max_size=6).map(" ".join)
    paragraph = st.lists(line, min_size=1, max_size=3)
    paras = draw(st.lists(paragraph, min_size=1, max_size=6))
    parts = []
    for i, lines in enumerate(paras):
        if i:
            parts.append(draw(st.sampled_from(_PARAGRAPH_BREAKS)))
        inner = draw(st.sampled_from(_LINE_BREAKS_IN_PARAGRAPH))
        parts.append(inner.join(lines))
    lead = draw(st.sampled_from(["", "\n", " \n\n", "\ufeff"]))
    tail = draw(st.sampled_from(["", "\n", "\n\n \n", "  "]))
    return lead + "".join(parts) + tail, len(paras)


# News-like sentences, combined into paragraphs that repeat, exactly or with small changes.
SENTENCES = (
    "The council approved the budget on Tuesday after a long debate.",
    "Ferries will run every 20 minutes while the bridge is closed.",
    "“We have listened to residents,” the mayor said.",
    "Critics said the cost had nearly doubled since 2021.",
    "The old bridge was closed to cars last autumn.",
    "Work is due to start in March.",
    "Closed",
    "Advertisement",
    "Share this article",
    "Line 4",
)


@st.composite
def news_documents(draw: st.DrawFn) -> str:
    """Paragraphs drawn from a few sentences, with repeats, noise and several layouts."""
    pool = draw(
        st.lists(
            st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join),
            min_size=1,
            max_size=5,
        )
    )
    order = draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=14))
    noise = st.sampled_from(
        [
            lambda s: s,
            lambda s: s,
            lambda s: s.upper(),
            lambda s: s.replace(" ", "\u00a0", 2),
            lambda s: s.replace("’", "'").replace("“", '"').replace("”", '"'),
            lambda s: s.replace("the", "teh", 1),
            lambda s: "WASHINGTON (AP) — " + s,
            lambda s: s.encode("utf-8").decode("latin-1"),
            lambda s: (
                '<p><a href="https://example.com/a?b=c">' + s.replace(" ", "</a> ", 1) + "</p>"
            ),
            lambda s: "[" + s.replace(" ", "](https://example.com/a_(b)) ", 1),
            lambda s: "“" + s.rstrip(".") + "” — the mayor",  # a pull quote and its speaker
            lambda s: s[: len(s) // 2] + "…",  # a teaser
        ]
    )
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r\n", "\n\n\n"]))
    parts = [draw(noise)(pool[k]) for k in order]
    if draw(st.booleans()):  # a run of them once more as one paragraph (an articleBody copy)
        a = draw(st.integers(0, len(parts) - 1))
        b = draw(st.integers(a + 1, len(parts)))
        parts.insert(draw(st.integers(0, len(parts))), " ".join(parts[a:b]))
    if draw(st.booleans()):  # a run of them as the articleBody of a JSON-LD object
        a = draw(st.integers(0, len(parts) - 1))
        b = draw(st.integers(a + 1, len(parts)))
        data = {
            "@type": "NewsArticle",
            "headline": parts[a],
            "url": "https://example.com/a",
            "articleBody": draw(st.sampled_from(["\n\n", " "])).join(parts[a:b]),
        }
        line = json.dumps(data, ensure_ascii=draw(st.booleans()))
        parts.insert(draw(st.integers(0, len(parts))), line)
    if draw(st.booleans()):  # a highlights box's label anywhere, the last paragraph too
        label = draw(st.sampled_from(["Key points", "Highlights:", "TL;DR", "In brief"]))
        parts.insert(draw(st.integers(0, len(parts))), label)
    return sep.join(parts)
