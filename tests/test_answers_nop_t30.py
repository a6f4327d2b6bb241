"""Regional, informal and mixed-language wording (dev sets x, aa and ab; issue 11), through
the real Application and the stand-in: read like the standard question, or declined.

- the question words and particles of Javanese ("piro", "ning ndi", "nggih", "ngapunten"),
  Sundanese ("iraha", "saha", "kumaha"), Makassar ("-mi", "-ji"), Betawi ("dimane",
  "acaranye"), Sumatran ("kek mana", "cak mano") and Kupang Malay ("pung", "pi mana"): one
  table in textnorm (`REGIONAL`, `CLITICS`);
- a day's where-question with nothing named ("besok pagi beta pi mana?", "where do I go
  tomorrow morning?") is that day's programme with its places;
- "how many day" counts the event's days; the asker's own plan after a request ("…, mau book
  flight pulang") is not asked; a yes-or-no tag ("camat ikut ga?") negates nothing.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from bot import textnorm
from tests.conftest import WITA
from tests.harness import DECLINED, Harness
from tests.test_answers import read, read_en


def test_regional_words_read_as_standard_indonesian() -> None:
    for typed, read_as in (
        ("sesi pak menteri sampe jam piro?", "sesi pak menteri sampai jam berapa"),
        ("sesine Prof Lee ning ndi toh?", "sesi prof lee dimana toh"),
        ("dimanami tempatnya rehat kopi?", "dimana tempat rehat kopi"),
        ("jam berapa njih? Maturnuwun", "jam berapa ya makasih"),
        ("jadwal sesuk opo wae?", "jadwal besok apa saja"),
        ("iraha city tour?", "kapan city tour"),
        ("saha nu ngisi?", "siapa yang ngisi"),
        ("kumaha carana daftar?", "bagaimana cara daftar"),
        ("acaranye dimane?", "acara dimana"),
        ("kek mana cara daftar bah?", "bagaimana cara daftar ya"),
        ("cak mano daftar?", "bagaimana daftar"),
        ("cak mano kalo nak ikut city tour?", "bagaimana kalau mau ikut city tour"),
        ("adaji wifi?", "ada wifi"),
        ("bsk ada acara malam ndak ji?", "besok ada acara malam tidak ya"),
        ("berapami peserta?", "berapa peserta"),
        ("pemkot pung kantor di mana ko?", "pemkot punya kantor dimana ko"),
    ):
        assert textnorm.normalize(typed) == read_as, typed
    # A glued particle comes off a known word only: "arena" is no "are" + "-na".
    assert textnorm.normalize("arena") == "arena"


async def test_javanese_questions_are_answered(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 7, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat pagi, ngapunten mengganggu. Kami delegasi Kota Surakarta. Sesi pertama hari "
        "ini jam berapa njih? Maturnuwun"))
    assert "08.30" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    text = read(await bot.say("mas, sesi pak menteri sampe jam piro?"))
    assert "11.00" in text and "Rudiantara" in text, text
    bot.clock.set(datetime(2019, 10, 17, 11, 0, tzinfo=WITA))
    text = read(await bot.say("mbak, sesine Prof Lee ning ndi toh?"))
    assert "Kantor Wali Kota Kupang" in text and DECLINED not in text, text
    text = read(await bot.say("Pak, minta no WA narahubung Sidoarjo nggih"))
    assert "0101" in text, text
    text = read(await bot.say("narahubung Sidoarjo sinten nggih?"))
    assert "0101" in text, text
    # Krama, as a letter opens: "nyuwun sewu, badhe tanglet" is "permisi, mau tanya".
    text = read(await bot.say("Nyuwun sewu, badhe tanglet, keynote jam pinten nggih?"))
    assert "09.30" in text and "Rudiantara" in text, text
    text = read(await bot.say("kula badhe rawuh, registrasi ning ndi?"))
    assert "Registrasi peserta" in text and "Kantor Wali Kota Kupang" in text, text
    makassar.clock.set(datetime(2024, 5, 14, 9, 0, tzinfo=WITA))
    text = read(await makassar.say("diskusi kelompok ning ndi toh?"))
    assert "Hotel Pantai Losari" in text and DECLINED not in text, text
    text = read(await makassar.say("penutupan sampe jam piro?"))
    assert "11.30" in text, text
    text = read(await makassar.say("minta no WA narahubung Gowa nggih"))
    assert "0002" in text, text


async def test_makassar_and_other_regional_particles(bot: Harness, makassar: Harness
                                                     ) -> None:
    bot.clock.set(datetime(2019, 10, 17, 10, 15, tzinfo=WITA))
    text = read(await bot.say("dimanami tempatnya rehat kopi?"))
    assert "Kantor Wali Kota Kupang" in text and DECLINED not in text, text
    text = read(await bot.say("berapami peserta?"))
    assert "478" in text, text
    text = read(await bot.say("iraha city tour?"))
    assert "18 Oktober" in text and "07.30" in text, text
    text = read(await makassar.say("dimanami diskusi kelompok?"))
    assert "Hotel Pantai Losari" in text, text
    # Sundanese and Betawi.
    text = read(await bot.say("aya wifi teu?"))
    assert "Wi-Fi" in text and DECLINED not in text, text
    text = read(await bot.say("abdi hoyong daftar, tiasa?"))
    assert "/daftar" in text, text
    text = read(await makassar.say("acaranye dimane?"))
    assert "Kota Makassar" in text and DECLINED not in text, text


async def test_where_to_go_on_a_day(bot: Harness, makassar: Harness) -> None:
    """"besok pagi beta pi mana?": that morning's programme with its places."""
    bot.clock.set(datetime(2019, 10, 16, 19, 0, tzinfo=WITA))
    for question in ("besok pagi beta pi mana ko?", "besok pagi kita ke mana?",
                     "besok pagi dimana?", "besok pagi torang pigi mana?",
                     "sesuk isuk nang ndi?"):
        text = read(await bot.say(question))
        assert "Kamis, 17 Oktober" in text and "Kantor Wali Kota Kupang" in text, text
        assert "City Tour" not in text, text
    text = await read_en(bot, "where do I go tomorrow morning?")
    assert "17 October" in text and "Kantor Wali Kota Kupang" in text, text
    # A thing the data does not place is still declined, a meal the programme has not too.
    for question in ("besok sarapan dimana?", "nanti malam makan di mana?"):
        text = read(await bot.say(question))
        assert DECLINED in text, text
    # On the eve of the tour, the tour.
    bot.clock.set(datetime(2019, 10, 17, 19, 0, tzinfo=WITA))
    text = read(await bot.say("besok pagi kita ke mana?"))
    assert "City Tour" in text, text
    makassar.clock.set(datetime(2024, 5, 14, 19, 0, tzinfo=WITA))
    text = read(await makassar.say("besok pagi beta pi mana ko?"))
    assert "15 Mei" in text and "Balai Kota Makassar" in text, text


async def test_terse_and_mixed_english(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 12, 0, tzinfo=WITA))
    for question in ("seminar how many day", "how many day seminar"):
        text = await read_en(bot, question)
        assert "3 days" in text, text
    text = await read_en(makassar, "rakor how many day")
    assert "2 days" in text, text
    bot.clock.set(datetime(2019, 10, 17, 20, 0, tzinfo=WITA))
    for question in ("Jadwal for Friday please, mau book flight pulang",
                     "Friday schedule please, I want to book my flight home",
                     "jadwal jumat dong, mau pesan tiket pesawat pulang"):
        text = await read_en(bot, question)
        assert "18 October" in text and "11:45" in text, text
    # The plan alone is still no question the data answers.
    text = await read_en(bot, "mau book flight pulang")
    assert "18 October" not in text, text


async def test_yes_or_no_tag_negates_nothing(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 10, 0, tzinfo=WITA))
    for question in ("ada camat lurah ikut ga", "lurah ikut seminar ga?",
                     "camat diundang gak sih?"):
        text = read(await bot.say(question))
        assert "Camat dan lurah se-Kota Kupang" in text, text
    # A negation inside the question still counts: the data does not say who stays away.
    text = read(await bot.say("ada lurah yang tidak ikut?"))
    assert DECLINED in text, text


async def test_kupang_possessive(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 15, 10, tzinfo=WITA))
    text = read(await bot.say("pemkot pung kantor di mana ko?"))
    assert "Kantor Wali Kota Kupang" in text and DECLINED not in text, text
    text = read(await bot.say("pak menteri pung sesi jam brapa?"))
    assert "09.30" in text, text
