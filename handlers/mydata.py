"""/hapusdata: a delegate erases what the bot keeps about them (UU PDP), after confirming."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render, render_delegate
from bot.context import BotContext
from bot.features import privacy
from handlers.common import answer, deliveries, is_private, send, show


async def ask(update: Update, context: BotContext) -> None:
    """Show what is kept and ask; in a group, point to the private chat."""
    user = update.effective_user
    if user is None:
        return
    if not is_private(update):
        await send(update, render.Reply(context.t.gettext(
            "Kirim /hapusdata di chat pribadi dengan bot.")))
        return
    kept = await privacy.kept(context.services, user.id)
    await show(update, render_delegate.forget_question(kept.profile, kept.rsvps, context.t))


async def forget(update: Update, context: BotContext) -> None:
    """"Ya, hapus data saya": free their seats first, then erase everything at once."""
    user = update.effective_user
    if user is None:
        return
    if not is_private(update):
        await answer(update.callback_query, context.t.gettext(
            "Kirim /hapusdata di chat pribadi dengan bot."), show_alert=True)
        return
    await privacy.forget(context.services, deliveries(context), user.id)
    # A draft kept for a half-done conversation goes too (PTB persistence, bot/persistence.py).
    context.application.drop_user_data(user.id)
    await show(update, render_delegate.forgotten_view(context.t))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.MYDATA), ask),
    CallbackQueryHandler(forget, pattern=f"^{cb.FORGET_SURE}$"),
]
