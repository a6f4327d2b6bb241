"""The programme in time (dev sets ac and ad; issue 11), through the real Application and the
stand-in: now, next, after and before an item, the rest of a day, and the asker's own clause.

- an apology before the asker's own clause ("mohon maaf kami baru tiba tadi malam …") leaves
  it a statement: its day or part of the day is not what the request beside it asks about;
- "masuk sesi/acara" is the programme moving on ("skrg su masuk sesi apa?");
- after an item, another item named ("abis X langsung Y?", "after X is there a closing
  today?") is answered with what does follow and that item's own time, not declined; an
  office naming the anchor ("sesudah pak menteri, siapa yg ngisi?") is not an office asked;
- "acara su abis semua?", "anything more today?" after the day's last item: it is over,
  and what is next;
- a comma piece relaying the question ("bos saya tanya, …") or stating the asker's own
  state ("…, perut sudah bunyi") is an aside;
- "pa" before an office is "pak";
- two questions joined by "trs" are two, the second about the programme answered itself;
- the moment the asker's own plan names ("I arrive tomorrow around 10") measures what they
  miss and what they can join.

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


async def test_an_apology_leaves_the_askers_own_clause_a_statement(bot: Harness) -> None:
    """ad099: the part of the day of "baru tiba tadi malam" is not the day asked for."""
    bot.clock.set(datetime(2019, 10, 16, 6, 30, tzinfo=WITA))
    for question in (
        "Selamat pagi Bapak/Ibu, mohon maaf kami dari Kabupaten Rote Ndao baru tiba tadi malam "
        "dan belum menerima jadwal. Mohon dapat dikirimkan susunan acara hari ini. Terima "
        "kasih, Tuhan memberkati.",
        "mohon maaf kami baru tiba kemarin dan belum menerima jadwal. Mohon dikirimkan "
        "susunan acara hari ini.",
        "Maaf, kami baru tiba tadi malam. Acara hari ini apa saja?",
    ):
        text = read(await bot.say(question))
        assert "Keynote" in text and "Banyuwangi" in text, (question, text)
        assert "malam" not in text.split("\n")[0] and "Semarang" not in text, (question, text)
        assert "15 Oktober" not in text and DECLINED not in text, (question, text)
    text = await read_en(bot, "sorry, I only arrived last night. what is on today?")
    assert "Keynote" in text and "Banyuwangi" in text and "evening" not in text, text


async def test_masuk_is_the_programme_moving_on(bot: Harness) -> None:
    """ad030, ad032: "masuk sesi" is the item the programme goes on to."""
    bot.clock.set(datetime(2019, 10, 17, 13, 20, tzinfo=WITA))
    for question in ("skrg su masuk sesi apa?", "sekarang masuk acara apa?"):
        text = read(await bot.say(question))
        assert "Sosialisasi" in text and DECLINED not in text, (question, text)
    bot.clock.set(datetime(2019, 10, 17, 10, 10, tzinfo=WITA))
    for question in ("abis rehat kopi masuk sesi apa", "stlh coffee break msk sesi apa?"):
        text = read(await bot.say(question))
        assert "Luar Negeri" in text and "10.30" in text and DECLINED not in text, (question,
                                                                                    text)
    # Being let in is still not the programme: the late policy is not in the data.
    bot.clock.set(datetime(2019, 10, 16, 7, 45, tzinfo=WITA))
    text = read(await bot.say("beta terlambat sampe jam 9, masih boleh masuk ko sonde?"))
    assert DECLINED in text, text


async def test_after_an_item_another_named_gets_what_follows_and_its_time(bot: Harness) -> None:
    """ac101, ad311: "is Y right after X?" is told what follows X, and when Y is."""
    bot.clock.set(datetime(2019, 10, 17, 10, 40, tzinfo=WITA))
    for question in ("abis sesi luar negeri langsung sosialisasi?",
                     "setelah sesi luar negeri langsung sosialisasi ya?"):
        text = read(await bot.say(question))
        assert "Ishoma" in text and "12.00" in text and "13.00" in text, (question, text)
        assert "Sosialisasi" in text and DECLINED not in text, (question, text)
    bot.clock.set(datetime(2019, 10, 17, 15, 10, tzinfo=WITA))
    text = read(await bot.say("after sosialisasi ada closing ga hari ini?"))
    assert "tidak ada acara lagi hari itu" in text and "Penutupan" in text, text
    assert "Jum, 18 Okt 11.15" in text and DECLINED not in text, text
    text = await read_en(bot, "after the sosialisasi, is there a closing today?")
    assert "Closing" in text and "Fri, 18 Oct 11:15" in text, text
    # Nothing of that kind after it: still the decline (whether a meal is held is unsaid).
    for question in ("setelah penutupan ada makan siang bersama?", "ada makan siang abis tour?"):
        assert DECLINED in read(await bot.say(question)), question


async def test_an_office_naming_the_anchor_is_not_asked(bot: Harness) -> None:
    """ac102: after the minister's item, who speaks: the next item with speakers."""
    bot.clock.set(datetime(2019, 10, 16, 8, 40, tzinfo=WITA))
    for question in ("sesudah pak menteri, siapa yg ngisi?", "abis pak menteri sapa yg bicara"):
        text = read(await bot.say(question))
        assert "Azwar Anas" in text and DECLINED not in text, (question, text)
    text = await read_en(bot, "after the minister, who speaks?")
    assert "Azwar Anas" in text and DECLINED_EN not in text, text
    # An office nobody holds is still unsaid; one two speakers hold is not one item to
    # follow (never the list of every speaker).
    assert DECLINED in read(await bot.say("setelah pak gubernur siapa yg ngisi?"))
    text = read(await bot.say("sesudah pak bupati siapa yg ngisi"))
    assert DECLINED in text and "Prof. Keesei Lee" not in text, text


async def test_the_programme_over_and_nothing_more_today(bot: Harness) -> None:
    """ad161, ad268: asked after the day's last item, it is over (and what is next)."""
    bot.clock.set(datetime(2019, 10, 18, 12, 0, tzinfo=WITA))
    for question in ("acara su abis semua ko", "acaranya udah selesai semua?"):
        text = read(await bot.say(question))
        assert "sudah selesai" in text and "Penutupan" in text and "11.45" in text, (
            question, text)
        assert "Hari 1" not in text, (question, text)
    bot.clock.set(datetime(2019, 10, 16, 16, 45, tzinfo=WITA))
    for question in ("anything more today?", "any more sessions today?"):
        text = await read_en(bot, question)
        assert "nothing more today" in text and "Semarang" in text, (question, text)
        assert "07:30" not in text, (question, text)
    text = read(await bot.say("acara hari ini sudah habis semua?"))
    assert "tidak ada acara lagi hari ini" in text and "Semarang" in text, text


async def test_asides_beside_the_question(bot: Harness) -> None:
    """ac064, ad123: who relays the question, the asker's own state, ask nothing."""
    bot.clock.set(datetime(2019, 10, 17, 8, 20, tzinfo=WITA))
    for question in ("beta pung bos tanya, sesi Semarang tu sampe jam brapa?",
                     "bos saya tanya, sesi semarang selesai jam berapa?"):
        text = read(await bot.say(question))
        assert "08.30–10.00" in text and DECLINED not in text, (question, text)
    text = await read_en(bot, "my boss asks, when does the closing start?")
    assert "11:15" in text and DECLINED_EN not in text, text
    bot.clock.set(datetime(2019, 10, 16, 11, 30, tzinfo=WITA))
    for question in ("makan siang jam brp ni, parut su bunyi",
                     "makan siang jam brp, sy udah lapar"):
        text = read(await bot.say(question))
        assert "12.00" in text and DECLINED not in text, (question, text)
    # An aside naming what the data does not hold is no aside.
    assert DECLINED in read(await bot.say("bos saya tanya, boleh bawa istri?"))


async def test_pa_before_an_office_is_pak(bot: Harness) -> None:
    """ad063: "pa wali" is the mayor; "skrg ada pa?" still asks what is on now."""
    bot.clock.set(datetime(2019, 10, 16, 8, 25, tzinfo=WITA))
    for question in ("pa wali kupang ngisi kapan", "pa wali ngisi kapan"):
        text = read(await bot.say(question))
        assert "Pembukaan" in text and "Jumpa pers" in text, (question, text)
    bot.clock.set(datetime(2019, 10, 17, 10, 45, tzinfo=WITA))
    assert "Luar Negeri" in read(await bot.say("skrg ada pa?"))


async def test_two_questions_joined_by_trs(bot: Harness) -> None:
    """ad184: the prayer room, and the afternoon session's time."""
    bot.clock.set(datetime(2019, 10, 16, 12, 5, tzinfo=WITA))
    for question in ("mushola dmn trs sesi siang jam brp",
                     "mushola dimana terus acara siang jam brp"):
        text = read(await bot.say(question))
        assert "Mushola" in text and "13.00" in text and "Banyuwangi" in text, (question, text)


async def test_what_one_misses_and_can_join_from_the_moment_of_arrival(bot: Harness) -> None:
    """ad269: the items before the arrival, and those from then on."""
    bot.clock.set(datetime(2019, 10, 15, 21, 0, tzinfo=WITA))
    text = await read_en(
        bot, "Good evening. I'm from Colombo Municipal Council. I arrive late tomorow morning "
        "around 10. Which sessions I will miss and what is the next one I can join? Thank you")
    assert "07:30–10:00" in text and "Opening" in text and "Keynote" in text, text
    assert "10:00–16:30" in text and "Banyuwangi" in text, text
    assert "has not started yet" not in text, text
    bot.clock.set(datetime(2019, 10, 16, 20, 0, tzinfo=WITA))
    text = read(await bot.say("Saya baru tiba besok jam 10. Sesi apa saja yang terlewat dan "
                              "sesi mana yang masih bisa saya ikuti?"))
    assert "08.30–10.00 WITA" in text and "Semarang" in text, text
    assert "10.00–15.00 WITA" in text and "Sosialisasi" in text, text
    assert "Untuk mengikuti sesi" not in text, text
    text = read(await bot.say("sy baru sampe bsk jam 11, ketinggalan sesi apa aja?"))
    assert "08.30–11.00 WITA" in text and "Rehat kopi" in text, text


async def test_makassar_the_same_kinds(makassar: Harness) -> None:
    """The same kinds on another event file."""
    makassar.clock.set(datetime(2024, 5, 14, 9, 15, tzinfo=WITA))
    text = read(await makassar.say("skrg su masuk sesi apa?"))
    assert "Paparan rencana" in text and DECLINED not in text, text
    text = read(await makassar.say("abis pembukaan langsung ishoma?"))
    assert "Paparan rencana" in text and "11.30" in text and DECLINED not in text, text
    makassar.clock.set(datetime(2024, 5, 14, 16, 0, tzinfo=WITA))
    text = await read_en(makassar, "anything more today?")
    assert "nothing more today" in text and "joint agreement" in text, text
    makassar.clock.set(datetime(2024, 5, 13, 20, 0, tzinfo=WITA))
    text = read(await makassar.say("Mohon maaf, kami baru tiba tadi malam. Acara besok apa "
                                   "saja?"))
    assert "Pembukaan" in text and "Diskusi kelompok" in text, text
    text = await read_en(makassar, "I arrive tomorrow at 10. What will I miss?")
    assert "08:00–10:00" in text and "Opening" in text, text
