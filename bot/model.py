"""The event model: frozen, in-memory, pure.

Everything a handler shows comes from here. The loader (`bot.loader`) builds it from a data
file and guarantees the invariants the methods rely on: every time is timezone-aware, sessions
are sorted by start, every referenced id exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of data text in Indonesian, with an optional English version."""

    id: str
    en: str | None = None

    def get(self, lang: str) -> str:
        if lang == "en" and self.en:
            return self.en
        return self.id

    def __bool__(self) -> bool:
        return bool(self.id)


EMPTY = Text("")


class SessionKind(StrEnum):
    """What sort of programme item a session is; drives icons and the morning brief."""

    REGISTRATION = "registration"
    CEREMONY = "ceremony"
    PLENARY = "plenary"
    SESSION = "session"
    BREAK = "break"
    PRESS = "press"
    TOUR = "tour"


@dataclass(frozen=True, slots=True)
class Venue:
    id: str
    name: str
    address: str
    latitude: float
    longitude: float
    notes: Text = EMPTY
    aliases: tuple[str, ...] = ()
    #: English twins (`name_en`, `address_en`); empty when the Indonesian one serves both.
    name_en: str = ""
    address_en: str = ""

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def address_in(self, lang: str) -> str:
        return self.address_en if lang == "en" and self.address_en else self.address

    @property
    def map_url(self) -> str:
        return f"https://www.google.com/maps/search/?api=1&query={self.latitude:.6f},{self.longitude:.6f}"


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str
    position: Text
    organization: str = ""
    bio: Text = EMPTY
    aliases: tuple[str, ...] = ()
    organization_en: str = ""

    def organization_in(self, lang: str) -> str:
        return self.organization_en if lang == "en" and self.organization_en else self.organization


class Release(StrEnum):
    """When a session's material becomes available."""

    START = "start"
    END = "end"


@dataclass(frozen=True, slots=True)
class Material:
    """Slides or a paper of a session: a link, or a file shipped beside the data file."""

    title: Text
    url: str = ""
    file: str = ""  # absolute path, checked by the loader to exist
    release: Release = Release.END
    #: `terbatas`: only for registered delegates.
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class Session:
    id: str
    title: Text
    start: datetime
    end: datetime
    venue_id: str
    kind: SessionKind = SessionKind.SESSION
    speaker_ids: tuple[str, ...] = ()
    description: Text = EMPTY
    capacity: int | None = None
    #: When participants should be there, if earlier than `start` (the city tour gathers first).
    gather: datetime | None = None
    tags: tuple[str, ...] = ()
    materials: tuple[Material, ...] = ()

    @property
    def arrive_by(self) -> datetime:
        """When a participant must be there: the gathering time if any, else the start."""
        return self.gather or self.start

    def is_on(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def overlaps(self, other: Session) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    name: str
    role: Text
    instansi: str
    #: The region this contact belongs to, e.g. "Kabupaten Sidoarjo" (empty for the secretariat).
    region: str
    phone: str
    email: str = ""
    aliases: tuple[str, ...] = ()
    instansi_en: str = ""

    def instansi_in(self, lang: str) -> str:
        return self.instansi_en if lang == "en" and self.instansi_en else self.instansi


@dataclass(frozen=True, slots=True)
class Faq:
    """A practical question the organizers answer in the data file (dress code, Wi-Fi...)."""

    id: str
    question: Text
    answer: Text
    #: Words and short phrases delegates use for it, in any language ("wifi", "dress code").
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TourStop:
    name: Text
    time: datetime
    latitude: float
    longitude: float
    notes: Text = EMPTY


@dataclass(frozen=True, slots=True)
class Bus:
    id: str
    name: str
    capacity: int
    #: A role name ("Koordinator Bus 1 — Dinas Perhubungan"), never a private person.
    leader: str
    leader_phone: str


@dataclass(frozen=True, slots=True)
class Tour:
    """The city tour: its session (times, capacity), meeting point, route and buses."""

    session_id: str
    meeting_venue_id: str
    return_venue_id: str
    checkin_radius_m: int
    bring: tuple[Text, ...] = ()
    stops: tuple[TourStop, ...] = ()
    buses: tuple[Bus, ...] = ()

    def bus(self, bus_id: str) -> Bus | None:
        return next((b for b in self.buses if b.id == bus_id), None)


@dataclass(frozen=True, slots=True)
class AttendanceRules:
    """`[attendance]` of the data file: how long a session check-in code lives."""

    #: After a session ends, delegates may still check in this long (late scanners, long Q&A).
    grace: timedelta = timedelta(minutes=15)
    #: A shown check-in code changes this often, so a code passed on by chat soon stops working.
    code_period: timedelta = timedelta(minutes=5)
    #: False: sessions take no check-in, so feedback goes to those who RSVP'd instead.
    session_checkin: bool = True


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    position: Text


@dataclass(frozen=True, slots=True)
class CertificateRules:
    """`[certificate]` of the data file: who gets one, and what it says.

    A delegate qualifies when any configured attendance criterion holds: present at the
    registration desk on every event day (`all_days`), or checked in to at least
    `min_plenary_percent` % of the plenary sessions.
    """

    title: Text
    #: The line between the delegate's name and the event ("telah mengikuti sebagai peserta").
    statement: Text
    signatories: tuple[Signatory, ...]
    all_days: bool = False
    min_plenary_percent: int | None = None


class QuestionKind(StrEnum):
    SCALE = "scale"  # 1 to 5
    CHOICE = "choice"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the event evaluation (`[[evaluation.questions]]`)."""

    id: str
    text: Text
    kind: QuestionKind
    choices: tuple[Text, ...] = ()


# eq=False: an Event is compared (and cached) by identity; its dict fields are not hashable.
@dataclass(frozen=True, slots=True, eq=False)
class Event:
    id: str
    name: Text
    theme: Text
    host: str
    city: str
    timezone: ZoneInfo
    start_date: date
    end_date: date
    participants: int
    participant_groups: tuple[Text, ...]
    goals: tuple[Text, ...]
    about: Text
    background: tuple[Text, ...]
    venues: dict[str, Venue]
    speakers: dict[str, Speaker]
    sessions: tuple[Session, ...]
    contacts: tuple[Contact, ...]
    #: Member regions delegates may come from (for registration and contact search).
    regions: tuple[str, ...] = ()
    tour: Tour | None = None
    faq: tuple[Faq, ...] = ()
    #: `contacts_for = "registered"`: contact details only for registered delegates (never
    #: in groups either way).
    contacts_registered_only: bool = False
    attendance: AttendanceRules = AttendanceRules()
    certificate: CertificateRules | None = None
    #: The event evaluation asked at closing; empty: none (and none needed for a certificate).
    evaluation: tuple[Question, ...] = ()
    #: How far this programme was moved from the data file (`--shift-to` rehearsals): a
    #: reload applies it again, and an edit subtracts it before writing the file.
    shift: timedelta = timedelta(0)
    #: The network or organization behind the event (`[event] network`), e.g. the heading
    #: of its background paragraphs; empty when the event has none.
    network: Text = EMPTY
    #: English twins of `host` and `city` ("" when the Indonesian serves both).
    host_en: str = ""
    city_en: str = ""
    #: `[event] main_venue` ("" when unset): example questions ask about the other places,
    #: and a day's daftar hadir says it was held there.
    main_venue_id: str = ""
    _by_id: dict[str, Session] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((s.id, s) for s in self.sessions)

    # -- days ------------------------------------------------------------------------------
    @property
    def days(self) -> tuple[date, ...]:
        count = (self.end_date - self.start_date).days + 1
        return tuple(self.start_date + timedelta(days=i) for i in range(count))

    def day_number(self, day: date) -> int | None:
        """1-based index of `day` within the event, or None outside it."""
        if self.start_date <= day <= self.end_date:
            return (day - self.start_date).days + 1
        return None

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.timezone)

    def localize(self, moment: datetime) -> datetime:
        """Times given without an offset are event-local (WITA), as on the programme."""
        return moment if moment.tzinfo else moment.replace(tzinfo=self.timezone)

    def demo_moment(self) -> datetime:
        """A simulated 'now' inside the event, for demos of a past event: shortly after the
        first plenary starts."""
        first = next((s for s in self.sessions if s.kind is SessionKind.PLENARY), self.sessions[0])
        return first.start + timedelta(minutes=15)

    # -- sessions --------------------------------------------------------------------------
    def session(self, session_id: str) -> Session | None:
        return self._by_id.get(session_id)

    def sessions_on(self, day: date) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if self.local(s.start).date() == day)

    def current(self, moment: datetime) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.is_on(moment))

    def upcoming(self, moment: datetime, limit: int = 3) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.start > moment)[:limit]

    def sessions_of_speaker(self, speaker_id: str) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if speaker_id in s.speaker_ids)

    def sessions_at_venue(self, venue_id: str) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.venue_id == venue_id)

    def main_venue(self) -> str | None:
        """The venue holding more than half of the sessions that have one: where "the
        seminar" is held (a dinner's or a tour's place is not); None when no venue does."""
        placed = [s.venue_id for s in self.sessions if s.venue_id]
        for venue_id in dict.fromkeys(placed):
            if 2 * placed.count(venue_id) > len(placed) and venue_id in self.venues:
                return venue_id
        return None

    def phase(self, moment: datetime) -> str:
        """'before', 'during' or 'after' the event, judged by its first and last session."""
        if moment < self.sessions[0].start:
            return "before"
        if moment >= self.sessions[-1].end:
            return "after"
        return "during"

    # -- other lookups ---------------------------------------------------------------------
    def venue(self, venue_id: str) -> Venue | None:
        return self.venues.get(venue_id)

    def speaker(self, speaker_id: str) -> Speaker | None:
        return self.speakers.get(speaker_id)

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def contacts_in(self, regions: Iterable[str]) -> tuple[Contact, ...]:
        wanted = set(regions)
        return tuple(c for c in self.contacts if c.region in wanted)

    # -- rehearsals ------------------------------------------------------------------------
    def shifted(self, delta: timedelta) -> Event:
        """The same event moved by `delta`, for rehearsals and demos of a past event."""
        if not delta:
            return self
        sessions = tuple(
            replace(
                s,
                start=s.start + delta,
                end=s.end + delta,
                gather=s.gather + delta if s.gather else None,
            )
            for s in self.sessions
        )
        tour = self.tour
        if tour is not None:
            stops = tuple(replace(stop, time=stop.time + delta) for stop in tour.stops)
            tour = replace(tour, stops=stops)
        # Days follow the first session, so a shift to a date-time that crosses midnight
        # still yields the right calendar days.
        first_day = self.local(sessions[0].start).date()
        span = self.end_date - self.start_date
        return replace(
            self,
            sessions=sessions,
            start_date=first_day,
            end_date=first_day + span,
            tour=tour,
            shift=self.shift + delta,
            _by_id={},
        )

    def host_in(self, lang: str) -> str:
        return self.host_en if lang == "en" and self.host_en else self.host

    def city_in(self, lang: str) -> str:
        return self.city_en if lang == "en" and self.city_en else self.city

    # -- what this event has --------------------------------------------------------------
    # A feature the data does not describe disappears from menus, help and buttons.
    @property
    def has_tour(self) -> bool:
        return self.tour is not None

    @property
    def has_contacts(self) -> bool:
        return bool(self.contacts)

    @property
    def has_faq(self) -> bool:
        return bool(self.faq)

    @property
    def has_session_checkin(self) -> bool:
        return self.attendance.session_checkin

    @property
    def has_materials(self) -> bool:
        return any(s.materials for s in self.sessions)

    @property
    def has_certificate(self) -> bool:
        return self.certificate is not None

    @property
    def has_evaluation(self) -> bool:
        return bool(self.evaluation)

    # -- city tour -------------------------------------------------------------------------
    def tour_session(self) -> Session | None:
        return self.session(self.tour.session_id) if self.tour else None
