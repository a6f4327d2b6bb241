"""Attendance for the official record, as thin adapters over `bot.features`: the card
(/kartu) and the desk check-in from a scanned card, session codes (/absen, /hadir), desk staff
(/petugas), certificates (/sertifikat, /cek), feedback and the event evaluation (/evaluasi),
materials (/materi), and what /statistik and /ekspor add for organizers."""

from __future__ import annotations

import asyncio
from pathlib import Path

from telegram import InputFile, Message, Update
from telegram.constants import ParseMode
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import callbacks as cb
from bot import (
    commands,
    render_certificate,
    render_delegate,
    render_evaluation,
    render_feedback,
    render_materials,
)
from bot import render_attendance as view
from bot.context import BotContext
from bot.features import attendance, certificates, evaluation, feedback, materials, reports
from bot.model import QuestionKind
from bot.render import Reply, deep_link
from bot.storage.delegates import ROLES
from handlers.common import answer, asked, callback_arg, decline, is_private, send, show


def _roles(context: BotContext) -> dict[str, str]:
    return {r: render_delegate.role_name(r, context.t) for r in ROLES}


def _user_id(update: Update) -> int:
    user = update.effective_user
    return user.id if user else 0


def _admins(context: BotContext) -> frozenset[int]:
    return context.services.settings.admins


def _private_only(context: BotContext) -> Reply:
    return Reply(context.t.gettext("Buka perintah ini di chat pribadi dengan bot."))


# -- the delegate's card -------------------------------------------------------------------------
async def card(update: Update, context: BotContext) -> None:
    """/kartu: the delegate's card with the QR the desk scans (private chats only)."""
    chat = update.effective_chat
    if chat is None or not is_private(update):
        await send(update, _private_only(context))
        return
    result = await attendance.my_card(context.repo, _user_id(update))
    if result.attendee is None:
        await send(update, view.not_registered(context.t))
        return
    role = _roles(context).get(result.attendee.role, result.attendee.role)
    link = deep_link(context.bot.username, result.payload)
    image = view.card_png(context.event, result.attendee, role, link, context.t)
    await chat.send_photo(InputFile(image, filename=view.CARD_FILENAME),
                          caption=view.card_caption(result.attendee, role, context.t),
                          parse_mode=ParseMode.HTML)


# -- deep links: a scanned card, a session code, a staff invite ----------------------------------
async def start_link(update: Update, context: BotContext) -> None:
    """`/start k_…`, `/start a_…` or `/start ptg_…` (a QR or an invite link opened)."""
    payload = context.args[0] if context.args else ""
    if payload.startswith(attendance.CARD_PREFIX):
        result = await attendance.desk_checkin(
            context.repo, context.event, _admins(context), _user_id(update), payload,
            context.now())
        await send(update, view.desk_result(result, _roles(context), context.t))
    elif payload.startswith(attendance.CODE_PREFIX):
        await _checkin(update, context, payload, via="link")
    else:
        redeemed = await attendance.redeem_staff_invite(
            context.repo, _admins(context), _user_id(update), payload, context.now())
        await send(update, view.staff_redeemed(redeemed, context.t))


# -- session check-in ----------------------------------------------------------------------------
async def _checkin(update: Update, context: BotContext, text: str, via: str) -> None:
    result = await attendance.session_checkin(
        context.repo, context.event, _user_id(update), text, context.now(), via)
    await send(update, view.checkin_result(result, context.t))


async def hadir(update: Update, context: BotContext) -> None:
    """/hadir KODE: check in to the session whose code is on the screen."""
    if not is_private(update):
        await send(update, _private_only(context))
        return
    if not context.args:
        await send(update, view.checkin_usage(context.t))
        return
    await _checkin(update, context, "".join(context.args), via="code")


async def typed_code(update: Update, context: BotContext) -> None:
    """A message that is only a check-in code ('KMP 472'): the same as /hadir."""
    message = update.effective_message
    if message is not None and message.text:
        await _checkin(update, context, message.text, via="code")


# -- the code on the screen ----------------------------------------------------------------------
async def absen(update: Update, context: BotContext) -> None:
    """/absen [sesi]: the QR and code of the running session (staff and moderators)."""
    query = update.callback_query
    session_id = callback_arg(update) if query else " ".join(context.args or [])
    screen = await attendance.screen_code(
        context.repo, context.event, _admins(context), _user_id(update), session_id,
        context.now())
    chat = update.effective_chat
    if query is not None and screen.status is attendance.ScreenStatus.FORBIDDEN:
        # "Kode baru" under a code shown in a group, pressed by a delegate: a toast for them,
        # nothing for the whole group.
        await answer(query, view.screen_refused(screen, context.t).text, show_alert=True)
        return
    if screen.status is not attendance.ScreenStatus.OK or chat is None:
        await answer(query)
        await send(update, view.screen_refused(screen, context.t))
        return
    await answer(query)
    link = deep_link(context.bot.username, screen.payload)
    await chat.send_photo(InputFile(view.qr_png(link), filename="absen-sesi.png"),
                          caption=view.screen_caption(screen, link, context.t),
                          parse_mode=ParseMode.HTML,
                          reply_markup=view.screen_markup(screen, context.t).markup)


# -- desk staff ----------------------------------------------------------------------------------
async def staff(update: Update, context: BotContext) -> None:
    """/petugas: list; `/petugas undang [moderator]`; `/petugas cabut <user_id>`."""
    args = context.args or []
    t, repo, me, now = context.t, context.repo, _user_id(update), context.now()
    if not is_private(update):
        # Names and user ids of staff, and invite links: never in a group.
        await send(update, _private_only(context))
        return
    if args and args[0] in ("undang", "invite"):
        invite = await attendance.invite_staff(
            repo, context.event, _admins(context), me, " ".join(args[1:2]), now)
        link = deep_link(context.bot.username, invite.code)
        await send(update, view.staff_invite(invite, link, t))
    elif args and args[0] in ("cabut", "revoke"):
        target = cb.number(args[1]) if len(args) > 1 else None
        if target is None:
            await send(update, Reply(t.gettext(
                "Tulis: <code>/petugas cabut &lt;user_id&gt;</code>")))
            return
        revoked = await attendance.revoke_staff(repo, _admins(context), me, target, now)
        await send(update, view.staff_revoked(revoked, target, t))
    else:
        await send(update, view.staff_list(
            await attendance.list_staff(repo, _admins(context), me), t))


# -- certificates ------------------------------------------------------------------------------
async def certificate(update: Update, context: BotContext) -> None:
    """/sertifikat: the PDF when the rule is met, else what is missing; organizers:
    `/sertifikat beri <user_id>` or `/sertifikat tahan <user_id>`."""
    chat = update.effective_chat
    if chat is None or not is_private(update):
        await send(update, _private_only(context))
        return
    args, t = context.args or [], context.t
    if args:
        issue = args[0] in ("beri", "issue")
        target = cb.number(args[1]) if len(args) == 2 else None
        if target is None or args[0] not in ("beri", "issue", "tahan", "withhold"):
            await send(update, render_certificate.manual_usage(t))
            return
        decided = await certificates.decide(context.repo, context.event, _admins(context),
                                            _user_id(update), target, issue)
        await send(update, render_certificate.manual_reply(decided, issue, t))
        return
    result = await certificates.request(context.repo, context.event, _user_id(update),
                                        context.now())
    reply = render_certificate.certificate_reply(result, context.event, t)
    if result.status is not certificates.Status.ISSUED or result.certificate is None:
        await send(update, reply)
        return
    pdf = render_certificate.certificate_pdf(context.event, result.certificate,
                                             context.bot.username, t)
    await chat.send_document(InputFile(pdf, filename="sertifikat.pdf"), caption=reply.text,
                             parse_mode=ParseMode.HTML)


async def verify(update: Update, context: BotContext) -> None:
    """/cek KODE: is this certificate genuine, and whose is it (anyone may ask, in private:
    the answer names the holder)."""
    if not is_private(update):
        await send(update, _private_only(context))
        return
    if not context.args:
        await send(update, render_certificate.verify_usage(context.t))
        return
    result = await certificates.verify(context.repo, "".join(context.args))
    await send(update, render_certificate.verification(result, context.event, context.t))


# -- feedback ------------------------------------------------------------------------------------
async def rate(update: Update, context: BotContext) -> None:
    """A star button under a feedback question."""
    query = update.callback_query
    message_id = query.message.message_id if query and query.message else None
    result = await feedback.rate(context.repo, context.event, _user_id(update),
                                 callback_arg(update), message_id)
    if result.status is feedback.RateStatus.ALREADY:
        await answer(query, render_feedback.already_rated(result, context.t), show_alert=True)
        return
    await show(update, render_feedback.rated(result, context.t))


async def feedback_off(update: Update, context: BotContext) -> None:
    """"Jangan tanya lagi": no more feedback questions."""
    await feedback.opt_out(context.repo, _user_id(update))
    await show(update, render_feedback.opted_out(context.t))


async def feedback_comment(update: Update, context: BotContext) -> None:
    """A reply to the bot's feedback question: the optional comment."""
    message = update.effective_message
    if message is None or message.reply_to_message is None or not message.text:
        return
    session = await feedback.comment(context.repo, context.event, _user_id(update),
                                     message.reply_to_message.message_id, message.text)
    await send(update, render_feedback.comment_saved(session, context.t))


async def stats(update: Update, context: BotContext) -> None:
    """/statistik (group 1, after the organizer's statistics): ratings and the evaluation."""
    report = await reports.organizer_report(context.repo, context.event, _admins(context),
                                            _user_id(update))
    if report is None:
        return
    # Comments and free-text answers are the delegates' own words (a name, a complaint):
    # quoted in private and in the panitia group only, never in the event's group.
    chat = update.effective_chat
    quotes = is_private(update) or (
        chat is not None and chat.id in await context.repo.panitia_chats())
    if report.ratings:
        await send(update, render_feedback.summary(report.ratings, context.t, quotes))
    if report.evaluation:
        await send(update, render_evaluation.summary(report.evaluation, context.t, quotes))


# -- the event evaluation ----------------------------------------------------------------------
async def evaluate(update: Update, context: BotContext) -> None:
    """/evaluasi: the next question of the event evaluation."""
    if not is_private(update):
        await send(update, _private_only(context))
        return
    step = await evaluation.current(context.repo, context.event, _user_id(update),
                                    context.now())
    await send(update, render_evaluation.step_reply(step, context.t))


async def evaluation_button(update: Update, context: BotContext) -> None:
    """An answer (or Lewati) button: the message turns into the next question."""
    step = await evaluation.answer(context.repo, context.event, _user_id(update),
                                   callback_arg(update), context.now())
    reply = render_evaluation.step_reply(step, context.t)
    if step.question is not None and step.question.kind is QuestionKind.TEXT:
        # A free-text question is answered by replying to it: a new message, not an edit.
        await answer(update.callback_query)
        await send(update, reply)
        return
    await show(update, reply)


async def evaluation_reply(update: Update, context: BotContext) -> None:
    """A reply to a free-text question of the evaluation."""
    message = update.effective_message
    if message is None or not message.text:
        return
    step = await evaluation.answer_text(context.repo, context.event, _user_id(update),
                                        message.text, context.now())
    await send(update, render_evaluation.step_reply(step, context.t))


# -- materials -----------------------------------------------------------------------------------
async def materials_list(update: Update, context: BotContext) -> None:
    """/materi [sesi]: the sessions with released materials, or one session's."""
    session_id = callback_arg(update) if update.callback_query else " ".join(context.args or [])
    if not session_id:
        now = context.now()
        await show(update, render_materials.overview(
            materials.released_sessions(context.event, now),
            materials.upcoming_count(context.event, now), context.t))
        return
    result = await materials.of_session(context.repo, context.event, _user_id(update),
                                        session_id.strip().lower(), context.now())
    await answer(update.callback_query)
    reply = render_materials.session_materials(result, context.t)
    if result.status is not materials.Status.OK and update.callback_query is None:
        # No such session, or no materials for it: the panitia may still have the slides.
        await decline(update, context, asked(update, session_id), reply)
    else:
        await send(update, reply)
    chat = update.effective_chat
    for item in result.items:
        if item.available and item.material.file and chat is not None:
            path = Path(item.material.file)
            data = await asyncio.to_thread(path.read_bytes)
            await chat.send_document(InputFile(data, filename=path.name),
                                     caption=item.material.title.get(context.t.lang)[:1000])


# -- daftar hadir --------------------------------------------------------------------------------
async def export(update: Update, context: BotContext) -> None:
    """/ekspor (group 1, after the organizer's own export): the daftar hadir files.

    Silent where the organizer handler already answered: anyone else, or outside a private
    chat (it said why there).
    """
    chat = update.effective_chat
    if chat is None or not is_private(update):
        return
    report = await reports.organizer_report(context.repo, context.event, _admins(context),
                                            _user_id(update), export=True)
    if report is None:
        return
    t, roles = context.t, _roles(context)
    sessions_caption, days_caption, pdf_caption = view.export_caption(t)
    files = [(view.sessions_csv(report.attendance, roles), "daftar-hadir-sesi.csv",
              sessions_caption),
             (view.days_csv(report.attendance, roles), "daftar-hadir-harian.csv", days_caption)]
    if report.ratings:
        files.append((render_feedback.feedback_csv(report.ratings), "penilaian-sesi.csv",
                      t.gettext("Penilaian sesi (CSV, tanpa nama)")))
    if report.evaluation:
        files.append((render_evaluation.evaluation_csv(report.evaluation), "evaluasi-acara.csv",
                      t.gettext("Evaluasi acara (CSV, tanpa nama)")))
    # The official sheets are in Indonesian whatever the organizer's language (SPJ papers).
    official = context.services.i18n.get("id")
    for sheet in report.attendance.sessions:
        if sheet.lines:  # blank sheets: `citynet-bot export attendance` prints every session
            files.append((view.sheet_pdf(context.event, sheet, roles, official),
                          f"daftar-hadir-{sheet.key}.pdf", pdf_caption.format(title=sheet.title)))
    for data, name, caption in files:
        await chat.send_document(InputFile(data, filename=name), caption=caption)

private = filters.ChatType.PRIVATE
#: Only a code, as typed from the screen: three letters and three digits, maybe spaced.
CODE_TEXT = filters.Regex(r"^\s*[A-Za-z]{3}[\s-]?[0-9]{3}\s*$")
LINK_ARG = filters.Regex(
    rf"^/start(@\w+)?\s+({attendance.CARD_PREFIX}|{attendance.CODE_PREFIX}"
    rf"|{attendance.STAFF_INVITE_PREFIX})")



class _FeedbackReply(filters.MessageFilter):
    """A reply to the bot's thanks for a rating (render_feedback.rated: '⭐ … 💬 …', no
    buttons left): other replies stay with free text. The comment itself is then matched to
    the rating by the replied message's id."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        return bool(replied and replied.from_user and replied.from_user.is_bot
                    and replied.reply_markup is None and replied.text
                    and replied.text.startswith("⭐") and "💬" in replied.text)


FEEDBACK_REPLY = _FeedbackReply()


class _EvaluationReply(filters.MessageFilter):
    """A reply to one of the bot's evaluation questions: its buttons answer the evaluation
    (every question has at least "Lewati"), which no other message of the bot's has."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        if not (replied and replied.from_user and replied.from_user.is_bot
                and replied.reply_markup):
            return False
        return any(str(b.callback_data or "").startswith(f"{cb.EVALUATION}:")
                   for row in replied.reply_markup.inline_keyboard for b in row)


EVALUATION_REPLY = _EvaluationReply()

#: Before `start`, so a scanned card or code link is not taken for a plain /start.
HANDLERS: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler("start", start_link, private & LINK_ARG),
    CommandHandler(commands.names(commands.CARD), card),
    CommandHandler(commands.names(commands.CHECKIN), hadir),
    CommandHandler(["absen", "attendance"], absen),
    CommandHandler(["petugas", "staff"], staff),
    CommandHandler(commands.names(commands.CERTIFICATE), certificate),
    CommandHandler(commands.names(commands.VERIFY), verify),
    CommandHandler(commands.names(commands.MATERIALS), materials_list),
    CommandHandler(commands.names(commands.EVALUATION), evaluate),
    CallbackQueryHandler(evaluation_button, pattern=f"^{cb.EVALUATION}:"),
    CallbackQueryHandler(materials_list, pattern=f"^{cb.MATERIALS}:"),
    CallbackQueryHandler(absen, pattern=f"^{cb.ATTEND_CODE}:"),
    CallbackQueryHandler(rate, pattern=f"^{cb.FEEDBACK}:"),
    CallbackQueryHandler(feedback_off, pattern=f"^{cb.FEEDBACK_OFF}$"),
    MessageHandler(private & filters.TEXT & ~filters.COMMAND & CODE_TEXT, typed_code),
    MessageHandler(private & filters.TEXT & ~filters.COMMAND & filters.REPLY & FEEDBACK_REPLY,
                   feedback_comment),
    MessageHandler(private & filters.TEXT & ~filters.COMMAND & filters.REPLY & EVALUATION_REPLY,
                   evaluation_reply),
]

#: In a later group: `/ekspor` also reaches the organizer's export in group 0.
AFTER: list[BaseHandler[Update, BotContext, None]] = [
    CommandHandler(["ekspor", "export"], export),
    CommandHandler(["statistik", "stats"], stats),
]
