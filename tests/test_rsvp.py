"""Registration, RSVPs with waiting lists, the personal agenda, .ics, and reminders."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from bot import scheduler
from bot.model import Event
from bot.offline.protocol import blocked_by_user, fail_method
from tests.conftest import WITA
from tests.harness import USER, Harness, buttons, only_text, text_of

BEFORE_KEYNOTE = datetime(2019, 10, 16, 9, 0, tzinfo=WITA)


def sent_texts(calls: list) -> list[str]:  # type: ignore[type-arg]
    return [text_of(c) for c in calls if c.method == "sendMessage"]


async def started(event: Event, db: Path, now: datetime = BEFORE_KEYNOTE) -> Harness:
    return await Harness(event, now, db).start()


async def test_registration_conversation_and_profile(bot: Harness) -> None:
    assert "daftar dulu" in only_text(await bot.say("/profil"))
    assert "1/3" in only_text(await bot.say("/daftar"))
    assert "2/3" in only_text(await bot.say("Budi Santoso"))
    # A region named for certain is not asked about (#13.11).
    calls = await bot.say("pemkab sidoarjo")
    assert "Daerah: Kabupaten Sidoarjo" in only_text(calls) and "3/3" in only_text(calls)
    text = only_text(await bot.press("rgr:narasumber"))
    assert "sudah terdaftar" in text
    assert "Instansi: Kabupaten Sidoarjo" in text and "Peran: Narasumber" in text
    profile = await bot.repo.get_profile(USER)
    assert profile is not None and profile.region == "Kabupaten Sidoarjo"


async def test_registration_can_be_cancelled_and_free_text_instansi(bot: Harness) -> None:
    await bot.say("/daftar")
    await bot.say("Ani")
    assert "dibatalkan" in only_text(await bot.say("/batal"))
    assert await bot.repo.get_profile(USER) is None
    await bot.say("/daftar")
    await bot.say("Ani")
    calls = await bot.say("Kementerian Kominfo")  # no region: taken as typed
    assert "3/3" in only_text(calls)
    await bot.press("rgr:media")
    profile = await bot.repo.get_profile(USER)
    assert profile is not None and profile.instansi == "Kementerian Kominfo"
    assert profile.region is None


async def test_rsvp_needs_registration(bot: Harness) -> None:
    calls = await bot.press("r:keynote")
    assert "daftar dulu" in only_text(calls)
    assert ("📝 Daftar sekarang", "reg") in buttons(calls[-1])


async def test_rsvp_agenda_ics_and_reminder(event: Event, tmp_path: Path) -> None:
    bot = await started(event, tmp_path / "db")
    try:
        await bot.register()
        calls = await bot.press("s:keynote")
        assert ("✅ Hadir", "r:keynote") in buttons(calls[-1])
        calls = await bot.press("r:keynote")
        answer = next(c for c in calls if c.method == "answerCallbackQuery")
        assert "Anda hadir" in answer.params["text"]
        assert "✅ Anda terdaftar hadir." in only_text(calls)
        await bot.press("r:city-tour")

        text = only_text(await bot.say("/agendaku"))
        assert "Rabu, 16 Oktober 2019" in text and "Keynote" in text
        assert "Jumat, 18 Oktober 2019" in text and "City Tour" in text

        calls = await bot.press("ics:*")
        doc = next(c for c in calls if c.method == "sendDocument")
        assert doc.params["document"]["filename"] == "agenda-citynet-kupang-2019.ics"

        # 09.00: nothing due yet; 09.15 (15 minutes before 09.30): the reminder.
        assert await bot.tick() == []
        bot.clock.set(datetime(2019, 10, 16, 9, 15, tzinfo=WITA))
        calls = await bot.tick()
        texts = sent_texts(calls)
        assert texts == [
            "⏰ Pengingat: Keynote: Strategi Pengembangan Smart City mulai 15 menit lagi.\n"
            "🕘 09.30–11.00 WITA\n"
            "📍 Kantor Wali Kota Kupang — Jl. S.K. Lerik, Kelapa Lima, Kec. Kelapa Lima, "
            "Kota Kupang, Nusa Tenggara Timur"
        ]
        assert ("📍 Lokasi", "pin:balai-kota") in buttons(calls[0])
        assert calls[0].params["chat_id"] == USER
        assert await bot.tick() == []  # never twice
    finally:
        await bot.stop()


async def test_calendar_file_has_zone_and_alarm(event: Event) -> None:
    from bot.calendar import agenda_ics

    keynote = event.session("keynote")
    assert keynote is not None
    cal = Calendar.from_ical(agenda_ics(event, [keynote], "id", 30, now=BEFORE_KEYNOTE,
                                        sequences={}))
    (item,) = [c for c in cal.walk("VEVENT")]
    assert item.decoded("dtstart") == keynote.start
    assert str(item["dtstart"].params["TZID"]) == "Asia/Makassar"
    (alarm,) = [c for c in item.walk("VALARM")]
    assert alarm.decoded("trigger") == -timedelta(minutes=30)
    assert cal.walk("VTIMEZONE")


async def test_lead_time_change_moves_reminder_and_cancel_removes_it(bot: Harness) -> None:
    await bot.register()
    bot.clock.set(BEFORE_KEYNOTE - timedelta(hours=1))
    await bot.press("r:keynote")
    text = only_text(await bot.press("pgl:60"))
    assert "60 menit sebelum setiap sesi" in text
    bot.clock.set(datetime(2019, 10, 16, 8, 31, tzinfo=WITA))
    assert "mulai 59 menit lagi" in sent_texts(await bot.tick())[0]

    await bot.press("r:bp-banyuwangi")
    await bot.press("rx:bp-banyuwangi")
    bot.clock.set(datetime(2019, 10, 16, 12, 59, tzinfo=WITA))
    assert [t for t in sent_texts(await bot.tick()) if "Banyuwangi" in t] == []


async def test_reminders_off(bot: Harness) -> None:
    await bot.register()
    await bot.press("r:keynote")
    await bot.press("pgl:0")
    bot.clock.set(datetime(2019, 10, 16, 9, 20, tzinfo=WITA))
    assert [t for t in sent_texts(await bot.tick()) if "Pengingat" in t] == []


async def test_overlap_asks_first(bot: Harness) -> None:
    await bot.register()
    await bot.press("r:keynote")
    event = bot.app.bot_data.services.event
    # Make a session overlapping the keynote for this test.
    clash = replace(event.sessions[3], id="clash", start=event.sessions[2].start,
                    end=event.sessions[2].end)
    bot.app.bot_data.services.event = replace(
        event, sessions=tuple(sorted((*event.sessions, clash), key=lambda s: s.start)), _by_id={}
    )
    calls = await bot.press("r:clash")
    assert "bentrok dengan “Keynote" in only_text(calls)
    assert ("Ya, tambahkan", "rf:clash") in buttons(calls[-1])
    assert "Anda terdaftar hadir" in only_text(await bot.press("rf:clash"))


async def test_morning_brief(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    await bot.register()
    await bot.press("r:keynote")
    bot.clock.set(datetime(2019, 10, 16, 6, 30, tzinfo=WITA))
    texts = sent_texts(await bot.tick())
    assert texts and texts[0].startswith("☀️ Selamat pagi! Rabu, 16 Oktober 2019")
    assert "Agenda Anda hari ini:" in texts[0] and "Keynote" in texts[0]
    assert "Acara utama hari ini:" in texts[0] and "Banyuwangi" in texts[0]
    # Opting out removes the next days' briefs.
    await bot.press("pgb")
    bot.clock.set(datetime(2019, 10, 17, 6, 31, tzinfo=WITA))
    assert [t for t in sent_texts(await bot.tick()) if "Selamat pagi" in t] == []


async def test_restart_sends_each_reminder_exactly_once(event: Event, tmp_path: Path) -> None:
    db = tmp_path / "db"
    first = await started(event, db)
    await first.register()
    await first.press("r:keynote")
    await first.press("r:bp-banyuwangi")
    await first.stop()

    # Down through the keynote reminder's time, up again before the keynote starts.
    second = await started(event, db, datetime(2019, 10, 16, 9, 25, tzinfo=WITA))
    try:
        texts = sent_texts(await second.tick())
        assert [t for t in texts if "Keynote" in t and "Pengingat" in t] != []
        second.clock.set(datetime(2019, 10, 16, 12, 45, tzinfo=WITA))
        texts += sent_texts(await second.tick())
        second.clock.set(datetime(2019, 10, 16, 13, 30, tzinfo=WITA))
        texts += sent_texts(await second.tick())
    finally:
        await second.stop()
    third = await started(event, db, datetime(2019, 10, 16, 13, 40, tzinfo=WITA))
    try:
        texts += sent_texts(await third.tick())
    finally:
        await third.stop()
    reminders = [t for t in texts if t.startswith("⏰ Pengingat")]
    assert len([t for t in reminders if "Keynote" in t]) == 1
    assert len([t for t in reminders if "Banyuwangi" in t]) == 1


async def test_late_reminder_is_dropped_not_sent(event: Event, tmp_path: Path) -> None:
    db = tmp_path / "db"
    first = await started(event, db)
    await first.register()
    await first.press("r:keynote")
    await first.stop()
    second = await started(event, db, datetime(2019, 10, 16, 9, 40, tzinfo=WITA))
    try:
        assert [t for t in sent_texts(await second.tick()) if "Pengingat" in t] == []
        counts = await second.repo.delivery_counts()
        assert counts.get("dropped", 0) >= 1
    finally:
        await second.stop()


async def test_crash_between_sending_and_recording(event: Event, tmp_path: Path,
                                                   monkeypatch: object) -> None:
    """The message went out but the bot died before recording it: not sent again."""
    db = tmp_path / "db"
    first = await started(event, db)
    await first.register()
    await first.press("r:keynote")
    first.clock.set(datetime(2019, 10, 16, 9, 15, tzinfo=WITA))
    repo = first.repo

    async def crash(delivery_id: int, state: str) -> None:
        raise SystemExit("power cut")

    original = repo.finish_delivery
    repo.finish_delivery = crash  # type: ignore[method-assign]
    with contextlib.suppress(SystemExit):
        await first.tick()
    repo.finish_delivery = original  # type: ignore[method-assign]
    sent_before = [t for t in first.standin.texts() if "<b>Pengingat:</b>" in t]
    await first.stop()
    assert len(sent_before) == 1

    second = await started(event, db, datetime(2019, 10, 16, 9, 16, tzinfo=WITA))
    try:
        assert [t for t in sent_texts(await second.tick()) if "Pengingat" in t] == []
    finally:
        await second.stop()


async def test_session_moved_moves_reminder_and_tells_delegate(bot: Harness) -> None:
    await bot.register()
    await bot.press("r:keynote")
    app = bot.app
    old = app.bot_data.services.event
    keynote = old.session("keynote")
    assert keynote is not None
    moved = replace(keynote, start=keynote.start + timedelta(hours=1),
                    end=keynote.end + timedelta(hours=1))
    new = replace(old, sessions=tuple(moved if s.id == "keynote" else s for s in old.sessions),
                  _by_id={})
    app.bot_data.services.event = new
    assert await scheduler.apply_event_change(app, old, new) == 1
    texts = sent_texts(await bot.tick())
    assert len(texts) == 1
    assert texts[0].startswith("📢 Perubahan jadwal: Keynote")
    assert "Sebelumnya: Rabu, 16 Oktober 2019 pukul 09.30 WITA" in texts[0]
    assert "Sekarang: Rabu, 16 Oktober 2019 pukul 10.30 WITA" in texts[0]
    # The old reminder time (09.15) passes silently; the new one (10.15) fires.
    bot.clock.set(datetime(2019, 10, 16, 9, 16, tzinfo=WITA))
    assert sent_texts(await bot.tick()) == []
    bot.clock.set(datetime(2019, 10, 16, 10, 15, tzinfo=WITA))
    assert "Keynote" in sent_texts(await bot.tick())[0]
    # Applying the same data again tells nobody anything new.
    assert await scheduler.apply_event_change(app, new, new) == 0


async def test_session_cancelled_removes_reminder(bot: Harness) -> None:
    await bot.register()
    await bot.press("r:keynote")
    app = bot.app
    old = app.bot_data.services.event
    new = replace(old, sessions=tuple(s for s in old.sessions if s.id != "keynote"), _by_id={})
    app.bot_data.services.event = new
    await scheduler.apply_event_change(app, old, new)
    texts = sent_texts(await bot.tick())
    assert texts == ["❌ Keynote: Strategi Pengembangan Smart City dibatalkan oleh panitia. "
                     "Pengingatnya sudah dihapus."]
    bot.clock.set(datetime(2019, 10, 16, 9, 15, tzinfo=WITA))
    assert sent_texts(await bot.tick()) == []


async def test_capacity_waiting_list_and_promotion(bot: Harness) -> None:
    services = bot.app.bot_data.services
    tour = services.event.session("city-tour")
    assert tour is not None
    services.event = replace(
        services.event,
        sessions=tuple(replace(s, capacity=1) if s.id == "city-tour" else s
                       for s in services.event.sessions),
        _by_id={},
    )
    other = 5151
    await bot.register(user_id=other, chat_id=other)
    await bot.register()
    await bot.press("r:city-tour", user_id=other, chat_id=other)
    calls = await bot.press("r:city-tour")
    answer = next(c for c in calls if c.method == "answerCallbackQuery")
    assert "daftar tunggu, urutan ke-1" in answer.params["text"]
    assert ("❌ Keluar dari daftar tunggu", "rx:city-tour") in buttons(calls[-1])

    calls = await bot.press("rx:city-tour", user_id=other, chat_id=other)
    assert "(1 orang menunggu)" in calls[-1].params["text"]  # asked before the seat goes
    await bot.press("rxy:city-tour", user_id=other, chat_id=other)
    texts = sent_texts(await bot.tick())
    assert any(t.startswith("🎉 Ada kursi kosong! Anda sekarang terdaftar di City Tour")
               for t in texts)
    rsvp = await services.repo.get_rsvp(USER, "city-tour")
    assert rsvp is not None and rsvp.status == "going"


async def test_concurrent_rsvps_for_the_last_seat(bot: Harness) -> None:
    repo = bot.repo
    users = list(range(7000, 7010))
    for user in users:
        await repo.touch_user(user, "x", None)
    results = await asyncio.gather(*(repo.rsvp(u, "city-tour", 1) for u in users))
    assert sorted(r.status for r in results) == ["going"] + ["waiting"] * 9
    assert sorted(r.position for r in results if r.status == "waiting") == list(range(1, 10))


async def test_blocked_user_is_marked_inactive_and_skipped(bot: Harness) -> None:
    await bot.register()
    await bot.press("r:keynote")
    await bot.press("r:bp-banyuwangi")
    bot.standin.fault = fail_method("sendMessage", blocked_by_user(), times=1)
    bot.clock.set(datetime(2019, 10, 16, 9, 15, tzinfo=WITA))
    await bot.tick()
    user = await bot.repo.get_user(USER)
    assert user is not None and not user.active
    bot.clock.set(datetime(2019, 10, 16, 12, 45, tzinfo=WITA))
    assert sent_texts(await bot.tick()) == []  # skipped, not retried


async def test_rsvp_overview_and_event_attendance(bot: Harness) -> None:
    await bot.register()
    assert "Acara: Anda belum menyatakan hadir di seminar ini" in only_text(
        await bot.say("/rsvp"))  # not "belum konfirmasi" (#13.17)
    assert "Acara: ✅ hadir" in only_text(await bot.press("r:_event"))
    await bot.press("r:keynote")
    text = only_text(await bot.say("/rsvp"))
    assert "✅ Rab, 16 Okt 09.30 · Keynote" in text


def test_planning_is_pure(event: Event) -> None:
    from bot.storage.delegates import Preferences, Rsvp

    rsvps = [Rsvp(USER, "keynote", "going", None, None),
             Rsvp(USER, "city-tour", "going", None, None),
             Rsvp(USER, "sosialisasi", "waiting", None, None)]
    planned = scheduler.plan_for_user(event, USER, Preferences(30, True), rsvps, True)
    by_ref = {p.ref: p for p in planned}
    assert by_ref["keynote"].due_at == datetime(2019, 10, 16, 9, 0, tzinfo=WITA)
    # The tour reminds before gathering (07.30), not before the bus leaves.
    assert by_ref["city-tour"].due_at == datetime(2019, 10, 18, 7, 0, tzinfo=WITA)
    assert "sosialisasi" not in by_ref  # waiting: no reminder yet
    assert {p.ref for p in planned if p.kind == "brief"} == {
        "2019-10-16", "2019-10-17", "2019-10-18"}


async def test_a_button_press_is_answered_exactly_once(bot: Harness) -> None:
    """Telegram refuses a second answerCallbackQuery: the toast and the re-rendered detail
    must share one answer (the stand-in rejects a second one, as Telegram does)."""
    await bot.register()
    for data in ("r:keynote", "rx:keynote", "r:city-tour", "rx:city-tour", "rxy:city-tour"):
        calls = await bot.press(data)
        answers = [c for c in calls if c.method == "answerCallbackQuery"]
        assert len(answers) == 1 and answers[0].ok, (data, answers)
    assert bot.standin.failures() == []
