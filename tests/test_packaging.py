"""The wheel carries the shipped events and the catalogs, and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from bot.resources import CHECKOUT_ROOT


def test_wheel_runs_from_another_directory_in_both_languages(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(dist), str(CHECKOUT_ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("citynet_bot-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    for shipped in ("bot/data/citynet-kupang-2019.toml", "bot/data/examples/rakor-makassar.toml",
                    "bot/locales/en/LC_MESSAGES/citynet.po",
                    "bot/locales/id/LC_MESSAGES/citynet.po", "bot/__main__.py"):
        assert shipped in names, shipped
    assert any(n.endswith("licenses/LICENSE") for n in names)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The unpacked wheel comes first on the path, so `bot` is the installed copy, not the
    # checkout's; the working directory has no data/ or locales/.
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "HOME": str(tmp_path),
           "LOG_LEVEL": "WARNING"}
    env.pop("EVENT_FILE", None)

    def ask(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True,
                              text=True, timeout=120, cwd=elsewhere, env=env)

    english = ask("ask", "--now", "2019-10-16T10:00", "--lang", "en", "/schedule")
    assert english.returncode == 0, english.stderr
    assert "Wednesday, 16 October 2019" in english.stdout
    indonesian = ask("ask", "--now", "2019-10-16T10:00", "/jadwal")
    assert "Rabu, 16 Oktober 2019" in indonesian.stdout
    located = subprocess.run(
        [sys.executable, "-c", "import bot.resources as r; print(r.tree('data'))"],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60)
    assert located.stdout.strip() == str(tmp_path / "site" / "bot" / "data")
