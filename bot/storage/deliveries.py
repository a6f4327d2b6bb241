"""Personal deliveries: one row per user, kind and ref.

A *delivery* is one personal message the bot owes a delegate at a time: a reminder before a
session, the morning brief, a "you got a seat" notice, a "your session moved" notice. The
table is the truth; the scheduler only asks it what is due. Each row goes
pending -> sending -> sent (or dropped), so a restart neither loses nor repeats one. The row
types (`Delivery`, `PlannedDelivery`, `DeliveryKind`) are in bot/storage/delegates.py.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from datetime import datetime

from bot.storage.base import Store
from bot.storage.delegates import Delivery, PlannedDelivery, iso, parse_iso


class DeliveriesMixin(Store):
    async def save_deliveries(
        self, deliveries: Iterable[PlannedDelivery], replace: bool = True
    ) -> int:
        """Insert or move deliveries (one per user, kind and ref). Sent ones are left alone.

        With `replace`, a pending delivery gets the new time; without, an existing row wins
        (a "seat" notice saved twice is still sent once).
        """
        now = self.utcnow()
        rows = [
            (p.user_id, p.kind, p.ref, iso(p.due_at), iso(p.expires_at),
             json.dumps(p.data or {}, ensure_ascii=False), now)
            for p in deliveries
        ]
        if not rows:
            return 0
        conflict = (
            """DO UPDATE SET due_at = excluded.due_at, expires_at = excluded.expires_at,
                   data = excluded.data, updated_at = excluded.updated_at
               WHERE deliveries.state = 'pending'"""
            if replace
            else "DO NOTHING"
        )
        async with self.transaction() as db:
            await db.executemany(
                f"""
                INSERT INTO deliveries (user_id, kind, ref, due_at, expires_at, data, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(user_id, kind, ref) {conflict}
                """,
                rows,
            )
        return len(rows)

    async def delete_pending_deliveries(
        self, user_id: int | None, kind: str, ref: str | None = None
    ) -> int:
        """Remove pending deliveries of a kind (for one user or all, one ref or all)."""
        clauses, params = ["state = 'pending'", "kind = ?"], [kind]
        if user_id is not None:
            clauses.append("user_id = ?")
            params.append(str(user_id))
        if ref is not None:
            clauses.append("ref = ?")
            params.append(ref)
        return await self.execute(
            f"DELETE FROM deliveries WHERE {' AND '.join(clauses)}", tuple(params)
        )

    async def pending_deliveries(self, user_id: int | None = None) -> list[Delivery]:
        where, params = ("AND d.user_id = ?", (user_id,)) if user_id is not None else ("", ())
        rows = await self.fetchall(
            f"""
            SELECT d.*, u.language FROM deliveries d JOIN users u ON u.id = d.user_id
            WHERE d.state = 'pending' {where} ORDER BY d.due_at, d.id
            """,
            params,
        )
        return [Delivery.from_row(r) for r in rows]

    async def due_counts(self, until: datetime) -> list[tuple[datetime, int]]:
        """Pending deliveries due by `until`, counted per due instant, earliest first.

        Grouped in SQL over the (state, due_at) index: a handful of instants (sessions
        times leads) however many delegates, so the scheduler can afford it every tick.
        """
        rows = await self.fetchall(
            """
            SELECT due_at, COUNT(*) FROM deliveries
            WHERE state = 'pending' AND due_at <= ? GROUP BY due_at ORDER BY due_at
            """,
            (iso(until),),
        )
        return [(parse_iso(r[0]), int(r[1])) for r in rows]

    async def due_deliveries(
        self, until: datetime, limit: int, skip: Collection[int] = ()
    ) -> list[Delivery]:
        """Pending deliveries due by `until` for active users, earliest first, not claimed
        (`claim_delivery` takes each one right before its call)."""
        held = ",".join(str(int(i)) for i in skip)
        rows = await self.fetchall(
            f"""
            SELECT d.*, u.language FROM deliveries d JOIN users u ON u.id = d.user_id
            WHERE d.state = 'pending' AND d.due_at <= ? AND u.active = 1
              {f"AND d.id NOT IN ({held})" if held else ""}
            ORDER BY d.due_at, d.id LIMIT ?
            """,
            (iso(until), limit),
        )
        return [Delivery.from_row(r) for r in rows]

    async def claim_delivery(self, delivery_id: int) -> bool:
        """Mark one delivery 'sending' right before its call; False if it is no longer
        pending (unplanned, cancelled or taken meanwhile)."""
        changed = await self.execute(
            "UPDATE deliveries SET state = 'sending', updated_at = ? "
            "WHERE id = ? AND state = 'pending'",
            (self.utcnow(), delivery_id),
        )
        return changed == 1

    async def finish_delivery(self, delivery_id: int, state: str) -> None:
        """Record the outcome: 'sent' or 'dropped' (expired, cancelled, user gone)."""
        await self.execute(
            "UPDATE deliveries SET state = ?, updated_at = ? WHERE id = ?",
            (state, self.utcnow(), delivery_id),
        )

    async def release_delivery(self, delivery_id: int) -> None:
        """Sending failed transiently: back to pending for the next tick."""
        await self.execute(
            "UPDATE deliveries SET state = 'pending', updated_at = ? WHERE id = ?",
            (self.utcnow(), delivery_id),
        )

    async def interrupted_deliveries(self) -> list[Delivery]:
        """Rows left 'sending' by a crash: the send may or may not have happened."""
        rows = await self.fetchall(
            """
            SELECT d.*, u.language FROM deliveries d JOIN users u ON u.id = d.user_id
            WHERE d.state = 'sending'
            """
        )
        return [Delivery.from_row(r) for r in rows]

    async def delivery_counts(self) -> dict[str, int]:
        rows = await self.fetchall("SELECT state, COUNT(*) FROM deliveries GROUP BY state")
        return {r[0]: int(r[1]) for r in rows}
