"""Half-done conversations survive a restart: the step and the draft are in the database."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from bot import persistence
from bot.model import Event
from tests.conftest import WITA
from tests.harness import Harness, only_text

NOW = datetime(2019, 10, 16, 8, 0, tzinfo=WITA)
ORGANIZER = 9001


async def test_registration_resumes_after_a_restart(event: Event, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    first = await Harness(event, NOW, db).start()
    try:
        await first.say("/daftar")
        await first.say("Maria Goreti Lay")  # step 1 done, the bot now asks for the instansi
    finally:
        await first.stop()

    second = await Harness(event, NOW, db).start()
    try:
        # Without persistence this would be free text ("kupang" → contacts), not step 2.
        text = only_text(await second.say("Pemkab Kupang"))
        assert "Daerah: Kabupaten Kupang" in text and "3/3" in text
        await second.press("rgr:delegasi")
        repo = second.repo
        profile = await repo.get_profile(second.updates.user_id)
        assert profile is not None and profile.name == "Maria Goreti Lay"  # the draft came back
        assert profile.region == "Kabupaten Kupang"
    finally:
        await second.stop()

    # Finished conversations leave nothing behind.
    third = await Harness(event, NOW, db).start()
    try:
        repo = third.repo
        assert await repo.conversation_states("registration") == {}
        assert await repo.user_states() == {}
    finally:
        await third.stop()


async def test_steps_are_written_while_running_not_only_at_shutdown(
    event: Event, tmp_path: Path
) -> None:
    """A crash (no shutdown) loses at most UPDATE_INTERVAL seconds of a conversation."""
    bot = await Harness(event, NOW, tmp_path / "bot.db").start()
    try:
        await bot.say("/daftar")
        await bot.say("Yohanes Bria")
        repo = bot.repo
        deadline = asyncio.get_running_loop().time() + persistence.UPDATE_INTERVAL + 3
        while not await repo.conversation_states("registration"):
            assert asyncio.get_running_loop().time() < deadline, "step never written"
            await asyncio.sleep(0.1)
        assert len(await repo.user_states()) == 1
    finally:
        await bot.stop()


async def test_announcement_being_written_survives_a_restart(
    event: Event, tmp_path: Path
) -> None:
    db = tmp_path / "bot.db"
    admins = frozenset({ORGANIZER})
    first = await Harness(event, NOW, db, admins=admins).start()
    try:
        await first.say("/umumkan", user_id=ORGANIZER, chat_id=ORGANIZER)
    finally:
        await first.stop()
    second = await Harness(event, NOW, db, admins=admins).start()
    try:
        calls = await second.say("Ruang Garuda pindah ke lantai 2.", user_id=ORGANIZER,
                                 chat_id=ORGANIZER)
        assert "Kepada siapa pengumuman ini dikirim?" in only_text(calls)
    finally:
        await second.stop()
