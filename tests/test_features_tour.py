"""City tour rules as use cases (bot/features/tour.py), without Telegram."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.context import Services
from bot.features import rsvp
from bot.features import tour as tours
from bot.features.tour import CheckIn, Say
from bot.model import Event, Session, Tour
from tests.conftest import WITA
from tests.feature_kit import ADMIN, RecordedDeliveries, open_services, register

BEFORE = datetime(2019, 10, 16, 8, 0, tzinfo=WITA)
#: The tour gathers at 07.30 on 18 October: check-in is open from 05.30.
AT_GATHERING = datetime(2019, 10, 18, 7, 15, tzinfo=WITA)
ANI, BUDI, LEADER, STRANGER = 7001, 7002, 7003, 7004


@pytest.fixture
async def services(event: Event, tmp_path: Path) -> AsyncIterator[Services]:
    services = await open_services(event, BEFORE, tmp_path)
    deliveries = RecordedDeliveries()
    for user, region in ((ANI, "Kota Kupang"), (BUDI, "Kabupaten Sidoarjo"),
                         (LEADER, "Kota Kupang"), (STRANGER, "Kota Kupang")):
        await register(services, user, region)
        if user != STRANGER:
            await rsvp.attend(services, deliveries, user, "city-tour")
    yield services
    await services.close_repo()


def tour_of(services: Services) -> tuple[Tour, Session]:
    found = tours.tour_of(services)
    assert found is not None
    return found


async def test_seating_keeps_hand_placed_seats(services: Services) -> None:
    tour, _ = tour_of(services)
    last = tour.buses[-1]
    assert await tours.place(services, tour, str(BUDI), last.id, ADMIN, leader=False)
    assert await tours.seat_everyone(services) == {}  # everyone going has a seat already
    assert (await tours.bus_of(services, BUDI)) == last
    await tours.release_seat(services, BUDI)
    assert await tours.bus_of(services, BUDI) is None
    assert await tours.auto_assign_buses(services, ADMIN) == 1
    actions = [a for _, _, a, _ in await services.repo.audit_log()]
    assert actions == ["tour.auto_assign", "tour.move"]


async def test_place_refuses_unknown_users_and_buses(services: Services) -> None:
    tour, _ = tour_of(services)
    bus = tour.buses[0].id
    assert not await tours.place(services, tour, "123456", bus, ADMIN, leader=False)
    assert not await tours.place(services, tour, "abc", bus, ADMIN, leader=True)
    assert not await tours.place(services, tour, str(ANI), "no-bus", ADMIN, leader=True)
    assert await services.repo.audit_log() == []


async def test_check_in_rules(services: Services) -> None:
    _, session = tour_of(services)
    assert await tours.check_in_by_button(services, STRANGER, session) is CheckIn.NOT_GOING
    assert await tours.check_in_by_button(services, ANI, session) is CheckIn.NOT_OPEN
    services.clock.set(AT_GATHERING)
    assert await tours.check_in_by_button(services, ANI, session) is CheckIn.PRESENT
    tour, _ = tour_of(services)
    mine = await tours.my_tour(services, ANI, tour, session)
    assert mine.checked_in and mine.check_in_open and mine.bus is not None


async def test_check_in_by_location_keeps_only_the_distance(services: Services) -> None:
    tour, _ = tour_of(services)
    meeting = services.event.venue(tour.meeting_venue_id)
    assert meeting is not None
    services.clock.set(AT_GATHERING)
    far = await tours.check_in_by_location(services, ANI, meeting.latitude + 0.1,
                                           meeting.longitude)
    assert far is not None and far.outcome is CheckIn.TOO_FAR and far.distance > far.radius
    near = await tours.check_in_by_location(services, ANI, meeting.latitude, meeting.longitude)
    assert near is not None and near.outcome is CheckIn.PRESENT and near.distance < 1
    again = await tours.check_in_by_location(services, ANI, meeting.latitude,
                                             meeting.longitude)
    assert again is not None and again.outcome is CheckIn.ALREADY
    stranger = await tours.check_in_by_location(services, STRANGER, meeting.latitude,
                                                meeting.longitude)
    assert stranger is not None and stranger.outcome is CheckIn.NOT_GOING


async def test_only_ones_own_phone_of_a_participant_is_kept(services: Services) -> None:
    assert not await tours.keep_phone(services, ANI, BUDI, "+62 811")  # someone else's card
    assert not await tours.keep_phone(services, STRANGER, STRANGER, "+62 812")  # not going
    assert await tours.keep_phone(services, ANI, ANI, "+62 813" + "9" * 40)
    _, session = tour_of(services)
    members = {m.user_id: m.phone for m in await tours.members(services, session)}
    assert members[ANI] == ("+62 813" + "9" * 40)[:32] and members[BUDI] is None


async def test_who_sees_a_bus_and_who_may_message_it(services: Services) -> None:
    tour, _ = tour_of(services)
    mine, other = tour.buses[0].id, tour.buses[1].id
    assert await tours.place(services, tour, str(LEADER), mine, ADMIN, leader=True)
    assert await tours.may_see_bus(services, ADMIN, other)
    assert await tours.may_see_bus(services, LEADER, mine)
    assert not await tours.may_see_bus(services, LEADER, other)
    assert (await tours.led_bus(services, tour, LEADER)) == tour.buses[0]
    assert (await tours.say(services, LEADER, other, "go")).outcome is Say.REFUSED
    assert (await tours.say(services, LEADER, tours.ALL_BUSES, "go")).outcome is Say.REFUSED
    assert (await tours.say(services, LEADER, mine, "shout")).outcome is Say.UNKNOWN
    assert (await tours.say(services, ADMIN, "no-bus", "go")).outcome is Say.UNKNOWN
    said = await tours.say(services, ADMIN, tours.ALL_BUSES, "go")
    assert said.outcome is Say.SENT and said.recipients == 3  # everyone seated
    pending = await services.repo.pending_deliveries(ANI)
    assert [d.kind for d in pending if d.kind == "bus_msg"] == ["bus_msg"]
