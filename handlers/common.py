"""Small helpers every feature handler uses to answer, and the organizer guard."""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from bot import callbacks as cb
from bot import render, render_delegate, render_info, render_organizer, render_questions
from bot.context import BotContext
from bot.deliveries import AppDeliveries
from bot.features import rsvp
from bot.features.organizers import is_organizer
from bot.model import Session
from bot.render import Reply

log = logging.getLogger(__name__)

R = TypeVar("R")
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, R]]

#: Callback queries already answered, newest last. Telegram accepts one answer per query and
#: refuses a second ("query is too old … or query ID is invalid"); a handler that shows a
#: toast and then re-renders through `show` would otherwise answer twice and fail. Query ids
#: are unique, so one process-wide record serves every application; bounded, as a query
#: cannot be answered anyway once it is a few seconds old.
_ANSWERED: OrderedDict[str, None] = OrderedDict()
_ANSWERED_MAX = 10_000


async def answer(
    query: CallbackQuery | None, text: str | None = None, *, show_alert: bool = False
) -> None:
    """Answer a button press (stop its spinner, optionally a toast) — at most once."""
    if query is None or query.id in _ANSWERED:
        return
    _ANSWERED[query.id] = None
    if len(_ANSWERED) > _ANSWERED_MAX:
        _ANSWERED.popitem(last=False)
    await query.answer(text, show_alert=show_alert)


def callback_arg(update: Update) -> str:
    """The argument of the pressed button's data ("r:keynote" -> "keynote"; "" if none)."""
    query = update.callback_query
    return cb.decode(query.data if query else None).arg


def is_private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


async def send(update: Update, reply: Reply) -> Message | None:
    """Answer in the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await chat.send_message(
        reply.text, parse_mode=ParseMode.HTML, reply_markup=reply.request or reply.markup
    )


async def show(update: Update, reply: Reply) -> None:
    """Answer a button by editing its message in place; anything else with a new message."""
    query = update.callback_query
    editable = reply.request is None
    if query is not None and query.message is not None and isinstance(query.message, Message):
        await answer(query)
        if query.message.text is not None and editable:
            try:
                await query.edit_message_text(
                    reply.text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=reply.markup,
                )
            except BadRequest as exc:
                # A second tap on the same button: the message already shows this.
                if "not modified" not in str(exc).lower():
                    raise
            return
    elif query is not None:
        await answer(query)
    await send(update, reply)


async def stale_button(update: Update, context: BotContext) -> None:
    """A button whose target no longer exists (old message, changed programme, forged data)."""
    query = update.callback_query
    await answer(
        query,
        context.t.gettext("Tombol ini sudah tidak berlaku. Silakan buka /jadwal lagi."),
        show_alert=True,
    )


async def gone(update: Update, context: BotContext) -> None:
    """An organizer button whose draft, session or file is no longer what it showed."""
    query = update.callback_query
    if query is not None:
        await answer(query, context.t.gettext("Tombol ini sudah tidak berlaku."), show_alert=True)


def deliveries(context: BotContext) -> AppDeliveries:
    """The use cases' way to the scheduler and the outbox (bot/features/__init__.py)."""
    return AppDeliveries(context.app)


def user_id(update: Update) -> int:
    """The sender's id, where a guard (`organizer_only`) has made sure there is one."""
    user = update.effective_user
    assert user is not None
    return user.id


async def refuse(update: Update, context: BotContext) -> None:
    """The polite "organizers only" answer, as a toast for a button."""
    text = render_organizer.refused(context.t)
    query = update.callback_query
    if query is not None:
        await answer(query, text, show_alert=True)
    else:
        await send(update, Reply(text))


def organizer_only(handler: Handler[R]) -> Handler[R | None]:
    """Run `handler` only for organizers; refuse everyone else (nothing else happens)."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> R | None:
        user = update.effective_user
        if user is None or not await is_organizer(context.services, user.id):
            log.info("refused organizer action to %s", user.id if user else None)
            await refuse(update, context)
            return None
        return await handler(update, context)

    return guarded


#: user_data key of the questions the bot declined, by key, for the Tanya panitia button:
#: the button's data (64 bytes) cannot carry the question itself. Kept with the user's other
#: drafts (persisted, erased by /hapusdata); only the newest few.
DECLINED = "tanya"
DECLINED_KEEP = 5


def keep_declined(context: BotContext, text: str) -> str:
    """Remember a declined question; return the key its button carries."""
    kept = context.user_data.setdefault(DECLINED, {}) if context.user_data is not None else {}
    key = str(max((int(k) for k in kept), default=0) + 1)
    kept[key] = text
    for old in sorted(kept, key=int)[:-DECLINED_KEEP]:
        del kept[old]
    return key


def declined_question(context: BotContext, key: str, *, forget: bool = False) -> str | None:
    """The question a Tanya panitia button was offered for (None: no longer kept)."""
    kept = (context.user_data or {}).get(DECLINED) or {}
    return kept.pop(key, None) if forget else kept.get(key)


async def decline(update: Update, context: BotContext, text: str, view: Reply | None = None,
                  *, lead: str = "") -> None:
    """The bot cannot answer `text`: say so, and offer to hand it to the panitia.

    `view` is what the bot shows instead, where it has something (the list to choose from
    after a name it does not know); it gets the same Tanya panitia button, so every "not
    found" reply offers a person. `lead` (HTML) is what the data does say, said first."""
    key = keep_declined(context, text)
    private, username = is_private(update), context.bot.username or ""
    await show(update, render_questions.declined(context.event, context.t, text, key, private,
                                                 username, lead) if view is None
               else render_questions.with_ask(view, context.t, key, private, username))


def asked(update: Update, fallback: str) -> str:
    """What the user typed (the command with its words), or `fallback` for a button."""
    message = update.effective_message
    if update.callback_query is None and message is not None and message.text:
        return message.text
    return fallback


async def session_card(update: Update, context: BotContext, session: Session) -> Reply:
    """A session's card as /jadwal shows it, with the delegate's "you are attending" mark,
    the seats left and the Hadir / calendar buttons, for whoever shows a session (a button,
    a typed question): here, as handler modules never import each other."""
    user = update.effective_user
    mine = (await rsvp.status(context.services, user.id, session.id) if user
            else rsvp.SessionStatus(None))
    t = context.t
    return render.session_view(
        context.event, session, t, context.now(),
        extra_lines=["", render_delegate.rsvp_status_line(mine.rsvp, mine.position, t)]
        if mine.rsvp else (),
        extra_rows=render_delegate.rsvp_buttons(session, mine.rsvp, t),
        taken=await rsvp.seats_taken(context.services, session),
    )


async def personal_outside_private(update: Update, context: BotContext) -> bool:
    """A delegate's own data (profile, RSVPs, agenda) asked for outside a private chat: say
    where it is shown instead, and return True (the caller shows nothing more). Personal
    data never goes into a group, not even the asker's own."""
    if is_private(update):
        return False
    if update.callback_query is not None:
        await answer(update.callback_query)
    await send(update, render_info.personal_private_only(context.t, context.bot.username or ""))
    return True
