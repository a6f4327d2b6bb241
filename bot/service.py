"""Running as a service: `run` (long polling or webhook) and `backup`.

Kept apart from `bot.cli` so the command line stays a thin parser, and from `bot.app` so the
application factory stays the same for every front-end.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.clock import Clock
from bot.config import ConfigError, Settings
from bot.flood import FloodGate
from bot.model import Event
from bot.storage import Repo, StorageError

if TYPE_CHECKING:
    from bot.context import BotApplication

log = logging.getLogger(__name__)

#: The update kinds the handlers use; Telegram then does not send the others at all.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
DEFAULT_LISTEN = "127.0.0.1"
DEFAULT_PORT = 8443


def webhook_path(url: str) -> str:
    """The path PTB's server listens on for `url` (the reverse proxy forwards it unchanged)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ConfigError(
            f"--webhook: {url!r} is not an https URL (Telegram only calls https webhooks, "
            "e.g. https://bot.example.org/telegram)"
        )
    if parts.query or parts.fragment:
        raise ConfigError(f"--webhook: {url!r}: a webhook URL takes no query or fragment")
    return parts.path.strip("/")


def webhook_secret(settings: Settings) -> str:
    """WEBHOOK_SECRET, or a fresh one: setWebhook hands it to Telegram at every start, so a
    generated secret needs no storage. 32 random bytes: not guessable."""
    if settings.webhook_secret:
        log.info("webhook secret: set (from WEBHOOK_SECRET)")
        return settings.webhook_secret
    log.info("webhook secret: set (generated for this run)")
    return secrets.token_urlsafe(32)


def run(
    settings: Settings,
    event: Event,
    *,
    register: Callable[[BotApplication], None],
    webhook: str | None = None,
    listen: str = DEFAULT_LISTEN,
    port: int = DEFAULT_PORT,
) -> int:
    """Serve until SIGINT/SIGTERM; 0 after a clean stop.

    PTB's `run_polling`/`run_webhook` install the stop signals themselves: on a signal they
    stop fetching, finish the updates in hand and the jobs, then call `post_shutdown`, which
    stops the outbox and closes the database (bot/app.py). Everything still to be sent is a
    row in SQLite, so the next start picks it up.
    """
    settings.require_token()
    path = webhook_path(webhook) if webhook is not None else None
    # PTB: imported only when really running.
    from bot.app import build_application

    app = build_application(settings, event, Clock(event.timezone), register=register,
                            flood_gate=FloodGate())
    if webhook is None:
        log.info("starting: long polling")
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
    else:
        log.info("starting: webhook on %s:%d/%s", listen, port, path)
        app.run_webhook(
            listen=listen,
            port=port,
            url_path=path or "",
            webhook_url=webhook,
            secret_token=webhook_secret(settings),
            allowed_updates=ALLOWED_UPDATES,
        )
    log.info("stopped")
    return 0


async def backup(settings: Settings, target: Path) -> Path:
    """Online backup of DATABASE_PATH to `target` (the bot may be running meanwhile)."""
    source = settings.database_path
    if not source.is_file():
        # Repo.open would create an empty database here: refuse instead.
        raise StorageError(f"{source}: no database here (see DATABASE_PATH); nothing to back up")
    repo = await Repo.open(source)
    try:
        return await repo.backup(target)
    finally:
        await repo.close()
