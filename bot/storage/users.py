"""Users: who talked to the bot, in which language, and whether they can be reached."""

from __future__ import annotations

from dataclasses import dataclass
from sqlite3 import Row
from typing import Self

from bot.storage.base import Store


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    first_name: str
    username: str | None
    language: str | None
    active: bool

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(
            id=row["id"],
            first_name=row["first_name"],
            username=row["username"],
            language=row["language"],
            active=bool(row["active"]),
        )


class UsersMixin(Store):
    def _init_caches(self) -> None:
        super()._init_caches()
        # Language of users already recorded in this run, so the per-update hook costs
        # no query for a known user (the hot path of every message).
        self._languages: dict[int, str | None] = {}

    async def touch_user(self, user_id: int, first_name: str, username: str | None) -> UserRow:
        """Record that the user was seen (and can be reached); return their row."""
        now = self.utcnow()
        # RETURNING: the row as written, in the same trip to the database (the first update
        # of each user in a run waits for this).
        rows = await self.execute_returning(
            """
            INSERT INTO users (id, first_name, username, created_at, last_seen)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET
                first_name = excluded.first_name,
                username = excluded.username,
                last_seen = excluded.last_seen,
                active = 1
            RETURNING id, first_name, username, language, active
            """,
            (user_id, first_name, username, now, now),
        )
        return UserRow.from_row(rows[0])

    async def seen_user(self, user_id: int, first_name: str, username: str | None) -> str | None:
        """Record a user once per run and return their chosen language (None: default)."""
        if user_id in self._languages:
            return self._languages[user_id]
        row = await self.touch_user(user_id, first_name, username)
        self._languages[user_id] = row.language
        return row.language

    def _forget_cached(self, user_id: int) -> None:
        super()._forget_cached(user_id)
        self._languages.pop(user_id, None)

    def cached_language(self, user_id: int) -> str | None:
        """The language recorded for a user seen in this run, without a query."""
        return self._languages.get(user_id)

    async def chosen_languages(self) -> list[tuple[int, str]]:
        """Users who chose a language (/bahasa) and can be reached: each private chat of
        theirs has its own command menu, which a change of the event's features must follow."""
        rows = await self.fetchall(
            "SELECT id, language FROM users WHERE language IS NOT NULL AND active = 1 ORDER BY id")
        return [(int(r[0]), str(r[1])) for r in rows]

    async def get_user(self, user_id: int) -> UserRow | None:
        row = await self.fetchone(
            "SELECT id, first_name, username, language, active FROM users WHERE id = ?",
            (user_id,),
        )
        return UserRow.from_row(row) if row else None

    async def set_language(self, user_id: int, language: str) -> None:
        await self.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))
        self._languages[user_id] = language

    async def mark_inactive(self, user_id: int) -> None:
        """The user blocked the bot: skip them until they write again."""
        await self.execute("UPDATE users SET active = 0 WHERE id = ?", (user_id,))
        self._languages.pop(user_id, None)

    async def count_users(self) -> int:
        row = await self.fetchone("SELECT COUNT(*) FROM users")
        return int(row[0]) if row else 0
