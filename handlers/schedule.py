"""The programme: days, sessions, now/next."""

from __future__ import annotations

from datetime import date, timedelta

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render
from bot.context import BotContext
from handlers.common import callback_arg, show, stale_button


def day_reply(context: BotContext, day: date) -> render.Reply:
    return render.day_view(context.event, day, context.t, context.now())


async def schedule(update: Update, context: BotContext) -> None:
    """/jadwal: the days of the event as buttons."""
    await show(update, render.programme_overview(context.event, context.t, context.now().date()))


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
