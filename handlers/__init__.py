"""Every handler of the bot, registered in one ordered place.

Order matters: within a group PTB runs the first handler that matches, so specific handlers
come before the catch-alls in `fallback`. Group -1 runs first for every update and answers
nothing; it only prepares the context (user, language).

Handler modules never import each other: where one feature opens another (a question in free
text, a `/start` deep link), the table is given here.
"""

from __future__ import annotations

from bot.context import BotApplication
from bot.dispatch import indexed
from bot.understanding import Intent
from handlers import (
    announce,
    attendance,
    change,
    citytour,
    contacts,
    fallback,
    faq,
    flood,
    freetext,
    language,
    mydata,
    questions,
    registration,
    reminders,
    roles,
    rsvp,
    schedule,
    speakers,
    start,
    stats,
    tracking,
    venues,
)

#: Questions in free text that a feature answers (the rest are answered from the programme).
QUESTIONS: freetext.Answers = {
    Intent.CITY_TOUR: citytour.question,
    Intent.CONTACT: contacts.answer_question,
    Intent.VENUE: venues.answer_question,
    Intent.RSVP: freetext.plain(rsvp.overview),
    Intent.REMINDER: freetext.plain(reminders.preferences),
    Intent.ANNOUNCEMENT: freetext.plain(announce.latest),
}

#: `/start <argument>` links (from buttons in groups) to the feature they open.
DEEP_LINKS: dict[str, start.Callback] = {"kontak": contacts.contacts}


def register(app: BotApplication) -> None:
    # Flood control first: a muted user's updates cost nothing further (not even tracking).
    app.add_handlers(flood.HANDLERS, group=-2)
    app.add_handlers(tracking.HANDLERS, group=-1)
    # `indexed` keeps this order and each handler's own check; it only skips asking the
    # handlers that cannot take an update (another command, a button of another action).
    app.add_handlers(
        indexed([
            # The registration conversation first: while it waits for a name or an
            # instansi, the typed text is the answer, not a question for free text.
            registration.conversation(),
            *registration.HANDLERS,
            # Tanya panitia before /start (its deep link) and before the announcement
            # conversation and free text (an organizer's reply to a relayed question).
            *questions.HANDLERS,
            *attendance.HANDLERS,  # before start: /start k_… is a scanned card, not a welcome
            *start.handlers(DEEP_LINKS),
            *language.HANDLERS,
            *schedule.HANDLERS,
            *speakers.HANDLERS,
            *venues.HANDLERS,
            *contacts.HANDLERS,
            *faq.HANDLERS,
            *mydata.HANDLERS,
            *rsvp.handlers(tour_screen=citytour.plan),
            *reminders.HANDLERS,
            *citytour.HANDLERS,
            # Organizer tools (each command checks the role itself).
            announce.conversation(),
            *announce.HANDLERS,
            *roles.HANDLERS,
            *change.HANDLERS,
            *stats.HANDLERS,
            *freetext.handlers(QUESTIONS),
            # Catch-alls last: unknown commands, non-text messages, stale buttons.
            *fallback.HANDLERS,
        ])
    )
    # After group 0, so /ekspor runs the organizer export and then adds the daftar hadir.
    app.add_handlers(attendance.AFTER, group=1)
    app.add_error_handler(fallback.error_handler)
