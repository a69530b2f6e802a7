"""Hypothesis properties of textclean.clean."""

from __future__ import annotations

import importlib
from dataclasses import replace
from itertools import pairwise

from ftfy import chardata
from ftfy.badness import BADNESS_RE
from hypothesis import example, given, settings
from hypothesis import strategies as st

# the cleaning module itself, for its private detection regexes
import textclean.cleaning as clean_module
from tests.strategies import ALL_OPT_IN, messy_text, paragraphs, plain_ascii_text
from textclean.cleaning import STEPS, clean, clean_and_explain, decode_bytes

NFKC_ALL = replace(ALL_OPT_IN, normalization="NFKC")


@settings(max_examples=300)
@given(messy_text())
@example("&amp;lt;")
@example("Ã\u200b©")
@example("&am\u200bp;lt;")
@example("&amp\u037e")  # NFC turns U+037E into ";"
@example("a\u2029\u2029b")
@example("\x1b[3\u200b1m")
def test_clean_never_raises_and_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    once.encode("utf-8")  # no lone surrogates survive


@settings(max_examples=200)
@given(messy_text())
@example("＆ａｍｐ；ｌｔ；")
@example("{ {a} }")
@example("ｶﾞ")
def test_idempotent_with_every_option_on(text: str) -> None:
    once = clean(text, ALL_OPT_IN)
    assert clean(once, ALL_OPT_IN) == once
    once_nfkc = clean(text, NFKC_ALL)
    assert clean(once_nfkc, NFKC_ALL) == once_nfkc


@given(messy_text())
def test_output_shape(text: str) -> None:
    out = clean(text)
    assert "\r" not in out and "\u2028" not in out and "\u2029" not in out
    assert "\n\n\n" not in out
    assert " \n" not in out and "\n " not in out and "  " not in out
    assert out == out.strip(" \n")


@given(plain_ascii_text())
def test_plain_ascii_text_is_unchanged(text: str) -> None:
    assert clean(text) == text
    assert clean(text, normalization="NFKC") == text


@given(paragraphs())
def test_paragraph_count_is_preserved(case: tuple[str, int]) -> None:
    text, count = case
    out = clean(text)
    assert len([p for p in out.split("\n\n") if p.strip()]) == count
    assert len(out.split("\n\n")) == count  # and no empty paragraphs


@given(messy_text())
def test_explanation_matches_and_replays(text: str) -> None:
    result = clean_and_explain(text)
    assert result.text == clean(text)
    assert result.encoding is None
    replayed = text
    for name in result.steps:
        replayed = STEPS[name](replayed)
    assert replayed == result.text


@given(st.binary())
def test_bytes_never_raise(data: bytes) -> None:
    result = clean_and_explain(data)
    assert result.encoding in {"utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"}
    assert clean(result.text) == result.text


@given(st.text(alphabet=st.characters(codec="latin-1", exclude_characters="\0"), min_size=8))
def test_latin_text_in_utf16_without_a_bom_is_read_back(text: str) -> None:
    # (eight characters or more: a shorter text may not show its NUL bytes' pattern, and is
    # read as before, its NUL characters dropped by cleaning)
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(codec)) == (text, "utf-16")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\0"), min_size=1))
@example("\ufeffbom")
def test_utf8_without_nul_bytes_is_read_as_utf8(text: str) -> None:
    if text.startswith("\ufeff"):  # (a byte order mark: dropped)
        assert decode_bytes(text.encode()) == (text[1:], "utf-8-sig")
    else:
        assert decode_bytes(text.encode()) == (text, "utf-8")


# --- the fast paths never skip work -------------------------------------------------------------

# Characters near the edges of every class the fast paths use: ftfy's alphabet, every character
# of the single-byte codecs it undoes (Cyrillic, Greek, accented Latin letters), and ASCII.
_CHARMAPS = {
    char for codec in chardata.CHARMAP_ENCODINGS for char in bytes(range(0x80, 0x100)).decode(codec)
}
_ALPHABET = st.sampled_from(
    sorted(set(clean_module._MOJIBAKE_ALPHABET.replace("\\", "")) | _CHARMAPS)
    + list("aZ .,?!'-\n\t\xa0\u2009\u3000\u200b\xad\x00\x1b\x85\x93\u2028#&;ÃÂœŒ")
)
_near_mojibake = st.lists(_ALPHABET, max_size=12).map("".join)


@settings(max_examples=1000)
@given(_near_mojibake)
@example("xвЂx")
@example("ГўВЂВxy")
@example("СССР»")
def test_mojibake_hint_covers_ftfy_badness(text: str) -> None:
    # fix_encoding only consults ftfy on lines where the cheap hint fires
    if BADNESS_RE.search(text):
        assert clean_module._MOJIBAKE_HINT_RE.search(text)


def _badness_alternatives() -> list[list[set[str] | None]]:
    """Each top-level alternative of ftfy's BADNESS_RE as the characters each of its items
    can match (None: any of many, such as ``\\s``, ``[^A-Za-z]`` or ``.``)."""
    try:  # the parser behind re (a private module: this test adapts if it moves)
        c, parser = (importlib.import_module(f"re._{m}") for m in ("constants", "parser"))
    except ImportError:  # Python 3.10
        c, parser = (importlib.import_module(f"sre_{m}") for m in ("constants", "parse"))

    def chars(op: object, av: object) -> set[str] | None:
        if op is c.LITERAL:
            return {chr(av)}  # type: ignore[arg-type]
        if op is not c.IN:
            return None
        out: set[str] = set()
        for inner, value in av:  # type: ignore[attr-defined]
            if inner is c.LITERAL:
                out.add(chr(value))
            elif inner is c.RANGE:
                out.update(map(chr, range(value[0], value[1] + 1)))
            else:  # a negation or a category: many characters
                return None
        return out

    ((branch, (_, alternatives)),) = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data
    assert branch is c.BRANCH
    return [[chars(op, av) for op, av in alt.data if op is not c.AT] for alt in alternatives]


def test_mojibake_hint_covers_every_badness_alternative() -> None:
    # Every match of each alternative fires the hint: a lone item's characters do, or every
    # pair of characters two neighbouring items can match does (checked exhaustively).
    hint = clean_module._MOJIBAKE_HINT_RE
    alternatives = _badness_alternatives()
    assert len(alternatives) > 20
    for items in alternatives:
        if items[0] is not None and (len(items) == 1 or items[0] <= {"Œ", "œ"}):
            followers = " 1é\u4e00\n.«ж" if len(items) > 1 else ""  # [Œœ][^A-Za-z]
            assert all(hint.search(x + y) for x in items[0] for y in followers or [""]), items
            continue
        assert any(
            all(hint.search(x + y) for x in first for y in second)
            for first, second in pairwise(items)
            if first is not None and second is not None
        ), [None if i is None else "".join(sorted(i))[:20] for i in items]


@settings(max_examples=1000)
@given(st.one_of(_near_mojibake, messy_text()))
def test_trigger_covers_the_skipped_steps(text: str) -> None:
    # _run skips fix_encoding, remove_invisible and the odd-space part of normalize_spaces
    # when _TRIGGER_RE finds nothing: each of their own checks must imply the trigger
    hits = [
        clean_module._MOJIBAKE_HINT_RE.search(text),
        clean_module._INVISIBLE_HINT_RE.search(text),
        clean_module._ODD_SPACE_RE.search(text),
    ]
    if any(hits):
        assert clean_module._TRIGGER_RE.search(text)


DEFAULT_STEPS = [
    "unescape_html",
    "fix_encoding",
    "fix_line_breaks",
    "decode_quoted_printable",
    "remove_invisible",
    "normalize_spaces",
    "normalize_unicode",
]


@given(messy_text())
def test_shortcuts_change_nothing(text: str) -> None:
    # the pipeline with its shortcuts gives what the default steps give applied naively
    expected = text
    for _ in range(16):
        before = expected
        for name in DEFAULT_STEPS:
            expected = STEPS[name](expected)
        if expected == before:
            break
    assert clean(text) == expected


@given(
    st.text(st.sampled_from("\x00\x1b\x7f\x85\x9f\xad\u200b\u200c\u200d\u2060\ufeff[31m;aé ж\n"))
    | messy_text()
)
@example("\x00\x1b[31m")  # (a run of invisible characters that an escape's start ends)
@example("a\u200db \u200cé\u200b")  # (joiners between letters that join nothing)
def test_invisible_characters_go_as_the_one_pattern_removes_them(text: str) -> None:
    # The rule: escapes and runs of invisible characters in one pattern, then the joiners
    # between letters that join nothing (the shortcuts take the first apart where the text
    # holds no escape, and skip the second where it holds no joiner).
    expected = text
    if clean_module._INVISIBLE_HINT_RE.search(text):
        expected = clean_module._LOOSE_JOINER_RE.sub("", clean_module._INVISIBLE_RE.sub("", text))
        expected = clean_module.ftfy.fixes.fix_surrogates(expected)
    assert clean_module.remove_invisible(text) == expected
