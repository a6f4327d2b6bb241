"""Replies kept until delivered (bot/replies.py), through the real Application with its rate
limiter over the in-process stand-in: a reply that cannot be sent now is queued in the
database and sent when Telegram is back, with no time limit, in order per chat, after a
restart too; a relayed question records its copy once sent; /hapusdata erases what is queued.
The same over HTTP, with a 90 s outage and kill -9: tests/test_process.py, scenario j."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram.error import NetworkError

from bot import relay
from bot.app import RetryingRateLimiter, build_application, start_app, stop_app
from bot.clock import Clock
from bot.config import Settings
from bot.context import BotApplication
from bot.model import Event
from bot.offline.botapi import StandIn
from bot.offline.protocol import ApiCall, retry_after
from bot.replies import LATE_AFTER, ReplyQueue, decode, encode
from handlers import register
from tests.apispec import check_call
from tests.conftest import KEYNOTE_TIME
from tests.factory import UpdateFactory
from tests.harness import Harness

USER = 4343
ORG = 4242


def unreachable(*_: Any) -> None:
    """What a call meets during an outage: the connection is refused (nothing was sent)."""
    error = NetworkError("httpx.ConnectError: All connection attempts failed")
    error.__cause__ = httpx.ConnectError("unreachable")
    raise error


class Bot:
    """The application with its real rate limiter and reply queue; waits shortened (the
    policy, not the waiting, is under test)."""

    def __init__(self, event: Event, db: Path, standin: StandIn | None = None) -> None:
        self.standin = standin or StandIn()
        self.clock = Clock(event.timezone, KEYNOTE_TIME, running=False)
        settings = replace(Settings(), database_path=db, admins=frozenset({ORG}))
        self.app: BotApplication = build_application(
            settings, event, self.clock, register=register, request=self.standin,
            rate_limit=True, tick_interval=None,
        )
        limiter = self.app.bot.rate_limiter
        assert isinstance(limiter, RetryingRateLimiter)
        limiter.backoff, limiter.max_backoff, limiter.patience = 0.01, 0.02, 0.2
        self.updates = UpdateFactory(stand_in=self.standin, user_id=USER)

    @property
    def queue(self) -> ReplyQueue:
        queue = self.app.bot_data.services.replies
        assert queue is not None
        queue.max_backoff = 0.05
        return queue

    async def start(self) -> Bot:
        await start_app(self.app)
        _ = self.queue
        return self

    async def send(self, update: dict[str, Any]) -> None:
        await self.app.process_update(self.updates.to_update(update, self.app.bot))

    async def queued(self) -> list[tuple[int, str]]:
        rows = await self.app.bot_data.services.repo.queued_replies(1000)
        return [(row.chat_id, row.endpoint) for row in rows]

    async def settled(self) -> None:
        """Wait (up to 15 s) until the queue has sent everything."""
        deadline = time.monotonic() + 15.0
        while await self.queued():
            assert time.monotonic() < deadline, await self.queued()
            await asyncio.sleep(0.05)

    def sent(self, chat_id: int, method: str = "sendMessage") -> list[str]:
        for call in self.standin.calls:
            assert not check_call(call.method, call.params), (call.method, call.params)
        return [str(c.params.get("text", "")) for c in self.standin.calls
                if c.ok and c.method == method and c.params.get("chat_id") == chat_id]


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Bot]:
    running = await Bot(event, tmp_path / "bot.db").start()
    try:
        yield running
    finally:
        await stop_app(running.app)


def test_a_call_is_kept_as_ptb_would_send_it() -> None:
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile

    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Hari 1", callback_data="day:1")]])
    upload = InputFile(b"%PDF-1.4 sertifikat", filename="sertifikat.pdf")
    payload = encode({"chat_id": 7, "text": "Halo", "reply_markup": markup, "document": upload})
    assert payload is not None
    back = decode(payload)
    assert back["chat_id"] == 7 and back["text"] == "Halo"
    assert back["reply_markup"] == {"inline_keyboard": [[{"text": "Hari 1",
                                                          "callback_data": "day:1"}]]}
    assert back["document"].input_file_content == b"%PDF-1.4 sertifikat"
    assert back["document"].filename == "sertifikat.pdf"


async def test_a_reply_that_goes_through_writes_nothing(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path stays free of database writes: only a failed reply is written."""
    async def no_write(*_: Any, **__: Any) -> int:
        raise AssertionError("a reply that went through was written to the queue")

    monkeypatch.setattr(bot.app.bot_data.services.repo, "queue_reply", no_write)
    await bot.send(bot.updates.command("start"))
    assert bot.sent(USER)[0].startswith("Halo")


async def test_a_reply_refused_for_flood_is_queued_and_sent_after_the_pause(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB 22 warns (an error here) when it builds a RetryAfter unless opted in to timedelta.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, RetryingRateLimiter)
    limiter._max_retries = 0  # AIORateLimiter gives up on a 429 at once
    floods = [1]

    def flood(call: ApiCall) -> tuple[int, dict[str, Any]] | None:
        if call.method == "sendMessage" and floods[0] > 0:
            floods[0] -= 1
            return retry_after(1)
        return None

    bot.standin.fault = flood
    await bot.send(bot.updates.command("start"))
    assert await bot.queued() == [(USER, "sendMessage")]
    await bot.settled()
    texts = bot.sent(USER)
    assert len(texts) == 1 and texts[0].startswith("Halo")


async def test_replies_through_a_long_outage_arrive_when_it_ends_in_order_once(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    users = range(7000, 7030)
    bot.standin.fault = unreachable

    async def converse(user: int) -> None:
        await bot.send(bot.updates.command("start", user_id=user, chat_id=user))
        await bot.send(bot.updates.command("bantuan", user_id=user, chat_id=user))

    await asyncio.gather(*(converse(u) for u in users))
    # Far past the in-memory patience: every reply is in the database, nothing was lost.
    await asyncio.sleep(1.0)
    queued = await bot.queued()
    assert sorted(queued) == sorted((u, "sendMessage") for u in users for _ in range(2))
    assert not any(c.ok for c in bot.standin.calls if c.method == "sendMessage")

    bot.standin.fault = None
    await bot.settled()
    for user in users:
        texts = bot.sent(user)
        # Exactly the two answers, once each, in the order asked; no apology instead.
        assert len(texts) == 2 and texts[0].startswith("Halo"), texts
        assert not texts[1].startswith(("Halo", "Maaf")), texts
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_a_later_reply_waits_behind_a_queued_one(bot: Bot) -> None:
    down = [True]

    def fault(call: ApiCall) -> None:
        if down[0]:
            unreachable()

    bot.standin.fault = fault
    drain = bot.queue.drain

    async def in_back_off() -> bool:
        return False

    # The queue's sender stays in back-off until the second reply is handled: a timed
    # back-off could end first on a loaded machine (the welcome sent, nothing to overtake).
    bot.queue.drain = in_back_off  # type: ignore[method-assign]
    await bot.send(bot.updates.command("start"))
    down[0] = False  # Telegram is back, but the welcome is still in the queue
    await bot.send(bot.updates.command("bantuan"))
    assert bot.sent(USER) == []  # the second did not overtake the first
    bot.queue.drain = drain  # type: ignore[method-assign]
    await bot.queue.drain()
    texts = bot.sent(USER)
    assert len(texts) == 2 and texts[0].startswith("Halo")


async def test_what_was_queued_is_sent_after_a_restart(event: Event, tmp_path: Path) -> None:
    standin = StandIn()
    first = await Bot(event, tmp_path / "bot.db", standin).start()
    standin.fault = unreachable
    try:
        await first.send(first.updates.command("start"))
        assert await first.queued() == [(USER, "sendMessage")]
    finally:
        await stop_app(first.app)
    standin.fault = None
    second = await Bot(event, tmp_path / "bot.db", standin).start()
    try:
        await second.settled()
        texts = second.sent(USER)
        assert len(texts) == 1 and texts[0].startswith("Halo")
    finally:
        await stop_app(second.app)


async def test_a_very_late_reply_comes_after_a_note_that_it_is_late(bot: Bot) -> None:
    bot.standin.fault = unreachable
    await bot.send(bot.updates.command("start"))
    bot.clock.advance(LATE_AFTER + timedelta(minutes=1))
    await bot.send(bot.updates.command("bantuan"))
    bot.standin.fault = None
    await bot.settled()
    texts = bot.sent(USER)
    assert len(texts) == 3, texts
    assert texts[0] == "⏳ Maaf, balasan berikut tertunda 6 menit karena gangguan jaringan."
    assert texts[1].startswith("Halo")


async def test_a_queued_edit_expires(bot: Bot) -> None:
    bot.standin.fault = unreachable
    await bot.send(bot.updates.command("jadwal"))
    await bot.send(bot.updates.callback("day:2019-10-16", message_id=1))
    assert [m for _, m in await bot.queued()] == ["sendMessage", "editMessageText"]
    bot.clock.advance(timedelta(minutes=11))  # the view it would show may be stale
    bot.standin.fault = None
    await bot.settled()
    assert len(bot.sent(USER)) == 2  # the note that it is late, then the programme
    assert bot.sent(USER, "editMessageText") == []


async def test_a_queued_reply_is_not_sent_after_the_person_erases_their_data(bot: Bot) -> None:
    def to_user_down(call: ApiCall) -> None:
        if call.method == "sendMessage" and call.params.get("chat_id") == USER:
            unreachable()

    await bot.send(bot.updates.command("hapusdata"))
    question = next(c for c in bot.standin.calls if c.ok and c.method == "sendMessage")
    bot.standin.fault = to_user_down
    await bot.send(bot.updates.command("start"))
    await bot.send(bot.updates.command("bantuan"))
    assert await bot.queued() == [(USER, "sendMessage")] * 2
    await bot.send(bot.updates.callback("fgy", message_id=question.result["message_id"]))
    assert await bot.queued() == []
    bot.standin.fault = None
    await asyncio.sleep(0.3)
    await bot.queue.drain()
    assert len(bot.sent(USER)) == 1  # the question only: neither queued reply went out
    assert any("Data Anda sudah dihapus" in t for t in bot.sent(USER, "editMessageText"))


async def test_a_question_relayed_while_the_organizer_is_unreachable_can_be_answered(
    bot: Bot,
) -> None:
    def to_organizer_down(call: ApiCall) -> None:
        if call.params.get("chat_id") == ORG:
            unreachable()

    bot.standin.fault = to_organizer_down
    await bot.send(bot.updates.message("apakah ada uang harian untuk peserta?"))
    decline = next(c for c in reversed(bot.standin.calls) if c.method == "sendMessage")
    ask = next(b["callback_data"] for row in decline.params["reply_markup"]["inline_keyboard"]
               for b in row if b.get("callback_data", "").startswith("qa:"))
    await bot.send(bot.updates.callback(ask, message_id=decline.result["message_id"]))
    assert await bot.queued() == [(ORG, "sendMessage")]
    bot.standin.fault = None
    await bot.settled()
    copy = next(c for c in bot.standin.calls if c.ok and c.params.get("chat_id") == ORG)
    # The copy was recorded when the queue sent it: the organizer's reply to it answers.
    original = bot.standin.message(ORG, copy.result["message_id"])
    await bot.send(bot.updates.message("Tidak ada.", user_id=ORG, chat_id=ORG,
                                       reply_to=original))
    assert await bot.app.bot_data.services.repo.question_relayed_as(
        ORG, copy.result["message_id"]) is not None
    assert [t for t in bot.sent(USER) if t.startswith("<b>💬 Jawaban panitia:</b> Tidak ada.")]


async def test_a_stale_question_is_raised_again_through_the_pacer(
    event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness = await Harness(event, KEYNOTE_TIME, tmp_path / "h.db",
                            admins=frozenset({ORG})).start()
    try:
        await harness.say("apakah ada uang harian untuk peserta?")
        decline = [c for c in harness.standin.calls if c.method == "sendMessage"][-1]
        ask = next(b["callback_data"] for row in decline.params["reply_markup"]["inline_keyboard"]
                   for b in row if b.get("callback_data", "").startswith("qa:"))
        await harness.press(ask)
        sender = harness.app.bot_data.services.sender
        assert sender is not None
        paced: list[int] = []
        slot = sender.pacer.slot

        async def recorded(chat_id: int) -> None:
            paced.append(chat_id)
            await slot(chat_id)

        monkeypatch.setattr(sender.pacer, "slot", recorded)
        harness.clock.advance(relay.STALE_AFTER + timedelta(minutes=1))
        calls = await harness.tick()
        raised = [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] == ORG]
        assert len(raised) == 1 and paced == [ORG]
    finally:
        await harness.stop()
