"""/hapusdata: a delegate erases their data; seats go to the waiting list; nothing else lost."""

from __future__ import annotations

from dataclasses import replace

from bot.storage import Repo
from tests.harness import USER, Harness, buttons, only_text, text_of

OTHER = 5151


def repo_of(bot: Harness) -> Repo:
    repo = bot.app.bot_data.services.repo
    assert repo is not None
    return repo


async def test_erasing_my_data_frees_my_seat_and_leaves_nothing(bot: Harness) -> None:
    services = bot.app.bot_data.services
    services.event = replace(
        services.event,
        sessions=tuple(replace(s, capacity=1) if s.id == "city-tour" else s
                       for s in services.event.sessions),
        _by_id={},
    )
    repo = repo_of(bot)
    await bot.register()
    await bot.press("r:city-tour")
    await bot.press("r:keynote")
    await bot.register("Other", "bogor", user_id=OTHER, chat_id=OTHER)
    await bot.press("r:city-tour", user_id=OTHER, chat_id=OTHER)  # waiting list
    await bot.send(bot.updates.contact("+62 812 0000 1234"))  # phone for the bus leader

    calls = await bot.say("/hapusdata")
    question = only_text(calls)
    assert "Profil: Budi Santoso, Kabupaten Sidoarjo" in question and "2 RSVP" in question
    assert ("🗑 Ya, hapus data saya", "fgy") in buttons(calls[-1])
    assert await repo.get_profile(USER) is not None  # asking changes nothing

    assert "Data Anda sudah dihapus" in only_text(await bot.press("fgy"))
    assert await repo.get_profile(USER) is None
    assert await repo.user_rsvps(USER) == []
    assert await repo.get_user(USER) is None
    assert await repo.bus_of(USER) is None
    assert all(m.user_id != USER for m in await repo.tour_members("city-tour"))
    waiting = await repo.get_rsvp(OTHER, "city-tour")
    assert waiting is not None and waiting.status == "going"  # the freed seat moved on
    told = [text_of(c) for c in await bot.tick() if c.params.get("chat_id") == OTHER]
    assert any("Ada kursi kosong" in t for t in told)
    assert await repo.fetchone(
        "SELECT 1 FROM audit WHERE actor = ? AND action = 'user_forgotten'", (USER,))
    # Someone else's data is untouched.
    assert await repo.get_profile(OTHER) is not None

    # Coming back is a first meeting: registering again works.
    await bot.register()
    assert await repo.get_profile(USER) is not None


async def test_erasing_is_asked_for_in_private_only(bot: Harness) -> None:
    await bot.register()
    group = bot.updates.group_chat_id
    calls = await bot.say("/hapusdata", chat_type="supergroup", chat_id=group)
    assert "chat pribadi" in only_text(calls)
    assert await repo_of(bot).get_profile(USER) is not None


async def test_the_erase_button_outside_a_private_chat_or_with_nothing_registered(
    bot: Harness,
) -> None:
    group = bot.updates.group_chat_id
    calls = await bot.press("fgy", chat_id=group)
    answers = [c for c in calls if c.method == "answerCallbackQuery"]
    assert len(answers) == 1 and "chat pribadi" in answers[0].params["text"]
    # Someone who only chatted: their Telegram name goes, and there is nothing to audit.
    await bot.say("halo", user_id=OTHER, chat_id=OTHER)
    repo = repo_of(bot)
    assert await repo.get_user(OTHER) is not None
    await bot.press("fgy", user_id=OTHER, chat_id=OTHER)
    assert await repo.get_user(OTHER) is None
    assert not await repo.fetchone("SELECT 1 FROM audit WHERE actor = ?", (OTHER,))
