"""Versions of sessions as put in .ics files: the SEQUENCE calendar apps compare.

A calendar app keeps an imported entry by its UID and replaces it only with a *higher*
SEQUENCE. Each session keeps the fingerprint (times and venue) of the last version served and
a counter that rises whenever a file is made with a different one. Stored rather than derived
from the data file, so a move made by editing the file while the bot was down still counts,
and a session moved away and back again still gets a higher number, never an old one.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.storage.base import Store


class CalendarMixin(Store):
    async def session_sequences(self, fingerprints: Mapping[str, str]) -> dict[str, int]:
        """The SEQUENCE of each session for a file made now: 0 the first time, one more
        than before whenever the fingerprint differs from the one last served."""
        now = self.utcnow()
        out: dict[str, int] = {}
        async with self.transaction() as db:
            for session_id, fingerprint in fingerprints.items():
                cursor = await db.execute(
                    "SELECT fingerprint, sequence FROM session_versions WHERE session_id = ?",
                    (session_id,),
                )
                row = await cursor.fetchone()
                if row is not None and row[0] == fingerprint:
                    out[session_id] = int(row[1])
                    continue
                sequence = 0 if row is None else int(row[1]) + 1
                await db.execute(
                    """
                    INSERT INTO session_versions (session_id, fingerprint, sequence, updated_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT(session_id) DO UPDATE SET fingerprint = excluded.fingerprint,
                        sequence = excluded.sequence, updated_at = excluded.updated_at
                    """,
                    (session_id, fingerprint, sequence, now),
                )
                out[session_id] = sequence
        return out
