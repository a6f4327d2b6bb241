"""Practical questions from the data file: /info, its buttons, and free text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_EVENT_FILE
from bot.faq import match_faq
from bot.loader import EventDataError, load_event
from bot.model import Event
from tests.harness import USER, Harness, buttons, only_text


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("ada wifi gak?", "wifi"), ("Password WI-FI nya apa ya", "wifi"),
        ("dimana mushola?", "ibadah"), ("sholat jumat dimana", "ibadah"),
        ("besok pakai baju apa", "pakaian"), ("dress code?", "pakaian"),
        ("sertifikat kapan dibagikan", "sertifikat"), ("ambil id card dmn", "kartu-peserta"),
        ("slide paparan bisa minta?", "materi"),
    ],
)  # fmt: skip
def test_free_text_matches_the_practical_question(event: Event, text: str, faq_id: str) -> None:
    found = match_faq(event, text)
    assert found is not None and found.id == faq_id


@pytest.mark.parametrize("text", ["jadwal besok", "siapa pembicara keynote", "kontak sidoarjo"])
def test_programme_questions_match_no_practical_question(event: Event, text: str) -> None:
    assert match_faq(event, text) is None


async def test_faq_by_free_text_command_and_button(bot: Harness) -> None:
    text = only_text(await bot.say("ada wifi gak min?"))
    assert text.startswith("💡 Apakah ada Wi-Fi?")
    assert "meja registrasi" in text

    calls = await bot.say("/info")
    assert "Info praktis" in only_text(calls)
    assert ("Pakaian apa yang dipakai?", "faq:pakaian") in buttons(calls[-1])
    text = only_text(await bot.press("faq:pakaian"))
    assert "batik" in text
    assert "Tombol ini sudah tidak berlaku" in str(
        [c.params for c in await bot.press("faq:tidak-ada")])

    # A question that names a session is about that session, not a practical one.
    assert "Keynote" in only_text(await bot.say("kapan keynote?"))


async def test_faq_in_english(bot: Harness) -> None:
    repo = bot.repo
    await bot.say("/start")
    await repo.set_language(USER, "en")
    assert only_text(await bot.say("is there wifi?")).startswith("💡 Is there Wi-Fi?")


def test_a_faq_needs_words_to_be_found_by(tmp_path: Path) -> None:
    data = tmp_path / "event.toml"
    text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
    data.write_text(text.replace('keywords = ["wifi", "wi-fi", "wi fi", "internet", '
                                 '"password wifi", "hotspot", "sinyal"]', "keywords = []"),
                    encoding="utf-8")
    with pytest.raises(EventDataError) as failed:
        load_event(data)
    assert "faq[1].keywords: tulis paling sedikit satu kata" in str(failed.value)
