"""Rendering of certificates: the replies of /sertifikat and /cek; the PDF is drawn in
bot/papers.py (fpdf2), loaded only when one is printed."""

from __future__ import annotations

from html import escape

from bot.features.certificates import (
    CertificateResult,
    ManualResult,
    ManualStatus,
    Progress,
    Status,
    Verdict,
    Verification,
    display_code,
)
from bot.i18n import Translator
from bot.model import Event
from bot.render import Reply, event_dates
from bot.render_attendance import not_registered
from bot.render_organizer import refused
from bot.storage.attendance import CertificateRow


def _missing(progress: Progress, event: Event, t: Translator) -> list[str]:
    _ = t.gettext
    lines = []
    if progress.days_rule:
        if progress.missing_days:
            days = t.join(t.day_short(d) for d in progress.missing_days)
            lines.append(_("• Hadir di meja registrasi setiap hari — belum tercatat: {days}")
                         .format(days=escape(days)))
        else:
            lines.append(_("• Hadir di meja registrasi setiap hari — ✅ terpenuhi"))
    if progress.plenary_needed is not None:
        lines.append(_("• Hadir di sesi pleno: {got} dari {total}, perlu {needed}").format(
            got=progress.plenary_attended, total=progress.plenary_total,
            needed=progress.plenary_needed))
    if progress.days_rule and progress.plenary_needed is not None:
        lines.append(_("Salah satu syarat di atas cukup."))
    if progress.evaluation_done is not None:
        done = progress.evaluation_done
        lines.append(_("• Dan wajib: evaluasi acara (/evaluasi) — ✅ sudah diisi") if done
                     else _("• Dan wajib: evaluasi acara (/evaluasi) — belum diisi"))
    return lines


def certificate_reply(result: CertificateResult, event: Event, t: Translator) -> Reply:
    """The text of /sertifikat when no PDF is sent (and the caption when it is)."""
    _ = t.gettext
    status = result.status
    if status is Status.NOT_REGISTERED:
        return not_registered(t)
    if status is Status.NO_CERTIFICATES:
        return Reply(_("Acara ini tidak menerbitkan sertifikat lewat bot. Tanyakan kepada "
                       "panitia."))
    if status is Status.WITHHELD:
        return Reply(_("Sertifikat Anda ditahan oleh panitia. Silakan hubungi panitia."))
    if status is Status.ISSUED:
        assert result.certificate is not None
        return Reply(_("🎓 Sertifikat Anda. Kode verifikasi: <code>{code}</code> — siapa pun "
                       "dapat memeriksanya dengan <code>/cek {code}</code>.").format(
                           code=escape(display_code(result.certificate.code))))
    assert result.progress is not None
    lines = _missing(result.progress, event, t)
    if status is Status.TOO_EARLY:
        assert result.ends is not None
        head = _("🎓 Sertifikat tersedia setelah acara selesai ({when}). Syaratnya:").format(
            when=escape(t.moment(result.ends)))
    else:
        head = _("🎓 Syarat sertifikat belum terpenuhi:")
    return Reply("\n".join([head, *lines]))


def manual_reply(result: ManualResult, issue: bool, t: Translator) -> Reply:
    _ = t.gettext
    if result.status is ManualStatus.FORBIDDEN:
        return Reply(refused(t))
    if result.status is ManualStatus.NO_CERTIFICATES:
        return Reply(_("Data acara tidak punya bagian [certificate]."))
    if result.status is ManualStatus.NOT_REGISTERED:
        return Reply(_("Pengguna itu belum terdaftar sebagai peserta."))
    row = result.certificate
    assert row is not None
    text = (_("Sertifikat {name} diterbitkan (kode {code}).") if issue
            else _("Sertifikat {name} ditahan (kode {code} tidak berlaku)."))
    return Reply(text.format(name=escape(row.name), code=escape(display_code(row.code))))


def manual_usage(t: Translator) -> Reply:
    return Reply(t.gettext("Panitia: <code>/sertifikat beri &lt;user_id&gt;</code> atau "
                           "<code>/sertifikat tahan &lt;user_id&gt;</code>."))


def verification(result: Verification, event: Event, t: Translator) -> Reply:
    _ = t.gettext
    code = escape(display_code(result.code) or "?")
    if result.verdict is Verdict.UNKNOWN:
        return Reply(_("❌ Tidak ada sertifikat dengan kode {code}.").format(code=code))
    if result.verdict is Verdict.REVOKED:
        return Reply(_("⛔ Sertifikat {code} dicabut dan tidak berlaku.").format(code=code))
    row = result.certificate
    assert row is not None
    return Reply("\n".join([
        _("✅ Sertifikat {code} asli.").format(code=code),
        _("Atas nama: <b>{name}</b>, {instansi}").format(name=escape(row.name),
                                                        instansi=escape(row.instansi)),
        _("Acara: {event}, {dates}").format(event=escape(event.name.get(t.lang)),
                                           dates=escape(event_dates(event, t))),
    ]))


def verify_usage(t: Translator) -> Reply:
    return Reply(t.gettext("Tulis kode yang tercetak di sertifikat, misalnya "
                           "<code>/cek CN-4K7Q-9MZD</code>."))


def certificate_pdf(event: Event, row: CertificateRow, bot_username: str, t: Translator) -> bytes:
    """A4 landscape: title, name, instansi, statement, the event, host, signatories, code."""
    from bot import papers  # fpdf2 loads when a certificate is printed, not at start-up

    return papers.certificate_pdf(event, row, bot_username, t)
