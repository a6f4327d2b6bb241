"""The city tour: seats on the buses, check-in, who may see a roll call, one-tap messages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from bot import callbacks as cb
from bot.features import now
from bot.features.organizers import is_organizer
from bot.model import Bus, Session, Tour
from bot.states import RsvpStatus
from bot.storage.delegates import PlannedDelivery, Rsvp
from bot.storage.tour import TourMember
from bot.tour import auto_assign, checkin_open, distance_m

if TYPE_CHECKING:
    from bot.context import Services

#: One-tap messages to a bus: wait (to the missing), 5 minutes left (to the missing),
#: departing, going back.
SAY_KINDS = ("wait", "5", "go", "back")
#: In a "say" target: every bus.
ALL_BUSES = "*"


def tour_of(services: Services) -> tuple[Tour, Session] | None:
    """The event's tour and its session, if it has one."""
    event = services.event
    tour, session = event.tour, event.tour_session()
    return (tour, session) if tour is not None and session is not None else None


async def is_going(services: Services, user_id: int, session: Session) -> bool:
    rsvp = await services.repo.get_rsvp(user_id, session.id)
    return rsvp is not None and rsvp.status == RsvpStatus.GOING


# -- seats ---------------------------------------------------------------------------------
async def seat_everyone(services: Services) -> dict[int, str]:
    """Put every tour participant without a bus on one, regions kept together; returns the
    new seats. Runs on each tour RSVP (a delegate learns their bus at once) and from the
    organizers' "Bagi bus otomatis"; seats placed by hand are kept."""
    found = tour_of(services)
    if found is None:
        return {}
    tour, session = found
    repo = services.repo
    members = await repo.tour_members(session.id)
    going = {r.user_id for r in await repo.session_rsvps(session.id)
             if r.status == RsvpStatus.GOING}
    pool = [(m.user_id, m.region) for m in members if m.user_id in going]
    # Seats of those who cancelled are free again (their row may still be there).
    current = {m.user_id: m.bus_id for m in members if m.bus_id and m.user_id in going}
    new = auto_assign(pool, tour.buses, current)
    await repo.assign_buses(new.items())
    return new


async def release_seat(services: Services, user_id: int) -> None:
    """A delegate left the tour: their bus seat goes back to the pool."""
    if tour_of(services) is not None:
        await services.repo.unassign_bus(user_id)


async def bus_of(services: Services, user_id: int) -> Bus | None:
    tour = services.event.tour
    return tour.bus(await services.repo.bus_of(user_id) or "") if tour is not None else None


async def auto_assign_buses(services: Services, by: int) -> int:
    """The organizers' "Bagi bus otomatis": how many were seated."""
    new = await seat_everyone(services)
    await services.repo.audit(by, "tour.auto_assign", {"assigned": len(new)})
    return len(new)


# -- the delegate's view and check-in ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MyTour:
    """One delegate's tour: their RSVP, place on the waiting list, bus and check-in."""

    rsvp: Rsvp | None
    position: int
    bus: Bus | None
    checked_in: bool
    phone_shared: bool
    check_in_open: bool


async def my_tour(services: Services, user_id: int, tour: Tour, session: Session) -> MyTour:
    repo, at = services.repo, now(services)
    rsvp = await repo.get_rsvp(user_id, session.id)
    position = await repo.waiting_position(user_id, session.id) if (
        rsvp and rsvp.status == RsvpStatus.WAITING) else 0
    bus = tour.bus(await repo.bus_of(user_id) or "")
    members = await repo.tour_members(session.id) if rsvp else []
    me = next((m for m in members if m.user_id == user_id), None)
    return MyTour(rsvp, position, bus, checked_in=me is not None and me.checked_in_at is not None,
                  phone_shared=me is None or bool(me.phone),
                  check_in_open=checkin_open(session, at))


class CheckIn(StrEnum):
    NOT_GOING = "not_going"  # only registered tour participants check in
    NOT_OPEN = "not_open"  # more than two hours before gathering
    PRESENT = "present"
    ALREADY = "already"  # present before (a live location keeps updating)
    TOO_FAR = "too_far"


@dataclass(frozen=True, slots=True)
class CheckInResult:
    outcome: CheckIn
    distance: float = 0.0
    radius: int = 0


async def check_in_by_button(services: Services, user_id: int, session: Session) -> CheckIn:
    if not await is_going(services, user_id, session):
        return CheckIn.NOT_GOING
    if not checkin_open(session, now(services)):
        return CheckIn.NOT_OPEN
    await services.repo.check_in(user_id, "button", None)
    return CheckIn.PRESENT


async def check_in_by_location(
    services: Services, user_id: int, latitude: float, longitude: float
) -> CheckInResult | None:
    """Present if close enough to the meeting point. Only the distance is kept; None when
    the event has no tour (or no meeting point)."""
    found = tour_of(services)
    if found is None:
        return None
    tour, session = found
    meeting = services.event.venue(tour.meeting_venue_id)
    if meeting is None:
        return None
    if not await is_going(services, user_id, session):
        return CheckInResult(CheckIn.NOT_GOING)
    if not checkin_open(session, now(services)):
        return CheckInResult(CheckIn.NOT_OPEN)
    distance = distance_m(latitude, longitude, meeting.latitude, meeting.longitude)
    radius = tour.checkin_radius_m
    if distance > radius:
        return CheckInResult(CheckIn.TOO_FAR, distance, radius)
    newly = await services.repo.check_in(user_id, "location", round(distance))
    return CheckInResult(CheckIn.PRESENT if newly else CheckIn.ALREADY, distance, radius)


async def keep_phone(services: Services, user_id: int, card_user_id: int | None,
                     phone: str) -> bool:
    """Keep a tour participant's own number for the roll call (False: not kept).

    Only the sender's own card counts (Telegram sets its user_id): a card of someone else,
    forwarded or typed, is not stored."""
    found = tour_of(services)
    going = found is not None and await is_going(services, user_id, found[1])
    if card_user_id != user_id or not going:
        return False
    await services.repo.set_phone(user_id, phone[:32])
    return True


# -- organizers and bus leaders ------------------------------------------------------------
async def may_see_bus(services: Services, user_id: int, bus_id: str | None) -> bool:
    """Organizers see every bus; a bus leader only their own."""
    if await is_organizer(services, user_id):
        return True
    led = await services.repo.led_bus(user_id)
    return led is not None and bus_id is not None and led == bus_id


async def led_bus(services: Services, tour: Tour, user_id: int) -> Bus | None:
    return tour.bus(await services.repo.led_bus(user_id) or "")


async def members(services: Services, session: Session) -> list[TourMember]:
    return await services.repo.tour_members(session.id)


def marks_open(services: Services, session: Session) -> bool:
    """A bus leader marks people present (or undoes it) while check-in is open."""
    return checkin_open(session, now(services))


class Mark(StrEnum):
    MARKED = "marked"
    UNMARKED = "unmarked"
    UNKNOWN = "unknown"  # no such bus or member on it, or check-in closed: a stale button
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class MarkResult:
    outcome: Mark
    name: str = ""


async def mark(services: Services, by: int, bus_id: str, user_id: int,
               present: bool) -> MarkResult:
    """A bus leader (or an organizer) counts someone on their bus present, or undoes it: a
    delegate without a smartphone is checked in by the leader who sees them."""
    found = tour_of(services)
    if found is None or found[0].bus(bus_id) is None:
        return MarkResult(Mark.UNKNOWN)
    if not await may_see_bus(services, by, bus_id):
        return MarkResult(Mark.REFUSED)
    session = found[1]
    member = next((m for m in await services.repo.tour_members(session.id)
                   if m.user_id == user_id and m.bus_id == bus_id), None)
    if member is None or not marks_open(services, session):
        return MarkResult(Mark.UNKNOWN)
    if present:
        await services.repo.check_in(user_id, "button", None)
    else:
        await services.repo.uncheck(user_id)
    return MarkResult(Mark.MARKED if present else Mark.UNMARKED, member.name)


async def place(services: Services, tour: Tour, who: str, bus_id: str, by: int, *,
                leader: bool) -> bool:
    """`/bus pindah` (seat `who` on the bus) or `/bus pemimpin` (make `who` its leader).

    False for an unknown bus, or a user id the bot never saw (the bus tables refer to
    users: such an id is a typo)."""
    repo = services.repo
    user_id = cb.number(who)
    if user_id is None or await repo.get_user(user_id) is None or tour.bus(bus_id) is None:
        return False
    if leader:
        await repo.set_bus_leader(user_id, bus_id, by)
    else:
        await repo.assign_bus(user_id, bus_id, by)
    await repo.audit(by, "tour.leader" if leader else "tour.move",
                     {"user": user_id, "bus": bus_id})
    return True


class Say(StrEnum):
    SENT = "sent"
    UNKNOWN = "unknown"  # no tour, no such bus or message: a stale or forged button
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class SayResult:
    outcome: Say
    recipients: int = 0


async def say(services: Services, by: int, target: str, kind: str) -> SayResult:
    """A one-tap message to the missing of a bus, or to a whole bus (or every bus).

    Planned as deliveries due now; the caller sends them (`Deliveries.send_due`) once it
    has confirmed the tap, so the toast does not wait for the messages."""
    found = tour_of(services)
    if found is None or kind not in SAY_KINDS:
        return SayResult(Say.UNKNOWN)
    tour, session = found
    if target != ALL_BUSES and tour.bus(target) is None:
        return SayResult(Say.UNKNOWN)
    allowed = (await is_organizer(services, by) if target == ALL_BUSES
               else await may_see_bus(services, by, target))
    if not allowed:
        return SayResult(Say.REFUSED)
    repo = services.repo
    chosen = [m for m in await repo.tour_members(session.id)
              if m.bus_id and (target == ALL_BUSES or m.bus_id == target)]
    if kind in ("wait", "5"):
        chosen = [m for m in chosen if not m.checked_in_at]
    at = now(services)
    await repo.save_deliveries(
        [
            PlannedDelivery(m.user_id, "bus_msg", f"{m.bus_id}:{kind}@{at.isoformat()}", at,
                            session.end, {"bus": m.bus_id, "kind": kind})
            for m in chosen
        ],
        replace=False,
    )
    await repo.audit(by, "tour.say", {"bus": target, "kind": kind, "recipients": len(chosen)})
    return SayResult(Say.SENT, len(chosen))
