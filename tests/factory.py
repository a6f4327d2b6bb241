"""`UpdateFactory`: the offline chat's update builder (bot.offline.updates) plus what only
tests send: messages in groups, edited messages, stickers and photos."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.offline.protocol import JSON
from bot.offline.updates import UpdateBuilder


@dataclass
class UpdateFactory(UpdateBuilder):
    """Builds incoming updates for tests and benchmarks (see `UpdateBuilder`)."""

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

    def edited_message(self, text: str, message_id: int, **kw: Any) -> JSON:
        """The user edited their message `message_id` to `text`."""
        message = self._base_message(message_id=message_id, **kw)
        message["date"] = message["date"] - 60
        message["edit_date"] = self._now()
        message["text"] = text
        return self._wrap("edited_message", message)

    def sticker(self, emoji: str = "👍", **kw: Any) -> JSON:
        """A non-text message: a sticker."""
        message = self._base_message(**kw)
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
        message = self._base_message(**kw)
        message["photo"] = [
            {"file_id": "AgACAgIAAxkBAAIstandinphoto-s", "file_unique_id": "AQADs",
             "width": 90, "height": 60, "file_size": 1200},
            {"file_id": "AgACAgIAAxkBAAIstandinphoto", "file_unique_id": "AQADm",
             "width": 1280, "height": 853, "file_size": 96_000},
        ]  # fmt: skip
        if caption:
            message["caption"] = caption
        return self._wrap("message", message)

