"""Programme changes as use cases (bot/features/changes.py), without Telegram."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.context import Services
from bot.features import changes
from bot.features.changes import Edit, Reload
from bot.filewatch import file_digest
from bot.model import Event
from tests.conftest import WITA
from tests.feature_kit import ADMIN, RecordedDeliveries, open_services

BEFORE = datetime(2019, 10, 16, 8, 0, tzinfo=WITA)


@pytest.fixture
async def services(event: Event, tmp_path: Path) -> AsyncIterator[Services]:
    services = await open_services(event, BEFORE, tmp_path)
    yield services
    await services.close_repo()


def keynote_start(services: Services) -> datetime:
    session = services.event.session("keynote")
    assert session is not None
    return session.start


async def test_a_move_is_previewed_then_written_and_swapped_in(services: Services) -> None:
    deliveries = RecordedDeliveries()
    before = services.event
    later = keynote_start(services) + timedelta(hours=1)
    proposal = await changes.preview_change(services, "keynote", start=later)
    assert proposal is not None and [c.session_id for c in proposal.changes] == ["keynote"]
    assert services.event is before  # a preview changes nothing
    applied = await changes.apply_change(services, deliveries, ADMIN, "keynote", start=later)
    assert applied.outcome is Edit.APPLIED and applied.notices == 1
    assert keynote_start(services) == later
    assert deliveries.changes == [(before, services.event)]
    assert "2019-10-16T10:30:00+08:00" in services.settings.event_file.read_text()
    assert services.event_digest == file_digest(services.settings.event_file)
    _, actor, action, details = (await services.repo.audit_log())[0]
    assert (actor, action, details["session"]) == (ADMIN, "change", "keynote")


async def test_invalid_changes_are_refused(services: Services) -> None:
    deliveries = RecordedDeliveries()
    assert await changes.preview_change(services, "no-such", venue="balai-kota") is None
    assert await changes.preview_change(services, "keynote", venue="no-venue") is None
    applied = await changes.apply_change(services, deliveries, ADMIN, "keynote", venue="nowhere")
    assert applied.outcome is Edit.INVALID and deliveries.changes == []


async def test_unreviewed_edits_of_the_file_are_not_published(services: Services) -> None:
    deliveries = RecordedDeliveries()
    path = services.settings.event_file
    path.write_text(path.read_text().replace("09:30:00+08:00", "09:45:00+08:00", 1))
    applied = await changes.apply_change(services, deliveries, ADMIN, "keynote",
                                         venue="suba-suka")
    assert applied.outcome is Edit.FILE_DIFFERS and deliveries.changes == []


async def test_reload_applies_only_the_file_previewed(services: Services) -> None:
    deliveries = RecordedDeliveries()
    path = services.settings.event_file
    path.write_text(path.read_text().replace("09:30:00+08:00", "09:45:00+08:00", 1))
    preview = await changes.preview_reload(services)
    assert preview.proposal is not None and preview.proposal.changes
    stale = await changes.apply_reload(services, deliveries, ADMIN, "0" * 64)
    assert stale.outcome is Reload.CHANGED and deliveries.changes == []
    applied = await changes.apply_reload(services, deliveries, ADMIN, preview.digest)
    assert applied.outcome is Reload.APPLIED
    assert services.event.sessions == preview.proposal.after.sessions
    path.write_text("not = [toml")
    broken = await changes.preview_reload(services)
    assert broken.proposal is None and (broken.problems or broken.error)
    assert (await changes.apply_reload(services, deliveries, ADMIN, preview.digest)).outcome \
        is Reload.INVALID
