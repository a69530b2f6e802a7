"""The benchmark folder's modules, loaded by path for the tests that use them.

``benchmarks/`` is no package (its scripts run as ``python benchmarks/bench_dedupe.py``), so
tests load its generator and scoring from their files, once per process.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name: str) -> ModuleType:
    """The module ``benchmarks/<name>.py``, as ``sys.modules[name]``."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
