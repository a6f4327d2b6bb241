"""Rendering of session feedback: the question with its star buttons, thanks, the summary."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from babel.numbers import format_decimal

from bot import callbacks as cb
from bot.features.feedback import Rated, RateStatus, SessionFeedback
from bot.i18n import Translator
from bot.model import Session
from bot.render import Reply, button, clip_html_lines, keyboard
from bot.render_organizer import csv_bytes


def ask(session: Session, t: Translator) -> Reply:
    _ = t.gettext
    text = _("⭐ Bagaimana sesi “{title}”? Beri nilai 1 (kurang) sampai 5 (sangat baik).").format(
        title=escape(session.title.get(t.lang)))
    stars = [button("⭐" * n if n < 4 else f"{n}⭐", cb.FEEDBACK, f"{session.id}:{n}")
             for n in range(1, 6)]
    return Reply(text, keyboard([stars[:3], stars[3:],
                                 [button(_("🔕 Jangan tanya lagi"), cb.FEEDBACK_OFF)]]))


def rated(result: Rated, t: Translator) -> Reply:
    _ = t.gettext
    if result.status is RateStatus.INVALID:
        return Reply(_("Tombol ini sudah tidak berlaku."))
    assert result.session is not None
    title = escape(result.session.title.get(t.lang))
    # The "⭐" start and the "💬" are what handlers/attendance.py recognises a reply by.
    return Reply(_("⭐ Terima kasih! Nilai {stars}/5 untuk “{title}” tercatat.\n💬 Mau "
                   "menambah komentar? Balas (reply) pesan ini dengan komentar Anda.").format(
                       stars=result.stars, title=title))


def already_rated(result: Rated, t: Translator) -> str:
    """A toast (plain text, not HTML): the question's message keeps its thanks."""
    title = result.session.title.get(t.lang) if result.session else ""
    return t.gettext("Anda sudah menilai “{title}”. Terima kasih!").format(title=title)


def comment_saved(session: Session | None, t: Translator) -> Reply:
    _ = t.gettext
    if session is None:
        return Reply(_("Maaf, balasan ini tidak terkait penilaian sesi. Ketik /bantuan."))
    return Reply(_("💬 Komentar untuk “{title}” tersimpan. Terima kasih!").format(
        title=escape(session.title.get(t.lang))))


def opted_out(t: Translator) -> Reply:
    return Reply(t.gettext("🔕 Baik, bot tidak akan meminta penilaian sesi lagi."))


def summary(rows: Sequence[SessionFeedback], t: Translator, quotes: bool = True) -> Reply:
    """The ratings per session; with `quotes`, a few comments under each (only where just
    organizers read them: comments are the delegates' own words)."""
    _ = t.gettext
    lines = [_("⭐ <b>Penilaian sesi</b> (rata-rata, jumlah penilai)")]
    for row in rows:
        average = format_decimal(row.average, "0.0", locale=t.locale)
        lines.append(f"• {escape(row.session.title.get(t.lang))}: {average} ({row.count})")
        if quotes:
            lines += [f"   “{escape(c)}”" for c in row.comments[:3]]
    if not rows:
        lines.append(_("Belum ada penilaian."))
    return Reply(clip_html_lines(lines, "…"))


def feedback_csv(rows: Sequence[SessionFeedback]) -> bytes:
    return csv_bytes(["sesi", "judul", "jumlah", "rata_rata", "komentar"], [
        (r.session.id, r.session.title.get("id"), r.count, f"{r.average:.2f}",
         " | ".join(r.comments)) for r in rows])
