"""Feedback after a session, through the real Application and the delivery tick."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import DEFAULT_EVENT_FILE
from bot.loader import parse_event
from bot.model import Event
from bot.offline.protocol import ApiCall
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness, buttons, text_of
from tests.test_attendance import DELEGATE_2, ORGANIZER, said, screen_code

OPENING = KEYNOTE_TIME.replace(hour=9, minute=0)
KEYNOTE_END = KEYNOTE_TIME.replace(hour=11, minute=0)


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    harness = Harness(event, OPENING, tmp_path / "bot.db", admins=frozenset({ORGANIZER}))
    await harness.start()
    try:
        await harness.register("Budi Santoso", "sidoarjo")
        yield harness
    finally:
        await harness.stop()


def questions(calls: list[ApiCall], chat_id: int = USER) -> list[str]:
    return [text_of(c) for c in calls
            if c.method == "sendMessage" and c.params["chat_id"] == chat_id
            and any(data.startswith("fb:") for _label, data in buttons(c))]


async def test_feedback_once_after_the_sessions_and_counted(bot: Harness) -> None:
    await bot.say(f"/hadir {await screen_code(bot, session='pembukaan')}")
    bot.clock.set(KEYNOTE_TIME.replace(minute=40))
    await bot.say(f"/hadir {await screen_code(bot)}")
    # The opening ended at 09.30, but the delegate is in the keynote: no question during it.
    assert questions(await bot.tick()) == []
    bot.clock.set(KEYNOTE_END)
    asked = questions(await bot.tick())
    assert len(asked) == 2
    assert "Pembukaan" in asked[0] and "Keynote" in asked[1]
    assert questions(await bot.tick()) == []  # once per session

    calls = await bot.press("fb:keynote:4")
    assert "Nilai 4/5" in said(calls)
    calls = await bot.press("fb:keynote:2")  # a second tap, as two quick taps would send
    assert [c.params.get("text", "") for c in calls if c.method == "answerCallbackQuery"] == [
        "Anda sudah menilai “Keynote: Strategi Pengembangan Smart City”. Terima kasih!"]
    thanks = bot.standin.last_bot_message(USER)
    assert thanks is not None and "Nilai 4/5" in thanks["text"]
    calls = await bot.send(bot.updates.message("Materinya sangat berguna & jelas",
                                               reply_to=thanks))
    assert "Komentar untuk “Keynote" in said(calls)

    reply = said(await bot.say("/statistik", user_id=ORGANIZER))
    assert "Keynote: Strategi Pengembangan Smart City: 4,0 (1)" in reply
    assert "Materinya sangat berguna &amp; jelas" not in reply  # escaped once, shown plain
    assert "Materinya sangat berguna & jelas" in reply
    calls = await bot.say("/ekspor", user_id=ORGANIZER)
    rows = bot.standin.uploads["penilaian-sesi.csv"].decode("utf-8-sig")
    assert "keynote" in rows and "4.00" in rows and "Budi" not in rows
    # Ratings are anonymous to organizers, and the statistics name nobody.
    assert "Budi" not in reply


async def test_in_a_group_the_statistics_quote_no_comment(bot: Harness) -> None:
    """A comment is the delegate's own words (they may name themselves): the event's group
    sees the ratings, never the comments."""
    bot.clock.set(KEYNOTE_TIME)
    await bot.say(f"/hadir {await screen_code(bot)}")
    bot.clock.set(KEYNOTE_END)
    await bot.tick()
    await bot.press("fb:keynote:4")
    thanks = bot.standin.last_bot_message(USER)
    assert thanks is not None
    await bot.send(bot.updates.message("Saya Budi, sound system kurang", reply_to=thanks))

    group = bot.updates.group_chat_id
    calls = await bot.say("/statistik", user_id=ORGANIZER, chat_type="supergroup",
                          chat_id=group)
    shown = "\n".join(text_of(c) for c in calls
                      if c.method == "sendMessage" and c.params["chat_id"] == group)
    assert "Keynote: Strategi Pengembangan Smart City: 4,0 (1)" in shown
    assert "sound system" not in shown
    # In private the organizer still reads the comments.
    assert "Saya Budi, sound system kurang" in said(
        await bot.say("/statistik", user_id=ORGANIZER))


async def test_opting_out_stops_every_later_question(bot: Harness) -> None:
    await bot.register("Siti Aminah", "bogor", user_id=DELEGATE_2)
    bot.clock.set(KEYNOTE_TIME)
    await bot.say(f"/hadir {await screen_code(bot)}", user_id=DELEGATE_2)
    bot.clock.set(KEYNOTE_END)
    calls = await bot.tick()
    assert len(questions(calls, DELEGATE_2)) == 1
    assert "tidak akan meminta" in said(await bot.press("fbx", user_id=DELEGATE_2))
    bot.clock.set(KEYNOTE_TIME.replace(hour=13, minute=10))
    await bot.say(f"/hadir {await screen_code(bot)}", user_id=DELEGATE_2)
    bot.clock.set(KEYNOTE_TIME.replace(hour=14, minute=31))
    assert questions(await bot.tick(), DELEGATE_2) == []


async def test_the_question_survives_a_restart(event: Event, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    first = Harness(event, KEYNOTE_TIME, db, admins=frozenset({ORGANIZER}))
    await first.start()
    try:
        await first.register("Budi Santoso", "sidoarjo")
        await first.say(f"/hadir {await screen_code(first)}")
    finally:
        await first.stop()
    second = Harness(event, KEYNOTE_END + timedelta(minutes=1), db)
    await second.start()
    try:
        assert len(questions(await second.tick())) == 1
    finally:
        await second.stop()


async def test_without_session_checkin_feedback_goes_to_those_with_a_seat(
    event: Event, tmp_path: Path
) -> None:
    no_checkin = replace(event, attendance=replace(event.attendance, session_checkin=False),
                         _by_id={})
    bot = Harness(no_checkin, OPENING, tmp_path / "bot.db")
    await bot.start()
    try:
        await bot.register("Budi Santoso", "sidoarjo")
        await bot.press("r:keynote")
        await bot.register("Siti Aminah", "bogor", user_id=DELEGATE_2)
        await bot.press("r:keynote", user_id=DELEGATE_2)
        await bot.press("rx:keynote", user_id=DELEGATE_2)  # cancelled: no question
        bot.clock.set(KEYNOTE_END)
        calls = await bot.tick()
        assert len(questions(calls)) == 1 and questions(calls, DELEGATE_2) == []
    finally:
        await bot.stop()


def test_session_checkin_can_be_switched_off_in_the_data_file() -> None:
    raw = tomllib.loads(DEFAULT_EVENT_FILE.read_text(encoding="utf-8"))
    raw["attendance"]["session_checkin"] = False
    assert parse_event(raw, Path("event.toml")).attendance.session_checkin is False
