"""Group -2: per-user flood control, before anything else touches the update.

Runs before tracking (group -1) so a flood costs no database write. Over the limit, the user
gets one polite reply and `ApplicationHandlerStop` ends the update's handling; the window
logic itself is `bot.flood`.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from bot.context import BotApplication, BotContext
from bot.flood import FloodGate, Verdict

log = logging.getLogger(__name__)


def enable(app: BotApplication, gate: FloodGate | None = None) -> FloodGate:
    """Turn flood control on for `app` (`citynet-bot run` does; tests pass their own gate).

    Off by default: the offline chat, `ask` and the test harness have one local user who may
    paste many lines at once, and nothing to protect.
    """
    gate = app.bot_data.services.flood_gate = gate or FloodGate()
    return gate


async def flood_guard(update: Update, context: BotContext) -> None:
    """Let the update through, or warn once and stop it, or stop it silently."""
    user = update.effective_user
    gate = context.services.flood_gate
    if gate is None or user is None or user.is_bot:
        return
    verdict = gate.check(user.id)
    if verdict is Verdict.PASS:
        return
    if verdict is Verdict.WARN:
        log.info("flood control: user %s muted for %.0f s", user.id, gate.window)
        # Tracking has not run for this update; the user was seen earlier in this run.
        context.lang = context.repo.cached_language(user.id)
        chat = update.effective_chat
        # In a group a public "slow down" would only add to the noise: stay silent there.
        if chat is not None and chat.type == ChatType.PRIVATE:
            await chat.send_message(
                context.t.gettext(
                    "Pesan Anda banyak sekali dalam waktu singkat. Mohon tunggu sebentar, "
                    "lalu kirim lagi pertanyaan Anda."
                )
            )
    raise ApplicationHandlerStop


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [TypeHandler(Update, flood_guard)]
