"""Organizer roles, announcements and reports as use cases, without Telegram
(bot/features/organizers.py, announcements.py, stats.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.context import Services
from bot.features import announcements, organizers, rsvp, stats
from bot.features.organizers import Redeemed, Revoked
from bot.model import Event
from bot.states import AnnouncementStatus, Audience
from tests.conftest import WITA
from tests.feature_kit import ADMIN, RecordedDeliveries, open_services, register

BEFORE = datetime(2019, 10, 16, 8, 0, tzinfo=WITA)
ANI, BUDI = 7001, 7002


@pytest.fixture
async def services(event: Event, tmp_path: Path) -> AsyncIterator[Services]:
    services = await open_services(event, BEFORE, tmp_path)
    await register(services, ANI, "Kota Kupang")
    await register(services, BUDI, "Kabupaten Sidoarjo")
    yield services
    await services.close_repo()


def actions(log: list[tuple[str, int, str, dict[str, object]]]) -> list[str]:
    return [action for _, _, action, _ in reversed(log)]


async def test_invites_are_single_use_and_expire(services: Services) -> None:
    assert await organizers.is_organizer(services, ADMIN)
    assert not await organizers.is_organizer(services, ANI)
    invite = await organizers.create_invite(services, ADMIN)
    assert organizers.is_invite(invite.code) and invite.expires == BEFORE + timedelta(hours=24)
    assert await organizers.redeem(services, ANI, invite.code) is Redeemed.OK
    assert await organizers.is_organizer(services, ANI)
    assert await organizers.redeem(services, ANI, invite.code) is Redeemed.ALREADY
    assert await organizers.redeem(services, BUDI, invite.code) is Redeemed.USED
    assert await organizers.redeem(services, BUDI, "org_guess") is Redeemed.UNKNOWN
    late = await organizers.create_invite(services, ADMIN)
    services.clock.set(BEFORE + timedelta(hours=25))
    assert await organizers.redeem(services, BUDI, late.code) is Redeemed.EXPIRED
    roster = await organizers.roster(services)
    assert [o.user_id for o in roster.invited] == [ANI] and roster.configured[0][0] == ADMIN


async def test_revoking(services: Services) -> None:
    invite = await organizers.create_invite(services, ADMIN)
    await organizers.redeem(services, ANI, invite.code)
    assert await organizers.revoke(services, ADMIN, ANI) is Revoked.CONFIGURED
    assert await organizers.revoke(services, ANI, ADMIN) is Revoked.DONE
    assert not await organizers.is_organizer(services, ANI)
    assert await organizers.revoke(services, ANI, ADMIN) is Revoked.NOT_INVITED
    assert actions(await services.repo.audit_log()) == [
        "invite_created", "invite_redeemed", "organizer_revoked"]


async def test_audiences(services: Services) -> None:
    deliveries = RecordedDeliveries()
    await rsvp.attend(services, deliveries, ANI, "city-tour")
    await organizers.link_chat(services, -100123, "Grup Acara", "supergroup", ADMIN)
    event = services.event
    assert announcements.resolve_audience(event, "tour", "") is Audience.TOUR
    assert announcements.resolve_audience(event, "s", "keynote") == "session:keynote"
    assert announcements.resolve_audience(event, "s", "no-such") is None
    assert announcements.resolve_audience(event, "r", "0") == "region:" + event.regions[0]
    assert announcements.resolve_audience(event, "r", str(len(event.regions))) is None
    assert announcements.resolve_audience(event, "everyone", "") is None
    counts = await announcements.audience_counts(services)
    assert counts.counts == {Audience.ALL: 2, Audience.EVERYONE: 2, Audience.TOUR: 1,
                             Audience.ORGANIZERS: 1}
    assert counts.linked == 1
    assert await announcements.recipients(services, Audience.LINKED) == [-100123]
    assert await announcements.recipients(services, "region:Kabupaten Sidoarjo") == [BUDI]


async def test_a_draft_is_queued_once(services: Services) -> None:
    deliveries = RecordedDeliveries()
    draft_id = await announcements.create_draft(services, ADMIN, "<b>Rapat</b>", None, None)
    assert await announcements.open_draft(services, str(draft_id), with_audience=True) is None
    await announcements.set_audience(services, draft_id, Audience.ALL)
    draft = await announcements.open_draft(services, str(draft_id), with_audience=True)
    assert draft is not None
    await announcements.toggle_urgent(services, draft)
    preview = await announcements.preview(services, draft_id)
    assert preview.draft.urgent and (preview.reachable, preview.unreachable) == (2, 0)
    recipients = await announcements.recipients(services, Audience.ALL)
    assert await announcements.report(services, str(draft_id)) is None  # still a draft
    assert await announcements.queue(services, deliveries, preview.draft, recipients, ADMIN,
                                     (ADMIN, 1))
    assert not await announcements.queue(services, deliveries, preview.draft, recipients, ADMIN,
                                         (ADMIN, 1))
    assert deliveries.woken == 1
    assert await announcements.open_draft(services, str(draft_id)) is None
    found = await announcements.report(services, str(draft_id))
    assert found is not None and found.announcement.status == AnnouncementStatus.SENDING
    assert not await announcements.mark_read(services, "forged", ANI)
    assert actions(await services.repo.audit_log()) == ["announcement_sent"]


async def test_a_discarded_draft_cannot_be_sent(services: Services) -> None:
    draft_id = await announcements.create_draft(services, ADMIN, "teks", None, None)
    await announcements.discard(services, str(draft_id))
    assert await announcements.open_draft(services, str(draft_id)) is None
    await announcements.discard(services, "not-a-number")  # ignored


async def test_stats_and_export(services: Services) -> None:
    await rsvp.attend(services, RecordedDeliveries(), ANI, "keynote")
    found = await stats.stats(services)
    assert found.rsvps["keynote"] == (1, 0) and sum(n for _, n in found.by_region) == 2
    rows = await stats.export(services, ADMIN)
    assert len(rows.registrations) == 2
    keynote = services.event.session("keynote")
    assert keynote is not None
    assert [(r[0], r[3], r[4]) for r in rows.rsvps] == [(ANI, "keynote", keynote.title.get("id"))]
    assert all(len(r) == len(stats.RSVP_COLUMNS) for r in rows.rsvps)
    assert actions(await services.repo.audit_log()) == ["export"]
