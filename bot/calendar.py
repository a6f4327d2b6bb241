"""iCalendar (.ics) files for one session or a delegate's whole agenda."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar
from icalendar import Event as IcsEvent

from bot.model import Event, Session


def fingerprint(session: Session) -> str:
    """What a calendar entry shows of a session's place in time and space: when it changes,
    the entry's SEQUENCE must rise (see `bot.storage.calendar`)."""
    return "|".join((session.arrive_by.astimezone(UTC).isoformat(),
                     session.end.astimezone(UTC).isoformat(), session.venue_id))


def agenda_ics(
    event: Event,
    sessions: Sequence[Session],
    lang: str,
    alarm_minutes: int,
    *,
    now: datetime,
    sequences: Mapping[str, int],
) -> bytes:
    """A calendar with one VEVENT per session, in the event's time zone, with an alarm
    `alarm_minutes` before each (none when 0). `now` (the bot's clock) is the DTSTAMP: when
    this file was made; `sequences` are each session's version (missing: 0)."""
    cal = Calendar()
    cal.add("prodid", "-//citynet-bot//Event assistant//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", event.name.get(lang))
    cal.add("x-wr-timezone", str(event.timezone))
    for session in sessions:
        item = IcsEvent()
        # Stable UIDs: re-importing the file updates the entries instead of doubling them.
        item.add("uid", f"{session.id}@{event.id}.citynet-bot")
        item.add("summary", session.title.get(lang))
        item.add("dtstart", session.arrive_by)
        item.add("dtend", session.end)
        # RFC 5545: DTSTAMP is when this object was created, in UTC; SEQUENCE is what apps
        # compare to accept an update of an entry they already have.
        item.add("dtstamp", now.astimezone(UTC))
        item.add("sequence", sequences.get(session.id, 0))
        venue = event.venue(session.venue_id)
        if venue is not None:
            item.add("location", f"{venue.name}, {venue.address}")
            item.add("geo", (venue.latitude, venue.longitude))
        if session.description:
            item.add("description", session.description.get(lang))
        if alarm_minutes > 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", session.title.get(lang))
            alarm.add("trigger", -timedelta(minutes=alarm_minutes))
            item.add_component(alarm)
        cal.add_component(item)
    # Calendar apps need the VTIMEZONE for TZID=Asia/Makassar to place times correctly.
    cal.add_missing_timezones()
    return cal.to_ical()
