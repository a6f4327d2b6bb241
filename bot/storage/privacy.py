"""Forgetting a delegate on request (UU PDP: the right to have one's data erased).

What to erase is read from the schema itself, so a table added later is covered without
anyone remembering to list it here: every row of every table whose `user_id` or `chat_id`
is the person (a private chat's id is its user's id), plus the few places that name a
person otherwise (`OTHER_SUBJECTS`). Tables that keep such rows on purpose say why in `KEPT`.
"""

from __future__ import annotations

from typing import Final

import aiosqlite

from bot.storage.base import Store

#: Columns that say whose row it is.
SUBJECT_COLUMNS: Final = ("user_id", "chat_id")
#: Tables that name the person in another way: the condition that picks their rows.
OTHER_SUBJECTS: Final = {
    "users": "id = ?",
    # Conversation keys are JSON arrays (chat id, user id).
    "conversation_states": "json_extract(key, '$[1]') = ?",
}
#: Tables that keep rows naming the person, and why.
KEPT: Final = {
    "audit": "the organizers' accountability trail, where the erasure itself is recorded",
    "organizers": "an organizer's role is revoked with /admin cabut, not by erasing data",
}
#: Tables whose rows about the person are made anonymous instead of deleted, and how: a
#: certificate must still verify, as revoked ("dicabut"), naming nobody.
ANONYMISED: Final = {
    "certificates": "UPDATE certificates SET user_id = NULL, name = '', instansi = '', "
                    "status = 'revoked' WHERE user_id = ?",
    # An invite names who redeemed it. 0 (nobody) rather than NULL, which would make a
    # spent invite redeemable again.
    "invites": "UPDATE invites SET used_by = 0 WHERE used_by = ?",
    "staff_invites": "UPDATE staff_invites SET used_by = 0 WHERE used_by = ?",
}
#: Only a Telegram name and language: erasing just this row is not worth an audit line.
PEOPLE: Final = "users"


async def _personal_tables(db: aiosqlite.Connection) -> list[tuple[str, str]]:
    """(table, WHERE condition on the person's id) for every table to erase from, a table
    referring to another (foreign key) before it, so the deletes never break a reference."""
    async with db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ) as cur:
        tables = sorted(str(row[0]) for row in await cur.fetchall())
    conditions: dict[str, str] = {}
    parents: dict[str, set[str]] = {}
    for table in tables:
        async with db.execute(f'PRAGMA table_info("{table}")') as cur:
            columns = {str(row[1]) for row in await cur.fetchall()}
        async with db.execute(f'PRAGMA foreign_key_list("{table}")') as cur:
            parents[table] = {str(row[2]) for row in await cur.fetchall()} - {table}
        found = [f"{column} = ?" for column in SUBJECT_COLUMNS if column in columns]
        if table in OTHER_SUBJECTS:
            found.append(OTHER_SUBJECTS[table])
        if found and table not in KEPT and table not in ANONYMISED:
            conditions[table] = " OR ".join(found)
    ordered: list[str] = []

    def visit(table: str, seen: set[str]) -> None:
        # Children first: a table comes after every table that refers to it.
        if table in ordered or table in seen:
            return
        seen.add(table)
        for child in tables:
            if table in parents[child]:
                visit(child, seen)
        ordered.append(table)

    for table in tables:
        visit(table, set())
    return [(table, conditions[table]) for table in ordered if table in conditions]


class PrivacyMixin(Store):
    async def forget_user(self, user_id: int) -> bool:
        """Erase everything the bot keeps about one person, in one transaction; True if
        there was more than their Telegram name and language.

        RSVPs should be cancelled first through `cancel_rsvp`, so waiting lists move on;
        any left are deleted here. An audit line (an id and a time, no content) records the
        erasure when registration or tour data went: someone who only ever chatted has
        nothing else, and their next message records their name again anyway. Telegram's
        own copy of the chat is outside the bot's reach.
        """
        async with self.transaction() as db:
            erased = 0
            for statement in ANONYMISED.values():
                cursor = await db.execute(statement, (user_id,))
                erased += int(cursor.rowcount or 0)
            for table, condition in await _personal_tables(db):
                params = (user_id,) * condition.count("?")
                cursor = await db.execute(f'DELETE FROM "{table}" WHERE {condition}', params)
                if table != PEOPLE:
                    erased += int(cursor.rowcount or 0)
            if erased:
                await db.execute(
                    "INSERT INTO audit (at, actor, action) VALUES (?, ?, 'user_forgotten')",
                    (self.utcnow(), user_id),
                )
        # The next message from this person is a first meeting again.
        self._forget_cached(user_id)
        return erased > 0
