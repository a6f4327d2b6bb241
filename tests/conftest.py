"""Shared fixtures: the shipped event, a pinned clock, and the application over the stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from bot.config import DEFAULT_EVENT_FILE
from bot.loader import load_event
from bot.model import Event

if TYPE_CHECKING:
    from tests.harness import Harness

WITA = ZoneInfo("Asia/Makassar")
#: During the keynote on the first day.
KEYNOTE_TIME = datetime(2019, 10, 16, 10, 0, tzinfo=WITA)


@pytest.fixture(scope="session")
def event() -> Event:
    return load_event(DEFAULT_EVENT_FILE)


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    from tests.harness import Harness

    harness = await Harness(event, KEYNOTE_TIME, tmp_path / "bot.db").start()
    try:
        yield harness
    finally:
        await harness.stop()


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    """The application on the Makassar sample event, asked by an organizer a day before
    its first session: the tests that check a kind of question on a second event file."""
    from tests.harness import makassar_bot

    async with makassar_bot(tmp_path / "bot.db", organizer=True,
                            before=timedelta(days=1)) as harness:
        yield harness
