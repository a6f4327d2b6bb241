"""Facts the data holds that questions did not reach (issue 11, dev sets n, o, p), through
the real Application and the stand-in, by general cause:

- a tour stop's notes answer "when" and "where" with the stop's own time and the tour's day
  in the source line ("kpn foto bersama?");
- a word of general language or a day said relative to now ("nanti", "what time") counts
  for a passage when it holds it, never against it;
- a question word the event's text says in another form of the same root ("pilihan" for
  "dipilih", "menjabat" for a term of office);
- the data file's rules (how often the check-in code changes, the tour's check-in radius and
  when its check-in opens, whether there is an evaluation) are asked with "berapa",
  "kapan", "ada …?": the how-to line that gives them answers;
- the event's name, the tour's buses and what to bring, asked in other words.

Everything comes from the event model: the second sample event (no tour) gets its own name
and declines the tour's questions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import WITA
from tests.harness import DECLINED, Harness, makassar_bot
from tests.test_answers import read, read_en


async def test_a_stops_notes_say_when_and_where(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 15, 0, tzinfo=WITA))
    text = read(await bot.say("kpn foto bersama?"))
    assert "foto bersama" in text and "Pantai Lasiana" in text
    assert "Jumat, 18 Oktober 2019, pukul 10.00" in text
    text = read(await bot.say("foto bersama nanti di mana?"))
    assert "Pantai Lasiana" in text and DECLINED not in text
    en = await read_en(bot, "what time is the group photo?")
    assert "group photo" in en and "10:00" in en and "Pantai Lasiana" in en


async def test_rules_of_the_data_file_are_answered(bot: Harness) -> None:
    text = read(await bot.say("kode absen berganti tiap berapa menit?"))
    assert "berganti tiap 5 menit" in text
    text = read(await bot.say("radius titik kumpul buat check-in lokasi berapa meter?"))
    assert "dalam 150 m dari titik kumpul" in text
    text = read(await bot.say("check-in city tour bisa dari jam berapa?"))
    # Two hours before the 07.30 gathering, until the tour ends.
    assert "Check-in dibuka pukul 05.30 (2 jam sebelum kumpul) sampai tur selesai (11.00)" in text
    text = read(await bot.say("ada evaluasi acara ga?"))
    assert "/evaluasi" in text and "syarat sertifikat" in text
    # Still not a number the line does not give: how many may join the tour is its seats.
    text = read(await bot.say("berapa orang bisa ikut city tour?"))
    assert "Kapasitas 120 orang" in text and "radius" not in text


async def test_counts_and_general_words(bot: Harness) -> None:
    text = read(await bot.say("bus city tour ada brp unit?"))
    assert "3 bus: Bus 1 (40 kursi)" in text
    en = await read_en(bot, "How many days does the event run?")
    assert "runs 3 days" in en
    en = await read_en(bot, "Which groups are taking part?")
    assert "24 member cities/regencies" in en and "District heads (camat)" in en


async def test_another_form_of_the_same_word(bot: Harness) -> None:
    text = read(await bot.say("berapa kota pilihan Kominfo yang ikut?"))
    assert "18 kota yang dipilih Kementerian Kominfo RI" in text
    text = read(await bot.say("presiden citynet indonesia menjabat periode brp?"))
    assert "periode 2017–2021" in text
    text = read(await bot.say("apa hubungannya gabung citynet dgn masterplan smart city?"))
    assert "salah satu cara mempercepat" in text


async def test_the_events_name(bot: Harness) -> None:
    text = read(await bot.say("nama resmi acaranya apa?"))
    assert "Nama resmi acara: Seminar dan Sharing Best Practice Citynet Indonesia 2019" in text
    en = await read_en(bot, "what is the event called?")
    assert "Citynet Indonesia 2019 Seminar and Best Practice Sharing" in en


async def test_what_to_bring_in_other_words(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 19, 10, tzinfo=WITA))
    for question in ("perlu bawa payung ga bsk?", "perlu bawa sunblock ga buat tour?"):
        text = read(await bot.say(question))
        assert "Yang perlu dibawa: Air minum, Topi atau payung, Tabir surya" in text, question
    text = read(await bot.say("tur bole pake sendal?"))
    assert "sepatu nyaman" in text
    # A thing the list does not name is not answered with it.
    text = read(await bot.say("perlu bawa laptop?"))
    assert DECLINED in text and "Yang perlu dibawa" not in text


async def test_the_tours_own_rules_and_notes(bot: Harness) -> None:
    """A full tour has a waiting list; each bus a leader; a stop's notes say what is there."""
    text = read(await bot.say("kalau kursi bus penuh gimana?"))
    # The tour's how-to answers it (how to join, and the waiting list when seats are full).
    assert "daftar tunggu" in text and "/citytour" in text
    text = read(await bot.say("bus 3 dipimpin siapa?"))
    assert "Koordinator Bus 3" in text and "0303" in text and "0301" not in text
    text = read(await bot.say("di sentra tenun ikat motif khas kupang apa?"))
    assert "Sentra Tenun Ikat Kota Kupang: pukul 09.10." in text and "bunga Sepe" in text
    # Asked only when, the stop's time alone (its notes are in the tour's card below).
    text = read(await bot.say("pantai lasiana jam berapa"))
    assert "Pantai Lasiana: pukul 10.00." in text
    assert "Pantai Lasiana: pukul 10.00.\nPantai wisata" not in text


async def test_a_text_several_items_share_names_none_of_them(bot: Harness) -> None:
    """Both lunch breaks say "Istirahat, sholat dan makan siang.": quoted, it would not tell
    which day's is meant."""
    bot.clock.set(datetime(2019, 10, 17, 10, 5, tzinfo=WITA))
    text = read(await bot.say("nanti siang makan di mana ko?"))
    assert "Istirahat, sholat dan makan siang." not in text


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db") as bot:
        yield bot


async def test_any_event_file(makassar: Harness) -> None:
    text = read(await makassar.say("nama resmi acaranya apa?"))
    assert "Nama resmi acara: Rakor Smart City Sulawesi Selatan 2024" in text
    text = read(await makassar.say("kode absen berganti tiap berapa menit?"))
    rules = makassar.app.bot_data.services.event.attendance
    assert f"berganti tiap {int(rules.code_period.total_seconds() // 60)} menit" in text
    # No tour: nothing to bring, no stop to photograph at.
    for question in ("perlu bawa payung?", "kpn foto bersama?"):
        text = read(await makassar.say(question))
        assert DECLINED in text, question
