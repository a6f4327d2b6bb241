"""/hapusdata: a delegate erases their data; seats go to the waiting list; nothing else lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import Repo
from bot.storage.attendance import CertificateStatus
from tests.harness import USER, Harness, buttons, only_text, text_of

OTHER = 5151


async def test_erasing_my_data_frees_my_seat_and_leaves_nothing(bot: Harness) -> None:
    services = bot.app.bot_data.services
    services.event = replace(
        services.event,
        sessions=tuple(replace(s, capacity=1) if s.id == "city-tour" else s
                       for s in services.event.sessions),
        _by_id={},
    )
    repo = bot.repo
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
    assert await bot.repo.get_profile(USER) is not None


async def test_the_erase_button_outside_a_private_chat_or_with_nothing_registered(
    bot: Harness,
) -> None:
    group = bot.updates.group_chat_id
    calls = await bot.press("fgy", chat_id=group)
    answers = [c for c in calls if c.method == "answerCallbackQuery"]
    assert len(answers) == 1 and "chat pribadi" in answers[0].params["text"]
    # Someone who only chatted: their Telegram name goes, and there is nothing to audit.
    await bot.say("halo", user_id=OTHER, chat_id=OTHER)
    repo = bot.repo
    assert await repo.get_user(OTHER) is not None
    await bot.press("fgy", user_id=OTHER, chat_id=OTHER)
    assert await repo.get_user(OTHER) is None
    assert not await repo.fetchone("SELECT 1 FROM audit WHERE actor = ?", (OTHER,))


async def mentions(repo: Repo, user_id: int) -> dict[str, set[str]]:
    """Every column of every table holding `user_id`, as a value or inside text (JSON)."""
    found: dict[str, set[str]] = {}
    tables = await repo.fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    for (table,) in tables:
        for column in await repo.fetchall(f'PRAGMA table_info("{table}")'):
            name = column["name"]
            hit = await repo.fetchone(
                f'SELECT 1 FROM "{table}" WHERE "{name}" = ? '
                f'OR (typeof("{name}") = \'text\' AND instr("{name}", ?) > 0)',
                (user_id, str(user_id)),
            )
            if hit:
                found.setdefault(table, set()).add(name)
    return found


async def test_erasing_leaves_nothing_about_me_in_any_table(bot: Harness) -> None:
    """Whatever table the bot keeps something about a delegate in, /hapusdata empties it of
    them: the only trace left is the audit line recording the erasure."""
    repo = bot.repo
    await bot.register()
    await bot.press("r:city-tour")
    await bot.press("r:keynote")
    await bot.send(bot.updates.contact("+62 812 0000 1234"))
    # What other people's actions or a running conversation leave about this delegate.
    await repo.assign_bus(USER, "bus-1", None)
    await repo.set_bus_leader(USER, "bus-1", OTHER)
    await repo.check_in(USER, "button", None)
    announcement = await repo.create_announcement(OTHER, "Info", None, None)
    await repo.queue_announcement(announcement, [USER, OTHER], OTHER, 1)
    await repo.save_conversation_state("registration", (USER, USER), 1)
    await repo.save_user_state(USER, b"draft")
    # Attendance (migration 7): every table below is erased by reading the schema, and the
    # certificate is made anonymous (privacy.ANONYMISED) so it still verifies as revoked.
    now = bot.clock.now()
    await repo.card_number(USER)
    await repo.record_desk_checkin(USER, "2019-10-16", OTHER, now)
    await repo.record_session_checkin(USER, "keynote", "code", now)
    await repo.rate_session(USER, "keynote", 5, None)
    await repo.opt_out_of_feedback(USER)
    await repo.answer_evaluation(USER, "saran", "bagus")
    await repo.execute("INSERT INTO staff (user_id, role, added_by, added_at) "
                       "VALUES (?, 'petugas', ?, ?)", (USER, OTHER, now.isoformat()))
    await repo.set_certificate(USER, "Budi", "Bappeda", CertificateStatus.ISSUED, None, "SRTFKT")
    await repo.create_staff_invite("h-staff", "petugas", OTHER, now, now + timedelta(days=1))
    assert (await repo.redeem_staff_invite("h-staff", USER, now))[0] == "ok"
    # A reply that could not be sent yet (bot/replies.py).
    await repo.queue_reply(USER, "reply", "sendMessage", "{}", None, now, None, "outage")
    before = await mentions(repo, USER)
    # The setup reached every table that holds a delegate's data (so the check below means
    # something).
    assert set(before) >= {
        "users", "profiles", "rsvps", "deliveries", "tour_buses", "bus_leaders",
        "tour_checkins", "outbox", "conversation_states", "user_states",
        "cards", "desk_checkins", "session_checkins", "session_feedback", "feedback_optout",
        "evaluation_answers", "staff", "certificates", "staff_invites", "reply_queue",
    }  # fmt: skip

    await bot.say("/hapusdata")
    assert "Data Anda sudah dihapus" in only_text(await bot.press("fgy"))

    assert await mentions(repo, USER) == {"audit": {"actor"}}
    audit = await repo.fetchall("SELECT action FROM audit WHERE actor = ?", (USER,))
    assert [row["action"] for row in audit] == ["user_forgotten"]
    # The other people in the same rows keep theirs.
    assert await repo.fetchone("SELECT 1 FROM outbox WHERE chat_id = ?", (OTHER,))
    assert await repo.get_announcement(announcement) is not None
    certificate = await repo.certificate_by_code("SRTFKT")
    assert certificate is not None and certificate.status is CertificateStatus.REVOKED
    # The spent invite stays spent, naming nobody.
    assert (await repo.redeem_staff_invite("h-staff", OTHER, now))[0] == "used"


async def test_erasing_an_organizer_keeps_the_role_but_not_the_invite_they_used(
    tmp_path: Path,
) -> None:
    """The organizers table is kept on purpose (privacy.KEPT); the invite's used_by is a
    second copy of the id, not named user_id, so the schema scan would miss it."""
    repo = await Repo.open(tmp_path / "bot.db")
    try:
        now = datetime(2019, 10, 15, 9, tzinfo=UTC)
        await repo.touch_user(USER, "Budi", None)
        await repo.create_invite("h-org", OTHER, now, now + timedelta(days=1))
        assert await repo.redeem_invite("h-org", USER, now) == "ok"
        await repo.forget_user(USER)
        assert "invites" not in await mentions(repo, USER)
        assert await repo.redeem_invite("h-org", OTHER, now) == "used"
    finally:
        await repo.close()


async def test_a_new_table_naming_a_user_is_erased_too(tmp_path: Path) -> None:
    """Forgetting reads the schema: a table added later with a user_id column is covered
    without listing it anywhere, even when it refers to `users` (deleted before it)."""
    repo = await Repo.open(tmp_path / "bot.db")
    try:
        await repo.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY, "
            "user_id INTEGER NOT NULL REFERENCES users(id), text TEXT NOT NULL)"
        )
        for user_id in (USER, OTHER):
            await repo.touch_user(user_id, "Budi", None)
            await repo.execute(
                "INSERT INTO feedback (user_id, text) VALUES (?, 'bagus')", (user_id,)
            )
        assert await repo.forget_user(USER) is True
        rows = await repo.fetchall("SELECT user_id FROM feedback")
        assert [row["user_id"] for row in rows] == [OTHER]
        assert await repo.get_user(USER) is None
        assert await repo.get_user(OTHER) is not None
    finally:
        await repo.close()
