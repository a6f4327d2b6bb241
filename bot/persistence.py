"""PTB persistence backed by the bot's own SQLite database: multi-step conversations
(registration, composing an announcement) resume after a restart or a crash.

Only conversation steps and user_data (the drafts) are stored; bot_data holds the live
services and chat_data is unused, so PTB is told not to ask for them. Writes go through
`Repo` (SQL stays in bot/storage) and happen every `UPDATE_INTERVAL` seconds — a crash loses
at most that much of a half-typed conversation, never a saved profile or RSVP, which are
written at once by the handlers.
"""

from __future__ import annotations

import logging
import pickle
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from bot.context import BotData, Services
from bot.storage import Repo

log = logging.getLogger(__name__)

#: Seconds between writes of changed conversation steps and drafts.
UPDATE_INTERVAL = 2.0

UserData = dict[Any, Any]


class RepoPersistence(BasePersistence[UserData, UserData, BotData]):
    def __init__(self, services: Services, update_interval: float = UPDATE_INTERVAL) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self.services = services
        # What was last written per user: PTB hands over every user seen since the last run,
        # most of them unchanged; only real changes cost a write.
        self._written: dict[int, bytes] = {}

    async def _repo(self) -> Repo:
        """PTB loads persistence in `Application.initialize()`, before `post_init`: whoever
        needs the database first opens it, the other one reuses it (bot/app.py)."""
        return await self.services.open_repo()

    # -- what is stored ------------------------------------------------------------------------
    async def get_conversations(self, name: str) -> ConversationDict:
        states = await (await self._repo()).conversation_states(name)
        return dict(states)

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        await (await self._repo()).save_conversation_state(name, key, new_state)

    async def get_user_data(self) -> dict[int, UserData]:
        loaded: dict[int, UserData] = {}
        for user_id, blob in (await (await self._repo()).user_states()).items():
            try:
                data = pickle.loads(blob)  # our own database, written below
            except Exception as exc:  # any unpickling failure: a draft from an older version
                # A draft that no longer loads (its class changed) is dropped, not fatal:
                # the delegate starts that conversation again.
                log.warning("user %s: stored draft not loaded (%s); dropped", user_id, exc)
                continue
            if isinstance(data, dict):
                loaded[user_id] = data
                self._written[user_id] = blob
        return loaded

    async def update_user_data(self, user_id: int, data: UserData) -> None:
        blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL) if data else None
        if blob == self._written.get(user_id):
            return
        await (await self._repo()).save_user_state(user_id, blob)
        if blob is None:
            self._written.pop(user_id, None)
        else:
            self._written[user_id] = blob

    async def drop_user_data(self, user_id: int) -> None:
        self._written.pop(user_id, None)
        await (await self._repo()).save_user_state(user_id, None)

    async def refresh_user_data(self, user_id: int, user_data: UserData) -> None:
        """Nothing to refresh: this process is the only writer."""

    async def flush(self) -> None:
        """Nothing buffered: every update is committed when it is made."""

    # -- not stored (store_data says so; PTB does not call these) -------------------------
    async def get_chat_data(self) -> dict[int, UserData]:
        return {}

    async def update_chat_data(self, chat_id: int, data: UserData) -> None:
        """chat_data is not used by the bot."""

    async def refresh_chat_data(self, chat_id: int, chat_data: UserData) -> None:
        """chat_data is not used by the bot."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """chat_data is not used by the bot."""

    async def get_bot_data(self) -> BotData:
        # bot_data carries the live services, which are built, not loaded.
        raise NotImplementedError("bot_data is not persisted")

    async def update_bot_data(self, data: BotData) -> None:
        """bot_data is not persisted."""

    async def refresh_bot_data(self, bot_data: BotData) -> None:
        """bot_data is not persisted."""

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        """Callback data is plain strings in the buttons; nothing to keep."""


__all__ = ["UPDATE_INTERVAL", "RepoPersistence"]
