"""Rendering of the event evaluation: one question at a time, and the organizers' summary."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from babel.numbers import format_decimal

from bot import callbacks as cb
from bot.features.evaluation import SKIP, QuestionSummary, Status, Step
from bot.i18n import Translator
from bot.model import QuestionKind
from bot.render import Reply, button, clip_html_lines, keyboard
from bot.render_attendance import not_registered
from bot.render_organizer import csv_bytes

#: The start of every question's text.
MARK = "📝"


def step_reply(step: Step, t: Translator) -> Reply:
    _ = t.gettext
    if step.status is Status.NOT_REGISTERED:
        return not_registered(t)
    if step.status is Status.NONE:
        return Reply(_("Acara ini tidak punya evaluasi."))
    if step.status is Status.NOT_YET:
        assert step.opens is not None
        return Reply(_("Evaluasi acara dibuka saat penutupan, {when}.").format(
            when=escape(t.moment(step.opens))))
    if step.status is Status.INVALID:
        return Reply(_("Tombol ini sudah tidak berlaku. Kirim /evaluasi untuk melanjutkan."))
    if step.status is Status.DONE:
        return Reply(_("🙏 Terima kasih sudah mengisi evaluasi acara!"))
    question = step.question
    assert question is not None
    lines = [MARK + " " + _("<b>Evaluasi acara</b> ({n}/{total})").format(
        n=step.number, total=step.total), "", escape(question.text.get(t.lang))]
    rows = []
    if question.kind is QuestionKind.SCALE:
        lines.append(_("1 = sangat kurang, 5 = sangat baik"))
        rows.append([button(str(n), cb.EVALUATION, f"{question.id}:{n}") for n in range(1, 6)])
    elif question.kind is QuestionKind.CHOICE:
        rows += [[button(choice.get(t.lang), cb.EVALUATION, f"{question.id}:{i}")]
                 for i, choice in enumerate(question.choices)]
    else:
        lines += ["", _("Balas (reply) pesan ini dengan jawaban Anda.")]
    rows.append([button(_("Lewati"), cb.EVALUATION, f"{question.id}:{SKIP}")])
    return Reply("\n".join(lines), keyboard(rows))


def summary(rows: Sequence[QuestionSummary], t: Translator, quotes: bool = True) -> Reply:
    """The answers per question; with `quotes`, a few free-text answers (only where just
    organizers read them: they are the delegates' own words)."""
    _ = t.gettext
    lines = [_("📝 <b>Evaluasi acara</b>")]
    for row in rows:
        head = f"• {escape(row.question.text.get(t.lang))} ({row.count})"
        if row.average is not None:
            head += ": " + format_decimal(row.average, "0.0", locale=t.locale)
        lines.append(head)
        for choice, count in zip(row.question.choices, row.choices, strict=False):
            lines.append(f"   {escape(choice.get(t.lang))}: {count}")
        if quotes:
            lines += [f"   “{escape(text)}”" for text in row.texts[:3]]
    return Reply(clip_html_lines(lines, "…"))


def evaluation_csv(rows: Sequence[QuestionSummary]) -> bytes:
    out: list[tuple[object, ...]] = []
    for row in rows:
        base = (row.question.id, row.question.text.get("id"), row.question.kind.value, row.count)
        if row.average is not None:
            out.append((*base, "rata_rata", f"{row.average:.2f}"))
        for choice, count in zip(row.question.choices, row.choices, strict=False):
            out.append((*base, choice.get("id"), count))
        out += [(*base, "jawaban", text) for text in row.texts]
    return csv_bytes(["pertanyaan", "teks", "jenis", "jumlah", "butir", "nilai"], out)
