"""One-off cleaning of a string: repair, normalise, and see which steps changed it.

python examples/clean_string.py
"""

from __future__ import annotations

import textclean

scraped = (
    "Itâ€™s the cafÃ©&#8217;s 10th year&nbsp;&mdash; and\u200b the queue\r\n"
    "still reaches the corner.  \r\n\r\n\r\n\r\nSecond paragraph\u00a0here."
)

print(textclean.clean(scraped))
# It’s the café’s 10th year — and the queue
# still reaches the corner.
#
# Second paragraph here.

explained = textclean.clean_and_explain(scraped)
print("steps:", ", ".join(explained.steps))

# Opt-in steps: straight quotes and dashes, for a plain-ASCII pipeline.
print(textclean.clean(scraped, straighten_quotes=True, straighten_dashes=True))

# One configuration object, reused.
config = textclean.CleanConfig(normalization="NFKC", fold_width=True)
print(textclean.clean("Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ and x²", config))  # Full-width ABC and x2
