"""Organizer roles: /admin (the list, invites, revoking) and /hubungkan (link a group).

Every organizer command goes through `organizer_only`: anyone else gets a polite refusal in
their language, and the handler never runs. Redeeming an invite is `/start org_…`
(handlers/start.py).
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import BaseHandler, CommandHandler

from bot import callbacks as cb
from bot import render_organizer
from bot.context import BotContext
from bot.features import organizers
from bot.features.organizers import Revoked
from bot.render import Reply, deep_link
from handlers.common import is_private, organizer_only, send, user_id


@organizer_only
async def admin(update: Update, context: BotContext) -> None:
    """/admin: organizers; `/admin undang` invites one; `/admin cabut <id>` revokes one."""
    args = [a.lower() for a in (context.args or [])]
    if args and args[0] in ("undang", "invite"):
        await _invite(update, context)
    elif args and args[0] in ("cabut", "revoke"):
        await _revoke(update, context, args[1] if len(args) > 1 else "")
    else:
        roster = await organizers.roster(context.services)
        await send(update, render_organizer.organizers_view(
            roster.configured, roster.invited, roster.pending_invites, roster.linked, context.t))


async def _invite(update: Update, context: BotContext) -> None:
    t = context.t
    if not is_private(update):
        await send(update, Reply(t.gettext("Buat undangan di chat pribadi dengan bot, "
                                           "agar kodenya tidak terbaca orang lain.")))
        return
    invite = await organizers.create_invite(context.services, user_id(update))
    link = deep_link(context.bot.username, invite.code)
    await send(update, render_organizer.invite_view(link, invite.code, invite.expires, t))


async def _revoke(update: Update, context: BotContext, target: str) -> None:
    t = context.t
    who = cb.number(target)
    if who is None:
        await send(update, Reply(t.gettext("Tulis: <code>/admin cabut &lt;user_id&gt;</code>")))
        return
    revoked = await organizers.revoke(context.services, who, user_id(update))
    if revoked is Revoked.CONFIGURED:
        text = t.gettext("Panitia {id} diatur di konfigurasi (BOT_ADMINS) dan tidak bisa "
                         "dicabut di sini.")
    elif revoked is Revoked.DONE:
        text = t.gettext("Peran panitia {id} dicabut.")
    else:
        text = t.gettext("{id} bukan panitia undangan.")
    await send(update, Reply(text.format(id=who)))


@organizer_only
async def link_chat(update: Update, context: BotContext) -> None:
    """/hubungkan in a group: announcements can go there too."""
    chat = update.effective_chat
    t = context.t
    if chat is None or chat.type == ChatType.PRIVATE:
        await send(update, Reply(t.gettext(
            "Jalankan /hubungkan di grup acara (setelah bot ditambahkan ke grup itu).")))
        return
    await organizers.link_chat(context.services, chat.id, chat.title or str(chat.id), chat.type,
                               user_id(update))
    await send(update, Reply(t.gettext(
        "✅ Grup ini tertaut: pengumuman panitia bisa dikirim ke sini.")))


HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("admin", admin),
    CommandHandler(["hubungkan", "link"], link_chat),
]
