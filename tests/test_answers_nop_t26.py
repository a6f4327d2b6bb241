"""Practical questions (dev sets o, p, r, s, t, u; issue 11), through the real Application and
the stand-in: the tour's drop-off place, its buses and what to bring in chat spellings; the
registration desk (a programme item and the practical answer about it) rather than signing
up with the bot; what to do with the code on a session's screen; the asker's own bus when the
asker has not joined the tour.

Everything is read from the event model: another event file (Makassar: a registration desk,
no tour, no practical answers) answers from its own data or declines.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bot.loader import load_event
from tests.conftest import WITA
from tests.harness import DECLINED_EN, MAKASSAR_FILE, Harness
from tests.test_answers import read, read_en

DECLINED_ID = "belum bisa menjawab"


async def test_where_the_tour_drops_us_is_its_return_place(bot: Harness) -> None:
    """"drop us at the end": where the tour returns to, said in a sentence of its own."""
    bot.clock.set(datetime(2019, 10, 16, 21, 0, tzinfo=WITA))
    text = await read_en(bot, "Where does the tour bus drop us at the end?")
    assert "It returns to Kantor Wali Kota Kupang." in text and DECLINED_EN not in text, text


async def test_the_tour_travels_by_bus_not_on_foot(bot: Harness) -> None:
    """"by bus or walking?": its buses are how it travels."""
    text = await read_en(bot, "Is the city tour by bus or walking?")
    assert "3 buses" in text and DECLINED_EN not in text, text


async def test_chat_spellings_of_bus_and_waktu(bot: Harness) -> None:
    """"bis" is a bus, "wkt" is "waktu": the tour's buses and its list of what to bring."""
    bot.clock.set(datetime(2019, 10, 17, 16, 20, tzinfo=WITA))
    text = read(await bot.say("bis nya ada brp?"))
    assert "3 bus" in text and DECLINED_ID not in text, text
    text = read(await bot.say("apa yg harus dibawa wkt city tur"))
    assert "Yang perlu dibawa: Air minum" in text and DECLINED_ID not in text, text


async def test_what_to_bring_to_registration_is_the_practical_answer(bot: Harness) -> None:
    """The desk's card has no list of things to bring; the practical answer about the badge
    says to bring the assignment letter."""
    bot.clock.set(datetime(2019, 10, 15, 13, 0, tzinfo=WITA))
    for question in ("What documents should I bring for registration?",
                     "Do I need to bring anything to registration?",
                     "do I need to bring any documents to check in tomorrow?"):
        text = await read_en(bot, question)
        assert "assignment letter" in text and DECLINED_EN not in text, (question, text)
    text = read(await bot.say("perlu bawa apa saat registrasi?"))
    assert "surat tugas" in text and DECLINED_ID not in text, text


async def test_bringing_a_person_is_not_what_to_bring(bot: Harness) -> None:
    """Whom one may bring along the practical answer does not say."""
    text = await read_en(bot, "Can I bring my intern to registration?")
    assert "assignment letter" not in text, text


async def test_a_paper_the_answer_does_not_name_is_declined(bot: Harness) -> None:
    """"surat sehat" is another paper than the assignment letter ("surat tugas")."""
    text = read(await bot.say("ada tes PCR / surat sehat yg harus dibawa?"))
    assert DECLINED_ID in text and "surat tugas" not in text, text
    text = await read_en(bot, "do I need to bring a health letter to registration?")
    assert "assignment letter" not in text, text


async def test_an_item_the_answer_only_places_things_before_is_not_it(bot: Harness) -> None:
    """The badge's answer says "before the opening": what to bring to the opening it does not
    say."""
    text = await read_en(bot, "What should I bring to the opening?")
    assert "assignment letter" not in text, text


async def test_where_do_i_register_is_the_desk(bot: Harness) -> None:
    """Asked where, registering is the desk (signing up with the bot has no place)."""
    bot.clock.set(datetime(2019, 10, 16, 7, 40, tzinfo=WITA))
    text = await read_en(bot, "Good morning, where do I register?")
    assert "Participant registration" in text and "lobby" in text, text
    assert "please register first" not in text, text
    text = await read_en(bot, "how do I register?")
    assert "/register" in text, text


async def test_registering_again_at_the_desk_is_the_card(bot: Harness) -> None:
    """"register again today at the desk?": the delegate card, shown there every day."""
    bot.clock.set(datetime(2019, 10, 17, 8, 10, tzinfo=WITA))
    text = await read_en(bot, "do we need to register again today at the desk?")
    assert "/badge" in text and "every day" in text, text


async def test_the_code_on_the_screen_is_the_check_in(bot: Harness) -> None:
    """What to do with the screen's code, and a code that does not work: how check-in works
    (the code changes every few minutes)."""
    bot.clock.set(datetime(2019, 10, 16, 9, 40, tzinfo=WITA))
    text = await read_en(bot, "There is a code on the screen, what do I do with it?")
    assert "/checkin" in text and DECLINED_EN not in text, text
    text = await read_en(
        bot, "attendance code not working, I typed it from my colleague's message")
    assert "changes every 5 minutes" in text and DECLINED_EN not in text, text


async def test_the_wifi_password_is_said_by_kata_sandinya(bot: Harness) -> None:
    """"sandi" is shown by the practical answer's "kata sandinya"."""
    text = read(await bot.say("Sandi wifi di kantor wali kota apa ya?"))
    assert "meja registrasi" in text and DECLINED_ID not in text, text


async def test_are_we_at_a_stop_now_is_its_time(bot: Harness) -> None:
    """"Are we at Taman Nostalgia now?": the stop's time, not the route's sentence."""
    bot.clock.set(datetime(2019, 10, 18, 8, 20, tzinfo=WITA))
    text = await read_en(bot, "Are we at Taman Nostalgia now?")
    assert "Taman Nostalgia Kota Kupang: at 08:20." in text, text


async def test_my_bus_before_joining_the_tour(bot: Harness) -> None:
    """An asker not on the tour has no bus: the card says so, and how one gets one."""
    bot.clock.set(datetime(2019, 10, 18, 7, 20, tzinfo=WITA))
    text = await read_en(bot, "Which bus am I on?")
    assert "A bus seat is assigned once you join" in text and "/register" in text, text
    assert "Your bus:" not in text, text


async def test_when_the_tour_reminders_come(bot: Harness) -> None:
    """The tour's own messages: the evening before and shortly before gathering."""
    bot.clock.set(datetime(2019, 10, 16, 18, 40, tzinfo=WITA))
    text = read(await bot.say("pengingat city tour dikirim kapan?"))
    assert "pukul 19.00" in text and "pukul 07.00 (30 menit sebelum kumpul)" in text, text


async def test_another_event_registers_at_its_own_desk(tmp_path: Path) -> None:
    """Makassar: "where do I register?" is its registration item; with no practical answer
    about it, what to bring there is declined."""
    event = load_event(MAKASSAR_FILE)
    bot = await Harness(event, event.sessions[0].start - timedelta(days=1),
                        tmp_path / "bot.db").start()
    try:
        text = await read_en(bot, "where do I register?")
        assert "please register first" not in text and DECLINED_EN not in text, text
        registration = next(s for s in event.sessions if s.kind.value == "registration")
        assert registration.title.get("en") in text, text
        text = await read_en(bot, "What documents should I bring for registration?")
        assert DECLINED_EN in text, text
    finally:
        await bot.stop()


async def test_what_the_asker_has_on_is_not_asked(bot: Harness) -> None:
    """"…, beta ada pesawat siang": the asker's flight says why they ask; the tour's end is
    answered, the flight is not declined as the question."""
    bot.clock.set(datetime(2019, 10, 17, 21, 30, tzinfo=WITA))
    text = read(await bot.say("city tour pulang jam brapa, beta ada pesawat siang"))
    assert "selesai 11.00" in text and DECLINED_ID not in text, text
    text = read(await bot.say("ada pesawat jam berapa ke Jakarta?"))
    assert DECLINED_ID in text, text
