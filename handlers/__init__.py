"""Every handler of the bot, registered in one ordered place.

Order matters: within a group PTB runs the first handler that matches, so specific handlers
come before the catch-alls in `fallback`. Group -1 runs first for every update and answers
nothing; it only prepares the context (user, language).
"""

from __future__ import annotations

from bot.context import BotApplication
from handlers import (
    contacts,
    fallback,
    freetext,
    language,
    schedule,
    speakers,
    start,
    tracking,
    venues,
)


def register(app: BotApplication) -> None:
    app.add_handlers(tracking.HANDLERS, group=-1)
    app.add_handlers(
        [
            *start.HANDLERS,
            *language.HANDLERS,
            *schedule.HANDLERS,
            *speakers.HANDLERS,
            *venues.HANDLERS,
            *contacts.HANDLERS,
            *freetext.HANDLERS,
            # Catch-alls last: unknown commands, non-text messages, stale buttons.
            *fallback.HANDLERS,
        ]
    )
    app.add_error_handler(fallback.error_handler)
