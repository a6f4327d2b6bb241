"""Free text: understand the question, then answer as the matching command would."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping

from telegram import Message, Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot import render, render_answers, render_howto, render_info
from bot.answers import Plan, PlanKind, read_message
from bot.context import BotContext
from bot.features.questions import MAX_QUESTION
from bot.model import SessionKind
from bot.understanding import Intent, Scope, Understanding
from handlers.common import decline, is_private, session_card, show


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
                 answers: Answers, lead: list[str]) -> None:
    """Turn an understood question into the reply the matching command gives, with the
    sentences that answer it (`lead`) on top."""
    event, t, now = context.event, context.t, context.now()
    intent = found.intent

    async def reply(view: render.Reply) -> None:
        await show(update, render_answers.with_lead(lead, view))

    if intent is Intent.CITY_TOUR and event.tour is None:
        # No tour plan in the data: the tour is an ordinary session (if there is one).
        tour = next((s for s in event.sessions if s.kind is SessionKind.TOUR), None)
        await _sessions(update, context, (tour.id,) if tour else (), lead)
    elif intent is Intent.ANNOUNCEMENT and found.scope is Scope.REST and found.day:
        # "what's still on this afternoon?" asks for the programme, not for news.
        await reply(render_answers.rest_of_day_view(event, found.day, t, now, found.period))
    elif (intent in _DAY_LISTS and found.day is not None and event.day_number(found.day)
          and not (found.session_ids or found.speaker_ids or found.venue_ids)):
        # "besok siapa aja pembicaranya?", "where will tomorrow's sessions be?": that day's
        # programme (or that part of it), with its speakers and places — not everyone's.
        if found.time is not None or found.period is not None:
            await reply(render.at_time_view(event, found.day, t, now, found.time, found.period,
                                            found.until))
        else:
            await reply(render.day_view(event, found.day, t, now))
    elif (feature := answers.get(intent)) is not None:
        if lead and intent in _LEAD_FIRST:
            # Another feature sends the card: the answer goes first, on its own line.
            await show(update, render.Reply("\n".join(render_answers.unique_lines(lead))))
        await feature(update, context, text, found)
        if lead and intent not in _LEAD_FIRST:
            # These features' cards have no sentence of their own: the lines are the answers
            # to the message's later questions ("Kontak Banyuwangi? Bupatinya bicara jam
            # berapa?"), sent after the card in the order asked, never dropped.
            await show(update, render.Reply("\n".join(render_answers.unique_lines(lead))))
    elif intent is Intent.SCHEDULE and found.scope is Scope.ALL:
        await reply(render_answers.full_programme_view(event, t, now.date()))
    elif intent is Intent.SCHEDULE and found.scope is Scope.REST and found.day is not None:
        await reply(render_answers.rest_of_day_view(event, found.day, t, now, found.period))
    elif intent is Intent.SCHEDULE and (item := render_answers.scope_item(event, found)):
        # When the day starts or ends, its last item: that item's card under the sentence.
        await _sessions(update, context, (item.id,), lead)
    elif intent is Intent.SCHEDULE:
        day = found.day or (now.date() if event.day_number(now.date()) else None)
        if day is None:
            await reply(render.programme_overview(event, t, now.date()))
        elif found.time is not None or found.period is not None:
            await reply(render.at_time_view(event, day, t, now, found.time, found.period,
                                            found.until))
        else:
            await reply(render.day_view(event, day, t, now))
    elif intent is Intent.NOW_NEXT:
        # Asked only what is on now: that, and the one item after it.
        following = 1 if render_answers.asks_now_only(text) else 3
        await reply(render.now_view(event, t, now, following))
    elif intent is Intent.SESSION or (
        intent is Intent.SPEAKER and found.session_ids and not found.speaker_ids
    ):
        await _sessions(update, context, found.session_ids, lead)
    elif intent is Intent.SPEAKER:
        speaker = event.speaker(found.speaker_ids[0]) if found.speaker_ids else None
        await reply(render.speaker_view(event, speaker, t) if speaker else render.speakers_view(
            event, t
        ))
    elif intent is Intent.ABOUT:
        await reply(render_info.about_view(event, t))
    elif intent is Intent.HELP:
        await show(update, render_info.help_view(event, t))
    elif intent is Intent.GREETING:
        user = update.effective_user
        await show(update, render_info.main_menu(event, t, user.first_name if user else ""))
    elif intent is Intent.THANKS:
        await show(update, render_info.thanks_view(event, t))
    else:
        await decline(update, context, text)


#: Intents whose question about a day without naming anyone is answered by that day's list.
_DAY_LISTS = frozenset({Intent.SPEAKER, Intent.VENUE})
#: Intents whose feature's card may follow a generated answer line (a venue, the tour plan).
_LEAD_FIRST = frozenset({Intent.VENUE, Intent.CITY_TOUR})


async def _sessions(
    update: Update, context: BotContext, ids: tuple[str, ...], lead: list[str]
) -> None:
    event, t = context.event, context.t
    sessions = [s for sid in ids if (s := event.session(sid))]
    if len(sessions) == 1:
        # The same card as from /jadwal: Hadir / calendar buttons, "you are attending".
        view = await session_card(update, context, sessions[0])
    elif sessions:
        view = render.sessions_choice(event, sessions, t)
    else:
        view = render.programme_overview(event, t, context.now().date())
    await show(update, render_answers.with_lead(lead, view))


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
        # A pasted document, not a letter: not read word by word (its cost grows with its
        # sentences), but a person can read it: the Tanya panitia button.
        await decline(update, context, text, render_info.too_long(context.event, context.t))
        return
    event, t, now = context.event, context.t, context.now()
    reading = read_message(text, event, now, t)
    if reading.doubt is not None:
        # A day word that could not be read would silently change the answer: ask.
        doubt = reading.doubt
        await show(update, render_answers.doubt_view(event, doubt[0], doubt[1], t, now))
        return
    plans = reading.plans
    # One reply while it stays short: the answers of the later questions join the first one's;
    # a later question whose answer is a card of its own (a day's programme) gets that card.
    answered = [p for p in plans if p.kind is not PlanKind.DECLINE]
    if answered:
        head, rest = answered[0], answered[1:]
        await _send(update, context, answers, head, head.lead + [
            line for p in rest for line in p.lead])
        for p in rest:
            if not p.lead or _card_only(p, head):
                await _send(update, context, answers, p, [])
    # The questions the data does not answer are declined together, after the answers: one
    # "I don't know" and one Tanya panitia button carrying all of them, not one per part.
    declined = dict.fromkeys(p.question.question for p in plans if p.kind is PlanKind.DECLINE)
    if declined:
        # What the data does say around them ("how far is X?": X's address) comes first.
        said = render_answers.unique_lines(
            [line for p in plans if p.kind is PlanKind.DECLINE for line in p.lead])
        await decline(update, context, "; ".join(declined), lead="\n".join(said))


def _card_only(plan: Plan, head: Plan) -> bool:
    """Whether a later question's answer is its card: its sentences say nothing the first
    answer did not ("when does it start and where is it held?": the places' card)."""
    # Not when both are about the same session: its card is the first answer's card
    # ("narasumbernya siapa dan berasal dari institusi mana?" would show it twice).
    same = bool(plan.question.session_ids) and (
        plan.question.session_ids[:1] == head.question.session_ids[:1])
    return (plan.kind is PlanKind.INTENT and head.kind is PlanKind.INTENT
            and plan.question.intent is not head.question.intent
            and set(plan.lead) <= set(head.lead) and not same)


async def _send(
    update: Update, context: BotContext, answers: Answers, plan: Plan, lead: list[str]
) -> None:
    t, q = context.t, plan.question
    if plan.kind is PlanKind.FAQ and plan.faq is not None:
        view = render_info.faq_view(plan.faq, t, q.day, context.event.days)
        if len(lead) > 1:  # other answers join the practical one, in the order asked
            view = render.Reply(render.clip_html_lines(render_answers.unique_lines(lead), "…"),
                                view.markup)
        await show(update, view)
    elif plan.kind is PlanKind.PASSAGE and plan.hit is not None:
        view = render_answers.passage_view(context.event, plan.hit, t)
        await show(update, render.Reply(
            render.clip_html_lines(render_answers.unique_lines(lead), "…"), view.markup))
    elif plan.kind is PlanKind.HOWTO:
        markup = render_howto.markup(plan.features, context.event, t, plan.faq is not None)
        await show(update, render.Reply(
            render.clip_html_lines(render_answers.unique_lines(lead), "…"), markup))
    else:
        await answer(update, context, q.question, q, answers, lead)


def handlers(answers: Answers) -> list[BaseHandler[Update, BotContext, None]]:
    """The free-text handler, answering the intents in `answers` with those features."""

    async def on_text(update: Update, context: BotContext) -> None:
        await free_text(update, context, answers)

    return [MessageHandler(filters.TEXT & ~filters.COMMAND, on_text)]
