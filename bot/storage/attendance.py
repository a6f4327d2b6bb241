"""Attendance: delegate cards, desk and session check-ins, desk staff and its invites.

Check-ins are personal data (who was where, when): `forget_user` erases them with the rest.
Rows do not reference `users`, so erasing a user never trips a foreign key here.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.storage.base import Store
from bot.storage.delegates import iso, parse_iso

KEY_NAME = "attendance"


@dataclass(frozen=True, slots=True)
class Attendee:
    """A delegate as the daftar hadir lists them."""

    user_id: int
    name: str
    instansi: str
    role: str


@dataclass(frozen=True, slots=True)
class CheckinRow:
    """One check-in with the delegate's registration (a session id or a day as `ref`)."""

    attendee: Attendee
    ref: str
    at: datetime


@dataclass(frozen=True, slots=True)
class StaffMember:
    user_id: int
    role: str
    first_name: str | None


class CertificateStatus(StrEnum):
    ISSUED = "issued"
    WITHHELD = "withheld"  # by an organizer: not (or no longer) valid
    REVOKED = "revoked"  # its holder erased their data


@dataclass(frozen=True, slots=True)
class CertificateRow:
    code: str
    user_id: int | None
    name: str
    instansi: str
    status: CertificateStatus
    issued_by: int | None
    updated_at: datetime


def _certificate(row: Any) -> CertificateRow:
    return CertificateRow(
        row["code"], row["user_id"], row["name"], row["instansi"],
        CertificateStatus(row["status"]), row["issued_by"], parse_iso(row["updated_at"]))


class AttendanceMixin(Store):
    # -- signing key -----------------------------------------------------------------------
    async def attendance_key(self) -> bytes:
        """The HMAC key, created on first use and kept in the database (one per bot)."""
        await self.execute(
            "INSERT OR IGNORE INTO attendance_keys (name, value) VALUES (?, ?)",
            (KEY_NAME, secrets.token_bytes(32)),
        )
        row = await self.fetchone("SELECT value FROM attendance_keys WHERE name = ?", (KEY_NAME,))
        assert row is not None  # inserted just above if it was missing
        return bytes(row[0])

    # -- cards -----------------------------------------------------------------------------
    async def card_number(self, user_id: int) -> str:
        """The delegate's card number, created on first use."""
        await self.execute(
            "INSERT OR IGNORE INTO cards (user_id, card_no, created_at) VALUES (?, ?, ?)",
            (user_id, secrets.token_bytes(8).hex(), self.utcnow()),
        )
        row = await self.fetchone("SELECT card_no FROM cards WHERE user_id = ?", (user_id,))
        assert row is not None
        return str(row[0])

    async def card_owner(self, card_no: str) -> Attendee | None:
        row = await self.fetchone(
            "SELECT p.user_id, p.name, p.instansi, p.role FROM cards c "
            "JOIN profiles p ON p.user_id = c.user_id WHERE c.card_no = ?",
            (card_no,),
        )
        return _attendee(row) if row else None

    async def attendee(self, user_id: int) -> Attendee | None:
        row = await self.fetchone(
            "SELECT user_id, name, instansi, role FROM profiles WHERE user_id = ?", (user_id,)
        )
        return _attendee(row) if row else None

    # -- check-ins -------------------------------------------------------------------------
    async def record_desk_checkin(
        self, user_id: int, day: str, recorded_by: int, now: datetime
    ) -> tuple[bool, datetime]:
        """(True if new, the recorded time): a second scan the same day keeps the first."""
        cursor_changed = await self.execute(
            "INSERT OR IGNORE INTO desk_checkins (user_id, day, at, recorded_by) "
            "VALUES (?, ?, ?, ?)",
            (user_id, day, iso(now), recorded_by),
        )
        row = await self.fetchone(
            "SELECT at FROM desk_checkins WHERE user_id = ? AND day = ?", (user_id, day)
        )
        assert row is not None
        return cursor_changed > 0, parse_iso(row[0])

    async def record_session_checkin(
        self, user_id: int, session_id: str, via: str, now: datetime
    ) -> tuple[bool, datetime]:
        """(True if new, the recorded time): attendance is recorded once per session."""
        changed = await self.execute(
            "INSERT OR IGNORE INTO session_checkins (user_id, session_id, at, via) "
            "VALUES (?, ?, ?, ?)",
            (user_id, session_id, iso(now), via),
        )
        row = await self.fetchone(
            "SELECT at FROM session_checkins WHERE user_id = ? AND session_id = ?",
            (user_id, session_id),
        )
        assert row is not None
        return changed > 0, parse_iso(row[0])

    async def desk_checkin_rows(self) -> list[CheckinRow]:
        """Every desk check-in of a registered delegate, by day and time."""
        rows = await self.fetchall(
            "SELECT p.user_id, p.name, p.instansi, p.role, d.day, d.at FROM desk_checkins d "
            "JOIN profiles p ON p.user_id = d.user_id ORDER BY d.day, d.at, p.user_id"
        )
        return [CheckinRow(_attendee(r), r[4], parse_iso(r[5])) for r in rows]

    async def session_checkin_rows(self) -> list[CheckinRow]:
        """Every session check-in of a registered delegate, by session and time."""
        rows = await self.fetchall(
            "SELECT p.user_id, p.name, p.instansi, p.role, s.session_id, s.at "
            "FROM session_checkins s JOIN profiles p ON p.user_id = s.user_id "
            "ORDER BY s.session_id, s.at, p.user_id"
        )
        return [CheckinRow(_attendee(r), r[4], parse_iso(r[5])) for r in rows]

    async def desk_days(self, user_id: int) -> set[str]:
        rows = await self.fetchall("SELECT day FROM desk_checkins WHERE user_id = ?", (user_id,))
        return {r[0] for r in rows}

    async def sessions_attended(self, user_id: int) -> set[str]:
        rows = await self.fetchall(
            "SELECT session_id FROM session_checkins WHERE user_id = ?", (user_id,))
        return {r[0] for r in rows}

    # -- certificates ----------------------------------------------------------------------
    async def certificate_of(self, user_id: int) -> CertificateRow | None:
        row = await self.fetchone("SELECT * FROM certificates WHERE user_id = ?", (user_id,))
        return _certificate(row) if row else None

    async def certificate_by_code(self, code: str) -> CertificateRow | None:
        row = await self.fetchone("SELECT * FROM certificates WHERE code = ?", (code,))
        return _certificate(row) if row else None

    async def set_certificate(
        self, user_id: int, name: str, instansi: str, status: CertificateStatus,
        issued_by: int | None, new_code: str,
    ) -> CertificateRow:
        """Issue or withhold the delegate's certificate; its code never changes once made."""
        await self.execute(
            """
            INSERT INTO certificates (code, user_id, name, instansi, status, issued_by,
                                      updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(user_id) DO UPDATE SET name = excluded.name,
                instansi = excluded.instansi, status = excluded.status,
                issued_by = excluded.issued_by, updated_at = excluded.updated_at
            """,
            (new_code, user_id, name, instansi, status.value, issued_by, self.utcnow()),
        )
        row = await self.certificate_of(user_id)
        assert row is not None
        return row

    # -- feedback --------------------------------------------------------------------------
    async def rate_session(
        self, user_id: int, session_id: str, stars: int, message_id: int | None
    ) -> bool:
        """True if recorded; False if this delegate already rated this session."""
        changed = await self.execute(
            "INSERT OR IGNORE INTO session_feedback (user_id, session_id, stars, message_id, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (user_id, session_id, stars, message_id, self.utcnow()),
        )
        return changed > 0

    async def has_rated(self, user_id: int, session_id: str) -> bool:
        row = await self.fetchone(
            "SELECT 1 FROM session_feedback WHERE user_id = ? AND session_id = ?",
            (user_id, session_id))
        return row is not None

    async def add_feedback_comment(self, user_id: int, message_id: int, text: str) -> str | None:
        """The session commented on (a reply to its feedback question), or None."""
        row = await self.fetchone(
            "SELECT session_id FROM session_feedback WHERE user_id = ? AND message_id = ?",
            (user_id, message_id))
        if row is None:
            return None
        await self.execute(
            "UPDATE session_feedback SET comment = ? WHERE user_id = ? AND message_id = ?",
            (text, user_id, message_id))
        return str(row[0])

    async def opt_out_of_feedback(self, user_id: int) -> None:
        await self.execute(
            "INSERT OR IGNORE INTO feedback_optout (user_id, at) VALUES (?, ?)",
            (user_id, self.utcnow()))

    async def feedback_opted_out(self, user_id: int) -> bool:
        row = await self.fetchone("SELECT 1 FROM feedback_optout WHERE user_id = ?", (user_id,))
        return row is not None

    async def feedback_rows(self) -> list[tuple[str, int, str | None]]:
        """(session id, stars, comment) of every rating, with no one's identity."""
        rows = await self.fetchall(
            "SELECT session_id, stars, comment FROM session_feedback ORDER BY session_id, at")
        return [(r[0], int(r[1]), r[2]) for r in rows]

    # -- event evaluation ------------------------------------------------------------------
    async def evaluation_answered(self, user_id: int) -> set[str]:
        rows = await self.fetchall(
            "SELECT question FROM evaluation_answers WHERE user_id = ?", (user_id,))
        return {r[0] for r in rows}

    async def answer_evaluation(self, user_id: int, question: str, answer: str) -> bool:
        """True if recorded; an answer, once given, stays."""
        changed = await self.execute(
            "INSERT OR IGNORE INTO evaluation_answers (user_id, question, answer, at) "
            "VALUES (?, ?, ?, ?)",
            (user_id, question, answer, self.utcnow()))
        return changed > 0

    async def evaluation_rows(self) -> list[tuple[str, str]]:
        """(question id, answer) of every answer given, with no one's identity."""
        rows = await self.fetchall(
            "SELECT question, answer FROM evaluation_answers WHERE answer != '' "
            "ORDER BY question, at")
        return [(r[0], r[1]) for r in rows]

    # -- desk staff ------------------------------------------------------------------------
    async def staff_role(self, user_id: int) -> str | None:
        row = await self.fetchone(
            "SELECT role FROM staff WHERE user_id = ? AND revoked_at IS NULL", (user_id,)
        )
        return str(row[0]) if row else None

    async def staff_members(self) -> list[StaffMember]:
        rows = await self.fetchall(
            "SELECT s.user_id, s.role, u.first_name FROM staff s "
            "LEFT JOIN users u ON u.id = s.user_id "
            "WHERE s.revoked_at IS NULL ORDER BY s.added_at"
        )
        return [StaffMember(int(r[0]), r[1], r[2]) for r in rows]

    async def create_staff_invite(
        self, code_hash: str, role: str, created_by: int, now: datetime, expires_at: datetime
    ) -> None:
        await self.execute(
            "INSERT INTO staff_invites (code_hash, role, created_by, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (code_hash, role, created_by, iso(now), iso(expires_at)),
        )

    async def redeem_staff_invite(
        self, code_hash: str, user_id: int, now: datetime
    ) -> tuple[str, str | None]:
        """('ok' | 'unknown' | 'used' | 'expired', the role). One transaction, as for
        organizer invites: two people racing with one code cannot both get the role."""
        async with self.transaction() as db:
            async with db.execute(
                "SELECT role, created_by, expires_at, used_by FROM staff_invites "
                "WHERE code_hash = ?",
                (code_hash,),
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                return "unknown", None
            role = str(row["role"])
            if row["used_by"] is not None:
                return "used", role
            if parse_iso(row["expires_at"]) <= now:
                return "expired", role
            await db.execute(
                "UPDATE staff_invites SET used_by = ?, used_at = ? WHERE code_hash = ?",
                (user_id, iso(now), code_hash),
            )
            await db.execute(
                """
                INSERT INTO staff (user_id, role, added_by, added_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(user_id) DO UPDATE SET role = excluded.role,
                    added_by = excluded.added_by, added_at = excluded.added_at,
                    revoked_by = NULL, revoked_at = NULL
                """,
                (user_id, role, int(row["created_by"]), iso(now)),
            )
        return "ok", role

    async def revoke_staff(self, user_id: int, revoked_by: int, now: datetime) -> bool:
        changed = await self.execute(
            "UPDATE staff SET revoked_by = ?, revoked_at = ? "
            "WHERE user_id = ? AND revoked_at IS NULL",
            (revoked_by, iso(now), user_id),
        )
        return changed > 0


def _attendee(row: Any) -> Attendee:
    """From a row that starts with user_id, name, instansi, role."""
    return Attendee(int(row[0]), str(row[1]), str(row[2]), str(row[3]))
