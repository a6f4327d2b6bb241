"""The offline front-end: the real application, one delegate, the stand-in Bot API.

`citynet-bot chat` reads lines from the terminal and prints replies as a delegate would read
them; `citynet-bot ask` answers one message (or one per stdin line, as JSON). Nothing here
talks to Telegram: the application's Bot API calls are answered by `bot.offline.botapi.StandIn`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bot import callbacks as cb
from bot import render, render_attendance
from bot.app import build_application, start_app, stop_app
from bot.clock import Clock
from bot.config import Settings, default_database_path
from bot.context import BotApplication
from bot.features import attendance
from bot.i18n import I18n
from bot.model import Event
from bot.offline.botapi import StandIn
from bot.offline.html import parse_html
from bot.offline.protocol import ApiCall
from bot.offline.updates import UpdateBuilder

USER_ID = 4242

#: Bot API methods whose effect a user sees; everything else (menus, chat actions) is silent.
VISIBLE = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "sendVenue",
        "sendLocation",
        "sendContact",
        "sendDocument",
        "sendPhoto",
        "answerCallbackQuery",
    }
)


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    message_id: int
    callback_data: str | None = None
    url: str | None = None


@dataclass
class Output:
    """What one Bot API call shows the user, as plain text plus its buttons."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)


def plain(text: str, parse_mode: str | None) -> str:
    if parse_mode == "HTML":
        return parse_html(text)[0]
    return text


def describe(call: ApiCall, t: Any, saved_to: dict[str, Path] | None = None) -> Output | None:
    """A visible Bot API call as the user would see it (None for invisible ones)."""
    p = call.params
    _ = t.gettext
    if call.method not in VISIBLE or not call.ok:
        return None
    if call.method == "answerCallbackQuery":
        return Output(f"💬 {p['text']}") if p.get("text") else None
    if call.method == "sendVenue":
        return Output(
            _("📍 [Pin lokasi] {title}\n   {address}\n   {lat:.5f}, {lon:.5f}").format(
                title=p["title"], address=p["address"], lat=p["latitude"], lon=p["longitude"]
            )
        )
    if call.method == "sendLocation":
        return Output(f"📍 {p['latitude']:.5f}, {p['longitude']:.5f}")
    if call.method == "sendContact":
        name = " ".join(x for x in (p.get("first_name"), p.get("last_name")) if x)
        return Output(
            _("📇 [Kartu kontak] {name}: {phone}").format(name=name, phone=p["phone_number"])
        )
    if call.method in ("sendDocument", "sendPhoto"):
        note = p.get("document") or p.get("photo") or {}
        filename = note.get("filename", "") if isinstance(note, dict) else str(note)
        if saved_to is not None and filename in saved_to:
            filename = str(saved_to[filename])
        caption = plain(p.get("caption", ""), p.get("parse_mode"))
        label = _("📎 [Dokumen] {name}").format(name=filename)
        return Output(f"{label}\n{caption}" if caption else label)
    text = plain(p.get("text", ""), p.get("parse_mode"))
    result = call.result if isinstance(call.result, dict) else {}
    message_id = int(result.get("message_id", p.get("message_id", 0)))
    rows = []
    for row in (p.get("reply_markup") or {}).get("inline_keyboard", []):
        rows.append(
            [
                Button(b["text"], message_id, b.get("callback_data"), b.get("url"))
                for b in row
            ]
        )
    keyboard = (p.get("reply_markup") or {}).get("keyboard", [])
    if any(b.get("request_location") for row in keyboard for b in row if isinstance(b, dict)):
        text += "\n" + _("(Di terminal: ketik !lokasi <lintang>,<bujur> untuk berbagi lokasi.)")
    if any(b.get("request_contact") for row in keyboard for b in row if isinstance(b, dict)):
        text += "\n" + _("(Di terminal: ketik !nomor <nomor HP> untuk berbagi nomor Anda.)")
    if any(b.callback_data == cb.QUESTIONS for row in rows for b in row):
        # A question relayed to the organizer: the terminal cannot "reply to" a message.
        text += "\n" + _("(Di terminal: ketik !balas <nomor pertanyaan> <jawaban> untuk "
                         "menjawab.)")
    if call.method == "editMessageText":
        text = _("✏️ (pesan diperbarui)") + "\n" + text
    return Output(text, rows)


class OfflineBot:
    """The application running over the stand-in, for one delegate in a private chat."""

    def __init__(
        self, settings: Settings, event: Event, clock: Clock, lang: str,
        register: Callable[[BotApplication], None],
        tick_interval: float | None = 0.5,
        downloads: Path | None = None,
    ) -> None:
        self.downloads = downloads
        self.standin = StandIn()
        self.clock = clock
        self.lang = lang
        self.i18n = I18n(default=settings.default_language)
        self.app: BotApplication = build_application(
            settings, event, clock, register=register, request=self.standin, rate_limit=False,
            i18n=self.i18n, tick_interval=tick_interval,
        )
        self.updates = UpdateBuilder(stand_in=self.standin, user_id=USER_ID, first_name="Delegasi")
        self.shown = 0  # calls already turned into output
        # Replies to the user and messages the bot sends on its own (reminders) must not
        # interleave half-way: whoever shows output holds this.
        self.lock = asyncio.Lock()

    @property
    def t(self) -> Any:
        return self.i18n.get(self.lang)

    async def __aenter__(self) -> OfflineBot:
        await start_app(self.app)
        self.updates.bot = self.app.bot
        repo = self.app.bot_data.services.repo
        await repo.touch_user(USER_ID, "Delegasi", None)
        await repo.set_language(USER_ID, self.lang)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await stop_app(self.app)

    async def _deliver(self, data: dict[str, Any]) -> list[Output]:
        async with self.lock:
            self.drain()  # whatever came before belongs to an earlier step
            await self.app.process_update(self.updates.to_update(data))
            card_sent = any(_photo_name(call) == render_attendance.CARD_FILENAME
                            for call in self.standin.calls[self.shown:] if call.ok)
            outputs = self.drain()
            if card_sent:
                outputs.append(await self._card_link_note())
            return outputs

    async def _card_link_note(self) -> Output:
        """The link in the card's QR, in words: a terminal has no camera to scan the saved
        image with, so a desk check-in can only be rehearsed by typing it (`!pindai`)."""
        card = await attendance.my_card(self.app.bot_data.services.repo, USER_ID)
        link = render.deep_link(self.app.bot.username, card.payload)
        t = self.i18n.get(self._lang_now())
        return Output(t.gettext("(Di terminal: QR kartu ini berisi {link}\n Petugas atau panitia "
                                "memindainya dengan: !pindai {link})").format(link=link))

    def drain(self) -> list[Output]:
        """What the bot showed since the last call, in order."""
        calls = self.standin.calls[self.shown :]
        self.shown += len(calls)
        t, saved = self.i18n.get(self._lang_now()), self._save_files()
        return [out for call in calls if (out := describe(call, t, saved)) is not None]

    def _save_files(self) -> dict[str, Path]:
        """Files the bot sent (an .ics) are written to the download folder, as a phone would."""
        saved: dict[str, Path] = {}
        for filename, data in self.standin.uploads.items():
            if self.downloads is None:
                break
            target = self.downloads / Path(filename).name
            self.downloads.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            saved[filename] = target
        self.standin.uploads.clear()
        return saved

    def _lang_now(self) -> str:
        return self.app.bot_data.services.repo.cached_language(USER_ID) or self.lang

    async def say(self, text: str) -> list[Output]:
        """The delegate sends `text` (commands included)."""
        if text.startswith("/"):
            command, _, args = text[1:].partition(" ")
            return await self._deliver(self.updates.command(command, args))
        return await self._deliver(self.updates.message(text))

    async def share_location(self, latitude: float, longitude: float) -> list[Output]:
        """The delegate shares a location (Telegram's 📎 → Location), e.g. to check in."""
        return await self._deliver(self.updates.location(latitude, longitude))

    async def share_phone(self, phone_number: str) -> list[Output]:
        """The delegate shares their own number (Telegram's "share my contact" button)."""
        return await self._deliver(self.updates.contact(phone_number))

    async def answer_question(self, question_id: int, text: str) -> list[Output] | None:
        """The organizer replies `text` to relayed question #`question_id`, as Telegram's
        "reply" does; None when that question was not relayed to this chat."""
        repo = self.app.bot_data.services.repo
        copies = [r for r in await repo.relays(question_id) if r.chat_id == USER_ID]
        original = self.standin.message(USER_ID, copies[-1].message_id) if copies else None
        if original is None:
            return None
        return await self._deliver(self.updates.message(text, reply_to=original))

    async def scan(self, link: str) -> list[Output] | None:
        """A QR scanned with the phone camera: Telegram opens the bot at its deep link, which
        reaches the bot as `/start <payload>`. None when `link` holds no start payload."""
        payload = start_payload(link)
        if payload is None:
            return None
        return await self._deliver(self.updates.command("start", payload))

    async def press(self, button: Button) -> list[Output]:
        """The delegate taps an inline button."""
        if button.callback_data is None:
            return []
        return await self._deliver(self.updates.callback(button.callback_data, button.message_id))


#: Terminal-only: a line starting with one of these shares a location instead of text (the
#: terminal has no map to pick one on; Telegram's own "📎 → Location" does this on a phone).
LOCATION_WORDS = ("!lokasi", "!location")
#: Terminal-only: shares one's own phone number, as Telegram's "share my contact" button does.
PHONE_WORDS = ("!nomor", "!phone")
#: Terminal-only (`chat --organizer`): answers a question relayed to the panitia, as replying
#: to its message does in Telegram: `!balas 3 Ada, di halaman belakang.`
ANSWER_WORDS = ("!balas", "!reply")
#: Terminal-only: "scans" a QR (a delegate card at the desk, a session code on the screen) by
#: the link it holds, as opening it with the phone camera does: `!pindai https://t.me/…?start=k_…`.
SCAN_WORDS = ("!pindai", "!scan")


def _photo_name(call: ApiCall) -> str | None:
    photo = call.params.get("photo") if call.method == "sendPhoto" else None
    return photo.get("filename") if isinstance(photo, dict) else None


def start_payload(link: str) -> str | None:
    """'https://t.me/bot?start=k_abc' (or the bare 'k_abc') → 'k_abc'; None otherwise."""
    link = link.strip()
    if "://" not in link and "?" not in link:
        return link if link and " " not in link else None
    values = parse_qs(urlsplit(link).query).get("start")
    return values[0] if values and values[0] else None


def parse_location(text: str) -> tuple[float, float] | None:
    """"-10.1633,123.6067" or "-10.1633 123.6067" → (lat, lon); None when not coordinates."""
    parts = text.replace(",", " ").split()
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def simulated_now(
    event: Event, requested: datetime | date | None, clock_now: datetime
) -> tuple[datetime, bool]:
    """The clock start for chat/ask, and whether it was chosen for the user."""
    if isinstance(requested, datetime):
        return event.localize(requested), False
    if isinstance(requested, date):
        return datetime.combine(requested, event.sessions[0].start.timetz()), False
    if event.phase(clock_now) == "after":
        return event.demo_moment(), True
    return clock_now, False


def print_outputs(outputs: list[Output], numbered: list[Button]) -> None:
    for out in outputs:
        print()
        print(out.text)
        for row in out.buttons:
            labels = []
            for button in row:
                if button.url:
                    labels.append(f"[{button.label} → {button.url}]")
                else:
                    numbered.append(button)
                    labels.append(f"[{len(numbered)}] {button.label}")
            print("   " + "   ".join(labels))


def as_text(outputs: list[Output]) -> str:
    """`ask` format: the replies' text, each button on its own `[label]` line."""
    parts = []
    for out in outputs:
        lines = [out.text]
        lines += [f"[{b.label}]" for row in out.buttons for b in row]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


async def chat(settings: Settings, event: Event, args: argparse.Namespace,
               register: Callable[[BotApplication], None]) -> int:
    real = Clock(event.timezone)
    shifted = getattr(args, "shift_to", None) is not None
    start, simulated = simulated_now(event, args.now, real.now())
    clock = real if shifted and args.now is None else Clock(event.timezone, start, speed=args.speed)
    settings = replace(settings, database_path=Path(args.db))
    if getattr(args, "organizer", False):
        settings = replace(settings, admins=settings.admins | {USER_ID})
    # Outside the checkout by default, so a chat never leaves files in the repository.
    downloads = args.downloads or default_database_path().parent / "downloads"
    async with OfflineBot(settings, event, clock, args.lang, register,
                          downloads=downloads) as bot:
        t = bot.t
        print(t.gettext("citynet-bot — chat offline (tanpa Telegram). Ketik pesan; angka menekan "
                        "tombol; /keluar untuk berhenti."))
        if simulated:
            print(t.gettext("Acara sudah lewat; memakai waktu simulasi {moment}. "
                            "Pakai --now untuk waktu lain.").format(moment=t.moment(start)))
        numbered: list[Button] = []
        print_outputs(await bot.say("/start"), numbered)
        watcher = asyncio.create_task(_show_unprompted(bot, numbered))
        try:
            while True:
                try:
                    # In a thread, so reminders keep arriving while the user types.
                    line = await asyncio.to_thread(input, "\n› ")
                except EOFError:
                    break
                text = line.strip()
                if not text:
                    continue
                if text in ("/keluar", "/quit", "/exit"):
                    break
                await _answer_line(bot, text, numbered)
        finally:
            watcher.cancel()
    return 0


async def _answer_line(bot: OfflineBot, text: str, numbered: list[Button]) -> None:
    """One line the user typed: a button's number, a !word (share a phone number or a
    location, answer a delegate's question, scan a QR's link), or a message."""
    t = bot.t
    if text.isdigit() and 1 <= int(text) <= len(numbered):
        button = numbered[int(text) - 1]
        numbered.clear()
        print_outputs(await bot.press(button), numbered)
        return
    numbered.clear()
    word, _, rest = text.partition(" ")
    if word in PHONE_WORDS:
        if not rest.strip():
            print(t.gettext("Bagikan nomor: !nomor <nomor HP>, misalnya "
                            "!nomor +62 812 0000 1234"))
            return
        print_outputs(await bot.share_phone(rest.strip()), numbered)
        return
    if word in ANSWER_WORDS:
        number, _, answer = rest.strip().partition(" ")
        question_id = cb.number(number)
        outputs = (await bot.answer_question(question_id, answer.strip())
                   if question_id is not None and answer.strip() else None)
        if outputs is None:
            print(t.gettext("Jawab pertanyaan peserta: !balas <nomor pertanyaan> "
                            "<jawaban>, misalnya !balas 1 Ada, di halaman belakang. "
                            "(Hanya pertanyaan yang dikirim ke chat ini.)"))
            return
        print_outputs(outputs, numbered)
        return
    if word in SCAN_WORDS:
        scanned = await bot.scan(rest)
        if scanned is None:
            print(t.gettext("Pindai QR: !pindai <tautan>, misalnya tautan yang "
                            "tercetak di bawah kartu peserta setelah /kartu."))
            return
        print_outputs(scanned, numbered)
        return
    if word in LOCATION_WORDS:
        where = parse_location(rest)
        if where is None:
            print(t.gettext(
                "Bagikan lokasi: !lokasi <lintang>,<bujur>, "
                "misalnya !lokasi -10.1633,123.6067"))
            return
        print_outputs(await bot.share_location(*where), numbered)
        return
    print_outputs(await bot.say(text), numbered)


async def _show_unprompted(bot: OfflineBot, numbered: list[Button]) -> None:
    """Print what the bot sends on its own (reminders, notices) as it arrives."""
    while True:
        await asyncio.sleep(0.3)
        async with bot.lock:
            outputs = bot.drain()
        if outputs:
            numbered.clear()
            print_outputs(outputs, numbered)
            print("\n› ", end="", flush=True)


async def ask(settings: Settings, event: Event, args: argparse.Namespace,
              register: Callable[[BotApplication], None]) -> int:
    start, simulated = simulated_now(event, args.now, Clock(event.timezone).now())
    clock = Clock(event.timezone, start, running=False)
    # `ask` answers and forgets: nothing it does belongs in a delegate database.
    settings = replace(settings, database_path=Path(":memory:"))
    async with OfflineBot(settings, event, clock, args.lang, register,
                          tick_interval=None) as bot:
        if simulated:
            print(
                bot.t.gettext("Acara sudah lewat; memakai waktu simulasi {moment}. "
                              "Pakai --now untuk waktu lain.").format(moment=bot.t.moment(start)),
                file=sys.stderr,
            )
        if args.text:
            print(as_text(await bot.say(" ".join(args.text))))
            return 0
        for line in sys.stdin:
            question = line.rstrip("\n")
            if not question.strip():
                continue
            reply = as_text(await bot.say(question))
            print(json.dumps({"question": question, "reply": reply}, ensure_ascii=False))
    return 0
