"""The programme in time, in English and Indonesian (issue 11), through the real Application
and the stand-in, by general cause:

- English parts of the day are English ones: "this afternoon"/"this arvo" run from noon to
  18.00 (a 15.30 item is in them; Indonesian "siang" stays 11-15), "this morning" until noon;
  "after the afternoon" is the evening;
- a day without programme says so plainly ("there is no programme that day");
- "kick off", "wrap up" ask when a day (or an item) starts and ends; "later today" is the rest
  of today; "what's the very first thing", "who's on stage now", "what am I missing" are the
  programme's own questions, not unknown words;
- after an item in Kupang Malay ("su pulang dari tur, sekarang apa lai?", "abis tour ni
  katong bikin apa lai?"), "acara paling akhir", "barusan mulai sesi apa?";
- a misspelt word of an item's two-word name ("luar nergi", "best practis") and chat's
  "smp"/"bpa" ("smp jm brp") do not hide the item asked about.

Everything comes from the event model: the second sample event answers the same questions
with its own items.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness, makassar_bot
from tests.test_answers import read, read_en


async def test_english_afternoon_runs_from_noon_to_the_evening(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 11, 0, tzinfo=WITA))
    for question in ("What's on this afternoon?", "what's on this arvo"):
        en = await read_en(bot, question)
        # The 13.00 session and the 15.30 press conference; not the morning's keynote.
        assert "Wednesday, 16 October 2019, afternoon" in en, question
        assert "13:00–14:30" in en and "15:30–16:30 · Press conference" in en, question
        assert "Keynote" not in en, question
    # The Indonesian "siang" is still 11-15: the press conference at 15.30 is "sore".
    text = read(await bot.say("siang ini ada acara apa?"))
    assert "13.00–14.30" in text and "Jumpa pers" not in text
    en = await read_en(bot, "anything this morning?")
    assert "09:30–11:00 · Keynote" in en and "Press conference" not in en


async def test_a_day_without_programme_says_so(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 17, 0, tzinfo=WITA))
    en = await read_en(bot, "what's on the day after tomorrow")
    assert "Saturday, 19 October 2019: there is no programme that day" in en
    text = read(await bot.say("lusa ada acara apa?"))
    assert "Tidak ada acara pada Sabtu, 19 Oktober 2019" in text


async def test_english_words_for_start_end_and_the_rest_of_today(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 9, 0, tzinfo=WITA))
    en = await read_en(bot, "when does it kick off tomorrow?")
    assert "Friday, 18 October 2019 starts at 08:00" in en
    en = await read_en(bot, "what time do we wrap up today?")
    assert "Thursday, 17 October 2019 ends at 15:00" in en
    en = await read_en(bot, "anything later today?")
    assert "still to come after 09:00" in en
    en = await read_en(bot, "who's on stage right now?")
    assert "On now" in en and "Perwakilan Pemerintah Kota Semarang" in en
    assert DECLINED_EN not in en
    bot.clock.set(datetime(2019, 10, 15, 16, 0, tzinfo=WITA))
    en = await read_en(bot, "what's the very first thing on day one?")
    assert "starts at 07:30 WITA with Participant registration" in en
    bot.clock.set(datetime(2019, 10, 16, 8, 45, tzinfo=WITA))
    en = await read_en(bot, "running late - what am I missing right now?")
    assert "On now" in en and "Opening" in en


async def test_after_an_item_and_the_last_item_in_chat(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 18, 11, 5, tzinfo=WITA))
    for question in ("su pulang dari tur, sekarang apa lai?",
                     "abis tour ni katong bikin apa lai?"):
        text = read(await bot.say(question))
        assert "Setelah City Tour Kota Kupang (08.00–11.00): Penutupan" in text, question
    # When the tour comes back is still the tour's own time.
    text = read(await bot.say("tur pulang jam berapa?"))
    assert "selesai 11.00 WITA" in text and "Setelah City Tour" not in text
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    text = read(await bot.say("acara paling akhir di seminar ini apa?"))
    assert text.startswith("Penutupan — Jumat, 18 Oktober 2019, 11.15–11.45 WITA")
    bot.clock.set(datetime(2019, 10, 16, 9, 35, tzinfo=WITA))
    text = read(await bot.say("barusan mulai sesi apa ya?"))
    assert "Sedang berlangsung" in text and "09.30–11.00 · Keynote" in text


async def test_a_misspelt_word_of_an_items_name(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 8, 0, tzinfo=WITA))
    text = read(await bot.say("sesi luar nergi jam brapa?"))
    assert text.startswith("Best Practice Luar Negeri — Kamis, 17 Oktober 2019, 10.30–12.00")
    text = read(await bot.say("sharing best practis semarang jam brp"))
    assert "Kamis, 17 Oktober 2019, 08.30–10.00 WITA" in text
    text = read(await bot.say("ni sosialisasi smp jm brp"))
    assert "13.00–15.00" in text and DECLINED not in text
    # A word two edits from no name's word is still not read as one.
    text = read(await bot.say("sesi luar angkasa jam brapa?"))
    assert "10.30–12.00" not in text


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db") as bot:
        yield bot


async def test_any_event_file(makassar: Harness) -> None:
    makassar.clock.set(datetime(2024, 5, 14, 9, 0, tzinfo=WITA))
    en = await read_en(makassar, "What's on this afternoon?")
    assert "Group discussion: shared data for public services" in en
    assert "The regions' smart city plans" not in en
    en = await read_en(makassar, "when do we wrap up today?")
    assert "ends at 15:00" in en


async def test_english_chat_forms_and_relations(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 20, 45, tzinfo=WITA))
    en = await read_en(bot, "tmrw first sesh?")
    # The first session proper (t33), with its start.
    assert "first session on Thursday, 17 October 2019" in en and "08:30" in en, en
    bot.clock.set(datetime(2019, 10, 17, 9, 0, tzinfo=WITA))
    en = await read_en(bot, "what's this afternoon?")
    assert "Thursday, 17 October 2019, afternoon" in en and "13:00–15:00" in en
    en = await read_en(bot, "When does the Citynet programme socialization start and end?")
    assert "Introduction to Citynet Indonesia's programmes — Thursday, 17 October 2019, " \
           "13:00–15:00" in en
    en = await read_en(bot, "What follows the Semarang session?")
    assert "): Coffee break — Thursday, 17 October 2019, 10:00–10:30" in en
    bot.clock.set(datetime(2019, 10, 16, 12, 20, tzinfo=WITA))
    en = await read_en(bot, "we're at lunch now - what starts after it?")
    assert "After Break for rest, prayer and lunch (12:00–13:00): Best practice from " \
           "Banyuwangi" in en
    text = read(await bot.say("keynote, abis itu apa?"))
    assert text.startswith("Setelah Keynote: Strategi Pengembangan Smart City (09.30–11.00): "
                           "Ishoma")


async def test_a_day_or_time_that_cannot_be_read_is_asked_back(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    for question, typed in (("hari ke 7 ada apa?", "hari ke 7"), ("jadwal jam 27?", "jam 27"),
                            ("acara hari kelima?", "hari kelima"),
                            ("tanggal 40 ada acara?", "tanggal 40")):
        text = read(await bot.say(question))
        assert f"Maaf, “{typed}” tidak bisa saya baca sebagai hari atau jam acara ini." in text
        assert "Hari 1 · Rab, 16 Okt" in text and "Hari 3 · Jum, 18 Okt" in text, question
    en = await read_en(bot, "what's on day 5?")
    assert "Sorry, I can't read “day 5” as a day or time of this event." in en
    en = await read_en(bot, "what's on at 13pm?")
    assert "“at 13pm”" in en and "Choose the day" in en
    # A day the event has is still read.
    text = read(await bot.say("hari kedua ada apa?"))
    assert "Kamis, 17 Oktober 2019 — hari 2 dari 3" in text


async def test_a_span_of_the_day(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 8, 0, tzinfo=WITA))
    en = await read_en(bot, "what's on between 10 and 12 on day two?")
    assert "Thursday, 17 October 2019, 10:00–12:00 WITA" in en
    assert "10:00–10:30 · Coffee break" in en and "International Best Practice" in en
    assert "Semarang" not in en
    text = read(await bot.say("jumat dari jam 12 sampai 14 ada apa?"))
    assert "Jumat, 18 Oktober 2019, 12.00–14.00 WITA" in text
    assert "Tidak ada acara pada waktu itu. Yang terdekat:" in text and "Penutupan" in text
    # Two items named are still the items between them, not a span of hours.
    en = await read_en(bot, "what's between the coffee break and lunch?")
    assert "Between Coffee break (10:00–10:30) and Break for rest, prayer and lunch" in en


async def test_a_tag_in_english_word_order(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 9, 0, tzinfo=WITA))
    en = await read_en(bot, "Is there anything after the Citynet programme session today?")
    assert "Nothing else is on that day after Introduction to Citynet Indonesia's programmes" in en
    assert "Next: Kupang City Tour" in en


async def test_english_clock_phrases(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 8, 0, tzinfo=WITA))
    en = await read_en(bot, "what's on at half past 2?")
    assert "Wednesday, 16 October 2019 at 14:30 WITA" in en and "Press conference" in en
    en = await read_en(bot, "what's on at midday?")
    assert "Wednesday, 16 October 2019 at 12:00 WITA" in en and "lunch" in en
    en = await read_en(bot, "what's on at quarter to 9 tomorrow?")
    assert "Thursday, 17 October 2019 at 08:45 WITA" in en and "Semarang" in en
