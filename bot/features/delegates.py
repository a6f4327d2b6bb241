"""A delegate's own record: registering (the profile RSVPs need) and reminder preferences."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.features import Deliveries
from bot.features.organizers import is_organizer
from bot.scheduler import LEAD_CHOICES
from bot.storage.delegates import Preferences, Profile

if TYPE_CHECKING:
    from bot.context import Services


@dataclass(frozen=True, slots=True)
class Record:
    """What /profil and /pengingat show: the profile (None: not registered) and settings."""

    profile: Profile | None
    preferences: Preferences
    #: Registered as "panitia" without organizer rights: the role alone opens no tools
    #: (anyone can pick it), so they are told that access comes with an invite.
    needs_invite: bool = False


async def is_registered(services: Services, user_id: int) -> bool:
    """RSVPs (and, if the event says so, contacts) need a profile."""
    return await services.repo.get_profile(user_id) is not None


async def record(services: Services, user_id: int) -> Record:
    repo = services.repo
    return Record(await repo.get_profile(user_id), await repo.get_preferences(user_id))


async def register(services: Services, deliveries: Deliveries, user_id: int, name: str,
                   instansi: str, region: str | None, role: str) -> Record:
    """Save (or replace) the profile; the morning brief starts for the registered."""
    await services.repo.save_profile(user_id, name, instansi, region, role)
    await deliveries.replan_user(user_id)
    needs_invite = role == "panitia" and not await is_organizer(services, user_id)
    return replace(await record(services, user_id), needs_invite=needs_invite)


async def set_reminder_lead(services: Services, deliveries: Deliveries, user_id: int,
                            minutes: int) -> bool:
    """Remind `minutes` before each session (0: no reminders); False for a lead not offered.
    Every pending reminder moves."""
    if minutes not in (0, *LEAD_CHOICES):
        return False
    await services.repo.set_reminder_lead(user_id, minutes)
    await deliveries.replan_user(user_id)
    return True


async def toggle_morning_brief(services: Services, deliveries: Deliveries, user_id: int) -> None:
    repo = services.repo
    prefs = await repo.get_preferences(user_id)
    await repo.set_morning_brief(user_id, not prefs.morning_brief)
    await deliveries.replan_user(user_id)
