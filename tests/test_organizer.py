"""Organizer tools end to end: roles, announcements, programme changes, reports."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot import filewatch, outbox, scheduler
from bot.changes import ChangeKind, diff_events, rewrite_session
from bot.config import DEFAULT_EVENT_FILE
from bot.loader import load_event
from bot.model import Event
from bot.offline.protocol import ApiCall
from tests.conftest import KEYNOTE_TIME, WITA
from tests.harness import USER, Harness, buttons, text_of

OTHER = 5555
REFUSAL = "Maaf, fitur ini hanya untuk panitia."


@pytest.fixture(autouse=True)
def _fast_sender(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outbox, "TIMER_SCALE", 10.0)
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def org(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    """The bot with USER as an organizer (BOT_ADMINS) and a copy of the data file."""
    data = tmp_path / "event.toml"
    shutil.copy(DEFAULT_EVENT_FILE, data)
    bot = Harness(load_event(data), KEYNOTE_TIME, tmp_path / "bot.db")
    services = bot.app.bot_data.services
    services.settings = replace(services.settings, admins=frozenset({USER}), event_file=data)
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


def answers(calls: list[ApiCall]) -> list[str]:
    return [c.params.get("text", "") for c in calls if c.method == "answerCallbackQuery"]


def texts(calls: list[ApiCall]) -> list[str]:
    return [text_of(c) for c in calls if c.method in ("sendMessage", "editMessageText")]


async def compose(bot: Harness, text: str = "Bus berangkat pukul <07.30> & tepat!") -> int:
    await bot.say("/umumkan")
    calls = await bot.say(text)
    data = [d for _, d in buttons(calls[-1])]
    assert data[0].startswith("oa:") and data[0].endswith(":all")
    return int(data[0].split(":")[1])


async def test_non_organizer_is_refused_everything_and_nothing_changes(org: Harness) -> None:
    draft = await compose(org)
    repo = org.repo
    data_file = org.app.bot_data.services.settings.event_file
    before_file = data_file.read_text()
    before_event = org.app.bot_data.services.event
    before_audit = await repo.audit_log()
    mark = len(org.standin.calls)

    commands = ["/admin", "/admin undang", f"/admin cabut {USER}", "/umumkan", "/hubungkan",
                "/muatulang", "/ubah", "/ubah keynote 14.30", "/ubah keynote tempat suba-suka",
                "/statistik", "/ekspor", "/announce", "/reload", "/stats", "/export"]
    for command in commands:
        calls = await org.say(command, user_id=OTHER)
        assert texts(calls) == [REFUSAL], command
    calls = await org.say("/hubungkan", user_id=OTHER, chat_type="supergroup",
                          chat_id=org.updates.group_chat_id)
    assert texts(calls) == [REFUSAL]

    start = int(before_event.sessions[2].start.timestamp())
    forged = [f"oa:{draft}:all", f"oa:{draft}:tour", f"oa:{draft}:s:keynote", f"oa:{draft}:r:0",
              f"oa:{draft}:menu", f"ou:{draft}", f"os:{draft}", f"ox:{draft}", f"op:{draft}",
              "ol:0123456789abcdef", "oe:keynote", f"om:keynote:{start + 3600}",
              "ov:keynote:suba-suka", f"oy:keynote:t:{start + 3600}", "oy:keynote:v:suba-suka",
              "oq", "oz:forged", "o"]
    for data in forged:
        calls = await org.press(data, user_id=OTHER)
        assert answers(calls) == [REFUSAL], data
        assert [c.method for c in calls] == ["answerCallbackQuery"], data

    # Nothing changed and nothing was sent to anyone but the refused user.
    after = org.standin.calls[mark:]
    assert {c.method for c in after} == {"sendMessage", "answerCallbackQuery"}
    assert {c.params["text"] for c in after} == {REFUSAL}
    assert {c.params.get("chat_id", OTHER) for c in after} == {OTHER, org.updates.group_chat_id}
    found = await repo.get_announcement(draft)
    assert found is not None and found.status == "draft" and found.audience == ""
    assert await repo.delivery_report(draft) == await repo.delivery_report(-1)
    assert await repo.audit_log() == before_audit
    assert await repo.invited_organizers() == []
    assert await repo.linked_chats() == []
    assert data_file.read_text() == before_file
    assert org.app.bot_data.services.event is before_event


async def test_invite_is_single_use_and_revocable(org: Harness) -> None:
    calls = await org.say("/admin undang")
    text = texts(calls)[0]
    link = next(line for line in text.splitlines() if line.startswith("https://t.me/"))
    code = link.split("start=")[1]
    assert link == f"https://t.me/citynet_bot?start={code}" and len(code) >= 24

    assert "Selamat datang di tim panitia" in texts(await org.say(f"/start {code}",
                                                                   user_id=OTHER))[0]
    assert "Panitia" in texts(await org.say("/admin", user_id=OTHER))[0]  # now allowed
    assert "sudah dipakai" in texts(await org.say(f"/start {code}", user_id=6666))[0]
    assert "tidak dikenal" in texts(await org.say("/start org_guess", user_id=6666))[0]
    assert texts(await org.say("/statistik", user_id=6666)) == [REFUSAL]

    assert "dicabut" in texts(await org.say(f"/admin cabut {OTHER}"))[0]
    assert texts(await org.say("/admin", user_id=OTHER)) == [REFUSAL]
    assert "konfigurasi" in texts(await org.say(f"/admin cabut {USER}"))[0]
    actions = [a for _, _, a, _ in await org.repo.audit_log()]
    assert actions == ["organizer_revoked", "invite_redeemed", "invite_created"]

    # Expired after 24 hours.
    code = texts(await org.say("/admin undang"))[0].split("start=")[1].split()[0]
    org.clock.set(KEYNOTE_TIME + timedelta(hours=25))
    assert "kedaluwarsa" in texts(await org.say(f"/start {code}", user_id=7777))[0]


async def wait_done(bot: Harness, announcement: int) -> None:
    repo = bot.repo
    for _ in range(200):
        found = await repo.get_announcement(announcement)
        if found is not None and found.status == "done":
            for _ in range(50):  # and the final report is shown
                last = [c for c in bot.standin.calls if c.method == "editMessageText"][-1]
                if "selesai" in text_of(last):
                    break
                await asyncio.sleep(0.05)
            bot._check(bot.standin.calls, faults_expected=True)
            return
        await asyncio.sleep(0.05)
    raise AssertionError("not delivered")


async def test_urgent_announcement_to_city_tour_participants(org: Harness) -> None:
    repo = org.repo
    tour = [6001, 6002, 6003]
    for user_id in [*tour, 6004]:
        await repo.touch_user(user_id, f"Peserta {user_id}", None)
        await repo.save_profile(user_id, f"Peserta {user_id}", "Kota Kupang", "Kota Kupang",
                                "delegasi")
    for user_id in tour:
        await repo.rsvp(user_id, "city-tour", 120)

    draft = await compose(org)
    calls = await org.press(f"oa:{draft}:tour")
    preview = texts(calls)[0]
    assert "Penerima: peserta city tour" in preview and "3 penerima" in preview
    assert "Bus berangkat pukul <07.30> & tepat!" in preview
    calls = await org.press(f"ou:{draft}")
    assert "Penting (dengan tombol “Sudah dibaca”): ya" in texts(calls)[0]
    calls = await org.press(f"os:{draft}")
    assert "Terkirim 0/3" in texts(calls)[0]
    await org.press(f"os:{draft}")  # a second press queues nothing more
    await wait_done(org, draft)

    got = [c for c in org.standin.calls if c.method == "sendMessage" and c.ok
           and "PENTING" in c.params["text"]]
    assert sorted(c.params["chat_id"] for c in got) == tour
    assert "&lt;07.30&gt; &amp; tepat!" in got[0].params["text"]  # the organizer's text, escaped
    assert buttons(got[0]) == [("✅ Sudah dibaca", f"or:{draft}")]

    calls = await org.press(f"or:{draft}", user_id=6001, message_id=got[0].result["message_id"]
                            if got[0].params["chat_id"] == 6001 else None)
    assert "sudah dicatat" in answers(calls)[0]
    report = texts(await org.press(f"op:{draft}"))[0]
    assert "Terkirim: 3 dari 3" in report and "Sudah dibaca: 1 dari 3" in report
    assert "Peserta 6002" in report and "Peserta 6003" in report
    assert "Peserta 6001" not in report.split("Belum konfirmasi")[1]

    # Everyone can read the latest announcements meant for them or for all.
    assert "Bus berangkat" in texts(await org.say("/pengumuman", user_id=6002))[0]
    assert "Bus berangkat" not in texts(await org.say("/pengumuman", user_id=6004))[0]
    # ...and by asking in their own words.
    assert "Bus berangkat" in texts(await org.say("ada pengumuman baru?", user_id=6002))[0]


async def test_announcement_to_linked_group(org: Harness) -> None:
    group = org.updates.group_chat_id
    calls = await org.say("/hubungkan", chat_type="supergroup", chat_id=group)
    assert "tertaut" in texts(calls)[0]
    draft = await compose(org, "Rapat panitia jam 19.00")
    await org.press(f"oa:{draft}:grp")
    await org.press(f"os:{draft}")
    await wait_done(org, draft)
    sent = [c for c in org.standin.calls if c.method == "sendMessage" and c.ok
            and c.params["chat_id"] == group and "Rapat panitia" in c.params["text"]]
    assert len(sent) == 1 and "reply_markup" not in sent[0].params
    # ...and pinned there, silently (one second later: the group's own pace).
    for _ in range(60):
        pins = [c for c in org.standin.calls if c.method == "pinChatMessage"]
        if pins:
            break
        await asyncio.sleep(0.05)
    assert len(pins) == 1 and pins[0].ok
    assert pins[0].params["chat_id"] == group
    assert pins[0].params["message_id"] == sent[0].result["message_id"]
    assert pins[0].params["disable_notification"] is True


async def test_move_a_session_writes_the_file_and_tells_the_delegates(org: Harness) -> None:
    repo = org.repo
    await repo.touch_user(6001, "Ani", None)
    await repo.save_profile(6001, "Ani", "Kota Kupang", "Kota Kupang", "delegasi")
    event = org.app.bot_data.services.event
    session = event.session("bp-semarang")
    assert session is not None
    await repo.rsvp(6001, session.id, None)
    await scheduler.apply_event_change(org.app, None, event)  # records what Ani was told

    calls = await org.say("/ubah bp-semarang 15.00")
    preview = texts(calls)[0]
    assert "dipindah" in preview and "1 peserta dengan RSVP akan diberi tahu" in preview
    confirm = next(d for _, d in buttons(calls[-1]) if d.startswith("oy:"))
    calls = await org.press(confirm)
    assert "Jadwal diperbarui. 1 pemberitahuan" in texts(calls)[0]

    new = org.app.bot_data.services.event.session("bp-semarang")
    assert new is not None and new.start.hour == 15 and new.start.tzinfo is not None
    assert new.end - new.start == session.end - session.start
    data_file = org.app.bot_data.services.settings.event_file
    on_disk = load_event(data_file).session("bp-semarang")
    assert on_disk is not None and on_disk.start == new.start  # a restart keeps it
    assert "# SAMPLE" in data_file.read_text()  # the organizers' comments are kept

    org.clock.set(KEYNOTE_TIME + timedelta(minutes=1))
    notices = [text_of(c) for c in await org.tick() if c.params.get("chat_id") == 6001]
    assert notices, "the delegate is told about the move"

    # Venue change through the buttons.
    calls = await org.press("oe:bp-semarang")
    venue = next(d for _, d in buttons(calls[-1]) if d.startswith("ov:"))
    calls = await org.press(venue)
    assert "pindah tempat" in texts(calls)[0]
    calls = await org.press(next(d for _, d in buttons(calls[-1]) if d.startswith("oy:")))
    assert "Jadwal diperbarui" in texts(calls)[0]
    assert [a for _, _, a, _ in await repo.audit_log()] == ["change", "change"]


async def test_reload_shows_errors_or_the_diff(org: Harness) -> None:
    data_file = org.app.bot_data.services.settings.event_file
    good = data_file.read_text()
    before = org.app.bot_data.services.event
    data_file.write_text(good.replace('venue = "balai-kota"', 'venue = "nowhere"', 1))
    text = texts(await org.say("/muatulang"))[0]
    assert "tidak valid" in text and "nowhere" in text
    assert org.app.bot_data.services.event is before

    data_file.write_text(rewrite_session(good, "keynote", start=datetime(
        2019, 10, 16, 10, 0, tzinfo=WITA), end=datetime(2019, 10, 16, 11, 30, tzinfo=WITA)))
    calls = await org.say("/muatulang")
    assert "Keynote" in texts(calls)[0] and "dipindah" in texts(calls)[0]
    confirm = next(d for _, d in buttons(calls[-1]) if d.startswith("ol:"))
    assert "Jadwal diperbarui" in texts(await org.press(confirm))[0]
    keynote = org.app.bot_data.services.event.session("keynote")
    assert keynote is not None and keynote.start.hour == 10


async def test_statistics_and_export(org: Harness) -> None:
    repo = org.repo
    await repo.touch_user(6001, "=Ani", None)
    await repo.save_profile(6001, "=cmd|' /C calc'!A0", "Kota Kupang", "Kota Kupang",
                            "delegasi")
    await repo.rsvp(6001, "city-tour", 120)
    text = texts(await org.say("/statistik"))[0]
    assert "Peserta terdaftar: 1" in text and "Kota Kupang: 1" in text
    assert "City Tour Kota Kupang: 1/120" in text

    calls = await org.say("/ekspor")
    docs = [c for c in calls if c.method == "sendDocument"]
    # The daftar hadir follows (handlers/attendance.py); no PDF: nobody checked in.
    assert [d.params["document"]["filename"] for d in docs] == [
        "pendaftaran-citynet-kupang-2019.csv", "rsvp-citynet-kupang-2019.csv",
        "daftar-hadir-sesi.csv", "daftar-hadir-harian.csv"]
    calls = await org.say("/ekspor", chat_type="supergroup", chat_id=org.updates.group_chat_id)
    assert not [c for c in calls if c.method == "sendDocument"]
    assert "chat pribadi" in texts(calls)[0]


def test_csv_has_bom_and_defuses_formulas() -> None:
    from bot.render_organizer import csv_bytes

    data = csv_bytes(["nama"], [["=1+1"], ["Ani"]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["nama", "'=1+1", "Ani"]


def test_diff_names_moved_cancelled_new_and_venue(event: Event) -> None:
    keynote = event.session("keynote")
    assert keynote is not None
    moved = replace(keynote, start=keynote.start + timedelta(hours=1),
                    end=keynote.end + timedelta(hours=1), venue_id="suba-suka")
    extra = replace(keynote, id="baru", start=keynote.start + timedelta(days=1),
                    end=keynote.end + timedelta(days=1))
    sessions = [moved if s.id == "keynote" else s for s in event.sessions if s.id != "ishoma-1"]
    after = replace(event, sessions=tuple(sorted([*sessions, extra], key=lambda s: s.start)),
                    _by_id={})
    kinds = {(c.kind, c.session_id) for c in diff_events(event, after)}
    assert kinds == {(ChangeKind.MOVED, "keynote"), (ChangeKind.VENUE, "keynote"),
                     (ChangeKind.CANCELLED, "ishoma-1"), (ChangeKind.NEW, "baru")}


async def test_rehearsal_shift_is_kept_by_reload_and_change(event: Event, tmp_path: Path) -> None:
    """`run --shift-to`: the programme runs moved in time; /muatulang and /ubah must neither
    pull it back to 2019 nor write rehearsal dates into the real data file."""
    data = tmp_path / "event.toml"
    shutil.copy(DEFAULT_EVENT_FILE, data)
    shift = timedelta(days=2600)  # 2019-10-16 -> 2026-12-08
    rehearsal = load_event(data).shifted(shift)
    bot = Harness(rehearsal, KEYNOTE_TIME + shift, tmp_path / "bot.db")
    services = bot.app.bot_data.services
    services.settings = replace(services.settings, admins=frozenset({USER}), event_file=data)
    await bot.start()
    try:
        assert "Tidak ada perubahan jadwal" in texts(await bot.say("/muatulang"))[0]

        moved_day = rehearsal.session("bp-semarang")
        assert moved_day is not None
        day = moved_day.start.date().isoformat()
        calls = await bot.say(f"/ubah bp-semarang {day} 15.00")
        confirm = next(d for _, d in buttons(calls[-1]) if d.startswith("oy:"))
        assert "Jadwal diperbarui" in texts(await bot.press(confirm))[0]

        running = services.event.session("bp-semarang")
        assert running is not None and running.start.date() == moved_day.start.date()
        assert running.start.hour == 15
        on_disk = load_event(data).session("bp-semarang")
        assert on_disk is not None and on_disk.start == running.start - shift
        assert on_disk.start.year == 2019
    finally:
        await bot.stop()


async def test_an_edited_data_file_is_noticed_and_organizers_are_told_once(
    org: Harness,
) -> None:
    services = org.app.bot_data.services
    data = services.settings.event_file
    filewatch.start(org.app)  # as `run` does (the harness drives jobs by hand)
    assert not await filewatch.check(org.app)  # unchanged: nobody is bothered

    text = data.read_text(encoding="utf-8")
    edited = text.replace("start = 2019-10-17T08:30:00+08:00", "start = 2019-10-17T09:00:00+08:00")
    edited = edited.replace("end = 2019-10-17T10:00:00+08:00", "end = 2019-10-17T10:30:00+08:00")
    assert edited != text
    data.write_text(edited, encoding="utf-8")
    mark = len(org.standin.calls)
    assert await filewatch.check(org.app)
    told = [text_of(c) for c in org.standin.calls[mark:] if c.method == "sendMessage"]
    assert len(told) == 1 and "Berkas data jadwal berubah" in told[0]
    assert "Sharing Best Practice Kota Semarang" in told[0] and "/muatulang" in told[0]
    assert not await filewatch.check(org.app)  # told once per version
    old = services.event.session("bp-semarang")
    assert old is not None and old.start.hour == 8  # nothing applied by itself

    # Applied with /muatulang: the running programme is the file again; no more nudges.
    calls = await org.say("/muatulang")
    confirm = next(d for _, d in buttons(calls[-1]) if d.startswith("ol:"))
    await org.press(confirm)
    new = services.event.session("bp-semarang")
    assert new is not None and new.start.hour == 9
    assert not await filewatch.check(org.app)

    # A broken save is reported with its problems, and still nothing changes.
    data.write_text(edited.replace('timezone = "Asia/Makassar"', 'timezone = "Asia"'),
                    encoding="utf-8")
    mark = len(org.standin.calls)
    assert await filewatch.check(org.app)
    told = [text_of(c) for c in org.standin.calls[mark:] if c.method == "sendMessage"]
    assert len(told) == 1 and "belum valid" in told[0] and "timezone" in told[0]
    assert services.event.session("bp-semarang") is new


@pytest.mark.parametrize(("least", "urgent", "paid"),
                         [(0, True, False), (3, False, False), (3, True, True), (4, True, False)])
async def test_paid_broadcast_is_opt_in_for_urgent_announcements_to_many(
    org: Harness, least: int, urgent: bool, paid: bool
) -> None:
    """PAID_BROADCAST_MIN (off by default): an urgent announcement to at least that many
    people goes out with allow_paid_broadcast, and the preview shows what it costs."""
    services = org.app.bot_data.services
    services.settings = replace(services.settings, paid_broadcast_min=least)
    repo = org.repo
    people = [6001, 6002, 6003]
    for user_id in people:
        await repo.touch_user(user_id, f"Peserta {user_id}", None)
        await repo.save_profile(user_id, f"Peserta {user_id}", "Kota Kupang", "Kota Kupang",
                                "delegasi")
    draft = await compose(org)
    preview = texts(await org.press(f"oa:{draft}:all"))[0]
    if urgent:
        preview = texts(await org.press(f"ou:{draft}"))[0]
    cost = "biaya sekitar 0,3 Telegram Stars" in preview
    assert cost is paid, preview
    await org.press(f"os:{draft}")
    await wait_done(org, draft)
    sent = [c for c in org.standin.calls if c.method == "sendMessage" and c.ok
            and c.params["chat_id"] in people]
    assert sorted(c.params["chat_id"] for c in sent) == people
    assert {bool(c.params.get("allow_paid_broadcast")) for c in sent} == {paid}
