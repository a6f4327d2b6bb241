"""Reading a programme: spreadsheet rows (CSV, XLSX) or a pretalx/frab schedule, as `Row`s;
every unreadable cell is a problem, all reported together."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import N_
from bot.loader import Problem, problem
from bot.model import SessionKind

#: Column names as organizers write them (Indonesian or English), after `_header()`.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "date": ("tanggal", "date", "hari tanggal", "tgl"),
    "start": ("mulai", "start", "jam mulai", "waktu mulai", "start time", "dari"),
    "end": ("selesai", "end", "jam selesai", "waktu selesai", "end time", "sampai", "akhir"),
    "title": ("judul", "title", "acara", "kegiatan", "nama sesi", "sesi", "session"),
    "title_en": ("judul en", "title en", "judul inggris", "english title"),
    "speakers": ("pembicara", "speakers", "speaker", "narasumber", "pemateri"),
    "venue": ("tempat", "venue", "lokasi", "ruang", "room", "location"),
    "description": ("keterangan", "description", "deskripsi", "uraian"),
    "description_en": ("keterangan en", "description en", "deskripsi en"),
    "kind": ("jenis", "kind", "type", "tipe"),
    "capacity": ("kapasitas", "capacity", "kuota"),
    "id": ("id", "kode", "code"),
}
REQUIRED = ("date", "start", "end", "title")
#: Words for a session's kind in a spreadsheet; SessionKind values are accepted as they are.
KIND_WORDS: Mapping[str, SessionKind] = {
    "registrasi": SessionKind.REGISTRATION, "pendaftaran": SessionKind.REGISTRATION,
    "daftar ulang": SessionKind.REGISTRATION,
    "pembukaan": SessionKind.CEREMONY, "penutupan": SessionKind.CEREMONY,
    "upacara": SessionKind.CEREMONY, "seremoni": SessionKind.CEREMONY,
    "pleno": SessionKind.PLENARY, "keynote": SessionKind.PLENARY, "utama": SessionKind.PLENARY,
    "sesi": SessionKind.SESSION, "diskusi": SessionKind.SESSION, "panel": SessionKind.SESSION,
    "talk": SessionKind.SESSION, "workshop": SessionKind.SESSION, "lokakarya": SessionKind.SESSION,
    "istirahat": SessionKind.BREAK, "rehat": SessionKind.BREAK, "ishoma": SessionKind.BREAK,
    "makan siang": SessionKind.BREAK, "pause": SessionKind.BREAK, "lunch": SessionKind.BREAK,
    "coffee break": SessionKind.BREAK, "rehat kopi": SessionKind.BREAK,
    "pers": SessionKind.PRESS, "jumpa pers": SessionKind.PRESS,
    "konferensi pers": SessionKind.PRESS,
    "tur": SessionKind.TOUR, "city tour": SessionKind.TOUR, "kunjungan": SessionKind.TOUR,
}
#: Title words that make an untyped row a break (frab exports breaks as ordinary events).
BREAK_WORDS = re.compile(
    r"\b(istirahat|rehat|ishoma|coffee ?break|break|lunch|pause|makan siang)\b", re.IGNORECASE
)
#: What an empty cell (a title, a new venue, the event's own details) becomes.
PLACEHOLDER = "(belum diisi)"
DEFAULT_TIMEZONE = "Asia/Makassar"


class ProgrammeError(Exception):
    """The input cannot be turned into sessions; `problems` says where and why."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {p.place}: {p.message}" for p in problems))


@dataclass(slots=True)
class Row:
    """One programme item as read, before venues and speakers are matched."""

    place: str  # "baris 3" or "days[0].rooms.Aula[2]", for messages
    start: datetime
    end: datetime
    title: str
    venue: str = ""
    speakers: list[str] = field(default_factory=list)
    description: str = ""
    title_en: str = ""
    description_en: str = ""
    kind: SessionKind | None = None
    capacity: int | None = None
    id: str = ""


@dataclass(slots=True)
class Programme:
    """What an input file says: its items, and what it knows about the event (frab does)."""

    rows: list[Row]
    name: str = ""
    timezone: str = ""


def _header(name: object) -> str:
    text = str(name or "").strip().lower().replace("_", " ")
    return re.sub(r"[^a-z0-9 ]+", " ", text).strip()


def _columns(headers: Sequence[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, raw in enumerate(headers):
        name = re.sub(r"\s+", " ", _header(raw))
        for key, names in COLUMNS.items():
            if name in names and key not in found:
                found[key] = index
    return found


MONTHS = {
    name: number
    for number, names in enumerate(
        [("januari", "january", "jan"), ("februari", "february", "feb", "pebruari"),
         ("maret", "march", "mar"), ("april", "apr"), ("mei", "may"),
         ("juni", "june", "jun"), ("juli", "july", "jul"),
         ("agustus", "august", "agu", "aug", "agt"), ("september", "sep", "sept"),
         ("oktober", "october", "okt", "oct"), ("november", "nov", "nopember"),
         ("desember", "december", "des", "dec")],
        start=1,
    )
    for name in names
}


def _cell_date(value: object) -> date | None:
    """2019-10-16, 16/10/2019, 16-10-2019, a spreadsheet date, or "Rabu, 16 Oktober 2019"."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    # Written out, as on printed programmes; a weekday in front is ignored.
    match = re.search(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$", text)
    if match and match.group(2).lower() in MONTHS:
        try:
            return date(int(match.group(3)), MONTHS[match.group(2).lower()],
                        int(match.group(1)))
        except ValueError:
            return None
    return None


def _cell_time(value: object) -> time | None:
    """08.30, 08:30, 8:30:00, a spreadsheet time, or a fraction of a day (0.354…)."""
    if isinstance(value, datetime):
        return value.time().replace(tzinfo=None)
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?", str(value or "").strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def _kind(value: str) -> SessionKind | None:
    word = value.strip().lower()
    if word in {k.value for k in SessionKind}:
        return SessionKind(word)
    return KIND_WORDS.get(word)


def read_table(path: Path) -> list[list[object]]:
    """The rows of a CSV (comma or semicolon, as Excel writes it in Indonesia) or XLSX."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook  # only for spreadsheets: it is slow to import

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    text = path.read_text(encoding="utf-8-sig")
    # The header line decides: csv.Sniffer guesses wrong on short files with times ("08.30").
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=header.count)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def rows_from_table(table: list[list[object]], tz: ZoneInfo, path: Path) -> list[Row]:
    """Sessions from spreadsheet rows; every unreadable cell is a problem, all reported."""
    problems: list[Problem] = []
    header_at = next((i for i, row in enumerate(table) if any(c not in (None, "") for c in row)),
                     None)
    if header_at is None:
        raise ProgrammeError(path, [problem("(file)", N_("berkas kosong"))])
    columns = _columns(table[header_at])
    missing = [key for key in REQUIRED if key not in columns]
    if missing:
        raise ProgrammeError(path, [problem(
            f"baris {header_at + 1}",
            N_("kolom {columns} tidak ada; judul kolom yang dikenal: tanggal/date, "
               "mulai/start, selesai/end, judul/title, pembicara/speakers, tempat/venue, "
               "keterangan/description, jenis/kind, kapasitas/capacity, id"),
            columns=", ".join(f"{COLUMNS[key][0]}/{COLUMNS[key][1]}" for key in missing))])
    rows: list[Row] = []
    for number, cells in enumerate(table[header_at + 1 :], start=header_at + 2):
        if not any(c not in (None, "") for c in cells):
            continue
        row = _row(cells, columns, f"baris {number}", tz, problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise ProgrammeError(path, problems)
    if not rows:
        raise ProgrammeError(path, [problem("(file)", N_("tidak ada sesi dalam berkas"))])
    return rows


def _row(cells: list[object], columns: dict[str, int], place: str, tz: ZoneInfo,
         problems: list[Problem]) -> Row | None:
    """One spreadsheet row as a session, or None with its problems recorded."""

    def cell(key: str) -> object:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    def text(key: str) -> str:
        value = cell(key)
        return "" if value is None else str(value).strip()

    day = _cell_date(cell("date"))
    start, end = _cell_time(cell("start")), _cell_time(cell("end"))
    if day is None:
        problems.append(problem(f"{place}, tanggal", N_(
            "{value} bukan tanggal: tulis seperti 2019-10-16 atau 16/10/2019"),
            value=repr(text("date"))))
    for key, value, label in (("start", start, "mulai"), ("end", end, "selesai")):
        if value is None:
            problems.append(problem(f"{place}, {label}", N_(
                "{value} bukan jam: tulis seperti 08.30 atau 08:30"), value=repr(text(key))))
    title = text("title")
    if not title:
        problems.append(problem(f"{place}, judul", N_("judul kosong")))
    kind = None
    if text("kind"):
        kind = _kind(text("kind"))
        if kind is None:
            problems.append(problem(f"{place}, jenis", N_(
                "jenis {value} tidak dikenal (salah satu dari: {allowed})"),
                value=repr(text("kind")), allowed=", ".join(k.value for k in SessionKind)))
    capacity = None
    if text("capacity"):
        try:
            capacity = int(float(text("capacity")))
        except ValueError:
            problems.append(problem(f"{place}, kapasitas", N_(
                "{value} bukan bilangan bulat"), value=repr(text("capacity"))))
    if day is None or start is None or end is None or not title:
        return None
    begin = datetime.combine(day, start, tzinfo=tz)
    finish = datetime.combine(day, end, tzinfo=tz)
    if finish <= begin:
        problems.append(problem(f"{place}, selesai", N_(
            "selesai {end} tidak sesudah mulai {start}"), end=text("end"), start=text("start")))
        return None
    return Row(
        place=place, start=begin, end=finish, title=title, venue=text("venue"),
        speakers=[s.strip() for s in text("speakers").split(";") if s.strip()],
        description=text("description"), title_en=text("title_en"),
        description_en=text("description_en"), kind=kind, capacity=capacity,
        id=text("id").lower(),
    )


def _duration(value: object) -> timedelta | None:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", str(value or "").strip())
    if not match:
        return None
    return timedelta(hours=int(match.group(1)), minutes=int(match.group(2)))


def rows_from_frab(data: Any, path: Path) -> Programme:
    """Sessions from a pretalx/frab "JSON (frab compatible)" schedule, breaks included."""
    conference = (data.get("schedule") or {}).get("conference") if isinstance(data, dict) else None
    if not isinstance(conference, dict) or not isinstance(conference.get("days"), list):
        raise ProgrammeError(path, [problem("(file)", N_(
            "bukan jadwal JSON frab/pretalx (tidak ada schedule.conference.days)"))])
    problems: list[Problem] = []
    rows: list[Row] = []
    for d, day in enumerate(conference["days"]):
        rooms = day.get("rooms") if isinstance(day, dict) else None
        for room, talks in (rooms or {}).items():
            for i, talk in enumerate(talks if isinstance(talks, list) else []):
                place = f"days[{d}].rooms.{room}[{i}]"
                try:
                    start = datetime.fromisoformat(str(talk.get("date")))
                except ValueError:
                    start = None
                length = _duration(talk.get("duration"))
                if start is None or start.tzinfo is None or length is None:
                    problems.append(problem(place, N_(
                        "waktu tidak terbaca (date {date}, duration {duration})"),
                        date=repr(talk.get("date")), duration=repr(talk.get("duration"))))
                    continue
                title = str(talk.get("title") or "").strip()
                kind = _kind(str(talk.get("type") or ""))
                # frab has no break type of its own: a "talk" nobody gives, called "Lunch" or
                # "Coffee break", is a break.
                if kind in (None, SessionKind.SESSION) and not talk.get("persons") \
                        and BREAK_WORDS.search(title):
                    kind = SessionKind.BREAK
                persons = [str(p.get("public_name") or p.get("name") or "").strip()
                           for p in talk.get("persons") or [] if isinstance(p, dict)]
                description = str(talk.get("abstract") or talk.get("description") or "")
                rows.append(Row(
                    place=place, start=start, end=start + length, title=title or PLACEHOLDER,
                    venue=str(talk.get("room") or room), speakers=[p for p in persons if p],
                    description=description.strip(), kind=kind,
                ))
    if problems:
        raise ProgrammeError(path, problems)
    return Programme(rows, str(conference.get("title") or ""),
                     str(conference.get("time_zone_name") or ""))


def read_programme(path: Path, tz: ZoneInfo) -> Programme:
    """Any supported input: .json (frab), .csv, .xlsx."""
    try:
        if path.suffix.lower() == ".json":
            return rows_from_frab(json.loads(path.read_text(encoding="utf-8")), path)
        return Programme(rows_from_table(read_table(path), tz, path))
    except OSError as exc:
        raise ProgrammeError(path, [problem("(file)", N_("tidak dapat dibaca: {reason}"),
                                          reason=exc.strerror)]) from exc
    except (ValueError, KeyError) as exc:  # json, zip (xlsx) or csv that is not one
        raise ProgrammeError(path, [problem("(file)", N_("format tidak terbaca: {reason}"),
                                          reason=str(exc))]) from exc


def zone(name: str, path: Path) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ProgrammeError(path, [problem("--timezone", N_(
            "zona waktu {value} tidak dikenal (pakai misalnya Asia/Makassar)"),
            value=repr(name))]) from exc
