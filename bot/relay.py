"""Delivering Tanya panitia messages: a question to the organizers, the answer to the delegate,
"answered" on the other organizers' copies, and a question left waiting raised once more.

A delivery like the reminders (bot/scheduler.py runs `raise_stale` on its tick): the database
is the truth, so a question that waited through a restart is still raised, and only once.
Each organizer reads in their own language; a group in the bot's default one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot import render_questions
from bot.i18n import Translator
from bot.policy import never_delivered, retry_seconds
from bot.replies import AfterSent, ReplyKind, is_queued
from bot.storage.questions import Asker, Question, Relay

if TYPE_CHECKING:
    from bot.context import BotApplication

log = logging.getLogger(__name__)

#: A question open this long is raised to the organizers once more.
STALE_AFTER = timedelta(minutes=15)


async def _translator(app: BotApplication, chat_id: int) -> Translator:
    services = app.bot_data.services
    lang = None
    if chat_id > 0:  # a person; groups have negative ids
        user = await services.repo.get_user(chat_id)
        lang = user.language if user is not None else None
    return services.i18n.get(lang)


async def relay(
    app: BotApplication, question: Question, asker: Asker, recipients: Iterable[int],
    again: bool = False,
) -> int:
    """Send the question to each recipient and record the copies; return how many arrived
    or are queued to (bot/replies.py: the copy is recorded once the queue sends it).

    The first relay is part of answering the delegate: it goes through the application's
    bot, like a reply. Raising it `again` is a push from the scheduler's tick: it is paced
    with the other pushes (bot/pacing.py) and follows their row of the policy."""
    repo = app.bot_data.services.repo
    delivered = 0
    for chat_id in recipients:
        reply = render_questions.relay(question, asker, await _translator(app, chat_id), again)
        try:
            if again:
                message = await _push(app, chat_id, reply.text, reply.markup, question.id)
            else:
                # Through the rate limiter: kept until delivered, the copy recorded then.
                after = AfterSent(ReplyKind.RELAY, str(question.id))
                extra: dict[str, Any] = (
                    {"rate_limit_args": after} if app.bot.rate_limiter is not None else {})
                message = await app.bot.send_message(
                    chat_id, reply.text, parse_mode=ParseMode.HTML, reply_markup=reply.markup,
                    **extra)
        except Forbidden:
            log.info("question %s: organizer chat %s blocked the bot", question.id, chat_id)
            if chat_id > 0:
                await repo.mark_inactive(chat_id)
            continue
        except TelegramError as exc:
            log.warning("question %s not relayed to %s: %s", question.id, chat_id, exc)
            continue
        if message is not None and not is_queued(message):
            await repo.add_relay(question.id, chat_id, message.message_id)
        delivered += 1
    return delivered


async def _push(
    app: BotApplication, chat_id: int, text: str, markup: InlineKeyboardMarkup | None,
    question_id: int,
) -> Message | None:
    """A question raised again: through the broadcast pacer, like the other pushes.

    The notice row of the policy (bot/policy.py): never sent (connection refused, 5xx, 429)
    is queued and sent when Telegram is back (bot/replies.py); maybe delivered counts as
    sent (None: arrived or not, the question was raised; no copy is recorded)."""
    services = app.bot_data.services
    sender, queue = services.sender, services.replies
    bot: Bot = app.bot if sender is None else sender.bot
    try:
        if sender is not None:
            await sender.pacer.slot(chat_id)
        return await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML,
                                      reply_markup=markup)
    except (RetryAfter, NetworkError) as exc:
        if isinstance(exc, RetryAfter) and sender is not None:
            sender.pacer.pause(retry_seconds(exc))
        if isinstance(exc, NetworkError) and not never_delivered(exc):
            if isinstance(exc, BadRequest):
                raise
            log.warning("question %s raised again to %s may not have arrived: %s",
                        question_id, chat_id, exc)
            return None
        data = {"chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML,
                "reply_markup": markup}
        if queue is None or await queue.keep(
                "sendMessage", data, AfterSent(ReplyKind.RELAY, str(question_id)),
                str(exc)) is None:
            raise
        return None


async def raise_stale(app: BotApplication) -> int:
    """Raise every question open longer than STALE_AFTER once more; return how many."""
    services = app.bot_data.services
    repo = services.repo
    stale = await repo.claim_stale_questions(services.clock.now() - STALE_AFTER)
    if not stale:
        return 0
    recipients = await repo.question_recipients(services.settings.admins)
    for question in stale:
        await relay(app, question, await repo.asker(question.user_id), recipients, again=True)
    return len(stale)


async def deliver_answer(
    app: BotApplication, question: Question, answer: str, again: bool
) -> bool:
    """The answer to the delegate who asked, in their language; False if it cannot arrive."""
    t = await _translator(app, question.user_id)
    reply = render_questions.answer_for_delegate(question, answer, t, again)
    try:
        await app.bot.send_message(question.user_id, reply.text, parse_mode=ParseMode.HTML)
    except Forbidden:
        await app.bot_data.services.repo.mark_inactive(question.user_id)
        return False
    except TelegramError as exc:
        log.warning("answer to question %s not delivered: %s", question.id, exc)
        return False
    return True


async def mark_answered(
    app: BotApplication, question: Question, asker: Asker, answer: str, organizer: str,
    copies: Sequence[Relay],
) -> None:
    """Edit every relayed copy to show the question is answered, and by whom."""
    for copy in copies:
        t = await _translator(app, copy.chat_id)
        reply = render_questions.relay_answered(question, asker, answer, organizer, t)
        try:
            await app.bot.edit_message_text(
                reply.text, chat_id=copy.chat_id, message_id=copy.message_id,
                parse_mode=ParseMode.HTML, reply_markup=reply.markup)
        except BadRequest as exc:
            # Deleted by someone, or already showing this: the answer itself went out.
            log.info("copy %s/%s of question %s not marked: %s", copy.chat_id,
                     copy.message_id, question.id, exc)
        except TelegramError as exc:
            log.warning("copy %s/%s of question %s not marked: %s", copy.chat_id,
                        copy.message_id, question.id, exc)
