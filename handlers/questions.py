"""Tanya panitia: the button after a decline, an organizer's reply to a relayed question,
saving the answer as an FAQ entry, and /pertanyaan for the organizers."""

from __future__ import annotations

import logging
import re

from telegram import InputFile, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import callbacks as cb
from bot import menus, relay, render_organizer, render_questions
from bot.context import BotContext
from bot.features import questions
from bot.features.questions import AnswerStatus, AskStatus, SaveStatus
from bot.filewatch import file_digest
from bot.render import Reply
from bot.storage.questions import Asker
from handlers.common import answer, callback_arg, declined_question, is_private, send, show

log = logging.getLogger(__name__)


async def _organizer(update: Update, context: BotContext) -> bool:
    """True for an organizer; anyone else is refused politely (nothing else happens)."""
    user = update.effective_user
    if user is not None and await questions.is_organizer(
            context.repo, context.services.settings.admins, user.id):
        return True
    text = render_organizer.refused(context.t)
    if update.callback_query is not None:
        await answer(update.callback_query, text, show_alert=True)
    else:
        await send(update, Reply(text))
    return False


# -- the delegate's side ---------------------------------------------------------------------------
async def ask_button(update: Update, context: BotContext) -> None:
    """qa:<key>: send the declined question to the panitia."""
    user = update.effective_user
    if user is None:
        return
    if not is_private(update):  # the group offers a link to the private chat instead
        await answer(update.callback_query, render_questions.ask_in_private(context.t),
                     show_alert=True)
        return
    # Taken out of the kept questions: a second tap must not send it twice.
    text = declined_question(context, callback_arg(update), forget=True)
    if text is None:
        await show(update, render_questions.ask_again(context.t))
        return
    handoff = await questions.hand_over(
        context.repo, context.services.settings.admins, user.id, text, context.now())
    if handoff.status is AskStatus.TOO_MANY:
        await show(update, render_questions.too_many(context.t, questions.MAX_OPEN))
        return
    if handoff.question is None or handoff.asker is None:
        await show(update, render_questions.ask_again(context.t))
        return
    delivered = await relay.relay(context.app, handoff.question, handoff.asker,
                                  handoff.recipients)
    await show(update, render_questions.sent(context.t, handoff.question, delivered))


async def continue_in_private(update: Update, context: BotContext) -> None:
    """/start tanya_<key>: the link from a group's decline; confirm, then the button."""
    key = (context.args or [""])[0].removeprefix(render_questions.DEEP_LINK_PREFIX)
    text = declined_question(context, key)
    if text is None:
        await send(update, render_questions.ask_again(context.t))
        return
    await send(update, render_questions.confirm_ask(context.t, text, key))


# -- the organizers' side --------------------------------------------------------------------------
class _ReplyToRelay(filters.MessageFilter):
    """A reply to a relayed question: the bot's message carrying the open-questions button.

    Whether it really is a relay is the database's call (the handler looks it up); this only
    keeps other replies to the bot (a delegate replying to a schedule) for free text.
    """

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        if replied is None or replied.from_user is None or not replied.from_user.is_bot:
            return False
        markup = replied.reply_markup
        return markup is not None and any(
            b.callback_data == cb.QUESTIONS for row in markup.inline_keyboard for b in row)


async def organizer_reply(update: Update, context: BotContext) -> None:
    """An organizer's reply to a relayed question: the answer goes to the delegate."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.reply_to_message is None:
        return
    t = context.t
    result = await questions.answer(
        context.repo, context.services.settings.admins, user.id, user.first_name,
        message.chat_id, message.reply_to_message.message_id, message.text or "")
    if result.status is AnswerStatus.NOT_ORGANIZER:
        await send(update, render_questions.answer_refused(t))
        return
    if result.status is AnswerStatus.GONE or result.question is None:
        await send(update, render_questions.answer_gone(t))
        return
    if result.status is AnswerStatus.EMPTY:
        await send(update, render_questions.answer_empty(t))
        return
    question, asker = result.question, result.asker or Asker("", "", registered=False)
    delivered = await relay.deliver_answer(context.app, question, result.text, result.again)
    await relay.mark_answered(context.app, question, asker, result.text, result.organizer_name,
                              result.copies)
    await send(update, render_questions.answer_sent(t, question, asker, delivered))


async def save_button(update: Update, context: BotContext) -> None:
    """qs:<question>: save the question and its answer as an [[faq]] entry, then use it."""
    user = update.effective_user
    question_id = cb.number(callback_arg(update))
    if user is None or not await _organizer(update, context):
        return
    if question_id is None:  # forged or garbled data: every button gets an answer
        await answer(update.callback_query, render_questions.answer_gone(context.t).text,
                     show_alert=True)
        return
    services, t = context.services, context.t
    saved = await questions.save_as_faq(
        context.repo, services.settings.admins, user.id, question_id,
        services.settings.event_file, services.event)
    if saved.status is SaveStatus.SAVED and saved.event is not None:
        # A new FAQ entry changes no session: nothing to tell delegates, just run it.
        old, services.event = services.event, saved.event
        # The event's first FAQ entry brings /info into the command menus.
        if await menus.follow_event(context.bot, services.i18n, old, saved.event):
            context.application.create_task(
                menus.set_chat_menus(context.bot, services.i18n, saved.event,
                                     await services.repo.chosen_languages()),
                name="chat-menus")
        # The file as applied: the watcher (bot/filewatch.py) need not tell anyone about it.
        services.event_digest = file_digest(services.settings.event_file)
        await show(update, render_questions.faq_saved(t, saved.faq_id))
    elif saved.status is SaveStatus.ALREADY:
        await answer(update.callback_query, render_questions.faq_already(t, saved.faq_id),
                     show_alert=True)
    elif saved.status is SaveStatus.NOT_ANSWERED:
        await answer(update.callback_query, render_questions.faq_not_answered(t),
                     show_alert=True)
    elif saved.status is SaveStatus.FILE_DIFFERS:
        await answer(update.callback_query, render_questions.faq_file_differs(t),
                     show_alert=True)
    elif saved.status is SaveStatus.FAILED:
        log.warning("FAQ from question %s not written: %s", question_id, saved.error)
        await send(update, render_questions.faq_failed(t, saved.error))
    else:  # gone (erased by the delegate) or refused meanwhile
        await answer(update.callback_query, render_questions.answer_gone(t).text,
                     show_alert=True)


async def waiting(update: Update, context: BotContext) -> None:
    """/pertanyaan (and its button): open questions with their age.
    `/pertanyaan ekspor`: CSV of the unanswered ones; `/pertanyaan disini` in the panitia
    group: questions go there instead of to each organizer (`/pertanyaan lepas`: no more)."""
    if not await _organizer(update, context):
        return
    word = (context.args or [""])[0].lower() if update.callback_query is None else ""
    if word in ("ekspor", "export"):
        await _export(update, context)
    elif word in ("disini", "here"):
        await _here(update, context)
    elif word in ("lepas", "unlink"):
        await _unlink(update, context)
    elif not is_private(update) and update.effective_chat is not None and (
            update.effective_chat.id not in await context.repo.panitia_chats()):
        # The list names delegates: not for the event's group (or any other). A button
        # pressed there gets the answer as its alert (every button press is answered).
        view = render_questions.list_private_only(context.t)
        if update.callback_query is not None:
            await answer(update.callback_query, view.text, show_alert=True)
        else:
            await send(update, view)
    else:
        items = await questions.waiting(context.repo, context.now())
        await show(update, render_questions.waiting_list(items, context.t))


async def _export(update: Update, context: BotContext) -> None:
    chat, user, t = update.effective_chat, update.effective_user, context.t
    if chat is None or user is None or not is_private(update):
        await send(update, render_organizer.export_private_only(t))
        return
    rows = await questions.unanswered(context.repo, user.id)
    data = render_organizer.csv_bytes(["ditanya_utc", "pertanyaan"], rows)
    await chat.send_document(InputFile(data, filename="pertanyaan-belum-terjawab.csv"),
                             caption=render_questions.export_caption(t, len(rows)))


async def _here(update: Update, context: BotContext) -> None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or is_private(update):
        await send(update, render_questions.panitia_chat_private(context.t))
        return
    await context.repo.set_panitia_chat(chat.id, chat.title or str(chat.id), user.id)
    await context.repo.audit(user.id, "panitia_chat_set", {"chat_id": chat.id})
    await send(update, render_questions.panitia_chat_set(context.t))


async def _unlink(update: Update, context: BotContext) -> None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or not await context.repo.unset_panitia_chat(chat.id):
        await send(update, render_questions.panitia_chat_not_set(context.t))
        return
    await context.repo.audit(user.id, "panitia_chat_unset", {"chat_id": chat.id})
    await send(update, render_questions.panitia_chat_unset(context.t))


_DEEP_LINK = re.compile(rf"^/start(@\w+)?\s+{render_questions.DEEP_LINK_PREFIX}\d+$")

HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    # Before /start itself: the deep link from a group's decline carries the question's key.
    CommandHandler("start", continue_in_private,
                   filters.ChatType.PRIVATE & filters.Regex(_DEEP_LINK)),
    # Before free text: a reply to a relayed question is an answer, not a question.
    MessageHandler(filters.TEXT & ~filters.COMMAND & _ReplyToRelay(), organizer_reply),
    CommandHandler(["pertanyaan", "questions"], waiting),
    CallbackQueryHandler(ask_button, pattern=f"^{cb.ASK_PANITIA}:"),
    CallbackQueryHandler(save_button, pattern=f"^{cb.QUESTION_SAVE}:"),
    CallbackQueryHandler(waiting, pattern=f"^{cb.QUESTIONS}$"),
]
