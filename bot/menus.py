"""Telegram's command menu in each language, from the command table (bot/commands.py)."""

from __future__ import annotations

from telegram import Bot, BotCommand

from bot import commands
from bot.i18n import I18n, Translator
from bot.model import Event


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


async def follow_event(bot: Bot, i18n: I18n, old: Event, new: Event) -> None:
    """After the running event changed: a tour, contacts or FAQ that came or went shows in
    (or leaves) Telegram's command menus; otherwise nothing is sent."""
    if commands.menu_for(old) != commands.menu_for(new):
        await set_default_menus(bot, i18n, new)
