"""What changed in the programme between two versions of the event data (pure).

Used to show an organizer the effect of `/muatulang` or `/ubah` before it is applied. The
notifications themselves are derived by `bot.scheduler.apply_event_change` from what each
delegate was last told, so this module only describes; it never decides who is notified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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


def affects_delegates(change: Change) -> bool:
    """Whether delegates with an RSVP are told about it (a retitle alone is not news)."""
    return change.kind in (ChangeKind.MOVED, ChangeKind.CANCELLED, ChangeKind.VENUE)



__all__ = ["Change", "ChangeKind", "RewriteError", "affects_delegates", "diff_events",
           "rewrite_session"]
