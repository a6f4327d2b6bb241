"""Small helpers every feature handler uses to answer."""

from __future__ import annotations

from collections import OrderedDict

from telegram import Bot, BotCommand, CallbackQuery, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from bot import callbacks as cb
from bot import commands
from bot.context import BotContext
from bot.i18n import I18n, Translator
from bot.model import Event
from bot.render import Reply

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


# -- Telegram's command menu (registered at start, and again when the event's features change)
def menu_commands(t: Translator, event: Event) -> list[BotCommand]:
    """The command menu in `t`'s language (English shows the English aliases)."""
    return [
        BotCommand(c.alias if t.lang == "en" else c.name, t.gettext(c.description))
        for c in commands.menu_for(event)
    ]


async def set_default_menus(bot: Bot, i18n: I18n, event: Event) -> None:
    """Register the menu for every language, and the default for everyone else."""
    await bot.set_my_commands(menu_commands(i18n.get(i18n.default), event))
    for lang in i18n.languages:
        await bot.set_my_commands(menu_commands(i18n.get(lang), event), language_code=lang)
