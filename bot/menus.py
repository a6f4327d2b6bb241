"""Telegram's command menu in each language, from the command table (bot/commands.py)."""

from __future__ import annotations

from telegram import Bot, BotCommand

from bot import commands
from bot.i18n import I18n, Translator


def menu_commands(t: Translator) -> list[BotCommand]:
    """The command menu in `t`'s language (English shows the English aliases)."""
    return [
        BotCommand(commands.shown_name(c, t.lang), t.gettext(c.description))
        for c in commands.MENU
    ]


async def set_default_menus(bot: Bot, i18n: I18n) -> None:
    """Register the menu for every language, and the default for everyone else."""
    await bot.set_my_commands(menu_commands(i18n.get(i18n.default)))
    for lang in i18n.languages:
        await bot.set_my_commands(menu_commands(i18n.get(lang)), language_code=lang)
