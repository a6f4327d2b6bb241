"""People by office and the event's background (dev sets y and z; issue 11), through the real
Application and the stand-in: someone else's coming is not the asker's RSVP, the opening's
speakers are asked in any tense and for its own day, and others taking part are counted from
the event's participants — answered from the event model, or declined.

- "hadir/datang/ikut/join/attend" of a speaker named (by name, alias or office) is that
  speaker's part in the programme, never the registration prompt; with "kapan" and "join" of
  the network it stays the decline (the data does not say when he joined);
- "how many … join/come/ikut/hadir" with no first person and no session named counts the
  event's participants;
- "open/opens/opened/buka/membuka/dibuka": the opening ceremony, also asked for its own day
  or part of it ("this morning", "tadi pagi"), and "nanti" on the eve is the coming opening.

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

#: The registration prompt's words, in both languages.
_REGISTER = ("daftar dulu", "register first")


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    async with makassar_bot(tmp_path / "bot.db", before=timedelta(days=1)) as bot:
        yield bot


async def test_a_speakers_coming_is_their_part_not_the_askers_rsvp(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 15, 9, 30, tzinfo=WITA))
    for text in [read(await bot.say("menkominfo hadir hari apa")),
                 read(await bot.say("kapan pak menteri datang?")),
                 await read_en(bot, "which day is Rudiantara attending?")]:
        assert "Rudiantara" in text and ("Rab" in text or "Wed" in text), text
        assert not any(r in text for r in _REGISTER), text
    text = read(await bot.say("bupati banyuwangi ikut hadir ga"))
    assert "Azwar Anas" in text and not any(r in text for r in _REGISTER), text
    # The asker's own attending is still the registration.
    text = read(await bot.say("saya mau hadir di seminar"))
    assert "daftar" in text.lower(), text
    # When someone joined the network: the data does not say, so the decline.
    text = await read_en(bot, "When did Saiful Ilah join Citynet?")
    assert DECLINED_EN in text or "2009" in text, text


async def test_others_taking_part_are_the_events_participants(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 13, 30, tzinfo=WITA))
    text = await read_en(bot, "how many regions from NTT join")
    assert "22" in text and not any(r in text for r in _REGISTER), text
    text = await read_en(bot, "how many people are attending?")
    assert "478" in text, text
    # A year asked with "brp" is not a count: when the region joined the network.
    text = read(await bot.say("Sidoarjo gabung citynet dr thn brp"))
    assert "2009" in text.split("\n")[0], text
    text = read(await bot.say("brp org yg dtg ke seminar ini?"))
    assert "478" in text and not any(r in text for r in _REGISTER), text


async def test_the_opening_in_any_tense_and_for_its_own_day(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 12, 5, tzinfo=WITA))
    for text in [await read_en(bot, "Who opened the seminar this morning?"),
                 await read_en(bot, "who opened the event?"),
                 read(await bot.say("siapa yg membuka acara tadi pagi")),
                 read(await bot.say("td pagi yg buka acara sapa"))]:
        assert "Riwu Kore" in text and DECLINED not in text and DECLINED_EN not in text, text
    text = await read_en(bot, "Who's the keynote speaker and who opened the event?")
    assert "Rudiantara" in text and "Riwu Kore" in text, text
    # The eve: "nanti" is later, the coming opening, not a day with no programme.
    bot.clock.set(datetime(2019, 10, 15, 19, 45, tzinfo=WITA))
    text = read(await bot.say("Beta dari Rote, mau tanya sapa yang buka acara nanti?"))
    assert "Riwu Kore" in text and "Tidak ada acara" not in text, text
    text = await read_en(bot, "who will open the event later?")
    assert "Riwu Kore" in text, text


async def test_makassar_the_opening_and_others_coming(makassar: Harness) -> None:
    text = read(await makassar.say("siapa yang buka acara nanti?"))
    assert "Kominfo" in text and "Tidak ada acara" not in text, text
    text = read(await makassar.say("kadis kominfo hadir hari apa"))
    assert "Kominfo" in text and not any(r in text for r in _REGISTER), text
    text = read(await makassar.say("brp daerah yg ikut?"))
    assert "120" in text and not any(r in text for r in _REGISTER), text


async def test_a_term_of_office_is_the_holders_card_or_the_decline(bot: Harness) -> None:
    """The office named in any order; the holder's card says his period. An office nobody
    in the data holds (or whose term it does not say) is declined, never a session's
    length."""
    bot.clock.set(datetime(2019, 10, 17, 20, 10, tzinfo=WITA))
    for text in [await read_en(bot, "How long is the Citynet Indonesia president's term?"),
                 await read_en(bot, "what is the tenure of the president of Citynet Indonesia"),
                 read(await bot.say("citynet indonesia periode presiden skrg smp thn brp")),
                 read(await bot.say("presiden citynet indonesia menjabat sampai kapan?"))]:
        assert "2017" in text and "2021" in text and "1 jam" not in text, text
        assert "1 hour" not in text, text
    text = await read_en(bot, "How long is the mayor's term?")
    assert DECLINED_EN in text and "1 hour" not in text, text
    text = read(await bot.say("periode gubernur ntt sampai kapan"))
    assert DECLINED in text, text


async def test_makassar_a_term_of_office(makassar: Harness) -> None:
    # The sample's speakers' cards say no period: declined, not a session's card.
    text = read(await makassar.say("periode jabatan kepala dinas komunikasi dan informatika?"))
    assert DECLINED in text, text
    text = read(await makassar.say("masa jabatan gubernur sampai kapan?"))
    assert DECLINED in text, text
