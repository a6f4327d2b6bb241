"""The command table (bot/commands.py) is the one source of the menus and of /bantuan."""

from __future__ import annotations

from dataclasses import replace

from bot import commands, render_info
from bot.i18n import I18n
from bot.menus import menu_commands
from bot.model import Event, Material, Text


def with_every_feature(event: Event) -> Event:
    """The shipped event plus what it lacks (materials), so every command is listed."""
    first, *rest = event.sessions
    slides = Material(Text("Slide", None), url="https://example.org/slide.pdf")
    return replace(event, sessions=(replace(first, materials=(slides,)), *rest))


def test_help_lists_every_menu_command_but_start_and_help() -> None:
    helped = {c for line in commands.HELP_LINES for entry in line for c in entry.commands}
    assert helped == set(commands.MENU) - {commands.START, commands.HELP}


def test_help_and_menu_name_commands_alike_in_each_language(event: Event) -> None:
    event = with_every_feature(event)
    assert commands.missing_for(event) == frozenset()
    i18n = I18n()
    for lang in i18n.languages:
        t = i18n.get(lang)
        lines = render_info.help_lines(event, t)
        menu = [c.command for c in menu_commands(t, event)]
        for line, entries in zip(lines, commands.HELP_LINES, strict=True):
            for entry in entries:
                for command in entry.commands:
                    name = commands.shown_name(command, lang)
                    assert f"/{name}" in line and name in menu, (lang, line)
        assert render_info.help_view(event, t).text.count("\n") > len(lines)


def test_a_help_line_reads_as_before(event: Event) -> None:
    t = I18n().get("en")
    assert render_info.help_lines(event, t)[1] == (
        "/today, /tomorrow — today's or tomorrow's schedule")
    assert render_info.help_lines(event, t)[5] == (
        "/contacts [region] — committee and regional contacts, e.g. /contacts sidoarjo")
    assert render_info.help_lines(event, I18n().get("id"))[6] == (
        "/daftar — daftar sebagai peserta; /profil — lihat atau ubah")
