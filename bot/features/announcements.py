"""Announcements from the panitia: drafts, audiences, queueing, read receipts, reports.

An announcement is composed as a draft, given an audience (stored as text: an `Audience`,
or `session:<id>` / `region:<name>`), previewed, then queued in the outbox, which sends it
within Telegram's limits (bot/outbox.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import callbacks as cb
from bot.config import PAID_STARS_PER_MESSAGE
from bot.features import Deliveries
from bot.model import Event, SessionKind
from bot.states import (
    REGION_PREFIX,
    SESSION_PREFIX,
    AnnouncementStatus,
    Audience,
    region_audience,
    session_audience,
)
from bot.storage.announcements import Announcement, DeliveryReport, Recipient

if TYPE_CHECKING:
    from bot.context import Services

#: The audience buttons' short keys (callback data is short), as stored.
AUDIENCE_KEYS = {"all": Audience.ALL, "every": Audience.EVERYONE, "tour": Audience.TOUR,
                 "org": Audience.ORGANIZERS, "grp": Audience.LINKED}


async def members(services: Services, audience: str) -> list[tuple[int, bool]]:
    """(chat id, reachable) of everyone an audience names."""
    repo, event = services.repo, services.event
    if audience == Audience.ALL:
        return await repo.audience_registered()
    if audience == Audience.EVERYONE:
        return await repo.audience_everyone()
    if audience == Audience.TOUR:
        tours = [s.id for s in event.sessions if s.kind is SessionKind.TOUR]
        return await repo.audience_sessions(tours)
    if audience.startswith(SESSION_PREFIX):
        return await repo.audience_sessions([audience.removeprefix(SESSION_PREFIX)])
    if audience.startswith(REGION_PREFIX):
        return await repo.audience_region(audience.removeprefix(REGION_PREFIX))
    if audience == Audience.ORGANIZERS:
        invited = [o.user_id for o in await repo.invited_organizers()]
        return await repo.users_active([*services.settings.admins, *invited])
    if audience == Audience.LINKED:
        return [(c.chat_id, True) for c in await repo.linked_chats()]
    return []


async def recipients(services: Services, audience: str) -> list[int]:
    return [chat_id for chat_id, reachable in await members(services, audience) if reachable]


@dataclass(frozen=True, slots=True)
class AudienceCounts:
    """How many each audience button would reach, and how many groups are linked."""

    counts: dict[str, int]
    linked: int


async def audience_counts(services: Services) -> AudienceCounts:
    fixed = (Audience.ALL, Audience.EVERYONE, Audience.TOUR, Audience.ORGANIZERS)
    counts: dict[str, int] = {a: len(await recipients(services, a)) for a in fixed}
    return AudienceCounts(counts, len(await services.repo.linked_chats()))


async def session_counts(services: Services) -> dict[str, tuple[int, int]]:
    """Session id -> (going, waiting), for choosing a session's delegates."""
    return await services.repo.rsvp_counts()


async def region_counts(services: Services) -> list[tuple[str | None, int]]:
    """Registered delegates per region, for choosing a region's delegates."""
    return await services.repo.registrations_by("region")


def resolve_audience(event: Event, choice: str, value: str) -> str | None:
    """The audience a button's choice names (None: unknown, or not in the programme)."""
    if choice in AUDIENCE_KEYS:
        return AUDIENCE_KEYS[choice]
    if choice == "s" and event.session(value) is not None:
        return session_audience(value)
    if choice == "r" and (index := cb.number(value)) is not None and index < len(event.regions):
        return region_audience(event.regions[index])
    return None


async def create_draft(services: Services, author: int, html_text: str,
                       media_kind: str | None, media_id: str | None) -> int:
    return await services.repo.create_announcement(author, html_text, media_kind, media_id)


async def find(services: Services, arg: str) -> Announcement | None:
    """The announcement a button's argument names (None for anything else)."""
    announcement_id = cb.number(arg)
    return None if announcement_id is None else await services.repo.get_announcement(
        announcement_id)


async def open_draft(services: Services, arg: str, *, with_audience: bool = False
                     ) -> Announcement | None:
    """The draft a button names, if it is still a draft (and has an audience, if asked)."""
    draft = await find(services, arg)
    if draft is None or draft.status != AnnouncementStatus.DRAFT:
        return None
    return draft if draft.audience or not with_audience else None


async def set_audience(services: Services, draft_id: int, audience: str) -> None:
    await services.repo.update_draft(draft_id, audience=audience)


async def toggle_urgent(services: Services, draft: Announcement) -> None:
    await services.repo.update_draft(draft.id, urgent=not draft.urgent)


async def discard(services: Services, arg: str) -> None:
    if (announcement_id := cb.number(arg)) is not None:
        await services.repo.cancel_draft(announcement_id)


@dataclass(frozen=True, slots=True)
class Preview:
    draft: Announcement
    reachable: int
    unreachable: int
    #: What a paid broadcast would cost in Stars; None: it goes out the ordinary way.
    paid_stars: float | None = None


async def preview(services: Services, draft_id: int) -> Preview:
    draft = await services.repo.get_announcement(draft_id)
    assert draft is not None  # the caller has just found or updated it
    everyone = await members(services, draft.audience)
    reachable = sum(1 for _, ok in everyone if ok)
    paid = services.settings.paid_broadcast(draft.urgent, reachable)  # as bot/outbox.py
    return Preview(draft, reachable, len(everyone) - reachable,
                   reachable * PAID_STARS_PER_MESSAGE if paid else None)


def empty_report(total: int) -> DeliveryReport:
    """The report of an announcement queued for `total` recipients, none sent yet."""
    return DeliveryReport(total, total, 0, 0, 0, 0, 0, {}, 0)


async def queue(services: Services, deliveries: Deliveries, draft: Announcement,
                recipients: list[int], by: int, progress: tuple[int, int]) -> bool:
    """Queue the draft for `recipients` and start sending; `progress` is the (chat,
    message) the sender keeps up to date. False if it was queued already (pressed twice)."""
    repo = services.repo
    if not await repo.queue_announcement(draft.id, recipients, *progress):
        return False
    await repo.audit(by, "announcement_sent", {
        "id": draft.id, "audience": draft.audience, "recipients": len(recipients),
        "urgent": draft.urgent})
    deliveries.wake_outbox()
    return True


@dataclass(frozen=True, slots=True)
class Report:
    announcement: Announcement
    report: DeliveryReport
    unread: list[Recipient]


async def report(services: Services, arg: str) -> Report | None:
    """The delivery report of a queued announcement (None: no such one, or a draft)."""
    announcement = await find(services, arg)
    if announcement is None or announcement.status not in (
            AnnouncementStatus.SENDING, AnnouncementStatus.DONE):
        return None
    repo = services.repo
    return Report(announcement, await repo.delivery_report(announcement.id),
                  await repo.unread_recipients(announcement.id))


async def mark_read(services: Services, arg: str, user_id: int) -> bool:
    """A recipient confirms an urgent announcement (only their own row can change)."""
    announcement_id = cb.number(arg)
    return announcement_id is not None and await services.repo.mark_read(
        announcement_id, user_id)


async def latest(services: Services, user_id: int) -> list[Announcement]:
    return await services.repo.latest_announcements(user_id)
