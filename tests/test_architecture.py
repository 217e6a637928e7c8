"""The shape of the code, checked: which modules may import Streamlit, and which layer may import which.

components/i18n (languages and catalogs, under everything) → data → domain → figures → blocks, with exports and links beside blocks, and ui on top:
a layer imports only the layers below it. Only dashboard.py, pages/ and components/ui/ import streamlit.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROJECT

LAYERS_BELOW = {  # package → the packages of components/ it may import (besides its own and settings)
    "i18n": set(),
    "data": {"i18n"},
    "domain": {"data", "i18n"},
    "figures": {"data", "domain", "i18n"},
    "blocks": {"data", "domain", "figures", "i18n"},
    "exports": {"data", "domain", "i18n"},
    "links": {"data", "domain", "i18n"},
    "ui": {"data", "domain", "figures", "blocks", "exports", "links", "i18n"},
}
STREAMLIT_ALLOWED = ("dashboard.py", "pages/", "components/ui/")


def python_files() -> list[Path]:
    return sorted([PROJECT / "dashboard.py", *PROJECT.glob("pages/*.py"), *PROJECT.glob("components/**/*.py")])


def _relative(path: Path) -> str:
    return path.relative_to(PROJECT).as_posix()


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return modules


def calls_of(attribute: str) -> list[str]:
    """The files that call `<something>.<attribute>(...)`."""
    return [_relative(path) for path in python_files()
            if any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attribute
                   for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))]


def test_only_the_frame_pages_and_ui_import_streamlit():
    importers = [_relative(path) for path in python_files()
                 if any(module == "streamlit" or module.startswith("streamlit.") for module in imported_modules(path))]
    assert importers and all(name.startswith(STREAMLIT_ALLOWED) for name in importers), \
        [name for name in importers if not name.startswith(STREAMLIT_ALLOWED)]


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for path in PROJECT.glob("components/*/*.py"):
        package = path.parent.name
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[0] == "components" and len(parts) > 2 and parts[1] in LAYERS_BELOW:
                if parts[1] != package and parts[1] not in LAYERS_BELOW[package]:
                    wrong.append(f"{_relative(path)} imports {module}")
    assert wrong == []


def test_the_layer_packages_are_the_ones_documented():
    packages = {path.name for path in (PROJECT / "components").iterdir() if (path / "__init__.py").is_file()}
    assert packages == set(LAYERS_BELOW)
    contributing = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert [package for package in packages if f"components/{package}/" not in contributing] == []


def test_every_table_reaches_the_page_through_render_table():
    """One route for tables: Arrow built once per shared table, headers in the reader's language."""
    assert calls_of("dataframe") == ["components/ui/tables.py"]
