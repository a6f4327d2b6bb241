"""Registration (name, instansi, role) as a conversation; /profil shows and edits it."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from html import escape
from typing import Any

from telegram import Update
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
from bot import commands, render, render_delegate, render_info
from bot.context import BotContext
from bot.features import delegates
from bot.regions import region_of_instansi
from bot.storage.delegates import ROLES
from handlers.common import (
    answer,
    callback_arg,
    deliveries,
    personal_outside_private,
    send,
    show,
)

NAME, INSTANSI, ROLE = range(3)
MAX_FIELD = 100
DRAFT = "registration"  # the user_data key of the draft while the conversation runs


@dataclass
class Draft:
    name: str = ""
    instansi: str = ""
    region: str | None = None
    suggestions: list[str] = field(default_factory=list)


def _draft(context: BotContext) -> Draft:
    draft = context.user_data.get(DRAFT) if context.user_data is not None else None
    if not isinstance(draft, Draft):
        draft = Draft()
        if context.user_data is not None:
            context.user_data[DRAFT] = draft
    return draft


async def begin(update: Update, context: BotContext) -> int:
    """/daftar (or the 📝 button): ask for the name."""
    if update.callback_query is not None:
        await answer(update.callback_query)
    if context.user_data is not None:
        context.user_data[DRAFT] = Draft()
    t = context.t
    await send(update, render.Reply(t.gettext(
        "📝 <b>Pendaftaran</b> (3 langkah, /batal untuk berhenti)\n\n"
        "1/3 — Siapa nama lengkap Anda?")))
    return NAME


async def got_name(update: Update, context: BotContext) -> int:
    """The name: then ask for the instansi, with suggestions from the event's regions."""
    message = update.effective_message
    text = (message.text or "").strip() if message else ""
    t = context.t
    if not text or len(text) > MAX_FIELD:
        await send(update, render.Reply(t.gettext(
            "Mohon tulis nama Anda (maksimal {n} karakter).").format(n=MAX_FIELD)))
        return NAME
    _draft(context).name = text
    await send(update, render.Reply(render_info.instansi_question(context.event, t)))
    return INSTANSI


async def got_instansi(update: Update, context: BotContext) -> int:
    """The instansi as typed: suggest matching regions, or accept the text as it is."""
    message = update.effective_message
    text = (message.text or "").strip() if message else ""
    t = context.t
    if not text or len(text) > MAX_FIELD:
        await send(update, render.Reply(t.gettext(
            "Mohon tulis instansi Anda (maksimal {n} karakter).").format(n=MAX_FIELD)))
        return INSTANSI
    draft = _draft(context)
    draft.instansi = text
    found = region_of_instansi(text, context.event.regions)
    draft.suggestions = list(found.regions[:4])
    if found.certain or not draft.suggestions:
        # The instansi is kept as typed; the region (for per-region announcements and the
        # bus seating) comes from it. Only a bare region name is saved as its proper name.
        draft.region = found.regions[0] if found.certain else None
        if found.only_region and draft.region is not None:
            draft.instansi = draft.region
        return await _ask_role(update, context)
    rows = [[render.button(r, cb.REG_INSTANSI, str(i))] for i, r in enumerate(draft.suggestions)]
    rows.append([render.button(t.gettext("Lainnya: pakai “{text}”").format(
        text=render.clip_words(text, 30)), cb.REG_INSTANSI, "-")])
    await send(update, render.Reply(
        t.gettext("Daerah Anda yang mana?"), render.keyboard(rows)))
    return INSTANSI


async def picked_instansi(update: Update, context: BotContext) -> int:
    """A suggested region (or "use my text")."""
    query = update.callback_query
    draft = _draft(context)
    arg = callback_arg(update)
    if query is not None:
        await answer(query)
    index = cb.number(arg)
    if index is not None and index < len(draft.suggestions):
        # The typed instansi stays ("Dinas Kominfo Kupang"); the button only says where.
        draft.region = draft.suggestions[index]
    else:
        draft.region = None
    return await _ask_role(update, context)


async def _ask_role(update: Update, context: BotContext) -> int:
    t = context.t
    rows = [[render.button(render_delegate.role_name(r, t), cb.REG_ROLE, r)] for r in ROLES]
    region = _draft(context).region
    text = t.gettext("3/3 — Peran Anda di acara ini?")
    if region is not None:
        text = t.gettext("Daerah: {region}").format(region=escape(region)) + "\n\n" + text
    await send(update, render.Reply(text, render.keyboard(rows)))
    return ROLE


async def picked_role(update: Update, context: BotContext) -> int:
    """The role: save the profile and show it."""
    query, user = update.callback_query, update.effective_user
    role = callback_arg(update)
    if query is None or user is None or role not in ROLES:
        if query is not None:
            await answer(query)
        return ROLE
    await answer(query)
    draft = _draft(context)
    if not draft.name or not draft.instansi:
        return await begin(update, context)
    saved = await delegates.register(context.services, deliveries(context), user.id, draft.name,
                                     draft.instansi, draft.region, role)
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)
    t = context.t
    assert saved.profile is not None
    view = render_delegate.profile_view(saved.profile, saved.preferences, t)
    text = t.gettext("✅ Terima kasih, {name}! Anda sudah terdaftar. Pilih sesi di /jadwal "
                     "lalu tekan “✅ Hadir” untuk RSVP dan pengingat.").format(
        name=escape(draft.name))
    if saved.needs_invite:
        text += "\n\n" + t.gettext(
            "ℹ️ Peran “Panitia” tidak membuka alat panitia. Akses panitia diberikan lewat "
            "tautan undangan: minta panitia yang sudah punya akses mengirim /admin undang, "
            "lalu buka tautannya.")
    await send(update, render.Reply(text + "\n\n" + view.text, view.markup))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """/batal: stop registering; nothing is saved."""
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)
    await send(update, render.Reply(context.t.gettext(
        "Pendaftaran dibatalkan; tidak ada yang disimpan. Mulai lagi kapan saja dengan /daftar.")))
    return ConversationHandler.END


async def profile(update: Update, context: BotContext) -> None:
    """/profil: the profile, or an offer to register (private chats only)."""
    user = update.effective_user
    if user is None or await personal_outside_private(update, context):
        return
    mine = await delegates.record(context.services, user.id)
    if mine.profile is None:
        await show(update, render_delegate.needs_registration(context.t))
        return
    await show(update, render_delegate.profile_view(mine.profile, mine.preferences, context.t))


text_only = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE

def conversation() -> ConversationHandler[BotContext]:
    """The registration conversation, built for each application: a ConversationHandler
    keeps every user's step in memory, which one module-level instance would share between
    applications (tests and benchmarks build many in one process)."""
    # Tracking per chat (not per message) is intended: name and instansi are typed, only
    # some steps are buttons. PTB warns about exactly that combination; it is understood.
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="If 'per_message=False'", category=PTBUserWarning
        )
        return ConversationHandler(
            entry_points=[
                CommandHandler(commands.names(commands.REGISTER), begin,
                               filters.ChatType.PRIVATE),
                CallbackQueryHandler(begin, pattern=f"^{cb.REGISTER}$"),
            ],
            states={
                NAME: [MessageHandler(text_only, got_name)],
                INSTANSI: [
                    MessageHandler(text_only, got_instansi),
                    CallbackQueryHandler(picked_instansi, pattern=f"^{cb.REG_INSTANSI}:"),
                ],
                ROLE: [CallbackQueryHandler(picked_role, pattern=f"^{cb.REG_ROLE}:")],
            },
            fallbacks=[CommandHandler(commands.names(commands.CANCEL), cancel)],
            allow_reentry=True,
            # The step and the draft are kept in the database (bot/persistence.py): a
            # restart in the middle does not make the delegate start again.
            name="registration",
            persistent=True,
        )


#: Besides `conversation()`.
HANDLERS: list[BaseHandler[Update, BotContext, Any]] = [
    CommandHandler(commands.names(commands.PROFILE), profile),
]
