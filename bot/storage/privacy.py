"""Forgetting a delegate on request (UU PDP: the right to have one's data erased)."""

from __future__ import annotations

from bot.storage.base import Store


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

            async def delete(sql: str) -> int:
                cursor = await db.execute(sql, (user_id,))
                return int(cursor.rowcount or 0)

            erased = 0
            for table in ("profiles", "rsvps", "deliveries", "tour_buses", "bus_leaders",
                          "tour_checkins", "user_states",
                          # attendance (bot/storage/attendance.py)
                          "cards", "desk_checkins", "session_checkins", "staff", "feedback",
                          "feedback_optout", "evaluation_answers"):
                erased += await delete(f"DELETE FROM {table} WHERE user_id = ?")
            erased += await delete("DELETE FROM outbox WHERE chat_id = ?")
            # A certificate stays verifiable as revoked ("dicabut"), naming nobody.
            erased += await delete(
                "UPDATE certificates SET user_id = NULL, name = '', instansi = '', "
                "status = 'revoked' WHERE user_id = ?"
            )
            # Conversation keys are JSON arrays (chat id, user id).
            erased += await delete(
                "DELETE FROM conversation_states WHERE json_extract(key, '$[1]') = ?"
            )
            await delete("DELETE FROM users WHERE id = ?")
            if erased:
                await db.execute(
                    "INSERT INTO audit (at, actor, action) VALUES (?, ?, 'user_forgotten')",
                    (self.utcnow(), user_id),
                )
        # The next message from this person is a first meeting again.
        self._forget_cached(user_id)
        return erased > 0
