"""RSVPs: attending sessions and the event, waiting lists, the personal agenda, .ics files."""

from __future__ import annotations

import io

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import commands, render, render_delegate, scheduler
from bot.calendar import agenda_ics
from bot.context import BotContext
from bot.model import Session, SessionKind
from bot.storage.delegates import EVENT_RSVP, iso
from handlers import citytour
from handlers.common import answer, callback_arg, show, stale_button


async def session_detail(update: Update, context: BotContext, session: Session) -> None:
    """A session's detail view with the delegate's RSVP status and buttons."""
    user = update.effective_user
    rsvp = await context.repo.get_rsvp(user.id, session.id) if user else None
    position = await context.repo.waiting_position(user.id, session.id) if (
        user and rsvp and rsvp.status == "waiting") else 0
    t = context.t
    await show(
        update,
        render.session_view(
            context.event, session, t, context.now(),
            extra_lines=["", render_delegate.rsvp_status_line(rsvp, position, t)] if rsvp else (),
            extra_rows=render_delegate.rsvp_buttons(session, rsvp, t),
        ),
    )


async def _registered(update: Update, context: BotContext) -> bool:
    """RSVPs need a profile: offer registration instead (True if registered)."""
    user = update.effective_user
    if user is not None and await context.repo.get_profile(user.id) is not None:
        return True
    await show(update, render_delegate.needs_registration(context.t))
    return False


async def attend(update: Update, context: BotContext, force: bool = False) -> None:
    """"✅ Hadir": RSVP (asking first when it overlaps another chosen session)."""
    user, query = update.effective_user, update.callback_query
    session_id = callback_arg(update)
    session = context.event.session(session_id)
    if user is None or query is None or (session is None and session_id != EVENT_RSVP):
        await stale_button(update, context)
        return
    if not await _registered(update, context):
        return
    t = context.t
    if session is None:  # the event as a whole
        await context.repo.rsvp(user.id, EVENT_RSVP, None)
        await overview(update, context)
        return
    if not force:
        clashes = scheduler.overlapping(context.event, session,
                                        await context.repo.user_rsvps(user.id))
        if clashes and await context.repo.get_rsvp(user.id, session.id) is None:
            await show(update, render_delegate.overlap_question(session, clashes, t))
            return
    result = await context.repo.rsvp(
        user.id, session.id, session.capacity, iso(session.arrive_by), session.venue_id
    )
    bus = None
    if session.kind is SessionKind.TOUR and result.status == "going":
        await citytour.seat_everyone(context)
        bus = await citytour.my_bus_name(context, user.id)
    await scheduler.replan_user(context.app, user.id)  # after seating: reminders name the bus
    if result.status == "going":
        note = t.gettext("✅ Tercatat: Anda hadir di {title}.")
        if bus is not None:
            note += " " + t.gettext("Bus Anda: {bus}.").format(bus=bus)
    else:
        note = t.gettext("⏳ Kursi penuh: Anda di daftar tunggu, urutan ke-{n}.")
    await answer(query, note.format(title=session.title.get(t.lang), n=result.position)[:200])
    await session_detail(update, context, session)


async def attend_force(update: Update, context: BotContext) -> None:
    """"Ya, tambahkan" after an overlap warning."""
    await attend(update, context, force=True)


async def cancel_attendance(
    context: BotContext, user_id: int, session_id: str, session: Session | None
) -> bool:
    """Cancel one RSVP (True if there was one): the first on the waiting list gets the seat
    and a message, a tour seat goes back to the buses, the reminders follow."""
    existed, promoted = await context.repo.cancel_rsvp(
        user_id, session_id, session.capacity if session else None
    )
    if session is not None and session.kind is SessionKind.TOUR:
        await citytour.release_seat(context, user_id)
        if promoted is not None:
            await citytour.seat_everyone(context)
    await scheduler.replan_user(context.app, user_id)
    if promoted is not None and session is not None:
        await scheduler.notify_seat(context.app, promoted, session)
    return existed


async def withdraw(update: Update, context: BotContext, sure: bool = False) -> None:
    """"❌ Tidak jadi": cancel an RSVP; the first on the waiting list gets the seat.

    A held seat in a session with limited places (the tour's buses) is asked about first:
    cancelling gives it away at once and tapping "Hadir" again may only reach the end of
    the waiting list. Unlimited sessions and waiting-list places are cancelled directly.
    """
    user, query = update.effective_user, update.callback_query
    session_id = callback_arg(update)
    session = context.event.session(session_id)
    if user is None or query is None or (session is None and session_id != EVENT_RSVP):
        await stale_button(update, context)
        return
    if not sure and session is not None and session.capacity is not None:
        current = await context.repo.get_rsvp(user.id, session.id)
        if current is not None and current.status == "going":
            waiting = sum(1 for r in await context.repo.session_rsvps(session.id)
                          if r.status == "waiting")
            await answer(query)
            await show(update, render_delegate.cancel_question(session, waiting, context.t))
            return
    existed = await cancel_attendance(context, user.id, session_id, session)
    if session is None:
        await overview(update, context)
        return
    if existed:
        await answer(query, context.t.gettext("Dibatalkan. Pengingatnya juga dihapus.")[:200])
    await session_detail(update, context, session)


async def withdraw_sure(update: Update, context: BotContext) -> None:
    """"Ya, batalkan" after `cancel_question`."""
    await withdraw(update, context, sure=True)


async def overview(update: Update, context: BotContext) -> None:
    """/rsvp: attendance at the event and each session."""
    user = update.effective_user
    if user is None or not await _registered(update, context):
        return
    rsvps = await context.repo.user_rsvps(user.id)
    positions = {
        r.session_id: await context.repo.waiting_position(user.id, r.session_id)
        for r in rsvps
        if r.status == "waiting"
    }
    await show(update, render_delegate.rsvp_overview(context.event, rsvps, positions, context.t))


async def agenda(update: Update, context: BotContext) -> None:
    """/agendaku: the personal agenda by day."""
    user = update.effective_user
    if user is None or not await _registered(update, context):
        return
    rsvps = await context.repo.user_rsvps(user.id)
    await show(update, render_delegate.agenda_view(context.event, rsvps, context.t,
                                                   context.now()))


async def calendar_file(update: Update, context: BotContext) -> None:
    """"Tambah ke kalender": an .ics for one session or the whole personal agenda."""
    user, query, chat = update.effective_user, update.callback_query, update.effective_chat
    if user is None or query is None or chat is None:
        return
    arg, event, t = callback_arg(update), context.event, context.t
    if arg == cb.ALL:
        rsvps = await context.repo.user_rsvps(user.id)
        sessions = [s for s in event.sessions
                    if any(r.session_id == s.id and r.status == "going" for r in rsvps)]
        filename = f"agenda-{event.id}.ics"
    else:
        session = event.session(arg)
        if session is None:
            await stale_button(update, context)
            return
        sessions = [session]
        filename = f"{session.id}.ics"
    if not sessions:
        await answer(query, t.gettext("Belum ada sesi di agenda Anda."), show_alert=True)
        return
    prefs = await context.repo.get_preferences(user.id)
    data = agenda_ics(event, sessions, t.lang, prefs.reminder_lead)
    await answer(query)
    await chat.send_document(
        InputFile(io.BytesIO(data), filename=filename),
        caption=t.gettext("📅 Buka berkas ini untuk menambahkan ke kalender ponsel Anda."),
    )


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.RSVPS), overview),
    CommandHandler(commands.names(commands.AGENDA), agenda),
    CallbackQueryHandler(attend, pattern=f"^{cb.RSVP}:"),
    CallbackQueryHandler(attend_force, pattern=f"^{cb.RSVP_FORCE}:"),
    CallbackQueryHandler(withdraw, pattern=f"^{cb.RSVP_CANCEL}:"),
    CallbackQueryHandler(withdraw_sure, pattern=f"^{cb.RSVP_CANCEL_SURE}:"),
    CallbackQueryHandler(overview, pattern=f"^{cb.RSVPS}$"),
    CallbackQueryHandler(agenda, pattern=f"^{cb.AGENDA}$"),
    CallbackQueryHandler(calendar_file, pattern=f"^{cb.ICS}:"),
]
