"""Labelled documents for the deduplication benchmark (and for tests that want a generator).

An *article* is a title and a list of paragraphs, read from a JSONL corpus (``text`` field,
paragraphs separated by blank lines) or made up by :func:`synthetic_articles`. Each pattern
function turns one article into a :class:`LabelledDoc`: a list of paragraphs, each labelled

* ``"unique"``: content of the article, at its first appearance (the article's own legitimate
  repeats, such as list items and table rows, are unique too: they are the hard negatives);
* ``"duplicate"``: a copy (exact, rewrapped, noisy, edited, shortened) of content that appears
  earlier or later in the document, or a boilerplate line; a good deduplicator removes these;
* ``"other"``: page furniture that is neither (the "Highlights" heading); not scored.

In most patterns the copy comes after the content, so the two carry the same lines as far as the
copy is not rewrapped. Where the copy comes first, it is the content and the body is the
duplicate, and the two do not break into the same lines; nor do the body and a print copy that
keeps the lines it was set in; nor the page of one line (:data:`ONE_LINE`), whose body and copy
share it. Such documents (:data:`SCORED_BY_CONTENT`) are scored on their words in order, not
line by line (see ``bench_dedupe``).

Ground truth is by construction. Every paragraph is one line (corpus line breaks inside a
paragraph become paragraphs of their own), but for a print copy's, and the document joins them
with a blank line or, for some documents, a single newline (one paragraph per line, like scraped
text often is); a page of one line, with a space.

Everything is driven by a ``random.Random`` seeded from the pattern name, the article id and the
run seed, so a document is the same across runs and processes.
"""

from __future__ import annotations

import json
import random
import re
import textwrap
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "COPY_FIRST",
    "ONE_LINE",
    "PATTERNS",
    "SCORED_BY_CONTENT",
    "Article",
    "LabelledDoc",
    "generate",
    "load_articles",
    "synthetic_articles",
]

Label = str  # "unique" | "duplicate" | "other"


@dataclass(frozen=True)
class Article:
    """One source article: an id, a title and its paragraphs (one line each)."""

    id: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class LabelledDoc:
    """A generated document and the label of each of its paragraphs."""

    pattern: str
    article_id: str
    paragraphs: tuple[str, ...]
    labels: tuple[Label, ...]
    separator: str

    @property
    def text(self) -> str:
        return self.separator.join(self.paragraphs)


# ------------------------------------------------------------------------------------------
# Articles

_ODD_BREAKS = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _lines(text: str) -> list[str]:
    text = _ODD_BREAKS.sub("\n", text)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def load_articles(path: str | Path, *, min_paragraphs: int = 3) -> list[Article]:
    """Articles of a JSONL corpus (``id``, ``title``, ``text``), those with enough paragraphs."""
    articles = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            row = json.loads(line)
            paragraphs = _lines(row.get("text") or "")
            if len(paragraphs) >= min_paragraphs:
                title = " ".join(str(row.get("title") or "").split())
                articles.append(Article(str(row.get("id", n)), title, tuple(paragraphs)))
    return articles


_SUBJECTS = (
    "The city council", "Regional officials", "The transport ministry", "Local farmers",
    "Hospital managers", "The central bank", "Residents of the old town", "The school board",
    "Two opposition parties", "The harbour authority", "A group of engineers", "Investors",
)  # fmt: skip
_VERBS = (
    "approved", "delayed", "criticised", "welcomed", "questioned", "announced", "rejected",
    "reviewed", "postponed", "defended", "expanded", "cut",
)  # fmt: skip
_OBJECTS = (
    "a plan to widen the northern bypass", "the budget for next year", "new rules on rents",
    "a proposal to close two clinics", "the contract for the tram line", "plans for a new bridge",
    "a tax on short-term lets", "the flood defence scheme", "the reopening of the library",
    "changes to bus timetables", "a pilot project for electric ferries", "water prices",
)  # fmt: skip
_TAILS = (
    "on Tuesday", "after a long debate", "despite protests outside", "by a narrow margin",
    "for the second time this year", "citing rising costs", "in a statement on Friday",
    "after months of talks", "without giving a reason", "according to local media",
)  # fmt: skip
_QUOTES = (
    "“We have listened carefully,” said {name}, a spokesperson.",
    "“This is not the end of the matter,” {name} told reporters.",
    "{name} said the decision would cost about {n} million euros over {m} years.",
    "Critics, including {name}, said the figures did not add up.",
    "About {n} people attended the meeting, which lasted {m} hours.",
)
_NAMES = ("Anna Berg", "Tomas Novak", "Leila Haddad", "Marco Rossi", "Priya Nair", "Jon Olsen")


def synthetic_articles(n: int, *, seed: int = 0) -> list[Article]:
    """``n`` made-up, news-like articles (used when no corpus is available)."""
    rng = random.Random(seed)
    articles = []
    for k in range(n):
        paragraphs = []
        for _ in range(rng.randint(4, 12)):
            sentences = []
            for _ in range(rng.randint(1, 4)):
                if rng.random() < 0.3:
                    sentences.append(
                        rng.choice(_QUOTES).format(
                            name=rng.choice(_NAMES), n=rng.randint(2, 900), m=rng.randint(2, 9)
                        )
                    )
                else:
                    sentences.append(
                        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                        f"{rng.choice(_TAILS)}."
                    )
            paragraphs.append(" ".join(sentences))
        if rng.random() < 0.3:  # a list whose short lines repeat legitimately
            items = [f"Line {rng.randint(1, 9)}", "Closed", "Open", f"{rng.randint(5, 60)} minutes"]
            paragraphs[2:2] = [rng.choice(items) for _ in range(6)]
        title = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
        articles.append(Article(f"synthetic-{k}", title, tuple(paragraphs)))
    return articles


# ------------------------------------------------------------------------------------------
# Building blocks

_SENTENCE = re.compile(r"""(?:(?<=[.!?…])|(?<=[.!?…][”"’')\]]))\s+(?=[“"‘'(\[]?[A-Z0-9])""")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (a heuristic good enough for generating copies)."""
    return [s for s in _SENTENCE.split(paragraph) if s]


def _body(article: Article) -> list[str]:
    return ([article.title] if article.title else []) + list(article.paragraphs)


def _words(paragraph: str) -> int:
    return len(paragraph.split())


def _cp1252_char(byte: int) -> str:
    raw = bytes([byte])
    return raw.decode("cp1252") if raw not in _CP1252_UNDEFINED else raw.decode("latin-1")


_CP1252_UNDEFINED = {b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"}
_CP1252 = [_cp1252_char(b) for b in range(256)]


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes read as Latin-1), as ftfy sees it.

    >>> mojibake("It’s café")
    'Itâ€™s cafÃ©'
    """
    return "".join(_CP1252[b] for b in text.encode("utf-8"))


_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def straight_quotes(text: str) -> str:
    return text.translate(_STRAIGHT)


def curly_quotes(text: str) -> str:
    """Typographic quotes for straight ones (so that a straightened copy differs)."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r'(^|[\s(\[])"', "\\1“", text)
    return text.replace('"', "”")


def no_break_spaces(text: str, rng: random.Random) -> str:
    return "".join(c if c != " " or rng.random() > 0.3 else "\u00a0" for c in text)


def entities(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("’", "&#8217;")
        .replace("“", "&#8220;")
        .replace("”", "&#8221;")
        .replace("—", "&mdash;")
        .replace("é", "&eacute;")
    )


def typo(paragraph: str, rng: random.Random) -> str | None:
    """Swap two inner letters of one longer word; ``None`` when there is no such word."""
    words = paragraph.split(" ")
    choices = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not choices:
        return None
    i = rng.choice(choices)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(words)


def change_number(paragraph: str, rng: random.Random) -> str | None:
    """Change one number of the paragraph; ``None`` when it has none."""
    numbers = list(re.finditer(r"\d+", paragraph))
    if not numbers:
        return None
    m = rng.choice(numbers)
    value = str(int(m.group()) + rng.randint(1, 9))[-len(m.group()) - 1 :]
    return paragraph[: m.start()] + value + paragraph[m.end() :]


_DATELINES = ("WASHINGTON (AP) — ", "LONDON (Reuters) - ", "PARIS (AFP) — ", "NEW YORK (AP) — ")


# House-style rewordings between two outlets' copies of one story (both directions).
_REWORDINGS = (
    ("said", "says"), ("percent", "per cent"), ("about", "around"), ("more than", "over"),
    ("towards", "toward"), ("program", "programme"), ("while", "whilst"),
    ("amid", "amidst"), ("among", "amongst"), ("children", "kids"), ("however", "but"),
    ("help", "assist"), ("use", "utilize"), ("start", "begin"), ("big", "large"),
)  # fmt: skip
_REWORD = {a: b for pair in _REWORDINGS for a, b in (pair, pair[::-1])}
_REWORD_PATTERN = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _REWORD), key=len, reverse=True)) + r")\b"
)
_DROPPABLE = re.compile(r" (?:the|that|very|really|just|also)\b")


def reword(paragraph: str, rng: random.Random) -> str | None:
    """One or two house-style rewordings ("said" for "says"), else one small word dropped;
    ``None`` when the paragraph offers neither."""
    found = list(_REWORD_PATTERN.finditer(paragraph))
    if found:
        out = paragraph
        for match in sorted(rng.sample(found, min(len(found), rng.choice((1, 2)))),
                            key=lambda m: -m.start()):  # fmt: skip
            out = out[: match.start()] + _REWORD[match.group()] + out[match.end() :]
        return out
    drops = list(_DROPPABLE.finditer(paragraph))
    if not drops:
        return None
    match = rng.choice(drops)
    return paragraph[: match.start()] + paragraph[match.end() :]


def _copy_rng(pattern: str, article: Article, seed: int) -> random.Random:
    return random.Random(zlib.crc32(f"{pattern}\0{article.id}\0{seed}".encode()))


Doc = list[tuple[str, Label]]


def _unique(paragraphs: Iterable[str]) -> Doc:
    return [(p, "unique") for p in paragraphs]


def _dups(paragraphs: Iterable[str]) -> Doc:
    return [(p, "duplicate") for p in paragraphs]


# ------------------------------------------------------------------------------------------
# Patterns: each turns an article into a labelled document.


def body_twice(article: Article, rng: random.Random) -> Doc:
    """The body repeated exactly, like a hidden articleBody or AMP copy plus the visible one."""
    body = _body(article)
    return _unique(body) + _dups(article.paragraphs)


def rewrapped(article: Article, rng: random.Random) -> Doc:
    """A second copy with other paragraph breaks: neighbours merged, long ones split."""
    copy: list[str] = []
    paragraphs = list(article.paragraphs)
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        parts = sentences(p)
        if i + 1 < len(paragraphs) and rng.random() < 0.35:
            copy.append(p + " " + paragraphs[i + 1])
            i += 2
            continue
        if len(parts) >= 2 and len(p) > 200 and rng.random() < 0.6:
            cut = rng.randint(1, len(parts) - 1)
            copy += [" ".join(parts[:cut]), " ".join(parts[cut:])]
        else:
            copy.append(p)
        i += 1
    return _unique(_body(article)) + _dups(copy)


def rewrapped_first(article: Article, rng: random.Random) -> Doc:
    """The rewrapped copy of :func:`rewrapped` before the body instead of after it, as an AMP,
    print or ``articleBody`` copy at the top of a page is: the copy is the content (after the
    title) and the body's paragraphs are the duplicates."""
    copy = [p for p, label in rewrapped(article, rng) if label == "duplicate"]
    title = [article.title] if article.title else []
    return _unique(title) + _unique(copy) + _dups(article.paragraphs)


def older_copy_first(article: Article, rng: random.Random) -> Doc:
    """An older copy of the body before it, as a cached AMP page's or an ``articleBody`` written
    before an update: about half the paragraphs of two sentences or more lack their last
    sentence there (of three words or more), which the body (after the title) adds. The copy is
    the duplicate; the body, which holds every word of it, is the content."""
    copy = []
    for p in article.paragraphs:
        parts = sentences(p)
        # (a sentence of three words or more after two sentences' worth: not "1." of a heading)
        cut = (
            len(parts) >= 2
            and _words(parts[-1]) >= 3
            and _words(" ".join(parts[:-1])) >= 6
            and rng.random() < 0.5
        )
        copy.append(" ".join(parts[:-1]) if cut else p)
    return _dups(copy) + _unique(_body(article))


def noisy_copy(article: Article, rng: random.Random) -> Doc:
    """A second copy with mojibake, straight quotes, no-break spaces and HTML entities.

    The first copy gets typographic quotes where the article has straight ones, so that the
    straightened copy differs from it.
    """
    first = [curly_quotes(p) for p in _body(article)]
    noise: list[Callable[[str], str]] = [
        mojibake,
        straight_quotes,
        lambda p: no_break_spaces(p, rng),
        entities,
        lambda p: mojibake(straight_quotes(p)),
        lambda p: entities(no_break_spaces(p, rng)),
    ]
    offset = len(first) - len(article.paragraphs)
    copy = [rng.choice(noise)(p) for p in first[offset:]]
    return _unique(first) + _dups(copy)


def edited_copy(article: Article, rng: random.Random) -> Doc:
    """A second copy with small edits: a dateline, an "(AP)" tail, a changed number, a typo.

    Only paragraphs of eight words or more are edited (a dateline on a one-word list item would
    be a different paragraph, not an edited one).
    """
    copy = []
    dateline_done = False
    for p in article.paragraphs:
        if _words(p) < 8 or rng.random() < 0.4:
            copy.append(p)
            continue
        if not dateline_done:
            copy.append(rng.choice(_DATELINES) + p)
            dateline_done = True
            continue
        edits: list[Callable[[str], str | None]] = [
            lambda q: q + " (AP)",
            lambda q: change_number(q, rng),
            lambda q: typo(q, rng),
        ]
        rng.shuffle(edits)
        for edit in edits:
            edited = edit(p)
            if edited is not None:
                copy.append(edited)
                break
    return _unique(_body(article)) + _dups(copy)


def reworded_copy(article: Article, rng: random.Random) -> Doc:
    """A second copy in another outlet's house style: every paragraph of eight words or more
    reworded (see :func:`reword`), so that no paragraph of it is an exact or typo-level copy."""
    copy = [(reword(p, rng) or p) if _words(p) >= 8 else p for p in article.paragraphs]
    return _unique(_body(article)) + _dups(copy)


def interleaved(article: Article, rng: random.Random) -> Doc:
    """Runs of one to three paragraphs, each run followed by its repeat: p1 p2 p1 p2 p3 p3 ..."""
    doc: Doc = _unique([article.title] if article.title else [])
    paragraphs = list(article.paragraphs)
    i = 0
    while i < len(paragraphs):
        run = paragraphs[i : i + rng.randint(1, 3)]
        doc += _unique(run) + _dups(run)
        i += len(run)
    return doc


def highlights(article: Article, rng: random.Random) -> Doc:
    """A "Highlights" box repeating one or two paragraphs, verbatim or as one sentence.

    The box goes after the lead paragraph or after the body (both happen on real pages).
    """
    body = _unique(_body(article))
    lead = 2 if article.title else 1
    candidates = [p for p in article.paragraphs[1:] if _words(p) >= 8] or list(article.paragraphs)
    chosen = rng.sample(candidates, min(len(candidates), rng.choice((1, 2))))
    items = []
    for p in chosen:
        parts = [s for s in sentences(p) if _words(s) >= 6]
        items.append(rng.choice(parts) if parts and rng.random() < 0.5 else p)
    box: Doc = [(rng.choice(("Highlights", "Story highlights", "Key points")), "other")]
    box += _dups(items)
    at = lead if rng.random() < 0.5 else len(body)
    return body[:at] + box + body[at:]


_BOILERPLATE = (
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Sign up for our newsletter",
    "Sign up for our daily newsletter",
    "Share this article",
    "Share this article:",
    "Read more: {headline}",
    "READ MORE: {headline}",
)


def boilerplate(article: Article, rng: random.Random, *, headlines: tuple[str, ...] = ()) -> Doc:
    """Boilerplate lines inserted through the page, some more than once."""
    doc: Doc = _unique(_body(article))
    for _ in range(max(2, len(doc) // 4)):
        line = rng.choice(_BOILERPLATE)
        if "{headline}" in line:
            headline = (
                rng.choice(headlines) if headlines else "Council delays vote on new tram line"
            )
            line = line.format(headline=headline)
        doc.insert(rng.randint(1, len(doc)), (line, "duplicate"))
    return doc


def _whole_body(article: Article, rng: random.Random, separator: str) -> Doc:
    """The whole body once more as one paragraph, its paragraphs joined by ``separator``, before
    or after the visible body; the first of the two is the content, but a copy glued with
    nothing between its paragraphs (no ``separator``), whose joins fuse words ("nextWork"), is
    never: the body is."""
    whole = separator.join(article.paragraphs)
    if rng.random() < 0.5:
        return [*_unique(_body(article)), (whole, "duplicate")]
    title = [article.title] if article.title else []
    if not separator:
        return [*_unique(title), (whole, "duplicate"), *_unique(article.paragraphs)]
    return [*_unique(title), (whole, "unique"), *_dups(article.paragraphs)]


def article_body(article: Article, rng: random.Random) -> Doc:
    """The whole body once more as a single paragraph (a schema.org ``articleBody`` copy), before
    or after the visible body; the first of the two is the content."""
    return _whole_body(article, rng, " ")


def run_together(article: Article, rng: random.Random) -> Doc:
    """As :func:`article_body`, with nothing between the paragraphs, as text taken from a page's
    paragraph elements without separators is ("...live with.What happens nextWork is due...");
    before the body, the body is the content."""
    return _whole_body(article, rng, "")


def one_line(article: Article, rng: random.Random) -> Doc:
    """The page with its white space collapsed, as some scrapers store text: the title, the body
    and a copy of it after it, all on one line (:data:`ONE_LINE`), one paragraph in five of the
    copy with a typo."""
    copy = [(typo(p, rng) or p) if rng.random() < 0.2 else p for p in article.paragraphs]
    return _unique(_body(article)) + _dups(copy)


def wrapped_copy(article: Article, rng: random.Random) -> Doc:
    """A second copy wrapped at a fixed width (60 to 80 columns), each line a paragraph, as a
    plain-text or print version is: most lines are neither sentences nor paragraphs."""
    width = rng.randint(60, 80)
    copy = [line for p in article.paragraphs for line in textwrap.wrap(p, width)]
    return _unique(_body(article)) + _dups(copy)


def wrapped_across(article: Article, rng: random.Random) -> Doc:
    """A second copy whose paragraph breaks were lost before it was wrapped at a fixed width
    (60 to 80 columns), each line a paragraph, as a plain-text copy made from a run-together
    ``articleBody`` is: a line may end one paragraph and start the next."""
    width = rng.randint(60, 80)
    return _unique(_body(article)) + _dups(textwrap.wrap(" ".join(article.paragraphs), width))


def set_in_print(paragraph: str, width: int, rng: random.Random) -> str:
    """``paragraph`` set in lines of ``width`` columns, joined by newlines, with each long word
    in lower case that would open a line broken across two with a hyphen, at least three letters
    on each side (``tempo-`` ends the line, ``rary`` opens the next), as justified print is. A
    compound's own hyphen is no place to break a line here (``co-`` then ``creator``)."""
    lines = textwrap.wrap(paragraph, width, break_on_hyphens=False)
    for n in range(len(lines) - 1):
        word, _, rest = lines[n + 1].partition(" ")
        if len(word) >= 7 and word.isalpha() and word.islower():
            cut = rng.randint(3, len(word) - 3)
            lines[n] += f" {word[:cut]}-"
            lines[n + 1] = f"{word[cut:]} {rest}".rstrip()
    return "\n".join(lines)


def print_copy(article: Article, rng: random.Random) -> Doc:
    """A print version after the body, as a PDF or an e-paper gives it: each paragraph set in
    lines of one width (56 to 72 columns) that it keeps, long words broken across two lines
    with a hyphen (:func:`set_in_print`). A line may end one sentence and start the next."""
    width = rng.randint(56, 72)
    copy = [set_in_print(p, width, rng) for p in article.paragraphs]
    return _unique(_body(article)) + _dups(copy)


def json_ld(article: Article, rng: random.Random) -> Doc:
    """The body as the ``articleBody`` of a JSON-LD object, left in the text as one line (with
    its keys, dates and links, string escapes and all), before or after the visible body. The
    object is the copy: the body's paragraphs are the content, wherever they stand."""
    sentence = sentences(article.paragraphs[0])[:1] or [article.paragraphs[0]]
    slug = re.sub(r"\W+", "-", (article.title or article.id).lower()).strip("-")[:60]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title or sentence[0],
        "description": sentence[0],
        "datePublished": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:00:00Z",
        "image": {"@type": "ImageObject", "url": f"https://cdn.example.com/{slug}.jpg"},
        "url": f"https://news.example.com/{slug}",
        "articleBody": rng.choice(("\n\n", "\n", " ")).join(article.paragraphs),
    }
    line = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    body = _unique(_body(article))
    return [(line, "duplicate"), *body] if rng.random() < 0.5 else [*body, (line, "duplicate")]


def markdown(paragraph: str, rng: random.Random) -> str:
    """``paragraph`` as converters of web pages to Markdown write it: one word pair in twenty a
    link with its address (``[the vote](https://example.com/2024/the-vote)``), a word in fifty in
    bold."""
    words = paragraph.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if rng.random() < 0.05 and i + 1 < len(words) and word[:1].isalnum():
            pair = f"{word} {words[i + 1]}"
            slug = re.sub(r"[^a-z0-9]+", "-", pair.lower()).strip("-") or "page"
            out.append(f"[{pair}](https://example.com/{rng.randint(2019, 2026)}/{slug})")
            i += 2
            continue
        out.append(f"**{word}**" if rng.random() < 0.02 and word.isalpha() else word)
        i += 1
    return " ".join(out)


def markdown_copy(article: Article, rng: random.Random) -> Doc:
    """A second copy converted to Markdown, links and all, as a scraper that converts pages
    delivers it beside the plain text."""
    return _unique(_body(article)) + _dups(markdown(p, rng) for p in article.paragraphs)


def html_copy(article: Article, rng: random.Random) -> Doc:
    """The body again as one line of HTML, as a feed's ``content:encoded`` or an ``articleBody``
    kept as markup holds it: short lines as headings, paragraphs in ``<p>`` with a class, one
    word pair in twenty a link, after the visible body."""
    parts = []
    for p in article.paragraphs:
        if _words(p) < 8 and not p.endswith((".", "!", "?")):
            parts.append(f"<h2>{p}</h2>")
            continue
        words = p.split(" ")
        i = 0
        while i < len(words) - 1:
            if rng.random() < 0.05 and words[i][:1].isalnum():
                slug = re.sub(r"[^a-z0-9]+", "-", words[i].lower()).strip("-") or "page"
                words[i] = f'<a href="https://example.com/{slug}?utm_source=feed">{words[i]}'
                words[i + 1] = f"{words[i + 1]}</a>"
                i += 1
            i += 1
        parts.append(f'<p class="{rng.choice(("body", "story-text", "p1"))}">{" ".join(words)}</p>')
    line = f'<div class="entry-content">{"".join(parts)}</div>'
    return [*_unique(_body(article)), (line, "duplicate")]


def clean_article(article: Article, rng: random.Random) -> Doc:
    """The article as it is: no duplicates (its own repeated list and table lines are content)."""
    return _unique(_body(article))


PATTERNS: dict[str, Callable[..., Doc]] = {
    "body_twice": body_twice,
    "rewrapped": rewrapped,
    "rewrapped_first": rewrapped_first,
    "older_copy_first": older_copy_first,
    "noisy_copy": noisy_copy,
    "edited_copy": edited_copy,
    "reworded_copy": reworded_copy,
    "interleaved": interleaved,
    "highlights": highlights,
    "boilerplate": boilerplate,
    "article_body": article_body,
    "run_together": run_together,
    "json_ld": json_ld,
    "markdown_copy": markdown_copy,
    "html_copy": html_copy,
    "wrapped_copy": wrapped_copy,
    "wrapped_across": wrapped_across,
    "one_line": one_line,
    "print_copy": print_copy,
    "clean_article": clean_article,
}
"""Pattern name -> generator function ``(article, rng) -> [(paragraph, label), ...]``."""

COPY_FIRST = frozenset({"rewrapped_first"})
"""Patterns whose copy comes first: the content, and the body after it the duplicate."""

ONE_LINE = frozenset({"one_line"})
"""Patterns whose page is one line: its paragraphs are joined by a space."""

SCORED_BY_CONTENT = COPY_FIRST | ONE_LINE | {"print_copy", "older_copy_first", "run_together"}
"""Patterns whose content and copy break into different lines (or differ by whole sentences, or
a copy glued together fuses words at its joins), scored by their words in order."""


def generate(
    pattern: str, articles: Iterable[Article], *, seed: int = 0, one_per_line: float = 0.3
) -> Iterator[LabelledDoc]:
    """One labelled document per article for ``pattern``.

    A share ``one_per_line`` of the documents join paragraphs by a single newline instead of a
    blank line; those of :data:`ONE_LINE` by a space.
    """
    articles = list(articles)
    function = PATTERNS[pattern]
    headlines = tuple(a.title for a in articles if a.title)
    for article in articles:
        rng = _copy_rng(pattern, article, seed)
        doc = (
            function(article, rng, headlines=headlines)
            if function is boilerplate
            else function(article, rng)
        )
        separator = "\n" if rng.random() < one_per_line else "\n\n"
        if pattern in ONE_LINE:
            separator = " "
        yield LabelledDoc(
            pattern,
            article.id,
            tuple(p for p, _ in doc),
            tuple(label for _, label in doc),
            separator,
        )


def generate_combined(
    first: str, then: str, articles: Iterable[Article], *, seed: int = 0
) -> Iterator[LabelledDoc]:
    """Two patterns on one page: each article's document for ``first``, followed by the copy
    (the ``duplicate`` paragraphs) that ``then`` makes of the same article with the next seed.

    A page with ad lines through its body and an edited copy after it, or the body run together
    into one paragraph before the body and a reworded copy after both: each pattern alone has
    one copy, pages have more.
    """
    articles = list(articles)
    copies = generate(then, articles, seed=seed + 1)
    for doc, other in zip(generate(first, articles, seed=seed), copies, strict=True):
        copy = [p for p, label in zip(other.paragraphs, other.labels, strict=True)
                if label == "duplicate"]  # fmt: skip
        yield LabelledDoc(
            f"{first}+{then}",
            doc.article_id,
            doc.paragraphs + tuple(copy),
            doc.labels + ("duplicate",) * len(copy),
            doc.separator,
        )
