"""The card under a fact answer carries no other facts the question did not ask (dev batches
ah and ai; issue 11), through the real Application and the stand-in.

- a fact quoted from a speaker's (or session's, venue's) own text ("Sidoarjo gabung citynet
  dari tahun berapa?": 2009, from the speaker's profile) is followed by that source's button,
  not by the event's about card, whose own facts (another year) were not asked; a passage of
  the event's own text still comes with the about card;
- a tour question asking one detail the answer sentence gives (where or when to gather,
  leave or get back) gets the tour card without its route (every stop): its buttons (join,
  the meeting point) stay, and so for another of its facts (what to bring); asking the
  route ("berhenti di mana aja"), a stop, or the tour itself keeps the route.

Everything comes from the event file: the Makassar example (no tour, no profiles) keeps its
about card under a passage of its own text.
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


async def test_a_speakers_fact_comes_with_the_speakers_card(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 16, 10, 30, tzinfo=WITA))
    for question in ("Sidoarjo gabung citynet dari tahun berapa?",
                     "sejak kapan sidoarjo jadi anggota citynet?",
                     "sidoarjo masuk citynet thn brp"):
        text = read(await bot.say(question))
        assert "2009" in text and "Saiful Ilah" in text and "Profil" in text, (question, text)
        assert "1987" not in text and "Tentang" not in text and DECLINED not in text, (
            question, text)
    text = await read_en(bot, "Since when has Sidoarjo been a Citynet member?")
    assert "2009" in text and "1987" not in text and "Profile" in text, text


async def test_the_events_own_text_keeps_the_about_card(bot: Harness, makassar: Harness
                                                        ) -> None:
    bot.clock.set(datetime(2019, 10, 16, 10, 30, tzinfo=WITA))
    # Asked no single detail, a speaker's line is no answer on its own: the about card too.
    text = await read_en(bot, "what is Citynet Indonesia?")
    assert "forum" in text and DECLINED_EN not in text, text
    text = read(await bot.say("citynet berdiri tahun berapa?"))
    assert "1987" in text and DECLINED not in text, text
    text = read(await makassar.say("apa tujuan rakor ini?"))
    assert "Menyelaraskan" in text and "Rakor Smart City" in text, text


async def test_one_tour_detail_without_the_route(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 16, 5, tzinfo=WITA))
    for question in ("tmpt kumpul tur dmn", "titik kumpul city tour di mana?",
                     "pulang city tour turun di mana", "kumpul tour jam brp",
                     "city tour berangkat jam berapa?", "habis city tour balik ke mana?",
                     "tur selesai jam brapa", "ngumpul tour di mana ya", "titik temu city tour?"):
        text = read(await bot.say(question))
        assert "Kantor Wali Kota" in text and DECLINED not in text, (question, text)
        assert "Lasiana" not in text and "Rute" not in text, (question, text)
        # What the delegate acts on stays: joining, the meeting point's pin.
        assert "Ikut city tour" in text and "Titik kumpul" in text, (question, text)
    for question in ("Where is meeting point for city tour", "where do we gather for the tour?",
                     "What time does the tour bus leave?", "where does the tour drop us off?",
                     "where's the assembly point for the tour"):
        text = await read_en(bot, question)
        assert "Kantor Wali Kota" in text and DECLINED_EN not in text, (question, text)
        assert "Lasiana" not in text and "Route" not in text, (question, text)
        assert "Join the city tour" in text, (question, text)
    # Another of the tour's facts, answered above the card: what to bring.
    text = read(await bot.say("bawa apa aja untuk city tour?"))
    assert "Tabir surya" in text and "Lasiana" not in text and "Ikut city tour" in text, text


async def test_the_route_when_asked(bot: Harness) -> None:
    bot.clock.set(datetime(2019, 10, 17, 16, 5, tzinfo=WITA))
    for question in ("city tour", "rute city tour kemana aja", "info city tour dong",
                     "city tour ke pantai lasiana jam berapa"):
        text = read(await bot.say(question))
        assert "Lasiana" in text and DECLINED not in text, (question, text)
    for question in ("tour berhenti di mana aja?", "bus ada berapa? terus perhentian pertama apa?"):
        text = read(await bot.say(question))
        assert "Nostalgia" in text and DECLINED not in text, (question, text)
    text = read(await bot.say("/citytour"))
    assert "Rute" in text and "Lasiana" in text, text
    text = await read_en(bot, "which places does the city tour visit?")
    assert "Lasiana" in text, text
