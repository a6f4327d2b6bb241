"""Attendance for the official record: delegate cards, desk and session check-in, daftar hadir.

Two signed tokens, both made with one HMAC key kept in the database:

- a *card link* (`k_…`) in the QR of a delegate's card: a random card number and its MAC,
  so the link names nobody in clear and cannot be forged or guessed. Only an organizer, a
  `petugas` or a `moderator` opening it learns whose card it is (and records the desk
  check-in for the day);
- a *session code* (`KMP472`, deep link `a_KMP472`) shown on the screen during a session:
  a MAC of the session id and the current time window, so it needs no storage, changes every
  `code_period` and is refused once it has changed twice (a code passed on by chat after the
  screen moved on no longer works).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from itertools import groupby

from bot.features import evaluation, feedback
from bot.features.organizers import Redeemed, invite_hash
from bot.features.roles import Staff, staff_role
from bot.model import Event, Session, SessionKind
from bot.storage import Repo
from bot.storage.attendance import Attendee, CheckinRow

CARD_PREFIX = "k_"
CODE_PREFIX = "a_"
STAFF_INVITE_PREFIX = "ptg_"
STAFF_INVITE_VALID = timedelta(hours=24)
#: Letters of a session code: no I, L or O, which read like 1 and 0 on a projector.
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PATTERN = re.compile(r"^[A-Z]{3}[0-9]{3}$")
#: How far back a typed code is looked up to tell "expired" or "that session ended" from
#: "wrong": longer than any session, short enough to stay cheap.
LOOKBACK = timedelta(hours=4)
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_CARD_MAC_BYTES = 9


#: Roles an organizer can hand out with an invite (organizers have their own invites).
INVITABLE = (Staff.PETUGAS, Staff.MODERATOR)


# -- tokens ----------------------------------------------------------------------------------
def _mac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def card_payload(key: bytes, card_no: str) -> str:
    """The deep-link argument of a card: `k_` + base64url(card number + MAC), 25 chars."""
    raw = bytes.fromhex(card_no)
    token = raw + _mac(key, "card:" + card_no)[:_CARD_MAC_BYTES]
    return CARD_PREFIX + base64.urlsafe_b64encode(token).decode().rstrip("=")


def card_number(key: bytes, payload: str) -> str | None:
    """The card number of a genuine card link, else None (forged, damaged, not a card)."""
    if not payload.startswith(CARD_PREFIX):
        return None
    text = payload[len(CARD_PREFIX):]
    try:
        token = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    if len(token) != 8 + _CARD_MAC_BYTES:
        return None
    card_no = token[:8].hex()
    expected = _mac(key, "card:" + card_no)[:_CARD_MAC_BYTES]
    return card_no if hmac.compare_digest(token[8:], expected) else None


def window(moment: datetime, period: timedelta) -> int:
    return int((moment - _EPOCH) // period)


def window_end(index: int, period: timedelta) -> datetime:
    return _EPOCH + period * (index + 1)


def session_code(key: bytes, session_id: str, index: int) -> str:
    digest = _mac(key, f"session:{session_id}:{index}")
    letters = "".join(CODE_LETTERS[b % len(CODE_LETTERS)] for b in digest[:3])
    number = int.from_bytes(digest[3:7], "big") % 1000
    return f"{letters}{number:03d}"


def normalize_code(text: str) -> str:
    """'kmp-472', 'KMP 472', 'a_KMP472' -> 'KMP472' (not checked)."""
    text = text.strip()
    if text.startswith(CODE_PREFIX):
        text = text[len(CODE_PREFIX):]
    return re.sub(r"[\s\-_.]", "", text).upper()


def checkin_open(event: Event, session: Session, moment: datetime) -> bool:
    """A session takes check-ins while it runs and for the grace period after it."""
    if session.kind is SessionKind.BREAK:
        return False
    return session.start <= moment < session.end + event.attendance.grace


def open_sessions(event: Event, moment: datetime) -> tuple[Session, ...]:
    return tuple(s for s in event.sessions if checkin_open(event, s, moment))


# -- the delegate's card -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Card:
    """`attendee` None: not registered, so there is nothing to put on a card."""

    attendee: Attendee | None
    payload: str = ""


async def my_card(repo: Repo, user_id: int) -> Card:
    attendee = await repo.attendee(user_id)
    if attendee is None:
        return Card(None)
    key, card_no = await repo.attendance_key(), await repo.card_number(user_id)
    return Card(attendee, card_payload(key, card_no))


# -- desk check-in -----------------------------------------------------------------------------
class DeskStatus(StrEnum):
    FORBIDDEN = "forbidden"  # not staff: told nothing about the card
    INVALID = "invalid"  # forged or damaged link, or a card whose owner erased their data
    NOT_EVENT_DAY = "not_event_day"
    RECORDED = "recorded"
    ALREADY = "already"


@dataclass(frozen=True, slots=True)
class DeskResult:
    status: DeskStatus
    attendee: Attendee | None = None
    at: datetime | None = None
    day_number: int | None = None


async def desk_checkin(
    repo: Repo, event: Event, admins: Iterable[int], staff_id: int, payload: str, now: datetime
) -> DeskResult:
    """A staff member opened a card link: record today's desk check-in of its owner."""
    if await staff_role(repo, admins, staff_id) is None:
        return DeskResult(DeskStatus.FORBIDDEN)
    card_no = card_number(await repo.attendance_key(), payload)
    attendee = await repo.card_owner(card_no) if card_no else None
    if attendee is None:
        return DeskResult(DeskStatus.INVALID)
    day = event.local(now).date()
    number = event.day_number(day)
    if number is None:
        return DeskResult(DeskStatus.NOT_EVENT_DAY, attendee)
    new, at = await repo.record_desk_checkin(attendee.user_id, day.isoformat(), staff_id, now)
    if new:
        await evaluation.plan(repo, event, attendee.user_id)
    status = DeskStatus.RECORDED if new else DeskStatus.ALREADY
    return DeskResult(status, attendee, event.local(at), number)


# -- the code on the screen --------------------------------------------------------------------
class ScreenStatus(StrEnum):
    FORBIDDEN = "forbidden"
    UNKNOWN_SESSION = "unknown_session"
    NONE_OPEN = "none_open"
    NOT_OPEN = "not_open"
    CHOOSE = "choose"  # several sessions run in parallel: say which
    OK = "ok"


@dataclass(frozen=True, slots=True)
class Screen:
    status: ScreenStatus
    session: Session | None = None
    code: str = ""
    #: When this code stops being the current one (it is still accepted one period more).
    changes_at: datetime | None = None
    #: When check-in for the session closes (its end plus the grace period).
    closes_at: datetime | None = None
    choices: tuple[Session, ...] = ()

    @property
    def payload(self) -> str:
        return CODE_PREFIX + self.code


async def screen_code(
    repo: Repo, event: Event, admins: Iterable[int], user_id: int, session_id: str,
    now: datetime,
) -> Screen:
    """`/absen [sesi]`: the code (and deep link) to show on the screen for a session."""
    if await staff_role(repo, admins, user_id) is None:
        return Screen(ScreenStatus.FORBIDDEN)
    if session_id:
        session = event.session(session_id.strip().lower())
        if session is None:
            return Screen(ScreenStatus.UNKNOWN_SESSION, choices=open_sessions(event, now))
        if not checkin_open(event, session, now):
            return Screen(ScreenStatus.NOT_OPEN, session, choices=open_sessions(event, now))
    else:
        running = open_sessions(event, now)
        if not running:
            return Screen(ScreenStatus.NONE_OPEN)
        if len(running) > 1:
            return Screen(ScreenStatus.CHOOSE, choices=running)
        session = running[0]
    period = event.attendance.code_period
    index = window(now, period)
    closes = session.end + event.attendance.grace
    return Screen(
        ScreenStatus.OK,
        session,
        session_code(await repo.attendance_key(), session.id, index),
        changes_at=event.local(min(window_end(index, period), closes)),
        closes_at=event.local(closes),
    )


# -- session check-in by a delegate ------------------------------------------------------------
class CheckinStatus(StrEnum):
    NOT_REGISTERED = "not_registered"
    WRONG_CODE = "wrong_code"
    EXPIRED = "expired"  # a genuine code of this session that has since changed
    NOT_OPEN = "not_open"  # a genuine code of a session that no longer takes check-ins
    RECORDED = "recorded"
    ALREADY = "already"


@dataclass(frozen=True, slots=True)
class CheckinResult:
    status: CheckinStatus
    session: Session | None = None
    at: datetime | None = None


async def session_checkin(
    repo: Repo, event: Event, user_id: int, text: str, now: datetime, via: str = "code"
) -> CheckinResult:
    """A delegate typed a code or opened a code link."""
    if await repo.attendee(user_id) is None:
        return CheckinResult(CheckinStatus.NOT_REGISTERED)
    code = normalize_code(text)
    if not CODE_PATTERN.match(code):
        return CheckinResult(CheckinStatus.WRONG_CODE)
    key = await repo.attendance_key()
    period = event.attendance.code_period
    current = window(now, period)
    running = open_sessions(event, now)
    # The code now on the screen, or the one just before it (someone typing as it changed).
    for session in running:
        if any(hmac.compare_digest(code, session_code(key, session.id, i))
               for i in (current, current - 1)):
            new, at = await repo.record_session_checkin(user_id, session.id, via, now)
            if new:
                await feedback.plan(repo, event, user_id)
                await evaluation.plan(repo, event, user_id)
            status = CheckinStatus.RECORDED if new else CheckinStatus.ALREADY
            return CheckinResult(status, session, event.local(at))
    oldest = window(now - LOOKBACK, period)
    for session in event.sessions:
        if session.kind is SessionKind.BREAK or session.start > now:
            continue
        if session.end + event.attendance.grace < now - LOOKBACK:
            continue
        first = max(oldest, window(session.start, period))
        last = window(session.end + event.attendance.grace, period)
        if session in running:
            last = current - 2  # the current and previous codes were checked above
        if any(code == session_code(key, session.id, i) for i in range(first, last + 1)):
            if session in running:
                return CheckinResult(CheckinStatus.EXPIRED, session)
            return CheckinResult(CheckinStatus.NOT_OPEN, session)
    return CheckinResult(CheckinStatus.WRONG_CODE)


# -- desk staff (petugas, moderators) ----------------------------------------------------------
class StaffInviteStatus(StrEnum):
    FORBIDDEN = "forbidden"
    BAD_ROLE = "bad_role"
    OK = "ok"


@dataclass(frozen=True, slots=True)
class StaffInvite:
    status: StaffInviteStatus
    role: Staff | None = None
    code: str = ""
    expires: datetime | None = None


async def invite_staff(
    repo: Repo, event: Event, admins: Iterable[int], user_id: int, role: str, now: datetime
) -> StaffInvite:
    """An organizer invites a petugas (the default) or a moderator; the link works once."""
    if await staff_role(repo, admins, user_id) is not Staff.ORGANIZER:
        return StaffInvite(StaffInviteStatus.FORBIDDEN)
    wanted = next((r for r in INVITABLE if r.value == (role.strip().lower() or "petugas")), None)
    if wanted is None:
        return StaffInvite(StaffInviteStatus.BAD_ROLE)
    code = STAFF_INVITE_PREFIX + secrets.token_urlsafe(18)
    expires = now + STAFF_INVITE_VALID
    # Only a hash is stored, as for organizer invites.
    await repo.create_staff_invite(invite_hash(code), wanted.value, user_id, now, expires)
    await repo.audit(user_id, "staff_invite_created", {"role": wanted.value})
    return StaffInvite(StaffInviteStatus.OK, wanted, code, event.local(expires))


@dataclass(frozen=True, slots=True)
class StaffRedeemed:
    """`result` as for an organizer invite (ALREADY: an organizer needs no staff role)."""

    result: Redeemed
    role: Staff | None = None


async def redeem_staff_invite(
    repo: Repo, admins: Iterable[int], user_id: int, payload: str, now: datetime
) -> StaffRedeemed:
    if await staff_role(repo, admins, user_id) is Staff.ORGANIZER:
        return StaffRedeemed(Redeemed.ALREADY, Staff.ORGANIZER)
    found, role = await repo.redeem_staff_invite(invite_hash(payload), user_id, now)
    result = Redeemed(found)
    if result is Redeemed.OK:
        await repo.audit(user_id, "staff_invite_redeemed", {"role": role})
    return StaffRedeemed(result, Staff(role) if result is Redeemed.OK and role else None)


@dataclass(frozen=True, slots=True)
class StaffList:
    allowed: bool
    members: tuple[tuple[int, Staff, str], ...] = ()  # (user id, role, first name)


async def list_staff(repo: Repo, admins: Iterable[int], user_id: int) -> StaffList:
    if await staff_role(repo, admins, user_id) is not Staff.ORGANIZER:
        return StaffList(False)
    members = await repo.staff_members()
    return StaffList(True, tuple((m.user_id, Staff(m.role), m.first_name or "") for m in members))


async def revoke_staff(
    repo: Repo, admins: Iterable[int], user_id: int, target: int, now: datetime
) -> bool | None:
    """None: not allowed; False: no such staff member; True: revoked (and audited)."""
    if await staff_role(repo, admins, user_id) is not Staff.ORGANIZER:
        return None
    if not await repo.revoke_staff(target, user_id, now):
        return False
    await repo.audit(user_id, "staff_revoked", {"user_id": target})
    return True


# -- daftar hadir ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Line:
    """One row of a daftar hadir."""

    attendee: Attendee
    at: datetime


@dataclass(frozen=True, slots=True)
class Sheet:
    """The daftar hadir of one session (`session` set) or one day's desk (`day` set)."""

    title: str
    key: str  # a session id or an ISO day: part of file names
    lines: tuple[Line, ...]  # grouped per instansi, then by name
    session: Session | None = None

    def groups(self) -> list[tuple[str, list[Line]]]:
        """(instansi, its lines); "Kota Kupang" and "kota kupang" are one instansi, named
        as its first delegate typed it."""
        grouped = groupby(self.lines, key=lambda ln: ln.attendee.instansi.casefold())
        return [(lines[0].attendee.instansi, lines) for _key, g in grouped if (lines := list(g))]


@dataclass(frozen=True, slots=True)
class Report:
    sessions: tuple[Sheet, ...]
    days: tuple[Sheet, ...]


def _sorted_lines(event: Event, rows: Iterable[CheckinRow]) -> tuple[Line, ...]:
    lines = [Line(r.attendee, event.local(r.at)) for r in rows]
    lines.sort(key=lambda ln: (ln.attendee.instansi.casefold(), ln.attendee.name.casefold(),
                               ln.attendee.user_id))
    return tuple(lines)


async def attendance_report(repo: Repo, event: Event) -> Report:
    """Every session's and every day's attendance, for the export (organizers only: the
    caller checks the role and the chat)."""
    by_session: dict[str, list[CheckinRow]] = {}
    for row in await repo.session_checkin_rows():
        by_session.setdefault(row.ref, []).append(row)
    sessions = tuple(
        Sheet(s.title.get("id"), s.id, _sorted_lines(event, by_session.get(s.id, ())), s)
        for s in event.sessions
        if s.kind is not SessionKind.BREAK
    )
    by_day: dict[str, list[CheckinRow]] = {}
    for row in await repo.desk_checkin_rows():
        by_day.setdefault(row.ref, []).append(row)
    days = tuple(
        Sheet(d.isoformat(), d.isoformat(), _sorted_lines(event, by_day.get(d.isoformat(), ())))
        for d in event.days
    )
    return Report(sessions, days)
