"""Rendering of session materials: the /materi list and one session's materials."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from bot import callbacks as cb
from bot.features.materials import SessionMaterials, Status
from bot.i18n import Translator
from bot.model import Release, Session
from bot.render import Reply, button, keyboard


def overview(sessions: Sequence[Session], upcoming: int, t: Translator) -> Reply:
    _ = t.gettext
    if not sessions:
        text = _("Belum ada materi sesi yang dibagikan.")
        if upcoming:
            text += " " + _("Materi dibagikan saat sesi dimulai atau selesai.")
        return Reply(text)
    rows = [[button(f"📎 {s.title.get(t.lang)}", cb.MATERIALS, s.id)] for s in sessions]
    return Reply(_("📎 <b>Materi sesi</b>: pilih sesi."), keyboard(rows))


def session_materials(result: SessionMaterials, t: Translator) -> Reply:
    _ = t.gettext
    if result.status is Status.UNKNOWN or result.session is None:
        return Reply(_("Sesi itu tidak ada. Buka /materi untuk daftar materi."))
    title = escape(result.session.title.get(t.lang))
    if result.status is Status.NONE:
        return Reply(_("Sesi “{title}” tidak punya materi.").format(title=title))
    lines = [_("📎 <b>Materi</b> “{title}”").format(title=title), ""]
    for item in result.items:
        name = escape(item.material.title.get(t.lang))
        if not item.released:
            when = (_("saat sesi dimulai, {time}") if item.material.release is Release.START
                    else _("saat sesi selesai, {time}")).format(time=t.time(item.release_at))
            lines.append(_("• {name} — tersedia {when}").format(name=name, when=when))
        elif not item.allowed:
            lines.append(_("• {name} — 🔒 khusus peserta terdaftar (/daftar)").format(name=name))
        elif item.material.url:
            lines.append(f'• <a href="{escape(item.material.url)}">{name}</a>')
        else:
            lines.append(_("• {name} — dikirim sebagai berkas").format(name=name))
    return Reply("\n".join(lines))


def file_name(path: str) -> str:
    return Path(path).name
