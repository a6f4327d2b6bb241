"""`citynet-bot import`: CSV, XLSX and frab JSON programmes become event files that validate
and answer /jadwal; importing into an existing file replaces only its sessions."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.cli import main
from bot.config import DEFAULT_EVENT_FILE
from bot.loader import load_event
from bot.resources import CHECKOUT_ROOT
from tests.harness import Harness, text_of

DOCS = CHECKOUT_ROOT / "docs"
HEADER = "tanggal,mulai,selesai,judul,pembicara,tempat,keterangan,jenis,kapasitas,id\n"


async def day_text(path: Path, day: date, tmp_path: Path) -> str:
    """What /jadwal shows for `day` of the event in `path`."""
    event = load_event(path)
    bot = Harness(event, event.sessions[0].start - timedelta(hours=1), tmp_path / "bot.db")
    await bot.start()
    try:
        overview = "\n".join(text_of(c) for c in await bot.say("/jadwal")
                             if c.method == "sendMessage")
        assert "Hari 1:" in overview
        calls = await bot.press(f"day:{day.isoformat()}")
        return next(text_of(c) for c in calls if c.method == "editMessageText")
    finally:
        await bot.stop()


def run(*args: str | Path) -> int:
    return main(["import", *map(str, args)])


async def test_csv_programme_becomes_a_valid_event(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "jadwal.csv"
    source.write_text(
        HEADER
        + "16/10/2024,08.00,08.30,Registrasi,,Aula Utama,,registrasi,,\n"
        + '16/10/2024,08:30,10:00,Paparan,"Ibu Ani; Bapak Budi",Aula Utama,Pembuka,pleno,,\n'
        + "16/10/2024,10.00,10.15,Rehat kopi,,Aula Utama,,,,\n"
        + '"Kamis, 17 Oktober 2024",09.00,11.00,Diskusi,Bapak Budi,Ruang 2,,sesi,30,diskusi-1\n',
        encoding="utf-8",
    )
    out = tmp_path / "acara.toml"
    assert run(source, "--out", out) == 0
    printed = capsys.readouterr().out
    assert "4 sesi ditulis" in printed and "Tempat baru “Ruang 2”" in printed
    assert "Pembicara baru “Ibu Ani”" in printed
    event = load_event(out)
    assert [s.id for s in event.sessions] == ["registrasi", "paparan", "rehat-kopi", "diskusi-1"]
    paparan = event.session("paparan")
    assert paparan is not None and paparan.speaker_ids == ("ibu-ani", "bapak-budi")
    assert paparan.start.isoformat() == "2024-10-16T08:30:00+08:00"
    diskusi = event.session("diskusi-1")
    assert diskusi is not None and diskusi.start.isoformat() == "2024-10-17T09:00:00+08:00"
    rehat = event.session("rehat-kopi")
    assert rehat is not None and rehat.kind.value == "break"
    assert "BARU dari impor" in out.read_text(encoding="utf-8")
    shown = await day_text(out, date(2024, 10, 16), tmp_path)
    assert "08.30–10.00 · Paparan" in shown and "Ibu Ani dan Bapak Budi" in shown
    assert "10.00–10.15 · Rehat kopi" in shown


async def test_xlsx_programme_with_real_dates_and_times(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Start", "End", "Title", "Speakers", "Venue", "Kind"])
    sheet.append([datetime(2024, 3, 5), time(9, 0), time(10, 30), "Opening talk",
                  "Dr. Sari", "Main Hall", "plenary"])
    sheet.append([date(2024, 3, 5), "13.00", "14:00", "Workshop", "", "Room B", ""])
    source = tmp_path / "programme.xlsx"
    book.save(source)
    out = tmp_path / "event.toml"
    assert run(source, "--out", out, "--timezone", "Asia/Jakarta") == 0
    event = load_event(out)
    assert str(event.timezone) == "Asia/Jakarta"
    assert [(s.title.id, s.start.isoformat()) for s in event.sessions] == [
        ("Opening talk", "2024-03-05T09:00:00+07:00"), ("Workshop", "2024-03-05T13:00:00+07:00")]
    shown = await day_text(out, date(2024, 3, 5), tmp_path)
    assert "09.00–10.30 · Opening talk" in shown and "13.00–14.00 · Workshop" in shown
    assert "Semua waktu dalam WIB." in shown


def frab_schedule() -> dict[str, object]:
    def talk(start: str, duration: str, title: str, room: str, persons: list[str],
             kind: str = "Talk") -> dict[str, object]:
        return {"guid": title, "id": len(title), "date": start, "start": start[11:16],
                "duration": duration, "room": room, "slug": f"conf-{title}", "title": title,
                "type": kind, "abstract": f"About {title}", "language": "id",
                "persons": [{"id": i, "public_name": p} for i, p in enumerate(persons)]}

    return {"schedule": {"version": "1.0", "conference": {
        "acronym": "rakor", "title": "Rakor Digital 2024", "start": "2024-06-10",
        "end": "2024-06-11", "daysCount": 2, "time_zone_name": "Asia/Makassar",
        "days": [
            {"index": 1, "date": "2024-06-10", "rooms": {
                "Aula": [
                    talk("2024-06-10T09:00:00+08:00", "01:00", "Keynote digital", "Aula",
                         ["Prof. Rina"]),
                    talk("2024-06-10T10:00:00+08:00", "00:30", "Coffee Break", "Aula", [],
                         kind="Break"),
                    talk("2024-06-10T12:00:00+08:00", "01:00", "Lunch", "Aula", []),
                ],
                "Ruang 2": [talk("2024-06-10T10:30:00+08:00", "01:30", "Panel data", "Ruang 2",
                                 ["Prof. Rina", "Andi"])],
            }},
            {"index": 2, "date": "2024-06-11", "rooms": {"Aula": [
                talk("2024-06-11T01:00:00+00:00", "02:00", "Penutupan", "Aula", ["Andi"]),
            ]}},
        ]}}}


async def test_frab_json_schedule_with_breaks(tmp_path: Path) -> None:
    source = tmp_path / "schedule.json"
    source.write_text(json.dumps(frab_schedule()), encoding="utf-8")
    out = tmp_path / "event.toml"
    assert run(source, "--out", out) == 0
    event = load_event(out)
    assert event.name.id == "Rakor Digital 2024" and str(event.timezone) == "Asia/Makassar"
    kinds = {s.title.id: s.kind.value for s in event.sessions}
    assert kinds == {"Keynote digital": "session", "Coffee Break": "break", "Lunch": "break",
                     "Panel data": "session", "Penutupan": "session"}
    closing = next(s for s in event.sessions if s.title.id == "Penutupan")
    assert closing.start.isoformat() == "2024-06-11T09:00:00+08:00"  # UTC in, WITA out
    shown = await day_text(out, date(2024, 6, 10), tmp_path)
    assert "10.00–10.30 · Coffee Break" in shown
    assert "10.30–12.00 · Panel data" in shown and "Prof. Rina dan Andi" in shown


async def test_import_into_keeps_everything_but_the_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "event.toml"
    original = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    before = load_event(target)
    rows = [HEADER.strip()]
    for s in before.sessions:
        start, end = s.start, s.end
        if s.id == "keynote":  # the one change: an hour later
            start, end = start + timedelta(hours=1), end + timedelta(hours=1)
        venue = before.venues[s.venue_id].name
        rows.append(",".join([start.date().isoformat(), start.strftime("%H.%M"),
                              end.strftime("%H.%M"), f'"{s.title.id}"', "", f'"{venue}"', "",
                              s.kind.value, str(s.capacity or ""), ""]))
    source = tmp_path / "jadwal.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert run(source, "--into", target) == 0
    report = capsys.readouterr().out
    assert "🕑 Keynote: Strategi Pengembangan Smart City dipindah" in report
    assert "dibatalkan" not in report and "🆕" not in report
    after = load_event(target)
    assert [s.id for s in after.sessions] == [s.id for s in before.sessions]
    keynote = after.session("keynote")
    assert keynote is not None and keynote.start.hour == 10
    assert keynote.speaker_ids == ()  # the spreadsheet had no speakers: replaced
    text = target.read_text(encoding="utf-8")
    # Comments outside [[sessions]] survive; venues, speakers, contacts, tour are untouched.
    for kept in ("# SAMPLE VALUES — organizers, please check and replace:",
                 "lat = -10.1560                      # SAMPLE: approximate, verify",
                 "[tour]", "[[contacts]]"):
        assert kept in text
    assert after.venues == before.venues and after.contacts == before.contacts
    assert after.tour == before.tour


def test_bad_rows_are_named_and_nothing_is_written(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "event.toml"
    target.write_text(DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    source = tmp_path / "jadwal.csv"
    source.write_text(HEADER + "16/10/2019,jam 8,09.00,Registrasi,,Aula,,,,\n"
                      + "32/10/2019,08.00,09.00,Pembukaan,,Aula,,pesta,,\n", encoding="utf-8")
    before = target.read_bytes()
    assert run(source, "--into", target) == 2
    err = capsys.readouterr().err
    assert "baris 2, mulai: 'jam 8' bukan jam: tulis seperti 08.30 atau 08:30" in err
    assert "baris 3, tanggal: '32/10/2019' bukan tanggal" in err
    assert "baris 3, jenis: jenis 'pesta' tidak dikenal" in err
    assert target.read_bytes() == before
    source.write_text("judul,mulai\nA,08.00\n", encoding="utf-8")
    assert run(source, "--into", target, "--lang", "en") == 2
    assert "columns tanggal/date, selesai/end missing" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["programme-template.csv", "programme-template.xlsx"])
def test_shipped_templates_import(name: str, tmp_path: Path) -> None:
    out = tmp_path / "event.toml"
    assert run(DOCS / name, "--out", out) == 0
    event = load_event(out)
    assert len(event.sessions) == 6 and len(event.days) == 2
    diskusi = next(s for s in event.sessions if s.title.id == "Diskusi kelompok")
    assert diskusi.capacity == 40
