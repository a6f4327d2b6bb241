"""Example questions and answers taken from the event's own data, for the welcome and /bantuan.

Fixed examples ("di mana jumpa pers?") only work for the event they were written for; these
are built from the sessions, speakers and regions in the data file, so every example the bot
offers is one it can answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.model import Event, Session, SessionKind

#: Longer titles make clumsy example questions; a session's first tag is used instead.
MAX_LABEL = 28
REGION_KINDS = ("kabupaten ", "kota ", "provinsi ", "kab. ")


@dataclass(frozen=True, slots=True)
class Examples:
    """Words to put in example phrases; None when the event has nothing that fits."""

    speaker_of: str | None  # "keynote": siapa pembicara keynote?
    where: str | None  # "jumpa pers": di mana jumpa pers?
    tour: str | None  # "city tour": kapan city tour?
    region: str | None  # "sidoarjo": /kontak sidoarjo


def label(session: Session, lang: str) -> str | None:
    """How a delegate would name the session in a question, lowercase; None if too long."""
    title = session.title.get(lang)
    if len(title) <= MAX_LABEL:
        return title.lower()
    tags = [tag for tag in session.tags if len(tag) <= MAX_LABEL]
    return tags[0].lower() if tags else None


def short_region(region: str) -> str:
    """'Kabupaten Sidoarjo' -> 'sidoarjo', as delegates type it."""
    lowered = region.lower()
    for kind in REGION_KINDS:
        if lowered.startswith(kind):
            return lowered.removeprefix(kind)
    return lowered


def examples(event: Event, lang: str) -> Examples:
    talks = [s for s in event.sessions if s.speaker_ids]
    plenaries = [s for s in talks if s.kind is SessionKind.PLENARY] + talks
    speaker_of = next((x for s in plenaries if (x := label(s, lang))), None)
    # A place is most worth asking about when it is not the main venue.
    elsewhere = [s for s in event.sessions if s.venue_id != event.main_venue_id]
    ordinary = [s for s in event.sessions if s.kind is not SessionKind.BREAK]
    where = next((x for s in elsewhere + ordinary if (x := label(s, lang))), None)
    tour_session = event.tour_session()
    tour = label(tour_session, lang) if tour_session else None
    # A short name only one region has ("sidoarjo", not "kupang": Kota or Kabupaten?).
    shorts = [short_region(r) for r in event.regions]
    regional = [short_region(c.region) for c in event.contacts if c.region]
    unique = [r for r in regional if shorts.count(r) == 1]
    candidates = unique or regional
    region = candidates[0] if candidates else None
    return Examples(speaker_of, where, tour, region)
