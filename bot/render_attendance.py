"""Rendering of attendance: replies, the card image, the QR for the screen, CSV and PDF.

Images come from segno (the QR) and Pillow (the card's text); the printable daftar hadir from
fpdf2. Pure functions of results and a translator, testable without Telegram.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from html import escape

import segno
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

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
from bot.i18n import Translator
from bot.model import Event, Session
from bot.render import Reply, button, keyboard
from bot.render_organizer import csv_bytes
from bot.storage.attendance import Attendee

#: The delegate card's file name (the offline terminal spots it to print the QR's link).
CARD_FILENAME = "kartu-peserta.png"


def deep_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{bot_username}?start={payload}"


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


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
          width: int, max_lines: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1] + "…"]
    return lines


def card_png(event: Event, attendee: Attendee, role: str, link: str, t: Translator) -> bytes:
    """A portrait card (600x900 px): event, name, instansi, role, and the QR of `link`."""
    width, height, margin = 600, 900, 40
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 110), fill=(19, 78, 140))
    y = 20
    for line in _wrap(draw, event.name.get(t.lang), _font(24), width - 2 * margin, 3):
        draw.text((margin, y), line, font=_font(24), fill="white")
        y += 30
    y = 140
    for line in _wrap(draw, attendee.name, _font(40), width - 2 * margin, 2):
        draw.text((margin, y), line, font=_font(40), fill="black")
        y += 50
    for line in _wrap(draw, attendee.instansi, _font(28), width - 2 * margin, 2):
        draw.text((margin, y), line, font=_font(28), fill=(60, 60, 60))
        y += 36
    draw.text((margin, y + 6), role.upper(), font=_font(28), fill=(19, 78, 140))
    qr = segno.make(link, error="m")
    room = min(width - 2 * margin, height - y - 120)
    # A whole number of pixels per module: scaled QR codes with uneven modules scan badly.
    scale = max(1, room // qr.symbol_size(border=2)[0])
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=2)
    code = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    image.paste(code, ((width - code.width) // 2, y + 60))
    draw.text((margin, height - 50), t.gettext("Tunjukkan di meja registrasi"), font=_font(22),
              fill=(90, 90, 90))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def qr_png(link: str) -> bytes:
    """The session check-in QR, large enough to scan from the back of a hall."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=16, border=3)
    return buffer.getvalue()


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
        return Reply(_("Maaf, perintah ini hanya untuk panitia."))
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
    if result.result == "ok" and result.role is not None:
        return Reply(_("✅ Anda sekarang {role}. Pindai kartu peserta dengan kamera ponsel untuk "
                       "mencatat kehadiran; /absen menampilkan kode hadir sesi.").format(
                           role=escape(staff_name(result.role, t))))
    texts = {
        "already": _("Anda sudah panitia; undangan ini tidak diperlukan."),
        "used": _("Undangan ini sudah dipakai."),
        "expired": _("Undangan ini sudah kedaluwarsa. Minta undangan baru kepada panitia."),
    }
    return Reply(texts.get(result.result, _("Undangan ini tidak dikenal.")))


def staff_list(listing: StaffList, t: Translator) -> Reply:
    _ = t.gettext
    if not listing.allowed:
        return Reply(_("Maaf, perintah ini hanya untuk panitia."))
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
        return Reply(_("Maaf, perintah ini hanya untuk panitia."))
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


class _SheetPdf(FPDF):
    """A4 portrait; every page repeats the event, the sheet's title and 'Halaman x/y'."""

    COLUMNS = (("No", 10), ("Nama", 48), ("Instansi", 44), ("Jabatan/peran", 30),
               ("Waktu hadir", 20), ("Tanda tangan", 38))

    def __init__(self, heading: list[str], labels: list[str], page_label: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.heading = heading
        self.labels = labels
        self.page_label = page_label
        self.set_margins(10, 10, 10)
        self.set_auto_page_break(auto=True, margin=18)

    def header(self) -> None:
        self.set_font("Helvetica", "B", 12)
        self.cell(0, 6, pdf_text(self.heading[0]), new_x="LMARGIN", new_y="NEXT", align="C")
        self.set_font("Helvetica", "", 9)
        for line in self.heading[1:]:
            self.cell(0, 5, pdf_text(line), new_x="LMARGIN", new_y="NEXT", align="C")
        self.ln(2)
        self.set_font("Helvetica", "B", 9)
        for label, (_name, width) in zip(self.labels, self.COLUMNS, strict=True):
            self.cell(width, 7, pdf_text(label), border=1, align="C")
        self.ln(7)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, pdf_text(self.page_label.format(page=self.page_no(), pages="{nb}")),
                  align="R")

    def fit(self, text: str, width: float) -> str:
        text = pdf_text(text)
        if self.get_string_width(text) <= width - 2:
            return text
        while text and self.get_string_width(text + "...") > width - 2:
            text = text[:-1]
        return text + "..."


def sheet_pdf(event: Event, sheet: Sheet, roles: dict[str, str], t: Translator) -> bytes:
    """The printable daftar hadir of one session: grouped per instansi, signatures on paper."""
    _ = t.gettext
    venue = event.venue(sheet.session.venue_id if sheet.session else event.main_venue_id)
    if sheet.session is not None:
        start = event.local(sheet.session.start)
        when = f"{t.day(start.date())}, {t.time_range(start, event.local(sheet.session.end))}"
        title = _("Daftar hadir: {title}").format(title=sheet.session.title.get(t.lang))
    else:
        when = sheet.key
        title = _("Daftar hadir harian")
    heading = [event.name.get(t.lang), title, f"{when} - {venue.name if venue else event.city}"]
    labels = [_("No"), _("Nama"), _("Instansi"), _("Jabatan/peran"), _("Waktu hadir"),
              _("Tanda tangan")]
    pdf = _SheetPdf(heading, labels, _("Halaman {page}/{pages}"))
    pdf.set_title(pdf_text(title))
    pdf.add_page()
    number = 0
    for instansi, lines in sheet.groups():
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(0, 7, pdf.fit(f"{instansi} ({len(lines)})", 190), border=1,
                 new_x="LMARGIN", new_y="NEXT", fill=False)
        pdf.set_font("Helvetica", "", 9)
        for line in lines:
            number += 1
            cells = (str(number), line.attendee.name, line.attendee.instansi,
                     roles.get(line.attendee.role, line.attendee.role), t.time(line.at), "")
            for text, (_name, width) in zip(cells, _SheetPdf.COLUMNS, strict=True):
                pdf.cell(width, 9, pdf.fit(text, width), border=1)
            pdf.ln(9)
    if number == 0:
        pdf.set_font("Helvetica", "I", 9)
        pdf.cell(0, 8, pdf_text(_("Belum ada yang tercatat hadir.")), new_x="LMARGIN",
                 new_y="NEXT")
    return bytes(pdf.output())


def export_caption(t: Translator) -> tuple[str, str, str]:
    _ = t.gettext
    return (_("Daftar hadir per sesi (CSV)"), _("Daftar hadir harian di meja registrasi (CSV)"),
            _("Daftar hadir “{title}” (PDF, untuk ditandatangani)"))
