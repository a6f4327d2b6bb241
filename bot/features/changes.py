"""Programme changes by the panitia: /muatulang (reload the data file) and /ubah (move a
session or change its venue, written back into the data file).

This is the one place that swaps the running programme (`services.event`); the delivery
machinery then tells the delegates whose sessions moved and moves their reminders.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.changes import (
    Change,
    Refusal,
    RewriteError,
    affects_delegates,
    clashes,
    diff_events,
    refusal,
    rewrite_session,
)
from bot.features import Deliveries
from bot.filewatch import file_digest, load_as_running
from bot.loader import EventDataError, Problem
from bot.model import Event, Session

if TYPE_CHECKING:
    from bot.context import Services

log = logging.getLogger(__name__)


async def affected(services: Services, before: Event, after: Event) -> int:
    """Delegates with an RSVP to a session that moved, changed venue or was cancelled."""
    touched = {c.session_id for c in diff_events(before, after) if affects_delegates(c)}
    if not touched:
        return 0
    return len(await services.repo.audience_sessions(sorted(touched)))


@dataclass(frozen=True, slots=True)
class Proposal:
    """A change shown before it is applied: what differs and whom it reaches."""

    before: Event
    after: Event
    changes: list[Change]
    affected: int
    #: A one-session edit: the session as moved, the loader's rule it would break (it is
    #: then not offered), and the sessions in the same place it would newly overlap.
    moved: Session | None = None
    refused: Refusal | None = None
    clashes: tuple[Session, ...] = ()


async def _proposal(services: Services, after: Event) -> Proposal:
    before = services.event
    return Proposal(before, after, diff_events(before, after),
                    await affected(services, before, after))


async def _apply(services: Services, deliveries: Deliveries, new: Event, by: int, action: str,
                 details: dict[str, Any]) -> int:
    """Swap in the new programme; the scheduler tells the affected delegates and moves their
    reminders. Returns how many notices were planned."""
    old = services.event
    changes = diff_events(old, new)
    services.event = new
    # The file as applied: the watcher (bot/filewatch.py) need not tell anyone about it.
    services.event_digest = file_digest(services.settings.event_file)
    notices = await deliveries.apply_event_change(old, new)
    await services.repo.audit(by, action, {
        **details, "changes": [f"{c.kind}:{c.session_id}" for c in changes],
        "notices": notices})
    return notices


# -- /muatulang ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReloadPreview:
    """The data file as it would be loaded, or why it cannot be."""

    proposal: Proposal | None = None
    digest: str = ""  # of the file previewed: applying checks it has not changed since
    problems: tuple[Problem, ...] = ()
    error: str | None = None  # the file cannot be read


async def preview_reload(services: Services) -> ReloadPreview:
    path = services.settings.event_file
    try:
        new = load_as_running(path, services.event)
        digest = file_digest(path) or ""
    except EventDataError as exc:
        return ReloadPreview(problems=tuple(exc.problems))
    except OSError as exc:
        return ReloadPreview(error=str(exc))
    return ReloadPreview(await _proposal(services, new), digest)


class Reload(StrEnum):
    APPLIED = "applied"
    INVALID = "invalid"  # the file changed since and no longer loads
    CHANGED = "changed"  # the file changed since the preview


@dataclass(frozen=True, slots=True)
class Applied:
    """What applying a reload or an edit came to; `notices` planned for delegates."""

    outcome: Reload | Edit
    notices: int = 0
    error: str = ""  # why the data file could not be written


async def apply_reload(services: Services, deliveries: Deliveries, by: int,
                       previewed_digest: str) -> Applied:
    """Apply the file previewed, if it has not changed since."""
    path = services.settings.event_file
    try:
        new = load_as_running(path, services.event)
        digest = file_digest(path) or ""
    except (EventDataError, OSError):
        return Applied(Reload.INVALID)
    if digest != previewed_digest:
        return Applied(Reload.CHANGED)
    notices = await _apply(services, deliveries, new, by, "reload", {"digest": digest})
    return Applied(Reload.APPLIED, notices)


# -- /ubah ---------------------------------------------------------------------------------
def changed_event(
    event: Event, session_id: str, start: datetime | None, venue: str | None
) -> tuple[Event, dict[str, Any]] | None:
    """The event with one session moved (same duration) or relocated, and the values to
    write back; None if that is not a valid change."""
    session = event.session(session_id)
    if session is None:
        return None
    values: dict[str, Any] = {}
    new = session
    if start is not None:
        delta = start - session.start
        try:
            new = replace(session, start=start, end=session.end + delta,
                          gather=session.gather + delta if session.gather else None)
        except OverflowError:  # moved to the end of year 9999: not a change anyone means
            return None
        values = {"start": new.start, "end": new.end}
        if new.gather is not None:
            values["gather"] = new.gather
    if venue is not None:
        if event.venue(venue) is None:
            return None
        new = replace(new, venue_id=venue)
        values["venue"] = venue
    sessions = tuple(sorted((new if s.id == session_id else s for s in event.sessions),
                            key=lambda s: s.start))
    return replace(event, sessions=sessions, _by_id={}), values


async def preview_change(services: Services, session_id: str, start: datetime | None = None,
                         venue: str | None = None) -> Proposal | None:
    """What moving (or relocating) one session would change; None if it cannot be made."""
    result = changed_event(services.event, session_id, start, venue)
    if result is None:
        return None
    after = result[0]
    proposal = await _proposal(services, after)
    moved = after.session(session_id)
    if moved is None:
        return None
    # Checked here, so the organizer is told in their language before "Terapkan" instead of
    # by the loader's English after it.
    return replace(proposal, moved=moved, refused=refusal(services.event, moved),
                   clashes=tuple(clashes(services.event, moved)))


class Edit(StrEnum):
    APPLIED = "applied"
    FILE_DIFFERS = "file_differs"  # the file has unreviewed edits (or is broken)
    INVALID = "invalid"  # no such session or venue (any more)
    NOT_WRITTEN = "not_written"


def _write(path: Path, text: str, running: Event, session_id: str, expected: Event) -> Event:
    """Write `text` as the data file, atomically, if it loads and holds the change."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    temporary.write_text(text, encoding="utf-8")
    try:
        new = load_as_running(temporary, running)
        session, wanted = new.session(session_id), expected.session(session_id)
        if session is None or wanted is None or (
                session.start, session.end, session.venue_id) != (
                wanted.start, wanted.end, wanted.venue_id):
            raise RewriteError("the rewritten file does not hold the change")
        os.replace(temporary, path)  # atomic: the file is either old or new, never half
        return new
    finally:
        temporary.unlink(missing_ok=True)


async def apply_change(services: Services, deliveries: Deliveries, by: int, session_id: str,
                       start: datetime | None = None, venue: str | None = None) -> Applied:
    """Write the change into the data file (validated), then apply it like a reload."""
    path = services.settings.event_file
    running = services.event
    try:
        on_disk: Event | None = load_as_running(path, running)
    except EventDataError:
        on_disk = None
    if on_disk is None or diff_events(running, on_disk):
        # Writing now would also publish the file's unreviewed edits (or a broken file).
        return Applied(Edit.FILE_DIFFERS)
    result = changed_event(on_disk, session_id, start, venue)
    if result is None:
        return Applied(Edit.INVALID)
    after, values = result
    # The file keeps the real dates: a rehearsal's edit is written back unshifted.
    written: dict[str, Any] = {
        k: v - running.shift if isinstance(v, datetime) else v for k, v in values.items()
    }
    try:
        text = rewrite_session(path.read_text(encoding="utf-8"), session_id, **written)
        new = _write(path, text, running, session_id, after)
    except (RewriteError, EventDataError, OSError) as exc:
        log.warning("change of %s not written: %s", session_id, exc)
        return Applied(Edit.NOT_WRITTEN, error=str(exc))
    notices = await _apply(services, deliveries, new, by, "change", {
        "session": session_id, **{k: str(v) for k, v in values.items()}})
    return Applied(Edit.APPLIED, notices)
