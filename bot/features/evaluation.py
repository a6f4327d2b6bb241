"""The event evaluation: the data file's questions, asked one at a time from the closing on.

Delegates who attended (a desk or session check-in) get it as a personal delivery (kind
"evaluation") when the last session starts; anyone registered can open it with `/evaluasi`.
Scales and choices are buttons; a free-text question is answered by replying to it, or
skipped. When the data file has an evaluation, a certificate needs it completed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from statistics import fmean

from bot.features.roles import Staff, staff_role
from bot.model import Event, Question, QuestionKind
from bot.storage import Repo
from bot.storage.delegates import PlannedDelivery

KIND = "evaluation"
SKIP = "-"
#: Not asked any more this long after the event (the bot was down, or the delegate left).
STALE_AFTER = timedelta(days=2)


def opens_at(event: Event) -> datetime:
    """The closing: the start of the last session."""
    return event.sessions[-1].start


async def plan(repo: Repo, event: Event, user_id: int) -> None:
    """Plan the evaluation for a delegate who attended (after a check-in of theirs)."""
    if not event.evaluation:
        return
    due = opens_at(event)
    await repo.save_deliveries([PlannedDelivery(user_id, KIND, event.id, due, event.sessions[-1].end
                                     + STALE_AFTER)], replace=False)


class Status(StrEnum):
    NOT_REGISTERED = "not_registered"
    NONE = "none"  # the event has no evaluation
    NOT_YET = "not_yet"
    ASK = "ask"
    DONE = "done"
    INVALID = "invalid"  # a stale or forged button


@dataclass(frozen=True, slots=True)
class Step:
    status: Status
    question: Question | None = None
    number: int = 0  # 1-based
    total: int = 0
    opens: datetime | None = None


async def _next(repo: Repo, event: Event, user_id: int) -> Step:
    answered = await repo.evaluation_answered(user_id)
    total = len(event.evaluation)
    for number, question in enumerate(event.evaluation, 1):
        if question.id not in answered:
            return Step(Status.ASK, question, number, total)
    return Step(Status.DONE, total=total)


async def current(repo: Repo, event: Event, user_id: int, now: datetime) -> Step:
    """`/evaluasi` (and the delivery): the next unanswered question, if any."""
    if not event.evaluation:
        return Step(Status.NONE)
    if await repo.attendee(user_id) is None:
        return Step(Status.NOT_REGISTERED)
    if now < opens_at(event):
        return Step(Status.NOT_YET, opens=event.local(opens_at(event)))
    return await _next(repo, event, user_id)


async def still_wanted(repo: Repo, event: Event, user_id: int, now: datetime) -> Step | None:
    step = await current(repo, event, user_id, now)
    return step if step.status is Status.ASK else None


def _valid(question: Question, value: str) -> bool:
    if value == SKIP:
        return True
    if question.kind is QuestionKind.SCALE:
        return value in ("1", "2", "3", "4", "5")
    if question.kind is QuestionKind.CHOICE:
        return value.isdigit() and int(value) < len(question.choices)
    return False  # free text comes as a reply, not as a button


async def answer(repo: Repo, event: Event, user_id: int, arg: str, now: datetime) -> Step:
    """A button: `arg` is '<question id>:<value>'; returns the next step."""
    question_id, _, value = arg.rpartition(":")
    question = next((q for q in event.evaluation if q.id == question_id), None)
    if question is None or not _valid(question, value) or now < opens_at(event):
        return Step(Status.INVALID)
    if await repo.attendee(user_id) is None:
        return Step(Status.NOT_REGISTERED)
    await repo.answer_evaluation(user_id, question.id, "" if value == SKIP else value)
    return await _next(repo, event, user_id)


async def answer_text(repo: Repo, event: Event, user_id: int, text: str, now: datetime) -> Step:
    """A reply: the answer to the next question if it is a free-text one; the next step
    either way (a reply to a button question just shows that question again)."""
    step = await current(repo, event, user_id, now)
    if step.status is not Status.ASK or step.question is None:
        return step
    if step.question.kind is not QuestionKind.TEXT:
        return step
    await repo.answer_evaluation(user_id, step.question.id, text.strip()[:2000])
    return await _next(repo, event, user_id)


async def completed(repo: Repo, event: Event, user_id: int) -> bool:
    answered = await repo.evaluation_answered(user_id)
    return all(q.id in answered for q in event.evaluation)


@dataclass(frozen=True, slots=True)
class QuestionSummary:
    question: Question
    count: int
    average: float | None  # scales
    choices: tuple[int, ...]  # counts per choice
    texts: tuple[str, ...]


async def summary(
    repo: Repo, event: Event, admins: Iterable[int], user_id: int
) -> tuple[QuestionSummary, ...] | None:
    """Per question: averages, choice counts and free-text answers, for organizers only."""
    if await staff_role(repo, admins, user_id) is not Staff.ORGANIZER:
        return None
    by_question: dict[str, list[str]] = {}
    for question_id, value in await repo.evaluation_rows():
        by_question.setdefault(question_id, []).append(value)
    out = []
    for question in event.evaluation:
        values = by_question.get(question.id, [])
        average = None
        counts: tuple[int, ...] = ()
        texts: tuple[str, ...] = ()
        if question.kind is QuestionKind.SCALE:
            numbers = [int(v) for v in values if v.isdigit()]
            average = fmean(numbers) if numbers else None
        elif question.kind is QuestionKind.CHOICE:
            tally = Counter(int(v) for v in values if v.isdigit())
            counts = tuple(tally.get(i, 0) for i in range(len(question.choices)))
        else:
            texts = tuple(values)
        out.append(QuestionSummary(question, len(values), average, counts, texts))
    return tuple(out)
