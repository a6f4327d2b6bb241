"""Speakers, presenting regions, offices and sessions reached by their description (dev sets
aa and ab; issue 11), through the real Application and the stand-in: answered from the event
model, or declined — never a loosely related card.

- which cities (regions) present: the talks whose title names a region one of their speakers
  is from, of the day and part of the day asked;
- "our city's presentation" of a delegation that introduced itself: its region's talk, or
  the decline when the region gives none;
- a talk by another noun ("lecture", "kuliah", "ceramah", "pidato") and the sessions a speaker
  is "involved in" / "terlibat" / "attends";
- which office a named speaker holds or where he is from ("bupati mana?", "which
  university?"): his card; an office nobody in the data holds ("sambutan gubernur") declines;
- a session asked by words of its description ("how other countries build their cities").

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness
from tests.test_answers import read, read_en


async def test_which_regions_present(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    for question in ("Which cities are presenting their best practices?",
                     "What regions are sharing their best practice?"):
        text = await read_en(bot, question)
        assert "Banyuwangi" in text and "Semarang" in text, text
        assert DECLINED_EN not in text, text
    text = read(await bot.say("kota mana aja yg sharing best practice?"))
    assert "Banyuwangi" in text and "Semarang" in text, text
    text = await read_en(bot, "Which regency presents on Wednesday?")
    assert "Banyuwangi" in text and "Semarang" not in text, text
    # Who presents the best practices: the kind's talks, named without "sesi".
    text = read(await bot.say("siapa saja yang presentasi best practice?"))
    assert "Banyuwangi" in text and "Semarang" in text and "Keesei Lee" in text, text
    # Present at the seminar is attending, not presenting.
    text = await read_en(bot, "Which cities are present at the seminar?")
    assert "Best practice from Banyuwangi" not in text and "13:00" not in text, text
    # The event's own name in a letter's address names no kind of talk.
    text = read(await bot.say(
        "Selamat siang Bapak/Ibu Panitia Seminar dan Sharing Best Practice Citynet Indonesia "
        "2019. Kami mohon informasi pukul berapa pimpinan kami harus hadir untuk registrasi "
        "pada hari pertama."))
    assert "Semarang" not in text, text
    # The part of the day asked: this morning's talk only.
    bot.clock.set(datetime(2019, 10, 17, 7, 10, tzinfo=WITA))
    text = await read_en(bot, "Which city is presenting this morning?")
    assert "Semarang" in text and "Banyuwangi" not in text, text
    bot.clock.set(datetime(2019, 10, 15, 19, 0, tzinfo=WITA))
    text = read(await bot.say("daerah mana yang presentasi besok siang?"))
    assert "Banyuwangi" in text and "13.00" in text and "Semarang" not in text, text


async def test_our_citys_presentation(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 18, 0, tzinfo=WITA))
    text = await read_en(bot, "Dear committee, I am a delegate from Semarang. May I ask on "
                              "which day our city's best practice presentation is scheduled? "
                              "Kind regards.")
    assert "Thursday" in text and "Semarang" in text and "slides" not in text, text
    text = read(await bot.say("Selamat malam, kami delegasi Kabupaten Banyuwangi. Paparan "
                              "daerah kami hari apa ya?"))
    assert "Rabu" in text and "13.00" in text and "Semarang" not in text, text
    text = read(await bot.say("Kami dari Kabupaten Banyuwangi. Kapan bupati kami presentasi?"))
    assert "13.00" in text and "Semarang" not in text, text
    text = await read_en(bot, "When is our presentation? We are from Semarang.")
    assert "Thursday" in text and "08:30" in text and "slides" not in text, text
    # A region that gives no talk: the data has none to show.
    text = read(await bot.say("Saya dari Kota Bogor. Presentasi kota kami jam berapa?"))
    assert DECLINED in text, text
    text = read(await makassar.say("Saya dari Kabupaten Gowa. Paparan daerah kami jam berapa?"))
    assert DECLINED in text, text


async def test_a_talk_by_another_noun(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 19, 0, tzinfo=WITA))
    for question in ("When is Prof. Lee's lecture?", "When is the lecture by Prof Lee?"):
        text = await read_en(bot, question)
        assert "10:30" in text and "Thursday" in text, text
    text = read(await bot.say("kuliah umum prof lee jam berapa?"))
    assert "10.30" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 15, 19, 0, tzinfo=WITA))
    text = read(await bot.say("ceramah pak menteri kapan?"))
    assert "09.30" in text and DECLINED not in text, text
    text = read(await bot.say("pidato pak wali kota jam berapa?"))
    assert "08.30" in text and DECLINED not in text, text
    # The key speaker (or talk) is the keynote's.
    text = read(await bot.say("siapa pembicara kunci?"))
    assert "Rudiantara" in text and DECLINED not in text, text
    text = read(await bot.say("paparan kunci jam berapa?"))
    assert "09.30" in text and DECLINED not in text, text
    text = await read_en(bot, "When is the mayor's welcome speech?")
    assert "08:30" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "When will the Semarang representative present?")
    assert "08:30" in text and "Thursday" in text, text
    text = await read_en(makassar, "When is the Bappeda lecture?")
    assert "09:00" in text and DECLINED_EN not in text, text


async def test_the_sessions_a_speaker_takes_part_in(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 19, 30, tzinfo=WITA))
    text = await read_en(bot, "Which sessions is the Regent of Sidoarjo involved in?")
    assert "Opening" in text and "Press conference" in text, text
    text = await read_en(bot, "What sessions does the President of Citynet Indonesia attend?")
    assert "Opening" in text and "register first" not in text, text
    text = read(await bot.say("bupati banyuwangi terlibat di sesi apa saja?"))
    assert "Banyuwangi" in text and "13.00" in text, text
    text = await read_en(makassar, "Which sessions is the head of the Kominfo office "
                                   "involved in?")
    assert "Kepala Dinas Kominfo" in text and DECLINED_EN not in text, text


async def test_which_office_a_speaker_holds(bot: Harness, makassar: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 14, 0, tzinfo=WITA))
    text = read(await bot.say("presiden citynet yang sekarang bicara itu bupati mana ya?"))
    assert "Sidoarjo" in text, text
    text = read(await bot.say("pak menteri itu menteri apa?"))
    assert "Komunikasi dan Informatika" in text, text
    text = read(await bot.say("pak anas itu bupati mana?"))
    assert "Bupati Banyuwangi" in text, text
    text = await read_en(bot, "Prof Lee is from which university?")
    assert "Seoul Institute of Technology" in text, text
    text = read(await makassar.say("kadis kominfo itu dari kota mana?"))
    assert "Makassar" in text and DECLINED not in text, text


async def test_an_office_nobody_holds(bot: Harness, makassar: Harness) -> None:
    """The opening's speakers are the mayor and the network's president: a governor's
    remarks are not in the data."""
    bot.clock.set(datetime(2019, 10, 15, 14, 0, tzinfo=WITA))
    text = read(await bot.say("sambutan gubernur ntt jam berapa?"))
    assert DECLINED in text and "Pembukaan" not in text, text
    text = read(await bot.say("gubernur NTT hadir di sesi mana?"))
    assert DECLINED in text, text
    text = await read_en(bot, "What time is the governor's speech?")
    assert DECLINED_EN in text, text
    text = read(await makassar.say("sambutan gubernur jam berapa?"))
    assert DECLINED in text, text
    # An office of a region nobody holds: not the card of the same office elsewhere (the
    # Semarang talk is a representative's; the deputy mayor is no speaker).
    text = read(await bot.say("walikota semarang paparan jam berapa?"))
    assert DECLINED in text and "Pembukaan" not in text, text
    text = await read_en(bot, "When is the Mayor of Semarang speaking?")
    assert DECLINED_EN in text and "Opening" not in text, text
    text = read(await bot.say("Wakil Wali Kota Kupang ngisi sesi apa?"))
    assert DECLINED in text, text
    text = read(await makassar.say("walikota gowa sambutan jam berapa?"))
    assert DECLINED in text, text
    # The office its holder holds is his.
    text = await read_en(bot, "When is the Mayor of Kupang speaking?")
    assert "08:30" in text and DECLINED_EN not in text, text
    text = read(await bot.say("bupati sidoarjo ngisi sesi apa aja?"))
    assert "Pembukaan" in text and DECLINED not in text, text
    # The asker's own office asks nothing; an office naming a relation's anchor neither.
    text = read(await bot.say("Selamat malam, Bapak Bupati kami hanya dapat mengikuti acara "
                              "penutupan. Penutupan besok pukul berapa? Terima kasih"))
    assert "11.15" in text and DECLINED not in text, text
    text = read(await bot.say("setelah keynote menteri langsung makan ato ada sesi lain?"))
    assert "Ishoma" in text and DECLINED not in text, text


async def test_a_session_by_its_description(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 19, 0, tzinfo=WITA))
    text = await read_en(bot, "When is the talk about how other countries build their cities?")
    assert "10:30" in text and "Thursday" in text, text
    text = read(await bot.say("sesi tentang pengalaman negara lain membangun kota kapan ya?"))
    assert "10.30" in text and "Kamis" in text, text
    text = await read_en(bot, "When is the session on the experience of cities abroad?")
    assert "10:30" in text, text
    text = await read_en(bot, "When is the talk on using ICT to speed up smart cities?")
    assert "13:00" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "When is the session about experiences from overseas cities?")
    assert "10:30" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "When is the talk about funding infrastructure?")
    assert "08:30" in text and "Semarang" in text, text
    # What the data does not say stays declined.
    text = read(await bot.say("Kantor Wali Kota Kupang dibangun tahun berapa?"))
    assert DECLINED in text, text
