"""The `Deliveries` port of the use cases, served by the scheduler and the outbox.

Kept apart from `bot.features` so a use case never imports the JobQueue users (and through
them `telegram`); handlers build one per update from the application.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import menus, outbox, scheduler

if TYPE_CHECKING:
    from bot.context import BotApplication
    from bot.model import Event, Session


@dataclass(frozen=True, slots=True)
class AppDeliveries:
    app: BotApplication

    async def replan_user(self, user_id: int) -> None:
        await scheduler.replan_user(self.app, user_id)

    async def notify_seat(self, user_id: int, session: Session) -> None:
        await scheduler.notify_seat(self.app, user_id, session)

    async def apply_event_change(self, old: Event, new: Event) -> int:
        services = self.app.bot_data.services
        if await menus.follow_event(self.app.bot, services.i18n, old, new):
            self.app.create_task(
                menus.set_chat_menus(self.app.bot, services.i18n, new,
                                     await services.repo.chosen_languages()),
                name="chat-menus")
        return await scheduler.apply_event_change(self.app, old, new)

    def wake_outbox(self) -> None:
        outbox.wake(self.app)

    async def send_due(self) -> None:
        await scheduler.tick(self.app)
