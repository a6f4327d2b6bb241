"""Typed context for handlers: `context.event`, `context.repo`, `context.t`...

PTB builds one context per update and passes the same object to every handler group, so the
tracking hook in group -1 can set `lang` once and the feature handlers read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import I18n, Translator
from bot.model import Event
from bot.storage import Repo

if TYPE_CHECKING:
    from bot.flood import FloodGate
    from bot.outbox import Sender
    from bot.replies import ReplyQueue


@dataclass
class Services:
    """Everything the handlers share, created by the app factory."""

    settings: Settings
    event: Event
    clock: Clock
    i18n: I18n
    tick_interval: float | None = 1.0  # seconds between delivery ticks; None: manual
    #: Digest of the data file as the running programme was loaded or last applied, and the
    #: last edited version organizers were told about (bot/filewatch.py).
    event_digest: str | None = None
    notified_digest: str | None = None
    #: The broadcast sender (bot/outbox.py), from post_init to post_shutdown.
    sender: Sender | None = None
    #: Replies kept until delivered (bot/replies.py); set by the app factory.
    replies: ReplyQueue | None = None
    #: Per-user flood control (handlers/flood.py); None: off (offline chat, tests).
    flood_gate: FloodGate | None = None
    #: Delivery rows the scheduler has taken on and not finished (bot/scheduler.py), so a
    #: tick does not start a row the previous tick is still sending.
    delivering: set[int] = field(default_factory=set)
    _repo: Repo | None = field(default=None, init=False, repr=False)

    @property
    def repo(self) -> Repo:
        """The database, open from start-up (`open_repo`) to shut-down (`close_repo`)."""
        if self._repo is None:
            raise RuntimeError("storage is not open (the application has not started)")
        return self._repo

    async def open_repo(self) -> Repo:
        """Open the database unless open: PTB loads persistence (RepoPersistence, in
        `Application.initialize()`) before `post_init`, and whichever comes first opens it."""
        if self._repo is None:
            self._repo = await Repo.open(self.settings.database_path, self.clock.now)
        return self._repo

    async def close_repo(self) -> None:
        if self._repo is not None:
            await self._repo.close()
            self._repo = None


class BotData:
    """`application.bot_data`: holds the services (PTB creates it with no arguments)."""

    services: Services


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]):
    lang: str | None = None

    @property
    def services(self) -> Services:
        return self.bot_data.services

    @property
    def event(self) -> Event:
        return self.services.event

    @property
    def repo(self) -> Repo:
        return self.services.repo

    @property
    def clock(self) -> Clock:
        return self.services.clock

    def now(self) -> datetime:
        return self.services.clock.now()

    @property
    def app(self) -> BotApplication:
        """`application`, typed with this project's context (PTB types it generically)."""
        return cast("BotApplication", self.application)

    @property
    def t(self) -> Translator:
        return self.services.i18n.get(self.lang)


BotApplication = Application[
    ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], BotData, Any
]
