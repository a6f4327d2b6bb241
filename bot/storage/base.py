"""SQLite storage through aiosqlite: the only module with SQL in it.

Migrations are an ordered list of small, described steps. Each runs in its own transaction
together with the version bump, so a crash leaves the database at a known version. A
database written by a newer version of the bot is refused rather than guessed at.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "users: who talked to the bot and in which language",
        """
        CREATE TABLE users (
            id          INTEGER PRIMARY KEY,   -- Telegram user id
            first_name  TEXT NOT NULL DEFAULT '',
            username    TEXT,
            language    TEXT,                  -- NULL: not chosen, use the default
            active      INTEGER NOT NULL DEFAULT 1,
            created_at  TEXT NOT NULL,
            last_seen   TEXT NOT NULL
        );
        """,
    ),
)


class StorageError(Exception):
    """The database cannot be used (newer schema, unreadable file...)."""


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    first_name: str
    username: str | None
    language: str | None
    active: bool


def _utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Repo:
    """All reads and writes of the bot's state. Open with `await Repo.open(path)`."""

    def __init__(self, db: aiosqlite.Connection, path: str) -> None:
        self._db = db
        self.path = path
        # Language of users already recorded in this run, so the per-update hook costs
        # no query for a known user (the hot path of every message).
        self._languages: dict[int, str | None] = {}

    @classmethod
    async def open(cls, path: str | Path) -> Repo:
        target = str(path)
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        try:
            db = await aiosqlite.connect(target, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"{target}: cannot open database: {exc}") from exc
        db.row_factory = aiosqlite.Row
        repo = cls(db, target)
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA foreign_keys=ON")
            await db.execute("PRAGMA busy_timeout=5000")
            await repo._migrate()
        except BaseException:
            await db.close()
            raise
        return repo

    async def close(self) -> None:
        await self._db.close()

    # -- migrations ------------------------------------------------------------------------
    async def schema_version(self) -> int:
        async with self._db.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        try:
            current = await self.schema_version()
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.path}: not a usable SQLite database: {exc}") from exc
        latest = MIGRATIONS[-1].version
        if current > latest:
            raise StorageError(
                f"{self.path}: database schema version {current} is newer than this "
                f"bot knows ({latest}); upgrade the bot or restore a backup"
            )
        for step in MIGRATIONS:
            if step.version <= current:
                continue
            log.info("migrating database to version %d: %s", step.version, step.description)
            try:
                await self._db.execute("BEGIN IMMEDIATE")
                for statement in step.sql.split(";"):
                    if statement.strip():
                        await self._db.execute(statement)
                # PRAGMA does not take parameters; the version is our own integer.
                await self._db.execute(f"PRAGMA user_version = {int(step.version)}")
                await self._db.execute("COMMIT")
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise

    # -- users -----------------------------------------------------------------------------
    async def touch_user(self, user_id: int, first_name: str, username: str | None) -> UserRow:
        """Record that the user was seen; return their row (created if new)."""
        now = _utcnow()
        await self._db.execute(
            """
            INSERT INTO users (id, first_name, username, created_at, last_seen)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET
                first_name = excluded.first_name,
                username = excluded.username,
                last_seen = excluded.last_seen,
                active = 1
            """,
            (user_id, first_name, username, now, now),
        )
        row = await self.get_user(user_id)
        assert row is not None  # just written
        return row

    async def seen_user(self, user_id: int, first_name: str, username: str | None) -> str | None:
        """Record a user once per run and return their chosen language (None: default)."""
        if user_id in self._languages:
            return self._languages[user_id]
        row = await self.touch_user(user_id, first_name, username)
        self._languages[user_id] = row.language
        return row.language

    def cached_language(self, user_id: int) -> str | None:
        """The language recorded for a user seen in this run, without a query."""
        return self._languages.get(user_id)

    async def get_user(self, user_id: int) -> UserRow | None:
        async with self._db.execute(
            "SELECT id, first_name, username, language, active FROM users WHERE id = ?",
            (user_id,),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        return UserRow(
            id=row["id"],
            first_name=row["first_name"],
            username=row["username"],
            language=row["language"],
            active=bool(row["active"]),
        )

    async def set_language(self, user_id: int, language: str) -> None:
        await self._db.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))
        self._languages[user_id] = language

    async def count_users(self) -> int:
        async with self._db.execute("SELECT COUNT(*) FROM users") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0
