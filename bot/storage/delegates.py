"""Delegates: profiles, preferences, RSVPs with waiting lists, and the row types of personal
deliveries (their queries: bot/storage/deliveries.py)."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from sqlite3 import Row
from typing import Any, Self

from bot.storage.base import Store

#: The RSVP for the event as a whole (event ids never start with "_").
EVENT_RSVP = "_event"
ROLES = ("delegasi", "narasumber", "panitia", "media")


class DeliveryKind(StrEnum):
    """What a delivery row is; stored in `deliveries.kind`."""

    REMINDER = "reminder"
    BRIEF = "brief"
    SEAT = "seat"
    CHANGE = "change"
    TOUR_EVE = "tour_eve"
    TOUR_GATHER = "tour_gather"
    BUS_MSG = "bus_msg"
    FEEDBACK = "feedback"  # after a session: stars and a comment (bot/features/feedback.py)
    EVALUATION = "evaluation"  # the event's evaluation (bot/features/evaluation.py)


def _kind(value: str) -> DeliveryKind | str:
    """The kind as an enum; an unknown one (a newer bot wrote it) stays text and is skipped."""
    try:
        return DeliveryKind(value)
    except ValueError:
        return value


def iso(moment: datetime) -> str:
    """UTC ISO text with milliseconds: sorts and compares correctly as a string in SQL
    (always the same precision, so a delivery is never due up to a second early)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Profile:
    user_id: int
    name: str
    instansi: str
    region: str | None
    role: str

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(row["user_id"], row["name"], row["instansi"], row["region"], row["role"])


@dataclass(frozen=True, slots=True)
class Preferences:
    reminder_lead: int  # minutes; 0 = off
    morning_brief: bool

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(int(row["reminder_lead"]), bool(row["morning_brief"]))


@dataclass(frozen=True, slots=True)
class Rsvp:
    user_id: int
    session_id: str
    status: str  # going | waiting
    seen_start: str | None
    seen_venue: str | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            row["user_id"], row["session_id"], row["status"], row["seen_start"], row["seen_venue"]
        )


@dataclass(frozen=True, slots=True)
class RsvpResult:
    status: str  # going | waiting
    #: 1-based place on the waiting list (0 when going).
    position: int
    #: False when the delegate already had this RSVP.
    changed: bool


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    user_id: int
    kind: DeliveryKind | str
    ref: str
    due_at: datetime
    expires_at: datetime
    data: dict[str, Any]
    language: str | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        """A `deliveries` row joined with its user's language."""
        return cls(
            id=int(row["id"]),
            user_id=int(row["user_id"]),
            kind=_kind(row["kind"]),
            ref=row["ref"],
            due_at=parse_iso(row["due_at"]),
            expires_at=parse_iso(row["expires_at"]),
            data=json.loads(row["data"] or "{}"),
            language=row["language"],
        )


@dataclass(frozen=True, slots=True)
class PlannedDelivery:
    user_id: int
    kind: str
    ref: str
    due_at: datetime
    expires_at: datetime
    data: dict[str, Any] | None = None


#: Delegates whose RSVP rows are kept in memory, the most recently read.
RSVP_USERS_CACHED = 10_000


class DelegatesMixin(Store):
    def _init_caches(self) -> None:
        super()._init_caches()
        # What every session card reads — the delegate's own RSVP row and the seat counts —
        # from memory. Every write to `rsvps` is below (rsvp, cancel_rsvp, mark_session_seen)
        # or forget_user (`_forget_cached`), and each ends with `_rsvps_changed`, which drops
        # all of it; a read that overlapped a write is not kept (its generation is old).
        self._rsvp_rows: OrderedDict[int, dict[str, Rsvp]] = OrderedDict()
        self._rsvp_counts: dict[str, tuple[int, int]] | None = None
        self._rsvp_generation = 0

    def _rsvps_changed(self) -> None:
        self._rsvp_generation += 1
        self._rsvp_rows.clear()
        self._rsvp_counts = None

    def _forget_cached(self, user_id: int) -> None:
        super()._forget_cached(user_id)
        self._rsvps_changed()  # forget_user deleted the user's RSVPs

    # -- profile and preferences -----------------------------------------------------------
    async def save_profile(
        self, user_id: int, name: str, instansi: str, region: str | None, role: str
    ) -> None:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        now = self.utcnow()
        await self.execute(
            """
            INSERT INTO profiles (user_id, name, instansi, region, role, registered_at,
                                  updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET
                name = excluded.name, instansi = excluded.instansi,
                region = excluded.region, role = excluded.role,
                updated_at = excluded.updated_at
            """,
            (user_id, name, instansi, region, role, now, now),
        )

    async def get_profile(self, user_id: int) -> Profile | None:
        row = await self.fetchone(
            "SELECT user_id, name, instansi, region, role FROM profiles WHERE user_id = ?",
            (user_id,),
        )
        return Profile.from_row(row) if row else None

    async def get_preferences(self, user_id: int) -> Preferences:
        row = await self.fetchone(
            "SELECT reminder_lead, morning_brief FROM users WHERE id = ?", (user_id,)
        )
        if row is None:
            return Preferences(15, True)
        return Preferences.from_row(row)

    async def set_reminder_lead(self, user_id: int, minutes: int) -> None:
        await self.execute("UPDATE users SET reminder_lead = ? WHERE id = ?", (minutes, user_id))

    async def set_morning_brief(self, user_id: int, enabled: bool) -> None:
        await self.execute(
            "UPDATE users SET morning_brief = ? WHERE id = ?", (int(enabled), user_id)
        )

    # -- RSVPs -----------------------------------------------------------------------------
    async def rsvp(
        self,
        user_id: int,
        session_id: str,
        capacity: int | None,
        seen_start: str | None = None,
        seen_venue: str | None = None,
    ) -> RsvpResult:
        """Say the delegate comes. Within `capacity` they get a seat, else a waiting place.

        One transaction: two delegates racing for the last seat cannot both get it.
        """
        try:
            return await self._rsvp(user_id, session_id, capacity, seen_start, seen_venue)
        finally:
            self._rsvps_changed()

    async def _rsvp(
        self,
        user_id: int,
        session_id: str,
        capacity: int | None,
        seen_start: str | None,
        seen_venue: str | None,
    ) -> RsvpResult:
        async with self.transaction() as db:
            async with db.execute(
                "SELECT status, seq FROM rsvps WHERE user_id = ? AND session_id = ?",
                (user_id, session_id),
            ) as cur:
                existing = await cur.fetchone()
            if existing is None:
                async with db.execute(
                    "SELECT COUNT(*) FROM rsvps WHERE session_id = ? AND status = 'going'",
                    (session_id,),
                ) as cur:
                    row = await cur.fetchone()
                going = int(row[0]) if row else 0
                status = "going" if capacity is None or going < capacity else "waiting"
                await db.execute(
                    """
                    INSERT INTO rsvps (user_id, session_id, status, seen_start, seen_venue,
                                       created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    (user_id, session_id, status, seen_start, seen_venue, self.utcnow()),
                )
                changed = True
            else:
                status, changed = existing["status"], False
            position = 0
            if status == "waiting":
                async with db.execute(
                    """
                    SELECT COUNT(*) FROM rsvps
                    WHERE session_id = ? AND status = 'waiting'
                      AND seq <= (SELECT seq FROM rsvps WHERE user_id = ? AND session_id = ?)
                    """,
                    (session_id, user_id, session_id),
                ) as cur:
                    row = await cur.fetchone()
                position = int(row[0]) if row else 0
        return RsvpResult(status, position, changed)

    async def cancel_rsvp(
        self, user_id: int, session_id: str, capacity: int | None
    ) -> tuple[bool, int | None]:
        """Withdraw an RSVP and its pending deliveries for that session.

        Returns (whether there was one, the user promoted from the waiting list if a seat
        freed up). Promotion happens in the same transaction as the cancellation.
        """
        try:
            return await self._cancel_rsvp(user_id, session_id, capacity)
        finally:
            self._rsvps_changed()

    async def _cancel_rsvp(
        self, user_id: int, session_id: str, capacity: int | None
    ) -> tuple[bool, int | None]:
        promoted: int | None = None
        async with self.transaction() as db:
            async with db.execute(
                "SELECT status FROM rsvps WHERE user_id = ? AND session_id = ?",
                (user_id, session_id),
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                return False, None
            await db.execute(
                "DELETE FROM rsvps WHERE user_id = ? AND session_id = ?", (user_id, session_id)
            )
            await db.execute(
                "DELETE FROM deliveries WHERE user_id = ? AND ref = ? AND state = 'pending'",
                (user_id, session_id),
            )
            if row["status"] == "going" and capacity is not None:
                async with db.execute(
                    "SELECT COUNT(*) FROM rsvps WHERE session_id = ? AND status = 'going'",
                    (session_id,),
                ) as cur:
                    count = await cur.fetchone()
                if count is not None and int(count[0]) < capacity:
                    async with db.execute(
                        """
                        SELECT user_id FROM rsvps WHERE session_id = ? AND status = 'waiting'
                        ORDER BY seq LIMIT 1
                        """,
                        (session_id,),
                    ) as cur:
                        first = await cur.fetchone()
                    if first is not None:
                        promoted = int(first["user_id"])
                        await db.execute(
                            "UPDATE rsvps SET status = 'going' "
                            "WHERE user_id = ? AND session_id = ?",
                            (promoted, session_id),
                        )
        return True, promoted

    async def user_rsvps(self, user_id: int) -> list[Rsvp]:
        rows = await self.fetchall(
            """
            SELECT user_id, session_id, status, seen_start, seen_venue FROM rsvps
            WHERE user_id = ? ORDER BY seq
            """,
            (user_id,),
        )
        return [Rsvp.from_row(r) for r in rows]

    async def get_rsvp(self, user_id: int, session_id: str) -> Rsvp | None:
        mine = self._rsvp_rows.get(user_id)
        if mine is not None:
            self._rsvp_rows.move_to_end(user_id)
            return mine.get(session_id)
        generation = self._rsvp_generation
        # All of the delegate's rows in one query: the next card they open needs no other.
        rows = await self.fetchall(
            """
            SELECT user_id, session_id, status, seen_start, seen_venue FROM rsvps
            WHERE user_id = ?
            """,
            (user_id,),
        )
        mine = {r["session_id"]: Rsvp.from_row(r) for r in rows}
        if generation == self._rsvp_generation:
            self._rsvp_rows[user_id] = mine
            if len(self._rsvp_rows) > RSVP_USERS_CACHED:
                self._rsvp_rows.popitem(last=False)
        return mine.get(session_id)

    async def rsvp_counts(self) -> dict[str, tuple[int, int]]:
        """session id -> (going, waiting)."""
        if self._rsvp_counts is None:
            generation = self._rsvp_generation
            rows = await self.fetchall(
                """
                SELECT session_id, SUM(status = 'going'), SUM(status = 'waiting') FROM rsvps
                GROUP BY session_id
                """
            )
            counts = {r[0]: (int(r[1] or 0), int(r[2] or 0)) for r in rows}
            if generation != self._rsvp_generation:
                return counts
            self._rsvp_counts = counts
        return dict(self._rsvp_counts)

    async def session_rsvps(self, session_id: str) -> list[Rsvp]:
        rows = await self.fetchall(
            """
            SELECT user_id, session_id, status, seen_start, seen_venue FROM rsvps
            WHERE session_id = ? ORDER BY seq
            """,
            (session_id,),
        )
        return [Rsvp.from_row(r) for r in rows]

    async def all_rsvps(self) -> list[Rsvp]:
        rows = await self.fetchall(
            "SELECT user_id, session_id, status, seen_start, seen_venue FROM rsvps ORDER BY seq"
        )
        return [Rsvp.from_row(r) for r in rows]

    async def rsvps_told_otherwise(self, session_id: str, start: str, venue: str) -> list[Rsvp]:
        """RSVPs to a session whose delegate was told another time or venue (or nothing yet):
        what a programme change has to look at, found through `rsvps_by_session`."""
        rows = await self.fetchall(
            """
            SELECT user_id, session_id, status, seen_start, seen_venue FROM rsvps
            WHERE session_id = ?
              AND (seen_start IS NULL OR seen_start != ? OR seen_venue IS NOT ?)
            ORDER BY seq
            """,
            (session_id, start, venue),
        )
        return [Rsvp.from_row(r) for r in rows]

    async def rsvps_outside(self, session_ids: Collection[str]) -> list[Rsvp]:
        """RSVPs to sessions not in `session_ids` (cancelled ones), the whole event's aside."""
        rows = await self.fetchall(
            """
            SELECT user_id, session_id, status, seen_start, seen_venue FROM rsvps
            WHERE session_id != ? AND session_id NOT IN (SELECT value FROM json_each(?))
            ORDER BY seq
            """,
            (EVENT_RSVP, json.dumps(list(session_ids))),
        )
        return [Rsvp.from_row(r) for r in rows]

    async def reminder_leads(self, session_id: str) -> list[tuple[int, int]]:
        """(user, reminder lead in minutes) of everyone going to a session with reminders on."""
        rows = await self.fetchall(
            """
            SELECT u.id, u.reminder_lead FROM rsvps r JOIN users u ON u.id = r.user_id
            WHERE r.session_id = ? AND r.status = 'going' AND u.reminder_lead > 0
            """,
            (session_id,),
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    async def mark_session_seen(self, session_id: str, start: str, venue: str) -> int:
        """Every delegate of a session now knows its current time and venue (one statement,
        touching only the rows that differ)."""
        try:
            return await self._mark_session_seen(session_id, start, venue)
        finally:
            self._rsvps_changed()

    async def _mark_session_seen(self, session_id: str, start: str, venue: str) -> int:
        return await self.execute(
            """
            UPDATE rsvps SET seen_start = ?, seen_venue = ?
            WHERE session_id = ?
              AND (seen_start IS NULL OR seen_start != ? OR seen_venue IS NOT ?)
            """,
            (start, venue, session_id, start, venue),
        )

    async def waiting_position(self, user_id: int, session_id: str) -> int:
        row = await self.fetchone(
            """
            SELECT COUNT(*) FROM rsvps
            WHERE session_id = ? AND status = 'waiting'
              AND seq <= (SELECT seq FROM rsvps WHERE user_id = ? AND session_id = ?)
            """,
            (session_id, user_id, session_id),
        )
        return int(row[0]) if row else 0

