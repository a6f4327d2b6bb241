"""Refresh the gettext catalogs from the source code.

    python locales/update.py          # extract, merge into id and en, report what is missing
    python locales/update.py --check  # exit 1 if a catalog is out of date or incomplete

Messages are written in Indonesian in the code, so the `id` catalog repeats each msgid as
its msgstr (filled in here); the `en` catalog needs a human translation for every new entry,
which this script lists. The catalogs are compiled in memory when the bot starts
(`bot/i18n.py`), so there is no build step to forget.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
SOURCES = ("bot", "handlers")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
LANGUAGES = ("id", "en")


HEADER = {
    "id": "# Indonesian messages of citynet-bot: the msgids themselves (the code is written in\n"
          "# Indonesian), so both catalogs can be proven complete.\n",
    "en": "# English translations of citynet-bot.\n",
}
HEADER = {
    lang: text + "# Copyright (C) 2019-2026 citynet-bot developers.\n"
    "# This file is distributed under the same license as citynet-bot (MIT, see LICENSE).\n"
    "# Translators: python locales/update.py lists what is missing; comments starting\n"
    "# with '#.' come from TRANSLATORS: notes in the code and give a message's context.\n#"
    for lang, text in HEADER.items()
}

#: Fixed header dates keep the files byte-stable, so `--check` only fails on real changes.
STABLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def extract() -> Catalog:
    template = Catalog(project="citynet-bot", charset="utf-8", creation_date=STABLE_DATE)
    for source in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / source,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
        ):
            template.add(
                message,
                locations=[(f"{source}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "citynet.po"


def merged(lang: str, template: Catalog) -> Catalog:
    path = po_path(lang)
    if path.is_file():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="citynet-bot", charset="utf-8")
    # Fuzzy guesses from similar msgids are wrong more often than right for short UI text.
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = STABLE_DATE
    # Indonesian has one plural form; Babel's default header would say two.
    if lang == "id":
        catalog.mime_headers = [
            (k, "nplurals=1; plural=0;" if k == "Plural-Forms" else v)
            for k, v in catalog.mime_headers
        ]
    catalog.fuzzy = False
    catalog.project, catalog.version = "citynet-bot", "0.1"
    catalog.msgid_bugs_address = "the citynet-bot issue tracker"
    catalog.last_translator = catalog.language_team = "citynet-bot developers"
    # Babel's default header has ORGANIZATION and FIRST AUTHOR placeholders: say who and
    # under which license (LICENSE, MIT) instead.
    catalog.header_comment = HEADER[lang]
    if lang == "id":
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                # One plural form: the singular text (counts are shown as digits).
                if not any(message.string):
                    message.string = (message.id[0],)
            elif not message.string:
                message.string = message.id
    return catalog


def render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False,
             include_previous=False, include_lineno=False)
    return buffer.getvalue()


def missing(catalog: Catalog) -> list[str]:
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args()
    status = 0
    for lang in LANGUAGES:
        # A fresh template per language: Catalog.update shares Message objects with the
        # template, so filling the id catalog would otherwise leak into the next one.
        catalog = merged(lang, extract())
        data = render(catalog)
        path = po_path(lang)
        stale = not path.is_file() or path.read_bytes() != data
        if args.check and stale:
            print(f"{path.relative_to(ROOT)}: out of date, run python locales/update.py")
            status = 1
        elif not args.check and stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"{path.relative_to(ROOT)}: updated ({len(catalog)} messages)")
        for msgid in missing(catalog):
            print(f"{path.relative_to(ROOT)}: untranslated: {msgid!r}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
