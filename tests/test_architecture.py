"""The package's shape: layers import only downwards, modules stay small, the top stays short.

The layers, lowest first, are the stages of the pipeline (see README, "The engine"). A
module may import from its own layer and from any layer below it, never from above:
``plan`` may use ``model``, ``model`` may not use ``plan``. Imports inside functions count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kimpress"
LAYERS = ["core", "config", "source", "markdown", "model", "media", "plan", "theme", "outputs", "incremental",
          "plugins", "pipeline", "serve", "cli", "__main__"]
MAX_LINES = 400
MAX_TOP_LEVEL_MODULES = 6


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "themes" not in path.relative_to(PACKAGE).parts)


def _layer(path: Path) -> str | None:
    """The layer of a module file: its sub-package, or its own name at the top."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0] if parts[0] != "__init__" else None


def _imported_layers(path: Path) -> set[tuple[str, int]]:
    """(layer, line) of every ``kimpress`` module that ``path`` imports, at any depth of the code."""
    found: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] if node.module != "kimpress" else [f"kimpress.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "kimpress" and len(parts) > 1 and parts[1] in LAYERS:
                found.add((parts[1], node.lineno))
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_module_imports_only_from_its_layer_or_below(path: Path) -> None:
    layer = _layer(path)
    if layer is None:
        return
    assert layer in LAYERS, f"{path.name}: a new layer must be placed in LAYERS"
    upward = sorted((imported, line) for imported, line in _imported_layers(path)
                    if LAYERS.index(imported) > LAYERS.index(layer))
    assert not upward, f"{path.relative_to(PACKAGE)} imports from higher layers: {upward}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_is_over_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines: split it by concept"


def test_the_top_of_the_package_holds_few_modules() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    folders = sorted(path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists())
    assert set(folders) <= set(LAYERS), folders


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    """The checker itself: an import from a higher layer, even inside a function, is found."""
    module = tmp_path / "probe.py"
    module.write_text("def f():\n    from kimpress.pipeline.build import build\n    import kimpress.core.urls\n")
    assert _imported_layers(module) == {("pipeline", 2), ("core", 3)}
