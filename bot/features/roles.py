"""Who may do what with attendance: organizers, desk staff (petugas) and moderators."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from bot.storage import Repo


class Staff(StrEnum):
    """Who may scan cards and show session codes."""

    ORGANIZER = "panitia"
    PETUGAS = "petugas"  # desk staff
    MODERATOR = "moderator"


async def staff_role(repo: Repo, admins: Iterable[int], user_id: int) -> Staff | None:
    """Organizers are BOT_ADMINS and invited organizers; the others have a staff row."""
    if user_id in set(admins) or await repo.is_invited_organizer(user_id):
        return Staff.ORGANIZER
    role = await repo.staff_role(user_id)
    return Staff(role) if role in (Staff.PETUGAS, Staff.MODERATOR) else None
