"""`citynet-bot export attendance` and `citynet-bot verify`: attendance on the server.

Both read the database at DATABASE_PATH (safe while the bot runs: SQLite in WAL mode) and
refuse a path where there is none, rather than create an empty database there.
"""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

from bot import render_attendance as view
from bot import render_certificate
from bot.config import Settings
from bot.features.attendance import Report, attendance_report
from bot.features.certificates import Verdict, Verification, verify
from bot.i18n import I18n
from bot.model import Event
from bot.render_delegate import role_name
from bot.storage import Repo, StorageError
from bot.storage.delegates import ROLES


def export_attendance(settings: Settings, event: Event, out: Path) -> list[Path]:
    """`export attendance`: the daftar hadir files, a PDF for every session (blank ones too,
    to print for a paper fallback)."""
    if not settings.database_path.is_file():
        # Repo.open would create an empty database here: refuse instead.
        raise StorageError(f"{settings.database_path}: no database here (see DATABASE_PATH)")

    async def read() -> Report:
        repo = await Repo.open(settings.database_path)
        try:
            return await attendance_report(repo, event)
        finally:
            await repo.close()

    report = asyncio.run(read())
    t = I18n().get("id")  # the official sheets are in Indonesian
    roles = {r: role_name(r, t) for r in ROLES}
    files = {"daftar-hadir-sesi.csv": view.sessions_csv(report, roles),
             "daftar-hadir-harian.csv": view.days_csv(report, roles)}
    for sheet in report.sessions:
        files[f"daftar-hadir-{sheet.key}.pdf"] = view.sheet_pdf(event, sheet, roles, t)
    written = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (out / name).write_bytes(data)
            written.append(out / name)
    except OSError as exc:
        # One line for the terminal (cli.main prints StorageError), not a traceback.
        raise StorageError(f"{out}: cannot write the daftar hadir: {exc.strerror}") from exc
    return written


def verify_certificate(settings: Settings, event: Event, code: str) -> int:
    """`verify KODE`: print what /cek says; exit 0 only for a genuine certificate."""
    if not settings.database_path.is_file():
        raise StorageError(f"{settings.database_path}: no database here (see DATABASE_PATH)")

    async def check() -> Verification:
        repo = await Repo.open(settings.database_path)
        try:
            return await verify(repo, code)
        finally:
            await repo.close()

    result = asyncio.run(check())
    reply = render_certificate.verification(result, event, I18n().get("id"))
    # The terminal shows plain text: drop the Telegram HTML tags.
    print(html.unescape(re.sub(r"<[^>]+>", "", reply.text)))
    return 0 if result.verdict is Verdict.GENUINE else 1
