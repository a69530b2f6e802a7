"""pandas: a column of articles in, a column of cleaned, deduplicated articles out.

    pip install pandas
    python examples/pandas_column.py

``textclean.dedupe`` deduplicates each article on its own; one ``Deduplicator`` over the whole
column also removes what earlier rows already said (syndicated copies, shared boilerplate).
"""

from __future__ import annotations

import sys

import textclean

try:
    import pandas as pd
except ImportError:
    print("skipped: pandas is not installed (pip install pandas)")
    sys.exit(0)

LEDE = (
    "Volunteers planted 3,000 native trees along the river on Saturday, the first stage of a "
    "plan to shade the water and bring back trout within ten years."
)
QUOTE = (
    "“Shade is the cheapest way to cool a river,” said the project’s ecologist, who has measured "
    "the water temperature at the weir every summer since 2015."
)

df = pd.DataFrame(
    {
        "site": ["valley-times", "valley-times", "county-wire"],
        "article": [
            f"{LEDE}\n\n{QUOTE}\n\n{LEDE}",  # the lede pasted twice by the CMS
            "Road closures for the half marathon on Sunday.\n\nRead more: Trees for the river",
            f"{LEDE.replace('Saturday', 'saturday')}\n\n{QUOTE.replace('’', 'â€™')}",  # syndicated
        ],
    }
)

# Each article on its own.
df["clean"] = df["article"].map(lambda text: textclean.dedupe(text).text)

# Across the column, in row order: later rows lose what earlier rows said.
with textclean.Deduplicator() as dd:
    results = [dd.dedupe(text, doc_id=str(i)) for i, text in df["article"].items()]
df["deduplicated"] = [r.text for r in results]
df["removed"] = [len(r.duplicates) for r in results]

pd.set_option("display.max_colwidth", 60)
print(df[["site", "removed", "deduplicated"]])
print()
for i, row in df.iterrows():
    print(f"row {i}: {row['deduplicated']!r}")
