"""Storage as a whole: the ordered migrations and what forgetting a user leaves behind."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from bot.storage import Repo
from bot.storage.base import split_sql
from bot.storage.migrations import MIGRATIONS

#: sha256 of each released step's SQL: databases in use have run exactly this text, so a
#: released step is never edited (add a new step instead).
RELEASED = {
    1: "fb26b17aea30f7f4",
    2: "62293425b4cb3f6e",
    3: "751c3d0b179744af",
    4: "603bebaa8afd327d",
    5: "4a4ca5358f0d57ba",
}


def test_migrations_are_numbered_from_one_without_gaps_or_duplicates() -> None:
    versions = [step.version for step in MIGRATIONS]
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    descriptions = [step.description for step in MIGRATIONS]
    assert all(d.strip() for d in descriptions)
    assert len(set(descriptions)) == len(descriptions)
    assert Repo.migrations == MIGRATIONS


def test_released_migrations_are_unchanged() -> None:
    by_version = {step.version: step for step in MIGRATIONS}
    for version, digest in RELEASED.items():
        sql = by_version[version].sql
        assert hashlib.sha256(sql.encode()).hexdigest()[:16] == digest, version


@pytest.mark.parametrize("reached", range(len(MIGRATIONS)))
async def test_a_database_at_any_earlier_version_migrates_to_the_latest(
    tmp_path: Path, reached: int
) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        for step in MIGRATIONS[:reached]:
            for statement in split_sql(step.sql):
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {reached}")
    repo = await Repo.open(path)
    try:
        assert await repo.schema_version() == MIGRATIONS[-1].version
        fresh = await Repo.open(tmp_path / "fresh.db")
        try:
            schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
            assert [tuple(r) for r in await repo.fetchall(schema)] == [
                tuple(r) for r in await fresh.fetchall(schema)
            ]
        finally:
            await fresh.close()
    finally:
        await repo.close()


async def test_forgetting_names_only_tables_that_exist(tmp_path: Path) -> None:
    """privacy.KEPT and OTHER_SUBJECTS name tables by hand: a renamed table would silently
    change what /hapusdata erases, so each must exist, and each kept one must hold rows
    about a person (else keeping it says nothing)."""
    from bot.storage.privacy import ANONYMISED, KEPT, OTHER_SUBJECTS, SUBJECT_COLUMNS

    repo = await Repo.open(tmp_path / "bot.db")
    try:
        rows = await repo.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row["name"] for row in rows}
        assert set(KEPT) <= tables and set(OTHER_SUBJECTS) <= tables
        assert set(ANONYMISED) <= tables
        for table in KEPT:
            columns = {c["name"] for c in await repo.fetchall(f'PRAGMA table_info("{table}")')}
            assert columns & {*SUBJECT_COLUMNS, "actor"}, table
    finally:
        await repo.close()
