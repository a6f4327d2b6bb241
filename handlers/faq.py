"""Practical questions the organizers answer in the data file: /info and its buttons."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render_info
from bot.context import BotContext
from handlers.common import asked, callback_arg, decline, show, stale_button


async def faq_list(update: Update, context: BotContext) -> None:
    """/info (or "◀ Info lain"); none written yet: the organizers can be asked instead."""
    event, t = context.event, context.t
    if event.faq:
        await show(update, render_info.faq_list(event, t))
    else:
        await decline(update, context, asked(update, render_info.faq_question(t)),
                      render_info.faq_list(event, t))


async def faq_button(update: Update, context: BotContext) -> None:
    faq_id = callback_arg(update)
    faq = next((f for f in context.event.faq if f.id == faq_id), None)
    if faq is None:  # removed from the data file since the list was shown, or forged
        await stale_button(update, context)
        return
    await show(update, render_info.faq_view(faq, context.t))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.FAQ), faq_list),
    CallbackQueryHandler(faq_list, pattern=f"^{cb.FAQS}$"),
    CallbackQueryHandler(faq_button, pattern=f"^{cb.FAQ}:"),
]
