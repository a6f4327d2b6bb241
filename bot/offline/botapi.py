"""The Bot API played in memory: `StandIn`, a `telegram.request.BaseRequest`.

Give it to a real `telegram.Bot` (as `request` and `get_updates_request`) and every Bot API
call the bot makes is answered here, in memory, instead of by api.telegram.org. The offline
terminal chat (`citynet-bot chat` / `ask`), the tests and the benchmarks all run the real
handlers and the real PTB code path this way.

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

Known simplifications: Markdown/MarkdownV2 text is not parsed (it is measured raw, so a long
MarkdownV2 text may be rejected slightly before Telegram would); no automatic url/mention
entities; `<a href="tg://user?id=...">` becomes a text_link, not a text_mention.

Over ~500 lines on purpose: one class holds the chats and messages and the methods that read
and change them (sending, editing, copying, deleting); what is separable lives next to it:
stateless checks (`checks`), getUpdates and the webhook (`polling`), command menus (`menus`).
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import json
import time
import zlib
from collections.abc import Callable, Mapping
from typing import Any, Final

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.offline import checks
from bot.offline.menus import Menus
from bot.offline.polling import UpdateQueue
from bot.offline.protocol import (
    BOT_USER,
    CHAT_ACTIONS,
    ERR_CHAT_ID_EMPTY,
    ERR_EDIT_TOO_LONG,
    ERR_METHOD_NOT_FOUND,
    ERR_NO_TEXT_TO_EDIT,
    ERR_NOT_MODIFIED,
    ERR_QUERY_INVALID,
    ERR_TEXT_TOO_LONG,
    JSON,
    MAX_CALLBACK_ANSWER_LENGTH,
    SEND_METHODS,
    ApiCall,
    ApiError,
    Fault,
    decode_parameters,
    error_body,
    is_file_note,
    method_from_url,
)


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
        self.initialized = False
        self._queue = UpdateQueue()
        self._menus = Menus()
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
            "setMyCommands": self._menus.set_my_commands,
            "deleteMyCommands": self._menus.delete_my_commands,
            "getMyCommands": self._menus.get_my_commands,
            "setChatMenuButton": self._menus.set_chat_menu_button,
            "deleteMessage": self._delete_message,
            "pinChatMessage": self._pin_chat_message,
            "deleteWebhook": self._queue.delete_webhook,
            "setWebhook": self._queue.set_webhook,
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
        self._pinned: dict[int, int] = {}
        self._answered: set[str] = set()  # callback queries already answered
        self._file_counter = 0
        self._queue.clear()
        self._menus.clear()

    # BaseRequest interface

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        self.initialized = True

    async def shutdown(self) -> None:
        self.initialized = False
        self._queue.wake()  # so shutdown does not wait for a long poll's timeout

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
                result = await self._queue.get_updates(params)
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
            and (chat_id is None or checks.normalize_chat_id(call.params.get("chat_id")) == chat_id)
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """The raw text of each successful sendMessage/editMessageText, in order."""
        return [
            str(call.params.get("text", ""))
            for call in self.calls
            if call.ok
            and call.method in ("sendMessage", "editMessageText")
            and (chat_id is None or checks.normalize_chat_id(call.params.get("chat_id")) == chat_id)
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
        return self._menus.commands(scope, language_code)

    def is_deleted(self, chat_id: int, message_id: int) -> bool:
        return (chat_id, message_id) in self._deleted

    # Shared state with the update builder (bot.offline.updates)

    def next_message_id(self, chat_id: int) -> int:
        # One sequence per chat for both sides, as in a Telegram private chat.
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def next_update_id(self) -> int:
        return self._queue.next_update_id()

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
        self._queue.feed(*updates)

    # State shared by the methods

    def _chat(self, raw_chat_id: Any) -> JSON:
        chat_id = checks.normalize_chat_id(raw_chat_id)
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
        key = (int(chat["id"]), checks.message_id(params))
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
        text, entities = checks.message_text(params, ERR_TEXT_TOO_LONG, strict=self.strict_html)
        content: JSON = {"text": text}
        if entities:
            content["entities"] = entities
        return self._new_message(params, content, checks.inline_markup(params))

    def _to_edit(self, params: JSON) -> tuple[tuple[int, int], JSON, bool]:
        """The bot's message `params` name, to edit: (key, message, whether it was known)."""
        key, stored = self._existing(params, "Bad Request: message to edit not found")
        known = stored is not None
        if stored is None:
            stored = self._placeholder(key)
        self._check_editable(stored)
        return key, stored, known

    def _save_edit(self, key: tuple[int, int], stored: JSON, markup: JSON | None) -> JSON:
        # An edit without a reply_markup removes the keyboard, as on Telegram.
        stored.pop("reply_markup", None)
        if markup is not None:
            stored["reply_markup"] = markup
        stored["edit_date"] = int(self.now())
        self._messages[key] = stored
        return copy.deepcopy(stored)

    def _edit_message_text(self, params: JSON) -> JSON | bool:
        text, entities = checks.message_text(params, ERR_EDIT_TOO_LONG, strict=self.strict_html)
        markup = checks.inline_markup(params)
        if params.get("inline_message_id"):
            return True
        key, stored, known = self._to_edit(params)
        if not known:
            stored["text"] = ""
        if "text" not in stored:
            raise ApiError(ERR_NO_TEXT_TO_EDIT)
        if (
            stored["text"] == text
            and checks.same(stored.get("entities", []), entities)
            and checks.same(stored.get("reply_markup"), markup)
        ):
            raise ApiError(ERR_NOT_MODIFIED)
        stored["text"] = text
        stored.pop("entities", None)
        if entities:
            stored["entities"] = entities
        return self._save_edit(key, stored, markup)

    def _edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        markup = checks.inline_markup(params)
        if params.get("inline_message_id"):
            return True
        key, stored, _ = self._to_edit(params)
        if checks.same(stored.get("reply_markup"), markup):
            raise ApiError(ERR_NOT_MODIFIED)
        return self._save_edit(key, stored, markup)

    def _answer_callback_query(self, params: JSON) -> bool:
        checks.require(params, "callback_query_id")
        if len(str(params.get("text") or "")) > MAX_CALLBACK_ANSWER_LENGTH:
            raise ApiError("Bad Request: MESSAGE_TOO_LONG")
        # Telegram accepts one answer per query; a second one is an error.
        query_id = str(params["callback_query_id"])
        if query_id in self._answered:
            raise ApiError(ERR_QUERY_INVALID)
        self._answered.add(query_id)
        return True

    def _send_venue(self, params: JSON) -> JSON:
        checks.require(params, "chat_id", "latitude", "longitude", "title", "address")
        location = {"latitude": params["latitude"], "longitude": params["longitude"]}
        venue: JSON = {"location": location, "title": params["title"], "address": params["address"]}
        for key in ("foursquare_id", "foursquare_type", "google_place_id", "google_place_type"):
            if params.get(key) is not None:
                venue[key] = params[key]
        # Telegram fills both: a venue message is also a location message.
        content = {"venue": venue, "location": dict(location)}
        return self._new_message(params, content, checks.inline_markup(params))

    def _send_location(self, params: JSON) -> JSON:
        checks.require(params, "chat_id", "latitude", "longitude")
        location: JSON = {"latitude": params["latitude"], "longitude": params["longitude"]}
        for key in ("horizontal_accuracy", "live_period", "heading", "proximity_alert_radius"):
            if params.get(key) is not None:
                location[key] = params[key]
        return self._new_message(params, {"location": location}, checks.inline_markup(params))

    def _send_contact(self, params: JSON) -> JSON:
        checks.require(params, "chat_id", "phone_number", "first_name")
        contact: JSON = {"phone_number": params["phone_number"], "first_name": params["first_name"]}
        for key in ("last_name", "vcard"):
            if params.get(key) is not None:
                contact[key] = params[key]
        return self._new_message(params, {"contact": contact}, checks.inline_markup(params))

    def _file_ids(self, value: Any, prefix: str) -> tuple[str, str]:
        if isinstance(value, str) and "://" not in value:
            # Re-sending by file_id: Telegram answers with that same file.
            file_id = value
        else:
            self._file_counter += 1
            file_id = f"{prefix}{self._file_counter:06d}standin"
        return file_id, hashlib.sha1(file_id.encode()).hexdigest()[:16]

    def _send_document(self, params: JSON) -> JSON:
        checks.require(params, "chat_id", "document")
        self._chat(params["chat_id"])
        caption = checks.caption(params, strict=self.strict_html)
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
        return self._new_message(params, content, checks.inline_markup(params))

    def _send_photo(self, params: JSON) -> JSON:
        checks.require(params, "chat_id", "photo")
        self._chat(params["chat_id"])
        caption = checks.caption(params, strict=self.strict_html)
        file_id, unique_id = self._file_ids(params["photo"], "AgACAgIAAxkBAAI")
        size = params["photo"].get("size") if is_file_note(params["photo"]) else None
        photo = [
            {"file_id": f"{file_id}-s", "file_unique_id": f"{unique_id}s", "width": 90,
             "height": 60, "file_size": 1200},
            {"file_id": file_id, "file_unique_id": unique_id, "width": 1280, "height": 853,
             "file_size": size or 96_000},
        ]  # fmt: skip
        content = {"photo": photo, **caption}
        return self._new_message(params, content, checks.inline_markup(params))

    def _send_chat_action(self, params: JSON) -> bool:
        self._chat(params.get("chat_id"))
        if params.get("action") not in CHAT_ACTIONS:
            raise ApiError("Bad Request: wrong parameter action in request")
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
        key = (int(from_chat["id"]), checks.message_id(params))
        if key in self._deleted:
            raise ApiError(missing)
        return self._messages.get(key)

    _CONTENT_KEYS: Final = (
        "text", "entities", "venue", "location", "contact", "document", "photo", "sticker",
        "caption", "caption_entities",
    )  # fmt: skip

    def _copy_message(self, params: JSON) -> JSON:
        checks.require(params, "chat_id", "from_chat_id", "message_id")
        original = self._original(params, "Bad Request: message to copy not found")
        content = {k: v for k, v in (original or {}).items() if k in self._CONTENT_KEYS}
        if params.get("caption") is not None:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            content.update(checks.caption(params, strict=self.strict_html))
        message = self._new_message(params, copy.deepcopy(content), checks.inline_markup(params))
        return {"message_id": message["message_id"]}

    def _forward_message(self, params: JSON) -> JSON:
        checks.require(params, "chat_id", "from_chat_id", "message_id")
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

