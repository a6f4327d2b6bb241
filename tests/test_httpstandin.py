"""tests/httpstandin.py: over real HTTP, PTB's calls are recorded exactly as the in-process
stand-in records them (same parameters, same types), and the faults behave like a network."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
)
from telegram.error import InvalidToken, NetworkError, TimedOut
from telegram.request import HTTPXRequest

from bot.offline.botapi import StandIn
from bot.offline.protocol import ApiCall, error_body
from tests.httpstandin import Delay, Drop, HttpStandIn, decode_value

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
Scenario = Callable[[Bot], Coroutine[Any, Any, None]]


async def _calls(bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Hari 1", callback_data="day:1")]])
    await bot.send_message(4242, "<b>123</b> & more", parse_mode="HTML", reply_markup=markup)
    await bot.send_message(4242, "true")  # a text that looks like JSON stays a string
    await bot.send_venue(4242, -10.1772, 123.607, "Balai Kota", "Jl. S. K. Lerik")
    await bot.answer_callback_query("424200000001", text="ok", show_alert=True)
    await bot.set_my_commands([BotCommand("jadwal", "Jadwal acara")],
                              scope=BotCommandScopeAllPrivateChats(), language_code="id")
    await bot.send_document(4242, InputFile(b"BEGIN:VCALENDAR\r\n", filename="agenda.ics"),
                            caption="Agenda")


@pytest.fixture
async def server() -> AsyncIterator[HttpStandIn]:
    with HttpStandIn(token=TOKEN) as running:
        yield running


async def over_http(server: HttpStandIn, scenario: Scenario, token: str = TOKEN) -> None:
    bot = Bot(token, base_url=server.base_url,
              request=HTTPXRequest(read_timeout=1.0, connect_timeout=1.0))
    async with bot:
        await scenario(bot)


async def in_process(scenario: Scenario) -> list[ApiCall]:
    standin = StandIn()
    bot = Bot(TOKEN, request=standin, get_updates_request=standin)
    async with bot:
        mark = len(standin.calls)
        await scenario(bot)
    return standin.calls[mark:]


@pytest.mark.slow
async def test_parameters_match_the_in_process_stand_in(server: HttpStandIn) -> None:
    await over_http(server, _calls)
    expected = await in_process(_calls)
    got = [c for c in server.calls() if c.method != "getMe"]
    assert [(c.method, c.params) for c in got] == [(c.method, c.params) for c in expected]
    assert got[1].params["text"] == "true"
    assert isinstance(got[2].params["latitude"], float)
    assert got[3].params["show_alert"] is True
    assert got[5].params["document"] == {
        "filename": "agenda.ics", "size": 17, "mime_type": "text/calendar"
    }
    assert server.standin.uploads["agenda.ics"] == b"BEGIN:VCALENDAR\r\n"
    assert all(c.ok for c in got) and server.problems() == []


@pytest.mark.slow
async def test_a_numeric_string_chat_id_arrives_as_a_number(server: HttpStandIn) -> None:
    """The one difference from the in-process records: on the wire "4242" and 4242 are the
    same bytes (Telegram cannot tell them apart either), and the spec's Integer wins."""

    async def string_id(bot: Bot) -> None:
        await bot.send_message("4242", "halo")

    await over_http(server, string_id)
    assert server.calls()[-1].params["chat_id"] == 4242


def test_decode_value_follows_the_spec_types() -> None:
    assert decode_value("42", ["Integer", "String"]) == 42
    assert decode_value("@channel", ["Integer", "String"]) == "@channel"
    assert decode_value("42", ["String"]) == "42"
    assert decode_value("true", ["Boolean"]) is True
    assert decode_value('{"a": 1}', None) == {"a": 1}
    assert decode_value("7", None) == "7"  # unknown parameter: only objects and arrays


@pytest.mark.slow
async def test_faults_answers_drops_and_timeouts(server: HttpStandIn) -> None:
    async def one_message(bot: Bot) -> None:
        await bot.send_message(1, "hi")

    server.fault = lambda call: (502, error_body(502, "Bad Gateway"))
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await over_http(server, one_message)
    server.fault = lambda call: Drop() if call.method == "sendMessage" else None
    with pytest.raises(NetworkError, match=r"RemoteProtocolError|ReadError"):
        await over_http(server, one_message)
    server.fault = lambda call: Delay(1.5) if call.method == "sendMessage" else None
    with pytest.raises(TimedOut):
        await over_http(server, one_message)
    # The delayed call is still carried out, after the client gave up: as Telegram may.
    server.wait_for(lambda calls: calls[-1].method == "sendMessage" and calls[-1].ok, 5)
    server.fault = None
    with pytest.raises(InvalidToken):
        await over_http(server, one_message, token="987654321:" + "Z" * 35)


@pytest.mark.slow
async def test_unreachable_then_back_on_the_same_port(server: HttpStandIn) -> None:
    async def get_me(bot: Bot) -> None:
        await bot.get_me()

    port = server.port
    server.go_down()
    started = time.monotonic()
    with pytest.raises(NetworkError, match="ConnectError"):
        await over_http(server, get_me)
    assert time.monotonic() - started < 1.0  # refused at once, not a timeout
    server.come_back()
    assert server.port == port
    await over_http(server, get_me)
