"""Programme changes: /muatulang (reload the data file) and /ubah (move a session, or change
its venue), each previewed with whom it reaches before it is applied."""

from __future__ import annotations

import re
from datetime import datetime, time, tzinfo
from html import escape

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks as cb
from bot import render_changes
from bot.context import BotContext
from bot.features import changes
from bot.features.changes import Applied, Edit, Proposal, Reload
from bot.render import Reply
from handlers.common import (
    callback_arg,
    deliveries,
    gone,
    organizer_only,
    send,
    show,
    user_id,
)

_TIME = re.compile(r"^(\d{1,2})[.:](\d{2})$")



def _timestamp(text: str, zone: tzinfo) -> datetime | None:
    """A Unix time from button data as an event-local time; None if it is not one."""
    seconds = cb.number(text.removeprefix("-"))
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(-seconds if text.startswith("-") else seconds, zone)
    except (OverflowError, OSError, ValueError):  # beyond the years datetime can hold
        return None


def _preview_reply(context: BotContext, proposal: Proposal, confirm: tuple[str, str]) -> Reply:
    t = context.t
    moved = proposal.moved
    if moved is not None and proposal.refused is not None:
        return render_changes.change_refused(proposal.refused, proposal.before, moved, t)
    warnings = (render_changes.clash_lines(proposal.before, moved, list(proposal.clashes), t)
                if moved is not None else [])
    return render_changes.changes_preview(
        proposal.changes, proposal.before, proposal.after, proposal.affected, confirm, t,
        warnings=warnings)


async def _show_applied(update: Update, context: BotContext, applied: Applied) -> None:
    t = context.t
    if applied.outcome in (Reload.APPLIED, Edit.APPLIED):
        reply = render_changes.change_applied(applied.notices, t)
    elif applied.outcome is Reload.INVALID:
        reply = Reply(t.gettext("Berkas data berubah dan tidak valid lagi; "
                                "jalankan /muatulang sekali lagi."))
    elif applied.outcome is Reload.CHANGED:
        reply = Reply(t.gettext(
            "Berkas data sudah berubah sejak pratinjau; jalankan /muatulang sekali lagi."))
    elif applied.outcome is Edit.FILE_DIFFERS:
        reply = Reply(t.gettext(
            "Berkas data berbeda dengan jadwal yang berjalan. Jalankan /muatulang dulu."))
    elif applied.outcome is Edit.NOT_WRITTEN:
        # The details (a temporary file's path, the loader's English) are in the log only.
        reply = Reply(t.gettext(
            "Perubahan tidak bisa ditulis ke berkas data; tidak ada yang diubah. Periksa berkas "
            "data, atau ubah berkasnya lalu /muatulang."))
    else:
        await gone(update, context)
        return
    await show(update, reply)


# -- /muatulang ----------------------------------------------------------------------------
@organizer_only
async def reload(update: Update, context: BotContext) -> None:
    """/muatulang: validate the data file and show what would change."""
    found = await changes.preview_reload(context.services)
    if found.proposal is not None:
        await send(update, _preview_reply(context, found.proposal,
                                          (cb.ORG_RELOAD, found.digest)))
    elif found.error is not None:
        await send(update, Reply(escape(found.error)))
    else:
        await send(update, render_changes.data_errors(list(found.problems), context.t))


@organizer_only
async def reload_button(update: Update, context: BotContext) -> None:
    """ol:<digest>: apply the file previewed (if it has not changed since)."""
    applied = await changes.apply_reload(context.services, deliveries(context), user_id(update),
                                         callback_arg(update))
    await _show_applied(update, context, applied)


# -- /ubah ---------------------------------------------------------------------------------
@organizer_only
async def change(update: Update, context: BotContext) -> None:
    """/ubah: pick a session; or `/ubah <id> 14.30`, `/ubah <id> 2019-10-17 14.30`,
    `/ubah <id> tempat <venue>`."""
    args = context.args or []
    event, t = context.event, context.t
    if not args:
        await send(update, render_changes.sessions_to_edit(event, t))
        return
    session = event.session(args[0])
    if session is None:
        choose = render_changes.sessions_to_edit(event, t)
        await send(update, Reply(t.gettext("Sesi “{id}” tidak ada. Pilih dari daftar:").format(
            id=escape(args[0][:30])) + "\n\n" + choose.text, choose.markup))
        return
    rest = args[1:]
    if len(rest) == 2 and rest[0].lower() in ("tempat", "venue"):
        await _preview_change(update, context, session.id, venue=rest[1])
        return
    day = session.start.date()
    if len(rest) == 2:
        try:
            day = datetime.strptime(rest[0], "%Y-%m-%d").date()
        except ValueError:
            rest = []
        rest = rest[1:]
    match = _TIME.match(rest[0]) if len(rest) == 1 else None
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        start = datetime.combine(day, time(int(match[1]), int(match[2])), tzinfo=event.timezone)
        await _preview_change(update, context, session.id, start=start)
        return
    await send(update, render_changes.edit_menu(event, session, t))


@organizer_only
async def change_button(update: Update, context: BotContext) -> None:
    """oe/om/ov/oy: the /ubah steps."""
    query = update.callback_query
    action = cb.decode(query.data if query else None).action
    arg = callback_arg(update)
    event = context.event
    if action == cb.ORG_EDIT_SESSION:
        session = event.session(arg)
        if session is None:
            await gone(update, context)
            return
        await show(update, render_changes.edit_menu(event, session, context.t))
        return
    sid, _, rest = arg.partition(":")
    kind, _, value = rest.partition(":")
    if action == cb.ORG_EDIT_MOVE and (start := _timestamp(rest, event.timezone)):
        await _preview_change(update, context, sid, start=start)
    elif action == cb.ORG_EDIT_VENUE:
        await _preview_change(update, context, sid, venue=rest)
    elif action == cb.ORG_EDIT_APPLY and kind == "t" and (
            start := _timestamp(value, event.timezone)):
        await _show_applied(update, context, await changes.apply_change(
            context.services, deliveries(context), user_id(update), sid, start=start))
    elif action == cb.ORG_EDIT_APPLY and kind == "v":
        await _show_applied(update, context, await changes.apply_change(
            context.services, deliveries(context), user_id(update), sid, venue=value))
    else:
        await gone(update, context)


async def _preview_change(
    update: Update, context: BotContext, session_id: str,
    start: datetime | None = None, venue: str | None = None,
) -> None:
    proposal = await changes.preview_change(context.services, session_id, start, venue)
    if proposal is None:
        await (gone(update, context) if update.callback_query else send(update, Reply(
            context.t.gettext(
                "Perubahan itu tidak bisa dibuat (sesi atau tempat tidak dikenal)."))))
        return
    confirm = f"{session_id}:t:{int(start.timestamp())}" if start else f"{session_id}:v:{venue}"
    await show(update, _preview_reply(context, proposal, (cb.ORG_EDIT_APPLY, confirm)))


@organizer_only
async def dismiss(update: Update, context: BotContext) -> None:
    """oq: close a preview; nothing changes."""
    await show(update, Reply(context.t.gettext("Ditutup; tidak ada yang diubah.")))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(["muatulang", "reload"], reload),
    CommandHandler(["ubah", "change"], change),
    CallbackQueryHandler(reload_button, pattern=f"^{cb.ORG_RELOAD}:"),
    CallbackQueryHandler(
        change_button,
        pattern=f"^({cb.ORG_EDIT_SESSION}|{cb.ORG_EDIT_MOVE}|{cb.ORG_EDIT_VENUE}"
                f"|{cb.ORG_EDIT_APPLY}):"),
    CallbackQueryHandler(dismiss, pattern=f"^{cb.ORG_DISMISS}$"),
]
