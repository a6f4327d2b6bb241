"""The connection and the migrations runner, shared by every storage module.

Migrations are an ordered list of small, described steps. Each runs in its own transaction
together with the version bump, so a crash leaves the database at a known version. A
database written by a newer version of the bot is refused rather than guessed at.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


class StorageError(Exception):
    """The database cannot be used (newer schema, unreadable file...)."""


S = TypeVar("S", bound="Store")


def split_sql(script: str) -> list[str]:
    """Statements of a script, split where SQLite itself would end them.

    `executescript` would do this but commits first, breaking the one-transaction-per-
    migration rule; a plain split on ";" breaks on a semicolon inside a comment or string.
    """
    statements, buffer = [], ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                statements.append(buffer)
            buffer = ""
    if buffer.strip(" \n\t;"):
        statements.append(buffer)
    return statements


def _backup_paths(source: str, target: str | Path) -> tuple[Path, Path]:
    """The backup's final path and the temporary one it is written to first."""
    final = Path(target).expanduser().resolve()
    if source != ":memory:" and final == Path(source).expanduser().resolve():
        raise StorageError(f"{final}: the backup would overwrite the database itself")
    if not final.parent.is_dir():
        raise StorageError(f"{final.parent}: no such directory for the backup")
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    return final, partial


def _seal_copy(copy: sqlite3.Connection) -> str:
    """Make a fresh backup copy one self-contained file and return its integrity check."""
    copy.execute("PRAGMA journal_mode=DELETE")
    row = copy.execute("PRAGMA integrity_check").fetchone()
    return str(row[0]) if row else "no answer"


def utcnow(now: datetime | None = None) -> str:
    """`now` (default: the wall clock) as the UTC ISO text stored in every timestamp column."""
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


class Store:
    """The connection, transactions and migrations; feature mixins add the queries."""

    #: The schema's steps in version order (`bot.storage.migrations`, set by `Repo`).
    migrations: tuple[Migration, ...] = ()

    def __init__(
        self, db: aiosqlite.Connection, path: str, clock: Callable[[], datetime] | None = None
    ) -> None:
        self._db = db
        self.path = path
        # The bot's clock (bot/clock.py), so timestamps shown to people (a check-in time, an
        # announcement's date) agree with the pinned or shifted time of tests and rehearsals.
        self._clock = clock
        # One connection is shared by all handlers; multi-statement transactions take this
        # lock so two coroutines never interleave inside one BEGIN...COMMIT.
        self._tx_lock = asyncio.Lock()
        self._init_caches()

    def _init_caches(self) -> None:
        """Mixins that keep in-memory caches set them up here."""

    def _forget_cached(self, user_id: int) -> None:
        """Mixins that cache per-user rows drop this user's (after `forget_user`)."""

    def utcnow(self) -> str:
        return utcnow(self._clock() if self._clock is not None else None)

    @classmethod
    async def open(
        cls: type[S], path: str | Path, clock: Callable[[], datetime] | None = None
    ) -> S:
        target = str(path)
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        try:
            db = await aiosqlite.connect(target, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"{target}: cannot open database: {exc}") from exc
        db.row_factory = aiosqlite.Row
        repo = cls(db, target, clock)
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA foreign_keys=ON")
            await db.execute("PRAGMA busy_timeout=5000")
            await repo._migrate()
            if target != ":memory:":
                await repo._check_writable()
        except sqlite3.Error as exc:
            # A read-only, locked or damaged file: say so in one line instead of a traceback
            # from deep inside the start-up (the caller exits non-zero with this message).
            await db.close()
            raise StorageError(f"{target}: cannot use database: {exc}") from exc
        except BaseException:
            await db.close()
            raise
        return repo

    async def close(self) -> None:
        await self._db.close()

    async def _check_writable(self) -> None:
        """Fail now, not at the first write, if the file cannot be written.

        An up-to-date database needs no migration, so a read-only file (permissions, a
        read-only mount) or one another process holds locked would otherwise open fine and
        fail inside a handler or the outbox with a traceback (tests/test_process.py). Setting
        user_version to its own value is a real write; rolled back, it changes nothing.
        """
        version = await self.schema_version()
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            # PRAGMA does not take parameters; the version is our own integer.
            await self._db.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            if self._db.in_transaction:  # a failed write may have ended it already
                await self._db.execute("ROLLBACK")

    async def backup(self, target: str | Path) -> Path:
        """Copy the whole database to `target` with SQLite's online backup; return the path.

        Safe while the bot runs: the backup API reads a consistent snapshot page by page and
        WAL lets the bot keep writing meanwhile. The copy is written next to `target` and
        renamed into place only once complete and checked, so a crash or a full disk never
        leaves a half-written file under the backup's name. The copy is switched to a plain
        rollback journal: one self-contained file to carry away.
        """
        final, partial = _backup_paths(self.path, target)
        try:
            # aiosqlite runs the backup on its own thread, so the target connection must
            # allow use from a thread other than the one that created it.
            copy = sqlite3.connect(partial, check_same_thread=False)
            try:
                await self._db.backup(copy)
                # Off the event loop: checking a large copy takes a moment.
                check = await asyncio.to_thread(_seal_copy, copy)
            finally:
                copy.close()
            if check != "ok":
                raise StorageError(f"{final}: the backup copy failed its integrity check")
            partial.replace(final)
        except (sqlite3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise StorageError(f"{final}: backup failed: {exc}") from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return final

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
        latest = self.migrations[-1].version
        if current > latest:
            raise StorageError(
                f"{self.path}: database schema version {current} is newer than this "
                f"bot knows ({latest}); upgrade the bot or restore a backup"
            )
        for step in self.migrations:
            if step.version <= current:
                continue
            log.info("migrating database to version %d: %s", step.version, step.description)
            try:
                await self._db.execute("BEGIN IMMEDIATE")
                for statement in split_sql(step.sql):
                    await self._db.execute(statement)
                # PRAGMA does not take parameters; the version is our own integer.
                await self._db.execute(f"PRAGMA user_version = {int(step.version)}")
                await self._db.execute("COMMIT")
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error), one at a time."""
        async with self._tx_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    # Each await on aiosqlite is a hop to its thread and back (~50 µs): a cursor opened, read
    # and closed costs three, `execute_fetchall` one. These run on every update.

    async def fetchone(self, sql: str, params: tuple[Any, ...] = ()) -> aiosqlite.Row | None:
        """The first row of a query for at most one row (by key, or an aggregate)."""
        rows = await self._db.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: tuple[Any, ...] = ()) -> list[aiosqlite.Row]:
        return list(await self._db.execute_fetchall(sql, params))

    async def execute_returning(
        self, sql: str, params: tuple[Any, ...] = ()
    ) -> list[aiosqlite.Row]:
        """One statement with RETURNING, outside a transaction block: its rows, in one trip."""
        if self._tx_lock.locked():
            async with self._tx_lock:  # as in `execute`
                return list(await self._db.execute_fetchall(sql, params))
        return list(await self._db.execute_fetchall(sql, params))

    async def execute(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        """Run one statement outside a transaction block; return the rows it changed."""
        if self._tx_lock.locked():
            # Wait for a running transaction so this statement is not swallowed by it.
            async with self._tx_lock:
                cursor = await self._db.execute(sql, params)
        else:
            cursor = await self._db.execute(sql, params)
        return cursor.rowcount
