"""Programme and time questions (blind batches v and w, dev now; issue 11), through the real
Application and the stand-in: answered from the event model, or declined.

- the asker's own plans beside the question ("beta baru tiba bsk pagi") never set the day
  the question asks about ("lusa tu acara apa sa?").

Everything comes from the event file: the Makassar example is asked the same kinds.
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

MAKASSAR_FILE = CHECKOUT_ROOT / "data" / "examples" / "rakor-makassar.toml"


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    event = load_event(MAKASSAR_FILE)
    now = event.sessions[0].start - timedelta(days=1)
    async with organizer_bot(event, now, tmp_path / "bot.db") as bot:
        yield bot


async def test_the_askers_own_plans_do_not_set_the_day(bot: Harness, makassar: Harness
                                                       ) -> None:
    """"lusa" is the question's day; "bsk pagi" of the asker's arrival is not asked, in its
    own sentence or after a comma, before or after the question."""
    bot.clock.set(datetime(2019, 10, 15, 20, 0, tzinfo=WITA))
    for question in ("lusa tu acara apa sa? beta baru tiba bsk pagi",
                     "lusa acara apa aja, saya baru tiba besok pagi",
                     "beta baru tiba bsk pagi, lusa tu acara apa sa?"):
        text = read(await bot.say(question))
        assert "Kamis, 17 Oktober" in text and "Semarang" in text, text
        assert "Rudiantara" not in text and "Rabu, 16 Oktober" not in text, text
    # Without a question beside it, the statement is not read as one about that day either.
    text = read(await bot.say("beta baru tiba bsk pagi"))
    assert "Rudiantara" not in text, text
    # Makassar: its second day asked, the asker arriving on the first.
    text = read(await makassar.say("lusa acara apa? saya baru tiba besok pagi"))
    assert "Perumusan kesepakatan" in text and "Registrasi peserta" not in text, text
