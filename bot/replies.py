"""Replies kept until delivered: the database queue behind `bot.app.RetryingRateLimiter`.

A reply to a person (the answer to what they asked, a button's result) is at-least-once
(bot/policy.py). The rate limiter tries it at once; only when that attempt fails in a way
worth retrying is it written to `reply_queue` (so a reply that goes through costs no write),
retried in memory for a few seconds, and then handed over to this queue, which sends it when
the network returns: no time limit, across restarts and `kill -9`.

Order per chat: once a chat has a reply waiting here, every later reply to it is queued
behind (the rate limiter asks `waiting(chat)`, an in-memory count), so an answer never
overtakes an older one. The handler is not held up meanwhile: the call returns a stand-in
result at once (`QUEUED_MESSAGE_ID`), and the handler carries on, its next replies queued
behind. A caller that needs the sent message says what to record once it is sent
(`AfterSent`, passed as `rate_limit_args`): bot/relay.py records the relayed copy of a
question that way.

What each kind becomes when it waits (README, "Delivery policy"):
- a new message (`NEW_MESSAGES`) is kept until delivered; after `LATE_AFTER` a short note
  ("the following reply was delayed N minutes") goes first in private chats, so the person
  knows the answer is to an older question;
- an edit (a button's result) is kept `EDIT_TTL`: after that the view it shows (the day's
  programme, a keyboard) may be stale, and the person has pressed again or moved on; an edit
  of a message that is itself still queued cannot be applied and is dropped;
- a button's answer (answerCallbackQuery) is never queued: Telegram refuses it after ~15 s.
A reply is dropped when Telegram refuses it (blocked: the user is marked inactive), and
erased with the person's data (/hapusdata). The sender shares the broadcast pacer
(bot/pacing.py): queued replies count against the same ≤ 28/s and 1/s per chat.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN  # type: ignore[import-untyped]
from telegram import InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

# RequestParameter turns call arguments into JSON values exactly as PTB sends them; it is not
# re-exported by telegram.request, hence the private module.
from telegram.request._requestparameter import RequestParameter

from bot.policy import retry_seconds
from bot.storage.replies import QueuedReply

if TYPE_CHECKING:
    from bot.context import BotApplication
    from bot.outbox import Sender

log = logging.getLogger(__name__)


class ReplyKind(StrEnum):
    REPLY = "reply"  # an answer to a person
    RELAY = "relay"  # a question relayed to an organizer: its copy is recorded once sent


@dataclass(frozen=True, slots=True)
class AfterSent:
    """`rate_limit_args` of a call whose sent message must be recorded, also when it is sent
    later from the queue: `ref` is the question id of a relayed copy."""

    kind: ReplyKind
    ref: str


#: New messages to a person: kept until delivered.
NEW_MESSAGES = frozenset({
    "sendMessage", "sendVenue", "sendContact", "sendDocument", "sendPhoto", "sendLocation",
})
#: An edit is kept too, but only for `EDIT_TTL`.
EDITS = frozenset({"editMessageText"})
KEPT = NEW_MESSAGES | EDITS
#: A reply older than this is announced as delayed (private chats).
LATE_AFTER = timedelta(minutes=5)
EDIT_TTL = timedelta(minutes=10)
#: message_id of the stand-in result of a queued send: Telegram's ids start at 1.
QUEUED_MESSAGE_ID = 0
#: The sender's back-off while Telegram cannot be reached, and its idle poll.
MAX_BACKOFF = 5.0
POLL = 5.0
#: Chats sent to at once (each chat's replies go one after another, in order, 1.1 s apart):
#: enough that the pacer's overall rate (28/s), not the per-chat second, sets the pace.
CONCURRENCY = 32


def is_queued(message: object) -> bool:
    """Whether a send returned the stand-in of a queued reply rather than a sent message."""
    return getattr(message, "message_id", None) == QUEUED_MESSAGE_ID


def placeholder(endpoint: str, chat_id: int) -> bool | dict[str, Any]:
    """What the Bot API call returns to its caller when the reply was queued: a Message
    with `QUEUED_MESSAGE_ID` for a send, True for an edit (as for an inline message)."""
    if endpoint in EDITS:
        return True
    return {
        "message_id": QUEUED_MESSAGE_ID,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
    }


def encode(data: dict[str, Any]) -> str | None:
    """A Bot API call's parameters as JSON (uploads in base64), or None if they cannot be
    kept (an upload in a media group)."""
    params: dict[str, Any] = {}
    files: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        param = RequestParameter.from_input(key, value)
        if param.input_files:
            if param.value is not None or len(param.input_files) != 1:
                return None
            upload = param.input_files[0]
            content = upload.input_file_content
            files[key] = {
                "filename": upload.filename,
                "data": base64.b64encode(content if isinstance(content, bytes)
                                         else content.read()).decode("ascii"),
            }
        elif param.value is not None:
            params[key] = param.value
    return json.dumps({"params": params, "files": files}, ensure_ascii=False)


def decode(payload: str) -> dict[str, Any]:
    """The parameters to send again (the inverse of `encode`)."""
    found = json.loads(payload)
    data: dict[str, Any] = dict(found["params"])
    for key, upload in found.get("files", {}).items():
        data[key] = InputFile(base64.b64decode(upload["data"]), filename=upload["filename"])
    return data


class ReplyQueue:
    """The queue of one application: created with it, started in post_init."""

    def __init__(self, app: BotApplication) -> None:
        self.app = app
        self.running = False
        self.task: asyncio.Task[None] | None = None
        #: Rows per chat in the database (held ones included): the rate limiter's question
        #: "is a reply to this chat waiting?" must not cost a query.
        self._counts: dict[int, int] = {}
        #: Rows the rate limiter is still retrying in memory: not sent from here meanwhile.
        self._held: dict[int, int] = {}
        self._noted: set[int] = set()  # chats told their replies are late, this time
        self._wake = asyncio.Event()
        self._stopping = False
        self._stop = asyncio.Event()  # the application is stopping: end a back-off at once
        self._draining = asyncio.Lock()  # one pass at a time: a row is never sent twice
        self.max_backoff = MAX_BACKOFF

    # -- what the rate limiter asks ------------------------------------------------------------
    def waiting(self, chat_id: int) -> bool:
        return self._counts.get(chat_id, 0) > 0

    async def keep(
        self, endpoint: str, data: dict[str, Any], after: AfterSent | None, error: str,
        *, hold: bool = False,
    ) -> int | None:
        """Write a reply to the queue; its id, or None if it cannot be kept (the queue is not
        running, an edit of a still-queued message, an upload in a media group): the caller
        then raises as before."""
        chat_id = data.get("chat_id")
        if not self.running or not isinstance(chat_id, int) or endpoint not in KEPT:
            return None
        if endpoint in EDITS and data.get("message_id") == QUEUED_MESSAGE_ID:
            log.info("edit of a queued message in chat %s dropped", chat_id)
            return None
        payload = encode(data)
        if payload is None:
            return None
        now = self.app.bot_data.services.clock.now()
        expires = now + EDIT_TTL if endpoint in EDITS else None
        kind, ref = (after.kind, after.ref) if after is not None else (ReplyKind.REPLY, None)
        # Counted before the write: a reply to the same chat arriving meanwhile queues behind.
        self._counts[chat_id] = self._counts.get(chat_id, 0) + 1
        try:
            reply_id = await self.app.bot_data.services.repo.queue_reply(
                chat_id, kind, endpoint, payload, ref, now, expires, error[:200])
        except BaseException:
            self._settled(chat_id)
            raise
        if hold:
            self._held[reply_id] = chat_id
        else:
            self._wake.set()
        return reply_id

    async def delivered(self, reply_id: int) -> None:
        """A held reply went through in memory after all: it leaves the queue."""
        chat_id = self._held.pop(reply_id)
        if await self.app.bot_data.services.repo.delete_queued_reply(reply_id):
            self._settled(chat_id)

    def hand_over(self, reply_id: int) -> None:
        """The rate limiter gives up on a held reply: sent from here from now on."""
        if self._held.pop(reply_id, None) is not None:
            self._wake.set()

    def forget(self, chat_id: int) -> None:
        """The person's data (their queued replies with it) was erased."""
        self._counts.pop(chat_id, None)
        self._noted.discard(chat_id)

    def _settled(self, chat_id: int) -> None:
        left = self._counts.get(chat_id, 0) - 1
        if left > 0:
            self._counts[chat_id] = left
        else:
            self._counts.pop(chat_id, None)
            self._noted.discard(chat_id)

    # -- the sender -----------------------------------------------------------------------------
    @property
    def sender(self) -> Sender:
        sender = self.app.bot_data.services.sender
        if sender is None:
            raise RuntimeError("the outbox sender is not started")
        return sender

    def _stopped(self) -> bool:
        return self._stopping or (self.task is not None and not self.app.running)

    async def run(self) -> None:
        """Send what is queued; back off while Telegram cannot be reached."""
        failures = 0
        while not self._stopped():
            self._wake.clear()
            clear = await self.drain()
            if self._stopped():
                break
            if clear:
                failures = 0
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=POLL)
            else:
                # Not woken by new rows meanwhile (each would only fail again), but by a stop.
                failures += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._stop.wait(),
                        timeout=min(self.max_backoff, 0.25 * 2 ** min(failures, 8)))

    async def drain(self) -> bool:
        """One pass over the queue; False if some chat could not be reached."""
        async with self._draining:
            return await self._drain()

    async def _drain(self) -> bool:
        repo = self.app.bot_data.services.repo
        rows = await repo.queued_replies(500, skip=list(self._held))
        held_chats = set(self._held.values())
        chats: dict[int, list[QueuedReply]] = {}
        for row in rows:
            if row.chat_id not in held_chats:  # an older reply of it is retried in memory
                chats.setdefault(row.chat_id, []).append(row)
        if not chats:
            return True
        slots = asyncio.Semaphore(CONCURRENCY)

        async def one_chat(queued: list[QueuedReply]) -> bool:
            async with slots:
                for row in queued:
                    if self._stopped():
                        return True
                    # Shielded: a reply once sent is recorded even if we are cancelled.
                    if not await asyncio.shield(self._send(row)):
                        return False  # the rest of this chat waits behind it
                return True

        results = await asyncio.gather(*(one_chat(queued) for queued in chats.values()))
        return all(results)

    async def _send(self, row: QueuedReply) -> bool:
        """Send one queued reply; False if it must be tried again later."""
        services = self.app.bot_data.services
        repo = services.repo
        sender = self.sender
        try:
            await sender.pacer.slot(row.chat_id)
            # Judged at the slot, not before waiting for it: a late reply is late *now*.
            if not await repo.queued_reply_exists(row.id):
                return True  # erased meanwhile (/hapusdata)
            now = services.clock.now()
            if row.expires_at is not None and now >= row.expires_at:
                log.info("queued %s to chat %s expired", row.endpoint, row.chat_id)
                await self._drop(row)
                return True
            late = (row.endpoint in NEW_MESSAGES and row.kind == ReplyKind.REPLY
                    and row.chat_id > 0 and now - row.created_at >= LATE_AFTER
                    and row.chat_id not in self._noted)
            if late:
                if not await self._note_delay(row, now - row.created_at):
                    return False
                await sender.pacer.slot(row.chat_id)
            result = await sender.bot._post(row.endpoint, decode(row.payload))
        except RetryAfter as exc:
            sender.pacer.pause(retry_seconds(exc))
            await repo.reply_failed(row.id, str(exc))
            return False
        except Forbidden:
            log.info("queued reply to chat %s dropped: the bot is blocked", row.chat_id)
            if row.chat_id > 0:
                await repo.mark_inactive(row.chat_id)
            await self._drop(row)
            return True
        except BadRequest as exc:
            if "not modified" not in exc.message:  # an edit that took effect already
                log.warning("queued %s to chat %s refused: %s", row.endpoint, row.chat_id, exc)
            await self._drop(row)
            return True
        except NetworkError as exc:
            # Not sent, or maybe delivered: at-least-once, so tried again (bot/policy.py).
            log.info("queued %s to chat %s failed (%s); kept", row.endpoint, row.chat_id, exc)
            await repo.reply_failed(row.id, str(exc))
            return False
        except TelegramError as exc:
            log.warning("queued %s to chat %s failed: %s", row.endpoint, row.chat_id, exc)
            await self._drop(row)
            return True
        if await repo.delete_queued_reply(row.id):
            self._settled(row.chat_id)
        if row.kind == ReplyKind.RELAY and row.ref is not None and isinstance(result, dict):
            await repo.add_relay(int(row.ref), row.chat_id, int(result["message_id"]))
        log.info("queued %s to chat %s sent after %.0f s", row.endpoint, row.chat_id,
                 (now - row.created_at).total_seconds())
        return True

    async def _drop(self, row: QueuedReply) -> None:
        if await self.app.bot_data.services.repo.delete_queued_reply(row.id):
            self._settled(row.chat_id)

    async def _note_delay(self, row: QueuedReply, late: timedelta) -> bool:
        """Tell the person the next replies come late, once; False if it could not go."""
        services = self.app.bot_data.services
        user = await services.repo.get_user(row.chat_id)
        t = services.i18n.get(user.language if user is not None else None)
        minutes = max(1, int(late.total_seconds() // 60))
        text = t.ngettext(
            "⏳ Maaf, balasan berikut tertunda {n} menit karena gangguan jaringan.",
            "⏳ Maaf, balasan berikut tertunda {n} menit karena gangguan jaringan.",
            minutes,
        ).format(n=minutes)
        try:
            await self.sender.bot.send_message(row.chat_id, text)
        except RetryAfter as exc:
            self.sender.pacer.pause(retry_seconds(exc))
            return False
        except NetworkError:
            return False
        except TelegramError as exc:
            log.info("delay note to chat %s not sent: %s", row.chat_id, exc)
        self._noted.add(row.chat_id)
        return True

    # -- lifecycle ------------------------------------------------------------------------------
    async def start(self) -> None:
        """From post_init, after the outbox: count what a previous run left, then send it
        once the application runs (as the outbox: an application task PTB awaits on stop)."""
        self._counts = await self.app.bot_data.services.repo.queued_reply_counts()
        self._stopping = False
        self._stop.clear()
        self.running = True
        if self._counts:
            log.warning("reply queue: %d repl(y/ies) from before the restart to send",
                        sum(self._counts.values()))
        app = self.app
        if app.job_queue is not None:
            app.job_queue.run_once(self._launch, when=0, name="reply-queue")
            # Application.stop() stops the JobQueue right before awaiting our task.
            app.job_queue.scheduler.add_listener(self._on_stopping, EVENT_SCHEDULER_SHUTDOWN)
        else:
            self.task = asyncio.create_task(self.run(), name="reply-queue")

    def _on_stopping(self, _event: object) -> None:
        self._wake.set()
        self._stop.set()

    async def _launch(self, _context: Any) -> None:
        if self.task is None and self.app.running and not self._stopping:
            self.task = self.app.create_task(self.run(), name="reply-queue")

    async def stop(self) -> None:
        """From post_shutdown: what is still queued stays for the next start."""
        self.running = False
        self._stopping = True
        self._wake.set()
        self._stop.set()
        task, self.task = self.task, None
        if task is not None and not task.done():
            try:
                await asyncio.wait_for(asyncio.shield(task), timeout=5.0)
            except TimeoutError:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
