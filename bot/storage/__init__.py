"""SQLite storage through aiosqlite: the only package with SQL in it.

Each feature keeps its queries (and the migrations that create its tables) in its own
module; `Repo` combines them. Migration versions are global: 1 users, 2 delegates,
3 organizers (roles, audit, announcements, outbox), 4 city tour, 5 conversation state,
6 attendance.
"""

from __future__ import annotations

from bot.storage import attendance, delegates, organizers, state, tour, users
from bot.storage.attendance import AttendanceMixin
from bot.storage.base import Migration, StorageError, Store
from bot.storage.delegates import DelegatesMixin
from bot.storage.organizers import OrganizersMixin
from bot.storage.privacy import PrivacyMixin
from bot.storage.state import StateMixin
from bot.storage.tour import TourMixin
from bot.storage.users import UserRow, UsersMixin

__all__ = ["Migration", "Repo", "StorageError", "UserRow"]


class Repo(
    AttendanceMixin, PrivacyMixin, StateMixin, TourMixin, OrganizersMixin, DelegatesMixin,
    UsersMixin, Store,
):
    """All reads and writes of the bot's state. Open with `await Repo.open(path)`."""

    migrations = tuple(
        sorted(
            (*users.MIGRATIONS, *delegates.MIGRATIONS, *organizers.MIGRATIONS, *tour.MIGRATIONS,
             *state.MIGRATIONS, *attendance.MIGRATIONS),
            key=lambda m: m.version,
        )
    )
