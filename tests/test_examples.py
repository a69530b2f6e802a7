"""Every example in examples/ runs, as a user would run it, and says what it should."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# What each example needs beyond textclean, and a line its output must contain.
NEEDS = {
    "scraped_page.py": ["trafilatura"],
    "scrapy_pipeline.py": ["scrapy", "textclean.sqlite_store"],
    "pandas_column.py": ["pandas"],
    "pipeline.sh": ["textclean.sqlite_store"],
}
EXPECT = {
    "clean_string.py": "It’s the café’s 10th year — and the queue",
    "scraped_page.py": "[6] exact of [1]: same canonical text",
    "scrapy_pipeline.py": "dropped  https://aggregator.example/story/991",
    "pandas_column.py": "row 2: ''",
    "pipeline.sh": "https://b.example/7 'Islanders react.' removed: [('exact', 'https://a.example/1')]",
    "stream_pipeline.py": "the document is a copy of courier/1",
}


def _missing(names: list[str]) -> list[str]:
    missing = []
    for name in names:
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:
            found = False
        if not found:
            missing.append(name)
    return missing


def _run(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TEXTCLEAN": f"{sys.executable} -m textclean", "PYTHONUTF8": "1"}
    command = ["bash", str(path)] if path.suffix == ".sh" else [sys.executable, str(path)]
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, check=False
    )


EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".py", ".sh"))


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_example_runs(path: Path) -> None:
    missing = _missing(NEEDS.get(path.name, []))
    if missing:
        # CI installs the examples extra and sets this, so that no example is skipped there.
        if os.environ.get("TEXTCLEAN_EXAMPLES_REQUIRED") and not all(
            name.startswith("textclean.") for name in missing
        ):
            pytest.fail(f"{path.name} needs {', '.join(missing)}, which is not installed")
        pytest.skip(f"{path.name} needs {', '.join(missing)}")
    if path.suffix == ".sh" and shutil.which("bash") is None:
        pytest.skip("no bash")
    run = _run(path)
    assert run.returncode == 0, run.stderr
    assert "skipped:" not in run.stdout
    if path.name in EXPECT:
        assert EXPECT[path.name] in run.stdout, run.stdout


@pytest.mark.parametrize(
    ("name", "package"),
    [
        ("scraped_page.py", "trafilatura"),
        ("scrapy_pipeline.py", "scrapy"),
        ("pandas_column.py", "pandas"),
    ],
)
def test_example_without_its_package_says_so_and_exits_0(name: str, package: str) -> None:
    code = (
        "import runpy, sys\n"
        f"sys.modules[{package!r}] = None\n"
        f"sys.modules['itemadapter'] = None\n"
        f"runpy.run_path({str(EXAMPLES / name)!r}, run_name='__main__')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert run.returncode == 0, run.stderr
    assert re.match(rf"skipped: \w+ is not installed \(pip install {package}\)", run.stdout)


def test_bundled_article_has_what_the_readme_promises() -> None:
    text = (EXAMPLES / "article.txt").read_text("utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert 15 <= len(paragraphs) <= 25
    assert "â€™" in text and "“" in text and "’" in text
    first, second = text.split("\n\nAdvertisement\n\n")
    body = first.split("\n\n")[2:]
    assert len(body) == 8 and len(second.strip().split("\n\n")) == 8
