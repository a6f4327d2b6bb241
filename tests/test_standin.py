"""The Bot API stand-in, driven through a real `telegram.Bot`, checked against the spec."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    MenuButtonCommands,
    ReplyKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, RetryAfter
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.offline.botapi import StandIn
from bot.offline.html import parse_html
from bot.offline.protocol import (
    BOT_ID,
    BOT_USERNAME,
    ApiCall,
    blocked_by_user,
    decode_parameters,
    fail_method,
    method_from_url,
    retry_after,
)
from tests.apispec import check_call, check_calls
from tests.factory import UpdateFactory

TOKEN = "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz"
USER = 4242
GROUP = -1001234567890


@pytest.fixture
def stand_in() -> StandIn:
    return StandIn(now=lambda: 1_560_000_000.0)


@pytest_asyncio.fixture
async def bot(stand_in: StandIn) -> AsyncIterator[Bot]:
    bot = Bot(TOKEN, request=stand_in, get_updates_request=stand_in)
    async with bot:
        yield bot


def says(text: str) -> re.Pattern[str]:
    # PTB strips "Bad Request: " and capitalises the rest, so match case-insensitively.
    return re.compile(re.escape(text), re.IGNORECASE)


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(f"Button {d}", callback_data=d)] for d in data]
    )


# -- the calls the bot makes are valid Bot API calls -------------------------------------------


async def test_real_bot_calls_pass_the_spec(bot: Bot, stand_in: StandIn) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (BOT_ID, BOT_USERNAME, True)
    assert me.can_join_groups is True

    sent = await bot.send_message(
        USER,
        "<b>Jadwal</b> hari ini &amp; besok",
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup(
            [
                [InlineKeyboardButton("Hari 1", callback_data="day:1")],
                [InlineKeyboardButton("Peta", url="https://maps.google.com/?q=Kupang")],
            ]
        ),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert sent.text == "Jadwal hari ini & besok"
    assert sent.text_html == "<b>Jadwal</b> hari ini &amp; besok"
    assert sent.chat.type == "private" and sent.from_user is not None
    assert sent.from_user.id == BOT_ID
    assert sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "day:1"

    venue = await bot.send_venue(
        USER,
        latitude=-10.1772,
        longitude=123.607,
        title="Aston Kupang",
        address="Jl. Timor Raya No. 142",
        reply_parameters=ReplyParameters(sent.message_id),
    )
    assert venue.venue is not None and venue.venue.title == "Aston Kupang"
    assert venue.location is not None
    assert venue.reply_to_message is not None
    assert venue.reply_to_message.message_id == sent.message_id
    contact = await bot.send_contact(USER, phone_number="+62 380 123456", first_name="Panitia")
    assert contact.contact is not None and contact.contact.first_name == "Panitia"

    edited = await bot.edit_message_text(
        "<i>Diperbarui</i>",
        chat_id=USER,
        message_id=sent.message_id,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard("day:2"),
    )
    assert not isinstance(edited, bool)
    assert edited.text == "Diperbarui" and edited.edit_date is not None
    assert await bot.answer_callback_query("cb-1", text="Oke")
    assert await bot.set_my_commands(
        [BotCommand("start", "Mulai"), BotCommand("jadwal", "Jadwal acara")],
        scope=BotCommandScopeAllPrivateChats(),
        language_code="id",
    )
    commands = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="id")
    assert [c.command for c in commands] == ["start", "jadwal"]

    # The rest of what the bot may call, so every method in the trimmed spec is exercised.
    location = await bot.send_location(GROUP, latitude=-10.16, longitude=123.6)
    assert location.chat.type == "supergroup"
    document = await bot.send_document(
        USER, InputFile(b"%PDF-1.4 agenda", filename="agenda.pdf"), caption="Agenda"
    )
    assert document.document is not None and document.document.file_size == 15
    photo = await bot.send_photo(USER, "https://example.org/peta.jpg", caption="Peta")
    assert photo.photo and photo.caption == "Peta"
    assert await bot.send_chat_action(USER, ChatAction.TYPING)
    assert await bot.set_chat_menu_button(USER, MenuButtonCommands())
    assert await bot.pin_chat_message(USER, venue.message_id)
    chat = await bot.get_chat(USER)
    assert chat.pinned_message is not None
    copied = await bot.copy_message(GROUP, USER, contact.message_id)
    forwarded = await bot.forward_message(GROUP, USER, contact.message_id)
    assert copied.message_id + 1 == forwarded.message_id
    assert forwarded.contact is not None and forwarded.forward_origin is not None
    assert await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=None)
    assert await bot.delete_message(USER, contact.message_id)
    assert await bot.delete_my_commands(scope=BotCommandScopeChat(USER))
    assert await bot.set_webhook("https://bot.example.org/hook", secret_token="s3cret")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == ()

    assert all(call.ok for call in stand_in.calls), stand_in.failures()
    assert check_calls(stand_in.calls) == []
    methods = {call.method for call in stand_in.calls}
    assert len(methods) == 23


async def test_calls_are_recorded_in_order_with_decoded_params(bot: Bot, stand_in: StandIn) -> None:
    stand_in.clear()
    await bot.send_message(USER, "satu", reply_markup=keyboard("a"))
    await bot.send_document(USER, InputFile(b"12345", filename="x.txt"))
    await bot.send_message(USER, "dua")

    assert [c.method for c in stand_in.calls] == ["sendMessage", "sendDocument", "sendMessage"]
    first = stand_in.calls[0]
    assert first == ApiCall(
        "sendMessage",
        {
            "chat_id": USER,
            "text": "satu",
            "reply_markup": {"inline_keyboard": [[{"text": "Button a", "callback_data": "a"}]]},
        },
        result=first.result,
    )
    # Uploads are recorded as a note, never as bytes.
    assert stand_in.calls[1].params["document"] == {
        "filename": "x.txt",
        "size": 5,
        "mime_type": "text/plain",
    }
    assert stand_in.texts(USER) == ["satu", "dua"]
    assert [c.result["message_id"] for c in stand_in.sent_messages(USER)] == [1, 2, 3]
    other = await bot.send_message(GROUP, "grup")
    assert other.message_id == 1  # ids count per chat


# -- Telegram's limits, answered as Telegram answers --------------------------------------------


async def test_text_over_4096_characters_is_rejected(bot: Bot, stand_in: StandIn) -> None:
    await bot.send_message(USER, "x" * 4096)
    with pytest.raises(BadRequest, match=says("message is too long")):
        await bot.send_message(USER, "x" * 4097)
    failed = stand_in.last_call()
    assert (failed.method, failed.ok, failed.error) == (
        "sendMessage",
        False,
        "Bad Request: message is too long",
    )
    # The limit counts text after entity parsing: tags and entities don't count.
    await bot.send_message(USER, "<b>" + "&amp;" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=says("message_too_long")):
        await bot.edit_message_text("y" * 4097, chat_id=USER, message_id=1)
    assert check_call("sendMessage", {"chat_id": USER, "text": "x" * 4097}) == [
        "sendMessage: text: 4097 characters after entity parsing (allowed 1-4096)"
    ]


async def test_callback_data_over_64_bytes_is_rejected(bot: Bot, stand_in: StandIn) -> None:
    await bot.send_message(USER, "ok", reply_markup=keyboard("x" * 64))
    # PTB itself does not check the length: the request reaches the API and fails there.
    with pytest.raises(BadRequest, match=says("button_data_invalid")):
        await bot.send_message(USER, "too long", reply_markup=keyboard("x" * 65))
    assert stand_in.last_call().params["reply_markup"]["inline_keyboard"][0][0][
        "callback_data"
    ] == ("x" * 65)
    # Bytes, not characters: 33 x "é" is 66 bytes.
    with pytest.raises(BadRequest):
        await bot.send_message(USER, "too long", reply_markup=keyboard("é" * 33))
    problems = check_call(
        "sendMessage",
        {"chat_id": USER, "text": "a", "reply_markup": keyboard("é" * 33).to_dict()},
    )
    assert problems == [
        "sendMessage: reply_markup.inline_keyboard[0][0].callback_data: 66 bytes (allowed 1-64)"
    ]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<p>paragraf</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("<b>tebal", "Can't find end tag corresponding to start tag b"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("é <br>", 'Unsupported start tag "br" at byte offset 3'),
    ],
)
async def test_bad_html_is_rejected(bot: Bot, stand_in: StandIn, text: str, detail: str) -> None:
    with pytest.raises(BadRequest, match=says("can't parse entities")):
        await bot.send_message(USER, text, parse_mode=ParseMode.HTML)
    assert stand_in.last_call().error == f"Bad Request: can't parse entities: {detail}"


async def test_valid_html_parses_into_entities(bot: Bot, stand_in: StandIn) -> None:
    html = (
        "<b>a</b><strong>b</strong><i>c</i><em>d</em><u>e</u><ins>f</ins><s>g</s><strike>h"
        '</strike><del>i</del><a href="https://citynet-ap.org">j</a><code>k</code>'
        '<pre><code class="language-python">l</code></pre><tg-spoiler>m</tg-spoiler>'
        '<span class="tg-spoiler">n</span><blockquote>o</blockquote>'
        '<blockquote expandable>p</blockquote><tg-emoji emoji-id="5368324170671202286">👍'
        "</tg-emoji> AT&T &lt;3"
    )
    message = await bot.send_message(USER, html, parse_mode=ParseMode.HTML)
    assert message.text == "abcdefghijklmnop👍 AT&T <3"
    types = [entity.type for entity in message.entities]
    assert types[:4] == ["bold", "bold", "italic", "italic"]
    assert "expandable_blockquote" in types and "custom_emoji" in types
    pre = next(e for e in message.entities if e.type == "pre")
    assert pre.language == "python"
    # Offsets are UTF-16: the emoji takes two units.
    assert parse_html("👍<b>x</b>")[1] == [{"offset": 2, "length": 1, "type": "bold"}]


async def test_strict_html_also_rejects_a_bare_ampersand(stand_in: StandIn) -> None:
    # Telegram accepts "AT&T" in HTML; strict mode flags it as a missing html.escape.
    strict = StandIn(strict_html=True)
    async with Bot(TOKEN, request=strict, get_updates_request=strict) as bot:
        await bot.send_message(USER, "AT&amp;T", parse_mode=ParseMode.HTML)
        with pytest.raises(BadRequest, match=says("unescaped")):
            await bot.send_message(USER, "AT&T", parse_mode=ParseMode.HTML)
        await bot.send_message(USER, "AT&T")  # no parse mode: nothing to escape


@pytest.mark.parametrize("text", ["", "   ", "<b></b>"])
async def test_empty_text_is_rejected(bot: Bot, text: str) -> None:
    with pytest.raises(BadRequest, match=says("message text is empty")):
        await bot.send_message(USER, text, parse_mode=ParseMode.HTML)


async def test_inline_button_without_action_is_rejected(bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("no action")]])
    with pytest.raises(BadRequest, match=says("text buttons are unallowed")):
        await bot.send_message(USER, "x", reply_markup=markup)


async def test_edits_follow_telegram(bot: Bot, stand_in: StandIn) -> None:
    sent = await bot.send_message(USER, "Halo", reply_markup=keyboard("a"))
    with pytest.raises(BadRequest, match=says("not modified")):
        await bot.edit_message_text("Halo", USER, sent.message_id, reply_markup=keyboard("a"))
    edited = await bot.edit_message_text("Halo", USER, sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.reply_markup is None  # editing text without a markup drops the keyboard
    venue = await bot.send_venue(USER, -10.1, 123.6, "Hotel", "Jl. 1")
    with pytest.raises(BadRequest, match=says("no text in the message")):
        await bot.edit_message_text("x", USER, venue.message_id)
    await bot.delete_message(USER, sent.message_id)
    with pytest.raises(BadRequest, match=says("message to edit not found")):
        await bot.edit_message_text("baru", USER, sent.message_id)
    assert stand_in.message(USER, sent.message_id) is None


async def test_unknown_method_and_webhook_conflict(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=says("method not found in stand-in")):
        await bot.do_api_request("sendDice2000")
    await bot.set_webhook("https://bot.example.org/hook")
    with pytest.raises(Conflict):
        await bot.get_updates()
    with pytest.raises(BadRequest, match=says("https url must be provided")):
        await bot.set_webhook("http://insecure.example.org/hook")


# PTB 22 warns about RetryAfter.retry_after becoming a timedelta when it builds the error.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_faults_are_injected_before_answering(bot: Bot, stand_in: StandIn) -> None:
    stand_in.fault = fail_method("sendMessage", blocked_by_user())
    with pytest.raises(Forbidden, match=says("bot was blocked by the user")):
        await bot.send_message(USER, "halo")
    await bot.send_message(USER, "halo lagi")  # the fault was for one call only
    stand_in.fault = fail_method("answerCallbackQuery", retry_after(3))
    with pytest.raises(RetryAfter):
        await bot.answer_callback_query("cb")
    assert [c.ok for c in stand_in.calls[-3:]] == [False, True, False]


# -- incoming updates -------------------------------------------------------------------------


async def test_update_factory_builds_ptb_updates(bot: Bot, stand_in: StandIn) -> None:
    updates = UpdateFactory(stand_in, bot)

    start = updates.to_update(updates.command("start", at_bot=True))
    assert start.message is not None and start.message.text == f"/start@{BOT_USERNAME}"
    assert start.message.entities[0].type == "bot_command"
    assert start.message.entities[0].length == len(start.message.text)
    assert start.effective_user is not None and start.effective_user.language_code == "id"

    # The bot's reply shares the chat's message id sequence with the user's message.
    reply = await bot.send_message(USER, "Pilih hari", reply_markup=keyboard("day:1", "day:2"))
    assert reply.message_id == start.message.message_id + 1

    press = updates.to_update(updates.callback("day:2"))
    assert press.callback_query is not None and press.callback_query.data == "day:2"
    assert press.callback_query.message is not None
    assert press.callback_query.message.message_id == reply.message_id
    assert press.update_id == start.update_id + 1

    group = updates.to_update(updates.group_message("halo semua", user_id=7, first_name="Ani"))
    assert group.effective_chat is not None and group.effective_chat.type == "supergroup"
    assert group.effective_user is not None and group.effective_user.first_name == "Ani"
    edited = updates.to_update(updates.edited_message("ralat", start.message.message_id))
    assert edited.edited_message is not None and edited.edited_message.text == "ralat"
    sticker = updates.to_update(updates.sticker())
    assert sticker.message is not None and sticker.message.sticker is not None
    assert sticker.message.text is None
    photo = updates.to_update(updates.photo(caption="foto"))
    assert photo.message is not None and photo.message.photo

    # A reply keyboard is valid but, as on Telegram, never echoed on the message.
    answer = await bot.send_message(
        USER, "Bahasa?", reply_markup=ReplyKeyboardMarkup([["Indonesia", "English"]])
    )
    assert answer.reply_markup is None
    assert check_calls(stand_in.calls) == []


async def test_fed_updates_come_back_from_get_updates(bot: Bot, stand_in: StandIn) -> None:
    updates = UpdateFactory(stand_in, bot)
    stand_in.feed(updates.message("halo"), updates.command("jadwal"))
    received = await bot.get_updates(timeout=1)
    assert [u.message.text for u in received if u.message] == ["halo", "/jadwal"]
    assert await bot.get_updates(offset=received[-1].update_id + 1, timeout=0) == ()


# -- the spec checker -------------------------------------------------------------------------


def test_check_call_reports_problems() -> None:
    problems = check_call(
        "sendMessage",
        {"text": 42, "disable_web_page_preview": True, "reply_markup": {"inline_keyboard": "x"}},
    )
    assert problems == [
        "sendMessage: chat_id: missing required parameter",
        "sendMessage: text: expected String, got Integer 42",
        "sendMessage: disable_web_page_preview: unknown parameter",
        "sendMessage: reply_markup.inline_keyboard: expected Array of Array of "
        "InlineKeyboardButton, got String 'x'",
    ]
    assert check_call("sendMessage", {"chat_id": 1.5, "text": "a"}) == [
        "sendMessage: chat_id: expected Integer or String, got Float 1.5"
    ]
    assert check_call("sendMesage", {}) == [
        "sendMesage: unknown method (not in the Bot API 10.0 spec in tests/botapi; add it to "
        "tests/botapi/trim.py and regenerate if it is real)"
    ]


def test_check_call_validates_nested_objects() -> None:
    scope_problems = check_call(
        "setMyCommands",
        {
            "commands": [{"command": "Start", "description": ""}, {"command": "x"}],
            "scope": {"type": "chat"},
        },
    )
    assert scope_problems == [
        "setMyCommands: commands[0].command: 'Start' must be 1-32 lowercase letters, digits, "
        "underscores",
        "setMyCommands: commands[0].description: 0 characters (allowed 1-256)",
        "setMyCommands: commands[1].description: missing required field",
        "setMyCommands: scope.chat_id: missing required field",
    ]
    assert check_call("setMyCommands", {"commands": [], "scope": {"type": "everyone"}}) == [
        "setMyCommands: scope.type: 'everyone' is not a BotCommandScope (all_chat_administrators"
        ", all_group_chats, all_private_chats, chat, chat_administrators, chat_member, default)"
    ]
    buttons = {"inline_keyboard": [[{"text": "a", "callback_data": "x", "url": "https://a.b"}]]}
    assert check_call("sendMessage", {"chat_id": 1, "text": "a", "reply_markup": buttons}) == [
        "sendMessage: reply_markup.inline_keyboard[0][0]: an inline button needs exactly one "
        "action field, found callback_data, url"
    ]
    long_caption = {
        "chat_id": 1,
        "document": "file-id",
        "caption": "<b>" + "x" * 1025 + "</b>",
        "parse_mode": "HTML",
    }
    assert check_call("sendDocument", long_caption) == [
        "sendDocument: caption: 1025 characters after entity parsing (allowed 0-1024)"
    ]
    assert check_call("sendMessage", {"chat_id": 1, "text": "<b>x", "parse_mode": "HTML"}) == [
        "sendMessage: text: can't parse entities: Can't find end tag corresponding to start tag b"
    ]
    assert check_call("sendChatAction", {"chat_id": 1, "action": "dancing"}) == [
        "sendChatAction: action: 'dancing' is not a chat action"
    ]


async def test_an_application_runs_against_the_stand_in(stand_in: StandIn) -> None:
    replied = asyncio.Event()

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text("<b>Selamat datang</b>", parse_mode=ParseMode.HTML)
        replied.set()

    app = Application.builder().token(TOKEN).request(stand_in).get_updates_request(stand_in).build()
    app.add_handler(CommandHandler("start", start))
    updates = UpdateFactory(stand_in, app.bot)
    async with app:
        # Directly, as the offline chat does ...
        await app.process_update(updates.to_update(updates.command("start")))
        assert stand_in.texts(USER) == ["<b>Selamat datang</b>"]
        # ... and by long polling, as in production.
        assert app.updater is not None
        await app.updater.start_polling(timeout=5)
        await app.start()
        replied.clear()
        stand_in.feed(updates.command("start"))
        await asyncio.wait_for(replied.wait(), timeout=5)
        assert len(stand_in.texts(USER)) == 2
        await app.updater.stop()
        await app.stop()
    assert check_calls(stand_in.calls) == []
    assert decode_parameters(None) == {}
    assert method_from_url(f"https://api.telegram.org/bot{TOKEN}/getMe") == "getMe"
