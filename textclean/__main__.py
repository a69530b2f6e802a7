"""``python -m textclean``: the same program as the ``textclean`` command."""

from __future__ import annotations

import sys

from textclean.cli import main

if __name__ == "__main__":
    sys.exit(main())
