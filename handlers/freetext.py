"""Free text: understand the question, then answer as the matching command would."""

from __future__ import annotations

import re

from telegram import Message, Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import render, render_answers
from bot.answers import Plan, PlanKind, plan_answer
from bot.context import BotContext
from bot.model import SessionKind
from bot.understanding import Intent, Understanding, understand_all
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


async def answer(
    update: Update, context: BotContext, text: str, found: Understanding, lead: list[str]
) -> None:
    """Turn an understood question into the reply the matching command gives, with the
    sentences that answer it (`lead`) on top."""
    event, t, now = context.event, context.t, context.now()
    intent = found.intent

    async def reply(view: render.Reply) -> None:
        await show(update, render_answers.with_lead(lead, view))

    async def first() -> None:
        """Before a card another handler sends: the answer on its own line."""
        if lead:
            await show(update, render.Reply("\n".join(dict.fromkeys(lead))))

    if intent is Intent.SCHEDULE:
        day = found.day or (now.date() if event.day_number(now.date()) else None)
        if day is None:
            await reply(render.programme_overview(event, t, now.date()))
        elif found.time is not None or found.period is not None:
            await reply(render.at_time_view(event, day, t, now, found.time, found.period))
        else:
            await reply(render.day_view(event, day, t, now))
    elif intent is Intent.NOW_NEXT:
        await reply(render.now_view(event, t, now))
    elif intent is Intent.SESSION or (
        intent is Intent.SPEAKER and found.session_ids and not found.speaker_ids
    ):
        await _sessions(update, context, found.session_ids, lead)
    elif intent is Intent.SPEAKER:
        speaker = event.speaker(found.speaker_ids[0]) if found.speaker_ids else None
        await reply(render.speaker_view(event, speaker, t) if speaker else render.speakers_view(
            event, t
        ))
    elif intent is Intent.VENUE:
        await first()
        await _venue(update, context, found)
    elif intent is Intent.CITY_TOUR:
        if event.tour is not None:
            await first()
            await citytour.plan(update, context)
        else:
            tour = next((s for s in event.sessions if s.kind is SessionKind.TOUR), None)
            await _sessions(update, context, (tour.id,) if tour else (), lead)
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
        await reply(render.about_view(event, t))
    elif intent is Intent.HELP:
        await show(update, render.help_view(t))
    elif intent is Intent.GREETING:
        user = update.effective_user
        await show(update, render.main_menu(event, t, user.first_name if user else ""))
    elif intent is Intent.THANKS:
        await show(update, render.thanks_view(t))
    else:
        await show(update, render.not_understood(t, text))


async def _sessions(
    update: Update, context: BotContext, ids: tuple[str, ...], lead: list[str]
) -> None:
    event, t = context.event, context.t
    sessions = [s for sid in ids if (s := event.session(sid))]
    if len(sessions) == 1:
        # The same card as from /jadwal: Hadir / calendar buttons, "you are attending".
        view = await rsvp.session_reply(update, context, sessions[0])
    elif sessions:
        view = render.sessions_choice(event, sessions, t)
    else:
        view = render.programme_overview(event, t, context.now().date())
    await show(update, render_answers.with_lead(lead, view))


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
        await show(update, render.too_long(context.t))
        return
    event, t, now = context.event, context.t, context.now()
    questions = understand_all(text, event, now, t.lang)
    doubt = next((d for q in questions for d in q.doubts), None)
    if doubt is not None:
        # A day word that could not be read would silently change the answer: ask.
        await show(update, render_answers.doubt_view(event, doubt[0], doubt[1], t, now))
        return
    plans = [plan_answer(event, q, t) for q in questions]
    # One reply while it stays short: the answers of the later questions join the first one's;
    # a later question whose answer is a card of its own (a day's programme) gets that card.
    # A question the data does not answer is declined on its own (the hand-off attaches there).
    head = next((p for p in plans if p.kind is not PlanKind.DECLINE), plans[0])
    rest = [p for p in plans if p is not head]
    extra = [line for p in rest if p.kind is not PlanKind.DECLINE for line in p.lead]
    await _send(update, context, head, head.lead + extra)
    for p in rest:
        if not p.lead or p.kind is PlanKind.DECLINE:
            await _send(update, context, p, [])


async def _send(update: Update, context: BotContext, plan: Plan, lead: list[str]) -> None:
    t, q = context.t, plan.question
    if plan.kind is PlanKind.FAQ and plan.faq is not None:
        view = render.faq_view(plan.faq, t)
        if len(lead) > 1:  # other answers join the practical one, in the order asked
            view = render.Reply(render.clip_html_lines(lead, "…"), view.markup)
        await show(update, view)
    elif plan.kind is PlanKind.PASSAGE and plan.hit is not None:
        view = render_answers.passage_view(context.event, plan.hit, t)
        await show(update, render.Reply(render.clip_html_lines(lead, "…"), view.markup))
    elif plan.kind is PlanKind.DECLINE:
        await show(update, render.not_understood(t, q.question))
    else:
        await answer(update, context, q.question, q, lead)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    MessageHandler(filters.TEXT & ~filters.COMMAND, free_text),
]
