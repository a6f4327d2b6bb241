"""/hapusdata: a delegate erases what the bot keeps about them (UU PDP), after confirming."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render, render_delegate, scheduler
from bot.context import BotContext
from bot.model import SessionKind
from handlers import citytour
from handlers.common import answer, is_private, send, show


async def ask(update: Update, context: BotContext) -> None:
    """Show what is kept and ask; in a group, point to the private chat."""
    user = update.effective_user
    if user is None:
        return
    if not is_private(update):
        await send(update, render.Reply(context.t.gettext(
            "Kirim /hapusdata di chat pribadi dengan bot.")))
        return
    profile = await context.repo.get_profile(user.id)
    rsvps = await context.repo.user_rsvps(user.id)
    await show(update, render_delegate.forget_question(profile, len(rsvps), context.t))


async def forget(update: Update, context: BotContext) -> None:
    """"Ya, hapus data saya": free their seats first, then erase everything at once."""
    user = update.effective_user
    if user is None:
        return
    if not is_private(update):
        await answer(update.callback_query, context.t.gettext(
            "Kirim /hapusdata di chat pribadi dengan bot."), show_alert=True)
        return
    event, repo = context.event, context.repo
    for rsvp in await repo.user_rsvps(user.id):
        session = event.session(rsvp.session_id)
        _, promoted = await repo.cancel_rsvp(
            user.id, rsvp.session_id, session.capacity if session else None)
        if promoted is not None and session is not None:
            if session.kind is SessionKind.TOUR:
                await citytour.seat_everyone(context)
            await scheduler.notify_seat(context.app, promoted, session)
    await repo.forget_user(user.id)
    # A draft kept for a half-done conversation goes too (PTB persistence, bot/persistence.py).
    context.application.drop_user_data(user.id)
    await show(update, render_delegate.forgotten_view(context.t))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.MYDATA), ask),
    CallbackQueryHandler(forget, pattern=f"^{cb.FORGET_SURE}$"),
]
