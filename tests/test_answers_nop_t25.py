"""Programme questions about an item's neighbours, a day's first item, the event's end and its
places (issue 11, dev sets r, s, t, o, k), through the real Application and the stand-in.

"X udah selesai, abis ini apa?" is after X (not after what is on now); "is there a break after
the Semarang talk?" asks for the item after it; "what comes after it?" points back at the item
named before; "is Friday only the tour?" is Friday's programme; "sesi pertama?" is today's
first item; "kapan seluruh rangkaian acara selesai?" is the last day's end; "is X in the same
building as Y?" says where each is. Everything comes from the event model: the same questions
are answered from another event file (the Makassar example).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.loader import load_event
from tests.conftest import WITA
from tests.harness import DECLINED_EN, MAKASSAR_FILE, Harness
from tests.test_answers import read, read_en

DECLINED_ID = "belum bisa menjawab"


async def test_after_an_item_said_to_be_over(bot: Harness) -> None:
    """"keynote udah selesai, abis ini apa?": after the keynote (the lunch break), not the
    keynote's own card."""
    bot.clock.set(datetime(2019, 10, 16, 11, 0, tzinfo=WITA))
    text = read(await bot.say("keynote udah selesai, abis ini apa?"))
    assert "Ishoma" in text and "12.00" in text and DECLINED_ID not in text, text


async def test_is_there_a_break_after_an_item(bot: Harness) -> None:
    """"is there a break after the Semarang talk?": the item after it (the coffee break),
    not every lunch break."""
    bot.clock.set(datetime(2019, 10, 17, 9, 55, tzinfo=WITA))
    text = await read_en(bot, "is there a break after the Semarang talk?")
    assert "Coffee break" in text and "10:00" in text, text
    assert "Several sessions" not in text, text


async def test_what_comes_after_it_points_back(bot: Harness) -> None:
    """The second part's "after it" is after the lunch the first part named."""
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    text = await read_en(bot, "what time is lunch today, and what comes after it?")
    assert "12:00" in text and "Banyuwangi" in text, text


async def test_an_item_said_to_follow_then_what(bot: Harness) -> None:
    """"ishoma after Prof Lee, then what session?": the lunch after Prof Lee is said; what
    follows it is asked."""
    bot.clock.set(datetime(2019, 10, 17, 11, 10, tzinfo=WITA))
    text = await read_en(bot, "ishoma after Prof Lee, then what session?")
    assert "Citynet Indonesia's programmes" in text and "13:00" in text, text
    # Without "then", the item after Prof Lee is the answer, as before.
    text = await read_en(bot, "what is after Prof Lee?")
    assert "lunch" in text and "12:00" in text, text


async def test_misspelt_after_and_tomorrow(bot: Harness) -> None:
    """"afer lunch", "tommorow": chat spellings read, not declined."""
    bot.clock.set(datetime(2019, 10, 17, 12, 25, tzinfo=WITA))
    text = await read_en(bot, "afer lunch whats the sesion")
    assert "Citynet Indonesia's programmes" in text and "Banyuwangi" not in text, text
    bot.clock.set(datetime(2019, 10, 16, 16, 30, tzinfo=WITA))
    text = await read_en(bot, "tommorow what is first session")
    assert "Semarang" in text and DECLINED_EN not in text, text


async def test_is_a_day_only_one_item(bot: Harness) -> None:
    """"Is the programme on friday only city tour?": Friday's programme (the tour and the
    closing), not the tour's card alone."""
    bot.clock.set(datetime(2019, 10, 15, 20, 40, tzinfo=WITA))
    text = await read_en(bot, "Is the programme on friday only city tour?")
    assert "City Tour" in text and "Closing" in text, text
    text = read(await bot.say("hari jumat cuma city tour?"))
    assert "City Tour" in text and "Penutupan" in text, text


async def test_a_first_session_with_no_day_is_today_s(bot: Harness) -> None:
    """"sesi pertama ni sapa yang bawa?" on Thursday morning: Thursday's first item."""
    bot.clock.set(datetime(2019, 10, 17, 8, 20, tzinfo=WITA))
    text = read(await bot.say("sesi pertama ni sapa yang bawa?"))
    assert "Semarang" in text and DECLINED_ID not in text, text
    # Wednesday opens with registration, no session: the first session proper is the
    # opening, whose speakers are named (registration only as what comes before it).
    bot.clock.set(datetime(2019, 10, 16, 7, 0, tzinfo=WITA))
    text = read(await bot.say("sesi pertama siapa yang bawa?"))
    assert "Pembukaan" in text and "Riwu Kore" in text and DECLINED_ID not in text, text


async def test_when_the_whole_event_ends(bot: Harness) -> None:
    """"Kapan seluruh rangkaian acara selesai?": the last day's end, with its hour."""
    bot.clock.set(datetime(2019, 10, 15, 21, 20, tzinfo=WITA))
    text = read(await bot.say("Kapan seluruh rangkaian acara selesai?"))
    assert "11.45" in text and "Jumat" in text and DECLINED_ID not in text, text


async def test_the_askers_own_plan_is_not_asked(bot: Harness) -> None:
    """"Beta mau pulang cepat, …": the asker's plan beside the question; what is asked is
    answered. Asking whether the plan may be done is still declined."""
    bot.clock.set(datetime(2019, 10, 18, 9, 0, tzinfo=WITA))
    text = read(await bot.say("Beta mau pulang cepat, penutupan tu jam berapa?"))
    assert "11.15" in text and DECLINED_ID not in text, text
    bot.clock.set(datetime(2019, 10, 17, 11, 0, tzinfo=WITA))
    text = read(await bot.say("abis makan siang ada apa, beta mau pulang hotel dolo"))
    assert "Sosialisasi" in text and DECLINED_ID not in text, text
    text = read(await bot.say("kami mau bawa istri, boleh ikut city tour?"))
    assert DECLINED_ID in text, text


async def test_parallel_sessions_and_who_leads(bot: Harness) -> None:
    """A day's programme shows whether items run side by side; a session's speakers lead
    it."""
    bot.clock.set(datetime(2019, 10, 17, 7, 0, tzinfo=WITA))
    text = read(await bot.say("ada sesi paralel ga hari ini?"))
    assert "Semarang" in text and DECLINED_ID not in text, text
    bot.clock.set(datetime(2019, 10, 17, 12, 20, tzinfo=WITA))
    text = await read_en(bot, "who leads the Citynet programme session this afternoon?")
    assert "Secretariat" in text and DECLINED_EN not in text, text


async def test_one_place_or_several(bot: Harness) -> None:
    """Where two items are held, each; whether the event stays in one place: its places."""
    bot.clock.set(datetime(2019, 10, 16, 13, 50, tzinfo=WITA))
    text = await read_en(
        bot, "the Banyuwangi presentation, is it in the same building as the keynote?")
    assert text.count("at Kantor Wali Kota Kupang") == 2 and DECLINED_EN not in text, text
    text = read(await bot.say("jumpa pers di tempat yang sama dengan keynote?"))
    assert "Suba Suka" in text and "Kantor Wali Kota" in text, text
    text = read(await bot.say("Semua sesi di satu tempat atau pindah-pindah?"))
    assert "2 tempat" in text and "Suba Suka" in text and DECLINED_ID not in text, text


async def test_a_meal_named_with_its_part_of_the_day(bot: Harness) -> None:
    """"nanti siang makan di mana?": the lunch break's place; no meal in the evening is in
    the programme, so "makan malam" is still declined."""
    bot.clock.set(datetime(2019, 10, 17, 10, 5, tzinfo=WITA))
    text = read(await bot.say("nanti siang makan di mana ko?"))
    assert "Kantor Wali Kota" in text and "12.00" in text and DECLINED_ID not in text, text
    text = read(await bot.say("nanti malam makan di mana?"))
    assert DECLINED_ID in text, text


async def test_the_same_questions_on_another_event(tmp_path: Path) -> None:
    """The Makassar example: its own items, days and places answer the same questions."""
    event = load_event(MAKASSAR_FILE)
    bot = await Harness(event, datetime(2024, 5, 14, 9, 5, tzinfo=WITA),
                        tmp_path / "bot.db").start()
    try:
        text = read(await bot.say("pembukaan udah selesai, abis ini apa?"))
        assert "Paparan rencana" in text and DECLINED_ID not in text, text
        text = read(await bot.say("ada istirahat setelah paparan rencana?"))
        assert "Ishoma" in text and "11.30" in text, text
        text = read(await bot.say("Kapan seluruh rangkaian acara selesai?"))
        assert "11.30" in text and "15 Mei" in text, text
        text = read(await bot.say("diskusi kelompok di gedung yang sama dengan pembukaan?"))
        assert "Hotel Pantai Losari" in text and "Balai Kota Makassar" in text, text
        bot.clock.set(datetime(2024, 5, 15, 8, 0, tzinfo=WITA))
        text = read(await bot.say("sesi pertama siapa yang bawa?"))
        assert "Perumusan kesepakatan" in text and DECLINED_ID not in text, text
    finally:
        await bot.stop()
