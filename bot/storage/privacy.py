"""Forgetting a delegate on request (UU PDP: the right to have one's data erased)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.base import Store


@dataclass(frozen=True, slots=True)
class Forgotten:
    """What was erased, for the delegate's confirmation."""

    profile: bool
    rsvps: int
    deliveries: int
    tour: int


class PrivacyMixin(Store):
    async def forget_user(self, user_id: int) -> Forgotten:
        """Erase everything the bot keeps about one person, in one transaction.

        RSVPs should be cancelled first through `cancel_rsvp`, so waiting lists move on;
        any left are deleted here. Kept: the audit line saying that the data was erased (an
        id and a time, no content), and the ids in past announcements' delivery rows are
        removed too. Telegram's own copy of the chat is outside the bot's reach.
        """
        async with self.transaction() as db:

            async def delete(sql: str) -> int:
                cursor = await db.execute(sql, (user_id,))
                return int(cursor.rowcount or 0)

            profile = await delete("DELETE FROM profiles WHERE user_id = ?")
            rsvps = await delete("DELETE FROM rsvps WHERE user_id = ?")
            deliveries = await delete("DELETE FROM deliveries WHERE user_id = ?")
            tour = 0
            for table in ("tour_buses", "bus_leaders", "tour_checkins"):
                tour += await delete(f"DELETE FROM {table} WHERE user_id = ?")
            await delete("DELETE FROM outbox WHERE chat_id = ?")
            await delete("DELETE FROM user_states WHERE user_id = ?")
            # Conversation keys are JSON arrays (chat id, user id).
            await delete(
                "DELETE FROM conversation_states WHERE json_extract(key, '$[1]') = ?"
            )
            await delete("DELETE FROM users WHERE id = ?")
            await db.execute(
                "INSERT INTO audit (at, actor, action) VALUES (?, ?, 'user_forgotten')",
                (self.utcnow(), user_id),
            )
        # The next message from this person is a first meeting again.
        self._forget_cached(user_id)
        return Forgotten(profile > 0, rsvps, deliveries, tour)
