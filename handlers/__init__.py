"""Every handler of the bot, registered in one ordered place.

Order matters: within a group PTB runs the first handler that matches, so specific handlers
come before the catch-alls in `fallback`. Group -1 runs first for every update and answers
nothing; it only prepares the context (user, language).
"""

from __future__ import annotations

from bot.context import BotApplication
from handlers import (
    attendance,
    citytour,
    contacts,
    fallback,
    faq,
    flood,
    freetext,
    language,
    mydata,
    organizer,
    registration,
    reminders,
    rsvp,
    schedule,
    speakers,
    start,
    tracking,
    venues,
)


def register(app: BotApplication) -> None:
    # Flood control first: a muted user's updates cost nothing further (not even tracking).
    app.add_handlers(flood.HANDLERS, group=-2)
    app.add_handlers(tracking.HANDLERS, group=-1)
    app.add_handlers(
        [
            # The registration conversation first: while it waits for a name or an
            # instansi, the typed text is the answer, not a question for free text.
            registration.conversation(),
            *registration.HANDLERS,
            *attendance.HANDLERS,  # before start: /start k_… is a scanned card, not a welcome
            *start.HANDLERS,
            *language.HANDLERS,
            *schedule.HANDLERS,
            *speakers.HANDLERS,
            *venues.HANDLERS,
            *contacts.HANDLERS,
            *faq.HANDLERS,
            *mydata.HANDLERS,
            *rsvp.HANDLERS,
            *reminders.HANDLERS,
            *citytour.HANDLERS,
            organizer.conversation(),
            *organizer.HANDLERS,
            *freetext.HANDLERS,
            # Catch-alls last: unknown commands, non-text messages, stale buttons.
            *fallback.HANDLERS,
        ]
    )
    # After group 0, so /ekspor runs the organizer export and then adds the daftar hadir.
    app.add_handlers(attendance.AFTER, group=1)
    app.add_error_handler(fallback.error_handler)
