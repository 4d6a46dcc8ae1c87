"""The shape of the house: the import contracts of pyproject.toml hold, and
every page of app_pages/ is layout only."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from support import ROOT

PAGES = sorted((ROOT / "app_pages").glob("*.py"))
#: What a page may import: Streamlit and the three layers above the data.
PAGE_IMPORTS = ("__future__", "streamlit", "studyboard.ui", "studyboard.views", "studyboard.analysis")


def test_the_import_contracts_hold():
    """`lint-imports` (this Python's) with the contracts of pyproject.toml: layers, streamlit, plotly,
    i18n, cycles. --no-cache: nothing is written into the checkout."""
    lint = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    result = subprocess.run([sys.executable, "-c", lint, "--no-cache", "--no-logo"], cwd=ROOT,
                            capture_output=True, text=True)
    report = result.stdout + result.stderr
    print(report)
    assert result.returncode == 0, report


def imported_modules(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) for every import of a module, `from a import b` seen as a.b."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # a page is a script, never a package
                found.append((node.lineno, "." * node.level + (node.module or "")))
            elif node.module == "studyboard":
                found += [(node.lineno, f"studyboard.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def allowed(module: str) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in PAGE_IMPORTS)


def test_there_are_pages():
    assert {page.stem for page in PAGES} >= {"overview", "reader", "themes", "map", "terms", "study", "quiz",
                                             "library", "compare"}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_a_page_imports_only_streamlit_ui_views_and_analysis(page):
    tree = ast.parse(page.read_text(encoding="utf-8"), filename=str(page))
    wrong = [f"{page.name}:{line} imports {module}" for line, module in imported_modules(tree) if not allowed(module)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_a_page_computes_nothing(page):
    """No grouping of tables in a page (nor regular expressions or jieba, which the imports exclude)."""
    tree = ast.parse(page.read_text(encoding="utf-8"), filename=str(page))
    grouping = [f"{page.name}:{node.lineno} .{node.attr}" for node in ast.walk(tree)
                if isinstance(node, ast.Attribute) and node.attr in {"groupby", "pivot_table", "crosstab"}]
    assert not grouping, "\n".join(grouping)
