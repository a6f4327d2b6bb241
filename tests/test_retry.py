"""bot.app.RetryingRateLimiter: a reply that failed before reaching Telegram, or with a 5xx, is
sent again; one that may have been delivered (a read timeout) is not."""

from __future__ import annotations

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


async def test_a_read_timeout_is_not_retried(bot: Bot) -> None:
    attempts: list[str] = []

    def read_timeout(call: ApiCall) -> None:
        if call.method == "sendMessage":
            attempts.append(call.params["text"][:4])
            if len(attempts) == 1:
                raise chained(TimedOut(), httpx.ReadTimeout("slow"))

    bot.standin.fault = read_timeout
    calls = await bot.start_command()
    # No second welcome: the first may have arrived. The error handler apologises instead.
    assert attempts == ["Halo", "Maaf"]
    assert [c.params["text"][:4] for c in calls] == ["Maaf"]


async def test_retries_are_bounded_then_the_error_handler_apologises(bot: Bot) -> None:
    bot.standin.fault = failing(3, lambda: (500, error_body(500, "Internal Server Error")))
    calls = await bot.start_command()
    assert [(c.ok, c.params["text"][:4]) for c in calls] == [
        (False, "Halo"), (False, "Halo"), (False, "Halo"), (True, "Maaf")
    ]


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
