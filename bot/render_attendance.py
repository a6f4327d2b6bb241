"""Rendering of attendance: replies, the card image, the QR for the screen, CSV and PDF.

The images and PDFs are drawn in bot/papers.py (segno, Pillow, fpdf2), imported only when one
is made: those libraries would otherwise weigh on every start-up. Pure functions of results
and a translator, testable without Telegram.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from html import escape

from bot import callbacks as cb
from bot.features.attendance import (
    CheckinResult,
    CheckinStatus,
    DeskResult,
    DeskStatus,
    Report,
    Screen,
    ScreenStatus,
    Sheet,
    Staff,
    StaffInvite,
    StaffInviteStatus,
    StaffList,
    StaffRedeemed,
)
from bot.features.organizers import Redeemed
from bot.i18n import Translator
from bot.model import Event, Session
from bot.render import Reply, button, keyboard
from bot.render_organizer import csv_bytes, refused
from bot.storage.attendance import Attendee

#: The delegate card's file name (the offline terminal spots it to print the QR's link).
CARD_FILENAME = "kartu-peserta.png"


def staff_name(role: Staff, t: Translator) -> str:
    _ = t.gettext
    names = {Staff.ORGANIZER: _("panitia"), Staff.PETUGAS: _("petugas registrasi"),
             Staff.MODERATOR: _("moderator")}
    return names[role]


def _session_title(session: Session, t: Translator) -> str:
    return escape(session.title.get(t.lang))


# -- the card --------------------------------------------------------------------------------
def not_registered(t: Translator) -> Reply:
    _ = t.gettext
    return Reply(_("Anda belum terdaftar. Daftar dulu dengan /daftar, lalu coba lagi."))


def card_caption(attendee: Attendee, role: str, t: Translator) -> str:
    _ = t.gettext
    return "\n".join([
        _("🪪 <b>Kartu peserta</b>"),
        f"{escape(attendee.name)} — {escape(attendee.instansi)} ({escape(role)})",
        "",
        _("Tunjukkan kode QR ini kepada petugas di meja registrasi setiap hari acara. "
          "Jangan bagikan kartu ini kepada orang lain."),
    ])


def card_png(event: Event, attendee: Attendee, role: str, link: str, t: Translator) -> bytes:
    """A portrait card (600x900 px): event, name, instansi, role, and the QR of `link`."""
    from bot import papers  # Pillow and segno load when a card is drawn, not at start-up

    return papers.card_png(event, attendee, role, link, t)


def qr_png(link: str) -> bytes:
    """The session check-in QR, large enough to scan from the back of a hall."""
    from bot import papers

    return papers.qr_png(link)


# -- desk check-in -----------------------------------------------------------------------------
def desk_result(result: DeskResult, roles: dict[str, str], t: Translator) -> Reply:
    _ = t.gettext
    if result.status is DeskStatus.FORBIDDEN:
        # Tell nothing about the card: not whose it is, not even whether it is genuine.
        return Reply(_("Tautan ini untuk petugas registrasi. Ketik /bantuan untuk melihat "
                       "apa yang bisa saya bantu."))
    if result.status is DeskStatus.INVALID:
        return Reply(_("❌ Kartu ini tidak dikenal: QR rusak, palsu, atau pemiliknya sudah "
                       "menghapus datanya. Minta peserta membuka /kartu lagi."))
    attendee = result.attendee
    assert attendee is not None
    who = "\n".join([
        f"<b>{escape(attendee.name)}</b>",
        escape(attendee.instansi),
        escape(roles.get(attendee.role, attendee.role)),
    ])
    if result.status is DeskStatus.NOT_EVENT_DAY:
        return Reply(_("⚠️ Hari ini bukan hari acara; kehadiran tidak dicatat.") + "\n\n" + who)
    when = t.time(result.at) if result.at else ""
    if result.status is DeskStatus.ALREADY:
        head = _("ℹ️ Sudah tercatat hadir hari ke-{n} pukul {time}.").format(
            n=result.day_number, time=when)
    else:
        head = _("✅ Hadir hari ke-{n} tercatat pukul {time}.").format(
            n=result.day_number, time=when)
    return Reply(head + "\n\n" + who)


# -- the code on the screen --------------------------------------------------------------------
def _session_buttons(sessions: Sequence[Session], t: Translator) -> Reply:
    rows = [[button(s.title.get(t.lang), cb.ATTEND_CODE, s.id)] for s in sessions]
    return Reply(t.gettext("Beberapa sesi sedang berlangsung. Pilih sesi:"), keyboard(rows))


def screen_refused(screen: Screen, t: Translator) -> Reply:
    _ = t.gettext
    if screen.status is ScreenStatus.FORBIDDEN:
        return Reply(_("Perintah ini hanya untuk panitia, petugas registrasi dan moderator."))
    if screen.status is ScreenStatus.NONE_OPEN:
        return Reply(_("Tidak ada sesi yang sedang berlangsung. Kode hadir hanya bisa dibuat "
                       "selama sesi berjalan."))
    if screen.status is ScreenStatus.CHOOSE:
        return _session_buttons(screen.choices, t)
    if screen.status is ScreenStatus.UNKNOWN_SESSION:
        text = _("Sesi itu tidak ada. Tulis <code>/absen</code> untuk sesi yang sedang "
                 "berlangsung, atau <code>/absen &lt;id sesi&gt;</code>.")
    else:
        assert screen.session is not None
        text = _("Sesi “{title}” tidak sedang berlangsung, jadi belum atau tidak lagi "
                 "menerima absen.").format(title=_session_title(screen.session, t))
    if screen.choices:
        return Reply(text, _session_buttons(screen.choices, t).markup)
    return Reply(text)


def screen_caption(screen: Screen, link: str, t: Translator) -> str:
    _ = t.gettext
    assert screen.session is not None and screen.changes_at and screen.closes_at
    code = f"{screen.code[:3]} {screen.code[3:]}"
    return "\n".join([
        _("📋 <b>Absen sesi</b>: {title}").format(title=_session_title(screen.session, t)),
        "",
        _("Pindai QR ini, atau kirim ke bot: <code>/hadir {code}</code>").format(
            code=escape(code)),
        f"<b>{escape(code)}</b>",
        "",
        _("Kode berganti pukul {time}; absen ditutup pukul {close}.").format(
            time=t.time(screen.changes_at), close=t.time(screen.closes_at)),
        escape(link),
    ])


def screen_markup(screen: Screen, t: Translator) -> Reply:
    assert screen.session is not None
    return Reply("", keyboard([[button(t.gettext("🔄 Kode baru"), cb.ATTEND_CODE,
                                       screen.session.id)]]))


# -- session check-in --------------------------------------------------------------------------
def checkin_result(result: CheckinResult, t: Translator) -> Reply:
    _ = t.gettext
    status = result.status
    if status is CheckinStatus.NOT_REGISTERED:
        return not_registered(t)
    if status is CheckinStatus.WRONG_CODE:
        return Reply(_("❌ Kode itu tidak dikenal. Periksa lagi kode di layar (tiga huruf dan "
                       "tiga angka), lalu kirim <code>/hadir KODE</code>."))
    assert result.session is not None
    title = _session_title(result.session, t)
    if status is CheckinStatus.EXPIRED:
        return Reply(_("⌛ Kode itu sudah kedaluwarsa: kode di layar berganti beberapa menit "
                       "sekali. Kirim kode yang tampil sekarang untuk “{title}”.").format(
                           title=title))
    if status is CheckinStatus.NOT_OPEN:
        return Reply(_("❌ Kode itu untuk sesi “{title}”, yang sudah tidak menerima absen.")
                     .format(title=title))
    when = t.time(result.at) if result.at else ""
    if status is CheckinStatus.ALREADY:
        return Reply(_("ℹ️ Anda sudah tercatat hadir di “{title}” pukul {time}.").format(
            title=title, time=when))
    return Reply(_("✅ Kehadiran Anda di “{title}” tercatat pukul {time}. Terima kasih!").format(
        title=title, time=when))


def checkin_usage(t: Translator) -> Reply:
    return Reply(t.gettext("Kirim kode yang tampil di layar sesi, misalnya "
                           "<code>/hadir KMP472</code>."))


# -- desk staff --------------------------------------------------------------------------------
def staff_invite(invite: StaffInvite, link: str, t: Translator) -> Reply:
    _ = t.gettext
    if invite.status is StaffInviteStatus.FORBIDDEN:
        return Reply(refused(t))
    if invite.status is StaffInviteStatus.BAD_ROLE:
        return Reply(_("Tulis <code>/petugas undang</code> atau "
                       "<code>/petugas undang moderator</code>."))
    assert invite.role is not None and invite.expires is not None
    return Reply("\n".join([
        _("🔑 <b>Undangan {role}</b>").format(role=escape(staff_name(invite.role, t))),
        "",
        _("Kirim tautan ini kepadanya. Berlaku satu kali, sampai {when}.").format(
            when=escape(t.moment(invite.expires))),
        "",
        escape(link),
    ]))


def staff_redeemed(result: StaffRedeemed, t: Translator) -> Reply:
    _ = t.gettext
    if result.result is Redeemed.OK and result.role is not None:
        return Reply(_("✅ Anda sekarang {role}. Pindai kartu peserta dengan kamera ponsel untuk "
                       "mencatat kehadiran; /absen menampilkan kode hadir sesi.").format(
                           role=escape(staff_name(result.role, t))))
    texts = {
        Redeemed.ALREADY: _("Anda sudah panitia; undangan ini tidak diperlukan."),
        Redeemed.USED: _("Undangan ini sudah dipakai."),
        Redeemed.EXPIRED: _("Undangan ini sudah kedaluwarsa. Minta undangan baru kepada panitia."),
    }
    return Reply(texts.get(result.result, _("Undangan ini tidak dikenal.")))


def staff_list(listing: StaffList, t: Translator) -> Reply:
    _ = t.gettext
    if not listing.allowed:
        return Reply(refused(t))
    lines = [_("👥 <b>Petugas dan moderator</b>")]
    lines += [f"• {escape(name or str(uid))} (<code>{uid}</code>) — {escape(staff_name(role, t))}"
              for uid, role, name in listing.members]
    if not listing.members:
        lines.append(_("Belum ada."))
    lines += ["", _("<code>/petugas undang</code> · <code>/petugas undang moderator</code> · "
                    "<code>/petugas cabut &lt;user_id&gt;</code>")]
    return Reply("\n".join(lines))


def staff_revoked(result: bool | None, target: int, t: Translator) -> Reply:
    _ = t.gettext
    if result is None:
        return Reply(refused(t))
    if result:
        return Reply(_("Peran {id} dicabut.").format(id=target))
    return Reply(_("{id} bukan petugas atau moderator.").format(id=target))


# -- daftar hadir: CSV -------------------------------------------------------------------------
def sessions_csv(report: Report, roles: dict[str, str]) -> bytes:
    rows = [
        (sheet.key, sheet.title, i, line.attendee.name, line.attendee.instansi,
         roles.get(line.attendee.role, line.attendee.role), line.at.isoformat())
        for sheet in report.sessions
        for i, line in enumerate(sheet.lines, 1)
    ]
    return csv_bytes(["sesi", "judul", "no", "nama", "instansi", "peran", "waktu_hadir"], rows)


def days_csv(report: Report, roles: dict[str, str]) -> bytes:
    rows = [
        (sheet.key, i, line.attendee.name, line.attendee.instansi,
         roles.get(line.attendee.role, line.attendee.role), line.at.isoformat())
        for sheet in report.days
        for i, line in enumerate(sheet.lines, 1)
    ]
    return csv_bytes(["hari", "no", "nama", "instansi", "peran", "waktu_hadir"], rows)


# -- daftar hadir: PDF -------------------------------------------------------------------------
_PLAIN = {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-"}


def pdf_text(text: str) -> str:
    """Text the PDF's built-in Helvetica can show (Latin-1).

    No TTF font ships with the bot, and the core fonts only cover Latin-1. Indonesian names
    and instansi are Latin script: typographic dashes and quotes get plain equivalents,
    accented letters outside Latin-1 lose their accent, anything else becomes '?'.
    """
    out = []
    for char in text:
        if char in _PLAIN:
            out.append(_PLAIN[char])
            continue
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
            out.append(base or "?")
    return "".join(out)


def sheet_pdf(event: Event, sheet: Sheet, roles: dict[str, str], t: Translator) -> bytes:
    """The printable daftar hadir of one session: grouped per instansi, signatures on paper."""
    from bot import papers  # fpdf2 loads when a sheet is printed, not at start-up

    return papers.sheet_pdf(event, sheet, roles, t)


def export_caption(t: Translator) -> tuple[str, str, str]:
    _ = t.gettext
    return (_("Daftar hadir per sesi (CSV)"), _("Daftar hadir harian di meja registrasi (CSV)"),
            _("Daftar hadir “{title}” (PDF, untuk ditandatangani)"))
