"""Every miss is the decline (dev sets t and u, issue 11), through the real Application and
the stand-in.

Asked whether there is an item on a day it is not held ("ada makan siang setelah penutupan
hari Jumat?" when the lunch breaks are on the other days), the answer is no: the card of
another item of that day does not say so, so the bot declines.
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import WITA
from tests.harness import DECLINED_EN, Harness
from tests.test_answers import read

DECLINED_ID = "belum bisa menjawab"


async def test_an_item_asked_for_on_a_day_it_is_not_held_is_declined(bot: Harness) -> None:
    """No lunch break on Friday: not Wednesday's and Thursday's, not Friday's closing."""
    bot.clock.set(datetime(2019, 10, 18, 9, 50, tzinfo=WITA))
    text = read(await bot.say("ada makan siang setelah penutupan hari jumat?"))
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
