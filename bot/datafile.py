"""Writing the event data file back: a session moved (/ubah), an FAQ entry added (Tanya panitia).

The file is the organizers' own document, full of comments ("# SAMPLE", sources, notes), so it
is edited with tomlkit, which keeps comments, order and layout, rather than regenerated or
patched line by line: a regex misses valid TOML such as `id = 'keynote'` or a date-time
written with a space (`2019-10-16 08:30:00+08:00`).

A write goes to a temporary file first, is loaded and checked like any data file, and only
then replaces the original in one step: the file is always either the old one or the new one.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Table

from bot.loader import load_event
from bot.model import Event


class RewriteError(ValueError):
    """The data file cannot be changed as asked (no such session, unreadable TOML...)."""


def _parse(text: str) -> tomlkit.TOMLDocument:
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise RewriteError(f"the data file is not valid TOML: {exc}") from exc


def _tables(doc: tomlkit.TOMLDocument, key: str) -> list[Table]:
    items = doc.get(key)
    if items is None:
        return []
    if not isinstance(items, AoT):
        raise RewriteError(f"`{key}` is not a list of [[{key}]] tables")
    return list(items.body)


def rewrite_session(
    text: str,
    session_id: str,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    gather: datetime | None = None,
    venue: str | None = None,
) -> str:
    """The data file's text with one [[sessions]] table's `start`/`end`/`gather`/`venue`
    replaced. Only those values change; comments after them stay on their lines."""
    doc = _parse(text)
    table = next((t for t in _tables(doc, "sessions") if t.get("id") == session_id), None)
    if table is None:
        raise RewriteError(f"no [[sessions]] table with id {session_id!r}")
    wanted: dict[str, Any] = {"start": start, "end": end, "gather": gather, "venue": venue}
    missing = [key for key, value in wanted.items() if value is not None and key not in table]
    if missing:
        # A key the session did not have (a gather time) would change what the organizers
        # wrote beyond the change they asked for.
        raise RewriteError(f"session {session_id!r}: no line for {', '.join(missing)}")
    for key, value in wanted.items():
        if value is not None:
            table[key] = value
    return tomlkit.dumps(doc)


def add_faq(
    text: str, faq_id: str, question: str, answer: str, keywords: Sequence[str]
) -> str:
    """The data file's text with one more [[faq]] entry after the others."""
    doc = _parse(text)
    if any(t.get("id") == faq_id for t in _tables(doc, "faq")):
        raise RewriteError(f"an [[faq]] entry with id {faq_id!r} already exists")
    entry = tomlkit.table()
    entry.add(tomlkit.comment("Saved from a delegate's question answered by the panitia."))
    entry.add("id", faq_id)
    entry.add("question", question)
    entry.add("answer", answer)
    entry.add("keywords", list(keywords))
    if "faq" in doc:
        faqs = doc["faq"]
        assert isinstance(faqs, AoT)
        faqs.append(entry)
    else:
        doc.append("faq", tomlkit.aot())
        faqs = doc["faq"]
        assert isinstance(faqs, AoT)
        faqs.append(entry)
    return tomlkit.dumps(doc)


def write_checked(
    path: Path, text: str, running: Event, check: Callable[[Event], bool]
) -> Event:
    """Replace the data file with `text` if it loads and `check` accepts the result; return
    the event as the running programme would show it (a rehearsal's shift applied).

    Raises RewriteError (or the loader's EventDataError, OSError) and leaves the file as it
    was otherwise.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    temporary.write_text(text, encoding="utf-8")
    try:
        new = load_event(temporary).shifted(running.shift)
        if not check(new):
            raise RewriteError("the rewritten file does not hold the change")
        os.replace(temporary, path)  # atomic: the file is either old or new, never half
    finally:
        temporary.unlink(missing_ok=True)
    return new
