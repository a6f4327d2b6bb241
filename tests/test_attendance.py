"""Attendance through the real Application: the card and the desk, session codes, daftar hadir."""

from __future__ import annotations

import asyncio
import io
import re
import tomllib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from bot import cli
from bot import render_attendance as view
from bot.config import DEFAULT_EVENT_FILE
from bot.features import attendance
from bot.i18n import I18n
from bot.loader import EventDataError, parse_event
from bot.model import Event
from bot.offline.html import parse_html
from bot.offline.protocol import ApiCall
from bot.storage.attendance import Attendee
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness, text_of

ORGANIZER = 9001
PETUGAS = 5005
DELEGATE_2 = 6006
STRANGER = 7007


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    """The bot with ORGANIZER in BOT_ADMINS; USER registered as Budi Santoso (Sidoarjo)."""
    harness = Harness(event, KEYNOTE_TIME, tmp_path / "bot.db", admins=frozenset({ORGANIZER}))
    await harness.start()
    try:
        await harness.register("Budi Santoso", "sidoarjo")
        yield harness
    finally:
        await harness.stop()


def said(calls: list[ApiCall]) -> str:
    """Every text and caption the calls showed, HTML parsed away."""
    parts = []
    for call in calls:
        if call.method in ("sendMessage", "editMessageText"):
            parts.append(text_of(call))
        elif "caption" in call.params:
            parts.append(parse_html(call.params["caption"])[0])
    return "\n".join(parts)


async def screen_code(bot: Harness, user_id: int = ORGANIZER, session: str = "") -> str:
    calls = await bot.say(f"/absen {session}".strip(), user_id=user_id)
    photos = [c for c in calls if c.method == "sendPhoto"]
    assert len(photos) == 1, said(calls)
    match = re.search(r"/hadir ([A-Z]{3}) ([0-9]{3})", parse_html(photos[0].params["caption"])[0])
    assert match, photos[0].params["caption"]
    return match[1] + match[2]


# -- the card and the desk ---------------------------------------------------------------------
async def test_card_is_an_image_whose_link_only_staff_can_use(bot: Harness) -> None:
    calls = await bot.say("/kartu")
    photo = next(c for c in calls if c.method == "sendPhoto")
    assert "Budi Santoso" in parse_html(photo.params["caption"])[0]
    image = Image.open(io.BytesIO(bot.standin.uploads["kartu-peserta.png"]))
    assert image.size == (600, 900)

    card = await attendance.my_card(bot.repo, USER)
    assert card.payload.startswith("k_") and len(card.payload) <= 64
    assert str(USER) not in card.payload

    # Anyone else who opens the link learns nothing about whose card it is.
    reply = said(await bot.say(f"/start {card.payload}", user_id=STRANGER))
    assert "Budi" not in reply and "Sidoarjo" not in reply
    assert "petugas" in reply

    # The organizer scans it: recorded for the day, with name and instansi, in one step.
    reply = said(await bot.say(f"/start {card.payload}", user_id=ORGANIZER))
    assert "Hadir hari ke-1 tercatat pukul 10.00" in reply
    assert "Budi Santoso" in reply and "Kabupaten Sidoarjo" in reply
    bot.clock.advance(timedelta(minutes=30))
    reply = said(await bot.say(f"/start {card.payload}", user_id=ORGANIZER))
    assert "Sudah tercatat hadir hari ke-1 pukul 10.00" in reply

    # A forged or damaged card is refused, never someone else's record.
    forged = card.payload[:-2] + ("AA" if not card.payload.endswith("AA") else "BB")
    reply = said(await bot.say(f"/start {forged}", user_id=ORGANIZER))
    assert "tidak dikenal" in reply and "Budi" not in reply

    # The next day is a new desk check-in.
    bot.clock.advance(timedelta(days=1))
    reply = said(await bot.say(f"/start {card.payload}", user_id=ORGANIZER))
    assert "Hadir hari ke-2 tercatat" in reply
    rows = await bot.repo.desk_checkin_rows()
    assert [(r.attendee.user_id, r.ref) for r in rows] == [
        (USER, "2019-10-16"), (USER, "2019-10-17")]


async def test_card_needs_registration_and_a_private_chat(bot: Harness) -> None:
    assert "/daftar" in said(await bot.say("/kartu", user_id=STRANGER))
    calls = await bot.say("/badge", chat_type="supergroup")
    assert not [c for c in calls if c.method == "sendPhoto"]
    assert "chat pribadi" in said(calls)


async def test_a_petugas_is_invited_by_an_organizer_and_records_the_desk(bot: Harness) -> None:
    assert "hanya untuk panitia" in said(await bot.say("/petugas undang", user_id=STRANGER))
    reply = said(await bot.say("/petugas undang", user_id=ORGANIZER))
    link = re.search(r"https://t\.me/\w+\?start=(ptg_[\w-]+)", reply)
    assert link, reply

    assert "sekarang petugas registrasi" in said(
        await bot.say(f"/start {link[1]}", user_id=PETUGAS))
    assert "sudah dipakai" in said(await bot.say(f"/start {link[1]}", user_id=STRANGER))

    card = await attendance.my_card(bot.repo, USER)
    reply = said(await bot.say(f"/start {card.payload}", user_id=PETUGAS))
    assert "Hadir hari ke-1 tercatat" in reply and "Budi Santoso" in reply

    # The staff list names people: private chats only.
    calls = await bot.say("/petugas", user_id=ORGANIZER, chat_type="supergroup")
    assert str(PETUGAS) not in said(calls) and "chat pribadi" in said(calls)
    # Revoked: the petugas is an ordinary user again.
    assert str(PETUGAS) in said(await bot.say("/petugas", user_id=ORGANIZER))
    assert "dicabut" in said(await bot.say(f"/petugas cabut {PETUGAS}", user_id=ORGANIZER))
    reply = said(await bot.say(f"/start {card.payload}", user_id=PETUGAS))
    assert "Budi" not in reply


# -- session check-in --------------------------------------------------------------------------
async def test_session_checkin_by_code_once_and_refusals(bot: Harness) -> None:
    assert "hanya untuk panitia" in said(await bot.say("/absen", user_id=STRANGER))
    code = await screen_code(bot)

    wrong = code[:3] + f"{(int(code[3:]) + 1) % 1000:03d}"
    assert "tidak dikenal" in said(await bot.say(f"/hadir {wrong}"))
    assert "tidak dikenal" in said(await bot.say("/hadir halo"))

    reply = said(await bot.say(f"/hadir {code[:3].lower()}-{code[3:]}"))
    assert "Kehadiran Anda di “Keynote: Strategi Pengembangan Smart City” tercatat pukul 10.00" \
        in reply
    bot.clock.advance(timedelta(minutes=2))
    assert "sudah tercatat hadir" in said(await bot.say(f"/hadir {code}"))
    rows = await bot.repo.session_checkin_rows()
    assert [(r.attendee.user_id, r.ref) for r in rows] == [(USER, "keynote")]
    assert attendance.window(rows[0].at, timedelta(minutes=5)) == attendance.window(
        KEYNOTE_TIME, timedelta(minutes=5))

    # A code passed on after the screen moved on twice no longer works.
    await bot.register("Siti Aminah", "bogor", user_id=DELEGATE_2)
    bot.clock.set(KEYNOTE_TIME + timedelta(minutes=11))
    reply = said(await bot.say(f"/hadir {code}", user_id=DELEGATE_2))
    assert "kedaluwarsa" in reply
    # The code on the screen now works, typed as a plain message.
    fresh = await screen_code(bot)
    assert fresh != code
    assert "tercatat pukul 10.11" in said(await bot.say(fresh, user_id=DELEGATE_2))


async def test_session_checkin_by_link_and_only_while_the_session_takes_it(
    bot: Harness,
) -> None:
    code = await screen_code(bot)
    assert "tercatat pukul 10.00" in said(await bot.say(f"/start a_{code}"))

    # Keynote ends at 11.00, grace 15 minutes: at 11.20 its code is refused with the reason.
    await bot.register("Siti Aminah", "bogor", user_id=DELEGATE_2)
    bot.clock.set(KEYNOTE_TIME + timedelta(minutes=80))
    reply = said(await bot.say(f"/start a_{code}", user_id=DELEGATE_2))
    assert "untuk sesi “Keynote" in reply and "tidak menerima absen" in reply
    # Nothing runs during lunch (a break takes no check-in), and the keynote is closed.
    assert "Tidak ada sesi yang sedang berlangsung" in said(await bot.say(
        "/absen", user_id=ORGANIZER))
    assert "tidak sedang berlangsung" in said(await bot.say(
        "/absen keynote", user_id=ORGANIZER))
    assert "tidak ada" in said(await bot.say("/absen nope", user_id=ORGANIZER)).lower()
    # The wrong session: a code shown for the Banyuwangi session does not check anyone in to
    # the keynote, and a keynote code is no good in the Banyuwangi session.
    bot.clock.set(KEYNOTE_TIME.replace(hour=13, minute=10))
    afternoon = await screen_code(bot, session="bp-banyuwangi")
    assert "tidak menerima absen" in said(await bot.say(f"/hadir {code}", user_id=DELEGATE_2))
    assert "Banyuwangi" in said(await bot.say(f"/hadir {afternoon}", user_id=DELEGATE_2))
    rows = await bot.repo.session_checkin_rows()
    assert sorted((r.attendee.user_id, r.ref) for r in rows) == [
        (USER, "keynote"), (DELEGATE_2, "bp-banyuwangi")]


async def test_a_moderator_shows_the_code_and_refreshes_it(bot: Harness) -> None:
    reply = said(await bot.say("/petugas undang moderator", user_id=ORGANIZER))
    link = re.search(r"start=(ptg_[\w-]+)", reply)
    assert link
    assert "sekarang moderator" in said(await bot.say(f"/start {link[1]}", user_id=PETUGAS))
    code = await screen_code(bot, user_id=PETUGAS)
    bot.clock.advance(timedelta(minutes=6))
    calls = await bot.press("abs:keynote", user_id=PETUGAS)
    caption = parse_html(next(c for c in calls if c.method == "sendPhoto").params["caption"])[0]
    assert code not in caption.replace(" ", "")
    # A delegate pressing the button (the code is shown in a group) gets a toast, the group
    # no message.
    group = bot.updates.group_chat_id
    shown = await bot.say("/absen", user_id=PETUGAS, chat_type="supergroup", chat_id=group)
    assert [c.method for c in shown if c.method == "sendPhoto"] == ["sendPhoto"]
    calls = await bot.press("abs:keynote", user_id=STRANGER, chat_id=group)
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert "hanya untuk panitia" in calls[0].params["text"]


# -- daftar hadir ------------------------------------------------------------------------------
def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


async def test_export_adds_the_daftar_hadir_as_csv_and_pdf(bot: Harness) -> None:
    await bot.register("Siti Aminah", "bogor", user_id=DELEGATE_2)
    code = await screen_code(bot)
    await bot.say(f"/hadir {code}")
    await bot.say(f"/hadir {code}", user_id=DELEGATE_2)
    card = await attendance.my_card(bot.repo, USER)
    await bot.say(f"/start {card.payload}", user_id=ORGANIZER)

    # Not an organizer: the organizer export refuses, and no daftar hadir goes anywhere.
    calls = await bot.say("/ekspor", user_id=STRANGER)
    assert not [c for c in calls if c.method == "sendDocument"]
    # An organizer in a group: only the "private chats only" answer.
    calls = await bot.say("/ekspor", user_id=ORGANIZER, chat_type="supergroup")
    assert not [c for c in calls if c.method == "sendDocument"]

    calls = await bot.say("/ekspor", user_id=ORGANIZER)
    names = [c.params["document"]["filename"] for c in calls if c.method == "sendDocument"]
    assert names[-3:] == ["daftar-hadir-sesi.csv", "daftar-hadir-harian.csv",
                          "daftar-hadir-keynote.pdf"]
    sessions_csv = bot.standin.uploads["daftar-hadir-sesi.csv"].decode("utf-8-sig")
    assert "keynote" in sessions_csv and "Siti Aminah" in sessions_csv
    days_csv = bot.standin.uploads["daftar-hadir-harian.csv"].decode("utf-8-sig")
    assert "2019-10-16,1,Budi Santoso,Kabupaten Sidoarjo" in days_csv
    assert "Siti" not in days_csv

    pages, text = pdf_text(bot.standin.uploads["daftar-hadir-keynote.pdf"])
    assert pages == 1
    for expected in ("Seminar dan Sharing Best Practice Citynet Indonesia 2019",
                     "Daftar hadir: Keynote: Strategi Pengembangan Smart City",
                     "Rabu, 16 Oktober 2019", "Kantor Wali Kota Kupang", "Tanda tangan",
                     "Jabatan/peran", "Budi Santoso", "Siti Aminah", "Kabupaten Sidoarjo",
                     "Kota Bogor", "Halaman 1/1"):
        assert expected in text, expected
    # Grouped per instansi, in alphabetical order, numbered through.
    assert text.index("Kabupaten Sidoarjo (1)") < text.index("1 Budi Santoso") < text.index(
        "Kota Bogor (1)") < text.index("2 Siti Aminah")


def test_a_long_daftar_hadir_numbers_every_page(event: Event) -> None:
    t = I18n().get("id")
    session = event.session("keynote")
    assert session is not None
    lines = tuple(
        attendance.Line(Attendee(i, f"Peserta {i:03d}", f"Instansi {i % 7}", "delegasi"),
                        session.start)
        for i in range(70)
    )
    lines = tuple(sorted(lines, key=lambda ln: (ln.attendee.instansi, ln.attendee.name)))
    sheet = attendance.Sheet("Keynote", "keynote", lines, session)
    pages, text = pdf_text(view.sheet_pdf(event, sheet, {"delegasi": "Delegasi"}, t))
    assert pages >= 2
    assert f"Halaman {pages}/{pages}" in text and f"Halaman 1/{pages}" in text
    assert text.count("Tanda tangan") == pages  # the column header repeats on every page
    assert all(f"Peserta {i:03d}" in text for i in range(70))


def test_pdf_text_keeps_latin1_and_replaces_the_rest() -> None:
    assert view.pdf_text("José – “Ŝ” 北") == 'José - "S" ?'


def test_cli_exports_every_session_sheet(event: Event, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bot.db"

    async def attend() -> None:
        harness = Harness(event, KEYNOTE_TIME, db, admins=frozenset({ORGANIZER}))
        await harness.start()
        try:
            await harness.register("Budi Santoso", "sidoarjo")
            await harness.say(f"/hadir {await screen_code(harness)}")
        finally:
            await harness.stop()

    asyncio.run(attend())  # outside pytest's loop: the CLI runs its own
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("DATABASE_PATH", str(db))
    out = tmp_path / "out"
    assert cli.main(["export", "attendance", "--out", str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert "daftar-hadir-sesi.csv" in files and "daftar-hadir-harian.csv" in files
    assert "daftar-hadir-keynote.pdf" in files and "daftar-hadir-penutupan.pdf" in files
    assert "Budi Santoso" in pdf_text((out / "daftar-hadir-keynote.pdf").read_bytes())[1]
    assert "Belum ada" in pdf_text((out / "daftar-hadir-penutupan.pdf").read_bytes())[1]
    # A file where the folder should be, or no database: one line, exit 2, no traceback.
    (tmp_path / "taken").write_text("")
    assert cli.main(["export", "attendance", "--out", str(tmp_path / "taken")]) == 2
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "none.db"))
    assert cli.main(["export", "attendance", "--out", str(out)]) == 2
    assert not (tmp_path / "none.db").exists()


# -- the data file -----------------------------------------------------------------------------
def test_attendance_rules_come_from_the_data_file() -> None:
    raw = tomllib.loads(DEFAULT_EVENT_FILE.read_text(encoding="utf-8"))
    raw["attendance"] = {"grace_minutes": 30, "code_minutes": 2}
    rules = parse_event(raw, Path("event.toml")).attendance
    assert rules.grace == timedelta(minutes=30) and rules.code_period == timedelta(minutes=2)
    raw["attendance"] = {"grace_minutes": 500, "code_minute": 2}
    with pytest.raises(EventDataError) as caught:
        parse_event(raw, Path("event.toml"))
    message = caught.value.describe(I18n().get("en"))  # validate --lang en
    assert "attendance.grace_minutes" in message and "expected 0 to 240" in message
    assert "attendance.code_minute" in message and "code_minutes" in message


def test_card_links_cannot_be_forged() -> None:
    key = b"k" * 32
    payload = attendance.card_payload(key, "00112233aabbccdd")
    assert attendance.card_number(key, payload) == "00112233aabbccdd"
    assert attendance.card_number(b"x" * 32, payload) is None
    assert attendance.card_number(key, payload + "A") is None
    assert attendance.card_number(key, "k_!!") is None
    assert attendance.card_number(key, "org_abc") is None



async def test_erasing_my_data_removes_card_and_attendance(bot: Harness) -> None:
    card = await attendance.my_card(bot.repo, USER)
    await bot.say(f"/start {card.payload}", user_id=ORGANIZER)
    await bot.say(f"/hadir {await screen_code(bot)}")
    await bot.say("/hapusdata")
    await bot.press("fgy")
    repo = bot.repo
    assert await repo.desk_checkin_rows() == [] and await repo.session_checkin_rows() == []
    assert await repo.fetchone("SELECT 1 FROM desk_checkins") is None
    assert await repo.fetchone("SELECT 1 FROM session_checkins") is None
    reply = said(await bot.say(f"/start {card.payload}", user_id=ORGANIZER))
    assert "tidak dikenal" in reply and "Budi" not in reply
