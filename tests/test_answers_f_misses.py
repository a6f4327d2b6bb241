"""The misses left on dev set f (issue 11), through the real Application and the stand-in:
each becomes an answer, by general cause.

A second question keeps the first one's subject (its fact read of that item, both details
of one item answered), and "who can I call about registration problems" asks for a contact,
not how to register.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, Harness
from tests.test_answers import read


async def test_a_second_question_keeps_the_first_ones_subject(bot: Harness) -> None:
    """"berapa kuota pesertanya?" after the tour is the tour's seats, not the event's
    participants; two details of one speaker's session are both answered."""
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    text = read(await bot.say("Kapan city tour dan berapa kuota pesertanya?"))
    assert "Jumat, 18 Oktober 2019" in text and "Kapasitas 120 orang" in text
    assert "478 peserta" not in text
    # Without a subject before it, the same count is still the event's.
    text = read(await bot.say("berapa jumlah pesertanya?"))
    assert "478 peserta" in text
    bot.clock.set(datetime(2019, 10, 16, 14, 0, tzinfo=WITA))
    text = read(await bot.say("Prof Keesei Lee dari mana? sesinya hari apa?"))
    assert "Seoul Institute of Technology" in text
    assert "Best Practice Luar Negeri — Kamis, 17 Oktober 2019, 10.30" in text


async def test_whom_to_call_about_a_feature_is_a_contact(bot: Harness) -> None:
    text = read(await bot.say("siapa yg bisa dihubungi kalau ada masalah pendaftaran?"))
    assert "registrasi.citynet@" in text and "Daftar sekarang" not in text
    # Asking how to register is still the how-to answer.
    text = read(await bot.say("gimana cara daftar?"))
    assert "/daftar" in text and DECLINED not in text


async def test_a_request_before_a_comma_is_a_question_of_its_own(bot: Harness) -> None:
    """"Tolong info nomor …, sekalian mau tanya … dmn": the request and the question are
    both answered; a preface ("Mohon info, …") still asks nothing by itself."""
    text = read(await bot.say(
        "Tolong info nomor panitia registrasi, sekalian mau tanya kartu peserta diambil dmn"))
    assert "registrasi.citynet@" in text and "lobi Kantor Wali Kota Kupang" in text
    text = read(await bot.say("Mohon info, kapan keynote?"))
    assert "Keynote" in text and DECLINED not in text


async def test_after_this_during_the_tour_is_the_next_stop(bot: Harness) -> None:
    """"abis ini rombongan tur mampir ke mana?" while the tour is on: after the stop reached
    last, not after the whole tour."""
    bot.clock.set(datetime(2019, 10, 18, 9, 50, tzinfo=WITA))
    text = read(await bot.say("abis ini rombongan tur mampir ke mana lagi?"))
    assert text.startswith("Setelah Sentra Tenun Ikat Kota Kupang (09.10): Pantai Lasiana")
    # Outside the tour, after the tour is still what follows it.
    bot.clock.set(datetime(2019, 10, 17, 9, 50, tzinfo=WITA))
    text = read(await bot.say("abis city tour ada acara apa?"))
    assert "Penutupan" in text


async def test_when_a_part_of_the_day_starts(bot: Harness) -> None:
    """"sesi siang ini mulai jam brp?" is the first session of the afternoon (not the lunch
    break, not the day's first item); "besok mulai jam berapa?" is still the day's start."""
    bot.clock.set(datetime(2019, 10, 17, 12, 20, tzinfo=WITA))
    text = read(await bot.say("sesi siang ini mulai jam brp?"))
    assert text.startswith("Acara Kamis, 17 Oktober 2019, siang dimulai pukul 13.00")
    bot.clock.set(datetime(2019, 10, 16, 20, 0, tzinfo=WITA))
    text = read(await bot.say("besok mulai jam berapa?"))
    assert text.startswith("Acara Kamis, 17 Oktober 2019 dimulai pukul 08.30")


async def test_when_one_must_be_there_is_the_days_start(bot: Harness) -> None:
    """"besok jam brp harus udah di lokasi?" asks when to arrive: the day's start with its
    gathering time, not the venue card; "di mana lokasinya besok?" is still the venue."""
    bot.clock.set(datetime(2019, 10, 17, 20, 10, tzinfo=WITA))
    text = read(await bot.say("besok jam brp harus udah di lokasi?"))
    assert text.startswith("Acara Jumat, 18 Oktober 2019 dimulai pukul 08.00")
    assert "kumpul pukul 07.30" in text
    text = read(await bot.say("lokasi acara besok di mana?"))
    assert "Kantor Wali Kota Kupang" in text and "dimulai pukul" not in text


async def test_x_after_which_item_is_the_item_before_x(bot: Harness) -> None:
    """"X itu sesudah sesi apa?" asks what X follows (the item before X); "X, setelah itu
    apa?" is not read as before X."""
    bot.clock.set(datetime(2019, 10, 16, 19, 30, tzinfo=WITA))
    text = read(await bot.say("sosialisasi program citynet itu sesudah sesi apa?"))
    assert text.startswith("Sebelum Sosialisasi Program Citynet Indonesia (13.00–15.00): Ishoma")
    text = read(await bot.say("sosialisasi program citynet, setelah itu apa?"))
    assert not text.startswith("Sebelum")


async def test_held_in_which_room_is_not_the_events_dates(bot: Harness) -> None:
    """"… diadakan di ruang apa?" asks where: never the event's dates as if they answered
    it (here the venue's note that says where the meeting was held, quoted with its source;
    it used to be a decline); "seminar diadakan kapan?" still is."""
    text = read(await bot.say("Rapat persiapan seminar ini dulu diadakan di ruang apa?"))
    assert "berlangsung 3 hari" not in text
    assert "rapat persiapan 3 September 2019 diadakan di ruang Garuda" in text
    assert "Sumber: Kantor Wali Kota Kupang" in text
    text = read(await bot.say("seminar ini diadakan kapan?"))
    assert "16–18 Oktober 2019" in text
