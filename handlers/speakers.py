"""Speakers and their sessions."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render
from bot.context import BotContext
from handlers.common import callback_arg, show, stale_button


async def speakers(update: Update, context: BotContext) -> None:
    """/pembicara: every speaker with their sessions."""
    await show(update, render.speakers_view(context.event, context.t))


async def speaker_button(update: Update, context: BotContext) -> None:
    """A speaker button: who they are and when they speak."""
    arg = callback_arg(update)
    speaker = context.event.speaker(arg)
    if speaker is None:
        await stale_button(update, context)
        return
    await show(update, render.speaker_view(context.event, speaker, context.t))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.SPEAKERS), speakers),
    CallbackQueryHandler(speakers, pattern=f"^{cb.SPEAKERS}$"),
    CallbackQueryHandler(speaker_button, pattern=f"^{cb.SPEAKER}:"),
]
