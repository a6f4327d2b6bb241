"""RSVP rules as use cases (bot/features/rsvp.py, privacy.py), without Telegram."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from bot.context import Services
from bot.features import delegates, privacy, rsvp
from bot.features.rsvp import Attend, Withdraw
from bot.model import Event
from bot.states import RsvpStatus
from bot.storage.delegates import EVENT_RSVP
from tests.conftest import WITA
from tests.feature_kit import RecordedDeliveries, open_services, register, with_session

BEFORE = datetime(2019, 10, 16, 8, 0, tzinfo=WITA)
ANI, BUDI, CICI = 7001, 7002, 7003


@pytest.fixture
async def services(event: Event, tmp_path: Path) -> AsyncIterator[Services]:
    services = await open_services(event, BEFORE, tmp_path)
    for user in (ANI, BUDI, CICI):
        await register(services, user)
    yield services
    await services.close_repo()


def limited(services: Services, session_id: str, capacity: int) -> None:
    session = services.event.session(session_id)
    assert session is not None
    services.event = with_session(services.event, replace(session, capacity=capacity))


async def test_attend_needs_a_known_session_and_a_profile(services: Services) -> None:
    deliveries = RecordedDeliveries()
    assert (await rsvp.attend(services, deliveries, ANI, "no-such")).outcome is Attend.UNKNOWN
    stranger = 7999
    await services.repo.touch_user(stranger, "Tamu", None)
    done = await rsvp.attend(services, deliveries, stranger, "keynote")
    assert done.outcome is Attend.NOT_REGISTERED
    assert await services.repo.user_rsvps(stranger) == []
    assert deliveries.replanned == []


async def test_attend_a_session_and_the_event(services: Services) -> None:
    deliveries = RecordedDeliveries()
    done = await rsvp.attend(services, deliveries, ANI, "keynote")
    assert done.outcome is Attend.GOING and done.session is not None
    assert done.session.id == "keynote" and done.bus is None
    assert deliveries.replanned == [ANI]  # reminders follow the RSVP
    assert (await rsvp.attend(services, deliveries, ANI, EVENT_RSVP)).outcome is Attend.EVENT
    mine = await rsvp.overview(services, ANI)
    assert {r.session_id for r in mine.rsvps} == {"keynote", EVENT_RSVP}
    assert mine.positions == {}


async def test_an_overlap_is_asked_about_unless_forced(services: Services) -> None:
    deliveries = RecordedDeliveries()
    keynote = services.event.session("keynote")
    assert keynote is not None
    clash = replace(services.event.sessions[3], id="clash", start=keynote.start, end=keynote.end)
    services.event = with_session(services.event, clash)
    await rsvp.attend(services, deliveries, ANI, "keynote")
    asked = await rsvp.attend(services, deliveries, ANI, "clash")
    assert asked.outcome is Attend.OVERLAP and [s.id for s in asked.clashes] == ["keynote"]
    assert await services.repo.get_rsvp(ANI, "clash") is None
    forced = await rsvp.attend(services, deliveries, ANI, "clash", force=True)
    assert forced.outcome is Attend.GOING
    assert rsvp.overlapping(services.event, clash, await services.repo.user_rsvps(ANI)) == [
        keynote]


async def test_waiting_list_and_promotion_on_cancel(services: Services) -> None:
    deliveries = RecordedDeliveries()
    limited(services, "keynote", 1)
    assert (await rsvp.attend(services, deliveries, ANI, "keynote")).outcome is Attend.GOING
    waiting = await rsvp.attend(services, deliveries, BUDI, "keynote")
    assert waiting.outcome is Attend.WAITING and waiting.position == 1
    status = await rsvp.status(services, BUDI, "keynote")
    assert status.rsvp is not None and status.rsvp.status == RsvpStatus.WAITING
    assert status.position == 1

    # A held seat in a limited session: asked first, nothing changes yet.
    asked = await rsvp.withdraw(services, deliveries, ANI, "keynote")
    assert asked.outcome is Withdraw.ASK and asked.waiting == 1
    assert deliveries.seats == []
    done = await rsvp.withdraw(services, deliveries, ANI, "keynote", sure=True)
    assert done.outcome is Withdraw.CANCELLED
    assert deliveries.seats == [(BUDI, "keynote")]  # the first in line is told
    promoted = await rsvp.status(services, BUDI, "keynote")
    assert promoted.rsvp is not None and promoted.rsvp.status == RsvpStatus.GOING
    again = await rsvp.withdraw(services, deliveries, ANI, "keynote", sure=True)
    assert again.outcome is Withdraw.NOTHING


async def test_a_waiting_place_is_cancelled_without_asking(services: Services) -> None:
    deliveries = RecordedDeliveries()
    limited(services, "keynote", 1)
    await rsvp.attend(services, deliveries, ANI, "keynote")
    await rsvp.attend(services, deliveries, BUDI, "keynote")
    done = await rsvp.withdraw(services, deliveries, BUDI, "keynote")
    assert done.outcome is Withdraw.CANCELLED and deliveries.seats == []


async def test_a_tour_seat_is_a_bus_seat(services: Services) -> None:
    deliveries = RecordedDeliveries()
    tour = services.event.tour
    assert tour is not None
    done = await rsvp.attend(services, deliveries, ANI, "city-tour")
    assert done.outcome is Attend.GOING
    assert done.bus in {bus.name for bus in tour.buses}
    assert await services.repo.bus_of(ANI) is not None
    await rsvp.cancel_attendance(services, deliveries, ANI, "city-tour")
    assert await services.repo.bus_of(ANI) is None


async def test_going_sessions_skip_waiting_places(services: Services) -> None:
    deliveries = RecordedDeliveries()
    limited(services, "keynote", 1)
    await rsvp.attend(services, deliveries, ANI, "keynote")
    await rsvp.attend(services, deliveries, BUDI, "keynote")
    rsvps = await services.repo.user_rsvps(BUDI)
    assert rsvp.going_sessions(services.event, rsvps) == []
    assert [s.id for s in rsvp.going_sessions(
        services.event, await services.repo.user_rsvps(ANI))] == ["keynote"]


async def test_forgetting_frees_seats_first(services: Services) -> None:
    deliveries = RecordedDeliveries()
    limited(services, "keynote", 1)
    await rsvp.attend(services, deliveries, ANI, "keynote")
    await rsvp.attend(services, deliveries, BUDI, "keynote")
    kept = await privacy.kept(services, ANI)
    assert kept.profile is not None and kept.rsvps == 1
    await privacy.forget(services, deliveries, ANI)
    assert deliveries.seats == [(BUDI, "keynote")]
    assert await privacy.kept(services, ANI) == privacy.Kept(None, 0)
    assert await services.repo.get_user(ANI) is None


async def test_registering_and_reminder_preferences(services: Services) -> None:
    deliveries = RecordedDeliveries()
    newcomer = 7010
    await services.repo.touch_user(newcomer, "Dewi", None)
    assert (await delegates.record(services, newcomer)).profile is None
    saved = await delegates.register(services, deliveries, newcomer, "Dewi", "Pemkot Kupang",
                                     "Kota Kupang", "media")
    assert saved.profile is not None and saved.profile.role == "media"
    assert deliveries.replanned == [newcomer]  # the morning brief starts
    assert not await delegates.set_reminder_lead(services, deliveries, newcomer, 7)
    assert await delegates.set_reminder_lead(services, deliveries, newcomer, 0)
    assert (await delegates.record(services, newcomer)).preferences.reminder_lead == 0
    brief = (await delegates.record(services, newcomer)).preferences.morning_brief
    await delegates.toggle_morning_brief(services, deliveries, newcomer)
    assert (await delegates.record(services, newcomer)).preferences.morning_brief is not brief
    assert deliveries.replanned == [newcomer] * 3


async def test_calendar_files(services: Services) -> None:
    deliveries = RecordedDeliveries()
    assert await rsvp.calendar_file(services, ANI, "no-such") is None
    empty = await rsvp.calendar_file(services, ANI, None)
    assert empty is not None and empty.sessions == []
    assert empty.filename == "agenda-citynet-kupang-2019.ics"
    await rsvp.attend(services, deliveries, ANI, "keynote")
    agenda = await rsvp.calendar_file(services, ANI, None)
    assert agenda is not None and [s.id for s in agenda.sessions] == ["keynote"]
    one = await rsvp.calendar_file(services, ANI, "city-tour")
    assert one is not None and one.filename == "city-tour.ics"
    assert one.reminder_lead == (await delegates.record(services, ANI)).preferences.reminder_lead
