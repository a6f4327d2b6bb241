"""What the bot keeps about a delegate, and forgetting it (UU PDP, /hapusdata)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.features import Deliveries
from bot.features.rsvp import cancel_all
from bot.storage.delegates import Profile

if TYPE_CHECKING:
    from bot.context import Services


@dataclass(frozen=True, slots=True)
class Kept:
    profile: Profile | None
    rsvps: int


async def kept(services: Services, user_id: int) -> Kept:
    repo = services.repo
    return Kept(await repo.get_profile(user_id), len(await repo.user_rsvps(user_id)))


async def forget(services: Services, deliveries: Deliveries, user_id: int) -> None:
    """Free their seats first (those waiting get them), then erase everything at once.

    A draft of a half-done conversation is PTB persistence: the handler drops it. Replies
    still queued for them (bot/replies.py) are erased with the rest: not sent after this."""
    await cancel_all(services, deliveries, user_id)
    await services.repo.forget_user(user_id)
    if services.replies is not None:
        services.replies.forget(user_id)
