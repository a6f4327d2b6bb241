"""Every miss is the decline (dev sets t and u, issue 11), through the real Application and
the stand-in.

Asked whether there is an item on a day it is not held ("ada makan siang hari Jumat?" when
the lunch breaks are on the other days), the answer is no: neither the item's card of another
day nor the card of another item of that day says so, so the bot declines.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.loader import load_event
from bot.resources import CHECKOUT_ROOT
from tests.conftest import WITA
from tests.harness import Harness, organizer_bot
from tests.test_answers import read

DECLINED_ID = "belum bisa menjawab"
DECLINED_EN = "can't answer"
MAKASSAR_FILE = CHECKOUT_ROOT / "data" / "examples" / "rakor-makassar.toml"


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    event = load_event(MAKASSAR_FILE)
    now = event.sessions[0].start - timedelta(hours=1)
    async with organizer_bot(event, now, tmp_path / "bot.db") as bot:
        yield bot


async def test_an_item_asked_for_on_a_day_it_is_not_held_is_declined(bot: Harness) -> None:
    """No lunch break on Friday: not Wednesday's and Thursday's, not Friday's closing."""
    bot.clock.set(datetime(2019, 10, 18, 9, 50, tzinfo=WITA))
    text = read(await bot.say("ada makan siang hari jumat?"))
    assert DECLINED_ID in text and "Ishoma" not in text, text
    await bot.say("/bahasa en")
    text = read(await bot.say("Is there lunch provided after the closing on Friday?"))
    assert DECLINED_EN in text and "Closing —" not in text, text


async def test_an_item_held_on_the_day_asked_is_answered(bot: Harness) -> None:
    """Thursday has a lunch break: it is shown ("ada apa" asks what there is, not whether)."""
    bot.clock.set(datetime(2019, 10, 17, 9, 0, tzinfo=WITA))
    text = read(await bot.say("ada makan siang hari ini?"))
    assert "Ishoma" in text and "12.00" in text and DECLINED_ID not in text, text
    await bot.say("/bahasa en")
    text = read(await bot.say("Is there lunch on Thursday?"))
    assert "lunch" in text and "12:00" in text and DECLINED_EN not in text, text


async def test_another_event_declines_an_item_on_a_day_it_is_not_held(
        makassar: Harness) -> None:
    """The same from another event file: its one lunch break is on its first day."""
    text = read(await makassar.say("ada ishoma besok?"))
    assert DECLINED_ID in text and "Ishoma" not in text, text
    text = read(await makassar.say("ada ishoma hari ini?"))
    assert "Ishoma" in text and "11.30" in text and DECLINED_ID not in text, text


async def test_a_day_named_by_the_first_part_holds_for_the_next(bot: Harness) -> None:
    """"What time is lunch today, and what is the last session?": today's last item, not the
    programme's closing on another day; in Indonesian too, with "besok"."""
    bot.clock.set(datetime(2019, 10, 16, 9, 25, tzinfo=WITA))
    text = read(await bot.say("besok makan siang jam berapa, acara terakhir apa?"))
    assert "Acara terakhir Kamis, 17 Oktober 2019: Sosialisasi" in text, text
    assert "Penutupan" not in text, text
    bot.clock.set(datetime(2019, 10, 17, 9, 25, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("What time is lunch today, and what is the last session?"))
    assert "12:00" in text and "Last item on Thursday, 17 October 2019" in text, text
    assert "Closing" not in text, text


async def test_what_to_bring_is_not_answered_by_how_to_use_a_feature(bot: Harness) -> None:
    """How to check in (the code on the screen) does not say what to bring to it: declined,
    in both languages."""
    bot.clock.set(datetime(2019, 10, 15, 21, 0, tzinfo=WITA))
    text = read(await bot.say("perlu bawa dokumen apa untuk check in besok?"))
    assert DECLINED_ID in text and "/checkin" not in text, text
    await bot.say("/bahasa en")
    text = read(await bot.say("do I need to bring any documents to check in tomorrow?"))
    assert DECLINED_EN in text and "/checkin" not in text, text
    text = read(await bot.say("how do I check in to a session?"))
    assert "/checkin" in text and DECLINED_EN not in text, text


async def test_the_tour_stop_at_a_time_is_that_stop(bot: Harness) -> None:
    """"which stop is at 9.10": the stop the tour has reached by then, not what is on then
    (the whole tour); with the English misspelling too."""
    bot.clock.set(datetime(2019, 10, 18, 7, 10, tzinfo=WITA))
    text = read(await bot.say("jam 9.10 singgah di mana?"))
    assert "Sentra Tenun Ikat Kota Kupang: pukul 09.10." in text, text
    await bot.say("/bahasa en")
    text = read(await bot.say("wich stop is at 9.10"))
    assert "Sentra Tenun Ikat Kota Kupang: at 09:10." in text, text
    text = read(await bot.say("where is the tour at 10.30?"))
    assert "Pantai Lasiana: at 10:00." in text, text
