"""Indonesia's three time zones, for a delegate whose phone shows another one.

WIB, WITA and WIT are fixed offsets (no daylight saving), so an event time converts to the
zone a question names without a time zone database; a question naming no zone, or naming
the event's own, converts nothing.
"""

from __future__ import annotations

from datetime import timedelta, timezone

from bot import textnorm

#: The zones by the name delegates use, with their offsets from UTC.
INDONESIAN_ZONES: dict[str, timezone] = {
    "wib": timezone(timedelta(hours=7)),
    "wita": timezone(timedelta(hours=8)),
    "wit": timezone(timedelta(hours=9)),
}


def asked_zone(question: str, own: str) -> str | None:
    """The one Indonesian zone the question names when it is not the event's own zone
    (`own`, e.g. "WITA"): "keynote jam berapa WIB?" → "wib". Two zones named ("WIB atau
    WITA?") ask which zone the programme uses, not for a conversion."""
    named = {w for w in textnorm.simple_tokens(question) if w in INDONESIAN_ZONES}
    if len(named) != 1:
        return None
    zone = next(iter(named))
    return None if zone == own.lower() else zone
