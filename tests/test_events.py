"""Any seminar is a data file: key flows on the shipped event and on a second, smaller one.

`data/examples/rakor-makassar.toml` was written only from docs/data-format.md: two days, no
city tour, no FAQ, no network background. Nothing the bot says about it may come from the
shipped event (Citynet, Kupang, its tour), and every example it offers must be answerable.
"""

from __future__ import annotations

import ast
import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.config import DEFAULT_EVENT_FILE
from bot.i18n import LOCALES_DIR
from bot.loader import load_event
from bot.model import Event
from bot.offline.protocol import blocked_by_user
from bot.resources import CHECKOUT_ROOT
from tests.harness import MAKASSAR_FILE, USER, Harness, buttons, organizer_bot, text_of

EVENT_FILES = [DEFAULT_EVENT_FILE, MAKASSAR_FILE]
#: Proper nouns of the shipped event: they may appear in its data file, never in code or
#: catalogs. Lowercase "citynet" is the project's own name (citynet-bot, citynet.po).
SHIPPED_NOUNS = re.compile(
    r"Citynet|CITYNET|Kupang|Sidoarjo|\bNTT\b|Nusa Tenggara|Banyuwangi|Semarang|Suba Suka"
    r"|Lasiana|Rudiantara|Saiful|Riwu Kore",
    re.IGNORECASE,
)
PROJECT_NAME = re.compile(r"citynet(?=[-_.]?(bot|db|po|downloads)\b)|^citynet$", re.IGNORECASE)
#: Inside bot/ but never shown by the bot: the offline Bot API (bot/offline/: stand-in,
#: update builder; they name a sample bot and group, not the event) and resources.py (the
#: shipped file's name).
NOT_USER_FACING_DIRS = {CHECKOUT_ROOT / "bot" / "offline"}
NOT_USER_FACING = {CHECKOUT_ROOT / "bot" / "resources.py"}


def _shows(calls: list) -> str:
    """Everything a user sees in these calls: texts, button labels, venue and contact names."""
    parts: list[str] = []
    for call in calls:
        if call.method in ("sendMessage", "editMessageText"):
            parts.append(text_of(call))
        for key in ("title", "address", "first_name", "last_name", "caption", "text"):
            if isinstance(call.params.get(key), str) and call.method != "answerCallbackQuery":
                parts.append(call.params[key])
        parts += [label for label, _ in buttons(call)]
        if call.method == "setMyCommands":
            parts += [f"/{c['command']} {c['description']}" for c in call.params["commands"]]
    return "\n".join(parts)


def _during(event: Event) -> datetime:
    """Shortly after the event's first session starts."""
    return event.sessions[0].start + timedelta(minutes=10)


@pytest.fixture(params=EVENT_FILES, ids=lambda p: p.stem)
async def any_bot(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Harness]:
    event = load_event(request.param)
    bot = Harness(event, _during(event), tmp_path / "bot.db")
    services = bot.app.bot_data.services
    services.settings = replace(services.settings, admins=frozenset({USER}),
                                event_file=request.param)
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


@pytest.fixture
async def makassar(tmp_path: Path) -> AsyncIterator[Harness]:
    event = load_event(MAKASSAR_FILE)
    async with organizer_bot(event, _during(event), tmp_path / "bot.db") as bot:
        yield bot


def test_both_sample_events_validate() -> None:
    for path in EVENT_FILES:
        assert load_event(path).sessions


async def test_every_help_example_is_answered(any_bot: Harness) -> None:
    for lang in ("id", "en"):
        if lang == "en":
            await any_bot.say("/bahasa en")
        help_text = "\n".join(text_of(c) for c in await any_bot.say("/bantuan")
                              if c.method == "sendMessage")
        examples = [line.removeprefix("• ") for line in help_text.splitlines()
                    if line.startswith("• ")]
        assert len(examples) >= 4, help_text
        for example in examples:
            reply = _shows(await any_bot.say(example))
            assert "belum bisa menjawab" not in reply and "can't answer" not in reply, (
                lang, example, reply)
            assert "tidak saya kenal" not in reply, (example, reply)


async def test_welcome_example_is_answered_with_its_place(any_bot: Harness) -> None:
    welcome = _shows(await any_bot.say("/start"))
    match = re.search(r"di mana (.+)\?", welcome)
    assert match, welcome
    reply = await any_bot.say(f"di mana {match.group(1)}?")
    assert any(c.method == "sendVenue" for c in reply), _shows(reply)


async def test_schedule_of_each_day(any_bot: Harness) -> None:
    event = any_bot.event
    overview = _shows(await any_bot.say("/jadwal"))
    for number, day in enumerate(event.days, start=1):
        count = len(event.sessions_on(day))
        assert f"Hari {number}: " in overview and f"— {count} acara" in overview
        shown = _shows(await any_bot.press(f"day:{day.isoformat()}"))
        for session in event.sessions_on(day):
            assert session.title.id in shown


async def test_features_the_event_lacks_disappear(any_bot: Harness) -> None:
    event = any_bot.event
    menus = any_bot.standin.calls_to("setMyCommands")
    listed = {c["command"] for call in menus for c in call.params["commands"]}
    assert ("citytour" in listed) == event.has_tour and ("tour" in listed) == event.has_tour
    assert ("info" in listed) == event.has_faq and ("kontak" in listed) == event.has_contacts
    # i15's attendance features follow the data the same way.
    assert ("hadir" in listed) == event.has_session_checkin
    assert ("materi" in listed) == event.has_materials
    assert ("sertifikat" in listed) == event.has_certificate
    assert ("evaluasi" in listed) == event.has_evaluation
    welcome = await any_bot.say("/start")
    labels = [label for label, _ in buttons(welcome[0])]
    assert ("🚌 City tour" in labels) == event.has_tour
    shown = _shows(welcome) + _shows(await any_bot.say("/bantuan"))
    assert ("city tour" in shown.lower()) == event.has_tour
    assert ("/info" in shown) == event.has_faq
    assert ("/sertifikat" in shown) == event.has_certificate
    assert ("/evaluasi" in shown) == event.has_evaluation
    await any_bot.say("/umumkan")
    audiences = [d for _, d in buttons((await any_bot.say("Rapat dimulai 10 menit lagi."))[-1])]
    assert any(d.endswith(":all") for d in audiences)
    assert any(d.endswith(":tour") for d in audiences) == event.has_tour


async def test_second_event_never_speaks_of_the_shipped_one(makassar: Harness) -> None:
    seen: list[str] = []
    for lang in ("id", "en"):
        await makassar.say(f"/bahasa {lang}")
        for text in ("/start", "/bantuan", "/tentang", "/kontak", "/jadwal", "/lokasi",
                     "/pembicara", "/sekarang", "/info", "apa kabar, bisa bantu apa?",
                     "/kartu", "/hadir", "/materi", "/sertifikat", "/evaluasi", "/pengumuman",
                     "/daftar", "Budi"):
            seen.append(_shows(await makassar.say(text)))
        await makassar.say("/batal")
        for data in ("menu", "about", "contacts", "venues", "cr:-"):
            seen.append(_shows(await makassar.press(data)))
    seen.append(_shows(makassar.standin.calls_to("setMyCommands")))
    everything = "\n".join(seen)
    assert "Makassar" in everything  # the data's own names are there
    for word in ("Citynet", "Kupang", "Sidoarjo", "city tour", "City tour", "/citytour"):
        assert word not in everything, word


def _user_facing_strings(path: Path) -> list[tuple[int, str]]:
    """String constants in a module, docstrings excepted (they explain, with examples)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_code_and_catalogs_never_name_the_shipped_event() -> None:
    found: list[str] = []
    for folder in ("bot", "handlers"):
        for path in sorted((CHECKOUT_ROOT / folder).rglob("*.py")):
            if path in NOT_USER_FACING or NOT_USER_FACING_DIRS & set(path.parents):
                continue
            for line, value in _user_facing_strings(path):
                if SHIPPED_NOUNS.search(PROJECT_NAME.sub("", value)):
                    found.append(f"{path.relative_to(CHECKOUT_ROOT)}:{line}: {value!r}")
    for lang in ("id", "en"):
        with LOCALES_DIR.joinpath(lang, "LC_MESSAGES", "citynet.po").open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            if not message.id:
                continue  # the header
            for text in (message.id, message.string):
                for part in text if isinstance(text, tuple | list) else (text,):
                    if part and SHIPPED_NOUNS.search(PROJECT_NAME.sub("", part)):
                        found.append(f"locales/{lang}: {part!r}")
    assert found == []


async def test_register_rsvp_agenda_and_reminder(tmp_path: Path) -> None:
    for path in EVENT_FILES:
        event = load_event(path)
        talk = next(s for s in event.sessions[1:] if s.kind.value in ("plenary", "session"))
        venue = event.venues[talk.venue_id]
        bot = Harness(event, talk.start - timedelta(hours=1), tmp_path / f"{event.id}.db")
        await bot.start()
        try:
            region = event.regions[0]
            await bot.register(instansi=region)
            profile = await bot.repo.get_profile(USER)  # type: ignore[union-attr]
            assert profile is not None and profile.region == region, path
            calls = await bot.press(f"r:{talk.id}")
            assert "Anda hadir" in next(c.params["text"] for c in calls
                                        if c.method == "answerCallbackQuery")
            agenda = _shows(await bot.say("/agendaku"))
            assert talk.title.id in agenda
            bot.clock.set(talk.start - timedelta(minutes=15))
            reminders = [text_of(c) for c in await bot.tick() if c.method == "sendMessage"]
            assert [r for r in reminders if talk.title.id in r and venue.name in r], reminders
            contacts = _shows(await bot.say("/kontak"))
            assert all(c.region in contacts for c in event.contacts if c.region)
        finally:
            await bot.stop()


async def test_command_menu_follows_a_reloaded_file(tmp_path: Path) -> None:
    data = tmp_path / "event.toml"
    data.write_text(MAKASSAR_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    event = load_event(data)
    bot = Harness(event, _during(event), tmp_path / "bot.db")
    services = bot.app.bot_data.services
    services.settings = replace(services.settings, admins=frozenset({USER}), event_file=data)
    await bot.start()
    try:
        def listed(calls: list) -> set[str]:
            return {c["command"] for call in calls if call.method == "setMyCommands"
                    for c in call.params["commands"]}

        assert "info" not in listed(bot.standin.calls)
        # Delegates who chose a language have a menu of their own chat, which hides the
        # default ones: it must follow too (and a chat that blocked the bot is skipped).
        english, indonesian, gone = 5001, 5002, 5003
        for user, lang in ((english, "en"), (indonesian, "id"), (gone, "en")):
            await bot.say(f"/bahasa {lang}", user_id=user, chat_id=user)
        bot.standin.fault = lambda call: (
            blocked_by_user() if call.method == "setMyCommands"
            and call.params.get("scope", {}).get("chat_id") == gone else None)
        with data.open("a", encoding="utf-8") as fh:
            fh.write('\n[[faq]]\nid = "wifi"\nquestion = "Ada Wi-Fi?"\n'
                     'answer = "Ada, sandinya di meja registrasi."\nkeywords = ["wifi"]\n')
        calls = await bot.say("/muatulang")
        confirm = next(d for _, d in buttons(calls[-1]) if d.startswith("ol:"))
        mark = len(bot.standin.calls)
        calls = await bot.press(confirm, faults_expected=True)  # the blocked chat's refusal
        assert {"info", "faq"} <= listed(calls)
        # The chats' menus are set in the background: the organizer's answer does not wait.
        for task in [t for t in asyncio.all_tasks() if t.get_name() == "chat-menus"]:
            await task
        bot._check(bot.standin.calls, faults_expected=True)
        assert "/info" in _shows(await bot.say("/bantuan"))
    finally:
        await bot.stop()
    per_chat = {call.params["scope"]["chat_id"]: {c["command"] for c in call.params["commands"]}
                for call in bot.standin.calls[mark:]
                if call.method == "setMyCommands" and call.ok
                and call.params.get("scope", {}).get("type") == "chat"}
    assert "faq" in per_chat[english] and "info" not in per_chat[english]
    assert "info" in per_chat[indonesian]
    assert gone not in per_chat


async def test_first_faq_saved_from_an_answer_brings_info_into_the_menu(tmp_path: Path) -> None:
    """Tanya panitia on an event without FAQ: the saved answer is its first entry."""
    organizer = 7001
    data = tmp_path / "event.toml"
    data.write_text(MAKASSAR_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    event = load_event(data)
    bot = Harness(event, _during(event), tmp_path / "bot.db")
    services = bot.app.bot_data.services
    services.settings = replace(services.settings, admins=frozenset({organizer}),
                                event_file=data)
    await bot.start()
    try:
        def listed(calls: list) -> set[str]:
            return {c["command"] for call in calls if call.method == "setMyCommands"
                    for c in call.params["commands"]}

        assert "info" not in listed(bot.standin.calls)
        await bot.say("/start", user_id=organizer, first_name="Panitia")
        calls = await bot.say("Apakah peserta dapat uang harian?")
        ask = next(d for call in calls for _, d in buttons(call) if d.startswith("qa:"))
        calls = await bot.press(ask)
        relayed = next(c for c in calls if c.method == "sendMessage"
                       and c.params.get("chat_id") == organizer)
        assert isinstance(relayed.result, dict)
        mine = bot.standin.message(organizer, int(relayed.result["message_id"]))
        calls = await bot.say("Tidak ada uang harian.", user_id=organizer, reply_to=mine)
        save = next(d for call in calls for _, d in buttons(call) if d.startswith("qs:"))
        calls = await bot.press(save, user_id=organizer, chat_id=organizer)
        assert services.event.has_faq
        assert {"info", "faq"} <= listed(calls)
    finally:
        await bot.stop()
