"""Screens of a registered delegate: profile, RSVPs, personal agenda, reminders, notices."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

from telegram import InlineKeyboardButton

from bot import callbacks as cb
from bot.i18n import Translator
from bot.model import Event, Session, SessionKind, Venue
from bot.render import Reply, button, clip_html_lines, keyboard, session_line
from bot.states import RsvpStatus
from bot.storage.delegates import EVENT_RSVP, Preferences, Profile, Rsvp

__all__ = ["Reply"]

def role_name(role: str, t: Translator) -> str:
    _ = t.gettext
    names = {"delegasi": _("Delegasi"), "narasumber": _("Narasumber"),
             "panitia": _("Panitia"), "media": _("Media")}
    return names.get(role, role)


def rsvp_status_line(rsvp: Rsvp | None, position: int, t: Translator) -> str:
    _ = t.gettext
    if rsvp is None:
        return ""
    if rsvp.status == RsvpStatus.GOING:
        return _("✅ Anda terdaftar hadir.")
    return _("⏳ Kursi penuh: Anda di daftar tunggu, urutan ke-{n}.").format(n=position)


def rsvp_buttons(
    session: Session, rsvp: Rsvp | None, t: Translator
) -> list[list[InlineKeyboardButton]]:
    _ = t.gettext
    if rsvp is None:
        row = [button(_("✅ Hadir"), cb.RSVP, session.id)]
    elif rsvp.status == RsvpStatus.GOING:
        row = [button(_("❌ Tidak jadi"), cb.RSVP_CANCEL, session.id)]
    else:
        row = [button(_("❌ Keluar dari daftar tunggu"), cb.RSVP_CANCEL, session.id)]
    row.append(button(_("📅 Tambah ke kalender"), cb.ICS, session.id))
    return [row]


def overlap_question(session: Session, others: Sequence[Session], t: Translator) -> Reply:
    _ = t.gettext
    titles = t.join(f"“{escape(o.title.get(t.lang))}” ({escape(t.time_range(o.start, o.end))})"
                    for o in others)
    text = _("⚠️ <b>{title}</b> bentrok dengan {others} yang sudah Anda pilih. "
             "Tetap tambahkan?").format(title=escape(session.title.get(t.lang)), others=titles)
    return Reply(text, keyboard([[button(_("Ya, tambahkan"), cb.RSVP_FORCE, session.id),
                                  button(_("Batal"), cb.SESSION, session.id)]]))


def cancel_question(session: Session, waiting: int, t: Translator) -> Reply:
    """Before giving up a limited seat: one stray tap must not hand it to someone else."""
    _ = t.gettext
    text = _("Batalkan kehadiran Anda di <b>{title}</b>?").format(
        title=escape(session.title.get(t.lang)))
    if waiting:
        text += "\n" + _("Kursi Anda langsung diberikan ke peserta berikutnya di daftar tunggu "
                         "({n} orang menunggu).").format(n=waiting)
    # "No" goes back where the question came from: the tour has its own screen.
    back = button(_("Tidak"), cb.TOUR) if session.kind is SessionKind.TOUR else button(
        _("Tidak"), cb.SESSION, session.id)
    return Reply(text, keyboard([[button(_("Ya, batalkan"), cb.RSVP_CANCEL_SURE, session.id),
                                  back]]))


def contacts_need_registration(t: Translator) -> Reply:
    _ = t.gettext
    return Reply(
        _("☎️ Panitia membatasi kontak untuk peserta terdaftar. Daftar dulu (nama, instansi, "
          "peran — kurang dari satu menit), lalu buka /kontak lagi."),
        keyboard([[button(_("📝 Daftar sekarang"), cb.REGISTER)]]),
    )


def forget_question(profile: Profile | None, rsvps: int, t: Translator) -> Reply:
    """/hapusdata: what the bot keeps about this person, and a confirmation."""
    _ = t.gettext
    lines = [_("🗑 <b>Hapus data Anda</b>"), "", _("Yang disimpan bot tentang Anda:")]
    if profile is not None:
        lines.append(_("• Profil: {name}, {instansi}").format(
            name=escape(profile.name), instansi=escape(profile.instansi)))
    lines.append(t.ngettext("• {n} RSVP (dengan pengingatnya)", "• {n} RSVP (dengan pengingatnya)",
                            rsvps).format(n=rsvps))
    lines.append(_("• Nama dan bahasa Telegram Anda, pengumuman yang Anda terima, dan data "
                   "city tour (bus, check-in, nomor HP) bila ada"))
    lines.append(_("• Kehadiran (meja registrasi dan sesi), penilaian sesi, evaluasi dan "
                   "sertifikat bila ada; sertifikat Anda lalu terbaca “dicabut”"))
    lines += ["", _("Semua dihapus sekarang juga dan tidak bisa dikembalikan; kursi Anda di "
                    "sesi berkapasitas diberikan ke daftar tunggu. Lanjutkan?")]
    return Reply("\n".join(lines), keyboard([[button(_("🗑 Ya, hapus data saya"), cb.FORGET_SURE),
                                              button(_("✖ Batal"), cb.MENU)]]))


def forgotten_view(t: Translator) -> Reply:
    _ = t.gettext
    return Reply(_("✅ Data Anda sudah dihapus dari bot. Jika Anda menulis lagi, bot hanya "
                   "mencatat nama dan bahasa Telegram Anda untuk menjawab; /daftar untuk "
                   "mendaftar lagi kapan saja."))


def needs_registration(t: Translator) -> Reply:
    _ = t.gettext
    return Reply(
        _("📝 Untuk RSVP dan pengingat, daftar dulu (nama, instansi, peran — kurang dari "
          "satu menit)."),
        keyboard([[button(_("📝 Daftar sekarang"), cb.REGISTER)]]),
    )


def profile_view(profile: Profile, prefs: Preferences, t: Translator) -> Reply:
    _ = t.gettext
    lead = (_("{n} menit sebelum sesi").format(n=prefs.reminder_lead) if prefs.reminder_lead
            else _("mati"))
    lines = [
        _("👤 <b>Profil Anda</b>"),
        "",
        _("Nama: {name}").format(name=escape(profile.name)),
        _("Instansi: {instansi}").format(instansi=escape(profile.instansi)),
        _("Peran: {role}").format(role=escape(role_name(profile.role, t))),
        _("Pengingat: {lead}").format(lead=lead),
        _("Ringkasan pagi: {state}").format(
            state=_("aktif") if prefs.morning_brief else _("mati")
        ),
    ]
    rows = [
        [button(_("✏️ Ubah profil"), cb.REGISTER), button(_("⏰ Pengingat"), cb.PREFS)],
        [button(_("🗓 Agenda saya"), cb.AGENDA), button(_("🏠 Menu"), cb.MENU)],
    ]
    return Reply("\n".join(lines), keyboard(rows))


def agenda_view(event: Event, rsvps: Sequence[Rsvp], t: Translator, now: datetime) -> Reply:
    """The personal agenda by day, with cancel buttons."""
    _ = t.gettext
    attending = {r.session_id: r for r in rsvps}
    sessions = [s for s in event.sessions if s.id in attending]
    lines = [_("🗓 <b>Agenda saya</b>"), ""]
    rows: list[list[InlineKeyboardButton]] = []
    if EVENT_RSVP in attending:
        lines.append(_("✅ Hadir di acara ini."))
        lines.append("")
    if not sessions:
        lines.append(_("Belum ada sesi yang Anda pilih. Buka /jadwal, pilih sesi, lalu "
                       "tekan “✅ Hadir”."))
        rows.append([button(_("📅 Jadwal"), cb.DAYS)])
        return Reply("\n".join(lines), keyboard(rows))
    for day in event.days:
        todays = [s for s in sessions if s.start.date() == day]
        if not todays:
            continue
        lines.append(f"<b>{escape(t.day(day))}</b>")
        for s in todays:
            line = session_line(event, s, t)
            if attending[s.id].status == RsvpStatus.WAITING:
                line += "\n      " + _("⏳ daftar tunggu")
            lines.append(line)
            rows.append([button(_("❌ {time} {title}").format(
                time=t.time(s.start), title=s.title.get(t.lang)), cb.RSVP_CANCEL, s.id)])
        lines.append("")
    rows.append([button(_("📅 Semua ke kalender (.ics)"), cb.ICS, cb.ALL),
                 button(_("⏰ Pengingat"), cb.PREFS)])
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def rsvp_overview(
    event: Event, rsvps: Sequence[Rsvp], positions: dict[str, int], t: Translator
) -> Reply:
    """/rsvp: attendance of the event and of each session, with buttons to change."""
    _ = t.gettext
    attending = {r.session_id: r for r in rsvps}
    lines = [_("📝 <b>Kehadiran Anda</b>"), ""]
    if EVENT_RSVP in attending:
        lines.append(_("Acara: ✅ hadir"))
        rows = [[button(_("❌ Batal hadir di acara"), cb.RSVP_CANCEL, EVENT_RSVP)]]
    else:
        lines.append(_("Acara: Anda belum menyatakan hadir di seminar ini"))
        rows = [[button(_("✅ Saya hadir di acara"), cb.RSVP, EVENT_RSVP)]]
    lines.append("")
    for s in event.sessions:
        rsvp = attending.get(s.id)
        if rsvp is None:
            continue
        mark = "✅" if rsvp.status == RsvpStatus.GOING else _("⏳ tunggu #{n}").format(
            n=positions.get(s.id, 0))
        lines.append(f"{mark} {escape(t.day_short(s.start.date()))} "
                     f"{escape(t.time(s.start))} · {escape(s.title.get(t.lang))}")
    if len(attending) == (1 if EVENT_RSVP in attending else 0):
        lines.append(_("Belum ada sesi. Pilih sesi di /jadwal lalu tekan “✅ Hadir”."))
    rows.append([button(_("🗓 Agenda saya"), cb.AGENDA), button(_("📅 Jadwal"), cb.DAYS)])
    return Reply("\n".join(lines), keyboard(rows))


def prefs_view(
    prefs: Preferences, t: Translator, choices: Sequence[int], brief_at: str
) -> Reply:
    _ = t.gettext
    current = (_("{n} menit sebelum setiap sesi").format(n=prefs.reminder_lead)
               if prefs.reminder_lead else _("mati"))
    lines = [
        _("⏰ <b>Pengingat</b>"),
        "",
        _("Sekarang: {current}.").format(current=current),
        _("Ringkasan pagi (pukul {time}, agenda hari itu): {state}.").format(
            time=brief_at, state=_("aktif") if prefs.morning_brief else _("mati")),
        "",
        _("Pilih berapa menit sebelum sesi saya mengingatkan:"),
    ]
    row = []
    for minutes in choices:
        label = t.ngettext("{n} menit", "{n} menit", minutes).format(n=minutes)
        row.append(button(f"• {label}" if minutes == prefs.reminder_lead else label,
                          cb.PREFS_LEAD, str(minutes)))
    off = _("Mati")
    rows = [row, [button(f"• {off}" if not prefs.reminder_lead else off, cb.PREFS_LEAD, "0")],
            [button(_("☀️ Ringkasan pagi: matikan") if prefs.morning_brief
                    else _("☀️ Ringkasan pagi: aktifkan"), cb.PREFS_BRIEF)]]
    return Reply("\n".join(lines), keyboard(rows))


# -- deliveries ----------------------------------------------------------------------------
def starts_in(session: Session, now: datetime, t: Translator) -> str:
    """What the reminder would have said, for a confirmation inside its lead time."""
    if session.gather:
        return t.gettext("Kumpul {delta} lagi.").format(delta=t.duration(session.gather - now))
    return t.gettext("Mulai {delta} lagi.").format(delta=t.duration(session.start - now))


def reminder(event: Event, session: Session, t: Translator, now: datetime) -> Reply:
    _ = t.gettext
    venue = event.venue(session.venue_id)
    if session.gather:
        headline = _("⏰ <b>Pengingat:</b> kumpul untuk {title} {delta} lagi.").format(
            title=escape(session.title.get(t.lang)),
            delta=escape(t.duration(session.gather - now)))
    else:
        headline = _("⏰ <b>Pengingat:</b> {title} mulai {delta} lagi.").format(
            title=escape(session.title.get(t.lang)),
            delta=escape(t.duration(session.start - now)))
    lines = [
        headline,
        _("🕘 {range}").format(range=escape(t.time_range(session.start, session.end))),
    ]
    if session.gather:
        lines.append(_("🚩 Kumpul pukul {time}").format(time=t.time(session.gather)))
    if venue:
        lines.append(_("📍 {venue} — {address}").format(
            venue=escape(venue.name), address=escape(venue.address)))
    rows = []
    if venue:
        rows.append([button(_("📍 Lokasi"), cb.PIN, venue.id),
                     button(_("ℹ️ Detail"), cb.SESSION, session.id)])
    return Reply("\n".join(lines), keyboard(rows))


def morning_brief(
    event: Event, day: date, mine: Sequence[Session], plenary: Sequence[Session], t: Translator
) -> Reply:
    _ = t.gettext
    lines = [_("☀️ <b>Selamat pagi!</b> {day}").format(day=escape(t.day(day))), ""]
    if mine:
        lines.append(_("<b>Agenda Anda hari ini:</b>"))
        lines += [session_line(event, s, t) for s in mine]
    else:
        lines.append(_("Anda belum memilih sesi untuk hari ini."))
    others = [s for s in plenary if s not in mine]
    if others:
        lines += ["", _("<b>Acara utama hari ini:</b>")]
        lines += [session_line(event, s, t) for s in others]
    rows = [[button(_("📅 Jadwal hari ini"), cb.DAY, day.isoformat()),
             button(_("🗓 Agenda saya"), cb.AGENDA)]]
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def seat_notice(event: Event, session: Session, t: Translator) -> Reply:
    _ = t.gettext
    text = _("🎉 Ada kursi kosong! Anda sekarang terdaftar di <b>{title}</b>, {when}.").format(
        title=escape(session.title.get(t.lang)),
        when=escape(f"{t.day_short(session.start.date())} "
                    f"{t.time_range(session.start, session.end)}"))
    return Reply(text, keyboard([[button(_("ℹ️ Detail"), cb.SESSION, session.id),
                                  button(_("❌ Tidak jadi"), cb.RSVP_CANCEL, session.id)]]))


def change_notice(
    event: Event, session: Session, old_start: datetime | None, old_venue: Venue | None,
    t: Translator
) -> Reply:
    _ = t.gettext
    venue = event.venue(session.venue_id)
    lines = [_("📢 <b>Perubahan jadwal:</b> {title}").format(
        title=escape(session.title.get(t.lang)))]
    if old_start is not None:
        old_local = event.local(old_start)
        if old_local != session.arrive_by:
            lines.append(_("Sebelumnya: {when}").format(when=escape(t.moment(old_local))))
            lines.append(_("Sekarang: {when}").format(when=escape(t.moment(session.arrive_by))))
    if venue is not None and old_venue is not None and old_venue.id != venue.id:
        lines.append(_("Tempat: {old} → <b>{new}</b>").format(
            old=escape(old_venue.name), new=escape(venue.name)))
    lines.append(_("Pengingat Anda sudah disesuaikan."))
    rows = [[button(_("ℹ️ Detail"), cb.SESSION, session.id)]]
    if venue:
        rows[0].append(button(_("📍 Lokasi"), cb.PIN, venue.id))
    return Reply("\n".join(lines), keyboard(rows))


def cancelled_notice(title: str, old_start: datetime | None, t: Translator) -> Reply:
    _ = t.gettext
    text = _("❌ <b>{title}</b> dibatalkan oleh panitia. Pengingatnya sudah dihapus.").format(
        title=escape(title))
    return Reply(text, keyboard([[button(_("📅 Lihat jadwal"), cb.DAYS)]]))
