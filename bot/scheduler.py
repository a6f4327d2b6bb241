"""Sending personal deliveries on time: the tick.

Deliveries are planned by `bot.planning`, reconciled with programme changes by
`bot.reconcile`, and worded by `bot.compose`; this module sends them. The database is the
truth: one repeating JobQueue job ("deliveries") asks it what is due by *our* clock, so a
pinned, shifted or sped-up clock drives reminders exactly like the real one, and a restart
needs no re-arming beyond starting the tick again. (The JobQueue has two other users:
`bot.filewatch` polls the data file, and `bot.outbox` launches the broadcast sender.)

Deadlines. A delivery's due time is a deadline, not a start time. Calls go through the
outbox's `Pacer` (the same budget as broadcasts: 28 calls/s overall, 1 s apart per chat), so
N deliveries due at one instant need N/28 s of sending: `send_by` works backwards from each
due instant to when its rows must start, and a tick starts every row whose latest start has
come, up to `MAX_IN_FLIGHT` calls at once. Each row is claimed ('sending') right before its
call, so a crash leaves at most the calls in flight uncertain.

What happens when a call fails is the delivery policy (`bot.policy`, README): for these
personal deliveries a call that may have arrived is counted as sent, never repeated.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot import relay
from bot.compose import Composing, compose
from bot.outbox import Sender
from bot.planning import (  # noqa: F401  (re-exported: callers plan through the scheduler)
    BRIEF_AT,
    BRIEF_EXPIRES,
    LEAD_CHOICES,
    TOUR_EVENING_AT,
    TOUR_GATHER_LEAD,
    notify_seat,
    plan_for_user,
    reminder_time,
    replan_user,
    tour_plan,
)
from bot.policy import never_delivered, retry_seconds
from bot.reconcile import apply_event_change
from bot.storage.delegates import Delivery

if TYPE_CHECKING:
    from bot.context import BotApplication, BotContext

log = logging.getLogger(__name__)

JOB_NAME = "deliveries"
#: Calls started and not finished at once: enough to keep the pacer's 28/s busy across a
#: 1 s tick with slow answers, few enough that a crash leaves little uncertain.
MAX_IN_FLIGHT = 64
#: How far ahead a tick looks for deliveries that must start early (2 h at 28/s is ~200,000
#: messages: more than any event plans for one instant).
LOOKAHEAD = timedelta(hours=2)
#: Later than this past its due time, a delivery is logged as late.
LATE = timedelta(seconds=1)


def send_by(groups: Sequence[tuple[datetime, int]], rate: float, start_by: datetime
            ) -> datetime | None:
    """The latest due instant whose deliveries must start by `start_by`, or None.

    `groups` are (due instant, count) in due order; `rate` is calls per second. Working
    backwards, each group must be sent out before its own due time and before the next
    group's latest start, so its latest start is that bound less count/rate. Latest starts
    grow with the due time, so the groups that must start now are a prefix.
    """
    latest: list[datetime] = []
    bound: datetime | None = None
    for due, count in reversed(groups):
        end = due if bound is None else min(due, bound)
        bound = end - timedelta(seconds=count / rate)
        latest.append(bound)
    latest.reverse()
    found = None
    for (due, _count), start in zip(groups, latest, strict=True):
        if start > start_by:
            break
        found = due
    return found


# -- sending -------------------------------------------------------------------------------
async def tick(app: BotApplication, *, wait: bool = True) -> int:
    """Start every delivery whose latest start has come; return how many were sent.

    Without `wait` (the JobQueue job) each send runs as an application task, up to
    `MAX_IN_FLIGHT` at once, and the tick returns at once, so a slow batch never delays the
    next tick. With `wait` (tests, a handler that wants its bus messages out now) the sends
    run one after another in the caller's task until nothing more is due: the same pacing
    and policy, and whatever happens inside (a simulated crash) reaches the caller.
    """
    services = app.bot_data.services
    repo, sender = services.repo, services.sender
    now = services.clock.now()
    tour = services.event.tour_session()
    if tour is not None and now >= tour.end:
        # Where people were is nobody's business once the bus is back.
        await repo.purge_locations()
    # Questions to the panitia left waiting are deliveries too (bot/relay.py).
    await relay.raise_stale(app)
    if sender is None:
        return 0
    held = services.delivering
    tried: set[int] = set()
    sent = 0
    while True:
        batch = await _due_batch(app, sender, now, held | tried)
        if not batch:
            return sent
        held.update(d.id for d in batch)
        if not wait:
            for delivery in batch:
                app.create_task(_deliver(app, sender, delivery, shielded=True),
                                name=f"delivery-{delivery.id}")
            return 0
        tried.update(d.id for d in batch)
        try:
            for delivery in batch:
                sent += await _deliver(app, sender, delivery, shielded=False)
        finally:
            # Rows not reached (an error stopped the loop) must not stay held forever.
            held.difference_update(d.id for d in batch)
        now = services.clock.now()


async def _due_batch(
    app: BotApplication, sender: Sender, now: datetime, skip: set[int]
) -> list[Delivery]:
    services = app.bot_data.services
    repo = services.repo
    room = MAX_IN_FLIGHT - len(services.delivering)
    if room <= 0:
        return []
    groups = await repo.due_counts(now + LOOKAHEAD)
    # Rows whose latest start comes before the next tick start now, so none starts late.
    until = send_by(groups, sender.pacer.rate, now + timedelta(seconds=services.tick_interval
                                                                or 0.0))
    if until is None:
        return []
    return await repo.due_deliveries(until, room, skip)


async def _deliver(
    app: BotApplication, sender: Sender, delivery: Delivery, *, shielded: bool
) -> bool:
    """Wait for a slot, claim the row, compose and send it; True if it was sent."""
    services = app.bot_data.services
    try:
        planned = await sender.pacer.acquire(delivery.user_id)
        if not app.running:
            return False  # stopping: the row stays pending for the next start
        repo = services.repo
        if not await repo.claim_delivery(delivery.id):
            return False  # unplanned, cancelled or taken meanwhile
        sending = _send_claimed(app, sender, delivery, planned)
        if not shielded:
            return await sending
        # Once claimed, the outcome is recorded even if the task is cancelled (the
        # application stopping).
        return await asyncio.shield(sending)
    finally:
        services.delivering.discard(delivery.id)


async def _send_claimed(
    app: BotApplication, sender: Sender, delivery: Delivery, planned: float
) -> bool:
    services = app.bot_data.services
    repo = services.repo
    now = services.clock.now()
    if now >= delivery.expires_at:
        # The bot was down past the point where this message helps: drop, don't spam.
        log.info("dropped late %s %s for %s", delivery.kind, delivery.ref, delivery.user_id)
        await repo.finish_delivery(delivery.id, "dropped")
        return False
    t = services.i18n.get(delivery.language)
    reply = await compose(Composing(delivery, services.event, repo, t, now))
    if reply is None:
        await repo.finish_delivery(delivery.id, "dropped")
        return False
    try:
        await sender.pacer.admit(delivery.user_id, planned)
        await sender.bot.send_message(
            chat_id=delivery.user_id,
            text=reply.text,
            parse_mode=ParseMode.HTML,
            reply_markup=reply.markup,
        )
    except Forbidden:
        log.info("user %s blocked the bot: marked inactive", delivery.user_id)
        await repo.mark_inactive(delivery.user_id)
        await repo.finish_delivery(delivery.id, "dropped")
        return False
    except BadRequest as exc:
        log.warning("delivery %s rejected by Telegram: %s", delivery.id, exc)
        await repo.finish_delivery(delivery.id, "dropped")
        return False
    except RetryAfter as exc:
        sender.pacer.pause(retry_seconds(exc))
        log.warning("delivery %s postponed: %s", delivery.id, exc)
        await repo.release_delivery(delivery.id)
        return False
    except NetworkError as exc:
        if never_delivered(exc):
            # Telegram never saw it: back to pending, the next tick sends it.
            log.info("delivery %s postponed: %s", delivery.id, exc)
            await repo.release_delivery(delivery.id)
            return False
        # It may have arrived (read timeout, reset after sending): the policy for personal
        # deliveries is at most once, so it counts as sent and is not repeated.
        log.warning("delivery %s (%s) may or may not have arrived (%s): not sent again",
                    delivery.id, delivery.kind, exc)
        await repo.finish_delivery(delivery.id, "sent")
        return False
    except TelegramError as exc:
        log.warning("delivery %s failed: %s", delivery.id, exc)
        await repo.finish_delivery(delivery.id, "dropped")
        return False
    await repo.finish_delivery(delivery.id, "sent")
    late = services.clock.now() - delivery.due_at
    if late > LATE:
        log.info("delivery %s (%s) sent %.1f s late", delivery.id, delivery.kind,
                 late.total_seconds())
    return True


async def tick_job(context: BotContext) -> None:
    """The repeating JobQueue job."""
    await tick(context.app, wait=False)


async def on_startup(app: BotApplication, tick_interval: float | None) -> None:
    """Recover from a stop or crash, reconcile with the current data, start ticking."""
    services = app.bot_data.services
    repo = services.repo
    for delivery in await repo.interrupted_deliveries():
        # Claimed but not recorded: the crash came between sending and recording, or just
        # before sending. Telegram offers no way to ask which; sending again would double a
        # message that probably went out, so it counts as sent (and is logged).
        log.warning(
            "delivery %s (%s %s to %s) was interrupted: not sent again",
            delivery.id, delivery.kind, delivery.ref, delivery.user_id,
        )
        await repo.finish_delivery(delivery.id, "sent")
    await apply_event_change(app, None, services.event)
    if tick_interval and app.job_queue is not None:
        app.job_queue.run_repeating(tick_job, interval=tick_interval, first=0.1, name=JOB_NAME)
