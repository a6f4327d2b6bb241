"""What is computed once per event: `per_event` keeps a function's result for the few events
alive at once (the real one, a shifted rehearsal copy), by identity, so a reloaded event file
(a new `Event`) starts afresh and an old one is let go."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from bot.model import Event

T = TypeVar("T")


def per_event(size: int) -> Callable[[Callable[[Event], T]], Callable[[Event], T]]:
    """Decorate `f(event)`: its result for each of the `size` events last computed for,
    newest first (a hit does not reorder: events are few, and each lives long)."""

    def decorate(f: Callable[[Event], T]) -> Callable[[Event], T]:
        kept: list[tuple[Event, T]] = []

        @functools.wraps(f)
        def cached(event: Event) -> T:
            for known, value in kept:
                if known is event:
                    return value
            value = f(event)
            kept.insert(0, (event, value))
            del kept[size:]
            return value

        return cached

    return decorate
