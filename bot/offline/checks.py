"""What the offline Bot API checks in a call's parameters before it answers, with Telegram's
own error texts: text and caption lengths after entity parsing, inline keyboards, ids.

Plain functions of the decoded parameters (no stand-in state), raising `ApiError`.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any, Final

from bot.offline.html import SPACES, EntityParseError, rendered_text
from bot.offline.protocol import (
    BUTTON_ACTIONS,
    ERR_BUTTON_DATA,
    ERR_BUTTON_URL,
    ERR_CANT_PARSE,
    ERR_CAPTION_TOO_LONG,
    ERR_NO_MESSAGE_ID,
    ERR_TEXT_BUTTONS,
    ERR_TEXT_EMPTY,
    JSON,
    MAX_CALLBACK_DATA_BYTES,
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    ApiError,
)

COMMAND_RE: Final = re.compile(r"^[a-z0-9_]{1,32}$")


def normalize_chat_id(value: Any) -> int | str | None:
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


def same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def text(params: JSON, key: str, entities_key: str, *, strict: bool) -> tuple[str, list[JSON]]:
    """The text under `key` as Telegram stores it: parsed in its parse_mode, or with the
    entities sent under `entities_key`."""
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
        plain, entities = rendered_text(raw, parse_mode, strict=strict)
    except EntityParseError as exc:
        raise ApiError(ERR_CANT_PARSE + str(exc)) from None
    if not parse_mode and isinstance(params.get(entities_key), list):
        entities = params[entities_key]
    return plain, entities


def message_text(params: JSON, too_long: str, *, strict: bool) -> tuple[str, list[JSON]]:
    plain, entities = text(params, "text", "entities", strict=strict)
    if not plain.strip():
        raise ApiError(ERR_TEXT_EMPTY)
    if len(plain) > MAX_TEXT_LENGTH:
        raise ApiError(too_long)
    return plain, entities


def caption(params: JSON, *, strict: bool) -> JSON:
    if params.get("caption") is None:
        return {}
    plain, entities = text(params, "caption", "caption_entities", strict=strict)
    if len(plain) > MAX_CAPTION_LENGTH:
        raise ApiError(ERR_CAPTION_TOO_LONG)
    content: JSON = {"caption": plain} if plain else {}
    if plain and entities:
        content["caption_entities"] = entities
    return content


def inline_markup(params: JSON) -> JSON | None:
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
            if url is not None and (not url or any(c in SPACES for c in url)):
                raise ApiError(ERR_BUTTON_URL)
            if not any(key in button for key in BUTTON_ACTIONS):
                raise ApiError(ERR_TEXT_BUTTONS)
    return copy.deepcopy(markup)


def message_id(params: JSON) -> int:
    value = params.get("message_id")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ApiError(ERR_NO_MESSAGE_ID)
    try:
        return int(value)
    except ValueError:
        raise ApiError(ERR_NO_MESSAGE_ID) from None


def require(params: JSON, *names: str) -> None:
    for name in names:
        if params.get(name) is None:
            raise ApiError(f"Bad Request: parameter {name} is required")
