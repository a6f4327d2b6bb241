"""The command line as a user runs it: `ask`, `chat`, `validate`, `run` without a token."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

# Every test runs citynet-bot as a process.
pytestmark = pytest.mark.slow

COMMANDS = [
    "/start", "/jadwal", "/hariini", "/besok", "/sekarang", "/pembicara", "/lokasi",
    "/kontak sidoarjo", "/kontak kupang", "/tentang", "/bantuan", "/rsvp", "/agendaku",
    "/pengingat", "/profil",
]
QUESTIONS = ["jdwl bsk", "kpn city tour?", "dmn tempat jumpa pers", "minta kontak panitia sidoarjo",
             "acara jam 2 siang hari kedua apa?", "/daftar", "/bahasa"]


def cli(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(cwd or Path.cwd()), "LOG_LEVEL": "WARNING"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=True,
        timeout=120, cwd=cwd, env=env,
    )


def test_ask_answers_every_command_and_typical_questions() -> None:
    result = cli("ask", "--now", "2019-10-16T10:00", stdin="\n".join(COMMANDS + QUESTIONS))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in rows] == COMMANDS + QUESTIONS
    for row in rows:
        assert row["reply"].strip(), row
        assert "terjadi kesalahan" not in row["reply"], row
        assert "tidak saya kenal" not in row["reply"], row
    replies = {r["question"]: r["reply"] for r in rows}
    assert "Kamis, 17 Oktober 2019" in replies["jdwl bsk"]
    assert "[Kota Kupang]" in replies["/kontak kupang"]
    assert "Suba Suka Paradise" in replies["dmn tempat jumpa pers"]
    assert "[Pin lokasi]" in replies["dmn tempat jumpa pers"]
    assert "Sosialisasi Program Citynet Indonesia" in replies["acara jam 2 siang hari kedua apa?"]
    assert "Language switched to English" in replies["/bahasa"]
    assert "1/3" in replies["/daftar"]


def test_ask_one_message_in_english_with_buttons_as_lines() -> None:
    result = cli("ask", "--now", "2019-10-17T09:00", "--lang", "en", "/now")
    assert result.returncode == 0, result.stderr
    assert "Thursday, 17 October 2019" in result.stdout
    assert "\n[🏠 Menu]" in result.stdout


def test_ask_says_which_simulated_time_it_uses() -> None:
    result = cli("ask", "/sekarang")
    assert result.returncode == 0
    assert "waktu simulasi Rabu, 16 Oktober 2019 pukul 09.45 WITA" in result.stderr


def test_chat_registers_rsvps_downloads_ics_and_gets_the_reminder(tmp_path: Path) -> None:
    # The clock runs 60x: the 09.15 reminder for the keynote comes ~2 s after 09.13.
    script = "\n".join(["/daftar", "Siti", "bogor", "1", "1", "/jadwal", "1", "3", "1",
                        "/agendaku", "2"]) + "\n"
    result = subprocess.run(
        ["bash", "-c", f"(printf '{script}'; sleep 4) | {sys.executable} -m bot.cli chat "
         "--now 2019-10-16T09:13 --speed 60"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Anda sudah terdaftar" in out
    assert "Tercatat: Anda hadir di Keynote" in out
    assert "🗓 Agenda saya" in out
    # Downloads go beside the user's data, never into the directory chat runs in.
    ics = tmp_path / "share" / "citynet-bot" / "downloads" / "agenda-citynet-kupang-2019.ics"
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not (tmp_path / "citynet-downloads").exists()
    assert "⏰ Pengingat: Keynote: Strategi Pengembangan Smart City mulai" in out
    assert "Traceback" not in result.stderr


def test_chat_organizer_rehearses_the_desk_check_in_from_a_card(tmp_path: Path) -> None:
    """`chat --organizer`: register, /kartu prints the QR's link, `!pindai` it at the desk.

    Two runs on one database: the link must be read from the first run's output before the
    second can type it, as a person at the terminal would.
    """
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    env.pop("TELEGRAM_BOT_TOKEN", None)

    def chat(lines: list[str], now: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bot.cli", "chat", "--organizer", "--db", "chat.sqlite",
             "--now", now],
            input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=120,
            cwd=tmp_path, env=env,
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return result.stdout

    out = chat(["/daftar", "Siti Rahayu", "bogor", "1", "1", "/kartu"], "2019-10-16T08:00")
    card = tmp_path / "share" / "citynet-bot" / "downloads" / "kartu-peserta.png"
    assert card.read_bytes().startswith(b"\x89PNG")
    links = re.findall(r"!pindai (https://t\.me/\w+\?start=k_[\w-]+)", out)
    assert links, out
    link = links[0]

    # A character inside the MAC (the last one also carries padding bits a decoder ignores).
    forged = link[:-5] + ("A" if link[-5] != "A" else "B") + link[-4:]
    out = chat([f"!pindai {link}", f"!pindai {link}", f"!pindai {forged}", "!pindai"],
               "2019-10-16T08:05")
    assert "✅ Hadir hari ke-1 tercatat pukul 08.05." in out
    assert "Siti Rahayu" in out
    assert "ℹ️ Sudah tercatat hadir hari ke-1 pukul 08.05." in out
    assert "❌ Kartu ini tidak dikenal" in out
    assert "Pindai QR: !pindai <tautan>" in out
    # What the scanned link reaches the bot as, typed by hand; then the bare payload.
    payload = link.partition("start=")[2]
    out = chat([f"/start {payload}", f"!pindai {payload}"], "2019-10-17T08:30")
    assert "✅ Hadir hari ke-2 tercatat pukul 08.30." in out
    assert "ℹ️ Sudah tercatat hadir hari ke-2 pukul 08.30." in out
    with sqlite3.connect(tmp_path / "chat.sqlite") as db:
        days = db.execute("SELECT day FROM desk_checkins ORDER BY day").fetchall()
    assert days == [("2019-10-16",), ("2019-10-17",)]


def test_chat_with_shifted_programme(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", "-c", f"printf '/jadwal\\n' | {sys.executable} -m bot.cli chat "
         "--shift-to 2030-01-07"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "Senin, 7 Januari 2030" in result.stdout


def test_bad_data_file_exits_2_naming_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[event]\nname = 1\n", encoding="utf-8")
    result = cli("ask", "--data", str(bad), "/jadwal", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{bad}: event.name: harus teks, bukan bilangan bulat" in result.stderr
    assert "Traceback" not in result.stderr


def test_chat_keeps_log_warnings_out_of_the_conversation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    from bot import terminal
    from bot.cli import main

    async def chat_that_warns(*_: object) -> int:
        logging.getLogger("bot.outbox").warning("delivery slow: retrying")
        print("Halo, Delegasi!")
        return 0

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.setattr(terminal, "chat", chat_that_warns)
    root = logging.getLogger()
    saved = list(root.handlers), root.level
    try:
        assert main(["chat"]) == 0
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    shown = capsys.readouterr()
    assert "Halo, Delegasi!" in shown.out
    assert "retrying" not in shown.out + shown.err
    log = (tmp_path / "citynet-bot" / "chat.log").read_text(encoding="utf-8")
    assert "WARNING bot.outbox: delivery slow: retrying" in log
