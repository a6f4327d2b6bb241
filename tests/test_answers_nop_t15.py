"""Messages that ask two or more things (dev sets n, o, p, issue 11), through the real
Application and the stand-in: every part is answered, or declined inside the same reply,
never dropped or answered with another part's card.

Each test is one general cause: a letter's frame (an address ending at a full stop, a
self-introduction naming the sender's office and region, a reason for asking, a signature)
read as the question; "dan/serta" between two pieces that each ask; two practical things
asked in one request ("wifi dan tempat sholat"); a later part naming its own day; "trus
lanjut apa" after an item; and an item's time asked in another Indonesian zone.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, Harness
from tests.test_answers import read


async def test_letter_with_introduction_asks_time_and_place(bot: Harness) -> None:
    """"Bersama ini kami dari Bagian X Kabupaten Y ingin menanyakan, … pukul berapa dan
    bertempat di mana?": the sender's office and region are not the question; both the time
    and the place are answered, neither declined."""
    bot.clock.set(datetime(2019, 10, 15, 9, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat pagi Bapak/Ibu panitia. Bersama ini kami dari Bagian Umum Setda Kabupaten "
        "Alor ingin menanyakan, pada hari pertama registrasi peserta dibuka pukul berapa dan "
        "bertempat di mana? Terima kasih."))
    assert "07.30" in text and "lobi" in text, text
    assert DECLINED not in text, text


async def test_greeting_and_address_are_not_how_to_ask_the_organizers(bot: Harness) -> None:
    """"Selamat malam Bapak/Ibu panitia, izin bertanya … di mana dan jam berapa …?": the
    greeting names the organizers and "bertanya" asks, but the question is the tour's
    gathering place and time, not how to ask the organizers."""
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat malam Bapak/Ibu panitia, izin bertanya untuk kegiatan city tour hari Jumat "
        "titik kumpulnya di mana dan jam berapa harus hadir? Terima kasih banyak."))
    assert "kumpul pukul 07.30 di Kantor Wali Kota Kupang" in text, text
    assert "Tulis saja pertanyaan Anda" not in text, text


async def test_letter_speaker_and_institution_show_one_card(bot: Harness) -> None:
    """"narasumbernya siapa dan berasal dari institusi mana?": the speaker and the
    institution, from the session's card, shown once."""
    bot.clock.set(datetime(2019, 10, 17, 8, 0, tzinfo=WITA))
    calls = await bot.say(
        "Selamat pagi Bapak/Ibu. Mohon informasi, untuk sesi Best Practice Luar Negeri hari "
        "ini narasumbernya siapa dan berasal dari institusi mana? Terima kasih.")
    text = read(calls)
    assert "Keesei Lee" in text and "Seoul Institute" in text, text
    assert DECLINED not in text, text
    assert text.count("🎤 Best Practice Luar Negeri") == 1, text


async def test_letter_reason_and_signature_are_not_asked(bot: Harness) -> None:
    """A reason for asking ("…, karena kami harus menyusun SPT bagi staf") and a signature
    ("Hormat kami, Kabag …") ask nothing: the questions around them are answered."""
    bot.clock.set(datetime(2019, 10, 15, 16, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat sore. Bersama ini kami ingin menanyakan berapa hari kegiatan seminar ini "
        "berlangsung dan tanggal berapa saja, karena kami harus menyusun SPT bagi staf. "
        "Terima kasih."))
    assert "3 hari" in text and "16–18 Oktober" in text, text
    assert DECLINED not in text, text
    text = read(await bot.say(
        "Kepada Yth. Panitia Seminar. Kami mohon informasi mengenai jumlah peserta yang "
        "diundang dalam kegiatan ini serta asal daerahnya. Hormat kami, Kabag Pemerintahan "
        "Kab. Ende."))
    assert "478" in text and "22 pemerintah daerah" in text, text
    assert DECLINED not in text, text


async def test_purpose_sender_and_asking_frame_are_not_the_subject(bot: Harness) -> None:
    """What the answer is for ("untuk keperluan laporan perjalanan dinas"), whom the sender
    speaks for ("Kami rombongan Pemkab X, mohon …") and "may I ask" are not what is asked:
    the theme, the host's contacts (not the sender's region's), the keynote's time."""
    bot.clock.set(datetime(2019, 10, 15, 16, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat sore Bapak/Ibu, untuk keperluan laporan perjalanan dinas kami mohon "
        "informasi tema resmi seminar tahun ini. Terima kasih."))
    assert "Strategi Pengembangan Smart City" in text and DECLINED not in text, text
    text = read(await bot.say(
        "Selamat malam panitia yang terhormat. Kami rombongan Pemkab Banyuwangi, mohon nomor "
        "narahubung panitia tuan rumah yang bisa dihubungi. Terima kasih."))
    assert "0201" in text and "Banyuwangi" not in text, text
    text = read(await bot.say(
        "Good morning, may I ask what time the keynote by the Minister starts? Thank you."))
    assert "09.30" in text and DECLINED not in text, text


async def test_two_practical_things_in_one_request(bot: Harness) -> None:
    """"mohon info wifi dan tempat sholat": two practical answers, both given."""
    bot.clock.set(datetime(2019, 10, 16, 7, 35, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat pagi Pak, mohon info wifi dan tempat sholat. Terima kasih"))
    assert "Wi-Fi" in text and "Mushola" in text, text
    # One thing named by two words ("sambutan Wali Kota dan Presiden") stays one question.
    text = read(await bot.say("sambutan wali kota dan presiden citynet jam berapa?"))
    assert "08.30" in text and DECLINED not in text, text


async def test_a_later_part_read_with_the_part_before(bot: Harness) -> None:
    """"siapa presiden X? sejak kapan Y jadi anggota?": a member of X, from its text (not
    the session about membership); "X berdiri tahun berapa dan programnya apa aja?": "-nya"
    is X's, and both parts are answered, neither declined."""
    bot.clock.set(datetime(2019, 10, 15, 11, 0, tzinfo=WITA))
    text = read(await bot.say(
        "siapa presiden citynet indonesia? sejak kapan sidoarjo jadi anggota?"))
    assert "Saiful Ilah" in text and "2009" in text, text
    text = read(await bot.say("Citynet berdiri tahun berapa dan programnya apa aja?"))
    assert "1987" in text and "pelatihan" in text and DECLINED not in text, text


async def test_a_later_part_keeps_its_own_day(bot: Harness) -> None:
    """"hari ini sesi apa aja, besok apa?": today's programme and tomorrow's, not today's
    twice."""
    bot.clock.set(datetime(2019, 10, 16, 7, 0, tzinfo=WITA))
    text = read(await bot.say("hari ini sesi apa aja, besok apa?"))
    assert "Rabu, 16 Oktober 2019" in text and "Kamis, 17 Oktober 2019" in text, text
    assert "Semarang" in text and "Banyuwangi" in text, text


async def test_then_what_goes_on_after_the_item_named(bot: Harness) -> None:
    """"banyuwangi abis jam brp? trus lanjut apa": its end, then the item after it."""
    bot.clock.set(datetime(2019, 10, 16, 13, 0, tzinfo=WITA))
    text = read(await bot.say("banyuwangi abis jam brp? trus lanjut apa"))
    assert "14.30" in text and "Setelah Sharing Best Practice Kabupaten Banyuwangi" in text
    assert "Jumpa pers" in text, text


async def test_unanswerable_part_is_declined_in_the_same_reply(bot: Harness) -> None:
    """A part the data does not hold is declined; the other part is still answered."""
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    text = read(await bot.say("jam berapa keynote, dan berapa uang saku peserta?"))
    assert "09.30" in text, text
    assert DECLINED in text and "uang saku" in text and "Tanya panitia" in text, text


async def test_time_in_another_indonesian_zone(bot: Harness) -> None:
    """"keynote jam berapa WIB?": WIB, WITA and WIT are fixed offsets; the item's times are
    given in the zone named (the phone is a clock here, not a number asked for). The event's
    own zone, or none named, converts nothing."""
    bot.clock.set(datetime(2019, 10, 16, 8, 25, tzinfo=WITA))
    text = read(await bot.say("kalau jam HP saya WIB, keynote jam berapa WIB?"))
    assert "mulai 08.30 WIB" in text and "09.30–11.00 WITA" in text, text
    assert DECLINED not in text, text
    text = read(await bot.say("jumpa pers jam berapa WIT?"))
    assert "mulai 16.30 WIT" in text, text
    text = read(await bot.say("keynote jam berapa WITA?"))
    assert "WIB" not in text and "Dalam" not in text, text


async def test_another_event_letters_and_zones(makassar: Harness) -> None:
    """The same on another event file: a letter's introduction set aside, two parts
    answered, an item's time in WIB."""
    text = read(await makassar.say(
        "Dengan hormat, kami dari Dinas Kominfo Kabupaten Gowa ingin menanyakan registrasi "
        "peserta dibuka pukul berapa dan bertempat di mana? Terima kasih."))
    assert "08.00" in text and DECLINED not in text, text
    text = read(await makassar.say("pembukaan jam berapa WIB?"))
    assert "mulai 07.30 WIB" in text, text


async def test_who_is_not_answered_by_a_title_naming_only_an_office(bot: Harness) -> None:
    """"Indonesia presidennya siapa?": the opening's title names the office ("Presiden Citynet
    Indonesia"), not who holds it; quoting it would answer nothing. Declined (or, after a
    question about the network, the network's card that names him)."""
    text = read(await bot.say("Indonesia presidennya siapa?"))
    assert "Sumber: Pembukaan" not in text, text
    text = read(await bot.say("Citynet berdiri tahun berapa? Indonesia presidennya siapa?"))
    assert "1987" in text and "Sumber: Pembukaan" not in text, text


async def test_where_the_event_is_held_is_its_main_venue(bot: Harness) -> None:
    """"Kegiatan seminar ini diselenggarakan di gedung mana?" asks where it is held, not who
    hosts it, and the seminar's place is the venue of most of its sessions, not every place
    the event uses (the dinner's); asked for every place, every one; asked who holds it,
    the host."""
    text = read(await bot.say(
        "Selamat siang Bapak/Ibu. Kegiatan seminar ini diselenggarakan di gedung mana ya? "
        "Terima kasih."))
    assert "Kantor Wali Kota Kupang" in text and "Suba Suka" not in text, text
    assert "Tuan rumah" not in text, text
    text = read(await bot.say("tempat apa aja yang dipakai seminar ini?"))
    assert "Kantor Wali Kota Kupang" in text and "Suba Suka" in text, text
    text = read(await bot.say("acara ini diselenggarakan di provinsi apa?"))
    assert "Nusa Tenggara Timur" in text, text
    text = read(await bot.say("siapa penyelenggara seminar ini?"))
    assert "Tuan rumah: Pemerintah Kota Kupang" in text, text
