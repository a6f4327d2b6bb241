"""The offline Bot API's vocabulary: the bot it plays, Telegram's limits and error texts, the
recorded `ApiCall`, failures to inject (`fault`s), and how PTB's requests decode into plain JSON.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import IO, Any, Final

from telegram.request import RequestData

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


def replace_attach_uris(value: Any, notes: Mapping[str, JSON], used: set[str]) -> Any:
    if isinstance(value, str) and value.startswith("attach://"):
        name = value[len("attach://") :]
        if name in notes:
            used.add(name)
            return dict(notes[name])
        return value
    if isinstance(value, list):
        return [replace_attach_uris(item, notes, used) for item in value]
    if isinstance(value, dict):
        return {key: replace_attach_uris(item, notes, used) for key, item in value.items()}
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
    params = replace_attach_uris(params, notes, used)
    for name, note in notes.items():
        # A file uploaded directly (not via attach://) is sent under its parameter's name.
        if name not in used:
            params[name] = note
    return params


def method_from_url(url: str) -> str:
    """`https://api.telegram.org/bot<token>/sendMessage?x=1` -> `sendMessage`."""
    return url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]

