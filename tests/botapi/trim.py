"""Regenerate the trimmed Bot API spec the tests check calls against.

Usage:
    python tests/botapi/trim.py FULL_SPEC.json [METHOD ...] [-o OUTPUT]

With no METHOD, the methods in `DEFAULT_METHODS` (the ones the bot and the stand-in use) are
kept. Every type reachable from their parameters is kept too, following field types, "Array of"
wrappers and the subtypes of abstract types (BotCommandScope -> BotCommandScopeChat, ...), so
the checker can validate nested objects without the full 800 kB file. Return types are not
followed: they would pull in Message and with it most of the API.

The output keeps the upstream format (PaulSonOfLars/telegram-bot-api-spec), so the checker can
also load the full file unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "api-10.0-trimmed.json"
DEFAULT_METHODS = (
    "getMe",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "answerCallbackQuery",
    "sendVenue",
    "sendLocation",
    "sendContact",
    "sendDocument",
    "sendPhoto",
    "sendChatAction",
    "setMyCommands",
    "deleteMyCommands",
    "getMyCommands",
    "setChatMenuButton",
    "deleteMessage",
    "pinChatMessage",
    "getUpdates",
    "deleteWebhook",
    "setWebhook",
    "getChat",
    "copyMessage",
    "forwardMessage",
)
ARRAY_PREFIX = "Array of "


def base_type(name: str) -> str:
    while name.startswith(ARRAY_PREFIX):
        name = name[len(ARRAY_PREFIX) :]
    return name


def reachable_types(spec: dict[str, Any], methods: list[str]) -> set[str]:
    types: dict[str, Any] = spec["types"]
    pending = [
        base_type(t)
        for method in methods
        for field in spec["methods"][method].get("fields", [])
        for t in field["types"]
    ]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        # Primitive names (Integer, String, ...) are not in "types"; nothing to follow.
        if name in seen or name not in types:
            continue
        seen.add(name)
        entry = types[name]
        pending.extend(entry.get("subtypes", []))
        for field in entry.get("fields", []):
            pending.extend(base_type(t) for t in field["types"])
    return seen


def trim(spec: dict[str, Any], methods: list[str]) -> dict[str, Any]:
    missing = [m for m in methods if m not in spec["methods"]]
    if missing:
        raise SystemExit(f"not in the spec: {', '.join(missing)}")
    kept_types = reachable_types(spec, methods)
    return {
        "version": spec["version"],
        "release_date": spec["release_date"],
        "changelog": spec["changelog"],
        # Sorted so regenerating gives a stable, reviewable diff.
        "methods": {name: spec["methods"][name] for name in sorted(methods)},
        "types": {name: spec["types"][name] for name in sorted(kept_types)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="full spec, e.g. api-10.0.json")
    parser.add_argument("methods", nargs="*", help="methods to keep (default: the bot's)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    spec = json.loads(args.source.read_text(encoding="utf-8"))
    trimmed = trim(spec, list(args.methods or DEFAULT_METHODS))
    text = json.dumps(trimmed, indent=1, ensure_ascii=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(
        f"{args.output}: {spec['version']}, {len(trimmed['methods'])} methods, "
        f"{len(trimmed['types'])} types",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
