"""Config, clock and language formats: the small pieces every feature relies on."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.config import DEFAULT_API_BASE_URL, ConfigError, Settings
from bot.i18n import LOCALES_DIR, I18n
from tests.conftest import WITA

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawz"


def test_env_file_follows_dotenv_rules(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        f'export TELEGRAM_BOT_TOKEN="{TOKEN}"  # from @BotFather\n'
        "LOG_LEVEL=DEBUG # while testing\n"
        "DEFAULT_LANGUAGE='en'\n"
        'EVENT_FILE="/data/my event.toml"\n',
        "utf-8",
    )
    settings = Settings.from_env({}, env_file=env)
    assert settings.token == TOKEN
    assert (settings.log_level, settings.default_language) == ("DEBUG", "en")
    assert settings.event_file == Path("/data/my event.toml")
    env.write_text("LOG_LEVEL=INFO\nthis is not a setting\n", "utf-8")
    with pytest.raises(ConfigError, match=r"\.env:2: expected KEY=VALUE"):
        Settings.from_env({}, env_file=env)


def test_settings_defaults_and_env_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(f"# comment\nTELEGRAM_BOT_TOKEN='{TOKEN}'\nBOT_ADMINS=1, 2\n", "utf-8")
    settings = Settings.from_env({"DATABASE_PATH": str(tmp_path / "x.db")}, env_file=env)
    assert settings.require_token() == TOKEN
    assert settings.admins == frozenset({1, 2})
    assert settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.database_path == tmp_path / "x.db"
    # The default database lives outside the source tree.
    assert "citynet-bot" in str(Settings.from_env({}, env_file=None).database_path)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BOT_ADMINS": "12,abc"}, "BOT_ADMINS: 'abc'"),
        ({"DEFAULT_LANGUAGE": "fr"}, "DEFAULT_LANGUAGE"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"TELEGRAM_API_BASE_URL": "ftp://x"}, "TELEGRAM_API_BASE_URL"),
    ],
)
def test_bad_settings_are_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env, env_file=None)


def test_missing_or_malformed_token_explains_how_to_get_one() -> None:
    with pytest.raises(ConfigError, match=r"BotFather.*citynet-bot chat"):
        Settings.from_env({}, env_file=None).require_token()
    with pytest.raises(ConfigError, match="malformed"):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": "12:short"}, env_file=None).require_token()


@pytest.mark.slow
def test_run_without_token_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_clock_pinned_running_and_fast() -> None:
    start = datetime(2019, 10, 16, 9, 0, tzinfo=WITA)
    pinned = Clock(WITA, start, running=False)
    assert pinned.now() == start
    pinned.advance(timedelta(minutes=20))
    assert pinned.now() == start + timedelta(minutes=20)
    fast = Clock(WITA, start, speed=3600)
    assert fast.now() >= start
    assert Clock(WITA).is_real and not pinned.is_real
    with pytest.raises(ValueError):
        Clock(WITA, datetime(2019, 10, 16, 9, 0))


def test_indonesian_and_english_formats() -> None:
    i18n = I18n()
    id_, en = i18n.get("id"), i18n.get("en")
    start = datetime(2019, 10, 16, 9, 30, tzinfo=WITA)
    end = datetime(2019, 10, 16, 11, 0, tzinfo=WITA)
    assert id_.day(date(2019, 10, 16)) == "Rabu, 16 Oktober 2019"
    assert id_.day(date(2019, 10, 1)) == "Selasa, 1 Oktober 2019"  # no zero padding
    assert id_.time_range(start, end) == "09.30–11.00 WITA"
    assert en.day(date(2019, 10, 16)) == "Wednesday, 16 October 2019"
    assert en.time_range(start, end) == "09:30–11:00 WITA"
    assert id_.moment(start) == "Rabu, 16 Oktober 2019 pukul 09.30 WITA"
    assert id_.duration(timedelta(minutes=90)) == "1 jam 30 menit"
    assert en.duration(timedelta(minutes=90)) == "1 hour 30 minutes"
    assert id_.join(["A", "B", "C"]) == "A, B, dan C"
    assert i18n.get("xx").lang == "id"


@pytest.mark.slow
def test_catalogs_are_complete_and_current() -> None:
    """Every message in the code is in both catalogs, translated, not fuzzy."""
    result = subprocess.run(
        [sys.executable, str(LOCALES_DIR / "update.py"), "--check"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_translations_keep_their_placeholders() -> None:
    """A translation that drops or renames `{name}` would raise at run time."""
    import re

    from babel.messages.pofile import read_po

    with (LOCALES_DIR / "en" / "LC_MESSAGES" / "citynet.po").open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{(\w*)\}", ids[0]))
        for string in strings:
            assert set(re.findall(r"\{(\w*)\}", string)) == wanted, message.id


def test_sql_split_respects_comments_and_strings() -> None:
    from bot.storage.base import split_sql

    script = "CREATE TABLE a (x TEXT DEFAULT 'p;q' -- note; more\n); CREATE INDEX i ON a (x)"
    assert [s.split()[1] for s in split_sql(script)] == ["TABLE", "INDEX"]


async def test_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    import sqlite3

    from bot.storage import Repo, StorageError

    path = tmp_path / "future.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    with pytest.raises(StorageError, match="newer than this bot knows"):
        await Repo.open(path)
    repo = await Repo.open(tmp_path / "fresh.db")
    try:
        assert await repo.schema_version() == Repo.migrations[-1].version
    finally:
        await repo.close()


def test_catalog_headers_are_filled_in() -> None:
    for lang in ("id", "en"):
        text = LOCALES_DIR.joinpath(lang, "LC_MESSAGES", "citynet.po").read_text(encoding="utf-8")
        header = text[: text.index('msgid ""')]
        for placeholder in ("ORGANIZATION", "FIRST AUTHOR", "EMAIL@ADDRESS"):
            assert placeholder not in header, (lang, placeholder)
        assert "citynet-bot developers" in header and "MIT" in header
    # Context for translators where a word alone is ambiguous.
    assert "#. TRANSLATORS: parts of the day" in LOCALES_DIR.joinpath(
        "en", "LC_MESSAGES", "citynet.po").read_text(encoding="utf-8")
