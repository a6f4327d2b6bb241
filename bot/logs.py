"""Log set-up for every command: one line per event, nothing secret or personal in it.

`configure` installs one handler on the root logger with `RedactingFilter`, so every record —
ours, PTB's, httpx's, tornado's — passes the filter whatever logger wrote it. The filter
removes the bot token (it is part of every Bot API URL, so it shows up in network errors) and
anything that looks like an Indonesian phone number (contacts, shared contact cards): log
files are copied around and kept far longer than the event, and under UU PDP a phone number
is personal data.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from telegram.error import NetworkError

#: A Bot API token anywhere in a text (in URLs it follows "bot" without a separator).
TOKEN_RE = re.compile(r"(?<!\d)\d{5,20}:[A-Za-z0-9_-]{30,64}")
#: Indonesian phone numbers in the forms people and Telegram write them:
#: - +62 in any spacing (mobile and landline);
#: - 62 8… without the +, as Telegram sends a shared contact's number: at least 11 digits,
#:   so a Telegram user id (10 digits today) that happens to start with 628 is kept;
#: - national 0… numbers: mobile 08…, landline with an area code, "(0380) 821 234".
#: Spaces, dots and dashes may split the digits. Ids, counts, times ("06.30") and ISO dates
#: do not start a number here: they are not preceded by +, do not start with 0 and a digit
#: run of 8 or more, or are glued to other text by ":" or "-".
PHONE_RE = re.compile(
    r"\+\s?62(?:[\s.()-]{0,2}\d){7,13}"
    r"|(?<![\w.:/+-])62[\s.-]?8(?:[\s.-]?\d){8,11}(?!\d)"
    r"|(?<![\w.:/+-])(?:\(0\d{2,3}\)|0\d{1,3})(?:[\s.-]{0,2}\d){6,11}(?!\d)"
)
TOKEN_MASK = "<token>"
PHONE_MASK = "<phone>"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` without the given secrets, token-shaped strings and phone numbers."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, TOKEN_MASK)
    text = TOKEN_RE.sub(TOKEN_MASK, text)
    return PHONE_RE.sub(PHONE_MASK, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback) with `redact`; never drops a record."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)
        # Only to render tracebacks into text that can then be redacted.
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message, self.secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


class OneLineFormatter(logging.Formatter):
    """One line per event: tracebacks and multi-line messages keep their newlines as "\\n",
    so `grep`, `journalctl` and log shippers see whole events."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\r", "\\r").replace("\n", "\\n")


class ShutdownOutageFilter(logging.Filter):
    """PTB's Updater confirms the last updates with one more `getUpdates` when it stops; with
    Telegram unreachable that fails, and PTB logs an ERROR with a traceback. During an outage
    that is expected, so it becomes one WARNING line saying what it means."""

    PTB_MESSAGE = "Error while calling `get_updates` one more time"

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, NetworkError) and str(record.msg).startswith(self.PTB_MESSAGE):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg = ("Telegram unreachable while stopping (%s): updates already handled "
                          "may be delivered again at the next start")
            record.args = (type(error).__name__,)
            record.exc_info, record.exc_text = None, None
        return True


def configure(
    level: str, secrets: Iterable[str] = (), stream: TextIO | None = None,
    file: Path | None = None,
) -> logging.Handler:
    """Replace the root logger's handlers with one redacting, one-line handler at `level`,
    writing to `file` (appending) if given, else to `stream` (default stderr)."""
    handler: logging.Handler = (
        logging.FileHandler(file, encoding="utf-8") if file is not None
        else logging.StreamHandler(stream or sys.stderr)
    )
    handler.setFormatter(OneLineFormatter(FORMAT))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
        if isinstance(old, logging.FileHandler):
            old.close()
    root.addHandler(handler)
    root.setLevel(getattr(logging, level))
    # httpx logs every request URL at INFO, and the URL carries the token: redacted anyway,
    # but a line per Bot API call would drown the events that matter.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # APScheduler (under PTB's JobQueue) logs "Running job…" and "executed successfully" at
    # INFO for every tick of every repeating job, twice a second: noise unless debugging.
    logging.getLogger("apscheduler").setLevel(
        logging.DEBUG if level == "DEBUG" else logging.WARNING
    )
    updater = logging.getLogger("telegram.ext.Updater")
    if not any(isinstance(f, ShutdownOutageFilter) for f in updater.filters):
        updater.addFilter(ShutdownOutageFilter())
    return handler
