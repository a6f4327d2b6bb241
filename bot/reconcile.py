"""Reconciling RSVPs and deliveries with a changed programme (an organizer's reload, `/ubah`,
or a restart with an edited data file).

Each RSVP remembers the time and venue its delegate was last told, so the work is a query
per session for the RSVPs told otherwise: proportional to what changed, not to the number of
delegates (bench/bench_scale.py measures it). Only the delegates touched are re-planned, and
for an ordinary session that moved only its reminders, in one batch.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.model import Event, Session, SessionKind
from bot.planning import reminder_time, replan_user
from bot.storage.delegates import DeliveryKind, PlannedDelivery, iso

if TYPE_CHECKING:
    from bot.context import BotApplication
    from bot.storage import Repo

log = logging.getLogger(__name__)

#: How long a "your session was cancelled" notice is still worth sending.
CANCELLED_NOTICE_FOR = timedelta(days=3)


async def apply_event_change(app: BotApplication, old: Event | None, new: Event) -> int:
    """Bring RSVPs and deliveries in line with `new` event data; return notices planned.

    Works the same after a reload and after a restart (`old` is only used for the titles of
    cancelled sessions; without it the stored id is used).
    """
    services = app.bot_data.services
    repo = services.repo
    now = services.clock.now()
    notices: list[PlannedDelivery] = []
    touched: set[int] = set()  # re-planned one by one (cancellations, the tour)
    await _cancellations(repo, old, new, now, notices, touched)
    moved = await _moves(repo, new, now, notices, touched)
    await repo.save_deliveries(notices, replace=False)
    for session in moved:
        await repo.save_deliveries(
            PlannedDelivery(user_id, DeliveryKind.REMINDER, session.id,
                            reminder_time(session, lead), session.arrive_by)
            for user_id, lead in await repo.reminder_leads(session.id)
        )
    for user_id in touched:
        await replan_user(app, user_id)
    if notices:
        log.info("event change: %d notices planned, %d sessions moved", len(notices),
                 len(moved))
    return len(notices)


async def _cancellations(
    repo: Repo, old: Event | None, new: Event, now: datetime,
    notices: list[PlannedDelivery], touched: set[int],
) -> None:
    """RSVPs for sessions no longer in the programme: a notice each, and the RSVP goes."""
    for rsvp in await repo.rsvps_outside([s.id for s in new.sessions]):
        gone = old.session(rsvp.session_id) if old else None
        notices.append(
            PlannedDelivery(
                user_id=rsvp.user_id,
                kind=DeliveryKind.CHANGE,
                ref=f"{rsvp.session_id}@cancelled",
                due_at=now,
                expires_at=now + CANCELLED_NOTICE_FOR,
                data={"what": "cancelled",
                      "title": gone.title.get("id") if gone else rsvp.session_id,
                      "title_en": gone.title.get("en") if gone else rsvp.session_id,
                      "old_start": rsvp.seen_start},
            )
        )
        # Also removes the session's pending deliveries for this delegate.
        await repo.cancel_rsvp(rsvp.user_id, rsvp.session_id, None)
        touched.add(rsvp.user_id)


async def _moves(
    repo: Repo, new: Event, now: datetime, notices: list[PlannedDelivery], touched: set[int],
) -> list[Session]:
    """RSVPs told another time or place than the session now has: a notice each; returns the
    ordinary sessions whose reminders move."""
    moved: list[Session] = []  # their reminders move in one batch
    for session in new.sessions:
        start, venue = iso(session.arrive_by), session.venue_id
        told = await repo.rsvps_told_otherwise(session.id, start, venue)
        if not told:
            continue
        was_told = [rsvp for rsvp in told if rsvp.seen_start is not None]
        if was_told:  # else: never told anything (RSVPs from before this was recorded)
            if session.kind is SessionKind.TOUR:
                touched.update(rsvp.user_id for rsvp in was_told)
            else:
                moved.append(session)
        for rsvp in was_told:
            if session.end > now:
                notices.append(
                    PlannedDelivery(
                        user_id=rsvp.user_id,
                        kind=DeliveryKind.CHANGE,
                        ref=f"{session.id}@{start}@{venue}",
                        due_at=now,
                        expires_at=session.end,
                        data={"what": "moved", "old_start": rsvp.seen_start,
                              "old_venue": rsvp.seen_venue},
                    )
                )
        await repo.mark_session_seen(session.id, start, venue)
    return moved
