"""Planning personal deliveries: which reminders, briefs and tour messages each delegate is
owed, and when (pure), and writing one delegate's plan to the database.

The rows written here are sent by `bot.scheduler`; a programme change is reconciled by
`bot.reconcile`, which re-plans only the delegates it touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from bot.features import feedback
from bot.model import Event, Session, SessionKind
from bot.states import RsvpStatus
from bot.storage.delegates import DeliveryKind, PlannedDelivery, Preferences, Rsvp, iso

if TYPE_CHECKING:
    from bot.context import BotApplication

#: The morning brief goes out at 06.30 local time on each event day.
BRIEF_AT = time(6, 30)
#: A brief not sent by noon (bot down all morning) is no longer a *morning* brief.
BRIEF_EXPIRES = time(12, 0)
LEAD_CHOICES = (10, 15, 30, 60)
#: City tour: a message the evening before, and one shortly before gathering.
TOUR_EVENING_AT = time(19, 0)
TOUR_GATHER_LEAD = timedelta(minutes=30)
#: Kinds derived from a delegate's RSVPs: re-planning removes those no longer wanted.
DERIVED = (DeliveryKind.REMINDER, DeliveryKind.TOUR_EVE, DeliveryKind.TOUR_GATHER)


def reminder_time(session: Session, lead_minutes: int) -> datetime:
    """When to remind: `lead` before the session, or before gathering when there is one."""
    return session.arrive_by - timedelta(minutes=lead_minutes)


def plan_for_user(
    event: Event,
    user_id: int,
    prefs: Preferences,
    rsvps: Iterable[Rsvp],
    registered: bool,
    now: datetime | None = None,
) -> list[PlannedDelivery]:
    """Every reminder and brief one delegate should get, from their RSVPs and preferences.

    Briefs whose time has passed at `now` are not planned: a delegate registering at 09.00
    wants no "good morning"; one already planned and missed while the bot was down is kept
    by `replan_user` and still goes out until noon.
    """
    rsvps = list(rsvps)
    planned: list[PlannedDelivery] = []
    for rsvp in rsvps:
        session = event.session(rsvp.session_id)
        if session is not None and rsvp.status == RsvpStatus.GOING and \
                session.kind is SessionKind.TOUR:
            planned += tour_plan(event, user_id, session)
    if prefs.reminder_lead > 0:
        for rsvp in rsvps:
            session = event.session(rsvp.session_id)
            if session is None or rsvp.status != RsvpStatus.GOING or \
                    session.kind is SessionKind.TOUR:
                continue
            planned.append(
                PlannedDelivery(
                    user_id=user_id,
                    kind=DeliveryKind.REMINDER,
                    ref=session.id,
                    due_at=reminder_time(session, prefs.reminder_lead),
                    expires_at=session.arrive_by,
                )
            )
    if prefs.morning_brief and registered:
        for day in event.days:
            due = datetime.combine(day, BRIEF_AT, tzinfo=event.timezone)
            if now is not None and due <= now:
                continue
            planned.append(
                PlannedDelivery(
                    user_id=user_id,
                    kind=DeliveryKind.BRIEF,
                    ref=day.isoformat(),
                    due_at=due,
                    expires_at=datetime.combine(day, BRIEF_EXPIRES, tzinfo=event.timezone),
                )
            )
    return planned


def tour_plan(event: Event, user_id: int, session: Session) -> list[PlannedDelivery]:
    """The tour's own messages: logistics everyone on the bus needs, whatever their
    reminder setting (the generic session reminder is not sent for the tour)."""
    gather = session.arrive_by
    evening = datetime.combine(
        event.local(gather).date() - timedelta(days=1), TOUR_EVENING_AT, tzinfo=event.timezone
    )
    # "Besok city tour!" is only true the evening before: someone who joins on the tour
    # morning (or a bot down all evening) gets the day's own messages instead.
    tour_day = datetime.combine(event.local(gather).date(), time(0), tzinfo=event.timezone)
    return [
        PlannedDelivery(user_id, DeliveryKind.TOUR_EVE, session.id, evening,
                        min(tour_day, gather - TOUR_GATHER_LEAD)),
        PlannedDelivery(user_id, DeliveryKind.TOUR_GATHER, session.id,
                        gather - TOUR_GATHER_LEAD, gather),
    ]


async def replan_user(app: BotApplication, user_id: int) -> None:
    """Re-derive one delegate's pending reminders and briefs (after any change of theirs)."""
    services = app.bot_data.services
    repo, event = services.repo, services.event
    prefs = await repo.get_preferences(user_id)
    rsvps = await repo.user_rsvps(user_id)
    registered = await repo.get_profile(user_id) is not None
    planned = plan_for_user(event, user_id, prefs, rsvps, registered, services.clock.now())
    wanted = {(p.kind, p.ref) for p in planned}
    keep_briefs = prefs.morning_brief and registered
    for delivery in await repo.pending_deliveries(user_id):
        if (delivery.kind, delivery.ref) in wanted:
            continue
        if delivery.kind in DERIVED or (
            delivery.kind == DeliveryKind.BRIEF and not keep_briefs
        ):
            await repo.delete_pending_deliveries(user_id, delivery.kind, delivery.ref)
    await repo.save_deliveries(planned)
    await feedback.plan(repo, event, user_id)  # feedback follows RSVPs and check-ins


async def notify_seat(app: BotApplication, user_id: int, session: Session) -> None:
    """Tell a delegate promoted from the waiting list (sent by the next tick)."""
    services = app.bot_data.services
    now = services.clock.now()
    await services.repo.save_deliveries(
        [
            PlannedDelivery(
                user_id=user_id,
                kind=DeliveryKind.SEAT,
                # One notice per promotion: a second promotion later is a new row.
                ref=f"{session.id}@{iso(now)}",
                due_at=now,
                expires_at=session.end,
            )
        ],
        replace=False,
    )
    await replan_user(app, user_id)
