"""City tour: bus assignments, bus leaders, check-ins, and the phone delegates share for it.

Check-ins keep no coordinates: a shared location is turned into a distance to the meeting
point at once, and even that distance is erased when the tour ends (`purge_locations`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from sqlite3 import Row
from typing import Self

from bot.storage.base import Store


@dataclass(frozen=True, slots=True)
class TourMember:
    """A tour participant as the roll call shows them."""

    user_id: int
    name: str
    region: str | None
    phone: str | None
    username: str | None
    bus_id: str | None
    checked_in_at: str | None
    method: str | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(**dict(row))


#: Delegates whose bus is kept in memory, the most recently read.
BUSES_CACHED = 10_000


class TourMixin(Store):
    def _init_caches(self) -> None:
        super()._init_caches()
        # A delegate's bus, read by every city tour answer: from memory. Every write to
        # tour_buses is below (assign_buses, unassign_bus) or forget_user (`_forget_cached`),
        # and each drops it all; a read that overlapped a write is not kept.
        self._buses: OrderedDict[int, str | None] = OrderedDict()
        self._bus_generation = 0

    def _buses_changed(self) -> None:
        self._bus_generation += 1
        self._buses.clear()

    def _forget_cached(self, user_id: int) -> None:
        super()._forget_cached(user_id)
        self._buses_changed()

    async def set_phone(self, user_id: int, phone: str) -> None:
        await self.execute("UPDATE profiles SET phone = ? WHERE user_id = ?", (phone, user_id))

    async def assign_bus(self, user_id: int, bus_id: str, by: int | None) -> None:
        await self.assign_buses([(user_id, bus_id)], by)

    async def assign_buses(
        self, assignments: Iterable[tuple[int, str]], by: int | None = None
    ) -> int:
        """Seat users on buses (moving those already seated); `by`: the organizer, or None
        when the bot assigned them."""
        try:
            return await self._assign_buses(assignments, by)
        finally:
            self._buses_changed()

    async def _assign_buses(self, assignments: Iterable[tuple[int, str]], by: int | None) -> int:
        now = self.utcnow()
        rows = [(user, bus, by, now) for user, bus in assignments]
        async with self.transaction() as db:
            await db.executemany(
                """
                INSERT INTO tour_buses (user_id, bus_id, assigned_by, assigned_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT(user_id) DO UPDATE SET bus_id = excluded.bus_id,
                    assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
                """,
                rows,
            )
        return len(rows)

    async def unassign_bus(self, user_id: int) -> None:
        try:
            await self.execute("DELETE FROM tour_buses WHERE user_id = ?", (user_id,))
        finally:
            self._buses_changed()

    async def bus_of(self, user_id: int) -> str | None:
        if user_id in self._buses:
            self._buses.move_to_end(user_id)
            return self._buses[user_id]
        generation = self._bus_generation
        row = await self.fetchone("SELECT bus_id FROM tour_buses WHERE user_id = ?", (user_id,))
        bus = str(row[0]) if row else None
        if generation == self._bus_generation:
            self._buses[user_id] = bus
            if len(self._buses) > BUSES_CACHED:
                self._buses.popitem(last=False)
        return bus

    async def set_bus_leader(self, user_id: int, bus_id: str, by: int) -> None:
        await self.execute(
            """
            INSERT INTO bus_leaders (user_id, bus_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET bus_id = excluded.bus_id,
                assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
            """,
            (user_id, bus_id, by, self.utcnow()),
        )

    async def led_bus(self, user_id: int) -> str | None:
        row = await self.fetchone("SELECT bus_id FROM bus_leaders WHERE user_id = ?", (user_id,))
        return str(row[0]) if row else None

    async def check_in(self, user_id: int, method: str, distance_m: int | None) -> bool:
        """Record presence at the meeting point; False if already checked in."""
        changed = await self.execute(
            """
            INSERT INTO tour_checkins (user_id, at, method, distance_m) VALUES (?, ?, ?, ?)
            ON CONFLICT(user_id) DO NOTHING
            """,
            (user_id, self.utcnow(), method, distance_m),
        )
        return changed > 0

    async def checked_in(self, user_id: int) -> bool:
        row = await self.fetchone("SELECT 1 FROM tour_checkins WHERE user_id = ?", (user_id,))
        return row is not None

    async def uncheck(self, user_id: int) -> bool:
        """Undo a check-in (a bus leader's mistaken tap); False if there was none."""
        return await self.execute("DELETE FROM tour_checkins WHERE user_id = ?", (user_id,)) > 0

    async def tour_members(self, session_id: str) -> list[TourMember]:
        """Everyone going on the tour, plus anyone checked in without an RSVP."""
        rows = await self.fetchall(
            """
            SELECT u.id AS user_id, COALESCE(p.name, u.first_name) AS name, p.region,
                   p.phone, u.username, b.bus_id, c.at AS checked_in_at, c.method
            FROM users u
            LEFT JOIN profiles p ON p.user_id = u.id
            LEFT JOIN tour_buses b ON b.user_id = u.id
            LEFT JOIN tour_checkins c ON c.user_id = u.id
            WHERE u.id IN (SELECT user_id FROM rsvps WHERE session_id = ? AND status = 'going')
               OR u.id IN (SELECT user_id FROM tour_checkins)
            ORDER BY name
            """,
            (session_id,),
        )
        return [TourMember.from_row(r) for r in rows]

    async def stored_distances(self) -> int:
        row = await self.fetchone(
            "SELECT COUNT(*) FROM tour_checkins WHERE distance_m IS NOT NULL"
        )
        return int(row[0]) if row else 0

    async def purge_locations(self) -> int:
        """After the tour: forget every trace of where people were, and the phone numbers
        shared only so a bus leader could call them."""
        distances = await self.execute(
            "UPDATE tour_checkins SET distance_m = NULL WHERE distance_m IS NOT NULL"
        )
        phones = await self.execute("UPDATE profiles SET phone = NULL WHERE phone IS NOT NULL")
        return distances + phones
