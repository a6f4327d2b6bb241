"""Feedback after a session: 1-5 stars and an optional comment, once per session.

The question is a personal delivery (`DeliveryKind.FEEDBACK`, worded by `bot.compose`):
planned when a delegate checks in, due when the session ends, so a restart neither loses nor
repeats it.
It waits until the delegate is out of any other session they attend (checked in or RSVP'd),
and is not sent after they opted out or already rated the session. Ratings are stored without
being shown with names: organizers see averages and comments only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from statistics import fmean

from bot.features.roles import Staff, staff_role
from bot.model import Event, Session, SessionKind
from bot.storage import Repo
from bot.storage.delegates import DeliveryKind, PlannedDelivery

KIND = DeliveryKind.FEEDBACK
#: Programme items worth a rating (not breaks, registration, the press or the bus).
RATED_KINDS = (SessionKind.PLENARY, SessionKind.SESSION, SessionKind.CEREMONY)
#: A question not sent by then (bot down, a long day of sessions) is no longer worth asking.
STALE_AFTER = timedelta(hours=12)


def _busy_until(moment: datetime, busy: Iterable[Session], own: Session) -> datetime:
    """`moment`, pushed past every session of the delegate's that is running then."""
    changed = True
    while changed:
        changed = False
        for other in busy:
            if other.id != own.id and other.start <= moment < other.end:
                moment, changed = other.end, True
    return moment


async def _busy_sessions(repo: Repo, event: Event, user_id: int) -> list[Session]:
    ids = await repo.sessions_attended(user_id)
    ids |= {r.session_id for r in await repo.user_rsvps(user_id) if r.status == "going"}
    return [s for s in event.sessions if s.id in ids]


async def plan(repo: Repo, event: Event, user_id: int) -> int:
    """(Re)plan the feedback questions of one delegate: after every check-in of theirs, and
    after any RSVP change (`planning.replan_user`). Attendees are those checked in, or,
    when the event takes no session check-in, those with a seat."""
    if await repo.feedback_opted_out(user_id):
        return 0
    busy = await _busy_sessions(repo, event, user_id)
    attended = await repo.sessions_attended(user_id)
    if not event.attendance.session_checkin:
        attended |= {r.session_id for r in await repo.user_rsvps(user_id)
                     if r.status == "going"}
    planned = []
    for session in event.sessions:
        if session.id not in attended or session.kind not in RATED_KINDS:
            continue
        due = _busy_until(session.end, busy, session)
        planned.append(PlannedDelivery(user_id, KIND, session.id, due, due + STALE_AFTER))
    wanted = {p.ref for p in planned}
    for delivery in await repo.pending_deliveries(user_id):
        if delivery.kind == KIND and delivery.ref not in wanted:
            # An RSVP cancelled meanwhile.
            await repo.delete_pending_deliveries(user_id, KIND, delivery.ref)
    # Pending questions move; sent ones are never planned again (one row per session).
    return await repo.save_deliveries(planned, replace=True)


async def still_wanted(
    repo: Repo, event: Event, user_id: int, session_id: str, now: datetime
) -> Session | None:
    """The session to ask about now, or None: opted out, already rated, or busy elsewhere."""
    session = event.session(session_id)
    if session is None or await repo.feedback_opted_out(user_id):
        return None
    if await repo.has_rated(user_id, session_id):
        return None
    busy = await _busy_sessions(repo, event, user_id)
    if _busy_until(now, busy, session) != now:
        return None  # in another session now (joined after the question was planned)
    return session


class RateStatus(StrEnum):
    RECORDED = "recorded"
    ALREADY = "already"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Rated:
    status: RateStatus
    session: Session | None = None
    stars: int = 0


async def rate(
    repo: Repo, event: Event, user_id: int, arg: str, message_id: int | None
) -> Rated:
    """A star button: `arg` is '<session id>:<stars>'."""
    session_id, _, value = arg.rpartition(":")
    session = event.session(session_id)
    if session is None or value not in ("1", "2", "3", "4", "5"):
        return Rated(RateStatus.INVALID)
    if not await repo.rate_session(user_id, session.id, int(value), message_id):
        return Rated(RateStatus.ALREADY, session)
    return Rated(RateStatus.RECORDED, session, int(value))


async def comment(
    repo: Repo, event: Event, user_id: int, reply_to: int, text: str
) -> Session | None:
    """A reply to a rated question is its comment; None if it answers something else."""
    session_id = await repo.add_feedback_comment(user_id, reply_to, text.strip()[:1000])
    return event.session(session_id) if session_id else None


async def opt_out(repo: Repo, user_id: int) -> None:
    await repo.opt_out_of_feedback(user_id)
    await repo.delete_pending_deliveries(user_id, KIND)


@dataclass(frozen=True, slots=True)
class SessionFeedback:
    session: Session
    count: int
    average: float
    comments: tuple[str, ...]


async def summary(
    repo: Repo, event: Event, admins: Iterable[int], user_id: int
) -> tuple[SessionFeedback, ...] | None:
    """Averages and comments per session for organizers; None for anyone else."""
    if await staff_role(repo, admins, user_id) is not Staff.ORGANIZER:
        return None
    by_session: dict[str, list[tuple[int, str | None]]] = {}
    for session_id, stars, text in await repo.feedback_rows():
        by_session.setdefault(session_id, []).append((stars, text))
    out = []
    for session in event.sessions:
        rows = by_session.get(session.id)
        if rows:
            out.append(SessionFeedback(session, len(rows), fmean(s for s, _ in rows),
                                       tuple(c for _, c in rows if c)))
    return tuple(out)
