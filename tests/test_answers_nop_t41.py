"""In-session English, days by their number, letters, self-introductions and what the data
does not say (dev batch ag; issue 11), through the real Application and the stand-in.

- "this" pointing at the item on now ("what session is this", "sesi apa ini", "when does
  this one end", "ini yang ngomong di depan siapa?") names it; "is this the keynote?" asked
  during another item is answered with the item on now; of several items a word names, the
  one on now ("how long is the break" during the coffee break) unless another word names
  only the others ("lunch break");
- "what do we have on the 18th?", "what are we doing tomorrow?": that day's programme;
- the asker's own office ("beta ni lurah, …", "saya selaku kepala dinas …") is not asked;
- letters: ", and whether …" is a second question, the asker's plans before it ("Before we
  depart on Saturday, …") and the purpose after it ("…, mengingat …", "…, agar …", "…, so
  that …") are not asked;
- declined, not a loosely related card: a spouse on the tour, the tour's sign-up deadline,
  what food is served; whom to contact in trouble gets the organizers' contacts.

Everything comes from the event file: the Makassar example is asked the same kinds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import WITA
from tests.harness import DECLINED, DECLINED_EN, Harness, makassar_bot
from tests.test_answers import read, read_en


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db", before=timedelta(days=1)) as bot:
        yield bot


async def test_this_is_the_item_on_now(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 8, 45, tzinfo=WITA))  # Semarang, 08.30–10.00
    for question in ("what session is this", "which session is this?", "when does this one end",
                     "this one finishes at what time?", "what is this session about?"):
        text = await read_en(bot, question)
        assert "Semarang" in text and "10:00" in text and DECLINED_EN not in text, (
            question, text)
    for question in ("sesi apa ini", "ini sesi apa ya?", "sesi yang ini selesai jam berapa"):
        text = read(await bot.say(question))
        assert "Semarang" in text and "10.00" in text and DECLINED not in text, (question, text)
    for question in ("what's this talk about?", "who is this speaker?"):
        text = await read_en(bot, question)
        assert "Semarang" in text and "Speakers" not in text, (question, text)
    for question in ("pembicara ini siapa?", "ini presentasi apa?", "paparan ini dari mana?"):
        text = read(await bot.say(question))
        assert "Semarang" in text and DECLINED not in text, (question, text)
    bot.clock.set(datetime(2019, 10, 16, 13, 15, tzinfo=WITA))  # Banyuwangi, 13.00–14.30
    for question in ("ini yang omong di depan sapa ni?", "ini yang bicara siapa?"):
        text = read(await bot.say(question))
        assert "Anas" in text and DECLINED not in text, (question, text)
    text = await read_en(bot, "when does this one end")
    assert "14:30" in text, text


async def test_this_is_a_day_when_a_day_is_named(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 7, 0, tzinfo=WITA))
    text = read(await bot.say("hari ini sesi apa aja"))
    assert "Rabu, 16 Oktober 2019" in text and "Banyuwangi" in text, text
    text = await read_en(bot, "what sessions are on this afternoon?")
    assert "Banyuwangi" in text, text


async def test_nothing_on_nothing_to_name(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 20, 0, tzinfo=WITA))
    text = await read_en(bot, "what session is this")
    assert DECLINED_EN in text and "Semarang" not in text, text


async def test_is_this_the_named_item(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 10, 45, tzinfo=WITA))  # International best practice
    text = await read_en(bot, "is this the keynote?")
    assert "Keesei" in text and "Rudiantara" not in text, text
    for question in ("apakah ini keynote?", "ini sesi keynote kah?", "ini keynote kan?"):
        text = read(await bot.say(question))
        assert "Keesei" in text and "Rudiantara" not in text, (question, text)
    # "ini" opening a question about the item named, asking its time or place, is that item.
    text = read(await bot.say("ini keynote jam berapa ya?"))
    assert "Rudiantara" in text, text
    bot.clock.set(datetime(2019, 10, 16, 10, 5, tzinfo=WITA))  # the keynote itself
    text = await read_en(bot, "is this the keynote?")
    assert "Rudiantara" in text, text


async def test_the_break_on_now(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 10, 5, tzinfo=WITA))  # coffee break 10.00–10.30
    for question in ("how long is the break", "when does the break end?"):
        text = await read_en(bot, question)
        assert "10:30" in text and "12:00" not in text, (question, text)
    text = read(await bot.say("istirahat sampai jam berapa"))
    assert "10.30" in text and "12.00" not in text, text
    # "lunch" names only the lunch breaks: the coffee break on now does not answer it.
    text = await read_en(bot, "how long is the lunch break")
    assert "12:00" in text and "Coffee" not in text, text
    # Two items of other kinds named, one of them on now: both are asked about.
    bot.clock.set(datetime(2019, 10, 16, 8, 35, tzinfo=WITA))  # the opening
    text = read(await bot.say("setelah pembukaan langsung keynote kah?"))
    assert "09.30" in text, text
    bot.clock.set(datetime(2019, 10, 18, 8, 30, tzinfo=WITA))  # the tour
    text = read(await bot.say("kalo beta sonde ikut tour, penutupan jam brp"))
    assert "11.15" in text, text


async def test_a_day_by_its_number(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 12, 0, tzinfo=WITA))
    for question in ("What do we have on the 18th?", "what are we doing on the 18th",
                     "what have we got on friday?"):
        text = await read_en(bot, question)
        assert "tour" in text.lower() and "Closing" in text and DECLINED_EN not in text, (
            question, text)
    text = await read_en(bot, "What do we have tomorrow?")
    assert "Wednesday, 16 October 2019" in text and "Keynote" in text, text


async def test_the_askers_own_office(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 10, 0, tzinfo=WITA))
    for question in ("beta ni lurah, mau tanya acara penutupan tu jam brapa?",
                     "saya ini wakil bupati, penutupan jam berapa ya"):
        text = read(await bot.say(question))
        assert "11.15" in text and DECLINED not in text, (question, text)
    text = read(await bot.say("saya selaku kepala dinas mau tanya pembukaan jam berapa"))
    assert "08.30" in text and DECLINED not in text, text
    # An office asked about, held by no speaker, stays declined.
    text = read(await bot.say("siapa wakil bupati yang bicara?"))
    assert DECLINED in text, text


async def test_letters_ask_what_they_ask(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 20, 30, tzinfo=WITA))
    text = await read_en(bot, (
        "Dear Secretariat,\nThank you for the excellent organisation of today's sessions. "
        "Before we depart on Saturday, may I ask at what time the official closing will take "
        "place tomorrow, and whether our delegation needs to be present in person to receive "
        "the certificates?\nYours sincerely,\nDelegation of a City"))
    assert "11:15" in text and "certificate" in text and DECLINED_EN not in text, text
    bot.clock.set(datetime(2019, 10, 15, 9, 0, tzinfo=WITA))
    text = read(await bot.say(
        "Kepada Yth. Panitia.\nDengan hormat,\nBersama ini kami sampaikan bahwa Wakil Bupati "
        "beserta 2 (dua) orang staf akan hadir. Mohon kiranya dapat diinformasikan pada pukul "
        "berapa acara pembukaan dimulai, agar kami dapat menyesuaikan jadwal keberangkatan "
        "dari Labuan Bajo.\nHormat kami"))
    assert "08.30" in text and DECLINED not in text, text
    text = read(await bot.say(
        "Yth. Panitia,\nDengan hormat, kami ingin menanyakan apakah peserta akan mendapatkan "
        "sertifikat, mengingat sertifikat diperlukan untuk kelengkapan SPJ.\nTerima kasih."))
    assert "sertifikat" in text.lower() and DECLINED not in text, text
    text = await read_en(bot, (
        "Dear Sir or Madam, May I respectfully ask for the e-mail address of the secretariat, "
        "so that we may send our delegation list? Respectfully yours."))
    assert "sekretariat@" in text and DECLINED_EN not in text, text


async def test_what_the_data_does_not_say_is_declined(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 18, 0, tzinfo=WITA))
    for question in ("Can my spouse join the city tour with me?", "can my kids join the tour?"):
        text = await read_en(bot, question)
        assert DECLINED_EN in text and "/tour" not in text, (question, text)
    text = read(await bot.say("boleh ajak suami ikut city tour?"))
    assert DECLINED in text, text
    for question in ("pendaftaran city tour ditutup kapan?", "kapan daftar city tour ditutup"):
        text = read(await bot.say(question))
        assert DECLINED in text, (question, text)
    text = await read_en(bot, "when does registration for the tour close?")
    assert DECLINED_EN in text, text
    # The registration desk's closing is its card's end.
    text = read(await bot.say("registrasi ditutup jam brp?"))
    assert "08.30" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 17, 9, 58, tzinfo=WITA))
    for question in ("snack rehat kopi nanti apa aja?", "makanannya apa saja nanti?"):
        text = read(await bot.say(question))
        assert DECLINED in text, (question, text)
    text = await read_en(bot, "what snacks are served at the coffee break?")
    assert DECLINED_EN in text, text
    text = read(await bot.say("rehat kopi jam berapa?"))
    assert "10.00" in text and DECLINED not in text, text


async def test_whom_to_contact(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 7, 30, tzinfo=WITA))
    text = read(await bot.say(
        "Salam hormat. Bapak/Ibu panitia, kami rombongan Kota Sukabumi. Kalau ada kendala di "
        "lapangan selama acara, kami menghubungi siapa dari pihak panitia tuan rumah?"))
    assert "0201" in text and DECLINED not in text, text
    text = read(await bot.say("hubungi siapa kalo ada masalah pendaftaran"))
    assert "0202" in text, text
    text = read(await bot.say("kalau mau parkir hubungi siapa?"))
    assert DECLINED in text, text
    # Not trouble: whom to ask when the bot cannot answer is the Tanya panitia button.
    text = read(await bot.say("kalau bot tidak bisa jawab, sy tanya ke siapa?"))
    assert "Tanya panitia" in text and "0201" not in text, text
    for question in ("Sukabumi focal point contact?", "focal point of Banyuwangi?"):
        text = await read_en(bot, question)
        assert "Setda" in text and DECLINED_EN not in text, (question, text)


async def test_makassar_this_and_a_day_by_its_number(makassar: Harness) -> None:
    makassar.clock.set(datetime(2024, 5, 14, 9, 30, tzinfo=WITA))  # the plans' talks
    text = read(await makassar.say("sesi apa ini"))
    assert "Paparan rencana" in text and DECLINED not in text, text
    text = await read_en(makassar, "when does this one end")
    assert "11:30" in text, text
    makassar.clock.set(datetime(2024, 5, 14, 11, 45, tzinfo=WITA))
    text = await read_en(makassar, "how long is the break")
    assert "11:30" in text and "13:00" in text, text
    makassar.clock.set(datetime(2024, 5, 13, 12, 0, tzinfo=WITA))
    text = await read_en(makassar, "What do we have on the 15th?")
    assert "Closing" in text or "Penutupan" in text, text
    text = read(await makassar.say("beta ni lurah, penutupan jam brapa?"))
    assert "11.00" in text and DECLINED not in text, text


async def test_no_need_is_asking_what_is_needed(bot: Harness) -> None:
    """"sonde usah bawa apa2 ko untuk city tour?" (Kupang Malay), "tidak usah bawa apa-apa
    kan?": "usah" asks what is needed as "perlu" does."""
    bot.clock.set(datetime(2019, 10, 17, 19, 30, tzinfo=WITA))
    for question in ("sonde usah bawa apa2 ko untuk city tour?",
                     "tidak usah bawa apa-apa kan ke city tour?",
                     "ga usah bawa apa2 buat tour besok?"):
        text = read(await bot.say(question))
        assert "Air minum" in text and DECLINED not in text, (question, text)


async def test_items_in_other_words(bot: Harness) -> None:
    """Words of a title in other words: "foreign" is abroad ("luar negeri"), "terpadu" is
    "terintegrasi", "Mister" is "Mr", "persconference" the press conference; "near" a thing
    the practical answer shows is that thing."""
    bot.clock.set(datetime(2019, 10, 16, 11, 0, tzinfo=WITA))
    for question in ("When is the session on foreign best practices?",
                     "Mister Lee session is wich place?"):
        text = await read_en(bot, question)
        assert "Keesei" in text and "10:30" in text and DECLINED_EN not in text, (
            question, text)
    for question in ("persconference where?", "pressconference where?"):
        text = await read_en(bot, question)
        assert "Suba Suka" in text, (question, text)
    text = read(await bot.say("yg bahas pemanfaatan TIK terpadu itu hari apa?"))
    assert "Rabu" in text and "13.00" in text and DECLINED not in text, text
    text = await read_en(bot, "hi, is there a musala near the ruang Garuda?")
    assert "prayer room" in text and DECLINED_EN not in text, text
    text = await read_en(bot, "is there an ATM near the venue?")
    assert DECLINED_EN in text, text


async def test_resuming_after_an_item(bot: Harness) -> None:
    """"when do we resume after lunch?": the programme going on after an item is the item
    after it."""
    bot.clock.set(datetime(2019, 10, 17, 12, 15, tzinfo=WITA))
    for question in ("when do we resume after lunch", "when do we continue after the break?"):
        text = await read_en(bot, question)
        assert "13:00" in text and DECLINED_EN not in text, (question, text)
    text = read(await bot.say("kapan dilanjutkan setelah ishoma?"))
    assert "13.00" in text and DECLINED not in text, text


async def test_whether_an_item_is_before_or_after_another(bot: Harness) -> None:
    """"is the X session before lunch?": X's time and the anchor's say it, not the item
    just before the anchor; "what is before lunch?" still asks for that item."""
    bot.clock.set(datetime(2019, 10, 16, 9, 0, tzinfo=WITA))
    for question in ("the Banyuwangi session, is it before or after lunch?",
                     "is the Banyuwangi session before lunch?"):
        text = await read_en(bot, question)
        assert "Banyuwangi" in text and "13:00" in text and "Keynote" not in text, (
            question, text)
    text = read(await bot.say("apakah sesi banyuwangi sebelum ishoma?"))
    assert "13.00" in text and DECLINED not in text, text
    text = await read_en(bot, "what is before lunch?")
    assert "Keynote" in text, text
