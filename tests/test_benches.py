"""Every name the benchmarks import from the bot or the tests exists.

The benchmarks are not run by the suite (they print figures, they are not timed tests), and
most of their imports are inside functions run in a fresh process: a module moved in a
refactor broke bench_scale.py without any test noticing.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and (
            node.module.split(".")[0] in ("bot", "handlers", "tests")
        ):
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names
                      if alias.name.split(".")[0] in ("bot", "handlers", "tests")]
    return found


@pytest.mark.parametrize("path", sorted(BENCH.glob("*.py")), ids=lambda p: p.name)
def test_a_benchmarks_imports_resolve(path: Path) -> None:
    for module, name in _imports(path):
        imported = importlib.import_module(module)
        if name:
            assert hasattr(imported, name) or importlib.util.find_spec(f"{module}.{name}"), (
                f"{path.name}: from {module} import {name}")
