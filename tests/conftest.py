"""Shared test configuration.

Under CI (the ``CI`` environment variable set, as ``.ci/run`` does) Hypothesis draws the same
examples on every run, so that a red build always points at a change, never at a new random
draw. Elsewhere it draws new examples each run; a long search for counterexamples is
``TEXTCLEAN_EXAMPLES=3000 pytest tests/test_dedupe_properties.py --hypothesis-seed=N``.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
