"""Announcements, their audiences and their outbox.

The outbox is the truth of a broadcast: one row per recipient, going
pending -> sending -> sent | failed. A row is claimed ('sending') immediately before its
Bot API call and settled right after, so after a crash only the few rows that were in flight
are in doubt (see `settle_interrupted`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from sqlite3 import Row
from typing import Any, Self

from bot.storage.base import Store

#: `outbox.error` of a user who blocked the bot (Forbidden): reported apart from failures.
BLOCKED = "blocked"
#: `outbox.error` of a row found 'sending' after a crash (see `settle_interrupted`).
INTERRUPTED = "interrupted"


@dataclass(frozen=True, slots=True)
class Announcement:
    id: int
    author: int
    text: str
    media_kind: str | None
    media_file_id: str | None
    audience: str
    urgent: bool
    status: str
    progress_chat: int | None
    progress_message: int | None
    created_at: str

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            id=int(row["id"]),
            author=int(row["author"]),
            text=row["text"],
            media_kind=row["media_kind"],
            media_file_id=row["media_file_id"],
            audience=row["audience"],
            urgent=bool(row["urgent"]),
            status=row["status"],
            progress_chat=row["progress_chat"],
            progress_message=row["progress_message"],
            created_at=row["created_at"],
        )


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    announcement_id: int
    chat_id: int
    attempts: int
    language: str | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        """An `outbox` row joined with the recipient's language."""
        return cls(
            int(row["id"]),
            int(row["announcement_id"]),
            int(row["chat_id"]),
            int(row["attempts"]),
            row["language"],
        )


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    total: int
    pending: int
    sending: int
    sent: int
    failed: int
    blocked: int
    interrupted: int
    #: Failure reason -> how many (blocked users are counted apart).
    reasons: dict[str, int]
    read: int

    @property
    def done(self) -> bool:
        return self.pending == 0 and self.sending == 0


@dataclass(frozen=True, slots=True)
class Recipient:
    """Someone an announcement went to, for the "not yet read" list."""

    chat_id: int
    name: str

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(int(row["chat_id"]), row["name"])


class AnnouncementsMixin(Store):
    # -- audiences -------------------------------------------------------------------------
    async def audience_registered(self) -> list[tuple[int, bool]]:
        """(user id, still reachable) of every registered delegate."""
        rows = await self.fetchall(
            "SELECT p.user_id, u.active FROM profiles p JOIN users u ON u.id = p.user_id "
            "ORDER BY p.user_id"
        )
        return [(int(r[0]), bool(r[1])) for r in rows]

    async def audience_everyone(self) -> list[tuple[int, bool]]:
        """(user id, still reachable) of everyone the bot has seen, registered or not: an
        urgent notice must reach those who only pressed /start too. Someone seen only in a
        group who never opened the bot is refused by Telegram and then marked inactive."""
        rows = await self.fetchall("SELECT id, active FROM users ORDER BY id")
        return [(int(r[0]), bool(r[1])) for r in rows]

    async def audience_sessions(self, session_ids: Sequence[str]) -> list[tuple[int, bool]]:
        """Delegates with a seat ('going') in any of the sessions."""
        if not session_ids:
            return []
        marks = ",".join("?" * len(session_ids))
        rows = await self.fetchall(
            f"""
            SELECT DISTINCT r.user_id, u.active FROM rsvps r JOIN users u ON u.id = r.user_id
            WHERE r.status = 'going' AND r.session_id IN ({marks}) ORDER BY r.user_id
            """,
            tuple(session_ids),
        )
        return [(int(r[0]), bool(r[1])) for r in rows]

    async def audience_region(self, region: str) -> list[tuple[int, bool]]:
        rows = await self.fetchall(
            "SELECT p.user_id, u.active FROM profiles p JOIN users u ON u.id = p.user_id "
            "WHERE p.region = ? ORDER BY p.user_id",
            (region,),
        )
        return [(int(r[0]), bool(r[1])) for r in rows]

    async def users_active(self, user_ids: Iterable[int]) -> list[tuple[int, bool]]:
        """(id, reachable) for given users; ones who never wrote to the bot count as
        reachable (Telegram will say otherwise, and the report will show it)."""
        ids = sorted(set(user_ids))
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = await self.fetchall(f"SELECT id, active FROM users WHERE id IN ({marks})",
                                   tuple(ids))
        known = {int(r[0]): bool(r[1]) for r in rows}
        return [(i, known.get(i, True)) for i in ids]

    # -- announcements ---------------------------------------------------------------------
    async def create_announcement(
        self, author: int, text: str, media_kind: str | None, media_file_id: str | None
    ) -> int:
        async with self.transaction() as db:
            cursor = await db.execute(
                """
                INSERT INTO announcements (author, text, media_kind, media_file_id, created_at)
                VALUES (?, ?, ?, ?, ?)
                """,
                (author, text, media_kind, media_file_id, self.utcnow()),
            )
            return int(cursor.lastrowid or 0)

    async def get_announcement(self, announcement_id: int) -> Announcement | None:
        row = await self.fetchone("SELECT * FROM announcements WHERE id = ?", (announcement_id,))
        return Announcement.from_row(row) if row else None

    async def update_draft(
        self, announcement_id: int, *, audience: str | None = None, urgent: bool | None = None
    ) -> bool:
        """Change a draft (never an announcement already queued)."""
        sets, params = [], []
        if audience is not None:
            sets.append("audience = ?")
            params.append(audience)
        if urgent is not None:
            sets.append("urgent = ?")
            params.append(str(int(urgent)))
        if not sets:
            return False
        changed = await self.execute(
            f"UPDATE announcements SET {', '.join(sets)} WHERE id = ? AND status = 'draft'",
            (*params, announcement_id),
        )
        return changed > 0

    async def cancel_draft(self, announcement_id: int) -> bool:
        changed = await self.execute(
            "UPDATE announcements SET status = 'cancelled' WHERE id = ? AND status = 'draft'",
            (announcement_id,),
        )
        return changed > 0

    async def queue_announcement(
        self,
        announcement_id: int,
        chat_ids: Iterable[int],
        progress_chat: int,
        progress_message: int,
    ) -> bool:
        """Draft -> sending, with one outbox row per recipient, in one transaction.

        False when it was not a draft any more: pressing "Kirim" twice queues once.
        """
        async with self.transaction() as db:
            cursor = await db.execute(
                """
                UPDATE announcements SET status = 'sending', queued_at = ?, progress_chat = ?,
                    progress_message = ?
                WHERE id = ? AND status = 'draft'
                """,
                (self.utcnow(), progress_chat, progress_message, announcement_id),
            )
            if cursor.rowcount == 0:
                return False
            now = self.utcnow()
            await db.executemany(
                "INSERT OR IGNORE INTO outbox (announcement_id, chat_id, updated_at) "
                "VALUES (?, ?, ?)",
                [(announcement_id, chat_id, now) for chat_id in chat_ids],
            )
        return True

    async def sending_announcements(self) -> list[Announcement]:
        rows = await self.fetchall(
            "SELECT * FROM announcements WHERE status = 'sending' ORDER BY id"
        )
        return [Announcement.from_row(r) for r in rows]

    async def finish_announcement(self, announcement_id: int) -> bool:
        """'sending' -> 'done' once no row is left to send; True the one time it happens."""
        changed = await self.execute(
            """
            UPDATE announcements SET status = 'done', finished_at = ?
            WHERE id = ? AND status = 'sending' AND NOT EXISTS (
                SELECT 1 FROM outbox WHERE announcement_id = ?
                  AND state IN ('pending', 'sending'))
            """,
            (self.utcnow(), announcement_id, announcement_id),
        )
        return changed > 0

    async def latest_announcements(self, user_id: int, limit: int = 5) -> list[Announcement]:
        """The latest sent announcements this user may read: the ones for everyone and the
        ones they received themselves."""
        rows = await self.fetchall(
            """
            SELECT a.* FROM announcements a
            WHERE a.status IN ('sending', 'done')
              AND (a.audience IN ('all', 'everyone', 'linked') OR EXISTS (
                   SELECT 1 FROM outbox o WHERE o.announcement_id = a.id
                     AND o.chat_id = ? AND o.state = 'sent'))
            ORDER BY a.id DESC LIMIT ?
            """,
            (user_id, limit),
        )
        return [Announcement.from_row(r) for r in rows]

    async def recent_announcements(self, limit: int = 5) -> list[Announcement]:
        rows = await self.fetchall(
            "SELECT * FROM announcements WHERE status IN ('sending', 'done') "
            "ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [Announcement.from_row(r) for r in rows]

    # -- outbox ----------------------------------------------------------------------------
    async def outbox_pending(self, limit: int, skip: Iterable[int] = ()) -> list[OutboxRow]:
        """Pending rows in queue order, leaving out `skip` (rows a sender already holds)."""
        held = set(skip)
        rows = await self.fetchall(
            """
            SELECT o.id, o.announcement_id, o.chat_id, o.attempts, u.language FROM outbox o
            LEFT JOIN users u ON u.id = o.chat_id
            WHERE o.state = 'pending' ORDER BY o.id LIMIT ?
            """,
            (limit + len(held),),
        )
        out = [OutboxRow.from_row(r) for r in rows if int(r["id"]) not in held]
        return out[:limit]

    async def claim_outbox(self, row_id: int) -> bool:
        """pending -> sending, right before the Bot API call. False if someone else has it."""
        changed = await self.execute(
            """
            UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?
            WHERE id = ? AND state = 'pending'
            """,
            (self.utcnow(), row_id),
        )
        return changed > 0

    async def settle_outbox(
        self, row_id: int, state: str, error: str | None = None, message_id: int | None = None
    ) -> None:
        """Record the outcome: 'sent', 'failed', or 'pending' again (transient failure)."""
        await self.execute(
            "UPDATE outbox SET state = ?, error = ?, message_id = ?, updated_at = ? "
            "WHERE id = ?",
            (state, error, message_id, self.utcnow(), row_id),
        )

    async def release_outbox(self, row_id: int, error: str) -> None:
        """'pending' again after an attempt that never reached Telegram: not counted."""
        await self.execute(
            "UPDATE outbox SET state = 'pending', attempts = MAX(attempts - 1, 0), error = ?, "
            "updated_at = ? WHERE id = ?",
            (error, self.utcnow(), row_id),
        )

    async def settle_interrupted(self) -> int:
        """Rows left 'sending' by a crash: the message may or may not have gone out, and
        Telegram offers no way to ask. Sending again risks a duplicate, so they count as
        sent, marked 'interrupted' so the report can say how many are uncertain."""
        return await self.execute(
            "UPDATE outbox SET state = 'sent', error = ?, updated_at = ? WHERE state = 'sending'",
            (INTERRUPTED, self.utcnow()),
        )

    async def delivery_report(self, announcement_id: int) -> DeliveryReport:
        rows = await self.fetchall(
            """
            SELECT state, error, COUNT(*), SUM(read_at IS NOT NULL) FROM outbox
            WHERE announcement_id = ? GROUP BY state, error
            """,
            (announcement_id,),
        )
        counts = {"pending": 0, "sending": 0, "sent": 0, "failed": 0}
        blocked = interrupted = read = 0
        reasons: dict[str, int] = {}
        for state, error, n, n_read in rows:
            counts[state] += int(n)
            read += int(n_read or 0)
            if state == "failed" and error == BLOCKED:
                blocked += int(n)
            elif state == "failed":
                reasons[error or "?"] = reasons.get(error or "?", 0) + int(n)
            elif state == "sent" and error == INTERRUPTED:
                interrupted += int(n)
        return DeliveryReport(
            total=sum(counts.values()),
            pending=counts["pending"],
            sending=counts["sending"],
            sent=counts["sent"],
            failed=counts["failed"] - blocked,
            blocked=blocked,
            interrupted=interrupted,
            reasons=reasons,
            read=read,
        )

    async def mark_read(self, announcement_id: int, chat_id: int) -> bool:
        changed = await self.execute(
            """
            UPDATE outbox SET read_at = ? WHERE announcement_id = ? AND chat_id = ?
              AND state = 'sent' AND read_at IS NULL
            """,
            (self.utcnow(), announcement_id, chat_id),
        )
        return changed > 0

    async def unread_recipients(self, announcement_id: int) -> list[Recipient]:
        rows = await self.fetchall(
            """
            SELECT o.chat_id, COALESCE(p.name, u.first_name, '') AS name FROM outbox o
            LEFT JOIN profiles p ON p.user_id = o.chat_id
            LEFT JOIN users u ON u.id = o.chat_id
            WHERE o.announcement_id = ? AND o.state = 'sent' AND o.read_at IS NULL
              AND o.chat_id > 0
            ORDER BY 2, 1
            """,
            (announcement_id,),
        )
        return [Recipient.from_row(r) for r in rows]

    async def outbox_sent_counts(self, announcement_id: int) -> dict[int, int]:
        """chat id -> rows marked sent (tests: every recipient exactly once)."""
        rows = await self.fetchall(
            "SELECT chat_id, COUNT(*) FROM outbox WHERE announcement_id = ? AND state = 'sent' "
            "GROUP BY chat_id",
            (announcement_id,),
        )
        return {int(r[0]): int(r[1]) for r in rows}

    # -- reports ---------------------------------------------------------------------------
    async def registrations_by(self, column: str) -> list[tuple[str | None, int]]:
        """Registered delegates counted by 'region' or 'role'."""
        if column not in ("region", "role"):
            raise ValueError(column)
        rows = await self.fetchall(
            f"SELECT {column}, COUNT(*) FROM profiles GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        return [(r[0], int(r[1])) for r in rows]

    async def blocked_users(self) -> int:
        row = await self.fetchone("SELECT COUNT(*) FROM users WHERE active = 0")
        return int(row[0]) if row else 0

    async def export_registrations(self) -> list[tuple[Any, ...]]:
        rows = await self.fetchall(
            """
            SELECT p.user_id, p.name, p.instansi, COALESCE(p.region, ''), p.role,
                   COALESCE(u.username, ''), COALESCE(u.language, ''), u.active,
                   p.registered_at
            FROM profiles p LEFT JOIN users u ON u.id = p.user_id
            ORDER BY p.registered_at, p.user_id
            """
        )
        return [tuple(r) for r in rows]

    async def export_rsvps(self) -> list[tuple[Any, ...]]:
        rows = await self.fetchall(
            """
            SELECT r.user_id, COALESCE(p.name, ''), COALESCE(p.instansi, ''), r.session_id,
                   r.status, r.created_at
            FROM rsvps r LEFT JOIN profiles p ON p.user_id = r.user_id
            ORDER BY r.session_id, r.seq
            """
        )
        return [tuple(r) for r in rows]
