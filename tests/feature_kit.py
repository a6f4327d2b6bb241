"""Helpers for testing the use cases (bot/features) directly: no Application, no Telegram.

`Services` over a real database in a temporary directory, a pinned clock, and a
`Deliveries` that records what a use case asked of the scheduler and the outbox.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from bot.clock import Clock
from bot.config import DEFAULT_EVENT_FILE, Settings
from bot.context import Services
from bot.i18n import I18n
from bot.model import Event, Session

ADMIN = 9000  # in BOT_ADMINS


@dataclass
class RecordedDeliveries:
    """The `Deliveries` port, recording each request."""

    replanned: list[int] = field(default_factory=list)
    seats: list[tuple[int, str]] = field(default_factory=list)  # (user, session id)
    changes: list[tuple[Event, Event]] = field(default_factory=list)
    woken: int = 0
    sent_due: int = 0

    async def replan_user(self, user_id: int) -> None:
        self.replanned.append(user_id)

    async def notify_seat(self, user_id: int, session: Session) -> None:
        self.seats.append((user_id, session.id))

    async def apply_event_change(self, old: Event, new: Event) -> int:
        self.changes.append((old, new))
        return len(self.changes)

    def wake_outbox(self) -> None:
        self.woken += 1

    async def send_due(self) -> None:
        self.sent_due += 1


async def open_services(event: Event, at: datetime, tmp_path: Path) -> Services:
    """Services as the app builds them, with a copy of the data file (changes write it)."""
    data = tmp_path / "event.toml"
    shutil.copy(DEFAULT_EVENT_FILE, data)
    settings = Settings(database_path=tmp_path / "bot.db", event_file=data,
                        admins=frozenset({ADMIN}))
    clock = Clock(event.timezone, at, running=False)
    services = Services(settings=settings, event=event, clock=clock, i18n=I18n())
    await services.open_repo()
    return services


async def register(services: Services, user_id: int, region: str = "Kota Kupang") -> None:
    """A delegate who wrote to the bot and registered."""
    repo = services.repo
    await repo.touch_user(user_id, f"User {user_id}", None)
    await repo.save_profile(user_id, f"Peserta {user_id}", "Pemkot", region, "delegasi")


def with_session(event: Event, session: Session) -> Event:
    """The event with `session` added, or replacing the one with its id."""
    others = [s for s in event.sessions if s.id != session.id]
    return replace(event, sessions=tuple(sorted((*others, session), key=lambda s: s.start)),
                   _by_id={})
