"""Personal deliveries: what to send each delegate and when, and the tick that sends it.

The database is the truth (see `bot.storage.delegates`): planning writes rows, and one
repeating JobQueue job ("tick") asks for what is due by *our* clock, so a pinned, shifted or
sped-up clock drives reminders exactly like the real one, and a restart needs no re-arming
beyond starting the tick again. This is the only module that touches the JobQueue.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot import relay, render_delegate, render_evaluation, render_feedback, render_tour
from bot.features import evaluation, feedback
from bot.model import Event, Session, SessionKind
from bot.storage.delegates import (
    EVENT_RSVP,
    Delivery,
    PlannedDelivery,
    Preferences,
    Rsvp,
    iso,
    parse_iso,
)

if TYPE_CHECKING:
    from bot.context import BotApplication, BotContext

log = logging.getLogger(__name__)

#: The morning brief goes out at 06.30 local time on each event day.
BRIEF_AT = time(6, 30)
#: A brief not sent by noon (bot down all morning) is no longer a *morning* brief.
BRIEF_EXPIRES = time(12, 0)
LEAD_CHOICES = (10, 15, 30, 60)
#: City tour: a message the evening before, and one shortly before gathering.
TOUR_EVENING_AT = time(19, 0)
TOUR_GATHER_LEAD = timedelta(minutes=30)
JOB_NAME = "deliveries"
#: What the morning brief lists for everyone: plenaries, ceremonies and the tour.
MAIN_KINDS = (SessionKind.PLENARY, SessionKind.CEREMONY, SessionKind.TOUR)


# -- planning (pure) -----------------------------------------------------------------------
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
    planned: list[PlannedDelivery] = []
    for rsvp in rsvps:
        session = event.session(rsvp.session_id)
        if session is not None and rsvp.status == "going" and session.kind is SessionKind.TOUR:
            planned += tour_plan(event, user_id, session)
    if prefs.reminder_lead > 0:
        for rsvp in rsvps:
            session = event.session(rsvp.session_id)
            if session is None or rsvp.status != "going" or session.kind is SessionKind.TOUR:
                continue
            planned.append(
                PlannedDelivery(
                    user_id=user_id,
                    kind="reminder",
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
                    kind="brief",
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
        PlannedDelivery(user_id, "tour_eve", session.id, evening,
                        min(tour_day, gather - TOUR_GATHER_LEAD)),
        PlannedDelivery(user_id, "tour_gather", session.id, gather - TOUR_GATHER_LEAD, gather),
    ]


# -- planning (storage) --------------------------------------------------------------------
async def replan_user(app: BotApplication, user_id: int) -> None:
    """Re-derive one delegate's pending reminders and briefs (after any change of theirs)."""
    services = app.bot_data.services
    repo, event = services.repo, services.event
    assert repo is not None
    prefs = await repo.get_preferences(user_id)
    rsvps = await repo.user_rsvps(user_id)
    registered = await repo.get_profile(user_id) is not None
    planned = plan_for_user(event, user_id, prefs, rsvps, registered, services.clock.now())
    wanted = {(p.kind, p.ref) for p in planned}
    keep_briefs = prefs.morning_brief and registered
    for delivery in await repo.pending_deliveries(user_id):
        if (delivery.kind, delivery.ref) in wanted:
            continue
        if delivery.kind in ("reminder", "tour_eve", "tour_gather") or (
            delivery.kind == "brief" and not keep_briefs
        ):
            await repo.delete_pending_deliveries(user_id, delivery.kind, delivery.ref)
    await repo.save_deliveries(planned)
    await feedback.plan(repo, event, user_id)  # i15: feedback follows RSVPs and check-ins


async def notify_seat(app: BotApplication, user_id: int, session: Session) -> None:
    """Tell a delegate promoted from the waiting list (sent by the next tick)."""
    services = app.bot_data.services
    assert services.repo is not None
    now = services.clock.now()
    await services.repo.save_deliveries(
        [
            PlannedDelivery(
                user_id=user_id,
                kind="seat",
                # One notice per promotion: a second promotion later is a new row.
                ref=f"{session.id}@{iso(now)}",
                due_at=now,
                expires_at=session.end,
            )
        ],
        replace=False,
    )
    await replan_user(app, user_id)


async def apply_event_change(app: BotApplication, old: Event | None, new: Event) -> int:
    """Bring RSVPs and deliveries in line with `new` event data; return notices planned.

    Each RSVP remembers the time and venue its delegate was last told, so this works the
    same after an organizer's reload and after a restart with an edited file (`old` is only
    used for the titles of cancelled sessions; without it the stored id is used).
    """
    services = app.bot_data.services
    repo = services.repo
    assert repo is not None
    now = services.clock.now()
    notices: list[PlannedDelivery] = []
    touched: set[int] = set()
    for rsvp in await repo.all_rsvps():
        if rsvp.session_id == EVENT_RSVP:
            continue
        session = new.session(rsvp.session_id)
        if session is None:
            gone = old.session(rsvp.session_id) if old else None
            title = gone.title.get("id") if gone else rsvp.session_id
            title_en = gone.title.get("en") if gone else rsvp.session_id
            notices.append(
                PlannedDelivery(
                    user_id=rsvp.user_id,
                    kind="change",
                    ref=f"{rsvp.session_id}@cancelled",
                    due_at=now,
                    expires_at=now + timedelta(days=3),
                    data={"what": "cancelled", "title": title, "title_en": title_en,
                          "old_start": rsvp.seen_start},
                )
            )
            await repo.cancel_rsvp(rsvp.user_id, rsvp.session_id, None)
            touched.add(rsvp.user_id)
            continue
        start, venue = iso(session.arrive_by), session.venue_id
        if rsvp.seen_start is None:
            await repo.mark_seen(rsvp.user_id, session.id, start, venue)
            continue
        if (rsvp.seen_start, rsvp.seen_venue) == (start, venue):
            continue
        if session.end > now:
            notices.append(
                PlannedDelivery(
                    user_id=rsvp.user_id,
                    kind="change",
                    ref=f"{session.id}@{start}@{venue}",
                    due_at=now,
                    expires_at=session.end,
                    data={"what": "moved", "old_start": rsvp.seen_start,
                          "old_venue": rsvp.seen_venue},
                )
            )
        await repo.mark_seen(rsvp.user_id, session.id, start, venue)
        touched.add(rsvp.user_id)
    await repo.save_deliveries(notices, replace=False)
    for user_id in touched:
        await replan_user(app, user_id)
    if notices:
        log.info("event change: %d notices planned for %d delegates", len(notices), len(touched))
    return len(notices)


# -- sending -------------------------------------------------------------------------------
async def tick(app: BotApplication, limit: int = 100) -> int:
    """Send every delivery that is due by the bot's clock; return how many were sent."""
    services = app.bot_data.services
    repo, event = services.repo, services.event
    if repo is None:
        return 0
    now = services.clock.now()
    tour = event.tour_session()
    if tour is not None and now >= tour.end:
        # Where people were is nobody's business once the bus is back.
        await repo.purge_locations()
    sent = 0
    batch = await repo.claim_due(now, limit)
    for index, delivery in enumerate(batch):
        if now >= delivery.expires_at:
            # The bot was down past the point where this message helps: drop, don't spam.
            log.info("dropped late %s %s for %s", delivery.kind, delivery.ref, delivery.user_id)
            await repo.finish_delivery(delivery.id, "dropped")
            continue
        reply = await _compose(app, delivery, event)
        if reply is None:
            await repo.finish_delivery(delivery.id, "dropped")
            continue
        try:
            await app.bot.send_message(
                chat_id=delivery.user_id,
                text=reply.text,
                parse_mode=ParseMode.HTML,
                reply_markup=reply.markup,
            )
        except Forbidden:
            log.info("user %s blocked the bot: marked inactive", delivery.user_id)
            await repo.mark_inactive(delivery.user_id)
            await repo.finish_delivery(delivery.id, "dropped")
            continue
        except BadRequest as exc:
            log.warning("delivery %s rejected by Telegram: %s", delivery.id, exc)
            await repo.finish_delivery(delivery.id, "dropped")
            continue
        except (RetryAfter, NetworkError) as exc:
            # Transient: put it back and stop this tick; the next one retries.
            log.warning("delivery %s postponed: %s", delivery.id, exc)
            for rest in batch[index:]:
                await repo.release_delivery(rest.id)
            break
        await repo.finish_delivery(delivery.id, "sent")
        sent += 1
    # Questions to the panitia left waiting are deliveries too (bot/relay.py).
    await relay.raise_stale(app)
    return sent


async def _compose(
    app: BotApplication, delivery: Delivery, event: Event
) -> render_delegate.Reply | None:
    """The message for a delivery, in the delegate's language now; None if moot."""
    services = app.bot_data.services
    repo = services.repo
    assert repo is not None
    t = services.i18n.get(delivery.language)
    if delivery.kind == "reminder":
        session = event.session(delivery.ref)
        rsvp = await repo.get_rsvp(delivery.user_id, delivery.ref)
        if session is None or rsvp is None or rsvp.status != "going":
            return None  # cancelled meanwhile: never remind after a cancellation
        return render_delegate.reminder(event, session, t, services.clock.now())
    if delivery.kind in ("tour_eve", "tour_gather"):
        session = event.session(delivery.ref)
        rsvp = await repo.get_rsvp(delivery.user_id, delivery.ref)
        if session is None or event.tour is None or rsvp is None or rsvp.status != "going":
            return None
        bus = event.tour.bus(await repo.bus_of(delivery.user_id) or "")
        now = services.clock.now()
        if delivery.kind == "tour_eve":
            return render_tour.evening_before(event, event.tour, session, bus, t)
        checked_in = await repo.checked_in(delivery.user_id)
        return render_tour.gather_soon(event, event.tour, session, bus, t, now, checked_in)
    if delivery.kind == "bus_msg":
        tour = event.tour
        bus = tour.bus(str(delivery.data.get("bus"))) if tour else None
        place = event.venue(tour.meeting_venue_id if tour else "")
        if delivery.data.get("kind") == "back" and tour is not None:
            place = event.venue(tour.return_venue_id)
        if bus is None or delivery.data.get("kind") not in ("wait", "5", "go", "back"):
            return None
        text = render_tour.bus_message(str(delivery.data["kind"]), bus,
                                       place.name if place else "", t)
        return render_delegate.Reply(text)
    if delivery.kind == "brief":
        day = datetime.fromisoformat(delivery.ref).date()
        rsvps = await repo.user_rsvps(delivery.user_id)
        mine = [s for r in rsvps if r.status == "going" and (s := event.session(r.session_id))]
        mine = [s for s in mine if s.start.date() == day]
        plenary = [s for s in event.sessions_on(day) if s.kind in MAIN_KINDS]
        return render_delegate.morning_brief(event, day, mine, plenary, t)
    if delivery.kind == "seat":
        session = event.session(delivery.ref.split("@")[0])
        return render_delegate.seat_notice(event, session, t) if session else None
    if delivery.kind == "change":
        session_id = delivery.ref.split("@")[0]
        session = event.session(session_id)
        data = delivery.data
        old_start = parse_iso(data["old_start"]) if data.get("old_start") else None
        old_venue = event.venue(data.get("old_venue") or "")
        if data.get("what") == "cancelled" or session is None:
            title = data.get("title_en") if t.lang == "en" else data.get("title")
            return render_delegate.cancelled_notice(str(title or session_id), old_start, t)
        return render_delegate.change_notice(event, session, old_start, old_venue, t)
    if delivery.kind == feedback.KIND:  # i15: after-session feedback (bot/features/feedback.py)
        session = await feedback.still_wanted(repo, event, delivery.user_id, delivery.ref,
                                              services.clock.now())
        return render_feedback.ask(session, t) if session else None
    if delivery.kind == evaluation.KIND:  # i15: the event evaluation (bot/features/evaluation.py)
        step = await evaluation.still_wanted(repo, event, delivery.user_id, services.clock.now())
        return render_evaluation.step_reply(step, t) if step else None
    log.warning("unknown delivery kind %r", delivery.kind)
    return None


async def tick_job(context: BotContext) -> None:
    """The repeating JobQueue job."""
    await tick(context.app)


async def on_startup(app: BotApplication, tick_interval: float | None) -> None:
    """Recover from a stop or crash, reconcile with the current data, start ticking."""
    services = app.bot_data.services
    repo = services.repo
    assert repo is not None
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
