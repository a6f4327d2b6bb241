"""Callback actions: one module names them all, none twice, and none is shadowed.

PTB runs the first handler whose pattern matches a button's data, so a handler registered
earlier with a looser pattern (a catch-all such as `^o`) would silently take over an action
added later. Checked against the real registration.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from telegram.ext import BaseHandler, CallbackQueryHandler, ConversationHandler

from bot import callbacks as cb
from bot.app import build_application
from bot.config import Settings
from bot.dispatch import Router
from bot.model import Event
from handlers import register


def test_actions_are_unique_and_short() -> None:
    actions = cb.actions()
    assert len(actions) > 40
    repeated = {value for value, n in Counter(actions.values()).items() if n > 1}
    assert repeated == set()
    assert all(a and ":" not in a for a in actions.values())


def test_only_organizer_actions_use_the_organizer_namespace() -> None:
    organizer = {name for name, value in cb.actions().items() if cb.is_organizer_action(value)}
    assert organizer == {name for name in cb.actions() if name.startswith("ORG_")}


def _flatten(handlers: Sequence[BaseHandler[Any, Any, Any]]) -> list[BaseHandler[Any, Any, Any]]:
    """Handlers in the order PTB tries them; a conversation's own ones at its place."""
    out: list[BaseHandler[Any, Any, Any]] = []
    for handler in handlers:
        if isinstance(handler, ConversationHandler):
            inner = [*handler.entry_points, *(h for s in handler.states.values() for h in s),
                     *handler.fallbacks]
            out += _flatten(inner)
        elif isinstance(handler, Router):
            out += _flatten(handler.handlers)
        else:
            out.append(handler)
    return out


def _patterns(event: Event, tmp_path: Path) -> list[re.Pattern[str] | None]:
    settings = Settings(database_path=tmp_path / "bot.db")
    app = build_application(settings, event, register=register, tick_interval=None)
    found = []
    for handler in _flatten(app.handlers[0]):
        if isinstance(handler, CallbackQueryHandler):
            pattern = handler.pattern
            assert pattern is None or isinstance(pattern, re.Pattern)
            found.append(pattern)
    return found


def _named(pattern: str) -> set[str]:
    """The actions a pattern is written for: `^r:` -> {r}, `^(oe|om):` -> {oe, om}."""
    head = pattern.removeprefix("^")
    if head.startswith("("):
        return set(head[1:head.index(")")].split("|"))
    match = re.match(r"[\w-]+", head)
    return {match[0]} if match else set()


def test_named_reads_patterns() -> None:
    assert _named("^lang(:|$)") == {"lang"} and _named("^o") == {"o"}
    assert _named("^(oe|om|ov):") == {"oe", "om", "ov"} and _named("^rxy:") == {"rxy"}


def test_every_action_reaches_its_own_handler(event: Event, tmp_path: Path) -> None:
    """The first handler matching `<action>` or `<action>:x` is one registered for that
    action (its pattern names it), never a looser one before it or the stale catch-all."""
    patterns = _patterns(event, tmp_path)
    assert patterns[-1] is None  # the catch-all for stale buttons comes last
    for name, action in cb.actions().items():
        for data in (action, f"{action}:x"):
            first = next((p for p in patterns if p is None or p.match(data)), None)
            if first is None:
                continue  # the stale catch-all: the action takes no such form
            assert action in _named(first.pattern), (name, data, first.pattern)


def test_every_action_has_a_handler(event: Event, tmp_path: Path) -> None:
    patterns = [p for p in _patterns(event, tmp_path) if p is not None]
    unhandled = [name for name, action in cb.actions().items()
                 if not any(p.match(action) or p.match(f"{action}:x") for p in patterns)]
    assert unhandled == []
