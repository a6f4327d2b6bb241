"""The reply queue: replies to people that could not be sent yet (bot/replies.py).

A row is written only after a reply's first attempt failed, and deleted once it is
delivered (or dropped by the policy); the ids give the order per chat.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from bot.storage.base import Store
from bot.storage.delegates import iso, parse_iso


@dataclass(frozen=True, slots=True)
class QueuedReply:
    id: int
    chat_id: int
    kind: str
    endpoint: str
    payload: str
    ref: str | None
    created_at: datetime
    expires_at: datetime | None
    attempts: int


class RepliesMixin(Store):
    async def queue_reply(
        self, chat_id: int, kind: str, endpoint: str, payload: str, ref: str | None,
        created_at: datetime, expires_at: datetime | None, error: str | None,
    ) -> int:
        """Keep one reply until it is delivered; returns its id (its place in the order)."""
        async with self.transaction() as db:
            cursor = await db.execute(
                """
                INSERT INTO reply_queue
                    (chat_id, kind, endpoint, payload, ref, created_at, expires_at, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (chat_id, kind, endpoint, payload, ref, iso(created_at),
                 iso(expires_at) if expires_at is not None else None, error),
            )
            return int(cursor.lastrowid or 0)

    async def queued_reply_counts(self) -> dict[int, int]:
        """Rows waiting per chat (read once at start-up; the queue counts in memory after)."""
        rows = await self.fetchall("SELECT chat_id, COUNT(*) FROM reply_queue GROUP BY chat_id")
        return {int(r[0]): int(r[1]) for r in rows}

    async def queued_replies(self, limit: int, skip: Collection[int] = ()) -> list[QueuedReply]:
        """The oldest waiting replies, in the order they must be sent."""
        rows = await self.fetchall(
            f"""
            SELECT id, chat_id, kind, endpoint, payload, ref, created_at, expires_at, attempts
            FROM reply_queue
            WHERE id NOT IN ({", ".join("?" * len(skip))})
            ORDER BY id LIMIT ?
            """,
            (*skip, limit),
        )
        return [
            QueuedReply(
                int(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]),
                None if r[5] is None else str(r[5]), parse_iso(str(r[6])),
                None if r[7] is None else parse_iso(str(r[7])), int(r[8]),
            )
            for r in rows
        ]

    async def queued_reply_exists(self, reply_id: int) -> bool:
        """Whether a row is still there (/hapusdata may have erased it meanwhile)."""
        return await self.fetchone("SELECT 1 FROM reply_queue WHERE id = ?",
                                   (reply_id,)) is not None

    async def reply_failed(self, reply_id: int, error: str) -> None:
        await self.execute(
            "UPDATE reply_queue SET attempts = attempts + 1, error = ? WHERE id = ?",
            (error[:200], reply_id),
        )

    async def delete_queued_reply(self, reply_id: int) -> bool:
        """Delivered or dropped; False if it was gone already (erased by /hapusdata)."""
        return await self.execute("DELETE FROM reply_queue WHERE id = ?", (reply_id,)) > 0
