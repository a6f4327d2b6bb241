"""City tour: the plan and one's bus, check-in, and roll calls for organizers and bus leaders."""

from __future__ import annotations

import logging

from telegram import ReplyKeyboardRemove, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import callbacks as cb
from bot import commands, render, render_tour, scheduler
from bot.context import BotContext
from bot.model import Bus, Session, Tour
from bot.storage.delegates import PlannedDelivery
from bot.tour import auto_assign, checkin_open, distance_m
from handlers.common import answer, callback_arg, is_private, send, show, stale_button
from handlers.organizer import is_organizer, refuse

log = logging.getLogger(__name__)


def _tour(context: BotContext) -> tuple[Tour, Session] | None:
    tour, session = context.event.tour, context.event.tour_session()
    return (tour, session) if tour is not None and session is not None else None


async def no_tour(update: Update, context: BotContext) -> None:
    await show(update, render.Reply(context.t.gettext("Acara ini tidak punya city tour.")))


async def plan(update: Update, context: BotContext) -> None:
    """/citytour: the plan, the meeting point, and the delegate's own status and bus."""
    found, user = _tour(context), update.effective_user
    if found is None or user is None:
        await no_tour(update, context)
        return
    tour, session = found
    repo, now = context.repo, context.now()
    rsvp = await repo.get_rsvp(user.id, session.id)
    position = await repo.waiting_position(user.id, session.id) if (
        rsvp and rsvp.status == "waiting") else 0
    bus = tour.bus(await repo.bus_of(user.id) or "")
    members = await repo.tour_members(session.id) if rsvp else []
    me = next((m for m in members if m.user_id == user.id), None)
    checked_in = me is not None and me.checked_in_at is not None
    await show(update, render_tour.tour_view(
        context.event, tour, session, context.t, now, rsvp, position, bus, checked_in,
        can_check_in=checkin_open(session, now) and is_private(update),
        private=is_private(update),
        phone_shared=me is None or bool(me.phone),
    ))


async def _going(update: Update, context: BotContext, session: Session) -> bool:
    user = update.effective_user
    rsvp = await context.repo.get_rsvp(user.id, session.id) if user else None
    if rsvp is not None and rsvp.status == "going":
        return True
    if update.callback_query is not None:
        await answer(update.callback_query,
            context.t.gettext("Check-in hanya untuk peserta city tour yang terdaftar."),
            show_alert=True)
    else:
        await send(update, render.Reply(context.t.gettext(
            "Check-in hanya untuk peserta city tour yang terdaftar. Lihat /citytour.")))
    return False


async def check_in(update: Update, context: BotContext) -> None:
    """"Saya sudah di titik kumpul"."""
    found, user, query = _tour(context), update.effective_user, update.callback_query
    if found is None or user is None or query is None:
        await stale_button(update, context)
        return
    _, session = found
    if not await _going(update, context, session):
        return
    t = context.t
    if not checkin_open(session, context.now()):
        await answer(query, t.gettext("Check-in dibuka 2 jam sebelum waktu kumpul."),
                           show_alert=True)
        return
    await context.repo.check_in(user.id, "button", None)
    await answer(query, t.gettext("✅ Tercatat hadir. Sampai jumpa di bus!"))
    await plan(update, context)


async def ask_location(update: Update, context: BotContext) -> None:
    """"Konfirmasi dengan lokasi": Telegram's location button (a reply keyboard)."""
    found = _tour(context)
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
    found, message, user = _tour(context), update.effective_message, update.effective_user
    if found is None or message is None or message.location is None or user is None:
        return
    if not is_private(update):
        return  # a location shared in a group is not a check-in
    tour, session = found
    meeting = context.event.venue(tour.meeting_venue_id)
    if meeting is None or not await _going(update, context, session):
        return
    t, now = context.t, context.now()
    if not checkin_open(session, now):
        await send(update, render.Reply(t.gettext(
            "Check-in dibuka 2 jam sebelum waktu kumpul. Lokasi Anda tidak disimpan.")))
        return
    distance = distance_m(message.location.latitude, message.location.longitude,
                          meeting.latitude, meeting.longitude)
    present = distance <= tour.checkin_radius_m
    if present:
        newly = await context.repo.check_in(user.id, "location", round(distance))
        if not newly and update.edited_message is not None:
            return  # live location keeps updating: confirm once, not every few seconds
    elif update.edited_message is not None:
        return  # still on the way: no message per live-location update
    await send(update, render.Reply(
        render_tour.checkin_result(t, present, distance, tour.checkin_radius_m)))


async def ask_phone(update: Update, context: BotContext) -> None:
    """"Nomor HP untuk pemimpin bus": Telegram's contact button (a reply keyboard)."""
    found = _tour(context)
    if found is None or update.callback_query is None:
        await stale_button(update, context)
        return
    _, session = found
    if not await _going(update, context, session) or not is_private(update):
        return
    await answer(update.callback_query)
    await send(update, render_tour.phone_request(context.t))


async def got_contact(update: Update, context: BotContext) -> None:
    """A shared contact in private: the delegate's own number, kept for the tour's roll call.

    Only the sender's own card counts (Telegram sets its user_id): a card of someone else,
    forwarded or typed, is not stored.
    """
    message, user = update.effective_message, update.effective_user
    if message is None or message.contact is None or user is None or not is_private(update):
        return
    t = context.t
    found = _tour(context)
    going = False
    if found is not None:
        rsvp = await context.repo.get_rsvp(user.id, found[1].id)
        going = rsvp is not None and rsvp.status == "going"
    if message.contact.user_id != user.id or not going:
        await send(update, render.Reply(
            t.gettext("Nomor hanya disimpan untuk peserta city tour, dan hanya nomor Anda "
                      "sendiri lewat tombol «Kirim nomor saya»."),
            request=ReplyKeyboardRemove()))
        return
    await context.repo.set_phone(user.id, message.contact.phone_number[:32])
    await send(update, render.Reply(
        t.gettext("✅ Nomor tersimpan untuk pemimpin bus Anda. Dihapus setelah tour selesai."),
        request=ReplyKeyboardRemove()))


# -- seats ---------------------------------------------------------------------------------
async def seat_everyone(context: BotContext) -> dict[int, str]:
    """Put every tour participant without a bus on one, regions kept together; returns the
    new seats. Runs on each tour RSVP (a delegate learns their bus at once) and from the
    organizers' "Bagi bus otomatis"; seats placed by hand are kept."""
    found = _tour(context)
    if found is None:
        return {}
    tour, session = found
    members = await context.repo.tour_members(session.id)
    going = {r.user_id for r in await context.repo.session_rsvps(session.id)
             if r.status == "going"}
    pool = [(m.user_id, m.region) for m in members if m.user_id in going]
    # Seats of those who cancelled are free again (their row may still be there).
    current = {m.user_id: m.bus_id for m in members if m.bus_id and m.user_id in going}
    new = auto_assign(pool, tour.buses, current)
    await context.repo.assign_buses(new.items())
    return new


async def release_seat(context: BotContext, user_id: int) -> None:
    """A delegate left the tour: their bus seat goes back to the pool."""
    if _tour(context) is not None:
        await context.repo.unassign_bus(user_id)


async def my_bus_name(context: BotContext, user_id: int) -> str | None:
    tour = context.event.tour
    bus = tour.bus(await context.repo.bus_of(user_id) or "") if tour is not None else None
    return bus.name if bus is not None else None


# -- organizers and bus leaders ------------------------------------------------------------
async def _allowed_bus(update: Update, context: BotContext, bus_id: str | None) -> bool:
    """Organizers see every bus; a bus leader only their own. Refuse anyone else."""
    user = update.effective_user
    if user is None:
        return False
    if await is_organizer(context, user.id):
        return True
    led = await context.repo.led_bus(user.id)
    if led is not None and bus_id is not None and led == bus_id:
        return True
    await refuse(update, context)
    return False


async def buses(update: Update, context: BotContext) -> None:
    """/bus: all buses (organizers), one's own roll call (bus leaders), or subcommands."""
    found, user = _tour(context), update.effective_user
    if found is None or user is None:
        await no_tour(update, context)
        return
    tour, session = found
    args = context.args or []
    organizer = await is_organizer(context, user.id)
    if not organizer:
        led = await context.repo.led_bus(user.id)
        bus = tour.bus(led or "")
        if bus is None:
            await refuse(update, context)
            return
        await _roll_call(update, context, tour, session, bus)
        return
    if len(args) == 3 and args[0] in ("pindah", "move"):
        await _place(update, context, tour, args[1], args[2], leader=False)
        return
    if len(args) == 3 and args[0] in ("pemimpin", "leader"):
        await _place(update, context, tour, args[2], args[1], leader=True)
        return
    if args:
        await send(update, render.Reply(context.t.gettext(
            "Perintah: /bus, /bus pindah &lt;user-id&gt; &lt;bus-id&gt;, "
            "/bus pemimpin &lt;bus-id&gt; &lt;user-id&gt;")))
        return
    members = await context.repo.tour_members(session.id)
    await show(update, render_tour.buses_view(tour, members, context.t))


async def _known_user(context: BotContext, who: str) -> int | None:
    """The user id an organizer typed, if that user has written to the bot (the bus tables
    refer to users: an id the bot never saw is a typo)."""
    user_id = cb.number(who)
    if user_id is None or await context.repo.get_user(user_id) is None:
        return None
    return user_id


async def _place(update: Update, context: BotContext, tour: Tour, who: str, bus_id: str,
                 *, leader: bool) -> None:
    """`/bus pindah` (seat `who` on the bus) or `/bus pemimpin` (make `who` its leader)."""
    t = context.t
    user_id = await _known_user(context, who)
    user = update.effective_user
    if user_id is None or tour.bus(bus_id) is None or user is None:
        await send(update, render.Reply(t.gettext("User id atau bus tidak dikenal.")))
        return
    if leader:
        await context.repo.set_bus_leader(user_id, bus_id, user.id)
        action, done = "tour.leader", t.gettext(
            "✅ {who} sekarang pemimpin {bus} dan bisa melihat absennya dengan /bus.")
    else:
        await context.repo.assign_bus(user_id, bus_id, user.id)
        action, done = "tour.move", t.gettext("✅ {who} dipindah ke {bus}.")
    await context.repo.audit(user.id, action, {"user": user_id, "bus": bus_id})
    await send(update, render.Reply(done.format(who=who, bus=bus_id)))


async def _roll_call(update: Update, context: BotContext, tour: Tour, session: Session,
                     bus: Bus) -> None:
    if not is_private(update):
        # Phone numbers of the missing are in the roll call: never in a group.
        await send(update, render.Reply(context.t.gettext(
            "Absen bus berisi nomor telepon: buka lewat chat pribadi dengan bot.")))
        return
    members = await context.repo.tour_members(session.id)
    await show(update, render_tour.roll_call(bus, members, context.t, context.now()))


async def roll_button(update: Update, context: BotContext) -> None:
    """"Absen Bus N": that bus's roll call."""
    found = _tour(context)
    bus_id = callback_arg(update)
    bus = found[0].bus(bus_id) if found else None
    if found is None or bus is None:
        await stale_button(update, context)
        return
    if not await _allowed_bus(update, context, bus.id):
        return
    await _roll_call(update, context, found[0], found[1], bus)


async def assign_button(update: Update, context: BotContext) -> None:
    """"Bagi bus otomatis": seat everyone unassigned, regions together."""
    found, user = _tour(context), update.effective_user
    if found is None or user is None:
        await stale_button(update, context)
        return
    if not await is_organizer(context, user.id):
        await refuse(update, context)
        return
    tour, session = found
    new = await seat_everyone(context)
    await context.repo.audit(user.id, "tour.auto_assign", {"assigned": len(new)})
    if update.callback_query is not None:
        await answer(update.callback_query,
            context.t.gettext("{n} peserta dibagi ke bus.").format(n=len(new)))
    await show(update, render_tour.buses_view(
        tour, await context.repo.tour_members(session.id), context.t))


async def say_button(update: Update, context: BotContext) -> None:
    """One-tap messages: to the missing of a bus, or to a whole bus (or all buses)."""
    found, user, query = _tour(context), update.effective_user, update.callback_query
    arg = callback_arg(update)
    target, _sep, kind = arg.partition(":")
    if found is None or user is None or query is None or kind not in ("wait", "5", "go", "back"):
        await stale_button(update, context)
        return
    tour, session = found
    if target != "*" and tour.bus(target) is None:
        await stale_button(update, context)
        return
    if target == "*" and not await is_organizer(context, user.id):
        await refuse(update, context)
        return
    if target != "*" and not await _allowed_bus(update, context, target):
        return
    members = await context.repo.tour_members(session.id)
    chosen = [m for m in members if m.bus_id and (target == "*" or m.bus_id == target)]
    if kind in ("wait", "5"):
        chosen = [m for m in chosen if not m.checked_in_at]
    now = context.now()
    await context.repo.save_deliveries(
        [
            PlannedDelivery(m.user_id, "bus_msg", f"{m.bus_id}:{kind}@{now.isoformat()}", now,
                            session.end, {"bus": m.bus_id, "kind": kind})
            for m in chosen
        ],
        replace=False,
    )
    await context.repo.audit(user.id, "tour.say", {"bus": target, "kind": kind,
                                                   "recipients": len(chosen)})
    await answer(query, context.t.gettext("Dikirim ke {n} orang.").format(n=len(chosen)))
    await scheduler.tick(context.app)


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(commands.names(commands.TOUR), plan),
    CommandHandler(commands.names(commands.BUS), buses),
    CallbackQueryHandler(plan, pattern=f"^{cb.TOUR}$"),
    CallbackQueryHandler(check_in, pattern=f"^{cb.TOUR_CHECKIN}$"),
    CallbackQueryHandler(ask_location, pattern=f"^{cb.TOUR_LOCATION}$"),
    CallbackQueryHandler(roll_button, pattern=f"^{cb.TOUR_ROLL}:"),
    CallbackQueryHandler(assign_button, pattern=f"^{cb.TOUR_ASSIGN}$"),
    CallbackQueryHandler(say_button, pattern=f"^{cb.TOUR_SAY}:"),
    CallbackQueryHandler(ask_phone, pattern=f"^{cb.TOUR_PHONE}$"),
    MessageHandler(filters.LOCATION, got_location),
    MessageHandler(filters.CONTACT & filters.ChatType.PRIVATE, got_contact),
]
