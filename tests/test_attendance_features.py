"""The attendance use cases called directly, without Telegram: plain values in, results out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.features import attendance, certificates, feedback
from bot.features.attendance import CheckinStatus, DeskStatus, ScreenStatus
from bot.model import Event
from bot.storage import Repo
from tests.conftest import KEYNOTE_TIME

ADMIN, DELEGATE, OTHER = 1, 2, 3


@pytest.fixture
async def repo() -> AsyncIterator[Repo]:
    store = await Repo.open(":memory:")
    try:
        for uid, name in ((DELEGATE, "Budi"), (OTHER, "Siti")):
            await store.touch_user(uid, name, None)
            await store.save_profile(uid, name, "Kota Kupang", "Kota Kupang", "delegasi")
        yield store
    finally:
        await store.close()


async def test_a_code_works_for_two_periods_then_expires(repo: Repo, event: Event) -> None:
    screen = await attendance.screen_code(repo, event, {ADMIN}, ADMIN, "", KEYNOTE_TIME)
    assert screen.status is ScreenStatus.OK and screen.session and screen.session.id == "keynote"
    assert screen.changes_at == KEYNOTE_TIME + timedelta(minutes=5)
    assert screen.closes_at == event.local(screen.session.end + timedelta(minutes=15))
    later = KEYNOTE_TIME + timedelta(minutes=9)  # the next period: still accepted
    result = await attendance.session_checkin(repo, event, DELEGATE, screen.code, later)
    assert result.status is CheckinStatus.RECORDED and result.at == later
    expired = KEYNOTE_TIME + timedelta(minutes=10)
    result = await attendance.session_checkin(repo, event, OTHER, screen.code, expired)
    assert result.status is CheckinStatus.EXPIRED
    # A shorter period in the data file makes codes expire sooner.
    quick = replace(event, attendance=replace(event.attendance, code_period=timedelta(
        minutes=1)), _by_id={})
    screen = await attendance.screen_code(repo, quick, {ADMIN}, ADMIN, "", KEYNOTE_TIME)
    result = await attendance.session_checkin(
        repo, quick, OTHER, screen.code, KEYNOTE_TIME + timedelta(minutes=2))
    assert result.status is CheckinStatus.EXPIRED


async def test_grace_period_and_unregistered(repo: Repo, event: Event) -> None:
    screen = await attendance.screen_code(repo, event, {ADMIN}, ADMIN, "keynote",
                                          KEYNOTE_TIME.replace(hour=11, minute=14))
    assert screen.status is ScreenStatus.OK  # 11.00 end + 15 minutes' grace
    closed = await attendance.screen_code(repo, event, {ADMIN}, ADMIN, "keynote",
                                          KEYNOTE_TIME.replace(hour=11, minute=15))
    assert closed.status is ScreenStatus.NOT_OPEN
    stranger = await attendance.session_checkin(repo, event, 99, screen.code, KEYNOTE_TIME)
    assert stranger.status is CheckinStatus.NOT_REGISTERED
    forbidden = await attendance.screen_code(repo, event, {ADMIN}, DELEGATE, "", KEYNOTE_TIME)
    assert forbidden.status is ScreenStatus.FORBIDDEN


async def test_desk_checkin_outside_the_event_days(repo: Repo, event: Event) -> None:
    card = await attendance.my_card(repo, DELEGATE)
    result = await attendance.desk_checkin(repo, event, {ADMIN}, ADMIN, card.payload,
                                           KEYNOTE_TIME + timedelta(days=5))
    assert result.status is DeskStatus.NOT_EVENT_DAY
    assert await repo.desk_checkin_rows() == []
    nobody = await attendance.desk_checkin(repo, event, {ADMIN}, OTHER, card.payload,
                                           KEYNOTE_TIME)
    assert nobody == attendance.DeskResult(DeskStatus.FORBIDDEN)


async def test_plenary_share_is_rounded_up(repo: Repo, event: Event) -> None:
    progress = await certificates.progress(repo, event, DELEGATE)
    assert (progress.plenary_total, progress.plenary_needed) == (5, 4)  # 70 % of 5 = 3.5
    assert not progress.met and progress.evaluation_done is False


def test_feedback_waits_for_every_overlapping_session(event: Event) -> None:
    opening, keynote = event.session("pembukaan"), event.session("keynote")
    assert opening is not None and keynote is not None
    assert feedback._busy_until(opening.end, [opening, keynote], opening) == keynote.end
    assert feedback._busy_until(keynote.end, [opening, keynote], keynote) == keynote.end


def test_daftar_hadir_groups_instansi_whatever_their_case(event: Event) -> None:
    session = event.session("keynote")
    assert session is not None
    rows = [attendance.Line(attendance.Attendee(i, name, instansi, "delegasi"), session.start)
            for i, (name, instansi) in enumerate([("Ani", "Kota Kupang"), ("Budi", "Kota Bogor"),
                                                  ("Citra", "kota kupang")])]
    lines = tuple(sorted(rows, key=lambda ln: (ln.attendee.instansi.casefold(),
                                               ln.attendee.name)))
    sheet = attendance.Sheet("Keynote", "keynote", lines, session)
    assert [(name, [ln.attendee.name for ln in group]) for name, group in sheet.groups()] == [
        ("Kota Bogor", ["Budi"]), ("Kota Kupang", ["Ani", "Citra"])]
