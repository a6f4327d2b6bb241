"""Venues: addresses, map links and Telegram venue pins."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render_info, render_questions
from bot.context import BotContext
from bot.model import Venue
from bot.understanding import Understanding, understand
from handlers.common import answer, asked, callback_arg, decline, show, stale_button


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
    """/lokasi [tempat]: that place pinned, or every venue with address and map link."""
    event, t = context.event, context.t
    place = " ".join(context.args or []) if update.callback_query is None else ""
    if not place:
        await show(update, render_info.venues_view(event, t))
        return
    # The command's word tells the understanding what the words are meant to be.
    found = understand(f"lokasi {place}", event, context.now())
    if found.venue_ids or found.session_ids:
        await answer_question(update, context, place, found)
    else:
        await decline(update, context, asked(update, place),
                      render_questions.not_found(render_info.venues_view(event, t), t, place))


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
