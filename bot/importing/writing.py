"""Writing the event file: the imported rows as `[[sessions]]`, with placeholder venues and
speakers for names the event does not know yet (tomlkit keeps the file's comments)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import tomlkit
from tomlkit.items import AoT, Table

from bot.importing.reading import BREAK_WORDS, PLACEHOLDER, Programme, Row
from bot.loader import ID_PATTERN
from bot.model import SessionKind

NEW_VENUE_ADDRESS = "(alamat belum diisi)"
NEW_SPEAKER_POSITION = "(jabatan belum diisi)"

@dataclass(frozen=True, slots=True)
class Result:
    """The new file's text and what the import created for the organizer to complete."""

    text: str
    sessions: int
    new_venues: tuple[str, ...]
    new_speakers: tuple[str, ...]


def slug(text: str, taken: set[str]) -> str:
    """A valid, unused id from a title or name ("Rehat Kopi" -> "rehat-kopi")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    base = words[:24]
    if len(words) > 24 and "-" in base:  # whole words: "paparan-rencana-smart", not "…-ci"
        base = base.rsplit("-", 1)[0]
    base = base.strip("-") or "sesi"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = base[: 24 - len(suffix)].rstrip("-") + suffix
        n += 1
    taken.add(candidate)
    return candidate


def _index(tables: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Lowercase id, name and aliases -> id, to match what a spreadsheet calls things."""
    out: dict[str, str] = {}
    for table in tables:
        ident = str(table.get("id", ""))
        for name in (ident, table.get("name", ""), table.get("name_en", ""),
                     *table.get("aliases", [])):
            if name:
                out.setdefault(str(name).strip().lower(), ident)
    return out


class _Names:
    """Venue and speaker ids by name: the file's own, and new placeholder tables for names
    it does not have yet."""

    def __init__(self, existing: dict[str, Any]) -> None:
        self.venues = _index(existing.get("venues", []))
        self.speakers = _index(existing.get("speakers", []))
        self.venue_ids = set(self.venues.values())
        self.speaker_ids = set(self.speakers.values())
        self.main_venue = str(existing.get("event", {}).get("main_venue", ""))
        self.new_venues: list[Table] = []
        self.new_speakers: list[Table] = []

    def venue_for(self, name: str) -> str:
        if not name:
            if self.main_venue:
                return self.main_venue
            name = PLACEHOLDER
        key = name.strip().lower()
        if key not in self.venues:
            ident = slug(name, self.venue_ids)
            self.venues[key] = ident
            table = tomlkit.table()
            table.add(tomlkit.comment("BARU dari impor: lengkapi alamat, lat dan lon"))
            table.update({"id": ident, "name": name, "address": NEW_VENUE_ADDRESS,
                          "lat": 0.0, "lon": 0.0})
            self.new_venues.append(table)
        return self.venues[key]

    def speaker_for(self, name: str) -> str:
        key = name.strip().lower()
        if key not in self.speakers:
            ident = slug(name, self.speaker_ids)
            self.speakers[key] = ident
            table = tomlkit.table()
            table.add(tomlkit.comment("BARU dari impor: lengkapi jabatan (position)"))
            table.update({"id": ident, "name": name, "position": NEW_SPEAKER_POSITION})
            self.new_speakers.append(table)
        return self.speakers[key]


def build(programme: Programme, into_text: str | None, tz_name: str) -> Result:
    """The event file with the imported sessions: `into_text` with its sessions replaced,
    or a new file with placeholders for the event's own details."""
    doc = tomlkit.parse(into_text) if into_text is not None else _skeleton(programme, tz_name)
    existing = tomllib.loads(into_text) if into_text is not None else {}
    tz = ZoneInfo(str(doc["event"]["timezone"]))
    names = _Names(existing)
    # A row that names an existing session (by id, else by its exact title) keeps that id,
    # so RSVPs and reminders stay attached and the report says "moved", not "new" and
    # "cancelled"; what a spreadsheet does not carry (English texts, tags) is kept too.
    old_sessions = {str(s.get("id")): s for s in existing.get("sessions", [])}
    by_title: dict[str, list[str]] = {}  # two lunch breaks share a title: first come, first
    for ident_, old in old_sessions.items():
        by_title.setdefault(str(old.get("title", "")).strip().lower(), []).append(ident_)
    session_ids: set[str] = set()
    sessions = tomlkit.aot()
    for row in sorted(programme.rows, key=lambda r: (r.start, r.end)):
        wanted = row.id if row.id and ID_PATTERN.match(row.id) else ""
        if not wanted:
            same = [i for i in by_title.get(row.title.strip().lower(), [])
                    if i not in session_ids]
            wanted = same[0] if same else ""
        if wanted and wanted not in session_ids:
            ident = wanted
            session_ids.add(ident)
        else:
            ident = slug(row.title, session_ids)
        sessions.append(_session_table(row, ident, old_sessions.get(ident, {}), tz, names))

    if names.new_venues:
        _append(doc, "venues", names.new_venues)
        if not names.main_venue:
            doc["event"]["main_venue"] = str(names.new_venues[0]["id"])
    if names.new_speakers:
        _append(doc, "speakers", names.new_speakers)
    doc["sessions"] = sessions
    if into_text is None:
        days = sorted({r.start.astimezone(tz).date() for r in programme.rows})
        doc["event"]["start_date"] = days[0]
        doc["event"]["end_date"] = days[-1]
    return Result(tomlkit.dumps(doc), len(sessions),
                  tuple(str(t["name"]) for t in names.new_venues),
                  tuple(str(t["name"]) for t in names.new_speakers))


def _session_table(row: Row, ident: str, old: dict[str, Any], tz: ZoneInfo,
                   names: _Names) -> Table:
    """One [[sessions]] table: the row's values, and the old session's where it has none."""
    kind = row.kind or (SessionKind.BREAK if BREAK_WORDS.search(row.title)
                        else SessionKind.SESSION)
    table = tomlkit.table()
    table["id"] = ident
    table["title"] = row.title
    if row.title_en or old.get("title_en"):
        table["title_en"] = row.title_en or old["title_en"]
    table["start"] = row.start.astimezone(tz)
    table["end"] = row.end.astimezone(tz)
    table["venue"] = names.venue_for(row.venue)
    table["kind"] = kind.value
    if row.speakers:
        table["speakers"] = [names.speaker_for(name) for name in row.speakers]
    for key, value in (("description", row.description),
                       ("description_en", row.description_en)):
        if value or old.get(key):
            table[key] = value or old[key]
    if row.capacity or old.get("capacity"):
        table["capacity"] = row.capacity or old["capacity"]
    if old.get("tags"):
        table["tags"] = old["tags"]
    return table


def _append(doc: tomlkit.TOMLDocument, key: str, tables: list[Table]) -> None:
    current = doc.get(key)
    if isinstance(current, AoT):
        for table in tables:
            current.append(table)
    else:
        doc[key] = tomlkit.aot()
        for table in tables:
            doc[key].append(table)


def _skeleton(programme: Programme, tz_name: str) -> tomlkit.TOMLDocument:
    """A new event file: the event's own details are placeholders for the organizer."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment("Dibuat oleh `citynet-bot import`. Isi setiap \"(belum diisi)\" dan"))
    doc.add(tomlkit.comment("periksa yang bertanda BARU; format: docs/data-format.md."))
    doc.add(tomlkit.nl())
    event = tomlkit.table()
    event.add(tomlkit.comment("PERIKSA: nama, tema, tuan rumah, kota, peserta dan tujuan acara"))
    name = programme.name or PLACEHOLDER
    event.update({
        "id": slug(name if programme.name else "acara", set()),
        "name": name,
        "theme": PLACEHOLDER,
        "host": PLACEHOLDER,
        "city": PLACEHOLDER,
        "timezone": tz_name,
        "start_date": date.today(),
        "end_date": date.today(),
        "participant_groups": [],
        "goals": [],
        "about": PLACEHOLDER,
        "main_venue": "",
    })
    event.add(tomlkit.nl())
    doc["event"] = event
    return doc
