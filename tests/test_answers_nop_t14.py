"""Questions about the programme relative to an item or to now (dev sets n, o and p, issue 11),
through the real Application and the stand-in.

Each test is one general cause of a miss or a decline: an item said to be over and what
follows ("keynote udah selesai, berikutnya apa?"), a bare "after X?", a speaker standing for
their session ("sesi Prof Lee sesudahnya apa?"), what lies between two items (the items, or
the gap), a kind of item ("sesi pleno"), the next stop while the tour is on, "sesi ini" (the
item on now) and a day's first item, an item held on several days asked without a day (its
nearest occurrence), an item asked for a day it is not on, and "is it over?". A reference
that cannot be resolved is declined, never answered with the item named.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.loader import load_event
from tests.conftest import WITA
from tests.harness import DECLINED, MAKASSAR_FILE, Harness, organizer_bot
from tests.test_answers import read


async def test_an_item_said_to_be_over_asks_what_follows(bot: Harness) -> None:
    """"X udah selesai, berikutnya apa?", "slsai X lanjut apa?", "after X?", and a speaker
    named for their session: the item after X, not X's own card."""
    bot.clock.set(datetime(2019, 10, 16, 9, 35, tzinfo=WITA))
    text = read(await bot.say("pembukaan sudah selesai, lanjut apa?"))
    assert text.startswith("Setelah Pembukaan"), text
    assert "Keynote" in text, text
    bot.clock.set(datetime(2019, 10, 18, 7, 40, tzinfo=WITA))
    text = read(await bot.say("slsai city tour berikutnya apa?"))
    assert text.startswith("Setelah City Tour"), text
    assert "Penutupan" in text, text
    bot.clock.set(datetime(2019, 10, 17, 9, 0, tzinfo=WITA))
    text = read(await bot.say("sesi Rudiantara sesudahnya apa?"))
    assert text.startswith("Setelah Keynote"), text
    await bot.say("/bahasa en")
    text = read(await bot.say("after the registration?"))
    assert text.startswith("After Participant registration"), text
    assert "Opening" in text, text


async def test_between_two_items_the_items_or_the_gap(bot: Harness) -> None:
    """"ada jeda antara X dan Y?": the items between them, the free time, or no gap."""
    bot.clock.set(datetime(2019, 10, 16, 8, 0, tzinfo=WITA))
    text = read(await bot.say("ada jeda antara keynote dan ishoma?"))
    assert "tidak ada acara: jeda 1 jam, 11.00–12.00" in text, text
    text = read(await bot.say("habis pembukaan sampai makan siang ada apa aja?"))
    assert text.startswith("Antara Pembukaan"), text
    assert "Keynote" in text and "Banyuwangi" not in text, text
    text = read(await bot.say("antara registrasi dan pembukaan ada jeda?"))
    assert "tidak ada jeda" in text and "08.30" in text, text
    await bot.say("/bahasa en")
    text = read(await bot.say("any break between the Semarang session and Prof Lee?"))
    assert text.startswith("Between Best practice from Semarang City"), text
    assert "Coffee break" in text and "10:00–10:30" in text, text


async def test_a_kind_of_item_lists_its_sessions(bot: Harness) -> None:
    """"sesi pleno", "sesi2 best practice": every session of that kind (of the day asked);
    a day without one gets that day's programme, never another day's plenaries."""
    bot.clock.set(datetime(2019, 10, 16, 8, 0, tzinfo=WITA))
    text = read(await bot.say("sesi pleno hari kamis apa aja?"))
    assert "Semarang" in text and "Luar Negeri" in text and "Sosialisasi" in text, text
    assert "Registrasi" not in text and "Rehat kopi" not in text, text
    text = read(await bot.say("sesi2 best practice kapan aja?"))
    assert "Banyuwangi" in text and "Semarang" in text and "Luar Negeri" in text, text
    assert "Keynote" not in text, text
    text = read(await bot.say("hari jumat ada sesi pleno?"))
    assert "City Tour" in text and "Penutupan" in text, text
    assert "Semarang" not in text, text


async def test_the_next_stop_while_the_tour_is_on(bot: Harness) -> None:
    """"next stop?", "habis ini rombongan ke mana?" during the tour: the stop after the one
    reached last, not what is on now in the programme."""
    bot.clock.set(datetime(2019, 10, 18, 9, 30, tzinfo=WITA))
    text = read(await bot.say("habis ini rombongan ke mana?"))
    assert "Pantai Lasiana" in text and "10.00" in text, text
    bot.clock.set(datetime(2019, 10, 18, 8, 40, tzinfo=WITA))
    text = read(await bot.say("stop berikutnya?"))
    assert "Sentra Tenun Ikat" in text and "09.10" in text, text


async def test_this_session_and_the_first_of_a_day(bot: Harness) -> None:
    """"sesi ini" is the item on now (declined when nothing is on); "besok yang pertama
    apa?" the day's first item."""
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    text = read(await bot.say("sesi ini sampai jam berapa?"))
    assert text.startswith("Keynote") and "11.00" in text, text
    text = read(await bot.say("setelah sesi ini ada apa?"))
    assert text.startswith("Setelah Keynote") and "Ishoma" in text, text
    bot.clock.set(datetime(2019, 10, 16, 11, 30, tzinfo=WITA))
    text = read(await bot.say("sesi ini selesai jam berapa?"))
    assert DECLINED in text and "Keynote" not in text, text
    bot.clock.set(datetime(2019, 10, 16, 21, 0, tzinfo=WITA))
    text = read(await bot.say("besok yang pertama apa?"))
    assert text.startswith("Acara Kamis, 17 Oktober 2019 dimulai pukul 08.30"), text


async def test_after_an_item_held_twice_is_after_its_nearest_occurrence(bot: Harness) -> None:
    """"ishoma selesai jam berapa? habis itu apa?" on Thursday: after Thursday's lunch."""
    bot.clock.set(datetime(2019, 10, 17, 11, 0, tzinfo=WITA))
    text = read(await bot.say("ishoma selesai jam berapa? habis itu apa?"))
    assert "Setelah Ishoma (istirahat, sholat, makan) (12.00–13.00): Sosialisasi" in text, text
    assert "Banyuwangi" not in text, text


async def test_an_item_asked_for_a_day_it_is_not_on(bot: Harness) -> None:
    """"besok ada jumpa pers lagi?": it is not on that day (said), with its own day."""
    bot.clock.set(datetime(2019, 10, 16, 16, 0, tzinfo=WITA))
    text = read(await bot.say("besok ada jumpa pers lagi?"))
    assert text.startswith("Tidak ada Jumpa pers pada Kamis, 17 Oktober 2019"), text
    assert "Rabu, 16 Oktober 2019, 15.30–16.30" in text, text


async def test_is_it_over(bot: Harness) -> None:
    """"acaranya udah selesai?" after the last item, "besok masih ada acara?" on the last
    afternoon: the event is over; before that, what is still on today."""
    bot.clock.set(datetime(2019, 10, 18, 12, 0, tzinfo=WITA))
    text = read(await bot.say("acaranya udah selesai ya?"))
    assert "sudah selesai" in text and DECLINED not in text, text
    text = read(await bot.say("besok masih ada acara?"))
    assert "Tidak ada acara pada Sabtu" in text and "Acara sudah selesai." in text, text
    bot.clock.set(datetime(2019, 10, 18, 10, 0, tzinfo=WITA))
    text = read(await bot.say("acaranya udah selesai ya?"))
    assert "Penutupan" in text and "sudah selesai" not in text, text


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    event = load_event(MAKASSAR_FILE)
    now = datetime(2024, 5, 14, 8, 0, tzinfo=WITA)
    async with organizer_bot(event, now, tmp_path / "bot.db") as bot:
        yield bot


async def test_relative_questions_on_another_event(makassar: Harness) -> None:
    """The same causes on an event written only from the data format: nothing is about the
    shipped seminar."""
    text = read(await makassar.say("antara pembukaan dan ishoma ada apa?"))
    assert text.startswith("Antara Pembukaan") and "Paparan rencana" in text, text
    text = read(await makassar.say("sesi pleno ada apa aja?"))
    assert "Paparan rencana" in text and "Perumusan kesepakatan" in text, text
    assert "Diskusi kelompok" not in text, text
    makassar.clock.set(datetime(2024, 5, 14, 9, 5, tzinfo=WITA))
    text = read(await makassar.say("pembukaan udah selesai, berikutnya apa?"))
    assert text.startswith("Setelah Pembukaan") and "Paparan rencana" in text, text
