"""Facts, contacts, registration, attendance and practical questions (dev sets v and w;
issue 11), through the real Application and the stand-in: answered from the event model, or
declined — never a loosely related card.

- a speaker asked by their office ("Mayor of Kupang name?") is the speaker holding it, not a
  practical answer whose venue holds the same words;
- people counted ("how many participant attend?") are the event's participants, not the
  registration desk item whose title has the word;
- "udh bs regis blm?" asks whether the registration desk is open, not how to sign up;
- "kode absen sesi ini apa?": the check-in line (the code is on the session's screen);
  a letter of attendance is the certificate; "mencatat kehadiran" is checking in;
- "hub siapa?" asks whom to contact; what to bring to "registrasi ulang besok pagi";
- a formal letter's context ("sudah menerima undangan, namun …") and plea ("Mohon bantuan")
  ask nothing; "im lost, …" neither;
- counters ("brp org", "brp biji"), "what's special about" a stop, and an item asked at a
  venue it is not at.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import read, read_en


async def test_a_speaker_asked_by_their_office(bot: Harness) -> None:
    """The whole office names its holder, though its title word alone is in a session's
    title; the name asked is the speaker's card, not the Wi-Fi answer at their office."""
    bot.clock.set(datetime(2019, 10, 16, 9, 0, tzinfo=WITA))
    for question in ("Mayor of Kupang name?", "what's the name of the Mayor of Kupang",
                     "who is the mayor of kupang?"):
        text = await read_en(bot, question)
        assert "Riwu Kore" in text and "Wi-Fi" not in text, text
        assert not text.startswith("Opening"), text
    text = read(await bot.say("nama wali kota kupang?"))
    assert text.startswith("Jefirstson R. Riwu Kore"), text
    # The session's name asked stays the session.
    text = read(await bot.say("nama sesi pak rudiantara apa?"))
    assert text.startswith("Keynote"), text


async def test_people_counted_are_the_participants(bot: Harness, makassar: Harness) -> None:
    text = await read_en(bot, "how many participant attend?")
    assert "478" in text and "register first" not in text, text
    text = await read_en(bot, "participant registration when?")
    assert "07:30" in text, text
    text = await read_en(makassar, "how many participant attend?")
    assert "120" in text and "register first" not in text, text


async def test_whether_the_registration_desk_is_open(bot: Harness, makassar: Harness
                                                      ) -> None:
    bot.clock.set(datetime(2019, 10, 16, 7, 40, tzinfo=WITA))
    text = read(await bot.say("skrg udh bs regis blm?"))
    assert "Registrasi peserta" in text and "07.30" in text, text
    assert "/daftar" not in text, text
    # Signing up with the bot is still that.
    text = read(await bot.say("mau daftar sekarang"))
    assert "Registrasi peserta" not in text, text
    makassar.clock.set(datetime(2024, 5, 14, 8, 10, tzinfo=WITA))
    text = read(await makassar.say("skrg udh bs regis blm?"))
    assert "Registrasi peserta" in text and "/daftar" not in text, text


async def test_check_in_code_letter_and_recording_attendance(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 9, 45, tzinfo=WITA))
    text = read(await bot.say("kode absen sesi ini apa?"))
    assert text.startswith("✍️") and "layar" in text, text
    text = await read_en(bot, "what's the check-in code for this session?")
    assert "screen" in text and DECLINED_EN not in text, text
    bot.clock.set(datetime(2019, 10, 17, 14, 30, tzinfo=WITA))
    text = await read_en(bot, "I need letter of attendance for my city government, can "
                              "committee give?")
    assert "/certificate" in text and "/checkin" not in text, text
    text = read(await bot.say("bisa minta surat keterangan hadir untuk kantor?"))
    assert "/sertifikat" in text and "/hadir" not in text, text
    text = read(await bot.say(
        "Selamat pagi Bapak/Ibu, saya peserta dari Kabupaten Nagekeo. Untuk keperluan absensi "
        "kehadiran bagi kantor kami, bagaimana cara mencatat kehadiran selama kegiatan ini? "
        "Terima kasih."))
    assert "/hadir" in text and DECLINED not in text, text


async def test_whom_to_contact_and_what_to_bring(bot: Harness, makassar: Harness) -> None:
    for question in ("mau tanya soal registrasi, hub siapa?",
                     "sy mau tanya soal pendaftaran, hub siapa"):
        text = read(await bot.say(question))
        assert "0202" in text and DECLINED not in text, text
    # No contact of the Makassar file handles registration: declined, never a speaker.
    text = read(await makassar.say("mau tanya soal registrasi, hub siapa?"))
    assert DECLINED in text and "Kepala Dinas" not in text, text
    # "hubungannya" is not "hub".
    text = read(await bot.say("apa hubungannya gabung citynet dgn masterplan smart city?"))
    assert "salah satu cara mempercepat" in text, text
    text = read(await bot.say(
        "Yth. Panitia Seminar Citynet. Dengan hormat, kami rombongan dari Kabupaten Ende "
        "berjumlah tiga orang akan tiba di Kupang malam ini. Untuk kelancaran registrasi ulang "
        "besok pagi, dokumen apa yang perlu kami bawa? Demikian, terima kasih."))
    assert "surat tugas" in text and DECLINED not in text, text


async def test_a_letters_context_and_plea_ask_nothing(bot: Harness, makassar: Harness
                                                      ) -> None:
    text = read(await bot.say(
        "Shalom dan selamat siang Bapak/Ibu panitia. Saya mewakili Camat Kelapa Lima. Kami "
        "sudah menerima undangan, namun belum jelas lokasi seminar ini di mana dan alamat "
        "lengkapnya. Mohon bantuan. Terima kasih."))
    assert "Lerik" in text and "Perintah:" not in text and DECLINED not in text, text
    # A plea alone still gets the help.
    text = read(await bot.say("mohon bantuan"))
    assert "Perintah:" in text, text
    text = read(await makassar.say("Kami sudah menerima undangan, tapi tempat rakor di mana? "
                                   "Mohon bantuan."))
    assert "Balai Kota Makassar" in text and "Perintah:" not in text, text


async def test_counts_special_and_the_venue_guessed(bot: Harness) -> None:
    text = read(await bot.say("penduduk kota kupang brp org"))
    assert "550" in text, text
    bot.clock.set(datetime(2019, 10, 17, 17, 0, tzinfo=WITA))
    text = read(await bot.say("bsk tur tu bus ada brp biji"))
    assert "3 bus" in text and DECLINED not in text, text
    text = await read_en(bot, "What's special about the ikat weaving stop?")
    assert "Sepe" in text, text
    bot.clock.set(datetime(2019, 10, 16, 15, 35, tzinfo=WITA))
    text = await read_en(bot, "im lost, press conference where, is it in city hall?")
    assert "Suba Suka" in text and DECLINED_EN not in text, text
    # The place guessed is not shown as the item's: its own venue's card follows.
    assert "📍 Kantor Wali Kota Kupang" not in text, text


async def test_when_the_asker_travels_is_no_question(bot: Harness) -> None:
    """"beta baru tiba bsk pagi" beside a question says why they ask: the day after
    tomorrow's programme, not tomorrow morning's too (its keynote is not asked)."""
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    text = read(await bot.say("lusa tu acara apa sa? beta baru tiba bsk pagi"))
    assert "Kamis, 17 Oktober 2019" in text and "Rudiantara" not in text, text
    text = await read_en(bot, "what's on thursday? we arrive tomorrow morning")
    assert "Thursday, 17 October 2019" in text and "Rudiantara" not in text, text
