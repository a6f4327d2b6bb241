"""Reports for the panitia: /statistik and the CSV export (/ekspor)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.storage.announcements import Announcement, DeliveryReport

if TYPE_CHECKING:
    from bot.context import Services

#: The rows' columns (the CSV headers are written in the organizer's language).
REGISTRATION_COLUMNS = ("user_id", "nama", "instansi", "daerah", "peran", "username", "bahasa",
                        "aktif", "terdaftar")
RSVP_COLUMNS = ("user_id", "nama", "instansi", "sesi", "judul", "status", "waktu")


@dataclass(frozen=True, slots=True)
class Stats:
    by_region: list[tuple[str | None, int]]
    by_role: list[tuple[str | None, int]]
    rsvps: dict[str, tuple[int, int]]  # session id -> (going, waiting)
    recent: list[tuple[Announcement, DeliveryReport]]
    blocked: int  # delegates who blocked the bot


async def stats(services: Services) -> Stats:
    repo = services.repo
    recent = [(a, await repo.delivery_report(a.id)) for a in await repo.recent_announcements(5)]
    return Stats(await repo.registrations_by("region"), await repo.registrations_by("role"),
                 await repo.rsvp_counts(), recent, await repo.blocked_users())


@dataclass(frozen=True, slots=True)
class Export:
    """Rows of the two CSV files (columns as above)."""

    registrations: list[tuple[Any, ...]]
    rsvps: list[tuple[Any, ...]]


async def export(services: Services, by: int) -> Export:
    """Personal data leaving the bot: written to the audit table."""
    repo, event = services.repo, services.event

    def title(session_id: str) -> str:
        session = event.session(session_id)
        return session.title.get("id") if session else session_id

    rsvps = [(*row[:3], row[3], title(row[3]), row[4], row[5])
             for row in await repo.export_rsvps()]
    registrations = await repo.export_registrations()
    await repo.audit(by, "export", {})
    return Export(registrations, rsvps)
