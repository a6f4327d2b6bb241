"""Tanya panitia: a question the bot cannot answer goes to a person, and the answer comes back.

The delegate's question is recorded and relayed to the organizers (bot/relay.py sends it);
an organizer answers by replying to the relayed message; the answer reaches the delegate, and
with one tap becomes an [[faq]] entry in the data file, so the bot answers it itself from then
on. Everything here is plain values in, results out: no Telegram.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from bot import textnorm
from bot.changes import diff_events
from bot.datafile import RewriteError, add_faq, write_checked
from bot.loader import EventDataError, load_event
from bot.model import Event
from bot.storage import Repo
from bot.storage.questions import Asker, Question, QuestionState, Relay

#: Longest message read as a question, and relayed: a formal letter ("Yth. Bapak/Ibu Panitia
#: …, perkenalkan, saya … Sehubungan dengan itu, kami mohon informasi …") runs to 1,500
#: characters and is read sentence by sentence (tens of milliseconds at that length); a
#: pasted document is longer and goes to a person. Well under Telegram's 4,096, with the
#: relayed message's label.
MAX_QUESTION = 2000
#: Longest answer passed on: the delegate's message also carries a label and the question.
MAX_ANSWER = 3000
#: Questions one delegate may have waiting at once.
MAX_OPEN = 5
#: Keywords saved with a new FAQ entry (the organizers can edit them in the file).
MAX_KEYWORDS = 6


async def is_organizer(repo: Repo, admins: Iterable[int], user_id: int) -> bool:
    return user_id in set(admins) or await repo.is_invited_organizer(user_id)


# -- asking --------------------------------------------------------------------------------------
class AskStatus(StrEnum):
    SENT = "sent"  # recorded; relay it to the recipients
    EMPTY = "empty"
    #: The delegate already has MAX_OPEN questions waiting: one person must not flood the
    #: organizers' chats (each question is a message to every organizer).
    TOO_MANY = "too_many"


@dataclass(frozen=True, slots=True)
class Handoff:
    """A question recorded for the panitia, who asked it and where it is to be relayed."""

    status: AskStatus
    question: Question | None = None
    asker: Asker | None = None
    #: Chat ids: the panitia group, or each organizer. Empty: nobody to ask (no organizers).
    recipients: tuple[int, ...] = ()


async def hand_over(
    repo: Repo, admins: Iterable[int], user_id: int, text: str, now: datetime
) -> Handoff:
    """Record the question for the organizers and say where it goes."""
    text = " ".join(text.split())[:MAX_QUESTION]
    if not text:
        return Handoff(AskStatus.EMPTY)
    if await repo.open_question_count(user_id) >= MAX_OPEN:
        return Handoff(AskStatus.TOO_MANY)
    question = await repo.add_question(user_id, text, now)
    return Handoff(AskStatus.SENT, question, await repo.asker(user_id),
                   tuple(await repo.question_recipients(admins)))


# -- answering -----------------------------------------------------------------------------------
class AnswerStatus(StrEnum):
    SENT = "sent"  # recorded; deliver it to the delegate
    NOT_ORGANIZER = "not_organizer"
    GONE = "gone"  # not a relayed question, or the delegate erased their data since
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class Answer:
    status: AnswerStatus
    question: Question | None = None
    text: str = ""
    #: Every relayed copy of the question, to be marked answered.
    copies: tuple[Relay, ...] = ()
    #: True when the question had an answer already (this one is a correction or addition).
    again: bool = False
    organizer_name: str = ""
    asker: Asker | None = None


async def answer(
    repo: Repo, admins: Iterable[int], organizer_id: int, organizer_name: str,
    chat_id: int, replied_message_id: int, text: str,
) -> Answer:
    """An organizer replied `text` to the relayed message `replied_message_id` in `chat_id`."""
    if not await is_organizer(repo, admins, organizer_id):
        return Answer(AnswerStatus.NOT_ORGANIZER)
    question = await repo.question_relayed_as(chat_id, replied_message_id)
    if question is None:
        return Answer(AnswerStatus.GONE)
    text = text.strip()[:MAX_ANSWER]
    if not text:
        return Answer(AnswerStatus.EMPTY, question)
    again = question.state is not QuestionState.OPEN
    await repo.answer_question(question.id, text, organizer_id)
    await repo.audit(organizer_id, "question_answered", {"question": question.id})
    updated = await repo.get_question(question.id)
    assert updated is not None  # just written
    return Answer(AnswerStatus.SENT, updated, text, tuple(await repo.relays(question.id)), again,
                  organizer_name, await repo.asker(question.user_id))


# -- saving as an FAQ entry ----------------------------------------------------------------------
class SaveStatus(StrEnum):
    SAVED = "saved"
    NOT_ORGANIZER = "not_organizer"
    GONE = "gone"
    NOT_ANSWERED = "not_answered"
    ALREADY = "already"
    #: The data file has edits that are not running yet: saving would publish them unseen.
    FILE_DIFFERS = "file_differs"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Saved:
    status: SaveStatus
    faq_id: str = ""
    #: The event with the new entry, to run from now on (SAVED only).
    event: Event | None = None
    error: str = ""


def faq_id(question: Question) -> str:
    return f"tanya-{question.id}"


def faq_keywords(text: str) -> list[str]:
    """Words a later delegate asking the same thing would use: the question itself, and its
    uncommon words ("parkir", "honorarium"), not the everyday ones any question has."""
    tokens = textnorm.simple_tokens(text)
    words: list[str] = []
    for token in tokens:
        if (len(token) >= 4 and token.isalpha() and token not in textnorm.PARTICLES
                and token not in textnorm.ORDINARY and token not in words):
            words.append(token)
    phrase = " ".join(tokens)
    return [phrase, *words[:MAX_KEYWORDS]] if phrase else words[:MAX_KEYWORDS]


async def save_as_faq(
    repo: Repo, admins: Iterable[int], user_id: int, question_id: int, path: Path,
    running: Event,
) -> Saved:
    """Write the answered question into the data file as a new [[faq]] entry."""
    if not await is_organizer(repo, admins, user_id):
        return Saved(SaveStatus.NOT_ORGANIZER)
    question = await repo.get_question(question_id)
    if question is None:
        return Saved(SaveStatus.GONE)
    if question.state is QuestionState.SAVED:
        return Saved(SaveStatus.ALREADY, question.faq_id or "")
    if question.state is not QuestionState.ANSWERED or not question.answer:
        return Saved(SaveStatus.NOT_ANSWERED)
    new_id = faq_id(question)
    status, event, error = _write_faq(path, running, new_id, question.text, question.answer)
    if event is None:
        return Saved(status, new_id, error=error)
    await repo.mark_question_saved(question.id, new_id)
    await repo.audit(user_id, "faq_saved", {"question": question.id, "faq": new_id})
    return Saved(SaveStatus.SAVED, new_id, event)


def _write_faq(
    path: Path, running: Event, new_id: str, question: str, answer: str
) -> tuple[SaveStatus, Event | None, str]:
    """Add the entry to the file (checked, atomic); the event as it then runs."""
    try:
        on_disk = load_event(path).shifted(running.shift)
    except (EventDataError, OSError):
        return SaveStatus.FILE_DIFFERS, None, ""
    if diff_events(running, on_disk):
        return SaveStatus.FILE_DIFFERS, None, ""
    try:
        text = add_faq(path.read_text(encoding="utf-8"), new_id, question, answer,
                       faq_keywords(question))
        event = write_checked(path, text, running,
                              lambda new: any(f.id == new_id for f in new.faq))
    except (RewriteError, EventDataError, OSError) as exc:
        return SaveStatus.FAILED, None, str(exc)[:500]
    return SaveStatus.SAVED, event, ""


# -- the organizers' overview ---------------------------------------------------------------------
async def waiting(repo: Repo, now: datetime) -> list[tuple[Question, Asker, int]]:
    """Open questions, oldest first, with who asked and how many minutes each has waited."""
    out = []
    for question in await repo.open_questions():
        minutes = max(0, int((now - question.created_at) / timedelta(minutes=1)))
        out.append((question, await repo.asker(question.user_id), minutes))
    return out


async def unanswered(repo: Repo, organizer_id: int) -> list[tuple[str, str]]:
    """(asked at, question) of every open question: the next evaluation set, without names.
    Taking data out is audited."""
    rows = await repo.unanswered_questions()
    await repo.audit(organizer_id, "questions_export", {"rows": len(rows)})
    return rows
