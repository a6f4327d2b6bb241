"""Configuration from the environment (and an optional `.env` file).

Every setting has one name, one default and one check; a bad value stops the program with a
message naming the setting, where it came from and what is wrong.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv.parser import parse_stream

from bot.resources import DEFAULT_EVENT_NAME, data_file

DEFAULT_EVENT_FILE = data_file(DEFAULT_EVENT_NAME)
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
TOKEN_PATTERN = re.compile(r"^\d{5,20}:[A-Za-z0-9_-]{30,64}$")
LANGUAGES = ("id", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
#: Telegram's rule for a webhook's secret_token: 1-256 of A-Z, a-z, 0-9, _ and -.
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
#: What Telegram charges per message sent with allow_paid_broadcast, in Stars.
PAID_STARS_PER_MESSAGE = 0.1


class ConfigError(Exception):
    """A setting is missing or malformed; the message says which and how to fix it."""


def default_database_path() -> Path:
    # Outside the source tree, so a `git clean` or a fresh clone never loses RSVPs.
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "citynet-bot" / "citynet.db"


def read_env_file(path: Path) -> dict[str, str]:
    """A `.env` file with python-dotenv's rules, the ones every other tool follows: quotes,
    `export`, inline comments (`LOG_LEVEL=DEBUG  # while testing`). A line it cannot read
    stops the program naming the line (dotenv itself would only log and skip it)."""
    values: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for binding in parse_stream(fh):
            if binding.error:
                raise ConfigError(f"{path}:{binding.original.line}: expected KEY=VALUE, got "
                                  f"{binding.original.string.strip()!r}")
            if binding.key is not None:
                values[binding.key] = binding.value or ""
    return values


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None = None
    api_base_url: str = DEFAULT_API_BASE_URL
    database_path: Path = field(default_factory=default_database_path)
    event_file: Path = DEFAULT_EVENT_FILE
    admins: frozenset[int] = frozenset()
    default_language: str = "id"
    log_level: str = "INFO"
    webhook_secret: str | None = None  # WEBHOOK_SECRET; `run --webhook` generates one if unset
    #: PAID_BROADCAST_MIN: urgent announcements to at least this many people go out through
    #: Telegram's paid broadcast (up to 1000/s, 0.1 Star each); 0: never (the default).
    paid_broadcast_min: int = 0

    def paid_broadcast(self, urgent: bool, recipients: int) -> bool:
        """Whether an announcement goes out as a paid broadcast: only when the deployment
        allows it (PAID_BROADCAST_MIN), for an urgent one to that many people or more. The
        preview (bot/features/announcements.py) and the sender (bot/outbox.py) both ask."""
        return self.paid_broadcast_min > 0 and urgent and recipients >= self.paid_broadcast_min

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> Settings:
        """Settings from `environ` (default: os.environ), with `.env` values underneath."""
        env: dict[str, str] = {}
        if env_file is not None and env_file.is_file():
            env.update(read_env_file(env_file))
        env.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        admins: set[int] = set()
        for part in re.split(r"[,\s]+", get("BOT_ADMINS") or ""):
            if not part:
                continue
            if not re.fullmatch(r"\d{1,20}", part):
                raise ConfigError(
                    f"BOT_ADMINS: {part!r} is not a Telegram user id "
                    "(expected numbers separated by commas, e.g. 12345,67890)"
                )
            admins.add(int(part))
        language = (get("DEFAULT_LANGUAGE") or "id").lower()
        if language not in LANGUAGES:
            raise ConfigError(f"DEFAULT_LANGUAGE: {language!r} is not one of {LANGUAGES}")
        log_level = (get("LOG_LEVEL") or "INFO").upper()
        if log_level not in LOG_LEVELS:
            raise ConfigError(f"LOG_LEVEL: {log_level!r} is not one of {LOG_LEVELS}")
        api = get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL
        if not re.match(r"^https?://[^\s/]+", api):
            raise ConfigError(
                f"TELEGRAM_API_BASE_URL: {api!r} is not an http(s) URL "
                "(e.g. http://127.0.0.1:8081/bot)"
            )
        db = get("DATABASE_PATH")
        event_file = get("EVENT_FILE")
        secret = get("WEBHOOK_SECRET")
        if secret is not None and not WEBHOOK_SECRET_PATTERN.match(secret):
            raise ConfigError(
                "WEBHOOK_SECRET: must be 1-256 characters of A-Z, a-z, 0-9, _ and - "
                "(Telegram's rule for secret_token)"
            )
        paid = get("PAID_BROADCAST_MIN") or "0"
        if not re.fullmatch(r"\d{1,7}", paid):
            raise ConfigError(
                f"PAID_BROADCAST_MIN: {paid!r} is not a number of recipients (0: off)"
            )
        return cls(
            token=get("TELEGRAM_BOT_TOKEN"),
            api_base_url=api,
            database_path=Path(db).expanduser() if db else default_database_path(),
            event_file=Path(event_file).expanduser() if event_file else DEFAULT_EVENT_FILE,
            admins=frozenset(admins),
            default_language=language,
            log_level=log_level,
            webhook_secret=secret,
            paid_broadcast_min=int(paid),
        )

    def require_token(self) -> str:
        """The bot token, or a ConfigError explaining how to get one."""
        how = (
            "Get a token from @BotFather in Telegram (/newbot), then "
            "`export TELEGRAM_BOT_TOKEN=123456789:AA...` or put it in a .env file. "
            "To try the bot without a token: `citynet-bot chat`."
        )
        if not self.token:
            raise ConfigError(f"TELEGRAM_BOT_TOKEN is not set. {how}")
        if not TOKEN_PATTERN.match(self.token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is malformed (expected <digits>:<30+ letters, digits, "
                f"_ or ->). {how}"
            )
        return self.token
