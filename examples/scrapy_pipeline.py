"""A Scrapy item pipeline that deduplicates articles across a whole crawl, with an SQLite index.

    pip install scrapy
    python examples/scrapy_pipeline.py

In a project, put the class in ``pipelines.py`` and enable it in ``settings.py``::

    ITEM_PIPELINES = {"myproject.pipelines.TextcleanPipeline": 300}
    TEXTCLEAN_INDEX = "crawl-index.db"    # survives the crawl: the next crawl sees this one
    TEXTCLEAN_FIELD = "text"

Each item's text is cleaned and loses the paragraphs already seen, in this item or in any earlier
one (on the same site or not); an item left with nothing new is dropped. Running this file feeds
the pipeline a few items directly, without crawling.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import textclean

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem
except ImportError:
    print("skipped: Scrapy is not installed (pip install scrapy)")
    sys.exit(0)


class TextcleanPipeline:
    """Clean each item's text and remove the paragraphs the crawl has already seen."""

    def __init__(self, index: str, field: str = "text", boilerplate_min_docs: int | None = 5):
        self.index = index
        self.field = field
        self.boilerplate_min_docs = boilerplate_min_docs
        self.deduplicator: textclean.Deduplicator | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> TextcleanPipeline:
        settings = crawler.settings
        return cls(
            index=settings.get("TEXTCLEAN_INDEX", "textclean-index.db"),
            field=settings.get("TEXTCLEAN_FIELD", "text"),
        )

    def open_spider(self, spider: Any = None) -> None:
        # A line seen on 5 earlier pages of the same site is boilerplate on that site.
        self.deduplicator = textclean.Deduplicator(
            store=self.index, boilerplate_min_docs=self.boilerplate_min_docs
        )

    def close_spider(self, spider: Any = None) -> None:
        if self.deduplicator is not None:
            self.deduplicator.close()

    def process_item(self, item: Any, spider: Any = None) -> Any:
        assert self.deduplicator is not None, "open_spider() was not called"
        adapter = ItemAdapter(item)
        url = adapter.get("url")
        result = self.deduplicator.dedupe(
            adapter[self.field],
            doc_id=url,  # a page crawled again replaces its earlier copy in the index
            source=urlsplit(url).netloc if url else None,
        )
        if not result.text:
            earlier = {d.doc_id for d in result.duplicates if d.doc_id}
            raise DropItem(
                f"nothing new in {url}: repeats {', '.join(sorted(earlier)) or 'itself'}"
            )
        adapter[self.field] = result.text
        return item


WIRE = (
    "The port authority said on Monday that container traffic rose 12 percent in the first "
    "quarter, the strongest start to a year since the terminal was expanded."
)
ITEMS = [
    {
        "url": "https://harbour-news.example/port-traffic",
        "text": f"{WIRE}\n\nLocal hauliers said the queues at the gate had grown with it.",
    },
    # A second outlet runs the same wire paragraph with a local intro.
    {
        "url": "https://coast-daily.example/business/port",
        "text": f"Good news for the docks this week.\n\n{WIRE.replace('Monday', 'monday')}",
    },
    # A syndicated copy with nothing new: dropped.
    {"url": "https://aggregator.example/story/991", "text": WIRE},
]


def feed(pipeline: TextcleanPipeline, item: dict[str, str]) -> str:
    """What Scrapy does with each scraped item, told as one line."""
    try:
        kept = pipeline.process_item(dict(item))
    except DropItem as dropped:
        return f"dropped  {item['url']}: {dropped}"
    return f"kept     {item['url']}: {kept['text']!r}"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = TextcleanPipeline(index=str(Path(tmp) / "crawl-index.db"))
        pipeline.open_spider()
        try:
            for item in ITEMS:
                print(feed(pipeline, item))
        finally:
            pipeline.close_spider()


if __name__ == "__main__":
    main()
