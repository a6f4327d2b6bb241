"""Conversation state that must outlive a restart: the step each user is at in a multi-step
conversation (PTB's ConversationHandler) and their unfinished draft (PTB's user_data).

Written and read only through `bot.persistence.RepoPersistence`. Keys and states are JSON;
user_data is pickled, as PTB's own PicklePersistence does, because drafts are small Python
objects — but here inside SQLite, so a crash mid-write never leaves a half-written file.
"""

from __future__ import annotations

import json
from collections.abc import Hashable

from bot.storage.base import Store

ConversationKey = tuple[int | str, ...]


class StateMixin(Store):
    async def conversation_states(self, name: str) -> dict[ConversationKey, object]:
        rows = await self.fetchall(
            "SELECT key, state FROM conversation_states WHERE name = ?", (name,)
        )
        return {tuple(json.loads(r["key"])): json.loads(r["state"]) for r in rows}

    async def save_conversation_state(
        self, name: str, key: tuple[Hashable, ...], state: object | None
    ) -> None:
        """Remember `state` for `key`; None ends the conversation (the row goes)."""
        key_json = json.dumps(list(key))
        if state is None:
            await self.execute(
                "DELETE FROM conversation_states WHERE name = ? AND key = ?", (name, key_json)
            )
            return
        await self.execute(
            """
            INSERT INTO conversation_states (name, key, state, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(name, key) DO UPDATE SET state = excluded.state,
                                                 updated_at = excluded.updated_at
            """,
            (name, key_json, json.dumps(state), self.utcnow()),
        )

    async def user_states(self) -> dict[int, bytes]:
        rows = await self.fetchall("SELECT user_id, data FROM user_states")
        return {int(r["user_id"]): bytes(r["data"]) for r in rows}

    async def save_user_state(self, user_id: int, data: bytes | None) -> None:
        """Store a user's pickled user_data; None (or an empty dict upstream) removes it."""
        if data is None:
            await self.execute("DELETE FROM user_states WHERE user_id = ?", (user_id,))
            return
        await self.execute(
            """
            INSERT INTO user_states (user_id, data, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET data = excluded.data,
                                               updated_at = excluded.updated_at
            """,
            (user_id, data, self.utcnow()),
        )
