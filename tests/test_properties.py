"""Property tests: whatever people type, press or put in a data file, the bot holds up.

Each example gets a fresh application over the in-process stand-in (starting one costs a few
milliseconds), so examples never share state and a failure replays exactly. Every property
also relies on `Harness`: each Bot API call is checked against the Bot API spec and must be
accepted by the stand-in (which parses HTML as Telegram does).

- No exception reaches PTB's error handler (the user would get an apology instead of an
  answer), and every private message and every button press gets an answer.
- Contact details from the data file never go to a group chat.
- Nothing is written that should not be: a non-organizer's commands and presses leave the
  organizer, delegate and tour tables and the data file as they were; an unregistered user's
  presses create no RSVP; an organizer's commands alone never rewrite the data file.
- A data file, however mangled, either loads or raises `EventDataError` naming the file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from telegram.ext import CommandHandler, ConversationHandler

from bot import callbacks as cb
from bot import commands, render_organizer
from bot.config import DEFAULT_EVENT_FILE
from bot.dispatch import Router
from bot.loader import EventDataError, load_event
from bot.model import Event
from bot.offline.protocol import ApiCall
from bot.storage import Repo
from tests.apispec import check_call
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness

STRANGER = 5555  # never an organizer, never registered
#: Examples per property; `PROPERTY_EXAMPLES=1000 pytest tests/test_properties.py` digs deeper.
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
#: Tables only organizers (or a delegate's own registration steps) may change.
PROTECTED = ("organizers", "invites", "audit", "linked_chats", "announcements", "outbox",
             "tour_buses", "bus_leaders", "tour_checkins", "rsvps", "profiles", "deliveries")
#: What the bot shows: a reply in the chat, or an answer to a pressed button.
ANSWERS = ("sendMessage", "editMessageText", "sendVenue", "sendContact", "sendDocument",
           "sendPhoto", "editMessageReplyMarkup")

EVENT = load_event(DEFAULT_EVENT_FILE)
SHIPPED = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")


def contact_details(event: Event) -> list[str]:
    """Every phone number and e-mail address the data file holds."""
    found = [c.phone for c in event.contacts] + [c.email for c in event.contacts if c.email]
    if event.tour is not None:
        found += [bus.leader_phone for bus in event.tour.buses]
    return found


DETAILS = contact_details(EVENT)
BUSES = [bus.id for bus in EVENT.tour.buses] if EVENT.tour else []


# -- the application, one per example ------------------------------------------------------
@dataclass
class Probe:
    """A running bot plus what its error handler saw."""

    bot: Harness
    errors: list[BaseException]
    data_file: Path

    @property
    def repo(self) -> Repo:
        repo = self.bot.repo
        return repo

    async def send(self, update: dict[str, Any]) -> list[ApiCall]:
        """`Harness.send`, except that Telegram's "message is not modified" (a button pressed
        twice) is an accepted answer: the bot expects it and ignores it (handlers.common)."""
        bot = self.bot
        mark = len(bot.standin.calls)
        await bot.app.process_update(bot.updates.to_update(update))
        calls = bot.standin.calls[mark:]
        bot.checked = len(bot.standin.calls)
        for call in calls:
            problems = check_call(call.method, call.params)
            assert not problems, f"{call.method} breaks the Bot API spec: {problems}"
            assert call.ok or "message is not modified" in (call.error or ""), (
                f"{call.method} was rejected by the stand-in: {call.error}")
        assert not self.errors, f"{update!r} raised {self.errors[0]!r}"
        group = self.bot.updates.group_chat_id
        for call in calls:
            if call.params.get("chat_id") == group:
                shown = str(call.params)
                leaked = [d for d in DETAILS if d in shown]
                assert not leaked, f"{call.method} to the group shows {leaked}"
        return calls

    async def say(self, text: str, *, user_id: int = USER, group: bool = False) -> list[ApiCall]:
        chat: dict[str, Any] = {"chat_type": "supergroup",
                                "chat_id": self.bot.updates.group_chat_id} if group else {}
        if text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            update = self.bot.updates.command(name, args, user_id=user_id, **chat)
        else:
            update = self.bot.updates.message(text, user_id=user_id, **chat)
        calls = await self.send(update)
        if not group:
            assert any(c.method in ANSWERS and c.params.get("chat_id") == user_id
                       for c in calls), f"no answer to {text!r}: {[c.method for c in calls]}"
        return calls

    async def press(self, data: str, *, user_id: int = USER, group: bool = False) -> list[ApiCall]:
        chat_id = self.bot.updates.group_chat_id if group else user_id
        calls = await self.send(self.bot.updates.callback(data, user_id=user_id, chat_id=chat_id))
        assert any(c.method == "answerCallbackQuery" for c in calls), (
            f"button {data!r} left unanswered: {[c.method for c in calls]}")
        return calls

    async def snapshot(self, tables: Iterable[str] = PROTECTED) -> dict[str, list[tuple[Any, ...]]]:
        return {
            table: [tuple(row) for row in await self.repo.fetchall(
                f"SELECT * FROM {table} ORDER BY 1")]
            for table in tables
        }


@asynccontextmanager
async def running(organizer: bool = False) -> AsyncIterator[Probe]:
    """A fresh bot (USER an organizer if asked) with its own copy of the data file."""
    with tempfile.TemporaryDirectory() as folder:
        data_file = Path(folder) / "event.toml"
        shutil.copy(DEFAULT_EVENT_FILE, data_file)
        bot = Harness(load_event(data_file), KEYNOTE_TIME,
                      admins=frozenset({USER}) if organizer else frozenset())
        services = bot.app.bot_data.services
        services.settings = replace(services.settings, event_file=data_file)
        errors: list[BaseException] = []

        async def record(update: object, context: Any) -> None:
            errors.append(context.error)

        bot.app.add_error_handler(record)
        await bot.start()
        try:
            yield Probe(bot, errors, data_file)
        finally:
            await bot.stop()


# -- strategies ----------------------------------------------------------------------------
def registered_commands() -> set[str]:
    """Every command name the application answers (conversations included)."""
    probe = Harness(EVENT, KEYNOTE_TIME)
    found: set[str] = set()

    def visit(handler: object) -> None:
        if isinstance(handler, CommandHandler):
            found.update(handler.commands)
        elif isinstance(handler, Router):
            for inner in handler.handlers:
                visit(inner)
        elif isinstance(handler, ConversationHandler):
            for inner in [*handler.entry_points, *handler.fallbacks,
                          *(h for hs in handler.states.values() for h in hs)]:
                visit(inner)

    for group in probe.app.handlers.values():
        for handler in group:
            visit(handler)
    return found


COMMANDS = sorted(registered_commands())
ORGANIZER_COMMANDS = sorted({"admin", "umumkan", "announce", "hubungkan", "link", "muatulang",
                             "reload", "ubah", "change", "statistik", "stats", "ekspor",
                             "export", "bus"})

#: Pieces arguments are made of: real ids, subcommands, numbers of every awkward kind.
WORDS = sorted({
    *(s.id for s in EVENT.sessions), *EVENT.venues, *EVENT.speakers,
    *(c.id for c in EVENT.contacts), *BUSES,
    "undang", "invite", "cabut", "revoke", "pindah", "move", "pemimpin", "leader", "tempat",
    "venue", "kontak", "org_", "org_AAAA", "en", "id", "sidoarjo", "kupang", "kab.",
    "14.30", "9:05", "24.00", "23.59", "2019-10-17", "9999-12-31", "0001-01-01", "2019-02-30",
    "4242", "5555", "<b>", "</i>", "&amp;", "&", "<script>", "\"", "'", "*", "_", "`", "🙂",
    "\u200b",
})
#: Numbers as ids, indexes, minutes and Unix times: digits `int` refuses ("²"), other
#: scripts' digits, and values beyond SQLite's 64-bit integers or datetime's years.
NUMBERS = ["0", "1", "15", "6001", "-1", "²", "١٢", "٣", str(2**63), "9" * 23, "-" + "9" * 14,
           "1571212800", "253402300800"]
word = st.sampled_from(WORDS)
number = st.sampled_from(NUMBERS)
free_word = st.text(min_size=1, max_size=12).filter(lambda s: not s.isspace())
arguments = st.lists(st.one_of(word, word, number, free_word), max_size=4).map(" ".join)

#: Text people type: everyday questions mixed with markup, emoji, unicode and sheer length.
PHRASES = ["jadwal besok", "kpn city tour?", "dmn tempat jumpa pers", "kontak sidoarjo",
           "siapa pembicara keynote", "acara jam 2 siang hari kedua apa?", "pengumuman",
           "<b>tebal</b>", "a & b", "<script>alert(1)</script>", "&lt;", "@citynet_bot",
           "jam ² besok", "tanggal ١٢ oktober", "makasih"]
free_text = st.one_of(
    st.lists(st.one_of(st.sampled_from(PHRASES), free_word), min_size=1, max_size=6).map(
        " ".join),
    st.text(min_size=1, max_size=300),
    st.text(st.sampled_from("<>&\"'/ab 1\n"), min_size=1, max_size=60),
    st.integers(400, 4096).map(lambda n: ("jadwal <b>&" * 500)[:n]),
).filter(lambda s: s.strip() != "" and not s.startswith("/"))

#: Button data the bot really sends, then bent out of shape.
ACTIONS = sorted({
    value for name, value in vars(cb).items()
    if name.isupper() and isinstance(value, str) and name not in ("NETWORK", "ALL")
} | {value for name, value in vars(render_organizer).items()
     if name.isupper() and isinstance(value, str) and len(value) == 2 and value[0] == "o"})
ARGS = sorted({
    "", *(s.id for s in EVENT.sessions), *EVENT.venues, *EVENT.speakers, *EVENT.regions,
    *(c.id for c in EVENT.contacts), *BUSES,
    *(d.isoformat() for d in EVENT.days), "_event", "*", "-", "0", "1", "15", "60",
    "1:all", "1:tour", "1:s:keynote", "1:r:0", "1:sess", "1:reg", "1:menu", "id", "en",
    "delegasi", "media", "keynote:1571198400", "keynote:t:1571198400", "keynote:v:suba-suka",
    "bus-1:wait", "*:go", "²", "99999999999999999999999", "-99999999999999",
})


def fits(data: str) -> bool:
    return 1 <= len(data.encode()) <= cb.MAX_BYTES


real_data = st.builds(lambda a, b: f"{a}:{b}" if b else a, st.sampled_from(ACTIONS),
                      st.sampled_from(ARGS))


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    data = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.text(min_size=0, max_size=4))
        how = draw(st.sampled_from(["insert", "delete", "replace", "cut"]))
        if how == "insert":
            data = data[:at] + piece + data[at:]
        elif how == "delete":
            data = data[:at] + data[at + 1:]
        elif how == "replace":
            data = data[:at] + piece + data[at + len(piece):]
        else:
            data = data[:at]
    return data


#: Every button that carries a number (an announcement, an index, minutes, a Unix time).
NUMERIC_BUTTONS = ["or:{n}", "ou:{n}", "os:{n}", "ox:{n}", "op:{n}", "oa:{n}:all",
                   "oa:1:r:{n}", "om:keynote:{n}", "oy:keynote:t:{n}", "pgl:{n}", "rgi:{n}",
                   "r:{n}", "trc:{n}", "tsay:{n}:go", "tm:bus-1:{n}", "tu:bus-1:{n}"]
numeric_data = st.builds(lambda shape, n: shape.format(n=n), st.sampled_from(NUMERIC_BUTTONS),
                         number)

callback_data = st.one_of(
    real_data, numeric_data, mutated(real_data), st.text(min_size=1, max_size=64),
).filter(fits)


# -- free text -----------------------------------------------------------------------------
@SETTINGS
@given(texts=st.lists(free_text, min_size=1, max_size=3), group=st.booleans())
async def test_any_text_gets_an_answer_and_breaks_nothing(texts: list[str], group: bool) -> None:
    async with running() as probe:
        before = await probe.snapshot()
        for text in texts:
            # In a group only mentions are for the bot; the property holds for both.
            await probe.say(f"@citynet_bot {text}" if group else text, group=group)
        assert await probe.snapshot() == before


# -- commands ------------------------------------------------------------------------------
def test_every_menu_command_is_registered() -> None:
    """The command list the properties draw from is the application's own (not a copy)."""
    menu = {name for c in vars(commands).values() if isinstance(c, commands.Command)
            for name in commands.names(c)}
    assert menu <= set(COMMANDS)
    assert set(ORGANIZER_COMMANDS) <= set(COMMANDS)


@SETTINGS
@given(steps=st.lists(st.tuples(st.sampled_from(COMMANDS), arguments, st.booleans()),
                      min_size=1, max_size=4))
async def test_non_organizer_commands_change_nothing(steps: list[tuple[str, str, bool]]) -> None:
    async with running() as probe:
        before, data = await probe.snapshot(), probe.data_file.read_bytes()
        event = probe.bot.app.bot_data.services.event
        for name, args, group in steps:
            await probe.say(f"/{name} {args}".rstrip(), user_id=STRANGER, group=group)
        assert await probe.snapshot() == before
        assert probe.data_file.read_bytes() == data
        assert probe.bot.app.bot_data.services.event is event


@SETTINGS
@given(steps=st.lists(st.tuples(st.sampled_from(ORGANIZER_COMMANDS), arguments),
                      min_size=1, max_size=4))
async def test_organizer_only_commands_refuse_a_stranger(steps: list[tuple[str, str]]) -> None:
    """The organizer's own commands, aimed at with every kind of argument, refuse others."""
    async with running(organizer=True) as probe:
        before, data = await probe.snapshot(), probe.data_file.read_bytes()
        for name, args in steps:
            calls = await probe.say(f"/{name} {args}".rstrip(), user_id=STRANGER)
            texts = {c.params.get("text") for c in calls if c.method == "sendMessage"}
            assert texts == {"Maaf, fitur ini hanya untuk panitia."}, (name, args, texts)
        assert await probe.snapshot() == before
        assert probe.data_file.read_bytes() == data


#: Organizer commands in the shapes they parse, filled with awkward values.
ORGANIZER_FORMS = ["/admin cabut {n}", "/admin revoke {n}", "/bus pindah {n} bus-1",
                   "/bus move {n} {w}", "/bus pemimpin bus-2 {n}", "/ubah keynote {d} {t}",
                   "/ubah city-tour {d} {t}", "/change keynote {t}", "/ubah {w} tempat {w}",
                   "/start org_{w}"]
DAYS = ["2019-10-17", "9999-12-31", "0001-01-01", "2019-02-30", "2019-10-16"]
TIMES = ["14.30", "23.59", "00.00", "24.00", "9:05", "٠٩:٣٠", "7.5"]
organizer_form = st.builds(
    lambda form, n, w, d, t: form.format(n=n, w=w, d=d, t=t), st.sampled_from(ORGANIZER_FORMS),
    number, word, st.sampled_from(DAYS), st.sampled_from(TIMES))
any_command = st.builds(lambda name, args: f"/{name} {args}".rstrip(),
                        st.one_of(st.sampled_from(ORGANIZER_COMMANDS), st.sampled_from(COMMANDS)),
                        arguments)


@SETTINGS
@given(steps=st.lists(st.tuples(st.one_of(organizer_form, any_command), st.booleans()),
                      min_size=1, max_size=4))
async def test_organizer_commands_never_write_the_data_file(steps: list[tuple[str, bool]]) -> None:
    """Commands only preview: the file changes only after a confirmation button."""
    async with running(organizer=True) as probe:
        await on_tour(probe, STRANGER)  # someone to move between buses
        tables = ("rsvps", "profiles", "deliveries", "tour_checkins", "outbox")
        before, data = await probe.snapshot(tables), probe.data_file.read_bytes()
        event = probe.bot.app.bot_data.services.event
        for text, group in steps:
            await probe.say(text, group=group)
        assert probe.data_file.read_bytes() == data
        assert probe.bot.app.bot_data.services.event is event
        assert await probe.snapshot(tables) == before


async def on_tour(probe: Probe, user_id: int) -> None:
    await probe.repo.touch_user(user_id, "Sari", None)
    await probe.repo.save_profile(user_id, "Sari", "Kota Kupang", "Kota Kupang", "delegasi")
    await probe.repo.rsvp(user_id, "city-tour", 120)


# -- buttons -------------------------------------------------------------------------------
@SETTINGS
@given(presses=st.lists(st.tuples(callback_data, st.booleans()), min_size=1, max_size=5))
async def test_unregistered_users_buttons_create_nothing(
    presses: list[tuple[str, bool]],
) -> None:
    async with running() as probe:
        before, data = await probe.snapshot(), probe.data_file.read_bytes()
        for pressed, group in presses:
            await probe.press(pressed, user_id=STRANGER, group=group)
        assert await probe.snapshot() == before
        assert await probe.repo.all_rsvps() == []
        assert probe.data_file.read_bytes() == data


@SETTINGS
@given(presses=st.lists(callback_data, min_size=1, max_size=5))
@example(presses=["r:city-tour"])  # found by chance once: a tour RSVP writes a bus seat
async def test_registered_delegates_buttons_touch_only_their_own_rows(presses: list[str]) -> None:
    async with running() as probe:
        await probe.bot.register(user_id=STRANGER)
        organizer_tables = ("organizers", "invites", "linked_chats", "announcements", "outbox",
                            "bus_leaders")
        # A tour RSVP seats the delegate on a bus at once: their own row of tour_buses. Nobody
        # else's seat may change.
        others_seats = "SELECT * FROM tour_buses WHERE user_id != ? ORDER BY 1"
        before = await probe.snapshot(organizer_tables)
        seats_before = [tuple(r) for r in await probe.repo.fetchall(others_seats, (STRANGER,))]
        for pressed in presses:
            await probe.press(pressed, user_id=STRANGER)
        assert await probe.snapshot(organizer_tables) == before
        assert [tuple(r) for r in await probe.repo.fetchall(others_seats, (STRANGER,))] \
            == seats_before
        owners = {row[0] for row in await probe.repo.fetchall(
            "SELECT user_id FROM rsvps UNION SELECT user_id FROM deliveries "
            "UNION SELECT user_id FROM profiles UNION SELECT user_id FROM tour_buses")}
        assert owners <= {STRANGER}


@SETTINGS
@given(presses=st.lists(st.tuples(callback_data, st.booleans()), min_size=1, max_size=5))
async def test_organizer_buttons_keep_the_data_file_valid(presses: list[tuple[str, bool]]) -> None:
    async with running(organizer=True) as probe:
        await probe.say("/umumkan")
        await probe.say("Rapat <panitia> & bus jam 07.30")  # draft 1, for the "o…" buttons
        for pressed, group in presses:
            await probe.press(pressed, group=group)
        load_event(probe.data_file)  # whatever was applied, the file still loads


# -- data files ----------------------------------------------------------------------------
#: Values that have tripped loaders before: wrong types, empty, huge, odd zones and times.
TOML_VALUES = [
    '""', '"   "', '"Asia"', '"Asia/Makassar"', '"UTC"', '"../etc"', '"x"', '"<b>&</b>"',
    "0", "-1", "99999999999999999999", "1.5", "nan", "inf", "-inf", "true", "[]", "[1, 2]",
    '["a", 1]', "{}", '{ a = 1 }', "2019-10-16", "2019-10-16T09:30:00", "09:30:00",
    "2019-10-16T09:30:00+08:00", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00Z",
    '"' + "x" * 300 + '"',
]


#: One edit of the shipped file: (how, line, other line, text). The test applies the edits
#: itself, so Hypothesis reports a few short edits, not a 30 kB document.
Edit = tuple[str, int, int, str]
LINE = st.integers(0, 10_000)  # taken modulo the number of lines
edit = st.one_of(
    st.tuples(st.just("value"), LINE, st.just(0), st.sampled_from(TOML_VALUES)),
    st.tuples(st.sampled_from(["delete", "duplicate", "swap", "cut"]), LINE, LINE, st.just("")),
    st.tuples(st.just("insert"), LINE, st.just(0), st.text(max_size=40)),
    st.tuples(st.just("bytes"), LINE, st.just(0), st.just("")),
)


def mangle(edits: list[Edit]) -> bytes:
    lines = [line.encode() for line in SHIPPED.splitlines(keepends=True)]
    for how, at, other, text in edits:
        if not lines:
            break
        at, other = at % len(lines), other % len(lines)
        if how == "value" and b" = " in lines[at] and not lines[at].startswith(b"#"):
            key = lines[at].split(b" = ", 1)[0]
            lines[at] = key + f" = {text}\n".encode()
        elif how == "delete":
            del lines[at]
        elif how == "duplicate":
            lines.insert(at, lines[at])
        elif how == "swap":
            lines[at], lines[other] = lines[other], lines[at]
        elif how == "insert":
            lines.insert(at, text.encode() + b"\n")
        elif how == "cut":
            lines = lines[:at]
        elif how == "bytes":  # not UTF-8
            lines[at] = lines[at][:3] + b"\xff\xfe" + lines[at][3:]
    return b"".join(lines)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(edits=st.lists(edit, min_size=1, max_size=4))
def test_any_data_file_loads_or_names_its_problems(edits: list[Edit]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "event.toml"
        path.write_bytes(mangle(edits))
        try:
            loaded = load_event(path)
        except EventDataError as exc:
            assert exc.path == path and exc.problems
            assert all(line.startswith(f"{path}") or line.startswith(f"  {path}")
                       for line in str(exc).splitlines())
        else:
            assert loaded.sessions  # a file that loads has a programme


def test_a_zone_directory_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """`timezone = "Asia"` names a folder of the zone database: reported like any bad zone
    (zoneinfo raises IsADirectoryError for it, which the loader did not expect)."""
    path = tmp_path / "event.toml"
    path.write_text(SHIPPED.replace('timezone = "Asia/Makassar"', 'timezone = "Asia"'),
                    encoding="utf-8")
    with pytest.raises(EventDataError) as caught:
        load_event(path)
    assert [p.place for p in caught.value.problems] == ["event.timezone"]

