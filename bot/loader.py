"""Load and validate an event data file (TOML, see docs/data-format.md).

Validation collects every problem instead of stopping at the first one, so an organizer
fixing a file sees the whole list at once. Each problem names the file, the place in it
(`sessions[3].end`) and what is wrong.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import N_, Translator
from bot.model import (
    EMPTY,
    AttendanceRules,
    Bus,
    CertificateRules,
    Contact,
    Event,
    Faq,
    Material,
    Question,
    QuestionKind,
    Release,
    Session,
    SessionKind,
    Signatory,
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


OFFSET_MISMATCH = N_("selisih UTC {offset} tidak cocok dengan zona waktu acara {zone} "
                     "({expected} pada tanggal itu): tulis jam sebagai `{example}`")
#: Indonesia's zones by offset, to suggest the `timezone` a whole file's offsets point to.
ZONES_BY_OFFSET = {"+07:00": "Asia/Jakarta (WIB)", "+08:00": "Asia/Makassar (WITA)",
                   "+09:00": "Asia/Jayapura (WIT)"}


class Term(str):
    """A word inside a message that is itself translated ("teks", "tanggal")."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake: where (`sessions[3].end`) and what, as an Indonesian msgid and its values.

    Organizers read these in their language: `text(t)` translates, `message` is Indonesian
    (the organizer guide's language, and the default of `citynet-bot validate`).
    """

    place: str
    msgid: str
    args: tuple[tuple[str, object], ...] = ()

    def text(self, t: Translator | None = None) -> str:
        def tr(value: str) -> str:
            return t.gettext(value) if t is not None else value

        values = {k: tr(v) if isinstance(v, Term) else v for k, v in self.args}
        return tr(self.msgid).format(**values)

    @property
    def message(self) -> str:
        return self.text()


def problem(where: str, msgid: str, /, **args: object) -> Problem:
    return Problem(where, msgid, tuple(args.items()))


class EventDataError(Exception):
    """The data file cannot be used; `problems` says everything that is wrong."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(self.describe())

    def describe(self, t: Translator | None = None) -> str:
        """Every problem, one a line, naming file and place; Indonesian unless `t` says."""
        heading = N_("{path}: {n} masalah")
        lines = [(t.gettext(heading) if t else heading).format(path=self.path,
                                                                 n=len(self.problems))]
        lines += [f"  {self.path}: {p.place}: {p.text(t)}" for p in self.problems]
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
            self.problem("", N_("harus berupa tabel, bukan {got}"), got=_toml_type(table))

    def at(self, key: str) -> str:
        return f"{self.place}.{key}" if key else self.place

    def problem(self, key: str, msgid: str, /, **args: object) -> None:
        self.problems.append(problem(self.at(key), msgid, **args))

    def _get(self, key: str, kind: type | tuple[type, ...], required: bool, name: Term) -> Any:
        self.seen.add(key)
        if key not in self.table:
            if required:
                self.problem(key, N_("tidak ada (wajib diisi)"))
            return None
        value = self.table[key]
        # bool is an int subclass: a `true` where a number belongs is a mistake.
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            self.problem(key, N_("harus {expected}, bukan {got}"), expected=name,
                         got=_toml_type(value))
            return None
        if not isinstance(value, kind):
            self.problem(key, N_("harus {expected}, bukan {got}"), expected=name,
                         got=_toml_type(value))
            return None
        return value

    def string(self, key: str, required: bool = True) -> str:
        value = self._get(key, str, required, Term(N_("teks")))
        if value is not None and required and not value.strip():
            self.problem(key, N_("tidak boleh kosong"))
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
            self.problem(f"{key}_en", N_("berisi {n} butir, padahal {field} berisi {m}"),
                         n=len(en), field=key, m=len(base))
            en = []
        return tuple(Text(b, en[i] if en else None) for i, b in enumerate(base))

    def str_list(self, key: str, required: bool = True) -> list[str]:
        value = self._get(key, list, required, Term(N_("daftar teks")))
        if value is None:
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problem(f"{key}[{i}]", N_("harus {expected}, bukan {got}"),
                             expected=Term(N_("teks")), got=_toml_type(item))
        return out

    def integer(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, int, required, Term(N_("bilangan bulat")))
        if value is not None and value < 0:
            self.problem(key, N_("tidak boleh negatif"))
            return None
        return value

    def number(self, key: str) -> float:
        value = self._get(key, (int, float), True, Term(N_("angka")))
        return float(value) if value is not None else 0.0

    def day(self, key: str) -> date | None:
        self.seen.add(key)
        value = self.table.get(key)
        if isinstance(value, datetime):
            self.problem(key, N_("harus {expected}, bukan {got}"),
                         expected=Term(N_("tanggal seperti 2019-10-16")),
                         got=Term(N_("tanggal dan jam")))
            return None
        return self._get(key, date, True, Term(N_("tanggal seperti 2019-10-16")))

    def moment(
        self, key: str, required: bool = True, tz: ZoneInfo | None = None,
        day: date | None = None,
    ) -> datetime | None:
        """An offset date-time; with the event's zone `tz`, its offset must be that zone's."""
        value = self.table.get(key)
        if isinstance(value, time | date) and not isinstance(value, datetime):
            # `start = 08:00:00` or `start = 2019-10-16`: say what to write instead.
            self.seen.add(key)
            self.problem(key, N_("harus tanggal dan jam dengan selisih UTC: tulis jam sebagai "
                                 "`{example}`"), example=example_moment(value, tz, day))
            return None
        value = self._get(key, datetime, required,
                          Term(N_("tanggal dan jam seperti 2019-10-16T09:30:00+08:00")))
        if value is None:
            return None
        if value.tzinfo is None:
            self.problem(key, N_("jam tanpa selisih UTC: tulis jam sebagai `{example}`"),
                         example=example_moment(value, tz))
            return None
        if tz is not None:
            expected = value.replace(tzinfo=None).replace(tzinfo=tz).utcoffset()
            if value.utcoffset() != expected:
                # +07:00 in a WITA event: shown an hour off, silently. Name the zone's
                # offset on that date (it can differ across a DST change elsewhere).
                self.problem(
                    key,
                    OFFSET_MISMATCH,
                    offset=_offset(value.utcoffset()), zone=str(tz),
                    expected=_offset(expected), example=example_moment(value, tz),
                )
                return None
        return value

    def finish(self) -> None:
        """Report keys nobody read: almost always a typo ("strat" for "start")."""
        for key in self.table:
            if key not in self.seen:
                close = difflib.get_close_matches(key, self.seen, n=1)
                if key.endswith("_en") and key.removesuffix("_en") in self.seen:
                    # `phone_en`, `id_en`: a value that is the same in every language.
                    self.problem(key, N_("{field} tidak punya versi bahasa Inggris; hapus "
                                         "baris ini"), field=key.removesuffix("_en"))
                elif close:
                    self.problem(key, N_("kolom tidak dikenal (maksudnya {name}?)"),
                                 name=repr(close[0]))
                else:
                    self.problem(key, N_("kolom tidak dikenal"))

    def ident(self, key: str = "id") -> str:
        value = self.string(key)
        if value and not ID_PATTERN.match(value):
            self.problem(key, N_("id {value} tidak sah: pakai a-z, 0-9 dan '-', paling banyak 24 "
                                 "karakter"), value=repr(value))
        return value


def _toml_type(value: Any) -> str:
    # TRANSLATORS: kinds of values in a data file, as in "harus {expected}, bukan {got}"
    # ("expected a string, got an integer"); "jam" is a time of day.
    names = {str: N_("teks"), int: N_("bilangan bulat"), float: N_("angka"),
             bool: N_("nilai benar/salah")}
    for kind, name in names.items():
        if type(value) is kind:
            return Term(name)
    if isinstance(value, datetime):
        return Term(N_("tanggal dan jam"))
    if isinstance(value, date):
        return Term(N_("tanggal"))
    if isinstance(value, time):
        return Term(N_("jam"))
    if isinstance(value, list):
        return Term(N_("daftar"))
    if isinstance(value, dict):
        return Term(N_("tabel"))
    return type(value).__name__


def _offset(delta: timedelta | None) -> str:
    """'+08:00'."""
    minutes = round((delta or timedelta(0)).total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def example_moment(value: datetime | date | time | None, tz: ZoneInfo | None,
                   day: date | None = None) -> str:
    """How to write `value` as the file wants it: '2019-10-16T08:00:00+08:00'."""
    when_day = day or date(2019, 10, 16)
    clock = time(8, 0)
    if isinstance(value, datetime):
        when_day, clock = value.date(), value.time().replace(tzinfo=None)
    elif isinstance(value, date):
        when_day = value
    elif isinstance(value, time):
        clock = value.replace(tzinfo=None)
    naive = datetime.combine(when_day, clock)
    zone = tz or ZoneInfo("Asia/Makassar")
    return naive.replace(tzinfo=zone).isoformat()


def _items(parent: _Reader, key: str) -> list[_Reader]:
    """Readers for the [[key]] tables in `parent` (places like "tour.stops[2]")."""
    parent.seen.add(key)
    name = f"{parent.place}.{key}" if parent.place else key
    value = parent.table.get(key, [])
    if not isinstance(value, list):
        parent.problem(key, N_("harus tabel [[{name}]], bukan {got}"), name=name,
                       got=_toml_type(value))
        return []
    return [_Reader(parent.problems, f"{name}[{i}]", item) for i, item in enumerate(value)]


def _phone(r: _Reader, key: str) -> str:
    phone = r.string(key)
    if phone and not PHONE_PATTERN.fullmatch(phone):
        r.problem(key, N_("bukan nomor telepon: {value}"), value=repr(phone))
    return phone


def _check_unique(readers: list[_Reader], ids: list[str]) -> None:
    seen: dict[str, str] = {}
    for reader, ident in zip(readers, ids, strict=True):
        if not ident:
            continue
        if ident in seen:
            reader.problem("id", N_("id {value} dipakai dua kali (pertama di {place})"),
                           value=repr(ident), place=seen[ident])
        else:
            seen[ident] = reader.place


def parse_event(raw: dict[str, Any], path: Path) -> Event:
    """Build an Event from parsed TOML, or raise EventDataError listing every problem."""
    problems: list[Problem] = []
    root = _Reader(problems, "", raw)
    ev = _Reader(problems, "event", raw.get("event"))
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
    venue_readers = _items(root, "venues")
    venue_ids = [r.ident() for r in venue_readers]
    _check_unique(venue_readers, venue_ids)
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
            organization_en=r.twin("organization"),
        )
        r.finish()
        speakers.setdefault(sid, speaker)

    sessions: list[Session] = []
    session_readers = _items(root, "sessions")
    session_ids = [r.ident() for r in session_readers]
    _check_unique(session_readers, session_ids)
    if not session_readers:
        root.problem("sessions", N_("tidak ada [[sessions]]: jadwal kosong"))
    for r, sid in zip(session_readers, session_ids, strict=True):
        session = _session(r, sid, venues, speakers, tz, start_date, end_date)
        materials = _materials(r, path.parent)
        r.finish()
        if session:
            sessions.append(replace(session, materials=materials))

    contacts: list[Contact] = []
    contact_readers = _items(root, "contacts")
    contact_ids = [r.ident() for r in contact_readers]
    _check_unique(contact_readers, contact_ids)
    for r, cid in zip(contact_readers, contact_ids, strict=True):
        region = r.string("region", required=False)
        if region and region not in regions:
            r.problem("region", N_("daerah {value} tidak dikenal: tambahkan ke event.regions"),
                      value=repr(region))
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
                instansi_en=r.twin("instansi"),
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
            r.problem("keywords", N_("tulis paling sedikit satu kata yang dipakai peserta untuk "
                                     "menanyakannya"))
        faqs.append(Faq(fid, r.text("question"), r.text("answer"), keywords))
        r.finish()

    tour = None
    if "tour" in raw:
        tour = _tour(_Reader(problems, "tour", raw["tour"]), venues, sessions, tz,
                     set(session_ids))

    attendance = AttendanceRules()
    if "attendance" in raw:
        attendance = _attendance(_Reader(problems, "attendance", raw["attendance"]))
    evaluation: tuple[Question, ...] = ()
    if "evaluation" in raw:
        evaluation = _evaluation(_Reader(problems, "evaluation", raw["evaluation"]))
    certificate = None
    if "certificate" in raw:
        # From what the file says, not from the sessions that parsed: one bad time must not
        # also report "no plenary session".
        plenary = any(r.table.get("kind") == SessionKind.PLENARY.value for r in session_readers)
        certificate = _certificate(_Reader(problems, "certificate", raw["certificate"]),
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


#: A clock time in prose ("pukul 07.30", "08:00"); not "1.000" nor a date like "16.10.2019".
CLOCK_TIME = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:])")


def _no_times_in_prose(r: _Reader, key: str, text: Text) -> None:
    """A session's times live in start/end/gather, which the bot shows (moved by /ubah,
    shifted in a rehearsal); a time restated in its prose would contradict them."""
    for suffix, value in (("", text.id), ("_en", text.en or "")):
        found = CLOCK_TIME.search(value)
        if found:
            r.problem(key + suffix, N_("menyebut jam {value}: jam hanya di start/end/gather, "
                                       "yang ditampilkan bot; hapus jam ini"),
                      value=repr(found.group()))


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
    start = r.moment("start", tz=tz, day=first_day)
    end = r.moment("end", tz=tz, day=first_day)
    gather = r.moment("gather", required=False, tz=tz, day=first_day)
    venue_id = r.string("venue")
    if venue_id and venue_id not in venues:
        r.problem("venue", N_("id tempat {value} tidak dikenal"), value=repr(venue_id))
    speaker_ids = r.str_list("speakers", required=False)
    for i, spk in enumerate(speaker_ids):
        if spk not in speakers:
            r.problem(f"speakers[{i}]", N_("id pembicara {value} tidak dikenal"), value=repr(spk))
    # Read every field before deciding, so one bad value does not leave the rest unread
    # (and reported as unknown fields).
    description = r.text("description", required=False)
    tags = tuple(r.str_list("tags", required=False))
    _no_times_in_prose(r, "description", description)
    kind_name = r.string("kind", required=False) or SessionKind.SESSION.value
    try:
        kind = SessionKind(kind_name)
    except ValueError:
        allowed = ", ".join(k.value for k in SessionKind)
        r.problem("kind", N_("jenis {value} tidak dikenal (salah satu dari: {allowed})"),
                  value=repr(kind_name), allowed=allowed)
        kind = SessionKind.SESSION
    capacity = r.integer("capacity", required=False)
    if capacity == 0:
        r.problem("capacity", N_("paling sedikit 1 (hapus baris ini bila tanpa batas)"))
    if start and end:
        if end <= start:
            r.problem("end", N_("selesai {end} tidak sesudah mulai {start}"),
                      end=end.isoformat(), start=start.isoformat())
        elif end - start > timedelta(hours=24):
            r.problem("end", N_("sesi lebih dari 24 jam: tanggalnya sudah benar?"))
    if start and gather and gather > start:
        r.problem("gather", N_("waktu kumpul sesudah waktu mulai"))
    if start and tz and first_day and last_day:
        local_day = start.astimezone(tz).date()
        if not first_day <= local_day <= last_day:
            r.problem("start", N_("{day} di luar hari acara {first}..{last}"), day=local_day,
                      first=first_day, last=last_day)
    if end and tz and first_day and last_day:
        # Ending exactly at midnight after the last day is still inside the event.
        local_end = (end - timedelta(microseconds=1)).astimezone(tz).date()
        if not first_day <= local_end <= last_day:
            r.problem("end", N_("{day} di luar hari acara {first}..{last}"), day=local_end,
                      first=first_day, last=last_day)
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
        description=description,
        capacity=capacity,
        gather=gather.astimezone(tz) if gather and tz else gather,
        tags=tags,
    )


def _tour(
    r: _Reader, venues: dict[str, Venue], sessions: list[Session], tz: ZoneInfo | None,
    declared: set[str],
) -> Tour | None:
    """`declared`: every session id in the file, including sessions with a bad value (their
    own problem is reported; the tour naming them is not a second one)."""
    session_id = r.string("session")
    session = next((s for s in sessions if s.id == session_id), None)
    if session_id and session is None and session_id not in declared:
        r.problem("session", N_("id sesi {value} tidak dikenal"), value=repr(session_id))
    elif session is not None and session.kind is not SessionKind.TOUR:
        r.problem("session", N_("sesi {value} berjenis {kind}, bukan 'tour'"),
                  value=repr(session_id), kind=repr(session.kind.value))
    meeting, back = r.string("meeting_point"), r.string("return_point")
    for key, venue_id in (("meeting_point", meeting), ("return_point", back)):
        if venue_id and venue_id not in venues:
            r.problem(key, N_("id tempat {value} tidak dikenal"), value=repr(venue_id))
    if session is not None and meeting and session.venue_id != meeting:
        r.problem("meeting_point", N_("berbeda dengan tempat sesi tur {value}"),
                  value=repr(session.venue_id))
    radius = r.integer("checkin_radius_m") or 0
    if not 10 <= radius <= 5000:
        r.problem("checkin_radius_m", N_("{n} m: harus 10 sampai 5000"), n=radius)
    bring = r.texts("bring") if "bring" in r.table else ()
    stops: list[TourStop] = []
    for s in _items(r, "stops"):
        moment = s.moment("time", tz=tz)
        lat, lon = s.number("lat"), s.number("lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            s.problem("lat", N_("koordinat di luar jangkauan"))
        if moment and session and not session.start <= moment <= session.end:
            s.problem("time", N_("{time} di luar waktu tur {start}..{end}"),
                      time=moment.isoformat(), start=session.start.isoformat(),
                      end=session.end.isoformat())
        if moment and stops and moment < stops[-1].time:
            s.problem("time", N_("perhentian harus urut waktu"))
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
            b.problem("capacity", N_("paling sedikit 1"))
        phone = _phone(b, "leader_phone")
        buses.append(Bus(bus_id, b.string("name"), capacity, b.string("leader"), phone))
        b.finish()
    if not buses:
        r.problem("buses", N_("tidak ada [[tour.buses]]: tambahkan paling sedikit satu bus"))
    seats = sum(bus.capacity for bus in buses)
    if session is not None and session.capacity and seats < session.capacity:
        r.problem("buses", N_("{seats} kursi bus untuk kapasitas tur {capacity}"), seats=seats,
                  capacity=session.capacity)
    r.finish()
    if not r.ok or session is None:
        return None
    return Tour(session_id, meeting, back, radius, bring, tuple(stops), tuple(buses))


def _materials(parent: _Reader, folder: Path) -> tuple[Material, ...]:
    """`[[sessions.materials]]`: a link (https) or a file beside the data file."""
    out = []
    for m in _items(parent, "materials"):
        title = m.text("title")
        url, file = m.string("url", required=False), m.string("file", required=False)
        release = m.string("release", required=False) or Release.END.value
        restricted = m._get("terbatas", bool, False, Term(N_("true atau false")))
        if bool(url) == bool(file):
            m.problem("", N_("isi url atau file, salah satu saja"))
        if url and not url.startswith("https://"):
            m.problem("url", N_("{value}: harus tautan https://"), value=repr(url))
        full = ""
        if file:
            target = (folder / file).resolve()
            if not target.is_relative_to(folder.resolve()):
                m.problem("file", N_("{value}: harus di dalam {folder}"), value=repr(file),
                          folder=str(folder))
            elif not target.is_file():
                m.problem("file", N_("{value}: tidak ada berkas itu di samping berkas data"),
                          value=repr(file))
            elif target.stat().st_size > 50 * 1024 * 1024:
                m.problem("file", N_("{value}: lebih dari 50 MB, batas Telegram untuk bot"),
                          value=repr(file))
            full = str(target)
        if release not in {r.value for r in Release}:
            m.problem("release", N_("{value}: harus 'start' atau 'end'"), value=repr(release))
            release = Release.END.value
        m.finish()
        out.append(Material(title, url, full, Release(release), bool(restricted)))
    return tuple(out)


def _attendance(r: _Reader) -> AttendanceRules:
    defaults = AttendanceRules()
    grace = r.integer("grace_minutes", required=False)
    period = r.integer("code_minutes", required=False)
    checkin = r._get("session_checkin", bool, False, Term(N_("true atau false")))
    if grace is not None and grace > 240:
        r.problem("grace_minutes", N_("{value}: harus 0 sampai 240 menit setelah sesi selesai"),
                  value=grace)
    if period is not None and not 1 <= period <= 60:
        r.problem("code_minutes", N_("{value}: harus 1 sampai 60 menit"), value=period)
    r.finish()
    return AttendanceRules(
        grace=timedelta(minutes=grace) if grace is not None else defaults.grace,
        code_period=timedelta(minutes=period) if period else defaults.code_period,
        session_checkin=defaults.session_checkin if checkin is None else bool(checkin),
    )


def _evaluation(r: _Reader) -> tuple[Question, ...]:
    questions: list[Question] = []
    readers = _items(r, "questions")
    ids = [q.ident() for q in readers]
    _check_unique(readers, ids)
    for q, qid in zip(readers, ids, strict=True):
        text = q.text("text")
        kind_name = q.string("kind", required=False) or QuestionKind.SCALE.value
        if kind_name not in {k.value for k in QuestionKind}:
            q.problem("kind", N_("{value}: harus scale, choice atau text"), value=repr(kind_name))
            kind_name = QuestionKind.SCALE.value
        kind = QuestionKind(kind_name)
        choices: tuple[Text, ...] = ()
        if kind is QuestionKind.CHOICE:
            choices = q.texts("choices")
            if not 2 <= len(choices) <= 8:
                q.problem("choices", N_("{n} pilihan: harus 2 sampai 8"), n=len(choices))
        q.finish()
        questions.append(Question(qid, text, kind, choices))
    if not questions:
        r.problem("questions", N_("tambahkan paling sedikit satu [[evaluation.questions]]"))
    elif len(questions) > 20:
        r.problem("questions", N_("{n} pertanyaan: paling banyak 20"), n=len(questions))
    r.finish()
    return tuple(questions)


def _certificate(r: _Reader, *, has_plenary: bool) -> CertificateRules | None:
    all_days = r._get("all_days", bool, False, Term(N_("true atau false")))
    percent = r.integer("min_plenary_percent", required=False)
    if percent is not None and not 1 <= percent <= 100:
        r.problem("min_plenary_percent", N_("{value}: harus 1 sampai 100"), value=percent)
    if not all_days and percent is None:
        r.problem("", N_("tidak ada aturan: isi all_days = true dan/atau min_plenary_percent"))
    if percent is not None and not has_plenary:
        r.problem("min_plenary_percent", N_("jadwal tidak punya sesi berjenis 'plenary'"))
    title, statement = r.text("title"), r.text("statement")
    signatories: list[Signatory] = []
    for s in _items(r, "signatories"):
        signatories.append(Signatory(s.string("name"), s.text("position")))
        s.finish()
    if not signatories:
        r.problem("signatories", N_("tambahkan paling sedikit satu [[certificate.signatories]]"))
    elif len(signatories) > 3:
        r.problem("signatories", N_("{n}: paling banyak 3 muat di sertifikat"),
                  n=len(signatories))
    r.finish()
    if not r.ok:
        return None
    return CertificateRules(title, statement, tuple(signatories), bool(all_days), percent)


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
