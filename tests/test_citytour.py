"""City tour: plan, bus, tour messages, check-in by button and location, roll call."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from bot import scheduler
from bot.model import Bus, Event
from bot.tour import auto_assign, distance_m
from tests.conftest import WITA
from tests.harness import USER, Harness, buttons, only_text, text_of

ORGANIZER = 9001
OTHER = 5151  # a registered delegate not on the tour
LEADER = 6161  # will lead bus 2
EVE = datetime(2019, 10, 17, 18, 0, tzinfo=WITA)
MEETING = (-10.1560, 123.6310)  # the shipped meeting point's pin


@pytest.fixture
async def tour_bot(event: Event, tmp_path: Path) -> AsyncIterator[Harness]:
    bot = await Harness(event, EVE, tmp_path / "db", admins=frozenset({ORGANIZER})).start()
    try:
        await bot.register()  # USER, Kabupaten Sidoarjo
        await bot.press("r:city-tour")
        await bot.register("Other", "bogor", user_id=OTHER, chat_id=OTHER)
        await bot.register("Leader", "semarang", user_id=LEADER, chat_id=LEADER)
        await bot.press("r:city-tour", user_id=LEADER, chat_id=LEADER)
        yield bot
    finally:
        await bot.stop()


def sent_to(calls: list, user: int) -> list[str]:  # type: ignore[type-arg]
    return [text_of(c) for c in calls if c.method == "sendMessage"
            and c.params.get("chat_id") == user]


async def test_plan_shows_meeting_point_route_and_bring(bot: Harness) -> None:
    text = only_text(await bot.say("/citytour"))
    assert "🚩 Kumpul pukul 07.30 di Kantor Wali Kota Kupang" in text
    assert "08.20 Taman Nostalgia" in text and "Pantai Lasiana" in text
    assert "Bawa: Air minum" in text
    calls = await bot.say("kpn city tour?")
    assert ("📍 Titik kumpul", "pin:balai-kota") in buttons(calls[-1])


async def test_evening_before_and_30_minutes_go_to_tour_participants_only(
    tour_bot: Harness,
) -> None:
    bot = tour_bot
    await bot.press("tba", user_id=ORGANIZER, chat_id=ORGANIZER)
    bot.clock.set(datetime(2019, 10, 17, 19, 0, tzinfo=WITA))
    calls = await bot.tick()
    (evening,) = sent_to(calls, USER)
    assert evening.startswith("🌙 Besok city tour! City Tour Kota Kupang")
    assert "Kumpul pukul 07.30 di Kantor Wali Kota Kupang" in evening
    assert "🚌 Bus Anda: Bus " in evening
    assert [t for t in sent_to(calls, OTHER) if t.startswith("🌙")] == []
    assert len(sent_to(calls, LEADER)) == 1

    bot.clock.set(datetime(2019, 10, 18, 7, 0, tzinfo=WITA))
    calls = await bot.tick()
    texts = [t for t in sent_to(calls, USER) if "City tour" in t]
    assert texts == [t for t in texts if t.startswith("⏰ City tour: kumpul 30 menit lagi")]
    assert len(texts) == 1
    assert [t for t in sent_to(calls, OTHER) if t.startswith("⏰ City tour")] == []
    # No generic session reminder on top of the tour's own messages.
    assert not [t for t in sent_to(calls, USER) if t.startswith("⏰ Pengingat")]


async def test_changed_meeting_point_notifies_participants(tour_bot: Harness) -> None:
    bot = tour_bot
    services = bot.app.bot_data.services
    old = services.event
    tour_session = old.tour_session()
    assert tour_session is not None and old.tour is not None
    new = replace(
        old,
        sessions=tuple(replace(s, venue_id="suba-suka") if s.id == "city-tour" else s
                       for s in old.sessions),
        tour=replace(old.tour, meeting_venue_id="suba-suka"),
        _by_id={},
    )
    services.event = new
    await scheduler.apply_event_change(bot.app, old, new)
    calls = await bot.tick()
    (notice,) = sent_to(calls, USER)
    assert "Perubahan jadwal: City Tour Kota Kupang" in notice
    assert "Tempat: Kantor Wali Kota Kupang → Suba Suka Paradise" in notice
    assert sent_to(calls, OTHER) == []


async def test_check_in_by_button_and_roll_call(tour_bot: Harness) -> None:
    bot = tour_bot
    await bot.say(f"/bus pindah {USER} bus-1", user_id=ORGANIZER, chat_id=ORGANIZER)
    await bot.say(f"/bus pindah {LEADER} bus-1", user_id=ORGANIZER, chat_id=ORGANIZER)
    text = only_text(await bot.press("trc:bus-1", user_id=ORGANIZER, chat_id=ORGANIZER))
    assert "Absen Bus 1 — 0/2 hadir" in text

    # Too early: check-in opens two hours before gathering.
    calls = await bot.press("tc")
    assert "dibuka 2 jam" in next(c for c in calls if c.method == "answerCallbackQuery")\
        .params["text"]
    bot.clock.set(datetime(2019, 10, 18, 7, 20, tzinfo=WITA))
    calls = await bot.press("tc")
    assert "Tercatat hadir" in next(c for c in calls if c.method == "answerCallbackQuery")\
        .params["text"]
    text = only_text(await bot.press("trc:bus-1", user_id=ORGANIZER, chat_id=ORGANIZER))
    assert "Absen Bus 1 — 1/2 hadir" in text
    assert "✅ Budi Santoso" in text and "❌ Leader" in text
    assert "🙋 07.20" in text  # the check-in time is the bot's clock, in WITA

    # One tap tells the missing one the bus is waiting; the present one gets nothing.
    calls = await bot.press("tsay:bus-1:wait", user_id=ORGANIZER, chat_id=ORGANIZER)
    assert [t for t in sent_to(calls, LEADER) if "menunggu Anda" in t]
    assert [t for t in sent_to(calls, USER) if "menunggu Anda" in t] == []


async def test_location_inside_and_outside_the_radius(tour_bot: Harness) -> None:
    bot = tour_bot
    bot.clock.set(datetime(2019, 10, 18, 7, 15, tzinfo=WITA))
    calls = await bot.press("tl")
    request = next(c for c in calls if c.method == "sendMessage")
    assert request.params["reply_markup"]["keyboard"][0][0]["request_location"] is True
    assert "tidak disimpan" in text_of(request)

    far = await bot.send(bot.updates.location(-10.1700, 123.5880))  # ~4.8 km away
    assert "belum dihitung hadir" in only_text(far)
    members = await bot.repo.tour_members("city-tour")
    assert not next(m for m in members if m.user_id == USER).checked_in_at

    near = await bot.send(bot.updates.location(MEETING[0] + 0.0005, MEETING[1]))  # ~55 m
    assert "Tercatat hadir di titik kumpul (sekitar 56 m)" in only_text(near)
    repo = bot.repo
    members = await repo.tour_members("city-tour")
    assert next(m for m in members if m.user_id == USER).method == "location"
    assert await repo.stored_distances() == 1

    # After the tour, nothing about where anyone was is left.
    bot.clock.set(datetime(2019, 10, 18, 11, 1, tzinfo=WITA))
    await bot.tick()
    assert await repo.stored_distances() == 0


async def test_location_from_someone_not_on_the_tour_is_not_a_check_in(
    tour_bot: Harness,
) -> None:
    bot = tour_bot
    bot.clock.set(datetime(2019, 10, 18, 7, 15, tzinfo=WITA))
    calls = await bot.send(bot.updates.location(*MEETING, user_id=OTHER, chat_id=OTHER))
    assert "hanya untuk peserta city tour" in only_text(calls)
    members = await bot.repo.tour_members("city-tour")
    assert OTHER not in {m.user_id for m in members}


async def test_bus_leader_sees_only_their_bus(tour_bot: Harness) -> None:
    bot = tour_bot
    await bot.say(f"/bus pemimpin bus-2 {LEADER}", user_id=ORGANIZER, chat_id=ORGANIZER)
    text = only_text(await bot.say("/bus", user_id=LEADER, chat_id=LEADER))
    assert text.startswith("📋 Absen Bus 2")
    calls = await bot.press("trc:bus-1", user_id=LEADER, chat_id=LEADER)
    assert "hanya untuk panitia" in next(
        c for c in calls if c.method == "answerCallbackQuery").params["text"]
    assert not [c for c in calls if c.method in ("sendMessage", "editMessageText")]
    # A participant who leads nothing sees no roll call at all.
    calls = await bot.press("trc:bus-2")
    assert not [c for c in calls if c.method in ("sendMessage", "editMessageText")]
    calls = await bot.say("/bus")
    assert "hanya untuk panitia" in only_text(calls)
    calls = await bot.press("tsay:bus-1:go", user_id=LEADER, chat_id=LEADER)
    assert not [c for c in calls if c.method == "sendMessage"]


async def test_auto_assignment_keeps_regions_together(tour_bot: Harness) -> None:
    bot = tour_bot
    calls = await bot.press("tba", user_id=ORGANIZER, chat_id=ORGANIZER)
    assert "Belum dapat bus: 0" in only_text(calls)
    repo = bot.repo
    assert await repo.bus_of(USER) is not None


async def test_rsvp_to_the_tour_seats_at_once_and_cancelling_frees_the_seat(
    tour_bot: Harness,
) -> None:
    bot = tour_bot
    repo = bot.repo
    # The fixture's two participants got a bus the moment they said "Hadir".
    assert await repo.bus_of(USER) is not None and await repo.bus_of(LEADER) is not None
    calls = await bot.press("r:city-tour", user_id=OTHER, chat_id=OTHER)
    bus = await repo.bus_of(OTHER)
    assert bus is not None
    toast = next(c for c in calls if c.method == "answerCallbackQuery").params["text"]
    assert toast.endswith(f"Bus Anda: {bus.replace('bus-', 'Bus ')}.")
    # Giving up a limited seat is asked about first: one stray tap changes nothing.
    calls = await bot.press("rx:city-tour", user_id=OTHER, chat_id=OTHER)
    assert "Batalkan kehadiran Anda di <b>City Tour Kota Kupang</b>?" in calls[-1].params["text"]
    assert ("Ya, batalkan", "rxy:city-tour") in buttons(calls[-1])
    assert await repo.bus_of(OTHER) == bus
    await bot.press("rxy:city-tour", user_id=OTHER, chat_id=OTHER)
    assert await repo.bus_of(OTHER) is None
    assert await repo.get_rsvp(OTHER, "city-tour") is None


def test_auto_assign_pure() -> None:
    buses = [Bus("b1", "Bus 1", 5, "L1", "+62 812-0000-0001"),
             Bus("b2", "Bus 2", 5, "L2", "+62 812-0000-0002")]
    members = ([(i, "Kota A") for i in range(4)] + [(10 + i, "Kab B") for i in range(4)]
               + [(20, "Kota C"), (21, "Kota C")])
    result = auto_assign(members, buses, {})
    assert len({result[i] for i in range(4)}) == 1
    assert len({result[10 + i] for i in range(4)}) == 1
    assert result[0] != result[10]
    assert sorted(result.values()).count("b1") == 5 and sorted(result.values()).count("b2") == 5
    # Already seated people stay; their region-mates follow them.
    again = auto_assign([*members, (30, "Kota A")], buses, {i: result[i] for i in range(4)})
    assert 0 not in again and again.get(30) in (result[0], None)
    # More people than seats: the rest stay unassigned, nobody is double-booked.
    crowd = [(i, None) for i in range(12)]
    placed = auto_assign(crowd, buses, {})
    assert len(placed) == 10


def test_distance() -> None:
    assert distance_m(*MEETING, *MEETING) == 0
    assert 50 < distance_m(MEETING[0] + 0.0005, MEETING[1], *MEETING) < 60
    assert USER  # the module's fixtures use the harness's default user


async def test_own_phone_shared_for_the_roll_call_and_erased_after_the_tour(
    tour_bot: Harness,
) -> None:
    bot = tour_bot
    text = only_text(await bot.say("/citytour"))
    assert "✅ Anda ikut city tour." in text
    calls = await bot.press("tph")
    request = next(c for c in calls if c.method == "sendMessage")
    assert request.params["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    assert "Hanya panitia dan pemimpin bus Anda" in text_of(request)

    # Someone else's card is not stored; one's own (from Telegram's button) is.
    refused = await bot.send(bot.updates.contact("+62 812 0000 9999", own=False))
    assert "hanya nomor Anda sendiri" in only_text(refused)
    calls = await bot.send(bot.updates.contact("+62 812 0000 1234"))
    assert "Nomor tersimpan" in only_text(calls)
    assert calls[-1].params["reply_markup"] == {"remove_keyboard": True}
    repo = bot.repo
    await bot.say(f"/bus pindah {USER} bus-1", user_id=ORGANIZER, chat_id=ORGANIZER)
    roll = only_text(await bot.press("trc:bus-1", user_id=ORGANIZER, chat_id=ORGANIZER))
    assert "+62 812 0000 1234" in roll  # missing, with a number to call
    assert not any(b[1] == "tph" for b in buttons((await bot.say("/citytour"))[-1]))

    # A delegate not on the tour cannot leave a number.
    other = await bot.send(bot.updates.contact("+62 812 0000 5555", user_id=OTHER,
                                               chat_id=OTHER))
    assert "hanya disimpan untuk peserta city tour" in only_text(other)

    bot.clock.set(datetime(2019, 10, 18, 11, 1, tzinfo=WITA))
    await bot.tick()
    members = await repo.tour_members("city-tour")
    assert all(m.phone is None for m in members)


async def test_joining_on_the_tour_morning_gets_no_evening_message(
    event: Event, tmp_path: Path,
) -> None:
    """#13.1: "Besok city tour!" belongs to the evening before, not to the tour morning."""
    bot = await Harness(event, datetime(2019, 10, 18, 6, 40, tzinfo=WITA), tmp_path / "db").start()
    try:
        await bot.register()
        await bot.say("/citytour")
        await bot.press("r:city-tour")
        calls = await bot.tick()
        assert [t for t in sent_to(calls, USER) if "Besok" in t] == []
        bot.clock.set(datetime(2019, 10, 18, 7, 0, tzinfo=WITA))
        calls = await bot.tick()
        (gather,) = sent_to(calls, USER)
        assert gather.startswith("⏰ City tour: kumpul 30 menit lagi")
    finally:
        await bot.stop()


async def test_gather_reminder_does_not_ask_the_checked_in_to_check_in(
    tour_bot: Harness,
) -> None:
    """#13.2: someone already at the meeting point is not asked "Sudah sampai?"."""
    bot = tour_bot
    bot.clock.set(datetime(2019, 10, 18, 6, 50, tzinfo=WITA))
    await bot.tick()
    await bot.press("tc")
    bot.clock.set(datetime(2019, 10, 18, 7, 0, tzinfo=WITA))
    calls = await bot.tick()
    mine = [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] == USER]
    theirs = [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] == LEADER]
    assert len(mine) == 1 and len(theirs) == 1
    assert "Sudah sampai?" not in text_of(mine[0])
    assert "sudah tercatat hadir" in text_of(mine[0])
    assert ("🙋 Saya sudah di titik kumpul", "tc") not in buttons(mine[0])
    assert "Sudah sampai? Tekan “Saya sudah di titik kumpul”." in text_of(theirs[0])
    assert ("🙋 Saya sudah di titik kumpul", "tc") in buttons(theirs[0])


async def test_joining_from_the_tour_screen_stays_on_the_tour_screen(
    tour_bot: Harness,
) -> None:
    """#13.3: "Ikut city tour" updates the tour screen (with the bus), not a session card."""
    bot = tour_bot
    bot.clock.set(datetime(2019, 10, 18, 6, 0, tzinfo=WITA))
    await bot.tick()
    assert "belum terdaftar ikut" in only_text(
        await bot.say("/citytour", user_id=OTHER, chat_id=OTHER))
    calls = await bot.press("r:city-tour", user_id=OTHER, chat_id=OTHER)
    (screen,) = [c for c in calls if c.method == "editMessageText"]
    text = text_of(screen)
    assert text.startswith("🚌 City Tour Kota Kupang")
    assert "✅ Anda ikut city tour." in text and "🚌 Bus Anda: Bus " in text
    assert ("🙋 Saya sudah di titik kumpul", "tc") in buttons(screen)
    # Leaving from the tour screen also stays on it, and so does changing one's mind.
    calls = await bot.press("rx:city-tour", user_id=OTHER, chat_id=OTHER)
    assert ("Tidak", "tour") in buttons(calls[-1])
    calls = await bot.press("rxy:city-tour", user_id=OTHER, chat_id=OTHER)
    (screen,) = [c for c in calls if c.method == "editMessageText"]
    assert "Anda belum terdaftar ikut city tour." in text_of(screen)


async def test_bus_leader_marks_a_delegate_present_and_undoes_it(tour_bot: Harness) -> None:
    """#13.5: per-person present/absent buttons on the roll call, for delegates without a
    smartphone; a mistaken tap can be undone."""
    bot = tour_bot
    await bot.say(f"/bus pindah {USER} bus-2", user_id=ORGANIZER, chat_id=ORGANIZER)
    await bot.say(f"/bus pindah {LEADER} bus-2", user_id=ORGANIZER, chat_id=ORGANIZER)
    await bot.say(f"/bus pemimpin bus-2 {LEADER}", user_id=ORGANIZER, chat_id=ORGANIZER)
    bot.clock.set(datetime(2019, 10, 18, 7, 10, tzinfo=WITA))
    calls = await bot.say("/bus", user_id=LEADER, chat_id=LEADER)
    assert ("🙋 Budi Santoso", f"tm:bus-2:{USER}") in buttons(calls[-1])
    assert "Tekan 🙋 nama untuk mencatat hadir" in only_text(calls)
    calls = await bot.press(f"tm:bus-2:{USER}", user_id=LEADER, chat_id=LEADER)
    text = only_text(calls)
    assert "Absen Bus 2 — 1/2 hadir" in text and "✅ Budi Santoso" in text
    assert ("↩️ Budi Santoso", f"tu:bus-2:{USER}") in buttons(calls[-1])
    calls = await bot.press(f"tu:bus-2:{USER}", user_id=LEADER, chat_id=LEADER)
    assert "Absen Bus 2 — 0/2 hadir" in only_text(calls)
    # Not someone else's bus, and not for a delegate.
    calls = await bot.press(f"tm:bus-1:{USER}", user_id=LEADER, chat_id=LEADER)
    assert not [c for c in calls if c.method in ("sendMessage", "editMessageText")]
    calls = await bot.press(f"tm:bus-2:{USER}")
    assert not [c for c in calls if c.method in ("sendMessage", "editMessageText")]
    members = await bot.repo.tour_members("city-tour")  # type: ignore[union-attr]
    assert not next(m for m in members if m.user_id == USER).checked_in_at
