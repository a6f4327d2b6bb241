"""Screens of Tanya panitia: the honest decline with its button, the question as the organizers
see it, the answer as the delegate sees it, and the organizers' list. Pure functions; every
piece of text a person typed is HTML-escaped here."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from telegram import InlineKeyboardButton

from bot import callbacks as cb
from bot.i18n import Translator
from bot.model import Event
from bot.render import BUTTON_LABEL, Reply, button, clip_html_lines, deep_link, keyboard
from bot.render_answers import with_lead
from bot.render_info import menu_keyboard
from bot.storage.questions import Asker, Question

#: How much of a question a one-line mention shows.
SHORT = 80
#: Telegram's deep-link payload: at most 64 characters of A-Z, a-z, 0-9, _ and -.
DEEP_LINK_PREFIX = "tanya_"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ask_button(t: Translator, key: str) -> InlineKeyboardButton:
    return button(t.gettext("🙋 Tanya panitia"), cb.ASK_PANITIA, key)


def ask_row(t: Translator, key: str, private: bool, bot_username: str
            ) -> list[InlineKeyboardButton]:
    """The Tanya panitia button for the question kept under `key`."""
    if private:
        return [_ask_button(t, key)]
    # Names and answers are personal: the question goes to the panitia from a private chat,
    # never from the group.
    return [InlineKeyboardButton(
        _clip(t.gettext("🙋 Tanya panitia (chat pribadi)"), BUTTON_LABEL),
        url=deep_link(bot_username, f"{DEEP_LINK_PREFIX}{key}"))]


def with_ask(view: Reply, t: Translator, key: str, private: bool, bot_username: str) -> Reply:
    """`view` (what the bot has instead of an answer: a list to choose from) with the Tanya
    panitia button on top, so that no "not found" is a dead end."""
    rows = [list(row) for row in (view.markup.inline_keyboard if view.markup else ())]
    return Reply(view.text, keyboard([ask_row(t, key, private, bot_username), *rows]))


def not_found(view: Reply, t: Translator, words: str) -> Reply:
    """A name after a command that matches nothing: say so above the list to choose from."""
    line = t.gettext("Maaf, saya tidak menemukan “{words}”. Pilih dari daftar ini:").format(
        words=escape(_clip(words, 60)))
    return with_lead([line], view)


def declined(
    event: Event, t: Translator, text: str, key: str, private: bool, bot_username: str,
    lead: str = "",
) -> Reply:
    """The bot cannot answer: say so in one line, and offer to ask a person. `lead` (HTML,
    escaped) says first what the data does say ("no contact of its own for region X")."""
    _ = t.gettext
    # Honest about why: the event's data does not hold the answer (not "I did not get you").
    line = _("Maaf, saya belum bisa menjawab “{text}”: jawabannya tidak ada dalam data "
             "saya.").format(text=escape(_clip(text, SHORT)))
    if lead:
        line = f"{lead}\n{line}"
    if private:
        offer = _("Panitia bisa menjawabnya: tekan <b>Tanya panitia</b>, jawabannya saya "
                  "teruskan ke sini.")
    else:
        offer = _("Panitia bisa menjawabnya: lanjutkan di chat pribadi dengan saya.")
    return with_ask(Reply(f"{line}\n{offer}", menu_keyboard(event, t)),
                    t, key, private, bot_username)


def confirm_ask(t: Translator, text: str, key: str) -> Reply:
    """Continuing in private: the question from the group, with the button to send it."""
    return Reply(
        t.gettext("Kirim pertanyaan ini ke panitia?\n“{text}”").format(
            text=escape(_clip(text, 300))),
        keyboard([[_ask_button(t, key)]]),
    )


def ask_again(t: Translator) -> Reply:
    """The button's question is no longer kept (an old message, or the data was erased)."""
    return Reply(t.gettext("Pertanyaan itu tidak tersimpan lagi. Silakan tulis pertanyaan Anda "
                           "sekali lagi."))


def ask_in_private(t: Translator) -> str:
    return t.gettext("Pertanyaan ke panitia dikirim dari chat pribadi dengan bot.")


def sent(t: Translator, question: Question, recipients: int) -> Reply:
    _ = t.gettext
    if recipients == 0:
        return Reply(_("Maaf, saat ini belum ada panitia yang bisa dihubungi lewat bot. "
                       "Pertanyaan Anda sudah dicatat; silakan juga bertanya di meja "
                       "registrasi atau lihat /kontak."))
    text = _("✅ Pertanyaan Anda (#{number}) sudah dikirim ke panitia. Jawabannya akan "
             "saya teruskan di sini.").format(number=question.id)
    # The button's message is edited into this: keep the question in view.
    return Reply(f"{text}\n“{escape(_clip(question.text, 300))}”")


def _who(asker: Asker, t: Translator) -> str:
    name = escape(asker.name) if asker.name else t.gettext("(tanpa nama)")
    if asker.registered:
        return f"{name} — {escape(asker.instansi)}" if asker.instansi else name
    return t.gettext("{name} (belum mendaftar)").format(name=name)


def _open_button(t: Translator) -> list[InlineKeyboardButton]:
    # Every relayed copy carries this button: it also marks the message as a relay, so a
    # reply to it is read as an answer (handlers/questions.py).
    return [button(t.gettext("📋 Pertanyaan terbuka"), cb.QUESTIONS)]


def relay(question: Question, asker: Asker, t: Translator, again: bool = False) -> Reply:
    """The question as the organizers get it: who asked (name, instansi; never a phone)."""
    _ = t.gettext
    head = (_("⏰ Belum dijawab lebih dari 15 menit: pertanyaan #{number}") if again
            else _("❓ Pertanyaan #{number} dari peserta")).format(number=question.id)
    lines = [
        f"<b>{head}</b>",
        _("Dari: {who}").format(who=_who(asker, t)),
        f"“{escape(question.text)}”",
        "",
        _("<i>Balas (reply) pesan ini untuk menjawab; jawaban Anda saya teruskan ke "
          "penanya.</i>"),
    ]
    return Reply("\n".join(lines), keyboard([_open_button(t)]))


def relay_answered(
    question: Question, asker: Asker, answer: str, organizer: str, t: Translator
) -> Reply:
    """A relayed copy once someone answered it: the others see it is done."""
    _ = t.gettext
    lines = [
        "<b>" + _("✅ Pertanyaan #{number} sudah dijawab oleh {organizer}").format(
            number=question.id, organizer=escape(organizer or _("panitia"))) + "</b>",
        _("Dari: {who}").format(who=_who(asker, t)),
        f"“{escape(_clip(question.text, 300))}”",
        _("Jawaban: {answer}").format(answer=escape(_clip(answer, 1500))),
    ]
    return Reply("\n".join(lines), keyboard([_open_button(t)]))


def answer_for_delegate(question: Question, answer: str, t: Translator, again: bool) -> Reply:
    """The panitia's answer, marked as coming from a person, with the question it answers."""
    _ = t.gettext
    head = _("💬 Jawaban panitia (tambahan):") if again else _("💬 Jawaban panitia:")
    lines = [
        f"<b>{head}</b> {escape(answer)}",
        "",
        _("<i>Atas pertanyaan Anda: “{text}”</i>").format(text=escape(_clip(question.text,
                                                                             300))),
    ]
    return Reply("\n".join(lines))


def answer_sent(t: Translator, question: Question, asker: Asker, delivered: bool) -> Reply:
    """To the organizer who answered, with the one-tap save as an FAQ entry."""
    _ = t.gettext
    if delivered:
        text = _("✅ Jawaban untuk pertanyaan #{number} terkirim ke {who}.")
    else:
        text = _("⚠️ Jawaban untuk pertanyaan #{number} tercatat, tetapi tidak bisa dikirim "
                 "ke {who} (mungkin bot diblokir).")
    text = text.format(number=question.id, who=_who(asker, t))
    text += "\n" + _("Simpan sebagai FAQ agar bot menjawab pertanyaan serupa sendiri.")
    return Reply(text, keyboard([[button(_("💾 Simpan sebagai FAQ"), cb.QUESTION_SAVE,
                                         str(question.id))]]))


def answer_refused(t: Translator) -> Reply:
    return Reply(t.gettext("Hanya panitia yang bisa menjawab pertanyaan peserta lewat bot."))


def answer_gone(t: Translator) -> Reply:
    return Reply(t.gettext("Pertanyaan ini sudah tidak ada (penanya menghapus datanya)."))


def answer_empty(t: Translator) -> Reply:
    return Reply(t.gettext("Tulis jawabannya sebagai teks, sebagai balasan (reply) pesan "
                           "pertanyaan."))


def faq_saved(t: Translator, faq_id: str) -> Reply:
    return Reply(t.gettext("💾 Tersimpan sebagai FAQ “{id}” di berkas data. Mulai sekarang bot "
                           "menjawab pertanyaan ini sendiri.").format(id=escape(faq_id)))


def faq_already(t: Translator, faq_id: str) -> str:
    return t.gettext("Sudah tersimpan sebagai FAQ “{id}”.").format(id=faq_id)


def faq_not_answered(t: Translator) -> str:
    return t.gettext("Pertanyaan ini belum dijawab; belum bisa disimpan.")


def faq_file_differs(t: Translator) -> str:
    return t.gettext("Berkas data berbeda dengan yang berjalan. Jalankan /muatulang dulu, lalu "
                     "simpan lagi.")


def faq_failed(t: Translator, error: str) -> Reply:
    return Reply(t.gettext("FAQ tidak bisa ditulis ke berkas data; tidak ada yang diubah.\n"
                           "{error}").format(error=escape(error)))


def waiting_list(items: Sequence[tuple[Question, Asker, int]], t: Translator) -> Reply:
    """/pertanyaan: open questions (with who asked and minutes waited), oldest first."""
    _ = t.gettext
    if not items:
        return Reply(_("Tidak ada pertanyaan peserta yang menunggu jawaban. 👍"))
    lines = ["<b>" + t.ngettext("{n} pertanyaan menunggu jawaban",
                                "{n} pertanyaan menunggu jawaban", len(items)).format(
        n=len(items)) + "</b>"]
    for question, asker, minutes in items:
        age = t.ngettext("{n} menit", "{n} menit", minutes).format(n=minutes)
        lines.append(_("#{number} · {age} · {who}\n“{text}”").format(
            number=question.id, age=age, who=_who(asker, t),
            text=escape(_clip(question.text, 200))))
    more = _("Balas (reply) pesan pertanyaan untuk menjawab. Ekspor: /pertanyaan ekspor")
    return Reply(clip_html_lines([*lines, more], "…"))


def panitia_chat_set(t: Translator) -> Reply:
    return Reply(t.gettext("✅ Pertanyaan peserta yang tidak bisa dijawab bot kini dikirim ke "
                           "grup ini. Balas (reply) pesannya untuk menjawab."))


def panitia_chat_private(t: Translator) -> Reply:
    return Reply(t.gettext("Jalankan /pertanyaan disini di grup panitia (setelah bot "
                           "ditambahkan ke grup itu)."))


def panitia_chat_unset(t: Translator) -> Reply:
    return Reply(t.gettext("Grup ini tidak lagi menerima pertanyaan peserta; pertanyaan dikirim "
                           "ke setiap panitia lewat chat pribadi."))


def panitia_chat_not_set(t: Translator) -> Reply:
    return Reply(t.gettext("Grup ini bukan grup pertanyaan panitia."))


def list_private_only(t: Translator) -> Reply:
    return Reply(t.gettext("Daftar pertanyaan memuat nama peserta: buka di chat pribadi dengan "
                           "bot atau di grup panitia."))


def too_many(t: Translator, limit: int) -> Reply:
    return Reply(t.ngettext(
        "Anda sudah punya {n} pertanyaan yang menunggu jawaban panitia. Mohon tunggu "
        "jawabannya dulu.",
        "Anda sudah punya {n} pertanyaan yang menunggu jawaban panitia. Mohon tunggu "
        "jawabannya dulu.", limit).format(n=limit))


def export_caption(t: Translator, count: int) -> str:
    return t.ngettext("{n} pertanyaan belum terjawab (CSV, tanpa nama penanya)",
                      "{n} pertanyaan belum terjawab (CSV, tanpa nama penanya)",
                      count).format(n=count)

