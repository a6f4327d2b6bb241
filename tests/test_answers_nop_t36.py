"""The programme asked from a clock time, at a day's edges, with typos and with a title's
words in other words (dev sets y and z; issue 11), through the real Application and the
stand-in: each answered from the event model, or declined — never a loosely related card.

- after a clock time: "setelah jam 10", "after 10am", "jam 10 ke atas", "from 10 onwards",
  and a busy time told before "setelah itu" ("rapat hingga pukul sepuluh. Setelah itu sesi
  apa?") list the day from then on; an office named in the letter ("Dinas Kominfo") is not
  the item "setelah itu" is after;
- arriving for a day: "show up", "turn up" are arriving; "everything" is general language
  ("what time does everything finish on the last day?");
- short English words with their last letter left off ("wher", "lunc") and a word read by
  ear that is a chat spelling ("sitytour" city tour);
- a title's words in other words, both languages: "kota pintar/cerdas" smart city,
  "pendanaan" financing, "admin reform" administrative reform, "ngenalin/mengenalkan/
  introducing" an introduction.

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


async def test_the_day_after_a_clock_time(bot: Harness) -> None:
    """The rest of a day from a clock time, in the words delegates use, not the one item on
    at that time."""
    bot.clock.set(datetime(2019, 10, 16, 17, 30, tzinfo=WITA))
    for question in ("besok setelah jam 10 ada sesi apa saja?",
                     "besok setelah pukul sepuluh sesi apa?",
                     "besok dari jam 10 ke atas ada acara apa?"):
        text = read(await bot.say(question))
        assert "mulai pukul 10.00" in text, (question, text)
        assert "Luar Negeri" in text and "Sosialisasi" in text, (question, text)
        assert "Semarang" not in text and DECLINED not in text, (question, text)
    text = await read_en(bot, "what sessions are there after 10am tomorrow?")
    assert "from 10:00" in text and "International Best Practice" in text, text
    assert "Introduction to Citynet" in text and "Semarang" not in text, text
    # A span asked stays a span.
    text = read(await bot.say("besok antara jam 10 dan 12 ada apa?"))
    assert "10.00–12.00" in text and "Sosialisasi" not in text, text


async def test_a_busy_time_then_after_that(bot: Harness) -> None:
    """"We are busy until 10; which sessions after that?": the day from 10, not the item
    after one an office's name looks like (blind z083: "Dinas Kominfo" read as the
    keynote, and the lunch after it given)."""
    bot.clock.set(datetime(2019, 10, 16, 17, 30, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat sore Bapak/Ibu. Kami dari Dinas Kominfo Kabupaten Flores Timur ingin "
        "menyampaikan bahwa besok pagi kami ada rapat koordinasi hingga pukul sepuluh. Sesi "
        "yang masih dapat kami ikuti setelah itu sesi apa saja? Terima kasih."))
    assert "Luar Negeri" in text and "Sosialisasi" in text, text
    assert "Setelah Keynote" not in text and "Rabu" not in text, text
    text = read(await bot.say("besok kami rapat sampai jam 10. setelah itu sesi apa saja "
                              "yang bisa diikuti?"))
    assert "mulai pukul 10.00" in text and "Sosialisasi" in text, text
    assert DECLINED not in text, text
    # "setelah itu" after an item named is still after that item.
    bot.clock.set(datetime(2019, 10, 17, 8, 0, tzinfo=WITA))
    text = read(await bot.say("sesi semarang jam berapa? setelah itu ada apa?"))
    assert "Semarang" in text and "Rehat kopi" in text, text


async def test_arriving_and_the_last_day_in_english(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 19, 0, tzinfo=WITA))
    for question in ("hi, what time should I show up tomorrow?",
                     "when should we turn up tomorrow morning?"):
        text = await read_en(bot, question)
        assert "08:30" in text and DECLINED_EN not in text, (question, text)
    bot.clock.set(datetime(2019, 10, 17, 20, 0, tzinfo=WITA))
    for question in ("What time does everything finish on the last day",
                     "what time does everything end on the final day?"):
        text = await read_en(bot, question)
        assert "11:45" in text and DECLINED_EN not in text, (question, text)


async def test_short_words_cut_short_and_heard(bot: Harness) -> None:
    """"wher is the lunc today": where, lunch; "kpan sitytour brangkat": the city tour."""
    bot.clock.set(datetime(2019, 10, 16, 10, 5, tzinfo=WITA))
    text = await read_en(bot, "wher is the lunc today")
    assert "Kantor Wali Kota" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "what time is lunc")
    assert "12:00" in text and DECLINED_EN not in text, text
    bot.clock.set(datetime(2019, 10, 17, 17, 0, tzinfo=WITA))
    for question in ("kpan sitytour brangkat", "kapan sitytour berangkat?"):
        text = read(await bot.say(question))
        assert "08.00" in text and DECLINED not in text, (question, text)
    # An Indonesian word is not cut short into an English one ("payung" is no "paying").
    text = read(await bot.say("boleh bawa payung ke city tour?"))
    assert "payung" in text.lower(), text


async def test_a_titles_words_in_other_words(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 12, 15, tzinfo=WITA))
    for question in ("sesi menteri soal strategi kota pintar tadi jam brp selesai?",
                     "sesi menteri soal strategi kota cerdas tadi jam brp selesai?"):
        text = read(await bot.say(question))
        assert "11.00" in text and DECLINED not in text, (question, text)
    bot.clock.set(datetime(2019, 10, 16, 16, 20, tzinfo=WITA))
    text = read(await bot.say("sesi soal pendanaan infrastruktur jam berapa?"))
    assert "08.30" in text and "Semarang" in text, text
    text = await read_en(bot, "when is the talk on infrastructure funding and admin reform?")
    assert "08:30" in text and "Semarang" in text, text
    bot.clock.set(datetime(2019, 10, 17, 8, 30, tzinfo=WITA))
    for question in ("sesi yg ngenalin keanggotaan citynet kapan?",
                     "kapan sesi yang mengenalkan program citynet?"):
        text = read(await bot.say(question))
        assert "13.00" in text and "Sosialisasi" in text, (question, text)
    text = await read_en(bot, "when is the session introducing citynet membership?")
    assert "13:00" in text and DECLINED_EN not in text, text


async def test_any_event_file(makassar: Harness) -> None:
    """The same kinds on the Makassar example: its own items, its own times."""
    makassar.clock.set(datetime(2024, 5, 13, 19, 0, tzinfo=WITA))
    text = read(await makassar.say("besok setelah jam 11 ada acara apa saja?"))
    assert "mulai pukul 11.00" in text and "Diskusi kelompok" in text, text
    assert "Registrasi" not in text, text
    text = await read_en(makassar, "what time should I show up tomorrow?")
    assert "08:00" in text and DECLINED_EN not in text, text
    text = read(await makassar.say("sesi soal rencana kota pintar jam berapa?"))
    assert "09.00" in text and DECLINED not in text, text
