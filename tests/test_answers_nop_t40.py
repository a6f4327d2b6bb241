"""Venues, the city tour, and places the event is not held at (dev sets ac and ad; issue 11),
through the real Application and the stand-in: answered from the event model, or declined —
never a loosely related card.

- "the venue", one place with no item named: the main venue's card, not the list of every
  place; the places other than it when those are asked ("not at the main venue");
- a place asked that the event is not held at ("seminar citynet di sidoarjo kapan?"): another
  edition, declined (this edition's dates would be a wrong fact);
- how far a venue is ("how far is X from the main venue?", "lokasi acara deket bandara?"):
  declined, with the venues' addresses and maps said first — never a distance;
- late for the tour bus: declined for whether it waits, with the gathering and departure
  times and the bus coordinators to call said first;
- room left on the tour ("msh ada tempat?", "is the tour full?"): its capacity;
- "acara di balai kota ko di hotel?": a venue alias beside a guessed place is that venue.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import read, read_en


async def test_the_venue_is_the_main_one(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 18, 5, tzinfo=WITA))
    for question in ("where is the venue pls", "Where's the location?",
                     "what is the address of the place?"):
        text = await read_en(bot, question)
        assert "Lerik" in text and "Suba Suka" not in text, text
    for question in ("tempatnya di mana?", "venuenya dmn ya", "lokasinya dimana min"):
        text = read(await bot.say(question))
        assert "Lerik" in text and "Suba Suka" not in text, text
    # Every place, when every place is asked for.
    text = await read_en(bot, "where are the venues?")
    assert "Lerik" in text and "Suba Suka" in text, text
    text = read(await bot.say("lokasi acara ada di mana saja?"))
    assert "Lerik" in text and "Suba Suka" in text, text
    # The places other than the main one: their cards, with their items.
    text = await read_en(bot, "Which sessions are not at the main venue?")
    assert "Press conference" in text and "Lerik" not in text, text
    for question in ("acara apa aja yg ga di balai kota?", "ada acara di tempat lain?",
                     "selain di balai kota, ada acara di tempat lain?"):
        text = read(await bot.say(question))
        assert "Jumpa pers" in text and "Lerik" not in text and DECLINED not in text, text
    text = await read_en(bot, "Are any sessions not at city hall?")
    assert "Press conference" in text and "Lerik" not in text, text
    # A negation about the place itself is not the other places.
    text = read(await bot.say("balai kota itu bukan di pusat kota ya?"))
    assert "Suba Suka" not in text, text
    text = read(await makassar.say("tempatnya di mana?"))
    assert "Ahmad Yani" in text and "Pantai Losari" not in text, text
    text = read(await makassar.say("sesi apa yg ga di tempat utama?"))
    assert "Diskusi kelompok" in text and "Ahmad Yani" not in text, text
    text = await read_en(makassar, "Which sessions are held outside the main venue?")
    assert "Group discussion" in text and "Ahmad Yani" not in text, text


async def test_another_citys_edition_is_declined(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 16, 30, tzinfo=WITA))
    for question in ("kpn seminar citynet di sidoarjo thn ini",
                     "seminar citynet di kab. sidoarjo kapan ya?"):
        text = read(await bot.say(question))
        assert DECLINED in text and "16–18 Oktober" not in text, text
    text = await read_en(bot, "When is the Citynet seminar in Sidoarjo?")
    assert DECLINED_EN in text and "16–18 October" not in text, text
    # The event's own city is this edition.
    text = read(await bot.say("seminar di kupang kapan?"))
    assert "16–18 Oktober" in text and DECLINED not in text, text
    text = read(await makassar.say("kapan rakor smart city di gowa?"))
    assert DECLINED in text, text
    text = read(await makassar.say("kapan rakor smart city di makassar?"))
    assert DECLINED not in text and "Mei" in text, text


async def test_how_far_gives_addresses_never_a_distance(bot: Harness,
                                                        makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 13, 40, tzinfo=WITA))
    text = await read_en(bot, "How far is Suba Suka Paradise from the main venue?")
    assert "Teluk Kupang" in text and "Lerik" in text and DECLINED_EN in text, text
    assert " km" not in text and "minutes by" not in text, text
    for question in ("lokasi acara deket bandara gk?", "venue nya dekat bandara ga?"):
        text = read(await bot.say(question))
        assert "Lerik" in text and DECLINED in text and "Teluk Kupang" not in text, text
        assert "kilometer" not in text and "menit perjalanan" not in text, text
    text = await read_en(bot, "how far is the venue from the airport?")
    assert "Lerik" in text and DECLINED_EN in text and "Teluk Kupang" not in text, text
    text = read(await bot.say("dari balai kota ke suba suka jauh ga"))
    assert "Lerik" in text and "Teluk Kupang" in text and DECLINED in text, text
    # Something else near the venue is not the venue's distance: the decline alone.
    text = read(await bot.say("ada ATM dekat balai kota?"))
    assert DECLINED in text and "Lerik" not in text, text
    text = await read_en(makassar, "How far is Hotel Pantai Losari from the main venue?")
    assert "Penghibur" in text and "Ahmad Yani" in text and DECLINED_EN in text, text


async def test_late_for_the_tour_bus(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 20, 0, tzinfo=WITA))
    for question in ("klo telat kumpul tour gmn? ditinggal ko",
                     "kalau sy terlambat ke titik kumpul city tour, bus nunggu ga?"):
        text = read(await bot.say(question))
        assert "08.00" in text and "07.30" in text and "0301" in text, text
        assert DECLINED in text and "menunggu 15 menit" not in text, text
    text = await read_en(bot, "If I am late for the bus what happen? sorry my hotel is far")
    assert "08:00" in text and "07:30" in text and "coordinator" in text, text
    assert DECLINED_EN in text, text
    for question in ("what if I miss the bus tomorrow?", "Will the tour bus wait for latecomers?"):
        text = await read_en(bot, question)
        assert "08:00" in text and "0302" in text and DECLINED_EN in text, text
    text = read(await bot.say("kalau ketinggalan bus tour gimana?"))
    assert "08.00" in text and "0303" in text and DECLINED in text, text
    # A thing left behind on the bus is not the asker being late.
    text = read(await bot.say("hp sy ketinggalan di bus 2, lost and found dmn?"))
    assert DECLINED in text and "08.00" not in text, text
    bot.clock.set(datetime(2019, 10, 18, 7, 40, tzinfo=WITA))
    text = read(await bot.say("beta talat sadiki, bus su jalan ko?"))
    assert "08.00" in text, text


async def test_room_left_on_the_tour(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 19, 30, tzinfo=WITA))
    for question in ("tour msh ada tempat ko", "city tour masi ada tempat?",
                     "msh ada kursi kosong di bus tour?"):
        text = read(await bot.say(question))
        assert "120" in text and DECLINED not in text, text
    for question in ("any spots left on the tour?", "is the city tour full already?"):
        text = await read_en(bot, question)
        assert "120" in text and DECLINED_EN not in text, text


async def test_a_venue_beside_a_guessed_place(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    for question in ("acara di balai kota ko di hotel", "seminar di balai kota atau di hotel?"):
        text = read(await bot.say(question))
        assert "Kantor Wali Kota Kupang" in text and DECLINED not in text, text
    text = await read_en(bot, "is the seminar at a hotel or at city hall?")
    assert "Lerik" in text and DECLINED_EN not in text, text
    # A hotel recommendation stays declined.
    text = read(await bot.say("rekomendasi hotel dekat balai kota dong"))
    assert DECLINED in text, text
    text = read(await makassar.say("rakor di balai kota atau di hotel?"))
    assert "Ahmad Yani" in text and DECLINED not in text, text
