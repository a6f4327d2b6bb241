"""RSVPs: attending the event and its sessions, waiting lists, overlaps, cancelling.

A session with a capacity (the city tour's buses) has a waiting list: cancelling a seat
gives it to the first in line, who is told. A tour seat also means a bus seat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.calendar import fingerprint
from bot.features import Deliveries, now
from bot.features import tour as tours
from bot.features.delegates import is_registered
from bot.model import Event, Session, SessionKind
from bot.states import RsvpStatus
from bot.storage.delegates import EVENT_RSVP, DeliveryKind, Rsvp, iso

if TYPE_CHECKING:
    from bot.context import Services


def overlapping(event: Event, session: Session, rsvps: Iterable[Rsvp]) -> list[Session]:
    """Sessions the delegate already attends that overlap `session`."""
    out = []
    for rsvp in rsvps:
        other = event.session(rsvp.session_id)
        if (
            other is not None
            and other.id != session.id
            and rsvp.status == RsvpStatus.GOING
            and other.overlaps(session)
        ):
            out.append(other)
    return out


def going_sessions(event: Event, rsvps: Iterable[Rsvp]) -> list[Session]:
    """The sessions held (not waited for), in programme order."""
    held = {r.session_id for r in rsvps if r.status == RsvpStatus.GOING}
    return [s for s in event.sessions if s.id in held]


@dataclass(frozen=True, slots=True)
class SessionStatus:
    """A delegate's RSVP to one session and their place on its waiting list (0: none)."""

    rsvp: Rsvp | None
    position: int = 0


async def status(services: Services, user_id: int, session_id: str) -> SessionStatus:
    repo = services.repo
    rsvp = await repo.get_rsvp(user_id, session_id)
    if rsvp is None or rsvp.status != RsvpStatus.WAITING:
        return SessionStatus(rsvp)
    return SessionStatus(rsvp, await repo.waiting_position(user_id, session_id))


@dataclass(frozen=True, slots=True)
class Overview:
    rsvps: tuple[Rsvp, ...]
    #: Place on the waiting list, by session id (only sessions waited for).
    positions: dict[str, int]


async def overview(services: Services, user_id: int) -> Overview:
    repo = services.repo
    rsvps = await repo.user_rsvps(user_id)
    positions = {r.session_id: await repo.waiting_position(user_id, r.session_id)
                 for r in rsvps if r.status == RsvpStatus.WAITING}
    return Overview(tuple(rsvps), positions)


@dataclass(frozen=True, slots=True)
class CalendarFile:
    """An .ics to download: sessions, its file name, and the delegate's reminder lead."""

    sessions: list[Session]
    filename: str
    reminder_lead: int
    #: SEQUENCE per session: it rises when a session moved since the last file, so calendar
    #: apps update the entry instead of adding a second one.
    sequences: dict[str, int]


async def calendar_file(services: Services, user_id: int, session_id: str | None
                        ) -> CalendarFile | None:
    """One session (None if unknown), or with `session_id=None` the whole personal agenda
    (the sessions held; possibly none)."""
    event, repo = services.event, services.repo
    if session_id is None:
        sessions = going_sessions(event, await repo.user_rsvps(user_id))
        filename = f"agenda-{event.id}.ics"
    elif (session := event.session(session_id)) is not None:
        sessions, filename = [session], f"{session.id}.ics"
    else:
        return None
    prefs = await repo.get_preferences(user_id)
    sequences = await repo.session_sequences({s.id: fingerprint(s) for s in sessions})
    return CalendarFile(sessions, filename, prefs.reminder_lead, sequences)


class Attend(StrEnum):
    UNKNOWN = "unknown"  # no such session (a stale or forged button)
    NOT_REGISTERED = "not_registered"
    OVERLAP = "overlap"  # asked first: it overlaps a session already chosen
    EVENT = "event"  # attending the event as a whole
    GOING = "going"
    WAITING = "waiting"


@dataclass(frozen=True, slots=True)
class Attendance:
    outcome: Attend
    session: Session | None = None
    clashes: tuple[Session, ...] = ()
    position: int = 0  # on the waiting list
    bus: str | None = None  # the tour bus now held
    #: The session's reminder was already due: it is folded into the confirmation (which
    #: then says when the session starts) instead of arriving right after it.
    reminder_folded: bool = False


async def attend(services: Services, deliveries: Deliveries, user_id: int, session_id: str,
                 *, force: bool = False) -> Attendance:
    """RSVP to a session (or `EVENT_RSVP`); unless `force`, ask first about an overlap."""
    event, repo = services.event, services.repo
    session = event.session(session_id)
    if session is None and session_id != EVENT_RSVP:
        return Attendance(Attend.UNKNOWN)
    if not await is_registered(services, user_id):
        return Attendance(Attend.NOT_REGISTERED, session)
    if session is None:
        await repo.rsvp(user_id, EVENT_RSVP, None)
        return Attendance(Attend.EVENT)
    if not force:
        clashes = overlapping(event, session, await repo.user_rsvps(user_id))
        if clashes and await repo.get_rsvp(user_id, session.id) is None:
            return Attendance(Attend.OVERLAP, session, tuple(clashes))
    result = await repo.rsvp(
        user_id, session.id, session.capacity, iso(session.arrive_by), session.venue_id
    )
    going = result.status == RsvpStatus.GOING
    bus = None
    if session.kind is SessionKind.TOUR and going:
        await tours.seat_everyone(services)
        seat = await tours.bus_of(services, user_id)
        bus = seat.name if seat is not None else None
    await deliveries.replan_user(user_id)  # after seating: reminders name the bus
    folded = going and await _fold_due_reminder(services, user_id, session)
    return Attendance(Attend.GOING if going else Attend.WAITING, session,
                      position=result.position, bus=bus, reminder_folded=folded)


async def _fold_due_reminder(services: Services, user_id: int, session: Session) -> bool:
    """An RSVP made inside the reminder's lead time: the reminder is already due and would
    arrive right after the confirmation. It is recorded as delivered with the confirmation
    instead. True if one was folded."""
    at = now(services)
    for delivery in await services.repo.pending_deliveries(user_id):
        if (delivery.kind, delivery.ref) == (DeliveryKind.REMINDER, session.id) and (
                delivery.due_at <= at < delivery.expires_at):
            await services.repo.finish_delivery(delivery.id, "sent")
            return True
    return False


async def seats_taken(services: Services, session: Session) -> tuple[int, int] | None:
    """(seats held, waiting list) of a session with a capacity, None without one: the
    session card shows the seats left before "Hadir" is tapped."""
    if not session.capacity:
        return None
    return (await services.repo.rsvp_counts()).get(session.id, (0, 0))


async def cancel_attendance(
    services: Services, deliveries: Deliveries, user_id: int, session_id: str
) -> bool:
    """Cancel one RSVP (True if there was one): the first on the waiting list gets the seat
    and a message, a tour seat goes back to the buses, the reminders follow."""
    session = services.event.session(session_id)
    existed, promoted = await services.repo.cancel_rsvp(
        user_id, session_id, session.capacity if session else None
    )
    if session is not None and session.kind is SessionKind.TOUR:
        await tours.release_seat(services, user_id)
        if promoted is not None:
            await tours.seat_everyone(services)
    await deliveries.replan_user(user_id)
    if promoted is not None and session is not None:
        await deliveries.notify_seat(promoted, session)
    return existed


class Withdraw(StrEnum):
    UNKNOWN = "unknown"
    ASK = "ask"  # a held seat in a session with limited places: confirm first
    CANCELLED = "cancelled"
    NOTHING = "nothing"  # there was no RSVP to cancel


@dataclass(frozen=True, slots=True)
class Withdrawal:
    outcome: Withdraw
    session: Session | None = None
    waiting: int = 0  # how many wait for a seat (shown when asking)


async def withdraw(services: Services, deliveries: Deliveries, user_id: int, session_id: str,
                   *, sure: bool = False) -> Withdrawal:
    """Cancel an RSVP; the first on the waiting list gets the seat.

    A held seat in a session with limited places (the tour's buses) is asked about first:
    cancelling gives it away at once and tapping "Hadir" again may only reach the end of
    the waiting list. Unlimited sessions and waiting-list places are cancelled directly.
    """
    repo = services.repo
    session = services.event.session(session_id)
    if session is None and session_id != EVENT_RSVP:
        return Withdrawal(Withdraw.UNKNOWN)
    if not sure and session is not None and session.capacity is not None:
        current = await repo.get_rsvp(user_id, session.id)
        if current is not None and current.status == RsvpStatus.GOING:
            waiting = sum(1 for r in await repo.session_rsvps(session.id)
                          if r.status == RsvpStatus.WAITING)
            return Withdrawal(Withdraw.ASK, session, waiting)
    existed = await cancel_attendance(services, deliveries, user_id, session_id)
    return Withdrawal(Withdraw.CANCELLED if existed else Withdraw.NOTHING, session)


async def cancel_all(services: Services, deliveries: Deliveries, user_id: int) -> None:
    """Every RSVP of a delegate, cancelled one by one (their seats go to those waiting)."""
    for rsvp in await services.repo.user_rsvps(user_id):
        await cancel_attendance(services, deliveries, user_id, rsvp.session_id)
