"""Organizers: roles and invites, the audit trail, linked chats (announcements and their
outbox: bot/storage/announcements.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from sqlite3 import Row
from typing import Any, Self

from bot.storage.base import Store
from bot.storage.delegates import iso, parse_iso


@dataclass(frozen=True, slots=True)
class Organizer:
    user_id: int
    added_by: int
    added_at: str
    first_name: str | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(int(row["user_id"]), int(row["added_by"]), row["added_at"], row["first_name"])


@dataclass(frozen=True, slots=True)
class LinkedChat:
    chat_id: int
    title: str
    kind: str

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(int(row["chat_id"]), row["title"], row["kind"])


class OrganizersMixin(Store):
    # -- roles and invites -----------------------------------------------------------------
    async def invited_organizers(self) -> list[Organizer]:
        rows = await self.fetchall(
            """
            SELECT o.user_id, o.added_by, o.added_at, u.first_name FROM organizers o
            LEFT JOIN users u ON u.id = o.user_id
            WHERE o.revoked_at IS NULL ORDER BY o.added_at
            """
        )
        return [Organizer.from_row(r) for r in rows]

    async def is_invited_organizer(self, user_id: int) -> bool:
        row = await self.fetchone(
            "SELECT 1 FROM organizers WHERE user_id = ? AND revoked_at IS NULL", (user_id,)
        )
        return row is not None

    async def create_invite(
        self, code_hash: str, created_by: int, now: datetime, expires_at: datetime
    ) -> None:
        await self.execute(
            "INSERT INTO invites (code_hash, created_by, created_at, expires_at) VALUES (?,?,?,?)",
            (code_hash, created_by, iso(now), iso(expires_at)),
        )

    async def redeem_invite(self, code_hash: str, user_id: int, now: datetime) -> str:
        """Use an invite: 'ok', 'unknown', 'used' or 'expired'. One transaction, so two
        people racing with the same code cannot both become organizers."""
        async with self.transaction() as db:
            async with db.execute(
                "SELECT created_by, expires_at, used_by FROM invites WHERE code_hash = ?",
                (code_hash,),
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                return "unknown"
            if row["used_by"] is not None:
                return "used"
            if parse_iso(row["expires_at"]) <= now:
                return "expired"
            await db.execute(
                "UPDATE invites SET used_by = ?, used_at = ? WHERE code_hash = ?",
                (user_id, iso(now), code_hash),
            )
            await db.execute(
                """
                INSERT INTO organizers (user_id, added_by, added_at) VALUES (?, ?, ?)
                ON CONFLICT(user_id) DO UPDATE SET
                    added_by = excluded.added_by, added_at = excluded.added_at,
                    revoked_by = NULL, revoked_at = NULL
                """,
                (user_id, int(row["created_by"]), iso(now)),
            )
        return "ok"

    async def revoke_organizer(self, user_id: int, revoked_by: int, now: datetime) -> bool:
        changed = await self.execute(
            """
            UPDATE organizers SET revoked_by = ?, revoked_at = ?
            WHERE user_id = ? AND revoked_at IS NULL
            """,
            (revoked_by, iso(now), user_id),
        )
        return changed > 0

    async def pending_invites(self, now: datetime) -> int:
        row = await self.fetchone(
            "SELECT COUNT(*) FROM invites WHERE used_by IS NULL AND expires_at > ?", (iso(now),)
        )
        return int(row[0]) if row else 0

    # -- audit -----------------------------------------------------------------------------
    async def audit(self, actor: int, action: str, details: dict[str, Any] | None = None) -> None:
        await self.execute(
            "INSERT INTO audit (at, actor, action, details) VALUES (?, ?, ?, ?)",
            (self.utcnow(), actor, action, json.dumps(details or {}, ensure_ascii=False)),
        )

    async def audit_log(self, limit: int = 50) -> list[tuple[str, int, str, dict[str, Any]]]:
        rows = await self.fetchall(
            "SELECT at, actor, action, details FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [(r[0], int(r[1]), r[2], json.loads(r[3])) for r in rows]

    # -- linked group / channel ------------------------------------------------------------
    async def link_chat(self, chat_id: int, title: str, kind: str, linked_by: int) -> None:
        await self.execute(
            """
            INSERT INTO linked_chats (chat_id, title, kind, linked_by, linked_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(chat_id) DO UPDATE SET title = excluded.title, kind = excluded.kind,
                linked_by = excluded.linked_by, linked_at = excluded.linked_at
            """,
            (chat_id, title, kind, linked_by, self.utcnow()),
        )

    async def linked_chats(self) -> list[LinkedChat]:
        rows = await self.fetchall("SELECT chat_id, title, kind FROM linked_chats ORDER BY 1")
        return [LinkedChat.from_row(r) for r in rows]
