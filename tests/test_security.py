"""Security and privacy through the real application (see SECURITY.md).

- Contact details from the data file (phones, e-mail addresses, bus leaders' numbers) never go
  to a group chat, whatever asks for them; contact cards go only to the chat that asked.
- Organizer invites are single-use, expire after 24 hours, come from `secrets` and are long
  enough not to be guessed; only their hash is stored.
- Organizer commands and buttons from anyone else are refused and change nothing.
- Text from users and from the data file is HTML-escaped in every message.

The webhook's secret token is tested in tests/test_service.py
(`test_webhook_rejects_requests_without_the_secret`).
"""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import DEFAULT_EVENT_FILE
from bot.features import organizers as organizer
from bot.loader import load_event
from bot.model import Event
from bot.offline.protocol import ApiCall
from bot.storage import Repo
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness, buttons, text_of

STRANGER = 5555
LEADER = 6100  # a delegate made bus leader of bus-1
REFUSAL = "Maaf, fitur ini hanya untuk panitia."
#: What the stand-in would show the user, for every kind of message.
SHOWN = ("sendMessage", "editMessageText", "sendVenue", "sendContact", "sendDocument",
         "answerCallbackQuery")


def texts(calls: list[ApiCall]) -> list[str]:
    return [text_of(c) for c in calls if c.method in ("sendMessage", "editMessageText")]


def contact_details(event: Event) -> list[str]:
    details = [c.phone for c in event.contacts] + [c.email for c in event.contacts if c.email]
    assert event.tour is not None
    return details + [bus.leader_phone for bus in event.tour.buses]


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


async def snapshot(repo: Repo) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but `users` (which records that someone wrote, by design)."""
    tables = [row[0] for row in await repo.fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'users'")]
    return {t: [tuple(r) for r in await repo.fetchall(f"SELECT * FROM {t} ORDER BY 1")]
            for t in tables}


@pytest.fixture
async def org(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    """USER is an organizer (BOT_ADMINS); the data file is a copy the bot may rewrite."""
    data = tmp_path / "event.toml"
    shutil.copy(DEFAULT_EVENT_FILE, data)
    bot = Harness(load_event(data), KEYNOTE_TIME, tmp_path / "bot.db",
                  admins=frozenset({USER}))
    services = bot.app.bot_data.services
    services.settings = replace(services.settings, event_file=data)
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


async def on_tour(bot: Harness, user_id: int, name: str, bus: str = "bus-1") -> None:
    repo = bot.repo
    await repo.touch_user(user_id, name, None)
    await repo.save_profile(user_id, name, "Kota Kupang", "Kota Kupang", "delegasi")
    await repo.rsvp(user_id, "city-tour", 120)
    await repo.assign_bus(user_id, bus, None)


# -- contact details -----------------------------------------------------------------------
async def test_contact_details_never_reach_a_group(org: Harness) -> None:
    """Every way of asking, in a group: commands, buttons, mentions, replies, edits, deep
    links, the city tour (whose bus line carries the leader's number) and the roll call."""
    event = org.app.bot_data.services.event
    group = org.updates.group_chat_id
    in_group: dict[str, Any] = {"chat_id": group, "chat_type": "supergroup"}
    await on_tour(org, USER, "Budi")
    await on_tour(org, STRANGER, "Sari")
    await org.repo.set_phone(STRANGER, "+62 813-9999-0001")  # a delegate's own number
    bot_reply = {"message_id": 1, "date": 0, "chat": {"id": group, "type": "supergroup"},
                 "from": {"id": 1000, "is_bot": True, "first_name": "Citynet Bot",
                          "username": "citynet_bot"}, "text": "…"}

    calls: list[ApiCall] = []
    for text in ("/kontak", "/kontak sidoarjo", "/contacts kupang", "/kontak panitia",
                 "/start kontak", "/citytour", "/tour", "/bus", "/tentang", "/pembicara"):
        calls += await org.say(text, **in_group)
        calls += await org.say(text, user_id=STRANGER, **in_group)
    for text in ("@citynet_bot minta kontak panitia sidoarjo", "@citynet_bot nomor sekretariat",
                 "@citynet_bot kpn city tour?", "@citynet_bot email panitia kupang"):
        calls += await org.say(text, **in_group)
    calls += await org.send(org.updates.message("kontak sidoarjo dong", reply_to=bot_reply,
                                                **in_group))
    calls += await org.send(org.updates.edited_message("@citynet_bot kontak bogor", 7,
                                                       **in_group))
    for data in ("cts", "cr:Kabupaten Sidoarjo", "cr:-", "card:sidoarjo", "card:sekretariat",
                 "tour", "trc:bus-1", "trc:bus-2", "s:city-tour"):
        calls += await org.press(data, chat_id=group)

    to_group = [c for c in calls if c.params.get("chat_id") == group]
    assert len(to_group) > 20  # the bot did answer there (with the private-chat button)
    details = [*contact_details(event), "+62 813-9999-0001"]
    for call in to_group:
        shown = str(call.params)
        assert not [d for d in details if d in shown or ("@" not in d and digits(d) in
                                                         digits(shown))], call
    assert not [c for c in calls if c.method == "sendContact"]
    refusals = [t for t in texts(to_group) if "chat pribadi" in t]
    assert refusals, "the group is pointed to a private chat"


async def test_contacts_go_only_to_the_private_chat_that_asked(bot: Harness,
                                                               event: Event) -> None:
    """By default (`contacts_for = "everyone"`) the data file's contacts are the committee's
    public role contacts, shown to anyone who asks in private."""
    sidoarjo = event.contact("sidoarjo")
    assert sidoarjo is not None
    calls = await bot.say("/kontak sidoarjo", user_id=STRANGER)
    assert await bot.repo.get_profile(STRANGER) is None  # not registered
    assert sidoarjo.phone in texts(calls)[0] and sidoarjo.email in texts(calls)[0]
    calls = await bot.press("card:sidoarjo", user_id=STRANGER)
    cards = [c for c in calls if c.method == "sendContact"]
    assert [c.params["chat_id"] for c in cards] == [STRANGER]
    assert cards[0].params["phone_number"] == sidoarjo.phone
    # Nobody else got anything.
    assert {c.params.get("chat_id", STRANGER) for c in bot.standin.calls
            if c.method in SHOWN} == {STRANGER}


async def test_contacts_restricted_to_registered_delegates(event: Event,
                                                         tmp_path: Path) -> None:
    """`contacts_for = "registered"`: an unregistered user gets no contact detail by any
    way of asking; after registering, the same questions answer."""
    data = tmp_path / "event.toml"
    text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
    data.write_text(text.replace('main_venue = "balai-kota"',
                                 'main_venue = "balai-kota"\ncontacts_for = "registered"', 1),
                    encoding="utf-8")
    restricted = load_event(data)
    assert restricted.contacts_registered_only
    sidoarjo = restricted.contact("sidoarjo")
    assert sidoarjo is not None
    bot = await Harness(restricted, KEYNOTE_TIME, tmp_path / "bot.db").start()
    try:
        asked = [await bot.say("/kontak sidoarjo", user_id=STRANGER),
                 await bot.say("/kontak", user_id=STRANGER),
                 await bot.say("minta kontak panitia sidoarjo", user_id=STRANGER),
                 # (each button under a fresh message: an identical edit is "not modified")
                 await bot.say("/tentang", user_id=STRANGER),
                 await bot.press("cr:Kabupaten Sidoarjo", user_id=STRANGER),
                 await bot.say("/tentang", user_id=STRANGER),
                 await bot.press("card:sidoarjo", user_id=STRANGER),
                 await bot.say("/start kontak", user_id=STRANGER)]
        for calls in asked:
            shown = str([c.params for c in calls])
            assert digits(sidoarjo.phone) not in digits(shown) and sidoarjo.email not in shown
            assert not [c for c in calls if c.method == "sendContact"]
        assert "peserta terdaftar" in texts(asked[0])[0]
        await bot.register(user_id=STRANGER, chat_id=STRANGER)
        calls = await bot.say("/kontak sidoarjo", user_id=STRANGER)
        assert sidoarjo.phone in texts(calls)[0]
    finally:
        await bot.stop()


async def test_roll_call_phone_numbers_only_for_the_bus_leader_and_organizers(
    org: Harness,
) -> None:
    await on_tour(org, STRANGER, "Sari")
    await org.repo.set_phone(STRANGER, "+62 813-9999-0001")
    await on_tour(org, LEADER, "Lina")
    await org.say(f"/bus pemimpin bus-1 {LEADER}")
    await on_tour(org, 6200, "Tono", bus="bus-2")  # leads nothing

    assert "+62 813-9999-0001" in texts(await org.press("trc:bus-1"))[0]  # organizer
    assert "+62 813-9999-0001" in texts(await org.say("/bus", user_id=LEADER))[0]  # leader
    for user_id in (STRANGER, 6200):
        calls = await org.press("trc:bus-1", user_id=user_id)
        assert [c.params.get("text") for c in calls] == [REFUSAL]
        assert texts(await org.say("/bus", user_id=user_id)) == [REFUSAL]
    # A leader sees their own bus only.
    calls = await org.press("trc:bus-2", user_id=LEADER)
    assert [c.params.get("text") for c in calls] == [REFUSAL]


# -- organizer invites ---------------------------------------------------------------------
def invite_code(calls: list[ApiCall]) -> str:
    text = texts(calls)[0]
    found = re.search(r"start=(\S+)", text)
    assert found is not None, text
    return found[1]


async def test_invites_are_unguessable_and_only_their_hash_is_kept(
    org: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[int] = []
    real = organizer.secrets.token_urlsafe

    def spy(nbytes: int | None = None) -> str:
        drawn.append(nbytes or 32)
        return real(nbytes)

    monkeypatch.setattr(organizer.secrets, "token_urlsafe", spy)
    codes = [invite_code(await org.say("/admin undang")) for _ in range(30)]
    assert drawn and min(drawn) >= 16  # at least 128 bits from the OS's CSPRNG
    assert len(set(codes)) == len(codes)
    for code in codes:
        secret = code.removeprefix(organizer.INVITE_PREFIX)
        assert re.fullmatch(r"[A-Za-z0-9_-]{24,}", secret), code
    # The database holds hashes, never the codes (a copied backup opens no door).
    rows = await org.repo.fetchall("SELECT * FROM invites")
    dump = " ".join(str(tuple(r)) for r in rows)
    assert len(rows) == 30 and not [c for c in codes if c in dump or c[4:] in dump]
    # A code of the right shape that was never issued is unknown.
    forged = organizer.INVITE_PREFIX + "A" * len(codes[0][4:])
    assert "tidak dikenal" in texts(await org.say(f"/start {forged}", user_id=STRANGER))[0]
    assert texts(await org.say("/admin", user_id=STRANGER)) == [REFUSAL]


async def test_an_invite_works_once_even_when_two_race_for_it(org: Harness) -> None:
    code = invite_code(await org.say("/admin undang"))
    await asyncio.gather(org.say(f"/start {code}", user_id=6001),
                         org.say(f"/start {code}", user_id=6002))
    invited = [o.user_id for o in await org.repo.invited_organizers()]
    assert len(invited) == 1 and invited[0] in (6001, 6002)
    late = texts(await org.say(f"/start {code}", user_id=6003))[0]
    assert "sudah dipakai" in late
    assert texts(await org.say("/statistik", user_id=6003)) == [REFUSAL]


async def test_an_invite_expires_after_24_hours(org: Harness) -> None:
    early = invite_code(await org.say("/admin undang"))
    late = invite_code(await org.say("/admin undang"))
    org.clock.set(KEYNOTE_TIME + timedelta(hours=23, minutes=59))
    assert "Selamat datang" in texts(await org.say(f"/start {early}", user_id=6001))[0]
    org.clock.set(KEYNOTE_TIME + timedelta(hours=24))
    assert "kedaluwarsa" in texts(await org.say(f"/start {late}", user_id=6002))[0]
    assert [o.user_id for o in await org.repo.invited_organizers()] == [6001]
    assert texts(await org.say("/admin", user_id=6002)) == [REFUSAL]


async def test_invites_are_neither_made_nor_redeemed_in_groups(org: Harness) -> None:
    group = {"chat_id": org.updates.group_chat_id, "chat_type": "supergroup"}
    calls = await org.say("/admin undang", **group)
    assert "start=" not in str([c.params for c in calls])
    assert await org.repo.fetchall("SELECT * FROM invites") == []
    code = invite_code(await org.say("/admin undang"))
    await org.say(f"/start {code}", user_id=6001, **group)  # read aloud in a group: unused
    assert await org.repo.invited_organizers() == []
    assert "Selamat datang" in texts(await org.say(f"/start {code}", user_id=6001))[0]


# -- organizer commands from anyone else ---------------------------------------------------
ORGANIZER_COMMANDS = [
    "/admin", "/admin undang", "/admin invite", f"/admin cabut {USER}", "/admin cabut 6001",
    "/umumkan", "/announce", "/hubungkan", "/link", "/muatulang", "/reload", "/ubah",
    "/ubah keynote 14.30", "/ubah keynote tempat suba-suka", "/change keynote 2019-10-17 08.00",
    "/statistik", "/stats", "/ekspor", "/export", "/bus pindah 6001 bus-2",
    "/bus pemimpin bus-2 6001", "/bus move 6001 bus-3",
]
ORGANIZER_BUTTONS = [
    "oa:1:all", "oa:1:tour", "ou:1", "os:1", "ox:1", "op:1", "ol:0123456789abcdef",
    "oe:keynote", "om:keynote:1571212800", "ov:keynote:suba-suka", "oy:keynote:t:1571212800",
    "oy:keynote:v:suba-suka", "oq", "oz", "tba", "tsay:*:go", "tsay:*:back", "tsay:bus-2:go",
    "trc:bus-2",
]


async def test_organizer_actions_by_others_are_refused_and_change_nothing(
    org: Harness,
) -> None:
    repo = org.repo
    await org.say("/umumkan")
    await org.say("Rapat panitia jam 19.00")  # draft 1
    code = invite_code(await org.say("/admin undang"))
    await org.say(f"/start {code}", user_id=6001)  # an invited organizer...
    await on_tour(org, 6001, "Ani")
    await org.say("/admin cabut 6001")  # ...whose role is revoked again
    await on_tour(org, STRANGER, "Sari")
    await on_tour(org, LEADER, "Lina")
    await org.say(f"/bus pemimpin bus-1 {LEADER}")  # a bus leader is not an organizer
    await org.register(user_id=6300)  # a registered delegate
    before = await snapshot(repo)
    data_file = org.app.bot_data.services.settings.event_file
    before_file, before_event = data_file.read_bytes(), org.app.bot_data.services.event
    mark = len(org.standin.calls)

    for user_id in (STRANGER, 6001, LEADER, 6300):
        for command in ORGANIZER_COMMANDS:
            calls = await org.say(command, user_id=user_id)
            if user_id == LEADER and command.startswith("/bus"):
                # A leader's /bus is their own roll call, whatever the arguments.
                assert "Absen Bus 1" in texts(calls)[0], command
                continue
            assert texts(calls) == [REFUSAL], (user_id, command)
        for data in ORGANIZER_BUTTONS:
            calls = await org.press(data, user_id=user_id)
            assert [c.params.get("text") for c in calls] == [REFUSAL], (user_id, data)

    assert await snapshot(repo) == before
    assert data_file.read_bytes() == before_file
    assert org.app.bot_data.services.event is before_event
    sent_to = {c.params.get("chat_id") for c in org.standin.calls[mark:] if c.method in SHOWN}
    assert sent_to <= {STRANGER, 6001, LEADER, 6300, None}  # None: callback answers


# -- HTML in user and data fields ----------------------------------------------------------
MARK = "<b>&amp;</b> & <i>x</i> <script>y</script> a<b"


def poisoned_event_file(tmp_path: Path) -> Path:
    """The shipped data file with markup in every kind of text field."""
    text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")

    def field(key: str, value: str) -> None:
        nonlocal text
        line = f'{key} = "{value}"'
        assert line in text, line
        text = text.replace(line, f'{key} = "{value} {MARK}"', 1)

    field("name", "Seminar dan Sharing Best Practice Citynet Indonesia 2019")
    field("theme", "Strategi Pengembangan Smart City")
    field("city", "Kota Kupang, Nusa Tenggara Timur")
    field("title", "Keynote: Strategi Pengembangan Smart City")
    field("name", "Rudiantara")
    field("position", "Menteri Komunikasi dan Informatika RI")
    field("name", "Kantor Wali Kota Kupang")
    field("name", "Bagian Kerja Sama Setda Kabupaten Sidoarjo")
    field("instansi", "Pemerintah Kabupaten Sidoarjo")
    field("name", "Taman Nostalgia Kota Kupang")
    field("leader", "Koordinator Bus 1 — Dinas Perhubungan Kota Kupang")
    text = text.replace('"Air minum"', f'"Air minum {MARK}"', 1)
    note = "Tempat utama seminar dan titik kumpul city tour."
    assert note in text
    text = text.replace(note, f"{note} {MARK}", 1)
    path = tmp_path / "poisoned.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_markup_in_data_file_fields_is_shown_literally(tmp_path: Path) -> None:
    event = load_event(poisoned_event_file(tmp_path))
    bot = Harness(event, KEYNOTE_TIME, tmp_path / "bot.db", admins=frozenset({USER}))
    bot.standin.strict_html = True  # a bare "&" left unescaped would be refused too
    await bot.start()
    try:
        await on_tour(bot, USER, "Budi")
        seen: list[ApiCall] = []
        for text in ("/start", "/jadwal", "/sekarang", "/hariini", "/pembicara", "/lokasi",
                     "/kontak sidoarjo", "/tentang", "/citytour", "/bus", "/agendaku",
                     "/rsvp", "/ubah keynote"):
            seen += await bot.say(text)
        for data in ("day:2019-10-16", "s:keynote", "spk:rudiantara", "v:balai-kota",
                     "pin:balai-kota", "cr:Kabupaten Sidoarjo", "card:sidoarjo", "tour",
                     "trc:bus-1", "s:city-tour", "r:keynote", "ag"):
            seen += await bot.press(data)
        shown = "\n".join(text_of(c) for c in seen if c.method in ("sendMessage",
                                                                    "editMessageText"))
        for value in ("Seminar dan Sharing Best Practice Citynet Indonesia 2019",
                      "Keynote: Strategi Pengembangan Smart City", "Rudiantara",
                      "Menteri Komunikasi dan Informatika RI", "Kantor Wali Kota Kupang",
                      "Bagian Kerja Sama Setda Kabupaten Sidoarjo",
                      "Pemerintah Kabupaten Sidoarjo", "Taman Nostalgia Kota Kupang",
                      "Koordinator Bus 1 — Dinas Perhubungan Kota Kupang", "Air minum",
                      "Tempat utama seminar dan titik kumpul city tour."):
            assert f"{value} {MARK}" in shown, value
        venue = next(c for c in seen if c.method == "sendVenue")
        assert venue.params["title"] == f"Kantor Wali Kota Kupang {MARK}"
        card = next(c for c in seen if c.method == "sendContact")
        assert card.params["first_name"].startswith("Bagian Kerja Sama")
    finally:
        await bot.stop()


async def test_markup_in_user_fields_is_shown_literally(org: Harness) -> None:
    org.standin.strict_html = True
    name = f"Budi {MARK}"[:100]
    instansi = f"Dinas {MARK}"[:100]
    await org.register(name=name, instansi=instansi)
    profile = texts(await org.say("/profil"))[0]
    assert name in profile and instansi in profile

    # Organizer screens show delegates' names and instansi, and Telegram first names.
    first = f"Ani {MARK}"
    code = invite_code(await org.say("/admin undang"))
    await org.say(f"/start {code}", user_id=6001, first_name=first)
    assert first in texts(await org.say("/admin"))[0]
    await org.repo.rsvp(USER, "city-tour", 120)
    await org.repo.assign_bus(USER, "bus-1", None)
    assert name in texts(await org.press("trc:bus-1"))[0]
    org.updates.group_title = f"Grup {MARK}"
    await org.say("/hubungkan", chat_id=org.updates.group_chat_id, chat_type="supergroup")
    assert f"Grup {MARK}" in texts(await org.say("/admin"))[0]

    # Text echoed back: questions, unknown commands, searches, session ids.
    assert MARK in texts(await org.say(f"qwerty {MARK}"))[0]
    assert MARK in texts(await org.say(f"/kontak {MARK}"))[0]
    assert "“<script>" in texts(await org.say("/ubah <script>"))[0]
    greeting = texts(await org.say("/start", first_name=first))[0]
    assert greeting.startswith(f"Halo, {first}!")
    # An announcement keeps the organizer's text as written (Telegram's entities aside).
    await org.say("/umumkan")
    calls = await org.say(f"Info {MARK}")
    draft = next(d for _, d in buttons(calls[-1]) if d.startswith("oa:"))
    assert f"Info {MARK}" in texts(await org.press(draft))[0]



# -- a delegate's own data -------------------------------------------------------------------
async def test_own_profile_and_agenda_are_never_shown_in_a_group(org: Harness) -> None:
    """/profil, /rsvp, /agendaku in a group: even the asker's own name, instansi and agenda
    stay out of the group; a button leads to the private chat."""
    group = org.updates.group_chat_id
    in_group: dict[str, Any] = {"chat_id": group, "chat_type": "supergroup"}
    await org.repo.touch_user(USER, "Budi", None)
    await org.repo.save_profile(USER, "Budi Rahasia", "Dinas Kominfo Kota Bogor", "Kota Bogor",
                                "delegasi")
    await org.repo.rsvp(USER, "keynote", None)
    calls: list[ApiCall] = []
    for text in ("/profil", "/rsvp", "/agendaku", "/myagenda"):
        calls += await org.say(text, **in_group)
    to_group = [c for c in calls if c.params.get("chat_id") == group]
    assert len(to_group) == 4
    for call in to_group:
        shown = str(call.params)
        # The name, the instansi, and the agenda (the keynote is the only session attended).
        for secret in ("Budi Rahasia", "Dinas Kominfo Kota Bogor", "Keynote"):
            assert secret not in shown, (call.method, shown)
    assert all("t.me/" in str(c.params.get("reply_markup")) for c in to_group)
    # In private the same commands still show them.
    assert "Budi Rahasia" in str([c.params for c in await org.say("/profil")])
