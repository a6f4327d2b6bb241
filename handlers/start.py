"""Welcome, main menu, help and the event's background."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render
from bot.context import BotContext
from handlers import contacts, organizer
from handlers.common import show


async def start(update: Update, context: BotContext) -> None:
    """/start: welcome and main menu; `/start kontak` (deep link from a group) opens contacts."""
    if await organizer.redeem(update, context):  # /start org_… (an organizer invite)
        return
    if context.args and context.args[0] == "kontak":
        await contacts.contacts(update, context)
        return
    user = update.effective_user
    await show(update, render.main_menu(context.event, context.t, user.first_name if user else ""))


async def help_command(update: Update, context: BotContext) -> None:
    """/bantuan: commands and example questions."""
    await show(update, render.help_view(context.event, context.t))


async def about(update: Update, context: BotContext) -> None:
    """/tentang: the event and Citynet."""
    await show(update, render.about_view(context.event, context.t))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.START), start),
    CommandHandler(commands.names(commands.HELP), help_command),
    CommandHandler(commands.names(commands.ABOUT), about),
    CallbackQueryHandler(start, pattern=f"^{cb.MENU}$"),
    CallbackQueryHandler(help_command, pattern=f"^{cb.HELP}$"),
    CallbackQueryHandler(about, pattern=f"^{cb.ABOUT}$"),
]
