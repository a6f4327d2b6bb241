"""`citynet-bot`: run on Telegram, chat offline, ask one question, validate, back up."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from importlib import metadata
from pathlib import Path

from bot import logs, service
from bot.config import ConfigError, Settings, default_database_path
from bot.loader import EventDataError, load_event
from bot.model import Event
from bot.storage import StorageError

EXIT_USAGE = 2


def parse_moment(value: str) -> datetime | date:
    """A date (2019-10-16) or a date-time (2019-10-16T09:00, with or without offset)."""
    try:
        if "T" in value or " " in value.strip():
            return datetime.fromisoformat(value.strip())
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date or date-time (e.g. 2019-10-16 or 2019-10-16T09:20)"
        ) from exc


def shift_delta(event: Event, target: datetime | date) -> timedelta:
    """--shift-to: a date makes it the first day; a date-time starts the first item then."""
    if isinstance(target, datetime):
        return event.localize(target) - event.sessions[0].start
    return timedelta(days=(target - event.start_date).days)


def chat_log_file() -> Path:
    return default_database_path().parent / "chat.log"


def version() -> str:
    try:
        return metadata.version("citynet-bot")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    # One table on purpose (~70 lines): every subcommand and option, in the order --help
    # shows them; split up, the command line would no longer be readable in one place.
    parser = argparse.ArgumentParser(
        prog="citynet-bot", description="Telegram assistant for a multi-day seminar."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    def add_data(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--data", type=Path, help="event data file (default: EVENT_FILE or the shipped one)"
        )

    run = sub.add_parser("run", help="run on Telegram (long polling); needs TELEGRAM_BOT_TOKEN")
    add_data(run)
    run.add_argument("--shift-to", type=parse_moment, metavar="DATE|DATETIME",
                     help="move the whole programme (rehearsals of a past event)")
    run.add_argument("--webhook", metavar="URL",
                     help="receive updates at this https URL (behind a reverse proxy) "
                     "instead of long polling; secret from WEBHOOK_SECRET or generated")
    run.add_argument("--listen", default=service.DEFAULT_LISTEN,
                     help="webhook server address (default %(default)s)")
    run.add_argument("--port", type=int, default=service.DEFAULT_PORT,
                     help="webhook server port (default %(default)s)")

    backup = sub.add_parser("backup", help="copy the database (safe while the bot runs)")
    backup.add_argument("file", type=Path, help="where to write the copy")

    chat = sub.add_parser("chat", help="chat with the bot in this terminal, offline")
    add_data(chat)
    chat.add_argument("--now", type=parse_moment, metavar="DATETIME",
                      help="start the clock here (WITA unless an offset is given)")
    chat.add_argument("--speed", type=float, default=1.0, help="clock speed factor")
    chat.add_argument("--shift-to", type=parse_moment, metavar="DATE|DATETIME")
    chat.add_argument("--lang", choices=("id", "en"), default="id")
    chat.add_argument("--db", default=":memory:", help="database path (default: in memory)")
    chat.add_argument("--organizer", action="store_true",
                      help="act as an organizer (/umumkan, /ubah, /ekspor...)")
    chat.add_argument("--downloads", type=Path, default=None,
                      help="where files the bot sends (.ics) are saved (default: "
                      "$XDG_DATA_HOME/citynet-bot/downloads, outside any checkout)")

    ask = sub.add_parser("ask", help="print the reply to one message (or JSON lines from stdin)")
    add_data(ask)
    ask.add_argument("--now", type=parse_moment, metavar="DATETIME")
    ask.add_argument("--lang", choices=("id", "en"), default="id")
    ask.add_argument("text", nargs="*", help="the message; none: read one per line from stdin")

    imp = sub.add_parser(
        "import", help="sessions from a CSV/XLSX programme or a pretalx/frab JSON schedule")
    imp.add_argument("file", type=Path, help="programme: .csv, .xlsx or frab .json")
    imp.add_argument("--into", type=Path, metavar="EVENT.toml",
                     help="replace the sessions of this event file (everything else is kept)")
    imp.add_argument("--out", type=Path, metavar="NEW.toml",
                     help="where to write (default: the --into file, else FILE.toml)")
    imp.add_argument("--timezone", default=None,
                     help="time zone of a new event (default: the frab file's, else "
                     "Asia/Makassar); with --into, the event's own")
    imp.add_argument("--lang", choices=("id", "en"), default="id")

    export = sub.add_parser("export", help="write the daftar hadir (CSV, PDF per session)")
    add_data(export)
    export.add_argument("what", choices=("attendance",))
    export.add_argument("--out", type=Path, required=True, help="directory for the files")

    verify = sub.add_parser("verify", help="is a certificate genuine, and whose is it")
    add_data(verify)
    verify.add_argument("code", help="the code printed on the certificate")

    validate = sub.add_parser("validate", help="check event data files; exit 0 if valid, 2 if not")
    validate.add_argument("files", nargs="+", type=Path)
    validate.add_argument("--lang", choices=("id", "en"), default="id",
                          help="language of the messages (default: Indonesian)")
    return parser


def load(settings: Settings, data: Path | None) -> Event:
    return load_event(data or settings.event_file)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.files, args.lang)
        if args.command == "import":
            return import_programme(args)
        settings = Settings.from_env()
        level = settings.log_level
        if args.command != "run" and "LOG_LEVEL" not in os.environ:
            level = "WARNING"  # the terminal is the user's screen: keep it for replies
        log_file = None
        if args.command == "chat":
            # The conversation is on the screen; warnings go to a file beside the data.
            log_file = chat_log_file()
            log_file.parent.mkdir(parents=True, exist_ok=True)
        logs.configure(level, [settings.token or ""], file=log_file)
        if args.command == "backup":
            copy = asyncio.run(service.backup(settings, args.file))
            print(f"{settings.database_path} -> {copy}")
            return 0
        event = load(settings, args.data)
        if args.data:  # /muatulang and /ubah read and write the file in use
            settings = replace(settings, event_file=args.data)
        if getattr(args, "shift_to", None) is not None:
            event = event.shifted(shift_delta(event, args.shift_to))
        if args.command == "export":
            from bot import attendance_tools

            for path in attendance_tools.export_attendance(settings, event, args.out):
                print(path)
            return 0
        if args.command == "verify":
            from bot import attendance_tools

            return attendance_tools.verify_certificate(settings, event, args.code)
        # The entry point wires the Telegram adapters into the core: the only place in `bot`
        # that imports `handlers` (tests/test_layering.py). Imported only when running.
        from handlers import register

        if args.command == "run":
            return service.run(
                settings, event, register=register, webhook=args.webhook, listen=args.listen,
                port=args.port,
            )
        from bot import terminal  # the offline front-end is not needed by `run`

        if args.command == "chat":
            return asyncio.run(terminal.chat(settings, event, args, register))
        return asyncio.run(terminal.ask(settings, event, args, register))
    except (ConfigError, EventDataError, StorageError) as exc:
        print(f"citynet-bot: {exc}", file=sys.stderr)
        return EXIT_USAGE


def import_programme(args: argparse.Namespace) -> int:
    """`import`: write the event file, validate it, and say what changed."""
    import html
    import re
    import tomllib

    from bot import importing
    from bot.changes import diff_events
    from bot.i18n import I18n
    from bot.loader import parse_event
    from bot.render_changes import change_lines

    t = I18n().get(args.lang)
    _ = t.gettext
    out: Path = args.out or args.into or args.file.with_suffix(".toml")
    try:
        into_text = args.into.read_text(encoding="utf-8") if args.into else None
        before = load_event(args.into) if args.into else None
        tz_name = str(before.timezone) if before else args.timezone or ""
        programme = importing.read_programme(
            args.file, importing.zone(tz_name or importing.DEFAULT_TIMEZONE, args.file))
        tz_name = tz_name or programme.timezone or importing.DEFAULT_TIMEZONE
        importing.zone(tz_name, args.file)
        result = importing.build(programme, into_text, tz_name)
        # Validate before writing: a failed import never replaces a working file.
        after = parse_event(tomllib.loads(result.text), out)
    except importing.ProgrammeError as exc:
        print(_("{path}: {n} masalah").format(path=exc.path, n=len(exc.problems)),
              file=sys.stderr)
        for p in exc.problems:
            print(f"  {exc.path}: {p.place}: {p.text(t)}", file=sys.stderr)
        return EXIT_USAGE
    except EventDataError as exc:
        print(exc.describe(t), file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"citynet-bot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out.write_text(result.text, encoding="utf-8")
    print(_("{path}: {n} sesi ditulis.").format(path=out, n=result.sessions))
    if before is not None:
        changes = diff_events(before, after)
        if not changes:
            print(_("Tidak ada perubahan jadwal."))
        for line in change_lines(changes, before, after, t):
            print(html.unescape(re.sub(r"<[^>]+>", "", line)))
    for name in result.new_venues:
        print(_("Tempat baru “{name}”: lengkapi alamat, lat dan lon.").format(name=name))
    for name in result.new_speakers:
        print(_("Pembicara baru “{name}”: lengkapi jabatan.").format(name=name))
    if args.into is None:
        print(_("Isi setiap “(belum diisi)” di [event], lalu: citynet-bot validate {path}")
              .format(path=out))
    return 0


def validate(files: Sequence[Path], lang: str = "id") -> int:
    from bot.i18n import I18n

    t = I18n().get(lang)
    status = 0
    for path in files:
        try:
            event = load_event(path)
        except EventDataError as exc:
            print(exc.describe(t), file=sys.stderr)
            status = EXIT_USAGE
        else:
            print(t.gettext(
                "{path}: ok — {id}: {days} hari, {sessions} sesi, {venues} tempat, "
                "{speakers} pembicara, {contacts} kontak"
            ).format(path=path, id=event.id, days=len(event.days), sessions=len(event.sessions),
                     venues=len(event.venues), speakers=len(event.speakers),
                     contacts=len(event.contacts)))
    return status


if __name__ == "__main__":
    sys.exit(main())
