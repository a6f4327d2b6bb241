"""The text of each kind of personal delivery, composed at send time in the delegate's
language: one composer per `DeliveryKind`, looked up in `COMPOSERS`.

A composer returns None when the message has become moot (the delegate cancelled, the
session is gone): the scheduler then drops the row instead of sending it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot import render_delegate, render_evaluation, render_feedback, render_tour
from bot.features import evaluation, feedback
from bot.i18n import Translator
from bot.model import Event, SessionKind
from bot.states import RsvpStatus
from bot.storage import Repo
from bot.storage.delegates import Delivery, DeliveryKind, parse_iso

log = logging.getLogger(__name__)

#: What the morning brief lists for everyone: plenaries, ceremonies and the tour.
MAIN_KINDS = (SessionKind.PLENARY, SessionKind.CEREMONY, SessionKind.TOUR)


@dataclass(frozen=True, slots=True)
class Composing:
    """What every composer may need, for one delivery."""

    delivery: Delivery
    event: Event
    repo: Repo
    t: Translator
    now: datetime


Reply = render_delegate.Reply
Composer = Callable[[Composing], Awaitable[Reply | None]]


async def _going(c: Composing, session_id: str) -> bool:
    rsvp = await c.repo.get_rsvp(c.delivery.user_id, session_id)
    return rsvp is not None and rsvp.status == RsvpStatus.GOING


async def reminder(c: Composing) -> Reply | None:
    session = c.event.session(c.delivery.ref)
    if session is None or not await _going(c, session.id):
        return None  # cancelled meanwhile: never remind after a cancellation
    # The text says how long until the session starts, as of the moment it is sent.
    return render_delegate.reminder(c.event, session, c.t, c.now)


async def tour_message(c: Composing) -> Reply | None:
    event, tour = c.event, c.event.tour
    session = event.session(c.delivery.ref)
    if session is None or tour is None or not await _going(c, session.id):
        return None
    bus = tour.bus(await c.repo.bus_of(c.delivery.user_id) or "")
    if c.delivery.kind == DeliveryKind.TOUR_EVE:
        return render_tour.evening_before(event, tour, session, bus, c.t)
    checked_in = await c.repo.checked_in(c.delivery.user_id)  # no "check in" for the checked-in
    return render_tour.gather_soon(event, tour, session, bus, c.t, c.now, checked_in)


async def bus_message(c: Composing) -> Reply | None:
    data, tour = c.delivery.data, c.event.tour
    bus = tour.bus(str(data.get("bus"))) if tour else None
    place = c.event.venue(tour.meeting_venue_id if tour else "")
    if data.get("kind") == "back" and tour is not None:
        place = c.event.venue(tour.return_venue_id)
    if bus is None or data.get("kind") not in ("wait", "5", "go", "back"):
        return None
    text = render_tour.bus_message(str(data["kind"]), bus, place.name if place else "", c.t)
    return Reply(text)


async def brief(c: Composing) -> Reply | None:
    event = c.event
    day = datetime.fromisoformat(c.delivery.ref).date()
    rsvps = await c.repo.user_rsvps(c.delivery.user_id)
    mine = [s for r in rsvps if r.status == RsvpStatus.GOING and (s := event.session(r.session_id))]
    mine = [s for s in mine if s.start.date() == day]
    plenary = [s for s in event.sessions_on(day) if s.kind in MAIN_KINDS]
    return render_delegate.morning_brief(event, day, mine, plenary, c.t)


async def seat(c: Composing) -> Reply | None:
    session = c.event.session(c.delivery.ref.split("@")[0])
    return render_delegate.seat_notice(c.event, session, c.t) if session else None


async def change(c: Composing) -> Reply | None:
    session_id = c.delivery.ref.split("@")[0]
    session = c.event.session(session_id)
    data = c.delivery.data
    old_start = parse_iso(data["old_start"]) if data.get("old_start") else None
    old_venue = c.event.venue(data.get("old_venue") or "")
    if data.get("what") == "cancelled" or session is None:
        title = data.get("title_en") if c.t.lang == "en" else data.get("title")
        return render_delegate.cancelled_notice(str(title or session_id), old_start, c.t)
    return render_delegate.change_notice(c.event, session, old_start, old_venue, c.t)


async def feedback_question(c: Composing) -> Reply | None:
    """After a session: its stars, unless rated, opted out or busy elsewhere meanwhile."""
    session = await feedback.still_wanted(c.repo, c.event, c.delivery.user_id, c.delivery.ref,
                                          c.now)
    return render_feedback.ask(session, c.t) if session else None


async def evaluation_step(c: Composing) -> Reply | None:
    """The event's evaluation: its next question, unless answered meanwhile."""
    step = await evaluation.still_wanted(c.repo, c.event, c.delivery.user_id, c.now)
    return render_evaluation.step_reply(step, c.t) if step else None


#: Keyed by the kind's text (a `DeliveryKind` is one), so a row's kind looks itself up.
COMPOSERS: dict[str, Composer] = {
    DeliveryKind.REMINDER: reminder,
    DeliveryKind.TOUR_EVE: tour_message,
    DeliveryKind.TOUR_GATHER: tour_message,
    DeliveryKind.BUS_MSG: bus_message,
    DeliveryKind.BRIEF: brief,
    DeliveryKind.SEAT: seat,
    DeliveryKind.CHANGE: change,
    DeliveryKind.FEEDBACK: feedback_question,
    DeliveryKind.EVALUATION: evaluation_step,
}


async def compose(c: Composing) -> Reply | None:
    """The message for a delivery, in the delegate's language now; None if moot."""
    composer = COMPOSERS.get(c.delivery.kind)
    if composer is None:
        log.warning("unknown delivery kind %r", c.delivery.kind)
        return None
    return await composer(c)
