"""Language choice (/bahasa): replies and the chat's command menu follow the user's choice."""

from __future__ import annotations

from telegram import BotCommandScopeChat, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render, render_info
from bot.context import BotContext
from bot.menus import menu_commands
from handlers.common import callback_arg, is_private, show


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
    reply = render_info.help_view(context.event, t)
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
