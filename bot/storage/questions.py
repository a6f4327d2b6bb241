"""Questions to the panitia: what a delegate asked that the bot could not answer, where it was
relayed, and the organizer's answer.

A question goes open -> answered -> saved (kept as an FAQ entry in the data file). Each copy
relayed to an organizer (in the panitia group or privately) is a row of `question_relays`,
so a Telegram reply to any copy finds its question, and the other copies can be marked.
The delegate's question text is personal data: /hapusdata deletes it with the relays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.storage.base import Store
from bot.storage.delegates import iso, parse_iso


class QuestionState(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    SAVED = "saved"


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    user_id: int
    text: str
    created_at: datetime
    state: QuestionState
    answer: str | None
    answered_by: int | None
    raised_again: bool
    faq_id: str | None


@dataclass(frozen=True, slots=True)
class Asker:
    name: str
    instansi: str
    registered: bool


@dataclass(frozen=True, slots=True)
class Relay:
    chat_id: int
    message_id: int


def _question(row: Any) -> Question:
    return Question(
        id=row["id"],
        user_id=row["user_id"],
        text=row["text"],
        created_at=parse_iso(row["created_at"]),
        state=QuestionState(row["state"]),
        answer=row["answer"],
        answered_by=row["answered_by"],
        raised_again=bool(row["raised_again"]),
        faq_id=row["faq_id"],
    )


_COLUMNS = "id, user_id, text, created_at, state, answer, answered_by, raised_again, faq_id"


class QuestionsMixin(Store):
    async def add_question(self, user_id: int, text: str, now: datetime) -> Question:
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO questions (user_id, text, created_at) VALUES (?, ?, ?)",
                (user_id, text, iso(now)),
            )
            question_id = cursor.lastrowid
        question = await self.get_question(int(question_id or 0))
        assert question is not None  # just written
        return question

    async def get_question(self, question_id: int) -> Question | None:
        row = await self.fetchone(f"SELECT {_COLUMNS} FROM questions WHERE id = ?",
                                  (question_id,))
        return _question(row) if row else None

    async def add_relay(self, question_id: int, chat_id: int, message_id: int) -> None:
        await self.execute(
            "INSERT OR REPLACE INTO question_relays (chat_id, message_id, question_id) "
            "VALUES (?, ?, ?)",
            (chat_id, message_id, question_id),
        )

    async def relays(self, question_id: int) -> list[Relay]:
        rows = await self.fetchall(
            "SELECT chat_id, message_id FROM question_relays WHERE question_id = ? "
            "ORDER BY chat_id, message_id",
            (question_id,),
        )
        return [Relay(r["chat_id"], r["message_id"]) for r in rows]

    async def question_relayed_as(self, chat_id: int, message_id: int) -> Question | None:
        """The question a relayed message carries (None: not a relay, or deleted since)."""
        row = await self.fetchone(
            f"SELECT {', '.join('q.' + c for c in _COLUMNS.split(', '))} "
            "FROM question_relays r JOIN questions q ON q.id = r.question_id "
            "WHERE r.chat_id = ? AND r.message_id = ?",
            (chat_id, message_id),
        )
        return _question(row) if row else None

    async def answer_question(self, question_id: int, answer: str, by: int) -> bool:
        """Record the answer (a later one replaces it, a saved one keeps its state)."""
        changed = await self.execute(
            """
            UPDATE questions SET answer = ?, answered_by = ?, answered_at = ?,
                   state = CASE state WHEN 'saved' THEN 'saved' ELSE 'answered' END
            WHERE id = ?
            """,
            (answer, by, self.utcnow(), question_id),
        )
        return changed > 0

    async def mark_question_saved(self, question_id: int, faq_id: str) -> bool:
        changed = await self.execute(
            "UPDATE questions SET state = 'saved', faq_id = ? "
            "WHERE id = ? AND state = 'answered'",
            (faq_id, question_id),
        )
        return changed > 0

    async def open_questions(self) -> list[Question]:
        rows = await self.fetchall(
            f"SELECT {_COLUMNS} FROM questions WHERE state = 'open' ORDER BY created_at, id"
        )
        return [_question(r) for r in rows]

    async def open_question_count(self, user_id: int) -> int:
        row = await self.fetchone(
            "SELECT COUNT(*) FROM questions WHERE user_id = ? AND state = 'open'", (user_id,))
        return int(row[0]) if row else 0

    async def claim_stale_questions(self, asked_before: datetime) -> list[Question]:
        """Open questions asked before `asked_before` not yet raised again; marked raised
        in the same transaction, so each is raised once even across restarts."""
        query = (f"SELECT {_COLUMNS} FROM questions WHERE state = 'open' AND raised_again = 0 "
                 "AND created_at <= ? ORDER BY created_at, id")
        # Asked every delivery tick (each second): a plain read first, the write only when
        # there is something to raise.
        if not await self.fetchall(query + " LIMIT 1", (iso(asked_before),)):
            return []
        async with self.transaction() as db:
            async with db.execute(query, (iso(asked_before),)) as cursor:
                rows = list(await cursor.fetchall())
            await db.executemany(
                "UPDATE questions SET raised_again = 1 WHERE id = ?", [(r["id"],) for r in rows]
            )
        return [_question(r) for r in rows]

    async def unanswered_questions(self) -> list[tuple[str, str]]:
        """(asked at, text) of every question still open: the next evaluation set. Who asked
        is left out on purpose: the file is for testing the bot, not about people."""
        rows = await self.fetchall(
            "SELECT created_at, text FROM questions WHERE state = 'open' ORDER BY created_at, id"
        )
        return [(r["created_at"], r["text"]) for r in rows]

    # -- the panitia group ---------------------------------------------------------------
    async def set_panitia_chat(self, chat_id: int, title: str, linked_by: int) -> None:
        """Questions go to this group from now on (one group: the latest set)."""
        async with self.transaction() as db:
            await db.execute("DELETE FROM panitia_chats")
            await db.execute(
                "INSERT INTO panitia_chats (chat_id, title, linked_by, linked_at) "
                "VALUES (?, ?, ?, ?)",
                (chat_id, title, linked_by, self.utcnow()),
            )

    async def unset_panitia_chat(self, chat_id: int) -> bool:
        return await self.execute("DELETE FROM panitia_chats WHERE chat_id = ?", (chat_id,)) > 0

    async def panitia_chats(self) -> list[int]:
        rows = await self.fetchall("SELECT chat_id FROM panitia_chats ORDER BY chat_id")
        return [r["chat_id"] for r in rows]

    # -- who asks, who answers -----------------------------------------------------------
    async def asker(self, user_id: int) -> Asker:
        """How the organizers see a delegate: registered name and instansi, else the Telegram
        first name. Never the phone number (that stays with the bus leader, if shared)."""
        row = await self.fetchone(
            "SELECT u.first_name, p.name, p.instansi FROM users u "
            "LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = ?",
            (user_id,),
        )
        if row is None:
            return Asker("", "", registered=False)
        if row["name"] is not None:
            return Asker(row["name"], row["instansi"] or "", registered=True)
        return Asker(row["first_name"] or "", "", registered=False)

    async def question_recipients(self, admins: Iterable[int]) -> list[int]:
        """Where a question goes: the panitia group if one is set, else every organizer
        (BOT_ADMINS and invited ones) who has not blocked the bot."""
        groups = await self.panitia_chats()
        if groups:
            return groups
        rows = await self.fetchall(
            "SELECT user_id FROM organizers WHERE revoked_at IS NULL ORDER BY user_id"
        )
        ids = sorted({*admins, *(r["user_id"] for r in rows)})
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        blocked = {r["id"] for r in await self.fetchall(
            f"SELECT id FROM users WHERE active = 0 AND id IN ({marks})", tuple(ids))}
        return [i for i in ids if i not in blocked]
