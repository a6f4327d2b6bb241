"""The Router hands every update to the handler PTB's own in-order scan would choose."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot import callbacks as cb
from bot.dispatch import PerChatUpdates, Router
from tests.harness import USER, Harness


def _plain(handlers: list[BaseHandler[Any, Any, Any]]) -> list[BaseHandler[Any, Any, Any]]:
    """Group 0 as registered, before indexing: each Router's handlers at its place."""
    out: list[BaseHandler[Any, Any, Any]] = []
    for handler in handlers:
        out += handler.handlers if isinstance(handler, Router) else [handler]
    return out


def _first(handlers: list[BaseHandler[Any, Any, Any]], update: Update) -> object:
    """What PTB's Application does in one group: the first handler whose check passes."""
    for handler in handlers:
        check = handler.check_update(update)
        if check is not None and check is not False:
            return check[0] if isinstance(handler, Router) else handler  # type: ignore[index]
    return None


def _updates(bot: Harness) -> list[dict[str, Any]]:
    f = bot.updates
    commands = sorted({c for h in _plain(bot.app.handlers[0]) if isinstance(h, CommandHandler)
                       for c in h.commands})
    out: list[dict[str, Any]] = []
    for name in [*commands, "tidakada", "JADWAL"]:
        out += [f.command(name), f.command(name, "besok"), f.command(name, at_bot=True),
                f.command(name, at_bot="@other_bot"),
                f.command(name, chat_id=f.group_chat_id, chat_type="supergroup")]
    out += [f.command("start", "kontak"), f.command("start", "k_123")]
    for action in sorted(set(cb.actions().values())):
        for data in (action, f"{action}:keynote", f"{action}:2019-10-16", f"{action}x:1"):
            out.append(f.callback(data))
    out += [f.callback("zzz"), f.callback("s:")]
    out += [f.message(text) for text in ("halo", "jadwal besok", "kpn city tour?", "/", "")
            if text]
    out += [f.group_message("jadwal hari ini"), f.edited_message("jadwal", 1),
            f.sticker(), f.photo("foto"), f.photo(None)]
    return out


async def test_every_update_goes_where_the_in_order_scan_sends_it(bot: Harness) -> None:
    routed = bot.app.handlers[0]
    assert any(isinstance(h, Router) for h in routed)
    plain = _plain(routed)
    assert len(plain) > 50  # the registration really is indexed, not one Router per handler
    checked = 0
    for data in _updates(bot):
        update = bot.updates.to_update(data)
        # Twice: the second answer comes from the Router's tables.
        for _ in range(2):
            assert _first(routed, update) is _first(plain, update), data
        checked += 1
    assert checked > 300


async def test_unknown_commands_and_buttons_do_not_grow_the_tables(bot: Harness) -> None:
    routers = [h for h in bot.app.handlers[0] if isinstance(h, Router)]
    for i in range(300):
        await bot.send(bot.updates.command(f"acak{i}"))
    for router in routers:
        assert len(router._by_command) <= len(router._commands)


async def test_a_command_still_answers_through_the_router(bot: Harness) -> None:
    calls = await bot.say("/jadwal")
    assert calls[-1].method == "sendMessage" and calls[-1].params["chat_id"] == USER
    assert "Hari 1" in calls[-1].params["text"]


# -- one chat's updates in order (bot.dispatch.PerChatUpdates) -------------------------------
def _in_chat(bot: Harness, chat: int) -> Update:
    return bot.updates.to_update(bot.updates.command("bantuan", user_id=chat))


async def test_one_chats_updates_wait_for_each_other_other_chats_do_not(bot: Harness) -> None:
    processor = PerChatUpdates(256)
    seen: list[str] = []
    gate = asyncio.Event()

    async def slow() -> None:
        seen.append("a1 begins")
        await gate.wait()
        seen.append("a1 ends")

    async def fast(name: str) -> None:
        seen.append(name)

    tasks = [asyncio.create_task(processor.process_update(_in_chat(bot, 1), slow())),
             asyncio.create_task(processor.process_update(_in_chat(bot, 1), fast("a2"))),
             asyncio.create_task(processor.process_update(_in_chat(bot, 2), fast("b1")))]
    await asyncio.sleep(0.05)
    assert seen == ["a1 begins", "b1"]  # chat 2 did not wait for chat 1
    gate.set()
    await asyncio.gather(*tasks)
    assert seen == ["a1 begins", "b1", "a1 ends", "a2"]
    assert not len(processor.chats)  # nothing kept once a chat is idle


async def test_a_delegates_quick_messages_are_answered_in_the_order_sent(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real application's update queue: /start (which writes) and /bantuan (a
    cached view) sent back to back get their answers in that order."""
    assert isinstance(bot.app.update_processor, PerChatUpdates)
    assert bot.app.running  # its update fetcher reads the queue
    # A first meeting writes the user's row; make that write slow, as on a loaded machine,
    # so that a second update handled alongside would answer first.
    touch, slowed = bot.repo.touch_user, set()

    async def slow_touch(user_id: int, *args: Any) -> Any:
        if user_id not in slowed:
            slowed.add(user_id)
            await asyncio.sleep(0.1)
        return await touch(user_id, *args)

    monkeypatch.setattr(bot.repo, "touch_user", slow_touch)
    for round_ in range(5):
        user = 7000 + round_
        mark = len(bot.standin.calls)
        await bot.app.update_queue.put(
            bot.updates.to_update(bot.updates.command("start", user_id=user)))
        await bot.app.update_queue.put(
            bot.updates.to_update(bot.updates.command("bantuan", user_id=user)))
        for _ in range(200):
            sent = [c for c in bot.standin.calls[mark:] if c.method == "sendMessage"]
            if len(sent) >= 2:
                break
            await asyncio.sleep(0.01)
        texts = [str(c.params.get("text", "")) for c in sent]
        assert len(texts) == 2 and texts[0].startswith("Halo"), texts
