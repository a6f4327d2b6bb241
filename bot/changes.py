"""What changed in the programme between two versions of the event data (pure).

Used to show an organizer the effect of `/muatulang` or `/ubah` before it is applied. The
notifications themselves are derived by `bot.scheduler.apply_event_change` from what each
delegate was last told, so this module only describes; it never decides who is notified.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

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


# -- writing a change back to the data file ----------------------------------------------------
_TABLE = re.compile(r"^\s*\[")
_SESSIONS = re.compile(r"^\s*\[\[\s*sessions\s*\]\]")


class RewriteError(ValueError):
    """The session's table or one of its lines was not found in the data file."""


def rewrite_session(
    text: str,
    session_id: str,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    gather: datetime | None = None,
    venue: str | None = None,
) -> str:
    """The data file's text with one [[sessions]] table's `start`/`end`/`gather`/`venue`
    values replaced. Only those values change: comments, order and layout stay as the
    organizers wrote them (a TOML writer would drop every comment)."""
    lines = text.splitlines(keepends=True)
    begin = stop = None
    for i, line in enumerate(lines):
        if _SESSIONS.match(line):
            if begin is not None and stop is None:
                stop = i
            j = i + 1
            while j < len(lines) and not _TABLE.match(lines[j]):
                if re.match(r'^\s*id\s*=\s*"' + re.escape(session_id) + r'"\s*(#.*)?$',
                            lines[j]):
                    begin = i
                    break
                j += 1
        elif begin is not None and stop is None and _TABLE.match(line) and i > begin:
            stop = i
    if begin is None:
        raise RewriteError(f"no [[sessions]] table with id {session_id!r}")
    stop = stop or len(lines)
    wanted: dict[str, str] = {}
    for key, moment in (("start", start), ("end", end), ("gather", gather)):
        if moment is not None:
            wanted[key] = moment.isoformat(timespec="seconds")
    if venue is not None:
        wanted["venue"] = json.dumps(venue)
    done = set()
    for i in range(begin, stop):
        for key, value in wanted.items():
            match = re.match(
                r'^(\s*' + key + r'\s*=\s*)("[^"]*"|[^\s#]+)(.*)$', lines[i], re.DOTALL
            )
            if match:
                lines[i] = match.group(1) + value + match.group(3)
                done.add(key)
    missing = set(wanted) - done
    if missing:
        raise RewriteError(f"session {session_id!r}: no line for {', '.join(sorted(missing))}")
    return "".join(lines)
