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
from tests.harness import DECLINED, DECLINED_EN, MAKASSAR_FILE, Harness
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
    bot.clock.set(datetime(2019, 10, 18, 7, 30, tzinfo=WITA))  # Friday: the tour's day
    text = read(await bot.say("hari ini boleh pake baju bebas?"))
    assert CASUAL in text and BATIK not in text, text
    bot.clock.set(datetime(2019, 10, 16, 7, 15, tzinfo=WITA))  # Wednesday
    text = read(await bot.say("hari ini boleh pake baju bebas?"))
    assert BATIK in text and CASUAL not in text, text
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


async def test_the_tour_asked_about_seats_a_place_and_what_to_do_there(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 19, 0, tzinfo=WITA))
    # Room left, asked as still there: the seats (120), with the meeting point asked too.
    text = read(await bot.say(
        "Selamat malam panitia, apakah masih ada tempat untuk ikut city tour besok dan di "
        "mana titik kumpulnya? Terima kasih."))
    assert "120" in text and "Kantor Wali Kota" in text, text
    for question in ("masih ada tempat city tour?", "city tour masih ada slot?"):
        text = read(await bot.say(question))
        assert "120" in text, (question, text)
    text = await read_en(bot, "is there still room on the city tour?")
    assert "120" in text, text
    # A kind of place no stop is: declined, not the route as if it went there.
    for question in ("city tour ada ke pulau semau ko sonde", "city tour mampir ke pasar?",
                     "apakah city tour ke museum?"):
        text = read(await bot.say(question))
        assert DECLINED in text, (question, text)
    text = await read_en(bot, "do we visit a museum on the city tour?")
    assert DECLINED_EN in text, text
    # A kind of place a stop is: that stop.
    text = read(await bot.say("city tour ada ke pantai ko sonde"))
    assert "Pantai Lasiana" in text and DECLINED not in text, text
    # At the meeting point asking what to do: being counted present there.
    bot.clock.set(datetime(2019, 10, 18, 7, 25, tzinfo=WITA))
    for question in ("Beta su di titik kumpul, musti buat apa?",
                     "sy sdh di titik kumpul, hrs ngapain?"):
        text = read(await bot.say(question))
        assert "titik kumpul" in text.lower() and DECLINED not in text, (question, text)
        assert "Saya sudah di titik kumpul" in text, (question, text)
    text = await read_en(bot, "I'm at the meeting point, what do I do?")
    assert "meeting point" in text and DECLINED_EN not in text, text


async def test_someone_elses_registration_is_declined(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 14, 0, tzinfo=WITA))
    for question in ("beta pung teman dari sabu raijua su daftar ko blm, cek dolo",
                     "rekan saya sudah terdaftar belum?"):
        text = read(await bot.say(question))
        assert DECLINED in text and "Daftar sekarang" not in text, (question, text)
    text = await read_en(bot, "has my colleague registered yet?")
    assert DECLINED_EN in text, text


async def test_a_venues_street_is_its_address(bot: Harness, tmp_path: Path) -> None:
    bot.clock.set(datetime(2019, 10, 16, 6, 55, tzinfo=WITA))
    text = await read_en(bot, "Where exactly is the mayor's office, street name")
    assert "Lerik" in text, text
    text = read(await bot.say("kantor wali kota alamatnya di jalan apa"))
    assert "Lerik" in text, text
    event = load_event(MAKASSAR_FILE)
    makassar = await Harness(event, event.sessions[0].start, tmp_path / "m.db").start()
    try:
        text = read(await makassar.say("balai kota alamatnya di jalan apa?"))
        assert "Ahmad Yani" in text, text
    finally:
        await makassar.stop()


async def test_days_asked_in_turn_get_the_whole_practical_answer(bot: Harness) -> None:
    """"dress code kamis apa, trus jumat apa?": each day's part, not Thursday's alone."""
    bot.clock.set(datetime(2019, 10, 16, 18, 0, tzinfo=WITA))
    text = read(await bot.say("dress code kamis apa, trus jumat apa?"))
    assert BATIK in text and CASUAL in text, text
