"""Issue 13: what delegates and organizers tripped over when the bot was tried end to end.

Each test failed before its fix; the item number is in the docstring.
"""

from __future__ import annotations

import csv
import io
import re
import signal
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from bot.config import DEFAULT_EVENT_FILE
from bot.loader import EventDataError, load_event
from bot.model import Event
from bot.offline.protocol import ApiCall
from tests.conftest import KEYNOTE_TIME, WITA
from tests.harness import USER, Harness, buttons, only_text, text_of
from tests.test_organizer import _fast_sender as _fast_sender  # fixture
from tests.test_organizer import compose, texts, wait_done
from tests.test_organizer import org as org  # fixture: USER an organizer, a copy of the data file

STARTED_ONLY = 7001  # pressed /start, never registered
REGISTERED = 7002
BLOCKED = 7003


async def test_everyone_means_everyone_who_started_the_bot(org: Harness) -> None:
    """#13.6: "everyone" reaches people who only pressed /start; registered-only stays."""
    repo = org.repo
    await org.say("/start", user_id=STARTED_ONLY, chat_id=STARTED_ONLY)
    await org.register("Rina", "sidoarjo", user_id=REGISTERED, chat_id=REGISTERED)
    await org.say("/start", user_id=BLOCKED, chat_id=BLOCKED)
    await repo.mark_inactive(BLOCKED)
    calls = await org.say("/umumkan")
    calls = await org.say("Ruang pleno pindah ke lantai 2")
    draft = int(buttons(calls[-1])[0][1].split(":")[1])
    labels = dict((d.split(":")[-1], label) for label, d in buttons(calls[-1]))
    assert labels["all"] == "👥 Peserta terdaftar (1)"
    assert labels["every"] == "📢 Semua pengguna bot (3)"  # USER, STARTED_ONLY, REGISTERED
    preview = texts(await org.press(f"oa:{draft}:every"))[0]
    assert "Penerima: semua pengguna bot" in preview and "3 penerima" in preview
    assert "1 orang tidak dikirimi: memblokir bot" in preview
    await org.press(f"os:{draft}")
    await wait_done(org, draft)
    got = sorted(c.params["chat_id"] for c in org.standin.calls if c.method == "sendMessage"
                 and c.ok and "lantai 2" in c.params["text"] and "Pratinjau" not in
                 c.params["text"])
    assert got == sorted([USER, STARTED_ONLY, REGISTERED])
    assert "lantai 2" in texts(await org.say("/pengumuman", user_id=STARTED_ONLY))[0]


async def test_dates_in_the_event_time_zone_and_csv_in_the_organizers_language(
    org: Harness,
) -> None:
    """#13.7: 07.45 WITA is 23.45 UTC the day before: no date may show the UTC day."""
    org.clock.set(datetime(2019, 10, 18, 7, 45, tzinfo=WITA))
    await org.register("Rina", "sidoarjo", user_id=REGISTERED, chat_id=REGISTERED)
    await org.press("r:keynote", user_id=REGISTERED, chat_id=REGISTERED)
    draft = await compose(org, "Bus berangkat 08.00")
    await org.press(f"oa:{draft}:all")
    await org.press(f"os:{draft}")
    await wait_done(org, draft)
    latest = texts(await org.say("/pengumuman", user_id=REGISTERED))[0]
    assert "Jum, 18 Okt 07.45" in latest and "2019-10-17" not in latest
    stats = texts(await org.say("/statistik"))[0]
    assert "Jum, 18 Okt 07.45" in stats and "2019-10-17" not in stats

    await org.say("/ekspor")
    rows = list(csv.reader(io.StringIO(
        org.standin.uploads["rsvp-citynet-kupang-2019.csv"].decode("utf-8-sig"))))
    assert rows[0][-2:] == ["status", "waktu (WITA)"]
    assert rows[1][-2:] == ["hadir", "2019-10-18 07:45"]
    rows = list(csv.reader(io.StringIO(
        org.standin.uploads["pendaftaran-citynet-kupang-2019.csv"].decode("utf-8-sig"))))
    assert rows[0][-1] == "terdaftar (WITA)"
    assert rows[1][-1] == "2019-10-18 07:45" and rows[1][4] == "Delegasi"
    assert rows[1][7] == "ya"

    await org.say("/language en")
    await org.say("/export")
    rows = list(csv.reader(io.StringIO(
        org.standin.uploads["rsvp-citynet-kupang-2019.csv"].decode("utf-8-sig"))))
    assert rows[0][-2:] == ["status", "time (WITA)"] and rows[1][-2] == "attending"


async def test_no_announcements_says_so(bot: Harness) -> None:
    """#13.8: with nothing sent yet, both ways of asking say "Belum ada pengumuman"."""
    assert only_text(await bot.say("/pengumuman")).startswith("📢 Belum ada pengumuman.")
    assert only_text(await bot.say("ada pengumuman?")).startswith("📢 Belum ada pengumuman.")
    assert text_of  # the module's helpers


async def test_a_change_is_checked_before_it_is_offered(org: Harness) -> None:
    """#13.9: a date outside the event is refused at once, in the organizer's language; a
    move onto another session in the same place is offered with a warning."""
    data_file = org.app.bot_data.services.settings.event_file
    before = data_file.read_text()
    calls = await org.say("/ubah keynote 2019-10-20 09.00")
    text = texts(calls)[0]
    assert "Minggu, 20 Oktober 2019 di luar hari acara" in text
    assert "16–18 Oktober 2019" in text or "Rabu, 16 Oktober 2019" in text
    assert not [d for _, d in buttons(calls[-1]) if d.startswith("oy:")]
    assert ".tmp" not in text and "outside" not in text
    # The tour's stops have their own times in the file: moving the tour is refused too.
    calls = await org.say("/ubah city-tour 09.00")
    assert "perhentian" in texts(calls)[0]
    assert not [d for _, d in buttons(calls[-1]) if d.startswith("oy:")]
    assert data_file.read_text() == before

    calls = await org.say("/ubah keynote 13.30")
    preview = texts(calls)[0]
    assert ("⚠️ Bentrok di Kantor Wali Kota Kupang dengan: Sharing Best Practice Kabupaten "
            "Banyuwangi") in preview and "(13.00–14.30)" in preview
    confirm = next(d for _, d in buttons(calls[-1]) if d.startswith("oy:"))
    assert "Jadwal diperbarui" in texts(await org.press(confirm))[0]

    await org.say("/language en")
    text = texts(await org.say("/change keynote 2019-10-20 09.00"))[0]
    assert "Sunday, 20 October 2019 is outside the event days" in text


async def _register_as(bot: Harness, instansi: str, user_id: int) -> list[ApiCall]:
    kw = {"user_id": user_id, "chat_id": user_id}
    await bot.say("/daftar", **kw)
    await bot.say("Rina", **kw)
    return await bot.say(instansi, **kw)


async def test_instansi_keeps_its_text_and_gives_the_region(bot: Harness) -> None:
    """#13.11: the prompt's own example is not questioned; "Dinas Kominfo Kota Kupang" keeps
    the instansi and sets the region (per-region announcements need it)."""
    repo = bot.repo
    assert repo is not None
    # A bare region name, however typed, is saved as the region's proper name.
    cases = [("Kota Kupang", "Kota Kupang", "Kota Kupang"),
             ("Dinas Kominfo Kota Kupang", "Dinas Kominfo Kota Kupang", "Kota Kupang"),
             ("kab. sidoarjo", "Kabupaten Sidoarjo", "Kabupaten Sidoarjo")]
    for user_id, (typed, instansi, region) in enumerate(cases, start=7100):
        calls = await _register_as(bot, typed, user_id)
        text = only_text(calls)
        assert "Maksud Anda" not in text and "3/3" in text
        assert f"Daerah: {region}" in text
        await bot.press("rgr:delegasi", user_id=user_id, chat_id=user_id)
        profile = await repo.get_profile(user_id)
        assert profile is not None
        assert (profile.instansi, profile.region) == (instansi, region)

    # A bare "Kupang" is Kota or Kabupaten: asked, and the typed instansi is kept.
    calls = await _register_as(bot, "Dinas Kominfo Kupang", 7200)
    assert "Daerah Anda yang mana?" in only_text(calls)
    assert ("Kota Kupang", "rgi:0") in buttons(calls[-1])
    await bot.press("rgi:0", user_id=7200, chat_id=7200)
    await bot.press("rgr:delegasi", user_id=7200, chat_id=7200)
    profile = await repo.get_profile(7200)
    assert profile is not None
    assert (profile.instansi, profile.region) == ("Dinas Kominfo Kupang", "Kota Kupang")


async def test_long_instansi_button_is_cut_on_a_word_and_saved_whole(bot: Harness) -> None:
    """#13.20: the "use my text" button ends with "…" on a word; the full text is saved."""
    repo = bot.repo
    assert repo is not None
    typed = "Dinas Komunikasi dan Informatika Pemerintah Kupang"
    calls = await _register_as(bot, typed, 7300)
    (label,) = [label for label, data in buttons(calls[-1]) if data == "rgi:-"]
    assert label == "Lainnya: pakai “Dinas Komunikasi dan…”"
    await bot.press("rgi:-", user_id=7300, chat_id=7300)
    await bot.press("rgr:delegasi", user_id=7300, chat_id=7300)
    profile = await repo.get_profile(7300)
    assert profile is not None and (profile.instansi, profile.region) == (typed, None)


async def test_rsvp_inside_the_lead_time_folds_the_reminder_into_the_confirmation(
    event: Event, tmp_path: Path,
) -> None:
    """#13.12: at 09.19 for the 09.30 keynote (lead 15 minutes), the confirmation says when
    it starts; no reminder follows it."""
    bot = await Harness(event, datetime(2019, 10, 16, 9, 19, tzinfo=WITA),
                        tmp_path / "db").start()
    try:
        await bot.register()
        calls = await bot.press("r:keynote")
        toast = next(c for c in calls if c.method == "answerCallbackQuery").params["text"]
        assert toast.endswith("Mulai 11 menit lagi.")
        assert [c for c in await bot.tick() if c.method == "sendMessage"] == []
        bot.clock.set(datetime(2019, 10, 16, 9, 25, tzinfo=WITA))
        assert [c for c in await bot.tick() if c.method == "sendMessage"] == []
        # Outside the lead time the reminder still comes, and the toast says nothing more.
        calls = await bot.press("r:bp-banyuwangi")
        toast = next(c for c in calls if c.method == "answerCallbackQuery").params["text"]
        assert "Mulai" not in toast
        bot.clock.set(datetime(2019, 10, 16, 12, 45, tzinfo=WITA))
        (reminder,) = [text_of(c) for c in await bot.tick() if c.method == "sendMessage"]
        assert reminder.startswith("⏰ Pengingat: Sharing Best Practice")
    finally:
        await bot.stop()


async def test_ics_has_a_real_dtstamp_stable_uid_and_a_sequence_that_rises(
    org: Harness,
) -> None:
    """#13.13: DTSTAMP is when the file is made; after a move the same UID comes with a
    higher SEQUENCE, so calendar apps update the entry instead of adding a second one."""

    async def download() -> Any:
        await org.press("ics:keynote")
        (item,) = Calendar.from_ical(org.standin.uploads["keynote.ics"]).walk("VEVENT")
        return item

    first = await download()
    assert first.decoded("dtstamp") == KEYNOTE_TIME
    assert int(first["sequence"]) == 0
    org.clock.set(KEYNOTE_TIME + timedelta(minutes=5))
    again = await download()
    assert int(again["sequence"]) == 0 and again["uid"] == first["uid"]
    assert again.decoded("dtstamp") == KEYNOTE_TIME + timedelta(minutes=5)

    calls = await org.say("/ubah keynote 2019-10-17 13.00")
    confirm = next(d for _, d in buttons(calls[-1]) if d.startswith("oy:"))
    await org.press(confirm)
    moved = await download()
    assert moved["uid"] == first["uid"] and int(moved["sequence"]) == 1
    assert moved.decoded("dtstart") == datetime(2019, 10, 17, 13, 0, tzinfo=WITA)
    assert int((await download())["sequence"]) == 1  # unchanged: no new version


async def test_the_card_shows_the_seats_left_and_the_waiting_list(
    event: Event, tmp_path: Path,
) -> None:
    """#13.19: "🪑 Kapasitas 2 orang" alone hid that the session was full."""
    small = replace(event, sessions=tuple(
        replace(s, capacity=2) if s.id == "bp-semarang" else s for s in event.sessions),
        _by_id={})
    bot = await Harness(small, KEYNOTE_TIME, tmp_path / "db").start()
    try:
        people = [7400, 7401, 7402, 7403]
        for user_id in people:
            await bot.register("Rina", "sidoarjo", user_id=user_id, chat_id=user_id)

        def card(calls: list[ApiCall]) -> str:
            return text_of([c for c in calls if c.method in ("editMessageText",
                                                             "sendMessage")][-1])

        first = card(await bot.press("s:bp-semarang", user_id=7400, chat_id=7400))
        assert "🪑 Kapasitas 2 orang — sisa 2 kursi" in first
        assert "sisa 1 kursi" in card(await bot.press("r:bp-semarang", user_id=7400,
                                                     chat_id=7400))
        assert "— penuh" in card(await bot.press("r:bp-semarang", user_id=7401, chat_id=7401))
        await bot.press("r:bp-semarang", user_id=7402, chat_id=7402)
        text = card(await bot.press("r:bp-semarang", user_id=7403, chat_id=7403))
        assert "🪑 Kapasitas 2 orang — penuh, daftar tunggu 2 orang" in text
        assert "sisa" not in text
    finally:
        await bot.stop()


async def test_role_panitia_says_how_organizer_access_is_given(org: Harness) -> None:
    """#13.10: the role "Panitia" is a label; access to the tools comes with an invite."""
    await org.register("Rina", "sidoarjo", role="panitia", user_id=7500, chat_id=7500)
    done = [c for c in org.standin.calls if c.method == "sendMessage"
            and c.params["chat_id"] == 7500][-1]
    text = text_of(done)
    assert "sudah terdaftar" in text
    assert "tautan undangan" in text and "/admin undang" in text
    # An organizer (USER is one) is not told to get an invite; a delegate is not told at all.
    await org.register("Budi", "sidoarjo", role="panitia")
    done = [c for c in org.standin.calls if c.method == "sendMessage"
            and c.params["chat_id"] == USER][-1]
    assert "sudah terdaftar" in text_of(done) and "tautan undangan" not in text_of(done)
    await org.register("Sari", "sidoarjo", user_id=7501, chat_id=7501)
    done = [c for c in org.standin.calls if c.method == "sendMessage"
            and c.params["chat_id"] == 7501][-1]
    assert "sudah terdaftar" in text_of(done) and "tautan undangan" not in text_of(done)


async def test_where_is_lunch_is_short_and_shows_no_aliases(bot: Harness) -> None:
    """#14: aliases are for matching, not for display; the answer fits a phone screen."""
    calls = await bot.say("makan siang dimana?")
    text = text_of(next(c for c in calls if c.method == "sendMessage"))
    assert "Juga disebut" not in text and "balaikota" not in text
    assert "Ishoma" in text and "12.00–13.00" in text
    assert "Keynote" not in text and "Penutupan" not in text  # only what was asked about
    assert len(text.splitlines()) <= 12
    # The venue card itself lists what is coming there, a few at a time.
    text = only_text(await bot.press("v:balai-kota"))
    assert "Juga disebut" not in text
    assert "Registrasi" not in text  # over by 10.00 on the first day
    assert "acara lain di sini" in text
    assert len(text.splitlines()) <= 14


async def test_list_items_are_not_capitalised_mid_list(bot: Harness) -> None:
    """#13.16: "Bawa: Air minum, Topi…" reads as a row of sentences; names keep capitals."""
    text = only_text(await bot.say("/citytour"))
    assert ("Bawa: Air minum, topi atau payung, tabir surya, kartu peserta, dan pakaian "
            "sopan untuk kunjungan") in text
    from bot.render import list_items

    t = bot.app.bot_data.services.i18n.get("id")
    assert list_items(["Air", "KTP", "Pantai Lasiana", "Topi"], t) == (
        "Air, KTP, Pantai Lasiana, dan topi")


def test_stopping_while_telegram_is_unreachable_logs_one_calm_line(tmp_path: Path) -> None:
    """#13.18: an outage at shutdown is expected; PTB's ERROR with a traceback is noise."""
    from tests.httpstandin import HttpStandIn
    from tests.test_process import TOKEN, BotProcess, start_polling

    with HttpStandIn(token=TOKEN) as server:
        bot = BotProcess(server, tmp_path / "citynet.db", tmp_path)
        try:
            start_polling(bot, server)
            server.go_down()
            time.sleep(1.0)
            bot.signal(signal.SIGTERM)
            assert bot.wait() == 0
        finally:
            bot.ensure_stopped()
        log = bot.errors()
    assert " ERROR " not in log and "Traceback" not in log, log[-3000:]
    calm = [line for line in log.splitlines() if "unreachable" in line]
    assert len(calm) == 1 and " WARNING " in calm[0], log[-3000:]


async def test_prose_does_not_restate_times_the_bot_shows(event: Event, tmp_path: Path) -> None:
    """#13.4: in a rehearsal (or after /ubah) the tour's text said 07.30 while the bot said
    08.30. Times live in start/end/gather only; the loader refuses them in descriptions."""
    later = event.shifted(timedelta(hours=1))
    bot = await Harness(later, datetime(2019, 10, 17, 9, 0, tzinfo=WITA), tmp_path / "db").start()
    try:
        text = only_text(await bot.press("s:city-tour"))
        assert "Kumpul pukul 08.30" in text
        assert "07.30" not in text and "08.00" not in text
        faq = only_text(await bot.say("dimana ambil kartu peserta?"))
        assert "07.30" not in faq
    finally:
        await bot.stop()

    source = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    tour_text = 'description = "Tur keliling Kota Kupang dengan bus,'
    assert tour_text in source
    bad.write_text(source.replace(tour_text, tour_text + " kumpul pukul 07.30,"),
                   encoding="utf-8")
    with pytest.raises(EventDataError) as raised:
        load_event(bad)
    assert "sessions[11].description" in str(raised.value)  # the tour, 12th session
    assert "07.30" in str(raised.value)


async def test_quotes_are_indonesian_not_guillemets(bot: Harness) -> None:
    """#13.15: Indonesian quotes with “…”; no «…» anywhere the bot can say."""
    text = only_text(await bot.say("/kontak atlantis"))
    assert "“atlantis”" in text and "«" not in text


def test_catalogs_have_no_guillemets() -> None:
    """#13.15, for every text: the catalogs hold all of them."""
    root = Path(__file__).resolve().parent.parent
    for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        content = po.read_text(encoding="utf-8")
        assert "«" not in content and "»" not in content, po


def test_catalogs_say_berkas_data() -> None:
    """The event's data file is the "berkas data" in every Indonesian text, never "file data"."""
    root = Path(__file__).resolve().parent.parent
    for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        msgids = [line for line in po.read_text(encoding="utf-8").splitlines()
                  if line.startswith(("msgid", '"'))]
        assert not any(re.search(r"\bfile data\b", line, re.IGNORECASE) for line in msgids), po
