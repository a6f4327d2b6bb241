"""An in-process stand-in for the Telegram Bot API.

`StandIn` is a `telegram.request.BaseRequest`: give it to a real `telegram.Bot` (as `request`
and `get_updates_request`) and every Bot API call the bot makes is answered here, in memory,
instead of by api.telegram.org. The offline terminal chat (`citynet-bot chat` / `ask`), the
tests and the benchmarks all run the real handlers and the real PTB code path this way.

What it does:

- records every call, in order, as an `ApiCall` (also the ones it rejects, with `ok=False`);
- answers like Telegram: a `Message` echoing what was sent (HTML parsed into plain text and
  entities, as Telegram returns it), increasing `message_id` per chat, `True` for the methods
  that return it, remembered state for commands, edits, deletions, webhook;
- enforces the hard limits Telegram enforces (text 1-4096 characters after entity parsing,
  caption 1024, callback_data 1-64 bytes, valid HTML, ...) and fails with Telegram's own
  HTTP 400 descriptions, so PTB raises the same `telegram.error.BadRequest` it would in
  production;
- lets a test inject failures (`fault`) and feed incoming updates to `getUpdates` (`feed`).

`UpdateFactory` builds the incoming side: updates as JSON-ready dicts, and as PTB `Update`
objects bound to a bot.

Known simplifications: Markdown/MarkdownV2 text is not parsed (it is measured raw, so a long
MarkdownV2 text may be rejected slightly before Telegram would); no automatic url/mention
entities; `<a href="tg://user?id=...">` becomes a text_link, not a text_mention.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import hashlib
import itertools
import json
import re
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Final

from telegram import Bot, Update
from telegram.request import BaseRequest, RequestData

JSON = dict[str, Any]
Fault = Callable[["ApiCall"], "tuple[int, dict[str, Any]] | None"]

BOT_ID: Final = 1000
BOT_USERNAME: Final = "citynet_bot"
BOT_FIRST_NAME: Final = "Citynet Bot"
BOT_USER: Final[Mapping[str, Any]] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": BOT_FIRST_NAME,
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}

# Hard limits from the Bot API documentation.
MAX_TEXT_LENGTH: Final = 4096
MAX_CAPTION_LENGTH: Final = 1024
MAX_CALLBACK_DATA_BYTES: Final = 64
MAX_CALLBACK_ANSWER_LENGTH: Final = 200

# Telegram's own descriptions for the failures the stand-in reproduces.
ERR_QUERY_INVALID: Final = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
ERR_METHOD_NOT_FOUND: Final = "Bad Request: method not found in stand-in"
ERR_TEXT_EMPTY: Final = "Bad Request: message text is empty"
ERR_TEXT_TOO_LONG: Final = "Bad Request: message is too long"
ERR_EDIT_TOO_LONG: Final = "Bad Request: MESSAGE_TOO_LONG"
ERR_CAPTION_TOO_LONG: Final = "Bad Request: message caption is too long"
ERR_CANT_PARSE: Final = "Bad Request: can't parse entities: "
ERR_BUTTON_DATA: Final = "Bad Request: BUTTON_DATA_INVALID"
ERR_BUTTON_URL: Final = "Bad Request: BUTTON_URL_INVALID"
ERR_TEXT_BUTTONS: Final = "Bad Request: text buttons are unallowed in the inline keyboard"
ERR_NOT_MODIFIED: Final = (
    "Bad Request: message is not modified: specified new message content and reply markup are"
    " exactly the same as a current content and reply markup of the message"
)
ERR_NO_TEXT_TO_EDIT: Final = "Bad Request: there is no text in the message to edit"
ERR_BOT_COMMAND: Final = "Bad Request: BOT_COMMAND_INVALID"
ERR_CHAT_ID_EMPTY: Final = "Bad Request: chat_id is empty"
ERR_NO_MESSAGE_ID: Final = "Bad Request: message identifier is not specified"
ERR_WEBHOOK_HTTPS: Final = "Bad Request: bad webhook: HTTPS url must be provided for webhook"
ERR_WEBHOOK_ACTIVE: Final = (
    "Conflict: can't use getUpdates method while webhook is active;"
    " use deleteWebhook to delete the webhook first"
)

HTML_TAGS: Final = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre",
        "tg-spoiler", "span", "blockquote", "tg-emoji",
        # Bot API 10.0 has the date_time entity, which HTML writes as <tg-time>.
        "tg-time",
    }
)  # fmt: skip
CHAT_ACTIONS: Final = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
# Fields of InlineKeyboardButton that give it an action; a button needs exactly one.
BUTTON_ACTIONS: Final = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)  # fmt: skip
# Methods whose successful result is a newly sent message (or its id, for copyMessage).
SEND_METHODS: Final = frozenset(
    {
        "sendMessage", "sendVenue", "sendLocation", "sendContact", "sendDocument",
        "sendPhoto", "copyMessage", "forwardMessage",
    }
)  # fmt: skip
_COMMAND_RE: Final = re.compile(r"^[a-z0-9_]{1,32}$")
_SPACES: Final = " \t\r\n\v\0"


@dataclass(frozen=True)
class ApiCall:
    """One Bot API call as the stand-in received it.

    `params` holds the decoded parameters (nested objects as dicts/lists, uploads as file
    notes, see `file_note`). `ok` is False when the stand-in (or a fault) rejected the call;
    `error` is then Telegram's description. `result` is what was answered on success.
    """

    method: str
    params: dict[str, Any]
    ok: bool = True
    error: str | None = None
    result: Any = None


class ApiError(Exception):
    """A Bot API failure: becomes `{"ok": false, "error_code", "description"}`."""

    def __init__(
        self, description: str, code: int = 400, parameters: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.description = description
        self.code = code
        self.parameters = dict(parameters) if parameters else None

    def body(self) -> JSON:
        return error_body(self.code, self.description, self.parameters)


def error_body(code: int, description: str, parameters: Mapping[str, Any] | None = None) -> JSON:
    body: JSON = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = dict(parameters)
    return body


# -- faults ------------------------------------------------------------------------------------


def retry_after(seconds: int) -> tuple[int, JSON]:
    """A flood-control answer; PTB turns it into `telegram.error.RetryAfter`."""
    return 429, error_body(
        429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds}
    )


def blocked_by_user() -> tuple[int, JSON]:
    """What Telegram answers when the user blocked the bot (`telegram.error.Forbidden`)."""
    return 403, error_body(403, "Forbidden: bot was blocked by the user")


def fail_method(method: str, answer: tuple[int, JSON], times: int = 1) -> Fault:
    """A `fault` that gives `answer` to the next `times` calls of `method`, then lets go."""
    remaining = [times]

    def fault(call: ApiCall) -> tuple[int, JSON] | None:
        if call.method != method or remaining[0] <= 0:
            return None
        remaining[0] -= 1
        return answer

    return fault


# -- HTML parse mode ---------------------------------------------------------------------------


class EntityParseError(ValueError):
    """The text does not parse in its parse_mode; the message is Telegram's detail."""


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    offset: int  # UTF-16 offset in the output text, as entities count
    out_index: int  # index into the output pieces, to recover the tag's inner text


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _byte_offset(source: str, index: int) -> int:
    # Telegram reports HTML errors at UTF-8 byte offsets.
    return len(source[:index].encode("utf-8", "surrogatepass"))


def _decode_html_entity(source: str, pos: int) -> tuple[str, int] | None:
    """Decode the entity at `source[pos] == "&"` like Telegram; None leaves "&" literal."""
    n = len(source)
    end = pos + 1
    if end < n and source[end] == "#":
        end += 1
        digits = "0123456789"
        base = 10
        if end < n and source[end] in "xX":
            digits, base = "0123456789abcdefABCDEF", 16
            end += 1
        start = end
        while end < n and source[end] in digits:
            end += 1
        if end == start or end - pos >= 10:
            return None
        value = int(source[start:end], base)
        if value == 0 or value >= 0x10FFFF:
            return None
        char = chr(value)
    else:
        start = end
        while end < n and source[end].isascii() and source[end].isalpha():
            end += 1
        named = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}.get(source[start:end])
        if named is None:
            return None
        char = named
    if end < n and source[end] == ";":
        end += 1
    return char, end


def _is_name_token_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".-")


def parse_html(source: str, *, strict: bool = False) -> tuple[str, list[JSON]]:
    """Parse Telegram-flavoured HTML into (plain text, entities), as Telegram's server does.

    Raises `EntityParseError` with Telegram's message for what Telegram rejects: unsupported
    or unclosed tags, mismatched end tags, a bare `<`. A bare `&` is accepted, as Telegram
    does; `strict=True` rejects it too, to catch text that skipped `html.escape`.
    """
    out: list[str] = []
    utf16 = 0
    entities: list[JSON] = []
    stack: list[_OpenTag] = []
    i, n = 0, len(source)

    def fail(message: str) -> EntityParseError:
        return EntityParseError(message)

    while i < n:
        ch = source[i]
        if ch == "&":
            decoded = _decode_html_entity(source, i)
            if decoded is not None:
                char, i = decoded
                out.append(char)
                utf16 += utf16_length(char)
                continue
            if strict:
                raise fail(
                    f'Unescaped "&" at byte offset {_byte_offset(source, i)}'
                    " (stand-in strict_html; Telegram itself accepts it)"
                )
        if ch != "<":
            out.append(ch)
            utf16 += 2 if ord(ch) > 0xFFFF else 1
            i += 1
            continue

        begin = i
        at = _byte_offset(source, begin)
        i += 1
        if i < n and source[i] == "/":
            if not stack:
                raise fail(f"Unexpected end tag at byte offset {at}")
            i += 1
            name_start = i
            while i < n and source[i] not in _SPACES and source[i] != ">":
                i += 1
            end_name = source[name_start:i].lower()
            while i < n and source[i] in _SPACES:
                i += 1
            if i >= n or source[i] != ">":
                raise fail(f"Unclosed end tag at byte offset {at}")
            i += 1
            tag = stack.pop()
            if end_name and end_name != tag.name:
                raise fail(
                    f'Unmatched end tag at byte offset {at}, expected "</{tag.name}>", '
                    f'found "</{end_name}>"'
                )
            if utf16 > tag.offset:
                _close_entity(tag, utf16 - tag.offset, "".join(out[tag.out_index :]), entities)
            continue

        name_start = i
        while i < n and source[i] not in _SPACES and source[i] != ">":
            i += 1
        if i >= n:
            raise fail(f"Unclosed start tag at byte offset {at}")
        name = source[name_start:i].lower()
        if name not in HTML_TAGS:
            raise fail(f'Unsupported start tag "{name}" at byte offset {at}')
        attrs: dict[str, str] = {}
        while True:
            while i < n and source[i] in _SPACES:
                i += 1
            if i >= n:
                raise fail(f"Unclosed start tag at byte offset {at}")
            if source[i] == ">":
                i += 1
                break
            attr_start = i
            while i < n and source[i] not in _SPACES and source[i] not in "=>":
                i += 1
            attr_name = source[attr_start:i]
            if not attr_name:
                raise fail(f'Empty attribute name in the tag "{name}" at byte offset {at}')
            while i < n and source[i] in _SPACES:
                i += 1
            if i >= n:
                raise fail(f'Unclosed start tag "{name}" at byte offset {at}')
            if source[i] != "=":
                # A bare attribute, as in <blockquote expandable>.
                attrs[attr_name] = ""
                continue
            i += 1
            while i < n and source[i] in _SPACES:
                i += 1
            if i >= n:
                raise fail(f'Unclosed start tag "{name}" at byte offset {at}')
            if source[i] in "'\"":
                quote = source[i]
                i += 1
                value: list[str] = []
                while i < n and source[i] != quote:
                    if source[i] == "&":
                        decoded = _decode_html_entity(source, i)
                        if decoded is not None:
                            value.append(decoded[0])
                            i = decoded[1]
                            continue
                    value.append(source[i])
                    i += 1
                if i < n:
                    i += 1
                attrs[attr_name] = "".join(value)
            else:
                token_start = i
                while i < n and _is_name_token_char(source[i]):
                    i += 1
                if i < n and source[i] not in _SPACES and source[i] != ">":
                    raise fail(
                        "Unexpected end of name token at byte offset "
                        f"{_byte_offset(source, token_start)}"
                    )
                attrs[attr_name] = source[token_start:i].lower()
            if i >= n:
                raise fail(f"Unclosed start tag at byte offset {at}")
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise fail(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
        stack.append(_OpenTag(name, attrs, utf16, len(out)))

    if stack:
        raise fail(f"Can't find end tag corresponding to start tag {stack[-1].name}")
    text = "".join(out)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise fail(
            "Text contains invalid Unicode characters after decoding HTML entities, check for"
            " unmatched surrogate code units"
        )
    for entity in entities:
        entity.pop("_language", None)
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return text, entities


_SIMPLE_ENTITIES: Final = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "span": "spoiler",
}  # fmt: skip


def _close_entity(tag: _OpenTag, length: int, inner: str, entities: list[JSON]) -> None:
    entity: JSON = {"offset": tag.offset, "length": length}
    same_range = bool(entities) and (
        entities[-1]["offset"] == tag.offset and entities[-1]["length"] == length
    )
    if tag.name in _SIMPLE_ENTITIES:
        entity["type"] = _SIMPLE_ENTITIES[tag.name]
    elif tag.name == "a":
        # An <a> without href links its own text, as in Telegram.
        entity.update(type="text_link", url=tag.attrs.get("href") or inner)
    elif tag.name == "tg-emoji":
        emoji_id = tag.attrs.get("emoji-id", "")
        if not emoji_id.isdigit() or int(emoji_id) == 0:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entity.update(type="custom_emoji", custom_emoji_id=emoji_id)
    elif tag.name == "tg-time":
        unix = tag.attrs.get("unix", "")
        if not unix.lstrip("-").isdigit():
            return
        entity.update(type="date_time", unix_time=int(unix))
        if tag.attrs.get("format"):
            entity["date_time_format"] = tag.attrs["format"]
    elif tag.name == "blockquote":
        entity["type"] = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
    elif tag.name == "code":
        css_class = tag.attrs.get("class", "")
        language = css_class.removeprefix("language-") if css_class.startswith("language-") else ""
        if same_range and entities[-1]["type"] == "pre" and language:
            entities[-1]["language"] = language
            return
        entity["type"] = "code"
        if language:
            # Kept (and dropped at the end) in case a <pre> closes over the same range.
            entity["_language"] = language
    elif tag.name == "pre":
        if same_range and entities[-1]["type"] == "code" and "_language" in entities[-1]:
            entities[-1]["type"] = "pre"
            entities[-1]["language"] = entities[-1].pop("_language")
            return
        entity["type"] = "pre"
    entities.append(entity)


def rendered_text(
    text: str, parse_mode: str | None, *, strict: bool = False
) -> tuple[str, list[JSON]]:
    """The text as Telegram stores it (plain text, entities) for a parse_mode.

    Markdown modes are not parsed: the raw text is returned, which overestimates its length.
    """
    if parse_mode and parse_mode.lower() == "html":
        return parse_html(text, strict=strict)
    return text, []


# -- parameters --------------------------------------------------------------------------------


def is_file_note(value: object) -> bool:
    """Whether `value` is the note the stand-in records in place of an uploaded file."""
    return isinstance(value, dict) and "filename" in value and "size" in value


def file_note(filename: str, content: bytes | IO[bytes], mime_type: str) -> JSON:
    """What an upload is recorded as: its name, size and type, never its bytes."""
    size: int | None
    if isinstance(content, bytes | bytearray):
        size = len(content)
    else:
        try:
            # Measure without consuming: the handle may be read again by a retry.
            position = content.tell()
            size = content.seek(0, 2)
            content.seek(position)
        except (OSError, ValueError):
            size = None
    return {"filename": filename, "size": size, "mime_type": mime_type}


def _replace_attach_uris(value: Any, notes: Mapping[str, JSON], used: set[str]) -> Any:
    if isinstance(value, str) and value.startswith("attach://"):
        name = value[len("attach://") :]
        if name in notes:
            used.add(name)
            return dict(notes[name])
        return value
    if isinstance(value, list):
        return [_replace_attach_uris(item, notes, used) for item in value]
    if isinstance(value, dict):
        return {key: _replace_attach_uris(item, notes, used) for key, item in value.items()}
    return value


def decode_parameters(request_data: RequestData | None) -> JSON:
    """The call's parameters as plain JSON values, with uploads replaced by file notes."""
    if request_data is None:
        return {}
    try:
        # A JSON round trip turns tuples into lists and detaches the record from PTB objects.
        params: JSON = json.loads(json.dumps(request_data.parameters))
    except (TypeError, ValueError):
        params = {}
        for key, raw in request_data.json_parameters.items():
            # json_parameters leaves strings unencoded; only objects and arrays need decoding.
            if raw[:1] in "[{":
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(raw)
                    continue
            params[key] = raw
    if not request_data.contains_files:
        return params
    notes = {
        name: file_note(*field_tuple) for name, field_tuple in request_data.multipart_data.items()
    }
    used: set[str] = set()
    params = _replace_attach_uris(params, notes, used)
    for name, note in notes.items():
        # A file uploaded directly (not via attach://) is sent under its parameter's name.
        if name not in used:
            params[name] = note
    return params


def method_from_url(url: str) -> str:
    """`https://api.telegram.org/bot<token>/sendMessage?x=1` -> `sendMessage`."""
    return url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def _normalize_chat_id(value: Any) -> int | str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.lstrip("-").isdigit():
            return int(stripped)
        return stripped or None
    return None


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


# -- the stand-in ------------------------------------------------------------------------------


class StandIn(BaseRequest):
    """A `BaseRequest` that answers the Bot API in memory and records every call.

    Args:
        bot_user: the `User` getMe returns (default `BOT_USER`, @citynet_bot, id 1000).
        now: Unix time source for message dates (default `time.time`); pass the bot's clock,
            e.g. `lambda: clock.now().timestamp()`, to keep dates consistent in rehearsals.
        fault: checked before each answer; return `(status, body)` to answer that instead
            (see `retry_after`, `blocked_by_user`, `fail_method`), or None to go on.
        strict_html: also reject a bare `&` in HTML text (Telegram accepts it).
        delay: seconds to wait before each answer, to give benchmarks a network-like latency.
    """

    def __init__(
        self,
        *,
        bot_user: Mapping[str, Any] | None = None,
        now: Callable[[], float] | None = None,
        fault: Fault | None = None,
        strict_html: bool = False,
        delay: float = 0.0,
        read_timeout: float | None = 5.0,
    ) -> None:
        self.bot_user: JSON = dict(bot_user or BOT_USER)
        self.now: Callable[[], float] = now or time.time
        self.fault: Fault | None = fault
        self.strict_html = strict_html
        self.delay = delay
        self.calls: list[ApiCall] = []
        #: The bytes of every uploaded file, by file name (the offline chat saves them).
        self.uploads: dict[str, bytes] = {}
        self.webhook_url = ""
        self.initialized = False
        self._read_timeout = read_timeout
        self._handlers: dict[str, Callable[[JSON], Any]] = {
            "getMe": self._get_me,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "answerCallbackQuery": self._answer_callback_query,
            "sendVenue": self._send_venue,
            "sendLocation": self._send_location,
            "sendContact": self._send_contact,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "sendChatAction": self._send_chat_action,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getMyCommands": self._get_my_commands,
            "setChatMenuButton": self._set_chat_menu_button,
            "deleteMessage": self._delete_message,
            "pinChatMessage": self._pin_chat_message,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getChat": self._get_chat,
            "copyMessage": self._copy_message,
            "forwardMessage": self._forward_message,
        }
        self._reset_state()

    def _reset_state(self) -> None:
        self._messages: dict[tuple[int, int], JSON] = {}
        self._deleted: set[tuple[int, int]] = set()
        self._last_message_id: dict[int, int] = {}
        self._chats: dict[int, JSON] = {}
        self._commands: dict[str, list[JSON]] = {}
        self._menu_buttons: dict[int, JSON] = {}
        self._pinned: dict[int, int] = {}
        self._pending_updates: list[JSON] = []
        self._answered: set[str] = set()  # callback queries already answered
        self._update_arrived: asyncio.Event | None = None
        self._last_update_id = 0
        self._file_counter = 0
        self.webhook_url = ""

    # BaseRequest interface

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        self.initialized = True

    async def shutdown(self) -> None:
        self.initialized = False
        if self._update_arrived is not None:
            # Wake a pending long poll so shutdown does not wait for its timeout.
            self._update_arrived.set()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            # File downloads (Bot.get_file + download) have nothing to download offline.
            return 404, _dump(error_body(404, "Not Found: file downloads are offline"))
        api_method = method_from_url(url)
        params = decode_parameters(request_data)
        if request_data is not None and request_data.contains_files:
            for field_tuple in request_data.multipart_data.values():
                filename, content = field_tuple[0], field_tuple[1]
                data = content if isinstance(content, bytes) else content.read()
                self.uploads[filename] = bytes(data)
        status, body = await self.handle(api_method, params)
        return status, _dump(body)

    async def handle(self, method: str, params: JSON) -> tuple[int, JSON]:
        """Answer one Bot API call given as decoded parameters: (HTTP status, JSON body).

        The seam for front-ends other than PTB's `BaseRequest` (the HTTP stand-in server in
        tests/httpstandin.py): the same delay, fault, recording and answers as `do_request`.
        """
        if self.delay > 0:
            await asyncio.sleep(self.delay)

        if self.fault is not None:
            injected = self.fault(ApiCall(method, params))
            if injected is not None:
                status, body = injected
                ok = 200 <= status < 300 and bool(body.get("ok"))
                self.calls.append(
                    ApiCall(method, params, ok, body.get("description"), body.get("result"))
                )
                return status, body

        try:
            if method == "getUpdates":
                result = await self._get_updates(params)
            else:
                handler = self._handlers.get(method)
                if handler is None:
                    raise ApiError(ERR_METHOD_NOT_FOUND)
                result = handler(params)
        except ApiError as exc:
            self.calls.append(ApiCall(method, params, ok=False, error=exc.description))
            return exc.code, exc.body()
        self.calls.append(ApiCall(method, params, result=copy.deepcopy(result)))
        return 200, {"ok": True, "result": result}

    # Inspection helpers

    def clear(self) -> None:
        """Forget the recorded calls; chats, messages and their ids carry on."""
        self.calls.clear()

    def reset(self) -> None:
        """Forget everything: calls, messages, ids, commands, pending updates."""
        self.calls.clear()
        self._reset_state()

    def calls_to(self, *methods: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method in methods]

    def last_call(self, method: str | None = None) -> ApiCall:
        for call in reversed(self.calls):
            if method is None or call.method == method:
                return call
        raise LookupError(f"no call to {method or 'any method'} recorded")

    def failures(self) -> list[ApiCall]:
        return [call for call in self.calls if not call.ok]

    def sent_messages(self, chat_id: int | None = None) -> list[ApiCall]:
        """Successful calls that put a new message in a chat (send*, copy, forward)."""
        return [
            call
            for call in self.calls
            if call.ok
            and call.method in SEND_METHODS
            and (chat_id is None or _normalize_chat_id(call.params.get("chat_id")) == chat_id)
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """The raw text of each successful sendMessage/editMessageText, in order."""
        return [
            str(call.params.get("text", ""))
            for call in self.calls
            if call.ok
            and call.method in ("sendMessage", "editMessageText")
            and (chat_id is None or _normalize_chat_id(call.params.get("chat_id")) == chat_id)
        ]

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        """The message as it is now (after edits), or None if unknown or deleted."""
        stored = self._messages.get((chat_id, message_id))
        return copy.deepcopy(stored) if stored is not None else None

    def last_bot_message(self, chat_id: int) -> JSON | None:
        """The newest message the bot sent to `chat_id` that still exists."""
        candidates = [
            msg
            for (cid, _), msg in self._messages.items()
            if cid == chat_id and msg.get("from", {}).get("id") == self.bot_user["id"]
        ]
        if not candidates:
            return None
        return copy.deepcopy(max(candidates, key=lambda m: int(m["message_id"])))

    def commands(
        self, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[JSON]:
        return copy.deepcopy(self._commands.get(self._commands_key(scope, language_code), []))

    def is_deleted(self, chat_id: int, message_id: int) -> bool:
        return (chat_id, message_id) in self._deleted

    # Shared state with UpdateFactory

    def next_message_id(self, chat_id: int) -> int:
        # One sequence per chat for both sides, as in a Telegram private chat.
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def next_update_id(self) -> int:
        self._last_update_id += 1
        return self._last_update_id

    def remember_chat(self, chat: Mapping[str, Any]) -> None:
        """Use this chat (names, title, type) when answering about `chat["id"]`."""
        self._chats[int(chat["id"])] = dict(chat)

    def remember_message(self, message: Mapping[str, Any]) -> None:
        """Know an incoming message, so replies, copies and forwards of it look right."""
        chat_id = int(message["chat"]["id"])
        message_id = int(message["message_id"])
        self._messages[(chat_id, message_id)] = copy.deepcopy(dict(message))
        self._last_message_id[chat_id] = max(self._last_message_id.get(chat_id, 0), message_id)

    def feed(self, *updates: Mapping[str, Any] | Update) -> None:
        """Queue incoming updates for getUpdates (polling against the stand-in)."""
        for update in updates:
            data = update.to_dict() if isinstance(update, Update) else copy.deepcopy(dict(update))
            self._pending_updates.append(data)
            self._last_update_id = max(self._last_update_id, int(data["update_id"]))
        if self._update_arrived is not None:
            self._update_arrived.set()

    # Validation shared by the methods

    def _chat(self, raw_chat_id: Any) -> JSON:
        chat_id = _normalize_chat_id(raw_chat_id)
        if chat_id is None:
            raise ApiError(ERR_CHAT_ID_EMPTY)
        if isinstance(chat_id, str):
            username = chat_id.lstrip("@")
            # A stable made-up id, so the same @username is the same chat every time.
            numeric = -(1_000_000_000_000 + zlib.crc32(username.encode()) % 1_000_000_000)
            return self._chats.get(numeric) or {
                "id": numeric,
                "type": "supergroup",
                "title": username,
                "username": username,
            }
        if chat_id in self._chats:
            return dict(self._chats[chat_id])
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User {chat_id}"}
        return {"id": chat_id, "type": "supergroup", "title": f"Group {chat_id}"}

    def _text(self, params: JSON, key: str, entities_key: str) -> tuple[str, list[JSON]]:
        raw = params.get(key)
        if not isinstance(raw, str):
            raw = "" if raw is None else str(raw)
        parse_mode = params.get("parse_mode")
        if parse_mode is not None and str(parse_mode).lower() not in (
            "html",
            "markdown",
            "markdownv2",
        ):
            raise ApiError(f"Bad Request: unsupported parse_mode {parse_mode}")
        try:
            text, entities = rendered_text(raw, parse_mode, strict=self.strict_html)
        except EntityParseError as exc:
            raise ApiError(ERR_CANT_PARSE + str(exc)) from None
        if not parse_mode and isinstance(params.get(entities_key), list):
            entities = params[entities_key]
        return text, entities

    def _message_text(self, params: JSON, too_long: str) -> tuple[str, list[JSON]]:
        text, entities = self._text(params, "text", "entities")
        if not text.strip():
            raise ApiError(ERR_TEXT_EMPTY)
        if len(text) > MAX_TEXT_LENGTH:
            raise ApiError(too_long)
        return text, entities

    def _caption(self, params: JSON) -> JSON:
        if params.get("caption") is None:
            return {}
        text, entities = self._text(params, "caption", "caption_entities")
        if len(text) > MAX_CAPTION_LENGTH:
            raise ApiError(ERR_CAPTION_TOO_LONG)
        content: JSON = {"caption": text} if text else {}
        if text and entities:
            content["caption_entities"] = entities
        return content

    def _inline_markup(self, params: JSON) -> JSON | None:
        """The reply_markup to show on the message (inline keyboards only), validated."""
        markup = params.get("reply_markup")
        if not isinstance(markup, dict) or "inline_keyboard" not in markup:
            # Reply keyboards, removals and force-reply are valid but never echoed back.
            return None
        for row in markup["inline_keyboard"]:
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA_BYTES:
                    raise ApiError(ERR_BUTTON_DATA)
                url = button.get("url")
                if url is not None and (not url or any(c in _SPACES for c in url)):
                    raise ApiError(ERR_BUTTON_URL)
                if not any(key in button for key in BUTTON_ACTIONS):
                    raise ApiError(ERR_TEXT_BUTTONS)
        return copy.deepcopy(markup)

    def _message_id(self, params: JSON) -> int:
        message_id = params.get("message_id")
        if isinstance(message_id, bool) or not isinstance(message_id, int | str):
            raise ApiError(ERR_NO_MESSAGE_ID)
        try:
            return int(message_id)
        except ValueError:
            raise ApiError(ERR_NO_MESSAGE_ID) from None

    @staticmethod
    def _require(params: JSON, *names: str) -> None:
        for name in names:
            if params.get(name) is None:
                raise ApiError(f"Bad Request: parameter {name} is required")

    def _bot_from(self) -> JSON:
        return {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}

    def _new_message(self, params: JSON, content: JSON, markup: JSON | None = None) -> JSON:
        chat = self._chat(params.get("chat_id"))
        message: JSON = {
            "message_id": self.next_message_id(chat["id"]),
            "from": self._bot_from(),
            "chat": chat,
            "date": int(self.now()),
        }
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and isinstance(reply.get("message_id"), int):
            reply_chat = self._chat(reply.get("chat_id", chat["id"]))["id"]
            original = self._messages.get((reply_chat, reply["message_id"]))
            if original is not None:
                message["reply_to_message"] = {
                    k: v for k, v in original.items() if k != "reply_to_message"
                }
        message.update(content)
        if markup is not None:
            message["reply_markup"] = markup
        self._messages[(chat["id"], message["message_id"])] = copy.deepcopy(message)
        return message

    def _existing(self, params: JSON, missing: str) -> tuple[tuple[int, int], JSON | None]:
        chat = self._chat(params.get("chat_id"))
        key = (int(chat["id"]), self._message_id(params))
        if key in self._deleted:
            raise ApiError(missing)
        return key, self._messages.get(key)

    def _placeholder(self, key: tuple[int, int]) -> JSON:
        # A message sent before the stand-in started (or by a fabricated update): assume the
        # bot sent it, so edits of it succeed as they would in production.
        return {
            "message_id": key[1],
            "from": self._bot_from(),
            "chat": self._chat(key[0]),
            "date": int(self.now()),
        }

    def _check_editable(self, stored: JSON) -> None:
        if stored.get("from", {}).get("id") != self.bot_user["id"]:
            raise ApiError("Bad Request: message can't be edited")

    # Methods

    def _get_me(self, params: JSON) -> JSON:
        return dict(self.bot_user)

    def _send_message(self, params: JSON) -> JSON:
        self._chat(params.get("chat_id"))
        text, entities = self._message_text(params, ERR_TEXT_TOO_LONG)
        content: JSON = {"text": text}
        if entities:
            content["entities"] = entities
        return self._new_message(params, content, self._inline_markup(params))

    def _edit_message_text(self, params: JSON) -> JSON | bool:
        text, entities = self._message_text(params, ERR_EDIT_TOO_LONG)
        markup = self._inline_markup(params)
        if params.get("inline_message_id"):
            return True
        key, stored = self._existing(params, "Bad Request: message to edit not found")
        if stored is None:
            stored = self._placeholder(key)
            stored["text"] = ""
        self._check_editable(stored)
        if "text" not in stored:
            raise ApiError(ERR_NO_TEXT_TO_EDIT)
        if (
            stored["text"] == text
            and _same(stored.get("entities", []), entities)
            and _same(stored.get("reply_markup"), markup)
        ):
            raise ApiError(ERR_NOT_MODIFIED)
        stored["text"] = text
        stored.pop("entities", None)
        if entities:
            stored["entities"] = entities
        # Editing the text without a reply_markup removes the keyboard, as on Telegram.
        stored.pop("reply_markup", None)
        if markup is not None:
            stored["reply_markup"] = markup
        stored["edit_date"] = int(self.now())
        self._messages[key] = stored
        return copy.deepcopy(stored)

    def _edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        markup = self._inline_markup(params)
        if params.get("inline_message_id"):
            return True
        key, stored = self._existing(params, "Bad Request: message to edit not found")
        if stored is None:
            stored = self._placeholder(key)
        self._check_editable(stored)
        if _same(stored.get("reply_markup"), markup):
            raise ApiError(ERR_NOT_MODIFIED)
        stored.pop("reply_markup", None)
        if markup is not None:
            stored["reply_markup"] = markup
        stored["edit_date"] = int(self.now())
        self._messages[key] = stored
        return copy.deepcopy(stored)

    def _answer_callback_query(self, params: JSON) -> bool:
        self._require(params, "callback_query_id")
        if len(str(params.get("text") or "")) > MAX_CALLBACK_ANSWER_LENGTH:
            raise ApiError("Bad Request: MESSAGE_TOO_LONG")
        # Telegram accepts one answer per query; a second one is an error.
        query_id = str(params["callback_query_id"])
        if query_id in self._answered:
            raise ApiError(ERR_QUERY_INVALID)
        self._answered.add(query_id)
        return True

    def _send_venue(self, params: JSON) -> JSON:
        self._require(params, "chat_id", "latitude", "longitude", "title", "address")
        location = {"latitude": params["latitude"], "longitude": params["longitude"]}
        venue: JSON = {"location": location, "title": params["title"], "address": params["address"]}
        for key in ("foursquare_id", "foursquare_type", "google_place_id", "google_place_type"):
            if params.get(key) is not None:
                venue[key] = params[key]
        # Telegram fills both: a venue message is also a location message.
        content = {"venue": venue, "location": dict(location)}
        return self._new_message(params, content, self._inline_markup(params))

    def _send_location(self, params: JSON) -> JSON:
        self._require(params, "chat_id", "latitude", "longitude")
        location: JSON = {"latitude": params["latitude"], "longitude": params["longitude"]}
        for key in ("horizontal_accuracy", "live_period", "heading", "proximity_alert_radius"):
            if params.get(key) is not None:
                location[key] = params[key]
        return self._new_message(params, {"location": location}, self._inline_markup(params))

    def _send_contact(self, params: JSON) -> JSON:
        self._require(params, "chat_id", "phone_number", "first_name")
        contact: JSON = {"phone_number": params["phone_number"], "first_name": params["first_name"]}
        for key in ("last_name", "vcard"):
            if params.get(key) is not None:
                contact[key] = params[key]
        return self._new_message(params, {"contact": contact}, self._inline_markup(params))

    def _file_ids(self, value: Any, prefix: str) -> tuple[str, str]:
        if isinstance(value, str) and "://" not in value:
            # Re-sending by file_id: Telegram answers with that same file.
            file_id = value
        else:
            self._file_counter += 1
            file_id = f"{prefix}{self._file_counter:06d}standin"
        return file_id, hashlib.sha1(file_id.encode()).hexdigest()[:16]

    def _send_document(self, params: JSON) -> JSON:
        self._require(params, "chat_id", "document")
        self._chat(params["chat_id"])
        caption = self._caption(params)
        value = params["document"]
        file_id, unique_id = self._file_ids(value, "BQACAgIAAxkBAAI")
        document: JSON = {"file_id": file_id, "file_unique_id": unique_id}
        if is_file_note(value):
            document["file_name"] = value["filename"]
            document["mime_type"] = value["mime_type"]
            if value["size"] is not None:
                document["file_size"] = value["size"]
        elif isinstance(value, str) and "://" in value:
            document["file_name"] = value.rsplit("/", 1)[-1] or "document"
        content = {"document": document, **caption}
        return self._new_message(params, content, self._inline_markup(params))

    def _send_photo(self, params: JSON) -> JSON:
        self._require(params, "chat_id", "photo")
        self._chat(params["chat_id"])
        caption = self._caption(params)
        file_id, unique_id = self._file_ids(params["photo"], "AgACAgIAAxkBAAI")
        size = params["photo"].get("size") if is_file_note(params["photo"]) else None
        photo = [
            {"file_id": f"{file_id}-s", "file_unique_id": f"{unique_id}s", "width": 90,
             "height": 60, "file_size": 1200},
            {"file_id": file_id, "file_unique_id": unique_id, "width": 1280, "height": 853,
             "file_size": size or 96_000},
        ]  # fmt: skip
        content = {"photo": photo, **caption}
        return self._new_message(params, content, self._inline_markup(params))

    def _send_chat_action(self, params: JSON) -> bool:
        self._chat(params.get("chat_id"))
        if params.get("action") not in CHAT_ACTIONS:
            raise ApiError("Bad Request: wrong parameter action in request")
        return True

    @staticmethod
    def _commands_key(scope: Any, language_code: Any) -> str:
        scope = scope if isinstance(scope, dict) else {"type": "default"}
        return json.dumps([scope, language_code or ""], sort_keys=True)

    def _set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError("Bad Request: parameter commands is required")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_RE.match(
                str(command.get("command", ""))
            ):
                raise ApiError(ERR_BOT_COMMAND)
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        self._commands[key] = copy.deepcopy(commands)
        return True

    def _delete_my_commands(self, params: JSON) -> bool:
        self._commands.pop(
            self._commands_key(params.get("scope"), params.get("language_code")), None
        )
        return True

    def _get_my_commands(self, params: JSON) -> list[JSON]:
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        if key not in self._commands and params.get("language_code"):
            # Telegram falls back to the commands set for all languages in that scope.
            key = self._commands_key(params.get("scope"), "")
        return copy.deepcopy(self._commands.get(key, []))

    def _set_chat_menu_button(self, params: JSON) -> bool:
        chat_id = _normalize_chat_id(params.get("chat_id"))
        button = params.get("menu_button") or {"type": "default"}
        self._menu_buttons[chat_id if isinstance(chat_id, int) else 0] = button
        return True

    def _delete_message(self, params: JSON) -> bool:
        key, _ = self._existing(params, "Bad Request: message to delete not found")
        self._messages.pop(key, None)
        self._deleted.add(key)
        return True

    def _pin_chat_message(self, params: JSON) -> bool:
        key, _ = self._existing(params, "Bad Request: message to pin not found")
        self._pinned[key[0]] = key[1]
        return True

    def _delete_webhook(self, params: JSON) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._pending_updates.clear()
        return True

    def _set_webhook(self, params: JSON) -> bool:
        url = str(params.get("url") or "")
        if url and not url.lower().startswith("https://"):
            raise ApiError(ERR_WEBHOOK_HTTPS)
        self.webhook_url = url
        return True

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise ApiError(ERR_WEBHOOK_ACTIVE, code=409)
        offset = int(params.get("offset") or 0)
        if offset > 0:
            # Telegram forgets the updates an offset confirms.
            self._pending_updates = [
                u for u in self._pending_updates if int(u["update_id"]) >= offset
            ]
        timeout = float(params.get("timeout") or 0)
        if not self._pending_updates and timeout > 0:
            # Long polling, so a polling Application waits here instead of spinning. A fresh
            # event each time: an Event binds to the loop it first waits in.
            arrived = self._update_arrived = asyncio.Event()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrived.wait(), timeout)
            self._update_arrived = None
        limit = int(params.get("limit") or 100)
        return copy.deepcopy(self._pending_updates[:limit])

    def _get_chat(self, params: JSON) -> JSON:
        chat = self._chat(params.get("chat_id"))
        info: JSON = {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }
        if chat["id"] in self._pinned:
            pinned = self._messages.get((chat["id"], self._pinned[chat["id"]]))
            if pinned is not None:
                info["pinned_message"] = copy.deepcopy(pinned)
        return info

    def _original(self, params: JSON, missing: str) -> JSON | None:
        from_chat = self._chat(params.get("from_chat_id"))
        key = (int(from_chat["id"]), self._message_id(params))
        if key in self._deleted:
            raise ApiError(missing)
        return self._messages.get(key)

    _CONTENT_KEYS: Final = (
        "text", "entities", "venue", "location", "contact", "document", "photo", "sticker",
        "caption", "caption_entities",
    )  # fmt: skip

    def _copy_message(self, params: JSON) -> JSON:
        self._require(params, "chat_id", "from_chat_id", "message_id")
        original = self._original(params, "Bad Request: message to copy not found")
        content = {k: v for k, v in (original or {}).items() if k in self._CONTENT_KEYS}
        if params.get("caption") is not None:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            content.update(self._caption(params))
        message = self._new_message(params, copy.deepcopy(content), self._inline_markup(params))
        return {"message_id": message["message_id"]}

    def _forward_message(self, params: JSON) -> JSON:
        self._require(params, "chat_id", "from_chat_id", "message_id")
        original = self._original(params, "Bad Request: message to forward not found")
        origin: JSON
        if original is None:
            origin = {"type": "hidden_user", "date": int(self.now()), "sender_user_name": "?"}
        elif original["chat"]["type"] in ("private", "group", "supergroup") and "from" in original:
            origin = {"type": "user", "date": original["date"], "sender_user": original["from"]}
        else:
            origin = {"type": "chat", "date": original["date"], "sender_chat": original["chat"]}
        content = {k: v for k, v in (original or {}).items() if k in self._CONTENT_KEYS}
        content["forward_origin"] = origin
        return self._new_message(params, copy.deepcopy(content))


def _dump(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


# -- incoming updates --------------------------------------------------------------------------


_CALLBACK_IDS = itertools.count(1)


@dataclass
class UpdateFactory:
    """Builds incoming updates: JSON-ready dicts, and PTB `Update`s via `to_update`.

    With a `stand_in`, update and message ids come from the stand-in's sequences (so a user's
    message and the bot's replies share one message_id sequence per chat), incoming messages
    are remembered there (so replies, copies and forwards of them work), and `callback()`
    defaults to the bot's latest message in the chat, keyboard included.
    """

    bot: Bot | None = None
    stand_in: StandIn | None = None
    user_id: int = 4242
    first_name: str = "Budi"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "id"
    group_chat_id: int = -1001234567890
    group_title: str = "Citynet Delegates"
    now: Callable[[], float] | None = None
    _update_id: int = field(default=0, init=False)
    _message_ids: dict[int, int] = field(default_factory=dict, init=False)
    _callback_id: int = field(default=0, init=False)

    # Building blocks

    def _now(self) -> int:
        if self.now is not None:
            return int(self.now())
        if self.stand_in is not None:
            return int(self.stand_in.now())
        return int(time.time())

    def _next_update_id(self) -> int:
        if self.stand_in is not None:
            return self.stand_in.next_update_id()
        self._update_id += 1
        return self._update_id

    def _next_message_id(self, chat_id: int) -> int:
        if self.stand_in is not None:
            return self.stand_in.next_message_id(chat_id)
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def _bot_user(self) -> JSON:
        source = self.stand_in.bot_user if self.stand_in is not None else BOT_USER
        return {k: source[k] for k in ("id", "is_bot", "first_name", "username")}

    def user(
        self,
        user_id: int | None = None,
        *,
        first_name: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        user: JSON = {
            "id": user_id if user_id is not None else self.user_id,
            "is_bot": False,
            "first_name": first_name or self.first_name,
        }
        # The factory's own user has a full profile; other user ids just a first name.
        if user["id"] == self.user_id and self.last_name:
            user["last_name"] = self.last_name
        if user["id"] == self.user_id and self.username:
            user["username"] = self.username
        language = language_code if language_code is not None else self.language_code
        if language:
            user["language_code"] = language
        return user

    def chat(
        self, chat_id: int, chat_type: str = "private", *, user: Mapping[str, Any] | None = None
    ) -> JSON:
        if chat_type == "private":
            chat: JSON = {"id": chat_id, "type": "private"}
            for key in ("first_name", "last_name", "username"):
                if user is not None and user.get(key):
                    chat[key] = user[key]
            chat.setdefault("first_name", self.first_name)
        else:
            title = self.group_title if chat_id == self.group_chat_id else f"Group {chat_id}"
            chat = {"id": chat_id, "type": chat_type, "title": title}
        if self.stand_in is not None:
            self.stand_in.remember_chat(chat)
        return chat

    def _base_message(
        self,
        *,
        user_id: int | None,
        chat_id: int | None,
        first_name: str | None,
        language_code: str | None,
        chat_type: str,
        message_id: int | None = None,
    ) -> JSON:
        user = self.user(user_id, first_name=first_name, language_code=language_code)
        if chat_id is None:
            chat_id = user["id"] if chat_type == "private" else self.group_chat_id
        chat = self.chat(chat_id, chat_type, user=user)
        return {
            "message_id": message_id if message_id is not None else self._next_message_id(chat_id),
            "from": user,
            "chat": chat,
            "date": self._now(),
        }

    def _wrap(self, kind: str, message: JSON) -> JSON:
        if self.stand_in is not None:
            self.stand_in.remember_message(message)
        return {"update_id": self._next_update_id(), kind: message}

    # Updates

    def message(
        self,
        text: str,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        first_name: str | None = None,
        language_code: str | None = None,
        chat_type: str = "private",
        entities: list[JSON] | None = None,
        reply_to: Mapping[str, Any] | None = None,
    ) -> JSON:
        """A text message from a user (private chat by default)."""
        message = self._base_message(
            user_id=user_id,
            chat_id=chat_id,
            first_name=first_name,
            language_code=language_code,
            chat_type=chat_type,
        )
        message["text"] = text
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = copy.deepcopy(dict(reply_to))
        return self._wrap("message", message)

    def command(
        self,
        command: str,
        args: str = "",
        *,
        at_bot: bool | str = False,
        user_id: int | None = None,
        chat_id: int | None = None,
        first_name: str | None = None,
        language_code: str | None = None,
        chat_type: str = "private",
    ) -> JSON:
        """`/command args`, with its bot_command entity; `at_bot` appends @botname."""
        name = command.lstrip("/")
        if at_bot:
            bot_name = at_bot if isinstance(at_bot, str) else self._bot_user()["username"]
            name = f"{name}@{bot_name.lstrip('@')}"
        head = f"/{name}"
        entity = {"type": "bot_command", "offset": 0, "length": utf16_length(head)}
        return self.message(
            f"{head} {args}" if args else head,
            user_id=user_id,
            chat_id=chat_id,
            first_name=first_name,
            language_code=language_code,
            chat_type=chat_type,
            entities=[entity],
        )

    def group_message(
        self, text: str, *, chat_id: int | None = None, user_id: int | None = None, **kw: Any
    ) -> JSON:
        """A text message in a supergroup (`group_chat_id` unless given)."""
        return self.message(
            text,
            chat_id=chat_id if chat_id is not None else self.group_chat_id,
            user_id=user_id,
            chat_type="supergroup",
            **kw,
        )

    def edited_message(
        self,
        text: str,
        message_id: int,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        first_name: str | None = None,
        language_code: str | None = None,
        chat_type: str = "private",
    ) -> JSON:
        """The user edited their message `message_id` to `text`."""
        message = self._base_message(
            user_id=user_id,
            chat_id=chat_id,
            first_name=first_name,
            language_code=language_code,
            chat_type=chat_type,
            message_id=message_id,
        )
        message["date"] = message["date"] - 60
        message["edit_date"] = self._now()
        message["text"] = text
        return self._wrap("edited_message", message)

    def sticker(self, emoji: str = "👍", **kw: Any) -> JSON:
        """A non-text message: a sticker."""
        message = self._media_message(**kw)
        message["sticker"] = {
            "file_id": "CAACAgIAAxkBAAIstandinsticker",
            "file_unique_id": "AgADstandin",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._wrap("message", message)

    def photo(self, caption: str | None = None, **kw: Any) -> JSON:
        """A non-text message: a photo, optionally captioned."""
        message = self._media_message(**kw)
        message["photo"] = [
            {"file_id": "AgACAgIAAxkBAAIstandinphoto-s", "file_unique_id": "AQADs",
             "width": 90, "height": 60, "file_size": 1200},
            {"file_id": "AgACAgIAAxkBAAIstandinphoto", "file_unique_id": "AQADm",
             "width": 1280, "height": 853, "file_size": 96_000},
        ]  # fmt: skip
        if caption:
            message["caption"] = caption
        return self._wrap("message", message)

    def location(self, latitude: float, longitude: float, **kw: Any) -> JSON:
        """A shared location."""
        message = self._media_message(**kw)
        message["location"] = {"latitude": latitude, "longitude": longitude}
        return self._wrap("message", message)

    def contact(self, phone_number: str, own: bool = True, **kw: Any) -> JSON:
        """A shared contact card: the sender's own (Telegram's "share my contact" button
        sets user_id to the sender) or, with `own=False`, somebody else's."""
        message = self._media_message(**kw)
        sender = message["from"]
        card: JSON = {"phone_number": phone_number, "first_name": sender.get("first_name", "")}
        card["user_id"] = sender["id"] if own else sender["id"] + 1
        message["contact"] = card
        return self._wrap("message", message)

    def _media_message(
        self,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        first_name: str | None = None,
        language_code: str | None = None,
        chat_type: str = "private",
    ) -> JSON:
        return self._base_message(
            user_id=user_id,
            chat_id=chat_id,
            first_name=first_name,
            language_code=language_code,
            chat_type=chat_type,
        )

    def callback(
        self,
        data: str,
        message_id: int | None = None,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        first_name: str | None = None,
        language_code: str | None = None,
        message_text: str = "…",
    ) -> JSON:
        """The user pressed an inline button with `data` under message `message_id`.

        Without `message_id`, the stand-in's latest bot message in the chat is used. A message
        the stand-in saw deleted comes as an inaccessible message (date 0), as on Telegram.
        """
        user = self.user(user_id, first_name=first_name, language_code=language_code)
        if chat_id is None:
            chat_id = user["id"]
        chat = self.chat(chat_id, "private" if chat_id > 0 else "supergroup", user=user)
        message: JSON | None = None
        if self.stand_in is not None:
            if message_id is None:
                message = self.stand_in.last_bot_message(chat_id)
            elif self.stand_in.is_deleted(chat_id, message_id):
                message = {"chat": chat, "message_id": message_id, "date": 0}
            else:
                message = self.stand_in.message(chat_id, message_id)
        if message is None:
            message = {
                "message_id": message_id if message_id is not None else 1,
                "from": self._bot_user(),
                "chat": chat,
                "date": self._now(),
                "text": message_text,
            }
        # Unique in the whole process, as Telegram's are unique everywhere: handlers remember
        # which queries they answered (handlers/common.answer), across applications.
        self._callback_id = next(_CALLBACK_IDS)
        query: JSON = {
            "id": f"{user['id']}{self._callback_id:08d}",
            "from": user,
            "chat_instance": str(zlib.crc32(f"chat{chat_id}".encode())),
            "data": data,
            "message": message,
        }
        return {"update_id": self._next_update_id(), "callback_query": query}

    # PTB objects

    def to_update(self, data: Mapping[str, Any], bot: Bot | None = None) -> Update:
        """`data` as a PTB `Update` bound to `bot` (or this factory's bot)."""
        bot = bot or self.bot
        if bot is None:
            raise ValueError("UpdateFactory.to_update needs a bot (pass bot= here or at init)")
        update = Update.de_json(copy.deepcopy(dict(data)), bot)
        return update

    def to_updates(
        self, items: Iterable[Mapping[str, Any]], bot: Bot | None = None
    ) -> list[Update]:
        return [self.to_update(item, bot) for item in items]
