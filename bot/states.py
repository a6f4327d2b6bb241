"""Names for the states the bot stores as text: an RSVP's status, an announcement's audience.

StrEnums, so a value read from SQLite compares equal to its member and the stored text stays
what it always was (storage keeps plain columns; these give the rest of the code one spelling).
"""

from __future__ import annotations

from enum import StrEnum


class RsvpStatus(StrEnum):
    GOING = "going"  # holds a seat (or the session has no limit)
    WAITING = "waiting"  # on the waiting list of a full session


class Audience(StrEnum):
    """Who an announcement goes to, as stored on the announcement.

    Besides these fixed audiences, `session:<id>` and `region:<name>` name the delegates of
    one session or one region (see `session_audience`, `region_audience`).
    """

    ALL = "all"  # every registered delegate (the stored value predates EVERYONE)
    EVERYONE = "everyone"  # whoever started the bot and has not blocked it
    TOUR = "tour"  # the city tour's participants
    ORGANIZERS = "organizers"
    LINKED = "linked"  # the groups linked with /hubungkan


SESSION_PREFIX = "session:"
REGION_PREFIX = "region:"


def session_audience(session_id: str) -> str:
    return SESSION_PREFIX + session_id


def region_audience(region: str) -> str:
    return REGION_PREFIX + region


class AnnouncementStatus(StrEnum):
    DRAFT = "draft"  # being composed; the audience may still change
    CANCELLED = "cancelled"
    SENDING = "sending"  # queued in the outbox
    DONE = "done"
