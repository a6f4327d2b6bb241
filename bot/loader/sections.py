"""The lists of a data file: [[venues]], [[speakers]], [[sessions]] (with their materials),
[[contacts]] and [[faq]]."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.i18n import N_
from bot.loader.reader import Reader, check_unique, items, phone_number
from bot.model import Contact, Faq, Material, Release, Session, SessionKind, Speaker, Text, Venue


def read_venues(root: Reader) -> dict[str, Venue]:
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
    return venues


def read_speakers(root: Reader) -> dict[str, Speaker]:
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
    return speakers


def read_sessions(
    root: Reader, venues: dict[str, Venue], speakers: dict[str, Speaker], tz: ZoneInfo | None,
    first_day: date | None, last_day: date | None, folder: Path,
) -> tuple[list[Session], list[Reader], list[str]]:
    """The sessions that parsed, and every session's reader and id (those with a bad value
    too: other sections refer to them without a second problem)."""
    sessions: list[Session] = []
    session_readers = items(root, "sessions")
    session_ids = [r.ident() for r in session_readers]
    check_unique(session_readers, session_ids)
    if not session_readers:
        root.problem("sessions", N_("tidak ada [[sessions]]: jadwal kosong"))
    for r, sid in zip(session_readers, session_ids, strict=True):
        session = read_session(r, sid, venues, speakers, tz, first_day, last_day)
        materials = read_materials(r, folder)
        r.finish()
        if session:
            sessions.append(replace(session, materials=materials))
    return sessions, session_readers, session_ids


def read_contacts(root: Reader, regions: list[str]) -> list[Contact]:
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
    return contacts


def read_faq(root: Reader) -> list[Faq]:
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
    return faqs


CLOCK_TIME = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:])")


def _no_times_in_prose(r: Reader, key: str, text: Text) -> None:
    """A session's times live in start/end/gather, which the bot shows (moved by /ubah,
    shifted in a rehearsal); a time restated in its prose would contradict them."""
    for suffix, value in (("", text.id), ("_en", text.en or "")):
        found = CLOCK_TIME.search(value)
        if found:
            r.problem(key + suffix, N_("menyebut jam {value}: jam hanya di start/end/gather, "
                                       "yang ditampilkan bot; hapus jam ini"),
                      value=repr(found.group()))


def read_session(
    r: Reader,
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
    _check_times(r, start, end, gather, tz, first_day, last_day)
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



def _check_times(
    r: Reader, start: datetime | None, end: datetime | None, gather: datetime | None,
    tz: ZoneInfo | None, first_day: date | None, last_day: date | None,
) -> None:
    """A session's times in order, and within the event's days."""
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


def read_materials(parent: Reader, folder: Path) -> tuple[Material, ...]:
    """`[[sessions.materials]]`: a link (https) or a file beside the data file."""
    out = []
    for m in items(parent, "materials"):
        title = m.text("title")
        url, file = m.string("url", required=False), m.string("file", required=False)
        release = m.string("release", required=False) or Release.END.value
        restricted = m.flag("terbatas")
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
