"""Incoming updates for the offline Bot API: messages, commands, shared locations and
contacts, button presses.

`UpdateBuilder` makes them as Telegram would (JSON-ready dicts, or PTB `Update`s bound to a
bot), with ids from the `StandIn`'s sequences, so a user's message and the bot's replies share
one message_id sequence per chat; incoming messages are remembered there, so replies, copies
and forwards of them work. The offline chat (bot/terminal.py) uses it; the tests extend it
(tests/factory.py) with shortcuts for group messages, edits, stickers and photos.
"""

from __future__ import annotations

import copy
import itertools
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from telegram import Bot, Update

from bot.offline.botapi import StandIn
from bot.offline.html import utf16_length
from bot.offline.protocol import JSON

_CALLBACK_IDS = itertools.count(1)


@dataclass
class UpdateBuilder:
    """Builds incoming updates: JSON-ready dicts, and PTB `Update`s via `to_update`.

    Ids come from `stand_in`'s sequences and incoming messages are remembered there;
    `callback()` defaults to the bot's latest message in the chat, keyboard included.
    """

    stand_in: StandIn
    bot: Bot | None = None
    user_id: int = 4242
    first_name: str = "Budi"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "id"
    group_chat_id: int = -1001234567890
    group_title: str = "Citynet Delegates"

    # Building blocks

    def _now(self) -> int:
        return int(self.stand_in.now())

    def _bot_user(self) -> JSON:
        return {k: self.stand_in.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}

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
        # The builder's own user has a full profile; other user ids just a first name.
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
        self.stand_in.remember_chat(chat)
        return chat

    def _base_message(
        self,
        *,
        user_id: int | None = None,
        chat_id: int | None = None,
        first_name: str | None = None,
        language_code: str | None = None,
        chat_type: str = "private",
        message_id: int | None = None,
    ) -> JSON:
        """A message's sender, chat, id and date (private chat with this user by default)."""
        user = self.user(user_id, first_name=first_name, language_code=language_code)
        if chat_id is None:
            chat_id = user["id"] if chat_type == "private" else self.group_chat_id
        chat = self.chat(chat_id, chat_type, user=user)
        if message_id is None:
            message_id = self.stand_in.next_message_id(chat_id)
        return {
            "message_id": message_id,
            "from": user,
            "chat": chat,
            "date": self._now(),
        }

    def _wrap(self, kind: str, message: JSON) -> JSON:
        self.stand_in.remember_message(message)
        return {"update_id": self.stand_in.next_update_id(), kind: message}

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

    def location(self, latitude: float, longitude: float, **kw: Any) -> JSON:
        """A shared location."""
        message = self._base_message(**kw)
        message["location"] = {"latitude": latitude, "longitude": longitude}
        return self._wrap("message", message)

    def contact(self, phone_number: str, own: bool = True, **kw: Any) -> JSON:
        """A shared contact card: the sender's own (Telegram's "share my contact" button
        sets user_id to the sender) or, with `own=False`, somebody else's."""
        message = self._base_message(**kw)
        sender = message["from"]
        card: JSON = {"phone_number": phone_number, "first_name": sender.get("first_name", "")}
        card["user_id"] = sender["id"] if own else sender["id"] + 1
        message["contact"] = card
        return self._wrap("message", message)

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
        message: JSON | None
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
        query: JSON = {
            "id": f"{user['id']}{next(_CALLBACK_IDS):08d}",
            "from": user,
            "chat_instance": str(zlib.crc32(f"chat{chat_id}".encode())),
            "data": data,
            "message": message,
        }
        return {"update_id": self.stand_in.next_update_id(), "callback_query": query}

    # PTB objects

    def to_update(self, data: Mapping[str, Any], bot: Bot | None = None) -> Update:
        """`data` as a PTB `Update` bound to `bot` (or this factory's bot)."""
        bot = bot or self.bot
        if bot is None:
            raise ValueError("UpdateBuilder.to_update needs a bot (pass bot= here or at init)")
        update = Update.de_json(copy.deepcopy(dict(data)), bot)
        return update
