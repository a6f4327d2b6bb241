"""The papers the bot draws: the delegate card (Pillow + segno), the session QR, the printable
daftar hadir and the certificate (fpdf2).

Imported only when one is made (bot/render_attendance.py, bot/render_certificate.py call in
here), so Pillow, segno and fpdf2 stay out of the bot's start-up time and memory.
"""

from __future__ import annotations

import io

import segno
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from bot.features.attendance import Sheet
from bot.features.certificates import display_code
from bot.i18n import Translator
from bot.model import Event
from bot.render import event_dates
from bot.render_attendance import pdf_text
from bot.storage.attendance import Attendee, CertificateRow


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


def certificate_pdf(event: Event, row: CertificateRow, bot_username: str, t: Translator) -> bytes:
    """A4 landscape: title, name, instansi, statement, the event, host, signatories, code."""
    rules = event.certificate
    assert rules is not None
    lang = t.lang
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_title(pdf_text(rules.title.get(lang)))
    pdf.add_page()
    pdf.set_draw_color(19, 78, 140)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.3)
    pdf.rect(13, 13, 271, 184)

    def line(text: str, size: float, style: str = "", height: float = 9) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(20)
        pdf.multi_cell(257, height, pdf_text(text), align="C", new_x="LMARGIN", new_y="NEXT")

    pdf.set_y(26)
    line(rules.title.get(lang).upper(), 30, "B", 14)
    line(t.gettext("Nomor verifikasi: {code}").format(code=display_code(row.code)), 10)
    pdf.ln(6)
    line(t.gettext("diberikan kepada"), 13)
    line(row.name, 26, "B", 13)
    line(row.instansi, 14)
    pdf.ln(4)
    line(rules.statement.get(lang), 13)
    line(event.name.get(lang), 16, "B")
    if event.theme:
        line(f'"{event.theme.get(lang)}"', 12, "I", 7)
    line(f"{event_dates(event, t)}, {event.city}", 12, "", 7)
    line(t.gettext("Tuan rumah: {host}").format(host=event.host), 12, "", 7)

    count = len(rules.signatories)
    width = 257 / count
    for i, signatory in enumerate(rules.signatories):
        x = 20 + i * width
        pdf.set_xy(x, 150)
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(width, 6, pdf_text(signatory.position.get(lang)), align="C")
        pdf.set_xy(x, 177)
        pdf.set_font("Helvetica", "BU", 11)
        pdf.multi_cell(width, 6, pdf_text(signatory.name), align="C")
    pdf.set_xy(20, 188)
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(257, 5, pdf_text(t.gettext(
        "Periksa keaslian: kirim /cek {code} ke @{bot} di Telegram").format(
            code=display_code(row.code), bot=bot_username)), align="C")
    return bytes(pdf.output())
