"""A whole data file: read it, parse every section, and either build the Event or raise
EventDataError listing every problem."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any
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
from bot.loader.reader import Reader, check_unique, items, phone_number
from bot.loader.sections import read_materials, read_session
from bot.model import (
    AttendanceRules,
    Contact,
    Event,
    Faq,
    Question,
    Session,
    SessionKind,
    Speaker,
    Venue,
)

MAX_REGION_BYTES = 48
#: Who may see contact details: anyone in a private chat, or registered delegates only.
CONTACTS_FOR = ("everyone", "registered")



def parse_event(raw: dict[str, Any], path: Path) -> Event:
    """Build an Event from parsed TOML, or raise EventDataError listing every problem."""
    problems: list[Problem] = []
    root = Reader(problems, "", raw)
    ev = Reader(problems, "event", raw.get("event"))
    if "event" not in raw:
        problems[-1:] = [problem("event", N_("tabel [event] tidak ada"))]

    tz: ZoneInfo | None = None
    tz_name = ev.string("timezone")
    if tz_name:
        try:
            tz = ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            # OSError: a key naming a directory of the zone database ("Asia").
            ev.problem("timezone", N_("zona waktu {value} tidak dikenal (pakai misalnya "
                                      "Asia/Makassar)"), value=repr(tz_name))
    start_date, end_date = ev.day("start_date"), ev.day("end_date")
    if start_date and end_date and end_date < start_date:
        ev.problem("end_date", N_("{end} sebelum start_date {start}"), end=end_date,
                   start=start_date)
    regions = ev.str_list("regions", required=False)
    for i, region in enumerate(regions):
        if regions.index(region) != i:
            ev.problem(f"regions[{i}]", N_("daerah {value} tercantum dua kali"),
                       value=repr(region))
        if len(region.encode("utf-8")) > MAX_REGION_BYTES:
            # Region names travel in button data (64 bytes in all).
            ev.problem(f"regions[{i}]", N_("lebih dari {n} byte"), n=MAX_REGION_BYTES)

    venues: dict[str, Venue] = {}
    venue_readers = items(root, "venues")
    venue_ids = [r.ident() for r in venue_readers]
    check_unique(venue_readers, venue_ids)
    for r, vid in zip(venue_readers, venue_ids, strict=True):
        lat, lon = r.number("lat"), r.number("lon")
        if not -90 <= lat <= 90:
            r.problem("lat", N_("lintang {value} di luar -90..90"), value=lat)
        if not -180 <= lon <= 180:
            r.problem("lon", N_("bujur {value} di luar -180..180"), value=lon)
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
    # Example questions ask about the places other than this one (bot/examples.py); it also
    # heads a day's daftar hadir (attendance).
    main_venue = ev.string("main_venue")
    if main_venue and main_venue not in venues:
        ev.problem("main_venue", N_("id tempat {value} tidak dikenal"), value=repr(main_venue))

    speakers: dict[str, Speaker] = {}
    speaker_readers = items(root, "speakers")
    speaker_ids = [r.ident() for r in speaker_readers]
    check_unique(speaker_readers, speaker_ids)
    for r, sid in zip(speaker_readers, speaker_ids, strict=True):
        speaker = Speaker(
            id=sid,
            name=r.string("name"),
            position=r.text("position"),
            organization=r.string("organization", required=False),
            bio=r.text("bio", required=False),
            aliases=tuple(r.str_list("aliases", required=False)),
            organization_en=r.twin("organization"),
        )
        r.finish()
        speakers.setdefault(sid, speaker)

    sessions: list[Session] = []
    session_readers = items(root, "sessions")
    session_ids = [r.ident() for r in session_readers]
    check_unique(session_readers, session_ids)
    if not session_readers:
        root.problem("sessions", N_("tidak ada [[sessions]]: jadwal kosong"))
    for r, sid in zip(session_readers, session_ids, strict=True):
        session = read_session(r, sid, venues, speakers, tz, start_date, end_date)
        materials = read_materials(r, path.parent)
        r.finish()
        if session:
            sessions.append(replace(session, materials=materials))

    contacts: list[Contact] = []
    contact_readers = items(root, "contacts")
    contact_ids = [r.ident() for r in contact_readers]
    check_unique(contact_readers, contact_ids)
    for r, cid in zip(contact_readers, contact_ids, strict=True):
        region = r.string("region", required=False)
        if region and region not in regions:
            r.problem("region", N_("daerah {value} tidak dikenal: tambahkan ke event.regions"),
                      value=repr(region))
        phone = phone_number(r, "phone")
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
                instansi_en=r.twin("instansi"),
            )
        )
        r.finish()

    faqs: list[Faq] = []
    faq_readers = items(root, "faq")
    faq_ids = [r.ident() for r in faq_readers]
    check_unique(faq_readers, faq_ids)
    for r, fid in zip(faq_readers, faq_ids, strict=True):
        keywords = tuple(k.strip().lower() for k in r.str_list("keywords") if k.strip())
        if not keywords and "keywords" in r.table:
            r.problem("keywords", N_("tulis paling sedikit satu kata yang dipakai peserta untuk "
                                     "menanyakannya"))
        faqs.append(Faq(fid, r.text("question"), r.text("answer"), keywords))
        r.finish()

    tour = None
    if "tour" in raw:
        tour = read_tour(Reader(problems, "tour", raw["tour"]), venues, sessions, tz,
                     set(session_ids))

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

    _one_zone_problem(problems, len(session_readers))
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
        attendance=attendance,
        certificate=certificate,
        evaluation=evaluation,
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
        host_en=host_en,
        city_en=city_en,
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
