"""SQLite storage through aiosqlite: the only package with SQL in it.

Each feature keeps its queries in its own module; `Repo` combines them. The schema is one
ordered list of steps, `bot.storage.migrations.MIGRATIONS`.
"""

from __future__ import annotations

from bot.storage.announcements import AnnouncementsMixin
from bot.storage.attendance import AttendanceMixin
from bot.storage.base import Migration, StorageError, Store
from bot.storage.calendar import CalendarMixin
from bot.storage.delegates import DelegatesMixin
from bot.storage.deliveries import DeliveriesMixin
from bot.storage.migrations import MIGRATIONS
from bot.storage.organizers import OrganizersMixin
from bot.storage.privacy import PrivacyMixin
from bot.storage.questions import QuestionsMixin
from bot.storage.replies import RepliesMixin
from bot.storage.state import StateMixin
from bot.storage.tour import TourMixin
from bot.storage.users import UserRow, UsersMixin

__all__ = ["Migration", "Repo", "StorageError", "UserRow"]


class Repo(AttendanceMixin, CalendarMixin, PrivacyMixin, QuestionsMixin, RepliesMixin, StateMixin,
           TourMixin, OrganizersMixin, AnnouncementsMixin, DelegatesMixin, DeliveriesMixin,
           UsersMixin, Store):
    """All reads and writes of the bot's state. Open with `await Repo.open(path)`."""

    migrations = MIGRATIONS
