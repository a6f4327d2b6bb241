"""Announcements: /umumkan (compose, choose the audience, preview, send), the delivery report,
read receipts, and /pengumuman (the latest, for everyone)."""

from __future__ import annotations

import contextlib
import warnings
from typing import Any

from telegram import Message, Update
from telegram.constants import ParseMode
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
from bot import commands, render_info, render_organizer
from bot.context import BotContext
from bot.features import announcements
from bot.features.organizers import is_organizer
from bot.render import Reply
from handlers.common import (
    answer,
    callback_arg,
    deliveries,
    gone,
    organizer_only,
    send,
    show,
    user_id,
)

COMPOSE = 0



# -- composing -----------------------------------------------------------------------------
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
    if message is None or not await is_organizer(context.services, user_id(update)):
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
    draft_id = await announcements.create_draft(
        context.services, user_id(update), html_text, media_kind, media_id)
    await send(update, await _audience_menu(context, draft_id))
    return ConversationHandler.END


async def compose_cancel(update: Update, context: BotContext) -> int:
    await send(update, render_organizer.compose_cancelled(context.t))
    return ConversationHandler.END


async def _audience_menu(context: BotContext, draft_id: int) -> Reply:
    counts = await announcements.audience_counts(context.services)
    return render_organizer.audience_menu(draft_id, counts.counts, counts.linked, context.t,
                                          tour=context.event.has_tour)


# -- the draft's buttons -------------------------------------------------------------------
@organizer_only
async def audience_button(update: Update, context: BotContext) -> None:
    """oa:<id>:<choice>: pick or refine the audience, then preview."""
    head, _, rest = callback_arg(update).partition(":")
    draft = await announcements.open_draft(context.services, head)
    if draft is None:
        await gone(update, context)
        return
    event, t = context.event, context.t
    choice, _, value = rest.partition(":")
    if choice == "sess":
        await show(update, render_organizer.session_picker(
            draft.id, event, await announcements.session_counts(context.services), t))
    elif choice == "reg":
        await show(update, render_organizer.region_picker(
            draft.id, event, await announcements.region_counts(context.services), t))
    elif choice == "menu":
        await show(update, await _audience_menu(context, draft.id))
    elif (audience := announcements.resolve_audience(event, choice, value)) is None:
        await gone(update, context)
    else:
        await announcements.set_audience(context.services, draft.id, audience)
        await _preview(update, context, draft.id)


async def _preview(update: Update, context: BotContext, draft_id: int) -> None:
    found = await announcements.preview(context.services, draft_id)
    await show(update, render_organizer.preview(
        found.draft, context.event, found.reachable, found.unreachable, context.t,
        paid_stars=found.paid_stars))


@organizer_only
async def urgent_button(update: Update, context: BotContext) -> None:
    """ou:<id>: toggle "urgent" on a draft."""
    draft = await announcements.open_draft(context.services, callback_arg(update),
                                           with_audience=True)
    if draft is None:
        await gone(update, context)
        return
    await announcements.toggle_urgent(context.services, draft)
    await _preview(update, context, draft.id)


@organizer_only
async def discard_button(update: Update, context: BotContext) -> None:
    """ox:<id>: cancel a draft."""
    await announcements.discard(context.services, callback_arg(update))
    await show(update, render_organizer.compose_cancelled(context.t))


@organizer_only
async def send_button(update: Update, context: BotContext) -> None:
    """os:<id>: queue the announcement for every reachable recipient and start sending."""
    query = update.callback_query
    draft = await announcements.open_draft(context.services, callback_arg(update),
                                           with_audience=True)
    t = context.t
    if query is None or not isinstance(query.message, Message) or draft is None:
        await gone(update, context)
        return
    recipients = await announcements.recipients(context.services, draft.audience)
    if not recipients:
        await answer(query, t.gettext("Tidak ada penerima."), show_alert=True)
        return
    await answer(query)
    # The preview message becomes the live progress message (the sender edits it).
    progress = render_organizer.delivery_progress(
        draft, announcements.empty_report(len(recipients)), t)
    await query.edit_message_text(progress.text, parse_mode=ParseMode.HTML)
    await announcements.queue(context.services, deliveries(context), draft, recipients,
                              user_id(update), (query.message.chat.id, query.message.message_id))


@organizer_only
async def report_button(update: Update, context: BotContext) -> None:
    """op:<id>: the delivery report now (who has not confirmed yet, for urgent ones)."""
    found = await announcements.report(context.services, callback_arg(update))
    if found is None:
        await gone(update, context)
        return
    reply = render_organizer.delivery_report(
        found.announcement, found.report, found.unread, context.t)
    query = update.callback_query
    if query is not None and isinstance(query.message, Message) and query.message.text:
        await answer(query)
        # "Message is not modified" just means there is nothing new to show.
        with contextlib.suppress(TelegramError):
            await query.edit_message_text(
                reply.text, parse_mode=ParseMode.HTML, reply_markup=reply.markup)
        return
    await show(update, reply)


# -- for everyone --------------------------------------------------------------------------
async def read_button(update: Update, context: BotContext) -> None:
    """or:<id>: a recipient confirms an urgent announcement (anyone: only their own row)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    if await announcements.mark_read(context.services, callback_arg(update), user.id):
        await answer(query, context.t.gettext("Terima kasih, sudah dicatat. 🙏"))
        if isinstance(query.message, Message):
            await query.edit_message_reply_markup(reply_markup=None)
        return
    await answer(query)


async def latest(update: Update, context: BotContext) -> None:
    """/pengumuman: the latest announcements (for everyone)."""
    user = update.effective_user
    items = await announcements.latest(context.services, user.id if user else 0)
    if not items:
        await show(update, render_info.announcements_view(context.t))
        return
    await show(update, render_organizer.latest_announcements(items, context.t,
                                                             context.event.timezone))


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
    CommandHandler(commands.names(commands.ANNOUNCEMENTS), latest),
    CallbackQueryHandler(read_button, pattern=f"^{cb.ORG_READ}:"),
    CallbackQueryHandler(audience_button, pattern=f"^{cb.ORG_AUDIENCE}:"),
    CallbackQueryHandler(urgent_button, pattern=f"^{cb.ORG_URGENT}:"),
    CallbackQueryHandler(discard_button, pattern=f"^{cb.ORG_DISCARD}:"),
    CallbackQueryHandler(send_button, pattern=f"^{cb.ORG_SEND}:"),
    CallbackQueryHandler(report_button, pattern=f"^{cb.ORG_REPORT}:"),
]
