"""A tour stop named by the English kind of place its Indonesian name says (dev sets t and u,
issue 11), through the real Application and the stand-in.

"Pantai Lasiana" is a beach and "Sentra Tenun Ikat" a weaving centre: a foreign delegate asks
"when do we reach the beach?" and is answered with the stop's time, not declined. The kinds
come from general vocabulary applied to whatever stops the event file lists.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from bot.loader import load_event
from bot.model import Event
from tests.conftest import WITA
from tests.harness import MAKASSAR_FILE, Harness
from tests.test_answers import read

DECLINED = "can't answer"


async def test_a_stop_is_named_by_its_english_kind(bot: Harness) -> None:
    """"beach" names the stop whose name starts with "Pantai": its time is said."""
    bot.clock.set(datetime(2019, 10, 18, 9, 55, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("when do we reach the beach?"))
    assert "Lasiana" in text and "10:00" in text and DECLINED not in text, text


async def test_a_two_word_kind_is_said_the_english_way_round(bot: Harness) -> None:
    """"Sentra Tenun" is a "weaving centre": the head comes last in English."""
    bot.clock.set(datetime(2019, 10, 18, 7, 45, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("when do we get to the weaving centre"))
    assert "Tenun" in text and "09:10" in text and DECLINED not in text, text


async def test_park_as_a_verb_names_no_stop(bot: Harness) -> None:
    """"park my car" asks about parking: it does not name the park on the tour."""
    await bot.say("/bahasa en")
    text = read(await bot.say("Where can I park my car?"))
    assert "Nostalgia" not in text, text


async def test_the_kinds_come_from_any_event_file(event: Event, tmp_path: Path) -> None:
    """Another event's stop ("Pasar …", a market) is named by its kind too."""
    assert event.tour is not None
    first = event.tour.stops[0]
    market = replace(first, name=replace(first.name, id="Pasar Oeba", en=None))
    other = replace(event, tour=replace(event.tour, stops=(market, *event.tour.stops[1:])))
    bot = await Harness(other, datetime(2019, 10, 18, 8, 0, tzinfo=WITA),
                        tmp_path / "bot.db").start()
    try:
        await bot.say("/bahasa en")
        text = read(await bot.say("what time are we at the market?"))
        assert "Pasar Oeba" in text and "08:20" in text and DECLINED not in text, text
    finally:
        await bot.stop()


async def test_a_stop_is_named_by_its_place_on_the_route(bot: Harness) -> None:
    """"the first stop", "singgah terakhir": the stop at that place of the event's route."""
    bot.clock.set(datetime(2019, 10, 18, 8, 10, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("what's the first stop?"))
    assert "Nostalgia" in text and "08:20" in text and DECLINED not in text, text
    await bot.say("/bahasa id")
    text = read(await bot.say("singgah terakhir di mana?"))
    assert "Pantai Lasiana: pukul 10.00." in text, text
    assert "Taman Nostalgia Kota Kupang:" not in text, text


async def test_a_stop_after_an_ordinal_one_is_not_that_one(bot: Harness) -> None:
    """"after the second stop" is not the second stop itself: never its time as the answer."""
    bot.clock.set(datetime(2019, 10, 18, 8, 10, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("what comes after the second stop?"))
    assert "09:10" not in text or "10:00" in text, text


async def test_a_speaker_is_named_by_a_title_only_they_hold(bot: Harness) -> None:
    """"the minister": the one speaker whose position holds that title, while speaking."""
    bot.clock.set(datetime(2019, 10, 16, 10, 15, tzinfo=WITA))
    await bot.say("/bahasa en")
    text = read(await bot.say("is the minister actually speaking right now?"))
    assert "Rudiantara" in text and DECLINED not in text, text
    bot.clock.set(datetime(2019, 10, 15, 10, 5, tzinfo=WITA))
    text = read(await bot.say("Which day will the Korean professor speak?"))
    assert "Thursday" in text and DECLINED not in text, text


async def test_a_title_comes_from_any_event_file(tmp_path: Path) -> None:
    """Another event's speaker given a director's title is named by it."""
    event = load_event(MAKASSAR_FILE)
    speaker = event.speakers["bappeda-sulsel"]
    director = replace(speaker, position=replace(speaker.position, en="Director of Planning"))
    other = replace(event, speakers={**event.speakers, "bappeda-sulsel": director})
    now = event.sessions[0].start - timedelta(days=1)
    bot = await Harness(other, now, tmp_path / "bot.db").start()
    try:
        await bot.say("/bahasa en")
        text = read(await bot.say("who is the director?"))
        assert "Bappeda" in text and DECLINED not in text, text
    finally:
        await bot.stop()
