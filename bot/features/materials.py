"""Session materials: links or files from the data file, released at a session's start or end.

Materials marked `terbatas` go only to registered delegates; anyone else sees that they exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.model import Event, Material, Release, Session
from bot.storage import Repo


def release_time(session: Session, material: Material) -> datetime:
    return session.start if material.release is Release.START else session.end


@dataclass(frozen=True, slots=True)
class Item:
    material: Material
    released: bool
    allowed: bool  # False: `terbatas` and the user is not registered
    release_at: datetime

    @property
    def available(self) -> bool:
        return self.released and self.allowed


class Status(StrEnum):
    UNKNOWN = "unknown"
    NONE = "none"  # the session has no materials
    OK = "ok"


@dataclass(frozen=True, slots=True)
class SessionMaterials:
    status: Status
    session: Session | None = None
    items: tuple[Item, ...] = ()


async def of_session(
    repo: Repo, event: Event, user_id: int, session_id: str, now: datetime
) -> SessionMaterials:
    """One session's materials, each saying whether this user may have it now."""
    session = event.session(session_id)
    if session is None:
        return SessionMaterials(Status.UNKNOWN)
    if not session.materials:
        return SessionMaterials(Status.NONE, session)
    registered = await repo.attendee(user_id) is not None
    items = tuple(
        Item(m, now >= release_time(session, m), registered or not m.restricted,
             event.local(release_time(session, m)))
        for m in session.materials
    )
    return SessionMaterials(Status.OK, session, items)


def released_sessions(event: Event, now: datetime) -> tuple[Session, ...]:
    """`/materi`: sessions with at least one material released by now."""
    return tuple(s for s in event.sessions
                 if any(now >= release_time(s, m) for m in s.materials))


def upcoming_count(event: Event, now: datetime) -> int:
    """Materials not released yet (so an empty /materi can say more will come)."""
    return sum(1 for s in event.sessions for m in s.materials if now < release_time(s, m))
