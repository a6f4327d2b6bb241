"""Speakers and their sessions."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render, render_questions
from bot.context import BotContext
from bot.understanding import understand
from handlers.common import asked, callback_arg, decline, session_card, show, stale_button


async def speakers(update: Update, context: BotContext) -> None:
    """/pembicara [nama]: that speaker, or every speaker with their sessions."""
    event, t = context.event, context.t
    name = " ".join(context.args or []) if update.callback_query is None else ""
    if not name:
        await show(update, render.speakers_view(event, t))
        return
    # The command's word tells the understanding what the name is meant to be.
    found = understand(f"pembicara {name}", event, context.now())
    speaker = event.speaker(found.speaker_ids[0]) if found.speaker_ids else None
    session = event.session(found.session_ids[0]) if found.session_ids else None
    if speaker is not None:
        await show(update, render.speaker_view(event, speaker, t))
    elif session is not None:  # "/pembicara keynote": the session's card names them
        await show(update, await session_card(update, context, session))
    else:
        await decline(update, context, asked(update, name),
                      render_questions.not_found(render.speakers_view(event, t), t, name))


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
