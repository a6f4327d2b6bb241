"""Free text: understand the question, then answer as the matching command would."""

from __future__ import annotations

import re

from telegram import Message, Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import render
from bot.context import BotContext
from bot.faq import match_faq
from bot.model import SessionKind
from bot.understanding import Intent, Understanding, understand
from handlers import citytour, contacts, organizer, reminders, rsvp, venues
from handlers.common import is_private, show

#: Longer than any question; a pasted document is not something to parse word by word.
MAX_QUESTION = 500


def addressed_to_bot(message: Message, bot_username: str) -> str | None:
    """In a group, the text meant for the bot (mention removed), or None if not for us."""
    text = message.text or ""
    mention = f"@{bot_username}".lower()
    if mention and mention in text.lower():
        return re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE).strip()
    reply_to = message.reply_to_message
    replied_user = reply_to.from_user if reply_to is not None else None
    if replied_user is not None and (replied_user.username or "").lower() == bot_username.lower():
        return text
    return None


async def answer(update: Update, context: BotContext, text: str, found: Understanding) -> None:
    """Turn an understood question into the reply the matching command gives."""
    event, t, now = context.event, context.t, context.now()
    intent = found.intent
    if intent is Intent.SCHEDULE:
        day = found.day or (now.date() if event.day_number(now.date()) else None)
        if day is None:
            await show(update, render.programme_overview(event, t, now.date()))
        elif found.time is not None or found.period is not None:
            await show(update, render.at_time_view(event, day, t, now, found.time, found.period))
        else:
            await show(update, render.day_view(event, day, t, now))
    elif intent is Intent.NOW_NEXT:
        await show(update, render.now_view(event, t, now))
    elif intent is Intent.SESSION or (intent is Intent.SPEAKER and found.session_ids):
        await _sessions(update, context, found.session_ids)
    elif intent is Intent.SPEAKER:
        speaker = event.speaker(found.speaker_ids[0]) if found.speaker_ids else None
        reply = render.speaker_view(event, speaker, t) if speaker else render.speakers_view(
            event, t
        )
        await show(update, reply)
    elif intent is Intent.VENUE:
        await _venue(update, context, found)
    elif intent is Intent.CITY_TOUR:
        if event.tour is not None:
            await citytour.plan(update, context)
        else:
            tour = next((s for s in event.sessions if s.kind is SessionKind.TOUR), None)
            await _sessions(update, context, (tour.id,) if tour else ())
    elif intent is Intent.CONTACT:
        if await contacts.private_only(update, context):
            return
        if found.ambiguous_region:
            await show(update, render.ambiguous_regions(found.regions, t, text))
        elif found.regions:
            await contacts.answer_query(update, context, found.regions[0])
        else:
            await contacts.answer_query(update, context, text)
    elif intent is Intent.RSVP:
        await rsvp.overview(update, context)
    elif intent is Intent.REMINDER:
        await reminders.preferences(update, context)
    elif intent is Intent.ANNOUNCEMENT:
        await organizer.latest(update, context)
    elif intent is Intent.ABOUT:
        await show(update, render.about_view(event, t))
    elif intent is Intent.HELP:
        await show(update, render.help_view(event, t))
    elif intent is Intent.GREETING:
        user = update.effective_user
        await show(update, render.main_menu(event, t, user.first_name if user else ""))
    elif intent is Intent.THANKS:
        await show(update, render.thanks_view(event, t))
    else:
        await show(update, render.not_understood(event, t, text))


async def _sessions(update: Update, context: BotContext, ids: tuple[str, ...]) -> None:
    event, t = context.event, context.t
    sessions = [s for sid in ids if (s := event.session(sid))]
    if len(sessions) == 1:
        await show(update, render.session_view(event, sessions[0], t, context.now()))
    elif sessions:
        await show(update, render.sessions_choice(event, sessions, t))
    else:
        await show(update, render.programme_overview(event, t, context.now().date()))


async def _venue(update: Update, context: BotContext, found: Understanding) -> None:
    event, t = context.event, context.t
    venue_ids = list(found.venue_ids)
    venue_ids += [s.venue_id for sid in found.session_ids if (s := event.session(sid))]
    venue = event.venue(venue_ids[0]) if venue_ids else None
    if venue is None:
        await show(update, render.venues_view(event, t))
        return
    await show(update, render.venue_view(event, venue, t))
    await venues.send_pin(update, venue)


async def free_text(update: Update, context: BotContext) -> None:
    """Any text that is not a command."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    text = message.text
    if not is_private(update):
        addressed = addressed_to_bot(message, context.bot.username or "")
        if addressed is None:
            return  # group chatter between people is not for the bot
        text = addressed
    if len(text) > MAX_QUESTION:
        await show(update, render.too_long(context.event, context.t))
        return
    found = understand(text, context.event, context.now(), context.t.lang)
    # Only a question that names nothing of the programme is looked up among the FAQ.
    faq = match_faq(context.event, text) if _faq_first(found) else None
    if faq is not None:
        await show(update, render.faq_view(faq, context.t))
        return
    await answer(update, context, text, found)


#: Intents a practical answer may take over when the question names nothing of the programme
#: ("dimana mushola?" reads as a venue question, "wifi hari ini?" as a schedule one).
_FAQ_OVER = frozenset({Intent.UNKNOWN, Intent.ABOUT, Intent.HELP, Intent.VENUE, Intent.SCHEDULE,
                       Intent.NOW_NEXT, Intent.SESSION})


def _faq_first(found: Understanding) -> bool:
    names_something = found.session_ids or found.speaker_ids or found.venue_ids or found.regions
    return found.intent in _FAQ_OVER and not names_something


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    MessageHandler(filters.TEXT & ~filters.COMMAND, free_text),
]
