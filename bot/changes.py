"""What changed in the programme between two versions of the event data (pure).

Used to show an organizer the effect of `/muatulang` or `/ubah` before it is applied. The
notifications themselves are derived by `bot.scheduler.apply_event_change` from what each
delegate was last told, so this module only describes; it never decides who is notified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# Writing a change back to the data file lives in bot/datafile.py (tomlkit keeps comments);
# re-exported here for the callers that move sessions.
from bot.datafile import RewriteError, rewrite_session
from bot.model import Event, Session


class ChangeKind(StrEnum):
    MOVED = "moved"
    CANCELLED = "cancelled"
    NEW = "new"
    VENUE = "venue"
    TITLE = "title"


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    session_id: str
    old: Session | None
    new: Session | None


def diff_events(old: Event, new: Event) -> list[Change]:
    """Session changes from `old` to `new`, in programme order (new sessions where they fall,
    cancelled ones where they were). A session moved *and* relocated yields two changes."""
    changes: list[Change] = []
    for before in old.sessions:
        after = new.session(before.id)
        if after is None:
            changes.append(Change(ChangeKind.CANCELLED, before.id, before, None))
            continue
        if (after.start, after.end) != (before.start, before.end):
            changes.append(Change(ChangeKind.MOVED, before.id, before, after))
        if after.venue_id != before.venue_id:
            changes.append(Change(ChangeKind.VENUE, before.id, before, after))
        if after.title != before.title:
            changes.append(Change(ChangeKind.TITLE, before.id, before, after))
    for after in new.sessions:
        if old.session(after.id) is None:
            changes.append(Change(ChangeKind.NEW, after.id, None, after))

    def when(change: Change) -> datetime:
        session = change.new or change.old
        assert session is not None
        return session.start

    return sorted(changes, key=when)


class Refusal(StrEnum):
    """Why a one-session change cannot be written (said before it is offered, not after)."""

    OUTSIDE_DAYS = "outside_days"  # the loader refuses sessions outside the event's days
    TOUR_STOPS = "tour_stops"  # the tour's stops keep their own times in the file


def refusal(event: Event, new: Session) -> Refusal | None:
    """The loader's rules a moved session can break, checked on the running event so the
    organizer is told in their language instead of by the loader after "Terapkan"."""
    first, last = event.start_date, event.end_date
    start_day = event.local(new.start).date()
    end_day = event.local(new.end - timedelta(microseconds=1)).date()
    if not (first <= start_day <= last and first <= end_day <= last):
        return Refusal.OUTSIDE_DAYS
    tour = event.tour
    if tour is not None and tour.session_id == new.id and any(
            not new.start <= stop.time <= new.end for stop in tour.stops):
        return Refusal.TOUR_STOPS
    return None


def clashes(event: Event, new: Session) -> list[Session]:
    """Sessions in the same place that `new` would overlap and did not overlap before."""
    old = event.session(new.id)
    return [s for s in event.sessions
            if s.id != new.id and s.venue_id == new.venue_id and s.overlaps(new)
            and not (old is not None and old.venue_id == s.venue_id and old.overlaps(s))]


def affects_delegates(change: Change) -> bool:
    """Whether delegates with an RSVP are told about it (a retitle alone is not news)."""
    return change.kind in (ChangeKind.MOVED, ChangeKind.CANCELLED, ChangeKind.VENUE)



__all__ = ["Change", "ChangeKind", "RewriteError", "affects_delegates", "diff_events",
           "rewrite_session"]
