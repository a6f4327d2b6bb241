"""What organizers get from attendance in /statistik and /ekspor, in one call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.features import evaluation, feedback
from bot.features.attendance import Report, attendance_report
from bot.features.evaluation import QuestionSummary
from bot.features.feedback import SessionFeedback
from bot.features.roles import Staff, staff_role
from bot.model import Event
from bot.storage import Repo


@dataclass(frozen=True, slots=True)
class OrganizerReport:
    attendance: Report
    ratings: tuple[SessionFeedback, ...]
    #: Empty until someone answered the evaluation.
    evaluation: tuple[QuestionSummary, ...]


async def organizer_report(
    repo: Repo, event: Event, admins: Iterable[int], user_id: int, *, export: bool = False
) -> OrganizerReport | None:
    """None for anyone but an organizer. `export`: the daftar hadir leaves the bot, so the
    export is written to the audit table."""
    admins = frozenset(admins)
    if await staff_role(repo, admins, user_id) is not Staff.ORGANIZER:
        return None
    if export:
        await repo.audit(user_id, "export_attendance", {})
    ratings = await feedback.summary(repo, event, admins, user_id) or ()
    answers = await evaluation.summary(repo, event, admins, user_id) or ()
    return OrganizerReport(await attendance_report(repo, event), ratings,
                           answers if any(a.count for a in answers) else ())
