"""Running as a service: log redaction, webhook URL and secret, the webhook server's check."""

from __future__ import annotations

import io
import json
import logging
import re
import socket
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from bot import logs, service
from bot.app import build_application
from bot.config import ConfigError, Settings
from bot.model import Event
from bot.offline.botapi import StandIn
from handlers import register
from tests.factory import UpdateFactory

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
SECRET = "s3cret-token_for-tests"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    "text",
    [
        "+62 812-0000-1234", "+628120001234", "+62 (380) 821 234", "08120000 1234",
        "0812-0000-1234", "hubungi 081200001234.", "kontak: +62 813 3900 4455, siap",
    ],
)  # fmt: skip
def test_phone_numbers_are_redacted(text: str) -> None:
    out = logs.redact(text)
    assert logs.PHONE_MASK in out
    assert not any(ch.isdigit() for ch in out.replace(logs.PHONE_MASK, "")), out


@pytest.mark.parametrize(
    "text",
    ["user 4242 pressed rsv:keynote", "chat -1001234567890", "update 1234567", "at 06.30",
     "2019-10-16T09:30:00+08:00", "sent 500 of 512 in 0.84 s", "reminder 10 min"],
)  # fmt: skip
def test_ids_times_and_counts_are_kept(text: str) -> None:
    assert logs.redact(text) == text


def test_filter_redacts_token_and_phone_in_every_record() -> None:
    stream = io.StringIO()
    handler = logs.configure("DEBUG", [TOKEN], stream=stream)
    try:
        other = logging.getLogger("telegram.ext.Updater")  # anybody's logger
        other.info("POST https://api.telegram.org/bot%s/getUpdates failed", TOKEN)
        logging.getLogger("bot.x").warning("contact %s for %s", "+62 812-0000-1234", 4242)
        try:
            raise RuntimeError(f"url https://api.telegram.org/bot{TOKEN}/sendMessage\nline 2")
        except RuntimeError:
            logging.getLogger("bot.y").exception("send failed for 0812 0000 5678")
        # Another token-shaped string (a second bot) is caught by its shape.
        logging.getLogger("bot.z").info("other bot 987654321:ZZZZdqTcvCH1vGWJxfSeofSAs0K5PALD")
    finally:
        logging.getLogger().removeHandler(handler)
    out = stream.getvalue()
    assert TOKEN not in out and "AAHdqTcv" not in out and "ZZZZdq" not in out
    assert "812-0000" not in out and "0812 0000" not in out
    assert out.count(logs.TOKEN_MASK) == 3 and out.count(logs.PHONE_MASK) == 2
    assert "4242" in out
    # The handler is on the root logger at DEBUG, so a thread left running by an earlier
    # test (asyncio, httpx, a stand-in server) may add its own line while this test runs
    # (it did once in CI): every line must still be one whole event, and ours are exactly 4.
    lines = out.splitlines()
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ \S+: ", line)
               for line in lines), lines  # one line per event, the traceback included
    ours = [line for line in lines
            if re.search(r" (telegram\.ext\.Updater|bot\.[xyz]): ", line)]
    assert len(ours) == 4, lines
    assert "RuntimeError" in ours[2] and "\\n" in ours[2]


def test_log_level_is_configurable() -> None:
    stream = io.StringIO()
    handler = logs.configure("WARNING", stream=stream)
    try:
        logging.getLogger("bot.q").info("quiet")
        logging.getLogger("bot.q").warning("loud")
    finally:
        logging.getLogger().removeHandler(handler)
    assert "quiet" not in stream.getvalue() and "loud" in stream.getvalue()


def test_webhook_url_must_be_https() -> None:
    assert service.webhook_path("https://bot.example.org/citynet/hook") == "citynet/hook"
    for bad in ("http://bot.example.org/hook", "https:///hook", "https://h/p?x=1"):
        with pytest.raises(ConfigError):
            service.webhook_path(bad)


def test_webhook_secret_from_env_or_generated() -> None:
    given = Settings.from_env({"WEBHOOK_SECRET": SECRET}, env_file=None)
    assert service.webhook_secret(given) == SECRET
    one, two = (service.webhook_secret(Settings()) for _ in range(2))
    assert one != two and len(one) >= 43  # 32 random bytes, base64url
    with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
        Settings.from_env({"WEBHOOK_SECRET": "has spaces!"}, env_file=None)


@pytest.mark.slow
async def test_webhook_rejects_requests_without_the_secret(event: Event, tmp_path: Path) -> None:
    """PTB's webhook server, on 127.0.0.1, as `run --webhook` starts it."""
    standin = StandIn()
    settings = replace(Settings(), database_path=tmp_path / "bot.db")
    app = build_application(settings, event, register=register, request=standin, rate_limit=False,
                            tick_interval=None)
    port = free_port()
    update = UpdateFactory(stand_in=standin).message("halo")
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_webhook(
        listen="127.0.0.1", port=port, url_path="hook",
        webhook_url="https://bot.example.org/hook", secret_token=SECRET,
    )
    try:
        assert standin.last_call("setWebhook").params["secret_token"] == SECRET
        url = f"http://127.0.0.1:{port}/hook"
        body = json.dumps(update)
        headers = {"Content-Type": "application/json"}
        async with httpx.AsyncClient(timeout=10) as client:
            missing = await client.post(url, content=body, headers=headers)
            wrong = await client.post(
                url, content=body,
                headers={**headers, "X-Telegram-Bot-Api-Secret-Token": "guess"},
            )
            assert missing.status_code == 403 and wrong.status_code == 403
            assert app.update_queue.empty()  # nothing got through
            right = await client.post(
                url, content=body,
                headers={**headers, "X-Telegram-Bot-Api-Secret-Token": SECRET},
            )
        assert right.status_code == 200
        received = await app.update_queue.get()
        assert received.update_id == update["update_id"]
    finally:
        await app.updater.stop()
        await app.shutdown()
        # initialize() opened the database (for the persistence): close it as run_webhook would.
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
