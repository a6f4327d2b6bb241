"""The programme: days, sessions, now/next."""

from __future__ import annotations

from datetime import date, timedelta

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render, render_answers, render_questions
from bot.context import BotContext
from bot.understanding import understand
from handlers.common import asked, callback_arg, decline, session_card, show, stale_button


def day_reply(context: BotContext, day: date) -> render.Reply:
    return render.day_view(context.event, day, context.t, context.now())


async def schedule(update: Update, context: BotContext) -> None:
    """/jadwal [hari | sesi]: that day or session, or the days of the event as buttons."""
    event, t, now = context.event, context.t, context.now()
    words = " ".join(context.args or []) if update.callback_query is None else ""
    overview = render.programme_overview(event, t, now.date())
    if not words:
        await show(update, overview)
        return
    # The command's word tells the understanding what the words are meant to be.
    found = understand(f"jadwal {words}", event, now)
    sessions = [s for sid in found.session_ids if (s := event.session(sid))]
    if found.doubts:
        # A day word that could not be read would silently change the answer: ask.
        await show(update, render_answers.doubt_view(event, *found.doubts[0], t, now))
    elif not (sessions or found.day):
        # Not a day or session the bot knows: the list to choose from, and a person can help.
        await decline(update, context, asked(update, words),
                      render_questions.not_found(overview, t, words))
    elif len(sessions) == 1:
        await show(update, await session_card(update, context, sessions[0]))
    elif sessions:
        await show(update, render.sessions_choice(event, sessions, t))
    elif found.day is not None:
        # A misspelt day word that was read ("bseok") is said, as for a typed question.
        read = [render_answers.readings_line(found.readings, t)] if found.readings else []
        await show(update, render_answers.with_lead(read, day_reply(context, found.day)))


async def today(update: Update, context: BotContext) -> None:
    """/hariini: today's programme."""
    await show(update, day_reply(context, context.now().date()))


async def tomorrow(update: Update, context: BotContext) -> None:
    """/besok: tomorrow's programme."""
    await show(update, day_reply(context, context.now().date() + timedelta(days=1)))


async def now(update: Update, context: BotContext) -> None:
    """/sekarang: what is on now and next."""
    await show(update, render.now_view(context.event, context.t, context.now()))


async def day_button(update: Update, context: BotContext) -> None:
    """A day button: that day's sessions."""
    arg = callback_arg(update)
    try:
        day = date.fromisoformat(arg)
    except ValueError:
        await stale_button(update, context)
        return
    await show(update, day_reply(context, day))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.SCHEDULE), schedule),
    CommandHandler(commands.names(commands.TODAY), today),
    CommandHandler(commands.names(commands.TOMORROW), tomorrow),
    CommandHandler(commands.names(commands.NOW), now),
    CallbackQueryHandler(schedule, pattern=f"^{cb.DAYS}$"),
    CallbackQueryHandler(now, pattern=f"^{cb.NOW}$"),
    CallbackQueryHandler(day_button, pattern=f"^{cb.DAY}:"),
]
