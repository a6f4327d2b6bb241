"""Group -1: record who writes and resolve their language, before any feature handler."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, TypeHandler

from bot.context import BotContext


async def track_user(update: Update, context: BotContext) -> None:
    """Record the user (once per run) and set `context.lang` for the handlers that follow."""
    user = update.effective_user
    if user is None or user.is_bot:
        return
    context.lang = await context.repo.seen_user(user.id, user.first_name, user.username)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [TypeHandler(Update, track_user)]
