"""Certificates of attendance: the rule of the data file, issue or withhold by hand, verify.

A certificate gets a random verification code when first issued; `/cek KODE` (and
`citynet-bot verify KODE`) tells whether it is genuine and whose it is. Once its holder erases
their data it verifies as revoked ("dicabut") and names nobody.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bot.features import evaluation
from bot.features.roles import Staff, staff_role
from bot.model import Event, Session, SessionKind
from bot.storage import Repo
from bot.storage.attendance import CertificateRow, CertificateStatus

#: Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_PREFIX = "CN"


def new_code() -> str:
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def normalize_code(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def display_code(code: str) -> str:
    """'CN4K7Q9MZD' -> 'CN-4K7Q-9MZD'."""
    return f"{code[:2]}-{code[2:6]}-{code[6:]}" if len(code) == 10 else code


class Status(StrEnum):
    NOT_REGISTERED = "not_registered"
    NO_CERTIFICATES = "no_certificates"  # the data file has no [certificate]
    TOO_EARLY = "too_early"  # the event has not ended yet
    NOT_MET = "not_met"
    WITHHELD = "withheld"
    ISSUED = "issued"


@dataclass(frozen=True, slots=True)
class Progress:
    """What the delegate has against the rule (both criteria, whichever the file uses)."""

    days_rule: bool  # the rule counts desk check-ins on every day
    missing_days: tuple[date, ...]
    plenary_attended: int
    plenary_total: int
    plenary_needed: int | None  # None: the rule does not count plenary sessions
    #: None: the event has no evaluation; else whether the delegate completed it.
    evaluation_done: bool | None = None

    @property
    def met(self) -> bool:
        return (self.days_met or self.plenary_met) and self.evaluation_done is not False

    @property
    def days_met(self) -> bool:
        return self.days_rule and not self.missing_days

    @property
    def plenary_met(self) -> bool:
        return self.plenary_needed is not None and self.plenary_attended >= self.plenary_needed


@dataclass(frozen=True, slots=True)
class CertificateResult:
    status: Status
    progress: Progress | None = None
    certificate: CertificateRow | None = None
    ends: datetime | None = None


def plenaries(event: Event) -> tuple[Session, ...]:
    return tuple(s for s in event.sessions if s.kind is SessionKind.PLENARY)


async def progress(repo: Repo, event: Event, user_id: int) -> Progress:
    rules = event.certificate
    assert rules is not None
    days = await repo.desk_days(user_id)
    missing = tuple(d for d in event.days if d.isoformat() not in days)
    attended = await repo.sessions_attended(user_id)
    plenary = plenaries(event)
    needed = None
    if rules.min_plenary_percent is not None:
        # Rounded up: 70 % of 4 plenaries is 3 of them, never 2.8 rounded down to 2.
        needed = -(-len(plenary) * rules.min_plenary_percent // 100)
    got = sum(1 for s in plenary if s.id in attended)
    done = await evaluation.completed(repo, event, user_id) if event.evaluation else None
    return Progress(rules.all_days, missing, got, len(plenary), needed, done)


async def request(repo: Repo, event: Event, user_id: int, now: datetime) -> CertificateResult:
    """`/sertifikat`: the certificate if the rule is met (issued once, then the same one)."""
    attendee = await repo.attendee(user_id)
    if attendee is None:
        return CertificateResult(Status.NOT_REGISTERED)
    if event.certificate is None:
        return CertificateResult(Status.NO_CERTIFICATES)
    existing = await repo.certificate_of(user_id)
    if existing is not None and existing.status is CertificateStatus.WITHHELD:
        return CertificateResult(Status.WITHHELD)
    if existing is not None and existing.status is CertificateStatus.ISSUED:
        return CertificateResult(Status.ISSUED, certificate=existing)
    state = await progress(repo, event, user_id)
    ends = event.local(event.sessions[-1].end)
    if now < event.sessions[-1].end:
        return CertificateResult(Status.TOO_EARLY, state, ends=ends)
    if not state.met:
        return CertificateResult(Status.NOT_MET, state)
    row = await repo.set_certificate(user_id, attendee.name, attendee.instansi,
                                     CertificateStatus.ISSUED, None, new_code())
    return CertificateResult(Status.ISSUED, state, row)


class ManualStatus(StrEnum):
    FORBIDDEN = "forbidden"
    NOT_REGISTERED = "not_registered"
    NO_CERTIFICATES = "no_certificates"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ManualResult:
    status: ManualStatus
    certificate: CertificateRow | None = None


async def decide(
    repo: Repo, event: Event, admins: Iterable[int], organizer_id: int, target: int,
    issue: bool,
) -> ManualResult:
    """An organizer issues (whatever the rule says) or withholds a delegate's certificate."""
    if await staff_role(repo, admins, organizer_id) is not Staff.ORGANIZER:
        return ManualResult(ManualStatus.FORBIDDEN)
    if event.certificate is None:
        return ManualResult(ManualStatus.NO_CERTIFICATES)
    attendee = await repo.attendee(target)
    if attendee is None:
        return ManualResult(ManualStatus.NOT_REGISTERED)
    status = CertificateStatus.ISSUED if issue else CertificateStatus.WITHHELD
    row = await repo.set_certificate(target, attendee.name, attendee.instansi, status,
                                     organizer_id, new_code())
    await repo.audit(organizer_id, "certificate_issued" if issue else "certificate_withheld",
                     {"user_id": target, "code": row.code})
    return ManualResult(ManualStatus.DONE, row)


class Verdict(StrEnum):
    GENUINE = "genuine"
    REVOKED = "revoked"  # withheld by an organizer or erased by its holder
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Verification:
    verdict: Verdict
    code: str
    certificate: CertificateRow | None = None


async def verify(repo: Repo, text: str) -> Verification:
    code = normalize_code(text)
    row = await repo.certificate_by_code(code) if code else None
    if row is None:
        return Verification(Verdict.UNKNOWN, code)
    if row.status is not CertificateStatus.ISSUED:
        return Verification(Verdict.REVOKED, code)
    return Verification(Verdict.GENUINE, code, row)
