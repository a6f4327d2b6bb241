"""RSVPs: attending sessions and the event, waiting lists, the personal agenda, .ics files."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render_delegate
from bot.calendar import agenda_ics
from bot.context import BotContext
from bot.features import delegates, rsvp
from bot.features.rsvp import Attend, Withdraw
from bot.model import Session, SessionKind
from handlers.common import (
    answer,
    callback_arg,
    deliveries,
    personal_outside_private,
    session_card,
    show,
    stale_button,
)

#: Another feature's screen (given by `handlers.register`: handler modules never import
#: each other).
Callback = Callable[[Update, BotContext], Awaitable[None]]


async def session_detail(update: Update, context: BotContext, session: Session) -> None:
    """A session's detail view with the delegate's RSVP status and buttons."""
    await show(update, await session_card(update, context, session))


async def session_button(update: Update, context: BotContext) -> None:
    """A session button (from the programme): its detail view with the RSVP buttons."""
    session = context.event.session(callback_arg(update))
    if session is None:
        await stale_button(update, context)
        return
    await session_detail(update, context, session)


async def _registered(update: Update, context: BotContext) -> bool:
    """RSVPs need a profile: offer registration instead (True if registered)."""
    user = update.effective_user
    if user is not None and await delegates.is_registered(context.services, user.id):
        return True
    await show(update, render_delegate.needs_registration(context.t))
    return False


async def _after_change(update: Update, context: BotContext, session: Session,
                        tour_screen: Callback) -> None:
    """The screen after an RSVP change: the tour keeps its own screen (bus, check-in)."""
    if session.kind is SessionKind.TOUR and context.event.tour is not None:
        await tour_screen(update, context)
    else:
        await session_detail(update, context, session)


async def attend(update: Update, context: BotContext, tour_screen: Callback,
                 force: bool = False) -> None:
    """"✅ Hadir": RSVP (asking first when it overlaps another chosen session)."""
    user, query = update.effective_user, update.callback_query
    if user is None or query is None:
        await stale_button(update, context)
        return
    done = await rsvp.attend(context.services, deliveries(context), user.id,
                             callback_arg(update), force=force)
    t, session = context.t, done.session
    if done.outcome is Attend.UNKNOWN:
        await stale_button(update, context)
    elif done.outcome is Attend.NOT_REGISTERED:
        await show(update, render_delegate.needs_registration(t))
    elif done.outcome is Attend.EVENT:
        await overview(update, context)
    elif session is None:
        return
    elif done.outcome is Attend.OVERLAP:
        await show(update, render_delegate.overlap_question(session, list(done.clashes), t))
    else:
        if done.outcome is Attend.GOING:
            note = t.gettext("✅ Tercatat: Anda hadir di {title}.")
            if done.bus is not None:
                note += " " + t.gettext("Bus Anda: {bus}.").format(bus=done.bus)
            if done.reminder_folded:
                note += " " + render_delegate.starts_in(session, context.now(), t)
        else:
            note = t.gettext("⏳ Kursi penuh: Anda di daftar tunggu, urutan ke-{n}.")
        await answer(query, note.format(title=session.title.get(t.lang), n=done.position)[:200])
        await _after_change(update, context, session, tour_screen)


async def withdraw(update: Update, context: BotContext, tour_screen: Callback,
                   sure: bool = False) -> None:
    """"❌ Tidak jadi": cancel an RSVP (a held limited seat is asked about first)."""
    user, query = update.effective_user, update.callback_query
    if user is None or query is None:
        await stale_button(update, context)
        return
    done = await rsvp.withdraw(context.services, deliveries(context), user.id,
                               callback_arg(update), sure=sure)
    session = done.session
    if done.outcome is Withdraw.UNKNOWN:
        await stale_button(update, context)
    elif session is None:  # the event as a whole
        await overview(update, context)
    elif done.outcome is Withdraw.ASK:
        await answer(query)
        await show(update, render_delegate.cancel_question(session, done.waiting, context.t))
    else:
        if done.outcome is Withdraw.CANCELLED:
            await answer(query, context.t.gettext(
                "Dibatalkan. Pengingatnya juga dihapus.")[:200])
        await _after_change(update, context, session, tour_screen)


async def overview(update: Update, context: BotContext) -> None:
    """/rsvp: attendance at the event and each session."""
    user = update.effective_user
    if user is None or await personal_outside_private(update, context) \
            or not await _registered(update, context):
        return
    mine = await rsvp.overview(context.services, user.id)
    await show(update, render_delegate.rsvp_overview(
        context.event, list(mine.rsvps), mine.positions, context.t))


async def agenda(update: Update, context: BotContext) -> None:
    """/agendaku: the personal agenda by day."""
    user = update.effective_user
    if user is None or await personal_outside_private(update, context) \
            or not await _registered(update, context):
        return
    mine = await rsvp.overview(context.services, user.id)
    await show(update, render_delegate.agenda_view(context.event, list(mine.rsvps), context.t,
                                                   context.now()))


async def calendar_file(update: Update, context: BotContext) -> None:
    """"Tambah ke kalender": an .ics for one session or the whole personal agenda."""
    user, query, chat = update.effective_user, update.callback_query, update.effective_chat
    if user is None or query is None or chat is None:
        return
    arg, t = callback_arg(update), context.t
    found = await rsvp.calendar_file(context.services, user.id, None if arg == cb.ALL else arg)
    if found is None:
        await stale_button(update, context)
        return
    if not found.sessions:
        await answer(query, t.gettext("Belum ada sesi di agenda Anda."), show_alert=True)
        return
    data = agenda_ics(context.event, found.sessions, t.lang, found.reminder_lead,
                      now=context.now(), sequences=found.sequences)
    await answer(query)
    await chat.send_document(
        InputFile(io.BytesIO(data), filename=found.filename),
        caption=t.gettext("📅 Buka berkas ini untuk menambahkan ke kalender ponsel Anda."),
    )


def handlers(tour_screen: Callback) -> list[BaseHandler[Update, BotContext, None]]:
    """The RSVP buttons and views; `tour_screen` (given by `handlers.register`) is shown
    after an RSVP to the city tour, which keeps its own screen (bus, check-in)."""

    async def on_attend(update: Update, context: BotContext) -> None:
        await attend(update, context, tour_screen)

    async def on_attend_force(update: Update, context: BotContext) -> None:
        """"Ya, tambahkan" after an overlap warning."""
        await attend(update, context, tour_screen, force=True)

    async def on_withdraw(update: Update, context: BotContext) -> None:
        await withdraw(update, context, tour_screen)

    async def on_withdraw_sure(update: Update, context: BotContext) -> None:
        """"Ya, batalkan" after `cancel_question`."""
        await withdraw(update, context, tour_screen, sure=True)

    return [
        CallbackQueryHandler(session_button, pattern=f"^{cb.SESSION}:"),
        CommandHandler(commands.names(commands.RSVPS), overview),
        CommandHandler(commands.names(commands.AGENDA), agenda),
        CallbackQueryHandler(on_attend, pattern=f"^{cb.RSVP}:"),
        CallbackQueryHandler(on_attend_force, pattern=f"^{cb.RSVP_FORCE}:"),
        CallbackQueryHandler(on_withdraw, pattern=f"^{cb.RSVP_CANCEL}:"),
        CallbackQueryHandler(on_withdraw_sure, pattern=f"^{cb.RSVP_CANCEL_SURE}:"),
        CallbackQueryHandler(overview, pattern=f"^{cb.RSVPS}$"),
        CallbackQueryHandler(agenda, pattern=f"^{cb.AGENDA}$"),
        CallbackQueryHandler(calendar_file, pattern=f"^{cb.ICS}:"),
    ]
