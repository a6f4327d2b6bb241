"""The event evaluation: sent at closing to those who attended, one question at a time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.features import attendance
from bot.model import Event
from bot.offline.protocol import ApiCall
from tests.conftest import KEYNOTE_TIME, WITA
from tests.harness import USER, Harness, buttons, text_of
from tests.test_attendance import DELEGATE_2, ORGANIZER, said

CLOSING = datetime(2019, 10, 18, 11, 15, tzinfo=WITA)


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    harness = Harness(event, KEYNOTE_TIME, tmp_path / "bot.db", admins=frozenset({ORGANIZER}))
    await harness.start()
    try:
        await harness.register("Budi Santoso", "sidoarjo")
        await harness.register("Siti Aminah", "bogor", user_id=DELEGATE_2)
        yield harness
    finally:
        await harness.stop()


def sent_to(calls: list[ApiCall], chat_id: int) -> list[ApiCall]:
    """Evaluation questions sent to `chat_id` (not the morning brief of the same tick)."""
    return [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] == chat_id
            and any(data.startswith("ev:") for _label, data in buttons(c))]


async def test_evaluation_at_closing_for_those_who_attended(bot: Harness) -> None:
    assert "dibuka saat penutupan, Jumat, 18 Oktober 2019 pukul 11.15" in said(
        await bot.say("/evaluasi"))
    repo = bot.repo
    assert repo is not None
    card = await attendance.my_card(repo, USER)
    await bot.say(f"/start {card.payload}", user_id=ORGANIZER)

    bot.clock.set(CLOSING)
    calls = await bot.tick()
    # USER checked in at the desk; DELEGATE_2 never attended, so is not asked.
    assert sent_to(calls, DELEGATE_2) == []
    [question] = sent_to(calls, USER)
    assert "Evaluasi acara (1/3)" in text_of(question)
    assert "seberapa puas" in text_of(question)
    assert [data for _label, data in buttons(question)] == [
        "ev:kepuasan:1", "ev:kepuasan:2", "ev:kepuasan:3", "ev:kepuasan:4", "ev:kepuasan:5",
        "ev:kepuasan:-"]
    assert sent_to(await bot.tick(), USER) == []  # once

    reply = said(await bot.press("ev:kepuasan:4"))
    assert "(2/3)" in reply and "bermanfaat untuk daerah" in reply
    assert "Tombol ini sudah tidak berlaku" in said(await bot.press("ev:manfaat:9"))
    calls = await bot.press("ev:manfaat:1")
    assert "(3/3)" in said(calls) and "Balas (reply)" in said(calls)
    calls = await bot.press("ev:saran:-")  # free text may be skipped
    assert "Terima kasih sudah mengisi evaluasi" in said(calls)

    await bot.say("/evaluasi", user_id=DELEGATE_2)
    await bot.press("ev:kepuasan:2", user_id=DELEGATE_2)
    await bot.press("ev:manfaat:1", user_id=DELEGATE_2)
    question = bot.standin.last_bot_message(DELEGATE_2)
    assert question is not None
    await bot.send(bot.updates.message("Waktu diskusi <lebih> panjang", user_id=DELEGATE_2,
                                       reply_to=question))

    reply = said(await bot.say("/statistik", user_id=ORGANIZER))
    assert "Secara keseluruhan, seberapa puas Anda dengan seminar ini? (2): 3,0" in reply
    assert "Cukup bermanfaat: 2" in reply and "Sangat bermanfaat: 0" in reply
    assert "“Waktu diskusi <lebih> panjang”" in reply
    assert "Budi" not in reply and "Siti" not in reply
    await bot.say("/ekspor", user_id=ORGANIZER)
    rows = bot.standin.uploads["evaluasi-acara.csv"].decode("utf-8-sig")
    assert "kepuasan" in rows and "3.00" in rows and "Waktu diskusi <lebih> panjang" in rows


async def test_replies_to_other_messages_are_not_taken_for_answers(bot: Harness) -> None:
    bot.clock.set(CLOSING)
    await bot.say("/evaluasi")
    await bot.press("ev:kepuasan:4")
    await bot.press("ev:manfaat:0")  # the next question is the free-text one
    await bot.say("/rsvp")  # "📝 Kehadiran Anda": other messages start with 📝 too
    other = bot.standin.last_bot_message(USER)
    assert other is not None and other["text"].startswith("📝")
    calls = await bot.send(bot.updates.message("jadwal besok", reply_to=other))
    assert "Evaluasi" not in said(calls) and "Terima kasih" not in said(calls)
    repo = bot.repo
    assert repo is not None and "saran" not in await repo.evaluation_answered(USER)
