"""City tour screens: the overview, the delegate's bus, tour messages, roll calls."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape

from telegram import InlineKeyboardButton, KeyboardButton, ReplyKeyboardMarkup

from bot import callbacks as cb
from bot import commands
from bot.i18n import Translator
from bot.model import Bus, Event, Session, Tour
from bot.render import Reply, button, clip_html_lines, keyboard, list_items
from bot.states import RsvpStatus
from bot.storage.delegates import Rsvp
from bot.storage.tour import TourMember


def _bus_line(bus: Bus | None, t: Translator) -> str:
    _ = t.gettext
    if bus is None:
        return _("🚌 Bus Anda: belum dibagi (panitia membagi bus sebelum hari-H).")
    return _("🚌 Bus Anda: <b>{bus}</b> — pemimpin: {leader}, {phone}").format(
        bus=escape(bus.name), leader=escape(bus.leader), phone=escape(bus.leader_phone))


def tour_view(
    event: Event,
    tour: Tour,
    session: Session,
    t: Translator,
    now: datetime,
    rsvp: Rsvp | None,
    position: int,
    bus: Bus | None,
    checked_in: bool,
    can_check_in: bool,
    private: bool = True,
    phone_shared: bool = True,
    route: bool = True,
) -> Reply:
    # Long, but one screen read top to bottom (plan, then the delegate's own status and
    # buttons); split into pieces, the order of what a delegate sees would be scattered.
    _ = t.gettext
    meeting = event.venue(tour.meeting_venue_id)
    back = event.venue(tour.return_venue_id)
    lines = [
        f"🚌 <b>{escape(session.title.get(t.lang))}</b>",
        escape(t.day(session.start.date())),
        "",
        _("🚩 Kumpul pukul <b>{time}</b> di {place}").format(
            time=t.time(session.arrive_by), place=escape(meeting.name if meeting else "")),
        _("🕗 Bus berangkat {time}, kembali sekitar {end}").format(
            time=t.time(session.start), end=t.time(session.end)),
    ]
    if tour.stops and route:
        # Left out under an answer to one detail (where to gather): the stops do not say it.
        lines += ["", _("<b>Rute:</b>")]
        for stop in tour.stops:
            line = f"• {escape(t.time(stop.time))} {escape(stop.name.get(t.lang))}"
            if stop.notes:
                line += f" — {escape(stop.notes.get(t.lang))}"
            lines.append(line)
    if back:
        lines.append(_("🏁 Kembali ke {place}").format(place=escape(back.name)))
    if tour.bring:
        lines += ["", _("<b>Bawa:</b> {items}").format(
            items=escape(list_items((item.get(t.lang) for item in tour.bring), t)))]
    lines.append("")
    rows: list[list[InlineKeyboardButton]] = []
    if rsvp is None:
        lines.append(_("Anda belum terdaftar ikut city tour."))
        if tour.buses:
            # "Which bus am I on?": none yet, and how one gets one (no bus is guessed).
            lines.append(_("🚌 Bus dibagi setelah Anda ikut (perlu terdaftar: {register}).").format(
                register="/" + commands.shown_name(commands.REGISTER, t.lang)))
        rows.append([button(_("✅ Ikut city tour"), cb.RSVP, session.id)])
    elif rsvp.status == RsvpStatus.WAITING:
        lines.append(_("⏳ Kursi bus penuh: Anda di daftar tunggu, urutan ke-{n}.").format(
            n=position))
        rows.append([button(_("❌ Keluar dari daftar tunggu"), cb.RSVP_CANCEL, session.id)])
    else:
        lines.append(_("✅ Anda ikut city tour."))
        if private:
            # The bus line carries the bus leader's phone number: never in a group.
            lines.append(_bus_line(bus, t))
        if checked_in:
            lines.append(_("🙋 Anda sudah tercatat hadir di titik kumpul."))
        elif can_check_in:
            rows.append([button(_("🙋 Saya sudah di titik kumpul"), cb.TOUR_CHECKIN)])
            rows.append([button(_("📡 Konfirmasi dengan lokasi"), cb.TOUR_LOCATION)])
        if private and not phone_shared and not checked_in:
            rows.append([button(_("📱 Nomor HP untuk pemimpin bus"), cb.TOUR_PHONE)])
        rows.append([button(_("❌ Tidak jadi ikut"), cb.RSVP_CANCEL, session.id)])
    if meeting:
        rows.insert(0, [button(_("📍 Titik kumpul"), cb.PIN, meeting.id),
                        button(_("ℹ️ Detail sesi"), cb.SESSION, session.id)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def location_request(t: Translator, radius_m: int) -> Reply:
    """Ask for the location with Telegram's own button (inline buttons cannot do that)."""
    _ = t.gettext
    text = _("📡 Tekan tombol di bawah untuk mengirim lokasi Anda sekali. Saya hanya menghitung "
             "jaraknya ke titik kumpul (hadir jika dalam {radius} m); lokasinya tidak disimpan, "
             "dan jaraknya dihapus setelah tour selesai.").format(radius=radius_m)
    markup = ReplyKeyboardMarkup(
        [[KeyboardButton(_("📍 Kirim lokasi saya"), request_location=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    return Reply(text, request=markup)


def phone_request(t: Translator) -> Reply:
    """Telegram's "share my contact" button: the number comes from Telegram, not typed."""
    _ = t.gettext
    text = _("📱 Boleh kami simpan nomor HP Anda untuk city tour? Hanya panitia dan pemimpin "
             "bus Anda yang melihatnya, untuk menelepon jika Anda belum tiba saat bus akan "
             "berangkat. Nomor dihapus setelah tour selesai. Tekan tombol di bawah untuk "
             "mengirimnya, atau abaikan pesan ini.")
    markup = ReplyKeyboardMarkup(
        [[KeyboardButton(_("📱 Kirim nomor saya"), request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    return Reply(text, request=markup)


def checkin_result(t: Translator, present: bool, distance: float, radius_m: int) -> str:
    _ = t.gettext
    if present:
        return _("✅ Tercatat hadir di titik kumpul (sekitar {d} m). Lokasi Anda tidak disimpan.")\
            .format(d=round(distance))
    far = (_("{km} km").format(km=f"{distance / 1000:.1f}".replace(".", ","))
           if distance >= 1000 else _("{m} m").format(m=round(distance)))
    return _("📍 Anda sekitar {far} dari titik kumpul — belum dihitung hadir (batas {radius} m). "
             "Coba lagi setelah sampai, atau tekan “Saya sudah di titik kumpul”.").format(
        far=far, radius=radius_m)


def evening_before(event: Event, tour: Tour, session: Session, bus: Bus | None,
                   t: Translator) -> Reply:
    _ = t.gettext
    meeting = event.venue(tour.meeting_venue_id)
    lines = [
        _("🌙 <b>Besok city tour!</b> {title}").format(title=escape(session.title.get(t.lang))),
        _("🚩 Kumpul pukul <b>{time}</b> di {place}").format(
            time=t.time(session.arrive_by), place=escape(meeting.name if meeting else "")),
        _bus_line(bus, t),
    ]
    if tour.bring:
        lines.append(_("<b>Bawa:</b> {items}").format(
            items=escape(list_items((item.get(t.lang) for item in tour.bring), t))))
    rows = [[button(_("📍 Titik kumpul"), cb.PIN, tour.meeting_venue_id),
             button(_("🚌 City tour"), cb.TOUR)]]
    return Reply("\n".join(lines), keyboard(rows))


def gather_soon(event: Event, tour: Tour, session: Session, bus: Bus | None, t: Translator,
                now: datetime, checked_in: bool = False) -> Reply:
    _ = t.gettext
    meeting = event.venue(tour.meeting_venue_id)
    lines = [
        _("⏰ <b>City tour:</b> kumpul {delta} lagi (pukul {time}) di {place}.").format(
            delta=escape(t.duration(session.arrive_by - now)), time=t.time(session.arrive_by),
            place=escape(meeting.name if meeting else "")),
        _bus_line(bus, t),
    ]
    rows = [[button(_("📍 Titik kumpul"), cb.PIN, tour.meeting_venue_id)]]
    if checked_in:
        lines.append(_("🙋 Anda sudah tercatat hadir di titik kumpul."))
    else:
        lines.append(_("Sudah sampai? Tekan “Saya sudah di titik kumpul”."))
        rows.insert(0, [button(_("🙋 Saya sudah di titik kumpul"), cb.TOUR_CHECKIN)])
    return Reply("\n".join(lines), keyboard(rows))


# -- organizers and bus leaders ------------------------------------------------------------
def buses_view(tour: Tour, members: Sequence[TourMember], t: Translator) -> Reply:
    _ = t.gettext
    lines = [_("🚌 <b>Bus city tour</b>"), ""]
    rows = []
    for bus in tour.buses:
        on_bus = [m for m in members if m.bus_id == bus.id]
        present = sum(1 for m in on_bus if m.checked_in_at)
        lines.append(_("<b>{bus}</b>: {n}/{cap} orang, {present} hadir — {leader}").format(
            bus=escape(bus.name), n=len(on_bus), cap=bus.capacity, present=present,
            leader=escape(bus.leader)))
        rows.append([button(_("📋 Absen {bus}").format(bus=bus.name), cb.TOUR_ROLL, bus.id)])
    unassigned = [m for m in members if m.bus_id is None]
    lines.append("")
    lines.append(_("Belum dapat bus: {n}").format(n=len(unassigned)))
    rows.append([button(_("🔀 Bagi bus otomatis (per daerah)"), cb.TOUR_ASSIGN)])
    rows.append([button(_("📣 Semua bus: berangkat"), cb.TOUR_SAY, "*:go"),
                 button(_("📣 Semua bus: kembali"), cb.TOUR_SAY, "*:back")])
    lines.append(_("Atur manual: <code>/bus pindah &lt;user-id&gt; &lt;bus-id&gt;</code>; "
                   "pemimpin bus: <code>/bus pemimpin &lt;bus-id&gt; &lt;user-id&gt;</code>."))
    return Reply("\n".join(lines), keyboard(rows))


def _short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def roll_call(bus: Bus, members: Sequence[TourMember], t: Translator, now: datetime,
              can_mark: bool = False) -> Reply:
    """The bus's roll call; with `can_mark` (check-in is open) one button per person, so a
    leader can count a delegate without a smartphone present, or undo a wrong tap."""
    _ = t.gettext
    on_bus = [m for m in members if m.bus_id == bus.id]
    present = [m for m in on_bus if m.checked_in_at]
    missing = [m for m in on_bus if not m.checked_in_at]
    strays = [m for m in members if m.checked_in_at and m.bus_id is None]
    lines = [_("📋 <b>Absen {bus}</b> — {present}/{total} hadir").format(
        bus=escape(bus.name), present=len(present), total=len(on_bus)), ""]
    if present:
        lines.append(_("<b>Hadir:</b>"))
        for m in present:
            how = "📡" if m.method == "location" else "🙋"
            at = datetime.fromisoformat(m.checked_in_at or "").astimezone(now.tzinfo or UTC)
            lines.append(f"✅ {escape(m.name)} · {escape(m.region or '')} · {how} {t.time(at)}")
    if missing:
        lines += ["", _("<b>Belum hadir:</b>")]
        for m in missing:
            reach = m.phone or (f"@{m.username}" if m.username else _("tanpa nomor"))
            lines.append(f"❌ {escape(m.name)} · {escape(m.region or '')} · {escape(reach)}")
    if strays:
        lines += ["", _("<b>Hadir tapi belum dapat bus:</b>")]
        lines += [f"❔ {escape(m.name)} · {escape(m.region or '')}" for m in strays]
    marks = []
    if can_mark:
        marks = [button("🙋 " + _short(m.name), cb.TOUR_MARK, f"{bus.id}:{m.user_id}")
                 for m in missing]
        marks += [button("↩️ " + _short(m.name), cb.TOUR_UNMARK, f"{bus.id}:{m.user_id}")
                  for m in present]
    if marks:
        lines += ["", _("Tekan 🙋 nama untuk mencatat hadir peserta tanpa ponsel; ↩️ membatalkan.")]
    rows = [marks[i:i + 2] for i in range(0, len(marks), 2)]
    rows += [
        [button(_("📣 Yang belum hadir: bus menunggu"), cb.TOUR_SAY, f"{bus.id}:wait")],
        [button(_("📣 Yang belum hadir: berangkat 5 menit lagi"), cb.TOUR_SAY, f"{bus.id}:5")],
        [button(_("🚌 Bus berangkat"), cb.TOUR_SAY, f"{bus.id}:go"),
         button(_("🏁 Kembali ke titik kumpul"), cb.TOUR_SAY, f"{bus.id}:back")],
        [button(_("🔄 Perbarui"), cb.TOUR_ROLL, bus.id)],
    ]
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def bus_message(kind: str, bus: Bus, place: str, t: Translator) -> str:
    """What a one-tap message from the roll call says."""
    _ = t.gettext
    texts = {
        "wait": _("🚌 <b>{bus}</b> menunggu Anda di {place}. Mohon segera ke titik kumpul."),
        "5": _("⏰ <b>{bus}</b> berangkat 5 menit lagi dari {place}. Mohon segera bergabung."),
        "go": _("🚌 <b>{bus}</b> berangkat sekarang. Selamat menikmati city tour!"),
        "back": _("🏁 <b>{bus}</b> kembali ke {place}."),
    }
    return texts[kind].format(bus=escape(bus.name), place=escape(place))
