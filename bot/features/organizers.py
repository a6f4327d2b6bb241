"""Organizers: who is one, invites to become one, revoking, and the linked groups.

Organizers are the user ids in BOT_ADMINS plus those who redeemed an invite. Actions that
change something are written to the audit table here, next to the change itself.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.features import now
from bot.storage.organizers import LinkedChat, Organizer

if TYPE_CHECKING:
    from bot.context import Services

INVITE_PREFIX = "org_"
INVITE_VALID = timedelta(hours=24)


async def is_organizer(services: Services, user_id: int) -> bool:
    return user_id in services.settings.admins or await services.repo.is_invited_organizer(
        user_id)


@dataclass(frozen=True, slots=True)
class Roster:
    """What /admin shows: configured organizers (id, first name), invited ones, the rest."""

    configured: tuple[tuple[int, str | None], ...]
    invited: tuple[Organizer, ...]
    pending_invites: int
    linked: tuple[LinkedChat, ...]


async def roster(services: Services) -> Roster:
    repo = services.repo
    configured = []
    for user_id in sorted(services.settings.admins):
        row = await repo.get_user(user_id)
        configured.append((user_id, row.first_name if row else None))
    return Roster(tuple(configured), tuple(await repo.invited_organizers()),
                  await repo.pending_invites(now(services)), tuple(await repo.linked_chats()))


@dataclass(frozen=True, slots=True)
class Invite:
    code: str
    expires: datetime


def invite_hash(code: str) -> str:
    """What is stored of an invite code (organizers', staff's): its hash, never the code."""
    return hashlib.sha256(code.encode()).hexdigest()


async def create_invite(services: Services, by: int) -> Invite:
    """A single-use code, valid for a day. Only its hash is stored: whoever reads the
    database cannot use pending invites."""
    repo = services.repo
    code = INVITE_PREFIX + secrets.token_urlsafe(18)
    created = now(services)
    expires = created + INVITE_VALID
    await repo.create_invite(invite_hash(code), by, created, expires)
    await repo.audit(by, "invite_created", {"expires": expires.isoformat()})
    return Invite(code, expires)


def is_invite(code: str) -> bool:
    return code.startswith(INVITE_PREFIX)


class Redeemed(StrEnum):
    OK = "ok"
    ALREADY = "already"  # an organizer already
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


async def redeem(services: Services, user_id: int, code: str) -> Redeemed:
    if await is_organizer(services, user_id):
        return Redeemed.ALREADY
    repo = services.repo
    result = Redeemed(await repo.redeem_invite(invite_hash(code), user_id, now(services)))
    if result is Redeemed.OK:
        await repo.audit(user_id, "invite_redeemed", {})
    return result


class Revoked(StrEnum):
    DONE = "done"
    CONFIGURED = "configured"  # in BOT_ADMINS: only the configuration can change that
    NOT_INVITED = "not_invited"


async def revoke(services: Services, user_id: int, by: int) -> Revoked:
    if user_id in services.settings.admins:
        return Revoked.CONFIGURED
    repo = services.repo
    if not await repo.revoke_organizer(user_id, by, now(services)):
        return Revoked.NOT_INVITED
    await repo.audit(by, "organizer_revoked", {"user_id": user_id})
    return Revoked.DONE


async def link_chat(services: Services, chat_id: int, title: str, kind: str, by: int) -> None:
    """A group where announcements can go too."""
    repo = services.repo
    await repo.link_chat(chat_id, title, kind, by)
    await repo.audit(by, "chat_linked", {"chat_id": chat_id})
