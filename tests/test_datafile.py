"""Writing the data file back with tomlkit: valid TOML of any spelling, comments kept."""

from __future__ import annotations

import tomllib
from datetime import datetime

import pytest

from bot.config import DEFAULT_EVENT_FILE
from bot.datafile import RewriteError, add_faq, rewrite_session
from bot.loader import load_event
from tests.conftest import WITA

SOURCE = """# the organizers' notes
[[sessions]]
id = 'keynote'   # single quotes are valid TOML
start = 2019-10-16 08:30:00+08:00   # SAMPLE: a space instead of the T
end = 2019-10-16T09:30:00+08:00     # SAMPLE
venue = "balai-kota"

[[sessions]]
id = "other"
start = 2019-10-16T10:00:00+08:00
end = 2019-10-16T11:00:00+08:00
venue = "balai-kota"
"""


def test_session_rewrite_reads_any_valid_spelling_and_keeps_comments() -> None:
    text = rewrite_session(SOURCE, "keynote", start=datetime(2019, 10, 16, 9, 0, tzinfo=WITA),
                           end=datetime(2019, 10, 16, 10, 0, tzinfo=WITA), venue="hotel")
    data = tomllib.loads(text)
    keynote, other = data["sessions"]
    assert keynote["start"] == datetime(2019, 10, 16, 9, 0, tzinfo=WITA)
    assert keynote["venue"] == "hotel"
    assert other["start"] == datetime(2019, 10, 16, 10, 0, tzinfo=WITA)  # untouched
    for comment in ("# the organizers' notes", "# single quotes are valid TOML",
                    "# SAMPLE: a space instead of the T"):
        assert comment in text
    with pytest.raises(RewriteError):
        rewrite_session(SOURCE, "missing", venue="hotel")
    with pytest.raises(RewriteError):
        rewrite_session(SOURCE, "keynote", gather=datetime(2019, 10, 16, 8, 0, tzinfo=WITA))
    with pytest.raises(RewriteError):
        rewrite_session("id = ", "keynote", venue="x")


def test_faq_added_to_the_shipped_file_loads_and_keeps_everything_else(tmp_path) -> None:
    original = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
    text = add_faq(original, "tanya-7", 'Ada "parkir" <mobil>?', "Ya, di halaman\nbelakang.",
                   ["parkir"])
    target = tmp_path / "event.toml"
    target.write_text(text, encoding="utf-8")
    before, after = load_event(DEFAULT_EVENT_FILE), load_event(target)
    assert after.faq[:-1] == before.faq
    saved = after.faq[-1]
    assert (saved.id, saved.question.get("id"), saved.answer.get("id"), saved.keywords) == (
        "tanya-7", 'Ada "parkir" <mobil>?', "Ya, di halaman\nbelakang.", ("parkir",))
    assert after.tour == before.tour and after.sessions == before.sessions
    kept = [line for line in original.splitlines() if line.lstrip().startswith("#")]
    assert all(line in text for line in kept)
    with pytest.raises(RewriteError):
        add_faq(text, "tanya-7", "again", "again", ["x"])


async def test_change_command_writes_a_file_the_regex_could_not_read(tmp_path) -> None:
    """/ubah end to end on valid TOML the old line rewrite missed: single-quoted id, a
    date-time with a space; the organizers' comments stay."""
    from dataclasses import replace

    from tests.conftest import KEYNOTE_TIME
    from tests.harness import USER, Harness, buttons, text_of

    data = tmp_path / "event.toml"
    text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8").replace(
        'id = "keynote"', "id = 'keynote'  # quoted the other way").replace(
        "start = 2019-10-16T09:30:00+08:00\nend = 2019-10-16T11:00:00+08:00",
        "start = 2019-10-16 09:30:00+08:00  # with a space\nend = 2019-10-16T11:00:00+08:00")
    assert "# with a space" in text and "# quoted the other way" in text
    data.write_text(text, encoding="utf-8")
    bot = Harness(load_event(data), KEYNOTE_TIME, tmp_path / "bot.db")
    services = bot.app.bot_data.services
    services.settings = replace(services.settings, admins=frozenset({USER}), event_file=data)
    await bot.start()
    try:
        calls = await bot.say("/ubah keynote 14.30")
        confirm = next(d for c in calls for _, d in buttons(c) if d.startswith("oy:"))
        calls = await bot.press(confirm)
        assert "Jadwal diperbarui" in text_of(calls[-1])
    finally:
        await bot.stop()
    written = data.read_text(encoding="utf-8")
    keynote = next(s for s in tomllib.loads(written)["sessions"] if s["id"] == "keynote")
    assert keynote["start"] == datetime(2019, 10, 16, 14, 30, tzinfo=WITA)
    assert keynote["end"] == datetime(2019, 10, 16, 16, 0, tzinfo=WITA)
    assert "# quoted the other way" in written and "# with a space" in written
    assert load_event(data).session("keynote") is not None
