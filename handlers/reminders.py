"""Reminder preferences: lead time before sessions and the morning brief."""

from __future__ import annotations

from datetime import datetime

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render_delegate, scheduler
from bot.context import BotContext
from bot.features import delegates
from handlers.common import callback_arg, deliveries, show, stale_button


async def preferences(update: Update, context: BotContext) -> None:
    """/pengingat: current settings with buttons to change them."""
    user = update.effective_user
    if user is None:
        return
    mine = await delegates.record(context.services, user.id)
    if mine.profile is None:
        await show(update, render_delegate.needs_registration(context.t))
        return
    t = context.t
    brief_at = datetime.combine(context.event.start_date, scheduler.BRIEF_AT,
                                tzinfo=context.event.timezone)
    brief = f"{t.time(brief_at)} {t.zone(brief_at)}"
    await show(update, render_delegate.prefs_view(
        mine.preferences, t, scheduler.LEAD_CHOICES, brief))


async def set_lead(update: Update, context: BotContext) -> None:
    """A lead-time button: move every pending reminder of this delegate."""
    user = update.effective_user
    minutes = cb.number(callback_arg(update))
    if user is None or minutes is None or not await delegates.set_reminder_lead(
            context.services, deliveries(context), user.id, minutes):
        await stale_button(update, context)
        return
    await preferences(update, context)


async def toggle_brief(update: Update, context: BotContext) -> None:
    """The morning-brief button."""
    user = update.effective_user
    if user is None:
        return
    await delegates.toggle_morning_brief(context.services, deliveries(context), user.id)
    await preferences(update, context)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.REMINDERS), preferences),
    CallbackQueryHandler(preferences, pattern=f"^{cb.PREFS}$"),
    CallbackQueryHandler(set_lead, pattern=f"^{cb.PREFS_LEAD}:"),
    CallbackQueryHandler(toggle_brief, pattern=f"^{cb.PREFS_BRIEF}$"),
]
