"""Reports for the panitia: /statistik and /ekspor (CSV, in private only)."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CommandHandler

from bot import render_delegate, render_organizer
from bot.context import BotContext
from bot.features import stats as reports
from bot.storage.delegates import ROLES
from handlers.common import is_private, organizer_only, send, user_id


@organizer_only
async def stats(update: Update, context: BotContext) -> None:
    """/statistik."""
    t = context.t
    found = await reports.stats(context.services)
    roles = {r: render_delegate.role_name(r, t) for r in ROLES}
    await send(update, render_organizer.stats_view(
        context.event, found.by_region, found.by_role, found.rsvps, found.recent, found.blocked,
        roles, t))


@organizer_only
async def export(update: Update, context: BotContext) -> None:
    """/ekspor: CSV of registrations and RSVPs, to the organizer in private only."""
    t = context.t
    chat = update.effective_chat
    if chat is None or not is_private(update):
        await send(update, render_organizer.export_private_only(t))
        return
    rows = await reports.export(context.services, user_id(update))
    roles = {r: render_delegate.role_name(r, t) for r in ROLES}
    registrations = render_organizer.registrations_csv(context.event, rows.registrations,
                                                       roles, t)
    rsvps = render_organizer.rsvps_csv(context.event, rows.rsvps, t)
    name = context.event.id
    await chat.send_document(InputFile(registrations, filename=f"pendaftaran-{name}.csv"),
                             caption=t.gettext("Pendaftaran peserta (CSV)"))
    await chat.send_document(InputFile(rsvps, filename=f"rsvp-{name}.csv"),
                             caption=t.gettext("RSVP per sesi (CSV)"))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(["statistik", "stats"], stats),
    CommandHandler(["ekspor", "export"], export),
]
