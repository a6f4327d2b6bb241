"""Personal deliveries on time and by the policy: start early enough for a crowd due at once,
never twice after a call that may have arrived, retried when Telegram never saw it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from telegram.error import NetworkError, TimedOut

from bot import outbox, scheduler
from bot.compose import COMPOSERS
from bot.model import Event
from bot.offline.protocol import ApiCall
from bot.storage.delegates import DeliveryKind, PlannedDelivery
from tests.conftest import KEYNOTE_TIME
from tests.harness import Harness

T = datetime(2019, 10, 16, 9, 0, tzinfo=KEYNOTE_TIME.tzinfo)
RATE = 28.0


def test_every_kind_has_a_composer() -> None:
    assert set(COMPOSERS) == set(DeliveryKind)


def test_a_lone_delivery_starts_at_its_due_time() -> None:
    groups = [(T, 1)]
    assert scheduler.send_by(groups, RATE, T - timedelta(seconds=1)) is None
    assert scheduler.send_by(groups, RATE, T) == T


def test_a_crowd_due_at_once_starts_count_over_rate_early() -> None:
    groups = [(T, 280)]  # 10 s of sending
    assert scheduler.send_by(groups, RATE, T - timedelta(seconds=10.5)) is None
    assert scheduler.send_by(groups, RATE, T - timedelta(seconds=9.9)) == T


def test_a_crowd_pushes_earlier_groups_earlier() -> None:
    # 28 due at T-1 s and 280 at T: the second needs [T-10, T], so the first [T-11, T-10].
    groups = [(T - timedelta(seconds=1), 28), (T, 280)]
    assert scheduler.send_by(groups, RATE, T - timedelta(seconds=11.5)) is None
    assert scheduler.send_by(groups, RATE, T - timedelta(seconds=10.9)) == groups[0][0]
    assert scheduler.send_by(groups, RATE, T - timedelta(seconds=9.9)) == T


@pytest.fixture
async def fast(event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> AsyncIterator[Harness]:
    """The harness with the pacer's clock 50x faster (the pacing logic is real)."""
    monkeypatch.setattr(outbox, "TIMER_SCALE", 50.0)
    harness = await Harness(event, T - timedelta(minutes=30), tmp_path / "bot.db").start()
    try:
        yield harness
    finally:
        await harness.stop()


async def plan_reminders(bot: Harness, users: range, due: datetime) -> None:
    repo = bot.repo
    keynote = bot.event.session("keynote")
    assert keynote is not None
    for user in users:
        await repo.touch_user(user, "x", None)
        await repo.rsvp(user, keynote.id, None)
    await repo.save_deliveries(
        PlannedDelivery(user, DeliveryKind.REMINDER, keynote.id, due, keynote.arrive_by)
        for user in users
    )


def reminders(calls: list[ApiCall]) -> list[ApiCall]:
    return [c for c in calls if c.method == "sendMessage" and "Pengingat" in c.params["text"]]


async def test_a_crowd_of_reminders_starts_before_its_due_time(fast: Harness) -> None:
    keynote = fast.event.session("keynote")
    assert keynote is not None
    due = keynote.arrive_by - timedelta(minutes=15)
    await plan_reminders(fast, range(9000, 9140), due)  # 140 / 28 = 5 s of sending
    fast.clock.set(due - timedelta(seconds=6))
    assert reminders(await fast.tick()) == []  # not yet: starting now would be too early
    fast.clock.set(due - timedelta(seconds=4))
    sent = reminders(await fast.tick())
    # Started: what is left can be sent in the 4 s before the due time (the clock is
    # pinned here; running, it would keep starting the rest as their latest start comes).
    assert 140 - len(sent) <= 4 * RATE
    fast.clock.set(due)
    sent += reminders(await fast.tick())
    assert sorted(c.params["chat_id"] for c in sent) == list(range(9000, 9140))
    # Worded at send time: the session is still 15 minutes away (rounded), never "14".
    assert all("mulai 15 menit lagi" in c.params["text"] for c in sent)


async def test_a_few_reminders_are_not_sent_early(fast: Harness) -> None:
    keynote = fast.event.session("keynote")
    assert keynote is not None
    due = keynote.arrive_by - timedelta(minutes=15)
    await plan_reminders(fast, range(9000, 9003), due)
    fast.clock.set(due - timedelta(seconds=1))
    assert reminders(await fast.tick()) == []
    fast.clock.set(due)
    assert len(reminders(await fast.tick())) == 3


def chained(exc: Exception, cause: BaseException) -> Exception:
    exc.__cause__ = cause
    return exc


async def test_a_reminder_that_timed_out_after_sending_is_never_sent_twice(
    fast: Harness,
) -> None:
    keynote = fast.event.session("keynote")
    assert keynote is not None
    due = keynote.arrive_by - timedelta(minutes=15)
    await plan_reminders(fast, range(9000, 9001), due)
    attempts: list[int] = []

    def read_timeout(call: ApiCall) -> None:
        if call.method == "sendMessage":
            attempts.append(call.params["chat_id"])
            raise chained(TimedOut(), httpx.ReadTimeout("the answer never came"))

    fast.standin.fault = read_timeout
    fast.clock.set(due)
    await fast.tick()
    fast.standin.fault = None
    fast.clock.set(due + timedelta(minutes=1))
    assert reminders(await fast.tick()) == []
    assert attempts == [9000]
    assert await fast.repo.delivery_counts() == {"sent": 1}


async def test_a_reminder_telegram_never_saw_is_sent_on_the_next_tick(fast: Harness) -> None:
    keynote = fast.event.session("keynote")
    assert keynote is not None
    due = keynote.arrive_by - timedelta(minutes=15)
    await plan_reminders(fast, range(9000, 9001), due)
    left = [1]

    def refused(call: ApiCall) -> None:
        if call.method == "sendMessage" and left[0]:
            left[0] -= 1
            raise chained(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused"))

    fast.standin.fault = refused
    fast.clock.set(due)
    assert reminders([c for c in await fast.tick() if c.ok]) == []
    fast.clock.set(due + timedelta(seconds=1))
    assert len(reminders(await fast.tick())) == 1
    assert await fast.repo.delivery_counts() == {"sent": 1}


async def test_per_user_delivery_queries_use_an_index(fast: Harness) -> None:
    repo = fast.repo
    statements: list[str] = []
    await repo._db.set_trace_callback(statements.append)
    await repo.pending_deliveries(1)
    await repo.delete_pending_deliveries(1, DeliveryKind.REMINDER, "keynote")
    await repo._db.set_trace_callback(None)
    mine = [sql for sql in statements if "FROM deliveries" in sql]  # not the outbox's poll
    assert len(mine) == 2
    for sql in mine:
        plan = " / ".join(str(row[3]) for row in await repo.fetchall("EXPLAIN QUERY PLAN " + sql))
        assert "deliveries USING INDEX" in plan or "d USING INDEX" in plan, plan
        assert "deliveries_due" not in plan and "SCAN" not in plan, plan


async def test_a_programme_change_does_not_read_every_rsvp(fast: Harness) -> None:
    repo = fast.repo

    async def everything() -> None:
        raise AssertionError("all_rsvps read: work proportional to the event, not the change")

    repo.all_rsvps = everything  # type: ignore[method-assign,assignment]
    event = fast.app.bot_data.services.event
    assert await scheduler.apply_event_change(fast.app, event, event) == 0


async def test_reminders_and_a_broadcast_share_one_budget_under_telegrams_limits(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telegram's windows enforced exactly (tests/limits.py): reminders due at once and a
    broadcast at the same moment draw no 429, and everyone gets their message once."""
    import asyncio

    from tests.limits import TelegramLimits

    scale = 20.0
    monkeypatch.setattr(outbox, "TIMER_SCALE", scale)
    bot = await Harness(event, T - timedelta(minutes=30), tmp_path / "bot.db").start()
    try:
        limits = TelegramLimits(outbox.Timer(scale))
        bot.standin.fault = limits
        keynote = event.session("keynote")
        assert keynote is not None
        due = keynote.arrive_by - timedelta(minutes=15)
        reminded = range(9000, 9100)
        await plan_reminders(bot, reminded, due)
        repo = bot.repo
        told = list(range(8000, 8100))
        for user in told:
            await repo.touch_user(user, "x", None)
        organizer = 4242
        announcement = await repo.create_announcement(organizer, "Bus berangkat 07.30.", None,
                                                      None)
        await repo.update_draft(announcement, audience="all")
        bot.clock.set(due)
        await repo.queue_announcement(announcement, told, organizer, None)
        outbox.wake(bot.app)
        await bot.tick()
        for _ in range(500):  # at most 5 s
            found = await repo.get_announcement(announcement)
            if found is not None and found.status == "done":
                break
            await asyncio.sleep(0.01)
    finally:
        await bot.stop()
    sent = [c.params["chat_id"] for c in bot.standin.calls if c.method == "sendMessage" and c.ok]
    assert sorted(sent) == [*told, *reminded]
    assert limits.too_many == 0, limits.log[:5]
