"""Check Bot API calls against the Bot API 10.0 spec.

`check_call(method, params)` returns human-readable problems (empty list: the call is valid):
unknown method, missing required or unknown parameters, wrong types (recursively through
nested objects, arrays and unions), and the documented limits: text/caption length after
entity parsing, callback_data bytes, enumerations such as a scope's `type`, inline keyboard
shape. `params` are the decoded parameters `bot.offline.botapi.StandIn` records (`ApiCall.params`):
nested objects are dicts/lists, uploads are file notes.

The spec is the trimmed copy in `tests/botapi/` (see its README); a method missing there is
reported as unknown until it is added to `tests/botapi/trim.py` and the file regenerated.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from bot.offline.html import EntityParseError, rendered_text
from bot.offline.protocol import CHAT_ACTIONS, is_file_note

SPEC_PATH = Path(__file__).resolve().parent / "botapi" / "api-10.0-trimmed.json"

ARRAY_PREFIX = "Array of "
PARSE_MODES = frozenset({"html", "markdown", "markdownv2"})
# Not in the Bot API text but enforced by Telegram (tginfo/Telegram-Limits).
MAX_INLINE_BUTTONS_PER_ROW = 8
MAX_INLINE_BUTTONS = 100
# InlineKeyboardButton: "Exactly one of the fields other than text, icon_custom_emoji_id, and
# style must be used"; the others are its actions.
BUTTON_NON_ACTIONS = frozenset({"text", "icon_custom_emoji_id", "style"})

_LENGTH_RE = re.compile(r"(\d+)-(\d+) (characters|bytes)( after entities parsing)?")
_BETWEEN_RE = re.compile(r"[Mm]ust be between (\d+) and (\d+)")
_MUST_BE_RE = re.compile(r"must be ([a-z_]+)$")
_QUOTED_RE = re.compile(r'"([^"]+)"')
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")


class _Call(Protocol):
    # Read-only, so frozen dataclasses such as bot.offline.protocol.ApiCall match.
    @property
    def method(self) -> str: ...

    @property
    def params(self) -> Mapping[str, Any]: ...


@functools.cache
def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return spec


def check_call(
    method: str,
    params: Mapping[str, Any],
    *,
    spec: Mapping[str, Any] | None = None,
    strict_html: bool = False,
) -> list[str]:
    """Problems with calling `method` with `params`; [] when the call is valid."""
    checker = _checker(spec if spec is not None else load_spec(), strict_html)
    return checker.check_call(method, params)


def check_calls(calls: Iterable[_Call], *, strict_html: bool = False) -> list[str]:
    """Problems across recorded calls (e.g. `StandIn.calls`), each naming its call."""
    problems: list[str] = []
    for index, call in enumerate(calls):
        problems.extend(
            f"call #{index} {problem}"
            for problem in check_call(call.method, call.params, strict_html=strict_html)
        )
    return problems


def _checker(spec: Mapping[str, Any], strict_html: bool) -> _Checker:
    # The default spec is checked often; build its checker (and discriminator maps) once.
    if spec is load_spec():
        return _default_checker(strict_html)
    return _Checker(spec, strict_html)


@functools.cache
def _default_checker(strict_html: bool) -> _Checker:
    return _Checker(load_spec(), strict_html)


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, list):
        return "Array"
    if is_file_note(value):
        return "InputFile"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


class _Checker:
    def __init__(self, spec: Mapping[str, Any], strict_html: bool) -> None:
        self.version = str(spec.get("version", "?"))
        self.methods: Mapping[str, Any] = spec["methods"]
        self.types: Mapping[str, Any] = spec["types"]
        self.strict_html = strict_html
        # Abstract types (BotCommandScope, MenuButton) pick their subtype by "type", whose
        # description in each subtype reads "..., must be <value>".
        self.discriminators: dict[str, dict[str, str]] = {}
        for name, entry in self.types.items():
            mapping: dict[str, str] = {}
            for subtype in entry.get("subtypes", []):
                for fld in self.types.get(subtype, {}).get("fields", []):
                    match = _MUST_BE_RE.search(fld["description"])
                    if fld["name"] == "type" and match:
                        mapping[match.group(1)] = subtype
            if mapping:
                self.discriminators[name] = mapping

    def check_call(self, method: str, params: Mapping[str, Any]) -> list[str]:
        entry = self.methods.get(method)
        if entry is None:
            return [
                f"{method}: unknown method (not in the {self.version} spec in tests/botapi; "
                "add it to tests/botapi/trim.py and regenerate if it is real)"
            ]
        problems = self._check_fields(entry.get("fields", []), params, "", "parameter")
        if method == "sendChatAction" and params.get("action") not in CHAT_ACTIONS:
            problems.append(f"action: {params.get('action')!r} is not a chat action")
        return [f"{method}: {problem}" for problem in problems]

    # Objects and fields

    def _check_fields(
        self, fields: list[dict[str, Any]], obj: Mapping[str, Any], path: str, kind: str
    ) -> list[str]:
        problems: list[str] = []
        known = {fld["name"]: fld for fld in fields}
        for required in fields:
            if required["required"] and obj.get(required["name"]) is None:
                problems.append(f"{_join(path, required['name'])}: missing required {kind}")
        for name, value in obj.items():
            where = _join(path, name)
            fld = known.get(name)
            if fld is None:
                problems.append(f"{where}: unknown {kind}")
                continue
            if value is None:
                continue
            value_problems = self._check_value(fld["types"], value, where, fld)
            # Limits only make sense once the value has the right type.
            problems.extend(value_problems or self._check_rules(fld, value, obj, where))
        return problems

    def _check_object(self, type_name: str, value: Any, path: str) -> list[str]:
        if type_name == "InputFile":
            if is_file_note(value):
                return []
            return [f"{path or 'value'}: expected an uploaded file, got {_type_of(value)}"]
        if not isinstance(value, dict):
            return [f"{path or 'value'}: expected {type_name} object, got {_type_of(value)}"]
        entry = self.types[type_name]
        subtypes: list[str] = entry.get("subtypes", [])
        if subtypes:
            return self._check_abstract(type_name, subtypes, value, path)
        problems = self._check_fields(entry.get("fields", []), value, path, "field")
        if type_name == "InlineKeyboardMarkup":
            problems.extend(self._check_inline_keyboard(value, path))
        if type_name == "InlineKeyboardButton" and not problems:
            actions = [key for key in value if key not in BUTTON_NON_ACTIONS]
            if len(actions) != 1:
                found = ", ".join(actions) or "none"
                problems.append(
                    f"{path}: an inline button needs exactly one action field, found {found}"
                )
        return problems

    def _check_abstract(
        self, type_name: str, subtypes: list[str], value: Mapping[str, Any], path: str
    ) -> list[str]:
        mapping = self.discriminators.get(type_name)
        if mapping:
            subtype = mapping.get(value.get("type"))  # type: ignore[arg-type]
            if subtype is None:
                allowed = ", ".join(sorted(mapping))
                return [
                    f"{_join(path, 'type')}: {value.get('type')!r} is not a {type_name} ({allowed})"
                ]
            return self._check_object(subtype, value, path)
        results = [self._check_object(subtype, value, path) for subtype in subtypes]
        return min(results, key=len)

    def _check_inline_keyboard(self, markup: Mapping[str, Any], path: str) -> list[str]:
        problems: list[str] = []
        raw_rows = markup.get("inline_keyboard")
        # A wrongly typed keyboard is reported by the type check; only shape lists of lists.
        rows = (
            [row for row in raw_rows if isinstance(row, list)] if isinstance(raw_rows, list) else []
        )
        for index, row in enumerate(rows):
            where = f"{_join(path, 'inline_keyboard')}[{index}]"
            if not row:
                problems.append(f"{where}: empty keyboard row")
            elif len(row) > MAX_INLINE_BUTTONS_PER_ROW:
                problems.append(
                    f"{where}: {len(row)} buttons in a row, Telegram shows at most "
                    f"{MAX_INLINE_BUTTONS_PER_ROW}"
                )
        total = sum(len(row) for row in rows)
        if total > MAX_INLINE_BUTTONS:
            problems.append(f"{path}: {total} inline buttons, Telegram allows {MAX_INLINE_BUTTONS}")
        return problems

    # Values

    def _check_value(
        self, type_names: list[str], value: Any, path: str, fld: Mapping[str, Any] | None = None
    ) -> list[str]:
        """`value` against a union of spec type names ("Integer", "Array of X", "Chat", ...)."""
        candidates: list[list[str]] = []
        for type_name in type_names:
            if type_name.startswith(ARRAY_PREFIX):
                if isinstance(value, list):
                    item_type = type_name[len(ARRAY_PREFIX) :]
                    candidates.append(
                        [
                            problem
                            for index, item in enumerate(value)
                            for problem in self._check_value([item_type], item, f"{path}[{index}]")
                        ]
                    )
            elif type_name in self.types:
                if isinstance(value, dict):
                    candidates.append(self._check_object(type_name, value, path))
            elif _primitive_matches(type_name, value, fld):
                candidates.append([])
        if not candidates:
            expected = " or ".join(type_names)
            return [f"{path or 'value'}: expected {expected}, got {_type_of(value)} {value!r:.60}"]
        if any(not problems for problems in candidates):
            return []
        # Several object types fit the shape (reply_markup): report the closest one.
        return min(candidates, key=len)

    def _check_rules(
        self, fld: Mapping[str, Any], value: Any, obj: Mapping[str, Any], path: str
    ) -> list[str]:
        """The limits a field's description states, for a value of the right type."""
        name: str = fld["name"]
        description: str = fld["description"]
        problems: list[str] = []
        if isinstance(value, str):
            length = _LENGTH_RE.search(description)
            if length:
                low, high, unit = int(length.group(1)), int(length.group(2)), length.group(3)
                measured: int | None
                if unit == "bytes":
                    measured = len(value.encode("utf-8"))
                elif length.group(4):
                    measured = self._entity_parsed_length(value, obj, name, path, problems)
                else:
                    measured = len(value)
                if measured is not None and not low <= measured <= high:
                    what = "after entity parsing " if length.group(4) else ""
                    problems.append(f"{path}: {measured} {unit} {what}(allowed {low}-{high})")
            if name == "type":
                exact = _MUST_BE_RE.search(description)
                if exact and value != exact.group(1):
                    problems.append(f"{path}: must be {exact.group(1)!r}, got {value!r}")
                if "can be" in description:
                    allowed = set(_QUOTED_RE.findall(description))
                    if allowed and value not in allowed:
                        problems.append(f"{path}: {value!r} is not one of {sorted(allowed)}")
            one_of = description.lower().find("must be one of")
            if one_of >= 0:
                sentence = description[one_of:].split(". ")[0]
                allowed = set(_QUOTED_RE.findall(sentence))
                if allowed and value not in allowed:
                    problems.append(f"{path}: {value!r} is not one of {sorted(allowed)}")
            if name.endswith("parse_mode") and value.lower() not in PARSE_MODES:
                problems.append(f"{path}: unknown parse mode {value!r}")
            lowercase_only = name == "command" and "lowercase English letters" in description
            if lowercase_only and not _COMMAND_RE.match(value):
                problems.append(
                    f"{path}: {value!r} must be 1-32 lowercase letters, digits, underscores"
                )
        if isinstance(value, int) and not isinstance(value, bool):
            between = _BETWEEN_RE.search(description)
            if between and not int(between.group(1)) <= value <= int(between.group(2)):
                problems.append(f"{path}: {value} is outside {between.group(1)}-{between.group(2)}")
        return problems

    def _entity_parsed_length(
        self, value: str, obj: Mapping[str, Any], name: str, path: str, problems: list[str]
    ) -> int | None:
        # text/caption go with parse_mode, ReplyParameters.quote with quote_parse_mode.
        mode_key = "quote_parse_mode" if name == "quote" else "parse_mode"
        parse_mode = obj.get(mode_key)
        try:
            text, _ = rendered_text(
                value, parse_mode if isinstance(parse_mode, str) else None, strict=self.strict_html
            )
        except EntityParseError as exc:
            problems.append(f"{path}: can't parse entities: {exc}")
            return None
        return len(text)


def _primitive_matches(type_name: str, value: Any, fld: Mapping[str, Any] | None) -> bool:
    if type_name == "Integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "Float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if type_name == "Boolean":
        return isinstance(value, bool)
    if type_name == "String":
        if isinstance(value, str):
            return True
        # InputMedia-style String fields take "attach://<name>", recorded as a file note.
        return is_file_note(value) and fld is not None and "attach://" in fld["description"]
    return False


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
