"""The tour, practical answers, contacts and what is out of scope (dev sets y and z; issue
11), through the real Application and the stand-in.

- a question naming a day ("hari ini", "besok", a weekday, a date, in Indonesian, English
  or slang: "hari ni", "bsk", "jumat", "friday", "tgl 18") gets the part of a practical
  answer written per day about that day, never another day's ("dress code hari jumat?" is
  not told Wednesday's batik); an answer not written per day, or silent on the day asked,
  is given whole.

Everything comes from the event file: the Makassar example, given a practical answer written
per date, is asked the same kinds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from bot.loader import load_event
from bot.model import Faq, Text
from tests.conftest import WITA
from tests.harness import MAKASSAR_FILE, Harness
from tests.test_answers import read, read_en

#: Kupang's dress code (data file): Wednesday and Thursday batik, Friday (the tour) casual.
BATIK, CASUAL = "batik", "santai"


async def test_a_day_asked_gets_that_days_part_of_a_practical_answer(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 7, 30, tzinfo=WITA))  # a Thursday
    for question in ("hari ni pake baju apa? batik ko", "hari ini pakai baju apa?",
                     "dresscode hari kamis?", "baju tgl 16 apa", "outfit rabu gmn"):
        text = read(await bot.say(question))
        assert BATIK in text and CASUAL not in text, (question, text)
    for question in ("dress code hari jumat apa", "bsk pake baju apa", "seragam jumat apa ya",
                     "besok harus pakai pakaian apa", "pakaian tanggal 18 oktober"):
        text = read(await bot.say(question))
        assert CASUAL in text and BATIK not in text, (question, text)
    text = await read_en(bot, "what should I wear on friday?")
    assert "casual" in text and "batik" not in text, text
    text = await read_en(bot, "dress code today?")
    assert "batik" in text and "casual" not in text, text
    # No day asked: the whole answer, every day's part.
    text = read(await bot.say("dress code nya apa?"))
    assert BATIK in text and CASUAL in text, text


async def test_an_answer_not_written_per_day_is_given_whole(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 7, 30, tzinfo=WITA))
    whole = read(await bot.say("ada wifi?"))
    assert "Wi-Fi" in whole, whole
    text = read(await bot.say("hari ini ada wifi?"))
    assert text == whole, text


async def test_makassar_a_practical_answer_written_per_date(tmp_path: Path) -> None:
    event = load_event(MAKASSAR_FILE)
    wear = Faq("pakaian", Text("Pakaian apa yang dipakai?", "What should I wear?"),
               Text("14 Mei: pakaian dinas harian. 15 Mei: kemeja putih. Bawa tanda pengenal.",
                    "May 14: official day wear. May 15: a white shirt. Bring your badge."),
               ("pakaian", "baju", "dress code", "wear"))
    event = replace(event, faq=(wear,))
    bot = await Harness(event, event.sessions[0].start, tmp_path / "bot.db").start()
    try:
        text = read(await bot.say("besok pakai baju apa?"))
        assert "kemeja putih" in text and "dinas" not in text, text
        assert "tanda pengenal" in text, text  # a note naming no day stays
        text = read(await bot.say("hari ini dress code apa?"))
        assert "dinas" in text and "kemeja putih" not in text, text
        text = await read_en(bot, "what to wear tomorrow?")
        assert "white shirt" in text and "official" not in text, text
        text = read(await bot.say("pakaian apa?"))
        assert "dinas" in text and "kemeja putih" in text, text
    finally:
        await bot.stop()
