"""Screens of the organizer tools: roles, announcements, delivery reports, statistics and
the CSV export (programme changes: bot/render_changes.py). Pure functions; all data is
HTML-escaped here (an announcement's own text is already Telegram HTML, built by PTB from
its entities)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime, time, tzinfo
from html import escape
from typing import Any

from babel.numbers import format_decimal

from bot import callbacks as cb
from bot.i18n import Translator
from bot.model import Event
from bot.render import Reply, button, clip_html_lines, keyboard
from bot.states import REGION_PREFIX, SESSION_PREFIX, Audience
from bot.storage.announcements import Announcement, DeliveryReport, Recipient
from bot.storage.organizers import LinkedChat, Organizer

#: Longest announcement text (characters as the reader sees them): Telegram's 4096 minus
#: the header, and room for the preview's summary around it.
MAX_ANNOUNCEMENT = 3500
MAX_CAPTION = 900


def refused(t: Translator) -> str:
    return t.gettext("Maaf, fitur ini hanya untuk panitia.")


def organizer_help(t: Translator) -> str:
    _ = t.gettext
    return "\n".join(
        [
            _("<b>Perintah panitia</b>"),
            _("/umumkan — kirim pengumuman"),
            _("/ubah — pindahkan sesi atau ganti tempatnya"),
            _("/muatulang — muat ulang berkas data jadwal"),
            _("/statistik — pendaftaran, RSVP dan pengiriman"),
            _("/ekspor — unduh CSV pendaftaran dan RSVP"),
            _("/admin — daftar panitia, /admin undang, /admin cabut &lt;id&gt;"),
            _("/hubungkan — (di grup) tautkan grup untuk pengumuman"),
        ]
    )


# -- roles -------------------------------------------------------------------------------------
def organizers_view(
    configured: Sequence[tuple[int, str | None]],
    invited: Sequence[Organizer],
    pending_invites: int,
    linked: Sequence[LinkedChat],
    t: Translator,
) -> Reply:
    _ = t.gettext
    lines = [_("🧑‍💼 <b>Panitia</b>"), ""]
    for user_id, name in configured:
        lines.append(_("• {name} (<code>{id}</code>) — dari konfigurasi").format(
            name=escape(name or "?"), id=user_id))
    for o in invited:
        lines.append(_("• {name} (<code>{id}</code>) — diundang oleh {by}").format(
            name=escape(o.first_name or "?"), id=o.user_id, by=o.added_by))
    if pending_invites:
        lines += ["", t.ngettext("{n} undangan belum dipakai.", "{n} undangan belum dipakai.",
                                 pending_invites).format(n=pending_invites)]
    if linked:
        lines += ["", _("<b>Grup/kanal tertaut:</b>")]
        lines += [f"• {escape(c.title)} (<code>{c.chat_id}</code>)" for c in linked]
    lines += ["", organizer_help(t)]
    return Reply(clip_html_lines(lines, "…"))


def invite_view(link: str, code: str, expires: datetime, t: Translator) -> Reply:
    _ = t.gettext
    text = "\n".join(
        [
            _("🔑 <b>Undangan panitia</b>"),
            "",
            _("Kirim tautan ini ke calon panitia. Berlaku satu kali, sampai {when}.").format(
                when=escape(t.moment(expires))),
            "",
            escape(link),
            "",
            _("Atau minta dia mengirim ke bot: <code>/start {code}</code>").format(
                code=escape(code)),
        ]
    )
    return Reply(text)


def redeemed(result: str, t: Translator) -> Reply:
    _ = t.gettext
    texts = {
        "ok": _("✅ Selamat datang di tim panitia!") + "\n\n" + organizer_help(t),
        "already": _("Anda sudah terdaftar sebagai panitia."),
        "used": _("Kode undangan ini sudah dipakai. Minta undangan baru ke panitia."),
        "expired": _("Kode undangan ini sudah kedaluwarsa. Minta undangan baru ke panitia."),
        "unknown": _("Kode undangan tidak dikenal. Periksa kembali tautannya."),
    }
    return Reply(texts.get(result, texts["unknown"]))


# -- announcements -----------------------------------------------------------------------------
def announcement_message(
    announcement: Announcement, t: Translator, with_read_button: bool = False
) -> Reply:
    """The announcement as a recipient gets it (text, or caption of the photo/document)."""
    _ = t.gettext
    header = _("📢 <b>Pengumuman panitia</b>")
    if announcement.urgent:
        header = _("❗ <b>PENTING</b> — pengumuman panitia")
    text = f"{header}\n\n{announcement.text}" if announcement.text else header
    markup = None
    if announcement.urgent and with_read_button:
        markup = keyboard([[button(_("✅ Sudah dibaca"), cb.ORG_READ, str(announcement.id))]])
    return Reply(text, markup)


def compose_prompt(t: Translator) -> Reply:
    _ = t.gettext
    return Reply(_("📢 <b>Pengumuman baru</b>\n\nKirim teks pengumuman. Boleh juga foto atau "
                   "dokumen dengan keterangan. Format tebal/miring ikut terkirim.\n"
                   "/batal untuk membatalkan."))


def compose_too_long(limit: int, t: Translator) -> Reply:
    return Reply(t.gettext("Pengumuman terlalu panjang (maksimal {n} karakter). Persingkat dan "
                           "kirim lagi, atau /batal.").format(n=limit))


def compose_cancelled(t: Translator) -> Reply:
    return Reply(t.gettext("Pengumuman dibatalkan; tidak ada yang dikirim."))


def audience_label(audience: str, event: Event, t: Translator) -> str:
    _ = t.gettext
    if audience == Audience.EVERYONE:
        return _("semua pengguna bot")
    if audience == Audience.ALL:
        return _("peserta terdaftar")
    if audience == Audience.TOUR:
        return _("peserta city tour")
    if audience == Audience.ORGANIZERS:
        return _("panitia")
    if audience == Audience.LINKED:
        return _("grup/kanal tertaut")
    if audience.startswith(SESSION_PREFIX):
        session = event.session(audience.removeprefix(SESSION_PREFIX))
        title = session.title.get(t.lang) if session else audience
        return _("peserta sesi “{title}”").format(title=title)
    if audience.startswith(REGION_PREFIX):
        return _("peserta dari {region}").format(region=audience.removeprefix(REGION_PREFIX))
    return audience


def audience_menu(
    announcement_id: int, counts: dict[str, int], linked: int, t: Translator, *, tour: bool
) -> Reply:
    """`tour`: whether the event has a city tour (no tour, no such audience)."""
    _ = t.gettext
    a = str(announcement_id)
    rows = [
        [button(_("👥 Peserta terdaftar ({n})").format(n=counts.get(Audience.ALL, 0)),
                cb.ORG_AUDIENCE, f"{a}:all")],
        [button(_("📢 Semua pengguna bot ({n})").format(n=counts.get(Audience.EVERYONE, 0)),
                cb.ORG_AUDIENCE, f"{a}:every")],
    ]
    if tour:
        rows.append([button(
            _("🚌 Peserta city tour ({n})").format(n=counts.get(Audience.TOUR, 0)),
            cb.ORG_AUDIENCE, f"{a}:tour")])
    rows += [
        [button(_("🗓 Peserta sesi tertentu…"), cb.ORG_AUDIENCE, f"{a}:sess")],
        [button(_("📍 Peserta per daerah…"), cb.ORG_AUDIENCE, f"{a}:reg")],
        [button(_("🧑‍💼 Panitia ({n})").format(n=counts.get(Audience.ORGANIZERS, 0)),
                cb.ORG_AUDIENCE, f"{a}:org")],
    ]
    if linked:
        rows.append([button(_("📣 Grup/kanal tertaut ({n})").format(n=linked),
                            cb.ORG_AUDIENCE, f"{a}:grp")])
    rows.append([button(_("✖ Batal"), cb.ORG_DISCARD, a)])
    return Reply(_("Kepada siapa pengumuman ini dikirim?"), keyboard(rows))


def session_picker(
    announcement_id: int, event: Event, counts: dict[str, tuple[int, int]], t: Translator
) -> Reply:
    _ = t.gettext
    rows = []
    for s in event.sessions:
        going = counts.get(s.id, (0, 0))[0]
        if not going:
            continue
        label = f"{t.day_short(s.start.date())} {t.time(s.start)} · {s.title.get(t.lang)}"
        rows.append([button(f"({going}) {label}", cb.ORG_AUDIENCE, f"{announcement_id}:s:{s.id}")])
    rows.append([button(_("◀ Kembali"), cb.ORG_AUDIENCE, f"{announcement_id}:menu")])
    text = _("Pilih sesi (jumlah peserta yang hadir):") if len(rows) > 1 else _(
        "Belum ada RSVP untuk sesi mana pun.")
    return Reply(text, keyboard(rows))


def region_picker(
    announcement_id: int, event: Event, counts: Sequence[tuple[str | None, int]], t: Translator
) -> Reply:
    _ = t.gettext
    rows = []
    for region, n in counts:
        if region is None or region not in event.regions:
            continue
        index = event.regions.index(region)
        rows.append([button(f"{region} ({n})", cb.ORG_AUDIENCE, f"{announcement_id}:r:{index}")])
    rows.append([button(_("◀ Kembali"), cb.ORG_AUDIENCE, f"{announcement_id}:menu")])
    text = _("Pilih daerah:") if len(rows) > 1 else _("Belum ada peserta dengan daerah.")
    return Reply(text, keyboard(rows))


def preview(
    announcement: Announcement, event: Event, reachable: int, unreachable: int, t: Translator,
    paid_stars: float | None = None,
) -> Reply:
    """The draft as recipients will see it, and what sending it means. `paid_stars`: it
    would go out as a paid broadcast (bot/outbox.py), at that cost."""
    _ = t.gettext
    a = str(announcement.id)
    sample = announcement_message(announcement, t)
    lines = [
        _("👀 <b>Pratinjau</b> — seperti ini yang diterima:"),
        "",
        sample.text,
        "",
        "—",
    ]
    if announcement.media_kind == "photo":
        lines.append(_("📎 Dengan foto."))
    elif announcement.media_kind == "document":
        lines.append(_("📎 Dengan dokumen."))
    lines.append(_("Penerima: {who}").format(
        who=escape(audience_label(announcement.audience, event, t))))
    lines.append(t.ngettext("<b>{n} penerima</b>", "<b>{n} penerima</b>", reachable).format(
        n=reachable))
    if unreachable:
        lines.append(t.ngettext(
            "({n} orang tidak dikirimi: memblokir bot)",
            "({n} orang tidak dikirimi: memblokir bot)", unreachable).format(n=unreachable))
    lines.append(_("Penting (dengan tombol “Sudah dibaca”): {state}").format(
        state=_("ya") if announcement.urgent else _("tidak")))
    if paid_stars is not None:
        # Translators: Telegram's paid broadcast; Stars are Telegram's in-app currency.
        lines.append(_("⚡ Siaran berbayar Telegram: terkirim jauh lebih cepat (hingga 1000 "
                       "pesan/detik), biaya sekitar {stars} Telegram Stars dari saldo bot.")
                     .format(stars=format_decimal(paid_stars, "#,##0.#", locale=t.locale)))
    rows = [
        [button(_("❗ Penting: ubah"), cb.ORG_URGENT, a)],
        [button(_("✅ Kirim ke {n} penerima").format(n=reachable), cb.ORG_SEND, a)]
        if reachable else [],
        [button(_("◀ Ganti penerima"), cb.ORG_AUDIENCE, f"{a}:menu"),
         button(_("✖ Batal"), cb.ORG_DISCARD, a)],
    ]
    return Reply("\n".join(lines), keyboard(rows))


def delivery_progress(announcement: Announcement, report: DeliveryReport, t: Translator) -> Reply:
    _ = t.gettext
    done = report.sent + report.failed + report.blocked
    return Reply(_("⏳ Mengirim pengumuman #{id}…\nTerkirim {sent}/{total}").format(
        id=announcement.id, sent=done, total=report.total))


def delivery_report(
    announcement: Announcement,
    report: DeliveryReport,
    unread: Sequence[Recipient],
    t: Translator,
) -> Reply:
    _ = t.gettext
    title = _("✅ Pengumuman #{id} selesai dikirim.") if report.done else _(
        "⏳ Pengumuman #{id} sedang dikirim.")
    lines = [
        title.format(id=announcement.id),
        _("Terkirim: {sent} dari {total}").format(sent=report.sent, total=report.total),
    ]
    if report.failed:
        lines.append(_("Gagal: {n}").format(n=report.failed))
        lines += [f"  • {escape(reason)}: {n}" for reason, n in sorted(report.reasons.items())]
    if report.blocked:
        lines.append(_("Memblokir bot: {n} (ditandai tidak aktif)").format(n=report.blocked))
    if report.interrupted:
        lines.append(_("Tidak pasti (bot terhenti saat mengirim): {n}").format(
            n=report.interrupted))
    if announcement.urgent:
        lines.append(_("Sudah dibaca: {read} dari {sent}").format(
            read=report.read, sent=report.sent))
        if unread:
            lines.append(_("<b>Belum konfirmasi:</b>"))
            lines += [f"• {escape(r.name or '?')} (<code>{r.chat_id}</code>)" for r in unread]
    rows = [[button(_("🔄 Perbarui laporan"), cb.ORG_REPORT, str(announcement.id))]]
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def stamp(stored: str, zone: tzinfo, t: Translator) -> str:
    """A stored UTC timestamp as people at the event read it: 'Jum, 18 Okt 07.45'. (The
    UTC date is the previous day before 08.00 WITA.)"""
    moment = datetime.fromisoformat(stored).astimezone(zone)
    return f"{t.day_short(moment.date())} {t.time(moment)}"


def latest_announcements(items: Sequence[Announcement], t: Translator, zone: tzinfo) -> Reply:
    _ = t.gettext
    lines = [_("📢 <b>Pengumuman terbaru</b>")]
    for item in items:
        lines += ["", f"<b>#{item.id}</b> · {escape(stamp(item.created_at, zone, t))}",
                  item.text or "—"]
    return Reply(clip_html_lines(lines, "…"))


# -- reports -----------------------------------------------------------------------------------
def stats_view(
    event: Event,
    by_region: Sequence[tuple[str | None, int]],
    by_role: Sequence[tuple[str | None, int]],
    rsvps: dict[str, tuple[int, int]],
    announcements: Sequence[tuple[Announcement, DeliveryReport]],
    blocked: int,
    role_names: dict[str, str],
    t: Translator,
) -> Reply:
    _ = t.gettext
    total = sum(n for _region, n in by_region)
    lines = [_("📊 <b>Statistik</b>"), "",
             _("<b>Peserta terdaftar: {n}</b>").format(n=total)]
    lines += [f"• {escape(role_names.get(r or '', r or '?'))}: {n}" for r, n in by_role]
    lines += ["", _("<b>Per daerah:</b>")]
    lines += [f"• {escape(r or _('(tanpa daerah)'))}: {n}" for r, n in by_region]
    lines += ["", _("<b>RSVP per sesi</b> (hadir/kapasitas, antre):")]
    for s in event.sessions:
        going, waiting = rsvps.get(s.id, (0, 0))
        if not going and not waiting and s.capacity is None:
            continue
        cap = str(s.capacity) if s.capacity is not None else "∞"
        extra = _(", {n} antre").format(n=waiting) if waiting else ""
        lines.append(f"• {escape(s.title.get(t.lang))}: {going}/{cap}{extra}")
    whole = rsvps.get("_event")
    if whole:
        lines.append(_("• Seluruh acara: {n}").format(n=whole[0]))
    if announcements:
        lines += ["", _("<b>Pengumuman terakhir</b> (terkirim/penerima):")]
        for a, r in announcements:
            rate = f"{100 * r.sent / r.total:.0f}%" if r.total else "—"
            when = stamp(a.created_at, event.timezone, t)
            lines.append(f"• #{a.id} {escape(when)}: {r.sent}/{r.total} ({rate})")
    lines += ["", _("Pengguna yang memblokir bot: {n}").format(n=blocked)]
    return Reply(clip_html_lines(lines, "…"))


def _cell(value: Any) -> Any:
    # A cell starting with = + - @ is run as a formula by Excel (CSV injection): quote it.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_time(stored: str | None, zone: tzinfo) -> str:
    # Local time in a form spreadsheets read as a date; the zone is in the column header.
    if not stored:
        return ""
    return datetime.fromisoformat(stored).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _zone_name(event: Event, t: Translator) -> str:
    # The zone's name on the event's first day ("WITA"), for the column headers.
    return t.zone(datetime.combine(event.start_date, time(12), tzinfo=event.timezone))


def registrations_csv(event: Event, rows: Sequence[Sequence[Any]],
                      role_names: dict[str, str], t: Translator) -> bytes:
    """Registrations as the organizer reads them: their language, the event's time zone.
    `rows`: user id, name, instansi, region, role, username, language, active, registered."""
    _ = t.gettext
    header = [_("user_id"), _("nama"), _("instansi"), _("daerah"), _("peran"), _("username"),
              _("bahasa"), _("bisa dihubungi"),
              _("terdaftar ({zone})").format(zone=_zone_name(event, t))]
    out = [[*row[:4], role_names.get(row[4], row[4]), row[5], row[6],
            _("ya") if row[7] else _("tidak"), _csv_time(row[8], event.timezone)]
           for row in rows]
    return csv_bytes(header, out)


def rsvps_csv(event: Event, rows: Sequence[Sequence[Any]], t: Translator) -> bytes:
    """RSVPs per session. `rows`: user id, name, instansi, session id, title, status, time
    (`bot.features.stats.RSVP_COLUMNS`); the title is given again in the organizer's language."""
    _ = t.gettext
    statuses = {"going": _("hadir"), "waiting": _("daftar tunggu")}
    header = [_("user_id"), _("nama"), _("instansi"), _("sesi"), _("judul"), _("status"),
              _("waktu ({zone})").format(zone=_zone_name(event, t))]
    out = []
    for row in rows:
        session = event.session(row[3])
        title = session.title.get(t.lang) if session else row[4]
        out.append([*row[:4], title, statuses.get(row[5], row[5]),
                    _csv_time(row[6], event.timezone)])
    return csv_bytes(header, out)


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """UTF-8 with BOM, so Excel opens Indonesian names correctly; ';'-free standard CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def export_private_only(t: Translator) -> Reply:
    return Reply(t.gettext("Demi privasi, ekspor hanya dikirim lewat chat pribadi dengan bot."))

