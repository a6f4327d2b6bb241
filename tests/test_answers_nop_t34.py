"""Several questions in one message, and long letters (dev set x; issue 11), through the real
Application and the stand-in: each question answered from the event model, or declined —
never dropped, never a card of the question before.

- a later question that, read with the one before, would only ask it again, yet names words
  of its own ("siapa yg buka acara dan siapa pembicara kunci?", "brp kota X, dan brp pemda
  Y?") is read alone: answered by what it names, or declined;
- the joining words between questions: dan, serta, sama, juga, terus, trus, lalu, kemudian,
  and, also, plus, "&", ";", ",", "?" without a space, a new line;
- a second question whose subject is the first one's ("dan jam berapa?", "and where?"), also
  after an item asked by its place in a day ("sesi pertama besok apa, dan sesudahnya?");
- "…, dan jika ada, pukul berapa?", "and if so, at what time?": a second question;
- reported speech in letters ("beliau menanyakan …", "pimpinan kami ingin mengetahui apakah
  …", "my mayor would like to know whether …"), an apology before the question ("Mohon maaf
  mengganggu, …"), and letters up to 2,000 characters are read.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.features.questions import MAX_QUESTION
from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness, makassar_bot
from tests.test_answers import read, read_en


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db", before=timedelta(days=1)) as bot:
        yield bot


async def test_a_second_question_naming_its_own_thing_is_not_dropped(bot: Harness) -> None:
    """Read with the question before, the second would ask the first again: it names words
    of its own, so it is read alone — answered, or declined, never silently left out."""
    bot.clock.set(datetime(2019, 10, 16, 16, 0, tzinfo=WITA))
    text = read(await bot.say("brp kota yg dipilih kominfo jd peserta, dan brp pemda ntt?"))
    assert "18 kota" in text and "22 pemerintah daerah" in text, text
    text = read(await bot.say("berapa peserta seminar juga berapa kota anggota citynet?"))
    assert "478" in text and "24 kota" in text, text
    text = await read_en(bot, "how many participants and how many member cities?")
    assert "478" in text and "24 member cities" in text, text
    # The opening's speakers, and the second question answered on its own (t31 reads
    # "pembicara kunci" as the keynote), not dropped or given the opening's card again.
    text = read(await bot.say("siapa yg buka acara dan siapa pembicara kunci?"))
    assert "Riwu Kore" in text, text
    assert "Keynote" in text and "Rudiantara" in text and DECLINED not in text, text
    # A statement after the question asks nothing of its own: tomorrow's programme only,
    # not today's for "I don't know the schedule".
    bot.clock.set(datetime(2019, 10, 17, 18, 30, tzinfo=WITA))
    text = read(await bot.say("Besok ada acara apa sa? Beta sonde tau jadwal"))
    assert "City Tour" in text and "Semarang" not in text, text
    # The sender's own introduction names what "kami" asks about.
    text = read(await bot.say("Dengan hormat, kami dari delegasi Kabupaten Sidoarjo ingin "
                              "menanyakan nomor narahubung delegasi kami."))
    assert "0101" in text, text
    # What is asked of the same item is no other thing: its card answers both.
    text = read(await bot.say("keynote mulai jam berapa dan selesai jam berapa?"))
    assert "09.30–11.00" in text and DECLINED not in text, text


@pytest.mark.parametrize("question", [
    "keynote jam berapa dan dimana?",
    "keynote jam berapa serta di mana tempatnya?",
    "keynote jam brp sama dmn tempatnya",
    "keynote jam berapa, juga di mana?",
    "keynote jam berapa terus di mana?",
    "keynote jam brp trus dmn",
    "keynote jam berapa lalu di mana",
    "keynote jam berapa kemudian di mana?",
    "keynote jam berapa; di mana?",
    "keynote jam berapa?di mana?",
    "keynote jam berapa\ndi mana",
])
async def test_the_joining_words_between_two_questions(bot: Harness, question: str) -> None:
    text = read(await bot.say(question))
    assert "09.30" in text and "Kantor Wali Kota Kupang" in text, text
    assert DECLINED not in text, text


@pytest.mark.parametrize("question", [
    "when is the keynote and where?",
    "when is the keynote plus where is it",
    "when is the keynote & where is it",
    "what time is the keynote? and where?",
    "when is the keynote, also where is it?",
])
async def test_the_joining_words_in_english(bot: Harness, question: str) -> None:
    text = await read_en(bot, question)
    assert "09:30" in text and "at Kantor Wali Kota Kupang" in text, text
    assert DECLINED_EN not in text, text


async def test_after_the_item_asked_by_its_place_in_the_day(bot: Harness) -> None:
    """"sesudahnya" is after the item the question before asked for: the day's first or
    last one, named by its place, not by its title."""
    bot.clock.set(datetime(2019, 10, 16, 21, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Selamat malam Bapak/Ibu. Kami dari Kabupaten Malaka, besok pagi rencananya pimpinan "
        "mau ikut sesi pertama. Sesi pertama besok itu apa, dan sesudahnya apa? Terima kasih."))
    assert "Semarang" in text and "Rehat kopi" in text, text
    assert DECLINED not in text, text
    text = read(await bot.say("acara pertama hari kamis apa? terus sesudahnya?"))
    assert "Setelah Sharing Best Practice Kota Semarang" in text, text
    text = await read_en(bot, "what is the first session tomorrow, and after that?")
    assert "After Best practice from Semarang City" in text, text
    text = await read_en(bot, "what's the last session on Thursday and what comes before it?")
    assert text.count("Introduction to Citynet Indonesia") >= 1 and "Before " in text, text


async def test_if_so_opens_a_second_question(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 7, 0, tzinfo=WITA))
    text = read(await bot.say("ada city tour? kalau ada, jam berapa berangkat?"))
    assert "08.00" in text and DECLINED not in text, text
    text = await read_en(bot, "Is there still a Semarang session, and if so, at what time?")
    assert "08:30" in text, text
    # A condition on something the question names stays its question.
    text = read(await bot.say("kalau ada wifi, passwordnya apa?"))
    assert "Wi-Fi" in text, text


async def test_reported_speech_in_a_letter(bot: Harness) -> None:
    """"beliau menanyakan …", "ingin mengetahui apakah …": who wants to know is the frame;
    what follows is asked, and answered from the event's own text."""
    bot.clock.set(datetime(2019, 10, 15, 19, 30, tzinfo=WITA))
    text = read(await bot.say(
        "Kepada Yth. Panitia Penyelenggara, dengan hormat. Bersama ini kami sampaikan bahwa "
        "Bapak Camat akan hadir mewakili wilayah kecamatan. Berhubung beliau belum pernah "
        "mengikuti forum Citynet, beliau menanyakan sejak tahun berapa Citynet didirikan dan "
        "apa saja program utamanya. Mohon kiranya dapat dijelaskan. Hormat kami, Staf."))
    assert "1987" in text and "pelatihan" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 17, 7, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Salam sejahtera. Saya sekretaris pribadi Bapak Bupati. Beliau ingin mengetahui "
        "apakah masih ada sesi Kota Semarang, dan jika ada, pukul berapa. Mohon informasinya."))
    assert "08.30" in text and DECLINED not in text, text
    text = read(await bot.say("Yth. Panitia. Pimpinan kami ingin mengetahui kapan city tour "
                              "dimulai. Terima kasih."))
    assert "08.00" in text and DECLINED not in text, text
    text = await read_en(bot, "Dear committee, my mayor would like to know whether the "
                              "Semarang session is still to come, and if so at what time.")
    assert "08:30" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "Good morning. She asked me to check when the keynote starts.")
    assert "09:30" in text and DECLINED_EN not in text, text
    # The same in chat: "nanya", "mau tau", "wants me to ask".
    text = read(await bot.say("bos saya nanya jam berapa city tour berangkat"))
    assert "08.00" in text and DECLINED not in text, text
    text = read(await bot.say("atasan saya mau tau dimana jumpa pers"))
    assert "Suba Suka" in text and DECLINED not in text, text
    text = await read_en(bot, "my boss wants me to ask where the press conference is")
    assert "Suba Suka" in text and DECLINED_EN not in text, text


async def test_an_apology_before_the_question(bot: Harness) -> None:
    text = read(await bot.say("Mohon maaf mengganggu, boleh minta nomor kontak sekretariat "
                              "registrasi?"))
    assert "0202" in text and DECLINED not in text, text
    text = read(await bot.say("maaf mengganggu waktunya, keynote jam berapa?"))
    assert "09.30" in text and DECLINED not in text, text
    text = await read_en(bot, "sorry to bother you, where is the press conference?")
    assert "Press conference" in text and DECLINED_EN not in text, text


async def test_a_long_formal_letter_is_read(bot: Harness) -> None:
    """A letter of 1,500 characters is a question, read: not "too long"; a pasted document
    longer than MAX_QUESTION still goes to a person."""
    bot.clock.set(datetime(2019, 10, 15, 14, 0, tzinfo=WITA))
    intro = ("Dengan hormat, bersama ini kami sampaikan bahwa delegasi Pemerintah Kabupaten "
             "kami terdiri dari lima orang, dipimpin oleh Bapak Sekretaris Daerah, dan akan "
             "tiba di Kupang pada hari Selasa sore dengan penerbangan dari Labuan Bajo. ")
    letter = ("Selamat siang Bapak/Ibu Panitia yang kami hormati. " + intro * 5
              + "Sehubungan dengan itu, kami mohon informasi kapan city tour dan di mana "
              "titik kumpulnya. Atas perhatian dan kerja samanya kami ucapkan terima kasih. "
              "Salam hormat.")
    assert 1200 < len(letter) < MAX_QUESTION
    text = read(await bot.say(letter))
    assert "terlalu panjang" not in text and "City Tour" in text, text
    assert "terlalu panjang" in read(await bot.say(letter * 2))


async def test_any_event_file(makassar: Harness) -> None:
    """The same kinds on the Makassar example: its own items, its own times."""
    text = read(await makassar.say(
        "Yth. Panitia. Pimpinan kami ingin mengetahui apakah masih ada paparan rencana smart "
        "city, dan jika ada, pukul berapa. Terima kasih."))
    assert "09.00" in text and DECLINED not in text, text
    text = read(await makassar.say("acara pertama hari selasa apa, dan sesudahnya apa?"))
    assert "Setelah Registrasi peserta" in text and "Pembukaan" in text, text
    text = await read_en(makassar, "our head of office would like to know when the group "
                                   "discussion starts and where it is held")
    assert "13:00" in text and "Hotel" in text, text
    text = read(await makassar.say("maaf mengganggu, penutupan jam berapa?"))
    assert "11.00" in text and DECLINED not in text, text


async def test_a_letter_asking_many_things(bot: Harness) -> None:
    """Past MAX_QUESTIONS, the questions left go to a person in the one decline, not
    dropped; within it, a third question borrows the item the second borrowed."""
    bot.clock.set(datetime(2019, 10, 16, 7, 0, tzinfo=WITA))
    text = read(await bot.say("kapan keynote? di mana jumpa pers? kapan city tour? siapa "
                              "presiden citynet? berapa peserta? di mana balai kota?"))
    assert "Keynote" in text and "Jumpa pers" in text and "City Tour" in text, text
    assert "478" in text, text
    assert DECLINED in text and "di mana balai kota" in text, text
    bot.clock.set(datetime(2019, 10, 16, 14, 40, tzinfo=WITA))
    text = read(await bot.say(
        "Bapak/Ibu panitia yang terhormat, mohon maaf mengganggu waktunya. Kami dari bagian "
        "humas ingin meliput jumpa pers sore ini. Jam berapa dimulai dan di mana tempatnya?"))
    assert "15.30" in text and "Suba Suka" in text, text
    assert "mengganggu" not in text, text


async def test_what_the_item_just_asked_is_about_is_its_card(bot: Harness) -> None:
    """"… jam berapa dan membahas apa?": the topic of the item the part before asked, which
    its card shows — not the event's background (blind batch y/z, now dev: y004, z080)."""
    bot.clock.set(datetime(2019, 10, 17, 7, 45, tzinfo=WITA))
    text = read(await bot.say(
        "Yth. Panitia, selamat pagi. Sesi pertama hari ini jam berapa dan membahas apa? "
        "Hormat saya."))
    assert "08.30" in text and "pembiayaan infrastruktur" in text, text
    assert "Banyuwangi" not in text and "478 peserta" not in text, text
    bot.clock.set(datetime(2019, 10, 17, 13, 20, tzinfo=WITA))
    text = read(await bot.say(
        "Yth panitia, mohon maaf saya tadi tertinggal sesi sebelum makan siang karena ada "
        "urusan dinas. Sesi tersebut membahas apa dan siapa pembicaranya?"))
    assert "Best Practice Luar Negeri" in text and "Keesei Lee" in text, text
    assert "Semarang" not in text and "478 peserta" not in text, text
    # Asked alone, the event's own topic is still the background.
    text = read(await bot.say("acara ini membahas apa?"))
    assert "Strategi Pengembangan Smart City" in text, text
