"""Programme and time questions (blind batches v and w, dev now; issue 11), through the real
Application and the stand-in: answered from the event model, or declined.

- the asker's own plans beside the question ("beta baru tiba bsk pagi") never set the day
  the question asks about ("lusa tu acara apa sa?").

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import Harness
from tests.test_answers import read


async def test_the_askers_own_plans_do_not_set_the_day(bot: Harness, makassar: Harness
                                                       ) -> None:
    """"lusa" is the question's day; "bsk pagi" of the asker's arrival is not asked, in its
    own sentence or after a comma, before or after the question."""
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    for question in ("lusa tu acara apa sa? beta baru tiba bsk pagi",
                     "lusa acara apa aja, saya baru tiba besok pagi",
                     "beta baru tiba bsk pagi, lusa tu acara apa sa?"):
        text = read(await bot.say(question))
        assert "Kamis, 17 Oktober" in text and "Semarang" in text, text
        assert "Rudiantara" not in text and "Rabu, 16 Oktober" not in text, text
    # Without a question beside it, the statement is not read as one about that day either.
    text = read(await bot.say("beta baru tiba bsk pagi"))
    assert "Rudiantara" not in text, text
    # Makassar: its second day asked, the asker arriving on the first.
    text = read(await makassar.say("lusa acara apa? saya baru tiba besok pagi"))
    assert "Perumusan kesepakatan" in text and "Registrasi peserta" not in text, text


async def test_a_time_with_no_day_is_todays(bot: Harness, makassar: Harness) -> None:
    """"Where should I be at 9:30?" on the first day is that day's item at 9.30, not the tour
    stop passed by 9.30 on the tour's day."""
    bot.clock.set(datetime(2019, 10, 16, 8, 0, tzinfo=WITA))
    text = read(await bot.say("jam 9.30 saya harus di mana?"))
    assert "Keynote" in text and "Tenun" not in text, text
    # On the tour's day the time is the tour's.
    bot.clock.set(datetime(2019, 10, 18, 7, 0, tzinfo=WITA))
    text = read(await bot.say("jam 9.30 rombongan singgah di mana?"))
    assert "Tenun" in text, text
    text = read(await makassar.say("besok jam 9.30 ada acara apa?"))
    assert "Paparan rencana" in text, text


async def test_before_this_session_and_who_presents(bot: Harness) -> None:
    """"What was before this session?" is the item before the one on now; "present" is a
    speaker's verb, not the word "President" of the opening's title."""
    bot.clock.set(datetime(2019, 10, 17, 10, 35, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("What was before this session?"))
    assert "Coffee break" in text and "10:00–10:30" in text, text
    text = read(await bot.say("what comes after this session?"))
    assert "Break for rest" in text, text
    bot.clock.set(datetime(2019, 10, 17, 9, 10, tzinfo=WITA))
    text = read(await bot.say("who present now"))
    assert "Semarang" in text and "Opening" not in text, text
    bot.clock.set(datetime(2019, 10, 16, 18, 0, tzinfo=WITA))
    text = read(await bot.say("what Semarang will present tomorrow"))
    assert "infrastructure financing" in text and "Opening" not in text, text


async def test_a_self_introduction_is_not_what_is_asked(bot: Harness) -> None:
    """The sender's office ("Dinas Kominfo", a word of the minister's title) and region in
    the letter's introduction are not what "siapa saja narasumber … hari kedua?" asks of."""
    bot.clock.set(datetime(2019, 10, 16, 17, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat sore panitia. Saya dari Dinas Kominfo Kabupaten Flores Timur. Izin bertanya, "
        "siapa saja narasumber yang akan tampil pada hari kedua? Terima kasih."))
    assert "Semarang" in text and "Keesei Lee" in text, text
    assert "Rudiantara" not in text and "Tidak ada" not in text, text


async def test_two_clock_times_asked_without_a_separator(bot: Harness, makassar: Harness
                                                         ) -> None:
    """"hari Kamis mulai jm brp selesai jm brp": both the start and the end of that day."""
    bot.clock.set(datetime(2019, 10, 16, 9, 0, tzinfo=WITA))
    text = read(await bot.say("hari Kamis mulai jm brp selesai jm brp"))
    assert "dimulai pukul 08.30" in text and "selesai pukul 15.00" in text, text
    text = read(await makassar.say("besok mulai jam berapa selesai jam berapa"))
    assert "dimulai pukul 08.00" in text and "selesai pukul" in text, text


async def test_two_items_compared_gathering_today_and_when_it_ended(
        bot: Harness, makassar: Harness) -> None:
    """"the keynote on the same day as the Semarang session?" shows both items' days;
    "skrg hrs kumpul dmn?" is today's gathering; a day over says when its last item ended."""
    bot.clock.set(datetime(2019, 10, 16, 9, 50, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("Is the keynote on the same day as the Semarang session?"))
    assert "Wed, 16 Oct 09:30" in text and "Thu, 17 Oct 08:30" in text, text
    bot.clock.set(datetime(2019, 10, 18, 12, 50, tzinfo=WITA))
    text = read(await bot.say("Is the event over?"))
    assert "Closing, ended at 11:45" in text, text
    await bot.say("/bahasa id")
    bot.clock.set(datetime(2019, 10, 18, 7, 10, tzinfo=WITA))
    text = read(await bot.say("skrg hrs kumpul dmn?"))
    assert "Kumpul pukul 07.30 di Kantor Wali Kota Kupang" in text, text
    makassar.clock.set(datetime(2024, 5, 15, 17, 0, tzinfo=WITA))
    text = read(await makassar.say("masih ada acara?"))
    assert "Acara terakhir, Penutupan, selesai pukul" in text, text


async def test_a_day_of_the_month_a_title_and_which_day(bot: Harness, makassar: Harness
                                                       ) -> None:
    """"on the 17th" is that day of the month when the event is held on it; "regent" names
    the bupati speaking ("starting time" asks when); "X itu day berapa" asks X's day, not how
    many days; "agenda dong, mulai jam brp" is the day's programme and its start."""
    bot.clock.set(datetime(2019, 10, 16, 19, 0, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("What is on the 17th?"))
    assert "Thursday, 17 October 2019" in text and "Semarang" in text, text
    text = read(await bot.say("what is on the 25th?"))
    assert "Semarang" not in text, text
    text = read(await bot.say(
        "Kindly advise the starting time of the Banyuwangi regent's presentation."))
    assert "13:00–14:30" in text and "can't answer" not in text, text
    await bot.say("/bahasa id")
    text = read(await bot.say("on the 18th ada apa aja"))
    assert "Jumat, 18 Oktober 2019" in text and "Penutupan" in text, text
    text = read(await bot.say("best practice luar negeri itu day berapa"))
    assert "Kamis, 17 Oktober 2019" in text and "Agenda tiga hari" not in text, text
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    text = read(await bot.say("first day agenda dong, mulai jam brp"))
    assert "dimulai pukul 07.30" in text and "08.30–09.30 · Pembukaan" in text, text
    text = read(await makassar.say("What is on the 15th?"))
    assert "Perumusan kesepakatan" in text, text


async def test_an_ordinal_counting_items_and_a_plan_naming_an_item(bot: Harness) -> None:
    """"the 2nd day" is the event's second day, not the 2nd of the month; a statement of the
    asker's plans that names an item ("kami besok ikut city tour") stays the context of the
    question after it."""
    bot.clock.set(datetime(2019, 10, 17, 20, 0, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("what is on the 2nd day?"))
    assert "Thursday, 17 October 2019" in text, text
    await bot.say("/bahasa id")
    text = read(await bot.say("kami besok ikut city tour. kumpul dimana?"))
    assert "Kumpul pukul 07.30" in text, text
