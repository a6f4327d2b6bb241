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

import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram.ext import CommandHandler, ConversationHandler

from bot import callbacks as cb
from bot import commands, render_organizer
from bot.config import DEFAULT_EVENT_FILE
from bot.loader import EventDataError, load_event
from bot.model import Event
from bot.standin import ApiCall
from bot.storage import Repo
from tests.conftest import KEYNOTE_TIME
from tests.harness import USER, Harness

STRANGER = 5555  # never an organizer, never registered
SETTINGS = settings(
    max_examples=40,
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


# -- the application, one per example ------------------------------------------------------
@dataclass
class Probe:
    """A running bot plus what its error handler saw."""

    bot: Harness
    errors: list[BaseException]
    data_file: Path

    @property
    def repo(self) -> Repo:
        repo = self.bot.app.bot_data.services.repo
        assert repo is not None
        return repo

    async def send(self, update: dict[str, Any]) -> list[ApiCall]:
        calls = await self.bot.send(update)
        assert not self.errors, f"{update!r} raised {self.errors[0]!r}"
        group = self.bot.updates.group_chat_id
        for call in calls:
            if call.params.get("chat_id") == group:
                shown = str(call.params)
                leaked = [d for d in DETAILS if d in shown]
                assert not leaked, f"{call.method} to the group shows {leaked}"
        return calls

    async def say(self, text: str, *, user_id: int = USER, group: bool = False) -> list[ApiCall]:
        chat = {"chat_type": "supergroup", "chat_id": self.bot.updates.group_chat_id} if (
            group) else {}
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
    *(c.id for c in EVENT.contacts), *(b.id for b in EVENT.tour.buses if EVENT.tour),
    "undang", "invite", "cabut", "revoke", "pindah", "move", "pemimpin", "leader", "tempat",
    "venue", "kontak", "org_", "org_AAAA", "en", "id", "sidoarjo", "kupang", "kab.",
    "14.30", "9:05", "24.00", "23.59", "2019-10-17", "9999-12-31", "0001-01-01", "2019-02-30",
    "0", "1", "4242", "5555", "-1", "²", "١٢", "99999999999999999999999", str(2**63),
    "<b>", "</i>", "&amp;", "&", "<script>", "\"", "'", "*", "_", "`", "🙂", "\u200b",
})
word = st.sampled_from(WORDS)
free_word = st.text(min_size=1, max_size=12).filter(lambda s: not s.isspace())
arguments = st.lists(st.one_of(word, word, free_word), max_size=4).map(" ".join)

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
    *(c.id for c in EVENT.contacts), *(b.id for b in EVENT.tour.buses if EVENT.tour),
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


callback_data = st.one_of(
    real_data, real_data, mutated(real_data), st.text(min_size=1, max_size=64),
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


@SETTINGS
@given(steps=st.lists(st.tuples(st.sampled_from(COMMANDS), arguments, st.booleans()),
                      min_size=1, max_size=4))
async def test_organizer_commands_never_write_the_data_file(
    steps: list[tuple[str, str, bool]],
) -> None:
    """Commands only preview: the file changes only after a confirmation button."""
    async with running(organizer=True) as probe:
        tables = ("rsvps", "profiles", "deliveries", "tour_checkins", "outbox")
        before, data = await probe.snapshot(tables), probe.data_file.read_bytes()
        event = probe.bot.app.bot_data.services.event
        for name, args, group in steps:
            await probe.say(f"/{name} {args}".rstrip(), group=group)
        assert probe.data_file.read_bytes() == data
        assert probe.bot.app.bot_data.services.event is event
        assert await probe.snapshot(tables) == before


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
async def test_registered_delegates_buttons_touch_only_their_own_rows(presses: list[str]) -> None:
    async with running() as probe:
        await probe.bot.register(user_id=STRANGER)
        organizer_tables = ("organizers", "invites", "linked_chats", "announcements", "outbox",
                            "tour_buses", "bus_leaders")
        before = await probe.snapshot(organizer_tables)
        for pressed in presses:
            await probe.press(pressed, user_id=STRANGER)
        assert await probe.snapshot(organizer_tables) == before
        owners = {row[0] for row in await probe.repo.fetchall(
            "SELECT user_id FROM rsvps UNION SELECT user_id FROM deliveries "
            "UNION SELECT user_id FROM profiles")}
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


@st.composite
def mangled_toml(draw: st.DrawFn) -> bytes:
    lines = SHIPPED.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["value", "value", "value", "delete", "duplicate", "swap",
                                    "insert", "cut"]))
        if how == "value" and " = " in lines[at] and not lines[at].startswith("#"):
            key = lines[at].split(" = ", 1)[0]
            lines[at] = f"{key} = {draw(st.sampled_from(TOML_VALUES))}\n"
        elif how == "delete":
            del lines[at]
        elif how == "duplicate":
            lines.insert(at, lines[at])
        elif how == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif how == "insert":
            lines.insert(at, draw(st.text(max_size=40)) + "\n")
        elif how == "cut":
            lines = lines[:at]
    data = "".join(lines).encode()
    if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b"\xff\xfe" + data[at:]
    return data


@settings(max_examples=150, deadline=None)
@given(content=mangled_toml())
def test_any_data_file_loads_or_names_its_problems(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "event.toml"
        path.write_bytes(content)
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
    try:
        load_event(path)
    except EventDataError as exc:
        assert [p.place for p in exc.problems] == ["event.timezone"]
    else:
        raise AssertionError("a folder is not a time zone")


_: Callable[..., object] = given  # keep the import explicit for readers of the strategies
