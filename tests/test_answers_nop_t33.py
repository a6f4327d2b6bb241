"""Time, durations and the programme (dev sets aa and ab; issue 11), through the real
Application and the stand-in: answered from the event model, or declined — never a loosely
related card.

- how long an item lasts, for every item a question names ("berapa lama jeda istirahat makan
  siang?": each break with its length);
- how much is left of the item on now ("masih lama?", "how much longer does the current
  session run?", "sesi skrg kapan selesai?"): its card, with the time left;
- after/before a named item on a day named ("sesudah rehat kopi besok?");
- several days in one question ("kamis sama jumat", "Thursday and Friday", "besok dan
  lusa", "hari 2 dan 3"): each day's programme;
- when to be there, naming no day ("I'm at the hotel, what time should I be at the
  venue?"): the next programme day not begun yet, from its first item;
- "is today's programme over?" after its end: that it is, and what is next;
- "sesi pertama" is the first session proper, with the registration before it named.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness, makassar_bot
from tests.test_answers import read, read_en


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db", before=timedelta(days=1)) as bot:
        yield bot


async def test_how_long_every_item_named_lasts(bot: Harness) -> None:
    """"Berapa lama jeda istirahat makan siang?": each break's times and length."""
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    for question in ("Berapa lama jeda istirahat makan siang?", "ishoma brp jam?",
                     "istirahat makan siang lamanya berapa?"):
        text = read(await bot.say(question))
        assert "12.00–13.00 WITA, lamanya 1 jam" in text and DECLINED not in text, text
    text = await read_en(bot, "how long is the lunch break?")
    assert "12:00–13:00 WITA, it lasts 1 hour" in text and DECLINED_EN not in text, text
    for question in ("keynote lama gak?", "keynote lamanya berapa?"):
        text = read(await bot.say(question))
        assert "Lamanya 1 jam 30 menit" in text and DECLINED not in text, text


async def test_how_much_is_left_of_the_item_on_now(bot: Harness) -> None:
    """"How much longer does the current session run?" at 14.00 on Thursday: the session on
    now, ending 15.00, one hour left; with nothing on, never a made-up item."""
    bot.clock.set(datetime(2019, 10, 17, 14, 0, tzinfo=WITA))
    for question in ("How much longer does the current session run?", "how much longer?",
                     "how much time is left?", "when does the current session end?"):
        text = await read_en(bot, question)
        assert "Citynet Indonesia's programmes" in text and "ends at 15:00" in text, text
        assert "1 hour left" in text and DECLINED_EN not in text, text
    for question in ("masih lama?", "sesi yg skrg msh lama ga?", "acara sekarang kapan selesai?",
                     "brp lama lg sesi ini?", "sisa waktunya berapa menit?"):
        text = read(await bot.say(question))
        assert "Sosialisasi Program Citynet" in text and "selesai 15.00" in text, text
        assert "Masih 1 jam lagi" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 16, 10, 20, tzinfo=WITA))
    for question in ("is this session almost over?", "how long until this ends?"):
        text = await read_en(bot, question)
        assert "Keynote" in text and "40 minutes left" in text, text
    # An item named, on now among others of its name: that one.
    bot.clock.set(datetime(2019, 10, 16, 12, 20, tzinfo=WITA))
    text = read(await bot.say("ishoma masih lama?"))
    assert "Rabu, 16 Oktober 2019" in text and "Masih 40 menit lagi" in text, text
    assert "Kam, 17 Okt" not in text, text
    # Thursday evening: nothing is on; no item's card is given as if it were.
    bot.clock.set(datetime(2019, 10, 17, 19, 0, tzinfo=WITA))
    text = read(await bot.say("masih lama?"))
    assert "Sedang berlangsung" not in text, text


async def test_after_or_before_an_item_on_a_day_named(bot: Harness) -> None:
    """"sesudah rehat kopi besok?": the item after it, not the coffee break itself."""
    bot.clock.set(datetime(2019, 10, 16, 22, 0, tzinfo=WITA))
    text = read(await bot.say("sesudah rehat kopi besok?"))
    assert "Setelah Rehat kopi" in text and "Keesei Lee" in text, text
    text = read(await bot.say("sebelum ishoma besok?"))
    assert "Sebelum Ishoma" in text and "Best Practice Luar Negeri" in text, text
    text = await read_en(bot, "after the coffee break tomorrow?")
    assert "After Coffee break" in text and "International Best Practice" in text, text
    text = read(await bot.say("abis makan siang hari kamis ada apa?"))
    assert "Sosialisasi Program Citynet" in text, text


async def test_several_days_in_one_question(bot: Harness) -> None:
    """"jadwal hari kamis sama hari jumat apa aja": both days' programmes."""
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    for question in ("jadwal hari kamis sama hari jumat apa aja", "acara besok dan lusa apa aja?",
                     "jadwal hari 2 dan 3", "agenda tgl 17 & 18?"):
        text = read(await bot.say(question))
        assert "Kamis, 17 Oktober 2019" in text and "Jumat, 18 Oktober 2019" in text, text
        assert "Sosialisasi" in text and "City Tour" in text, text
    text = await read_en(bot, "schedule for Thursday and Friday")
    assert "Thursday, 17 October 2019" in text and "Friday, 18 October 2019" in text, text
    # One day asked, and another day as the asker's condition: one day's answer.
    text = read(await bot.say("jadwal besok"))
    assert "Jumat, 18 Oktober 2019 —" not in text, text


async def test_when_to_be_there_names_no_day(bot: Harness) -> None:
    """"hi, I'm at the hotel, what time should I be at the venue?" early on Wednesday: the
    day's start (registration at 07.30); asked that evening, Thursday's."""
    bot.clock.set(datetime(2019, 10, 16, 7, 5, tzinfo=WITA))
    text = await read_en(bot, "hi, I'm at the hotel, what time should I be at the venue?")
    assert "07:30" in text and "Kantor Wali Kota Kupang" in text, text
    assert DECLINED_EN not in text, text
    text = read(await bot.say("sy msh di hotel, jam brp hrs sampai di tempat acara?"))
    assert "07.30" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 16, 17, 0, tzinfo=WITA))
    for question in ("jam berapa saya harus datang?", "jam berapa kami sebaiknya tiba?"):
        text = read(await bot.say(question))
        assert "Kamis, 17 Oktober 2019" in text and "08.30" in text, text
    text = await read_en(bot, "When should I arrive?")
    assert "Thursday, 17 October 2019" in text and "08:30" in text, text
    # Where one must go on a day: the day's first item, with its place.
    bot.clock.set(datetime(2019, 10, 16, 19, 0, tzinfo=WITA))
    for question in ("besok saya harus ke mana?", "besok pagi beta pi mana ko?"):
        text = read(await bot.say(question))
        assert "Kamis, 17 Oktober 2019" in text and "Kantor Wali Kota Kupang" in text, text
    text = await read_en(bot, "where should I be tomorrow?")
    assert "08:30" in text and "Kantor Wali Kota Kupang" in text, text
    # Where to go now is what is on now (or next), not a day's start.
    bot.clock.set(datetime(2019, 10, 16, 11, 30, tzinfo=WITA))
    text = read(await bot.say("beta pi mana sekarang, ada acara ko sonde?"))
    assert "Ishoma" in text and "Kamis" not in text, text
    # Not the asker's whereabouts as the question: what they ask is still checked.
    text = read(await bot.say("saya di hotel, ada shuttle ke lokasi?"))
    assert DECLINED in text, text


async def test_is_today_over_after_its_end(bot: Harness) -> None:
    """"hari ni acara su abis ko?" at 17.05 on Wednesday: over at 16.30, and what is next."""
    bot.clock.set(datetime(2019, 10, 16, 17, 5, tzinfo=WITA))
    text = read(await bot.say("hari ni acara su abis ko?"))
    assert "sudah selesai" in text and "16.30" in text and "Semarang" in text, text
    text = await read_en(bot, "is today's programme over?")
    assert "16:30" in text and "Semarang" in text, text
    # Before the end: when it ends.
    bot.clock.set(datetime(2019, 10, 16, 15, 0, tzinfo=WITA))
    text = read(await bot.say("hari ini selesai jam berapa?"))
    assert "selesai pukul 16.30" in text, text


async def test_the_first_session_is_a_session(bot: Harness) -> None:
    """"sesi pertama jam berapa?" on a day opening with registration: the opening at
    08.30, registration named before it; "acara mulai jam berapa?" is the day's start."""
    bot.clock.set(datetime(2019, 10, 16, 7, 0, tzinfo=WITA))
    text = read(await bot.say("sesi pertama jam berapa?"))
    assert "Sesi pertama Rabu, 16 Oktober 2019: Pembukaan" in text, text
    assert "mulai pukul 08.30" in text and "Registrasi peserta mulai pukul 07.30" in text, text
    text = await read_en(bot, "what time is the first session?")
    assert "The first session on Wednesday, 16 October 2019: Opening" in text, text
    assert "Participant registration from 07:30" in text, text
    text = read(await bot.say("acara hari ini mulai jam berapa?"))
    assert "dimulai pukul 07.30 WITA dengan Registrasi peserta" in text, text


async def test_the_first_session_of_a_part_of_the_day_says_which_part(bot: Harness) -> None:
    """"besok siang sesi pertama jam berapa?": the afternoon's first session, said to be the
    afternoon's (not the day's, which is the opening at 08.30), and what comes before it in
    that afternoon, not the morning's registration."""
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    text = read(await bot.say("besok siang sesi pertama jam berapa?"))
    assert "Sesi pertama Rabu, 16 Oktober 2019, siang: Sharing Best Practice" in text, text
    assert "mulai pukul 13.00" in text and "Registrasi peserta" not in text, text


async def test_the_makassar_event_is_asked_the_same_kinds(makassar: Harness) -> None:
    """The same kinds of question on another event file."""
    makassar.clock.set(datetime(2024, 5, 14, 10, 0, tzinfo=WITA))
    text = read(await makassar.say("masih lama?"))
    assert "Paparan rencana smart city daerah" in text and "selesai 11.30" in text, text
    assert "Masih 1 jam 30 menit lagi" in text, text
    text = read(await makassar.say("jadwal selasa dan rabu"))
    assert "Selasa, 14 Mei 2024" in text and "Rabu, 15 Mei 2024" in text, text
    text = read(await makassar.say("sesi pertama jam berapa?"))
    assert "Sesi pertama Selasa, 14 Mei 2024: Pembukaan" in text, text
    assert "Registrasi peserta mulai pukul 08.00" in text, text
    makassar.clock.set(datetime(2024, 5, 14, 16, 0, tzinfo=WITA))
    text = read(await makassar.say("hari ini acara sudah selesai?"))
    assert "sudah selesai" in text and "Perumusan kesepakatan bersama" in text, text
    text = await read_en(makassar, "what time should I be at the venue?")
    assert "Wednesday, 15 May 2024" in text and "09:00" in text, text
    makassar.clock.set(datetime(2024, 5, 13, 20, 0, tzinfo=WITA))
    text = read(await makassar.say("sesudah ishoma besok?"))
    assert "Setelah Ishoma" in text and "Diskusi kelompok" in text, text
