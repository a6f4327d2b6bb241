"""What a message asks: the intent and slots `understand()` returns (pure values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum


class Intent(StrEnum):
    SCHEDULE = "schedule"  # programme of a day and/or a time
    NOW_NEXT = "now_next"  # what is on now / next
    SESSION = "session"  # a specific session (by topic, region or speaker)
    SPEAKER = "speaker"  # who speaks / speakers list
    VENUE = "venue"  # where, address, map
    CITY_TOUR = "city_tour"  # the city tour, its meeting point and time
    CONTACT = "contact"  # contacts of a region or the committee
    RSVP = "rsvp"  # registration / attending
    REMINDER = "reminder"  # reminders
    ANNOUNCEMENT = "announcement"  # announcements and programme changes
    ABOUT = "about"  # the event and Citynet
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    UNKNOWN = "unknown"


class Fact(StrEnum):
    """A fact about the event or its city tour that a question asks for, answered in one
    sentence generated from the event model (see bot/render_answers.py)."""

    DATES = "dates"  # when the event is
    LENGTH = "length"  # how many days
    PLACE = "place"  # in which city / where
    PARTICIPANTS = "participants"  # how many take part
    THEME = "theme"
    HOST = "host"
    TOUR_CAPACITY = "tour_capacity"
    TOUR_STOPS = "tour_stops"
    TOUR_TIMES = "tour_times"  # gathering, departure and end
    TOUR_BRING = "tour_bring"
    TOUR_BUSES = "tour_buses"
    TIMEZONE = "timezone"  # which time zone the programme's times are in
    VENUES = "venues"  # how many places the event uses
    NAME = "name"  # what the event is called


class Relation(StrEnum):
    """A question about the programme item after/before/during a named one."""

    AFTER = "after"
    BEFORE = "before"
    DURING = "during"
    BETWEEN = "between"  # between two named items: `anchor_id` and `until_id`


class Scope(StrEnum):
    """Which part of the programme a schedule question asks for, when it is not a whole day."""

    REST = "rest"  # what is still on today after now ("masih ada acara?", "anything left?")
    ALL = "all"  # every day's programme ("jadwal lengkap semua hari")
    DAY_START = "day_start"  # when a day begins ("besok mulai jam berapa?"): its first item
    #: The day's first session proper ("sesi pertama jam berapa?"): not the registration
    #: desk or a break before it (the answer names what comes before).
    FIRST = "first"
    DAY_END = "day_end"  # when a day ends ("hari ini bubar jam berapa?"): its last item
    LAST = "last"  # the day's last item ("acara terakhir hari ini apa?")


#: `time` under a name the dataclass's own `time` field does not hide.
_TimeOfDay = time


@dataclass(frozen=True, slots=True)
class Understanding:
    intent: Intent
    #: An event day the question is about (resolved against `now`), if any.
    day: date | None = None
    #: A time of day (e.g. "jam 2 siang" -> 14:00), if any.
    time: time | None = None
    #: A part of the day ("pagi", "siang", "sore", "malam") when no exact time was given.
    period: str | None = None
    #: The end of a span asked ("between 10 and 12"): `time` is then its start.
    until: _TimeOfDay | None = None
    #: Sessions the question names (by topic, region or speaker), best first.
    session_ids: tuple[str, ...] = ()
    speaker_ids: tuple[str, ...] = ()
    venue_ids: tuple[str, ...] = ()
    #: Canonical region names mentioned ("Kabupaten Sidoarjo"). More than one for one
    #: mention means the mention was ambiguous (Kota vs Kabupaten Kupang): ask, don't guess.
    regions: tuple[str, ...] = ()
    #: True when `regions` are alternatives for one ambiguous mention.
    ambiguous_region: bool = False
    #: How sure the classifier is, 0..1 (winning score against the runner-up and a ceiling).
    confidence: float = 0.0
    #: Facts asked for (answered with one generated sentence before the card).
    facts: tuple[Fact, ...] = ()
    #: "after X": `session_ids` then hold the item after X, `anchor_id` is X.
    relation: Relation | None = None
    anchor_id: str | None = None
    #: "between X and Y": Y (`anchor_id` is X, the earlier one); `session_ids` hold the
    #: items between them, or X and Y themselves when nothing is between.
    until_id: str | None = None
    #: Tour stops named (indexes into event.tour.stops).
    stops: tuple[int, ...] = ()
    #: "after the second stop": the stop (index) the relation is about; `stops` then hold the
    #: stop after/before it, or nothing when the tour itself comes next (its end, its start).
    anchor_stop: int | None = None
    #: A part of the programme asked for instead of a whole day (see Scope).
    scope: Scope | None = None
    #: The practical-question entry ([[faq]]) whose keywords the question uses, if any, and
    #: whether every programme item named was named only through those keywords
    #: ("tempat sholat" names the prayer-room entry, not the lunch break tagged "sholat").
    faq_id: str | None = None
    faq_covers: bool = False
    #: Words that look like a day or time word but are not one ("bseok" ~ "besok"): the
    #: answer would depend on them, so the bot asks instead of guessing.
    doubts: tuple[tuple[str, str], ...] = ()
    #: Misspelt day or time words that were read ("bseok" as "besok"): the answer says so.
    readings: tuple[tuple[str, str], ...] = ()
    #: The part of the message this is the understanding of (one question of several).
    question: str = ""
