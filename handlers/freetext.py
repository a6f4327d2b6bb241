"""Free text: understand the question, then answer as the matching command would."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping

from telegram import Message, Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import render, render_info
from bot.context import BotContext
from bot.faq import match_faq
from bot.features import rsvp
from bot.model import SessionKind
from bot.understanding import Intent, Understanding, understand
from handlers.common import decline, is_private, show

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


#: How a feature answers a question it owns: (update, context, the text, what it means).
QuestionAnswer = Callable[[Update, BotContext, str, Understanding], Awaitable[None]]
#: Intent -> the feature's answer; given by `handlers.register`, so this module imports no
#: feature handler. Intents not in it are answered here from the programme alone.
Answers = Mapping[Intent, QuestionAnswer]


def plain(callback: Callable[[Update, BotContext], Awaitable[None]]) -> QuestionAnswer:
    """A command's callback as the answer to a question (which it does not need)."""

    async def answer(update: Update, context: BotContext, _text: str, _found: Understanding
                     ) -> None:
        await callback(update, context)

    return answer


async def answer(update: Update, context: BotContext, text: str, found: Understanding,
                 answers: Answers) -> None:
    """Turn an understood question into the reply the matching command gives."""
    event, t, now = context.event, context.t, context.now()
    intent = found.intent
    if intent is Intent.CITY_TOUR and event.tour is None:
        # No tour plan in the data: the tour is an ordinary session (if there is one).
        tour = next((s for s in event.sessions if s.kind is SessionKind.TOUR), None)
        await _sessions(update, context, (tour.id,) if tour else ())
    elif (feature := answers.get(intent)) is not None:
        await feature(update, context, text, found)
    elif intent is Intent.SCHEDULE:
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
    elif intent is Intent.ABOUT:
        await show(update, render_info.about_view(event, t))
    elif intent is Intent.HELP:
        await show(update, render_info.help_view(event, t))
    elif intent is Intent.GREETING:
        user = update.effective_user
        await show(update, render_info.main_menu(event, t, user.first_name if user else ""))
    elif intent is Intent.THANKS:
        await show(update, render_info.thanks_view(event, t))
    else:
        await decline(update, context, text)


async def _sessions(update: Update, context: BotContext, ids: tuple[str, ...]) -> None:
    event, t = context.event, context.t
    sessions = [s for sid in ids if (s := event.session(sid))]
    if len(sessions) == 1:
        session = sessions[0]
        taken = await rsvp.seats_taken(context.services, session)
        await show(update, render.session_view(event, session, t, context.now(), taken=taken))
    elif sessions:
        await show(update, render.sessions_choice(event, sessions, t))
    else:
        await show(update, render.programme_overview(event, t, context.now().date()))


async def free_text(update: Update, context: BotContext, answers: Answers) -> None:
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
        await show(update, render_info.too_long(context.event, context.t))
        return
    found = understand(text, context.event, context.now())
    # Only a question that names nothing of the programme is looked up among the FAQ.
    faq = match_faq(context.event, text) if _faq_first(found) else None
    if faq is not None:
        await show(update, render_info.faq_view(faq, context.t))
        return
    await answer(update, context, text, found, answers)


#: Intents a practical answer may take over when the question names nothing of the programme
#: ("dimana mushola?" reads as a venue question, "wifi hari ini?" as a schedule one).
_FAQ_OVER = frozenset({Intent.UNKNOWN, Intent.ABOUT, Intent.HELP, Intent.VENUE, Intent.SCHEDULE,
                       Intent.NOW_NEXT, Intent.SESSION})


def _faq_first(found: Understanding) -> bool:
    names_something = found.session_ids or found.speaker_ids or found.venue_ids or found.regions
    return found.intent in _FAQ_OVER and not names_something


def handlers(answers: Answers) -> list[BaseHandler[Update, BotContext, None]]:
    """The free-text handler, answering the intents in `answers` with those features."""

    async def on_text(update: Update, context: BotContext) -> None:
        await free_text(update, context, answers)

    return [MessageHandler(filters.TEXT & ~filters.COMMAND, on_text)]
