"""Screens of the programme-change tools: /ubah's menus and preview, a reload's or an
edited data file's changes, and data-file problems. Pure functions; all data is
HTML-escaped here."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot import callbacks as cb
from bot.changes import Change, ChangeKind, Refusal
from bot.i18n import Translator
from bot.loader import Problem
from bot.model import Event, Session
from bot.render import KIND_ICON, Reply, button, clip_html_lines, keyboard


def _when(session: Session, t: Translator) -> str:
    return f"{t.day_short(session.start.date())} {t.time_range(session.start, session.end)}"


def change_lines(changes: Sequence[Change], event_before: Event, event_after: Event,
                 t: Translator) -> list[str]:
    _ = t.gettext
    lines = []
    for c in changes:
        s = c.new or c.old
        assert s is not None
        title = escape(s.title.get(t.lang))
        if c.kind is ChangeKind.MOVED and c.old and c.new:
            lines.append(_("🕑 <b>{title}</b> dipindah: {old} → {new}").format(
                title=title, old=escape(_when(c.old, t)), new=escape(_when(c.new, t))))
        elif c.kind is ChangeKind.VENUE and c.old and c.new:
            old_v, new_v = event_before.venue(c.old.venue_id), event_after.venue(c.new.venue_id)
            lines.append(_("📍 <b>{title}</b> pindah tempat: {old} → {new}").format(
                title=title, old=escape(old_v.name if old_v else c.old.venue_id),
                new=escape(new_v.name if new_v else c.new.venue_id)))
        elif c.kind is ChangeKind.CANCELLED:
            lines.append(_("❌ <b>{title}</b> dibatalkan").format(title=title))
        elif c.kind is ChangeKind.NEW and c.new:
            lines.append(_("🆕 <b>{title}</b> ({when})").format(
                title=title, when=escape(_when(c.new, t))))
        elif c.kind is ChangeKind.TITLE and c.old and c.new:
            lines.append(_("✏️ Judul diganti: {old} → {new}").format(
                old=escape(c.old.title.get(t.lang)), new=title))
    return lines


def changes_preview(
    changes: Sequence[Change],
    before: Event,
    after: Event,
    affected: int,
    confirm: tuple[str, str],
    t: Translator,
    warnings: Sequence[str] = (),
) -> Reply:
    _ = t.gettext
    lines = [_("🔁 <b>Perubahan jadwal</b>"), ""]
    if changes:
        lines += change_lines(changes, before, after, t)
    else:
        lines.append(_("Tidak ada perubahan jadwal (data lain tetap dimuat ulang)."))
    if warnings:
        lines += ["", *warnings]
    lines += ["", t.ngettext(
        "{n} peserta dengan RSVP akan diberi tahu.",
        "{n} peserta dengan RSVP akan diberi tahu.", affected).format(n=affected)]
    rows = [[button(_("✅ Terapkan"), *confirm), button(_("✖ Batal"), cb.ORG_DISMISS)]]
    return Reply(clip_html_lines(lines, "…"), keyboard(rows))


def clash_lines(event: Event, moved: Session, others: Sequence[Session],
                t: Translator) -> list[str]:
    """A warning (not a refusal: two rooms of one venue may be meant) for a move onto
    other sessions in the same place."""
    if not others:
        return []
    venue = event.venue(moved.venue_id)
    names = t.join(f"{o.title.get(t.lang)} ({t.time_range(o.start, o.end, zone=False)})"
                   for o in others)
    return [t.gettext("⚠️ Bentrok di {place} dengan: {sessions}").format(
        place=escape(venue.name if venue else moved.venue_id), sessions=escape(names))]


def change_refused(reason: Refusal, event: Event, moved: Session, t: Translator) -> Reply:
    """Why a change is not offered, before any "Terapkan"."""
    _ = t.gettext
    if reason is Refusal.TOUR_STOPS:
        text = _("⚠️ Perhentian city tour punya jam sendiri di berkas data, jadi tour tidak bisa "
                 "dipindah dengan /ubah. Ubah jam tour dan perhentiannya di berkas data, lalu "
                 "/muatulang. Tidak ada yang diubah.")
    else:
        text = _("⚠️ {day} di luar hari acara ({first} – {last}). Tidak ada yang diubah.").format(
            day=t.day(event.local(moved.start).date()), first=t.day(event.start_date),
            last=t.day(event.end_date))
    return Reply(escape(text, quote=False), keyboard([[button(_("✖ Tutup"), cb.ORG_DISMISS)]]))


def data_errors(problems: Sequence[Problem], t: Translator) -> Reply:
    _ = t.gettext
    lines = [_("⚠️ Berkas data tidak valid; tidak ada yang diubah."), ""]
    lines += [f"• <code>{escape(p.place)}</code>: {escape(p.text(t))}" for p in problems[:25]]
    if len(problems) > 25:
        lines.append(_("… dan {n} masalah lain.").format(n=len(problems) - 25))
    return Reply(clip_html_lines(lines, "…"))


def file_changed(changes: Sequence[Change], before: Event, after: Event,
                 t: Translator) -> Reply:
    """The data file was edited on the server: what changed, and how to apply it."""
    _ = t.gettext
    lines = [_("📝 <b>Berkas data jadwal berubah</b> (belum diterapkan)."), ""]
    if changes:
        lines += change_lines(changes, before, after, t)
    else:
        lines.append(_("Jadwal sesi tidak berubah (data lain berubah)."))
    lines += ["", _("Tinjau dan terapkan dengan /muatulang; peserta yang terdampak diberi tahu "
                    "setelah Anda konfirmasi.")]
    return Reply(clip_html_lines(lines, "…"))


def file_changed_invalid(problems: Sequence[Problem], t: Translator) -> Reply:
    _ = t.gettext
    errors = data_errors(problems, t)
    return Reply(_("📝 Berkas data jadwal berubah, tetapi belum valid:") + "\n\n" + errors.text)


def change_applied(notices: int, t: Translator) -> Reply:
    return Reply(t.ngettext(
        "✅ Jadwal diperbarui. {n} pemberitahuan dikirim ke peserta yang terdampak.",
        "✅ Jadwal diperbarui. {n} pemberitahuan dikirim ke peserta yang terdampak.",
        notices).format(n=notices))


def sessions_to_edit(event: Event, t: Translator) -> Reply:
    _ = t.gettext
    rows = [
        [button(f"{KIND_ICON.get(s.kind, '•')} {t.day_short(s.start.date())} "
                f"{t.time(s.start)} · {s.title.get(t.lang)}", cb.ORG_EDIT_SESSION, s.id)]
        for s in event.sessions
    ]
    rows.append([button(_("✖ Tutup"), cb.ORG_DISMISS)])
    text = _("✏️ <b>Ubah jadwal</b>\nPilih sesi. (Bisa juga: <code>/ubah &lt;id&gt; 14.30</code>, "
             "<code>/ubah &lt;id&gt; 2019-10-17 14.30</code>, "
             "<code>/ubah &lt;id&gt; tempat &lt;id-tempat&gt;</code>)")
    return Reply(text, keyboard(rows))


def edit_menu(event: Event, session: Session, t: Translator) -> Reply:
    _ = t.gettext
    venue = event.venue(session.venue_id)
    lines = [
        f"{KIND_ICON.get(session.kind, '•')} <b>{escape(session.title.get(t.lang))}</b>",
        escape(_when(session, t)) + " · " + escape(venue.name if venue else session.venue_id),
        "",
        _("Geser waktu (durasi tetap) atau pilih tempat baru:"),
    ]
    start = int(session.start.timestamp())
    shifts = [(-60, _("−1 jam")), (-30, _("−30 mnt")), (-15, _("−15 mnt")),
              (15, _("+15 mnt")), (30, _("+30 mnt")), (60, _("+1 jam"))]
    rows = [
        [button(label, cb.ORG_EDIT_MOVE, f"{session.id}:{start + minutes * 60}")
         for minutes, label in shifts[:3]],
        [button(label, cb.ORG_EDIT_MOVE, f"{session.id}:{start + minutes * 60}")
         for minutes, label in shifts[3:]],
    ]
    day_row = []
    for days, label in ((-1, _("−1 hari")), (1, _("+1 hari"))):
        moved = session.start.date().toordinal() + days
        if event.start_date.toordinal() <= moved <= event.end_date.toordinal():
            day_row.append(button(label, cb.ORG_EDIT_MOVE, f"{session.id}:{start + days * 86400}"))
    rows.append(day_row)
    rows += [[button("📍 " + v.name, cb.ORG_EDIT_VENUE, f"{session.id}:{v.id}")]
             for v in event.venues.values() if v.id != session.venue_id]
    rows.append([button(_("✖ Tutup"), cb.ORG_DISMISS)])
    return Reply("\n".join(lines), keyboard(rows))
