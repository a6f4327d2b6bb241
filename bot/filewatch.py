"""Noticing that the data file was edited: the organizers get a nudge to review it.

Organizers often fix the programme on the server with an editor rather than with /ubah.
Nothing is applied by itself — a half-saved file, or one saved for tomorrow, must not move
anyone's reminders — but every organizer is told within `WATCH_INTERVAL` seconds that the
file changed, with what changed (or what is wrong with it), and that /muatulang applies it.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot import render_changes
from bot.changes import diff_events
from bot.context import BotApplication
from bot.loader import EventDataError, load_event
from bot.model import Event

log = logging.getLogger(__name__)

#: Seconds between looks at the file: cheap (one hash of a small file).
WATCH_INTERVAL = 30.0
JOB_NAME = "event-file-watch"


def file_digest(path: Path) -> str | None:
    """A short digest of the file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return None


def load_as_running(path: Path, running: Event) -> Event:
    """The data file as the running programme would show it: a rehearsal (--shift-to) runs
    the programme moved in time, and so is anything compared with it or put in its place."""
    return load_event(path).shifted(running.shift)


def start(app: BotApplication, interval: float = WATCH_INTERVAL) -> None:
    """Remember the file as loaded and look at it every `interval` seconds."""
    services = app.bot_data.services
    services.event_digest = file_digest(services.settings.event_file)
    if app.job_queue is not None:
        app.job_queue.run_repeating(_job, interval=interval, first=interval, name=JOB_NAME)


async def _job(context: object) -> None:
    app = getattr(context, "application", None)
    if app is not None:
        await check(app)


async def check(app: BotApplication) -> bool:
    """Tell the organizers once per new version of the file; True if they were told."""
    services = app.bot_data.services
    repo = services.repo
    path = services.settings.event_file
    digest = file_digest(path)
    if digest is None or digest in (services.event_digest,
                                                    services.notified_digest):
        return False
    services.notified_digest = digest
    try:
        new = load_as_running(path, services.event)
        problems = None
    except EventDataError as exc:
        new, problems = None, exc.problems
    organizers = set(services.settings.admins)
    organizers.update(o.user_id for o in await repo.invited_organizers())
    told = 0
    for user_id in sorted(organizers):
        t = services.i18n.get(repo.cached_language(user_id))
        if new is not None:
            reply = render_changes.file_changed(
                diff_events(services.event, new), services.event, new, t)
        else:
            assert problems is not None
            reply = render_changes.file_changed_invalid(problems, t)
        try:
            await app.bot.send_message(user_id, reply.text, parse_mode=ParseMode.HTML)
            told += 1
        except TelegramError as exc:  # an organizer who never opened the bot, or blocked it
            log.info("organizer %s not told about the data file: %s", user_id, exc)
    log.info("data file %s changed (%s); %d organizer(s) told", path, digest, told)
    return True
