"""Use cases: what the bot does, one module per capability, without Telegram.

Each function takes the typed services (or the repo and event) and plain values, and returns
a frozen result the handler renders. Nothing here imports `telegram` or `handlers`
(tests/test_layering.py checks it), so every rule can be tested without an `Update`.
Deliveries (reminders, broadcasts) are reached through the `Deliveries` port: the scheduler
and outbox are JobQueue users, which a use case must not need to be tested.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.context import Services
    from bot.model import Event, Session


class Deliveries(Protocol):
    """What a use case asks of the delivery machinery (bot/deliveries.py implements it)."""

    async def replan_user(self, user_id: int) -> None:
        """Re-derive one delegate's pending reminders and briefs."""

    async def notify_seat(self, user_id: int, session: Session) -> None:
        """Tell a delegate promoted from a waiting list."""

    async def apply_event_change(self, old: Event, new: Event) -> int:
        """Tell delegates about a changed programme; returns the notices planned."""

    def wake_outbox(self) -> None:
        """Start sending a newly queued broadcast."""

    async def send_due(self) -> None:
        """Send what is due now (instead of waiting for the next tick)."""



def now(services: Services) -> datetime:
    return services.clock.now()
