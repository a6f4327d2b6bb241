"""The application factory: one function that builds the whole bot.

The same application serves real Telegram (`citynet-bot run`), the offline terminal chat and
the tests; only the `request` (how Bot API calls travel) differs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from telegram import LinkPreviewOptions
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes, Defaults, ExtBot
from telegram.request import BaseRequest

from bot import filewatch, outbox, scheduler
from bot.clock import Clock
from bot.config import Settings
from bot.context import BotApplication, BotContext, BotData, Services
from bot.flood import FloodGate
from bot.i18n import I18n
from bot.menus import set_default_menus
from bot.model import Event
from bot.persistence import RepoPersistence

log = logging.getLogger(__name__)

#: Used when a stand-in answers the Bot API: PTB wants a token-shaped string.
OFFLINE_TOKEN = "1000:OFFLINE-citynet-bot-no-telegram-here"


#: Transport failures that happen before the request is sent: Telegram never saw the call.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def never_delivered(exc: BaseException) -> bool:
    """Whether a failed Bot API call certainly or very probably did not take effect, so
    sending it again cannot make the user see it twice.

    Yes: the connection could not be made (refused, connect or pool timeout: nothing was
    sent), or Telegram answered with a server error (5xx: PTB raises a plain NetworkError,
    with no httpx exception behind it, for any status it has no better class for).
    No: a read or write timeout or a connection dropped mid-answer (the message may well
    have been delivered: a double is worse than a loss here, the user can ask again), and
    every 4xx (BadRequest, Forbidden, ... would fail again).
    """
    if isinstance(exc, TimedOut):
        return isinstance(exc.__cause__, _NOT_SENT)
    if type(exc) is not NetworkError:
        return False
    cause = exc.__cause__
    # No cause, or an unparsable body (TelegramError): Telegram answered an error status.
    return cause is None or isinstance(cause, (TelegramError, *_NOT_SENT))


class RetryingRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter, plus a short retry of calls that failed before reaching Telegram
    or with a 5xx.

    Why: without it one 502 from Telegram (or a blip of the local network) loses the reply
    to whatever the delegate asked: the error handler apologises instead, and if the
    apology fails as well the delegate gets nothing (tests/test_process.py, scenario d).
    Only failures that cannot have delivered the message are retried (`never_delivered`);
    getUpdates is left to the Updater's own back-off loop. The broadcast outbox does not go
    through here (bot/outbox.py retries per row itself).
    """

    def __init__(
        self, *, max_retries: int = 3, network_retries: int = 2, backoff: float = 0.5
    ) -> None:
        super().__init__(max_retries=max_retries)
        self.network_retries = network_retries
        self.backoff = backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        attempt = 0
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as exc:
                if (
                    endpoint == "getUpdates"
                    or attempt >= self.network_retries
                    or not never_delivered(exc)
                ):
                    raise
                attempt += 1
                log.info("%s failed (%s); retry %d of %d", endpoint, exc, attempt,
                         self.network_retries)
                await asyncio.sleep(self.backoff * 2 ** (attempt - 1))


async def _post_init(app: BotApplication) -> None:
    services = app.bot_data.services
    await services.open_repo()  # unless RepoPersistence opened it already, in initialize()
    await set_default_menus(app.bot, services.i18n, services.event)
    await scheduler.on_startup(app, services.tick_interval)
    await outbox.start_outbox(app)
    if services.tick_interval is not None:  # tests drive time (and the watcher) by hand
        filewatch.start(app)
    log.info(
        "ready: event %s, %d sessions, database %s",
        services.event.id,
        len(services.event.sessions),
        services.settings.database_path,
    )


async def _post_shutdown(app: BotApplication) -> None:
    await outbox.stop_outbox(app)
    await app.bot_data.services.close_repo()


def build_application(
    settings: Settings,
    event: Event,
    clock: Clock | None = None,
    *,
    register: Callable[[BotApplication], None],
    request: BaseRequest | None = None,
    rate_limit: bool = True,
    i18n: I18n | None = None,
    tick_interval: float | None = 1.0,
    flood_gate: FloodGate | None = None,
) -> BotApplication:
    """The bot, ready for `initialize()`/`start()` or `run_polling()`.

    `register` adds the handlers (`handlers.register`, passed in by the entry point: the
    core does not import the Telegram adapters); `flood_gate` turns per-user flood control
    on (`citynet-bot run`; the offline chat and the tests have nothing to protect).

    `request` replaces the HTTP transport (the offline stand-in passes itself here);
    `rate_limit=False` drops Telegram's flood limits for stand-in runs that measure the bot;
    `tick_interval` is how often (real seconds) due reminders are sent — None leaves that to
    the caller (tests call `bot.scheduler.tick` after moving the clock).
    """
    # One function on purpose (~65 lines, most of them comments): every option the bot runs
    # with is read here in order, for every front-end alike.
    services = Services(
        settings=settings,
        event=event,
        clock=clock or Clock(event.timezone),
        i18n=i18n or I18n(default=settings.default_language),
        tick_interval=tick_interval,
        flood_gate=flood_gate,
    )
    context_types: ContextTypes[BotContext, Any, Any, BotData] = ContextTypes(
        context=BotContext, bot_data=BotData
    )
    builder: ApplicationBuilder[ExtBot[Any], BotContext, Any, Any, BotData, Any] = (
        ApplicationBuilder()
        .token(settings.token or OFFLINE_TOKEN)
        .base_url(settings.api_base_url)
        .context_types(context_types)
        .defaults(
            # parse_mode is passed where text is sent (handlers/common.py): as a default,
            # PTB would also add it to calls that have no such parameter (sendVenue).
            Defaults(
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                tzinfo=event.timezone,
            )
        )
        # Half-done conversations (registration, an announcement being written) survive a
        # restart: their steps and drafts are kept in the same database.
        .persistence(RepoPersistence(services))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        # Handle updates of different chats concurrently; PTB still serialises nothing we
        # rely on, since all shared state lives in SQLite.
        .concurrent_updates(True)
    )
    if rate_limit:
        # Telegram: ~30 messages/s overall, 20/min per group; retry up to 3 times on
        # RetryAfter, and twice on a failure that cannot have delivered the call.
        builder = builder.rate_limiter(RetryingRateLimiter(max_retries=3))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app: BotApplication = builder.build()
    app.bot_data.services = services
    register(app)
    return app


async def start_app(app: BotApplication) -> None:
    """Start without fetching updates (offline chat, tests, benchmarks).

    `run_polling` would call `post_init` itself; driving the application by hand we do it
    here, in the same order.
    """
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await app.start()


async def stop_app(app: BotApplication) -> None:
    if app.running:
        await app.stop()
    if app.post_stop is not None:
        await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)
