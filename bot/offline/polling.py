"""The incoming side of the offline Bot API: updates queued by `feed` wait for getUpdates
(long polling, as a polling `Application` asks), and a webhook rules polling out, as on
Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
from collections.abc import Mapping
from typing import Any

from telegram import Update

from bot.offline.protocol import ERR_WEBHOOK_ACTIVE, ERR_WEBHOOK_HTTPS, JSON, ApiError


class UpdateQueue:
    """Pending updates, their ids, and the webhook setting."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.pending: list[JSON] = []
        self.last_update_id = 0
        self.webhook_url = ""
        self._arrived: asyncio.Event | None = None

    def next_update_id(self) -> int:
        self.last_update_id += 1
        return self.last_update_id

    def feed(self, *updates: Mapping[str, Any] | Update) -> None:
        for update in updates:
            data = update.to_dict() if isinstance(update, Update) else copy.deepcopy(dict(update))
            self.pending.append(data)
            self.last_update_id = max(self.last_update_id, int(data["update_id"]))
        self.wake()

    def wake(self) -> None:
        """End a pending long poll now."""
        if self._arrived is not None:
            self._arrived.set()

    async def get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise ApiError(ERR_WEBHOOK_ACTIVE, code=409)
        offset = int(params.get("offset") or 0)
        if offset > 0:
            # Telegram forgets the updates an offset confirms.
            self.pending = [u for u in self.pending if int(u["update_id"]) >= offset]
        timeout = float(params.get("timeout") or 0)
        if not self.pending and timeout > 0:
            # Long polling, so a polling Application waits here instead of spinning. A fresh
            # event each time: an Event binds to the loop it first waits in.
            arrived = self._arrived = asyncio.Event()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrived.wait(), timeout)
            self._arrived = None
        limit = int(params.get("limit") or 100)
        return copy.deepcopy(self.pending[:limit])

    def delete_webhook(self, params: JSON) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self.pending.clear()
        return True

    def set_webhook(self, params: JSON) -> bool:
        url = str(params.get("url") or "")
        if url and not url.lower().startswith("https://"):
            raise ApiError(ERR_WEBHOOK_HTTPS)
        self.webhook_url = url
        return True
