"""`citynet-bot backup FILE`: an online copy of the database, taken while the bot writes."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.storage import Repo, StorageError

WRITERS = 400  # users the "bot" adds while the backup runs


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, "LOG_LEVEL": "WARNING", **env},
    )


async def _keep_writing(repo: Repo, stop: asyncio.Event) -> int:
    written = 0
    while not stop.is_set() and written < WRITERS:  # bounded: at most WRITERS rows
        await repo.touch_user(10_000 + written, f"Peserta {written}", None)
        written += 1
        await asyncio.sleep(0)
    return written


async def test_backup_while_open_and_writing(tmp_path: Path) -> None:
    live = await Repo.open(tmp_path / "live.db")
    for n in range(50):
        await live.touch_user(n + 1, f"Awal {n}", None)
    stop = asyncio.Event()
    writer = asyncio.create_task(_keep_writing(live, stop))
    try:
        await asyncio.sleep(0.01)
        # The backup through the same connection the bot uses...
        copy = await live.backup(tmp_path / "in-process.db")
        # ...and as the CLI does it, from another process, while this one keeps writing.
        env = {"DATABASE_PATH": str(tmp_path / "live.db")}
        result = await asyncio.to_thread(cli, "backup", str(tmp_path / "cli.db"), env=env)
    finally:
        stop.set()
        written = await writer
    assert result.returncode == 0, result.stderr
    assert "cli.db" in result.stdout
    total = await live.count_users()
    await live.close()
    assert total == 50 + written
    for path in (copy, tmp_path / "cli.db"):
        assert not path.with_name(path.name + ".partial").exists()
        restored = await Repo.open(path)
        try:
            count = await restored.count_users()
            # A consistent snapshot: everything from before, some of what came during.
            assert 50 <= count <= total
            assert (await restored.get_user(1)) is not None
        finally:
            await restored.close()


async def test_backup_refuses_to_overwrite_the_database(tmp_path: Path) -> None:
    repo = await Repo.open(tmp_path / "live.db")
    try:
        try:
            await repo.backup(tmp_path / "live.db")
        except StorageError as exc:
            assert "overwrite" in str(exc)
        else:
            raise AssertionError("backup onto the database itself was accepted")
    finally:
        await repo.close()


@pytest.mark.slow
def test_backup_cli_errors_exit_2_with_a_message(tmp_path: Path) -> None:
    missing = cli("backup", str(tmp_path / "b.db"), env={"DATABASE_PATH": str(tmp_path / "no.db")})
    assert missing.returncode == 2
    assert "nothing to back up" in missing.stderr
    assert not (tmp_path / "no.db").exists()  # no empty database created on the way

    asyncio.run(_make_db(tmp_path / "live.db"))
    bad_dir = cli("backup", str(tmp_path / "nowhere" / "b.db"),
                  env={"DATABASE_PATH": str(tmp_path / "live.db")})
    assert bad_dir.returncode == 2
    assert "no such directory" in bad_dir.stderr


async def _make_db(path: Path) -> None:
    repo = await Repo.open(path)
    await repo.close()
