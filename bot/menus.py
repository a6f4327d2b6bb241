"""Telegram's command menu in each language, from the command table (bot/commands.py)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot import commands
from bot.i18n import I18n, Translator
from bot.model import Event

log = logging.getLogger(__name__)


def menu_commands(t: Translator, event: Event) -> list[BotCommand]:
    """The command menu in `t`'s language (English shows the English aliases), without the
    commands for features `event` does not have."""
    return [
        BotCommand(commands.shown_name(c, t.lang), t.gettext(c.description))
        for c in commands.menu_for(event)
    ]


async def set_default_menus(bot: Bot, i18n: I18n, event: Event) -> None:
    """Register the menu for every language, and the default for everyone else.

    Called at start, and again when a tour, contacts or FAQ come or go (/ubah, /muatulang)."""
    await bot.set_my_commands(menu_commands(i18n.get(i18n.default), event))
    for lang in i18n.languages:
        await bot.set_my_commands(menu_commands(i18n.get(lang), event), language_code=lang)


async def follow_event(bot: Bot, i18n: I18n, old: Event, new: Event) -> bool:
    """After the running event changed: a tour, contacts or FAQ that came or went shows in
    (or leaves) Telegram's command menus; otherwise nothing is sent. True when the menus
    changed: the chats with a menu of their own (`set_chat_menus`) must follow too."""
    if commands.menu_for(old) == commands.menu_for(new):
        return False
    await set_default_menus(bot, i18n, new)
    return True


async def set_chat_menus(bot: Bot, i18n: I18n, event: Event,
                         chats: Iterable[tuple[int, str]]) -> None:
    """The menu of each private chat whose user chose a language (/bahasa sets it per chat,
    and a chat's own menu hides the default ones), in that language.

    Run in the background after a change: one call per chat, through the rate limiter. A chat
    that is gone (blocked, deleted) keeps no menu to fix, so its refusal is skipped."""
    menus = {lang: menu_commands(i18n.get(lang), event) for lang in i18n.languages}
    failed = 0
    for chat_id, lang in chats:
        try:
            await bot.set_my_commands(menus.get(lang) or menu_commands(i18n.get(lang), event),
                                      scope=BotCommandScopeChat(chat_id=chat_id))
        except TelegramError:
            failed += 1
    if failed:
        log.info("command menus: %d chats refused (blocked or gone)", failed)
