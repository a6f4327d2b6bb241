"""Event facts, contacts and other editions (dev sets r, s, t, k, o, e; issue 11), through the
real Application and the stand-in: answered from the event model, or declined.

- a delegation introducing itself and asking "a contact number" naming no one gets its own
  region's contact (the organizers, when it names them);
- another edition ("thn depan", "next edition") is declined, and so is the part after it
  that names nothing of its own ("… dan di kota mana?": that edition's city);
- "ingetin" asking a question or the programme is told it, with one line on reminders;
- the background reached through English, slang and counts: "since when", "why join",
  "how many kabupaten/kota from <province>", "18 kota … maksudnya", "how big … population",
  the event's name in the other language.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import read, read_en


async def test_a_delegation_asking_a_contact_gets_its_own(bot: Harness, makassar: Harness
                                                          ) -> None:
    """The introduction's region is whose contact is asked when the request names no one;
    naming the organizers still asks for theirs; a region without a contact is declined."""
    text = read(await bot.say("Selamat malam Bapak/Ibu. Kami rombongan dari Kota Bogor, mohon "
                              "nomor kontak yang bisa dihubungi. Terima kasih."))
    assert "0102" in text and "0101" not in text and "0103" not in text, text
    text = read(await bot.say("Kami dari Kota Bogor. Mohon nomor kontak yang bisa dihubungi."))
    assert "0102" in text and "Ketik nama daerah" not in text, text
    text = read(await bot.say("kami dari pemkot bogor, mohon kontak panitia"))
    assert "0201" in text and "0102" not in text, text
    text = read(await bot.say("Kami dari Kabupaten Ende, mohon nomor kontak yang bisa dihubungi."))
    assert DECLINED in text and "0107" not in text, text
    text = read(await makassar.say("Selamat pagi. Kami rombongan dari Kabupaten Gowa, mohon "
                                   "nomor kontak yang bisa dihubungi."))
    assert "0002" in text and "0001" not in text, text


async def test_another_edition_is_declined_with_the_part_after_it(bot: Harness,
                                                                 makassar: Harness) -> None:
    """Clipped "thn depan" is another year; "di kota mana" after it is that edition's city,
    which the data does not hold: never this edition's city or dates."""
    bot.clock.set(datetime(2019, 10, 18, 12, 25, tzinfo=WITA))
    text = read(await bot.say("kpn seminar citynet thn depan dan di kota mana?"))
    # Both parts in one decline (one Tanya panitia button carrying both).
    assert text.count(DECLINED) == 1 and "di kota mana" in text, text
    assert "Kupang" not in text and "2019" not in text, text
    text = read(await bot.say("seminar edisi berikutnya di mana?"))
    assert DECLINED in text and "Kantor Wali Kota" not in text, text
    text = await read_en(bot, "Where is the next edition of this seminar?")
    assert DECLINED_EN in text and "Kupang" not in text, text
    # A year not the event's, which its text does not name either, is another edition.
    text = read(await bot.say("kapan citynet 2020 diadakan dan di kota mana?"))
    assert text.count(DECLINED) == 1 and "di kota mana" in text and "Kupang" not in text, text
    text = read(await bot.say("siapa presiden citynet periode 2017-2021?"))
    assert "Saiful Ilah" in text and DECLINED not in text, text
    # A part naming its own day is still answered.
    text = read(await bot.say("seminar tahun depan di mana? hari ini acara apa?"))
    assert DECLINED in text and "Penutupan" in text, text
    text = read(await makassar.say("kpn rakor thn depan dan di kota mana?"))
    assert text.count(DECLINED) == 1 and "di kota mana" in text and "Makassar" not in text, text


async def test_ingetin_asking_is_told_with_a_line_on_reminders(bot: Harness,
                                                              makassar: Harness) -> None:
    """"tlg ingetin jdwl hr ke-2": the second day's programme and how to get reminders; a
    session's time likewise; a reminder set ahead ("sblm keynote") stays the reminder."""
    bot.clock.set(datetime(2019, 10, 16, 16, 0, tzinfo=WITA))
    text = read(await bot.say("tlg ingetin jdwl hr ke-2 dong"))
    assert "Semarang" in text and "Luar Negeri" in text and "/pengingat" in text, text
    bot.clock.set(datetime(2019, 10, 17, 9, 30, tzinfo=WITA))
    text = read(await bot.say("tlg ingetin dong sosialisasi jm brp"))
    assert "13.00" in text and "/pengingat" in text, text
    text = read(await bot.say("tlg ingetin sy sblm keynote ya"))
    assert "Untuk RSVP dan pengingat" in text and "09.30" not in text, text
    text = read(await makassar.say("tlg ingetin jdwl hr ke-2 dong"))
    assert "Perumusan kesepakatan" in text and "/pengingat" in text, text


async def test_background_facts_through_slang_and_english(bot: Harness) -> None:
    """Questions the event's text answers, asked in chat's or English words."""
    text = read(await bot.say("sidoarjo jd anggota sejak kpn"))
    assert "2009" in text and "Sosialisasi Program" not in text, text
    text = read(await bot.say("18 kota dari Kominfo itu maksudnya apa?"))
    assert "daerah pengembangan smart city" in text, text
    text = await read_en(bot, "how many kabupaten/kota from NTT are invited")
    assert "22 local governments" in text, text
    text = await read_en(bot, "Why should a city join Citynet Indonesia?")
    assert "master plans" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "How big is Kupang city, population?")
    assert "550,000" in text, text
    text = await read_en(bot, "What is the purpose of this seminar, in short?")
    assert "inclusive" in text and DECLINED_EN not in text, text


async def test_the_events_name_in_the_other_language(bot: Harness, makassar: Harness) -> None:
    """The name fact says the name in both languages the data has; the bot's own language
    setting is still /bahasa."""
    text = await read_en(bot, "what's the official English name of this event please")
    assert "Citynet Indonesia 2019 Seminar and Best Practice Sharing" in text, text
    assert DECLINED_EN not in text, text
    text = read(await makassar.say("nama acara ini dalam bahasa inggris apa?"))
    assert "South Sulawesi Smart City Coordination Meeting 2024" in text, text
    text = read(await bot.say("bisa ganti bahasa ke inggris?"))
    assert "/bahasa" in text and "Nama resmi acara" not in text, text


async def test_a_speakers_line_against_the_card(bot: Harness) -> None:
    """The named speaker's line is not quoted over their one session's card (which shows it,
    with the time asked); over a list of sessions, which does not, it answers."""
    bot.clock.set(datetime(2019, 10, 16, 13, 5, tzinfo=WITA))
    text = await read_en(bot, "Is Bupati Anas from Banyuwangi presenting now?")
    assert "13:00" in text and "14:30" in text, text
    text = read(await bot.say("Saiful Ilah itu bupati mana?"))
    assert "Bupati Sidoarjo" in text and "Beberapa sesi" not in text, text
