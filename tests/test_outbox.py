"""The broadcast outbox: pacing, exactly-once delivery under Telegram's limits, and restarts."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from bot import outbox
from bot.model import Event
from bot.offline.protocol import ApiCall
from bot.outbox import Limits, Pacer
from bot.storage import Repo
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness
from tests.limits import TelegramLimits

SCALE = 10.0  # the sender's and the limits' clock run 10x faster than real time
RECIPIENTS = 478
FIRST_ID = 100_000


@pytest.fixture(autouse=True)
def _timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22 warns (an error here) when it builds a RetryAfter unless opted in to timedelta.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


class FakeTimer(outbox.Timer):
    """Time that only moves when slept on (for the pacer's arithmetic)."""

    def __init__(self) -> None:
        super().__init__(1.0)
        self.t = 0.0

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.t += max(0.0, seconds)


async def test_pacer_spacing_per_chat_group_and_pause() -> None:
    timer = FakeTimer()
    pacer = Pacer(timer, Limits(per_second=30, headroom=0, chat_interval=1.0, group_period=60))
    starts = []
    for chat in range(1, 61):
        await pacer.acquire(chat)
        starts.append(timer.now())
    assert starts[-1] == pytest.approx(59 / 30)  # evenly spaced, no initial burst
    await pacer.acquire(1)
    assert timer.now() >= 1.0  # chat 1 again: a second after its first message (time 0)
    group_times = []
    for _ in range(21):
        await pacer.slot(-100)
        group_times.append(timer.now())
    assert group_times[20] - group_times[0] >= 60.0 - 1e-9  # 20 per minute per group
    before = timer.now()
    pacer.pause(5)
    await pacer.slot(7)
    assert timer.now() >= before + 5


async def add_delegates(repo: Repo, count: int) -> list[int]:
    ids = list(range(FIRST_ID, FIRST_ID + count))
    for user_id in ids:
        await repo.touch_user(user_id, f"Peserta {user_id}", None)
        await repo.save_profile(user_id, f"Peserta {user_id}", "Kota Kupang", "Kota Kupang",
                                "delegasi")
    return ids


async def queue(bot: Harness, recipients: list[int], text: str = "Bus berangkat 07.30.") -> int:
    repo = bot.repo
    progress = await bot.app.bot.send_message(USER, "⏳")
    announcement = await repo.create_announcement(USER, text, None, None)
    await repo.update_draft(announcement, audience="all")
    assert await repo.queue_announcement(announcement, recipients, USER, progress.message_id)
    outbox.wake(bot.app)
    return announcement


async def wait_done(bot: Harness, announcement: int, seconds: float = 15.0) -> None:
    repo = bot.repo
    for _ in range(int(seconds / 0.05)):
        found = await repo.get_announcement(announcement)
        if found is not None and found.status == "done":
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"announcement not delivered: {await repo.delivery_report(announcement)}")


def delivered(calls: list[ApiCall]) -> Counter[int]:
    return Counter(c.params["chat_id"] for c in calls if c.method == "sendMessage" and c.ok
                   and "Bus berangkat" in c.params.get("text", ""))


async def started(event: Event, db: Path, limits: TelegramLimits) -> Harness:
    bot = Harness(event, KEYNOTE_TIME, db)
    bot.standin.fault = limits
    return await bot.start()


async def test_broadcast_to_478_under_enforced_limits_reaches_everyone_once(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox, "TIMER_SCALE", SCALE)
    blocked = {FIRST_ID + i for i in range(0, RECIPIENTS, 40)}  # 12 blocked the bot
    # At 10x speed the pacer's 0.1 s per-chat margin is 10 ms of real time, less than the
    # event loop's jitter when the whole suite runs: forgive 0.3 s (30 ms real) on arrival.
    limits = TelegramLimits(outbox.Timer(SCALE), blocked=blocked, transient=0.03, seed=7,
                            chat_jitter=0.3)
    bot = await started(event, tmp_path / "db", limits)
    try:
        repo = bot.repo
        ids = await add_delegates(repo, RECIPIENTS)
        announcement = await queue(bot, ids)
        await wait_done(bot, announcement)
        bot._check(bot.standin.calls, faults_expected=True)  # every call within the spec

        counts = delivered(bot.standin.calls)
        assert set(counts) == set(ids) - blocked
        assert set(counts.values()) == {1}
        assert limits.flaky > 0  # transient failures happened and were retried
        report = await repo.delivery_report(announcement)
        assert (report.sent, report.blocked, report.failed) == (RECIPIENTS - 12, 12, 0)
        for user_id in blocked:
            user = await repo.get_user(user_id)
            assert user is not None and not user.active
        # The organizer's message ends as the report.
        for _ in range(100):
            edits = [c for c in bot.standin.calls if c.method == "editMessageText" and c.ok]
            if "selesai" in edits[-1].params["text"]:
                break
            await asyncio.sleep(0.05)
        final = edits[-1]
        assert "selesai dikirim" in final.params["text"]
        assert f"Terkirim: {RECIPIENTS - 12} dari {RECIPIENTS}" in final.params["text"]
    finally:
        await bot.stop()
    # The pacer kept within the limits: Telegram (the stand-in) never had to say 429.
    assert limits.too_many == 0, limits.log


async def test_killed_mid_broadcast_and_restarted_still_exactly_once(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox, "TIMER_SCALE", SCALE)
    db = tmp_path / "db"
    first = await started(event, db, TelegramLimits(outbox.Timer(SCALE)))
    killed = asyncio.Event()
    try:
        repo = first.repo
        ids = await add_delegates(repo, RECIPIENTS)
        sender = outbox.sender_for(first.app)
        settled: list[int] = []

        async def kill_after_150(row: outbox.OutboxRow, outcome: str) -> None:
            settled.append(row.id)
            if len(settled) == 150 and sender.task is not None:
                # The crash: the loop dies, and one message that did go out was not yet
                # recorded (left 'sending', as a process killed between the two would).
                await repo.settle_outbox(row.id, "sending")
                sender.task.cancel()
                killed.set()

        sender.after_settle = kill_after_150
        announcement = await queue(first, ids)
        await asyncio.wait_for(killed.wait(), 10)
        await asyncio.sleep(0.2)
        before = delivered(first.standin.calls)
        assert 150 <= sum(before.values()) < RECIPIENTS
        report = await repo.delivery_report(announcement)
        assert report.pending > 0 and report.sending == 1
    finally:
        await first.stop()

    second = await started(event, db, TelegramLimits(outbox.Timer(SCALE)))
    try:
        await wait_done(second, announcement)
        after = delivered(second.standin.calls)
        total = before + after
        assert set(total) == set(ids)
        assert set(total.values()) == {1}, [k for k, v in total.items() if v > 1]
        repo = second.repo
        report = await repo.delivery_report(announcement)
        assert report.sent == RECIPIENTS and report.interrupted == 1
        sent = await repo.outbox_sent_counts(announcement)
        assert len(sent) == RECIPIENTS and set(sent.values()) == {1}
    finally:
        await second.stop()


async def test_graceful_stop_leaves_the_rest_pending(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox, "TIMER_SCALE", 5.0)
    db = tmp_path / "db"
    first = await started(event, db, TelegramLimits(outbox.Timer(5.0)))
    repo = first.repo
    ids = await add_delegates(repo, 60)
    announcement = await queue(first, ids)
    await asyncio.sleep(0.1)
    await first.stop()  # Application.stop(): the sender finishes what is in flight
    before = delivered(first.standin.calls)
    assert 0 < sum(before.values()) < 60

    second = await started(event, db, TelegramLimits(outbox.Timer(5.0)))
    try:
        await wait_done(second, announcement)
        total = before + delivered(second.standin.calls)
        assert set(total) == set(ids) and set(total.values()) == {1}
        repo = second.repo
        assert (await repo.delivery_report(announcement)).interrupted == 0
    finally:
        await second.stop()


async def test_a_paid_broadcast_goes_past_30_per_second_without_a_429(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An urgent announcement with PAID_BROADCAST_MIN reached: every call carries
    allow_paid_broadcast, the 30/s window does not apply (the stand-in enforces 1000/s for
    those, and 1 s per chat), and no 429 comes back."""
    monkeypatch.setattr(outbox, "TIMER_SCALE", SCALE)
    limits = TelegramLimits(outbox.Timer(SCALE), chat_jitter=0.3)
    bot = await started(event, tmp_path / "db", limits)
    try:
        services = bot.app.bot_data.services
        services.settings = replace(services.settings, paid_broadcast_min=100)
        repo = services.repo
        assert repo is not None
        ids = await add_delegates(repo, 200)
        progress = await bot.app.bot.send_message(USER, "⏳")
        announcement = await repo.create_announcement(USER, "Bus berangkat 07.30.", None, None)
        await repo.update_draft(announcement, audience="all", urgent=True)
        assert await repo.queue_announcement(announcement, ids, USER, progress.message_id)
        outbox.wake(bot.app)
        await wait_done(bot, announcement)
    finally:
        await bot.stop()
    assert set(delivered(bot.standin.calls).values()) == {1}
    assert set(delivered(bot.standin.calls)) == set(ids)
    assert limits.paid == 200 and limits.too_many == 0, limits.log


async def test_a_broadcast_waits_out_an_outage_longer_than_its_attempts(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bot/policy.py: a call that never reached Telegram is not counted against the row's
    attempts, so an outage of any length delays the broadcast but fails nobody."""
    import time

    import httpx
    from telegram.error import NetworkError

    monkeypatch.setattr(outbox, "TIMER_SCALE", SCALE)
    bot = await Harness(event, KEYNOTE_TIME, tmp_path / "db").start()
    # 3 s real is 30 s of the sender's time: 6 attempts with back-off take under 8 s.
    outage_ends = time.monotonic() + 3.0
    refused = [0]

    def unreachable(call: ApiCall) -> None:
        if "Bus berangkat" in str(call.params.get("text")) and time.monotonic() < outage_ends:
            refused[0] += 1
            error = NetworkError("httpx.ConnectError: All connection attempts failed")
            error.__cause__ = httpx.ConnectError("unreachable")
            raise error

    try:
        ids = await add_delegates(bot.repo, 30)
        bot.standin.fault = unreachable
        announcement = await queue(bot, ids)
        await wait_done(bot, announcement, seconds=20.0)
        assert refused[0] >= 6 * len(ids) // 2  # the outage outlasted the old attempts
        assert delivered(bot.standin.calls) == {user_id: 1 for user_id in ids}
        report = await bot.repo.delivery_report(announcement)
        assert (report.sent, report.failed) == (len(ids), 0)
    finally:
        await bot.stop()
