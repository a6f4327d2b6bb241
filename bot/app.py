"""The application factory: one function that builds the whole bot.

The same application serves real Telegram (`citynet-bot run`), the offline terminal chat and
the tests; only the `request` (how Bot API calls travel) differs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import LinkPreviewOptions
from telegram.error import NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes, Defaults, ExtBot
from telegram.request import BaseRequest

from bot import filewatch, outbox, scheduler
from bot.chatlocks import ChatLocks
from bot.clock import Clock
from bot.config import Settings
from bot.context import BotApplication, BotContext, BotData, Services
from bot.dispatch import PerChatUpdates
from bot.flood import FloodGate
from bot.i18n import I18n
from bot.menus import set_default_menus
from bot.model import Event
from bot.persistence import RepoPersistence
from bot.policy import maybe_delivered, never_delivered
from bot.replies import (
    EDITS,
    KEPT,
    NEW_MESSAGES,
    QUEUED_MESSAGE_ID,
    AfterSent,
    ReplyQueue,
    placeholder,
)

log = logging.getLogger(__name__)

#: Used when a stand-in answers the Bot API: PTB wants a token-shaped string.
OFFLINE_TOKEN = "1000:OFFLINE-citynet-bot-no-telegram-here"


#: Bot API methods that deliver a new message to a person: kept until delivered, even after
#: an outcome that may have delivered it (bot/policy.py: a rare duplicate beats silence).
AT_LEAST_ONCE = NEW_MESSAGES
#: How long a reply is retried in memory before it is handed to the reply queue (which
#: keeps it until delivered, bot/replies.py): meanwhile the handler waits for the real
#: message. A button's answer (answerCallbackQuery) is never queued: Telegram refuses it
#: after ~15 s, so it is retried for less and then given up.
REPLY_PATIENCE = 5.0
CALLBACK_PATIENCE = 10.0


class RetryingRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter, plus the delivery policy for replies (bot/policy.py): a reply
    to a person is kept until it is delivered, and replies to one chat keep their order.

    Why: without it one 502 from Telegram, a reset connection or an outage loses the
    answer to whatever the delegate asked (tests/test_process.py, scenarios d, i, j).
    The fast path is PTB's: a reply that goes through costs nothing more. After a failure
    worth retrying, a new message (`AT_LEAST_ONCE`, even when it may have arrived: a rare
    duplicate beats silence) or an edit that Telegram never saw is written to the reply
    queue (`bot.replies`, so a crash does not lose it), retried here for `patience`
    seconds, then handed to the queue: the handler gets a stand-in result and carries on,
    and the queue sends the reply when the network returns. A 429 that outlasted
    AIORateLimiter's own retries is handed over at once. A button's answer is retried only
    when Telegram never saw it, for up to 10 s, never queued, and then given up without an
    error (the handler carries on to its real reply). getUpdates is left to the Updater's own
    back-off loop. The broadcast outbox and the reminders do not go through here
    (bot/outbox.py, bot/scheduler.py apply their own rows of the policy).

    Order per chat: calls to one chat pass one at a time (an asyncio.Lock is first come,
    first served), so an answer retrying through an outage is not overtaken by the next;
    once a chat has a reply in the queue, its later replies are queued behind it.
    """

    def __init__(
        self, *, max_retries: int = 3, backoff: float = 0.5, max_backoff: float = 2.0,
        patience: float = REPLY_PATIENCE,
    ) -> None:
        super().__init__(max_retries=max_retries)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.patience = patience
        #: The application's reply queue (set by the app factory); None: nothing is kept.
        self.queue: ReplyQueue | None = None
        #: One call at a time per chat.
        self._chats = ChatLocks()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | AfterSent | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        # AfterSent says what to record once a queued call is sent (bot/relay.py); PTB's
        # limiter reads an int here (its max_retries).
        after = rate_limit_args if isinstance(rate_limit_args, AfterSent) else None
        limit = rate_limit_args if isinstance(rate_limit_args, int) else None
        chat_id = data.get("chat_id")
        if endpoint == "getUpdates" or chat_id is None:
            return await self._with_retries(callback, args, kwargs, endpoint, data, limit,
                                            after)
        await self._chats.acquire(chat_id)
        try:
            return await self._with_retries(callback, args, kwargs, endpoint, data, limit,
                                            after)
        finally:
            self._chats.release(chat_id)

    async def _with_retries(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
        after: AfterSent | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        queue = self.queue if endpoint in KEPT else None
        chat_id = data.get("chat_id")
        if endpoint in EDITS and data.get("message_id") == QUEUED_MESSAGE_ID:
            # The message it edits is itself still queued: there is nothing to edit yet.
            log.info("%s of a queued message in chat %s dropped", endpoint, chat_id)
            return True
        # An older reply to this chat waits in the queue: this one goes behind it.
        if (queue is not None and isinstance(chat_id, int) and queue.waiting(chat_id)
                and await queue.keep(endpoint, data, after, "behind an earlier reply")
                is not None):
            return placeholder(endpoint, chat_id)
        loop = asyncio.get_running_loop()
        started = loop.time()
        patience = CALLBACK_PATIENCE if endpoint == "answerCallbackQuery" else self.patience
        patience = min(patience, self.patience)
        attempt = 0
        kept: int | None = None  # the queue row of this reply, once a try failed
        try:
            while True:
                try:
                    result = await super().process_request(
                        callback, args, kwargs, endpoint, data, rate_limit_args
                    )
                except RetryAfter as exc:
                    # AIORateLimiter waited and retried already: hand it to the queue, whose
                    # sender honours the pause through the pacer.
                    if queue is None or not isinstance(chat_id, int):
                        raise
                    if kept is not None:
                        queue.hand_over(kept)
                        kept = None
                    elif await queue.keep(endpoint, data, after, str(exc)) is None:
                        raise
                    return placeholder(endpoint, chat_id)
                except NetworkError as exc:
                    retry = never_delivered(exc) or (
                        endpoint in AT_LEAST_ONCE and maybe_delivered(exc)
                    )
                    if endpoint == "answerCallbackQuery" and (
                            maybe_delivered(exc)
                            or (retry and loop.time() - started >= patience)):
                        # Given up, not raised: the button's spinner stops by itself, and
                        # the handler goes on to the reply that matters (kept if need be).
                        log.info("%s not answered (%s); given up", endpoint, exc)
                        return True
                    if endpoint == "getUpdates" or not retry:
                        raise
                    if queue is not None and kept is None:
                        # Written now, so that a crash from here on does not lose it.
                        kept = await queue.keep(endpoint, data, after, str(exc), hold=True)
                    if loop.time() - started >= patience:
                        if kept is None or queue is None or not isinstance(chat_id, int):
                            raise
                        log.info("%s to chat %s failed (%s); queued until Telegram is "
                                 "reachable", endpoint, chat_id, exc)
                        queue.hand_over(kept)
                        kept = None
                        return placeholder(endpoint, chat_id)
                    attempt += 1
                    wait = min(self.max_backoff, self.backoff * 2 ** min(attempt - 1, 8))
                    # One line per retry, no traceback: the outcome is what matters.
                    log.info("%s failed (%s); retry %d in %.1f s", endpoint, exc, attempt, wait)
                    await asyncio.sleep(wait)
                else:
                    if kept is not None and queue is not None:
                        held, kept = kept, None
                        await queue.delivered(held)
                    return result
        finally:
            if kept is not None and queue is not None:
                # Cancelled (or an error) while retrying: the queue sends it from now on.
                queue.hand_over(kept)


class NoLinkPreviews(LinkPreviewOptions):
    """The default added to every message sent: serialized as a constant, not by PTB's
    generic `to_dict` (~10 µs on every call, measured by bench/bench_bot.py --vs-bare)."""

    __slots__ = ()

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        if self.api_kwargs or self.is_disabled is not True:
            return super().to_dict(recursive)
        return {"is_disabled": True}


async def _post_init(app: BotApplication) -> None:
    services = app.bot_data.services
    await services.open_repo()  # unless RepoPersistence opened it already, in initialize()
    await set_default_menus(app.bot, services.i18n, services.event)
    await scheduler.on_startup(app, services.tick_interval)
    await outbox.start_outbox(app)
    if services.replies is not None:
        await services.replies.start()
    if services.tick_interval is not None:  # tests drive time (and the watcher) by hand
        filewatch.start(app)
    log.info(
        "ready: event %s, %d sessions, database %s",
        services.event.id,
        len(services.event.sessions),
        services.settings.database_path,
    )


async def _post_shutdown(app: BotApplication) -> None:
    if app.bot_data.services.replies is not None:
        await app.bot_data.services.replies.stop()
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
                link_preview_options=NoLinkPreviews(is_disabled=True),
                tzinfo=event.timezone,
            )
        )
        # Half-done conversations (registration, an announcement being written) survive a
        # restart: their steps and drafts are kept in the same database.
        .persistence(RepoPersistence(services))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        # Updates of different chats concurrently, each chat's in the order they came
        # (bot/dispatch.py): replies keep their order, conversations their steps.
        .concurrent_updates(PerChatUpdates(256))
    )
    limiter: RetryingRateLimiter | None = None
    if rate_limit:
        # Telegram: ~30 messages/s overall, 20/min per group; retry up to 3 times on
        # RetryAfter, and replies through network failures (RetryingRateLimiter).
        limiter = RetryingRateLimiter(max_retries=3)
        builder = builder.rate_limiter(limiter)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app: BotApplication = builder.build()
    app.bot_data.services = services
    # Replies kept until delivered; without the rate limiter (stand-in runs that measure
    # the bot) nothing is queued, but rows a previous run left are still sent.
    services.replies = ReplyQueue(app)
    if limiter is not None:
        limiter.queue = services.replies
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
