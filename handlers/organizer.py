"""Organizer tools: roles, announcements, programme changes and reports.

Every organizer command and button goes through `organizer_only`: anyone else gets a polite
refusal in their language, and the handler never runs. Organizers are the user ids in
BOT_ADMINS plus those who redeemed an invite (`/admin undang`). Actions that change
something, or take data out, are written to the audit table.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import re
import secrets
import warnings
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import datetime, time, timedelta
from html import escape
from typing import Any, TypeVar

from telegram import InputFile, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot import callbacks as cb
from bot import commands, outbox, render, render_delegate, render_organizer, scheduler
from bot.changes import RewriteError, affects_delegates, diff_events, rewrite_session
from bot.context import BotContext
from bot.filewatch import file_digest, load_as_running
from bot.loader import EventDataError
from bot.model import Event, SessionKind
from bot.render import Reply
from bot.render_organizer import (
    ALL,
    LINKED,
    ORGANIZERS,
    REGION_PREFIX,
    SESSION_PREFIX,
    TOUR,
)
from bot.storage.delegates import ROLES
from bot.storage.organizers import Announcement, DeliveryReport
from handlers.common import answer, callback_arg, is_private, send, set_default_menus, show

log = logging.getLogger(__name__)

R = TypeVar("R")
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, R]]

INVITE_PREFIX = "org_"
INVITE_VALID = timedelta(hours=24)
COMPOSE = 0


# -- roles ---------------------------------------------------------------------------------------
async def is_organizer(context: BotContext, user_id: int) -> bool:
    return user_id in context.services.settings.admins or await context.repo.is_invited_organizer(
        user_id
    )


async def refuse(update: Update, context: BotContext) -> None:
    text = render_organizer.refused(context.t)
    query = update.callback_query
    if query is not None:
        await answer(query, text, show_alert=True)
    else:
        await send(update, Reply(text))


def organizer_only(handler: Handler[R]) -> Handler[R | None]:
    """Run `handler` only for organizers; refuse everyone else (nothing else happens)."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> R | None:
        user = update.effective_user
        if user is None or not await is_organizer(context, user.id):
            log.info("refused organizer action to %s", user.id if user else None)
            await refuse(update, context)
            return None
        return await handler(update, context)

    return guarded


def _user_id(update: Update) -> int:
    user = update.effective_user
    assert user is not None  # organizer_only has checked
    return user.id



async def _announcement(context: BotContext, arg: str) -> Announcement | None:
    """The announcement a button's argument names (None for anything else)."""
    announcement_id = cb.number(arg)
    return None if announcement_id is None else await context.repo.get_announcement(
        announcement_id)


def _timestamp(text: str, event: Event) -> datetime | None:
    """A Unix time from button data as an event-local time; None if it is not one."""
    seconds = cb.number(text.removeprefix("-"))
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(-seconds if text.startswith("-") else seconds,
                                      event.timezone)
    except (OverflowError, OSError, ValueError):  # beyond the years datetime can hold
        return None


# -- /admin ---------------------------------------------------------------------------------------
@organizer_only
async def admin(update: Update, context: BotContext) -> None:
    """/admin: organizers; `/admin undang` invites one; `/admin cabut <id>` revokes one."""
    args = [a.lower() for a in (context.args or [])]
    if args and args[0] in ("undang", "invite"):
        await _invite(update, context)
    elif args and args[0] in ("cabut", "revoke"):
        await _revoke(update, context, args[1] if len(args) > 1 else "")
    else:
        repo = context.repo
        configured = []
        for user_id in sorted(context.services.settings.admins):
            row = await repo.get_user(user_id)
            configured.append((user_id, row.first_name if row else None))
        await send(update, render_organizer.organizers_view(
            configured, await repo.invited_organizers(), await repo.pending_invites(
                context.now()), await repo.linked_chats(), context.t))


async def _invite(update: Update, context: BotContext) -> None:
    t = context.t
    if not is_private(update):
        await send(update, Reply(t.gettext("Buat undangan di chat pribadi dengan bot, "
                                           "agar kodenya tidak terbaca orang lain.")))
        return
    code = INVITE_PREFIX + secrets.token_urlsafe(18)
    now = context.now()
    expires = now + INVITE_VALID
    # Only a hash is stored: whoever reads the database cannot use pending invites.
    await context.repo.create_invite(_hash(code), _user_id(update), now, expires)
    await context.repo.audit(_user_id(update), "invite_created", {"expires": expires.isoformat()})
    link = f"https://t.me/{context.bot.username}?start={code}"
    await send(update, render_organizer.invite_view(link, code, expires, t))


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


async def _revoke(update: Update, context: BotContext, target: str) -> None:
    t = context.t
    user_id = cb.number(target)
    if user_id is None:
        await send(update, Reply(t.gettext("Tulis: <code>/admin cabut &lt;user_id&gt;</code>")))
        return
    if user_id in context.services.settings.admins:
        await send(update, Reply(t.gettext(
            "Panitia {id} diatur di konfigurasi (BOT_ADMINS) dan tidak bisa dicabut di sini."
        ).format(id=user_id)))
        return
    if await context.repo.revoke_organizer(user_id, _user_id(update), context.now()):
        await context.repo.audit(_user_id(update), "organizer_revoked", {"user_id": user_id})
        await send(update, Reply(t.gettext("Peran panitia {id} dicabut.").format(id=user_id)))
    else:
        await send(update, Reply(t.gettext("{id} bukan panitia undangan.").format(id=user_id)))


async def redeem(update: Update, context: BotContext) -> bool:
    """`/start org_…` (the invite deep link). False when the argument is not an invite."""
    user = update.effective_user
    if not context.args or not context.args[0].startswith(INVITE_PREFIX) or user is None:
        return False
    if not is_private(update):
        return False
    if await is_organizer(context, user.id):
        result = "already"
    else:
        result = await context.repo.redeem_invite(_hash(context.args[0]), user.id, context.now())
        if result == "ok":
            await context.repo.audit(user.id, "invite_redeemed", {})
        else:
            log.info("invite refused to %s: %s", user.id, result)
    await send(update, render_organizer.redeemed(result, context.t))
    return True


# -- /hubungkan -----------------------------------------------------------------------------------
@organizer_only
async def link_chat(update: Update, context: BotContext) -> None:
    """/hubungkan in a group: announcements can go there too."""
    chat = update.effective_chat
    t = context.t
    if chat is None or chat.type == ChatType.PRIVATE:
        await send(update, Reply(t.gettext(
            "Jalankan /hubungkan di grup acara (setelah bot ditambahkan ke grup itu).")))
        return
    await context.repo.link_chat(chat.id, chat.title or str(chat.id), chat.type, _user_id(update))
    await context.repo.audit(_user_id(update), "chat_linked", {"chat_id": chat.id})
    await send(update, Reply(t.gettext(
        "✅ Grup ini tertaut: pengumuman panitia bisa dikirim ke sini.")))


# -- /umumkan: composing --------------------------------------------------------------------------
@organizer_only
async def compose(update: Update, context: BotContext) -> int:
    """/umumkan: ask for the text (or a photo/document with a caption)."""
    await send(update, render_organizer.compose_prompt(context.t))
    return COMPOSE


async def compose_elsewhere(update: Update, context: BotContext) -> None:
    """/umumkan in a group: composing happens in private."""
    await send(update, Reply(context.t.gettext(
        "Tulis pengumuman di chat pribadi dengan bot: kirim /umumkan di sana.")))


async def composed(update: Update, context: BotContext) -> int:
    """The announcement's content: store a draft and ask for the audience."""
    message = update.effective_message
    t = context.t
    if message is None or not await is_organizer(context, _user_id(update)):
        return ConversationHandler.END  # revoked meanwhile
    media_kind = media_id = None
    if message.photo:
        media_kind, media_id = "photo", message.photo[-1].file_id
    elif message.document:
        media_kind, media_id = "document", message.document.file_id
    if media_kind:
        plain, html_text = message.caption or "", message.caption_html or ""
        limit = render_organizer.MAX_CAPTION
    else:
        plain, html_text = message.text or "", message.text_html or ""
        limit = render_organizer.MAX_ANNOUNCEMENT
    if len(plain) > limit:
        await send(update, render_organizer.compose_too_long(limit, t))
        return COMPOSE
    if not plain.strip() and not media_kind:
        await send(update, render_organizer.compose_prompt(t))
        return COMPOSE
    announcement_id = await context.repo.create_announcement(
        _user_id(update), html_text, media_kind, media_id
    )
    await send(update, await _audience_menu(context, announcement_id))
    return ConversationHandler.END


async def compose_cancel(update: Update, context: BotContext) -> int:
    await send(update, render_organizer.compose_cancelled(context.t))
    return ConversationHandler.END


async def _audience_menu(context: BotContext, announcement_id: int) -> Reply:
    counts = {
        ALL: len(await _recipients(context, ALL)),
        TOUR: len(await _recipients(context, TOUR)),
        ORGANIZERS: len(await _recipients(context, ORGANIZERS)),
    }
    linked = len(await context.repo.linked_chats())
    return render_organizer.audience_menu(
        announcement_id, counts, linked, context.t, tour=context.event.has_tour
    )


async def _audience(context: BotContext, audience: str) -> list[tuple[int, bool]]:
    """(chat id, reachable) of everyone an audience names."""
    repo, event = context.repo, context.event
    if audience == ALL:
        return await repo.audience_registered()
    if audience == TOUR:
        tours = [s.id for s in event.sessions if s.kind is SessionKind.TOUR]
        return await repo.audience_sessions(tours)
    if audience.startswith(SESSION_PREFIX):
        return await repo.audience_sessions([audience.removeprefix(SESSION_PREFIX)])
    if audience.startswith(REGION_PREFIX):
        return await repo.audience_region(audience.removeprefix(REGION_PREFIX))
    if audience == ORGANIZERS:
        invited = [o.user_id for o in await repo.invited_organizers()]
        return await repo.users_active([*context.services.settings.admins, *invited])
    if audience == LINKED:
        return [(c.chat_id, True) for c in await repo.linked_chats()]
    return []


async def _recipients(context: BotContext, audience: str) -> list[int]:
    return [chat_id for chat_id, reachable in await _audience(context, audience) if reachable]


# -- /umumkan: buttons ----------------------------------------------------------------------------
_AUDIENCE_KEYS = {"all": ALL, "tour": TOUR, "org": ORGANIZERS, "grp": LINKED}


@organizer_only
async def audience_button(update: Update, context: BotContext) -> None:
    """oa:<id>:<choice>: pick or refine the audience, then preview."""
    head, _, rest = callback_arg(update).partition(":")
    draft = await _announcement(context, head)
    if draft is None or draft.status != "draft":
        await _gone(update, context)
        return
    event, t = context.event, context.t
    choice, _, value = rest.partition(":")
    audience: str | None = None
    if choice in _AUDIENCE_KEYS:
        audience = _AUDIENCE_KEYS[choice]
    elif choice == "s" and event.session(value) is not None:
        audience = SESSION_PREFIX + value
    elif choice == "r" and (index := cb.number(value)) is not None and index < len(
            event.regions):
        audience = REGION_PREFIX + event.regions[index]
    elif choice == "sess":
        await show(update, render_organizer.session_picker(
            draft.id, event, await context.repo.rsvp_counts(), t))
        return
    elif choice == "reg":
        await show(update, render_organizer.region_picker(
            draft.id, event, await context.repo.registrations_by("region"), t))
        return
    elif choice == "menu":
        await show(update, await _audience_menu(context, draft.id))
        return
    if audience is None:
        await _gone(update, context)
        return
    await context.repo.update_draft(draft.id, audience=audience)
    await _preview(update, context, draft.id)


async def _preview(update: Update, context: BotContext, announcement_id: int) -> None:
    draft = await context.repo.get_announcement(announcement_id)
    assert draft is not None
    everyone = await _audience(context, draft.audience)
    reachable = sum(1 for _, ok in everyone if ok)
    await show(update, render_organizer.preview(
        draft, context.event, reachable, len(everyone) - reachable, context.t))


@organizer_only
async def urgent_button(update: Update, context: BotContext) -> None:
    """ou:<id>: toggle "urgent" on a draft."""
    arg = callback_arg(update)
    draft = await _announcement(context, arg)
    if draft is None or draft.status != "draft" or not draft.audience:
        await _gone(update, context)
        return
    await context.repo.update_draft(draft.id, urgent=not draft.urgent)
    await _preview(update, context, draft.id)


@organizer_only
async def discard_button(update: Update, context: BotContext) -> None:
    """ox:<id>: cancel a draft."""
    arg = callback_arg(update)
    if (announcement_id := cb.number(arg)) is not None:
        await context.repo.cancel_draft(announcement_id)
    await show(update, render_organizer.compose_cancelled(context.t))


@organizer_only
async def send_button(update: Update, context: BotContext) -> None:
    """os:<id>: queue the announcement for every reachable recipient and start sending."""
    query = update.callback_query
    arg = callback_arg(update)
    draft = await _announcement(context, arg)
    t = context.t
    if (query is None or not isinstance(query.message, Message) or draft is None
            or draft.status != "draft" or not draft.audience):
        await _gone(update, context)
        return
    recipients = await _recipients(context, draft.audience)
    if not recipients:
        await answer(query, t.gettext("Tidak ada penerima."), show_alert=True)
        return
    await answer(query)
    # The preview message becomes the live progress message (the sender edits it).
    progress = render_organizer.delivery_progress(
        draft, _empty_report(len(recipients)), t)
    await query.edit_message_text(progress.text, parse_mode=ParseMode.HTML)
    queued = await context.repo.queue_announcement(
        draft.id, recipients, query.message.chat.id, query.message.message_id)
    if not queued:
        return  # pressed twice: the first press queued it
    await context.repo.audit(_user_id(update), "announcement_sent", {
        "id": draft.id, "audience": draft.audience, "recipients": len(recipients),
        "urgent": draft.urgent})
    outbox.wake(context.app)


def _empty_report(total: int) -> DeliveryReport:
    return DeliveryReport(total, total, 0, 0, 0, 0, 0, {}, 0)


@organizer_only
async def report_button(update: Update, context: BotContext) -> None:
    """op:<id>: the delivery report now (who has not confirmed yet, for urgent ones)."""
    arg = callback_arg(update)
    announcement = await _announcement(context, arg)
    if announcement is None or announcement.status not in ("sending", "done"):
        await _gone(update, context)
        return
    report = await context.repo.delivery_report(announcement.id)
    unread = await context.repo.unread_recipients(announcement.id)
    reply = render_organizer.delivery_report(announcement, report, unread, context.t)
    query = update.callback_query
    if query is not None and isinstance(query.message, Message) and query.message.text:
        await answer(query)
        # "Message is not modified" just means there is nothing new to show.
        with contextlib.suppress(TelegramError):
            await query.edit_message_text(
                reply.text, parse_mode=ParseMode.HTML, reply_markup=reply.markup)
        return
    await show(update, reply)


async def read_button(update: Update, context: BotContext) -> None:
    """or:<id>: a recipient confirms an urgent announcement (anyone: only their own row)."""
    query, user = update.callback_query, update.effective_user
    arg = callback_arg(update)
    if query is None or user is None:
        return
    announcement_id = cb.number(arg)
    if announcement_id is not None and await context.repo.mark_read(announcement_id, user.id):
        await answer(query, context.t.gettext("Terima kasih, sudah dicatat. 🙏"))
        if isinstance(query.message, Message):
            await query.edit_message_reply_markup(reply_markup=None)
        return
    await answer(query)


async def latest(update: Update, context: BotContext) -> None:
    """/pengumuman: the latest announcements (for everyone)."""
    user = update.effective_user
    items = await context.repo.latest_announcements(user.id if user else 0)
    if not items:
        await show(update, render.announcements_view(context.t))
        return
    await show(update, render_organizer.latest_announcements(items, context.t))


async def _gone(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is not None:
        await answer(query, context.t.gettext("Tombol ini sudah tidak berlaku."), show_alert=True)


@organizer_only
async def dismiss(update: Update, context: BotContext) -> None:
    """oq: close a preview; nothing changes."""
    await show(update, Reply(context.t.gettext("Ditutup; tidak ada yang diubah.")))


@organizer_only
async def stale(update: Update, context: BotContext) -> None:
    """Any other organizer button (old or forged data)."""
    await _gone(update, context)


# -- /muatulang -----------------------------------------------------------------------------------
async def _affected(context: BotContext, before: Event, after: Event) -> int:
    """Delegates with an RSVP to a session that moved, changed venue or was cancelled."""
    touched = {c.session_id for c in diff_events(before, after) if affects_delegates(c)}
    if not touched:
        return 0
    return len(await context.repo.audience_sessions(sorted(touched)))


@organizer_only
async def reload(update: Update, context: BotContext) -> None:
    """/muatulang: validate the data file and show what would change."""
    path = context.services.settings.event_file
    try:
        new = load_as_running(path, context.event)
        digest = file_digest(path) or ""
    except EventDataError as exc:
        await send(update, render_organizer.data_errors(exc.problems, context.t))
        return
    except OSError as exc:
        await send(update, Reply(escape(str(exc))))
        return
    old = context.event
    changes = diff_events(old, new)
    await send(update, render_organizer.changes_preview(
        changes, old, new, await _affected(context, old, new),
        (render_organizer.RELOAD, digest), context.t))


@organizer_only
async def reload_button(update: Update, context: BotContext) -> None:
    """ol:<digest>: apply the file previewed (if it has not changed since)."""
    path = context.services.settings.event_file
    t = context.t
    try:
        new = load_as_running(path, context.event)
        digest = file_digest(path) or ""
    except (EventDataError, OSError):
        await show(update, Reply(t.gettext("File data berubah dan tidak valid lagi; "
                                           "jalankan /muatulang sekali lagi.")))
        return
    if digest != callback_arg(update):
        await show(update, Reply(t.gettext(
            "File data sudah berubah sejak pratinjau; jalankan /muatulang sekali lagi.")))
        return
    notices = await _apply(update, context, new, "reload", {"digest": digest})
    await show(update, render_organizer.change_applied(notices, t))


async def _apply(
    update: Update, context: BotContext, new: Event, action: str, details: dict[str, Any]
) -> int:
    """Swap in the new programme; the scheduler tells the affected delegates and moves their
    reminders. Returns how many notices were planned."""
    old = context.services.event
    changes = diff_events(old, new)
    context.services.event = new
    if commands.menu_for(old) != commands.menu_for(new):
        # A tour, contacts or FAQ came or went: Telegram's command menus follow.
        await set_default_menus(context.bot, context.services.i18n, new)
    # The file as applied: the watcher (bot/filewatch.py) need not tell anyone about it.
    context.services.event_digest = file_digest(context.services.settings.event_file)
    notices = await scheduler.apply_event_change(context.app, old, new)
    await context.repo.audit(_user_id(update), action, {
        **details, "changes": [f"{c.kind}:{c.session_id}" for c in changes],
        "notices": notices})
    return notices


# -- /ubah ----------------------------------------------------------------------------------------
_TIME = re.compile(r"^(\d{1,2})[.:](\d{2})$")


@organizer_only
async def change(update: Update, context: BotContext) -> None:
    """/ubah: pick a session; or `/ubah <id> 14.30`, `/ubah <id> 2019-10-17 14.30`,
    `/ubah <id> tempat <venue>`."""
    args = context.args or []
    event, t = context.event, context.t
    if not args:
        await send(update, render_organizer.sessions_to_edit(event, t))
        return
    session = event.session(args[0])
    if session is None:
        choose = render_organizer.sessions_to_edit(event, t)
        await send(update, Reply(t.gettext("Sesi «{id}» tidak ada. Pilih dari daftar:").format(
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
    await send(update, render_organizer.edit_menu(event, session, t))


@organizer_only
async def change_button(update: Update, context: BotContext) -> None:
    """oe/om/ov/oy: the /ubah steps."""
    query = update.callback_query
    action = cb.decode(query.data if query else None).action
    arg = callback_arg(update)
    event = context.event
    if action == render_organizer.EDIT_SESSION:
        session = event.session(arg)
        if session is None:
            await _gone(update, context)
            return
        await show(update, render_organizer.edit_menu(event, session, context.t))
        return
    sid, _, rest = arg.partition(":")
    if action == render_organizer.EDIT_MOVE and (start := _timestamp(rest, event)):
        await _preview_change(update, context, sid, start=start)
    elif action == render_organizer.EDIT_VENUE:
        await _preview_change(update, context, sid, venue=rest)
    elif action == render_organizer.EDIT_APPLY:
        kind, _, value = rest.partition(":")
        if kind == "t" and (start := _timestamp(value, event)):
            await _apply_change(update, context, sid, start=start)
        elif kind == "v":
            await _apply_change(update, context, sid, venue=value)
        else:
            await _gone(update, context)
    else:
        await _gone(update, context)


def _changed_event(
    event: Event, session_id: str, start: datetime | None, venue: str | None
) -> tuple[Event, dict[str, Any]] | None:
    """The event with one session moved (same duration) or relocated, and the values to
    write back; None if that is not a valid change."""
    session = event.session(session_id)
    if session is None:
        return None
    values: dict[str, Any] = {}
    new = session
    if start is not None:
        delta = start - session.start
        try:
            new = replace(session, start=start, end=session.end + delta,
                          gather=session.gather + delta if session.gather else None)
        except OverflowError:  # moved to the end of year 9999: not a change anyone means
            return None
        values = {"start": new.start, "end": new.end}
        if new.gather is not None:
            values["gather"] = new.gather
    if venue is not None:
        if event.venue(venue) is None:
            return None
        new = replace(new, venue_id=venue)
        values["venue"] = venue
    sessions = tuple(sorted((new if s.id == session_id else s for s in event.sessions),
                            key=lambda s: s.start))
    return replace(event, sessions=sessions, _by_id={}), values


async def _preview_change(
    update: Update, context: BotContext, session_id: str,
    start: datetime | None = None, venue: str | None = None,
) -> None:
    event, t = context.event, context.t
    result = _changed_event(event, session_id, start, venue)
    if result is None:
        await (_gone(update, context) if update.callback_query else send(update, Reply(
            t.gettext("Perubahan itu tidak bisa dibuat (sesi atau tempat tidak dikenal)."))))
        return
    after, _values = result
    confirm = f"{session_id}:t:{int(start.timestamp())}" if start else f"{session_id}:v:{venue}"
    await show(update, render_organizer.changes_preview(
        diff_events(event, after), event, after, await _affected(context, event, after),
        (render_organizer.EDIT_APPLY, confirm), t))


async def _apply_change(
    update: Update, context: BotContext, session_id: str,
    start: datetime | None = None, venue: str | None = None,
) -> None:
    """Write the change into the data file (validated), then apply it like a reload."""
    t = context.t
    path = context.services.settings.event_file
    running = context.event
    shift = running.shift  # non-zero in a --shift-to rehearsal
    try:
        on_disk = load_as_running(path, running)
    except EventDataError:
        on_disk = None
    if on_disk is None or diff_events(running, on_disk):
        # Writing now would also publish the file's unreviewed edits (or a broken file).
        await show(update, Reply(t.gettext(
            "File data berbeda dengan jadwal yang berjalan. Jalankan /muatulang dulu.")))
        return
    result = _changed_event(on_disk, session_id, start, venue)
    if result is None:
        await _gone(update, context)
        return
    _after, values = result
    # The file keeps the real dates: a rehearsal's edit is written back unshifted.
    written: dict[str, Any] = {
        k: v - shift if isinstance(v, datetime) else v for k, v in values.items()
    }
    try:
        text = rewrite_session(path.read_text(encoding="utf-8"), session_id, **written)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        temporary.write_text(text, encoding="utf-8")
        try:
            new = load_as_running(temporary, running)
            session = new.session(session_id)
            expected = _after.session(session_id)
            if session is None or expected is None or (
                    session.start, session.end, session.venue_id) != (
                    expected.start, expected.end, expected.venue_id):
                raise RewriteError("the rewritten file does not hold the change")
            os.replace(temporary, path)  # atomic: the file is either old or new, never half
        finally:
            temporary.unlink(missing_ok=True)
    except (RewriteError, EventDataError, OSError) as exc:
        log.warning("change of %s not written: %s", session_id, exc)
        await show(update, Reply(t.gettext(
            "Perubahan tidak bisa ditulis ke file data; tidak ada yang diubah.\n{error}").format(
            error=escape(str(exc)[:500]))))
        return
    notices = await _apply(update, context, new, "change", {
        "session": session_id, **{k: str(v) for k, v in values.items()}})
    await show(update, render_organizer.change_applied(notices, t))


# -- reports --------------------------------------------------------------------------------------
@organizer_only
async def stats(update: Update, context: BotContext) -> None:
    """/statistik."""
    repo, t = context.repo, context.t
    recent = []
    for announcement in await repo.recent_announcements(5):
        recent.append((announcement, await repo.delivery_report(announcement.id)))
    roles = {r: render_delegate.role_name(r, t) for r in ROLES}
    await send(update, render_organizer.stats_view(
        context.event, await repo.registrations_by("region"), await repo.registrations_by("role"),
        await repo.rsvp_counts(), recent, await repo.blocked_users(), roles, t))


@organizer_only
async def export(update: Update, context: BotContext) -> None:
    """/ekspor: CSV of registrations and RSVPs, to the organizer in private only."""
    t = context.t
    chat = update.effective_chat
    if chat is None or not is_private(update):
        await send(update, render_organizer.export_private_only(t))
        return
    repo, event = context.repo, context.event
    registrations = render_organizer.csv_bytes(
        ["user_id", "nama", "instansi", "daerah", "peran", "username", "bahasa", "aktif",
         "terdaftar"],
        await repo.export_registrations())
    rsvps = [
        (*row[:3], row[3], _title(event, row[3]), row[4], row[5])
        for row in await repo.export_rsvps()
    ]
    rsvp_file = render_organizer.csv_bytes(
        ["user_id", "nama", "instansi", "sesi", "judul", "status", "waktu"], rsvps)
    await context.repo.audit(_user_id(update), "export", {})
    name = context.event.id
    await chat.send_document(InputFile(registrations, filename=f"pendaftaran-{name}.csv"),
                             caption=t.gettext("Pendaftaran peserta (CSV)"))
    await chat.send_document(InputFile(rsvp_file, filename=f"rsvp-{name}.csv"),
                             caption=t.gettext("RSVP per sesi (CSV)"))


def _title(event: Event, session_id: str) -> str:
    session = event.session(session_id)
    return session.title.get("id") if session else session_id


# -- registration ------------------------------------------------------------------------------
private = filters.ChatType.PRIVATE
content = private & ((filters.TEXT & ~filters.COMMAND) | filters.PHOTO | filters.Document.ALL)

def conversation() -> ConversationHandler[BotContext]:
    """Composing an announcement; built per application (see registration.conversation)."""
    with warnings.catch_warnings():
        # Only a command and messages in this conversation, tracked per chat and user: PTB's
        # per_message warning is about CallbackQueryHandlers, which it has none of.
        warnings.filterwarnings("ignore", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler(["umumkan", "announce"], compose, private)],
            states={COMPOSE: [MessageHandler(content, composed)]},
            fallbacks=[CommandHandler(["batal", "cancel"], compose_cancel)],
            allow_reentry=True,
            name="announcement",
            persistent=True,  # an organizer half-way through keeps their place on restart
        )


#: Besides `conversation()`.
HANDLERS: list[BaseHandler[Update, BotContext, Any]] = [
    CommandHandler(["umumkan", "announce"], organizer_only(compose_elsewhere)),
    CommandHandler("admin", admin),
    CommandHandler(["hubungkan", "link"], link_chat),
    CommandHandler(commands.names(commands.ANNOUNCEMENTS), latest),
    CommandHandler(["muatulang", "reload"], reload),
    CommandHandler(["ubah", "change"], change),
    CommandHandler(["statistik", "stats"], stats),
    CommandHandler(["ekspor", "export"], export),
    CallbackQueryHandler(read_button, pattern=f"^{render_organizer.READ}:"),
    CallbackQueryHandler(audience_button, pattern=f"^{render_organizer.AUDIENCE}:"),
    CallbackQueryHandler(urgent_button, pattern=f"^{render_organizer.URGENT}:"),
    CallbackQueryHandler(discard_button, pattern=f"^{render_organizer.DISCARD}:"),
    CallbackQueryHandler(send_button, pattern=f"^{render_organizer.SEND}:"),
    CallbackQueryHandler(report_button, pattern=f"^{render_organizer.REPORT}:"),
    CallbackQueryHandler(reload_button, pattern=f"^{render_organizer.RELOAD}:"),
    CallbackQueryHandler(change_button, pattern="^o[emvy]:"),
    CallbackQueryHandler(dismiss, pattern=f"^{render_organizer.DISMISS}$"),
    # Any other "o…" data is an organizer button that no longer exists, or forged.
    CallbackQueryHandler(stale, pattern="^o"),
]

__all__ = ["HANDLERS", "conversation", "is_organizer", "organizer_only", "redeem"]
