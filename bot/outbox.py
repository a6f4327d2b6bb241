"""The broadcast sender: drains the announcement outbox within Telegram's flood limits.

The outbox table (`bot.storage.announcements`) is the truth: one row per recipient, going
pending -> sending -> sent | failed. The sender claims a row ('sending') right before its Bot
API call and settles it right after, so:

- a graceful stop (the application stops) lets calls in flight finish and be recorded, and
  leaves everything else 'pending': the next start carries on, nobody gets it twice;
- after a hard crash, only rows that were in flight (at most `concurrency`) are left
  'sending'. Telegram cannot be asked whether they arrived, so they are counted as sent
  (marked 'interrupted', shown as uncertain in the report) rather than risk a duplicate.

Pacing. Telegram allows about 30 messages per second overall, 1 per second per chat and
20 per minute per group; going over earns HTTP 429 with `retry_after`. PTB's `AIORateLimiter`
(telegram/ext/_aioratelimiter.py) wraps every call of `app.bot` that has a chat_id in an
overall `AsyncLimiter(30, 1)` plus a per-group one; it does no per-private-chat limit, it
lets a burst of 30 through at once, it retries RetryAfter *inside* the call (hiding it from
the outbox) and on RetryAfter it halts every request of the bot, interactive replies
included. For a broadcast we want the opposite: an even, measurable pace, our own handling
of RetryAfter per row, and no second throttle in series. So the sender paces itself
(`Pacer`, bot/pacing.py) and calls Telegram through a plain `telegram.Bot` sharing the application's
HTTP connection pool but not its rate limiter. The cost: delegates' interactive replies,
still limited by AIORateLimiter, are not counted in the broadcast's budget; the pacer
leaves `Limits.headroom` of the overall rate for them, and a 429 caused by the sum is
honoured like any other (the whole broadcast pauses for `retry_after`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN  # type: ignore[import-untyped]
from telegram import Bot, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot import render_organizer
from bot.pacing import PAID_LIMITS, Limits, Pacer, Timer
from bot.policy import never_delivered, retry_seconds
from bot.storage.announcements import BLOCKED, Announcement, OutboxRow

if TYPE_CHECKING:
    from bot.context import BotApplication
    from bot.storage import Repo

log = logging.getLogger(__name__)


#: Speed of the sender's clock for new senders; tests raise it (see `Timer`).
TIMER_SCALE = 1.0
#: Longest wait between tries of a row while Telegram cannot be reached (short, so that a
#: stop is not held up and the broadcast resumes soon after the network returns).
OUTAGE_BACKOFF = 5.0


@dataclass
class _Progress:
    last_shown: float = -1e9
    editing: asyncio.Task[None] | None = None


class Sender:
    """Sends what the outbox holds. One per application (see `start_outbox`)."""

    def __init__(
        self,
        app: BotApplication,
        *,
        timer: Timer | None = None,
        limits: Limits | None = None,
        concurrency: int = 16,
        progress_every: float = 2.0,
        max_attempts: int = 6,
        backoff: float = 0.25,
    ) -> None:
        self.app = app
        self.configure(timer=timer, limits=limits)
        self.concurrency = concurrency
        self.progress_every = progress_every
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._stopping = False
        self._held: set[int] = set()  # outbox rows this sender is working on
        self._inflight: set[asyncio.Task[None]] = set()
        self._progress: dict[int, _Progress] = {}
        self._announcements: dict[int, Announcement] = {}
        self._paid: dict[int, bool] = {}
        self._bot: Bot | None = None
        #: Test hook: awaited after each row is settled (a test can kill the sender there).
        self.after_settle: Callable[[OutboxRow, str], Awaitable[None]] | None = None

    def configure(self, *, timer: Timer | None = None, limits: Limits | None = None) -> None:
        self.timer = timer or Timer(TIMER_SCALE)
        self.pacer = Pacer(self.timer, limits)
        # Paid broadcasts have their own budget: they do not count against the 30/s.
        self.paid_pacer = Pacer(self.timer, PAID_LIMITS)

    # -- plumbing ----------------------------------------------------------------------------
    @property
    def repo(self) -> Repo:
        repo = self.app.bot_data.services.repo
        if repo is None:
            raise RuntimeError("storage is closed")
        return repo

    @property
    def bot(self) -> Bot:
        """A plain Bot over the application's HTTP pool, without AIORateLimiter (see the
        module docstring for why)."""
        if self._bot is None:
            settings = self.app.bot_data.services.settings
            self._bot = Bot(
                token=self.app.bot.token, base_url=settings.api_base_url,
                request=self.app.bot.request,
            )
        return self._bot

    def _stopped(self) -> bool:
        return self._stopping or (self.task is not None and not self.app.running)

    def wake(self) -> None:
        """New rows were queued: start sending now rather than at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        """Start no new call: the loop ends once the calls in flight are recorded."""
        self._stopping = True
        self._wake.set()

    # -- the loop ----------------------------------------------------------------------------
    async def recover(self) -> int:
        """At start-up: settle rows a crash left 'sending' (see the module docstring)."""
        count = await self.repo.settle_interrupted()
        if count:
            log.warning("outbox: %d message(s) were in flight at a crash; counted as sent, "
                        "not sent again", count)
        return count

    async def run(self, poll: float = 5.0) -> None:
        """Drain, then wait to be woken (or poll), until the application stops."""
        try:
            while not self._stopped():
                await self.drain()
                if self._stopped():
                    break
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=poll)
        finally:
            # Calls already made are let finish and recorded, even when we are cancelled.
            await self._settle_inflight()

    async def _settle_inflight(self) -> None:
        while self._inflight:
            await asyncio.gather(*list(self._inflight), return_exceptions=True)

    async def drain(self) -> None:
        """Send every pending row, then report on the announcements that are complete."""
        slots = asyncio.Semaphore(self.concurrency)
        while not self._stopped():
            rows = await self.repo.outbox_pending(200, skip=self._held)
            if not rows:
                if not self._held:
                    break
                # Rows in back-off or in flight: wait a little for them.
                await self.timer.sleep(0.2)
                continue
            for row in rows:
                if self._stopped():
                    break
                await slots.acquire()
                self._held.add(row.id)
                task = asyncio.create_task(self._deliver(row, slots))
                self._inflight.add(task)
                task.add_done_callback(self._inflight.discard)
        await self._settle_inflight()
        if not self._stopped():
            for announcement in await self.repo.sending_announcements():
                if await self.repo.finish_announcement(announcement.id):
                    await self._final_report(announcement.id)

    async def _deliver(self, row: OutboxRow, slots: asyncio.Semaphore) -> None:
        outages = 0  # attempts that never reached Telegram, in a row
        try:
            while True:
                pacer = self.paid_pacer if await self.is_paid(row.announcement_id) \
                    else self.pacer
                planned = await pacer.acquire(row.chat_id)
                if self._stopped() or not await self.repo.claim_outbox(row.id):
                    return  # still pending: the next run sends it
                # Shielded: once the call is made, its outcome is recorded even if the
                # sender is cancelled meanwhile.
                outcome = await asyncio.shield(self._send_and_settle(row, planned, pacer))
                if self.after_settle is not None:
                    await self.after_settle(row, outcome)
                if outcome not in ("retry", "outage"):
                    self._on_progress(row.announcement_id)
                    return
                if self._stopped():
                    return
                if outcome == "outage":
                    outages += 1
                    await self.timer.sleep(
                        min(OUTAGE_BACKOFF, self.backoff * 2 ** min(outages, 6)))
                    continue
                outages = 0
                await self.timer.sleep(min(60.0, self.backoff * 2 ** min(row.attempts, 6)))
                row = OutboxRow(row.id, row.announcement_id, row.chat_id, row.attempts + 1,
                                row.language)
        finally:
            self._held.discard(row.id)
            slots.release()

    async def _send_and_settle(self, row: OutboxRow, planned: float, pacer: Pacer) -> str:
        """One attempt; returns 'sent', 'failed', 'retry' (row back to pending) or 'outage'
        (back to pending, the attempt not counted)."""
        repo = self.repo
        attempt = row.attempts + 1
        try:
            message = await self._send(row, planned, pacer)
        except RetryAfter as exc:
            pacer.pause(retry_seconds(exc))
            return await self._retry_or_fail(row, attempt, "flood: retry after")
        except Forbidden as exc:
            if row.chat_id > 0:
                await repo.mark_inactive(row.chat_id)
                await repo.settle_outbox(row.id, "failed", BLOCKED)
            else:
                await repo.settle_outbox(row.id, "failed", exc.message[:200])
            return "failed"
        except ChatMigrated as exc:
            await repo.settle_outbox(row.id, "failed", f"chat migrated to {exc.new_chat_id}")
            return "failed"
        except BadRequest as exc:
            await repo.settle_outbox(row.id, "failed", exc.message[:200])
            return "failed"
        except NetworkError as exc:
            if never_delivered(exc):
                # Telegram never saw it (unreachable, a 5xx): the broadcast waits out an
                # outage of any length, and the attempt does not count (bot/policy.py).
                log.info("outbox row %s: not sent (%s); kept", row.id, exc)
                await repo.release_outbox(row.id, exc.message[:200])
                return "outage"
            # Includes TimedOut. A read timeout or a reset may have delivered it. Telegram
            # has no idempotency key, so a retry can, rarely, duplicate; for announcements
            # (some urgent) a duplicate beats a silent loss, up to `max_attempts`.
            log.info("outbox row %s: transient %s, attempt %d", row.id, exc, attempt)
            return await self._retry_or_fail(row, attempt, exc.message[:200])
        except TelegramError as exc:
            await repo.settle_outbox(row.id, "failed", exc.message[:200])
            return "failed"
        except Exception as exc:  # a bug must not stall the whole broadcast
            log.exception("outbox row %s: unexpected error", row.id)
            await repo.settle_outbox(row.id, "failed", repr(exc)[:200])
            return "failed"
        await repo.settle_outbox(row.id, "sent", None, message.message_id)
        if row.chat_id < 0:
            await self._pin(row.chat_id, message.message_id)
        return "sent"

    async def _pin(self, chat_id: int, message_id: int) -> None:
        """Pin an announcement in the linked group, so latecomers find it at the top.

        Best effort, after the row is settled: the bot may not be allowed to pin there (it
        needs the group's "pin messages" right), and a pin never changes what was delivered.
        Silent: the message itself already notified the members.
        """
        try:
            await self.pacer.slot(chat_id)
            await self.bot.pin_chat_message(chat_id, message_id, disable_notification=True)
        except TelegramError as exc:
            log.info("announcement in chat %s not pinned: %s", chat_id, exc)

    async def _retry_or_fail(self, row: OutboxRow, attempt: int, reason: str) -> str:
        if attempt >= self.max_attempts:
            await self.repo.settle_outbox(row.id, "failed", reason)
            return "failed"
        await self.repo.settle_outbox(row.id, "pending", reason)
        return "retry"

    async def _announcement(self, announcement_id: int) -> Announcement:
        found = self._announcements.get(announcement_id)
        if found is None:
            found = await self.repo.get_announcement(announcement_id)
            if found is None:
                raise LookupError(f"announcement {announcement_id} is gone")
            self._announcements[announcement_id] = found
        return found

    async def is_paid(self, announcement_id: int) -> bool:
        """Whether an announcement goes out as a paid broadcast: only when the deployment
        allows it (PAID_BROADCAST_MIN), for an urgent one to that many people or more."""
        paid = self._paid.get(announcement_id)
        if paid is None:
            settings = self.app.bot_data.services.settings
            announcement = await self._announcement(announcement_id)
            paid = settings.paid_broadcast(announcement.urgent, (
                await self.repo.delivery_report(announcement_id)).total)
            self._paid[announcement_id] = paid
        return paid

    async def _send(self, row: OutboxRow, planned: float, pacer: Pacer) -> Message:
        announcement = await self._announcement(row.announcement_id)
        t = self.app.bot_data.services.i18n.get(row.language)
        reply = render_organizer.announcement_message(
            announcement, t, with_read_button=row.chat_id > 0
        )
        common: dict[str, Any] = {
            "chat_id": row.chat_id, "parse_mode": ParseMode.HTML, "reply_markup": reply.markup,
        }
        if pacer is self.paid_pacer:
            common["allow_paid_broadcast"] = True
        # Nothing awaits between admission and the request: no other call can slip in.
        await pacer.admit(row.chat_id, planned)
        if announcement.media_kind == "photo" and announcement.media_file_id:
            return await self.bot.send_photo(
                photo=announcement.media_file_id, caption=reply.text, **common
            )
        if announcement.media_kind == "document" and announcement.media_file_id:
            return await self.bot.send_document(
                document=announcement.media_file_id, caption=reply.text, **common
            )
        return await self.bot.send_message(
            text=reply.text, link_preview_options=LinkPreviewOptions(is_disabled=True),
            **common,
        )

    # -- progress and report -----------------------------------------------------------------
    def _on_progress(self, announcement_id: int) -> None:
        """Edit the organizer's message at most every `progress_every` seconds."""
        now = self.timer.now()
        # The first edit waits a full interval too: the organizer's "⏳" message was sent just
        # before, outside the pacer, and Telegram allows one message per second in a chat.
        progress = self._progress.setdefault(announcement_id, _Progress(last_shown=now))
        if progress.editing is not None and not progress.editing.done():
            return
        if now - progress.last_shown < self.progress_every:
            return
        progress.last_shown = now
        progress.editing = asyncio.create_task(self._show_progress(announcement_id))
        self._inflight.add(progress.editing)
        progress.editing.add_done_callback(self._inflight.discard)

    async def _show_progress(self, announcement_id: int, final: bool = False) -> None:
        announcement = await self._announcement(announcement_id)
        if announcement.progress_chat is None or announcement.progress_message is None:
            return
        report = await self.repo.delivery_report(announcement_id)
        services = self.app.bot_data.services
        t = services.i18n.get(self.repo.cached_language(announcement.progress_chat))
        if final:
            unread = await self.repo.unread_recipients(announcement_id)
            reply = render_organizer.delivery_report(announcement, report, unread, t)
        else:
            reply = render_organizer.delivery_progress(announcement, report, t)
        # The final report is worth a few tries; an intermediate count is not.
        for _attempt in range(4 if final else 1):
            await self.pacer.slot(announcement.progress_chat)
            try:
                await self.bot.edit_message_text(
                    chat_id=announcement.progress_chat,
                    message_id=announcement.progress_message,
                    text=reply.text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=reply.markup,
                )
                return
            except RetryAfter as exc:
                self.pacer.pause(retry_seconds(exc))
            except NetworkError as exc:
                log.info("progress of announcement %s: %s", announcement_id, exc)
            except TelegramError as exc:
                # A deleted message or "not modified" must not matter: progress is a courtesy.
                log.info("progress of announcement %s not shown: %s", announcement_id, exc)
                return

    async def _final_report(self, announcement_id: int) -> None:
        progress = self._progress.pop(announcement_id, None)
        if progress is not None and progress.editing is not None:
            await asyncio.gather(progress.editing, return_exceptions=True)
        await self._show_progress(announcement_id, final=True)
        self._announcements.pop(announcement_id, None)
        self._paid.pop(announcement_id, None)


# -- lifecycle ---------------------------------------------------------------------------------
def sender_for(app: BotApplication) -> Sender:
    sender = app.bot_data.services.sender
    if sender is None:
        raise RuntimeError("the outbox sender is not started (start_outbox in post_init)")
    return sender


def wake(app: BotApplication) -> None:
    sender = app.bot_data.services.sender
    if sender is not None:
        sender.wake()


async def start_outbox(app: BotApplication) -> Sender:
    """From post_init: recover from a crash, then send as soon as the application runs.

    The loop is started by a one-off JobQueue job, i.e. once the application is running, via
    `app.create_task`: PTB then awaits it in `Application.stop()`, *before* the HTTP client
    is shut down, so calls in flight end cleanly.
    """
    sender = app.bot_data.services.sender = Sender(app)
    await sender.recover()
    if app.job_queue is not None:
        app.job_queue.run_once(_launch, when=0, name="outbox")
        # Application.stop() stops the JobQueue right before awaiting our task: that is the
        # moment to wake the idle loop so it sees the application stopping at once.
        app.job_queue.scheduler.add_listener(
            lambda _event: sender.wake(), EVENT_SCHEDULER_SHUTDOWN
        )
    else:
        sender.task = asyncio.create_task(sender.run(), name="outbox")
    return sender


async def _launch(context: Any) -> None:
    app = context.application
    sender = app.bot_data.services.sender
    # Not when the application is already stopping (started and stopped at once): the rows
    # stay queued for the next start, and PTB would not await a task created now.
    if sender is not None and sender.task is None and app.running:
        sender.task = app.create_task(sender.run(), name="outbox")


async def stop_outbox(app: BotApplication) -> None:
    """From post_shutdown: normally the loop has already ended with `Application.stop()`."""
    services = app.bot_data.services
    sender, services.sender = services.sender, None
    if sender is None:
        return
    sender.stop()
    if sender.task is not None and not sender.task.done():
        try:
            await asyncio.wait_for(asyncio.shield(sender.task), timeout=5.0)
        except TimeoutError:
            sender.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender.task
