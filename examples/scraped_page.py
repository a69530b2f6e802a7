"""Deduplicate a scraped page: trafilatura extracts the article, textclean removes the repeats.

    pip install trafilatura
    python examples/scraped_page.py

The page below is one a scraper really meets: the article body appears twice (the page embeds a
"print version" of itself), the second copy with broken encoding, and an advertisement in
between. trafilatura drops the navigation and the footer; textclean drops the second copy.
"""

from __future__ import annotations

import sys

import textclean

try:
    import trafilatura
except ImportError:
    print("skipped: trafilatura is not installed (pip install trafilatura)")
    sys.exit(0)

BODY = [
    "The regional rail operator will add four early trains on the coastal line from March, "
    "after a year in which commuters’ complaints about overcrowding doubled.",
    "The new services leave the terminus at 5:40, 6:10, 6:25 and 6:55 and stop at every station "
    "to the border, the operator said in a statement on Thursday.",
    "“We heard the message from people who stand all the way to work,” said the operator’s "
    "planning director, who added that two of the trains would be formed of eight carriages.",
    "Passenger groups welcomed the change but said evening services, which end before eleven, "
    "were still too sparse for shift workers at the port.",
]


def mojibake(text: str) -> str:
    """What a wrong charset declaration does to UTF-8 text."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def page() -> str:
    first = "\n".join(f"<p>{p}</p>" for p in BODY)
    second = "\n".join(f"<p>{mojibake(p)}</p>" for p in BODY)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Four early trains for the coast line</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Four early trains for the coast line</h1>
{first}
<p>Advertisement</p>
<div class="print-version">
{second}
</div>
</article>
<footer><p>© 2024 The Coastal Courier. All rights reserved.</p>
<p>Follow us on Facebook and Twitter</p></footer>
</body></html>"""


def main() -> None:
    extracted = trafilatura.extract(page(), include_comments=False) or ""
    result = textclean.dedupe(extracted)
    print(result.text)
    print()
    print(f"{len(result.paragraphs)} paragraphs extracted, {len(result.duplicates)} removed:")
    for d in result.duplicates:
        repeats = f" of [{d.original}]" if d.original is not None else ""
        print(f"  [{d.index}] {d.kind}{repeats}: {d.rule}")


if __name__ == "__main__":
    main()
