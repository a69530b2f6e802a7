"""The documentation cannot drift: the command-line reference is generated from ``--help``, every
command and option is documented, every page is in the site's navigation, and the Python in the
README and the quick start runs."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from textclean import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_generated_from_help() -> None:
    generator = _load(ROOT / "scripts" / "gen_cli_docs.py")
    current = (DOCS / "cli.md").read_text("utf-8")
    assert current == generator.render(), (
        "docs/cli.md is out of date: run python scripts/gen_cli_docs.py"
    )


def test_every_command_and_option_is_documented() -> None:
    reference = (DOCS / "cli.md").read_text("utf-8")
    sections = dict(re.findall(r"^## (textclean[^\n]*)\n(.*?)(?=^## |\Z)", reference, re.M | re.S))
    commands = cli.subcommands()
    assert set(sections) == {"textclean"} | {f"textclean {name}" for name in commands}
    for name, parser in commands.items():
        for action in parser._actions:
            for flag in action.option_strings:
                assert re.search(
                    rf"(?<![\w-]){re.escape(flag)}(?![\w-])", sections[f"textclean {name}"]
                ), flag


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    nav = re.findall(r"^  - [^:\n]+: (\S+\.md)$", config, re.M)
    pages = {p.name for p in DOCS.glob("*.md")}
    assert pages <= set(nav), f"pages missing from mkdocs.yml nav: {pages - set(nav)}"
    assert nav[0] == "index.md"
    for page in (
        "cleaning.md",
        "duplicates.md",
        "streaming.md",
        "cli.md",
        "api.md",
        "performance.md",
        "faq.md",
    ):
        assert page in nav


def test_api_reference_is_generated_from_docstrings() -> None:
    api = (DOCS / "api.md").read_text("utf-8")
    assert re.search(r"^::: textclean$", api, re.M)
    import textclean

    for name in (
        "clean",
        "clean_and_explain",
        "dedupe",
        "Deduplicator",
        "DedupeOptions",
        "CleanConfig",
        "DedupeResult",
        "Duplicate",
    ):
        assert re.search(rf"^::: textclean\.[\w.]*\b{name}$", api, re.M), name
        assert name in textclean.__all__


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", path.read_text("utf-8"), re.M | re.S)


@pytest.mark.parametrize("page", ["README.md", "docs/index.md"])
def test_python_examples_in_the_readme_and_quick_start_run(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "article.txt", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    blocks = _python_blocks(ROOT / page)
    assert blocks
    for block in blocks:
        if "store=" in block and importlib.util.find_spec("textclean.sqlite_store") is None:
            continue  # the SQLite store is not there yet
        exec(compile(block, page, "exec"), {})
    assert "PORTHALLOW" in capsys.readouterr().out


def test_readme_setup_is_two_commands_and_ci_runs_the_tests_one_exactly() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^```bash\n(.*?)\n```$", setup, re.M | re.S)
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    run_example, run_tests = commands
    assert "examples/article.txt" in run_example and "textclean dedupe" in run_example
    assert (ROOT / "examples" / "article.txt").exists()
    assert run_tests.endswith("pytest")
    assert run_tests in (ROOT / ".ci" / "run").read_text("utf-8")
    assert run_example in (ROOT / ".ci" / "run").read_text("utf-8")
