"""Unit tests for textclean.clean: each step, the API, bytes, and adversarial inputs."""

from __future__ import annotations

import dataclasses
import quopri
import re
import signal
import time
from collections.abc import Callable, Iterator

import pytest

import textclean.cleaning as clean_module
from tests.strategies import ALL_OPT_IN
from textclean.cleaning import (
    STEPS,
    CleanConfig,
    CleanResult,
    clean,
    clean_and_explain,
    decode_bytes,
    decode_quoted_printable,
    fix_encoding,
    fix_line_breaks,
    fold_ligatures,
    fold_width,
    normalize_spaces,
    normalize_unicode,
    remove_invisible,
    resolve_spintax,
    straighten_dashes,
    straighten_quotes,
    unescape_html,
    unwrap_braces,
)


def as_cp1252(text: str) -> str:
    """UTF-8 bytes of ``text`` read as Windows-1252 (undefined bytes read as Latin-1)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def as_latin1(text: str) -> str:
    """UTF-8 bytes of ``text`` read as Latin-1."""
    return text.encode("utf-8").decode("latin-1")


# --- mojibake ---------------------------------------------------------------------------------

SENTENCES = [
    "The café’s crème brûlée costs €7 — a bargain.",
    "“Don’t panic,” she said, “it’s only a naïve test.”",
    "Zürich, São Paulo and Kraków are on the list…",
    "Prices rose 5% – more than the 3% forecast.",
    "Emoji too 😀 and 👍 in the middle of a sentence.",
    "El niño pidió jamón; la señora dijo ¡olé!",
    "Smörgåsbord in Malmö, fjörd in Ísland, œuvre in Français.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(as_cp1252, id="cp1252"),
        pytest.param(as_latin1, id="latin1"),
        pytest.param(lambda s: as_cp1252(as_cp1252(s)), id="cp1252-twice"),
        pytest.param(lambda s: as_latin1(as_cp1252(s)), id="cp1252-then-latin1"),
    ],
)
def test_mojibake_is_undone(sentence: str, damage: Callable[[str], str]) -> None:
    broken = damage(sentence)
    assert broken != sentence
    assert clean(broken) == sentence
    assert fix_encoding(broken) == sentence


def test_mojibake_fixed_only_on_damaged_lines() -> None:
    text = "Itâ€™s broken here.\nBut “this” line is fine — café.\n\nAnd Ã©t Ã© here."
    assert clean(text) == "It’s broken here.\nBut “this” line is fine — café.\n\nAnd ét é here."


_RUSSIAN = "Совет одобрил бюджет во вторник «после долгих дебатов», сообщил мэр."
_GREEK = "Το συμβούλιο ενέκρινε τον προϋπολογισμό την Τρίτη, είπε ο δήμαρχος «χθες»."


@pytest.mark.parametrize(
    ("sentence", "codec"),
    [(_RUSSIAN, "cp1251"), (_RUSSIAN, "latin-1"), (_GREEK, "latin-1")],
)
def test_cyrillic_and_greek_skip_the_mojibake_check_unless_damaged(
    sentence: str, codec: str
) -> None:
    # Everyday letters side by side never reach ftfy (the fast path); their mojibake does.
    assert clean_module._MOJIBAKE_HINT_RE.search(sentence) is None
    assert clean(sentence) == sentence
    broken = sentence.encode("utf-8").decode(codec)
    assert clean_module._MOJIBAKE_HINT_RE.search(broken)
    assert clean(broken) == sentence


def test_c1_controls_read_as_windows_1252() -> None:
    assert clean("\x93quoted\x94 \x96 dash\x85") == "“quoted” – dash…"


def test_a_lost_no_break_space_is_repaired_where_other_lines_are_mojibake() -> None:
    # A no-break space's mojibake ("Â\xa0") whose second character a scraper made a plain
    # space: too little for ftfy in a line alone, which stays as it is; in a page whose other
    # lines are mojibake too it is repaired, as is "à" ("Ã\xa0") the same way.
    def scraped(text: str) -> str:
        return as_cp1252(text).replace("\xa0", " ")

    heading = "Step 2:\u00a0Appoint a registered agent"
    assert scraped(heading) == "Step 2:Â Appoint a registered agent"
    assert clean(scraped(heading)) == scraped(heading)
    page = f"It’s the second step.\n\n{heading}\n\nVoilà la carte."
    assert clean(scraped(page)) == (
        "It’s the second step.\n\nStep 2: Appoint a registered agent\n\nVoilà la carte."
    )
    # Beside lines that are no mojibake (a curly quote written as it is), "Â " stays.
    assert clean(f"It’s here.\n{scraped(heading)}") == f"It’s here.\n{scraped(heading)}"


def test_a_no_break_space_lost_at_a_line_end_is_repaired_where_other_lines_are_mojibake() -> None:
    # A no-break space at a line's end ("&nbsp;" before the break) read as Windows-1252, the
    # space itself gone with the line's trailing white space: "Â" ends the line. Where other
    # lines are mojibake, it is one too, and goes; alone, or beside clean lines, it stays; and
    # "Ã" ends words ("IRMÃ"), so it stays wherever it stands.
    def scraped(text: str) -> str:
        return re.sub("\xa0$", "", as_cp1252(text), flags=re.MULTILINE)

    page = "It’s the second step.\n\nFile the forms first.\xa0\n\nThen wait."
    assert "first.Â\n" in scraped(page)
    assert clean(scraped(page)) == "It’s the second step.\n\nFile the forms first.\n\nThen wait."
    assert clean("File the forms first.Â\nThen wait.") == "File the forms first.Â\nThen wait."
    assert clean("It’s here.\nFile them first.Â") == "It’s here.\nFile them first.Â"
    assert clean("Itâ€™s here.\nMINHA IRMÃ") == "It’s here.\nMINHA IRMÃ"
    # Run into the next line once it was lost there: the same, but not inside a word.
    glued = scraped(page).replace("Â\n\n", "Â")
    assert clean(glued) == "It’s the second step.\n\nFile the forms first. Then wait."
    assert clean("Itâ€™s here. Au CHÂTEAU") == "It’s here. Au CHÂTEAU"


def test_entity_decoding_into_mojibake_is_repaired() -> None:
    assert clean("it&acirc;&#128;&#153;s") == "it’s"
    assert clean_and_explain("it&acirc;&#128;&#153;s").steps == ("unescape_html", "fix_encoding")


@pytest.mark.parametrize(
    "text",
    [
        "“Curly quotes” and ‘single’ ones — with em dashes – and en dashes.",
        "Accents: café, naïve, Ångström, Øresund, ß, œuvre, Æsir.",
        "Ελληνικά κείμενα, русский текст, 日本語のテキスト, 中文, 한국어.",
        "עברית ומילים \u200fבערבית: مرحبا بالعالم",
        "Family 👨\u200d👩\u200d👧 and coder 👩\u200d💻, flag 🇺🇦, keycap 1\ufe0f\u20e3.",
        "Math: x² + y³ ≤ ½ × 10⁹ ± 5 µm, 20 °C, №5, ™ ® ©.",
        "Box drawing ├── src\n│ └── main.py",
        "There are a lot of Ã’s in mojibake text",
        "Bullets • one • two … and “…”",
    ],
)
def test_clean_text_is_left_alone(text: str) -> None:
    assert clean(text) == text
    assert fix_encoding(text) == text


# --- unescape_html ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("it&#8217;s &#x2019;x&#X2019;", "it’s ’x’"),
        ("caf&eacute; &EACUTE;", "café É"),
        ("a&nbsp;b", "a\xa0b"),
        ("&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>"),
        ("<p>AT&amp;T</p>", "<p>AT&T</p>"),
        ("&amp;amp;amp;", "&"),
        ("&amp;#8217;", "’"),
        ("&amp;unknown;", "&unknown;"),
        ("&copy 2024 &amp the rest", "© 2024 & the rest"),
        ("&#150; &#x80;", "– €"),
    ],
)
def test_unescape_html(before: str, after: str) -> None:
    assert unescape_html(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "AT&T",
        "R&D",
        "a&b",
        "Q&A; fish & chips & more",
        "https://x.org/?a=1&copy=2&lang=en&amp2",
        "&unknown; &; &#; &#x; & amp;",
        "&notanentity",
        "&#99999999999;",
    ],
)
def test_unescape_html_leaves_non_entities(text: str) -> None:
    assert unescape_html(text) == text


def test_entities_decoded_even_with_angle_brackets() -> None:
    # ftfy switches entity decoding off when it sees "<"; we do not
    assert clean("if a < b &amp;&amp; c &gt; d") == "if a < b && c > d"


def test_double_escaped_entities_decode_fully_and_idempotently() -> None:
    once = clean("&amp;lt;tag&amp;gt;")
    assert once == "<tag>"
    assert clean(once) == once


# --- fix_line_breaks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("a\u2028b", "a\nb"),
        ("a\u2029b", "a\n\nb"),
        ("a\x85b", "a\nb"),
        ("a\x0bb", "a\nb"),
        ("a\x0cb", "a\nb"),
        ("a\n\tb", "a\n\tb"),
    ],
)
def test_fix_line_breaks(before: str, after: str) -> None:
    assert fix_line_breaks(before) == after


# --- decode_quoted_printable -------------------------------------------------------------------

QP_TEXT = (
    "The harbour bridge, closed to cars since 2019, will reopen in May, the council said.\n"
    "“It costs €12m = a fifth of this year’s budget,” said the mayor, Ingrid Solberg.\n"
    "Short line.\n"
    "Work starts in March; ferries will run every 20 minutes between the two quays until then."
)


def test_decode_quoted_printable_reads_what_an_encoder_wrote() -> None:
    encoded = quopri.encodestring(QP_TEXT.encode()).decode()
    assert "=E2=82=AC" in encoded and "=\n" in encoded  # (the test's own premise)
    assert decode_quoted_printable(encoded) == QP_TEXT
    assert clean(encoded) == QP_TEXT
    assert clean(encoded, decode_quoted_printable=False) == encoded
    assert clean_and_explain(encoded).steps == ("decode_quoted_printable",)
    # A Windows-1252 mail's bytes, inside lines the encoding broke; a CRLF mail's soft breaks.
    assert decode_quoted_printable(quopri.encodestring(QP_TEXT.encode("cp1252")).decode()) == (
        QP_TEXT
    )
    assert clean(encoded.replace("\n", "\r\n")) == QP_TEXT


def test_decode_quoted_printable_joins_a_line_broken_once_beside_others() -> None:
    # A line broken once, with no escape, is quoted-printable when the text holds a line
    # that surely is; alone, it stays.
    once = "A plain line of ASCII only, long enough for the encoder to break it once, at 76."
    encoded = quopri.encodestring(f"{once}\n{QP_TEXT}".encode()).decode()
    assert decode_quoted_printable(encoded) == f"{once}\n{QP_TEXT}"
    alone = quopri.encodestring(once.encode()).decode()
    assert alone.count("=\n") == 1  # (the test's own premise)
    assert decode_quoted_printable(alone) == alone


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("It=E2=80=99s a caf=C3=A9.", "It’s a café."),  # escapes of UTF-8 anywhere
        ("2+2=\n4", "2+2=\n4"),  # a sum at a short line's end
        ("x=FF and a=3D b", "x=FF and a=3D b"),  # escapes of ASCII or lone bytes, outside
        ("Title\n=====\nText", "Title\n=====\nText"),
        ("QUJD" * 19 + "\nQUJD=\n", "QUJD" * 19 + "\nQUJD=\n"),  # base64's padding
        (("a " * 35 + "=\n") * 2 + "end", ("a " * 35) * 2 + "end"),  # two soft breaks
        (("a " * 35 + "=\n\n") * 2 + "end", ("a " * 35) * 2 + "end"),  # a line a paragraph
        ("a " * 35 + "=\nend", "a " * 35 + "=\nend"),  # one, no escape: not surely
        ("a " * 35 + "=\ncaf=E9", "a " * 35 + "café"),  # one, with an escape
        ("a=" * 40 + "=\n" + "b" * 70 + "=\nend", "a=" * 40 + "=\n" + "b" * 70 + "=\nend"),
    ],
)
def test_decode_quoted_printable(before: str, after: str) -> None:
    assert decode_quoted_printable(before) == after


def test_clean_nel_is_an_ellipsis_when_fixing_encoding() -> None:
    assert clean("wait\x85 what") == "wait… what"
    assert clean("line\x85next", fix_encoding=False) == "line\nnext"


# --- remove_invisible -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("zero\u200bwidth", "zerowidth"),
        ("\ufeffBOM and mid\ufeffdle", "BOM and middle"),
        ("soft\xadhyphen", "softhyphen"),
        ("word\u2060joiner", "wordjoiner"),
        ("\x1b[1;31mred\x1b[0m plain", "red plain"),
        ("nul\x00 bell\x07 del\x7f esc\x1b", "nul bell del esc"),
        ("c1 \x81\x9d", "c1 "),
        ("bidi \u202ehidden\u202c and \u2067iso\u2069", "bidi hidden and iso"),
        ("lone \ud800 and \udfff", "lone \ufffd and \ufffd"),
        ("pair \ud83d\ude00", "pair 😀"),
        (
            "Fer\u200cry fa\u200d\u200cres 20\u200c26",
            "Ferry fares 2026",
        ),  # joiners join nothing here
        ("Ре\u200cка and Ελ\u200dλάδα", "Река and Ελλάδα"),
    ],
)
def test_remove_invisible(before: str, after: str) -> None:
    assert remove_invisible(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "tab\tand\nnewline\n",
        "ZWJ 👩\u200d💻 and ZWNJ می\u200cخواهم",
        "Devanagari क्\u200dष, and a joiner beside a space: a \u200c b, Persian\u200cمی",
        "RTL marks \u200fשלום\u200e ok",
        "variation ❤\ufe0f selector, keycap 1\ufe0f\u20e3",
        "flag 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    ],
)
def test_remove_invisible_keeps_meaningful_characters(text: str) -> None:
    assert remove_invisible(text) == text


def test_clean_output_is_always_utf8_encodable() -> None:
    clean("a\ud800b\udc00").encode("utf-8")


# --- normalize_spaces -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a  b", "a b"),
        ("a\xa0b\u202fc\u2009d\u3000e\u2003f", "a b c d e f"),
        ("a\tb", "a b"),
        ("   indented\n\tline", "indented\nline"),
        ("trailing   \nspaces \n", "trailing\nspaces"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("a\n \t \n\xa0\nb", "a\n\nb"),
        ("\n\n  lead and tail \n\n", "lead and tail"),
        ("one\ntwo\n\nthree", "one\ntwo\n\nthree"),
    ],
)
def test_normalize_spaces(before: str, after: str) -> None:
    assert normalize_spaces(before) == after


def test_paragraph_breaks_are_kept() -> None:
    text = "Para one line one\nline two\n\nPara two\n\nPara three"
    assert clean(text) == text


# --- normalize_unicode -------------------------------------------------------------------------


def test_normalize_unicode() -> None:
    assert normalize_unicode("cafe\u0301") == "café"
    assert normalize_unicode("x²") == "x²"
    assert normalize_unicode("x² ﬁ ①", "NFKC") == "x2 fi 1"
    assert clean("x² ﬁ") == "x² ﬁ"
    assert clean("x² ﬁ", normalization="NFKC") == "x2 fi"
    assert clean("cafe\u0301", normalization=None) == "cafe\u0301"


def test_never_lowercases() -> None:
    text = "NASA and the BBC Said So. ÉCOLE ΑΘΗΝΑ"
    assert clean(text) == text
    assert clean(text, ALL_OPT_IN, normalization="NFKC") == text


# --- opt-in steps -----------------------------------------------------------------------------


def test_opt_in_steps_are_off_by_default() -> None:
    text = "“Quote” ‘x’ – — − ﬁ ＡＢＣ {that a} {a|b}"
    assert clean(text) == text


@pytest.mark.parametrize(
    ("step", "before", "after"),
    [
        (straighten_quotes, "“a” ‘b’ „c‟ 5′ 6″", '"a" \'b\' "c" 5\' 6"'),
        (straighten_quotes, "«guillemets» ‹kept›", "«guillemets» ‹kept›"),
        (straighten_dashes, "a–b—c―d−e‒f‐g‑h", "a-b-c-d-e-f-g-h"),
        (fold_ligatures, "ﬁne ﬂow ﬀ ﬃ ﬄ ĳ", "fine flow ff ffi ffl ij"),
        (fold_width, "ＡＢＣ１２３！", "ABC123!"),
        (fold_width, "ｶﾀｶﾅ", "カタカナ"),
        (unwrap_braces, "the fact {that a} Ukrainian", "the fact that a Ukrainian"),
        (unwrap_braces, "({plain words}) and {one}.", "(plain words) and one."),
        (resolve_spintax, "{Hello|Hi|Hey} world", "Hello world"),
        (resolve_spintax, "{a|{b|c}}", "{a|b}"),
    ],
)
def test_opt_in_steps(step: Callable[[str], str], before: str, after: str) -> None:
    assert step(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "{a|b}",
        '{"a": 1, "b": [2]}',
        "\\frac{1}{2} and \\textbf{bold}",
        "{{template}} and {{ var }}",
        "f{x} and x{a}b",
        "{}",
        "{123}",
        "{snake_case}",
        "{unclosed and } stray",
        "function() { return x; }",
    ],
)
def test_unwrap_braces_leaves_code_alone(text: str) -> None:
    assert unwrap_braces(text) == text


def test_spintax_resolves_nested_groups_in_clean() -> None:
    assert clean("{a|{b|c}} {x|y}", resolve_spintax=True) == "a x"


def test_all_opt_in_together() -> None:
    text = "“Smart” – ﬁne ＡＢＣ the fact {that a} man {said|told}"
    assert clean(text, ALL_OPT_IN) == '"Smart" - fine ABC the fact that a man said'


# --- API --------------------------------------------------------------------------------------


def test_clean_and_explain() -> None:
    result = clean_and_explain("Itâ€™s\xa0here &amp; now\r\n")
    assert result == CleanResult("It’s here & now", result.steps, None)
    assert result.steps == ("unescape_html", "fix_encoding", "fix_line_breaks", "normalize_spaces")
    assert clean_and_explain("nothing to do").steps == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]


def test_explained_steps_replay_to_the_same_text() -> None:
    text = "\ufeffCaf&eacute;  â€” ok\u200b\r\n\r\n\r\nnext"
    result = clean_and_explain(text)
    replayed = text
    for name in result.steps:
        replayed = STEPS[name](replayed)
    assert replayed == result.text


def test_config_and_options() -> None:
    config = CleanConfig(fix_encoding=False)
    assert clean("Ã©", config) == "Ã©"
    assert clean("Ã©", config, fix_encoding=True) == "é"
    assert clean("Ã©", fix_encoding=False) == "Ã©"
    assert config.fix_encoding is False  # options never mutate the config
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.fix_encoding = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        CleanConfig(False)  # type: ignore[call-arg]


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError) as info:
        clean("x", fix_encodng=True)
    message = str(info.value)
    assert "unknown option 'fix_encodng'" in message
    assert "did you mean 'fix_encoding'" in message
    assert "valid options are" in message and "normalization" in message


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"normalization": "NFKX"}, "normalization must be 'NFC', 'NFKC' or None, got 'NFKX'"),
        ({"normalization": "NFD"}, "normalization must be"),
        ({"fix_encoding": "yes"}, "fix_encoding must be True or False, got 'yes'"),
        ({"unwrap_braces": 1}, "unwrap_braces must be True or False"),
    ],
)
def test_bad_option_values_are_value_errors(options: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        clean("x", None, **options)
    with pytest.raises(ValueError, match=fragment):
        CleanConfig(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "name"), [(None, "NoneType"), (3, "int"), (["a"], "list")])
def test_wrong_input_type(value: object, name: str) -> None:
    with pytest.raises(TypeError, match=f"clean\\(\\) expects str or bytes, got {name}"):
        clean(value)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=f"clean_and_explain\\(\\) expects str or bytes, got {name}"
    ):
        clean_and_explain(value)  # type: ignore[arg-type]


def test_config_must_be_a_clean_config() -> None:
    with pytest.raises(TypeError, match="config must be a CleanConfig"):
        clean("x", {"fix_encoding": False})  # type: ignore[arg-type]


# --- bytes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("café ’".encode(), "café ’", "utf-8"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "café", "utf-8-sig"),
        ("\ufeffcafé 😀".encode("utf-16-le"), "café 😀", "utf-16"),
        ("\ufeffcafé 😀".encode("utf-16-be"), "café 😀", "utf-16"),
        ("\ufeffcafé 😀".encode("utf-32-le"), "café 😀", "utf-32"),
        # no byte order mark: told by where the NUL bytes stand
        ("It’s a café — 😀".encode("utf-16-le"), "It’s a café — 😀", "utf-16"),
        ("It’s a café — 😀".encode("utf-16-be"), "It’s a café — 😀", "utf-16"),
        ("В Москве открыли мост.".encode("utf-16-le"), "В Москве открыли мост.", "utf-16"),
        ("В Москве открыли мост.".encode("utf-16-be"), "В Москве открыли мост.", "utf-16"),
        ("It’s a café — 😀".encode("utf-32-le"), "It’s a café — 😀", "utf-32"),
        ("It’s a café — 😀".encode("utf-32-be"), "It’s a café — 😀", "utf-32"),
        # stray NUL bytes in UTF-8 text, even at one parity, are no UTF-16
        (b"one\0two\0three\0four\0", "one\0two\0three\0four\0", "utf-8"),
        ("café\0".encode(), "café\0", "utf-8"),
        (b"caf\xe9", "café", "cp1252"),
        (b"\x93quoted\x94 \x80 \x81", "“quoted” € \x81", "cp1252"),
        (b"", "", "utf-8"),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    "data", [b"\xff\xfe\x00", b"\xfe\xff\xd8\x00", b"\xef\xbb\xbf\xff", bytes(range(256))]
)
def test_decode_bytes_never_raises(data: bytes) -> None:
    text, encoding = decode_bytes(data)
    assert isinstance(text, str) and encoding in {"utf-16", "utf-32", "cp1252"}


def test_clean_bytes() -> None:
    assert clean(b"caf\xe9\r\n") == "café"
    assert clean("\ufeffhi &amp; bye".encode("utf-16")) == "hi & bye"
    assert clean_and_explain(b"\xef\xbb\xbfok").encoding == "utf-8-sig"
    assert clean_and_explain(b"caf\xe9").encoding == "cp1252"
    assert clean_and_explain("caf\xe9").encoding is None
    # UTF-8 bytes of mojibake: decoded, then repaired
    assert clean("Itâ€™s".encode()) == "It’s"


def test_decode_bytes_rejects_str() -> None:
    with pytest.raises(TypeError, match="expects bytes"):
        decode_bytes("text")  # type: ignore[arg-type]


# --- adversarial inputs -----------------------------------------------------------------------

SIZE = 10_000_000
ADVERSARIAL = {
    "one huge line": ("word " * (SIZE // 5))[:SIZE],
    "only spaces": " " * SIZE,
    "&# repeated": "&#" * (SIZE // 2),
    "& repeated": "&" * SIZE,
    "&amp; chain": "&" + "amp;" * (SIZE // 4),
    "http://a( repeated": "http://a(" * (SIZE // 9),
    "Ã© repeated": "Ã©" * (SIZE // 8),
    "{ repeated": "{" * SIZE,
    "{a| repeated": "{a|" * (SIZE // 3),
    "{ then words": "{" + "a " * (SIZE // 2) + "}",
    "{ then a word": "{" + "a" * SIZE + "|}",
}


@pytest.fixture
def deadline() -> Iterator[None]:
    """Safety net only: fail instead of hanging if something goes quadratic."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("cleaning took far too long: not linear?")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_inputs_finish(name: str, deadline: None) -> None:
    text = ADVERSARIAL[name]
    start = time.perf_counter()
    out = clean(text, ALL_OPT_IN) if name.startswith("{") else clean(text)
    assert isinstance(out, str)
    assert time.perf_counter() - start < 60
