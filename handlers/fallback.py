"""Last resort answers: unknown commands, non-text messages, stale buttons, errors."""

from __future__ import annotations

import html
import logging

from telegram import Update
from telegram.error import NetworkError
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot import callbacks as cb
from bot.context import BotContext
from bot.render import Reply
from handlers.common import (
    answer,
    decline,
    gone,
    is_private,
    organizer_only,
    send,
    stale_button,
)

log = logging.getLogger(__name__)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot does not have."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    command, _, addressee = message.text.split()[0].partition("@")
    if not is_private(update) and addressee.lower() != (context.bot.username or "").lower():
        return  # in a group, a command for another bot (or for nobody) is not ours to answer
    command = command[:40]
    text = context.t.gettext("Maaf, perintah {command} tidak saya kenal. Lihat /bantuan.")
    # Perhaps a question typed as a command ("/parkir dimana?"): a person can still answer.
    await decline(update, context, message.text,
                  Reply(text.format(command=html.escape(command))))


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice notes...: say what the bot can read (only in private)."""
    message = update.effective_message
    if message is None or not is_private(update):
        return
    text = context.t.gettext(
        "Maaf, saya hanya bisa membaca pesan teks. Tulis pertanyaan Anda, "
        "misalnya <i>jadwal hari ini</i>, atau lihat /bantuan."
    )
    await send(update, Reply(text))


_stale_organizer_button = organizer_only(gone)


async def stale(update: Update, context: BotContext) -> None:
    """A button nothing before answered: an old message, a changed programme, forged data.

    An organizer button ("o…") is refused to anyone else like every organizer button, so a
    stranger learns nothing about which ones exist. Being the last handler, this cannot
    shadow an action added later (tests/test_callbacks.py)."""
    query = update.callback_query
    if cb.is_organizer_action(cb.decode(query.data if query else None).action):
        await _stale_organizer_button(update, context)
    else:
        await stale_button(update, context)


async def error_handler(update: object, context: BotContext) -> None:
    """Log the error, then apologise to the user in their language."""
    if update is None and isinstance(context.error, NetworkError):
        # Fetching updates failed (Telegram or the network is away): PTB retries with its
        # own back-off. One line per attempt, not a traceback every 30 s of an outage.
        log.warning("cannot reach Telegram to fetch updates: %s (retrying)", context.error)
        return
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        if update.callback_query is not None:
            await answer(update.callback_query)
        text = context.t.gettext(
            "Maaf, terjadi kesalahan di pihak kami. Silakan coba lagi sebentar lagi."
        )
        await send(update, Reply(text))
    except Exception:  # the apology must never raise in turn
        log.exception("could not send the apology")


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    MessageHandler(filters.COMMAND, unknown_command),
    MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL, not_text),
    CallbackQueryHandler(stale),
]
