"""The storage layer's RSVP rows, seat counts and buses, kept in memory, follow every write."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.storage import Repo

ANI, BUDI, CICI = 6001, 6002, 6003


@pytest.fixture
async def repo(tmp_path: Path) -> AsyncIterator[Repo]:
    repo = await Repo.open(tmp_path / "bot.db")
    for user in (ANI, BUDI, CICI):
        await repo.touch_user(user, "X", None)
    try:
        yield repo
    finally:
        await repo.close()


async def test_rsvp_and_cancel_show_at_once(repo: Repo) -> None:
    assert await repo.get_rsvp(ANI, "keynote") is None
    assert await repo.rsvp_counts() == {}
    await repo.rsvp(ANI, "keynote", None)
    mine = await repo.get_rsvp(ANI, "keynote")
    assert mine is not None and mine.status == "going"
    assert await repo.get_rsvp(BUDI, "keynote") is None  # per delegate, never shared
    assert await repo.rsvp_counts() == {"keynote": (1, 0)}
    assert await repo.cancel_rsvp(ANI, "keynote", None) == (True, None)
    assert await repo.get_rsvp(ANI, "keynote") is None
    assert await repo.rsvp_counts() == {}


async def test_a_promotion_from_the_waiting_list_shows_at_once(repo: Repo) -> None:
    await repo.rsvp(ANI, "city-tour", 1)
    await repo.rsvp(BUDI, "city-tour", 1)
    waiting = await repo.get_rsvp(BUDI, "city-tour")
    assert waiting is not None and waiting.status == "waiting"
    assert await repo.rsvp_counts() == {"city-tour": (1, 1)}
    assert await repo.cancel_rsvp(ANI, "city-tour", 1) == (True, BUDI)
    promoted = await repo.get_rsvp(BUDI, "city-tour")
    assert promoted is not None and promoted.status == "going"
    assert await repo.rsvp_counts() == {"city-tour": (1, 0)}


async def test_a_programme_change_and_forgetting_show_at_once(repo: Repo) -> None:
    await repo.rsvp(ANI, "keynote", None, "2019-10-16T09:30", "balai-kota")
    await repo.rsvp(CICI, "keynote", None, "2019-10-16T09:30", "balai-kota")
    assert (await repo.get_rsvp(ANI, "keynote")).seen_start == "2019-10-16T09:30"  # type: ignore[union-attr]
    assert await repo.mark_session_seen("keynote", "2019-10-16T14:30", "balai-kota") == 2
    seen = await repo.get_rsvp(ANI, "keynote")
    assert seen is not None and seen.seen_start == "2019-10-16T14:30"
    assert await repo.forget_user(ANI)
    assert await repo.get_rsvp(ANI, "keynote") is None
    assert await repo.rsvp_counts() == {"keynote": (1, 0)}


async def test_a_read_that_overlapped_a_write_is_not_kept(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = 0
    fetchall = repo.fetchall

    async def racing(sql: str, params: tuple[Any, ...] = ()) -> Any:
        nonlocal queries
        queries += 1
        rows = await fetchall(sql, params)
        if queries == 1:  # a write lands while this read's answer is on its way back
            await repo.rsvp(ANI, "keynote", None)
        return rows

    monkeypatch.setattr(repo, "fetchall", racing)
    assert await repo.get_rsvp(ANI, "keynote") is None  # as read before the write
    fresh = await repo.get_rsvp(ANI, "keynote")  # not the stale None from memory
    assert fresh is not None and fresh.status == "going"
    assert queries == 2
    assert await repo.get_rsvp(ANI, "keynote") == fresh and queries == 2  # now from memory


async def test_a_delegates_bus_follows_every_assignment(repo: Repo) -> None:
    assert await repo.bus_of(ANI) is None
    await repo.assign_bus(ANI, "bus-1", None)
    assert await repo.bus_of(ANI) == "bus-1"
    assert await repo.bus_of(BUDI) is None  # per delegate, never shared
    await repo.assign_buses([(ANI, "bus-2"), (BUDI, "bus-1")])
    assert (await repo.bus_of(ANI), await repo.bus_of(BUDI)) == ("bus-2", "bus-1")
    await repo.unassign_bus(ANI)
    assert await repo.bus_of(ANI) is None
    assert await repo.forget_user(BUDI)
    assert await repo.bus_of(BUDI) is None
