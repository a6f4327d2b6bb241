"""bot.app.RetryingRateLimiter, the delivery policy for replies (bot/policy.py): a reply is
sent again after any network failure, even one that may have delivered it (a read timeout:
a rare duplicate beats silence), until it arrives or its patience runs out; an edit or a
button's answer only when Telegram never saw it; replies to one chat keep their order."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.app import RetryingRateLimiter, build_application, never_delivered, start_app, stop_app
from bot.clock import Clock
from bot.config import Settings
from bot.context import BotApplication
from bot.model import Event
from bot.offline.botapi import StandIn
from bot.offline.protocol import ApiCall, error_body
from handlers import register
from tests.conftest import KEYNOTE_TIME
from tests.factory import UpdateFactory

USER = 4343


def chained(exc: Exception, cause: BaseException) -> Exception:
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        # Telegram answered a 5xx: PTB raises a bare NetworkError with the description.
        (NetworkError("Bad Gateway"), True),
        (NetworkError("Internal Server Error"), True),
        # Nothing was sent: connection refused, connect or pool timeout.
        (chained(NetworkError("httpx.ConnectError: refused"), httpx.ConnectError("x")), True),
        (chained(TimedOut(), httpx.ConnectTimeout("x")), True),
        (chained(TimedOut("Pool timeout"), httpx.PoolTimeout("x")), True),
        # Maybe delivered: read/write timeout, connection dropped mid-answer.
        (chained(TimedOut(), httpx.ReadTimeout("x")), False),
        (chained(TimedOut(), httpx.WriteTimeout("x")), False),
        (TimedOut(), False),
        (chained(NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("x")),
         False),
        (chained(NetworkError("httpx.ReadError"), httpx.ReadError("x")), False),
        # Telegram refused the call: it would refuse it again.
        (BadRequest("Bad Request: message text is empty"), False),
        (Forbidden("Forbidden: bot was blocked by the user"), False),
    ],
)  # fmt: skip
def test_never_delivered_classification(exc: Exception, expected: bool) -> None:
    assert never_delivered(exc) is expected


class Bot:
    """The application with its real rate limiter, over the in-process stand-in."""

    def __init__(self, event: Event, db: Path) -> None:
        self.standin = StandIn()
        settings = replace(Settings(), database_path=db)
        self.app: BotApplication = build_application(
            settings, event, Clock(event.timezone, KEYNOTE_TIME, running=False),
            register=register, request=self.standin, rate_limit=True, tick_interval=None,
        )
        limiter = self.app.bot.rate_limiter
        assert isinstance(limiter, RetryingRateLimiter)
        limiter.backoff = 0.01  # the policy, not the waiting, is under test
        self.updates = UpdateFactory(stand_in=self.standin, user_id=USER)

    async def start_command(self) -> list[ApiCall]:
        mark = len(self.standin.calls)
        update = self.updates.to_update(self.updates.command("start"), self.app.bot)
        await self.app.process_update(update)
        return [c for c in self.standin.calls[mark:] if c.method == "sendMessage"]


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Bot]:
    running = Bot(event, tmp_path / "bot.db")
    await start_app(running.app)
    try:
        yield running
    finally:
        await stop_app(running.app)


def failing(times: int, make: Any) -> Any:
    """A fault that fails the next `times` sendMessage calls with `make()` (an answer tuple,
    or an exception to raise, as a transport failure would)."""
    left = [times]

    def fault(call: ApiCall) -> tuple[int, dict[str, Any]] | None:
        if call.method != "sendMessage" or left[0] <= 0:
            return None
        left[0] -= 1
        answer = make()
        if isinstance(answer, Exception):
            raise answer
        return answer  # type: ignore[no-any-return]

    return fault


async def test_a_reply_answered_5xx_is_sent_again(bot: Bot) -> None:
    bot.standin.fault = failing(2, lambda: (502, error_body(502, "Bad Gateway")))
    calls = await bot.start_command()
    assert [c.ok for c in calls] == [False, False, True]
    assert calls[-1].params["text"].startswith("Halo")


async def test_a_reply_that_could_not_connect_is_sent_again(bot: Bot) -> None:
    bot.standin.fault = failing(
        1, lambda: chained(NetworkError("httpx.ConnectError"), httpx.ConnectError("refused"))
    )
    sent = [c for c in await bot.start_command() if c.ok]
    assert len(sent) == 1 and sent[0].params["text"].startswith("Halo")


async def test_a_reply_that_timed_out_is_sent_again(bot: Bot) -> None:
    attempts: list[str] = []

    def read_timeout(call: ApiCall) -> None:
        if call.method == "sendMessage":
            attempts.append(call.params["text"][:4])
            if len(attempts) == 1:
                raise chained(TimedOut(), httpx.ReadTimeout("slow"))

    bot.standin.fault = read_timeout
    calls = await bot.start_command()
    # The first may have arrived, but a second welcome beats none (and no apology).
    assert attempts == ["Halo", "Halo"]
    assert [c.params["text"][:4] for c in calls] == ["Halo"]


async def test_a_reset_after_sending_is_sent_again(bot: Bot) -> None:
    bot.standin.fault = failing(2, lambda: chained(
        NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("reset")))
    sent = [c for c in await bot.start_command() if c.ok]
    assert [c.params["text"][:4] for c in sent] == ["Halo"]


async def test_an_edit_that_may_have_arrived_is_not_repeated(bot: Bot) -> None:
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, RetryingRateLimiter)
    attempts: list[str] = []

    async def timed_out(*_args: Any, **_kwargs: Any) -> bool:
        attempts.append("edit")
        raise chained(TimedOut(), httpx.ReadTimeout("slow"))

    with pytest.raises(TimedOut):
        await limiter.process_request(timed_out, (), {}, "editMessageText", {"chat_id": 1},
                                      None)
    assert attempts == ["edit"]


async def test_past_its_patience_a_reply_is_queued_not_replaced_by_an_apology(
    bot: Bot,
) -> None:
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, RetryingRateLimiter)
    limiter.patience = 0.05  # Telegram answering 500 for longer than a reply's patience
    queue = bot.app.bot_data.services.replies
    assert queue is not None
    queue.max_backoff = 0.05
    bot.standin.fault = failing(1000, lambda: (500, error_body(500, "Internal Server Error")))
    calls = await bot.start_command()
    texts = [c.params["text"][:4] for c in calls]
    # The welcome was tried until its patience ran out, then kept in the database (the
    # issue-12 policy: until delivered, bot/replies.py); no apology took its place.
    assert len(texts) >= 2 and set(texts) == {"Halo"}
    assert not any(c.ok for c in calls)
    kept = await bot.app.bot_data.services.repo.queued_replies(10)
    assert [(row.chat_id, row.endpoint) for row in kept] == [(USER, "sendMessage")]
    bot.standin.fault = None
    for _ in range(200):
        if not await bot.app.bot_data.services.repo.queued_replies(10):
            break
        await asyncio.sleep(0.05)
    sent = [c.params["text"][:4] for c in bot.standin.calls if c.ok and c.method == "sendMessage"]
    assert sent == ["Halo"]


async def test_replies_to_one_chat_keep_their_order_through_retries(bot: Bot) -> None:
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, RetryingRateLimiter)
    order: list[str] = []
    failed = [False]

    async def first(*_args: Any, **_kwargs: Any) -> bool:
        if not failed[0]:
            failed[0] = True
            raise chained(NetworkError("httpx.ConnectError"), httpx.ConnectError("down"))
        order.append("first")
        return True

    async def second(*_args: Any, **_kwargs: Any) -> bool:
        order.append("second")
        return True

    await asyncio.gather(
        limiter.process_request(first, (), {}, "sendMessage", {"chat_id": 7}, None),
        limiter.process_request(second, (), {}, "sendMessage", {"chat_id": 7}, None),
    )
    assert order == ["first", "second"]


async def test_get_updates_and_other_errors_are_not_retried() -> None:
    limiter = RetryingRateLimiter(backoff=0.0)
    attempts: list[str] = []

    async def call(*_args: Any, **_kwargs: Any) -> bool:
        attempts.append("x")
        raise NetworkError("Bad Gateway")

    await limiter.initialize()
    with pytest.raises(NetworkError):
        await limiter.process_request(call, (), {}, "getUpdates", {}, None)
    assert len(attempts) == 1  # the Updater has its own back-off loop

    async def refused(*_args: Any, **_kwargs: Any) -> bool:
        attempts.append("y")
        raise BadRequest("Bad Request: chat not found")

    with pytest.raises(BadRequest):
        await limiter.process_request(refused, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert attempts.count("y") == 1
    await limiter.shutdown()


def test_retry_after_is_still_the_rate_limiters_business(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22 warns (an error here) when it builds a RetryAfter unless opted in to timedelta.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    assert not never_delivered(RetryAfter(1))


async def answers(bot: Bot, users: range) -> list[ApiCall]:
    """/start from each of `users` at once; the sendMessage calls that went through."""
    mark = len(bot.standin.calls)

    async def one(user: int) -> None:
        update = bot.updates.to_update(bot.updates.command("start", user_id=user, chat_id=user),
                                       bot.app.bot)
        await bot.app.process_update(update)

    await asyncio.gather(*(one(u) for u in users))
    return [c for c in bot.standin.calls[mark:] if c.method == "sendMessage" and c.ok]


async def test_no_answer_is_lost_to_5xx_and_resets(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    import random

    rng = random.Random(12)

    def flaky(call: ApiCall) -> tuple[int, dict[str, Any]] | None:
        if call.method != "sendMessage":
            return None
        roll = rng.random()
        if roll < 0.05:
            return rng.choice((500, 502, 503)), error_body(502, "Bad Gateway")
        if roll < 0.07:  # reset after the request was sent: it may have been delivered
            raise chained(NetworkError("httpx.RemoteProtocolError"),
                          httpx.RemoteProtocolError("Server disconnected"))
        return None

    bot.standin.fault = flaky
    users = range(5000, 5200)
    sent = await answers(bot, users)
    welcomed = {c.params["chat_id"] for c in sent if c.params["text"].startswith("Halo")}
    assert welcomed == set(users)  # 0 lost
    assert not [c for c in sent if c.params["text"].startswith("Maaf")]  # nor replaced
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_answers_in_flight_when_an_outage_starts_arrive_when_it_ends(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    import time

    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, RetryingRateLimiter)
    limiter.max_backoff = 0.05  # the policy, not the waiting, is under test
    outage = [time.monotonic(), time.monotonic() + 1.5]  # 1.5 s here for 15 s in the field
    failed = [0]

    def down(call: ApiCall) -> None:
        if call.method == "sendMessage" and outage[0] <= time.monotonic() < outage[1]:
            failed[0] += 1
            raise chained(NetworkError("httpx.ConnectError"), httpx.ConnectError("unreachable"))

    bot.standin.fault = down
    users = range(6000, 6040)
    started = time.monotonic()
    sent = await answers(bot, users)
    assert failed[0] >= len(users)  # every first attempt fell into the outage
    assert time.monotonic() - started >= 1.5
    assert {c.params["chat_id"] for c in sent if c.params["text"].startswith("Halo")} == set(users)
    assert not [c for c in sent if c.params["text"].startswith("Maaf")]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
