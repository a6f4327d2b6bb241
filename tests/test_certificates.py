"""Certificates through the real Application: the rule, by hand, and verification."""

from __future__ import annotations

import asyncio
import io
import re
import tomllib
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot import cli
from bot.config import DEFAULT_EVENT_FILE
from bot.features import attendance
from bot.i18n import I18n
from bot.loader import EventDataError, parse_event
from bot.model import Event
from tests.conftest import KEYNOTE_TIME, WITA
from tests.harness import USER, Harness
from tests.test_attendance import DELEGATE_2, ORGANIZER, STRANGER, said, screen_code

AFTER_THE_EVENT = datetime(2019, 10, 18, 16, 0, tzinfo=WITA)


@pytest.fixture
async def bot(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    harness = Harness(event, KEYNOTE_TIME, tmp_path / "bot.db", admins=frozenset({ORGANIZER}))
    await harness.start()
    try:
        await harness.register("Budi Santoso", "sidoarjo")
        yield harness
    finally:
        await harness.stop()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def fill_evaluation(bot: Harness, user_id: int = USER) -> None:
    """Answer the shipped file's three evaluation questions (the clock is past the closing)."""
    await bot.say("/evaluasi", user_id=user_id)
    await bot.press("ev:kepuasan:5", user_id=user_id)
    calls = await bot.press("ev:manfaat:0", user_id=user_id)
    question = next(c for c in calls if c.method == "sendMessage")
    message = bot.standin.message(user_id, question.result["message_id"])
    assert message is not None and "Saran" in message["text"]
    reply = said(await bot.send(bot.updates.message("Lebih banyak waktu diskusi",
                                                    user_id=user_id, reply_to=message)))
    assert "Terima kasih sudah mengisi evaluasi" in reply


async def certificate_code(bot: Harness, user_id: int = USER) -> str:
    calls = await bot.say("/sertifikat", user_id=user_id)
    documents = [c for c in calls if c.method == "sendDocument"]
    assert len(documents) == 1, said(calls)
    match = re.search(r"/cek (CN-\w{4}-\w{4})", said(calls))
    assert match, said(calls)
    return match[1]


async def test_certificate_when_present_at_the_desk_every_day(bot: Harness) -> None:
    reply = said(await bot.say("/sertifikat"))
    assert "tersedia setelah acara selesai" in reply and "Jumat, 18 Oktober 2019" in reply
    assert "belum tercatat: Rab, 16 Okt, Kam, 17 Okt, dan Jum, 18 Okt" in reply

    card = await attendance.my_card(bot.repo, USER)
    for day in (16, 17):
        bot.clock.set(KEYNOTE_TIME.replace(day=day, hour=8))
        await bot.say(f"/start {card.payload}", user_id=ORGANIZER)
    bot.clock.set(AFTER_THE_EVENT)
    reply = said(await bot.say("/sertifikat"))
    assert "belum terpenuhi" in reply and "belum tercatat: Jum, 18 Okt" in reply
    assert "Hadir di sesi pleno: 0 dari 5, perlu 4" in reply
    assert not [c for c in await bot.say("/sertifikat") if c.method == "sendDocument"]

    bot.clock.set(KEYNOTE_TIME.replace(day=18, hour=8))
    await bot.say(f"/start {card.payload}", user_id=ORGANIZER)
    bot.clock.set(AFTER_THE_EVENT)
    # Present every day, but the data file has an evaluation: that is still missing.
    reply = said(await bot.say("/sertifikat"))
    assert "belum terpenuhi" in reply and "evaluasi acara (/evaluasi) — belum diisi" in reply
    await fill_evaluation(bot)
    code = await certificate_code(bot)
    text = pdf_text(bot.standin.uploads["sertifikat.pdf"])
    for expected in ("SERTIFIKAT", "Budi Santoso", "Kabupaten Sidoarjo",
                     "telah mengikuti sebagai peserta",
                     "Seminar dan Sharing Best Practice Citynet Indonesia 2019",
                     "Rabu, 16 Oktober 2019 - Jumat, 18 Oktober 2019",
                     "Tuan rumah: Pemerintah Kota Kupang", "Wali Kota Kupang",
                     "Jefirstson R. Riwu Kore", "H. Saiful Ilah", code):
        assert expected in text, expected
    # Asking again gives the same certificate, not a second code.
    assert await certificate_code(bot) == code

    # Anyone can check it, in private: the answer names the holder.
    calls = await bot.say(f"/cek {code}", user_id=STRANGER, chat_type="supergroup")
    assert "chat pribadi" in said(calls) and "Budi" not in said(calls)
    reply = said(await bot.say(f"/cek {code.lower()}", user_id=STRANGER))
    assert "asli" in reply and "Budi Santoso" in reply and "Kabupaten Sidoarjo" in reply
    assert "Tidak ada sertifikat" in said(await bot.say("/cek CN-0000-0000", user_id=STRANGER))


async def test_certificate_for_plenary_sessions(bot: Harness) -> None:
    for day, hour, session in ((16, 10, "keynote"), (16, 13, "bp-banyuwangi"),
                               (17, 9, "bp-semarang")):
        bot.clock.set(KEYNOTE_TIME.replace(day=day, hour=hour, minute=10))
        await bot.say(f"/hadir {await screen_code(bot, session=session)}")
    bot.clock.set(AFTER_THE_EVENT)
    assert "Hadir di sesi pleno: 3 dari 5, perlu 4" in said(await bot.say("/sertifikat"))
    assert "Salah satu syarat di atas cukup" in said(await bot.say("/sertifikat"))
    bot.clock.set(KEYNOTE_TIME.replace(day=17, hour=10, minute=40))
    await bot.say(f"/hadir {await screen_code(bot, session='bp-luar-negeri')}")
    bot.clock.set(AFTER_THE_EVENT)
    await fill_evaluation(bot)
    await certificate_code(bot)


async def test_organizers_issue_and_withhold_by_hand_with_an_audit_line(
    bot: Harness, tmp_path: Path
) -> None:
    bot.clock.set(AFTER_THE_EVENT)
    await bot.register("Siti Aminah", "bogor", user_id=DELEGATE_2)
    refused = said(await bot.say(f"/sertifikat beri {DELEGATE_2}", user_id=STRANGER))
    assert "hanya untuk panitia" in refused
    assert "/sertifikat beri" in said(await bot.say("/sertifikat beri x", user_id=ORGANIZER))
    assert "diterbitkan" in said(await bot.say(f"/sertifikat beri {DELEGATE_2}",
                                               user_id=ORGANIZER))
    code = await certificate_code(bot, DELEGATE_2)
    assert "Siti Aminah" in said(await bot.say(f"/cek {code}"))

    assert "ditahan" in said(await bot.say(f"/sertifikat tahan {DELEGATE_2}", user_id=ORGANIZER))
    assert "ditahan oleh panitia" in said(await bot.say("/sertifikat", user_id=DELEGATE_2))
    reply = said(await bot.say(f"/cek {code}"))
    assert "dicabut" in reply and "Siti" not in reply
    audit = await bot.repo.audit_log()
    actions = [(actor, action, details.get("user_id")) for _at, actor, action, details in audit]
    assert (ORGANIZER, "certificate_withheld", DELEGATE_2) in actions
    assert (ORGANIZER, "certificate_issued", DELEGATE_2) in actions


async def test_erased_holder_verifies_as_revoked(bot: Harness) -> None:
    bot.clock.set(AFTER_THE_EVENT)
    await bot.say(f"/sertifikat beri {USER}", user_id=ORGANIZER)
    code = await certificate_code(bot)
    await bot.say("/hapusdata")
    await bot.press("fgy")
    reply = said(await bot.say(f"/cek {code}", user_id=STRANGER))
    assert "dicabut" in reply and "Budi" not in reply
    row = await bot.repo.fetchone("SELECT name, instansi, user_id FROM certificates")
    assert row is not None and tuple(row) == ("", "", None)


def test_cli_verify(event: Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bot.db"

    async def issue() -> str:
        harness = Harness(event, AFTER_THE_EVENT, db, admins=frozenset({ORGANIZER}))
        await harness.start()
        try:
            await harness.register("Budi Santoso", "sidoarjo")
            await harness.say(f"/sertifikat beri {USER}", user_id=ORGANIZER)
            return await certificate_code(harness)
        finally:
            await harness.stop()

    code = asyncio.run(issue())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(db))
    assert cli.main(["verify", code]) == 0
    out = capsys.readouterr().out
    assert "asli" in out and "Budi Santoso" in out and "<b>" not in out
    assert cli.main(["verify", "CN-0000-0000"]) == 1


def test_certificate_section_is_validated() -> None:
    raw = tomllib.loads(DEFAULT_EVENT_FILE.read_text(encoding="utf-8"))
    rules = parse_event(raw, Path("event.toml")).certificate
    assert rules is not None and rules.all_days and rules.min_plenary_percent == 70
    raw["certificate"] = {"title": "Sertifikat", "statement": "x", "all_days": False,
                          "min_plenary_percent": 170, "signatories": []}
    with pytest.raises(EventDataError) as caught:
        parse_event(raw, Path("event.toml"))
    message = caught.value.describe(I18n().get("en"))  # validate --lang en
    assert "certificate.min_plenary_percent" in message and "expected 1 to 100" in message
    assert "certificate.signatories" in message
    raw["certificate"] = {"title": "Sertifikat", "statement": "x",
                          "signatories": [{"name": "A", "position": "B"}]}
    with pytest.raises(EventDataError, match="tidak ada aturan"):
        parse_event(raw, Path("event.toml"))
