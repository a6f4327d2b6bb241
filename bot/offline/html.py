"""Telegram-flavoured HTML, parsed into plain text and entities as Telegram's server does.

Used by the offline Bot API (`bot.offline.botapi`) to measure and echo what the bot sends, by
the offline chat to show it, and by the tests to check texts against Telegram's own rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

JSON = dict[str, Any]

HTML_TAGS: Final = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre",
        "tg-spoiler", "span", "blockquote", "tg-emoji",
        # Bot API 10.0 has the date_time entity, which HTML writes as <tg-time>.
        "tg-time",
    }
)  # fmt: skip
#: What Telegram treats as white space between tag names, attributes and values.
SPACES: Final = " \t\r\n\v\0"


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
    # One loop over ~140 lines on purpose: it keeps the shape of Telegram's single-pass
    # parser (tdlib's parse_html), whose error texts and byte offsets it reproduces; split
    # into helpers, the cursor, the output and the tag stack would all have to be passed on.
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
            while i < n and source[i] not in SPACES and source[i] != ">":
                i += 1
            end_name = source[name_start:i].lower()
            while i < n and source[i] in SPACES:
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
        while i < n and source[i] not in SPACES and source[i] != ">":
            i += 1
        if i >= n:
            raise fail(f"Unclosed start tag at byte offset {at}")
        name = source[name_start:i].lower()
        if name not in HTML_TAGS:
            raise fail(f'Unsupported start tag "{name}" at byte offset {at}')
        attrs: dict[str, str] = {}
        while True:
            while i < n and source[i] in SPACES:
                i += 1
            if i >= n:
                raise fail(f"Unclosed start tag at byte offset {at}")
            if source[i] == ">":
                i += 1
                break
            attr_start = i
            while i < n and source[i] not in SPACES and source[i] not in "=>":
                i += 1
            attr_name = source[attr_start:i]
            if not attr_name:
                raise fail(f'Empty attribute name in the tag "{name}" at byte offset {at}')
            while i < n and source[i] in SPACES:
                i += 1
            if i >= n:
                raise fail(f'Unclosed start tag "{name}" at byte offset {at}')
            if source[i] != "=":
                # A bare attribute, as in <blockquote expandable>.
                attrs[attr_name] = ""
                continue
            i += 1
            while i < n and source[i] in SPACES:
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
                if i < n and source[i] not in SPACES and source[i] != ">":
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
