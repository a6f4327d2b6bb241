"""The bot's menus in the offline Bot API: the command lists per scope and language
(setMyCommands and co.), and the chats' menu buttons."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from bot.offline import checks
from bot.offline.protocol import ERR_BOT_COMMAND, JSON, ApiError


def _key(scope: Any, language_code: Any) -> str:
    scope = scope if isinstance(scope, dict) else {"type": "default"}
    return json.dumps([scope, language_code or ""], sort_keys=True)


class Menus:
    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self._commands: dict[str, list[JSON]] = {}
        self._menu_buttons: dict[int, JSON] = {}

    def commands(self, scope: Mapping[str, Any] | None, language_code: str) -> list[JSON]:
        return copy.deepcopy(self._commands.get(_key(scope, language_code), []))

    def set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError("Bad Request: parameter commands is required")
        for command in commands:
            if not isinstance(command, dict) or not checks.COMMAND_RE.match(
                str(command.get("command", ""))
            ):
                raise ApiError(ERR_BOT_COMMAND)
        key = _key(params.get("scope"), params.get("language_code"))
        self._commands[key] = copy.deepcopy(commands)
        return True

    def delete_my_commands(self, params: JSON) -> bool:
        self._commands.pop(_key(params.get("scope"), params.get("language_code")), None)
        return True

    def get_my_commands(self, params: JSON) -> list[JSON]:
        key = _key(params.get("scope"), params.get("language_code"))
        if key not in self._commands and params.get("language_code"):
            # Telegram falls back to the commands set for all languages in that scope.
            key = _key(params.get("scope"), "")
        return copy.deepcopy(self._commands.get(key, []))

    def set_chat_menu_button(self, params: JSON) -> bool:
        chat_id = checks.normalize_chat_id(params.get("chat_id"))
        button = params.get("menu_button") or {"type": "default"}
        self._menu_buttons[chat_id if isinstance(chat_id, int) else 0] = button
        return True
