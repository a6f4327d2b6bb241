"""One lock per chat, kept only while someone holds or waits for it.

Used wherever one chat's work must pass one at a time while other chats go on: its updates
(bot.dispatch.PerChatUpdates) and the Bot API calls to it (bot.app.RetryingRateLimiter).
An asyncio.Lock is first come, first served, so order is kept.
"""

from __future__ import annotations

import asyncio


class ChatLocks:
    def __init__(self) -> None:
        #: Per chat: its lock and how many hold or wait for it.
        self._chats: dict[object, tuple[asyncio.Lock, int]] = {}

    def __len__(self) -> int:
        """Chats someone holds or waits for (an idle chat is forgotten)."""
        return len(self._chats)

    async def acquire(self, chat: object) -> None:
        lock, users = self._chats.get(chat, (asyncio.Lock(), 0))
        self._chats[chat] = (lock, users + 1)
        try:
            await lock.acquire()
        except BaseException:
            self._leave(chat)  # cancelled while waiting
            raise

    def release(self, chat: object) -> None:
        self._chats[chat][0].release()
        self._leave(chat)

    def _leave(self, chat: object) -> None:
        lock, users = self._chats[chat]
        if users <= 1:
            del self._chats[chat]  # nobody else holds or waits: forget the chat
        else:
            self._chats[chat] = (lock, users - 1)
