"""Language choice (/bahasa) and Telegram's command menu in each language."""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render
from bot.context import BotContext
from bot.i18n import I18n, Translator
from bot.model import Event
from handlers.common import callback_arg, is_private, show


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


async def switch(update: Update, context: BotContext, lang: str | None = None) -> None:
    """Set the user's language (toggle when none given) and answer in it."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    if lang not in context.services.i18n.languages:
        lang = "en" if context.t.lang == "id" else "id"
    await context.repo.set_language(user.id, lang)
    context.lang = lang
    t = context.t
    if is_private(update):
        # The menu follows the user's choice, not their phone's language.
        await context.bot.set_my_commands(
            menu_commands(t, context.event), scope=BotCommandScopeChat(chat_id=chat.id)
        )
    reply = render.help_view(context.event, t)
    await show(
        update,
        render.Reply(t.gettext("🌐 Bahasa diganti ke Bahasa Indonesia.") + "\n\n" + reply.text,
                     reply.markup),
    )


async def language(update: Update, context: BotContext) -> None:
    """/bahasa [id|en]: switch language."""
    wanted = context.args[0].lower() if context.args else None
    await switch(update, context, wanted)


async def language_button(update: Update, context: BotContext) -> None:
    """The 🌐 button."""
    await switch(update, context, callback_arg(update))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.LANGUAGE), language),
    CallbackQueryHandler(language_button, pattern=f"^{cb.LANGUAGE}(:|$)"),
]
