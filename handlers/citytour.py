"""City tour: the plan and one's bus, check-in, and roll calls for organizers and bus leaders."""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import callbacks as cb
from bot import commands, render, render_tour
from bot.answers import route_asked
from bot.context import BotContext
from bot.features import tour as tours
from bot.features.organizers import is_organizer
from bot.features.tour import CheckIn, Mark, Say
from bot.model import Bus, Session, Tour
from bot.understanding import Understanding
from handlers.common import (
    answer,
    asked,
    callback_arg,
    decline,
    deliveries,
    is_private,
    refuse,
    send,
    show,
    stale_button,
    user_id,
)


def _no_tour(context: BotContext) -> render.Reply:
    return render.Reply(context.t.gettext("Acara ini tidak punya city tour."))


async def no_tour(update: Update, context: BotContext) -> None:
    await show(update, _no_tour(context))


async def plan(update: Update, context: BotContext, route: bool = True) -> None:
    """/citytour: the plan, the meeting point, and the delegate's own status and bus."""
    found, user = tours.tour_of(context.services), update.effective_user
    if found is None or user is None:
        # No tour in the data: the panitia may still know of an outing.
        await decline(update, context, asked(update, "City tour?"), _no_tour(context))
        return
    tour, session = found
    mine = await tours.my_tour(context.services, user.id, tour, session)
    await show(update, render_tour.tour_view(
        context.event, tour, session, context.t, context.now(), mine.rsvp, mine.position,
        mine.bus, mine.checked_in,
        can_check_in=mine.check_in_open and is_private(update),
        private=is_private(update),
        phone_shared=mine.phone_shared,
        route=route,
    ))


async def question(update: Update, context: BotContext, _text: str, found: Understanding
                   ) -> None:
    """A typed question about the tour: its card, without the route when the question asks
    one detail the answer above it gives ("where do we gather?")."""
    await plan(update, context, route=route_asked(context.event, found))


async def not_going(update: Update, context: BotContext) -> None:
    """Check-in (and the phone number) are for registered tour participants only."""
    if update.callback_query is not None:
        await answer(update.callback_query,
            context.t.gettext("Check-in hanya untuk peserta city tour yang terdaftar."),
            show_alert=True)
    else:
        await send(update, render.Reply(context.t.gettext(
            "Check-in hanya untuk peserta city tour yang terdaftar. Lihat /citytour.")))


async def _going(update: Update, context: BotContext, session: Session) -> bool:
    user = update.effective_user
    if user is not None and await tours.is_going(context.services, user.id, session):
        return True
    await not_going(update, context)
    return False


async def check_in(update: Update, context: BotContext) -> None:
    """"Saya sudah di titik kumpul"."""
    found, user, query = tours.tour_of(context.services), update.effective_user, \
        update.callback_query
    if found is None or user is None or query is None:
        await stale_button(update, context)
        return
    t = context.t
    outcome = await tours.check_in_by_button(context.services, user.id, found[1])
    if outcome is CheckIn.NOT_GOING:
        await not_going(update, context)
    elif outcome is CheckIn.NOT_OPEN:
        await answer(query, t.gettext("Check-in dibuka 2 jam sebelum waktu kumpul."),
                     show_alert=True)
    else:
        await answer(query, t.gettext("✅ Tercatat hadir. Sampai jumpa di bus!"))
        await plan(update, context)


async def ask_location(update: Update, context: BotContext) -> None:
    """"Konfirmasi dengan lokasi": Telegram's location button (a reply keyboard)."""
    found = tours.tour_of(context.services)
    if found is None or update.callback_query is None:
        await stale_button(update, context)
        return
    tour, session = found
    if not await _going(update, context, session):
        return
    await answer(update.callback_query)
    await send(update, render_tour.location_request(context.t, tour.checkin_radius_m))


async def got_location(update: Update, context: BotContext) -> None:
    """A shared (or live) location: present if close enough. Only the distance is kept."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.location is None or user is None:
        return
    if not is_private(update):
        return  # a location shared in a group is not a check-in
    result = await tours.check_in_by_location(
        context.services, user.id, message.location.latitude, message.location.longitude)
    if result is None:
        return
    live_update = update.edited_message is not None
    if result.outcome is CheckIn.NOT_GOING:
        await not_going(update, context)
    elif result.outcome is CheckIn.NOT_OPEN:
        await send(update, render.Reply(context.t.gettext(
            "Check-in dibuka 2 jam sebelum waktu kumpul. Lokasi Anda tidak disimpan.")))
    elif result.outcome is CheckIn.PRESENT or not live_update:
        # A live location keeps updating: confirm once, and say nothing while on the way.
        present = result.outcome is not CheckIn.TOO_FAR
        await send(update, render.Reply(render_tour.checkin_result(
            context.t, present, result.distance, result.radius)))


async def ask_phone(update: Update, context: BotContext) -> None:
    """"Nomor HP untuk pemimpin bus": Telegram's contact button (a reply keyboard)."""
    found = tours.tour_of(context.services)
    if found is None or update.callback_query is None:
        await stale_button(update, context)
        return
    if not await _going(update, context, found[1]) or not is_private(update):
        return
    await answer(update.callback_query)
    await send(update, render_tour.phone_request(context.t))


async def got_contact(update: Update, context: BotContext) -> None:
    """A shared contact in private: the delegate's own number, kept for the tour's roll call."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.contact is None or user is None or not is_private(update):
        return
    t = context.t
    if not await tours.keep_phone(context.services, user.id, message.contact.user_id,
                                  message.contact.phone_number):
        await send(update, render.Reply(
            t.gettext("Nomor hanya disimpan untuk peserta city tour, dan hanya nomor Anda "
                      "sendiri lewat tombol “Kirim nomor saya”."),
            request=ReplyKeyboardRemove()))
        return
    await send(update, render.Reply(
        t.gettext("✅ Nomor tersimpan untuk pemimpin bus Anda. Dihapus setelah tour selesai."),
        request=ReplyKeyboardRemove()))


# -- organizers and bus leaders ------------------------------------------------------------
async def buses(update: Update, context: BotContext) -> None:
    """/bus: all buses (organizers), one's own roll call (bus leaders), or subcommands."""
    services = context.services
    found, user = tours.tour_of(services), update.effective_user
    if found is None or user is None:
        await no_tour(update, context)
        return
    tour, session = found
    args = context.args or []
    if not await is_organizer(services, user.id):
        bus = await tours.led_bus(services, tour, user.id)
        if bus is None:
            await refuse(update, context)
            return
        await _roll_call(update, context, session, bus)
        return
    if len(args) == 3 and args[0] in ("pindah", "move", "pemimpin", "leader"):
        leader = args[0] in ("pemimpin", "leader")
        who, bus_id = (args[2], args[1]) if leader else (args[1], args[2])
        await _place(update, context, tour, who, bus_id, leader=leader)
        return
    if args:
        await send(update, render.Reply(context.t.gettext(
            "Perintah: /bus, /bus pindah &lt;user-id&gt; &lt;bus-id&gt;, "
            "/bus pemimpin &lt;bus-id&gt; &lt;user-id&gt;")))
        return
    await show(update, render_tour.buses_view(
        tour, await tours.members(services, session), context.t))


async def _place(update: Update, context: BotContext, tour: Tour, who: str, bus_id: str,
                 *, leader: bool) -> None:
    """`/bus pindah` (seat `who` on the bus) or `/bus pemimpin` (make `who` its leader)."""
    t = context.t
    if not await tours.place(context.services, tour, who, bus_id, user_id(update),
                             leader=leader):
        await send(update, render.Reply(t.gettext("User id atau bus tidak dikenal.")))
        return
    done = t.gettext("✅ {who} sekarang pemimpin {bus} dan bisa melihat absennya dengan /bus."
                     ) if leader else t.gettext("✅ {who} dipindah ke {bus}.")
    await send(update, render.Reply(done.format(who=who, bus=bus_id)))


async def _roll_call(update: Update, context: BotContext, session: Session, bus: Bus) -> None:
    if not is_private(update):
        # Phone numbers of the missing are in the roll call: never in a group.
        await send(update, render.Reply(context.t.gettext(
            "Absen bus berisi nomor telepon: buka lewat chat pribadi dengan bot.")))
        return
    members = await tours.members(context.services, session)
    await show(update, render_tour.roll_call(
        bus, members, context.t, context.now(),
        can_mark=tours.marks_open(context.services, session)))


async def mark_button(update: Update, context: BotContext) -> None:
    """"🙋 Name" / "↩️ Name" on a roll call: the leader counts someone present, or undoes it."""
    found, query, user = tours.tour_of(context.services), update.callback_query, \
        update.effective_user
    bus_id, _sep, who = callback_arg(update).partition(":")
    member_id = cb.number(who)
    if found is None or member_id is None or query is None or user is None:
        await stale_button(update, context)
        return
    present = cb.decode(query.data).action == cb.TOUR_MARK
    done = await tours.mark(context.services, user.id, bus_id, member_id, present)
    bus = found[0].bus(bus_id)
    if done.outcome is Mark.REFUSED:
        await refuse(update, context)
        return
    if done.outcome is Mark.UNKNOWN or bus is None:
        await stale_button(update, context)
        return
    t = context.t
    note = (t.gettext("✅ {name} tercatat hadir.") if done.outcome is Mark.MARKED
            else t.gettext("↩️ {name} belum hadir."))
    await answer(query, note.format(name=done.name)[:200])
    await _roll_call(update, context, found[1], bus)


async def roll_button(update: Update, context: BotContext) -> None:
    """"Absen Bus N": that bus's roll call."""
    found, user = tours.tour_of(context.services), update.effective_user
    bus = found[0].bus(callback_arg(update)) if found else None
    if found is None or bus is None or user is None:
        await stale_button(update, context)
        return
    if not await tours.may_see_bus(context.services, user.id, bus.id):
        await refuse(update, context)
        return
    await _roll_call(update, context, found[1], bus)


async def assign_button(update: Update, context: BotContext) -> None:
    """"Bagi bus otomatis": seat everyone unassigned, regions together."""
    found, user = tours.tour_of(context.services), update.effective_user
    if found is None or user is None:
        await stale_button(update, context)
        return
    if not await is_organizer(context.services, user.id):
        await refuse(update, context)
        return
    tour, session = found
    seated = await tours.auto_assign_buses(context.services, user.id)
    if update.callback_query is not None:
        await answer(update.callback_query,
            context.t.gettext("{n} peserta dibagi ke bus.").format(n=seated))
    await show(update, render_tour.buses_view(
        tour, await tours.members(context.services, session), context.t))


async def say_button(update: Update, context: BotContext) -> None:
    """One-tap messages: to the missing of a bus, or to a whole bus (or all buses)."""
    user, query = update.effective_user, update.callback_query
    target, _sep, kind = callback_arg(update).partition(":")
    if user is None or query is None:
        await stale_button(update, context)
        return
    said = await tours.say(context.services, user.id, target, kind)
    if said.outcome is Say.UNKNOWN:
        await stale_button(update, context)
    elif said.outcome is Say.REFUSED:
        await refuse(update, context)
    else:
        await answer(query, context.t.gettext("Dikirim ke {n} orang.").format(
            n=said.recipients))
        await deliveries(context).send_due()


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.TOUR), plan),
    CommandHandler(commands.names(commands.BUS), buses),
    CallbackQueryHandler(plan, pattern=f"^{cb.TOUR}$"),
    CallbackQueryHandler(check_in, pattern=f"^{cb.TOUR_CHECKIN}$"),
    CallbackQueryHandler(ask_location, pattern=f"^{cb.TOUR_LOCATION}$"),
    CallbackQueryHandler(roll_button, pattern=f"^{cb.TOUR_ROLL}:"),
    CallbackQueryHandler(assign_button, pattern=f"^{cb.TOUR_ASSIGN}$"),
    CallbackQueryHandler(say_button, pattern=f"^{cb.TOUR_SAY}:"),
    CallbackQueryHandler(mark_button, pattern=f"^({cb.TOUR_MARK}|{cb.TOUR_UNMARK}):"),
    CallbackQueryHandler(ask_phone, pattern=f"^{cb.TOUR_PHONE}$"),
    MessageHandler(filters.LOCATION, got_location),
    MessageHandler(filters.CONTACT & filters.ChatType.PRIVATE, got_contact),
]
