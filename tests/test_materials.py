"""Session materials: released at the start or end, files beside the data file, `terbatas`."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import DEFAULT_EVENT_FILE
from bot.i18n import I18n
from bot.loader import EventDataError, parse_event
from bot.model import Event
from tests.conftest import KEYNOTE_TIME
from tests.harness import Harness, buttons
from tests.test_attendance import STRANGER, said

MATERIALS = [
    {"title": "Slide keynote", "url": "https://example.org/keynote.pdf", "release": "start"},
    {"title": "Naskah lengkap", "file": "materi/naskah.pdf", "release": "end"},
    {"title": "Data internal", "url": "https://example.org/internal.xlsx", "release": "start",
     "terbatas": True},
]


def with_materials(tmp_path: Path, materials: list[dict[str, object]]) -> Event:
    raw = tomllib.loads(DEFAULT_EVENT_FILE.read_text(encoding="utf-8"))
    keynote = next(s for s in raw["sessions"] if s["id"] == "keynote")
    keynote["materials"] = materials
    return parse_event(raw, tmp_path / "event.toml")


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    (tmp_path / "materi").mkdir()
    (tmp_path / "materi" / "naskah.pdf").write_bytes(b"%PDF-1.4 naskah")
    harness = Harness(with_materials(tmp_path, MATERIALS), KEYNOTE_TIME.replace(hour=9),
                      tmp_path / "bot.db")
    await harness.start()
    try:
        await harness.register("Budi Santoso", "sidoarjo")
        yield harness
    finally:
        await harness.stop()


async def test_materials_are_released_at_the_start_or_the_end(bot: Harness) -> None:
    assert "Belum ada materi" in said(await bot.say("/materi"))
    calls = await bot.press("s:keynote")
    assert ("📎 Materi", "mt:keynote") in buttons(calls[-1])
    reply = said(await bot.press("mt:keynote"))
    assert "Slide keynote — tersedia saat sesi dimulai, 09.30" in reply
    assert "Naskah lengkap — tersedia saat sesi selesai, 11.00" in reply

    bot.clock.set(KEYNOTE_TIME)
    calls = await bot.say("/materi")
    assert ("📎 Keynote: Strategi Pengembangan Smart City", "mt:keynote") in buttons(calls[-1])
    calls = await bot.say("/materi keynote")
    link = next(c for c in calls if c.method == "sendMessage")
    assert 'href="https://example.org/keynote.pdf"' in link.params["text"]
    assert 'href="https://example.org/internal.xlsx"' in link.params["text"]
    assert not [c for c in calls if c.method == "sendDocument"]

    # `terbatas`: someone who is not registered sees it exists, not the link.
    calls = await bot.say("/materi keynote", user_id=STRANGER)
    text = next(c for c in calls if c.method == "sendMessage").params["text"]
    assert "internal.xlsx" not in text and "khusus peserta terdaftar" in text
    assert "keynote.pdf" in text

    bot.clock.set(KEYNOTE_TIME.replace(hour=11))
    calls = await bot.press("mt:keynote")
    documents = [c for c in calls if c.method == "sendDocument"]
    assert [d.params["document"]["filename"] for d in documents] == ["naskah.pdf"]
    assert bot.standin.uploads["naskah.pdf"] == b"%PDF-1.4 naskah"


def test_materials_are_validated(tmp_path: Path) -> None:
    with pytest.raises(EventDataError) as caught:
        with_materials(tmp_path, [
            {"title": "A", "file": "nope.pdf"},
            {"title": "B", "url": "http://example.org/x", "release": "later"},
            {"title": "C", "file": "../outside.pdf"},
            {"title": "D"},
        ])
    message = caught.value.describe(I18n().get("en"))  # validate --lang en
    assert "sessions[2].materials[0].file" in message and "no such file" in message
    assert "materials[1].url" in message and "https" in message
    assert "materials[1].release" in message
    assert "materials[2].file" in message and "must be inside" in message
    assert "materials[3]" in message and "either url or file" in message
