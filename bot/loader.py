"""Load and validate an event data file (TOML, see docs/data-format.md).

Validation collects every problem instead of stopping at the first one, so an organizer
fixing a file sees the whole list at once. Each problem names the file, the place in it
(`sessions[3].end`) and what is wrong.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.model import (
    EMPTY,
    Bus,
    Contact,
    Event,
    Faq,
    Session,
    SessionKind,
    Speaker,
    Text,
    Tour,
    TourStop,
    Venue,
)

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,23}$")
MAX_REGION_BYTES = 48
PHONE_PATTERN = re.compile(r"\+?[0-9][0-9 ()-]{5,}")
#: Who may see contact details: anyone in a private chat, or registered delegates only.
CONTACTS_FOR = ("everyone", "registered")


@dataclass(frozen=True, slots=True)
class Problem:
    place: str
    message: str


class EventDataError(Exception):
    """The data file cannot be used; `problems` says everything that is wrong."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = [f"{self.path}: {len(self.problems)} problem(s)"]
        lines += [f"  {self.path}: {p.place}: {p.message}" for p in self.problems]
        return "\n".join(lines)


class _Reader:
    """Typed access to one TOML table that records problems instead of raising."""

    def __init__(self, problems: list[Problem], place: str, table: Any) -> None:
        self.problems = problems
        self.place = place
        self.ok = isinstance(table, dict)
        self.table: dict[str, Any] = table if isinstance(table, dict) else {}
        self.seen: set[str] = set()
        if not self.ok:
            self.problem("", f"expected a table, got {type(table).__name__}")

    def at(self, key: str) -> str:
        return f"{self.place}.{key}" if key else self.place

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.at(key), message))

    def _get(self, key: str, kind: type | tuple[type, ...], required: bool, name: str) -> Any:
        self.seen.add(key)
        if key not in self.table:
            if required:
                self.problem(key, "missing")
            return None
        value = self.table[key]
        # bool is an int subclass: a `true` where a number belongs is a mistake.
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            self.problem(key, f"expected {name}, got a boolean")
            return None
        if not isinstance(value, kind):
            self.problem(key, f"expected {name}, got {_toml_type(value)}")
            return None
        return value

    def string(self, key: str, required: bool = True) -> str:
        value = self._get(key, str, required, "a string")
        if value is not None and required and not value.strip():
            self.problem(key, "must not be empty")
        return value or ""

    def text(self, key: str, required: bool = True) -> Text:
        base = self.string(key, required)
        en = self.string(f"{key}_en", required=False)
        return Text(base, en or None) if base else EMPTY

    def twin(self, key: str) -> str:
        """The optional English twin `key_en` of a plain string field ("" when absent)."""
        return self.string(f"{key}_en", required=False)

    def texts(self, key: str, required: bool = True) -> tuple[Text, ...]:
        base = self.str_list(key, required)
        en = self.str_list(f"{key}_en", required=False)
        if en and len(en) != len(base):
            self.problem(f"{key}_en", f"has {len(en)} items but {key} has {len(base)}")
            en = []
        return tuple(Text(b, en[i] if en else None) for i, b in enumerate(base))

    def str_list(self, key: str, required: bool = True) -> list[str]:
        value = self._get(key, list, required, "an array of strings")
        if value is None:
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problem(f"{key}[{i}]", f"expected a string, got {_toml_type(item)}")
        return out

    def integer(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, int, required, "an integer")
        if value is not None and value < 0:
            self.problem(key, "must not be negative")
            return None
        return value

    def number(self, key: str) -> float:
        value = self._get(key, (int, float), True, "a number")
        return float(value) if value is not None else 0.0

    def day(self, key: str) -> date | None:
        self.seen.add(key)
        value = self.table.get(key)
        if isinstance(value, datetime):
            self.problem(key, "expected a date like 2019-10-16, got a date-time")
            return None
        return self._get(key, date, True, "a date like 2019-10-16")

    def moment(self, key: str, required: bool = True) -> datetime | None:
        value = self._get(key, datetime, required, "a date-time like 2019-10-16T09:30:00+08:00")
        if value is None:
            return None
        if value.tzinfo is None:
            self.problem(key, "naive time: add the UTC offset, e.g. 2019-10-16T09:30:00+08:00")
            return None
        return value

    def finish(self) -> None:
        """Report keys nobody read: almost always a typo ("strat" for "start")."""
        for key in self.table:
            if key not in self.seen:
                close = difflib.get_close_matches(key, self.seen, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problem(key, f"unknown field{hint}")

    def ident(self, key: str = "id") -> str:
        value = self.string(key)
        if value and not ID_PATTERN.match(value):
            self.problem(key, f"bad id {value!r}: use a-z, 0-9 and '-', at most 24 characters")
        return value


def _toml_type(value: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
    for kind, name in names.items():
        if type(value) is kind:
            return name
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _items(parent: _Reader, key: str) -> list[_Reader]:
    """Readers for the [[key]] tables in `parent` (places like "tour.stops[2]")."""
    parent.seen.add(key)
    name = f"{parent.place}.{key}" if parent.place else key
    value = parent.table.get(key, [])
    if not isinstance(value, list):
        parent.problem(key, f"expected [[{name}]] tables, got {_toml_type(value)}")
        return []
    return [_Reader(parent.problems, f"{name}[{i}]", item) for i, item in enumerate(value)]


def _phone(r: _Reader, key: str) -> str:
    phone = r.string(key)
    if phone and not PHONE_PATTERN.fullmatch(phone):
        r.problem(key, f"not a phone number: {phone!r}")
    return phone


def _check_unique(readers: list[_Reader], ids: list[str]) -> None:
    seen: dict[str, str] = {}
    for reader, ident in zip(readers, ids, strict=True):
        if not ident:
            continue
        if ident in seen:
            reader.problem("id", f"duplicate id {ident!r} (first used at {seen[ident]})")
        else:
            seen[ident] = reader.place


def parse_event(raw: dict[str, Any], path: Path) -> Event:
    """Build an Event from parsed TOML, or raise EventDataError listing every problem."""
    problems: list[Problem] = []
    root = _Reader(problems, "", raw)
    ev = _Reader(problems, "event", raw.get("event"))
    if "event" not in raw:
        problems[-1:] = [Problem("event", "missing [event] table")]

    tz: ZoneInfo | None = None
    tz_name = ev.string("timezone")
    if tz_name:
        try:
            tz = ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            # OSError: a key naming a directory of the zone database ("Asia").
            ev.problem("timezone", f"unknown time zone {tz_name!r} (use e.g. Asia/Makassar)")
    start_date, end_date = ev.day("start_date"), ev.day("end_date")
    if start_date and end_date and end_date < start_date:
        ev.problem("end_date", f"{end_date} is before start_date {start_date}")
    regions = ev.str_list("regions", required=False)
    for i, region in enumerate(regions):
        if regions.index(region) != i:
            ev.problem(f"regions[{i}]", f"duplicate region {region!r}")
        if len(region.encode("utf-8")) > MAX_REGION_BYTES:
            # Region names travel in button data (64 bytes in all).
            ev.problem(f"regions[{i}]", f"longer than {MAX_REGION_BYTES} bytes")

    venues: dict[str, Venue] = {}
    venue_readers = _items(root, "venues")
    venue_ids = [r.ident() for r in venue_readers]
    _check_unique(venue_readers, venue_ids)
    for r, vid in zip(venue_readers, venue_ids, strict=True):
        lat, lon = r.number("lat"), r.number("lon")
        if not -90 <= lat <= 90:
            r.problem("lat", f"latitude {lat} out of range -90..90")
        if not -180 <= lon <= 180:
            r.problem("lon", f"longitude {lon} out of range -180..180")
        venue = Venue(
            id=vid,
            name=r.string("name"),
            address=r.string("address"),
            latitude=lat,
            longitude=lon,
            notes=r.text("notes", required=False),
            aliases=tuple(r.str_list("aliases", required=False)),
            name_en=r.twin("name"),
            address_en=r.twin("address"),
        )
        r.finish()
        venues.setdefault(vid, venue)
    main_venue = ev.string("main_venue")
    if main_venue and main_venue not in venues:
        ev.problem("main_venue", f"unknown venue id {main_venue!r}")

    speakers: dict[str, Speaker] = {}
    speaker_readers = _items(root, "speakers")
    speaker_ids = [r.ident() for r in speaker_readers]
    _check_unique(speaker_readers, speaker_ids)
    for r, sid in zip(speaker_readers, speaker_ids, strict=True):
        speaker = Speaker(
            id=sid,
            name=r.string("name"),
            position=r.text("position"),
            organization=r.string("organization", required=False),
            bio=r.text("bio", required=False),
            aliases=tuple(r.str_list("aliases", required=False)),
        )
        r.finish()
        speakers.setdefault(sid, speaker)

    sessions: list[Session] = []
    session_readers = _items(root, "sessions")
    session_ids = [r.ident() for r in session_readers]
    _check_unique(session_readers, session_ids)
    if not session_readers:
        root.problem("sessions", "no [[sessions]]: the programme is empty")
    for r, sid in zip(session_readers, session_ids, strict=True):
        session = _session(r, sid, venues, speakers, tz, start_date, end_date)
        r.finish()
        if session:
            sessions.append(session)

    contacts: list[Contact] = []
    contact_readers = _items(root, "contacts")
    contact_ids = [r.ident() for r in contact_readers]
    _check_unique(contact_readers, contact_ids)
    for r, cid in zip(contact_readers, contact_ids, strict=True):
        region = r.string("region", required=False)
        if region and region not in regions:
            r.problem("region", f"unknown region {region!r}: add it to event.regions")
        phone = _phone(r, "phone")
        contacts.append(
            Contact(
                id=cid,
                name=r.string("name"),
                role=r.text("role"),
                instansi=r.string("instansi"),
                region=region,
                phone=phone,
                email=r.string("email", required=False),
                aliases=tuple(r.str_list("aliases", required=False)),
            )
        )
        r.finish()

    faqs: list[Faq] = []
    faq_readers = _items(root, "faq")
    faq_ids = [r.ident() for r in faq_readers]
    _check_unique(faq_readers, faq_ids)
    for r, fid in zip(faq_readers, faq_ids, strict=True):
        keywords = tuple(k.strip().lower() for k in r.str_list("keywords") if k.strip())
        if not keywords and "keywords" in r.table:
            r.problem("keywords", "give at least one word delegates would use for it")
        faqs.append(Faq(fid, r.text("question"), r.text("answer"), keywords))
        r.finish()

    tour = None
    if "tour" in raw:
        tour = _tour(_Reader(problems, "tour", raw["tour"]), venues, sessions, tz)

    participants = ev.integer("participants", required=False) or 0
    event_id, name, theme = ev.ident(), ev.text("name"), ev.text("theme")
    host, city = ev.string("host"), ev.string("city")
    groups, goals = ev.texts("participant_groups"), ev.texts("goals")
    about, background = ev.text("about"), ev.texts("background", required=False)
    network = ev.text("network", required=False)
    contacts_for = ev.string("contacts_for", required=False) or "everyone"
    if contacts_for not in CONTACTS_FOR:
        ev.problem("contacts_for", f"{contacts_for!r}: expected one of {', '.join(CONTACTS_FOR)}")
    ev.finish()
    root.seen.update({"event", "venues", "speakers", "sessions", "contacts", "tour", "faq"})
    root.finish()
    if problems or tz is None or start_date is None or end_date is None:
        raise EventDataError(path, problems)
    return Event(
        timezone=tz,
        start_date=start_date,
        end_date=end_date,
        participants=participants,
        main_venue_id=main_venue,
        venues=venues,
        speakers=speakers,
        sessions=tuple(sorted(sessions, key=lambda s: (s.start, s.end, s.id))),
        contacts=tuple(contacts),
        regions=tuple(regions),
        tour=tour,
        faq=tuple(faqs),
        contacts_registered_only=contacts_for == "registered",
        id=event_id,
        name=name,
        theme=theme,
        host=host,
        city=city,
        participant_groups=groups,
        goals=goals,
        about=about,
        background=background,
        network=network,
    )


def _session(
    r: _Reader,
    sid: str,
    venues: dict[str, Venue],
    speakers: dict[str, Speaker],
    tz: ZoneInfo | None,
    first_day: date | None,
    last_day: date | None,
) -> Session | None:
    title = r.text("title")
    start, end = r.moment("start"), r.moment("end")
    gather = r.moment("gather", required=False)
    venue_id = r.string("venue")
    if venue_id and venue_id not in venues:
        r.problem("venue", f"unknown venue id {venue_id!r}")
    speaker_ids = r.str_list("speakers", required=False)
    for i, spk in enumerate(speaker_ids):
        if spk not in speakers:
            r.problem(f"speakers[{i}]", f"unknown speaker id {spk!r}")
    kind_name = r.string("kind", required=False) or SessionKind.SESSION.value
    try:
        kind = SessionKind(kind_name)
    except ValueError:
        allowed = ", ".join(k.value for k in SessionKind)
        r.problem("kind", f"unknown kind {kind_name!r} (one of: {allowed})")
        kind = SessionKind.SESSION
    capacity = r.integer("capacity", required=False)
    if capacity == 0:
        r.problem("capacity", "must be at least 1 (leave it out for no limit)")
    if start and end:
        if end <= start:
            r.problem("end", f"end {end.isoformat()} is not after start {start.isoformat()}")
        elif end - start > timedelta(hours=24):
            r.problem("end", "a session longer than 24 hours: is the date right?")
    if start and gather and gather > start:
        r.problem("gather", "gathering time is after the start")
    if start and tz and first_day and last_day:
        local_day = start.astimezone(tz).date()
        if not first_day <= local_day <= last_day:
            r.problem("start", f"{local_day} is outside the event days {first_day}..{last_day}")
    if end and tz and first_day and last_day:
        # Ending exactly at midnight after the last day is still inside the event.
        local_end = (end - timedelta(microseconds=1)).astimezone(tz).date()
        if not first_day <= local_end <= last_day:
            r.problem("end", f"{local_end} is outside the event days {first_day}..{last_day}")
    if not (r.ok and start and end and venue_id):
        return None
    return Session(
        id=sid,
        title=title,
        start=start.astimezone(tz) if tz else start,
        end=end.astimezone(tz) if tz else end,
        venue_id=venue_id,
        kind=kind,
        speaker_ids=tuple(speaker_ids),
        description=r.text("description", required=False),
        capacity=capacity,
        gather=gather.astimezone(tz) if gather and tz else gather,
        tags=tuple(r.str_list("tags", required=False)),
    )


def _tour(
    r: _Reader, venues: dict[str, Venue], sessions: list[Session], tz: ZoneInfo | None
) -> Tour | None:
    session_id = r.string("session")
    session = next((s for s in sessions if s.id == session_id), None)
    if session_id and session is None:
        r.problem("session", f"unknown session id {session_id!r}")
    elif session is not None and session.kind is not SessionKind.TOUR:
        r.problem("session", f"session {session_id!r} has kind {session.kind.value!r}, not 'tour'")
    meeting, back = r.string("meeting_point"), r.string("return_point")
    for key, venue_id in (("meeting_point", meeting), ("return_point", back)):
        if venue_id and venue_id not in venues:
            r.problem(key, f"unknown venue id {venue_id!r}")
    if session is not None and meeting and session.venue_id != meeting:
        r.problem("meeting_point", f"differs from the tour session's venue {session.venue_id!r}")
    radius = r.integer("checkin_radius_m") or 0
    if not 10 <= radius <= 5000:
        r.problem("checkin_radius_m", f"{radius} m: expected 10 to 5000")
    bring = r.texts("bring") if "bring" in r.table else ()
    stops: list[TourStop] = []
    for s in _items(r, "stops"):
        moment = s.moment("time")
        lat, lon = s.number("lat"), s.number("lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            s.problem("lat", "coordinates out of range")
        if moment and session and not session.start <= moment <= session.end:
            s.problem("time", f"{moment.isoformat()} is outside the tour "
                              f"{session.start.isoformat()}..{session.end.isoformat()}")
        if moment and stops and moment < stops[-1].time:
            s.problem("time", "stops must be in time order")
        name, notes = s.text("name"), s.text("notes", required=False)
        s.finish()
        if moment:
            stops.append(TourStop(name, moment.astimezone(tz) if tz else moment, lat, lon, notes))
    buses: list[Bus] = []
    bus_readers = _items(r, "buses")
    bus_ids = [b.ident() for b in bus_readers]
    _check_unique(bus_readers, bus_ids)
    for b, bus_id in zip(bus_readers, bus_ids, strict=True):
        capacity = b.integer("capacity") or 0
        if capacity < 1:
            b.problem("capacity", "must be at least 1")
        phone = _phone(b, "leader_phone")
        buses.append(Bus(bus_id, b.string("name"), capacity, b.string("leader"), phone))
        b.finish()
    if not buses:
        r.problem("buses", "no [[tour.buses]]: add at least one bus")
    seats = sum(bus.capacity for bus in buses)
    if session is not None and session.capacity and seats < session.capacity:
        r.problem("buses", f"{seats} bus seats for a tour capacity of {session.capacity}")
    r.finish()
    if not r.ok or session is None:
        return None
    return Tour(session_id, meeting, back, radius, bring, tuple(stops), tuple(buses))


def load_event(path: str | Path) -> Event:
    """Read and validate `path`; raise EventDataError naming every problem."""
    path = Path(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise EventDataError(path, [Problem("(file)", f"cannot read: {exc.strerror}")]) from exc
    try:
        raw = tomllib.loads(raw_bytes.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise EventDataError(path, [Problem("(file)", f"not UTF-8: {exc.reason}")]) from exc
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts "(at line X, column Y)" in its message: that is the place.
        raise EventDataError(path, [Problem("(syntax)", str(exc))]) from exc
    return parse_event(raw, path)
