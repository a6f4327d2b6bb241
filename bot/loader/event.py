"""A whole data file: read it, parse every section, and either build the Event or raise
EventDataError listing every problem."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any, TypedDict
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import N_
from bot.loader.options import read_attendance, read_certificate, read_evaluation, read_tour
from bot.loader.problems import (
    OFFSET_MISMATCH,
    ZONES_BY_OFFSET,
    EventDataError,
    Problem,
    example_moment,
    problem,
)
from bot.loader.reader import Reader
from bot.loader.sections import read_contacts, read_faq, read_sessions, read_speakers, read_venues
from bot.model import (
    AttendanceRules,
    CertificateRules,
    Event,
    Question,
    Session,
    SessionKind,
    Text,
    Tour,
    Venue,
)

MAX_REGION_BYTES = 48
#: Who may see contact details: anyone in a private chat, or registered delegates only.
CONTACTS_FOR = ("everyone", "registered")


def parse_event(raw: dict[str, Any], path: Path) -> Event:
    """Build an Event from parsed TOML, or raise EventDataError listing every problem.

    Sections are read in the file's documented order, so problems are listed in that order.
    """
    problems: list[Problem] = []
    root = Reader(problems, "", raw)
    ev = Reader(problems, "event", raw.get("event"))
    if "event" not in raw:
        problems[-1:] = [problem("event", N_("tabel [event] tidak ada"))]

    tz = _zone(ev)
    start_date, end_date = ev.day("start_date"), ev.day("end_date")
    if start_date and end_date and end_date < start_date:
        ev.problem("end_date", N_("{end} sebelum start_date {start}"), end=end_date,
                   start=start_date)
    regions = _regions(ev)
    venues = read_venues(root)
    # Example questions ask about the places other than this one (bot/examples.py); it also
    # heads a day's daftar hadir (attendance).
    main_venue = ev.string("main_venue")
    if main_venue and main_venue not in venues:
        ev.problem("main_venue", N_("id tempat {value} tidak dikenal"), value=repr(main_venue))
    speakers = read_speakers(root)
    sessions, session_readers, session_ids = read_sessions(
        root, venues, speakers, tz, start_date, end_date, path.parent)
    contacts = read_contacts(root, regions)
    faqs = read_faq(root)
    options = _options(raw, problems, venues, sessions, tz, session_readers, set(session_ids))
    _one_zone_problem(problems, len(session_readers))
    description = _description(ev)
    ev.finish()
    root.seen.update({"event", "venues", "speakers", "sessions", "contacts", "tour", "faq",
                      "attendance", "certificate", "evaluation"})
    root.finish()
    if problems or tz is None or start_date is None or end_date is None:
        raise EventDataError(path, problems)
    return Event(
        timezone=tz,
        start_date=start_date,
        end_date=end_date,
        main_venue_id=main_venue,
        venues=venues,
        speakers=speakers,
        sessions=tuple(sorted(sessions, key=lambda s: (s.start, s.end, s.id))),
        contacts=tuple(contacts),
        regions=tuple(regions),
        faq=tuple(faqs),
        tour=options.tour,
        attendance=options.attendance,
        certificate=options.certificate,
        evaluation=options.evaluation,
        **description,
    )


def _zone(ev: Reader) -> ZoneInfo | None:
    tz_name = ev.string("timezone")
    if tz_name:
        try:
            return ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            # OSError: a key naming a directory of the zone database ("Asia").
            ev.problem("timezone", N_("zona waktu {value} tidak dikenal (pakai misalnya "
                                      "Asia/Makassar)"), value=repr(tz_name))
    return None


def _regions(ev: Reader) -> list[str]:
    regions = ev.str_list("regions", required=False)
    for i, region in enumerate(regions):
        if regions.index(region) != i:
            ev.problem(f"regions[{i}]", N_("daerah {value} tercantum dua kali"),
                       value=repr(region))
        if len(region.encode("utf-8")) > MAX_REGION_BYTES:
            # Region names travel in button data (64 bytes in all).
            ev.problem(f"regions[{i}]", N_("lebih dari {n} byte"), n=MAX_REGION_BYTES)
    return regions


@dataclass(frozen=True, slots=True)
class _Options:
    tour: Tour | None
    attendance: AttendanceRules
    evaluation: tuple[Question, ...]
    certificate: CertificateRules | None


def _options(
    raw: dict[str, Any], problems: list[Problem], venues: dict[str, Venue],
    sessions: list[Session], tz: ZoneInfo | None, session_readers: list[Reader],
    declared: set[str],
) -> _Options:
    """The optional tables; defaults where the file has none."""
    tour = None
    if "tour" in raw:
        tour = read_tour(Reader(problems, "tour", raw["tour"]), venues, sessions, tz, declared)
    attendance = AttendanceRules()
    if "attendance" in raw:
        attendance = read_attendance(Reader(problems, "attendance", raw["attendance"]))
    evaluation: tuple[Question, ...] = ()
    if "evaluation" in raw:
        evaluation = read_evaluation(Reader(problems, "evaluation", raw["evaluation"]))
    certificate = None
    if "certificate" in raw:
        # From what the file says, not from the sessions that parsed: one bad time must not
        # also report "no plenary session".
        plenary = any(r.table.get("kind") == SessionKind.PLENARY.value for r in session_readers)
        certificate = read_certificate(Reader(problems, "certificate", raw["certificate"]),
                                       has_plenary=plenary)
    return _Options(tour, attendance, evaluation, certificate)


class _Description(TypedDict):
    """The [event] table's descriptive fields, as Event keyword arguments."""

    participants: int
    contacts_registered_only: bool
    id: str
    name: Text
    theme: Text
    host: str
    city: str
    participant_groups: tuple[Text, ...]
    goals: tuple[Text, ...]
    about: Text
    background: tuple[Text, ...]
    network: Text
    host_en: str
    city_en: str


def _description(ev: Reader) -> _Description:
    """The [event] table's descriptive fields (read after every section, as before)."""
    participants = ev.integer("participants", required=False) or 0
    event_id, name, theme = ev.ident(), ev.text("name"), ev.text("theme")
    host, city = ev.string("host"), ev.string("city")
    host_en, city_en = ev.twin("host"), ev.twin("city")
    groups, goals = ev.texts("participant_groups"), ev.texts("goals")
    about, background = ev.text("about"), ev.texts("background", required=False)
    network = ev.text("network", required=False)
    contacts_for = ev.string("contacts_for", required=False) or "everyone"
    if contacts_for not in CONTACTS_FOR:
        ev.problem("contacts_for", N_("{value}: harus salah satu dari {allowed}"),
                   value=repr(contacts_for), allowed=", ".join(CONTACTS_FOR))
    return _Description(
        participants=participants, contacts_registered_only=contacts_for == "registered",
        id=event_id, name=name, theme=theme, host=host, city=city,
        participant_groups=groups, goals=goals, about=about, background=background,
        network=network, host_en=host_en, city_en=city_en,
    )


def _one_zone_problem(problems: list[Problem], sessions: int) -> None:
    """Every time disagreeing with `timezone` the same way is one mistake, in `timezone`
    (Asia/Jakarta written for a WITA event), not one per time."""
    found = [p for p in problems if p.msgid == OFFSET_MISMATCH]
    offsets = {dict(p.args)["offset"] for p in found}
    if len(found) < max(3, sessions) or len(offsets) != 1:
        return
    args = dict(found[0].args)
    offset = str(args["offset"])
    problems[:] = [p for p in problems if p.msgid != OFFSET_MISMATCH]
    problems.append(problem(
        "event.timezone",
        N_("zona waktu {zone} ({expected}) tidak cocok dengan selisih {offset} di {n} jam "
           "dalam berkas: maksudnya {suggestion}? Atau tulis setiap jam dengan {expected}."),
        zone=args["zone"], expected=args["expected"], offset=offset, n=len(found),
        suggestion=ZONES_BY_OFFSET.get(offset, offset),
    ))



def load_event(path: str | Path) -> Event:
    """Read and validate `path`; raise EventDataError naming every problem."""
    path = Path(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise EventDataError(path, [problem("(file)", N_("tidak dapat dibaca: {reason}"),
                                            reason=exc.strerror)]) from exc
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EventDataError(path, [problem("(file)", N_("bukan UTF-8: {reason}"),
                                            reason=exc.reason)]) from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts "(at line X, column Y)" in its message: that is the place.
        raise EventDataError(path, [_syntax_problem(text, exc)]) from exc
    return parse_event(raw, path)


#: `start = 08.00`, `end = 16/10/2019 09:30`, `start = 2019-10-16 08.00`: a time or date as
#: people write it, which TOML cannot read unquoted.
_LOOSE_TIME = re.compile(
    r"^\s*(?P<key>[A-Za-z_]+)\s*=\s*(?P<value>(\d{4}-\d{2}-\d{2}[T ])?\d{1,2}[.:]\d{2}\S*"
    r"|\d{1,2}/\d{1,2}/\d{2,4}.*)\s*(#.*)?$"
)


def _syntax_problem(text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    """The parser's message, and for a time written the everyday way, what to write."""
    match = re.search(r"line (\d+)", str(exc))
    line = text.splitlines()[int(match.group(1)) - 1] if match else ""
    loose = _LOOSE_TIME.match(line)
    if loose and match:
        tz = _zone_in(text)
        day = _first_day_in(text)
        clock = re.search(r"(\d{1,2})[.:](\d{2})", loose.group("value"))
        example = example_moment(
            time(int(clock.group(1)) % 24, int(clock.group(2)) % 60) if clock else None, tz, day
        )
        return problem(f"(baris {match.group(1)})",
                       N_("{key} = {value}: tulis jam sebagai `{example}` (tanggal, huruf T, "
                          "jam dengan titik dua, dan selisih UTC zona waktu acara)"),
                       key=loose.group("key"), value=loose.group("value").strip(),
                       example=example)
    return problem("(syntax)", N_("sintaks TOML salah: {detail}"), detail=str(exc))


def _zone_in(text: str) -> ZoneInfo | None:
    found = re.search(r'^\s*timezone\s*=\s*"([^"]+)"', text, re.MULTILINE)
    try:
        return ZoneInfo(found.group(1)) if found else None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _first_day_in(text: str) -> date | None:
    found = re.search(r"^\s*start_date\s*=\s*(\d{4}-\d{2}-\d{2})", text, re.MULTILINE)
    try:
        return date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        return None
