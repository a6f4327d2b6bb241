"""Venues: addresses, map links and Telegram venue pins."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render_info
from bot.context import BotContext
from bot.model import Venue
from bot.understanding import Understanding
from handlers.common import answer, callback_arg, show, stale_button


async def send_pin(update: Update, venue: Venue) -> None:
    """Send the venue as a Telegram venue pin (opens in the phone's maps app)."""
    chat = update.effective_chat
    if chat is not None:
        await chat.send_venue(
            latitude=venue.latitude,
            longitude=venue.longitude,
            title=venue.name,
            address=venue.address,
        )


async def answer_question(
    update: Update, context: BotContext, _text: str, found: Understanding
) -> None:
    """A free-text question about a place: the venue it names (or a session's), pinned."""
    event, t = context.event, context.t
    venue_ids = list(found.venue_ids)
    venue_ids += [s.venue_id for sid in found.session_ids if (s := event.session(sid))]
    venue = event.venue(venue_ids[0]) if venue_ids else None
    if venue is None:
        await show(update, render_info.venues_view(event, t))
        return
    asked = [s for sid in found.session_ids if (s := event.session(sid))]
    await show(update, render_info.venue_view(event, venue, t, context.now(), asked))
    await send_pin(update, venue)


async def venues(update: Update, context: BotContext) -> None:
    """/lokasi: every venue with address and map link."""
    await show(update, render_info.venues_view(context.event, context.t))


async def venue_button(update: Update, context: BotContext) -> None:
    """A venue button: its details and what happens there."""
    arg = callback_arg(update)
    venue = context.event.venue(arg)
    if venue is None:
        await stale_button(update, context)
        return
    await show(update, render_info.venue_view(context.event, venue, context.t, context.now()))


async def pin_button(update: Update, context: BotContext) -> None:
    """A "Lokasi" button: send the venue pin below the current message."""
    query = update.callback_query
    venue = context.event.venue(callback_arg(update))
    if query is None or venue is None:
        await stale_button(update, context)
        return
    await answer(query)
    await send_pin(update, venue)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.VENUES), venues),
    CallbackQueryHandler(venues, pattern=f"^{cb.VENUES}$"),
    CallbackQueryHandler(venue_button, pattern=f"^{cb.VENUE}:"),
    CallbackQueryHandler(pin_button, pattern=f"^{cb.PIN}:"),
]
