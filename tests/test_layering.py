"""Dependencies point down: handlers -> bot.features -> core (docs: ../shared/design/style.md).

Scans every module's imports with `ast` (including those under `if TYPE_CHECKING:` and inside
functions), so a shortcut fails here rather than in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The only modules of `bot` that may import `handlers`: they wire the application.
ENTRY_POINTS = {"bot.cli", "bot.__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports (`from a import b` counts as `a` and `a.b`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(package: str) -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in sorted((ROOT / package).rglob("*.py"))}


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_scan_sees_imports() -> None:
    """The checks below mean something only if the scan finds what is there."""
    handler_imports = modules("handlers")["handlers"]
    assert "handlers.rsvp" in handler_imports and "bot.context" in handler_imports
    assert "handlers" in modules("bot")["bot.cli"]


def test_features_import_neither_telegram_nor_handlers() -> None:
    features = {m: i for m, i in modules("bot").items() if within(m, "bot.features")}
    assert len(features) >= 7  # rsvp, tour, announcements, changes, organizers, privacy, stats
    wrong = {m: sorted(n for n in found if within(n, "telegram") or within(n, "handlers"))
             for m, found in features.items()}
    assert {m: names for m, names in wrong.items() if names} == {}


def test_only_the_entry_point_imports_handlers() -> None:
    wrong = {m: sorted(n for n in found if within(n, "handlers"))
             for m, found in modules("bot").items() if m not in ENTRY_POINTS}
    assert {m: names for m, names in wrong.items() if names} == {}


@pytest.mark.parametrize("module", sorted(m for m in modules("handlers") if m != "handlers"))
def test_a_handler_imports_no_other_handler(module: str) -> None:
    """Shared helpers live in handlers.common; `handlers` itself (register) lists them all."""
    found = modules("handlers")[module]
    others = sorted(n for n in found if within(n, "handlers") and not within(n, "handlers.common"))
    assert others == []
