"""Welcome, main menu, help and the event's background."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render_info, render_organizer
from bot.context import BotContext
from bot.features import organizers
from bot.features.organizers import Redeemed
from handlers.common import is_private, send, show

log = logging.getLogger(__name__)


Callback = Callable[[Update, BotContext], Awaitable[None]]


async def start(update: Update, context: BotContext, deep_links: Mapping[str, Callback]) -> None:
    """/start: welcome and main menu; `/start <link>` (a deep link, e.g. `kontak` from a
    group) opens that feature; `/start org_…` redeems an organizer invite."""
    if await _redeem(update, context):
        return
    if context.args and (target := deep_links.get(context.args[0])) is not None:
        await target(update, context)
        return
    user = update.effective_user
    name = user.first_name if user else ""
    await show(update, render_info.main_menu(context.event, context.t, name))


async def _redeem(update: Update, context: BotContext) -> bool:
    """`/start org_…` (the invite deep link) in private. False when it is not one."""
    user = update.effective_user
    if (not context.args or not organizers.is_invite(context.args[0]) or user is None
            or not is_private(update)):
        return False
    result = await organizers.redeem(context.services, user.id, context.args[0])
    if result not in (Redeemed.OK, Redeemed.ALREADY):
        log.info("invite refused to %s: %s", user.id, result)
    await send(update, render_organizer.redeemed(result, context.t))
    return True


async def help_command(update: Update, context: BotContext) -> None:
    """/bantuan: commands and example questions."""
    await show(update, render_info.help_view(context.event, context.t))


async def about(update: Update, context: BotContext) -> None:
    """/tentang: the event and Citynet."""
    await show(update, render_info.about_view(context.event, context.t))


def handlers(deep_links: Mapping[str, Callback]) -> list[BaseHandler[Update, BotContext, None]]:
    """/start and the menu's buttons; `deep_links` (given by `handlers.register`) maps a
    `/start <argument>` to the feature it opens."""

    async def on_start(update: Update, context: BotContext) -> None:
        await start(update, context, deep_links)

    return [
        CommandHandler(commands.names(commands.START), on_start),
        CommandHandler(commands.names(commands.HELP), help_command),
        CommandHandler(commands.names(commands.ABOUT), about),
        CallbackQueryHandler(on_start, pattern=f"^{cb.MENU}$"),
        CallbackQueryHandler(help_command, pattern=f"^{cb.HELP}$"),
        CallbackQueryHandler(about, pattern=f"^{cb.ABOUT}$"),
    ]
